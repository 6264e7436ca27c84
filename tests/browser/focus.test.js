"use strict";
// Where the keyboard's focus goes when the control it is on goes away: a
// practice item's "Check answer" once the item is settled, a pause's answers
// once it is answered, a timer's Pause once its time is up. The focus must
// stay in the item or the timer (never fall back to the page itself, where a
// screen reader starts again from the top), so Tab goes on from there.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { launch, open, fileUrl } = require("./helpers");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function fresh(file, clock) {
  const { page, problems } = await open(browser.context, fileUrl(file), "file://");
  if (clock) await page.clock.install();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return { page, problems };
}

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return {
    tag: el.tagName,
    className: el.className,
    text: el.textContent.trim().replace(/\s+/g, " ").slice(0, 60),
    item: (el.closest(".practice-item") || {}).id || null,
    activity: (el.closest(".activity") || {}).id || null,
  };
});

for (const [kind, file] of [["choose", "practice/coach-questions.html"], ["classify", "practice/naming-question-types.html"]]) {
  test(`${kind}: checked with the keyboard, the focus goes to the verdict, not back to the page`, async () => {
    const { page, problems } = await fresh(file);
    const items = page.locator(`.practice-item[data-type=${kind}]`);
    // From the answer itself: Enter on a chosen option checks it.
    const first = items.nth(0);
    await first.locator("input").first().focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await first.locator(".feedback .verdict").waitFor();
    let now = await focused(page);
    assert.equal(now.className, "verdict", `after Enter on an option: ${JSON.stringify(now)}`);
    assert.equal(now.item, await first.getAttribute("id"));
    // From the button: Tab to it, Enter.
    const second = items.nth(1);
    await second.locator("input").first().focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).text, "Check answer");
    // The button at the window's lower edge: the verdict comes lower still.
    await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      window.scrollBy(0, r.bottom - innerHeight + 2);
    });
    await page.keyboard.press("Enter");
    now = await focused(page);
    assert.equal(now.className, "verdict", `after Check answer: ${JSON.stringify(now)}`);
    assert.equal(now.item, await second.getAttribute("id"));
    const box = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    // (Within a pixel: the window scrolls by whole pixels, a layout may end in a fraction of one.)
    assert.ok(box.top >= 0 && box.bottom <= box.height + 1, `the verdict is in the window: ${JSON.stringify(box)}`);
    // Tab goes on from there, to the next item's answers.
    await page.keyboard.press("Tab");
    now = await focused(page);
    assert.equal(now.item, await items.nth(2).getAttribute("id"), `Tab goes on: ${JSON.stringify(now)}`);
    // A reload shows the settled items without taking the focus.
    await page.reload();
    assert.equal((await focused(page)).tag, "BODY");
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  });
}

test("a session's pause answered with the keyboard keeps the focus, and Tab goes on to “Go on to the next turn”", async () => {
  const { page, problems } = await fresh("sessions/rota-tool.html");
  await page.locator(".session-start a").click();
  const next = page.locator(".player .next");
  for (let i = 0; i < 60 && !(await next.isDisabled()); i++) await page.keyboard.press("ArrowRight");
  assert.equal((await focused(page)).className, "pause-label", "at the pause");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  const now = await focused(page);
  assert.equal(now.className, "verdict", `the focus is on the pause's verdict: ${JSON.stringify(now)}`);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Go on to the next turn");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("Space at a session's last turn goes on to its end, never back a turn", async () => {
  const { page, problems } = await fresh("sessions/rota-tool.html");
  await page.locator(".stage-list a").last().click();
  const next = page.locator(".player .next");
  await next.focus();
  const turn = () => page.locator(".player [role=progressbar]").getAttribute("aria-valuenow");
  for (let i = 0; i < 60 && !(await next.isDisabled()); i++) await page.keyboard.press("Space");
  assert.ok(await next.isDisabled(), "the last turn was reached with Space");
  const last = await turn();
  await page.keyboard.press("Space");
  await page.keyboard.press("Space");
  assert.equal(await turn(), last, "still at the last turn");
  const now = await page.evaluate(() => Boolean(document.activeElement.closest(".session-end")));
  assert.ok(now, `the focus is on the session's end: ${JSON.stringify(await focused(page))}`);
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest(".session-end a"))), "Tab goes on to where it leads");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a timer whose time runs out under the keyboard's focus hands it to its Reset", async () => {
  const { page, problems } = await fresh("workshops/foundations/power-of-questions.html", true);
  const first = page.locator("#activity-1");
  await first.locator(".timer-start").focus();
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).text, "Pause");
  await page.clock.runFor(21 * 60 * 1000);
  assert.equal(await first.locator(".timer-status").textContent(), "Time is up for Types of question.");
  const now = await focused(page);
  assert.deepEqual([now.activity, now.text], ["activity-1", "Reset"], `the focus stays with the timer: ${JSON.stringify(now)}`);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});
