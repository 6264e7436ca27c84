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

  function start() {
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
