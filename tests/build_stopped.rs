//! A build stopped with Ctrl-C (SIGINT) or `kill` (SIGTERM) while it moves
//! its files into the output leaves the output whole: the last step is
//! finished first, then alsite stops as asked. Two builds into one output
//! at once take turns.
#![cfg(unix)]

mod common;

use common::{alsite, text, TempDir};
use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every file's path under `dir`, from it.
fn names(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

/// Whether a build's folder of files moved aside is beside the output:
/// the build is in its last step, moving files into the output.
fn moving(root: &Path) -> bool {
    std::fs::read_dir(root).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with(".public.alsite-old-")
    })
}

/// Starts a build of `root` after an edit every page shows, and sends
/// `signal` once it moves files into the output. `None` when it finished
/// before it was seen doing so.
fn stop_while_moving(root: &Path, round: usize, signal: i32) -> Option<std::process::ExitStatus> {
    let site = root.join("site.yaml");
    let yaml = std::fs::read_to_string(&site).unwrap();
    let retitled: String = yaml
        .lines()
        .map(|l| match l.starts_with("title:") {
            true => format!("title: Stopped {round}\n"),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&site, retitled).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_alsite"))
        .arg("build")
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(300) {
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        if moving(root) {
            // SAFETY: a signal to the child this test started.
            unsafe { libc::kill(child.id() as i32, signal) };
            let still_moving = moving(root);
            let status = child.wait().unwrap();
            // The build may have removed the folder and ended in the moment
            // between seeing it and the signal: it finished first, and a
            // signal to an ended process does nothing.
            if status.success() && !still_moving {
                return None;
            }
            return Some(status);
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the build did not finish");
}

/// A generated site of 2,000 pages in `dir`, built once: long enough a
/// last step to be caught in it.
fn built_site(dir: &TempDir) -> std::path::PathBuf {
    let root = dir.path("site");
    let o = alsite(
        &["gen-site", root.to_str().unwrap(), "--pages", "2000"],
        &dir.0,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = alsite(&["build"], &root);
    assert!(o.status.success(), "{}", text(&o.stderr));
    root
}

#[test]
fn a_build_stopped_while_it_moves_its_files_in_leaves_the_output_whole() {
    let dir = TempDir::new("stopped");
    let root = built_site(&dir);
    let before = names(&root.join("public"));
    let mut stopped = 0;
    for (round, signal) in [libc::SIGINT, libc::SIGTERM, libc::SIGINT, libc::SIGTERM]
        .into_iter()
        .enumerate()
    {
        let Some(status) = stop_while_moving(&root, round, signal) else {
            continue;
        };
        stopped += 1;
        // alsite still ends as the signal asks (a shell sees Ctrl-C)...
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        // ...but only after the output is whole: no page is missing, and
        // the manifest is the new one, so a rebuild has nothing to write.
        let after = names(&root.join("public"));
        let missing: Vec<_> = before.difference(&after).take(5).collect();
        assert!(missing.is_empty(), "missing after {signal}: {missing:?}");
        let o = alsite(&["build"], &root);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert!(
            text(&o.stdout).contains(" 0 written, 0 removed"),
            "{}",
            text(&o.stdout)
        );
    }
    assert!(stopped > 0, "no build was caught moving its files");
}

#[test]
fn two_builds_into_one_output_at_once_both_succeed_and_leave_it_whole() {
    let dir = TempDir::new("at-once");
    common::copy_base(&dir.0);
    let o = alsite(&["build"], &dir.0);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let before = names(&dir.0.join("public"));
    let about = dir.0.join("content/pages/about.md");
    for round in 0..12 {
        let mut text_of_page = std::fs::read_to_string(&about).unwrap();
        text_of_page.push_str(&format!("\nMore words {round}.\n"));
        std::fs::write(&about, text_of_page).unwrap();
        let start = || {
            Command::new(env!("CARGO_BIN_EXE_alsite"))
                .arg("build")
                .current_dir(&dir.0)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", text(&out.stderr));
        }
        assert_eq!(names(&dir.0.join("public")), before, "round {round}");
    }
    let o = alsite(&["build"], &dir.0);
    assert!(
        text(&o.stdout).contains(" 0 written, 0 removed"),
        "{}",
        text(&o.stdout)
    );
}

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    names(dir)
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

/// A build killed outright (SIGKILL, or the machine losing power) while it
/// moves its files in cannot finish that step, and left pages missing. The
/// next build puts back what it had moved aside before anything else, so
/// even one that fails on the site's content leaves the output as the last
/// finished build made it, byte for byte.
#[test]
fn files_a_killed_build_moved_aside_are_back_even_when_the_next_build_fails() {
    let dir = TempDir::new("killed");
    let root = built_site(&dir);
    let public = root.join("public");
    let before = contents(&public);
    let broken = root.join("content/pages/broken.md");
    let mut gaps = 0;
    // A kill lands where pages are missing in most rounds, not all: on a
    // loaded machine the first few may all miss, so up to 16 are tried (the
    // test stops at the second gap).
    for round in 0..16 {
        let Some(status) = stop_while_moving(&root, round, libc::SIGKILL) else {
            continue;
        };
        assert_eq!(status.signal(), Some(libc::SIGKILL), "{status:?}");
        let now = names(&public);
        if before.keys().any(|n| !now.contains(n)) {
            gaps += 1;
        }
        std::fs::write(&broken, "---\ntitle: [not closed\n---\n\nText.\n").unwrap();
        let o = alsite(&["build"], &root);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains("broken.md"), "{}", text(&o.stderr));
        let after = contents(&public);
        let missing: Vec<_> = before
            .keys()
            .filter(|n| !after.contains_key(*n))
            .take(5)
            .collect();
        assert!(
            missing.is_empty(),
            "round {round}: still missing {missing:?}"
        );
        let changed: Vec<_> = before
            .iter()
            .filter(|(n, b)| after.get(*n) != Some(b))
            .map(|(n, _)| n)
            .take(5)
            .collect();
        assert!(
            changed.is_empty(),
            "round {round}: not as before: {changed:?}"
        );
        let leftovers: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public.alsite-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        std::fs::remove_file(&broken).unwrap();
        if gaps >= 2 {
            break;
        }
    }
    assert!(gaps > 0, "no killed build was caught with pages missing");
    // The site builds again as usual.
    let o = alsite(&["build"], &root);
    assert!(o.status.success(), "{}", text(&o.stderr));
}
