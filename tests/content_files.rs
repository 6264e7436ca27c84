//! The content folder's files as alsite finds them (their names: see
//! `file_names.rs`): an empty or unreadable folder, links out of
//! the site, a loop of links, a site.yaml that is a broken link, a named
//! pipe or a socket where a file belongs, a path too
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

/// A named pipe, a socket or a device where a file belongs (under
/// content/, or as site.yaml) is named for what it is: skipped, it left a
/// page or a layout file missing without a word (a pipe at
/// `method/ground-rules.yaml` was reported as a navigation link to no page;
/// at site.yaml, as "no site.yaml").
#[cfg(unix)]
#[test]
fn a_pipe_a_socket_or_a_device_where_a_file_belongs_is_named_so() {
    let site = fixture_site("base");
    let content = site.0.join("content");
    let pipe = std::ffi::CString::new(content.join("pages/notes.md").to_str().unwrap()).unwrap();
    // SAFETY: makes a named pipe at a path in the test's own folder.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
    let rules = content.join("method/ground-rules.yaml");
    fs::remove_file(&rules).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(&rules).unwrap();
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (file, what) in [
        ("content/pages/notes.md", "a named pipe"),
        ("content/method/ground-rules.yaml", "a socket"),
    ] {
        assert!(
            stderr.contains(&format!("{file}: error: this is not a file but {what}")),
            "{file}: {stderr}"
        );
    }
    assert!(!stderr.contains("navigation link"), "{stderr}");
    let config = site.0.join("site.yaml");
    fs::remove_file(&config).unwrap();
    std::os::unix::fs::symlink("/dev/null", &config).unwrap();
    let out = alsite(&["check"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("site.yaml: error: this is not a file but a device"),
        "{stderr}"
    );
}

/// The same among the strings (`i18n/`) and a theme's templates, which
/// were read as they were opened: a build waited for ever on a pipe.
#[cfg(unix)]
#[test]
fn a_pipe_among_the_strings_or_the_templates_is_named_not_waited_on() {
    let site = fixture_site("base");
    let mkfifo = |path: &Path| {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: makes a named pipe at a path in the test's own folder.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    };
    mkfifo(&site.0.join("i18n/en.yaml"));
    // The theme's own stylesheet as a pipe: the built-in one took its place.
    let theme = site.0.join("themes/mine/static");
    fs::create_dir_all(&theme).unwrap();
    mkfifo(&theme.join("style.css"));
    let yaml = fs::read_to_string(site.0.join("site.yaml")).unwrap();
    fs::write(site.0.join("site.yaml"), format!("{yaml}\ntheme: mine\n")).unwrap();
    mkfifo(&site.0.join("themes/mine/templates/page.html"));
    let _socket = std::os::unix::net::UnixListener::bind(site.0.join("i18n/checker.en.yaml"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_alsite"))
        .arg("build")
        .current_dir(&site.0)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the build waited on a pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (file, what) in [
        ("i18n/en.yaml", "a named pipe"),
        ("i18n/checker.en.yaml", "a socket"),
        ("themes/mine/templates/page.html", "a named pipe"),
    ] {
        assert!(
            stderr.contains(&format!("{file}: error: this is not a file but {what}")),
            "{file}: {stderr}"
        );
    }
    assert!(
        stderr.contains("themes/mine/static/style.css: error: cannot read this file: it is not a file but a pipe"),
        "{stderr}"
    );
}

/// A link in the theme's static/ folder to a file of the theme is
/// published as that file (it was left out).
#[cfg(unix)]
#[test]
fn a_link_in_the_theme_static_folder_is_published() {
    let site = fixture_site("base");
    let theme = site.0.join("themes/mine/static");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("extra.css"), "p { margin: 0 }").unwrap();
    std::os::unix::fs::symlink("extra.css", theme.join("more.css")).unwrap();
    let yaml = fs::read_to_string(site.0.join("site.yaml")).unwrap();
    fs::write(site.0.join("site.yaml"), format!("{yaml}\ntheme: mine\n")).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let css = fs::read_to_string(site.0.join("public/static/more.css")).unwrap();
    assert_eq!(css, "p { margin: 0 }");
}

/// A theme folder that is a link to one outside the site is refused: its
/// static/ files would be published.
#[cfg(unix)]
#[test]
fn a_theme_linked_from_outside_the_site_is_refused() {
    let site = fixture_site("base");
    let outside = TempDir::new("outside-theme");
    fs::create_dir_all(outside.path("static")).unwrap();
    fs::write(outside.path("static/notes.txt"), "SECRET").unwrap();
    fs::create_dir_all(site.0.join("themes")).unwrap();
    std::os::unix::fs::symlink(&outside.0, site.0.join("themes/mine")).unwrap();
    let yaml = fs::read_to_string(site.0.join("site.yaml")).unwrap();
    fs::write(site.0.join("site.yaml"), format!("{yaml}\ntheme: mine\n")).unwrap();
    let out = alsite(&["build"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: themes/mine is a link to a folder outside the site's folder"),
        "{stderr}"
    );
    assert!(!site.0.join("public/static/notes.txt").exists());
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

/// A shipped font that neither `font:` nor `heading_font:` names is a
/// warning, unless a style sheet of the site's own theme uses it.
#[test]
fn a_shipped_font_is_used_by_the_brand_or_the_theme_s_own_css() {
    let site = fixture_site("base");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/font-shipped-but-unused"),
        &site.0,
    );
    let warned = |site: &TempDir| {
        text(&alsite(&["check"], &site.0).stderr).contains("is shipped under `fonts:`")
    };
    assert!(warned(&site));
    fs::create_dir_all(site.0.join("themes/default/static")).unwrap();
    fs::write(
        site.0.join("themes/default/static/custom.css"),
        "h1 { font-family: \"Fixture Latin\"; }",
    )
    .unwrap();
    assert!(!warned(&site));
}
