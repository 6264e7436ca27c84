//! A site's own `base.html`, copied from an older alsite: each page kind's
//! scripts and the layout read things the built-in `base.html` puts in
//! every page. Without them the site still builds, and a practice set's
//! Check button, the session player, timers and search stop with a script
//! error, or the parts no longer line up: a warning says what to add. So
//! for a SCORM package's own launch page (`scorm-launch.html`) without
//! `static/lms.js`, which connects the course to the platform.

use crate::diagnostic::Diagnostic;
use crate::theme::Theme;

/// What the built-in pages need from `base.html`: what to look for in its
/// text, what it is, what goes wrong without it, and the line that gives it.
const NEEDS: &[(&str, &str, &str, &str)] = &[
    (
        "script_strings",
        "the words of the page scripts",
        SCRIPT_ERROR,
        r#"<script type="application/json" id="alsite-i18n">{{ script_strings }}</script>"#,
    ),
    (
        "static/i18n.js",
        "the script that reads them",
        SCRIPT_ERROR,
        r#"<script src="{{ url('static/i18n.js') }}"></script>"#,
    ),
    (
        "static/activities.css",
        "the stylesheet of practice sets, sessions and workshops",
        "practice sets, demo sessions and workshops lose their look",
        r#"<link rel="stylesheet" href="{{ url('static/activities.css') }}">"#,
    ),
    (
        "static/layout.css",
        "the stylesheet that lines the parts up",
        "contact details, buttons and schedules no longer line up",
        r#"<link rel="stylesheet" href="{{ url('static/layout.css') }}">"#,
    ),
];

const SCRIPT_ERROR: &str =
    "practice checks, the session player, timers and search stop with a script error";

/// A warning for the site's own `base.html` when it lacks any of [`NEEDS`].
pub fn check_base_template(theme: &Theme) -> Option<Diagnostic> {
    let text = theme.own_template("base.html")?;
    let missing: Vec<_> = NEEDS
        .iter()
        .filter(|(needle, ..)| !text.contains(needle))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let what: Vec<&str> = missing.iter().map(|n| n.1).collect();
    let mut effects: Vec<&str> = missing.iter().map(|n| n.2).collect();
    effects.dedup();
    let lines: Vec<&str> = missing.iter().map(|n| n.3).collect();
    Some(
        Diagnostic::warning(
            theme.template_path("base.html"),
            format!(
                "this base.html, likely copied from an older alsite, leaves out {}: {}",
                what.join(", "),
                effects.join("; ")
            ),
        )
        .hint(format!(
            "add to its <head>, after the theme's stylesheet: {} (or copy base.html anew from alsite's themes/default/templates/ and make your changes again)",
            lines.join(" ")
        )),
    )
}

/// The line the launch page of a SCORM package needs, after progress.js's.
const LMS_SCRIPT: &str = r#"<script src="{{ url('static/lms.js') }}"></script>"#;

/// A warning for the site's own `scorm-launch.html` when it lacks
/// `static/lms.js`: a package made with it records nothing in the platform.
pub fn check_launch_template(theme: &Theme) -> Option<Diagnostic> {
    let text = theme.own_template("scorm-launch.html")?;
    // A part it includes may hold the line: it cannot be told from here.
    if text.contains("static/lms.js") || text.contains("include") {
        return None;
    }
    Some(
        Diagnostic::warning(
            theme.template_path("scorm-launch.html"),
            "this scorm-launch.html, likely copied from an older alsite, leaves out the script that connects a SCORM package to the learning platform: the platform would record nothing of the course".to_string(),
        )
        .hint(format!(
            "add to its <head>, after the line with static/progress.js: {LMS_SCRIPT} (or copy scorm-launch.html anew from alsite's themes/default/templates/ and make your changes again)"
        )),
    )
}
