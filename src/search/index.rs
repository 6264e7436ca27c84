//! The index writer: one language's pages become `search/index.<lang>.js`
//! (sorted terms, each with the sections it is in) and the section texts, in
//! chunks, as `search/text.<lang>.<n>.js`. Both are scripts, not JSON, so a
//! page opened from disk can load them (browsers refuse to fetch from
//! file://). The index loads when the search box is first used; a text chunk
//! only when a result from it is shown, for its snippet.
//!
//! Numbers (a section's name, postings) are written in a 64-letter alphabet
//! (see [`push_number`]); postings are gaps between section numbers (see
//! [`encode_postings`]). `static/search.js` decodes them.

use super::extract::PageText;
use super::tokenize::{fold, words};
use rayon::prelude::*;
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// A text chunk holds about this many bytes of section text.
const CHUNK_BYTES: usize = 64 * 1024;

/// A section keeps this many bytes of its text, at most, for its snippet
/// (cut at a space): a snippet shows 160 characters around the first word
/// found, and a result's words are usually near the start of its section.
/// Every word of the section is in the index all the same. Keeping the whole
/// text would hold every page's text in memory until the index is written,
/// and write as many bytes again as the pages.
pub const SNIPPET_BYTES: usize = 320;

/// A page ready for the index: its text, each section's cut to
/// [`SNIPPET_BYTES`], and each section's distinct terms, separated by spaces
/// (one string a section keeps allocations few).
#[derive(Debug, Clone)]
pub struct IndexedPage {
    pub text: PageText,
    pub terms: Vec<String>,
}

impl IndexedPage {
    pub fn new(mut text: PageText) -> IndexedPage {
        let terms = text
            .sections
            .iter()
            .map(|s| distinct_terms(&s.text))
            .collect();
        for section in &mut text.sections {
            cut(&mut section.text, SNIPPET_BYTES);
        }
        IndexedPage { text, terms }
    }
}

/// The distinct terms of `text`, in order of first use, separated by spaces.
fn distinct_terms(text: &str) -> String {
    let folded = fold(text);
    let mut seen: HashSet<&str, FnvBuild> =
        HashSet::with_capacity_and_hasher(256, FnvBuild::default());
    let mut terms = String::with_capacity(folded.len() / 2);
    for w in words(&folded) {
        if seen.insert(w) {
            if !terms.is_empty() {
                terms.push(' ');
            }
            terms.push_str(w);
        }
    }
    terms.shrink_to_fit();
    terms
}

/// Cuts `text` to at most `max` bytes, at the last space before that when
/// there is one, and gives back the memory it no longer needs.
fn cut(text: &mut String, max: usize) {
    if text.len() <= max {
        return;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(space) = text[..end].rfind(' ').filter(|&i| i > 0) {
        end = space;
    }
    text.truncate(end);
    text.shrink_to_fit();
}

/// The files of one language's index: (path from the site root, bytes).
pub fn write_index(lang: &str, pages: &[&IndexedPage]) -> Vec<(String, Vec<u8>)> {
    let mut page_list = Vec::with_capacity(pages.len());
    let mut names = Names::default();
    let mut sections = String::new();
    let mut postings: HashMap<&str, Vec<u32>, FnvBuild> = HashMap::default();
    let mut texts: Vec<&str> = Vec::new();
    for page in pages {
        page_list.push(json!([
            page.text.path,
            page.text.title,
            page.text.sections.len()
        ]));
        for (section, terms) in page.text.sections.iter().zip(&page.terms) {
            let id = texts.len() as u32;
            push_number(&mut sections, names.id(&section.anchor, &section.title));
            texts.push(&section.text);
            for term in terms.split(' ').filter(|t| !t.is_empty()) {
                postings.entry(term).or_default().push(id);
            }
        }
    }
    let mut terms: Vec<(&str, Vec<u32>)> = postings.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let encoded: Vec<String> = terms.par_iter().map(|(_, p)| encode_postings(p)).collect();
    let (chunks, mut files) = text_chunks(lang, &texts);
    let index = json!({
        "lang": lang,
        "pages": page_list,
        "names": names.list,
        "sections": sections,
        "chunks": chunks,
        "terms": front_code(terms.iter().map(|(t, _)| *t)),
        "postings": encoded.join(" "),
    });
    files.push((
        index_path(lang),
        format!("alsite.search.load({index});\n").into_bytes(),
    ));
    files
}

/// FNV-1a: the postings map hashes millions of short words on large sites,
/// where the standard hasher's protection against crafted keys costs time
/// and buys nothing (the keys are the site's own words).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Each distinct (anchor, title) of the sections, once: sections name theirs
/// by number. Pages repeat headings ("Overview", "Next steps"), and session
/// turns have no title of their own.
#[derive(Default)]
struct Names<'a> {
    list: Vec<&'a str>,
    ids: HashMap<(&'a str, &'a str), u32>,
}

impl<'a> Names<'a> {
    fn id(&mut self, anchor: &'a str, title: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry((anchor, title)).or_insert_with(|| {
            self.list.push(anchor);
            self.list.push(title);
            next
        })
    }
}

/// Where the index of `lang` goes, from the site root.
pub fn index_path(lang: &str) -> String {
    format!("search/index.{lang}.js")
}

/// Splits the section texts into chunk files; returns the number of the
/// first section of each chunk, and the files.
fn text_chunks(lang: &str, texts: &[&str]) -> (Vec<usize>, Vec<(String, Vec<u8>)>) {
    let mut starts = Vec::new();
    let mut first = 0;
    while first < texts.len() {
        starts.push(first);
        let mut bytes = texts[first].len();
        first += 1;
        while first < texts.len() && bytes + texts[first].len() <= CHUNK_BYTES {
            bytes += texts[first].len();
            first += 1;
        }
    }
    let files = starts
        .par_iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(texts.len());
            let body = serde_json::to_string(&texts[start..end]).unwrap_or_else(|_| "[]".into());
            (
                format!("search/text.{lang}.{n}.js"),
                format!("alsite.search.text({n}, {body});\n").into_bytes(),
            )
        })
        .collect();
    (starts, files)
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

fn push_number(out: &mut String, mut n: u32) {
    let mut digits = vec![LAST[(n & 31) as usize]];
    n >>= 5;
    while n > 0 {
        digits.push(MORE[(n & 31) as usize]);
        n >>= 5;
    }
    out.extend(digits.iter().rev().map(|&d| d as char));
}

/// Sorted section numbers as a string: each entry is `gap * 2 + run`, where
/// `gap` counts the numbers skipped since the last one written, and `run` = 1
/// says a second number follows: how many more consecutive sections (minus
/// one) the entry covers. A term in most sections costs a few letters.
pub fn encode_postings(ids: &[u32]) -> String {
    let mut out = String::new();
    let mut next = 0u32;
    let mut i = 0;
    while i < ids.len() {
        let start = ids[i];
        let mut end = i;
        while end + 1 < ids.len() && ids[end + 1] == ids[end] + 1 {
            end += 1;
        }
        let gap = start - next;
        let run = (end - i) as u32;
        if run > 0 {
            push_number(&mut out, gap * 2 + 1);
            push_number(&mut out, run - 1);
        } else {
            push_number(&mut out, gap * 2);
        }
        next = ids[end] + 1;
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::extract::Section;

    /// The reference decoder (search.js has the same loop).
    fn decode(s: &str) -> Vec<u32> {
        let mut numbers = Vec::new();
        let mut n = 0u32;
        for b in s.bytes() {
            if let Some(d) = MORE.iter().position(|&m| m == b) {
                n = n * 32 + d as u32;
            } else {
                let d = LAST.iter().position(|&m| m == b).unwrap();
                numbers.push(n * 32 + d as u32);
                n = 0;
            }
        }
        let mut ids = Vec::new();
        let mut next = 0;
        let mut it = numbers.into_iter();
        while let Some(v) = it.next() {
            let start = next + v / 2;
            let count = if v % 2 == 1 {
                it.next().unwrap() + 2
            } else {
                1
            };
            ids.extend(start..start + count);
            next = start + count;
        }
        ids
    }

    #[test]
    fn postings_round_trip() {
        for ids in [
            vec![],
            vec![0],
            vec![5],
            vec![0, 1, 2, 3],
            vec![1, 2, 40, 41, 42, 1000, 70000],
            (0..5000).collect::<Vec<u32>>(),
            (0..5000).step_by(3).collect(),
        ] {
            assert_eq!(decode(&encode_postings(&ids)), ids);
        }
        assert_eq!(encode_postings(&(0..5000).collect::<Vec<u32>>()).len(), 4);
    }

    #[test]
    fn long_sections_keep_their_start_for_snippets_and_every_word_as_a_term() {
        let long = format!("{} źródło", "słowo ".repeat(100));
        let page = IndexedPage::new(PageText {
            path: "a.html".into(),
            title: "A".into(),
            sections: vec![Section {
                anchor: String::new(),
                title: String::new(),
                text: long,
            }],
        });
        let kept = &page.text.sections[0].text;
        assert!(kept.len() <= SNIPPET_BYTES, "{}", kept.len());
        assert!(kept.starts_with("słowo słowo") && kept.ends_with("słowo"));
        assert_eq!(page.terms, ["slowo zrodlo"]);
    }

    #[test]
    fn terms_are_front_coded() {
        let terms = ["accepted", "accepting", "accepts", "b", "źródło", "źródła"];
        assert_eq!(
            front_code(terms.into_iter()),
            "0accepted 6ing 6s 0b 0źródło 5a"
        );
    }

    #[test]
    fn index_names_pages_sections_and_chunks() {
        let page = |path: &str, text: &str| {
            IndexedPage::new(PageText {
                path: path.into(),
                title: path.into(),
                sections: vec![Section {
                    anchor: "a".into(),
                    title: "A".into(),
                    text: text.into(),
                }],
            })
        };
        let a = page("a.html", "Źródło problemu");
        let b = page("b.html", "problem source");
        let files = write_index("pl", &[&a, &b]);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["search/text.pl.0.js", "search/index.pl.js"]);
        let index = String::from_utf8(files[1].1.clone()).unwrap();
        assert!(
            index.contains(r#""terms":"0problem 7u 0source 0zrodlo""#),
            "{index}"
        );
        assert!(index.contains(r#""postings":"2 0 2 0""#), "{index}");
        // Both sections are named ("a", "A"), written once.
        assert!(index.contains(r#""names":["a","A"]"#), "{index}");
        assert!(index.contains(r#""sections":"00""#), "{index}");
        let chunk = String::from_utf8(files[0].1.clone()).unwrap();
        assert_eq!(
            chunk,
            "alsite.search.text(0, [\"Źródło problemu\",\"problem source\"]);\n"
        );
    }
}
