//! A large file in content/ (a workshop's recording) is copied holding it
//! in memory once, not twice: a trainer's laptop builds a site with a video
//! of gigabytes. This test crate holds one test, so the peak memory of the
//! processes it starts is that of the one build it runs.

mod common;

use common::{alsite, base_site, text};
use std::fs;

#[cfg(unix)]
#[test]
fn a_large_file_is_held_in_memory_at_most_once() {
    const SIZE: usize = 150 * 1024 * 1024;
    let site = base_site("big-file");
    fs::create_dir_all(site.path("content/videos")).unwrap();
    // Bytes that no page cache or compression makes small.
    let mut bytes = vec![0u8; SIZE];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for chunk in bytes.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
    }
    fs::write(site.path("content/videos/session.mp4"), &bytes).unwrap();
    drop(bytes);
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let copied = fs::metadata(site.path("public/videos/session.mp4")).unwrap();
    assert_eq!(copied.len() as usize, SIZE);
    // SAFETY: getrusage fills the struct it is given.
    let peak_kb = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss as usize
    };
    let peak = peak_kb * 1024;
    assert!(
        peak < SIZE + SIZE / 2,
        "the build peaked at {} MB for a file of {} MB",
        peak >> 20,
        SIZE >> 20
    );
}
