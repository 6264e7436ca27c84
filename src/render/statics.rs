//! The site's shared files under `static/`: the theme's, and the brand's
//! stylesheet (`static/brand.css`, made from `site.yaml`). Pages link them
//! with a short fingerprint of their bytes (`static/style.css?v=1a2b3c4d`),
//! so a browser that kept the old files never runs an old script or
//! stylesheet with a rebuilt page: a changed file is a new address. A
//! query, not a new file name, so the files keep their names, links written
//! by hand in a theme still work, and `file://` ignores it.

use super::brand;
use super::url::relative_url;
use crate::config::Config;
use crate::theme::Theme;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the brand's colours, fonts and print margins go: a file, not a
/// `<style>` in every page, so a Content-Security-Policy without
/// `'unsafe-inline'` applies it.
pub const BRAND_CSS: &str = "static/brand.css";

/// The static files and their fingerprints.
pub struct Statics {
    pub files: Vec<(String, Vec<u8>)>,
    versions: Versions,
}

/// A static file's fingerprint by its path (`static/style.css`), shared by
/// every page's template environment.
#[derive(Clone, Default)]
pub struct Versions(Arc<HashMap<String, String>>);

impl Statics {
    /// The theme's static files and the brand's stylesheet (a theme's own
    /// `static/brand.css` wins, as its other files do).
    pub fn new(theme: &Theme, config: &Config) -> Statics {
        let mut files = theme.static_files();
        if !files.iter().any(|(p, _)| p == BRAND_CSS) {
            files.push((BRAND_CSS.to_string(), brand_css(config).into_bytes()));
        }
        let versions = files
            .iter()
            .map(|(path, bytes)| (path.clone(), fingerprint(bytes)))
            .collect();
        Statics {
            files,
            versions: Versions(Arc::new(versions)),
        }
    }

    pub fn versions(&self) -> Versions {
        self.versions.clone()
    }
}

impl Versions {
    /// The URL of `target` (a path from the site root) from the page at
    /// `from`, with its fingerprint when it is a static file.
    pub fn url(&self, from: &str, target: &str) -> String {
        let url = relative_url(from, target);
        match self.0.get(target) {
            Some(v) if !url.contains(['?', '#']) => format!("{url}?v={v}"),
            _ => url,
        }
    }
}

/// The brand's CSS, its font files linked from `static/`.
fn brand_css(config: &Config) -> String {
    brand::Style::new(config).for_page(|to| relative_url(BRAND_CSS, to.trim_start_matches('/')))
}

/// Eight hex digits of the bytes' xxh3: enough to tell versions of one file apart.
fn fingerprint(bytes: &[u8]) -> String {
    format!("{:08x}", crate::digest::of(bytes) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Config {
        crate::load::yaml::parse(std::path::Path::new("site.yaml"), yaml, 1).unwrap()
    }

    #[test]
    fn static_urls_carry_the_fingerprint_of_their_bytes() {
        let theme = Theme::open(std::path::Path::new("/nonexistent"), "default").unwrap();
        let statics = Statics::new(&theme, &config("title: T\norganization: { name: Org }\n"));
        let versions = statics.versions();
        let style = &statics
            .files
            .iter()
            .find(|(p, _)| p == "static/style.css")
            .unwrap()
            .1;
        assert_eq!(
            versions.url("workshops/x/index.html", "static/style.css"),
            format!("../../static/style.css?v={}", fingerprint(style))
        );
        assert_eq!(versions.url("index.html", "about.html"), "about.html");
        assert!(versions
            .url("index.html", BRAND_CSS)
            .starts_with("static/brand.css?v="));
    }

    #[test]
    fn the_brand_stylesheet_links_fonts_from_its_own_folder() {
        let css = brand_css(&config(
            "title: T\norganization: { name: Org }\nbrand:\n  primary: \"#2d1b69\"\n  fonts:\n    - { family: Body, file: fonts/body.woff2 }\n",
        ));
        assert!(css.contains(r#"src:url("../fonts/body.woff2")"#), "{css}");
        assert!(css.contains("--primary:#2d1b69;"), "{css}");
    }
}
