//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 (4th edition): the course
//! title, one organization of items, one resource per SCO (its launch page)
//! and one shared asset resource listing every other file of the site.

use super::{schemas, Node, Version};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

type W = Writer<Vec<u8>>;

/// What the manifest describes.
pub struct Course<'a> {
    pub identifier: &'a str,
    pub title: &'a str,
    pub version: Version,
    /// The organization's items, in order.
    pub tree: &'a [Node],
    /// The site's files (paths from the package root), shared by every SCO.
    pub site_files: &'a [String],
    /// The mastery score in percent, if the site sets one.
    pub mastery: Option<u32>,
}

const SITE_RESOURCE: &str = "RES-shared-files";

/// The manifest's text.
pub fn manifest(course: &Course) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to a Vec cannot fail.
    let _ = write_manifest(&mut w, course);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

fn write_manifest(w: &mut W, c: &Course) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let attrs: Vec<(&str, &str)> = match c.version {
        Version::Scorm12 => vec![
            ("xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"),
            ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schemas::location(c.version)),
        ],
        Version::Scorm2004 => vec![
            ("xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1"),
            ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3"),
            ("xmlns:adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
            ("xmlns:adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
            ("xmlns:imsss", "http://www.imsglobal.org/xsd/imsss"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schemas::location(c.version)),
        ],
    };
    let root = [("identifier", c.identifier), ("version", "1")];
    element(w, "manifest", &[&root[..], &attrs].concat(), |w| {
        element(w, "metadata", &[], |w| {
            text(w, "schema", "ADL SCORM")?;
            let version = match c.version {
                Version::Scorm12 => "1.2",
                Version::Scorm2004 => "2004 4th Edition",
            };
            text(w, "schemaversion", version)
        })?;
        organizations(w, c)?;
        resources(w, c)
    })
}

/// `<tag attributes>`, what `inner` writes, `</tag>`.
fn element(
    w: &mut W,
    tag: &str,
    attributes: &[(&str, &str)],
    inner: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    w.create_element(tag)
        .with_attributes(attributes.iter().copied())
        .write_inner_content(inner)?;
    Ok(())
}

/// `<tag attributes/>`.
fn empty(w: &mut W, tag: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
    w.create_element(tag)
        .with_attributes(attributes.iter().copied())
        .write_empty()?;
    Ok(())
}

fn text(w: &mut W, tag: &str, value: &str) -> io::Result<()> {
    w.create_element(tag)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn organizations(w: &mut W, c: &Course) -> io::Result<()> {
    element(w, "organizations", &[("default", "ORG")], |w| {
        element(w, "organization", &[("identifier", "ORG")], |w| {
            text(w, "title", c.title)?;
            for node in c.tree {
                item(w, c, node)?;
            }
            if c.version == Version::Scorm2004 {
                // Let the learner move freely: pick from the tree, or go on and back.
                element(w, "imsss:sequencing", &[], |w| {
                    empty(
                        w,
                        "imsss:controlMode",
                        &[("choice", "true"), ("flow", "true")],
                    )
                })?;
            }
            Ok(())
        })
    })
}

fn item(w: &mut W, c: &Course, node: &Node) -> io::Result<()> {
    let (id, resource) = (format!("ITEM-{}", node.id), format!("RES-{}", node.id));
    let mut attributes = vec![("identifier", id.as_str())];
    if node.children.is_empty() {
        attributes.push(("identifierref", resource.as_str()));
    }
    element(w, "item", &attributes, |w| {
        text(w, "title", &node.title)?;
        for child in &node.children {
            item(w, c, child)?;
        }
        let scored = node.sco.as_ref().is_some_and(|s| !s.practice.is_empty());
        match (c.version, c.mastery) {
            (Version::Scorm12, Some(m)) if scored => text(w, "adlcp:masteryscore", &m.to_string()),
            (Version::Scorm2004, Some(m)) if scored => mastery_2004(w, m),
            _ => Ok(()),
        }
    })
}

/// The SCO is satisfied (passed) when its scaled score reaches the mastery
/// score; the LMS hands this to the SCO as `cmi.scaled_passing_score`.
fn mastery_2004(w: &mut W, mastery: u32) -> io::Result<()> {
    let measure = format!("{:.2}", f64::from(mastery) / 100.0);
    let objective = [("objectiveID", "mastery"), ("satisfiedByMeasure", "true")];
    element(w, "imsss:sequencing", &[], |w| {
        element(w, "imsss:objectives", &[], |w| {
            element(w, "imsss:primaryObjective", &objective, |w| {
                text(w, "imsss:minNormalizedMeasure", &measure)
            })
        })
    })
}

fn resources(w: &mut W, c: &Course) -> io::Result<()> {
    element(w, "resources", &[], |w| {
        for node in leaves(c.tree) {
            let href = uri(&node.launch());
            let id = format!("RES-{}", node.id);
            resource(w, c.version, &id, Some(&href), [href.clone()])?;
        }
        resource(
            w,
            c.version,
            SITE_RESOURCE,
            None,
            c.site_files.iter().map(|f| uri(f)),
        )
    })
}

/// One `<resource>` with its `files` (URIs): a SCO, whose launch page is
/// `launch` and which depends on the shared files, or (no `launch`) the
/// shared files themselves.
fn resource(
    w: &mut W,
    version: Version,
    id: &str,
    launch: Option<&str>,
    files: impl IntoIterator<Item = String>,
) -> io::Result<()> {
    let scorm_type = match version {
        Version::Scorm12 => "adlcp:scormtype",
        Version::Scorm2004 => "adlcp:scormType",
    };
    let kind = if launch.is_some() { "sco" } else { "asset" };
    let mut attributes = vec![
        ("identifier", id),
        ("type", "webcontent"),
        (scorm_type, kind),
    ];
    attributes.extend(launch.map(|href| ("href", href)));
    element(w, "resource", &attributes, |w| {
        for file in files {
            empty(w, "file", &[("href", &file)])?;
        }
        match launch {
            Some(_) => empty(w, "dependency", &[("identifierref", SITE_RESOURCE)]),
            None => Ok(()),
        }
    })
}

/// Every SCO in the tree, depth first.
pub fn leaves(tree: &[Node]) -> Vec<&Node> {
    let mut out = Vec::new();
    for node in tree {
        if node.children.is_empty() {
            out.push(node);
        } else {
            out.extend(leaves(&node.children));
        }
    }
    out
}

/// A package path as a relative URI: `/` kept, anything outside the
/// unreserved set percent-encoded (spaces, non-ASCII letters in file names).
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_relative_uris() {
        assert_eq!(uri("static/style.css"), "static/style.css");
        assert_eq!(uri("images/a b&c.png"), "images/a%20b%26c.png");
        assert_eq!(uri("zdjęcie.png"), "zdj%C4%99cie.png");
    }
}
