//! Requests at the edges of HTTP, as a client sees the answers: errors to
//! HEAD keep the connection usable, a body the server does not read does
//! not reset the answer away, HTTP/1.0 keep-alive, absolute URLs, folder
//! redirects, odd header bytes, long URLs and hostile Host names; the last
//! answer before a close arrives whole.

use super::common::hostile::*;
use super::common::serve::{get, new_site, raw, Server};

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One response read off a kept connection: status line, head, body.
fn next_response(reader: &mut impl BufRead, head_only: bool) -> (String, String, Vec<u8>) {
    let mut head = String::new();
    let mut line = String::new();
    while line != "\r\n" {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "closed in a head");
        head.push_str(&line);
    }
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; if head_only { 0 } else { length }];
    reader.read_exact(&mut body).unwrap();
    let status = head.lines().next().unwrap().to_string();
    (status, head, body)
}

fn connect(addr: &str, requests: &str) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(requests.as_bytes()).unwrap();
    BufReader::new(s)
}

#[test]
fn r1_an_error_to_head_has_no_body_and_the_connection_goes_on() {
    let _turn = take_turn();
    let site = new_site("head-errors");
    let server = Server::start(&site);
    let a = &server.addr;
    let mut reader = connect(
        a,
        &format!(
            "HEAD /%2e%2e/x HTTP/1.1\r\nHost: {a}\r\n\r\n\
             HEAD /nowhere.html HTTP/1.1\r\nHost: {a}\r\n\r\n\
             HEAD /about.html HTTP/1.1\r\nHost: {a}\r\n\r\n\
             GET /about.html HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n"
        ),
    );
    let (status, head, _) = next_response(&mut reader, true);
    assert_eq!(status, "HTTP/1.1 400 Bad Request");
    assert!(head.contains("Content-Length: 12\r\n"), "{head}");
    assert!(next_response(&mut reader, true)
        .0
        .starts_with("HTTP/1.1 404"));
    assert!(next_response(&mut reader, true)
        .0
        .starts_with("HTTP/1.1 200"));
    let (status, _, body) = next_response(&mut reader, false);
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert!(String::from_utf8_lossy(&body).contains("<h1>About</h1>"));
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    assert!(rest.is_empty(), "nothing after the last answer: {rest:?}");
    // Refusals that end the connection send no body to HEAD either.
    for request in [
        "HEAD / HTTP/1.1\r\nHost: evil.example\r\n\r\n".to_string(),
        format!("HEAD /{} HTTP/1.1\r\nHost: {a}\r\n\r\n", "a".repeat(9000)),
    ] {
        let mut reader = connect(a, &request);
        let mut all = String::new();
        let _ = reader.read_to_string(&mut all);
        assert!(all.ends_with("\r\n\r\n"), "{all}");
    }
}

#[test]
fn r2_a_request_body_the_server_does_not_read_does_not_reset_the_answer() {
    let _turn = take_turn();
    let site = new_site("bodies");
    let server = Server::start(&site);
    let a = server.addr.clone();
    for (request, size, answer) in [
        ("POST /", 8_000_000, "HTTP/1.1 405 Method Not Allowed"),
        (
            "PUT /upload.html",
            100_000,
            "HTTP/1.1 405 Method Not Allowed",
        ),
        ("GET /about.html", 8_000_000, "HTTP/1.1 200 OK"),
    ] {
        for _ in 0..5 {
            let mut s = TcpStream::connect(&a).unwrap();
            let head = format!("{request} HTTP/1.1\r\nHost: {a}\r\nContent-Length: {size}\r\n\r\n");
            let mut bytes = head.into_bytes();
            bytes.resize(bytes.len() + size, b'x');
            // As curl or a script sends it: the whole request, then the answer is read.
            let sent = s.write_all(&bytes);
            assert!(sent.is_ok(), "{request} with {size} bytes: {sent:?}");
            let got =
                read_until_closed(&s, Duration::from_secs(5)).expect("an answer, then the end");
            let text = String::from_utf8_lossy(&got);
            assert!(
                text.starts_with(answer),
                "{request} with {size} bytes: {text:?}"
            );
            assert!(text.contains("Connection: close\r\n"), "{text}");
        }
    }
}

#[test]
fn r3_http_1_0_keep_alive_absolute_urls_and_folder_redirects() {
    let _turn = take_turn();
    let site = new_site("edges");
    let server = Server::start(&site);
    let a = &server.addr;
    // HTTP/1.0 asking to keep the connection: told so, and it is kept.
    let mut reader = connect(
        a,
        &format!(
            "GET /about.html HTTP/1.0\r\nHost: {a}\r\nConnection: keep-alive\r\n\r\n\
             GET / HTTP/1.0\r\nHost: {a}\r\n\r\n"
        ),
    );
    let (_, head, _) = next_response(&mut reader, false);
    assert!(head.contains("Connection: keep-alive\r\n"), "{head}");
    let (status, head, _) = next_response(&mut reader, false);
    assert!(status.starts_with("HTTP/1.1 200") && head.contains("Connection: close\r\n"));
    // An absolute URL naming this server is served; naming another host, refused.
    let ask = |line: &str, host: &str| {
        raw(
            a,
            format!("{line}\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .unwrap()
    };
    let absolute = ask(&format!("GET http://{a}/about.html HTTP/1.1"), a);
    assert_eq!(absolute.status, 200);
    assert!(absolute.body.contains("<h1>About</h1>"));
    assert_eq!(
        ask(&format!("GET http://{a}/practice HTTP/1.1"), a).status,
        301
    );
    assert_eq!(ask("GET http://evil.example/ HTTP/1.1", a).status, 400);
    assert_eq!(
        ask(&format!("GET http://{a}/ HTTP/1.1"), "evil.example").status,
        400
    );
    // A folder without its slash: the query kept, no fragment.
    for (target, location) in [
        ("/practice#frag", "/practice/"),
        ("/practice?x=1", "/practice/?x=1"),
        ("/practice?x=1#frag", "/practice/?x=1"),
    ] {
        let r = get(a, target);
        assert_eq!(r.status, 301, "{target}");
        assert!(
            r.headers.contains(&format!("\r\nLocation: {location}\r\n")),
            "{target}: {}",
            r.headers
        );
    }
}

#[test]
fn r4_odd_header_bytes_long_urls_and_hostile_host_names() {
    let _turn = take_turn();
    let site = new_site("odd-heads");
    let server = Server::start(&site);
    let a = &server.addr;
    let mut request = format!("GET /about.html HTTP/1.1\r\nHost: {a}\r\nX-Name: ").into_bytes();
    request.extend_from_slice(b"caf\xe9 \xff\r\nConnection: close\r\n\r\n");
    assert_eq!(
        raw(a, &request).unwrap().status,
        200,
        "a header the server does not use"
    );
    let long = raw(
        a,
        format!("GET /{} HTTP/1.1\r\nHost: {a}\r\n\r\n", "a".repeat(9000)).as_bytes(),
    )
    .unwrap();
    assert_eq!(long.status, 414);
    assert!(long.body.contains("too long"), "{}", long.body);
    // A Host that would garble the terminal, and one of 15 KB.
    let garbling = "\u{202e}lmth\t.exe\u{200b}";
    let r = raw(
        a,
        format!("GET / HTTP/1.1\r\nHost: {garbling}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 400);
    let huge = "a".repeat(15_000);
    let r = raw(
        a,
        format!("GET / HTTP/1.1\r\nHost: {huge}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 400);
    assert!(
        r.body.len() < 1000,
        "the 400 does not echo the host: {} bytes",
        r.body.len()
    );
    let _ = raw(a, b"GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n");
    wait_for_stderr(
        &server,
        "refused a request addressed to \\u{202e}lmth\\u{9}.exe\\u{200b} (DNS rebinding guard)\n",
    );
    wait_for_stderr(&server, "aaaa… (DNS rebinding guard)\n");
    wait_for_stderr(
        &server,
        "refused a request that named no host (DNS rebinding guard)\n",
    );
    let stderr = server.stderr();
    assert!(
        !stderr.contains('\t') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
    assert!(stderr.lines().all(|l| l.len() < 300), "{stderr}");
    assert!(
        !stderr.contains("--host \n") && !stderr.contains("--host (none)"),
        "{stderr}"
    );
    assert!(!stderr.contains("--host aaaa"), "{stderr}");
}

/// A page on another port of this computer is the same site to a browser
/// but another website: it may link to the preview, not load its files
/// (the search's text is a script any page could run) or frame its pages.
/// And `/a//b` is refused: a browser would resolve the page's links from
/// the doubled folder.
#[test]
fn r5_another_port_may_link_here_not_load_or_frame_and_doubled_slashes_are_refused() {
    let _turn = take_turn();
    let site = new_site("same-site");
    let server = Server::start(&site);
    let a = &server.addr;
    let ask = |target: &str, fetch: &str| {
        raw(
            a,
            format!("GET {target} HTTP/1.1\r\nHost: {a}\r\n{fetch}Connection: close\r\n\r\n")
                .as_bytes(),
        )
        .expect("an answer")
    };
    let script =
        "Sec-Fetch-Site: same-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n";
    assert_eq!(ask("/search/text.en.0.js", script).status, 403);
    let frame =
        "Sec-Fetch-Site: same-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: iframe\r\n";
    assert_eq!(ask("/about.html", frame).status, 403);
    let link =
        "Sec-Fetch-Site: same-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n";
    let page = ask("/about.html", link);
    assert_eq!(page.status, 200);
    // What a browser is told about every file: not for other websites.
    for header in [
        "Cross-Origin-Resource-Policy: same-origin",
        "Content-Security-Policy: frame-ancestors 'self'",
        "X-Content-Type-Options: nosniff",
    ] {
        assert!(
            page.headers.matches(header).count() == 1,
            "{header} in {}",
            page.headers
        );
    }
    for target in [
        "/practice//",
        "/static//style.css",
        "/a//b/",
        "//about.html",
    ] {
        assert_eq!(ask(target, "").status, 400, "{target}");
    }
    assert_eq!(ask("/practice/", "").status, 200);
}

/// Smaller points of HTTP: a folder with no page is not found rather than
/// redirected to a 404; an empty member of a range list counts for
/// nothing; a length too large to count is refused; the event stream,
/// which has no length, says its connection ends with it.
#[test]
fn r6_folders_without_a_page_ranges_lengths_and_the_event_stream_framing() {
    let _turn = take_turn();
    let site = new_site("edges");
    let server = Server::start(&site);
    let a = &server.addr;
    let ask = |lines: &str| {
        raw(
            a,
            format!("{lines}Host: {a}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .expect("an answer")
    };
    assert_eq!(ask("GET /static HTTP/1.1\r\n").status, 404);
    let practice = ask("GET /practice HTTP/1.1\r\n");
    assert_eq!(practice.status, 301, "a folder with a page still redirects");
    let part = ask("GET /static/style.css HTTP/1.1\r\nRange: bytes=0-1,\r\n");
    assert_eq!(part.status, 206, "{}", part.headers);
    assert_eq!(part.body.len(), 2);
    let huge = ask("GET / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n");
    assert_eq!(huge.status, 400);
    let mut s = TcpStream::connect(a).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(format!("GET /__alsite/events HTTP/1.0\r\nHost: {a}\r\n\r\n").as_bytes())
        .unwrap();
    let mut head = String::new();
    let mut reader = BufReader::new(s);
    while !head.ends_with("\r\n\r\n") {
        assert!(reader.read_line(&mut head).unwrap() > 0);
    }
    assert!(
        head.contains("text/event-stream") && head.contains("Connection: close\r\n"),
        "{head}"
    );
}

/// A client that asked to close (or speaks HTTP/1.0 without keep-alive)
/// and sent more after its request gets the whole answer and then the end
/// of the connection. The server closed at once, with those bytes unread,
/// so the system reset the connection and the client lost the part of the
/// answer it had not read yet (1 to 2 MB of an 8 MB file).
#[test]
fn r7_the_last_answer_arrives_whole_though_the_client_sent_more() {
    let _turn = take_turn();
    let site = new_site("close-whole");
    let size = 8 << 20;
    fs::write(site.path("content/film.bin"), vec![7u8; size]).unwrap();
    let server = Server::start(&site);
    let a = &server.addr;
    for (version, close) in [("HTTP/1.1", "Connection: close\r\n"), ("HTTP/1.0", "")] {
        let mut s = TcpStream::connect(a).unwrap();
        s.write_all(format!("GET /film.bin {version}\r\nHost: {a}\r\n{close}\r\n").as_bytes())
            .unwrap();
        // More, while the answer is on its way: never read by the server.
        std::thread::sleep(Duration::from_millis(200));
        let more = format!("GET / HTTP/1.1\r\nHost: {a}\r\n\r\n").repeat(100);
        s.write_all(more.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let all = read_until_closed(&s, Duration::from_secs(20)).expect("the end");
        let at = all
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head")
            + 4;
        let head = String::from_utf8_lossy(&all[..at]);
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("Connection: close\r\n"), "{head}");
        assert_eq!(
            all.len() - at,
            size,
            "{version}: the whole file, then the end"
        );
    }
    assert_eq!(get(a, "/about.html").status, 200);
}

/// `alsite serve | head -2`: once the reader of its output has gone, a
/// request that makes the server write a line (a refused host) does not
/// stop it, nor does a rebuild; pages are still served.
#[test]
fn a_server_whose_output_no_one_reads_goes_on_serving() {
    use std::process::{Command, Stdio};
    let site = new_site("serve-unread");
    let mut child = Command::new(super::common::serve::BIN)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("http://") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "serve printed its address"
        );
    }
    let addr = line
        .split("http://")
        .nth(1)
        .unwrap()
        .trim()
        .trim_end_matches('/');
    drop(out);
    drop(child.stderr.take());
    let refused = raw(
        addr,
        b"GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(refused.map(|r| r.status), Some(400));
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\n---\nNew words.\n",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(get(addr, "/").status, 200);
    assert!(child.try_wait().unwrap().is_none(), "serve stopped");
    let _ = child.kill();
    let _ = child.wait();
}
