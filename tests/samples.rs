//! The bundled sample sites, as `alsite new` writes them and as this
//! repository builds: every page with its key text, every link resolving,
//! each language's sample in its language, translations beside their
//! originals.

mod common;

use common::{alsite, copy_tree, text, TempDir};
use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn build_sample() -> (TempDir, PathBuf) {
    let dir = TempDir::new("sample");
    let out_dir = dir.0.join("site");
    let out = alsite(
        &["build", "--root", REPO, "--out", out_dir.to_str().unwrap()],
        Path::new(REPO),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("0 warnings"),
        "{}",
        text(&out.stdout)
    );
    (dir, out_dir)
}

#[test]
fn sample_site_has_every_page_with_its_key_text() {
    let (_dir, out) = build_sample();
    let read = |p: &str| fs::read_to_string(out.join(p)).unwrap_or_else(|_| panic!("{p} missing"));
    let home = read("index.html");
    for link in [
        "action-learning.html",
        "ground-rules.html",
        "components.html",
        "about.html",
    ] {
        assert!(
            home.contains(&format!("href=\"{link}\"")),
            "home links {link}"
        );
    }
    assert!(home.contains("Northbridge Action Learning"));
    assert!(home.contains(r#"<a href="index.html" aria-current="page">Home</a>"#));

    let rules = read("ground-rules.html");
    assert_eq!(rules.matches(r#"<li class="rule""#).count(), 2);
    assert!(rules.contains("Statements only in response to questions"));
    assert!(rules.contains("Keeps the rule") && rules.contains("Breaks the rule"));
    assert!(rules.contains(r#"aria-current="page">Ground rules</a>"#));
    // YAML text is escaped: the quotes in examples stay text.
    assert!(rules.contains("Don&#39;t you think the managers are the real problem?"));

    let components = read("components.html");
    assert_eq!(components.matches(r#"<li class="component""#).count(), 6);
    assert_eq!(
        components
            .matches(r##"<a class="cycle-node" href="#"##)
            .count(),
        6
    );
    for id in [
        "problem",
        "group",
        "questioning",
        "action",
        "learning",
        "coach",
    ] {
        assert!(
            components.contains(&format!(r##"href="#{id}""##)),
            "diagram links #{id}"
        );
        assert!(
            components.contains(&format!(r#"id="{id}""#)),
            "section #{id}"
        );
    }

    let al = read("action-learning.html");
    for text in [
        "L = P + Q",
        "puzzle",
        "Individuals",
        "Teams",
        "Organizations",
        "Problem presenter",
        "<table>",
    ] {
        assert!(al.contains(text), "action-learning.html has {text}");
    }
    assert!(read("about.html").contains(r#"id="contact""#));

    let practice = read("practice/index.html");
    for set in [
        "open-questions",
        "naming-question-types",
        "coach-questions",
        "session-flow",
    ] {
        assert!(
            practice.contains(&format!("href=\"{set}.html\"")),
            "practice index links {set}"
        );
    }
    assert!(read("practice/open-questions.html").contains("You should take this to HR."));
    let sessions = read("sessions/index.html");
    assert!(
        sessions.contains("The rota tool nobody uses")
            && sessions.contains("Onboarding that takes too long")
    );
    let session = read("sessions/rota-tool.html");
    assert!(session.contains("What the coach is thinking"));
    assert!(session.contains("This breaks a ground rule."));
    assert!(
        home.contains("href=\"practice/index.html\"")
            && home.contains("href=\"sessions/index.html\"")
    );
    // The three sample workshops: two full days, a half day, a 90-minute evening.
    let foundations = read("workshops/foundations/index.html");
    assert!(
        foundations.contains("Day 1: 09:00–17:00") && foundations.contains("Day 2: 09:00–16:15")
    );
    // A workshop of one day does not number it, nor name it in a module's time.
    assert!(read("workshops/intro-training/index.html").contains("Programme: 09:00–12:30"));
    assert!(read("workshops/demo-event/index.html").contains("Programme: 17:30–19:00"));
    let module = read("workshops/intro-training/asking-questions.html");
    assert!(
        module.contains("<p class=\"lede\">09:45–10:30 ·"),
        "{module}"
    );
    assert!(!module.contains("Day 1"));
    assert!(read("workshops/foundations/facilitator.html").contains("Materials checklist"));
    assert!(out.join("static/style.css").is_file());
}

#[test]
fn every_link_in_the_sample_site_resolves() {
    let (_dir, out) = build_sample();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = fs::read_to_string(path).unwrap();
        let page = path
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for url in alsite::check::attributes(&html, "href")
            .into_iter()
            .chain(alsite::check::attributes(&html, "src"))
        {
            assert!(
                !url.starts_with('/'),
                "{page}: root-absolute URL {url} breaks under a sub-path"
            );
            if url.starts_with("https:")
                || url.starts_with("mailto:")
                || url.starts_with("http:")
                || url.starts_with("tel:")
            {
                continue;
            }
            let (file, fragment) = url
                .split_once('#')
                .map_or((url, None), |(f, a)| (f, Some(a)));
            // A static file's `?v=` fingerprint is no part of its name.
            let file = file.split('?').next().unwrap_or(file);
            let target = if file.is_empty() {
                path.to_path_buf()
            } else {
                path.parent().unwrap().join(file)
            };
            assert!(target.is_file(), "{page}: {url} does not resolve to a file");
            if let Some(id) = fragment {
                let target_html = fs::read_to_string(&target).unwrap();
                assert!(
                    target_html.contains(&format!("id=\"{id}\"")),
                    "{page}: {url} has no #{id}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn new_site_builds_with_no_repository_around() {
    let dir = TempDir::new("new");
    let out = alsite(&["new", "my-site"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.0.join("my-site");
    assert!(
        site.join("site.yaml").is_file() && site.join("content/method/components.yaml").is_file()
    );
    let out = alsite(&["build"], &site);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(site.join("public/components.html").is_file());
    // Never over an existing folder with files in it.
    let again = alsite(&["new", "my-site"], &dir.0);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("folder exists and is not empty"));
    // Nor over a file, which is named as one.
    let on_file = alsite(&["new", "my-site/site.yaml"], &dir.0);
    assert_eq!(on_file.status.code(), Some(1));
    let stderr = text(&on_file.stderr);
    assert!(
        stderr.contains("my-site/site.yaml: error: this is a file, not a folder"),
        "{stderr}"
    );
    assert!(site.join("site.yaml").is_file());
    // A link to a folder that is not there is named so ("something of that
    // name is already there", at a file inside it, was all it said).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("gone/away", dir.0.join("linked")).unwrap();
        let linked = alsite(&["new", "linked"], &dir.0);
        assert_eq!(linked.status.code(), Some(1));
        let stderr = text(&linked.stderr);
        assert!(
            stderr.contains("linked: error: this is a link to gone/away, which does not exist"),
            "{stderr}"
        );
    }
    // `strings` where `i18n` is a file names that file.
    fs::remove_dir_all(site.join("i18n")).ok();
    fs::write(site.join("i18n"), "notes").unwrap();
    let strings = alsite(&["strings", "de"], &site);
    assert_eq!(strings.status.code(), Some(1));
    let stderr = text(&strings.stderr);
    assert!(
        stderr
            .contains("i18n: error: `i18n` is a file, but the strings go in a folder of that name"),
        "{stderr}"
    );
}

#[test]
fn new_sites_next_step_can_be_pasted_into_a_shell_whatever_the_folder_name() {
    let dir = TempDir::new("new-names");
    for name in [
        "Szkolenie AL #1",
        "O'Brien (kurs)",
        "plain-name",
        "-kurs",
        "--",
    ] {
        let out = alsite(&["new", "--", name], &dir.0);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let said = text(&out.stdout);
        let (first, then) = said.split_once('\n').expect("two lines");
        assert_eq!(
            then.trim_end(),
            "(a preview that reloads on every save; `alsite build` writes the site to public/)"
        );
        let next = first.split("; next: ").nth(1).expect("a next step");
        if name == "plain-name" {
            assert_eq!(next, "cd plain-name && alsite serve --open");
        }
        // The line as a shell runs it, with a check in place of the preview.
        let line = next.replace("&& alsite serve --open", "&& test -f site.yaml");
        let run = std::process::Command::new("sh")
            .args(["-c", &line])
            .current_dir(&dir.0)
            .output()
            .unwrap();
        assert!(run.status.success(), "{name}: `{next}` fails in sh");
    }
}

#[test]
fn new_polish_site_builds_in_polish() {
    let dir = TempDir::new("new-pl");
    let out = alsite(&["new", "strona", "--language", "pl"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.0.join("strona");
    let out = alsite(&["build"], &site);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(", 0 warnings"),
        "{}",
        text(&out.stdout)
    );
    let home = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(home.contains(r#"<html lang="pl""#), "{home}");
    // A one-letter word is bound to the next by a no-break space.
    assert!(home.contains("Action Learning w\u{a0}praktyce"), "{home}");
    let rules = fs::read_to_string(site.join("public/ground-rules.html")).unwrap();
    assert!(rules.contains("Wypowiadamy się tylko w\u{a0}odpowiedzi na pytanie"));
    // So is what a practice item shows once answered (its data, for the script).
    let practice = fs::read_to_string(site.join("public/practice/open-questions.html")).unwrap();
    let data = script_data(&practice, "practice-data");
    assert!(
        data.contains("Pytanie o\u{a0}wsparcie") && data.contains("Kto jeszcze w\u{a0}firmie"),
        "{data}"
    );
    // And what a demo session's pause shows once answered (its own data).
    let session =
        fs::read_to_string(site.join("public/sessions/decyzje-kierownikow.html")).unwrap();
    let pauses = script_data(&session, "pause-data");
    assert!(
        pauses.contains("a\u{a0}to nigdy nie jest") && pauses.contains("\"correct\":true"),
        "{pauses}"
    );
    // The session's card names the presenter as the session does, by her
    // `label: prezenterka`; the coach, with no label, by the theme's word.
    let index = fs::read_to_string(site.join("public/sessions/index.html")).unwrap();
    assert!(
        index.contains("Coach: Ewa · Prezenterka: Katarzyna · 5\u{a0}uczestników"),
        "{index}"
    );
    // Its steps, as the player counts them, and of them the pauses, in
    // Polish plurals.
    assert!(
        index.contains(" · 99\u{a0}kroków, w\u{a0}tym\u{a0}4\u{a0}pauzy · "),
        "{index}"
    );
    for page in [
        "sessions/decyzje-kierownikow.html",
        "practice/open-questions.html",
        "practice/coach-questions.html",
        "workshops/intro-training/index.html",
        "workshops/intro-training/handout.html",
        "about.html",
        "action-learning.html",
        "components.html",
    ] {
        assert!(site.join("public").join(page).is_file(), "{page}");
    }
    // The Polish sample passes the strictest check as it is shipped.
    let strict = alsite(&["check", "--strict"], &site);
    assert!(strict.status.success(), "{}", text(&strict.stderr));
}

#[test]
fn new_two_language_site_puts_translations_beside_their_originals() {
    let dir = TempDir::new("new-pl-en");
    let out = alsite(&["new", "site", "--language", "pl,en"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let site = dir.0.join("site");
    let read = |p: &str| fs::read_to_string(site.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let config = read("site.yaml");
    assert!(config.contains("\nlanguages: [pl, en]"), "{config}");
    assert!(
        config.contains("translations:\n  en:\n    title: Action Learning in Practice\n"),
        "{config}"
    );
    assert!(
        !config.contains("\nlanguage:") && !config.contains("\nnav:"),
        "{config}"
    );
    assert!(
        config.contains("title: Action Learning w praktyce"),
        "{config}"
    );
    // Polish files as they are, English ones beside them with `.en`.
    assert!(read("content/pages/about.md").contains("O Pracowni Pytań"));
    assert!(read("content/pages/about.en.md").contains("About Pracownia Pytań"));
    assert!(read("content/index.en.md").contains("title: Action Learning in Practice"));
    assert!(read("content/method/ground-rules.en.yaml").contains("The two ground rules"));
    assert!(read("content/practice/question-types.en.yaml").contains("name: Open"));
    assert!(read("content/practice/open-questions.en.yaml").contains("From statements"));
    assert!(read("content/workshops/intro-training/workshop.en.yaml")
        .contains("Introduction to Action Learning"));
    assert!(read("content/workshops/intro-training/live-session.en.md").contains("A live session"));
    assert!(read("content/sessions/decyzje-kierownikow.yaml").contains("Katarzyna"));
    // The Polish-only demo session gets its English translation from samples/translations/en.
    assert!(read("content/sessions/decyzje-kierownikow.en.yaml")
        .contains("title: Every decision goes through my desk"));
    // English pages with no Polish original, and the per-language word lists, are not copied.
    for absent in [
        "content/sessions/rota-tool.en.yaml",
        "content/sessions/rota-tool.yaml",
        "content/workshops/foundations",
        "content/practice/question-rules.en.yaml",
        "site.en.yaml",
    ] {
        assert!(!site.join(absent).exists(), "{absent}");
    }
    assert!(site.join("content/practice/question-rules.yaml").is_file());
}

#[test]
fn new_two_language_site_is_one_organization_in_both_languages() {
    // The translated side of `new --language pl,en` (and `en,pl`) is the
    // default sample in the other language: the organization the footer
    // names, its e-mail and phone, its prices and its workshops, not the
    // other sample's firm.
    let cases = [
        (
            "pl,en",
            "en",
            &[
                "Northbridge",
                "northbridge",
                "+44",
                "£",
                "Foundations workshop",
            ][..],
            [
                "About Pracownia Pytań",
                "mailto:kontakt@pracowniapytan.example",
                "+48 12 300 40 50",
            ],
        ),
        (
            "en,pl",
            "pl",
            &["Pracowni", "pracowniapytan", "+48"][..],
            [
                "O Northbridge Action Learning",
                "mailto:hello@northbridge.example",
                "+44 20 7946 0000",
            ],
        ),
    ];
    for (langs, lang, others, own) in cases {
        let dir = TempDir::new("new-two-languages-organization");
        let out = alsite(&["new", "site", "--language", langs], &dir.0);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let site = dir.0.join("site");
        let built = alsite(&["build"], &site);
        assert!(built.status.success(), "{}", text(&built.stderr));
        let mut pages = Vec::new();
        html_files(&site.join("public").join(lang), &mut pages);
        assert!(pages.len() > 20, "{pages:?}");
        for page in &pages {
            let html = fs::read_to_string(page).unwrap();
            for other in others {
                assert!(
                    !html.contains(other),
                    "{langs}: {}: {other}",
                    page.display()
                );
            }
        }
        let about = fs::read_to_string(site.join("public").join(lang).join("about.html")).unwrap();
        for words in own {
            assert!(about.contains(words), "{langs}: {words}");
        }
    }
    let dir = TempDir::new("new-pl-en-words");
    alsite(&["new", "site", "--language", "pl,en"], &dir.0);
    let built = alsite(&["build"], &dir.0.join("site"));
    assert!(
        text(&built.stdout).contains("0 warnings"),
        "{}",
        text(&built.stdout)
    );
    let read = |p: &str| fs::read_to_string(dir.0.join("site/public").join(p)).unwrap();
    assert!(read("en/index.html").contains("half-day intro"));
    assert!(read("en/offers.html").contains("zł"));
    // A price never parts across two lines ("9 / 800 zł").
    assert!(
        read("offers.html").contains("Od 9\u{a0}800\u{a0}zł za grupę"),
        "{}",
        read("offers.html")
    );
}

/// Every `.html` file under `dir`.
fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn new_with_an_unknown_language_lists_the_samples() {
    let dir = TempDir::new("new-de");
    for lang in ["de", "pl,de", "pl,pl"] {
        let out = alsite(&["new", "site", "--language", lang], &dir.0);
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let err = text(&out.stderr);
        assert!(err.contains("available: en, pl"), "{err}");
        assert!(!dir.0.join("site").exists());
    }
    let err = text(&alsite(&["new", "site", "--language", "de"], &dir.0).stderr);
    assert!(err.contains("no sample site in \"de\""), "{err}");
}

#[test]
fn english_translations_of_polish_only_files_pass_the_checks() {
    // Laid over the English sample, as the two-language site will read them.
    let site = TempDir::new("translations-en");
    fs::copy(Path::new(REPO).join("site.yaml"), site.path("site.yaml")).unwrap();
    copy_tree(&Path::new(REPO).join("content"), &site.path("content"));
    copy_tree(
        &Path::new(REPO).join("samples/translations/en/content"),
        &site.path("content"),
    );
    let out = alsite(&["check", "--strict"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = alsite(&["build"], &site.0);
    let session = fs::read_to_string(site.path("public/sessions/decyzje-kierownikow.html"));
    assert!(session
        .unwrap()
        .contains("Every decision goes through my desk"));
    assert!(out.status.success());
}

#[test]
fn polish_translations_of_english_sample_files_pass_the_checks() {
    // Laid over the Polish sample, as the Polish side of `en,pl` reads them.
    let site = TempDir::new("translations-pl");
    let pl = Path::new(REPO).join("samples/pl");
    fs::copy(pl.join("site.yaml"), site.path("site.yaml")).unwrap();
    copy_tree(&pl.join("content"), &site.path("content"));
    copy_tree(
        &Path::new(REPO).join("samples/translations/pl/content"),
        &site.path("content"),
    );
    let out = alsite(&["check", "--strict"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn the_polish_sample_carries_the_same_checker_word_lists() {
    // One file holds every language's lists; both samples must ship all of them.
    let en = fs::read_to_string(Path::new(REPO).join("content/practice/question-rules.yaml"));
    let pl =
        fs::read_to_string(Path::new(REPO).join("samples/pl/content/practice/question-rules.yaml"));
    assert_eq!(
        en.unwrap(),
        pl.unwrap(),
        "copy content/practice/question-rules.yaml to samples/pl/content/practice/"
    );
}

/// The text of the page's `<script id="{id}">`: the data its script reads.
fn script_data<'a>(page: &'a str, id: &str) -> &'a str {
    page.split_once(&format!(r#"id="{id}">"#))
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(data, _)| data)
        .unwrap_or_default()
}

/// A person's role in their own form: the Polish demo session calls
/// Katarzyna `prezenterka` and Magda `uczestniczka` (their `label:`), and a
/// man with none the theme's `uczestnik`; its English translation, which
/// gives none, the theme's English words.
#[test]
fn a_demo_sessions_people_are_named_by_their_own_role_words() {
    let dir = TempDir::new("roles");
    assert!(alsite(&["new", "site", "--language", "pl,en"], &dir.0)
        .status
        .success());
    let built = alsite(&["build", "--root", "site"], &dir.0);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let public = dir.0.join("site/public");
    let roles = |page: &str, name: &str| -> Vec<String> {
        let html = fs::read_to_string(public.join(page)).unwrap();
        let at = format!(r#"<span class="name">{name}</span> <span class="role">"#);
        let mut words: Vec<String> = html
            .split(&at)
            .skip(1)
            .map(|rest| rest.split('<').next().unwrap_or("").to_string())
            .collect();
        words.dedup();
        words
    };
    let pl = "sessions/decyzje-kierownikow.html";
    assert_eq!(roles(pl, "Katarzyna"), ["prezenterka"]);
    assert_eq!(roles(pl, "Magda"), ["uczestniczka"]);
    assert_eq!(roles(pl, "Piotr"), ["uczestnik"]);
    let en = "en/sessions/decyzje-kierownikow.html";
    assert_eq!(roles(en, "Katarzyna"), ["presenter"]);
    assert_eq!(roles(en, "Magda"), ["member"]);
}
