//! `alsite serve` over real HTTP: pages and assets, live reload after edits
//! (plain saves, atomic renames, a folder deleted and re-created), the error
//! overlay while the last good site stays served, every traversal form
//! refused, hostile request lines survived, a bounded load check, and memory
//! given back when a site shrinks.

mod common;

use common::serve::{get, new_site, raw, read_response, Events, Server, BIN};

use std::fs;
use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn serves_pages_and_assets_with_the_right_types() {
    let site = new_site("assets");
    // A file named as cameras and Windows name them: served as web servers do.
    fs::create_dir_all(site.path("content/images")).unwrap();
    fs::write(
        site.path("content/images/Photo.SVG"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let server = Server::start(&site);
    let home = get(&server.addr, "/");
    assert_eq!(home.status, 200);
    assert!(
        home.headers
            .contains("Content-Type: text/html; charset=utf-8"),
        "{}",
        home.headers
    );
    assert!(home.body.contains("<h1>Home</h1>") && home.body.contains("/__alsite/events"));
    let css = get(&server.addr, "/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.headers.contains("Content-Type: text/css"));
    assert!(
        css.body.contains("--accent") && !css.body.contains("EventSource"),
        "no script in CSS"
    );
    assert!(get(&server.addr, "/static/practice.js")
        .headers
        .contains("text/javascript"));
    assert!(get(&server.addr, "/static/favicon.svg")
        .headers
        .contains("image/svg+xml"));
    let photo = get(&server.addr, "/images/Photo.SVG");
    assert!(
        photo.headers.contains("Content-Type: image/svg+xml"),
        "{}",
        photo.headers
    );
    // As strict hosts answer: a file of the wrong type is refused in the
    // preview too, not first on the intranet.
    for response in [&home, &css, &photo] {
        assert!(
            response
                .headers
                .contains("X-Content-Type-Options: nosniff\r\n"),
            "{}",
            response.headers
        );
    }
    let folder = get(&server.addr, "/practice/");
    assert_eq!(folder.status, 200);
    assert!(folder.body.contains("From statements to open questions"));
    let redirect = get(&server.addr, "/practice");
    assert_eq!(redirect.status, 301);
    assert!(redirect.headers.contains("Location: /practice/"));
    let missing = get(&server.addr, "/nope.html");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found") && missing.body.contains("href=\"/index.html\"")
    );
    let head = raw(
        &server.addr,
        format!(
            "HEAD /about.html HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD has no body");
    let post = raw(
        &server.addr,
        format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(post.status, 405);
    // Conditional requests (RFC 9110, 13.1): no entity tags are given, so an
    // If-Match on a tag fails (412), `*` holds; If-None-Match: * fails (304, no body).
    let with = |header: &str| {
        let request = format!(
            "GET /about.html HTTP/1.1\r\nHost: {}\r\n{header}\r\nConnection: close\r\n\r\n",
            server.addr
        );
        raw(&server.addr, request.as_bytes()).unwrap()
    };
    assert_eq!(with("If-Match: \"abc\"").status, 412);
    assert_eq!(with("If-Match: *").status, 200);
    let unchanged = with("If-None-Match: *");
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.body.is_empty() && !unchanged.headers.contains("Content-Length"));
    assert_eq!(with("If-None-Match: \"abc\"").status, 200);
    assert_eq!(get(&server.addr, "/nope.html").status, 404);
    // A body whose end cannot be found is 400 whatever its codings (RFC 9112, 6.3).
    for coding in ["xchunked", "chunked, identity", "gzip"] {
        let request = format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nTransfer-Encoding: {coding}\r\nConnection: close\r\n\r\n",
            server.addr
        );
        assert_eq!(
            raw(&server.addr, request.as_bytes()).unwrap().status,
            400,
            "{coding}"
        );
    }
}

#[test]
fn an_edit_reloads_the_page_with_the_new_text() {
    let site = new_site("edit");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let about = site.path("content/pages/about.md");
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact\n\nNew opening hours.\n",
    )
    .unwrap();
    let took = events.next_reload();
    eprintln!("save to reload event: {} ms", took.as_millis());
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("New opening hours."));

    // Editors save by writing a temporary file and renaming it over the old one.
    let tmp = site.path("content/pages/.about.md.tmp");
    fs::write(
        &tmp,
        "---\ntitle: About\n---\n\n## Contact\n\nSaved atomically.\n",
    )
    .unwrap();
    fs::rename(&tmp, &about).unwrap();
    events.next_reload();
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("Saved atomically."));
}

#[test]
fn a_bad_edit_shows_an_overlay_over_the_last_good_site_until_fixed() {
    let site = new_site("overlay");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let rules = site.path("content/method/ground-rules.yaml");
    let good = fs::read_to_string(&rules).unwrap();
    fs::write(
        &rules,
        good.replace("title: Ground rules", "titel: Ground rules"),
    )
    .unwrap();
    events.next_reload();
    let page = get(&server.addr, "/ground-rules.html");
    assert_eq!(page.status, 200, "the last good page is still served");
    assert!(
        page.body.contains("Statements answer questions"),
        "old content still there"
    );
    assert!(page.body.contains("id=\"alsite-error-overlay\""));
    assert!(
        page.body
            .contains("content/method/ground-rules.yaml:1:1: error: unknown field `titel`"),
        "{}",
        page.body
    );
    assert!(
        get(&server.addr, "/index.html")
            .body
            .contains("alsite-error-overlay"),
        "on every page"
    );

    fs::write(&rules, &good).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/ground-rules.html");
    assert!(
        !page.body.contains("alsite-error-overlay"),
        "fixing it clears the overlay"
    );
    // The terminal, which ended on the errors, says they are fixed.
    assert!(
        server.wait_for(|s| s.stdout().contains("the site builds again")),
        "{}",
        server.stdout()
    );
}

/// A warning shows in the preview too, in a closed notice on every page,
/// and goes when the file is fixed: a trainer who watches only the
/// browser learned of it from nowhere (`[rules](The two ground rules)`,
/// a page's title written as a link's address, showed as typed).
#[test]
fn a_warning_shows_on_every_page_until_fixed() {
    let site = new_site("warned");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let about = site.path("content/pages/about.md");
    let good = fs::read_to_string(&about).unwrap();
    fs::write(&about, format!("{good}\nSee [the rules](Ground rules).\n")).unwrap();
    events.next_reload();
    for path in ["/about.html", "/index.html"] {
        let page = get(&server.addr, path);
        assert!(
            page.body.contains("<details id=\"alsite-warnings\""),
            "{path}: {}",
            page.body
        );
        let notice = page
            .body
            .split("alsite-warnings")
            .nth(1)
            .unwrap_or_default()
            .replace('\u{a0}', " ");
        assert!(
            notice.contains("The site builds, with 1 warning</summary>"),
            "{path}: {notice}"
        );
        assert!(page.body.contains("content/pages/about.md:"), "{path}");
        assert!(!page.body.contains("alsite-error-overlay"), "{path}");
    }
    fs::write(&about, &good).unwrap();
    events.next_reload();
    assert!(!get(&server.addr, "/about.html")
        .body
        .contains("alsite-warnings"));
}

/// A room that sees the preview (`--bind`) sees its errors: they name no
/// folder of the trainer's disk.
#[cfg(unix)]
#[test]
fn the_overlay_names_files_from_the_site_and_the_home_folder() {
    let site = new_site("overlay-paths");
    let home = common::TempDir::new("overlay-home");
    fs::create_dir_all(home.path("private")).unwrap();
    fs::write(home.path("private/notes.md"), "# Notes\n").unwrap();
    let server = Server::start_at_home(&site, &home.0);
    let mut events = Events::open(&server.addr);
    let link = site.path("content/pages/notes.md");
    std::os::unix::fs::symlink(home.path("private/notes.md"), &link).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/index.html");
    assert!(
        page.body.contains("this is a link to ~/private/notes.md"),
        "{}",
        page.body
    );
    let disk = home.0.to_str().unwrap();
    assert!(!page.body.contains(disk), "{}", page.body);
    assert!(
        server.wait_for(|s| s.stderr().contains(&format!("{disk}/private/notes.md"))),
        "the terminal names it in full: {}",
        server.stderr()
    );
}

#[test]
fn deleting_and_recreating_a_folder_keeps_the_loop_alive() {
    let site = new_site("folder");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let pages = site.path("content/pages");
    fs::remove_dir_all(&pages).unwrap();
    events.next_reload();
    assert_eq!(get(&server.addr, "/about.html").status, 404);
    fs::create_dir_all(&pages).unwrap();
    fs::write(
        pages.join("about.md"),
        "---\ntitle: About again\n---\n\n## Contact\n",
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        events.next_reload();
        if get(&server.addr, "/about.html").status == 200 || Instant::now() > deadline {
            break;
        }
    }
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("About again"));
    // And the new folder is watched: a later edit in it still reloads.
    fs::write(
        pages.join("about.md"),
        "---\ntitle: About, third\n---\n\n## Contact\n",
    )
    .unwrap();
    events.next_reload();
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("About, third"));
}

#[test]
fn no_request_gets_a_file_from_outside_the_site() {
    let site = new_site("traversal");
    let server = Server::start(&site);
    let targets = [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/static/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsecret.txt",
        "/static%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/static\\..\\..\\secret.txt",
        "/secret.txt%00.html",
        "//etc/passwd",
        "http://localhost/../secret.txt",
        "/C:/Windows/win.ini",
        "/%252e%252e/secret.txt",
        "/secret.txt",
        "/site.yaml",
        "/content/pages/about.md",
    ];
    for target in targets {
        let reply = raw(
            &server.addr,
            format!(
                "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.addr
            )
            .as_bytes(),
        );
        if let Some(reply) = reply {
            assert!(
                matches!(reply.status, 400 | 404),
                "{target}: {}",
                reply.status
            );
            assert!(
                !reply.body.contains("TOP-SECRET-42") && !reply.body.contains("root:x:0"),
                "{target} leaked a file"
            );
            assert!(
                !reply.body.contains("organization:"),
                "{target} served site.yaml"
            );
        }
    }
    // Broken request lines: no panic, and the server answers the next request.
    for junk in [
        &b"\0\0\0\0\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\n\r\n",
        b"GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\r\n\r\n",
        b"BREW /pot HTCPCP/1.0\r\n\r\n",
    ] {
        let _ = raw(&server.addr, junk);
    }
    let long = format!(
        "GET /{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a".repeat(100_000)
    );
    let _ = raw(&server.addr, long.as_bytes());
    assert_eq!(
        get(&server.addr, "/index.html").status,
        200,
        "still serving"
    );
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let site = new_site("busy");
    // A file the build warns about: its warning is not what the user reads first.
    fs::create_dir_all(site.path("content/notes")).unwrap();
    fs::write(site.path("content/notes/plan.md"), "# Plan\n").unwrap();
    let server = Server::start(&site);
    let port = server.addr.rsplit(':').next().unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--port", port, "--root"])
        .arg(&site.0)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("--port 0"), "{stderr}");
    // Said at once: no build of the site and no list of its warnings first.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("built"), "{stdout}");
    assert!(stderr.starts_with("serve: error: port"), "{stderr}");
}

#[test]
fn load_check_20000_requests_on_50_connections_with_20_event_streams_open() {
    let site = new_site("load");
    let server = Server::start(&site);
    let streams: Vec<Events> = (0..20).map(|_| Events::open(&server.addr)).collect();
    let started = Instant::now();
    let paths = [
        "/index.html",
        "/static/style.css",
        "/ground-rules.html",
        "/practice/",
        "/nope.html",
    ];
    let handles: Vec<_> = (0..50)
        .map(|c| {
            let addr = server.addr.clone();
            std::thread::spawn(move || {
                let stream = TcpStream::connect(&addr).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(10)))
                    .unwrap();
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                let mut ok = 0;
                for i in 0..400 {
                    let path = paths[(c + i) % paths.len()];
                    writer
                        .write_all(
                            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
                        )
                        .unwrap();
                    let (status, len) =
                        read_response(&mut reader).expect("a response to every request");
                    assert_eq!(
                        status,
                        if path == "/nope.html" { 404 } else { 200 },
                        "{path}"
                    );
                    assert!(len > 0);
                    ok += 1;
                }
                ok
            })
        })
        .collect();
    let answered: usize = handles
        .into_iter()
        .map(|h| h.join().expect("no client failed"))
        .sum();
    let elapsed = started.elapsed();
    assert_eq!(answered, 20_000, "no lost request");
    eprintln!(
        "load check: 20000 requests in {:.2} s = {:.0} requests/s, 20 event streams open",
        elapsed.as_secs_f64(),
        20_000.0 / elapsed.as_secs_f64()
    );
    // The event streams are still alive and hear a rebuild.
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nAfter load.\n",
    )
    .unwrap();
    for mut s in streams {
        s.next_reload();
    }
}

#[test]
fn a_site_that_never_built_says_so_not_that_it_shows_the_last_good_version() {
    let site = new_site("never-built");
    let about = site.path("content/pages/about.md");
    let first = fs::read_dir(site.path("content/pages"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    fs::write(
        if about.exists() { &about } else { &first },
        "---\ntitle: [broken\n---\n",
    )
    .unwrap();
    let server = Server::start(&site);
    let page = get(&server.addr, "/index.html");
    assert!(
        page.body
            .contains("The site does not build yet, so there is nothing to show.")
            && !page.body.contains("last good version"),
        "{}",
        page.body
    );
    // Not a missing page: every address says the site does not build yet.
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains("<h1>The site does not build yet</h1>")
            && !page.body.contains("Page not found"),
        "{}",
        page.body
    );
    common::hostile::wait_for_stderr(&server, "nothing to serve until it builds");
}

#[test]
fn a_polish_site_that_never_built_says_so_in_polish() {
    let site = new_site("never-built-pl");
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(site.path("site.yaml"), format!("language: pl\n{yaml}")).unwrap();
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: [broken\n---\n",
    )
    .unwrap();
    let server = Server::start(&site);
    let page = get(&server.addr, "/about.html");
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains("<html lang=\"pl\"")
            && page
                .body
                .contains("<h1>Strony nie udało się jeszcze zbudować</h1>")
            && page.body.contains("Popraw plik i zapisz"),
        "{}",
        page.body
    );
}

#[test]
fn replacing_the_whole_content_folder_keeps_the_loop_alive() {
    // As a git branch switch can: content/ goes away and comes back.
    let site = new_site("branch");
    let server = Server::start(&site);
    let mut events = Events::open(&server.addr);
    let content = site.path("content");
    let saved = site.path("content-saved");
    fs::rename(&content, &saved).unwrap();
    events.next_reload();
    let page = get(&server.addr, "/index.html");
    assert!(
        page.body.contains("alsite-error-overlay") && page.body.contains("no content/ folder"),
        "{}",
        page.body
    );
    fs::rename(&saved, &content).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while get(&server.addr, "/index.html")
        .body
        .contains("alsite-error-overlay")
        && Instant::now() < deadline
    {
        events.next_reload();
    }
    assert!(!get(&server.addr, "/index.html")
        .body
        .contains("alsite-error-overlay"));
    // Edits inside the returned folder are seen again.
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nBack on the branch.\n",
    )
    .unwrap();
    events.next_reload();
    assert!(get(&server.addr, "/about.html")
        .body
        .contains("Back on the branch."));
}

#[test]
fn a_site_that_shrinks_gives_its_memory_back() {
    // A trainer serves a large site, then replaces it with a small one: the
    // server should not stay the size of its largest build.
    let dir = common::TempDir::new("shrink");
    let generate = |name: &str, pages: &str| {
        let path = dir.path(name);
        let made = Command::new(BIN)
            .args(["gen-site", path.to_str().unwrap(), "--pages", pages])
            .output()
            .unwrap();
        assert!(made.status.success());
        path
    };
    let (large, small) = (generate("large", "3000"), generate("small", "300"));
    let site = common::TempDir(large);
    let server = Server::start(&site);
    let rss_mb = || {
        let status = fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
        let kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap();
        kb / 1024
    };
    let wait_for = |path: &str, status: u16| {
        let deadline = Instant::now() + Duration::from_secs(120);
        while get(&server.addr, path).status != status {
            assert!(Instant::now() < deadline, "{path} never answered {status}");
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    wait_for("/page-02999.html", 200);
    let full = rss_mb();
    fs::remove_dir_all(site.path("content")).unwrap();
    common::copy_tree(&small.join("content"), &site.path("content"));
    wait_for("/page-02999.html", 404);
    wait_for("/page-00299.html", 200);
    std::thread::sleep(Duration::from_secs(2));
    let after = rss_mb();
    assert!(
        after * 2 < full,
        "resident memory {full} MB with 3,000 pages, still {after} MB with 300"
    );
}

#[test]
fn binding_to_an_address_this_computer_does_not_have_says_so() {
    let site = new_site("not-mine");
    // 192.0.2.1 is kept for documentation: no computer has it.
    let out = Command::new(BIN)
        .args(["serve", "--port", "0", "--bind", "192.0.2.1", "--root"])
        .arg(&site.0)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("192.0.2.1 is not an address of this computer"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "no system wording: {stderr}");
}
