"use strict";
// Polish words in any form (README: "Words in any form"), on the Polish
// sample: a noun or verb typed in a case or person the site never uses
// finds the forms it does use, and is marked in them; words that only look
// alike (stos, stosować; pod, podać; dział, działają) stay apart.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { launch, open } = require("./helpers");

let browser, polish;
before(async () => {
  browser = await launch();
  polish = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-search-polish-"));
  const root = path.join(__dirname, "../../samples/pl");
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(polish, "site")], { stdio: "pipe" });
});
after(async () => {
  await browser.close();
  fs.rmSync(polish, { recursive: true, force: true });
});

async function openPolish() {
  return open(browser.context, "file://" + path.join(polish, "site/index.html"), "file://");
}

/** Puts `query` in the box and waits for its results. */
async function searchFor(page, query) {
  await page.locator("#search-input").fill(query);
  await page.locator(".search-count").filter({ hasText: query }).waitFor();
}

/** Every result shown: its link, and the words marked in its heading and
 *  snippet once the snippet is in. */
async function results(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("#search-results .search-snippet")].every((s) => s.firstChild));
  return page.locator("#search-results a[role=option]").evaluateAll((options) => options.map((o) => ({
    href: o.getAttribute("href"),
    marked: Array.from(o.querySelectorAll("mark")).map((m) => m.textContent.toLowerCase()),
  })));
}

/** Which of `words` the one word of `query` matches, and how (3 exactly,
 *  2 as their beginning, 1 as another form), by the search itself. */
async function weights(page, query, words) {
  await page.locator("#search-input").focus();
  await page.waitForFunction(() => window.alsite.search.ready());
  return page.evaluate(([q, ws]) => {
    const search = window.alsite.search, m = search.query(q).matchers[0];
    return Object.fromEntries(ws.map((w) => [w, m.weight(search.fold(w))]));
  }, [query, words]);
}

test("a Polish noun in a case the site never uses finds the page with its other forms, marked", async () => {
  const { page, problems } = await openPolish();
  // [query, a section it must find, a word marked there] — the sample
  // has none of the queries, only the forms marked.
  const cases = [
    ["warsztacie", "offers.html#podstawy", "warsztat"], // locative, t written c
    ["warsztatami", "offers.html#podstawy", "warsztat"], // instrumental plural
    ["problemowi", "components.html#problem", "problem"], // dative
    ["uczestnikami", "action-learning.html#uczestnikom", "uczestnikom"], // instrumental plural
    ["kierownikami", "sessions/index.html", "kierownicy"], // k written c
  ];
  for (const [query, href, word] of cases) {
    await searchFor(page, query);
    assert.doesNotMatch(await page.locator(".search-count").textContent(), /^Brak wyników/, query);
    const found = await results(page);
    const hit = found.find((r) => r.href === href);
    assert.ok(hit, `${query} finds ${href}: ${JSON.stringify(found.map((r) => r.href))}`);
    assert.ok(hit.marked.includes(word), `${query} marks ${word} there: ${hit.marked}`);
  }
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a changed consonant, a dropped e and a verb's other person are the same word", async () => {
  const { page } = await openPolish();
  assert.deepEqual(await weights(page, "uczestnikami", ["uczestnicy", "uczestnik", "uczestników"]),
    { uczestnicy: 3, uczestnik: 3, "uczestników": 3 }, "k written c: uczestnicy");
  assert.deepEqual(await weights(page, "metodzie", ["metoda", "metodę", "metodzie"]),
    { metoda: 3, "metodę": 3, metodzie: 3 }, "d written dz: metodzie");
  assert.deepEqual(await weights(page, "końcem", ["koniec", "końca", "końcu"]),
    { koniec: 3, "końca": 3, "końcu": 3 }, "the e of koniec drops: końca");
  assert.deepEqual(await weights(page, "interweniujemy", ["interweniować", "interweniuje"]),
    { "interweniować": 3, interweniuje: 3 }, "-ować verbs: -uj- in the present");
  // Rule 2's heading says "interweniować": it is marked there.
  await searchFor(page, "interweniujemy");
  assert.ok((await results(page)).find((r) => r.href === "ground-rules.html#coach-may-intervene").marked.includes("interweniować"));
  await page.close();
});

test("another form weighs as much as the form typed; a longer word it begins, less", async () => {
  const { page } = await openPolish();
  // A reader types the case their sentence needs: it is the same word.
  assert.deepEqual(await weights(page, "warsztat", ["warsztat", "warsztaty", "warsztacie"]),
    { warsztat: 3, warsztaty: 3, warsztacie: 3 });
  assert.deepEqual(await weights(page, "problemie", ["problemie", "problem", "problemami"]),
    { problemie: 3, problem: 3, problemami: 3 });
  // "coaching" begins with "coach" and is another word.
  assert.deepEqual(await weights(page, "coach", ["coach", "coacha", "coachem", "coaching"]),
    { coach: 3, coacha: 3, coachem: 3, coaching: 2 });
  await page.close();
});

test("words that only look alike are not forms of one word", async () => {
  const { page } = await openPolish();
  // A verb's stem keeps its vowel and four letters: działają (they act) is
  // not dział (a department), nor stosować (to apply) stos (a pile), nor
  // podać (to hand) pod (under).
  assert.deepEqual(await weights(page, "działają", ["działu", "działy", "dziale", "działa", "działać"]),
    { "działu": 0, "działy": 0, "dziale": 0, "działa": 3, "działać": 3 });
  assert.deepEqual(await weights(page, "stosować", ["stos"]), { stos: 0 });
  assert.deepEqual(await weights(page, "podać", ["pod"]), { pod: 0 });
  // A consonant is read as changed only in a stem of four letters or more:
  // nocy (of the night) is not notami (notes).
  assert.deepEqual(await weights(page, "notami", ["noce", "nocy", "nuty"]), { noce: 0, nocy: 0, nuty: 0 });
  // An English word among Polish ones keeps its own ending: coaching is not
  // a form of coach.
  assert.deepEqual(await weights(page, "coachami", ["coach", "coachów", "coaching"]), { coach: 3, "coachów": 3, coaching: 0 });
  // The results say so too: "stos faktur" is not found by "stosować".
  await searchFor(page, "stosować");
  assert.ok((await results(page)).every((r) => !r.marked.includes("stos")));
  await page.close();
});

test("a noun in the case a sentence needs finds the page about it first: \"o zasadach\", \"w komponentach\"", async () => {
  const { page, problems } = await openPolish();
  // [query, where the first result must be]: the pages that use the very
  // form typed ("o dwóch zasadach podstawowych" on the home page) come after.
  const cases = [
    ["zasadach", /^ground-rules\.html/],
    ["o zasadach", /^ground-rules\.html/],
    ["komponentach", /^components\.html/],
    ["w komponentach", /^components\.html/],
    ["zasadami", /^ground-rules\.html/],
  ];
  for (const [query, first] of cases) {
    await searchFor(page, query);
    const found = await results(page);
    assert.match(found[0].href, first, `${query}: ${found.map((r) => r.href).join(" ")}`);
  }
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});
