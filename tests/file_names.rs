//! File and folder names as trainers give them: any language's letters,
//! a byte-order mark, spaces and signs (`&`, `'`, `%`, brackets), accents
//! stored apart from their letters, and the names Windows or a USB stick
//! refuses, which are errors before anything is built.

mod common;

use common::{alsite, copy_base, text, TempDir};
use std::fs;
use std::path::Path;

/// The base fixture (tests/fixtures/base), copied.
fn fixture_site(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    copy_base(&dir.0);
    dir
}

#[test]
fn byte_order_marks_any_letters_and_spaces_in_file_names_work() {
    let site = fixture_site("base");
    let c = site.0.join("content");
    // Editors on Windows start files with a byte-order mark.
    let yaml = fs::read_to_string(site.0.join("site.yaml")).unwrap();
    fs::write(site.0.join("site.yaml"), format!("\u{feff}{yaml}")).unwrap();
    fs::write(
        c.join("pages/about.md"),
        "\u{feff}---\ntitle: About\n---\n\n[Our team](our%20team.html)\n",
    )
    .unwrap();
    fs::write(
        c.join("pages/our team.md"),
        "---\ntitle: Our team\n---\n\n![Team](<images/team photo.png>) ![Again](images/team%20photo.png) [Über uns](über-uns.html)\n",
    )
    .unwrap();
    fs::write(
        c.join("pages/über-uns.md"),
        "---\ntitle: Über uns\n---\n\n[Team](<our team.html>)\n",
    )
    .unwrap();
    fs::create_dir_all(c.join("images")).unwrap();
    fs::write(c.join("images/team photo.png"), "png").unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let public = site.0.join("public");
    for file in ["our team.html", "über-uns.html", "images/team photo.png"] {
        assert!(public.join(file).is_file(), "{file}");
    }
    let team = fs::read_to_string(public.join("our team.html")).unwrap();
    assert!(team.contains(r#"src="images/team%20photo.png""#), "{team}");
    let home = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(home.contains(r#"href="our%20team.html""#), "{home}");
    assert!(home.contains(r#"href="%C3%BCber-uns.html""#), "{home}");
    assert!(home.contains("<title>Fixture site</title>"), "{home}");
}

#[test]
fn an_apostrophe_ampersand_plus_brackets_or_percent_in_a_file_or_folder_name_work() {
    let site = fixture_site("base");
    let c = site.0.join("content");
    // A folder of pages and images named as a trainer names them; pages
    // themselves keep to letters, digits, spaces, `-` and `_`.
    let folder = "100% kurs & więcej (wersja 2) [B] O'Neil + plus";
    fs::create_dir_all(c.join("pages").join(folder)).unwrap();
    fs::write(
        c.join("pages").join(folder).join("plan dnia.md"),
        "# Plan dnia\n\n![Sala](<sala [B] O'Neil.png>) [O nas](../about.md)\n",
    )
    .unwrap();
    fs::write(
        c.join("pages").join(folder).join("sala [B] O'Neil.png"),
        "png",
    )
    .unwrap();
    fs::create_dir_all(c.join("images")).unwrap();
    fs::write(c.join("images/Q&A + plan's (1).png"), "png").unwrap();
    fs::write(
        c.join("pages/about.md"),
        format!("---\ntitle: About\n---\n\n[Plan](<{folder}/plan dnia.md>) ![Q&A](</images/Q&A + plan's (1).png>)\n"),
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let public = site.0.join("public");
    let plan = public.join(folder).join("plan dnia.html");
    assert!(plan.is_file(), "{}", plan.display());
    let about = fs::read_to_string(public.join("about.html")).unwrap();
    assert!(
        about.contains("href=\"100%25%20kurs%20&amp;%20wi%C4%99cej%20(wersja%202)%20%5BB%5D%20O&#x27;Neil%20+%20plus/plan%20dnia.html\""),
        "{about}"
    );
    assert!(public.join("images/Q&A + plan's (1).png").is_file());
}

#[test]
fn a_name_with_its_accents_stored_apart_from_the_letters_is_named_not_left_unreachable() {
    let site = fixture_site("base");
    let c = site.0.join("content");
    // `źródła` as a Mac often stores it: z, ó and the ź's accent as marks of
    // their own. A link typed on a keyboard, `[x](źródła.md)`, names
    // another file; a web server on Linux would not find the page.
    let apart = "z\u{301}ro\u{301}d\u{142}a";
    fs::write(c.join(format!("pages/{apart}.md")), "# Źródła\n").unwrap();
    fs::create_dir_all(c.join("images/zdje\u{328}cia")).unwrap();
    fs::write(c.join("images/zdje\u{328}cia/sala.png"), "png").unwrap();
    fs::write(c.join("images/zdje\u{328}cia/grupa.png"), "png").unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("content/pages/{apart}.md: error: the name `{apart}.md` writes its accents as marks apart from their letters")),
        "{stderr}"
    );
    // One error for the folder, not one for each file in it.
    assert_eq!(
        stderr
            .matches("content/images/zdje\u{328}cia: error:")
            .count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: rename it by typing the name again"),
        "{stderr}"
    );
    assert!(!stderr.contains("cannot be a page's name"), "{stderr}");
}

#[test]
fn pages_named_as_a_trainer_names_them_build_and_the_links_written_to_them_lead_there() {
    let site = fixture_site("base");
    let pages = site.0.join("content/pages");
    const NAMES: [&str; 6] = [
        "Q&A",
        "100% gotowe",
        "notatki (1)",
        "O'Brien",
        "plan+dnia",
        "sala [B]",
    ];
    for name in NAMES {
        let text = format!("---\ntitle: \"{name}\"\n---\n\n## Sekcja\n\nTekst.\n");
        fs::write(pages.join(format!("{name}.md")), text).unwrap();
    }
    // The ways a trainer writes the links: as the name, in <…>, encoded.
    fs::write(
        pages.join("about.md"),
        "---\ntitle: About\n---\n\n[1](Q&A.md) [2](Q%26A.md#sekcja) [3](<100% gotowe.md>) \
         [4](100%25%20gotowe.md) [5](<notatki (1).md#sekcja>) [6](<O'Brien.md>) \
         [7](plan+dnia.md) [8](<sala [B].md>) [9](</Q&A.html#sekcja>)\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let public = site.0.join("public");
    for file in NAMES {
        assert!(public.join(format!("{file}.html")).is_file(), "{file}.html");
    }
    let about = fs::read_to_string(public.join("about.html")).unwrap();
    for href in [
        "Q&amp;A.html",
        "Q&amp;A.html#sekcja",
        "100%25%20gotowe.html",
        "notatki%20(1).html#sekcja",
        "O&#x27;Brien.html",
        "plan+dnia.html",
        "sala%20%5BB%5D.html",
    ] {
        assert!(
            about.contains(&format!("href=\"{href}\"")),
            "{href} in {about}"
        );
    }
}

#[test]
fn a_name_windows_or_a_usb_stick_refuses_is_an_error_before_anything_is_built() {
    // Made here, not kept as a fixture: Windows could not check it out.
    let site = fixture_site("base");
    let c = site.0.join("content");
    fs::create_dir_all(c.join("pages/Moduł 1: Wstęp")).unwrap();
    fs::write(c.join("pages/Moduł 1: Wstęp/plan.md"), "# Plan\n").unwrap();
    fs::create_dir_all(c.join("images")).unwrap();
    fs::write(c.join("images/sala \"B\".png"), "png").unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("content/pages/Moduł 1: Wstęp: error: the name `Moduł 1: Wstęp` has `:`, which Windows and most USB sticks do not allow in a file name, so the built site could not be copied there"), "{stderr}");
    assert!(
        stderr.contains("content/images/sala \"B\".png: error: the name `sala \"B\".png` has `\"`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: rename it without `:`, `*`, `\"`, `<`, `>`, `|` and `\\`"),
        "{stderr}"
    );
    assert!(!site.0.join("public").exists());
}

/// Every file under `dir` with its bytes, to compare before and after.
fn files_in(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_name_windows_keeps_for_a_device_or_ending_in_a_dot_or_space_is_an_error() {
    // Made here, not kept as fixtures: Windows could not check them out.
    let site = fixture_site("base");
    let c = site.0.join("content");
    // Names like these are fine, and stay fine.
    fs::create_dir_all(c.join("images")).unwrap();
    for fine in [
        "console.png",
        "com10.png",
        "notes..png",
        "my con.png",
        "nul-notes.png",
    ] {
        fs::write(c.join("images").join(fine), "png").unwrap();
    }
    fs::write(c.join("pages/contact.md"), "# Contact\n").unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let public = site.0.join("public");
    let before = files_in(&public);

    fs::write(c.join("pages/con.md"), "# Con\n").unwrap();
    fs::create_dir_all(c.join("workshops/Aux")).unwrap();
    fs::write(c.join("workshops/Aux/workshop.yaml"), "title: x\n").unwrap();
    fs::write(c.join("images/Com1.png"), "png").unwrap();
    fs::write(c.join("images/nul.tar.gz"), "gz").unwrap();
    fs::write(c.join("images/plan."), "png").unwrap();
    fs::create_dir_all(c.join("pages/kurs ")).unwrap();
    fs::write(c.join("pages/kurs /intro.md"), "# Intro\n").unwrap();
    fs::write(c.join("pages/a\u{7}b.md"), "# Bell\n").unwrap();
    let long = format!("{}.md", "ą".repeat(126));
    fs::write(c.join("pages").join(&long), "# Long\n").unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for want in [
        "content/pages/con.md: error: the name `con.md` is `CON`, which Windows keeps for a device (in any capitals, with any extension), so the built site could not be copied there",
        "hint: rename it, for example `con-1.md`; Windows keeps CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9",
        "content/workshops/Aux: error: the name `Aux` is `AUX`",
        "content/images/Com1.png: error: the name `Com1.png` is `COM1`",
        "content/images/nul.tar.gz: error: the name `nul.tar.gz` is `NUL`",
        "content/images/plan.: error: the name `plan.` ends with a dot, which Windows and most USB sticks drop from the end of a name, so the built site could not be copied there",
        "hint: rename it without the `.` at the end; inside a name a dot is fine",
        "content/pages/kurs : error: the name `kurs ` ends with a space",
        "content/pages/a\u{fffd}b.md: error: the name `a\u{fffd}b.md` has an invisible control character (U+0007), which Windows and most USB sticks do not allow in a file name",
        "ą.md` is too long: as `ąąąąąąąąąąąąąąąąąąąąąąąąąąąąąą…ąąąąąąą.html` in the built site it takes 257 bytes, and Linux (most web servers) and macOS allow 255 in a name",
        "hint: shorten the name (a letter with an accent takes two bytes, most other letters one)",
    ] {
        assert!(stderr.contains(want), "{want}\nin\n{stderr}");
    }
    // One error for the folder, not one for each file in it.
    assert_eq!(stderr.matches("`kurs `").count(), 1, "{stderr}");
    assert!(
        stderr.ends_with("build failed; no file was changed: 8 errors\n"),
        "{stderr}"
    );
    assert_eq!(files_in(&public), before, "the previous output changed");
    // `check` finds the same, and writes nothing either.
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("content/pages/con.md: error:"));
    assert_eq!(files_in(&public), before);
}
