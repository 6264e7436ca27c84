"use strict";
// The site as an organisation's intranet serves it: under a sub-path whose
// folder name has a space and Polish letters, with the strict
// Content-Security-Policy intranets set (no 'unsafe-inline'), every page
// whole and every interactive page working with no violation reported; and
// a browser that cached the static files for an hour gets the new ones
// after a rebuild, never old scripts or styles with new pages.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { SITE, launch, open, serve, axeViolations } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const PREFIX = "/intranet/" + encodeURIComponent("Szkolenia AL") + "/" + encodeURIComponent("Materiały") + "/";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(PREFIX, { headers: () => ({ "content-security-policy": CSP }) });
});
after(async () => {
  await server.close();
  await browser.close();
});

/** Every page of the built site, as a path from its root. */
function allPages(dir, rel = "") {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return allPages(dir, p);
    return e.name.endsWith(".html") ? [p] : [];
  });
}

/** A page under the policy, with policy violations, console errors, page
 *  errors and requests that leave the site recorded. */
async function openStrict(file) {
  const page = await browser.context.newPage();
  const problems = { console: [], errors: [], outside: [] };
  const violations = [];
  page.on("console", (m) => { if (m.type() === "error") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(server.base)) problems.outside.push(r.url()); });
  await page.exposeFunction("__violation", (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => {
    window.__violation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
  }));
  await page.goto(server.base + file, { waitUntil: "load" });
  return { page, problems, violations };
}

async function clean({ page, problems, violations }, what) {
  await page.waitForTimeout(50); // violation events are reported after the fact
  assert.deepEqual(violations, [], `${what}: no policy violation`);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] }, `${what}: no error`);
  await page.close();
}

test("every page under a strict policy: styled, whole, no violation", async () => {
  const pages = allPages(SITE);
  assert.ok(pages.length > 30, `${pages.length} pages`);
  for (const file of pages) {
    const opened = await openStrict(file);
    const header = await opened.page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
    assert.equal(header, "rgb(11, 93, 115)", `${file}: the brand colour applies`);
    await clean(opened, file);
  }
});

test("the agenda's timeline keeps its proportions under the policy", async () => {
  const opened = await openStrict("workshops/foundations/index.html");
  const widths = await opened.page.locator("section.day").first().locator(".timeline .seg")
    .evaluateAll((segs) => segs.map((s) => Math.round(s.getBoundingClientRect().width)));
  assert.ok(widths.length > 4, `${widths.length} segments`);
  // 60, 15 and 75 minutes of an 8-hour day: the widths keep those ratios.
  assert.ok(Math.abs(widths[0] / widths[1] - 4) < 0.2, `${widths}`);
  assert.ok(Math.abs(widths[2] / widths[1] - 5) < 0.25, `${widths}`);
  await clean(opened, "agenda");
});

test("practice, session, timer and search all work under the policy", async () => {
  const practice = await openStrict("practice/coach-questions.html");
  const item = practice.page.locator("form.practice-item, .practice-item").first();
  await item.locator("label.option").first().click();
  await item.locator("button[type=submit]").click();
  await item.locator(".feedback .verdict").waitFor();
  await clean(practice, "practice");

  const session = await openStrict("sessions/rota-tool.html");
  const position = session.page.locator(".player .position");
  assert.match(await position.textContent(), /^Turn 1 of/);
  await session.page.locator(".player .next").click();
  assert.match(await position.textContent(), /^Turn 2 of/);
  await clean(session, "session");

  const module = await openStrict("workshops/foundations/ground-rules.html");
  await module.page.locator("#activity-1 .timer-start").click();
  assert.equal(await module.page.locator("#activity-1 .timer-start").textContent(), "Pause");
  await clean(module, "timer");

  const search = await openStrict("index.html");
  await search.page.locator("#search-input").fill("racing");
  await search.page.locator("#search-results [role=option]").first().waitFor();
  await clean(search, "search");
});

test("with url: in site.yaml, the 404 page a server sends for a missing address is whole at any depth", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-404-"));
  try {
    fs.cpSync(path.join(REPO, "content"), path.join(work, "content"), { recursive: true });
    // Written as a trainer would, with the space and the Polish letter.
    const yaml = fs.readFileSync(path.join(REPO, "site.yaml"), "utf8");
    fs.writeFileSync(path.join(work, "site.yaml"), `${yaml}\nurl: https://intranet.example/intranet/Szkolenia AL/Materiały/\n`);
    const out = path.join(work, "public");
    execFileSync(BIN, ["build", "--root", work, "--out", out], { stdio: "pipe" });
    const host = await serve(PREFIX, { root: out, missing: "404.html" });
    try {
      for (const missing of ["old-page.html", "practice/old/set.html", "a/b/c/d/"]) {
        const page = await browser.context.newPage();
        // Every file the page loads, but the page itself, is there.
        const failed = [];
        page.on("response", (r) => { if (r.status() >= 400 && r.url() !== host.base + missing) failed.push(`${r.status()} ${r.url()}`); });
        page.on("requestfailed", (r) => failed.push(r.url()));
        page.on("pageerror", (e) => failed.push(String(e)));
        const answer = await page.goto(host.base + missing, { waitUntil: "load" });
        assert.equal(answer.status(), 404);
        assert.equal(await page.locator("h1").textContent(), "Page not found", missing);
        const header = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
        assert.equal(header, "rgb(11, 93, 115)", `${missing}: styled`);
        assert.deepEqual(await axeViolations(page), [], missing);
        // The search box finds pages and leads to them.
        await page.locator("#search-input").fill("racing");
        await page.locator("#search-results [role=option]").first().waitFor();
        const result = await page.locator("#search-results a").first().getAttribute("href");
        assert.ok(result.startsWith(PREFIX), `${missing}: a result leads into the site: ${result}`);
        await page.locator("a.button", { hasText: "Go to the home page" }).click();
        await page.waitForLoadState("load");
        assert.equal(page.url(), host.base + "index.html", missing);
        await page.goBack();
        await page.locator("main a", { hasText: "Question practice" }).click();
        await page.waitForLoadState("load");
        assert.equal(page.url(), host.base + "practice/index.html", missing);
        assert.deepEqual(failed, [], missing);
        await page.close();
      }
    } finally {
      await host.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("after a rebuild, a browser that cached the static files gets the new ones", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-hosting-"));
  try {
    fs.copyFileSync(path.join(REPO, "site.yaml"), path.join(work, "site.yaml"));
    fs.cpSync(path.join(REPO, "content"), path.join(work, "content"), { recursive: true });
    const theme = path.join(work, "themes/default/static");
    fs.mkdirSync(theme, { recursive: true });
    const style = fs.readFileSync(path.join(REPO, "themes/default/static/style.css"), "utf8");
    const out = path.join(work, "public");
    const buildWith = (colour) => {
      fs.writeFileSync(path.join(theme, "style.css"), `${style}\n.site-title { color: ${colour}; }\n`);
      execFileSync(BIN, ["build", "--root", work, "--out", out], { stdio: "pipe" });
    };
    // Pages are checked with the server on every visit; static files are
    // kept for an hour, as many intranet servers are set up.
    const cached = await serve("/al/", {
      root: out,
      headers: (file) => ({ "cache-control": file.endsWith(".html") ? "no-cache" : "max-age=3600" }),
    });
    try {
      buildWith("rgb(1, 2, 3)");
      const { page } = await open(browser.context, cached.base + "about.html", cached.base);
      const colour = () => page.evaluate(() => getComputedStyle(document.querySelector(".site-title")).color);
      assert.equal(await colour(), "rgb(1, 2, 3)");
      buildWith("rgb(4, 5, 6)");
      await page.goto(cached.base + "ground-rules.html");
      assert.equal(await colour(), "rgb(4, 5, 6)", "the rebuilt page has the rebuilt stylesheet");
      await page.close();
    } finally {
      await cached.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
