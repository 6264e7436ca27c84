//! The content folder's files as alsite finds them: names in any language
//! and with a byte-order mark, an empty or unreadable folder, links out of
//! the site, a loop of links, a site.yaml that is a broken link, a path too
//! long for the system, a mistyped command or site folder, and a broken link
//! that many pages share.

mod common;

use common::{alsite, copy_base, copy_tree, text, TempDir};
use std::fs;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

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

#[test]
fn an_empty_or_unreadable_content_folder_is_an_error_not_silence() {
    let site = fixture_site("base");
    let content = site.0.join("content");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("../../nowhere/gone.md", content.join("pages/gone.md")).unwrap();
        let out = alsite(&["build"], &site.0);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains(
            "content/pages/gone.md: error: cannot read this file or folder: it is a link to a file or folder that does not exist"
        ), "{}", text(&out.stderr));
    }
    fs::remove_dir_all(&content).unwrap();
    fs::create_dir(&content).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("content: error: the content/ folder is empty"),
        "{}",
        text(&out.stderr)
    );
    assert!(!site.0.join("public").exists());
}

/// A site.yaml that is a link to nothing (a moved file, a loop of links)
/// is named so: "no site.yaml" would send the trainer looking for a file
/// that is plainly there.
#[cfg(unix)]
#[test]
fn a_site_yaml_link_that_leads_nowhere_is_named_as_a_link() {
    let site = fixture_site("base");
    let config = site.0.join("site.yaml");
    fs::remove_file(&config).unwrap();
    std::os::unix::fs::symlink("../elsewhere/site.yaml", &config).unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "site.yaml: error: cannot read site.yaml: it is a link to a file that does not exist"
        ),
        "{stderr}"
    );
    fs::remove_file(&config).unwrap();
    std::os::unix::fs::symlink("site.yaml", &config).unwrap();
    let out = alsite(&["check"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("site.yaml: error: cannot read site.yaml: a link points back into itself (a loop of links)"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_in_content_that_leads_out_of_the_site_is_refused_not_published() {
    let site = fixture_site("base");
    let secret = TempDir::new("outside");
    fs::write(secret.path("id_rsa"), "PRIVATE KEY").unwrap();
    let content = site.0.join("content");
    // A link within the site's folder is content like any other.
    fs::create_dir_all(site.0.join("common")).unwrap();
    fs::write(
        site.0.join("common/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::os::unix::fs::symlink("../../common", content.join("pages/common")).unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(site.0.join("public/pages/common/logo.svg").is_file());
    // A file and a folder linked from outside it.
    std::os::unix::fs::symlink(secret.path("id_rsa"), content.join("key.txt")).unwrap();
    std::os::unix::fs::symlink(&secret.0, content.join("pages/home")).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for link in ["content/key.txt", "content/pages/home"] {
        assert!(
            err.contains(&format!("{link}: error: this is a link to "))
                && err.contains("outside the site's folder"),
            "{link}: {err}"
        );
    }
    assert!(!site.0.join("public/key.txt").exists());
}

#[test]
fn a_loop_of_links_or_a_path_too_long_for_the_system_is_named_in_plain_words() {
    let site = fixture_site("base");
    let content = site.0.join("content");
    fs::create_dir_all(content.join("images")).unwrap();
    std::os::unix::fs::symlink("..", content.join("images/loop")).unwrap();
    // Two links to each other, as a file moved back and forth leaves them.
    std::os::unix::fs::symlink("b.md", content.join("pages/a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", content.join("pages/b.md")).unwrap();
    // Folders nested past the system's limit on a path (4,096 bytes on
    // Linux), made one step at a time as a file manager would.
    let made = std::process::Command::new("bash")
        .arg("-c")
        .arg("cd content/pages && for i in $(seq 1 180); do mkdir folder-with-a-long-name-$i && cd folder-with-a-long-name-$i || exit 1; done; echo x > note.txt")
        .current_dir(&site.0)
        .status()
        .unwrap();
    assert!(made.success());
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("content/images/loop: error: cannot read this file or folder: a link leads back into a folder that holds it (a loop of links)"),
        "{err}"
    );
    assert!(
        err.contains("content/pages/a.md: error: cannot read this file or folder: a link points back into itself (a loop of links)\n  = hint: replace the link with the file itself, or point it at a file that is not a link"),
        "{err}"
    );
    assert!(
        err.contains("error: cannot read this file or folder: its name, or the path of folders leading to it, is too long for this system"),
        "{err}"
    );
    for programmer_words in ["os error", "IO error", "File name too long"] {
        assert!(!err.contains(programmer_words), "{err}");
    }
    // The deep folder goes away with the site (remove_dir_all copes with it).
}

#[test]
fn a_mistyped_command_or_site_folder_gets_a_plain_answer() {
    let dir = TempDir::new("mistyped");
    let out = alsite(&["bulid"], &dir.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a similar subcommand exists: 'build'"),
        "{}",
        text(&out.stderr)
    );
    for command in ["build", "check", "serve"] {
        let out = alsite(&[command, "--root", "no-such-site"], &dir.0);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("no-such-site: error: the site folder no-such-site does not exist"),
            "{command}: {err}"
        );
        assert!(
            !err.contains("no content/ folder"),
            "{command}: one error, not a second about content/: {err}"
        );
    }
}

#[test]
fn a_broken_link_many_pages_share_is_one_error_at_the_line_that_wrote_it() {
    let site = TempDir::new("shared-link");
    copy_tree(&Path::new(REPO).join("content"), &site.path("content"));
    let yaml = fs::read_to_string(Path::new(REPO).join("site.yaml")).unwrap();
    fs::write(
        site.path("site.yaml"),
        yaml.replacen("link: ground-rules.html", "link: ground-rules.html#nope", 1),
    )
    .unwrap();
    let offers = site.path("content/offers.yaml");
    let yaml = fs::read_to_string(&offers).unwrap();
    fs::write(
        &offers,
        yaml.replacen(
            "link: workshops/intro-training/index.html",
            "link: workshops/nope/index.html",
            1,
        ),
    )
    .unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 2, "{err}");
    // The navigation's link, on every page: one error, at its line in site.yaml.
    assert!(
        errors.iter().any(|l| l.starts_with("site.yaml:")
            && l.contains("no element with id `nope`")
            && l.contains("more pages)")),
        "{err}"
    );
    // An offer's link, on the offers page and the home page's cards: at its line in offers.yaml.
    assert!(
        errors
            .iter()
            .any(|l| l.starts_with("content/offers.yaml:") && l.ends_with("(and on 1 more page)")),
        "{err}"
    );
}

/// Raw HTML in a page is read as a browser reads it: an id in single quotes,
/// without quotes or in capitals is an anchor a link may lead to, and a link
/// written so is checked like any other. A commented-out link is not.
#[test]
fn raw_html_ids_and_links_count_however_they_are_quoted() {
    let site = fixture_site("raw-html");
    let page = site.0.join("content/pages/about.md");
    let html = "---\ntitle: About\n---\n\n\
        <div id='goals'>Goals</div>\n\n<DIV ID=steps>Steps</DIV>\n\n\
        <p Id = \"notes\" title='a > b'>Notes</p>\n\n\
        <!-- <a href=\"draft.html\">a draft</a> -->\n\n\
        See [the goals](#goals), [the steps](#steps) and [the notes](#notes).\n";
    fs::write(&page, html).unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let broken = format!("{html}\n<a href='nowhere.html'>Gone</a> and <A HREF=#none>none</A>\n");
    fs::write(&page, broken).unwrap();
    let out = alsite(&["check"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("link `nowhere.html` on page about.html leads to `nowhere.html`, which the site does not have"),
        "{err}"
    );
    assert!(
        err.contains("link `#none` on page about.html: about.html has no element with id `none`"),
        "{err}"
    );
    assert!(!err.contains("draft.html"), "{err}");
}

/// Every id on a page: one a heading's text makes, one the author gives and
/// one the theme's templates write (the home page's contact block, a
/// site's own template) are each there once.
#[test]
fn no_page_has_an_id_twice_whoever_named_it() {
    let site = fixture_site("ids-once");
    fs::write(
        site.0.join("site.yaml"),
        "title: Fixture site\norganization:\n  name: Fixture Org\n  email: hello@example.org\n",
    )
    .unwrap();
    let home = fs::read_to_string(site.0.join("content/index.md")).unwrap();
    fs::write(
        site.0.join("content/index.md"),
        format!("{home}\n## Contact\n\nWrite to us.\n"),
    )
    .unwrap();
    fs::write(
        site.0.join("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Goals\n\nText.\n\n## Our aims {#goals}\n\nMore.\n\n\
         ## Banner\n\nSee [the aims](#goals) and [the first](#goals-2).\n",
    )
    .unwrap();
    // A site's own template that writes an id of its own.
    let templates = site.0.join("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    let base = std::fs::read_to_string(Path::new(REPO).join("themes/default/templates/page.html"))
        .unwrap();
    fs::write(
        templates.join("page.html"),
        base.replacen(
            "{% block main %}",
            "{% block main %}<div id=\"banner\"></div>",
            1,
        ),
    )
    .unwrap();
    let out = site.path("public");
    let built = alsite(&["build", "--out", out.to_str().unwrap()], &site.0);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));

    let ids_of = |page: &str| -> Vec<String> {
        let html = fs::read_to_string(out.join(page)).unwrap();
        html.split(" id=\"")
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].to_string())
            .collect()
    };
    for page in ["index.html", "about.html"] {
        let mut ids = ids_of(page);
        let all = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all, "{page} has an id twice: {:?}", ids_of(page));
    }
    let home = ids_of("index.html");
    assert!(
        home.contains(&"contact".into()) && home.contains(&"contact-2".into()),
        "{home:?}"
    );
    let about = ids_of("about.html");
    // The id given is the one given; the heading made first steps aside.
    let about_html = fs::read_to_string(out.join("about.html")).unwrap();
    assert!(
        about_html.contains(r#"<h2 id="goals">Our aims</h2>"#),
        "{about:?}"
    );
    assert!(
        about_html.contains(r#"<h2 id="goals-2">Goals</h2>"#),
        "{about:?}"
    );
    assert!(
        about.contains(&"banner".into()) && about.contains(&"banner-2".into()),
        "{about:?}"
    );

    // An id the author gives that the theme writes too is an error.
    let offers = "title: Work with us\noffers:\n  - id: contact\n    title: Open course\n    action:\n      label: Ask\n      email_subject: Open course\n";
    fs::write(site.0.join("content/offers.yaml"), offers).unwrap();
    let checked = alsite(&["check"], &site.0);
    assert_eq!(checked.status.code(), Some(1));
    let err = text(&checked.stderr);
    assert!(err.contains("content/offers.yaml:3:9: error: the id `contact` is one the theme gives an element of its own on this page"), "{err}");
    // The hint names the theme's ids on the pages the offer shows on.
    assert!(
        err.contains("contact-title") && !err.contains("banner"),
        "{err}"
    );
    // On a free page, where the theme writes no `contact`, it is the author's.
    fs::remove_file(site.0.join("content/offers.yaml")).unwrap();
    fs::write(
        site.0.join("content/pages/about.md"),
        "---\ntitle: About\n---\n\n## Write to us {#contact}\n\n## Banner {#banner}\n",
    )
    .unwrap();
    let checked = alsite(&["check"], &site.0);
    let err = text(&checked.stderr);
    assert!(
        err.contains("content/pages/about.md:7:11: error: the id `banner` is one the theme gives"),
        "{err}"
    );
    assert!(!err.contains("`contact`"), "{err}");
}

/// A site without `content/index.md` is told so, once, not given a broken
/// link to `index.html` on every page.
#[test]
fn a_site_without_a_home_page_is_told_to_add_one() {
    let site = fixture_site("no-home");
    fs::remove_file(site.0.join("content/index.md")).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "content/index.md: error: the site has no home page: content/index.md is missing"
        ),
        "{err}"
    );
    assert!(err.contains("hint: add content/index.md"), "{err}");
    assert!(!err.contains("leads to `index.html`"), "{err}");
    assert!(!site.0.join("public").exists());
}

#[test]
fn a_workshop_module_named_with_an_ampersand_builds_and_its_guide_links_to_it() {
    let site = fixture_site("base");
    let w = site.0.join("content/workshops/foundations");
    // The guide and the handout list the modules by their names: `Q&A`
    // is written `Q&amp;A` in both the id and the link to it.
    fs::copy(w.join("what-is-action-learning.md"), w.join("Q&A.md")).unwrap();
    fs::write(
        w.join("workshop.yaml"),
        "title: Foundations\naudience: Coaches\ndays:\n  - start: \"09:00\"\n    items:\n      - module: what-is-action-learning\n      - module: Q&A\n",
    )
    .unwrap();
    let out = alsite(&["build"], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let guide =
        fs::read_to_string(site.path("public/workshops/foundations/facilitator.html")).unwrap();
    assert!(
        guide.contains("href=\"#Q&amp;A\"") && guide.contains("id=\"Q&amp;A\""),
        "{guide}"
    );
}
