//! `components.yaml`'s labels in the cycle diagram: each must fit its
//! circle, or its letters (white, for the circle) run out onto the page,
//! where they cannot be seen.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate_value, Seg};
use crate::model::Site;
use crate::render::svg::{overlong_line, LABEL_WIDTH};

/// A warning for each component whose diagram label runs out of its circle.
pub fn check_components(site: &Site) -> Vec<Diagnostic> {
    let Some(doc) = &site.components else {
        return Vec::new();
    };
    let text = site.texts.get(&doc.source).map_or("", String::as_str);
    let mut diags = Vec::new();
    for (i, c) in doc.data.components.iter().enumerate() {
        let (field, label) = match &c.short {
            Some(short) => ("short", short.as_str()),
            None => ("name", c.name.as_str()),
        };
        let Some(line) = overlong_line(label) else {
            continue;
        };
        let path = [Seg::Key("components"), Seg::Index(i), Seg::Key(field)];
        let (l, col) = locate_value(text, &path);
        let hint = if field == "name" {
            "add a `short:` label of a few short words for the diagram (the page still shows `name`)"
        } else {
            "shorten `short:` to a few short words"
        };
        diags.push(
            Diagnostic::warning(
                &doc.source,
                format!("the diagram's label `{label}` runs out of its circle: “{line}” is longer than the {LABEL_WIDTH} characters a line of the circle holds"),
            )
            .at(l, col)
            .hint(format!("{hint}; a circle holds three lines of up to {LABEL_WIDTH} characters, and letters outside it do not show")),
        );
    }
    diags
}
