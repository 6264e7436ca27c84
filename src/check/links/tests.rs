use super::*;

/// No source files: every broken link is at its page's first line.
const NO_SOURCES: Sources = Sources {
    texts: &|_: &Path| None,
    parts: &|_: &Path| Vec::new(),
    titled: &|_: &str| None,
    base: None,
};

fn page(path: &str, html: &str) -> Output {
    Output::plain(path.into(), html.as_bytes().to_vec())
}

#[test]
fn links_are_kept_without_their_query() {
    let html = r#"<link href="static/style.css?v=1a2b3c4d"><a href="a.html?tab=2#part">x</a><a href="?only">y</a>"#;
    let links = PageLinks::of(&page("p.html", html)).links;
    let links: Vec<&str> = links.iter().collect();
    assert_eq!(links, ["static/style.css", "a.html#part", "?only"]);
}

#[test]
fn spaces_around_an_address_are_dropped_as_a_browser_drops_them() {
    let html = "<a href=\" about.html \">x</a><img src=\"\n img.png\t\"><p id=\" x \">";
    let found = PageLinks::of(&page("p.html", html));
    let links: Vec<&str> = found.links.iter().collect();
    assert_eq!(links, ["about.html", "img.png"]);
}

proptest::proptest! {
    #[test]
    fn a_sorted_search_finds_what_a_scan_finds(
        mut ids in proptest::collection::vec("[a-c]{1,3}", 0..12),
        name in "[a-c]{0,4}",
    ) {
        ids.sort();
        ids.dedup();
        let names: Names = ids.iter().collect();
        proptest::prop_assert_eq!(names.contains_sorted(&name), names.contains(&name));
        for id in &ids {
            proptest::prop_assert!(names.contains_sorted(id));
        }
    }
}

#[test]
fn a_script_id_is_no_anchor() {
    let html = r#"<script type="application/json" id="alsite-i18n">{"a":"b"}</script><scripts id="x"><h2 id="next">"#;
    let links = PageLinks::of(&page("a.html", html));
    assert_eq!(links.ids.iter().collect::<Vec<_>>(), ["next", "x"]);
}

#[test]
fn attributes_need_a_space_before_them() {
    let html = r#"<a href="a.html" data-href="no"><img src="i.png"><h2 id="x" data-id="y">"#;
    assert_eq!(attributes(html, "href"), vec!["a.html"]);
    assert_eq!(attributes(html, "id"), vec!["x"]);
    assert_eq!(attributes(html, "src"), vec!["i.png"]);
    let [hrefs, srcs, ids] = link_attributes(html);
    assert_eq!(
        (hrefs, srcs, ids),
        (vec!["a.html"], vec!["i.png"], vec!["x"])
    );
    let text = r#"<p title="say "hi"" class="x"> <a href="b.html" id="y">"#;
    assert_eq!(link_attributes(text)[0], vec!["b.html"]);
    // Of an attribute written twice in a tag, the first counts.
    let twice = r#"<a href="first.html" HREF='second.html' id=one ID=two>"#;
    let [hrefs, _, ids] = link_attributes(twice);
    assert_eq!((hrefs, ids), (vec!["first.html"], vec!["one"]));
}

#[test]
fn finds_missing_pages_and_anchors_only() {
    let outputs = [
        page(
            "index.html",
            r##"<a href="about.html#team">ok</a> <a href="gone.html">x</a> <a href="about.html#nope">y</a> <a href="https://example.org/x">ext</a> <a href="#top" id="top"> <a href="static/guide.pdf#page=2">pdf</a>"##,
        ),
        page("sub/about.html", ""),
        page(
            "about.html",
            r#"<h2 id="team">Team</h2><a href="index.html">home</a><link href="static/s.css">"#,
        ),
        page("static/s.css", ""),
        // A file that is not a page: an anchor in a link to it is the reader's PDF viewer's.
        page("static/guide.pdf", ""),
    ];
    let theme = Theme::open(Path::new("."), "default").unwrap();
    let pages: Vec<PageLinks> = outputs.iter().map(PageLinks::of).collect();
    let diags = check_pages(&LinkIndex::new(&pages), &pages, NO_SOURCES, &theme);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("`gone.html`"));
    assert!(messages[1].contains("no element with id `nope`"));
    assert!(diags[1].hint.as_deref().unwrap().contains("#team"));
}

/// Only a language's version of a page has an original: a page in a
/// folder (`sessions/index.html`) is not a version of `index.html`.
#[test]
fn names_an_original_only_for_a_translation() {
    let mut translated = page(
        "pl/about.html",
        r##"<a href="ground-rules.html#one">x</a>"##,
    );
    translated.source = Some(PathBuf::from("content/pages/about.pl.md"));
    let outputs = [
        page(
            "index.html",
            r##"<h2 id="intro">Hi</h2><a href="sessions/index.html#intro">x</a>"##,
        ),
        page("sessions/index.html", r#"<h2 id="list">All</h2>"#),
        translated,
        page("pl/ground-rules.html", r#"<h2 id="pierwsza">1</h2>"#),
        page("ground-rules.html", r#"<h2 id="one">1</h2>"#),
    ];
    let theme = Theme::open(Path::new("."), "default").unwrap();
    let pages: Vec<PageLinks> = outputs.iter().map(PageLinks::of).collect();
    let diags = check_pages(&LinkIndex::new(&pages), &pages, NO_SOURCES, &theme);
    let hint = |target: &str| {
        diags
            .iter()
            .find(|d| d.message.contains(target))
            .and_then(|d| d.hint.clone())
            .unwrap_or_else(|| panic!("no error for {target}"))
    };
    let folder = hint("sessions/index.html has no element");
    assert!(!folder.contains("original"), "{folder}");
    assert!(folder.contains("#list"), "{folder}");
    let version = hint("pl/ground-rules.html has no element");
    assert!(
        version.contains("the original, ground-rules.html, has it"),
        "{version}"
    );
}
