//! What a trainer reads in a workshop's printed pages and agenda: the
//! facilitator guide's notes sit below their own title, an activity named
//! after the practice set it links to names the kind alone in its link, a
//! module's length reads the same in the agenda as on its page, and a
//! Polish number keeps to what it counts.

mod common;

use common::{build_into, copy_tree, TempDir};
use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The Polish sample with `change` made to one module's file, built.
fn build_changed(dir: &TempDir, change: impl FnOnce(String) -> String) -> PathBuf {
    let root = dir.path("src");
    copy_tree(&Path::new(REPO).join("samples/pl"), &root);
    let module = root.join("content/workshops/intro-training/asking-questions.md");
    let source = fs::read_to_string(&module).unwrap();
    fs::write(&module, change(source)).unwrap();
    let out = dir.path("site");
    build_into(&root, &out);
    out
}

fn page(out: &Path, name: &str) -> String {
    fs::read_to_string(out.join("workshops/intro-training").join(name))
        .unwrap_or_else(|_| panic!("{name} missing"))
}

#[test]
fn a_heading_in_facilitator_notes_sits_below_the_notes_title() {
    let dir = TempDir::new("notes-heading");
    let out = build_changed(&dir, |s| {
        s.replace(
            "facilitator: |\n",
            "facilitator: |\n  ## Na co uważać\n\n  Gdy zostanie mniej niż 5 minut, skróć rundę.\n\n",
        )
    });
    let guide = page(&out, "facilitator.html");
    let notes = guide.find("Na co uważać").expect("the notes' heading");
    let title = guide[..notes].rfind("<h").map(|at| &guide[at..at + 3]);
    assert_eq!(
        title,
        Some("<h4"),
        "below the h3 of the notes' title: {}",
        &guide[(0..=notes.saturating_sub(200))
            .rev()
            .find(|&i| guide.is_char_boundary(i))
            .unwrap_or(0)..notes]
    );
}

#[test]
fn an_activity_named_as_its_practice_set_says_the_name_once() {
    let dir = TempDir::new("activity-name");
    // The set is called "Od rady do pytania otwartego".
    let out = build_changed(&dir, |s| {
        s.replace(
            "title: \"Od rady do pytania\"",
            "title: \"Od rady do pytania  OTWARTEGO\"",
        )
        .replace("title: \"Pytanie coacha\"", "title: \"Wybór pytania\"")
    });
    let guide = page(&out, "facilitator.html");
    assert!(
        guide.contains(
            "Od rady do pytania  OTWARTEGO (<a href=\"../../practice/open-questions.html\">zestaw ćwiczeń</a>)</th>"
        ),
        "the link names the kind alone"
    );
    assert!(
        !guide.contains("Zestaw ćwiczeń: Od rady do pytania otwartego"),
        "not said twice"
    );
    // Another name still says which set it links to.
    assert!(guide.contains(
        "Wybór pytania (<a href=\"../../practice/coach-questions.html\">Zestaw ćwiczeń: "
    ));
}

#[test]
fn a_module_over_an_hour_reads_the_same_in_the_agenda_as_on_its_page() {
    let dir = TempDir::new("module-length");
    let out = build_changed(&dir, |s| {
        s.replace("minutes: 45\n", "minutes: 80\n")
            .replace("minutes: 20, kind: practice", "minutes: 55, kind: practice")
    });
    let agenda = page(&out, "index.html");
    let module = page(&out, "asking-questions.html");
    let length = "1\u{a0}godz.\u{a0}20\u{a0}min";
    assert!(module.contains(length), "the module's page");
    assert!(
        agenda.contains(&format!("({length})")),
        "the agenda, as the page says it"
    );
    assert!(!agenda.contains("(80\u{a0}min)"));
}

#[test]
fn a_number_in_a_polish_text_keeps_to_what_it_counts() {
    let dir = TempDir::new("numbers");
    let out = build_changed(&dir, |s| {
        s + "\nW pierwszych 5 minutach, za 1 200 zł: 1) zbierz pytania.\n"
    });
    let module = page(&out, "asking-questions.html");
    assert!(
        module.contains(
            "W\u{a0}pierwszych 5\u{a0}minutach, za 1\u{a0}200\u{a0}zł: 1)\u{a0}zbierz pytania."
        ),
        "bound"
    );
}
