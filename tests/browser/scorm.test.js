"use strict";
// SCORM packages in a real LMS run-time: scorm-again (the API an LMS gives a
// SCO) in a host page that opens the package's launch page in a frame, as an
// LMS does. A learner answers practice items and watches a session; the test
// reads back what the LMS recorded (score, interactions, status,
// suspend_data, bookmark), then launches again with that data to check the
// resume. Both SCORM 1.2 and 2004. Also: the package opened with no LMS.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, axeViolations } = require("./helpers");
const { embedded } = require("./site-data");
const host = require("./lms-host");
const { settled, serve, leave, scriptsRan, list, resumeData } = host;

const BIN = process.env.ALSITE_BIN;
const ROOT = path.resolve(__dirname, "../..");
const PARTS = ["content/practice/session-flow.yaml", "content/practice/open-questions.yaml", "content/sessions/rota-tool.yaml"];

let browser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-scorm-"));
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); fs.rmSync(work, { recursive: true, force: true }); });

const unpacked = (version, parts, name) => host.packaged(ROOT, work, version, parts, name);
const openHost = (server, lmsData) => host.openHost(browser, server, lmsData);

/** The package of PARTS in `version`, made once for every test that needs it. */
function partsPackage(version) {
  const dir = path.join(work, `parts-${version}`);
  return fs.existsSync(dir) ? dir : unpacked(version, PARTS, `parts-${version}`);
}

const masteryIn = (dir, version) => {
  const xml = fs.readFileSync(path.join(dir, "imsmanifest.xml"), "utf8");
  const m = version === "1.2" ? xml.match(/<adlcp:masteryscore>(\d+)</) : xml.match(/<imsss:minNormalizedMeasure>([\d.]+)</);
  return m && m[1];
};

async function answerSessionFlow(content, items) {
  // The first choose item wrongly, the rest rightly: 2 of 3, below the 80% mastery.
  const wrong = items.find((i) => i.type === "choose");
  for (const item of items) {
    const s = content.locator(`#${item.id}`);
    if (item.type === "choose") {
      const pick = item.options.findIndex((o) => (item === wrong ? !o.correct : o.correct));
      await s.locator("label.option").nth(pick).click();
    } else {
      // Order: put the steps in their listed order with the ↑ buttons.
      for (let want = 1; want <= item.size; want++) {
        for (;;) {
          const steps = await s.locator("ol.steps li").evaluateAll((lis) => lis.map((li) => Number(li.dataset.position)));
          const at = steps.indexOf(want);
          if (at === want - 1) break;
          await s.locator("ol.steps li").nth(at).locator(".up").click();
        }
      }
    }
    await s.locator("button[type=submit]").click();
    await s.locator(".feedback .verdict").waitFor();
  }
}

for (const version of ["1.2", "2004"]) {
  const v12 = version === "1.2";
  const core = (cmi) => (v12 ? cmi.core : cmi);

  test(`SCORM ${version}: score, interactions, pass or fail, bookmark and resume of a practice set`, async () => {
    const dir = partsPackage(version);
    const mastery = masteryIn(dir, version);
    assert.equal(mastery, v12 ? "80" : "0.80", "the manifest carries site.yaml's mastery score");
    const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
    const server = await serve(dir, version, "lms/practice-session-flow.html");
    const { page, problems, content } = await openHost(server, v12 ? { student_data: { mastery_score: mastery } } : { scaled_passing_score: mastery });
    await scriptsRan(content);
    assert.equal(await content.locator("h1").textContent(), "The flow of a session");
    assert.equal(await content.locator(".item-count").innerText(), "3\u00a0exercises. Your answers are saved in your learning platform.");

    await answerSessionFlow(content, items);
    assert.equal(await content.locator(".progress .score").textContent(), "Answered 3 of 3, 2 right.");
    await page.waitForFunction(() => window.lms.commits >= 1, null, { timeout: 5000 });

    const cmi = await leave(page);
    assert.deepEqual({ raw: core(cmi).score.raw, min: core(cmi).score.min, max: core(cmi).score.max }, { raw: "66.67", min: "0", max: "100" }, "2 of 3 right: 66.67%");
    if (v12) {
      assert.equal(cmi.core.lesson_status, "failed", "2 of 3 is below 80%");
      assert.equal(cmi.core.exit, "suspend");
      assert.equal(cmi.core.lesson_location, "practice/session-flow.html");
      assert.match(cmi.core.session_time, /^\d{2,4}:\d\d:\d\d/);
    } else {
      assert.equal(cmi.completion_status, "completed");
      assert.equal(cmi.success_status, "failed", "2 of 3 is below 80%");
      assert.equal(cmi.score.scaled, "0.6667");
      assert.equal(cmi.exit, "suspend");
      assert.equal(cmi.location, "practice/session-flow.html");
      assert.match(cmi.session_time, /^PT/);
    }
    const inter = list(cmi.interactions);
    const response = (x) => x[v12 ? "student_response" : "learner_response"];
    assert.deepEqual(inter.map((i) => i.type), items.map((i) => (i.type === "order" ? "sequencing" : "choice")));
    const wrong = items.findIndex((i) => i.type === "choose");
    assert.deepEqual(inter.map((i) => i.result), items.map((i, n) => (n !== wrong ? "correct" : v12 ? "wrong" : "incorrect")));
    assert.equal(inter[wrong].id, `urn:alsite:session-flow:${items[wrong].id}`);
    assert.equal(response(inter[wrong]), "abcdefgh"[items[wrong].options.findIndex((o) => !o.correct)]);
    assert.equal(inter[wrong].correct_responses["0"].pattern, "abcdefgh"[items[wrong].options.findIndex((o) => o.correct)]);
    const order = items.findIndex((i) => i.type === "order");
    const steps = "abcdefghi".slice(0, items[order].size).split("").join(v12 ? "," : "[,]");
    assert.equal(response(inter[order]), steps);
    assert.equal(inter[order].correct_responses["0"].pattern, steps);
    assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= 4096, `suspend_data is ${cmi.suspend_data.length} characters`);
    assert.deepEqual(await page.evaluate(() => window.lms.errors), [], "the run-time accepted every value");
    assert.deepEqual(problems, []);
    await page.close();

    // The next launch resumes: the answers and score are back.
    const again = await openHost(server, resumeData(version, cmi, mastery));
    await again.content.locator(".progress .score").waitFor();
    assert.equal(await again.content.locator(".progress .score").textContent(), "Answered 3 of 3, 2 right.");
    assert.match(await again.content.locator(`#${items[items.length - 1].id} .feedback`).textContent(), /^✓/);
    assert.deepEqual(again.problems, []);
    await again.page.close();
    await server.close();
  });

  // A platform puts the score it is sent in its gradebook (Moodle's
  // "Highest grade"): a learner who has only opened the course has none.
  test(`SCORM ${version}: opened and left before any answer, the platform gets no score`, async () => {
    const dir = partsPackage(version);
    const server = await serve(dir, version, "lms/practice-open-questions.html");
    const host = await openHost(server);
    await host.content.locator(".practice-item textarea").first().waitFor();
    const cmi = await leave(host.page);
    assert.equal(v12 ? cmi.core.score.raw : cmi.score.raw, "", "no score yet, not 0");
    assert.equal(v12 ? cmi.core.lesson_status : cmi.completion_status, "incomplete");
    if (!v12) assert.equal(cmi.progress_measure, "0");
    assert.deepEqual(host.problems, []);
    await host.page.close();
    await server.close();
  });

  test(`SCORM ${version}: a typed answer as a fill-in interaction; a session complete when watched to the end`, async () => {
    const dir = partsPackage(version);
    const rewrite = embedded(dir, "practice/open-questions.html", "practice-data").items[0];
    let server = await serve(dir, version, "lms/practice-open-questions.html");
    let host = await openHost(server);
    const s = host.content.locator(`#${rewrite.id}`);
    await s.locator("textarea").fill("What would help you {most} here?");
    await s.locator("button[type=submit]").click();
    await s.locator(".feedback .verdict").waitFor();
    let cmi = await leave(host.page);
    const inter = list(cmi.interactions)[0];
    assert.equal(inter.type, "fill-in");
    assert.equal(inter[v12 ? "student_response" : "learner_response"], "What would help you most here?");
    assert.equal(inter.result, "correct");
    // 1.2 with a mastery score: no score until complete (see the next tests).
    if (v12) assert.equal(cmi.core.score.raw, "");
    else assert.deepEqual({ raw: cmi.score.raw, max: cmi.score.max }, { raw: "8.33", max: "100" }, "1 of 12: 8.33%");
    assert.equal(v12 ? cmi.core.lesson_status : cmi.completion_status, "incomplete", "11 items still to do");
    if (!v12) {
      assert.equal(cmi.progress_measure, "0.0833");
      // Not judged while the learner is still working.
      assert.equal(cmi.score.scaled, "");
      assert.equal(cmi.success_status, "unknown");
    }
    assert.deepEqual(host.problems, []);
    await host.page.close();
    await server.close();

    server = await serve(dir, version, "lms/session-rota-tool.html");
    host = await openHost(server);
    const player = host.content.locator(".player");
    await player.locator(".next").waitFor();
    const last = host.content.locator(".stage-list a").last();
    await last.click();
    for (let guard = 0; guard < 200; guard++) {
      const next = player.locator(".next");
      if ((await next.textContent()) === "The end") break;
      if (await next.isDisabled()) await host.content.locator(".turn.is-current .skip-pause").click();
      else await next.click();
    }
    assert.equal(await player.locator(".next").textContent(), "The end");
    cmi = await leave(host.page);
    assert.equal(v12 ? cmi.core.lesson_status : cmi.completion_status, "completed");
    if (!v12) assert.equal(cmi.success_status, "unknown", "a session has no score to pass");
    assert.deepEqual(await host.page.evaluate(() => window.lms.errors), []);
    assert.deepEqual(host.problems, []);
    await host.page.close();

    // Reopened, the player is where the learner left it.
    host = await openHost(server, resumeData(version, cmi, ""));
    await host.content.locator(".player .next").waitFor();
    assert.equal(await host.content.locator(".player .next").textContent(), "The end");
    assert.deepEqual(host.problems, []);
    await host.page.close();
    await server.close();
  });
}

test("SCORM 1.2: long typed answers over the whole site still fit suspend_data's 4,096 characters", async () => {
  const dir = unpacked("1.2", [], "site-1.2");
  const server = await serve(dir, "1.2", "lms/site.html");
  const { page, problems, content } = await openHost(server);
  await content.locator("h1").first().waitFor();
  await content.locator("a[href='practice/index.html']").first().click();
  await content.locator("a[href='coach-questions.html']").first().click();
  await scriptsRan(content);
  const frame = page.frames().find((f) => f.url().endsWith("/pkg/practice/coach-questions.html"));
  const sets = fs.readdirSync(path.join(dir, "practice")).filter((f) => f !== "index.html");
  const data = sets.map((f) => embedded(dir, `practice/${f}`, "practice-data"));
  const total = data.reduce((n, d) => n + d.items.length, 0);
  // Moving to this page is committed a moment later: let that happen first.
  const commits = await settled(page);
  // Every item of every set answered at once, each with a long typed answer,
  // and every session watched: the course is complete.
  const sessions = embedded(dir, "lms/site.html", "lms-data").sessions;
  await frame.evaluate(([all, watched]) => {
    all.forEach((d) => {
      const store = window.alsite.progress.open(d.key);
      d.items.forEach((item) => store.answer(item.id, { type: "rewrite" }, { answer: "x".repeat(300), correct: true, self: false }));
    });
    watched.forEach((key) => window.alsite.progress.open(key).complete());
  }, [data, sessions]);
  assert.equal(await page.evaluate(() => window.lms.commits), commits, "no commit on every answer");
  // The store commits a moment after the last change, from a timer.
  await page.waitForFunction((before) => window.lms.commits > before, commits, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.lms.commits), commits + 1, `${total} answers, one commit`);
  const cmi = await leave(page);
  assert.equal(await page.evaluate(() => window.lms.commits), commits + 2, "one more as the learner leaves, none in between");
  assert.ok(cmi.suspend_data.length <= 4096, `suspend_data is ${cmi.suspend_data.length} characters`);
  assert.equal(cmi.core.score.raw, "100", "every answer still counts");
  assert.equal(cmi.core.lesson_status, "passed");
  assert.equal(cmi.core.lesson_location, "practice/coach-questions.html");
  assert.deepEqual(problems, []);
  await page.close();

  // The next launch opens the page the learner left, with every answer kept.
  const again = await openHost(server, resumeData("1.2", cmi, ""));
  await again.content.locator(".progress .score").waitFor();
  assert.equal(await again.content.locator("h1").textContent(), "Choosing the coach's question");
  const n = embedded(dir, "practice/coach-questions.html", "practice-data").items.length;
  assert.equal(await again.content.locator(".progress .score").textContent(), `Answered ${n} of ${n}, ${n} right.`);
  assert.deepEqual(again.problems, []);
  await again.page.close();
  await server.close();
});

test("SCORM 1.2: inside one practice set's item, another set browsed to keeps its answers on the device and says so", async () => {
  const dir = partsPackage("1.2");
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html");
  const { page, problems, content } = await openHost(server);
  await scriptsRan(content);
  assert.match(await content.locator(".item-count").innerText(), /saved in your learning platform/);
  await content.locator("a[href='index.html']").first().click();
  await content.locator("a[href='coach-questions.html']").first().click();
  await scriptsRan(content);
  assert.equal(await content.locator("h1").textContent(), "Choosing the coach's question");
  // Not this item's set: its answers neither count nor fill suspend_data.
  assert.doesNotMatch(await content.locator(".item-count").innerText(), /learning platform/);
  const first = content.locator(".practice-item").first();
  await first.locator("label.option").first().click();
  await first.locator("button[type=submit]").click();
  await first.locator(".feedback .verdict").waitFor();
  const cmi = await leave(page);
  assert.ok(!cmi.suspend_data.includes("coach-questions"), cmi.suspend_data);
  assert.equal(list(cmi.interactions).length, 0);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("SCORM 1.2: in a two-language course, a learner who switches to the other language has those answers recorded", async () => {
  // The two-language sample: Polish by default, each file also in English.
  const site = path.join(work, "two-languages");
  execFileSync(BIN, ["new", site, "--language", "pl,en"], { stdio: "pipe" });
  const zip = path.join(work, "two-languages.zip");
  execFileSync(BIN, ["package", "--root", site, "--scorm", "1.2", "--out", zip, "content/practice/session-flow.yaml"], { stdio: "pipe" });
  const dir = path.join(work, "two-languages-unzipped");
  execFileSync("unzip", ["-q", "-o", zip, "-d", dir]);
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html");
  const { page, problems, content } = await openHost(server);
  await scriptsRan(content);
  assert.match(await content.locator(".item-count").innerText(), /platformie/);
  await content.locator("a[hreflang=en]").first().click();
  await scriptsRan(content);
  assert.equal(await content.locator("html").getAttribute("lang"), "en");
  assert.match(await content.locator(".item-count").innerText(), /saved in your learning platform/);
  await answerSessionFlow(content, embedded(dir, "en/practice/session-flow.html", "practice-data").items);
  const cmi = await leave(page);
  // Every item answered, two of three right: complete, with the score.
  assert.equal(cmi.core.score.raw, "66.67");
  assert.notEqual(cmi.core.lesson_status, "incomplete");
  const ids = list(cmi.interactions).map((i) => i.id);
  assert.deepEqual(ids, ["urn:alsite:en%2Fsession-flow:item-1", "urn:alsite:en%2Fsession-flow:item-2", "urn:alsite:en%2Fsession-flow:item-3"]);
  assert.match(cmi.suspend_data, /en\/session-flow/);
  assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("SCORM 1.2: in a two-language course, a set answered partly in each language counts every item answered", async () => {
  const site = path.join(work, "two-languages-split");
  execFileSync(BIN, ["new", site, "--language", "pl,en"], { stdio: "pipe" });
  const zip = path.join(work, "two-languages-split.zip");
  execFileSync(BIN, ["package", "--root", site, "--scorm", "1.2", "--out", zip, "content/practice/session-flow.yaml"], { stdio: "pipe" });
  const dir = path.join(work, "two-languages-split-unzipped");
  execFileSync("unzip", ["-q", "-o", zip, "-d", dir]);
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html");
  const { page, problems, content } = await openHost(server);
  await scriptsRan(content);
  // The first item in Polish, the other two in English.
  const polish = embedded(dir, "practice/session-flow.html", "practice-data").items;
  await answerSessionFlow(content, polish.slice(0, 1));
  await content.locator("a[hreflang=en]").first().click();
  await scriptsRan(content);
  assert.equal(await content.locator("html").getAttribute("lang"), "en");
  const english = embedded(dir, "en/practice/session-flow.html", "practice-data").items;
  assert.deepEqual(english.map((i) => i.id), polish.map((i) => i.id), "the same items in both");
  await answerSessionFlow(content, english.slice(1));
  const cmi = await leave(page);
  // Every item answered once, in one language or the other: complete.
  assert.notEqual(cmi.core.lesson_status, "incomplete");
  assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("SCORM 1.2: a practice set named in Polish, with a space, still records each answer under an id", async () => {
  // A copy of the sample site whose session-flow set has such a name.
  const site = path.join(work, "polish-name");
  fs.mkdirSync(site, { recursive: true });
  fs.cpSync(path.join(ROOT, "content"), path.join(site, "content"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "site.yaml"), path.join(site, "site.yaml"));
  const named = "content/practice/przebieg sesji.yaml";
  fs.renameSync(path.join(site, "content/practice/session-flow.yaml"), path.join(site, named));
  for (const f of fs.readdirSync(path.join(site, "content"), { recursive: true })) {
    const file = path.join(site, "content", f);
    if (!/\.(md|yaml)$/.test(file) || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, "utf8");
    if (text.includes("session-flow.html")) fs.writeFileSync(file, text.replaceAll("session-flow.html", "przebieg%20sesji.html"));
  }
  const zip = path.join(work, "polish-name.zip");
  execFileSync(BIN, ["package", "--root", site, "--scorm", "1.2", "--out", zip, named], { stdio: "pipe" });
  const dir = path.join(work, "polish-name-unzipped");
  execFileSync("unzip", ["-q", "-o", zip, "-d", dir]);
  const launch = fs.readdirSync(path.join(dir, "lms")).find((f) => f.endsWith(".html"));
  const items = embedded(dir, "practice/przebieg sesji.html", "practice-data").items;
  const server = await serve(dir, "1.2", `lms/${launch}`);
  const { page, problems, content } = await openHost(server);
  await scriptsRan(content);
  await answerSessionFlow(content, items);
  const cmi = await leave(page);
  const ids = list(cmi.interactions).map((i) => i.id);
  assert.equal(ids.length, 3);
  for (const id of ids) assert.match(id, /^urn:alsite:przebieg%20sesji:item-\d+$/);
  assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("outside an LMS the package works as the site does: localStorage, no errors", async () => {
  const dir = partsPackage("2004");
  const page = await browser.context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto("file://" + path.join(dir, "lms/practice-session-flow.html"));
  assert.deepEqual(await axeViolations(page), [], "the launch page");
  assert.equal(await page.title(), "The flow of a session · Action Learning in Practice");
  const content = page.frameLocator("#lms-frame");
  const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
  assert.equal(await content.locator(".item-count").innerText(), "3\u00a0exercises. Your answers are saved in this browser only.");
  await answerSessionFlow(content, items);
  await page.reload();
  assert.equal(await content.locator(".progress .score").textContent(), "Answered 3 of 3, 2 right.");
  // Opened straight from disk, no platform is expected: no word of one, even once the launch page stops looking.
  await page.waitForTimeout(10500);
  assert.equal(await page.locator("#lms-notice").isVisible(), false);
  const frame = page.frames().find((f) => f.url().endsWith("practice/session-flow.html"));
  assert.ok(await frame.evaluate(() => localStorage.getItem(alsite.progress.storageKey("alsite-practice:session-flow"))), "kept in localStorage");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the schema files in each package are exact copies of ADL's, as the ADL test suite wants them", () => {
  // Validation against the files in the zip is tests/package_schemas.rs; here,
  // the files themselves against the pinned release tests/run fetches.
  const xsd = process.env.ALSITE_SCORM_XSD;
  assert.ok(xsd && fs.existsSync(path.join(xsd, "scorm12edition")), "ALSITE_SCORM_XSD names the schemas (tests/run fetches them)");
  for (const [version, folder, count] of [["1.2", "scorm12edition", 4], ["2004", "scorm20044thedition", 17]]) {
    const dir = unpacked(version, [], `schemas-${version}`);
    const shipped = fs.readdirSync(dir).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();
    assert.equal(shipped.length, count, `${version}: ${shipped}`);
    for (const f of shipped) {
      assert.ok(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(xsd, folder, f))), `${version}: ${f} is ADL's file byte for byte`);
    }
  }
});

test("SCORM 1.2: an unset lesson_mode counts as normal; in review mode nothing is recorded, and the page says so", async () => {
  const dir = partsPackage("1.2");
  const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html");
  for (const mode of ["", "review"]) {
    const { page, problems, content } = await openHost(server, { core: { lesson_mode: mode } });
    await scriptsRan(content);
    assert.equal(await content.locator(".item-count").innerText(), mode === ""
      ? "3\u00a0exercises. Your answers are saved in your learning platform."
      : "3\u00a0exercises. You are reviewing this course: answers you give now are not saved.", `lesson_mode "${mode}"`);
    await answerSessionFlow(content, items);
    const cmi = await leave(page);
    if (mode === "") {
      assert.equal(cmi.core.lesson_status, "failed", "the LMS gave no mastery score: site.yaml's 80% applies");
      assert.equal(cmi.core.score.raw, "66.67");
      assert.equal(list(cmi.interactions).length, 3);
    } else {
      assert.equal(cmi.core.lesson_status, "not attempted", "review changes nothing");
      assert.equal(cmi.core.lesson_location, "", "nor the bookmark");
      assert.equal(cmi.core.score.raw, "");
      assert.equal(list(cmi.interactions).length, 0);
    }
    assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
    assert.deepEqual(problems, []);
    await page.close();
  }
  await server.close();
});

test("in a package, a link to another website opens a new tab and says so; the course keeps its frame and its LMS connection", { timeout: 60000 }, async () => {
  const dir = partsPackage("2004");
  const server = await serve(dir, "2004", "lms/practice-session-flow.html");
  // The outside site answers from here: no request leaves the machine.
  await browser.context.route("https://northbridge.example/**", (r) => r.fulfill({ contentType: "text/html", body: "<title>Northbridge</title>" }));
  const { page, problems, content } = await openHost(server);
  try {
    await scriptsRan(content);
    // What a screen reader hears: the arrow is hidden from it, the words are not.
    const link = content.getByRole("link", { name: "northbridge.example (opens in a new tab)", exact: true });
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute("href"), "https://northbridge.example");
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.equal(await link.getAttribute("rel"), "noopener");
    const frame = page.frames().find((f) => f.url().endsWith("/pkg/practice/session-flow.html"));
    const seen = await frame.evaluate(() => {
      const a = document.querySelector(".site-footer a[target=_blank]");
      const words = a.querySelector(".visually-hidden").getBoundingClientRect();
      return { arrow: a.querySelector(".outside-mark").getBoundingClientRect().width > 0, words: words.width * words.height };
    });
    assert.deepEqual(seen, { arrow: true, words: 1 }, "an arrow for the eye; the words only for screen readers");

    const [tab] = await Promise.all([browser.context.waitForEvent("page"), link.click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), "https://northbridge.example/");
    assert.equal(await tab.evaluate(() => window.opener), null, "noopener: the new tab cannot reach the course");
    await tab.close();
    assert.equal(frame.url(), server.base + "/pkg/practice/session-flow.html", "the course stays in its frame");
    assert.equal(await content.locator("h1").textContent(), "The flow of a session");
    assert.equal(await page.evaluate(() => window.lms.finished), 0, "the LMS connection is still open");

    // A link inside the site still opens in the frame.
    const inside = content.locator("a[href='index.html']").first();
    assert.equal(await inside.getAttribute("target"), null);
    await inside.click();
    await content.locator("a[href='coach-questions.html']").first().waitFor();
    assert.deepEqual(await axeViolations(page.frames().find((f) => f.url().endsWith("/pkg/practice/index.html"))), [], "the framed page");
    assert.deepEqual(problems, []);
  } finally {
    await browser.context.unroute("https://northbridge.example/**");
    await page.close();
    await server.close();
  }
});

test("SCORM 1.2: a platform whose API appears a moment after the course opens still gets every answer", async () => {
  const dir = partsPackage("1.2");
  const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html", { late: 1500 });
  const { page, problems, content } = await openHost(server);
  // The page first shows with no platform, then again once it is there.
  let said = "";
  for (const end = Date.now() + 10000; Date.now() < end && !said.includes("learning platform"); await page.waitForTimeout(100)) {
    said = await content.locator(".item-count").innerText().catch(() => "");
  }
  assert.equal(said, "3\u00a0exercises. Your answers are saved in your learning platform.");
  await scriptsRan(content);
  await answerSessionFlow(content, items);
  const cmi = await leave(page);
  assert.deepEqual([cmi.core.score.raw, cmi.core.lesson_status, list(cmi.interactions).length], ["66.67", "failed", 3]);
  assert.equal(cmi.core.lesson_location, "practice/session-flow.html");
  assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("a platform that frames the course but never answers: the learner is told that nothing is recorded", { timeout: 60000 }, async () => {
  const dir = partsPackage("1.2");
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html", { late: 10 * 60 * 1000 });
  const { page, problems, content } = await openHost(server);
  const notice = page.frameLocator("#sco").locator("#lms-notice");
  await scriptsRan(content);
  assert.equal(await notice.isVisible(), false, "not while the platform may still answer");
  await notice.waitFor({ state: "visible", timeout: 20000 });
  assert.equal(await notice.locator("p").innerText(), "Your learning platform is not recording this course: your answers stay in this browser only. If the course must count, tell whoever runs the platform.");
  // The course stays whole below the line, and works as it does from disk.
  const [line, frame] = await Promise.all([notice.boundingBox(), page.frameLocator("#sco").locator("#lms-frame").boundingBox()]);
  assert.ok(frame.y >= line.y + line.height - 1 && frame.height > 300, JSON.stringify({ line, frame }));
  assert.equal(await content.locator(".item-count").innerText(), "3\u00a0exercises. Your answers are saved in this browser only.");
  const launch = page.frames().find((f) => f.url().endsWith("lms/practice-session-flow.html"));
  assert.deepEqual(await axeViolations(launch), []);
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await axeViolations(launch), [], "dark");
  await page.emulateMedia({ colorScheme: "light" });
  // Hide, in a short window (a phone on its side, 400 % zoom): the course gets the whole window back.
  await page.setViewportSize({ width: 320, height: 256 });
  const room = await launch.evaluate(() => window.innerHeight);
  await page.frameLocator("#sco").getByRole("button", { name: "Hide" }).click();
  assert.equal(await notice.isVisible(), false);
  const whole = await page.frameLocator("#sco").locator("#lms-frame").boundingBox();
  assert.ok(Math.abs(whole.height - room) <= 1, JSON.stringify({ whole, room }));
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

test("SCORM 2004: a commit the platform fails is tried again while the learner stays", async () => {
  const dir = partsPackage("2004");
  const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
  const server = await serve(dir, "2004", "lms/practice-session-flow.html", { failing: true });
  const { page, problems, content } = await openHost(server);
  await scriptsRan(content);
  await answerSessionFlow(content, items);
  // The commit a moment after the last answer fails too; then the server is back.
  await page.waitForFunction(() => window.lms.failed >= 1, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => window.lms.commits), 0);
  // From the second failure in a row the learner is told, above the course.
  const notSaving = page.frameLocator("#sco").locator("#lms-not-saving");
  await notSaving.waitFor({ state: "visible", timeout: 15000 });
  assert.match(await notSaving.innerText(), /^Your learning platform is not saving your answers at the moment\. .*keep the window open\.$/);
  await page.evaluate(() => { window.lms.failing = false; });
  // No new answer, no leaving: the platform still gets the work.
  await page.waitForFunction(() => window.lms.commits === 1, null, { timeout: 25000 });
  await notSaving.waitFor({ state: "hidden", timeout: 5000 });
  const cmi = await page.evaluate(() => window.cmi());
  assert.deepEqual([cmi.score.raw, cmi.completion_status, cmi.success_status], ["66.67", "completed", "failed"]);
  assert.equal(Object.keys(JSON.parse(cmi.suspend_data).s["alsite-practice:session-flow"]).length, 3);
  assert.equal(await page.evaluate(() => window.lms.finished), 0);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

for (const [version, api] of [["1.2", "2004"], ["2004", "1.2"]]) {
  test(`a SCORM ${version} package in a platform that offers only the ${api} API is recorded in ${api}'s terms`, async () => {
    const dir = partsPackage(version);
    const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
    const server = await serve(dir, api, "lms/practice-session-flow.html");
    const { page, problems, content } = await openHost(server);
    await scriptsRan(content);
    assert.equal(await content.locator(".item-count").innerText(), "3\u00a0exercises. Your answers are saved in your learning platform.");
    await answerSessionFlow(content, items);
    const cmi = await leave(page);
    const inter = list(cmi.interactions);
    if (api === "1.2") {
      assert.deepEqual([cmi.core.score.raw, cmi.core.lesson_status, cmi.core.exit], ["66.67", "failed", "suspend"]);
      assert.match(cmi.core.session_time, /^\d{2,4}:\d\d:\d\d/);
      assert.deepEqual(inter.map((i) => i.result).sort(), ["correct", "correct", "wrong"]);
    } else {
      assert.deepEqual([cmi.score.raw, cmi.score.scaled, cmi.completion_status, cmi.success_status], ["66.67", "0.6667", "completed", "failed"]);
      assert.match(cmi.session_time, /^PT/);
      assert.deepEqual(inter.map((i) => i.result).sort(), ["correct", "correct", "incorrect"]);
    }
    assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= 4096);
    assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
    assert.deepEqual(problems, []);
    await page.close();
    await server.close();
  });
}

test("SCORM 1.2: with a mastery score, a learner still working is not failed by the platform's own judging", async () => {
  const dir = partsPackage("1.2");
  const items = embedded(dir, "practice/session-flow.html", "practice-data").items;
  const server = await serve(dir, "1.2", "lms/practice-session-flow.html");
  // As Moodle does: in normal mode, for credit, a score.raw below the
  // mastery score makes the status "failed", whatever the course set.
  const credit = { credit: "credit", lesson_mode: "normal" };
  const { page, problems, content } = await openHost(server, { core: credit, student_data: { mastery_score: "80" } });
  await scriptsRan(content);
  await answerSessionFlow(content, items.slice(0, 1));
  const cmi = await leave(page);
  assert.equal(cmi.core.lesson_status, "incomplete", "1 of 3 answered: still working");
  assert.equal(cmi.core.score.raw, "", "no grade yet, so nothing to judge");
  assert.deepEqual(problems, []);
  await page.close();

  const resumed = resumeData("1.2", cmi, "80");
  const again = await openHost(server, { ...resumed, core: { ...resumed.core, ...credit } });
  await again.content.locator(".progress .score").waitFor();
  await answerSessionFlow(again.content, items.slice(1));
  const done = await leave(again.page);
  assert.deepEqual([done.core.score.raw, done.core.lesson_status], ["66.67", "failed"], "complete: 2 of 3 is below 80%");
  assert.deepEqual(again.problems, []);
  await again.page.close();
  await server.close();
});
