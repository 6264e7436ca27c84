/* The practice index: each set's card says how far the reader got in it
 * ("Answered 3 of 9, 1 right."), from the answers its page keeps (this
 * browser's, or the learning platform's inside a SCORM package). Nothing
 * is shown for a set not started, or without JavaScript. */
(function () {
  "use strict";
  var alsite = window.alsite || {};

  function mount() {
    var script = document.getElementById("practice-index-data");
    if (!script || !alsite.progress || !alsite.t) return;
    var sets;
    try { sets = JSON.parse(script.textContent); } catch (e) { return; }
    var lines = document.querySelectorAll(".set-list .card-progress");
    sets.forEach(function (set, n) {
      var line = lines[n];
      if (!line || !Array.isArray(set.items)) return;
      var store = alsite.progress.open(set.key);
      var answered = 0, right = 0;
      set.items.forEach(function (fp, i) {
        var saved = store.get("item-" + (i + 1));
        if (alsite.progress.fits({ fingerprint: fp }, saved)) { answered++; if (saved.correct === true) right++; }
      });
      if (!answered) return;
      line.textContent = alsite.t("practice.score", { answered: answered, total: set.items.length, right: right });
      line.hidden = false;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
