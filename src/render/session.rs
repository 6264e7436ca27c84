//! Demo session pages: the whole transcript (complete without JavaScript)
//! and the data the step-through player needs. Pauses reuse the practice
//! item rendering.

use super::markdown::{inline_html, to_html, Ids};
use super::practice::{item, page_data};
use super::{relative_url, safe};
use crate::check::{turn_kind, TurnKind};
use crate::model::*;
use minijinja::{context, Value};
use serde_json::json;

pub const INDEX_PATH: &str = "sessions/index.html";

pub fn session_path(slug: &str) -> String {
    format!("sessions/{slug}.html")
}

/// The key of the verb that follows a speaker's name: "asks", "answers" …
fn verb(kind: TurnKind) -> &'static str {
    match kind {
        TurnKind::Ask => "session.verb.ask",
        TurnKind::Answer => "session.verb.answer",
        TurnKind::Intervene => "session.verb.intervene",
        TurnKind::Say => "session.verb.say",
        TurnKind::Pause => "session.verb.pause",
    }
}

/// The word for `r`'s role: its own `label:`, else the theme's.
fn role_label(site: &Site, r: &Role) -> String {
    match &r.label {
        Some(label) => label.clone(),
        None => site
            .strings
            .t(&format!("session.role.{}", r.role.label()), &[]),
    }
}

fn stage_label(kind: StageKind) -> &'static str {
    match kind {
        StageKind::Opening => "Opening",
        StageKind::Presentation => "Problem presentation",
        StageKind::Questions => "Questions",
        StageKind::Checkin => "Check-in",
        StageKind::Agreement => "Agreement on the problem",
        StageKind::Reframing => "Reframing",
        StageKind::Goal => "Goal",
        StageKind::Strategies => "Strategies",
        StageKind::Actions => "Actions",
        StageKind::Reflection => "Learning reflection",
    }
}

/// A short line on who is in the room: "Coach: Sam · Presenter: Ana · 5
/// members", each role in the word the page shows for it (a person's
/// `label:`, `Prezenterka: Ania`).
fn cast(site: &Site, s: &Session) -> String {
    let of = |k: RoleKind| s.roles.iter().filter(move |r| r.role == k);
    let names = |k: RoleKind| {
        of(k)
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let word = |k: RoleKind| of(k).next().map(|r| upper_first(&role_label(site, r)));
    let members = of(RoleKind::Member).count();
    let t = &site.strings;
    let members = t.plural("count.members", members as u64, &[]);
    let (coach_word, presenter_word) = (word(RoleKind::Coach), word(RoleKind::Presenter));
    t.t(
        "session.cast",
        &[
            ("coach", &names(RoleKind::Coach)),
            ("presenter", &names(RoleKind::Presenter)),
            ("coach_role", coach_word.as_deref().unwrap_or_default()),
            (
                "presenter_role",
                presenter_word.as_deref().unwrap_or_default(),
            ),
            ("members", &members),
        ],
    )
}

/// `word` with its first letter in capitals: "prezenterka" Prezenterka.
fn upper_first(word: &str) -> String {
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// Up to two letters for a speaker's badge: "Ruth" R, "Ana Lee" AL.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

pub fn session_context(site: &Site, doc: &Doc<Session>, path: &str, ids: &mut Ids) -> Value {
    let s = &doc.data;
    let fresh = ids.fresh();
    // The coach 0, the presenter 9, members 1 to 8: ten colours apart (style.css).
    let colour = |id: &str| match s.roles.iter().find(|r| r.id == id).map(|r| r.role) {
        Some(RoleKind::Presenter) => 9,
        Some(RoleKind::Member) => s
            .roles
            .iter()
            .filter(|r| r.role == RoleKind::Member)
            .position(|r| r.id == id)
            .map_or(0, |i| i % 8 + 1),
        _ => 0,
    };
    let role = |id: &str| s.roles.iter().find(|r| r.id == id);
    let mut number = 0;
    let mut pause_number = 0;
    let mut pauses = Vec::new();
    let mut stage_data = Vec::new();
    let stages: Vec<Value> = s
        .stages
        .iter()
        .enumerate()
        .map(|(si, stage)| {
            let anchor = ids.unique(&format!("stage-{}", si + 1));
            let first = number + 1;
            stage_data.push(json!({ "title": stage.title, "first": number + 1, "anchor": anchor }));
            let turns: Vec<Value> = stage
                .turns
                .iter()
                .map(|turn| {
                    number += 1;
                    let id = ids.unique(&format!("turn-{number}"));
                    let kind = turn_kind(turn).unwrap_or(TurnKind::Say);
                    let speaker = turn.by.as_deref().and_then(role);
                    let pause = turn.pause.as_ref().map(|it| {
                        pause_number += 1;
                        let dom = ids.unique(&format!("pause-{pause_number}"));
                        let rendered = item(it, &dom, pause_number, path, site, ids);
                        let mut data = rendered.data;
                        data["id"] = json!(dom);
                        data["turn"] = json!(number);
                        pauses.push(data);
                        rendered.view
                    });
                    let text = turn
                        .ask
                        .as_ref()
                        .or(turn.answer.as_ref())
                        .or(turn.intervene.as_ref())
                        .or(turn.say.as_ref());
                    context! {
                        number => number,
                        id => id,
                        kind => format!("{kind:?}").to_lowercase(),
                        verb => site.strings.t(verb(kind), &[]),
                        name => speaker.map(|r| r.name.clone()),
                        initials => speaker.map(|r| initials(&r.name)),
                        role => speaker.map(|r| role_label(site, r)),
                        role_class => speaker.map(|r| r.role.label()),
                        colour => turn.by.as_deref().map(colour).unwrap_or(0),
                        to => turn.to.as_deref().and_then(role).map(|r| r.name.clone()),
                        text => text,
                        note => turn.note.as_deref().map(|n| safe(inline_html(n, path, &fresh))),
                        breaks_rule => turn.breaks_rule,
                        pause => pause,
                    }
                })
                .collect();
            context! {
                number => si + 1,
                id => anchor,
                title => &stage.title,
                kind => stage_label(stage.kind),
                minutes => stage.minutes,
                first => first,
                turns => turns,
            }
        })
        .collect();
    let total = number;
    let mut data = json!({ "turns": total, "stages": stage_data });
    // The pauses' practice data, in the format practice pages use.
    let key = super::practice::storage_key(site, "alsite-session", &doc.slug);
    let practice = page_data(site, &key, pauses);
    data["key"] = json!(key);
    context! {
        summary => s.summary.as_deref().map(|x| safe(to_html(x, path, ids))),
        minutes => s.minutes,
        problem => &s.problem,
        roles => s.roles.iter().map(|r| context! {
            name => &r.name, role => role_label(site, r), role_class => r.role.label(),
            skill => &r.skill, colour => colour(&r.id),
        }).collect::<Vec<_>>(),
        cast => cast(site, s),
        // What the coach is called here ("coachka"), for "What the coach is thinking".
        coach_role => s.roles.iter().find(|r| r.role == RoleKind::Coach).map_or_else(
            || site.strings.t("session.role.coach", &[]),
            |r| role_label(site, r),
        ),
        stages => stages,
        turns => total,
        session_data => safe(super::practice::script_json(&data)),
        practice_data => practice,
        index_href => relative_url(path, INDEX_PATH),
    }
}

pub fn index_context(site: &Site, path: &str) -> Value {
    context! {
        sessions => super::in_order(site, &site.sessions, |d| &d.slug).into_iter().map(|doc| {
            // Every turn, as the player counts them, and of them the pauses.
            let all = || doc.data.stages.iter().flat_map(|s| &s.turns);
            let turns = all().count();
            let pauses = all().filter(|t| t.pause.is_some()).count();
            context! {
                title => &doc.data.title,
                href => relative_url(path, &session_path(&doc.slug)),
                minutes => doc.data.minutes,
                problem => &doc.data.problem,
                cast => cast(site, &doc.data),
                stages => doc.data.stages.len(),
                turns => turns,
                pauses => pauses,
            }
        }).collect::<Vec<_>>(),
    }
}
