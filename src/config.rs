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
    /// Logo, colours, fonts, favicon and the alsite credit.
    #[serde(default)]
    pub brand: Brand,
}

/// How the site looks: every field optional, the default theme's look without them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// A file of the site (under `content/`), as a path from the site root: `images/logo.svg`.
    pub logo: Option<String>,
    /// Also a file of the site; the default theme's icon without it.
    pub favicon: Option<String>,
    /// Header, buttons and links: `#rrggbb`, dark enough for white text.
    pub primary: Option<String>,
    /// Highlights and the main call to action: `#rrggbb`, dark enough for white text.
    pub accent: Option<String>,
    /// Body text: a system stack name (`system`, `humanist`, `geometric`,
    /// `transitional`, `old-style`) or the family of one of `fonts`.
    pub font: Option<String>,
    /// Headings, chosen the same way; the body font without it.
    pub heading_font: Option<String>,
    /// Font files shipped in the site (nothing is fetched from the internet).
    #[serde(default)]
    pub fonts: Vec<FontFile>,
    /// Shows "Built with alsite" in the footer.
    #[serde(default)]
    pub credit: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFile {
    pub family: String,
    /// A file of the site, e.g. `fonts/source-sans-3.woff2`.
    pub file: String,
    /// `400`, `700`, or a range such as `200 900` for a variable font.
    pub weight: Option<String>,
    /// `normal` or `italic`.
    pub style: Option<String>,
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

fn default_theme() -> String {
    "default".into()
}
