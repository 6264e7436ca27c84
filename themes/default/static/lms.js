/* The launch page of a SCORM package (lms/<id>.html), after progress.js:
 * finds the platform's API, keeps every key's state in suspend_data, reports
 * score, interactions, completion and the bookmark, and shows the site in
 * its frame. The site's pages reach this session through their parents
 * (progress.js's alsite.progress.open). */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  if (!alsite.progress || alsite.progress.session) {
    // Without progress.js (a theme's own that failed) nothing is recorded,
    // but the course shows all the same.
    whenLoaded(showFirstPage);
    return;
  }

  function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  function isObject(v) { return Boolean(v) && typeof v === "object" && !Array.isArray(v); }

  /** `text` cut to at most `n` UTF-16 units, never between the two halves
   *  of one character (an emoji, a rare CJK letter): half of one is no text
   *  at all to a platform, whose run-time may throw on it (Moodle's sends
   *  every value through encodeURIComponent, and then saves nothing more). */
  function clip(text, n) {
    if (text.length <= n) return text;
    var last = text.charCodeAt(n - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
  }

  /* ---- the LMS session, kept by the launch page ---------------------------- */

  /** The API object `name` in `win` or its parents, up to a limit, as the
   *  SCORM run-time specifications search; frames of other origins are skipped. */
  function searchUp(win, name) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win[name]) return win[name]; } catch (e) { /* another origin */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  function findApi(name) {
    var api = searchUp(window, name);
    var openers = [];
    try { openers.push(window.top.opener); } catch (e) { /* ignore */ }
    try { openers.push(window.opener); } catch (e) { /* ignore */ }
    for (var i = 0; !api && i < openers.length; i++) api = searchUp(openers[i], name);
    return api;
  }

  /** The platform's API: the package's own edition first, else the other
   *  one (a platform that offers only that still records the course). */
  function findEither(version) {
    var names = version === "1.2" ? ["API", "API_1484_11"] : ["API_1484_11", "API"];
    for (var i = 0; i < names.length; i++) {
      var api = findApi(names[i]);
      if (api) return { api: api, v12: names[i] === "API" };
    }
    return null;
  }

  /** The calls and element names of the edition `found` (what findEither
   *  found), behind one interface; null when the platform refuses to start. */
  function connect(found) {
    var api = found.api, v12 = found.v12;
    var call = function (f12, f2004) {
      return function (a, b) {
        try { return String(api[v12 ? f12 : f2004].apply(api, arguments.length > 1 ? [a, b] : [a === undefined ? "" : a])); } catch (e) { return ""; }
      };
    };
    var lms = {
      v12: v12,
      init: call("LMSInitialize", "Initialize"),
      get: call("LMSGetValue", "GetValue"),
      set: call("LMSSetValue", "SetValue"),
      commit: call("LMSCommit", "Commit"),
      finish: call("LMSFinish", "Terminate"),
      el: v12 ? {
        location: "cmi.core.lesson_location", mode: "cmi.core.lesson_mode", exit: "cmi.core.exit",
        mastery: "cmi.student_data.mastery_score", time: "cmi.core.session_time", score: "cmi.core.score",
        status: "cmi.core.lesson_status",
      } : {
        location: "cmi.location", mode: "cmi.mode", exit: "cmi.exit", mastery: "cmi.scaled_passing_score",
        time: "cmi.session_time", score: "cmi.score", status: "cmi.completion_status",
      },
    };
    return lms.init("") === "true" ? lms : null;
  }

  /* suspend_data is small in 1.2 (4,096 characters). Field names are
   * shortened; when that is not enough, typed answers (the only free text
   * kept) are shortened, all to the longest length that fits (the items'
   * fingerprints, see practice.js, are left out first), and when even
   * SHORTEST is too long, left out, longest first. Everything else is kept
   * whole: a choice, a category, an order, right or wrong, a session's
   * place; they are what a page shows again, and `alsite package` refuses a
   * 1.2 course whose progress would not fit with them alone (it counts as
   * package/progress.rs does). A shortened answer is marked `cut`. */
  var SHORT = { answer: "a", correct: "c", self: "f", skipped: "k", turn: "t", pauses: "p", transcript: "x", cut: "u", item: "i" };
  var LONG = {};
  Object.keys(SHORT).forEach(function (k) { LONG[SHORT[k]] = k; });
  var SHORTEST = 10;

  /** A rewrite item's result, the one kind of answer that is typed text
   *  (`self`: whether the learner marked it right). */
  function isTyped(value) {
    return isObject(value) && typeof value.answer === "string" && typeof value.self === "boolean";
  }

  /** `value` with its field names changed by `names`. With `fit`, the items'
   *  fingerprints are left out, and the typed answers, numbered in the order
   *  met, are cut to `fit.to` characters, or left out where `fit.drop[number]`. */
  function rename(value, names, fit) {
    if (Array.isArray(value)) return value.map(function (v) { return rename(v, names, fit); });
    if (!isObject(value)) return value;
    var n = fit && isTyped(value) ? fit.seen++ : -1;
    var out = {};
    Object.keys(value).forEach(function (k) {
      var v = value[k];
      if (fit && k === "item") return;
      if (n >= 0 && k === "answer") {
        if (fit.drop[n]) return;
        if (v.length > fit.to) { v = clip(v, fit.to); out[names.cut] = 1; }
      }
      out[names[k] || k] = rename(v, names, fit);
    });
    return out;
  }

  /** The lengths of the typed answers in `value`, in the order rename meets them. */
  function typedLengths(value, out) {
    if (Array.isArray(value)) value.forEach(function (v) { typedLengths(v, out); });
    if (!isObject(value)) return out;
    if (isTyped(value)) out.push(value.answer.length);
    Object.keys(value).forEach(function (k) { typedLengths(value[k], out); });
    return out;
  }

  /** `state` as suspend_data of at most `limit` characters; null when even
   *  with no typed text it is longer. */
  function pack(state, limit) {
    var drop = {};
    // Past the limit, the items' fingerprints go first (an answer without
    // one is taken as it is), then typed text is cut: `to` is its length.
    function packed(to) {
      var fit = to === undefined ? null : { to: to, drop: drop, seen: 0 };
      var text = JSON.stringify({ v: 1, s: rename(state.s, SHORT, fit), d: state.d, c: state.c });
      return text.length <= limit ? text : null;
    }
    var text = packed();
    if (text !== null) return text;
    if ((text = packed(Infinity)) !== null) return text;
    var lengths = typedLengths(state.s, []);
    var byLength = lengths.map(function (l, i) { return i; }).sort(function (a, b) { return lengths[b] - lengths[a] || a - b; });
    for (var i = 0; (text = packed(SHORTEST)) === null; i++) {
      if (i >= byLength.length) return null;
      drop[byLength[i]] = true;
    }
    // The rest as long as they can be: the longest cut that fits.
    var low = SHORTEST, high = Math.max.apply(null, lengths.concat(SHORTEST));
    while (low < high) {
      var mid = Math.ceil((low + high) / 2), longer = packed(mid);
      if (longer !== null) { low = mid; text = longer; } else high = mid - 1;
    }
    return text;
  }

  function unpack(text) {
    try {
      var saved = JSON.parse(text);
      if (!isObject(saved) || saved.v !== 1 || !isObject(saved.s)) return null;
      return { s: rename(saved.s, LONG), d: Array.isArray(saved.d) ? saved.d : [], c: saved.c === 1 ? 1 : 0 };
    } catch (e) { return null; }
  }

  function letter(i) { return "abcdefghijklmnopqrstuvwxyz"[i] || String(i); }
  function two(n) { return (n < 10 ? "0" : "") + n; }

  /** One answered practice item as a SCORM interaction. */
  /** An interaction's identifier: `urn:alsite:<set>:<item>`, percent-encoded,
   *  so a set named in Polish or with a space is still a valid one (1.2
   *  takes printable ASCII only; 2004 a URI). SCORM 1.2 (and Moodle's
   *  run-time) takes at most 255 characters, and a letter of another
   *  alphabet is six when encoded: a longer one keeps the start of the
   *  set's name and a fingerprint of all of it, so two sets stay apart. */
  var ID_MAX = 255;
  function interactionId(key, id) {
    var set = encodeURIComponent(key.replace(/^alsite-practice:/, "")), item = ":" + encodeURIComponent(id);
    var whole = "urn:alsite:" + set + item;
    if (whole.length <= ID_MAX) return whole;
    var h = 0x811c9dc5; // FNV-1a
    for (var i = 0; i < set.length; i++) h = Math.imul(h ^ set.charCodeAt(i), 0x01000193) >>> 0;
    var mark = "-" + ("0000000" + h.toString(16)).slice(-8);
    var room = ID_MAX - "urn:alsite:".length - mark.length - item.length;
    // Not through an encoded sign (`%D0`).
    return "urn:alsite:" + set.slice(0, Math.max(room, 0)).replace(/%[0-9A-F]?$/, "") + mark + item;
  }

  function interaction(lms, key, id, item, result) {
    var sep = lms.v12 ? "," : "[,]";
    var type = "choice", response = [], patterns = [];
    if (item.type === "choose") {
      response = result.answer.map(letter);
      patterns = [item.options.map(function (o, i) { return o.correct ? letter(i) : null; }).filter(Boolean).join(sep)];
    } else if (item.type === "classify") {
      response = [result.answer];
      patterns = [item.answer].concat(item.also || []);
    } else if (item.type === "order") {
      type = "sequencing";
      response = result.answer.map(function (p) { return letter(p - 1); });
      patterns = [result.answer.map(function (p, i) { return letter(i); }).join(sep)];
    } else if (item.type === "rewrite") {
      type = "fill-in";
      // 2004 reads "{", "}" and "[,]" as markup: keep the words, not those.
      response = [clip(String(result.answer).replace(/\[,\]/g, ",").replace(/[{}]/g, ""), 250)];
    }
    var now = new Date();
    var clock = two(now.getHours()) + ":" + two(now.getMinutes()) + ":" + two(now.getSeconds());
    var stamp = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate()) + "T" + clock;
    return {
      id: interactionId(key, id),
      type: type,
      response: response.join(sep),
      result: result.correct ? "correct" : lms.v12 ? "wrong" : "incorrect",
      time: lms.v12 ? clock : stamp,
      patterns: patterns,
    };
  }

  function writeInteraction(lms, n, x) {
    var p = "cmi.interactions." + n + ".";
    lms.set(p + "id", x.id);
    lms.set(p + "type", x.type);
    lms.set(p + (lms.v12 ? "time" : "timestamp"), x.time);
    x.patterns.forEach(function (pattern, i) { lms.set(p + "correct_responses." + i + ".pattern", pattern); });
    lms.set(p + (lms.v12 ? "student_response" : "learner_response"), x.response);
    lms.set(p + "result", x.result);
  }

  function elapsed(ms, v12) {
    var s = Math.round(ms / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    s = s % 60;
    return v12 ? (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + h + ":" + two(m) + ":" + two(s)
      : "PT" + h + "H" + m + "M" + s + "S";
  }

  /** `key` and the keys of its translations (config.also maps each to its
   *  original): the same set or session in each language of the site. */
  function versions(config, key) {
    var also = config.also || {};
    return [key].concat(Object.keys(also).filter(function (k) { return also[k] === key; }));
  }

  /** Practice items answered and right, and whether everything is done. A
   *  translation has its original's items, under the same ids: an item
   *  counts once, answered in whichever language (and right if it was right
   *  in one), so a learner may answer part of a set in each language. */
  function tally(config, state) {
    var right = 0, answered = 0, total = 0;
    (config.practice || []).forEach(function (pair) {
      var seen = Object.create(null), n = 0;
      versions(config, pair[0]).forEach(function (key) {
        var items = state.s[key] || {};
        // Each item's fingerprint: an answer given to an item no longer in
        // the set, or to the one that was in its place before, counts not.
        var now = (config.fingerprints || {})[key];
        Object.keys(items).forEach(function (id) {
          if (!isObject(items[id])) return;
          if (now && (!(id in now) || !alsite.progress.fits({ fingerprint: now[id] }, items[id]))) return;
          if (!(id in seen)) {
            if (n >= pair[1]) return;
            seen[id] = false;
            n++;
          }
          if (items[id].correct === true && !seen[id]) { seen[id] = true; right++; }
        });
      });
      total += pair[1];
      answered += n;
    });
    var watched = (config.sessions || []).every(function (k) {
      return versions(config, k).some(function (v) { return state.d.indexOf(v) >= 0; });
    });
    return { right: right, answered: answered, total: total, complete: watched && answered >= total };
  }

  /** Whether a value the platform gave back is a number: some run-times
   *  answer "null" or an error's words for a value never set. */
  function isNumber(text) {
    return text !== "" && isFinite(Number(text));
  }

  /** Score, completion and (with a mastery score) pass or fail; 1.2 has
   *  one status for both, 2004 two, and only 2004 the scaled score. The
   *  score is a percentage (0 to 100): platforms take the raw score as the
   *  grade (Moodle does), and SCORM 1.2 allows no more than 100. What a
   *  platform judges pass or fail from (2004's scaled score, 1.2's raw score
   *  when there is a mastery score) waits for the item to be complete: a
   *  learner still working has not failed. */
  function writeResult(lms, t, mastery, browse) {
    var ratio = function (a, b) { return String(Math.round((a / b) * 10000) / 10000); };
    // A 1.2 platform judges score.raw against the mastery score itself (the
    // 1.2 run-time allows it; Moodle does) and would fail a learner still
    // working: with a mastery score, the score waits for completion there too.
    var judged = lms.v12 && mastery !== null && !t.complete;
    // Nor is there a score before the first answer: a platform would put
    // 0 in its gradebook for a learner who has only opened the course. Once
    // sent, it follows the answers (down to 0 if they no longer count).
    var scored = t.answered > 0 || t.complete || isNumber(lms.get(lms.el.score + ".raw"));
    if (t.total > 0 && !judged && scored) {
      lms.set(lms.el.score + ".min", "0");
      lms.set(lms.el.score + ".max", "100");
      // To two decimals (35 of 44 is 79.55): rounded to a whole number it
      // would read 80 beside "failed" where 80 is the mastery score.
      lms.set(lms.el.score + ".raw", String(Math.round((t.right / t.total) * 10000) / 100));
      if (!lms.v12 && t.complete) lms.set("cmi.score.scaled", ratio(t.right, t.total));
    }
    if (t.total > 0 && !lms.v12) lms.set("cmi.progress_measure", ratio(t.answered, t.total));
    var passed = mastery === null || t.total === 0 ? null : t.right / t.total >= mastery - 1e-9;
    if (lms.v12) {
      lms.set(lms.el.status, browse ? "browsed" : !t.complete ? "incomplete" : passed === null ? "completed" : passed ? "passed" : "failed");
    } else {
      lms.set(lms.el.status, t.complete ? "completed" : "incomplete");
      if (t.complete && passed !== null) lms.set("cmi.success_status", passed ? "passed" : "failed");
    }
  }

  var RETRY_FIRST = 5000, RETRY_LAST = 60000;

  /** Shows (or hides) the launch page's line that the platform is not
   *  saving: answers wait in the window until it does. */
  function notSaving(shown) {
    var notice = document.getElementById("lms-not-saving");
    if (notice) notice.hidden = !shown;
  }

  /** The session of one SCO: state in memory, written to the LMS a moment
   *  after the last change (a burst of clicks is one commit). */
  function startSession(config, lms) {
    var started = Date.now();
    var state = unpack(lms.get("cmi.suspend_data")) || { s: {}, d: [], c: 0 };
    var mode = lms.get(lms.el.mode);
    var review = mode === "review", browse = mode === "browse"; // unset counts as normal
    var masteryText = lms.get(lms.el.mastery);
    var mastery = isNumber(masteryText)
      ? Number(masteryText) / (lms.v12 ? 100 : 1)
      : typeof config.mastery === "number" ? config.mastery / 100 : null;
    var interactions = Number(lms.get("cmi.interactions._count")) || 0;
    // SCORM 1.2 keeps 4,096 characters, whichever edition the package is.
    var limit = Math.min(config.limit || 4096, lms.v12 ? 4096 : 64000);
    var timer = null, finished = false, retry = RETRY_FIRST;

    function report() {
      if (review) return;
      var t = tally(config, state);
      if (t.complete) state.c = 1;
      else if (state.c) return; // a finished course stays finished while it is tried again
      writeResult(lms, t, mastery, browse);
    }

    function flush() {
      if (timer !== null) { window.clearTimeout(timer); timer = null; }
      if (finished || review) return;
      var text = pack(state, limit);
      if (text !== null) lms.set("cmi.suspend_data", text);
      report();
      // Always "suspend": reopening the course shows it as it was left.
      lms.set(lms.el.exit, "suspend");
      if (lms.commit("") === "true") { retry = RETRY_FIRST; notSaving(false); return; }
      // The platform did not save it (its server out of reach): try again
      // later, more and more rarely, rather than count on the learner's
      // leaving, which a browser may not let a platform save from. From
      // the second failure in a row the learner is told, until one works.
      if (retry > RETRY_FIRST) notSaving(true);
      timer = window.setTimeout(flush, retry);
      retry = Math.min(retry * 2, RETRY_LAST);
    }
    function changed() {
      if (timer === null) timer = window.setTimeout(flush, 2000);
    }

    var session = {
      reviewing: review,
      get: function (key, id) { var items = state.s[key]; return items && isObject(items[id]) ? copy(items[id]) : null; },
      set: function (key, id, value) {
        (state.s[key] = state.s[key] || {})[id] = copy(value);
        changed();
      },
      clear: function (key) { delete state.s[key]; changed(); },
      answer: function (key, id, item, result) {
        session.set(key, id, result);
        if (review || !item || !result) return;
        try { writeInteraction(lms, interactions, interaction(lms, key, id, item, result)); interactions++; } catch (e) { /* an answer of an unexpected shape */ }
      },
      complete: function (key) {
        if (state.d.indexOf(key) < 0) { state.d.push(key); changed(); }
      },
      location: function (path) {
        if (review) return; // reviewing: nothing is recorded, the bookmark neither
        if (path && path.length <= (lms.v12 ? 255 : 1000)) { lms.set(lms.el.location, path); changed(); }
      },
      bookmark: function () { return lms.get(lms.el.location); },
      /** Whether `key` is one of this item's practice sets or sessions, in
       *  any language of the site: only those are kept in the platform. The rest of the site, which a
       *  learner may browse inside the item, keeps its answers on the
       *  device, so they neither fill the platform's small store nor claim
       *  to count. */
      counts: function (key) {
        var original = (config.also || {})[key] || key;
        return (config.practice || []).some(function (p) { return p[0] === original; }) ||
          (config.sessions || []).indexOf(original) >= 0;
      },
      flush: flush,
      finish: function () {
        if (finished) return;
        flush();
        if (!review) lms.set(lms.el.time, elapsed(Date.now() - started, lms.v12));
        finished = true;
        lms.finish("");
      },
    };
    if (!review) {
      var status = lms.get(lms.el.status);
      if (status === "not attempted" || status === "unknown" || status === "") report();
    }
    return session;
  }

  /* ---- the launch page: the LMS connection and the frame ----------------- */

  /** The address of the item's first page. The frame names it in
   *  `data-start` and is given it here, once the bookmark is known, so that
   *  a course opened again loads only the page the learner was on (a launch
   *  page copied from an older alsite has it as the frame's `src`). */
  function firstPage(frame) {
    var start = frame.getAttribute("data-start");
    return start ? new URL(start, window.location.href).href : frame.src;
  }

  /** Shows `url` in the frame, which waits hidden until it has a page. */
  function open(frame, url) {
    frame.src = url;
    frame.hidden = false;
  }

  /** The page of the site the frame shows, if it shows one. */
  function shown(frame, root) {
    try {
      var href = frame.contentWindow.location.href;
      return href.indexOf(root) === 0 ? href : "";
    } catch (e) { return ""; }
  }

  /** `path` with the letters beyond ASCII its address encodes written as
   *  letters (`%C5%81%C3%B3d%C5%BA` is `Łódź`; every other escape, `%25`
   *  for `%` among them, kept): a name in another alphabet takes six signs
   *  a letter encoded, and SCORM 1.2 keeps 255 for the bookmark. The frame's
   *  address is the same either way (see `bookmarked`). */
  function lettersDecoded(path) {
    return path.replace(/(%[89A-F][0-9A-F])+/gi, function (run) {
      try { return decodeURIComponent(run); } catch (e) { return run; }
    });
  }

  /** The address of the page the bookmark `mark` names (a path from the
   *  site's root, as the frame's address had it), or null for anything but
   *  a page of this site: a scheme (`javascript:`, `http:`), `//host` or
   *  `/path`, a backslash, a `.` or `..` part (written or percent-encoded),
   *  an empty part, white space. Every other sign a site's own file names
   *  keep (`&`, `(`, `'`, `+`, `,`, `~`, `!`, `=`, `@` …) is fine. */
  function bookmarked(mark, root) {
    if (typeof mark !== "string" || !/^[^\s\\?#\x00-\x1f\x7f]+\.html(#[^\s\\\x00-\x1f\x7f]*)?$/.test(mark)) return null;
    var path = mark.split("#")[0];
    if (/^[a-z][a-z0-9+.\-]*:/i.test(path)) return null;
    var parts = path.split("/");
    if (parts.some(function (part) { return part === "" || /^(\.|%2e){1,2}$/i.test(part); })) return null;
    try {
      var url = new URL(mark, root).href;
      return url.indexOf(root) === 0 ? url : null;
    } catch (e) { return null; }
  }

  /** Whether the frame shows a page of the site (its `<html data-root>`, or
   *  the scripts every page loads), not a server's "not found" page or a
   *  file such as a PDF. */
  function isSitePage(frame) {
    try {
      var win = frame.contentWindow;
      if (win.document.getElementById("lms-frame")) return false; // a launch page
      return win.document.documentElement.hasAttribute("data-root") || Boolean(win.alsite);
    } catch (e) { return false; }
  }

  /** Opens the session on `lms` and shows the bookmarked page in the frame
   *  (`reload`: the frame's page again even without a bookmark, so that a
   *  page opened before the connection reaches it). A bookmark to a page
   *  the package no longer has (the course uploaded again since) opens the
   *  item's first page instead; only pages of the site become the bookmark. */
  function start(config, lms, reload) {
    var session = startSession(config, lms);
    var root = new URL("../", window.location.href).href;
    function mount() {
      var frame = document.getElementById("lms-frame");
      if (!frame) return;
      var first = firstPage(frame), opened = false;
      var page = bookmarked(session.bookmark(), root);
      if (page) open(frame, page);
      else if (reload) open(frame, shown(frame, root) || first);
      else if (!frame.getAttribute("src")) open(frame, first);
      frame.addEventListener("load", function () {
        var href = shown(frame, root);
        if (!href) return;
        if (!isSitePage(frame)) {
          if (!opened) { opened = true; frame.src = first; }
          return;
        }
        opened = true;
        session.location(lettersDecoded(href.slice(root.length).split("#")[0].split("?")[0]));
      });
    }
    whenLoaded(mount);
    window.addEventListener("pagehide", session.finish);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") session.flush(); });
    return session;
  }

  /** Some platforms set up their API a moment after the course opens: the
   *  launch page keeps looking for it for LATE_MS before it leaves the pages
   *  to keep progress in the browser. */
  var LATE_MS = 10000, LOOK_MS = 250;

  function launch(config) {
    var found = findEither(config.version);
    if (found) {
      var lms = connect(found);
      if (!lms) notConnected(); // the platform refused to start the course
      return lms && start(config, lms, false);
    }
    // Only looked for, not started, until it is there: one Initialize call.
    var since = Date.now();
    var look = window.setInterval(function () {
      var late = findEither(config.version);
      if (!late && Date.now() - since < LATE_MS) return;
      window.clearInterval(look);
      var lms = late && connect(late);
      if (lms) alsite.progress.session = start(config, lms, true);
      else if (late || launchedByPlatform()) notConnected();
    }, LOOK_MS);
    return null; // until then, or opened outside an LMS: the pages use localStorage
  }

  /** Whether a platform opened the launch page: in a frame of its page or
   *  in a window it opened, rather than straight from disk or a server. */
  function launchedByPlatform() {
    try { return window.parent !== window || Boolean(window.opener); } catch (e) { return true; }
  }

  /** Says, above the course, that the platform does not record it: a learner
   *  who finishes would otherwise find it "not attempted". */
  function notConnected() {
    var notice = document.getElementById("lms-notice");
    if (!notice) return;
    notice.hidden = false;
    // Hide: the line goes and the course has the whole window back.
    notice.querySelector("button").addEventListener("click", function () {
      notice.hidden = true;
      var frame = document.getElementById("lms-frame");
      if (frame) frame.focus();
    });
  }

  /** Whether this launch page is in the frame of another (a bookmark
   *  that named one): it opens its item's first page in its own place
   *  instead, and the platform's connection stays with the outer one. */
  function inLaunchPage() {
    try { return window.parent !== window && Boolean(window.parent.document.getElementById("lms-frame")); } catch (e) { return false; }
  }

  /** The item's first page in the frame, unless it shows a page already. */
  function showFirstPage() {
    var frame = document.getElementById("lms-frame");
    if (frame && !frame.getAttribute("src")) open(frame, firstPage(frame));
  }

  /** Runs `then` once the page is parsed (this script runs in its head). */
  function whenLoaded(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then); else then();
  }

  var own = null;
  var data = document.getElementById("lms-data");
  if (data && inLaunchPage()) {
    // Not connected: a second session would start (and on leaving, end)
    // the platform's attempt the outer page holds. The frame is read once
    // the page is in (this script runs in its head).
    var away = function () {
      var inner = document.getElementById("lms-frame");
      if (inner) window.location.replace(firstPage(inner));
    };
    whenLoaded(away);
  } else if (data) {
    try { own = launch(JSON.parse(data.textContent)); } catch (e) { own = null; }
    // No session opened it (no platform yet, or one that refused): the
    // first page shows all the same, keeping progress in the browser.
    whenLoaded(showFirstPage);
  }
  alsite.progress.session = own;
})();
