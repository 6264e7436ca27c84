//! load → check → render → write. The site is rendered in memory; the output
//! folder is replaced in one step only when everything succeeded.

use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load;
use crate::render::{self, Output};
use crate::theme::Theme;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub millis: u128,
    pub out: PathBuf,
}

/// Loads, checks and renders the site at `root` without writing anything.
/// Warnings come back with the outputs; any error fails the whole site.
pub fn generate(root: &Path) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let (site, mut diags) = load::load_site(root)?;
    let theme = Theme::open(root, &site.config.theme).map_err(one)?;
    let (outputs, warnings) = generate_from(root, &site, &theme)?;
    diags.extend(warnings.0);
    diags.sort();
    Ok((outputs, diags))
}

/// Checks and renders a loaded site, returning the checks' warnings.
fn generate_from(
    root: &Path,
    site: &crate::model::Site,
    theme: &Theme,
) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let mut errors = Diagnostics(check::duplicate_outputs(&render::planned_pages(site)));
    let (content_errors, warnings): (Vec<_>, Vec<_>) = check::check_content(site)
        .into_iter()
        .partition(|d| d.is_error());
    errors.extend(content_errors);
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
    let outputs = render::render_site(site, theme, assets)?;
    let link_errors = check::check_links(&outputs, &site.texts, theme);
    if !link_errors.is_empty() {
        let mut errors = Diagnostics(link_errors);
        errors.sort();
        return Err(errors);
    }
    Ok((outputs, Diagnostics(warnings)))
}

/// Builds the site at `root` into `out`. A failed build leaves `out` as it was.
pub fn build(root: &Path, out: &Path) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    let (outputs, warnings) = generate(root)?;
    guard_output_folder(root, out).map_err(one)?;
    write_atomic(out, &outputs).map_err(|e| {
        one(
            Diagnostic::error(out, format!("cannot write the site: {e}"))
                .hint("check that the folder is writable"),
        )
    })?;
    Ok(Report {
        pages: outputs.iter().filter(|o| o.path.ends_with(".html")).count(),
        files: outputs.len(),
        warnings,
        millis: started.elapsed().as_millis(),
        out: out.to_path_buf(),
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

/// Refuses to replace a folder that holds the site itself.
fn guard_output_folder(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    if let (Some(r), Some(o)) = (canon(root), canon(out)) {
        if r.starts_with(&o) {
            return Err(
                Diagnostic::error(out, "the output folder contains the site itself")
                    .hint("choose an output folder of its own, such as public/"),
            );
        }
    }
    if out.join("site.yaml").exists() || out.join("content").is_dir() {
        return Err(Diagnostic::error(
            out,
            "the output folder looks like a site (it has site.yaml or content/)",
        )
        .hint("choose an output folder of its own, such as public/"));
    }
    Ok(())
}

/// Writes every output into a fresh folder beside `out`, then swaps it in.
pub fn write_atomic(out: &Path, outputs: &[Output]) -> std::io::Result<()> {
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
    let result = write_all(&tmp, outputs).and_then(|()| {
        if out.exists() {
            std::fs::rename(out, &old)?;
            if let Err(e) = std::fs::rename(&tmp, out) {
                std::fs::rename(&old, out)?;
                return Err(e);
            }
            std::fs::remove_dir_all(&old)
        } else {
            std::fs::rename(&tmp, out)
        }
    });
    if result.is_err() && tmp.exists() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn write_all(dir: &Path, outputs: &[Output]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut folders: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|o| Path::new(&o.path).parent().map(|p| dir.join(p)))
        .collect();
    folders.sort();
    folders.dedup();
    for f in &folders {
        std::fs::create_dir_all(f)?;
    }
    outputs
        .par_iter()
        .try_for_each(|o| std::fs::write(dir.join(&o.path), &o.bytes))
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
    site: crate::model::Site,
    theme: Theme,
    links: check::LinkIndex,
    outputs: std::collections::HashMap<String, Output>,
}

/// What a rebuild produced.
#[derive(Debug)]
pub struct Rebuilt {
    /// Files that are new or changed; for a full build, every file.
    pub changed: Vec<Output>,
    /// True when every file was rebuilt (the serve snapshot is replaced whole).
    pub full: bool,
    pub warnings: Diagnostics,
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
        let (site, mut warnings) = load::load_site(&self.root)?;
        let theme = Theme::open(&self.root, &site.config.theme).map_err(one)?;
        let (outputs, content_warnings) = generate_from(&self.root, &site, &theme)?;
        warnings.extend(content_warnings.0);
        let links = check::LinkIndex::new(&outputs);
        let map = outputs
            .iter()
            .map(|o| (o.path.clone(), o.clone()))
            .collect();
        self.last = Some(Last {
            site,
            theme,
            links,
            outputs: map,
        });
        warnings.sort();
        Ok(Rebuilt {
            changed: outputs,
            full: true,
            warnings,
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
        let rendered = match render::render_affected(&last.site, &last.theme, changed) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let mut ids_changed = false;
        for o in &rendered {
            ids_changed |= last.links.update(o);
        }
        let mut link_errors = if ids_changed {
            // An anchor may have gone that another page links to: check them all.
            let all: Vec<&Output> = last
                .outputs
                .values()
                .filter(|o| !rendered.iter().any(|r| r.path == o.path))
                .chain(&rendered)
                .collect();
            check::check_pages(&last.links, all.into_iter(), &last.site.texts, &last.theme)
        } else {
            check::check_pages(&last.links, rendered.iter(), &last.site.texts, &last.theme)
        };
        if !link_errors.is_empty() {
            link_errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Some(Err(Diagnostics(link_errors)));
        }
        let changed_outputs: Vec<Output> = rendered
            .into_iter()
            .filter(|o| {
                last.outputs
                    .get(&o.path)
                    .is_none_or(|old| old.bytes != o.bytes)
            })
            .collect();
        for o in &changed_outputs {
            last.outputs.insert(o.path.clone(), o.clone());
        }
        warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Some(Ok(Rebuilt {
            changed: changed_outputs,
            full: false,
            warnings: Diagnostics(warnings),
        }))
    }
}
