//! Files in the site's `i18n/` folder that no language of the site reads:
//! `polski.yaml`, `PL.yaml`, `pl.yml` or `de.yaml` in a site in Polish would
//! otherwise change no word, without a word.

use crate::diagnostic::Diagnostic;
use crate::load::language::meant_language;
use crate::load::site_languages::primary;
use crate::theme::is_strings_file;
use std::path::Path;

/// A warning for each YAML file in `root/i18n/` that is the strings file
/// of none of `languages` (nor of English, which every language falls
/// back to), with the name it was likely meant to have; and for an `i18n`
/// that is a file, or a strings file's name on a folder (`i18n/pl.yaml/`,
/// unzipped so), whose words would be lost as well.
pub fn unread_files(root: &Path, languages: &[String]) -> Vec<Diagnostic> {
    if root.join("i18n").is_file() {
        let files: Vec<String> = languages.iter().map(|l| format!("i18n/{l}.yaml")).collect();
        return vec![Diagnostic::warning("i18n", "`i18n` is a file, but alsite reads a site's words from a folder of that name, so these are not used")
            .hint(format!("make `i18n/` a folder and put the words in it, one file per language, named after its code: {}", files.join(", ")))];
    }
    let Ok(entries) = std::fs::read_dir(root.join("i18n")) else {
        return Vec::new();
    };
    let mut entries: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            (kind.is_file() || kind.is_dir()).then_some((name, kind.is_dir()))
        })
        .collect();
    entries.sort();
    entries
        .into_iter()
        .filter_map(|(name, folder)| match folder {
            true => folder_named_as_file(&name, languages),
            false => unread_file(&name, languages),
        })
        .collect()
}

/// The warning for the file `i18n/name`, if no language of the site reads it.
fn unread_file(name: &str, languages: &[String]) -> Option<Diagnostic> {
    let hint = unread_hint(name, languages)?;
    let message = format!(
        "i18n/{name} is read by no language of the site ({}), so its words are not used",
        languages.join(", ")
    );
    Some(Diagnostic::warning(Path::new("i18n").join(name), message).hint(hint))
}

/// The warning for the folder `i18n/name`, if it has the name of a strings
/// file one of the site's languages reads.
fn folder_named_as_file(name: &str, languages: &[String]) -> Option<Diagnostic> {
    let strings = (name.ends_with(".yaml") || name.ends_with(".yml"))
        && unread_hint(name, languages).is_none();
    strings.then(|| {
        Diagnostic::warning(
            Path::new("i18n").join(name),
            format!("i18n/{name} is a folder, but alsite reads a file of that name, so no words of it are used"),
        )
        .hint("put the strings file itself here (a text file, not a folder); if the folder holds it, move it out and delete the folder")
    })
}

/// What to name the file `name`, if no language of the site reads it.
fn unread_hint(name: &str, languages: &[String]) -> Option<String> {
    let (stem, yml) = match (name.strip_suffix(".yaml"), name.strip_suffix(".yml")) {
        (Some(stem), _) => (stem, false),
        (_, Some(stem)) => (stem, true),
        _ => return None,
    };
    let file = format!("{stem}.yaml");
    let read = |code: &str| {
        !yml && (is_strings_file(&file, code) || is_strings_file(&file, primary(code)))
    };
    if read("en") || languages.iter().any(|l| read(l)) {
        return None;
    }
    let (part, code) = match stem.rsplit_once('.') {
        Some((part, code)) => (format!("{part}."), code),
        None => (String::new(), stem),
    };
    // English is read too, by every language: `EN.yaml` means `en.yaml`.
    let mut readers = languages.to_vec();
    if !readers.iter().any(|l| l == super::REFERENCE) {
        readers.push(super::REFERENCE.to_string());
    }
    let meant = meant_language(code, &readers)
        .cloned()
        .or_else(|| readers.iter().find(|l| l.as_str() == code).cloned())
        .or_else(|| {
            // `ua.yaml` (a country's code), `ukr.yaml`, `polski.yaml`.
            let meant = crate::load::language_codes::meant_code(code)?;
            readers.iter().find(|l| primary(l) == meant).cloned()
        });
    Some(match meant {
        Some(lang) => format!("rename it to i18n/{part}{lang}.yaml: a strings file is named after its language's code, as `languages:` in site.yaml writes it"),
        None if crate::load::language_codes::unknown_language(code, code).is_none() => format!(
            "to use it, set the site's language to `{code}` (or add it to `languages:`) in site.yaml; else name it after one of the site's languages: {}",
            languages.join(", ")
        ),
        None => format!(
            "name a strings file `<code>.yaml` (or `<part>.<code>.yaml`) after one of the site's languages: {}",
            languages.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::unread_hint;

    #[test]
    fn a_file_no_language_reads_gets_the_name_meant() {
        let pl = ["pl".to_string()];
        for read in ["pl.yaml", "checker.pl.yaml", "en.yaml", "notes.txt"] {
            assert_eq!(unread_hint(read, &pl), None, "{read}");
        }
        for (name, meant) in [
            ("PL.yaml", "i18n/pl.yaml"),
            ("polski.yaml", "i18n/pl.yaml"),
            ("pl.yml", "i18n/pl.yaml"),
            ("checker.PL.yaml", "i18n/checker.pl.yaml"),
            ("pol.yaml", "i18n/pl.yaml"),
        ] {
            let hint = unread_hint(name, &pl).unwrap_or_default();
            assert!(
                hint.starts_with(&format!("rename it to {meant}:")),
                "{name}: {hint}"
            );
        }
        let de = unread_hint("de.yaml", &pl).unwrap_or_default();
        assert!(
            de.starts_with("to use it, set the site's language to `de`"),
            "{de}"
        );
        let notes = unread_hint("notes.yaml", &pl).unwrap_or_default();
        assert!(notes.ends_with("languages: pl"), "{notes}");
        // English is read by every language, as the words it falls back to.
        let en = unread_hint("EN.yaml", &pl).unwrap_or_default();
        assert!(en.starts_with("rename it to i18n/en.yaml:"), "{en}");
        let english = unread_hint("english.yaml", &pl).unwrap_or_default();
        assert!(
            english.starts_with("rename it to i18n/en.yaml:"),
            "{english}"
        );
        // A country's code for the language: Ukraine's `ua` is Ukrainian, `uk`.
        let uk = ["uk".to_string(), "de".to_string()];
        let ua = unread_hint("ua.yaml", &uk).unwrap_or_default();
        assert!(ua.starts_with("rename it to i18n/uk.yaml:"), "{ua}");
        let regional = ["pt-BR".to_string()];
        assert_eq!(unread_hint("pt.yaml", &regional), None);
    }
}
