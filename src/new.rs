//! `alsite new DIR`: writes the bundled sample site, so a trainer starts from
//! something that builds at once.

use crate::diagnostic::Diagnostic;
use crate::embedded;
use std::path::Path;

/// Writes the sample site into `dir`, which must be missing or empty.
/// Returns the number of files written.
pub fn new_site(dir: &Path) -> Result<usize, Diagnostic> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Diagnostic::error(dir, "folder exists and is not empty")
                .hint("give a new folder name; alsite never overwrites files"));
        }
    }
    for (path, bytes) in embedded::SAMPLE {
        let target = dir.join(path);
        let write = || -> std::io::Result<()> {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&target, bytes)
        };
        write().map_err(|e| Diagnostic::error(&target, format!("cannot write: {e}")))?;
    }
    Ok(embedded::SAMPLE.len())
}
