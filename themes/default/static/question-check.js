/* The typed-question checker for rewrite items: a pure function,
 *   checkQuestion(text, rules, options) -> { ok, kind, hints }
 * with kind one of "open", "closed", "leading", "statement", "stacked",
 * "choice", "short" (a question of one word: "What?"). `ok` is true for an
 * open question; a missing "?" at the end only adds a hint.
 *
 * `rules` is content/practice/question-rules.yaml as the page embeds it:
 * either one language's lists, or `{ languages: { en: …, pl: … } }`, from
 * which the checker takes `options.lang`, else the page's
 * `document.documentElement.lang`, else English, else the first.
 * `options.strings` holds the hints, keyed `checker.…` (flat keys or a nested
 * `checker` object); any key it lacks falls back to the English table below.
 * Case and diacritics are ignored on both sides ("ktory" finds "który"); a
 * `*` in a listed phrase stands for any letters ("rozważał*").
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

  /** The English hints: the fallback for any key the caller's strings lack. */
  var HINTS = {
    "checker.empty": "Type your question first.",
    "checker.try_open": "Try starting with “What” or “How”.",
    "checker.starts_with_view": "This gives your own view or advice: it starts with “{phrase}”. Ask about the presenter's situation instead.",
    "checker.carries_view": "This carries your own view or advice (“{phrase}”). Leave it out and ask only the question.",
    "checker.leading_tag": "The tag “{phrase}” at the end asks the presenter to agree with you. Drop it and ask what they think.",
    "checker.leading": "“{phrase}” steers the presenter towards the answer you have in mind. Ask openly instead, for example “What options do you see?”",
    "checker.stacked": "This asks several things at once, so only one of them will be answered. Keep the one that matters most and ask it on its own.",
    "checker.stacked_marks": "This asks several things at once (more than one question mark), so only one of them will be answered. Keep the one that matters most and ask it on its own.",
    "checker.text_after_question_mark": "Something follows your question mark. End with the question, and leave out the rest.",
    "checker.ends_with_question_mark": "End your question with a question mark.",
    "checker.not_a_question": "This is a statement: it does not ask anything. Turn it into a question.",
    "checker.too_short": "One word gives the presenter little to work with. Say what you are asking about, for example “What makes this hard for you?”",
    "checker.choice_stop_after": "This offers only the options you picked. Leave the choice to the presenter: stop after “{question}”",
    "checker.choice": "This offers only the options you picked. Leave the choice to the presenter.",
    "checker.closed_fact": "This asks for a single number or fact: it starts with “{opener}”.",
    "checker.closed_opener": "This can be answered yes or no: it starts with “{opener}”.",
    "checker.closed": "This can be answered yes or no.",
    "checker.why": "“{opener}” can sound like blame when it is about a person's choices; “What made…” often works better.",
  };

  // ---- Text: quotes, case and diacritics --------------------------------

  /** Tidies typed text: straight quotes and dashes, single spaces, no
   *  quotation marks around the whole question, "?!" read as "?". */
  function normalize(text) {
    var t = String(text == null ? "" : text)
      .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
      .replace(/\s*[\u2013\u2014]\s*/g, " - ")
      .replace(/\s+/g, " ")
      .trim();
    t = t.replace(/^"\s*/, "");
    if ((t.match(/"/g) || []).length % 2 === 1) t = t.replace(/\s*"\s*([?!.]*)$/, "$1");
    if (/^'/.test(t) && /'[?!.]*$/.test(t)) t = t.replace(/^'\s*/, "").replace(/\s*'([?!.]*)$/, "$1");
    return t.replace(/(\?!+|!+\?)$/, "?").trim();
  }

  var FOLD = { "\u0142": "l", "\u0141": "l", "\u00f8": "o", "\u00df": "s" };

  /** Lower case without diacritics, one character for one, so that an
   *  index into the folded text is also an index into the typed one. */
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      var f = FOLD[c] || c.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out += f.length === 1 ? f : c;
    }
    return out;
  }

  function isWordChar(c) {
    return /[\p{L}\p{N}']/u.test(c || "");
  }

  // ---- Phrases: whole words, optional commas, `*` for any letters -------

  var compiled = new Map();

  /** A listed phrase as a pattern over folded text. */
  function pattern(phrase) {
    var p = fold(String(phrase).replace(/\s+/g, " "));
    if (compiled.has(p)) return compiled.get(p);
    var body = p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[\\p{L}\\p{N}']*")
      .replace(/([\p{L}\p{N}']), /gu, "$1,? ");
    var first = p[0], last = p[p.length - 1];
    var re = new RegExp(
      (isWordChar(first) || first === "*" ? "(?<![\\p{L}\\p{N}'])" : "") + body +
        (isWordChar(last) || last === "*" ? "(?![\\p{L}\\p{N}'])" : ""), "gu");
    compiled.set(p, re);
    return re;
  }

  /** The first match of `phrase` in `text` at or after `from`: { at, end }. */
  function find(text, phrase, from) {
    if (!/[\p{L}\p{N}]/u.test(String(phrase))) return null;
    var re = pattern(phrase);
    re.lastIndex = from || 0;
    var m = re.exec(text);
    return m && m[0] ? { at: m.index, end: m.index + m[0].length, phrase: phrase } : null;
  }

  /** The longest phrase of `list` that `text` starts with. */
  function opener(text, list) {
    var best = null;
    (list || []).forEach(function (phrase) {
      var m = find(text, phrase);
      if (m && m.at === 0 && (!best || m.end > best.end)) best = m;
    });
    return best;
  }

  /** Every match of every phrase of `list` in `text`, earliest first. */
  function all(text, list, from) {
    var hits = [];
    (list || []).forEach(function (phrase) {
      for (var m = find(text, phrase, from); m; m = find(text, phrase, m.at + 1)) hits.push(m);
    });
    return hits.sort(function (a, b) { return a.at - b.at; });
  }

  function len(m) {
    return m ? m.end - m.at : 0;
  }

  // ---- Rules and strings --------------------------------------------------

  function pageLang() {
    var el = typeof document !== "undefined" && document.documentElement;
    return (el && el.lang) || "";
  }

  /** One language's lists out of what the page embeds. */
  function pickRules(rules, lang) {
    if (!rules || !rules.languages) return rules || {};
    var langs = rules.languages;
    var code = String(lang || pageLang() || "en").toLowerCase().split(/[-_]/)[0];
    return langs[code] || langs.en || langs[Object.keys(langs)[0]] || {};
  }

  function hinter(strings) {
    strings = strings || {};
    return function (key, values) {
      var name = key.replace(/^checker\./, "");
      var s = strings["checker." + name];
      if (typeof s !== "string" && strings.checker) s = strings.checker[name];
      if (typeof s !== "string") s = HINTS["checker." + name];
      return s.replace(/\{(\w+)\}/g, function (all, k) {
        return values && values[k] != null ? values[k] : all;
      });
    };
  }

  function capital(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function result(kind, hints) {
    return { ok: kind === "open", kind: kind, hints: hints };
  }

  // ---- The question's parts -----------------------------------------------

  /** Where the question proper starts, after joining words such as "And",
   *  "So," or "Well," that learners put in front. */
  function skipJoiners(lower, rules) {
    var start = 0;
    var openers = (rules.open_openers || []).concat(closedList(rules));
    for (var moved = true; moved;) {
      moved = false;
      var m = opener(lower.slice(start), rules.joiners);
      // "So far, what…" starts with an opener, not with "so".
      if (m && len(opener(lower.slice(start), openers)) <= len(m)) {
        var rest = lower.slice(start + m.end).match(/^(\s*,\s*|\s+)(?=\S)/);
        if (rest && /[\p{L}\p{N}]/u.test(lower.slice(start + m.end + rest[0].length))) {
          start += m.end + rest[0].length;
          moved = true;
        }
      }
    }
    return start;
  }

  /** True when the match starts a clause: at the start, after punctuation or
   *  a joining word. Tags such as ", right?" carry their comma and count
   *  anywhere. */
  function atClauseStart(q, m) {
    if (!isWordChar(fold(m.phrase.trim())[0])) return true;
    var before = q.lower.slice(0, m.at).replace(/\s+$/, "");
    if (before === "" || /[,;:\-(.!?]$/.test(before)) return true;
    var lastWord = before.match(/[\p{L}\p{N}']+$/u);
    return !!lastWord && (q.rules.joiners || []).some(function (j) {
      return fold(j) === lastWord[0];
    });
  }

  /** True when a claim such as "the real problem" sits inside the first
   *  clause of a question that starts with a question word ("What is the
   *  real problem?", "Do you need to tell HR?"), where it asks rather than
   *  tells. */
  function askedAbout(q, m) {
    var sentenceStart = Math.max(q.lower.lastIndexOf(".", m.at), q.lower.lastIndexOf("?", m.at), q.lower.lastIndexOf("!", m.at)) + 1;
    var head = q.lower.slice(sentenceStart, m.at);
    if (/[,;:]| - /.test(head)) return false;
    var sentence = q.lower.slice(sentenceStart).replace(/^\s+/, "");
    sentence = sentence.slice(skipJoiners(sentence, q.rules));
    return !!(opener(sentence, q.rules.open_openers) || opener(sentence, closedList(q.rules)));
  }

  function closedList(rules) {
    return (rules.closed_openers || []).concat(rules.fact_openers || []);
  }

  /** The typed text in its own spelling, for quoting in a hint. */
  function typed(q, m) {
    return q.text.slice(m.at, m.end);
  }

  // ---- The checks, in order -------------------------------------------------

  function viewOrAdvice(q) {
    var markers = (q.rules.statement_markers || []).concat(q.rules.claims || []);
    var start = opener(q.lower, markers);
    if (start) return result("statement", [q.say("starts_with_view", { phrase: capital(typed(q, start)) }) + " " + q.say("try_open")]);
    return null;
  }

  function leading(q) {
    // Over the whole text, joining words included: "A może…" leads.
    var w = q.whole;
    var lead = all(w.lower, q.rules.leading).filter(function (m) { return atClauseStart(w, m); })[0];
    if (!lead) return null;
    var shown = typed(w, lead).replace(/^[,\s]+/, "");
    if (!isWordChar(fold(lead.phrase.trim())[0])) return result("leading", [q.say("leading_tag", { phrase: shown })]);
    return result("leading", [q.say("leading", { phrase: capital(shown.replace(/\?$/, "")) })]);
  }

  function statement(q) {
    var hard = all(q.lower, q.rules.statement_markers)[0];
    var claim = all(q.lower, q.rules.claims).filter(function (m) { return !askedAbout(q, m); })[0];
    var marker = hard || claim;
    if (!marker) return null;
    return result("statement", [q.say("carries_view", { phrase: typed(q, marker) }) + " " + q.say("try_open")]);
  }

  function stacked(q) {
    // A framing opener ("A year from now, what …") puts its question after
    // the first comma; only a second question after that is stacked.
    var framing = q.open && /\s/.test(q.open.phrase.trim()) && len(q.open) >= len(q.closed);
    var from = framing ? q.lower.indexOf(",") + 1 : 0;
    var joined = all(q.lower, q.rules.stacked, from).filter(function (m) {
      // "When and where does it happen?" asks one thing twice over.
      if (q.open && q.lower.slice(0, m.at).trim() === q.lower.slice(0, q.open.end).trim()) return false;
      // "…decide what to keep and what to hand over?" joins two parts of
      // one question: the joined word already came after the opener.
      var word = q.lower.slice(m.at, m.end).match(/[\p{L}\p{N}']+\s*$/u);
      return !(word && find(q.lower.slice(0, m.at), word[0].trim(), q.open ? q.open.end : 0));
    })[0];
    if (q.marks >= 2) return result("stacked", [q.say("stacked_marks")]);
    if (joined) return result("stacked", [q.say("stacked")]);
    return null;
  }

  /* A question with no question mark at the end is read on; the missing
   * mark is a hint, not an error (see checkQuestion). */
  function unfinished(q) {
    if (/\?$/.test(q.text)) return null;
    if (q.marks > 0) return result("statement", [q.say("text_after_question_mark")]);
    if (q.open || q.closed) {
      q.unmarked = true;
      return null;
    }
    return result("statement", [q.say("not_a_question") + " " + q.say("try_open")]);
  }

  /* "What?", "Why?", "Co?": a question word and nothing it asks about. */
  function oneWord(q) {
    var words = q.lower.match(/[\p{L}\p{N}']+/gu) || [];
    return words.length === 1 ? result("short", [q.say("too_short")]) : null;
  }

  var SEPARATORS = [",", ":", " - ", ";"];

  function limitedChoice(q) {
    // Closed also when no question word opens it ("Zatrudnisz czy przeszkolisz?").
    var closedStart = len(q.closed) > len(q.open) || !q.open;
    var hit = all(q.lower, q.rules.limited_choice).map(function (m) {
      var before = q.lower.slice(0, m.at);
      var word = fold(m.phrase.trim());
      // A choice word that also opens yes/no questions ("czy") after a comma
      // starts an embedded question ("…, whether …"), unless the question
      // itself started with it ("Czy A, czy B?").
      var embedded = /,\s*$/.test(before) && closedList(q.rules).some(function (c) { return fold(c) === word; }) &&
        !(q.closed && fold(q.closed.phrase.trim()) === word && closedStart);
      if (embedded) return null;
      var sep = -1;
      SEPARATORS.forEach(function (s) { sep = Math.max(sep, before.lastIndexOf(s)); });
      return sep > 0 || closedStart ? { sep: sep } : null;
    }).filter(Boolean)[0];
    if (!hit) return null;
    if (hit.sep > 0) return result("choice", [q.say("choice_stop_after", { question: q.text.slice(0, hit.sep).trim() + "?" })]);
    return result("choice", [q.say("choice") + " " + q.say("try_open")]);
  }

  function closedOrOpen(q) {
    if (len(q.closed) > len(q.open)) {
      var fact = (q.rules.fact_openers || []).some(function (f) { return fold(f.trim()) === fold(q.closed.phrase.trim()); });
      return result("closed", [q.say(fact ? "closed_fact" : "closed_opener", { opener: capital(typed(q, q.closed)) }) + " " + q.say("try_open")]);
    }
    if (!q.open) return result("closed", [q.say("closed") + " " + q.say("try_open")]);
    var hints = [];
    var why = (q.rules.why_openers || []).some(function (w) { return fold(w.trim()) === fold(q.open.phrase.trim()); });
    if (why) hints.push(q.say("why", { opener: capital(typed(q, q.open)) }));
    return { ok: true, kind: "open", hints: hints };
  }

  function checkQuestion(text, rules, options) {
    options = options || {};
    var say = hinter(options.strings);
    var full = normalize(text);
    if (!/[\p{L}\p{N}]/u.test(full)) return result("statement", [say("empty")]);
    rules = pickRules(rules, options.lang);
    var start = skipJoiners(fold(full), rules);
    var t = full.slice(start);
    var q = { text: t, lower: fold(t), rules: rules, say: say, marks: (t.match(/\?/g) || []).length };
    q.whole = { text: full, lower: fold(full), rules: rules };
    q.open = opener(q.lower, rules.open_openers);
    q.closed = opener(q.lower, closedList(rules));
    var early = viewOrAdvice(q) || leading(q) || statement(q) || stacked(q) || unfinished(q) || oneWord(q);
    if (early) return early;
    var found = limitedChoice(q) || closedOrOpen(q);
    if (q.unmarked) found.hints.unshift(say("ends_with_question_mark"));
    return found;
  }

  checkQuestion.hints = HINTS;
  return checkQuestion;
});
