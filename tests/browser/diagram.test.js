"use strict";
// The components page's cycle diagram drawn for as many components as a
// trainer may write (the sample has six), on a phone and on a wide screen:
// the centre label and every arrow are on the drawing, not cut off at its
// edge, and no node covers the centre label. Builds the base fixture with
// 1 to 12 components with ALSITE_BIN.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const LABELS = ["A real problem", "A group of 4 to 8", "Questions and listening", "Action", "Learning", "A coach"];
const COUNTS = [1, 2, 3, 4, 5, 8, 12];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-diagram-"));
let browser;

/** The base fixture with `n` components, built; its components page. */
function siteWith(n) {
  const root = path.join(work, `site-${n}`);
  fs.cpSync(path.join(REPO, "tests/fixtures/base"), root, { recursive: true });
  const components = Array.from({ length: n }, (_, i) =>
    `  - id: c${i + 1}\n    name: ${LABELS[i % LABELS.length]}\n    summary: S.\n    body: B.\n`).join("");
  fs.writeFileSync(path.join(root, "content/method/components.yaml"), `title: Components\ncomponents:\n${components}`);
  execFileSync(BIN, ["build", "--root", root, "--out", path.join(root, "out")], { stdio: "pipe" });
  return "file://" + path.join(root, "out/components.html");
}

before(async () => { browser = await launch(); });
after(async () => {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** What of the drawing, as shown, is cut off at its edge or covered. */
const problems = (page) => page.evaluate(() => {
  const svg = document.querySelector("svg.cycle");
  const box = svg.getBoundingClientRect();
  const out = [];
  const within = (r, what) => {
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
      out.push(`${what} (${Math.round(r.left)}–${Math.round(r.right)}, ${Math.round(r.top)}–${Math.round(r.bottom)}) is cut off at the drawing's edge (${Math.round(box.left)}–${Math.round(box.right)}, ${Math.round(box.top)}–${Math.round(box.bottom)})`);
    }
  };
  const centre = svg.querySelector(".cycle-center");
  const label = centre.getBoundingClientRect();
  within(label, `the centre label “${centre.textContent.trim()}”`);
  svg.querySelectorAll(".cycle-link").forEach((arrow, i) => within(arrow.getBoundingClientRect(), `arrow ${i + 1}`));
  for (const circle of svg.querySelectorAll(".cycle-node circle")) {
    const c = circle.getBoundingClientRect();
    const r = c.width / 2;
    const [x, y] = [c.left + r, c.top + r];
    const dx = Math.max(label.left - x, 0, x - label.right);
    const dy = Math.max(label.top - y, 0, y - label.bottom);
    if (Math.hypot(dx, dy) < r) out.push(`node “${circle.parentNode.textContent.trim()}” covers the centre label`);
  }
  return out;
});

test("the cycle diagram shows its centre label and every arrow whole, clear of the nodes, for 1 to 12 components", async () => {
  const found = [];
  for (const n of COUNTS) {
    const url = siteWith(n);
    const page = await browser.context.newPage();
    await page.goto(url);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const p of await problems(page)) found.push(`${n} component${n === 1 ? "" : "s"} at ${width} px: ${p}`);
    }
    await page.close();
  }
  assert.deepEqual(found, []);
});
