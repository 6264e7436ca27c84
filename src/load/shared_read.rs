//! Copied files (images, PDFs, recordings) read once per version of the
//! file. `serve` keeps the last build's copy of every file it serves; a
//! rebuild that read each unchanged file again held two copies of it until
//! the new site replaced the old (a 300 MB recording took 600 MB at every
//! save of `site.yaml`). A read here shares the copy still held, when the
//! file's length, modification time and identity are as they were.
//! Nothing is kept that no one holds: the record is a weak reference.

use crate::render::Bytes;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::SystemTime;

/// What tells that a file is the one read before.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Version {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode where the system has them: a file saved by
    /// replacing it is another file, even with the same length and time.
    id: (u64, u64),
}

impl Version {
    fn of(meta: &std::fs::Metadata) -> Version {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        Version {
            len: meta.len(),
            modified: meta.modified().ok(),
            id,
        }
    }
}

/// Each file read, by path: its version and the copy read, if still held.
type Read = HashMap<PathBuf, (Version, Weak<Vec<u8>>)>;

static READ: Mutex<Option<Read>> = Mutex::new(None);

/// The bytes of `root/rel` (a regular file inside the site's folder, as
/// [`super::read_bytes`] reads it), shared with any copy of the same
/// version of the file still held.
pub fn read_shared(root: &Path, rel: &Path) -> io::Result<Bytes> {
    let (file, len) = super::open_file(root, rel)?;
    let version = Version::of(&file.metadata()?);
    let key = root.join(rel);
    let held = |map: &Read| {
        map.get(&key)
            .filter(|(v, _)| *v == version)
            .and_then(|(_, w)| w.upgrade())
    };
    if let Some(bytes) = READ.lock().ok().and_then(|m| m.as_ref().and_then(held)) {
        return Ok(bytes);
    }
    let bytes = Arc::new(super::safe_read::read_all(file, len)?);
    if let Ok(mut map) = READ.lock() {
        let map = map.get_or_insert_with(HashMap::new);
        // Records of copies no one holds go, so the map stays as large as
        // the site's files.
        if map.len() >= 64 && map.len().is_power_of_two() {
            map.retain(|_, (_, w)| w.strong_count() > 0);
        }
        map.insert(key, (version, Arc::downgrade(&bytes)));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_file_still_held_is_shared_and_a_changed_one_read_again() {
        let dir = std::env::temp_dir().join(format!("alsite-shared-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let root = std::fs::canonicalize(&dir).unwrap();
        std::fs::write(root.join("film.bin"), vec![1u8; 1000]).unwrap();
        let first = read_shared(&root, Path::new("film.bin")).unwrap();
        let again = read_shared(&root, Path::new("film.bin")).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "one copy for one version");
        // Saved again (a new file in its place, as editors save).
        std::fs::write(root.join("new.bin"), vec![2u8; 1000]).unwrap();
        std::fs::rename(root.join("new.bin"), root.join("film.bin")).unwrap();
        let changed = read_shared(&root, Path::new("film.bin")).unwrap();
        assert!(!Arc::ptr_eq(&first, &changed));
        assert_eq!(changed[0], 2);
        // No one holds the old copies: the next read reads the file.
        drop((first, again));
        let weak = Arc::downgrade(&changed);
        drop(changed);
        assert!(weak.upgrade().is_none());
        assert_eq!(read_shared(&root, Path::new("film.bin")).unwrap()[0], 2);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
