//! Memory: the allocator every part of alsite uses, and giving memory back.
//!
//! mimalloc rather than the system's allocator: with glibc's, the cost of
//! each allocation grew with the size of the heap, so a build of 100,000
//! pages took 13 times the CPU of 10,000 pages; with mimalloc, 10 times
//! (see README, "Speed"). A build returns freed memory to the system after
//! 100 ms rather than mimalloc's 1 s, which keeps a large build's peak low;
//! `serve` returns it at once, so a server that shrank stays small.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option `purge_delay` (its number in `mimalloc.h`): how many
/// milliseconds freed memory waits before it is returned to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc's option `allow_thp` (its number in `mimalloc.h`): whether the
/// heap may live in the system's transparent huge pages.
const ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// Sets the allocator up; called once, first thing in `main`. At 0 ms
/// (memory back at once) a build of 100,000 pages faulted up to a million
/// pages back in and spent up to twice the system time; at 1 s its peak
/// neared 570 MB.
///
/// Transparent huge pages are turned off for the process, as mimalloc does
/// itself when told to (`MIMALLOC_ALLOW_THP=0`): with them, memory given
/// back and taken again came back two megabytes at a time, a whole huge
/// page resident for a few bytes in use. Without them a build's peak is
/// lower (414 MB rather than 453 MB at 100,000 pages, 68 MB rather than
/// 94 MB at 10,000) in the same time.
pub fn configure() {
    // SAFETY: sets two of mimalloc's numeric options; any value is valid.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 100);
        libmimalloc_sys::mi_option_set(ALLOW_THP, 0);
    }
    // SAFETY: PR_SET_THP_DISABLE takes a flag and no pointers; it changes
    // only how this process's memory is backed.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Returns freed memory to the system as soon as it is freed, on every
/// thread: for `serve`, which lives long and whose site may shrink.
pub fn return_at_once() {
    // SAFETY: as in `configure`.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// Returns freed memory to the system now (after a large rebuild in
/// `serve`, or one that failed).
pub fn give_back() {
    // SAFETY: mi_collect only frees what no allocation uses.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PURGE_DELAY` names purge_delay and `ALLOW_THP` allow_thp: each reads
    /// that option's default in mimalloc 3's `options.c` (1000 ms; on)
    /// until `configure` runs, which tests do not.
    #[test]
    fn the_option_numbers_name_their_options() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        }
        // allow_thp is on by default (off on Android).
        #[cfg(target_os = "linux")]
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(ALLOW_THP) }, 1);
        }
    }
}
