"use strict";
// Where a course opens again: the bookmark (the page the learner was on, as
// the platform keeps it) is followed for every page the site can have,
// whatever signs its name holds, and never to anything else. In a real LMS
// run-time (scorm-again, see lms-host.js).

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch } = require("./helpers");
const host = require("./lms-host");
const { serve, leave } = host;

const ROOT = path.resolve(__dirname, "../..");

let browser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-scorm-resume-"));
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); fs.rmSync(work, { recursive: true, force: true }); });

const openHost = (server, lmsData) => host.openHost(browser, server, lmsData);

/** Pages whose names hold every sign a site's links leave as they are
 *  (src/render/url.rs), in folders too, and letters beyond ASCII. */
const NAMES = [
  "Q&A (1) O'Brien+a,b~c!d=e@f;g$h.md",
  "notatki (1)/Łódź, plan & co.md",
  // Past SCORM 1.2's 255 signs for the bookmark when encoded (six a letter):
  // the bookmark keeps the letters as letters.
  "Вступ до навчання дією — перша зустріч групи та правила роботи.md",
];

/** The sample site with the pages of NAMES, whole in one SCORM `version` course. */
function course(version) {
  const site = path.join(work, "names");
  if (!fs.existsSync(site)) {
    for (const folder of ["content", "themes"]) fs.cpSync(path.join(ROOT, folder), path.join(site, folder), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "site.yaml"), path.join(site, "site.yaml"));
    for (const name of NAMES) {
      const file = path.join(site, "content/pages", name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `# ${path.basename(name, ".md")}\n\nA page.\n`);
    }
  }
  return host.packaged(site, work, version, [], `names-${version}`);
}

/** The page the course's frame shows, from the package's root, decoded. */
function shown(page) {
  const frame = page.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
  return decodeURIComponent(frame.url().split("/pkg/")[1]);
}

/** Opens the course with `data` and waits for its frame to show a page of the site. */
async function reopen(server, data) {
  const again = await openHost(server, data);
  await again.content.locator("main").first().waitFor();
  await again.page.waitForTimeout(500);
  return again;
}

for (const version of ["1.2", "2004"]) {
  const location = (cmi) => (version === "1.2" ? cmi.core.lesson_location : cmi.location);

  test(`SCORM ${version}: a course opens again on the page the learner left, whatever signs the page's name holds`, { timeout: 60000 }, async () => {
    const dir = course(version);
    const server = await serve(dir, version, "lms/site.html");
    assert.ok(NAMES.some((n) => encodeURI(n).length > 255), "a name too long for 1.2 when encoded");
    for (const name of NAMES) {
      const page = name.replace(/\.md$/, ".html");
      const { page: tab, problems, content } = await openHost(server);
      await content.locator("main").first().waitFor();
      const frame = tab.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
      await frame.goto(new URL(encodeURI(page), `${server.base}/pkg/`).href);
      await content.locator("main h1").first().waitFor();
      const cmi = await leave(tab);
      assert.equal(decodeURIComponent(location(cmi)), page, "the bookmark");
      assert.ok(location(cmi).length <= 255, `a bookmark SCORM 1.2 keeps: ${location(cmi).length} signs`);
      assert.deepEqual(problems, []);
      await tab.close();

      const again = await reopen(server, host.resumeData(version, cmi, ""));
      assert.equal(shown(again.page), page, "opened again where the learner left");
      // Only that page: not the first page as well, loaded and cut off.
      assert.deepEqual(again.requested.filter((r) => r.endsWith(".html") && !r.startsWith("lms/")), [page]);
      assert.equal(await again.content.locator("main h1").first().textContent(), path.basename(name, ".md"));
      assert.deepEqual(again.problems, []);
      await again.page.close();
    }
    await server.close();
  });
}

test("SCORM 1.2: a bookmark that is not a page of the site is not followed: the course opens on its first page", { timeout: 60000 }, async () => {
  const dir = course("1.2");
  const server = await serve(dir, "1.2", "lms/site.html");
  const refused = [
    "javascript:alert(1)//x.html",
    "JavaScript:alert(1);index.html",
    "http://example.com/index.html",
    "//example.com/index.html",
    "/index.html",
    "..\\lms\\site.html",
    "practice\\index.html",
    "practice/../../index.html",
    "practice/%2e%2e/%2E%2e/index.html",
    "./index.html",
    "practice//index.html",
    "index.html\n",
    "practice/index.html?x=1",
    "notes.txt",
    // The package's own launch page: not opened inside itself.
    "lms/site.html",
  ];
  for (const mark of refused) {
    const again = await reopen(server, { core: { lesson_location: mark, entry: "resume" } });
    assert.equal(shown(again.page), "index.html", JSON.stringify(mark));
    assert.deepEqual(again.problems, [], JSON.stringify(mark));
    // One session: a launch page opened inside the course starts none.
    assert.deepEqual(await again.page.evaluate(() => window.lms.errors), [], JSON.stringify(mark));
    await again.page.close();
  }
  // Written as the frame's address has it, or percent-encoded all through: followed.
  for (const mark of ["practice/index.html", "practice/index.html#item-1", "Q%26A%20(1)%20O'Brien%2Ba%2Cb~c!d%3De%40f%3Bg%24h.html"]) {
    const again = await reopen(server, { core: { lesson_location: mark, entry: "resume" } });
    assert.equal(shown(again.page).split("#")[0], decodeURIComponent(mark.split("#")[0]), mark);
    await again.page.close();
  }
  await server.close();
});

/** Waits (up to 15 s) for the course's frame to show `want`; returns what it shows. */
async function shows(page, want) {
  for (let waited = 0; waited < 15000 && shown(page) !== want; waited += 250) await page.waitForTimeout(250);
  return shown(page);
}

test("SCORM 2004: a bookmark to a page the package no longer has (a course uploaded again) opens the first page, which becomes the bookmark", { timeout: 60000 }, async () => {
  const dir = course("2004");
  const server = await serve(dir, "2004", "lms/site.html");
  const again = await openHost(server, { location: "workshops/foundations/a-module-renamed-since.html", entry: "resume" });
  assert.equal(await shows(again.page, "index.html"), "index.html", "the course opens on its first page, not on the server's 404");
  await again.content.locator("main h1").first().waitFor();
  // A page the learner reaches that is not the site's (a 404) is not kept as the bookmark either.
  const frame = again.page.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
  await frame.goto(new URL("practice/index.html", `${server.base}/pkg/`).href);
  await again.content.locator("main h1").first().waitFor();
  await frame.goto(new URL("practice/gone.html", `${server.base}/pkg/`).href);
  await again.page.waitForTimeout(500);
  const cmi = await leave(again.page);
  assert.equal(cmi.location, "practice/index.html", "the last page of the site the learner was on");
  await again.page.close();
  await server.close();
});

// A course packaged again after the trainer inserted an item at the top of
// a set: what the learner answered before was given to other items (an
// item's id is its place), so it is neither shown on the new ones nor
// counted in the score the platform gets.
for (const version of ["1.2", "2004"]) test(`SCORM ${version}: answers saved before the set changed are neither shown nor counted in the new package`, { timeout: 60000 }, async () => {
  const site = path.join(work, `changed-set-${version}`);
  for (const folder of ["content", "themes"]) fs.cpSync(path.join(ROOT, folder), path.join(site, folder), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "site.yaml"), path.join(site, "site.yaml"));
  const part = ["content/practice/session-flow.yaml"];
  const first = host.packaged(site, work, version, part, `changed-set-${version}-1`);
  let server = await serve(first, version, "lms/practice-session-flow.html");
  const { page, problems, content } = await openHost(server);
  await host.scriptsRan(content);
  // Item 2, a choice, answered rightly: 1 of 3 answered, and right.
  const item = content.locator("#item-2");
  await item.locator("label.option").nth(1).click();
  await item.locator("button[type=submit]").click();
  await item.locator(".feedback .verdict").waitFor();
  const cmi = await leave(page);
  // The answer went with its item's fingerprint, in 1.2's short names too.
  assert.match(JSON.parse(cmi.suspend_data).s["alsite-practice:session-flow"]["item-2"].i, /^[0-9a-z]{4}$/);
  if (version === "2004") assert.deepEqual([cmi.progress_measure, cmi.score.raw], ["0.3333", "33.33"]);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();

  const set = path.join(site, part[0]);
  const yaml = fs.readFileSync(set, "utf8");
  fs.writeFileSync(set, yaml.replace("items:\n", 'items:\n  - type: choose\n    prompt: A new first question.\n    options:\n'
    + '      - { text: "Yes", correct: true, feedback: "Right." }\n      - { text: "No", feedback: "Not this." }\n'));
  const second = host.packaged(site, work, version, part, `changed-set-${version}-2`);
  server = await serve(second, version, "lms/practice-session-flow.html");
  const again = await openHost(server, host.resumeData(version, cmi, ""));
  await host.scriptsRan(again.content);
  const moved = again.content.locator("#item-2");
  assert.match(await moved.textContent(), /Put the stages/, "the old first item is second now");
  assert.equal((await moved.locator(".feedback").textContent()).trim(), "", "it shows no answer");
  assert.equal(await again.content.locator(".practice-item input:checked").count(), 0, "no option chosen anywhere");
  const after = await leave(again.page);
  if (version === "2004") assert.deepEqual([after.progress_measure, after.score.raw, after.completion_status], ["0", "0", "incomplete"], "the old answer is not counted");
  else assert.equal(after.core.lesson_status, "incomplete");
  assert.deepEqual(again.problems, []);
  await again.page.close();
  await server.close();
});
