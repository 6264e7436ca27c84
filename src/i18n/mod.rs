//! UI strings: every word the theme shows, from `i18n/<lang>.yaml` files.
//! The default theme ships `en.yaml` (the reference) and `pl.yaml`; a site's
//! own theme folder and its `i18n/<lang>.yaml` override or add keys. A key a
//! language lacks falls back to English, with a warning. Counts follow the
//! language's CLDR plural rules (intl_pluralrules).

use crate::diagnostic::Diagnostic;
use crate::load::yaml;
use crate::theme::Theme;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

mod checks;
pub mod collate;
pub mod export;
pub mod names;
mod unread;
pub use names::own_name;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
pub use unread::unread_files;

/// The reference language: every other language is compared with it.
pub const REFERENCE: &str = "en";

/// The key of a language's own name ("Polski"), which the language switcher shows.
const NAME_KEY: &str = "language.name";

/// One UI string: plain text, or one text per plural category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    Text(String),
    Plural(BTreeMap<String, String>),
}

/// The UI strings of one language, with English filled in where it has none.
pub struct Strings {
    lang: String,
    rules: PluralRules,
    entries: HashMap<String, Entry>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Strings({}, {} keys)", self.lang, self.entries.len())
    }
}

impl Strings {
    /// The language code, as in `lang="…"`.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The language's alphabetical order, for lists a reader scans.
    pub fn order(&self) -> collate::Order {
        collate::Order::of(&self.lang)
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// The text of `key` with `{name}` placeholders filled from `args`; a
    /// plural entry gives its `other` form. An unknown key gives the key
    /// itself (every key the Rust code uses is tested to exist in en.yaml).
    pub fn t(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.entries.get(key) {
            Some(Entry::Text(text)) => fill(text, args),
            Some(Entry::Plural(forms)) => fill(forms.get("other").map_or(key, |s| s), args),
            None => key.to_string(),
        }
    }

    /// The form of `key` for the count `n`, with `{n}` and `args` filled in.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(args);
        match self.entries.get(key) {
            Some(Entry::Plural(forms)) => {
                let form = forms
                    .get(self.category(n))
                    .or_else(|| forms.get("other"))
                    .or_else(|| forms.values().next());
                fill(form.map_or(key, |s| s), &all)
            }
            Some(Entry::Text(text)) => fill(text, &all),
            None => key.to_string(),
        }
    }

    /// The CLDR plural category of `n` in this language: "one", "few" …
    pub fn category(&self, n: u64) -> &'static str {
        category_name(self.rules.select(n).unwrap_or(PluralCategory::OTHER))
    }

    /// A time of day, `minutes` after midnight, as the language writes it;
    /// midnight at a day's end is 24:00, as a timetable writes it.
    pub fn clock(&self, minutes: u32) -> String {
        let h = if minutes == 24 * 60 {
            24
        } else {
            minutes / 60 % 24
        };
        let m = minutes % 60;
        let (hh, h, mm) = (format!("{h:02}"), h.to_string(), format!("{m:02}"));
        self.t("time.clock", &[("HH", &hh), ("H", &h), ("mm", &mm)])
    }

    /// A length of time: "45 min", "2 h", "1 h 30 min" (or the language's words).
    pub fn duration(&self, minutes: u32) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => self.t("time.min", &[("n", &m.to_string())]),
            (h, 0) => self.t("time.hours", &[("n", &h.to_string())]),
            (h, m) => self.t(
                "time.hours_minutes",
                &[("h", &h.to_string()), ("m", &m.to_string())],
            ),
        }
    }

    /// What page scripts get: the language and the strings under the key
    /// prefixes `namespaces` (e.g. `"player."`).
    pub fn for_scripts(&self, namespaces: &[&str]) -> serde_json::Value {
        let strings: BTreeMap<&str, &Entry> = self
            .entries
            .iter()
            .filter(|(k, _)| namespaces.iter().any(|ns| k.starts_with(ns)))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        serde_json::json!({ "lang": self.lang, "strings": strings })
    }

    /// Every key, sorted (for tests and tools).
    pub fn keys(&self) -> BTreeSet<&str> {
        self.entries.keys().map(String::as_str).collect()
    }
}

pub(crate) fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

pub(crate) const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// Replaces each `{name}` in `text` with its value from `args`; other
/// braces are left as they are.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            args.iter()
                .find(|(k, _)| *k == &after[..close])
                .map(|(_, v)| (close, v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn plural_rules(lang: &str) -> PluralRules {
    let make = |code: &str| {
        code.parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok())
    };
    make(lang)
        .or_else(|| make(lang.split(['-', '_']).next().unwrap_or(lang)))
        .or_else(|| make(REFERENCE))
        .expect("intl_pluralrules knows English")
}

/// The forms a count needs in a language that uses `needed` for whole
/// numbers, in CLDR's order (one, few, many, other); `other` always, as
/// some languages use it for fractions only.
pub(crate) fn forms_in_order(needed: &BTreeSet<&str>) -> Vec<&'static str> {
    CATEGORIES
        .iter()
        .copied()
        .filter(|c| needed.contains(c) || *c == "other")
        .collect()
}

/// The plural categories a language uses for whole numbers.
pub(crate) fn needed_categories(rules: &PluralRules) -> BTreeSet<&'static str> {
    (0..=200u64)
        .map(|n| category_name(rules.select(n).unwrap_or(PluralCategory::OTHER)))
        .collect()
}

/// The default theme's English strings, parsed once: what a site uses
/// before its own strings are loaded (and in tests).
pub fn builtin_english() -> std::sync::Arc<Strings> {
    static ENGLISH: std::sync::OnceLock<std::sync::Arc<Strings>> = std::sync::OnceLock::new();
    ENGLISH
        .get_or_init(|| {
            let sources: Vec<Source> = crate::embedded::THEME
                .iter()
                .filter_map(|(p, bytes)| {
                    let name = p.strip_prefix("i18n/")?;
                    crate::theme::is_strings_file(name, REFERENCE).then(|| Source {
                        path: PathBuf::from("themes/default").join(p),
                        text: String::from_utf8_lossy(bytes).into_owned(),
                        built_in: true,
                    })
                })
                .collect();
            let entries = merge(&sources, &mut Vec::new());
            std::sync::Arc::new(Strings {
                lang: REFERENCE.to_string(),
                rules: plural_rules(REFERENCE),
                entries,
            })
        })
        .clone()
}

/// One strings file: where it is (for messages) and its text.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    /// One of alsite's own files, which a site does not hold or change.
    pub built_in: bool,
}

/// The files that define language `lang`, lowest priority first: the
/// default theme's, the site theme's, the site's own `i18n/<lang>.yaml`.
/// A regional language (`pt-BR`) takes its language's files (`pt`) first.
pub fn sources(root: &Path, theme: &Theme, lang: &str) -> Vec<Source> {
    let primary = crate::load::site_languages::primary(lang);
    let mut list = Vec::new();
    if primary != lang {
        list = exact_sources(root, theme, primary);
    }
    list.extend(exact_sources(root, theme, lang));
    list
}

/// The files of exactly language `lang`, lowest priority first.
fn exact_sources(root: &Path, theme: &Theme, lang: &str) -> Vec<Source> {
    let mut list: Vec<Source> = theme
        .i18n_files(lang)
        .into_iter()
        .map(|(path, text, built_in)| Source {
            path,
            text,
            built_in,
        })
        .collect();
    for (path, text) in crate::theme::strings_files(root, Path::new(""), lang) {
        list.push(Source {
            path,
            text,
            built_in: false,
        });
    }
    list
}

/// Flattened entries of a list of files, later files winning.
fn merge(sources: &[Source], diags: &mut Vec<Diagnostic>) -> HashMap<String, Entry> {
    let mut entries = HashMap::new();
    for s in sources {
        entries.extend(read(s, diags));
    }
    entries
}

/// The flattened entries of one file, in the file's order; errors for a
/// file that is not a mapping of keys, and for values that are not texts.
fn read(source: &Source, diags: &mut Vec<Diagnostic>) -> Vec<(String, Entry)> {
    let mut out = Vec::new();
    match yaml::parse::<serde_yaml::Value>(&source.path, &source.text, 1) {
        Ok(serde_yaml::Value::Null) => {}
        Ok(value @ serde_yaml::Value::Mapping(_)) => {
            flatten(&value, "", source, &mut out, diags);
        }
        Ok(_) => diags.push(checks::not_a_mapping(source)),
        Err(d) => diags.push(d),
    }
    out
}

fn flatten(
    value: &serde_yaml::Value,
    prefix: &str,
    source: &Source,
    out: &mut Vec<(String, Entry)>,
    diags: &mut Vec<Diagnostic>,
) {
    use serde_yaml::Value;
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match value {
        Value::Mapping(map) if !prefix.is_empty() && is_plural(map) => {
            let mut forms = BTreeMap::new();
            for (k, v) in map {
                let Some(k) = k.as_str() else { continue };
                match text(v) {
                    Some(t) => {
                        forms.insert(k.to_string(), counted(held(prefix, t)));
                    }
                    // A form in brackets or braces would be left out, and the
                    // page would show the key's name for the count.
                    None => diags.push(checks::not_a_text(source, &format!("{prefix}.{k}"))),
                }
            }
            out.push((prefix.to_string(), Entry::Plural(forms)));
        }
        Value::Mapping(map) => {
            for (k, v) in map {
                let Some(k) = text(k) else { continue };
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(v, &key, source, out, diags);
            }
        }
        other => match text(other) {
            Some(s) => out.push((prefix.to_string(), Entry::Text(held(prefix, s)))),
            None => diags.push(checks::not_a_text(source, prefix)),
        },
    }
}

/// The text of the entry `key`: a length of time (`time.*`: "1 h 52 min",
/// "45 minut") or a count (`count.*`: "4 uczestników", "12 exercises") is
/// one unit, its spaces no-break ones, so a line never ends between a
/// number and what it counts, in any language's file (in every other
/// plural entry, the number and the word after it: `counted`).
fn held(key: &str, text: String) -> String {
    if (key.starts_with("time.") || key.starts_with("count.")) && text.contains(' ') {
        text.replace(' ', "\u{a0}")
    } else {
        text
    }
}

/// A plural form with the count's number bound to the word after it
/// ("{n} zestawach", "all {n} exercises"): a line never ends between them,
/// wherever in a sentence the count stands.
fn counted(text: String) -> String {
    if text.contains("{n} ") {
        text.replace("{n} ", "{n}\u{a0}")
    } else {
        text
    }
}

fn is_plural(map: &serde_yaml::Mapping) -> bool {
    !map.is_empty()
        && map
            .keys()
            .all(|k| k.as_str().is_some_and(|k| CATEGORIES.contains(&k)))
}

/// Loads the strings of language `lang`: the reference language's entries,
/// replaced by `lang`'s. Returns warnings for every key `lang` lacks and for
/// plural entries without a form the language needs.
pub fn load(root: &Path, theme: &Theme, lang: &str) -> (Strings, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let reference_sources = sources(root, theme, REFERENCE);
    let rules = plural_rules(lang);
    if lang == REFERENCE {
        let used = theme.own_templates_text();
        let entries = merge_checked(&reference_sources, &rules, &used, &mut diags);
        let strings = Strings {
            lang: lang.to_string(),
            rules,
            entries,
        };
        return (strings, diags);
    }
    let reference = merge(&reference_sources, &mut diags);
    let own_sources = sources(root, theme, lang);
    let used = theme.own_templates_text();
    let own = merge_checked(&own_sources, &rules, &used, &mut diags);
    // Not "English": the language's own name, for its switcher link.
    let name = own_name(lang);
    let file = own_sources.last().map_or_else(
        || PathBuf::from("i18n").join(format!("{lang}.yaml")),
        |s| s.path.clone(),
    );
    if own_sources.is_empty() {
        diags.push(
            Diagnostic::warning(
                &file,
                format!(
                    "no UI strings for language `{lang}`: every word of the theme is in English"
                ),
            )
            .hint({
                let run = format!(
                    "run `alsite strings {lang}` to write {} with the English words, and translate it",
                    file.display()
                );
                match crate::load::language_codes::also_a_country(lang) {
                    Some(country) => format!("{country}; else {run}"),
                    None => run,
                }
            }),
        );
    } else {
        let place = file_for(&reference_sources, &own_sources, lang);
        // A language alsite knows the name of needs no `language.name`.
        let named = name != lang;
        let lacks = |key: &str| !(own.contains_key(key) || named && key == NAME_KEY);
        diags.extend(missing(&reference, lacks, place));
    }
    let mut entries = reference;
    entries.insert(NAME_KEY.to_string(), Entry::Text(name));
    entries.extend(own);
    let strings = Strings {
        lang: lang.to_string(),
        rules,
        entries,
    };
    (strings, diags)
}

/// Like [`merge`], with each file's entries checked against the built-in
/// English ones and the plural forms the language needs.
fn merge_checked(
    sources: &[Source],
    rules: &PluralRules,
    used: &str,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, Entry> {
    let mut entries = HashMap::new();
    for s in sources {
        let read = read(s, diags);
        diags.extend(checks::check_entries(s, &read, rules, used));
        entries.extend(read);
    }
    entries
}

/// The file each key of language `lang` belongs in: the counterpart of the
/// reference file that defines it (`checker.en.yaml` → `checker.pl.yaml`),
/// the site's own if it has one, else beside its last file (in `i18n/`
/// when the site has none). Each file
/// is read once, however many keys are asked about.
fn file_for(reference: &[Source], own: &[Source], lang: &str) -> impl Fn(&str) -> PathBuf {
    let part = |p: &Path, code: &str| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        name.strip_suffix(&format!("{code}.yaml"))
            .unwrap_or("")
            .to_string()
    };
    // The keys each reference file defines, with its part of the name.
    let defined: Vec<(String, HashMap<String, Entry>)> = reference
        .iter()
        .map(|s| {
            let keys = merge(std::slice::from_ref(s), &mut Vec::new());
            (part(&s.path, REFERENCE), keys)
        })
        .collect();
    // A key goes in a file of the site, never in one built into alsite.
    let own: Vec<&Source> = own.iter().filter(|s| !s.built_in).collect();
    let own_files: Vec<(String, PathBuf)> = own
        .iter()
        .map(|s| (part(&s.path, lang), s.path.clone()))
        .collect();
    let dir = own
        .last()
        .and_then(|s| s.path.parent())
        .unwrap_or(Path::new("i18n"))
        .to_path_buf();
    let lang = lang.to_string();
    move |key: &str| {
        let wanted = defined
            .iter()
            .rev()
            .find(|(_, keys)| keys.contains_key(key))
            .map(|(part, _)| part.clone())
            .unwrap_or_default();
        match own_files.iter().rev().find(|(part, _)| *part == wanted) {
            Some((_, path)) => path.clone(),
            None => dir.join(format!("{wanted}{lang}.yaml")),
        }
    }
}

/// Warnings for keys of `reference` that the site's files lack (`lacks`), one per file they
/// belong in (`file` says which): a language file started from scratch
/// lacks a hundred keys, and one warning names them all.
fn missing(
    reference: &HashMap<String, Entry>,
    lacks: impl Fn(&str) -> bool,
    file: impl Fn(&str) -> PathBuf,
) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
    for key in reference.keys().filter(|k| lacks(k)) {
        by_file.entry(file(key)).or_default().push(key);
    }
    by_file
        .into_iter()
        .map(|(path, mut keys)| {
            keys.sort_unstable();
            let (message, hint) = match keys.as_slice() {
                [key] => (
                    format!("UI string `{key}` is missing; the English one is used"),
                    format!("add `{key}` to {}", path.display()),
                ),
                _ => (
                    format!(
                        "{} UI strings are missing; the English ones are used",
                        keys.len()
                    ),
                    format!(
                        "add them to {}: {}",
                        path.display(),
                        checks::name_keys(&keys, reference)
                    ),
                ),
            };
            Diagnostic::warning(path, message).hint(hint)
        })
        .collect()
}

#[cfg(test)]
mod tests;
