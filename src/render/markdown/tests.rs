use super::*;

#[test]
fn text_under_a_title_starts_one_level_below_it() {
    let html = to_html_below("## Why\n\n### How\n", "x.html", &mut Ids::default(), 3).html;
    assert!(html.contains("<h3 id=\"why\">Why</h3>"), "{html}");
    assert!(html.contains("<h4 id=\"how\">How</h4>"), "{html}");
}

#[test]
fn lists_the_second_level_headings() {
    let page = to_html_below(
        "## One\n\ntext\n\n### Not this\n\n## Two *words* & `code`\n",
        "x.html",
        &mut Ids::default(),
        1,
    );
    // As text: the template escapes it once.
    assert_eq!(
        page.h2,
        vec![
            ("one".into(), "One".into()),
            ("two-words-code".into(), "Two words & code".into())
        ]
    );
}

#[test]
fn many_same_headings_are_numbered_past_ids_already_taken() {
    let md = "## Notes {#notes-3}\n\n## Notes\n\n## Notes\n\n## Notes\n";
    let page = to_html_below(md, "x.html", &mut Ids::default(), 1);
    let ids: Vec<&str> = page.h2.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["notes-3", "notes", "notes-2", "notes-4"]);
}

#[test]
fn root_links_keep_the_escapes_queries_and_anchors_written() {
    let html = to_html(
        "[a](/our%20team.html) [b](/über%20uns.html#kontakt) [c](/practice/?tab=2#x) [d](/a.html?q=1)",
        "pl/x.html",
        &mut Ids::default(),
    );
    assert!(html.contains(r#"href="../our%20team.html""#), "{html}");
    assert!(
        html.contains(r#"href="../%C3%BCber%20uns.html#kontakt""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="../practice/index.html?tab=2#x""#),
        "{html}"
    );
    assert!(html.contains(r#"href="../a.html?q=1""#), "{html}");
}

#[test]
fn tables_scroll_in_a_box_named_in_the_page_language() {
    let md = "| a |\n|---|\n| 1 |\n\n<table>\n<tr><td>raw</td></tr>\n</table>\n";
    let html = to_html(
        md,
        "x.html",
        &mut Ids::for_page("", "Tabela \"A\"", Arc::default()),
    );
    let open = r#"<div class="table-scroll" role="region" tabindex="0" aria-label="Tabela &quot;A&quot;">"#;
    assert_eq!(html.matches(open).count(), 1, "{html}");
    assert!(
        html.contains(r#"aria-label="Tabela &quot;A&quot; 2">"#),
        "{html}"
    );
    assert_eq!(html.matches("</div>").count(), 2, "{html}");
    assert!(!html.contains("</div>\n<tr>"), "{html}");
    assert!(html.contains("<td>1</td>"), "{html}");
}

#[test]
fn no_two_table_boxes_of_a_page_share_a_name() {
    let table = "| a |\n|---|\n| 1 |\n";
    let mut ids = Ids::for_page("", "Table", Arc::default());
    let first = to_html(table, "x.html", &mut ids);
    let raw = to_html(
        "<table><tr><td>1</td></tr></table>\n\n<table><tr><td>2</td></tr></table>\n",
        "x.html",
        &mut ids,
    );
    let explain = to_html(table, "x.html", &mut ids.fresh());
    let labels: Vec<&str> = [first.as_str(), raw.as_str(), explain.as_str()]
        .iter()
        .flat_map(|h| h.split("aria-label=\"").skip(1))
        .map(|rest| rest.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(labels, ["Table", "Table 2", "Table 3", "Table 4"]);
}

#[test]
fn a_heading_steps_aside_for_an_id_in_raw_html() {
    let mut ids = Ids::default();
    let html = to_html(
        "## Contact\n\n<div id=\"contact\">x</div>\n",
        "a.html",
        &mut ids,
    );
    assert!(html.contains("<h2 id=\"contact-2\">"), "{html}");
    assert_eq!(html.matches("id=\"contact\"").count(), 1, "{html}");
    // A tag over two lines.
    let html = to_html(
        "## Contact\n\n<div\n  id=\"contact\">x</div>\n",
        "a.html",
        &mut Ids::default(),
    );
    assert!(html.contains("<h2 id=\"contact-2\">"), "{html}");
}

#[test]
fn headings_get_unique_ids() {
    let mut ids = Ids::default();
    let html = to_html(
        "# Why it works\n\n## Why it works\n\n## Own {#custom}\n",
        "index.html",
        &mut ids,
    );
    assert!(html.contains(r#"<h1 id="why-it-works">"#), "{html}");
    assert!(html.contains(r#"<h2 id="why-it-works-2">"#), "{html}");
    assert!(html.contains(r#"<h2 id="custom">"#), "{html}");
    // A second field on the same page continues the numbering.
    let more = to_html("# Why it works\n", "index.html", &mut ids);
    assert!(more.contains(r#"id="why-it-works-3""#), "{more}");
}

#[test]
fn root_links_become_relative_and_others_stay() {
    let html = to_html(
        "[a](/ground-rules.html#rule-1) [b](x.html) [c](https://example.org) ![i](/images/p.png)",
        "workshops/w/m.html",
        &mut Ids::default(),
    );
    assert!(
        html.contains(r#"href="../../ground-rules.html#rule-1""#),
        "{html}"
    );
    assert!(html.contains(r#"href="x.html""#), "{html}");
    assert!(html.contains(r#"href="https://example.org""#), "{html}");
    assert!(html.contains(r#"src="../../images/p.png""#), "{html}");
}

/// From disk a browser shows a folder's files, not its index page: a link
/// to a folder, written from the page, leads to the index page, in
/// Markdown and in HTML written in it.
#[test]
fn relative_links_to_folders_lead_to_their_index_pages() {
    let html = to_html(
        "[a](practice/) [b](../) [c](./#top) [d](..) [e](sets/?x=1#y) [f](x.html) [g](#here) [h](https://example.org/) <a href=\"workshops/\">i</a>",
        "kurs/page.html",
        &mut Ids::default(),
    );
    for href in [
        "practice/index.html",
        "../index.html",
        "./index.html#top",
        "../index.html",
        "sets/index.html?x=1#y",
        "x.html",
        "#here",
        "https://example.org/",
        "workshops/index.html",
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}: {html}");
    }
}

#[test]
fn tables_footnotes_and_inline() {
    let html = to_html(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^n]\n\n[^n]: Note.\n",
        "index.html",
        &mut Ids::default(),
    );
    assert!(
        html.contains("<table>") && html.contains("<td>2</td>"),
        "{html}"
    );
    assert!(html.contains("footnote-definition"), "{html}");
    assert_eq!(
        inline_html("Just *this*.", "index.html", &Ids::default()),
        "Just <em>this</em>."
    );
    assert!(inline_html("One.\n\nTwo.", "index.html", &Ids::default()).contains("<p>Two.</p>"));
}

#[test]
fn windows_sign_references_are_read_as_a_browser_reads_them() {
    let html = to_html(
        "# Plan &#150; dzie&#324; 1\n\nIt&#146;s &#147;open&#148; &#128;5 &#133; `&#150;` &#157;",
        "p.html",
        &mut Ids::default(),
    );
    assert!(
        html.contains("<h1 id=\"plan-dzień-1\">Plan – dzień 1</h1>"),
        "{html}"
    );
    assert!(
        html.contains("It’s “open” €5 … <code>&amp;#150;</code> \u{9d}"),
        "{html}"
    );
}

#[test]
fn slugs() {
    assert_eq!(slugify("Why it works: L = P + Q"), "why-it-works-l-p-q");
    assert_eq!(slugify("  Étude -- deux "), "étude-deux");
    assert_eq!(slugify("???"), "section");
}

#[test]
fn a_web_address_written_out_is_a_link_as_github_shows_it() {
    let html = to_html(
        "Join at https://wial.org/join_us. Or (see https://example.com/a_(b)), www.x.org, `https://code.example`.\n\n[https://kept.example](https://kept.example) <a href=\"https://raw.example\">https://raw.example</a> xhttps://no.example\n",
        "x.html",
        &mut Ids::default(),
    );
    assert!(html.contains(r#"Join at <a class="address" href="https://wial.org/join_us">https://wial.org/join_us</a>. Or (see <a class="address" href="https://example.com/a_(b)">https://example.com/a_(b)</a>), www.x.org, <code>https://code.example</code>."#), "{html}");
    assert!(html.contains(r#"<a class="address" href="https://kept.example">https://kept.example</a> <a href="https://raw.example">https://raw.example</a> xhttps://no.example"#), "{html}");
}

#[test]
fn a_task_list_shows_boxes_not_brackets_and_no_form_controls() {
    let html = to_html(
        "- [ ] Book the room\n- [x] Send invitations\n",
        "x.html",
        &mut Ids::default(),
    );
    assert!(
        html.contains("<li>\u{2610}\u{fe0e} Book the room</li>"),
        "{html}"
    );
    assert!(
        html.contains("<li>\u{2611}\u{fe0e} Send invitations</li>"),
        "{html}"
    );
    assert!(!html.contains("<input"), "{html}");
}

/// An address in code, a code block or raw `<code>`, `<pre>` or `<kbd>` is
/// code to type, not a link.
#[test]
fn a_web_address_in_code_stays_text() {
    let md = "```\ncurl https://example.com/api?a=1\n```\n\nRun <code>https://x.example</code> or <kbd>http://y.example</kbd>, then https://z.example.\n";
    let html = to_html(md, "p.html", &mut Ids::default());
    assert!(
        html.contains("<pre><code>curl https://example.com/api?a=1\n</code></pre>"),
        "{html}"
    );
    assert!(html.contains("<code>https://x.example</code> or <kbd>http://y.example</kbd>, then <a class=\"address\" href=\"https://z.example\">"), "{html}");
}
