/* Offline search: the words, the index and the results; search-box.js is
 * the box in the header that shows them. The index is a script written at
 * build time (search/index.<lang>.js) that calls search.load, and section
 * texts for snippets come in chunks (search/text.<lang>.<n>.js) that call
 * search.text. Words are folded exactly as src/search/tokenize.rs folds
 * them (tests/search-tokens.json holds the cases both pass); a word matches
 * the terms it begins, and a long word also the terms that share all but its
 * ending, so "zrodlo" finds "źródło" and "źródła". */
(function () {
  "use strict";
  var alsite = (globalThis.alsite = globalThis.alsite || {});
  var search = (alsite.search = alsite.search || {});

  /* ---- Tokenizer: the rules of src/search/tokenize.rs ---- */
  var EXTRA = { "ł": "l", "ŀ": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
    "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ς": "σ", "ґ": "г", "'": "", "’": "", "ʼ": "" };
  var EXTRA_RE = /[łŀøđðħıŧßæœþςґ'’ʼ]/g;
  var MARKS = /\p{M}/gu;
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var MIN_LEN = 2, MAX_LEN = 40;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(MARKS, "")
      .replace(EXTRA_RE, function (c) { return EXTRA[c]; });
  }

  function tokens(text) {
    return (fold(text).match(WORD) || []).filter(function (w) {
      var n = Array.from(w).length;
      return n >= MIN_LEN && n <= MAX_LEN;
    });
  }
  search.fold = fold;
  search.tokens = tokens;

  /* ---- Matching ---- */

  /** How a typed word matches terms: exactly (3), as their beginning (2),
   *  or, for a word of five letters or more, by all but its last letter (two
   *  from seven letters on, six in Slavic languages), to meet other endings
   *  of the word (1); in Polish, another form of the word counts as the word
   *  itself (3, see polishStems). A word
   *  of two letters among others matches only itself (3): as a beginning,
   *  "in" of "check-in" would find "intervene", and Polish "co" "coach";
   *  so does one of the short words a sentence is built with (GLUE) when
   *  `followed` by another, typed to its end ("the coach": not "they";
   *  "jak działa": not "jakie"), while any other word of three letters
   *  finds its longer forms ("set of questions": "sets"; "cel": "cele").
   *  `near` (filled by nearTerms) holds terms one typo away (1). */
  function matcher(word, alone, followed) {
    var chars = Array.from(word), n = chars.length;
    var cut = n >= 5 ? chars.slice(0, n - (n >= twoFrom() ? 2 : 1)).join("") : word;
    var whole = !alone && (n < 3 || (n === 3 && followed && isGlue(word)));
    var stems = n >= 5 && POLISH.test(lang) ? polishStems(word) : null;
    var shortest = cut;
    if (stems) {
      // A form's stem may differ from the word's in its last two letters
      // (warsztat, warsztacie): the terms to look at begin with the rest.
      // Never fewer than two letters: a one-letter beginning would have every
      // term of that letter's stems worked out on each key pressed.
      stems.forEach(function (s) {
        var keep = Math.max(2, s.length - 2);
        if (keep < shortest.length) shortest = word.slice(0, keep);
      });
    }
    var m = {
      near: null,
      weight: function (term) {
        if (term === word) return 3;
        if (whole) return 0;
        // In Polish another form is the word itself: a reader types the case
        // their sentence needs ("o zasadach"), not the one a page uses most.
        if (stems && term.lastIndexOf(shortest, 0) === 0 && shareStem(stems, term)) return 3;
        if (term.lastIndexOf(word, 0) === 0) return 2;
        if (term.lastIndexOf(cut, 0) === 0) return 1;
        return m.near && m.near.has(term) ? 1 : 0;
      },
      shortest: shortest,
    };
    return m;
  }

  /** Words of three letters a query is written with rather than searched
   *  for, folded, in the languages alsite ships: followed by another word,
   *  each is found only whole (see matcher). */
  var GLUE = {
    en: " the and for are but not you all any can has had her his its was who how why our out off too yet may did get one ",
    pl: " jak czy nie tak ale ten tam gdy ich dla pod nad bez juz sie jej ani aby raz lub ona ono oni one tez ",
  };
  function isGlue(word) {
    var words = GLUE[String(lang).slice(0, 2).toLowerCase()];
    return Boolean(words) && words.indexOf(" " + word + " ") >= 0;
  }

  /** From how many letters on a word's last two may be another ending: six
   *  in Slavic languages (the index's language), whose endings change a short word's last two
   *  letters (grupa, grupie; osoba, osobie); seven elsewhere (in English,
   *  "groups" cut to "grou" would find "ground"). */
  var SLAVIC = /^(pl|cs|sk|sl|hr|sr|bs|ru|uk|be|bg|mk)\b/i;
  function twoFrom() {
    return SLAVIC.test(lang) ? 6 : 7;
  }

  /* ---- Polish: the other forms of a word ---- */
  var POLISH = /^pl\b/i;
  /** Endings of Polish nouns, adjectives and pronouns, folded (ą is a, ę e,
   *  ó o): what is left keeps three letters or more, and before -mi ends in
   *  a consonant (ludź-mi, not zapisa-mi). */
  var NOUN_ENDINGS = ("a e i o u y em iem ie iu ia owi iowi ow iow om iom ami iami mi ach iach owie " +
    "ego iego emu iemu ym im ej iej ych ich ymi imi").split(" ");
  /** Endings of Polish verbs after the vowel of their stem (pyta-ć, pyta-m,
   *  pyta-ją, pyta-ł, robi-sz), folded (ć is c, ł l, ś s): what is left keeps
   *  four letters or more and ends in a, e, i or y. The vowel stays in the
   *  stem, so that "działają" (they act) is not "działu" (of a department). */
  var VERB_ENDINGS = "c sz my cie m ja l la lo li ly lam lem las les lismy lysmy liscie lyscie".split(" ");
  /** Endings before which t is written c, d dz, k c, g dz and r rz
   *  (warsztat, warsztacie; metoda, metodzie; uczestnik, uczestnicy). */
  var SOFTENING = { e: 1, ie: 1, i: 1, y: 1 };
  var SOFTENED = [["dz", ["d", "g"]], ["rz", ["r"]], ["c", ["t", "k"]]];

  /** The stems of a folded Polish word: two words are forms of one when
   *  they have a stem in common. A word's stems are itself and what is left
   *  when it loses one ending (NOUN_ENDINGS, VERB_ENDINGS); before a
   *  softening ending, also with the consonant it changed (warsztacie:
   *  warsztac, warsztat); a word ending in -ek or -(i)ec also without that
   *  e (początek: początk, as in początku; chłopiec: chłopc, chłopca); a verb
   *  in -ować or -ywać with -uj- for it, as its present has (interweniować,
   *  interweniuje, interweniujemy: interweniuj). */
  function polishStems(word) {
    var stems = new Set([word]);
    var fleeting = /^(.{3,}?)(ek|i?ec)$/.exec(word);
    if (fleeting) stems.add(fleeting[1] + fleeting[2].slice(-1));
    NOUN_ENDINGS.forEach(function (ending) {
      var stem = cutEnding(word, ending, 3);
      if (!stem || (ending === "mi" && /[aeiouy]$/.test(stem))) return;
      stems.add(stem);
      if (!SOFTENING[ending] || stem.length < 4) return;
      for (var i = 0; i < SOFTENED.length; i++) {
        var changed = SOFTENED[i][0];
        if (stem.slice(-changed.length) !== changed) continue;
        SOFTENED[i][1].forEach(function (was) { stems.add(stem.slice(0, -changed.length) + was); });
        break;
      }
    });
    VERB_ENDINGS.forEach(function (ending) {
      var stem = cutEnding(word, ending, 4);
      if (!stem || !/[aeiy]$/.test(stem)) return;
      stems.add(/([oy]wa|uje)$/.test(stem) ? stem.slice(0, -3) + "uj" : stem);
    });
    return stems;
  }

  /** Whether `term` has one of `stems`. */
  function shareStem(stems, term) {
    var shared = false;
    polishStems(term).forEach(function (s) { if (stems.has(s)) shared = true; });
    return shared;
  }

  /** `word` without `ending`, if it ends so and keeps `min` letters; else "". */
  function cutEnding(word, ending, min) {
    var keep = word.length - ending.length;
    return keep >= min && word.slice(keep) === ending ? word.slice(0, keep) : "";
  }

  /** Whether `a` and `b` differ by one typo: a letter missing, added,
   *  replaced, or two neighbours swapped. */
  function oneTypo(a, b) {
    if (a.length > b.length) { var t = a; a = b; b = t; }
    if (b.length - a.length > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }

  /** The terms one typo away from `word` (of four letters or more), for a
   *  word that matches no term: "quesiton" finds "question". */
  function nearTerms(word) {
    var near = new Set();
    if (Array.from(word).length < 4) return near;
    index.terms.forEach(function (term) { if (oneTypo(word, term)) near.add(term); });
    return near;
  }

  /** Index of the first term not below `prefix`. */
  function lowerBound(terms, prefix) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";

  /** The numbers in a string of them (src/search/index.rs: push_number). */
  function numbers(s) {
    var out = [], n = 0;
    for (var i = 0; i < s.length; i++) {
      var more = MORE.indexOf(s[i]);
      if (more >= 0) { n = n * 32 + more; continue; }
      out.push(n * 32 + LAST.indexOf(s[i]));
      n = 0;
    }
    return out;
  }

  /** Section numbers from a postings string (src/search/index.rs: encode_postings). */
  function decode(s) {
    var ids = [], values = numbers(s), next = 0;
    for (var i = 0; i < values.length; i++) {
      var v = values[i], start = next + (v >> 1);
      var count = v & 1 ? values[++i] + 2 : 1;
      for (var k = 0; k < count; k++) ids.push(start + k);
      next = start + count;
    }
    return ids;
  }

  /* ---- The loaded index ---- */
  var index = null;
  var chunks = [];
  var lang = "";
  /** The box (search-box.js), told when the index or a text chunk is in. */
  search.ui = null;

  /** Terms from their front-coded form: "0accepted 6ing" is accepted, accepting. */
  function unfrontCode(s) {
    var terms = [], prev = [];
    if (!s) return terms;
    s.split(" ").forEach(function (coded) {
      var chars = prev.slice(0, parseInt(coded[0], 36)).concat(Array.from(coded.slice(1)));
      terms.push(chars.join(""));
      prev = chars;
    });
    return terms;
  }

  /** For a page whose title another page has too (a workshop's module
   *  "The two ground rules" and the method page), the title of the index
   *  page of its folder (the workshop), to tell them apart; by page path. */
  function contexts(pages) {
    var count = {}, titleOf = {}, out = {};
    var home = pages.length ? pages[0][0] : "";
    pages.forEach(function (p) { count[p[1]] = (count[p[1]] || 0) + 1; titleOf[p[0]] = p[1]; });
    pages.forEach(function (p) {
      if (count[p[1]] < 2) return;
      var parent = p[0].replace(/[^/]*$/, "index.html");
      if (parent !== p[0] && parent !== home && titleOf[parent] && titleOf[parent] !== p[1]) out[p[0]] = titleOf[parent];
    });
    return out;
  }

  /** Called by search/index.<lang>.js. */
  search.load = function (data) {
    var sections = [], s = 0, names = data.names, named = numbers(data.sections);
    var context = contexts(data.pages);
    data.pages.forEach(function (p, pageNo) {
      var title = p[1];
      for (var k = 0; k < p[2]; k++, s++) {
        var name = named[s];
        // A section without a title of its own (a session turn) goes by the one before.
        if (names[2 * name + 1]) title = names[2 * name + 1];
        sections.push({ page: p[0], pageNo: pageNo, pageTitle: p[1], context: context[p[0]] || "", anchor: names[2 * name], title: title });
      }
    });
    lang = data.lang || "";
    index = {
      terms: unfrontCode(data.terms),
      postings: data.postings.split(" "),
      decoded: {},
      sections: sections,
      pageTitles: data.pages.map(function (p) { return p[1]; }),
      chunkStarts: data.chunks,
    };
    if (search.ui) search.ui.indexReady();
  };

  /** Called by search/text.<lang>.<n>.js. */
  search.text = function (n, texts) {
    chunks[n] = texts;
    if (search.ui) search.ui.textReady();
  };

  function postings(i) {
    if (!index.decoded[i]) index.decoded[i] = decode(index.postings[i]);
    return index.decoded[i];
  }

  /** The best weight with which `word` matches each section (0: none);
   *  a word that matches no term matches those one typo away. */
  function matchWord(word, alone, followed) {
    var m = matcher(word, alone, followed), best = new Uint8Array(index.sections.length), any = false;
    function mark(i, w) {
      var ids = postings(i);
      for (var k = 0; k < ids.length; k++) if (best[ids[k]] < w) best[ids[k]] = w;
      any = true;
    }
    for (var i = lowerBound(index.terms, m.shortest); i < index.terms.length; i++) {
      var w = m.weight(index.terms[i]);
      if (!w) {
        if (index.terms[i].lastIndexOf(m.shortest, 0) !== 0) break;
        continue;
      }
      mark(i, w);
    }
    if (!any) {
      m.near = nearTerms(word);
      m.near.forEach(function (term) { mark(lowerBound(index.terms, term), 1); });
    }
    return { matcher: m, best: best };
  }

  /** Numbers too short to be words ("2" of "Rule 2"): not in the index,
   *  but a result whose heading has the number comes first. */
  function shortNumbers(text) {
    return (fold(text).match(/\p{N}+/gu) || []).filter(function (n) { return Array.from(n).length < MIN_LEN; });
  }

  function numberMatcher(n) {
    return { weight: function (t) { return t === n ? 3 : 0; } };
  }

  var titleTokens = new Map();

  /** A title's words, and its short numbers. */
  function titleWords(title) {
    var words = titleTokens.get(title);
    if (!words) titleTokens.set(title, (words = tokens(title).concat(shortNumbers(title))));
    return words;
  }

  // UI strings come from the page's alsite-i18n JSON (static/i18n.js).
  function t(key, vars) { return alsite.t ? alsite.t(key, vars) : key; }
  search.t = t;

  var ordinals = null;

  /** The number an ordinal stands for ("second", "druga": "2"), from the
   *  UI string search.ordinals (the first ten, a stem each); else null. */
  function ordinal(word) {
    if (!ordinals) {
      var list = t("search.ordinals");
      ordinals = list === "search.ordinals" ? [] : tokens(list);
    }
    for (var i = 0; i < ordinals.length; i++) {
      var stem = ordinals[i];
      if (word.lastIndexOf(stem, 0) === 0 && word.length - stem.length <= 3) return String(i + 1);
    }
    return null;
  }

  /** A section has, besides its own words, those of its page's title (a
   *  rule is about ground rules when its page is), and an ordinal has the
   *  number of the section's heading ("second" finds "Rule 2"): both at
   *  the lowest weight. */
  function widen(m, number) {
    var has = function (t) { return m.matcher.weight(t) > 0; };
    var inPage = index.pageTitles.map(function (title) { return titleWords(title).some(has); });
    for (var id = 0; id < m.best.length; id++) {
      if (m.best[id]) continue;
      var sec = index.sections[id];
      if (inPage[sec.pageNo] || (number && titleWords(sec.title).indexOf(number) >= 0)) m.best[id] = 1;
    }
  }

  /** How many of the query's words a title has; `seen` remembers titles
   *  already counted for this query (sections share titles). */
  function titleBonus(matchers, title, seen) {
    var n = seen.get(title);
    if (n !== undefined) return n;
    var words = titleWords(title);
    n = 0;
    for (var i = 0; i < matchers.length; i++) {
      if (words.some(function (t) { return matchers[i].weight(t) > 0; })) n += 1;
    }
    seen.set(title, n);
    return n;
  }

  /** How many different words of a query are looked for: each costs a
   *  look through the index (and, found nowhere, through every term for a
   *  typo), so a pasted page costs what a question does. */
  var MAX_WORDS = 12;

  /** The words of `query` looked for: each once, the first MAX_WORDS. */
  function queryWords(query) {
    var words = [];
    tokens(query).forEach(function (w) {
      if (words.length < MAX_WORDS && words.indexOf(w) < 0) words.push(w);
    });
    return words;
  }

  /** Ranked results for `query`, the first `limit` of `total`: sections
   *  with every word (or, when none has all, with the most words), by
   *  weight, then titles, then site order. */
  search.query = function (query, limit) {
    var words = queryWords(query);
    if (!index || !words.length) return { words: words, matchers: [], results: [], total: 0 };
    limit = limit || 10;
    var matches = words.map(function (w, k) { return matchWord(w, words.length === 1, k < words.length - 1); });
    var matchers = matches.map(function (m) { return m.matcher; });
    var numbers = shortNumbers(query).filter(function (n, i, all) { return all.indexOf(n) === i; }).slice(0, MAX_WORDS);
    matches.forEach(function (m, k) {
      // Only among other words ("second rule"): alone, a word that begins
      // like an ordinal is most often another word (secondary, czwartek).
      var number = words.length > 1 ? ordinal(words[k]) : null;
      if (number) numbers.push(number);
      widen(m, number);
    });
    var titled = matchers.concat(numbers.map(numberMatcher));
    var count = index.sections.length, hits = new Uint8Array(count), weights = new Uint16Array(count);
    var most = 0;
    matches.forEach(function (m) {
      for (var id = 0; id < count; id++) {
        if (!m.best[id]) continue;
        hits[id] += 1;
        weights[id] += m.best[id];
        if (hits[id] > most) most = hits[id];
      }
    });
    var top = [], total = 0, seen = new Map(), page = [], pageNo = -1;
    for (var id = 0; id < count; id++) {
      if (!most || hits[id] !== most) continue;
      total += 1;
      var sec = index.sections[id];
      // A page's sections are one after another: its results are weighed together.
      if (sec.pageNo !== pageNo) {
        keepPage(top, page, limit);
        page.length = 0;
        pageNo = sec.pageNo;
      }
      // A section's own title counts three times, its page's once; the top
      // of a page has no title of its own (it goes by the page's).
      var own = sec.title === sec.pageTitle ? 0 : titleBonus(titled, sec.title, seen);
      var score = weights[id] * 2 + own * 3 + titleBonus(titled, sec.pageTitle, seen);
      // Most results are not among the best `limit`: passed over at once.
      // (Those of a page are weighed against the same `top`, and one passed
      // over is below every one of its page kept, so it never counts among
      // their page's best either.)
      if (top.length === limit && !comesBefore(false, score, pageNo === 0, top[limit - 1])) continue;
      page.push({ id: id, score: score, later: false, home: pageNo === 0, title: sec.title });
    }
    keepPage(top, page, limit);
    return { words: words, matchers: matchers, titleMatchers: titled, results: top, total: total };
  };

  /** How many results of one page come before other pages' results: a
   *  practice set's nine items, each "N Name the type of question", do not
   *  fill the list. The page's others follow every page's best. */
  var PER_PAGE = 2;

  /** Keeps one page's results (`page`, in site order) among the best
   *  `limit` in `top`: its best PER_PAGE of different titles as they are
   *  (a session's turns go by their stage's title, and one "Opening" is
   *  enough; so is one of a set's "N Rewrite as an open question"), the
   *  rest after every page's best. */
  function keepPage(top, page, limit) {
    if (page.length > 1) {
      var best = page.slice().sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      var titles = [];
      best.forEach(function (r) {
        // Told apart by their words, not their numbers ("3 Rewrite as…").
        var title = String(r.title).replace(/^\d+\s*/, "");
        if (titles.length < PER_PAGE && titles.indexOf(title) < 0) titles.push(title);
        else r.later = true;
      });
    }
    page.forEach(function (r) { keep(top, r, limit); });
  }

  /** Keeps result `r` in `top`, the best `limit` in order: a page's best
   *  before its `later` ones, then by score; of equal scores, the home page
   *  (the index's first page), which sums up the others and repeats their
   *  words (offers, cards), after the pages it sums up; else site order
   *  (the one kept first). */
  function keep(top, r, limit) {
    if (top.length === limit && !comesBefore(r.later, r.score, r.home, top[limit - 1])) return;
    var at = top.length;
    while (at > 0 && comesBefore(r.later, r.score, r.home, top[at - 1])) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }

  /** Whether a result (`later`, `score`, `home`) comes before result `b`. */
  function comesBefore(later, score, home, b) {
    if (later !== b.later) return b.later;
    return score !== b.score ? score > b.score : b.home && !home;
  }

  /* ---- Snippets ---- */
  var ORIGINAL_WORD = /[\p{Alphabetic}\p{M}\p{N}'’ʼ]+/gu;
  var SNIPPET = 160;

  function chunkOf(id) {
    var starts = index.chunkStarts, n = lowerBound(starts, id + 1) - 1;
    return { n: n, offset: id - starts[n] };
  }

  /** Where in `text` the words that match are: [start, end] pairs. */
  function hits(text, matchers) {
    var marks = [], m;
    ORIGINAL_WORD.lastIndex = 0;
    while ((m = ORIGINAL_WORD.exec(text))) {
      var parts = tokens(m[0]).concat(shortNumbers(m[0]));
      var hit = parts.some(function (t) {
        return matchers.some(function (mt) { return mt.weight(t) > 0; });
      });
      if (hit) marks.push([m.index, m.index + m[0].length]);
    }
    return marks;
  }

  /** A DOM fragment of `text` from `start` to `end`, with every word of
   *  `marks` in it in <mark>. Text only: nothing is parsed as HTML. */
  function marked(text, marks, start, end) {
    var frag = document.createDocumentFragment(), at = start;
    marks.forEach(function (r) {
      if (r[0] < at || r[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      at = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(at, end)));
    return frag;
  }

  /** `text` around its first matching word, with every matching word
   *  marked. */
  function snippet(text, matchers) {
    var marks = hits(text, matchers);
    var start = marks.length ? Math.max(0, marks[0][0] - 40) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    // Not cut next to the "·" set between two blocks (src/search/extract.rs).
    if (start > 0 && text.slice(start, start + 2) === "· ") start += 2;
    if (end < text.length && text.slice(end - 2, end) === " ·") end -= 2;
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode("… "));
    frag.appendChild(marked(text, marks, start, end));
    if (end < text.length) frag.appendChild(document.createTextNode(" …"));
    return frag;
  }

  /** A title with the words that match marked. */
  function markedTitle(text, matchers) {
    return marked(text, hits(text, matchers), 0, text.length);
  }

  /* ---- What the box asks for ---- */
  search.ready = function () { return index !== null; };
  /** Section `id`: its page (path and title), anchor and title. */
  search.section = function (id) { return index.sections[id]; };
  /** Section `id`'s text, or null while its chunk is not in. */
  function textOf(id) {
    var c = chunkOf(id);
    return chunks[c.n] ? chunks[c.n][c.offset] : null;
  }

  /** The section whose text a snippet for `id` shows: its own, or, when it
   *  has none (a session stage: only its heading), the next section on its
   *  page (the stage's first turn). */
  function shownText(id) {
    var next = id + 1, own = textOf(id);
    if (own !== "" || next >= index.sections.length || index.sections[next].pageNo !== index.sections[id].pageNo) return id;
    return next;
  }

  /** The number of a text chunk that section `id`'s snippet still needs, or -1. */
  search.neededChunk = function (id) {
    if (textOf(id) === null) return chunkOf(id).n;
    var shown = shownText(id);
    return textOf(shown) === null ? chunkOf(shown).n : -1;
  };
  /** Section `id`'s snippet (a DOM fragment) when its text is in, else null. */
  search.snippet = function (id, matchers) {
    if (search.neededChunk(id) >= 0) return null;
    return snippet(textOf(shownText(id)), matchers);
  };
  search.markedTitle = markedTitle;
})();

