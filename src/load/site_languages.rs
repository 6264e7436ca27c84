//! The languages `site.yaml` names: `language:`, `languages:` and the keys
//! of `translations:`. A code becomes a folder (`/pl/`), a part of file
//! names (`about.pl.md`) and `<html lang>`, so it must be a language code
//! (BCP 47) written the one way files and folders will use it.

use super::yaml::{locate, locate_value, Seg};
use crate::config::Config;
use crate::diagnostic::Diagnostic;

const FILE: &str = "site.yaml";

/// Why `code` cannot name a language: the message and the hint.
pub fn code_problem(code: &str) -> Option<(String, String)> {
    let plain = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let parsed = code.parse::<unic_langid::LanguageIdentifier>().ok();
    let Some(id) = parsed.filter(|_| plain && !code.is_empty()) else {
        // `language: pl, en`: a site in two languages.
        // (Split at commas and the like, not spaces: `pt br` is `pt-BR`.)
        let parts: Vec<&str> = code
            .split([',', ';', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let all_codes = parts.len() > 1 && parts.iter().all(|p| code_problem(p).is_none());
        if all_codes {
            return Some((
                format!(
                    "`{code}` names {} languages, where `language:` takes one",
                    parts.len()
                ),
                several_languages(&parts.join(", ")),
            ));
        }
        return Some((
            format!("`{code}` is not a language code"),
            super::language_codes::named(code).unwrap_or_else(|| "write a code such as `en`, `pl` or `pt-BR` (BCP 47): the language in small letters, a region after `-` in capitals".into()),
        ));
    };
    if let Some(problem) = super::language_codes::unknown_language(code, id.language.as_str()) {
        return Some(problem);
    }
    // `con` (Cofán) is a language, and its pages' folder `con/` a device.
    if let Some(device) = super::names::device(code).filter(|_| id == code) {
        return Some((
            format!("`{code}` is the code of a language, but its pages would be in a folder `{code}/`, a name Windows keeps for a device ({device})"),
            format!("add the region after `-` (`{code}-` and the country's two-letter code in capitals), a folder Windows takes; otherwise the built site could not be copied to Windows or most USB sticks"),
        ));
    }
    (id != code).then(|| (
        format!("the language code `{code}` is written `{id}`"),
        format!("write `{id}`: file names (`about.{id}.md`), the output folder and the pages' `lang` use the code exactly as written here"),
    ))
}

/// The hint for `language:` written with several codes (`codes`, as
/// `pl, en`): they go under `languages:`.
pub fn several_languages(codes: &str) -> String {
    format!("a site in several languages lists them under `languages:`, the default first: `languages: [{codes}]` (and no `language:`)")
}

/// The code `code` is meant as, when it is reported with the code to write
/// instead: written another way (`EN`, `pt_br`), a language's longer or
/// older code (`eng`, `iw`, `ang`), a country's (`cz`) or a language's name
/// (`polski`). Read as meant from there on, so the files in that language
/// are not each reported as in a language the site does not have.
fn meant(code: &str) -> Option<String> {
    // A name first: `English` would also read as a code of seven letters.
    let known = super::language_codes::meant_code(code).map(str::to_string);
    known.or_else(|| written_as(code))
}

/// The way `code` is written as a language code, when it is one written
/// another way (`EN`, `pt_br`).
fn written_as(code: &str) -> Option<String> {
    let plain = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let id = code.parse::<unic_langid::LanguageIdentifier>().ok()?;
    (plain && !code.is_empty() && id != code).then(|| id.to_string())
}

/// The languages a `site.yaml` that did not load still names (`language:`
/// and `languages:`, see [`named_languages`]), each as it is meant: so that
/// one mistake elsewhere in it (a misspelt field) does not also make every
/// translation's file name an error, "`pl` looks like a language, but the
/// site's languages are en". `("en", [])` when it names none.
pub fn salvaged(text: &str) -> (String, Vec<String>) {
    let (language, languages) = named_languages(text);
    let meant = |code: String| meant(&code).unwrap_or(code);
    let languages: Vec<String> = languages.into_iter().map(meant).collect();
    let language = languages.first().cloned().or(language.map(meant));
    (language.unwrap_or_else(|| "en".into()), languages)
}

/// The config a site whose `site.yaml` did not load is read with: the
/// languages it names (see [`salvaged`]), nothing else.
pub fn placeholder_config(site_yaml: &str) -> Config {
    let (language, languages) = salvaged(site_yaml);
    Config {
        title: String::new(),
        language,
        description: None,
        organization: crate::config::Organization {
            name: String::new(),
            email: None,
            phone: None,
            website: None,
            address: None,
        },
        theme: "default".into(),
        nav: Vec::new(),
        footer: None,
        brand: Default::default(),
        url: None,
        search: true,
        packaged: false,
        scorm: Default::default(),
        languages,
        translations: Default::default(),
    }
}

/// `language:` and `languages:` as `text` (a site.yaml) writes them, read
/// from their own lines only (and a list below one): any other line may be
/// what is broken.
fn named_languages(text: &str) -> (Option<String>, Vec<String>) {
    #[derive(serde::Deserialize)]
    struct Languages {
        language: Option<String>,
        languages: Option<Vec<String>>,
    }
    let mut keep = false;
    let lines: String = text
        .lines()
        .filter(|l| {
            if !l.starts_with([' ', '-']) {
                keep = l.starts_with("language:") || l.starts_with("languages:");
            }
            keep
        })
        .map(|l| format!("{l}\n"))
        .collect();
    match super::yaml::parse::<Languages>(std::path::Path::new(FILE), &lines, 1) {
        Ok(found) => (found.language, found.languages.unwrap_or_default()),
        Err(_) => (None, Vec::new()),
    }
}

/// Checks the languages `config` names, and makes the first of
/// `languages:` the site's language.
pub fn check(config: &mut Config, text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let said_language = text.lines().any(|l| l.starts_with("language:"));
    if said_language {
        let at = locate_value(text, &[Seg::Key("language")]);
        diags.extend(bad_code(&config.language, at));
    }
    diags.extend(listed_codes(&config.languages, text));
    // A code reported as written another way (`EN` for `en`, `eng`) is read
    // as meant from here on, so the files and translations in that language
    // are not reported again, each as a language the site does not have.
    let as_written = config.languages.clone();
    for code in config.languages.iter_mut().chain([&mut config.language]) {
        if let Some(meant) = meant(code) {
            *code = meant;
        }
    }
    // Read as meant, two entries may name one language (`[pl, polski]`).
    let mut seen = std::collections::HashSet::new();
    config.languages.retain(|code| seen.insert(code.clone()));
    // `translations:` under a code `languages:` wrote so too is read as
    // meant (one written otherwise there is a slip of its own).
    let written: Vec<String> = config.translations.keys().cloned().collect();
    for code in written.into_iter().filter(|c| as_written.contains(c)) {
        if let Some(meant) = meant(&code).filter(|m| !config.translations.contains_key(m)) {
            if let Some(t) = config.translations.remove(&code) {
                config.translations.insert(meant, t);
            }
        }
    }
    if let Some(first) = config.languages.first().cloned() {
        if said_language && config.language != first {
            let (line, column) = locate_value(text, &[Seg::Key("language")]);
            diags.push(
                Diagnostic::error(FILE, format!("`language: {}` disagrees with `languages:`, whose first entry `{first}` is the default", config.language))
                    .at(line, column)
                    .hint("remove `language:`, or put the default language first in `languages:`"),
            );
        }
        config.language = first;
    }
    diags.extend(untitled_nav(config, text));
    diags.extend(translations(config, text));
    diags
}

/// An error when `code`, written at (`line`, `column`) of site.yaml, cannot
/// name a language.
fn bad_code(code: &str, (line, column): (usize, usize)) -> Option<Diagnostic> {
    let (message, hint) = code_problem(code)?;
    Some(Diagnostic::error(FILE, message).at(line, column).hint(hint))
}

/// Each entry of `languages:` is a language code, listed once.
fn listed_codes(languages: &[String], text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, code) in languages.iter().enumerate() {
        let path = [Seg::Key("languages"), Seg::Index(i)];
        if let Some(d) = bad_code(code, locate(text, &path)) {
            diags.push(d);
        } else if languages[..i].contains(code) {
            let (line, column) = locate(text, &path);
            diags.push(
                Diagnostic::error(FILE, format!("`{code}` is listed twice in `languages:`"))
                    .at(line, column)
                    .hint("write each language once, the default first"),
            );
        }
    }
    diags
}

/// A warning for each other language the navigation has no titles in.
fn untitled_nav(config: &Config, text: &str) -> Vec<Diagnostic> {
    if config.nav.is_empty() {
        return Vec::new();
    }
    let usable = |code: &&String| code_problem(code).is_none() && **code != config.language;
    let untitled = config
        .languages
        .iter()
        .skip(1)
        .filter(usable)
        .filter(|code| {
            config
                .translations
                .get(*code)
                .is_none_or(|t| t.nav.is_empty())
        });
    untitled
        .map(|code| {
            let (line, column) = locate(text, &[Seg::Key("nav")]);
            Diagnostic::warning(FILE, format!("the navigation has no `{code}` titles, so the `{code}` pages show the titles written here"))
                .at(line, column)
                .hint(format!("add `translations: {{{code}: {{nav: [...]}}}}` with the same links and `{code}` titles"))
        })
        .collect()
}

/// `translations:` names the other languages only: the default language's
/// words are the ones at the top of site.yaml.
fn translations(config: &Config, text: &str) -> Vec<Diagnostic> {
    let languages = config.all_languages();
    let keys = config.translations.keys();
    keys.filter_map(|code| {
        let d = translation_key(code, &config.language, &languages)?;
        let (line, column) = locate(text, &[Seg::Key("translations"), Seg::Key(code)]);
        Some(d.at(line, column))
    })
    .collect()
}

/// What is wrong with `code` as a key of `translations:`, if anything.
fn translation_key(code: &String, default: &str, languages: &[String]) -> Option<Diagnostic> {
    if code != default && languages.contains(code) {
        return None;
    }
    let meant = meant(code)
        .filter(|m| languages.contains(m))
        .or_else(|| super::language::meant_language(code, languages).cloned());
    if code == default || meant.as_deref() == Some(default) {
        return Some(Diagnostic::error(
            FILE,
            match meant.as_deref() {
                Some(meant) if code != meant => format!("translations for `{code}`, which means `{meant}`, the site's default language"),
                _ => format!("translations for `{code}`, the site's default language"),
            },
        )
        .hint("the default language's words are the ones at the top of site.yaml (`title:`, `description:`, `footer:`, `nav:`): change them there and remove this entry"));
    }
    match meant {
        Some(meant) if super::language::same_code(code, &meant) => Some(Diagnostic::error(
            FILE,
            format!("the language code `{code}` is written `{meant}`"),
        )
        .hint(format!(
            "write `{meant}:`, as `languages:` has it: translations are found by the code exactly as written there"
        ))),
        Some(meant) => {
            let own = self::meant(code).unwrap_or_else(|| code.clone());
            let hint = match own == meant {
                // `English:`: the language meant, written as its name.
                true => format!("write `{meant}:`: translations are found by the language's code, as `languages:` has it"),
                false => format!("write `{meant}:` for the `{meant}` translations, or add `{own}` to `languages:` for translations of its own"),
            };
            Some(Diagnostic::error(
                FILE,
                format!("`{code}` is not one of the site's languages ({}); the nearest is `{meant}`", languages.join(", ")),
            )
            .hint(hint))
        }
        None => Some(Diagnostic::error(
            FILE,
            format!("translations for `{code}`, which is not in `languages:`"),
        )
        .hint(format!(
            "add `{}` to `languages:`, or remove its translations",
            self::meant(code).unwrap_or_else(|| code.clone())
        ))),
    }
}

/// The site's default language as site.yaml names it, read leniently (the
/// rest of the file may be broken): for the server's own pages while the
/// site does not build yet.
pub fn default_language(root: &std::path::Path) -> Option<String> {
    let text = super::files::read_utf8(root, std::path::Path::new(FILE)).ok()?;
    let (language, languages) = named_languages(&text);
    let code = languages.into_iter().next().or(language)?;
    code_problem(&code).is_none().then_some(code)
}

/// The language whose files serve `code` when it has none of its own:
/// `pt` for `pt-BR`.
pub fn primary(code: &str) -> &str {
    code.split(['-', '_']).next().unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_whose_folder_windows_keeps_for_a_device_is_refused() {
        for device in ["con", "prn", "aux", "nul"] {
            if let Some((m, _)) = code_problem(device) {
                assert!(
                    m.contains("a name Windows keeps for a device")
                        || m.contains("is not a language code"),
                    "{device}: {m}"
                );
            } else {
                panic!("{device} was taken");
            }
        }
        assert_eq!(code_problem("con-CO"), None);
    }

    #[test]
    fn codes_are_bcp47_as_written() {
        for good in ["en", "pl", "pt-BR", "zh-Hant", "fil"] {
            assert_eq!(code_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "../site",
            "/etc/passwd",
            "en\"><b>x</b>",
            "en; rm -rf",
            "e",
        ] {
            let (m, _) = code_problem(bad).unwrap();
            assert!(m.contains("is not a language code"), "{bad}: {m}");
        }
        assert_eq!(
            code_problem("PL").unwrap().0,
            "the language code `PL` is written `pl`"
        );
        assert_eq!(
            code_problem("pl-pl").unwrap().0,
            "the language code `pl-pl` is written `pl-PL`"
        );
        assert!(code_problem("pl_PL").is_some());
    }

    #[test]
    fn a_language_written_as_a_name_in_capitals_is_read_as_meant() {
        // `English` would parse as a code of seven letters, `english`.
        for (written, code) in [
            ("English", "en"),
            ("Polish", "pl"),
            ("Angielski", "en"),
            ("EN", "en"),
            ("pt_br", "pt-BR"),
        ] {
            assert_eq!(meant(written).as_deref(), Some(code), "{written}");
        }
        assert_eq!(salvaged("languages: [pl, English]\n").1, ["pl", "en"]);
    }

    #[test]
    fn the_default_language_is_read_even_when_the_rest_of_site_yaml_is_broken() {
        let dir = std::env::temp_dir().join(format!("alsite-lang-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases = [
            ("title: [broken\nlanguages: [pl, en]\n", Some("pl")),
            ("languages:\n  - en\n  - pl\ntitle: x\n", Some("en")),
            ("language: pl\n", Some("pl")),
            ("title: x\n", None),
            ("language: PL\n", None),
        ];
        for (yaml, want) in cases {
            std::fs::write(dir.join("site.yaml"), yaml).unwrap();
            assert_eq!(default_language(&dir).as_deref(), want, "{yaml}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
