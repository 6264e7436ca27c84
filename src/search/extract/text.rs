//! Whitespace in the text a page shows, as a browser collapses it: what
//! a section keeps for its snippet and its title.

/// Text collapsed while scanning, without its trailing space.
pub(super) fn trimmed(mut text: String) -> String {
    if text.ends_with(' ') {
        text.pop();
    }
    text
}

/// Whitespace runs become one space; no space at the ends.
pub(super) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_collapsed(&mut out, text);
    out.trim_end().to_string()
}

/// Appends `text` with each run of whitespace as one space, and none at the
/// start. Only ASCII whitespace, as in HTML: a no-break space stays.
pub(super) fn push_collapsed(out: &mut String, text: &str) {
    push_collapsed_until(out, text, usize::MAX);
}

/// As [`push_collapsed`], stopping once `out` is longer than `limit`: what
/// is pushed is then the start of what the whole text would have given.
pub(super) fn push_collapsed_until(out: &mut String, text: &str, limit: usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && out.len() <= limit {
        if bytes[i].is_ascii_whitespace() {
            space(out);
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            continue;
        }
        // Words with one space between them are copied as they are, at once.
        let start = i;
        loop {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let lone_space = bytes.get(i) == Some(&b' ')
                && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
            if !lone_space || out.len() + (i - start) > limit {
                break;
            }
            i += 1;
        }
        // ASCII whitespace never falls inside a UTF-8 sequence: both ends are boundaries.
        out.push_str(&text[start..i]);
    }
}

/// One space, unless the text is empty or already ends with one.
pub(super) fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}
