//! Writing the package zip: `imsmanifest.xml` and every file at the root of
//! the archive, deflated, written beside the target and renamed into place.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Writes `files` (path in the zip, bytes) to `out`; returns the zip's size.
pub fn write(out: &Path, files: &[(String, Vec<u8>)]) -> io::Result<u64> {
    if out.is_dir() {
        return Err(io::Error::other(
            "that is a folder; give a file name such as course.zip",
        ));
    }
    let tmp = temp_path(out);
    let result = write_to(&tmp, files).and_then(|size| {
        std::fs::rename(&tmp, out)?;
        Ok(size)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    out.with_file_name(format!(".{name}.alsite-new-{}", std::process::id()))
}

fn write_to(path: &Path, files: &[(String, Vec<u8>)]) -> io::Result<u64> {
    let mut zip = ZipWriter::new(File::create(path)?);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    // The manifest first: some LMSs look for it at the start of the archive.
    let mut order: Vec<&(String, Vec<u8>)> = files.iter().collect();
    order.sort_by_key(|(p, _)| (p != "imsmanifest.xml", p.clone()));
    for (name, bytes) in order {
        let options = if already_compressed(name) {
            stored
        } else {
            deflated
        };
        zip.start_file(
            name.as_str(),
            options.large_file(bytes.len() as u64 >= u32::MAX as u64),
        )
        .map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    let file = zip.finish().map_err(io::Error::other)?;
    file.sync_all()?;
    file.metadata().map(|m| m.len())
}

/// Images and archives gain nothing from deflate.
fn already_compressed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".pdf", ".mp4", ".mp3", ".woff2",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext))
}
