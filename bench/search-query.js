"use strict";
// Search in Chromium on a built site (bench/run passes its folder): how long
// the index takes to load on first use, the longest the page is blocked
// while it loads, and how long queries take, alone and with the results
// drawn. Uses the browser-test packages (tests/browser/node_modules).
//
//   node bench/search-query.js SITE_FOLDER

const path = require("node:path");
const { chromium } = require(path.join(__dirname, "../tests/browser/node_modules/playwright-core"));

const QUERIES = ["coach", "reflection", "quest", "organization change", "assumptions feedback", "co", "nothingmatches"];

async function main(site) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
  try {
    const page = await browser.newPage();
    await page.goto("file://" + path.resolve(site, "index.html"), { waitUntil: "load" });
    const load = await page.evaluate(() => new Promise((done) => {
      const longest = { ms: 0 };
      new PerformanceObserver((list) => list.getEntries().forEach((e) => { longest.ms = Math.max(longest.ms, e.duration); }))
        .observe({ type: "longtask", buffered: false });
      const t0 = performance.now();
      document.getElementById("search-input").focus();
      (function poll() {
        if (window.alsite.search.query("coach").results.length) {
          const ready = performance.now() - t0;
          setTimeout(() => done({ ready, longest: longest.ms }), 100);
        } else setTimeout(poll, 2);
      })();
    }));
    const rows = [];
    for (const q of QUERIES) {
      const r = await page.evaluate((query) => {
        const alone = [], drawn = [];
        const input = document.getElementById("search-input");
        let found = 0;
        for (let i = 0; i < 7; i++) {
          let t = performance.now();
          found = window.alsite.search.query(query).total;
          alone.push(performance.now() - t);
          input.value = "";
          t = performance.now();
          input.value = query;
          input.dispatchEvent(new Event("input"));
          drawn.push(performance.now() - t);
        }
        const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
        return { query, found, alone: median(alone), drawn: median(drawn), worst: Math.max(...drawn) };
      }, q);
      rows.push(r);
    }
    console.log(`  index ready ${load.ready.toFixed(0)} ms after the first focus; longest main-thread task meanwhile ${load.longest.toFixed(0)} ms`);
    console.log("  | query | sections found | query (median) | query and results drawn (median, worst) |");
    console.log("  |---|---:|---:|---:|");
    for (const r of rows) console.log(`  | ${r.query} | ${r.found.toLocaleString("en")} | ${r.alone.toFixed(1)} ms | ${r.drawn.toFixed(1)} ms, ${r.worst.toFixed(1)} ms |`);
  } finally {
    await browser.close();
  }
}

main(process.argv[2]).catch((e) => { console.error(e); process.exit(1); });
