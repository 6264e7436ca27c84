"use strict";
// Settings people use to read the web, and what they still see: Windows high
// contrast (forced colours), reduced motion, wider text spacing (WCAG
// 1.4.12), and a page zoomed to 400 % or a short window (WCAG 1.4.10), where
// the session's sticky controls must not cover the conversation. Each test
// drives the page as that user would.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { launch, fileUrl, axeViolations, contrast, scrollSettled } = require("./helpers");

const SESSION = "sessions/rota-tool.html";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function tab(media, width = 1280) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia(media);
  return page;
}

async function freshSession(page) {
  await page.goto(fileUrl(SESSION));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** How an element is painted, as far as a state can show: the background
 *  seen through it, borders, outline, shadow, weight and underline (computed
 *  styles are the forced colours themselves when forced colours are on). */
function looks(locator) {
  return locator.evaluate((el) => {
    const s = getComputedStyle(el);
    let seen = el;
    while (seen.parentElement && /^rgba\(.*, 0\)$|^transparent$/.test(getComputedStyle(seen).backgroundColor)) seen = seen.parentElement;
    return [getComputedStyle(seen).backgroundColor, s.borderLeftColor, s.borderLeftWidth, s.borderTopColor, s.outlineStyle, s.outlineColor,
      s.outlineWidth, s.boxShadow, s.fontWeight, s.textDecorationLine, s.textDecorationThickness, s.color].join(" | ");
  });
}

test("in forced colours the session shows how far it is and which turn is the newest", async () => {
  const page = await tab({ forcedColors: "active" });
  await freshSession(page);
  for (let i = 0; i < 5; i++) await page.locator(".player .next").click();
  const fill = await page.locator(".progress-bar span").evaluate((el) => {
    const bar = getComputedStyle(el.parentElement), s = getComputedStyle(el);
    return { fill: s.backgroundColor, bar: bar.backgroundColor, width: el.getBoundingClientRect().width };
  });
  assert.ok(fill.width > 0, "the bar has grown");
  assert.notEqual(fill.fill, fill.bar, `the progress bar's fill shows against the bar: ${JSON.stringify(fill)}`);
  const current = await looks(page.locator(".turn.is-current .bubble"));
  const earlier = await looks(page.locator(".turn:not(.is-current):not([hidden]) .bubble").first());
  assert.notEqual(current, earlier, "the newest turn looks different from the turns before it");
  await page.close();
});

// A toggle button keeps its name ("Transcript so far") and says whether it
// is on with aria-pressed; a sighted reader needs to see that too, on the
// button, not only in what it changes far down the page.
for (const media of [{ colorScheme: "light" }, { colorScheme: "dark" }, { forcedColors: "active" }]) {
  test(`the session's "Transcript so far" looks pressed while it is on, ${JSON.stringify(media)}`, async () => {
    const page = await tab(media);
    await freshSession(page);
    for (let i = 0; i < 3; i++) await page.locator(".player .next").click();
    const toggle = page.locator(".transcript-toggle");
    const seen = async () => {
      await page.mouse.move(1, 1);
      await toggle.blur();
      return looks(toggle);
    };
    const off = await seen();
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const on = await seen();
    assert.notEqual(on, off, "pressed, the button looks different from when it is off");
    const [bg, , , , , , , , , , , color] = on.split(" | ");
    assert.ok(contrast(color, bg) >= 4.5, `its words ${color} on ${bg}: ${contrast(color, bg).toFixed(2)}:1`);
    await toggle.click();
    assert.equal(await seen(), off, "off again, it looks as before");
    await page.close();
  });
}

// The stage list says which stage the session is in: filled on a phone,
// bold beside the conversation. Forced colours drop the fill; the current
// stage is then drawn in the system's highlight colour, at either width.
test("in forced colours the session's current stage stands out in the stage list by more than its weight", async () => {
  for (const width of [390, 1280]) {
    const page = await tab({ forcedColors: "active" }, width);
    await freshSession(page);
    for (let i = 0; i < 12; i++) await page.locator(".player .next").click();
    const current = page.locator(".stage-list a[aria-current]");
    assert.equal(await current.count(), 1);
    const other = page.locator(".stage-list a:not([aria-current])").first();
    const noWeight = async (l) => (await looks(l)).split(" | ").filter((_, i) => i !== 8).join(" | ");
    assert.notEqual(await noWeight(current), await noWeight(other), `${width} px: the current stage looks different from the others, bold aside`);
    await page.close();
  }
});

test("in forced colours the chosen search result stands out from the others", async () => {
  const page = await tab({ forcedColors: "active" });
  await page.goto(fileUrl("ground-rules.html"));
  await page.locator(".search-input").fill("open question");
  await page.locator(".search-result").nth(2).waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const chosen = page.locator('.search-result[aria-selected="true"]');
  assert.equal(await chosen.count(), 1);
  assert.notEqual(await looks(chosen), await looks(page.locator('.search-result:not([aria-selected="true"])').first()));
  await page.close();
});

test("with reduced motion nothing on the page moves by itself", async () => {
  const page = await tab({ reducedMotion: "reduce" });
  await freshSession(page);
  for (let i = 0; i < 3; i++) {
    await page.locator(".player .next").click();
    const moving = await page.evaluate(() => document.getAnimations().map((a) => `${a.constructor.name} on ${a.effect && a.effect.target && a.effect.target.className}`));
    assert.deepEqual(moving, [], "no transition or animation runs after Next");
  }
  await page.goto(fileUrl("components.html"));
  await page.locator("a.cycle-node").first().hover();
  assert.deepEqual(await page.evaluate(() => document.getAnimations().length), 0, "the diagram does not fade on hover");
  await page.close();
});

// WCAG 1.4.12: a reader's own style sheet may widen spacing this much.
const TEXT_SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

/** Elements of `selector` whose text does not fit their box. */
function cut(page, selector) {
  return page.locator(selector).evaluateAll((els) => els
    .filter((e) => e.getClientRects().length && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1))
    .map((e) => `${e.className}: “${e.textContent.trim()}”`));
}

test("with wider text spacing the player's position and hint are never cut", async () => {
  for (const width of [320, 360, 390, 600, 768, 1280]) {
    const page = await tab({}, width);
    await freshSession(page);
    await page.addStyleTag({ content: TEXT_SPACING });
    await page.locator(".stage-list a", { hasText: "Questions to understand" }).click();
    assert.deepEqual(await cut(page, ".player .position, .player .keys-help"), [], `${width} px, a stage's first turn`);
    for (let i = 0; i < 60 && !(await page.locator(".pause-help").isVisible()); i++) await page.locator(".player .next").click();
    assert.ok(await page.locator(".pause-help").isVisible(), "reached a pause");
    assert.deepEqual(await cut(page, ".player .position, .player .pause-help"), [], `${width} px, at a pause`);
    await page.close();
  }
});

test("Tab never leaves the focus hidden under the session's sticky controls", async () => {
  for (const width of [1280, 390]) {
    const page = await tab({}, width);
    await page.setViewportSize({ width, height: 700 }); // a laptop's window
    await freshSession(page);
    for (let i = 0; i < 17; i++) await page.locator(".player .next").click();
    await page.locator(".site-footer a").last().focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Shift+Tab");
      const hidden = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el.closest(".player")) return "";
        const r = el.getBoundingClientRect(), bar = (p => (p.getClientRects().length ? p : p.querySelector(".player-controls")).getBoundingClientRect())(document.querySelector(".player"));
        return r.top >= bar.top && r.bottom <= bar.bottom ? `“${el.textContent.trim()}” at ${Math.round(r.top)} px, under the controls (${Math.round(bar.top)}–${Math.round(bar.bottom)} px)` : "";
      });
      assert.equal(hidden, "", `${width} px`);
    }
    await page.close();
  }
});

test("a page with several tables names each table's box apart, for a screen reader's list of regions", async () => {
  const BIN = process.env.ALSITE_BIN;
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-tables-"));
  try {
    const root = path.join(dir, "site");
    execFileSync(BIN, ["new", root], { stdio: "pipe" });
    const table = (a) => `\n\n| ${a} | b |\n|---|---|\n| 1 | 2 |\n`;
    fs.appendFileSync(path.join(root, "content/pages/about.md"), table("first") + "\nBetween.\n" + table("second"));
    fs.appendFileSync(path.join(root, "content/workshops/foundations/power-of-questions.md"), table("third"));
    execFileSync(BIN, ["build", "--root", root, "--out", path.join(dir, "out")], { stdio: "pipe" });
    // Wide enough for the tables to scroll: a wide table's box is a region.
    const page = await tab({});
    for (const file of ["about.html", "workshops/foundations/handout.html"]) {
      await page.goto("file://" + path.join(dir, "out", file));
      await page.locator(".table-scroll table").evaluateAll((ts) => ts.forEach((t) => { t.style.minWidth = "3000px"; }));
      await page.evaluate(() => window.dispatchEvent(new Event("resize")));
      await page.waitForFunction(() => [...document.querySelectorAll(".table-scroll")].every((b) => b.getAttribute("role") === "region"));
      const names = await page.locator(".table-scroll[role=region]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")
        || document.getElementById(e.getAttribute("aria-labelledby")).textContent.trim()));
      assert.ok(names.length >= 2, `${file}: ${names}`);
      assert.equal(new Set(names).size, names.length, `${file}: ${names.join(", ")}`);
      assert.deepEqual(await axeViolations(page), [], file);
    }
    await page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a table's box is a Tab stop and a region only while the table is too wide for it", async () => {
  const page = await tab({});
  await page.goto(fileUrl("workshops/foundations/facilitator.html"));
  const boxes = () => page.locator(".table-scroll").evaluateAll((els) => els.map((b) => ({
    wide: b.scrollWidth > b.clientWidth + 1, stop: b.getAttribute("tabindex") === "0", region: b.getAttribute("role") === "region",
    named: Boolean(b.getAttribute("aria-label") || b.getAttribute("aria-labelledby")),
  })));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => !document.querySelector(".table-scroll[tabindex]"));
  const fitting = await boxes();
  assert.ok(fitting.length >= 5 && fitting.every((b) => !b.wide), "every table fits at 1280 px");
  assert.deepEqual(fitting.filter((b) => b.stop || b.region || b.named), [], "no Tab stop, no region");
  // A table grown wider than its box: the box is one again, named.
  await page.locator(".table-scroll table").first().evaluate((t) => { t.style.minWidth = "3000px"; });
  await page.waitForFunction(() => document.querySelector(".table-scroll").getAttribute("tabindex") === "0");
  const [first] = await boxes();
  assert.deepEqual(first, { wide: true, stop: true, region: true, named: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("moving a step with the keyboard says where it went", async () => {
  const page = await tab({});
  await page.goto(fileUrl("practice/session-flow.html"));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const item = page.locator('.practice-item[data-type="order"]').first();
  const first = (await item.locator(".step .step-text").first().textContent()).trim();
  const total = await item.locator(".step").count();
  await item.locator(".step .down").first().focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  const said = await item.locator('[role="status"], [aria-live]').allTextContents();
  assert.ok(said.includes(`“${first}” is now step 3 of ${total}.`), `a screen reader hears: ${JSON.stringify(said)}`);
  assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), /^Move “.*” down$/, "the focus stays on the step's button");
  await page.close();
});

test("stepping with the keyboard, the focus moves into a pause and on to Next after Skip, never to the page's start", async () => {
  const page = await tab({});
  await freshSession(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, text: el.textContent.trim().slice(0, 40), inPause: Boolean(el.closest(".turn.is-current .pause")) };
  });
  await page.locator(".player .next").focus();
  for (let i = 0; i < 60 && !(await page.locator(".player .next").isDisabled()); i++) await page.keyboard.press("Enter");
  assert.ok(await page.locator(".pause-help").isVisible(), "reached a pause");
  let now = await focused();
  assert.ok(now.inPause, `the focus is in the pause, not lost: ${JSON.stringify(now)}`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.type), "radio", "Tab goes on to the pause's answers");
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement.classList.contains("skip-pause"))); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  now = await focused();
  assert.equal(now.text, "Next →", `after Skip the focus is on Next: ${JSON.stringify(now)}`);
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".player .position").textContent(), /^Turn \d+ of/, "and Enter goes on");
  await page.close();
});

test("a screen reader names each node of the cycle diagram in whole words", async () => {
  const page = await tab({});
  await page.goto(fileUrl("components.html"));
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const names = new Set(nodes.filter((n) => n.role && n.role.value === "link" && n.name).map((n) => n.name.value.replace(/\s+/g, " ").trim()));
  const labels = await page.locator("a.cycle-node").evaluateAll((as) => as.map((a) => [...a.querySelectorAll("tspan")].map((t) => t.textContent).filter((t) => t.trim()).join(" ")));
  assert.equal(labels.length, 6);
  for (const label of labels) {
    assert.ok([...names].some((n) => n.includes(label)), `a link is named “… ${label}”, not run together: ${[...names].filter((n) => /^\d/.test(n)).join(" | ")}`);
  }
  await page.close();
});

/** How much of the window the session's controls cover, in px: the whole
 *  player, or where it is compact (its own box given way), its bar of Back,
 *  Next and the turn. */
const covered = (page) => page.evaluate(() => {
  const p = document.querySelector(".player");
  const r = (p.getClientRects().length ? p : p.querySelector(".player-controls")).getBoundingClientRect();
  return Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
});

// A 1280 × 720 screen zoomed to 400 % is a 320 × 180 window; a phone on its
// side is 844 × 390; wider text spacing makes the controls taller (on a
// small phone, more than a third of it): there only their bar of Back, Next
// and the turn stays at the top, the rest scrolls away. A laptop and a phone
// keep the whole player stuck to the top, as the conversation scrolls under it.
const WINDOWS = [
  ["400 % zoom", 320, 180, false, false],
  ["a phone on its side", 844, 390, false, false],
  ["a small phone with wider text spacing", 320, 540, true, false],
  ["a laptop with wider text spacing", 1280, 720, true, true],
  ["a phone", 390, 844, false, true],
];

for (const [name, width, height, spaced, sticks] of WINDOWS) {
  test(`${name} (${width} × ${height}): each new turn shows, and the session's controls never cover more than a third of the window`, async () => {
    const page = await tab({}, width);
    await page.setViewportSize({ width, height });
    await freshSession(page);
    if (spaced) await page.addStyleTag({ content: TEXT_SPACING });
    await page.locator(".session-start a").click();
    for (let n = 2; n <= 6; n++) {
      await page.keyboard.press("ArrowRight");
      await scrollSettled(page);
      // What a reader sees where the newest turn's words begin: the turn, not the controls.
      const seen = await page.evaluate(() => {
        const words = document.querySelector(".turn.is-current .words").getBoundingClientRect();
        const x = words.left + Math.min(20, words.width / 2), y = words.top + 4;
        const el = y < window.innerHeight ? document.elementFromPoint(x, y) : null;
        return el ? (el.closest(".turn.is-current") ? "the turn" : el.closest(".player") ? "the controls" : el.className) : "below the window";
      });
      assert.equal(seen, "the turn", `turn ${n}: where its words begin, a reader sees ${seen}`);
    }
    // Read on through the conversation, a third of the window at a time.
    const start = await page.locator(".player-tools").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    const end = await page.locator(".transcript").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    for (let y = start; y < end; y += Math.round(height / 3)) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const px = await covered(page);
      assert.ok(px <= height / 3 + 1, `scrolled to ${y}: the controls cover ${Math.round(px)} of ${height} px`);
    }
    await page.evaluate((top) => window.scrollTo(0, top), start + 400);
    const at = await page.evaluate(() => {
      const p = document.querySelector(".player");
      const top = (el) => Math.round(el.getBoundingClientRect().top);
      return { pinned: top(p.getClientRects().length ? p : p.querySelector(".player-controls")), next: top(p.querySelector(".next")), tools: Math.round(document.querySelector(".player-tools").getBoundingClientRect().bottom) };
    });
    assert.equal(at.pinned, 0, `Back, Next and the turn stay at the top: ${JSON.stringify(at)}`);
    assert.equal(at.tools > 0, sticks, sticks ? "where they fit, the tools stay at the top too" : `the rest of the player scrolls away with the page: ${JSON.stringify(at)}`);
    await page.close();
  });
}

test("at 400 % zoom, Tab through a pause keeps each control it reaches in the window, none under the session's controls", async () => {
  const page = await tab({}, 320);
  await page.setViewportSize({ width: 320, height: 180 });
  await freshSession(page);
  await page.locator(".session-start a").click();
  const next = page.locator(".player .next");
  for (let i = 0; i < 60 && !(await next.isDisabled()); i++) await page.keyboard.press("ArrowRight");
  assert.ok(await page.locator(".pause-help").count(), "reached a pause");
  await scrollSettled(page);
  const seen = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    await scrollSettled(page);
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el.closest(".turn.is-current")) return null;
      const r = el.getBoundingClientRect(), bar = (p => (p.getClientRects().length ? p : p.querySelector(".player-controls")).getBoundingClientRect())(document.querySelector(".player"));
      const under = Math.max(0, Math.min(r.bottom, bar.bottom) - Math.max(r.top, bar.top));
      return { name: (el.value && el.type !== "radio" ? el.value : el.textContent.trim() || el.closest("label").textContent.trim()).slice(0, 30), top: Math.round(r.top), bottom: Math.round(r.bottom), under: Math.round(under), height: window.innerHeight };
    });
    if (!where) break;
    seen.push(where.name);
    assert.ok(where.top >= 0 && where.bottom <= where.height && where.under === 0, `“${where.name}” is not in full view: ${JSON.stringify(where)}`);
  }
  assert.ok(seen.length >= 3, `Tab reached the pause's answers and buttons: ${seen.join(" | ")}`);
  await page.close();
});

test("the stage list beside the conversation sticks below the session's controls, however tall they are", async () => {
  for (const width of [840, 1024, 1280]) {
    for (const spaced of [false, true]) {
      const page = await tab({}, width);
      await page.setViewportSize({ width, height: 700 });
      await freshSession(page);
      if (spaced) await page.addStyleTag({ content: TEXT_SPACING });
      // The conversation so far, five stages of it, read back from its newest turn.
      await page.locator(".transcript-toggle").click();
      await page.locator(".stage-list a").nth(4).click();
      await scrollSettled(page);
      await page.evaluate(() => window.scrollBy(0, -300));
      const what = `${width} px${spaced ? ", wider text spacing" : ""}`;
      const heights = await page.evaluate(() => ({
        bar: Math.round(document.querySelector(".player").getBoundingClientRect().bottom),
        list: Math.round(document.querySelector(".stage-list").getBoundingClientRect().top),
      }));
      assert.ok(heights.list >= heights.bar, `${what}: the stage list starts at ${heights.list} px, under the controls that end at ${heights.bar} px`);
      await page.locator(".player .restart").focus();
      const stages = await page.locator(".stage-list a").count();
      for (let i = 0; i < stages; i++) {
        await page.keyboard.press("Tab");
        const link = await page.evaluate(() => {
          const el = document.activeElement, r = el.getBoundingClientRect();
          const bar = (p => (p.getClientRects().length ? p : p.querySelector(".player-controls")).getBoundingClientRect())(document.querySelector(".player"));
          return { name: el.textContent.trim(), top: Math.round(r.top), bottom: Math.round(r.bottom), bar: Math.round(bar.bottom), height: window.innerHeight, inList: Boolean(el.closest(".stage-list")) };
        });
        assert.ok(link.inList, `${what}: Tab from Restart goes through the stages: ${link.name}`);
        assert.ok(link.top >= link.bar && link.bottom <= link.height, `${what}: “${link.name}” is in full view below the controls: ${JSON.stringify(link)}`);
      }
      await page.close();
    }
  }
});
