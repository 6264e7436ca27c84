//! A disk that fills up part way, played by a limit on file size (`ulimit
//! -f`, with the signal it sends ignored, so a write past it fails as on a
//! full disk): what alsite says, and what it leaves.
#![cfg(unix)]

mod common;

use common::{alsite, text, TempDir};

/// Runs `alsite ARGS` in `dir` with no file allowed past `kib` KiB.
fn limited(dir: &TempDir, kib: u32, args: &str) -> std::process::Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f {kib}; exec \"{}\" {args}",
        env!("CARGO_BIN_EXE_alsite")
    );
    std::process::Command::new("bash")
        .args(["-c", &script])
        .current_dir(&dir.0)
        .output()
        .expect("bash runs")
}

/// A run that failed (exit 1), saying it could not write and that nothing
/// was written.
fn refused_saying_nothing_was_written(run: &std::process::Output) {
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("nothing was written"),
        "{stderr}"
    );
}

/// A disk that fills up part way (here, a limit on file size: the first
/// file past it is cut off and refused): `alsite new` and `alsite strings`
/// say nothing was written, and it is true: no half a site, no cut-off
/// strings file for the next build to read.
#[test]
fn a_disk_full_part_way_leaves_nothing_of_new_or_strings() {
    let dir = TempDir::new("disk-full");
    let run = limited(&dir, 4, "new site");
    refused_saying_nothing_was_written(&run);
    // What to do, for this command: not `--out`, which it does not take.
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("write the new site to another disk (give `alsite new` a folder there)"),
        "{stderr}"
    );
    assert!(!dir.path("site").exists(), "no half a site is left");
    // The same site, written whole, then its strings with too little room.
    assert!(alsite(&["new", "site"], &dir.0).status.success());
    let run = limited(&dir, 4, "strings pl --root site");
    refused_saying_nothing_was_written(&run);
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains(
            "make room on the disk that holds the site's i18n/ folder, then run this again"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("--out"), "{stderr}");
    assert!(
        !dir.path("site/i18n").exists(),
        "no cut-off strings file is left"
    );
    assert!(alsite(&["build", "--root", "site"], &dir.0)
        .status
        .success());
}

/// A build that cannot write a page says why in words and what to do about
/// it (not "check that the folder is writable": it is), and the output of
/// the last build is there as it was.
#[test]
fn a_build_that_runs_out_of_room_says_so_and_leaves_the_last_output() {
    let dir = TempDir::new("disk-full-build");
    assert!(alsite(&["new", "site"], &dir.0).status.success());
    assert!(alsite(&["build", "--root", "site"], &dir.0)
        .status
        .success());
    let page = dir.path("site/public/index.html");
    let before = std::fs::read(&page).unwrap();
    std::fs::write(
        dir.path("site/content/pages/long.md"),
        format!(
            "---\ntitle: Long\n---\n\n{}\n",
            "A long page. ".repeat(2000)
        ),
    )
    .unwrap();
    let run = limited(&dir, 16, "build --root site");
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("larger than this disk"), "{stderr}");
    assert!(stderr.contains("to another disk (`--out`)"), "{stderr}");
    assert!(!stderr.contains("can be written"), "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), before);
    assert!(!dir.path("site/public/long.html").exists());
    // With room for no page at all, one error for every page it could not
    // write (those unchanged since the last build are kept, not written).
    let run = limited(&dir, 1, "build --root site");
    let stderr = text(&run.stderr);
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(stderr.contains(" other file"), "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), before);
}
