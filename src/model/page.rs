//! Markdown pages: the home page and free pages.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// One sentence for the page's meta description and index cards.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub description: Option<String>,
    /// Output file name without `.html`; defaults to the source file name.
    pub slug: Option<String>,
    /// Shorter title for the navigation.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub nav_title: Option<String>,
    /// The home page's banner: headline, lede and one or two buttons.
    pub hero: Option<Hero>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hero {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub headline: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub lede: Option<String>,
    /// At most two; the first is the main call to action.
    #[serde(default)]
    pub buttons: Vec<HeroButton>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeroButton {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub label: String,
    /// A path from the site root (`offers.html`) or a full address.
    pub link: String,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub source: PathBuf,
    pub front: FrontMatter,
    /// The Markdown after the front matter, padded with blank lines so its
    /// lines keep the file's numbers. `None` for free pages: the pages of a
    /// large site do not fit in memory together, so each is read again when
    /// it is rendered.
    pub body: Option<String>,
    /// A fingerprint of the whole file, to tell whether it changed since the
    /// last build.
    pub digest: u64,
    /// Whether the file's text is kept in [`crate::model::Site::texts`] for
    /// the checks that read it: a free page's is kept only when a quick look
    /// finds something they look for, so on a large site most are not.
    /// Checks go by this before they look a page's text up.
    pub text_kept: bool,
    /// Output path relative to the site root, e.g. `about.html`.
    pub output: String,
}
