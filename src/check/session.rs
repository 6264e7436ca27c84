//! Ground-rule checks on demo session scripts. Each diagnostic names the
//! file, the line of the turn, and the turn itself ("stage 3, turn 5").

use super::practice::check_item;
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, locate_value, value_place, Seg};
use crate::model::*;

mod person_names;
pub use person_names::mentions;

/// What a turn does, when it has exactly one of the kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TurnKind {
    Ask,
    Answer,
    Intervene,
    Say,
    Pause,
}

impl TurnKind {
    /// The key that writes it in a session file.
    pub fn key(self) -> &'static str {
        match self {
            TurnKind::Ask => "ask",
            TurnKind::Answer => "answer",
            TurnKind::Intervene => "intervene",
            TurnKind::Say => "say",
            TurnKind::Pause => "pause",
        }
    }
}

/// The kind of `turn`, or the number of kinds it has when not exactly one.
pub fn turn_kind(turn: &Turn) -> Result<TurnKind, usize> {
    let kinds = [
        (turn.ask.is_some(), TurnKind::Ask),
        (turn.answer.is_some(), TurnKind::Answer),
        (turn.intervene.is_some(), TurnKind::Intervene),
        (turn.say.is_some(), TurnKind::Say),
        (turn.pause.is_some(), TurnKind::Pause),
    ];
    let present: Vec<TurnKind> = kinds.iter().filter(|(p, _)| *p).map(|(_, k)| *k).collect();
    match present.as_slice() {
        [one] => Ok(*one),
        other => Err(other.len()),
    }
}

/// Marks that end a question: `?`, and those of scripts trainers may write
/// in: full-width `？` (Chinese, Japanese), Arabic `؟`, the Greek question
/// mark, `‽` and the doubled ones.
const QUESTION_MARKS: &[char] = &['?', '？', '؟', '\u{37e}', '‽', '⁇', '⁈', '⁉'];

/// True when `text` is a question: its last mark is a question mark, with
/// only signs after it (closing quotes and brackets, emphasis, `!`, an
/// emoji): `Why? 🤔`, `*Why?*`, `„Dlaczego?”`, `Why?!`.
pub fn is_question(text: &str) -> bool {
    text.trim_end_matches(|c: char| !c.is_alphanumeric() && !QUESTION_MARKS.contains(&c))
        .ends_with(QUESTION_MARKS)
}

/// The error message for the fields a pause turn has that only a spoken
/// turn uses: the page shows none of them at a pause (the viewer's turn).
fn pause_extras(turn: &Turn, place: &str) -> Option<String> {
    let fields = [
        ("by", turn.by.is_some()),
        ("to", turn.to.is_some()),
        ("note", turn.note.is_some()),
        ("breaks_rule", turn.breaks_rule),
    ];
    let extra: Vec<String> = fields
        .iter()
        .filter(|(_, present)| *present)
        .map(|(name, _)| format!("`{name}:`"))
        .collect();
    if extra.is_empty() {
        return None;
    }
    Some(format!(
        "{place} is a pause, which takes no {}: the page would not show it",
        extra.join(", ")
    ))
}

pub fn check_sessions(site: &Site) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    site.sessions
        .par_iter()
        .flat_map_iter(|doc| check_session(site, doc))
        .collect()
}

fn check_session(site: &Site, doc: &Doc<Session>) -> Vec<Diagnostic> {
    let file = &doc.source;
    let text = site.texts.get(file).map(String::as_str).unwrap_or("");
    let s = &doc.data;
    let mut diags = Vec::new();
    let at = |path: &[Seg]| locate(text, path);
    let error = |msg: String, (l, c): (usize, usize)| Diagnostic::error(file, msg).at(l, c);
    let warning = |msg: String, (l, c): (usize, usize)| Diagnostic::warning(file, msg).at(l, c);

    // Roles.
    let count = |kind: RoleKind| s.roles.iter().filter(|r| r.role == kind).count();
    for (kind, name) in [
        (RoleKind::Presenter, "presenter"),
        (RoleKind::Coach, "coach"),
    ] {
        let n = count(kind);
        if n != 1 {
            diags.push(
                error(
                    format!("a session needs exactly one {name}, this one has {n}"),
                    at(&[Seg::Key("roles")]),
                )
                .hint(format!("give one role `role: {name}`")),
            );
        }
    }
    // The problem presenter is one of the group; the coach stands outside it.
    let group = count(RoleKind::Member) + count(RoleKind::Presenter);
    if !(4..=8).contains(&group) {
        diags.push(
            warning(
                format!("an Action Learning group has 4 to 8 people, the presenter among them; this session has {group} (roles with `role: member` or `role: presenter`; the coach is not counted)"),
                at(&[Seg::Key("roles")]),
            )
            .hint("fewer than 4 gives too little exchange; more than 8, too many conversations"),
        );
    }
    for (i, role) in s.roles.iter().enumerate() {
        if s.roles[..i].iter().any(|r| r.id == role.id) {
            diags.push(
                error(
                    format!("role id `{}` is used twice", role.id),
                    at(&[Seg::Key("roles"), Seg::Index(i)]),
                )
                .hint(own_id_hint(s, role)),
            );
        }
        if role.role == RoleKind::Member && role.skill.is_none() {
            diags.push(
                error(
                    format!("member `{}` has no leadership skill", role.id),
                    at(&[Seg::Key("roles"), Seg::Index(i)]),
                )
                .hint("give the member a `skill:` to practise, e.g. listening, asking open questions, being concise"),
            );
        }
    }
    let role = |id: &str| s.roles.iter().find(|r| r.id == id);
    let ids: Vec<&str> = s.roles.iter().map(|r| r.id.as_str()).collect();

    diags.extend(check_minutes(s, text, file));

    // Turns. A question in the last turn of a stage invites the answer that
    // opens the next one (the coach's "what is your problem?" at the end of
    // the opening).
    let mut carried: Option<&Turn> = None;
    let mut unknown = Unknown::default();
    for (si, stage) in s.stages.iter().enumerate() {
        let mut question_seen = carried.is_some();
        // The last question so far, and its turn (none: the stage before's).
        let mut asked: Option<(Option<usize>, &Turn)> = carried.map(|t| (None, t));
        carried = stage
            .turns
            .last()
            .filter(|t| matches!(turn_kind(t), Ok(TurnKind::Ask | TurnKind::Intervene)));
        // A deliberate break the coach catches later in the stage.
        let caught = |ti: usize| {
            stage.turns[ti].breaks_rule
                && stage.turns[ti + 1..].iter().any(|t| {
                    // A speaker not among the roles (a coach's id
                    // renamed in one place) is reported as unknown: only
                    // a coach intervenes, so it is taken for the coach.
                    t.intervene.is_some()
                        && t.by
                            .as_deref()
                            .is_some_and(|by| role(by).is_none_or(|r| r.role == RoleKind::Coach))
                })
        };
        for (ti, turn) in stage.turns.iter().enumerate() {
            let path = [
                Seg::Key("stages"),
                Seg::Index(si),
                Seg::Key("turns"),
                Seg::Index(ti),
            ];
            let place = format!("stage {} ({}), turn {}", si + 1, stage.title, ti + 1);
            // Found only for an error: finding it reads the whole file.
            let pos = || at(&path);
            // Where the turn's field `key` is, and its value (`by: M1` → `M1`).
            let key_at = |key: &str| {
                let mut field = path.to_vec();
                field.push(Seg::Key(key));
                at(&field)
            };
            let value_of = |key: &str| value_place(text, key_at(key));
            let kind = match turn_kind(turn) {
                Ok(k) => k,
                Err(0) => {
                    diags.push(
                        error(format!("{place} says nothing: it has none of ask/answer/intervene/say/pause"), pos())
                            .hint("give it its line, such as `answer: …` (a value of `~` or left empty is nothing), or remove the turn"),
                    );
                    continue;
                }
                Err(n) => {
                    diags.push(
                        error(format!("{place} has {n} of ask/answer/intervene/say/pause, it needs exactly one"), pos())
                            .hint("split it into one turn per line spoken"),
                    );
                    continue;
                }
            };
            if kind == TurnKind::Pause {
                if let Some(message) = pause_extras(turn, &place) {
                    diags.push(error(message, pos()).hint("a pause is the viewer's turn, not anyone's line: remove them here, and put what someone says, or the coach's note, in a turn of its own before the pause"));
                }
                let mut pause_path = path.to_vec();
                pause_path.push(Seg::Key("pause"));
                diags.extend(check_item(
                    site,
                    file,
                    &pause_path,
                    turn.pause.as_ref().expect("a pause turn"),
                ));
                continue;
            }
            // A question by a speaker not found is still a question: the
            // answer after it is not reported as unasked as well.
            if matches!(kind, TurnKind::Ask | TurnKind::Intervene) {
                question_seen = true;
                asked = Some((Some(ti), turn));
            }
            let Some(by) = turn.by.as_deref() else {
                // `by:` written with nothing after it is there, but empty.
                let written = key_at("by") != pos();
                let (message, to_do) = match written {
                    true => (
                        format!("{place}: `by:` is empty"),
                        "write who speaks after `by:`",
                    ),
                    false => (format!("{place} has no speaker"), "add `by:`"),
                };
                diags.push(
                    error(message, if written { value_of("by") } else { pos() })
                        .hint(format!("{to_do}, one of: {}", ids.join(", "))),
                );
                continue;
            };
            let Some(speaker) = role(by) else {
                unknown.note(&mut diags, by, value_of("by"), |at| {
                    error(format!("{place}: unknown speaker `{by}`"), at).hint(format!(
                        "{}speakers declared in roles: {}",
                        id_hint(s, by, &ids),
                        ids.join(", ")
                    ))
                });
                continue;
            };
            if let Some(to) = turn.to.as_deref() {
                if to == by {
                    diags.push(
                        error(format!("{place}: `to: {to}` names the speaker: a turn is spoken to someone else"), value_of("to"))
                            .hint("name who it is spoken to, or remove `to:`"),
                    );
                }
                if role(to).is_none() {
                    unknown.note(&mut diags, to, value_of("to"), |at| {
                        error(format!("{place}: unknown listener `{to}` in `to:`"), at)
                            .hint(format!("{}roles: {}", id_hint(s, to, &ids), ids.join(", ")))
                    });
                }
            }
            let spoken = turn
                .ask
                .as_deref()
                .or(turn.intervene.as_deref())
                .unwrap_or("");
            match kind {
                TurnKind::Ask | TurnKind::Intervene if !is_question(spoken) => {
                    let (key, hint) = match kind {
                        TurnKind::Ask => ("ask", "end it with a question mark, or make it an `answer` to a question"),
                        _ => ("intervene", "end it with a question mark; the coach's process talk (opening words, a time cue) is a `say`"),
                    };
                    diags.push(
                        error(format!("{place}: an `{key}` by {} is not a question", speaker.name), value_of(key))
                            .hint(hint),
                    );
                }
                TurnKind::Intervene if speaker.role != RoleKind::Coach => diags.push(
                    error(format!("{place}: only the coach intervenes, but {} is the {}", speaker.name, speaker.role.label()), pos())
                        .hint("make it an `ask`, or give the turn to the coach"),
                ),
                TurnKind::Say if speaker.role != RoleKind::Coach => diags.push(
                    error(format!("{place}: only the coach may `say` (process talk); {} is not the coach", speaker.name), pos())
                        .hint("a statement by anyone else must be an `answer` to a question (ground rule 1)"),
                ),
                TurnKind::Answer if question_seen => {
                    let listener = asked.and_then(|(at, q)| put_to_another(q, turn, role).map(|l| (at, l)));
                    if let Some((at, listener)) = listener.filter(|_| !caught(ti)) {
                        let which = at.map_or("the last turn of the stage before".into(), |i| format!("turn {}", i + 1));
                        diags.push(error(format!("{place}: {} answers, but the question before it ({which}) was put to {listener}", speaker.name), pos()).hint(answered_for_hint(turn.breaks_rule, &listener)));
                    }
                }
                TurnKind::Answer if !caught(ti) => {
                    let previous = si.checked_sub(1).and_then(|p| s.stages[p].turns.last());
                    let hint = unasked_hint(turn.breaks_rule, &stage.turns[..ti], previous);
                    diags.push(error(format!("{place}: {} answers, but no question has been asked in this stage (or at the end of the one before)", speaker.name), pos()).hint(hint));
                }
                _ => {}
            }
        }
    }
    unknown.tell(&mut diags);

    // The reflection.
    let last = s.stages.len().checked_sub(1);
    match last.map(|i| (i, &s.stages[i])) {
        Some((i, stage)) if stage.kind == StageKind::Reflection => {
            let names: Vec<&str> = s.roles.iter().map(|r| r.name.as_str()).collect();
            for r in s.roles.iter().filter(|r| r.role == RoleKind::Member) {
                let named = stage.turns.iter().any(|t| {
                    t.by.as_deref() != Some(r.id.as_str())
                        && [&t.ask, &t.answer, &t.intervene, &t.say]
                            .iter()
                            .any(|x| x.as_deref().is_some_and(|x| mentions(x, &r.name, &names)))
                });
                if !named {
                    diags.push(
                        warning(format!("{} practised {} but gets no feedback in the reflection", r.name, r.skill.as_deref().unwrap_or("a skill")), at(&[Seg::Key("stages"), Seg::Index(i)]))
                            .hint(format!("add a reflection turn by someone else that names {} and the moment they showed the skill", r.name)),
                    );
                }
            }
        }
        _ => diags.push(
            warning(
                "the session does not end with a learning reflection".into(),
                at(&[Seg::Key("stages")]),
            )
            .hint("add a last stage with `kind: reflection`: the coach protects time for learning"),
        ),
    }
    diags
}

/// What to offer for a speaker or listener `written` that is no role's id:
/// the id of the role with that name (`Max` → `m4`), else a near id.
fn id_hint(s: &Session, written: &str, ids: &[&str]) -> String {
    let folded = crate::search::tokenize::fold(written.trim());
    let named = s
        .roles
        .iter()
        .find(|r| crate::search::tokenize::fold(&r.name) == folded);
    let shared = |r: &Role| s.roles.iter().filter(|o| o.id == r.id).count() > 1;
    match named {
        // `kim` meant for Kim, whose role has a copied id: the id is wrong.
        Some(r) if shared(r) => format!(
            "{}'s role has the id `{}`, which another role has too: {}. ",
            r.name,
            r.id,
            own_id_hint(s, r)
        ),
        Some(r) => format!(
            "`{written}` is {}'s name; turns name a role by its id: write `{}`. ",
            r.name, r.id
        ),
        None => {
            // An id no role has because a role copied another's over it.
            let copied = s.roles.iter().enumerate().find(|&(i, r)| {
                s.roles[..i].iter().any(|o| o.id == r.id)
                    && own_id(s, r).is_some_and(|id| id == written)
            });
            match copied {
                Some((_, r)) => format!(
                    "no role has the id `{written}`, and two roles share `{}`: {}. ",
                    r.id,
                    own_id_hint(s, r)
                ),
                None => crate::suggest::did_you_mean(written, ids.iter().copied()),
            }
        }
    }
}

/// What to do about a role whose id another role has: give it its own,
/// the one id the turns name that no role has (the id it was copied over),
/// else its name's first word in small letters where no role has that.
fn own_id_hint(s: &Session, role: &Role) -> String {
    match own_id(s, role) {
        Some(id) => format!("give {}'s role its own id, such as `id: {id}`", role.name),
        None => format!("give {}'s role an id of its own", role.name),
    }
}

/// The id [`own_id_hint`] suggests for `role`.
fn own_id(s: &Session, role: &Role) -> Option<String> {
    let declared = |id: &str| s.roles.iter().any(|r| r.id == id);
    let mut unknown: Vec<&str> = s
        .stages
        .iter()
        .flat_map(|st| &st.turns)
        .flat_map(|t| [t.by.as_deref(), t.to.as_deref()])
        .flatten()
        .filter(|id| !declared(id))
        // Not a slip for another declared id (`coahc` for `coach`): the id
        // copied over is at least as near the copy's as any other's.
        .filter(|id| {
            let from = |other: &str| strsim::damerau_levenshtein(id, other);
            let others = s.roles.iter().filter(|r| r.id != role.id);
            others
                .map(|r| from(&r.id))
                .min()
                .is_none_or(|d| from(&role.id) <= d)
        })
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    let first = role.name.split_whitespace().next().unwrap_or_default();
    let by_name = crate::search::tokenize::fold(first);
    match unknown.as_slice() {
        [only] => Some((*only).to_string()),
        _ => Some(by_name).filter(|id| !id.is_empty() && !declared(id)),
    }
}

/// The name of the one `question` was put to (`to:`), when someone else
/// gives `answer`: a statement no question asked of them.
fn put_to_another<'r>(
    question: &Turn,
    answer: &Turn,
    role: impl Fn(&str) -> Option<&'r Role>,
) -> Option<String> {
    let to = question.to.as_deref()?;
    (answer.by.as_deref() != Some(to)).then_some(())?;
    role(to).map(|r| r.name.clone())
}

/// What to do about an answer to a question put to someone else.
fn answered_for_hint(breaks_rule: bool, listener: &str) -> String {
    if breaks_rule {
        return "a deliberate break needs the coach to intervene later in the same stage".into();
    }
    format!("ground rule 1: statements only in response to questions. Give the answer to {listener}, make it an `ask`, or take `to:` off the question if anyone may answer it; a teaching moment is marked `breaks_rule: true`, with the coach intervening later in this stage")
}

/// What to do about an answer no question came before. A `say` that ends in
/// a question mark, in this stage or closing the one before, is named: only
/// `ask` and `intervene` are questions.
fn unasked_hint(breaks_rule: bool, before: &[Turn], previous: Option<&Turn>) -> String {
    if breaks_rule {
        return "a deliberate break needs the coach to intervene later in the same stage".into();
    }
    let said = |t: &Turn| t.say.as_deref().is_some_and(is_question);
    let which = match before.iter().rposition(said) {
        Some(i) => Some(format!("Turn {} of this stage", i + 1)),
        None if previous.is_some_and(said) => Some("The last turn of the stage before".into()),
        None => None,
    };
    match which {
        Some(which) => format!(
            "ground rule 1: statements only in response to questions. {which} asks with `say:`, which is process talk, not a question: write it as `intervene:` (the coach's question) or `ask:`"
        ),
        None => "ground rule 1: statements only in response to questions. Add an `ask` (or the coach's `intervene`) before it, in this stage or as the last turn of the one before, or mark a teaching moment with `breaks_rule: true`".into(),
    }
}

/// A warning when the stages' minutes do not add up to the session's.
fn check_minutes(s: &Session, text: &str, file: &std::path::Path) -> Option<Diagnostic> {
    let given: Vec<u32> = s.stages.iter().filter_map(|st| st.minutes).collect();
    let sum: u32 = given.iter().sum();
    let all = given.len() == s.stages.len();
    if given.is_empty() || (all && sum == s.minutes) || (!all && sum <= s.minutes) {
        return None;
    }
    let (line, column) = locate_value(text, &[Seg::Key("minutes")]);
    let what = if all {
        "add up to"
    } else {
        "already add up to"
    };
    Some(
        Diagnostic::warning(
            file,
            format!(
                "the stages' minutes {what} {sum}, but the session's `minutes` is {}",
                s.minutes
            ),
        )
        .at(line, column)
        .hint("change the session's `minutes`, or the stages' minutes, so they agree"),
    )
}

/// The ids a session's turns name that its roles lack (`by:` or `to:`):
/// each is told once, at its first turn, with the lines of the others (a
/// role id written twice gave one error per turn of the other person).
#[derive(Default)]
struct Unknown<'a> {
    /// Each id, the number of its error, and the lines of its other turns.
    ids: Vec<(&'a str, usize, Vec<usize>)>,
}

impl<'a> Unknown<'a> {
    /// Records `id` named at `at` (line, column): the first time, with
    /// the error `first` makes.
    fn note(
        &mut self,
        diags: &mut Vec<Diagnostic>,
        id: &'a str,
        at: (usize, usize),
        first: impl FnOnce((usize, usize)) -> Diagnostic,
    ) {
        match self.ids.iter_mut().find(|u| u.0 == id) {
            Some(u) => u.2.push(at.0),
            None => {
                self.ids.push((id, diags.len(), Vec::new()));
                diags.push(first(at));
            }
        }
    }

    /// Adds the other turns' lines to each id's error.
    fn tell(self, diags: &mut [Diagnostic]) {
        for (id, n, lines) in self.ids.into_iter().filter(|u| !u.2.is_empty()) {
            let more = match lines.len() {
                1 => format!("`{id}` is in one more turn, at line {}", lines[0]),
                _ => format!(
                    "`{id}` is in {} more turns, at lines {}",
                    lines.len(),
                    crate::diagnostic::listed(&lines)
                ),
            };
            let d = &mut diags[n];
            d.hint = Some(match d.hint.take() {
                Some(hint) => format!("{hint}; {more}"),
                None => more,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_end_with_a_question_mark() {
        assert!(is_question("What happened?"));
        assert!(is_question("He asked \"why?\""));
        assert!(is_question("What happened?  "));
        assert!(!is_question("You should ask HR."));
        assert!(!is_question("What? No, I mean the budget."));
        // Signs after the mark, as people type them.
        for q in [
            "Why? 🤔",
            "*Why?*",
            "„Dlaczego?”",
            "Why?!",
            "Why?)",
            "«Pourquoi ?»",
            "Why? 👍🏽 ",
        ] {
            assert!(is_question(q), "{q}");
        }
        // Other scripts' marks.
        for q in ["为什么？", "لماذا؟", "Γιατί\u{37e}", "Really‽"] {
            assert!(is_question(q), "{q}");
        }
        for s in [
            "Tell me more! 🤔",
            "I see :)",
            "Go on…",
            "Is it? Then say so 😀",
        ] {
            assert!(!is_question(s), "{s}");
        }
    }
}
