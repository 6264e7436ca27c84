//! A site's own strings and template files are read as its content files
//! are: one saved as "Unicode" (UTF-16 with a byte-order mark) by Notepad
//! counts, not skipped in silence; an empty one changes no word.

mod common;

use common::{build_site as build, test_site as fixture, text};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// `text` as Notepad saves "Unicode": UTF-16, little end first, with a mark.
fn utf16(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

#[test]
fn strings_and_templates_saved_as_utf16_are_used() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    let strings = "player:\n  next: Naprzód →\nextra:\n  motto: Pytaj śmiało\n";
    fs::write(site.path("i18n/pl.yaml"), utf16(strings)).unwrap();
    fs::create_dir_all(site.path("themes/default/templates")).unwrap();
    let base =
        fs::read_to_string(Path::new(REPO).join("themes/default/templates/home.html")).unwrap();
    let home = base.replace(
        "{% block main %}",
        "{% block main %}<p class=\"motto\">{{ t(\"extra.motto\") }}</p>",
    );
    fs::write(
        site.path("themes/default/templates/home.html"),
        utf16(&home),
    )
    .unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">Naprzód →</button>"),
        "the override shows"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<p class=\"motto\">Pytaj śmiało</p>"),
        "the template and its added key are used"
    );
}

#[test]
fn an_empty_strings_file_changes_no_word() {
    let site = fixture("polish");
    fs::create_dir_all(site.path("i18n")).unwrap();
    fs::write(site.path("i18n/pl.yaml"), "").unwrap();
    fs::write(site.path("i18n/en.yaml"), "# nothing changed yet\n").unwrap();
    fs::write(site.path("i18n/checker.pl.yaml"), "---\n").unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains(" 0 warnings"),
        "{}",
        text(&o.stdout)
    );
    let session = fs::read_to_string(out.join("sessions/grafik.html")).unwrap();
    assert!(
        session.contains(">← Wstecz</button>"),
        "the theme's words stay"
    );
}
