//! A broken link that many pages share (a navigation link, an offer shown
//! on the home page too, a relative link in site.yaml's footer that leads
//! somewhere else from each folder) becomes one error, at the line that
//! wrote it, saying how many more pages have it: not one error a page.

use super::links::LinkError;
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// The errors of `errors`, the same link at the same place (or at no place
/// found) merged into its first, in their first order. The error names the
/// page made from the file that writes the link where one has it (a
/// module's page, not the handout that repeats the module).
pub fn merge(errors: Vec<LinkError>) -> Vec<Diagnostic> {
    // Where each link was found written, by where it leads and by how the
    // page has it: its first error there. The same place and either is one
    // mistake: a nav link from the site root is written `../x.html` on a
    // deeper page, and a relative link in site.yaml's footer leads
    // somewhere else from each folder.
    let mut by_target: HashMap<(String, Place), usize> = HashMap::new();
    let mut by_written: HashMap<(String, Place), usize> = HashMap::new();
    let mut first_found: HashMap<String, usize> = HashMap::new();
    // Each error kept, how many more pages have it, and whether it is on
    // the page of the file that writes it.
    let mut kept: Vec<(Diagnostic, usize, bool)> = Vec::new();
    let mut unplaced: Vec<LinkError> = Vec::new();
    // Errors of a relative link that leads somewhere else from each folder.
    let mut spread: HashMap<usize, String> = HashMap::new();
    for e in errors {
        if !e.found {
            unplaced.push(e);
            continue;
        }
        let target = (e.key.clone(), place(&e.diagnostic));
        let written = (e.written.clone(), place(&e.diagnostic));
        match by_target.get(&target).or_else(|| by_written.get(&written)) {
            Some(&i) => {
                kept[i].1 += 1;
                if e.own && !kept[i].2 {
                    (kept[i].0, kept[i].2) = (e.diagnostic, true);
                }
                if !by_target.contains_key(&target) && !e.written.starts_with(['/', '#']) {
                    spread.insert(i, e.written);
                }
            }
            None => {
                by_target.insert(target, kept.len());
                by_written.insert(written, kept.len());
                first_found.entry(e.key).or_insert(kept.len());
                kept.push((e.diagnostic, 0, e.own));
            }
        }
    }
    // A page whose own files do not write the link shows it from elsewhere
    // (the home page's offer cards come from offers.yaml).
    let mut alone: HashMap<(String, Place), usize> = HashMap::new();
    for e in unplaced {
        if let Some(&i) = first_found.get(&e.key) {
            kept[i].1 += 1;
            continue;
        }
        let at = (e.key, place(&e.diagnostic));
        match alone.get(&at) {
            Some(&i) => kept[i].1 += 1,
            None => {
                alone.insert(at, kept.len());
                kept.push((e.diagnostic, 0, e.own));
            }
        }
    }
    for (i, written) in spread {
        let written = written.trim_start_matches(['.', '/']);
        kept[i].0.hint = Some(format!("this text is on pages in several folders, and a relative link leads somewhere else from each: write it from the site root, `/{written}`"));
    }
    kept.into_iter()
        .map(|(mut d, more, _)| {
            if more > 0 {
                let pages = if more == 1 { "page" } else { "pages" };
                d.message = format!("{} (and on {more} more {pages})", d.message);
            }
            d
        })
        .collect()
}

type Place = (std::path::PathBuf, usize, usize);

fn place(d: &Diagnostic) -> Place {
    (d.file.clone(), d.line, d.column)
}
