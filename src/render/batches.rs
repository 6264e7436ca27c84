//! The order pages are rendered in: a batch at a time, in parallel, each
//! batch's results seen in the site's order while the next batch renders
//! (the search index is built as pages come, and a build keeps only what
//! it needs of each page).
//!
//! A home page lists every free page: on a site of 100,000 pages it takes
//! as long to render as a few hundred others. In a batch it would keep one
//! core waiting at the batch's end; it renders beside the batches from the
//! start instead, and is seen in its turn (the pages after it wait to be
//! seen, not to be rendered).

use super::jobs::{Job, JobKind};
use crate::diagnostic::Diagnostic;
use rayon::prelude::*;
use std::sync::Mutex;

const BATCH: usize = 512;

type Rendered<R> = Result<R, Diagnostic>;

/// Renders every page's job with `render`; `in_order` sees each result in
/// the jobs' order. The results come back in that order.
pub(super) fn in_batches<R: Send>(
    jobs: &[Job],
    render: impl Fn(&Job) -> Rendered<R> + Sync,
    in_order: &(dyn Fn(&mut R) + Sync),
) -> Vec<Rendered<R>> {
    let home = |job: &Job| matches!(job.kind, JobKind::Home(_));
    rendered(jobs, home, render, in_order)
}

/// As [`in_batches`], for any jobs; those `ahead` says render beside the
/// batches.
fn rendered<J: Sync, R: Send>(
    jobs: &[J],
    ahead: impl Fn(&J) -> bool,
    render: impl Fn(&J) -> Rendered<R> + Sync,
    in_order: &(dyn Fn(&mut R) + Sync),
) -> Vec<Rendered<R>> {
    let ahead: Vec<usize> = (0..jobs.len()).filter(|&i| ahead(&jobs[i])).collect();
    let early: Mutex<Vec<(usize, Rendered<R>)>> = Mutex::default();
    let mut done = Done {
        results: (0..jobs.len()).map(|_| None).collect(),
        seen: 0,
    };
    rayon::join(
        || {
            ahead.par_iter().for_each(|&i| {
                let result = render(&jobs[i]);
                if let Ok(mut early) = early.lock() {
                    early.push((i, result));
                }
            })
        },
        || {
            for start in (0..jobs.len()).step_by(BATCH) {
                let batch = start..jobs.len().min(start + BATCH);
                let ((), next) = rayon::join(
                    || done.see(&early, in_order),
                    || {
                        let render = |i| (!ahead.contains(&i)).then(|| render(&jobs[i]));
                        batch
                            .clone()
                            .into_par_iter()
                            .map(render)
                            .collect::<Vec<_>>()
                    },
                );
                // (A job rendered ahead may be in already: its slot is kept.)
                for (slot, result) in done.results[batch].iter_mut().zip(next) {
                    if result.is_some() {
                        *slot = result;
                    }
                }
            }
        },
    );
    done.see(&early, in_order);
    let results = done.results.into_iter();
    results
        .map(|r| r.expect("every job is rendered in a batch or ahead"))
        .collect()
}

/// The results so far, by job; the first `seen` have been seen.
struct Done<R> {
    results: Vec<Option<Rendered<R>>>,
    seen: usize,
}

impl<R> Done<R> {
    /// Takes in the jobs rendered ahead that are done, and sees every result
    /// in order up to the first job not yet rendered.
    fn see(&mut self, early: &Mutex<Vec<(usize, Rendered<R>)>>, in_order: &dyn Fn(&mut R)) {
        if let Ok(mut early) = early.lock() {
            for (i, result) in early.drain(..) {
                self.results[i] = Some(result);
            }
        }
        while let Some(Some(result)) = self.results.get_mut(self.seen) {
            if let Ok(r) = result {
                in_order(r);
            }
            self.seen += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// A job rendered ahead that takes longer than many batches (a home
    /// page of a large site), or less: every result is seen once, in order,
    /// and comes back in order, as when every job renders in its batch.
    #[test]
    fn jobs_rendered_ahead_are_seen_in_their_turn() {
        let jobs: Vec<usize> = (0..3 * BATCH + 7).collect();
        for slow in [Duration::ZERO, Duration::from_millis(60)] {
            let renders: Vec<AtomicUsize> = jobs.iter().map(|_| AtomicUsize::new(0)).collect();
            let render = |&j: &usize| {
                renders[j].fetch_add(1, Ordering::SeqCst);
                if j == 0 || j == BATCH + 3 {
                    std::thread::sleep(slow);
                }
                Ok(j)
            };
            let seen = Mutex::new(Vec::new());
            let record = |j: &mut usize| seen.lock().unwrap().push(*j);
            let lead = |&j: &usize| j == 0 || j == BATCH + 3;
            let results = rendered(&jobs, lead, render, &record);
            let results: Vec<usize> = results.into_iter().map(|r| r.unwrap()).collect();
            assert_eq!(results, jobs);
            assert_eq!(*seen.lock().unwrap(), jobs);
            // Each rendered once: ahead or in its batch, not both.
            assert!(renders.iter().all(|n| n.load(Ordering::SeqCst) == 1));
        }
    }
}
