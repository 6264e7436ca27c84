//! The tokenizer: how text becomes search terms. `static/search.js` runs the
//! same rules on what a reader types; `tests/search-tokens.json` holds the
//! cases both are tested against, so the two cannot drift apart.
//!
//! The rules, in order:
//! 1. lower-case (Unicode default case mapping);
//! 2. decompose (NFD) and drop combining marks, so "źródło" is "zrodlo";
//! 3. fold the letters that do not decompose: ł→l, ø→o, đ→d, ð→d, ħ→h,
//!    ı→i, ŀ→l, ŧ→t, ß→ss, æ→ae, œ→oe, þ→th, ς→σ, ґ→г (Ukrainians often
//!    type г for it);
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
        'ґ' => out.push('г'),
        '’' | 'ʼ' => {}
        c => out.push(c),
    }
}

/// What `fold` makes of one character, added to `out`.
fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        for d in std::iter::once(lower).nfd() {
            fold_letter(d, out);
        }
    }
}

/// `text` lower-cased with its letters folded as rules 1 to 3 have it (and
/// typographic apostrophes dropped), everything else kept: `Łódź` → `lodz`. How "did you mean" compares names, so a name
/// matches another as a search word would.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The search terms of `text`, in order, repeats kept.
#[cfg(test)]
pub fn tokens(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut words = Words::default();
    let mut add = |w: Word| found.push(w.text());
    words.feed(text, &mut add);
    words.end(&mut add);
    found
}

/// A term as the tokenizer gives it.
#[derive(Debug, Clone, Copy)]
pub enum Word<'a> {
    /// A term of up to sixteen bytes (nearly all): its UTF-8 bytes as two
    /// little-endian numbers, zero past the end, and how many there are.
    Short { key: [u64; 2], len: usize },
    /// A longer term, UTF-8.
    Long(&'a [u8]),
}

impl<'a> Word<'a> {
    /// The term `bytes` (UTF-8, never a NUL).
    pub fn new(bytes: &'a [u8]) -> Word<'a> {
        if bytes.len() > 16 {
            return Word::Long(bytes);
        }
        let mut first = [0; 16];
        first[..bytes.len()].copy_from_slice(bytes);
        Word::Short {
            key: key(&first),
            len: bytes.len(),
        }
    }

    /// Appends the term's bytes to `out`.
    pub fn push_to(&self, out: &mut Vec<u8>) {
        match *self {
            Word::Short { key: [a, b], len } => {
                let mut bytes = [0; 16];
                bytes[..8].copy_from_slice(&a.to_le_bytes());
                bytes[8..].copy_from_slice(&b.to_le_bytes());
                out.extend_from_slice(&bytes[..len]);
            }
            Word::Long(bytes) => out.extend_from_slice(bytes),
        }
    }

    /// The term as text.
    #[cfg(test)]
    fn text(&self) -> String {
        let mut bytes = Vec::new();
        self.push_to(&mut bytes);
        String::from_utf8(bytes).expect("terms are UTF-8")
    }
}

/// Sixteen bytes as two little-endian numbers: a short term's key.
fn key(first: &[u8; 16]) -> [u64; 2] {
    let (a, b) = first.split_at(8);
    let number = |half: &[u8]| u64::from_le_bytes(half.try_into().expect("eight bytes"));
    [number(a), number(b)]
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

fn is_ascii_word_byte(b: u8) -> bool {
    MAP[b as usize] >= b'0'
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
        if bytes.is_ascii() && memchr::memchr(b'\'', bytes).is_none() {
            self.feed_plain(bytes, found);
        } else {
            self.feed_any(text, found);
        }
    }

    /// Reads text of ASCII without apostrophes (most text, in English):
    /// every byte is a letter, a digit or a separator, so a word runs to
    /// the first separator, which [`word_end`] finds eight bytes at a time.
    fn feed_plain(&mut self, bytes: &[u8], found: &mut impl FnMut(Word)) {
        let len = bytes.len();
        let mut at = 0;
        if self.chars > 0 {
            // The word the last piece ended in goes on.
            at = word_end(bytes, 0);
            self.push_ascii(&bytes[..at]);
            if at == len {
                return;
            }
            self.end(found);
        }
        loop {
            while at < len && !is_ascii_word_byte(bytes[at]) {
                at += 1;
            }
            if at == len {
                return;
            }
            let end = word_end(bytes, at);
            if end == len {
                // It may go on in the next piece.
                self.push_ascii(&bytes[at..]);
                return;
            }
            whole_ascii_word(bytes, at, end, found);
            at = end + 1;
        }
    }

    /// Adds ASCII letters and digits to the word being read. A word past
    /// the longest kept is never a term: its letters are counted, not
    /// stored.
    fn push_ascii(&mut self, run: &[u8]) {
        let room = (MAX_LEN + 1).saturating_sub(self.chars).min(run.len());
        self.word
            .extend(run[..room].iter().map(|&b| MAP[b as usize]));
        self.chars += run.len();
    }

    /// Reads any text, byte by byte where it is ASCII.
    fn feed_any(&mut self, text: &str, found: &mut impl FnMut(Word)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if is_ascii_word_byte(bytes[i]) {
                let start = i;
                i += 1;
                while i < bytes.len() && is_ascii_word_byte(bytes[i]) {
                    i += 1;
                }
                let run = &bytes[start..i];
                let ended = bytes.get(i).is_some_and(|&b| MAP[b as usize] == SEPARATOR);
                if self.chars == 0 && ended {
                    // The commonest case: a word of ASCII letters and
                    // digits, whole in this piece of text.
                    whole_ascii_word(bytes, start, i, found);
                    i += 1;
                } else {
                    self.push_ascii(run);
                }
                continue;
            }
            match MAP[bytes[i] as usize] {
                SEPARATOR if self.chars > 0 => self.end(found),
                SEPARATOR | APOSTROPHE => {}
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
        fold_char(c, &mut folded);
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
            found(Word::new(&self.word));
        }
        self.word.clear();
        self.chars = 0;
    }
}

/// Where the run of ASCII letters and digits at `from` ends in `bytes`
/// (ASCII): the first other byte, or the end. Eight bytes are classed at
/// once, as lanes of one number.
fn word_end(bytes: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each lane where that byte is at least `c` (bytes and
    // `c` below 0x80, so no lane carries into the next).
    let at_least = |x: u64, c: u8| (x + u64::from(0x80 - c) * ONES) & HIGH;
    while let Some(lanes) = bytes.get(from..).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*lanes);
        let lower = x | (0x20 * ONES);
        let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
        let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
        let other = !(digit | letter) & HIGH;
        if other != 0 {
            // Lane 0 is the lowest byte.
            return from + (other.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    from + bytes[from..]
        .iter()
        .position(|&b| !is_ascii_word_byte(b))
        .unwrap_or(bytes.len() - from)
}

/// Adds the whole word of ASCII letters and digits at `bytes[start..end]`.
/// A word of up to sixteen bytes is read in two loads where the text goes
/// on for sixteen bytes: letters and digits all become lower case when bit
/// 5 is set.
#[inline(always)]
fn whole_ascii_word(bytes: &[u8], start: usize, end: usize, found: &mut impl FnMut(Word)) {
    let len = end - start;
    if !(MIN_LEN..=MAX_LEN).contains(&len) {
        return;
    }
    if let (true, Some(first)) = (len <= 16, bytes[start..].first_chunk::<16>()) {
        const LOWER: u64 = 0x2020_2020_2020_2020;
        // The low `n` bytes of a number (`n` up to 8).
        let keep = |n: usize| u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
        let [a, b] = key(first);
        let key = [
            (a | LOWER) & keep(len.min(8)),
            (b | LOWER) & keep(len.saturating_sub(8)),
        ];
        return found(Word::Short { key, len });
    }
    let mut lower = [0; MAX_LEN];
    for (to, &b) in lower.iter_mut().zip(&bytes[start..end]) {
        *to = MAP[b as usize];
    }
    found(Word::new(&lower[..len]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_too_long_to_be_a_term_is_counted_not_kept() {
        let mut words = Words::default();
        let mut found = Vec::new();
        let text = format!("ok {} ÿes{} fine", "x".repeat(100_000), "ż".repeat(50_000));
        let mut add = |w: Word| found.push(w.text());
        words.feed(&text, &mut add);
        words.end(&mut add);
        assert_eq!(found, ["ok", "fine"]);
        assert!(words.word.capacity() <= 256, "{}", words.word.capacity());
    }

    /// The plain-text path and the byte-by-byte one give the same terms,
    /// however the text is cut into pieces: short, long and too-long words,
    /// upper case, digits, words that go on from one piece to the next.
    #[test]
    fn plain_text_is_read_as_any_text_would_be() {
        let alphabet: Vec<char> = "aZq09 .,\n-ÿ'żAbcdefghijklmnop".chars().collect();
        let mut rng = crate::synth::Rng(7);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..2000 {
            let text: String = (0..next(200))
                .map(|_| match next(10) {
                    0 => ' ',
                    1..=3 => alphabet[next(alphabet.len())],
                    _ => alphabet[16 + next(alphabet.len() - 16)],
                })
                .collect();
            let len = text.len();
            let cuts: Vec<usize> = {
                let mut c: Vec<usize> = (0..next(4))
                    .map(|_| next(len + 1))
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                c.sort();
                c
            };
            let run = |plain: bool| {
                let mut words = Words::default();
                let mut found = Vec::new();
                let mut add = |w: Word| found.push(w.text());
                let mut from = 0;
                for &to in cuts.iter().chain([&len]) {
                    let piece = &text[from..to];
                    if plain {
                        words.feed(piece, &mut add);
                    } else {
                        words.feed_any(piece, &mut add);
                    }
                    from = to;
                }
                words.end(&mut add);
                found
            };
            assert_eq!(run(true), run(false), "{text:?} cut at {cuts:?}");
        }
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
