//! A site's own strings files: they override and add strings, a missing key
//! is a warning (an error with `check --strict`), a key no language has
//! stops the build, and they are read as content files are: one saved as
//! "Unicode" (UTF-16 with a byte-order mark) by Notepad counts, not skipped
//! in silence; an empty one changes no word.

mod common;

use common::{alsite, build_site as build, test_site as fixture, text, TempDir};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// `text` as Notepad saves "Unicode": UTF-16, little end first, with a mark.
fn utf16(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

#[test]
fn strings_and_templates_saved_as_utf16_are_used() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    let strings = "player:\n  next: Naprzód →\nextra:\n  motto: Pytaj śmiało\n";
    fs::write(site.path("i18n/pl.yaml"), utf16(strings)).unwrap();
    fs::create_dir_all(site.path("themes/default/templates")).unwrap();
    let base =
        fs::read_to_string(Path::new(REPO).join("themes/default/templates/home.html")).unwrap();
    let home = base.replace(
        "{% block main %}",
        "{% block main %}<p class=\"motto\">{{ t(\"extra.motto\") }}</p>",
    );
    fs::write(
        site.path("themes/default/templates/home.html"),
        utf16(&home),
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">Naprzód →</button>"),
        "the override shows"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<p class=\"motto\">Pytaj śmiało</p>"),
        "the template and its added key are used"
    );
}

#[test]
fn an_empty_strings_file_changes_no_word() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(site.path("i18n/pl.yaml"), "").unwrap();
    fs::write(site.path("i18n/en.yaml"), "# nothing changed yet\n").unwrap();
    fs::write(site.path("i18n/checker.pl.yaml"), "---\n").unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains(" 0 warnings"),
        "{}",
        text(&o.stdout)
    );
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">← Wstecz</button>"),
        "the theme's words stay"
    );
}

/// The Polish test site with `language:` set to `lang`.
fn polish_site_in(lang: &str) -> TempDir {
    let site = fixture("polish");
    set_language(&site, lang);
    site
}

/// Sets the site's `language:` (the test sites say `pl`) to `lang`.
fn set_language(site: &TempDir, lang: &str) {
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        yaml.replace("language: pl", &format!("language: {lang}")),
    )
    .unwrap();
}
#[test]
fn a_site_overrides_and_adds_strings() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(
        site.path("i18n/pl.yaml"),
        "player:\n  next: Naprzód →\nextra:\n  motto: Pytaj śmiało\n",
    )
    .unwrap();
    fs::create_dir_all(site.path("themes/default/templates")).unwrap();
    let base =
        fs::read_to_string(Path::new(REPO).join("themes/default/templates/home.html")).unwrap();
    fs::write(
        site.path("themes/default/templates/home.html"),
        base.replace(
            "{% block main %}",
            "{% block main %}<p class=\"motto\">{{ t(\"extra.motto\") }}</p>",
        ),
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("0 warnings"),
        "{}",
        text(&o.stdout)
    );
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">Naprzód →</button>"),
        "the override shows"
    );
    assert!(
        session.contains(">← Wstecz</button>"),
        "other keys keep the theme's Polish"
    );
    assert!(
        session.contains("\"player.next\":\"Naprzód →\""),
        "scripts get the override too"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<p class=\"motto\">Pytaj śmiało</p>"),
        "an added key works"
    );
}

#[test]
fn a_missing_key_is_a_warning_and_an_error_when_strict() {
    let site = polish_site_in("de");
    fs::create_dir_all(site.path("i18n")).unwrap();
    let mut german =
        fs::read_to_string(Path::new(REPO).join("themes/default/i18n/en.yaml")).unwrap();
    german = german.replace("  next: Next →\n", "").replace(
        "  transcript: Transcript so far",
        "  transcript: Bisheriges Gespräch",
    );
    fs::write(site.path("i18n/de.yaml"), german).unwrap();
    fs::copy(
        Path::new(REPO).join("themes/default/i18n/checker.en.yaml"),
        site.path("i18n/checker.de.yaml"),
    )
    .unwrap();
    let rules = site.path("content/practice/question-rules.yaml");
    let german_rules =
        "  de:\n    open_openers: [was, wie, wer]\n    closed_openers: [ist, hast]\n";
    fs::write(&rules, fs::read_to_string(&rules).unwrap() + german_rules).unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains(
            "i18n/de.yaml: warning: UI string `player.next` is missing; the English one is used"
        ),
        "{err}"
    );
    assert!(text(&o.stdout).contains("1 warning"), "{}", text(&o.stdout));
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">Next →</button>"),
        "falls back to English"
    );
    assert!(session.contains(">Bisheriges Gespräch</button>"));
    assert!(session.contains("<html lang=\"de\""));

    let strict = alsite(&["check", "--strict"], &site.0);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        text(&strict.stderr).contains("i18n/de.yaml: error: UI string `player.next` is missing"),
        "{}",
        text(&strict.stderr)
    );
}

/// A strings file begun from scratch lacks most keys: one warning per file
/// names them all (a whole part of the site as `timer.*`), not one warning
/// per key; `check --strict` makes it one error per file.
#[test]
fn many_missing_keys_are_one_warning_per_file() {
    let site = polish_site_in("cs");
    fs::create_dir_all(site.path("i18n")).unwrap();
    // No `language.name`: alsite knows Czech's own name, so it is not asked for.
    let czech = "player:\n  next: Dále →\n  back: ← Zpět\n";
    fs::write(site.path("i18n/cs.yaml"), czech).unwrap();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    let about_strings: Vec<&&str> = warnings.iter().filter(|l| l.starts_with("i18n/")).collect();
    assert_eq!(about_strings.len(), 2, "{err}");
    assert!(
        err.contains("i18n/cs.yaml: warning: ")
            && err.contains(" UI strings are missing; the English ones are used"),
        "{err}"
    );
    assert!(
        err.contains(
            "i18n/checker.cs.yaml: warning: 18 UI strings are missing; the English ones are used"
        ),
        "{err}"
    );
    let hint = err
        .lines()
        .find(|l| l.contains("add them to i18n/cs.yaml: "))
        .expect("the hint names the keys");
    assert!(hint.contains("`timer.*` ("), "{hint}");
    assert!(hint.contains("`player.restart`"), "{hint}");
    assert!(!hint.contains("`player.next`"), "{hint}");
    assert!(!hint.contains("language."), "{hint}");

    let strict = alsite(&["check", "--strict"], &site.0);
    assert_eq!(strict.status.code(), Some(1));
    let err = text(&strict.stderr);
    let errors = err
        .lines()
        .filter(|l| l.starts_with("i18n/") && l.contains(": error: "))
        .count();
    assert_eq!(errors, 2, "{err}");
}

#[test]
fn a_key_no_language_has_stops_the_build_at_its_template_line() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("themes/default/templates")).unwrap();
    fs::write(
        site.path("themes/default/templates/page.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ t(\"player.nexxt\") }}</p>\n{% endblock %}\n",
    )
    .unwrap();
    let (o, _) = build(&site);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("themes/default/templates/page.html:3"),
        "{err}"
    );
    // On a Polish site, the Polish file is the one to add it to; in the
    // trainer's words, not the template engine's.
    assert!(
        err.contains("error: template error: no UI string `player.nexxt` for this page's language (`pl`) nor in English"),
        "{err}"
    );
    assert!(err.contains("add it to i18n/pl.yaml"), "{err}");
    assert!(!err.contains("invalid operation"), "{err}");
    // Added to the Polish file, it builds.
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(site.path("i18n/pl.yaml"), "player:\n  nexxt: Dalej\n").unwrap();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // A site with English too: the English page asks for it in English.
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        yaml.replace("language: pl", "languages: [pl, en]"),
    )
    .unwrap();
    fs::write(
        site.path("content/pages/o-nas.en.md"),
        "---\ntitle: About us\n---\n\nWho we are.\n",
    )
    .unwrap();
    let (o, _) = build(&site);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no UI string `player.nexxt`; add it to i18n/en.yaml"),
        "{err}"
    );
}

#[test]
fn the_checker_english_fallback_matches_checker_en_yaml() {
    let js = fs::read_to_string(Path::new(REPO).join("themes/default/static/question-check.js"))
        .unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(
        &fs::read_to_string(Path::new(REPO).join("themes/default/i18n/checker.en.yaml")).unwrap(),
    )
    .unwrap();
    let checker = yaml["checker"].as_mapping().unwrap();
    for (k, v) in checker {
        let key = format!("\"checker.{}\": ", k.as_str().unwrap());
        let line = js
            .lines()
            .find(|l| l.trim_start().starts_with(&key))
            .unwrap_or_else(|| panic!("{key} missing in question-check.js"));
        let rest = line.trim_start()[key.len()..].trim_end_matches(',');
        match v {
            serde_yaml::Value::String(s) => {
                assert_eq!(serde_json::from_str::<String>(rest).unwrap(), *s, "{key}")
            }
            serde_yaml::Value::Mapping(forms) => {
                for (form, text) in forms {
                    let want = format!(
                        "{}: {}",
                        form.as_str().unwrap(),
                        serde_json::to_string(text.as_str().unwrap()).unwrap()
                    );
                    assert!(rest.contains(&want), "{key}: {rest} lacks {want}");
                }
            }
            _ => panic!("{key}"),
        }
    }
}

/// `alsite strings pl` in a site already in Polish, to change some of the
/// theme's words, is not told to set `language: pl`, which it has: the
/// next build uses the file.
#[test]
fn strings_for_a_language_the_site_has_says_the_next_build_uses_them() {
    let site = fixture("polish");
    let o = alsite(&["strings", "pl"], &site.0);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    assert!(!said.contains("language: pl"), "{said}");
    assert!(
        said.contains("pl pages use them from its next build"),
        "{said}"
    );
    // A language the site lacks is still told where to name it.
    let o = alsite(&["strings", "pl-PL"], &site.0);
    assert!(
        text(&o.stdout).contains("set `language: pl-PL`"),
        "{}",
        text(&o.stdout)
    );
}

/// `alsite strings cs` gives a trainer with only the program the files to
/// translate: every key, the forms Czech counts need, Czech's own name; a
/// site using them builds with no warning about its UI strings, and a file
/// already there is never replaced.
#[test]
fn strings_writes_a_complete_file_to_translate_and_never_replaces_one() {
    let site = fixture("polish");
    let o = alsite(&["strings", "cs"], &site.0);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("language: cs"),
        "{}",
        text(&o.stdout)
    );
    let czech = fs::read_to_string(site.path("i18n/cs.yaml")).unwrap();
    assert!(czech.contains("name: Čeština"), "{czech}");
    assert!(czech.contains("few: \"{n} minutes\""), "{czech}");
    set_language(&site, "cs");
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(!err.lines().any(|l| l.starts_with("i18n/")), "{err}");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html lang=\"cs\""), "{home}");

    // A second run changes nothing and says why.
    fs::write(site.path("i18n/cs.yaml"), "language:\n  name: Čeština\n").unwrap();
    let o = alsite(&["strings", "cs"], &site.0);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("exists already"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(
        fs::read_to_string(site.path("i18n/cs.yaml")).unwrap(),
        "language:\n  name: Čeština\n"
    );
    // A country's code is not a language's.
    let o = alsite(&["strings", "cz"], &site.0);
    assert_eq!(o.status.code(), Some(1));
    assert!(!site.path("i18n/cz.yaml").exists());
    assert!(
        text(&o.stderr).contains("Czech is `cs`"),
        "{}",
        text(&o.stderr)
    );
}

/// A key a site adds in English for its own templates, which the site's
/// Polish lacks, is asked for in the site's `i18n/pl.yaml`: never in a
/// file built into alsite, which the site does not hold.
#[test]
fn a_key_the_site_adds_is_asked_for_in_the_sites_own_file() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(site.path("i18n/en.yaml"), "extra:\n  motto: Ask freely\n").unwrap();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.lines().any(|l| {
            l
            == "i18n/pl.yaml: warning: UI string `extra.motto` is missing; the English one is used"
        }),
        "{err}"
    );
    assert!(err.contains("add `extra.motto` to i18n/pl.yaml"), "{err}");
    assert!(!err.contains("themes/default"), "{err}");
}
