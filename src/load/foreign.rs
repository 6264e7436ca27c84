//! Front matter fields of other site generators (Hugo, Jekyll, mdBook,
//! Docusaurus), which alsite does not take: what to do with each instead.

/// A hint for `field`, unknown to alsite but common in pages brought from
/// another site generator; `None` for any other name.
pub fn hint(field: &str) -> Option<&'static str> {
    Some(match field {
        "draft" | "published" | "hidden" | "unlisted" | "private" | "nav_exclude" | "szkic"
        | "ukryta" => {
            "alsite has no drafts or hidden pages: every page under content/ is published; keep a draft outside content/ and delete this line"
        }
        "lang" | "language" | "locale" | "język" | "jezyk" => {
            "a page's language is in its file's name (`about.pl.md`, for a language site.yaml lists): delete this line"
        }
        "summary" | "excerpt" | "subtitle" => "alsite calls this `description`: rename the field",
        "linkTitle" | "sidebar_label" | "short_title" => "alsite calls this `nav_title`: rename the field",
        "url" | "permalink" => "the page's address is its file name, or `slug: name` (no folders, no `.html`)",
        "aliases" | "redirect_from" => "alsite makes no redirects: delete this line (link to the page's new address instead)",
        "weight" | "menu" | "nav_order" | "sidebar_position" | "order" | "parent"
        | "grand_parent" | "has_children" => {
            "the order of the navigation is `nav:` in site.yaml: delete this line"
        }
        "date" | "lastmod" | "publishDate" | "expiryDate" | "author" | "authors" | "tags"
        | "categories" | "keywords" | "layout" | "type" | "toc" | "comments" | "image"
        | "images" | "series" | "showToc" | "math" | "cover" | "featured_image" | "thumbnail"
        | "updated" | "last_modified_at" | "date_modified" | "modified" => {
            "this field belongs to another site generator and alsite does not use it: delete the line"
        }
        // The same, as a trainer may write them in Polish.
        "autor" | "autorzy" | "data" | "tagi" | "kategorie" | "słowa_kluczowe" | "okładka"
        | "obrazek" | "zdjęcie" => {
            "alsite has no such field (a page shows no author, date, tags or picture of its own; put them in the text if they matter): delete the line"
        }
        _ => return None,
    })
}

/// The other generators' fields of a front matter `yaml` besides `reported`
/// (whose error names it), with the line each is on (counted from
/// `first_line`, the file's line of the YAML's first): told in one go, so a
/// page brought from Hugo is mended in one build, not one a field.
pub fn others(yaml: &str, reported: &str, first_line: usize) -> Option<String> {
    let mut draft = None;
    let others: Vec<String> = yaml
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (key, _) = line.split_once(':')?;
            if key.starts_with([' ', '\t', '-', '#']) || key == reported {
                return None;
            }
            if hint(key)? == hint("draft")? {
                draft = Some(key);
            }
            Some(format!("`{key}` (line {})", i + first_line))
        })
        .collect();
    if others.is_empty() {
        return None;
    }
    let draft = draft.map_or(String::new(), |key| {
        format!(" (`{key}`: alsite has no drafts or hidden pages, so keep a page not ready outside content/)")
    });
    Some(format!(
        "alsite does not read {} here either{draft}",
        others.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_of_other_generators_get_a_hint() {
        assert!(super::hint("draft").unwrap().contains("no drafts"));
        assert!(super::hint("hidden")
            .unwrap()
            .contains("no drafts or hidden pages"));
        assert!(super::hint("lang").unwrap().contains("`about.pl.md`"));
        assert!(super::hint("parent").unwrap().contains("`nav:`"));
        assert!(super::hint("cover").unwrap().contains("delete the line"));
        assert!(super::hint("date").unwrap().contains("delete the line"));
        assert!(super::hint("summary").unwrap().contains("description"));
        assert!(super::hint("autor").unwrap().contains("delete the line"));
        assert!(super::hint("szkic").unwrap().contains("no drafts"));
        assert_eq!(super::hint("titel"), None);
    }

    #[test]
    fn the_other_fields_of_other_generators_are_named_with_their_lines() {
        let yaml = "title: A\ndate: 2023-04-01\ndraft: true\nmenu:\n  main: x\ntags: [a]\n";
        assert_eq!(
            super::others(yaml, "date", 2).as_deref(),
            Some("alsite does not read `draft` (line 4), `menu` (line 5), `tags` (line 7) here either (`draft`: alsite has no drafts or hidden pages, so keep a page not ready outside content/)")
        );
        assert_eq!(super::others("title: A\ndate: x\n", "date", 2), None);
        let tags = super::others("title: A\ndate: x\ntags: [a]\n", "date", 2);
        assert_eq!(
            tags.as_deref(),
            Some("alsite does not read `tags` (line 4) here either")
        );
    }
}
