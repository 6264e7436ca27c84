/* The demo-session player: the current stage as a conversation that grows
 * turn by turn (buttons, ←/→/space), the newest turn scrolled into view, a
 * stage list to jump, a progress bar, pauses that must be answered or skipped,
 * resume where you left off, a transcript view, and a presenter view
 * (#present) for projecting. Without this script the page is the full
 * transcript. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  var t = alsite.t;

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function start() {
    var data = readJson("session-data");
    var pauseData = readJson("pause-data") || { items: [] };
    var player = document.querySelector(".player");
    if (!data || !player) return;

    var turns = Array.prototype.slice.call(document.querySelectorAll(".transcript .turn"));
    var stages = Array.prototype.slice.call(document.querySelectorAll(".transcript .stage"));
    var stageLinks = Array.prototype.slice.call(document.querySelectorAll(".stage-list a"));
    var back = player.querySelector(".back");
    var next = player.querySelector(".next");
    var position = player.querySelector(".position");
    var controls = player.querySelector(".player-controls");
    var bar = player.querySelector(".progress-bar");
    var announcer = player.querySelector(".announcer");
    var transcriptToggle = player.querySelector(".transcript-toggle");
    var keysHelp = player.querySelector(".keys-help");
    // At a pause: the help among the tools, and its copy in the bar, which
    // alone stays on screen when the player is compact (layout.css shows
    // one or the other).
    var pauseHelps = player.querySelectorAll(".pause-help, .bar-help");
    var presentToggle = player.querySelector(".present-toggle");
    var ending = document.querySelector(".session-end");
    var total = turns.length;

    // Saved state: the current turn, the answered or skipped pauses, the view.
    var state = { turn: 1, pauses: {}, transcript: false };
    var store = alsite.progress.open(data.key);
    var saved = store.get("player");
    if (saved) {
      if (Number.isInteger(saved.turn) && saved.turn >= 1 && saved.turn <= total) state.turn = saved.turn;
      if (saved.pauses && typeof saved.pauses === "object") state.pauses = saved.pauses;
      state.transcript = saved.transcript === true;
    }
    function save() {
      store.set("player", state);
      labelJump();
      if (state.turn >= total) store.complete(); // watched to the end
    }

    var pauseByTurn = {};
    var goOnButtons = [];
    var pauseForms = [];
    (pauseData.items || []).forEach(function (item) {
      // A pause answered or skipped before the session was rewritten there
      // asks again.
      // (A site's own practice.js, copied from an older alsite, has no `fits`.)
      var fits = alsite.practice.fits || function () { return true; };
      if (state.pauses[item.id] && !fits(item, state.pauses[item.id])) delete state.pauses[item.id];
      var section = document.getElementById(item.id);
      if (!section) return;
      var turnEl = section.closest(".turn");
      var n = Number(turnEl.dataset.turn);
      var skip = turnEl.querySelector(".skip-pause");
      skip.hidden = false;
      skip.addEventListener("click", function () {
        state.pauses[item.id] = { skipped: true, item: item.fingerprint };
        save();
        settle(turnEl, item, state.pauses[item.id]);
        go(n + 1);
        focusControl(next); // the Skip button has gone
      });
      // Once the pause is answered, the way on is right after the feedback,
      // not back up at the controls (Tab from the answer would leave the
      // player). A session.html of the site's own, copied before there was
      // one, has none: the player works without.
      var goOn = turnEl.querySelector(".go-on");
      if (goOn) {
        goOn.addEventListener("click", function () {
          go(n + 1);
          focusControl(next);
        });
        goOnButtons.push({ button: goOn, turn: n });
      }
      alsite.practice.mountItem(section, item, pauseData.rules, function (result) {
        state.pauses[item.id] = result;
        save();
        settle(turnEl, item, result);
        render(false, false);
        showFeedback(turnEl);
      }, state.pauses[item.id] && !state.pauses[item.id].skipped ? state.pauses[item.id] : null);
      if (state.pauses[item.id]) settle(turnEl, item, state.pauses[item.id]);
      pauseByTurn[n] = item.id;
      pauseForms.push({ id: item.id, turn: n, section: section, form: section.querySelector("form.interactive") });
    });

    // An answered pause the reader has gone on from is closed: its answer
    // and feedback stay as they were, but nothing in it asks to be done any
    // more (no "Check answer", the choices and words locked); Back to it
    // opens it again. The whole item is locked, not just its form: an
    // order's ↑ and ↓ and its draggable steps, and a rewrite's "Count my
    // question as right", sit outside it. On Back each control gets back
    // what it had: what practice.js itself had disabled or hidden (an
    // order's first "up", a settled choice's options and "Check answer")
    // stays so.
    function closePauses(n) {
      pauseForms.forEach(function (p) {
        var answered = Boolean(state.pauses[p.id]) && !state.pauses[p.id].skipped;
        var closed = answered && p.turn !== n;
        if (!p.form || p.form.classList.contains("is-closed") === closed) return;
        p.form.classList.toggle("is-closed", closed);
        p.section.querySelectorAll("input, textarea, select, button").forEach(function (el) {
          if (el.type === "submit") lock(el, "hidden", closed, true);
          lock(el, el.tagName === "TEXTAREA" ? "readOnly" : "disabled", closed, true);
        });
        p.section.querySelectorAll("[draggable]").forEach(function (el) { lock(el, "draggable", closed, false); });
      });
    }
    /** While a pause is closed, `el[prop]` is `value`, and what it was is
     *  kept; once open again, it is put back. */
    function lock(el, prop, closed, value) {
      var key = "was" + prop.charAt(0).toUpperCase() + prop.slice(1);
      if (closed) {
        if (!(key in el.dataset)) el.dataset[key] = String(el[prop]);
        el[prop] = value;
      } else if (key in el.dataset) {
        el[prop] = el.dataset[key] === "true";
        delete el.dataset[key];
      }
    }

    // Once a pause is answered, its feedback (and "Go on to the next turn"
    // after it) comes into view below the controls, as far as the window
    // allows without moving the focused answer or button out of it.
    function showFeedback(turnEl) {
      var box = turnEl.querySelector(".feedback");
      if (!box || !box.getClientRects().length) return;
      var goOn = turnEl.querySelector(".go-on");
      var last = goOn && !goOn.hidden ? goOn : box;
      var end = last.getBoundingClientRect().bottom;
      if (end <= window.innerHeight - 8) return;
      var top = stuckHeight();
      var limit = box.getBoundingClientRect().top - top - 8;
      var focused = document.activeElement;
      if (focused && turnEl.contains(focused) && focused.getClientRects().length) {
        limit = Math.min(limit, focused.getBoundingClientRect().top - top - 8);
      }
      var delta = Math.min(end - window.innerHeight + 16, limit);
      if (delta > 0) scrollPageBy(delta);
    }

    // A pause answered or skipped no longer offers to skip it; once answered,
    // the feedback gives the answer, so "Show answer" goes too (except for a
    // wrong order, whose feedback asks for another try).
    function settle(turnEl, item, result) {
      turnEl.querySelector(".skip-pause").hidden = true;
      var answer = turnEl.querySelector("details.answer");
      if (answer && !result.skipped && (item.type !== "order" || result.correct)) answer.hidden = true;
    }

    function stageOf(n) {
      var s = 0;
      data.stages.forEach(function (st, i) { if (st.first <= n) s = i; });
      return s;
    }

    function blocked(n) {
      var id = pauseByTurn[n];
      return Boolean(id) && !state.pauses[id];
    }

    function describe(turnEl) {
      var n = Number(turnEl.dataset.turn);
      if (pauseByTurn[n]) return t("player.your_turn", { prompt: pausePrompt(turnEl) });
      var speaker = turnEl.querySelector(".speaker").cloneNode(true);
      speaker.querySelectorAll("[aria-hidden=true]").forEach(function (el) { el.remove(); });
      speaker = speaker.textContent.replace(/\s+/g, " ").trim();
      return speaker + ": " + turnEl.querySelector(".words").textContent.trim();
    }

    // What a pause asks: its heading (without its number), then its prompt
    // or the words it is about ("Rewrite as an open question: You should…").
    function pausePrompt(turnEl) {
      var heading = turnEl.querySelector(".item-title").cloneNode(true);
      heading.querySelectorAll(".badge, .item-state").forEach(function (el) { el.remove(); });
      var words = turnEl.querySelector(".prompt, blockquote");
      var text = heading.textContent.replace(/\s+/g, " ").trim();
      return words ? text + ": " + words.textContent.replace(/\s+/g, " ").trim() : text;
    }

    // What a screen reader hears for the new turn: the stage first when it
    // is another stage's turn (the conversation on screen has changed), and
    // that the session has ended after its last turn.
    var heardStage = null;
    function announcement(turnEl, n, s) {
      var parts = [];
      if (s !== heardStage) parts.push(t("player.new_stage", { stage: s + 1, stages: data.stages.length, title: data.stages[s].title }));
      parts.push(describe(turnEl));
      if (n >= total) parts.push(t("player.ended"));
      return parts.join(" ");
    }

    // The turns so far: of the current stage, or of every stage so far in
    // the transcript view.
    function render(announce, moved) {
      var had = document.activeElement;
      var n = state.turn;
      // Going to another language goes on at this turn (nav.js).
      alsite.place = n > 1 ? "turn-" + n : null;
      var s = stageOf(n);
      var stageFirst = data.stages[s].first;
      turns.forEach(function (t) {
        var k = Number(t.dataset.turn);
        t.hidden = k > n || (!state.transcript && k < stageFirst);
        t.classList.toggle("is-current", k === n);
      });
      stages.forEach(function (st, i) {
        st.hidden = state.transcript ? i > s : i !== s;
      });
      stageLinks.forEach(function (a, i) {
        if (i === s) a.setAttribute("aria-current", "step"); else a.removeAttribute("aria-current");
      });
      showStageLink(stageLinks[s]);
      closePauses(n);
      back.disabled = n <= 1;
      var stop = blocked(n);
      next.disabled = n >= total || stop;
      next.textContent = t(n >= total ? "player.the_end" : "player.next");
      keysHelp.hidden = stop;
      player.classList.toggle("is-paused", stop);
      Array.prototype.forEach.call(pauseHelps, function (p) { p.hidden = !stop; });
      position.textContent = t("player.position", { n: n, total: total, stage: s + 1, stages: data.stages.length, title: data.stages[s].title });
      bar.setAttribute("aria-valuenow", String(n));
      bar.setAttribute("aria-valuetext", t("player.turn_of", { n: n, total: total }));
      bar.firstElementChild.style.width = (100 * n / total).toFixed(2) + "%";
      transcriptToggle.setAttribute("aria-pressed", String(state.transcript));
      goOnButtons.forEach(function (g) { g.button.hidden = g.turn !== n || stop || n >= total; });
      // Where to go next shows under the last turn, once the session is over.
      if (ending) ending.hidden = n < total;
      var current = turns[n - 1];
      if (announce && current) announcer.textContent = announcement(current, n, s);
      heardStage = s;
      if (current && moved) reveal(current, n >= total ? ending : null);
      keepFocus(had, current, stop);
    }

    // Where the stage list scrolls in a box of its own (beside the
    // conversation, in a window too short for all of it), the current stage
    // is scrolled into that box, without moving the page.
    function showStageLink(a) {
      var list = a && a.closest(".stage-list");
      if (!list || list.scrollHeight <= list.clientHeight + 1) return;
      var box = list.getBoundingClientRect(), r = a.getBoundingClientRect();
      if (r.top < box.top + 8) list.scrollTop -= box.top + 8 - r.top;
      else if (r.bottom > box.bottom - 8) list.scrollTop += r.bottom - box.bottom + 8;
    }

    // A button that has just been disabled under the keyboard's focus, or a
    // control of a turn that has just been hidden (→ pressed on a pause's
    // "Go on"), hands the focus on instead of dropping it: at a pause, to the
    // pause's "Your turn" (so Tab goes on to its answers); at the last turn,
    // to the session's end; else to the other of Next and Back, or to Next.
    function keepFocus(lost, current, stop) {
      var gone = lost === next || lost === back
        ? lost.disabled
        : Boolean(lost && lost.closest && lost.closest(".transcript") && (!lost.getClientRects().length || lost.disabled));
      if (!gone) return;
      var label = stop && current && current.querySelector(".pause-label");
      if (label) {
        label.tabIndex = -1;
        // Without a scroll of its own: one would cut short reveal()'s
        // smooth scroll and leave the pause's answers below the window.
        label.focus({ preventScroll: true });
      } else if (lost === next && next.disabled && current) {
        // The last turn: on to where the session leads (Tab goes on to its
        // links), not to Back, which Space would then press; in the
        // presenter view, which shows no end, to the last turn itself.
        var shown = ending && !ending.hidden && ending.getClientRects().length;
        var to = shown ? ending.querySelector("h2") || ending : current;
        to.tabIndex = -1;
        to.focus({ preventScroll: true });
      } else if (lost === next || lost === back) {
        focusControl(lost === next ? back : next);
      } else {
        focusControl(next.disabled ? back : next);
      }
    }

    // The focus handed to Back or Next never scrolls: the sticky controls
    // (in a short window, their bar) are in the window wherever the
    // conversation is, and Chromium would scroll up to where they sit in the
    // page, away from the turn reveal() has just brought into view.
    function focusControl(button) {
      button.focus({ preventScroll: true });
    }

    // Brings the newest turn into view below the sticky controls (which
    // stick to the top of the window once the page scrolls past them, where
    // they stick at all: see placePlayer); a turn taller than the room left
    // shows its start. `after` (the last
    // turn's "where next") comes into view with the turn when both fit.
    function reveal(turnEl, after) {
      var top = stuckHeight();
      var rect = turnEl.getBoundingClientRect();
      var room = window.innerHeight - top;
      var bottom = rect.bottom;
      if (after && after.getClientRects().length) {
        var end = after.getBoundingClientRect().bottom;
        if (end - rect.top <= room - 24) bottom = end;
      }
      var delta = 0;
      if (rect.top < top || rect.height > room) delta = rect.top - top - 8;
      else if (bottom > window.innerHeight) delta = bottom - window.innerHeight + 16;
      // The controls keep their place as the player steps: at a stage's
      // first turn (the stage before it gone, the page shorter) the page is
      // scrolled until the stage begins under them, so they stay stuck to
      // the top instead of sitting lower, with the stage list above the
      // conversation (layout.css gives the conversation the height this
      // takes), and the stage's heading shows above its first turn. Only a
      // turn too tall for the window with its heading goes by the turn.
      var stage = turnEl.closest(".stage");
      var first = stage && stage.querySelector(".turn") === turnEl;
      if (top && first) {
        var stageTop = stage.getBoundingClientRect().top;
        var toStage = Math.floor(stageTop - top - 8);
        delta = rect.bottom - stageTop <= room - 16 ? toStage : Math.max(delta, toStage);
      }
      // At the end, its heading comes into view at least, at the window's
      // foot when the last turn is too tall for both: Next hands the
      // keyboard's focus to it (keepFocus), which must not sit below the
      // window, as it did at 320 px (and at 400 % zoom).
      var heading = after && after.getClientRects().length && (after.querySelector("h2") || after);
      if (heading) {
        var foot = heading.getBoundingClientRect().bottom - delta;
        if (foot > window.innerHeight) delta += foot - window.innerHeight + 16;
      }
      if (delta) scrollPageBy(delta);
    }

    // Scrolls the page until `turnEl` (with its stage's heading, at a
    // stage's first turn) sits below the controls, which stick to the top
    // of the window once the page is scrolled past them.
    function scrollBelowControls(turnEl) {
      var stage = turnEl.closest(".stage");
      var target = stage && stage.querySelector(".turn") === turnEl ? stage : turnEl;
      var y = window.scrollY + target.getBoundingClientRect().top - stuckHeight() - 8;
      window.scrollTo({ top: Math.max(0, y), behavior: reducedMotion() ? "auto" : "smooth" });
    }

    // Scrolls the page, smoothly unless the reader asked for less motion.
    function scrollPageBy(delta) {
      window.scrollBy({ top: delta, behavior: reducedMotion() ? "auto" : "smooth" });
    }

    // How much of the window's top the controls cover: the whole player, or
    // in a short window only its bar of Back, Next and the turn (see
    // placePlayer); none where nothing sticks (the presenter view).
    function pinned() {
      return player.classList.contains("is-compact") ? controls : player;
    }
    function stuckHeight() {
      var el = pinned();
      return window.getComputedStyle(el).position === "sticky" ? el.getBoundingClientRect().height : 0;
    }

    function reducedMotion() {
      return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    }

    function go(n) {
      state.turn = Math.max(1, Math.min(total, n));
      save();
      render(true, true);
    }

    back.addEventListener("click", function () { go(state.turn - 1); });
    next.addEventListener("click", function () { if (!blocked(state.turn)) go(state.turn + 1); });
    transcriptToggle.addEventListener("click", function () {
      state.transcript = !state.transcript;
      save();
      render(false, true);
    });
    var ask = { question: t("player.confirm_restart"), yes: t("player.confirm_yes"), keep: t("player.confirm_keep") };
    // "No, stay here": the reader is at the turn they had reached, wherever
    // the page was scrolled meanwhile.
    player.addEventListener("confirm-kept", function () {
      window.requestAnimationFrame(function () {
        if (turns[state.turn - 1]) reveal(turns[state.turn - 1]);
      });
    });
    alsite.confirmStep(player.querySelector(".restart"), ask, function () {
      state = { turn: 1, pauses: {}, transcript: state.transcript };
      store.clear();
      save();
      window.location.reload();
    });
    stageLinks.forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        go(Number(a.dataset.first));
        focusControl(next);
      });
    });

    document.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented) return;
      if (ev.key === "Escape" && presenting()) {
        ev.preventDefault();
        leavePresent();
        return;
      }
      var t = ev.target;
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      var onControl = t && /^(BUTTON|A|SUMMARY)$/.test(t.tagName);
      if (typing) return;
      // A presentation clicker sends Page Down and Page Up: in the
      // presenter view they step, as elsewhere they scroll the page.
      var clicker = presenting() && (ev.key === "PageDown" || ev.key === "PageUp");
      if (ev.key === "ArrowRight" || (ev.key === " " && !onControl) || (clicker && ev.key === "PageDown")) {
        ev.preventDefault();
        if (!next.disabled) go(state.turn + 1);
      } else if (ev.key === "ArrowLeft" || (clicker && ev.key === "PageUp")) {
        ev.preventDefault();
        if (!back.disabled) go(state.turn - 1);
      }
    });

    // The presenter view fills the screen; Escape or the toggle leaves it,
    // where the player was.
    function presenting() { return window.location.hash === "#present"; }
    function applyHash() {
      var present = presenting();
      document.body.classList.toggle("present", present);
      presentToggle.textContent = t(present ? "player.leave_present" : "player.present");
      presentToggle.setAttribute("href", present ? "#" : "#present");
      if (present) presentToggle.setAttribute("aria-keyshortcuts", "Escape"); else presentToggle.removeAttribute("aria-keyshortcuts");
    }
    function leavePresent() {
      try {
        window.history.pushState(null, "", window.location.pathname + window.location.search);
      } catch (e) {
        window.location.hash = ""; // where the history cannot be written (some file:// pages)
      }
      applyHash();
      if (turns[state.turn - 1]) reveal(turns[state.turn - 1]);
    }
    // Following the link to #present would leave the focus on the page's
    // body: it stays on the toggle, now "Leave presenter view".
    var keepToggle = false;
    presentToggle.addEventListener("click", function (ev) {
      if (!presenting()) { keepToggle = true; return; }
      ev.preventDefault();
      leavePresent();
    });
    window.addEventListener("hashchange", function () {
      applyHash();
      if (keepToggle && presenting()) presentToggle.focus();
      keepToggle = false;
    });
    applyHash();

    // A link to a turn or a stage (search results give them) opens the player there.
    function showLinkedTurn() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var el = id ? document.getElementById(id) : null;
      var turnEl = el && el.closest(".transcript .turn, .transcript .stage");
      if (turnEl && turnEl.classList.contains("stage")) turnEl = turnEl.querySelector(".turn");
      if (!turnEl) return;
      go(Number(turnEl.dataset.turn));
      turnEl.scrollIntoView({ block: "center" });
    }
    window.addEventListener("hashchange", showLinkedTurn);

    // "Start the session" under the introduction: to the current turn, below
    // the controls, which stick once the page is scrolled past them.
    // A session watched to the end is started again: the button says so.
    var jump = document.querySelector(".session-start a");
    function resuming() { return state.turn > 1 && state.turn < total; }
    function labelJump() {
      if (!jump) return;
      jump.textContent = resuming() ? t("player.resume", { n: state.turn, total: total }) : t("player.start");
    }
    if (jump) {
      jump.addEventListener("click", function (ev) {
        ev.preventDefault();
        if (!resuming() && state.turn !== 1) go(1);
        var turnEl = turns[state.turn - 1];
        if (turnEl) scrollBelowControls(turnEl);
        focusControl(next.disabled ? back : next);
      });
      labelJump();
      jump.parentNode.hidden = false;
    }

    document.body.classList.add("player-on");
    player.hidden = false;
    // The whole player sticks to the top of the window only while it takes
    // no more than a third of it. In a short window (30em high or less: a
    // phone on its side, a page zoomed to 200-400 %), or where wider text
    // spacing or longer words make it taller than that, it is compact
    // (.is-compact, layout.css): only its bar of Back, Next and the turn
    // stays pinned, on one line, and the rest of it (the progress bar and
    // the tools) scrolls away with the page, so the conversation is not
    // hidden under it (WCAG 1.4.10) and a touch screen, which has no arrow
    // keys, still has Next at hand. What Tab moves the focus to is never
    // hidden under what sticks (WCAG 2.4.11): the page keeps its height as
    // its scroll padding, and the stage list sticks below it (--player-room).
    var shortWindow = window.matchMedia ? window.matchMedia("(max-height: 30em)") : null;
    function placePlayer() {
      var was = player.classList.contains("is-compact");
      var compact = Boolean(shortWindow && shortWindow.matches);
      if (!compact) {
        // Measured as it is when whole (compact, it is shorter). Restart's
        // question, open for a moment, may take up to half the window, so
        // the player keeps its place on a phone's short screen.
        player.classList.remove("is-compact");
        var asking = player.querySelector(".confirm-step:not([hidden])");
        compact = player.getBoundingClientRect().height > window.innerHeight / (asking ? 2 : 3);
      }
      player.classList.toggle("is-compact", compact);
      var room = Math.ceil(stuckHeight());
      var root = document.documentElement;
      root.style.scrollPaddingTop = room ? room + 8 + "px" : "";
      root.style.setProperty("--player-room", room + "px");
      if (compact !== was) keepInView(compact);
    }
    // Once compact, the tools no longer stick but sit where the player
    // starts, which may be far above the turn the reader has reached: what
    // has the focus there (Restart's question, grown from the tools, made
    // the player too tall) is brought back into view below the bar. Whole
    // again (the question answered "No"), the player sticks once more, and
    // the reader is back at the turn they had reached.
    function keepInView(compact) {
      var el = document.activeElement;
      if (!el || !player.contains(el) || controls.contains(el)) return;
      if (compact) (el.closest("[role=group]") || el).scrollIntoView({ block: "nearest" });
      else if (turns[state.turn - 1]) reveal(turns[state.turn - 1]);
    }
    placePlayer();
    if (window.ResizeObserver) {
      // The player's own box gives way when compact: its parts are watched.
      // (A frame later: placePlayer changes what is watched.)
      var placing = false;
      var watch = new ResizeObserver(function () {
        if (placing) return;
        placing = true;
        window.requestAnimationFrame(function () { placing = false; placePlayer(); });
      });
      [player, controls, player.querySelector(".player-tools")].forEach(function (el) { if (el) watch.observe(el); });
    }
    window.addEventListener("resize", placePlayer);
    render(false, state.turn > 1);
    showLinkedTurn();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
