//! Input a trainer writes in a slightly different form than the README
//! shows, which alsite takes as they meant it (the mistakes it refuses are
//! error fixtures in tests/fixtures/, except those a fixture cannot hold).

mod common;

use common::{alsite, base_site, text};
use std::fs;

#[test]
fn a_page_named_in_capitals_with_spaces_after_its_dashes_is_a_page() {
    let site = base_site("upper-md");
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
    let site = base_site("regional");
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

#[test]
fn only_the_extension_of_a_layout_name_may_change_case() {
    let site = base_site("layout-case");
    let w = site.path("content/workshops/foundations");
    fs::rename(w.join("workshop.yaml"), w.join("Workshop.yaml")).unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("has modules but no workshop.yaml"),
        "{stderr}"
    );
}

#[test]
fn a_file_where_the_layout_has_a_folder_is_an_error_not_lost_sessions() {
    // A fixture cannot hold it: its base has the folder.
    let site = base_site("file-as-folder");
    fs::remove_dir_all(site.path("content/sessions")).unwrap();
    fs::write(site.path("content/sessions"), "rota-tool\n").unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/sessions: error: `sessions` is a file, but here the content layout reads a folder of that name\n  = hint: make `content/sessions/` a folder"),
        "{stderr}"
    );
    assert!(!site.path("public").exists());
}

#[test]
fn a_file_where_any_language_has_a_folder_is_an_error() {
    // Every folder the layout reads, under a folder named after any of the
    // site's languages (in any case) too: the file would be published under
    // the name where that language's pages go.
    let cases = [
        ("content/practice", "a folder of that name"),
        (
            "content/pl/practice",
            "a folder of that name, and only at `content/practice/`",
        ),
        (
            "content/PL/workshops",
            "a folder of that name, and only at `content/workshops/`",
        ),
        (
            "content/en/method",
            "a folder of that name, and only at `content/method/`",
        ),
        (
            "content/pl/workshops/foundations",
            "a workshop's folder, and only at `content/workshops/foundations/`",
        ),
    ];
    for (file, what) in cases {
        let site = base_site("file-as-folder");
        let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
        fs::write(site.path("site.yaml"), yaml + "languages: [en, pl]\n").unwrap();
        let _ = fs::remove_dir_all(site.path(file));
        fs::create_dir_all(site.path(file).parent().unwrap()).unwrap();
        fs::write(site.path(file), "x\n").unwrap();
        let out = alsite(&["build"], &site.0);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        let name = file.rsplit('/').next().unwrap();
        let line = format!("{file}: error: `{name}` is a file, but");
        assert!(
            stderr.contains(&format!("{line} here the content layout reads {what}\n"))
                || stderr.contains(&format!("{line} the content layout reads {what}\n")),
            "{stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error_not_a_copy() {
    use std::os::unix::ffi::OsStrExt;
    let site = base_site("not-utf8-name");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    fs::write(
        site.path("content/pages").join(name),
        "---\ntitle: Cafe\n---\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: this file's name is not valid text (UTF-8)"),
        "{stderr}"
    );
}

#[test]
fn an_optional_text_of_spaces_only_is_left_out_as_an_empty_one_is() {
    let site = base_site("blank-texts");
    fs::write(
        site.path("content/pages/about.md"),
        "---\ntitle: About\ndescription: \"   \"\nnav_title: \"  \"\n---\n\nText.\n",
    )
    .unwrap();
    fs::write(
        site.path("site.yaml"),
        "title: Fixture site\ndescription: The words of the site.\norganization:\n  name: Fixture Org\n  phone: \"  \"\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let about = fs::read_to_string(site.path("public/about.html")).unwrap();
    // No blank lede or description: the site's description stands in.
    assert!(!about.contains(r#"class="lede""#), "{about}");
    assert!(
        about.contains(r#"<meta name="description" content="The words of the site.">"#),
        "{about}"
    );
    // The navigation names the page by its title, not by blanks.
    assert!(
        about.contains(r#"href="about.html" aria-current="page">About</a>"#),
        "{about}"
    );
    // No phone line with an empty number.
    assert!(!about.contains("tel:"), "{about}");
}
