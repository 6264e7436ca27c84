//! The schema files a package's manifest names are in the zip, and the
//! manifest validates against those very files (xmllint, as the ADL test
//! suite and platforms that check do): a file the manifest or a schema
//! imports, includes or declares that is missing from the zip fails.

mod common;

use common::{alsite, TempDir};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const REPO: &str = env!("CARGO_MANIFEST_DIR");
const PARTS: [&str; 3] = [
    "content/workshops",
    "content/practice/session-flow.yaml",
    "content/sessions",
];

/// `alsite package` of the sample site, unzipped into `work/<name>/`.
fn unpacked(work: &TempDir, version: &str, parts: &[&str], name: &str) -> PathBuf {
    unpacked_from(work, REPO, version, parts, name)
}

/// `alsite package` of the site at `root`, unzipped into `work/<name>/`.
fn unpacked_from(work: &TempDir, root: &str, version: &str, parts: &[&str], name: &str) -> PathBuf {
    let zip = work.path(&format!("{name}.zip"));
    let mut args = vec!["package", "--root", root, "--scorm", version, "--out"];
    args.push(zip.to_str().unwrap());
    args.extend(parts);
    let out = alsite(&args, &work.0);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = work.path(name);
    let mut archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let path = dir.join(entry.name());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// The (namespace, file) pairs of the manifest's `xsi:schemaLocation`.
fn schema_locations(manifest: &str) -> Vec<(String, String)> {
    let start = manifest
        .find("xsi:schemaLocation=\"")
        .expect("a schemaLocation")
        + 20;
    let value = &manifest[start..start + manifest[start..].find('"').unwrap()];
    let words: Vec<&str> = value.split_whitespace().collect();
    assert_eq!(words.len() % 2, 0, "pairs of namespace and file: {value}");
    words
        .chunks(2)
        .map(|p| (p[0].to_string(), p[1].to_string()))
        .collect()
}

/// xmllint's verdict, `Ok` only when it says nothing but "validates": a
/// schema it could not load is a warning, and counts as a failure here.
fn xmllint(args: &[&str], file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(file)
        .output()
        .expect("xmllint runs (tests/run installs libxml2-utils)");
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let rest = without_known_notice(&said);
    let quiet = rest.is_empty() || rest == format!("{} validates", file.display());
    match out.status.success() && quiet {
        true => Ok(()),
        false => Err(said),
    }
}

/// SCORM 1.2's `ims_xml.xsd` (as ADL published it, and as it must be
/// shipped) binds the xml namespace as its default, which libxml2 notes and
/// then reads the file all the same: that notice (the line, the source line,
/// the caret) is the one thing xmllint may say besides "validates".
fn without_known_notice(said: &str) -> String {
    let lines: Vec<&str> = said.lines().collect();
    let notice =
        "ims_xml.xsd:1: namespace error : xml namespace URI cannot be the default namespace";
    match lines.iter().position(|l| l.ends_with(notice)) {
        Some(at) => [&lines[..at], &lines[(at + 3).min(lines.len())..]]
            .concat()
            .join("\n"),
        None => said.to_string(),
    }
}

/// Validates the package in `dir` against the schema files inside it.
fn validate(dir: &Path) -> Result<(), String> {
    let manifest = dir.join("imsmanifest.xml");
    let imports: Vec<String> = schema_locations(&fs::read_to_string(&manifest).unwrap())
        .into_iter()
        .map(|(namespace, file)| {
            let at = dir.join(&file);
            match at.is_file() {
                true => Ok(format!(
                    "<xs:import namespace=\"{namespace}\" schemaLocation=\"{}\"/>",
                    at.display()
                )),
                false => Err(format!(
                    "{file} is named by the manifest but not in the package"
                )),
            }
        })
        .collect::<Result<_, _>>()?;
    // xmllint takes one schema: one that imports each the manifest names.
    let wrapper = dir.with_extension("wrapper.xsd");
    fs::write(
        &wrapper,
        format!("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:test:all\">{}</xs:schema>", imports.concat()),
    )
    .unwrap();
    xmllint(&["--schema", wrapper.to_str().unwrap()], &manifest)?;
    // A schema that declares a DTD (xml.xsd) must find it, and the DTDs theirs.
    for file in schema_files(dir) {
        if fs::read_to_string(&file).unwrap().contains("<!DOCTYPE") {
            xmllint(&["--valid"], &file)?;
        }
    }
    Ok(())
}

/// The schema files at the package's root.
fn schema_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xsd" || x == "dtd"))
        .collect();
    files.sort();
    files
}

fn names(files: &[PathBuf]) -> Vec<String> {
    let name = |p: &PathBuf| p.file_name().unwrap().to_string_lossy().into_owned();
    files.iter().map(name).collect()
}

#[test]
fn every_manifest_validates_against_the_schemas_in_its_own_zip() {
    let work = TempDir::new("schemas");
    for version in ["1.2", "2004"] {
        for (name, parts) in [("whole", &[][..]), ("parts", &PARTS[..])] {
            let dir = unpacked(&work, version, parts, &format!("{name}-{version}"));
            assert_eq!(validate(&dir), Ok(()), "SCORM {version}, {name} site");
        }
    }
}

#[test]
fn a_course_titled_in_another_alphabet_has_an_identifier_the_schemas_take() {
    let work = TempDir::new("schemas-title");
    let site = work.path("site");
    common::copy_base(&site);
    let yaml = "title: Учимся в действии\norganization:\n  name: Fixture Org\n";
    fs::write(site.join("site.yaml"), yaml).unwrap();
    let practice = ["content/practice/open-questions.yaml"];
    for version in ["1.2", "2004"] {
        for (name, parts) in [("whole", &[][..]), ("parts", &practice[..])] {
            let name = format!("{name}-{version}");
            let dir = unpacked_from(&work, site.to_str().unwrap(), version, parts, &name);
            assert_eq!(validate(&dir), Ok(()), "SCORM {version}, {name}");
        }
    }
}

#[test]
fn the_packages_carry_the_adl_control_documents_at_their_root() {
    let work = TempDir::new("schemas-list");
    let v12 = unpacked(&work, "1.2", &[], "v12");
    assert_eq!(
        names(&schema_files(&v12)),
        [
            "adlcp_rootv1p2.xsd",
            "ims_xml.xsd",
            "imscp_rootv1p1p2.xsd",
            "imsmd_rootv1p2p1.xsd"
        ]
    );
    let v2004 = unpacked(&work, "2004", &[], "v2004");
    let shipped = names(&schema_files(&v2004));
    assert_eq!(shipped.len(), 17, "{shipped:?}");
    for file in [
        "XMLSchema.dtd",
        "datatypes.dtd",
        "xml.xsd",
        "imsss_v1p0util.xsd",
    ] {
        assert!(shipped.iter().any(|s| s == file), "{file} in {shipped:?}");
    }
    let manifest = fs::read_to_string(v2004.join("imsmanifest.xml")).unwrap();
    assert!(
        !manifest.contains("<file href=\"xml.xsd\""),
        "schemas are not site files"
    );
}

#[test]
fn a_package_missing_any_schema_file_or_with_a_broken_manifest_fails() {
    let work = TempDir::new("schemas-teeth");
    for version in ["1.2", "2004"] {
        let dir = unpacked(&work, version, &PARTS, &format!("full-{version}"));
        for file in schema_files(&dir) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let held = dir.with_extension("held");
            fs::rename(&file, &held).unwrap();
            assert!(
                validate(&dir).is_err(),
                "SCORM {version} without {name} must fail"
            );
            fs::rename(&held, &file).unwrap();
        }
        let manifest = dir.join("imsmanifest.xml");
        let xml = fs::read_to_string(&manifest).unwrap();
        let cut = xml.find("<resources>").unwrap();
        fs::write(&manifest, format!("{}</manifest>", &xml[..cut])).unwrap();
        let said = validate(&dir).unwrap_err();
        assert!(said.contains("fails to validate"), "{said}");
    }
}

#[test]
fn a_site_file_named_like_a_schema_is_refused_not_overwritten() {
    let work = TempDir::new("schemas-clash");
    common::copy_tree(&Path::new(REPO).join("content"), &work.path("content"));
    fs::copy(Path::new(REPO).join("site.yaml"), work.path("site.yaml")).unwrap();
    fs::write(work.path("content/xml.xsd"), "<x/>").unwrap();
    let out = alsite(&["package", "--scorm", "2004", "--out", "c.zip"], &work.0);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("content/xml.xsd: error: this file would be `xml.xsd` in the package, where the package puts SCORM 2004's own schema file"),
        "{said}"
    );
    assert!(!work.path("c.zip").exists());
    // In 1.2 that name is not a schema file: the package is made.
    let out = alsite(&["package", "--scorm", "1.2", "--out", "c.zip"], &work.0);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
