//! Text YAML does not read as text, found from the parser's error: a value
//! that starts with a sign YAML keeps for itself, a colon inside a text, a
//! `key:value` with no space, a text in curly quotes with a `: ` or a
//! comma inside. The error then names that, at the value, and
//! the hint writes the line back as it should be.

use super::{colons, curly, quoting};

/// Where the text to fix is, what is wrong with it, and the line fixed.
pub struct Misread {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// `places`: the positions the parser named, the last the error's own
/// (where it noticed the problem may be the value's line, where the
/// construct it was reading began another). `raw`: its message without
/// positions; `message` and `hint`: as explained so far.
pub fn misread_text(
    text: &str,
    places: &[(usize, usize)],
    raw: &str,
    message: &str,
    hint: Option<&str>,
) -> Option<Misread> {
    let syntax = message.starts_with("YAML syntax error");
    let found_list = message.ends_with("found a list");
    let found_mapping = message.ends_with("found a mapping");
    let text_wanted = hint == Some("expected a text") && (found_list || found_mapping);
    let at = |(line, (column, message, hint)): (usize, (usize, String, String))| Misread {
        line,
        column,
        message,
        hint,
    };
    let sign = (text_wanted || syntax)
        .then(|| {
            places.iter().find_map(|&(l, c)| {
                quoting::reserved_start(text, l, c, text_wanted).map(|found| (l, found))
            })
        })
        .flatten();
    let colon_syntax = ["mapping values are not allowed", "expected ',' or '}'"];
    let colon = (text_wanted && found_mapping || colon_syntax.iter().any(|p| raw.contains(p)))
        .then(|| first_line(places, |l| colons::colon_in_text(text, l)))
        .flatten();
    let squeezed = (syntax || message.contains("found the text"))
        .then(|| first_line(places, |l| colons::no_space_after_colon(text, l)))
        .flatten();
    // A text in curly quotes with a `: ` or a comma inside is misread
    // whatever the parser made of it: an unknown field, a syntax error.
    let curly = first_line(places, |l| curly::misread(text, l));
    let inside = syntax
        .then(|| first_line(places, |l| quoting::quotes_inside(text, l)))
        .flatten();
    curly.or(inside).or(sign).or(colon).or(squeezed).map(at)
}

type Found = (usize, String, String);

/// The first of the places' lines where `find` finds something.
fn first_line(
    places: &[(usize, usize)],
    find: impl Fn(usize) -> Option<Found>,
) -> Option<(usize, Found)> {
    places
        .iter()
        .find_map(|&(l, _)| find(l).map(|found| (l, found)))
}
