//! Workshop pages: the index of workshops, and per workshop an agenda with
//! every clock time worked out, a page per module (with timers), a
//! facilitator guide and a participant handout.

use super::markdown::{to_html, to_html_below, Ids};
use super::practice::set_path;
use super::session::session_path;
use super::{escape_html, relative_url, safe};
use crate::model::schedule::{plan, Clock, DayPlan};
use crate::model::*;
use minijinja::{context, Value};

pub const INDEX_PATH: &str = "workshops/index.html";

pub fn agenda_path(slug: &str) -> String {
    format!("workshops/{slug}/index.html")
}

pub fn module_path(workshop: &str, module: &str) -> String {
    format!("workshops/{workshop}/{module}.html")
}

pub fn guide_path(slug: &str) -> String {
    format!("workshops/{slug}/facilitator.html")
}

pub fn handout_path(slug: &str) -> String {
    format!("workshops/{slug}/handout.html")
}

fn kind_label(site: &Site, kind: ActivityKind) -> String {
    let key = match kind {
        ActivityKind::Input => "workshop.kind.input",
        ActivityKind::Practice => "workshop.kind.practice",
        ActivityKind::Demo => "workshop.kind.demo",
        ActivityKind::Session => "workshop.kind.session",
        ActivityKind::Reflection => "workshop.kind.reflection",
        ActivityKind::Discussion => "workshop.kind.discussion",
    };
    site.strings.t(key, &[])
}

/// When a module runs, in the site's language: "Day 1, 09:00–10:30", and
/// for a module the days use more than once every run, "Day 2, 10:30–12:00
/// and 13:00–14:30" (the day named again only when it changes). A workshop
/// of one day names no day: "09:00–10:30".
fn when(site: &Site, w: &Workshop, runs: &[(usize, Clock, Clock)]) -> Option<String> {
    run_times(site, w, runs.iter().copied(), w.data.days.len() > 1)
        .into_iter()
        .reduce(|first, then| and_then(site, &first, &then))
}

/// Each run's time, "Day 2, 10:30–12:00" then "13:00–14:30": with
/// `name_days`, the day's title whenever it changes from the run before.
fn run_times(
    site: &Site,
    w: &Workshop,
    runs: impl Iterator<Item = (usize, Clock, Clock)>,
    name_days: bool,
) -> Vec<String> {
    let s = &site.strings;
    let mut day = None;
    runs.map(|(d, start, end)| {
        let (start, end) = (s.clock(start.0), s.clock(end.0));
        let text = if day == Some(d) || !name_days {
            s.t("time.range", &[("start", &start), ("end", &end)])
        } else {
            let title = day_title(site, w, d - 1);
            s.t(
                "workshop.when",
                &[("day", &title), ("start", &start), ("end", &end)],
            )
        };
        day = Some(d);
        text
    })
    .collect()
}

/// "10:30–12:00 and 13:00–14:30": two runs of one module.
fn and_then(site: &Site, first: &str, then: &str) -> String {
    site.strings
        .t("workshop.and_then", &[("first", first), ("then", then)])
}

fn starts(runs: &[(usize, Clock, Clock)]) -> Vec<Clock> {
    runs.iter().map(|r| r.1).collect()
}

/// The runs' clock times `ranges` as HTML, joined as [`and_then`] joins
/// them, each in a `<span class="clock">` that a line may end after but
/// never inside ("10:30–" alone on a line).
fn clocks_html(site: &Site, ranges: &[String]) -> String {
    let marks: Vec<String> = (0..ranges.len())
        .map(|i| format!("\u{1}{i}\u{1}"))
        .collect();
    let joined = marks
        .iter()
        .cloned()
        .reduce(|first, then| and_then(site, &first, &then));
    let mut html = escape_html(&joined.unwrap_or_default());
    for (mark, range) in marks.iter().zip(ranges) {
        let span = format!("<span class=\"clock\">{}</span>", escape_html(range));
        html = html.replace(mark.as_str(), &span);
    }
    html
}

/// Every time the days use a module: day number, start and end.
fn runs(days: &[Option<DayPlan>], module: usize) -> Vec<(usize, Clock, Clock)> {
    days.iter()
        .enumerate()
        .filter_map(|(d, day)| day.as_ref().map(|day| (d, day)))
        .flat_map(|(d, day)| {
            day.slots
                .iter()
                .filter(move |s| s.module == Some(module))
                .map(move |s| (d + 1, s.start, s.end))
        })
        .collect()
}

/// Modules in the order the days use them, then the unscheduled ones.
fn module_order(w: &Workshop, days: &[Option<DayPlan>]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for slot in days.iter().flatten().flat_map(|d| &d.slots) {
        if let Some(m) = slot.module {
            if !order.contains(&m) {
                order.push(m);
            }
        }
    }
    let unscheduled: Vec<usize> = (0..w.modules.len())
        .filter(|m| !order.contains(m))
        .collect();
    order.extend(unscheduled);
    order
}

/// The day's own title, else "Day 2"; the only day of a workshop of one
/// is not numbered ("Programme").
fn day_title(site: &Site, w: &Workshop, d: usize) -> String {
    w.data.days[d]
        .title
        .clone()
        .unwrap_or_else(|| match w.data.days.len() {
            1 => site.strings.t("workshop.only_day", &[]),
            _ => site
                .strings
                .t("workshop.day", &[("n", &(d + 1).to_string())]),
        })
}

/// The activities of a module, with clock times when it is scheduled. A
/// practice set or session not translated yet is the `original` site's,
/// shown by its page in this language that leads to it.
fn activities(
    (site, original): (&Site, &Site),
    w: &Workshop,
    m: &Module,
    runs: &[(usize, Clock, Clock)],
    path: &str,
) -> Vec<Value> {
    let s = &site.strings;
    let mut at = starts(runs);
    let several_days = runs.iter().any(|r| r.0 != runs[0].0);
    let timer_names = timer_names(original, w, m);
    m.front
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let link = match (&a.practice, &a.session) {
                (Some(p), _) => site
                    .practice_set(p)
                    .or_else(|| original.practice_set(p))
                    .map(|d| {
                        (
                            relative_url(path, &set_path(p)),
                            s.t("workshop.practice_link", &[("title", &d.data.title)]),
                            same_title(&a.title, &d.data.title)
                                .then(|| s.t("workshop.practice_link_kind", &[])),
                        )
                    }),
                (None, Some(slug)) => {
                    site.session(slug)
                        .or_else(|| original.session(slug))
                        .map(|d| {
                            (
                                relative_url(path, &session_path(slug)),
                                s.t("workshop.session_link", &[("title", &d.data.title)]),
                                same_title(&a.title, &d.data.title)
                                    .then(|| s.t("workshop.session_link_kind", &[])),
                            )
                        })
                }
                _ => None,
            };
            // Its clock time in every run of the module.
            // Runs on two days or more name their days, as the module's
            // own line does ("Day 1, 09:00–09:10 and Day 2, 09:00–09:10").
            let times = at
                .iter()
                .zip(runs)
                .map(|(c, r)| (r.0, *c, c.plus(a.minutes)));
            let ranges = run_times(site, w, times, several_days);
            at.iter_mut().for_each(|c| *c = c.plus(a.minutes));
            let clock = ranges
                .iter()
                .cloned()
                .reduce(|first, then| and_then(site, &first, &then));
            let clock_html = clock.as_ref().map(|_| safe(clocks_html(site, &ranges)));
            context! {
                number => i + 1,
                title => &a.title,
                timer => &timer_names[i],
                minutes => a.minutes,
                display => format!("{:02}:00", a.minutes),
                kind => kind_label(site, a.kind),
                clock => clock,
                clock_html => clock_html,
                link_href => link.as_ref().map(|l| l.0.clone()),
                // The activity has the name of what it links to: a table
                // row names the kind alone in its link ("(practice set)"),
                // not the name twice.
                link_in_row => link.as_ref().map(|l| l.2.clone().unwrap_or_else(|| l.1.clone())),
                link_title => link.map(|l| l.1),
            }
        })
        .collect()
}

/// Whether an activity's title is the title of the practice set or session
/// it links to, but for case and spaces.
fn same_title(activity: &str, linked: &str) -> bool {
    let words = |t: &str| {
        t.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(activity) == words(linked)
}

fn workshop_ctx(w: &Workshop, path: &str, ids: &mut Ids) -> Value {
    context! {
        title => &w.data.title,
        audience => &w.data.audience,
        summary => w.data.summary.as_deref().map(|s| safe(to_html(s, path, ids))),
        outcomes => &w.data.outcomes,
        agenda_href => relative_url(path, &agenda_path(&w.slug)),
        guide_href => relative_url(path, &guide_path(&w.slug)),
        handout_href => relative_url(path, &handout_path(&w.slug)),
        index_href => relative_url(path, INDEX_PATH),
    }
}

pub fn agenda_context(site: &Site, w: &Workshop, path: &str, ids: &mut Ids) -> Value {
    let (days, _) = plan(w);
    context! { workshop => workshop_ctx(w, path, ids), days => day_views(site, w, &days, path) }
}

/// `part` of `whole` in percent, to two decimals.
fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (f64::from(part) * 10_000.0 / f64::from(whole)).round() / 100.0
}

/// Each scheduled day as the day table shows it.
fn day_views(site: &Site, w: &Workshop, days: &[Option<DayPlan>], path: &str) -> Vec<Value> {
    let t = &site.strings;
    days.iter()
        .enumerate()
        .filter_map(|(d, day)| day.as_ref().map(|day| (d, day)))
        .map(|(d, day)| {
            let total = day.end.0 - day.start.0;
            context! {
                number => d + 1,
                title => day_title(site, w, d),
                start => t.clock(day.start.0),
                end => t.clock(day.end.0),
                teaching => t.duration(day.teaching),
                total => t.duration(total),
                has_breaks => day.teaching < total,
                only => w.data.days.len() == 1 && w.data.days[d].title.is_none(),
                slots => day.slots.iter().map(|s| {
                    let module = s.module.map(|m| &w.modules[m]);
                    context! {
                        start => t.clock(s.start.0),
                        end => t.clock(s.end.0),
                        label => &s.label,
                        minutes => s.minutes,
                        // As the module's own page says it ("1 h 20 min").
                        duration => t.duration(s.minutes),
                        is_break => s.module.is_none(),
                        href => module.map(|m| relative_url(path, &module_path(&w.slug, &m.slug))),
                        objectives => module.map(|m| m.front.objectives.clone()).unwrap_or_default(),
                        // Where the slot starts on the day's timeline bar, and its width, in percent.
                        offset => percent(s.start.0 - day.start.0, total),
                        share => percent(s.minutes, total),
                    }
                }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

pub fn module_context(
    (site, original): (&Site, &Site),
    w: &Workshop,
    index: usize,
    path: &str,
    ids: &mut Ids,
) -> Value {
    let (days, _) = plan(w);
    let m = &w.modules[index];
    let runs = runs(&days, index);
    let order = module_order(w, &days);
    let pos = order.iter().position(|&i| i == index).unwrap_or(0);
    let neighbour = |i: Option<&usize>| {
        i.map(|&i| context! { title => &w.modules[i].front.title, href => relative_url(path, &module_path(&w.slug, &w.modules[i].slug)) })
    };
    context! {
        workshop => workshop_ctx(w, path, ids),
        module => context! {
            title => &m.front.title,
            minutes => m.front.minutes,
            duration => site.strings.duration(m.front.minutes),
            objectives => &m.front.objectives,
            materials => &m.front.materials,
            when => when(site, w, &runs),
            activities => activities((site, original), w, m, &runs, path),
            body => safe(to_html(&m.body, path, ids)),
            key => format!("alsite-timer:{}/{}", w.slug, m.slug),
        },
        prev => neighbour(pos.checked_sub(1).and_then(|p| order.get(p))),
        next => neighbour(order.get(pos + 1)),
    }
}

/// What each activity's timer is kept under on a device (with its
/// minutes, see `timer.js`): the activity's title in the site's default
/// language, so that a timer runs on when the page is switched to another
/// language; its own title where the default language's module has no
/// activity of the same length in its place.
fn timer_names(original: &Site, w: &Workshop, m: &Module) -> Vec<String> {
    let first = original
        .workshop(&w.slug)
        .and_then(|o| o.modules.iter().find(|o| o.slug == m.slug));
    let theirs = first.map_or(&[][..], |o| &o.front.activities[..]);
    m.front
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| match theirs.get(i) {
            Some(o) if o.minutes == a.minutes => o.title.clone(),
            _ => a.title.clone(),
        })
        .collect()
}

/// A module's anchor in the guide and handout: its name with `-` for each
/// run of spaces (`rozmowa w trójkach.md` → `#rozmowa-w-trójkach`), since an
/// id holds no space and `aria-labelledby` reads one as a list of ids.
fn module_anchor(slug: &str) -> String {
    slug.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Every module in schedule order, with what the guide or handout shows.
fn modules_in_order(
    (site, original): (&Site, &Site),
    w: &Workshop,
    days: &[Option<DayPlan>],
    path: &str,
    ids: &mut Ids,
    with_notes: bool,
) -> Vec<Value> {
    module_order(w, days)
        .into_iter()
        .map(|i| {
            let m = &w.modules[i];
            if let Ok(file) = m.source.strip_prefix("content") {
                ids.read_from(&file.to_string_lossy().replace('\\', "/"));
            }
            let runs = runs(days, i);
            let anchor = ids.unique(&module_anchor(&m.slug));
            context! {
                id => anchor,
                title => &m.front.title,
                duration => site.strings.duration(m.front.minutes),
                when => when(site, w, &runs),
                objectives => &m.front.objectives,
                materials => &m.front.materials,
                activities => activities((site, original), w, m, &runs, path),
                // Below the notes' own title (an h3): their highest heading becomes an h4.
                notes => if with_notes { m.front.facilitator.as_deref().map(|f| safe(to_html_below(f, path, ids, 4).html)) } else { None },
                // Below the module's title (an h2): its highest heading becomes an h3.
                body => safe(to_html_below(&m.body, path, ids, 3).html),
                notes_space => m.front.handout_notes,
                href => relative_url(path, &module_path(&w.slug, &m.slug)),
            }
        })
        .collect()
}

pub fn guide_context(
    (site, original): (&Site, &Site),
    w: &Workshop,
    path: &str,
    ids: &mut Ids,
) -> Value {
    // One checklist of everything to bring, each item with the modules that need it.
    let mut materials: Vec<(String, Vec<String>)> = Vec::new();
    let (days, _) = plan(w);
    for i in module_order(w, &days) {
        let m = &w.modules[i];
        for item in &m.front.materials {
            match materials
                .iter_mut()
                .find(|(name, _)| name.eq_ignore_ascii_case(item))
            {
                Some((_, used)) => used.push(m.front.title.clone()),
                None => materials.push((item.clone(), vec![m.front.title.clone()])),
            }
        }
    }
    context! {
        workshop => workshop_ctx(w, path, ids),
        days => day_views(site, w, &days, path),
        modules => modules_in_order((site, original), w, &days, path, ids, true),
        materials => materials.iter().map(|(name, used)| context! { name => name, modules => used.join(", ") }).collect::<Vec<_>>(),
    }
}

pub fn handout_context(
    (site, original): (&Site, &Site),
    w: &Workshop,
    path: &str,
    ids: &mut Ids,
) -> Value {
    let (days, _) = plan(w);
    context! {
        workshop => workshop_ctx(w, path, ids),
        days => day_views(site, w, &days, path),
        modules => modules_in_order((site, original), w, &days, path, ids, false),
    }
}

/// The UI string `key` as a package's pages say it (`key` and
/// `_in_package`): they do not offer the facilitator guides a package
/// leaves out.
pub fn in_package(config: &crate::config::Config, key: &str) -> String {
    match config.packaged {
        true => format!("{key}_in_package"),
        false => key.to_string(),
    }
}

pub fn index_context(site: &Site, path: &str) -> Value {
    let lede = in_package(&site.config, "workshop.lede");
    context! {
        lede => site.strings.t(&lede, &[]),
        workshops => super::in_order(site, &site.workshops, |w| &w.slug).into_iter().filter(|w| !w.source.as_os_str().is_empty()).map(|w| {
            let (days, _) = plan(w);
            let teaching: u32 = days.iter().flatten().map(|d| d.teaching).sum();
            context! {
                title => &w.data.title,
                audience => &w.data.audience,
                href => relative_url(path, &agenda_path(&w.slug)),
                days => w.data.days.len(),
                modules => w.modules.len(),
                teaching => site.strings.duration(teaching),
            }
        }).collect::<Vec<_>>(),
    }
}
