"use strict";
// The search box as participants meet it mid-workshop: a typo on a phone, a
// hyphenated word, a result opened in a new tab, Back to the list, and the
// list on a phone with its on-screen keyboard open.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch, open, fileUrl, axeViolations, serve } = require("./helpers");

let browser, polish;
before(async () => {
  browser = await launch();
  polish = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-use-"));
  const root = path.join(__dirname, "../../samples/pl");
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(polish, "site")], { stdio: "pipe" });
});
after(async () => {
  await browser.close();
  fs.rmSync(polish, { recursive: true, force: true });
});

/** Types `query` into the box ("/" first) and waits for its results. */
async function searchFor(page, query) {
  await page.keyboard.press("/");
  await page.keyboard.type(query);
  await page.locator(".search-count").filter({ hasText: query }).waitFor();
}

/** Every result shown: its link, where it is, and the words marked in it
 *  once its snippet is in. */
async function results(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("#search-results .search-snippet")].every((s) => s.firstChild));
  return page.locator("#search-results a[role=option]").evaluateAll((options) => options.map((o) => ({
    href: o.getAttribute("href"),
    where: o.querySelector(".search-where").textContent,
    marked: Array.from(o.querySelectorAll("mark")).map((m) => m.textContent.toLowerCase()),
  })));
}

test("a word typed with a typo finds the word it was meant to be, marked (English and Polish)", async () => {
  const { page, problems } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "quesiton");
  assert.doesNotMatch(await page.locator(".search-count").textContent(), /^No results/);
  const found = await results(page);
  assert.match(found[0].where, /question/i, "a result with the word in its title first");
  assert.ok(found[0].marked.includes("question"), JSON.stringify(found[0]));
  // Two words, one mistyped: both count.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await searchFor(page, "grund rules");
  assert.equal((await results(page))[0].href, "ground-rules.html");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();

  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  // "pytnaie": two letters of "pytanie" swapped, as a thumb does.
  await searchFor(pl.page, "pytnaie");
  const polishFound = await results(pl.page);
  assert.ok(polishFound.length > 0, "results for a mistyped Polish word");
  assert.ok(polishFound[0].marked.includes("pytanie"), JSON.stringify(polishFound[0]));
  await pl.page.close();
});

test("a word found nowhere, not even one typo away, still finds nothing", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "xylophone");
  assert.equal(await page.locator(".search-count").textContent(), "No results for “xylophone”");
  await page.close();
});

test("a word of two letters in a query matches only itself: \"check-in\" does not find \"intervene\"", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "check-in");
  const found = await results(page);
  assert.match(found[0].where, /check-in/, "a section about the check-in first");
  const marked = new Set(found.flatMap((r) => r.marked));
  for (const word of marked) assert.ok(word === "check" || word === "in" || word.startsWith("check"), `marked: ${[...marked]}`);
  await page.close();

  // The Polish sample says "interwencja", never "check-in": nothing is found,
  // rather than every word that begins with "in".
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "check-in");
  assert.equal(await pl.page.locator(".search-count").textContent(), "Brak wyników dla „check-in”");
  // Alone, two letters still find the words they begin (the reader is typing).
  await pl.page.keyboard.press("Escape");
  await pl.page.keyboard.press("Escape");
  await searchFor(pl.page, "pr");
  assert.ok((await results(pl.page)).length > 0);
  await pl.page.close();
});

test("a word of three letters followed by another is found whole: \"the coach\" does not find \"they\", \"jak działa\" not \"jakie\"", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "the coach");
  const marked = new Set((await results(page)).flatMap((r) => r.marked));
  for (const word of ["they", "them", "their", "then", "there"]) assert.ok(!marked.has(word), `"the" does not mark "${word}"`);
  assert.ok(marked.has("the") && marked.has("coach"));
  // Last, a word of three letters may still be being typed: it finds the words it begins.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await searchFor(page, "ground rules the");
  assert.ok((await results(page)).some((r) => r.marked.includes("they")));
  await page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "jak działa coach");
  const found = await results(pl.page);
  assert.ok(found.every((r) => !r.marked.some((w) => /^jak./.test(w))), JSON.stringify(found.map((r) => r.marked)));
  // Any other word of three letters finds its longer forms: "cel" the modules' "Cele" (objectives).
  await pl.page.keyboard.press("Escape");
  await pl.page.keyboard.press("Escape");
  await searchFor(pl.page, "cel warsztatu");
  const cele = (await results(pl.page)).filter((r) => r.marked.some((w) => /^cele$/i.test(w)));
  assert.ok(cele.length >= 3, JSON.stringify((await results(pl.page)).map((r) => r.marked)));
  await pl.page.close();
  const en = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(en.page, "set of questions");
  // "Then it sets a goal": the section on how a session runs (its word is past the snippet).
  const sets = await results(en.page);
  assert.ok(sets.some((r) => r.href.endsWith("action-learning.html#how-a-session-runs")), JSON.stringify(sets));
  await en.page.close();
});

test("one page's many sections do not fill the list: at most two of a page, of different titles, come before other pages' results", async () => {
  const pages = (found) => found.map((r) => r.href.replace(/#.*$/, ""));
  const most = (found) => Math.max(...Object.values(pages(found).reduce((n, p) => ({ ...n, [p]: (n[p] || 0) + 1 }), {})));
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  // Nine practice items are called "N Name the type of question".
  await searchFor(page, "question");
  const count = await page.locator(".search-count").textContent();
  let found = await results(page);
  assert.ok(most(found) <= 3, pages(found).join(" "));
  assert.ok(new Set(pages(found)).size >= 5, pages(found).join(" "));
  // The rest of the page's results follow: none is lost.
  await page.locator("#search-results .search-more").click();
  await page.locator("#search-results a[role=option]").nth(19).waitFor();
  assert.equal(await page.locator(".search-count").textContent(), count.replace("first 10", "first 20"));
  await page.close();
  // Look-alike sections ("1 Rewrite as an open question", "2 Rewrite as…";
  // a session's turns, each titled by its stage) count once: the first
  // five results are five different places, from at least four pages.
  const again = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(again.page, "open question");
  const five = (await results(again.page)).slice(0, 5);
  const alike = five.map((r) => r.where.replace(/› \d+ /, "› "));
  assert.equal(new Set(alike).size, 5, alike.join(" | "));
  assert.ok(new Set(pages(five)).size >= 4, alike.join(" | "));
  await again.page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "pytania");
  found = await results(pl.page);
  assert.ok(most(found) <= 3, pages(found).join(" "));
  await pl.page.close();
});

test("among equal matches the home page, which sums up the site, comes after the pages it sums up", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  // The home page's offers and cards name the facilitator guide past what
  // their snippets show; the workshops page says it where it shows.
  await searchFor(page, "facilitator");
  let found = await results(page);
  assert.ok(!found[0].href.startsWith("index.html"), found.map((r) => r.href).join(" "));
  assert.ok(found.slice(0, 3).some((r) => r.marked.includes("facilitator")), JSON.stringify(found.slice(0, 3)));
  const home = found.find((r) => r.href.startsWith("index.html"));
  assert.ok(home, "the home page is still found");
  // Named by the site's title, as its tab is, not by its hero's headline.
  assert.ok(home.where.startsWith("Action Learning in Practice"), home.where);
  await page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "sponsor");
  found = await results(pl.page);
  assert.ok(!found[0].href.startsWith("index.html"), found.map((r) => r.href).join(" "));
  await pl.page.close();
});

test("Ctrl+Enter opens the chosen result in a new tab and keeps the list", async () => {
  const { page, problems } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "racing");
  await page.keyboard.press("ArrowDown");
  const [tab] = await Promise.all([browser.context.waitForEvent("page"), page.keyboard.press("Control+Enter")]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /ground-rules\.html#statements-answer-questions$/);
  assert.match(page.url(), /\/index\.html$/, "the page searched from stays");
  assert.equal(await page.locator("#search-input").getAttribute("aria-expanded"), "true", "its list stays open");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await tab.close();
  await page.close();
});

test("Back from a result shows the query again, and its results when the box is used", async () => {
  const { page, problems } = await open(browser.context, fileUrl("practice/index.html"), "file://");
  await searchFor(page, "boss trust");
  await Promise.all([page.waitForURL(/open-questions\.html#item-\d+$/), page.keyboard.press("Enter")]);
  await page.goBack();
  await page.waitForURL(/practice\/index\.html$/);
  const input = page.locator("#search-input");
  assert.equal(await input.inputValue(), "boss trust");
  await input.focus();
  await page.locator(".search-count").filter({ hasText: "boss trust" }).waitFor();
  assert.match((await results(page))[0].href, /open-questions\.html#item-\d+$/);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("on a phone with its keyboard open, the list ends above the keyboard; axe is content in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    // 844 px tall less an on-screen keyboard of about 420 px.
    const phone = await launch({ viewport: { width: 390, height: 420 }, hasTouch: true, isMobile: true, colorScheme });
    try {
      const { page, problems } = await open(phone.context, fileUrl("index.html"), "file://");
      await page.locator("#search-input").tap();
      await page.locator("#search-input").fill("question");
      await page.locator(".search-count").filter({ hasText: "question" }).waitFor();
      const { bottom, visible, scrolls } = await page.evaluate(() => {
        const panel = document.querySelector(".search-panel");
        return {
          bottom: panel.getBoundingClientRect().bottom,
          visible: visualViewport.offsetTop + visualViewport.height,
          scrolls: panel.scrollHeight > panel.clientHeight,
        };
      });
      assert.ok(bottom <= visible, `the list ends at ${bottom} px, the screen above the keyboard at ${visible} px`);
      assert.ok(scrolls, "the rest of the list scrolls inside it");
      assert.deepEqual(await axeViolations(page), [], colorScheme);
      assert.deepEqual(problems, { console: [], errors: [], outside: [] });
      await page.close();
    } finally {
      await phone.close();
    }
  }
});

test("an index that cannot load is said so, in words and to a screen reader, not \"Loading\" for ever", async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-missing-"));
  fs.cpSync(SITE, copy, { recursive: true });
  fs.rmSync(path.join(copy, "search"), { recursive: true });
  const server = await serve("/al/", { root: copy });
  try {
    const { page } = await open(browser.context, server.base + "index.html", server.base);
    await page.keyboard.press("/");
    await page.keyboard.type("rules");
    const said = "The search is not available now; its index did not load. Leave the box and come back to it to try again.";
    await page.locator(".search-count").filter({ hasText: said }).waitFor();
    await page.locator("#search-status").filter({ hasText: said }).waitFor();
    assert.equal(await page.locator("#search-input").getAttribute("aria-expanded"), "false", "no list to choose from");
    // Once the files are back, using the box again loads them.
    fs.cpSync(path.join(SITE, "search"), path.join(copy, "search"), { recursive: true });
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.locator("#search-input").focus();
    await page.locator(".search-count").filter({ hasText: "results for “rules”" }).waitFor();
    await page.close();
  } finally {
    await server.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test("a query of one letter, a digit or signs says what to type, on screen and to a screen reader, not \"Loading\"", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  const hint = "Type at least two letters or digits to search.";
  // The first letter also loads the index: the "Loading" it said is replaced.
  for (const query of ["a", "7", "?!"]) {
    await page.locator("#search-input").fill(query);
    await page.locator(".search-count").filter({ hasText: hint }).waitFor();
    await page.locator("#search-status").filter({ hasText: hint }).waitFor();
    assert.equal(await page.locator("#search-input").getAttribute("aria-expanded"), "false", "no list to choose from");
    assert.equal(await page.locator("#search-results a[role=option]").count(), 0);
  }
  // A second letter searches.
  await page.locator("#search-input").fill("re");
  await page.locator(".search-count").filter({ hasText: "results for “re”" }).waitFor();
  await page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await pl.page.locator("#search-input").fill("z");
  await pl.page.locator(".search-count").filter({ hasText: "Wpisz co najmniej dwie litery lub cyfry, żeby wyszukać." }).waitFor();
  await pl.page.close();
});

test("a number in the query puts the section with it in its heading first: \"rule 2\", \"zasada 2\"", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "rule 2");
  const found = await results(page);
  assert.equal(found[0].href, "ground-rules.html#coach-may-intervene");
  assert.deepEqual(await page.locator("#search-option-0 .search-section mark").allTextContents(), ["Rule", "2"]);
  await page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "zasada 2");
  assert.equal((await results(pl.page))[0].href, "ground-rules.html#coach-may-intervene");
  await pl.page.close();
});

test("a long pasted query is repeated in the count only by its start, so the results stay in view", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await page.setViewportSize({ width: 390, height: 844 });
  const query = "the coach and the group work on the presenter's problem with questions ".repeat(6).trim();
  await page.locator("#search-input").fill(query);
  await page.locator(".search-count").filter({ hasText: "the coach and the group work on the" }).waitFor();
  const said = await page.locator(".search-count").textContent();
  assert.ok(said.length < 120, said);
  assert.match(said, /“the coach and the group work on the pres…”/);
  const first = await page.locator("#search-option-0").boundingBox();
  assert.ok(first && first.y < 844 / 2, "the first result shows in the top half of the screen");
  await page.close();
});

test("a pasted paragraph is looked for by its first twelve different words: a long paste costs what a question does", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.alsite.search.ready());
  // Each word is looked for in the whole index (and, when found nowhere,
  // among every term for a typo): a page of words must not freeze the page.
  const paragraph = "the coach and the group work on the presenter's problem with questions ".repeat(6) +
    Array.from({ length: 300 }, (_, i) => "word" + i.toString(36)).join(" ");
  const got = await page.evaluate((q) => {
    const search = window.alsite.search;
    const long = search.query(q), short = search.query("the coach and group work on presenter's problem with questions word0 word1");
    return { words: long.words, total: long.total, shortTotal: short.total, shortWords: short.words };
  }, paragraph);
  assert.deepEqual(got.words, ["the", "coach", "and", "group", "work", "on", "presenters", "problem", "with", "questions", "word0", "word1"]);
  assert.equal(got.total, got.shortTotal);
  await page.close();
});

test("a question as a participant asks it finds the rule: \"what was the second ground rule\", \"jaka jest druga zasada\"", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  // The rule's own text says neither "second" nor "ground": its heading
  // says "Rule 2", its page "The two ground rules".
  await searchFor(page, "what was the second ground rule");
  let found = await results(page);
  assert.equal(found[0].href, "ground-rules.html#coach-may-intervene");
  assert.deepEqual(await page.locator("#search-option-0 .search-section mark").allTextContents(), ["Rule", "2", "The"]);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await searchFor(page, "first rule");
  assert.equal((await results(page))[0].href, "ground-rules.html#statements-answer-questions");
  await page.close();
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "jaka jest druga zasada");
  found = await results(pl.page);
  assert.equal(found[0].href, "ground-rules.html#coach-may-intervene");
  // Alone, a word that begins like an ordinal is itself (Thursday is not "4").
  await pl.page.keyboard.press("Escape");
  await pl.page.keyboard.press("Escape");
  await searchFor(pl.page, "czwartek");
  found = await results(pl.page);
  assert.ok(found.every((r) => r.marked.some((m) => /\p{L}/u.test(m))), JSON.stringify(found));
  await pl.page.close();
});

test("Polish words of six letters meet their other endings (grupie: grupa; osobie: osób), English ones do not stray (groups: not ground)", async () => {
  const pl = await open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
  await searchFor(pl.page, "osobie");
  const marked = new Set((await results(pl.page)).flatMap((r) => r.marked));
  assert.ok(marked.has("osób") || marked.has("osoby"), `marked: ${[...marked]}`);
  await pl.page.keyboard.press("Escape");
  await pl.page.keyboard.press("Escape");
  await searchFor(pl.page, "grupie");
  assert.ok((await results(pl.page)).some((r) => r.marked.includes("grupa")));
  await pl.page.close();
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "groups");
  const found = await results(page);
  assert.ok(found[0].marked.some((w) => w.startsWith("group")), JSON.stringify(found[0]));
  assert.ok(found.every((r) => !r.marked.includes("ground")), "no result for ground");
  await page.close();
});

test("two pages with one title are told apart: a workshop's module shows its workshop", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "ground rules");
  const found = await results(page);
  const method = found.find((r) => r.href === "ground-rules.html");
  const module = found.find((r) => r.href === "workshops/foundations/ground-rules.html");
  assert.equal(method.where, "The two ground rules");
  assert.equal(module.where, "Foundations of Action Learning › The two ground rules");
  // A page whose title is its own shows none.
  assert.ok(found.every((r) => r.href.startsWith("workshops/foundations/ground-rules.html") || !r.where.startsWith("Foundations of Action Learning ›")));
  await page.close();
});

test("a module page is one result, its text after the activities in it too: no two results alike", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  // The module's text after its list of activities says "The first rule
  // does not oblige anyone to answer".
  await searchFor(page, "ground rules");
  const found = await results(page);
  const links = found.map((r) => r.href);
  assert.equal(new Set(links).size, links.length, `each link once: ${links.join(" ")}`);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await searchFor(page, "oblige anyone");
  const obliged = await results(page);
  const module = obliged.find((r) => r.href === "workshops/foundations/ground-rules.html");
  assert.ok(module && module.marked.includes("anyone"), JSON.stringify(obliged));
  assert.equal(obliged.filter((r) => r.href.startsWith("workshops/foundations/ground-rules.html")).length, 1);
  await page.close();
});

test("a session stage found by its heading is one result, its first turn under the stage's title, with the turn as its snippet", async () => {
  const { page } = await open(browser.context, fileUrl("index.html"), "file://");
  await searchFor(page, "check-in");
  const found = await results(page);
  const inSession = found.filter((r) => r.href.startsWith("sessions/rota-tool.html"));
  assert.deepEqual(inSession.map((r) => r.href), ["sessions/rota-tool.html#turn-36"], "one result for the stage and its first turn");
  assert.match(inSession[0].where, /First check-in/);
  const snippet = (await page.locator('#search-results a[href="sessions/rota-tool.html#turn-36"] .search-snippet').textContent()).trim();
  assert.ok(snippet.length > 20, `a snippet: "${snippet}"`);
  const snippets = await page.locator("#search-results .search-snippet").allTextContents();
  assert.equal(new Set(snippets).size, snippets.length, `no snippet twice: ${snippets.join(" | ")}`);
  // The result opens the player at that turn, under the stage's heading.
  await page.locator('#search-results a[href="sessions/rota-tool.html#turn-36"]').click();
  await page.waitForURL(/rota-tool\.html#turn-36$/);
  await page.locator("#turn-36").waitFor({ state: "visible" });
  await page.close();
});

test("on a site in two languages, no results says the pages in the other language have a search of their own", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-two-"));
  try {
    execFileSync(process.env.ALSITE_BIN, ["new", path.join(dir, "new"), "--language", "pl,en"], { stdio: "pipe" });
    execFileSync(process.env.ALSITE_BIN, ["build", "--root", path.join(dir, "new"), "--out", path.join(dir, "site")], { stdio: "pipe" });
    // A participant on the English page types the Polish word from the workshop.
    const en = await open(browser.context, "file://" + path.join(dir, "site/en/index.html"), "file://");
    await searchFor(en.page, "zasady");
    assert.equal(await en.page.locator(".search-count").textContent(),
      "No results for “zasady” in the pages in this language. The pages in other languages have a search of their own: choose the language first.");
    await en.page.close();
    const pl = await open(browser.context, "file://" + path.join(dir, "site/index.html"), "file://");
    await searchFor(pl.page, "facilitator");
    assert.match(await pl.page.locator(".search-count").textContent(), /^Brak wyników dla „facilitator” na stronach\sw\stym języku\. Strony\sw\sinnych językach/);
    await pl.page.close();
    // A site in one language says only that nothing was found.
    const one = await open(browser.context, fileUrl("index.html"), "file://");
    await searchFor(one.page, "xylophone");
    assert.equal(await one.page.locator(".search-count").textContent(), "No results for “xylophone”");
    await one.page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
