//! What an administrator hosting a built site relies on: pages that a strict
//! Content-Security-Policy (`script-src 'self'; style-src 'self'`) leaves
//! whole, with no inline script, style element or style attribute, and
//! static files whose addresses change when their bytes do, so a browser
//! that cached the old ones never mixes them with rebuilt pages.

mod common;

use common::{alsite, copy_tree, text, TempDir};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A copy of this repository's sample site (its `site.yaml` and `content/`).
fn sample_copy() -> TempDir {
    let dir = TempDir::new("hosting");
    fs::copy(Path::new(REPO).join("site.yaml"), dir.path("site.yaml")).unwrap();
    copy_tree(&Path::new(REPO).join("content"), &dir.path("content"));
    dir
}

fn build(site: &TempDir) -> PathBuf {
    let out = site.path("public");
    let run = alsite(&["build", "--out", out.to_str().unwrap()], &site.0);
    assert!(run.status.success(), "{}", text(&run.stderr));
    out
}

/// Every page of the built site, by path, with its text.
fn pages(out: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The opening tags `<name …>` in `html`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| {
            let next = html.as_bytes().get(i + open.len());
            matches!(next, Some(b' ' | b'>'))
        })
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap() + 1])
        .collect()
}

#[test]
fn no_page_needs_unsafe_inline_under_a_content_security_policy() {
    let site = sample_copy();
    let out = build(&site);
    let pages = pages(&out);
    assert!(pages.len() > 30, "{} pages", pages.len());
    for (path, html) in &pages {
        assert!(
            tags(html, "style").is_empty(),
            "{path} has a <style> element"
        );
        assert!(!html.contains(" style=\""), "{path} has a style attribute");
        for tag in tags(html, "script") {
            assert!(
                tag.contains(" src=\"") || tag.contains("type=\"application/json\""),
                "{path} has an inline script: {tag}"
            );
        }
        for handler in [" onclick=", " onload=", " onsubmit=", "javascript:"] {
            assert!(!html.contains(handler), "{path} has `{handler}`");
        }
    }
    // The brand's colours still reach every page, from a file of the site.
    let brand = fs::read_to_string(out.join("static/brand.css")).unwrap();
    assert!(brand.contains("--primary:#0b5d73;"), "{brand}");
    assert!(pages["workshops/foundations/index.html"]
        .contains(r#"<link rel="stylesheet" href="../../static/brand.css?v="#));
}

/// The `?v=` each page's link to `file` carries, by page.
fn versions_of(out: &Path, file: &str) -> BTreeMap<String, String> {
    let needle = format!("{file}?v=");
    pages(out)
        .into_iter()
        .filter_map(|(path, html)| {
            let at = html.find(&needle)? + needle.len();
            let v: String = html[at..].chars().take_while(|c| *c != '"').collect();
            Some((path, v))
        })
        .collect()
}

#[test]
fn a_changed_static_file_gets_a_new_address_on_every_page() {
    let site = sample_copy();
    let out = build(&site);
    let style = versions_of(&out, "static/style.css");
    let practice = versions_of(&out, "static/practice.js");
    assert_eq!(
        style.len(),
        pages(&out).len(),
        "every page links the stylesheet with a version"
    );
    assert!(practice.contains_key("practice/open-questions.html"));
    let one = |m: &BTreeMap<String, String>| {
        let mut values: Vec<&String> = m.values().collect();
        values.dedup();
        assert_eq!(values.len(), 1, "one version on every page: {values:?}");
        values[0].clone()
    };
    let (style_v, practice_v) = (one(&style), one(&practice));
    assert_eq!(style_v.len(), 8, "{style_v}");

    // The site overrides practice.js; a rebuild changes its address only.
    let theme = site.path("themes/default/static");
    fs::create_dir_all(&theme).unwrap();
    let script = fs::read_to_string(Path::new(REPO).join("themes/default/static/practice.js"));
    fs::write(
        theme.join("practice.js"),
        script.unwrap() + "\n// changed\n",
    )
    .unwrap();
    build(&site);
    let practice_after = one(&versions_of(&out, "static/practice.js"));
    assert_ne!(practice_after, practice_v, "a changed file, a new address");
    assert_eq!(
        one(&versions_of(&out, "static/style.css")),
        style_v,
        "an unchanged file keeps its address"
    );
    // The query changes nothing on disk: the file keeps its name.
    assert!(fs::read_to_string(out.join("static/practice.js"))
        .unwrap()
        .ends_with("// changed\n"));
}
