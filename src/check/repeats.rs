//! A broken link that many pages share (a navigation link, an offer shown
//! on the home page too) becomes one error, at the line that wrote it,
//! saying how many more pages have it: not one identical error a page.

use super::links::LinkError;
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// The errors of `errors`, the same link at the same place (or at no place
/// found) merged into its first, in their first order.
pub fn merge(errors: Vec<LinkError>) -> Vec<Diagnostic> {
    // Where each link was found written, by link: its first error there.
    let mut placed: HashMap<(String, Place), usize> = HashMap::new();
    let mut first_found: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<(Diagnostic, usize)> = Vec::new();
    let mut unplaced: Vec<LinkError> = Vec::new();
    for e in errors {
        if !e.found {
            unplaced.push(e);
            continue;
        }
        let at = (e.key.clone(), place(&e.diagnostic));
        match placed.get(&at) {
            Some(&i) => kept[i].1 += 1,
            None => {
                placed.insert(at, kept.len());
                first_found.entry(e.key).or_insert(kept.len());
                kept.push((e.diagnostic, 0));
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
                kept.push((e.diagnostic, 0));
            }
        }
    }
    kept.into_iter()
        .map(|(mut d, more)| {
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
