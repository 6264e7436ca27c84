//! What a build that was stopped (killed, or the machine lost power) left
//! beside the output: `.<name>.alsite-new-<pid>`, the files it had made,
//! and `.<name>.alsite-old-<pid>`, the files it had moved out of the output
//! to put its own in their place, with the output's record
//! (`.alsite-manifest`) as it was. Stopped in that step, the output lacks
//! every file moved aside and not yet replaced; they all go back where they
//! were, the record too, so the output is as the last finished build left
//! it, whatever of the stopped build's had been moved in already. (An
//! output replaced whole, stopped with no output folder, gets its old
//! folder back.) Then both folders go.

use super::manifest::MANIFEST;
use std::path::Path;

/// Clears what stopped builds of the output `out` (named `name`, in
/// `parent`) left, putting back the files they had moved aside.
pub(super) fn clear(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        let (aside, pid) = match rest.strip_prefix("alsite-old-") {
            Some(pid) => (true, pid),
            None => (false, rest.strip_prefix("alsite-new-").unwrap_or("")),
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == std::process::id() || running(pid) {
            continue;
        }
        if aside && !out.exists() {
            // Stopped between moving the last output aside and the new one
            // in, when the output is replaced whole: it comes back whole.
            if std::fs::rename(entry.path(), out).is_ok() {
                continue;
            }
        }
        if aside && entry.path().join(MANIFEST).is_file() {
            put_back(&entry.path(), out);
        }
        let _ = std::fs::remove_dir_all(entry.path());
    }
}

/// Moves every file under `aside` back to its place in `out`. A folder that
/// stands there now (a file that became a folder) is left as it is.
fn put_back(aside: &Path, out: &Path) {
    let files = walkdir::WalkDir::new(aside).into_iter().flatten();
    for file in files.filter(|f| !f.file_type().is_dir()) {
        let Ok(rel) = file.path().strip_prefix(aside) else {
            continue;
        };
        let to = out.join(rel);
        if std::fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        if let Some(folder) = to.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        let _ = std::fs::rename(file.path(), &to);
    }
}

/// Whether process `pid` is running; where that cannot be asked, it is
/// taken to be, and its folders are kept.
fn running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether `pid` exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;

    /// The number of a process that has ended.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn what_a_dead_build_moved_aside_goes_back_only_with_the_record_it_took() {
        let parent = std::env::temp_dir().join(format!("alsite-stale-{}", std::process::id()));
        let _ = fs::remove_dir_all(&parent);
        let out = parent.join("public");
        let pid = dead_pid();
        let aside = parent.join(format!(".public.alsite-old-{pid}"));
        let side = parent.join(format!(".public.alsite-new-{pid}"));
        let put = |path: &Path, text: &str| {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        // Stopped while moving files in: the old page and record go back
        // over the new page already moved in; the missing one comes back.
        put(&aside.join(MANIFEST), "old record");
        put(&aside.join("about.html"), "old about");
        put(&aside.join("pages/x.html"), "old x");
        put(&out.join("about.html"), "new about");
        put(&side.join("pages/x.html"), "new x");
        clear(&parent, "public", &out);
        let read = |rel: &str| fs::read_to_string(out.join(rel)).unwrap();
        assert_eq!(read("about.html"), "old about");
        assert_eq!(read("pages/x.html"), "old x");
        assert_eq!(read(MANIFEST), "old record");
        assert!(!aside.exists() && !side.exists());
        // Done but not yet cleared (its record no longer aside): nothing
        // goes back over the finished output.
        put(&aside.join("about.html"), "older about");
        clear(&parent, "public", &out);
        assert_eq!(read("about.html"), "old about");
        assert!(!aside.exists());
        // Stopped with no output folder, replacing it whole: it comes back.
        fs::rename(&out, &aside).unwrap();
        clear(&parent, "public", &out);
        assert_eq!(read("about.html"), "old about");
        assert!(!aside.exists());
        fs::remove_dir_all(&parent).unwrap();
    }
}
