//! Status codes at the edges of HTTP, over real sockets: methods the
//! server does not know (501) or does not allow (405), request bodies whose
//! end cannot be found (400, or 501 for an unknown coding), HTTP versions it
//! does not speak (505; a later HTTP/1 is served as 1.1), and byte ranges
//! (206, 416), which a video of the site needs to play in Safari.

use super::common::hostile::{read_until_closed, take_turn};
use super::common::serve::{get, new_site, Server};

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

/// Sends `request` and reads until the server closes: (status line, head, body bytes).
fn ask(addr: &str, request: &str) -> (String, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let all = read_until_closed(&s, Duration::from_secs(10)).expect("an answer, then the end");
    let at = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a whole head");
    let head = String::from_utf8_lossy(&all[..at + 4]).into_owned();
    let status = head.lines().next().unwrap_or_default().to_string();
    (status, head, all[at + 4..].to_vec())
}

#[test]
fn f1_unknown_methods_unreadable_bodies_and_other_versions_get_their_status() {
    let _turn = take_turn();
    let site = new_site("framing");
    let server = Server::start(&site);
    let a = &server.addr;
    let host = format!("Host: {a}\r\n");
    for (request, status) in [
        (format!("BREW / HTTP/1.1\r\n{host}\r\n"), "501 Not Implemented"),
        (format!("get / HTTP/1.1\r\n{host}\r\n"), "501 Not Implemented"),
        (format!("DELETE / HTTP/1.1\r\n{host}\r\n"), "405 Method Not Allowed"),
        (
            format!("GET / HTTP/1.1\r\n{host}Content-Length: abc\r\n\r\n"),
            "400 Bad Request",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
            "400 Bad Request",
        ),
        (
            format!("POST / HTTP/1.1\r\n{host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            "400 Bad Request",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Transfer-Encoding: gzip\r\n\r\nxxxx"),
            "400 Bad Request",
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Transfer-Encoding: rot13, chunked\r\n\r\n0\r\n\r\n"),
            "501 Not Implemented",
        ),
        (format!("GET / HTTP/4.0\r\n{host}\r\n"), "505 HTTP Version Not Supported"),
    ] {
        let (line, head, _) = ask(a, &request);
        assert_eq!(line, format!("HTTP/1.1 {status}"), "{request:?}");
        assert!(head.contains("Connection: close\r\n") || status.starts_with("405") || status.starts_with("501"), "{request:?}: {head}");
        if status.starts_with("405") {
            assert!(head.contains("Allow: GET, HEAD\r\n"), "{head}");
        }
        assert_eq!(get(a, "/about.html").status, 200, "still serving after {request:?}");
    }
}

#[test]
fn f2_one_byte_range_is_served_as_206_and_past_the_end_as_416() {
    let _turn = take_turn();
    let site = new_site("ranges");
    // A video of the site: Safari asks for it in ranges and plays nothing without them.
    let video: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(site.path("content/clip.mp4"), &video).unwrap();
    std::fs::write(site.path("content/silence.mp3"), b"").unwrap();
    let server = Server::start(&site);
    let a = &server.addr;
    let range = |target: &str, extra: &str| {
        ask(
            a,
            &format!("GET {target} HTTP/1.1\r\nHost: {a}\r\n{extra}Connection: close\r\n\r\n"),
        )
    };
    let (line, head, whole) = range("/clip.mp4", "");
    assert_eq!(line, "HTTP/1.1 200 OK");
    assert!(head.contains("Content-Type: video/mp4\r\n"), "{head}");
    assert!(head.contains("Accept-Ranges: bytes\r\n"), "{head}");
    assert_eq!(whole, video);
    let n = video.len();
    for (spec, part) in [
        ("bytes=0-1", 0..2),
        ("bytes=1000-1999", 1000..2000),
        ("bytes=299990-", 299_990..n),
        ("bytes=-7", n - 7..n),
        ("bytes=10-99999999", 10..n),
    ] {
        let (line, head, body) = range("/clip.mp4", &format!("Range: {spec}\r\n"));
        assert_eq!(line, "HTTP/1.1 206 Partial Content", "{spec}");
        let want = format!(
            "Content-Range: bytes {}-{}/{n}\r\n",
            part.start,
            part.end - 1
        );
        assert!(head.contains(&want), "{spec}: {head}");
        assert_eq!(body, video[part].to_vec(), "{spec}");
    }
    let (line, head, _) = range("/clip.mp4", &format!("Range: bytes={n}-\r\n"));
    assert_eq!(line, "HTTP/1.1 416 Range Not Satisfiable");
    assert!(
        head.contains(&format!("Content-Range: bytes */{n}\r\n")),
        "{head}"
    );
    // An empty file: its last bytes are all of it (nothing), not past its end.
    let (line, head, body) = range("/silence.mp3", "Range: bytes=-500\r\n");
    assert_eq!(line, "HTTP/1.1 200 OK", "{head}");
    assert!(head.contains("Content-Length: 0\r\n"), "{head}");
    assert!(body.is_empty());
    // Several ranges, or If-Range (this server has no validators): the whole file.
    for extra in [
        "Range: bytes=0-1,5-9\r\n",
        "Range: bytes=0-1\r\nIf-Range: \"x\"\r\n",
    ] {
        let (line, _, body) = range("/clip.mp4", extra);
        assert_eq!(line, "HTTP/1.1 200 OK", "{extra}");
        assert_eq!(body.len(), n, "{extra}");
    }
    // A page in two ranges is the page (with its live-reload script).
    let (_, _, page) = range("/about.html", "");
    let (_, _, first) = range("/about.html", "Range: bytes=0-99\r\n");
    let (_, _, rest) = range("/about.html", "Range: bytes=100-\r\n");
    assert_eq!([first, rest].concat(), page);
    // HEAD takes no range; a 206 and a 416 keep the connection.
    let (line, head, after) = ask(
        a,
        &format!(
            "GET /clip.mp4 HTTP/1.1\r\nHost: {a}\r\nRange: bytes=0-0\r\n\r\n\
             GET /clip.mp4 HTTP/1.1\r\nHost: {a}\r\nRange: bytes=999999-\r\n\r\n\
             HEAD /clip.mp4 HTTP/1.1\r\nHost: {a}\r\nRange: bytes=0-0\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(line, "HTTP/1.1 206 Partial Content");
    assert!(head.contains("Content-Length: 1\r\n"), "{head}");
    assert_eq!(after[0], video[0]);
    let rest = String::from_utf8_lossy(&after[1..]).into_owned();
    let answers: Vec<&str> = rest.split("HTTP/1.1 ").skip(1).collect();
    assert_eq!(answers.len(), 2, "{rest}");
    assert!(answers[0].starts_with("416 "), "{rest}");
    assert!(answers[1].starts_with("200 OK\r\n"), "{rest}");
    assert!(
        answers[1].contains(&format!("Content-Length: {n}\r\n")),
        "{rest}"
    );
    assert!(answers[1].ends_with("\r\n\r\n"), "no body to HEAD: {rest}");
}

#[test]
fn f3_a_later_http_1_is_served_as_http_1_1_and_other_versions_are_refused() {
    let _turn = take_turn();
    let site = new_site("versions");
    let server = Server::start(&site);
    let a = &server.addr;
    // RFC 9112, 2.3: a higher minor version of HTTP/1 is answered as 1.1.
    for version in ["HTTP/1.2", "HTTP/1.9"] {
        let (line, head, body) = ask(
            a,
            &format!("GET /about.html {version}\r\nHost: {a}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(line, "HTTP/1.1 200 OK", "{version}: {head}");
        assert!(
            String::from_utf8_lossy(&body).contains("<h1>About</h1>"),
            "{version}: the page"
        );
        // As for 1.1, the connection stays open for the next request, HEAD too.
        let (line, head, after) = ask(
            a,
            &format!(
                "GET /about.html {version}\r\nHost: {a}\r\n\r\n\
                 HEAD /about.html {version}\r\nHost: {a}\r\nConnection: close\r\n\r\n"
            ),
        );
        assert_eq!(line, "HTTP/1.1 200 OK", "{version}");
        assert!(!head.contains("Connection: close"), "{version}: {head}");
        let rest = String::from_utf8_lossy(&after).into_owned();
        let second = rest
            .split_once("HTTP/1.1 ")
            .map(|(_, r)| r)
            .unwrap_or_default();
        assert!(
            second.starts_with("200 OK\r\n"),
            "{version}: a second answer: {rest}"
        );
        assert!(
            second.ends_with("\r\n\r\n"),
            "{version}: no body to HEAD: {second}"
        );
    }
    for (version, status) in [
        ("HTTP/2.0", "505 HTTP Version Not Supported"),
        ("HTTP/3.0", "505 HTTP Version Not Supported"),
        ("HTTP/9.1", "505 HTTP Version Not Supported"),
        ("HTTP/1.10", "400 Bad Request"),
        ("HTTP/1.x", "400 Bad Request"),
        ("HTTP/1", "400 Bad Request"),
        ("HTTP/0.9", "400 Bad Request"),
    ] {
        let (line, _, _) = ask(a, &format!("GET / {version}\r\nHost: {a}\r\n\r\n"));
        assert_eq!(line, format!("HTTP/1.1 {status}"), "{version}");
    }
    assert_eq!(get(a, "/about.html").status, 200, "still serving");
}
