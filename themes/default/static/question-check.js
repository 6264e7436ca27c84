/* The typed-question checker for rewrite items: a pure function,
 *   checkQuestion(text, rules, t) -> { ok, kind, hints }
 * with kind one of "open", "closed", "leading", "statement", "stacked",
 * "choice". `ok` is true only for an open question. The word lists come from
 * content/practice/question-rules.yaml (one language), embedded in the page.
 * Hints are the `checker.*` UI strings, looked up with `t(key, vars)` (the
 * page passes alsite.t); without `t`, the English ones below (the same as
 * themes/default/i18n/en.yaml, which a Rust test keeps in step) are used.
 * Loads in the page (as alsite.checkQuestion) and in Node (require). */
(function (root, factory) {
  "use strict";
  var checkQuestion = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = checkQuestion;
    module.exports.checkQuestion = checkQuestion;
  } else {
    root.alsite = root.alsite || {};
    root.alsite.checkQuestion = checkQuestion;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SEPARATORS = [",", ":", " - ", ";"];

  function normalize(text) {
    return String(text == null ? "" : text)
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\s*[\u2013\u2014]\s*/g, " - ")
      .replace(/\s+/g, " ")
      .trim();
  }

  function isWordChar(c) {
    return /[\p{L}\p{N}']/u.test(c || "");
  }

  /** Where `phrase` occurs in `text` as whole words, or -1. */
  function find(text, phrase, from) {
    var p = phrase.toLowerCase();
    var i = text.indexOf(p, from || 0);
    while (i !== -1) {
      var before = i === 0 ? "" : text[i - 1];
      var after = text[i + p.length] || "";
      var startOk = !isWordChar(p[0]) || !isWordChar(before);
      var endOk = !isWordChar(p[p.length - 1]) || !isWordChar(after);
      if (startOk && endOk) return i;
      i = text.indexOf(p, i + 1);
    }
    return -1;
  }

  /** The longest phrase of `list` that `text` starts with, as whole words. */
  function opener(text, list) {
    var best = "";
    (list || []).forEach(function (phrase) {
      var p = phrase.toLowerCase();
      if (p.length > best.length && find(text, p) === 0) best = p;
    });
    return best;
  }

  /** The first phrase of `list` found anywhere in `text`. */
  function anywhere(text, list) {
    var hit = "";
    (list || []).some(function (phrase) {
      if (find(text, phrase) !== -1) { hit = phrase; return true; }
      return false;
    });
    return hit;
  }

  /** True when `phrase` starts a clause of `text`: at its start, after
   *  punctuation, or after a joining word ("so", "but" …). Tags such as
   *  ", right?" carry their own comma and count anywhere. */
  function clauseStart(text, phrase) {
    var i = find(text, phrase);
    while (i !== -1) {
      var before = text.slice(0, i).replace(/\s+$/, "");
      if (!isWordChar(phrase[0]) || before === "" || /[,;:\-(]$/.test(before) || /(^|\s)(so|and|but|then|well|ok|okay)$/.test(before)) {
        return true;
      }
      i = find(text, phrase, i + 1);
    }
    return false;
  }

  function capital(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function result(kind, hints) {
    return { ok: kind === "open", kind: kind, hints: hints };
  }

  var ENGLISH = {
    "checker.try_open": "Try starting with 'What' or 'How'.",
    "checker.empty": "Type your question first.",
    "checker.advice_start": "This gives your own view or advice: it starts with '{word}'. Ask about the presenter's situation instead. {try_open}",
    "checker.leading_tag": "The tag '{tag}?' at the end asks the presenter to agree with you. Drop it and ask what they think.",
    "checker.leading": "'{phrase}' steers the presenter towards the answer you have in mind. Ask openly instead, for example 'What options do you see?'",
    "checker.advice_inside": "This carries your own view or advice ('{word}'). Leave it out and ask only the question. {try_open}",
    "checker.stacked": "This asks several things at once{marks}, so only one of them will be answered. Keep the one that matters most and ask it on its own.",
    "checker.stacked_marks": { one: " ({n} question mark)", other: " ({n} question marks)" },
    "checker.after_mark": "Something follows your question mark. End with the question, and leave out the rest.",
    "checker.end_with_mark": "End your question with a question mark.",
    "checker.yes_no_start": "It can also be answered yes or no: it starts with '{word}'. {try_open}",
    "checker.not_a_question": "This is a statement: it does not ask anything. Turn it into a question. {try_open}",
    "checker.choice": "This offers only the options you picked. Leave the choice to the presenter",
    "checker.choice_stop": ": stop after '{question}?'",
    "checker.choice_open": ". {try_open}",
    "checker.closed_fact": "This asks for a single number or fact: it starts with '{word}'. {try_open}",
    "checker.closed_start": "This can be answered yes or no: it starts with '{word}'. {try_open}",
    "checker.closed": "This can be answered yes or no. {try_open}",
    "checker.why": "'Why' can sound like blame when it is about a person's choices; 'What made…' often works better.",
  };

  /** The English strings, for Node and for pages without UI strings. */
  function english(key, vars) {
    var entry = ENGLISH[key];
    if (entry == null) return key;
    if (typeof entry === "object") entry = vars && vars.n === 1 ? entry.one : entry.other;
    return entry.replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && vars[name] != null ? String(vars[name]) : whole;
    });
  }

  function checkQuestion(text, rules, say) {
    rules = rules || {};
    say = typeof say === "function" ? say : english;
    var TRY_OPEN = say("checker.try_open");
    var t = normalize(text);
    var lower = t.toLowerCase();
    if (!t) return result("statement", [say("checker.empty")]);

    var marks = (t.match(/\?/g) || []).length;
    var openWord = opener(lower, rules.open_openers);
    var closedWord = opener(lower, rules.closed_openers);

    var startMarker = opener(lower, rules.statement_markers);
    if (startMarker) {
      return result("statement", [
        say("checker.advice_start", { word: capital(startMarker), try_open: TRY_OPEN }),
      ]);
    }

    var lead = "";
    (rules.leading || []).some(function (p) {
      if (clauseStart(lower, p)) { lead = p; return true; }
      return false;
    });
    if (lead) {
      var shown = lead.replace(/^[,\s]+/, "").replace(/\?$/, "");
      var isTag = /^,/.test(lead);
      return result("leading", [
        isTag
          ? say("checker.leading_tag", { tag: shown })
          : say("checker.leading", { phrase: capital(shown) }),
      ]);
    }

    var marker = anywhere(lower, rules.statement_markers);
    if (marker) {
      return result("statement", [
        say("checker.advice_inside", { word: marker, try_open: TRY_OPEN }),
      ]);
    }

    // A framing opener ("A year from now, what …") puts its question after
    // the first comma; only a second question after that is stacked.
    var framing = openWord.indexOf(" ") > 0 && openWord.length >= closedWord.length;
    var stackFrom = framing ? lower.indexOf(",") + 1 : 0;
    var stackPhrase = "";
    (rules.stacked || []).some(function (p) {
      if (find(lower, p, stackFrom) !== -1) { stackPhrase = p; return true; }
      return false;
    });
    if (marks >= 2 || stackPhrase) {
      return result("stacked", [
        say("checker.stacked", { marks: marks >= 2 ? say("checker.stacked_marks", { n: marks }) : "" }),
      ]);
    }

    if (!/\?$/.test(t)) {
      if (marks > 0) {
        return result("statement", [say("checker.after_mark")]);
      }
      if (openWord || closedWord) {
        var kind = closedWord.length > openWord.length ? "closed" : "open";
        return { ok: false, kind: kind, hints: [say("checker.end_with_mark")].concat(
          kind === "closed" ? [say("checker.yes_no_start", { word: capital(closedWord), try_open: TRY_OPEN })] : []) };
      }
      return result("statement", [say("checker.not_a_question", { try_open: TRY_OPEN })]);
    }

    var choiceWord = anywhere(lower, rules.limited_choice);
    if (choiceWord) {
      var at = find(lower, choiceWord);
      var before = lower.slice(0, at);
      var sep = -1;
      SEPARATORS.forEach(function (s) { sep = Math.max(sep, before.lastIndexOf(s)); });
      var closedStart = closedWord.length > openWord.length;
      if (sep > 0 || closedStart) {
        var hint = say("checker.choice");
        hint += sep > 0 ? say("checker.choice_stop", { question: t.slice(0, sep).trim() }) : say("checker.choice_open", { try_open: TRY_OPEN });
        return result("choice", [hint]);
      }
    }

    if (closedWord.length > openWord.length) {
      var fact = /^how /.test(closedWord);
      return result("closed", [
        say(fact ? "checker.closed_fact" : "checker.closed_start", { word: capital(closedWord), try_open: TRY_OPEN }),
      ]);
    }
    if (!openWord) {
      return result("closed", [say("checker.closed", { try_open: TRY_OPEN })]);
    }
    var hints = [];
    if (openWord === "why") {
      hints.push(say("checker.why"));
    }
    return { ok: true, kind: "open", hints: hints };
  }

  return checkQuestion;
});
