//! `site.yaml`: the site's title, language, organization, navigation and theme.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub title: String,
    #[serde(
        default = "default_language",
        deserialize_with = "crate::model::fields::defaulted_text"
    )]
    pub language: String,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub description: Option<String>,
    pub organization: Organization,
    #[serde(
        default = "default_theme",
        deserialize_with = "crate::model::fields::defaulted_text"
    )]
    pub theme: String,
    /// The navigation, in order. Empty: every section that exists, in a fixed order.
    #[serde(default)]
    pub nav: Vec<NavLink>,
    /// Markdown shown in every page's footer.
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub footer: Option<String>,
    /// Logo, colours, fonts, favicon and the alsite credit.
    #[serde(default)]
    pub brand: Brand,
    /// Settings for `alsite package --scorm`.
    #[serde(default)]
    pub scorm: Scorm,
    /// The site's languages, the default first (its pages at the root, the
    /// others under `/<code>/`). Left out: the one `language`.
    #[serde(default, deserialize_with = "crate::model::fields::non_empty")]
    pub languages: Vec<String>,
    /// The site's own words in the other languages, by language code.
    #[serde(default, deserialize_with = "crate::model::fields::unique_keys")]
    pub translations: std::collections::BTreeMap<String, Translation>,
    /// Where the site is published (`https://training.example/al/`): the
    /// page for missing addresses (`404.html`) links from there, as a
    /// server may show it at any depth.
    #[serde(default, deserialize_with = "crate::model::fields::optional_address")]
    pub url: Option<String>,
    /// A search box on every page, with its index (`search: false` leaves both out).
    #[serde(default = "yes")]
    pub search: bool,
    /// Set by `alsite package`, never in site.yaml: the pages go to
    /// learners in a package, which leaves the facilitator guides out, so
    /// they do not offer them.
    #[serde(skip)]
    pub packaged: bool,
}

/// How an LMS should judge a learner in a SCORM package.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorm {
    /// The percentage of practice items right that passes (0–100). Without it
    /// the LMS records completion only, no pass or fail.
    #[serde(default, deserialize_with = "crate::model::fields::optional_percent")]
    pub mastery_score: Option<u32>,
}

/// site.yaml's text fields in another language; a field left out keeps the
/// default language's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default, deserialize_with = "crate::model::fields::translated_text")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::translated_text")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::translated_text")]
    pub footer: Option<String>,
    #[serde(default)]
    pub nav: Vec<NavLink>,
}

impl Config {
    /// Every language of the site, the default first.
    pub fn all_languages(&self) -> Vec<String> {
        if self.languages.is_empty() {
            vec![self.language.clone()]
        } else {
            self.languages.clone()
        }
    }

    /// This configuration as the site in language `lang` sees it: its
    /// language, and its text fields in that language where they are given.
    pub fn in_language(&self, lang: &str) -> Config {
        let mut c = self.clone();
        c.language = lang.to_string();
        if let Some(t) = self.translations.get(lang) {
            if let Some(title) = &t.title {
                c.title = title.clone();
            }
            if t.description.is_some() {
                c.description = t.description.clone();
            }
            if t.footer.is_some() {
                c.footer = t.footer.clone();
            }
            if !t.nav.is_empty() {
                c.nav = t.nav.clone();
            }
        }
        c
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub name: String,
    #[serde(default, deserialize_with = "crate::model::fields::optional_address")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::optional_address")]
    pub website: Option<String>,
    #[serde(default, deserialize_with = "crate::model::fields::shown_text")]
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

impl Config {
    /// The path of the site's home folder on its server, from `url`, as a
    /// link carries it: `/training/al/` for `https://training.example/al`,
    /// `/Szkolenia%20AL/` for `https://intranet.example/Szkolenia AL/`.
    pub fn url_path(&self) -> Option<String> {
        let url = self.url.as_deref()?.trim();
        let after_scheme = url.split_once("://")?.1;
        let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_matches('/');
        let path = crate::render::url::percent_decode(path);
        Some(match path.as_str() {
            "" => "/".to_string(),
            p => format!("/{}/", crate::render::url::percent_encode_path(p)),
        })
    }
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

/// How the site looks: every field optional, the default theme's look without them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// A file of the site (under `content/`), as a path from the site root: `images/logo.svg`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub logo: Option<String>,
    /// Also a file of the site; the default theme's icon without it.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub favicon: Option<String>,
    /// Header, buttons and links: `#rrggbb`, dark enough for white text.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub primary: Option<String>,
    /// Highlights and the main call to action: `#rrggbb`, dark enough for white text.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub accent: Option<String>,
    /// Body text: a system stack name (`system`, `humanist`, `geometric`,
    /// `transitional`, `old-style`) or the family of one of `fonts`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub font: Option<String>,
    /// Headings, chosen the same way; the body font without it.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
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
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub family: String,
    /// A file of the site, e.g. `fonts/source-sans-3.woff2`.
    #[serde(deserialize_with = "crate::model::fields::required_text")]
    pub file: String,
    /// `400`, `700`, or a range such as `200 900` for a variable font.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub weight: Option<String>,
    /// `normal` or `italic`.
    #[serde(default, deserialize_with = "crate::model::fields::optional_text")]
    pub style: Option<String>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_url_gives_the_path_of_the_home_folder_as_a_link_carries_it() {
        let path = |url: &str| {
            let yaml = format!("title: t\norganization: {{name: o}}\nurl: \"{url}\"\n");
            let config: super::Config = serde_yaml::from_str(&yaml).expect("a config");
            config.url_path()
        };
        assert_eq!(path("https://training.example").as_deref(), Some("/"));
        assert_eq!(path("https://training.example/al").as_deref(), Some("/al/"));
        assert_eq!(path("http://x.example/a/b/").as_deref(), Some("/a/b/"));
        let polish = Some("/Szkolenia%20AL/Materia%C5%82y/");
        assert_eq!(
            path("https://x.example/Szkolenia AL/Materiały/").as_deref(),
            polish
        );
        assert_eq!(
            path("https://x.example/Szkolenia%20AL/Materia%C5%82y").as_deref(),
            polish
        );
    }

    #[test]
    fn spaces_around_an_address_are_not_part_of_it() {
        let yaml = "title: t\norganization: { name: o, email: \"hello@x.example \", website: \" https://x.example\" }\nurl: \"https://x.example/al/ \"\n";
        let config: super::Config = serde_yaml::from_str(yaml).expect("a config");
        let org = &config.organization;
        assert_eq!(org.email.as_deref(), Some("hello@x.example"));
        assert_eq!(org.website.as_deref(), Some("https://x.example"));
        assert_eq!(config.url.as_deref(), Some("https://x.example/al/"));
    }
}
