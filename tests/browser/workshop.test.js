"use strict";
// Workshops in a real browser, from disk: computed clock times on the agenda,
// the facilitator guide and the handout printed to PDF (the handout without a
// word of the facilitator notes, the guide with all of them), a timer run and
// paused and run out, and axe-core on every workshop page.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, open, fileUrl, axeViolations, contrast } = require("./helpers");

const BIN = process.env.ALSITE_BIN;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const W = "workshops/foundations/";

test("the agenda shows every clock time worked out", async () => {
  const { page, problems } = await open(browser.context, fileUrl(W + "index.html"), "file://");
  const day1 = page.locator("section.day").nth(0);
  const rows = await day1.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => `${r[0]}-${r[1]}`), ["09:00-10:00", "10:00-10:15", "10:15-11:30", "11:30-12:30", "12:30-13:30", "13:30-15:00", "15:00-15:15", "15:15-16:00", "16:00-17:00"]);
  assert.match(rows[5][2], /^The power of questions \(1\u00a0h\u00a030\u00a0min\)$/, "a length over an hour as the module's page gives it");
  assert.match(await day1.locator(".day-summary").textContent(), /ends at 17:00\. Teaching time: 6\u00a0h\u00a030\u00a0min of 8\u00a0h\./);
  const day2 = page.locator("section.day").nth(1);
  assert.match(await day2.locator("h2").textContent(), /Day 2: 09:00–16:15/);
  assert.equal(await day1.locator(".timeline .seg").count(), rows.length, "one timeline segment per slot");
  // The bar's key: each colour named, in the colour the bar gives it.
  assert.equal((await day1.locator(".timeline-key").textContent()).replace(/\s+/g, " ").trim(), "Module Break");
  const colours = await day1.evaluate((day) => {
    const css = (sel, prop) => getComputedStyle(day.querySelector(sel))[prop];
    return {
      module: [css(".timeline .seg:not(.seg-break)", "fill"), css(".timeline-key .swatch:not(.swatch-break)", "backgroundColor")],
      break: [css(".timeline .seg-break", "fill"), css(".timeline-key .swatch-break", "backgroundColor")],
    };
  });
  assert.equal(colours.module[0], colours.module[1]);
  assert.equal(colours.break[0], colours.break[1]);
  assert.notEqual(colours.module[0], colours.break[0]);
  // A day without a break names no break colour.
  const noBreak = await page.context().newPage();
  await noBreak.goto(fileUrl("workshops/demo-event/index.html"));
  assert.equal((await noBreak.locator(".timeline-key").first().textContent()).trim(), "Module");
  assert.equal(await noBreak.locator(".timeline .seg-break").count(), 0);
  await noBreak.close();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

// Forced colours (Windows high contrast) drop the key's coloured swatches
// to empty boxes while the bar keeps its colours: the key must still match
// the bar, and module and break must still differ, on the agenda and in the
// facilitator guide.
test("in forced colours a day's timeline key still matches its bar", async () => {
  for (const file of ["workshops/intro-training/index.html", "workshops/intro-training/facilitator.html"]) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(fileUrl(file));
    const day = page.locator("section.day, .day").first();
    const colours = await page.evaluate(() => {
      const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {
        module: [css(".timeline .seg:not(.seg-break)", "fill"), css(".timeline-key .swatch:not(.swatch-break)", "backgroundColor")],
        break: [css(".timeline .seg-break", "fill"), css(".timeline-key .swatch-break", "backgroundColor")],
      };
    });
    assert.ok(await day.count(), file);
    assert.equal(colours.module[0], colours.module[1], `${file}: the module swatch is the module segments' colour`);
    assert.equal(colours.break[0], colours.break[1], `${file}: the break swatch is the break's colour`);
    assert.notEqual(colours.module[0], colours.break[0], `${file}: module and break differ`);
    await page.close();
  }
});

function pdfText(file) {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

test("printed, the handout has no facilitator notes and the guide has all of them", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-pdf-"));
  try {
    const { page } = await open(browser.context, fileUrl(W + "facilitator.html"), "file://");
    assert.deepEqual(await axeViolations(page), [], "guide");
    // The first words of every paragraph of every note, as a reader would quote them.
    const notes = await page.locator(".facilitator-notes p").evaluateAll((ps) => ps.map((p) => p.textContent.replace(/\s+/g, " ").trim().split(" ").slice(0, 6).join(" ")));
    assert.ok(notes.length >= 10, `${notes.length} note paragraphs`);
    await page.pdf({ path: path.join(dir, "guide.pdf"), format: "A4" });
    await page.goto(fileUrl(W + "handout.html"));
    assert.deepEqual(await axeViolations(page), [], "handout");
    await page.pdf({ path: path.join(dir, "handout.pdf"), format: "A4" });
    await page.close();

    const guide = pdfText(path.join(dir, "guide.pdf"));
    const handout = pdfText(path.join(dir, "handout.pdf"));
    for (const note of notes) {
      assert.ok(guide.includes(note), `guide has "${note}"`);
      assert.ok(!handout.includes(note), `handout leaks "${note}"`);
    }
    assert.ok(!handout.includes("Facilitator notes"));
    assert.ok(handout.includes("L = P + Q") && handout.includes("Day 1: 09:00–17:00"));
    assert.ok(guide.includes("Materials checklist") && guide.includes("Observer sheets"));
    assert.ok(!guide.includes("Skip to content") && !handout.includes("Skip to content"), "no navigation in print");
    const pages = (file) => Number(execFileSync("pdfinfo", [file], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)[1]);
    // The guide starts each module on a page of its own; the handout's modules run on.
    const [guidePages, handoutPages] = [pages(path.join(dir, "guide.pdf")), pages(path.join(dir, "handout.pdf"))];
    assert.ok(guidePages >= 11, `one module per printed page of the guide: ${guidePages} pages`);
    assert.ok(handoutPages < guidePages, `the handout's modules run on: ${handoutPages} pages, the guide ${guidePages}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a timer runs, pauses, survives a reload, resets, and shows when time is up", async () => {
  const file = W + "power-of-questions.html";
  const { page, problems } = await open(browser.context, fileUrl(file), "file://");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const first = page.locator("#activity-1");
  const display = first.locator(".timer-display");
  assert.equal(await display.textContent(), "20:00");
  assert.deepEqual(await axeViolations(page), [], "before starting");
  await first.locator(".timer-start").focus();
  await page.keyboard.press("Enter");
  // The display counts down from a timer: wait until it shows two seconds gone.
  await page.waitForFunction(() => !["20:00", "19:59"].includes(document.querySelector("#activity-1 .timer-display").textContent), null, { timeout: 5000 });
  await page.keyboard.press("Enter");
  const paused = await display.textContent();
  // (Two seconds gone or more: a busy machine may take a moment to press.)
  assert.match(paused, /^19:5[0-8]$/);
  assert.equal(await first.locator(".timer-status").textContent(), `Paused at ${paused}.`);
  assert.equal(await first.locator(".timer-start").textContent(), "Resume");
  await page.waitForTimeout(1200);
  assert.equal(await display.textContent(), paused, "a paused timer stays still");
  await page.reload();
  assert.equal(await display.textContent(), paused, "and survives a reload");

  await first.locator(".timer-next").click();
  const second = page.locator("#activity-2");
  assert.equal(await second.locator(".timer-start").textContent(), "Pause", "next activity starts its timer");
  assert.ok(await second.evaluate((li) => li.classList.contains("is-running")));
  await second.locator(".timer-reset").click();
  await second.locator(".timer-start").click();
  await second.locator(".timer-start").click();
  await second.locator(".timer-reset").click();
  assert.equal(await second.locator(".timer-display").textContent(), "30:00");

  // Let a timer run out: one that ends in a second, as if started long ago.
  await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ "15 What changes when you ask?": { endsAt: Date.now() + 1000 } }));
  });
  await page.reload();
  const last = page.locator("#activity-4");
  await page.waitForFunction(() => document.querySelector("#activity-4").classList.contains("is-done"), null, { timeout: 5000 });
  assert.equal(await last.locator(".timer-display").textContent(), "00:00");
  assert.equal(await last.locator(".timer-status").textContent(), "Time is up for What changes when you ask?.");
  assert.match(await page.title(), /^⏰ Time is up · /);
  assert.deepEqual(await axeViolations(page), [], "with a timer run out");
  // The trainer moves on: with another timer running, the tab's title is the page's again.
  await page.locator("#activity-1 .timer-start").click();
  assert.doesNotMatch(await page.title(), /Time is up/);
  await page.locator("#activity-1 .timer-start").click();
  assert.match(await page.title(), /^⏰ Time is up · /, "paused again, the time that ran out is what the tab says");
  await page.locator("#activity-1 .timer-reset").click();

  // A time that runs out on the open page: half an hour later it still opens afresh.
  await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ "15 What changes when you ask?": { endsAt: Date.now() + 500 } }));
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector("#activity-4").classList.contains("is-done"), null, { timeout: 5000 });
  const upOnPage = await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    const saved = JSON.parse(localStorage.getItem(alsite.progress.storageKey(key))).items["15 What changes when you ask?"];
    // As if that was 31 minutes ago.
    saved.upAt -= 31 * 60000;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ "15 What changes when you ask?": saved }));
    return saved;
  });
  assert.equal(upOnPage.remaining, 0, JSON.stringify(upOnPage));
  await page.reload();
  assert.equal(await last.locator(".timer-display").textContent(), "15:00");
  assert.ok(!(await last.evaluate((li) => li.classList.contains("is-done"))));

  // Half an hour after its time was up (the module runs again after lunch), the timer opens afresh.
  await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ "15 What changes when you ask?": { endsAt: Date.now() - 31 * 60000 } }));
  });
  await page.reload();
  assert.equal(await last.locator(".timer-display").textContent(), "15:00");
  assert.equal(await last.locator(".timer-start").textContent(), "Start");
  assert.ok(!(await last.evaluate((li) => li.classList.contains("is-done"))));
  assert.doesNotMatch(await page.title(), /Time is up/);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a timer in full screen fills a projector's screen, goes on to the next activity there, and gives the page back", async () => {
  const { page, problems } = await open(browser.context, fileUrl(W + "six-components.html"), "file://");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const first = page.locator("#activity-1");
  const enlarge = first.getByRole("button", { name: "Full screen" });
  await enlarge.click();
  await page.waitForFunction(() => document.fullscreenElement);
  assert.deepEqual(await page.locator(".activity").evaluateAll((lis) => lis.filter((li) => li.getBoundingClientRect().height > 0).map((li) => li.id)), ["activity-1"], "the activity alone");
  await first.getByRole("button", { name: "Leave full screen" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Start", "the focus on Start");
  const digits = await first.locator(".timer-display").boundingBox();
  assert.ok(digits.height >= 720 / 4, `the time is a quarter of the screen high or more (${digits.height} px)`);
  await page.keyboard.press("Enter");
  assert.equal(await first.locator(".timer-start").textContent(), "Pause");
  assert.deepEqual(await axeViolations(page), [], "in full screen");
  // Next activity: the next one starts and takes the screen.
  await first.locator(".timer-next").click();
  await page.waitForFunction(() => document.querySelector("#activity-2").getBoundingClientRect().height > 0 && document.querySelector("#activity-1").getBoundingClientRect().height === 0);
  assert.ok(await page.evaluate(() => Boolean(document.fullscreenElement)), "still in full screen");
  assert.equal(await page.locator("#activity-2 .timer-start").textContent(), "Pause");
  // (Escape is the browser's own way out; headless Chromium has no such key of its own.)
  await page.locator("#activity-2").getByRole("button", { name: "Leave full screen" }).click();
  await page.waitForFunction(() => !document.fullscreenElement);
  await page.locator("#activity-2").getByRole("button", { name: "Full screen", exact: true }).waitFor();

  // Going on, in full screen, to an activity whose time is already up: the focus stays on a button (Reset).
  await page.evaluate(() => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ "20 Walking the cycle": { remaining: 0, upAt: Date.now() } }));
  });
  await page.reload();
  await first.getByRole("button", { name: "Full screen" }).click();
  await first.getByRole("button", { name: "Leave full screen" }).waitFor();
  await first.locator(".timer-next").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#activity-2").getBoundingClientRect().height > 0);
  assert.equal(await page.evaluate(() => document.activeElement.closest("#activity-2") && document.activeElement.textContent), "Reset");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

// The facilitator guide's materials checklist: on a dark page the browser's
// own checkbox is a grey filled square, which reads as switched off; the
// theme draws an empty square, as for a practice answer, in light and dark,
// and leaves it to the system in forced colours.
test("a materials checklist's box not ticked is an empty square, 3:1 against the page; a ticked one stands out, light, dark and forced colours", async () => {
  for (const media of [{ colorScheme: "light" }, { colorScheme: "dark" }, { forcedColors: "active" }]) {
    const { page } = await open(browser.context, fileUrl(W + "facilitator.html"), "file://");
    await page.emulateMedia(media);
    const boxes = page.locator(".checklist input[type=checkbox]");
    await boxes.nth(1).check();
    const look = await boxes.evaluateAll((els) => els.map((box) => {
      const s = getComputedStyle(box);
      let seen = box.parentElement;
      while (seen.parentElement && /^rgba\(.*, 0\)$|^transparent$/.test(getComputedStyle(seen).backgroundColor)) seen = seen.parentElement;
      return { checked: box.checked, drawn: s.appearance, ring: s.borderTopColor, ringWidth: parseFloat(s.borderTopWidth), fill: s.backgroundColor, accent: s.accentColor, paper: getComputedStyle(seen).backgroundColor };
    }));
    const name = JSON.stringify(media);
    assert.ok(look.length >= 3 && look[1].checked, `${name}: the second box is ticked`);
    for (const [i, o] of look.entries()) {
      if (media.forcedColors) {
        assert.equal(o.drawn, "auto", `${name}, box ${i + 1}: the system draws it`);
        continue;
      }
      if (o.checked) {
        assert.ok(contrast(o.accent, o.paper) >= 3, `${name}: the ticked box (${o.accent}) has ${contrast(o.accent, o.paper).toFixed(2)}:1 on ${o.paper}`);
        continue;
      }
      assert.equal(o.drawn, "none", `${name}, box ${i + 1}: drawn by the theme, not the browser's grey square`);
      assert.ok(["rgba(0, 0, 0, 0)", o.paper].includes(o.fill) || contrast(o.fill, o.paper) < 1.2, `${name}, box ${i + 1}: the square is empty (${o.fill} on ${o.paper})`);
      assert.ok(o.ringWidth >= 1.5 && contrast(o.ring, o.paper) >= 3, `${name}, box ${i + 1}: its border ${o.ring} has ${contrast(o.ring, o.paper).toFixed(2)}:1 on ${o.paper}`);
    }
    await page.close();
  }
});

test("module pages link their practice sets and sessions and each other", async () => {
  const { page, problems } = await open(browser.context, fileUrl(W + "six-components.html"), "file://");
  assert.match(await page.locator(".lede").textContent(), /Day 1, 10:15–11:30 · 1\u00a0h\u00a015\u00a0min/);
  await page.locator(".activity-link a", { hasText: "The rota tool nobody uses" }).click();
  await page.waitForLoadState("load");
  assert.ok(page.url().endsWith("/sessions/rota-tool.html"), page.url());
  await page.goBack();
  await page.locator(".pager-next").click();
  await page.waitForLoadState("load");
  assert.equal((await page.locator("h1").textContent()).trim(), "The two ground rules");
  await page.goto(fileUrl("workshops/index.html"));
  assert.equal(await page.locator(".set-list .card").count(), 3);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a timer paused before the trainer edits the module stays with its activity", async () => {
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-timer-"));
  try {
    const root = path.join(dir, "site"), out = path.join(dir, "out");
    execFileSync(BIN, ["new", root], { stdio: "pipe" });
    const build = () => execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
    build();
    const url = "file://" + path.join(out, W, "six-components.html");
    const { page, problems } = await open(browser.context, url, "file://");
    const shown = () => page.locator("li.activity").evaluateAll((lis) => lis.map((li) =>
      `${li.querySelector(".activity-title").textContent} ${li.querySelector(".timer-display").textContent} ${li.querySelector(".timer-start").textContent}`));
    await page.locator("#activity-1 .timer-start").click();
    await page.waitForFunction(() => document.querySelector("#activity-1 .timer-display").textContent !== "30:00", null, { timeout: 5000 });
    await page.locator("#activity-1 .timer-start").click();
    const paused = await page.locator("#activity-1 .timer-display").textContent();
    await page.locator("#activity-2 .timer-reset").click();

    // The morning of the workshop: an energiser above it, and five minutes more for the walk.
    const file = path.join(root, "content", W, "six-components.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8")
      .replace("minutes: 75", "minutes: 85")
      .replace("activities:\n", "activities:\n  - { title: Energiser, minutes: 5, kind: discussion }\n")
      .replace("Walking the cycle\", minutes: 20", "Walking the cycle\", minutes: 25"));
    build();
    await page.reload();
    assert.deepEqual(await shown(), [
      "Energiser 05:00 Start",
      `The six components ${paused} Resume`,
      "Walking the cycle 25:00 Start",
      "A demo session, step by step 25:00 Start",
    ]);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// WCAG 1.4.12 and 1.4.10: a reader's own spacing on a 320 px screen.
const TEXT_SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

test("in the facilitator guide, a module run twice wraps its activities' clock times between runs, leaving the activity its room", async () => {
  const { page, problems } = await open(browser.context, fileUrl(W + "facilitator.html"), "file://");
  await page.setViewportSize({ width: 1280, height: 900 });
  const row = page.locator("#live-sessions-rotating .activities-table tbody tr").first();
  assert.match(await row.locator("td.time").textContent(), /^10:30–11:45 and 13:00–14:15$/);
  const [time, activity] = await row.evaluate((tr) => [tr.cells[0], tr.cells[1]].map((c) => c.getBoundingClientRect().width));
  assert.ok(time < activity, `the time cell (${time} px) is narrower than the activity's (${activity} px)`);
  // Each run's times stay whole on their line: "10:30–" never ends a line.
  const lines = await row.evaluate((tr) => [...tr.cells[0].querySelectorAll(".clock")].map((c) => c.getClientRects().length));
  assert.deepEqual(lines, [1, 1]);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("an activity of a module run twice wraps between its clock times, inside its card, at 320 px with wider text spacing", async () => {
  const { page, problems } = await open(browser.context, fileUrl(W + "live-sessions-rotating.html"), "file://");
  await page.setViewportSize({ width: 320, height: 640 });
  await page.addStyleTag({ content: TEXT_SPACING });
  const head = page.locator("#activity-1 .activity-head");
  assert.match(await head.textContent(), /10:30–11:45 and 13:00–14:15/);
  const out = await head.evaluate((h) => {
    const card = h.closest(".activity").getBoundingClientRect();
    return [...h.querySelectorAll("span")].filter((s) => s.getBoundingClientRect().right > card.right + 0.5).map((s) => s.textContent);
  });
  assert.deepEqual(out, [], "nothing runs past the card's edge");
  // Each time span stays whole on its line: "10:30–" never ends a line.
  const lines = await head.evaluate((h) => [...h.querySelectorAll(".clock")].map((c) => c.getClientRects().length));
  assert.deepEqual(lines, [1, 1]);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, "no sideways scroll");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a timer runs on when the module's page is switched to another language", async () => {
  // The sample site in English and Polish, one module translated with its
  // activities' titles in Polish and their minutes as they are.
  const root = path.resolve(__dirname, "../..");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-timer-languages-"));
  try {
    for (const part of ["content", "themes"]) fs.cpSync(path.join(root, part), path.join(work, part), { recursive: true });
    const yaml = fs.readFileSync(path.join(root, "site.yaml"), "utf8");
    fs.writeFileSync(path.join(work, "site.yaml"), yaml.replace(/^language: en$/m, "") + "\nlanguages: [en, pl]\n");
    const module = path.join(work, "content", W, "what-is-action-learning");
    const translated = fs.readFileSync(module + ".md", "utf8")
      .replace('"Welcome and introductions"', '"Powitanie i przedstawienie się"')
      .replace('"Revans and L = P + Q"', '"Revans i L = P + Q"')
      .replace('"Problem or puzzle?"', '"Problem czy zagadka?"');
    fs.writeFileSync(module + ".pl.md", translated);
    // The workshop's other files as they are (a workshop is translated whole).
    const folder = path.join(work, "content", W);
    for (const file of fs.readdirSync(folder)) {
      const pl = file.replace(/\.(md|yaml)$/, ".pl.$1");
      if (!file.includes(".pl.") && !fs.existsSync(path.join(folder, pl))) fs.copyFileSync(path.join(folder, file), path.join(folder, pl));
    }
    execFileSync(BIN, ["build", "--root", work, "--out", path.join(work, "out")], { stdio: "pipe" });
    const url = (lang) => "file://" + path.join(work, "out", lang, W, "what-is-action-learning.html");
    const { page, problems } = await open(browser.context, url(""), "file://");
    const first = page.locator("#activity-1");
    await first.locator(".timer-start").click();
    await page.waitForFunction(() => document.querySelector("#activity-1 .timer-display").textContent !== "15:00", null, { timeout: 5000 });
    await first.locator(".timer-start").click(); // paused
    const paused = await first.locator(".timer-display").textContent();
    assert.notEqual(paused, "15:00");
    await page.goto(url("pl"));
    const pl = page.locator("#activity-1");
    assert.match(await pl.locator(".activity-title").textContent(), /Powitanie/);
    assert.equal(await pl.locator(".timer-display").textContent(), paused, "the Polish page shows the timer as it was paused");
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
