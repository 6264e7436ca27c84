"use strict";
// The LMS side of the SCORM browser tests: `alsite package` run and its zip
// unpacked, a host page with scorm-again (the API an LMS gives a SCO) that
// opens a launch page in a frame as an LMS does, and a small server for both.

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const BIN = process.env.ALSITE_BIN;
const RUNTIME = path.join(__dirname, "node_modules/scorm-again/dist");

/** `alsite package` run on the site at `root` (`parts`: the PATHs to name),
 *  unzipped in `work`; returns its folder. */
function packaged(root, work, version, parts, name) {
  const zip = path.join(work, `${name}.zip`);
  execFileSync(BIN, ["package", "--root", root, "--scorm", version, "--out", zip, ...parts], { stdio: "pipe" });
  const dir = path.join(work, name);
  execFileSync("unzip", ["-q", "-o", zip, "-d", dir]);
  return dir;
}

/** The number of commits once they have stopped: at least one, then none
 *  for longer than the store waits after a change (2 s). Read from the
 *  platform, not from a fixed wait, which a busy machine outlasts. */
async function settled(page) {
  await page.waitForFunction(() => window.lms.commits >= 1, null, { timeout: 15000 });
  const count = () => page.evaluate(() => window.lms.commits);
  let before = await count();
  for (;;) {
    await page.waitForTimeout(3000);
    const now = await count();
    if (now === before) return now;
    before = now;
  }
}

/** The host page: the LMS's window with the run-time, the SCO in a frame.
 *  `lms.late`: the API appears that many ms after the page; `lms.failing`:
 *  commits fail while it is true (the platform's server out of reach);
 *  `lms.moodle`: each commit and the finish first send every value as
 *  Moodle's run-time does (mod/scorm/datamodels/scorm_12.js: through
 *  encodeURIComponent, which throws on half a character, and then nothing
 *  is saved); `lms.sent` counts the sends that got through. */
function hostPage(version, launchPage, lms = {}) {
  const [file, cls, global] = version === "1.2" ? ["scorm12.js", "Scorm12API", "API"] : ["scorm2004.js", "Scorm2004API", "API_1484_11"];
  const commit = version === "1.2" ? "LMSCommit" : "Commit";
  const finish = version === "1.2" ? "LMSFinish" : "Terminate";
  const moodle = `[api.${commit}, api.${finish}].forEach(function (real, i) {
      var name = i ? "${finish}" : "${commit}";
      api[name] = function (p) {
        (function send(o) { Object.keys(o).forEach(function (k) { if (typeof o[k] === "string") encodeURIComponent(o[k]); else if (o[k] && typeof o[k] === "object") send(o[k]); }); })(JSON.parse(JSON.stringify(api.cmi)));
        window.lms.sent++;
        return real.call(api, p);
      };
    });`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="/runtime/${file}"></script>
<script>
  window.lms = { commits: 0, finished: 0, errors: [], failed: 0, failing: ${Boolean(lms.failing)}, sent: 0 };
  function setUp() {
    var api = new ${cls}({ autocommit: false, logLevel: 4, onLogMessage: function (level, msg) { window.lms.errors.push(msg); } });
    if (window.lmsData) api.loadFromJSON(window.lmsData, "");
    api.on("${commit}", function () { window.lms.commits++; });
    api.on("${finish}", function () { window.lms.finished++; });
    ${lms.moodle ? moodle : ""}
    var commit = api.${commit}.bind(api);
    api.${commit} = function (p) { if (window.lms.failing) { window.lms.failed++; return "false"; } return commit(p); };
    window.${global} = api;
  }
  ${lms.late ? `setTimeout(setUp, ${lms.late});` : "setUp();"}
  window.cmi = function () { return JSON.parse(JSON.stringify(window.${global}.cmi)); };
</script></head><body><iframe id="sco" title="Course" src="/pkg/${launchPage}" style="width:100%;height:90vh"></iframe></body></html>`;
}

/** Serves the package under /pkg/, the run-time under /runtime/, the host at
 *  /host.html (with the API of `version`, and `lms` as hostPage takes it). */
function serve(dir, version, launchPage, lms) {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = null;
    if (url.pathname === "/host.html") {
      res.writeHead(200, { "content-type": types[".html"] });
      res.end(hostPage(version, launchPage, lms));
      return;
    }
    if (url.pathname.startsWith("/pkg/")) file = path.join(dir, decodeURIComponent(url.pathname.slice(5)));
    if (url.pathname.startsWith("/runtime/")) file = path.join(RUNTIME, path.basename(url.pathname));
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  // A test that fails before closing it must not keep the test run alive.
  server.unref();
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

/** Opens the host page with `lmsData` as the LMS's stored data for this learner. */
async function openHost(browser, server, lmsData) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  // Every address the course asked for, from the package's root.
  const requested = [];
  page.on("request", (r) => { if (r.url().includes("/pkg/")) requested.push(decodeURIComponent(r.url().split("/pkg/")[1])); });
  await page.addInitScript((data) => { window.lmsData = data; }, lmsData || null);
  await page.goto(server.base + "/host.html");
  const content = page.frameLocator("#sco").frameLocator("#lms-frame");
  return { page, problems, content, requested };
}

/** Unloads the SCO as an LMS does when the learner leaves it; returns the cmi. */
async function leave(page) {
  await page.evaluate(() => { document.getElementById("sco").src = "about:blank"; });
  await page.waitForFunction(() => window.lms.finished === 1);
  return page.evaluate(() => window.cmi());
}

/** Waits for the practice page's scripts to have run: the page shows and
 *  reads as a printed sheet before they do (the interactive form hidden, the
 *  "saved in this browser" line). */
function scriptsRan(content) {
  return content.locator(".practice-item form.interactive").first().waitFor();
}

/** The run-time's JSON keeps a list as { "0": …, "1": … }. */
const list = (obj) => Object.keys(obj || {}).filter((k) => /^\d+$/.test(k)).sort((a, b) => a - b).map((k) => obj[k]);

/** What an LMS gives a SCO on its next launch: what it kept, entry = resume. */
function resumeData(version, cmi, mastery) {
  // The score the platform recorded, as it gives it back (Moodle does).
  const kept = (score) => (score.raw === "" ? {} : { score: { raw: score.raw, min: score.min, max: score.max } });
  if (version === "1.2") {
    return { suspend_data: cmi.suspend_data, core: { lesson_location: cmi.core.lesson_location, lesson_status: cmi.core.lesson_status, entry: "resume", ...kept(cmi.core.score) }, student_data: { mastery_score: mastery } };
  }
  return { suspend_data: cmi.suspend_data, location: cmi.location, completion_status: cmi.completion_status, success_status: cmi.success_status, entry: "resume", scaled_passing_score: mastery, ...kept(cmi.score) };
}

module.exports = { packaged, settled, serve, openHost, leave, scriptsRan, list, resumeData };
