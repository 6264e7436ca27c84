//! Scripted demo sessions: roles, the problem, and stages of turns.

use super::Item;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub summary: Option<String>,
    /// Planned length in minutes.
    #[serde(deserialize_with = "crate::model::fields::minutes")]
    pub minutes: u32,
    /// The problem as the presenter first states it.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub problem: String,
    /// The coach, the presenter and the members (an empty list is an
    /// error of its own, not one for every turn's speaker).
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub roles: Vec<Role>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// What turns use in `by:`.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub id: String,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub name: String,
    pub role: RoleKind,
    /// The leadership skill a member practises.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub skill: Option<String>,
    /// What the page calls this person's role, in place of the theme's
    /// word for it: in a language whose nouns have a gender, a woman's
    /// role in its own form (Polish `prezenterka`, `uczestniczka`).
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Presenter,
    Coach,
    Member,
}

impl RoleKind {
    /// The role as people say it: "presenter", "coach", "member".
    pub fn label(self) -> &'static str {
        match self {
            RoleKind::Presenter => "presenter",
            RoleKind::Coach => "coach",
            RoleKind::Member => "member",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    pub kind: StageKind,
    #[serde(default, deserialize_with = "crate::model::fields::optional_minutes")]
    pub minutes: Option<u32>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub turns: Vec<Turn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StageKind {
    Opening,
    Presentation,
    Questions,
    Checkin,
    Agreement,
    Reframing,
    Goal,
    Strategies,
    Actions,
    Reflection,
}

/// One turn: who speaks and exactly one of `ask`, `answer`, `intervene`, `say`
/// (process talk by the coach), or a `pause` that puts a practice item to the viewer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    pub by: Option<String>,
    /// The role id the question is put to, when it matters.
    pub to: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub ask: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub answer: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub intervene: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub say: Option<String>,
    /// What the coach notices at this point (Markdown).
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub note: Option<String>,
    /// A deliberate break of a ground rule, for the coach to catch.
    #[serde(default)]
    pub breaks_rule: bool,
    pub pause: Option<Item>,
}
