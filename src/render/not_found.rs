//! The page for missing addresses (`404.html`). A web server sends it for
//! any address the site does not have, `/al/practice/old/set.html` as well
//! as `/al/old.html`, so its relative links would lead from wherever that
//! is. With the site's `url:` known, [`from_base`] makes each of them a
//! path from the server's root instead; without it, the page works for
//! missing addresses in the site's home folder.

use super::practice::script_json;
use super::url::is_relative;

/// Attributes that hold an address (or, `data-root`, the way to the site's
/// root, which the page's scripts put before the files they load).
const ADDRESSES: &[&str] = &[" href=\"", " src=\"", " data-root=\""];

/// `html`, a page at the site root, with every relative address in it led
/// from `base` (`/training/al/`): `static/style.css` becomes
/// `/training/al/static/style.css`. A link within the page (`#main`), a
/// path from the server's root and a full address stay as they are, and so
/// does the search box's data, whose paths go the same way.
pub fn from_base(html: &str, base: &str) -> String {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    while let Some((at, name)) = ADDRESSES
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, a)))
        .min()
    {
        let value_at = at + name.len();
        out.push_str(&rest[..value_at]);
        rest = &rest[value_at..];
        let end = rest.find('"').unwrap_or(rest.len());
        if is_relative(&rest[..end]) {
            out.push_str(base);
        }
    }
    out.push_str(rest);
    search_data_from(&out, base).unwrap_or(out)
}

/// The page with its search box's data (where the index and the way to the
/// root are) led from `base`; `None` when the page has no search box.
fn search_data_from(html: &str, base: &str) -> Option<String> {
    const START: &str = "<script type=\"application/json\" id=\"search-data\">";
    let start = html.find(START)? + START.len();
    let end = start + html[start..].find("</script>")?;
    let mut data: serde_json::Value = serde_json::from_str(&html[start..end]).ok()?;
    for field in ["index", "text", "root"] {
        if let Some(serde_json::Value::String(path)) = data.get_mut(field) {
            if is_relative(path) {
                *path = format!("{base}{path}");
            }
        }
    }
    Some(format!(
        "{}{}{}",
        &html[..start],
        script_json(&data),
        &html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses_lead_from_the_base_and_others_stay() {
        let html = concat!(
            r##"<html data-root=""><link href="static/style.css?v=1"><a href="#main">skip</a>"##,
            r#"<img src="images/logo.png"><a href="practice/index.html">p</a>"#,
            r#"<a href="https://example.com/x">x</a><a href="mailto:a@b.pl">m</a>"#,
            r#"<a href="/elsewhere.html">e</a><a class="button" href="index.html">home</a>"#,
            r#"<script type="application/json" id="search-data">{"index":"search/index.en.js","root":"","text":"search/text.en.{n}.js"}</script>"#,
        );
        let made = from_base(html, "/al/");
        for want in [
            r#"data-root="/al/""#,
            r#"href="/al/static/style.css?v=1""#,
            r##"href="#main""##,
            r#"src="/al/images/logo.png""#,
            r#"href="/al/practice/index.html""#,
            r#"href="https://example.com/x""#,
            r#"href="mailto:a@b.pl""#,
            r#"href="/elsewhere.html""#,
            r#"class="button" href="/al/index.html""#,
            r#"{"index":"/al/search/index.en.js","root":"/al/","text":"/al/search/text.en.{n}.js"}"#,
        ] {
            assert!(made.contains(want), "{want} in {made}");
        }
    }
}
