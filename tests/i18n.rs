//! UI strings in language files: a Polish site shows no English UI string,
//! a site overrides and adds strings, a missing key is a warning (an error
//! with `check --strict`), and a key no language has stops the build.

mod common;

use common::{alsite, text, TempDir};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

use common::{build_site as build, test_site as fixture};

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

/// Every text value of a language's strings files (`<lang>.yaml` and
/// `<part>.<lang>.yaml`), flattened.
fn values(lang: &str) -> Vec<String> {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::String(s) => out.push(s.clone()),
            serde_yaml::Value::Mapping(m) => m.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(Path::new(REPO).join("themes/default/i18n")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == format!("{lang}.yaml") || name.ends_with(&format!(".{lang}.yaml")) {
            let text = fs::read_to_string(&path).unwrap();
            walk(&serde_yaml::from_str(&text).unwrap(), &mut out);
        }
    }
    assert!(out.len() > 150, "{lang}: {} strings", out.len());
    out
}

/// The literal pieces of English UI strings (placeholders cut out) that a
/// Polish page must not show: at least four characters, and not the same
/// in Polish (such as "Start" or "Action Learning").
fn english_fragments() -> BTreeSet<String> {
    let polish = values("pl").join("\n");
    let mut fragments = BTreeSet::new();
    for value in values("en") {
        let mut rest = value.as_str();
        let mut pieces = Vec::new();
        while let Some(open) = rest.find('{') {
            pieces.push(&rest[..open]);
            rest = rest[open..].find('}').map_or("", |c| &rest[open + c + 1..]);
        }
        pieces.push(rest);
        for piece in pieces {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 4 && !contains_word(&polish, piece) {
                fragments.insert(piece.to_string());
            }
        }
    }
    fragments
}

/// True when `needle` occurs in `hay` with no letter or digit right before or after it.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a reader sees or hears of a page: its text outside scripts and
/// styles, the labels of its attributes, and the strings handed to its
/// scripts in the embedded `alsite-i18n` JSON.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        let tag = &rest[lt..tag_end];
        for attr in [
            "aria-label=\"",
            "title=\"",
            "alt=\"",
            "placeholder=\"",
            "content=\"",
        ] {
            if let Some(i) = tag.find(attr) {
                let v = &tag[i + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        rest = &rest[tag_end..];
        // An element marked as another language (a switcher link) is not UI text.
        if tag.contains(" lang=\"") && !tag.starts_with("<html") && !tag.contains(" lang=\"pl\"") {
            let name: String = tag[1..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let end = rest.find(&format!("</{name}>")).unwrap_or(0);
            rest = &rest[end..];
        }
        for skipped in ["script", "style"] {
            if tag.starts_with(&format!("<{skipped}")) {
                let close = format!("</{skipped}>");
                let end = rest.find(&close).unwrap_or(rest.len());
                if tag.contains("id=\"alsite-i18n\"") {
                    let json: serde_json::Value = serde_json::from_str(&rest[..end]).unwrap();
                    collect_json_strings(&json, &mut out);
                }
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

fn collect_json_strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Object(m) => m.values().for_each(|v| collect_json_strings(v, out)),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_json_strings(v, out)),
        _ => {}
    }
}

fn pages(out: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// Fails with every English UI string shown on a Polish page of the built
/// site at `out` (pages under `en/` are the English version and are skipped).
fn assert_no_english_ui(out: &Path, min_pages: usize) {
    let fragments = english_fragments();
    assert!(fragments.contains("Transcript so far") && fragments.contains("Time is up"));
    let pages: Vec<_> = pages(out)
        .into_iter()
        .filter(|(p, _)| !p.starts_with("en/"))
        .collect();
    assert!(pages.len() >= min_pages, "{} pages", pages.len());
    let mut found = Vec::new();
    for (path, html) in &pages {
        assert!(
            html.contains("<html lang=\"pl\""),
            "{path} is not marked as Polish"
        );
        let seen = visible_text(html);
        for f in &fragments {
            if contains_word(&seen, f) {
                found.push(format!("{path}: “{f}”"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English UI strings on Polish pages:\n{}",
        found.join("\n")
    );
}

/// Every order of the bundled languages makes a site that builds: with
/// English first, the Polish workshop's demo session (only the Polish
/// sample has one) comes with its English original.
#[test]
fn every_order_of_the_sample_languages_builds() {
    for langs in ["en,pl", "pl,en"] {
        let dir = TempDir::new("sample-order");
        let site = dir.path("site");
        let o = alsite(
            &["new", site.to_str().unwrap(), "--language", langs],
            &dir.0,
        );
        assert!(o.status.success(), "{langs}: {}", text(&o.stderr));
        let o = alsite(&["build"], &site);
        assert!(o.status.success(), "{langs}: {}", text(&o.stderr));
        let stderr = text(&o.stderr);
        assert!(!stderr.contains("error:"), "{langs}: {stderr}");
        let session = site.join("public/sessions/decyzje-kierownikow.html");
        assert!(
            session.is_file(),
            "{langs}: the demo session in the default language"
        );
        let translated = if langs == "en,pl" {
            "public/pl/sessions/decyzje-kierownikow.html"
        } else {
            "public/en/sessions/decyzje-kierownikow.html"
        };
        let page = std::fs::read_to_string(site.join(translated)).unwrap();
        assert!(
            page.contains("class=\"turn"),
            "{langs}: the translated session has its turns"
        );
    }
}

#[test]
fn the_polish_samples_show_no_english_ui_string() {
    for (name, langs, pages) in [("sample-pl", "pl", 18), ("sample-pl-en", "pl,en", 18)] {
        let dir = TempDir::new(name);
        let site = dir.path("site");
        let o = alsite(
            &["new", site.to_str().unwrap(), "--language", langs],
            &dir.0,
        );
        assert!(o.status.success(), "{}", text(&o.stderr));
        let out = dir.path("public");
        let o = alsite(&["build", "--out", out.to_str().unwrap()], &site);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert_no_english_ui(&out, pages);
    }
}

#[test]
fn a_polish_site_shows_no_english_ui_string() {
    let site = fixture("polish");
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("0 warnings"),
        "{}",
        text(&o.stdout)
    );
    assert_no_english_ui(&out, 12);
    let fragments = english_fragments();
    // The scripts themselves carry no English words: they take every
    // string from the page (question-check.js keeps an English fallback for Node).
    for script in [
        "practice.js",
        "session.js",
        "timer.js",
        "i18n.js",
        "confirm.js",
    ] {
        let js: String = fs::read_to_string(out.join("static").join(script))
            .unwrap()
            .lines()
            .filter(|l| {
                !["/*", "*", "//"]
                    .iter()
                    .any(|c| l.trim_start().starts_with(c))
            })
            .collect();
        for f in fragments.iter().filter(|f| f.contains(' ')) {
            assert!(!js.contains(f.as_str()), "{script} has “{f}”");
        }
    }
}

#[test]
fn polish_pages_use_polish_plurals_and_clock_times() {
    let site = fixture("polish");
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let sessions = fs::read_to_string(out.join("sessions/index.html")).unwrap();
    assert!(
        // A length of time and a count are each one unit: "60 minut" or
        // "2 etapy" never parts at a line's end.
        sessions.contains("60\u{a0}minut · 2\u{a0}etapy · 9\u{a0}wypowiedzi"),
        "{sessions}"
    );
    assert!(sessions.contains("4\u{a0}uczestników"), "{sessions}");
    let agenda = fs::read_to_string(out.join("workshops/podstawy/index.html")).unwrap();
    assert!(
        // "o" is bound to the time after it by a no-break space (Polish line breaking).
        agenda.contains("Początek o\u{a0}9:00, koniec o\u{a0}<strong>11:02</strong>"),
        "{agenda}"
    );
    let practice = fs::read_to_string(out.join("practice/index.html")).unwrap();
    assert!(practice.contains("4\u{a0}ćwiczenia ("), "{practice}");
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
            "i18n/checker.cs.yaml: warning: 17 UI strings are missing; the English ones are used"
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
