//! The search index as the build writes it: one per language, never the
//! facilitator guide, rewritten after an edit in `serve`, and left out with
//! `search: false`. (The search box itself is tested in a browser:
//! tests/browser/search.test.js.)

mod common;

use alsite::build::Incremental;
use common::{copy_tree, TempDir};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_alsite");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn build(root: &Path) -> PathBuf {
    let out = root.join("public");
    let o = Command::new(BIN)
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .expect("alsite runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Every file of the search folder, as one text.
fn search_files(out: &Path) -> String {
    let mut all = String::new();
    for e in fs::read_dir(out.join("search")).unwrap() {
        all.push_str(&fs::read_to_string(e.unwrap().path()).unwrap());
    }
    all
}

#[test]
fn the_sample_sites_index_has_no_facilitator_notes() {
    let site = TempDir::new("search-sample");
    fs::copy(Path::new(REPO).join("site.yaml"), site.path("site.yaml")).unwrap();
    copy_tree(&Path::new(REPO).join("content"), &site.path("content"));
    let out = build(&site.0);
    let index = search_files(&out);
    let guide = fs::read_to_string(out.join("workshops/foundations/facilitator.html")).unwrap();
    assert!(guide.contains("insist on specific moments"));
    assert!(!index.contains("insist on specific moments"));
    assert!(!index.contains("facilitator.html") && !index.contains("handout.html"));
    // A practice item's answer and feedback are on its page, never in search.
    let set = fs::read_to_string(out.join("practice/coach-questions.html")).unwrap();
    let feedback = "Closed, and it puts the presenter on the spot";
    assert!(set.contains(feedback));
    assert!(!index.contains(feedback) && !index.contains("Show the answer"));
    // Nor are the cards' counts on the index pages (snippets showed "… 60").
    let sessions = fs::read_to_string(out.join("sessions/index.html")).unwrap();
    assert!(sessions.contains("96\u{a0}turns"));
    assert!(!index.contains("96\u{a0}turns") && !index.contains("96 turns"));
    // Nor the way on under a session's last turn, the same on every session.
    let session = fs::read_to_string(out.join("sessions/rota-tool.html")).unwrap();
    let ending = "on a problem your own team has";
    assert!(session.contains(ending) && session.contains("End of the session"));
    assert!(!index.contains(ending) && !index.contains("End of the session"));
    // Nor where a set keeps its answers: in a SCORM package, whose search is
    // this index, the page says "in your learning platform" instead.
    let saved = "Your answers are saved in this browser only.";
    assert!(set.contains(saved));
    assert!(!index.contains(saved));
    // Module pages, sessions, practice and method pages are in.
    for page in [
        "\"ground-rules.html\"",
        "\"practice/open-questions.html\"",
        "\"sessions/rota-tool.html\"",
        "\"workshops/foundations/ground-rules.html\"",
    ] {
        assert!(index.contains(page), "{page} is indexed");
    }
    // Every page links to the script, not to an index it would fetch.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#""index":"search/index.en.js""#), "{home}");
}

#[test]
fn each_language_has_its_own_index() {
    let site = TempDir::new("search-languages");
    copy_tree(&Path::new(REPO).join("tests/sites/polish"), &site.0);
    copy_tree(&Path::new(REPO).join("tests/sites/two-languages"), &site.0);
    let out = build(&site.0);
    let pl = fs::read_to_string(out.join("search/index.pl.js")).unwrap();
    let en = fs::read_to_string(out.join("search/index.en.js")).unwrap();
    assert!(pl.contains("\"ground-rules.html\"") && !pl.contains("\"en/"));
    assert!(en.contains("\"en/ground-rules.html\"") && !en.contains("[\"ground-rules.html\""));
    let page = fs::read_to_string(out.join("en/ground-rules.html")).unwrap();
    assert!(page.contains(r#""index":"../search/index.en.js""#));
    assert!(page.contains(r#""root":"../""#));
}

#[test]
fn search_false_leaves_out_the_box_and_the_index() {
    let site = TempDir::new("search-off");
    common::copy_base(&site.0);
    let config = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(site.path("site.yaml"), config + "search: false\n").unwrap();
    let out = build(&site.0);
    assert!(!out.join("search").exists());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("search.js") && !home.contains("site-search"));
    // Nor does a page carry the box's words for its scripts.
    assert!(!home.contains("search.placeholder"), "{home}");
}

#[test]
fn an_edit_in_serve_rewrites_the_index() {
    let site = TempDir::new("search-serve");
    common::copy_base(&site.0);
    let config = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        config + "nav:\n  - { title: Home, link: index.html }\n",
    )
    .unwrap();
    let mut builder = Incremental::new(&site.0);
    let full = builder.full().unwrap();
    assert!(full.changed.iter().any(|o| o.path == "search/index.en.js"));
    let about = site.path("content/pages/about.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, text + "\nZanzibar rota.\n").unwrap();
    let r = builder
        .content_changed(&[PathBuf::from("content/pages/about.md")])
        .unwrap();
    assert!(!r.full);
    assert!(r.changed.iter().any(|o| o.path == "about.html"));
    // The reload does not wait for the index: it comes right after.
    assert!(!r.changed.iter().any(|o| o.path.starts_with("search/")));
    let index = builder.search_index().expect("the index is rewritten");
    assert!(!index.reload);
    assert!(index.changed.iter().any(|o| o.path == "search/index.en.js"));
    let text = index
        .changed
        .iter()
        .find(|o| o.path.starts_with("search/text.en."))
        .expect("a text chunk is rewritten");
    assert!(String::from_utf8_lossy(&text.bytes).contains("Zanzibar rota."));
    assert!(builder.search_index().is_none(), "written once");
}
