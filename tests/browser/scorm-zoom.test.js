"use strict";
// A SCORM launch page whose platform never answered, read at 400 % zoom or
// in a short window (WCAG 1.4.10): the line saying that nothing is recorded
// takes half such a window, so it scrolls away with the page there, and the
// course below it gets the whole window; in a tall window it stays above a
// course that fills the rest, and the launch page does not scroll.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch } = require("./helpers");
const { packaged } = require("./lms-host");

let browser;
let work;
let dir;
before(async () => {
  browser = await launch();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-scorm-zoom-"));
  dir = packaged(path.resolve(__dirname, "../.."), work, "1.2", [], "course");
});
after(async () => {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The launch page with its notice shown, as progress.js shows it. */
async function launchPage(width, height) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto("file://" + path.join(dir, "lms", "site.html"));
  await page.evaluate(() => { document.getElementById("lms-notice").hidden = false; });
  const measure = () => page.evaluate(() => {
    const notice = document.getElementById("lms-notice").getBoundingClientRect();
    const frame = document.getElementById("lms-frame").getBoundingClientRect();
    return { notice: Math.round(notice.height), frame: Math.round(frame.height), window: innerHeight, scrolls: document.documentElement.scrollHeight > innerHeight };
  });
  return { page, measure };
}

test("at 400 % zoom (320 × 256) the notice scrolls away and the course gets the whole window", async () => {
  const { page, measure } = await launchPage(320, 256);
  const m = await measure();
  assert.ok(m.notice > 100, `the notice is long at this width: ${JSON.stringify(m)}`);
  assert.equal(m.frame, m.window, `the course is as tall as the window: ${JSON.stringify(m)}`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const top = await page.evaluate(() => document.getElementById("lms-frame").getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 1, `scrolled down, the course fills the window (its top at ${top})`);
  await page.close();
});

test("in a tall window the notice stays above the course, which fills the rest, and nothing scrolls", async () => {
  const { page, measure } = await launchPage(1280, 800);
  const m = await measure();
  assert.ok(Math.abs(m.notice + m.frame - m.window) <= 1, JSON.stringify(m));
  assert.equal(m.scrolls, false);
  await page.close();
});
