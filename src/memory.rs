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

/// Sets the allocator up; called once, first thing in `main`. At 0 ms
/// (memory back at once) a build of 100,000 pages faulted up to a million
/// pages back in and spent up to twice the system time; at 1 s its peak
/// neared 570 MB.
pub fn configure() {
    // SAFETY: sets one of mimalloc's numeric options; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 100) }
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

    /// `PURGE_DELAY` names purge_delay: it reads that option's default in
    /// mimalloc 3's `options.c` (1000 ms) until `configure` runs, which
    /// tests do not.
    #[test]
    fn the_option_number_names_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        }
    }
}
