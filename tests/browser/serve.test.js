"use strict";
// `alsite serve` with a real browser: a saved edit reloads the open page with
// the new text at the same scroll position; a bad edit shows the overlay over
// the last good page, and saving the fix clears it; a tab whose stream opens
// late still gets the save; a page gone for a moment comes back at the
// reader's place; a link followed as a save lands leads where it leads; a
// page on another website gets no live-reload stream and cannot take live
// reload from the preview's tabs.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");
const { launch, axeViolations } = require("./helpers");

const BIN = process.env.ALSITE_BIN;
let browser, server, base, site;

before(async () => {
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alsite-serve-")), "site");
  execFileSync(BIN, ["new", site]);
  server = spawn(BIN, ["serve", "--port", "0", "--root", site], { stdio: ["ignore", "pipe", "ignore"] });
  base = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: server.stdout });
    lines.on("line", (line) => { const m = line.match(/http:\/\/\S+\//); if (m) resolve(m[0]); });
    server.on("exit", () => reject(new Error("serve exited")));
  });
  browser = await launch();
});

after(async () => {
  await browser.close();
  server.kill();
  fs.rmSync(path.dirname(site), { recursive: true, force: true });
});

const rules = () => path.join(site, "content/method/ground-rules.yaml");

/** Resolves when the page's live-reload stream is open: an edit saved
 *  before that would reload nothing. Call it before what loads the page. */
const listening = (page) => page.waitForResponse((r) => r.url().endsWith("/__alsite/events"));

/** Opens `url` and waits until it listens for reloads. */
async function openLive(page, url) {
  const live = listening(page);
  await page.goto(url);
  await live;
}

/** Saves `text` as the ground rules and waits for the reload it causes,
 *  and for the reloaded page to listen again. */
async function saveAndReload(page, text) {
  const loaded = page.waitForEvent("load");
  const live = listening(page);
  fs.writeFileSync(rules(), text);
  await loaded;
  await live;
}

test("a saved edit reloads the page with the new text, at the same scroll position", async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await openLive(page, base + "ground-rules.html");
  await page.evaluate(() => window.scrollTo(0, 700));
  await page.waitForFunction(() => window.scrollY === 700);
  const text = fs.readFileSync(rules(), "utf8");
  await saveAndReload(page, text.replace("title: The two ground rules", "title: Our two ground rules"));
  await page.waitForFunction(() => document.querySelector("h1").textContent === "Our two ground rules");
  await page.waitForFunction(() => Math.abs(window.scrollY - 700) < 5, null, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bad edit shows the overlay over the last good page until it is fixed", async () => {
  const page = await browser.context.newPage();
  await openLive(page, base + "ground-rules.html");
  const good = fs.readFileSync(rules(), "utf8");
  await saveAndReload(page, good.replace("rules:", "rulez:"));
  const overlay = page.locator("#alsite-error-overlay");
  await overlay.waitFor();
  assert.match(await overlay.textContent(), /content\/method\/ground-rules\.yaml:\d+:1: error: unknown field `rulez`/);
  assert.ok(await page.locator("li.rule").first().isVisible(), "the last good page is still there");
  assert.deepEqual(await axeViolations(page), [], "the overlay is accessible");
  await saveAndReload(page, good);
  assert.equal(await page.locator("#alsite-error-overlay").count(), 0);
  await page.close();
});

// WCAG 2.4.11: the overlay is fixed at the bottom of the window; a trainer
// going through the page with Tab must still see each control focused (the
// page scrolls it above the overlay), on a phone and on a laptop.
test("with the overlay shown, Tab never leaves the focused control hidden under it", async () => {
  const page = await browser.context.newPage();
  await openLive(page, base + "ground-rules.html");
  const good = fs.readFileSync(rules(), "utf8");
  try {
    await saveAndReload(page, good.replace("rules:", "rulez:"));
    await page.locator("#alsite-error-overlay").waitFor();
    for (const [width, height] of [[320, 640], [1280, 700]]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement.blur(); });
      const hidden = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const seen = await page.evaluate(() => {
          const el = document.activeElement, over = document.getElementById("alsite-error-overlay");
          if (!el || el === document.body || over.contains(el)) return null;
          const r = el.getBoundingClientRect(), o = over.getBoundingClientRect();
          return { name: `${el.tagName} “${el.textContent.trim().slice(0, 30)}”`, under: r.top >= o.top - 1 };
        });
        if (seen && seen.under) hidden.push(seen.name);
      }
      assert.deepEqual(hidden, [], `${width} px: focused under the overlay`);
    }
  } finally {
    await saveAndReload(page, good);
    await page.close();
  }
});

test("a tab whose live-reload stream opens only after a save was built shows that save at the same scroll position, and reloads once", async () => {
  const page = await browser.context.newPage();
  // The tab has its page, but its stream is held back until the save is
  // built: as when a second save lands while the tab reloads from the first.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/__alsite/events", async (route) => { await held; await route.continue(); });
  await page.goto(base + "ground-rules.html");
  const text = fs.readFileSync(rules(), "utf8");
  fs.writeFileSync(rules(), text.replace(/^title: .*$/m, "title: Saved while the tab loaded"));
  try {
    for (let i = 0; i < 100 && !(await (await fetch(base + "ground-rules.html")).text()).includes("Saved while the tab loaded"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await page.evaluate(() => window.scrollTo(0, 700));
    await page.waitForFunction(() => window.scrollY === 700);
    let loads = 0;
    page.on("load", () => { loads += 1; });
    release();
    await page.waitForFunction(() => document.querySelector("h1").textContent === "Saved while the tab loaded", null, { timeout: 5000 });
    await page.waitForFunction(() => Math.abs(window.scrollY - 700) < 5, null, { timeout: 10000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(loads, 1, "one reload, not a loop");
  } finally {
    fs.writeFileSync(rules(), text);
    await page.close();
  }
});

test("a page that is gone for a moment (its file moved away and back) comes back at the reader's place", async () => {
  const file = path.join(site, "content/pages/long-read.md");
  const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long read.`).join("\n\n");
  fs.writeFileSync(file, `---\ntitle: A long read\n---\n\n${body}\n`);
  const page = await browser.context.newPage();
  for (let i = 0; i < 100 && (await fetch(base + "long-read.html")).status !== 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await openLive(page, base + "long-read.html");
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.waitForFunction(() => window.scrollY === 900);
  const away = path.join(path.dirname(site), "long-read.md");
  let loaded = page.waitForEvent("load");
  let live = listening(page);
  fs.renameSync(file, away);
  await loaded;
  await live;
  assert.equal(await page.locator("h1").textContent(), "Page not found");
  loaded = page.waitForEvent("load");
  live = listening(page);
  fs.renameSync(away, file);
  await loaded;
  await live;
  assert.equal(await page.locator("h1").textContent(), "A long read");
  await page.waitForFunction(() => Math.abs(window.scrollY - 900) < 5, null, { timeout: 10000 });
  fs.rmSync(file);
  await page.close();
});

test("a link followed just as a save is built takes the reader to the page it leads to, not back", async () => {
  const page = await browser.context.newPage();
  await openLive(page, base + "index.html");
  // The next page is on its way while the save is built and announced.
  let release, asked;
  const held = new Promise((resolve) => { release = resolve; });
  const requested = new Promise((resolve) => { asked = resolve; });
  await page.route("**/about.html", async (route) => { asked(); await held; await route.continue(); });
  const text = fs.readFileSync(rules(), "utf8");
  try {
    const followed = page.click('a[href="about.html"] >> nth=0');
    // Saved only once the browser has asked for the next page (however
    // slow a loaded machine is to get there), not after a fixed wait.
    await requested;
    fs.writeFileSync(rules(), text.replace(/^title: .*$/m, "title: Saved while a link was followed"));
    for (let i = 0; i < 100 && !(await (await fetch(base + "ground-rules.html")).text()).includes("Saved while a link was followed"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await followed;
    await page.waitForLoadState("load");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.match(page.url(), /\/about\.html$/);
  } finally {
    fs.writeFileSync(rules(), text);
    await page.close();
  }
});

test("a page on another website can neither open a live-reload stream nor switch live reload off", async () => {
  // Another website (another host and port) whose page opens 300 event streams to the preview.
  const other = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><title>Another website</title><script>
      "use strict";
      window.opened = 0; window.shut = 0;
      for (let i = 0; i < 300; i++) {
        const es = new EventSource(${JSON.stringify(base)} + "__alsite/events");
        es.onopen = () => { window.opened += 1; };
        es.onerror = () => { if (es.readyState === EventSource.CLOSED) window.shut += 1; };
      }
    </script>`);
  });
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  try {
    const hostile = await browser.context.newPage();
    await hostile.goto(`http://localhost:${other.address().port}/`);
    await hostile.waitForFunction(() => window.shut === 300, null, { timeout: 15000 });
    assert.equal(await hostile.evaluate(() => window.opened), 0, "no stream opened");
    // A tab of the preview opened now still reloads on a save.
    const page = await browser.context.newPage();
    await openLive(page, base + "ground-rules.html");
    const text = fs.readFileSync(rules(), "utf8");
    await saveAndReload(page, text.replace(/^title: .*$/m, "title: Still live"));
    await page.waitForFunction(() => document.querySelector("h1").textContent === "Still live");
    fs.writeFileSync(rules(), text);
    await hostile.close();
    await page.close();
  } finally {
    other.close();
  }
});

test("the page for a missing address reads on a phone at the phone's width, and dark in the dark scheme", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: "dark" });
  try {
    const page = await phone.context.newPage();
    const response = await page.goto(base + "no-such-page.html");
    assert.equal(response.status(), 404);
    assert.equal(await page.locator("h1").textContent(), "Page not found");
    const seen = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      text: parseFloat(getComputedStyle(document.querySelector("p")).fontSize) * window.visualViewport.scale,
      ink: getComputedStyle(document.body).color.match(/\d+/g).slice(0, 3).map(Number),
    }));
    assert.equal(seen.width, 390, "laid out at the phone's width, not a desktop's shrunk");
    assert.ok(seen.text >= 16, `text ${seen.text} px on screen`);
    assert.ok(seen.ink.every((c) => c > 200), `light text on a dark page: ${seen.ink}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  } finally {
    await phone.close();
  }
});
