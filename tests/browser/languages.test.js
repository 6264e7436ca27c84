"use strict";
// Languages in a real browser, from disk: a Polish site's session player,
// practice feedback, question checker hints and timer speak Polish, with
// Polish plural forms; on a Polish and English site the language switcher
// leads between the two versions of a page. axe-core on every page.
// Builds tests/sites/polish and tests/sites/two-languages with ALSITE_BIN.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, open, axeViolations } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-languages-"));

/** Builds the sites under tests/sites named by `layers`, laid one over the other. */
function buildSite(name, layers) {
  const root = path.join(work, name);
  for (const layer of layers) fs.cpSync(path.join(REPO, "tests/sites", layer), root, { recursive: true });
  const out = path.join(work, name + "-out");
  execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
  return out;
}

let browser, polish, twoLanguages;
before(async () => {
  polish = buildSite("polish", ["polish"]);
  twoLanguages = buildSite("two", ["polish", "two-languages"]);
  browser = await launch();
});
after(async () => {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const url = (site, page) => "file://" + path.join(site, page);

async function fresh(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

test("the session player speaks Polish", async () => {
  const { page, problems } = await open(browser.context, url(polish, "sessions/grafik.html"), "file://");
  await fresh(page);
  const next = page.locator(".player .next");
  assert.equal(await next.textContent(), "Dalej →");
  assert.equal(await page.locator(".player .back").textContent(), "← Wstecz");
  assert.equal(await page.locator(".player .position").textContent(), "Krok 1 z\u00a09 · Etap 1 z\u00a02: Pytania");
  assert.equal(await page.locator(".progress-bar").getAttribute("aria-valuetext"), "Krok 1 z\u00a09");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await next.isDisabled(), true, "waits at the pause");
  assert.equal(await page.locator(".player .pause-help").textContent(), "Odpowiedz na pytanie poniżej albo je pomiń, aby przejść dalej.");
  assert.match(await page.locator(".announcer").textContent(), /^Twoja kolej: /);
  await page.locator("#pause-1 label.option").nth(0).click();
  await page.locator("#pause-1 button[type=submit]").click();
  assert.equal(await page.locator("#pause-1 .verdict strong").textContent(), "Nie do końca.");
  assert.equal(await page.locator("#pause-1 .correct-answer").textContent(), "Najlepsza odpowiedź to B.");
  assert.equal(await next.textContent(), "Dalej →");
  await page.locator(".present-toggle").click();
  await page.waitForFunction(() => document.body.classList.contains("present"));
  assert.equal(await page.locator(".present-toggle").textContent(), "Zamknij widok do projekcji");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("practice feedback, plural forms and the question checker speak Polish", async () => {
  const { page, problems } = await open(browser.context, url(polish, "practice/pytania-otwarte.html"), "file://");
  await fresh(page);
  const rewrite = page.locator("#item-1");
  await rewrite.locator("textarea").fill("Czy pytałaś kadry?");
  await rewrite.locator("button[type=submit]").click();
  assert.equal(await rewrite.locator(".verdict strong").textContent(), "To jest pytanie zamknięte.");
  assert.equal(
    await rewrite.locator(".hint-line").first().textContent(),
    "Na to pytanie można odpowiedzieć „tak” albo „nie”: zaczyna się od „Czy”. Spróbuj zacząć od „Co” albo „Jak”.",
  );
  assert.equal(await rewrite.locator(".overrule-button").textContent(), "Uznaj moje pytanie za dobre");
  assert.equal(await page.locator(".progress .score").textContent(), "Odpowiedzi: 1 z\u00a04, dobrze: 0.");

  const classify = page.locator("#item-3");
  await classify.locator("input[value=otwarte]").check();
  await classify.locator("button[type=submit]").click();
  assert.equal(await classify.locator(".verdict strong").textContent(), "Nie do końca. Twój wybór: Otwarte. Poprawna odpowiedź: Zamknięte.");

  const order = page.locator("#item-4");
  assert.match(await order.locator(".up").first().getAttribute("aria-label"), /^Przesuń „.+” w\u00a0górę$/);
  await order.locator("button[type=submit]").click();
  assert.match(await order.locator(".verdict strong").textContent(), /^\d\u00a0z\u00a04 kroków (jest|są) na swoim miejscu\.$/);
  // The plural rules of the page's language, in the page (Intl.PluralRules):
  // 1 and 5 and 25 take one form, 2 and 22 another.
  const forms = await page.evaluate(() => [1, 2, 5, 22, 25].map((n) => window.alsite.t("practice.order_partly", { n: n, total: 30 })));
  assert.deepEqual(forms, [
    "1\u00a0z\u00a030 kroków jest na swoim miejscu.",
    "2\u00a0z\u00a030 kroków są na swoim miejscu.",
    "5\u00a0z\u00a030 kroków jest na swoim miejscu.",
    "22\u00a0z\u00a030 kroków są na swoim miejscu.",
    "25\u00a0z\u00a030 kroków jest na swoim miejscu.",
  ]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("the timer speaks Polish", async () => {
  const { page, problems } = await open(browser.context, url(polish, "workshops/podstawy/czym-jest-action-learning.html"), "file://");
  await fresh(page);
  const first = page.locator("#activity-1");
  assert.equal(await first.locator(".timer-start").textContent(), "Start");
  assert.equal(await first.locator(".timer-display").getAttribute("aria-label"), "Zostało 15:00");
  await first.locator(".timer-start").click();
  assert.equal(await first.locator(".timer-start").textContent(), "Pauza");
  assert.equal(await first.locator(".timer-status").textContent(), "Odliczanie trwa.");
  await first.locator(".timer-start").click();
  assert.equal(await first.locator(".timer-start").textContent(), "Wznów");
  await first.locator(".timer-reset").click();
  assert.equal(await first.locator(".timer-status").textContent(), "Przywrócono 15:00.");
  await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    // A timer is kept under its activity's minutes and its title in the
    // site's first language, as written (no line-breaking signs in it).
    const li = document.getElementById("activity-2");
    const timer = `${li.dataset.minutes} ${li.dataset.timer}`;
    if (li.dataset.timer !== "Rozmowa w parach") throw new Error(`the timer's name: ${li.dataset.timer}`);
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ [timer]: { endsAt: Date.now() + 500 } }));
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector("#activity-2").classList.contains("is-done"), null, { timeout: 5000 });
  assert.equal(await page.locator("#activity-2 .timer-status").textContent(), "Czas minął: Rozmowa w\u00a0parach.");
  assert.match(await page.title(), /^⏰ Czas minął · /);
  assert.match(await page.locator(".lede").textContent(), /^9:00–9:45 · 45\u00a0min$/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });

  await page.close();
});

test("the language switcher leads between the versions of a page, from disk", async () => {
  const { page, problems } = await open(browser.context, url(twoLanguages, "en/o-nas.html"), "file://");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  const switcher = page.getByRole("navigation", { name: "Languages" });
  assert.equal(await switcher.locator("a[aria-current=page] .lang-name").textContent(), "English");
  assert.deepEqual(await axeViolations(page), []);
  await switcher.getByRole("link", { name: "Polski" }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/o-nas.html") && !page.url().includes("/en/"), page.url());
  assert.equal(await page.locator("html").getAttribute("lang"), "pl");
  // "O" is bound to the next word (Polish line breaking): a no-break space.
  assert.equal(await page.locator("h1").textContent(), "O\u00a0nas");
  const back = page.getByRole("navigation", { name: "Języki" });
  assert.equal(await back.locator("a[aria-current=page] .lang-name").textContent(), "Polski");
  assert.equal(await back.locator("a[lang=en]").getAttribute("hreflang"), "en");
  assert.deepEqual(await axeViolations(page), []);
  await back.getByRole("link", { name: "English" }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/en/o-nas.html"), page.url());

  // A cross-language link inside the content, and the English site's own pages.
  await page.locator("main").getByRole("link", { name: "ground rules", exact: true }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/en/ground-rules.html#pytania"), page.url());
  assert.equal(await page.locator("h1").textContent(), "Ground rules");
  const stylesheetLoaded = await page.evaluate(() => document.styleSheets.length > 0 && getComputedStyle(document.body).margin === "0px");
  assert.ok(stylesheetLoaded, "the shared stylesheet loads from the language folder");

  // A page with no English version has no switcher.
  await page.goto(url(twoLanguages, "components.html"));
  assert.equal(await page.getByRole("navigation", { name: "Języki" }).count(), 0);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("on a phone the languages go by their codes, on one row with the search box and the Menu button", async () => {
  const { page, problems } = await open(browser.context, url(twoLanguages, "en/o-nas.html"), "file://");
  const switcher = page.getByRole("navigation", { name: "Languages" });
  const row = async () => Promise.all([".search-input", ".language-switcher", ".nav-menu > summary"].map(async (s) => {
    const box = await page.locator(s).boundingBox();
    return Math.round(box.y + box.height / 2);
  }));
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const shown = (part) => switcher.locator(part).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 1).map((e) => e.textContent.trim()));
    assert.deepEqual(await shown(".lang-code"), ["PL", "EN"], `${width} px`);
    assert.deepEqual(await shown(".lang-name"), [], `${width} px`);
    const [search, languages, menu] = await row();
    assert.ok(Math.abs(search - languages) <= 1 && Math.abs(languages - menu) <= 1, `${width} px: one row (${search}, ${languages}, ${menu})`);
    const title = await page.locator(".site-title").boundingBox();
    assert.ok(title.y + title.height <= search, "the title has the row above");
    // With something typed, the box takes the whole row, so what is typed
    // shows whole; the languages and the Menu button go on the row under it.
    await page.locator(".search-input").focus();
    const [focused, stillBeside] = await row();
    assert.ok(Math.abs(focused - stillBeside) <= 1, `${width} px: focus alone moves nothing`);
    await page.keyboard.type("zasady pytania");
    const typing = await page.locator(".search-input").boundingBox();
    const header = await page.locator(".header-inner").boundingBox();
    assert.ok(typing.width >= header.width - 40, `${width} px: the box in use is ${typing.width} px of ${header.width}`);
    const [, languagesBelow, menuBelow] = await row();
    assert.ok(languagesBelow > typing.y + typing.height && Math.abs(languagesBelow - menuBelow) <= 1, `${width} px: the languages and Menu under the box`);
    // A tap on a language or the Menu with the box in use: nothing moves
    // under the finger as the box loses focus.
    await page.locator(".search-input").blur();
    const [, languagesAfter] = await row();
    assert.equal(languagesAfter, languagesBelow, `${width} px: the row stays as the box loses focus`);
    await page.locator(".search-input").fill("");
    const [again, languagesAgain] = await row();
    assert.ok(Math.abs(again - languagesAgain) <= 1, `${width} px: one row again once the box is empty`);
    // The code is what is seen; the language's name is in the link's name too.
    await switcher.getByRole("link", { name: "PL Polski" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(await switcher.locator(".lang-name").evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 1).map((e) => e.textContent)), ["Polski", "English"]);
  assert.equal(await switcher.innerText(), "Polski\nEnglish");
  await switcher.getByRole("link", { name: "Polski", exact: true }).waitFor();
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("going to another language keeps the place in the page: a practice item, a session's turn", async () => {
  const { page, problems } = await open(browser.context, url(twoLanguages, "practice/pytania-otwarte.html#item-2"), "file://");
  await page.getByRole("navigation", { name: "Języki" }).getByRole("link", { name: "English" }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/en/practice/pytania-otwarte.html#item-2"), page.url());
  // A session not translated yet: its English page leads to the original, at the same turn.
  await page.goto(url(twoLanguages, "en/sessions/grafik.html#turn-3"));
  const original = page.locator("main a[hreflang=pl]");
  assert.ok((await original.getAttribute("href")).endsWith("sessions/grafik.html#turn-3"));
  await original.click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/sessions/grafik.html#turn-3") && !page.url().includes("/en/"), page.url());
  await page.locator(".player .position").waitFor();
  assert.match(await page.locator(".player .position").textContent(), /^Krok 3 z\u00a0/);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("leaving the presenter view, the language links no longer open the other language's presenter view", async () => {
  // The session translated (here its own words again), so its page has a language menu.
  const root = path.join(work, "presenting");
  for (const layer of ["polish", "two-languages"]) fs.cpSync(path.join(REPO, "tests/sites", layer), root, { recursive: true });
  fs.copyFileSync(path.join(root, "content/sessions/grafik.yaml"), path.join(root, "content/sessions/grafik.en.yaml"));
  const out = path.join(work, "presenting-out");
  execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
  const { page, problems } = await open(browser.context, url(out, "sessions/grafik.html"), "file://");
  const english = page.locator("a[data-keep-place][hreflang=en]");
  await page.locator(".player .present-toggle").click();
  await page.waitForFunction(() => document.body.classList.contains("present"));
  assert.ok((await english.getAttribute("href")).endsWith("#present"), "the place goes along while presenting");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.body.classList.contains("present"));
  await english.click();
  await page.waitForLoadState("load");
  assert.ok(!page.url().includes("#present"), page.url());
  // Gone on to the second stage (an address without its turn), the other language goes on there.
  await page.locator(".player .next").waitFor();
  await page.locator(".stage-list a").nth(1).click();
  const turn = (await page.locator(".player .position").textContent()).match(/^Turn (\d+) of /)[1];
  assert.ok(Number(turn) > 1, turn);
  await page.locator("a[data-keep-place][hreflang=pl]").click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith(`/sessions/grafik.html#turn-${turn}`) && !page.url().includes("/en/"), page.url());
  await page.locator(".player .position").waitFor();
  assert.match(await page.locator(".player .position").textContent(), new RegExp(`^Krok ${turn} z\u00a0`));
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("an English practice page in a Polish site checks in English", async () => {
  const { page, problems } = await open(browser.context, url(twoLanguages, "en/practice/pytania-otwarte.html"), "file://");
  await fresh(page);
  const rewrite = page.locator("#item-1");
  await rewrite.locator("textarea").fill("Did you ask HR?");
  await rewrite.locator("button[type=submit]").click();
  assert.equal(await rewrite.locator(".verdict strong").textContent(), "That is a closed question.");
  assert.match(await rewrite.locator(".hint-line").first().textContent(), /^This can be answered yes or no: it starts with “Did”\./);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("the two-language sample from `alsite new --language pl,en` switches between Polish and English, from disk", async () => {
  const root = path.join(work, "sample-pl-en");
  execFileSync(BIN, ["new", root, "--language", "pl,en"], { stdio: "pipe" });
  const out = path.join(work, "sample-pl-en-out");
  execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
  const { page, problems } = await open(browser.context, url(out, "ground-rules.html"), "file://");
  assert.equal(await page.locator("html").getAttribute("lang"), "pl");
  assert.equal(await page.locator("h1").textContent(), "Dwie zasady podstawowe");
  await page.getByRole("navigation", { name: "Języki" }).getByRole("link", { name: "English" }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/en/ground-rules.html"), page.url());
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.title(), /Action Learning in Practice/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Polski" }).click();
  await page.waitForLoadState("load");
  assert.equal(await page.locator("html").getAttribute("lang"), "pl");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
});
