//! What the server answers, kept apart from sockets so it can be tested:
//! turning a request target into a site path (refusing anything that could
//! leave the site), content types, and the scripts injected into pages.

use crate::i18n::Strings;
use crate::render::escape_html;

/// The path of the live-reload event stream.
pub const EVENTS_PATH: &str = "/__alsite/events";

/// Why a request target cannot name a file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Malformed or unsafe: 400.
    BadRequest,
    /// A folder without its trailing slash: redirect to the slash form.
    NeedsSlash,
}

/// Turns a request target (`/practice/?x=1`) into a site path
/// (`practice/index.html`). Percent-escapes are decoded once; encoded
/// slashes or backslashes, `..`, NUL and absolute forms are refused.
pub fn site_path(target: &str, is_dir: impl Fn(&str) -> bool) -> Result<String, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') || path.starts_with("//") {
        return Err(Refusal::BadRequest);
    }
    let lower = path.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") {
        return Err(Refusal::BadRequest);
    }
    let decoded = percent_decode(path).ok_or(Refusal::BadRequest)?;
    if decoded.contains('\\') || decoded.contains('\0') || decoded.contains(':') {
        return Err(Refusal::BadRequest);
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/').skip(1) {
        match seg {
            "" if parts.is_empty() => {}
            "" => {}
            "." | ".." => return Err(Refusal::BadRequest),
            s if s.starts_with('.') && s.len() > 1 && s.chars().all(|c| c == '.') => {
                return Err(Refusal::BadRequest)
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if decoded.ends_with('/') || joined.is_empty() {
        return Ok(if joined.is_empty() {
            "index.html".into()
        } else {
            format!("{joined}/index.html")
        });
    }
    if is_dir(&joined) {
        return Err(Refusal::NeedsSlash);
    }
    Ok(joined)
}

/// Decodes `%XX` escapes; `None` for a broken escape or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// The live-reload client: reloads on a `reload` event and keeps the scroll position.
const RELOAD_SCRIPT: &str = r#"<script>(function(){"use strict";var k="alsite-scroll:"+location.pathname;
window.addEventListener("load",function(){try{var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);window.scrollTo(0,Number(y));}}catch(e){}});
if(!window.EventSource)return;var es=new EventSource("/__alsite/events");
es.addEventListener("reload",function(){try{sessionStorage.setItem(k,String(window.scrollY));}catch(e){}location.reload();});})();</script>"#;

/// The page as served: the live-reload script, and the error overlay when the
/// last rebuild failed, added before `</body>`.
pub fn inject(html: &[u8], error: Option<&str>, strings: &Strings) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(message) = error {
        extra.push_str(&overlay(message, strings));
    }
    extra.push_str(RELOAD_SCRIPT);
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The error overlay: the build's messages, on top of the last good page.
pub fn overlay(message: &str, strings: &Strings) -> String {
    let head = escape_html(&strings.t("serve.overlay_head", &[]));
    let foot = escape_html(&strings.t("serve.overlay_foot", &[]));
    format!(
        r#"<div id="alsite-error-overlay" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#1c2430;border-top:6px solid #a1261b;box-shadow:0 -4px 24px rgba(0,0,0,.25);padding:1rem 1.5rem;font:15px/1.5 system-ui,sans-serif"><p style="margin:0 0 .5rem;font-weight:700;color:#a1261b">{head}</p><pre style="margin:0;white-space:pre-wrap;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace">{}</pre><p style="margin:.5rem 0 0;color:#4a5565">{foot}</p></div>"#,
        escape_html(message)
    )
}

/// The page for a path the site does not have.
pub fn not_found_page(path: &str, strings: &Strings) -> String {
    let t = |key: &str| escape_html(&strings.t(key, &[]));
    let code = format!("<code>{}</code>", escape_html(path));
    let no_page = crate::i18n::fill(&t("serve.no_page"), &[("path", &code)]);
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font:17px/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\"><h1>{}</h1><p>{no_page}</p><p><a href=\"/index.html\">{}</a></p></body></html>",
        escape_html(strings.lang()),
        t("serve.not_found_title"),
        t("serve.not_found"),
        t("serve.go_home"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(target: &str) -> Result<String, Refusal> {
        site_path(target, |p| p == "practice" || p == "workshops/foundations")
    }

    #[test]
    fn maps_targets_to_site_paths() {
        assert_eq!(resolve("/"), Ok("index.html".into()));
        assert_eq!(resolve("/about.html"), Ok("about.html".into()));
        assert_eq!(resolve("/practice/"), Ok("practice/index.html".into()));
        assert_eq!(resolve("/practice"), Err(Refusal::NeedsSlash));
        assert_eq!(
            resolve("/workshops/foundations/?x=1#y"),
            Ok("workshops/foundations/index.html".into())
        );
        assert_eq!(
            resolve("/static/style.css?v=2"),
            Ok("static/style.css".into())
        );
        assert_eq!(resolve("/a%20b.html"), Ok("a b.html".into()));
        assert_eq!(resolve("/caf%C3%A9.html"), Ok("café.html".into()));
    }

    #[test]
    fn refuses_every_way_out_of_the_site() {
        for target in [
            "/../etc/passwd",
            "/static/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/static/%2e%2e/%2e%2e/site.yaml",
            "/..%2fsite.yaml",
            "/static%2f..%2f..%2fsite.yaml",
            "/..%5csite.yaml",
            "/..\\site.yaml",
            "/static\\..\\..\\site.yaml",
            "/index.html%00.css",
            "/a\0b",
            "//etc/passwd",
            "http://example.org/etc/passwd",
            "C:/Windows/win.ini",
            "/C:/Windows/win.ini",
            "etc/passwd",
            "",
            "*",
            "/%",
            "/%zz",
            "/%ff%fe",
            "/./index.html",
            "/.../x",
        ] {
            assert_eq!(resolve(target), Err(Refusal::BadRequest), "{target:?}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/b.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("static/practice.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("static/favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn injects_before_the_body_ends_and_escapes_the_overlay() {
        let page = b"<html><body><p>Hi</p></body></html>";
        let out = String::from_utf8(inject(
            page,
            Some("a.yaml:1:2: error: <bad>"),
            &crate::i18n::builtin_english(),
        ))
        .unwrap();
        assert!(
            out.starts_with("<html><body><p>Hi</p><div id=\"alsite-error-overlay\""),
            "{out}"
        );
        assert!(out.contains("a.yaml:1:2: error: &lt;bad&gt;"));
        assert!(out.contains("new EventSource(\"/__alsite/events\")"));
        assert!(out.ends_with("</script></body></html>"));
        let plain =
            String::from_utf8(inject(b"no body", None, &crate::i18n::builtin_english())).unwrap();
        assert!(plain.starts_with("no body<script>") && !plain.contains("overlay"));
    }
}
