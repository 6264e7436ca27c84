//! Question practice: the categories, the checker's word lists, and practice sets.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionTypes {
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub types: Vec<QuestionType>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionType {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub id: String,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub name: String,
    /// Markdown.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub description: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub example: Option<String>,
    /// True for types a coach would discourage (leading, stacked, …).
    #[serde(default)]
    pub avoid: bool,
}

/// Word lists for the typed-question checker, per language code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRules {
    #[serde(deserialize_with = "crate::model::fields::unique_keys")]
    pub languages: BTreeMap<String, LanguageRules>,
}

/// One language's lists. The page embeds them as they are (as JSON), and
/// `themes/default/static/question-check.js` reads them by these names.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageRules {
    pub open_openers: Vec<String>,
    pub closed_openers: Vec<String>,
    /// Closed openers that ask for a single number or fact ("how many").
    #[serde(default)]
    pub fact_openers: Vec<String>,
    /// Open openers that can sound like blame ("why").
    #[serde(default)]
    pub why_openers: Vec<String>,
    /// Words skipped before the question proper ("And", "So,").
    #[serde(default)]
    pub joiners: Vec<String>,
    #[serde(default)]
    pub leading: Vec<String>,
    #[serde(default)]
    pub statement_markers: Vec<String>,
    /// Like `statement_markers`, but not inside an open question's first clause.
    #[serde(default)]
    pub claims: Vec<String>,
    #[serde(default)]
    pub limited_choice: Vec<String>,
    #[serde(default)]
    pub stacked: Vec<String>,
}

impl LanguageRules {
    /// Every list with its YAML key, for checks.
    pub fn lists(&self) -> [(&'static str, &[String]); 10] {
        [
            ("open_openers", &self.open_openers),
            ("closed_openers", &self.closed_openers),
            ("fact_openers", &self.fact_openers),
            ("why_openers", &self.why_openers),
            ("joiners", &self.joiners),
            ("leading", &self.leading),
            ("statement_markers", &self.statement_markers),
            ("claims", &self.claims),
            ("limited_choice", &self.limited_choice),
            ("stacked", &self.stacked),
        ]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeSet {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub description: Option<String>,
    /// Markdown shown above the items.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub intro: Option<String>,
    pub items: Vec<Item>,
}

/// One exercise. Written as a mapping that starts with `type:`.
#[derive(Debug, Clone)]
pub enum Item {
    Choose(ChooseItem),
    Classify(ClassifyItem),
    Rewrite(RewriteItem),
    Order(OrderItem),
}

impl Item {
    /// What its answers are, in words, where a translation must say the
    /// same: a `choose` item's options and which are right ("3 options with
    /// B correct"), a `classify` item's answer, an `order` item's number of
    /// steps; `None` for a `rewrite` item, whose answers are free.
    pub fn answers(&self) -> Option<String> {
        match self {
            Item::Choose(c) => {
                let right: Vec<String> = c
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.correct)
                    .map(|(i, _)| char::from(b'A' + (i % 26) as u8).to_string())
                    .collect();
                let right = match right.len() {
                    0 => "none".to_string(),
                    _ => right.join(" and "),
                };
                Some(format!("{} options with {right} correct", c.options.len()))
            }
            Item::Classify(c) => {
                let mut answers = vec![c.answer.clone()];
                answers.extend(c.also.iter().cloned());
                Some(format!("the answer `{}`", answers.join("` or `")))
            }
            Item::Order(o) => Some(format!("{} steps", o.steps.len())),
            Item::Rewrite(_) => None,
        }
    }

    /// Its `type:`, as written.
    pub fn kind(&self) -> &'static str {
        match self {
            Item::Choose(_) => "choose",
            Item::Classify(_) => "classify",
            Item::Rewrite(_) => "rewrite",
            Item::Order(_) => "order",
        }
    }
}

super::tagged_by_type!(Item {
    "choose" => Choose(ChooseItem),
    "classify" => Classify(ClassifyItem),
    "rewrite" => Rewrite(RewriteItem),
    "order" => Order(OrderItem),
});

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChooseItem {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub prompt: String,
    pub options: Vec<ChooseOption>,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChooseOption {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub feedback: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyItem {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub question: String,
    /// A category id from question-types.yaml.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub answer: String,
    /// Other categories that are also accepted.
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub also: Vec<String>,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub reason: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewriteItem {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub statement: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub hint: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::texts")]
    pub models: Vec<String>,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub prompt: String,
    /// In the right order; shuffled on the page.
    #[serde(deserialize_with = "crate::model::fields::texts")]
    pub steps: Vec<String>,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub explain: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choose_items_answers_say_which_options_are_right_or_that_none_is() {
        let option = |correct| ChooseOption {
            text: "A".into(),
            correct,
            feedback: "F".into(),
        };
        let item = |options| {
            Item::Choose(ChooseItem {
                prompt: "P".into(),
                options,
                explain: None,
            })
        };
        assert_eq!(
            item(vec![option(false), option(true), option(true)])
                .answers()
                .as_deref(),
            Some("3 options with B and C correct")
        );
        assert_eq!(
            item(vec![option(false), option(false)])
                .answers()
                .as_deref(),
            Some("2 options with none correct")
        );
    }
}
