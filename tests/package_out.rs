//! `alsite package --out` given a path an administrator may plausibly type
//! but that cannot become a package a platform takes, or would not last:
//! each is refused in plain words with exit code 1, nothing is written, and
//! an earlier package is left as it was.

mod common;

use common::{alsite, copy_base, text, TempDir};
use std::fs;
use std::path::PathBuf;

/// Every file under `dir`, for "nothing was written".
fn files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// `package --out OUT` in `site`: its exit code and the error lines.
fn package_to(site: &TempDir, out: &str) -> (Option<i32>, String) {
    let run = alsite(&["package", "--scorm", "1.2", "--out", out], &site.0);
    let err = text(&run.stderr);
    assert!(!err.contains("panicked"), "{out}: {err}");
    (run.status.code(), err)
}

#[test]
fn odd_out_paths_are_refused_with_what_to_give_instead() {
    let site = TempDir::new("package-out");
    copy_base(&site.0);
    fs::write(site.path("notes.txt"), "mine").unwrap();
    fs::create_dir(site.path("kept")).unwrap();
    let earlier = [b"PK\x05\x06".as_slice(), &[0; 18]].concat();
    fs::write(site.path("course.zip"), &earlier).unwrap();
    let cases = [
        (
            "course",
            "course: error: a package's file name ends in .zip",
            "give a name such as course.zip",
        ),
        (
            "course.tar",
            "course.tar: error: a package's file name ends in .zip",
            "give a name such as course.zip",
        ),
        (
            "course.tar.gz",
            "course.tar.gz: error: a package's file name ends in .zip",
            "give a name such as course.zip",
        ),
        (
            ".zip",
            ".zip: error: a package needs a name before .zip",
            "give a name such as course.zip",
        ),
        (
            "course.zip/",
            "course.zip/: error: a name that ends in / is a folder's, not a package's",
            "give a file name, such as course.zip",
        ),
        (
            "packages/",
            "packages/: error: a name that ends in / is a folder's, not a package's",
            "give a file name, such as packages.zip",
        ),
        (
            "kept",
            "kept: error: cannot write the package: that is a folder",
            "give a file name, such as kept/course.zip",
        ),
        (
            "packages/course.zip",
            "packages/course.zip: error: the folder packages does not exist",
            "create the folder first",
        ),
        (
            "notes.txt/course.zip",
            "notes.txt/course.zip: error: the folder notes.txt is a file, not a folder",
            "create the folder first",
        ),
    ];
    let before = files(&site.0);
    for (out, message, hint) in cases {
        let (code, err) = package_to(&site, out);
        assert_eq!(code, Some(1), "{out}: {err}");
        assert!(err.lines().any(|l| l == message), "{out}: {err}");
        assert!(err.contains(hint), "{out}: {err}");
        assert!(!err.contains("os error"), "{out}: {err}");
        assert!(err.contains("no package was written: 1 error"), "{err}");
    }
    assert_eq!(files(&site.0), before, "nothing was written");
    assert_eq!(fs::read(site.path("course.zip")).unwrap(), earlier);
    // In capitals the name is a zip's all the same.
    let (code, err) = package_to(&site, "COURSE.ZIP");
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_package_is_not_written_where_the_next_build_would_delete_it() {
    let site = TempDir::new("package-out-built");
    copy_base(&site.0);
    let built = alsite(&["build"], &site.0);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let before = files(&site.path("public"));
    let (code, err) = package_to(&site, "public/course.zip");
    assert_eq!(code, Some(1), "{err}");
    let message = "public/course.zip: error: the package would be written inside public/, \
                   a folder alsite builds, and the next build would delete it";
    assert!(err.lines().any(|l| l == message), "{err}");
    assert!(err.contains("write the package beside it"), "{err}");
    assert_eq!(
        files(&site.path("public")),
        before,
        "the output is untouched"
    );
    // A link in the current folder to a package kept in the output is
    // replaced by the new package, not followed: nothing lands in public/.
    #[cfg(unix)]
    {
        let (code, err) = package_to(&site, "made.zip");
        assert_eq!(code, Some(0), "{err}");
        fs::rename(site.path("made.zip"), site.path("public/old.zip")).unwrap();
        let before = files(&site.path("public"));
        std::os::unix::fs::symlink("public/old.zip", site.path("link.zip")).unwrap();
        let (code, err) = package_to(&site, "link.zip");
        assert_eq!(code, Some(0), "{err}");
        assert!(!site.path("link.zip").is_symlink());
        assert_eq!(files(&site.path("public")), before, "{err}");
    }
    // A folder alsite did not build takes a package as before.
    fs::create_dir(site.path("packages")).unwrap();
    let (code, err) = package_to(&site, "packages/course.zip");
    assert_eq!(code, Some(0), "{err}");
}

/// A server that tells a changed file by its date and size must not take a
/// course uploaded again for the old one: every file is dated when the
/// package is made, or by SOURCE_DATE_EPOCH for a package the same byte
/// for byte.
#[test]
fn files_in_the_zip_are_dated_when_the_package_is_made() {
    let site = TempDir::new("dated");
    copy_base(&site.0);
    let package = |zip: &str, epoch: Option<&str>| {
        let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_alsite"));
        run.args(["package", "--scorm", "2004", "--out", zip])
            .current_dir(&site.0);
        if let Some(epoch) = epoch {
            run.env("SOURCE_DATE_EPOCH", epoch);
        }
        let out = run.output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let mut archive =
            zip::ZipArchive::new(std::fs::File::open(site.path(zip)).unwrap()).unwrap();
        (0..archive.len())
            .map(|i| {
                let t = archive.by_index(i).unwrap().last_modified().unwrap();
                (t.year(), t.month(), t.day())
            })
            .collect::<std::collections::BTreeSet<_>>()
    };
    let now = package("now.zip", None);
    assert_eq!(now.len(), 1, "{now:?}");
    assert!(now.iter().all(|&(year, ..)| year >= 2025), "{now:?}");
    let fixed = package("fixed.zip", Some("1764000000"));
    assert_eq!(fixed.into_iter().collect::<Vec<_>>(), [(2025, 11, 24)]);
    let again = package("again.zip", Some("1764000000"));
    assert_eq!(again.len(), 1);
    assert_eq!(
        std::fs::read(site.path("fixed.zip")).unwrap(),
        std::fs::read(site.path("again.zip")).unwrap(),
        "the same site and date: the same package"
    );
}
