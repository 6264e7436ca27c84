"use strict";
// A site in a language alsite ships no strings for, made as README
// "Another language" says: Czech first, then Polish and English
// (`languages: [cs, pl, en]`), with the trainer's own i18n/cs.yaml, which
// has no `language.name`. The pages speak Czech, the switcher says
// "Čeština", a practice set's feedback and its summary take Czech plural
// forms, an optional text left out shows nothing, and axe finds nothing.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { launch, open, axeViolations, siteFrom } = require("./helpers");

let browser;
let dir;
before(async () => {
  browser = await launch();
  const files = {
    "site.yaml": "title: Akční učení v praxi\nlanguages: [cs, pl, en]\norganization:\n  name: Brněnské akční učení\n",
    "i18n/cs.yaml": [
      "nav:\n  home: Domů\n  menu: Nabídka\nsite:\n  languages_nav: Jazyky\n",
      "practice:\n  right: Správně.\n  right_type: \"Správně: {type}.\"\n  not_quite: Ne tak docela.\n  check_answer: Zkontrolovat\n",
      "  summary:\n    one: \"Zodpověděli jste {n} cvičení, správně {right}.\"\n",
      "    few: \"Zodpověděli jste všechna {n} cvičení, správně {right}.\"\n",
      "    other: \"Zodpověděli jste všech {n} cvičení, správně {right}.\"\n",
      "  well_done: \" Výborně.\"\n",
    ].join(""),
    "content/index.md": "---\ntitle: Vítejte\n---\n\nAkční učení řeší skutečné problémy.\n",
    "content/index.pl.md": "---\ntitle: Witamy\n---\n\nAction Learning rozwiązuje prawdziwe problemy.\n",
    "content/index.en.md": "---\ntitle: Welcome\n---\n\nAction Learning solves real problems.\n",
    "content/practice/question-types.yaml": "types:\n  - id: open\n    name: Otevřená otázka\n    description: Zve k přemýšlení.\n  - id: closed\n    name: Uzavřená otázka\n    description: Ano, nebo ne.\n",
    "content/practice/otazky.yaml": [
      "title: Od tvrzení k otázkám\nitems:\n",
      "  - type: classify\n    question: Řekl jste to řediteli?\n    answer: closed\n    reason: Ano, nebo ne.\n",
      "  - type: classify\n    question: Co jste už zkusil?\n    answer: open\n    reason: Zve k přemýšlení.\n",
      "  - type: classify\n    question: Jde to?\n    answer: closed\n    reason: Ano, nebo ne.\n",
    ].join(""),
  };
  dir = siteFrom("cs", files);
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("Czech first: lang, the switcher says Čeština, feedback and summary in Czech plural forms", async () => {
  const home = "file://" + path.join(dir, "public/index.html");
  const { page, problems } = await open(browser.context, home, "file://");
  assert.equal(await page.getAttribute("html", "lang"), "cs");
  const switcher = page.getByRole("navigation", { name: "Jazyky" });
  const current = switcher.locator("a[aria-current=page]");
  assert.equal(await current.locator(".lang-name").textContent(), "Čeština");
  assert.equal(await current.getAttribute("lang"), "cs");
  // The practice set is in Czech only: its page has no switcher.
  await page.goto("file://" + path.join(dir, "public/practice/otazky.html"));
  assert.equal(await page.getAttribute("html", "lang"), "cs");
  // No intro was written: nothing shows where it would be.
  assert.doesNotMatch(await page.locator("main").innerText(), /\bNone\b/);
  const items = page.locator("main .practice-item");
  assert.equal(await items.count(), 3);
  for (const [i, answer] of ["Uzavřená otázka", "Otevřená otázka", "Uzavřená otázka"].entries()) {
    await items.nth(i).getByLabel(answer).check();
    await items.nth(i).getByRole("button", { name: "Zkontrolovat" }).click();
    assert.match(await items.nth(i).locator(".feedback").textContent(), /^✓ Správně: /);
  }
  assert.equal(await page.locator(".summary-text").textContent(), "Zodpověděli jste všechna 3\u00a0cvičení, správně 3. Výborně.");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
  }
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("the English page's switcher names Czech in Czech too", async () => {
  const { page } = await open(browser.context, "file://" + path.join(dir, "public/en/index.html"), "file://");
  const link = page.getByRole("navigation", { name: "Languages" }).locator("a[hreflang=cs]");
  assert.equal(await link.locator(".lang-name").textContent(), "Čeština");
  await link.click();
  assert.equal(await page.getAttribute("html", "lang"), "cs");
  assert.equal(await page.locator("h1").textContent(), "Vítejte");
  await page.close();
});
