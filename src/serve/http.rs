//! What the server answers, kept apart from sockets so it can be tested:
//! the limits every connection lives under, turning a request target into a
//! site path (refusing anything that could leave the site), content types,
//! and the scripts injected into pages.

use super::response::Piece;
use crate::i18n::Strings;
use crate::render::escape_html;
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

// Limits. Each is a constant so a hostile client meets the same wall every time.

/// The request line and headers together. Browsers send 1 to 4 KiB; only
/// cookies grow it, and this site sets none. Past it: 431, connection closed.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The request line (method, URL, version), within `MAX_HEAD_BYTES`. The
/// site's own URLs are short; Apache and nginx stop at 8 KiB too. Past it: 414.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// Header lines in one request (browsers send about 15). Past it: 431.
pub const MAX_HEADERS: usize = 64;
/// A request head must be complete this long after the connection is ready
/// for it (a browser sends it at once). Keeps slow or silent clients from
/// holding a connection for ever; idle keep-alive connections are closed
/// after it too, as Apache does by default (browsers reconnect).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// A response must be written within this time, and as much again for each
/// further MiB (so at least 200 KiB/s). A client that stops reading, such as
/// one that pipelines requests and never reads the answers, is cut off then.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// Within that time, a response must also go on: a client that takes less
/// than `WRITE_CHUNK` of it in this long is cut off at once (on Linux, what
/// it took is what left the send buffer: a large buffer, as the system
/// grows it for a fast link, takes no more from a write until a third of
/// it is read, which a client reading a steady 250 KB/s took over 5 s to
/// do), so clients that
/// never read a large file cannot hold every connection for its whole
/// allowance (45 s for 8 MB). That is 13 KiB/s; a browser, even in a
/// background tab, reads far faster.
pub const WRITE_STALL: Duration = Duration::from_secs(5);
/// The most one write hands the system at a time (see `WRITE_STALL`).
pub const WRITE_CHUNK: usize = 64 * 1024;
/// Connections open at once, page requests and event streams together. Each
/// costs one descriptor and one thread; a trainer's browser uses about six
/// per tab. When full, a connection is closed to make room: the one idle
/// the longest, else the busy one that answered most requests (see
/// `gate::Rank`); when every one is busy with its first answer, the
/// newcomer gets 503 and is closed at once.
/// Lowered to fit the open-file limit (see `RESERVED_FDS`).
pub const MAX_CONNECTIONS: usize = 512;
/// Event streams open at once (one per open tab), within `MAX_CONNECTIONS`,
/// so tabs can never take every connection from page requests. When full,
/// the oldest stream is closed for the newcomer (its browser reconnects
/// after `EVENT_RETRY_MS`): the tab opened last always has live reload.
pub const MAX_EVENT_STREAMS: usize = 128;
/// How often the event streams are checked for a tab that closed (a read
/// that ends), so a closed tab's stream does not hold its place.
pub const EVENT_SWEEP: Duration = Duration::from_millis(250);
/// How often every event stream gets a comment: keeps streams open through
/// proxies and finds those whose tab is gone without a word.
pub const EVENT_PING: Duration = Duration::from_secs(15);
/// The wait a browser is told to take before reconnecting a closed stream.
pub const EVENT_RETRY_MS: u32 = 1000;
/// Connections the system holds for the server before it accepts them.
/// The standard library asks for 128; a burst of a few thousand connections
/// (a script gone wrong) then fills the queue, and the system drops a
/// browser's next attempt to connect, which its browser repeats only a
/// second later (then 3 s, 7 s). Linux caps it at `net.core.somaxconn`
/// (4096 by default).
pub const LISTEN_BACKLOG: i32 = 4096;
/// Descriptors kept out of the connection budget: standard streams, the
/// listening socket, the file watcher and the files a rebuild reads.
pub const RESERVED_FDS: usize = 48;
/// Kernel send buffer of an event stream. An event is about 30 bytes and a
/// page reads it at once; a small buffer finds a stream that stopped reading
/// after a few dozen events (it is then dropped) instead of queueing megabytes.
pub const EVENT_SEND_BUFFER: usize = 4096;
/// Bytes an event stream may have sent but not yet acknowledged (Linux
/// counts them; about 17 events). A browser acknowledges each event within
/// a round trip, so more means it stopped reading (or is gone): it is
/// dropped before the next event.
pub const EVENT_BACKLOG: usize = 512;
/// After the last answer on a connection (a head too large, malformed or
/// HTTP/2, a refused host, a request with a body, which this server never
/// reads, or a client that asked to close: `Connection: close`, HTTP/1.0),
/// read and discard what the client still sends for at most this long, so
/// it sees the whole answer rather than a connection reset.
pub const LINGER: Duration = Duration::from_millis(500);

/// The path of the live-reload event stream, in the folder a site may not
/// use ([`crate::check::PREVIEW_FOLDER`]).
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
/// slashes or backslashes, `..`, NUL, absolute forms and doubled slashes
/// (`/a//b`) are refused.
pub fn site_path(target: &str, is_dir: impl Fn(&str) -> bool) -> Result<String, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') || path.starts_with("//") {
        return Err(Refusal::BadRequest);
    }
    let lower = path.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") {
        return Err(Refusal::BadRequest);
    }
    let decoded = crate::render::url::percent_decode_strict(path).ok_or(Refusal::BadRequest)?;
    if decoded.contains('\\') || decoded.contains('\0') || decoded.contains(':') {
        return Err(Refusal::BadRequest);
    }
    let mut parts = Vec::new();
    let mut segments = decoded.split('/').skip(1).peekable();
    while let Some(seg) = segments.next() {
        match seg {
            // The slash that ends a folder's address.
            "" if segments.peek().is_none() => {}
            // `a//b`: a browser resolves the page's links from the doubled
            // folder, so its styles and links would break.
            "" => return Err(Refusal::BadRequest),
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

/// Methods of HTTP that this server knows and does not allow (405, with
/// `Allow: GET, HEAD`); any other method is one it does not know (501).
pub fn known_method(method: &str) -> bool {
    matches!(
        method,
        "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "CONNECT" | "OPTIONS" | "TRACE" | "PATCH"
    )
}

/// The type a file is served as, from its extension in any case
/// (`Logo.SVG`, as cameras and Windows name files, is an image as web
/// servers serve it). Every file and page served (a 404 page too) says
/// `nosniff`, as strict hosts do, so a script or stylesheet of a type
/// missing here fails in the preview too, not first on the intranet.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
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
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "ttc" => "font/collection",
        "csv" => "text/csv; charset=utf-8",
        "apng" => "image/apng",
        "bmp" => "image/bmp",
        "xml" => "application/xml",
        "wasm" => "application/wasm",
        "avif" => "image/avif",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "ogv" => "video/ogg",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" | "opus" => "audio/ogg",
        "wav" => "audio/wav",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The live-reload client, for a page of the site at version `{v}`: the
/// stream names the version served when it opens and after every rebuild,
/// and the page reloads when it is another, keeping its scroll position
/// (a position still waiting to be restored, from a reload a moment ago,
/// is kept rather than taken as the top). On the server's own pages
/// (`{own}`: no page at this address, or none built yet) a position is
/// neither taken nor used, so a page that was gone for a moment comes back
/// where the reader was; nor does the browser put back the top of the
/// server's page over it (`scrollRestoration`, which the page hands back
/// to the browser as it is left, for the back and forward buttons). A
/// page the reader is leaving (a link followed, the next page still on its
/// way) does not reload, which would take the reader back to it; it does
/// only if it is still there a few seconds later.
const RELOAD_SCRIPT: &str = r#"<script>(function(){"use strict";var v="{v}",own={own},k="alsite-scroll:"+location.pathname;
try{if(own)history.scrollRestoration="manual";else addEventListener("pagehide",function(){history.scrollRestoration="auto";});}catch(e){}
window.addEventListener("load",function(){if(own)return;try{var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);window.scrollTo(0,Number(y));}}catch(e){}});
if(!window.EventSource)return;var es=new EventSource("/__alsite/events");
var leaving=0;addEventListener("beforeunload",function(){leaving=Date.now();});
function told(e){if(e.data===v)return;if(Date.now()-leaving<3000){setTimeout(function(){told(e);},500);return;}try{if(!own&&sessionStorage.getItem(k)===null)sessionStorage.setItem(k,String(window.scrollY));}catch(x){}location.reload();}
es.addEventListener("version",told);es.addEventListener("reload",told);})();</script>"#;

/// What a served page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A page of the site (the last good version of it, after a failed build).
    Page,
    /// The server's page for an address the site has no page at.
    Missing,
    /// The server's page for every address while the site has not built once.
    NotBuilt,
}

fn reload_script(version: u64, shown: Shown) -> String {
    let own = if shown == Shown::Page {
        "false"
    } else {
        "true"
    };
    RELOAD_SCRIPT
        .replace("{v}", &version.to_string())
        .replace("{own}", own)
}

/// The page as served, in pieces around the shared file: the live-reload
/// script, and the error overlay when the last rebuild failed (`error`, its
/// messages), go in before `</body>`. `version` is the version of the site
/// it is from.
pub fn page(
    html: &Arc<Vec<u8>>,
    shown: Shown,
    news: News<'_>,
    strings: &Strings,
    version: u64,
) -> Vec<Piece> {
    let script = reload_script(version, shown);
    let extra = match news {
        News::Errors(message) => {
            Piece::Owned(format!("{}{script}", overlay(message, shown, strings)).into())
        }
        News::Warnings(count, message) => {
            Piece::Owned(format!("{}{script}", warnings_notice(count, message, strings)).into())
        }
        News::None => Piece::Owned(script.into()),
    };
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    vec![
        Piece::Shared(html.clone(), 0..at),
        extra,
        Piece::Shared(html.clone(), at..html.len()),
    ]
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// What the last rebuild has to tell the trainer on every page.
#[derive(Clone, Copy)]
pub enum News<'a> {
    None,
    /// It failed: its errors (and warnings), as the overlay shows them.
    Errors(&'a str),
    /// It built with warnings: how many, and the messages.
    Warnings(usize, &'a str),
}

/// A built site's warnings, which the terminal lists too, on every page of
/// the preview: a closed notice in a corner, its messages one click away,
/// so a trainer who watches only the browser learns of them without the
/// page being covered ("`[rules](The two ground rules)` is not a link").
pub fn warnings_notice(count: usize, message: &str, strings: &Strings) -> String {
    let head = escape_html(&strings.plural("serve.warnings", count as u64, &[]));
    let messages = messages_and_foot(message, &strings.t("serve.warnings_foot", &[]), ".5rem 0 0");
    format!(
        r#"<details id="alsite-warnings" data-alsite-room style="position:fixed;right:.75rem;bottom:.75rem;max-width:min(44rem,calc(100vw - 1.5rem));max-height:60vh;overflow:auto;z-index:2147483647;background:#fffbeb;color:#1c2430;border:1px solid #8a5a00;border-left:6px solid #8a5a00;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.2);padding:.4rem .8rem;font:15px/1.5 system-ui,sans-serif"><summary style="cursor:pointer;font-weight:700;color:#6b4500">{head}</summary>{messages}</details>{OVERLAY_ROOM}"#
    )
}

/// The build's messages as the overlay and the warnings' notice show them,
/// set apart by `margin`, and the line below them (`foot`).
fn messages_and_foot(message: &str, foot: &str, margin: &str) -> String {
    format!(
        r#"<pre style="margin:{margin};white-space:pre-wrap;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace">{}</pre><p style="margin:.5rem 0 0;color:#4a5565">{}</p>"#,
        escape_html(message),
        escape_html(foot)
    )
}

/// The error overlay: the build's messages, on top of the last good page,
/// of the page for an address the last good site has no page at, or of the
/// page saying the site has not built yet.
pub fn overlay(message: &str, shown: Shown, strings: &Strings) -> String {
    let key = match shown {
        Shown::Page => "serve.overlay_head",
        Shown::Missing => "serve.overlay_head_missing",
        Shown::NotBuilt => "serve.overlay_head_first",
    };
    let head = escape_html(&strings.t(key, &[]));
    let messages = messages_and_foot(message, &strings.t("serve.overlay_foot", &[]), "0");
    format!(
        r#"<div id="alsite-error-overlay" data-alsite-room role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#1c2430;border-top:6px solid #a1261b;box-shadow:0 -4px 24px rgba(0,0,0,.25);padding:1rem 1.5rem;font:15px/1.5 system-ui,sans-serif"><p style="margin:0 0 .5rem;font-weight:700;color:#a1261b">{head}</p>{messages}</div>{OVERLAY_ROOM}"#
    )
}

/// `message` as the overlay shows it to every browser that reaches the
/// server (a room, with `--bind`): a path inside the site from the site's
/// folder (`content/x.md`), one elsewhere in the home folder from `~`, so
/// the trainer's disk is not on the screen. The terminal keeps them whole.
pub fn paths_for_browsers(message: &str, root: &Path, home: Option<&Path>) -> String {
    let mut out = message.to_string();
    for (folder, shown) in [(Some(root), ""), (home, "~/")] {
        let Some(folder) = folder.and_then(Path::to_str) else {
            continue;
        };
        let folder = folder.trim_end_matches(std::path::MAIN_SEPARATOR);
        if !folder.is_empty() {
            out = out.replace(&format!("{folder}{}", std::path::MAIN_SEPARATOR), shown);
        }
    }
    out
}

/// Keeps the page clear of the overlay (or the warnings' notice, open or
/// closed): the focus and scrolled-to anchors
/// stop above it (scroll-padding), and the page's end can be scrolled above
/// it, so Tab never leaves the focused control hidden under the messages.
const OVERLAY_ROOM: &str = r#"<script>(function(){var o=document.querySelector("[data-alsite-room]");if(!o)return;function fit(){var h=o.offsetHeight+"px";document.documentElement.style.scrollPaddingBottom=h;document.body.style.paddingBottom=h;}fit();addEventListener("resize",fit);o.addEventListener("toggle",fit);})();</script>"#;

/// The head of serve's own pages: a phone shows them at its width, not
/// shrunk to a desktop's, and a dark setting gets them dark.
const HEAD: &str = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><style>main{font:17px/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}:root{background:#fdfcf9;color:#1c2430}a{color:#0b5d73}@media (prefers-color-scheme:dark){:root{background:#12171d;color:#e6e9ee}a{color:#7cc7e0}}</style>";

/// The page for every path while the site has not built once: its errors
/// follow in the overlay.
pub fn not_built_page(strings: &Strings) -> String {
    let t = |key: &str| escape_html(&strings.t(key, &[]));
    format!(
        "<!doctype html><html lang=\"{}\"><head>{HEAD}<title>{}</title></head><body><main><h1>{}</h1><p>{}</p></main></body></html>",
        escape_html(strings.lang()),
        t("serve.not_built_title"),
        t("serve.not_built_title"),
        t("serve.not_built"),
    )
}

/// The page for a path the site does not have, linking to `home`.
pub fn not_found_page(path: &str, strings: &Strings, home: &str) -> String {
    let t = |key: &str| escape_html(&strings.t(key, &[]));
    let code = format!("<code>{}</code>", escape_html(path));
    let no_page = crate::i18n::fill(&t("serve.no_page"), &[("path", &code)]);
    format!(
        "<!doctype html><html lang=\"{}\"><head>{HEAD}<title>{}</title></head><body><main><h1>{}</h1><p>{no_page}</p><p><a href=\"{}\">{}</a></p></main></body></html>",
        escape_html(strings.lang()),
        t("serve.not_found_title"),
        t("serve.not_found"),
        escape_html(home),
        t("serve.go_home"),
    )
}

/// The status for a request whose preconditions fail on a file that is
/// there (RFC 9110, 13.2.2), else `None`. The server gives no entity tags,
/// so `If-Match` holds only as `*` (412 otherwise), and `If-None-Match`
/// fails only as `*` (304: the reader has a copy of whatever is there).
pub fn precondition(head: &super::request::Head) -> Option<u16> {
    let any = |list: &str| list.split(',').any(|m| m.trim() == "*");
    if head.if_match.as_deref().is_some_and(|l| !any(l)) {
        return Some(412);
    }
    head.if_none_match
        .as_deref()
        .is_some_and(any)
        .then_some(304)
}

/// Bytes sent on `stream` that the other side has not acknowledged yet.
#[cfg(target_os = "linux")]
pub fn unacknowledged(stream: &TcpStream) -> usize {
    use std::os::fd::AsRawFd;
    let mut n: libc::c_int = 0;
    // SAFETY: TIOCOUTQ (SIOCOUTQ) writes one int for a valid socket descriptor.
    let rc = unsafe { libc::ioctl(stream.as_raw_fd(), libc::TIOCOUTQ, &mut n) };
    if rc == 0 {
        usize::try_from(n).unwrap_or(0)
    } else {
        0
    }
}

/// Elsewhere only a full send buffer tells (see `EVENT_SEND_BUFFER`), and
/// a response's progress is what each write takes.
#[cfg(not(target_os = "linux"))]
pub fn unacknowledged(_: &TcpStream) -> usize {
    0
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
        assert_eq!(content_type("tools/sim.wasm"), "application/wasm");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn content_types_ignore_the_case_of_the_extension() {
        assert_eq!(content_type("images/Logo.SVG"), "image/svg+xml");
        assert_eq!(content_type("images/IMG_0042.JPG"), "image/jpeg");
        assert_eq!(content_type("fonts/Body.WOFF2"), "font/woff2");
        assert_eq!(content_type("static/Extra.Css"), "text/css; charset=utf-8");
        assert_eq!(content_type("fonts/body.ttf"), "font/ttf");
        assert_eq!(content_type("fonts/body.OTF"), "font/otf");
        assert_eq!(content_type("fonts/family.ttc"), "font/collection");
    }

    fn served(html: &[u8], error: Option<&str>) -> String {
        let file = Arc::new(html.to_vec());
        let news = error.map_or(News::None, News::Errors);
        let pieces = page(&file, Shown::Page, news, &crate::i18n::builtin_english(), 7);
        String::from_utf8(pieces.iter().flat_map(|p| p.bytes().to_vec()).collect()).unwrap()
    }

    #[test]
    fn the_overlay_shows_no_path_of_the_trainers_disk() {
        let (root, home) = (Path::new("/home/anna/sites/al"), Path::new("/home/anna"));
        let message = "content/pages/notes.md: error: this is a link to /home/anna/private/notes.md, outside the site's folder\n/home/anna/sites/al/content/x: error: cannot read /srv/x";
        assert_eq!(
            paths_for_browsers(message, root, Some(home)),
            "content/pages/notes.md: error: this is a link to ~/private/notes.md, outside the site's folder\ncontent/x: error: cannot read /srv/x"
        );
        // A folder whose name starts alike is another folder.
        let other = "a link to /home/anna/sites/al2/x.md";
        assert_eq!(
            paths_for_browsers(other, root, None),
            other,
            "no home: the rest stays"
        );
    }

    #[test]
    fn injects_before_the_body_ends_and_escapes_the_overlay() {
        let out = served(
            b"<html><body><p>Hi</p></body></html>",
            Some("a.yaml:1:2: error: <bad>"),
        );
        assert!(
            out.starts_with("<html><body><p>Hi</p><div id=\"alsite-error-overlay\""),
            "{out}"
        );
        assert!(out.contains("a.yaml:1:2: error: &lt;bad&gt;"));
        assert!(out.contains("new EventSource(\"/__alsite/events\")"));
        assert!(out.contains("var v=\"7\""), "the page holds its version");
        assert!(out.ends_with("</script></body></html>"));
        let plain = served(b"no body", None);
        assert!(plain.starts_with("no body<script>") && !plain.contains("overlay"));
    }
}
