"use strict";
// What a screen reader gets, read from Chromium's accessibility tree (the CDP
// Accessibility domain) and from the live regions, while the page is used with
// the keyboard only: page titles, the session player's announcements and where
// its focus goes, live regions known before their words arrive, the search
// box's Tab order, the schedules' row headers, the timers' spoken minutes and
// the presenter view's focus, in English and Polish.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch, fileUrl } = require("./helpers");
const { embedded } = require("./site-data");

const SESSION = "sessions/rota-tool.html";
let browser;
before(async () => { browser = await launch(); });
let polishDir = null;
after(async () => {
  await browser.close();
  if (polishDir) fs.rmSync(polishDir, { recursive: true, force: true });
});

async function fresh(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

/** The accessibility node of the element `expression` evaluates to:
 *  { role, name }, as a screen reader is told (and `description` when
 *  `withDescription`). */
async function axOf(page, expression, withDescription = false) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    if (!result.objectId) return null;
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { objectId: result.objectId, fetchRelatives: false });
    const n = nodes[0];
    const node = { role: n.role && n.role.value, name: ((n.name && n.name.value) || "").trim() };
    if (withDescription) node.description = ((n.description && n.description.value) || "").replace(/\s+/g, " ").trim();
    return node;
  } finally {
    await cdp.detach();
  }
}
const focused = (page) => axOf(page, "document.activeElement");
const announced = (page) => page.locator(".player .announcer").textContent();

/** Every page's file in a built site, from its root. */
function pages(dir, rel = "") {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) return pages(dir, p);
    return e.name.endsWith(".html") ? [p] : [];
  });
}

test("every page has a title of its own: a workshop's module says its workshop", async () => {
  const page = await browser.context.newPage();
  const seen = new Map();
  for (const file of pages(SITE)) {
    await page.goto(fileUrl(file));
    const title = await page.title();
    assert.ok(!seen.has(title), `“${title}” is the title of ${seen.get(title)} and of ${file}`);
    seen.set(title, file);
  }
  await page.goto(fileUrl("workshops/foundations/ground-rules.html"));
  assert.equal(await page.title(), "The two ground rules · Foundations of Action Learning · Action Learning in Practice");
  await page.close();
});

test("a practice answer reached by Tab says what it is about: the statement to rewrite, the question to name", async () => {
  let page = await fresh(fileUrl("practice/open-questions.html"));
  await page.locator(".site-nav a").last().focus();
  for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement.tagName)) !== "TEXTAREA"; i++) await page.keyboard.press("Tab");
  const statement = (await page.locator("#item-1 blockquote.statement").textContent()).trim();
  const hint = (await page.locator("#item-1 .hint").textContent()).trim().replace(/\s+/g, " ");
  assert.deepEqual(await axOf(page, "document.activeElement", true),
    { role: "textbox", name: "Your open question", description: `${statement} ${hint}` });
  await page.close();

  page = await fresh(fileUrl("practice/naming-question-types.html"));
  const question = (await page.locator("#item-1 blockquote.question").textContent()).trim();
  await page.locator("#item-1 input[type=radio]").first().focus();
  const group = await axOf(page, "document.activeElement.closest('fieldset')");
  assert.deepEqual(group, { role: "group", name: `What type of question is this? ${question}` }, "the group a screen reader says on entering it");
  await page.close();
});

test("stepping through a session, a screen reader hears each new stage before its first turn, and the end", async () => {
  const data = embedded(SITE, SESSION, "session-data");
  const pauses = new Set(embedded(SITE, SESSION, "pause-data").items.map((p) => p.turn));
  const page = await fresh(fileUrl(SESSION));
  await page.locator(".player .next").focus();
  const stageAt = (n) => data.stages.filter((s) => s.first <= n).length;
  for (let n = 2; n <= data.turns; n++) {
    if (pauses.has(n - 1)) {
      await page.locator(`#turn-${n - 1} .skip-pause`).focus();
      await page.keyboard.press("Enter");
    } else {
      await page.keyboard.press("Enter");
    }
    const said = await announced(page);
    const s = stageAt(n);
    const opens = stageAt(n - 1) !== s;
    const head = `Stage ${s} of ${data.stages.length}: ${data.stages[s - 1].title}. `;
    assert.equal(said.startsWith(head), opens, `turn ${n}: ${said}`);
    if (!pauses.has(n)) assert.match(said.slice(opens ? head.length : 0), /^[A-Z]\w+ (coach|presenter|member) (asks|answers|intervenes|says)( to: \w+)?: /, `the speaker, their role, then the words: ${said}`);
    assert.equal(said.endsWith(" End of the session."), n === data.turns, `turn ${n}: ${said}`);
  }
  assert.deepEqual(await focused(page), { role: "heading", name: "End of the session" }, "Next has ended: the focus is on the session's end");
  const second = data.stages[1];
  await page.locator(".stage-list a").nth(1).click();
  await page.keyboard.press("ArrowLeft");
  assert.match(await announced(page), new RegExp(`^Stage 1 of ${data.stages.length}: ${data.stages[0].title}\\. `), "back into the stage before, it is named again");
  await page.keyboard.press("ArrowRight");
  assert.ok((await announced(page)).startsWith(`Stage 2 of ${data.stages.length}: ${second.title}. `));
  await page.close();
});

test("at a pause a screen reader hears what it asks; once answered, Tab reaches a button that goes on", async () => {
  const pause = embedded(SITE, SESSION, "pause-data").items[0];
  const page = await fresh(fileUrl(SESSION));
  await page.locator(".player .next").focus();
  for (let i = 1; i < pause.turn; i++) await page.keyboard.press("Enter");
  const prompt = (await page.locator(`#${pause.id} .prompt`).textContent()).trim().replace(/\s+/g, " ");
  assert.equal(await announced(page), `Your turn: Choose the best answer: ${prompt}`);
  assert.deepEqual(await focused(page), { role: "paragraph", name: "Your turn: what would you do?" });

  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).role, "radio");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(page), { role: "button", name: "Check answer" });
  await page.keyboard.press("Enter");
  assert.match(await page.locator(`#${pause.id} .feedback[role=status]`).textContent(), /^✗ Not quite\./, "the verdict in words, in a live region");
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(page), { role: "button", name: "Go on to the next turn" }, "the way on is the next Tab stop, not the footer");
  await page.keyboard.press("Enter");
  assert.deepEqual(await focused(page), { role: "button", name: "Next →" });
  assert.match(await page.locator(".player .position").textContent(), new RegExp(`^Turn ${pause.turn + 1} of`));
  assert.match(await announced(page), /^\w+ member asks: /);
  assert.equal(await page.locator(`#turn-${pause.turn} .go-on`).isVisible(), false, "the button goes with the pause's turn");

  // Back at the answered pause the button is there again; → on it moves on
  // and hands the focus to Next rather than dropping it with the button.
  await page.keyboard.press("ArrowLeft");
  const goOn = page.locator(`#turn-${pause.turn} .go-on`);
  assert.equal(await goOn.isVisible(), true);
  await goOn.focus();
  await page.keyboard.press("ArrowRight");
  assert.match(await page.locator(".player .position").textContent(), new RegExp(`^Turn ${pause.turn + 1} of`));
  assert.deepEqual(await focused(page), { role: "button", name: "Next →" });
  await page.close();
});

// A live region is read out when its words change, if the screen reader
// already knows of it: one that enters the accessibility tree together with
// its words (shown, or no longer display: none, in the same step) may be
// passed over in silence.
const LIVE = "[role=status], [role=alert], [role=log], [aria-live]:not([aria-live=off])";

/** The live regions of the page (but those of a session's turns not shown
 *  yet) that a screen reader is not told of: "class: why". */
async function liveRegionsOutOfTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const count = await page.evaluate((sel) => document.querySelectorAll(sel).length, LIVE);
    const out = [];
    for (let i = 0; i < count; i++) {
      const expression = `document.querySelectorAll(${JSON.stringify(LIVE)})[${i}]`;
      const region = await page.evaluate(([sel, n]) => {
        const el = document.querySelectorAll(sel)[n];
        return { name: el.className || el.id, notShownYet: Boolean(el.closest(".turn[hidden], .stage[hidden]")) };
      }, [LIVE, i]);
      if (region.notShownYet) continue;
      const { result } = await cdp.send("Runtime.evaluate", { expression });
      const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { objectId: result.objectId, fetchRelatives: false });
      if (nodes[0].ignored) out.push(`${region.name}: ${(nodes[0].ignoredReasons || []).map((r) => r.name).join(", ")}`);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

test("every live region is in the accessibility tree, empty, before its words arrive: practice feedback, the score, a pause's feedback", async () => {
  const checks = [
    ["practice/coach-questions.html", "Choose an option first."],
    ["practice/naming-question-types.html", "Choose a type first."],
    ["practice/open-questions.html", "Type your question first."],
    ["practice/session-flow.html", null],
  ];
  for (const [file, first] of checks) {
    const page = await fresh(fileUrl(file));
    assert.ok(await page.locator(".practice-item .feedback").count() > 0 && await page.locator(".progress .score").count() === 1);
    assert.deepEqual(await liveRegionsOutOfTree(page), [], `${file}: before any answer`);
    assert.equal(await page.locator(".progress .score").textContent(), "", `${file}: no score yet`);
    const item = page.locator(".practice-item").first();
    if (first) {
      // Check with nothing chosen: the words come into a region the reader already knows.
      await item.locator("button[type=submit]").click();
      assert.equal(await item.locator(".feedback[role=status]").textContent(), first, file);
    }
    await page.close();
  }
  // The first score, then Start over: the regions empty again, and still known.
  const page = await fresh(fileUrl("practice/coach-questions.html"));
  await page.locator("#item-1 label.option").first().click();
  await page.locator("#item-1 button[type=submit]").click();
  assert.match(await page.locator(".progress .score[role=status]").textContent(), /^Answered 1 of /);
  await page.locator(".progress .reset").click();
  await page.locator(".progress .confirm-yes").click();
  assert.equal(await page.locator(".progress .score").textContent(), "");
  assert.deepEqual(await liveRegionsOutOfTree(page), [], "after Start over");
  await page.close();

  // A session: the announcer, and a pause's feedback once the pause is shown.
  const pause = embedded(SITE, SESSION, "pause-data").items[0];
  const session = await fresh(fileUrl(SESSION));
  assert.deepEqual(await liveRegionsOutOfTree(session), [], "a session at its start");
  await session.locator(".player .next").focus();
  for (let i = 1; i < pause.turn; i++) await session.keyboard.press("Enter");
  assert.equal(await session.locator(`#${pause.id} .feedback`).textContent(), "");
  assert.deepEqual(await liveRegionsOutOfTree(session), [], "a session at a pause");
  await session.close();
});

test("Tab from the search box goes on to the page, not into the box of results", async () => {
  const page = await fresh(fileUrl("about.html"));
  await page.keyboard.press("/");
  await page.keyboard.type("ground rule");
  await page.locator(".search-result").first().waitFor();
  await page.keyboard.press("Tab");
  const where = await page.evaluate(() => Boolean(document.activeElement.closest(".site-search")));
  assert.equal(where, false, `Tab stopped at ${JSON.stringify(await focused(page))}`);
  assert.deepEqual(await focused(page), { role: "link", name: "Home" });
  await page.close();
});

test("a schedule's rows are headed by their module or activity, so a column read down says which row", async () => {
  const page = await browser.context.newPage();
  for (const file of ["workshops/foundations/index.html", "workshops/foundations/facilitator.html"]) {
    await page.goto(fileUrl(file));
    const rows = await page.locator("table tbody tr").count();
    assert.ok(rows > 8, `${file}: ${rows} rows`);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    await cdp.detach();
    const headers = nodes.filter((n) => n.role && n.role.value === "rowheader").map((n) => n.name.value);
    assert.equal(headers.length, rows, `${file}: one row header a row`);
    assert.ok(headers.includes("The power of questions (1\u00a0h\u00a030\u00a0min)"), headers.join(" | "));
    assert.ok(headers.includes("Coffee (15\u00a0min)"), headers.join(" | "));
  }
  assert.ok((await page.locator(".activities-table tbody th[scope=row]", { hasText: "Welcome and introductions" }).count()) > 0);
  await page.close();
});

/** Runs the timer of the activity `id` on `page` as if started a while
 *  ago, with `ms` left, and reloads the page. */
async function runTimer(page, id, ms) {
  await page.evaluate(([activity, left]) => {
    const key = document.querySelector("[data-timer-key]").dataset.timerKey;
    // A timer is kept under its activity's minutes and title.
    const li = document.getElementById(activity);
    const timer = `${li.dataset.minutes} ${li.querySelector(".activity-title").textContent}`;
    localStorage.setItem(alsite.progress.storageKey(key), JSON.stringify({ [timer]: { endsAt: Date.now() + left } }));
  }, [id, ms]);
  await page.reload();
}

/** What the status line of the activity `id` says once its running timer
 *  passes `minutes` left (it is started just above them). */
async function saidAt(page, id, minutes) {
  await runTimer(page, id, minutes * 60000 + 2500);
  const status = page.locator(`#${id} .timer-status`);
  await page.waitForFunction((sel) => document.querySelector(sel).textContent, `#${id} .timer-status`, { timeout: 8000 });
  assert.equal(await status.getAttribute("role"), "status");
  return status.textContent();
}

test("a running timer is not read out every second, but says 5 and 1 minutes left", async () => {
  const page = await fresh(fileUrl("workshops/foundations/power-of-questions.html"));
  const display = await axOf(page, 'document.querySelector("#activity-2 .timer-display")');
  assert.equal(display.role, "timer", "a timer is a live region that is off: its ticks are not read");
  const title = (await page.locator("#activity-2 .activity-title").textContent()).trim();
  await runTimer(page, "activity-2", 50000);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator("#activity-2 .timer-status").textContent(), "", "a timer already under a minute when the page opens says nothing by itself");
  assert.equal(await saidAt(page, "activity-2", 5), `5\u00a0minutes left for ${title}.`);
  assert.equal(await saidAt(page, "activity-2", 1), `1\u00a0minute left for ${title}.`);
  await page.close();
});

test("entering the presenter view with the keyboard keeps the focus on its toggle", async () => {
  const page = await fresh(fileUrl(SESSION));
  await page.locator(".present-toggle").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.body.classList.contains("present"));
  assert.deepEqual(await focused(page), { role: "link", name: "Leave presenter view" });
  await page.keyboard.press("Escape");
  assert.deepEqual(await focused(page), { role: "link", name: "Presenter view" });
  await page.close();
});

/** The Polish sample (`alsite new --language pl`), built once, removed after all. */
let polish = null;
function polishSite() {
  if (polish) return polish;
  const BIN = process.env.ALSITE_BIN;
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  const dir = (polishDir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-sr-pl-")));
  execFileSync(BIN, ["new", path.join(dir, "site"), "--language", "pl"], { stdio: "pipe" });
  execFileSync(BIN, ["build", "--root", path.join(dir, "site"), "--out", path.join(dir, "out")], { stdio: "pipe" });
  polish = path.join(dir, "out");
  return polish;
}

test("in Polish the player says the stage, a pause's question and the end in Polish", async () => {
  const out = polishSite();
  const file = fs.readdirSync(path.join(out, "sessions")).find((f) => f !== "index.html");
  const data = embedded(out, `sessions/${file}`, "session-data");
  const pauses = embedded(out, `sessions/${file}`, "pause-data").items;
  const page = await fresh("file://" + path.join(out, "sessions", file));
  assert.equal(await page.evaluate(() => document.documentElement.lang), "pl");
  await page.locator(".player .next").focus();
  for (let n = 2; n <= data.stages[1].first; n++) await page.keyboard.press("Enter");
  assert.ok((await announced(page)).startsWith(`Etap 2 z\u00a0${data.stages.length}: ${data.stages[1].title}. `), await announced(page));
  const stepToStop = async () => {
    for (let i = 0; i < 200 && !(await page.locator(".player .next").isDisabled()); i++) await page.keyboard.press("Enter");
  };
  if (pauses.length) {
    await stepToStop();
    assert.match(await announced(page), /^Twoja kolej: \S.*: \S/);
    await page.locator(`#turn-${pauses[0].turn} .skip-pause`).click();
    await page.locator(`#turn-${pauses[0].turn} .skip-pause`).waitFor({ state: "hidden" });
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.locator(`#turn-${pauses[0].turn} .go-on`).textContent(), "Przejdź dalej");
  }
  await page.locator(".stage-list a").last().click();
  await stepToStop();
  assert.ok((await announced(page)).endsWith(" Koniec sesji."), await announced(page));
  await page.close();
});

test("in Polish a timer says the minutes left in the form Polish needs: 5 minut, 1 minuta", async () => {
  const out = polishSite();
  const workshop = fs.readdirSync(path.join(out, "workshops"), { withFileTypes: true }).find((e) => e.isDirectory()).name;
  const page = await browser.context.newPage();
  let found = null;
  for (const file of fs.readdirSync(path.join(out, "workshops", workshop))) {
    await page.goto("file://" + path.join(out, "workshops", workshop, file));
    found = await page.evaluate(() => {
      const li = [...document.querySelectorAll("li.activity[data-minutes]")].find((a) => Number(a.dataset.minutes) > 5);
      return li && { id: li.id, title: li.querySelector(".activity-title").textContent.trim() };
    });
    if (found) break;
  }
  assert.ok(found, "a module with an activity longer than 5 minutes");
  await page.evaluate(() => localStorage.clear());
  assert.equal(await saidAt(page, found.id, 5), `Zostało 5\u00a0minut: ${found.title}.`);
  assert.equal(await saidAt(page, found.id, 1), `Została 1\u00a0minuta: ${found.title}.`);
  await page.close();
});

test("the contact's e-mail link is named by the address as it reads, not broken into words where it may wrap", async () => {
  const page = await browser.context.newPage();
  await page.goto(fileUrl("index.html"));
  const node = await axOf(page, "document.querySelector('.contact-list a[href^=\"mailto:\"]')");
  assert.deepEqual(node, { role: "link", name: "hello@northbridge.example" });
  await page.close();
});
