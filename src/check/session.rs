//! Ground-rule checks on demo session scripts. Each diagnostic names the
//! file, the line of the turn, and the turn itself ("stage 3, turn 5").

use super::practice::check_item;
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, value_place, Seg};
use crate::model::*;

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

/// True when `text` is a question: it ends with `?` (closing quotes allowed).
pub fn is_question(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('?')
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
            diags.push(error(
                format!("role id `{}` is used twice", role.id),
                at(&[Seg::Key("roles"), Seg::Index(i)]),
            ));
        }
        if role.role == RoleKind::Member && role.skill.is_none() {
            diags.push(
                error(
                    format!("member `{}` has no leadership skill", role.id),
                    at(&[Seg::Key("roles"), Seg::Index(i)]),
                )
                .hint("add `skill:`, e.g. listening, asking open questions, being concise"),
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
                    t.intervene.is_some()
                        && t.by
                            .as_deref()
                            .and_then(role)
                            .is_some_and(|r| r.role == RoleKind::Coach)
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
            // The value of the turn's field `key` (`by: M1` → `M1`).
            let value_of = |key: &str| {
                let mut field = path.to_vec();
                field.push(Seg::Key(key));
                value_place(text, at(&field))
            };
            let kind = match turn_kind(turn) {
                Ok(k) => k,
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
                diags.push(
                    error(format!("{place} has no speaker"), pos())
                        .hint(format!("add `by:` with one of: {}", ids.join(", "))),
                );
                continue;
            };
            let Some(speaker) = role(by) else {
                diags.push(
                    error(format!("{place}: unknown speaker `{by}`"), value_of("by")).hint(
                        format!(
                            "{}speakers declared in roles: {}",
                            id_hint(s, by, &ids),
                            ids.join(", ")
                        ),
                    ),
                );
                continue;
            };
            if let Some(to) = turn.to.as_deref() {
                if role(to).is_none() {
                    diags.push(
                        error(
                            format!("{place}: unknown listener `{to}` in `to:`"),
                            value_of("to"),
                        )
                        .hint(format!(
                            "{}roles: {}",
                            id_hint(s, to, &ids),
                            ids.join(", ")
                        )),
                    );
                }
            }
            let spoken = turn
                .ask
                .as_deref()
                .or(turn.intervene.as_deref())
                .unwrap_or("");
            match kind {
                TurnKind::Ask | TurnKind::Intervene if !is_question(spoken) => {
                    let what = if kind == TurnKind::Ask { "an `ask`" } else { "an `intervene`" };
                    diags.push(
                        error(format!("{place}: {what} by {} is not a question", speaker.name), pos())
                            .hint("end it with a question mark, or make it an `answer` to a question"),
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

    // The reflection.
    let last = s.stages.len().checked_sub(1);
    match last.map(|i| (i, &s.stages[i])) {
        Some((i, stage)) if stage.kind == StageKind::Reflection => {
            for r in s.roles.iter().filter(|r| r.role == RoleKind::Member) {
                let named = stage.turns.iter().any(|t| {
                    t.by.as_deref() != Some(r.id.as_str())
                        && [&t.ask, &t.answer, &t.intervene, &t.say]
                            .iter()
                            .any(|x| x.as_deref().is_some_and(|x| mentions(x, &r.name)))
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
    match named {
        Some(r) => format!(
            "`{written}` is {}'s name; turns name a role by its id: write `{}`. ",
            r.name, r.id
        ),
        None => crate::suggest::did_you_mean(written, ids.iter().copied()),
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

/// True when `text` names `name`, also in a case form of Polish, Czech or
/// Ukrainian: a name in -a or -я (Agnieszka: Agnieszki, Agnieszko; Eva:
/// Evo, Evou; Ірина: Ірино, Ірину), in -о (Петро: Петра, Петре), in -й
/// (Юрій: Юрію, Юрієм), or in -ek, -eł, -ec, -el (Marek: Marka, Markiem,
/// Markovi; Pavel: Pavle). A name in another consonant is found as it is
/// (Piotra, Тарасе).
pub fn mentions(text: &str, name: &str) -> bool {
    if text.contains(name) {
        return true;
    }
    let chars: Vec<char> = name.chars().collect();
    if let Some(form) = polish_form(&chars) {
        if text.split(|c: char| !c.is_alphabetic()).any(|w| w == form) {
            return true;
        }
    }
    let n = chars.len();
    let drop_last = || chars[..n - 1].iter().collect::<String>();
    let (stem, endings): (String, &[&str]) = match chars.as_slice() {
        // Three letters (Eva, Ota) only with endings no English word has.
        // Not -e: English names end so (Nina: Nine, Anna: Anne, Jana: Jane).
        [.., 'a'] if n >= 4 => (drop_last(), &["y", "i", "ę", "ą", "o", "u", "ě", "ou"]),
        [.., 'a'] if n == 3 => (drop_last(), &["o", "ě", "ou", "ę", "ą"]),
        [.., 'а' | 'я'] if n >= 3 => (
            drop_last(),
            &["и", "і", "ї", "е", "є", "у", "ю", "о", "ою", "ею", "єю"],
        ),
        [.., 'о'] if n >= 4 => (drop_last(), &["а", "у", "е", "ом", "ові"]),
        [.., 'й'] if n >= 4 => (drop_last(), &["я", "ю", "єм", "єві"]),
        [.., 'e', 'k' | 'ł' | 'c' | 'l'] if n >= 4 => (
            chars[..n - 2].iter().chain(&chars[n - 1..]).collect(),
            &["a", "u", "e", "em", "iem", "owi", "ovi", "i"],
        ),
        _ => return false,
    };
    text.split(|c: char| !c.is_alphabetic())
        .filter_map(|word| word.strip_prefix(stem.as_str()))
        .any(|rest| endings.contains(&rest))
}

/// The Polish case form of a name in -a that changes its last consonant
/// or adds a letter, which an ending after the stem cannot give: the dative
/// and locative (Ewa: Ewie, Monika: Monice, Olga: Oldze, Marta: Marcie,
/// Wanda: Wandzie, Barbara: Barbarze, Ola: Oli, Maja: Mai), and for a name in -ia the
/// stem alone (Ania: Ani, Kasia: Kasi).
fn polish_form(chars: &[char]) -> Option<String> {
    let n = chars.len();
    if n < 3 || chars[n - 1] != 'a' {
        return None;
    }
    let base = &chars[..n - 1];
    let text = |cs: &[char], end: &str| cs.iter().collect::<String>() + end;
    let before = &base[..base.len() - 1];
    let form = match base[base.len() - 1] {
        'i' if n >= 4 => text(base, ""),
        'k' => text(before, "ce"),
        'g' => text(before, "dze"),
        't' => text(before, "cie"),
        'd' => text(before, "dzie"),
        'ł' => text(before, "le"),
        'r' if before.last() != Some(&'z') => text(base, "ze"),
        // Maja: Mai, Kaja: Kai; Ola: Oli, Łucja: Łucji.
        'j' if before.last().is_some_and(|c| "aeiouy".contains(*c)) => text(before, "i"),
        'l' | 'j' => text(base, "i"),
        'h' if before.last() == Some(&'c') => text(&before[..before.len() - 1], "sze"),
        'b' | 'p' | 'f' | 'w' | 'm' | 'n' | 's' => text(base, "ie"),
        'z' if !matches!(before.last(), Some('c' | 's' | 'r' | 'd')) => text(base, "ie"),
        _ => return None,
    };
    Some(form)
}

/// A warning when the stages' minutes do not add up to the session's.
fn check_minutes(s: &Session, text: &str, file: &std::path::Path) -> Option<Diagnostic> {
    let given: Vec<u32> = s.stages.iter().filter_map(|st| st.minutes).collect();
    let sum: u32 = given.iter().sum();
    let all = given.len() == s.stages.len();
    if given.is_empty() || (all && sum == s.minutes) || (!all && sum <= s.minutes) {
        return None;
    }
    let (line, column) = locate(text, &[Seg::Key("minutes")]);
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
    }

    #[test]
    fn names_are_found_in_their_case_forms() {
        assert!(mentions("Kto zauważył pytanie Agnieszki?", "Agnieszka"));
        assert!(mentions("Agnieszko, jak ci poszło?", "Agnieszka"));
        assert!(mentions("Wszyscy słyszeli Magdę.", "Magda"));
        assert!(mentions("Kto widział myślenie systemowe Marka?", "Marek"));
        assert!(mentions("Rozmawiałam z Pawłem.", "Paweł"));
        assert!(mentions("Zwięzłość Piotra", "Piotr"));
        assert!(mentions("Who saw Priya listening?", "Priya"));
        // Polish dative and locative, with the consonant that changes.
        assert!(mentions("Dziękuję Ani, Ewie i Monice za pytania.", "Ania"));
        assert!(mentions("Dziękuję Ani, Ewie i Monice za pytania.", "Ewa"));
        assert!(mentions(
            "Dziękuję Ani, Ewie i Monice za pytania.",
            "Monika"
        ));
        assert!(mentions("Mówiłam o Żanecie.", "Żaneta"));
        assert!(mentions("Dziękuję Oldze i Wandzie.", "Olga"));
        assert!(mentions("Dziękuję Oldze i Wandzie.", "Wanda"));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Barbara"
        ));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Ola"
        ));
        assert!(mentions(
            "Barbarze poszło dobrze, Oli też, Kasi też.",
            "Kasia"
        ));
        assert!(mentions("Dzięki Kubie i Justynie.", "Kuba"));
        assert!(mentions("Dziękuję Mai i Łucji.", "Maja"));
        assert!(mentions("Dziękuję Mai i Łucji.", "Łucja"));
        assert!(!mentions("Ann asked.", "Ania"));
        assert!(!mentions("Monica asked.", "Monika"));
        // Czech and Ukrainian: the vocative a coach uses in a reflection.
        assert!(mentions("Evo, co se ti povedlo?", "Eva"));
        assert!(mentions("Všimli jste si otázky Jany?", "Jana"));
        assert!(mentions("Mluvili jsme s Markem a Pavlem.", "Pavel"));
        assert!(mentions("Ірино, що вдалося?", "Ірина"));
        assert!(mentions("Хто чув запитання Оксани?", "Оксана"));
        assert!(mentions("Юрію, дякую.", "Юрій"));
        assert!(mentions("Запитання Петра було відкрите.", "Петро"));
        assert!(mentions("Тарасе, а ти?", "Тарас"));
        // Other words that merely start like the name do not count.
        assert!(!mentions("Any questions?", "Ana"));
        assert!(!mentions("Evening came.", "Eva"));
        assert!(!mentions("Magdzia asked first.", "Magda"));
        assert!(!mentions("Marketing asked.", "Marek"));
        assert!(!mentions("And any other ideas?", "Ana"));
        assert!(!mentions("Tom asked.", "Tomasz"));
        // English names and words one letter from a name in -a.
        assert!(!mentions("Nine questions came first.", "Nina"));
        assert!(!mentions("Anne asked twice.", "Anna"));
        assert!(!mentions("Rose listened.", "Rosa"));
        assert!(!mentions("Jane summarised.", "Jana"));
        assert!(mentions("Děkuji Janě za otázku.", "Jana"));
    }
}
