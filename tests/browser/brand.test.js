"use strict";
// A consultancy's own look, seen the way its clients see it: sites made
// with `alsite new` and given a brand in site.yaml as README's "Make it
// yours" shows, then looked at light and dark, on a phone and a desktop.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync, spawnSync } = require("node:child_process");
const { launch, contrast } = require("./helpers");

let browser, dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-brand-"));
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A new site named `name` whose site.yaml's brand is changed by `edit`
 *  (and whose content/ gets `files`), built; the built folder. */
function brandedSite(name, edit, files = {}) {
  const root = path.join(dir, name);
  execFileSync(process.env.ALSITE_BIN, ["new", root], { stdio: "pipe" });
  const yaml = path.join(root, "site.yaml");
  fs.writeFileSync(yaml, edit(fs.readFileSync(yaml, "utf8")));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, "content", file)), { recursive: true });
    fs.writeFileSync(path.join(root, "content", file), text);
  }
  const out = path.join(dir, name + "-site");
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
  return out;
}

async function tab(url, width, colorScheme) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url, { waitUntil: "load" });
  return page;
}

/** For an element filled with a colour: its fill, what is behind it (the
 *  nearest ancestor with a background) and its text's colour (none for a
 *  circle). Runs in the page; `fillContrast` gives the ratios. */
function fillColours(el) {
  const opaque = (c) => c !== "rgba(0, 0, 0, 0)" && c !== "transparent";
  let behind = el.parentElement;
  while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
  const style = getComputedStyle(el);
  const fill = el.tagName === "circle" ? style.fill : style.backgroundColor;
  const around = behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)";
  return { fill, around, color: el.tagName === "circle" ? null : style.color };
}

/** The contrast of an element's fill with what is behind it, and of its
 *  text with its fill (null for a circle), rounded to two places. */
async function fillContrast(locator) {
  const { fill, around, color } = await locator.evaluate(fillColours);
  const round = (r) => Math.round(r * 100) / 100;
  return { fill: round(contrast(fill, around)), text: color === null ? null : round(contrast(color, fill)) };
}

test("brand colours as fills: in both schemes every button, badge, the progress bar and the cycle's circles stand out from what is behind them (3:1), also hovered, white text on them stays readable, and the header keeps the colour as given; with the colours `alsite new` gives and with very dark ones", async () => {
  const brands = [
    ["the colours alsite new gives", brandedSite("fills-new", (y) => y)],
    ["midnight", brandedSite("midnight", (y) => y.replace(/primary: "#[0-9a-f]+"/, 'primary: "#0d1b2a"').replace(/accent: "#[0-9a-f]+"/, 'accent: "#3b0a45"'))],
  ];
  const checks = [
    ["index.html", ".hero .button-accent", "the hero's main button (accent)"],
    ["index.html", ".button:not(.button-quiet):not(.button-small)", "a filled button"],
    ["practice/open-questions.html", ".practice-item button[type=submit]", "the Check button"],
    ["sessions/rota-tool.html", ".player .next", "the player's Next"],
    ["sessions/rota-tool.html", ".badge", "a stage's number"],
    ["components.html", ".cycle-node circle", "a circle of the cycle"],
  ];
  for (const [brand, site] of brands) {
    for (const scheme of ["light", "dark"]) {
      for (const [file, selector, what] of checks) {
        const page = await tab("file://" + path.join(site, file), 1280, scheme);
        const all = page.locator(selector);
        assert.ok((await all.count()) > 0, `${file} has ${what}`);
        for (let i = 0; i < (await all.count()); i++) {
          const where = `${brand}, ${scheme}, ${what} ${i + 1} on ${file}`;
          const { fill, text } = await fillContrast(all.nth(i));
          assert.ok(fill >= 3, `${where}: its fill against what is behind it ${fill}:1`);
          if (text !== null) assert.ok(text >= 4.5, `${where}: its text on its fill ${text}:1`);
          if (i >= 3 || !(await all.nth(i).isVisible())) continue;
          // Hovered, it changes, and still stands out: by its fill or its edge.
          await all.nth(i).hover();
          const hovered = await all.nth(i).evaluate(hoverEdge);
          assert.ok(Math.max(contrast(hovered.fill, hovered.around), contrast(hovered.edge, hovered.around)) >= 3, `${where}, hovered: fill ${hovered.fill}, edge ${hovered.edge} on ${hovered.around}`);
          await page.mouse.move(0, 0);
        }
        await page.close();
      }
    }
    // The header keeps the brand colour as given, in both schemes.
    for (const scheme of ["light", "dark"]) {
      const page = await tab("file://" + path.join(site, "index.html"), 390, scheme);
      const header = await page.locator(".site-header").evaluate((h) => getComputedStyle(h).backgroundColor);
      const given = brand === "midnight" ? "rgb(13, 27, 42)" : "rgb(11, 93, 115)";
      assert.equal(header, given, `${brand}, ${scheme}: the header in the brand's own colour`);
      await page.close();
    }
    // The progress bar's filled part against its empty track, once it has moved.
    for (const scheme of ["light", "dark"]) {
      const page = await tab("file://" + path.join(site, "sessions/rota-tool.html"), 1280, scheme);
      // (The player resumes where the last tab left it: it may be at the end.)
      const next = page.locator(".player .next");
      for (let i = 0; i < 10 && (await next.isEnabled()); i++) await next.click();
      assert.ok((await page.locator(".progress-bar span").evaluate((s) => s.offsetWidth)) > 0, `${brand}, ${scheme}: the bar has moved`);
      const bar = await fillContrast(page.locator(".progress-bar span"));
      assert.ok(bar.fill >= 3, `${brand}, ${scheme}: the progress bar's fill against its track ${bar.fill}:1`);
      await page.close();
    }
  }
});

/** A hovered control's fill, edge (border, or a circle's stroke) and what is
 *  behind it, once its transition is over. Runs in the page. */
async function hoverEdge(el) {
  await new Promise((r) => setTimeout(r, 250));
  const opaque = (c) => c !== "rgba(0, 0, 0, 0)" && c !== "transparent";
  let behind = el.parentElement;
  while (behind && !opaque(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
  const style = getComputedStyle(el);
  const circle = el.tagName === "circle";
  // A filter (brightness) darkens fill and edge alike.
  const dim = (c) => {
    const m = /brightness\(([\d.]+)\)/.exec(style.filter);
    if (!m) return c;
    const rgb = c.match(/[\d.]+/g).slice(0, 3).map((v) => Math.round(Number(v) * parseFloat(m[1])));
    return `rgb(${rgb.join(", ")})`;
  };
  return {
    fill: dim(circle ? style.fill : style.backgroundColor),
    edge: dim(circle ? style.stroke : style.borderTopColor),
    around: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
  };
}

/** For a control drawn on the header: the header's colour and the colour
 *  a reader sees the control end in (its border where it has one, an inset
 *  ring drawn with a shadow, else its fill). Runs in the page. */
function edgeColours(el) {
  const opaque = (c) => Boolean(c) && !/^rgba\(.*, 0\)$|^transparent$/.test(c);
  const style = getComputedStyle(el);
  const header = getComputedStyle(el.closest(".site-header")).backgroundColor;
  const ring = / inset/.test(style.boxShadow) ? style.boxShadow.match(/rgba?\([^)]*\)/)[0] : null;
  const edge = parseFloat(style.borderTopWidth) > 0 && opaque(style.borderTopColor) ? style.borderTopColor : opaque(ring) ? ring : style.backgroundColor;
  return { edge, header };
}

/** The contrast of a header control's edge with the header. */
async function edgeContrast(locator) {
  const { edge, header } = await locator.evaluate(edgeColours);
  return { edge, header, ratio: Math.round(contrast(edge, header) * 100) / 100 };
}

test("in the header the search box's edge and the current page's mark stand out from the header (3:1), light and dark, with the sample's brand colour and a very dark one", async () => {
  const sites = [
    ["the sample's colour", brandedSite("header-edges", (y) => y)],
    ["#0d1b2a", brandedSite("header-edges-dark", (y) => y.replace(/primary: "#[0-9a-f]+"/, 'primary: "#0d1b2a"'))],
  ];
  for (const [brand, site] of sites) {
    for (const scheme of ["light", "dark"]) {
      for (const width of [390, 1280]) {
        const page = await tab("file://" + path.join(site, "index.html"), width, scheme);
        const what = `${brand}, ${scheme}, ${width} px`;
        const search = await edgeContrast(page.locator(".search-input"));
        assert.ok(search.ratio >= 3, `${what}: the search box's edge ${search.edge} on the header ${search.header}: ${search.ratio}:1`);
        if (width < 1024) await page.locator(".nav-menu > summary").click();
        const current = await edgeContrast(page.locator(".nav-menu .site-nav a[aria-current]"));
        assert.ok(current.ratio >= 3, `${what}: the current page's mark ${current.edge} on the header ${current.header}: ${current.ratio}:1`);
        await page.close();
      }
    }
  }
});

test("a base.html copied from an older alsite: the build's warning says which lines to add, and with them a practice set's Check works again", async () => {
  const root = path.join(dir, "older-base");
  execFileSync(process.env.ALSITE_BIN, ["new", root], { stdio: "pipe" });
  const own = path.join(root, "themes/default/templates/base.html");
  fs.mkdirSync(path.dirname(own), { recursive: true });
  fs.copyFileSync(path.join(__dirname, "../fixtures/base-template-from-older-alsite/themes/default/templates/base.html"), own);
  const out = path.join(dir, "older-base-site");
  const build = () => spawnSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", out], { encoding: "utf8" });
  const first = build();
  assert.equal(first.status, 0, first.stderr);
  const hint = first.stderr.match(/= hint: add to its <head>, after the theme's stylesheet: (.*) \(or copy/);
  assert.ok(hint, first.stderr);
  const check = async () => {
    const errors = [];
    const page = await tab("file://" + path.join(out, "practice/open-questions.html"), 390, "light");
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.reload({ waitUntil: "load" });
    await page.locator(".practice-item textarea").first().fill("What could you do next?");
    await page.locator(".practice-item button[type=submit]").first().click();
    const feedback = await page.locator(".practice-item [aria-live]").first().innerText();
    await page.close();
    return { errors, feedback: feedback.trim() };
  };
  const before = await check();
  assert.ok(before.errors.length > 0 && before.feedback === "", `without the lines: ${JSON.stringify(before)}`);
  fs.writeFileSync(own, fs.readFileSync(own, "utf8").replace(/(<link rel="stylesheet" href="{{ stylesheet }}">)/, `$1\n${hint[1]}`));
  const second = build();
  assert.equal(second.status, 0, second.stderr);
  assert.ok(!second.stderr.includes("base.html"), second.stderr);
  const after = await check();
  assert.deepEqual(after.errors, [], "with the lines: no script error");
  assert.ok(after.feedback.length > 0, "with the lines: Check gives feedback");
});

test("a wide logo (a wordmark) on a phone: whole and in proportion, never under the Menu button, and the site's title in at most two lines", async () => {
  const wide = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 120" width="600" height="120"><rect width="600" height="120" fill="#ffe066"/><text x="20" y="85" font-size="70" font-family="sans-serif">Kestrel Partners</text></svg>';
  const site = brandedSite("wordmark", (y) => y.replace(/logo: \S+/, "logo: images/wordmark.svg").replace(/^title: .*$/m, "title: Kestrel Partners — Action Learning"), { "images/wordmark.svg": wide });
  for (const width of [320, 390, 768, 1280]) {
    const page = await tab("file://" + path.join(site, "index.html"), width, "light");
    const seen = await page.evaluate(() => {
      const box = (el) => el.getBoundingClientRect();
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const img = document.querySelector(".site-title img");
      const title = document.querySelector(".site-title span");
      const menu = document.querySelector(".nav-menu > summary");
      const shown = menu && getComputedStyle(menu).display !== "none" ? box(menu) : null;
      const i = box(img);
      // The picture as drawn inside its box: `contain` keeps its proportions.
      const scale = getComputedStyle(img).objectFit === "contain" ? Math.min(i.width / img.naturalWidth, i.height / img.naturalHeight) : null;
      const lines = Math.round(box(title).height / parseFloat(getComputedStyle(title).lineHeight));
      return {
        drawn: scale ? [img.naturalWidth * scale, img.naturalHeight * scale].map(Math.round) : [i.width, i.height].map(Math.round),
        logoUnderMenu: shown ? overlap(i, shown) : false,
        titleUnderMenu: shown ? overlap(box(title), shown) : false,
        lines,
        sideways: document.documentElement.scrollWidth > innerWidth,
      };
    });
    const ratio = seen.drawn[0] / seen.drawn[1];
    assert.ok(Math.abs(ratio - 5) < 0.15, `${width} px: the logo drawn ${seen.drawn.join(" × ")}, not 5:1`);
    assert.equal(seen.logoUnderMenu, false, `${width} px: the logo runs under the Menu button`);
    assert.equal(seen.titleUnderMenu, false, `${width} px: the title runs under the Menu button`);
    assert.ok(seen.lines <= 2, `${width} px: the title in ${seen.lines} lines`);
    assert.equal(seen.sideways, false, `${width} px: the page scrolls sideways`);
    await page.close();
  }
});
