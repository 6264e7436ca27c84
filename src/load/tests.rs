//! How the content folder loads: every content kind, editor leftovers
//! ignored, files read in runs and merged.

use super::*;

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

#[test]
fn loads_every_content_kind() {
    let (site, warnings) = load_site(&base()).expect("base fixture loads");
    assert!(warnings.0.is_empty(), "{warnings:?}");
    assert_eq!(site.config.title, "Fixture site");
    assert_eq!(site.home.as_ref().unwrap().output, "index.html");
    assert_eq!(site.pages[0].output, "about.html");
    assert_eq!(site.ground_rules.as_ref().unwrap().data.rules.len(), 1);
    assert_eq!(site.components.as_ref().unwrap().data.components.len(), 2);
    assert_eq!(site.question_types.as_ref().unwrap().data.types.len(), 2);
    let set = &site.practice[0];
    assert_eq!(set.slug, "open-questions");
    let kinds: Vec<&str> = set.data.items.iter().map(Item::kind).collect();
    assert_eq!(kinds, ["rewrite", "choose", "classify", "order"]);
    let session = &site.sessions[0].data;
    assert_eq!(session.roles[0].role, RoleKind::Coach);
    assert_eq!(session.stages[0].turns.len(), 4);
    assert_eq!(
        session.stages[0].turns[2].intervene.as_deref(),
        Some("How are we doing as a team?")
    );
    let w = &site.workshops[0];
    assert_eq!(
        (w.slug.as_str(), w.data.days[0].start.as_str()),
        ("foundations", "09:00")
    );
    assert_eq!(
        w.data.days[0].items[1].break_label.as_deref(),
        Some("Coffee")
    );
    assert_eq!(w.modules[0].front.minutes, 45);
    assert_eq!(w.modules[0].front.activities[0].kind, ActivityKind::Input);
    // Module bodies keep their file line numbers.
    let line = w.modules[0]
        .body
        .lines()
        .position(|l| l == "Participant text.");
    assert_eq!(line, Some(9), "the body's text stays on line 10");
}

/// Files are read in runs, so one workshop arrives in parts: its
/// `workshop.yaml` in one, modules in others, even after another
/// workshop. The parts become one workshop, modules in file order.
#[test]
fn parts_of_a_workshop_become_one_in_file_order() {
    let (site, _) = load_site(&base()).expect("base fixture loads");
    let whole = &site.workshops[0];
    let part = |slug: &str, with_file: bool, module: &str| {
        let mut w = whole.clone();
        w.slug = slug.to_string();
        if !with_file {
            w.source = PathBuf::new();
            w.data.title = "not this".to_string();
        }
        w.modules.truncate(1);
        w.modules[0].slug = module.to_string();
        let mut s = Site::new(site.config.clone());
        s.workshops.push(w);
        s
    };
    let mut merged = Site::new(site.config.clone());
    let parts = [
        part("b", false, "first"),
        part("a", true, "only"),
        part("b", true, "second"),
        part("b", false, "third"),
    ];
    merged.reserve_for(parts.iter());
    for p in parts {
        merged.merge(p);
    }
    merged.sort_by_slug();
    let found: Vec<(&str, &str, Vec<&str>)> = merged
        .workshops
        .iter()
        .map(|w| {
            let modules = w.modules.iter().map(|m| m.slug.as_str()).collect();
            (w.slug.as_str(), w.data.title.as_str(), modules)
        })
        .collect();
    let title = whole.data.title.as_str();
    assert_eq!(
        found,
        [
            ("a", title, vec!["only"]),
            ("b", title, vec!["first", "second", "third"])
        ]
    );
    assert_eq!(merged.workshops[1].source, whole.source);
}

#[test]
fn ignores_editor_leftovers() {
    for name in [
        ".x.swp",
        "x.md~",
        "#x.md#",
        ".DS_Store",
        "x.tmp",
        "Thumbs.db",
        "thumbs.db",
        "desktop.ini",
        "Icon\r",
        "~$notes.docx",
        "about.md___jb_tmp___",
        "about.md___jb_old___",
        "photo.jpg.crdownload",
        "4913",
    ] {
        assert!(is_ignored(name), "{name}");
    }
    for name in [
        "about.md",
        "Icon.png",
        "thumbs.png",
        "desktop.md",
        "#1 kurs",
        "#",
        "kurs#",
    ] {
        assert!(!is_ignored(name), "{name}");
    }
}
