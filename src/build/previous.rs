//! What the last build left in an output folder, read for the next one:
//! whether alsite made the folder, the manifest's record of each file still
//! as it was written, and every file in it (see [`super::output`]).

use super::guard::MARKER;
use super::manifest::{self, Entry, MANIFEST};
use super::output::{files_under, lock_folder, placed};
use crate::diagnostic::Diagnostic;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the last build left in an output folder: whether alsite made it,
/// its manifest's record of each file still as it was written, and every
/// file in it. Read while the site loads (at 10,000 pages it takes about
/// as long as the rest of an unchanged rebuild's work on one core), under
/// the folder's lock, so that no other build's moves are seen half done;
/// the lock is let go until [`super::output::Writer::open`] takes it
/// again, and reads it all again if another build committed in between.
pub(super) struct Previous {
    /// The output folder it was read from (as [`placed`] resolves it).
    out: PathBuf,
    /// Whether the marker was there, and a fingerprint of the manifest's
    /// bytes: what tells that another build committed since (a size and a
    /// time could be the same on a file system that keeps whole seconds).
    pub(super) seen: (bool, Option<u64>),
    pub(super) previous: HashMap<String, Entry>,
    pub(super) targets: Option<u64>,
    pub(super) present: Vec<String>,
    /// Files in it that the last build did not write (a handout the
    /// trainer put there), by their paths in it; none when it has no
    /// manifest to tell by.
    pub(super) foreign: Vec<String>,
}

impl Previous {
    /// An error when the folder holds files the last build did not write
    /// (a handout, notes put there by hand): a build would delete them, so
    /// it takes `--force` (`force`), as a folder alsite never built does.
    pub(super) fn check_foreign(&self, shown: &Path, force: bool) -> Result<(), Diagnostic> {
        if force || self.foreign.is_empty() {
            return Ok(());
        }
        const NAMED: usize = 5;
        let mut names: Vec<String> = self.foreign.iter().take(NAMED).cloned().collect();
        if self.foreign.len() > NAMED {
            names.push(format!("and {} more", self.foreign.len() - NAMED));
        }
        let (count, them) = match self.foreign.len() {
            1 => ("a file".to_string(), "it"),
            n => (format!("{n} files"), "them"),
        };
        Err(Diagnostic::error(
            shown,
            format!(
                "the output folder holds {count} that alsite did not make: {}",
                names.join(", ")
            ),
        )
        .hint(format!("a build replaces everything in its output folder but hidden files (.htaccess), so it would delete {them}: move {them} out (a file to publish goes in content/, which is copied as it is), or add --force to delete {them}")))
    }

    /// Reads what the last build left in `out`; `None` when the folder
    /// cannot be placed (its error comes when the writer opens it).
    pub(super) fn read(out: &Path) -> Option<Previous> {
        let (out, parent, _) = placed(out).ok()?;
        // Under the lock: another build's moves, or their undoing, are not
        // seen half done.
        let _lock = lock_folder(&parent).ok().flatten();
        Some(Previous::read_locked(out))
    }

    /// As [`Previous::read`], by a build that holds the folder's lock (a
    /// second lock of its own would wait for the first for ever).
    pub(super) fn read_locked(out: PathBuf) -> Previous {
        let (seen, raw) = seen(&out);
        let (previous, present, targets, foreign) = if seen.0 {
            let recorded = raw
                .as_deref()
                .and_then(manifest::from_bytes)
                .unwrap_or_default();
            let targets = (!recorded.files.is_empty()).then_some(recorded.targets);
            let written = as_written(&out, recorded.files);
            (written.previous, written.present, targets, written.foreign)
        } else {
            (HashMap::new(), Vec::new(), None, Vec::new())
        };
        Previous {
            out,
            seen,
            previous,
            targets,
            present,
            foreign,
        }
    }

    /// Whether it still tells what is in `out`, as far as builds go.
    pub(super) fn current(&self, out: &Path) -> bool {
        self.out == out && seen(out).0 == self.seen
    }
}

/// Whether `out` holds alsite's marker, with a fingerprint of its
/// manifest's bytes; and those bytes.
fn seen(out: &Path) -> ((bool, Option<u64>), Option<Vec<u8>>) {
    let raw = std::fs::read(out.join(MANIFEST)).ok();
    let marked = out.join(MARKER).is_file();
    ((marked, raw.as_deref().map(crate::digest::of)), raw)
}

/// What [`as_written`] finds.
struct Written {
    /// The manifest's records of files still as written.
    previous: HashMap<String, Entry>,
    /// Every file in the folder but the marker and the manifest.
    present: Vec<String>,
    /// Those the manifest does not record (none without a manifest).
    foreign: Vec<String>,
}

fn as_written(out: &Path, mut recorded: HashMap<String, Entry>) -> Written {
    let manifest_read = !recorded.is_empty();
    let present = files_under(out);
    let stamps: Vec<Option<(u64, u64)>> = present
        .par_iter()
        .map(|rel| {
            std::fs::symlink_metadata(out.join(rel))
                .ok()
                .map(|m| manifest::stamp(&m))
        })
        .collect();
    let mut previous = HashMap::with_capacity(recorded.len());
    let mut foreign = Vec::new();
    for (rel, stamp) in present.iter().zip(stamps) {
        match (recorded.remove(rel), stamp) {
            (Some(e), Some((len, mtime))) => {
                if e.stamp.len == len && e.stamp.mtime == mtime {
                    previous.insert(rel.clone(), e);
                }
            }
            (Some(_), None) => {}
            (None, _) => {
                let name = rel.rsplit('/').next().unwrap_or(rel);
                if manifest_read && !crate::load::is_windows_litter(name) {
                    foreign.push(rel.clone());
                }
            }
        }
    }
    foreign.sort();
    Written {
        previous,
        present,
        foreign,
    }
}
