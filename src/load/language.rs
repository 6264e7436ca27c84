//! Which language a content file is in: a translation sits beside its
//! original with the language code before the extension (`about.pl.md`,
//! `workshop.en.yaml`); a file without a code is in the default language.

use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// The file's path with its language code taken out, and the index of that
/// language in `languages` (0, the default, when it has none). A code that
/// is not one of the site's languages stays part of the name.
pub fn split(rel: &Path, languages: &[String]) -> (PathBuf, usize) {
    let Some(name) = rel.file_name().and_then(|n| n.to_str()) else {
        return (rel.to_path_buf(), 0);
    };
    let mut pieces: Vec<&str> = name.split('.').collect();
    if pieces.len() >= 3 {
        let code = pieces[pieces.len() - 2];
        if let Some(i) = languages.iter().position(|l| l == code) {
            pieces.remove(pieces.len() - 2);
            return (rel.with_file_name(pieces.join(".")), i);
        }
    }
    (rel.to_path_buf(), 0)
}

/// A code before the extension that looks like a language (`de` in
/// `about.de.md`: two lowercase letters) but is not one of `languages`.
pub fn unknown_code(rel: &Path, languages: &[String]) -> Option<String> {
    let name = rel.file_name()?.to_str()?;
    let pieces: Vec<&str> = name.split('.').collect();
    if pieces.len() < 3 {
        return None;
    }
    let code = pieces[pieces.len() - 2];
    let looks = code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase());
    (looks && !languages.iter().any(|l| l == code)).then(|| code.to_string())
}

/// A code before the extension that means one of `languages` but is written
/// another way: in other capitals or with `_` (`about.EN.md`, `about.pt_br.md`
/// for `pt-BR`), or with a region the site does not list (`about.en-GB.md`
/// in a site with `en`). The code as written, the language meant, and the
/// file's name with that language's code.
pub fn miswritten_code(rel: &Path, languages: &[String]) -> Option<(String, String, String)> {
    let name = rel.file_name()?.to_str()?;
    let mut pieces: Vec<&str> = name.split('.').collect();
    if pieces.len() < 3 {
        return None;
    }
    let at = pieces.len() - 2;
    let code = pieces[at];
    let meant = meant_language(code, languages)?;
    pieces[at] = meant;
    Some((code.to_string(), meant.clone(), pieces.join(".")))
}

/// The one of `languages` that `code` means when it is written another way:
/// in other capitals or with `_` (`EN`, `pt_br` for `pt-BR`), with a
/// region the site does not list (`en-GB` in a site with `en`), or as the
/// language's three-letter code (`eng`, `pol`). How file names and the keys
/// of `translations:` are both read.
pub fn meant_language<'a>(code: &str, languages: &'a [String]) -> Option<&'a String> {
    languages
        .iter()
        .find(|l| fold(l) == fold(code) && *l != code)
        .or_else(|| {
            let (language, region) = code.split_once(['-', '_'])?;
            let region_like = (region.len() == 2
                && region.chars().all(|c| c.is_ascii_alphabetic()))
                || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit()));
            let listed = languages.iter().any(|l| fold(l) == fold(code));
            region_like.then_some(())?;
            (!listed).then(|| languages.iter().find(|l| fold(l) == fold(language)))?
        })
        .or_else(|| {
            // `pol`, and codes that name no language but are written for
            // one: `ua` (Ukraine's code) for `uk`, `iw` for `he`.
            let short = super::language_codes::other_code_for(code)?;
            languages.iter().find(|l| l.as_str() == short)
        })
}

/// Whether two language codes differ only in capitals or `_` for `-`.
pub fn same_code(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// A code before a content file's extension that is not one of the site's
/// languages as written: one written another way (`about.EN.md`), or one
/// that only looks like a language (`about.de.md`).
pub fn code_in_name(rel: &Path, rel_in_content: &Path, languages: &[String]) -> Option<Diagnostic> {
    let name = rel.file_name()?.to_string_lossy();
    if !super::layout::is_text(&name) {
        return None;
    }
    if let Some((code, meant, renamed)) = miswritten_code(rel_in_content, languages) {
        let rename = format!("rename the file to {renamed}");
        let (message, hint) = if languages.first() == Some(&meant) {
            // The default language: a file in it has no code at all.
            let plain = renamed.replacen(&format!(".{meant}."), ".", 1);
            (format!("`{code}` names the site's default language, `{meant}`, which a file without a code is in"),
             format!("rename the file to {plain}, or remove it if {plain} is there (the same page twice)"))
        } else if let Some((_, name)) = super::language_codes::two_letter_of(&code) {
            (format!("`{code}` is the three-letter code of {name}, which the site writes `{meant}`"),
             format!("{rename}: a translation's name has the code exactly as `languages:` in site.yaml writes it"))
        } else if let Some((_, why)) =
            super::language_codes::unknown_language(&code, &language_part(&code))
        {
            (not_a_code(&code, &why),
             format!("{rename}: a translation's name has the code exactly as `languages:` in site.yaml writes it"))
        } else if same_code(&code, &meant) {
            (format!("the language code `{code}` is written `{meant}`"),
             format!("{rename}: a translation's name has the code exactly as `languages:` in site.yaml writes it"))
        } else {
            (format!("`{code}` is not one of the site's languages ({}); the nearest is `{meant}`", languages.join(", ")),
             format!("{rename}, or add `{code}` to `languages:` in site.yaml for a version of its own"))
        };
        return Some(Diagnostic::error(rel, message).hint(hint));
    }
    let code = unknown_code(rel_in_content, languages)?;
    // The list to write: the site's languages, the default first, and this
    // one (as the code of the language meant, for `ua`: Ukrainian is `uk`).
    let lower = language_part(&code);
    let meant = super::language_codes::unknown_language(&code, &lower)
        .and_then(|(_, why)| Some((why, super::language_codes::meant_code(&lower)?)));
    let mut with = languages.to_vec();
    with.push(meant.as_ref().map_or(code.clone(), |(_, m)| m.to_string()));
    let list = with.join(", ");
    if let Some((why, m)) = meant {
        let renamed = name.replacen(&format!(".{code}."), &format!(".{m}."), 1);
        return Some(
            Diagnostic::error(rel, not_a_code(&code, &why))
                .hint(format!("rename the file to {renamed}, and add `{m}` to the site's languages in site.yaml, after the default one (`languages: [{list}]`)")),
        );
    }
    Some(
        Diagnostic::error(rel, format!("`{code}`{LOOKS_LIKE}{}", languages.join(", "))).hint(
            format!("add `{code}` to the site's languages in site.yaml, after the default one (`languages: [{list}]`), or rename the file"),
        ),
    )
}

/// The message for `code`, before a file's extension, that names no
/// language: `why` says which code was meant.
fn not_a_code(code: &str, why: &str) -> String {
    format!("`{code}` in the file's name is not a language code ({why})")
}

/// The language part of a code, in small letters: `ua` of `UA-ua`.
fn language_part(code: &str) -> String {
    code.split(['-', '_']).next().unwrap_or(code).to_lowercase()
}

/// What follows the code in the message of [`code_in_name`] for a code
/// that only looks like a language.
const LOOKS_LIKE: &str = " looks like a language, but the site's languages are ";

/// A Markdown or YAML file in a folder named after one of the site's other
/// languages, at any depth, as other generators keep translations
/// (`content/en/index.md`, `content/pages/en/about.md`,
/// `content/practice/en/questions.yaml`): alsite's translation sits beside
/// its original, so the file would be ignored, or be a default-language
/// page among that language's. The error names the file meant: where the
/// layout puts such a file (a page from a language's root folder is a free
/// page, under `pages/`).
pub fn in_language_folder(
    rel: &Path,
    rel_in_content: &Path,
    languages: &[String],
) -> Option<Diagnostic> {
    let name = rel.file_name()?.to_str()?;
    if !super::layout::is_text(name) {
        return None;
    }
    let parts: Vec<&str> = rel_in_content.iter().filter_map(|p| p.to_str()).collect();
    let folders = &parts[..parts.len().saturating_sub(1)];
    let (at, lang) = folders.iter().enumerate().find_map(|(i, folder)| {
        let lang = languages.iter().skip(1).find(|l| fold(l) == fold(folder))?;
        Some((i, lang))
    })?;
    let folder = parts[at];
    let meant = meant_beside(&parts, at, Some(lang))?;
    Some(
        Diagnostic::error(rel, format!("the folder `{folder}` is named after the site's language `{lang}`, but alsite keeps a translation beside its original, not in a folder of its own"))
            .hint(format!(
                "a translation sits beside its original with the language code before the extension: move it to {meant} (its pages are written under {lang}/ all the same)"
            )),
    )
}

/// Where the layout wants a file whose path in `content/` is `parts`,
/// taken out of the folder `parts[at]`: a page from a language's root
/// folder is a free page, under `pages/`; with `lang`, the code goes before
/// the extension (`content/pages/about.pl.md`).
fn meant_beside(parts: &[&str], at: usize, lang: Option<&str>) -> Option<String> {
    let name = *parts.last()?;
    let mut meant: Vec<&str> = parts[..at].to_vec();
    meant.extend(&parts[at + 1..]);
    let logical: PathBuf = meant.iter().collect();
    let ext = super::layout::extension(name);
    let stray = matches!(super::layout::kind(&logical), super::layout::Kind::Stray);
    if stray && ext != "yaml" && ext != "yml" {
        meant.insert(0, "pages");
    }
    let (stem, written_ext) = name.rsplit_once('.')?;
    let file = match lang {
        Some(lang) => {
            let stem = stem.strip_suffix(&format!(".{lang}")).unwrap_or(stem);
            format!("{stem}.{lang}.{written_ext}")
        }
        None => name.to_string(),
    };
    if let Some(last) = meant.last_mut() {
        *last = &file;
    }
    Some(format!("content/{}", meant.join("/")))
}

/// A Markdown or YAML file the layout ignores, in a first folder named
/// after a language as other generators keep each language's pages
/// (`content/en/about.md`, `content/pl/pages/o-nas.md`), where that is the
/// site's default language or one it is not in: the warning says how alsite
/// keeps a language's pages. (A folder of the site's other languages is an
/// error, [`in_language_folder`].)
pub fn unlisted_language_folder(
    rel: &Path,
    rel_in_content: &Path,
    languages: &[String],
) -> Option<Diagnostic> {
    let name = rel.file_name()?.to_str()?;
    let parts: Vec<&str> = rel_in_content.iter().filter_map(|p| p.to_str()).collect();
    let folder = *parts.first().filter(|_| parts.len() > 1)?;
    if !super::layout::is_text(name) || !super::language_codes::is_language_tag(folder) {
        return None;
    }
    let ignored = "the file was ignored";
    let default = languages.first()?;
    if same_code(default, folder) {
        let meant = meant_beside(&parts, 0, None)?;
        return Some(
            Diagnostic::warning(rel, format!("the folder `{folder}` is named after the site's default language, `{default}`, whose pages have no folder of their own: {ignored}"))
                .hint(format!("move it to {meant}; a translation into another language sits beside it, with the language code before the extension")),
        );
    }
    let code = folder.replace('_', "-");
    let meant = meant_beside(&parts, 0, Some(&code))?;
    let listed = languages.join(", ");
    Some(
        Diagnostic::warning(rel, format!("the folder `{folder}` is not part of the content layout, and not one of the site's languages ({listed}): {ignored}"))
            .hint(format!("if `{code}` is the language of these pages, list it in site.yaml (`languages: [{listed}, {code}]`, the default first) and keep each translation beside its original, with the language code before the extension: {meant}; other pages go in content/pages/")),
    )
}

/// The site's language a folder is named after (`pl`, `PL`, `pt_BR`).
pub fn folder_language<'a>(folder: &str, languages: &'a [String]) -> Option<&'a String> {
    languages.iter().find(|l| fold(l) == fold(folder))
}

/// A language code compared without capitals, `_` read as `-`.
fn fold(code: &str) -> String {
    code.to_ascii_lowercase().replace('_', "-")
}

/// Moves each translated file's text to its language's site, where the
/// checks of that language look for it to place their errors.
pub fn give_texts_to_their_language(site: &mut crate::model::Site) {
    if site.translations.is_empty() {
        return;
    }
    let languages = site.config.all_languages();
    for (path, text) in std::mem::take(&mut site.texts) {
        match split(&path, &languages).1 {
            0 => site.texts.insert(path, text),
            i => site.translations[i - 1].texts.insert(path, text),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A translation kept in a language's folder, at any depth, is told
    /// where the layout wants it: beside its original.
    #[test]
    fn a_file_in_a_language_folder_is_told_the_file_meant() {
        let langs = vec!["en".to_string(), "pl".to_string()];
        let cases = [
            ("pl/index.md", "content/index.pl.md"),
            ("pl/about.md", "content/pages/about.pl.md"),
            ("pl/pages/about.md", "content/pages/about.pl.md"),
            ("pages/pl/about.md", "content/pages/about.pl.md"),
            ("pages/kurs/PL/modul.md", "content/pages/kurs/modul.pl.md"),
            (
                "practice/pl/pytania.yaml",
                "content/practice/pytania.pl.yaml",
            ),
            (
                "pl/method/ground-rules.yaml",
                "content/method/ground-rules.pl.yaml",
            ),
            (
                "workshops/intro/pl/start.md",
                "content/workshops/intro/start.pl.md",
            ),
            ("pl/about.pl.md", "content/pages/about.pl.md"),
        ];
        for (path, meant) in cases {
            let rel_in_content = Path::new(path);
            let rel = Path::new("content").join(rel_in_content);
            let d = in_language_folder(&rel, rel_in_content, &langs)
                .unwrap_or_else(|| panic!("{path}: no error"));
            let hint = d.hint.clone().unwrap_or_default();
            assert!(
                hint.contains(&format!("move it to {meant} ")),
                "{path}: {hint}"
            );
        }
        for path in [
            "en/about.md",
            "pages/about.md",
            "pl/logo.png",
            "pages/plan/x.md",
        ] {
            let rel_in_content = Path::new(path);
            let rel = Path::new("content").join(rel_in_content);
            assert!(
                in_language_folder(&rel, rel_in_content, &langs).is_none(),
                "{path}"
            );
        }
    }

    /// A first folder named after a language the site is not in, or after
    /// its default language: a warning saying where alsite keeps the file.
    #[test]
    fn a_folder_of_a_language_the_site_does_not_list_is_explained() {
        let langs = vec!["en".to_string()];
        let hint = |path: &str| {
            let rel_in_content = Path::new(path);
            let rel = Path::new("content").join(rel_in_content);
            unlisted_language_folder(&rel, rel_in_content, &langs).and_then(|d| d.hint)
        };
        let pl = hint("pl/pages/o-nas.md").unwrap_or_default();
        assert!(pl.contains("`languages: [en, pl]`"), "{pl}");
        assert!(pl.contains(": content/pages/o-nas.pl.md;"), "{pl}");
        let pt = hint("pt_BR/practice/p.yaml").unwrap_or_default();
        assert!(pt.contains(": content/practice/p.pt-BR.yaml;"), "{pt}");
        let en = hint("EN/index.md").unwrap_or_default();
        assert!(en.starts_with("move it to content/index.md;"), "{en}");
        for other in ["pl/logo.png", "team/x.md", "uk-offices/x.md", "x.md"] {
            assert_eq!(hint(other), None, "{other}");
        }
    }

    #[test]
    fn the_code_before_the_extension_names_the_language() {
        let langs = vec!["pl".to_string(), "en".to_string()];
        let cases = [
            ("pages/about.md", "pages/about.md", 0),
            ("pages/about.en.md", "pages/about.md", 1),
            ("pages/about.pl.md", "pages/about.md", 0),
            (
                "workshops/x/workshop.en.yaml",
                "workshops/x/workshop.yaml",
                1,
            ),
            ("index.en.md", "index.md", 1),
            ("pages/notes.v2.md", "pages/notes.v2.md", 0),
            ("pages/about.de.md", "pages/about.de.md", 0),
            ("images/en.png", "images/en.png", 0),
        ];
        for (file, logical, lang) in cases {
            assert_eq!(
                split(Path::new(file), &langs),
                (PathBuf::from(logical), lang),
                "{file}"
            );
        }
        assert_eq!(
            unknown_code(Path::new("pages/about.de.md"), &langs),
            Some("de".into())
        );
        assert_eq!(unknown_code(Path::new("pages/about.en.md"), &langs), None);
        assert_eq!(unknown_code(Path::new("pages/notes.v2.md"), &langs), None);
        assert_eq!(unknown_code(Path::new("pages/about.md"), &langs), None);
    }

    #[test]
    fn a_site_language_written_another_way_is_named_with_the_file_meant() {
        let langs = vec!["pl".to_string(), "en".to_string(), "pt-BR".to_string()];
        let meant = |file: &str| {
            miswritten_code(Path::new(file), &langs)
                .map(|(code, lang, name)| format!("{code} {lang} {name}"))
        };
        assert_eq!(
            meant("pages/o-nas.EN.md").as_deref(),
            Some("EN en o-nas.en.md")
        );
        assert_eq!(
            meant("method/ground-rules.Pl.yaml").as_deref(),
            Some("Pl pl ground-rules.pl.yaml")
        );
        assert_eq!(
            meant("pages/o-nas.pt_br.md").as_deref(),
            Some("pt_br pt-BR o-nas.pt-BR.md")
        );
        assert_eq!(
            meant("pages/o-nas.en-GB.md").as_deref(),
            Some("en-GB en o-nas.en.md")
        );
        assert_eq!(
            meant("pages/o-nas.en_gb.md").as_deref(),
            Some("en_gb en o-nas.en.md")
        );
        // A three-letter code, as `eng` is English's.
        assert_eq!(
            meant("pages/o-nas.eng.md").as_deref(),
            Some("eng en o-nas.en.md")
        );
        assert_eq!(
            meant("practice/pytania.POL.yaml").as_deref(),
            Some("POL pl pytania.pl.yaml")
        );
        for fine in [
            "pages/o-nas.en.md",
            "pages/o-nas.pt-BR.md",
            "pages/notes.v2.md",
            "pages/plan.en-draft.md",
            "pages/EN.md",
            "pages/o-nas.DE.md",
            "pages/o-nas.deu.md",
        ] {
            assert_eq!(meant(fine), None, "{fine}");
        }
    }
}
