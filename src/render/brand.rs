//! The brand's look as CSS: the colours of `site.yaml`'s `brand` (with the
//! variants derived from them for hover, soft backgrounds and the dark
//! scheme), the fonts, and the organization's name in printed page margins.
//! Worked out once per site ([`Style`]) and written to `static/brand.css`
//! (see [`super::statics`]), which the stylesheet's custom properties read.

use crate::colour::{Rgb, AA, LIGHT_TINTS, PAPER, PAPER_DARK, SURFACE_DARK};
use crate::config::{Brand, Config};

/// The default theme's colours when the brand gives none.
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x0b, 0x5d, 0x73);
pub const DEFAULT_ACCENT: Rgb = Rgb(0xa8, 0x3b, 0x0c);

/// System font stacks by name: nothing to download, a good face on every system.
pub const FONT_STACKS: &[(&str, &str)] = &[
    (
        "system",
        r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#,
    ),
    (
        "humanist",
        r#"Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif"#,
    ),
    (
        "geometric",
        r#"Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif"#,
    ),
    (
        "transitional",
        r#"Charter, "Bitstream Charter", "Sitka Text", Cambria, serif"#,
    ),
    (
        "old-style",
        r#""Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, serif"#,
    ),
];

/// The CSS stack for a `font:` value: a stack name, or a shipped family in
/// front of the system stack.
pub fn font_stack(name: &str) -> String {
    match FONT_STACKS.iter().find(|(n, _)| *n == name) {
        Some((_, stack)) => stack.to_string(),
        None => format!("{}, {}", css_string(name), FONT_STACKS[0].1),
    }
}

/// A brand colour, or `fallback` when it is missing or not a colour (the
/// check reports that before anything renders).
pub fn colour(value: Option<&str>, fallback: Rgb) -> Rgb {
    value.and_then(Rgb::parse).unwrap_or(fallback)
}

/// The brand's `<style>` body, worked out once for a site: the same on every
/// page but for the URLs of shipped font files, which are relative to the page.
pub struct Style {
    /// Each `@font-face` rule as the text before and after its file's URL,
    /// with the file's path from the site root.
    font_faces: Vec<(String, String, String)>,
    /// Everything after them: colours, font stacks, print margins.
    rest: String,
}

impl Style {
    pub fn new(config: &Config) -> Style {
        let font_faces = config
            .brand
            .fonts
            .iter()
            .map(|f| {
                (
                    format!("@font-face{{font-family:{};src:url(", css_string(&f.family)),
                    f.file.clone(),
                    format!(
                        ");font-weight:{};font-style:{};font-display:swap}}",
                        f.weight.as_deref().unwrap_or("400"),
                        f.style.as_deref().unwrap_or("normal"),
                    ),
                )
            })
            .collect();
        Style {
            font_faces,
            rest: colours_and_fonts(config),
        }
    }

    /// The `<style>` body for one page. `url` makes a site path relative to the page.
    pub fn for_page(&self, url: impl Fn(&str) -> String) -> String {
        let mut css = String::new();
        for (before, file, after) in &self.font_faces {
            css.push_str(before);
            css.push_str(&css_string(&url(file)));
            css.push_str(after);
        }
        css.push_str(&self.rest);
        css
    }
}

/// The brand's colours (and the variants derived from them), font stacks
/// and print margins.
fn colours_and_fonts(config: &Config) -> String {
    let brand = &config.brand;
    let primary = colour(brand.primary.as_deref(), DEFAULT_PRIMARY);
    let accent = colour(brand.accent.as_deref(), DEFAULT_ACCENT);
    let black = Rgb(0, 0, 0);
    let (primary_soft, accent_soft) = (primary.mix(PAPER, 0.88), accent.mix(PAPER, 0.9));
    let [link, accent_text] = text_on_tints(primary, accent, [primary_soft, accent_soft]);
    let fill = primary.fill_on_dark();
    let mut css = String::new();
    css.push_str(&format!(
        ":root{{--primary:{};--header:{};--primary-strong:{};--primary-soft:{};--link:{};--accent:{};--accent-text:{};--accent-soft:{};{}}}",
        primary.hex(),
        primary.hex(),
        primary.mix(black, 0.25).hex(),
        primary_soft.hex(),
        link.hex(),
        accent.hex(),
        accent_text.hex(),
        accent_soft.hex(),
        fonts(brand),
    ));
    css.push_str(&format!(
        "@media screen and (prefers-color-scheme: dark){{:root{{--primary:{};--primary-strong:{};--primary-soft:{};--link:{};--accent:{};--accent-text:{};--accent-soft:{}}}}}",
        fill.hex(),
        fill.mix(black, 0.25).hex(),
        primary.mix(PAPER_DARK, 0.75).hex(),
        primary.lighter_until(SURFACE_DARK, AA + 1.0).hex(),
        accent.fill_on_dark().hex(),
        accent.lighter_until(SURFACE_DARK, AA + 1.0).hex(),
        accent.mix(PAPER_DARK, 0.8).hex(),
    ));
    css.push_str(&print_margins(&config.organization.name));
    css
}

/// The brand's colours as text (links, titles) in the light scheme: as
/// given where they keep AA on every tinted surface they sit on (the
/// panels, the soft fills of callouts, `soft`: the brand's own), else
/// darkened until they do. The brand check asks AA on white and the page
/// only; a tint is a little darker.
fn text_on_tints(primary: Rgb, accent: Rgb, soft: [Rgb; 2]) -> [Rgb; 2] {
    let darkest = LIGHT_TINTS
        .into_iter()
        .chain(soft)
        .min_by(|a, b| a.luminance().total_cmp(&b.luminance()))
        .unwrap_or(PAPER);
    [primary, accent].map(|c| c.until_contrast(Rgb(0, 0, 0), darkest, AA))
}

fn fonts(brand: &Brand) -> String {
    let body = brand.font.as_deref().map(font_stack);
    let heading = brand.heading_font.as_deref().map(font_stack);
    let mut out = String::new();
    if let Some(b) = &body {
        out.push_str(&format!("--font:{b};"));
    }
    if let Some(h) = heading.or(body) {
        out.push_str(&format!("--font-heading:{h};"));
    }
    out
}

/// The organization's name at the top of every printed page, the page's
/// title (its `<html data-print-title>`) beside it on every page but the
/// first, whose heading says it, and the page number at the bottom (CSS
/// margin boxes; Chromium prints them, reading the attribute of the root).
fn print_margins(organization: &str) -> String {
    const SMALL: &str = "font:9pt/1.2 system-ui,sans-serif;color:#444";
    format!(
        "@page{{@top-left{{content:{};{SMALL}}}@top-right{{content:attr(data-print-title);text-align:right;{SMALL}}}@bottom-right{{content:counter(page) \" / \" counter(pages);{SMALL}}}}}@page:first{{@top-right{{content:none}}}}",
        css_string(organization)
    )
}

/// A CSS string literal: quoted, with quotes, backslashes and anything that
/// could end a `<style>` element escaped, and letters past ASCII too
/// (`ł` is `\142 `), so `static/brand.css` reads the same whatever
/// character set a web server announces for it.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if !c.is_ascii() => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_close_the_style_element() {
        assert_eq!(
            css_string(r#"A "B" </style>"#),
            r#""A \22 B\22  \3c /style\3e ""#
        );
        assert_eq!(css_string("Szkoła"), r#""Szko\142 a""#);
    }

    #[test]
    fn one_style_serves_every_page_with_its_own_font_urls() {
        let yaml = "title: T\norganization: { name: Org }\nbrand:\n  primary: \"#2d1b69\"\n  font: Body\n  fonts:\n    - { family: Body, file: fonts/body.woff2 }\n";
        let config: Config =
            crate::load::yaml::parse(std::path::Path::new("site.yaml"), yaml, 1).unwrap();
        let style = Style::new(&config);
        let top = style.for_page(|to| to.to_string());
        let deep = style.for_page(|to| format!("../../{to}"));
        assert!(
            top.starts_with(r#"@font-face{font-family:"Body";src:url("fonts/body.woff2");"#),
            "{top}"
        );
        assert_eq!(
            top.replace("fonts/body.woff2", "../../fonts/body.woff2"),
            deep
        );
        assert!(
            top.contains("--primary:#2d1b69;") && top.contains("--font:\"Body\", system-ui"),
            "{top}"
        );
        assert!(
            top.contains("counter(pages);font:9pt/1.2 system-ui,sans-serif;color:#444}}")
                && top.ends_with("@page:first{@top-right{content:none}}"),
            "{top}"
        );
    }

    /// Every brand colour the brand check lets through (AA with white and
    /// with the page) reads at AA as a link on every tinted surface.
    #[test]
    fn links_keep_aa_on_every_tint_for_every_brand_colour_the_check_allows() {
        use crate::colour::{contrast, WHITE};
        let mut rng = crate::synth::Rng(5);
        let mut tried = 0;
        while tried < 2000 {
            let mut channel = || rng.below(256) as u8;
            let (p, a) = (
                Rgb(channel(), channel(), channel()),
                Rgb(channel(), channel(), channel()),
            );
            let allowed = |c: Rgb| contrast(WHITE, c) >= AA && contrast(c, PAPER) >= AA;
            if !(allowed(p) && allowed(a)) {
                continue;
            }
            tried += 1;
            let soft = [p.mix(PAPER, 0.88), a.mix(PAPER, 0.9)];
            let [link, accent_text] = text_on_tints(p, a, soft);
            for tint in LIGHT_TINTS.into_iter().chain(soft) {
                assert!(
                    contrast(link, tint) >= AA,
                    "{} -> {} on {}",
                    p.hex(),
                    link.hex(),
                    tint.hex()
                );
                assert!(
                    contrast(accent_text, tint) >= AA,
                    "{} on {}",
                    accent_text.hex(),
                    tint.hex()
                );
            }
        }
        // The sample's colours pass as they are, and are kept.
        let soft = [
            DEFAULT_PRIMARY.mix(PAPER, 0.88),
            DEFAULT_ACCENT.mix(PAPER, 0.9),
        ];
        assert_eq!(
            text_on_tints(DEFAULT_PRIMARY, DEFAULT_ACCENT, soft),
            [DEFAULT_PRIMARY, DEFAULT_ACCENT]
        );
    }

    #[test]
    fn named_stacks_and_shipped_families() {
        assert!(font_stack("transitional").starts_with("Charter"));
        assert!(font_stack("Source Sans 3").starts_with("\"Source Sans 3\", system-ui"));
    }
}
