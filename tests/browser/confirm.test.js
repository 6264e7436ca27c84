"use strict";
// "Start over" on a practice set and "Restart" in the session player throw a
// learner's work away, so each asks first, inline: the question, a button
// that does it and one (focused) that keeps everything, as Escape does.
// Checked with the keyboard alone, for visible focus, with axe-core, for no
// browser dialog (window.confirm misbehaves inside an LMS's frame), in
// light and dark; screenshots at 390 and 1280 px in target/screenshots/.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, open, fileUrl, axeViolations, scrollSettled } = require("./helpers");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const SHOTS = process.env.ALSITE_SCREENSHOTS || path.join(__dirname, "../../target/screenshots");
let browser;
before(async () => { browser = await launch(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser.close(); });

/** A page opened from disk with nothing saved, any browser dialog recorded (and dismissed). */
async function fresh(file) {
  const opened = await open(browser.context, fileUrl(file), "file://");
  const dialogs = [];
  opened.page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  return { ...opened, dialogs };
}

/** The focused element: its text, and whether it shows a focus outline. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { text: el.textContent.trim(), outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
});

/** Presses Tab until `text` has the focus (at most 200 times). */
async function tabTo(page, text) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)).text === text) return;
  }
  throw new Error(`Tab never reached “${text}”`);
}

async function shoot(page, name, box) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `confirm-${name}-${width}.png`) });
  }
}

test("practice: Start over asks first; No and Escape keep the answers, Yes clears them", async () => {
  const file = "practice/coach-questions.html";
  const item = embedded(SITE, file, "practice-data").items[0];
  const { page, problems, dialogs } = await fresh(file);
  const s = page.locator(`#${item.id}`);
  await s.locator("label.option").nth(item.options.findIndex((o) => o.correct)).click();
  await s.locator("button[type=submit]").click();
  const score = page.locator(".progress .score");
  assert.equal(await score.textContent(), "Answered 1 of 9, 1 right.");

  await tabTo(page, "Start over");
  await page.keyboard.press("Enter");
  const box = page.locator(".progress .confirm-step");
  assert.equal(await page.getByRole("group", { name: "Clear every answer in this set and start again? This cannot be undone." }).count(), 1);
  assert.equal(await box.isVisible(), true);
  assert.deepEqual(await box.locator("button").allTextContents(), ["Yes, clear my answers", "No, keep them"]);
  assert.deepEqual(await focused(page), { text: "No, keep them", outline: true }, "the safe choice has the focus, visibly");
  assert.equal(await page.locator(".progress .reset").isVisible(), false, "the question stands where the button was");
  assert.deepEqual(await axeViolations(page), [], "with the question open");
  await shoot(page, "practice", box);

  await page.keyboard.press("Enter"); // No, keep them
  assert.equal(await box.isVisible(), false);
  assert.deepEqual(await focused(page), { text: "Start over", outline: true }, "back on the button");
  assert.equal(await score.textContent(), "Answered 1 of 9, 1 right.", "nothing cleared");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  assert.equal(await box.isVisible(), false);
  assert.equal((await focused(page)).text, "Start over");
  assert.equal(await score.textContent(), "Answered 1 of 9, 1 right.", "Escape clears nothing");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  assert.deepEqual(await focused(page), { text: "Yes, clear my answers", outline: true });
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(".progress").isVisible(), false, "cleared: no score to show");
  assert.equal(await s.locator(".feedback").textContent(), "");
  assert.equal(await page.locator(".practice-item .item-title").first().evaluate((el) => el === document.activeElement), true, "the focus goes to the first exercise");
  await page.reload();
  assert.equal(await page.locator(".progress").isVisible(), false, "and stays cleared");
  assert.deepEqual(dialogs, [], "no browser dialog");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("session: Restart asks first; No keeps the place, Yes goes back to the first turn", async () => {
  const file = "sessions/rota-tool.html";
  const { page, problems, dialogs } = await fresh(file);
  const position = page.locator(".player .position");
  for (let i = 0; i < 3; i++) await page.locator(".player .next").click();
  const where = await position.textContent();
  assert.match(where, /^Turn 4 of /);

  await page.locator(".player .restart").focus();
  await page.keyboard.press("Enter");
  const box = page.locator(".player .confirm-step");
  assert.equal(await page.getByRole("group", { name: "Go back to the first turn and forget your answers at the pauses? This cannot be undone." }).count(), 1);
  assert.deepEqual(await focused(page), { text: "No, stay here", outline: true });
  assert.deepEqual(await axeViolations(page), [], "with the question open");
  await shoot(page, "session", box);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.keyboard.press("ArrowRight"); // the player's keys still work; the question stays
  assert.equal(await box.isVisible(), true);
  await page.keyboard.press("Enter");
  assert.equal(await box.isVisible(), false);
  assert.equal((await focused(page)).text, "Restart");
  assert.match(await position.textContent(), /^Turn 5 of /, "the place kept");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await focused(page)).text, "Yes, restart");
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  assert.match(await position.textContent(), /^Turn 1 of /);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("on a phone, the question before a restart opens where the player is, without moving the page", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 640 }]) await restartOnPhone(viewport);
});

async function restartOnPhone(viewport) {
  const phone = await launch({ viewport, hasTouch: true, isMobile: true });
  try {
    const { page, problems } = await open(phone.context, fileUrl("sessions/rota-tool.html"), "file://");
    await page.locator(".session-start a").tap();
    for (let i = 0; i < 5; i++) await page.locator(".player .next").tap();
    await scrollSettled(page);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 500, `the conversation is down the page (${before} px)`);
    // (Clicked in the page: Playwright's tap first scrolls a stuck button to its place in the page.)
    await page.locator(".player .restart").evaluate((b) => b.click());
    await scrollSettled(page);
    assert.equal(await page.locator(".player").evaluate((p) => p.classList.contains("is-compact")), false, "the player still sticks, whole");
    const after = await page.evaluate(() => window.scrollY);
    // The conversation keeps its place under the player, grown by the question.
    assert.ok(Math.abs(after - before) < 120, `the page moved from ${before} px to ${after} px`);
    assert.equal((await focused(page)).text, "No, stay here");
    assert.ok(await page.locator(".player .confirm-keep").evaluate((b) => b.getBoundingClientRect().bottom <= window.innerHeight));
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await phone.close();
  }
}

test("the question passes axe in dark mode", async () => {
  const dark = await launch({ colorScheme: "dark" });
  try {
    const { page, problems } = await open(dark.context, fileUrl("sessions/rota-tool.html"), "file://");
    await page.locator(".player .restart").click();
    assert.deepEqual(await axeViolations(page), [], "dark, with the question open");
    await page.setViewportSize({ width: 390, height: 800 });
    await page.locator(".player .confirm-step").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "confirm-session-390-dark.png") });
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await dark.close();
  }
});

test("on a Polish site the question and its buttons are in Polish", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-confirm-pl-"));
  try {
    execFileSync(process.env.ALSITE_BIN, ["build", "--root", path.join(__dirname, "../sites/polish"), "--out", path.join(out, "site")], { stdio: "pipe" });
    const { page, problems } = await open(browser.context, "file://" + path.join(out, "site/sessions/grafik.html"), "file://");
    await page.locator(".player .restart").click();
    const box = page.locator(".player .confirm-step");
    assert.equal(await box.locator(".confirm-question").textContent(), "Wrócić do początku sesji i\u00a0usunąć Twoje odpowiedzi z\u00a0pauz? Tego nie da się cofnąć.");
    assert.deepEqual(await box.locator("button").allTextContents(), ["Tak, od początku", "Nie, zostań tutaj"]);
    await page.goto("file://" + path.join(out, "site/practice/pytania-otwarte.html"));
    // Start over shows once there is an answer to clear.
    await page.locator(".practice-item textarea").first().fill("Co się wtedy wydarzyło?");
    await page.locator(".practice-item button[type=submit]").first().click();
    await page.locator(".progress .reset").click();
    assert.deepEqual(await page.locator(".progress .confirm-step button").allTextContents(), ["Tak, wyczyść odpowiedzi", "Nie, zostaw je"]);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
