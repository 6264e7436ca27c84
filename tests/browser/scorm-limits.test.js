"use strict";
// What a platform's limits do to what the learner gave, in a real LMS
// run-time (scorm-again, see lms-host.js): a typed answer longer than an
// interaction's response may be, and SCORM 1.2's 4,096 characters of
// suspend_data. What is shortened is cut between characters, and what the
// learner sees on coming back (right or wrong, the score) is what they left.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { launch } = require("./helpers");
const { embedded } = require("./site-data");
const host = require("./lms-host");
const { serve, leave, scriptsRan, list } = host;

const ROOT = path.resolve(__dirname, "../..");

let browser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-scorm-limits-"));
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); fs.rmSync(work, { recursive: true, force: true }); });

const openHost = (server, lmsData) => host.openHost(browser, server, lmsData);

/** Half of a character: a UTF-16 surrogate without its other half. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Types `text` into the typed item `n` (from 0) and checks it. */
async function typeAnswer(content, n, text) {
  const item = content.locator(".practice-item").nth(n);
  await item.locator("textarea").fill(text);
  await item.locator("button[type=submit]").click();
  await item.locator(".feedback .verdict").waitFor();
}

for (const version of ["1.2", "2004"]) {
  test(`SCORM ${version}: a typed answer cut to an interaction's 250 characters is cut between characters, so Moodle's run-time saves it and everything after`, async () => {
    const dir = host.packaged(ROOT, work, version, ["content/practice/open-questions.yaml"], `open-${version}`);
    const server = await serve(dir, version, "lms/practice-open-questions.html", { moodle: true });
    const { page, problems, content } = await openHost(server);
    await scriptsRan(content);
    // The emoji takes the 250th and 251st UTF-16 units: a cut at 250 halves it.
    const first = "Co " + "a".repeat(246) + "🙂 co jeszcze mogłoby ci pomóc?";
    await typeAnswer(content, 0, first);
    await typeAnswer(content, 1, "What would help you most?");
    await page.waitForFunction(() => window.lms.sent >= 1, null, { timeout: 15000 });
    await typeAnswer(content, 2, "Who else could help? 🙂");
    const cmi = await leave(page);
    const responses = list(cmi.interactions).map((x) => x[version === "1.2" ? "student_response" : "learner_response"]);
    assert.deepEqual(responses, [first.slice(0, 249), "What would help you most?", "Who else could help? 🙂"], "the emoji left out whole");
    assert.ok(await page.evaluate(() => window.lms.sent >= 2), "the commits and the finish got through");
    assert.doesNotMatch(cmi.suspend_data, /\\ud[89ab]/i);
    assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
    assert.deepEqual(problems, []);
    await page.close();
    await server.close();
  });
}


test("SCORM 1.2: a practice set with a long name (in another alphabet) still has its answers recorded: interaction ids fit 255 characters, and two such sets keep theirs apart", async () => {
  // Percent-encoded, each Ukrainian letter is 6 characters: these names make ids of 300 and more.
  const site = path.join(work, "long-names");
  fs.cpSync(path.join(ROOT, "tests/fixtures/base"), site, { recursive: true });
  const long = "Практика відкритих запитань для керівників відділів";
  fs.renameSync(path.join(site, "content/practice/open-questions.yaml"), path.join(site, `content/practice/${long} 1.yaml`));
  fs.copyFileSync(path.join(site, `content/practice/${long} 1.yaml`), path.join(site, `content/practice/${long} 2.yaml`));
  const dir = host.packaged(site, work, "1.2", [], "long-names");
  const server = await serve(dir, "1.2", "lms/site.html", { moodle: true });
  const { page, problems, content } = await openHost(server);
  await content.locator("h1").first().waitFor();
  for (const n of [1, 2]) {
    const frame = page.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
    await frame.evaluate((to) => { window.location.href = new URL(to, document.baseURI.replace(/\/pkg\/.*/, "/pkg/")).href; }, `practice/${encodeURIComponent(`${long} ${n}`)}.html`);
    await scriptsRan(content);
    await typeAnswer(content, 0, "Who else could help?");
  }
  const cmi = await leave(page);
  const ids = list(cmi.interactions).map((x) => x.id);
  assert.equal(ids.length, 2);
  for (const id of ids) {
    assert.ok(id.length > 200 && id.length <= 255, `${id} (${id.length})`);
    assert.match(id, /^urn:alsite:%D0%9F%D1%80.*:item-1$/);
  }
  assert.notEqual(ids[0], ids[1]);
  assert.deepEqual(await page.evaluate(() => window.lms.errors), []);
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});

/** A copy of the sample site with a set of `n` classify items more
 *  (`content/practice/big.yaml`): the even ones' answer is the longest
 *  category id, `limited-choice`, the odd ones' `open`. */
function sampleWithBigSet(n) {
  const site = path.join(work, "big-site");
  if (!fs.existsSync(site)) {
    for (const folder of ["content", "themes"]) fs.cpSync(path.join(ROOT, folder), path.join(site, folder), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "site.yaml"), path.join(site, "site.yaml"));
  }
  const item = (i) => `  - type: classify\n    question: Question ${i}?\n    answer: ${i % 2 ? "open" : "limited-choice"}\n    reason: Because.\n`;
  fs.writeFileSync(path.join(site, "content/practice/big.yaml"), `title: Big set\nitems:\n${Array.from({ length: n }, (_, i) => item(i)).join("")}`);
  return site;
}

/** Whether `alsite package --scorm 1.2` takes the site (else its error). */
function packages(site) {
  const r = spawnSync(process.env.ALSITE_BIN, ["package", "--root", site, "--scorm", "1.2", "--out", path.join(work, "try.zip")], { encoding: "utf8" });
  return r.status === 0 ? true : r.stderr;
}

/** The longest answer that `item` can be given and kept whole, as
 *  package/progress.rs counts it: every option of a choice of several (else
 *  the last), the longest category id, every step. A typed item gets
 *  `typed` (text, right or not). */
function largest(item, typed) {
  // With the item's fingerprint, as practice.js saves every answer.
  return Object.assign(largestAnswer(item, typed), { item: item.fingerprint });
}

function largestAnswer(item, typed) {
  if (item.type === "choose") {
    const chosen = item.multiple ? item.options.map((o, i) => i) : [item.options.length - 1];
    return { answer: chosen, correct: chosen.length === item.options.filter((o) => o.correct).length && chosen.every((i) => item.options[i].correct) };
  }
  if (item.type === "order") return { answer: Array.from({ length: item.size }, (_, i) => i + 1), correct: true };
  if (item.type === "rewrite") return { answer: typed.text, correct: typed.right, self: false };
  const ids = Object.keys(item.names).concat(item.answer, item.also || []);
  const id = ids.reduce((a, b) => (b.length > a.length ? b : a));
  return { answer: id, correct: id === item.answer || (item.also || []).includes(id) };
}

/** The page of a storage key in the sample site (one language). */
const pageOf = (key) => key.replace(/^alsite-practice:/, "practice/").replace(/^alsite-session:/, "sessions/") + ".html";

/** A learner who gives every item of the course its largest answer (typed
 *  item n: `typed(n)`) and watches every session to its end, each pause
 *  answered: the most progress the course can hold. Given through the
 *  pages' own store, as practice.js and session.js give it. */
async function fillCourse(page, dir, typed) {
  const config = embedded(dir, "lms/site.html", "lms-data");
  const given = [];
  let n = 0;
  for (const [key] of config.practice) {
    for (const item of embedded(dir, pageOf(key), "practice-data").items) {
      given.push({ key, id: item.id, item, result: largest(item, item.type === "rewrite" ? typed(n++) : null) });
    }
  }
  const players = config.sessions.map((key) => {
    const d = embedded(dir, pageOf(key), "session-data");
    const pauses = Object.fromEntries(embedded(dir, pageOf(key), "pause-data").items.map((p) => [p.id, largest(p, typed(n++))]));
    return { key, player: { turn: d.turns, pauses, transcript: false } };
  });
  const frame = page.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
  await frame.evaluate(([answers, watched]) => {
    answers.forEach((a) => window.alsite.progress.open(a.key).answer(a.id, a.item, a.result));
    watched.forEach((w) => { const s = window.alsite.progress.open(w.key); s.set("player", w.player); s.complete(); });
  }, [given, players]);
  return given;
}

/** The typed answers in suspend_data (`saved`, read back), in the order given. */
function typedSaved(saved, given) {
  return given.filter((g) => g.item.type === "rewrite").map((g) => ({ key: g.key, given: g.result, kept: saved.s[g.key][g.id] }));
}

/** Each non-typed answer is in suspend_data as given; right or wrong always. */
function assertKeptWhole(saved, given) {
  for (const g of given) {
    const kept = saved.s[g.key][g.id];
    assert.equal(kept.c, g.result.correct, `${g.key} ${g.id}: right or wrong`);
    if (g.item.type !== "rewrite") assert.deepEqual(kept.a, g.result.answer, `${g.key} ${g.id}: the answer whole`);
  }
  const strings = JSON.stringify(saved).match(/"(?:[^"\\]|\\.)*"/g).map((s) => JSON.parse(s));
  assert.deepEqual(strings.filter((s) => LONE.test(s)), [], "no half characters");
}

/** The set page `set` of the course opened again with `cmi`: its score
 *  line, and each item's verdict and feedback text. */
async function reopened(server, cmi, set) {
  const again = await openHost(server, host.resumeData("1.2", cmi, ""));
  await again.content.locator("main").first().waitFor();
  const frame = again.page.frames().find((f) => f.url().includes("/pkg/") && !f.url().includes("/lms/"));
  await frame.goto(`${server.base}/pkg/practice/${set}.html`);
  await again.content.locator(".progress .score").waitFor();
  const shown = {
    score: await again.content.locator(".progress .score").textContent(),
    verdicts: await again.content.locator(".practice-item .feedback .verdict").allTextContents(),
    feedback: await again.content.locator(".practice-item .feedback").allInnerTexts(),
  };
  assert.deepEqual(again.problems, []);
  await again.page.close();
  return shown;
}

/** What a set's page says of `given` answers to it: the score line and ✓ or ✗ for each. */
function expected(given, key) {
  const mine = given.filter((g) => g.key === key);
  const right = mine.filter((g) => g.result.correct).length;
  return { score: `Answered ${mine.length} of ${mine.length}, ${right} right.`, marks: mine.map((g) => (g.result.correct ? "✓" : "✗")) };
}

/** Opens the whole-site course of `dir` on a practice page. */
async function openCourse(dir) {
  const server = await serve(dir, "1.2", "lms/site.html");
  const opened = await openHost(server);
  await opened.content.locator("a[href='practice/index.html']").first().click();
  await opened.content.locator("a[href='coach-questions.html']").first().click();
  await scriptsRan(opened.content);
  return { server, ...opened };
}

/** Opens the course at `dir`, answers every item (`typed` gives the typed
 *  answers) and leaves; checks what the platform kept fits in 1.2's 4,096
 *  characters and holds every answer but the typed ones whole. */
async function fillAndLeave(dir, typed) {
  const { server, page, problems } = await openCourse(dir);
  const given = await fillCourse(page, dir, typed);
  const cmi = await leave(page);
  assert.deepEqual(problems, []);
  await page.close();
  assert.ok(cmi.suspend_data.length <= 4096, `suspend_data is ${cmi.suspend_data.length} characters`);
  const saved = JSON.parse(cmi.suspend_data);
  assertKeptWhole(saved, given);
  return { server, cmi, given, typedKept: typedSaved(saved, given) };
}

/** Reopens each practice set of `sets` from what the platform kept: its
 *  score and each item's right or wrong are as the learner left them.
 *  What each shows, by set. */
async function assertResumedAsLeft(server, cmi, given, sets) {
  const shown = {};
  for (const set of sets) {
    shown[set] = await reopened(server, cmi, set);
    const want = expected(given, `alsite-practice:${set}`);
    assert.equal(shown[set].score, want.score, set);
    assert.deepEqual(shown[set].verdicts.map((v) => v[0]), want.marks, `${set}: right and wrong as the learner left them`);
  }
  return shown;
}

test("SCORM 1.2: past 4,096 characters only typed answers are shortened, as little as fits; every choice, category and order is kept whole, and each item shows on resume as it was left", { timeout: 120000 }, async () => {
  const dir = host.packaged(ROOT, work, "1.2", [], "whole");
  // Typed answers of 2,000 characters, emoji every few: a cut anywhere may halve one.
  const typed = (n) => ({ text: `${n} ` + "What would help 🙂 most here? ".repeat(70), right: n % 3 !== 0 });
  const { server, cmi, given, typedKept } = await fillAndLeave(dir, typed);
  const lengths = new Set(typedKept.map((t) => t.kept.a.length));
  for (const t of typedKept) {
    assert.equal(t.kept.u, 1, "marked as shortened");
    assert.ok(t.given.answer.startsWith(t.kept.a), "the start of the answer");
  }
  // All cut alike, and no shorter than needed: one character more each would not fit.
  assert.ok(Math.max(...lengths) - Math.min(...lengths) <= 1, [...lengths].join());
  assert.ok(cmi.suspend_data.length > 4096 - 2 * typedKept.length, `${cmi.suspend_data.length}: cut more than needed`);
  assert.ok(Math.min(...lengths) > 100, "far more than the old ladder's 10 characters");

  await assertResumedAsLeft(server, cmi, given, ["naming-question-types", "coach-questions", "open-questions"]);
  const open = await reopened(server, cmi, "open-questions");
  for (const [i, text] of open.feedback.entries()) {
    assert.match(text, /Your learning platform had room for only the start of your answer\. Whether it was right is kept\./, `item ${i + 1}`);
    assert.ok(text.includes(`${typedKept[i].kept.a}…`), `item ${i + 1} shows what was kept, marked as cut`);
  }
  await server.close();
});

test("SCORM 1.2: a course as full as alsite package allows keeps every category whole; typed answers that do not fit are left out, longest first, and the score and each item's verdict survive", { timeout: 120000 }, async () => {
  // The most classify items of 'limited-choice' the package takes beside the sample's: one more is refused.
  let fits = 0, refused = 100;
  assert.match(String(packages(sampleWithBigSet(refused))), /tracks too much for SCORM 1\.2/);
  while (refused - fits > 1) {
    const mid = (fits + refused) >> 1;
    if (packages(sampleWithBigSet(mid)) === true) fits = mid; else refused = mid;
  }
  const dir = host.packaged(sampleWithBigSet(fits), work, "1.2", [], "full");
  const typed = (n) => ({ text: `${n} ` + "Who else could help? ".repeat(3 + n), right: n % 2 === 0 });
  const { server, cmi, given, typedKept } = await fillAndLeave(dir, typed);
  const dropped = typedKept.filter((t) => t.kept.a === undefined);
  const kept = typedKept.filter((t) => t.kept.a !== undefined);
  assert.ok(dropped.length > 0, "some typed answers left out");
  for (const t of dropped) {
    assert.deepEqual(t.kept, { c: t.given.correct, f: false }, "right or wrong kept");
    for (const k of kept) assert.ok(t.given.answer.length >= k.given.answer.length, "the longest left out first");
  }

  const shown = await assertResumedAsLeft(server, cmi, given, ["big", "naming-question-types", "open-questions"]);
  assert.match(shown.big.verdicts[1], /you chose Limited choice; this is Open\./);
  const open = await reopened(server, cmi, "open-questions");
  const notKept = open.feedback.filter((f) => f.includes("Your learning platform had no room for the text of your answer."));
  assert.equal(notKept.length, dropped.filter((t) => t.key === "alsite-practice:open-questions").length, "the page says which were left out");
  assert.ok(notKept.length > 0);
  await server.close();
});
