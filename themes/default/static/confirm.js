/* An inline "are you sure?" step for a button that throws a learner's work
 * away (a practice set's "Start over", the session player's "Restart").
 * A click swaps the button for a short question with two buttons: one does
 * it, the other (focused, the safe choice) keeps things as they are, as
 * Escape does. No window.confirm: inside an LMS's frame browsers may block
 * or suppress it, and it reads as the platform speaking, not the course. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  var made = 0;

  function button(className, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    return b;
  }

  /** Makes `trigger` ask first. `text` has the `question`, the `yes` and the
   *  `keep` labels; `act` runs once the learner says yes. */
  alsite.confirmStep = function (trigger, text, act) {
    var id = "confirm-step-" + ++made;
    var box = document.createElement("div");
    box.className = "confirm-step";
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", id);
    box.hidden = true;
    var question = document.createElement("p");
    question.id = id;
    question.className = "confirm-question";
    question.textContent = text.question;
    var yes = button("button button-danger confirm-yes", text.yes);
    var keep = button("button button-quiet confirm-keep", text.keep);
    box.append(question, yes, keep);
    trigger.insertAdjacentElement("afterend", box);

    function show(asking) {
      box.hidden = !asking;
      trigger.hidden = asking;
    }
    // The question shows where the button was, so the focus moves without
    // scrolling: in the session player, which sticks to the top of the
    // window, Chromium would scroll the page up to where the player sits in
    // it, a thousand pixels from the conversation.
    function focus(el) {
      el.focus({ preventScroll: true });
      var r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: "nearest" });
    }
    // Kept ("No", or Escape): the page around may bring its reader back
    // (the session player, to the turn reached).
    function kept() {
      show(false);
      focus(trigger);
      box.dispatchEvent(new CustomEvent("confirm-kept", { bubbles: true }));
    }
    trigger.addEventListener("click", function () { show(true); focus(keep); });
    keep.addEventListener("click", kept);
    yes.addEventListener("click", function () { show(false); act(); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") return;
      ev.preventDefault();
      ev.stopPropagation(); // not the presenter view's Escape
      kept();
    });
  };
})();
