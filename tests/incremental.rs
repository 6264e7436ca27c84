//! Scoped rebuilds as `serve` uses them: an edit re-renders only the pages
//! that read the edited file, and still catches what a full build catches.

mod common;

use common::TempDir;

use alsite::build::Incremental;
use std::fs;
use std::path::PathBuf;

fn site(name: &str) -> TempDir {
    let site = TempDir::new(name);
    common::copy_base(&site.0);
    let dir = &site.0;
    // A navigation in site.yaml, so page titles are not on every page.
    let config = fs::read_to_string(dir.join("site.yaml")).unwrap();
    fs::write(dir.join("site.yaml"), config + "nav:\n  - { title: Home, link: index.html }\n  - { title: About, link: about.html }\n").unwrap();
    site
}

/// The pages re-rendered (the search index, rewritten too, is tested in tests/search.rs).
fn changed_paths(r: &alsite::build::Rebuilt) -> Vec<String> {
    let mut p: Vec<String> = r
        .changed
        .iter()
        .map(|o| o.path.clone())
        .filter(|p| !p.starts_with("search/"))
        .collect();
    p.sort();
    p
}

#[test]
fn an_edit_re_renders_only_what_reads_the_file() {
    let tmp = site("scoped");
    let dir = &tmp.0;
    let mut builder = Incremental::new(dir);
    let full = builder.full().expect("first build");
    assert!(full.full && full.changed.len() > 10);

    fs::write(
        dir.join("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nNew text.\n",
    )
    .unwrap();
    let r = builder
        .content_changed(&[PathBuf::from("content/pages/about.md")])
        .expect("scoped build");
    assert!(!r.full);
    assert_eq!(changed_paths(&r), ["about.html"]);
    assert!(String::from_utf8_lossy(&r.changed[0].bytes).contains("New text."));

    // A practice set is read by its page and the practice index (the home page shows only counts).
    let set = dir.join("content/practice/open-questions.yaml");
    let text = fs::read_to_string(&set).unwrap();
    fs::write(
        &set,
        text.replace(
            "From statements to open questions",
            "Statements into questions",
        ),
    )
    .unwrap();
    let r = builder
        .content_changed(&[PathBuf::from("content/practice/open-questions.yaml")])
        .unwrap();
    assert_eq!(
        changed_paths(&r),
        ["practice/index.html", "practice/open-questions.html"]
    );
}

#[test]
fn a_scoped_rebuild_still_catches_errors_and_broken_anchors() {
    let tmp = site("errors");
    let dir = &tmp.0;
    let mut builder = Incremental::new(dir);
    builder.full().unwrap();
    // The home page links /components.html; the about page links its own heading.
    fs::write(
        dir.join("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Contact\n\nSee [the coach](/components.html#coach).\n",
    )
    .unwrap();
    builder
        .content_changed(&[PathBuf::from("content/pages/about.md")])
        .expect("valid link");
    // Renaming the component removes the anchor another page links to.
    let comps = dir.join("content/method/components.yaml");
    let text = fs::read_to_string(&comps).unwrap();
    fs::write(&comps, text.replace("id: coach", "id: facilitator")).unwrap();
    let err = builder
        .content_changed(&[PathBuf::from("content/method/components.yaml")])
        .unwrap_err();
    let message = err
        .0
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        message.contains("content/pages/about.md:7:17: error: link `/components.html#coach`"),
        "{message}"
    );
    // Fixing it builds again (in full, since the failed state was dropped).
    fs::write(&comps, text).unwrap();
    let r = builder
        .content_changed(&[PathBuf::from("content/method/components.yaml")])
        .unwrap();
    assert!(r.full);
    // A YAML error in the edited file is reported at its place.
    fs::write(&comps, "title: \"unclosed\n").unwrap();
    let err = builder
        .content_changed(&[PathBuf::from("content/method/components.yaml")])
        .unwrap_err();
    assert!(
        err.0[0]
            .to_string()
            .starts_with("content/method/components.yaml:1:8: error: YAML syntax error"),
        "{}",
        err.0[0]
    );
}

/// The base fixture as it is: no `nav:`, so the default navigation lists
/// its free pages by title on every page.
fn site_without_nav(name: &str) -> TempDir {
    let site = TempDir::new(name);
    common::copy_base(&site.0);
    site
}

fn about(dir: &std::path::Path, title: &str, description: &str, body: &str) {
    fs::write(
        dir.join("content/pages/about.md"),
        format!("---\ntitle: {title}\ndescription: {description}\n---\n\n## Contact\n\n{body}\n"),
    )
    .unwrap();
}

/// Builds the site in `dir` with an about page; returns the builder and
/// the about page's source, for edits.
fn built_with_about(dir: &std::path::Path) -> (Incremental, [PathBuf; 1]) {
    about(dir, "About", "Who we are", "Write to us.");
    let mut builder = Incremental::new(dir);
    builder.full().unwrap();
    (builder, [PathBuf::from("content/pages/about.md")])
}

#[test]
fn without_a_nav_an_edit_of_a_page_body_renders_that_page_alone() {
    let tmp = site_without_nav("no-nav");
    let dir = &tmp.0;
    let (mut builder, about_md) = built_with_about(dir);

    about(dir, "About", "Who we are", "Write to us today.");
    let r = builder.content_changed(&about_md).unwrap();
    assert!(!r.full);
    assert_eq!(r.rendered, 1, "only the edited page is rendered");
    assert_eq!(changed_paths(&r), ["about.html"]);

    // A new title is in every page's navigation: everything is rebuilt.
    about(dir, "About us", "Who we are", "Write to us today.");
    let r = builder.content_changed(&about_md).unwrap();
    assert!(r.full);
    let index = r.changed.iter().find(|o| o.path == "index.html").unwrap();
    assert!(String::from_utf8_lossy(&index.bytes).contains("About us"));
}

#[test]
fn with_a_nav_a_new_title_or_description_renders_the_page_and_the_home_page() {
    let tmp = site("nav-title");
    let dir = &tmp.0;
    let (mut builder, about_md) = built_with_about(dir);

    about(dir, "About", "Who we are", "Write to us today.");
    let r = builder.content_changed(&about_md).unwrap();
    assert_eq!(r.rendered, 1, "a body edit renders the page alone");

    about(
        dir,
        "About",
        "The people behind the workshops",
        "Write to us today.",
    );
    let r = builder.content_changed(&about_md).unwrap();
    assert!(!r.full);
    // The page for missing addresses lists the sections too: rendered, not changed.
    assert_eq!(r.rendered, 3);
    assert_eq!(changed_paths(&r), ["about.html", "index.html"]);
    let index = r.changed.iter().find(|o| o.path == "index.html").unwrap();
    assert!(String::from_utf8_lossy(&index.bytes).contains("The people behind the workshops"));
}

#[test]
fn a_scoped_rebuild_catches_an_id_given_twice_and_forgets_it_once_fixed() {
    let tmp = site("ids");
    let dir = &tmp.0;
    let mut builder = Incremental::new(dir);
    builder.full().unwrap();
    let about = dir.join("content/pages/about.md");
    let changed = [PathBuf::from("content/pages/about.md")];
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact {#x}\n\n## Visit {#x}\n",
    )
    .unwrap();
    let err = builder.content_changed(&changed).unwrap_err();
    assert!(
        err.0[0]
            .to_string()
            .starts_with("content/pages/about.md:7:10: error: the id `x` is given twice"),
        "{}",
        err.0[0]
    );
    fs::write(
        &about,
        "---\ntitle: About\n---\n\n## Contact {#x}\n\n## Visit\n",
    )
    .unwrap();
    builder.content_changed(&changed).expect("fixed");
    fs::write(&about, "---\ntitle: About\n---\n\n## Contact\n\n## Visit\n").unwrap();
    let r = builder.content_changed(&changed).expect("no ids given");
    assert!(!r.full, "an edit of a page rebuilds only what reads it");
}
