"use strict";
// The demo-session player on small screens, from disk, as clients found
// it: a phone on its side, upright, small, and a laptop zoomed to 400 %.
// Back, Next and the turn keep their place and stay in the window, the
// stage list can be scrolled, and a pause's feedback comes into view.

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { launch, open, fileUrl, stepOn } = require("./helpers");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const FILE = "sessions/rota-tool.html";
const position = (page) => page.locator(".player .position").textContent();

// A phone in the hand, as a client found it: on its side, upright, small.
async function onPhone(viewport, run, options = {}) {
  const phone = await launch({ viewport, hasTouch: true, isMobile: true, ...options });
  try {
    const { page, problems } = await open(phone.context, fileUrl(FILE), "file://");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await run(page);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await phone.close();
  }
}

/** Where a control is in the window, rounded. */
const boxOf = (page, selector) => page.locator(selector).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), height: window.innerHeight };
});

for (const [name, viewport, touch] of [["a phone on its side", { width: 844, height: 390 }, true], ["a laptop at 400 % zoom", { width: 320, height: 180 }, false]]) {
  test(`on ${name} (${viewport.width} × ${viewport.height}), Back, Next and the turn stay in the window on one line as the player steps, over no more than a third of it`, async () => {
    const options = touch ? {} : { hasTouch: false, isMobile: false };
    await onPhone(viewport, async (page) => {
      await page.locator(".session-start a")[touch ? "tap" : "click"]();
      for (let n = 1; n <= 16; n++) {
        const [back, next, position] = await Promise.all([".player .back", ".player .next", ".player .position"].map((s) => boxOf(page, s)));
        const what = `turn ${n}: Back ${JSON.stringify(back)}, Next ${JSON.stringify(next)}, the turn ${JSON.stringify(position)}`;
        for (const b of [back, next, position]) assert.ok(b.top >= 0 && b.bottom <= b.height, `in the window: ${what}`);
        assert.ok(Math.abs(back.top - next.top) <= 1 && position.top >= next.top && position.bottom <= next.bottom, `one line: ${what}`);
        assert.ok(Math.max(back.bottom, next.bottom, position.bottom) <= viewport.height / 3, `a third of the window at most: ${what}`);
        if (touch) assert.ok(next.bottom - next.top >= 44 && next.right - next.left >= 44, `a finger's size: ${what}`);
        await stepOn(page, touch);
      }
      // The tools went on up with the page; the stage's whole name is in the bar's text.
      assert.ok((await boxOf(page, ".player-tools")).bottom <= 0, "the tools scrolled away");
      assert.match(await position(page), /^Turn 17 of \d+ · Stage 3 of 10: Questions to understand the problem$/);
    }, { reducedMotion: "reduce", ...options });
  });
}

test("on a phone on its side, at a pause the bar says why Next waits, in place of the turn", async () => {
  await onPhone({ width: 844, height: 390 }, async (page) => {
    await page.locator(".session-start a").tap();
    const next = page.locator(".player .next");
    for (let n = 0; n < 60 && !(await next.isDisabled()); n++) await next.tap();
    assert.ok(await next.isDisabled(), "a pause is reached");
    const help = page.locator(".player-controls .bar-help");
    assert.equal((await help.textContent()).trim(), "Answer the question below, or skip it, to go on.");
    const box = await boxOf(page, ".player-controls .bar-help");
    assert.ok(box.top >= 0 && box.bottom <= box.height && box.right <= 844, `in the window: ${JSON.stringify(box)}`);
    assert.equal(await page.locator(".player .position").isVisible(), false, "the turn gives way");
    // Skipped, the turn is back and the help goes.
    await page.locator(".transcript .turn.is-current .skip-pause").tap();
    assert.equal(await help.isVisible(), false);
    assert.match(await position(page), /^Turn \d+ of \d+/);
    assert.equal(await page.locator(".player .position").isVisible(), true);
  }, { reducedMotion: "reduce" });
});

for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
  test(`on a phone (${viewport.width} × ${viewport.height}), Next keeps its place at every turn, at each new stage and at a pause`, async () => {
    await onPhone(viewport, async (page) => {
      const total = embedded(SITE, FILE, "session-data").turns;
      await page.locator(".session-start a").tap();
      const seen = new Map();
      for (let n = 1; n <= total; n++) {
        const next = await boxOf(page, ".player .next");
        const where = `${next.top},${next.left}`;
        if (!seen.has(where)) seen.set(where, (await position(page)).slice(0, 40));
        if (n < total) await stepOn(page, true);
      }
      const tops = [...seen.keys()].map((k) => Number(k.split(",")[0]));
      const lefts = [...seen.keys()].map((k) => Number(k.split(",")[1]));
      assert.ok(Math.max(...tops) - Math.min(...tops) <= 2 && Math.max(...lefts) - Math.min(...lefts) <= 2,
        `Next was at ${[...seen].map(([k, v]) => `${k} (${v})`).join(" | ")}`);
    }, { reducedMotion: "reduce" });
  });
}

test("on a phone on its side, every stage in the list beside the conversation can be reached, each time apart from its name", async () => {
  await onPhone({ width: 844, height: 390 }, async (page) => {
    await page.locator(".session-start a").tap();
    for (const steps of [0, 15]) {
      for (let i = 0; i < steps; i++) await stepOn(page, true);
      const bar = await boxOf(page, ".player .next");
      const list = await boxOf(page, ".stage-list");
      assert.ok(list.top >= bar.bottom && list.bottom <= list.height, `after ${steps} steps the stage list's box is in the window, under the controls (${bar.bottom} px): ${JSON.stringify(list)}`);
      // Scrolled over the list (a finger's swipe, a wheel), the list scrolls until its last stage shows.
      await page.mouse.move(Math.round((list.left + list.right) / 2), list.bottom - 20);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 150);
      await page.waitForTimeout(100);
      const last = await boxOf(page, ".stage-list li:last-child a");
      const box = await boxOf(page, ".stage-list");
      assert.ok(last.top >= box.top && last.bottom <= box.bottom && box.bottom <= box.height, `after ${steps} steps the last stage shows in the list's box: ${JSON.stringify(last)} in ${JSON.stringify(box)}`);
      await page.locator(".stage-list").evaluate((el) => { el.scrollTop = 0; });
    }
    const items = await page.locator(".stage-list a").evaluateAll((as) => as.map((a) => {
      const range = document.createRange();
      range.selectNodeContents(a.firstChild);
      const name = [...range.getClientRects()].pop(), time = a.querySelector(".minutes").getBoundingClientRect();
      return { name: a.firstChild.textContent.trim(), gap: Math.round(time.left - name.right), right: Math.round(time.right) };
    }));
    for (const item of items) assert.ok(item.gap >= 8, `a gap between “${item.name}” and its time: ${item.gap} px`);
    assert.equal(new Set(items.map((i) => i.right)).size, 1, `the times end on one edge: ${JSON.stringify(items)}`);
  }, { reducedMotion: "reduce" });
});

for (const viewport of [{ width: 360, height: 740 }, { width: 844, height: 390 }]) {
  test(`on a phone (${viewport.width} × ${viewport.height}), a pause's feedback comes into view, and once gone on from, the pause is closed`, async () => {
    await onPhone(viewport, async (page) => {
      const pause = embedded(SITE, FILE, "pause-data").items[0];
      const s = `#${pause.id}`;
      await page.locator(".session-start a").tap();
      const next = page.locator(".player .next");
      while (!(await next.isDisabled())) await next.tap();
      const wrong = pause.options.findIndex((o) => !o.correct);
      await page.locator(`${s} label.option`).nth(wrong).tap();
      await page.locator(`${s} button[type=submit]`).tap();
      await page.locator(`${s} .feedback .verdict`).waitFor();
      const bar = await boxOf(page, ".player .next");
      const feedback = await boxOf(page, `${s} .feedback`);
      assert.ok(feedback.top >= bar.bottom && feedback.bottom <= feedback.height, `the feedback in view, below the controls: ${JSON.stringify(feedback)}`);
      if (viewport.height > 600) {
        const goOn = await boxOf(page, `#turn-${pause.turn} .go-on`);
        assert.ok(goOn.bottom <= goOn.height, `and Go on after it: ${JSON.stringify(goOn)}`);
      }
      await page.locator(`#turn-${pause.turn} .go-on`).tap();
      // Gone on: the answer and its feedback stay, nothing asks to be done.
      assert.equal(await page.locator(`${s} button[type=submit]`).isVisible(), false, "no Check answer");
      assert.deepEqual(await page.locator(`${s} input`).evaluateAll((els) => els.map((e) => [e.checked, e.disabled])),
        pause.options.map((o, i) => [i === wrong, true]), "the chosen answer stays chosen, locked");
      assert.match(await page.locator(`${s} .feedback`).textContent(), /^✗/);
      // Back at the pause, it is open again, and as it was once checked: a
      // checked choice is settled, its answer marked, no "Check answer".
      await page.locator(".player .back").tap();
      assert.equal(await page.locator(`${s} form.interactive.is-closed`).count(), 0, "open again");
      assert.equal(await page.locator(`${s} button[type=submit]`).isVisible(), false, "no Check answer on a settled choice");
      assert.deepEqual(await page.locator(`${s} input`).evaluateAll((els) => els.map((e) => [e.checked, e.matches(":disabled")])),
        pause.options.map((o, i) => [i === wrong, true]), "the chosen answer still chosen, settled");
      assert.match(await page.locator(`${s} label.option.is-chosen`).textContent(), /Your answer: not right/);
    }, { reducedMotion: "reduce" });
  });
}
