"use strict";
// Layouts that hold: every page kind at five widths, light and dark, with no
// sideways scrolling and no axe-core violations (colour contrast included);
// the navigation as a menu button on small screens; the session player keeping
// the newest turn in view and its controls in place at a pause. Leaves a
// screenshot of each page kind at 390 and 1280 px in target/screenshots/ for a
// person to look at (nothing compares pixels).

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { launch, fileUrl, axeViolations, PAGE_KINDS } = require("./helpers");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const SHOTS = process.env.ALSITE_SCREENSHOTS || path.join(__dirname, "../../target/screenshots");
const WIDTHS = [320, 390, 768, 1024, 1280];
const SCHEMES = ["light", "dark"];
const SHOT_WIDTHS = [390, 1280];
const SESSION = "sessions/rota-tool.html";

const KINDS = PAGE_KINDS;

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await browser.close(); });

async function tab(width, scheme) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

const overflow = (page) => page.evaluate(() => {
  const d = document.documentElement;
  return { scroll: d.scrollWidth, client: d.clientWidth };
});

for (const scheme of SCHEMES) {
  test(`every page kind holds at every width, ${scheme}`, async () => {
    for (const width of WIDTHS) {
      const page = await tab(width, scheme);
      for (const [kind, file] of Object.entries(KINDS)) {
        assert.ok(fs.existsSync(path.join(SITE, file)), `${file} exists`);
        await page.goto(fileUrl(file), { waitUntil: "load" });
        await page.evaluate(() => localStorage.clear());
        await page.reload({ waitUntil: "load" });
        const { scroll, client } = await overflow(page);
        assert.ok(scroll <= client, `${kind} (${file}) at ${width} px, ${scheme}: ${scroll} px wide in a ${client} px window`);
        assert.deepEqual(await axeViolations(page), [], `${kind} at ${width} px, ${scheme}`);
        if (SHOT_WIDTHS.includes(width) && (scheme === "light" || kind === "home")) {
          await page.screenshot({ path: path.join(SHOTS, `${kind}-${width}${scheme === "dark" ? "-dark" : ""}.png`), fullPage: true });
        }
      }
      await page.close();
    }
  });
}

test("small screens get a menu button that works without a script; wide screens the whole navigation", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const page = await noJs.context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(fileUrl("workshops/foundations/index.html"));
    const current = page.locator("nav[aria-label=Main] a[aria-current]");
    assert.equal(await current.isVisible(), false, "the list is folded away");
    await page.locator(".nav-menu > summary").click();
    assert.ok(await current.isVisible(), "the menu opens");
    const box = await current.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the current page is not clipped: ${JSON.stringify(box)}`);
    assert.equal(await current.textContent(), "Workshops");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    assert.equal(await page.locator(".nav-menu > summary").isVisible(), false, "no menu button on a wide screen");
    const links = page.locator("nav[aria-label=Main] a");
    const tops = new Set();
    for (let i = 0; i < await links.count(); i++) {
      assert.ok(await links.nth(i).isVisible());
      tops.add(Math.round((await links.nth(i).boundingBox()).y));
    }
    assert.equal(tops.size, 1, "all links on one row at 1280 px");
    await page.close();
  } finally {
    await noJs.close();
  }
});

test("long pages list their sections beside the text from 1100 px", async () => {
  const page = await tab(1280, "light");
  for (const file of [KINDS["ground-rules"], KINDS.components, KINDS.guide]) {
    await page.goto(fileUrl(file));
    const toc = page.locator("nav.toc");
    assert.ok(await toc.isVisible(), `${file}: on this page`);
    const text = await page.locator("main article").first().boundingBox();
    const side = await toc.boundingBox();
    assert.ok(side.x >= text.x + text.width, `${file}: the list is beside the text`);
  }
  await page.setViewportSize({ width: 1024, height: 800 });
  assert.equal(await page.locator("nav.toc").isVisible(), false, "not on narrower screens");
  await page.close();
});

/** Whether the element comes into view below the player's sticky controls
 *  within ten seconds: the player scrolls the newest turn in smoothly,
 *  after the click that moved it has returned. */
async function comesIntoView(page, selector) {
  return page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    const bar = document.querySelector(".player").getBoundingClientRect();
    return r.top >= bar.bottom - 1 && r.top < window.innerHeight && r.bottom > bar.bottom;
  }, selector, { timeout: 10000 }).then(() => true, () => false);
}

/** Whether the whole element comes into view below the sticky controls
 *  within ten seconds (one taller than the room left: its start). */
async function wholeInView(page, selector) {
  return page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    const bar = document.querySelector(".player").getBoundingClientRect();
    const fits = r.height <= window.innerHeight - bar.bottom;
    return r.top >= bar.bottom - 1 && (fits ? r.bottom <= window.innerHeight + 1 : r.top < window.innerHeight);
  }, selector, { timeout: 10000 }).then(() => true, () => false);
}

test("the session keeps the conversation so far, the newest turn in view, and its controls still at a pause", async () => {
  const data = embedded(SITE, SESSION, "session-data");
  const pause = embedded(SITE, SESSION, "pause-data").items[0];
  for (const width of WIDTHS) {
    const page = await tab(width, "light");
    await page.goto(fileUrl(SESSION));
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    for (let n = 1; n < 6; n++) {
      await page.locator(".player .next").click();
      assert.ok(await comesIntoView(page, `#turn-${n + 1}`), `${width} px: turn ${n + 1} is in view after Next`);
    }
    assert.equal(await page.locator(".transcript .turn:visible").count(), 6, `${width} px: the stage so far stays on screen`);
    const names = await page.locator(".transcript .turn:visible .name").allTextContents();
    assert.ok(names.every((n) => n.trim().length > 0), "every turn names its speaker");

    const bar = page.locator(".player");
    await page.locator(".stage-list a", { hasText: "Questions to understand" }).click();
    while (Number((await page.locator(".player .position").textContent()).match(/Turn (\d+)/)[1]) < pause.turn - 1) {
      await page.locator(".player .next").click();
    }
    // The longest stage title of the sample: the position says it in full.
    const position = page.locator(".player .position");
    assert.match(await position.textContent(), /Questions to understand the problem$/);
    assert.ok(
      await position.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1),
      `${width} px: the position is not cut`,
    );
    const before = await bar.boundingBox();
    const controlsBefore = await page.locator(".player .next").boundingBox();
    await page.locator(".player .next").click();
    assert.ok(await comesIntoView(page, `#turn-${pause.turn}`), `${width} px: the pause is in view`);
    // The focus moves to the pause's "Your turn" without scrolling the page
    // itself, or it cuts short the scroll that brings the whole pause in.
    assert.ok(await wholeInView(page, `#turn-${pause.turn}`), `${width} px: the whole pause is in view, its Check answer too`);
    assert.equal(await page.evaluate(() => document.activeElement.className), "pause-label", "the focus is on the pause's “Your turn”");
    assert.equal(await page.locator(".player .next").isDisabled(), true, "Next waits at the pause");
    assert.ok(await page.locator(".pause-help").isVisible(), "the player says what to do");
    const at = await bar.boundingBox();
    const controlsAt = await page.locator(".player .next").boundingBox();
    assert.ok(at.y >= 0 && at.y + at.height <= 800, `${width} px: controls visible at the pause`);
    assert.equal(at.height, before.height, `${width} px: the controls keep their height at a pause`);
    assert.deepEqual([controlsAt.x, controlsAt.width, controlsAt.height], [controlsBefore.x, controlsBefore.width, controlsBefore.height], `${width} px: Next keeps its place and size`);
    await page.close();
  }
  assert.ok(data.turns > 6);
});

test("every heading and card title reads as one: larger than the text under it", async () => {
  const page = await tab(1280, "light");
  const problems = [];
  for (const [kind, file] of Object.entries(KINDS)) {
    await page.goto(fileUrl(file));
    problems.push(...await page.evaluate((kind) => {
      const body = parseFloat(getComputedStyle(document.body).fontSize);
      return [...document.querySelectorAll("main h1, main h2, main h3, main h4, .card-title")]
        .filter((h) => h.getClientRects().length && parseFloat(getComputedStyle(h).fontSize) < body * 1.08)
        .map((h) => `${kind}: “${h.textContent.trim().slice(0, 30)}” ${getComputedStyle(h).fontSize} beside ${body}px text`);
    }, kind));
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("a length (\"7 min\") is never split across two lines", async () => {
  for (const width of [390, 1280]) {
    const page = await tab(width, "light");
    for (const file of [SESSION, KINDS.agenda, KINDS.guide]) {
      await page.goto(fileUrl(file));
      const split = await page.locator(".minutes").evaluateAll((els) => els
        .filter((el) => el.getClientRects().length > 1)
        .map((el) => `“${el.textContent}” in “${el.parentElement.textContent.trim().slice(0, 40)}”`));
      assert.deepEqual(split, [], `${file} at ${width} px`);
    }
    await page.close();
  }
});

test("no length of time (\"1 h 15 min\", \"60 minutes\") ends one line and starts the next, on any page kind", async () => {
  const split = [];
  for (const width of [300, 320, 340, 360, 390]) {
    const page = await tab(width, "light");
    for (const file of Object.values(KINDS)) {
      await page.goto(fileUrl(file));
      split.push(...await page.evaluate(() => {
        const found = [];
        const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
        const length = /\d+[\s\u00a0](?:h|min|minutes?)\b(?:[\s\u00a0]\d+[\s\u00a0]min\b)?/g;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(length)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) found.push(m[0]);
          }
        }
        return found;
      }).then((found) => found.map((f) => `“${f}” in ${file} at ${width} px`)));
    }
    await page.close();
  }
  assert.deepEqual(split, []);
});

test("speakers have ten colours apart, each readable on light and dark", async () => {
  for (const scheme of SCHEMES) {
    const page = await tab(1280, scheme);
    await page.goto(fileUrl(SESSION));
    const colours = await page.evaluate(() => {
      const probe = document.createElement("span");
      document.body.append(probe);
      const out = [];
      for (let i = 0; i < 10; i++) {
        probe.className = `c${i}`;
        probe.style.color = "var(--speaker)";
        out.push(getComputedStyle(probe).color);
      }
      probe.remove();
      return out;
    });
    assert.equal(new Set(colours).size, 10, `${scheme}: ${colours.join(" ")}`);
    const rgb = colours.map((c) => c.match(/\d+/g).map(Number));
    for (let i = 0; i < rgb.length; i++) {
      for (let j = i + 1; j < rgb.length; j++) {
        const d = Math.hypot(...rgb[i].map((v, k) => v - rgb[j][k]));
        assert.ok(d > 40, `${scheme}: speaker colours ${i} and ${j} are too close (${colours[i]}, ${colours[j]})`);
      }
    }
    await page.close();
  }
});

test("printed handouts carry the organization's name and page numbers, and room for notes", async () => {
  const page = await tab(1280, "light");
  await page.goto(fileUrl(KINDS.handout));
  const file = path.join(require("node:os").tmpdir(), `alsite-handout-${process.pid}.pdf`);
  await page.pdf({ path: file, format: "A4" });
  const text = require("node:child_process").execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  fs.rmSync(file);
  const pages = text.split("\f").filter((p) => p.trim());
  assert.ok(pages.length > 3, `${pages.length} pages`);
  pages.forEach((p, i) => {
    assert.match(p, /Northbridge Action Learning/, `page ${i + 1} names the organization`);
    // "1 / 9": pdftotext may read the spaces around the slash or not.
    assert.match(p, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`), `page ${i + 1} is numbered`);
  });
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(".notes-space .lines").first().isVisible(), "notes space prints");
  const levels = await page.locator("#power-of-questions h2, #power-of-questions h3").evaluateAll((hs) => hs.map((h) => h.tagName));
  assert.equal(levels[0], "H2", "the module title");
  assert.ok(levels.slice(1).every((t) => t === "H3"), `module text below its title: ${levels}`);
  await page.close();
});
