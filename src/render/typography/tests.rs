//! Polish quotation marks and line breaking, case by case.

use super::*;

#[test]
fn an_amount_never_parts_across_two_lines() {
    assert_eq!(bind_amounts("1 200 zł"), "1\u{a0}200\u{a0}zł");
    assert_eq!(
        bind_amounts("Od 9 800 zł netto"),
        "Od 9\u{a0}800\u{a0}zł netto"
    );
    assert_eq!(bind_amounts("90 EUR per person"), "90\u{a0}EUR per person");
    assert_eq!(
        bind_amounts("£450 for a team of 8 people"),
        "£450 for a team of 8 people"
    );
}

#[test]
fn a_number_goes_on_with_what_it_counts() {
    assert_eq!(
        bind_polish("<p>w pierwszych 5 minutach, kosztuje 1 200 zł, 1,5 godz. i 10% czasu</p>"),
        "<p>w\u{a0}pierwszych 5\u{a0}minutach, kosztuje 1\u{a0}200\u{a0}zł, 1,5\u{a0}godz. i\u{a0}10% czasu</p>"
    );
    // A list's number keeps to its first word.
    assert_eq!(
        bind_polish("<p>1) zbierz dane</p>"),
        "<p>1)\u{a0}zbierz dane</p>"
    );
    // Not a number inside a word, nor numbers in a row, nor before a dash.
    assert_eq!(
        bind_polish("<p>COVID-19 sprawił</p>"),
        "<p>COVID-19 sprawił</p>"
    );
    assert_eq!(bind_polish("<p>1 2 3 4</p>"), "<p>1 2 3 4</p>");
    assert_eq!(bind_polish("<p>9:00 – 10:00</p>"), "<p>9:00 – 10:00</p>");
    assert_eq!(
        bind_polish("<p>12 1234 osób</p>"),
        "<p>12 1234\u{a0}osób</p>"
    );
    // Groups of three after one of one to three digits, not after a year.
    assert_eq!(
        bind_polish("<p>W 2023 200 osób, za 150 000 zł</p>"),
        "<p>W\u{a0}2023 200\u{a0}osób, za 150\u{a0}000\u{a0}zł</p>"
    );
    // What it counts in an inline element after it.
    assert_eq!(
        bind_polish("<p>pierwsze 5 <em>minut</em></p>"),
        "<p>pierwsze 5\u{a0}<em>minut</em></p>"
    );
}

#[test]
fn a_one_letter_word_goes_on_with_the_next() {
    assert_eq!(
        bind_polish("<p>Action Learning w praktyce i coaching</p>"),
        "<p>Action Learning w\u{a0}praktyce i\u{a0}coaching</p>"
    );
    // Capitals too, after an opening quote or bracket; not inside a word.
    assert_eq!(
        bind_polish("<p>„A potem (z kim</p>"),
        "<p>„A\u{a0}potem (z\u{a0}kim</p>"
    );
    assert_eq!(bind_polish("<p>Kraków a</p>"), "<p>Kraków a</p>");
    assert_eq!(bind_polish("<p>tak: w </p>"), "<p>tak: w </p>");
    // A text's first letter after a start tag starts a word; after an end tag it ends one.
    assert_eq!(bind_polish("<p>W grupie</p>"), "<p>W\u{a0}grupie</p>");
    assert_eq!(
        bind_polish("<em>Kraków</em>a potem"),
        "<em>Kraków</em>a potem"
    );
    // An ending after an apostrophe is no word; a quoted letter is one.
    assert_eq!(
        bind_polish("<p>na pendrive'a i otworzyć</p>"),
        "<p>na pendrive'a i\u{a0}otworzyć</p>"
    );
    assert_eq!(bind_polish("<p>'a potem'</p>"), "<p>'a\u{a0}potem'</p>");
    assert_eq!(bind_polish("<p>to 'w domu'</p>"), "<p>to 'w\u{a0}domu'</p>");
}

#[test]
fn across_an_inline_tag_but_not_into_a_block() {
    assert_eq!(
        bind_polish("<p>czytaj o <a href=\"x.html\">zasadach</a></p>"),
        "<p>czytaj o\u{a0}<a href=\"x.html\">zasadach</a></p>"
    );
    assert_eq!(
        bind_polish("<li>i </li><li>dalej</li>"),
        "<li>i </li><li>dalej</li>"
    );
}

#[test]
fn straight_double_quotes_open_low_and_close_high() {
    // As Markdown writes them (&quot;), as templates do (&#34;), and raw.
    assert_eq!(
        bind_polish("<p>Zapytaj &quot;dlaczego&quot;, nie &#34;kto&#34;. \"Tak\".</p>"),
        "<p>Zapytaj „dlaczego”, nie „kto”. „Tak”.</p>"
    );
    // Across inline tags; a block starts afresh; after a bracket or a dash.
    assert_eq!(
        bind_polish("<p>To <em>&quot;runda&quot;</em>&quot; (&quot;x&quot;) –&quot;y&quot;</p><p>&quot;Z&quot;</p>"),
        "<p>To <em>„runda”</em>” („x”) –„y”</p><p>„Z”</p>"
    );
    // Code, scripts, attributes and marks already curled are left alone.
    let html = "<code>&quot;a&quot;</code><script>var a = \"x\";</script><img alt=\"&quot;b&quot;\"><p>„c”</p>";
    assert!(matches!(bind_polish(html), Cow::Borrowed(_)));
    // What a script shows: plain text.
    let mut strings = serde_json::json!({ "x": "Kliknij \"Dalej\"" });
    bind_every_text(&mut strings);
    assert_eq!(strings["x"], "Kliknij „Dalej”");
}

#[test]
fn an_abbreviations_ending_stays_with_it() {
    assert_eq!(bind_polish("<p>do HR-u.</p>"), "<p>do HR-\u{2060}u.</p>");
    assert_eq!(
        bind_polish("<p>SMS-a, PDF-ie</p>"),
        "<p>SMS-\u{2060}a, PDF-\u{2060}ie</p>"
    );
    // Not a compound of words, nor a long ending.
    assert_eq!(
        bind_polish("<p>biało-czerwony, HR-owiec</p>"),
        "<p>biało-czerwony, HR-owiec</p>"
    );
}

#[test]
fn code_attributes_scripts_and_fields_are_left_alone() {
    let html = "<pre>a i b</pre><code>w x</code><textarea>o y</textarea>\
                <script>var a = i + w;</script><img alt=\"a w b\"><svg><text>i z</text></svg>";
    assert!(matches!(bind_polish(html), Cow::Borrowed(_)));
}

#[test]
fn what_a_practice_item_shows_later_is_bound_and_its_answers_are_not() {
    let mut data = serde_json::json!({
        "type": "choose",
        "answer": "w grupie",
        "explain": "<p>Pytanie o wsparcie</p>",
        "options": [{ "correct": true, "feedback": "<p>Tak, w grupie.</p>" }],
        "models": ["Co z tego wynika?", "A co potem?"],
    });
    bind_shown(&mut data);
    assert_eq!(data["answer"], "w grupie");
    assert_eq!(data["explain"], "<p>Pytanie o\u{a0}wsparcie</p>");
    assert_eq!(data["options"][0]["feedback"], "<p>Tak, w\u{a0}grupie.</p>");
    assert_eq!(data["models"][0], "Co z\u{a0}tego wynika?");
    assert_eq!(data["models"][1], "A\u{a0}co potem?");
}

#[test]
fn the_strings_scripts_show_are_bound_placeholders_kept() {
    let mut strings = serde_json::json!({
        "player.turn_of": "Wypowiedź {n} z {total}",
        "time.minutes": { "few": "{n} minuty", "other": "w sumie {n}" },
    });
    bind_every_text(&mut strings);
    assert_eq!(strings["player.turn_of"], "Wypowiedź {n} z\u{a0}{total}");
    assert_eq!(strings["time.minutes"]["other"], "w\u{a0}sumie {n}");
    // A piece a script puts between two others ("A i B"): its last
    // word goes on with what the script puts after it.
    let mut and = serde_json::json!({ "practice.and": " i " });
    bind_every_text(&mut and);
    assert_eq!(and["practice.and"], " i\u{a0}");
}

#[test]
fn only_polish() {
    assert!(applies_to("pl") && applies_to("pl-PL") && !applies_to("en") && !applies_to("plt"));
}

#[test]
fn a_quotation_inside_a_quotation_gets_a_q_of_its_own() {
    assert_eq!(
        inner_quotations("Kiedy mówisz „niskie zaangażowanie”, co widzisz?"),
        "Kiedy mówisz <q>niskie zaangażowanie</q>, co widzisz?"
    );
    assert_eq!(
        inner_quotations("You said \"low\" & “slow”"),
        "You said <q>low</q> &amp; <q>slow</q>"
    );
    // A mark without its pair stays as written, and later pairs are found.
    assert_eq!(inner_quotations("a „b <c>"), "a „b &lt;c&gt;");
    assert_eq!(inner_quotations("5\" screen"), "5&quot; screen");
    assert_eq!(
        inner_quotations("a \"\" b \"c\""),
        "a &quot;&quot; b <q>c</q>"
    );
    // Inch marks are not quotations.
    assert_eq!(
        inner_quotations("Kupiłem 27\" monitor, a szef 32\" laptop"),
        "Kupiłem 27&quot; monitor, a szef 32&quot; laptop"
    );
    assert_eq!(
        inner_quotations("(„tak” albo „nie”)"),
        "(<q>tak</q> albo <q>nie</q>)"
    );
}
