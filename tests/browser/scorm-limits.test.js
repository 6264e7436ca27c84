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
const { launch } = require("./helpers");
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

