use super::*;

proptest::proptest! {
    #[test]
    fn the_lane_test_finds_what_a_byte_loop_finds(
        bytes in proptest::collection::vec(proptest::sample::select(b"a \"\\\x00\x1f\x20\x7f\x80\xc5\xbaZ!".to_vec()), 0..40),
    ) {
        let slow = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        proptest::prop_assert_eq!(needs_escape(&bytes), slow);
    }
}
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
    let html = format!("<main><p>{} źródło</p></main>", "słowo ".repeat(100));
    let page = IndexedPage::of("a.html", &html).unwrap();
    let kept = &page.text.sections[0].text;
    assert!(kept.len() <= SNIPPET_BYTES, "{}", kept.len());
    assert!(
        kept.starts_with("słowo słowo") && kept.ends_with("słowo …"),
        "{kept}"
    );
    assert_eq!(page.terms.of_section(0), ["slowo", "zrodlo"]);
}

#[test]
fn a_snippet_is_cut_as_if_the_whole_text_were_kept() {
    // Text that ends at the limit, then a word right after a space.
    for len in SNIPPET_BYTES - 3..SNIPPET_BYTES + 3 {
        let first = "a".repeat(len);
        let html = format!("<main><p>{first}</p><p>next words</p></main>");
        let page = IndexedPage::of("a.html", &html).unwrap();
        let mut whole = format!("{first} · next words");
        cut(&mut whole, SNIPPET_BYTES);
        assert_eq!(page.text.sections[0].text, whole, "{len}");
    }
    // One long run of text, its spaces falling at every offset near the limit.
    for shift in 0..8 {
        let text = format!("{} {}", "b".repeat(shift), "word  \n ".repeat(80));
        let page = IndexedPage::of("a.html", &format!("<main><p>{text}</p></main>")).unwrap();
        let mut whole = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        cut(&mut whole, SNIPPET_BYTES);
        assert_eq!(page.text.sections[0].text, whole, "{shift}");
        assert!(page.text.sections[0].text.capacity() <= SNIPPET_BYTES);
    }
}

#[test]
fn a_snippet_cut_short_does_not_end_on_a_block_separator() {
    for len in SNIPPET_BYTES - 12..SNIPPET_BYTES {
        let html = format!("<main><p>{}</p><p>next words</p></main>", "a".repeat(len));
        let page = IndexedPage::of("a.html", &html).unwrap();
        let text = &page.text.sections[0].text;
        assert!(
            !text.contains("· …") && !text.ends_with('·'),
            "{len}: {text}"
        );
    }
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
        let html = format!("<main><h2 id=\"a\">A</h2><p>{text}</p></main>");
        IndexedPage::of(path, &html).unwrap()
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

/// A term longer than sixteen bytes is kept by its text, a shorter one
/// by its key: either way, the same term on two pages is one term.
#[test]
fn a_term_on_two_pages_is_one_term_however_long() {
    let page = |path: &str| {
        let html = "<main><p>Internationalisation ok</p></main>";
        IndexedPage::of(path, html).unwrap()
    };
    let (a, b) = (page("a.html"), page("b.html"));
    let files = write_index("en", &[&a, &b]);
    let index = String::from_utf8(files[1].1.clone()).unwrap();
    assert!(
        index.contains(r#""terms":"0internationalisation 0ok""#),
        "{index}"
    );
    // Each term: a run from section 0 to the one after it.
    assert!(index.contains(r#""postings":"10 10""#), "{index}");
}

#[test]
fn text_chunks_are_written_as_they_fill() {
    let long = |n: usize| format!("<main><p>{}</p></main>", "word ".repeat(n));
    let pages: Vec<IndexedPage> = (0..5)
        .map(|i| IndexedPage::of(&format!("{i}.html"), &long(4000)).unwrap())
        .collect();
    let mut writer = IndexWriter::new("en");
    let mut written = Vec::new();
    for page in &pages {
        writer.add(page);
        written.extend(writer.take_files());
    }
    // Each section keeps SNIPPET_BYTES: all five fit in the first chunk.
    assert!(written.is_empty());
    let files = writer.finish();
    assert_eq!(files.len(), 2);
    let mut writer = IndexWriter::new("en");
    let big = "x ".repeat(CHUNK_BYTES / 4 - 10);
    for i in 0..3 {
        let text = PageText {
            path: format!("{i}.html"),
            title: String::new(),
            sections: vec![Section {
                anchor: String::new(),
                title: String::new(),
                text: big.clone(),
            }],
        };
        let terms = PageTerms::default();
        writer.add(&IndexedPage { text, terms });
    }
    // Two halves fill the first chunk; the third starts the next, and
    // the first is written then, before the index is finished.
    let first = writer.take_files();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].0, "search/text.en.0.js");
    let files = writer.finish();
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["search/text.en.1.js", "search/index.en.js"]);
    let index = String::from_utf8(files[1].1.clone()).unwrap();
    assert!(index.contains(r#""chunks":[0,2]"#), "{index}");
}
