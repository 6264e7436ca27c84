//! Everything alsite prints goes through here, to standard output or standard
//! error ([`outln!`](crate::outln), [`errln!`](crate::errln)). When the reader
//! has gone (`alsite build | head -1`), alsite stops at once and quietly, as
//! other command-line tools do: it ends by SIGPIPE (status 141 in a shell),
//! never with a panic message. `print!` and its kin panic instead, so the
//! crate's clippy settings refuse them.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by [`keep_running_unread`]: a reader that has gone does not stop
/// the process.
static KEEP_RUNNING: AtomicBool = AtomicBool::new(false);

/// From now on, a reader that has gone (`alsite serve | head -2`) or a
/// failed write does not stop the process: what it writes is dropped. `serve` runs so, since the
/// line a request makes it write (a refused host) must not let anyone
/// who reaches the port stop the preview; Ctrl-C still does.
pub fn keep_running_unread() {
    KEEP_RUNNING.store(true, Ordering::Relaxed);
}

/// Writes to standard output, flushed, or stops (see the module's comment).
pub fn out(args: fmt::Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        drop(stdout);
        if e.kind() != io::ErrorKind::BrokenPipe {
            // Standard error may still reach a person (a full disk behind `>`).
            let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
        }
        stop(&e);
    }
}

/// Writes to standard error, flushed, or stops (see the module's comment).
pub fn err(args: fmt::Arguments) {
    let mut stderr = io::stderr().lock();
    if let Err(e) = stderr.write_fmt(args).and_then(|()| stderr.flush()) {
        stop(&e);
    }
}

/// Ends the process after a failed write: by SIGPIPE when the reader has
/// gone, with status 1 for any other failure; after
/// [`keep_running_unread`], returns (the line is dropped).
fn stop(e: &io::Error) {
    if KEEP_RUNNING.load(Ordering::Relaxed) {
        return;
    }
    if e.kind() == io::ErrorKind::BrokenPipe {
        end_by_sigpipe();
    }
    std::process::exit(1)
}

#[cfg(unix)]
fn end_by_sigpipe() -> ! {
    // Rust ignores SIGPIPE so that writes fail instead of killing the process;
    // put the default back and raise it, so that a shell sees what it sees of
    // any other tool whose reader has gone.
    // SAFETY: plain libc calls with valid constants; nothing is shared.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::raise(libc::SIGPIPE);
    }
    // Only reached if this thread blocks SIGPIPE.
    std::process::exit(128 + libc::SIGPIPE)
}

#[cfg(not(unix))]
fn end_by_sigpipe() -> ! {
    std::process::exit(1)
}

/// Prints a line to standard output through [`console::out`](crate::console::out).
#[macro_export]
macro_rules! outln {
    () => {
        $crate::console::out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::console::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Prints a line to standard error through [`console::err`](crate::console::err).
#[macro_export]
macro_rules! errln {
    () => {
        $crate::console::err(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::console::err(format_args!("{}\n", format_args!($($arg)*)))
    };
}
