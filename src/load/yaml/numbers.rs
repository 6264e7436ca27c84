//! A number written in a form YAML reads, but not as a trainer means it:
//! `0x2d` is hexadecimal to YAML (45), `0o55` octal (45), `0b101` binary
//! (5), `+45` is 45 without its sign (a text such as `+48600100200` loses
//! it), `4.5e1` is 45.0. alsite's numbers (minutes, a percentage) are
//! written in plain digits, so each of these is an error at the value that
//! says what YAML made of it, with the number in digits and the text in
//! quotes to choose from.

/// A value written in one of those forms, and where.
pub(super) struct OddNumber<'t> {
    /// 1-based column of the value on its line.
    pub column: usize,
    pub key: Option<&'t str>,
    pub written: &'t str,
}

/// The first odd number on `line`, whose key and dashes are `lead` and
/// whose plain value is `value` (outside a block text): the whole value,
/// or an item of a one-line list or mapping (`{ minutes: 0x2d }`).
pub(super) fn on_line<'t>(line: &'t str, lead: &'t str, value: &'t str) -> Option<OddNumber<'t>> {
    let at = |offset: usize| line[..lead.len() + offset].chars().count() + 1;
    if !value.starts_with(['[', '{']) {
        if !may_be_a_number(value) {
            return None;
        }
        let written = value.split(" #").next().unwrap_or(value).trim_end();
        return reading(written).map(|_| OddNumber {
            column: at(0),
            key: lead
                .trim()
                .trim_start_matches("- ")
                .trim()
                .strip_suffix(':')
                .map(str::trim),
            written,
        });
    }
    flow_values(value)
        .into_iter()
        .find_map(|(offset, key, written)| {
            reading(written).map(|_| OddNumber {
                column: at(offset),
                key,
                written,
            })
        })
}

/// The plain values of a one-line list or mapping: each one's offset in
/// `value`, its key (in a mapping) and its text. Quoted values, and
/// nested lists and mappings, are left out.
fn flow_values(value: &str) -> Vec<(usize, Option<&str>, &str)> {
    let mut found = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{' | ',' | ']' | '}') => {
                found.extend(item(value, start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    found
}

/// The item of a one-line list or mapping between `start` and `end`.
fn item(value: &str, start: usize, end: usize) -> Option<(usize, Option<&str>, &str)> {
    let text = &value[start..end];
    let (key, rest, offset) = match text.split_once(": ") {
        Some((k, v)) => (Some(k.trim()), v, start + k.len() + 2),
        None => (None, text, start),
    };
    let written = rest.trim();
    let lead = rest.len() - rest.trim_start().len();
    (!written.is_empty()).then_some((offset + lead, key, written))
}

/// Whether `value` starts as every number does: most values are texts,
/// passed over at once.
fn may_be_a_number(value: &str) -> bool {
    value.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
}

/// What YAML reads `written` as, when it is a number not in plain digits:
/// the form's name and the value, in digits.
pub(super) fn reading(written: &str) -> Option<(&'static str, String)> {
    if !may_be_a_number(written) {
        return None;
    }
    let (sign, digits) = match written.strip_prefix(['+', '-']) {
        Some(rest) => (&written[..1], rest),
        None => ("", written),
    };
    let minus = if sign == "-" { "-" } else { "" };
    for (prefix, radix, name) in [
        ("0x", 16, "a hexadecimal number"),
        ("0o", 8, "an octal number"),
        ("0b", 2, "a binary number"),
    ] {
        if let Some(n) = digits
            .strip_prefix(prefix)
            .and_then(|d| u128::from_str_radix(d, radix).ok())
        {
            return Some((name, format!("{minus}{n}")));
        }
    }
    let plain = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    if sign == "+" && plain(digits) {
        let n: u128 = digits.parse().ok()?;
        return Some(("a number without its sign", n.to_string()));
    }
    let (mantissa, exponent) = digits.split_once(['e', 'E'])?;
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let mantissa_ok = mantissa.split_once('.').map_or(plain(mantissa), |(a, b)| {
        (plain(a) || a.is_empty()) && (plain(b) || b.is_empty()) && !(a.is_empty() && b.is_empty())
    });
    let n: f64 = written.parse().ok()?;
    (mantissa_ok && plain(exponent)).then(|| ("a number with an exponent", format!("{n}")))
}

/// The keys whose values are numbers: lengths of time in minutes
/// (sessions, stages, workshop items, modules) and site.yaml's SCORM
/// `mastery_score`, a percentage. Any other value is a text.
const NUMBER_KEYS: &[&str] = &["minutes", "mastery_score"];

/// The message and hint for an odd number: for a number's key, the number
/// in digits; for a text's, the text in quotes.
pub(super) fn explain(odd: &OddNumber) -> (String, String) {
    let (form, n) = reading(odd.written).unwrap_or(("a number", String::new()));
    let w = odd.written;
    let message = format!("YAML reads `{w}` as {form}, {n}, not as it is written");
    let hint = match odd.key {
        Some(key @ "minutes") => format!("write whole minutes in plain digits: `{key}: {n}`"),
        Some(key) if NUMBER_KEYS.contains(&key) => {
            format!("write the number in plain digits: `{key}: {n}`")
        }
        Some(key) => format!("put the text in quotes, and YAML keeps it as written: `{key}: \"{w}\"`"),
        None => format!("put a text in quotes, and YAML keeps it as written (`\"{w}\"`); write a number in plain digits (`{n}`)"),
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd(line: &str) -> Option<(usize, Option<&str>, &str)> {
        let (lead, value) = super::super::quoting::split_value(line)?;
        on_line(line, lead, value).map(|o| (o.column, o.key, o.written))
    }

    #[test]
    fn reads_the_forms_yaml_takes_for_numbers() {
        assert_eq!(reading("0x2d"), Some(("a hexadecimal number", "45".into())));
        assert_eq!(reading("0o55"), Some(("an octal number", "45".into())));
        assert_eq!(reading("0b101"), Some(("a binary number", "5".into())));
        assert_eq!(reading("-0x10").unwrap().1, "-16");
        assert_eq!(
            reading("+45"),
            Some(("a number without its sign", "45".into()))
        );
        assert_eq!(
            reading("4.5e1"),
            Some(("a number with an exponent", "45".into()))
        );
        assert_eq!(reading("1E3").unwrap().1, "1000");
        for plain in [
            "45", "045", "45.0", "-3", "0x", "0xzz", "+", "e5", "+45 min", "1_0",
        ] {
            assert_eq!(reading(plain), None, "{plain}");
        }
    }

    #[test]
    fn finds_them_as_values_and_in_one_line_mappings() {
        assert_eq!(odd("minutes: 0x2d"), Some((10, Some("minutes"), "0x2d")));
        assert_eq!(
            odd("  - minutes: +45 # coffee"),
            Some((14, Some("minutes"), "+45"))
        );
        assert_eq!(
            odd("  - { break: Coffee, minutes: 0o55 }"),
            Some((31, Some("minutes"), "0o55"))
        );
        assert_eq!(odd("- [1, 0b11]"), Some((7, None, "0b11")));
        assert_eq!(
            odd("phone: +48600100200"),
            Some((8, Some("phone"), "+48600100200"))
        );
        for fine in [
            "minutes: 45",
            "title: \"0x2d\"",
            "title: +45 more",
            "x: { a: '+1' }",
            "- 1e",
        ] {
            assert_eq!(odd(fine), None, "{fine}");
        }
    }
}
