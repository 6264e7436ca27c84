//! Relative URLs between output files, so a site works under any sub-path and
//! from file:// with no server.

/// The URL that leads from the page at `from` to the file at `to`; both are
/// paths from the site root such as `practice/index.html`. A `#fragment` on
/// `to` is kept; `to` equal to `from` gives the bare file name.
pub fn relative_url(from: &str, to: &str) -> String {
    let (to_path, fragment) = match to.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (to, None),
    };
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to_path.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut url = "../".repeat(from_dirs.len() - common);
    url.push_str(&percent_encode_path(&to_parts[common..].join("/")));
    if url.is_empty() || url.ends_with('/') {
        // `to` is a folder: link its index page, which file:// needs.
        url.push_str("index.html");
    }
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    url
}

/// The prefix that leads from the page at `from` to the site root: `""` or `"../../"`.
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// Percent-encodes what a URL path cannot carry as it is: spaces, `%`, `#`,
/// `?`, quotes, and every non-ASCII letter (as its UTF-8 bytes), so file
/// names in any language work from disk and from every web server.
pub fn percent_encode_path(path: &str) -> String {
    const KEEP: &[u8] = b"-._~/!$&'()*+,;=:@";
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || KEEP.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a broken escape or invalid UTF-8 is kept as written.
pub fn percent_decode(s: &str) -> String {
    percent_decode_strict(s).unwrap_or_else(|| s.to_string())
}

/// Decodes `%XX` escapes; `None` for a broken escape or invalid UTF-8.
pub fn percent_decode_strict(s: &str) -> Option<String> {
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

/// Resolves `url`, as written in the page at `from`, to a path from the site
/// root, percent-escapes decoded, or `None` for a URL that leaves the site
/// (scheme, `//host`). A URL that climbs above the site's root keeps a
/// leading `../` for each step too many, so it matches no file of the site.
/// Query strings are dropped; the fragment is returned apart. (The link
/// check calls this for every link of every page: it allocates once.)
pub fn resolve<'u>(from: &str, url: &'u str) -> Option<(String, Option<&'u str>)> {
    if url.starts_with("//") || has_scheme(url) {
        return None;
    }
    let (url, fragment) = match url.split_once('#') {
        Some((u, f)) => (u, Some(f)),
        None => (url, None),
    };
    let url = url.split('?').next().unwrap_or("");
    let decoded;
    let url = if url.contains('%') {
        decoded = percent_decode(url);
        decoded.as_str()
    } else {
        url
    };
    if url.is_empty() {
        return Some((from.to_string(), fragment));
    }
    // The folders so far, each followed by `/`; `above` counts the steps
    // past the root.
    let mut path = String::with_capacity(from.len() + url.len() + 12);
    if !url.starts_with('/') {
        path.push_str(from.rfind('/').map_or("", |i| &from[..=i]));
    }
    let mut above = 0;
    for seg in url.split('/') {
        match seg {
            "" | "." => {}
            ".." => match path[..path.len().saturating_sub(1)].rfind('/') {
                Some(i) => path.truncate(i + 1),
                None if path.is_empty() => above += 1,
                None => path.clear(),
            },
            s => {
                path.push_str(s);
                path.push('/');
            }
        }
    }
    path.pop();
    if above > 0 {
        path.insert_str(0, &"../".repeat(above));
    }
    if url.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some((path, fragment))
}

/// Whether `path` (as written, or from the site root without its `/`)
/// is in someone's home folder on Linux or a Mac, or on a Mac's drive:
/// `~/logo.png`, `/home/anna/Obrazy/x.jpg`, `/Users/anna/…`,
/// `/Volumes/USB/…`. No visitor has such a file. (Not `/media/…` or
/// `/tmp/…`: a site may have folders of those names.)
pub fn in_a_home_folder(path: &str) -> bool {
    let path = path.strip_prefix('/').unwrap_or(path);
    let below = |folder: &str| {
        path.strip_prefix(folder)
            .is_some_and(|rest| rest.trim_matches('/').contains('/'))
    };
    path.starts_with("~/") || below("home/") || below("Users/") || below("Volumes/")
}

/// Whether `path` is on a Windows drive (`C:\Users\…`, `d:/Kurs/…`; in a
/// built page a backslash is `%5C`): a file on the author's own computer,
/// which a browser would read as an address with the scheme `c:`.
pub fn on_windows_drive(path: &str) -> bool {
    let b = path.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && (matches!(b[2], b'/' | b'\\')
            || b[2..]
                .get(..3)
                .is_some_and(|e| e.eq_ignore_ascii_case(b"%5c")))
}

/// Whether `url` leads from the page's own folder: not within the page
/// (`#…`), not from the server's root (`/…`, `//…`), not a full address.
pub fn is_relative(url: &str) -> bool {
    !url.starts_with(['/', '#']) && !has_scheme(url)
}

/// `mailto:`, `https:`, `data:` … (a letter, then letters, digits, `+-.`, then `:`).
pub fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_home_folder_is_someone_s_not_a_folder_of_the_site() {
        for path in [
            "~/logo.svg",
            "/home/anna/Obrazy/x.jpg",
            "home/anna/x.jpg",
            "/Users/anna/logo.png",
            "/Volumes/USB/x.pdf",
        ] {
            assert!(in_a_home_folder(path), "{path}");
        }
        for path in [
            "/media/intro.mp4",
            "media/logo.svg",
            "/tmp/x.png",
            "home/x.png",
            "/images/x.png",
        ] {
            assert!(!in_a_home_folder(path), "{path}");
        }
    }

    #[test]
    fn relative_urls_between_pages() {
        let cases = [
            ("index.html", "about.html", "about.html"),
            ("index.html", "static/style.css", "static/style.css"),
            (
                "practice/index.html",
                "static/style.css",
                "../static/style.css",
            ),
            ("practice/index.html", "practice/set.html", "set.html"),
            (
                "workshops/w/a.html",
                "practice/set.html#item-2",
                "../../practice/set.html#item-2",
            ),
            ("workshops/w/a.html", "workshops/x/b.html", "../x/b.html"),
            ("about.html", "about.html#team", "about.html#team"),
            ("practice/set.html", "", "../index.html"),
            ("index.html", "", "index.html"),
            ("index.html", "our team.html", "our%20team.html"),
            ("a/b.html", "über-uns.html#x", "../%C3%BCber-uns.html#x"),
        ];
        for (from, to, want) in cases {
            assert_eq!(relative_url(from, to), want, "{from} -> {to}");
        }
    }

    #[test]
    fn root_prefix_counts_folders() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("workshops/w/a.html"), "../../");
    }

    #[test]
    fn resolve_inverts_relative_url() {
        for (from, to) in [
            ("workshops/w/a.html", "practice/set.html"),
            ("index.html", "ground-rules.html"),
            ("a/b.html", "c/d/e.html"),
            ("a/b.html", "c/über uns.html"),
        ] {
            let url = relative_url(from, to);
            assert_eq!(
                resolve(from, &url),
                Some((to.to_string(), None)),
                "{from} -> {url}"
            );
        }
    }

    #[test]
    fn resolve_handles_roots_fragments_and_outside_links() {
        assert_eq!(
            resolve("a/b.html", "/c.html#x"),
            Some(("c.html".into(), Some("x")))
        );
        assert_eq!(
            resolve("a/b.html", "#top"),
            Some(("a/b.html".into(), Some("top")))
        );
        assert_eq!(
            resolve("a/b.html", "./"),
            Some(("a/index.html".into(), None))
        );
        assert_eq!(
            resolve("a/b.html", "../"),
            Some(("index.html".into(), None))
        );
        assert_eq!(
            resolve("b.html", "../../etc/passwd"),
            Some(("../../etc/passwd".into(), None))
        );
        assert_eq!(
            resolve("a/b.html", "../our%20team.html"),
            Some(("our team.html".into(), None))
        );
        assert_eq!(resolve("b.html", "https://example.org/"), None);
        assert_eq!(resolve("b.html", "mailto:a@b.org"), None);
        assert_eq!(resolve("b.html", "//cdn.example.org/x.js"), None);
        assert_eq!(
            resolve("b.html", "c.html?x=1"),
            Some(("c.html".into(), None))
        );
    }

    /// `resolve` as first written, with a vector of segments: the one
    /// above must agree with it on any link.
    fn resolve_by_segments(from: &str, url: &str) -> Option<(String, Option<String>)> {
        if url.starts_with("//") || has_scheme(url) {
            return None;
        }
        let (url, fragment) = match url.split_once('#') {
            Some((u, f)) => (u, Some(f.to_string())),
            None => (url, None),
        };
        let url = percent_decode(url.split('?').next().unwrap_or(""));
        if url.is_empty() {
            return Some((from.to_string(), fragment));
        }
        let mut above = 0;
        let mut parts: Vec<&str> = if url.starts_with('/') {
            Vec::new()
        } else {
            let mut dirs: Vec<&str> = from.split('/').collect();
            dirs.pop();
            dirs
        };
        for seg in url.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        above += 1;
                    }
                }
                s => parts.push(s),
            }
        }
        let mut path = "../".repeat(above) + &parts.join("/");
        if url.ends_with('/') || path.is_empty() {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str("index.html");
        }
        Some((path, fragment))
    }

    proptest::proptest! {
        #[test]
        fn resolving_agrees_with_the_segment_by_segment_rules(
            from in "([a-z]{1,3}/){0,3}[a-z]{1,3}\\.html",
            url in "(/|\\./|\\.\\./|[a-z%0-9]{1,3}/|/{2}|\\.|\\.\\.|x\\.html|\\?q|#f|%2[0F]){0,7}",
        ) {
            let fast = resolve(&from, &url).map(|(p, f)| (p, f.map(str::to_string)));
            proptest::prop_assert_eq!(fast, resolve_by_segments(&from, &url));
        }
    }
}
