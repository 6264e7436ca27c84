//! What a strings file can get wrong, each placed at its line: a file that
//! is not a mapping of keys, a value that is not a text, a plural entry
//! without a form the language needs, and `{placeholders}` alsite does not
//! fill (or leaves unused).

use super::{builtin_english, needed_categories, Entry, Source};
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, locate_value, Seg};
use intl_pluralrules::PluralRules;
use std::collections::{BTreeSet, HashMap};

/// Placeholders a key may use besides the English string's: the clock
/// takes the hour with or without a leading zero.
const ALTERNATIVES: &[(&str, &[&str])] = &[("time.clock", &["H", "HH", "mm"])];

/// The error for a file whose top level is a list or a single text.
pub(super) fn not_a_mapping(source: &Source) -> Diagnostic {
    let (line, column) = locate(&source.text, &[]);
    Diagnostic::error(&source.path, "a UI strings file must be a mapping of keys")
        .at(line, column)
        .hint("write one key per line, nested by part of the site, e.g. `player:` and under it `  next: Next →` (see themes/default/i18n/en.yaml)")
}

/// The error for `key`, whose value is a list or a mapping of other keys:
/// for a part of the site with keys of its own (`player:` written as a
/// list), the error that names its keys.
pub(super) fn not_a_text(source: &Source, key: &str) -> Diagnostic {
    let english = builtin_english();
    let inner = keys_under(&english.keys(), key);
    if !inner.is_empty() && english.get(key).is_none() {
        return a_part_not_a_text(source, key, &inner);
    }
    let (line, column) = place(source, key);
    Diagnostic::error(&source.path, format!("`{key}` should be a text"))
        .at(line, column)
        .hint("write the words after the colon, in quotes if they contain a colon; a count takes one text per plural form (`one:`, `other:` …)")
}

/// The first two of the theme's `keys` under `key` (`player.` →
/// `player.back`, …), in order.
fn keys_under<'e>(keys: &BTreeSet<&'e str>, key: &str) -> Vec<&'e str> {
    let under = format!("{key}.");
    let from = std::ops::Bound::Included(under.as_str());
    keys.range::<str, _>((from, std::ops::Bound::Unbounded))
        .take_while(|k| k.starts_with(&under))
        .take(2)
        .copied()
        .collect()
}

/// The error for `key`, a part of the site with keys of its own (`inner`,
/// the first of them), written as a text or a list.
fn a_part_not_a_text(source: &Source, key: &str, inner: &[&str]) -> Diagnostic {
    let (line, column) = place(source, key);
    Diagnostic::error(
        &source.path,
        format!("`{key}` is a part of the site with keys of its own, not a text"),
    )
    .at(line, column)
    .hint(format!(
        "write its keys under it, one per line and indented, as in themes/default/i18n/en.yaml: {}",
        inner
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// A warning for a key no page asks for that is a slip for one the theme
/// has (`playr.next`, `player.nxet`): its words would never show. A key
/// further from all of them, or one the site's own templates (`used`, their
/// text) name, is taken for one of theirs.
fn misspelt(source: &Source, key: &str, keys: &BTreeSet<&str>, used: &str) -> Option<Diagnostic> {
    if keys.contains(key) || !keys_under(keys, key).is_empty() {
        return None;
    }
    // Asked for by one of the site's own templates (`t("workshop.days")`).
    if [format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .any(|q| used.contains(q.as_str()))
    {
        return None;
    }
    let meant = keys.iter().find(|k| slip_for(key, k))?;
    let (line, column) = locate(
        &source.text,
        &key.split('.').map(Seg::Key).collect::<Vec<_>>(),
    );
    Some(
        Diagnostic::warning(&source.path, format!("alsite has no key `{key}`, so these words show nowhere; did you mean `{meant}`?"))
            .at(line, column)
            .hint(format!("rename it `{meant}` (as in themes/default/i18n/en.yaml), or the theme's words stay in its place")),
    )
}

/// The line and column of the value of `key` (`player.next`) in the file
/// (of the key itself when its value is a block below it).
fn place(source: &Source, key: &str) -> (usize, usize) {
    let path: Vec<Seg> = key.split('.').map(Seg::Key).collect();
    locate_value(&source.text, &path)
}

/// Warnings for the entries of one file of a language with plural `rules`.
pub(super) fn check_entries(
    source: &Source,
    entries: &[(String, Entry)],
    rules: &PluralRules,
    used: &str,
) -> Vec<Diagnostic> {
    let needed = needed_categories(rules);
    let english = builtin_english();
    let mut diags = shapes(source, entries, &english, &needed, used);
    for (key, entry) in entries {
        if let Entry::Plural(forms) = entry {
            diags.extend(lacking_forms(source, key, forms, &needed));
        }
        if let Some(reference) = english.get(key) {
            diags.extend(placeholders(source, key, entry, reference));
        }
    }
    diags
}

/// Errors for keys written in another shape than the theme's: a text where
/// the theme has a part of the site with keys of its own (`player: Next`),
/// and keys under what the theme has as a text (`next:` with `label:` under
/// it) or as a count (`minutes:` with `singular:`). Read as written, such
/// keys are ones no page asks for, and the theme's words stay without a word.
fn shapes(
    source: &Source,
    entries: &[(String, Entry)],
    english: &super::Strings,
    needed: &BTreeSet<&'static str>,
    used: &str,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut told = BTreeSet::new();
    let keys = english.keys();
    for (key, _) in entries {
        // The theme's keys under `key`: in order, from the first after it.
        let inner = keys_under(&keys, key);
        if !inner.is_empty() && english.get(key).is_none() {
            diags.push(a_part_not_a_text(source, key, &inner));
            continue;
        }
        let segments: Vec<&str> = key.split('.').collect();
        for end in 1..segments.len() {
            let outer = segments[..end].join(".");
            let Some(entry) = english.get(&outer) else {
                continue;
            };
            if !told.insert(outer.clone()) {
                break;
            }
            diags.push(match entry {
                Entry::Text(_) => not_a_text(source, &outer),
                Entry::Plural(_) => {
                    // The form that is none (`meny:`), not the first written.
                    let prefix = format!("{outer}.");
                    let written = entries.iter().filter_map(|(k, _)| k.strip_prefix(&prefix));
                    let mut forms = written.map(|rest| rest.split('.').next().unwrap_or(rest));
                    let wrong = forms.find(|f| !super::CATEGORIES.contains(f));
                    not_a_form(source, &outer, wrong.unwrap_or(segments[end]), needed)
                }
            });
            break;
        }
        let under_known = (1..segments.len()).any(|end| told.contains(&segments[..end].join(".")));
        if !under_known {
            diags.extend(misspelt(source, key, &keys, used));
        }
    }
    diags
}

/// Whether `key` is a slip for the theme's key `known`: the same parts but
/// one, and that one a letter off (two in a part of more than five letters:
/// `nxet` for `next`, `playr` for `player`). `workshop.date` is not one
/// for `workshop.day`: a template of a site's own may well ask for it.
fn slip_for(key: &str, known: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (key.split('.').collect(), known.split('.').collect());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<(&str, &str)> = a.into_iter().zip(b).filter(|(x, y)| x != y).collect();
    let [(x, y)] = differ.as_slice() else {
        return false;
    };
    let limit = if y.chars().count() > 5 { 2 } else { 1 };
    strsim::damerau_levenshtein(x, y) <= limit
}

/// The error for a key under a count (`time.minutes`) that is no plural form.
fn not_a_form(
    source: &Source,
    key: &str,
    form: &str,
    needed: &BTreeSet<&'static str>,
) -> Diagnostic {
    let path: Vec<Seg> = key.split('.').chain([form]).map(Seg::Key).collect();
    let (line, column) = locate(&source.text, &path);
    let forms: Vec<String> = super::forms_in_order(needed)
        .iter()
        .map(|f| format!("`{f}:`"))
        .collect();
    let forms = match forms.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => forms.join(""),
    };
    let mean = crate::suggest::did_you_mean(form, super::CATEGORIES.iter().copied());
    Diagnostic::error(
        &source.path,
        format!("`{key}` takes one text per plural form, not `{form}`"),
    )
    .at(line, column)
    .hint(format!("{mean}write its forms as {forms}"))
}

/// A plural entry without every form the language uses (`other` always).
fn lacking_forms(
    source: &Source,
    key: &str,
    forms: &std::collections::BTreeMap<String, String>,
    needed: &BTreeSet<&'static str>,
) -> Option<Diagnostic> {
    let lacking: Vec<&str> = needed
        .iter()
        .copied()
        .chain(["other"])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|c| !forms.contains_key(*c))
        .collect();
    if lacking.is_empty() {
        return None;
    }
    let (line, column) = place(source, key);
    let all = super::forms_in_order(needed);
    Some(
        Diagnostic::warning(
            &source.path,
            format!("UI string `{key}` has no {}", forms_phrase(&lacking)),
        )
        .at(line, column)
        .hint(format!(
            "give a form for every plural category the language uses: {}",
            all.join(", ")
        )),
    )
}

/// "`few` form", "`few` or `many` forms", "`one`, `few` or `many` forms".
fn forms_phrase(lacking: &[&str]) -> String {
    let quoted: Vec<String> = lacking.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => format!("{last} form"),
        Some((last, rest)) => format!("{} or {last} forms", rest.join(", ")),
        None => String::new(),
    }
}

/// The `{name}` placeholders in `text`.
fn names(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            // In any script: `{ГГ}`, typed on a Ukrainian keyboard, is
            // not filled in either.
            let plain = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            if plain {
                found.insert(name);
            }
        }
    }
    found
}

/// Every placeholder of an entry (all forms of a plural one).
fn entry_names(entry: &Entry) -> BTreeSet<&str> {
    match entry {
        Entry::Text(t) => names(t),
        Entry::Plural(forms) => forms.values().flat_map(|t| names(t)).collect(),
    }
}

/// A warning for placeholders alsite does not fill (they would show as
/// written), or, for a plain text, ones the English string has and this
/// one leaves out.
fn placeholders(
    source: &Source,
    key: &str,
    entry: &Entry,
    reference: &Entry,
) -> Option<Diagnostic> {
    let alternatives = ALTERNATIVES.iter().find(|(k, _)| *k == key);
    let expected: BTreeSet<&str> = match alternatives {
        Some((_, names)) => names.iter().copied().collect(),
        None => entry_names(reference),
    };
    let used = entry_names(entry);
    let unknown: Vec<&str> = used.difference(&expected).copied().collect();
    let left_out: Vec<&str> = match (entry, reference, alternatives) {
        (Entry::Text(_), Entry::Text(_), None) => expected.difference(&used).copied().collect(),
        _ => Vec::new(),
    };
    if unknown.is_empty() && left_out.is_empty() {
        return None;
    }
    let braces = |list: &[&str]| {
        list.iter()
            .map(|n| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let expected: Vec<&str> = expected.into_iter().collect();
    let message = if unknown.is_empty() {
        format!(
            "UI string `{key}` leaves out {}, which alsite fills in",
            braces(&left_out)
        )
    } else {
        format!("UI string `{key}` has {}, which alsite does not fill in: the page would show it as written", braces(&unknown))
    };
    let mut hint = if expected.is_empty() {
        "this string takes no placeholders: write it without `{…}`".to_string()
    } else {
        format!("this string's placeholders are {}", braces(&expected))
    };
    if !expected.is_empty() && unknown.iter().any(|n| !n.is_ascii()) {
        hint.push_str(", in Latin letters as in English, whatever the language");
    }
    let (line, column) = place(source, key);
    Some(
        Diagnostic::warning(&source.path, message)
            .at(line, column)
            .hint(hint),
    )
}

/// Missing `keys` (sorted) named briefly: a part of the site that lacks
/// every key of `reference` as `workshop.*` with its count, the others one
/// by one (`practice.hint`).
pub(super) fn name_keys(keys: &[&str], reference: &HashMap<String, Entry>) -> String {
    let section = |key: &str| key.split('.').next().unwrap_or(key).to_string();
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    for key in keys {
        match sections.last_mut() {
            Some((name, list)) if *name == section(key) => list.push(key),
            _ => sections.push((section(key), vec![key])),
        }
    }
    let whole = |name: &str| reference.keys().filter(|k| section(k) == name).count();
    let mut named = Vec::new();
    for (name, list) in sections {
        if list.len() > 1 && list.len() == whole(&name) {
            named.push(format!("`{name}.*` ({})", list.len()));
        } else {
            named.extend(list.iter().map(|k| format!("`{k}`")));
        }
    }
    named.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_are_named_by_part_of_the_site() {
        let reference: HashMap<String, Entry> = ["a.x", "a.y", "b.x", "b.y", "c"]
            .iter()
            .map(|k| (k.to_string(), Entry::Text(String::new())))
            .collect();
        assert_eq!(
            name_keys(&["a.x", "a.y", "b.y", "c"], &reference),
            "`a.*` (2), `b.y`, `c`"
        );
    }

    #[test]
    fn placeholders_are_names_in_braces() {
        let n: Vec<&str> = names("{n} of {total}, {not a name} {} {x {хв}")
            .into_iter()
            .collect();
        assert_eq!(n, ["n", "total", "хв"]);
    }

    #[test]
    fn a_slip_is_a_letter_or_two_in_one_part_of_the_key() {
        assert!(slip_for("player.nxet", "player.next"));
        assert!(slip_for("playr.next", "player.next"));
        for (own, theirs) in [
            ("workshop.date", "workshop.day"),
            ("offers.price", "offers.phone"),
            ("timer.stop", "timer.start"),
            ("site.tagline", "site.table"),
            ("count.hours", "count.turns"),
            ("plyr.nxet", "player.next"),
        ] {
            assert!(!slip_for(own, theirs), "{own}");
        }
    }
}
