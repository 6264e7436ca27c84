//! The names `alsite package` gives: the manifest's identifier, one per
//! course title, and the files it adds (the manifest, the launch pages, the
//! schema files), which must not meet a file of the site's, not even in
//! other capitals, as they would in the zip or on a learner's disk.

mod common;

use common::{alsite, copy_base, TempDir};
use std::fs;
use std::io::Read;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The fixture site with `title`, packaged in `version`: its manifest.
fn manifest_of(title: &str, version: &str) -> String {
    let site = TempDir::new("package-names");
    copy_base(&site.0);
    let yaml = format!("title: \"{title}\"\norganization:\n  name: Fixture Org\n");
    fs::write(site.path("site.yaml"), yaml).unwrap();
    let out = alsite(&["package", "--scorm", version, "--out", "c.zip"], &site.0);
    assert!(out.status.success(), "{}", stderr(&out));
    manifest_in(&site.path("c.zip"))
}

/// The manifest of the package at `zip`.
fn manifest_in(zip: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(zip).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("imsmanifest.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn identifier(xml: &str) -> String {
    let at = xml.find("<manifest identifier=\"").unwrap() + 22;
    xml[at..at + xml[at..].find('"').unwrap()].to_string()
}

#[test]
fn every_course_title_makes_its_own_identifier_in_plain_letters() {
    let long = "Szkolenie z Action Learning dla trenerów wewnętrznych w dużej organizacji, moduł";
    let titles = [
        format!("{long} 1"),
        format!("{long} 2"),
        "Учимся в действии".to_string(),
        "Учимся в бездействии".to_string(),
    ];
    let ids: Vec<String> = titles
        .iter()
        .map(|t| identifier(&manifest_of(t, "2004")))
        .collect();
    let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(
        distinct.len(),
        4,
        "different courses, different identifiers: {ids:?}"
    );
    assert!(
        ids[0].starts_with("alsite-szkolenie-z-action-learning-dla-trenerow-wewnetrznych-"),
        "readable: {}",
        ids[0]
    );
    for id in &ids {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !id.contains("--"),
            "{id}"
        );
    }
    assert_eq!(
        identifier(&manifest_of(&titles[2], "1.2")),
        ids[2],
        "the same title, the same course, in either edition"
    );
}

/// `alsite package` of the fixture site with `file` added (path from the
/// site folder), over an earlier package: the error, which leaves that
/// package as it was.
fn refused(file: &str, version: &str) -> String {
    let site = TempDir::new("package-clash");
    copy_base(&site.0);
    let out = alsite(&["package", "--scorm", version, "--out", "c.zip"], &site.0);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = fs::read(site.path("c.zip")).unwrap();
    let path = site.path(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let body = match file.ends_with(".md") {
        true => "# A page\n\nText.\n",
        false => "not the package's own",
    };
    fs::write(&path, body).unwrap();
    let out = alsite(&["package", "--scorm", version, "--out", "c.zip"], &site.0);
    assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
    assert_eq!(
        fs::read(site.path("c.zip")).unwrap(),
        before,
        "{file}: the earlier package untouched"
    );
    let err = stderr(&out);
    assert!(err.ends_with("no package was written: 1 error\n"), "{err}");
    assert!(
        !err.contains("Duplicate") && !err.contains("disk has room"),
        "{err}"
    );
    err
}

const LAUNCH_HINT: &str = "  = hint: rename the file or its folder: the package keeps the folder `lms/` for the launch pages of its items";
const TOP_HINT: &str = "  = hint: rename the file, or move it into a folder: the top of the package holds SCORM's own files";

#[test]
fn a_page_where_a_launch_page_goes_is_refused_naming_the_page() {
    let err = refused("content/pages/lms/site.md", "1.2");
    let want = "content/pages/lms/site.md: error: this file would be `lms/site.html` in the package, where the package puts the launch page of “Fixture site”";
    assert!(err.lines().any(|l| l == want), "{err}");
    assert!(err.lines().any(|l| l == LAUNCH_HINT), "{err}");
}

#[test]
fn a_page_whose_name_differs_from_a_launch_pages_only_in_capitals_is_refused() {
    let err = refused("content/pages/LMS/Site.md", "2004");
    let want = "content/pages/LMS/Site.md: error: this file would be `LMS/Site.html` in the package, and the package puts the launch page of “Fixture site” at `lms/site.html`: the same name but for capitals, which Windows and macOS take for one file, so unzipped there one would replace the other";
    assert!(err.lines().any(|l| l == want), "{err}");
}

#[test]
fn a_copied_file_named_as_the_manifest_in_any_capitals_is_refused() {
    for file in ["content/imsmanifest.xml", "content/IMSManifest.XML"] {
        let err = refused(file, "1.2");
        let name = file.trim_start_matches("content/");
        let start = format!("{file}: error: this file would be `{name}` in the package, ");
        assert!(err.starts_with(&start), "{err}");
        assert!(
            err.contains("SCORM's manifest, which says what the package holds"),
            "{err}"
        );
        assert!(err.lines().any(|l| l == TOP_HINT), "{err}");
    }
}

#[test]
fn a_file_where_the_package_needs_a_folder_and_a_folder_where_it_puts_a_file_are_refused() {
    let err = refused("content/lms", "1.2");
    let want = "content/lms: error: this file would be `lms` in the package, where the package needs the folder `lms/` for the launch page of “Fixture site” (`lms/site.html`)";
    assert!(err.lines().any(|l| l == want), "{err}");
    let err = refused("content/imsmanifest.xml/notes.txt", "2004");
    let want = "content/imsmanifest.xml/notes.txt: error: this file is in the folder `imsmanifest.xml` in the package, where the package puts SCORM's manifest, which says what the package holds";
    assert!(err.lines().any(|l| l == want), "{err}");
}

#[test]
fn a_file_named_as_a_schema_file_in_other_capitals_is_refused() {
    let err = refused("content/XML.xsd", "2004");
    let want = "content/XML.xsd: error: this file would be `XML.xsd` in the package, and the package puts SCORM 2004's own schema file at `xml.xsd`: the same name but for capitals, which Windows and macOS take for one file, so unzipped there one would replace the other";
    assert!(err.lines().any(|l| l == want), "{err}");
}

/// The course's title as a platform's catalogue shows it: a package of one
/// workshop (or set, or session) is that part, not the whole site; one of
/// several parts, or the whole site, is the site.
#[test]
fn a_package_of_one_part_is_titled_after_it() {
    let site = TempDir::new("one-part");
    copy_base(&site.0);
    let course_title = |args: &[&str]| {
        let mut all = vec!["package", "--scorm", "1.2", "--out", "c.zip"];
        all.extend_from_slice(args);
        let out = alsite(&all, &site.0);
        assert!(out.status.success(), "{}", stderr(&out));
        let xml = manifest_in(&site.path("c.zip"));
        let at = xml.find("<organization identifier=\"ORG\">").unwrap();
        let from = at + xml[at..].find("<title>").unwrap() + 7;
        (
            xml[from..from + xml[from..].find("</title>").unwrap()].to_string(),
            identifier(&xml),
        )
    };
    let (workshop, id) = course_title(&["content/workshops/foundations"]);
    assert_eq!(workshop, "Foundations of Action Learning");
    assert!(id.ends_with("-workshop-foundations"), "{id}");
    let site_title = fs::read_to_string(site.path("site.yaml")).unwrap();
    let site_title = site_title
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("title: ");
    let (two, _) = course_title(&[
        "content/workshops/foundations",
        "content/practice/open-questions.yaml",
    ]);
    assert_eq!(two, site_title.trim_matches('"'));
    let (whole, _) = course_title(&[]);
    assert_eq!(whole, two);
}

/// A launch page opened in a window of its own (some platforms do) shows
/// the site's icon from the zip, and asks no server for `/favicon.ico`.
#[test]
fn a_launch_page_names_the_sites_icon_inside_the_package() {
    let site = TempDir::new("launch-icon");
    copy_base(&site.0);
    let out = alsite(
        &[
            "package",
            "--scorm",
            "2004",
            "--out",
            "c.zip",
            "content/workshops/foundations",
        ],
        &site.0,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut zip = zip::ZipArchive::new(fs::File::open(site.path("c.zip")).unwrap()).unwrap();
    let launch = zip
        .file_names()
        .find(|n| n.starts_with("lms/") && n.ends_with(".html"))
        .unwrap()
        .to_string();
    let mut page = String::new();
    zip.by_name(&launch)
        .unwrap()
        .read_to_string(&mut page)
        .unwrap();
    let at = page
        .find("<link rel=\"icon\" href=\"")
        .expect("an icon link")
        + 23;
    let href = &page[at..at + page[at..].find('"').unwrap()];
    let file = href.split('?').next().unwrap().strip_prefix("../").unwrap();
    assert!(zip.by_name(file).is_ok(), "{href} is in the zip");
}
