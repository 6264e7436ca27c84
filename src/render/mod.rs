//! Turns a loaded [`Site`] into output files: Markdown through pulldown-cmark,
//! pages through minijinja templates, every URL relative. Reads no files
//! except templates, through the [`Theme`].

mod errors;
use errors::template_error;
pub mod brand;
mod jobs;
mod keys;
pub mod languages;
pub mod markdown;
pub mod offers;
pub mod practice;
pub mod session;
pub mod svg;
pub mod url;
pub mod workshop;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::*;
use crate::theme::Theme;
use jobs::{jobs, Job, JobKind};
pub use jobs::{pages_of, planned_pages};
use languages::{Alternates, Language};
use markdown::{inline_html, to_html, Ids};
use minijinja::{context, Environment, State, Value};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use url::{relative_url, root_prefix};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path from the site root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
    /// The content file it was made from, if any.
    pub source: Option<PathBuf>,
    /// The template it was rendered with, if any.
    pub template: Option<&'static str>,
    /// A fingerprint of what it was rendered from (0: unknown), so the next
    /// build can tell whether it needs rendering again.
    pub key: u64,
}

impl Output {
    /// A file that is not a rendered page (a static file, a copied asset,
    /// a search index): no source, no template, no fingerprint.
    pub fn plain(path: String, bytes: Vec<u8>) -> Output {
        Output {
            path,
            bytes,
            source: None,
            template: None,
            key: 0,
        }
    }
}

/// A page about to be rendered, as [`Inputs::reuse`] sees it.
pub struct Planned<'a> {
    /// Its output path.
    pub path: &'a str,
    pub source: &'a std::path::Path,
    pub template: &'static str,
    /// A fingerprint of everything the page is rendered from.
    pub key: u64,
}

/// Reads the Markdown body of a free page, which the loaded site does not
/// keep (see [`Page::body`]); `build` passes `load::page_body` for its root.
pub type ReadBody<'a> = &'a (dyn Fn(&Page) -> Result<String, Diagnostic> + Sync);

/// What `render_site` needs beyond the site: the free pages' bodies, and
/// which pages it may skip.
pub struct Inputs<'a, R> {
    pub read_body: ReadBody<'a>,
    /// A fingerprint of what every page reads from outside `content/` (the
    /// program, the theme, UI strings); 0 renders every page.
    pub base: u64,
    /// Asked before a page is rendered; a `Some` is used instead of rendering it.
    pub reuse: &'a (dyn Fn(&Planned) -> Option<R> + Sync),
    /// Called with each page's result in the site's order (a language's
    /// pages as planned, languages one after another), while later pages
    /// are rendered: the search index is built as pages come.
    pub in_order: &'a (dyn Fn(&mut R) + Sync),
}

impl<'a, R> Inputs<'a, R> {
    /// Renders every page, reading bodies with `read_body`.
    pub fn all(read_body: ReadBody<'a>) -> Inputs<'a, R> {
        Inputs {
            read_body,
            base: 0,
            reuse: &|_| None,
            in_order: &|_| {},
        }
    }
}

pub const GROUND_RULES_PATH: &str = "ground-rules.html";
pub const COMPONENTS_PATH: &str = "components.html";

/// Renders every page and adds the static files and assets. Each output is
/// handed to `each` as soon as it exists (`build` writes it to disk and keeps
/// only its links; `serve` keeps it whole); pages `inputs` says are as they
/// were are not rendered.
pub fn render_site<R: Send>(
    site: &Site,
    theme: &Theme,
    assets: Vec<(String, Vec<u8>)>,
    inputs: &Inputs<R>,
    each: impl Fn(Output) -> Result<R, Diagnostic> + Sync,
) -> Result<Vec<R>, Diagnostics> {
    let statics: Vec<Output> = theme
        .static_files()
        .into_iter()
        .chain(assets)
        .map(|(path, bytes)| Output::plain(path, bytes))
        .collect();
    let langs = languages::languages(site);
    let alternates = Alternates::new(&langs, |s| jobs(s).into_iter().map(|j| j.path).collect());
    let keys = keys::SiteKeys::new(site, &langs, inputs.base);
    let mut results = Vec::new();
    for lang in &langs {
        results.extend(render_jobs(
            lang,
            theme,
            jobs(lang.site),
            &alternates,
            (inputs, &keys),
            &each,
        )?);
    }
    let mut diags = Diagnostics::default();
    for o in statics {
        match each(o) {
            Ok(r) => results.push(r),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(results)
}

/// Renders only the pages that read one of the `changed` source files:
/// a scoped rebuild after an edit. Static files are not included.
pub fn render_affected(
    site: &Site,
    theme: &Theme,
    changed: &[PathBuf],
    listed_changed: bool,
    read_body: ReadBody,
) -> Result<Vec<Output>, Diagnostics> {
    let affected = jobs(site)
        .into_iter()
        .filter(|job| {
            (listed_changed && job.lists_pages()) || changed.iter().any(|c| job.reads(site, c))
        })
        .collect();
    // Scoped rebuilds are for one-language sites only (see build::Incremental).
    let lang = &languages::languages(site)[0];
    let inputs = Inputs::all(read_body);
    let keys = keys::SiteKeys::default();
    render_jobs(
        lang,
        theme,
        affected,
        &Alternates::default(),
        (&inputs, &keys),
        &Ok,
    )
}

fn render_jobs<R: Send>(
    lang: &Language,
    theme: &Theme,
    jobs: Vec<Job>,
    alternates: &Alternates,
    (inputs, site_keys): (&Inputs<R>, &keys::SiteKeys),
    each: &(impl Fn(Output) -> Result<R, Diagnostic> + Sync),
) -> Result<Vec<R>, Diagnostics> {
    let site = lang.site;
    let env = environment(theme, site.strings.clone());
    let sections = sections(site);
    let nav_links = nav_links(site, &sections);
    let keys = site_keys.for_language(site, &nav_links, &sections);
    let shared = Shared {
        sections,
        nav_links,
        script_strings: Default::default(),
        prefix: &lang.prefix,
        alternates,
    };
    let render = |job: &Job| -> Result<R, Diagnostic> {
        let template = job.kind.template();
        let path = format!("{}{}", lang.prefix, job.path);
        let key = keys.of(job, &path);
        if key != 0 {
            let planned = Planned {
                path: &path,
                source: &job.source,
                template,
                key,
            };
            if let Some(kept) = (inputs.reuse)(&planned) {
                return Ok(kept);
            }
        }
        let body = match &job.kind {
            JobKind::Home(page) | JobKind::Page(page) => match &page.body {
                Some(body) => Cow::Borrowed(body.as_str()),
                None => Cow::Owned((inputs.read_body)(page)?),
            },
            _ => Cow::Borrowed(""),
        };
        let ctx = page_context(site, job, &body, &shared);
        let html = render_one(&env, theme, template, ctx)?;
        each(Output {
            path,
            bytes: html.into_bytes(),
            source: Some(job.source.clone()),
            template: Some(template),
            key,
        })
    };
    let results = in_batches(&jobs, render, inputs.in_order);
    let mut diags = Diagnostics::default();
    let mut outputs = Vec::with_capacity(results.len() + 16);
    for r in results {
        match r {
            Ok(o) => outputs.push(o),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(outputs)
}

/// Pages rendered in parallel a batch at a time; `in_order` sees each
/// batch's results in order while the next batch renders.
fn in_batches<R: Send>(
    jobs: &[Job],
    render: impl Fn(&Job) -> Result<R, Diagnostic> + Sync,
    in_order: &(dyn Fn(&mut R) + Sync),
) -> Vec<Result<R, Diagnostic>> {
    const BATCH: usize = 512;
    let see = |batch: &mut Vec<Result<R, Diagnostic>>| {
        batch.iter_mut().flatten().for_each(in_order);
    };
    let mut results = Vec::with_capacity(jobs.len());
    let mut last = Vec::new();
    for batch in jobs.chunks(BATCH) {
        let ((), next) = rayon::join(
            || see(&mut last),
            || batch.par_iter().map(&render).collect::<Vec<_>>(),
        );
        results.append(&mut last);
        last = next;
    }
    see(&mut last);
    results.append(&mut last);
    results
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
            s.plural("section.workshops_summary", count(workshops), &[]),
        ));
    }
    let mut pages: Vec<&Page> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.front.title.cmp(&b.front.title));
    for page in pages {
        out.push((
            page.front.title.clone(),
            page.output.clone(),
            page.front.description.clone().unwrap_or_default(),
        ));
    }
    out
}

fn environment(theme: &Theme, strings: Arc<Strings>) -> Environment<'static> {
    let mut env = Environment::new();
    languages::add_string_functions(&mut env, strings);
    let loader_theme = theme.clone();
    env.set_loader(move |name| Ok(loader_theme.template(name)));
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // Keeps error spans, so template errors point at a column.
    env.set_debug(true);
    // minijinja also escapes `/`, which makes every URL unreadable in the
    // source; escape only what HTML needs.
    env.set_formatter(
        |out, state, value| match (state.auto_escape(), value.as_str()) {
            (minijinja::AutoEscape::Html, Some(text)) if !value.is_safe() => {
                out.write_str(&escape_html(text)).map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write")
                })
            }
            _ => minijinja::escape_formatter(out, state, value),
        },
    );
    // `url("components.html#problem")`: a path from the language's root, made
    // relative to the page; `static/…` files are shared by every language.
    env.add_function("url", |state: &State, target: String| -> String {
        let page = state.lookup("page");
        let attr = |name: &str| {
            page.as_ref()
                .and_then(|p| p.get_attr(name).ok())
                .filter(|v| !v.is_undefined())
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        let shared = target.starts_with("static/");
        let target = if shared {
            target
        } else {
            format!("{}{target}", attr("prefix"))
        };
        relative_url(&attr("output"), &target)
    });
    env
}

fn render_one(
    env: &Environment<'static>,
    theme: &Theme,
    template: &str,
    ctx: Value,
) -> Result<String, Diagnostic> {
    let tmpl = env
        .get_template(template)
        .map_err(|e| template_error(theme, template, &e))?;
    tmpl.render(ctx)
        .map_err(|e| template_error(theme, template, &e))
}

pub(crate) fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

/// What every page of one render shares.
struct Shared<'a> {
    /// Where this language's pages go: `""` or `"<code>/"`.
    prefix: &'a str,
    alternates: &'a Alternates,
    sections: Vec<(String, String, String)>,
    nav_links: Vec<(String, String)>,
    /// The page scripts' strings, as JSON for `<script type="application/json">`,
    /// made once per set of namespaces.
    script_strings: std::sync::Mutex<HashMap<&'static [&'static str], Arc<str>>>,
}

impl Shared<'_> {
    fn script_strings(&self, strings: &Strings, namespaces: &'static [&'static str]) -> Arc<str> {
        let mut cache = self
            .script_strings
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        cache
            .entry(namespaces)
            .or_insert_with(|| practice::script_json(&strings.for_scripts(namespaces)).into())
            .clone()
    }
}

/// The template context of one page; `body` is the Markdown of a home or free page.
fn page_context(site: &Site, job: &Job, body: &str, shared: &Shared) -> Value {
    let (sections, nav_links) = (&shared.sections, &shared.nav_links);
    let path = job.path.as_str();
    let output = format!("{}{path}", shared.prefix);
    // In a language's folder, shared files are one folder further up.
    let mut ids = Ids::with_shared_prefix(&root_prefix(shared.prefix));
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
        footer => cfg.footer.as_deref().map(|f| safe(inline_html(f, path))),
        contact => offers::contact(org),
        // Logo, favicon and fonts are shared by every language: from the output root.
        logo => cfg.brand.logo.as_deref().map(|l| relative_url(&output, l.trim_start_matches('/'))),
        favicon => relative_url(&output, cfg.brand.favicon.as_deref().unwrap_or("static/favicon.svg").trim_start_matches('/')),
        credit => cfg.brand.credit,
        offers_href => site.offers.as_ref().map(|_| relative_url(path, offers::PATH)),
        brand_style => safe(brand::style(cfg, |to| relative_url(&output, to.trim_start_matches('/')))),
    };
    let description = match &job.kind {
        JobKind::Home(p) | JobKind::Page(p) => p.front.description.clone(),
        JobKind::PracticeSet(d) => d.data.description.clone(),
        JobKind::Session(d) => Some(d.data.problem.clone()),
        JobKind::Agenda(w) => Some(
            site.strings
                .t("workshop.for_audience", &[("audience", &w.data.audience)]),
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
        stylesheet => relative_url(&output, "static/style.css"),
        alternates => shared.alternates.view(path, &output, site.strings.lang()),
        nav => nav(path, nav_links),
        search => search_box(site, &output),
        script_strings => safe(shared.script_strings(&site.strings, job.kind.script_namespaces()).to_string()),
    };
    let specific = match &job.kind {
        JobKind::Home(page) => context! {
            hero => page.front.hero.as_ref().map(|h| offers::hero(h, path)),
            offers => offers::cards(site, path, &mut ids),
            content => safe(to_html(body, path, &mut ids)),
            // Offers have their own cards on the home page.
            sections => sections.iter().filter(|(_, target, _)| target != offers::PATH).map(|(title, target, summary)| context! {
                title => title, href => relative_url(path, target), summary => summary,
            }).collect::<Vec<_>>(),
        },
        JobKind::Page(_) => {
            let html = to_html(body, path, &mut ids);
            // Pages with several sections list them beside the text on wide screens.
            let toc = markdown::h2_headings(&html);
            context! {
                toc => if toc.len() >= 3 { toc } else { Vec::new() },
                content => safe(html),
            }
        }
        JobKind::GroundRules(doc) => ground_rules_context(&doc.data, path, &mut ids),
        JobKind::Components(doc) => components_context(site, &doc.data, path, &mut ids),
        JobKind::Offers(doc) => offers::page_context(site, &doc.data, path, &mut ids),
        JobKind::PracticeIndex => practice::index_context(site, path),
        JobKind::PracticeSet(doc) => practice::set_context(site, doc, path, &mut ids),
        JobKind::SessionIndex => session::index_context(site, path),
        JobKind::Session(doc) => session::session_context(site, doc, path, &mut ids),
        JobKind::WorkshopIndex => workshop::index_context(site, path),
        JobKind::Agenda(w) => workshop::agenda_context(site, w, path, &mut ids),
        JobKind::Module(w, i) => workshop::module_context(site, w, *i, path, &mut ids),
        JobKind::Guide(w) => workshop::guide_context(site, w, path, &mut ids),
        JobKind::Handout(w) => workshop::handout_context(site, w, path, &mut ids),
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
    let data = crate::search::page_data(lang, &index, &root_prefix(output));
    Some(context! { data => safe(practice::script_json(&data)) })
}

fn ground_rules_context(rules: &GroundRules, path: &str, ids: &mut Ids) -> Value {
    let examples = |list: &[Example]| -> Vec<Value> {
        list.iter()
            .map(|e| context! { said => &e.said, note => e.note.as_deref().map(|n| safe(inline_html(n, path))) })
            .collect()
    };
    context! {
        intro => rules.intro.as_deref().map(|i| safe(to_html(i, path, ids))),
        rules => rules.rules.iter().enumerate().map(|(i, r)| context! {
            number => i + 1,
            id => ids.unique(&r.id),
            title => &r.title,
            text => safe(inline_html(&r.text, path)),
            why => safe(to_html(&r.why, path, ids)),
            good => examples(&r.good),
            bad => examples(&r.bad),
        }).collect::<Vec<_>>(),
    }
}

fn components_context(site: &Site, doc: &Components, path: &str, ids: &mut Ids) -> Value {
    let anchors: Vec<String> = doc.components.iter().map(|c| ids.unique(&c.id)).collect();
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

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The launch page of a SCO in a SCORM package (`path`, e.g. `lms/x.html`):
/// the page `start` in a frame that fills the window, and `config` for
/// progress.js, which connects to the LMS from here.
pub fn launch_page(
    site: &Site,
    theme: &Theme,
    path: &str,
    title: &str,
    start: &str,
    config: &serde_json::Value,
) -> Result<String, Diagnostic> {
    let env = environment(theme, site.strings.clone());
    let ctx = context! {
        page => context! { path => path, output => path, prefix => "", title => title },
        site => context! { title => &site.config.title, language => &site.config.language },
        start => relative_url(path, start),
        config => safe(practice::script_json(config)),
    };
    render_one(&env, theme, "scorm-launch.html", ctx)
}
