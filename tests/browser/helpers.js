"use strict";
// Shared helpers for the browser tests: a headless Chromium started the way
// CI starts it, pages watched for console errors and outside requests, axe-core
// for accessibility, and a small static server for sub-path checks.

const { chromium } = require("playwright-core");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");

const SITE = process.env.ALSITE_SITE;
if (!SITE || !fs.existsSync(path.join(SITE, "index.html"))) {
  throw new Error("ALSITE_SITE must name a built site folder (tests/run sets it)");
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium with a fresh, empty profile folder of its own. */
async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", ...CHROMIUM_ARGS],
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function fileUrl(page) {
  return "file://" + path.join(SITE, page);
}

/** Opens `url` in a new tab, recording console errors, page errors and every
 *  request that leaves the site (`allowed` is the URL prefix of the site). */
async function open(context, url, allowed) {
  const page = await context.newPage();
  const problems = { console: [], errors: [], outside: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(allowed) && !u.startsWith("data:")) problems.outside.push(u);
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

/** axe-core's violations on the page, as short readable strings. */
async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"], preload: false });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return result;
}

/** Serves the site folder under `prefix` (e.g. "/training/al/") on a free
 *  port; `headers(file)` adds response headers, `root` serves another folder,
 *  `missing` (a file of it) is sent with a 404 for any path it does not have,
 *  as GitHub Pages and Netlify send 404.html. */
function serve(prefix, { headers = () => ({}), root = SITE, missing } = {}) {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end("outside the sub-path"); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (missing) { res.writeHead(404, { "content-type": types[".html"], ...headers(missing) }); res.end(fs.readFileSync(path.join(root, missing))); return; }
      res.writeHead(404); res.end("not found"); return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", ...headers(file) });
    res.end(fs.readFileSync(file));
  });
  // A test that fails before closing it must not keep the test run alive.
  server.unref();
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
  }));
}

/** One page of each kind the English sample site has (key: the kind). */
const PAGE_KINDS = {
  home: "index.html",
  page: "about.html",
  offers: "offers.html",
  "ground-rules": "ground-rules.html",
  components: "components.html",
  "practice-index": "practice/index.html",
  practice: "practice/open-questions.html",
  "session-index": "sessions/index.html",
  session: "sessions/rota-tool.html",
  "workshop-index": "workshops/index.html",
  agenda: "workshops/foundations/index.html",
  module: "workshops/foundations/power-of-questions.html",
  guide: "workshops/foundations/facilitator.html",
  handout: "workshops/foundations/handout.html",
  "not-found": "404.html",
};

/** The contrast ratio of two `rgb(…)` colours (WCAG 2). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** A copy of the bundled sample's content in a new folder, to edit and
 *  build: `file(rel)` is a path in it, `build()` builds it into `out`
 *  (with ALSITE_BIN), `remove()` deletes it all. */
function sampleCopy(prefix) {
  const fs = require("node:fs");
  const os = require("node:os");
  const path = require("node:path");
  const { execFileSync } = require("node:child_process");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync("content", path.join(dir, "content"), { recursive: true });
  fs.copyFileSync("site.yaml", path.join(dir, "site.yaml"));
  const out = path.join(dir, "out");
  return {
    out,
    file: (rel) => path.join(dir, rel),
    build: () => execFileSync(process.env.ALSITE_BIN, ["build", "--root", dir, "--out", out], { stdio: "pipe" }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until the page has stopped scrolling (the player's smooth scroll),
 *  however long a busy machine takes: a tenth of a second for a scroll to
 *  begin, then eight frames in a row at the same place. */
async function scrollSettled(page) {
  await page.waitForTimeout(100);
  await page.waitForFunction(() => new Promise((done) => {
    let last = -1, still = 0;
    (function frame() {
      if (window.scrollY === last && ++still >= 8) return done(true);
      if (window.scrollY !== last) still = 0;
      last = window.scrollY;
      requestAnimationFrame(frame);
    })();
  }));
}

/** Goes on from a session's current turn: Next, or at a pause, Skip. */
async function stepOn(page, tap) {
  const next = page.locator(".player .next");
  if (await next.isDisabled()) await page.locator(".transcript .turn.is-current .skip-pause")[tap ? "tap" : "click"]();
  else await next[tap ? "tap" : "click"]();
}

/** Opens the sample site's `file` from disk in a new tab with nothing kept
 *  from before (its saved answers cleared), recording problems as `open`. */
async function freshPage(context, file) {
  const { page, problems } = await open(context, fileUrl(file), "file://");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return { page, problems };
}

/** A site written from `files` (path → text) into a new folder named
 *  after `name`, built into its `public/`; returns the folder. */
function siteFrom(name, files) {
  const { execFileSync } = require("node:child_process");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `alsite-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", dir, "--out", path.join(dir, "public")], { stdio: "pipe" });
  return dir;
}

module.exports = { SITE, launch, open, fileUrl, axeViolations, serve, PAGE_KINDS, contrast, sampleCopy, scrollSettled, stepOn, freshPage, siteFrom };
