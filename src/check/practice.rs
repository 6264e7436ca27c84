//! Checks on practice sets that the types alone cannot express: a set has
//! items, a choose item has a correct option, a classify item names a
//! category that exists, and the checker's word lists exist when needed.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, Seg};
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
                let ids: Vec<&str> = types.data.types.iter().map(|t| t.id.as_str()).collect();
                for (key, value) in
                    std::iter::once(("answer", &c.answer)).chain(c.also.iter().map(|a| ("also", a)))
                {
                    if !ids.contains(&value.as_str()) {
                        diags.push(
                            err(
                                format!("unknown question category `{value}`"),
                                at(&[Seg::Key(key)]),
                            )
                            .hint(format!(
                                "categories in {}: {}",
                                types.source.display(),
                                ids.join(", ")
                            )),
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
            if site.question_rules.is_none() {
                diags.push(
                    err(
                        "a rewrite item needs content/practice/question-rules.yaml".into(),
                        at(&[]),
                    )
                    .hint("the typed-question checker reads its word lists from it"),
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
        }
    }
    diags
}

pub fn check_practice(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
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
