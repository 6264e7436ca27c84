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
    let mut zip = zip::ZipArchive::new(fs::File::open(site.path("c.zip")).unwrap()).unwrap();
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
