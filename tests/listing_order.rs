//! What a reader scans in lists, tabs and shared links. The order of the lists: free pages on the home page by
//! title and practice sets on their index page by file name, both in the
//! site language's alphabetical order, numbers by value.

mod common;

use common::{build_site as build, test_site as fixture, text};
use std::fs;

/// The card titles of `<main>` in the page at `path`, in order.
fn card_titles(html: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..];
    main.split("class=\"card-title\"")
        .skip(1)
        .map(|rest| {
            let inner = &rest[rest.find('>').unwrap() + 1..];
            let inner = inner.strip_prefix('>').unwrap_or(inner);
            let title = &inner[..inner.find("</").unwrap()];
            // The link inside the heading, if any.
            let title = title.rsplit('>').next().unwrap();
            title.replace('\u{a0}', " ")
        })
        .collect()
}

/// Free pages' titles, in no order.
const TITLES: [&str; 9] = [
    "Żaglówka",
    "Ściąga",
    "Szkoła",
    "Łańcuch",
    "Lista",
    "Ąkuku",
    "Agenda",
    "ósemka",
    "Ozon",
];

#[test]
fn polish_lists_run_in_polish_alphabetical_order_with_numbers_by_value() {
    let site = fixture("polish");
    let pages = site.path("content/pages");
    for title in TITLES {
        let file = pages.join(format!("{}.md", title.to_lowercase()));
        fs::write(file, format!("---\ntitle: {title}\n---\n\nTekst.\n")).unwrap();
    }
    let practice = site.path("content/practice");
    let set = fs::read_to_string(practice.join("pytania-otwarte.yaml")).unwrap();
    for (file, title) in [
        ("10-zamkniecie", "Dziesiąty"),
        ("2-otwarcie", "Drugi"),
        ("ćwiczenia", "Ćwiczenia"),
    ] {
        let own = set.replacen(
            "title: Od stwierdzeń do pytań otwartych",
            &format!("title: {title}"),
            1,
        );
        fs::write(practice.join(format!("{file}.yaml")), own).unwrap();
    }
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));

    let home = card_titles(&fs::read_to_string(out.join("index.html")).unwrap());
    let free: Vec<&str> = home
        .iter()
        .map(String::as_str)
        .filter(|t| TITLES.contains(t) || *t == "O nas")
        .collect();
    assert_eq!(
        free,
        [
            "Agenda",
            "Ąkuku",
            "Lista",
            "Łańcuch",
            "O nas",
            "Ozon",
            "ósemka",
            "Szkoła",
            "Ściąga",
            "Żaglówka"
        ]
    );

    let sets = card_titles(&fs::read_to_string(out.join("practice/index.html")).unwrap());
    assert_eq!(
        sets,
        [
            "Drugi",
            "Dziesiąty",
            "Ćwiczenia",
            "Od stwierdzeń do pytań otwartych"
        ]
    );
}

/// A browser tab's title names the page, its workshop and the site, each
/// once: on a one-workshop site the workshop often has the site's title.
#[test]
fn a_tab_title_does_not_repeat_a_workshop_named_as_the_site() {
    let site = fixture("polish");
    let config = fs::read_to_string(site.path("site.yaml")).unwrap();
    let config = config.replacen(
        "title: Action Learning po polsku",
        "title: Podstawy Action Learning",
        1,
    );
    fs::write(site.path("site.yaml"), config).unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let title = |page: &str| title_in(&out, page);
    assert_eq!(
        title("workshops/podstawy/czym-jest-action-learning.html"),
        "Czym jest Action Learning · Podstawy Action Learning"
    );
    assert_eq!(
        title("workshops/podstawy/index.html"),
        "Podstawy Action Learning – agenda"
    );
    // A page whose title only begins with the site's words still names the site.
    let page = "---\ntitle: Podstawy Action Learning w pigułce\n---\n\nTekst.\n";
    fs::write(site.path("content/pages/cele.md"), page).unwrap();
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        title_in(&out, "cele.html"),
        // (Polish line breaking binds "w" to the word after it.)
        "Podstawy Action Learning w\u{a0}pigułce · Podstawy Action Learning"
    );
}

/// The `<title>` of the page at `page` in the built site `out`.
fn title_in(out: &std::path::Path, page: &str) -> String {
    let html = fs::read_to_string(out.join(page)).unwrap();
    let start = html.find("<title>").unwrap() + 7;
    html[start..start + html[start..].find("</title>").unwrap()].to_string()
}

/// A link shared in a chat or on a social network shows the page's title
/// and description, and the site's name (Open Graph).
#[test]
fn a_shared_link_shows_the_page_title_description_and_site() {
    let site = fixture("polish");
    let (o, out) = build(&site);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = fs::read_to_string(out.join("o-nas.html")).unwrap();
    for want in [
        r#"<meta property="og:title" content="O nas">"#,
        r#"<meta property="og:description" content="Kim jesteśmy i jak pracujemy.">"#,
        r#"<meta property="og:site_name" content="Action Learning po polsku">"#,
    ] {
        assert!(html.contains(want), "{want} in {html}");
    }
}
