//! A module's activities' links to practice sets and sessions: one link
//! an activity, to a set or session that exists (in the module's language
//! or the original), with the hint that names the one meant.

use super::{folded, locate_front, locate_front_value};
use crate::diagnostic::Diagnostic;
use crate::load::yaml::Seg;
use crate::model::*;

/// An error when activity `i` links (`key`: `practice` or `session`) a
/// practice set or session `t` that neither the module's language nor the
/// original has: a translation may link one not translated yet.
pub(super) fn missing_link(
    (site, original): (&Site, &Site),
    m: &Module,
    mtext: &str,
    i: usize,
    key: &str,
    t: &str,
) -> Option<Diagnostic> {
    // Whether `name` is a practice set (`kind` "practice") or a session.
    let has = |kind: &str, name: &str| match kind {
        "practice" => site
            .practice_set(name)
            .or_else(|| original.practice_set(name))
            .is_some(),
        _ => site
            .session(name)
            .or_else(|| original.session(name))
            .is_some(),
    };
    let exists = has(key, t);
    if exists {
        return None;
    }
    // The name of the other kind: `session: open-questions`, a practice set.
    let (other, other_noun) = match key {
        "practice" => ("session", "demo session"),
        _ => ("practice", "practice set"),
    };
    let is_other = has(other, t);
    // Listed only for the error: every set or session of either language,
    // with its title.
    let both = [site, original];
    let (mut known, folder, noun): (Vec<(&str, &str)>, _, _) = match key {
        "practice" => (
            both.iter()
                .flat_map(|s| &s.practice)
                .map(|d| (d.slug.as_str(), d.data.title.as_str()))
                .collect(),
            "content/practice/",
            "practice set",
        ),
        _ => (
            both.iter()
                .flat_map(|s| &s.sessions)
                .map(|d| (d.slug.as_str(), d.data.title.as_str()))
                .collect(),
            "content/sessions/",
            "session",
        ),
    };
    known.sort();
    known.dedup_by_key(|k| k.0);
    let (l, c) = locate_front_value(
        mtext,
        &[Seg::Key("activities"), Seg::Index(i), Seg::Key(key)],
    );
    let hint = if is_other {
        format!("`{t}` is a {other_noun}: link it with `{other}: {t}`")
    } else if known.is_empty() {
        format!("add {folder}{t}.yaml")
    } else {
        let slugs: Vec<&str> = known.iter().map(|k| k.0).collect();
        format!(
            "{}{noun}s in {folder}: {}",
            meant_link(t, key, folder, &known),
            slugs.join(", ")
        )
    };
    let title = &m.front.activities[i].title;
    Some(
        Diagnostic::error(
            &m.source,
            format!("activity `{title}` links {noun} `{t}`, which does not exist"),
        )
        .at(l, c)
        .hint(hint),
    )
}

/// "did you mean …? " for an activity's `practice:` or `session:` (`key`)
/// written as the set's or session's title, as its file's path
/// (`practice/x.yaml`), or a letter or two off its name; `known` holds
/// each one's name and title.
fn meant_link(t: &str, key: &str, folder: &str, known: &[(&str, &str)]) -> String {
    if let Some((slug, _)) = known.iter().find(|(_, title)| folded(title) == folded(t)) {
        return format!("`{t}` is the title of `{slug}`: write its file's name, `{key}: {slug}`; ");
    }
    let bare = t.trim_start_matches('/').trim_start_matches("content/");
    let bare = bare
        .strip_prefix(folder.trim_start_matches("content/"))
        .unwrap_or(bare);
    let bare = [".yaml", ".yml"]
        .iter()
        .find_map(|e| bare.strip_suffix(e))
        .unwrap_or(bare);
    if bare != t && known.iter().any(|(slug, _)| *slug == bare) {
        return format!(
            "write the file's name alone, without its folder or `.yaml`: `{key}: {bare}`; "
        );
    }
    crate::suggest::did_you_mean(t, known.iter().map(|k| k.0))
}

/// An activity with both `practice:` and `session:`: it links one.
pub(super) fn two_links(m: &Module, text: &str, i: usize) -> Diagnostic {
    let a = &m.front.activities[i];
    let path = [Seg::Key("activities"), Seg::Index(i), Seg::Key("practice")];
    let (l, c) = locate_front(text, &path);
    Diagnostic::error(
        &m.source,
        format!("activity `{}` links both a session and a practice set", a.title),
    )
    .at(l, c)
    .hint("an activity links one of them: keep `session:` or `practice:`, or make it two activities and share its minutes between them")
}
