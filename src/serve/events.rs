//! The live-reload broadcaster: every open page holds a Server-Sent Events
//! stream; a rebuild sends each of them one event. Sending happens outside
//! the lock and never waits: event sockets do not block, so a page that
//! stopped reading (its backlog past `EVENT_BACKLOG`, or its small buffer
//! full) is dropped, and its browser reconnects by itself, while every other
//! page gets its event at once. A sweep finds closed tabs within
//! `EVENT_SWEEP`; past the limit the oldest stream makes room.
//!
//! Each event carries the version of the site now served, and every page
//! holds the version it was served from: a stream that opens is told the
//! version at once, so a tab that fetched its page just before a rebuild
//! and connected just after it (the event then went to no one) reloads
//! too, and a tab whose page is the newest does not.

use super::gate::Ticket;
use super::http::{unacknowledged, EVENT_BACKLOG, EVENT_PING, EVENT_SEND_BUFFER, EVENT_SWEEP};
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

struct Client {
    id: u64,
    stream: Arc<TcpStream>,
    /// Keeps the stream counted as an open connection until it is dropped.
    _ticket: Ticket,
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

pub struct Broadcaster {
    /// Oldest first.
    clients: Mutex<Vec<Client>>,
    limit: usize,
    next_id: AtomicU64,
    /// The version of the site served (see `set_version`).
    version: AtomicU64,
}

impl Broadcaster {
    /// A broadcaster for at most `limit` streams, of a site at `version`.
    pub fn new(limit: usize, version: u64) -> Broadcaster {
        Broadcaster {
            clients: Mutex::new(Vec::new()),
            limit: limit.max(1),
            next_id: AtomicU64::new(0),
            version: AtomicU64::new(version),
        }
    }

    /// The place in line of the next stream (see [`Broadcaster::add`]).
    pub fn next_order(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Takes a stream, whose place in line `id` [`Broadcaster::next_order`]
    /// gave before its head was written, and tells it the version served;
    /// when full, the oldest in line is closed to make room.
    pub fn add(&self, stream: Arc<TcpStream>, ticket: Ticket, id: u64) {
        let (evicted, version): (Vec<Client>, u64) = {
            let mut clients = self.lock();
            // Nearly always the last: another thread may have added a
            // stream opened after this one first.
            let at = clients.partition_point(|c| c.id < id);
            clients.insert(
                at,
                Client {
                    id,
                    stream: stream.clone(),
                    _ticket: ticket,
                },
            );
            let over = clients.len().saturating_sub(self.limit);
            let evicted: Vec<Client> = clients.drain(..over).collect();
            // Read under the lock: a `reload` that set a newer version
            // after this either finds this stream among its targets or
            // was read here.
            (evicted, self.version.load(Ordering::SeqCst))
        };
        drop(evicted);
        // Not `deliver`: the stream's head may not be acknowledged yet.
        let told = format!("event: version\ndata: {version}\n\n");
        if !matches!((&*stream).write(told.as_bytes()), Ok(n) if n == told.len()) {
            self.drop_where(|s| !std::ptr::eq(s, &*stream));
        }
    }

    /// The site at `version` is about to be served: streams that open from
    /// now on are told so. Call before the new site is served, then `reload`.
    pub fn set_version(&self, version: u64) {
        self.version.store(version, Ordering::SeqCst);
    }

    /// Sweeps for closed streams every `EVENT_SWEEP` and pings every
    /// `EVENT_PING`, for ever (on a thread of its own).
    pub fn keep(self: Arc<Self>) {
        std::thread::spawn(move || {
            let mut pinged = Instant::now();
            loop {
                std::thread::sleep(EVENT_SWEEP);
                self.sweep();
                if pinged.elapsed() >= EVENT_PING {
                    self.ping();
                    pinged = Instant::now();
                }
            }
        });
    }

    /// Tells every open page the version now served; each page of another
    /// version reloads.
    pub fn reload(&self) {
        let version = self.version.load(Ordering::SeqCst);
        self.send(format!("event: reload\ndata: {version}\n\n").as_bytes());
    }

    /// A comment: keeps idle streams open through proxies and finds dead ones.
    pub fn ping(&self) {
        self.send(b": ping\n\n");
    }

    /// Open streams.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Client>> {
        self.clients.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Drops the streams whose tab closed.
    fn sweep(&self) {
        self.drop_where(|stream| !closed(stream));
    }

    /// Writes `message` to every stream, then drops those it could not take whole.
    fn send(&self, message: &[u8]) {
        self.drop_where(|stream| deliver(stream, message));
    }

    /// Runs `keep` on every stream outside the lock; drops those it says no to.
    fn drop_where(&self, keep: impl Fn(&TcpStream) -> bool) {
        let targets: Vec<(u64, Arc<TcpStream>)> = self
            .lock()
            .iter()
            .map(|c| (c.id, c.stream.clone()))
            .collect();
        let failed: Vec<u64> = targets
            .iter()
            .filter(|(_, stream)| !keep(stream))
            .map(|(id, _)| *id)
            .collect();
        drop(targets);
        if failed.is_empty() {
            return;
        }
        let gone: Vec<Client> = {
            let mut clients = self.lock();
            let (gone, kept) = std::mem::take(&mut *clients)
                .into_iter()
                .partition(|c| failed.contains(&c.id));
            *clients = kept;
            gone
        };
        drop(gone);
    }
}

/// The tab of this stream is gone: reading ends or fails. A browser sends
/// nothing on an event stream, so bytes from the client end it too.
fn closed(stream: &TcpStream) -> bool {
    let mut byte = [0u8; 64];
    match (&*stream).read(&mut byte) {
        Err(e) => !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted),
        // The end of the stream: the tab closed.
        Ok(0) => true,
        // Bytes: not a browser's event stream.
        Ok(_) => true,
    }
}

/// Writes a whole event without waiting; false for a stream that stopped reading.
fn deliver(stream: &TcpStream, message: &[u8]) -> bool {
    unacknowledged(stream) <= EVENT_BACKLOG
        && matches!((&*stream).write(message), Ok(n) if n == message.len())
}

/// Makes an event socket never block, with a small send buffer (see
/// `EVENT_SEND_BUFFER`).
pub fn tune_event_socket(stream: &TcpStream) {
    let _ = stream.set_nonblocking(true);
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let size = libc::c_int::try_from(EVENT_SEND_BUFFER).unwrap_or(libc::c_int::MAX);
        // SAFETY: a valid socket descriptor and a correctly sized option value.
        unsafe {
            libc::setsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_SNDBUF,
                (&size as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
}
