/* The menu button of small screens: Escape closes the open menu and puts the
 * focus back on the button. The menu is a <details>, so it opens and closes
 * without this script; wide screens show the links and no button. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});

  function start() {
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
