//! What the last build wrote, kept at the output's root as `.alsite-manifest`:
//! for every file, a fingerprint of its bytes, its size and modification time
//! when written (so a file changed by hand is noticed), the key of what it
//! was rendered from, and a page's links and ids (so a page that is not
//! rendered again still takes part in the link check). Deleting it only
//! makes the next build rewrite everything. [`base_key`] is what every
//! page's key starts from.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

pub const MANIFEST: &str = ".alsite-manifest";

/// Bump when the layout changes: an older manifest is then ignored.
const VERSION: u32 = 1;

/// One output file as the last build left it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Entry {
    #[serde(flatten)]
    pub stamp: Stamp,
    /// Links and ids, NUL-separated (see `check::Names`).
    pub links: String,
    pub ids: String,
}

/// What tells whether a file is as it was written, and what it was made from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Fingerprint of the bytes.
    pub hash: u64,
    pub len: u64,
    /// Modification time in nanoseconds since 1970, as written.
    pub mtime: u64,
    /// Fingerprint of the inputs it was rendered from; 0 for copied files.
    pub key: u64,
}

/// One file of this build, as the manifest records it (borrowed, so a large
/// site's links are not copied to be written).
#[derive(Serialize)]
pub struct Record<'a> {
    #[serde(skip)]
    pub path: &'a str,
    #[serde(flatten)]
    pub stamp: Stamp,
    pub links: &'a str,
    pub ids: &'a str,
}

#[derive(Serialize, Deserialize)]
struct File<T> {
    version: u32,
    /// Fingerprint of every file's path and every page's ids: while it is
    /// unchanged, a link that resolved last time still does.
    targets: u64,
    files: T,
}

/// The last build's record.
#[derive(Debug, Default)]
pub struct Manifest {
    pub targets: u64,
    pub files: HashMap<String, Entry>,
}

/// The manifest whose file (in an output folder) holds `raw`; `None` when
/// it is unreadable or from another version.
pub fn from_bytes(raw: &[u8]) -> Option<Manifest> {
    match serde_json::from_slice::<File<HashMap<String, Entry>>>(raw) {
        Ok(f) if f.version == VERSION => Some(Manifest {
            targets: f.targets,
            files: f.files,
        }),
        _ => None,
    }
}

/// Writes the manifest of `records` (in build order) into `dir`, through a
/// temporary file, so a reader never sees half of one.
pub fn write(dir: &Path, targets: u64, records: &[Record]) -> std::io::Result<()> {
    struct Files<'a>(&'a [Record<'a>]);
    impl Serialize for Files<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|r| (r.path, r)))
        }
    }
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    let written = (|| {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        let manifest = File {
            version: VERSION,
            targets,
            files: Files(records),
        };
        serde_json::to_writer(&mut file, &manifest).map_err(std::io::Error::other)?;
        std::io::Write::flush(&mut file)?;
        drop(file);
        std::fs::rename(&tmp, dir.join(MANIFEST))
    })();
    if written.is_err() {
        // Nothing of a failed write stays behind.
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The targets fingerprint of a build's files (see `File::targets`).
pub fn targets<'a>(pages: impl Iterator<Item = (&'a str, &'a str)>) -> u64 {
    let mut h = crate::digest::Hasher::new();
    for (path, ids) in pages {
        h.update(path.as_bytes());
        h.update(b"\n");
        h.update(ids.as_bytes());
        h.update(b"\n");
    }
    h.digest()
}

/// A file's size and modification time, as the manifest records them.
pub fn stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    (meta.len(), mtime)
}
/// A fingerprint of what every page reads from outside `content/`: this
/// program (its version, and the executable itself, so a rebuilt alsite
/// renders everything again) and the site's own themes and translations.
/// 0, so that every page is rendered, when the program cannot be found.
pub fn base_key(root: &Path) -> u64 {
    let Some(program) = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|m| stamp(&m))
    else {
        return 0;
    };
    let mut h = crate::digest::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&program.0.to_le_bytes());
    h.update(&program.1.to_le_bytes());
    for dir in ["themes", "i18n"] {
        for entry in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            h.update(entry.path().as_os_str().as_encoded_bytes());
            h.update(
                &crate::digest::of(&std::fs::read(entry.path()).unwrap_or_default()).to_le_bytes(),
            );
        }
    }
    h.digest().max(1)
}
