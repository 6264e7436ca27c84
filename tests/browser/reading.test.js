"use strict";
// What a new trainer's Polish site looks like on a 390 px phone and a 1280 px
// screen, from disk: the home page's text in one column (a heading never
// parted from its list), footnotes as a number before the note, search
// results as wide as the phone, a session pause that says in full what to do
// and drops the controls it no longer needs, Escape leaving the presenter
// view and closing the phone menu (a full-width list below the title), Tab
// through the header in the order it is drawn, and words that need no Polish
// case ending ("Uczestnicy: …", "pyta → Ania"), and callouts (`> [!TIP]`)
// titled in Polish, legible in both schemes, a folded one opened by key.
// Builds tests/sites/polish (and, with two-languages laid over it, a Polish
// and English site) with ALSITE_BIN.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { launch, axeViolations, contrast } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-reading-"));
const site = path.join(work, "polish-out");
const twoLanguages = path.join(work, "two-out");
const withCallouts = path.join(work, "callouts-out");

/** A page of the Polish site with a callout of every look, one folded. */
const CALLOUTS = `---
title: Uwagi dla prowadzących
---

Zanim zaczniesz sesję, przeczytaj te uwagi.

> [!NOTE]
> Zasady są dwie: [o nas](o-nas.md) piszemy więcej.

> [!TIP]
> Wydrukuj zasady na dużej kartce.

> [!IMPORTANT]
> Prezenter sam jest właścicielem problemu.

> [!WARNING]
> Pilnuj czasu: runda trwa najwyżej *dziesięć* minut.

> [!CAUTION]
> Nie dawaj rad, nawet gdy grupa o nie prosi.

> [!question]- Co z telefonami?
> Odkładamy je na czas rundy.
`;

/** Builds the sites under tests/sites named by `layers`, laid one over the other, into `out`. */
function build(layers, out) {
  const root = path.join(work, path.basename(out) + "-src");
  for (const layer of layers) fs.cpSync(path.join(REPO, "tests/sites", layer), root, { recursive: true });
  execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
}

let browser;
before(async () => {
  build(["polish"], site);
  build(["polish", "two-languages"], twoLanguages);
  const root = path.join(work, "callouts-src");
  fs.cpSync(path.join(REPO, "tests/sites/polish"), root, { recursive: true });
  fs.writeFileSync(path.join(root, "content/pages/uwagi.md"), CALLOUTS);
  execFileSync(BIN, ["build", "--root", root, "--out", withCallouts], { stdio: "pipe" });
  browser = await launch();
});
after(async () => {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A fresh tab `width` px wide on `file` of the built site, with nothing saved. */
async function view(file, width, scheme = "light", root = site) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto("file://" + path.join(root, file));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  page.errors = errors;
  return page;
}

const box = (locator) => locator.boundingBox();

test("home page at 1280 px: one column of text, each heading right above what follows it", async () => {
  for (const scheme of ["light", "dark"]) {
    const page = await view("index.html", 1280, scheme);
    const heading = await box(page.locator(".prose h2", { hasText: "Od czego zacząć" }));
    const list = await box(page.locator(".prose h2 + ol"));
    assert.equal(Math.round(list.x), Math.round(heading.x), `${scheme}: the list starts under its heading, not in another column`);
    assert.ok(list.y >= heading.y + heading.height && list.y - (heading.y + heading.height) < 40, `${scheme}: the list follows its heading (${JSON.stringify({ heading, list })})`);
    const lefts = await page.locator(".home main > .prose > *").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    assert.equal(new Set(lefts).size, 1, `${scheme}: every block of the text starts at one left edge: ${lefts}`);
    assert.deepEqual(await axeViolations(page), [], scheme);
    await page.close();
  }
});

test("a footnote: a small raised number in the text, the note beside its number under a rule", async () => {
  for (const width of [390, 1280]) {
    const page = await view("index.html", width);
    const sizes = await page.evaluate(() => {
      const ref = document.querySelector(".footnote-reference");
      return { ref: parseFloat(getComputedStyle(ref).fontSize), text: parseFloat(getComputedStyle(ref.parentElement).fontSize) };
    });
    assert.ok(sizes.ref < sizes.text * 0.85, `${width} px: the reference is smaller than the text (${JSON.stringify(sizes)})`);
    const label = await box(page.locator(".footnote-definition-label"));
    const note = await box(page.locator(".footnote-definition > p"));
    assert.ok(Math.abs(label.y - note.y) < 4, `${width} px: the number is on the note's first line (${label.y} vs ${note.y})`);
    assert.ok(label.x + label.width <= note.x, `${width} px: the number comes before the note`);
    const rule = await page.locator(".footnote-definition").evaluate((d) => getComputedStyle(d).borderTopStyle);
    assert.equal(rule, "solid", "a rule above the notes");
    await page.close();
  }
});

test("search on a 390 px phone, the language switcher beside the box: the results span the screen", async () => {
  const page = await view("o-nas.html", 390, "light", twoLanguages);
  const field = await box(page.locator(".site-search"));
  assert.ok(field.width < 0.9 * 390, `the box shares its row (${field.width} px), so the results must not take its width`);
  await page.keyboard.press("/");
  await page.keyboard.type("pielegniarek");
  await page.locator(".search-count").filter({ hasText: "pielegniarek" }).waitFor();
  const panel = await box(page.locator(".search-panel"));
  assert.ok(panel.width >= 0.9 * 390, `the results are ${panel.width} px wide`);
  assert.ok(panel.x >= 0 && panel.x + panel.width <= 390, `and fit the screen: ${JSON.stringify(panel)}`);
  const input = await box(page.locator("#search-input"));
  assert.ok(panel.y >= input.y + input.height, "below the box, not over it");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

/** Steps the player until Next waits at a pause. */
async function toPause(page) {
  const next = page.locator(".player .next");
  for (let i = 0; i < 20 && !(await next.isDisabled()); i++) await next.click();
  assert.ok(await next.isDisabled(), "the player waits at a pause");
}

test("a session pause at 390 px: the hint in full, and once answered no Skip or Show answer", async () => {
  const page = await view("sessions/grafik.html", 390);
  await toPause(page);
  const help = page.locator(".player .pause-help");
  assert.ok(await help.isVisible());
  assert.equal(await help.textContent(), "Odpowiedz na pytanie poniżej albo je pomiń, aby przejść dalej.");
  const clipped = await help.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  assert.equal(clipped, false, "the hint is not cut");
  const hint = await box(help);
  assert.ok(hint.x >= 0 && hint.x + hint.width <= 390, "the hint fits the screen");
  const pause = page.locator(".turn.is-current");
  assert.ok(await pause.locator(".skip-pause").isVisible(), "Skip is offered before an answer");
  await pause.locator("label.option").nth(0).click();
  await pause.locator("form.interactive button[type=submit]").click();
  await pause.locator(".feedback .verdict").waitFor();
  assert.equal(await pause.locator(".skip-pause").isVisible(), false, "no Skip once answered");
  assert.equal(await pause.locator("details.answer").isVisible(), false, "no Show answer: the feedback gives it");
  assert.equal(await page.locator(".player .next").isDisabled(), false, "Next goes on");
  assert.equal(await help.isVisible(), false, "the hint goes");
  await page.reload();
  assert.equal(await page.locator(".turn.is-current .skip-pause").isVisible(), false, "still gone after a reload");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("Escape leaves the presenter view where the player was", async () => {
  const page = await view("sessions/grafik.html", 1280);
  await page.locator(".player .next").click();
  await page.locator(".present-toggle").click();
  await page.waitForFunction(() => document.body.classList.contains("present"));
  assert.equal(await page.locator(".site-header").isVisible(), false, "the presenter view fills the screen");
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.body.classList.contains("present")), false);
  assert.ok(await page.locator(".site-header").isVisible());
  assert.equal(await page.locator(".present-toggle").textContent(), "Widok do projekcji");
  assert.match(await page.locator(".player .position").textContent(), /^Krok 2 z\u00a0/, "at the same turn");
  assert.ok(!page.url().endsWith("#present"), page.url());
  await page.close();
});

test("the phone menu: a full-width list below the title; Escape closes it and returns to the button", async () => {
  for (const scheme of ["light", "dark"]) {
    const page = await view("o-nas.html", 390, scheme);
    const title = page.locator(".site-title");
    const titleBefore = await box(title);
    const button = page.locator(".nav-menu > summary");
    await button.click();
    const links = page.locator("nav.nav-menu .site-nav a, .nav-menu .site-nav a");
    const count = await links.count();
    assert.ok(count >= 4, `${count} links`);
    const buttonBox = await box(button);
    const titleAfter = await box(title);
    assert.equal(titleAfter.height, titleBefore.height, `${scheme}: the title keeps its lines when the menu opens`);
    const xs = new Set();
    for (let i = 0; i < count; i++) {
      const b = await box(links.nth(i));
      assert.ok(b.y >= buttonBox.y + buttonBox.height, `${scheme}: link ${i + 1} is below the menu button`);
      assert.ok(b.width >= 0.85 * 390, `${scheme}: link ${i + 1} spans the screen (${b.width} px)`);
      xs.add(Math.round(b.x));
    }
    assert.equal(xs.size, 1, `${scheme}: one list, one left edge`);
    assert.deepEqual(await axeViolations(page), [], `${scheme}, menu open`);
    await links.nth(1).focus();
    await page.keyboard.press("Escape");
    assert.equal(await links.first().isVisible(), false, `${scheme}: Escape closes the menu`);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "SUMMARY", `${scheme}: the focus is back on Menu`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("Tab goes through the header as it is drawn: down its rows and along each, at every width, the menu open", async () => {
  for (const [name, root] of [["Polish", site], ["Polish and English", twoLanguages]]) {
    for (const width of [320, 390, 768, 1024, 1280]) {
      const page = await view("o-nas.html", width, "light", root);
      await page.locator(".search-input").waitFor();
      await page.locator(".skip-link").focus();
      const stops = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el.closest(".site-header")) return null;
          const r = el.getBoundingClientRect();
          return { name: (el.getAttribute("placeholder") || el.textContent).trim().slice(0, 25), top: r.top, bottom: r.bottom, left: r.left, menu: el.tagName === "SUMMARY" };
        });
        if (!stop) break;
        stops.push(stop);
        if (stop.menu) await page.keyboard.press("Enter"); // open it, and Tab on into it
      }
      assert.ok(stops.length >= 8, `${name}, ${width} px: ${stops.map((s) => s.name).join(" | ")}`);
      // Each stop is on a row below the one before, or on its row and to its right.
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [stops[i - 1], stops[i]];
        const sameRow = b.top < a.bottom && a.top < b.bottom;
        assert.ok(sameRow ? b.left > a.left : b.top >= a.bottom - 1,
          `${name}, ${width} px: Tab goes from “${a.name}” (${Math.round(a.left)}, ${Math.round(a.top)}) to “${b.name}” (${Math.round(b.left)}, ${Math.round(b.top)}), back up or leftwards`);
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test("Polish words need no case ending: 'Uczestnicy: …', 'pyta → Ania' and the roles as nouns", async () => {
  // "i" is bound to the next word (Polish line breaking): a no-break space.
  const audience = "menedżerowie i\u00a0coachowie wewnętrzni";
  for (const file of ["workshops/index.html", "workshops/podstawy/index.html", "workshops/podstawy/facilitator.html", "workshops/podstawy/handout.html"]) {
    const page = await view(file, 390);
    const text = await page.locator("main").innerText();
    assert.ok(text.includes(`Uczestnicy: ${audience}`), `${file} names the audience after a label`);
    assert.ok(!/Dla menedżer/.test(text), `${file}: no "Dla" before the audience`);
    await page.close();
  }
  const page = await view("sessions/grafik.html", 390);
  const speaker = page.locator("#turn-1 .speaker");
  const seen = await speaker.evaluate((p) => {
    const copy = p.cloneNode(true);
    copy.querySelectorAll(".visually-hidden").forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  });
  assert.equal(seen, "Leon uczestnik pyta → Ania", "what a reader sees");
  assert.equal(await speaker.locator(".to .visually-hidden").textContent(), "do:", "what a screen reader hears before the name");
  await page.locator(".player .back").focus();
  await page.locator(".player .next").click();
  await page.locator(".player .back").click();
  assert.match(await page.locator(".announcer").textContent(), /^Leon uczestnik pyta do: Ania: Co się dzieje/);
  // The presenter's role is a noun, as a member's is: "Ania prezenter odpowiada", not a verb.
  const seenText = async (locator) => (await locator.innerText()).replace(/\s+/g, " ").trim();
  assert.equal(await seenText(page.locator(".role-card", { hasText: "Ania" })), "Ania Prezenter", "the list of who is in the room");
  await page.locator(".player .next").click();
  assert.equal(await seenText(page.locator("#turn-2 .speaker")), "Ania prezenter odpowiada", "the presenter's turn");
  await page.close();
  const index = await view("sessions/index.html", 390);
  assert.match(await seenText(index.locator(".card-meta")), /Coach: Sabina · Prezenter: Ania · 4 uczestników/, "a session's card");
  await index.close();
});

test("callouts: each titled in Polish, its words legible in both schemes, the folded one opened from the keyboard", async () => {
  const titles = ["Notatka", "Wskazówka", "Ważne", "Ostrzeżenie", "Ostrożnie", "Co z\u00a0telefonami?"]; // "z" bound to its word (Polish line breaking)
  for (const scheme of ["light", "dark"]) {
    for (const width of [390, 1280]) {
      const page = await view("uwagi.html", width, scheme, withCallouts);
      const callouts = page.locator("main aside.callout[role=note]");
      assert.equal(await callouts.count(), 6, `${scheme}, ${width} px`);
      assert.deepEqual((await callouts.locator(".callout-title").allInnerTexts()).map((t) => t.trim()), titles, `${scheme}: the titles a reader sees`);
      const colours = await callouts.evaluateAll((els) => els.map((el) => {
        const fill = getComputedStyle(el).backgroundColor;
        const colour = (sel) => { const e = el.querySelector(sel); return e ? getComputedStyle(e).color : null; };
        return { fill, title: colour(".callout-title"), text: colour(".callout-title ~ p, details > p"), link: colour("a"), edge: getComputedStyle(el).borderLeftColor };
      }));
      for (const [i, c] of colours.entries()) {
        const where = `${scheme}, ${titles[i]}`;
        assert.notEqual(c.fill, "rgba(0, 0, 0, 0)", `${where}: a fill of its own`);
        for (const part of ["title", "text", "link"]) {
          if (c[part]) assert.ok(contrast(c[part], c.fill) >= 4.5, `${where}: its ${part} ${c[part]} on ${c.fill}: ${contrast(c[part], c.fill).toFixed(2)}:1`);
        }
      }
      assert.equal(new Set(colours.map((c) => c.edge)).size, 5, `${scheme}: five looks, told apart by their edges: ${colours.map((c) => c.edge)}`);
      assert.deepEqual(await axeViolations(page), [], `${scheme}, ${width} px`);
      // The folded one shows its title only, and opens from the keyboard.
      const folded = callouts.last();
      assert.equal(await folded.getByText("Odkładamy je").isVisible(), false, "folded, its text is hidden");
      await folded.locator("summary").focus();
      await page.keyboard.press("Enter");
      assert.ok(await folded.getByText("Odkładamy je").isVisible(), "Enter on the title opens it");
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test("callouts on paper: a folded one prints whole, its text on the sheet as in the open ones", async () => {
  const page = await browser.context.newPage();
  await page.goto("file://" + path.join(withCallouts, "uwagi.html"));
  await page.emulateMedia({ media: "print" });
  const folded = page.locator("main aside.callout[role=note]").last();
  assert.ok(await folded.getByText("Odkładamy je").isVisible(), "the folded callout's text is on paper");
  const box = await folded.getByText("Odkładamy je").boundingBox();
  assert.ok(box && box.height > 0 && box.width > 0, `its text takes room on the sheet: ${JSON.stringify(box)}`);
  await page.close();
});
