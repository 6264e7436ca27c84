use super::super::{to_html, Ids};
use super::Names;
use std::sync::Arc;

/// The page's HTML for `markdown`, with the default theme's names in `lang`.
fn page(markdown: &str, lang: &str) -> String {
    // A site with no files of its own: the default theme's words.
    let root = std::path::Path::new("no-such-site");
    let theme = crate::theme::Theme::open(root, "default").unwrap();
    let (strings, _) = crate::i18n::load(root, &theme, lang);
    let names = Names::new(|key| strings.t(key, &[]));
    let mut ids = Ids::default().with_callouts(Arc::new(names));
    to_html(markdown, "x.html", &mut ids)
}

#[test]
fn a_github_callout_is_a_note_titled_with_its_kind() {
    let html = page("> [!NOTE]\n> Phones away during the round.\n", "en");
    assert_eq!(
        html,
        "<aside class=\"callout callout-note\" role=\"note\">\n\
         <p class=\"callout-title\" data-no-search>Note</p>\n\
         <p>Phones away during the round.</p>\n</aside>\n"
    );
    assert!(!html.contains("[!"), "{html}");
}

#[test]
fn each_github_kind_has_its_own_look_and_name() {
    for (marker, class, name) in [
        ("TIP", "tip", "Tip"),
        ("IMPORTANT", "important", "Important"),
        ("WARNING", "warning", "Warning"),
        ("CAUTION", "caution", "Caution"),
    ] {
        let html = page(&format!("> [!{marker}]\n> Text.\n"), "en");
        assert!(
            html.starts_with(&format!(
                "<aside class=\"callout callout-{class}\" role=\"note\">\n\
                 <p class=\"callout-title\" data-no-search>{name}</p>"
            )),
            "{html}"
        );
    }
}

#[test]
fn an_obsidian_kind_in_lower_case_with_a_title_shows_the_title() {
    let html = page("> [!tip] Before the *session*\n> Print the rules.\n", "en");
    assert_eq!(
        html,
        "<aside class=\"callout callout-tip\" role=\"note\">\n\
         <p class=\"callout-title\">Before the <em>session</em></p>\n\
         <p>Print the rules.</p>\n</aside>\n"
    );
    // Obsidian's other kinds take the nearest look and their own name.
    let html = page("> [!faq]\n> Who speaks first?\n", "en");
    assert!(html.contains("callout-warning"), "{html}");
    assert!(html.contains(">Question</p>"), "{html}");
    let html = page("> [!Danger]\n> Hot.\n", "en");
    assert!(html.contains("callout-caution"), "{html}");
    assert!(html.contains(">Danger</p>"), "{html}");
}

#[test]
fn a_fold_sign_folds_the_text_under_its_title() {
    let html = page("> [!warning]- Watch the time\n> Short rounds.\n", "en");
    assert_eq!(
        html,
        "<aside class=\"callout callout-warning\" role=\"note\">\n<details>\n\
         <summary class=\"callout-title\">Watch the time</summary>\n\
         <p>Short rounds.</p>\n</details>\n</aside>\n"
    );
    let html = page("> [!NOTE]+\n> Open.\n", "en");
    assert!(
        html.contains(
            "<details open>\n<summary class=\"callout-title\" data-no-search>Note</summary>"
        ),
        "{html}"
    );
}

#[test]
fn markdown_inside_a_callout_is_drawn_too() {
    let md = "> [!IMPORTANT]\n> Ask, **do not tell**:\n>\n> - one\n> - two\n>\n> > [!tip]\n> > Nested.\n\nAfter.\n";
    let html = page(md, "en");
    assert!(
        html.contains("<p>Ask, <strong>do not tell</strong>:</p>"),
        "{html}"
    );
    assert!(html.contains("<li>one</li>"), "{html}");
    assert!(
        html.contains("<aside class=\"callout callout-tip\" role=\"note\">"),
        "{html}"
    );
    assert_eq!(html.matches("</aside>").count(), 2, "{html}");
    assert!(
        html.ends_with("</aside>\n</aside>\n<p>After.</p>\n"),
        "{html}"
    );
}

#[test]
fn a_polish_page_gets_polish_titles() {
    let html = page(
        "> [!TIP]\n> Wydrukuj zasady.\n\n> [!warning]\n> Czas.\n",
        "pl",
    );
    assert!(html.contains(">Wskazówka</p>"), "{html}");
    assert!(html.contains(">Ostrzeżenie</p>"), "{html}");
}

#[test]
fn a_kind_neither_tool_has_is_a_note_titled_with_its_word() {
    let html = page("> [!ĆWICZENIE]\n> Zrób to.\n", "pl");
    assert!(html.contains("callout-note"), "{html}");
    assert!(html.contains(">Ćwiczenie</p>"), "{html}");
}

#[test]
fn quotes_that_are_no_callouts_stay_quotes() {
    for md in [
        "> Just a quote.\n",
        "> Text first.\n> [!NOTE]\n",
        "> [!] empty\n",
        "> [x] not a sign\n",
        "> `[!NOTE]` written as code\n",
        "```\n> [!NOTE]\n```\n",
    ] {
        let html = page(md, "en");
        assert!(!html.contains("callout"), "{md:?}: {html}");
    }
}

#[test]
fn a_title_of_markup_alone_is_the_title_and_an_empty_callout_has_its_name() {
    let html = page("> [!NOTE] **Phones** away\n> Always.\n", "en");
    assert!(
        html.contains(
            "<p class=\"callout-title\"><strong>Phones</strong> away</p>\n<p>Always.</p>"
        ),
        "{html}"
    );
    let html = page("> [!CAUTION]\n", "en");
    assert_eq!(
        html,
        "<aside class=\"callout callout-caution\" role=\"note\">\n\
         <p class=\"callout-title\" data-no-search>Caution</p>\n</aside>\n"
    );
}

/// Trainers wrap their lines: bold or a link that goes on to the next line
/// takes the title on with it, and the HTML stays whole.
#[test]
fn a_title_whose_bold_goes_on_to_the_next_line_stays_whole() {
    let html = page(
        "> [!TIP] **Bring a real\n> problem** to the session\n> Not a made-up one.\n",
        "en",
    );
    assert!(
        html.contains(
            "<p class=\"callout-title\"><strong>Bring a real problem</strong> to the session</p>\n<p>Not a made-up one.</p>"
        ),
        "{html}"
    );
    let html = page("> [!NOTE] See [the\n> rules](/r.html)\n", "en");
    assert!(
        html.contains(
            "<p class=\"callout-title\">See <a href=\"r.html\">the rules</a></p>\n</aside>"
        ),
        "{html}"
    );
}
