//! A workshop's clock times where a trainer reads them away from the
//! agenda: a module's page, the facilitator guide and the handout. A module
//! the days use more than once gives every run, not only the first.

mod common;

use common::{alsite, copy_tree, text, TempDir};
use std::fs;
use std::path::{Path, PathBuf};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// Builds the site in `root` into `dir/site`.
fn build(root: &Path, dir: &TempDir) -> PathBuf {
    let out = dir.path("site");
    let o = alsite(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        Path::new(REPO),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    out
}

/// The page's text as a reader sees it: tags dropped (a clock time is a
/// span of its own, so a line breaks between two, never inside one).
fn read(out: &Path, page: &str) -> String {
    let html = fs::read_to_string(out.join(page)).unwrap_or_else(|_| panic!("{page} missing"));
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn a_module_run_twice_in_a_day_gives_both_runs_on_its_page_the_guide_and_the_handout() {
    // The sample's day 2 runs "Live sessions with rotating roles" before and after lunch.
    let dir = TempDir::new("twice");
    let out = build(Path::new(REPO), &dir);
    let both = "Day 2, 10:30–12:00 and 13:00–14:30";
    for page in [
        "live-sessions-rotating.html",
        "facilitator.html",
        "handout.html",
    ] {
        let html = read(&out, &format!("workshops/foundations/{page}"));
        assert!(html.contains(both), "{page} gives both runs: {both}");
    }
    // Each activity's time in both runs, on the module's page and in the guide.
    for page in ["live-sessions-rotating.html", "facilitator.html"] {
        let html = read(&out, &format!("workshops/foundations/{page}"));
        assert!(
            html.contains("10:30–11:45 and 13:00–14:15"),
            "{page}: the first activity in both runs"
        );
    }
    // A module run once is as before.
    let once = read(&out, "workshops/foundations/six-components.html");
    assert!(once.contains("Day 1, 10:15–11:30 ·"), "one run");
}

#[test]
fn a_module_run_on_two_days_names_each_day_in_polish() {
    let dir = TempDir::new("twice-pl");
    let root = dir.path("src");
    copy_tree(&Path::new(REPO).join("samples/pl"), &root);
    let yaml = root.join("content/workshops/intro-training/workshop.yaml");
    let mut days = fs::read_to_string(&yaml).unwrap();
    days.push_str(
        "  - title: Dzień 2\n    start: \"10:00\"\n    items:\n      - module: live-session\n",
    );
    fs::write(&yaml, days).unwrap();
    let out = build(&root, &dir);
    let page = read(&out, "workshops/intro-training/live-session.html");
    assert!(
        // A one-letter word keeps to the word after it (Polish typography).
        page.contains("Dzień 1, 10:45–12:00 i\u{a0}Dzień 2, 10:00–11:15"),
        "both days named"
    );
    // Each activity's times name their days too: "10:45–10:55 i 10:00–10:10"
    // would read as one day's.
    let first = "Dzień 1, 10:45–";
    let activity = page.find("min ·").map(|at| &page[at..]).unwrap_or("");
    assert!(activity.contains(first), "{page}");
    assert!(activity.contains("i\u{a0}Dzień 2, 10:00–"), "{page}");
}

#[test]
fn a_one_day_workshop_without_breaks_ending_at_midnight_reads_as_a_timetable() {
    let dir = TempDir::new("midnight-pl");
    let root = dir.path("src");
    copy_tree(&Path::new(REPO).join("samples/pl"), &root);
    let yaml = root.join("content/workshops/intro-training/workshop.yaml");
    let workshop = fs::read_to_string(&yaml).unwrap();
    let at = workshop.find("days:").unwrap();
    let evening = "days:\n  - start: \"22:30\"\n    items:\n      - module: welcome-and-method\n      - module: asking-questions\n";
    fs::write(&yaml, format!("{}{evening}", &workshop[..at])).unwrap();
    let out = build(&root, &dir);
    let agenda = read(&out, "workshops/intro-training/index.html");
    // Midnight at the day's end is 24:00, as a timetable writes it, not 0:00.
    assert!(agenda.contains("koniec o\u{a0}24:00"), "{agenda}");
    assert!(!agenda.contains("\u{a0}0:00"), "{agenda}");
    // No breaks: the day's length is not given twice.
    assert!(
        agenda.contains("Czas zajęć: 1\u{a0}godz.\u{a0}30\u{a0}min, bez przerw."),
        "{agenda}"
    );
    // The only day's table is the schedule, not "Program: harmonogram".
    let html = fs::read_to_string(out.join("workshops/intro-training/index.html")).unwrap();
    assert!(html.contains(">Harmonogram</caption>"), "{html}");
    assert!(!html.contains("harmonogram</caption>"), "{html}");
}
