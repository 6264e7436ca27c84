//! Helpers shared by the integration tests (each test crate uses some).
#![allow(dead_code)]

#[cfg(unix)]
pub mod hostile;
pub mod serve;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs the real `alsite` binary with `args` in `cwd`.
pub fn alsite(args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_alsite"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("alsite runs")
}

/// Program output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the whole test site `tests/sites/<name>`.
pub fn test_site(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites")
            .join(name),
        &dir.0,
    );
    dir
}

/// Builds `site` into its `public/` folder; the run's output and that folder.
pub fn build_site(site: &TempDir) -> (std::process::Output, PathBuf) {
    let out = site.path("public");
    let o = alsite(&["build", "--out", out.to_str().unwrap()], &site.0);
    (o, out)
}

/// A scratch folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "alsite-test-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

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

/// The entries of the zip at `zip`, in order, each with its text.
pub fn zip_entries(zip: &Path) -> Vec<(String, String)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(fs::File::open(zip).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            let name = f.name().to_string();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// A listing of every file under `dir` with its contents, to compare before and after.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// A copy of the fixture site every error fixture starts from
/// (tests/fixtures/base), in a folder of its own.
pub fn base_site(name: &str) -> TempDir {
    let site = TempDir::new(name);
    copy_base(&site.0);
    site
}

/// Builds the site at `root` into `out` through the library, as `alsite
/// build` does; a failed build fails the test with its diagnostics.
pub fn build_into(root: &Path, out: &Path) -> alsite::build::Report {
    alsite::build::build(root, out, false).unwrap_or_else(|e| panic!("build failed: {:?}", e.0))
}
