//! The output folder is the trainer's: alsite refuses a folder where
//! building would cost them files (the site itself, its content, a folder
//! of theirs), marks a folder it built, and keeps what they put beside its
//! pages on purpose (a repository); a file edited by hand is put right.

mod common;

use common::{alsite, base_site, build_into, snapshot, text, TempDir};
use std::fs;

#[test]
fn refuses_every_output_folder_that_would_cost_the_trainer_files() {
    let site = base_site("refused");
    fs::create_dir_all(site.0.join("themes/mine/static")).unwrap();
    fs::write(site.0.join("themes/mine/static/x.css"), "mine").unwrap();
    let outside = TempDir::new("documents");
    fs::write(outside.0.join("letter.txt"), "my letter").unwrap();
    fs::write(outside.0.join("notes.md"), "my notes").unwrap();
    let a_file = outside.0.join("notes.md");
    let cases = [
        (".".to_string(), "contains the site itself"),
        ("~/site".to_string(), "begins with `~`"),
        ("~".to_string(), "begins with `~`"),
        ("..".to_string(), "contains the site itself"),
        (
            "content".to_string(),
            "inside the site's own files (content)",
        ),
        (
            "content/pages".to_string(),
            "inside the site's own files (content)",
        ),
        ("themes".to_string(), "inside the site's own files (themes)"),
        (
            "themes/mine".to_string(),
            "inside the site's own files (themes)",
        ),
        (
            outside.0.display().to_string(),
            "holds files that alsite did not make",
        ),
        (
            a_file.display().to_string(),
            "the output path is a file, not a folder",
        ),
    ];
    let before_site = snapshot(&site.0);
    let before_outside = snapshot(&outside.0);
    for (out_dir, why) in cases {
        let out = alsite(&["build", "--out", &out_dir], &site.0);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "--out {out_dir}: {stderr}");
        assert!(stderr.contains(why), "--out {out_dir}: {stderr}");
        assert!(stderr.contains("= hint: "), "--out {out_dir}: {stderr}");
        assert!(stderr.contains("no file was changed"), "{stderr}");
        assert_eq!(
            snapshot(&site.0),
            before_site,
            "--out {out_dir} touched the site"
        );
        assert_eq!(snapshot(&outside.0), before_outside, "--out {out_dir}");
    }
    // --force overrides only the last kind: a folder alsite did not make.
    let forced = alsite(&["build", "--force", "--out", "content"], &site.0);
    assert_eq!(forced.status.code(), Some(1));
    assert_eq!(snapshot(&site.0), before_site);
    let forced = alsite(
        &["build", "--force", "--out", outside.0.to_str().unwrap()],
        &site.0,
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(outside.0.join("index.html").is_file());
    assert!(!outside.0.join("letter.txt").exists());
}

#[test]
fn a_folder_alsite_built_carries_a_marker_and_is_replaced_next_time() {
    let site = base_site("marker");
    for _ in 0..2 {
        let out = alsite(&["build"], &site.0);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let marker = fs::read_to_string(site.0.join("public/.alsite-output")).unwrap();
        assert!(marker.contains("built by alsite"), "{marker}");
    }
    // An empty folder is fine too.
    let empty = TempDir::new("empty-out");
    let out = alsite(&["build", "--out", empty.0.to_str().unwrap()], &site.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A trainer who makes the output folder a repository (`git init` in
/// public/, to publish from it) keeps it: a rebuild never removes `.git`,
/// in whichever folder it is.
#[test]
fn a_repository_in_the_output_folder_survives_every_rebuild() {
    let tmp = base_site("repository");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let git = out.join(".git");
    fs::create_dir_all(git.join("objects/ab")).unwrap();
    fs::create_dir_all(git.join("refs/tags")).unwrap();
    fs::write(git.join("HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::write(git.join("objects/ab/cdef"), "history").unwrap();
    fs::create_dir_all(out.join("static/vendor")).unwrap();
    fs::write(
        out.join("static/vendor/.git"),
        "gitdir: ../../.git/modules/vendor\n",
    )
    .unwrap();
    fs::write(out.join("stray.html"), "left by hand").unwrap();
    let extra = tmp.path("content/pages/extra.md");
    fs::write(&extra, "---\ntitle: Extra\n---\n\nMore.\n").unwrap();
    // stray.html is not alsite's: it takes --force (the .git never goes).
    let report = alsite::build::build(&tmp.0, &out, true).expect("built");
    assert_eq!(report.removed, 1, "stray.html alone");
    fs::remove_file(&extra).unwrap();
    build_into(&tmp.0, &out);
    assert_eq!(
        fs::read_to_string(git.join("objects/ab/cdef")).unwrap(),
        "history"
    );
    assert!(git.join("HEAD").is_file());
    assert!(
        git.join("refs/tags").is_dir(),
        "a repository's empty folders stay"
    );
    assert!(out.join("static/vendor/.git").is_file());
    assert!(!out.join("extra.html").exists() && !out.join("stray.html").exists());
}

#[test]
fn a_file_changed_by_hand_in_the_output_is_written_again() {
    let tmp = base_site("by-hand");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    let good = fs::read(out.join("about.html")).unwrap();
    fs::write(out.join("about.html"), "edited by hand").unwrap();
    let report = build_into(&tmp.0, &out);
    assert_eq!(report.written, 1);
    assert_eq!(fs::read(out.join("about.html")).unwrap(), good);
}

/// An output folder that is a link to a folder not there yet (the web
/// server's, before it is made) is told so, and the link stays; it got "a
/// file stands where a folder is needed", which says nothing of the link.
#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_to_nothing_is_told_so() {
    let tmp = base_site("dangling-output");
    let served = TempDir::new("served-later");
    let www = served.path("html");
    let out = tmp.path("public");
    std::os::unix::fs::symlink(&www, &out).unwrap();
    let o = alsite(&["build", "--out", out.to_str().unwrap()], &tmp.0);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("is a link to"), "{err}");
    assert!(err.contains("which is not there"), "{err}");
    assert!(fs::symlink_metadata(&out).unwrap().is_symlink());
    assert!(!www.exists());
}

/// What the trainer wrote may be reached through links: `content/` itself
/// a link to a folder beside it, a link inside `content/`, a theme or a
/// strings file that is a link. No output folder may be, hold or sit inside
/// what a link leads to, not even with `--force`; it once replaced every
/// page of a linked `content/` with HTML.
#[cfg(unix)]
#[test]
fn the_output_folder_never_covers_what_the_site_reads_through_links() {
    use std::os::unix::fs::symlink;
    let site = base_site("linked-sources");
    let s = |p: &str| site.0.join(p);
    fs::rename(s("content"), s("src")).unwrap();
    symlink("src", s("content")).unwrap();
    fs::create_dir_all(s("library/handouts")).unwrap();
    fs::write(s("library/handouts/notes.pdf"), "my handout").unwrap();
    symlink("../../library/handouts", s("src/pages/handouts")).unwrap();
    fs::create_dir_all(s("my-theme/static")).unwrap();
    fs::write(s("my-theme/static/x.css"), "mine").unwrap();
    fs::create_dir_all(s("themes")).unwrap();
    symlink("../my-theme", s("themes/mine")).unwrap();
    fs::create_dir_all(s("words")).unwrap();
    fs::write(s("words/pl.yaml"), "search:\n  label: Szukaj\n").unwrap();
    fs::create_dir_all(s("i18n")).unwrap();
    symlink("../words/pl.yaml", s("i18n/pl.yaml")).unwrap();
    let first = alsite(&["build"], &site.0);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let before = snapshot(&site.0);
    let cases = [
        ("src", "inside the site's own files (content)"),
        ("src/out", "inside the site's own files (content)"),
        ("library", "content/pages/handouts is a link to"),
        (
            "library/handouts",
            "inside the site's own files (content/pages/handouts)",
        ),
        ("my-theme", "inside the site's own files (themes/mine)"),
        ("words", "i18n/pl.yaml is a link to"),
    ];
    for (out_dir, why) in cases {
        for force in [false, true] {
            let mut args = vec!["build", "--out", out_dir];
            if force {
                args.push("--force");
            }
            let out = alsite(&args, &site.0);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.contains(why), "{args:?}: {stderr}");
            assert_eq!(snapshot(&site.0), before, "{args:?} touched the site");
        }
    }
    let package = alsite(
        &["package", "--scorm", "2004", "--out", "src/course.zip"],
        &site.0,
    );
    assert_eq!(package.status.code(), Some(1), "{}", text(&package.stderr));
    assert!(text(&package.stderr).contains("among the site's own files (content)"));
    let package = alsite(
        &["package", "--scorm", "1.2", "--out", "~/course.zip"],
        &site.0,
    );
    assert_eq!(package.status.code(), Some(1), "{}", text(&package.stderr));
    assert!(text(&package.stderr).contains("begins with `~`"));
    assert_eq!(snapshot(&site.0), before);
}

/// The home folder is never an output folder, not even when it is empty
/// (a new user's) or holds alsite's marker: once built into, it was
/// "a folder alsite built", and --force then deleted what came into it.
#[test]
fn the_home_folder_is_refused_even_empty_or_marked_as_built() {
    let site = base_site("home-out");
    let home = TempDir::new("home");
    let build = |force: bool| {
        let mut args = vec!["build", "--out", home.0.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        std::process::Command::new(env!("CARGO_BIN_EXE_alsite"))
            .args(&args)
            .current_dir(&site.0)
            .env("HOME", &home.0)
            .env("USERPROFILE", &home.0)
            .output()
            .unwrap()
    };
    for force in [false, true] {
        let o = build(force);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains("your home folder"));
        assert_eq!(snapshot(&home.0), vec![], "the empty home stays empty");
    }
    fs::write(home.0.join(alsite::build::MARKER), "built").unwrap();
    fs::write(home.0.join("letter.txt"), "mine").unwrap();
    let o = build(true);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(home.0.join("letter.txt").is_file());
}

/// What a web server or a file manager puts into the output folder does not
/// stop a build and is not lost: hidden files and folders (a server's
/// `.htaccess` and `.well-known/`, GitHub Pages' `.nojekyll`, macOS's
/// `.DS_Store`) stay as they are, and what Windows leaves in a folder it
/// showed (`Thumbs.db`, `desktop.ini`) goes without a word.
#[test]
fn hidden_files_in_the_output_stay_and_windows_litter_goes() {
    let tmp = base_site("hidden-kept");
    let out = tmp.path("public");
    build_into(&tmp.0, &out);
    fs::write(out.join(".htaccess"), "ErrorDocument 404 /404.html\n").unwrap();
    fs::write(out.join(".nojekyll"), "").unwrap();
    fs::create_dir_all(out.join(".well-known")).unwrap();
    fs::write(out.join(".well-known/security.txt"), "Contact: x\n").unwrap();
    fs::write(out.join(".DS_Store"), "finder").unwrap();
    fs::write(out.join("Thumbs.db"), "thumbnails").unwrap();
    fs::write(out.join("desktop.ini"), "[.ShellClassInfo]").unwrap();
    let report = build_into(&tmp.0, &out);
    assert_eq!(report.removed, 2, "Thumbs.db and desktop.ini");
    for kept in [
        ".htaccess",
        ".nojekyll",
        ".well-known/security.txt",
        ".DS_Store",
    ] {
        assert!(out.join(kept).is_file(), "{kept} stays");
    }
    assert!(!out.join("Thumbs.db").exists() && !out.join("desktop.ini").exists());
}
