//! `alsite serve --open` on a computer where no browser can be opened (a
//! server reached over SSH, a desktop without a default browser): the
//! terminal says to open the address by hand, without the opener's own
//! messages, and no finished opener is left behind for the whole session.
#![cfg(all(unix, not(target_os = "macos")))]

mod common;

use common::serve::{new_site, BIN};
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Children of `pid` that ended and were never waited for.
fn finished_children(pid: u32) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (name) state ppid …": the name may hold spaces.
        let Some((name, rest)) = stat.rsplit_once(") ") else {
            continue;
        };
        let mut fields = rest.split(' ');
        let (state, ppid) = (fields.next(), fields.next());
        if state == Some("Z") && ppid == Some(pid.to_string().as_str()) {
            found.push(name.to_string());
        }
    }
    found
}

#[test]
fn a_browser_that_cannot_be_opened_is_said_plainly_and_left_behind_by_nothing() {
    let site = new_site("open");
    // An opener that fails as xdg-open does with no browser to start.
    let bin = site.path("bin");
    fs::create_dir_all(&bin).unwrap();
    let opener = bin.join("xdg-open");
    fs::write(
        &opener,
        "#!/bin/sh\necho \"xdg-open: no method available for opening '$1'\" >&2\nexit 3\n",
    )
    .unwrap();
    fs::set_permissions(&opener, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut child = Command::new(BIN)
        .args(["serve", "--port", "0", "--open", "--root"])
        .arg(&site.0)
        .env("PATH", path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut said = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(5)) {
        let done = line.contains("could not open a browser");
        said.push(line);
        if done {
            break;
        }
    }
    let told = said.join("\n");
    std::thread::sleep(Duration::from_millis(300));
    let left = finished_children(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        told.contains("could not open a browser; open http://127.0.0.1:"),
        "the terminal says to open the address by hand:\n{told}"
    );
    assert!(
        !told.contains("no method available"),
        "the opener's own messages stay out of the terminal:\n{told}"
    );
    assert!(left.is_empty(), "finished openers left behind: {left:?}");
}
