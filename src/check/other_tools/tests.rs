use super::*;

/// Each warning for a page's text as `line:column message` and its hint.
fn warned(text: &str) -> Vec<(String, String)> {
    other_syntax(Path::new("p.md"), text)
        .into_iter()
        .map(|d| {
            let place = format!("{}:{} {}", d.line, d.column, d.message);
            (place, d.hint.unwrap_or_default())
        })
        .collect()
}

fn hints(text: &str) -> Vec<String> {
    warned(text).into_iter().map(|(_, h)| h).collect()
}

#[test]
fn a_hugo_shortcode_is_warned_about_at_its_braces_with_markdown_to_write() {
    let w = warned("---\ntitle: A\n---\n\nSee {{< figure src=\"/img/circle.png\" alt=\"The circle\" >}} here.\n");
    assert_eq!(
        w,
        [(
            "5:5 `{{< figure src=\"/img/circle.png\" alt=\"The circle\" >}}` is a Hugo shortcode, which alsite does not read: the page shows it as written".to_string(),
            "write the picture in Markdown, `![The circle](/img/circle.png)`, and delete the shortcode".to_string()
        )]
    );
}

#[test]
fn a_shortcode_with_a_body_is_warned_about_once_at_its_opening_tag() {
    let w = warned("# A\n\n{{% note %}}\nRemember.\n{{% /note %}}\n\n{% quote(author=\"R\") %}\nNo.\n{% end %}\n");
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].0.starts_with("3:1 `{{% note %}}` is a Hugo shortcode"));
    assert!(w[0].1.contains("delete `{{% note %}}` and its closing tag"));
    assert!(w[1]
        .0
        .starts_with("7:1 `{% quote(author=\"R\") %}` is a Zola shortcode"));
}

#[test]
fn links_by_a_tool_s_tag_are_told_the_markdown_file_to_link_to() {
    assert_eq!(
        hints("# A\n\n[the guide]({{< ref \"session-guide\" >}}) and [b]({% link about.md %})\n"),
        [
            "link to the page's Markdown file, from this file's folder: `[words](session-guide.md)`",
            "link to the page's Markdown file, from this file's folder: `[words](about.md)`"
        ]
    );
    assert_eq!(
        hints("# A\n\n[about]({{< relref \"/about\" >}})\n"),
        ["link to the page's Markdown file, from this file's folder: `[words](/pages/about.md)`"]
    );
    assert_eq!(
        hints("# A\n\n{% include callout.html content=\"Be on time\" %}\n{{/* note */}}\n"),
        [
            "alsite does not put one file into another: paste the text of `callout.html` here",
            "write a comment as `<!-- … -->`, which no reader sees"
        ]
    );
    assert_eq!(
        hints("# A\n\n[home]({{ site.baseurl }}/index.html)\n"),
        ["delete it: a link starting with `/` (`/about.html`) works under any sub-path"]
    );
}

#[test]
fn mdbook_s_include_is_found_in_code_blocks_too() {
    let w = warned("# A\n\n{{#include snippets/opening.md}}\n\n```text\n{{#include snippets/opening.md:2:3}}\n```\n");
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0]
        .0
        .starts_with("3:1 `{{#include snippets/opening.md}}` is mdBook's"));
    assert!(w[1]
        .1
        .contains("paste the text of `snippets/opening.md` here"));
    assert_eq!(
        hints("# A\n\n{{#title The rules}}\n"),
        ["give the page's title in its front matter, `title: The rules`, and delete this line"]
    );
}

#[test]
fn code_and_comments_show_other_tools_syntax_as_written_without_a_warning() {
    let text = "# A\n\n`{{< figure >}}` and `[[x]]`\n\n```\n{{< figure >}}\n> [!NOTE]\n{% include x %}\n```\n\n    [[indented]]\n\n<!-- {{< hidden >}} -->\n";
    assert!(warned(text).is_empty(), "{:?}", warned(text));
}

#[test]
fn wiki_links_and_embeds_are_told_the_markdown_link() {
    let w = warned("# A\n\nSee [[about]], [[Ground rules|the rules]] and [[about#Our team]].\n\n![[group photo.png]]\n![[about]]\n");
    let hints: Vec<&str> = w.iter().map(|(_, h)| h.as_str()).collect();
    assert_eq!(
        hints,
        [
            "write a Markdown link to the file, from this file's folder: `[about](about.md)`",
            "write a Markdown link to the file, from this file's folder: `[the rules](<Ground rules.md>)`",
            "write a Markdown link to the file, from this file's folder: `[about](about.md#our-team)`",
            "write a picture as `![what it shows](<group photo.png>)`, its path from this file's folder",
            "alsite does not show one page inside another: link to it, `[about](about.md)`, or paste its text here",
        ]
    );
    assert!(w[0]
        .0
        .starts_with("3:5 `[[about]]` is a wiki link (Obsidian)"));
    assert!(w[3].0.starts_with("5:1 `![[group photo.png]]`"));
}

#[test]
fn a_callout_drawn_as_one_is_not_warned_about() {
    let text = "# A\n\n> [!NOTE]\n> Phones away.\n\n> [!warning]- Watch the time\n> Short.\n\n> > [!tip] Nested\n\n- > [!ĆWICZENIE]\n  > Zrób to.\n";
    assert!(warned(text).is_empty(), "{:?}", warned(text));
}

#[test]
fn a_callout_sign_past_a_quote_s_first_line_is_told_to_start_a_quote() {
    let w = warned("# A\n\n> Phones away.\n> [!NOTE]\n> Really.\n\n> Text.\n>\n> [!tip] Later\n");
    assert_eq!(
        w,
        [
            (
                "4:3 `[!NOTE]` draws a callout only on a quote's first line: here the page shows it as written".to_string(),
                "start a quote of its own with it: leave an empty line (with no `>`) before `> [!NOTE]`; or, to have it inside this quote, write `> > [!NOTE]`".to_string()
            ),
            (
                "9:3 `[!tip]` draws a callout only on a quote's first line: here the page shows it as written".to_string(),
                "start a quote of its own with it: leave an empty line (with no `>`) before `> [!tip]`; or, to have it inside this quote, write `> > [!tip]`".to_string()
            )
        ]
    );
}

#[test]
fn a_callout_kind_that_is_a_slip_for_a_known_one_is_told_it() {
    let w = warned("# A\n\n> [!WARNIGN]\n> Short.\n\n> [!sucess] Done\n");
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].0.starts_with("3:3 `[!WARNIGN]` is no kind of callout"),
        "{w:?}"
    );
    assert!(w[0].1.starts_with("did you mean `[!WARNING]`?"), "{w:?}");
    assert!(w[1].1.starts_with("did you mean `[!success]`?"), "{w:?}");
    // Kinds of a trainer's own, in Polish or German, are drawn with no word.
    let own = "# A\n\n> [!NOTA]\n> x\n\n> [!Uwaga]\n> x\n\n> [!Ważne]\n> x\n\n> [!Zadanie]\n> x\n\n> [!Przykład]\n> x\n\n> [!Ćwiczenie]\n> x\n\n> [!Pytanie]\n> x\n\n> [!TIPP]\n> x\n\n> [!Hinweis]\n> x\n";
    assert_eq!(warned(own), [], "{own}");
}

#[test]
fn pandoc_s_attributes_and_fenced_divs_are_warned_about() {
    let text = "# A\n\n![Photo](media/image1.png){width=\"3.5in\"}\n\n[Important]{.underline}\n\n::: {.note}\nText.\n:::\n\n## Goals {#goals .unnumbered}\n";
    let w = warned(text);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0]
        .0
        .starts_with("3:27 `{width=\"3.5in\"}` is an attribute list (Pandoc)"));
    assert!(w[1]
        .1
        .starts_with("delete `{.underline}` and the brackets before it"));
    assert!(w[2].0.starts_with("7:1 `::: {.note}` is a fenced div"));
}

#[test]
fn obsidian_s_comments_and_highlights_are_told_the_markdown_to_write() {
    let w = warned("# A\n\nText %%only for me%% and ==key words==.\n\n%%\nA private note.\n%%\n");
    assert_eq!(w.len(), 4, "{w:?}");
    assert!(w[0]
        .0
        .starts_with("3:6 `%%only for me%%` is a comment as Obsidian writes it"));
    assert_eq!(
        w[0].1,
        "write a comment as `<!-- … -->`, which no reader sees"
    );
    assert_eq!(
        w[1].1,
        "write `**key words**` for bold, or `<mark>key words</mark>` for a highlight"
    );
    assert!(w[2].0.starts_with("5:1 `%%`"), "{w:?}");
    let plain = "# A\n\nIf a == b and c==d, or 100%.\n\nTitle\n=====\n\nUp 50%% (a slip), from 40%% to 60%%.\n";
    assert!(warned(plain).is_empty(), "{:?}", warned(plain));
}

#[test]
fn ordinary_braces_and_brackets_are_left_alone() {
    let text = "# A\n\nA set {a, b} and a[i][j], [note]{ } and {{ }} and f(x){y}.\n\nA [link](x.md) (and more).\n";
    assert!(warned(text).is_empty(), "{:?}", warned(text));
}

#[test]
fn a_windows_file_is_placed_as_well() {
    let w = warned("\u{feff}---\r\ntitle: A\r\n---\r\n\r\nSee [[about]].\r\n");
    assert!(w[0].0.starts_with("5:5 "), "{w:?}");
}

/// The loader's cheap test passes every text the check warns about.
#[test]
fn the_cheap_test_passes_every_text_the_check_finds() {
    let pieces = [
        "{", "}", "[", "]", "<", ">", "%", "#", "!", ":", "(", ")", " ", "a", "=", ".", "\n", "|",
        "==",
    ];
    let mut rng = crate::synth::Rng(7);
    let mut next = |n: usize| rng.below(n);
    for _ in 0..20_000 {
        let text: String = (0..next(16)).map(|_| pieces[next(pieces.len())]).collect();
        if !found_in(&text).is_empty() {
            assert!(may_have_other_syntax(&text), "{text:?}");
        }
    }
}

/// What the review found: a callout named in Polish (drawn, titled with its word), a comment of several
/// lines, a citation link whose words are a number in brackets.
#[test]
fn polish_callouts_long_comments_and_citations() {
    let w = warned("# A\n\n> [!ĆWICZENIE]\n> Zrób to.\n");
    assert!(w.is_empty(), "a kind of the trainer's own is drawn: {w:?}");
    let comment = "# A\n\n<!--\nTODO: [[Ground rules]] and %%private%%\n-->\n\nText.\n";
    assert!(warned(comment).is_empty(), "{:?}", warned(comment));
    let cite = "# A\n\nSee [[1]](https://example.org/paper) and [[2]](<notes.md>).\n";
    assert!(warned(cite).is_empty(), "{:?}", warned(cite));
}

#[test]
fn a_callout_sign_written_nearly_right_is_named_with_the_sign_to_write() {
    let w = warned("# A\n\n> [! WARNING]\n> Careful.\n\n> [!TIP\n> A tip.\n\n> **[!NOTE]**\n> A note.\n\n> [!NOTE] Fine\n\n> A quote with [! this] inside.\n");
    let places: Vec<&str> = w.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        places,
        [
            "3:3 `[! WARNING]` is not a callout's sign, so the page shows it as written",
            "6:3 `[!TIP` is not a callout's sign, so the page shows it as written",
            "9:3 `**[!NOTE]**` is not a callout's sign, so the page shows it as written",
        ]
    );
    assert!(w[0].1.starts_with("write `> [!WARNING]`"), "{}", w[0].1);
}
