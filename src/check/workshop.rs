//! Workshop checks: clock times, modules and links that exist, activity
//! minutes that add up to the module's, and modules no day uses.

use crate::diagnostic::Diagnostic;
use crate::load::frontmatter;
use crate::load::yaml::{locate, locate_value, value_place, Seg};
use crate::model::schedule::{duration, plan, Clock, DayPlan, PlanError, MINUTES_PER_DAY};
use crate::model::*;
use std::path::Path;

mod activity_links;
use activity_links::{missing_link, two_links};

/// `original` is the site in the default language (the same site in it): a
/// module links its practice sets and sessions until they are translated.
pub fn check_workshops(site: &Site, original: &Site) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    site.workshops
        .par_iter()
        .flat_map_iter(|w| check_workshop((site, original), w))
        .collect()
}

/// The position of `path` inside a Markdown file's front matter.
pub(super) fn locate_front(text: &str, path: &[Seg]) -> (usize, usize) {
    match frontmatter::split(text) {
        Ok(frontmatter::Split {
            front: Some(front),
            front_line,
            ..
        }) => {
            let (line, col) = locate(front, path);
            (line + front_line - 1, col)
        }
        _ => (1, 1),
    }
}

/// Where the value of the key at `path` starts inside a Markdown file's
/// front matter: what an error about a wrong value points at.
fn locate_front_value(text: &str, path: &[Seg]) -> (usize, usize) {
    match frontmatter::split(text) {
        Ok(frontmatter::Split {
            front: Some(front),
            front_line,
            ..
        }) => {
            let (line, col) = value_place(front, locate(front, path));
            (line + front_line - 1, col)
        }
        _ => (1, 1),
    }
}

/// Modules with no workshop file of their language: `workshop.yaml`, or in
/// a translation `workshop.<lang>.yaml` (the original's is not enough).
fn no_workshop_file(site: &Site, w: &Workshop) -> Diagnostic {
    let file = w
        .modules
        .first()
        .map(|m| m.source.clone())
        .unwrap_or_default();
    let lang = &site.config.language;
    let translated = site.config.all_languages().first() != Some(lang);
    let wanted = if translated {
        format!("workshop.{lang}.yaml")
    } else {
        "workshop.yaml".to_string()
    };
    let message = if translated {
        format!(
            "workshop `{}` has modules in `{lang}` but no {wanted}",
            w.slug
        )
    } else {
        format!("workshop `{}` has modules but no workshop.yaml", w.slug)
    };
    let hint = if translated {
        format!("a workshop in `{lang}` needs its own workshop file beside the original's: create content/workshops/{}/{wanted}, the translation of workshop.yaml", w.slug)
    } else {
        format!(
            "create content/workshops/{}/workshop.yaml with a title, an audience and days",
            w.slug
        )
    };
    Diagnostic::error(&file, message).at(1, 1).hint(hint)
}

/// A day names a module the workshop does not have; in a translation, most
/// often one whose original is there, untranslated.
fn unknown_module(
    (site, original): (&Site, &Site),
    w: &Workshop,
    day: usize,
    name: &str,
) -> Diagnostic {
    let lang = &site.config.language;
    let untranslated = original
        .workshops
        .iter()
        .filter(|o| o.slug == w.slug)
        .flat_map(|o| &o.modules)
        .find(|m| m.slug == name);
    if let Some(m) = untranslated {
        let file = m.source.display().to_string();
        let wanted = file.strip_suffix(".md").map(|f| format!("{f}.{lang}.md"));
        return Diagnostic::error(
            &w.source,
            format!("day {}: module `{name}` is not translated into `{lang}` yet", day + 1),
        )
        .hint(format!(
            "a workshop in `{lang}` needs each of its modules in `{lang}`: add {}, the translation of {file}",
            wanted.unwrap_or_else(|| format!("its `{lang}` version beside {file}"))
        ));
    }
    let known: Vec<&str> = w.modules.iter().map(|m| m.slug.as_str()).collect();
    // `wrap-up.md.txt`, as Windows saves it with its extensions hidden.
    let folder = Path::new("content/workshops").join(&w.slug);
    let mis_saved = site.assets.iter().find_map(|(source, _)| {
        let name_there = source.file_name()?.to_str()?;
        let inner = Path::new(name_there).file_stem()?.to_str()?;
        (source.parent() == Some(&folder) && inner == format!("{name}.md")).then_some(name_there)
    });
    if let Some(there) = mis_saved {
        return Diagnostic::error(
            &w.source,
            format!("day {}: no module `{name}` in content/workshops/{}/, but there is `{there}`", day + 1, w.slug),
        )
        .hint(format!("rename `{there}` to `{name}.md` (Windows may hide the end of a file's name, so it can show as `{name}.md`); as it is, it is not read as a module but published as a file for anyone to download"));
    }
    Diagnostic::error(
        &w.source,
        format!(
            "day {}: no module `{name}` in content/workshops/{}/",
            day + 1,
            w.slug
        ),
    )
    .hint(if known.is_empty() {
        format!("create content/workshops/{}/{name}.md", w.slug)
    } else {
        format!(
            "{}modules of this workshop: {}",
            meant_module(w, name, &known),
            known.join(", ")
        )
    })
}

/// "did you mean …? " for a module a day names that the workshop lacks: a
/// name a letter or two off, else the one module no day names, when there
/// is just one (the file renamed since: `power-of-questions` to
/// `questions-that-empower`).
fn meant_module(w: &Workshop, name: &str, known: &[&str]) -> String {
    let titled = w
        .modules
        .iter()
        .find(|m| folded(&m.front.title) == folded(name));
    if let Some(m) = titled {
        return format!(
            "`{name}` is the title of `{}`: write its file's name, `- module: {}`; ",
            m.slug, m.slug
        );
    }
    let near = crate::suggest::did_you_mean(name, known.iter().copied());
    if !near.is_empty() {
        return near;
    }
    let named: Vec<&str> = w
        .data
        .days
        .iter()
        .flat_map(|d| &d.items)
        .filter_map(|i| i.module.as_deref())
        .collect();
    match known
        .iter()
        .filter(|m| !named.contains(m))
        .collect::<Vec<_>>()[..]
    {
        [renamed] => format!("`{renamed}` is the one module no day names: if you renamed the file, write `- module: {renamed}`; "),
        _ => String::new(),
    }
}

/// A day with `end:` (the room is booked until then) whose items run past
/// it: an error at its `end:`, naming the first item that does not fit.
fn day_ends(w: &Workshop, text: &str, days: &[Option<DayPlan>]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (d, (day, planned)) in w.data.days.iter().zip(days).enumerate() {
        let (Some(end), Some(planned)) = (&day.end, planned) else {
            continue;
        };
        let (l, c) = locate_value(text, &[Seg::Key("days"), Seg::Index(d), Seg::Key("end")]);
        let n = d + 1;
        // A room booked until midnight: the day may end at 24:00.
        let end_of_day = end.trim() == "24:00";
        let parsed = if end_of_day {
            Ok(Clock(24 * 60))
        } else {
            Clock::parse(end)
        };
        // An end time's hours go to 24 (`24:00`, midnight).
        let parsed = parsed.map_err(|m| {
            m.replace(
                "hours go from 00 to 23",
                "hours go from 00 to 23, and an end may be `24:00`, midnight",
            )
        });
        let diag = match parsed {
            Err(message) => {
                let time = Clock::meant(end).map_or("17:00".to_string(), |c| c.to_string());
                Diagnostic::error(&w.source, format!("day {n}: the end time {message}")).hint(
                    format!("write hours and minutes with a colon, in quotes: `end: \"{time}\"`"),
                )
            }
            Ok(end) if end < planned.start => Diagnostic::error(
                &w.source,
                format!(
                    "day {n} ends at {end}, before it starts at {}",
                    planned.start
                ),
            )
            .hint(if end.0 == 0 {
                "`end:` is when the day must be over, after its `start:`; for midnight write `end: \"24:00\"`"
            } else {
                "`end:` is when the day must be over, after its `start:`"
            }),
            Ok(end) if planned.end > end => {
                let over = planned.end.0 - end.0;
                let first = planned.slots.iter().find(|s| s.end > end);
                let (label, from, to) = first.map_or((String::new(), end, end), |s| {
                    (s.label.clone(), s.start, s.end)
                });
                let (until, end, from, to) = (
                    day_time(planned.end),
                    day_time(end),
                    day_time(from),
                    day_time(to),
                );
                Diagnostic::error(
                    &w.source,
                    format!(
                        "day {n} runs until {until}, past its end at {end}: `{label}` ({from}–{to}) does not fit"
                    ),
                )
                .hint(format!(
                    "take {} out of the day (shorten a module or a break, or move an item to another day), or make `end:` later",
                    duration(over)
                ))
            }
            Ok(_) => continue,
        };
        diags.push(diag.at(l, c));
    }
    diags
}

/// A time of a day's plan as the trainer reads it: midnight at the day's
/// end as `24:00`, as `end:` writes it; a time past it as the next day's.
fn day_time(c: Clock) -> String {
    match c.0 {
        MINUTES_PER_DAY => "24:00".to_string(),
        m if m > MINUTES_PER_DAY => format!("{c} the next day"),
        _ => c.to_string(),
    }
}

fn check_workshop((site, original): (&Site, &Site), w: &Workshop) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if w.source.as_os_str().is_empty() {
        return vec![no_workshop_file(site, w)];
    }
    let text = site.texts.get(&w.source).map(String::as_str).unwrap_or("");
    let day_item = |d: usize, i: usize| {
        locate(
            text,
            &[
                Seg::Key("days"),
                Seg::Index(d),
                Seg::Key("items"),
                Seg::Index(i),
            ],
        )
    };
    let (days, errors) = plan(w);
    diags.extend(day_ends(w, text, &days));
    for e in errors {
        let d = match e {
            PlanError::BadStart { day, message } => {
                let start = [Seg::Key("days"), Seg::Index(day), Seg::Key("start")];
                let (l, c) = locate_value(text, &start);
                let meant = w.data.days.get(day).and_then(|d| Clock::meant(&d.start));
                let time = meant.map_or("09:00".to_string(), |c| c.to_string());
                Diagnostic::error(
                    &w.source,
                    format!("day {}: the start time {message}", day + 1),
                )
                .at(l, c)
                .hint(format!(
                    "write hours and minutes with a colon, in quotes: `start: \"{time}\"`"
                ))
            }
            PlanError::UnknownModule { day, item, name } => {
                let module = [
                    Seg::Key("days"),
                    Seg::Index(day),
                    Seg::Key("items"),
                    Seg::Index(item),
                    Seg::Key("module"),
                ];
                let (l, c) = locate_value(text, &module);
                unknown_module((site, original), w, day, &name).at(l, c)
            }
            PlanError::BadItem {
                day,
                item,
                message,
                key,
                hint,
            } => {
                let (l, c) = match key {
                    Some(key) => locate(
                        text,
                        &[
                            Seg::Key("days"),
                            Seg::Index(day),
                            Seg::Key("items"),
                            Seg::Index(item),
                            Seg::Key(key),
                        ],
                    ),
                    None => day_item(day, item),
                };
                // The item's own hint (a break's length or name), else its form.
                let hint = hint.unwrap_or(
                    "e.g. `- module: the-six-components` or `- { break: Lunch, minutes: 60 }`",
                );
                Diagnostic::error(
                    &w.source,
                    format!("day {}, item {}: {message}", day + 1, item + 1),
                )
                .at(l, c)
                .hint(hint)
            }
            PlanError::PastMidnight { day, item, end } => {
                let (l, c) = day_item(day, item);
                Diagnostic::error(
                    &w.source,
                    format!(
                        "day {} runs past midnight: this item ends at {end} the next day",
                        day + 1
                    ),
                )
                .at(l, c)
                .hint("start the day earlier, shorten modules, or move items to another day")
            }
        };
        diags.push(d);
    }
    diags.extend(modules_on_days(w, text));
    for m in &w.modules {
        diags.extend(check_module((site, original), m));
        let used = w.data.days.iter().any(|d| {
            d.items
                .iter()
                .any(|i| i.module.as_deref() == Some(m.slug.as_str()))
        });
        if !used {
            diags.push(
                Diagnostic::warning(
                    &m.source,
                    format!("module `{}` is not on any day of the workshop", m.slug),
                )
                .at(1, 1)
                .hint(format!(
                    "add `- module: {}` to a day in {}, or remove the file",
                    m.slug,
                    w.source.display()
                )),
            );
        }
    }
    diags
}

/// A workshop's days name at least one module: without one its agenda,
/// guide and handout would hold only breaks. (A day of breaks alone, in a
/// workshop with modules on other days, is a warning.)
fn modules_on_days(w: &Workshop, text: &str) -> Vec<Diagnostic> {
    let days = &w.data.days;
    if days
        .iter()
        .flat_map(|d| &d.items)
        .any(|i| i.module.is_some())
    {
        return days_of_breaks(w, text);
    }
    let (line, column) = locate(text, &[Seg::Key("days")]);
    let folder = w.source.parent().unwrap_or(&w.source).display();
    vec![
        Diagnostic::error(&w.source, "the workshop has no module on any day, only breaks")
            .at(line, column)
            .hint(format!("add `- module: NAME` to a day, for a Markdown file {folder}/NAME.md with the module's front matter")),
    ]
}

/// A warning for each day that has items but no module (an unfinished
/// day: its agenda would be a lunch alone).
fn days_of_breaks(w: &Workshop, text: &str) -> Vec<Diagnostic> {
    (w.data.days.iter().enumerate())
        .filter(|(_, d)| !d.items.is_empty() && d.items.iter().all(|i| i.module.is_none()))
        .map(|(n, _)| {
            let at = [Seg::Key("days"), Seg::Index(n), Seg::Key("items")];
            let (line, column) = locate(text, &at);
            Diagnostic::warning(&w.source, format!("day {} has only breaks, no module", n + 1))
                .at(line, column)
                .hint("add the day's modules (`- module: NAME`), or remove the day if the workshop does not have it")
        })
        .collect()
}

/// The checks of one module: activities that fill its minutes, and links
/// to practice sets and sessions that exist.
fn check_module((site, original): (&Site, &Site), m: &Module) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mtext = site.texts.get(&m.source).map(String::as_str).unwrap_or("");
    if m.front.activities.is_empty() {
        diags.push(no_activities(m, mtext));
    }
    diags.extend(minutes_disagree(m, mtext));
    for (i, a) in m.front.activities.iter().enumerate() {
        if a.practice.is_some() && a.session.is_some() {
            diags.push(two_links(m, mtext, i));
        }
        for (key, target) in [("practice", &a.practice), ("session", &a.session)] {
            if let Some(t) = target {
                diags.extend(missing_link((site, original), m, mtext, i, key, t));
            }
        }
    }
    diags
}

/// A module's activities' minutes as a sum: `15 + 15`.
pub(super) fn activity_minutes(m: &Module) -> String {
    let each: Vec<String> = m
        .front
        .activities
        .iter()
        .map(|a| a.minutes.to_string())
        .collect();
    each.join(" + ")
}

/// An error when a module's activities do not add up to its `minutes:`.
fn minutes_disagree(m: &Module, mtext: &str) -> Option<Diagnostic> {
    let sum: u32 = m.front.activities.iter().map(|a| a.minutes).sum();
    if m.front.activities.is_empty() || sum == m.front.minutes {
        return None;
    }
    let (l, c) = locate_front_value(mtext, &[Seg::Key("minutes")]);
    Some(
        Diagnostic::error(
            &m.source,
            format!(
                "the activities add up to {sum} minutes ({}), but the module has {}",
                activity_minutes(m),
                m.front.minutes
            ),
        )
        .at(l, c)
        .hint("change `minutes:` or the activities' minutes so they agree"),
    )
}

/// A title as compared with a name written in its place: no case, no
/// accents, single spaces.
fn folded(text: &str) -> String {
    let folded = crate::search::tokenize::fold(text);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A module with minutes and no activities: nothing fills its time (the
/// activities' minutes must add up to the module's).
fn no_activities(m: &Module, text: &str) -> Diagnostic {
    let said = frontmatter::split(text)
        .ok()
        .and_then(|s| s.front)
        .is_some_and(|f| f.lines().any(|l| l.starts_with("activities:")));
    let key = if said { "activities" } else { "minutes" };
    let (l, c) = locate_front(text, &[Seg::Key(key)]);
    let n = m.front.minutes;
    Diagnostic::error(
        &m.source,
        format!("the module has {n} minutes but no activities to fill them"),
    )
    .at(l, c)
    .hint(format!("list what happens under `activities:`, e.g. `- {{ title: Input, minutes: {n}, kind: input }}`; their minutes must add up to the module's"))
}
