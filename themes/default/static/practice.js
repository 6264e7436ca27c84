/* Practice items: checks answers, gives feedback, keeps progress in the
 * progress store (progress.js: localStorage, or the LMS in a SCORM package),
 * and offers a reset. Without this script the page is a complete exercise sheet.
 * Sessions reuse alsite.practice.mountItem for their pauses. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  var t = alsite.t;

  /** The letter that names option `i` (the practice.option_letters UI
   *  string: "АБВГ…" on a Ukrainian site), as the page prints it. */
  function letter(i) {
    var own = t("practice.option_letters");
    var letters = own === "practice.option_letters" ? [] : Array.from(own).filter(function (c) { return /[\p{L}\p{N}]/u.test(c); });
    return letters.length ? letters[i % letters.length] : String.fromCharCode(65 + i);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** Trusted HTML written by the trainer (rendered Markdown), never typed text. */
  function authored(tag, className, html) {
    var node = make(tag, className);
    node.innerHTML = html;
    return node;
  }

  /** Fills the item's feedback box: a verdict line, then the given parts.
   *  A verdict (`good` true or false) shows on the item's heading too. */
  function showFeedback(section, good, verdict, parts) {
    var box = section.querySelector(".feedback");
    box.textContent = "";
    box.className = "feedback " + (good === true ? "is-good" : good === false ? "is-bad" : "is-neutral");
    if (typeof good === "boolean") showState(section, good);
    var head = make("p", "verdict");
    head.appendChild(make("span", "verdict-icon", good === true ? "✓ " : good === false ? "✗ " : ""));
    head.appendChild(make("strong", null, verdict));
    box.appendChild(head);
    parts.forEach(function (p) { if (p) box.appendChild(p); });
    return box;
  }

  /** The item's heading says how it went once answered, in words and with
   *  ✓ or ✗ (not colour alone), so a long set shows which items are done. */
  function showState(section, good) {
    var title = section.querySelector(".item-title");
    if (!title) return;
    clearState(section);
    var state = make("span", "item-state " + (good ? "is-right" : "is-wrong"));
    // A pause between the heading's words and its state when read out.
    state.appendChild(make("span", "visually-hidden", ": "));
    var icon = make("span", "item-state-icon", good ? "✓" : "✗");
    icon.setAttribute("aria-hidden", "true");
    state.appendChild(icon);
    state.appendChild(document.createTextNode(" " + t(good ? "practice.state_right" : "practice.state_not_quite")));
    title.appendChild(state);
  }

  function clearState(section) {
    section.querySelectorAll(".item-title .item-state").forEach(function (n) { n.remove(); });
  }

  /** A checked choose or classify item is settled until the set starts over:
   *  its options can no longer be changed, the one chosen says whether it
   *  was right, and the right one says so (in words, for every reader). */
  function settleOptions(section, chosen, isRight) {
    section.querySelectorAll("label.option").forEach(function (label) {
      var input = label.querySelector("input");
      var mine = chosen(input.value), right = isRight(input.value);
      var key = mine ? (right ? "practice.option_yours_right" : "practice.option_yours_wrong") : right ? "practice.option_right" : null;
      label.classList.toggle("is-chosen", mine);
      label.classList.toggle("is-right", right);
      label.classList.toggle("is-wrong", mine && !right);
      var old = label.querySelector(".option-mark");
      if (old) old.remove();
      if (!key) return;
      var markNode = make("span", "option-mark");
      var icon = make("span", "option-mark-icon", right ? "✓" : "✗");
      icon.setAttribute("aria-hidden", "true");
      markNode.appendChild(icon);
      markNode.appendChild(make("span", "option-mark-words", " " + t(key)));
      (label.querySelector(".option-text") || label).appendChild(markNode);
    });
    // Locked once the marks are in: the focus it moves is then in view.
    lockOptions(section, true);
  }

  /** The options of a settled item are locked and its "Check answer" gone;
   *  unsettled, both are back. The keyboard's focus, on an option or the
   *  button that goes, moves to the verdict (Tab goes on from there) rather
   *  than falling back to the page, where a screen reader starts again. */
  function lockOptions(section, locked) {
    var form = section.querySelector("form.interactive");
    var hadFocus = locked && form && form.contains(document.activeElement);
    var fieldset = section.querySelector("form.interactive fieldset");
    if (fieldset) fieldset.disabled = locked;
    var check = section.querySelector("form.interactive button[type=submit]");
    if (check) check.hidden = locked;
    var verdict = hadFocus && section.querySelector(".feedback .verdict");
    if (verdict) {
      verdict.tabIndex = -1;
      // Brought into view (the options' marks may push it below the
      // window); a pause scrolls its feedback into view itself.
      verdict.focus({ preventScroll: Boolean(section.closest(".pause")) });
    }
  }

  function unsettleOptions(section) {
    lockOptions(section, false);
    section.querySelectorAll("label.option").forEach(function (label) {
      label.classList.remove("is-chosen", "is-right", "is-wrong");
      var old = label.querySelector(".option-mark");
      if (old) old.remove();
    });
  }

  function explainPart(data) {
    return data.explain ? authored("div", "explain", data.explain) : null;
  }

  var handlers = {};

  handlers.choose = function (section, data, done) {
    var inputs = Array.prototype.slice.call(section.querySelectorAll("input"));
    function render(answer) {
      var chosen = answer.map(Number);
      var right = data.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; });
      var correct = chosen.length === right.length && chosen.every(function (i) { return right.indexOf(i) >= 0; });
      function optionFeedback(i) {
        var opt = data.options[i];
        if (!opt) return null;
        var p = authored("p", "option-feedback", opt.feedback);
        p.insertBefore(make("strong", null, letter(i) + ": "), p.firstChild);
        return p;
      }
      var parts = chosen.map(optionFeedback);
      if (!correct) {
        var letters = right.map(letter).join(t("practice.and"));
        parts.push(make("p", "correct-answer", t(right.length > 1 ? "practice.best_answers" : "practice.best_answer", { letters: letters })));
        // Why the right answer is right, as the hidden "Show the answer"
        // said (it goes once checked: the feedback gives the answer).
        right.forEach(function (i) { if (chosen.indexOf(i) < 0) parts.push(optionFeedback(i)); });
      }
      parts.push(explainPart(data));
      showFeedback(section, correct, t(correct ? "practice.right" : "practice.not_quite"), parts);
      settleOptions(section,
        function (v) { return chosen.indexOf(Number(v)) >= 0; },
        function (v) { return right.indexOf(Number(v)) >= 0; });
      return correct;
    }
    section.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answer = inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
      if (!answer.length) { showFeedback(section, null, t("practice.choose_first"), []); return; }
      done({ answer: answer, correct: render(answer) });
    });
    return {
      restore: function (saved) {
        var answer = Array.isArray(saved.answer) ? saved.answer : [];
        inputs.forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) >= 0; });
        if (answer.length) render(answer);
      },
      reset: function () { unsettleOptions(section); inputs.forEach(function (i) { i.checked = false; }); },
      answerInFeedback: true,
    };
  };

  handlers.classify = function (section, data, done) {
    var inputs = Array.prototype.slice.call(section.querySelectorAll("input"));
    var name = function (id) { return data.names[id] || id; };
    function render(choice) {
      var correct = choice === data.answer || (data.also || []).indexOf(choice) >= 0;
      var verdict = correct
        ? t("practice.right_type", { type: name(choice) })
        : t("practice.wrong_type", { chosen: name(choice), type: name(data.answer) });
      showFeedback(section, correct, verdict, [authored("p", "reason", data.reason), explainPart(data)]);
      var accepted = [data.answer].concat(data.also || []);
      settleOptions(section,
        function (v) { return v === choice; },
        // Right but not chosen: the answer, and the others accepted only
        // beside a wrong choice (a right one is the learner's own).
        function (v) { return v === choice ? correct : !correct && accepted.indexOf(v) >= 0; });
      return correct;
    }
    section.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var picked = inputs.filter(function (i) { return i.checked; })[0];
      if (!picked) { showFeedback(section, null, t("practice.choose_type_first"), []); return; }
      done({ answer: picked.value, correct: render(picked.value) });
    });
    return {
      restore: function (saved) {
        if (typeof saved.answer !== "string") return;
        inputs.forEach(function (i) { i.checked = i.value === saved.answer; });
        render(saved.answer);
      },
      reset: function () { unsettleOptions(section); inputs.forEach(function (i) { i.checked = false; }); },
      answerInFeedback: true,
    };
  };

  var KINDS = ["open", "closed", "leading", "statement", "stacked", "choice", "short"];

  /** What follows a typed answer's verdict: the model answers, then the
   *  explanation (shown here only, not again below). */
  function modelsParts(data) {
    var list = make("ul", "models");
    data.models.forEach(function (m) { list.appendChild(make("li", null, m)); });
    return [make("p", "models-title", t("practice.model_answers")), list, explainPart(data)];
  }

  function yoursPart(text) {
    var yours = make("p", "yours");
    yours.appendChild(make("span", null, t("practice.your_question")));
    yours.appendChild(make("q", null, text));
    return yours;
  }

  handlers.rewrite = function (section, data, done, rules) {
    var area = section.querySelector("textarea");
    // The learner overrules the checker, which goes by wording alone: a
    // plain secondary button under the feedback (not inside its verdict),
    // with a line that says what it does.
    var overrule = make("div", "overrule");
    overrule.hidden = true;
    var note = make("p", "overrule-note", t("practice.mark_good_note"));
    note.id = section.id + "-overrule-note";
    var mark = make("button", "button button-quiet overrule-button", t("practice.mark_good"));
    mark.type = "button";
    mark.setAttribute("aria-describedby", note.id);
    overrule.appendChild(note);
    overrule.appendChild(mark);
    var feedbackBox = section.querySelector(".feedback");
    feedbackBox.parentNode.insertBefore(overrule, feedbackBox.nextSibling);
    var current = null;
    mark.addEventListener("click", function () {
      if (current === null) return;
      render(current, true);
      done({ answer: current, correct: true, self: true });
      section.querySelector(".feedback .verdict").focus();
    });
    /** Checks `text` and shows the verdict; `known`: the verdict saved with
     *  it, which stands (the score counts it) if the rules changed since. */
    function render(text, selfMarked, known) {
      var check = alsite.checkQuestion(text, rules || {}, { strings: alsite.strings(), lang: alsite.lang() });
      var good = typeof known === "boolean" ? known : check.ok || selfMarked;
      var verdict = KINDS.indexOf(check.kind) >= 0 ? t("practice.verdict_" + check.kind) : t("practice.checked");
      // Counted as right by the learner: the ✓ goes with their word, and
      // the checker's reading ("That is a closed question.") is one more
      // line, never a ticked verdict.
      var overruled = good && !check.ok;
      var parts = [yoursPart(text)];
      if (overruled) parts.push(make("p", "hint-line checker-reading", verdict));
      check.hints.forEach(function (h) { parts.push(make("p", "hint-line", h)); });
      // The explanation before the learner judges their own version.
      parts = parts.concat(modelsParts(data));
      current = text;
      overrule.hidden = good;
      var said = selfMarked ? t("practice.self_marked") : t("practice.right");
      var box = showFeedback(section, good, overruled ? said : verdict, parts);
      box.querySelector(".verdict").tabIndex = -1;
      return good;
    }
    /** A saved answer whose text a learning platform kept only the start of
     *  (`cut`), or none of: its verdict as it was given, what is left, and
     *  why; no hints, which would judge only the part. */
    function renderKept(saved) {
      var parts = typeof saved.answer === "string" ? [yoursPart(saved.answer + "…")] : [];
      parts.push(make("p", "kept-short", t(parts.length ? "practice.shortened" : "practice.not_kept")));
      var good = saved.correct === true;
      var box = showFeedback(section, good, t(good ? "practice.right" : "practice.not_quite"), parts.concat(modelsParts(data)));
      box.querySelector(".verdict").tabIndex = -1;
      current = null;
      overrule.hidden = true;
    }
    // A question is one line: Enter checks it (Shift+Enter still breaks
    // the line), as the button does.
    area.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" || ev.shiftKey || ev.isComposing) return;
      ev.preventDefault();
      section.querySelector("form").requestSubmit();
    });
    section.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = area.value.trim();
      if (!text) { current = null; overrule.hidden = true; showFeedback(section, null, t("practice.type_first"), []); return; }
      done({ answer: text, correct: render(text, false), self: false });
    });
    return {
      restore: function (saved) {
        var whole = typeof saved.answer === "string" && !saved.cut;
        if (!whole && typeof saved.correct !== "boolean") return;
        area.value = typeof saved.answer === "string" ? saved.answer : "";
        if (whole) render(saved.answer, saved.self === true, saved.correct);
        else renderKept(saved);
      },
      reset: function () { area.value = ""; current = null; overrule.hidden = true; },
      // The feedback lists the model answers and the explanation: the
      // "Show model answers" box would only repeat them.
      answerInFeedback: true,
    };
  };

  handlers.order = function (section, data, done) {
    var list = section.querySelector("ol.steps");
    var initial = Array.prototype.slice.call(list.children);
    function steps() { return Array.prototype.slice.call(list.children); }
    function labelButtons() {
      steps().forEach(function (li, i, all) {
        var text = li.querySelector(".step-text").textContent;
        li.querySelector(".up").disabled = i === 0;
        li.querySelector(".down").disabled = i === all.length - 1;
        li.querySelector(".up").setAttribute("aria-label", t("practice.move_up", { step: text }));
        li.querySelector(".down").setAttribute("aria-label", t("practice.move_down", { step: text }));
      });
    }
    function clearMarks() {
      steps().forEach(function (li) {
        li.classList.remove("is-right", "is-wrong");
        var m = li.querySelector(".step-mark");
        if (m) m.remove();
      });
    }
    // A move keeps the focus on its button, so nothing is read out by
    // itself: a status line says where the step went.
    var moved = make("p", "visually-hidden");
    moved.setAttribute("role", "status");
    list.parentNode.insertBefore(moved, list.nextSibling);
    function announceMove(li) {
      var all = steps();
      moved.textContent = t("practice.moved", { step: li.querySelector(".step-text").textContent, n: all.indexOf(li) + 1, total: all.length });
    }
    function move(li, delta) {
      var all = steps();
      var i = all.indexOf(li);
      var j = i + delta;
      if (j < 0 || j >= all.length) return;
      if (delta < 0) list.insertBefore(li, all[j]); else list.insertBefore(li, all[j].nextSibling);
      clearMarks();
      labelButtons();
      announceMove(li);
    }
    var dragged = null;
    steps().forEach(function (li) {
      var tools = make("span", "step-tools");
      [["up", "↑", -1], ["down", "↓", 1]].forEach(function (b) {
        var button = make("button", "button button-small " + b[0], b[1]);
        button.type = "button";
        button.addEventListener("click", function () { move(li, b[2]); button.disabled ? li.querySelector(b[2] < 0 ? ".down" : ".up").focus() : button.focus(); });
        tools.appendChild(button);
      });
      li.appendChild(tools);
      li.draggable = true;
      li.addEventListener("dragstart", function (ev) { dragged = li; li.classList.add("dragging"); ev.dataTransfer.effectAllowed = "move"; ev.dataTransfer.setData("text/plain", ""); });
      li.addEventListener("dragend", function () { li.classList.remove("dragging"); dragged = null; });
      li.addEventListener("dragover", function (ev) { if (dragged && dragged !== li) ev.preventDefault(); });
      li.addEventListener("drop", function (ev) {
        ev.preventDefault();
        if (!dragged || dragged === li) return;
        var all = steps();
        if (all.indexOf(dragged) < all.indexOf(li)) list.insertBefore(dragged, li.nextSibling); else list.insertBefore(dragged, li);
        clearMarks();
        labelButtons();
        announceMove(dragged);
      });
    });
    labelButtons();
    function render() {
      var order = steps().map(function (li) { return Number(li.dataset.position); });
      var right = 0;
      clearMarks();
      steps().forEach(function (li, i) {
        var ok = Number(li.dataset.position) === i + 1;
        if (ok) right++;
        li.classList.add(ok ? "is-right" : "is-wrong");
        li.insertBefore(make("span", "step-mark", t(ok ? "practice.in_place" : "practice.not_yet")), li.firstChild);
      });
      var correct = right === order.length;
      showFeedback(section, correct, correct ? t("practice.order_right") : t("practice.order_partly", { n: right, total: order.length }),
        [correct ? explainPart(data) : make("p", null, t("practice.order_again"))]);
      return { answer: order, correct: correct };
    }
    section.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      done(render());
    });
    return {
      restore: function (saved) {
        if (!Array.isArray(saved.answer) || saved.answer.length !== initial.length) return;
        var byPos = {};
        initial.forEach(function (li) { byPos[li.dataset.position] = li; });
        var ok = saved.answer.every(function (p) { return byPos[p]; });
        if (!ok) return;
        saved.answer.forEach(function (p) { list.appendChild(byPos[p]); });
        labelButtons();
        return render();
      },
      reset: function () {
        clearMarks();
        moved.textContent = "";
        initial.forEach(function (li) { list.appendChild(li); });
        labelButtons();
      },
      // Once right, the steps on the page are the answer; until then the
      // feedback asks for another try, and the right order stays offered.
      answerInFeedback: function (result) { return Boolean(result && result.correct); },
    };
  };

  /** A learning platform that shows the course in a sandboxed frame without
   *  `allow-forms` blocks every form submission before its submit event
   *  fires, so the check button (clicked, or pressed with Enter in a field)
   *  checks without submitting: it cancels the submission and sends the
   *  handlers their submit event itself, which no browser acts on. */
  function checkWithoutSubmitting(form) {
    var button = form.querySelector("button[type=submit]");
    if (!button) return;
    button.addEventListener("click", function (ev) {
      ev.preventDefault();
      form.dispatchEvent(new Event("submit", { cancelable: true }));
    });
  }

  /** Whether `saved` was given to the item `data` (progress.js). */
  function fits(data, saved) { return alsite.progress.fits(data, saved); }

  /** Makes one .practice-item interactive. `onAnswer(result)` gets
   *  { answer, correct, item } (`item`: the item's fingerprint); `saved` is
   *  a previous result to show again, left out when it was another item's. */
  function mountItem(section, data, rules, onAnswer, saved) {
    var factory = handlers[data && data.type];
    if (!factory) return null;
    if (!fits(data, saved)) saved = null;
    var form = section.querySelector("form.interactive");
    form.hidden = false;
    checkWithoutSubmitting(form);
    section.querySelectorAll(".static-only").forEach(function (n) { n.hidden = true; });
    section.querySelectorAll(".js-only").forEach(function (n) { n.hidden = false; });
    var details = section.querySelector("details.answer");
    if (details) details.hidden = true;
    var handler;
    /** After an answer "Show the answer" is offered only where the
     *  feedback did not give the answer already. */
    function reveal(result) {
      var given = typeof handler.answerInFeedback === "function" ? handler.answerInFeedback(result) : handler.answerInFeedback;
      if (details) details.hidden = Boolean(given);
    }
    handler = factory(section, data, function (result) {
      reveal(result);
      if (typeof data.fingerprint === "string") result.item = data.fingerprint;
      onAnswer(result);
    }, rules);
    if (saved) {
      try {
        var shown = handler.restore(saved);
        if (section.querySelector(".feedback").textContent) reveal(shown || saved);
      } catch (e) { /* a saved answer that no longer fits */ }
    }
    return {
      reset: function () {
        handler.reset();
        clearState(section);
        var box = section.querySelector(".feedback");
        box.textContent = "";
        box.className = "feedback";
        if (details) { details.hidden = true; details.open = false; }
      },
    };
  }

  /** The line under the title says where answers go: to the learning
   *  platform; nowhere (the platform's review mode); nowhere past this
   *  page (a browser that keeps no site data); else this browser. */
  function showWhereSaved(store) {
    var shown = store.inLms ? (store.reviewing ? ".saved-review" : ".saved-in-lms")
      : store.kept === false ? ".saved-nowhere" : ".saved-here";
    document.querySelectorAll(".saved-here, .saved-in-lms, .saved-review, .saved-nowhere").forEach(function (n) {
      n.hidden = !n.matches(shown);
    });
  }

  /** After an answer: the item stays where it was on the screen though
   *  the score's line appeared above it (`before`: its top until then),
   *  and its feedback, drawn below what the reader was looking at, is
   *  brought up into the window, its top kept in view. */
  function keepInView(section, before) {
    var shift = section.getBoundingClientRect().top - before;
    if (shift) window.scrollBy({ top: shift, behavior: "instant" });
    var box = section.querySelector(".feedback");
    if (!box || !box.textContent) return;
    var r = box.getBoundingClientRect(), room = window.innerHeight;
    var below = r.bottom - (room - 16);
    if (below <= 0) return;
    var by = Math.min(below, Math.max(0, r.top - room / 4));
    if (by <= 0) return;
    var still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollBy({ top: by, behavior: still ? "instant" : "smooth" });
  }

  function mountPage() {
    var script = document.getElementById("practice-data");
    if (!script) return;
    var data;
    try { data = JSON.parse(script.textContent); } catch (e) { return; }
    var store = alsite.progress.open(data.key);
    showWhereSaved(store);
    var items = Array.isArray(data.items) ? data.items : [];
    var ids = items.map(function (item) { return item.id; });
    var byId = {};
    items.forEach(function (item) { byId[item.id] = item; });
    /** The result saved for item `id`, unless it was another item's. */
    function savedFor(id) {
      var s = store.get(id);
      return fits(byId[id], s) ? s : null;
    }
    var mounted = {};
    var progress = document.querySelector(".progress");
    // A practice.html of a site's own, copied when the score's box was
    // hidden until the first answer, keeps it so.
    var hiddenBox = progress.hidden;
    var summary = document.querySelector(".summary");
    function update() {
      var answered = 0, right = 0;
      ids.forEach(function (id) {
        var s = savedFor(id);
        if (s) { answered++; if (s.correct === true) right++; }
      });
      // The score line is a live region, always in the page: empty until
      // the first answer, so what it says then is read out.
      // (A site's own practice.html may lack either: the rest goes on.)
      var score = progress.querySelector(".score");
      if (score) score.textContent = answered ? t("practice.score", { answered: answered, total: ids.length, right: right }) : "";
      // Start over shows once there is something to clear, unless its
      // "are you sure?" step stands in its place (confirm.js).
      var reset = progress.querySelector(".reset");
      var step = reset && reset.nextElementSibling;
      if (reset) reset.hidden = answered === 0 || Boolean(step && step.classList.contains("confirm-step") && !step.hidden);
      if (hiddenBox) progress.hidden = answered === 0;
      var printedNote = document.querySelector(".answers-printed");
      if (printedNote) printedNote.hidden = answered === 0;
      summary.hidden = answered < ids.length;
      summary.querySelector(".summary-text").textContent =
        t("practice.summary", { n: ids.length, right: right }) +
        t(right === ids.length ? "practice.well_done" : "practice.try_again");
    }
    items.forEach(function (item) {
      var id = item.id;
      var section = document.getElementById(id);
      if (!section) return;
      mounted[id] = mountItem(section, item, data.rules, function (result) {
        store.answer(id, item, result);
        var before = section.getBoundingClientRect().top;
        update();
        keepInView(section, before);
      }, savedFor(id));
    });
    function startOver() {
      store.clear();
      ids.forEach(function (id) { if (mounted[id]) mounted[id].reset(); });
      update();
      var first = document.querySelector(".practice-item .item-title");
      if (first) { first.tabIndex = -1; first.focus(); }
    }
    var ask = { question: t("practice.confirm_start_over"), yes: t("practice.confirm_yes"), keep: t("practice.confirm_keep") };
    document.querySelectorAll(".reset").forEach(function (button) {
      alsite.confirmStep(button, ask, startOver);
    });
    update();
  }

  alsite.practice = { mountItem: mountItem, fits: fits };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountPage); else mountPage();
})();
