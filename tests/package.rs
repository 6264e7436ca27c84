//! `alsite package --scorm`: the real binary on the sample site and on
//! fixtures; the zip read back as an LMS reads it. (The manifest is checked
//! against the schema files in the zip in tests/package_schemas.rs.)

mod common;

use common::{alsite, copy_base, copy_tree, zip_entries, TempDir};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The sample site, copied so a test may add files beside it.
fn sample() -> TempDir {
    let dir = TempDir::new("package");
    copy_tree(&Path::new(REPO).join("content"), &dir.path("content"));
    fs::copy(Path::new(REPO).join("site.yaml"), dir.path("site.yaml")).unwrap();
    dir
}

fn attr_values<'a>(xml: &'a str, before: &str) -> Vec<&'a str> {
    xml.split(before)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn whole_site_in_scorm_12_lists_every_file_and_uses_no_2004_elements() {
    let site = sample();
    let out = alsite(
        &["package", "--scorm", "1.2", "--out", "course.zip"],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("wrote course.zip (SCORM 1.2): 1 SCO, "),
        "{said}"
    );
    assert!(
        !site.path("public").exists(),
        "the output folder is never touched"
    );

    let files = zip_entries(&site.path("course.zip"));
    assert_eq!(files[0].0, "imsmanifest.xml", "the manifest comes first");
    let xml = &files[0].1;
    assert!(xml.contains("<schemaversion>1.2</schemaversion>"));
    assert!(xml.contains("<title>Action Learning in Practice</title>"));
    assert!(xml.contains("adlcp:scormtype=\"sco\" href=\"lms/site.html\""));
    assert!(xml.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
    for v2004 in ["imsss", "adlseq", "adlnav", "scormType", "imscp_v1p1"] {
        assert!(!xml.contains(v2004), "a 1.2 manifest has no {v2004}");
    }
    let listed: BTreeSet<&str> = attr_values(xml, "<file href=\"").into_iter().collect();
    // The schema files at the root are SCORM's, not the course's.
    let zipped: BTreeSet<&str> = files[1..]
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !n.ends_with(".xsd"))
        .collect();
    assert_eq!(listed, zipped, "every file is listed, and only those");
    for page in [
        "index.html",
        "practice/coach-questions.html",
        "sessions/rota-tool.html",
        "static/progress.js",
        "static/lms.js",
    ] {
        assert!(zipped.contains(page), "{page} in the zip");
    }

    let launch = &files.iter().find(|(n, _)| n == "lms/site.html").unwrap().1;
    assert!(launch.contains("src=\"../index.html\""), "{launch}");
    assert!(launch.contains("src=\"../static/progress.js?v="));
    assert!(launch.contains("src=\"../static/lms.js?v="));
    assert!(launch.contains("\"version\":\"1.2\""));
    assert!(
        launch.contains("[\"alsite-practice:coach-questions\",9]"),
        "{launch}"
    );
    assert!(launch.contains("\"alsite-session:rota-tool\""));
    assert!(launch.contains("\"mastery\":80"));
}

#[test]
fn named_parts_in_scorm_2004_are_one_sco_each_grouped_by_kind() {
    let site = sample();
    let out = alsite(
        &[
            "package",
            "--scorm",
            "2004",
            "--out",
            "parts.zip",
            "content/workshops/intro-training",
            "content/practice/session-flow.yaml",
            "content/sessions",
            "content/practice/session-flow.yaml",
        ],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": 4 SCOs, "));
    let files = zip_entries(&site.path("parts.zip"));
    let xml = &files[0].1;
    assert!(xml.contains("<schemaversion>2004 4th Edition</schemaversion>"));
    let titles: Vec<&str> = xml
        .split("<title>")
        .skip(1)
        .map(|t| &t[..t.find('<').unwrap()])
        .collect();
    assert_eq!(
        titles,
        [
            "Action Learning in Practice",
            "Workshops",
            "Introduction to Action Learning",
            "Practice",
            "The flow of a session",
            "Demo sessions",
            "The rota tool nobody uses",
            "Onboarding that takes too long",
        ]
    );
    assert_eq!(
        attr_values(xml, "adlcp:scormType=\"sco\" href=\""),
        [
            "lms/workshop-intro-training.html",
            "lms/practice-session-flow.html",
            "lms/session-rota-tool.html",
            "lms/session-slow-onboarding.html",
        ]
    );
    // Items with practice carry the mastery score; a session's item has none.
    assert_eq!(
        xml.matches("<imsss:minNormalizedMeasure>0.80<").count(),
        2,
        "{xml}"
    );
    let workshop = &files
        .iter()
        .find(|(n, _)| n == "lms/workshop-intro-training.html")
        .unwrap()
        .1;
    assert!(workshop.contains("src=\"../workshops/intro-training/index.html\""));
}

#[test]
fn unknown_version_is_a_usage_error() {
    let site = sample();
    let out = alsite(&["package", "--scorm", "1.4"], &site.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value '1.4' for '--scorm <VERSION>'"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("[possible values: 1.2, 2004]"));
    let out = alsite(&["package"], &site.0);
    assert_eq!(out.status.code(), Some(2), "--scorm is required");
    // 1.3 is SCORM 2004's own version number.
    let out = alsite(&["package", "--scorm", "1.3"], &site.0);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.0.join("course-scorm2004.zip").is_file());
}

/// Run from one site's folder with `--root` naming another, a PATH both
/// have names the other site's file, not "outside the site folder".
#[test]
fn a_path_is_read_in_the_root_named_when_the_working_folder_has_it_too() {
    let here = sample();
    let other = sample();
    let set = other.path("content/practice/session-flow.yaml");
    let text = fs::read_to_string(&set).unwrap();
    fs::write(
        &set,
        text.replacen("The flow of a session", "The other site's flow", 1),
    )
    .unwrap();
    let root = other.0.to_str().unwrap();
    let out = alsite(
        &[
            "package",
            "--scorm",
            "1.2",
            "--root",
            root,
            "--out",
            "course.zip",
            "content/practice/session-flow.yaml",
        ],
        &here.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let zip = zip_entries(&here.path("course.zip"));
    let manifest = &zip.iter().find(|(n, _)| n == "imsmanifest.xml").unwrap().1;
    assert!(
        manifest.contains("<title>The other site&apos;s flow</title>"),
        "{manifest}"
    );
}

#[test]
fn paths_that_name_nothing_are_errors_and_leave_the_old_zip() {
    let site = sample();
    // An earlier package alsite made.
    let made = alsite(
        &["package", "--scorm", "2004", "--out", "course.zip"],
        &site.0,
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let earlier = fs::read(site.path("course.zip")).unwrap();
    let cases: [(&str, &str); 3] = [
        (
            "content/practise/x.yaml",
            "content/practise/x.yaml: error: names nothing: there is no such file or folder",
        ),
        (
            "content/pages",
            "content/pages: error: names no workshop, practice set or demo session",
        ),
        ("/", "/: error: is outside the site folder"),
    ];
    for (path, message) in cases {
        let out = alsite(
            &["package", "--scorm", "2004", "--out", "course.zip", path],
            &site.0,
        );
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        assert!(err.lines().any(|l| l == message), "{path}: {err}");
        assert!(err.contains("no package was written: 1 error"), "{err}");
    }
    assert_eq!(fs::read(site.path("course.zip")).unwrap(), earlier);
    fs::create_dir(site.path("packages")).unwrap();
    let out = alsite(
        &["package", "--scorm", "2004", "--out", "packages"],
        &site.0,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot write the package: that is a folder"),
        "{}",
        stderr(&out)
    );
    let leftovers: Vec<PathBuf> = fs::read_dir(&site.0)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("alsite-new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn content_errors_stop_the_package_as_they_stop_a_build() {
    let site = TempDir::new("package-bad");
    copy_base(&site.0);
    fs::write(
        site.path("content/practice/open-questions.yaml"),
        "title: [\n",
    )
    .unwrap();
    let out = alsite(&["package", "--scorm", "1.2"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/practice/open-questions.yaml:"),
        "{}",
        stderr(&out)
    );
    assert!(!site.path("course-scorm12.zip").exists());
}

#[test]
fn an_item_title_past_the_limit_is_named_where_it_is_written() {
    let site = TempDir::new("package-item-title");
    copy_base(&site.0);
    let set = site.path("content/practice/open-questions.yaml");
    let yaml = fs::read_to_string(&set).unwrap();
    let (first, rest) = yaml.split_once('\n').unwrap();
    assert!(first.starts_with("title:"), "{first}");
    fs::write(&set, format!("title: {}\n{rest}", "Ćwiczenie ".repeat(21))).unwrap();
    let out = alsite(
        &[
            "package",
            "--scorm",
            "2004",
            "content/practice/open-questions.yaml",
        ],
        &site.0,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Not site.yaml, whose title is short: the set's file, at its title.
    assert!(
        stderr(&out).contains(
            "content/practice/open-questions.yaml:1:8: error: the title “Ćwiczenie Ćwiczenie"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_package_past_the_manifest_limits_is_refused_with_the_reason() {
    let site = TempDir::new("package-limits");
    copy_base(&site.0);
    let long = "A very long course title ".repeat(10);
    fs::write(
        site.path("site.yaml"),
        format!("title: {long}\norganization:\n  name: Fixture Org\n"),
    )
    .unwrap();
    let out = alsite(&["package", "--scorm", "2004"], &site.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is 249 characters; SCORM allows 200 in a course or item title"),
        "{}",
        stderr(&out)
    );
    // The course and its one item share the site's title: said once.
    assert_eq!(
        stderr(&out).matches("is 249 characters").count(),
        1,
        "{}",
        stderr(&out)
    );

    // 1.2 keeps 4,096 characters of progress: 400 items cannot fit.
    fs::write(
        site.path("site.yaml"),
        "title: Big\norganization:\n  name: Fixture Org\n",
    )
    .unwrap();
    let item =
        "  - type: classify\n    question: Did you?\n    answer: closed\n    reason: Yes or no.\n";
    fs::write(
        site.path("content/practice/big.yaml"),
        format!("title: Big set\nitems:\n{}", item.repeat(400)),
    )
    .unwrap();
    let out = alsite(&["package", "--scorm", "1.2"], &site.0);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("“Big” tracks too much for SCORM 1.2: its progress needs at least"),
        "{err}"
    );
    assert!(err.contains("or use --scorm 2004"), "{err}");
    // Packaged alone, the set is named by its file, not by site.yaml.
    let out = alsite(
        &["package", "--scorm", "1.2", "content/practice/big.yaml"],
        &site.0,
    );
    assert!(
        stderr(&out).starts_with("content/practice/big.yaml: error: “Big set” tracks too much"),
        "{}",
        stderr(&out)
    );
    // The same course in 2004, or the set's neighbours alone in 1.2, is fine.
    assert!(alsite(&["package", "--scorm", "2004"], &site.0)
        .status
        .success());
    let out = alsite(
        &[
            "package",
            "--scorm",
            "1.2",
            "content/practice/open-questions.yaml",
        ],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_package_never_replaces_a_file_the_trainer_wrote() {
    let site = sample();
    fs::write(site.path("notes.txt"), "my notes").unwrap();
    // A zip of the trainer's own, and another tool's course.
    let zip_of = |name: &str, files: &[(&str, &str)]| {
        let mut zip = zip::ZipWriter::new(fs::File::create(site.path(name)).unwrap());
        for (file, text) in files {
            zip.start_file(*file, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    };
    zip_of("materials.zip", &[("photo.txt", "a photo")]);
    let other = r#"<?xml version="1.0"?><manifest identifier="com.example.course" version="1"/>"#;
    zip_of("other-tool.zip", &[("imsmanifest.xml", other)]);
    let not_made = |path: &str| {
        format!("{path}: error: a file that is not a package alsite made is already there")
    };
    let (notes, materials, other) = (
        not_made("notes.txt"),
        not_made("materials.zip"),
        not_made("other-tool.zip"),
    );
    let cases = [
        (
            "content/pages/about.md",
            "content/pages/about.md: error: the package would be written among the site's own files (content)",
        ),
        (
            "site.yaml",
            "site.yaml: error: the package would be written among the site's own files (site.yaml)",
        ),
        (
            "content/course.zip",
            "content/course.zip: error: the package would be written among the site's own files (content)",
        ),
        ("notes.txt", notes.as_str()),
        ("materials.zip", materials.as_str()),
        ("other-tool.zip", other.as_str()),
    ];
    for (path, message) in cases {
        let before = fs::read(site.path(path)).ok();
        let out = alsite(&["package", "--scorm", "1.2", "--out", path], &site.0);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        assert!(err.lines().any(|l| l == message), "{path}: {err}");
        assert_eq!(fs::read(site.path(path)).ok(), before, "{path} changed");
    }
    // An earlier package is replaced, as before.
    let out = alsite(
        &["package", "--scorm", "1.2", "--out", "course.zip"],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = alsite(
        &["package", "--scorm", "1.2", "--out", "course.zip"],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn outside_links_open_a_new_tab_in_the_package_only_with_words_in_the_pages_language() {
    let site = common::test_site("polish");
    copy_tree(&Path::new(REPO).join("tests/sites/two-languages"), &site.0);
    let yaml = fs::read_to_string(site.path("site.yaml")).unwrap();
    let yaml = yaml.replace(
        "  email: kontakt@pracownia.example\n",
        "  email: kontakt@pracownia.example\n  website: https://pracownia.example\n",
    );
    fs::write(site.path("site.yaml"), yaml).unwrap();
    let out = alsite(&["package", "--scorm", "1.2", "--out", "c.zip"], &site.0);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = zip_entries(&site.path("c.zip"));
    let page = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let opens = "href=\"https://pracownia.example\" target=\"_blank\" rel=\"noopener\">";
    for (name, words) in [
        ("index.html", "(otwiera się w nowej karcie)"),
        ("en/index.html", "(opens in a new tab)"),
    ] {
        assert!(page(name).contains(opens), "{name}: {}", page(name));
        assert!(
            page(name).contains(&format!(
                "<span class=\"visually-hidden\"> {words}</span></a>"
            )),
            "{name}"
        );
    }
    assert!(page("index.html").contains("href=\"mailto:kontakt@pracownia.example\">"));
    // The built site is a web site: its links open as links do.
    let (o, public) = common::build_site(&site);
    assert!(o.status.success(), "{}", stderr(&o));
    let built = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(
        built.contains("href=\"https://pracownia.example\">"),
        "{built}"
    );
    assert!(!built.contains("target=\"_blank\""));
}

/// The `<title>`s of a manifest, in order.
fn titles(xml: &str) -> Vec<&str> {
    xml.split("<title>")
        .skip(1)
        .map(|t| &t[..t.find('<').unwrap()])
        .collect()
}

#[test]
fn a_polish_course_shows_its_groups_in_polish_in_the_platform() {
    let site = common::test_site("polish");
    let out = alsite(
        &[
            "package",
            "--scorm",
            "1.2",
            "--out",
            "kurs.zip",
            "content/workshops/podstawy",
            "content/practice/pytania-otwarte.yaml",
            "content/sessions",
        ],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = zip_entries(&site.path("kurs.zip"));
    let xml = &files[0].1;
    let headings: Vec<&str> = titles(xml)
        .into_iter()
        .filter(|t| {
            [
                "Warsztaty",
                "Ćwiczenia",
                "Sesje pokazowe",
                "Workshops",
                "Practice",
                "Demo sessions",
            ]
            .contains(t)
        })
        .collect();
    assert_eq!(
        headings,
        ["Warsztaty", "Ćwiczenia", "Sesje pokazowe"],
        "{xml}"
    );
    // The identifiers stay the same in every language.
    assert!(xml.contains("identifier=\"ITEM-group-practice\""), "{xml}");
}

#[test]
fn packages_of_different_parts_are_different_courses_to_the_platform() {
    let site = sample();
    let identifier = |parts: &[&str]| {
        let mut args = vec!["package", "--scorm", "2004", "--out", "c.zip"];
        args.extend(parts);
        let out = alsite(&args, &site.0);
        assert!(out.status.success(), "{}", stderr(&out));
        let xml = zip_entries(&site.path("c.zip")).remove(0).1;
        attr_values(&xml, "<manifest identifier=\"")[0].to_string()
    };
    let whole = identifier(&[]);
    let workshop = identifier(&["content/workshops/intro-training"]);
    let set = identifier(&["content/practice/session-flow.yaml"]);
    let two = identifier(&[
        "content/practice/session-flow.yaml",
        "content/sessions/rota-tool.yaml",
    ]);
    let two_again = identifier(&[
        "content/sessions/rota-tool.yaml",
        "content/practice/session-flow.yaml",
    ]);
    // A title of plain letters, as earlier versions wrote it: a course
    // packaged again after an upgrade replaces its earlier upload.
    assert_eq!(whole, "alsite-action-learning-in-practice");
    assert_eq!(workshop, format!("{whole}-workshop-intro-training"));
    assert_eq!(set, format!("{whole}-practice-session-flow"));
    assert!(two.starts_with(&format!("{whole}-2-parts-")), "{two}");
    assert_eq!(
        two, two_again,
        "the same parts, named in another order, are the same course"
    );
    let all = BTreeSet::from([&whole, &workshop, &set, &two]);
    assert_eq!(all.len(), 4, "{all:?}");
    assert_eq!(
        identifier(&["content/workshops/intro-training"]),
        workshop,
        "made again: the same course"
    );
}

#[test]
fn a_translations_file_is_not_a_part_of_its_own_and_the_error_names_the_original() {
    let site = common::test_site("polish");
    copy_tree(&Path::new(REPO).join("tests/sites/two-languages"), &site.0);
    let path = "content/practice/pytania-otwarte.en.yaml";
    let out = alsite(
        &["package", "--scorm", "2004", "--out", "c.zip", path],
        &site.0,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let want = format!("{path}: error: this file is the `en` translation of content/practice/pytania-otwarte.yaml: a package's items open the default language's (`pl`) pages");
    assert!(err.lines().any(|l| l == want), "{err}");
    assert!(
        err.contains("= hint: name content/practice/pytania-otwarte.yaml instead"),
        "{err}"
    );
    assert!(!site.path("c.zip").exists());
    let original = "content/practice/pytania-otwarte.yaml";
    let out = alsite(
        &["package", "--scorm", "2004", "--out", "c.zip", original],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}
