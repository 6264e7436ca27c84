//! The index writer: one language's pages become `search/index.<lang>.js`
//! (sorted terms, each with the sections it is in) and the section texts, in
//! chunks, as `search/text.<lang>.<n>.js`. Both are scripts, not JSON, so a
//! page opened from disk can load them (browsers refuse to fetch from
//! file://). The index loads when the search box is first used; a text chunk
//! only when a result from it is shown, for its snippet.
//!
//! Pages are added one at a time, in the order they are rendered: a text
//! chunk is written as soon as it is full, and each term's postings are
//! encoded as they come, so a large site's text is never all in memory.
//!
//! Numbers (a section's name, postings) are written in a 64-letter alphabet
//! (see [`push_number`]); postings are gaps between section numbers (see
//! [`Postings`]). `static/search.js` decodes them.

use super::extract::{page_text_and_tags, PageText};
use super::terms::{PageTerms, TermTable};
use super::tokenize::Word;
use crate::html::StartTag;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write;

/// A text chunk holds about this many bytes of section text.
const CHUNK_BYTES: usize = 64 * 1024;

/// A section keeps this many bytes of its text, at most, for its snippet
/// (cut at a space): a snippet shows 160 characters around the first word
/// found, and a result's words are usually near the start of its section.
/// Every word of the section is in the index all the same.
pub const SNIPPET_BYTES: usize = 320;

/// A page ready for the index: its sections, each one's text cut to
/// [`SNIPPET_BYTES`], and its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPage {
    pub text: PageText,
    pub terms: PageTerms,
}

impl IndexedPage {
    /// The page at `path` with this HTML; `None` when it has no `<main>`.
    pub fn of(path: &str, html: &str) -> Option<IndexedPage> {
        IndexedPage::of_and_tags(path, html, &mut |_| {})
    }

    /// As [`IndexedPage::of`], handing `tag` every start tag of the page
    /// (see [`page_text_and_tags`]).
    pub fn of_and_tags<'a>(
        path: &str,
        html: &'a str,
        tag: &mut impl FnMut(&StartTag<'a>),
    ) -> Option<IndexedPage> {
        let (mut text, terms) = page_text_and_tags(path, html, SNIPPET_BYTES, tag)?;
        for section in &mut text.sections {
            cut(&mut section.text, SNIPPET_BYTES);
        }
        Some(IndexedPage { text, terms })
    }
}

/// Cuts `text` to at most `max` bytes, at the last space before that when
/// there is one, and ends it with "…" so a snippet that reaches the end
/// shows the text goes on; gives back the memory it no longer needs
/// (`serve` keeps every page's sections).
fn cut(text: &mut String, max: usize) {
    const MORE: &str = " …";
    if text.len() <= max {
        return;
    }
    let mut end = max - MORE.len();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let at_space = text[..end].rfind(' ').filter(|&i| i > 0);
    text.truncate(at_space.unwrap_or(end));
    // Not a block separator left dangling before the "…".
    let separator = super::extract::BLOCK_SEPARATOR.trim_end();
    if at_space.is_some() && text.ends_with(separator) {
        text.truncate(text.len() - separator.len());
        text.truncate(text.trim_end().len());
    }
    text.push_str(if at_space.is_some() { MORE } else { "…" });
    text.shrink_to_fit();
}

/// The files of one language's index, from its pages in order: (path from
/// the site root, bytes).
#[cfg(test)]
pub fn write_index(lang: &str, pages: &[&IndexedPage]) -> Vec<(String, Vec<u8>)> {
    let mut writer = IndexWriter::new(lang);
    for page in pages {
        writer.add(page);
    }
    writer.finish()
}

/// One language's index, built page by page.
pub struct IndexWriter {
    lang: String,
    /// `[path, title, sections]` of each page, as JSON, comma-separated.
    pages: String,
    names: Names,
    /// Each section's name number.
    sections: Vec<u8>,
    next_section: u32,
    terms: TermTable,
    postings: Vec<Postings>,
    chunk: Chunk,
    /// The first section of each chunk.
    chunk_starts: Vec<u32>,
    /// Chunk files written and not yet taken.
    done: Vec<(String, Vec<u8>)>,
}

/// The text chunk being filled: its JSON array so far, unclosed.
#[derive(Default)]
struct Chunk {
    body: String,
    bytes: usize,
}

impl IndexWriter {
    pub fn new(lang: &str) -> IndexWriter {
        IndexWriter {
            lang: lang.to_string(),
            pages: String::new(),
            names: Names::default(),
            sections: Vec::new(),
            next_section: 0,
            terms: TermTable::default(),
            postings: Vec::new(),
            chunk: Chunk::default(),
            chunk_starts: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Adds the next page.
    pub fn add(&mut self, page: &IndexedPage) {
        let first = self.next_section;
        let text = &page.text;
        if !self.pages.is_empty() {
            self.pages.push(',');
        }
        let entry = (&text.path, &text.title, text.sections.len());
        self.pages.push_str(&json(&entry));
        for section in &text.sections {
            let name = self.names.id(&section.anchor, &section.title);
            push_number(&mut self.sections, name);
            self.add_text(&section.text);
            self.next_section += 1;
        }
        let ids: Vec<u32> = page.terms.words().map(|w| self.term(w)).collect();
        for &(term, section) in page.terms.uses() {
            self.postings[ids[term as usize] as usize].push(first + section);
        }
    }

    fn term(&mut self, word: &str) -> u32 {
        let (id, new) = self.terms.number(Word::new(word.as_bytes()));
        if new {
            self.postings.push(Postings::default());
        }
        id
    }

    /// Adds a section's text to the chunk being filled, or starts the next
    /// chunk with it when it would not fit.
    fn add_text(&mut self, text: &str) {
        if !self.chunk.body.is_empty() && self.chunk.bytes + text.len() <= CHUNK_BYTES {
            self.chunk.body.push(',');
        } else {
            self.close_chunk();
            self.chunk_starts.push(self.next_section);
            self.chunk.body.push('[');
            self.chunk.bytes = 0;
        }
        push_json_string(&mut self.chunk.body, text);
        self.chunk.bytes += text.len();
    }

    fn close_chunk(&mut self) {
        if self.chunk.body.is_empty() {
            return;
        }
        let n = self.chunk_starts.len() - 1;
        let body = std::mem::take(&mut self.chunk.body);
        self.done.push((
            format!("search/text.{}.{n}.js", self.lang),
            format!("alsite.search.text({n}, {body}]);\n").into_bytes(),
        ));
    }

    /// The text chunks filled since the last call.
    pub fn take_files(&mut self) -> Vec<(String, Vec<u8>)> {
        std::mem::take(&mut self.done)
    }

    /// The last text chunk and the index.
    pub fn finish(mut self) -> Vec<(String, Vec<u8>)> {
        self.close_chunk();
        let mut terms: Vec<(&str, u32)> = self.terms.terms().zip(0..).collect();
        terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        // Written straight into the file's one buffer: on a large site the
        // postings are tens of megabytes, too large to copy about.
        let postings_len: usize = self.postings.iter().map(Postings::len).sum();
        let mut index = String::with_capacity(
            postings_len + terms.len() + self.pages.len() + self.sections.len() + 4096,
        );
        index.push_str("alsite.search.load({\"chunks\":");
        index.push_str(&json(&self.chunk_starts));
        index.push_str(",\"lang\":");
        push_json_string(&mut index, &self.lang);
        index.push_str(",\"names\":");
        index.push_str(&json(&self.names.list));
        index.push_str(",\"pages\":[");
        index.push_str(&self.pages);
        // Postings are written in letters, digits, `_` and `-` (see
        // `push_number`): no JSON escape is needed.
        index.push_str("],\"postings\":\"");
        for (n, (_, id)) in terms.iter().enumerate() {
            if n > 0 {
                index.push(' ');
            }
            index.push_str(&self.postings[*id as usize].finish());
        }
        index.push_str("\",\"sections\":");
        push_json_string(&mut index, &digits(std::mem::take(&mut self.sections)));
        index.push_str(",\"terms\":");
        push_json_string(&mut index, &front_code(terms.iter().map(|(t, _)| &**t)));
        index.push_str("});\n");
        let mut files = std::mem::take(&mut self.done);
        files.push((index_path(&self.lang), index.into_bytes()));
        files
    }
}

/// Appends `text` as a JSON string; most text needs no escape, and is
/// copied at once.
fn push_json_string(out: &mut String, text: &str) {
    if !needs_escape(text.as_bytes()) {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&json(text));
    }
}

/// Whether `bytes` hold a quote, a backslash or a control character, which
/// a JSON string must escape. Eight bytes are looked at at once, as lanes
/// of one number: a section's text is read here whole, for every page.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each lane that is zero (exact for the lowest such
    // lane, which is all that is asked: is there one).
    let zero_lane = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let lanes = bytes.chunks_exact(8);
    let rest = lanes.remainder();
    let found = lanes.into_iter().any(|lane| {
        let x = u64::from_le_bytes(lane.try_into().expect("eight bytes"));
        // Below 0x20: the lane less 0x20 borrows, and the byte's own high bit is clear.
        let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
        control | zero_lane(x ^ (u64::from(b'"') * ONES)) | zero_lane(x ^ (u64::from(b'\\') * ONES))
            != 0
    });
    found || rest.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// `value` as compact JSON.
fn json(value: &(impl serde::Serialize + ?Sized)) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// Each distinct (anchor, title) of the sections, once: sections name theirs
/// by number. Pages repeat headings ("Overview", "Next steps"), and session
/// turns have no title of their own.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    /// Numbers by the anchor's length, the anchor and the title.
    ids: HashMap<Box<str>, u32, crate::digest::NameHash>,
    key: String,
}

impl Names {
    fn id(&mut self, anchor: &str, title: &str) -> u32 {
        // Looked up without allocating: most sections repeat a name.
        self.key.clear();
        let _ = write!(self.key, "{}:{anchor}{title}", anchor.len());
        if let Some(&id) = self.ids.get(self.key.as_str()) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.list.push(anchor.to_string());
        self.list.push(title.to_string());
        self.ids.insert(self.key.as_str().into(), next);
        next
    }
}

/// Where the index of `lang` goes, from the site root.
pub fn index_path(lang: &str) -> String {
    format!("search/index.{lang}.js")
}

/// Sorted terms, each written as how many leading characters it shares with
/// the one before (one base-36 digit, at most 35) and the rest:
/// `accepted accepting accepts` is `0accepted 6ing 6s`.
pub fn front_code<'a>(terms: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut prev: Vec<char> = Vec::new();
    for term in terms {
        let chars: Vec<char> = term.chars().collect();
        let shared = prev
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(35);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(char::from_digit(shared as u32, 36).unwrap_or('0'));
        out.extend(&chars[shared..]);
        prev = chars;
    }
    out
}

/// Digits that end a number, and digits that say more follow: 32 each, five
/// bits a digit, most significant first.
const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";

fn push_number(out: &mut Vec<u8>, mut n: u32) {
    // Seven digits hold 35 bits: any u32.
    let mut digits = [0; 7];
    let mut first = digits.len() - 1;
    digits[first] = LAST[(n & 31) as usize];
    n >>= 5;
    while n > 0 {
        first -= 1;
        digits[first] = MORE[(n & 31) as usize];
        n >>= 5;
    }
    out.extend_from_slice(&digits[first..]);
}

/// Numbers written by [`push_number`], as text: its digits are all ASCII.
fn digits(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// One term's sections, encoded as they are added (in ascending order):
/// each entry is `gap * 2 + run`, where `gap` counts the numbers skipped
/// since the last one written, and `run` = 1 says a second number follows:
/// how many more consecutive sections (minus one) the entry covers. A term
/// in most sections costs a few letters.
#[derive(Debug, Default, Clone)]
pub struct Postings {
    out: Vec<u8>,
    /// The first number not yet covered by what is written.
    next: u32,
    /// The run being read: its first and last section.
    run: Option<(u32, u32)>,
}

impl Postings {
    /// About how long the written postings are (a run not yet written
    /// takes at most fourteen more).
    fn len(&self) -> usize {
        self.out.len() + 14
    }

    /// Adds section `id`, greater than every one added before.
    pub fn push(&mut self, id: u32) {
        match &mut self.run {
            Some((_, last)) if id == *last + 1 => *last = id,
            _ => {
                self.flush();
                self.run = Some((id, id));
            }
        }
    }

    fn flush(&mut self) {
        let Some((start, end)) = self.run.take() else {
            return;
        };
        let gap = start - self.next;
        if end > start {
            push_number(&mut self.out, gap * 2 + 1);
            push_number(&mut self.out, end - start - 1);
        } else {
            push_number(&mut self.out, gap * 2);
        }
        self.next = end + 1;
    }

    /// The encoded postings; the writer is left empty.
    pub fn finish(&mut self) -> String {
        self.flush();
        digits(std::mem::take(&mut self.out))
    }
}

/// Sorted section numbers as [`Postings`] writes them.
#[cfg(test)]
pub fn encode_postings(ids: &[u32]) -> String {
    let mut p = Postings::default();
    for &id in ids {
        p.push(id);
    }
    p.finish()
}

#[cfg(test)]
mod tests;
