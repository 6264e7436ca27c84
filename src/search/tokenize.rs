//! The tokenizer: how text becomes search terms. `static/search.js` runs the
//! same rules on what a reader types; `tests/search-tokens.json` holds the
//! cases both are tested against, so the two cannot drift apart.
//!
//! The rules, in order:
//! 1. lower-case (Unicode default case mapping);
//! 2. decompose (NFD) and drop combining marks, so "źródło" is "zrodlo";
//! 3. fold the letters that do not decompose: ł→l, ø→o, đ→d, ð→d, ħ→h,
//!    ı→i, ŀ→l, ŧ→t, ß→ss, æ→ae, œ→oe, þ→th, ς→σ;
//! 4. drop apostrophes (' ’ ʼ), so "don't" is "dont";
//! 5. split on anything that is not a letter or a digit (Unicode Alphabetic
//!    or Numeric);
//! 6. keep words of 2 to 40 characters.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

pub const MIN_LEN: usize = 2;
pub const MAX_LEN: usize = 40;

/// The folded form of `text`: rules 1 to 4, word separators kept. Letter by
/// letter, which gives what folding the whole text would: the combining
/// marks that NFD might reorder are all dropped, and a final sigma (the one
/// letter whose lower case depends on its neighbours) folds to σ either way.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        let mut out = text.to_ascii_lowercase();
        out.retain(|c| c != '\'');
        return out;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c != '\'' {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for lower in c.to_lowercase() {
            for d in std::iter::once(lower).nfd() {
                fold_letter(d, &mut out);
            }
        }
    }
    out
}

fn fold_letter(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match c {
        'ł' | 'ŀ' => out.push('l'),
        'ø' => out.push('o'),
        'đ' | 'ð' => out.push('d'),
        'ħ' => out.push('h'),
        'ı' => out.push('i'),
        'ŧ' => out.push('t'),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'þ' => out.push_str("th"),
        'ς' => out.push('σ'),
        '’' | 'ʼ' => {}
        c => out.push(c),
    }
}

/// The search terms of `text`, in order, repeats kept.
pub fn tokens(text: &str) -> Vec<String> {
    words(&fold(text)).map(str::to_string).collect()
}

/// The words of folded text that are terms (rules 5 and 6).
pub fn words(folded: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    let keep = |w: &&str| {
        let n = if w.is_ascii() {
            w.len()
        } else {
            w.chars().count()
        };
        (MIN_LEN..=MAX_LEN).contains(&n)
    };
    if folded.is_ascii() {
        // Byte by byte: the same split for ASCII text, without decoding.
        Box::new(
            folded
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(keep),
        )
    } else {
        Box::new(folded.split(|c: char| !c.is_alphanumeric()).filter(keep))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases `static/search.js` is tested against too (tests/browser/search-tokens.test.js).
    #[test]
    fn shared_token_cases() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/search-tokens.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() >= 10);
        for case in cases {
            let input = case["text"].as_str().unwrap();
            let want: Vec<&str> = case["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect();
            assert_eq!(tokens(input), want, "tokens of {input:?}");
        }
    }
}
