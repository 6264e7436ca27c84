//! Scoped rebuilds on the sample sites, in one language and in two: after an
//! edit of any content file, what `serve` holds is what a full build makes,
//! byte for byte.

mod common;

use alsite::build::{Incremental, Rebuilt};
use common::{alsite, TempDir};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every file of a build, by path.
type Snapshot = BTreeMap<String, Vec<u8>>;

fn apply(snapshot: &mut Snapshot, rebuilt: Rebuilt) {
    for o in rebuilt.changed {
        snapshot.insert(o.path, o.bytes.to_vec());
    }
}

fn full_build(dir: &Path) -> Snapshot {
    let mut snapshot = Snapshot::new();
    apply(
        &mut snapshot,
        Incremental::new(dir).full().expect("full build"),
    );
    snapshot
}

/// A new title, as the file writes it (quoted or not).
fn retitle(text: &str) -> String {
    let at = text.find("title: ").expect("a title") + "title: ".len();
    let quoted = text[at..].starts_with('"');
    let (at, word) = if quoted {
        (at + 1, "Nowe – ")
    } else {
        (at, "Nowe – ")
    };
    format!("{}{word}{}", &text[..at], &text[at..])
}

fn content_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        // Copied files (images) rebuild everything.
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "yaml")
        })
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

#[test]
fn after_an_edit_of_any_file_a_two_language_site_is_what_a_full_build_makes() {
    let tmp = TempDir::new("scoped-languages");
    let dir = sample(&tmp, "pl,en");
    // An original without a translation: its English page says so.
    fs::remove_file(dir.join("content/sessions/decyzje-kierownikow.en.yaml")).unwrap();
    edit_every_file(&dir, true);
}

#[test]
fn after_an_edit_of_any_file_a_one_language_site_is_what_a_full_build_makes() {
    let tmp = TempDir::new("scoped-one-language");
    let dir = sample(&tmp, "en");
    // Without `nav:`, the navigation is made of the method pages' titles.
    let config = fs::read_to_string(dir.join("site.yaml")).unwrap();
    let mut in_nav = false;
    let kept: Vec<&str> = config
        .lines()
        .filter(|line| {
            if !line.starts_with(' ') {
                in_nav = line.starts_with("nav:");
            }
            !in_nav
        })
        .collect();
    assert!(kept.len() < config.lines().count(), "the sample has a nav");
    fs::write(dir.join("site.yaml"), kept.join("\n") + "\n").unwrap();
    edit_every_file(&dir, false);
}

/// A sample site in `languages`, written by `alsite new`.
fn sample(tmp: &TempDir, languages: &str) -> PathBuf {
    let made = alsite(&["new", "site", "--language", languages], &tmp.0);
    assert!(made.status.success(), "{made:?}");
    tmp.0.join("site")
}

/// Edits each content file in turn, its text then its title.
fn edit_every_file(dir: &Path, several_languages: bool) {
    let mut builder = Incremental::new(dir);
    let mut served = Snapshot::new();
    apply(&mut served, builder.full().expect("first build"));
    for rel in content_files(dir) {
        let name = rel.to_string_lossy().into_owned();
        let path = dir.join(&rel);
        let text = fs::read_to_string(&path).unwrap();
        let more = if name.ends_with(".md") {
            "\nDopisane zdanie.\n"
        } else {
            "\n# dopisek\n"
        };
        // Its text: a scoped rebuild, but for what every language reads.
        let every_language = several_languages && name.contains("/question-");
        let rebuilt = edit(
            &mut builder,
            dir,
            &rel,
            &format!("{text}{more}"),
            &mut served,
        );
        assert_eq!(
            rebuilt, every_language,
            "{name}: a full rebuild or a scoped one"
        );
        // Its title (which a navigation may show on every page).
        if text.contains("title: ") {
            edit(&mut builder, dir, &rel, &retitle(&text), &mut served);
        }
    }
}

/// Writes `text` to `rel`, rebuilds as `serve` does and checks that what it
/// serves is what a full build makes; returns whether the rebuild was full.
fn edit(
    builder: &mut Incremental,
    dir: &Path,
    rel: &Path,
    text: &str,
    served: &mut Snapshot,
) -> bool {
    fs::write(dir.join(rel), text).unwrap();
    let rebuilt = builder
        .content_changed(&[rel.to_path_buf()])
        .unwrap_or_else(|e| panic!("{}: {e:?}", rel.display()));
    let full = rebuilt.full;
    apply(served, rebuilt);
    if let Some(index) = builder.search_index() {
        apply(served, index);
    }
    let expected = full_build(dir);
    let paths = |s: &Snapshot| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        paths(served),
        paths(&expected),
        "{}: the files served",
        rel.display()
    );
    for (file, bytes) in &expected {
        assert!(
            served[file] == *bytes,
            "after an edit of {}, {file} is not what a full build makes",
            rel.display()
        );
    }
    full
}
