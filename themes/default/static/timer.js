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

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(total / 60);
    var s = total % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  var timers = items.map(function (li, index) {
    var full = Number(li.getAttribute("data-minutes")) * 60000;
    var box = li.querySelector(".timer");
    var display = box.querySelector(".timer-display");
    var start = box.querySelector(".timer-start");
    var status = box.querySelector(".timer-status");
    var title = li.querySelector(".activity-title").textContent;
    // state: { remaining: ms } when paused, { endsAt: epoch ms } when running.
    var state = saved.get(index);
    if (!state || typeof state !== "object" || !(Number.isFinite(state.remaining) || Number.isFinite(state.endsAt))) {
      state = { remaining: full };
    }
    var wasDone = false;
    var lastLeft = remaining();

    function remaining() {
      return Number.isFinite(state.endsAt) ? state.endsAt - Date.now() : state.remaining;
    }
    function running() { return Number.isFinite(state.endsAt); }
    function store() { saved.set(index, state); }

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
      if (refocus) box.querySelector(".timer-reset").focus();
      if (done && !wasDone) {
        status.textContent = t("timer.up_for", { title: title });
        if (running()) { state = { remaining: 0 }; store(); }
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
    box.querySelector(".timer-reset").addEventListener("click", function () {
      state = { remaining: full };
      store();
      status.textContent = t("timer.reset_to", { time: format(full) });
      render();
      tick();
    });
    box.querySelector(".timer-next").addEventListener("click", function () {
      if (running()) { state = { remaining: Math.max(0, remaining()) }; store(); render(); }
      var next = timers[index + 1];
      if (next) next.begin();
    });
    box.hidden = false;
    return {
      render: render,
      isRunning: function () { return running() && remaining() > 0; },
      isDone: function () { return remaining() <= 0; },
      begin: function () {
        if (!running()) start.click();
        start.focus();
        li.scrollIntoView({ block: "nearest" });
      },
    };
  });

  var handle = null;
  function tick() {
    timers.forEach(function (t) { t.render(); });
    var anyDone = timers.some(function (t) { return t.isDone(); });
    document.title = anyDone ? t("timer.up_title", { title: baseTitle }) : baseTitle;
    var anyRunning = timers.some(function (t) { return t.isRunning(); });
    if (anyRunning && handle === null) handle = window.setInterval(tick, 250);
    if (!anyRunning && handle !== null) { window.clearInterval(handle); handle = null; }
  }
  tick();
})();
