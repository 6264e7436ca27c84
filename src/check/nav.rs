//! The navigation in `site.yaml`: each entry is checked once, at its own
//! line, before any page is rendered (otherwise every page would report it).

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, Seg};
use crate::model::Site;
use crate::render::url::{has_scheme, resolve};
use std::collections::HashSet;

/// Errors for `nav:` links that lead outside the site or to no file in
/// `outputs` (every path the build will write).
pub fn check_nav(site: &Site, outputs: &HashSet<&str>) -> Vec<Diagnostic> {
    let text = site
        .texts
        .get(std::path::Path::new("site.yaml"))
        .map_or("", String::as_str);
    let mut diags = Vec::new();
    for (i, entry) in site.config.nav.iter().enumerate() {
        let link = entry.link.trim();
        if link.starts_with("//") || has_scheme(link) {
            continue;
        }
        let Some((target, _)) = resolve("index.html", link) else {
            continue;
        };
        let problem = if target.starts_with("../") {
            "leads outside the site"
        } else if !outputs.contains(target.as_str()) {
            "leads to no page of the site"
        } else {
            continue;
        };
        let (line, column) = locate(text, &[Seg::Key("nav"), Seg::Index(i), Seg::Key("link")]);
        diags.push(
            Diagnostic::error("site.yaml", format!("navigation link `{link}` {problem}"))
                .at(line, column)
                .hint(format!(
                    "a nav link is a path from the site root, such as `about.html` or `practice/index.html`; the site has {}",
                    examples(outputs)
                )),
        );
    }
    diags
}

/// A few page paths to choose from, for the hint.
fn examples(outputs: &HashSet<&str>) -> String {
    let mut pages: Vec<&&str> = outputs
        .iter()
        .filter(|p| p.ends_with(".html") && p.matches('/').count() <= 1)
        .collect();
    pages.sort();
    let shown: Vec<String> = pages.iter().take(8).map(|p| format!("`{p}`")).collect();
    shown.join(", ")
}
