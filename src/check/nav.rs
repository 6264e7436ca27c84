//! The navigation in `site.yaml`: each entry is checked once, at its own
//! line, before any page is rendered (otherwise every page would report it).

use crate::config::NavLink;
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate_value, Seg};
use crate::model::Site;
use crate::render::page_titles;
use crate::render::url::{has_scheme, resolve};
use std::collections::HashSet;

/// Errors for `nav:` links that lead outside the site or to no file in
/// `outputs` (every path the build will write): the default language's
/// nav, and each translation's under `translations:` (whose paths are
/// from that language's root, `en/`).
pub fn check_nav(site: &Site, outputs: &HashSet<&str>) -> Vec<Diagnostic> {
    let text = super::site_yaml(site);
    let others = site.config.languages.get(1..).unwrap_or(&[]);
    let place = [Seg::Key("nav")];
    let site_of = |lang: &str| {
        std::iter::once(site)
            .chain(&site.translations)
            .find(|s| s.config.language == lang)
    };
    let titles = |lang: &str| site_of(lang).map(page_titles).unwrap_or_default();
    let default = site.config.language.as_str();
    let nav = (&site.config.nav[..], &place[..]);
    let mut diags = check_links(nav, ("", others), text, outputs, || titles(default));
    for (lang, t) in &site.config.translations {
        let place = [Seg::Key("translations"), Seg::Key(lang), Seg::Key("nav")];
        let root = format!("{lang}/");
        let nav = (&t.nav[..], &place[..]);
        diags.extend(check_links(nav, (&root, &[]), text, outputs, || {
            titles(lang)
        }));
    }
    diags
}

/// The pages of the language whose folder is `root` (`""` or `en/`), as
/// paths from that folder, sorted: the default language's are those in no
/// other language's folder (`languages`), so a hint for its nav never
/// offers `en/about.html`.
fn own_pages<'a>(outputs: &HashSet<&'a str>, root: &str, languages: &[String]) -> Vec<&'a str> {
    let mut pages: Vec<&str> = outputs
        .iter()
        .filter_map(|p| p.strip_prefix(root))
        // Not the page for missing addresses: no one means to link it.
        .filter(|p| p.ends_with(".html") && *p != crate::render::NOT_FOUND_PATH)
        .filter(|p| {
            let folder = p.split_once('/').map(|(f, _)| f);
            !languages.iter().any(|l| Some(l.as_str()) == folder)
        })
        .collect();
    pages.sort();
    pages
}

/// The errors of one language's nav, at `place` in site.yaml: `root` is its
/// folder in the output (`""` or `en/`), `others` the folders of the
/// languages below it (see [`own_pages`]). The pages a hint offers, and the
/// language's page titles (`titles`), are read only for a broken link.
fn check_links(
    (nav, place): (&[NavLink], &[Seg]),
    (root, others): (&str, &[String]),
    text: &str,
    outputs: &HashSet<&str>,
    titles: impl Fn() -> Vec<(String, String)>,
) -> Vec<Diagnostic> {
    let pages = std::cell::OnceCell::new();
    let titles_of = titles;
    let titles = std::cell::OnceCell::new();
    let mut diags = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    // Where entry `i`'s link is written in site.yaml.
    let link_at = |i: usize| {
        let mut path = place.to_vec();
        path.extend([Seg::Index(i), Seg::Key("link")]);
        locate_value(text, &path)
    };
    for (i, entry) in nav.iter().enumerate() {
        let link = entry.link.trim();
        if link.starts_with("//") || has_scheme(link) {
            continue;
        }
        let Some((target, _)) = resolve(&format!("{root}index.html"), link) else {
            continue;
        };
        // The same page twice: both entries would be marked as the page
        // the reader is on.
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == target) {
            let (line, column) = link_at(i);
            let message = format!(
                "navigation link `{link}` leads to the same page as entry {} of the navigation",
                first + 1
            );
            let hint = "list each page once; remove this entry or point it at another page";
            diags.push(
                Diagnostic::warning("site.yaml", message)
                    .at(line, column)
                    .hint(hint),
            );
            continue;
        }
        seen.push((target.clone(), i));
        let problem = if target.starts_with("../") {
            "leads outside the site"
        } else if !outputs.contains(target.as_str()) {
            "leads to no page of the site"
        } else {
            continue;
        };
        let (line, column) = link_at(i);
        let pages = pages.get_or_init(|| own_pages(outputs, root, others));
        let titles = titles.get_or_init(&titles_of);
        // A web address without `https://`; else the page meant (a path
        // with backslashes too gets this advice, which names the page).
        let hint = super::file_hints::web_address_hint(link).unwrap_or_else(|| {
            let meant = titled(link, titles)
                .unwrap_or_else(|| meant(target.strip_prefix(root).unwrap_or(&target), pages));
            format!(
                "{meant}a nav link is a path from the site root, such as `about.html` or `practice/index.html`; the site has {}",
                examples(pages)
            )
        });
        diags.push(
            Diagnostic::error("site.yaml", format!("navigation link `{link}` {problem}"))
                .at(line, column)
                .hint(hint),
        );
    }
    diags
}

/// "did you mean `x`? " for a nav link written as a page's name without
/// `.html` (`about`), as a folder (`workshops/`), or as its Markdown file
/// (`pages/about.md`, `content/pages/about.md`); else for a near name.
fn meant(link: &str, pages: &[&str]) -> String {
    // Windows' backslashes (`pages\about.md`): a link's folders are apart by `/`.
    if link.contains('\\') {
        let slashed = link.replace('\\', "/");
        return format!(
            "a link writes `/` between folders, not `\\`; {}",
            meant(&slashed, pages)
        );
    }
    let bare = link.trim_start_matches("content/");
    let bare = bare.strip_prefix("pages/").unwrap_or(bare);
    let stem = [".md", ".markdown", ".html"]
        .iter()
        .find_map(|e| bare.strip_suffix(e))
        .unwrap_or(bare);
    let stem = stem.trim_end_matches('/');
    let page = [format!("{stem}.html"), format!("{stem}/index.html")]
        .into_iter()
        .find(|p| p != link && pages.contains(&p.as_str()));
    match page {
        Some(p) => format!("did you mean `{p}`? "),
        None => crate::suggest::did_you_mean(link, pages.iter().copied()),
    }
}

/// "`x.html` has this title: did you mean it? " for a nav link written as
/// a page's title (`link: About us`), in any case and with or without its
/// accents (`o warsztacie` for *O warsztacie*).
fn titled(link: &str, titles: &[(String, String)]) -> Option<String> {
    let key = |text: &str| {
        let folded = crate::search::tokenize::fold(text);
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let wanted = key(link);
    let (_, path) = titles.iter().find(|(title, _)| key(title) == wanted)?;
    Some(format!(
        "`{link}` is the title of `{path}`: did you mean `{path}`? "
    ))
}

/// A few page paths to choose from, for the hint.
fn examples(pages: &[&str]) -> String {
    if pages.is_empty() {
        return "no pages of its own yet".to_string();
    }
    let shown: Vec<String> = pages
        .iter()
        .filter(|p| p.matches('/').count() <= 1)
        .take(8)
        .map(|p| format!("`{p}`"))
        .collect();
    shown.join(", ")
}
