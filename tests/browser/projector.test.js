"use strict";
// The sample site on a projector, as a trainer runs it in the room: a
// laptop's screen mirrored at 1920 × 1080 or 1280 × 720, at 100 % or zoomed
// to 150 % (so the back row can read it). The session's presenter view keeps
// its controls over the conversation they drive.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { launch, fileUrl } = require("./helpers");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Projectors: the window in CSS pixels (a 1920 × 1080 screen zoomed to
 *  150 % is 1280 × 720 of them). */
const SCREENS = [
  { name: "1920 × 1080", width: 1920, height: 1080 },
  { name: "1920 × 1080 at 150 %", width: 1280, height: 720 },
  { name: "1366 × 768", width: 1366, height: 768 },
  { name: "1280 × 720 at 150 %", width: 853, height: 480 },
];

test("presenter view: the title and the controls stand over the conversation, on every projector", async () => {
  for (const screen of SCREENS) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.goto(fileUrl("sessions/rota-tool.html"), { waitUntil: "load" });
    await page.evaluate(() => localStorage.clear());
    await page.goto(fileUrl("sessions/rota-tool.html#present"), { waitUntil: "load" });
    await page.waitForFunction(() => document.body.classList.contains("present"));
    for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowRight");
    const edges = await page.evaluate(() => {
      const box = (sel) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.right)];
      };
      // A compact player gives way to its bar (display: contents).
      const player = document.querySelector(".player.is-compact") ? ".player-controls" : ".player";
      return { title: box(".session > .prose h1"), controls: box(player), conversation: box(".transcript") };
    });
    const [left, right] = edges.conversation;
    assert.ok(Math.abs(edges.controls[0] - left) <= 1 && Math.abs(edges.controls[1] - right) <= 1,
      `${screen.name}: the controls span ${edges.controls.join("–")} px, the conversation ${left}–${right} px`);
    assert.ok(Math.abs(edges.title[0] - left) <= 1, `${screen.name}: the title starts at ${edges.title[0]} px, the conversation at ${left} px`);
    await page.close();
  }
});
