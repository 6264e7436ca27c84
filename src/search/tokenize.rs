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

/// Rules 2 to 4 for one letter of lower-case, decomposed text.
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
#[cfg(test)]
pub fn tokens(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut words = Words::default();
    let mut add = |w: Word| found.push(String::from_utf8_lossy(w.bytes).into_owned());
    words.feed(text, &mut add);
    words.end(&mut add);
    found
}

/// A term as the tokenizer gives it.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    /// UTF-8: whole characters, never a NUL.
    pub bytes: &'a [u8],
    /// The first eight bytes, little-endian, zero past the end: for terms
    /// of up to eight bytes, a key that names them.
    pub key: u64,
}

/// What each byte becomes: an ASCII letter or digit its lower-case self
/// (all at least `b'0'`), anything else one of the codes below it.
const SEPARATOR: u8 = 0;
const APOSTROPHE: u8 = 1;
const WIDE: u8 = 2; // part of a character past ASCII

const MAP: [u8; 256] = {
    let mut map = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        map[b] = match b as u8 {
            c @ (b'a'..=b'z' | b'0'..=b'9') => c,
            c @ b'A'..=b'Z' => c | 0x20,
            b'\'' => APOSTROPHE,
            _ => SEPARATOR,
        };
        b += 1;
    }
    map
};

/// The first eight bytes of `word`, little-endian, zero past its end
/// (without a call to copy memory: most words are short).
fn key(word: &[u8]) -> u64 {
    match word.first_chunk::<8>() {
        Some(first) => u64::from_le_bytes(*first),
        None => word
            .iter()
            .rev()
            .fold(0, |key, &b| (key << 8) | u64::from(b)),
    }
}

/// All six rules, applied to text as it streams in: a page's text arrives
/// in pieces (between tags), and a word may go on from one piece to the
/// next. Folding letter by letter is what makes this the same as folding
/// the whole text first.
#[derive(Debug, Default)]
pub struct Words {
    word: Vec<u8>,
    /// The length of `word` in characters.
    chars: usize,
    scratch: String,
}

impl Words {
    /// Reads `text`, calling `found` with each term it completes.
    pub fn feed(&mut self, text: &str, found: &mut impl FnMut(Word)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII letters and digits, added at once.
            let rest = &bytes[i..];
            let len = rest
                .iter()
                .position(|&b| MAP[b as usize] < b'0')
                .unwrap_or(rest.len());
            if len > 0 {
                // A word past the longest kept is never a term: its letters
                // are counted, not stored.
                let room = (MAX_LEN + 1).saturating_sub(self.chars).min(len);
                self.word
                    .extend(rest[..room].iter().map(|&b| MAP[b as usize]));
                self.chars += len;
                i += len;
                continue;
            }
            match MAP[bytes[i] as usize] {
                SEPARATOR => self.end(found),
                APOSTROPHE => {}
                _ => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    self.letter(c, found);
                    i += c.len_utf8();
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Folds one letter that is not ASCII and adds what it becomes.
    fn letter(&mut self, c: char, found: &mut impl FnMut(Word)) {
        let mut folded = std::mem::take(&mut self.scratch);
        folded.clear();
        for lower in c.to_lowercase() {
            for d in std::iter::once(lower).nfd() {
                fold_letter(d, &mut folded);
            }
        }
        for f in folded.chars() {
            if f.is_alphanumeric() {
                let mut buf = [0; 4];
                if self.chars <= MAX_LEN {
                    self.word
                        .extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                }
                self.chars += 1;
            } else {
                self.end(found);
            }
        }
        self.scratch = folded;
    }

    /// Ends the word being read, if any: text that follows starts a new one.
    pub fn end(&mut self, found: &mut impl FnMut(Word)) {
        if (MIN_LEN..=MAX_LEN).contains(&self.chars) {
            found(Word {
                bytes: &self.word,
                key: key(&self.word),
            });
        }
        self.word.clear();
        self.chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_too_long_to_be_a_term_is_counted_not_kept() {
        let mut words = Words::default();
        let mut found = Vec::new();
        let text = format!("ok {} ÿes{} fine", "x".repeat(100_000), "ż".repeat(50_000));
        words.feed(&text, &mut |w| {
            found.push(String::from_utf8_lossy(w.bytes).into_owned())
        });
        words.end(&mut |w| found.push(String::from_utf8_lossy(w.bytes).into_owned()));
        assert_eq!(found, ["ok", "fine"]);
        assert!(words.word.capacity() <= 256, "{}", words.word.capacity());
    }

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
