//! `site.yaml`'s `brand`: colours that parse and keep text readable (WCAG AA,
//! with the ratio when they do not), fonts that are a known stack or a
//! shipped file, and logo, favicon and font files that exist in the site.

use crate::colour::{contrast, ratio_text, Rgb, AA, PAPER, WHITE};
use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate_value, Seg};
use crate::model::Site;
use crate::render::brand::FONT_STACKS;
use std::collections::HashSet;

/// Errors for the brand in `site.yaml`; `outputs` is every path the build writes.
pub fn check_brand(site: &Site, outputs: &HashSet<&str>) -> Vec<Diagnostic> {
    let text = super::site_yaml(site);
    let at = |path: &[Seg], message: String, hint: String| {
        let (line, column) = locate_value(text, path);
        Diagnostic::error("site.yaml", message)
            .at(line, column)
            .hint(hint)
    };
    let brand = &site.config.brand;
    let mut diags = Vec::new();
    for (field, value) in [("primary", &brand.primary), ("accent", &brand.accent)] {
        let Some(value) = value else { continue };
        let place = [Seg::Key("brand"), Seg::Key(field)];
        match Rgb::parse(value) {
            None => diags.push(at(
                &place,
                format!("brand colour `{field}` is `{value}`, not a colour"),
                "write a colour as `#` and six hex digits, such as `#0b5d73`".into(),
            )),
            Some(c) => diags.extend(contrast_problem(field, c).map(|(m, h)| at(&place, m, h))),
        }
    }
    let files = [("logo", &brand.logo), ("favicon", &brand.favicon)];
    for (field, value) in files {
        let Some(file) = value else { continue };
        if !outputs.contains(file.trim_start_matches('/')) {
            let in_content = meant_file(file, outputs);
            let hint = match (in_content, on_this_computer(file), web_address(file)) {
                (Some(rel), ..) => format!("write `{field}: {rel}` (paths start inside content/, with no `./` or `../`)"),
                (_, Some(name), _) => format!("`{file}` is a file on this computer, which no visitor has: copy it to content/images/{name} and write `{field}: images/{name}`"),
                (_, None, Some(name)) => format!("the site never fetches files from the internet (it works offline): save the file as content/images/{name} and write `{field}: images/{name}`"),
                (_, None, None) => format!("put the file under content/ (content/{0} becomes `{0}`) and give its path from the site root", file.trim_start_matches('/')),
            };
            diags.push(at(
                &[Seg::Key("brand"), Seg::Key(field)],
                format!("brand {field} `{file}` is not a file of the site"),
                hint,
            ));
        }
    }
    for (i, f) in brand.fonts.iter().enumerate() {
        if !outputs.contains(f.file.trim_start_matches('/')) {
            let in_content = meant_file(&f.file, outputs);
            let hint = match (in_content, on_this_computer(&f.file), web_address(&f.file)) {
                (Some(rel), ..) => format!("write `file: {rel}` (paths start inside content/, with no `./` or `../`)"),
                (_, Some(name), _) => format!("`{}` is a file on this computer, which no visitor has: copy it to content/fonts/{name} and write `file: fonts/{name}`", f.file),
                (_, None, Some(name)) => format!("the site never fetches fonts from the internet (it works offline): save the file as content/fonts/{name} and write `file: fonts/{name}`"),
                (_, None, None) => "put font files under content/, e.g. content/fonts/x.woff2, and write `fonts/x.woff2`".into(),
            };
            diags.push(at(
                &[
                    Seg::Key("brand"),
                    Seg::Key("fonts"),
                    Seg::Index(i),
                    Seg::Key("file"),
                ],
                format!("font file `{}` is not a file of the site", f.file),
                hint,
            ));
        }
    }
    diags.extend(font_descriptors(&brand.fonts, &at));
    for field in ["font", "heading_font"] {
        let value = if field == "font" {
            &brand.font
        } else {
            &brand.heading_font
        };
        let Some(name) = value else { continue };
        let known = FONT_STACKS.iter().any(|(n, _)| n == name)
            || brand.fonts.iter().any(|f| &f.family == name);
        if !known {
            let stacks: Vec<&str> = FONT_STACKS.iter().map(|(n, _)| *n).collect();
            diags.push(at(
                &[Seg::Key("brand"), Seg::Key(field)],
                format!("font `{name}` is neither a system font stack nor a family under `fonts:`"),
                format!(
                    "use one of {}, or add the font's file under `fonts:` with `family: {name}`",
                    stacks.join(", ")
                ),
            ));
        }
    }
    diags
}

/// A warning for each family under `fonts:` that neither `font:` nor
/// `heading_font:` names, nor a style sheet of the site's own theme
/// (`statics`, the theme's static files): its file is published and no
/// page shows it (as when `fonts:` is copied from an example and `font:`
/// is left as it was).
pub fn check_unused_fonts(site: &Site, statics: &[(String, Vec<u8>)]) -> Vec<Diagnostic> {
    let brand = &site.config.brand;
    let text = super::site_yaml(site);
    let in_css = |family: &str| {
        statics.iter().any(|(path, bytes)| {
            // (Not brand.css, alsite's own, which declares every family.)
            path.ends_with(".css")
                && !path.ends_with("brand.css")
                && memchr::memmem::find(bytes, family.as_bytes()).is_some()
        })
    };
    let named = |family: &str| {
        [&brand.font, &brand.heading_font]
            .iter()
            .any(|f| f.as_deref() == Some(family))
            || in_css(family)
    };
    let mut warned: Vec<&str> = Vec::new();
    let mut diags = Vec::new();
    for (i, f) in brand.fonts.iter().enumerate() {
        if named(&f.family) || warned.contains(&f.family.as_str()) {
            continue;
        }
        warned.push(&f.family);
        let place = [
            Seg::Key("brand"),
            Seg::Key("fonts"),
            Seg::Index(i),
            Seg::Key("family"),
        ];
        let (line, column) = locate_value(text, &place);
        diags.push(
            Diagnostic::warning(
                "site.yaml",
                format!("font `{}` is shipped under `fonts:`, but neither `font:` nor `heading_font:` names it: its file is published and no page shows it", f.family),
            )
            .at(line, column)
            .hint(format!("write `font: {}` (or `heading_font:`) to use it, or remove it from `fonts:`", f.family)),
        );
    }
    diags
}

/// Errors for a font's `weight` and `style` that are not what CSS takes:
/// they are written into `static/brand.css` as they are, where CSS drops a
/// wrong one without a word (or, with a `}`, the rules after it).
fn font_descriptors(
    fonts: &[crate::config::FontFile],
    at: &impl Fn(&[Seg], String, String) -> Diagnostic,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, f) in fonts.iter().enumerate() {
        let place = |field| {
            [
                Seg::Key("brand"),
                Seg::Key("fonts"),
                Seg::Index(i),
                Seg::Key(field),
            ]
        };
        if let Some(w) = f.weight.as_deref().filter(|w| !is_weight(w)) {
            diags.push(at(
                &place("weight"),
                format!("font weight `{w}` is not a weight"),
                "write a number from 1 to 1000 (`400` regular, `700` bold), or for a variable font its range as two numbers with a space: `200 900`".into(),
            ));
        }
        if let Some(s) = f
            .style
            .as_deref()
            .filter(|s| !matches!(*s, "normal" | "italic" | "oblique"))
        {
            diags.push(at(
                &place("style"),
                format!("font style `{s}` is not a style"),
                "write `normal` or `italic` (or leave `style:` out for normal)".into(),
            ));
        }
    }
    diags
}

/// A CSS `font-weight` of a font file: a number from 1 to 1000, two of
/// them for a variable font's range, or `normal` or `bold`.
fn is_weight(w: &str) -> bool {
    let number = |n: &str| n.parse::<f32>().is_ok_and(|n| (1.0..=1000.0).contains(&n));
    match w.split_whitespace().collect::<Vec<_>>()[..] {
        ["normal" | "bold"] => true,
        [n] => number(n),
        [a, b] => number(a) && number(b),
        _ => false,
    }
}

/// The message and hint when white text on `c`, or `c` as text on the page,
/// falls below AA; the hint offers the nearest darker colour that passes.
fn contrast_problem(field: &str, c: Rgb) -> Option<(String, String)> {
    let on_white = contrast(WHITE, c);
    let on_paper = contrast(c, PAPER);
    if on_white >= AA && on_paper >= AA {
        return None;
    }
    let (ratio, against) = if on_white < on_paper {
        (on_white, "white text (#ffffff) on it")
    } else {
        (on_paper, "the page background (#fdfcf9)")
    };
    let darker = c.until_contrast(Rgb(0, 0, 0), PAPER, AA + 0.1);
    Some((
        format!(
            "brand colour `{field}` {} has a contrast ratio of {} with {against}; WCAG AA needs at least 4.5:1 for text",
            c.hex(),
            ratio_text(ratio),
        ),
        format!(
            "white text sits on the {field} colour and it colours text on the page, so it must be dark: {} would pass ({})",
            darker.hex(),
            ratio_text(contrast(darker, PAPER).min(contrast(WHITE, darker))),
        ),
    ))
}

/// The file's name when `value` is a path on the author's own computer:
/// on a Windows drive (`C:\Users\anna\logo.png`, `d:/brand/logo.svg`), in
/// a home folder (`~/logo.svg`, `/home/anna/logo.svg`) or a `file:` address.
fn on_this_computer(value: &str) -> Option<&str> {
    let file = value
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("file:"));
    let here =
        crate::render::url::on_windows_drive(value) || crate::render::url::in_a_home_folder(value);
    if !(here || file) {
        return None;
    }
    value.rsplit(['/', '\\']).next().filter(|n| !n.is_empty())
}

/// For a web address (`https://x.example/logo.png`, `//cdn/x.woff2`), the
/// file's name at its end, to save it under.
fn web_address(value: &str) -> Option<&str> {
    let rest = value
        .split_once("://")
        .map(|(_, r)| r)
        .or_else(|| value.strip_prefix("//"))?;
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    path.rsplit('/')
        .next()
        .filter(|n| !n.is_empty() && !rest.starts_with(n))
}

/// A file of the site `file` may mean: written from a folder (`./`,
/// `../`) or under content/, or a letter or its extension off
/// (`images/Logo.svg`, `images/logo.png` for `images/logo.svg`).
fn meant_file<'a>(file: &str, outputs: &HashSet<&'a str>) -> Option<&'a str> {
    let bare = file.trim_start_matches(['.', '/']);
    let bare = bare.strip_prefix("content/").unwrap_or(bare);
    if let Some(found) = outputs.get(bare) {
        return Some(found);
    }
    let stem = |p: &str| p.rsplit_once('.').map_or(p, |(s, _)| s).to_lowercase();
    let same_stem: Vec<&'a str> = outputs
        .iter()
        .copied()
        .filter(|o| stem(o) == stem(bare))
        .collect();
    if let [only] = same_stem[..] {
        return Some(only);
    }
    crate::suggest::closest(
        bare,
        outputs
            .iter()
            .copied()
            .filter(|o| o.contains('.') && !o.ends_with(".html")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_computer_gives_its_file_name() {
        assert_eq!(
            on_this_computer("C:\\Users\\anna\\logo.png"),
            Some("logo.png")
        );
        assert_eq!(on_this_computer("d:/brand/logo.svg"), Some("logo.svg"));
        assert_eq!(
            on_this_computer("file:///C:/brand/logo.svg"),
            Some("logo.svg")
        );
        assert_eq!(on_this_computer("images/logo.svg"), None);
        assert_eq!(on_this_computer("https://example.com/logo.svg"), None);
    }

    #[test]
    fn a_light_colour_fails_with_its_ratio() {
        let (message, hint) = contrast_problem("primary", Rgb::parse("#7fb3d5").unwrap()).unwrap();
        assert!(
            message.contains("#7fb3d5 has a contrast ratio of 2.19:1 with the page background"),
            "{message}"
        );
        assert!(hint.contains("would pass"), "{hint}");
    }

    #[test]
    fn the_default_colours_pass() {
        assert!(contrast_problem("primary", crate::render::brand::DEFAULT_PRIMARY).is_none());
        assert!(contrast_problem("accent", crate::render::brand::DEFAULT_ACCENT).is_none());
    }
}
