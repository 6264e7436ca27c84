//! Which language a content file is in: a translation sits beside its
//! original with the language code before the extension (`about.pl.md`,
//! `workshop.en.yaml`); a file without a code is in the default language.

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
}
