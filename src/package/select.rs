//! Which parts of the site become SCOs: the whole site as one, or the
//! workshops, practice sets and sessions that the given paths name.

use super::{Node, Sco};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::render::{practice, session, workshop};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One part of the site that can be a SCO.
struct Part {
    kind: Kind,
    /// The file or folder that holds it, from the site root.
    source: PathBuf,
    node: Node,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Workshop,
    Practice,
    Session,
}

impl Kind {
    /// The group's identifier, the same in every language.
    fn group_id(self) -> &'static str {
        match self {
            Kind::Workshop => "group-workshops",
            Kind::Practice => "group-practice",
            Kind::Session => "group-demo-sessions",
        }
    }

    /// The heading over this kind's items, in the site's language: the
    /// platform shows it in the course's table of contents.
    fn group_title(self, site: &Site) -> String {
        let key = match self {
            Kind::Workshop => "scorm.workshops",
            Kind::Practice => "scorm.practice",
            Kind::Session => "scorm.sessions",
        };
        site.strings.t(key, &[])
    }
}

/// The organization's items for `paths` (empty: the whole site as one SCO).
pub fn tree(root: &Path, site: &Site, paths: &[PathBuf]) -> Result<Vec<Node>, Diagnostic> {
    if paths.is_empty() {
        return Ok(vec![whole_site(site)]);
    }
    let mut tree = chosen_tree(root, site, paths)?;
    unique_ids(&mut tree, &mut BTreeSet::new());
    Ok(tree)
}

/// Two file names can make one identifier (`a b.yaml`, `a-b.yaml`): number the later ones.
fn unique_ids(nodes: &mut [Node], seen: &mut BTreeSet<String>) {
    for node in nodes {
        let base = node.id.clone();
        let mut n = 1;
        while !seen.insert(node.id.clone()) {
            n += 1;
            node.id = format!("{base}-{n}");
        }
        unique_ids(&mut node.children, seen);
    }
}

fn chosen_tree(root: &Path, site: &Site, paths: &[PathBuf]) -> Result<Vec<Node>, Diagnostic> {
    let parts = parts(site);
    let mut chosen: Vec<&Part> = Vec::new();
    for path in paths {
        let rel = from_root(root, path)?;
        if let Some(d) = translation(site, path, &rel) {
            return Err(d);
        }
        let named: Vec<&Part> = parts.iter().filter(|p| names(&rel, p)).collect();
        if named.is_empty() {
            return Err(Diagnostic::error(
                path,
                "names no workshop, practice set or demo session",
            )
            .hint("name a workshop folder (content/workshops/NAME), a practice set (content/practice/NAME.yaml) or a session (content/sessions/NAME.yaml); name none to package the whole site"));
        }
        for p in named {
            if !chosen.iter().any(|c| std::ptr::eq(*c, p)) {
                chosen.push(p);
            }
        }
    }
    Ok(group(site, chosen))
}

/// A translation's file (`content/practice/set.en.yaml`): an item opens
/// the default language's pages (and counts the answers given in every
/// language), so the original is the one to name.
fn translation(site: &Site, path: &Path, rel: &Path) -> Option<Diagnostic> {
    let languages = site.config.all_languages();
    let (original, i) = crate::load::language::split(rel, &languages);
    let lang = languages.get(i).filter(|_| i > 0)?;
    let default = &languages[0];
    Some(
        Diagnostic::error(
            path,
            format!("this file is the `{lang}` translation of {}: a package's items open the default language's (`{default}`) pages", original.display()),
        )
        .hint(format!(
            "name {} instead: the item opens in `{default}`, learners can switch to `{lang}` inside the course, and the platform records their answers in either language",
            original.display()
        )),
    )
}

/// Several kinds are grouped under a heading each; one kind stays a flat list.
fn group(site: &Site, chosen: Vec<&Part>) -> Vec<Node> {
    let kinds: BTreeSet<Kind> = chosen.iter().map(|p| p.kind).collect();
    if kinds.len() == 1 {
        return chosen.into_iter().map(|p| p.node.clone()).collect();
    }
    kinds
        .into_iter()
        .map(|kind| Node {
            id: kind.group_id().to_string(),
            title: kind.group_title(site),
            source: None,
            children: chosen
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| p.node.clone())
                .collect(),
            sco: None,
        })
        .collect()
}

/// `path` (as typed) as a path from the site root: from the working folder
/// or from the site folder, whichever is inside the site (`--root other`
/// with `content/practice/x.yaml` names the other site's file even when the
/// working folder has one of that name too).
fn from_root(root: &Path, path: &Path) -> Result<PathBuf, Diagnostic> {
    let not_found = || {
        Diagnostic::error(path, "names nothing: there is no such file or folder")
            .hint("give a path from the site folder, such as content/practice/NAME.yaml")
    };
    let root = std::fs::canonicalize(root).map_err(|_| not_found())?;
    let inside = |full: PathBuf| full.strip_prefix(&root).ok().map(Path::to_path_buf);
    let typed = std::fs::canonicalize(path).ok();
    let from_site = std::fs::canonicalize(root.join(path)).ok();
    if typed.is_none() && from_site.is_none() {
        return Err(not_found());
    }
    typed
        .and_then(inside)
        .or_else(|| from_site.and_then(inside))
        .ok_or_else(|| Diagnostic::error(path, "is outside the site folder"))
}

/// Whether `rel` names the part: the part's file, a folder holding it, or
/// (for a workshop) any file in its folder.
fn names(rel: &Path, part: &Part) -> bool {
    part.source.starts_with(rel) || (part.kind == Kind::Workshop && rel.starts_with(&part.source))
}

fn parts(site: &Site) -> Vec<Part> {
    let mut out = Vec::new();
    for w in site
        .workshops
        .iter()
        .filter(|w| !w.source.as_os_str().is_empty())
    {
        let mut sco = Sco::new(workshop::agenda_path(&w.slug));
        for a in w.modules.iter().flat_map(|m| &m.front.activities) {
            if let Some(set) = a.practice.as_deref() {
                track_practice(site, &mut sco, set);
            }
            if let Some(s) = a.session.as_deref() {
                track_session(site, &mut sco, s);
            }
        }
        out.push(Part {
            kind: Kind::Workshop,
            source: w.source.parent().map(Path::to_path_buf).unwrap_or_default(),
            node: Node::sco(
                &format!("workshop-{}", w.slug),
                &w.data.title,
                &w.source,
                sco,
            ),
        });
    }
    for doc in &site.practice {
        let mut sco = Sco::new(practice::set_path(&doc.slug));
        track_practice(site, &mut sco, &doc.slug);
        out.push(Part {
            kind: Kind::Practice,
            source: doc.source.clone(),
            node: Node::sco(
                &format!("practice-{}", doc.slug),
                &doc.data.title,
                &doc.source,
                sco,
            ),
        });
    }
    for doc in &site.sessions {
        let mut sco = Sco::new(session::session_path(&doc.slug));
        track_session(site, &mut sco, &doc.slug);
        out.push(Part {
            kind: Kind::Session,
            source: doc.source.clone(),
            node: Node::sco(
                &format!("session-{}", doc.slug),
                &doc.data.title,
                &doc.source,
                sco,
            ),
        });
    }
    out
}

/// The whole site as one SCO that tracks every practice set and session.
fn whole_site(site: &Site) -> Node {
    let mut sco = Sco::new("index.html".into());
    for doc in &site.practice {
        track_practice(site, &mut sco, &doc.slug);
    }
    for doc in &site.sessions {
        track_session(site, &mut sco, &doc.slug);
    }
    Node::sco("site", &site.config.title, Path::new("site.yaml"), sco)
}

fn track_practice(site: &Site, sco: &mut Sco, slug: &str) {
    let Some(doc) = site.practice.iter().find(|d| d.slug == slug) else {
        return;
    };
    let key = practice::storage_key(site, "alsite-practice", slug);
    if sco.practice.iter().any(|(k, _)| *k == key) {
        return;
    }
    sco.practice.push((key.clone(), doc.data.items.len()));
    let translated = |t: &Site| t.practice.iter().any(|d| d.slug == slug);
    also_in_translations(site, sco, "alsite-practice", slug, &key, translated);
}

fn track_session(site: &Site, sco: &mut Sco, slug: &str) {
    let key = practice::storage_key(site, "alsite-session", slug);
    if sco.sessions.contains(&key) {
        return;
    }
    sco.sessions.push(key.clone());
    let translated = |t: &Site| t.sessions.iter().any(|d| d.slug == slug);
    also_in_translations(site, sco, "alsite-session", slug, &key, translated);
}

/// Counts the answers given on the translations of the set or session
/// `slug` (its items and turns are its original's, in the same order) as
/// answers to the original `key`: a learner may take the course in any of
/// the site's languages.
fn also_in_translations(
    site: &Site,
    sco: &mut Sco,
    kind: &str,
    slug: &str,
    key: &str,
    translated: impl Fn(&Site) -> bool,
) {
    for t in site.translations.iter().filter(|t| translated(t)) {
        let other = practice::storage_key(t, kind, slug);
        sco.also.push((other, key.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(id: &str) -> Node {
        Node {
            id: id.into(),
            title: id.into(),
            source: None,
            children: Vec::new(),
            sco: None,
        }
    }

    #[test]
    fn identifiers_that_collide_are_numbered() {
        let mut tree = vec![
            leaf("practice-a-b"),
            leaf("practice-a-b"),
            leaf("practice-a-b-2"),
        ];
        unique_ids(&mut tree, &mut BTreeSet::new());
        let ids: Vec<&str> = tree.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["practice-a-b", "practice-a-b-2", "practice-a-b-2-2"]);
    }
}
