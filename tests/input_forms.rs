//! Input a trainer writes in a slightly different form than the README
//! shows, which alsite takes as they meant it (the mistakes it refuses are
//! error fixtures in tests/fixtures/).

mod common;

use common::{alsite, copy_base, text, TempDir};
use std::fs;

fn base(name: &str) -> TempDir {
    let site = TempDir::new(name);
    copy_base(&site.0);
    site
}

#[test]
fn a_page_named_in_capitals_with_spaces_after_its_dashes_is_a_page() {
    let site = base("upper-md");
    // `---` lines with spaces after them, as some editors leave them.
    fs::write(
        site.path("content/pages/Notes.MD"),
        "---   \ntitle: Notes\n--- \n\nThe notes.\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = fs::read_to_string(site.path("public/Notes.html")).unwrap();
    assert!(page.contains("<p>The notes.</p>"), "{page}");
    assert!(
        !site.path("public/pages/Notes.MD").exists() && !site.path("public/Notes.MD").exists(),
        "the Markdown source is not published"
    );
}

#[test]
fn a_regional_language_takes_its_language_s_words() {
    let site = base("regional");
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        format!("{yaml}languages: [en-GB, pl-PL]\n"),
    )
    .unwrap();
    fs::write(
        site.path("content/pages/about.pl-PL.md"),
        "---\ntitle: O nas\n---\n\n## Kontakt\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // The English and Polish strings serve them: no "no UI strings" warning.
    assert!(!stderr.contains("UI strings"), "{stderr}");
    let home = fs::read_to_string(site.path("public/index.html")).unwrap();
    assert!(home.contains(r#"<html lang="en-GB""#), "{home}");
    let about = fs::read_to_string(site.path("public/pl-PL/about.html")).unwrap();
    assert!(about.contains(r#"<html lang="pl-PL""#), "{about}");
    assert!(about.contains("Przejdź do treści"), "{about}");
}
