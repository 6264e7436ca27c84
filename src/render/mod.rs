//! Turns a loaded [`Site`] into output files: Markdown through pulldown-cmark,
//! pages through minijinja templates, every URL relative. Reads no files
//! except templates, through the [`Theme`].

mod batches;
mod errors;
use errors::template_error;
pub mod brand;
mod context;
mod jobs;
mod keys;
pub mod languages;
pub mod markdown;
mod not_found;
pub mod offers;
pub mod practice;
pub mod session;
mod source_links;
pub mod statics;
pub mod svg;
mod typography;
pub mod url;
pub mod workshop;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::model::*;
use crate::theme::Theme;
pub use context::{navigations, page_titles};
use context::{page_context, Shared};
use jobs::{jobs, Job, JobKind};
pub use jobs::{pages_of, planned_pages, NOT_FOUND_PATH};
use languages::{Alternates, Language};
use minijinja::{context, Environment, State, Value};
use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;
use url::relative_url;

/// A file's bytes, shared: an asset the build copies (a video of a
/// gigabyte) is held once, however many outputs hold it.
pub type Bytes = std::sync::Arc<Vec<u8>>;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path from the site root, with `/` separators.
    pub path: String,
    pub bytes: Bytes,
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
    pub fn plain(path: String, bytes: impl Into<Bytes>) -> Output {
        Output {
            path,
            bytes: bytes.into(),
            source: None,
            template: None,
            key: 0,
        }
    }

    /// The page's HTML; `None` for a file that is not a page (or not UTF-8).
    pub fn html(&self) -> Option<&str> {
        if !self.path.ends_with(".html") {
            return None;
        }
        std::str::from_utf8(&self.bytes).ok()
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
    assets: Vec<(String, Bytes)>,
    inputs: &Inputs<R>,
    each: impl Fn(Output) -> Result<R, Diagnostic> + Sync,
) -> Result<Vec<R>, Diagnostics> {
    let static_files = statics::Statics::new(theme, &site.config);
    let versions = static_files.versions();
    let statics: Vec<Output> = static_files
        .files
        .into_iter()
        .map(|(path, bytes)| Output::plain(path, bytes))
        .chain(
            assets
                .into_iter()
                .map(|(path, bytes)| Output::plain(path, bytes)),
        )
        .collect();
    let langs = languages::languages(site);
    let alternates = Alternates::new(&langs, |s| jobs(s).into_iter().map(|j| j.path).collect());
    let keys = keys::SiteKeys::new(site, &langs, inputs.base);
    let mut results = Vec::new();
    for lang in &langs {
        results.extend(render_jobs(
            lang,
            theme,
            jobs::language_jobs(site, lang),
            (&alternates, &versions),
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

/// Renders only the pages that read one of the `changed` source files, in
/// every language: a scoped rebuild after an edit. With `listed_changed`,
/// the pages that list others (the home pages) too. Static files are not
/// included.
pub fn render_affected(
    site: &Site,
    theme: &Theme,
    changed: &[PathBuf],
    listed_changed: bool,
    read_body: ReadBody,
) -> Result<Vec<Output>, Diagnostics> {
    let langs = languages::languages(site);
    // The language links of every page; none on a site in one language.
    let alternates = Alternates::new(&langs, |s| jobs(s).into_iter().map(|j| j.path).collect());
    let inputs = Inputs::all(read_body);
    let keys = keys::SiteKeys::default();
    let versions = statics::Statics::new(theme, &site.config).versions();
    let mut outputs = Vec::new();
    for lang in &langs {
        let affected = jobs::language_jobs(site, lang)
            .into_iter()
            .filter(|job| {
                (listed_changed && job.lists_pages())
                    || changed.iter().any(|c| job.reads(lang.site, c))
            })
            .collect();
        let each = render_jobs(
            lang,
            theme,
            affected,
            (&alternates, &versions),
            (&inputs, &keys),
            &Ok,
        )?;
        outputs.extend(each);
    }
    Ok(outputs)
}

fn render_jobs<R: Send>(
    lang: &Language,
    theme: &Theme,
    jobs: Vec<Job>,
    (alternates, versions): (&Alternates, &statics::Versions),
    (inputs, site_keys): (&Inputs<R>, &keys::SiteKeys),
    each: &(impl Fn(Output) -> Result<R, Diagnostic> + Sync),
) -> Result<Vec<R>, Diagnostics> {
    let site = lang.site;
    let (env, shared) = rayon::join(
        || environment(theme, site.strings.clone(), versions.clone()),
        || Shared::new(lang, alternates, versions.clone(), theme),
    );
    let keys = site_keys.for_language(site, &shared.nav_links, &shared.sections);
    let polish = typography::applies_to(&site.config.language);
    let base = site.config.url_path();
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
        let mut html = render_one(&env, theme, template, ctx)?;
        if polish {
            if let Cow::Owned(bound) = typography::bind_polish(&html) {
                html = bound;
            }
        }
        // The built-in page for missing addresses, or a free page in its place.
        if let (NOT_FOUND_PATH, Some(base)) = (path.as_str(), &base) {
            html = not_found::from_base(&html, base);
        }
        each(Output {
            path,
            bytes: html.into_bytes().into(),
            source: Some(job.source.clone()),
            template: Some(template),
            key,
        })
    };
    let results = batches::in_batches(&jobs, render, inputs.in_order);
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

fn environment(
    theme: &Theme,
    strings: Arc<Strings>,
    versions: statics::Versions,
) -> Environment<'static> {
    let mut env = Environment::new();
    languages::add_string_functions(&mut env, strings);
    let loader_theme = theme.clone();
    env.set_loader(move |name| Ok(loader_theme.template(name)));
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // Keeps error spans, so template errors point at a column.
    env.set_debug(true);
    // minijinja also escapes `/`, which makes every URL unreadable in the
    // source; escape only what HTML needs. An optional field left out
    // (`summary`, `intro`) is none: it shows nothing, not the word "None".
    env.set_formatter(
        |out, state, value| match (state.auto_escape(), value.as_str()) {
            _ if value.is_none() => Ok(()),
            (minijinja::AutoEscape::Html, Some(text)) if !value.is_safe() => {
                out.write_str(&escape_html(text)).map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write")
                })
            }
            _ => minijinja::escape_formatter(out, state, value),
        },
    );
    // A text for a `<q>`, quotations inside it in a `<q>` of their own.
    env.add_filter("inner_quotes", |value: Value| -> Value {
        match value.as_str() {
            Some(text) if !value.is_safe() => {
                Value::from_safe_string(typography::inner_quotations(text))
            }
            _ => value,
        }
    });
    // A price, `1 200 zł`: its number and currency never part at a line's end.
    env.add_filter("price", |value: Value| -> Value {
        match value.as_str() {
            Some(text) => Value::from(typography::bind_amounts(text)),
            None => value,
        }
    });
    // `url("components.html#problem")`: a path from the language's root, made
    // relative to the page; `static/…` files are shared by every language,
    // and carry their fingerprint.
    env.add_function("url", move |state: &State, target: String| -> String {
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
        versions.url(&attr("output"), &target)
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

/// An index page's documents in the order of their file names, as the
/// site's language sorts them (`cele`, `ćwiczenia`, `dyskusja`; `2-…`
/// before `10-…`): name the files to choose the order.
pub(crate) fn in_order<'a, T: Sync>(
    site: &Site,
    docs: &'a [T],
    slug: impl Fn(&T) -> &str + Sync,
) -> Vec<&'a T> {
    let mut sorted: Vec<&T> = docs.iter().collect();
    site.strings.order().sort(&mut sorted, |d| slug(d));
    sorted
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

/// Decodes the character references alsite, minijinja and pulldown-cmark
/// write (`&amp;`, `&#39;`, `&#x27;`…); a `&` that starts none stays.
pub fn unescape_html(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| character_reference(&rest[1..i]));
        match (end, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &rest[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn character_reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The launch page of a SCO in a SCORM package (`path`, e.g. `lms/x.html`):
/// the page `start` in a frame that fills the window, and `config` for
/// lms.js, which connects to the LMS from here.
pub fn launch_page(
    site: &Site,
    theme: &Theme,
    path: &str,
    title: &str,
    start: &str,
    config: &serde_json::Value,
) -> Result<String, Diagnostic> {
    let versions = statics::Statics::new(theme, &site.config).versions();
    let env = environment(theme, site.strings.clone(), versions);
    let ctx = context! {
        page => context! { path => path, output => path, prefix => "", title => title },
        site => context! {
            title => &site.config.title,
            language => &site.config.language,
            // From the output root, as `url()` takes it.
            favicon => site.config.brand.favicon.as_deref().unwrap_or("static/favicon.svg").trim_start_matches('/'),
        },
        start => relative_url(path, start),
        config => safe(practice::script_json(config)),
    };
    render_one(&env, theme, "scorm-launch.html", ctx)
}
