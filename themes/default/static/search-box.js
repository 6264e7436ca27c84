/* The search box in the header (search.html): built here, as pages carry
 * only its empty frame; it asks search.js for results. The index is a
 * script (search/index.<lang>.js) injected the first time the box gets
 * focus; section texts for snippets come in chunks (search/text.<lang>.<n>.js),
 * only for results shown.
 * Keys: "/" focuses the box; ↑/↓ choose a result, Enter opens it (with
 * Ctrl, Cmd or Shift in a new tab), Escape closes the list (a second Escape
 * clears the box). A reader can turn "/" off (WCAG 2.1.4: a speech-input
 * user saying "slash" should not be sent to the box) with the switch this
 * adds to the page's footer; the choice is kept in localStorage. */
(function () {
  "use strict";
  var alsite = (globalThis.alsite = globalThis.alsite || {});
  var search = (alsite.search = alsite.search || {});
  var LIMIT = 10;
  /** Where the reader's choice to turn "/" off is kept (every alsite site). */
  var SHORTCUT = "alsite-search-shortcut";
  /** The choice made on this page (null: none yet): it holds here even
   *  where localStorage refuses to keep it. */
  var shortcutHere = null;

  /** Whether "/" jumps to the box: on, unless the reader turned it off. */
  function shortcutOn() {
    if (shortcutHere !== null) return shortcutHere;
    try { return window.localStorage.getItem(SHORTCUT) !== "off"; } catch (e) { return true; }
  }

  function setShortcut(on) {
    shortcutHere = on;
    try {
      if (on) window.localStorage.removeItem(SHORTCUT);
      else window.localStorage.setItem(SHORTCUT, "off");
    } catch (e) { /* private mode: for this page only */ }
  }

  var t = search.t;

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
    var input = el("input", {
      id: "search-input", "class": "search-input", type: "search",
      role: "combobox", "aria-expanded": "false", "aria-controls": "search-results",
      "aria-autocomplete": "list", "aria-describedby": "search-help",
      autocomplete: "off", spellcheck: "false"
    });
    var label = el("label", { "class": "visually-hidden", "for": "search-input" }, t("search.label"));
    var help = el("span", { id: "search-help", "class": "visually-hidden" }, t("search.help"));
    var list = el("div", {
      id: "search-results", "class": "search-results", role: "listbox", "aria-label": t("search.results_label")
    });
    list.hidden = true;
    // tabindex -1: a box that scrolls is a Tab stop of its own in Chromium,
    // and Tab from a combobox goes on to the page; arrows choose results.
    var panel = el("div", { "class": "search-panel", tabindex: "-1" }, [el("p", { "class": "search-count" }), list]);
    panel.hidden = true;
    var status = el("p", { id: "search-status", "class": "visually-hidden", role: "status", "aria-live": "polite" });
    [label, input, help, status, panel].forEach(function (part) { box.appendChild(part); });
  }

  /** Says on the box whether "/" reaches it: in its placeholder, "Search (/)"
   *  or "Search", and to assistive technology in aria-keyshortcuts. */
  function showShortcut(input) {
    // A phone or tablet has no "/" key at hand: its hint says only "Search".
    var touch = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
    var on = shortcutOn();
    input.placeholder = t(on && !touch ? "search.placeholder" : "search.placeholder_touch");
    if (on) input.setAttribute("aria-keyshortcuts", "/");
    else input.removeAttribute("aria-keyshortcuts");
    return touch;
  }

  /** The footer's switch for "/": what the key does now, and a button that
   *  turns it off or on again. Added once, on a page with a footer. */
  function addShortcutSwitch(input) {
    var footer = document.querySelector(".site-footer .footer-inner");
    if (!footer || footer.querySelector(".search-shortcut")) return;
    var said = el("span", {}, "");
    var button = el("button", { type: "button", "class": "button button-small" }, "");
    function show() {
      var on = shortcutOn();
      said.textContent = t(on ? "search.shortcut_on" : "search.shortcut_off");
      button.textContent = t(on ? "search.shortcut_turn_off" : "search.shortcut_turn_on");
      showShortcut(input);
    }
    button.addEventListener("click", function () { setShortcut(!shortcutOn()); show(); });
    footer.appendChild(el("p", { "class": "search-shortcut" }, [said, document.createTextNode(" "), button]));
    show();
  }

  function init() {
    var box = document.querySelector(".site-search");
    var dataEl = document.getElementById("search-data");
    if (!box || !dataEl) return;
    var data = JSON.parse(dataEl.textContent);
    if (!box.querySelector(".search-input")) build(box);
    var input = box.querySelector(".search-input");
    // On a touch screen the switch comes with the first "/" typed (a keyboard
    // attached): until then it would name a key the reader does not have;
    // once "/" is off, it is there to turn it on again.
    if (!showShortcut(input) || !shortcutOn()) addShortcutSwitch(input);
    var panel = box.querySelector(".search-panel");
    var count = box.querySelector(".search-count");
    var list = box.querySelector(".search-results");
    var status = box.querySelector("#search-status");
    var state = { requested: false, shown: [], active: -1, last: null, announce: 0, chunks: {}, limit: LIMIT };

    function addScript(src, failed) {
      var s = document.createElement("script");
      s.src = src;
      if (failed) s.onerror = function () { s.remove(); failed(); };
      document.head.appendChild(s);
    }

    /** Loads the index once; if it cannot load (a file missing on the
     *  server, the connection lost), says so, and tries again on the next
     *  focus rather than showing "Loading" for ever. */
    function requestIndex() {
      if (state.requested) return;
      state.requested = true;
      addScript(data.index, function () {
        state.failed = true;
        if (input.value.trim()) run();
      });
    }

    function open(yes) {
      panel.hidden = !yes;
      input.setAttribute("aria-expanded", yes && !list.hidden ? "true" : "false");
      if (!yes) setActive(-1);
      else fit();
    }

    /** Keeps the list above a phone's on-screen keyboard: its height stops
     *  at the bottom of what is visible (the visual viewport), not of the page. */
    function fit() {
      var view = window.visualViewport;
      if (!view || panel.hidden) return;
      var room = view.offsetTop + view.height - panel.getBoundingClientRect().top - 8;
      panel.style.setProperty("--search-room", Math.max(120, Math.floor(room)) + "px");
    }

    /** Before a result opens: the query is kept in this page's history
     *  entry, so that Back shows it again in the box. */
    function leave() {
      open(false);
      try {
        history.replaceState(Object.assign({}, history.state, { alsiteSearch: input.value }), "");
      } catch (err) { /* a page in a sandboxed frame may refuse; the query is then lost */ }
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

    /** The query as the count repeats it: a long one (a pasted paragraph)
     *  cut to its first 40 characters, so the results stay in view. */
    function echo(query) {
      var chars = Array.from(query);
      return chars.length > 40 ? chars.slice(0, 40).join("").trim() + "…" : query;
    }

    function run() {
      var query = input.value.trim();
      if (!query) { clear(); announce(""); return; }
      if (!search.ready()) {
        requestIndex();
        count.textContent = t(state.failed ? "search.failed" : "search.loading");
        announce(count.textContent);
        list.hidden = true;
        open(true);
        return;
      }
      var found = search.query(query, state.limit);
      state.last = found;
      if (!found.words.length) {
        // One letter, a digit or signs only: no word to look for yet. Said
        // so, in place of a "Loading" or an old count a screen reader read last.
        clear();
        count.textContent = t("search.short");
        announce(count.textContent);
        list.hidden = true;
        open(true);
        return;
      }
      var n = found.total, said = echo(query);
      // On a site in several languages, nothing found here may be in another's pages.
      var none = data.others ? "search.none_other" : "search.none";
      var summary = n ? t("search.results", { n: n, query: said }) : t(none, { query: said });
      count.textContent = summary + (n > state.limit ? " " + t("search.first", { shown: state.limit }) : "");
      announce(count.textContent);
      render(found, n > state.limit);
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

    function render(found, more) {
      var matchers = found.matchers, inTitles = found.titleMatchers;
      list.textContent = "";
      state.shown = found.results.map(function (r, k) {
        var sec = search.section(r.id);
        var where = el("span", { "class": "search-where" }, []);
        if (sec.context) {
          where.appendChild(el("span", { "class": "search-context" }, sec.context));
          where.appendChild(document.createTextNode(" › "));
        }
        where.appendChild(el("span", { "class": "search-page" }, [search.markedTitle(sec.pageTitle, inTitles)]));
        if (sec.title !== sec.pageTitle) {
          where.appendChild(document.createTextNode(" › "));
          where.appendChild(el("span", { "class": "search-section" }, [search.markedTitle(sec.title, inTitles)]));
        }
        var snip = el("span", { "class": "search-snippet" });
        var a = el("a", {
          id: "search-option-" + k, "class": "search-result", role: "option", "aria-selected": "false",
          // The index holds a page's path as its file is named (`100%Efekt/o nas.html`):
          // encoded, a `%` in a name is a `%`, not the start of an escape.
          tabindex: "-1", href: data.root + encodeURI(sec.page) + (sec.anchor ? "#" + sec.anchor : "")
        }, [where, snip]);
        a.addEventListener("click", function (e) { if (!e.ctrlKey && !e.metaKey && !e.shiftKey) leave(); });
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
        var text = search.snippet(r.id, r.matchers), n = search.neededChunk(r.id);
        if (text) {
          r.snippet.appendChild(text);
        } else if (!state.chunks[n]) {
          state.chunks[n] = true;
          addScript(data.text.replace("{n}", n));
        }
      });
    }

    search.ui = { indexReady: run, textReady: fillSnippets };
    var kept = history.state && history.state.alsiteSearch;
    if (kept && !input.value) input.value = kept;
    if (search.ready()) run();
    if (window.visualViewport) {
      window.visualViewport.addEventListener("resize", fit);
      window.visualViewport.addEventListener("scroll", fit);
    }

    input.addEventListener("focus", function () {
      if (state.failed) state.failed = state.requested = false;
      requestIndex();
      if (!search.ready() && input.value.trim()) run();
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
        // Ctrl, Cmd or Shift + Enter: a new tab, as with a link; the list stays.
        if (e.ctrlKey || e.metaKey || e.shiftKey) { window.open(option.href, "_blank"); return; }
        leave();
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
      var at = document.activeElement;
      var typing = at && (at.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName));
      if (typing || !shortcutOn()) return;
      e.preventDefault();
      addShortcutSwitch(input);
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
