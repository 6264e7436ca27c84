//! Writing files that are not there yet, all or none: `alsite new` and
//! `alsite strings` write several, and a disk that fills up (or a folder
//! that cannot be made) part way must not leave half a site or a cut-off
//! strings file behind, which the next build would read as the trainer's.

use crate::diagnostic::{write_hint, Diagnostic};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes each `(path, bytes)`, making the folders they need; none of the
/// paths may exist. When one cannot be written, what was written and the
/// folders made are removed again, and the error names the file, with what
/// to do about it (as [`write_hint`] words it for `folder`, written to
/// another disk as `elsewhere` says, if it can be). When even that fails,
/// the error says what is left.
pub fn write_all_or_none(
    files: &[(PathBuf, &[u8])],
    folder: &str,
    elsewhere: Option<&str>,
) -> Result<(), Diagnostic> {
    let mut made = Made::default();
    let Err((path, e)) = made.write(files) else {
        return Ok(());
    };
    let error = Diagnostic::error(
        &path,
        format!("cannot write: {}", crate::diagnostic::io_words(&e)),
    );
    let what_to_do = write_hint(&e, folder, elsewhere);
    match made.undo() {
        Ok(()) => Err(error.hint(what_to_do)),
        Err((left, more)) => {
            let left = match more {
                0 => format!("{} is left; delete it", left.display()),
                1 => format!("{} and 1 more are left; delete them", left.display()),
                n => format!("{} and {n} more are left; delete them", left.display()),
            };
            Err(error.hint(format!(
                "alsite could not remove what it had written: {left} before trying again; {what_to_do}"
            )))
        }
    }
}

/// What a write made so far, in order: folders, then files.
#[derive(Default)]
struct Made {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Made {
    fn write(&mut self, files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, io::Error)> {
        for (path, bytes) in files {
            if let Some(parent) = path.parent() {
                self.folders_for(parent)?;
            }
            // Never through a link or over a file that appeared meanwhile:
            // only what this made is ever taken back.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| (path.clone(), e))?;
            // A file cut short (a full disk) is removed too.
            self.files.push(path.clone());
            file.write_all(bytes).map_err(|e| (path.clone(), e))?;
        }
        Ok(())
    }

    /// Makes `folder` and the folders above it that are missing, outermost
    /// first, noting each.
    fn folders_for(&mut self, folder: &Path) -> Result<(), (PathBuf, io::Error)> {
        let missing: Vec<&Path> = folder
            .ancestors()
            .take_while(|f| !f.as_os_str().is_empty() && !f.exists())
            .collect();
        for f in missing.into_iter().rev() {
            std::fs::create_dir(f).map_err(|e| (f.to_path_buf(), e))?;
            self.folders.push(f.to_path_buf());
        }
        Ok(())
    }

    /// Removes the files, then the folders, innermost first, going on past
    /// any that cannot be removed; the first of those, and how many more.
    fn undo(self) -> Result<(), (PathBuf, usize)> {
        // Gone, or never made (the write that failed may not have begun).
        let gone = |r: io::Result<()>, f: &Path| r.is_ok() || std::fs::symlink_metadata(f).is_err();
        let files = self
            .files
            .iter()
            .rev()
            .filter(|f| !gone(std::fs::remove_file(f), f));
        let left: Vec<&PathBuf> = files.collect();
        let folders = self
            .folders
            .iter()
            .rev()
            .filter(|f| !gone(std::fs::remove_dir(f), f));
        let left: Vec<&PathBuf> = left.into_iter().chain(folders).collect();
        match left.split_first() {
            None => Ok(()),
            Some((first, more)) => Err(((*first).clone(), more.len())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_written_takes_back_the_files_and_folders_before_it() {
        let dir = std::env::temp_dir().join(format!("alsite-new-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("there")).unwrap();
        std::fs::write(dir.join("there/kept.txt"), "the trainer's").unwrap();
        // The last file's folder is a file: it cannot be made.
        std::fs::write(dir.join("blocked"), "").unwrap();
        let site = dir.join("site");
        let files: Vec<(PathBuf, &[u8])> = vec![
            (site.join("a/b/one.md"), b"one"),
            (dir.join("there/two.md"), b"two"),
            (dir.join("blocked/three.md"), b"three"),
        ];
        let e = write_all_or_none(&files, "the site", None).unwrap_err();
        assert!(e.to_string().contains("blocked"), "{e}");
        assert!(!site.exists(), "the folders it made are gone");
        assert!(!dir.join("there/two.md").exists());
        assert!(dir.join("there/kept.txt").exists(), "what was there stays");
        // A link where a file goes (to a file that is not there) is not
        // written through, and stays as it was; so does what came before it.
        #[cfg(unix)]
        {
            let link = dir.join("there/link.md");
            std::os::unix::fs::symlink(dir.join("elsewhere.md"), &link).unwrap();
            let files: Vec<(PathBuf, &[u8])> =
                vec![(site.join("one.md"), b"one"), (link.clone(), b"two")];
            assert!(write_all_or_none(&files, "the site", None).is_err());
            assert!(std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert!(!dir.join("elsewhere.md").exists() && !site.exists());
            std::fs::remove_file(&link).unwrap();
        }
        // And when nothing stands in the way, everything is written.
        write_all_or_none(&files[..2], "the site", None).unwrap();
        assert_eq!(std::fs::read(site.join("a/b/one.md")).unwrap(), b"one");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
