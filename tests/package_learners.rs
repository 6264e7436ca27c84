//! A package as its learners meet it: the facilitator guides, where a
//! workshop's trainer notes are, stay out of it, and nothing leads to them;
//! the launch page's title (a platform's new window shows it) names the
//! course once.

mod common;

use common::{alsite, copy_tree, zip_entries, TempDir};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The sample site with a page of the trainer's own that links to a guide
/// in a sentence.
fn sample() -> TempDir {
    let dir = TempDir::new("package-learners");
    copy_tree(&Path::new(REPO).join("content"), &dir.path("content"));
    fs::copy(Path::new(REPO).join("site.yaml"), dir.path("site.yaml")).unwrap();
    fs::write(
        dir.path("content/pages/for-trainers.md"),
        "# For trainers\n\nRead [the foundations guide](workshops/foundations/facilitator.html) before the day.\n",
    )
    .unwrap();
    dir
}

/// The first words of every module's facilitator notes in the site.
fn notes(site: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for w in fs::read_dir(site.join("content/workshops")).unwrap() {
        for m in fs::read_dir(w.unwrap().path()).unwrap() {
            let text = fs::read_to_string(m.unwrap().path()).unwrap();
            let Some(at) = text.find("\nfacilitator: |\n") else {
                continue;
            };
            let line = text[at..].lines().nth(2).unwrap();
            let words: Vec<&str> = line.split_whitespace().take(5).collect();
            found.push(words.join(" "));
        }
    }
    found
}

#[test]
fn no_facilitator_guide_nor_its_notes_reach_a_package() {
    let site = sample();
    let notes = notes(&site.0);
    assert!(notes.len() >= 3, "the sample has notes: {notes:?}");
    let built = alsite(&["build"], &site.0);
    assert!(built.status.success());
    let guide =
        fs::read_to_string(site.path("public/workshops/intro-training/facilitator.html")).unwrap();
    assert!(
        notes.iter().any(|n| guide.contains(n)),
        "the built site keeps its guides"
    );
    for (version, parts) in [
        ("1.2", &[][..]),
        ("2004", &["content/workshops/intro-training"][..]),
    ] {
        let mut args = vec!["package", "--scorm", version, "--out", "course.zip"];
        args.extend(parts);
        let out = alsite(&args, &site.0);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let files = zip_entries(&site.path("course.zip"));
        for (name, text) in &files {
            assert!(
                !name.ends_with("facilitator.html"),
                "{version}: {name} is in the package"
            );
            for note in &notes {
                assert!(
                    !text.contains(note.as_str()),
                    "{version}: {name} holds the note \"{note}\""
                );
            }
            assert!(
                !text.contains("facilitator.html"),
                "{version}: {name} still names a guide"
            );
        }
        let agenda = &files
            .iter()
            .find(|(n, _)| n == "workshops/intro-training/index.html")
            .unwrap()
            .1;
        assert!(
            agenda.contains("href=\"handout.html\""),
            "the agenda still offers the handout"
        );
        assert!(
            !agenda.contains("Facilitator guide"),
            "{version}: the agenda offers no guide"
        );
        let page = &files
            .iter()
            .find(|(n, _)| n == "for-trainers.html")
            .unwrap()
            .1;
        assert!(
            page.contains("Read the foundations guide before the day."),
            "{version}: a link in a sentence keeps its words"
        );
    }
}

/// The `<title>` of `page`.
fn title(page: &str) -> &str {
    let at = page.find("<title>").unwrap() + 7;
    &page[at..at + page[at..].find("</title>").unwrap()]
}

#[test]
fn a_launch_page_names_the_course_once() {
    let site = sample();
    let args = ["package", "--scorm", "1.2", "--out", "course.zip"];
    assert!(alsite(&args, &site.0).status.success());
    let files = zip_entries(&site.path("course.zip"));
    let launch = &files.iter().find(|(n, _)| n == "lms/site.html").unwrap().1;
    assert_eq!(title(launch), "Action Learning in Practice");
    let args = [
        "package",
        "--scorm",
        "1.2",
        "--out",
        "part.zip",
        "content/workshops/intro-training",
    ];
    assert!(alsite(&args, &site.0).status.success());
    let files = zip_entries(&site.path("part.zip"));
    let launch = &files
        .iter()
        .find(|(n, _)| n == "lms/workshop-intro-training.html")
        .unwrap()
        .1;
    assert_eq!(
        title(launch),
        "Introduction to Action Learning · Action Learning in Practice"
    );
}
