//! Live reload that no one can switch off: a page on another website is
//! refused its event stream, a closed tab gives its place back at once, and
//! a new tab always gets live reload (the oldest stream makes room); HEAD
//! of the stream gets its head.

use super::common::hostile::*;
use super::common::serve::{get, new_site, raw, Events, Server};

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Opens an event stream with `extra` header lines; the status line it got.
fn open_stream(addr: &str, extra: &str) -> (TcpStream, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(
        format!("GET /__alsite/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n{extra}\r\n")
            .as_bytes(),
    )
    .unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut line = String::new();
    BufReader::new(&s).read_line(&mut line).unwrap();
    (s, line.trim_end().to_string())
}

/// Descriptors the server holds open (sockets above all).
fn server_fds(server: &Server) -> usize {
    fs::read_dir(format!("/proc/{}/fd", server.child.id()))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn l1_a_page_on_another_website_gets_no_event_stream() {
    let _turn = take_turn();
    let site = new_site("cross-site");
    let server = Server::start(&site);
    let addr = server.addr.clone();
    let port = addr.rsplit(':').next().unwrap();
    // What Chromium sends for `new EventSource(...)` on a page of another
    // website, or of another server on this computer; a sandboxed frame.
    let cors = "Sec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n";
    for extra in [
        format!("Origin: http://localhost:18500\r\nSec-Fetch-Site: cross-site\r\n{cors}"),
        format!("Origin: http://127.0.0.1:1{port}\r\nSec-Fetch-Site: same-site\r\n{cors}"),
        format!("Origin: null\r\nSec-Fetch-Site: cross-site\r\n{cors}"),
        "Origin: http://evil.example\r\n".to_string(),
        "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n"
            .to_string(),
    ] {
        let (_s, status) = open_stream(&addr, &extra);
        assert_eq!(status, "HTTP/1.1 403 Forbidden", "{extra}");
    }
    let refused = raw(
        &addr,
        format!(
            "GET /__alsite/events HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://evil.example\r\n\r\n"
        )
        .as_bytes(),
    )
    .expect("an answer, then the end");
    assert_eq!(
        refused.body,
        "refused: a page on another website asked for this preview\n"
    );
    // A script of another website reading a page, a frame of it: refused too.
    for extra in [
        format!("Origin: http://evil.example\r\nSec-Fetch-Site: cross-site\r\n{cors}"),
        "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: iframe\r\n"
            .into(),
    ] {
        let r = raw(
            &addr,
            format!("GET /about.html HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(r.status, 403, "{extra}");
    }
    // Following a link from another website to the preview works; so do the
    // page's own requests, and its own event stream.
    let link =
        "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n";
    let r = raw(
        &addr,
        format!("GET /about.html HTTP/1.1\r\nHost: {addr}\r\n{link}Connection: close\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 200);
    let own = format!("Origin: http://{addr}\r\nSec-Fetch-Site: same-origin\r\n{cors}");
    let (_s, status) = open_stream(&addr, &own);
    assert_eq!(status, "HTTP/1.1 200 OK");
    let (_s, status) = open_stream(&addr, "");
    assert_eq!(status, "HTTP/1.1 200 OK");
}

#[test]
fn l2_a_closed_tab_gives_its_stream_back_within_a_second() {
    let _turn = take_turn();
    raise_own_fd_limit();
    let site = new_site("closed-tabs");
    let server = Server::start(&site);
    std::thread::sleep(Duration::from_millis(200));
    let before = server_fds(&server);
    let tabs: Vec<Events> = (0..100).map(|_| Events::open(&server.addr)).collect();
    std::thread::sleep(Duration::from_millis(100));
    let open = server_fds(&server);
    assert!(open >= before + 100, "{before} then {open}");
    drop(tabs);
    let closed = Instant::now();
    while server_fds(&server) > before + 2 {
        assert!(
            closed.elapsed() < Duration::from_secs(1),
            "{} descriptors still open 1 s after 100 tabs closed (before: {before})",
            server_fds(&server)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "100 closed tabs: their streams were closed {:.0} ms later",
        closed.elapsed().as_secs_f64() * 1000.0
    );
}

#[test]
fn l3_a_new_tab_always_gets_live_reload_and_streams_stay_bounded() {
    let _turn = take_turn();
    raise_own_fd_limit();
    let site = new_site("many-tabs");
    let server = Server::start(&site);
    std::thread::sleep(Duration::from_millis(200));
    let before = server_fds(&server);
    // 300 streams that never read, with the system's usual buffers.
    let hoarded: Vec<TcpStream> = (0..300)
        .map(|i| {
            let (s, status) = open_stream(&server.addr, "");
            assert_eq!(status, "HTTP/1.1 200 OK", "stream {i}");
            s
        })
        .collect();
    let mut tab = Events::open(&server.addr);
    std::thread::sleep(Duration::from_millis(300));
    let held = server_fds(&server) - before;
    eprintln!("301 event streams opened: the server holds {held} of them");
    assert!(held <= 128 + 2, "{held}");
    // The oldest were closed to make room (their browsers would reconnect).
    // (A closed one reads as closed at once; the wait is for a busy machine.)
    let closed = hoarded
        .iter()
        .take(173)
        .filter(|s| read_until_closed(s, Duration::from_millis(3000)).is_some())
        .count();
    assert_eq!(closed, 173, "the oldest streams were closed");
    assert!(read_until_closed(&hoarded[299], Duration::from_millis(200)).is_none());
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\n---\n\nChanged.\n",
    )
    .unwrap();
    let took = tab.next_reload();
    eprintln!(
        "the tab opened last reloaded {:.0} ms after the save",
        took.as_secs_f64() * 1000.0
    );
    assert!(get(&server.addr, "/about.html").body.contains("Changed."));
}

#[test]
fn l4_head_of_the_event_stream_gets_the_head_a_get_gets_and_no_stream() {
    let _turn = take_turn();
    let site = new_site("head-events");
    let server = Server::start(&site);
    let a = &server.addr;
    let mut s = TcpStream::connect(a).unwrap();
    s.write_all(
        format!(
            "HEAD /__alsite/events HTTP/1.1\r\nHost: {a}\r\n\r\n\
             GET /about.html HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    )
    .unwrap();
    let all = read_until_closed(&s, Duration::from_secs(5)).expect("two answers, then the end");
    let text = String::from_utf8_lossy(&all);
    let (head, rest) = text.split_once("\r\n\r\n").expect("a whole head");
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(
        head.contains("Content-Type: text/event-stream\r\n"),
        "{head}"
    );
    assert!(head.contains("Cache-Control: no-store\r\n"), "{head}");
    // What every answer tells the browser, the stream's too.
    for guard in [
        "Cross-Origin-Resource-Policy: same-origin\r\n",
        "Content-Security-Policy: frame-ancestors 'self'\r\n",
        "X-Content-Type-Options: nosniff\r\n",
    ] {
        assert_eq!(head.matches(guard).count(), 1, "{guard} in {head}");
    }
    // No body: the connection's next answer follows the head at once.
    assert!(rest.starts_with("HTTP/1.1 200 OK\r\n"), "{rest}");
    assert!(rest.contains("<h1>About</h1>"), "{rest}");
    // Refused to another website as a GET is, and not kept either.
    let refused = raw(
        a,
        format!(
            "HEAD /__alsite/events HTTP/1.1\r\nHost: {a}\r\nOrigin: http://evil.example\r\n\r\n"
        )
        .as_bytes(),
    )
    .expect("an answer, then the end");
    assert_eq!(refused.status, 403);
    assert_eq!(refused.body, "", "no body to HEAD");
    // Asking to close gets the head and the end.
    let closed = raw(
        a,
        format!("HEAD /__alsite/events HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .expect("the head, then the end");
    assert_eq!(closed.status, 200);
    assert!(
        closed.headers.contains("Connection: close"),
        "{}",
        closed.headers
    );
    assert_eq!(closed.body, "");
}
