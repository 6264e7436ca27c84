//! Property test: every content file kind, mutated at random (bytes cut,
//! inserted, lines swapped, numbers blown up, values emptied), must give a
//! clean build or errors that each name a line, never a panic, and a failed
//! build must leave the previous output exactly as it was.
//!
//! `tests/run` runs a fixed number of cases; a longer run:
//! `PROPTEST_CASES=5000 cargo test --release --test mutations`.

mod common;

use common::{copy_base, TempDir};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// Every kind of file a trainer writes, in the base fixture.
const FILES: [&str; 9] = [
    "site.yaml",
    "content/index.md",
    "content/pages/about.md",
    "content/method/ground-rules.yaml",
    "content/method/components.yaml",
    "content/practice/open-questions.yaml",
    "content/practice/question-types.yaml",
    "content/sessions/rota-tool.yaml",
    "content/workshops/foundations/workshop.yaml",
];

/// Fragments that trip parsers: YAML syntax, invisible characters, big numbers.
const PIECES: [&str; 18] = [
    ":",
    "- ",
    "  ",
    "\t",
    "\n",
    "[",
    "{",
    "}",
    "\"",
    "'",
    "#",
    "\n---\n",
    "\u{feff}",
    "\0",
    "é",
    "4294967296",
    "{% if",
    "](../x.html)",
];

#[derive(Debug, Clone)]
enum Mutation {
    Cut { at: usize, len: usize },
    Insert { at: usize, piece: usize },
    SwapLines { a: usize, b: usize },
    DuplicateLine { line: usize },
    BigNumbers,
    EmptyValue { line: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        Just(Mutation::BigNumbers),
        any::<usize>().prop_map(|line| Mutation::EmptyValue { line }),
    ]
}

/// The nearest char boundary at or before `at` (modulo the length).
fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match *m {
        Mutation::Cut { at, len } => {
            let start = boundary(text, at);
            let end = boundary(text, start + len.min(text.len() - start));
            text.replace_range(start..end.max(start), "");
            return;
        }
        Mutation::Insert { at, piece } => {
            let at = boundary(text, at);
            text.insert_str(at, PIECES[piece]);
            return;
        }
        Mutation::SwapLines { a, b } if !lines.is_empty() => lines.swap(a % n, b % n),
        Mutation::DuplicateLine { line } if !lines.is_empty() => {
            let l = lines[line % n].clone();
            lines.insert(line % n, l);
        }
        Mutation::BigNumbers => {
            for l in &mut lines {
                if l.contains("minutes: ") {
                    *l = format!("{}minutes: 4294967295", &l[..l.find("minutes").unwrap()]);
                }
            }
        }
        Mutation::EmptyValue { line } if !lines.is_empty() => {
            let l = &mut lines[line % n];
            if let Some(i) = l.find(": ") {
                l.truncate(i + 1);
            }
        }
        _ => {}
    }
    *text = lines.join("\n") + "\n";
}

/// Every file of a folder with its bytes, sorted by path.
type Snapshot = Vec<(PathBuf, Vec<u8>)>;

/// Every file of the output with its bytes; alsite's manifest is left out,
/// since the good builds between cases rewrite it with new file times.
fn snapshot(dir: &Path) -> Snapshot {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != alsite::build::MANIFEST)
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// One site with a good build in `public/`, reused by every case.
fn prepared() -> &'static (TempDir, Snapshot) {
    static SITE: std::sync::OnceLock<(TempDir, Snapshot)> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let dir = TempDir::new("mutations");
        copy_base(&dir.0);
        alsite::build::build(&dir.0, &dir.0.join("public"), false).expect("the base builds");
        let before = snapshot(&dir.0.join("public"));
        (dir, before)
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_content_never_panics_and_errors_are_placed(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (site, before) = prepared();
        let path = site.0.join(FILES[file]);
        let original = fs::read_to_string(&path).unwrap();
        let mut text = original.clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        fs::write(&path, &text).unwrap();
        let out = site.0.join("public");
        let result = std::panic::catch_unwind(|| alsite::build::build(&site.0, &out, false));
        fs::write(&path, &original).unwrap();
        let result = result.map_err(|_| TestCaseError::fail(format!("panic on {:?}", text)))?;
        match result {
            Ok(_) => {
                // A good build replaces the output; put the reference one back.
                alsite::build::build(&site.0, &out, false).expect("the base builds");
            }
            Err(errors) => {
                for d in errors.0.iter().filter(|d| d.is_error()) {
                    prop_assert!(d.line > 0, "no line in {d} for {text:?}");
                    let words = format!("{} {}", d.message, d.hint.as_deref().unwrap_or(""));
                    prop_assert!(!words.contains("u32") && !words.contains("struct "), "{d}");
                }
                prop_assert!(snapshot(&out) == *before, "a failed build changed the output");
            }
        }
    }
}
