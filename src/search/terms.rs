//! A page's terms as the index needs them: each distinct term once, and the
//! sections it is in. Collected while the page is read (see
//! [`super::extract`]), so no section's whole text is ever kept.

use super::tokenize::Word;
use hashbrown::HashTable;
use xxhash_rust::xxh3::xxh3_64;

/// The distinct terms of one page and where they are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageTerms {
    /// Every distinct term, in order of first use, one after another.
    words: String,
    /// Where each term ends in `words`.
    ends: Vec<u32>,
    /// (term, section) for each section a term is in: sections in order,
    /// each term once a section.
    uses: Vec<(u32, u32)>,
}

impl PageTerms {
    /// The page's distinct terms, in order of first use.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        split_terms(&self.words, &self.ends)
    }

    /// (term number, as `words` counts them; section number) pairs, in
    /// section order.
    pub fn uses(&self) -> &[(u32, u32)] {
        &self.uses
    }

    /// The terms of section `n`, in order of first use there.
    #[cfg(test)]
    pub fn of_section(&self, n: u32) -> Vec<&str> {
        let words: Vec<&str> = self.words().collect();
        self.uses
            .iter()
            .filter(|(_, s)| *s == n)
            .map(|&(t, _)| words[t as usize])
            .collect()
    }

    /// Numbers sections again once some were dropped or joined: `kept[old]`
    /// is the new number of each section still there (sections joined
    /// have one number).
    pub fn renumber(&mut self, kept: &[Option<u32>]) {
        self.uses
            .retain_mut(|(_, s)| match kept.get(*s as usize).copied().flatten() {
                Some(new) => {
                    *s = new;
                    true
                }
                None => false,
            });
        // A term of two sections joined is in the one once. (A page with
        // none joined, most, is not read again.) Text after a list of
        // sections joins one before the list: its uses move back among
        // that one's, as the index needs sections in order.
        let mut last = None;
        let (mut joined, mut in_order) = (false, true);
        for &k in kept.iter().flatten() {
            joined |= last.is_some_and(|l| l >= k);
            in_order &= last.is_none_or(|l| l <= k);
            last = Some(k);
        }
        if !joined {
            return;
        }
        if !in_order {
            self.uses.sort_by_key(|&(_, s)| s);
        }
        let mut seen = std::collections::HashSet::new();
        let mut section = None;
        self.uses.retain(|&(t, s)| {
            if section != Some(s) {
                section = Some(s);
                seen.clear();
            }
            seen.insert(t)
        });
    }
}

/// Terms and their numbers, in order of first use: what a page's terms are
/// counted in, and what the index numbers every term of a language by.
#[derive(Default)]
pub struct TermTable {
    /// Every term, one after another.
    words: Vec<u8>,
    /// Where each term ends in `words`.
    ends: Vec<u32>,
    /// Terms of up to sixteen bytes, found by their key.
    short: ShortTable,
    /// Longer terms, found by their text.
    long: HashTable<u32>,
}

impl TermTable {
    /// The number of `word`, and whether it is new. Inlined where words are
    /// read: a known term (nearly every word) is found without a call; a new
    /// one is added out of line.
    #[inline]
    pub fn number(&mut self, word: Word) -> (u32, bool) {
        match word {
            Word::Short { key, .. } => match self.short.find(key) {
                Ok(t) => (t, false),
                Err(slot) => (self.new_short_term(slot, word), true),
            },
            Word::Long(bytes) => self.long_term(bytes),
        }
    }

    #[cold]
    #[inline(never)]
    fn new_short_term(&mut self, slot: usize, word: Word) -> u32 {
        let t = self.new_term(word);
        if let Word::Short { key, .. } = word {
            self.short.insert(slot, key, t);
        }
        t
    }

    #[inline(never)]
    fn long_term(&mut self, word: &[u8]) -> (u32, bool) {
        let hash = xxh3_64(word);
        let (words, ends) = (&self.words, &self.ends);
        let text = |t: u32| term_bytes(words, ends, t);
        if let Some(&t) = self.long.find(hash, |&t| text(t) == word) {
            return (t, false);
        }
        let t = self.new_term(Word::Long(word));
        let (words, ends) = (&self.words, &self.ends);
        self.long
            .insert_unique(hash, t, |&t| xxh3_64(term_bytes(words, ends, t)));
        (t, true)
    }

    fn new_term(&mut self, word: Word) -> u32 {
        let t = self.ends.len() as u32;
        word.push_to(&mut self.words);
        self.ends.push(self.words.len() as u32);
        t
    }

    /// Every term, in the order of their numbers.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        split_terms(
            std::str::from_utf8(&self.words).unwrap_or_default(),
            &self.ends,
        )
    }

    /// The terms, one after another, and where each ends.
    fn parts(&self) -> (&[u8], &[u32]) {
        (&self.words, &self.ends)
    }

    /// Empties the table. One that grew much larger than `used` terms (a
    /// home page listing every other page) costs each later page its whole
    /// size to clear, and goes.
    fn clear(&mut self, used: usize) {
        let oversized = |capacity: usize| capacity > 1 << 10 && capacity > 4 * used;
        if oversized(self.short.capacity()) || oversized(self.long.capacity()) {
            *self = TermTable::default();
            return;
        }
        self.words.clear();
        self.ends.clear();
        self.short.clear();
        self.long.clear();
    }
}

/// Terms of up to sixteen bytes by their keys: open addressing with linear
/// probing, keys and numbers side by side, so a known term (nearly every
/// word of a page) costs one multiply and, most often, one comparison. An
/// empty slot holds the key 0, which no term has (a term has at least two
/// bytes, none of them 0).
#[derive(Default)]
struct ShortTable {
    slots: Vec<([u64; 2], u32)>,
    len: usize,
}

impl ShortTable {
    /// The number of the term `key`, or the slot where it goes.
    #[inline]
    fn find(&self, key: [u64; 2]) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(key, mask);
        loop {
            let (k, t) = self.slots[i];
            if k == key {
                return Ok(t);
            }
            if k == [0, 0] {
                return Err(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// Puts `key` in `slot`, which [`ShortTable::find`] gave for it; the
    /// table grows first when it would be more than half full.
    fn insert(&mut self, slot: usize, key: [u64; 2], t: u32) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
            let slot = self.find(key).expect_err("a new term");
            return self.insert(slot, key, t);
        }
        self.slots[slot] = (key, t);
        self.len += 1;
    }

    #[cold]
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(64);
        let old = std::mem::replace(&mut self.slots, vec![([0, 0], 0); size]);
        for (key, t) in old.into_iter().filter(|&(k, _)| k != [0, 0]) {
            let slot = self.find(key).expect_err("each key once");
            self.slots[slot] = (key, t);
        }
    }

    fn capacity(&self) -> usize {
        self.slots.len() / 2
    }

    fn clear(&mut self) {
        if self.len > 0 {
            self.slots.fill(([0, 0], 0));
            self.len = 0;
        }
    }
}

/// The first slot to look in for `key` in a table of `mask + 1` slots.
#[inline]
fn slot_of(key: [u64; 2], mask: usize) -> usize {
    (short_hash(key) >> 32) as usize & mask
}

/// Builds a page's [`PageTerms`] term by term.
#[derive(Default)]
pub struct TermsBuilder {
    table: TermTable,
    /// The uses so far are the first `used`; the rest is room for the next,
    /// so a use is written without a branch (whether a word is new to its
    /// section is as good as random).
    uses: Vec<(u32, u32)>,
    used: usize,
    /// For each term, one more than the last section it was recorded in.
    last: Vec<u32>,
    section: u32,
}

impl TermsBuilder {
    /// Records `word` in the current section.
    #[inline]
    pub fn add(&mut self, word: Word) {
        let (term, new) = self.table.number(word);
        if new {
            self.last.push(0);
        }
        let last = &mut self.last[term as usize];
        let first_here = *last != self.section + 1;
        *last = self.section + 1;
        if self.uses.len() == self.used {
            self.uses.push((0, 0));
        }
        self.uses[self.used] = (term, self.section);
        self.used += usize::from(first_here);
    }

    /// Words added from now on are in the next section.
    pub fn next_section(&mut self) {
        self.section += 1;
    }

    /// The page's terms; the builder is left empty for the next page, with
    /// its memory (pages are many, and read one after another).
    pub fn finish(&mut self) -> PageTerms {
        let (words, ends) = self.table.parts();
        let words = String::from_utf8(words.to_vec())
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let terms = PageTerms {
            words,
            ends: ends.to_vec(),
            uses: self.uses[..self.used].to_vec(),
        };
        self.table.clear(terms.ends.len());
        if self.uses.capacity() > 1 << 16 {
            self.uses = Vec::new();
        }
        self.uses.clear();
        self.used = 0;
        self.last.clear();
        self.section = 0;
        terms
    }
}

/// A folded multiply: cheap, and every bit of the key moves the hash.
fn short_hash([a, b]: [u64; 2]) -> u64 {
    let m = u128::from(a ^ b.rotate_left(29)) * 0x9e37_79b9_7f4a_7c15;
    (m as u64) ^ ((m >> 64) as u64)
}

/// Terms written one after another in `words`, each ending where `ends`
/// says.
fn split_terms<'a>(words: &'a str, ends: &'a [u32]) -> impl Iterator<Item = &'a str> {
    let mut start = 0;
    ends.iter().map(move |&end| {
        let word = words.get(start..end as usize).unwrap_or_default();
        start = end as usize;
        word
    })
}

fn term_bytes<'a>(words: &'a [u8], ends: &[u32], t: u32) -> &'a [u8] {
    let start = if t == 0 { 0 } else { ends[t as usize - 1] };
    &words[start as usize..ends[t as usize] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(b: &mut TermsBuilder, text: &str) {
        let mut words = crate::search::tokenize::Words::default();
        words.feed(text, &mut |w| b.add(w));
        words.end(&mut |w| b.add(w));
    }

    #[test]
    fn each_term_once_a_section() {
        let mut b = TermsBuilder::default();
        add(&mut b, "Ask, open, ask");
        b.next_section();
        add(&mut b, "open questions OPEN");
        let terms = b.finish();
        assert_eq!(
            terms.words().collect::<Vec<_>>(),
            ["ask", "open", "questions"]
        );
        // Ready for the next page.
        add(&mut b, "open");
        assert_eq!(b.finish().uses(), [(0, 0)]);
        assert_eq!(terms.uses(), [(0, 0), (1, 0), (1, 1), (2, 1)]);
        assert_eq!(terms.of_section(1), ["open", "questions"]);
    }

    #[test]
    fn long_and_short_terms_are_told_apart_by_every_letter() {
        let mut b = TermsBuilder::default();
        add(&mut b, "listening listened listeners listening abcdefgh abcdefghi abcdefgh źródło źródła źródło");
        let terms = b.finish();
        assert_eq!(
            terms.words().collect::<Vec<_>>(),
            [
                "listening",
                "listened",
                "listeners",
                "abcdefgh",
                "abcdefghi",
                "zrodlo",
                "zrodla"
            ]
        );
        assert_eq!(terms.uses().len(), 7);
    }

    /// A page of many terms (a home page listing every other) must not
    /// leave its table for every later page to clear.
    #[test]
    fn a_large_page_leaves_no_large_table_behind() {
        let mut b = TermsBuilder::default();
        let many: Vec<String> = (0..5000).map(|n| format!("w{n}")).collect();
        add(&mut b, &many.join(" "));
        assert_eq!(b.finish().words().count(), 5000);
        add(&mut b, "one small page");
        assert_eq!(b.finish().words().count(), 3);
        assert!(
            b.table.short.capacity() < 1 << 10,
            "{}",
            b.table.short.capacity()
        );
    }

    #[test]
    fn renumbering_drops_the_sections_that_went() {
        let mut b = TermsBuilder::default();
        add(&mut b, "one");
        b.next_section();
        b.next_section();
        add(&mut b, "three");
        let mut terms = b.finish();
        terms.renumber(&[Some(0), None, Some(1)]);
        assert_eq!(terms.uses(), [(0, 0), (1, 1)]);
    }
}
