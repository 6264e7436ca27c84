//! The first part of a build: the site loaded and every check that needs
//! no rendered page (outputs that collide, UI strings and translations,
//! the theme's templates, the brand's files, the navigation), with each
//! finding kept as an error or a warning by its own severity.

use super::{one, source_text, with_warnings};
use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n;
use crate::load;
use crate::model::Site;
use crate::render;
use crate::theme::Theme;
use std::collections::HashSet;
use std::path::Path;

/// A loaded and checked site, ready to render.
pub(super) struct Prepared {
    pub(super) site: Site,
    pub(super) theme: Theme,
    pub(super) assets: Vec<(String, crate::render::Bytes)>,
    pub(super) warnings: Diagnostics,
}

/// Gives the site and each of its translations its language's UI strings;
/// returns the warnings about missing ones, and a warning for each page
/// that a language lacks.
fn load_strings(root: &Path, theme: &Theme, site: &mut Site) -> Vec<Diagnostic> {
    let (strings, mut diags) = i18n::load(root, theme, &site.config.language);
    diags.extend(i18n::unread_files(root, &site.config.all_languages()));
    site.strings = std::sync::Arc::new(strings);
    let default_pages = render::pages_of(site);
    let mut translated = Vec::with_capacity(site.translations.len());
    for t in &mut site.translations {
        let (strings, more) = i18n::load(root, theme, &t.config.language);
        diags.extend(more);
        // The language's name in alsite's messages, which are in English.
        let name = crate::load::language_codes::english_name(&t.config.language);
        t.strings = std::sync::Arc::new(strings);
        let pages = render::pages_of(t);
        diags.extend(check::missing_translations(
            &default_pages,
            &pages,
            &t.config.language,
            &name,
        ));
        diags.extend(check::orphan_translations(
            &default_pages,
            &pages,
            &t.config.language,
            &name,
        ));
        translated.push(pages);
    }
    let texts = source_text(root, site);
    for (t, pages) in site.translations.iter().zip(&translated) {
        diags.extend(check::moved_translations(
            &default_pages,
            pages,
            &t.config.language,
            &texts,
        ));
    }
    // Every language reads the English files too: report their problems once.
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert((d.file.clone(), d.line, d.column, d.message.clone())));
    diags
}

/// Loads and checks everything that can be checked before rendering.
pub(super) fn prepare(root: &Path) -> Result<Prepared, Diagnostics> {
    let (mut site, mut warnings) = load::load_site(root)?;
    let theme = Theme::open(root, &site.config.theme).map_err(|d| {
        let text = check::site_yaml(&site);
        let (line, column) = load::yaml::locate_value(text, &[load::yaml::Seg::Key("theme")]);
        one(d.at(line, column))
    })?;
    let unreadable = crate::theme::unreadable_files(root, &theme);
    if !unreadable.is_empty() {
        return Err(Diagnostics(unreadable));
    }
    warnings.0.extend(check::check_base_template(&theme));
    warnings.0.extend(check::check_launch_template(&theme));
    let blocks = check::check_template_blocks(&theme);
    if !blocks.is_empty() {
        return Err(Diagnostics(blocks));
    }
    // Generated pages first, so a copied file that collides is the one reported.
    let mut planned = render::planned_pages(&site);
    planned.extend(
        site.assets
            .iter()
            .map(|(src, out)| (out.clone(), src.clone())),
    );
    // What the checks find, errors and warnings alike, sorted by severity
    // at the end.
    let mut found = check::duplicate_outputs(&planned, &source_text(root, &site));
    found.extend(load_strings(root, &theme, &mut site));
    let statics = render::statics::Statics::new(&theme, &site.config).files;
    found.extend(check::replaced_theme_files(
        &statics,
        &site.assets,
        &site.config.theme,
    ));
    found.extend(check::files_in_search_folder(
        &site.assets,
        site.config.search,
    ));
    found.extend(check::files_in_preview_folder(&site.assets));
    let outputs: HashSet<&str> = planned
        .iter()
        .map(|(p, _)| p.as_str())
        .chain(statics.iter().map(|(p, _)| p.as_str()))
        .collect();
    found.extend(check::home_page(&site));
    found.extend(check::check_brand(&site, &outputs));
    found.extend(check::check_organization(&site));
    found.extend(check::check_nav(&site, &outputs));
    found.extend(check::check_every_language(&site, &theme));
    let mut assets = Vec::with_capacity(site.assets.len());
    for (source, out) in &site.assets {
        match load::read_shared(root, source) {
            Ok(bytes) => assets.push((out.clone(), bytes)),
            Err(e) => found.push(
                Diagnostic::error(
                    source,
                    format!("cannot read file: {}", crate::diagnostic::io_words(&e)),
                )
                .hint(crate::diagnostic::read_hint(&e)),
            ),
        }
    }
    // The checks read a few of the files (the brand's), by path.
    let copied: Vec<(&str, &[u8])> = assets
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let shipped: Vec<(&str, &[u8])> = statics
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    found.extend(check::check_font_files(&site, &copied, &shipped));
    found.extend(check::check_unused_fonts(&site, &statics));
    found.extend(check::check_picture_files(&site, &copied, &shipped));
    found.extend(check::check_font_letters(&site, &[&copied, &shipped]));
    let (errors, more): (Vec<_>, Vec<_>) = found.into_iter().partition(Diagnostic::is_error);
    let errors = Diagnostics(errors);
    warnings.0.extend(more);
    if errors.has_errors() {
        return Err(with_warnings(errors, &warnings));
    }
    warnings.sort();
    // Shared (see `load::read_shared`): a build that renders twice (see
    // `build::index`) does not copy a gigabyte video to do so, nor does a
    // rebuild in `serve` while the last build's copy is served.
    Ok(Prepared {
        site,
        theme,
        assets,
        warnings,
    })
}
