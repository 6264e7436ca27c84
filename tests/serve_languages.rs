//! `alsite serve` on a site in two languages (Polish by default, English
//! under /en/), over real HTTP: the server's own words, on the 404 page and
//! in the error overlay, are those of the language folder asked for; a
//! translation moved in while serving builds.

mod common;

use common::serve::{get, Events, Server};
use common::{copy_tree, test_site, TempDir};
use std::fs;
use std::path::Path;

/// The Polish test site with its English translations laid over it.
fn two_languages() -> TempDir {
    let site = test_site("polish");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/two-languages"),
        &site.0,
    );
    site
}

#[test]
fn a_missing_page_is_answered_in_the_language_of_its_folder() {
    let site = two_languages();
    let server = Server::start(&site);
    assert_eq!(get(&server.addr, "/en/index.html").status, 200);

    let english = get(&server.addr, "/en/missing.html");
    assert_eq!(english.status, 404);
    for words in [
        "<html lang=\"en\">",
        "<title>Not found</title></head>",
        "<h1>Page not found</h1>",
        "<code>en/missing.html</code>",
        "<a href=\"/en/index.html\">",
    ] {
        assert!(english.body.contains(words), "{words} in {}", english.body);
    }
    assert!(!english.body.contains("Nie znaleziono"));

    let polish = get(&server.addr, "/missing.html");
    assert_eq!(polish.status, 404);
    for words in [
        "<html lang=\"pl\">",
        "<title>Nie znaleziono</title>",
        "<a href=\"/index.html\">",
    ] {
        assert!(polish.body.contains(words), "{words} in {}", polish.body);
    }
    // A folder named like no language (or like the default) is the default's.
    for path in ["/enx/missing.html", "/pl/missing.html", "/en.html"] {
        let reply = get(&server.addr, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            reply.body.contains("<html lang=\"pl\">"),
            "{path}: {}",
            reply.body
        );
    }
}

#[test]
fn the_error_overlay_speaks_the_language_of_the_page_under_it() {
    let site = two_languages();
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let index = site.path("content/index.md");
    let good = fs::read_to_string(&index).unwrap();
    fs::write(&index, format!("---\ntitel: x\n{}", &good[4..])).unwrap();
    events.next_reload();

    let english = get(&server.addr, "/en/index.html");
    assert_eq!(english.status, 200, "the last good page is still served");
    assert!(english.body.contains("id=\"alsite-error-overlay\""));
    assert!(
        english
            .body
            .contains("The last change did not build. This is the last good version of the page."),
        "{}",
        english.body
    );
    assert!(english
        .body
        .contains("Fix the file and save: this message goes away by itself."));
    let polish = get(&server.addr, "/index.html");
    assert!(polish
        .body
        .contains("Ostatniej zmiany nie udało się zbudować."));
    assert!(!polish.body.contains("The last change did not build"));
    // Over the page for an address the site has no page at, the overlay
    // does not call it the last good version of a page.
    let missing = get(&server.addr, "/en/missing.html");
    assert!(
        missing.body.contains("Page not found")
            && missing.body.contains(
                "The last change did not build. The last good version of the site has no page at this address."
            ),
        "{}",
        missing.body
    );
    assert!(!missing.body.contains("last good version of the page"));
    let brak = get(&server.addr, "/missing.html");
    assert!(
        brak.body
            .contains("W ostatniej dobrej wersji witryny nie ma strony pod tym adresem."),
        "{}",
        brak.body
    );
    assert!(!brak.body.contains("To ostatnia dobra wersja strony."));
}

/// An edit to a translation is checked as a build checks it: a practice
/// item with no correct answer in the English set is an error while
/// serving too, not only in the next `alsite build`.
#[test]
fn an_edit_to_a_translation_is_checked_as_a_build_checks_it() {
    let site = two_languages();
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let set = site.path("content/practice/pytania-otwarte.en.yaml");
    let good = fs::read_to_string(&set).unwrap();
    let broken = good.replacen(", correct: true", "", 1);
    assert_ne!(broken, good);
    fs::write(&set, &broken).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/en/practice/pytania-otwarte.html");
    assert!(
        page.body.contains("id=\"alsite-error-overlay\""),
        "the English set with no correct answer built: {}",
        page.body
    );
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_alsite"))
        .args(["check", "--root", site.0.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(1), "a build refuses it too");
    fs::write(&set, &good).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/en/practice/pytania-otwarte.html");
    assert!(!page.body.contains("id=\"alsite-error-overlay\""));
}

/// A practice set's translation moved in while serving, when the set is
/// not the first of its section: the section's index takes its first
/// set's file as its source, and the translated index's first set is
/// another one. That is no translation "at another address": the site
/// builds, with the translated set in its language.
#[test]
fn a_translation_of_a_later_practice_set_moved_in_builds() {
    let site = two_languages();
    let practice = site.path("content/practice");
    let aside = site.path("pytania-otwarte.en.yaml");
    fs::rename(practice.join("pytania-otwarte.en.yaml"), &aside).unwrap();
    let original = fs::read_to_string(practice.join("pytania-otwarte.yaml")).unwrap();
    let first = original.replace("Od stwierdzeń do pytań otwartych", "Dobre pytania");
    fs::write(practice.join("dobre-pytania.yaml"), first).unwrap();
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    assert!(get(&server.addr, "/practice/dobre-pytania.html").status == 200);

    fs::rename(&aside, practice.join("pytania-otwarte.en.yaml")).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/en/practice/pytania-otwarte.html");
    assert!(
        !page.body.contains("alsite-error-overlay"),
        "{}",
        server.stderr()
    );
    assert!(page.body.contains("<html lang=\"en\""), "{}", page.body);
    let index = get(&server.addr, "/en/practice/index.html");
    assert_eq!(index.status, 200);
    assert!(
        !server.stderr().contains("would be at"),
        "{}",
        server.stderr()
    );
}

/// Under "The last change did not build" the overlay puts what stopped the
/// build first, and any warning that came with it after.
#[test]
fn the_overlay_puts_the_error_before_the_warnings() {
    let site = two_languages();
    let yaml = site.path("site.yaml");
    let with_nav = fs::read_to_string(&yaml).unwrap()
        + "nav:\n  - { title: Zasady, link: ground-rules.html }\n";
    fs::write(&yaml, with_nav).unwrap();
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let page = site.path("content/pages/o-nas.en.md");
    let good = fs::read_to_string(&page).unwrap();
    fs::write(&page, good.replacen("title: ", "title: \"", 1)).unwrap();
    events.next_reload();
    let body = get(&server.addr, "/en/index.html").body;
    let start = body
        .find("id=\"alsite-error-overlay\"")
        .expect("the overlay");
    let overlay = &body[start..];
    let first = overlay.find(": error: ").expect("an error in the overlay");
    assert!(
        overlay.find(": warning: ").is_some_and(|w| w > first),
        "the error first, then the warning: {overlay}"
    );
    assert!(overlay.contains("o-nas.en.md"), "{overlay}");
}
