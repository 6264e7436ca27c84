//! What the trainer sells (`content/offers.yaml`): an offers page and cards
//! on the home page, each offer with who it is for, its format, length,
//! what is included, an optional price and a call to action.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offers {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// Markdown above the offers.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub intro: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::non_empty")]
    pub offers: Vec<Offer>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The offer's anchor on the offers page.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub id: Option<String>,
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    /// One or two sentences (Markdown).
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub summary: Option<String>,
    /// Who it is for.
    #[serde(
        rename = "for",
        default,
        deserialize_with = "crate::model::fields::shown_text"
    )]
    pub audience: Option<String>,
    /// e.g. "On site or online, one group of five to seven".
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub format: Option<String>,
    /// e.g. "Two hours".
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub length: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::texts")]
    pub includes: Vec<String>,
    /// Shown as written: "From £1,200 per group", "Free".
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub price: Option<String>,
    pub action: Action,
}

/// The offer's button: a page of the site, or an e-mail to the organization
/// with the subject filled in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub label: String,
    /// A path from the site root, e.g. `contact.html`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub link: Option<String>,
    /// The subject of an e-mail to `organization.email`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub email_subject: Option<String>,
}
