"use strict";
// The demo-session player in a real browser, from disk: a whole session
// stepped through with the keyboard, every pause answered, resume after a
// reload, jumping to a stage, the transcript and presenter views, the coach's
// notes, screen-reader announcements and axe-core, and a session.html of a
// site's own theme made before the pause's Go on button (ALSITE_BIN builds it).

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, open, fileUrl, axeViolations, sampleCopy, stepOn } = require("./helpers");
const { embedded } = require("./site-data");

const SITE = process.env.ALSITE_SITE;
const FILE = "sessions/rota-tool.html";
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function fresh() {
  const opened = await open(browser.context, fileUrl(FILE), "file://");
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  return opened;
}

const position = (page) => page.locator(".player .position").textContent();
const visibleTurns = (page) => page.locator(".transcript .turn:visible");

async function answerPause(page, item) {
  const s = `#${item.id}`;
  if (item.type === "choose") {
    await page.locator(`${s} label.option`).nth(item.options.findIndex((o) => o.correct)).click();
  } else if (item.type === "classify") {
    await page.locator(`${s} input[value="${item.answer}"]`).check();
  } else if (item.type === "rewrite") {
    await page.locator(`${s} textarea`).fill(item.models[0]);
  } else {
    throw new Error(`no answer for ${item.type}`);
  }
  await page.locator(`${s} button[type=submit]`).click();
  await page.locator(`${s} .feedback .verdict`).waitFor();
  assert.match(await page.locator(`${s} .feedback`).textContent(), /^✓/, `${item.id} answered right`);
}

test("a whole session stepped through with the keyboard, every pause answered", async () => {
  const data = embedded(SITE, FILE, "session-data");
  const pauses = embedded(SITE, FILE, "pause-data").items;
  const byTurn = Object.fromEntries(pauses.map((p) => [p.turn, p]));
  assert.ok(pauses.length >= 4, `${pauses.length} pauses`);
  const { page, problems } = await fresh();
  assert.deepEqual(await axeViolations(page), [], "at the start");
  assert.equal(await position(page), `Turn 1 of ${data.turns} · Stage 1 of ${data.stages.length}: Opening`);
  assert.equal(await visibleTurns(page).count(), 1, "the conversation starts with one turn");
  assert.match(await visibleTurns(page).first().textContent(), /Ruth\s+coach\s+says/);

  await page.locator("body").click({ position: { x: 5, y: 300 } });
  let keys = 0;
  for (let n = 1; n < data.turns; n++) {
    const pause = byTurn[n];
    if (pause) {
      assert.equal(await page.locator(".player .next").isDisabled(), true, `Next waits at the pause on turn ${n}`);
      await page.keyboard.press("ArrowRight");
      assert.match(await position(page), new RegExp(`^Turn ${n} of`), "the arrow key waits too");
      await answerPause(page, pause);
      await page.locator(".player .next").focus();
    }
    await page.keyboard.press(keys++ % 2 ? "ArrowRight" : " ");
    assert.match(await position(page), new RegExp(`^Turn ${n + 1} of ${data.turns} `));
    const stage = data.stages.filter((s) => s.first <= n + 1).pop();
    assert.equal(await visibleTurns(page).count(), n + 2 - stage.first, "the stage so far");
    assert.equal(await visibleTurns(page).last().getAttribute("data-turn"), String(n + 1), "the newest turn last");
  }
  assert.equal(await page.locator(".player .next").textContent(), "The end");
  assert.match(await position(page), /Stage 10 of 10: Learning reflection/);
  const announced = await page.locator(".announcer").textContent();
  assert.match(announced, /^Grace member answers: In my own team meetings/, "screen readers hear the new turn");
  await page.keyboard.press("ArrowLeft");
  assert.match(await position(page), new RegExp(`^Turn ${data.turns - 1} of`));

  // A reload resumes at the same turn, with the pauses still answered.
  await page.reload();
  assert.match(await position(page), new RegExp(`^Turn ${data.turns - 1} of`));
  assert.match(await page.locator(`#${pauses[0].id} .feedback`).textContent(), /^✓/);
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a pause can be skipped, and the stage list jumps", async () => {
  const data = embedded(SITE, FILE, "session-data");
  const pauses = embedded(SITE, FILE, "pause-data").items;
  const { page, problems } = await fresh();
  assert.equal(await page.locator(".session-end").isVisible(), false, "no “End of the session” at the start");
  await page.locator(".stage-list a", { hasText: "Agreement on the problem" }).click();
  const agreement = data.stages.find((s) => s.title === "Agreement on the problem");
  assert.match(await position(page), new RegExp(`^Turn ${agreement.first} of ${data.turns} · Stage 5 of 10: Agreement on the problem`));
  assert.equal(await page.locator(".stage-list a[aria-current=step]").textContent(), "Agreement on the problem 6\u00a0min");
  assert.match(await visibleTurns(page).first().textContent(), /do we agree on what the problem is\?/);

  await page.locator(".stage-list a", { hasText: "Questions to understand" }).click();
  const first = pauses[0];
  while (!(await position(page)).startsWith(`Turn ${first.turn} of`)) await page.locator(".player .next").click();
  await page.locator(`#turn-${first.turn} .skip-pause`).click();
  assert.match(await position(page), new RegExp(`^Turn ${first.turn + 1} of`));
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

// The sticky player sits above the conversation: what is newly shown must be
// in the window, below the player, once the page stops scrolling.
async function inView(page, selector) {
  await page.waitForFunction(() => new Promise((done) => {
    let last = -1, still = 0;
    (function frame() {
      if (window.scrollY === last && ++still >= 10) return done(true);
      if (window.scrollY !== last) still = 0;
      last = window.scrollY;
      requestAnimationFrame(frame);
    })();
  }));
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const below = document.querySelector(".player").getBoundingClientRect().bottom;
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), below: Math.round(below), height: window.innerHeight };
  });
}

for (const [name, viewport] of [["a phone", { width: 390, height: 844 }], ["a laptop", { width: 1280, height: 800 }]]) {
  test(`on ${name}, the turn after a skipped pause and the last turn are scrolled into view`, async () => {
    const data = embedded(SITE, FILE, "session-data");
    const pause = embedded(SITE, FILE, "pause-data").items[0];
    const { page, problems } = await fresh();
    await page.setViewportSize(viewport);
    const next = page.locator(".player .next");
    while (!(await next.isDisabled())) await next.click();
    assert.match(await position(page), new RegExp(`^Turn ${pause.turn} of`));
    await page.locator(`#turn-${pause.turn} .skip-pause`).click();
    assert.match(await position(page), new RegExp(`^Turn ${pause.turn + 1} of`));
    let box = await inView(page, `#turn-${pause.turn + 1}`);
    assert.ok(box.top >= box.below - 1 && box.bottom <= box.height, `the turn after the skipped pause in view: ${JSON.stringify(box)}`);
    assert.ok(await page.evaluate(() => document.activeElement === document.querySelector(".player .next")), "the focus on Next");

    // The last turn: Next is disabled, the focus moves on to the session's end, and the page stays on the turn.
    await page.locator(".stage-list a").last().click();
    const last = data.turns;
    while (!(await position(page)).startsWith(`Turn ${last} of`)) {
      if (await next.isDisabled()) await page.locator(`.transcript .turn.is-current .skip-pause`).click();
      else await next.click();
    }
    assert.equal(await next.isDisabled(), true);
    assert.ok(await page.evaluate(() => document.activeElement === document.querySelector(".session-end h2")), "the focus on the session's end");
    box = await inView(page, `#turn-${last}`);
    assert.ok(box.top >= box.below - 1 && box.bottom <= box.height, `the last turn in view: ${JSON.stringify(box)}`);
    // A prospect who watched to the end is shown where to go next, in the window with the last turn.
    const ending = await inView(page, ".session-end");
    assert.ok(ending.top >= ending.below - 1 && ending.bottom <= ending.height, `where next in view: ${JSON.stringify(ending)}`);
    assert.equal(await page.locator(".session-end h2").textContent(), "End of the session");
    assert.deepEqual(await page.locator(".session-end a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")])),
      [["See what we offer", "../offers.html"], ["All demo sessions", "index.html"]]);
    await page.locator(".player .back").click();
    assert.equal(await page.locator(".session-end").isVisible(), false, "gone again before the last turn");
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  });
}

for (const viewport of [{ width: 320, height: 568 }, { width: 320, height: 200 }]) {
  test(`in a window of ${viewport.width}×${viewport.height} px (a small phone; 400 % zoom), Next at the last turn brings the session's end, which takes the focus, into view`, async () => {
    const data = embedded(SITE, FILE, "session-data");
    const { page, problems } = await fresh();
    await page.setViewportSize(viewport);
    const next = page.locator(".player .next");
    await page.locator(".stage-list a").last().click();
    while (!(await position(page)).startsWith(`Turn ${data.turns} of`)) {
      if (await next.isDisabled()) await page.locator(".transcript .turn.is-current .skip-pause").click();
      else { await next.focus(); await page.keyboard.press("Enter"); }
    }
    assert.ok(await page.evaluate(() => document.activeElement === document.querySelector(".session-end h2")), "the focus on the session's end");
    await inView(page, ".session-end h2");
    const box = await page.locator(".session-end h2").evaluate((el) => {
      const r = el.getBoundingClientRect();
      const player = document.querySelector(".player");
      const stuck = player.classList.contains("is-compact") ? player.querySelector(".player-controls") : player;
      const covered = getComputedStyle(stuck).position === "sticky" ? stuck.getBoundingClientRect().bottom : 0;
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), covered: Math.round(covered), height: window.innerHeight };
    });
    assert.ok(box.top >= box.covered - 1 && box.bottom <= box.height, `the focused heading in the window, below the controls: ${JSON.stringify(box)}`);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  });
}

for (const [name, options] of [
  ["a phone", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }],
  ["a laptop", { viewport: { width: 1280, height: 800 } }],
]) {
  test(`on ${name}, Next into a new stage shows the stage's heading below the controls, above its first turn`, async () => {
    const device = await launch(options);
    try {
      const { page, problems } = await open(device.context, fileUrl(FILE), "file://");
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      const press = (sel) => (options.hasTouch ? page.locator(sel).tap() : page.locator(sel).click());
      await press(".session-start a");
      const next = page.locator(".player .next");
      let stages = 0;
      for (let i = 0; i < 40 && !(await next.isDisabled()); i++) {
        await press(".player .next");
        const first = await page.evaluate(() => {
          const turn = document.querySelector(".transcript .turn.is-current");
          return turn.closest(".stage").querySelector(".turn") === turn ? turn.closest(".stage").id : null;
        });
        if (!first) continue;
        stages++;
        const heading = await inView(page, `#${first} h2`);
        const turn = await inView(page, ".transcript .turn.is-current");
        assert.ok(heading.top >= heading.below - 1, `${first}: its heading is not under the controls: ${JSON.stringify(heading)}`);
        assert.ok(turn.bottom <= turn.height, `${first}: its first turn is in the window: ${JSON.stringify(turn)}`);
      }
      assert.ok(stages >= 2, `${stages} stages begun`);
      assert.deepEqual(problems, { console: [], errors: [], outside: [] });
      await page.close();
    } finally {
      await device.close();
    }
  });
}

test("transcript view, the coach's notes and presenter view", async () => {
  const { page, problems } = await fresh();
  const data = embedded(SITE, FILE, "session-data");
  await page.locator(".stage-list a").nth(1).click();
  await page.locator(".player .next").click();
  assert.equal(await visibleTurns(page).count(), 2, "the stage so far");
  await page.locator(".transcript-toggle").click();
  assert.equal(await page.locator(".transcript-toggle").getAttribute("aria-pressed"), "true");
  assert.equal(await visibleTurns(page).count(), data.stages[1].first + 1, "everything so far");
  await page.locator(".transcript-toggle").click();
  assert.equal(await visibleTurns(page).count(), 2);

  await page.locator(".stage-list a", { hasText: "Opening" }).click();
  await page.locator(".player .next").click();
  const note = page.locator("#turn-2 details.coach-note");
  assert.equal(await note.locator("p").isVisible(), false, "the note is behind a toggle");
  await note.locator("summary").click();
  assert.match(await note.locator("p").textContent(), /not whether they agree/);
  assert.deepEqual(await axeViolations(page), []);

  await page.locator(".present-toggle").click();
  await page.waitForFunction(() => document.body.classList.contains("present"));
  assert.equal(await page.locator(".site-header").isVisible(), false);
  const size = await page.locator("#turn-2 .words").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 32, `large type for projecting: ${size}px`);
  assert.equal(await page.locator(".present-toggle").textContent(), "Leave presenter view");
  assert.deepEqual(await axeViolations(page), [], "presenter view");
  // A presentation clicker's Page Down and Page Up step through the turns.
  const now = () => page.locator(".player [role=progressbar]").getAttribute("aria-valuenow");
  const at = Number(await now());
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  assert.equal(Number(await now()), at + 2, "Page Down goes on");
  await page.keyboard.press("PageUp");
  assert.equal(Number(await now()), at + 1, "Page Up goes back");
  // At the last turn, Space presses nothing: the focus is on the turn, not Back.
  const total = Number(await page.locator(".player [role=progressbar]").getAttribute("aria-valuemax"));
  await page.locator(".player .next").focus();
  for (let i = 0; i < total + 5 && !(await page.locator(".player .next").isDisabled()); i++) {
    const skip = page.locator(".transcript .turn.is-current .skip-pause");
    if (await skip.count() && await skip.isVisible()) await skip.click(); else await page.keyboard.press("PageDown");
  }
  const last = Number(await now());
  await page.keyboard.press("Space");
  assert.equal(Number(await now()), last, "Space at the last turn in presenter view stays");
  await page.locator(".present-toggle").click();
  await page.waitForFunction(() => !document.body.classList.contains("present"));
  assert.ok(await page.locator(".site-header").isVisible());
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("without JavaScript a session is the full transcript", async () => {
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const { page } = await open(noJs.context, fileUrl(FILE), "file://");
    const data = embedded(SITE, FILE, "session-data");
    assert.equal(await visibleTurns(page).count(), data.turns);
    assert.equal(await page.locator(".player").isVisible(), false);
    assert.equal(await page.locator(".session-start").isVisible(), false, "no Start button where nothing plays");
    assert.ok(await page.locator(".session-end").isVisible(), "where to go next, below the transcript");
    await page.close();
  } finally {
    await noJs.close();
  }
});

test("the session index lists every session with its length, problem and roles", async () => {
  const { page } = await open(browser.context, fileUrl("sessions/index.html"), "file://");
  const cards = page.locator(".set-list .card");
  assert.equal(await cards.count(), 2);
  const text = await cards.filter({ hasText: "Onboarding that takes too long" }).textContent();
  assert.match(text, /60\u00a0minutes/);
  assert.match(text, /Coach: Helen · Presenter: Jonas · 6\u00a0members/);
  assert.match(text, /New support staff take four months/);
  // Its turns, as the player counts them, and of them the pauses where
  // the viewer answers.
  const file = "sessions/slow-onboarding.html";
  const pauses = embedded(SITE, file, "pause-data").items.length;
  const turns = embedded(SITE, file, "session-data").turns;
  assert.ok(pauses > 0);
  assert.match(text, new RegExp(` · ${turns}\u00a0turns, ${pauses}\u00a0to\u00a0answer · `));
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("on a phone's touch screen every control of the player is at least 44 px high", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const { page, problems } = await open(phone.context, fileUrl(FILE), "file://");
    await page.locator(".player .next").waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll(".player button, .player a, .stage-list a")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ text: el.textContent.trim(), height: el.getBoundingClientRect().height }))
        .filter((c) => c.height < 44));
    assert.deepEqual(small, []);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await phone.close();
  }
});

test("on a phone, Start the session under the introduction goes to the first turn, and later to where the visitor left off", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const { page, problems } = await open(phone.context, fileUrl(FILE), "file://");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const start = page.locator(".session-start a");
    assert.equal(await start.textContent(), "Start the session ↓");
    // On the first screen, where the cast and the controls below it are not.
    const box = await start.boundingBox();
    assert.ok(box.y + box.height <= 844 && box.height >= 44, JSON.stringify(box));
    assert.ok((await page.locator(".player .next").boundingBox()).y > 844, "the controls are below the first screen");
    await start.tap();
    const inView = async (sel) => page.locator(sel).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await page.waitForFunction(() => {
      const r = document.querySelector("#turn-1").getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight / 2;
    });
    assert.ok(await inView(".player .next"), "Next is on screen");
    assert.ok(await inView("#turn-1 .speaker"), "the first turn is on screen, below the controls");
    // The first stage's heading shows whole, below the stuck controls.
    await page.waitForFunction(() => {
      const heading = document.querySelector("#turn-1").closest(".stage").querySelector("h2, h3");
      const controls = document.querySelector(".player").getBoundingClientRect();
      return heading.getBoundingClientRect().top >= controls.bottom;
    });
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("next")), true);
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await page.reload();
    const total = embedded(SITE, FILE, "session-data").turns;
    assert.equal(await start.textContent(), `Go on from turn 4 of ${total} ↓`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    await phone.close();
  }
});

test("once a session has been watched to the end, Start the session starts it again at the first turn", async () => {
  const { page, problems } = await fresh();
  const data = embedded(SITE, FILE, "session-data");
  await page.evaluate(([key, total]) => {
    window.alsite.progress.open(key).set("player", { turn: total, pauses: {}, transcript: false });
  }, [data.key, data.turns]);
  await page.reload();
  const start = page.locator(".session-start a");
  assert.equal(await start.textContent(), "Start the session ↓");
  await start.click();
  assert.match(await position(page), /^Turn 1 of /);
  assert.equal(await start.textContent(), "Start the session ↓");
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("a session.html of the site's own theme, copied before the pause's Go on button, still plays", async () => {
  const repo = path.resolve(__dirname, "../..");
  const bin = process.env.ALSITE_BIN || path.join(repo, "target/debug/alsite");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-old-session-"));
  try {
    fs.cpSync(path.join(repo, "content"), path.join(dir, "content"), { recursive: true });
    fs.copyFileSync(path.join(repo, "site.yaml"), path.join(dir, "site.yaml"));
    const template = fs.readFileSync(path.join(repo, "themes/default/templates/session.html"), "utf8");
    const old = template.split("\n").filter((line) => !line.includes("go-on")).join("\n");
    assert.notEqual(old, template);
    fs.mkdirSync(path.join(dir, "themes/default/templates"), { recursive: true });
    fs.writeFileSync(path.join(dir, "themes/default/templates/session.html"), old);
    execFileSync(bin, ["build", "--root", dir, "--out", path.join(dir, "out")], { stdio: "pipe" });
    const { page, problems } = await open(browser.context, "file://" + path.join(dir, "out", FILE), "file://");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const pause = embedded(SITE, FILE, "pause-data").items[0];
    while (!(await page.locator(".player .next").isDisabled())) await page.locator(".player .next").click();
    assert.match(await position(page), new RegExp(`^Turn ${pause.turn} of`));
    await page.locator(`#turn-${pause.turn} .skip-pause`).click();
    assert.match(await position(page), new RegExp(`^Turn ${pause.turn + 1} of`));
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Steps on (Next, or Skip at a pause) until turn `turn`. */
async function stepTo(page, turn) {
  while (!(await position(page)).startsWith(`Turn ${turn} of`)) await stepOn(page, false);
}

test("back into an answered choice or classify pause, it stays settled: no Check answer to check it twice", async () => {
  const items = embedded(SITE, FILE, "pause-data").items;
  const pauses = ["choose", "classify"].map((type) => items.find((p) => p.type === type)).sort((a, b) => a.turn - b.turn);
  const { page, problems } = await fresh();
  for (const pause of pauses) {
    const s = `#${pause.id}`;
    await stepTo(page, pause.turn);
    await answerPause(page, pause);
    const checked = await page.locator(`${s} input`).evaluateAll((els) => els.map((e) => e.checked));
    await page.locator(`#turn-${pause.turn} .go-on`).click();
    await page.locator(".player .back").click();
    assert.match(await position(page), new RegExp(`^Turn ${pause.turn} of`));
    assert.equal(await page.locator(`${s} button[type=submit]`).isVisible(), false, `${pause.type}: no Check answer back at it`);
    assert.deepEqual(await page.locator(`${s} input`).evaluateAll((els) => els.map((e) => e.checked)), checked, `${pause.type}: the answer kept`);
    assert.equal(await page.locator(`${s} input:not(:disabled)`).count(), 0, `${pause.type}: its options settled`);
    assert.equal(await page.locator(`${s} .feedback .verdict`).count(), 1);
  }
  assert.deepEqual(problems, { console: [], errors: [], outside: [] });
  await page.close();
});

test("an order or rewrite pause gone on from is locked whole (arrows, dragging, Count my question as right), and open again on Back", async () => {
  const repo = path.resolve(__dirname, "../..");
  const bin = process.env.ALSITE_BIN || path.join(repo, "target/debug/alsite");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-order-pause-"));
  try {
    fs.cpSync(path.join(repo, "content"), path.join(dir, "content"), { recursive: true });
    fs.copyFileSync(path.join(repo, "site.yaml"), path.join(dir, "site.yaml"));
    // An order pause after the first pause of the sample session.
    const yaml = path.join(dir, "content/sessions/rota-tool.yaml");
    const text = fs.readFileSync(yaml, "utf8");
    const anchor = '      - { by: grace, ask: "Which nurses use the tool, and which don\'t?" }\n';
    assert.ok(text.includes(anchor));
    fs.writeFileSync(yaml, text.replace(anchor, anchor + [
      "      - pause:",
      "          type: order",
      "          prompt: \"Put the coach's moves in order.\"",
      "          steps:",
      "            - \"Listen to the answer\"",
      "            - \"Ask what it means to the presenter\"",
      "            - \"Check that the group is with you\"",
      "",
    ].join("\n")));
    const out = path.join(dir, "out");
    execFileSync(bin, ["build", "--root", dir, "--out", out], { stdio: "pipe" });
    const pauses = embedded(out, FILE, "pause-data").items;
    const order = pauses.find((p) => p.type === "order");
    const rewrite = pauses.find((p) => p.type === "rewrite");
    assert.ok(order && rewrite);
    const { page, problems } = await open(browser.context, "file://" + path.join(out, FILE), "file://");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const goTo = (turn) => stepTo(page, turn);
    const s = `#${order.id}`;
    const texts = () => page.locator(`${s} ol.steps .step-text`).allTextContents();
    const lockedState = () => page.locator(s).evaluate((item) => ({
      buttons: [...item.querySelectorAll("ol.steps button")].map((b) => b.disabled),
      draggable: [...item.querySelectorAll("ol.steps li")].map((li) => li.draggable),
    }));
    await goTo(order.turn);
    // Shown shuffled (never in the right order): checked as it is, it is wrong.
    const open0 = await lockedState();
    assert.ok(open0.draggable.every(Boolean) && open0.buttons.some((d) => !d), "movable while open");
    await page.locator(`${s} button[type=submit]`).click();
    await page.locator(`${s} .feedback .verdict`).waitFor();
    const shown = await texts();
    await page.locator(`#turn-${order.turn} .go-on`).click();
    const closed = await lockedState();
    assert.ok(closed.buttons.every(Boolean), `closed: every ↑ and ↓ disabled: ${closed.buttons}`);
    assert.ok(closed.draggable.every((d) => !d), `closed: no step draggable: ${closed.draggable}`);
    await page.locator(`${s} ol.steps li`).first().dragTo(page.locator(`${s} ol.steps li`).last());
    assert.deepEqual(await texts(), shown, "closed: dragging moves nothing");
    await page.locator(".player .back").click();
    assert.match(await position(page), new RegExp(`^Turn ${order.turn} of`));
    assert.deepEqual(await lockedState(), open0, "open again on Back: the arrows and dragging as they were");
    await page.locator(`${s} ol.steps li`).first().locator("button.down").click();
    assert.notDeepEqual(await texts(), shown, "open again: ↓ moves a step");
    assert.equal(await page.locator(`${s} button[type=submit]`).isVisible(), true, "an order not yet right can be checked again");

    await goTo(rewrite.turn);
    const r = `#${rewrite.id}`;
    await page.locator(`${r} textarea`).fill("You should test it with the night nurses first.");
    await page.locator(`${r} button[type=submit]`).click();
    await page.locator(`${r} .feedback .verdict`).waitFor();
    const overrule = page.locator(`${r} .overrule-button`);
    assert.equal(await overrule.isEnabled(), true, "the checker can be overruled");
    await page.locator(`#turn-${rewrite.turn} .go-on`).click();
    assert.equal(await overrule.isDisabled(), true, "closed: Count my question as right locked");
    assert.equal(await page.locator(`${r} textarea`).evaluate((a) => a.readOnly), true);
    await page.locator(".player .back").click();
    assert.equal(await overrule.isEnabled(), true, "open again on Back");
    assert.equal(await page.locator(`${r} textarea`).evaluate((a) => a.readOnly), false);
    assert.deepEqual(problems, { console: [], errors: [], outside: [] });
    await page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// A pause is saved under its place in the session. Rewritten since, it asks
// again: the answer or skip given to the old pause is not the new one's.
test("a pause skipped before the trainer rewrote it asks again", async () => {
  const site = sampleCopy("alsite-changed-pause-");
  const file = site.file("content/sessions/rota-tool.yaml");
  const yaml = fs.readFileSync(file, "utf8");
  const build = (text) => {
    fs.writeFileSync(file, text);
    site.build();
  };
  build(yaml);
  const pause = embedded(site.out, FILE, "pause-data").items[0];
  const { page } = await open(browser.context, "file://" + path.join(site.out, FILE), "file://");
  await page.locator(".stage-list a", { hasText: "Questions to understand" }).click();
  while (!(await position(page)).startsWith(`Turn ${pause.turn} of`)) await page.locator(".player .next").click();
  const skip = page.locator(`#turn-${pause.turn} .skip-pause`);
  await skip.click();
  await page.reload();
  const skipOffered = () => skip.evaluate((button) => !button.hidden);
  assert.equal(await skipOffered(), false, "a skipped pause stays skipped over a reload");

  const prompt = "Grace is next. Which question would help the group most at this point?";
  assert.ok(yaml.includes(prompt), "the sample's first pause is where this test expects it");
  build(yaml.replace(prompt, "Grace asks next. Which question helps the group most now?"));
  await page.reload();
  assert.equal(await skipOffered(), true, "the rewritten pause offers Skip again");
  assert.equal((await page.locator(`#${pause.id} .feedback`).textContent()).trim(), "");
  await page.close();
  site.remove();
});
