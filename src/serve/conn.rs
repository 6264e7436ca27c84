//! The sockets: one acceptor owns the listening socket and counts
//! connections; each admitted connection gets a thread of its own that reads
//! request heads under the limits of `http`, so a client that misbehaves
//! holds up only itself. tiny_http could not be kept for this: it accepts on
//! its own thread (which stops for good on the first "too many open files"),
//! reads header lines without a size limit, and spreads one connection's
//! pipelined requests over all its workers, each waiting for the answer
//! before it on the same socket.

use super::gate::{Gate, Ticket};
use super::host::{self, HostRule};
use super::http::{
    EVENTS_PATH, EVENT_RETRY_MS, HEAD_TIMEOUT, LINGER, MAX_HEAD_BYTES, MAX_REQUEST_LINE,
};
use super::request::{parse_head, Head, HeadError};
use super::response::{send, send_then, write_bytes, write_then, Framing, Response, GUARD_HEADERS};
use super::turns::Turn;
use crate::errln;
use std::io::{self, IoSlice, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Thread stack of one connection: it parses a head and writes an answer.
const STACK: usize = 256 * 1024;

/// What the site answers to a request head.
pub enum Answer {
    /// A whole response.
    Response(Response),
    /// Switch this connection to an event stream.
    Events,
}

/// The part of the server that knows the site (implemented in `serve`).
pub trait Site: Send + Sync + 'static {
    fn answer(&self, head: &Head) -> Answer;
    /// The place in line of an event stream about to open: taken before
    /// its response head is written, so that a stream the client opened
    /// after it has a later one, however the threads are scheduled.
    fn event_stream_order(&self) -> u64;
    /// Takes over an event stream whose response head was written.
    fn add_event_stream(&self, stream: Arc<TcpStream>, ticket: Ticket, order: u64);
}

/// Raises the soft open-file limit to the hard one; returns the limit in force.
#[cfg(unix)]
pub fn raise_fd_limit() -> Option<u64> {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) != 0 {
            return None;
        }
        if r.rlim_cur < r.rlim_max {
            let mut want = libc::rlimit {
                rlim_cur: r.rlim_max,
                rlim_max: r.rlim_max,
            };
            // macOS refuses more than OPEN_MAX (10240) for an unlimited hard limit.
            if libc::setrlimit(libc::RLIMIT_NOFILE, &want) != 0 {
                want.rlim_cur = r.rlim_max.min(10240);
                let _ = libc::setrlimit(libc::RLIMIT_NOFILE, &want);
            }
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut r);
        }
    }
    #[allow(clippy::useless_conversion)] // rlim_t is not u64 everywhere
    Some(u64::try_from(r.rlim_cur).unwrap_or(u64::MAX))
}

#[cfg(not(unix))]
pub fn raise_fd_limit() -> Option<u64> {
    None
}

/// Accept errors that pass: a client that left before it was accepted, a
/// signal, or a lack of descriptors or memory that a closing connection
/// will end. Anything else means the listening socket is broken.
pub fn accept_error_passes(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    #[cfg(unix)]
    if let Some(code) = e.raw_os_error() {
        return !matches!(
            code,
            libc::EBADF | libc::EINVAL | libc::ENOTSOCK | libc::EFAULT
        );
    }
    matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | Interrupted | WouldBlock | TimedOut | OutOfMemory
    )
}

/// Accepts for ever. If the listening socket breaks, the process exits with
/// an error: a server that no longer listens must not keep running.
pub fn accept_loop<S: Site>(listener: TcpListener, gate: Arc<Gate>, hosts: HostRule, site: Arc<S>) {
    let hosts = Arc::new(hosts);
    let mut last_note: Option<Instant> = None;
    loop {
        match listener.accept() {
            Ok((stream, _)) => admit(stream, &gate, &hosts, &site),
            Err(e) if accept_error_passes(&e) => {
                if last_note.is_none_or(|t| t.elapsed() > Duration::from_secs(10)) {
                    errln!("warning: cannot accept a connection for now ({e}); trying again");
                    last_note = Some(Instant::now());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => {
                errln!("error: alsite serve can no longer accept connections ({e}); stopping");
                std::process::exit(1);
            }
        }
    }
}

fn admit<S: Site>(stream: TcpStream, gate: &Arc<Gate>, hosts: &Arc<HostRule>, site: &Arc<S>) {
    let stream = Arc::new(stream);
    let Some(ticket) = gate.admit(&stream) else {
        return refuse_busy(&stream);
    };
    let (s, hosts, site) = (stream.clone(), hosts.clone(), site.clone());
    let spawned = std::thread::Builder::new()
        .name("alsite-conn".into())
        .stack_size(STACK)
        .spawn(move || serve_connection(s, ticket, &hosts, &*site));
    if spawned.is_err() {
        refuse_busy(&stream);
    }
}

/// 503 to a connection over the cap, without waiting for anything.
fn refuse_busy(stream: &TcpStream) {
    let _ = stream.set_nonblocking(true);
    let reply = Response::text(
        503,
        "the preview server has too many connections open; try again in a moment\n",
    )
    .header("Retry-After", "1")
    .to_bytes(Framing {
        close: true,
        ..Framing::default()
    });
    let mut s = stream;
    let _ = s.write(&reply);
    let _ = stream.shutdown(Shutdown::Write);
    // Take what the request already sent (a little), so closing does not
    // reset the answer away.
    let mut sink = [0u8; 4096];
    for _ in 0..16 {
        if !matches!(s.read(&mut sink), Ok(n) if n > 0) {
            break;
        }
    }
}

enum Ended {
    /// Closed by the client, or an idle connection timed out.
    Quietly,
    /// Answer this, then read out what the client still sends and close.
    With(u16, String),
}

/// What a connection does after an answer.
enum Next {
    Continue,
    /// The answer could not be written: the client is gone or stalled.
    Close,
    /// The answer says the connection ends: close after reading out what
    /// the client still sends (see `linger`).
    Linger,
    Events,
}

fn serve_connection(stream: Arc<TcpStream>, ticket: Ticket, hosts: &HostRule, site: &dyn Site) {
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(2048);
    loop {
        ticket.idle(true);
        let head = match read_head(&stream, &mut buf) {
            Ok(head) => head,
            Err(Ended::Quietly) => return,
            Err(Ended::With(status, text)) => {
                let close = Framing {
                    close: true,
                    head_only: buf.starts_with(b"HEAD "),
                    ..Framing::default()
                };
                let _ = send(&stream, &Response::text(status, text), close);
                return linger(&stream, &ticket);
            }
        };
        ticket.idle(false);
        buf.drain(..head.len);
        // Closed to make room while it waited.
        let Some(turn) = ticket.turn() else { return };
        match respond(&stream, &head, hosts, site, turn) {
            Next::Continue => ticket.answered(),
            Next::Close => return,
            Next::Linger => return linger(&stream, &ticket),
            Next::Events => return open_events(stream, ticket, site),
        }
    }
}

/// Answers one request in its `turn`, given up once answered or when the
/// client does not take the answer at once. A request with a body (never
/// read) or one refused for who sent it ends the connection.
fn respond(stream: &TcpStream, head: &Head, hosts: &HostRule, site: &dyn Site, turn: Turn) -> Next {
    let events = matches!(head.method.as_str(), "GET" | "HEAD")
        && head.target.split('?').next() == Some(EVENTS_PATH);
    let (response, refused) = match host::check(hosts, head, events) {
        Some(refusal) => (refusal, true),
        None => match site.answer(head) {
            Answer::Events if head.method == "HEAD" => return events_head_only(stream, head, turn),
            Answer::Events => return Next::Events,
            Answer::Response(r) => (r, false),
        },
    };
    let framing = Framing {
        head_only: head.method == "HEAD",
        close: head.close || refused || head.has_body,
        http10: head.http10,
    };
    let sent = send_then(stream, &response, framing, || drop(turn));
    after_answer(sent.is_ok(), framing.close)
}

/// What the connection does once an answer is `sent`: one that said
/// `Connection: close` reads out what the client still sends before it
/// closes (see `linger`), whatever the reason it closes.
fn after_answer(sent: bool, close: bool) -> Next {
    match (sent, close) {
        (false, _) => Next::Close,
        (true, true) => Next::Linger,
        (true, false) => Next::Continue,
    }
}

/// The head of the event stream's answer: no length, as the stream goes
/// on until one side closes it.
fn events_head(connection: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n{GUARD_HEADERS}Connection: {connection}\r\n\r\n")
}

/// HEAD of the event stream: the head a GET gets, and the connection goes
/// on (a script or monitor asking whether live reload is there).
fn events_head_only(stream: &TcpStream, head: &Head, turn: Turn) -> Next {
    let close = head.close || head.has_body;
    let connection = if close { "close" } else { "keep-alive" };
    let bytes = events_head(connection);
    let sent = write_then(stream, &mut [IoSlice::new(bytes.as_bytes())], || drop(turn));
    after_answer(sent.is_ok(), close)
}

fn open_events(stream: Arc<TcpStream>, ticket: Ticket, site: &dyn Site) {
    ticket.streaming();
    // The stream has no length and ends only when the connection does.
    let head = format!(
        "{}retry: {EVENT_RETRY_MS}\n: connected\n\n",
        events_head("close")
    );
    let order = site.event_stream_order();
    if write_bytes(&stream, head.as_bytes()).is_ok() {
        super::events::tune_event_socket(&stream);
        site.add_event_stream(stream, ticket, order);
    }
}

/// Reads until `buf` starts with a whole request head, within `HEAD_TIMEOUT`.
fn read_head(stream: &TcpStream, buf: &mut Vec<u8>) -> Result<Head, Ended> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut chunk = [0u8; 4096];
    // Bytes left from the last request may hold a whole head already.
    let mut fresh = buf.len();
    loop {
        if worth_parsing(buf, fresh) {
            drop_empty_lines(buf);
            match parse_head(buf) {
                Ok(head) => return Ok(head),
                Err(HeadError::Incomplete) => {}
                Err(e) => {
                    let (status, text) = e.answer();
                    return Err(Ended::With(status, text.into()));
                }
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(timed_out(buf));
        }
        let _ = stream.set_read_timeout(Some(left));
        let mut s = stream;
        match s.read(&mut chunk) {
            Ok(0) => return Err(Ended::Quietly),
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                fresh = n;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => fresh = 0,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(timed_out(buf))
            }
            Err(_) => return Err(Ended::Quietly),
        }
    }
}

/// Whether `buf`, whose last `fresh` bytes just arrived, is worth parsing
/// again: a head can end only when a line ends, so a client that sends its
/// head a byte at a time does not have it parsed from the start for every
/// byte (16 KiB so sent cost 1.6 s of CPU). The first bytes are parsed at
/// once (what is no HTTP at all is refused before any line ends), and so
/// is a head that just grew past a limit, to be refused.
fn worth_parsing(buf: &[u8], fresh: usize) -> bool {
    let before = buf.len() - fresh.min(buf.len());
    let crossed = |limit: usize| before <= limit && buf.len() > limit;
    (fresh > 0 && before == 0)
        || buf[before..].contains(&b'\n')
        || crossed(MAX_REQUEST_LINE)
        || crossed(MAX_HEAD_BYTES)
}

/// Drops the empty lines a client may send before a request line (RFC
/// 9112, 2.2, which the parser skips too), so that a client sending nothing
/// else does not pile up a head of them to be parsed again at every line
/// (16 KB of them sent two bytes at a time cost 0.46 s of CPU).
fn drop_empty_lines(buf: &mut Vec<u8>) {
    let mut at = 0;
    loop {
        match &buf[at..] {
            [b'\r', b'\n', ..] => at += 2,
            [b'\n', ..] => at += 1,
            _ => break,
        }
    }
    buf.drain(..at);
}

fn timed_out(buf: &[u8]) -> Ended {
    if buf.is_empty() {
        Ended::Quietly
    } else {
        Ended::With(408, "the request took too long to arrive\n".into())
    }
}

/// After the last answer on a connection: stop writing, read and drop what
/// the client still sends for up to `LINGER`, then close. Closing a socket
/// with unread bytes resets it, and a reset throws away whatever part of
/// the answer the client had not read yet (a request pipelined after
/// `Connection: close`, a body the server never reads). The connection
/// counts as idle meanwhile, so a newcomer may close it to make room.
fn linger(stream: &TcpStream, ticket: &Ticket) {
    ticket.idle(true);
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 16 * 1024];
    let mut s = stream;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match s.read(&mut sink) {
            Ok(n) if n > 0 => {}
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_broken_listening_socket_stops_the_server() {
        #[cfg(unix)]
        {
            for code in [
                libc::EMFILE,
                libc::ENFILE,
                libc::ENOBUFS,
                libc::ECONNABORTED,
            ] {
                assert!(
                    accept_error_passes(&io::Error::from_raw_os_error(code)),
                    "{code}"
                );
            }
            for code in [libc::EBADF, libc::EINVAL, libc::ENOTSOCK] {
                assert!(
                    !accept_error_passes(&io::Error::from_raw_os_error(code)),
                    "{code}"
                );
            }
        }
        assert!(accept_error_passes(
            &io::ErrorKind::ConnectionAborted.into()
        ));
        assert!(!accept_error_passes(&io::ErrorKind::InvalidInput.into()));
    }

    /// A head that comes a byte at a time is parsed once a line ends (and
    /// at its first byte, and as it passes each limit): as often as it has
    /// lines, not bytes.
    #[test]
    fn a_head_sent_a_byte_at_a_time_is_parsed_once_a_line() {
        let head = format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Long: {}\r\n\r\n",
            "a".repeat(20 * 1024)
        );
        let mut buf = Vec::new();
        let mut parses = 0;
        for &b in head.as_bytes() {
            buf.push(b);
            parses += usize::from(worth_parsing(&buf, 1));
        }
        // 4 line ends, the first byte, and the two limits passed.
        assert_eq!(parses, 4 + 1 + 2);
    }

    #[test]
    fn empty_lines_before_a_request_do_not_pile_up() {
        let mut buf = Vec::new();
        for _ in 0..8000 {
            buf.extend_from_slice(b"\r\n");
            drop_empty_lines(&mut buf);
        }
        assert!(buf.is_empty());
        buf.extend_from_slice(b"\r");
        drop_empty_lines(&mut buf);
        assert_eq!(
            buf, b"\r",
            "a lone carriage return is kept: it is no empty line"
        );
        buf.extend_from_slice(b"\nGET / HTTP/1.1\r\n");
        drop_empty_lines(&mut buf);
        assert_eq!(buf, b"GET / HTTP/1.1\r\n");
    }
}
