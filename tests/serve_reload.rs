//! Live reload never leaves a tab on an old version of a page. A tab that
//! fetched a page just before a rebuild and opens its reload stream just
//! after it (a second save that lands while the tab is still reloading from
//! the first) is told at once to load the page again; a tab whose page is
//! already the newest is not (no reload loop).

mod common;

use common::serve::{get, new_site, Events, Next, Server};
use std::fs;
use std::time::Duration;

/// The version of the site a served page came from, as its live-reload
/// script holds it.
fn page_version(html: &str) -> Option<String> {
    let rest = html.split("var v=\"").nth(1)?;
    Some(rest.split('"').next()?.to_string())
}

/// The next event on `events` within `wait`: its name and data.
fn next_event(events: &mut Events, wait: Duration) -> Option<(String, String)> {
    match events.next_within(wait) {
        Next::Event(name, data) => Some((name, data)),
        Next::Quiet | Next::Closed => None,
    }
}

/// A tab open on `server`, told the site's version as it connects.
fn open_tab(server: &Server) -> Events {
    let mut tab = Events::open(&server.addr);
    let opened = next_event(&mut tab, Duration::from_secs(2));
    assert!(
        matches!(&opened, Some((name, _)) if name == "version"),
        "{opened:?}"
    );
    tab
}

/// Asserts that `tab` is told to reload within five seconds.
fn assert_reloads(tab: &mut Events) {
    let told = next_event(tab, Duration::from_secs(5));
    assert!(
        matches!(&told, Some((name, _)) if name == "reload"),
        "{told:?}"
    );
}

/// Asserts that `tab` is told nothing for a while after `server` said a
/// save changed no page (`times` such saves so far); `what` was saved.
fn assert_no_reload_after(server: &Server, times: usize, tab: &mut Events, what: &str) {
    assert!(
        server.wait_for(|s| s.stdout().matches("no page changed").count() == times),
        "the terminal says the save of {what} changed nothing: {}",
        server.stdout()
    );
    let told = next_event(tab, Duration::from_millis(800));
    assert!(
        told.is_none(),
        "{what} saved unchanged reloads the tab ({told:?})"
    );
}

/// Whether a tab showing `html` reloads on `event` (its script reloads
/// when the version it is told differs from its own).
fn reloads(html: &str, event: &Option<(String, String)>) -> bool {
    match event {
        Some((_, data)) => page_version(html).as_deref() != Some(data.as_str()),
        None => false,
    }
}

#[test]
fn a_tab_whose_reload_stream_opens_after_a_rebuild_is_told_to_reload() {
    let site = new_site("late-stream");
    let server = Server::start(&site);
    let mut watching = Events::open(&server.addr);
    let about = site.path("content/pages/about.md");

    // The tab fetches the page; before its stream is open, a save is built.
    let shown = get(&server.addr, "/about.html").body;
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact\n\nSecond save.\n",
    )
    .unwrap();
    watching.next_reload();
    let mut late = Events::open(&server.addr);
    let told = next_event(&mut late, Duration::from_secs(2));
    assert!(
        reloads(&shown, &told),
        "a tab showing the page from before the save is never told to reload \
         (told {told:?}); it would show the old text until the next save"
    );

    // The reloaded tab has the newest page and is not told again.
    let reloaded = get(&server.addr, "/about.html").body;
    assert!(reloaded.contains("Second save."));
    let mut fresh = Events::open(&server.addr);
    let told = next_event(&mut fresh, Duration::from_millis(800));
    assert!(
        !reloads(&reloaded, &told),
        "a tab with the newest page is told to reload again ({told:?}): it would reload for ever"
    );
}

#[test]
fn a_tab_left_open_while_serve_was_restarted_reloads_on_reconnecting() {
    let site = new_site("restart");
    let server = Server::start(&site);
    let shown = get(&server.addr, "/about.html").body;
    drop(server);
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nWritten while serve was stopped.\n",
    )
    .unwrap();
    let server = Server::start(&site);
    let mut reconnected = Events::open(&server.addr);
    let told = next_event(&mut reconnected, Duration::from_secs(2));
    assert!(
        reloads(&shown, &told),
        "a tab from before the restart is not told to reload (told {told:?}): \
         it keeps the text from before"
    );
}

#[test]
fn saving_a_file_unchanged_reloads_no_tab() {
    let site = new_site("same-bytes");
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    let about = site.path("content/pages/about.md");
    let text = fs::read(&about).unwrap();
    // Ctrl+S out of habit: the same bytes written again.
    fs::write(&about, &text).unwrap();
    assert_no_reload_after(&server, 1, &mut tab, "a page");
    // A save that changes the page still reloads it.
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact\n\nChanged after all.\n",
    )
    .unwrap();
    assert_reloads(&mut tab);
}

#[test]
fn saving_site_yaml_or_a_template_unchanged_reloads_no_tab() {
    let site = new_site("same-site-yaml");
    let server = Server::start(&site);
    let mut tab = open_tab(&server);
    // Ctrl+S out of habit in site.yaml, which rebuilds every page: the
    // pages come out as they were, so no tab reloads.
    let yaml = site.path("site.yaml");
    fs::write(&yaml, fs::read(&yaml).unwrap()).unwrap();
    assert_no_reload_after(&server, 1, &mut tab, "site.yaml");
    // A copy of a built-in template, not yet edited, changes no page either.
    let templates = site.path("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    let builtin = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/templates/page.html"
    );
    fs::copy(builtin, templates.join("page.html")).unwrap();
    assert_no_reload_after(&server, 2, &mut tab, "a template copied as it is");
    // A change to site.yaml that does change the pages still reloads them.
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace("title: Fixture site", "title: Fixture site renamed"),
    )
    .unwrap();
    assert_reloads(&mut tab);
}

#[test]
fn new_words_for_the_page_not_found_reload_its_tab() {
    let site = new_site("serve-words");
    let server = Server::start(&site);
    let mut tab = Events::open(&server.addr);
    let opened = next_event(&mut tab, Duration::from_secs(2));
    assert!(opened.is_some(), "{opened:?}");
    // No page shows these words, only the server's own "not found" page.
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(
        site.path("i18n/en.yaml"),
        "serve:\n  not_found: Nothing lives here\n",
    )
    .unwrap();
    let told = next_event(&mut tab, Duration::from_secs(5));
    assert!(
        matches!(&told, Some((name, _)) if name == "reload"),
        "a tab on the not-found page reloads to show its new words ({told:?}): {}",
        server.stdout()
    );
    let body = get(&server.addr, "/missing.html").body;
    assert!(body.contains("Nothing lives here"), "{body}");
}

/// A link to nothing that appears while `serve` runs (a `git checkout`
/// bringing one in) is an error at once, as `alsite build` would say: it
/// is not taken for an editor's file that came and went.
#[cfg(unix)]
#[test]
fn a_link_to_nothing_added_while_serving_is_an_error_at_once() {
    let site = new_site("serve-dangling");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    std::os::unix::fs::symlink("nothere.txt", site.path("content/pages/gone.md")).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/index.html");
    assert!(
        page.body
            .contains("it is a link to a file or folder that does not exist"),
        "{}",
        page.body
    );
}
