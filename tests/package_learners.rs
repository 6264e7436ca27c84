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
    let home = fs::read_to_string(site.path("public/index.html")).unwrap();
    assert!(home.contains("workshops with agendas, facilitator guides and handouts"));
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
        // The pages that list the workshops do not promise the guides either.
        let file = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
        let home = file("index.html");
        assert!(
            home.contains("workshops with agendas, module pages and handouts"),
            "{version}: the home page's line on the workshops"
        );
        let list = file("workshops/index.html");
        assert!(
            list.contains(
                "module pages with timers for the room and a participant handout ready to print"
            ),
            "{version}: the list of workshops"
        );
        // (The home page's offers are the trainer's words: one names a guide.)
        assert!(!home.contains("facilitator guides and handouts"));
        assert!(!list.to_lowercase().contains("facilitator guide"));
        let text: String = files
            .iter()
            .filter(|(n, _)| n.starts_with("search/text."))
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(
            !text.contains("facilitator guides and handouts"),
            "{version}: search shows the pages as the package has them"
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

#[test]
fn a_polish_package_lists_its_workshops_without_the_guides() {
    let site = TempDir::new("package-learners-pl");
    copy_tree(&Path::new(REPO).join("samples/pl"), &site.0);
    let args = ["package", "--scorm", "2004", "--out", "kurs.zip"];
    let out = alsite(&args, &site.0);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = zip_entries(&site.path("kurs.zip"));
    // Polish keeps a one-letter word with the next one (a no-break space).
    let file = |name: &str| {
        let text = &files.iter().find(|(n, _)| n == name).unwrap().1;
        text.replace('\u{a0}', " ")
    };
    let list = file("workshops/index.html");
    assert!(list.contains("strony modułów z minutnikami na salę i materiały dla uczestników"));
    assert!(!list.contains("przewodnik prowadzącego"));
    assert!(file("index.html").contains("z agendą, stronami modułów i materiałami dla uczestników"));
}
