//! `alsite strings LANG`: writes the default theme's UI strings into a
//! site's `i18n/` folder, so a trainer with only the program (no copy of
//! this repository) can translate them. A language the theme ships (en, pl)
//! gets the theme's own words, to change some; any other gets the English
//! ones, to translate. A file already there is never replaced.

use super::{needed_categories, plural_rules, REFERENCE};
use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// Writes the strings files of `lang` under `root/i18n/`; returns their
/// paths. Nothing is written when any of them exists already.
pub fn write(root: &Path, lang: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    crate::load::site_folder(root)?;
    if let Some((message, hint)) = crate::load::site_languages::code_problem(lang) {
        let file = root.join("i18n").join(format!("{lang}.yaml"));
        return Err(Diagnostic::error(file, message).hint(hint));
    }
    let files = files_for(lang);
    let targets: Vec<PathBuf> = files
        .iter()
        .map(|(name, _)| root.join("i18n").join(name))
        .collect();
    if let Some(there) = targets.iter().find(|t| t.exists()) {
        return Err(Diagnostic::error(there, "this file exists already: alsite does not replace it")
            .hint("its words are used as they are; to start again from the theme's, move it out of i18n/ first"));
    }
    let folder = root.join("i18n");
    if folder.exists() && !folder.is_dir() {
        return Err(Diagnostic::error(&folder, "`i18n` is a file, but the strings go in a folder of that name")
            .hint("rename or move the file `i18n`, then run this again to make the folder i18n/ with the strings in it"));
    }
    let writes: Vec<(PathBuf, &[u8])> = targets
        .iter()
        .zip(&files)
        .map(|(target, (_, text))| (target.clone(), text.as_bytes()))
        .collect();
    crate::new_files::write_all_or_none(&writes, "the site's i18n/ folder", None)?;
    Ok(targets)
}

/// The default theme's strings files of language `code`: (name, bytes).
fn shipped(code: &str) -> Vec<(&'static str, &'static [u8])> {
    crate::embedded::THEME
        .iter()
        .filter_map(|&(path, bytes)| {
            let name = path.strip_prefix("i18n/")?;
            crate::theme::is_strings_file(name, code).then_some((name, bytes))
        })
        .collect()
}

/// (file name, text) of each strings file to write for `lang`.
fn files_for(lang: &str) -> Vec<(String, String)> {
    // A regional code (`pl-PL`) takes its language's words, as a build does.
    let primary = crate::load::site_languages::primary(lang);
    let from = if ships(lang) { primary } else { REFERENCE };
    shipped(from)
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let stem = name.strip_suffix(&format!("{from}.yaml")).unwrap_or(name);
            let text = match from == REFERENCE && lang != REFERENCE {
                true => to_translate(&text, lang),
                false => text,
            };
            (format!("{stem}{lang}.yaml"), text)
        })
        .collect()
}

/// Whether `alsite strings` gives `lang` the theme's own words (to change
/// some) rather than English ones to translate.
pub fn ships(lang: &str) -> bool {
    !shipped(crate::load::site_languages::primary(lang)).is_empty()
}

/// The English file `text` as the start of `lang`'s: a header saying what
/// to do, and the language's own name for the switcher.
fn to_translate(text: &str, lang: &str) -> String {
    let forms = super::forms_in_order(&needed_categories(&plural_rules(lang)));
    let header = format!(
        "# UI strings for `{lang}`, written by `alsite strings {lang}` from the default\n\
         # theme's English: translate the values; keep the keys and the {{placeholders}}.\n\
         # A count (such as time.minutes) needs a form for each plural category of\n\
         # the language: {}. A key left out shows the English words.\n\n",
        forms.join(", ")
    );
    let name = super::names::own_name(lang);
    // The reference file's own opening comment speaks of English.
    let lines: Vec<&str> = text.lines().collect();
    let opening = lines.iter().take_while(|l| l.starts_with('#')).count();
    let text = lines[opening..].join("\n") + "\n";
    let body = with_forms(text.trim_start_matches('\n'), &forms).replacen(
        "  name: English ",
        &format!(
            "  name: {name}{}",
            " ".repeat("English ".len().saturating_sub(name.chars().count()))
        ),
        1,
    );
    header + &body
}

/// `text` with each count's forms made the language's: the forms it needs
/// that English lacks are written before `other:`, with English's `other`
/// words to translate (`few:` and `many:` for Czech, Polish, Ukrainian).
fn with_forms(text: &str, forms: &[&str]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut previous = "";
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let follows_one = previous.trim_start().starts_with("one:")
            && previous.len() - previous.trim_start().len() == indent.len();
        if let (true, Some(words)) = (follows_one, trimmed.strip_prefix("other:")) {
            for form in forms.iter().filter(|f| !["one", "other"].contains(f)) {
                out.push_str(&format!("{indent}{form}:{words}\n"));
            }
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_language_gets_the_english_words_with_its_own_name_and_forms() {
        let files = files_for("cs");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"cs.yaml") && names.contains(&"checker.cs.yaml"),
            "{names:?}"
        );
        let main = &files
            .iter()
            .find(|(n, _)| n == "cs.yaml")
            .expect("cs.yaml")
            .1;
        // Czech counts: 1, 2–4, the rest (CLDR; `many` is for fractions).
        assert!(main.contains("the language: one, few, other."), "{main}");
        assert!(main.contains("name: Čeština"), "{main}");
        assert!(main.contains("skip_link: Skip to content"));
        assert!(!main.contains("This file is the reference"), "{main}");
        assert!(
            main.contains(
                "    one: \"{n} minute\"\n    few: \"{n} minutes\"\n    other: \"{n} minutes\"\n"
            ),
            "{main}"
        );
    }

    #[test]
    fn a_regional_code_gets_its_languages_words() {
        let files = files_for("pl-PL");
        let main = &files
            .iter()
            .find(|(n, _)| n == "pl-PL.yaml")
            .expect("pl-PL.yaml")
            .1;
        assert!(
            main.contains("Polski") && !main.contains("Skip to content"),
            "{main}"
        );
        assert!(ships("pl-PL") && ships("en-GB") && !ships("cs"));
    }

    #[test]
    fn a_shipped_language_gets_its_own_words() {
        let files = files_for("pl");
        let main = &files
            .iter()
            .find(|(n, _)| n == "pl.yaml")
            .expect("pl.yaml")
            .1;
        assert!(main.contains("Polski"), "{main}");
        assert!(!main.contains("alsite strings"));
    }
}
