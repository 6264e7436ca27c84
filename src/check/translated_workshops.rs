//! A workshop's translation whose schedule is not its original's: another
//! start, another order of modules, a break of another length, a module of
//! other minutes or activities. Warnings: a mixed group reads the agenda
//! in two languages, and each would show them other clock times.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, locate_value, Seg};
use crate::model::schedule::{plan, DayPlan};
use crate::model::{Site, Workshop};

/// A warning for each translated workshop whose days, or a module of it,
/// differ in time from the original's.
pub fn check_translated_workshops(site: &Site, original: &Site) -> Vec<Diagnostic> {
    if std::ptr::eq(site, original) {
        return Vec::new();
    }
    let mut diags = Vec::new();
    for w in &site.workshops {
        let Some(orig) = original.workshop(&w.slug) else {
            continue;
        };
        if w.source != orig.source {
            diags.extend(day_difference(site, w, orig));
        }
        diags.extend(module_differences(site, w, orig));
    }
    diags
}

const HINT: &str = "give the translation the original's times: the same start, modules in the same order, breaks and activities of the same minutes (only the words change)";

/// The first day whose schedule differs from the original's.
fn day_difference(site: &Site, w: &Workshop, orig: &Workshop) -> Option<Diagnostic> {
    let text = site.texts.get(&w.source).map_or("", String::as_str);
    let origin = orig.source.display();
    let warn = |message: String, (line, col): (usize, usize)| {
        Diagnostic::warning(&w.source, message)
            .at(line, col)
            .hint(HINT)
    };
    let (here, (there, wrong)) = (plan(w).0, plan(orig));
    // An original whose days have errors of their own (a break without
    // minutes) has no times to compare with: its error says what to mend.
    if !wrong.is_empty() {
        return None;
    }
    if here.len() != there.len() {
        let message = format!(
            "this translation has {} days and its original, {origin}, has {}",
            here.len(),
            there.len()
        );
        return Some(warn(message, locate(text, &[Seg::Key("days")])));
    }
    for (d, (a, b)) in here.iter().zip(&there).enumerate() {
        let (Some(a), Some(b)) = (a, b) else { continue };
        if a.start != b.start {
            let message = format!(
                "day {} starts at {} here and at {} in the original, {origin}",
                d + 1,
                a.start,
                b.start
            );
            let at = [Seg::Key("days"), Seg::Index(d), Seg::Key("start")];
            return Some(warn(message, locate_value(text, &at)));
        }
        if let Some(i) = first_other_slot(a, b, w, orig) {
            let when = |p: &DayPlan| {
                p.slots
                    .get(i)
                    .map_or("nothing".to_string(), |s| format!("{}–{}", s.start, s.end))
            };
            // What the item is: a module by its file's name, or a break.
            let what = |p: &DayPlan, w: &Workshop| match p.slots.get(i).map(|s| s.module) {
                Some(Some(m)) => format!("the module `{}`", w.modules[m].slug),
                Some(None) => "a break".to_string(),
                None => "nothing".to_string(),
            };
            let (this, that) = (what(a, w), what(b, orig));
            let message = if this != that {
                format!("day {}, item {} is {this} here and {that} in the original, {origin}: the two languages' agendas show different items at the same time", d + 1, i + 1)
            } else {
                format!("day {}, item {} is {} here and {} in the original, {origin}: the agenda shows other times in each language", d + 1, i + 1, when(a), when(b))
            };
            let at = [
                Seg::Key("days"),
                Seg::Index(d),
                Seg::Key("items"),
                Seg::Index(i),
            ];
            return Some(warn(message, locate(text, &at)));
        }
    }
    None
}

/// The first slot of a day that is another module, or another length.
fn first_other_slot(a: &DayPlan, b: &DayPlan, w: &Workshop, orig: &Workshop) -> Option<usize> {
    fn slug(w: &Workshop, m: Option<usize>) -> Option<&str> {
        m.map(|m| w.modules[m].slug.as_str())
    }
    let n = a.slots.len().max(b.slots.len());
    (0..n).find(|&i| match (a.slots.get(i), b.slots.get(i)) {
        (Some(x), Some(y)) => {
            slug(w, x.module) != slug(orig, y.module) || x.start != y.start || x.end != y.end
        }
        _ => true,
    })
}

/// A module whose minutes or activities' minutes differ from the original's.
fn module_differences(site: &Site, w: &Workshop, orig: &Workshop) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for m in &w.modules {
        let Some(o) = orig.modules.iter().find(|o| o.slug == m.slug) else {
            continue;
        };
        if m.source == o.source {
            continue;
        }
        let text = site.texts.get(&m.source).map_or("", String::as_str);
        let minutes = super::workshop::activity_minutes;
        let (here, there) = (minutes(m), minutes(o));
        let (key, message) = if m.front.minutes != o.front.minutes {
            let (a, b) = (m.front.minutes, o.front.minutes);
            (
                "minutes",
                format!(
                    "this module takes {a} minutes here and {b} in the original, {}",
                    o.source.display()
                ),
            )
        } else if here != there {
            (
                "activities",
                format!(
                    "the activities take {here} minutes here and {there} in the original, {}",
                    o.source.display()
                ),
            )
        } else {
            continue;
        };
        let (line, col) = super::workshop::locate_front(text, &[Seg::Key(key)]);
        diags.push(
            Diagnostic::warning(&m.source, message)
                .at(line, col)
                .hint(HINT),
        );
    }
    diags
}
