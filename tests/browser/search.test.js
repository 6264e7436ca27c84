"use strict";
// The search box, as a reader uses it: from file:// and over HTTP under a
// sub-path, with the keyboard only, in English and in Polish (typed without
// diacritics), never showing facilitator notes, with no axe violation while
// results are open.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch, open, fileUrl, axeViolations, serve } = require("./helpers");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Types `query` into the search box with the keyboard ("/" first) and
 *  waits until the results (or "no results") show. */
async function searchFor(page, query) {
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input", "/ focuses the search box");
  await page.keyboard.type(query);
  await page.locator(".search-count").filter({ hasText: query }).waitFor();
}

/** Waits until every result shown has its snippet: snippet texts come in
 *  scripts loaded after the results show, one per chunk of sections. */
async function snippetsShown(page) {
  await page.waitForFunction(() => {
    const snippets = [...document.querySelectorAll("#search-results .search-snippet")];
    return snippets.length > 0 && snippets.every((s) => s.firstChild !== null);
  });
}

/** The results shown: where each leads and what it says. */
async function results(page) {
  return page.locator("#search-results a[role=option]").evaluateAll((options) => options.map((o) => ({
    href: o.getAttribute("href"),
    where: o.querySelector(".search-where").textContent,
    marked: Array.from(o.querySelectorAll("mark")).map((m) => m.textContent),
  })));
}

test("a word from a ground rule's body finds the rule; arrows and Enter open it (file://)", async () => {
  const { page, problems } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "racing");
  const found = await results(page);
  assert.ok(found.length >= 1, "at least one result");
  assert.equal(found[0].href, "ground-rules.html#statements-answer-questions");
  assert.equal(found[0].where, "The two ground rules › Rule 1 Statements only in response to questions");
  await snippetsShown(page);
  assert.deepEqual((await results(page))[0].marked, ["racing"], "the word is highlighted in the snippet");
  const input = page.locator("#search-input");
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("ArrowDown");
  const active = await input.getAttribute("aria-activedescendant");
  assert.equal(await page.locator(`#${active}`).getAttribute("aria-selected"), "true");
  await Promise.all([page.waitForURL(/ground-rules\.html#statements-answer-questions$/), page.keyboard.press("Enter")]);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a result's title is not repeated in its snippet, and its words are marked in the title", async () => {
  const { page, problems } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "racing statements");
  await snippetsShown(page);
  const first = page.locator("#search-results [role=option]").first();
  assert.equal(await first.getAttribute("href"), "ground-rules.html#statements-answer-questions");
  assert.deepEqual(await first.locator(".search-where mark").allTextContents(), ["Statements"]);
  const snippet = await first.locator(".search-snippet").textContent();
  assert.ok(!snippet.includes("Rule 1"), `the rule's heading is shown once, above the snippet: ${snippet}`);
  assert.ok(snippet.startsWith("A statement may be made only to answer a question."), snippet);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("Escape closes the results, a second Escape clears the box, and Tab reaches the box", async () => {
  const { page } = await open(browser.context, fileUrl("components.html"), "file://");
  await searchFor(page, "reflect");
  const input = page.locator("#search-input");
  await page.keyboard.press("Escape");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  assert.ok(await page.locator(".search-panel").isHidden());
  await page.keyboard.press("Escape");
  assert.equal(await input.inputValue(), "");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  let focused = "";
  for (let i = 0; i < 20 && focused !== "search-input"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, "search-input", "Tab reaches the search box");
  await page.close();
});

test("a practice item is found, and its link opens the item", async () => {
  const { page } = await open(browser.context, fileUrl("practice/index.html"), "file://");
  await searchFor(page, "boss trust");
  const found = await results(page);
  assert.ok(found.length >= 1);
  assert.match(found[0].href, /^\.\.\/practice\/open-questions\.html#item-\d+$/);
  assert.match(found[0].where, /^From statements to open questions › \d+ /);
  await page.locator("#search-results [role=option]").first().click();
  await page.waitForURL(/open-questions\.html#item-\d+$/);
  const id = page.url().split("#")[1];
  assert.match(await page.locator(`#${id}`).textContent(), /boss doesn.t trust you/);
  await page.close();
});

test("a session turn is found, and its link opens the player at that turn", async () => {
  const { page } = await open(browser.context, fileUrl("workshops/index.html"), "file://");
  await searchFor(page, "concise");
  const turn = (await results(page)).find((r) => /^\.\.\/sessions\/.+\.html#turn-\d+$/.test(r.href));
  assert.ok(turn, "a result links to a turn");
  await page.locator(`#search-results [href="${turn.href}"]`).click();
  const id = turn.href.split("#")[1];
  await page.waitForURL(new RegExp(`#${id}$`));
  assert.ok(await page.locator(`#${id}`).isVisible(), "the linked turn is shown");
  await page.close();
});

test("a module's own text is found as the module's, not as its last activity's", async () => {
  const { page } = await open(browser.context, fileUrl("workshops/index.html"), "file://");
  await searchFor(page, "everyone else observes");
  const found = await results(page);
  const module = found.find((r) => /demonstration\.html/.test(r.href));
  assert.ok(module, JSON.stringify(found));
  // The top of the module's page, under its own title: not "› Final reflection", not #activity-2.
  assert.equal(module.href, "../workshops/demo-event/demonstration.html");
  assert.equal(module.where.trim(), "The demonstration session");
  await page.close();
});

test("facilitator notes never appear in participant search", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  // "insist" is only in a module's facilitator notes (the facilitator guide).
  assert.match(fs.readFileSync(path.join(SITE, "workshops/foundations/facilitator.html"), "utf8"), /insist on specific moments/);
  await searchFor(page, "insist");
  assert.equal(await page.locator(".search-count").textContent(), "No results for “insist”");
  assert.equal(await page.locator("#search-results [role=option]").count(), 0);
  const index = fs.readdirSync(path.join(SITE, "search")).map((f) => fs.readFileSync(path.join(SITE, "search", f), "utf8")).join("");
  assert.ok(!index.includes("facilitator.html"), "the guide is not in the index");
  assert.ok(!index.includes("insist on specific moments"), "nor are its notes");
  await page.close();
});

test("axe finds no violation with results open, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const { page } = await open(browser.context, fileUrl("index.html"), "file://");
    await page.setViewportSize({ width, height: 800 });
    await searchFor(page, "question");
    await page.keyboard.press("ArrowDown");
    await snippetsShown(page);
    assert.deepEqual(await axeViolations(page), [], `at ${width} px`);
    const box = await page.locator(".search-panel").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the results fit the ${width} px screen`);
    // The results hang from the box they answer: on a wide screen the same
    // right edge; on a phone the same left edge, and the header's width
    // (the Menu button may share the box's row).
    const input = await page.locator("#search-input").boundingBox();
    const edges = `results ${Math.round(box.x)}–${Math.round(box.x + box.width)}, box ${Math.round(input.x)}–${Math.round(input.x + input.width)} at ${width} px`;
    if (width < 600) assert.ok(Math.abs(box.x - input.x) <= 0.5 && box.width >= 0.9 * width, edges);
    else assert.ok(Math.abs(box.x + box.width - (input.x + input.width)) <= 0.5, edges);
    assert.ok(box.y >= input.y + input.height, `the results below the box: ${edges}`);
    await page.close();
  }
});

test("over HTTP under a sub-path, a result on a nested page leads to the right page", async () => {
  const server = await serve("/training/al/");
  try {
    const { page, problems } = await open(browser.context, server.base + "workshops/foundations/index.html", server.base);
    await searchFor(page, "racing");
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(server.base + "ground-rules.html#statements-answer-questions"), page.keyboard.press("Enter")]);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await server.close();
  }
});

test("the page loads no index until the box is used", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  const scripts = () => page.locator("script[src*='search/']").evaluateAll((s) => s.map((e) => e.getAttribute("src")));
  assert.deepEqual(await scripts(), []);
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.alsite.search.query("rule").results.length > 0);
  assert.deepEqual(await scripts(), ["search/index.en.js"]);
  await page.close();
});

test("Polish: a word typed without diacritics, in another form, is found; the box speaks Polish", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-pl-"));
  try {
    const root = path.join(__dirname, "../../samples/pl");
    execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(out, "site")], { stdio: "pipe" });
    const { page, problems } = await open(browser.context, "file://" + path.join(out, "site/index.html"), "file://");
    assert.equal(await page.locator("label[for=search-input]").textContent(), "Szukaj");
    await searchFor(page, "scigac");
    const found = await results(page);
    assert.equal(found[0].href, "ground-rules.html#statements-answer-questions");
    await snippetsShown(page);
    assert.deepEqual((await results(page))[0].marked, ["ścigać"]);
    assert.match(await page.locator(".search-count").textContent(), /^1\u00a0wynik dla „scigac”$/);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    // "zrodlo" (źródło) finds the inflected "źródła" too.
    await page.keyboard.type("zasady podstawowe");
    await page.locator(".search-count").filter({ hasText: "zasady podstawowe" }).waitFor();
    assert.ok((await results(page)).some((r) => r.href.startsWith("ground-rules.html")));
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("on a phone's touch screen the box does not offer the \"/\" key, which a keyboard user is told of", async () => {
  const { page: desk } = await open(browser.context, fileUrl("index.html"), "file://");
  assert.equal(await desk.locator("#search-input").getAttribute("placeholder"), "Search (/)");
  await desk.close();
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const { page, problems } = await open(phone.context, fileUrl("index.html"), "file://");
    const input = page.locator("#search-input");
    assert.equal(await input.getAttribute("placeholder"), "Search");
    await input.tap();
    await input.fill("racing");
    await page.locator(".search-count").filter({ hasText: "racing" }).waitFor();
    assert.ok(await page.locator("#search-results [role=option]").count() >= 1);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await phone.close();
  }
});

test("a reader can turn the \"/\" key off in the footer, and on again; the choice holds on every page (WCAG 2.1.4)", async () => {
  // A browser of its own: the choice is kept in its storage (one store
  // for every page on disk: the Polish sample site shares it).
  const own = await launch();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-key-"));
  try {
    const polish = path.join(out, "site/index.html");
    execFileSync(process.env.ALSITE_BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", path.join(out, "site")], { stdio: "pipe" });
    const { page, problems } = await open(own.context, fileUrl("index.html"), "file://");
    const input = page.locator("#search-input");
    const footer = page.locator(".site-footer .search-shortcut");
    assert.equal(await footer.textContent(), "The / key jumps to the search box. Turn off");
    // Off, with the keyboard: the key is typed as the page would have it.
    await footer.getByRole("button", { name: "Turn off" }).focus();
    await page.keyboard.press("Enter");
    assert.equal(await footer.textContent(), "The / key does not jump to the search box. Turn on");
    assert.equal(await input.getAttribute("placeholder"), "Search");
    assert.equal(await input.getAttribute("aria-keyshortcuts"), null);
    await page.locator("h1").first().click();
    await page.keyboard.press("/");
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "search-input");
    // Another page, in English and in Polish, remembers it.
    for (const [url, said, turnOn] of [
      [fileUrl("ground-rules.html"), "The / key does not jump to the search box. Turn on", "Turn on"],
      ["file://" + polish, "Klawisz / nie przenosi do pola wyszukiwania. Włącz", "Włącz"],
    ]) {
      const other = (await open(own.context, url, "file://")).page;
      assert.equal(await other.locator(".search-shortcut").textContent(), said, url);
      await other.keyboard.press("/");
      assert.notEqual(await other.evaluate(() => document.activeElement.id), "search-input", url);
      if (url.endsWith(polish)) {
        await other.locator(".search-shortcut").getByRole("button", { name: turnOn }).click();
        assert.equal(await other.locator(".search-shortcut").textContent(), "Klawisz / przenosi do pola wyszukiwania. Wyłącz");
        assert.equal(await other.locator("#search-input").getAttribute("placeholder"), "Szukaj (/)");
        await other.locator("h1").first().click();
        await other.keyboard.press("/");
        assert.equal(await other.evaluate(() => document.activeElement.id), "search-input", "on again");
      }
      await other.close();
    }
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await own.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
  // On a touch screen, where no "/" key is at hand, the switch comes with the first "/" typed.
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const { page } = await open(phone.context, fileUrl("index.html"), "file://");
    assert.equal(await page.locator(".search-shortcut").count(), 0);
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
    assert.equal(await page.locator(".search-shortcut").textContent(), "The / key jumps to the search box. Turn off");
    // Turned off, the switch stays on every page to turn it on again.
    await page.locator(".search-shortcut button").tap();
    await page.reload();
    assert.equal(await page.locator(".search-shortcut").textContent(), "The / key does not jump to the search box. Turn on");
    await page.close();
  } finally {
    await phone.close();
  }
});

test("a long list of results ends in \"Show more results\", which the keyboard or a click opens", async () => {
  const { page, problems } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "question");
  const count = page.locator(".search-count");
  const total = Number((await count.textContent()).match(/^(\d+)/)[1]);
  assert.ok(total > 20, `enough results to need more than two lists: ${total}`);
  assert.match(await count.textContent(), /\(showing the first 10\)$/);
  const options = page.locator("#search-results [role=option]");
  assert.equal(await options.count(), 11, "ten results and the entry for more");
  assert.equal(await options.last().textContent(), "Show more results");
  // By keyboard: ArrowUp from the box wraps to the last entry, Enter opens ten more
  // and chooses the first of them.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  assert.equal(await options.count(), 21);
  assert.match(await count.textContent(), /\(showing the first 20\)$/);
  const chosen = await page.locator("#search-input").getAttribute("aria-activedescendant");
  assert.equal(chosen, "search-option-10");
  assert.equal(await page.locator(`#${chosen}`).getAttribute("aria-selected"), "true");
  // By mouse: ten more again, and the box keeps the cursor.
  await options.last().click();
  assert.equal(await options.count(), total > 30 ? 31 : total);
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  // A new query starts again at ten.
  await page.keyboard.press("End");
  await page.keyboard.type("s");
  await page.locator(".search-count").filter({ hasText: "questions" }).waitFor();
  assert.ok(await options.count() <= 11);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});
