//! The README is the contract: its YAML and Markdown examples, put where the
//! README says they go, make sites that `alsite check` passes. A new example
//! in the README must be named here, so README and code cannot drift apart.

mod common;

use common::{alsite, text, TempDir};

use std::fs;
use std::path::Path;

const README: &str = include_str!("../README.md");

/// A fenced ```yaml or ```markdown block and the heading it sits under.
struct Block {
    heading: String,
    text: String,
}

fn blocks() -> Vec<Block> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut lines = README.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("```") {
            let lang = line.trim_start_matches('`').trim();
            let mut text = String::new();
            for l in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                text.push_str(l);
                text.push('\n');
            }
            if lang == "yaml" || lang == "markdown" {
                out.push(Block {
                    heading: heading.clone(),
                    text,
                });
            }
        } else if line.starts_with('#') {
            heading = line.to_string();
        }
    }
    out
}

/// The `n`th example under the heading that starts with `heading`.
fn example<'a>(all: &'a [Block], heading: &str, n: usize) -> &'a Block {
    all.iter()
        .filter(|b| b.heading.starts_with(heading))
        .nth(n)
        .unwrap_or_else(|| panic!("README: no example {n} under {heading:?}"))
}

/// Each example that is a whole file of a site, and where it goes.
const FILES: &[(&str, usize, &str)] = &[
    ("### site.yaml", 0, "site.yaml"),
    ("### Pages (", 0, "content/pages/about.md"),
    (
        "### The ground rules",
        0,
        "content/method/ground-rules.yaml",
    ),
    ("### The components", 0, "content/method/components.yaml"),
    (
        "### Question practice",
        0,
        "content/practice/open-questions.yaml",
    ),
    (
        "### Question practice",
        1,
        "content/practice/question-types.yaml",
    ),
    (
        "#### The question checker",
        0,
        "content/practice/question-rules.yaml",
    ),
    ("### Demo sessions", 0, "content/sessions/rota-tool.yaml"),
    (
        "### Workshops",
        0,
        "content/workshops/foundations/workshop.yaml",
    ),
    (
        "### Workshops",
        1,
        "content/workshops/foundations/six-components.md",
    ),
    ("### Offers", 0, "content/offers.yaml"),
    ("### Hero", 0, "content/index.md"),
];

/// Examples that replace a file of that site in a variant of it.
const BRAND: (&str, usize) = ("### Brand", 0);
const LANGUAGES: (&str, usize) = ("### A site in several languages", 0);
const STRINGS: (&str, usize) = ("### UI strings", 0);
const CONTACT: (&str, usize) = ("### Contact", 0);
/// An example that is part of a page.
const CALLOUTS: (&str, usize) = ("### Pages (", 1);

/// The site the README's examples make, with the two files they link to but
/// do not show: the workshop's first module and the hero's second page.
fn readme_site(all: &[Block]) -> TempDir {
    let dir = TempDir::new("readme");
    for (heading, n, path) in FILES {
        let block = example(all, heading, *n);
        // An example that names its file in a first-line comment names this one.
        if let Some(named) = block.text.lines().next().unwrap().strip_prefix("# ") {
            assert_eq!(named, *path, "README example under {heading:?}");
        }
        write(&dir.0, path, &block.text);
    }
    let module = &example(all, "### Workshops", 1).text;
    write(
        &dir.0,
        "content/workshops/foundations/what-is-action-learning.md",
        &module.replace(
            "title: The six components",
            "title: What is Action Learning?",
        ),
    );
    write(
        &dir.0,
        "content/pages/action-learning.md",
        "# What is Action Learning?\n\nA method.\n",
    );
    dir
}

fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, text).unwrap();
}

/// `alsite check` passes; returns what it printed.
fn checks(site: &TempDir, what: &str) -> String {
    let out = alsite(&["check"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{what}:\n{stderr}");
    assert!(!stderr.contains(": error: "), "{what}:\n{stderr}");
    stderr
}

#[test]
fn every_example_in_the_readme_is_checked_here() {
    let all = blocks();
    assert!(all.len() >= 15, "README examples found: {}", all.len());
    let named: Vec<(&str, usize)> = FILES
        .iter()
        .map(|(h, n, _)| (*h, *n))
        .chain([BRAND, LANGUAGES, STRINGS, CALLOUTS, CONTACT])
        .collect();
    for (i, block) in all.iter().enumerate() {
        let n = all[..i]
            .iter()
            .filter(|b| b.heading == block.heading)
            .count();
        assert!(
            named
                .iter()
                .any(|(h, k)| block.heading.starts_with(h) && *k == n),
            "README example {n} under {:?} is not checked by tests/readme.rs:\n{}",
            block.heading,
            block.text
        );
    }
}

#[test]
fn the_readme_examples_make_a_site_that_checks_clean() {
    let all = blocks();
    let site = readme_site(&all);
    let stderr = checks(&site, "the README's site");
    assert!(
        !stderr.contains("warning"),
        "the README's examples give warnings:\n{stderr}"
    );
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for page in [
        "index.html",
        "about.html",
        "ground-rules.html",
        "components.html",
        "practice/open-questions.html",
        "sessions/rota-tool.html",
        "workshops/foundations/six-components.html",
        "offers.html",
    ] {
        assert!(site.0.join("public").join(page).is_file(), "{page}");
    }
}

#[test]
fn the_readme_callouts_are_drawn_with_their_titles() {
    let all = blocks();
    let site = readme_site(&all);
    let callouts = &example(&all, CALLOUTS.0, CALLOUTS.1).text;
    write(
        &site.0,
        "content/pages/tips.md",
        &format!("# Tips\n\n{callouts}"),
    );
    let stderr = checks(&site, "the README's callouts");
    assert!(!stderr.contains("warning"), "{stderr}");
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = fs::read_to_string(site.0.join("public/tips.html")).unwrap();
    for drawn in [
        "<aside class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\" data-no-search>Tip</p>",
        "<aside class=\"callout callout-warning\" role=\"note\">\n<details>\n<summary class=\"callout-title\">Watch the time</summary>",
    ] {
        assert!(html.contains(drawn), "{drawn} in\n{html}");
    }
    assert!(!html.contains("[!"), "{html}");
}

#[test]
fn the_readme_brand_example_checks() {
    let all = blocks();
    let site = readme_site(&all);
    let brand = &example(&all, BRAND.0, BRAND.1).text;
    write(&site.0, "site.yaml", &format!("title: Brand\n{brand}"));
    write(
        &site.0,
        "content/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    write(&site.0, "content/fonts/source-sans-3.woff2", "wOF2");
    checks(&site, "site.yaml with the README's brand");
}

#[test]
fn the_readme_languages_example_checks() {
    let all = blocks();
    let site = readme_site(&all);
    let languages = &example(&all, LANGUAGES.0, LANGUAGES.1).text;
    // The offers' e-mail button needs an address, which this example leaves out.
    let organization = "organization:\n  name: Pracownia\n  email: a@b.example\n";
    write(&site.0, "site.yaml", &format!("{languages}{organization}"));
    write(
        &site.0,
        "i18n/pl.yaml",
        &example(&all, STRINGS.0, STRINGS.1).text,
    );
    checks(&site, "the README's site in two languages");
}

#[test]
fn the_readme_first_person_contact_words_show_on_a_polish_site() {
    let all = blocks();
    let site = readme_site(&all);
    let config = fs::read_to_string(site.0.join("site.yaml")).unwrap();
    let config = config
        .lines()
        .filter(|l| !l.starts_with("language:"))
        .collect::<Vec<_>>()
        .join("\n");
    write(&site.0, "site.yaml", &format!("{config}\nlanguage: pl\n"));
    write(
        &site.0,
        "i18n/pl.yaml",
        &example(&all, CONTACT.0, CONTACT.1).text,
    );
    checks(&site, "the README's contact words");
    let out = site.0.join("public");
    let built = alsite(&["build", "--out", out.to_str().unwrap()], &site.0);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("Skontaktuj się ze\u{a0}mną") || home.contains("Skontaktuj się ze mną"),
        "{home}"
    );
    assert!(home.contains("Napisz do mnie"), "{home}");
}
