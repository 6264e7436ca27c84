"use strict";
// Reads the JSON a built page embeds for its scripts, so tests use exactly
// what the browser gets.
const fs = require("node:fs");
const path = require("node:path");

function embedded(site, page, id) {
  const html = fs.readFileSync(path.join(site, page), "utf8");
  const m = html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
  if (!m) throw new Error(`${page} has no #${id} data`);
  return JSON.parse(m[1]);
}

module.exports = { embedded };
