/* UI strings for the page scripts. Every page embeds its language's strings
 * in <script type="application/json" id="alsite-i18n"> ({lang, strings});
 * scripts ask for them with alsite.t("player.next") or
 * alsite.t("practice.score", {answered: 2, total: 5}). An entry with plural
 * forms picks the form for vars.n with Intl.PluralRules. */
(function () {
  "use strict";
  var alsite = (window.alsite = window.alsite || {});
  var data = null;
  var rules = null;

  function load() {
    if (data) return data;
    data = { lang: document.documentElement.lang || "en", strings: {} };
    var el = document.getElementById("alsite-i18n");
    if (el) {
      try {
        var parsed = JSON.parse(el.textContent);
        if (parsed && parsed.strings) data = parsed;
      } catch (e) { /* a broken block leaves the keys showing */ }
    }
    return data;
  }

  function category(n) {
    try {
      rules = rules || new Intl.PluralRules(load().lang);
      return rules.select(n);
    } catch (e) {
      return n === 1 ? "one" : "other";
    }
  }

  function fill(text, vars) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && vars[name] != null ? String(vars[name]) : whole;
    });
  }

  /** The string `key`, its placeholders filled from `vars`; a plural entry
   *  takes the form for `vars.n`. An unknown key shows as itself. */
  alsite.t = function (key, vars) {
    var entry = load().strings[key];
    if (entry == null) return key;
    if (typeof entry === "object") {
      var n = vars && typeof vars.n === "number" ? vars.n : 0;
      entry = entry[category(n)] || entry.other || "";
    }
    return fill(entry, vars);
  };

  /** The page's language, for Intl formatting. */
  alsite.lang = function () { return load().lang; };

  /** Every string the page embeds, by key (the question checker takes its hints from them). */
  alsite.strings = function () { return load().strings; };
})();
