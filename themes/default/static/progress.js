/* The one progress store of practice sets, sessions and timers, with two back
 * ends. Outside an LMS: localStorage, one entry per key (a missing or broken
 * store never breaks the page). Inside a SCORM package the launch page
 * (lms/<id>.html) holds the platform's session (static/lms.js); the site's
 * pages, shown in its frame, reach it through their parents. Pages only call
 * alsite.progress.open(key); none talks to the LMS. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  if (alsite.progress) return;

  function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  function isObject(v) { return Boolean(v) && typeof v === "object" && !Array.isArray(v); }

  /* ---- localStorage ------------------------------------------------------ */

  /** The site's root as this page sees it (`<html data-root>`): two sites on
   *  one web server, or on one disk (every file:// page shares one store),
   *  keep their progress apart. */
  var scope = (function () {
    var root = document.documentElement.getAttribute("data-root");
    if (root === null) return "";
    try { return "@" + new URL(root || "./", window.location.href).pathname; } catch (e) { return ""; }
  })();

  /** Where `key` is kept in localStorage for this site. */
  function storageKey(key) { return key + scope; }

  /** Items saved under `key` as { v: 1, items }; an older plain object
   *  (the timers' first format) is read as the items themselves. */
  var keeps = null;
  function canKeep() {
    if (keeps === null) {
      try {
        window.localStorage.setItem("alsite-probe", "1");
        window.localStorage.removeItem("alsite-probe");
        keeps = true;
      } catch (e) { keeps = false; }
    }
    return keeps;
  }

  function localStore(name) {
    var key = storageKey(name);
    var items = {};
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      if (isObject(saved) && isObject(saved.items)) items = saved.items;
      else if (isObject(saved) && saved.v === undefined) items = saved;
    } catch (e) { items = {}; }
    function save() {
      try { window.localStorage.setItem(key, JSON.stringify({ v: 1, items: items })); } catch (e) { /* private mode, full */ }
    }
    return {
      /** Whether the browser keeps what is saved (not in a frame that
       *  forbids storage, nor with the site's data blocked). */
      kept: canKeep(),
      get: function (id) { var v = items[id]; return v && typeof v === "object" ? v : null; },
      set: function (id, value) { items[id] = value; save(); },
      clear: function () { items = {}; try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ } },
      answer: function (id, item, result) { this.set(id, result); },
      complete: function () { /* completion only matters to an LMS */ },
    };
  }

  /** The session of the launch page around this page, if any. */
  function outerSession() {
    var win = window;
    for (var hops = 0; hops < 10; hops++) {
      try {
        var p = win.alsite && win.alsite.progress;
        if (p && p.session) return p.session;
      } catch (e) { return null; }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function lmsStore(session, key) {
    return {
      inLms: true,
      /** The platform's review mode: nothing given now is saved. */
      reviewing: session.reviewing,
      get: function (id) { return session.get(key, id); },
      set: function (id, value) { session.set(key, id, value); },
      clear: function () { session.clear(key); },
      answer: function (id, item, result) { session.answer(key, id, copy(item), copy(result)); },
      complete: function () { session.complete(key); },
    };
  }

  /** Whether `saved`, a result kept for the item in this place, was given
   *  to this very `item` (with its `fingerprint`): ids are places, and the
   *  trainer may have inserted, removed or rewritten items since. The
   *  result carries the item's fingerprint (`item`); one saved before
   *  fingerprints is taken as it is. */
  function fits(item, saved) {
    if (!saved || typeof saved !== "object") return false;
    return typeof saved.item !== "string" || typeof item.fingerprint !== "string" || saved.item === item.fingerprint;
  }

  alsite.progress = {
    /** The LMS session this window holds (a launch page's, set by lms.js). */
    session: null,
    storageKey: storageKey,
    fits: fits,
    /** The store for `key`. `options.local`: keep it on this device only,
     *  even in an LMS (a timer's end time means nothing elsewhere). */
    open: function (key, options) {
      var session = options && options.local ? null : outerSession();
      return session && session.counts(key) ? lmsStore(session, key) : localStore(key);
    },
  };
})();
