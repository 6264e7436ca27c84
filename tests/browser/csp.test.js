"use strict";
// The site as a strict IT department hosts it: every page kind served with
// the Content-Security-Policy below and `X-Content-Type-Options: nosniff`,
// every interactive feature used (practice, sessions, timers, search, the
// language switcher) with no violation and no error; the same in the
// sandboxed frames learning platforms show courses in, with and without
// `allow-same-origin` (where storage throws); a SCORM package's launch page
// in such a frame under the policy, answers reaching the platform; and
// `alsite serve` answering every file with its type and nosniff.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");
const { SITE, launch, PAGE_KINDS } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const RUNTIME = path.join(__dirname, "node_modules/scorm-again/dist");
const SHOTS = process.env.ALSITE_SCREENSHOTS || path.join(REPO, "target/screenshots");
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
  + "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
// As nginx and Apache type files: by extension, whatever its case.
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };
const SANDBOXES = ["allow-scripts allow-same-origin", "allow-scripts"];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-csp-"));
let browser, host;

/** The two-language test site and a SCORM 2004 package of one practice set. */
function prepare() {
  const two = path.join(work, "two");
  for (const layer of ["polish", "two-languages"]) fs.cpSync(path.join(REPO, "tests/sites", layer), two, { recursive: true });
  execFileSync(BIN, ["build", "--root", two, "--out", path.join(work, "two-out")], { stdio: "pipe" });
  const zip = path.join(work, "course.zip");
  execFileSync(BIN, ["package", "--root", REPO, "--scorm", "2004", "--out", zip, "content/practice/session-flow.yaml"], { stdio: "pipe" });
  execFileSync("unzip", ["-q", "-o", zip, "-d", path.join(work, "pkg")]);
}

/** The LMS's page: `src` in a frame with the `sandbox` given (none when
 *  null), and with `api` a SCORM 2004 run-time to record the course. */
function lmsPage(params) {
  const sandbox = params.get("sandbox");
  const api = params.get("api") ? '<script src="/runtime/scorm2004.js"></script><script src="/lms-api.js"></script>' : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">${api}</head>`
    + `<body><iframe id="course" title="Course" src="${params.get("src")}"${sandbox === null ? "" : ` sandbox="${sandbox}"`}`
    + ' style="width: 100%; height: 90vh; border: 0"></iframe></body></html>';
}

const LMS_API = `"use strict";
window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 });
window.lms = { finished: 0 };
window.API_1484_11.on("Terminate", function () { window.lms.finished++; });`;

/** Serves /site/ (the sample), /two/ (two languages), /pkg/ (the package)
 *  with the policy and nosniff; the LMS's page and run-time without. */
function strictHost() {
  const roots = { site: SITE, two: path.join(work, "two-out"), pkg: path.join(work, "pkg"), runtime: RUNTIME };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const send = (type, body, headers = {}) => { res.writeHead(200, { "content-type": type, ...headers }); res.end(body); };
    if (url.pathname === "/lms.html") return send(TYPES[".html"], lmsPage(url.searchParams));
    if (url.pathname === "/lms-api.js") return send(TYPES[".js"], LMS_API);
    const [, top, ...rest] = decodeURIComponent(url.pathname).split("/");
    const root = roots[top];
    const file = root && path.join(root, rest.join("/") || "index.html");
    if (!file || !file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    const policy = top === "runtime" ? {} : { "content-security-policy": POLICY, "x-content-type-options": "nosniff" };
    send(TYPES[path.extname(file).toLowerCase()] || "application/octet-stream", fs.readFileSync(file), policy);
  });
  server.unref();
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

before(async () => {
  prepare();
  host = await strictHost();
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser.close();
  await host.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A new tab that records, in every frame, policy violations, errors
 *  thrown, and console errors (a blocked form submission is one). */
async function watchedPage(viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`error: ${e}`));
  await page.exposeFunction("__problem", (p) => problems.push(p));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__problem(`violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
    window.addEventListener("error", (e) => window.__problem(`error in ${location.pathname}: ${e.message}`));
  });
  return { page, problems };
}

/** The page `file` of the sample, at the top or inside the LMS's frame. */
async function openPage(file, sandbox) {
  const { page, problems } = await watchedPage();
  if (sandbox === undefined) {
    await page.goto(host.base + "site/" + file);
    return { page, problems, frame: page.mainFrame() };
  }
  await page.goto(host.base + "lms.html?" + new URLSearchParams({ src: "/site/" + file, sandbox }));
  const frame = await (await page.locator("#course").elementHandle()).contentFrame();
  await frame.waitForLoadState("load");
  return { page, problems, frame };
}

/** Clears what the page kept, so the next test starts afresh (frames
 *  sandboxed with allow-same-origin share the site's storage). */
async function forget(frame) {
  await frame.evaluate(() => { try { window.localStorage.clear(); } catch (e) { /* none in this sandbox */ } });
}

async function done({ page, problems }, what) {
  await page.waitForTimeout(50); // violations are reported after the fact
  assert.deepEqual(problems, [], `${what}: nothing blocked, nothing thrown`);
  await page.close();
}

test("every page kind under the strict policy and nosniff: styled, scripts run, nothing blocked", async () => {
  for (const [kind, file] of Object.entries(PAGE_KINDS)) {
    const opened = await openPage(file);
    const { header, search } = await opened.page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
      search: !document.querySelector(".site-search").hidden,
    }));
    assert.equal(header, "rgb(11, 93, 115)", `${kind}: the stylesheets apply`);
    assert.ok(search, `${kind}: the scripts ran (the search box shows)`);
    await opened.page.emulateMedia({ media: "print" });
    await done(opened, kind);
  }
});

/** Answers every item of the practice set in `frame`, then starts over. */
async function practise(frame) {
  const items = frame.locator(".practice-item");
  // The first choice is checked with Enter, as a keyboard user does (a
  // checked choice is settled: its options can no longer be changed).
  let byKeyboard = true;
  for (const item of await items.all()) {
    const type = await item.getAttribute("data-type");
    if (type === "choose" || type === "classify") await item.locator("label.option").first().click();
    if (type === "rewrite") await item.locator("textarea").fill("What have you tried so far?");
    if (type === "order") await item.locator("button.down").first().click();
    if (byKeyboard && (type === "choose" || type === "classify")) {
      byKeyboard = false;
      await item.locator("input").first().press("Enter");
    } else {
      await item.locator("button[type=submit]").click();
    }
    await item.locator(".feedback .verdict").waitFor({ timeout: 10000 });
  }
  await frame.locator(".reset").first().click();
  await frame.locator(".confirm-step .confirm-yes").first().click();
  assert.equal(await frame.locator(".feedback .verdict").count(), 0, "started over");
}

/** Steps the session player, jumps, opens the transcript and presenter views. */
async function stepSession(frame) {
  const position = frame.locator(".player .position");
  assert.match(await position.textContent(), /^Turn 1 of/);
  await frame.locator(".player .next").click();
  assert.match(await position.textContent(), /^Turn 2 of/);
  await frame.locator(".stage-list a").nth(2).click();
  assert.match(await position.textContent(), /Stage 3 of/);
  await frame.locator(".transcript-toggle").click();
  assert.equal(await frame.locator(".transcript-toggle").getAttribute("aria-pressed"), "true");
  await frame.locator(".present-toggle").click();
  // The view follows the link's hashchange event, which comes after the click.
  const present = await frame.waitForFunction(() => document.body.classList.contains("present"), null, { timeout: 10000 }).then(() => true, () => false);
  assert.ok(present, "presenter view");
}

/** Starts the first activity's timer and waits for it to count down. */
async function runTimer(frame) {
  const display = frame.locator("#activity-1 .timer-display");
  const start = await display.textContent();
  await frame.locator("#activity-1 .timer-start").click();
  await frame.waitForFunction((s) => document.querySelector("#activity-1 .timer-display").textContent !== s, start, { timeout: 10000 });
}

/** Searches, and opens the first result with the keyboard. */
async function search(frame) {
  await frame.locator("#search-input").fill("ground rules");
  await frame.locator("#search-results [role=option]").first().waitFor({ timeout: 10000 });
  await frame.locator("#search-input").press("ArrowDown");
  await frame.locator("#search-input").press("Enter");
  await frame.waitForURL(/\/site\/ground-rules\.html$/, { timeout: 10000 });
}

const FEATURES = [
  ["practice/coach-questions.html", practise],
  ["practice/open-questions.html", practise],
  ["sessions/rota-tool.html", stepSession],
  ["workshops/foundations/power-of-questions.html", runTimer],
  ["index.html", search],
];

test("under the policy, practice, sessions, timers and search all work", async () => {
  for (const [file, use] of FEATURES) {
    const opened = await openPage(file);
    await use(opened.frame);
    await forget(opened.frame);
    await done(opened, file);
  }
});

test("under the policy, the language switcher leads to the other language", async () => {
  const { page, problems } = await watchedPage();
  await page.goto(host.base + "two/index.html");
  await page.locator(".language-switcher a[hreflang=en]").click();
  await page.waitForURL(/\/two\/en\/index\.html$/, { timeout: 10000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await done({ page, problems }, "language switcher");
});

for (const sandbox of SANDBOXES) {
  test(`in a learning platform's frame sandboxed "${sandbox}", every feature works`, async () => {
    for (const [file, use] of FEATURES) {
      const opened = await openPage(file, sandbox);
      const storage = await opened.frame.evaluate(() => { try { return Boolean(window.localStorage); } catch (e) { return e.name; } });
      assert.equal(storage, sandbox.includes("allow-same-origin") ? true : "SecurityError", "storage as the sandbox allows");
      await use(opened.frame);
      await forget(opened.frame);
      await done(opened, `${sandbox}: ${file}`);
    }
  });
}

test("a SCORM package in a sandboxed frame under the policy: the course fills it and the platform gets the answers", async () => {
  for (const width of [390, 1280]) {
    const { page, problems } = await watchedPage({ width, height: 800 });
    const launchPage = "/pkg/lms/practice-session-flow.html";
    await page.goto(host.base + "lms.html?" + new URLSearchParams({ src: launchPage, sandbox: SANDBOXES[0], api: "2004" }));
    const outer = await (await page.locator("#course").elementHandle()).contentFrame();
    const inner = outer.frameLocator("#lms-frame");
    await inner.locator(".practice-item form.interactive").first().waitFor();
    const sizes = await outer.evaluate(() => [document.documentElement, document.getElementById("lms-frame")]
      .map((e) => `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`));
    assert.equal(sizes[1], sizes[0], "the course's frame fills the launch page");
    assert.equal(await inner.locator(".item-count").innerText(), "3\u00a0exercises. Your answers are saved in your learning platform.");
    const first = inner.locator(".practice-item[data-type=choose]").first();
    await first.locator("label.option").first().click();
    await first.locator("button[type=submit]").click();
    await first.locator(".feedback .verdict").waitFor();
    await page.screenshot({ path: path.join(SHOTS, `csp-lms-launch-${width}.png`) });
    await page.evaluate(() => { document.getElementById("course").src = "about:blank"; });
    await page.waitForFunction(() => window.lms.finished === 1);
    const cmi = await page.evaluate(() => JSON.parse(JSON.stringify(window.API_1484_11.cmi)));
    const recorded = Object.keys(cmi.interactions || {}).filter((k) => /^\d+$/.test(k)).length;
    assert.equal(recorded, 1, "the answer reached the platform");
    await done({ page, problems }, `launch page at ${width} px`);
  }
});

/** `alsite serve` on `root` on a free port; resolves with its address. */
function startServe(root) {
  const child = spawn(BIN, ["serve", "--port", "0", "--root", root], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const m = line.match(/http:\/\/\S+\//);
      if (m) resolve({ base: m[0], stop: () => child.kill() });
    });
    child.on("exit", () => reject(new Error("serve exited")));
  });
}

test("`alsite serve` answers every file with its type and nosniff, capital extensions too", async () => {
  const site = path.join(work, "serve-site");
  execFileSync(BIN, ["new", site]);
  // A logo and a font named as Windows and cameras name files.
  fs.renameSync(path.join(site, "content/images/logo.svg"), path.join(site, "content/images/Logo.SVG"));
  const yaml = path.join(site, "site.yaml");
  fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replaceAll("images/logo.svg", "images/Logo.SVG"));
  fs.mkdirSync(path.join(site, "content/fonts"));
  fs.writeFileSync(path.join(site, "content/fonts/Body.WOFF2"), "wOF2");
  const out = path.join(work, "serve-site-out");
  execFileSync(BIN, ["build", "--root", site, "--out", out], { stdio: "pipe" });
  const serve = await startServe(site);
  try {
    const want = { ".css": /^text\/css/, ".js": /^text\/javascript/, ".svg": /^image\/svg\+xml$/, ".woff2": /^font\/woff2$/, ".html": /^text\/html/ };
    const files = fs.readdirSync(out, { recursive: true }).filter((f) => want[path.extname(f).toLowerCase()]);
    assert.ok(files.some((f) => f.startsWith("search/")) && files.includes("fonts/Body.WOFF2"), `${files}`);
    for (const file of files) {
      const res = await fetch(serve.base + file.split(path.sep).map(encodeURIComponent).join("/"));
      assert.equal(res.status, 200, file);
      assert.match(res.headers.get("content-type"), want[path.extname(file).toLowerCase()], file);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", file);
    }
    const { page, problems } = await watchedPage();
    await page.goto(serve.base + "index.html");
    const logo = await page.locator(".site-title img").evaluate((img) => img.complete && img.naturalWidth > 0);
    assert.ok(logo, "the logo shows");
    assert.ok(await page.locator(".site-search").isVisible(), "the scripts ran");
    await done({ page, problems }, "serve");
  } finally {
    serve.stop();
  }
});
