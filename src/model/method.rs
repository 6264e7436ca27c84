//! The method: the two ground rules and the six components.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundRules {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// Markdown shown above the rules.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub intro: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Anchor on the page, e.g. `statements-answer-questions`.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub id: String,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// The rule itself, in one or two sentences (Markdown).
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub text: String,
    /// Why the rule exists (Markdown).
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub why: String,
    #[serde(default)]
    pub good: Vec<Example>,
    #[serde(default)]
    pub bad: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// What was said in the session.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub said: String,
    /// Why it keeps or breaks the rule (Markdown).
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Components {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub intro: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub id: String,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub name: String,
    /// One line, shown in the cycle diagram's section and the overview.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub summary: String,
    /// Markdown.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub body: String,
    /// Questions a group or coach asks about this component.
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub questions: Vec<String>,
    /// Label in the cycle diagram; defaults to `name`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub short: Option<String>,
}
