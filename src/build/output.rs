//! Writes a build's files. A folder alsite built before (it holds the marker)
//! is updated in place: only files whose bytes changed are written, first to
//! a folder beside it and moved in at the end, and files the site no longer
//! makes are removed (a repository's `.git` stays). Any other folder is
//! built afresh beside the output and swapped in whole. Either way nothing
//! in the output changes until every page is rendered and checked, so a
//! failed build leaves it as it was.

use super::guard::{MARKER, MARKER_TEXT};
use super::manifest::{self, Entry, Record, Stamp, MANIFEST};
use super::previous::Previous;
use crate::render::Output;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub(super) struct Writer {
    out: PathBuf,
    /// Where new and changed files wait for `commit`.
    side: PathBuf,
    /// The previous build's record of each file still as it was written
    /// (emptied by `rendered`, with its size kept).
    previous: HashMap<String, Entry>,
    previous_len: usize,
    /// The previous manifest's targets fingerprint, if it had one.
    targets: Option<u64>,
    /// Every file now in the output (updates only), to remove what is gone.
    present: Vec<String>,
    /// False when the whole output is replaced by `side`.
    update: bool,
    /// Held until the build ends (see `lock_folder`).
    _lock: Option<std::fs::File>,
    /// Set when a record differs from the previous build's.
    dirty: AtomicBool,
}

/// What `commit` did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Changes {
    pub written: usize,
    pub removed: usize,
}

impl Writer {
    /// Opens `out` for a build, with what [`Previous::read`] found there
    /// (read again if it no longer holds).
    pub fn open(out: &Path, previous: Option<Previous>) -> io::Result<Writer> {
        if let Some(to) = crate::load::dangling_link(out) {
            return Err(io::Error::other(format!(
                "the output folder is a link to {}, which is not there; make that folder, or remove the link to build into a folder of its own",
                to.display()
            )));
        }
        let (out, parent, name) = placed(out)?;
        let out = out.as_path();
        std::fs::create_dir_all(&parent)?;
        let lock = lock_folder(&parent)?;
        super::stale::clear(&parent, &name, out);
        let side = parent.join(format!(".{name}.alsite-new-{}", std::process::id()));
        if side.exists() {
            std::fs::remove_dir_all(&side)?;
        }
        std::fs::create_dir_all(&side).map_err(|e| {
            // A full disk is told as it is, with its own advice.
            if crate::diagnostic::is_disk_full(&e) {
                return e;
            }
            // The output folder may be writable and its parent not
            // (`/var/www/html`): say which folder needs it.
            let words = crate::diagnostic::io_words(&e);
            io::Error::other(format!(
                "cannot make a folder in {} ({words}): the new site is written beside the output folder and then moved in, so alsite must be able to write there too; build into a folder of your own and copy it, or let your user write to {}",
                parent.display(),
                parent.display()
            ))
        })?;
        // Under the lock: a build that committed since it was read made it stale.
        let Previous {
            seen: (update, _),
            previous,
            targets,
            present,
            ..
        } = previous
            .filter(|p| p.current(out))
            .unwrap_or_else(|| Previous::read_locked(out.to_path_buf()));
        if !update {
            std::fs::write(side.join(MARKER), MARKER_TEXT)?;
        }
        Ok(Writer {
            out: out.to_path_buf(),
            side,
            previous_len: previous.len(),
            previous,
            targets,
            present,
            update,
            dirty: AtomicBool::new(false),
            _lock: lock,
        })
    }

    /// True when the previous build made these files with these ids
    /// (`targets` as `manifest::targets` gives it): links that resolved
    /// then resolve now.
    pub fn same_targets(&self, targets: u64) -> bool {
        self.update && self.targets == Some(targets)
    }

    /// Frees the previous build's records once every page is rendered.
    pub fn rendered(&mut self) {
        self.previous = HashMap::new();
    }

    /// The previous build's record of `path`, when it was rendered from
    /// inputs with this `key` and the file is still as it was written.
    pub fn reusable(&self, path: &str, key: u64) -> Option<&Entry> {
        self.previous.get(path).filter(|e| e.stamp.key == key)
    }

    /// The previous build's records of files under `folder` (made after the
    /// pages, such as the search index) that are not in `done`.
    pub fn kept_under(&self, folder: &str, done: &HashSet<&str>) -> Vec<(String, Entry)> {
        let mut found: Vec<(String, Entry)> = self
            .previous
            .iter()
            .filter(|(p, e)| {
                p.starts_with(folder) && e.stamp.key == 0 && !done.contains(p.as_str())
            })
            .map(|(p, e)| (p.clone(), e.clone()))
            .collect();
        // In path order, so the same build gives the same manifest.
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    fn changed(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }

    /// Stages `o` unless the output already holds these bytes; returns its
    /// stamp for the next manifest.
    pub fn put(&self, o: &Output) -> io::Result<Stamp> {
        let hash = crate::digest::of(&o.bytes);
        if let Some(e) = self.previous.get(&o.path) {
            if e.stamp.hash == hash && e.stamp.len == o.bytes.len() as u64 {
                if e.stamp.key != o.key {
                    self.changed();
                }
                return Ok(Stamp {
                    key: o.key,
                    ..e.stamp
                });
            }
        }
        self.changed();
        let path = self.side.join(&o.path);
        let meta = match write_file(&path, &o.bytes) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(path.parent().unwrap_or(&self.side))?;
                write_file(&path, &o.bytes)?
            }
            other => other?,
        };
        let (len, mtime) = manifest::stamp(&meta);
        Ok(Stamp {
            hash,
            len,
            mtime,
            key: o.key,
        })
    }

    /// Leaves the output as it was.
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.side);
    }

    /// Puts the staged files in place, removes the files not in `records`
    /// and writes the manifest.
    pub fn commit(self, targets: u64, records: &[Record]) -> io::Result<Changes> {
        let same = self.update
            && !self.dirty.load(Ordering::Relaxed)
            && self.same_targets(targets)
            && records.len() == self.previous_len
            && self.present.len() == records.len();
        if same {
            // Every file is the previous build's, as it wrote it: nothing to do.
            let _ = std::fs::remove_dir_all(&self.side);
            return Ok(Changes::default());
        }
        if !self.update {
            manifest::write(&self.side, targets, records)?;
            let written = records.len();
            swap_in(&self.side, &self.out)?;
            return Ok(Changes {
                written,
                removed: 0,
            });
        }
        let result = self.update_in_place(targets, records);
        let _ = std::fs::remove_dir_all(&self.side);
        result
    }

    /// Moves the staged files in and the gone ones out. Every file replaced
    /// or removed is first moved aside, so when any step fails (a folder
    /// that cannot be written, a full disk) every move is undone and the
    /// output is as it was.
    fn update_in_place(&self, targets: u64, records: &[Record]) -> io::Result<Changes> {
        let keep: HashSet<&str> = records.iter().map(|r| r.path).collect();
        let gone: Vec<&String> = self
            .present
            .iter()
            .filter(|p| !keep.contains(p.as_str()))
            .collect();
        let staged = files_under(&self.side);
        let aside = old_of(&self.side);
        let mut journal = Journal::default();
        // Ctrl-C waits until every file is in place or back (see hold).
        let held = super::hold::hold();
        // The record of the output as it is goes aside with its files, so
        // a build killed in this step is undone by the next (see `stale`).
        let _ = std::fs::create_dir_all(&aside)
            .and_then(|()| std::fs::hard_link(self.out.join(MANIFEST), aside.join(MANIFEST)));
        let result = (|| {
            // Gone files first, so a folder that became a file is out of the way.
            for rel in gone
                .iter()
                .map(|r| r.as_str())
                .chain(staged.iter().map(String::as_str))
            {
                let at = self.out.join(rel);
                // A file, or a link (never followed: a link to a folder
                // goes, not what it points to).
                let here = std::fs::symlink_metadata(&at);
                if here.is_ok_and(|m| !m.is_dir()) {
                    journal.move_file(at, aside.join(rel), rel)?;
                }
            }
            for rel in &staged {
                journal.move_file(self.side.join(rel), self.out.join(rel), rel)?;
            }
            manifest::write(&self.out, targets, records)
                .map_err(|e| cannot_replace(MANIFEST, &e))?;
            // Done: what is aside is no longer to be put back, even if
            // alsite ends before it is removed (a signal held till now).
            let _ = std::fs::remove_file(aside.join(MANIFEST));
            Ok(())
        })();
        if result.is_err() {
            journal.undo();
        }
        drop(held);
        match result {
            Ok(()) => {
                if !gone.is_empty() {
                    remove_empty_folders(&self.out);
                }
                let _ = std::fs::remove_dir_all(&aside);
                Ok(Changes {
                    written: staged.len(),
                    removed: gone.len(),
                })
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&aside);
                Err(e)
            }
        }
    }
}

/// The steps of an update, to undo them in reverse when a later one fails.
#[derive(Default)]
struct Journal {
    steps: Vec<Step>,
}

enum Step {
    Moved {
        from: PathBuf,
        to: PathBuf,
    },
    /// An empty folder removed to make room for a file of its name.
    Removed(PathBuf),
}

impl Journal {
    /// Moves the file `from` to `to`, making `to`'s folder when needed; an
    /// error names the file, `rel`, from the output root. Where a folder
    /// stands at `to` (the site had a folder of that name last time), it is
    /// empty by now, its files moved aside, and it goes.
    fn move_file(&mut self, from: PathBuf, to: PathBuf, rel: &str) -> io::Result<()> {
        if std::fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
            self.remove_empty_folder(&to)
                .map_err(|e| cannot_replace(rel, &e))?;
        }
        let moved = std::fs::rename(&from, &to).or_else(|_| {
            std::fs::create_dir_all(to.parent().unwrap_or(&to))?;
            std::fs::rename(&from, &to)
        });
        if let Err(e) = moved {
            return Err(cannot_replace(rel, &e));
        }
        self.steps.push(Step::Moved { from, to });
        Ok(())
    }

    /// Removes `dir` and the empty folders in it; fails on a folder that
    /// still holds a file.
    fn remove_empty_folder(&mut self, dir: &Path) -> io::Result<()> {
        let folders = walkdir::WalkDir::new(dir).contents_first(true).into_iter();
        for entry in folders {
            let entry = entry.map_err(io::Error::other)?;
            std::fs::remove_dir(entry.path())?;
            self.steps.push(Step::Removed(entry.into_path()));
        }
        Ok(())
    }

    fn undo(self) {
        for step in self.steps.into_iter().rev() {
            match step {
                Step::Moved { from, to } => {
                    if std::fs::rename(&to, &from).is_err() {
                        let _ = std::fs::create_dir_all(from.parent().unwrap_or(&from));
                        let _ = std::fs::rename(&to, &from);
                    }
                }
                Step::Removed(dir) => {
                    let _ = std::fs::create_dir_all(dir);
                }
            }
        }
    }
}

fn cannot_replace(rel: &str, e: &io::Error) -> io::Error {
    let words = crate::diagnostic::io_words(e);
    io::Error::other(format!("cannot replace {rel}: {words}"))
}

/// Whether a build leaves `rel` (a path from the output folder) as it is:
/// a hidden file or folder, or one inside a hidden folder. alsite makes
/// none but its marker and manifest (a hidden file under `content/` or in a
/// theme is never copied), so each is someone's on purpose: a repository's
/// `.git` (`git init` in the output folder, to publish from it), a web
/// server's `.htaccess` or `.well-known/`, GitHub Pages' `.nojekyll`.
fn is_kept(rel: &Path) -> bool {
    rel.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

/// Files under `dir`, as paths from it with `/`, leaving out the marker,
/// the manifest and its temporary file, and what [`is_kept`] keeps.
pub(super) fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| !is_kept(e.path().strip_prefix(dir).unwrap_or(e.path())))
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            let ours = rel == MARKER || rel.starts_with(MANIFEST);
            (!ours).then_some(rel)
        })
        .collect()
}

/// Removes the empty folders under `dir`, but none [`is_kept`] keeps
/// (a repository's empty `refs/tags` is part of it).
fn remove_empty_folders(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        // Contents first, so a kept folder's own are met before it: each
        // is told by its path (`filter_entry` would see the folder too late).
        .filter(|e| !is_kept(e.path().strip_prefix(dir).unwrap_or(e.path())))
    {
        // Fails, as it should, on a folder that still holds something.
        let _ = std::fs::remove_dir(entry.path());
    }
}

/// Where `out` is: the folder written (where a link to a folder leads: an
/// output folder that is a link, `public` → the web server's folder, is
/// written there and stays a link; replaced whole, the link itself was
/// swapped for a folder), its parent and its name.
pub(super) fn placed(out: &Path) -> io::Result<(PathBuf, PathBuf, String)> {
    let linked = std::fs::symlink_metadata(out).is_ok_and(|m| m.is_symlink()) && out.is_dir();
    let out = match linked {
        true => std::fs::canonicalize(out)?,
        false => out.to_path_buf(),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((out, parent, name))
}

/// Puts the output as the last finished build left it when a build was
/// stopped (killed, or the machine lost power) while moving its files in
/// (see [`super::stale`]). Done first, so that a build that then fails on
/// the site's content does not leave those files missing.
pub(super) fn recover(out: &Path) {
    let Ok((out, parent, name)) = placed(out) else {
        return;
    };
    if !parent.is_dir() {
        return;
    }
    if let Ok(_lock) = lock_folder(&parent) {
        super::stale::clear(&parent, &name, &out);
    }
}

/// Waits until no other build writes in `parent` (where the output and the
/// folders beside it are), and keeps others waiting until this one ends
/// (the lock goes with the process, however it ends). Two builds into one
/// output at once each moved the other's files and record away ("cannot
/// replace .alsite-manifest: it does not exist"). Builds into two outputs
/// in one folder take turns too; a system or file system that cannot lock
/// a folder lets builds go on at once, as before.
pub(super) fn lock_folder(parent: &Path) -> io::Result<Option<std::fs::File>> {
    // A folder opens as a file on Unix only; elsewhere builds do not wait.
    let Ok(dir) = std::fs::File::open(parent) else {
        return Ok(None);
    };
    match dir.try_lock() {
        Ok(()) => return Ok(Some(dir)),
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(_)) => return Ok(None),
    }
    crate::errln!(
        "waiting for another alsite build writing in {} to finish…",
        parent.display()
    );
    dir.lock()?;
    Ok(Some(dir))
}

/// Where the files a build replaces wait until it is done: beside `new`.
fn old_of(new: &Path) -> PathBuf {
    new.with_file_name(
        new.file_name()
            .map(|n| n.to_string_lossy().replace("alsite-new", "alsite-old"))
            .unwrap_or_default(),
    )
}

/// Replaces `out` with the folder `new`; the old one is removed afterwards.
fn swap_in(new: &Path, out: &Path) -> io::Result<()> {
    let old = old_of(new);
    // Between the two moves there is no output folder: Ctrl-C waits.
    let held = super::hold::hold();
    let result = if out.exists() {
        std::fs::rename(out, &old).and_then(|()| match std::fs::rename(new, out) {
            Ok(()) => Ok(true),
            Err(e) => {
                std::fs::rename(&old, out)?;
                Err(e)
            }
        })
    } else {
        std::fs::rename(new, out).map(|()| false)
    };
    drop(held);
    if result.is_err() && new.exists() {
        let _ = std::fs::remove_dir_all(new);
    }
    match result? {
        true => remove_tree(&old),
        false => Ok(()),
    }
}

/// Removes a folder tree, deleting its files in parallel (a large site has
/// thousands).
fn remove_tree(dir: &Path) -> io::Result<()> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|f| {
        let _ = std::fs::remove_file(f);
    });
    std::fs::remove_dir_all(dir)
}

/// Writes `bytes` to a new file at `path`; its size and times as written,
/// read from the open file (no second lookup of the path).
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<std::fs::Metadata> {
    use std::io::Write;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.metadata()
}
