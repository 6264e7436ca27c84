"use strict";
// How a practice set's choices look, drawn by the theme rather than the
// browser, in light and dark: a radio button or checkbox not chosen is
// empty, its ring 3:1 against the option; a chosen one stands out; the
// keyboard's focus ring goes round the whole option.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { launch, open, contrast, sampleCopy, freshPage, scrollSettled } = require("./helpers");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });
const fresh = (page) => freshPage(browser.context, page);

for (const scheme of ["light", "dark"]) {
  test(`a radio button not chosen is an empty ring, 3:1 against its option, and the keyboard's focus ring goes round the option, ${scheme}`, async () => {
    const { page } = await fresh("practice/naming-question-types.html");
    await page.emulateMedia({ colorScheme: scheme });
    const item = page.locator(".practice-item").first();
    // By keyboard: an arrow from the first option to the next.
    await item.locator("input[type=radio]").first().focus();
    await page.keyboard.press("ArrowDown");
    await page.mouse.move(1, 1);
    const look = await item.locator("label.option").evaluateAll((labels) => labels.map((l) => {
      const radio = l.querySelector("input");
      const s = getComputedStyle(radio), box = getComputedStyle(l);
      const paper = box.backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(l.closest(".practice-item")).backgroundColor : box.backgroundColor;
      return {
        checked: radio.checked, focused: radio.matches(":focus-visible"),
        ring: s.borderTopColor, ringWidth: parseFloat(s.borderTopWidth), fill: s.backgroundColor, drawn: s.appearance, paper,
        radioOutline: s.outlineStyle, optionOutline: box.outlineStyle, optionOutlineWidth: parseFloat(box.outlineWidth),
      };
    }));
    const chosen = look.findIndex((o) => o.checked);
    assert.equal(chosen, 1, "the arrow chose the second option");
    assert.ok(look[chosen].focused, "the chosen radio has the keyboard focus");
    for (const [i, o] of look.entries()) {
      if (o.checked) continue;
      assert.equal(o.drawn, "none", `option ${i + 1}: drawn by the theme, not the browser's grey disc`);
      assert.ok(["rgba(0, 0, 0, 0)", o.paper].includes(o.fill) || contrast(o.fill, o.paper) < 1.2, `option ${i + 1}: the ring is empty (${o.fill} on ${o.paper})`);
      assert.ok(o.ringWidth >= 1.5 && contrast(o.ring, o.paper) >= 3, `option ${i + 1}: its ring ${o.ring} has ${contrast(o.ring, o.paper).toFixed(2)}:1 on ${o.paper}`);
      assert.equal(o.optionOutline, "none", `option ${i + 1}: no focus ring`);
    }
    assert.equal(look[chosen].radioOutline, "none", "no square ring round the little circle");
    assert.ok(look[chosen].optionOutline === "solid" && look[chosen].optionOutlineWidth >= 2, "the focus ring goes round the whole option");
    await page.close();
  });
}

// A `choose` item with more than one correct option is answered with
// checkboxes: on a dark page the browser's own is a grey square, which reads
// as switched off. Built from the sample's own content, one item given two
// correct options.
test("a checkbox not ticked is an empty square, 3:1 against its option; a ticked one stands out, light and dark", async () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const site = sampleCopy("alsite-checkbox-");
  const set = site.file("content/practice/coach-questions.yaml");
  const yaml = fs.readFileSync(set, "utf8");
  const first = '      - text: "Could you please hurry up?"\n';
  assert.ok(yaml.includes(first), "the sample's first option is where this test expects it");
  fs.writeFileSync(set, yaml.replace(first, first + "        correct: true\n"));
  site.build();
  for (const scheme of ["light", "dark"]) {
    const { page } = await open(browser.context, "file://" + path.join(site.out, "practice/coach-questions.html"), "file://");
    await page.emulateMedia({ colorScheme: scheme });
    const item = page.locator("#item-1");
    assert.equal(await item.locator("input[type=checkbox]").count(), 3, "every option a checkbox");
    await item.locator("label.option").nth(1).click();
    await page.mouse.move(1, 1);
    const look = await item.locator("label.option").evaluateAll((labels) => labels.map((l) => {
      const box = l.querySelector("input"), s = getComputedStyle(box), option = getComputedStyle(l);
      const paper = option.backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(l.closest(".practice-item")).backgroundColor : option.backgroundColor;
      const r = box.getBoundingClientRect();
      return { checked: box.checked, drawn: s.appearance, ring: s.borderTopColor, ringWidth: parseFloat(s.borderTopWidth), fill: s.backgroundColor, accent: s.accentColor, paper, size: [Math.round(r.width), Math.round(r.height)] };
    }));
    assert.deepEqual(look.map((o) => o.checked), [false, true, false], scheme);
    for (const [i, o] of look.entries()) {
      assert.ok(o.size[0] >= 16 && o.size[0] === o.size[1], `${scheme}, option ${i + 1}: a square of at least 16 px (${o.size})`);
      if (o.checked) {
        assert.ok(contrast(o.accent, o.paper) >= 3, `${scheme}: the ticked box (${o.accent}) has ${contrast(o.accent, o.paper).toFixed(2)}:1 on ${o.paper}`);
        continue;
      }
      assert.equal(o.drawn, "none", `${scheme}, option ${i + 1}: drawn by the theme, not the browser's grey square`);
      assert.ok(["rgba(0, 0, 0, 0)", o.paper].includes(o.fill) || contrast(o.fill, o.paper) < 1.2, `${scheme}, option ${i + 1}: the square is empty (${o.fill} on ${o.paper})`);
      assert.ok(o.ringWidth >= 1.5 && contrast(o.ring, o.paper) >= 3, `${scheme}, option ${i + 1}: its border ${o.ring} has ${contrast(o.ring, o.paper).toFixed(2)}:1 on ${o.paper}`);
    }
    await page.close();
  }
  site.remove();
});

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`an answer checked at the bottom of the window brings its feedback into view, and the first answer does not push its item down, ${width} px`, async () => {
    const { page } = await fresh("practice/open-questions.html");
    await page.setViewportSize({ width, height });
    const item = page.locator(".practice-item").first();
    const button = item.locator("button[type=submit]");
    await item.locator("textarea").fill("What else could help you here?");
    // The button near the bottom of the window, as a reader scrolls to it.
    await button.evaluate((b) => window.scrollBy({ top: b.getBoundingClientRect().bottom - (innerHeight - 30), behavior: "instant" }));
    const before = await item.evaluate((s) => s.getBoundingClientRect().top);
    await button.click();
    await item.locator(".feedback .verdict").waitFor();
    await scrollSettled(page);
    const after = await item.evaluate((s) => {
      const box = s.querySelector(".feedback").getBoundingClientRect();
      return { top: s.getBoundingClientRect().top, feedbackTop: box.top, feedbackBottom: box.bottom, room: innerHeight };
    });
    assert.ok(after.feedbackTop >= 0 && after.feedbackTop < after.room - 60, `the feedback starts in the window: ${JSON.stringify(after)}`);
    assert.ok(after.top <= before + 2, `the item did not move down: ${before} → ${after.top}`);
    assert.ok(await page.locator(".progress .score").isVisible(), "the score line is there");
  });
}
