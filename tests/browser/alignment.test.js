"use strict";
// Edges and rows that make a page look published, measured the way a reader
// sees them: labels and values in two straight columns, a wrapped checklist
// line under its words, an offer's button on its card's text edge, a box's
// padding even at both ends, the player's Back and Next one row, list
// numbers inside their column, a module's "15 min" never split, an ordering
// exercise's steps readable and in line once checked, and a new Polish
// site's navigation on one row on a laptop, and an agenda's column headings
// with their words whole, and a card's title not ending on a word alone.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { launch, fileUrl } = require("./helpers");

const SESSION = "sessions/rota-tool.html";
const MODULE = "workshops/foundations/power-of-questions.html";
const GUIDE = "workshops/foundations/facilitator.html";

let browser, polish;
before(async () => {
  browser = await launch();
  polish = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-alignment-"));
  // The Polish site `alsite new --language pl,en` makes: its navigation
  // is made from the pages' titles, the longest labels of all.
  const root = path.join(polish, "new");
  execFileSync(process.env.ALSITE_BIN, ["new", root, "--language", "pl,en"], { stdio: "pipe" });
  execFileSync(process.env.ALSITE_BIN, ["build", "--root", root, "--out", path.join(polish, "site")], { stdio: "pipe" });
});
after(async () => {
  await browser.close();
  fs.rmSync(polish, { recursive: true, force: true });
});

async function tab(width, url) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  return page;
}

test("contact details: every label in one column, every value in the next, each on its label's line; on a phone's home page, each label above its value, which is whole", async () => {
  for (const [width, file] of [[320, "index.html"], [390, "index.html"], [1280, "index.html"], [390, "ground-rules.html"], [1280, "ground-rules.html"]]) {
    const page = await tab(width, fileUrl(file));
    const lists = await page.locator(".contact-list").evaluateAll((uls) => uls.map((ul) => [...ul.children].map((li) => {
      const label = li.querySelector(".label").getBoundingClientRect();
      const value = li.querySelector(".label ~ *").getClientRects()[0];
      const link = li.querySelector(".label ~ * a");
      return {
        label: Math.round(label.left), value: Math.round(value.left),
        sameLine: value.top < label.bottom && label.top < value.bottom,
        below: value.top >= label.bottom - 1,
        lines: link ? new Set([...link.getClientRects()].map((r) => Math.round(r.top))).size : 1,
      };
    })));
    const stacked = width < 480 && file === "index.html";
    // Once a page: the home page's contact block, or else the footer.
    assert.equal(lists.length, 1, `${file}: the contact details once`);
    const where = await page.locator(".contact-list").evaluate((ul) => ul.closest("footer, .contact-block").tagName);
    assert.equal(where, file === "index.html" ? "SECTION" : "FOOTER", file);
    lists.forEach((rows, i) => {
      assert.equal(new Set(rows.map((r) => r.label)).size, 1, `${file}, ${width} px, list ${i + 1}: labels share an edge ${JSON.stringify(rows)}`);
      assert.equal(new Set(rows.map((r) => r.value)).size, 1, `${width} px, list ${i + 1}: values share an edge ${JSON.stringify(rows)}`);
      if (stacked) {
        assert.ok(rows.every((r) => r.below && r.value === r.label), `${width} px, list ${i + 1}: each value under its label ${JSON.stringify(rows)}`);
        assert.ok(rows.every((r) => r.lines === 1), `${width} px, list ${i + 1}: each address whole on one line ${JSON.stringify(rows)}`);
      } else {
        assert.ok(rows.every((r) => r.sameLine), `${width} px, list ${i + 1}: each value on its label's line ${JSON.stringify(rows)}`);
      }
    });
    await page.close();
  }
});

test("offer cards: the button starts on the card's text edge, as the price does", async () => {
  for (const width of [390, 1280]) {
    const page = await tab(width, fileUrl("offers.html"));
    const cards = await page.locator(".offer").evaluateAll((offers) => offers.map((o) => ({
      title: o.querySelector("h2, h3").textContent.trim(),
      text: Math.round(o.querySelector("h2, h3").getBoundingClientRect().left),
      button: Math.round(o.querySelector(".offer-foot .button").getBoundingClientRect().left),
    })));
    assert.ok(cards.length > 1);
    for (const c of cards) assert.equal(c.button, c.text, `${width} px: “${c.title}”`);
    await page.close();
  }
});

test("a materials checklist line that wraps continues under its words, not under the box", async () => {
  const page = await tab(390, fileUrl(GUIDE));
  const stray = await page.locator(".checklist label").evaluateAll((labels) => labels.flatMap((label) => {
    const box = label.querySelector("input").getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(label);
    range.setStartAfter(label.querySelector("input"));
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.left < box.right).map(() => label.textContent.trim());
  }));
  assert.deepEqual(stray, []);
  await page.close();
});

/** The space above a box's first line and below its last, in pixels. */
function ends(el) {
  const box = el.getBoundingClientRect();
  const kids = [...el.children].filter((k) => k.getClientRects().length);
  return {
    top: Math.round(kids[0].getBoundingClientRect().top - box.top),
    bottom: Math.round(box.bottom - kids[kids.length - 1].getBoundingClientRect().bottom),
  };
}

test("boxes (feedback, facilitator notes) have as much room above their text as below it", async () => {
  const page = await tab(390, fileUrl("practice/coach-questions.html"));
  const item = page.locator(".practice-item").first();
  await item.locator("label.option").first().click();
  await item.locator("button[type=submit]").click();
  await item.locator(".feedback .verdict").waitFor();
  const feedback = await item.locator(".feedback").evaluate(ends);
  assert.ok(Math.abs(feedback.top - feedback.bottom) <= 4, `feedback: ${JSON.stringify(feedback)}`);
  await page.goto(fileUrl(GUIDE));
  const notes = await page.locator(".facilitator-notes").first().evaluate(ends);
  assert.ok(Math.abs(notes.top - notes.bottom) <= 4, `facilitator notes: ${JSON.stringify(notes)}`);
  await page.close();
});

test("the session player's Back and Next are one row of one height", async () => {
  for (const width of [320, 390, 1280]) {
    const page = await tab(width, fileUrl(SESSION));
    const back = await page.locator(".player .back").boundingBox();
    const next = await page.locator(".player .next").boundingBox();
    assert.equal(Math.round(back.y), Math.round(next.y), `${width} px: tops`);
    assert.equal(Math.round(back.height), Math.round(next.height), `${width} px: heights`);
    await page.close();
  }
});

test("the stage list's numbers, “10.” too, stay inside its column", async () => {
  const page = await tab(1280, fileUrl(SESSION));
  const out = await page.locator(".stage-list").evaluate((nav) => {
    const edge = nav.querySelector(".stage-list-title").getBoundingClientRect().left;
    const probe = document.createElement("span");
    return [...nav.querySelectorAll("li")].flatMap((li, i) => {
      probe.textContent = `${i + 1}. `;
      li.append(probe);
      probe.style.whiteSpace = "pre";
      const marker = probe.getBoundingClientRect().width;
      probe.remove();
      const left = li.getBoundingClientRect().left - marker;
      return left < edge - 1 ? [`${i + 1}. starts ${Math.round(edge - left)} px left of the heading`] : [];
    });
  });
  assert.deepEqual(out, []);
  await page.close();
});

test("kinds of question: name, meaning and example share one left edge", async () => {
  const page = await tab(1280, fileUrl("practice/index.html"));
  const edges = await page.locator(".types .type").evaluateAll((types) => types.map((t) => new Set(
    ["dt", "dd"].map((s) => Math.round(t.querySelector(s).getBoundingClientRect().left)),
  ).size));
  assert.ok(edges.length > 3);
  assert.ok(edges.every((n) => n === 1), `edges per kind: ${edges}`);
  await page.close();
});

test("previous and next module on a phone: two links of one width", async () => {
  const page = await tab(390, fileUrl(MODULE));
  const widths = await page.locator(".pager a").evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().width)));
  assert.equal(widths.length, 2);
  assert.equal(widths[0], widths[1], `${widths}`);
  await page.close();
});

test("an activity's length (\"15 min\") is never split across two lines on a phone", async () => {
  for (const width of [320, 390]) {
    const page = await tab(width, fileUrl(MODULE));
    const split = await page.locator(".activity-head").evaluateAll((heads) => heads.flatMap((head) => {
      const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
      const out = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const m = node.textContent.match(/\d+\s+min/);
        if (!m) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(head.textContent.trim());
      }
      return out;
    }));
    assert.deepEqual(split, [], `${width} px`);
    await page.close();
  }
});

test("an ordering exercise once checked: each step's words keep a readable width, no word split, and on a laptop one left edge", async () => {
  const sites = [["English", fileUrl("practice/session-flow.html")], ["Polish", "file://" + path.join(polish, "site/practice/session-flow.html")]];
  for (const [language, url] of sites) {
    for (const width of [320, 390, 1280]) {
      const page = await tab(width, url);
      const exercise = page.locator("section:has(ol.steps)").first();
      // The first step moved to the top: one step "in place", the others "not yet".
      const up = exercise.locator('li.step[data-position="1"] button.up');
      while (!(await up.isDisabled())) await up.click();
      await exercise.locator("button[type=submit]").click();
      const steps = await exercise.locator("li.step").evaluateAll((lis) => lis.map((li) => {
        const text = li.querySelector(".step-text");
        const mark = li.querySelector(".step-mark");
        const box = text.getBoundingClientRect();
        // A word broken across two lines ("Refle" / "ksja") has two rows of boxes.
        const node = text.firstChild;
        const split = [...node.textContent.matchAll(/[^\s-]+-?/g)].filter((m) => {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((m) => m[0]);
        return { text: text.textContent, mark: mark ? mark.textContent.trim() : null, left: Math.round(box.left), width: Math.round(box.width), split };
      }));
      const at = `${language}, ${width} px`;
      assert.ok(steps.length >= 4, at);
      assert.ok(steps.every((s) => s.mark), `${at}: every step marked`);
      for (const s of steps) {
        assert.ok(s.width >= 150, `${at}: "${s.text}" is ${s.width} px wide`);
        assert.deepEqual(s.split, [], `${at}: words split in "${s.text}"`);
      }
      if (width >= 1280) {
        assert.equal(new Set(steps.map((s) => s.left)).size, 1, `${at}: the steps' words start on one edge ${JSON.stringify(steps.map((s) => [s.mark, s.left]))}`);
        assert.ok(new Set(steps.map((s) => s.mark)).size > 1, `${at}: marks of two lengths`);
      }
      await page.close();
    }
  }
});

test("a new Polish site's navigation fits on one row on a laptop, on every page in both languages (the current page's label no wider)", async () => {
  // The home page's label is the shortest: a longer current label set in
  // bold pushed the last link onto a row of its own on the other pages.
  const pages = ["index.html", "offers.html", "ground-rules.html", "components.html", "practice/index.html",
    "sessions/index.html", "workshops/intro-training/index.html", "action-learning.html", "about.html"];
  for (const lang of ["", "en/"]) {
    for (const file of pages) {
      const page = await tab(1280, "file://" + path.join(polish, "site", lang, file));
      const tops = await page.locator(".nav-menu .site-nav a").evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
      assert.ok(tops.length > 6);
      assert.equal(new Set(tops).size, 1, `${lang}${file}: rows at ${[...new Set(tops)]}`);
      await page.close();
    }
  }
});

/** The Polish sample site (samples/pl), built once. */
let polishSample;
function samplePl() {
  if (!polishSample) {
    polishSample = path.join(polish, "sample-pl");
    execFileSync(process.env.ALSITE_BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", polishSample], { stdio: "pipe" });
  }
  return polishSample;
}

test("an agenda's column headings (\"Początek\", \"Koniec\") keep their words whole, on screen and on paper, in Polish and English", async () => {
  const sample = samplePl();
  const pages = [
    ...["index.html", "facilitator.html", "handout.html"].map((f) => "file://" + path.join(sample, "workshops/intro-training", f)),
    ...["index.html", "facilitator.html", "handout.html"].map((f) => fileUrl("workshops/foundations/" + f)),
  ];
  const splitWords = (page) => page.locator("table.agenda thead th").evaluateAll((ths) => ths.flatMap((th) => {
    const out = [];
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  }));
  for (const url of pages) {
    for (const [width, media] of [[1280, "screen"], [1024, "screen"], [673, "print"]]) {
      const page = await tab(width, url);
      await page.emulateMedia({ media }); // on paper: A4 less its margins (print.css)
      assert.ok(await page.locator("table.agenda thead th").count() >= 4, url);
      assert.deepEqual(await splitWords(page), [], `${url} at ${width} px (${media})`);
      await page.close();
    }
  }
});

test("a card's title of four words or more that wraps does not end on a line of one word (\"…przez moje / biurko\")", async () => {
  const pages = [
    ...["index.html", "sessions/index.html", "practice/index.html", "workshops/index.html"].map((f) => "file://" + path.join(samplePl(), f)),
    ...["index.html", "sessions/index.html", "practice/index.html", "workshops/index.html"].map((f) => fileUrl(f)),
  ];
  const widows = [];
  for (const url of pages) {
    for (const width of [320, 390, 768, 1024, 1280]) {
      const page = await tab(width, url);
      const found = await page.locator(".card-title").evaluateAll((titles) => titles.flatMap((title) => {
        const node = title.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) return [];
        const lines = new Map();
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const top = Math.round(range.getClientRects()[0].top);
          lines.set(top, [...(lines.get(top) || []), m[0]]);
        }
        // Three words on two lines leave one alone whatever is done.
        const rows = [...lines.values()];
        return rows.flat().length >= 4 && rows.length > 1 && rows.at(-1).length === 1 ? [rows.map((r) => r.join(" ")).join(" / ")] : [];
      }));
      for (const f of found) widows.push(`${url.split("/").slice(-2).join("/")} at ${width} px: ${f}`);
      await page.close();
    }
  }
  assert.deepEqual(widows, []);
});

test("the footer's e-mail address stays whole on one line wherever the footer has room for it (Polish site, its address 30 letters long)", async () => {
  for (const width of [390, 768, 1024, 1280]) {
    for (const file of ["about.html", "en/about.html"]) {
      const page = await tab(width, "file://" + path.join(polish, "site", file));
      const lines = await page.locator(".site-footer a[href^='mailto:']").evaluate((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size);
      const address = await page.locator(".site-footer a[href^='mailto:']").textContent();
      await page.close();
      assert.equal(lines, 1, `${file} at ${width} px: “${address}” on ${lines} lines`);
    }
  }
});
