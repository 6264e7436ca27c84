//! Errors writing the output. A full disk fails every page after the first
//! it could not take: one error for each would be thousands of the same
//! lines, so files that failed because the disk took no more are told as
//! one. Other causes (a name the disk does not allow, a folder that cannot
//! be written) keep an error for each file: its name is what to fix.

use crate::diagnostic::{io_words, write_hint, Diagnostic, Diagnostics, DISK_FULL};
use std::path::Path;

const CANNOT_WRITE: &str = "cannot write ";

/// The error of one output file, `path` from the output's root.
pub fn file(out: &Path, path: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(out, format!("{CANNOT_WRITE}{path}: {}", io_words(e))).hint(write_hint(
        e,
        "the output folder",
        Some("`--out`"),
    ))
}

/// The words of the errors that say the disk took no more (see
/// [`DISK_FULL`]): the same for every file written after.
fn whole_disk() -> [String; 3] {
    DISK_FULL.map(|kind| io_words(&std::io::Error::from(kind)))
}

/// `errors` with the files of `out` that failed because the disk took no
/// more as one error (the first, and how many more) for each such cause.
pub fn merged(errors: Diagnostics, out: &Path) -> Diagnostics {
    let whole = whole_disk();
    let reason = |d: &Diagnostic| -> Option<String> {
        let rest = d.message.strip_prefix(CANNOT_WRITE)?;
        let (_, why) = rest.rsplit_once(": ")?;
        (d.file == out && whole.iter().any(|w| w == why)).then(|| why.to_string())
    };
    let mut kept: Vec<(Diagnostic, usize)> = Vec::new();
    for d in errors.0 {
        let same = reason(&d).and_then(|r| {
            kept.iter()
                .position(|(k, _)| reason(k).as_deref() == Some(r.as_str()))
        });
        match same {
            Some(at) => kept[at].1 += 1,
            None => kept.push((d, 0)),
        }
    }
    let one = |(mut d, more): (Diagnostic, usize)| {
        let parts = d
            .message
            .strip_prefix(CANNOT_WRITE)
            .and_then(|m| m.rsplit_once(": "));
        if let (true, Some((path, why))) = (more > 0, parts) {
            let others = if more == 1 { "file" } else { "files" };
            d.message = format!("{CANNOT_WRITE}{path} and {more} other {others}: {why}");
        }
        d
    };
    Diagnostics(kept.into_iter().map(one).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_failed_for_want_of_room_are_one_error() {
        let out = Path::new("public");
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut errors = Diagnostics::default();
        errors.push(Diagnostic::error("content/a.md", "a content error"));
        for path in ["a.html", "b.html", "c.html"] {
            errors.push(file(out, path, &full));
        }
        errors.push(file(out, "locked/d.html", &denied));
        errors.push(file(out, "locked/e.html", &denied));
        let merged = merged(errors, out);
        let messages: Vec<&str> = merged.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a content error",
                "cannot write a.html and 2 other files: the disk is full",
                // Each its own: which files, and where, is what to fix.
                "cannot write locked/d.html: permission denied",
                "cannot write locked/e.html: permission denied",
            ]
        );
        let hint = merged.0[1].hint.as_deref().unwrap();
        assert!(hint.starts_with("make room on the disk"), "{hint}");
    }
}
