//! The method: the two ground rules and the six components.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundRules {
    pub title: String,
    /// Markdown shown above the rules.
    pub intro: Option<String>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Anchor on the page, e.g. `statements-answer-questions`.
    pub id: String,
    pub title: String,
    /// The rule itself, in one or two sentences (Markdown).
    pub text: String,
    /// Why the rule exists (Markdown).
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
    pub said: String,
    /// Why it keeps or breaks the rule (Markdown).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Components {
    pub title: String,
    pub intro: Option<String>,
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub name: String,
    /// One line, shown in the cycle diagram's section and the overview.
    pub summary: String,
    /// Markdown.
    pub body: String,
    /// Questions a group or coach asks about this component.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Label in the cycle diagram; defaults to `name`.
    pub short: Option<String>,
}
