//! Runs the real `alsite` binary on fixture folders and on the bundled sample
//! site, and checks what a user would see: output files, messages, exit codes.

mod common;

use common::{alsite, copy_tree, text, TempDir};

use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A listing of every file under `dir` with its contents, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn fixtures() -> PathBuf {
    Path::new(REPO).join("tests/fixtures")
}

/// The base fixture with `case` laid over it.
fn fixture_site(case: &str) -> TempDir {
    let dir = TempDir::new(case);
    copy_tree(&fixtures().join("base"), &dir.0);
    if case != "base" {
        copy_tree(&fixtures().join(case), &dir.0);
        let _ = fs::remove_file(dir.0.join("expected.txt"));
    }
    dir
}

#[test]
fn every_error_fixture_fails_with_its_message_place_and_hint() {
    let mut cases: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "base")
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "fixtures: {cases:?}");
    for case in cases {
        let expected = fs::read_to_string(fixtures().join(&case).join("expected.txt"))
            .unwrap_or_else(|_| panic!("{case}: expected.txt missing"));
        let site = fixture_site(&case);
        // A previous good build that a failed build must leave exactly as it was.
        let public = site.0.join("public");
        fs::create_dir_all(public.join("static")).unwrap();
        fs::write(public.join("index.html"), "previous build").unwrap();
        fs::write(public.join("static/style.css"), "old css").unwrap();
        fs::write(public.join(".alsite-output"), "built by alsite").unwrap();
        let before = snapshot(&public);

        let mut lines = expected.lines();
        let header = lines.next().unwrap();
        // A warning fixture builds (exit 0) and fails only `check --strict`.
        let warning = header.contains(": warning: ");
        let out = alsite(&["build", "--root", site.0.to_str().unwrap()], &site.0);
        let stderr = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if warning { 0 } else { 1 }),
            "{case}: exit code\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{case}: panic\n{stderr}");
        assert!(
            stderr.lines().any(|l| l == header),
            "{case}: expected the line\n  {header}\nin\n{stderr}"
        );
        for want in lines {
            assert!(
                stderr.contains(want),
                "{case}: expected {want:?} in\n{stderr}"
            );
        }
        assert!(
            stderr.contains("= hint: ") || case == "template-link",
            "{case}: no hint\n{stderr}"
        );
        if warning {
            assert!(stderr.contains("warning"), "{case}");
            let out = alsite(
                &["check", "--strict", "--root", site.0.to_str().unwrap()],
                &site.0,
            );
            assert_eq!(
                out.status.code(),
                Some(1),
                "{case}: check --strict exit code"
            );
            let strict_header = header.replace(": warning: ", ": error: ");
            assert!(
                text(&out.stderr).lines().any(|l| l == strict_header),
                "{case}: check --strict output"
            );
            continue;
        }
        assert_eq!(snapshot(&public), before, "{case}: previous output changed");
        let leftovers: Vec<_> = fs::read_dir(&site.0)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("alsite-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "{case}: temporary folders left behind"
        );

        // `check` finds the same error and writes nothing.
        let out = alsite(&["check", "--root", site.0.to_str().unwrap()], &site.0);
        assert_eq!(out.status.code(), Some(1), "{case}: check exit code");
        assert!(
            text(&out.stderr).lines().any(|l| l == header),
            "{case}: check output"
        );
    }
}

#[test]
fn base_fixture_builds() {
    let site = fixture_site("base");
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.starts_with("built 13 pages"), "{summary}");
    assert!(summary.contains(" ms, 0 warnings"), "{summary}");
    assert!(site.0.join("public/components.html").is_file());
}

#[test]
fn the_default_navigation_uses_a_page_nav_title() {
    let site = fixture_site("base");
    fs::write(
        site.0.join("content/pages/about.md"),
        "---\ntitle: About our organization\nnav_title: About us\n---\n\n## Contact\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let home = fs::read_to_string(site.0.join("public/index.html")).unwrap();
    assert!(
        home.contains(r#"<li><a href="about.html">About us</a></li>"#),
        "{home}"
    );
    assert!(
        home.contains("About our organization"),
        "the full title stays on the home page's card"
    );

    // With many free pages the default navigation leaves them to the home page.
    for i in 0..9 {
        fs::write(
            site.0.join(format!("content/pages/extra-{i}.md")),
            format!("---\ntitle: Extra {i}\n---\n\nText.\n"),
        )
        .unwrap();
    }
    assert!(alsite(&["build"], &site.0).status.success());
    let about = fs::read_to_string(site.0.join("public/about.html")).unwrap();
    let nav = &about[about.find("<nav").unwrap()..about.find("</nav>").unwrap()];
    assert!(
        !nav.contains("extra-3.html") && !nav.contains("About us"),
        "{nav}"
    );
    assert!(nav.contains("ground-rules.html"));
    let home = fs::read_to_string(site.0.join("public/index.html")).unwrap();
    assert!(
        home.contains("href=\"extra-3.html\""),
        "the home page still lists every page"
    );
}

#[test]
fn a_site_without_site_yaml_is_an_error_not_a_panic() {
    let dir = TempDir::new("empty");
    let out = alsite(&["build"], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("site.yaml: error: no site.yaml in ."),
        "{stderr}"
    );
    assert!(stderr.contains("alsite new DIR"), "{stderr}");
}

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
    assert!(read("workshops/intro-training/index.html").contains("Day 1: 09:00–12:30"));
    assert!(read("workshops/demo-event/index.html").contains("Day 1: 17:30–19:00"));
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
fn check_writes_nothing_and_strict_fails_on_warnings() {
    let site = fixture_site("base");
    fs::write(site.0.join("content/notes.md"), "---\ntitle: Stray\n---\n").unwrap();
    let out = alsite(&["check"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr)
        .contains("content/notes.md: warning: file is not part of the content layout"));
    assert!(!site.0.join("public").exists(), "check wrote output");
    let out = alsite(&["check", "--strict"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr)
        .contains("content/notes.md: error: file is not part of the content layout"));
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
    assert!(home.contains("Action Learning w praktyce"), "{home}");
    let rules = fs::read_to_string(site.join("public/ground-rules.html")).unwrap();
    assert!(rules.contains("Wypowiadamy się tylko w odpowiedzi na pytanie"));
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
    assert!(read("content/pages/about.en.md").contains("About Northbridge"));
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

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let site = fixture_site("base");
    let dir = site.0.join("themes/default/templates");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("page.html"), "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">Own {{ page.title }}</p>{% endblock %}").unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let about = fs::read_to_string(site.0.join("public/about.html")).unwrap();
    assert!(
        about.contains(r#"<p class="mine">Own About</p>"#),
        "{about}"
    );
    // The other templates still come from the built-in theme.
    assert!(fs::read_to_string(site.0.join("public/ground-rules.html"))
        .unwrap()
        .contains("<ol class=\"rules\">"));
}

#[test]
fn refuses_every_output_folder_that_would_cost_the_trainer_files() {
    let site = fixture_site("base");
    fs::create_dir_all(site.0.join("themes/mine/static")).unwrap();
    fs::write(site.0.join("themes/mine/static/x.css"), "mine").unwrap();
    let outside = TempDir::new("documents");
    fs::write(outside.0.join("letter.txt"), "my letter").unwrap();
    fs::write(outside.0.join("notes.md"), "my notes").unwrap();
    let a_file = outside.0.join("notes.md");
    let cases = [
        (".".to_string(), "contains the site itself"),
        ("..".to_string(), "contains the site itself"),
        (
            "content".to_string(),
            "inside the site's own files (content)",
        ),
        (
            "content/pages".to_string(),
            "inside the site's own files (content)",
        ),
        ("themes".to_string(), "inside the site's own files (themes)"),
        (
            "themes/mine".to_string(),
            "inside the site's own files (themes)",
        ),
        (
            outside.0.display().to_string(),
            "holds files that alsite did not make",
        ),
        (
            a_file.display().to_string(),
            "the output path is a file, not a folder",
        ),
    ];
    let before_site = snapshot(&site.0);
    let before_outside = snapshot(&outside.0);
    for (out_dir, why) in cases {
        let out = alsite(&["build", "--out", &out_dir], &site.0);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "--out {out_dir}: {stderr}");
        assert!(stderr.contains(why), "--out {out_dir}: {stderr}");
        assert!(stderr.contains("= hint: "), "--out {out_dir}: {stderr}");
        assert!(stderr.contains("no file was changed"), "{stderr}");
        assert_eq!(
            snapshot(&site.0),
            before_site,
            "--out {out_dir} touched the site"
        );
        assert_eq!(snapshot(&outside.0), before_outside, "--out {out_dir}");
    }
    // --force overrides only the last kind: a folder alsite did not make.
    let forced = alsite(&["build", "--force", "--out", "content"], &site.0);
    assert_eq!(forced.status.code(), Some(1));
    assert_eq!(snapshot(&site.0), before_site);
    let forced = alsite(
        &["build", "--force", "--out", outside.0.to_str().unwrap()],
        &site.0,
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(outside.0.join("index.html").is_file());
    assert!(!outside.0.join("letter.txt").exists());
}

#[test]
fn a_folder_alsite_built_carries_a_marker_and_is_replaced_next_time() {
    let site = fixture_site("base");
    for _ in 0..2 {
        let out = alsite(&["build"], &site.0);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let marker = fs::read_to_string(site.0.join("public/.alsite-output")).unwrap();
        assert!(marker.contains("built by alsite"), "{marker}");
    }
    // An empty folder is fine too.
    let empty = TempDir::new("empty-out");
    let out = alsite(&["build", "--out", empty.0.to_str().unwrap()], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn help_version_and_usage_errors() {
    let here = Path::new(REPO);
    let help = alsite(&["--help"], here);
    assert!(help.status.success());
    for cmd in ["build", "check", "new"] {
        assert!(text(&help.stdout).contains(cmd));
    }
    let version = alsite(&["--version"], here);
    assert_eq!(
        text(&version.stdout).trim(),
        format!("alsite {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(alsite(&["bild"], here).status.code(), Some(2));
    assert_eq!(alsite(&["build", "--nope"], here).status.code(), Some(2));
    assert_eq!(alsite(&[], here).status.code(), Some(2));
}

/// Hostile inputs for every kind of file: each must give exit 0 or 1, never a panic.
#[test]
fn no_input_makes_alsite_panic() {
    let nasty: &[&[u8]] = &[
        b"",
        b"---",
        b"---\n",
        b"---\n---\n",
        b"---\n- a\n- b\n---\n",
        b"---\ntitle: x\n---\n\n[broken](",
        b"\xff\xfe\x00\x01",
        b"\t\ttitle:\t[",
        b"title: &a [*a, *a]\n",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        b"items:\n  - type:\n",
        b"items:\n  - type: choose\n    options: []\n",
        b"stages:\n  - turns:\n      - {}\n",
        b"days:\n  - start: \"25:99\"\n    items: [{}]\n",
        b"title: x\nminutes: -5\n",
        b"title: x\nminutes: 99999999999999999999\n",
        "title: \u{0}\u{202e}\n".as_bytes(),
    ];
    let files = [
        "site.yaml",
        "content/index.md",
        "content/pages/about.md",
        "content/method/ground-rules.yaml",
        "content/method/components.yaml",
        "content/practice/question-types.yaml",
        "content/practice/question-rules.yaml",
        "content/practice/open-questions.yaml",
        "content/sessions/rota-tool.yaml",
        "content/workshops/foundations/workshop.yaml",
        "content/workshops/foundations/what-is-action-learning.md",
    ];
    for file in files {
        let site = fixture_site("base");
        for (i, input) in nasty.iter().enumerate() {
            fs::write(site.0.join(file), input).unwrap();
            let out = alsite(&["check"], &site.0);
            let stderr = text(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{file} with input {i}: {:?}\n{stderr}",
                out.status
            );
            assert!(
                !stderr.contains("panicked"),
                "{file} with input {i}: {stderr}"
            );
        }
    }
}

#[test]
fn a_question_closing_one_stage_invites_the_answer_that_opens_the_next() {
    let site = fixture_site("base");
    let file = site.0.join("content/sessions/rota-tool.yaml");
    let yaml = fs::read_to_string(&file).unwrap().replace(
        "stages:\n",
        "stages:\n  - title: Opening\n    kind: opening\n    turns:\n      - { by: coach, intervene: \"Ana, what is your problem?\" }\n  - title: Presentation\n    kind: presentation\n    turns:\n      - { by: pp, answer: \"Half the nurses still plan shifts on paper.\" }\n",
    );
    fs::write(&file, yaml).unwrap();
    let out = alsite(&["check", "--strict"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A pipe whose reading end is already closed, as after `| head -1` has read
/// its line: every write to it fails.
#[cfg(unix)]
fn pipe_with_no_reader() -> std::process::Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe() fills both descriptors, each then owned exactly once.
    let (read, write) = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    drop(read);
    write.into()
}

#[cfg(unix)]
#[test]
fn output_to_a_reader_that_has_gone_stops_quietly_as_other_tools_do() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    let dir = TempDir::new("closed-pipe");
    let (out, gen, new) = (dir.path("out"), dir.path("gen"), dir.path("new"));
    let failing = fixture_site("broken-link");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let runs: [(Vec<String>, bool); 6] = [
        (vec!["--help".into()], false),
        (vec!["check".into(), "--root".into(), REPO.into()], false),
        (
            vec![
                "build".into(),
                "--root".into(),
                REPO.into(),
                "--out".into(),
                path(&out),
            ],
            false,
        ),
        (
            vec!["gen-site".into(), path(&gen), "--pages".into(), "20".into()],
            false,
        ),
        (vec!["new".into(), path(&new)], false),
        // Errors go to standard error: closed there too.
        (
            vec!["check".into(), "--root".into(), path(&failing.0)],
            true,
        ),
    ];
    for (args, closed_stderr) in runs {
        let mut command = Command::new(env!("CARGO_BIN_EXE_alsite"));
        command.args(&args).current_dir(&dir.0);
        if closed_stderr {
            command.stdout(Stdio::piped()).stderr(pipe_with_no_reader());
        } else {
            command.stdout(pipe_with_no_reader()).stderr(Stdio::piped());
        }
        let run = command.output().expect("alsite runs");
        let stderr = text(&run.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(run.status.code(), Some(101), "{args:?}: a panic\n{stderr}");
        assert_eq!(
            run.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: ends as a shell expects when the reader has gone: {:?}\n{stderr}",
            run.status
        );
        assert_eq!(stderr, "", "{args:?}: nothing said about the closed pipe");
    }
    assert!(
        out.join("index.html").exists(),
        "the build was written before its summary"
    );
}
