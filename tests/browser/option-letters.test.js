"use strict";
// The letters that name a question's options are a UI string
// (`practice.option_letters`): a Ukrainian trainer's "АБВ…" names the
// options on the page and in the feedback, where a Latin "B" would read as
// the third Cyrillic letter, В.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { launch, open, siteFrom } = require("./helpers");

let browser;
let dir;
before(async () => {
  browser = await launch();
  const files = {
    "site.yaml": "title: Навчання дією\nlanguage: uk\norganization:\n  name: Київ\n",
    "i18n/uk.yaml": "practice:\n  option_letters: АБВГДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ\n  best_answer: \"Найкраща відповідь — {letters}.\"\n  check_answer: Перевірити\n",
    "content/index.md": "---\ntitle: Вітаємо\n---\n\nНавчання дією розвʼязує справжні проблеми.\n",
    "content/practice/pytannia.yaml": [
      "title: Питання коуча\nitems:\n",
      "  - type: choose\n    prompt: Доповідач говорить уже шість хвилин.\n    options:\n",
      "      - text: Можна швидше?\n        feedback: Закрите питання.\n",
      "      - text: Як би ви описали проблему одним реченням?\n        correct: true\n        feedback: Допомагає зосередитися.\n",
      "      - text: Чи справжня проблема у вашому керівникові?\n        feedback: Діагноз у формі питання.\n",
    ].join(""),
  };
  dir = siteFrom("uk", files);
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("options are named А, Б, В on the page and in the feedback", async () => {
  const url = "file://" + path.join(dir, "public/practice/pytannia.html");
  const { page, problems } = await open(browser.context, url, "file://");
  const item = page.locator("section.practice-item").first();
  assert.deepEqual(await item.locator(".option .letter").allTextContents(), ["А", "Б", "В"]);
  await item.locator(".option").first().click();
  await item.getByRole("button", { name: "Перевірити" }).click();
  const feedback = item.locator(".correct-answer");
  assert.equal((await feedback.textContent()).trim(), "Найкраща відповідь — Б.");
  assert.match(await item.locator(".option-feedback strong").first().textContent(), /^А: /);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});
