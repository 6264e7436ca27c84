//! `alsite serve`: builds the site into memory, serves it over HTTP/1.1
//! (`conn`, with the limits of `http`, the checks of `host`, heads read by
//! `request`, answers framed by `response`), watches the sources
//! (`watch`), rebuilds on every save and tells open pages to reload through
//! Server-Sent Events (`events`). A failed rebuild keeps the last good site
//! and shows its errors in an overlay on every page.

pub mod conn;
pub mod events;
pub mod gate;
pub mod host;
pub mod http;
pub mod lan;
pub mod range;
pub mod request;
pub mod response;
mod summary;
pub mod turns;
pub mod watch;

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::{errln, outln};
use conn::Answer;
use gate::{Gate, Ticket};
use host::{host_port, HostRule};
use http::{content_type, not_built_page, not_found_page, site_path, Refusal, Shown, EVENTS_PATH};
use request::Head;
use response::{Piece, Response};
use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;
use summary::{same_files, same_words, Summary};
use watch::Sources;

pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    /// Names besides localhost this server may be addressed by (`--host`).
    pub hosts: Vec<String>,
}

/// The site as served: every output file by path, and the error of the last
/// rebuild if it failed.
struct Snapshot {
    files: HashMap<String, Arc<Vec<u8>>>,
    error: Option<String>,
    /// The last good build's warnings, if any: how many, and the messages
    /// as browsers are shown them.
    warnings: Option<(usize, String)>,
    /// The words of the server's own pages (the 404 page, the error
    /// overlay) in each of the site's languages, the default first.
    strings: Vec<Arc<Strings>>,
    /// Which version of the site this is: every page served holds it, and
    /// reloads when the live-reload stream names another (see `events`).
    version: u64,
}

impl Default for Snapshot {
    fn default() -> Snapshot {
        Snapshot {
            files: HashMap::new(),
            error: None,
            warnings: None,
            strings: vec![crate::i18n::builtin_english()],
            version: first_version(),
        }
    }
}

/// The version before the first build: the time the server started, so a
/// tab left open from an earlier run of `serve` holds a version this run
/// never serves, and reloads when its stream reconnects.
fn first_version() -> u64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(since.as_micros()).unwrap_or(u64::MAX / 2)
}

impl Snapshot {
    fn new(
        outputs: Vec<crate::render::Output>,
        strings: Vec<Arc<Strings>>,
        version: u64,
    ) -> Snapshot {
        let files = outputs.into_iter().map(|o| (o.path, o.bytes)).collect();
        Snapshot {
            files,
            error: None,
            warnings: None,
            strings,
            version,
        }
    }

    /// The words for a page at `path`: those of its language folder
    /// (`en/…` on a site whose default is Polish), else the default's; and
    /// the home page of that language.
    fn language_of(&self, path: &str) -> (Arc<Strings>, String) {
        let folder = path.split_once('/').map(|(first, _)| first);
        match self
            .strings
            .iter()
            .skip(1)
            .find(|s| Some(s.lang()) == folder)
        {
            Some(s) => (s.clone(), format!("/{}/index.html", s.lang())),
            None => (
                self.strings
                    .first()
                    .cloned()
                    .unwrap_or_else(crate::i18n::builtin_english),
                "/index.html".into(),
            ),
        }
    }
}

struct Shared {
    site: RwLock<Arc<Snapshot>>,
    events: Arc<events::Broadcaster>,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn replace(&self, snapshot: Snapshot) {
        *self.site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Serves `snapshot`; a new version of the site's pages (`reload`) is
    /// announced to streams that open from now on before it is served, and
    /// to every open page once it is.
    fn publish(&self, snapshot: Snapshot, reload: bool) {
        if reload {
            self.events.set_version(snapshot.version);
        }
        self.replace(snapshot);
        if reload {
            self.events.reload();
        }
    }
}

impl conn::Site for Shared {
    fn answer(&self, head: &Head) -> Answer {
        Answer::Response(match answer(self, head) {
            Some(response) => response,
            None => return Answer::Events,
        })
    }

    fn event_stream_order(&self) -> u64 {
        self.events.next_order()
    }

    fn add_event_stream(&self, stream: Arc<TcpStream>, ticket: Ticket, order: u64) {
        self.events.add(stream, ticket, order);
    }
}

/// Runs until the process is stopped. Errors are for the start only: a bad
/// `--bind`, a port in use, a folder that cannot be watched.
pub fn run(options: &Options) -> Result<(), Diagnostics> {
    crate::load::site_folder(&options.root).map_err(|d| Diagnostics(vec![d]))?;
    let ip = host::parse_bind(&options.bind)
        .map_err(|message| Diagnostics(vec![Diagnostic::error("--bind", message)]))?;
    let names: Vec<String> = options
        .hosts
        .iter()
        .map(|h| host::parse_host(h))
        .collect::<Result<_, _>>()
        .map_err(|message| Diagnostics(vec![Diagnostic::error("--host", message)]))?;
    let fd_limit = conn::raise_fd_limit();
    crate::memory::return_at_once();
    crate::console::keep_running_unread();
    // Building yields to serving: a page asked for during a rebuild of a
    // large site is answered at once, not after it.
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| yield_to_serving())
        .build_global();
    let root = options.root.clone();
    let gate = Gate::new(gate::connection_limit(fd_limit));
    let first = Snapshot::default();
    let version = first.version;
    let shared = Arc::new(Shared {
        site: RwLock::new(Arc::new(first)),
        events: Arc::new(events::Broadcaster::new(
            http::MAX_EVENT_STREAMS.min(gate.limit() / 2),
            version,
        )),
    });
    // A busy port is said at once, not after a build of the whole site
    // and its warnings.
    let listener = listen(SocketAddr::new(ip, options.port))?;
    let mut builder = build::Incremental::new(&root);
    let started = Instant::now();
    apply(&root, &shared, builder.full(), started, "built");
    let local = listener
        .local_addr()
        .map_err(|e| Diagnostics(vec![Diagnostic::error("serve", e.to_string())]))?;
    if let Some(warning) = host::bind_warning(ip) {
        errln!("warning: {warning}");
    }
    // Watch before saying we are ready, so no early save is missed.
    let sources = Sources::watch(&root)?;
    if gate.limit() < http::MAX_CONNECTIONS {
        errln!(
            "note: at most {} connections at once (the open-file limit is {})",
            gate.limit(),
            fd_limit.unwrap_or(0)
        );
    }
    let url = format!("http://{}/", host_port(browsable(local)));
    outln!("serving {} at {url}", root.display());
    if local.ip().is_unspecified() {
        print_network_addresses(local);
    }
    outln!("watching site.yaml, content/, themes/ and i18n/; press Ctrl+C to stop");

    let hosts = HostRule::new(local, &names);
    let site = shared.clone();
    std::thread::spawn(move || conn::accept_loop(listener, gate, hosts, site));
    shared.events.clone().keep();
    if options.open {
        open_browser(&url);
    }
    // This thread only rebuilds from now on (threads started above keep their priority).
    yield_to_serving();
    sources.rebuild_on_change(builder, |result, since, what| {
        apply(&root, &shared, result, since, what)
    })
}

/// Lowers the calling thread's CPU priority (Linux sets it per thread;
/// elsewhere it would slow the whole process, so nothing happens there).
fn yield_to_serving() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority with who = 0 changes only the calling thread on Linux.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, REBUILD_NICE);
    }
}

/// The niceness of rebuild threads: low enough that request threads win
/// the CPU during a rebuild, and rebuilds still run at full speed otherwise.
#[cfg(target_os = "linux")]
const REBUILD_NICE: libc::c_int = 10;

/// The listening socket, or a clear error (a busy port above all).
fn listen(addr: SocketAddr) -> Result<TcpListener, Diagnostics> {
    let listener = bind(addr)?;
    deepen_backlog(&listener);
    Ok(listener)
}

/// Lets the system queue `LISTEN_BACKLOG` connections for the acceptor
/// (listening again on a listening socket only changes its queue).
#[cfg(unix)]
fn deepen_backlog(listener: &TcpListener) {
    use std::os::fd::AsRawFd;
    // SAFETY: listen on a valid socket descriptor this function borrows.
    unsafe {
        libc::listen(listener.as_raw_fd(), http::LISTEN_BACKLOG);
    }
}

#[cfg(not(unix))]
fn deepen_backlog(_: &TcpListener) {}

fn bind(addr: SocketAddr) -> Result<TcpListener, Diagnostics> {
    TcpListener::bind(addr).map_err(|e| {
        let (ip, port) = (addr.ip(), addr.port());
        let d = match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                Diagnostic::error("serve", format!("port {port} on {ip} is already in use")).hint(
                    format!(
                        "stop the other server, choose another port (--port {}), \
                         or let alsite pick a free one with --port 0",
                        port.saturating_add(1)
                    ),
                )
            }
            std::io::ErrorKind::AddrNotAvailable => Diagnostic::error(
                "serve",
                format!("{ip} is not an address of this computer, so it cannot listen there"),
            )
            .hint(
                "--bind takes one of this computer's own addresses (`ip addr` or \
                 `ipconfig` lists them), 127.0.0.1 for this computer alone, or 0.0.0.0 \
                 for every network interface",
            ),
            _ => Diagnostic::error(
                "serve",
                format!("cannot listen on {}: {e}", host_port(addr)),
            )
            .hint("check --bind and --port"),
        };
        Diagnostics(vec![d])
    })
}

/// Where other devices (a phone on the same Wi-Fi) can open a server
/// listening on every interface, or that none can for now.
fn print_network_addresses(local: SocketAddr) {
    let found = lan::addresses(local.ip());
    if found.is_empty() {
        outln!("no network address found (this computer seems to be offline): other devices cannot open the site until it joins a network");
    }
    for ip in found {
        let url = format!("http://{}/", host_port(SocketAddr::new(ip, local.port())));
        outln!("on other devices on your network: {url}");
    }
}

/// The address to print: a browser cannot open 0.0.0.0, but this machine's
/// loopback reaches a server bound to every interface.
fn browsable(local: SocketAddr) -> SocketAddr {
    match local.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), local.port())
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(std::net::Ipv6Addr::LOCALHOST.into(), local.port())
        }
        _ => local,
    }
}

fn print_diagnostics(root: &Path, diags: &Diagnostics) {
    if !diags.0.is_empty() {
        errln!("{}", diags.render(root));
    }
}

fn open_browser(url: &str) {
    let (cmd, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    // The opener's own messages (xdg-open lists every browser it tried)
    // are not the user's business; whether it worked is. Waiting for it
    // also leaves no finished process behind for the whole session.
    let opener = std::process::Command::new(cmd)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let url = url.to_string();
    std::thread::spawn(move || {
        if !opener
            .and_then(|mut child| child.wait())
            .is_ok_and(|s| s.success())
        {
            errln!("could not open a browser; open {url} yourself");
        }
    });
}

/// The answer to a request the connection layer let through; `None` for
/// the event stream (a GET switches the connection to it, a HEAD gets its
/// head).
fn answer(shared: &Shared, head: &Head) -> Option<Response> {
    if !http::known_method(&head.method) {
        return Some(Response::text(
            501,
            "this server does not know that method; it answers GET and HEAD\n",
        ));
    }
    if head.method != "GET" && head.method != "HEAD" {
        return Some(Response::text(405, "only GET and HEAD\n").header("Allow", "GET, HEAD"));
    }
    let target = head.target.as_str();
    if target.split('?').next() == Some(EVENTS_PATH) {
        return None;
    }
    let snapshot = shared.snapshot();
    // A folder without its slash is redirected when it has a page to show;
    // any other is not found (`/static` has no index.html).
    let has_index = |p: &str| snapshot.files.contains_key(&format!("{p}/index.html"));
    let path = match site_path(target, has_index) {
        Ok(p) => p,
        Err(Refusal::NeedsSlash) => {
            return Some(Response::new(301).header("Location", with_slash(target)))
        }
        Err(Refusal::BadRequest) => return Some(Response::text(400, "bad request\n")),
    };
    let earlier = !snapshot.files.is_empty();
    let error = snapshot.error.as_deref();
    let news = match (error, &snapshot.warnings) {
        (Some(message), _) => http::News::Errors(message),
        (None, Some((count, message))) => http::News::Warnings(*count, message),
        (None, None) => http::News::None,
    };
    let (strings, home) = snapshot.language_of(&path);
    let served =
        |html: &Arc<Vec<u8>>, shown| http::page(html, shown, news, &strings, snapshot.version);
    let (status, body, kind) = match snapshot.files.get(&path) {
        Some(bytes) if path.ends_with(".html") => {
            (200, served(bytes, Shown::Page), content_type(&path))
        }
        Some(bytes) => (200, vec![Piece::file(bytes)], content_type(&path)),
        // Nothing built yet: not a missing page, a site to fix.
        None if !earlier && error.is_some() => {
            let page = Arc::new(not_built_page(&strings).into_bytes());
            (
                503,
                served(&page, Shown::NotBuilt),
                "text/html; charset=utf-8",
            )
        }
        None => {
            let page = Arc::new(not_found_page(&path, &strings, &home).into_bytes());
            (
                404,
                served(&page, Shown::Missing),
                "text/html; charset=utf-8",
            )
        }
    };
    let response = Response::new(status)
        .header("Content-Type", kind)
        .header("Cache-Control", "no-store")
        .body(body);
    if status != 200 {
        return Some(response);
    }
    if let Some(failed) = http::precondition(head) {
        return Some(Response::new(failed).header("Cache-Control", "no-store"));
    }
    // Ranges are for GET alone (RFC 9110, 14.2); HEAD gets GET's headers.
    let range = head
        .range
        .as_deref()
        .filter(|_| head.method == "GET" && !head.if_range);
    Some(range::apply(response, range))
}

/// The errors as browsers are shown them: paths from the site's folder
/// and the home folder (see [`http::paths_for_browsers`]).
fn for_browsers<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>, root: &Path) -> String {
    let message = diags
        .into_iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Its links resolved, as the link check names a link's target.
    let home = crate::build::guard::home_folder();
    http::paths_for_browsers(&message, &site, home.as_deref())
}

/// The UI strings of the language site.yaml names, for the server's own
/// pages while the site does not build.
fn site_strings(root: &Path) -> Option<Arc<Strings>> {
    let lang = crate::load::site_languages::default_language(root)?;
    let theme = crate::theme::Theme::open(root, "default").ok()?;
    Some(Arc::new(crate::i18n::load(root, &theme, &lang).0))
}

/// `/practice?x=1#top` → `/practice/?x=1`: the folder with its slash, the
/// query kept, a fragment (which browsers never send) left out.
fn with_slash(target: &str) -> String {
    let target = target.split('#').next().unwrap_or("");
    match target.split_once('?') {
        Some((path, query)) => format!("{path}/?{query}"),
        None => format!("{target}/"),
    }
}

/// Puts a build's result in front of the browsers: the new files, or the
/// errors over the last good site; then tells every page to reload.
fn apply(
    root: &Path,
    shared: &Shared,
    result: Result<build::Rebuilt, Diagnostics>,
    since: Instant,
    what: &str,
) {
    let current = shared.snapshot();
    match result {
        Ok(rebuilt) => {
            print_diagnostics(root, &rebuilt.warnings);
            let same = rebuilt.full
                && same_files(&current.files, &rebuilt.changed)
                && same_words(&current.strings, &rebuilt.strings);
            let line = Summary::of(&rebuilt, what, current.error.is_some(), same);
            let full = rebuilt.full;
            // What the terminal just listed, on every page too; a rebuild
            // of the search index alone checks nothing and leaves them.
            let warnings = match rebuilt.reload || full {
                true => warnings_for_browsers(&rebuilt.warnings, root),
                false => current.warnings.clone(),
            };
            // The search index alone, or a save that changed no page and
            // no warning, leaves the pages as they were.
            let reload = line.reload() || warnings != current.warnings;
            let version = current.version + u64::from(reload);
            let snapshot = if full {
                Snapshot {
                    warnings,
                    ..Snapshot::new(rebuilt.changed, rebuilt.strings, version)
                }
            } else {
                let mut files = current.files.clone();
                for o in rebuilt.changed {
                    files.insert(o.path, o.bytes);
                }
                Snapshot {
                    files,
                    error: None,
                    warnings,
                    strings: rebuilt.strings,
                    version,
                }
            };
            shared.publish(snapshot, reload);
            if full {
                // The last site's pages were just freed: a site that shrank
                // should not keep the memory of its largest build.
                give_memory_back();
            }
            outln!("{}", line.say(since.elapsed().as_millis()));
        }
        Err(errors) => {
            print_diagnostics(root, &errors);
            // Under "The last change did not build": what stopped it first,
            // then any warnings that came with it.
            let (stopped, warned): (Vec<_>, Vec<_>) = errors.0.iter().partition(|d| d.is_error());
            // Before the first good build the server's words are still
            // the built-in English: take the site's language if site.yaml
            // names one.
            let strings = match current.files.is_empty() {
                true => site_strings(root)
                    .map(|s| vec![s])
                    .unwrap_or_else(|| current.strings.clone()),
                false => current.strings.clone(),
            };
            let failed = Snapshot {
                files: current.files.clone(),
                error: Some(for_browsers(stopped.into_iter().chain(warned), root)),
                warnings: None,
                strings,
                version: current.version + 1,
            };
            shared.publish(failed, true);
            if current.files.is_empty() {
                errln!("{what} with errors; nothing to serve until it builds: every page shows the errors");
            } else {
                errln!(
                    "{what} with errors; serving the last good site with the errors on every page"
                );
            }
            // The failed build's pages were freed.
            give_memory_back();
        }
    }
}

/// A build's warnings as every page shows them (see [`http::warnings_notice`]).
fn warnings_for_browsers(warnings: &Diagnostics, root: &Path) -> Option<(usize, String)> {
    (!warnings.0.is_empty()).then(|| (warnings.0.len(), for_browsers(&warnings.0, root)))
}

/// Returns freed memory to the system, so a server that once held 10,000
/// pages does not stay that size.
fn give_memory_back() {
    crate::memory::give_back();
}
