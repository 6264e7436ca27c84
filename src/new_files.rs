//! Writing files that are not there yet, all or none: `alsite new` and
//! `alsite strings` write several, and a disk that fills up (or a folder
//! that cannot be made) part way must not leave half a site or a cut-off
//! strings file behind, which the next build would read as the trainer's.

use crate::diagnostic::Diagnostic;
use std::io;
use std::path::{Path, PathBuf};

/// Writes each `(path, bytes)`, making the folders they need; none of the
/// paths may exist. When one cannot be written, what was written and the
/// folders made are removed again, and the error names the file. When even
/// that fails, the error says what is left.
pub fn write_all_or_none(files: &[(PathBuf, &[u8])]) -> Result<(), Diagnostic> {
    let mut made = Made::default();
    let Err((path, e)) = made.write(files) else {
        return Ok(());
    };
    let error = Diagnostic::error(
        &path,
        format!("cannot write: {}", crate::diagnostic::io_words(&e)),
    );
    match made.undo() {
        Ok(()) => Err(error),
        Err(left) => Err(error.hint(format!(
            "alsite could not remove what it had written: {} is left; delete it before trying again",
            left.display()
        ))),
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
            // A file cut short (a full disk) is removed too.
            self.files.push(path.clone());
            std::fs::write(path, bytes).map_err(|e| (path.clone(), e))?;
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

    /// Removes the files, then the folders, innermost first; the first
    /// thing that could not be removed.
    fn undo(self) -> Result<(), PathBuf> {
        // Gone, or never made (the write that failed may not have begun).
        let gone = |r: io::Result<()>, f: &Path| r.is_ok() || std::fs::symlink_metadata(f).is_err();
        for f in self.files.iter().rev() {
            if !gone(std::fs::remove_file(f), f) {
                return Err(f.clone());
            }
        }
        for f in self.folders.iter().rev() {
            if !gone(std::fs::remove_dir(f), f) {
                return Err(f.clone());
            }
        }
        Ok(())
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
        let e = write_all_or_none(&files).unwrap_err();
        assert!(e.to_string().contains("blocked"), "{e}");
        assert!(!site.exists(), "the folders it made are gone");
        assert!(!dir.join("there/two.md").exists());
        assert!(dir.join("there/kept.txt").exists(), "what was there stays");
        // And when nothing stands in the way, everything is written.
        write_all_or_none(&files[..2]).unwrap();
        assert_eq!(std::fs::read(site.join("a/b/one.md")).unwrap(), b"one");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
