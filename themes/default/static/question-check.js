/* The typed-question checker for rewrite items: a pure function,
 *   checkQuestion(text, rules) -> { ok, kind, hints }
 * with kind one of "open", "closed", "leading", "statement", "stacked",
 * "choice". `ok` is true only for an open question. The word lists come from
 * content/practice/question-rules.yaml (one language), embedded in the page.
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

  var TRY_OPEN = "Try starting with 'What' or 'How'.";

  function checkQuestion(text, rules) {
    rules = rules || {};
    var t = normalize(text);
    var lower = t.toLowerCase();
    if (!t) return result("statement", ["Type your question first."]);

    var marks = (t.match(/\?/g) || []).length;
    var openWord = opener(lower, rules.open_openers);
    var closedWord = opener(lower, rules.closed_openers);

    var startMarker = opener(lower, rules.statement_markers);
    if (startMarker) {
      return result("statement", [
        "This gives your own view or advice: it starts with '" + capital(startMarker) + "'. Ask about the presenter's situation instead. " + TRY_OPEN,
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
          ? "The tag '" + shown + "?' at the end asks the presenter to agree with you. Drop it and ask what they think."
          : "'" + capital(shown) + "' steers the presenter towards the answer you have in mind. Ask openly instead, for example 'What options do you see?'",
      ]);
    }

    var marker = anywhere(lower, rules.statement_markers);
    if (marker) {
      return result("statement", [
        "This carries your own view or advice ('" + marker + "'). Leave it out and ask only the question. " + TRY_OPEN,
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
        "This asks several things at once" + (marks >= 2 ? " (" + marks + " question marks)" : "") +
          ", so only one of them will be answered. Keep the one that matters most and ask it on its own.",
      ]);
    }

    if (!/\?$/.test(t)) {
      if (marks > 0) {
        return result("statement", ["Something follows your question mark. End with the question, and leave out the rest."]);
      }
      if (openWord || closedWord) {
        var kind = closedWord.length > openWord.length ? "closed" : "open";
        return { ok: false, kind: kind, hints: ["End your question with a question mark."].concat(
          kind === "closed" ? ["It can also be answered yes or no: it starts with '" + capital(closedWord) + "'. " + TRY_OPEN] : []) };
      }
      return result("statement", ["This is a statement: it does not ask anything. Turn it into a question. " + TRY_OPEN]);
    }

    var choiceWord = anywhere(lower, rules.limited_choice);
    if (choiceWord) {
      var at = find(lower, choiceWord);
      var before = lower.slice(0, at);
      var sep = -1;
      SEPARATORS.forEach(function (s) { sep = Math.max(sep, before.lastIndexOf(s)); });
      var closedStart = closedWord.length > openWord.length;
      if (sep > 0 || closedStart) {
        var hint = "This offers only the options you picked. Leave the choice to the presenter";
        hint += sep > 0 ? ": stop after '" + t.slice(0, sep).trim() + "?'" : ". " + TRY_OPEN;
        return result("choice", [hint]);
      }
    }

    if (closedWord.length > openWord.length) {
      var fact = /^how /.test(closedWord);
      return result("closed", [
        (fact ? "This asks for a single number or fact" : "This can be answered yes or no") +
          ": it starts with '" + capital(closedWord) + "'. " + TRY_OPEN,
      ]);
    }
    if (!openWord) {
      return result("closed", ["This can be answered yes or no. " + TRY_OPEN]);
    }
    var hints = [];
    if (openWord === "why") {
      hints.push("'Why' can sound like blame when it is about a person's choices; 'What made…' often works better.");
    }
    return { ok: true, kind: "open", hints: hints };
  }

  return checkQuestion;
});
