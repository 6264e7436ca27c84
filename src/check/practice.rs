//! Checks on practice sets that the types alone cannot express: a set has
//! items, a choose item has a correct option, a classify item names a
//! category that exists, and the checker's word lists exist when needed,
//! hold no empty phrase, and cover the site's language.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, value_place, Seg};
use crate::model::*;

/// Checks one item found at `path` (a YAML path into `file`). Used for
/// practice sets and for session pauses alike.
pub fn check_item(
    site: &Site,
    file: &std::path::Path,
    path: &[Seg],
    item: &Item,
) -> Vec<Diagnostic> {
    let text = site.texts.get(file).map(String::as_str).unwrap_or("");
    let at = |extra: &[Seg]| {
        let full: Vec<Seg> = path.iter().chain(extra).copied().collect();
        locate(text, &full)
    };
    let err = |msg: String, (line, col): (usize, usize)| Diagnostic::error(file, msg).at(line, col);
    let warn =
        |msg: String, (line, col): (usize, usize)| Diagnostic::warning(file, msg).at(line, col);
    let mut diags = Vec::new();
    match item {
        Item::Choose(c) => {
            if c.options.len() < 2 {
                diags.push(
                    err(
                        "a choose item needs at least two options".into(),
                        at(&[Seg::Key("options")]),
                    )
                    .hint("add options, each with `text:` and `feedback:`"),
                );
            }
            let texts: Vec<&str> = c.options.iter().map(|o| o.text.as_str()).collect();
            for (i, first) in repeated(&texts) {
                diags.push(
                    err(
                        format!("option {} reads as option {}: `{}`", i + 1, first + 1, texts[i]),
                        at(&[Seg::Key("options"), Seg::Index(i), Seg::Key("text")]),
                    )
                    .hint("each option must read differently, or the learner cannot tell them apart: reword one or remove it"),
                );
            }
            if !c.options.iter().any(|o| o.correct) {
                diags.push(
                    err(
                        "a choose item has no correct option".into(),
                        at(&[Seg::Key("options")]),
                    )
                    .hint("mark the best option with `correct: true`"),
                );
            }
        }
        Item::Classify(c) => match &site.question_types {
            None => diags.push(
                err(
                    "a classify item needs content/practice/question-types.yaml".into(),
                    at(&[]),
                )
                .hint("create it with the categories, each with `id`, `name` and `description`"),
            ),
            Some(types) => {
                let mut ids: Vec<&str> = Vec::new();
                for t in &types.data.types {
                    if !ids.contains(&t.id.as_str()) {
                        ids.push(&t.id);
                    }
                }
                for (i, also) in c.also.iter().enumerate() {
                    let earlier = c.also[..i].contains(also);
                    if *also == c.answer || earlier {
                        let what = if earlier {
                            "an earlier entry of `also:`"
                        } else {
                            "the item's `answer`"
                        };
                        diags.push(
                            warn(format!("`also:` names `{also}`, already {what}"), at(&[Seg::Key("also"), Seg::Index(i)]))
                                .hint("`also:` lists the other categories that count as right: leave out this one"),
                        );
                    }
                }
                for (key, value) in
                    std::iter::once(("answer", &c.answer)).chain(c.also.iter().map(|a| ("also", a)))
                {
                    if !ids.contains(&value.as_str()) {
                        diags.push(
                            err(
                                format!("unknown question category `{value}`"),
                                value_place(text, at(&[Seg::Key(key)])),
                            )
                            .hint(category_hint(value, types, &ids)),
                        );
                    }
                }
            }
        },
        Item::Rewrite(r) => {
            if r.models.is_empty() {
                diags.push(
                    err(
                        "a rewrite item needs at least one model answer".into(),
                        at(&[Seg::Key("models")]),
                    )
                    .hint("list one or more open questions under `models:`"),
                );
            }
            // Written `models: [A, b]`, where a comma may cut an answer.
            let (line, column) = value_place(text, at(&[Seg::Key("models")]));
            let row = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
            let in_brackets = row.chars().nth(column.saturating_sub(1)) == Some('[');
            for (i, model) in r.models.iter().enumerate() {
                if !crate::check::session::is_question(model) {
                    let next = r.models.get(i + 1).filter(|_| in_brackets);
                    diags.push(
                        err(
                            format!("model answer {} is not a question: `{model}`", i + 1),
                            at(&[Seg::Key("models"), Seg::Index(i)]),
                        )
                        .hint(model_hint(model, next)),
                    );
                }
            }
            if site.question_rules.is_none() {
                diags.push(
                    err(
                        "a rewrite item needs content/practice/question-rules.yaml".into(),
                        at(&[]),
                    )
                    .hint("the typed-question checker reads its word lists from it: write one with a section per language under `languages:`, each with at least `open_openers` and `closed_openers` (see \"The question checker\" in the README), or copy the one `alsite new DIR --language pl,en` writes"),
                );
            }
        }
        Item::Order(o) => {
            if o.steps.len() < 2 {
                diags.push(
                    err(
                        "an order item needs at least two steps".into(),
                        at(&[Seg::Key("steps")]),
                    )
                    .hint("list the steps in their right order"),
                );
            }
            let steps: Vec<&str> = o.steps.iter().map(String::as_str).collect();
            let first_numbered = steps.iter().position(|s| numbered(s));
            if let Some(n) =
                first_numbered.filter(|_| steps.iter().filter(|s| numbered(s)).count() >= 2)
            {
                diags.push(
                    warn(format!("the steps are numbered (`{}`): the learner sees them shuffled, and the numbers give the order away", steps[n]), at(&[Seg::Key("steps"), Seg::Index(n)]))
                        .hint("remove the numbers: list the steps in their right order, and alsite shuffles them"),
                );
            }
            for (i, first) in repeated(&steps) {
                diags.push(
                    err(
                        format!("step {} is the same as step {}: `{}`", i + 1, first + 1, steps[i]),
                        at(&[Seg::Key("steps"), Seg::Index(i)]),
                    )
                    .hint("each step must differ, or the learner cannot tell which place is right: reword one or remove it"),
                );
            }
        }
    }
    diags
}

/// Whether an order item's step starts with its number (`1. Opening`,
/// `2) Questions`, `3 - Reflection`).
fn numbered(step: &str) -> bool {
    let rest = step
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < step.trim_start().len() && rest.starts_with(['.', ')', ' ', ':'])
}

/// Each text of `texts` that reads as an earlier one, with that one's place:
/// the same words in any case and spacing (`Yes` and ` yes`), as a learner
/// sees them.
fn repeated(texts: &[&str]) -> Vec<(usize, usize)> {
    let key = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let keys: Vec<String> = texts.iter().map(|t| key(t)).collect();
    let earlier = |i: usize| keys[..i].iter().position(|k| *k == keys[i]);
    (0..keys.len())
        .filter_map(|i| earlier(i).map(|first| (i, first)))
        .collect()
}

pub fn check_practice(site: &Site) -> Vec<Diagnostic> {
    let mut diags = check_question_rules(site);
    for doc in &site.practice {
        let text = site
            .texts
            .get(&doc.source)
            .map(String::as_str)
            .unwrap_or("");
        if doc.data.items.is_empty() {
            let (line, col) = locate(text, &[Seg::Key("items")]);
            diags.push(Diagnostic::error(&doc.source, "practice set has no items").at(line, col).hint("add items, each starting with `type:` (choose, classify, rewrite or order)"));
        }
        for (i, item) in doc.data.items.iter().enumerate() {
            diags.extend(check_item(
                site,
                &doc.source,
                &[Seg::Key("items"), Seg::Index(i)],
                item,
            ));
        }
    }
    diags
}

/// The checker's word lists: every phrase has letters (a `*` stands for the
/// rest of a word, so it needs letters beside it), and the site's language
/// has its own lists (else the checker falls back to English).
fn check_question_rules(site: &Site) -> Vec<Diagnostic> {
    let Some(doc) = &site.question_rules else {
        return Vec::new();
    };
    let text = site
        .texts
        .get(&doc.source)
        .map(String::as_str)
        .unwrap_or("");
    let mut diags = Vec::new();
    for (lang, rules) in &doc.data.languages {
        for (list, phrases) in rules.lists() {
            for (i, phrase) in phrases.iter().enumerate() {
                let (line, col) = locate(
                    text,
                    &[
                        Seg::Key("languages"),
                        Seg::Key(lang),
                        Seg::Key(list),
                        Seg::Index(i),
                    ],
                );
                let lone_star = phrase
                    .split_whitespace()
                    .any(|w| w.trim_matches(',') == "*");
                if phrase.trim().is_empty() || lone_star {
                    let message = if lone_star {
                        format!("`{phrase}` in the checker's `{list}` ({lang}) has a `*` with no letters beside it")
                    } else {
                        format!("an empty phrase in the checker's `{list}` ({lang})")
                    };
                    diags.push(
                        Diagnostic::error(&doc.source, message)
                            .at(line, col)
                            .hint("a `*` stands for the rest of a word, as in `rozważał*`; remove the entry or write the word"),
                    );
                }
            }
        }
    }
    // The checker takes a regional language's lists from its language (`pt` for `pt-BR`).
    let lang = crate::load::site_languages::primary(&site.config.language);
    if !doc.data.languages.contains_key(lang) {
        let (line, col) = locate(text, &[Seg::Key("languages")]);
        let known: Vec<&str> = doc.data.languages.keys().map(String::as_str).collect();
        // `EN:`, `en_GB:`, `ua:` (Ukraine's code), `ukr:`: the site's
        // language, written another way.
        let meant = known.iter().find(|k| {
            let code = k.to_ascii_lowercase().replace('_', "-");
            let primary = crate::load::site_languages::primary(&code);
            primary == lang || crate::load::language_codes::meant_code(primary) == Some(lang)
        });
        if let Some(meant) = meant {
            let (line, col) = locate(text, &[Seg::Key("languages"), Seg::Key(meant)]);
            diags.push(
                Diagnostic::warning(
                    &doc.source,
                    format!("the checker's section `{meant}:` is not read as the site's language `{lang}`"),
                )
                .at(line, col)
                .hint(format!("write `{lang}:`, the code as site.yaml writes it; until then the pages of `{lang}` use the `{}` lists", fallback_section(&known))),
            );
            return diags;
        }
        diags.push(
            Diagnostic::warning(
                &doc.source,
                format!("the checker has no word lists for the site's language `{lang}`"),
            )
            .at(line, col)
            .hint(format!(
                "add the section `{lang}:` under `languages:` (there are: {}); until then its pages use the `{}` lists",
                known.join(", "),
                fallback_section(&known)
            )),
        );
    }
    diags
}

/// The section the checker uses for a page whose language has none
/// (`question-check.js`: English, else the first section in the file's
/// sorted order, as the page embeds them).
fn fallback_section<'a>(known: &[&'a str]) -> &'a str {
    if known.contains(&"en") {
        "en"
    } else {
        known.first().copied().unwrap_or("en")
    }
}

/// The hint for an unknown category `value`: when it is a category's name
/// (`Closed question`), that category's id, else the ids there are.
fn category_hint(value: &str, types: &Doc<QuestionTypes>, ids: &[&str]) -> String {
    use crate::search::tokenize::fold;
    let by_name =
        types.data.types.iter().find(|t| {
            fold(t.name.trim()) == fold(value.trim()) && fold(&t.id) != fold(value.trim())
        });
    // An id a letter or two from the value: the slip may be in either
    // file, and every item that names the category is told the same.
    let near = crate::suggest::closest(value, ids.iter().copied());
    if let Some(id) = near.filter(|id| fold(id) != fold(value)) {
        return format!(
            "did you mean `{id}`? that is how {} spells the id; if `{value}` is right, correct it there",
            types.source.display()
        );
    }
    if let Some(t) = by_name {
        // Its id is another category's too: the slip is most likely there
        // (`id: closed` changed to `id: open`), not in the items.
        if types.data.types.iter().filter(|o| o.id == t.id).count() > 1 {
            return format!(
                "the category named `{}` has the id `{}`, which another category of {} has too: if that id is the slip, give it back its own (`{value}`), and leave the items as they are",
                t.name.trim(),
                t.id,
                types.source.display()
            );
        }
        return format!(
            "`{value}` is the name of a category: an item names it by its id, `{}`",
            t.id
        );
    }
    format!(
        "{}categories in {}: {}",
        crate::suggest::did_you_mean(value, ids.iter().copied()),
        types.source.display(),
        ids.join(", ")
    )
}

/// The hint for model answer `model`, not a question, followed by `next`:
/// when the two make one question (`[Co, jeśli nic nie zmienisz?]`), a
/// comma in a list in brackets cut it in two.
fn model_hint(model: &str, next: Option<&String>) -> String {
    // Cut off, the next part goes on in small letters (`jeśli nic…?`); a
    // model answer of its own starts with a capital.
    let goes_on = |n: &&String| n.chars().next().is_some_and(char::is_lowercase);
    let joined = next.filter(goes_on).map(|n| format!("{model}, {n}"));
    match joined.filter(|j| crate::check::session::is_question(j)) {
        Some(joined) => format!(
            "a comma inside `[…]` starts a new entry, so `{joined}` was read as two: put it in quotes, `\"{joined}\"`, or write each model answer on a line of its own under `models:`, starting with `- `"
        ),
        None => "a model answer shows the learner a question that could replace the statement: write it as a question, ending with a question mark".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::model_hint;

    #[test]
    fn a_model_answer_cut_by_a_comma_is_told_so_and_two_answers_are_not() {
        let next = "jeśli nic się nie zmieni?".to_string();
        assert!(model_hint("Co zrobisz", Some(&next)).starts_with("a comma inside `[…]`"));
        // Two answers, the first without its question mark: not one cut in two.
        let other = "What else happened?".to_string();
        let hint = model_hint("Tell me more about that", Some(&other));
        assert!(
            hint.starts_with("a model answer shows the learner"),
            "{hint}"
        );
        assert!(model_hint("Tell me more", None).starts_with("a model answer shows"));
    }
}
