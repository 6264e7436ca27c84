"use strict";
// The core pages in a real browser: opened from disk and under a sub-path,
// with no console errors, no outside requests, working navigation, keyboard
// access to the cycle diagram, and no axe-core violations.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { SITE, launch, open, fileUrl, axeViolations, serve } = require("./helpers");

const PAGE_KINDS = {
  home: "index.html",
  page: "action-learning.html",
  "ground rules": "ground-rules.html",
  components: "components.html",
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

for (const [kind, file] of Object.entries(PAGE_KINDS)) {
  test(`${kind} page opens from file:// with no console error and no axe violation`, async () => {
    const { page, problems } = await open(browser.context, fileUrl(file), "file://");
    assert.ok((await page.locator("h1").first().textContent()).trim().length > 0, "has a heading");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  });
}

test("every navigation link opens its page and marks it as current", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  const links = await page.locator("nav[aria-label=Main] a").evaluateAll((as) => as.map((a) => a.textContent.trim()));
  assert.ok(links.length >= 5, `nav has ${links.length} links`);
  for (const name of links) {
    await page.locator("nav[aria-label=Main] a", { hasText: name }).first().click();
    await page.waitForLoadState("load");
    const current = page.locator("nav[aria-label=Main] a[aria-current=page]");
    assert.equal((await current.textContent()).trim(), name, `after clicking ${name}`);
    assert.ok(page.url().startsWith("file://"), page.url());
    assert.ok(await page.locator("h1").count() > 0, `${name} has a heading`);
  }
  await page.close();
});

test("the cycle diagram links every component and works from the keyboard", async () => {
  const { page } = await open(browser.context, fileUrl("components.html"), "file://");
  const nodes = page.locator("svg.cycle a.cycle-node");
  assert.equal(await nodes.count(), await page.locator("li.component").count());
  assert.equal(await nodes.count(), 6);
  // Tab from the top of the page until the first diagram node has focus.
  let focused = "";
  for (let i = 0; i < 40 && focused !== "#problem"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement.getAttribute("href") || "");
  }
  assert.equal(focused, "#problem", "the first node is reachable with Tab");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector("circle")).strokeWidth);
  assert.equal(ring, "5px", "focus is visible on the node");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#group");
  assert.ok(await page.locator("#group").isVisible());
  await page.close();
});

test("the site works under a sub-path of a web server", async () => {
  const server = await serve("/training/action-learning/");
  try {
    const { page, problems } = await open(browser.context, server.base + "ground-rules.html", server.base);
    await page.locator("nav[aria-label=Main] a", { hasText: "Components" }).click();
    await page.waitForLoadState("load");
    assert.equal(page.url(), server.base + "components.html");
    const cssLoaded = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
    assert.equal(cssLoaded, "rgb(11, 93, 115)", "stylesheet applies");
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await server.close();
  }
});

test("printing leaves out the navigation", async () => {
  const { page } = await open(browser.context, fileUrl("ground-rules.html"), "file://");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.ok(await page.locator("li.rule").first().isVisible());
  await page.close();
});

test("axe-core is wired up: it reports a page that breaks a rule", async () => {
  const page = await browser.context.newPage();
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>');
  const violations = await axeViolations(page);
  assert.ok(violations.some((v) => v.startsWith("image-alt")), violations.join("\n"));
  await page.close();
});
