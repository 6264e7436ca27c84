//! Workshops: a schedule of days, and the modules it names.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopFile {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub audience: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub outcomes: Vec<String>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub days: Vec<Day>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub title: Option<String>,
    /// Clock time, `HH:MM`.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub start: String,
    /// Optional clock time, `HH:MM`, the day must be over by (the room is
    /// booked until then): a day whose items run past it is an error.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub end: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub items: Vec<DayItem>,
}

/// Either `{module: file-name}` or `{break: Label, minutes: N}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayItem {
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub module: Option<String>,
    #[serde(
        rename = "break",
        default,
        deserialize_with = "crate::model::fields::optional_text"
    )]
    pub break_label: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_minutes")]
    pub minutes: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFront {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(deserialize_with = "crate::model::fields::minutes")]
    pub minutes: u32,
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub objectives: Vec<String>,
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub materials: Vec<String>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Notes for the facilitator only (Markdown).
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub facilitator: Option<String>,
    /// Leaves ruled space for the participants' notes in the handout.
    #[serde(default)]
    pub handout_notes: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(deserialize_with = "crate::model::fields::minutes")]
    pub minutes: u32,
    pub kind: ActivityKind,
    /// Slug of a practice set.
    pub practice: Option<String>,
    /// Slug of a demo session.
    pub session: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    Input,
    Practice,
    Demo,
    Session,
    Reflection,
    Discussion,
}

#[derive(Debug, Clone)]
pub struct Module {
    pub source: PathBuf,
    pub slug: String,
    pub front: ModuleFront,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct Workshop {
    pub source: PathBuf,
    pub slug: String,
    pub data: WorkshopFile,
    pub modules: Vec<Module>,
}
