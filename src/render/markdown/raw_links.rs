//! Links in raw HTML written in Markdown (`<img src="/images/plan.png">`,
//! `<a href="../notes.md">`), made to lead where the same link written in
//! Markdown leads: from the site root or the Markdown file's folder, to
//! work under any sub-path and from disk.

/// `raw` with each address that `rewrite` changes written anew, or `None`
/// when none changes: every attribute [`crate::html::addresses`] names
/// (`src`, `href`, a video's `poster`, an object's `data`, each address
/// of a `srcset`). Tags are read as a browser reads them (see
/// [`crate::html`]); a comment's are left alone.
pub fn rewritten(raw: &str, rewrite: impl Fn(&str) -> Option<String>) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    let named = ["src", "href", "poster", "data"];
    if !named.iter().any(|n| lower.contains(n)) {
        return None;
    }
    let mut out = String::with_capacity(raw.len() + 16);
    let mut copied = 0;
    for tag in crate::html::start_tags(raw) {
        let links = crate::html::attributes(tag.attributes)
            .flat_map(|(name, value)| crate::html::addresses(tag.name, name, value));
        for value in links.filter(|v| !v.is_empty()) {
            let Some(url) = rewrite(&decoded(value)) else {
                continue;
            };
            // The value is a piece of `raw`: where it is, by its address.
            let at = value.as_ptr() as usize - raw.as_ptr() as usize;
            out.push_str(&raw[copied..at]);
            out.push_str(&url.replace('"', "%22").replace('\'', "%27"));
            copied = at + value.len();
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&raw[copied..]);
    Some(out)
}

/// An attribute's value with `&amp;` read as `&`, as a browser reads it.
fn decoded(value: &str) -> std::borrow::Cow<'_, str> {
    match value.contains("&amp;") {
        true => value.replace("&amp;", "&").into(),
        false => value.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up(url: &str) -> Option<String> {
        url.strip_prefix('/').map(|u| format!("../{u}"))
    }

    #[test]
    fn each_src_and_href_is_rewritten_in_place() {
        let raw =
            r#"<p><img alt="a" SRC='/i.png'> <a href=/about.html id=x>x</a> <a href="keep.html">"#;
        assert_eq!(
            rewritten(raw, up).as_deref(),
            Some(
                r#"<p><img alt="a" SRC='../i.png'> <a href=../about.html id=x>x</a> <a href="keep.html">"#
            )
        );
        assert_eq!(rewritten("<p>no links</p>", up), None);
        let media = r#"<img src="/a.png" srcset="/a.png 1x, /a-2x.png 2x"><video poster=/p.jpg></video><object data="/d.pdf"></object>"#;
        assert_eq!(
            rewritten(media, up).as_deref(),
            Some(
                r#"<img src="../a.png" srcset="../a.png 1x, ../a-2x.png 2x"><video poster=../p.jpg></video><object data="../d.pdf"></object>"#
            )
        );
        assert_eq!(rewritten("<!-- <img src=\"/i.png\"> -->", up), None);
    }
}
