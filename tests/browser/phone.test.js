"use strict";
// The site on a phone (390 × 844, touch, light and dark), English and Polish:
// every control a finger can hit (44 × 44 px) apart from links inside a
// sentence, no text smaller than 14 px, no axe-core violation in the dark
// scheme, the chosen answer of a practice item plain to see in both schemes,
// the session player's sticky controls leaving the conversation most of the
// screen, at a pause too, and, with wider text spacing on a 320 px phone, the
// cycle diagram's labels readable past their circles. Builds the Polish
// sample (`alsite new --language pl`) with ALSITE_BIN.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, axeViolations, PAGE_KINDS, contrast, scrollSettled } = require("./helpers");

const SITE = process.env.ALSITE_SITE;
const BIN = process.env.ALSITE_BIN || path.resolve(__dirname, "../../target/debug/alsite");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-phone-"));
const POLISH = path.join(work, "pl-out");
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// One page of each kind, in each sample; each kind of practice item.
const KINDS = {
  ...PAGE_KINDS,
  "practice (choose)": "practice/naming-question-types.html",
  "practice (order)": "practice/session-flow.html",
};
const POLISH_KINDS = {
  home: "index.html",
  "ground-rules": "ground-rules.html",
  "practice (choose)": "practice/naming-question-types.html",
  "practice (order)": "practice/session-flow.html",
  session: "sessions/decyzje-kierownikow.html",
  agenda: "workshops/intro-training/index.html",
  module: "workshops/intro-training/asking-questions.html",
  guide: "workshops/intro-training/facilitator.html",
};
const SITES = [["English", SITE, KINDS], ["Polish", POLISH, POLISH_KINDS]];

let light, dark;
before(async () => {
  execFileSync(BIN, ["new", path.join(work, "pl"), "--language", "pl"], { stdio: "pipe" });
  execFileSync(BIN, ["build", "--root", path.join(work, "pl"), "--out", POLISH], { stdio: "pipe" });
  light = await launch({ ...PHONE, colorScheme: "light" });
  dark = await launch({ ...PHONE, colorScheme: "dark" });
});
after(async () => {
  await light.close();
  await dark.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function fresh(browser, root, file) {
  const page = await browser.context.newPage();
  await page.goto("file://" + path.join(root, file));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

/** Controls smaller than 44 × 44 px. A link inside a sentence is exempt
 *  (WCAG 2.5.5), and so is a radio or checkbox inside its label (the label
 *  is what a finger hits). A link is in a sentence when the block it is in
 *  (a table's cell too) has words of its own around it; a length beside it,
 *  such as an agenda's "(45 min)", or a label, such as a contact's
 *  "E-mail", is not a sentence. */
const smallTargets = (page) => page.evaluate(() => {
  const inSentence = (a) => {
    if (a.tagName !== "A" || getComputedStyle(a).display !== "inline") return false;
    // A heading is a block of its own: a link that is a card's title is not a word of the card's text.
    const block = a.parentElement.closest("h1, h2, h3, h4, h5, h6, p, li, dd, td, th, figcaption, blockquote, div");
    if (!block) return false;
    const words = block.cloneNode(true);
    // A length beside it, or a field's label ("E-mail" before the address), is not a sentence.
    for (const aside of words.querySelectorAll(".minutes, .label")) aside.remove();
    return words.textContent.trim().length > a.textContent.trim().length;
  };
  const out = [];
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, label")) {
    if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
    if (el.closest(".visually-hidden, .skip-link, [hidden]")) continue;
    if (el.matches("label") && !el.querySelector("input")) continue;
    if (el.matches("input") && el.closest("label")) continue;
    if (inSentence(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5) out.push(`${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return [...new Set(out)];
});

/** Visible text set smaller than 14 px (the diagram's SVG scales as a picture). */
const smallText = (page) => page.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest("svg, .visually-hidden, [hidden]") || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    if (parseFloat(style.fontSize) < 13.95) out.push(`${el.tagName.toLowerCase()}.${el.className} “${n.textContent.trim().slice(0, 30)}” ${style.fontSize}`);
  }
  return [...new Set(out)];
});

for (const [language, root, kinds] of SITES) {
  test(`${language}: on a phone every control takes a fingertip and no text is too small to read`, async () => {
    const problems = [];
    for (const [kind, file] of Object.entries(kinds)) {
      const page = await fresh(light, root, file);
      for (const p of await smallTargets(page)) problems.push(`${kind}: small target ${p}`);
      for (const p of await smallText(page)) problems.push(`${kind}: small text ${p}`);
      await page.close();
    }
    assert.deepEqual(problems, []);
  });

  test(`${language}: on a phone in the dark scheme axe-core finds nothing`, async () => {
    for (const [kind, file] of Object.entries(kinds)) {
      const page = await fresh(dark, root, file);
      assert.deepEqual(await axeViolations(page), [], kind);
      await page.close();
    }
  });
}

/** The cycle diagram's texts as drawn on the screen: each one's size in
 *  px (an SVG's text shrinks with the drawing) and, for a node's label, each
 *  line that runs out of its circle. */
const diagramText = (page) => page.evaluate(() => {
  const sizes = [], outside = [];
  for (const text of document.querySelectorAll("svg.cycle text")) {
    sizes.push({ text: text.textContent.trim(), px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a });
    const circle = text.closest("a") && text.closest("a").querySelector("circle").getBoundingClientRect();
    for (const line of circle ? text.querySelectorAll("tspan") : []) {
      const r = line.getBoundingClientRect();
      if (!line.textContent.trim()) continue;
      const radius = circle.width / 2;
      const dy = r.top + r.height / 2 - (circle.top + radius);
      const half = Math.sqrt(Math.max(0, radius * radius - dy * dy));
      const mid = circle.left + radius;
      if (r.left < mid - half - 0.5 || r.right > mid + half + 0.5) outside.push(`“${line.textContent}” ${Math.round(r.width)} px wide where the circle is ${Math.round(2 * half)} px`);
    }
  }
  return { sizes, outside };
});

// About 14 px, as the page's own text: at least that from a 390 px phone up,
// and no less than nine tenths of it on a narrower phone.
const DIAGRAM_WIDTHS = [[320, 12.6], [360, 12.6], [390, 13.95], [1280, 13.95]];

for (const [language, root] of SITES) {
  test(`${language}: the cycle diagram's labels read as the page's text does, on a phone as on a wide screen`, async () => {
    const page = await fresh(light, root, "components.html");
    for (const [width, least] of DIAGRAM_WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      const { sizes, outside } = await diagramText(page);
      assert.equal(sizes.length, 13, `${width} px: six numbers, six labels and the centre`);
      const small = sizes.filter((s) => s.px < least).map((s) => `“${s.text}” ${s.px.toFixed(1)} px`);
      assert.deepEqual(small, [], `${width} px: labels smaller than ${least} px`);
      assert.deepEqual(outside, [], `${width} px: a label runs out of its circle`);
      const fits = await page.evaluate(() => document.querySelector("svg.cycle").getBoundingClientRect().right <= document.documentElement.clientWidth);
      assert.ok(fits, `${width} px: the diagram fits the screen`);
    }
    await page.close();
  });
}

// WCAG 1.4.12: a reader's own style sheet may widen spacing this much.
const TEXT_SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

test("Polish, wider text spacing, a 320 px phone: a cycle label's letters that run past their circle can still be seen on the page", async () => {
  const page = await fresh(light, POLISH, "components.html");
  await page.setViewportSize({ width: 320, height: 844 });
  await page.addStyleTag({ content: TEXT_SPACING });
  // Where each line of a label runs past its circle and the light ring round it, in px of the drawing.
  const strips = await page.evaluate(() => {
    const svg = document.querySelector("svg.cycle").getBoundingClientRect();
    const out = [];
    for (const a of document.querySelectorAll("a.cycle-node")) {
      const c = a.querySelector("circle").getBoundingClientRect();
      for (const line of a.querySelectorAll("tspan")) {
        const r = line.getBoundingClientRect();
        if (!line.textContent.trim()) continue;
        const y = [r.top - svg.top, r.bottom - svg.top];
        if (r.left < c.left - 1.5) out.push({ line: line.textContent, x: [r.left - svg.left, c.left - 1.5 - svg.left], y });
        if (r.right > c.right + 1.5) out.push({ line: line.textContent, x: [c.right + 1.5 - svg.left, r.right - svg.left], y });
      }
    }
    return out;
  });
  const shot = await page.locator("svg.cycle").screenshot();
  // In each strip, the pixels a reader can tell from the page (3:1 against it).
  const seen = await page.evaluate(async ({ png, strips }) => {
    const img = new Image();
    img.src = "data:image/png;base64," + png;
    await img.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const scale = img.width / document.querySelector("svg.cycle").getBoundingClientRect().width;
    const lum = (r, g, b) => [r, g, b].map((v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const paper = lum(...getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number));
    return strips.map((s) => {
      const [x0, x1, y0, y1] = [...s.x, ...s.y].map((v) => Math.round(v * scale));
      if (x1 <= x0) return { line: s.line, ink: null };
      const data = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const l = lum(data[i], data[i + 1], data[i + 2]);
        if ((Math.max(l, paper) + 0.05) / (Math.min(l, paper) + 0.05) >= 3) ink++;
      }
      return { line: s.line, ink };
    });
  }, { png: shot.toString("base64"), strips });
  for (const s of seen) if (s.ink !== null) assert.ok(s.ink >= 4, `“${s.line}”: past its circle, its letters are white on the page (${s.ink} px stand out)`);
  await page.close();
});

for (const [scheme, which] of [["light", () => light], ["dark", () => dark]]) {
  test(`the chosen answer stands out from the others, ${scheme}`, async () => {
    const page = await fresh(which(), SITE, KINDS["practice (choose)"]);
    const item = page.locator(".practice-item").first();
    await item.locator("label.option").nth(2).tap();
    await page.mouse.move(1, 1); // no hover: the chosen look alone
    const look = (n) => item.locator("label.option").nth(n).evaluate((el) => {
      const s = getComputedStyle(el);
      const surface = getComputedStyle(el.closest(".practice-item")).backgroundColor;
      const radio = getComputedStyle(el.querySelector("input")).accentColor;
      return { border: s.borderTopColor, width: s.borderTopWidth, background: s.backgroundColor, surface, radio };
    });
    const chosen = await look(2), other = await look(3);
    assert.notDeepEqual([chosen.border, chosen.width, chosen.background], [other.border, other.width, other.background], "the chosen option's box differs");
    const border = contrast(chosen.border, chosen.background === "rgba(0, 0, 0, 0)" ? chosen.surface : chosen.background);
    assert.ok(border >= 3, `the chosen option's border has ${border.toFixed(2)}:1 against its box (WCAG 1.4.11 needs 3:1)`);
    const radio = contrast(chosen.radio, chosen.surface);
    assert.ok(radio >= 3, `the ticked radio button (${chosen.radio}) has ${radio.toFixed(2)}:1 against the item (needs 3:1)`);
    assert.deepEqual(await axeViolations(page), [], "with an answer chosen");
    await page.close();
  });
}

// A classify item offers fifteen categories: as full-width rows they made
// one item about 1,090 px tall on a phone. They are compact boxes, several
// to a line, each still a fingertip's size, chosen with a tap or the
// keyboard, and a long Polish word widens its box instead of running out.
for (const [language, root] of [["English", SITE], ["Polish", POLISH]]) {
  test(`${language}: on a phone a classify item's categories sit several to a line, each 44 px high, and the item fits in a screen`, async () => {
    const page = await fresh(light, root, "practice/naming-question-types.html");
    const item = page.locator(".practice-item").first();
    const height = (await item.boundingBox()).height;
    assert.ok(height <= 844, `the item is ${Math.round(height)} px tall, more than the 844 px screen (was about 1,090 in English)`);
    const boxes = await item.locator("label.option").evaluateAll((labels) => labels.map((l) => {
      const r = l.getBoundingClientRect(), words = l.querySelector(".option-text").getBoundingClientRect();
      return { y: Math.round(r.y), w: r.width, h: r.height, inside: words.right <= r.right + 0.5, radio: l.querySelector("input[type=radio]") !== null, name: l.textContent.trim() };
    }));
    assert.equal(boxes.length, 15);
    assert.ok(boxes.every((b) => b.radio), "every category is a radio button");
    const lines = new Set(boxes.map((b) => b.y)).size;
    assert.ok(lines <= 10, `${lines} lines for 15 categories`);
    for (const b of boxes) {
      assert.ok(b.w >= 44 && b.h >= 43.5, `“${b.name}” is ${Math.round(b.w)}×${Math.round(b.h)} px`);
      assert.ok(b.inside, `“${b.name}” runs out of its box`);
    }
    // The keyboard: an arrow moves the choice, the focus ring goes round the box.
    await item.locator("input[type=radio]").first().focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await item.locator("input:checked").getAttribute("value"), await item.locator("input[type=radio]").nth(1).getAttribute("value"));
    assert.equal(await item.locator("label.option").nth(1).evaluate((l) => getComputedStyle(l).outlineStyle), "solid");
    await page.close();
  });
}

// An order item's steps: the number and two buttons side by side left the
// words about 160 px, four lines a step, and the arrows 4 px apart.
for (const [language, root] of [["English", SITE], ["Polish", POLISH]]) {
  test(`${language}: on a phone an order item's words get the width, and its move buttons are 44 px targets well apart`, async () => {
    const page = await fresh(light, root, "practice/session-flow.html");
    const item = page.locator(".practice-item[data-type=order]");
    const look = await item.locator("li.step").evaluateAll((lis) => lis.map((li) => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom }; };
      return { text: box(li.querySelector(".step-text")), li: box(li), buttons: [...li.querySelectorAll("button")].map(box) };
    }));
    for (const [i, s] of look.entries()) {
      assert.ok(s.text.w >= 220, `step ${i + 1}: its words are ${Math.round(s.text.w)} px wide (were about 163)`);
      assert.ok(s.text.w >= 0.65 * s.li.w, `step ${i + 1}: its words take ${Math.round(s.text.w)} of ${Math.round(s.li.w)} px`);
      const [up, down] = s.buttons;
      for (const b of [up, down]) assert.ok(b.w >= 43.5 && b.h >= 43.5, `step ${i + 1}: a move button is ${Math.round(b.w)}×${Math.round(b.h)} px`);
      const apart = Math.max(down.y - up.bottom, down.x - up.right, up.y - down.bottom, up.x - down.right);
      assert.ok(apart >= 8, `step ${i + 1}: the buttons are ${apart.toFixed(1)} px apart`);
      assert.ok(up.x >= s.text.right && down.x >= s.text.right, `step ${i + 1}: the buttons sit beside the words, not over them`);
      // Before a check (no "✓ in place" mark above them) the words sit level
      // with the number, in the middle of the box, not at its foot.
      const off = (s.text.y + s.text.h / 2) - (s.li.y + s.li.h / 2);
      assert.ok(Math.abs(off) <= 3, `step ${i + 1}: its words sit ${Math.round(off)} px below the middle of its box`);
    }
    await page.close();
  });
}

// Restart late in a session: its question and its focused "No" show below
// the player's bar (once they were left far above the screen, and a tap on
// Restart seemed to do nothing), and "No" brings the reader back to the
// turn they had reached.
for (const [language, root, kinds] of SITES) {
  test(`${language}: on a phone Restart's question shows below the player's bar, late in a session too`, async () => {
    const page = await fresh(light, root, kinds.session);
    const next = page.locator(".player .next");
    const skip = page.locator(".transcript .turn.is-current .skip-pause");
    for (let i = 0; i < 20 || (await next.isDisabled()); i++) {
      if (await next.isDisabled()) await skip.tap();
      await next.tap();
    }
    await page.locator(".player .restart").evaluate((b) => b.click()); // (a tap would first scroll the stuck player to its place in the page)
    const where = () => page.evaluate(() => {
      const top = (el) => el.getBoundingClientRect().top;
      const bar = document.querySelector(".player-controls").getBoundingClientRect().bottom;
      const question = document.querySelector(".player .confirm-question");
      const keep = document.activeElement.getBoundingClientRect();
      return { shown: top(question) >= bar - 1 && keep.bottom <= innerHeight, question: Math.round(top(question)), bar: Math.round(bar), keep: Math.round(keep.top) };
    });
    await scrollSettled(page);
    const seen = await where();
    assert.ok(seen.shown, `the question's top is at ${seen.question} px, the bar ends at ${seen.bar} px, the focused button at ${seen.keep} px`);
    // "No, stay here": the reader is back at the turn they had reached.
    await page.locator(".player .confirm-keep").evaluate((b) => b.click()); // (a tap would first scroll the stuck player to its place in the page)
    await scrollSettled(page);
    const turn = await page.locator(".transcript .turn.is-current").evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), below: Math.round(document.querySelector(".player").getBoundingClientRect().bottom) };
    });
    assert.ok(turn.top >= turn.below - 1 && turn.top <= 844 - 60, `after "No" the current turn starts at ${turn.top} px, below the player's ${turn.below} px`);
    await page.close();
  });
}

// A folded part a finger opens, on a line of its own: the coach's thoughts
// in a session, the right order after a wrong try (each was 20–27 px high).
test("English: on a phone \"What the coach is thinking\" and \"Show the right order\" are 44 px targets", async () => {
  const page = await fresh(light, SITE, KINDS.session);
  const note = page.locator(".transcript .coach-note summary:visible").first();
  const next = page.locator(".player .next");
  for (let i = 0; i < 40 && !(await note.count()); i++) {
    if (await next.isDisabled()) await page.locator(".transcript .turn.is-current .skip-pause").tap();
    await next.tap();
  }
  const heights = { note: (await note.boundingBox()).height };
  await page.goto("file://" + path.join(SITE, "practice/session-flow.html"));
  const item = page.locator(".practice-item[data-type=order]");
  await item.locator(".step button.down").first().tap();
  await item.locator("button[type=submit]").tap();
  const order = item.locator(".answer summary");
  if (await order.isVisible()) heights.order = (await order.boundingBox()).height;
  for (const [what, h] of Object.entries(heights)) assert.ok(h >= 43.5, `${what}: ${Math.round(h)} px high`);
  await page.close();
});

/** Steps the player until Next waits at a pause. */
async function toPause(page) {
  const next = page.locator(".player .next");
  for (let i = 0; i < 60 && !(await next.isDisabled()); i++) await next.tap();
  assert.ok(await next.isDisabled(), "the player waits at a pause");
}

for (const [language, root, kinds] of SITES) {
  test(`${language}: on a phone the session player leaves the conversation most of the screen`, async () => {
    for (const scheme of [light, dark]) {
      const page = await fresh(scheme, root, kinds.session);
      const player = page.locator(".player");
      await page.locator(".player .next").tap();
      const going = await player.boundingBox();
      assert.ok(going.height <= 844 * 0.2, `the player is ${Math.round(going.height)} px of the 844 px screen`);
      const tools = await page.locator(".player-tools .button:visible").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      assert.equal(new Set(tools).size, 1, `the player's tools sit on one row: ${tools}`);
      await toPause(page);
      const paused = await player.boundingBox();
      assert.equal(paused.height, going.height, "the player keeps its height at a pause");
      const help = page.locator(".player .pause-help");
      assert.ok(await help.isVisible(), "the player says what to do");
      const cut = await help.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      assert.equal(cut, false, "the hint is read in full");
      await page.close();
    }
  });
}

test("Polish offers on 320 and 390 px phones: each fact's value has most of the card's width", async () => {
  for (const width of [320, 390]) {
    const page = await light.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto("file://" + path.join(POLISH, "offers.html"));
    const facts = await page.locator(".offer-facts").evaluateAll((lists) => lists.map((dl) => {
      const values = [...dl.querySelectorAll("dd")].map((dd) => dd.getBoundingClientRect().width);
      return { list: dl.getBoundingClientRect().width, narrowest: Math.min(...values) };
    }));
    assert.ok(facts.length >= 3, `${facts.length} offers`);
    for (const [i, f] of facts.entries()) {
      assert.ok(f.narrowest >= 0.55 * f.list, `${width} px, offer ${i + 1}: a value ${Math.round(f.narrowest)} px wide in a card ${Math.round(f.list)} px wide`);
    }
    await page.close();
  }
});

for (const [language, root] of [["English", SITE], ["Polish", POLISH]]) {
  test(`${language}: on a phone an item's title fills its first line, and its result once answered sits under it`, async () => {
    const page = await fresh(light, root, "practice/coach-questions.html");
    const item = page.locator(".practice-item").first();
    await item.locator("label.option").first().tap();
    await item.locator("button[type=submit]").tap();
    await item.locator(".feedback .verdict").waitFor();
    const title = await item.locator(".item-title").evaluate((h) => {
      const range = document.createRange();
      const text = [...h.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      range.selectNodeContents(text);
      const lines = [...range.getClientRects()].filter((r) => r.width > 1);
      const state = h.querySelector(".item-state").getBoundingClientRect();
      const badge = h.querySelector(".badge").getBoundingClientRect();
      return { first: lines[0].width, room: h.getBoundingClientRect().right - badge.right, textBottom: Math.max(...lines.map((r) => r.bottom)), stateTop: state.top, text: text.textContent.trim() };
    });
    assert.ok(title.stateTop >= title.textBottom - 1, `the result under the title: ${JSON.stringify(title)}`);
    assert.ok(title.first >= 0.5 * title.room, `the title's first line holds more than a word: ${JSON.stringify(title)}`);
    await page.close();
  });
}

test("Polish: on a phone a search result's place lands with room above it, and the skip link is a 44 px target", async () => {
  const page = await light.context.newPage();
  for (const target of ["practice/index.html#types-title", "ground-rules.html#coach-may-intervene", "practice/coach-questions.html"]) {
    await page.goto("file://" + path.join(POLISH, target));
    const id = target.split("#")[1] || await page.locator(".practice-item").nth(2).getAttribute("id");
    if (!target.includes("#")) await page.goto(page.url() + "#" + id);
    const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 12, `${target} #${id}: ${top} px from the top of the window`);
  }
  await page.goto("file://" + path.join(POLISH, "index.html"));
  await page.keyboard.press("Tab");
  const skip = await page.locator(".skip-link").boundingBox();
  assert.ok(skip.height >= 44 && skip.y >= 0, `the skip link, focused: ${JSON.stringify(skip)}`);
  await page.close();
});

test("on a phone a checklist's materials line up: which modules need one sits under its name, not under the box", async () => {
  const page = await fresh(light, SITE, KINDS.guide);
  const rows = await page.locator(".checklist li").evaluateAll((lis) => lis.map((li) => {
    const box = li.querySelector("input").getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(li.querySelector(".used-in"));
    const used = range.getClientRects();
    return { name: li.textContent.trim().slice(0, 30), box: box.right, lefts: [...used].map((r) => Math.round(r.left)) };
  }));
  assert.ok(rows.length > 3);
  for (const row of rows) assert.ok(row.lefts.every((x) => x >= row.box), `${row.name}: “used in” starts at ${row.lefts} px, left of the box's edge ${row.box} px`);
  await page.close();
});

test("on a phone a component's title that wraps goes on beside its number, a rule's stands below its badge, each title's lines at one edge", async () => {
  for (const kind of ["ground-rules.html", "components.html"]) {
    const page = await fresh(light, SITE, kind);
    const headings = await page.locator("main h2:has(> .badge)").evaluateAll((hs) => hs.map((h) => {
      const badge = h.querySelector(".badge").getBoundingClientRect();
      const range = document.createRange();
      range.setStartAfter(h.querySelector(".badge"));
      range.setEnd(h, h.childNodes.length);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      return { text: h.textContent.trim(), badge: badge.right, badgeBottom: badge.bottom, top: Math.min(...lines.map((r) => r.top)), lefts: lines.map((r) => Math.round(r.left)), lines: new Set(lines.map((r) => Math.round(r.top))).size };
    }));
    assert.ok(headings.length >= 2, kind);
    for (const h of headings) {
      assert.equal(new Set(h.lefts).size, 1, `${kind}: “${h.text}” has lines at ${h.lefts} px`);
      if (kind === "components.html") assert.ok(h.lefts[0] >= h.badge, `“${h.text}” starts at ${h.lefts[0]} px, left of its badge's edge ${h.badge} px`);
      else assert.ok(h.top >= h.badgeBottom - 1, `“${h.text}” starts at ${h.top} px, beside its badge (bottom ${h.badgeBottom} px)`);
    }
    // A rule's title has the card's width: the longest takes no more than three lines.
    if (kind === "ground-rules.html") assert.ok(headings.every((h) => h.lines <= 3), JSON.stringify(headings.map((h) => h.lines)));
    await page.close();
  }
});

test("on a phone the open menu's button shows a cross, the closed one three bars", async () => {
  const page = await fresh(light, SITE, "ground-rules.html");
  const button = page.locator(".nav-menu > summary");
  const icon = () => button.evaluate((b) => {
    const s = getComputedStyle(b, "::before");
    const square = Math.abs(parseFloat(s.width) - parseFloat(s.height)) < 0.5;
    return { bars: s.borderTopWidth, square, lines: s.backgroundImage.split("linear-gradient").length - 1 };
  });
  assert.deepEqual(await icon(), { bars: "2px", square: false, lines: 1 });
  await button.tap();
  assert.equal(await page.locator(".nav-menu").evaluate((d) => d.open), true);
  assert.deepEqual(await icon(), { bars: "0px", square: true, lines: 2 });
  await page.close();
});

/** Where a line of the page's text ends with a word of one letter ("w",
 *  "i", "z": Polish typesetting never leaves one there) or an abbreviation
 *  is cut at the hyphen of its ending ("HR-" / "u"). Each found place as
 *  the words around it. */
const badLineEnds = (page) => page.evaluate(() => {
  const out = [];
  const top = (node, i) => {
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const rects = r.getClientRects();
    return rects.length ? rects[0].top : null;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (el.closest("svg, code, pre, textarea, script, .visually-hidden, [hidden]") || !el.getClientRects().length) continue;
    const text = n.textContent;
    const places = [
      ...[...text.matchAll(/(?:^|[\s(„"])([aiouwzAIOUWZ])[\s\u00a0]+(?=\S)/g)].map((m) => [m.index + m[0].indexOf(m[1]), m.index + m[0].length]),
      ...[...text.matchAll(/\p{Lu}{2,}-\u2060?(?=\p{Ll}{1,3}\b)/gu)].map((m) => [m.index + m[0].indexOf("-"), m.index + m[0].length]),
    ];
    for (const [end, next] of places) {
      const a = top(n, end);
      const b = top(n, next);
      if (a !== null && b !== null && b > a + 2) out.push(text.slice(Math.max(0, end - 20), next + 10).replace(/\s+/g, " "));
    }
  }
  return out;
});

// The site's name in the header is one of them: "Action Learning /
// w praktyce", not "Action Learning w" / "praktyce".
test("Polish: on a phone no line ends with a one-letter word or an abbreviation cut from its ending", async () => {
  const pages = [...new Set([...Object.values(POLISH_KINDS), "practice/open-questions.html", "offers.html", "action-learning.html"])];
  for (const file of pages) {
    const page = await fresh(light, POLISH, file);
    assert.deepEqual(await badLineEnds(page), [], `${file}: lines end so`);
    await page.close();
  }
});

for (const [language, root, kinds] of SITES) {
  test(`${language}: on a phone a session's stages are chips with one gap between them and their names one inset from the edge`, async () => {
    for (const scheme of [light, dark]) {
      const page = await fresh(scheme, root, kinds.session);
      const chips = await page.locator(".stage-list a").evaluateAll((links) => links.map((a) => {
        const box = a.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(a);
        const words = range.getClientRects()[0];
        const style = getComputedStyle(a);
        const paper = getComputedStyle(document.body).backgroundColor;
        return { name: a.textContent.trim(), left: box.left, right: box.right, top: Math.round(box.top), inset: Math.round(words.left - box.left), border: parseFloat(style.borderTopWidth), seen: style.borderTopColor !== paper || style.backgroundColor !== paper };
      }));
      assert.ok(chips.length >= 8, `${chips.length} stages`);
      const insets = new Set(chips.map((c) => c.inset));
      assert.equal(insets.size, 1, `every stage's name starts one inset from its chip's edge: ${JSON.stringify(chips.map((c) => [c.name, c.inset]))}`);
      const gaps = [];
      for (let i = 1; i < chips.length; i++) if (chips[i].top === chips[i - 1].top) gaps.push(Math.round(chips[i].left - chips[i - 1].right));
      assert.ok(gaps.length >= 2, "some stages share a row");
      assert.equal(new Set(gaps).size, 1, `one gap between stages on a row: ${gaps}`);
      for (const c of chips) assert.ok(c.border >= 1 && c.seen, `${c.name}: the chip stands out from the page`);
      await page.close();
    }
  });
}
