//! The template context of a page: what every page has (the site, the page,
//! navigation, language switcher, search box, brand style) and what its kind
//! adds, with the site's sections and navigation made once per language.

use super::jobs::{Job, JobKind};
use super::languages::{Alternates, Language};
use super::markdown::{self, inline_html, to_html, Ids};
use super::source_links::SourceLinks;
use super::statics::{Versions, BRAND_CSS};
use super::url::{self, relative_url, root_prefix};
use super::{brand, offers, practice, safe, session, svg, workshop};
use super::{COMPONENTS_PATH, GROUND_RULES_PATH};
use crate::i18n::Strings;
use crate::model::*;
use minijinja::{context, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// What every page of one language's render shares, made once.
pub(super) struct Shared<'a> {
    /// Where this language's pages go: `""` or `"<code>/"`.
    prefix: &'a str,
    alternates: &'a Alternates,
    /// The site's sections, as (title, path, summary).
    pub(super) sections: Vec<(String, String, String)>,
    /// The navigation's (label, target) pairs, the same on every page.
    pub(super) nav_links: Vec<(String, String)>,
    /// The brand's CSS for a `<style>` in the page, which templates made
    /// before `static/brand.css` existed still use.
    brand_style: brand::Style,
    /// The fingerprints that `static/…` URLs carry.
    versions: Versions,
    /// The page scripts' strings, as JSON for `<script type="application/json">`,
    /// made once per set of namespaces.
    script_strings: std::sync::Mutex<HashMap<&'static [&'static str], Arc<str>>>,
    /// What links in Markdown files may lead to (see [`SourceLinks`]).
    source_links: Arc<SourceLinks>,
    /// The site in the default language (the same site in it), whose
    /// practice sets and sessions a module links until they are translated.
    pub(super) default: &'a Site,
    /// The theme, for the ids its templates write (see
    /// [`crate::theme::Theme::ids_of`]).
    theme: crate::theme::Theme,
    /// The names of callouts' kinds in this language, looked up once.
    callouts: Arc<markdown::callouts::Names>,
}

impl<'a> Shared<'a> {
    pub(super) fn new(
        lang: &'a Language,
        alternates: &'a Alternates,
        versions: Versions,
        theme: &crate::theme::Theme,
    ) -> Shared<'a> {
        let site = lang.site;
        // Each reads every page of a large site: side by side.
        let ((sections, nav_links), source_links) = rayon::join(
            || {
                let sections = sections(site);
                let nav_links = nav_links(site, &sections);
                (sections, nav_links)
            },
            || SourceLinks::new(site, lang.default),
        );
        Shared {
            source_links: Arc::new(source_links),
            prefix: &lang.prefix,
            alternates,
            sections,
            nav_links,
            brand_style: brand::Style::new(&site.config),
            versions,
            script_strings: Default::default(),
            theme: theme.clone(),
            default: lang.default,
            callouts: Arc::new(markdown::callouts::Names::new(|key| {
                site.strings.t(key, &[])
            })),
        }
    }

    /// The UI strings of `namespaces` for a page's scripts; the search box's
    /// only when the site has one (`search` is the same for every page).
    fn script_strings(
        &self,
        strings: &Strings,
        namespaces: &'static [&'static str],
        search: bool,
    ) -> Arc<str> {
        let mut cache = self
            .script_strings
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        cache
            .entry(namespaces)
            .or_insert_with(|| {
                let wanted: Vec<&str> = namespaces
                    .iter()
                    .copied()
                    .filter(|&ns| search || ns != "search.")
                    .collect();
                let mut json = strings.for_scripts(&wanted);
                if super::typography::applies_to(strings.lang()) {
                    super::typography::bind_every_text(&mut json["strings"]);
                }
                practice::script_json(&json).into()
            })
            .clone()
    }
}

/// The template context of one page; `body` is the Markdown of a home or free page.
pub(super) fn page_context(site: &Site, job: &Job, body: &str, shared: &Shared) -> Value {
    let (sections, nav_links) = (&shared.sections, &shared.nav_links);
    let path = job.path.as_str();
    let output = format!("{}{path}", shared.prefix);
    // In a language's folder, shared files are one folder further up.
    let table = site.strings.t("site.table", &[]);
    let theme_ids = shared.theme.ids_of(job.kind.template());
    let mut ids = Ids::for_page(&root_prefix(shared.prefix), &table, theme_ids)
        .with_callouts(Arc::clone(&shared.callouts));
    // Markdown files of the site (and workshop.yaml, whose guide and
    // handout show each module's text, read from its own file).
    let markdown_page = matches!(
        job.kind,
        JobKind::Page(_)
            | JobKind::Home(_)
            | JobKind::Module(..)
            | JobKind::Agenda(_)
            | JobKind::Guide(_)
            | JobKind::Handout(_)
    );
    if let (true, Ok(file)) = (markdown_page, job.source.strip_prefix("content")) {
        ids = ids.with_source(
            &file.to_string_lossy().replace('\\', "/"),
            Arc::clone(&shared.source_links),
        );
    }
    let cfg = &site.config;
    let org = &cfg.organization;
    let site_ctx = context! {
        title => &cfg.title,
        language => site.strings.lang(),
        description => &cfg.description,
        organization => context! {
            name => &org.name, email => &org.email, phone => &org.phone,
            website => &org.website, address => &org.address,
        },
        footer => cfg.footer.as_deref().map(|f| safe(inline_html(f, path, &ids))),
        contact => offers::contact(org),
        // Logo, favicon and fonts are shared by every language: from the output root.
        logo => cfg.brand.logo.as_deref().map(|l| relative_url(&output, l.trim_start_matches('/'))),
        favicon => shared.versions.url(&output, cfg.brand.favicon.as_deref().unwrap_or("static/favicon.svg").trim_start_matches('/')),
        credit => cfg.brand.credit,
        offers_href => site.offers.as_ref().map(|_| relative_url(path, offers::PATH)),
        brand_style => safe(shared.brand_style.for_page(|to| relative_url(&output, to.trim_start_matches('/')))),
    };
    let description = match &job.kind {
        JobKind::Home(p) | JobKind::Page(p) => p.front.description.clone(),
        JobKind::PracticeSet(d) => d.data.description.clone(),
        JobKind::Session(d) => Some(d.data.problem.clone()),
        JobKind::Agenda(w) => Some(
            site.strings
                .t("workshop.audience", &[("audience", &w.data.audience)]),
        ),
        _ => None,
    };
    let page_ctx = context! {
        path => path,
        output => &output,
        prefix => shared.prefix,
        title => &job.title,
        description => description,
        source => job.source.to_string_lossy().replace('\\', "/"),
    };
    let common = context! {
        site => site_ctx,
        page => page_ctx,
        root => root_prefix(&output),
        stylesheet => shared.versions.url(&output, "static/style.css"),
        brand_stylesheet => shared.versions.url(&output, BRAND_CSS),
        alternates => shared.alternates.view(path, &output, site.strings.lang()),
        nav => nav(path, nav_links),
        search => search_box(site, &output),
        script_strings => safe(shared.script_strings(&site.strings, job.kind.script_namespaces(), cfg.search).to_string()),
    };
    let specific = match &job.kind {
        JobKind::Home(page) => context! {
            hero => page.front.hero.as_ref().map(|h| offers::hero(h, path, &ids)),
            offers => offers::cards(site, path, &mut ids),
            content => safe(to_html(body, path, &mut ids)),
            // Offers have their own cards on the home page.
            sections => sections.iter().filter(|(_, target, _)| target != offers::PATH).map(|(title, target, summary)| context! {
                title => title, href => relative_url(path, target), summary => summary,
            }).collect::<Vec<_>>(),
        },
        JobKind::Page(p) => {
            let body = without_repeated_title(body, &p.front.title);
            let page = markdown::to_html_below(&body, path, &mut ids, 1);
            // Pages with several sections list them beside the text on wide screens.
            let toc = page.h2;
            context! {
                toc => if toc.len() >= 3 { toc } else { Vec::new() },
                content => safe(page.html),
            }
        }
        JobKind::GroundRules(doc) => ground_rules_context(&doc.data, path, &mut ids),
        JobKind::Components(doc) => components_context(site, &doc.data, path, &mut ids),
        JobKind::Offers(doc) => offers::page_context(site, &doc.data, path, &mut ids),
        JobKind::PracticeIndex => practice::index_context(site, path, &ids),
        JobKind::PracticeSet(doc) => practice::set_context(site, doc, path, &mut ids),
        JobKind::SessionIndex => session::index_context(site, path),
        JobKind::Session(doc) => session::session_context(site, doc, path, &mut ids),
        JobKind::WorkshopIndex => workshop::index_context(site, path),
        JobKind::Agenda(w) => workshop::agenda_context(site, w, path, &mut ids),
        JobKind::Module(w, i) => {
            workshop::module_context((site, shared.default), w, *i, path, &mut ids)
        }
        JobKind::Guide(w) => workshop::guide_context((site, shared.default), w, path, &mut ids),
        JobKind::Handout(w) => workshop::handout_context((site, shared.default), w, path, &mut ids),
        JobKind::Untranslated => context! {
            // The original is at the same path in the default language, at the root.
            original => relative_url(&output, path),
            original_lang => cfg.all_languages().first().cloned().unwrap_or_default(),
        },
        // Where a reader who followed a broken link may have meant to go.
        JobKind::NotFound => context! {
            sections => sections.iter().map(|(title, target, _)| context! {
                title => title, href => relative_url(path, target),
            }).collect::<Vec<_>>(),
        },
    };
    context! { ..common, ..specific }
}

/// What `search.html` needs on the page `output` (its path from the site
/// root); none when search is off. Each language has its own index.
fn search_box(site: &Site, output: &str) -> Option<Value> {
    if !site.config.search {
        return None;
    }
    let lang = site.strings.lang();
    let index = relative_url(output, &crate::search::index_path(lang));
    let others = site.config.all_languages().len() > 1;
    let data = crate::search::page_data(lang, &index, &root_prefix(output), others);
    Some(context! { data => safe(practice::script_json(&data)) })
}

fn ground_rules_context(rules: &GroundRules, path: &str, ids: &mut Ids) -> Value {
    ids.reserve(rules.rules.iter().map(|r| r.id.as_str()));
    let fresh = ids.fresh();
    let inline_html = |text: &str| inline_html(text, path, &fresh);
    let examples = |list: &[Example]| -> Vec<Value> {
        list.iter()
            .map(|e| context! { said => &e.said, note => e.note.as_deref().map(|n| safe(inline_html(n))) })
            .collect()
    };
    context! {
        intro => rules.intro.as_deref().map(|i| safe(to_html(i, path, ids))),
        rules => rules.rules.iter().enumerate().map(|(i, r)| context! {
            number => i + 1,
            id => ids.given(&r.id),
            title => &r.title,
            text => safe(inline_html(&r.text)),
            why => safe(to_html(&r.why, path, ids)),
            good => examples(&r.good),
            bad => examples(&r.bad),
        }).collect::<Vec<_>>(),
    }
}

fn components_context(site: &Site, doc: &Components, path: &str, ids: &mut Ids) -> Value {
    ids.reserve(doc.components.iter().map(|c| c.id.as_str()));
    let anchors: Vec<String> = doc.components.iter().map(|c| ids.given(&c.id)).collect();
    let nodes: Vec<svg::Node> = doc
        .components
        .iter()
        .zip(&anchors)
        .map(|(c, a)| svg::Node {
            anchor: a,
            label: c.short.as_deref().unwrap_or(&c.name),
        })
        .collect();
    let s = &site.strings;
    let diagram = svg::cycle_diagram(
        &nodes,
        &s.t("components.diagram_label", &[("title", &doc.title)]),
        &s.t("components.diagram_centre", &[]),
    );
    context! {
        intro => doc.intro.as_deref().map(|i| safe(to_html(i, path, ids))),
        diagram => safe(diagram),
        components => doc.components.iter().zip(&anchors).enumerate().map(|(i, (c, id))| context! {
            number => i + 1,
            id => id,
            name => &c.name,
            summary => &c.summary,
            body => safe(to_html(&c.body, path, ids)),
            questions => &c.questions,
        }).collect::<Vec<_>>(),
    }
}

/// Free pages the default navigation lists by name; with more, it leaves
/// them to the home page, so no page carries hundreds of links.
const NAV_PAGES: usize = 8;

/// The navigation of each language's pages, as (label, target) pairs: what
/// every page reads of other files. An edit that changes it re-renders all.
pub fn navigations(site: &Site) -> Vec<Vec<(String, String)>> {
    super::languages::languages(site)
        .iter()
        .map(|lang| nav_links(lang.site, &sections(lang.site)))
        .collect()
}

/// The navigation's (label, target) pairs, the same on every page.
fn nav_links(site: &Site, sections: &[(String, String, String)]) -> Vec<(String, String)> {
    if site.config.nav.is_empty() {
        let list_pages = site.pages.len() <= NAV_PAGES;
        // By output path: a search of every page for every section grows with the square.
        let pages: HashMap<&str, &Page> =
            site.pages.iter().map(|p| (p.output.as_str(), p)).collect();
        std::iter::once((site.strings.t("nav.home", &[]), "index.html".to_string()))
            .chain(sections.iter().filter_map(|(title, target, _)| {
                match pages.get(target.as_str()) {
                    // A free page may ask for a shorter label in the navigation.
                    Some(page) if list_pages => Some((
                        page.front
                            .nav_title
                            .clone()
                            .unwrap_or_else(|| title.clone()),
                        target.clone(),
                    )),
                    Some(_) => None,
                    None => Some((title.clone(), target.clone())),
                }
            }))
            .collect()
    } else {
        site.config
            .nav
            .iter()
            .map(|n| (n.title.clone(), n.link.trim_start_matches('/').to_string()))
            .collect()
    }
}

/// The navigation for the page at `path`, with where the reader is marked.
fn nav(path: &str, links: &[(String, String)]) -> Vec<Value> {
    links
        .iter()
        .map(|(title, target)| {
            let target_path = target.split('#').next().unwrap_or("").to_string();
            let current = if target_path == path {
                "page"
            } else if target_path.ends_with("/index.html")
                && path.starts_with(target_path.trim_end_matches("index.html"))
            {
                "true"
            } else {
                ""
            };
            let href = if target.starts_with("//") || url::has_scheme(target) {
                target.clone()
            } else {
                relative_url(path, target)
            };
            context! { title => title, href => href, current => current }
        })
        .collect()
}

/// The title of every section and free page of `site`, and the shorter
/// `nav_title` a page gives, each with its path: what a trainer may write in
/// a `nav:` link by mistake, for its hint.
pub fn page_titles(site: &Site) -> Vec<(String, String)> {
    let sections = sections(site).into_iter().map(|(t, path, _)| (t, path));
    let short = site.pages.iter().filter_map(|p| {
        let nav_title = p.front.nav_title.clone()?;
        Some((nav_title, p.output.clone()))
    });
    sections.chain(short).collect()
}

/// The site's sections, as (title, path, summary): the home page and default
/// navigation list them.
fn sections(site: &Site) -> Vec<(String, String, String)> {
    let s = &site.strings;
    let count = |n: usize| n as u64;
    let mut out = Vec::new();
    if let Some(doc) = &site.offers {
        out.push((
            doc.data.title.clone(),
            offers::PATH.to_string(),
            s.plural("offers.summary", count(doc.data.offers.len()), &[]),
        ));
    }
    if let Some(doc) = &site.ground_rules {
        out.push((
            doc.data.title.clone(),
            GROUND_RULES_PATH.to_string(),
            s.plural(
                "section.ground_rules_summary",
                count(doc.data.rules.len()),
                &[],
            ),
        ));
    }
    if let Some(doc) = &site.components {
        out.push((
            doc.data.title.clone(),
            COMPONENTS_PATH.to_string(),
            s.plural(
                "section.components_summary",
                count(doc.data.components.len()),
                &[],
            ),
        ));
    }
    if !site.practice.is_empty() {
        let items: usize = site.practice.iter().map(|d| d.data.items.len()).sum();
        let exercises = s.plural("count.exercises", count(items), &[]);
        let sets = s.plural("section.in_sets", count(site.practice.len()), &[]);
        out.push((
            s.t("section.practice", &[]),
            practice::INDEX_PATH.to_string(),
            s.t(
                "section.practice_summary",
                &[("exercises", &exercises), ("in_sets", &sets)],
            ),
        ));
    }
    if !site.sessions.is_empty() {
        out.push((
            s.t("section.sessions", &[]),
            session::INDEX_PATH.to_string(),
            s.plural("section.sessions_summary", count(site.sessions.len()), &[]),
        ));
    }
    let workshops = site
        .workshops
        .iter()
        .filter(|w| !w.source.as_os_str().is_empty())
        .count();
    if workshops > 0 {
        out.push((
            s.t("section.workshops", &[]),
            workshop::INDEX_PATH.to_string(),
            s.plural(
                &workshop::in_package(&site.config, "section.workshops_summary"),
                count(workshops),
                &[],
            ),
        ));
    }
    let mut pages: Vec<&Page> = site.pages.iter().collect();
    s.order().sort(&mut pages, |p| p.front.title.as_str());
    for page in pages {
        out.push((
            page.front.title.clone(),
            page.output.clone(),
            page.front.description.clone().unwrap_or_default(),
        ));
    }
    out
}

/// A page's Markdown without a first `# heading` that repeats its title, as
/// pages from Hugo or Jekyll often have (the page shows its title already);
/// the heading's line stays as a blank one, so lines keep their numbers.
fn without_repeated_title<'b>(body: &'b str, title: &str) -> std::borrow::Cow<'b, str> {
    match crate::load::frontmatter::heading_title(body) {
        Some((heading, _, after, rest)) if heading == title => {
            format!("{}{rest}", "\n".repeat(after - 1)).into()
        }
        _ => body.into(),
    }
}
