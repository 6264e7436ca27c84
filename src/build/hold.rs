//! Holds back Ctrl-C (SIGINT), `kill` (SIGTERM), a closed terminal (SIGHUP)
//! and SIGQUIT while a build moves its files into the output. Stopped
//! halfway, the output would lack every file already moved aside and not
//! yet replaced; held, the step finishes (or is undone), and then alsite
//! ends as the signal asked, with the status a shell expects (130 for
//! Ctrl-C).

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicI32, Ordering};

    const SIGNALS: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

    /// The signal that arrived while held, 0 for none.
    static CAUGHT: AtomicI32 = AtomicI32::new(0);

    extern "C" fn note(signal: libc::c_int) {
        CAUGHT.store(signal, Ordering::SeqCst);
    }

    pub struct Hold {
        previous: Vec<(libc::c_int, libc::sigaction)>,
    }

    pub fn hold() -> Hold {
        let mut previous = Vec::new();
        for signal in SIGNALS {
            // SAFETY: sigaction with a zeroed struct, an empty mask and a
            // handler that only stores to an atomic (async-signal-safe).
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = note as *const () as libc::sighandler_t;
                libc::sigemptyset(&mut action.sa_mask);
                // A read or write the signal arrives in goes on, not fails.
                action.sa_flags = libc::SA_RESTART;
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, &action, &mut old) == 0 {
                    previous.push((signal, old));
                }
            }
        }
        Hold { previous }
    }

    impl Drop for Hold {
        fn drop(&mut self) {
            for (signal, old) in &self.previous {
                // SAFETY: puts back the action `hold` replaced.
                unsafe { libc::sigaction(*signal, old, std::ptr::null_mut()) };
            }
            let caught = CAUGHT.swap(0, Ordering::SeqCst);
            if caught != 0 {
                // SAFETY: sends the held signal again, now that its own
                // action (ending alsite, unless it was ignored) is back.
                unsafe { libc::raise(caught) };
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub struct Hold;
    pub fn hold() -> Hold {
        Hold
    }
}

pub(super) use imp::hold;
