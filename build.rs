//! Embeds the default theme and the sample sites in the binary: one table of
//! `(path, bytes)` per tree, so `alsite` needs no files beside it. The English
//! sample is the repository's own `content/` and `site.yaml`; each other
//! language's sample lives in `samples/<lang>/`, and `samples/translations/<lang>/`
//! holds translations of another language's sample files.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::new();
    table(
        &mut code,
        "THEME",
        &root,
        &[&root.join("themes/default")],
        &root.join("themes/default"),
    );
    table(
        &mut code,
        "SAMPLE",
        &root,
        &[&root.join("content"), &root.join("site.yaml")],
        &root,
    );
    let pl = root.join("samples/pl");
    table(
        &mut code,
        "SAMPLE_PL",
        &root,
        &[&pl.join("content"), &pl.join("site.yaml")],
        &pl,
    );
    // Translations of another language's sample files, written only when
    // that language is a translation (`new --language pl,en`), and as the
    // original of a file only the other sample has.
    for (lang, name) in [("en", "TRANSLATIONS_EN"), ("pl", "TRANSLATIONS_PL")] {
        let dir = root.join("samples/translations").join(lang);
        table(
            &mut code,
            name,
            &root,
            &[&dir.join("content"), &dir.join("site.yaml")],
            &dir,
        );
    }
    fs::write(out.join("embedded.rs"), code).expect("OUT_DIR is writable");
    for p in ["themes/default", "content", "site.yaml", "samples"] {
        println!("cargo:rerun-if-changed={p}");
    }
}

fn table(code: &mut String, name: &str, root: &Path, tops: &[&Path], base: &Path) {
    let mut files = Vec::new();
    for top in tops {
        collect(top, &mut files);
    }
    files.sort();
    writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for f in files {
        let rel = f
            .strip_prefix(base)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let abs = root.join(&f);
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.to_string_lossy()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, files);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
