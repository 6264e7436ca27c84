"use strict";
// The search box folds and splits what a reader types exactly as the index
// writer (src/search/tokenize.rs) splits page text: both pass the cases in
// tests/search-tokens.json. Runs static/search.js's tokenizer in Node, and in
// Chromium, whose Unicode tables are the ones readers have.

const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const root = path.join(__dirname, "../..");
const table = JSON.parse(fs.readFileSync(path.join(root, "tests/search-tokens.json"), "utf8"));
const script = fs.readFileSync(path.join(root, "themes/default/static/search.js"), "utf8");

function loadTokenizer() {
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(script, sandbox);
  return sandbox.alsite.search.tokens;
}

test("search.js tokenizes every shared case as the Rust tokenizer does", () => {
  const tokens = loadTokenizer();
  assert.ok(table.cases.length >= 10);
  for (const c of table.cases) {
    assert.deepEqual(Array.from(tokens(c.text)), c.tokens, `tokens of ${JSON.stringify(c.text)}`);
  }
});

test("the same cases pass in Chromium", { skip: !process.env.ALSITE_SITE && "needs ALSITE_SITE" }, async () => {
  const { launch } = require("./helpers");
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.setContent("<!doctype html><title>t</title>");
    await page.addScriptTag({ content: script });
    const got = await page.evaluate((cases) => cases.map((c) => window.alsite.search.tokens(c.text)), table.cases);
    table.cases.forEach((c, i) => assert.deepEqual(got[i], c.tokens, `tokens of ${JSON.stringify(c.text)}`));
  } finally {
    await browser.close();
  }
});
