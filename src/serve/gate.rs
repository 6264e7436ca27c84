//! Who is in: the gate counts the open connections, each holding a
//! ticket, and closes the one idle the longest to make room for a newcomer;
//! its turns (see `turns`) decide which connection answers next.

use super::http::{MAX_CONNECTIONS, RESERVED_FDS};
use super::turns::{Turn, Turns};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread::Thread;
use std::time::{Duration, Instant};

/// Closed-but-not-yet-gone connections allowed beyond the cap while the
/// ones closed to make room finish.
const EVICTING: usize = 16;
/// When that many are still finishing (a flood of silent connections on a
/// busy machine), the acceptor waits this long for one to go rather than
/// turn the next newcomer, maybe a browser, away with 503.
const EVICT_WAIT: Duration = Duration::from_millis(500);
/// A connection that has had no answer yet is closed to make room only
/// after this long, or when no other can be: its request may be on the way.
const FIRST_REQUEST_GRACE: Duration = Duration::from_secs(1);
/// A connection busy with its first answer for longer than this (a client
/// taking a large file slowly, or not at all) may be closed to make room
/// when no idle or greedy one can. Without it, 512 clients each reading a
/// video at 20 KB/s held every connection for up to 100 s, and a browser's
/// pages and live-reload stream got 503 all that time. A browser takes
/// even an 8 MB file from this computer in a few milliseconds.
const FIRST_ANSWER_GRACE: Duration = Duration::from_secs(1);
/// The idle mark of a connection that is busy.
const BUSY: u64 = 0;
/// The idle mark of a connection closed to make room.
const CLOSED: u64 = u64::MAX;

/// Counts the open connections and knows which are idle (waiting for a
/// request head) and how many requests each answered, so one can be closed
/// to make room.
pub struct Gate {
    state: Mutex<GateState>,
    /// The time idle marks count from.
    epoch: Instant,
    /// Signalled when a connection leaves.
    left: Condvar,
    limit: usize,
    next_id: AtomicU64,
    turns: Turns,
}

#[derive(Default)]
struct GateState {
    conns: HashMap<u64, Entry>,
}

struct Entry {
    stream: Arc<TcpStream>,
    mark: Arc<Mark>,
}

/// What a connection tells the gate of itself. Atomics, not fields under
/// the gate's lock: a connection marks itself twice a request, and 500
/// connections pipelining requests kept that lock so busy that the
/// acceptor waited up to seconds for it, a browser's connection queued
/// behind.
struct Mark {
    /// Since when it waits for a request head, in nanoseconds after the
    /// gate's epoch plus one; `BUSY` or `CLOSED`.
    idle: AtomicU64,
    /// Requests answered (0 for an event stream, which is never closed here).
    answered: AtomicU64,
    admitted: u64,
    /// When it last became busy (an idle mark), for `Rank::Slow`.
    busy_since: AtomicU64,
    /// An event stream: never closed here (the broadcaster has its own limit).
    streaming: AtomicBool,
    /// Its thread, woken when the connection is closed while it waits for a turn.
    thread: OnceLock<Thread>,
}

/// A connection's place in the gate; leaving drops it.
pub struct Ticket {
    id: u64,
    gate: Arc<Gate>,
    mark: Arc<Mark>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.gate.lock().conns.remove(&self.id);
        self.gate.left.notify_one();
    }
}

impl Ticket {
    /// Marks the connection as waiting for a request head, or not (unless
    /// it was closed to make room).
    pub fn idle(&self, idle: bool) {
        let now = self.gate.now();
        let mark = if idle { now } else { BUSY };
        if !idle {
            self.mark.busy_since.store(now, Ordering::SeqCst);
        }
        let _ = self
            .mark
            .idle
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |m| {
                (m != CLOSED).then_some(mark)
            });
    }

    /// Waits for this connection's turn to answer a request (see `Turns`);
    /// `None` if it was closed to make room meanwhile.
    pub fn turn(&self) -> Option<Turn<'_>> {
        let _ = self.mark.thread.set(std::thread::current());
        let answered = self.mark.answered.load(Ordering::SeqCst);
        self.gate
            .turns
            .take(answered, || self.mark.idle.load(Ordering::SeqCst) == CLOSED)
    }

    /// One more request answered (written whole).
    pub fn answered(&self) {
        self.mark.answered.fetch_add(1, Ordering::SeqCst);
    }

    /// The connection became an event stream: the gate never closes it
    /// (the broadcaster has its own limit).
    pub fn streaming(&self) {
        self.mark.streaming.store(true, Ordering::SeqCst);
        self.mark.answered.store(0, Ordering::SeqCst);
        self.idle(false);
    }
}

/// Which connection to close to make room, first to last (see `Gate::victim`).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// Idle: a keep-alive connection between requests, or one that sent
    /// nothing within `FIRST_REQUEST_GRACE`; the longest idle first.
    Idle(u64),
    /// Busy, having answered requests before: the one that answered most
    /// first (a client pipelining hundreds of requests, or asking again
    /// the moment it has an answer).
    Greedy(Reverse<u64>),
    /// Busy with its first answer for over `FIRST_ANSWER_GRACE`: the one
    /// busy the longest first (a client taking a large file slowly).
    Slow(u64),
    /// Idle, but new: its first request may be on the way.
    New(u64),
}

impl Gate {
    /// A gate for at most `limit` connections.
    pub fn new(limit: usize) -> Arc<Gate> {
        Arc::new(Gate {
            state: Mutex::new(GateState::default()),
            epoch: Instant::now(),
            left: Condvar::new(),
            limit,
            next_id: AtomicU64::new(1),
            turns: Turns::for_this_machine(),
        })
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// An idle mark for now (never `BUSY` nor `CLOSED`).
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos())
            .unwrap_or(CLOSED - 1)
            .saturating_add(1)
            .min(CLOSED - 1)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The connection to close to make room, with the mark it had; `None`
    /// when every connection is busy with its first answer for less than
    /// `FIRST_ANSWER_GRACE` (or an event stream, or closed already).
    fn victim(&self, st: &GateState) -> Option<(u64, u64)> {
        let now = self.now();
        let nanos = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
        let (grace, answer_grace) = (nanos(FIRST_REQUEST_GRACE), nanos(FIRST_ANSWER_GRACE));
        st.conns
            .iter()
            .filter_map(|(id, e)| {
                let idle = e.mark.idle.load(Ordering::SeqCst);
                let answered = e.mark.answered.load(Ordering::SeqCst);
                let rank = match idle {
                    CLOSED => return None,
                    _ if e.mark.streaming.load(Ordering::SeqCst) => return None,
                    BUSY if answered == 0 => {
                        let since = e.mark.busy_since.load(Ordering::SeqCst);
                        if now.saturating_sub(since) < answer_grace {
                            return None;
                        }
                        Rank::Slow(since)
                    }
                    BUSY => Rank::Greedy(Reverse(answered)),
                    _ if answered == 0 && now.saturating_sub(e.mark.admitted) < grace => {
                        Rank::New(idle)
                    }
                    _ => Rank::Idle(idle),
                };
                Some((rank, *id, idle))
            })
            .min()
            .map(|(_, id, idle)| (id, idle))
    }

    /// Closes connection `id` if its mark is still `seen`: it may have just
    /// taken a request, or finished one.
    fn close(&self, st: &GateState, (id, seen): (u64, u64)) -> bool {
        let e = &st.conns[&id];
        let closed = e
            .mark
            .idle
            .compare_exchange(seen, CLOSED, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok();
        if closed {
            let _ = e.stream.shutdown(Shutdown::Both);
            if let Some(thread) = e.mark.thread.get() {
                thread.unpark();
            }
        }
        closed
    }

    /// Lets a new connection in. When full, closes another (see `Rank`),
    /// waiting up to `EVICT_WAIT` while `EVICTING` closed ones are still
    /// finishing; `None` when none can be closed.
    pub fn admit(self: &Arc<Self>, stream: &Arc<TcpStream>) -> Option<Ticket> {
        let deadline = Instant::now() + EVICT_WAIT;
        let mut st = self.lock();
        while st.conns.len() >= self.limit {
            let victim = self.victim(&st)?;
            let left = deadline.saturating_duration_since(Instant::now());
            if st.conns.len() < self.limit + EVICTING {
                if self.close(&st, victim) {
                    break;
                }
            } else if !left.is_zero() {
                st = self
                    .left
                    .wait_timeout(st, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            } else {
                return None;
            }
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let now = self.now();
        let mark = Arc::new(Mark {
            idle: AtomicU64::new(now),
            answered: AtomicU64::new(0),
            admitted: now,
            busy_since: AtomicU64::new(now),
            streaming: AtomicBool::new(false),
            thread: OnceLock::new(),
        });
        st.conns.insert(
            id,
            Entry {
                stream: stream.clone(),
                mark: mark.clone(),
            },
        );
        Some(Ticket {
            id,
            gate: self.clone(),
            mark,
        })
    }
}

/// The connection cap for an open-file limit of `fd_limit` (`None`: unknown).
pub fn connection_limit(fd_limit: Option<u64>) -> usize {
    let budget = fd_limit
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        .unwrap_or(usize::MAX)
        .saturating_sub(RESERVED_FDS + EVICTING);
    budget.clamp(4, MAX_CONNECTIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_cap_fits_the_open_file_limit() {
        assert_eq!(connection_limit(None), MAX_CONNECTIONS);
        assert_eq!(connection_limit(Some(1_048_576)), MAX_CONNECTIONS);
        assert_eq!(connection_limit(Some(256)), 256 - RESERVED_FDS - EVICTING);
        assert_eq!(connection_limit(Some(10)), 4);
    }

    /// A connection to a listener of its own.
    fn stream() -> Arc<TcpStream> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let s = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        std::mem::forget(listener.accept().unwrap());
        Arc::new(s)
    }

    fn closed(t: &Ticket) -> bool {
        t.mark.idle.load(Ordering::SeqCst) == CLOSED
    }

    /// When full: a keep-alive connection between requests goes first, then
    /// the busy one that answered most; a new one that has had no answer
    /// is kept while another can go, and one busy with its first request
    /// (or an event stream) is never closed.
    #[test]
    fn the_greediest_connection_makes_room_and_a_new_one_is_spared() {
        let gate = Gate::new(4);
        let first = gate.admit(&stream()).unwrap();
        first.idle(false);
        let stream_tab = gate.admit(&stream()).unwrap();
        stream_tab.mark.answered.store(9, Ordering::SeqCst);
        stream_tab.streaming();
        let greedy = gate.admit(&stream()).unwrap();
        greedy.idle(false);
        greedy.mark.answered.store(50, Ordering::SeqCst);
        let between = gate.admit(&stream()).unwrap();
        between.mark.answered.store(2, Ordering::SeqCst);
        between.idle(true);

        let newcomer = gate.admit(&stream()).unwrap();
        assert!(closed(&between) && !closed(&greedy));
        drop(between);
        let _second = gate.admit(&stream()).unwrap();
        assert!(closed(&greedy), "the connection that answered 50 requests");
        assert!(!closed(&newcomer) && !closed(&first) && !closed(&stream_tab));
        drop(greedy);
        // Left: one busy with its first request, an event stream, and two
        // new ones: the one admitted first of those goes.
        let _third = gate.admit(&stream()).unwrap();
        assert!(closed(&newcomer));
        assert!(!closed(&first) && !closed(&stream_tab));
        // A closed connection once marked busy or idle stays closed.
        newcomer.idle(false);
        assert!(closed(&newcomer));
    }

    #[test]
    fn when_every_connection_is_busy_with_its_first_request_a_newcomer_is_refused() {
        let gate = Gate::new(4);
        let busy: Vec<Ticket> = (0..4).map(|_| gate.admit(&stream()).unwrap()).collect();
        for t in &busy {
            t.idle(false);
        }
        assert!(gate.admit(&stream()).is_none());
    }

    /// One busy with its first answer past `FIRST_ANSWER_GRACE` (a client
    /// taking a large file slowly) makes room, the one busy the longest
    /// first; an event stream never does.
    #[test]
    fn a_first_answer_taken_slowly_makes_room_after_its_grace() {
        let gate = Gate::new(3);
        let tab = gate.admit(&stream()).unwrap();
        tab.streaming();
        let oldest = gate.admit(&stream()).unwrap();
        oldest.idle(false);
        std::thread::sleep(Duration::from_millis(50));
        let older = gate.admit(&stream()).unwrap();
        older.idle(false);
        assert!(gate.admit(&stream()).is_none(), "within the grace");
        std::thread::sleep(FIRST_ANSWER_GRACE);
        let _newcomer = gate.admit(&stream()).unwrap();
        assert!(closed(&oldest) && !closed(&older) && !closed(&tab));
    }
}
