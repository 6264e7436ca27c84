//! How a page's HTML becomes sections and terms.

use super::*;

fn sections(main: &str) -> Vec<(String, String, String)> {
    let html = format!("<title>T · Site</title><nav>Menu</nav><main id=\"main\">{main}</main><footer>Foot</footer>");
    page_text("p.html", &html, 1000)
        .unwrap()
        .0
        .sections
        .into_iter()
        .map(|s| (s.anchor, s.title, s.text))
        .collect()
}

fn s(a: &str, t: &str, x: &str) -> (String, String, String) {
    (a.into(), t.into(), x.into())
}

#[test]
fn headings_with_ids_start_sections() {
    let got = sections("<h1>Title</h1><p>Intro &amp; more.</p><h2 id=\"why\">Why it <em>works</em></h2><p>Because.</p>");
    assert_eq!(
        got,
        vec![
            s("", "", "Intro & more."),
            s("why", "Why it works", "Because.")
        ]
    );
    // A title is not snippet text, yet its words find its section.
    let html = "<main><h1>Title</h1><h2 id=\"why\">Why it works</h2><p>Because.</p></main>";
    let (_, terms) = page_text("p.html", html, 1000).unwrap();
    assert_eq!(terms.of_section(0), ["title"]);
    assert_eq!(terms.of_section(1), ["why", "it", "works", "because"]);
}

#[test]
fn an_item_with_id_is_named_by_its_first_heading() {
    let got = sections("<ol><li class=\"rule\" id=\"r1\">\n<h2><span class=\"badge\">Rule 1</span> Ask</h2><p>Only questions.</p></li></ol>");
    assert_eq!(got, vec![s("r1", "Rule 1 Ask", "Only questions.")]);
}

#[test]
fn a_heading_with_id_inside_a_section_keeps_the_sections_anchor() {
    let got = sections("<section id=\"stage\"><h2 id=\"stage-title\">Questions</h2><ol><li id=\"t1\"><p>Ann asks</p><p>Why now?</p></li></ol></section>");
    assert_eq!(got, vec![s("t1", "Questions", "Ann asks · Why now?")]);
}

/// A stage that is only its heading is found as its first turn, by the
/// heading's words too: one result, where a link to either opens the same
/// turn, not two with one snippet.
#[test]
fn a_section_that_is_only_a_heading_is_found_as_its_first_part() {
    let html = "<main><section id=\"stage-1\"><h2>First check-in</h2><ol>\
        <li id=\"turn-1\"><p>Ann asks: how is the week going, and what about the check-in?</p></li>\
        <li id=\"turn-2\"><p>Ben answers.</p></li></ol></section>\
        <section id=\"stage-2\"><h2>Questions</h2><p>Its own words.</p><ol><li id=\"turn-3\"><p>Why?</p></li></ol></section></main>";
    let (page, terms) = page_text("p.html", html, 1000).unwrap();
    let got: Vec<(&str, &str)> = page
        .sections
        .iter()
        .map(|s| (s.anchor.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("turn-1", "First check-in"),
            ("turn-2", ""),
            ("stage-2", "Questions"),
            ("turn-3", "")
        ]
    );
    // The heading's words and the turn's, each once.
    assert_eq!(
        terms.of_section(0),
        [
            "first", "check", "in", "ann", "asks", "how", "is", "the", "week", "going", "and",
            "what", "about"
        ]
    );
    assert_eq!(terms.of_section(2), ["questions", "its", "own", "words"]);
}

#[test]
fn a_turn_after_a_pause_is_titled_by_its_stage_not_the_pause() {
    let got = sections("<section id=\"stage\"><h2>Questions</h2><ol><li id=\"t1\"><section id=\"p1\"><h3>Pick the best answer</h3><p>Which?</p></section></li><li id=\"t2\"><p>Ann asks</p></li></ol></section>");
    assert_eq!(
        got,
        vec![
            s("stage", "Questions", ""),
            s("p1", "Pick the best answer", "Which?"),
            s("t2", "Questions", "Ann asks")
        ]
    );
}

#[test]
fn hidden_navigation_scripts_and_facilitator_notes_are_left_out() {
    let got = sections("<h1>P</h1><nav><a href=\"#a\">Stages</a></nav><form hidden><label>Dup</label></form><span aria-hidden=\"true\">✓</span><script>var x = \"<p>\";</script><svg><text>Cycle</text></svg><div class=\"facilitator-notes\"><p>Secret</p></div><details class=\"answer\" data-no-search><summary>Show</summary><p>Answer B</p></details><p>Shown</p>");
    assert_eq!(got, vec![s("", "", "Shown")]);
}

/// A turn's listener: the eye sees "→ Ana", a screen reader hears "to: Ana";
/// the snippet shows what the eye sees.
#[test]
fn a_sign_marked_for_search_is_in_the_snippet_and_its_spoken_words_are_not() {
    let got = sections("<p>Lee asks <span aria-hidden=\"true\" data-search>→</span><span class=\"visually-hidden\" data-no-search>to:</span> Ana</p>");
    assert_eq!(got, vec![s("", "", "Lee asks → Ana")]);
}

#[test]
fn attributes_are_read_by_name_whatever_their_quotes() {
    let got = sections("<h2 data-note=\"id=wrong hidden\" id='right'>Kept</h2><p class=\"a facilitator-notes b\">Secret</p><p data-hidden=\"x\">Shown</p><div hidden=\"\">Gone</div><p aria-hidden=false>Also shown</p>");
    assert_eq!(got, vec![s("right", "Kept", "Shown · Also shown")]);
}

#[test]
fn page_title_is_the_h1_or_the_title_tag() {
    let (page, _) = page_text(
        "p.html",
        "<main><h1>Ground <em>rules</em></h1></main>",
        1000,
    )
    .unwrap();
    assert_eq!(page.title, "Ground rules");
    let (page, _) = page_text(
        "p.html",
        "<title>About · Site</title><main><p>x</p></main>",
        1000,
    )
    .unwrap();
    assert_eq!(page.title, "About");
    // The home page's hero headline is not its name: results go by the
    // site's title, and the headline titles its own section.
    let (page, _) = page_text(
        "index.html",
        "<main><section><h1 id=\"hero-title\" data-search-title=\"Pracownia Pyta&#324;\">Solve real problems</h1><p>Lede</p></section><h2 id=\"source\">Source</h2><p>x</p></main>",
        1000,
    )
    .unwrap();
    assert_eq!(page.title, "Pracownia Pytań");
    assert_eq!(page.sections[0].title, "Solve real problems");
}

#[test]
fn references_are_decoded_and_bad_ones_kept() {
    assert_eq!(
        unescape("a &lt;b&gt; &#39;c&#x27; & d &bogus;"),
        "a <b> 'c' & d &bogus;"
    );
}

/// Tag names in any case, end tags with spaces before `>`, stray end tags
/// and elements left open: read as a browser would nest them.
#[test]
fn tags_in_any_case_and_stray_end_tags() {
    let got = sections(
        "<H2 id=\"a\">Upper</h2 ><P>One</p></span><Section id=\"b\"><h3>Inner</H3><LI>Two<SCRIPT>x()</script></section><p>Three",
    );
    assert_eq!(
        got,
        vec![
            // After the section element, the heading's section goes on.
            s("a", "Upper", "One · Three"),
            s("b", "Inner", "Two"),
        ]
    );
    assert_eq!(flags("TEXTAREA"), SKIPPED);
    // A script or style ends at its end tag in any case, and only there.
    let got = sections(
        "<p>Before</p><SCRIPT>if (a </scripts) b()</SCRIPT ><p>Middle</p><Style>p{}</STYLE><p>After</p><script>x()",
    );
    assert_eq!(got, vec![s("", "", "Before · Middle · After")]);
    // An empty comment (`<!-->`) ends where a browser ends it.
    let got = sections("<p>One</p><!--><p>Two</p><!-- x --><p>Three</p>");
    assert_eq!(got, vec![s("", "", "One · Two · Three")]);
    // Raw HTML's ids in any case and quoting start sections; a `>` in a
    // quoted value does not end its tag.
    let got = sections(
        "<H2 ID='one'>One</H2><p title=\"a > b\">First</p><h2 id=two>Two</h2><p>Second</p><section Id = \"three\"><p>Third</p></section>",
    );
    assert_eq!(
        got,
        vec![
            s("one", "One", "First"),
            s("two", "Two", "Second"),
            s("three", "", "Third")
        ]
    );
    assert_eq!(flags("blockquote"), BLOCK);
    assert_eq!(flags("figcaption"), BLOCK);
    assert_eq!(flags("figcaptions"), 0);
    assert_eq!(flags("h\u{11}"), 0);
}

/// Text from separate blocks (a heading and a paragraph, list items, table
/// cells, terms and their descriptions) reads apart in a snippet, set off by
/// a separator; text within a block (inline elements, spans) by a space.
/// Words are the same as without the separator.
#[test]
fn blocks_are_set_apart_in_snippets_and_words_split_as_before() {
    let main = "<p>Moments in a session:</p><ul><li>Choosing the coach's <em>question</em></li><li>\n  Closing\n</li></ul>\
        <h3>Kinds</h3><dl><dt>Closed</dt><dd>Yes or no.</dd><dt>Open</dt><dd>Invites a full answer.</dd></dl>\
        <table><tr><th>Time</th><td>9:00</td></tr></table><p><span>Ania</span><span>presenter</span> asks</p>\
        <ul class=\"cards\"><li class=\"card\"><a href=\"s.html\"><span class=\"card-title\">Rota</span><span class=\"card-summary\">A tool</span></a></li></ul>";
    assert_eq!(
        sections(main),
        vec![s(
            "",
            "",
            "Moments in a session: · Choosing the coach's question · Closing · Kinds · Closed · Yes or no. · Open · Invites a full answer. · Time · 9:00 · Ania presenter asks · Rota · A tool"
        )]
    );
    // The same words as the text with spaces alone between its blocks.
    let (_, terms) = page_text("p.html", &format!("<main>{main}</main>"), 1000).unwrap();
    let flat = main.replace("</p>", " </p>").replace('<', " <");
    let (_, flat_terms) = page_text(
        "p.html",
        &format!("<main><p>{}</p></main>", strip_tags(&flat)),
        1000,
    )
    .unwrap();
    assert_eq!(terms.of_section(0), flat_terms.of_section(0));
    assert!(!terms.of_section(0).iter().any(|w| w.contains('·')));
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// A `<` that starts no tag, in an author's raw HTML, is text as a browser
/// shows it: the words after it are found (they were read as a tag's
/// inside, up to the next `>`, and lost). A declaration holds no words.
#[test]
fn a_sign_that_starts_no_tag_is_text() {
    let got = sections("<p>Scores 1 < 2 count, reflection</p><!DOCTYPE x><p>Next</p>");
    assert_eq!(
        got,
        vec![s("", "", "Scores 1 < 2 count, reflection · Next")]
    );
}

/// What a build hands the link check as it reads a page for the index.
fn tags_seen(html: &str) -> Option<Vec<crate::html::StartTag<'_>>> {
    let mut seen = Vec::new();
    page_text_and_tags("p.html", html, 1000, &mut |t| seen.push(*t))?;
    Some(seen)
}

#[test]
fn reading_a_page_hands_on_every_start_tag_the_link_check_would_read() {
    let pages = [
        "<!DOCTYPE html><html><head><title>T</title><link href=\"s.css\"><script id=\"data\">if (a<b) x('<a href=no.html>')</script></head>\
         <body><nav><a href=\"index.html\">Home</a></nav><main id=\"main\"><h1>Title</h1>\
         <!-- <a href=\"hidden.html\"> --><p>See <A HREF='a.html'>a</A> and <a href=b.html#x>b</a>.</p>\
         <svg><use href=\"#icon\"/></svg><div hidden><a href=\"c.html\">c</a></div><style>p>a{}</style>\
         <p>1 < 2 and <img src=\"i.png\" alt=\"\"></p></main><footer><a href=\"mailto:x@y\">x</a></footer><script src=\"s.js\"></script></body></html>",
        // A stray `</main>` in an author's raw HTML: the page's last one ends it.
        "<main><p>One</p><!-- </main> --><p id=\"two\">Two <a href=\"t.html\">t</a></p></main><p><a href=\"after.html\">after</a></p>",
        // `<main` written where no tag can be, before the page's own.
        "<head><script>var s = '<main>';</script><!-- <main> --></head><main><p><a href=\"m.html\">m</a></p></main>",
        "<main><p>Never closed <a href=\"open.html\">open</a>",
        "<main id=\"main\"></main>",
    ];
    for html in pages {
        let all: Vec<_> = crate::html::start_tags(html).collect();
        assert_eq!(tags_seen(html).as_ref(), Some(&all), "{html}");
    }
    // Without a `<main>` the page is not read for the index, nor its tags.
    assert_eq!(tags_seen("<p><a href=\"x.html\">x</a></p>"), None);
    // The text is read as before: the words in `<main>`, not the script's.
    let html = pages[2];
    let (page, _) = page_text("p.html", html, 1000).unwrap();
    assert_eq!(page.sections[0].text, "m");
}

/// Text after a list of sections (a module's own text after its
/// activities) is not the last one's: it goes with what holds the list.
#[test]
fn text_after_a_list_of_sections_goes_with_what_holds_the_list() {
    let got = sections(
        "<h1>Module</h1><p class=\"lede\">30 min</p>\
         <section class=\"activities\"><h2 id=\"activities-title\">Activities</h2><ol>\
         <li id=\"activity-1\"><span>Check-in</span></li><li id=\"activity-2\"><span>Round</span></li></ol>\
         <p>Between the activities and the list's end.</p></section>\
         <p>The second ground rule, for the group.</p><h2 id=\"notes\">Notes</h2><p>More.</p>",
    );
    assert_eq!(
        got,
        vec![
            s("", "", "30 min · The second ground rule, for the group."),
            s("activity-1", "Activities", "Check-in"),
            s("activity-2", "", "Round"),
            s(
                "activities-title",
                "",
                "Between the activities and the list's end."
            ),
            s("notes", "Notes", "More."),
        ]
    );
}

/// Text read again after a list of sections goes on the section it
/// belongs to: one section, not two that a result shows alike (the same
/// title, the same link). Its words are found there; its text follows in
/// the snippet while there is room.
#[test]
fn text_after_a_list_of_sections_joins_the_section_it_belongs_to() {
    let html = "<main><h1>Module</h1><p>30 min</p><section><h2 id=\"acts\">Activities</h2><ol>\
        <li id=\"a1\"><p>Check-in</p></li></ol></section><p>The second rule.</p>\
        <h2 id=\"notes\">Notes</h2><p>More.</p></main>";
    let (page, terms) = page_text("p.html", html, 1000).unwrap();
    let got: Vec<(&str, &str)> = page
        .sections
        .iter()
        .map(|s| (s.anchor.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("", "30 min · The second rule."),
            ("a1", "Check-in"),
            ("notes", "More.")
        ]
    );
    assert_eq!(
        terms.of_section(0),
        ["module", "30", "min", "the", "second", "rule"]
    );
    assert_eq!(terms.of_section(1), ["activities", "check", "in"]);
    assert_eq!(terms.of_section(2), ["notes", "more"]);
    // Section numbers stay in order, each term once a section.
    let uses = terms.uses();
    assert!(uses.windows(2).all(|w| w[0].1 <= w[1].1), "{uses:?}");
    // A first part that fills the snippet keeps it: the rest is found, not shown.
    let long = "word ".repeat(80);
    let html = format!("<main><h1>M</h1><p>{long}</p><section><h2 id=\"a\">A</h2><ol><li id=\"a1\">x</li></ol></section><p>Later.</p></main>");
    let (page, terms) = page_text("p.html", &html, 300).unwrap();
    assert_eq!(page.sections.len(), 2);
    assert!(!page.sections[0].text.contains("Later"));
    assert!(terms.of_section(0).contains(&"later"));
}

#[test]
fn a_callout_s_text_is_found_without_the_kind_s_name_as_noise() {
    use crate::render::markdown::{callouts::Names, to_html, Ids};
    let names = Names::new(|key| format!("{key} name"));
    let mut ids = Ids::default().with_callouts(std::sync::Arc::new(names));
    let md = "## Ground rules {#rules}\n\nBefore.\n\n> [!TIP]\n> Print the rules.\n\n> [!warning]- Watch the clock\n> Short rounds.\n\nAfter.\n";
    let html = to_html(md, "p.html", &mut ids);
    let got = sections(&html);
    // The aside is a block of the section it stands in, starting none.
    assert_eq!(
        got,
        vec![s(
            "rules",
            "Ground rules",
            "Before. · Print the rules. · Watch the clock · Short rounds. · After."
        )]
    );
}

#[test]
fn a_line_break_opportunity_is_no_space_in_a_snippet_or_a_word() {
    // The contact page breaks an address at "@" and "."; a long word may break too.
    let got = sections(
        "<p>E-mail joanna<wbr>@pracownia-zrodlo<wbr>.example, self<wbr>organising teams</p>",
    );
    assert_eq!(
        got,
        vec![s(
            "",
            "",
            "E-mail joanna@pracownia-zrodlo.example, selforganising teams"
        )]
    );
    let html = "<main><p>self<wbr>organising</p></main>";
    let (_, terms) = page_text("p.html", html, 1000).unwrap();
    assert_eq!(terms.of_section(0), ["selforganising"]);
}
