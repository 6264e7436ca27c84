//! Turns at answering. Every connection has a thread, and a crowd of
//! connections with requests ready (pipelining, or asking again as soon as
//! an answer comes) made hundreds of threads runnable at once: a browser's
//! new connection then waited for the CPU behind all of them, and its page
//! took seconds. Now a connection answers a request only in its turn, and
//! only a few per core answer at once (`PER_CORE`): the others wait
//! asleep. A connection's first request needs no turn, and the next turn
//! goes to the connection that has answered the fewest requests so far (a
//! browser's second request before a script's 50th), in the order they
//! asked among equals; so a crowd is served in rounds, and a newcomer
//! ahead of it.
//!
//! A turn covers working out an answer and what the system takes of it at
//! once: a connection whose client does not read gives its turn up before
//! it waits for the client (see `response::send_then`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::Thread;

/// Turns at once for each core: a few more than cores, so that a thread
/// the system pauses in its turn (for another program) does not stop
/// answering; few enough that a newcomer's thread finds a core at once.
const PER_CORE: usize = 2;

pub struct Turns {
    state: Mutex<State>,
    /// Turns taken at once.
    width: usize,
}

#[derive(Default)]
struct State {
    taken: usize,
    waiting: BinaryHeap<Reverse<Waiting>>,
    /// Orders those that asked with as many answers behind them.
    asked: u64,
}

/// A connection waiting for its turn, first by the answers it gave, then
/// by when it asked.
struct Waiting {
    key: (u64, u64),
    wake: Arc<Wake>,
}

struct Wake {
    given: AtomicBool,
    thread: Thread,
}

impl PartialEq for Waiting {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Waiting {}
impl PartialOrd for Waiting {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Waiting {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// A turn at answering; dropping it passes the turn on.
pub struct Turn<'a> {
    turns: Option<&'a Turns>,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        if let Some(turns) = self.turns {
            turns.pass_on();
        }
    }
}

impl Turns {
    /// `PER_CORE` turns at once for each core of the machine, at least 4.
    pub fn for_this_machine() -> Turns {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Turns::with_width((cores * PER_CORE).max(4))
    }

    pub fn with_width(width: usize) -> Turns {
        Turns {
            state: Mutex::new(State::default()),
            width: width.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits for a turn, for a connection that answered `answered`
    /// requests; `None` if it is `gone` (closed to make room) first. A
    /// connection's first request takes none: it waits behind no crowd
    /// (new connections come only as fast as the one acceptor lets them in).
    pub fn take(&self, answered: u64, gone: impl Fn() -> bool) -> Option<Turn<'_>> {
        if answered == 0 {
            return Some(Turn { turns: None });
        }
        let wake = {
            let mut st = self.lock();
            // Someone waits only while every turn is taken.
            if st.taken < self.width {
                st.taken += 1;
                return Some(Turn { turns: Some(self) });
            }
            let wake = Arc::new(Wake {
                given: AtomicBool::new(false),
                thread: std::thread::current(),
            });
            st.asked += 1;
            let key = (answered, st.asked);
            st.waiting.push(Reverse(Waiting {
                key,
                wake: wake.clone(),
            }));
            wake
        };
        while !wake.given.load(Ordering::Acquire) {
            if gone() {
                let mut st = self.lock();
                // Given meanwhile: use it (it is passed on when dropped).
                if !wake.given.load(Ordering::Acquire) {
                    st.waiting.retain(|w| !Arc::ptr_eq(&w.0.wake, &wake));
                    return None;
                }
                break;
            }
            std::thread::park();
        }
        Some(Turn { turns: Some(self) })
    }

    /// Hands a finished turn to the first in line, if any.
    fn pass_on(&self) {
        let next = {
            let mut st = self.lock();
            match st.waiting.pop() {
                // Given under the lock, where one that leaves the line looks.
                Some(Reverse(w)) => {
                    w.wake.given.store(true, Ordering::Release);
                    w.wake
                }
                None => {
                    st.taken -= 1;
                    return;
                }
            }
        };
        next.thread.unpark();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// With the only turn taken (by a connection that answered `holder`
    /// requests), connections that answered `asks` requests ask for one,
    /// each after the one before; the turn is then given back. Which of
    /// them (their places in `asks`) got it, in order.
    fn served_in_turn(holder: u64, asks: &[u64]) -> Vec<usize> {
        let turns = Arc::new(Turns::with_width(1));
        let first = turns.take(holder, || false);
        let (tx, rx) = mpsc::channel();
        let mut waiting = Vec::new();
        for (i, &answered) in asks.iter().enumerate() {
            let (turns2, tx) = (turns.clone(), tx.clone());
            waiting.push(std::thread::spawn(move || {
                let _turn = turns2.take(answered, || false);
                tx.send(i).unwrap();
            }));
            // Each asks before the next.
            while turns.lock().waiting.len() < i + 1 {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        drop(first);
        for t in waiting {
            t.join().unwrap();
        }
        assert_eq!(turns.lock().taken, 0, "every turn was given back");
        rx.try_iter().collect()
    }

    /// With the only turn taken, connections that answered 50, 3 and 1
    /// requests ask (in that order); the turn goes to the one with 1, then
    /// 3, then 50.
    #[test]
    fn the_connection_that_answered_fewest_goes_first() {
        let asks = [50, 3, 1];
        let order: Vec<u64> = served_in_turn(7, &asks)
            .into_iter()
            .map(|i| asks[i])
            .collect();
        assert_eq!(order, [1, 3, 50]);
    }

    #[test]
    fn a_first_request_needs_no_turn() {
        let turns = Turns::with_width(1);
        let _taken = turns.take(5, || false);
        let _first = turns.take(0, || false).expect("at once");
        assert_eq!(turns.lock().taken, 1);
    }

    #[test]
    fn equals_go_in_the_order_they_asked() {
        assert_eq!(served_in_turn(1, &[4; 5]), [0, 1, 2, 3, 4]);
    }
}
