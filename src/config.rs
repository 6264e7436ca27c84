//! `site.yaml`: the site's title, language, organization, navigation and theme.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default = "default_language")]
    pub language: String,
    pub description: Option<String>,
    pub organization: Organization,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The navigation, in order. Empty: every section that exists, in a fixed order.
    #[serde(default)]
    pub nav: Vec<NavLink>,
    /// Markdown shown in every page's footer.
    pub footer: Option<String>,
    /// Settings for `alsite package --scorm`.
    #[serde(default)]
    pub scorm: Scorm,
}

/// How an LMS should judge a learner in a SCORM package.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorm {
    /// The percentage of practice items right that passes (0–100). Without it
    /// the LMS records completion only, no pass or fail.
    pub mastery_score: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavLink {
    pub title: String,
    /// A page path from the site root, e.g. `ground-rules.html`.
    pub link: String,
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}
