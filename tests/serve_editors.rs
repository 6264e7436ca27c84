//! `alsite serve` while real editors save: each editor's way of writing a
//! file, done with the same file operations against the real server (its
//! HTTP and its reload stream). Each save reloads the page once, with the
//! new text, never an error for a file caught half written, and re-renders
//! only that page; the files editors and systems leave around are neither
//! published nor rebuilt for.

mod common;

use common::serve::{get, new_site, Events, Next, Server};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Asserts that `server` serves the about page with `said` on it and no
/// error overlay (`when`: which save).
fn assert_serves_about(server: &Server, said: &str, when: &str) {
    let body = get(&server.addr, "/about.html").body;
    assert!(body.contains(said), "{when}: the new text");
    assert!(!body.contains("alsite-error-overlay"), "{when}: no error");
}

/// Reload events that arrive within `wait`.
fn reloads_within(events: &mut Events, wait: Duration) -> usize {
    let end = Instant::now() + wait;
    let mut count = 0;
    loop {
        match events.next_within(end.saturating_duration_since(Instant::now())) {
            Next::Event(name, _) => count += usize::from(name == "reload"),
            Next::Quiet => return count,
            Next::Closed => panic!("event stream closed"),
        }
    }
}

fn page(text: &str) -> String {
    format!("---\ntitle: About\n---\n\n## Contact\n\n{text}\n")
}

/// One editor's way of saving `text` into `file`.
type Save = fn(&Path, &str);

/// vim with `backupcopy=no`: swap file, write test, the original renamed
/// to the backup, a new file written in two steps, the backup removed.
fn vim(file: &Path, text: &str) {
    let dir = file.parent().unwrap();
    let swap = dir.join(".about.md.swp");
    fs::write(&swap, [0u8; 4096]).unwrap();
    fs::write(dir.join("4913"), "").unwrap();
    fs::remove_file(dir.join("4913")).unwrap();
    let backup = PathBuf::from(format!("{}~", file.display()));
    fs::rename(file, &backup).unwrap();
    let (a, b) = text.split_at(20);
    fs::write(file, a).unwrap();
    let mut f = fs::OpenOptions::new().append(true).open(file).unwrap();
    std::io::Write::write_all(&mut f, b.as_bytes()).unwrap();
    drop(f);
    fs::remove_file(backup).unwrap();
    fs::remove_file(swap).unwrap();
}

/// JetBrains' safe write: a `___jb_tmp___` file, the original renamed to
/// `___jb_old___`, the new one renamed in, the old one removed.
fn jetbrains(file: &Path, text: &str) {
    let tmp = PathBuf::from(format!("{}___jb_tmp___", file.display()));
    let old = PathBuf::from(format!("{}___jb_old___", file.display()));
    fs::write(&tmp, text).unwrap();
    fs::rename(file, &old).unwrap();
    fs::rename(&tmp, file).unwrap();
    fs::remove_file(old).unwrap();
}

/// Kate and other Qt editors (QSaveFile): `about.md.XXXXXX` beside the
/// file, renamed over it.
fn kate(file: &Path, text: &str) {
    let tmp = PathBuf::from(format!("{}.Ab12Cd", file.display()));
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, file).unwrap();
}

/// gedit (GIO): `.goutputstream-XXXXXX`, a `~` backup, renamed over.
fn gedit(file: &Path, text: &str) {
    let tmp = file.parent().unwrap().join(".goutputstream-Q1W2E3");
    fs::write(&tmp, text).unwrap();
    fs::copy(file, format!("{}~", file.display())).unwrap();
    fs::rename(&tmp, file).unwrap();
}

/// An editor that empties the file and writes it a while later (a save
/// over a network share): the empty file is never shown as an error.
fn truncate_then_write(file: &Path, text: &str) {
    let mut f = fs::File::create(file).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
}

#[test]
fn each_editor_save_reloads_once_with_the_new_page_and_no_error() {
    let site = new_site("editors");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let about = site.path("content/pages/about.md");
    let editors: [(&str, Save); 5] = [
        ("vim", vim),
        ("JetBrains", jetbrains),
        ("Kate", kate),
        ("gedit", gedit),
        ("truncate, then write", truncate_then_write),
    ];
    for (editor, save) in editors {
        let said = format!("Saved by {editor}.");
        let before = server.stdout().lines().count();
        save(&about, &page(&said));
        events.next_reload();
        assert_serves_about(&server, &said, editor);
        assert_eq!(
            reloads_within(&mut events, Duration::from_millis(1500)),
            0,
            "{editor}: one reload"
        );
        // Temporary files that came and went are no new pages: only the
        // edited page is rendered again. (The emptied file was read once and
        // failed, unseen, so the next build is a whole one.)
        let out = server.stdout();
        let log: Vec<&str> = out.lines().skip(before).collect();
        let scoped = log.iter().any(|l| l.starts_with("rebuilt 1 page ("));
        assert!(
            scoped || editor == "truncate, then write",
            "{editor}: only the edited page re-rendered: {log:?}"
        );
        assert!(!server.stderr().contains("error"), "{}", server.stderr());
    }
}

#[test]
fn files_systems_leave_behind_are_not_published_nor_rebuilt_for() {
    let site = new_site("system-files");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    fs::write(site.path("content/pages/Thumbs.db"), [0u8; 64]).unwrap();
    fs::write(site.path("content/desktop.ini"), "[.ShellClassInfo]\n").unwrap();
    fs::write(site.path("content/pages/~$notes.docx"), "lock").unwrap();
    fs::write(site.path("content/pages/photo.jpg.crdownload"), "half").unwrap();
    assert_eq!(
        reloads_within(&mut events, Duration::from_millis(1000)),
        0,
        "no rebuild"
    );
    fs::write(site.path("content/pages/about.md"), page("Still here.")).unwrap();
    events.next_reload();
    for path in [
        "/pages/Thumbs.db",
        "/Thumbs.db",
        "/desktop.ini",
        "/~$notes.docx",
        "/photo.jpg.crdownload",
    ] {
        assert_eq!(get(&server.addr, path).status, 404, "{path}");
    }
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("Still here."));
}

/// A file the last build warned about (a Markdown file the layout has no
/// place for), deleted to clear the warning, is a change: `serve` builds
/// again, and says so, without the warning.
#[test]
fn deleting_a_file_the_last_build_warned_about_builds_again() {
    let site = new_site("stray");
    fs::create_dir_all(site.path("content/notes")).unwrap();
    fs::write(site.path("content/notes/plan.md"), "# Plan\n").unwrap();
    let server = Server::start(&site);
    let warned = |s: &Server| s.stderr().matches("not part of the content layout").count();
    assert!(server.wait_for(|s| warned(s) == 1), "{}", server.stderr());
    let builds = |s: &Server| {
        let out = s.stdout();
        out.lines()
            .filter(|l| l.starts_with("built ") || l.starts_with("rebuilt"))
            .count()
    };
    let before = builds(&server);
    fs::remove_file(site.path("content/notes/plan.md")).unwrap();
    let end = Instant::now() + Duration::from_secs(10);
    while builds(&server) == before && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(builds(&server), before + 1, "{}", server.stdout());
    assert_eq!(warned(&server), 1, "no new warning: {}", server.stderr());
}

/// An editor that empties the file and writes it 50 ms later: the build
/// that read the empty file waits a second only while the file stays
/// empty; once written, the page reloads as after any save (it waited a
/// second after the write, over a second in all).
#[test]
fn a_file_emptied_then_written_soon_reloads_without_the_empty_file_wait() {
    let site = new_site("emptied-soon");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let about = site.path("content/pages/about.md");
    for round in 0..3 {
        let said = format!("Written again, round {round}.");
        let start = Instant::now();
        fs::write(&about, "").unwrap();
        std::thread::sleep(Duration::from_millis(50));
        fs::write(&about, page(&said)).unwrap();
        events.next_reload();
        let took = start.elapsed();
        assert_serves_about(&server, &said, &format!("round {round}"));
        assert!(
            took < Duration::from_millis(1000),
            "round {round}: reloaded {took:?} after the save"
        );
        assert_eq!(reloads_within(&mut events, Duration::from_millis(1200)), 0);
    }
}

/// The site's folder renamed while `serve` runs (tidying up a projects
/// folder) and renamed back: the server stays up, serves the last good
/// site meanwhile, and builds the next save once the folder is back.
#[test]
fn renaming_the_site_folder_away_and_back_keeps_serve_up() {
    let site = new_site("moved");
    let mut server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let away = site.0.with_file_name(format!(
        "{}-away",
        site.0.file_name().unwrap().to_string_lossy()
    ));
    fs::rename(&site.0, &away).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(server.alive(), "serve stopped: {}", server.stderr());
    assert_eq!(get(&server.addr, "/about.html").status, 200);
    fs::rename(&away, &site.0).unwrap();
    save_until_served(&server, &site.path("content/pages/about.md"), &mut events);
    assert_serves_about(&server, "Back in place.", &server.stderr());
}

/// Saves the page until the server has it (the watcher may report the
/// folder's return a moment late), for at most 5 seconds, each save
/// followed by its reload.
fn save_until_served(server: &Server, about: &Path, events: &mut Events) {
    let end = Instant::now() + Duration::from_secs(5);
    while Instant::now() < end {
        fs::write(about, page("Back in place.")).unwrap();
        reloads_within(events, Duration::from_millis(700));
        if get(&server.addr, "/about.html")
            .body
            .contains("Back in place.")
        {
            return;
        }
    }
}

/// The site's folder deleted while `serve` runs and put back (from a
/// backup, a fresh clone): the next save builds again.
#[test]
fn deleting_the_site_folder_and_putting_it_back_keeps_the_loop_alive() {
    let site = new_site("deleted");
    let mut server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    fs::remove_dir_all(&site.0).unwrap();
    assert!(
        server.wait_for(|s| s.stderr().contains("does not exist")),
        "{}",
        server.stderr()
    );
    assert!(server.alive(), "serve stopped: {}", server.stderr());
    common::copy_base(&site.0);
    save_until_served(&server, &site.path("content/pages/about.md"), &mut events);
    assert_serves_about(&server, "Back in place.", &server.stderr());
}

/// Another folder put where the site's was (the old one renamed, a fresh
/// copy in its place): what is served is read from the new folder.
#[test]
fn a_new_folder_in_the_site_folders_place_is_the_one_served() {
    let site = new_site("replaced");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let old = site.0.with_file_name(format!(
        "{}-old",
        site.0.file_name().unwrap().to_string_lossy()
    ));
    fs::rename(&site.0, &old).unwrap();
    common::copy_base(&site.0);
    save_until_served(&server, &site.path("content/pages/about.md"), &mut events);
    let reply = get(&server.addr, "/about.html");
    let _ = fs::remove_dir_all(&old);
    assert!(reply.body.contains("Back in place."), "{}", server.stderr());
}
