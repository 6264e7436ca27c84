//! Responses: a status, headers and a body made of pieces. A file of the
//! site is one shared piece (no copy per request); a page is the file cut
//! where the live-reload script goes in. The connection layer adds the
//! framing (length, `Connection`, no body for HEAD) and writes the pieces
//! with one call where it can.

use super::http::{unacknowledged, WRITE_CHUNK, WRITE_STALL, WRITE_TIMEOUT};
use std::io::{self, IoSlice, Write};
use std::net::TcpStream;
use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

/// A part of a body.
pub enum Piece {
    /// Part of a file of the site, shared with every other response to it.
    Shared(Arc<Vec<u8>>, Range<usize>),
    Static(&'static [u8]),
    Owned(Vec<u8>),
}

impl Piece {
    /// A whole file of the site.
    pub fn file(bytes: &Arc<Vec<u8>>) -> Piece {
        Piece::Shared(bytes.clone(), 0..bytes.len())
    }

    /// The bytes `range` of this piece (a shared file stays shared).
    pub fn sub(&self, range: Range<usize>) -> Piece {
        match self {
            Piece::Shared(bytes, within) => Piece::Shared(
                bytes.clone(),
                within.start + range.start..within.start + range.end,
            ),
            Piece::Static(bytes) => Piece::Static(&bytes[range]),
            Piece::Owned(bytes) => Piece::Owned(bytes[range].to_vec()),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Piece::Shared(bytes, range) => &bytes[range.clone()],
            Piece::Static(bytes) => bytes,
            Piece::Owned(bytes) => bytes,
        }
    }
}

/// Headers every answer carries, the event stream's too: only this
/// server's own pages may load its files or frame its pages, and no file
/// is read as another type than it says.
pub const GUARD_HEADERS: &str = "Cross-Origin-Resource-Policy: same-origin\r\n\
    Content-Security-Policy: frame-ancestors 'self'\r\n\
    X-Content-Type-Options: nosniff\r\n";

/// A response before framing.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<Piece>,
}

impl Response {
    pub fn new(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    pub fn body(mut self, pieces: Vec<Piece>) -> Response {
        self.body = pieces;
        self
    }

    /// A plain-text answer.
    pub fn text(status: u16, text: impl Into<String>) -> Response {
        Response::new(status)
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Cache-Control", "no-store")
            .body(vec![Piece::Owned(text.into().into_bytes())])
    }

    /// Bytes of the body.
    pub fn len(&self) -> usize {
        self.body.iter().map(|p| p.bytes().len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The status line and headers, with the length and `Connection` framing.
    pub fn head(&self, framing: Framing) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(GUARD_HEADERS);
        // A 304 has no body, and its length would be the file's (RFC 9110, 8.6).
        if self.status != 304 {
            out.push_str(&format!("Content-Length: {}\r\n", self.len()));
        }
        if framing.close {
            out.push_str("Connection: close\r\n");
        } else if framing.http10 {
            out.push_str("Connection: keep-alive\r\n");
        }
        out.push_str("\r\n");
        out.into_bytes()
    }

    /// The whole response as bytes (for tests and the smallest answers).
    pub fn to_bytes(&self, framing: Framing) -> Vec<u8> {
        let mut out = self.head(framing);
        if !framing.head_only {
            for piece in &self.body {
                out.extend_from_slice(piece.bytes());
            }
        }
        out
    }
}

/// How a response travels on its connection.
#[derive(Debug, Clone, Copy, Default)]
pub struct Framing {
    /// A HEAD request: the head alone (with the length a GET would get).
    pub head_only: bool,
    /// The connection closes after this response.
    pub close: bool,
    /// An HTTP/1.0 client, which keeps a connection only when told so.
    pub http10: bool,
}

/// Writes a response within `WRITE_TIMEOUT` (more for large answers).
pub fn send(stream: &TcpStream, response: &Response, framing: Framing) -> io::Result<()> {
    send_then(stream, response, framing, || {})
}

/// `send`, calling `waiting` before it waits for the client to take more
/// (it took less than the whole answer at once).
pub fn send_then(
    stream: &TcpStream,
    response: &Response,
    framing: Framing,
    waiting: impl FnOnce(),
) -> io::Result<()> {
    let head = response.head(framing);
    let mut slices = vec![IoSlice::new(&head)];
    if !framing.head_only {
        slices.extend(
            response
                .body
                .iter()
                .map(|p| IoSlice::new(p.bytes()))
                .filter(|s| !s.is_empty()),
        );
    }
    write_then(stream, &mut slices, waiting)
}

/// Writes what the system takes of `slices` at once; before waiting for
/// the client to take the rest, calls `waiting`.
pub fn write_then(
    stream: &TcpStream,
    mut slices: &mut [IoSlice<'_>],
    waiting: impl FnOnce(),
) -> io::Result<()> {
    let total = slices.iter().map(|s| s.len()).sum();
    stream.set_nonblocking(true)?;
    let at_once = write_at_once(stream, &mut slices);
    stream.set_nonblocking(false)?;
    at_once?;
    if slices.is_empty() {
        return Ok(());
    }
    waiting();
    write_within(stream, slices, total)
}

/// Writes `slices` on a stream that does not block until the system takes
/// no more; leaves the rest in `slices`.
fn write_at_once(stream: &TcpStream, slices: &mut &mut [IoSlice<'_>]) -> io::Result<()> {
    let mut s = stream;
    while !slices.is_empty() {
        match s.write_vectored(&first_bytes(slices, WRITE_CHUNK)) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(slices, n),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Writes all of `slices`, the rest of a response of `total` bytes, within
/// `WRITE_TIMEOUT` and as much again per further MiB of the whole response
/// (what the system took at once is still to reach the client); cut off
/// sooner if the client takes less than `WRITE_CHUNK` in `WRITE_STALL`.
pub fn write_within(
    stream: &TcpStream,
    mut slices: &mut [IoSlice<'_>],
    total: usize,
) -> io::Result<()> {
    let extra = u32::try_from(total >> 20).unwrap_or(u32::MAX);
    let deadline = Instant::now() + WRITE_TIMEOUT * extra.saturating_add(1);
    let mut s = stream;
    while !slices.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        let wait = left.min(WRITE_STALL);
        stream.set_write_timeout(Some(wait))?;
        let chunk = first_bytes(slices, WRITE_CHUNK);
        let want: usize = chunk.iter().map(|c| c.len()).sum();
        let (started, queued) = (Instant::now(), unacknowledged(stream));
        // What the client took while the write waited: what it wrote, and
        // what left the send buffer.
        let took = |written: usize| (queued + written).saturating_sub(unacknowledged(stream));
        match s.write_vectored(&chunk) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            // Only a wait that ran out returns less than asked: a stall,
            // unless the client took a chunk's worth meanwhile.
            Ok(n) if n < want && started.elapsed() >= wait * 9 / 10 && took(n) < WRITE_CHUNK => {
                return Err(io::ErrorKind::TimedOut.into())
            }
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if waited_out(&e) && took(0) >= WRITE_CHUNK => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Whether a write's wait ran out with nothing written.
fn waited_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// The first `max` bytes of `slices`, as slices.
fn first_bytes<'a>(slices: &'a [IoSlice<'_>], max: usize) -> Vec<IoSlice<'a>> {
    let mut room = max;
    let mut out = Vec::new();
    for slice in slices {
        if room == 0 {
            break;
        }
        let take = slice.len().min(room);
        out.push(IoSlice::new(&slice[..take]));
        room -= take;
    }
    out
}

/// Writes `bytes` within `WRITE_TIMEOUT`.
pub fn write_bytes(stream: &TcpStream, bytes: &[u8]) -> io::Result<()> {
    write_within(stream, &mut [IoSlice::new(bytes)], bytes.len())
}

/// The reason phrase for the statuses this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        412 => "Precondition Failed",
        414 => "URI Too Long",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(r: &Response, framing: Framing) -> String {
        String::from_utf8(r.to_bytes(framing)).unwrap()
    }

    #[test]
    fn frames_responses() {
        let r = Response::text(400, "bad request\n");
        let get = text(&r, Framing::default());
        assert!(get.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{get}");
        assert!(
            get.ends_with("Content-Length: 12\r\n\r\nbad request\n"),
            "{get}"
        );
        let head = Framing {
            head_only: true,
            ..Framing::default()
        };
        assert!(text(&r, head).ends_with("Content-Length: 12\r\n\r\n"));
        let close = Framing {
            close: true,
            http10: true,
            ..Framing::default()
        };
        assert!(text(&r, close).contains("Connection: close\r\n"));
        let old = Framing {
            http10: true,
            ..Framing::default()
        };
        assert!(text(&r, old).contains("Connection: keep-alive\r\n"));
        assert!(!get.contains("Connection:"));
    }

    #[test]
    fn pieces_share_the_file() {
        let file = Arc::new(b"<body></body>".to_vec());
        let r = Response::new(200).body(vec![
            Piece::Shared(file.clone(), 0..6),
            Piece::Static(b"<script></script>"),
            Piece::Shared(file.clone(), 6..13),
        ]);
        assert_eq!(Arc::strong_count(&file), 3);
        assert_eq!(r.len(), 13 + 17);
        assert!(text(&r, Framing::default()).ends_with("<body><script></script></body>"));
    }
}
