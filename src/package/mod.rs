//! `alsite package --scorm`: the built site in a SCORM 1.2 or 2004 zip for a
//! learning platform (LMS). The site is rendered as `build` renders it, in
//! memory (the output folder is never touched); each SCO gets a launch page
//! (`lms/<id>.html`) that holds the LMS connection and shows the site in a
//! frame, so progress survives moving from page to page.

mod archive;
mod guides;
mod links;
mod manifest;
mod names;
mod progress;
mod schemas;
mod select;

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics};
use serde_json::json;
use std::path::{Path, PathBuf};

pub use manifest::uri;

/// The SCORM edition to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Scorm12,
    Scorm2004,
}

impl Version {
    pub fn label(self) -> &'static str {
        match self {
            Version::Scorm12 => "1.2",
            Version::Scorm2004 => "2004",
        }
    }
}

/// What to package and where.
pub struct Options<'a> {
    pub root: &'a Path,
    pub out: &'a Path,
    pub version: Version,
    /// Workshops, practice sets and sessions to package, one SCO each;
    /// empty: the whole site as one SCO.
    pub paths: &'a [PathBuf],
}

/// What a successful run wrote.
#[derive(Debug)]
pub struct Summary {
    pub scos: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Diagnostics,
}

/// An item of the course's organization: a SCO, or a heading over SCOs.
#[derive(Debug, Clone)]
pub struct Node {
    /// Safe for XML identifiers and file names.
    pub id: String,
    pub title: String,
    /// The file its title is written in, from the site root (`site.yaml`
    /// for the whole site; none for a group, titled by the UI strings).
    pub source: Option<PathBuf>,
    pub children: Vec<Node>,
    pub sco: Option<Sco>,
}

/// What a SCO opens and what it reports to the LMS.
#[derive(Debug, Clone)]
pub struct Sco {
    /// The page it opens, from the site root.
    pub start: String,
    /// Practice sets it scores: storage key and number of items.
    pub practice: Vec<(String, usize)>,
    /// Sessions that must be watched to the end: storage keys.
    pub sessions: Vec<String>,
    /// (translation's key, original's key) for each practice set and
    /// session above that has a translation: answers given in either
    /// language count.
    pub also: Vec<(String, String)>,
}

impl Sco {
    fn new(start: String) -> Sco {
        Sco {
            start,
            practice: Vec::new(),
            sessions: Vec::new(),
            also: Vec::new(),
        }
    }
}

impl Node {
    fn sco(id: &str, title: &str, source: &Path, sco: Sco) -> Node {
        Node {
            id: identifier(id),
            title: title.to_string(),
            source: Some(source.to_path_buf()),
            children: Vec::new(),
            sco: Some(sco),
        }
    }

    /// The SCO's launch page in the package.
    pub fn launch(&self) -> String {
        format!("lms/{}.html", self.id)
    }
}

/// SCORM 1.2 keeps at most this many characters of `cmi.suspend_data`.
pub const SUSPEND_DATA_12: usize = 4096;
/// SCORM 2004's smallest permitted maximum for titles in a manifest.
const TITLE_LIMIT: usize = 200;

/// Writes the package; a failure leaves any earlier file at `out` as it was.
pub fn package(o: &Options) -> Result<Summary, Diagnostics> {
    crate::build::guard::check_package_file(o.root, o.out).map_err(one)?;
    let g = build::generate_for_package(o.root)?;
    let tree = select::tree(o.root, &g.site, o.paths).map_err(one)?;
    let title = &g.site.config.title;
    let pages = progress::Pages::read(g.outputs.iter().map(|f| (f.path.as_str(), &f.bytes[..])));
    check_limits(o.root, &tree, o.version, &pages).map_err(Diagnostics)?;
    let scos = manifest::leaves(&tree);
    check_names(&g, &scos, o.version).map_err(Diagnostics)?;
    let mastery = g.site.config.scorm.mastery_score;
    let (guides, outputs): (Vec<_>, Vec<_>) = g.outputs.into_iter().partition(guides::is_guide);
    let guides = guides.into_iter().map(|f| f.path).collect();
    let mut site_files: Vec<String> = outputs.iter().map(|f| f.path.clone()).collect();
    site_files.sort();
    let notes = new_tab_notes(&g.site);
    let mut files: Vec<(String, Vec<u8>)> = outputs
        .into_iter()
        .map(|f| {
            (
                f.path.clone(),
                framed(
                    &f.path,
                    std::sync::Arc::unwrap_or_clone(f.bytes),
                    &notes,
                    &guides,
                ),
            )
        })
        .collect();
    files.extend(
        schemas::files(o.version)
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec())),
    );
    for node in &scos {
        let page = launch_page(&g.site, &g.theme, node, o.version, mastery, &pages).map_err(one)?;
        files.push((node.launch(), page.into_bytes()));
    }
    // A package of one part is that part's course: its title is what the
    // platform's catalogue shows (a workshop, not the whole site).
    let course_title = match scos.as_slice() {
        [only] if !o.paths.is_empty() => &only.title,
        _ => title,
    };
    let xml = manifest::manifest(&manifest::Course {
        identifier: &course_identifier(title, &scos, o.paths.is_empty()),
        title: course_title,
        version: o.version,
        tree: &tree,
        site_files: &site_files,
        mastery,
    });
    files.push(("imsmanifest.xml".into(), xml.into_bytes()));
    let bytes = archive::write(o.out, &files).map_err(|e| {
        one(Diagnostic::error(
            o.out,
            format!(
                "cannot write the package: {}",
                crate::diagnostic::io_words(&e)
            ),
        )
        .hint(crate::diagnostic::write_hint(
            &e,
            "the package's folder",
            Some("`--out`"),
        )))
    })?;
    Ok(Summary {
        scos: scos.len(),
        files: files.len(),
        bytes,
        warnings: g.warnings,
    })
}

/// "(opens in a new tab)" in each language of the site.
fn new_tab_notes(site: &crate::model::Site) -> Vec<(String, String)> {
    std::iter::once(site)
        .chain(&site.translations)
        .map(|s| {
            (
                s.strings.lang().to_string(),
                s.strings.t("scorm.new_tab", &[]),
            )
        })
        .collect()
}

/// A page as it goes into the package: links that leave the site open in a
/// new tab (see `links`), with the note in the page's language, and none
/// leads to a facilitator guide (see `guides`).
fn framed(
    path: &str,
    bytes: Vec<u8>,
    notes: &[(String, String)],
    guides: &std::collections::HashSet<String>,
) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes;
    }
    let page = match String::from_utf8(bytes) {
        Ok(page) => page,
        Err(e) => return e.into_bytes(),
    };
    let lang = page_lang(&page);
    let note = notes
        .iter()
        .find(|(l, _)| Some(l.as_str()) == lang)
        .or(notes.first());
    let page = guides::unlink(path, &page, guides);
    links::mark_page(&page, note.map_or("", |(_, n)| n)).into_bytes()
}

/// The `lang` of a page's `<html>` element.
fn page_lang(page: &str) -> Option<&str> {
    let at = page.find("<html lang=\"")? + 12;
    page[at..].find('"').map(|end| &page[at..at + end])
}

/// Refuses a site file that a file the package adds (the manifest, the
/// schema files, the launch pages) would replace, in the zip or unzipped
/// on a disk that ignores capitals (see `names`).
fn check_names(
    g: &build::Generated,
    scos: &[&Node],
    version: Version,
) -> Result<(), Vec<Diagnostic>> {
    let assets: std::collections::HashMap<&str, &Path> = std::iter::once(&g.site)
        .chain(&g.site.translations)
        .flat_map(|s| &s.assets)
        .map(|(source, out)| (out.as_str(), source.as_path()))
        .collect();
    let site: Vec<names::SiteFile> = g
        .outputs
        .iter()
        .map(|f| names::SiteFile {
            path: &f.path,
            source: f
                .source
                .as_deref()
                .or_else(|| assets.get(f.path.as_str()).copied()),
        })
        .collect();
    let mut added: Vec<names::Added> = schemas::files(version)
        .iter()
        .map(|(name, _)| names::Added {
            path: name.to_string(),
            what: format!("SCORM {}'s own schema file", version.label()),
            launch: false,
        })
        .collect();
    added.push(names::Added {
        path: "imsmanifest.xml".into(),
        what: "SCORM's manifest, which says what the package holds".into(),
        launch: false,
    });
    added.extend(scos.iter().map(|node| names::Added {
        path: node.launch(),
        what: format!("the launch page of “{}”", node.title),
        launch: true,
    }));
    let found = names::clashes(&site, &added);
    match found.is_empty() {
        true => Ok(()),
        false => Err(found),
    }
}

fn launch_page(
    site: &crate::model::Site,
    theme: &crate::theme::Theme,
    node: &Node,
    version: Version,
    mastery: Option<u32>,
    pages: &progress::Pages,
) -> Result<String, Diagnostic> {
    let sco = node.sco.as_ref().expect("leaves are SCOs");
    let path = node.launch();
    // Each practice set's items, in every language, by their fingerprints.
    let sets: Vec<&String> = sco.practice.iter().map(|(k, _)| k).collect();
    let translations = sco.also.iter().filter(|(_, o)| sets.contains(&o));
    let keys = sets.iter().copied().chain(translations.map(|(t, _)| t));
    let fingerprints: serde_json::Map<_, _> =
        keys.map(|k| (k.clone(), pages.fingerprints(k))).collect();
    let config = json!({
        "version": version.label(),
        "practice": sco.practice.iter().map(|(k, n)| json!([k, n])).collect::<Vec<_>>(),
        "sessions": sco.sessions,
        "also": sco.also.iter().map(|(t, o)| (t.clone(), json!(o))).collect::<serde_json::Map<_, _>>(),
        "fingerprints": fingerprints,
        "mastery": mastery,
        "limit": match version { Version::Scorm12 => SUSPEND_DATA_12, Version::Scorm2004 => 64000 },
    });
    crate::render::launch_page(site, theme, &path, &node.title, &sco.start, &config)
}

/// Refuses what an LMS would reject or silently cut: over-long titles, and
/// (in 1.2) more progress than `suspend_data` can remember with typed
/// answers left out (see `progress`).
fn check_limits(
    root: &Path,
    tree: &[Node],
    version: Version,
    pages: &progress::Pages,
) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut titles = Vec::new();
    fn collect<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
        for n in nodes {
            out.push(n);
            collect(&n.children, out);
        }
    }
    collect(tree, &mut titles);
    // The whole site as one course has the site's title twice: once is enough.
    let mut seen = std::collections::HashSet::new();
    titles.retain(|n| seen.insert(&n.title));
    for node in titles {
        let n = node.title.chars().count();
        if n > TITLE_LIMIT {
            let message = format!("the title “{}…” is {n} characters; SCORM allows {TITLE_LIMIT} in a course or item title, and LMSs cut the rest", node.title.chars().take(40).collect::<String>());
            errors.push(title_error(root, node, message).hint("shorten the title"));
        }
    }
    if version == Version::Scorm12 {
        for node in manifest::leaves(tree) {
            let need = progress::least(node.sco.as_ref().expect("leaves are SCOs"), pages);
            if need > SUSPEND_DATA_12 {
                let file = node.source.as_deref().unwrap_or(Path::new("site.yaml"));
                errors.push(Diagnostic::error(
                    file,
                    format!("“{}” tracks too much for SCORM 1.2: its progress needs at least {need} characters with typed answers left out (each item's longest choice, category or order, each session's place) and SCORM 1.2 keeps {SUSPEND_DATA_12}", node.title),
                ).hint("package its parts one by one (alsite package --scorm 1.2 PATH…), or use --scorm 2004"));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// An error about `node`'s title, at the title in the file it is written
/// in (a practice set's, a workshop's), not at site.yaml.
fn title_error(root: &Path, node: &Node, message: String) -> Diagnostic {
    let Some(file) = &node.source else {
        return Diagnostic::error("site.yaml", message);
    };
    let error = Diagnostic::error(file, message);
    match crate::load::read_utf8(root, file) {
        Ok(text) => {
            use crate::load::yaml::{locate_value, Seg};
            let (line, column) = locate_value(&text, &[Seg::Key("title")]);
            error.at(line, column)
        }
        Err(_) => error,
    }
}

/// The manifest's identifier: the site's title, and for a package of
/// parts the parts it holds, so packages of different parts of one site
/// are different courses to a platform that files courses by it, and a
/// package of the same parts made again replaces the earlier one.
fn course_identifier(title: &str, scos: &[&Node], whole_site: bool) -> String {
    let base = identifier(&format!("alsite {title}"));
    if whole_site {
        return base;
    }
    let mut ids: Vec<&str> = scos.iter().map(|n| n.id.as_str()).collect();
    ids.sort_unstable();
    let joined = ids.join("-");
    if ids.len() == 1 && joined.len() <= 80 {
        return format!("{base}-{joined}");
    }
    let digest = crate::digest::of_parts(ids.iter().map(|id| id.as_bytes()));
    format!("{base}-{}-parts-{:08x}", ids.len(), digest as u32)
}

/// `text` as an identifier for the manifest (an XML `ID`, which SCORM's
/// schemas ask for: a letter first, then letters, digits, `-`, `_`) and as
/// a launch page's file name. Text that is one already stays as it is
/// (`practice-session-flow`). Text of plain ASCII letters, digits and spaces
/// (`alsite Action Learning in Practice`) keeps the identifier earlier
/// versions gave it, lower case with `-` for spaces, so a course packaged
/// again after an upgrade replaces its earlier upload. Any other keeps a
/// readable part (lower case, letters folded as search folds them, `Łódź`
/// → `lodz`, the rest `-`) and gets a fingerprint of the whole text, so two
/// texts never make one identifier: not two long titles that differ at
/// their end, nor two in another alphabet.
fn identifier(text: &str) -> String {
    const READABLE: usize = 60;
    let fits = text.len() <= 80 && text.starts_with(|c: char| c.is_ascii_alphabetic());
    if fits
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_'))
    {
        return text.to_ascii_lowercase().replace(' ', "-");
    }
    let mut readable = String::new();
    for c in crate::search::tokenize::fold(text).chars() {
        match c {
            'a'..='z' | '0'..='9' | '_' => readable.push(c),
            _ if !readable.ends_with('-') => readable.push('-'),
            _ => {}
        }
    }
    readable.truncate(READABLE);
    let readable = readable.trim_matches('-');
    let print = crate::digest::of(text.as_bytes()) & 0xffff_ffff_ffff;
    let id = match readable.is_empty() {
        true => format!("{print:012x}"),
        false => format!("{readable}-{print:012x}"),
    };
    match id.starts_with(|c: char| c.is_ascii_lowercase()) {
        true => id,
        false => format!("x{id}"),
    }
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

#[cfg(test)]
mod tests {
    use super::identifier;

    #[test]
    fn identifiers_differ_for_every_text_and_are_xml_names() {
        let long = "Szkolenie z Action Learning dla trenerów wewnętrznych w organizacji, moduł";
        let texts = [
            format!("{long} 1"),
            format!("{long} 2"),
            "Учимся в действии".to_string(),
            "Учимся в бездействии".to_string(),
            "Action Learning".to_string(),
            "Action Learning, again".to_string(),
            "1. Łódź".to_string(),
        ];
        let ids: Vec<String> = texts.iter().map(|t| identifier(t)).collect();
        let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), texts.len(), "{ids:?}");
        for id in &ids {
            assert!(id.starts_with(|c: char| c.is_ascii_lowercase()), "{id}");
            assert!(
                id.chars()
                    .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_')),
                "{id}"
            );
            assert!(!id.contains("--"), "{id}");
        }
        assert!(
            ids[0].starts_with("szkolenie-z-action-learning-dla-trenerow-wewnetrznych-w-"),
            "{}",
            ids[0]
        );
        assert!(ids[6].starts_with("x1-lodz-"), "{}", ids[6]);
        assert_eq!(identifier("practice-session-flow"), "practice-session-flow");
        // A title of plain letters keeps what earlier versions made of it.
        assert_eq!(
            identifier("alsite Action Learning in Practice"),
            "alsite-action-learning-in-practice"
        );
        assert_eq!(
            identifier("Action Learning"),
            identifier("Action Learning"),
            "the same text, the same identifier"
        );
    }
}
