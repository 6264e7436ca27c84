//! Request heads: reading one under the limits of `http`, with the
//! headers this server uses (others are skipped unread, whatever bytes
//! they hold).

use super::http::{MAX_HEADERS, MAX_HEAD_BYTES, MAX_REQUEST_LINE};

/// A request head as far as this server cares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    /// The path and query (`/a/?b`); an absolute-form target
    /// (`http://host/a/?b`) is cut to this, its host kept in `authority`.
    pub target: String,
    /// The host of an absolute-form target.
    pub authority: Option<String>,
    pub host: Option<String>,
    /// The client wants the connection closed after this answer (or speaks
    /// HTTP/1.0 without asking to keep it).
    pub close: bool,
    /// HTTP/1.0: a kept connection must be confirmed in the answer.
    pub http10: bool,
    /// The request announces a body. This server reads none, so it answers
    /// and closes rather than guess where the next request starts.
    pub has_body: bool,
    /// `Origin`: the page that sent a script's request (browsers send it for
    /// cross-origin requests, event streams among them).
    pub origin: Option<String>,
    /// `Sec-Fetch-Site`, `Sec-Fetch-Mode`, `Sec-Fetch-Dest` (lower case):
    /// how the browser says the request came about.
    pub fetch_site: Option<String>,
    pub fetch_mode: Option<String>,
    pub fetch_dest: Option<String>,
    /// `Range`: the part of the file asked for (see `range`).
    pub range: Option<String>,
    /// `If-Range` was sent: this server has no validators for it to
    /// match, so the whole file is sent whatever `Range` says.
    pub if_range: bool,
    /// The body length a `Content-Length` announced (each copy the same).
    pub content_length: Option<u64>,
    /// The last transfer coding named was `chunked`; `None`: none named.
    pub chunked_last: Option<bool>,
    /// A transfer coding this server does not know was named.
    pub unknown_coding: bool,
    /// `If-Match` and `If-None-Match`, repeated fields joined as one list.
    pub if_match: Option<String>,
    pub if_none_match: Option<String>,
    /// Bytes of the head, to drop from the buffer before the next request.
    pub len: usize,
}

/// Why a head cannot be served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadError {
    /// Not all of it has arrived yet.
    Incomplete,
    /// 414: a request line over `MAX_REQUEST_LINE`.
    UrlTooLong,
    /// 431: over `MAX_HEAD_BYTES` or `MAX_HEADERS`.
    TooLarge,
    /// 505: HTTP/2 or later on a plain HTTP/1 connection.
    Version,
    /// 501: a transfer coding this server does not know.
    Coding,
    /// 400: anything else malformed.
    Bad,
}

impl HeadError {
    /// The status and plain-text answer for a head that cannot be served.
    pub fn answer(self) -> (u16, &'static str) {
        match self {
            HeadError::UrlTooLong => (414, "the address (URL) is too long\n"),
            HeadError::TooLarge => (431, "request headers too large\n"),
            HeadError::Version => (
                505,
                "this server speaks HTTP/1.1 only; connect without HTTP/2\n",
            ),
            HeadError::Coding => (
                501,
                "the request's Transfer-Encoding is not one this server knows\n",
            ),
            HeadError::Bad | HeadError::Incomplete => (400, "bad request\n"),
        }
    }
}

/// Reads the head at the start of `buf` (bytes received so far).
pub fn parse_head(buf: &[u8]) -> Result<Head, HeadError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    let status = match req.parse(buf) {
        Ok(status) => status,
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(httparse::Error::Version) if speaks_http2(buf) => return Err(HeadError::Version),
        Err(httparse::Error::Version) => {
            return match as_http11(buf) {
                Some(same) => parse_head(&same),
                None => Err(HeadError::Bad),
            }
        }
        Err(_) => return Err(HeadError::Bad),
    };
    check_request_line(buf)?;
    let len = match status {
        httparse::Status::Complete(len) if len <= MAX_HEAD_BYTES => len,
        httparse::Status::Partial if buf.len() <= MAX_HEAD_BYTES => {
            return Err(HeadError::Incomplete)
        }
        _ => return Err(HeadError::TooLarge),
    };
    let (Some(method), Some(target), Some(minor)) = (req.method, req.path, req.version) else {
        return Err(HeadError::Bad);
    };
    let (target, authority) = origin_form(target)?;
    let mut head = Head {
        method: method.to_string(),
        target,
        authority,
        close: minor == 0,
        http10: minor == 0,
        len,
        ..Head::default()
    };
    for h in req.headers.iter() {
        read_header(&mut head, h)?;
    }
    // A body whose end cannot be found (chunked is not the last coding)
    // must not be guessed at (RFC 9112, 6.3); nor one whose length is
    // given two ways, the mark of a request smuggled past a proxy.
    if head.chunked_last == Some(false)
        || (head.chunked_last.is_some() && head.content_length.is_some())
    {
        return Err(HeadError::Bad);
    }
    // A body it can find the end of, in a coding it does not know: 501.
    if head.unknown_coding {
        return Err(HeadError::Coding);
    }
    Ok(head)
}

/// 414 for a request line past `MAX_REQUEST_LINE` (whole or still arriving).
/// A line that is long for its method rather than its URL is just bad.
fn check_request_line(buf: &[u8]) -> Result<(), HeadError> {
    let line = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
    if line <= MAX_REQUEST_LINE {
        return Ok(());
    }
    let method = buf.iter().position(|&b| b == b' ').unwrap_or(buf.len());
    Err(if method <= 32 {
        HeadError::UrlTooLong
    } else {
        HeadError::Bad
    })
}

/// Takes one header into `head`. Only the headers used here must be UTF-8.
fn read_header(head: &mut Head, h: &httparse::Header<'_>) -> Result<(), HeadError> {
    let name = h.name.to_ascii_lowercase();
    let used = matches!(
        name.as_str(),
        "host"
            | "connection"
            | "content-length"
            | "transfer-encoding"
            | "origin"
            | "sec-fetch-site"
            | "sec-fetch-mode"
            | "sec-fetch-dest"
            | "range"
            | "if-range"
            | "if-match"
            | "if-none-match"
    );
    if !used {
        return Ok(());
    }
    let value = std::str::from_utf8(h.value)
        .map_err(|_| HeadError::Bad)?
        .trim();
    let tokens = || value.split(',').map(|t| t.trim().to_ascii_lowercase());
    let lower = || Some(value.to_ascii_lowercase());
    match name.as_str() {
        "host" if head.host.is_some() => return Err(HeadError::Bad),
        "origin" if head.origin.is_some() => return Err(HeadError::Bad),
        "host" => head.host = Some(value.to_string()),
        "origin" => head.origin = Some(value.to_string()),
        "connection" if tokens().any(|t| t == "close") => head.close = true,
        "connection" if head.http10 && tokens().any(|t| t == "keep-alive") => head.close = false,
        "content-length" => {
            let n = content_length(value)?;
            if head.content_length.is_some_and(|m| m != n) {
                return Err(HeadError::Bad);
            }
            head.content_length = Some(n);
            head.has_body |= n > 0;
        }
        "transfer-encoding" => {
            // Repeated, the fields make one list: any coding after a
            // `chunked`, even in a later field, hides the body's end.
            if head.chunked_last == Some(true) {
                return Err(HeadError::Bad);
            }
            head.has_body = true;
            let (last, unknown) = last_is_chunked(value)?;
            head.chunked_last = Some(last);
            head.unknown_coding |= unknown;
        }
        // Repeated: as a list of ranges, which is served whole.
        "range" => join(&mut head.range, value),
        "if-range" => head.if_range = true,
        "if-match" => join(&mut head.if_match, value),
        "if-none-match" => join(&mut head.if_none_match, value),
        // Repeated: the least trusting value counts.
        "sec-fetch-site" if head.fetch_site.as_deref() == Some("cross-site") => {}
        "sec-fetch-site" => head.fetch_site = lower(),
        "sec-fetch-mode" => head.fetch_mode = lower(),
        "sec-fetch-dest" => head.fetch_dest = lower(),
        _ => {}
    }
    Ok(())
}

/// Adds `value` to the list a repeated field makes.
fn join(list: &mut Option<String>, value: &str) {
    let earlier = list.take().map(|l| format!("{l}, "));
    *list = Some(format!("{}{value}", earlier.unwrap_or_default()));
}

/// A `Content-Length` value: digits, or a list of the same digits (as a
/// proxy may join repeated fields). Anything else makes the body's end
/// unknowable: 400 (RFC 9112, 6.3). Too large to count is still a length.
fn content_length(value: &str) -> Result<u64, HeadError> {
    let mut found = None;
    for member in value.split(',').map(str::trim) {
        if member.is_empty() || !member.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HeadError::Bad);
        }
        let n = member.parse().map_err(|_| HeadError::Bad)?;
        if found.is_some_and(|m| m != n) {
            return Err(HeadError::Bad);
        }
        found = Some(n);
    }
    found.ok_or(HeadError::Bad)
}

/// Whether a `Transfer-Encoding` value ends in `chunked`, and whether it
/// names a coding this server does not know; an empty one or `chunked` twice
/// is 400. (Whether the body's end can be found is decided first: a request
/// whose last coding is not `chunked` is 400 whatever its codings, RFC 9112,
/// 6.3; one that ends in `chunked` after an unknown coding, 501.)
fn last_is_chunked(value: &str) -> Result<(bool, bool), HeadError> {
    let codings: Vec<String> = value
        .split(',')
        .map(|t| t.trim().to_ascii_lowercase())
        .collect();
    let known = [
        "chunked",
        "gzip",
        "x-gzip",
        "deflate",
        "compress",
        "x-compress",
    ];
    if codings.iter().any(|c| c.is_empty()) {
        return Err(HeadError::Bad);
    }
    let unknown = codings.iter().any(|c| !known.contains(&c.as_str()));
    let chunked = codings.iter().filter(|c| *c == "chunked").count();
    let last = codings.last().is_some_and(|c| c == "chunked");
    if chunked > 1 || (chunked == 1 && !last) {
        return Err(HeadError::Bad);
    }
    Ok((last, unknown))
}

/// `http://host:port/a?b` → (`/a?b`, `host:port`); an origin-form target as
/// it is. Other schemes stay, for `site_path` to refuse.
fn origin_form(target: &str) -> Result<(String, Option<String>), HeadError> {
    let scheme = target
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("http://"));
    if scheme.is_none() {
        return Ok((target.to_string(), None));
    }
    let rest = &target[7..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.is_empty() || authority.contains('@') {
        return Err(HeadError::Bad);
    }
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Ok((path, Some(authority.to_string())))
}

/// A request that names a later HTTP/1 (`HTTP/1.2` to `HTTP/1.9`), as one
/// for HTTP/1.1, the latest this server speaks: a server is to answer a
/// higher minor version of a major version it speaks as its own latest
/// (RFC 9112, 2.3). The same length, so the head's length holds. `None`
/// when the request line names no such version.
fn as_http11(buf: &[u8]) -> Option<Vec<u8>> {
    let (at, version) = request_version(buf)?;
    let later = version.len() == 8
        && version.starts_with(b"HTTP/1.")
        && (b'2'..=b'9').contains(&version[7]);
    if !later {
        return None;
    }
    let mut same = buf.to_vec();
    same[at + 7] = b'1';
    Some(same)
}

/// The request line names HTTP/2 or a later major version (`GET /
/// HTTP/2.0`, `HTTP/3`, or the `PRI * HTTP/2.0` preface of a client that
/// assumes HTTP/2).
fn speaks_http2(buf: &[u8]) -> bool {
    request_version(buf).is_some_and(|(_, version)| {
        version.len() >= 6 && version.starts_with(b"HTTP/") && (b'2'..=b'9').contains(&version[5])
    })
}

/// The request line's version, its last word, and where it starts in
/// `buf`: after the empty lines a client may send first (RFC 9112, 2.2),
/// which httparse skips too, and never a word of the address.
fn request_version(buf: &[u8]) -> Option<(usize, &[u8])> {
    let start = buf.iter().position(|&b| b != b'\r' && b != b'\n')?;
    let rest = &buf[start..];
    let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let word = line.iter().rposition(|&b| b == b' ')? + 1;
    Some((start + word, &line[word..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Head, HeadError> {
        parse_head(text.as_bytes())
    }

    #[test]
    fn reads_request_heads() {
        let h = head("GET /a?b HTTP/1.1\r\nHost: localhost:8000\r\n\r\nGET / HTTP/1.1").unwrap();
        assert_eq!((h.method.as_str(), h.target.as_str()), ("GET", "/a?b"));
        assert_eq!(h.host.as_deref(), Some("localhost:8000"));
        assert!(!h.close && !h.has_body);
        assert_eq!(
            h.len,
            "GET /a?b HTTP/1.1\r\nHost: localhost:8000\r\n\r\n".len()
        );
        assert!(
            head("GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n")
                .unwrap()
                .close
        );
        assert!(head("GET / HTTP/1.0\r\n\r\n").unwrap().close);
        let kept = head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").unwrap();
        assert!(!kept.close && kept.http10);
        assert!(
            head("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
                .unwrap()
                .has_body
        );
        assert!(
            head("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                .unwrap()
                .has_body
        );
        assert_eq!(
            head("GET / HTTP/1.1\r\nHost: a"),
            Err(HeadError::Incomplete)
        );
        assert_eq!(
            head("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            Err(HeadError::Bad)
        );
        assert_eq!(head("\0\0\0\r\n\r\n"), Err(HeadError::Bad));
    }

    #[test]
    fn a_body_whose_end_cannot_be_found_is_refused() {
        let with = |lines: &str| head(&format!("POST / HTTP/1.1\r\n{lines}\r\n"));
        for bad in [
            "Content-Length: abc\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: +5\r\n",
            "Content-Length: \r\n",
            "Content-Length: 5, 6\r\n",
            "Content-Length: 5\r\nContent-Length: 6\r\n",
            // Too large to count: no length a body could have.
            "Content-Length: 99999999999999999999999\r\n",
            "Transfer-Encoding: gzip\r\n",
            "Transfer-Encoding: chunked, gzip\r\n",
            "Transfer-Encoding: chunked, chunked\r\n",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: ,\r\n",
            "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n",
            // Not ending in `chunked`, whatever the codings: 400, not 501.
            "Transfer-Encoding: xchunked\r\n",
            "Transfer-Encoding: chunked, identity\r\n",
            "Transfer-Encoding: chunked, foo\r\n",
            "Transfer-Encoding: rot13\r\n",
        ] {
            assert_eq!(with(bad), Err(HeadError::Bad), "{bad}");
        }
        assert_eq!(
            with("Transfer-Encoding: rot13, chunked\r\n"),
            Err(HeadError::Coding)
        );
        assert_eq!(HeadError::Coding.answer().0, 501);
        for good in [
            "Content-Length: 5, 5\r\n",
            "Content-Length: 5\r\nContent-Length: 5\r\n",
            "Transfer-Encoding: gzip, Chunked\r\n",
        ] {
            assert!(with(good).unwrap().has_body, "{good}");
        }
        assert!(!with("Content-Length: 0\r\n").unwrap().has_body);
        let twice = head("GET / HTTP/1.1\r\nRange: bytes=0-1\r\nRange: bytes=5-6\r\n\r\n");
        assert_eq!(
            twice.unwrap().range.as_deref(),
            Some("bytes=0-1, bytes=5-6")
        );
    }

    #[test]
    fn refuses_large_heads_and_http2() {
        let big = format!(
            "GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n",
            "a".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(head(&big), Err(HeadError::TooLarge));
        assert_eq!(
            head(&big[..MAX_HEAD_BYTES + 10]),
            Err(HeadError::TooLarge),
            "before it ends"
        );
        let many: String = (0..MAX_HEADERS + 1)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect();
        assert_eq!(
            head(&format!("GET / HTTP/1.1\r\n{many}\r\n")),
            Err(HeadError::TooLarge)
        );
        assert_eq!(
            head("GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
            Err(HeadError::Version)
        );
        assert_eq!(
            head("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
            Err(HeadError::Version)
        );
        assert_eq!(head("GET / HTTP/9.9\r\n\r\n"), Err(HeadError::Version));
        for later in ["HTTP/1.2", "HTTP/1.9"] {
            let text = format!("GET /b {later}\r\nHost: x\r\nConnection: close\r\n\r\n");
            let served = head(&text).unwrap();
            assert_eq!(
                (served.target.as_str(), served.http10, served.close),
                ("/b", false, true)
            );
            assert_eq!(served.len, text.len(), "{later}");
            let kept = head(&format!("GET / {later}\r\nHost: x\r\n\r\n")).unwrap();
            assert!(
                !kept.close && !kept.http10,
                "{later} keeps the connection as 1.1 does"
            );
        }
        assert_eq!(head("GET / HTTP/1.2"), Err(HeadError::Incomplete));
        for bad in [
            "HTTP/1.10",
            "HTTP/1.x",
            "HTTP/1.",
            "HTTP/1",
            "HTTP/1.2.1",
            "HTTP/0.9",
            "HTTPS/1.1",
        ] {
            assert_eq!(
                head(&format!("GET / {bad}\r\n\r\n")),
                Err(HeadError::Bad),
                "{bad}"
            );
        }
        assert_eq!(HeadError::Version.answer().0, 505);
        assert_eq!(HeadError::TooLarge.answer().0, 431);
    }

    #[test]
    fn the_version_is_the_request_lines_last_word_after_any_empty_lines() {
        // An empty line before the request line is skipped (RFC 9112, 2.2),
        // for a later HTTP/1 as for HTTP/1.1.
        for version in ["HTTP/1.1", "HTTP/1.2"] {
            let text = format!("\r\nGET /a {version}\r\nHost: x\r\n\r\n");
            let served = head(&text).unwrap();
            assert_eq!((served.target.as_str(), served.len), ("/a", text.len()));
        }
        assert_eq!(head("\r\nGET / HTTP/2.0\r\n\r\n"), Err(HeadError::Version));
        // "HTTP/2" in the address is no version.
        let served = head("GET /notes/HTTP/2.html HTTP/1.2\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(served.target, "/notes/HTTP/2.html");
        for bad in [
            "HTTP/1.01",
            "HTTP/01.1",
            "http/1.1",
            "http/1.2",
            "HTTP/1.2 ",
        ] {
            assert_eq!(
                head(&format!("GET / {bad}\r\n\r\n")),
                Err(HeadError::Bad),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_long_url_is_414_even_before_it_ends() {
        let url = format!("/{}", "a".repeat(MAX_REQUEST_LINE));
        let whole = format!("GET {url} HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!(head(&whole), Err(HeadError::UrlTooLong));
        assert_eq!(
            head(&whole[..MAX_REQUEST_LINE + 10]),
            Err(HeadError::UrlTooLong)
        );
        let long_method = format!("{} / HTTP/1.1\r\n\r\n", "X".repeat(MAX_REQUEST_LINE));
        assert_eq!(head(&long_method), Err(HeadError::Bad));
        let fits = format!(
            "GET /{} HTTP/1.1\r\n\r\n",
            "a".repeat(MAX_REQUEST_LINE - 20)
        );
        assert!(head(&fits).is_ok());
        assert_eq!(HeadError::UrlTooLong.answer().0, 414);
    }

    #[test]
    fn an_absolute_target_is_cut_to_its_path() {
        let h = head("GET http://127.0.0.1:8000/a/?b HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(h.target, "/a/?b");
        assert_eq!(h.authority.as_deref(), Some("127.0.0.1:8000"));
        let bare = head("GET HTTP://localhost:8000 HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(
            (bare.target.as_str(), bare.authority.as_deref()),
            ("/", Some("localhost:8000"))
        );
        let query = head("GET http://localhost:8000?x HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(query.target, "/?x");
        assert_eq!(
            head("GET http://evil@localhost:8000/ HTTP/1.1\r\n\r\n"),
            Err(HeadError::Bad)
        );
        assert_eq!(head("GET http:/// HTTP/1.1\r\n\r\n"), Err(HeadError::Bad));
        let other = head("GET https://localhost:8000/ HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(
            (other.target.as_str(), other.authority),
            ("https://localhost:8000/", None)
        );
    }

    #[test]
    fn headers_it_does_not_use_may_hold_any_bytes() {
        let mut req = b"GET / HTTP/1.1\r\nHost: x\r\nX-Name: caf\xe9\r\n\r\n".to_vec();
        assert!(parse_head(&req).is_ok());
        req = b"GET / HTTP/1.1\r\nHost: caf\xe9\r\n\r\n".to_vec();
        assert_eq!(parse_head(&req), Err(HeadError::Bad));
    }

    #[test]
    fn reads_what_the_browser_says_about_the_origin() {
        let h = head("GET /__alsite/events HTTP/1.1\r\nOrigin: http://evil.example\r\nSec-Fetch-Site: Cross-Site\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n\r\n").unwrap();
        assert_eq!(h.origin.as_deref(), Some("http://evil.example"));
        assert_eq!(h.fetch_site.as_deref(), Some("cross-site"));
        assert_eq!(h.fetch_mode.as_deref(), Some("cors"));
        assert_eq!(h.fetch_dest.as_deref(), Some("empty"));
        let twice = head(
            "GET / HTTP/1.1\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Site: same-origin\r\n\r\n",
        )
        .unwrap();
        assert_eq!(twice.fetch_site.as_deref(), Some("cross-site"));
        assert_eq!(
            head("GET / HTTP/1.1\r\nOrigin: a\r\nOrigin: b\r\n\r\n"),
            Err(HeadError::Bad)
        );
    }
}
