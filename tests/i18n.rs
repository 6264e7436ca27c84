//! UI strings in language files: a Polish site shows no English UI string,
//! and uses Polish plurals and clock times. (A site's own strings files:
//! `i18n_files.rs`.)

mod common;

use common::{alsite, text, TempDir};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

use common::{build_site as build, test_site as fixture};

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
        sessions.contains(
            "60\u{a0}minut · 2\u{a0}etapy · 9\u{a0}kroków, w\u{a0}tym\u{a0}1\u{a0}pauza · "
        ),
        "{sessions}"
    );
    assert!(sessions.contains("4\u{a0}uczestników"), "{sessions}");
    let agenda = fs::read_to_string(out.join("workshops/podstawy/index.html")).unwrap();
    assert!(
        // "o" is bound to the time after it by a no-break space (Polish line breaking).
        agenda.contains("Początek o\u{a0}9:00, koniec o\u{a0}11:02."),
        "{agenda}"
    );
    // Teaching time, then the day with its breaks, as Polish says it (not
    // "1 h 47 min z 2 h 2 min").
    assert!(
        agenda.contains("Czas zajęć: 1\u{a0}godz.\u{a0}47\u{a0}min (razem z\u{a0}przerwami 2\u{a0}godz.\u{a0}2\u{a0}min)."),
        "{agenda}"
    );
    let practice = fs::read_to_string(out.join("practice/index.html")).unwrap();
    assert!(practice.contains("4\u{a0}ćwiczenia ("), "{practice}");
    // A coach's note goes by what the session calls its coach.
    let session = || fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(session().contains("<summary>Co myśli coach</summary>"));
    let file = site.0.join("content/sessions/grafik.yaml");
    let yaml = fs::read_to_string(&file)
        .unwrap()
        .replace(
            "{ id: coach, name: Sabina, role: coach }",
            "{ id: coach, name: Sabina, role: coach, label: coachka }",
        )
        .replace(
            "{ by: marek, answer: \"Dobrze.\" }",
            "{ by: marek, answer: \"Dobrze.\", breaks_rule: true }",
        );
    fs::write(&file, yaml).unwrap();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(session().contains("<summary>Co myśli coachka</summary>"));
    assert!(session().contains("Zobacz, co zrobi coachka."));
}
