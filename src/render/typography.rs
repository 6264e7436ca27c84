//! Polish quotation marks and line breaking, which the browser does not
//! know. A straight double quote becomes „ where it opens a quotation and
//! ” where it closes one, as Polish prints them. Line breaking: a word of one
//! letter (a, i, o, u, w, z) never ends a line but goes on with the word
//! after it ("Action Learning w / praktyce" reads "Action Learning /
//! w praktyce"), and an abbreviation's ending stays with it ("HR-u", not
//! "HR-" / "u"). Applied to a built page's text: what the trainer wrote in
//! Markdown or YAML and the theme's own words alike. Code, preformatted
//! text, form fields and drawings are left as written.

use crate::html::{tokens, Token};
use std::borrow::Cow;

/// The no-break space that binds a one-letter word to the next.
const NBSP: &str = "\u{a0}";
/// The word joiner that keeps a hyphen's two sides on one line.
const WJ: &str = "\u{2060}";

/// `text` with a no-break space for each space inside an amount: between
/// a number's groups of digits (`1 200`) and between a number and the
/// short word of its currency after it (`200 zł`, `90 EUR`, `50 €`), so a
/// price never parts across two lines ("1 / 200 zł"). In every language.
pub fn bind_amounts(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' || i == 0 || !chars[i - 1].is_ascii_digit() {
            out.push(c);
            continue;
        }
        let next: String = chars[i + 1..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect();
        let word = next.trim_end_matches([',', '.', ';', ')']);
        let code = word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase());
        let sign = word.chars().count() == 1 && word.chars().all(|c| !c.is_alphanumeric());
        let currency = code || sign || ["zł", "zl", "kr", "Kč", "Ft", "lei"].contains(&word);
        let digits = next.starts_with(|c: char| c.is_ascii_digit());
        out.push(if digits || currency { '\u{a0}' } else { c });
    }
    out
}

/// Whether pages in `language` (a code such as "pl" or "pl-PL") follow
/// these rules.
pub fn applies_to(language: &str) -> bool {
    let main = language.split(['-', '_']).next().unwrap_or("");
    main.eq_ignore_ascii_case("pl")
}

/// `html` with the rules applied to its text; unchanged (borrowed) when
/// there was nothing to bind.
pub fn bind_polish(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    // Open elements whose text is kept as written.
    let mut kept = 0usize;
    let mut toks = tokens(html).peekable();
    // Whether the text comes right after a start tag, so that its first
    // letter starts a word ("<p>W praktyce"), not ends one ("</em>s").
    let mut after_start = false;
    // The last letter or sign of the text before, in this block.
    let mut before = None;
    while let Some(token) = toks.next() {
        let starts = after_start;
        after_start = matches!(token, Token::Start(_));
        let name = match &token {
            Token::Start(tag) => Some(tag.name),
            Token::End(name) => Some(*name),
            Token::Text(_) => None,
        };
        if name.is_some_and(|n| !is_inline(n)) {
            before = None;
        }
        match token {
            Token::Start(tag)
                if keeps_text(tag.name) && !tag.attributes.trim_end().ends_with('/') =>
            {
                kept += 1
            }
            Token::End(name) if keeps_text(name) => kept = kept.saturating_sub(1),
            Token::Text(text) if kept == 0 => {
                let inline_next = matches!(toks.peek(), Some(Token::Start(t)) if is_inline(t.name));
                let curled = curl_quotes(text, &mut before);
                let bound = bind_text(curled.as_deref().unwrap_or(text), starts, inline_next);
                if let Some(new) = bound.or(curled) {
                    let at = text.as_ptr() as usize - html.as_ptr() as usize;
                    out.push_str(&html[copied..at]);
                    out.push_str(&new);
                    copied = at + text.len();
                }
            }
            _ => {}
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The texts of a practice item's data that its script shows once an
/// answer is given (feedback and explanations, which are HTML, and model
/// answers, plain text), bound as the page's text is; the answers it
/// checks against are left as they are.
pub fn bind_shown(data: &mut serde_json::Value) {
    use serde_json::Value;
    match data {
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                match (key.as_str(), value) {
                    ("explain" | "feedback" | "reason", Value::String(html)) => {
                        if let Cow::Owned(bound) = bind_polish(html) {
                            *html = bound;
                        }
                    }
                    ("models", models @ Value::Array(_)) => bind_every_text(models),
                    (_, value @ (Value::Array(_) | Value::Object(_))) => bind_shown(value),
                    _ => {}
                }
            }
        }
        Value::Array(values) => values.iter_mut().for_each(bind_shown),
        _ => {}
    }
}

/// Every text in `value` (the UI strings the scripts show: "Wypowiedź 3
/// z 96"), plain text each, bound as the page's text is. No script
/// compares these strings with what a reader types. A script puts each
/// between other words (`practice.and`, " i ", joins "A i B"), so a
/// one-letter word at a text's end goes on with what comes after it too.
pub fn bind_every_text(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            if let Some(curled) = curl_quotes(text, &mut None) {
                *text = curled;
            }
            if let Some(bound) = bind_text(text, true, true) {
                *text = bound;
            }
        }
        Value::Array(values) => values.iter_mut().for_each(bind_every_text),
        Value::Object(fields) => fields.values_mut().for_each(bind_every_text),
        _ => {}
    }
}

fn keeps_text(name: &str) -> bool {
    ["pre", "code", "kbd", "samp", "textarea", "svg"]
        .iter()
        .any(|k| name.eq_ignore_ascii_case(k))
}

/// Elements that go on in the same line of text, so a one-letter word at
/// the end of the text before them binds to their first word.
fn is_inline(name: &str) -> bool {
    [
        "a", "em", "strong", "i", "b", "q", "span", "abbr", "mark", "cite", "dfn", "small",
    ]
    .iter()
    .any(|k| name.eq_ignore_ascii_case(k))
}

/// One text's words bound as the rules say; `None` when nothing changed.
/// `starts`: the text follows a start tag, so it starts with a word.
/// `inline_next`: the text is followed by an inline element, so a
/// one-letter word at its very end binds across the tag.
fn bind_text(text: &str, starts: bool, inline_next: bool) -> Option<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let starts_word = match i {
            0 => starts,
            // An apostrophe after a letter ends a word's stem, it opens no
            // quotation: the `a` of "pendrive'a" is an ending, not a word.
            1 if chars[0].1 == '\'' => starts,
            _ if chars[i - 1].1 == '\'' => !chars[i - 2].1.is_alphanumeric(),
            _ => opens_word(chars[i - 1].1),
        };
        if starts_word
            && is_one_letter_word(c)
            && chars
                .get(i + 1)
                .is_some_and(|&(_, s)| s.is_ascii_whitespace())
        {
            // The whitespace after it, up to the next word.
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_ascii_whitespace() {
                j += 1;
            }
            if j < chars.len() || inline_next {
                out.push(c);
                out.push_str(NBSP);
                changed = true;
                i = j;
                continue;
            }
        }
        // "5 minut", "1 200 zł", "1) zbierz": a number goes on with what
        // it counts, as a one-letter word does.
        if c.is_ascii_whitespace() && number_ends_at(&chars[..i]) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_ascii_whitespace() {
                j += 1;
            }
            let counted = match chars.get(j) {
                Some(&(_, n)) => counted_after(&chars[..i], &chars[j..], n),
                // What it counts is in the inline element after the text
                // ("5 <em>minut</em>").
                None => inline_next,
            };
            if counted {
                out.push_str(NBSP);
                changed = true;
                i = j;
                continue;
            }
        }
        // "HR-u", "SMS-a", "PDF-ie": an abbreviation in capitals, a hyphen
        // and an ending of at most three small letters are one word.
        if c == '-' && ends_abbreviation(&chars[..i]) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_lowercase() {
                j += 1;
            }
            let ending = j - (i + 1);
            if (1..=3).contains(&ending) && chars.get(j).is_none_or(|&(_, n)| !n.is_alphanumeric())
            {
                // A word joiner after the hyphen: no break there, and no
                // glyph a font might lack (a no-break hyphen is one).
                out.push('-');
                out.push_str(WJ);
                changed = true;
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// How a straight double quote is written in a page's text.
const STRAIGHT_QUOTES: [&str; 4] = ["&quot;", "&#34;", "&#x22;", "\""];

/// `text` (HTML) with its straight double quotes curled, „ where one opens
/// a quotation (at the start of a block, after a space, a bracket or a
/// dash) and ” elsewhere; `None` when it has none. `before` is the last
/// sign of the text before in the same block, `None` at its start; it is
/// left as the last sign of `text`.
fn curl_quotes(text: &str, before: &mut Option<char>) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find(['"', '&']) {
        let start = at + found;
        let Some(quote) = STRAIGHT_QUOTES
            .iter()
            .find(|q| text[start..].starts_with(**q))
        else {
            at = start + 1;
            continue;
        };
        let prev = text[..start].chars().next_back().or(*before);
        let opens = opens_quotation(prev);
        out.push_str(&text[copied..start]);
        out.push(if opens { '„' } else { '”' });
        at = start + quote.len();
        copied = at;
    }
    if let Some(last) = text.chars().next_back() {
        *before = Some(last);
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether `before` ends with a number that is a word of its own: digits,
/// perhaps with a decimal comma or point inside ("1,5") or a bracket after
/// ("1)"), after a space, an opening mark or the text's start.
fn number_ends_at(before: &[(usize, char)]) -> bool {
    let body = match before.last() {
        Some(&(_, ')')) => &before[..before.len() - 1],
        _ => before,
    };
    let word = body
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_ascii_digit() || c == ',' || c == '.')
        .count();
    let start = body.len() - word;
    let number = &body[start..];
    number.first().is_some_and(|&(_, c)| c.is_ascii_digit())
        && number.last().is_some_and(|&(_, c)| c.is_ascii_digit())
        && start.checked_sub(1).is_none_or(|p| opens_word(body[p].1))
}

/// Whether what starts with `next` (`rest`, the text from there on) is
/// what the number ending `before` counts: a word, a sign such as "%" or
/// "€", or the next group of its digits ("1 200", "150 000": three digits
/// after a group of one to three, so a year before a count, "2023 200",
/// stays apart).
fn counted_after(before: &[(usize, char)], rest: &[(usize, char)], next: char) -> bool {
    let digits = |s: &mut dyn Iterator<Item = &(usize, char)>| {
        s.take_while(|&&(_, c)| c.is_ascii_digit()).count()
    };
    if next.is_ascii_digit() {
        let first = digits(&mut before.iter().rev());
        let first_starts = before
            .len()
            .checked_sub(first + 1)
            .is_none_or(|p| opens_word(before[p].1));
        return (1..=3).contains(&first)
            && first_starts
            && digits(&mut rest.iter()) == 3
            && rest.get(3).is_none_or(|&(_, c)| !c.is_alphanumeric());
    }
    next.is_alphabetic() || matches!(next, '%' | '€' | '$' | '£')
}

fn is_one_letter_word(c: char) -> bool {
    matches!(
        c,
        'a' | 'i' | 'o' | 'u' | 'w' | 'z' | 'A' | 'I' | 'O' | 'U' | 'W' | 'Z'
    )
}

/// Whether a quote mark after `prev` (`None`: at the text's start) opens
/// a quotation: after a space, a bracket, a dash, a slash or an opening „.
fn opens_quotation(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{–—-/\u{a0}„".contains(c))
}

/// A character after which a word starts: a space, or an opening mark.
fn opens_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '„' | '"' | '«' | '»' | '‚' | '\'' | '–' | '—' | '\u{a0}'
        )
}

/// Whether the text before a hyphen ends with an abbreviation: two or more
/// capital letters (or digits) that start a word.
fn ends_abbreviation(before: &[(usize, char)]) -> bool {
    let caps = before
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_uppercase() || c.is_ascii_digit())
        .count();
    let start = before.len() - caps;
    caps >= 2
        && before[start..].iter().any(|&(_, c)| c.is_uppercase())
        && (start == 0 || opens_word(before[start - 1].1))
}

/// `text` as HTML for a `<q>`, with each quotation inside it (between „
/// and ” or “, between “ and ”, or between straight double quotes) in a
/// `<q>` of its own: the browser marks a quotation inside a quotation with
/// the language's inner marks (« » in Polish, ‘ ’ in English), not a second
/// pair of the outer ones („Kiedy mówisz «niskie zaangażowanie», co…”).
/// A quotation opens where a straight quote would become „ (see
/// [`opens_quotation`]), and closes before what is not a letter or digit: an inch mark
/// (`27" monitor`) is no quotation.
pub fn inner_quotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find(['„', '“', '"']) {
        let open = from + found;
        let mark = text[open..].chars().next().unwrap_or('"');
        let inside = open + mark.len_utf8();
        from = inside;
        if !opens_quotation(text[..open].chars().next_back()) {
            continue;
        }
        let Some((close, end)) = closing(text, inside, mark) else {
            continue;
        };
        out.push_str(&super::escape_html(&text[copied..open]));
        out.push_str("<q>");
        out.push_str(&super::escape_html(&text[inside..close]));
        out.push_str("</q>");
        (copied, from) = (end, end);
    }
    out.push_str(&super::escape_html(&text[copied..]));
    out
}

/// Where the quotation opened with `mark`, its text from `inside`, closes,
/// and where the text goes on after it; `None` when it does not close.
fn closing(text: &str, inside: usize, mark: char) -> Option<(usize, usize)> {
    let closes: &[char] = match mark {
        '„' => &['”', '“'],
        '“' => &['”'],
        _ => &['"'],
    };
    let mut at = inside;
    while let Some(found) = text[at..].find(closes) {
        let close = at + found;
        let end = close + text[close..].chars().next().map_or(1, char::len_utf8);
        let before = text[..close].chars().next_back();
        let after = text[end..].chars().next();
        // Right after the mark (`""`) or after a space, it opens another.
        if close == inside || before.is_some_and(char::is_whitespace) {
            return None;
        }
        if after.is_none_or(|c| !c.is_alphanumeric()) {
            return Some((close, end));
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests;
