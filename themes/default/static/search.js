/* Offline search: the box in the header (search.html). The index is a script
 * written at build time (search/index.<lang>.js), injected the first time the
 * box gets focus, so search works from file:// and costs nothing until used.
 * Section texts for snippets come in chunks (search/text.<lang>.<n>.js), only
 * for results shown. Words are folded exactly as src/search/tokenize.rs folds
 * them (tests/search-tokens.json holds the cases both pass); a word matches
 * the terms it begins, and a long word also the terms that share all but its
 * ending, so "zrodlo" finds "źródło" and "źródła".
 * Keys: "/" focuses the box; ↑/↓ choose a result, Enter opens it, Escape
 * closes the list (a second Escape clears the box). */
(function () {
  "use strict";
  var alsite = (globalThis.alsite = globalThis.alsite || {});
  var search = (alsite.search = alsite.search || {});

  /* ---- Tokenizer: the rules of src/search/tokenize.rs ---- */
  var EXTRA = { "ł": "l", "ŀ": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
    "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ς": "σ", "ґ": "г", "'": "", "’": "", "ʼ": "" };
  var EXTRA_RE = /[łŀøđðħıŧßæœþςґ'’ʼ]/g;
  var MARKS = /\p{M}/gu;
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var MIN_LEN = 2, MAX_LEN = 40;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(MARKS, "")
      .replace(EXTRA_RE, function (c) { return EXTRA[c]; });
  }

  function tokens(text) {
    return (fold(text).match(WORD) || []).filter(function (w) {
      var n = Array.from(w).length;
      return n >= MIN_LEN && n <= MAX_LEN;
    });
  }
  search.fold = fold;
  search.tokens = tokens;

  /* ---- Matching ---- */

  /** How a typed word matches terms: exactly (3), as their beginning (2),
   *  or, for a word of five letters or more, by all but its last letter (two
   *  from seven letters on), to meet other endings of the word (1). */
  function matcher(word) {
    var chars = Array.from(word), n = chars.length;
    var cut = n >= 5 ? chars.slice(0, n - (n >= 7 ? 2 : 1)).join("") : word;
    return {
      weight: function (term) {
        if (term === word) return 3;
        if (term.lastIndexOf(word, 0) === 0) return 2;
        return term.lastIndexOf(cut, 0) === 0 ? 1 : 0;
      },
      shortest: cut,
    };
  }

  /** Index of the first term not below `prefix`. */
  function lowerBound(terms, prefix) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";

  /** The numbers in a string of them (src/search/index.rs: push_number). */
  function numbers(s) {
    var out = [], n = 0;
    for (var i = 0; i < s.length; i++) {
      var more = MORE.indexOf(s[i]);
      if (more >= 0) { n = n * 32 + more; continue; }
      out.push(n * 32 + LAST.indexOf(s[i]));
      n = 0;
    }
    return out;
  }

  /** Section numbers from a postings string (src/search/index.rs: encode_postings). */
  function decode(s) {
    var ids = [], values = numbers(s), next = 0;
    for (var i = 0; i < values.length; i++) {
      var v = values[i], start = next + (v >> 1);
      var count = v & 1 ? values[++i] + 2 : 1;
      for (var k = 0; k < count; k++) ids.push(start + k);
      next = start + count;
    }
    return ids;
  }

  /* ---- The loaded index ---- */
  var index = null;
  var chunks = [];

  /** Terms from their front-coded form: "0accepted 6ing" is accepted, accepting. */
  function unfrontCode(s) {
    var terms = [], prev = [];
    if (!s) return terms;
    s.split(" ").forEach(function (coded) {
      var chars = prev.slice(0, parseInt(coded[0], 36)).concat(Array.from(coded.slice(1)));
      terms.push(chars.join(""));
      prev = chars;
    });
    return terms;
  }

  /** Called by search/index.<lang>.js. */
  search.load = function (data) {
    var sections = [], s = 0, names = data.names, named = numbers(data.sections);
    data.pages.forEach(function (p) {
      var title = p[1];
      for (var k = 0; k < p[2]; k++, s++) {
        var name = named[s];
        // A section without a title of its own (a session turn) goes by the one before.
        if (names[2 * name + 1]) title = names[2 * name + 1];
        sections.push({ page: p[0], pageTitle: p[1], anchor: names[2 * name], title: title });
      }
    });
    index = {
      terms: unfrontCode(data.terms),
      postings: data.postings.split(" "),
      decoded: {},
      sections: sections,
      chunkStarts: data.chunks,
    };
    if (ui) ui.indexReady();
  };

  /** Called by search/text.<lang>.<n>.js. */
  search.text = function (n, texts) {
    chunks[n] = texts;
    if (ui) ui.textReady();
  };

  function postings(i) {
    if (!index.decoded[i]) index.decoded[i] = decode(index.postings[i]);
    return index.decoded[i];
  }

  /** The best weight with which `word` matches each section (0: none). */
  function matchWord(word) {
    var m = matcher(word), best = new Uint8Array(index.sections.length);
    for (var i = lowerBound(index.terms, m.shortest); i < index.terms.length; i++) {
      var w = m.weight(index.terms[i]);
      if (!w) {
        if (index.terms[i].lastIndexOf(m.shortest, 0) !== 0) break;
        continue;
      }
      var ids = postings(i);
      for (var k = 0; k < ids.length; k++) if (best[ids[k]] < w) best[ids[k]] = w;
    }
    return { matcher: m, best: best };
  }

  var titleTokens = new Map();

  /** How many of the query's words a title has; `seen` remembers titles
   *  already counted for this query (sections share titles). */
  function titleBonus(matchers, title, seen) {
    var n = seen.get(title);
    if (n !== undefined) return n;
    var words = titleTokens.get(title);
    if (!words) titleTokens.set(title, (words = tokens(title)));
    n = 0;
    for (var i = 0; i < matchers.length; i++) {
      if (words.some(function (t) { return matchers[i].weight(t) > 0; })) n += 1;
    }
    seen.set(title, n);
    return n;
  }

  /** Ranked results for `query`, the first `limit` of `total`: sections
   *  with every word (or, when none has all, with the most words), by
   *  weight, then titles, then site order. */
  search.query = function (query, limit) {
    var words = tokens(query);
    if (!index || !words.length) return { words: words, matchers: [], results: [], total: 0 };
    limit = limit || 10;
    var matches = words.map(matchWord);
    var matchers = matches.map(function (m) { return m.matcher; });
    var count = index.sections.length, hits = new Uint8Array(count), weights = new Uint16Array(count);
    var most = 0;
    matches.forEach(function (m) {
      for (var id = 0; id < count; id++) {
        if (!m.best[id]) continue;
        hits[id] += 1;
        weights[id] += m.best[id];
        if (hits[id] > most) most = hits[id];
      }
    });
    var top = [], total = 0, seen = new Map();
    for (var id = 0; id < count; id++) {
      if (!most || hits[id] !== most) continue;
      total += 1;
      var sec = index.sections[id];
      var score = weights[id] * 2 + titleBonus(matchers, sec.title, seen) * 3 + titleBonus(matchers, sec.pageTitle, seen);
      // Keep the best `limit`, in order; ties keep site order.
      if (top.length === limit && score <= top[limit - 1].score) continue;
      var at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { id: id, score: score });
      if (top.length > limit) top.pop();
    }
    return { words: words, matchers: matchers, results: top, total: total };
  };

  /* ---- Snippets ---- */
  var ORIGINAL_WORD = /[\p{Alphabetic}\p{M}\p{N}'’ʼ]+/gu;
  var SNIPPET = 160;

  function chunkOf(id) {
    var starts = index.chunkStarts, n = lowerBound(starts, id + 1) - 1;
    return { n: n, offset: id - starts[n] };
  }

  /** Where in `text` the words that match are: [start, end] pairs. */
  function hits(text, matchers) {
    var marks = [], m;
    ORIGINAL_WORD.lastIndex = 0;
    while ((m = ORIGINAL_WORD.exec(text))) {
      var parts = tokens(m[0]);
      var hit = parts.some(function (t) {
        return matchers.some(function (mt) { return mt.weight(t) > 0; });
      });
      if (hit) marks.push([m.index, m.index + m[0].length]);
    }
    return marks;
  }

  /** A DOM fragment of `text` from `start` to `end`, with every word of
   *  `marks` in it in <mark>. Text only: nothing is parsed as HTML. */
  function marked(text, marks, start, end) {
    var frag = document.createDocumentFragment(), at = start;
    marks.forEach(function (r) {
      if (r[0] < at || r[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      at = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(at, end)));
    return frag;
  }

  /** `text` around its first matching word, with every matching word
   *  marked. */
  function snippet(text, matchers) {
    var marks = hits(text, matchers);
    var start = marks.length ? Math.max(0, marks[0][0] - 40) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode("… "));
    frag.appendChild(marked(text, marks, start, end));
    if (end < text.length) frag.appendChild(document.createTextNode(" …"));
    return frag;
  }

  /** A title with the words that match marked. */
  function markedTitle(text, matchers) {
    return marked(text, hits(text, matchers), 0, text.length);
  }

  /* ---- The box ---- */
  var ui = null;
  var LIMIT = 10;

  // UI strings come from the page's alsite-i18n JSON (static/i18n.js).
  function t(key, vars) { return alsite.t ? alsite.t(key, vars) : key; }

  /** An element: its tag, attributes, and its text or child nodes. */
  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (typeof content === "string") node.textContent = content;
    else (content || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  /** The box's parts, built here: pages carry only its empty frame. */
  function build(box) {
    // A phone or tablet has no "/" key at hand: its hint says only "Search".
    var TOUCH = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
    var input = el("input", {
      id: "search-input", "class": "search-input", type: "search", placeholder: t(TOUCH ? "search.placeholder_touch" : "search.placeholder"),
      role: "combobox", "aria-expanded": "false", "aria-controls": "search-results",
      "aria-autocomplete": "list", "aria-describedby": "search-help", "aria-keyshortcuts": "/",
      autocomplete: "off", spellcheck: "false"
    });
    var label = el("label", { "class": "visually-hidden", "for": "search-input" }, t("search.label"));
    var help = el("span", { id: "search-help", "class": "visually-hidden" }, t("search.help"));
    var list = el("div", {
      id: "search-results", "class": "search-results", role: "listbox", "aria-label": t("search.results_label")
    });
    list.hidden = true;
    var panel = el("div", { "class": "search-panel" }, [el("p", { "class": "search-count" }), list]);
    panel.hidden = true;
    var status = el("p", { id: "search-status", "class": "visually-hidden", role: "status", "aria-live": "polite" });
    [label, input, help, status, panel].forEach(function (part) { box.appendChild(part); });
  }

  function init() {
    var box = document.querySelector(".site-search");
    var dataEl = document.getElementById("search-data");
    if (!box || !dataEl) return;
    var data = JSON.parse(dataEl.textContent);
    if (!box.querySelector(".search-input")) build(box);
    var input = box.querySelector(".search-input");
    var panel = box.querySelector(".search-panel");
    var count = box.querySelector(".search-count");
    var list = box.querySelector(".search-results");
    var status = box.querySelector("#search-status");
    var state = { requested: false, shown: [], active: -1, last: null, announce: 0, chunks: {}, limit: LIMIT };

    function addScript(src) {
      var s = document.createElement("script");
      s.src = src;
      document.head.appendChild(s);
    }

    function requestIndex() {
      if (state.requested) return;
      state.requested = true;
      addScript(data.index);
    }

    function open(yes) {
      panel.hidden = !yes;
      input.setAttribute("aria-expanded", yes && !list.hidden ? "true" : "false");
      if (!yes) setActive(-1);
    }

    function setActive(i) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, k) { o.setAttribute("aria-selected", k === i ? "true" : "false"); });
      state.active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function announce(text) {
      clearTimeout(state.announce);
      // Wait for a pause in typing, so a screen reader is not read every keystroke's count.
      state.announce = setTimeout(function () { status.textContent = text; }, 600);
    }

    function run() {
      var query = input.value.trim();
      if (!query) { clear(); announce(""); return; }
      if (!index) { requestIndex(); count.textContent = t("search.loading"); list.hidden = true; open(true); return; }
      var found = search.query(query, state.limit);
      state.last = found;
      if (!found.words.length) { clear(); return; }
      var n = found.total;
      var summary = n ? t("search.results", { n: n, query: query }) : t("search.none", { query: query });
      count.textContent = summary + (n > state.limit ? " " + t("search.first", { shown: state.limit }) : "");
      announce(count.textContent);
      render(found.results, found.matchers, n > state.limit);
      list.hidden = n === 0;
      open(true);
    }

    function clear() {
      state.last = null;
      state.shown = [];
      list.textContent = "";
      open(false);
    }

    /** Ten more results, the first of them chosen when asked by keyboard. */
    function showMore(byKeyboard) {
      var first = state.shown.length;
      state.limit += LIMIT;
      run();
      if (byKeyboard) setActive(first);
      else input.focus();
    }

    function render(results, matchers, more) {
      list.textContent = "";
      state.shown = results.map(function (r, k) {
        var sec = index.sections[r.id];
        var where = el("span", { "class": "search-where" }, [el("span", { "class": "search-page" }, [markedTitle(sec.pageTitle, matchers)])]);
        if (sec.title !== sec.pageTitle) {
          where.appendChild(document.createTextNode(" › "));
          where.appendChild(el("span", { "class": "search-section" }, [markedTitle(sec.title, matchers)]));
        }
        var snip = el("span", { "class": "search-snippet" });
        var a = el("a", {
          id: "search-option-" + k, "class": "search-result", role: "option", "aria-selected": "false",
          tabindex: "-1", href: data.root + sec.page + (sec.anchor ? "#" + sec.anchor : "")
        }, [where, snip]);
        a.addEventListener("click", function () { open(false); });
        list.appendChild(a);
        return { id: r.id, snippet: snip, matchers: matchers };
      });
      if (more) {
        var button = el("div", {
          id: "search-option-more", "class": "search-result search-more", role: "option", "aria-selected": "false",
          tabindex: "-1"
        }, t("search.more"));
        button.addEventListener("click", function () { showMore(false); });
        list.appendChild(button);
      }
      state.active = -1;
      input.removeAttribute("aria-activedescendant");
      fillSnippets();
    }

    function fillSnippets() {
      state.shown.forEach(function (r) {
        if (r.snippet.firstChild) return;
        var c = chunkOf(r.id);
        if (chunks[c.n]) {
          r.snippet.appendChild(snippet(chunks[c.n][c.offset], r.matchers));
        } else if (!state.chunks[c.n]) {
          state.chunks[c.n] = true;
          addScript(data.text.replace("{n}", c.n));
        }
      });
    }

    ui = { indexReady: run, textReady: fillSnippets };
    if (index) run();

    input.addEventListener("focus", function () {
      requestIndex();
      if (state.last && state.last.words.length) open(true);
    });
    input.addEventListener("input", function () { state.limit = LIMIT; run(); });
    input.addEventListener("keydown", function (e) {
      var n = list.querySelectorAll("[role=option]").length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!n) return;
        e.preventDefault();
        if (panel.hidden) open(true);
        var step = e.key === "ArrowDown" ? 1 : -1;
        setActive(state.active < 0 ? (step > 0 ? 0 : n - 1) : (state.active + step + n) % n);
      } else if (e.key === "Enter") {
        if (!n || panel.hidden) return;
        e.preventDefault();
        var option = list.querySelectorAll("[role=option]")[Math.max(0, state.active)];
        if (option.classList.contains("search-more")) { showMore(true); return; }
        open(false);
        window.location.href = option.href;
      } else if (e.key === "Escape") {
        if (!panel.hidden) open(false);
        else input.value = "";
        e.preventDefault();
      }
    });
    box.addEventListener("focusout", function (e) {
      if (!box.contains(e.relatedTarget)) open(false);
    });
    document.addEventListener("pointerdown", function (e) {
      if (!box.contains(e.target)) open(false);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var el = document.activeElement;
      var typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
      if (typing) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
    box.hidden = false;
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})();
