//! Helpers shared by the integration tests (each test crate uses some).
#![allow(dead_code)]

use std::fs;
use std::path::Path;

/// Copies the folder `from` into `to`, creating it.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Copies the base fixture site into `to`.
pub fn copy_base(to: &Path) {
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base"),
        to,
    );
}
