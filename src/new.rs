//! `alsite new DIR [--language pl,en]`: writes a bundled sample site, so a
//! trainer starts from something that builds at once. One language writes
//! that language's sample as it is; several compose a translated site from
//! the samples (see [`compose`]).

use crate::diagnostic::Diagnostic;
use crate::embedded;
use std::borrow::Cow;
use std::path::Path;

type Tree = &'static [(&'static str, &'static [u8])];

/// The bundled samples, by language code.
const SAMPLES: &[(&str, Tree)] = &[("en", embedded::SAMPLE), ("pl", embedded::SAMPLE_PL)];

/// Translations, by language, of another language's sample files: of files
/// only that sample has (the Polish demo session in English), a translation
/// when the language is one and the original when it is the default; of
/// files both samples have (each sample's home, about and offers pages, and
/// `site.yaml`'s words, in the other language), used in place of the
/// language's own when it is a translation, so both languages speak of one
/// organization.
const TRANSLATIONS: &[(&str, Tree)] = &[
    ("en", embedded::TRANSLATIONS_EN),
    ("pl", embedded::TRANSLATIONS_PL),
];

/// The checker's word lists: one file with a section per language, so it is
/// never translated; the default language's copy is written.
const PER_LANGUAGE: &str = "content/practice/question-rules.yaml";

/// The language codes that have a bundled sample.
pub fn available() -> Vec<&'static str> {
    SAMPLES.iter().map(|(code, _)| *code).collect()
}

/// Reads `--language`: one code (`pl`) or several separated by commas
/// (`pl,en`, the first is the default). The error is written for the trainer.
pub fn parse_languages(value: &str) -> Result<Vec<String>, String> {
    let codes: Vec<String> = value
        .split(',')
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    let listing = || {
        format!(
            "available: {}, or several separated by commas with the default first, e.g. pl,en",
            available().join(", ")
        )
    };
    if let Some(bad) = codes.iter().find(|c| tree(c).is_none()) {
        let what = if bad.is_empty() {
            "an empty language".to_string()
        } else {
            format!("no sample site in \"{bad}\"")
        };
        return Err(format!("{what}; {}", listing()));
    }
    if let Some((_, dup)) = codes
        .iter()
        .enumerate()
        .find(|(i, c)| codes[..*i].contains(c))
    {
        return Err(format!("\"{dup}\" is listed twice; {}", listing()));
    }
    Ok(codes)
}

fn tree(code: &str) -> Option<Tree> {
    SAMPLES.iter().find(|(c, _)| *c == code).map(|(_, t)| *t)
}

/// The files of the sample for `languages` (already checked by
/// [`parse_languages`]): the default language's tree as it is; for each other
/// language, every file of its sample or its `samples/translations/` (which
/// comes first) that has a counterpart in the default tree, renamed
/// with the language before the extension (`about.en.md`,
/// `workshop.en.yaml`). Files with no counterpart are left out, and
/// `site.yaml` lists the languages.
pub fn compose(languages: &[String]) -> Vec<(String, Cow<'static, [u8]>)> {
    let default = tree(&languages[0]).expect("checked by parse_languages");
    let mut files: Vec<(String, Cow<'static, [u8]>)> = default
        .iter()
        .map(|(p, b)| (p.to_string(), Cow::Borrowed(*b)))
        .collect();
    if languages.len() == 1 {
        return files;
    }
    for lang in &languages[1..] {
        let other = tree(lang).expect("checked by parse_languages");
        let extra: Vec<_> = translations(lang).collect();
        let own = other
            .iter()
            .filter(|(p, _)| !extra.iter().any(|(e, _)| e == p));
        for (path, bytes) in own.chain(extra.iter().copied()) {
            if *path == "site.yaml" || *path == PER_LANGUAGE {
                continue;
            }
            if !default.iter().any(|(p, _)| p == path) {
                // Only this language's sample has it (the Polish demo
                // session, which the Polish workshop uses): with its
                // translation into the default language as the original.
                let Some((_, original)) = translations(&languages[0]).find(|(p, _)| p == path)
                else {
                    continue;
                };
                if !files.iter().any(|(p, _)| p == path) {
                    files.push((path.to_string(), Cow::Borrowed(*original)));
                }
            }
            files.push((translated_name(path, lang), Cow::Borrowed(*bytes)));
        }
    }
    for (path, bytes) in files.iter_mut() {
        if path == "site.yaml" {
            let text = String::from_utf8_lossy(bytes);
            let mut config = multilingual_config(&text, languages);
            config.push_str(&translations_block(&languages[1..]));
            *bytes = Cow::Owned(config.into_bytes());
        }
    }
    files
}

/// The bundled translations into `lang` of files only another language's
/// sample has.
fn translations(lang: &str) -> impl Iterator<Item = &'static (&'static str, &'static [u8])> + '_ {
    TRANSLATIONS
        .iter()
        .filter(move |(c, _)| *c == lang)
        .flat_map(|(_, t)| t.iter())
}

/// `content/pages/about.md` in `en` → `content/pages/about.en.md`.
fn translated_name(path: &str, lang: &str) -> String {
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let name = match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}.{lang}.{ext}"),
        None => format!("{name}.{lang}"),
    };
    if dir.is_empty() {
        name
    } else {
        format!("{dir}/{name}")
    }
}

/// The default language's `site.yaml` with `languages:` in place of
/// `language:`, and without its `nav:` (its labels are in one language; the
/// default navigation takes each page's title in the reader's language).
fn multilingual_config(text: &str, languages: &[String]) -> String {
    let mut out = String::new();
    let mut in_nav = false;
    for line in text.lines() {
        let top_level = !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty();
        if top_level {
            in_nav = line.starts_with("nav:");
        }
        if in_nav {
            continue;
        }
        if line.starts_with("language:") {
            out.push_str(&format!("languages: [{}]\n", languages.join(", ")));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `translations:` for site.yaml: each other language's own title,
/// description and footer, taken from its `samples/translations/` site.yaml
/// or else its sample's.
fn translations_block(others: &[String]) -> String {
    let mut out = String::from("translations:\n");
    for lang in others {
        out.push_str(&format!("  {lang}:\n"));
        let config = translations(lang)
            .chain(tree(lang).unwrap_or_default())
            .find(|(p, _)| *p == "site.yaml")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        for line in config.lines() {
            if ["title:", "description:", "footer:"]
                .iter()
                .any(|k| line.starts_with(k))
            {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}

/// Writes the sample site for `languages` into `dir`, which must be missing
/// or empty. Returns the number of files written.
pub fn new_site(dir: &Path, languages: &[String]) -> Result<usize, Diagnostic> {
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::error(dir, "this is a file, not a folder")
            .hint("give the name of a new folder for the site; alsite never overwrites files"));
    }
    if let Some(target) = crate::load::dangling_link(dir) {
        return Err(Diagnostic::error(
            dir,
            format!(
                "this is a link to {}, which does not exist",
                target.display()
            ),
        )
        .hint("make the folder it leads to first, or give the name of a new folder for the site"));
    }
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Diagnostic::error(dir, "folder exists and is not empty")
                .hint("give a new folder name; alsite never overwrites files"));
        }
    }
    let files = compose(languages);
    let targets: Vec<(std::path::PathBuf, &[u8])> = files
        .iter()
        .map(|(path, bytes)| (dir.join(path), &bytes[..]))
        .collect();
    crate::new_files::write_all_or_none(
        &targets,
        "the new site",
        Some("give `alsite new` a folder there"),
    )?;
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(v: &str) -> Vec<String> {
        parse_languages(v).unwrap()
    }

    #[test]
    fn reads_one_or_several_languages_and_rejects_the_rest() {
        assert_eq!(langs("pl"), ["pl"]);
        assert_eq!(langs("PL, en"), ["pl", "en"]);
        let err = parse_languages("de").unwrap_err();
        assert!(err.contains("no sample site in \"de\""), "{err}");
        assert!(err.contains("available: en, pl"), "{err}");
        assert!(parse_languages("pl,pl").unwrap_err().contains("twice"));
        assert!(parse_languages("pl,").unwrap_err().contains("empty"));
    }

    #[test]
    fn translations_go_beside_their_original() {
        assert_eq!(
            translated_name("content/pages/about.md", "en"),
            "content/pages/about.en.md"
        );
        assert_eq!(
            translated_name("content/workshops/intro-training/workshop.yaml", "en"),
            "content/workshops/intro-training/workshop.en.yaml"
        );
    }

    #[test]
    fn the_site_config_lists_the_languages_and_drops_the_one_language_nav() {
        let text =
            "title: T\nlanguage: pl\nnav:\n  - title: Start\n    link: index.html\nfooter: F\n";
        let out = multilingual_config(text, &langs("pl,en"));
        assert!(out.starts_with("title: T\nlanguages: [pl, en]"), "{out}");
        assert!(!out.contains("nav:") && !out.contains("Start"), "{out}");
        assert!(out.ends_with("footer: F\n"), "{out}");
    }
}
