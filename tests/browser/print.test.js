"use strict";
// What a trainer gets on paper: pages printed to A4 PDF (the way Chromium's
// print dialog does) and read back with pdftotext, or looked at with the
// print stylesheet on. Nothing to press is printed, no text is white on white
// paper, a practice set is a whole exercise sheet, a session its whole
// transcript with the pauses, an outside link shows where it goes, and a
// handout or guide leaves no sheet mostly empty.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { SITE, launch, fileUrl } = require("./helpers");

const BIN = process.env.ALSITE_BIN;

let browser, dir;
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-print-"));
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The page printed on A4 as the print dialog would: its text, one string
 *  per sheet, and how many sheets. */
async function printed(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  const file = path.join(dir, `p${Date.now()}.pdf`);
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true });
  await page.close();
  const sheets = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((s) => s.trim());
  return { sheets, text: sheets.join(" ").replace(/\s+/g, " ") };
}

/** A tab showing `file` of the sample site with the print stylesheet on,
 *  on a computer set to `colorScheme`. */
async function printView(file, colorScheme = "light") {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.goto(fileUrl(file), { waitUntil: "load" });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  await page.emulateMedia({ media: "print", colorScheme });
  return page;
}

/** Text on the page that would print too faint to read: printers drop
 *  backgrounds (unless a rule asks to keep them), so text is measured
 *  against white paper, or the kept background it sits on. */
function faintText(page) {
  return page.evaluate(() => {
    const luminance = (c) => {
      const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const faint = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!walker.currentNode.textContent.trim() || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || el.closest(".visually-hidden")) continue;
      let paper = "rgb(255, 255, 255)";
      for (let a = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.printColorAdjust === "exact" && s.backgroundColor !== "rgba(0, 0, 0, 0)") { paper = s.backgroundColor; break; }
      }
      const [hi, lo] = [luminance(style.color), luminance(paper)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 4.5) faint.add(`“${walker.currentNode.textContent.trim().slice(0, 30)}” (${el.className || el.tagName}) ${ratio.toFixed(1)}:1`);
    }
    return [...faint];
  });
}

const PRINTED_KINDS = [
  "index.html", "offers.html", "ground-rules.html", "components.html",
  "practice/session-flow.html", "practice/naming-question-types.html",
  "sessions/rota-tool.html", "workshops/foundations/index.html",
  "workshops/foundations/facilitator.html", "workshops/foundations/handout.html",
];

test("printed, no text is too faint to read and nothing to press is on the paper", async () => {
  for (const file of PRINTED_KINDS) {
    const page = await printView(file);
    assert.deepEqual(await faintText(page), [], `${file}: text printed too faint (WCAG AA 4.5:1 on paper)`);
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    assert.deepEqual(await faintText(page), [], `${file}: printed from a computer in dark mode`);
    await page.emulateMedia({ media: "print", colorScheme: "light" });
    const controls = await page.locator("button:visible, .button:visible, summary:visible, input[type=search]:visible, nav:visible").evaluateAll(
      (els) => els.filter((e) => !(e.matches("details[open] > summary"))).map((e) => `${e.tagName.toLowerCase()} “${e.textContent.trim().slice(0, 30)}”`),
    );
    assert.deepEqual(controls, [], `${file}: controls printed`);
    await page.close();
  }
});

test("a printed practice set is a whole exercise sheet: every option and category, room to write, no answer unasked", async () => {
  const { text } = await printed(fileUrl("practice/session-flow.html"));
  const choose = fs.readFileSync(path.join(SITE, "practice/session-flow.html"), "utf8");
  // The options of the first "choose" item, as the page lists them.
  const options = [...choose.matchAll(/<label class="option"><input type="radio" name="([^"]+)-choice"[^>]*> <span class="letter">[A-Z]<\/span> <span class="option-text">([^<]+)<\/span>/g)];
  assert.ok(options.length >= 3, "the sample set has choose items");
  for (const [, , words] of options) assert.ok(text.includes(words.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').trim().slice(0, 40)), `option “${words}” is printed`);
  for (const dead of ["Show the answer", "Check answer", "Show the right order", "Move a step"]) {
    assert.ok(!text.includes(dead), `“${dead}” is not printed`);
  }

  const page = await printView("practice/naming-question-types.html");
  const item = page.locator(".practice-item").first();
  assert.ok(await item.locator("label.option").count() >= 4, "a classify item has its categories");
  for (const label of await item.locator("label.option").all()) assert.ok(await label.isVisible(), "each category prints with its circle");
  assert.equal(await item.locator("details.answer").isVisible(), false, "a closed answer is left out");
  await page.emulateMedia({ media: "screen" });
  await item.locator("details.answer").evaluate((d) => { d.hidden = false; d.open = true; });
  await page.emulateMedia({ media: "print" });
  assert.ok(await item.locator("details.answer p").first().isVisible(), "an answer opened on screen prints");
  await page.close();

  const rewrite = await printView("practice/open-questions.html");
  const box = await rewrite.locator(".practice-item textarea").first().boundingBox();
  assert.ok(box && box.height >= 50, `room to write the question: ${JSON.stringify(box)}`);
  await rewrite.close();
});

test("a printed session is its whole transcript, each pause across the page with its question", async () => {
  const { sheets, text } = await printed(fileUrl("sessions/rota-tool.html"));
  const data = JSON.parse(fs.readFileSync(path.join(SITE, "sessions/rota-tool.html"), "utf8")
    .match(/<script type="application\/json" id="pause-data">([\s\S]*?)<\/script>/)[1]);
  assert.ok(data.items.length >= 2);
  assert.ok((text.match(/Your turn: what would you do\?/g) || []).length === data.items.length, "every pause says “Your turn” on one line");
  assert.ok(!/End of the session/.test(text), "the screen's “where next” is not printed");
  const page = await printView("sessions/rota-tool.html");
  const widths = await page.locator(".turn-pause .pause").evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().width));
  const transcript = (await page.locator(".transcript").boundingBox()).width;
  for (const w of widths) assert.ok(w > transcript * 0.8, `a pause is ${w} px wide in a ${transcript} px transcript`);
  await page.close();
  assert.ok(sheets.length < 25, `${sheets.length} sheets`);
});

test("the components page prints each component's one-line summary", async () => {
  const html = fs.readFileSync(path.join(SITE, "components.html"), "utf8");
  const summaries = [...html.matchAll(/<p class="summary">([^<]+)<\/p>/g)].map((m) => m[1].trim());
  assert.equal(summaries.length, 6);
  const { text } = await printed(fileUrl("components.html"));
  for (const s of summaries) assert.ok(text.includes(s.slice(0, 30)), `“${s}” is printed`);
  // Paper cannot be clicked: its caption says where the components are, not to select one.
  assert.ok(!/Select a component/.test(text), "the printed caption asks for no click");
  assert.match(text, /each is described below/);
});

test("an outside link prints where it goes, in a facilitator's notes too", async () => {
  assert.ok(BIN && fs.existsSync(BIN), "ALSITE_BIN names the alsite binary (tests/run sets it)");
  const root = path.join(dir, "site");
  execFileSync(BIN, ["new", root], { stdio: "pipe" });
  const module = path.join(root, "content/workshops/foundations/power-of-questions.md");
  fs.writeFileSync(module, fs.readFileSync(module, "utf8").replace(
    "facilitator: |\n",
    "facilitator: |\n  Show the [question cards](https://cards.example.org/questions) first.\n\n",
  ));
  execFileSync(BIN, ["build", "--root", root, "--out", path.join(dir, "out")], { stdio: "pipe" });
  const { text } = await printed("file://" + path.join(dir, "out/workshops/foundations/facilitator.html"));
  assert.ok(text.includes("question cards (https://cards.example.org/questions)"), "the address follows the link's words");
});

test("on paper a link to another page of the site reads as plain words; an outside link keeps its line", async () => {
  const page = await printView("workshops/foundations/handout.html");
  const line = (words) => page.locator("main a", { hasText: words }).first()
    .evaluate((a) => getComputedStyle(a).textDecorationLine);
  assert.equal(await line("ground rules"), "none");
  assert.equal(await line("six components"), "none");
  await page.emulateMedia({ media: "screen" });
  assert.equal(await line("ground rules"), "underline", "on screen it is a link as ever");
  await page.close();
});

/** The rows of ink crossed going down the middle of `page` (1-based) of
 *  `pdf`, from `fromPt` for `lengthPt` points: the rendered sheet, as a
 *  person would see it. */
function inkRowsDown(pdf, page, fromPt, lengthPt) {
  const prefix = path.join(dir, `sheet${Date.now()}`);
  execFileSync("pdftoppm", ["-gray", "-r", "144", "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const [, w, h, headerLength] = (() => {
    const m = pgm.subarray(0, 40).toString("latin1").match(/^P5\s+(\d+)\s+(\d+)\s+\d+\s/);
    return [m, Number(m[1]), Number(m[2]), m[0].length];
  })();
  const x = Math.floor(w / 2), scale = 2; // 144 dpi: two pixels a point
  let rows = 0, inInk = false;
  for (let y = Math.floor(fromPt * scale); y < Math.min(h, (fromPt + lengthPt) * scale); y++) {
    const ink = pgm[headerLength + y * w + x] < 235;
    if (ink && !inInk) rows++;
    inInk = ink;
  }
  return rows;
}

test("the handout's space for notes is ruled all the way down", async () => {
  const page = await browser.context.newPage();
  await page.goto(fileUrl("workshops/foundations/handout.html"), { waitUntil: "load" });
  const pdf = path.join(dir, "notes.pdf");
  await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
  await page.close();
  const sheets = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const sheet = sheets.findIndex((t) => t.includes("Your notes")) + 1;
  assert.ok(sheet > 0, "a module has room for notes");
  const words = execFileSync("pdftotext", ["-bbox", "-f", String(sheet), "-l", String(sheet), pdf, "-"], { encoding: "utf8" });
  const notes = words.match(/yMax="([\d.]+)">notes</);
  assert.ok(notes, "the heading “Your notes” is on the sheet");
  const box = 90 * 72 / 25.4; // the box is 90 mm tall
  const rows = inkRowsDown(pdf, sheet, Number(notes[1]) + 4, box);
  assert.ok(rows >= 10, `${rows} ruled lines in the notes box (its edges included)`);
});

/** How far down each sheet of `pdf` its content goes, as a share of the
 *  room between the page's margins (print.css: 20 mm top, 18 mm bottom of
 *  297 mm; the running head and page number in the margins left out). */
function sheetsFilled(pdf) {
  const prefix = path.join(dir, `fill${Date.now()}`);
  execFileSync("pdftoppm", ["-gray", "-r", "36", pdf, prefix]);
  return fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".pgm")).sort().map((f) => {
    const pgm = fs.readFileSync(path.join(dir, f));
    const m = pgm.subarray(0, 40).toString("latin1").match(/^P5\s+(\d+)\s+(\d+)\s+\d+\s/);
    const [w, h, header] = [Number(m[1]), Number(m[2]), m[0].length];
    const top = Math.ceil(h * 20 / 297), bottom = Math.floor(h * (297 - 18) / 297);
    let last = top;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < w; x++) if (pgm[header + y * w + x] < 200) { last = y; break; }
    }
    return (last - top) / (bottom - top);
  });
}

test("a printed handout runs on from module to module, no sheet of a handout or guide is left mostly empty, and the half-day agenda is one sheet (Polish sample)", async () => {
  const out = path.join(dir, "pl");
  execFileSync(BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", out], { stdio: "pipe" });
  for (const [file, most] of [["index.html", 1], ["handout.html", 3], ["facilitator.html", 6]]) {
    const page = await browser.context.newPage();
    await page.goto("file://" + path.join(out, "workshops/intro-training", file), { waitUntil: "load" });
    const pdf = path.join(dir, `pl-${file}.pdf`);
    await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
    await page.close();
    const filled = sheetsFilled(pdf);
    const shown = filled.map((f) => `${Math.round(f * 100)}%`).join(", ");
    assert.ok(filled.length <= most, `${file}: ${filled.length} sheets (${shown}), at most ${most}`);
    // Every sheet but the last at least a fifth full (the guide's materials
    // checklist may have a sheet of its own, to tick off while packing).
    assert.ok(filled.slice(0, -1).every((f) => f >= 0.2), `${file}: sheets filled ${shown}`);
  }
  // The materials checklist is whole on one sheet.
  const page = await browser.context.newPage();
  await page.goto("file://" + path.join(out, "workshops/intro-training/facilitator.html"), { waitUntil: "load" });
  const pdf = path.join(dir, "pl-guide.pdf");
  await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
  const items = await page.locator(".checklist li label").evaluateAll((labels) => labels.map((l) => l.textContent.trim().split(/\s+/).slice(0, 2).join(" ")));
  await page.close();
  const sheets = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").map((s) => s.replace(/\s+/g, " "));
  const sheet = sheets.find((s) => s.includes("Lista materiałów"));
  assert.ok(items.length >= 4, `${items.length} materials`);
  assert.deepEqual(items.filter((i) => !sheet.includes(i)), [], "every material on the checklist heading's sheet");
});

test("a guide printed on US Letter is laid out on Letter, not shrunk from A4", async () => {
  const page = await browser.context.newPage();
  await page.goto(fileUrl("workshops/foundations/facilitator.html"), { waitUntil: "load" });
  const pdf = path.join(dir, "letter.pdf");
  // The print dialog's paper, with the page's own size preferred where it gives one.
  await page.pdf({ path: pdf, format: "Letter", preferCSSPageSize: true });
  await page.close();
  const size = execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  assert.deepEqual([Number(size[1]), Number(size[2])], [612, 792], "8.5 × 11 in sheets");
});

test("a printed ordering exercise has an empty box before each step to write its place in, not the screen's 1, 2, 3 (beside shuffled steps they read as the answer)", async () => {
  const page = await printView("practice/session-flow.html");
  const item = page.locator(".practice-item", { has: page.locator("ol.steps") }).first();
  const marks = await item.locator("li.step").evaluateAll((lis) => lis.map((li) => {
    const s = getComputedStyle(li, "::before");
    return { content: s.content, border: parseFloat(s.borderTopWidth), width: parseFloat(s.width), height: parseFloat(s.height) };
  }));
  assert.ok(marks.length >= 3, "the sample set has an order item");
  for (const m of marks) {
    assert.ok(!/counter/.test(m.content), `no number printed before a step: ${m.content}`);
    assert.ok(m.border >= 1 && m.width >= 20 && m.height >= 16, `a box to write in: ${JSON.stringify(m)}`);
  }
  const paper = item.locator(".on-paper");
  assert.ok(await paper.isVisible(), "the sheet says what to write in the boxes");
  await page.emulateMedia({ media: "screen" });
  assert.equal(await paper.isVisible(), false, "on screen the buttons' help is shown instead");
  const first = (await item.locator("li.step .step-text").first().textContent()).trim().slice(0, 20);
  // Checked on screen, it prints the steps as placed, not marked.
  await item.locator("button[type=submit]").click();
  await page.emulateMedia({ media: "print" });
  assert.equal(await item.locator(".step-mark:visible").count(), 0, "no “not yet” or “in place” on paper");
  const borders = await item.locator("li.step").evaluateAll((lis) => [...new Set(lis.map((li) => getComputedStyle(li).borderTopColor))]);
  assert.deepEqual(borders, ["rgb(153, 153, 153)"], "every step's box alike, none red or green");
  await page.evaluate(() => localStorage.clear());
  await page.close();
  const { text } = await printed(fileUrl("practice/session-flow.html"));
  const at = text.indexOf(first);
  assert.ok(at > 0, `the step “${first}” is printed`);
  assert.doesNotMatch(text.slice(at - 4, at), /\d\.\s*$/, "with no number before it");
  assert.match(text, /Number the steps in order/);
});

/** The words of sheet `n` (1-based) of `pdf` with their boxes, in points. */
function wordsOf(pdf, n) {
  const xml = execFileSync("pdftotext", ["-bbox", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
  const page = xml.match(/<page width="([\d.]+)" height="([\d.]+)"/);
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map(([, x0, y0, x1, y1, w]) => ({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, w: w.replace(/&amp;/g, "&").replace(/&#39;|&apos;/g, "'") }));
  return { width: Number(page[1]), height: Number(page[2]), words };
}

test("a guide, a handout or a script of many sheets says on each sheet after the first what it is, in the top margin beside the organization (Polish too)", async () => {
  const out = path.join(dir, "pl-title");
  execFileSync(BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", out], { stdio: "pipe" });
  const cases = [
    [fileUrl("workshops/foundations/facilitator.html"), "A4", "Foundations of Action Learning – facilitator guide"],
    [fileUrl("workshops/foundations/handout.html"), "Letter", "Foundations of Action Learning – participant handout"],
    [fileUrl("sessions/rota-tool.html"), "A4", "The rota tool nobody uses"],
    ["file://" + path.join(out, "workshops/intro-training/handout.html"), "A4", "Wprowadzenie do Action Learning – materiały dla uczestników"],
  ];
  for (const [url, format, title] of cases) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const pdf = path.join(dir, `title${Date.now()}.pdf`);
    await page.pdf({ path: pdf, format, preferCSSPageSize: true });
    await page.close();
    const sheets = Number(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)[1]);
    assert.ok(sheets >= 2, `${title}: ${sheets} sheets`);
    for (let n = 1; n <= sheets; n++) {
      const { width, words } = wordsOf(pdf, n);
      const margin = 20 * 72 / 25.4; // the top margin, 20 mm
      const head = words.filter((w) => w.y1 < margin).map((w) => w.w).join(" ");
      if (n === 1) {
        assert.ok(!head.includes(title), `${title}: the first sheet's title is its heading, not in the margin too (“${head}”)`);
        continue;
      }
      assert.ok(head.includes(title), `${title}, sheet ${n}: the top margin reads “${head}”`);
      const right = Math.max(...words.filter((w) => w.y1 < margin).map((w) => w.x1));
      assert.ok(right <= width - 16 * 72 / 25.4 + 1, `${title}, sheet ${n}: the title ends at ${right} pt, inside the right margin of a ${width} pt sheet`);
    }
  }
});

test("the printed types of question keep each type's name, meaning and example on one sheet", async () => {
  const page = await browser.context.newPage();
  await page.goto(fileUrl("practice/index.html"), { waitUntil: "load" });
  const types = await page.locator("dl.types .type").evaluateAll((ts) => ts.map((t) => ({
    name: t.querySelector("dt").textContent.trim(),
    meaning: t.querySelector("dd").firstChild.textContent.trim().slice(0, 25),
    example: t.querySelector(".example q").textContent.trim().slice(0, 25),
  })));
  const pdf = path.join(dir, "types.pdf");
  await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
  await page.close();
  assert.ok(types.length >= 10, `${types.length} types`);
  const sheets = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).split("\f").map((s) => s.replace(/\s+/g, " "));
  const sheetOf = (words) => sheets.findIndex((s) => s.includes(words));
  const split = types.filter((t) => sheetOf(t.meaning) < 0 || sheetOf(t.meaning) !== sheetOf(t.example)).map((t) => t.name);
  assert.deepEqual(split, [], "types cut from their example at a sheet's foot");
});

test("the printed home page is the offers and how to reach you, without the screen's ways round the site", async () => {
  const { text } = await printed(fileUrl("index.html"));
  const html = fs.readFileSync(path.join(SITE, "index.html"), "utf8");
  const explore = html.match(/<h2 id="sections-title">([^<]+)</)[1];
  const all = html.match(/<h2 id="offers-title">[^<]+<\/h2>\s*<a href="[^"]+">([^<]+)</)[1];
  assert.ok(!text.includes(explore), `“${explore}” and its cards are not printed`);
  assert.ok(!text.includes(all), `“${all}” is not printed`);
  const offer = html.match(/<li class="offer">\s*<h3><a [^>]*>([^<]+)</)[1].trim();
  assert.ok(text.includes(offer), `the offer “${offer}” is printed`);
  assert.match(text, /Contact us/);
});

test("the printed guide does not tell its reader what printing does; the screen does", async () => {
  const note = "Printed, each module starts on a new page.";
  const page = await printView("workshops/foundations/facilitator.html");
  await page.emulateMedia({ media: "screen" });
  assert.ok((await page.locator("main .lede").innerText()).includes(note), "on screen the lede says how the guide prints");
  await page.close();
  const { text } = await printed(fileUrl("workshops/foundations/facilitator.html"));
  assert.match(text, /Audience: managers/);
  assert.ok(!text.includes("Printed, each module"), "on paper it is not said");
});

test("a link whose words are its address prints once, not followed by the same address in brackets; one to write or call prints its address", async () => {
  const root = path.join(dir, "site-address");
  execFileSync(BIN, ["new", root], { stdio: "pipe" });
  const module = path.join(root, "content/workshops/foundations/power-of-questions.md");
  fs.appendFileSync(module, "\nFurther reading: <https://wial.org/resources/>, [wial.org](https://wial.org) and [the WIAL guide](https://wial.org/guide).\n"
    + "\nQuestions? [Write to us](mailto:hello@northbridge.example?subject=Workshop) or [call us](tel:+442079460000); <ruth@northbridge.example>, [+44 20 7946 0001](tel:+442079460001).\n");
  execFileSync(BIN, ["build", "--root", root, "--out", path.join(dir, "out-address")], { stdio: "pipe" });
  const { text } = await printed("file://" + path.join(dir, "out-address/workshops/foundations/handout.html"));
  assert.ok(text.includes("Further reading: https://wial.org/resources/, wial.org and the WIAL guide (https://wial.org/guide)."), text.match(/Further reading.{0,160}/)[0]);
  assert.ok(text.includes("Questions? Write to us (hello@northbridge.example) or call us (+442079460000); ruth@northbridge.example, +44 20 7946 0001."), text.match(/Questions\?.{0,160}/)[0]);
});

test("a table with an address as a link's words prints whole within the page's margins, the address wrapped, not cut at the sheet's edge", async () => {
  const root = path.join(dir, "site-table");
  execFileSync(BIN, ["new", root], { stdio: "pipe" });
  const module = path.join(root, "content/workshops/foundations/power-of-questions.md");
  // An address longer than the page is wide, alone in its column.
  const token = "https://cards.example.org/QuestionCardsForTheFirstExercise/OpenClosedLeadingStackedReflectiveConnecting.pdf";
  fs.appendFileSync(module, `\n| Where the cards are |\n|---|\n| <${token}> |\n`);
  execFileSync(BIN, ["build", "--root", root, "--out", path.join(dir, "out-table")], { stdio: "pipe" });
  const url = "file://" + path.join(dir, "out-table/workshops/foundations/handout.html");
  const { text } = await printed(url);
  assert.ok(text.replace(/\s+/g, "").includes(token), "the address is printed whole");
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 673, height: 1000 }); // A4 less print.css's side margins, at 96 dpi
  await page.goto(url, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const [table, main] = await page.evaluate((t) => {
    const cell = [...document.querySelectorAll("main td")].find((td) => td.textContent.includes(t));
    return [cell.closest("table").getBoundingClientRect().right, document.querySelector("main").getBoundingClientRect().right];
  }, token);
  await page.close();
  assert.ok(table <= main + 0.5, `the table ends at ${table} px, the page's text at ${main} px`);
});

test("the printed ground rules run on from the intro, a rule's statement whole and its examples side by side on one sheet, no sheet half empty (Polish on Letter too)", async () => {
  const out = path.join(dir, "pl-rules");
  execFileSync(BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", out], { stdio: "pipe" });
  for (const [url, format] of [[fileUrl("ground-rules.html"), "A4"], ["file://" + path.join(out, "ground-rules.html"), "Letter"]]) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const rules = await page.locator(".rule").evaluateAll((rs) => rs.map((r) => ({
      statement: r.querySelector(".rule-text").textContent.trim().split(/\s+/),
      examples: [...r.querySelectorAll(".example h3")].map((h) => h.textContent.replace(/\s+/g, " ").trim().replace(/^[^\p{L}]+/u, "")),
    })));
    const pdf = path.join(dir, `rules-${format}.pdf`);
    await page.pdf({ path: pdf, format, preferCSSPageSize: true });
    await page.close();
    const filled = sheetsFilled(pdf);
    const shown = filled.map((f) => `${Math.round(f * 100)}%`).join(", ");
    assert.ok(filled.length <= 3, `${format}: ${filled.length} sheets (${shown})`);
    assert.ok(filled.slice(0, -1).every((f) => f >= 0.4), `${format}: sheets filled ${shown}`);
    const sheets = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).split("\f").map((s) => s.replace(/\s+/g, " "));
    const sheetOf = (words) => sheets.findIndex((s) => s.includes(words));
    for (const r of rules) {
      const [first, last] = [r.statement.slice(0, 3).join(" "), r.statement.slice(-3).join(" ")];
      assert.ok(sheetOf(first) >= 0, `${format}: “${first}” is printed`);
      assert.equal(sheetOf(first), sheetOf(last), `${format}: “${first} … ${last}” on one sheet`);
      const [keeps, breaks] = r.examples;
      const at = sheets.findIndex((s, i) => i >= sheetOf(first) && s.includes(keeps));
      assert.ok(at >= 0 && sheets[at].includes(breaks), `${format}: “${keeps}” and “${breaks}” side by side`);
    }
  }
});

test("the printed contact block is whole on one sheet, its heading with every line (Polish offers and home page on Letter)", async () => {
  const out = path.join(dir, "pl-contact");
  execFileSync(BIN, ["build", "--root", path.join(__dirname, "../../samples/pl"), "--out", out], { stdio: "pipe" });
  for (const file of ["offers.html", "index.html"]) {
    const page = await browser.context.newPage();
    await page.goto("file://" + path.join(out, file), { waitUntil: "load" });
    const heading = (await page.locator("#contact-title").textContent()).replace(/\s+/g, " ").trim();
    // Each line as printed: its label, then the start of its value.
    const values = await page.locator(".contact-block .contact-list li").evaluateAll((lis) => lis.map((li) => `${li.firstElementChild.textContent.trim()} ${li.lastElementChild.textContent.replace(/\s+/g, " ").trim().slice(0, 12)}`));
    const pdf = path.join(dir, `contact-${file}.pdf`);
    await page.pdf({ path: pdf, format: "Letter", preferCSSPageSize: true });
    await page.close();
    const sheets = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").map((s) => s.replace(/\s+/g, " "));
    const sheet = sheets.find((s) => s.includes(heading));
    assert.ok(sheet, `${file}: “${heading}” is printed`);
    assert.ok(values.length >= 3, `${file}: ${values.length} contact lines`);
    assert.deepEqual(values.filter((v) => !sheet.includes(v)), [], `${file}: every contact line on the sheet of “${heading}”`);
  }
});

test("a practice set printed with answers given in this browser says so on the sheet, and how to print it blank; a blank set does not", async () => {
  const page = await printView("practice/session-flow.html");
  const note = page.locator(".answers-printed");
  assert.equal(await note.isVisible(), false, "no answers: nothing to say");
  await page.emulateMedia({ media: "screen" });
  const item = page.locator(".practice-item", { has: page.locator("ol.steps") }).first();
  await item.locator("button[type=submit]").click();
  assert.equal(await note.isVisible(), false, "on screen the score says it");
  await page.emulateMedia({ media: "print" });
  assert.ok(await note.isVisible(), "on paper, once an answer is given");
  assert.match(await note.textContent(), /Printed with the answers given in this browser\. For a blank sheet, choose “Start over”/);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

/** A site whose workshops `w0`… each have one day of `rows` rows (modules
 *  and breaks), after a summary of 0, 1, 2… lines of text: the printed
 *  schedule of one or another goes on over the page at each of its rows. */
function agendaSite(root, workshops, rows) {
  execFileSync(BIN, ["new", root], { stdio: "pipe" });
  const line = "A line of the summary, long enough to fill the width of the printed sheet from edge to edge.";
  for (let w = 0; w < workshops; w++) {
    const folder = path.join(root, "content/workshops", `w${w}`);
    fs.mkdirSync(folder, { recursive: true });
    const items = [];
    for (let r = 0; r < rows; r++) {
      if (r % 3 === 2) {
        items.push(`      - { break: Coffee, minutes: 10 }`);
        continue;
      }
      items.push(`      - module: m${r}`);
      fs.writeFileSync(path.join(folder, `m${r}.md`), `---\ntitle: Module ${r} of the day\nminutes: 30\nobjectives: [Name what the group learned in this part, Plan the next step]\nactivities:\n  - { title: Work, minutes: 30, kind: discussion }\n---\n\nText.\n`);
    }
    const summary = Array.from({ length: w }, () => `  ${line}\n\n`).join("");
    fs.writeFileSync(path.join(folder, "workshop.yaml"), `title: Workshop ${w}\naudience: trainers\nsummary: |\n${summary || "  Short.\n"}outcomes: [Practise]\ndays:\n  - start: "09:00"\n    items:\n${items.join("\n")}\n`);
  }
}

test("a day's schedule printed over two sheets leaves at least two of its rows on a sheet: never its first or last row alone", async () => {
  const root = path.join(dir, "agendas");
  const [workshops, rows] = [14, 14];
  agendaSite(root, workshops, rows);
  execFileSync(BIN, ["build", "--root", root, "--out", path.join(root, "out")], { stdio: "pipe" });
  let spilled = 0;
  for (let w = 0; w < workshops; w++) {
    const { sheets } = await printed("file://" + path.join(root, "out/workshops", `w${w}`, "index.html"));
    // A row of the schedule is a line that starts with its start and end.
    const counts = sheets.map((s) => s.split("\n").filter((l) => /^\s*\d\d?:\d\d\s+\d\d?:\d\d\s/.test(l)).length);
    assert.equal(counts.reduce((a, b) => a + b, 0), rows, `w${w}: every row printed (${counts})`);
    if (counts.filter((c) => c > 0).length > 1) spilled++;
    assert.ok(counts.every((c) => c === 0 || c >= 2), `w${w}: rows on each sheet ${counts.join(", ")}`);
  }
  assert.ok(spilled >= workshops / 2, `the schedule goes on over the page in ${spilled} of ${workshops} agendas`);
});
