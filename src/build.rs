//! load → check → render → write. Pages are rendered in parallel and each
//! is staged as soon as it exists (see [`output`]): a page whose inputs are
//! unchanged since the last build is not rendered again, a file whose bytes
//! are unchanged is not written again. The link check then runs on what was
//! kept of each page (its links and ids), and the output changes only when
//! everything succeeded.

use crate::check::{self, LinkAttributes, LinkIndex, Names, PageLinks};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::{Page, Site};
use crate::render::{self, Inputs, Output, Planned};
use crate::search::{self, IndexedPage, SiteText};
use crate::theme::Theme;
use index::{path_language, render_with_search, SiteIndex};
use manifest::{Record, Stamp};
use output::Writer;
use prepare::{prepare, Prepared};
use rayon::prelude::*;
use std::borrow::Borrow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub(crate) mod guard;
mod hold;
mod incremental;
mod index;
mod manifest;
mod output;
mod prepare;
mod previous;
mod stale;
mod write_errors;
pub use guard::MARKER;
pub use incremental::{Incremental, Rebuilt};
pub use manifest::MANIFEST;

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    /// Pages rendered by this build (the others were kept as the last
    /// build left them).
    pub rendered: usize,
    pub files: usize,
    /// Files written because they are new or their bytes changed.
    pub written: usize,
    /// Files removed because the site no longer makes them.
    pub removed: usize,
    pub warnings: Diagnostics,
    pub millis: u128,
    pub out: PathBuf,
    pub timings: Timings,
}

/// Where a build's time went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    pub load: Duration,
    pub check: Duration,
    pub render_and_write: Duration,
    pub links: Duration,
    /// Extracting the rendered pages' text runs inside render; this is
    /// reading the kept pages' text back and writing the index.
    pub search: Duration,
    pub swap: Duration,
}

/// The link check, with each broken link placed in the file that wrote it.
fn link_errors<P: Borrow<PageLinks> + Sync>(
    root: &Path,
    site: &Site,
    theme: &Theme,
    index: &LinkIndex,
    pages: &[P],
) -> Result<(), Diagnostics> {
    let base = site.config.url_path();
    let sources = check::Sources {
        texts: &source_text(root, site),
        parts: &source_parts(site),
        titled: &check::spaced_links::titled_page(site),
        base: base.as_deref(),
    };
    let errors = check::check_pages(index, pages, sources, theme);
    if errors.is_empty() {
        return Ok(());
    }
    let mut errors = Diagnostics(errors);
    errors.sort();
    Err(errors)
}

/// The text of a source file, to place a diagnostic: kept in memory, or
/// read again for a free page (see `Page::body`). Only asked when there is
/// something to report.
fn source_text<'a>(root: &'a Path, site: &'a Site) -> impl Fn(&Path) -> Option<String> + Sync + 'a {
    move |file: &Path| {
        let sites = || std::iter::once(site).chain(&site.translations);
        if let Some(text) = sites().find_map(|s| s.texts.get(file)) {
            return Some(text.clone());
        }
        let free_page = sites().any(|s| s.pages.iter().any(|p| p.source == file));
        free_page
            .then(|| load::read_utf8(root, file).ok())
            .flatten()
    }
}

/// The files a page made from `file` shows besides it: a workshop's
/// modules, whose text its guide and handout hold.
fn source_parts(site: &Site) -> impl Fn(&Path) -> Vec<PathBuf> + Sync + '_ {
    move |file: &Path| {
        std::iter::once(site)
            .chain(&site.translations)
            .flat_map(|s| &s.workshops)
            .find(|w| w.source == file)
            .map(|w| w.modules.iter().map(|m| m.source.clone()).collect())
            .unwrap_or_default()
    }
}

/// Loads, checks and renders the site at `root` without writing anything.
/// Warnings come back with the outputs; any error fails the whole site.
pub fn generate(root: &Path) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let g = generate_all(root)?;
    Ok((g.outputs, g.warnings))
}

/// A site loaded, checked and rendered in memory, with what made it.
pub struct Generated {
    pub site: Site,
    pub theme: Theme,
    pub outputs: Vec<Output>,
    pub warnings: Diagnostics,
}

/// Like [`generate`], keeping the site and theme (for `package`, which adds
/// pages of its own and needs the content to choose from).
pub fn generate_all(root: &Path) -> Result<Generated, Diagnostics> {
    generate_as(root, false)
}

/// Like [`generate_all`], the pages as a SCORM package shows them to
/// learners: they do not offer the facilitator guides it leaves out.
pub fn generate_for_package(root: &Path) -> Result<Generated, Diagnostics> {
    generate_as(root, true)
}

fn generate_as(root: &Path, packaged: bool) -> Result<Generated, Diagnostics> {
    let mut p = prepare(root)?;
    p.site.config.packaged = packaged;
    for t in &mut p.site.translations {
        t.config.packaged = packaged;
    }
    let (outputs, ..) = render_in_memory(root, &p.site, &p.theme, p.assets)?;
    Ok(Generated {
        site: p.site,
        theme: p.theme,
        outputs,
        warnings: p.warnings,
    })
}

/// Renders a prepared site into memory and checks its links; returns the
/// outputs with what the link check and the search index kept of them.
fn render_in_memory(
    root: &Path,
    site: &Site,
    theme: &Theme,
    assets: Vec<(String, render::Bytes)>,
) -> Result<(Vec<Output>, Vec<PageLinks>, LinkIndex, SiteText), Diagnostics> {
    let read_body = |page: &Page| load::page_body(root, page);
    let mut outputs = render::render_site(site, theme, assets, &Inputs::all(&read_body), Ok)?;
    let mut text = SiteText::default();
    if site.config.search {
        let langs = site.config.all_languages();
        text = SiteText::of(&outputs, |o| path_language(&langs, &o.path).to_string());
        outputs.extend(text.outputs());
    }
    let pages: Vec<PageLinks> = outputs.par_iter().map(PageLinks::of).collect();
    let links = LinkIndex::new(&pages);
    link_errors(root, site, theme, &links, &pages)?;
    Ok((outputs, pages, links, text))
}

/// One file of a build: its links for the check, its record for the manifest.
struct Kept {
    links: PageLinks,
    stamp: Stamp,
    /// False when the last build's page was kept without rendering.
    rendered: bool,
    /// The page's text for the search index, when search is on.
    text: Option<(String, IndexedPage)>,
}

impl Kept {
    /// The file at `path` kept as the last build left it, with its links
    /// and ids as the manifest recorded them (`entry`).
    fn unchanged(
        path: String,
        source: Option<PathBuf>,
        template: Option<&'static str>,
        entry: &manifest::Entry,
    ) -> Kept {
        Kept {
            links: PageLinks {
                path,
                source,
                template,
                links: Names::from_joined(&entry.links),
                ids: Names::from_joined(&entry.ids),
                // It passed the check when it was built.
                open_comment: None,
            },
            stamp: entry.stamp,
            rendered: false,
            text: None,
        }
    }
}

impl Borrow<PageLinks> for Kept {
    fn borrow(&self) -> &PageLinks {
        &self.links
    }
}

impl Borrow<PageLinks> for &Kept {
    fn borrow(&self) -> &PageLinks {
        &self.links
    }
}

/// Builds the site at `root` into `out`. Pages whose inputs are unchanged
/// since the last build are not rendered again, and only files whose bytes
/// changed are written. A failed build leaves `out` as it was; `force` lets
/// a build replace a non-empty folder alsite did not make.
pub fn build(root: &Path, out: &Path, force: bool) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    let mut timings = Timings::default();
    output::recover(out);
    // What the last build left is read beside the site, not after it.
    let (p, previous) = rayon::join(|| prepare(root), || previous::Previous::read(out));
    let p = p?;
    timings.load = started.elapsed();
    guard::check_output_folder(root, out, force, &p.site.linked).map_err(one)?;
    if let Some(previous) = &previous {
        previous.check_foreign(out, force).map_err(one)?;
    }
    let write_error = |e: std::io::Error| {
        one(Diagnostic::error(
            out,
            format!("cannot write the site: {}", crate::diagnostic::io_words(&e)),
        )
        .hint(format!(
            "{}; nothing in the output was changed",
            crate::diagnostic::write_hint(&e, "the output folder", Some("`--out`"))
        )))
    };
    let mut writer = Writer::open(out, previous).map_err(write_error)?;
    timings.check = started.elapsed() - timings.load;

    let t = Instant::now();
    let rendered = render_with_search(root, &p, &writer, out, &mut timings.search);
    writer.rendered();
    timings.render_and_write = t.elapsed();
    let kept = match rendered {
        Ok(kept) => kept,
        Err(errors) => {
            writer.discard();
            return Err(with_warnings(
                write_errors::merged(errors, out),
                &p.warnings,
            ));
        }
    };
    let t = Instant::now();
    let (targets, records) = match checked_records(root, &p, &writer, &kept) {
        Ok(checked) => checked,
        Err(errors) => {
            writer.discard();
            return Err(with_warnings(errors, &p.warnings));
        }
    };
    timings.links = t.elapsed();
    let t = Instant::now();
    let changes = writer.commit(targets, &records).map_err(write_error)?;
    timings.swap = t.elapsed();
    let report = Report {
        pages: kept
            .iter()
            .filter(|k| k.links.path.ends_with(".html"))
            .count(),
        rendered: kept
            .iter()
            .filter(|k| k.rendered && k.links.template.is_some())
            .count(),
        files: kept.len(),
        written: changes.written,
        removed: changes.removed,
        warnings: p.warnings,
        millis: started.elapsed().as_millis(),
        out: out.to_path_buf(),
        timings,
    };
    // Freeing a large site's million allocations takes a moment of its
    // own (a fifth of a second at 100,000 pages): it is done beside what
    // comes next, which for `alsite build` is the end of the process.
    // Where no thread can be started, the memory is freed here, as before.
    let site = (kept, p.site, p.theme, p.assets);
    let _ = std::thread::Builder::new().spawn(move || drop(site));
    Ok(report)
}

/// The link check of a build's files, and their records for the manifest
/// with its targets fingerprint.
fn checked_records<'k>(
    root: &Path,
    p: &Prepared,
    writer: &Writer,
    kept: &'k [Kept],
) -> Result<(u64, Vec<Record<'k>>), Diagnostics> {
    // In path order, so the same site gives the same manifest however it
    // was made. (References: a file's `Kept` is large to move.)
    let mut by_path: Vec<&Kept> = kept.iter().collect();
    by_path.par_sort_unstable_by(|a, b| a.links.path.cmp(&b.links.path));
    let pages = by_path
        .iter()
        .map(|k| (k.links.path.as_str(), k.links.ids.as_joined()));
    // Each reads every page once: side by side.
    let (targets, index) = rayon::join(
        || manifest::targets(pages),
        || LinkIndex::new(kept.iter().map(|k| &k.links)),
    );
    if writer.same_targets(targets) {
        // Pages kept from the last build passed this very check then.
        let rendered: Vec<&Kept> = kept.iter().filter(|k| k.rendered).collect();
        link_errors(root, &p.site, &p.theme, &index, &rendered)?;
    } else {
        link_errors(root, &p.site, &p.theme, &index, kept)?;
    }
    let records = by_path
        .iter()
        .map(|k| Record {
            path: &k.links.path,
            stamp: k.stamp,
            links: k.links.links.as_joined(),
            ids: k.links.ids.as_joined(),
        })
        .collect();
    Ok((targets, records))
}

/// Renders every page whose inputs changed since the last build and stages
/// it with `writer`; the others are kept as the last build left them. With
/// `index`, each page's text goes into it, in order.
fn render_staged(
    root: &Path,
    p: &Prepared,
    writer: &Writer,
    out: &Path,
    reuse_pages: bool,
    index: Option<&SiteIndex>,
) -> Result<Vec<Kept>, Diagnostics> {
    let site = &p.site;
    let langs = site.config.all_languages();
    let read_body = |page: &Page| load::page_body(root, page);
    let reuse = |planned: &Planned| {
        writer.reusable(planned.path, planned.key).map(|e| {
            let source = Some(planned.source.to_path_buf());
            Kept::unchanged(planned.path.to_string(), source, Some(planned.template), e)
        })
    };
    let in_order = |k: &mut Kept| {
        if let Some(index) = index {
            index.add(k);
        }
    };
    let inputs = Inputs {
        read_body: &read_body,
        base: if reuse_pages {
            manifest::base_key(root)
        } else {
            0
        },
        reuse: &reuse,
        in_order: &in_order,
    };
    // Each page is staged as soon as it is rendered; only its links stay in memory.
    render::render_site(site, &p.theme, p.assets.clone(), &inputs, |o: Output| {
        let stamp = put(writer, out, &o)?;
        let html = o.html();
        let lang = path_language(&langs, &o.path);
        // The page is read once: the search index's reading hands the link
        // check every tag; a page left out of the index is read for its links.
        let mut tags = LinkAttributes::default();
        let text = index.and_then(|_| search::page(&o, html, lang, &mut |t| tags.tag(t)));
        let links = match text {
            Some(_) => PageLinks::of_attributes(&o, tags, html),
            None => PageLinks::of_html(&o, html),
        };
        Ok(Kept {
            links,
            stamp,
            rendered: true,
            text,
        })
    })
}

/// Stages `o` with `writer`; a write error names the file.
fn put(writer: &Writer, out: &Path, o: &Output) -> Result<Stamp, Diagnostic> {
    writer
        .put(o)
        .map_err(|e| write_errors::file(out, &o.path, &e))
}

/// Runs every check `build` runs; with `strict`, warnings count as errors.
/// Like `build`, it keeps only each page's links, never the whole site.
pub fn check(root: &Path, strict: bool) -> Result<Diagnostics, Diagnostics> {
    let p = prepare(root)?;
    let read_body = |page: &Page| load::page_body(root, page);
    let warnings = p.warnings;
    let rendered =
        render::render_site(&p.site, &p.theme, p.assets, &Inputs::all(&read_body), |o| {
            Ok(PageLinks::of(&o))
        });
    let pages = rendered.map_err(|e| with_warnings(e, &warnings))?;
    link_errors(root, &p.site, &p.theme, &LinkIndex::new(&pages), &pages)
        .map_err(|e| with_warnings(e, &warnings))?;
    if strict && !warnings.0.is_empty() {
        let mut errors = warnings;
        for d in &mut errors.0 {
            d.severity = crate::diagnostic::Severity::Error;
        }
        return Err(errors);
    }
    Ok(warnings)
}

/// A failed build's errors with the warnings found before them, which may
/// explain them (a translation whose file name is misspelt, then a link
/// to it that fails): errors first.
fn with_warnings(mut errors: Diagnostics, warnings: &Diagnostics) -> Diagnostics {
    errors.0.extend(warnings.0.iter().cloned());
    errors.sort();
    errors
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}
