"use strict";
// Question practice in a real browser, opened from disk: every item type
// answered by clicking and typing, feedback read as a learner reads it,
// progress kept over a reload, reset, typed HTML shown as text, a broken
// store survived, the page complete without JavaScript, and axe-core clean.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { launch, open, fileUrl, axeViolations, contrast, sampleCopy, freshPage } = require("./helpers");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const fresh = (page) => freshPage(browser.context, page);

const feedback = (page, id) => page.locator(`#${id} .feedback`);
const score = (page) => page.locator(".progress .score");

test("choose: feedback per option, the best answer named, a full set scored", async () => {
  const file = "practice/coach-questions.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  assert.deepEqual(await axeViolations(page), [], "before answering");
  const ids = data.items.map((i) => i.id);
  const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
  // The first item wrongly, then every item rightly.
  const first = byId[ids[0]];
  const wrong = first.options.findIndex((o) => !o.correct);
  await page.locator(`#${ids[0]} label.option`).nth(wrong).click();
  await page.locator(`#${ids[0]} button[type=submit]`).click();
  await assert.doesNotReject(feedback(page, ids[0]).getByText("Not quite.").waitFor());
  assert.match(await feedback(page, ids[0]).textContent(), /The best answer is B\./);
  assert.match(await feedback(page, ids[0]).textContent(), /Closed, and it puts the presenter on the spot/);
  // A checked item is settled until the set starts over.
  await page.locator(".progress .reset").click();
  await page.locator(".progress .confirm-yes").click();
  for (const id of ids) {
    const right = byId[id].options.findIndex((o) => o.correct);
    await page.locator(`#${id} label.option`).nth(right).click();
    await page.locator(`#${id} button[type=submit]`).click();
    assert.match(await feedback(page, id).textContent(), /^✓ Right\./);
  }
  assert.equal(await score(page).textContent(), `Answered ${ids.length} of ${ids.length}, ${ids.length} right.`);
  assert.equal(await page.locator(".summary-text").textContent(), `You answered all ${ids.length}\u00a0exercises and got ${ids.length} right. Well done.`);
  // A finished set leads on to the other sets, not only back to its own start.
  const onward = page.locator(".summary a", { hasText: "All practice sets" });
  assert.ok(await onward.isVisible());
  assert.equal(await onward.getAttribute("href"), "index.html");
  assert.deepEqual(await axeViolations(page), [], "after answering");

  // A reload keeps answers, feedback and score.
  await page.reload();
  assert.equal(await score(page).textContent(), `Answered ${ids.length} of ${ids.length}, ${ids.length} right.`);
  assert.match(await feedback(page, ids[3]).textContent(), /^✓ Right\./);
  assert.equal(await page.locator(`#${ids[3]} input:checked`).count(), 1);

  // Start over (once confirmed: tests/browser/confirm.test.js) clears, and stays cleared after a reload.
  await page.locator(".progress .reset").click();
  await page.locator(".progress .confirm-yes").click();
  assert.equal(await page.locator(".progress").isVisible(), false);
  assert.equal(await page.locator(".summary").isVisible(), false);
  assert.equal(await feedback(page, ids[3]).textContent(), "");
  assert.equal(await page.locator("input:checked").count(), 0);
  await page.reload();
  assert.equal(await page.locator(".progress").isVisible(), false);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("classify: naming every question type in a set", async () => {
  const file = "practice/naming-question-types.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const ids = data.items.map((i) => i.id);
  const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
  const item = byId[ids[1]]; // "Did you tell your director?" is closed.
  await page.locator(`#${ids[1]} input[value=open]`).check();
  await page.locator(`#${ids[1]} button[type=submit]`).click();
  assert.match(await feedback(page, ids[1]).textContent(), /Not quite: you chose Open; this is Closed\./);
  assert.match(await feedback(page, ids[1]).textContent(), /answered yes or no/);
  await page.locator(".progress .reset").click();
  await page.locator(".progress .confirm-yes").click();
  for (const id of ids) {
    await page.locator(`#${id} input[value="${byId[id].answer}"]`).check();
    await page.locator(`#${id} button[type=submit]`).click();
    assert.match(await feedback(page, id).textContent(), /^✓ Right: /);
  }
  assert.equal(item.answer, "closed");
  assert.equal(await score(page).textContent(), `Answered ${ids.length} of ${ids.length}, ${ids.length} right.`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

/** What a reader sees of a checked item: each option's state and mark,
 *  what can still be changed, and the item's heading. */
async function settled(page, id) {
  const s = page.locator(`#${id}`);
  return {
    options: await s.locator("label.option").evaluateAll((labels) => labels.map((l) => ({
      right: l.classList.contains("is-right"), wrong: l.classList.contains("is-wrong"),
      mark: (l.querySelector(".option-mark") || { textContent: "" }).textContent.trim(),
      disabled: l.querySelector("input").matches(":disabled"),
    }))),
    check: await s.locator("button[type=submit]").isVisible(),
    showAnswer: await s.locator("details.answer").isVisible(),
    // What shows: the ": " before it is for a screen reader only.
    state: (await s.locator(".item-title .item-state").evaluateAll((els) => els.map((e) => [...e.childNodes]
      .filter((n) => !(n.classList && n.classList.contains("visually-hidden"))).map((n) => n.textContent).join("")).join(""))).trim(),
  };
}

test("choose: once checked, the chosen and the right option say so, the item is settled, and Show the answer goes", async () => {
  const file = "practice/coach-questions.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const item = data.items.find((i) => i.type === "choose" && !i.multiple);
  const right = item.options.findIndex((o) => o.correct);
  const wrong = item.options.findIndex((o) => !o.correct);
  assert.equal((await settled(page, item.id)).state, "", "no state before an answer");
  await page.locator(`#${item.id} label.option`).nth(wrong).click();
  await page.locator(`#${item.id} button[type=submit]`).click();
  let seen = await settled(page, item.id);
  assert.deepEqual(seen.options[wrong], { right: false, wrong: true, mark: "✗ Your answer: not right", disabled: true });
  assert.deepEqual(seen.options[right], { right: true, wrong: false, mark: "✓ The right answer", disabled: true });
  assert.ok(seen.options.every((o) => o.disabled), "no option can be changed");
  assert.equal(seen.check, false, "Check answer is gone");
  assert.equal(seen.showAnswer, false, "Show the answer is gone: the feedback gave the answer");
  assert.equal(seen.state, "✗ Not quite");
  // Read out too: the mark is part of each radio button's name, the state part of the heading's.
  assert.equal(await page.getByRole("radio", { name: /Your answer: not right/ }).count(), 1);
  assert.equal(await page.getByRole("radio", { name: /The right answer/ }).count(), 1);
  assert.match(await page.locator(`#${item.id} .item-title`).evaluate((h) => h.textContent), /: ✗ Not quite$/);
  // The feedback says why the right answer is right (the hidden box did).
  assert.ok((await feedback(page, item.id).textContent()).includes(item.options[right].feedback.replace(/<[^>]+>/g, "").slice(0, 30)));
  // The mark is not colour alone: the boxes differ in colour too, with a border of 3:1.
  const look = await page.locator(`#${item.id} label.option`).evaluateAll((ls) => ls.map((l) => [getComputedStyle(l).borderTopColor, getComputedStyle(l).backgroundColor]));
  assert.notEqual(look[wrong][0], look[right][0]);
  for (const i of [wrong, right]) assert.ok(contrast(look[i][0], look[i][1]) >= 3, `option ${i + 1}: ${look[i]}`);
  assert.deepEqual(await axeViolations(page), [], "a checked item");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await axeViolations(page), [], "a checked item, dark");
  await page.emulateMedia({ colorScheme: "light" });
  // A reload shows it settled as it was.
  await page.reload();
  seen = await settled(page, item.id);
  assert.equal(seen.options[wrong].mark, "✗ Your answer: not right");
  assert.ok(seen.options.every((o) => o.disabled) && !seen.check && !seen.showAnswer);
  assert.equal(seen.state, "✗ Not quite");
  // A right answer says so on its own option and the heading.
  const other = data.items.find((i) => i.type === "choose" && i.id !== item.id);
  await page.locator(`#${other.id} label.option`).nth(other.options.findIndex((o) => o.correct)).click();
  await page.locator(`#${other.id} button[type=submit]`).click();
  seen = await settled(page, other.id);
  assert.deepEqual(seen.options.filter((o) => o.mark), [{ right: true, wrong: false, mark: "✓ Your answer: right", disabled: true }]);
  assert.equal(seen.state, "✓ Right");
  // Start over opens every item again.
  await page.locator(".progress .reset").click();
  await page.locator(".progress .confirm-yes").click();
  seen = await settled(page, item.id);
  assert.ok(seen.options.every((o) => !o.disabled && !o.mark && !o.right && !o.wrong), JSON.stringify(seen.options));
  assert.ok(seen.check && seen.state === "");
  assert.equal(await page.locator(`#${item.id} details.answer`).isHidden(), true, "offered again after the next answer only");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("classify: once checked, the chosen and the right category say so, in words to a screen reader, and the item is settled", async () => {
  const file = "practice/naming-question-types.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const item = data.items[1]; // "Did you tell your director?" is closed.
  // By keyboard: a category chosen with the arrows, checked with Enter on the button.
  await page.locator(`#${item.id} input[value=open]`).focus();
  await page.keyboard.press("Space");
  await page.locator(`#${item.id} button[type=submit]`).focus();
  await page.keyboard.press("Enter");
  const seen = await settled(page, item.id);
  const values = await page.locator(`#${item.id} input`).evaluateAll((is) => is.map((i) => i.value));
  assert.deepEqual(seen.options[values.indexOf("open")], { right: false, wrong: true, mark: "✗ Your answer: not right", disabled: true });
  assert.deepEqual(seen.options[values.indexOf("closed")], { right: true, wrong: false, mark: "✓ The right answer", disabled: true });
  assert.equal(seen.options.filter((o) => o.mark).length, 1 + 1 + (item.also || []).length);
  assert.ok(seen.options.every((o) => o.disabled) && !seen.check && !seen.showAnswer);
  assert.equal(seen.state, "✗ Not quite");
  assert.equal(await page.locator(`#${item.id}`).getByRole("radio", { name: /^Open\s+Your answer: not right$/ }).count(), 1);
  // In a category's small box the ✗ shows, its words are for the screen reader.
  const mark = page.locator(`#${item.id} label.option.is-wrong .option-mark`);
  assert.equal(await mark.locator(".option-mark-icon").isVisible(), true);
  assert.ok((await mark.locator(".option-mark-words").boundingBox()).width <= 1);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("rewrite: overruling the checker is a plain button under the feedback that says what it does", async () => {
  const file = "practice/open-questions.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const id = data.items[0].id;
  await page.locator(`#${id} textarea`).fill("You should go to HR.");
  await page.locator(`#${id} button[type=submit]`).click();
  const button = page.locator(`#${id} .overrule-button`);
  assert.equal(await button.textContent(), "Count my question as right");
  assert.equal(await page.locator(`#${id} .feedback button`).count(), 0, "not inside the red feedback box");
  assert.ok((await button.boundingBox()).y > (await feedback(page, id).boundingBox()).y + (await feedback(page, id).boundingBox()).height, "below the box");
  // Neutral: the site's secondary button, link-coloured, not the green of a right answer.
  const colours = await button.evaluate((b) => {
    const s = getComputedStyle(b), quiet = document.querySelector(".progress .reset, .summary a.button-quiet");
    return { text: s.color, border: s.borderTopColor, quiet: getComputedStyle(quiet).color, good: getComputedStyle(document.documentElement).getPropertyValue("--good").trim() };
  });
  assert.equal(colours.text, colours.quiet, "the text colour of the other secondary buttons");
  assert.equal(colours.border, colours.quiet);
  // Described by the line that says why and when to use it.
  assert.match(await button.evaluate((b) => document.getElementById(b.getAttribute("aria-describedby")).textContent), /The checker goes by wording alone/);
  assert.equal(await page.locator(`#${id} .item-state`).textContent(), ": ✗ Not quite");
  await button.click();
  // The ✓ goes with the learner's word; the checker's reading is a plain line.
  assert.equal(await page.locator(`#${id} .feedback .verdict`).textContent(), "✓ You counted your question as right.");
  assert.equal(await page.locator(`#${id} .feedback .checker-reading`).textContent(), "That reads as a statement.");
  assert.equal(await button.isVisible(), false, "gone once used");
  assert.equal(await page.locator(`#${id} .item-state`).textContent(), ": ✓ Right");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("rewrite: the checker's hints, model answers, self-marking, typed HTML stays text", async () => {
  const file = "practice/open-questions.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; d.dismiss(); });
  const ids = data.items.map((i) => i.id);
  const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
  const box = (id) => page.locator(`#${id} textarea`);

  await box(ids[0]).fill("Is HR involved?");
  await page.locator(`#${ids[0]} button[type=submit]`).click();
  const fb = await feedback(page, ids[0]).textContent();
  assert.match(fb, /That is a closed question\./);
  assert.match(fb, /it starts with “Is”\. Try starting with “What” or “How”\./);
  assert.match(fb, /Who else in the organization could help with this\?/, "model answers shown after a try");
  // Each model answer is on the page once: the "Show model answers" box does
  // not repeat the list the feedback already shows.
  for (const m of byId[ids[0]].models) {
    assert.equal(await page.locator(`#${ids[0]}`).getByText(m, { exact: true }).filter({ visible: true }).count(), 1, m);
  }
  assert.equal(await page.locator(`#${ids[0]} details.answer`).isVisible(), false);
  // The explanation is read before the button to judge one's own version.
  const explainTop = (await page.locator(`#${ids[0]} .feedback .explain`).boundingBox()).y;
  const markTop = (await page.locator(`#${ids[0]} .overrule-button`).boundingBox()).y;
  assert.ok(explainTop < markTop, `explanation at ${explainTop}, "Count my question as right" at ${markTop}`);
  // The learner may judge their own version good.
  await page.locator(`#${ids[0]} .overrule-button`).click();
  assert.match(await feedback(page, ids[0]).textContent(), /You counted your question as right\./);

  const attack = "<img src=x onerror=alert(1)>";
  await box(ids[1]).fill(attack);
  // Enter checks the question, as the button does, and adds no line.
  await box(ids[1]).press("Enter");
  assert.equal(await box(ids[1]).inputValue(), attack);
  assert.equal(await page.locator(`#${ids[1]} .feedback q`).textContent(), attack);
  assert.equal(await page.locator(`#${ids[1]} .feedback img`).count(), 0);

  for (const id of ids.slice(1)) {
    await box(id).fill(byId[id].models[0]);
    await page.locator(`#${id} button[type=submit]`).click();
    assert.match(await feedback(page, id).textContent(), /^✓ That is an open question\./, id);
  }
  assert.equal(await score(page).textContent(), `Answered ${ids.length} of ${ids.length}, ${ids.length} right.`);
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  assert.equal(await box(ids[2]).inputValue(), byId[ids[2]].models[0], "typed text kept over a reload");
  assert.match(await feedback(page, ids[0]).textContent(), /You counted your question as right\./);
  assert.equal(dialogs, 0, "no script ran from typed text");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("order: steps reordered with the keyboard until right", async () => {
  const file = "practice/session-flow.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const id = data.items.find((i) => i.type === "order").id;
  const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
  const steps = page.locator(`#${id} li.step`);
  const n = await steps.count();
  assert.equal(n, byId[id].size);
  const positions = () => steps.evaluateAll((lis) => lis.map((li) => Number(li.dataset.position)));
  assert.notDeepEqual(await positions(), [...Array(n).keys()].map((i) => i + 1), "shuffled on the page");
  // How to move the steps is read before the steps, not after them.
  const help = page.locator(`#${id} .help`);
  assert.equal(await help.textContent(), "Move a step with its buttons, or drag it. Then check the order.");
  assert.ok((await help.boundingBox()).y < (await steps.first().boundingBox()).y, "the help is above the steps");

  await page.locator(`#${id} button[type=submit]`).click();
  // The count agrees with the marks on the steps, in English grammar: "1 of 8 steps is", "2 of 8 steps are".
  const inPlace = await page.locator(`#${id} .step-mark`, { hasText: "✓ in place" }).count();
  assert.equal(await page.locator(`#${id} .step-mark`, { hasText: "✗ not yet" }).count(), n - inPlace);
  assert.match(await feedback(page, id).textContent(), new RegExp(`^✗ ${inPlace}\u00a0of ${n} steps ${inPlace === 1 ? "is" : "are"} in the right place\\.`));
  const forms = await page.evaluate((total) => [0, 1, 2].map((k) => window.alsite.t("practice.order_partly", { n: k, total })), n);
  assert.deepEqual(forms, [`0\u00a0of ${n} steps are in the right place.`, `1\u00a0of ${n} steps is in the right place.`, `2\u00a0of ${n} steps are in the right place.`]);
  for (let target = 0; target < n; target++) {
    let at = (await positions()).indexOf(target + 1);
    const up = steps.nth(at).locator("button.up");
    await up.focus();
    while (at > target) {
      await page.keyboard.press("Enter");
      at--;
    }
  }
  assert.deepEqual(await positions(), [...Array(n).keys()].map((i) => i + 1));
  await page.locator(`#${id} button[type=submit]`).click();
  assert.match(await feedback(page, id).textContent(), /^✓ Right: that is the order\./);
  assert.deepEqual(await axeViolations(page), []);
  await page.reload();
  assert.deepEqual(await positions(), [...Array(n).keys()].map((i) => i + 1), "order kept over a reload");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("order: a step can be dragged with the pointer", async () => {
  const file = "practice/session-flow.html";
  const data = embedded(SITE, file, "practice-data");
  const { page, problems } = await fresh(file);
  const id = data.items.find((i) => i.type === "order").id;
  const steps = page.locator(`#${id} li.step`);
  const positions = () => steps.evaluateAll((lis) => lis.map((li) => Number(li.dataset.position)));
  const before = await positions();
  const at = before.indexOf(1);
  assert.notEqual(at, 0, "the first step is not already first");
  // The whole list in view, so nothing scrolls under the pointer.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await steps.nth(at).dragTo(steps.nth(0));
  // The drop can reach the page after dragTo returns: wait for the step to
  // arrive (the assertion below says what the list became if it never does).
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.position === "1", `#${id} li.step`, { timeout: 5000 }).catch(() => {});
  const after = await positions();
  assert.equal(after[0], 1, `dragged to the top: ${after}`);
  assert.equal(after.length, before.length);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a corrupt or foreign saved state never breaks the page", async () => {
  const file = "practice/coach-questions.html";
  const { page, problems } = await fresh(file);
  await page.evaluate(() => localStorage.setItem(alsite.progress.storageKey("alsite-practice:coach-questions"), "{not json"));
  await page.reload();
  assert.ok(await page.locator("form.interactive").first().isVisible());
  await page.evaluate(() => localStorage.setItem(alsite.progress.storageKey("alsite-practice:coach-questions"), JSON.stringify({ v: 1, items: { "item-1": { answer: "x" }, "item-2": 7 } })));
  await page.reload();
  await page.locator("#item-1 label.option").nth(1).click();
  await page.locator("#item-1 button[type=submit]").click();
  assert.match(await feedback(page, "item-1").textContent(), /Right\./);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("the practice index lists every set with its exercise count", async () => {
  const { page } = await open(browser.context, fileUrl("practice/index.html"), "file://");
  const cards = page.locator(".set-list .card");
  assert.equal(await cards.count(), 4);
  // Each card says what its exercises ask in words a visitor knows: the
  // kind alone when every exercise is one kind, else how many of each.
  assert.match(await cards.filter({ hasText: "From statements to open questions" }).textContent(), /12\u00a0exercises: rewriting questions(?!,)/);
  const mixed = cards.filter({ has: page.locator(".card-meta", { hasText: "," }) });
  assert.equal(await mixed.count(), 1);
  assert.match(await mixed.locator(".card-meta").textContent(), /^3\u00a0exercises: 1 putting steps in order, 2 multiple choice$/);
  // The glossary of question types, from question-types.yaml.
  assert.equal(await page.locator("dl.types .type").count(), 15);
  assert.equal(await page.locator("dl.types .avoid").count(), 5);
  assert.match(await page.locator("#type-leading").textContent(), /Leading\s+avoid.*Wouldn't it be better to wait a quarter\?/s);
  assert.deepEqual(await axeViolations(page), []);
  const first = cards.first().locator("a");
  const href = await first.getAttribute("href");
  const title = await first.locator(".card-title").textContent();
  await first.click();
  await page.waitForURL((u) => u.pathname.endsWith("/practice/" + href));
  assert.equal(await page.locator("h1").textContent(), title, "the card opens its set");
  await page.close();
});

test("without JavaScript a practice page is a complete exercise sheet", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const { page } = await open(noJs.context, fileUrl("practice/coach-questions.html"), "file://");
    assert.equal(await page.locator("form.interactive").first().isVisible(), false);
    assert.ok(await page.locator("ol.options").first().isVisible(), "options listed");
    const { page: steps } = await open(noJs.context, fileUrl("practice/session-flow.html"), "file://");
    assert.ok(await steps.locator("ol.steps").first().isVisible(), "steps listed");
    assert.equal(await steps.locator(".practice-item .help").first().isVisible(), false, "no buttons, no word of them");
    await steps.close();
    const details = page.locator("details.answer").first();
    await details.locator("summary").click();
    assert.match(await details.textContent(), /Answer: B/);
    assert.deepEqual(await axeViolations(page).catch(() => []), []);
    await page.close();
  } finally {
    await noJs.close();
  }
});

test("two sites on one disk (a USB stick) keep their answers apart", async () => {
  // Every page opened from disk shares one browser store: the second copy
  // of the site, in another folder, must not show the first one's answers.
  const fs = require("node:fs");
  const path = require("node:path");
  const other = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "alsite-second-site-"));
  fs.cpSync(SITE, other, { recursive: true });
  const file = "practice/coach-questions.html";
  const { page, problems } = await fresh(file);
  await page.locator("#item-1 label.option").first().click();
  await page.locator("#item-1 button[type=submit]").click();
  await feedback(page, "item-1").waitFor();
  assert.match(await score(page).textContent(), /^Answered 1 of/);
  await page.goto("file://" + path.join(other, file));
  await page.locator(".practice-item form.interactive").first().waitFor();
  assert.equal(await score(page).isVisible(), false, "no answers carried over");
  await page.goBack();
  await page.locator(".practice-item form.interactive").first().waitFor();
  assert.match(await score(page).textContent(), /^Answered 1 of/, "the first site's answers are still there");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
  fs.rmSync(other, { recursive: true, force: true });
});

// Answers are saved under an item's place in its set. When the trainer inserts
// an item above one a learner answered, the new item in that place does not
// take the old answer (shown as given, counted in the score); mending the
// feedback of the answered item keeps it.
test("an answer saved before the trainer changed the set is not shown on another item; a mended feedback keeps it", async () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const site = sampleCopy("alsite-changed-set-");
  const set = site.file("content/practice/coach-questions.yaml");
  const original = fs.readFileSync(set, "utf8");
  const build = (yaml) => {
    fs.writeFileSync(set, yaml);
    site.build();
  };
  const url = "file://" + path.join(site.out, "practice/coach-questions.html");
  build(original);
  const { page } = await open(browser.context, url, "file://");
  const item = page.locator("#item-1");
  await item.locator("label.option").nth(1).click();
  await item.locator("button[type=submit]").click();
  assert.match(await score(page).textContent(), /Answered 1 of/);

  // A typo mended in an option's feedback: the answer stays.
  const said = "It helps the presenter focus without judging what they said.";
  assert.ok(original.includes(said), "the sample's feedback is where this test expects it");
  build(original.replace(said, "It helps the presenter focus, without judging what they said."));
  await page.reload();
  assert.match(await score(page).textContent(), /Answered 1 of/, "kept after a feedback edit");
  assert.ok((await item.locator(".feedback").textContent()).trim() !== "", "the answer is shown again");

  // A new first item: the answer given to the old first one is neither
  // shown on the new one nor counted.
  const items = "items:\n";
  const added = items + '  - type: choose\n    prompt: A new first moment.\n    options:\n'
    + '      - { text: "One", feedback: "Not this." }\n      - { text: "Two", correct: true, feedback: "This." }\n'
    + '      - { text: "Three", feedback: "Not this either." }\n';
  build(original.replace(items, added));
  await page.reload();
  assert.match(await item.textContent(), /A new first moment/, "the new item is first");
  assert.equal((await item.locator(".feedback").textContent()).trim(), "", "the new first item shows no answer");
  assert.equal(await item.locator("input:checked").count(), 0, "and has no option chosen");
  assert.equal((await score(page).textContent()).trim(), "", "nothing counted as answered");
  await page.close();
  site.remove();
});

test("a browser that keeps no site data (a frame that forbids storage): the set says answers last only while the page is open, and still works", async () => {
  const file = "practice/coach-questions.html";
  // Nothing kept from the tests before (which answered this set).
  const { page } = await fresh(file);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("blocked", "SecurityError"); };
  });
  await page.reload({ waitUntil: "load" });
  assert.match(await page.locator(".item-count").innerText(), /This browser does not let the site keep your answers: they last only while this page is open\.$/);
  const first = page.locator(".practice-item").first();
  await first.locator("input[type=radio]").first().check({ force: true });
  await first.getByRole("button", { name: "Check" }).click();
  await first.locator(".feedback").waitFor({ state: "visible" });
  assert.deepEqual(errors, []);
  await page.close();
  // Where the browser keeps them, the line says so.
  const { page: kept } = await fresh(file);
  assert.match(await kept.locator(".item-count").innerText(), /Your answers are saved in this browser only\.$/);
  await kept.close();
});

test("the practice index: a set's card says how far the reader got in it, from the answers its page keeps", async () => {
  const { page, problems } = await fresh("practice/coach-questions.html");
  const first = page.locator(".practice-item").first();
  await first.locator("input[type=radio]").first().check({ force: true });
  await first.getByRole("button", { name: "Check answer" }).click();
  await first.locator(".feedback").waitFor({ state: "visible" });
  const score = await page.locator(".progress .score").innerText();
  await page.goto(fileUrl("practice/index.html"));
  const cards = page.locator(".set-list .card");
  const card = cards.filter({ hasText: "Choosing the coach's question" });
  // The same words as the set's own score line.
  assert.equal(await card.locator(".card-progress").innerText(), score);
  assert.match(score, /^Answered 1 of 9, [01] right\.$/);
  // A set not started says nothing.
  const others = cards.filter({ hasNotText: "Choosing the coach's question" });
  assert.equal(await others.locator(".card-progress:visible").count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  // Start over on the set: the card says nothing again.
  await page.goto(fileUrl("practice/coach-questions.html"));
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Yes, clear my answers" }).click();
  await page.goto(fileUrl("practice/index.html"));
  await page.locator(".set-list").waitFor();
  assert.equal(await page.locator(".card-progress:visible").count(), 0);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});
