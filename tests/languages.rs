//! Sites in several languages: output paths, the language switcher and
//! alternates, missing translations, links across languages, site.yaml's
//! languages and translations.

mod common;

use common::{alsite, copy_tree, text, TempDir};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

use common::{build_site as build, test_site as fixture};

/// The Polish fixture with the two-language files laid over it.
fn two_languages() -> TempDir {
    let dir = fixture("polish");
    copy_tree(&Path::new(REPO).join("tests/sites/two-languages"), &dir.0);
    dir
}

#[test]
fn a_two_language_site_puts_the_default_at_the_root_and_links_translations() {
    let site = two_languages();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    for page in [
        "index.html",
        "o-nas.html",
        "components.html",
        "sessions/grafik.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert!(html.contains("<html lang=\"pl\""), "{page}");
    }
    for page in [
        "index.html",
        "o-nas.html",
        "ground-rules.html",
        "practice/pytania-otwarte.html",
        "practice/index.html",
    ] {
        let html = fs::read_to_string(out.join("en").join(page)).unwrap();
        assert!(html.contains("<html lang=\"en\""), "en/{page}");
    }
    // No translation: a page in English that leads to the original.
    let stub = fs::read_to_string(out.join("en/components.html")).unwrap();
    assert!(stub.contains("<html lang=\"en\""), "{stub}");
    assert!(stub.contains("This page is not in English yet."), "{stub}");
    assert!(
        stub.contains("href=\"../components.html\" hreflang=\"pl\""),
        "{stub}"
    );
    assert!(!out.join("en/static").exists(), "static files are shared");

    let about = fs::read_to_string(out.join("en/o-nas.html")).unwrap();
    assert!(
        about.contains("<link rel=\"alternate\" hreflang=\"pl\" href=\"../o-nas.html\">"),
        "{about}"
    );
    assert!(about.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"o-nas.html\">"));
    assert!(about.contains("<nav class=\"site-nav language-switcher\" aria-label=\"Languages\">"));
    assert!(about.contains(
        "<a href=\"../o-nas.html\" hreflang=\"pl\" lang=\"pl\" data-keep-place><span class=\"lang-code\">PL</span><span class=\"lang-name\">Polski</span></a>"
    ));
    assert!(about.contains(
        "<a href=\"o-nas.html\" hreflang=\"en\" lang=\"en\" data-keep-place aria-current=\"page\"><span class=\"lang-code\">EN</span><span class=\"lang-name\">English</span></a>"
    ));
    assert!(
        about.contains("href=\"../static/style.css?v=")
            && about.contains("src=\"../static/i18n.js?v=")
    );
    assert!(
        about.contains("<title>About us · Action Learning in Polish and English</title>"),
        "site.yaml's translated title"
    );
    assert!(
        about.contains("Action Learning sessions and workshops for teams."),
        "translated footer"
    );
    // A root link in a translation stays in its language; a relative one may cross.
    assert!(
        about.contains("href=\"ground-rules.html#pytania\"")
            && about.contains("href=\"../o-nas.html#kontakt\"")
    );

    let polish = fs::read_to_string(out.join("o-nas.html")).unwrap();
    assert!(polish.contains(
        "<a href=\"en/o-nas.html\" hreflang=\"en\" lang=\"en\" data-keep-place><span class=\"lang-code\">EN</span><span class=\"lang-name\">English</span></a>"
    ));
    assert!(polish.contains(
        "<a href=\"o-nas.html\" hreflang=\"pl\" lang=\"pl\" data-keep-place aria-current=\"page\"><span class=\"lang-code\">PL</span><span class=\"lang-name\">Polski</span></a>"
    ));
    let components = fs::read_to_string(out.join("components.html")).unwrap();
    assert!(
        !components.contains("language-switcher") && !components.contains("hreflang"),
        "nothing to switch to"
    );
    // The page for missing addresses, in the default language, leads to
    // each language's home page; its own language is the one in use, not
    // a link to this page.
    let missing = fs::read_to_string(out.join("404.html")).unwrap();
    assert!(missing.contains(
        "<a href=\"en/index.html\" hreflang=\"en\" lang=\"en\" data-keep-place><span class=\"lang-code\">EN</span>"
    ), "{missing}");
    assert!(missing.contains(
        "<a href=\"index.html\" hreflang=\"pl\" lang=\"pl\" data-keep-place aria-current=\"true\"><span class=\"lang-code\">PL</span>"
    ), "{missing}");
    assert!(!missing.contains("aria-current=\"page\""), "{missing}");
}

#[test]
fn a_page_without_translation_is_a_warning_naming_the_file_to_add() {
    let site = two_languages();
    let (o, _) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("content/method/components.yaml: warning: no translation into English (`en`)"),
        "{err}"
    );
    assert!(
        err.contains("add content/method/components.en.yaml beside it"),
        "{err}"
    );
    assert!(
        !err.contains("content/pages/o-nas.md: warning"),
        "translated pages are not listed"
    );
    let strict = alsite(&["check", "--strict"], &site.0);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn a_translation_links_to_a_page_not_translated_yet_by_its_markdown_file() {
    // The trainer translates "O nas" first and links, as the editor shows
    // it, to "Źródła", which is only in Polish so far: the link leads to
    // the English page that says so and points to the Polish one.
    let site = two_languages();
    fs::write(
        site.path("content/pages/źródła.md"),
        "---\ntitle: Źródła\n---\n\n## Sekcja\n\nRevans.\n",
    )
    .unwrap();
    let page = site.path("content/pages/o-nas.en.md");
    let before = fs::read_to_string(&page).unwrap();
    fs::write(&page, format!("{before}\n[Sources](źródła.md#sekcja)\n")).unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = fs::read_to_string(out.join("en/o-nas.html")).unwrap();
    assert!(
        html.contains(r#"<a href="%C5%BAr%C3%B3d%C5%82a.html#sekcja">Sources</a>"#),
        "{html}"
    );
    assert!(out.join("en/źródła.html").is_file());
}

#[test]
fn links_and_anchors_are_checked_across_languages() {
    let site = two_languages();
    let page = site.path("content/pages/o-nas.en.md");
    let text_before = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        text_before.replace("../o-nas.html#kontakt", "../o-nas.html#nowhere"),
    )
    .unwrap();
    let (o, _) = build(&site);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("content/pages/o-nas.en.md") && err.contains("#nowhere"),
        "{err}"
    );
}

#[test]
fn site_yaml_languages_are_checked() {
    let site = two_languages();
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        yaml.replace("translations:\n  en:", "translations:\n  de:"),
    )
    .unwrap();
    let o = alsite(&["check"], &site.0);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("site.yaml:9:3: error: translations for `de`, which is not in `languages:`"),
        "{err}"
    );
}

#[test]
fn a_navigation_without_titles_for_a_language_is_a_warning() {
    let site = two_languages();
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    let nav = "nav:\n  - { title: Zasady, link: ground-rules.html }\n";
    fs::write(site.path("site.yaml"), format!("{nav}{yaml}")).unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("site.yaml:1:1: warning: the navigation has no `en` titles"),
        "{err}"
    );
    fs::write(
        site.path("site.yaml"),
        format!(
            "{nav}{yaml}    nav:\n      - {{ title: Ground rules, link: ground-rules.html }}\n"
        ),
    )
    .unwrap();
    let (o, _) = build(&site);
    assert!(
        !text(&o.stderr).contains("navigation has no"),
        "{}",
        text(&o.stderr)
    );
    let english = fs::read_to_string(out.join("en/index.html")).unwrap();
    assert!(
        english.contains(">Ground rules</a>"),
        "the English navigation"
    );
}

#[test]
fn each_language_keeps_its_own_saved_answers() {
    let site = two_languages();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let polish = fs::read_to_string(out.join("practice/pytania-otwarte.html")).unwrap();
    let english = fs::read_to_string(out.join("en/practice/pytania-otwarte.html")).unwrap();
    assert!(polish.contains("\"key\":\"alsite-practice:pytania-otwarte\""));
    assert!(english.contains("\"key\":\"alsite-practice:en/pytania-otwarte\""));
}

#[test]
fn every_markdown_field_of_a_translated_page_reaches_the_shared_files() {
    // Files under content/ (images) are shared by all languages, at the
    // output root; a page in en/ reaches them one folder up, from its
    // body, its footer or any other field.
    let site = two_languages();
    fs::create_dir_all(site.path("content/images")).unwrap();
    fs::write(
        site.path("content/images/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    let yaml = yaml.replace(
        "footer: Action Learning sessions and workshops for teams.",
        "footer: \"![Logo](/images/logo.svg) Action Learning sessions and workshops for teams.\"",
    );
    fs::write(site.path("site.yaml"), yaml).unwrap();
    let page = site.path("content/pages/o-nas.en.md");
    let body = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        format!("{body}\n| Day | Time |\n|---|---|\n| 1 | 9:00 |\n"),
    )
    .unwrap();
    let pl = site.path("content/pages/o-nas.md");
    let body = fs::read_to_string(&pl).unwrap();
    fs::write(
        &pl,
        format!("{body}\n| Dzień | Godzina |\n|---|---|\n| 1 | 9:00 |\n"),
    )
    .unwrap();

    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let about = fs::read_to_string(out.join("en/o-nas.html")).unwrap();
    assert!(
        about.contains("<img src=\"../images/logo.svg\" alt=\"Logo\""),
        "{about}"
    );
    // A wide table's scrolling box is named in the page's language.
    assert!(
        about.contains("role=\"region\" tabindex=\"0\" aria-label=\"Table\""),
        "{about}"
    );
    let o_nas = fs::read_to_string(out.join("o-nas.html")).unwrap();
    assert!(
        o_nas.contains("role=\"region\" tabindex=\"0\" aria-label=\"Tabela\""),
        "{o_nas}"
    );
}

#[test]
fn a_link_to_a_heading_with_polish_letters_finds_it_and_a_broken_one_names_its_line() {
    // Heading ids keep the letters of their language; links to them are
    // percent-encoded in the HTML, as browsers expect.
    let site = fixture("polish");
    let page = site.path("content/pages/o-nas.md");
    let body = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        format!("{body}\n## Jak się umówić\n\nZadzwoń. Wróć do [umawiania](#jak-się-umówić).\n"),
    )
    .unwrap();
    let index = site.path("content/index.md");
    let home = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        format!("{home}\nZobacz, [jak się umówić](/o-nas.html#jak-się-umówić).\n"),
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = fs::read_to_string(out.join("o-nas.html")).unwrap();
    assert!(html.contains("<h2 id=\"jak-się-umówić\">"), "{html}");

    // The same link to a heading that is not there: the error is at the
    // line that wrote it, in the letters the trainer typed.
    let home = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        home.replace("/o-nas.html#jak-się-umówić", "/o-nas.html#jak-się-spotkać"),
    )
    .unwrap();
    let (o, _) = build(&site);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let line = home
        .lines()
        .position(|l| l.contains("#jak-się-umówić"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("content/index.md:{line}:"))
            && err.contains("has no element with id `jak-się-spotkać`"),
        "{err}"
    );
}

#[test]
fn an_error_in_a_translated_file_is_placed_at_its_line() {
    let dir = TempDir::new("translated-error");
    let made = alsite(&["new", "site", "--language", "pl,en"], &dir.0);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let site = dir.0.join("site");
    let sessions = site.join("content/sessions");
    let english = fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".en.yaml"))
        .expect("the new site has a translated session");
    let yaml = fs::read_to_string(&english).unwrap();
    let at = yaml.find("{ by: ").expect("a turn") + "{ by: ".len();
    let end = at + yaml[at..].find(',').unwrap();
    fs::write(&english, format!("{}nobody{}", &yaml[..at], &yaml[end..])).unwrap();
    let line = yaml[..at].lines().count();
    let out = alsite(&["check"], &site);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let name = english.file_name().unwrap().to_string_lossy();
    assert!(
        err.contains(&format!("content/sessions/{name}:{line}:"))
            && err.contains("unknown speaker `nobody`"),
        "{err}"
    );
}

#[test]
fn a_site_translated_one_page_at_a_time_builds_and_every_link_works() {
    // The sample site, with Polish added and one page translated so far.
    let site = TempDir::new("partly-translated");
    copy_tree(&Path::new(REPO).join("content"), &site.path("content"));
    let yaml = fs::read_to_string(Path::new(REPO).join("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        format!("languages: [en, pl]\n{yaml}"),
    )
    .unwrap();
    fs::write(
        site.path("content/pages/about.pl.md"),
        "---\ntitle: O nas\n---\n\nZobacz [zasady](/ground-rules.html) i [ćwiczenia](/practice/index.html).\n",
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("warning: no translation into Polish (`pl`)"),
        "{err}"
    );
    let about = fs::read_to_string(out.join("pl/about.html")).unwrap();
    assert!(about.contains("<html lang=\"pl\""), "{about}");
    let rules = fs::read_to_string(out.join("pl/ground-rules.html")).unwrap();
    assert!(
        rules.contains("Ta strona nie ma jeszcze wersji polskiej."),
        "{rules}"
    );
    assert!(
        rules.contains("href=\"../ground-rules.html\" hreflang=\"en\""),
        "{rules}"
    );
    // Left out of the Polish search.
    let index = fs::read_to_string(out.join("search/index.pl.js")).unwrap();
    assert!(!index.contains("ground-rules.html"), "{index}");
}

#[test]
fn a_translated_module_links_a_session_not_translated_yet() {
    // The workshop is translated before its demo session: the English
    // module still links the session, by its page that leads to the
    // Polish one, as a Markdown link to it would.
    let site = two_languages();
    let dir = site.path("content/workshops/podstawy");
    fs::write(
        dir.join("workshop.en.yaml"),
        "title: Action Learning foundations\naudience: managers\ndays:\n  - start: \"09:00\"\n    items:\n      - module: czym-jest-action-learning\n      - { break: Coffee, minutes: 15 }\n      - module: pytania-w-praktyce\n",
    )
    .unwrap();
    fs::write(
        dir.join("czym-jest-action-learning.en.md"),
        fs::read_to_string(dir.join("czym-jest-action-learning.md")).unwrap(),
    )
    .unwrap();
    fs::write(
        dir.join("pytania-w-praktyce.en.md"),
        "---\ntitle: Questions in practice\nminutes: 62\nobjectives: [Ask open questions]\nactivities:\n  - { title: Question practice, minutes: 32, kind: practice, practice: pytania-otwarte }\n  - { title: Demo session, minutes: 30, kind: demo, session: grafik }\n---\n\nWe practise.\n",
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let module =
        fs::read_to_string(out.join("en/workshops/podstawy/pytania-w-praktyce.html")).unwrap();
    assert!(
        module.contains(r#"href="../../sessions/grafik.html""#),
        "{module}"
    );
    assert!(out.join("en/sessions/grafik.html").is_file());
}

/// Straight double quotes a trainer types become „…” on Polish pages, in
/// Markdown text and in titles alike; code keeps them, and the English
/// translation keeps its own as typed.
#[test]
fn polish_pages_curl_straight_quotes_as_polish_prints_them() {
    let site = two_languages();
    let page = |title: &str, text: &str| format!("---\ntitle: '{title}'\n---\n\n{text}\n");
    fs::write(
        site.path("content/pages/cytaty.md"),
        page(
            r#"Pytanie "dlaczego""#,
            r#"Zapytaj "co się stało?", nie "dlaczego". Kod: `a = "b"`."#,
        ),
    )
    .unwrap();
    fs::write(
        site.path("content/pages/cytaty.en.md"),
        page(r#"The "why" question"#, r#"Ask "what happened?" instead."#),
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let pl = fs::read_to_string(out.join("cytaty.html")).unwrap();
    assert!(
        pl.contains("Zapytaj „co się stało?”, nie „dlaczego”."),
        "{pl}"
    );
    assert!(pl.contains("Pytanie „dlaczego”</h1>"), "{pl}");
    assert!(pl.contains("<title>Pytanie „dlaczego”"), "{pl}");
    assert!(
        pl.contains(r#"<code>a = "b"</code>"#),
        "code as typed: {pl}"
    );
    let en = fs::read_to_string(out.join("en/cytaty.html")).unwrap();
    assert!(en.contains(r#"Ask "what happened?" instead."#), "{en}");
}

/// One slip in `languages:` is one error, or a few, not one for every
/// translation: a code with a known meaning (`eng`) is read as meant after
/// its error; the files named for a code the site then does not have are
/// one error naming them.
#[test]
fn a_misspelt_language_code_is_not_an_error_for_every_translation() {
    let site = two_languages();
    let yaml = site.0.join("site.yaml");
    let original = fs::read_to_string(&yaml).unwrap();
    let errors = |o: &std::process::Output| -> Vec<String> {
        text(&o.stderr)
            .lines()
            .filter(|l| l.contains(": error: "))
            .map(str::to_string)
            .collect()
    };
    fs::write(&yaml, original.replace("[pl, en]", "[pl, eng]")).unwrap();
    let (o, _) = build(&site);
    let found = errors(&o);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`eng` is not a language code"),
        "{found:#?}"
    );

    fs::write(&yaml, original.replace("[pl, en]", "[pl, xx]")).unwrap();
    let (o, _) = build(&site);
    let found = errors(&o);
    let joined: Vec<&String> = found
        .iter()
        .filter(|l| l.contains("looks like a language"))
        .collect();
    assert_eq!(joined.len(), 1, "{found:#?}");
    assert!(found.len() <= 3, "{found:#?}");
    let stderr = text(&o.stderr);
    assert!(
        stderr.contains("  = the same at: content/") && stderr.matches(".en.").count() >= 6,
        "{stderr}"
    );
}

/// An original whose break has no minutes gets its error alone: its
/// translation is not also warned about times the original never had.
#[test]
fn an_original_with_an_error_in_its_days_is_not_compared_with_its_translation() {
    let site = TempDir::new("translation-of-a-broken-day");
    common::copy_base(&site.0);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workshop-translation-other-start");
    copy_tree(&fixture, &site.0);
    let days = "content/workshops/foundations";
    let pl = site.path(&format!("{days}/workshop.pl.yaml"));
    fs::write(
        &pl,
        fs::read_to_string(&pl).unwrap().replace("10:00", "09:00"),
    )
    .unwrap();
    let original = site.path(&format!("{days}/workshop.yaml"));
    let broken = fs::read_to_string(&original)
        .unwrap()
        .replace("{ break: Coffee, minutes: 15 }", "{ break: Coffee }");
    fs::write(&original, broken).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("a break needs `minutes:`"), "{err}");
    assert!(!err.contains("in the original"), "{err}");
}
