//! The live-reload broadcaster: every open page holds a Server-Sent Events
//! stream; a rebuild sends each of them one event. Sending happens outside
//! the lock and never waits: event sockets do not block, so a page that
//! stopped reading fills its small buffer and is dropped (its browser
//! reconnects by itself) while every other page gets its event at once.

use super::conn::Ticket;
use super::http::EVENT_SEND_BUFFER;
use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

struct Client {
    id: u64,
    stream: Arc<TcpStream>,
    /// Keeps the stream counted as an open connection until it is dropped.
    _ticket: Ticket,
}

#[derive(Default)]
pub struct Broadcaster {
    clients: Mutex<Vec<Client>>,
    next_id: AtomicU64,
    generation: AtomicU64,
}

impl Broadcaster {
    pub fn add(&self, stream: Arc<TcpStream>, ticket: Ticket) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.lock().push(Client {
            id,
            stream,
            _ticket: ticket,
        });
    }

    /// Tells every open page to reload.
    pub fn reload(&self) {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.send(format!("event: reload\ndata: {generation}\n\n").as_bytes());
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

    /// Writes `message` to every stream, then drops those it could not take whole.
    fn send(&self, message: &[u8]) {
        let targets: Vec<(u64, Arc<TcpStream>)> = self
            .lock()
            .iter()
            .map(|c| (c.id, c.stream.clone()))
            .collect();
        let failed: Vec<u64> = targets
            .iter()
            .filter(
                |(_, stream)| !matches!((&**stream).write(message), Ok(n) if n == message.len()),
            )
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
        for c in gone {
            let _ = c.stream.shutdown(Shutdown::Both);
        }
    }
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
