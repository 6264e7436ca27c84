"use strict";
// The finish a client sees, measured the way they see it: a demo session's
// pause offers its two buttons at one width, the Polish home page's big
// heading stays a heading on a phone (not a column of single words), lists
// in cards and sections have the same bullets as the rest of the text, and
// a printed agenda, guide or handout starts its schedule on the first sheet
// instead of leaving that sheet almost empty.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch, fileUrl, scrollSettled } = require("./helpers");

const SESSION = "sessions/rota-tool.html";

let browser, dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-finish-"));
  // The Polish sample as this repository ships it: the longest words of a hero.
  const root = path.join(__dirname, "../../samples/pl");
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(dir, "pl")], { stdio: "pipe" });
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tab(width, url, colorScheme = "light") {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  return page;
}

/** How many lines an element's text takes. */
function lines(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.bottom))).size;
}

test("a session's pause: Check answer and Skip this question are one width", async () => {
  const turn = JSON.parse(fs.readFileSync(path.join(SITE, SESSION), "utf8")
    .match(/<script type="application\/json" id="pause-data">([\s\S]*?)<\/script>/)[1]).items[0].turn;
  for (const width of [320, 390, 1280]) {
    const page = await tab(width, fileUrl(SESSION));
    const pause = page.locator(`#turn-${turn} .pause`);
    for (let i = 0; i < turn && !(await pause.isVisible()); i++) await page.locator(".player .next").click();
    const buttons = await pause.locator("button").evaluateAll((bs) => bs.filter((b) => b.getClientRects().length)
      .map((b) => `${b.textContent.trim()}: ${Math.round(b.getBoundingClientRect().width)}`));
    assert.equal(buttons.length, 2, `${width} px: ${buttons}`);
    assert.equal(new Set(buttons.map((b) => b.split(": ")[1])).size, 1, `${width} px: ${buttons}`);
    await page.close();
  }
});

test("the Polish home page's hero heading takes at most four lines on a phone", async () => {
  for (const width of [360, 390]) {
    const page = await tab(width, "file://" + path.join(dir, "pl/index.html"));
    const n = await page.locator(".hero h1").evaluate(lines);
    assert.ok(n <= 4, `${width} px: ${n} lines`);
    await page.close();
  }
  const page = await tab(320, fileUrl("index.html"));
  const n = await page.locator(".hero h1").evaluate(lines);
  assert.ok(n <= 4, `English, 320 px: ${n} lines`);
  await page.close();
});

test("lists inside cards and sections have the text's own round bullets, not a second level's", async () => {
  for (const [file, selector] of [["offers.html", ".offer-includes"], ["index.html", ".offer-includes"], ["components.html", ".questions"]]) {
    const page = await tab(390, fileUrl(file));
    const kinds = await page.locator(`${selector} > li`).evaluateAll((lis) => [...new Set(lis.map((li) => getComputedStyle(li).listStyleType))]);
    assert.deepEqual(kinds, ["disc"], `${file} ${selector}`);
    await page.close();
  }
});

/** The page printed on A4 as the print dialog would, one string per sheet. */
async function sheets(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const file = path.join(dir, `p${Date.now()}.pdf`);
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true });
  await page.close();
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((s) => s.trim());
}

test("a printed agenda, guide and handout start the first day's schedule on the first sheet", async () => {
  for (const file of ["index.html", "facilitator.html", "handout.html"]) {
    const printed = await sheets(fileUrl(`workshops/foundations/${file}`));
    assert.match(printed[0], /Day 1: 09:00/, `${file}: the first sheet holds ${printed[0].split("\n").filter((l) => l.trim()).length} lines`);
  }
});

/** A two-day workshop whose first day fills most of the first sheet and
 *  whose second is short, built into `dir`/short-day: printed, its second
 *  day's heading and column heads once fell alone at the foot of sheet 1. */
function shortSecondDay() {
  const root = path.join(dir, "short-day-src");
  execFileSync(process.env.ALSITE_BIN, ["new", root], { stdio: "pipe" });
  const w = path.join(root, "content/workshops/adviser");
  fs.mkdirSync(w, { recursive: true });
  const module = (title, minutes, goal) =>
    `---\ntitle: ${title}\nminutes: ${minutes}\nobjectives:\n  - ${goal}\nactivities:\n  - { title: ${title}, minutes: ${minutes}, kind: practice }\n---\n\n${goal}.\n`;
  const files = {
    "welcome.md": module("Welcome and the two rules", 90, "Say the two ground rules in your own words"),
    "asking.md": module("Asking before telling", 100, "Turn an opinion into an open question"),
    "demo.md": module("A demonstration set and its review", 75, "Name what the coach did at each check-in"),
    "live.md": module("A first set on a real problem", 150, "Run a set from the problem to its actions"),
    "next.md": module("What you take back to your team", 60, "Plan your first set at work"),
    "workshop.yaml": [
      "title: Becoming a set adviser\naudience: managers who will run sets in their teams\nsummary: Two days to learn the method and run a first set.\n",
      "outcomes:\n  - Explain the two ground rules\n  - Ask questions that open a problem up\n  - Run a set from opening to review\n",
      "days:\n  - title: Day 1\n    start: \"09:00\"\n    items:\n      - module: welcome\n      - { break: Coffee, minutes: 15 }\n",
      "      - module: asking\n      - { break: Lunch, minutes: 60 }\n      - module: demo\n",
      "  - title: Day 2\n    start: \"09:30\"\n    items:\n      - module: live\n      - { break: Coffee, minutes: 15 }\n      - module: next\n",
    ].join(""),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(w, name), text);
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(dir, "short-day")], { stdio: "pipe" });
}

test("a printed schedule never leaves a day's heading and column heads at the foot of a sheet without its first row", async () => {
  shortSecondDay();
  for (const file of ["index.html", "handout.html"]) {
    const printed = await sheets("file://" + path.join(dir, "short-day/workshops/adviser", file));
    for (const [day, first] of [["Day 1: 09:00", /^\s*09:00\s+10:30/m], ["Day 2: 09:30", /^\s*09:30\s+12:00/m]]) {
      const at = printed.findIndex((sheet) => sheet.includes(day));
      assert.ok(at >= 0, `${file}: ${day} printed`);
      assert.match(printed[at], first, `${file}: ${day} is on sheet ${at + 1} without its first row`);
    }
  }
});

test("a workshop's days line up: every day's schedule has its columns at the same places", async () => {
  for (const file of ["index.html", "facilitator.html", "handout.html"]) {
    const page = await tab(1280, fileUrl(`workshops/foundations/${file}`));
    const days = await page.locator("table.agenda").evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll("thead th")].map((th) => Math.round(th.getBoundingClientRect().left)).join(" ")));
    assert.ok(days.length >= 2, file);
    assert.equal(new Set(days).size, 1, `${file}: column edges per day ${JSON.stringify(days)}`);
    await page.close();
  }
});

test("the guide's materials checklist: its two columns start on one line", async () => {
  const page = await tab(1280, fileUrl("workshops/foundations/facilitator.html"));
  const tops = await page.locator(".checklist").first().evaluate((ul) => {
    const byColumn = new Map();
    for (const li of ul.children) {
      const r = li.getBoundingClientRect();
      const left = Math.round(r.left);
      if (!byColumn.has(left)) byColumn.set(left, Math.round(r.top));
    }
    return [...byColumn.values()];
  });
  assert.equal(tops.length, 2, `columns: ${tops}`);
  assert.equal(new Set(tops).size, 1, `first items' tops: ${tops}`);
  await page.close();
});

/** The lines an element's text is set in, as strings. */
function textLines(el) {
  const rows = new Map();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (!rect) continue;
      const top = Math.round(rect.top);
      rows.set(top, (rows.get(top) || "") + node.data[i]);
    }
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

test("an e-mail address that does not fit its column breaks before its @ or a dot, never inside a word", async () => {
  const sites = [[fileUrl("index.html"), "English"], ["file://" + path.join(dir, "pl/index.html"), "Polish"]];
  for (const [url, name] of sites) {
    for (const width of [320, 360, 390]) {
      const page = await tab(width, url);
      const broken = await page.locator(".contact-list a[href^='mailto:']").evaluateAll((links, fn) => {
        const lines = new Function(`return ${fn}`)();
        return links.map(lines).filter((rows) => rows.slice(1).some((row) => !/^[@.]/.test(row)));
      }, textLines.toString());
      assert.deepEqual(broken, [], `${name}, ${width} px`);
      await page.close();
    }
  }
});

test("an ordering exercise: its steps sit on the prompt's edge, each numbered", async () => {
  for (const width of [390, 1280]) {
    const page = await tab(width, fileUrl("practice/session-flow.html"));
    const item = page.locator(".practice-item[data-type=order]").first();
    const prompt = await item.locator(".prompt").boundingBox();
    const steps = await item.locator(".step").evaluateAll((lis) => lis.map((li) => ({
      left: Math.round(li.getBoundingClientRect().left),
      number: getComputedStyle(li, "::before").content,
    })));
    assert.ok(steps.length > 3);
    assert.deepEqual([...new Set(steps.map((s) => s.left))], [Math.round(prompt.x)], `${width} px: steps' left edges`);
    assert.ok(steps.every((s) => /counter\(step\)/.test(s.number) || /^"?\d/.test(s.number)), `${width} px: ${steps.map((s) => s.number)}`);
    await page.close();
  }
});

/** Whether the hero's right edge can be seen against the page: by its
 *  colour or by a border (a contrast ratio of at least 1.15, what the light scheme's pale hero has on its cream page). */
function heroEdge(hero) {
  const lum = (c) => {
    const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = getComputedStyle(document.body).backgroundColor;
  const style = getComputedStyle(hero);
  const background = ratio(style.backgroundColor, page);
  const border = parseFloat(style.borderRightWidth) >= 1 ? ratio(style.borderRightColor, page) : 1;
  return Math.round(Math.max(background, border) * 100) / 100;
}

test("the home page's hero stands out from the page in the dark scheme, also for a dark brand colour", async () => {
  const root = path.join(dir, "navy");
  execFileSync(process.env.ALSITE_BIN, ["new", root], { stdio: "pipe" });
  const yaml = path.join(root, "site.yaml");
  fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replace(/primary: "#[0-9a-f]+"/, 'primary: "#1b2a4a"'));
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(dir, "navy-site")], { stdio: "pipe" });
  for (const [url, name] of [[fileUrl("index.html"), "the sample"], ["file://" + path.join(dir, "navy-site/index.html"), "a navy brand"]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await tab(1280, url, scheme);
      const edge = await page.locator(".hero").evaluate(heroEdge);
      assert.ok(edge >= 1.15, `${name}, ${scheme}: the hero's edge against the page ${edge}:1`);
      await page.close();
    }
  }
});

test("the session player: Back and Next one width, its tools ending on the transcript's edge", async () => {
  const polish = "file://" + path.join(dir, "pl/sessions/decyzje-kierownikow.html");
  for (const [url, width] of [[fileUrl(SESSION), 320], [fileUrl(SESSION), 390], [fileUrl(SESSION), 1280], [polish, 390], [polish, 1280]]) {
    const page = await tab(width, url);
    const back = await page.locator(".player .back").boundingBox();
    const next = await page.locator(".player .next").boundingBox();
    assert.equal(Math.round(back.width), Math.round(next.width), `${url.split("/").pop()}, ${width} px: Back ${back.width}, Next ${next.width}`);
    const edges = await page.evaluate(() => ["player", "transcript"].map((c) => Math.round(document.querySelector(`.${c}`).getBoundingClientRect().right)));
    assert.equal(edges[0], edges[1], `${url.split("/").pop()}, ${width} px: the player and the transcript end at ${edges}`);
    await page.close();
  }
});

test("a module's timer on a phone: each row of its controls ends on the activity's right edge", async () => {
  const polish = "file://" + path.join(dir, "pl/workshops/intro-training/asking-questions.html");
  for (const [url, width] of [[fileUrl("workshops/foundations/power-of-questions.html"), 390], [fileUrl("workshops/foundations/power-of-questions.html"), 320], [polish, 390], [polish, 360]]) {
    const page = await tab(width, url);
    const ragged = await page.locator(".timer").evaluateAll((timers) => timers.flatMap((timer) => {
      const edge = Math.round(timer.getBoundingClientRect().right);
      const rows = new Map();
      for (const el of timer.children) {
        if (!el.getClientRects().length || el.matches(".timer-status")) continue;
        const r = el.getBoundingClientRect();
        const middle = Math.round((r.top + r.bottom) / 2);
        rows.set(middle, Math.max(rows.get(middle) || 0, Math.round(r.right)));
      }
      return [...rows.values()].filter((right) => Math.abs(right - edge) > 1).map((right) => `a row ends ${edge - right} px short`);
    }));
    assert.deepEqual(ragged, [], `${url.split("/").pop()}, ${width} px`);
    await page.close();
  }
});

test("a module page's headings have a heading's room above them, as in any text, not more", async () => {
  for (const url of [fileUrl("workshops/foundations/power-of-questions.html"), "file://" + path.join(dir, "pl/workshops/intro-training/asking-questions.html")]) {
    const page = await tab(390, url);
    const gaps = await page.evaluate(() => {
      const bottom = (el) => el.getBoundingClientRect().bottom;
      const pairs = [
        [document.querySelector(".module .lede"), document.querySelector("#objectives-title")],
        [document.querySelector("#objectives-title + ul"), document.querySelector("#materials-title")],
        [document.querySelector("#materials-title + ul"), document.querySelector("#activities-title")],
      ];
      const room = parseFloat(getComputedStyle(document.querySelector("#activities-title")).marginTop);
      return { room: Math.round(room), gaps: pairs.map(([a, b]) => Math.round(b.getBoundingClientRect().top - bottom(a))) };
    });
    assert.ok(gaps.gaps.every((g) => Math.abs(g - gaps.room) <= 1), `${url.split("/").pop()}: gaps ${gaps.gaps} for a heading margin of ${gaps.room} px`);
    await page.close();
  }
});

test("a printed session: the turn the player was on prints like every other turn", async () => {
  const page = await tab(794, fileUrl(SESSION));
  await page.locator(".player .next").click();
  await page.emulateMedia({ media: "print" });
  const looks = await page.locator(".turn .bubble").evaluateAll((bubbles) => [...new Set(bubbles.map((b) => {
    const s = getComputedStyle(b);
    return `${s.borderTopColor} ${s.borderTopWidth} ${s.boxShadow}`;
  }))]);
  assert.equal(looks.length, 1, `bubbles print in ${looks.length} ways: ${looks.join(" | ")}`);
  await page.close();
});

test("a checked answer's verdict comes right under its button, before “Show the answer”", async () => {
  const cases = [
    ["practice/coach-questions.html", "choose"],
    ["practice/naming-question-types.html", "choose"],
    ["practice/open-questions.html", "type"],
    // Shown shuffled, never in the right order: checked as it is, it is wrong.
    ["practice/session-flow.html", "order"],
  ];
  for (const [file, answer] of cases) {
    for (const width of [390, 1280]) {
      const page = await tab(width, fileUrl(file));
      const item = page.locator(".practice-item").first();
      if (answer === "type") await item.locator("textarea").fill("What would help you most right now?");
      else if (answer === "choose") await item.locator("label.option").first().click();
      // How far under the options the button was (they grow once marked).
      const before = answer === "choose" && await item.locator("button[type=submit]").evaluate((b) => b.getBoundingClientRect().top - b.form.querySelector("fieldset").getBoundingClientRect().bottom);
      await item.locator("button[type=submit]").click();
      await item.locator(".feedback .verdict").waitFor();
      // The feedback may scroll into view: measured once the page is still.
      await scrollSettled(page);
      const [button, verdict, details] = await Promise.all([
        item.locator("button[type=submit]").boundingBox(),
        item.locator(".feedback").boundingBox(),
        item.locator("details.answer").boundingBox(),
      ]);
      const at = `${file}, ${width} px`;
      if (answer === "type") {
        // A rewritten question's feedback lists the model answers itself: no "Show model answers" below to repeat them.
        assert.equal(details, null, `${at}: no "Show model answers" after a check`);
        assert.ok(button.y < verdict.y, `${at}: button ${button.y}, verdict ${verdict.y}`);
      } else if (answer === "choose") {
        // A checked choice is settled: "Check answer" goes and the verdict
        // takes its place, right under the options; the feedback and the
        // options' marks give the answer, so no "Show the answer".
        assert.equal(button, null, `${at}: no "Check answer" once checked`);
        assert.equal(details, null, `${at}: no "Show the answer" once checked`);
        const options = await item.locator("form.interactive fieldset").boundingBox();
        const now = verdict.y - (options.y + options.height);
        assert.ok(Math.abs(now - before) <= 1, `${at}: Check answer was ${before} px under the options, the verdict is ${now}`);
      } else {
        // A wrong order keeps its button for another try and offers the answer below the verdict.
        assert.ok(button && details, `${at}: button and "Show the answer" after a wrong order`);
        assert.ok(button.y < verdict.y && verdict.y < details.y, `${at}: button ${button.y}, verdict ${verdict.y}, Show the answer ${details.y}`);
      }
      await page.close();
    }
  }
});
