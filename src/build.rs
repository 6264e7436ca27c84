//! load → check → render → write. Pages are written into a fresh folder
//! beside the output as they are rendered; the link check then runs on what
//! was kept of each page (its links and ids), and the new folder replaces the
//! output in one step only when everything succeeded.

use crate::check::{self, LinkIndex, PageLinks};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n;
use crate::load;
use crate::model::Site;
use crate::render::{self, Output};
use crate::search::{self, SiteText};
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod guard;
pub use guard::MARKER;

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
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
    /// Extracting the pages' text runs inside render; this is writing the index.
    pub search: Duration,
    pub swap: Duration,
}

/// A loaded and checked site, ready to render.
struct Prepared {
    site: Site,
    theme: Theme,
    assets: Vec<(String, Vec<u8>)>,
    warnings: Diagnostics,
}

/// Gives the site and each of its translations its language's UI strings;
/// returns the warnings about missing ones, and a warning for each page
/// that a language lacks.
fn load_strings(root: &Path, theme: &Theme, site: &mut Site) -> Vec<Diagnostic> {
    let (strings, mut diags) = i18n::load(root, theme, &site.config.language);
    site.strings = std::sync::Arc::new(strings);
    let default_pages = render::pages_of(site);
    for t in &mut site.translations {
        let (strings, more) = i18n::load(root, theme, &t.config.language);
        diags.extend(more);
        // The language's own name ("English", "polski"), from its strings.
        let name = strings.t("language.name", &[]);
        t.strings = std::sync::Arc::new(strings);
        diags.extend(check::missing_translations(
            &default_pages,
            &render::pages_of(t),
            &t.config.language,
            &name,
        ));
    }
    diags
}

/// Loads and checks everything that can be checked before rendering.
fn prepare(root: &Path) -> Result<Prepared, Diagnostics> {
    let (mut site, mut warnings) = load::load_site(root)?;
    let theme = Theme::open(root, &site.config.theme).map_err(|d| {
        let text = site
            .texts
            .get(Path::new("site.yaml"))
            .map_or("", String::as_str);
        let (line, column) = load::yaml::locate(text, &[load::yaml::Seg::Key("theme")]);
        one(d.at(line, column))
    })?;
    // Generated pages first, so a copied file that collides is the one reported.
    let mut planned = render::planned_pages(&site);
    planned.extend(
        site.assets
            .iter()
            .map(|(src, out)| (out.clone(), src.clone())),
    );
    let mut errors = Diagnostics(check::duplicate_outputs(&planned, &site.texts));
    for d in load_strings(root, &theme, &mut site) {
        if d.is_error() {
            errors.push(d);
        } else {
            warnings.push(d);
        }
    }
    let statics = theme.static_files();
    let outputs: HashSet<&str> = planned
        .iter()
        .map(|(p, _)| p.as_str())
        .chain(statics.iter().map(|(p, _)| p.as_str()))
        .collect();
    errors.0.extend(check::check_nav(&site, &outputs));
    errors.0.extend(check::check_brand(&site, &outputs));
    let content_diags = std::iter::once(&site)
        .chain(&site.translations)
        .flat_map(check::check_content)
        .collect::<Vec<_>>();
    for d in content_diags {
        if d.is_error() {
            errors.push(d);
        } else {
            warnings.push(d);
        }
    }
    let mut assets = Vec::with_capacity(site.assets.len());
    for (source, out) in &site.assets {
        match std::fs::read(root.join(source)) {
            Ok(bytes) => assets.push((out.clone(), bytes)),
            Err(e) => errors.push(Diagnostic::error(source, format!("cannot read file: {e}"))),
        }
    }
    if errors.has_errors() {
        errors.sort();
        return Err(errors);
    }
    warnings.sort();
    Ok(Prepared {
        site,
        theme,
        assets,
        warnings,
    })
}

fn link_errors<P: std::borrow::Borrow<PageLinks> + Sync>(
    site: &Site,
    theme: &Theme,
    index: &LinkIndex,
    pages: &[P],
) -> Result<(), Diagnostics> {
    let errors = check::check_pages(index, pages, &site.texts, theme);
    if errors.is_empty() {
        return Ok(());
    }
    let mut errors = Diagnostics(errors);
    errors.sort();
    Err(errors)
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
    let p = prepare(root)?;
    let (outputs, ..) = render_in_memory(&p.site, &p.theme, p.assets)?;
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
    site: &Site,
    theme: &Theme,
    assets: Vec<(String, Vec<u8>)>,
) -> Result<(Vec<Output>, Vec<PageLinks>, LinkIndex, SiteText), Diagnostics> {
    let mut outputs = render::render_site(site, theme, assets, Ok)?;
    let mut text = SiteText::default();
    if site.config.search {
        text = SiteText::of(&outputs, |o| page_language(site, o));
        outputs.extend(text.outputs());
    }
    let pages: Vec<PageLinks> = outputs.par_iter().map(PageLinks::of).collect();
    let links = LinkIndex::new(&pages);
    link_errors(site, theme, &links, &pages)?;
    Ok((outputs, pages, links, text))
}

/// The language of an output page, whose search index it goes in: a page
/// under `<code>/` is in that language, any other in the default one.
fn page_language(site: &Site, page: &Output) -> String {
    let langs = site.config.all_languages();
    langs
        .iter()
        .skip(1)
        .find(|l| page.path.starts_with(&format!("{l}/")))
        .unwrap_or(&langs[0])
        .clone()
}

/// Builds the site at `root` into `out`. A failed build leaves `out` as it was;
/// `force` lets a build replace a non-empty folder alsite did not make.
pub fn build(root: &Path, out: &Path, force: bool) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    let mut timings = Timings::default();
    let p = prepare(root)?;
    timings.load = started.elapsed();
    guard::check_output_folder(root, out, force).map_err(one)?;
    let write_error = |e: std::io::Error| {
        one(
            Diagnostic::error(out, format!("cannot write the site: {e}"))
                .hint("check that the folder is writable"),
        )
    };
    let staging = Staging::new(out).map_err(write_error)?;
    timings.check = started.elapsed() - timings.load;

    // Each page goes to disk as soon as it is rendered; only its links stay in memory.
    let t = Instant::now();
    let write = |o: &Output| {
        staging
            .write(o)
            .map_err(|e| Diagnostic::error(out, format!("cannot write {}: {e}", o.path)))
    };
    let rendered = render::render_site(&p.site, &p.theme, p.assets, |o: Output| {
        write(&o)?;
        let text = p
            .site
            .config
            .search
            .then(|| search::page(&o, &page_language(&p.site, &o)));
        Ok((PageLinks::of(&o), text.flatten()))
    });
    timings.render_and_write = t.elapsed();
    let result = rendered.and_then(|rendered| {
        let t = Instant::now();
        let (mut pages, texts): (Vec<PageLinks>, Vec<_>) = rendered.into_iter().unzip();
        let texts: Vec<_> = texts.into_iter().flatten().collect();
        if p.site.config.search {
            let texts = texts.iter().map(|(l, p)| (l.as_str(), p)).collect();
            let written: Result<Vec<PageLinks>, Diagnostic> = search::outputs(texts)
                .par_iter()
                .map(|o| write(o).map(|()| PageLinks::of(o)))
                .collect();
            pages.extend(written.map_err(one)?);
        }
        timings.search = t.elapsed();
        let t = Instant::now();
        link_errors(&p.site, &p.theme, &LinkIndex::new(&pages), &pages)?;
        timings.links = t.elapsed();
        Ok(pages)
    });
    let pages = match result {
        Ok(pages) => pages,
        Err(errors) => {
            staging.discard();
            return Err(errors);
        }
    };
    let t = Instant::now();
    staging.commit().map_err(write_error)?;
    timings.swap = t.elapsed();
    Ok(Report {
        pages: pages.iter().filter(|o| o.path.ends_with(".html")).count(),
        files: pages.len(),
        warnings: p.warnings,
        millis: started.elapsed().as_millis(),
        out: out.to_path_buf(),
        timings,
    })
}

/// Runs every check `build` runs; with `strict`, warnings count as errors.
pub fn check(root: &Path, strict: bool) -> Result<Diagnostics, Diagnostics> {
    let (_, warnings) = generate(root)?;
    if strict && !warnings.0.is_empty() {
        let mut errors = warnings;
        for d in &mut errors.0 {
            d.severity = crate::diagnostic::Severity::Error;
        }
        return Err(errors);
    }
    Ok(warnings)
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

/// A fresh folder beside the output that becomes the output on `commit`.
struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
}

impl Staging {
    fn new(out: &Path) -> std::io::Result<Staging> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.alsite-new-{pid}"));
        let old = parent.join(format!(".{name}.alsite-old-{pid}"));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join(guard::MARKER), guard::MARKER_TEXT)?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            old,
        })
    }

    fn write(&self, o: &Output) -> std::io::Result<()> {
        let path = self.tmp.join(&o.path);
        match std::fs::write(&path, &o.bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(path.parent().unwrap_or(&self.tmp))?;
                std::fs::write(&path, &o.bytes)
            }
            other => other,
        }
    }

    fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.tmp);
    }

    /// Swaps the new folder in; the old one is removed afterwards.
    fn commit(self) -> std::io::Result<()> {
        let result = if self.out.exists() {
            std::fs::rename(&self.out, &self.old).and_then(|()| {
                match std::fs::rename(&self.tmp, &self.out) {
                    Ok(()) => remove_tree(&self.old),
                    Err(e) => {
                        std::fs::rename(&self.old, &self.out)?;
                        Err(e)
                    }
                }
            })
        } else {
            std::fs::rename(&self.tmp, &self.out)
        };
        if result.is_err() && self.tmp.exists() {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
        result
    }
}

/// Removes a folder tree, deleting its files in parallel (a large site has
/// thousands).
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|f| {
        let _ = std::fs::remove_file(f);
    });
    std::fs::remove_dir_all(dir)
}

/// Rebuilds for `serve`: the first build is full; afterwards an edit to a
/// content file reloads that file alone, re-renders the pages that read it
/// and checks their links. Anything else (site.yaml, themes, a new or
/// deleted file, a failed build before) rebuilds everything.
pub struct Incremental {
    root: PathBuf,
    last: Option<Last>,
}

struct Last {
    site: Site,
    theme: Theme,
    links: LinkIndex,
    pages: HashMap<String, PageLinks>,
    /// Every page's text, to rewrite the search index after an edit.
    text: SiteText,
    /// A hash of every output's bytes, to tell which re-rendered pages changed
    /// (the bytes themselves live in the server's snapshot).
    hashes: HashMap<String, u64>,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// What a rebuild produced.
#[derive(Debug)]
pub struct Rebuilt {
    /// Files that are new or changed; for a full build, every file.
    pub changed: Vec<Output>,
    /// True when every file was rebuilt (the serve snapshot is replaced whole).
    pub full: bool,
    pub warnings: Diagnostics,
    /// The UI strings of the site's (default) language, for the server's own pages.
    pub strings: std::sync::Arc<i18n::Strings>,
}

impl Incremental {
    pub fn new(root: &Path) -> Incremental {
        Incremental {
            root: root.to_path_buf(),
            last: None,
        }
    }

    /// Rebuilds everything.
    pub fn full(&mut self) -> Result<Rebuilt, Diagnostics> {
        self.last = None;
        let p = prepare(&self.root)?;
        let (outputs, pages, links, text) = render_in_memory(&p.site, &p.theme, p.assets)?;
        let strings = p.site.strings.clone();
        self.last = Some(Last {
            site: p.site,
            theme: p.theme,
            links,
            text,
            pages: pages.into_iter().map(|l| (l.path.clone(), l)).collect(),
            hashes: outputs
                .iter()
                .map(|o| (o.path.clone(), hash_bytes(&o.bytes)))
                .collect(),
        });
        Ok(Rebuilt {
            changed: outputs,
            full: true,
            warnings: p.warnings,
            strings,
        })
    }

    /// Rebuilds after `changed` content files (paths from the site root)
    /// changed, as narrowly as is safe.
    pub fn content_changed(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Diagnostics> {
        match self.try_scoped(changed) {
            Some(result) => {
                if result.is_err() {
                    // The kept state has the bad edit in it: start afresh next time.
                    self.last = None;
                }
                result
            }
            None => self.full(),
        }
    }

    /// `None` when the change needs a full rebuild.
    fn try_scoped(&mut self, changed: &[PathBuf]) -> Option<Result<Rebuilt, Diagnostics>> {
        let last = self.last.as_mut()?;
        // Without a nav in site.yaml the navigation lists page titles: every page reads them.
        if last.site.config.nav.is_empty() || changed.is_empty() {
            return None;
        }
        for rel in changed {
            match load::reload_file(&self.root, &mut last.site, rel) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(errors) => return Some(Err(errors)),
            }
        }
        let (errors, mut warnings): (Vec<_>, Vec<_>) = check::check_content(&last.site)
            .into_iter()
            .partition(|d| d.is_error());
        if !errors.is_empty() {
            return Some(Err(Diagnostics(errors)));
        }
        let mut rendered = match render::render_affected(&last.site, &last.theme, changed) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let site = &last.site;
        if site.config.search && last.text.update(&rendered, |o| page_language(site, o)) {
            rendered.extend(last.text.outputs());
        }
        let mut ids_changed = false;
        for o in &rendered {
            let links = PageLinks::of(o);
            ids_changed |= last.links.update(&links);
            last.pages.insert(o.path.clone(), links);
        }
        let to_check: Vec<&PageLinks> = if ids_changed {
            // An anchor may have gone that another page links to: check them all.
            last.pages.values().collect()
        } else {
            rendered
                .iter()
                .filter_map(|o| last.pages.get(&o.path))
                .collect()
        };
        if let Err(errors) = link_errors(&last.site, &last.theme, &last.links, &to_check) {
            return Some(Err(errors));
        }
        let changed_outputs: Vec<Output> = rendered
            .into_iter()
            .filter(|o| {
                let hash = hash_bytes(&o.bytes);
                last.hashes.insert(o.path.clone(), hash) != Some(hash)
            })
            .collect();
        warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Some(Ok(Rebuilt {
            changed: changed_outputs,
            full: false,
            warnings: Diagnostics(warnings),
            strings: last.site.strings.clone(),
        }))
    }
}
