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
    let mut errors = Diagnostics(check::duplicate_outputs(&render::planned_pages(&site)));
    for d in check::check_content(&site) {
        if d.is_error() {
            errors.push(d);
        } else {
            diags.push(d);
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
    let outputs = render::render_site(&site, &theme, assets)?;
    let link_errors = check::check_links(&outputs, &site.texts, &theme);
    if !link_errors.is_empty() {
        let mut errors = Diagnostics(link_errors);
        errors.sort();
        return Err(errors);
    }
    diags.sort();
    Ok((outputs, diags))
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
