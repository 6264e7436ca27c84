//! Pages brought from another tool (a wiki, Hugo, mdBook, Markdown exported
//! from Google Docs): folders of pages, links written from the Markdown
//! file's folder and to `.md` files, titles only in a first `# heading` (or a
//! line underlined with `===`), and
//! files Word saved as UTF-16.

mod common;

use common::{alsite, build_site, copy_base, text, TempDir};
use std::fs;
use std::path::Path;

fn site_with(files: &[(&str, &[u8])]) -> TempDir {
    let site = TempDir::new("imported");
    copy_base(&site.0);
    for (path, bytes) in files {
        let path = site.0.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    site
}

/// Builds `site`, failing the test with alsite's messages when it fails.
fn built(site: &TempDir) -> std::path::PathBuf {
    let (out, public) = build_site(site);
    assert!(out.status.success(), "{}", text(&out.stderr));
    public
}

/// The `href` and `src` values of `html` that stay in the site.
fn local_links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for part in html.split(attr).skip(1) {
            let url = &part[..part.find('"').unwrap()];
            if !url.contains(':') && !url.starts_with('#') && !url.starts_with("//") {
                links.push(url.replace("&amp;", "&"));
            }
        }
    }
    links
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Every local link of the page at `page` (in `public`) opens a file there,
/// as a browser would from disk.
fn assert_links_open(public: &Path, page: &str) -> String {
    let html = fs::read_to_string(public.join(page)).unwrap();
    let dir = public.join(page).parent().unwrap().to_path_buf();
    for url in local_links(&html) {
        let path = decode(url.split(['?', '#']).next().unwrap());
        assert!(dir.join(&path).is_file(), "{page}: `{url}` opens nothing");
    }
    html
}

#[test]
fn pages_in_folders_keep_their_folders_and_a_folders_index_readme_or_index_is_its_page() {
    let page = |title: &str| format!("---\ntitle: {title}\n---\nText.\n");
    let site = site_with(&[
        ("content/pages/kurs/index.md", page("Kurs").as_bytes()),
        (
            "content/pages/kurs/modul-1/cwiczenia/pytania.md",
            page("Pytania").as_bytes(),
        ),
        ("content/pages/guides/_index.md", page("Guides").as_bytes()),
        (
            "content/pages/guides/facilitation/README.md",
            page("Facilitation").as_bytes(),
        ),
        (
            "content/pages/handouts/notes.markdown",
            page("Notes").as_bytes(),
        ),
    ]);
    let (out, public) = build_site(&site);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("not part of the content layout"),
        "{stderr}"
    );
    for (path, title) in [
        ("kurs/index.html", "Kurs"),
        ("kurs/modul-1/cwiczenia/pytania.html", "Pytania"),
        ("guides/index.html", "Guides"),
        ("guides/facilitation/index.html", "Facilitation"),
        ("handouts/notes.html", "Notes"),
    ] {
        let html = assert_links_open(&public, path);
        assert!(
            html.contains(&format!("<h1>{title}</h1>")) || html.contains(&format!(">{title}</h1>")),
            "{path}"
        );
    }
}

#[test]
fn links_written_from_the_files_folder_and_to_md_files_lead_to_their_pages_and_files() {
    let intro = "---\ntitle: Wprowadzenie\n---\n\n\
        [kurs](../index.md) [ćwiczenia](cwiczenia/pytania.md#pytania-otwarte) \
        [html](cwiczenia/pytania.html) [o nas](/pages/about.md) [notes](../../Notes.MD)\n\n\
        ![Grupa](../../../images/Zdjęcia%20grupy/sesja%20ćwiczeniowa.png) \
        ![Grupa](<../../../images/Zdjęcia grupy/sesja ćwiczeniowa.png>) \
        [karta](../../../files/Karta%20pracy.pdf#page=2) [start](/index.html)\n";
    let site = site_with(&[
        (
            "content/pages/kurs/index.md",
            b"---\ntitle: Kurs\n---\n[intro](modul-1/intro.md)\n",
        ),
        ("content/pages/kurs/modul-1/intro.md", intro.as_bytes()),
        (
            "content/pages/kurs/modul-1/cwiczenia/pytania.md",
            b"---\ntitle: Pytania\n---\n## Pytania otwarte\n[back](../intro.md)\n",
        ),
        (
            "content/pages/windows.md",
            b"---\r\ntitle: Windows\r\n---\r\n[notes](kurs/index.md)\r\n",
        ),
        ("content/pages/Notes.MD", b"# Notes\n"),
        ("content/images/Zdjęcia grupy/sesja ćwiczeniowa.png", b"png"),
        ("content/files/Karta pracy.pdf", b"%PDF-1.4"),
    ]);
    let public = built(&site);
    let html = assert_links_open(&public, "kurs/modul-1/intro.html");
    assert!(html.contains(r#"href="../index.html""#), "{html}");
    assert!(
        html.contains(r#"href="cwiczenia/pytania.html#pytania-otwarte""#),
        "{html}"
    );
    assert!(html.contains(r#"href="../../about.html""#), "{html}");
    assert!(html.contains(r#"href="../../Notes.html""#), "{html}");
    assert!(
        html.contains(r#"href="../../files/Karta%20pracy.pdf#page=2""#),
        "{html}"
    );
    assert_links_open(&public, "kurs/index.html");
    assert_links_open(&public, "kurs/modul-1/cwiczenia/pytania.html");
    assert_links_open(&public, "windows.html");
}

/// Raw HTML's `src` and `href`, as Pandoc writes a picture given a size or
/// a trainer writes a picture to size, lead where the same link in Markdown
/// leads: from the site root or the Markdown file's folder; it opened
/// nothing from disk or under a sub-path.
#[test]
fn links_in_raw_html_lead_where_markdown_links_lead() {
    let text = "---\ntitle: Word\n---\n\n\
        <img src=\"media/image1.png\" style=\"width:3in\" alt=\"Photo\">\n\n\
        Logo: <img src=\"/images/logo.png\" alt=\"Logo\"> and <a href=\"../about.md\">us</a>, \
        <a href='/pages/about.md#contact'>write</a> <IMG SRC=../../images/logo.png alt=x>\n";
    let site = site_with(&[
        ("content/pages/kurs/word.md", text.as_bytes()),
        ("content/pages/kurs/media/image1.png", b"png"),
        ("content/images/logo.png", b"png"),
    ]);
    let public = built(&site);
    let html = fs::read_to_string(public.join("kurs/word.html")).unwrap();
    assert!(
        html.contains(r#"<img src="../pages/kurs/media/image1.png""#),
        "{html}"
    );
    assert!(html.contains(r#"<img src="../images/logo.png""#), "{html}");
    assert!(html.contains(r#"<a href="../about.html">us</a>"#), "{html}");
    assert!(
        html.contains(r#"<a href='../about.html#contact'>write</a>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<IMG SRC=../images/logo.png alt=x>"#),
        "{html}"
    );
    assert_links_open(&public, "kurs/word.html");
}

/// A link to the file a practice set, session or workshop is written in
/// leads to its page, never to the list of them: the first set's file is
/// also what the list page is made from.
#[test]
fn links_to_the_yaml_files_of_sets_sessions_and_workshops_lead_to_their_own_pages() {
    let site = site_with(&[(
        "content/pages/links.md",
        b"---\ntitle: Links\n---\n[set](../practice/open-questions.yaml) \
          [again](/practice/open-questions.yaml#main) [session](../sessions/rota-tool.yaml) \
          [workshop](/workshops/foundations/workshop.yaml) \
          [module](/workshops/foundations/what-is-action-learning.md)\n",
    )]);
    let public = built(&site);
    let html = assert_links_open(&public, "links.html");
    for link in [
        "practice/open-questions.html",
        "practice/open-questions.html#main",
        "sessions/rota-tool.html",
        "workshops/foundations/index.html",
        "workshops/foundations/what-is-action-learning.html",
    ] {
        assert!(
            html.contains(&format!("href=\"{link}\"")),
            "{link} in {html}"
        );
    }
}

/// A workshop module's text links as a free page's does, from its own
/// file's folder and to `.md` files, on its page and in the guide and the
/// handout that show it (and its facilitator notes, in the guide).
#[test]
fn a_modules_links_to_md_files_lead_to_their_pages_wherever_its_text_shows() {
    let module = "content/workshops/foundations/what-is-action-learning.md";
    let base = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/base")
            .join(module),
    )
    .unwrap();
    let text = base.replace(
        "facilitator: Keep it short.",
        "facilitator: Keep it short; see [the team](../../pages/about.md#contact).",
    ) + "\nRead [about us](../../pages/about.md) and [again](/pages/about.md#contact), \
         and practise [here](../../practice/open-questions.yaml).\n";
    let site = site_with(&[(module, text.as_bytes())]);
    let public = built(&site);
    let text_links = [
        "../../about.html",
        "../../about.html#contact",
        "../../practice/open-questions.html",
    ];
    let pages = [
        ("what-is-action-learning.html", &text_links[..]),
        ("handout.html", &text_links[..]),
        // The guide shows the module's notes, not its text.
        ("facilitator.html", &["../../about.html#contact"][..]),
    ];
    for (page, links) in pages {
        let html = assert_links_open(&public, &format!("workshops/foundations/{page}"));
        for link in links {
            assert!(html.contains(&format!("href=\"{link}\"")), "{page}: {link}");
        }
    }
}

#[test]
fn a_link_to_a_missing_md_file_is_reported_as_written() {
    let site = site_with(&[(
        "content/pages/kurs/index.md",
        b"---\ntitle: Kurs\n---\n\n[brak](modul-9/nic.md)\n",
    )]);
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/pages/kurs/index.md:5:8: error: link `modul-9/nic.md`"),
        "{stderr}"
    );
}

#[test]
fn a_page_without_front_matter_takes_its_title_from_its_first_heading_shown_once() {
    let site = site_with(&[
        (
            "content/pages/guide.md",
            b"\n# Facilitation guide\n\nAsk one question.\n",
        ),
        (
            "content/pages/hugo.md",
            b"---\ntitle: From Hugo\n---\n\n# From Hugo\n\nText.\n\n# From Hugo\n",
        ),
    ]);
    let public = built(&site);
    let guide = fs::read_to_string(public.join("guide.html")).unwrap();
    assert!(guide.contains("<title>Facilitation guide"), "{guide}");
    assert_eq!(
        guide.matches("Facilitation guide</h1>").count(),
        1,
        "{guide}"
    );
    assert!(guide.contains("Ask one question."));
    // A title repeated as the first heading shows once; a later one stays.
    let hugo = fs::read_to_string(public.join("hugo.html")).unwrap();
    assert_eq!(hugo.matches("From Hugo</h1>").count(), 2, "{hugo}");
    assert!(hugo.find("Text.").unwrap() < hugo.rfind("From Hugo</h1>").unwrap());
}

#[test]
fn a_title_underlined_with_equals_signs_is_the_pages_title_and_lines_keep_their_numbers() {
    // Pandoc and older wikis write a first-level heading as a line of text
    // with a line of `=` below it.
    let site = site_with(&[(
        "content/pages/pandoc.md",
        b"Facilitation guide\r\n==================\r\n\r\nAsk one question.\r\n",
    )]);
    let public = built(&site);
    let page = fs::read_to_string(public.join("pandoc.html")).unwrap();
    assert!(page.contains("<title>Facilitation guide"), "{page}");
    assert_eq!(page.matches("Facilitation guide</h1>").count(), 1, "{page}");
    assert!(page.contains("Ask one question."), "{page}");

    let site = site_with(&[(
        "content/pages/pandoc.md",
        b"Guide\n=====\n\nSee [x](nope.html).\n",
    )]);
    let out = alsite(&["build"], &site.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/pages/pandoc.md:4:9: error: link `nope.html`"),
        "{stderr}"
    );
}

#[test]
fn a_page_word_saved_as_utf16_is_read_as_text() {
    let mut le = vec![0xFF, 0xFE];
    le.extend(
        "---\r\ntitle: Zażółć\r\n---\r\nGęślą jaźń.\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let mut be = vec![0xFE, 0xFF];
    be.extend("# Big endian\n".encode_utf16().flat_map(u16::to_be_bytes));
    let site = site_with(&[("content/pages/word.md", &le), ("content/pages/be.md", &be)]);
    let public = built(&site);
    let html = fs::read_to_string(public.join("word.html")).unwrap();
    assert!(
        html.contains("Zażółć</h1>") && html.contains("Gęślą jaźń."),
        "{html}"
    );
    assert!(fs::read_to_string(public.join("be.html"))
        .unwrap()
        .contains("Big endian</h1>"));
}

/// A page saved as UTF-16 without its mark is an error that shows no line
/// of the file: read as UTF-8 its letters are split by NUL bytes, noise in
/// a terminal.
#[test]
fn utf16_without_its_mark_is_told_without_the_noise_of_its_bytes() {
    let bytes: Vec<u8> = "---\ntitle: Zażółć\n---\nTekst.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let site = site_with(&[("content/pages/word.md", &bytes)]);
    let (out, _) = build_site(&site);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("content/pages/word.md:1:1: error: file is saved as UTF-16, not UTF-8\n  = hint: save it again as UTF-8"),
        "{err}"
    );
    assert!(!err.contains('\0') && !err.contains(" | "), "{err}");
}

#[test]
fn another_generators_field_on_a_free_page_is_told_the_fields_a_free_page_takes() {
    let page = b"---\ntitle: Notes\nweight: 3\n---\n\nText.\n";
    let site = site_with(&[("content/pages/notes.md", page)]);
    let (out, _) = build_site(&site);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/pages/notes.md:3:1: error: unknown field `weight`"),
        "{stderr}"
    );
    // `hero` is the home page's alone: a free page is not offered it.
    let hint = stderr.lines().find(|l| l.contains("= hint:")).unwrap();
    assert!(
        hint.ends_with("allowed fields here: `title`, `description`, `slug`, `nav_title`"),
        "{hint}"
    );
}
