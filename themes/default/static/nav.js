/* The menu button of small screens: Escape closes the open menu and puts the
 * focus back on the button. The menu is a <details>, so it opens and closes
 * without this script; wide screens show the links and no button. Links to
 * the page in another language keep the place in the page (its #anchor). */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});

  /** Links to the same page in another language (the language menu, an
   *  untranslated page's way to its original) take the place in the page
   *  along: a session's turn, a practice item, a module's activity have
   *  the same name in every language. A page's script sets `alsite.place`
   *  (an element's id) for a place the address does not show. */
  function keepPlace() {
    // The address's #anchor, else the place a page's script keeps without
    // one (the session player: the turn on show).
    var hash = window.location.hash || (alsite.place ? "#" + alsite.place : "");
    var links = document.querySelectorAll("a[data-keep-place]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var base = a.getAttribute("href").split("#")[0];
      a.setAttribute("href", base + hash);
    }
  }

  /** A table wider than its column scrolls in a box of its own
   *  (`.table-scroll`): a named region the keyboard can focus, to scroll it
   *  with the arrow keys. Where the table fits, the box has nothing to
   *  scroll and is neither a Tab stop nor a region (a facilitator guide has
   *  a dozen tables); it becomes both again when the window narrows. */
  var NAMES = ["role", "tabindex", "aria-label", "aria-labelledby"];
  function fitBoxes() {
    var boxes = document.querySelectorAll(".table-scroll");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], wide = box.scrollWidth > box.clientWidth + 1;
      // A box not shown (a closed answer's table) has no width to judge
      // by; one under the focus keeps it.
      if (!box.getClientRects().length || (!wide && box === document.activeElement)) continue;
      NAMES.forEach(function (name) {
        var kept = "data-fit-" + name;
        if (!wide && box.hasAttribute(name)) {
          box.setAttribute(kept, box.getAttribute(name));
          box.removeAttribute(name);
        } else if (wide && box.hasAttribute(kept)) {
          box.setAttribute(name, box.getAttribute(kept));
          box.removeAttribute(kept);
        }
      });
    }
  }

  function watchBoxes() {
    var boxes = document.querySelectorAll(".table-scroll");
    if (!boxes.length) return;
    fitBoxes();
    var queued = false;
    var again = function () {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () { queued = false; fitBoxes(); });
    };
    window.addEventListener("resize", again);
    // A box's size changes too when it is shown (an answer opened), and
    // its table's when its text does, not only with the window.
    if (window.ResizeObserver) {
      var watch = new ResizeObserver(again);
      for (var i = 0; i < boxes.length; i++) {
        watch.observe(boxes[i]);
        if (boxes[i].firstElementChild) watch.observe(boxes[i].firstElementChild);
      }
    }
    // The page's own fonts may set the text wider or narrower than the
    // fallback it was first laid out in.
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitBoxes);
  }

  function start() {
    watchBoxes();
    keepPlace();
    window.addEventListener("hashchange", keepPlace);
    // A script may change the address without a hashchange (leaving the
    // presenter view goes back with history.pushState): the links are
    // brought up to date again as they are followed or opened in a new tab.
    ["click", "auxclick", "contextmenu"].forEach(function (type) {
      document.addEventListener(type, function (ev) {
        if (ev.target.closest && ev.target.closest("a[data-keep-place]")) keepPlace();
      }, true);
    });
    var menu = document.querySelector(".nav-menu");
    var button = menu && menu.querySelector("summary");
    if (!button) return;
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || e.defaultPrevented || !menu.open) return;
      if (!button.getClientRects().length) return; // a wide screen: no menu button
      menu.open = false;
      button.focus();
    });
  }

  alsite.nav = { start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
