//! Request heads and responses as bytes: reading a head under the limits
//! of `http`, and writing a whole response at once.

use super::http::{MAX_HEADERS, MAX_HEAD_BYTES};

/// A request head as far as this server cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
    /// The client wants the connection closed after this answer (or speaks HTTP/1.0).
    pub close: bool,
    /// The request announces a body. This server reads none, so it answers
    /// and closes rather than guess where the next request starts.
    pub has_body: bool,
    /// Bytes of the head, to drop from the buffer before the next request.
    pub len: usize,
}

/// Why a head cannot be served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadError {
    /// Not all of it has arrived yet.
    Incomplete,
    /// 431: over `MAX_HEAD_BYTES` or `MAX_HEADERS`.
    TooLarge,
    /// 505: HTTP/2 or later on a plain HTTP/1 connection.
    Version,
    /// 400: anything else malformed.
    Bad,
}

impl HeadError {
    /// The status and plain-text answer for a head that cannot be served.
    pub fn answer(self) -> (u16, &'static str) {
        match self {
            HeadError::TooLarge => (431, "request headers too large\n"),
            HeadError::Version => (
                505,
                "this server speaks HTTP/1.1 only; connect without HTTP/2\n",
            ),
            HeadError::Bad | HeadError::Incomplete => (400, "bad request\n"),
        }
    }
}

/// Reads the head at the start of `buf` (bytes received so far).
pub fn parse_head(buf: &[u8]) -> Result<Head, HeadError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    let len = match req.parse(buf) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) if buf.len() > MAX_HEAD_BYTES => {
            return Err(HeadError::TooLarge)
        }
        Ok(httparse::Status::Partial) => return Err(HeadError::Incomplete),
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(httparse::Error::Version) if speaks_http2(buf) => return Err(HeadError::Version),
        Err(_) => return Err(HeadError::Bad),
    };
    if len > MAX_HEAD_BYTES {
        return Err(HeadError::TooLarge);
    }
    let (Some(method), Some(target), Some(minor)) = (req.method, req.path, req.version) else {
        return Err(HeadError::Bad);
    };
    let mut head = Head {
        method: method.to_string(),
        target: target.to_string(),
        host: None,
        close: minor == 0,
        has_body: false,
        len,
    };
    for h in req.headers.iter() {
        let value = std::str::from_utf8(h.value)
            .map_err(|_| HeadError::Bad)?
            .trim();
        let tokens = || value.split(',').map(|t| t.trim().to_ascii_lowercase());
        match h.name.to_ascii_lowercase().as_str() {
            "host" if head.host.is_some() => return Err(HeadError::Bad),
            "host" => head.host = Some(value.to_string()),
            "connection" if tokens().any(|t| t == "close") => head.close = true,
            "connection" if minor == 0 && tokens().any(|t| t == "keep-alive") => head.close = false,
            "content-length" => head.has_body |= value != "0",
            "transfer-encoding" => head.has_body = true,
            _ => {}
        }
    }
    Ok(head)
}

/// The request line names HTTP/2 or HTTP/3 (`GET / HTTP/2.0`, or the
/// `PRI * HTTP/2.0` preface of a client that assumes HTTP/2).
fn speaks_http2(buf: &[u8]) -> bool {
    let line = buf.split(|&b| b == b'\n').next().unwrap_or(buf);
    line.windows(6).any(|w| w == b"HTTP/2" || w == b"HTTP/3")
}

/// The reason phrase for the statuses this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// A whole response, written with one call. `head_only` for HEAD requests.
pub fn response_bytes(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
    close: bool,
) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    if close {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(body);
    }
    bytes
}

/// A plain-text answer.
pub fn text_response(status: u16, text: &str, close: bool) -> Vec<u8> {
    response_bytes(
        status,
        &[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-store"),
        ],
        text.as_bytes(),
        false,
        close,
    )
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
        assert!(
            !head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .unwrap()
                .close
        );
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
        assert_eq!(HeadError::Version.answer().0, 505);
        assert_eq!(HeadError::TooLarge.answer().0, 431);
    }
}
