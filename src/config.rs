//! `site.yaml`: the site's title, language, organization, navigation and theme.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(
        default = "default_language",
        deserialize_with = "crate::model::fields::required_text"
    )]
    pub language: String,
    pub description: Option<String>,
    pub organization: Organization,
    #[serde(
        default = "default_theme",
        deserialize_with = "crate::model::fields::required_text"
    )]
    pub theme: String,
    /// The navigation, in order. Empty: every section that exists, in a fixed order.
    #[serde(default)]
    pub nav: Vec<NavLink>,
    /// Markdown shown in every page's footer.
    pub footer: Option<String>,
    /// A search box on every page, with its index (`search: false` leaves both out).
    #[serde(default = "yes")]
    pub search: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavLink {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// A page path from the site root, e.g. `ground-rules.html`.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub link: String,
}

fn default_language() -> String {
    "en".into()
}

fn yes() -> bool {
    true
}

fn default_theme() -> String {
    "default".into()
}
