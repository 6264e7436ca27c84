//! Front matter fields of other site generators (Hugo, Jekyll, mdBook,
//! Docusaurus), which alsite does not take: what to do with each instead.

/// A hint for `field`, unknown to alsite but common in pages brought from
/// another site generator; `None` for any other name.
pub fn hint(field: &str) -> Option<&'static str> {
    Some(match field {
        "draft" | "published" => {
            "alsite has no drafts: every page under content/ is published; keep a draft outside content/ and delete this line"
        }
        "summary" | "excerpt" | "subtitle" => "alsite calls this `description`: rename the field",
        "linkTitle" | "sidebar_label" | "short_title" => "alsite calls this `nav_title`: rename the field",
        "url" | "permalink" => "the page's address is its file name, or `slug: name` (no folders, no `.html`)",
        "aliases" | "redirect_from" => "alsite makes no redirects: delete this line (link to the page's new address instead)",
        "weight" | "menu" | "nav_order" | "sidebar_position" | "order" => {
            "the order of the navigation is `nav:` in site.yaml: delete this line"
        }
        "date" | "lastmod" | "publishDate" | "expiryDate" | "author" | "authors" | "tags"
        | "categories" | "keywords" | "layout" | "type" | "toc" | "comments" | "image"
        | "images" | "series" | "showToc" | "math" => {
            "this field belongs to another site generator and alsite does not use it: delete the line"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_of_other_generators_get_a_hint() {
        assert!(super::hint("draft").unwrap().contains("no drafts"));
        assert!(super::hint("date").unwrap().contains("delete the line"));
        assert!(super::hint("summary").unwrap().contains("description"));
        assert_eq!(super::hint("titel"), None);
    }
}
