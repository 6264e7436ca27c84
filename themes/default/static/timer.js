/* Countdown timers for a module's activities: start, pause, reset, next
 * activity. The running state is kept in localStorage as an end time, so a
 * reload (or a sleeping laptop) shows the right time. At zero the timer turns
 * red, says "Time is up" and the tab title changes: a cue without sound.
 * The display itself is never read out as it changes (role=timer); a screen
 * reader hears Start, Pause, Reset, 5 and 1 minutes left, and "Time is up". */
(function () {
  "use strict";
  var section = document.querySelector("section.activities[data-timer-key]");
  if (!section) return;
  var key = section.getAttribute("data-timer-key");
  var items = Array.prototype.slice.call(section.querySelectorAll("li.activity"));
  var baseTitle = document.title;
  var t = window.alsite.t;

  // End times mean something on this device only: never sent to an LMS.
  var saved = window.alsite.progress.open(key, { local: true });
  // Minutes left that are said when a running timer reaches them: a glance
  // at the clock for someone who cannot see it, not a voice every second.
  var MILESTONES = [5, 1];
  // How long "Time is up" stays on a timer that ran out, across reloads.
  var STALE_MS = 30 * 60000;

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(total / 60);
    var s = total % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  // Each timer is kept under its activity's length and title, not its place
  // in the list: when the trainer adds an activity above it, or changes its
  // minutes, on the morning of the workshop, a timer paused before never
  // shows on another activity, nor at a length the activity no longer has.
  var named = {};
  function timerId(li, title) {
    var id = li.getAttribute("data-minutes") + " " + title;
    named[id] = (named[id] || 0) + 1;
    return named[id] > 1 ? id + " #" + named[id] : id;
  }

  /** The activity full screen shows: `li` alone. */
  function show(li) {
    items.forEach(function (other) { other.classList.toggle("is-shown", other === li); });
  }

  var timers = items.map(function (li, index) {
    var full = Number(li.getAttribute("data-minutes")) * 60000;
    var box = li.querySelector(".timer");
    var display = box.querySelector(".timer-display");
    var start = box.querySelector(".timer-start");
    var reset = box.querySelector(".timer-reset");
    var status = box.querySelector(".timer-status");
    var title = li.querySelector(".activity-title").textContent;
    // Its title in the site's first language, the same on every translation
    // of the page (a template from before it had one: the title shown).
    var id = timerId(li, li.getAttribute("data-timer") || title);
    // state: { remaining: ms } when paused, { endsAt: epoch ms } when running.
    var state = saved.get(id);
    if (!state || typeof state !== "object" || !(Number.isFinite(state.remaining) || Number.isFinite(state.endsAt))) {
      state = { remaining: full };
    }
    // A time that was up long ago belongs to an earlier run (a module the
    // workshop runs again after lunch, or yesterday's): the timer opens afresh.
    // (`upAt`: when it was up, kept once it ran out on an open page.)
    var upAt = Number.isFinite(state.endsAt) ? state.endsAt : state.upAt;
    if (Number.isFinite(upAt) && Date.now() - upAt > STALE_MS) state = { remaining: full };
    var wasDone = false;
    var lastLeft = remaining();

    function remaining() {
      return Number.isFinite(state.endsAt) ? state.endsAt - Date.now() : state.remaining;
    }
    function running() { return Number.isFinite(state.endsAt); }
    function store() { saved.set(id, state); }
    // The keyboard's place in this timer: Start, or Reset once the time is
    // up (Start is disabled then).
    function focusControl() { (start.disabled ? reset : start).focus(); }

    function render() {
      var left = remaining();
      var done = left <= 0;
      display.textContent = format(left);
      display.setAttribute("aria-label", t(done ? "timer.up_label" : "timer.left", { time: format(left) }));
      li.classList.toggle("is-running", running() && !done);
      li.classList.toggle("is-done", done);
      start.textContent = t(running() && !done ? "timer.pause" : remaining() < full && !done ? "timer.resume" : "timer.start");
      // Pause goes when the time is up: the keyboard's focus on it moves to
      // Reset beside it rather than falling back to the page.
      var refocus = done && !start.disabled && document.activeElement === start;
      start.disabled = done;
      if (refocus) focusControl();
      if (done && !wasDone) {
        status.textContent = t("timer.up_for", { title: title });
        if (running()) { state = { remaining: 0, upAt: state.endsAt }; store(); }
      } else if (!done && wasDone) {
        status.textContent = "";
      }
      wasDone = done;
      if (running() && !done) sayMilestone(left);
      lastLeft = left;
    }

    // A milestone crossed since the last tick, in a timer longer than it.
    function sayMilestone(left) {
      MILESTONES.forEach(function (m) {
        var at = m * 60000;
        if (full > at && lastLeft > at && left <= at) status.textContent = t("timer.minutes_left", { n: m, title: title });
      });
    }

    start.addEventListener("click", function () {
      if (running()) {
        state = { remaining: Math.max(0, remaining()) };
        status.textContent = t("timer.paused_at", { time: format(state.remaining) });
      } else {
        state = { endsAt: Date.now() + remaining() };
        status.textContent = t("timer.running");
      }
      store();
      render();
      tick();
    });
    reset.addEventListener("click", function () {
      state = { remaining: full };
      store();
      status.textContent = t("timer.reset_to", { time: format(full) });
      render();
      tick();
    });
    box.querySelector(".timer-next").addEventListener("click", function () {
      if (running()) { state = { remaining: Math.max(0, remaining()) }; store(); render(); }
      var next = timers[index + 1];
      if (!next) return;
      // In full screen, the next activity takes the screen.
      if (document.fullscreenElement === section) show(items[index + 1]);
      next.begin();
    });
    // Full screen: the activity alone and large, for the room to read from
    // its back row; Escape (or the button) brings the page back. The list
    // takes the screen, showing one activity: Next activity shows the next.
    var enlarge = box.querySelector(".timer-full");
    if (section.requestFullscreen && document.fullscreenEnabled) {
      enlarge.hidden = false;
      enlarge.addEventListener("click", function () {
        if (document.fullscreenElement === section) { document.exitFullscreen(); return; }
        show(li);
        section.requestFullscreen().catch(function () { /* refused: the page stays as it is */ });
      });
      document.addEventListener("fullscreenchange", function () {
        var on = document.fullscreenElement === section;
        enlarge.textContent = t(on ? "timer.leave_full_screen" : "timer.full_screen");
        if (on && li.classList.contains("is-shown")) focusControl();
      });
    }
    box.hidden = false;
    return {
      render: render,
      isRunning: function () { return running() && remaining() > 0; },
      isDone: function () { return remaining() <= 0; },
      begin: function () {
        if (!running()) start.click();
        focusControl();
        li.scrollIntoView({ block: "nearest" });
      },
    };
  });

  var handle = null;
  function tick() {
    timers.forEach(function (t) { t.render(); });
    var anyDone = timers.some(function (t) { return t.isDone(); });
    var anyRunning = timers.some(function (t) { return t.isRunning(); });
    // Once the next activity's timer runs, the tab no longer says time is up.
    document.title = anyDone && !anyRunning ? t("timer.up_title", { title: baseTitle }) : baseTitle;
    if (anyRunning && handle === null) handle = window.setInterval(tick, 250);
    if (!anyRunning && handle !== null) { window.clearInterval(handle); handle = null; }
  }
  tick();
})();
