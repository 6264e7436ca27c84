"use strict";
// WCAG 1.4.12 with 1.4.10: a reader's own wider line, letter, word and
// paragraph spacing on a 320 px screen, on every page of the English sample
// and of the Polish one (`alsite new --language pl`), whose long words
// ("interweniować") are the first to run out of room. No page scrolls
// sideways, and no text runs past the box it is in.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch } = require("./helpers");

const TEXT_SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

/** A German trainer's word, longer than a phone's line. */
const LONG = "Führungskräfteentwicklungsprogrammverantwortliche";

/** Every title of the site in `root` (each file's first `title:` and
 *  first `# ` heading) made to start with LONG. */
function longTitles(root) {
  const content = path.join(root, "content");
  let n = 0;
  for (const file of fs.readdirSync(content, { recursive: true })) {
    const full = path.join(content, file);
    if (!/\.(ya?ml|md)$/.test(file) || /question-(rules|types)/.test(file)) continue;
    const text = fs.readFileSync(full, "utf8")
      .replace(/^(\s*(?:- )?title: )(.*)$/m, (_, key) => `${key}"${LONG} ${++n}"`)
      .replace(/^# (.*)$/m, (_, h) => `# ${LONG} ${h}`);
    fs.writeFileSync(full, text);
  }
}

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-spacing-"));
  execFileSync(process.env.ALSITE_BIN, ["new", "pl", "--language", "pl"], { cwd: dir, stdio: "pipe" });
  execFileSync(process.env.ALSITE_BIN, ["build"], { cwd: path.join(dir, "pl"), stdio: "pipe" });
  execFileSync(process.env.ALSITE_BIN, ["new", "long"], { cwd: dir, stdio: "pipe" });
  longTitles(path.join(dir, "long"));
  execFileSync(process.env.ALSITE_BIN, ["build"], { cwd: path.join(dir, "long"), stdio: "pipe" });
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function pages(root) {
  return fs.readdirSync(root, { recursive: true }).filter((f) => f.endsWith(".html")).sort();
}

/** Text that runs past the right edge of the window or of its own block. */
function overflowing() {
  const out = [];
  const sideways = document.documentElement.scrollWidth - innerWidth;
  if (sideways > 0) out.push(`the page scrolls ${sideways} px sideways`);
  for (const el of document.querySelectorAll("main h1, main h2, main h3, main p, main li, main dd, main .activity-head")) {
    // A table scrolls in a box of its own; the session's one-line bar cuts
    // the stage's name short with "…" on purpose (its heading has it whole).
    if (!el.getClientRects().length || el.closest(".visually-hidden, table")) continue;
    if (getComputedStyle(el).textOverflow === "ellipsis") continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 40)}” runs ${el.scrollWidth - el.clientWidth} px past its box`);
  }
  return out;
}

for (const [language, root] of [["English", () => SITE], ["Polish", () => path.join(dir, "pl", "public")]]) {
  test(`${language}: every page at 320 px with wider text spacing keeps its text inside`, async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const found = [];
    for (const file of pages(root())) {
      await page.goto("file://" + path.join(root(), file));
      await page.addStyleTag({ content: TEXT_SPACING });
      for (const problem of await page.evaluate(overflowing)) found.push(`${file}: ${problem}`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}

test(`titles that start with a word longer than the line ("${LONG}") keep every page at 320 px from scrolling sideways`, async () => {
  const root = path.join(dir, "long", "public");
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  const found = [];
  const files = pages(root);
  for (const file of files) {
    await page.goto("file://" + path.join(root, file));
    for (const problem of await page.evaluate(overflowing)) found.push(`${file}: ${problem}`);
  }
  assert.ok(files.length >= 30 && fs.readFileSync(path.join(root, "practice/index.html"), "utf8").includes(LONG), "the long titles are in");
  assert.deepEqual(found, []);
  await page.close();
});

// WCAG 1.4.4: a phone set to large text (here the root font at 200 %) on a
// 390 px screen. A Polish word on a button or in an answer ("Porozmawiajmy")
// breaks inside rather than pushing the page wider than the window, and a
// started session keeps Back and Next on screen.
const LARGE_TEXT = "html { font-size: 200% !important; }";

for (const [language, root] of [["English", () => SITE], ["Polish", () => path.join(dir, "pl", "public")]]) {
  test(`${language}: every page at 390 px with text at 200 % keeps its text inside`, async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const found = [];
    for (const file of pages(root())) {
      await page.goto("file://" + path.join(root(), file));
      await page.addStyleTag({ content: LARGE_TEXT });
      for (const problem of await page.evaluate(overflowing)) found.push(`${file}: ${problem}`);
      if (!file.startsWith("sessions/") || file.endsWith("index.html")) continue;
      await page.locator(".session-start a").click();
      await page.locator(".player .next").click();
      const next = await page.locator(".player .next").boundingBox();
      if (next.x + next.width > 390) found.push(`${file}: Next ends at ${Math.round(next.x + next.width)} px, past the window`);
      for (const problem of await page.evaluate(overflowing)) found.push(`${file} (started): ${problem}`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}
