//! Clock arithmetic for workshops: parse `HH:MM`, add minutes, and lay out
//! each day's modules and breaks with their start and end times. Pure: the
//! checks turn its errors into diagnostics, the pages show its times.

use super::{DayItem, Workshop};
use std::fmt;

pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// A time of day in minutes after midnight (may pass 24:00 when a day runs late).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock(pub u32);

impl Clock {
    /// Parses `9:05` or `09:05`; hours 0 to 23, minutes 00 to 59.
    pub fn parse(text: &str) -> Result<Clock, String> {
        let t = text.trim();
        let not_a_time = || format!("`{t}` is not a clock time (hours and minutes with a colon)");
        let Some((h, m)) = t.split_once(':') else {
            return Err(not_a_time());
        };
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(h) || h.len() > 2 || !digits(m) || m.len() != 2 {
            return Err(not_a_time());
        }
        let (h, m): (u32, u32) = (h.parse().unwrap_or(99), m.parse().unwrap_or(99));
        if h > 23 {
            return Err(format!("`{t}`: hours go from 00 to 23"));
        }
        if m > 59 {
            return Err(format!("`{t}`: minutes go from 00 to 59"));
        }
        Ok(Clock(h * 60 + m))
    }

    /// The clock time `text` most likely means when it is not written as
    /// one: `9.00`, `9h30`, `9`, `0930` and `9:5`'s kin read as `09:00`,
    /// `09:30`, `2pm` as `14:00`, `noon` as `12:00`; `None` when it reads as
    /// no time of day.
    pub fn meant(text: &str) -> Option<Clock> {
        // Noon in words, in English and Polish.
        let word = crate::search::tokenize::fold(text.trim());
        if ["noon", "midday", "12 noon", "poludnie", "w poludnie"].contains(&word.as_str()) {
            return Some(Clock(12 * 60));
        }
        let groups: Vec<&str> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .collect();
        let (h, m) = match groups.as_slice() {
            [hm] if hm.len() >= 3 && hm.len() <= 4 => hm.split_at(hm.len() - 2),
            [h] => (*h, "00"),
            [h, m] if m.len() == 2 => (*h, *m),
            _ => return None,
        };
        let clock = Clock::parse(&format!("{h}:{m}")).ok()?;
        // `2pm`, `1:30 PM`, `12:15 a.m.`: a twelve-hour clock.
        let letters: String = text
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let hours = clock.0 / 60;
        match letters.as_str() {
            "pm" if (1..12).contains(&hours) => Some(clock.plus(12 * 60)),
            "am" if hours == 12 => Some(Clock(clock.0 - 12 * 60)),
            "am" | "pm" if hours > 12 || hours == 0 => None,
            _ => Some(clock),
        }
    }

    pub fn plus(self, minutes: u32) -> Clock {
        Clock(self.0 + minutes)
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60 % 24, self.0 % 60)
    }
}

/// `90` → "1 h 30 min", `45` → "45 min", `120` → "2 h".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// One module or break of a day, placed on the clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub start: Clock,
    pub end: Clock,
    /// Index into the workshop's modules; `None` for a break.
    pub module: Option<usize>,
    /// The module's title or the break's label.
    pub label: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    pub start: Clock,
    pub end: Clock,
    pub slots: Vec<Slot>,
    /// Minutes of modules, breaks excluded.
    pub teaching: u32,
}

/// What stops a day from being laid out; `day` and `item` are 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    BadStart {
        day: usize,
        message: String,
    },
    UnknownModule {
        day: usize,
        item: usize,
        name: String,
    },
    BadItem {
        day: usize,
        item: usize,
        message: String,
        /// The item's key that is wrong there (`minutes` under a module),
        /// where the error points; none: the item as a whole.
        key: Option<&'static str>,
        /// What to write instead, where it is not the item's form.
        hint: Option<&'static str>,
    },
    PastMidnight {
        day: usize,
        item: usize,
        end: Clock,
    },
}

/// Whether a break's `break:` text is a name (`Lunch`, `Przerwa kawowa`),
/// not a yes or no (`break: yes`: "a break here"), a clock time or a number,
/// which the agenda would show as the break's name.
fn is_break_name(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    let yes_no = [
        "yes", "no", "true", "false", "y", "n", "on", "off", "tak", "nie",
    ];
    let numeric = l.chars().all(|c| c.is_ascii_digit() || ".:,h ".contains(c));
    !(yes_no.contains(&l.as_str()) || numeric)
}

/// Lays out every day. A day with a bad start time is left out; other
/// problems are reported and the day is laid out as far as possible.
pub fn plan(w: &Workshop) -> (Vec<Option<DayPlan>>, Vec<PlanError>) {
    let mut errors = Vec::new();
    let days = w
        .data
        .days
        .iter()
        .enumerate()
        .map(|(d, day)| {
            let start = match Clock::parse(&day.start) {
                Ok(c) => c,
                Err(message) => {
                    errors.push(PlanError::BadStart { day: d, message });
                    return None;
                }
            };
            let mut at = start;
            let mut slots = Vec::new();
            let mut teaching = 0;
            let mut late = false;
            for (i, item) in day.items.iter().enumerate() {
                let Some((module, label, minutes)) = resolve(w, item, d, i, &mut errors) else {
                    continue;
                };
                let end = at.plus(minutes);
                if end.0 > MINUTES_PER_DAY && !late {
                    late = true;
                    errors.push(PlanError::PastMidnight {
                        day: d,
                        item: i,
                        end,
                    });
                }
                if module.is_some() {
                    teaching += minutes;
                }
                slots.push(Slot {
                    start: at,
                    end,
                    module,
                    label,
                    minutes,
                });
                at = end;
            }
            Some(DayPlan {
                start,
                end: at,
                slots,
                teaching,
            })
        })
        .collect();
    (days, errors)
}

fn resolve(
    w: &Workshop,
    item: &DayItem,
    day: usize,
    i: usize,
    errors: &mut Vec<PlanError>,
) -> Option<(Option<usize>, String, u32)> {
    // An error at the item (or its `key`), with a `hint` of its own or
    // none (the check then shows the item's form).
    let bad_at = |message: &str, key: Option<&'static str>, hint| PlanError::BadItem {
        day,
        item: i,
        message: message.into(),
        key,
        hint,
    };
    let bad = |message: &str| bad_at(message, None, None);
    match (&item.module, &item.break_label) {
        (Some(name), None) => {
            if item.minutes.is_some() {
                errors.push(bad_at(
                    "a module's minutes come from its file; remove `minutes:` here",
                    Some("minutes"),
                    None,
                ));
            }
            match w.modules.iter().position(|m| &m.slug == name) {
                Some(m) => Some((
                    Some(m),
                    w.modules[m].front.title.clone(),
                    w.modules[m].front.minutes,
                )),
                None => {
                    errors.push(PlanError::UnknownModule {
                        day,
                        item: i,
                        name: name.clone(),
                    });
                    None
                }
            }
        }
        (None, Some(label)) if !is_break_name(label) => {
            errors.push(bad_at(
                &format!("`break: {label}` gives the break no name, and the agenda would show \"{label}\" as its name"),
                Some("break"),
                Some("write what the break is called, with its length: `- { break: Coffee break, minutes: 15 }` (the agenda works out when it starts)"),
            ));
            None
        }
        (None, Some(label)) => match item.minutes {
            Some(minutes) => Some((None, label.clone(), minutes)),
            None => {
                errors.push(bad_at(
                    "a break needs `minutes:`",
                    None,
                    Some("give the break its length in minutes, e.g. `- { break: Lunch, minutes: 60 }`"),
                ));
                None
            }
        },
        (Some(_), Some(_)) => {
            errors.push(bad_at(
                "an item is either a `module:` or a `break:`, not both",
                Some("break"),
                None,
            ));
            None
        }
        (None, None) => {
            errors.push(bad(
                "an item needs `module: file-name` or `break: Label` with `minutes:`",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Module, ModuleFront, WorkshopFile};
    use std::path::PathBuf;

    fn module(slug: &str, minutes: u32) -> Module {
        Module {
            source: PathBuf::from(format!("content/workshops/w/{slug}.md")),
            slug: slug.into(),
            front: ModuleFront {
                title: slug.to_uppercase(),
                minutes,
                objectives: vec![],
                materials: vec![],
                activities: vec![],
                facilitator: None,
                handout_notes: false,
            },
            body: String::new(),
        }
    }

    fn m(name: &str) -> DayItem {
        DayItem {
            module: Some(name.into()),
            break_label: None,
            minutes: None,
        }
    }

    fn brk(label: &str, minutes: u32) -> DayItem {
        DayItem {
            module: None,
            break_label: Some(label.into()),
            minutes: Some(minutes),
        }
    }

    fn workshop(days: Vec<(&str, Vec<DayItem>)>) -> Workshop {
        Workshop {
            source: PathBuf::from("content/workshops/w/workshop.yaml"),
            slug: "w".into(),
            data: WorkshopFile {
                title: "W".into(),
                audience: "A".into(),
                summary: None,
                outcomes: vec![],
                days: days
                    .into_iter()
                    .map(|(start, items)| Day {
                        title: None,
                        start: start.into(),
                        end: None,
                        items,
                    })
                    .collect(),
            },
            modules: vec![module("a", 90), module("b", 75), module("c", 45)],
        }
    }

    #[test]
    fn parses_and_prints_clock_times() {
        assert_eq!(Clock::parse("09:00"), Ok(Clock(540)));
        assert_eq!(Clock::parse("9:05"), Ok(Clock(545)));
        assert_eq!(Clock::parse(" 23:59 "), Ok(Clock(1439)));
        assert_eq!(Clock(545).to_string(), "09:05");
        assert_eq!(Clock(780).to_string(), "13:00");
        assert_eq!(Clock(0).to_string(), "00:00");
    }

    #[test]
    fn rejects_bad_times() {
        assert_eq!(
            Clock::parse("9:75"),
            Err("`9:75`: minutes go from 00 to 59".into())
        );
        assert_eq!(
            Clock::parse("24:00"),
            Err("`24:00`: hours go from 00 to 23".into())
        );
        for bad in [
            "9", "9:5", "09:000", "nine:00", "", ":30", "-1:00", "123:00",
        ] {
            assert!(Clock::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_time_written_another_way_is_read_for_the_hint() {
        let meant = |t: &str| Clock::meant(t).map(|c| c.to_string());
        for (written, time) in [
            ("9.00", "09:00"),
            ("9h30", "09:30"),
            ("9", "09:00"),
            ("0930", "09:30"),
            ("13.15", "13:15"),
            ("2pm", "14:00"),
            ("1:30 PM", "13:30"),
            ("12 pm", "12:00"),
            ("12:15am", "00:15"),
            ("9 a.m.", "09:00"),
            ("noon", "12:00"),
            ("Południe", "12:00"),
        ] {
            assert_eq!(meant(written).as_deref(), Some(time), "{written}");
        }
        for nothing in ["nine", "9.5", "25.00", "9:00:00", "12345"] {
            assert_eq!(meant(nothing), None, "{nothing}");
        }
    }

    #[test]
    fn lays_out_a_day_across_noon_with_breaks() {
        let w = workshop(vec![(
            "09:30",
            vec![m("a"), brk("Coffee", 15), m("b"), brk("Lunch", 60), m("c")],
        )]);
        let (days, errors) = plan(&w);
        assert!(errors.is_empty(), "{errors:?}");
        let day = days[0].as_ref().unwrap();
        let times: Vec<String> = day
            .slots
            .iter()
            .map(|s| format!("{}-{} {}", s.start, s.end, s.label))
            .collect();
        assert_eq!(
            times,
            [
                "09:30-11:00 A",
                "11:00-11:15 Coffee",
                "11:15-12:30 B",
                "12:30-13:30 Lunch",
                "13:30-14:15 C"
            ]
        );
        assert_eq!(day.end, Clock::parse("14:15").unwrap());
        assert_eq!(day.teaching, 90 + 75 + 45);
    }

    #[test]
    fn every_day_starts_at_its_own_time() {
        let w = workshop(vec![
            ("09:00", vec![m("a")]),
            ("08:45", vec![m("b"), m("c")]),
        ]);
        let (days, _) = plan(&w);
        assert_eq!(days[0].as_ref().unwrap().end.to_string(), "10:30");
        let second = days[1].as_ref().unwrap();
        assert_eq!(
            (second.start.to_string(), second.end.to_string()),
            ("08:45".into(), "10:45".into())
        );
    }

    #[test]
    fn a_change_of_minutes_moves_every_later_time() {
        let mut w = workshop(vec![("09:00", vec![m("a"), brk("Coffee", 15), m("b")])]);
        w.modules[0].front.minutes = 100;
        let (days, _) = plan(&w);
        let day = days[0].as_ref().unwrap();
        assert_eq!(day.slots[1].start.to_string(), "10:40");
        assert_eq!(day.slots[2].start.to_string(), "10:55");
        assert_eq!(day.end.to_string(), "12:10");
    }

    #[test]
    fn reports_midnight_unknown_modules_and_bad_items() {
        let w = workshop(vec![
            ("22:30", vec![m("a"), m("nope"), m("c")]),
            ("7:99", vec![m("a")]),
        ]);
        let (days, errors) = plan(&w);
        assert_eq!(
            errors,
            vec![
                PlanError::UnknownModule {
                    day: 0,
                    item: 1,
                    name: "nope".into()
                },
                PlanError::PastMidnight {
                    day: 0,
                    item: 2,
                    end: Clock(24 * 60 + 45)
                },
                PlanError::BadStart {
                    day: 1,
                    message: "`7:99`: minutes go from 00 to 59".into()
                },
            ]
        );
        assert!(days[1].is_none());
        let w = workshop(vec![(
            "09:00",
            vec![DayItem {
                module: None,
                break_label: Some("Tea".into()),
                minutes: None,
            }],
        )]);
        assert!(
            matches!(&plan(&w).1[0], PlanError::BadItem { message, .. } if message == "a break needs `minutes:`")
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(390), "6 h 30 min");
    }
}
