"use strict";
// The site as an organisation copies it: onto a USB stick or a shared drive
// whose folders have spaces, Polish letters, `#`, `%`, `?`, `&`, `+`,
// brackets and an apostrophe, and onto an intranet under such a sub-path,
// with content files a trainer named (`o nas.md`, `Q&A.md`, `100% gotowe.md`,
// `notatki (1).md`, a folder `Wyniki 100%Efekt`, images with `&`, `'` and
// brackets). Every page opens whole, every link leads to a file that is
// there, search finds a page and its result opens it, the language switcher
// and the session player work. Builds the Polish and English sample.

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL, fileURLToPath } = require("node:url");
const { launch, serve } = require("./helpers");

const REPO = path.resolve(__dirname, "../..");
const BIN = process.env.ALSITE_BIN || path.join(REPO, "target/debug/alsite");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alsite-file-names-"));
const DEEP = ["Szkolenia AL ś ł ż", "Materiały #1 100% ?x&y+z [a] (b) O'Brien", "kopia na pendrive", "2025 – wiosna"];
const out = path.join(work, ...DEEP, "strona");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** The trainer's own files, laid over the Polish and English sample. */
function trainerFiles(content) {
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
    fs.writeFileSync(path.join(content, rel), text);
  };
  write("images/Q&A + plan's (1).png", PNG);
  write("images/sala [B].png", PNG);
  write("pages/o nas.md", "---\ntitle: O nas\n---\n\n"
    + "[źródła](źródła.md#sekcja) [Q&A](Q&A.md) [gotowe](<100% gotowe.md>) [notatki](notatki%20(1).md) "
    + "[wyniki](<Wyniki 100%Efekt/index.md>)\n\n![Plan](<../images/Q&A + plan's (1).png>) ![Sala](/images/sala%20%5BB%5D.png)\n");
  write("pages/o nas.en.md", "---\ntitle: About us\n---\n\n[Q&A](Q&A.md)\n");
  write("pages/źródła.md", "---\ntitle: Źródła\n---\n\n## Sekcja\n\nRevans i Pedler.\n");
  write("pages/Q&A.md", "# Pytania i odpowiedzi\n\n[O nas](<o nas.md>)\n");
  write("pages/100% gotowe.md", "# Gotowe w stu procentach\n");
  write("pages/notatki (1).md", "# Notatki\n\n![Sala](</images/sala [B].png>)\n");
  write("pages/Wyniki 100%Efekt/index.md", "# Wyniki ankiety\n\nSłowo do szukania: kangurzyca.\n\n[Wróć](../o%20nas.md)\n");
  write("workshops/intro-training/rozmowa w trójkach.md", "---\ntitle: Rozmowa w trójkach\nminutes: 20\n"
    + "activities:\n  - { title: Trzy rundy, minutes: 20, kind: practice }\n---\n\nPytający tylko pyta.\n");
  const workshop = path.join(content, "workshops/intro-training/workshop.yaml");
  fs.appendFileSync(workshop, "      - module: rozmowa w trójkach\n");
}

let browser;
before(async () => {
  const root = path.join(work, "site");
  execFileSync(BIN, ["new", root, "--language", "pl,en"], { stdio: "pipe" });
  trainerFiles(path.join(root, "content"));
  execFileSync(BIN, ["build", "--root", root, "--out", out], { stdio: "pipe" });
  browser = await launch();
});
after(async () => {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every page of the built site, as a path from its root. */
function allPages(dir, rel = "") {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return allPages(dir, p);
    return e.name.endsWith(".html") ? [p] : [];
  });
}

const address = (base, file) => base + file.split("/").map(encodeURIComponent).join("/");

/** Opens `file`, and gives what is wrong with it: errors, failed requests,
 *  images that did not load and links (`toFile` says where a link's file
 *  is) to files that are not there. */
async function problemsOf(base, file, toFile) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`error: ${e}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${decodeURI(r.url())}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${decodeURI(r.url())}`); });
  await page.goto(address(base, file), { waitUntil: "load" });
  const found = await page.evaluate(() => ({
    images: [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
    links: [...document.querySelectorAll("a[href], link[href]")]
      .map((a) => new URL(a.getAttribute("href"), document.baseURI))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.origin + u.pathname),
  }));
  for (const src of found.images) problems.push(`image not shown: ${decodeURI(src)}`);
  for (const link of new Set(found.links)) {
    const target = toFile(link);
    if (!target || !fs.existsSync(target) || fs.statSync(target).isDirectory()) problems.push(`link to no file: ${decodeURI(link)}`);
  }
  await page.close();
  return problems;
}

test("from disk in an odd, deep folder every page opens whole and every link leads to a file", async () => {
  const base = pathToFileURL(out + "/").href;
  const pages = allPages(out);
  for (const want of ["o nas.html", "Q&A.html", "100% gotowe.html", "notatki (1).html", "źródła.html", "Wyniki 100%Efekt/index.html", "en/o nas.html"]) {
    assert.ok(pages.includes(want), `${want} among ${pages.length} pages`);
  }
  for (const file of pages) {
    assert.deepEqual(await problemsOf(base, file, (u) => fileURLToPath(u)), [], file);
  }
});

test("under an intranet sub-path with such names every page opens whole", async () => {
  const prefix = "/" + ["Szkolenia AL", "Materiały #1 100% ?x&y+z [a] (b) O'Brien"].map(encodeURIComponent).join("/") + "/";
  const server = await serve(prefix, { root: out });
  try {
    const inSite = (u) => u.startsWith(server.base) && path.join(out, decodeURIComponent(u.slice(server.base.length)));
    for (const file of ["index.html", "o nas.html", "Q&A.html", "notatki (1).html", "Wyniki 100%Efekt/index.html", "en/o nas.html", "sessions/decyzje-kierownikow.html"]) {
      assert.deepEqual(await problemsOf(server.base, file, inSite), [], file);
    }
  } finally {
    await server.close();
  }
});

test("a module whose file name has spaces has a named section in the guide and the handout, and the contents lead to it", async () => {
  const page = await browser.context.newPage();
  for (const file of ["facilitator.html", "handout.html"]) {
    await page.goto(pathToFileURL(path.join(out, "workshops/intro-training", file)).href);
    const section = page.getByRole("region", { name: "Rozmowa w trójkach", exact: true });
    assert.equal(await section.count(), 1, `${file}: the module's section is named by its title`);
    const link = page.locator("a", { hasText: "Rozmowa w trójkach" }).first();
    const target = (await link.getAttribute("href")).slice(1);
    assert.ok(!/\s/.test(target), `${file}: the anchor ${target} holds no space`);
    assert.equal(await section.getAttribute("id"), target, file);
  }
  await page.close();
});

test("search from disk finds a page in a folder with % in its name, and its result opens it", async () => {
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(path.join(out, "index.html")).href);
  await page.keyboard.press("/");
  await page.keyboard.type("kangurzyca");
  const result = page.locator("#search-results a[role=option]").first();
  await result.waitFor();
  await result.click();
  await page.waitForURL(/Wyniki/);
  assert.equal(fileURLToPath(page.url()), path.join(out, "Wyniki 100%Efekt/index.html"));
  assert.equal(await page.locator("h1").textContent(), "Wyniki ankiety");
  await page.close();
});

test("from disk the language switcher and the session player work in such a folder", async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.join(out, "o nas.html")).href);
  await page.locator("a[hreflang=en]").first().click();
  await page.waitForURL(/\/en\//);
  assert.equal(fileURLToPath(page.url()), path.join(out, "en/o nas.html"));
  assert.equal(await page.locator("h1").textContent(), "About us");

  await page.goto(pathToFileURL(path.join(out, "sessions/decyzje-kierownikow.html")).href);
  const next = page.locator(".player button", { hasText: "Dalej" }).first();
  for (let i = 0; i < 3; i++) await next.click();
  await page.reload();
  await page.locator(".player").getByText(/Krok 4 z/).first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
