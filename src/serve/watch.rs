//! Which file changes matter, decided by a pure function; the watcher that
//! feeds them to the rebuild loop; and how a burst of changes settles before
//! it is built. The output folder is never watched: `serve` keeps the site
//! in memory.

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::is_ignored;
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// After a change to one or a few files, build once none came for this
/// long: editors often write a file in several steps.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// Files in a burst past which it is a multi-file change (a copy, a git
/// checkout) rather than a save...
const FEW_FILES: usize = 3;
/// ...which is built only once no change came for this long, so a copy is
/// served before or after, not half done.
const BURST_QUIET: Duration = Duration::from_millis(150);
/// A rebuild that fails on a file changed in the same burst may have read it
/// half written: wait until nothing changed for this long and build once more
/// before showing the error.
const SETTLE: Duration = Duration::from_millis(150);
/// ...and this long when a file of the burst is empty: an editor that
/// empties a file and then writes it (over a network share, or a slow
/// disk) may take a while between the two, and an empty file is seldom
/// what a save meant.
const EMPTY_SETTLE: Duration = Duration::from_secs(1);
/// Changes that never stop (a program writing into content/ all the time)
/// are built at least this often, and a settle waits no longer than this.
const MAX_BURST: Duration = Duration::from_secs(3);
/// Settles in a row while the burst's files keep changing: an error read
/// from a file still being written shows once the writing stops, or after
/// this many settles (half a minute) all the same.
const MAX_SETTLES: usize = 10;

/// What a changed path means for the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file under `content/`, with its path from the site root.
    Content(String),
    /// `site.yaml` or anything under `themes/` or `i18n/`: everything is rebuilt.
    Everything,
}

/// Classifies a path reported by the watcher, relative to the site `root`.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // Editors write and delete temporary files around every save: `.x.swp`,
    // `x~`, `#x#`, `4913` (vim's write test), `.x.tmp`.
    if parts.iter().any(|p| is_ignored(p)) {
        return None;
    }
    // The site folder itself, moved away or deleted: build again, so the
    // terminal and the overlay say what is wrong.
    let Some(first) = parts.first() else {
        return Some(Change::Everything);
    };
    match first.as_str() {
        "site.yaml" if parts.len() == 1 => Some(Change::Everything),
        "themes" | "i18n" => Some(Change::Everything),
        "content" => Some(Change::Content(parts.join("/"))),
        _ => None,
    }
}

/// The watcher on the site's sources: the root without recursion
/// (site.yaml, and content/, themes/ or i18n/ appearing or vanishing), and
/// content/, themes/ and i18n/ recursively.
pub struct Sources {
    watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<Vec<PathBuf>>,
    root: PathBuf,
    /// The folder holding the site's, watched while the site's folder is
    /// gone (deleted), to see it come back.
    parent: Option<PathBuf>,
}

impl Sources {
    pub fn watch(root: &Path) -> Result<Sources, Diagnostics> {
        let fail = |what: &str, e: notify::Error| {
            Diagnostics(vec![Diagnostic::error(root, format!("{what}: {e}"))])
        };
        let (tx, events) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                // Reading a file is an event too (Access); only writes, creations,
                // removals and renames can change the site.
                if let Ok(event) = event {
                    use notify::event::{EventKind, ModifyKind};
                    if !matches!(
                        event.kind,
                        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
                    ) {
                        let _ = tx.send(event.paths);
                    }
                }
            })
            .map_err(|e| fail("cannot watch files", e))?;
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| fail("cannot watch the site folder", e))?;
        let mut sources = Sources {
            watcher,
            events,
            root,
            parent: None,
        };
        sources.rewatch();
        Ok(sources)
    }

    /// (Re)adds the recursive watches; after a folder is deleted and
    /// re-created this is what keeps the loop alive.
    fn rewatch(&mut self) {
        self.rewatch_root();
        for dir in ["content", "themes", "i18n"] {
            let path = self.root.join(dir);
            if path.is_dir() {
                let _ = self.watcher.unwatch(&path);
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
    }

    /// The site's folder again: a folder deleted loses its watch, and one
    /// put in its place (a backup, a fresh clone) is another folder. While
    /// it is gone, the folder above it is watched, to see it come back.
    fn rewatch_root(&mut self) {
        if self.root.is_dir() {
            if let Some(parent) = self.parent.take() {
                let _ = self.watcher.unwatch(&parent);
            }
            let _ = self.watcher.unwatch(&self.root);
            let _ = self.watcher.watch(&self.root, RecursiveMode::NonRecursive);
        } else if self.parent.is_none() {
            let parent = self.root.parent().map(Path::to_path_buf);
            if let Some(parent) = parent {
                if self
                    .watcher
                    .watch(&parent, RecursiveMode::NonRecursive)
                    .is_ok()
                {
                    self.parent = Some(parent);
                }
            }
        }
    }

    /// The rebuild loop: waits for changes that matter, lets the burst
    /// settle, rebuilds and hands the result to `apply` with the time of the
    /// first change. Never returns on a bad edit.
    pub fn rebuild_on_change(
        mut self,
        mut builder: build::Incremental,
        mut apply: impl FnMut(Result<build::Rebuilt, Diagnostics>, Instant, &str),
    ) -> Result<(), Diagnostics> {
        loop {
            let Ok(paths) = self.events.recv() else {
                return Ok(());
            };
            let mut burst = Burst::new();
            burst.add(&self.root, &paths);
            if burst.changes.is_empty() {
                continue;
            }
            self.gather(&mut burst, false);
            burst.forget(|rel| builder.came_and_went(rel));
            if burst.changes.is_empty() {
                continue;
            }
            let mut result = self.rebuild(&mut builder, &burst);
            // An error from a file of the burst may come from reading it
            // half written: build again once it has been still for a while,
            // and keep the last good site served while it is not.
            let mut settles = 0;
            while matches!(&result, Err(errors) if burst.caused(errors)) && settles < MAX_SETTLES {
                settles += 1;
                let still = self.gather(&mut burst, true);
                burst.forget(|rel| builder.came_and_went(rel));
                let read_from = SystemTime::now();
                result = self.rebuild(&mut builder, &burst);
                // Changes that came while it built were not in what it read;
                // the watcher's news of one may still be on its way (a save
                // that emptied the file as it was read, on a busy machine),
                // so the files' own times are asked too.
                if still
                    && !self.take_pending(&mut burst, DEBOUNCE)
                    && !burst.written_since(&self.root, read_from)
                {
                    break;
                }
            }
            apply(result, burst.started, "rebuilt");
            // The search index after the reload: an edit's page need not wait for it.
            if let Some(index) = builder.search_index() {
                apply(Ok(index), burst.started, "search index");
            }
        }
    }

    /// Adds changes to `burst` until none came for the quiet time (one that
    /// grows with the burst, or when `settling` a failed build, `SETTLE`,
    /// `EMPTY_SETTLE` while a file of it is empty), or for at most
    /// `MAX_BURST`; true when it ended in quiet.
    fn gather(&self, burst: &mut Burst, settling: bool) -> bool {
        let until = Instant::now() + MAX_BURST;
        // The empty files a settle waits for: once they are written, the
        // usual settle, not a second after their last change.
        let mut empty = match settling {
            true => burst.empty_files(&self.root),
            false => BTreeSet::new(),
        };
        loop {
            let quiet = match (settling, empty.is_empty()) {
                (true, false) => EMPTY_SETTLE,
                (true, true) => SETTLE,
                _ if burst.paths.len() > FEW_FILES => BURST_QUIET,
                _ => DEBOUNCE,
            };
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match self.events.recv_timeout(quiet.min(left)) {
                Ok(paths) => {
                    burst.add(&self.root, &paths);
                    if settling {
                        still_empty(&self.root, &mut empty, &paths);
                    }
                }
                Err(RecvTimeoutError::Timeout) => return quiet <= left,
                Err(RecvTimeoutError::Disconnected) => return true,
            }
        }
    }

    /// Adds the changes that came and wait unread, or come within `wait`;
    /// true when one matters.
    fn take_pending(&self, burst: &mut Burst, wait: Duration) -> bool {
        let mut any = false;
        let first = self.events.recv_timeout(wait).ok();
        for paths in first
            .into_iter()
            .chain(std::iter::from_fn(|| self.events.try_recv().ok()))
        {
            any |= paths.iter().any(|p| classify(&self.root, p).is_some());
            burst.add(&self.root, &paths);
        }
        any
    }

    fn rebuild(
        &mut self,
        builder: &mut build::Incremental,
        burst: &Burst,
    ) -> Result<build::Rebuilt, Diagnostics> {
        let changes = &burst.changes;
        if changes
            .iter()
            .any(|c| *c == Change::Everything || matches!(c, Change::Content(p) if p == "content"))
        {
            self.rewatch();
        }
        if changes.contains(&Change::Everything) {
            return builder.full();
        }
        let mut paths: Vec<PathBuf> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Content(p) => Some(PathBuf::from(p)),
                Change::Everything => None,
            })
            .collect();
        paths.sort();
        paths.dedup();
        builder.content_changed(&paths)
    }
}

fn is_empty_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0)
}

/// Keeps in `empty` the files still empty, and adds those of `changed`
/// that matter and are empty now (an editor emptying another file).
fn still_empty(root: &Path, empty: &mut BTreeSet<PathBuf>, changed: &[PathBuf]) {
    empty.retain(|p| is_empty_file(p));
    for p in changed {
        if classify(root, p).is_some() && is_empty_file(p) {
            empty.insert(p.clone());
        }
    }
}

/// The changes gathered for one rebuild.
struct Burst {
    started: Instant,
    changes: Vec<Change>,
    /// Every changed path that matters, from the site root with `/`.
    paths: BTreeSet<String>,
}

impl Burst {
    fn new() -> Burst {
        Burst {
            started: Instant::now(),
            changes: Vec::new(),
            paths: BTreeSet::new(),
        }
    }

    fn add(&mut self, root: &Path, paths: &[PathBuf]) {
        for p in paths {
            if let Some(change) = classify(root, p) {
                if let Ok(rel) = p.strip_prefix(root) {
                    self.paths.insert(slashed(rel));
                }
                if !self.changes.contains(&change) {
                    self.changes.push(change);
                }
            }
        }
    }

    /// The files of the burst that are there and empty.
    fn empty_files(&self, root: &Path) -> BTreeSet<PathBuf> {
        self.paths
            .iter()
            .map(|p| root.join(p))
            .filter(|p| is_empty_file(p))
            .collect()
    }

    /// Whether a file of the burst was written from a little before `time`
    /// on: a build that began then may have read it half written. (A
    /// file's time is the system's coarse clock, a few milliseconds behind.)
    fn written_since(&self, root: &Path, time: SystemTime) -> bool {
        let from = time - Duration::from_millis(20);
        self.paths.iter().any(|p| {
            std::fs::metadata(root.join(p))
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= from)
        })
    }

    /// Drops the content files `gone` says changed nothing.
    fn forget(&mut self, gone: impl Fn(&Path) -> bool) {
        self.changes.retain(|c| match c {
            Change::Content(p) => !gone(Path::new(p)),
            Change::Everything => true,
        });
        self.paths
            .retain(|p| !p.starts_with("content") || !gone(Path::new(p)));
    }

    /// Some error is about a file (or a folder holding one) that changed in this burst.
    fn caused(&self, errors: &Diagnostics) -> bool {
        errors.0.iter().filter(|d| d.is_error()).any(|d| {
            let file = slashed(&d.file);
            self.paths.iter().any(|p| {
                *p == file
                    || p.strip_prefix(file.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                    || file
                        .strip_prefix(p.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            })
        })
    }
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        let root = Path::new("/site");
        let cases: &[(&str, Option<Change>)] = &[
            ("/site/site.yaml", Some(Change::Everything)),
            ("/site", Some(Change::Everything)),
            (
                "/site/themes/default/templates/page.html",
                Some(Change::Everything),
            ),
            ("/site/themes", Some(Change::Everything)),
            ("/site/i18n/pl.yaml", Some(Change::Everything)),
            (
                "/site/content/pages/about.md",
                Some(Change::Content("content/pages/about.md".into())),
            ),
            ("/site/content", Some(Change::Content("content".into()))),
            (
                "/site/content/sessions",
                Some(Change::Content("content/sessions".into())),
            ),
            ("/site/content/pages/.about.md.swp", None),
            ("/site/content/pages/about.md~", None),
            ("/site/content/pages/#about.md#", None),
            ("/site/content/pages/4913", None),
            ("/site/content/.git/index", None),
            ("/site/public/index.html", None),
            ("/site/target/debug/alsite", None),
            ("/site/README.md", None),
            ("/site/site.yaml.tmp", None),
            ("/elsewhere/site.yaml", None),
        ];
        for (path, want) in cases {
            assert_eq!(classify(root, Path::new(path)), *want, "{path}");
        }
    }

    #[test]
    fn an_error_from_a_file_of_the_burst_is_settled_first() {
        let root = Path::new("/site");
        let mut burst = Burst::new();
        burst.add(
            root,
            &[
                PathBuf::from("/site/content/pages/about.md"),
                PathBuf::from("/site/content/pages/.about.md.swp"),
            ],
        );
        assert_eq!(
            burst.paths.iter().collect::<Vec<_>>(),
            ["content/pages/about.md"]
        );
        let error = |file: &str| Diagnostics(vec![Diagnostic::error(file, "missing front matter")]);
        assert!(burst.caused(&error("content/pages/about.md")));
        assert!(burst.caused(&error("content")), "a folder holding it");
        assert!(!burst.caused(&error("content/pages/other.md")));
        assert!(!burst.caused(&error("content/pages/about.md.bak")));
        let warning = Diagnostics(vec![Diagnostic::warning("content/pages/about.md", "w")]);
        assert!(!burst.caused(&warning));
    }
}
