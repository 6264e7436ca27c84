//! `alsite serve`: builds the site into memory, serves it with tiny_http,
//! watches the sources with notify, rebuilds on every save and tells open
//! pages to reload through Server-Sent Events. A failed rebuild keeps the
//! last good site and shows its errors in an overlay on every page.

pub mod http;
pub mod watch;

use crate::build;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use http::{content_type, inject, not_found_page, site_path, Refusal, EVENTS_PATH};
use notify::{RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};
use watch::{classify, Change};

/// Request workers. Event streams do not hold one: their connections are
/// handed to the broadcaster as soon as the headers are written.
const WORKERS: usize = 8;
/// After the first change, wait this long for more before rebuilding:
/// editors often write a file in several steps.
const DEBOUNCE: Duration = Duration::from_millis(25);

pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
}

/// The site as served: every output file by path, and the error of the last
/// rebuild if it failed.
struct Snapshot {
    files: HashMap<String, Arc<Vec<u8>>>,
    dirs: HashSet<String>,
    error: Option<String>,
    /// The words of the server's own pages: the 404 page and the error overlay.
    strings: Arc<Strings>,
}

impl Default for Snapshot {
    fn default() -> Snapshot {
        Snapshot {
            files: HashMap::new(),
            dirs: HashSet::new(),
            error: None,
            strings: crate::i18n::builtin_english(),
        }
    }
}

impl Snapshot {
    fn new(outputs: Vec<crate::render::Output>, strings: Arc<Strings>) -> Snapshot {
        let mut dirs = HashSet::new();
        let files = outputs
            .into_iter()
            .map(|o| {
                let mut p = o.path.as_str();
                while let Some((parent, _)) = p.rsplit_once('/') {
                    dirs.insert(parent.to_string());
                    p = parent;
                }
                (o.path, Arc::new(o.bytes))
            })
            .collect();
        Snapshot {
            files,
            dirs,
            error: None,
            strings,
        }
    }
}

struct Shared {
    site: RwLock<Arc<Snapshot>>,
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
    generation: AtomicU64,
}

impl Shared {
    /// Tells every open page to reload; drops connections that are gone.
    fn broadcast(&self, event: &str) {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let message = format!("event: {event}\ndata: {generation}\n\n");
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain_mut(|w| {
            w.write_all(message.as_bytes())
                .and_then(|()| w.flush())
                .is_ok()
        });
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn replace(&self, snapshot: Snapshot) {
        *self.site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }
}

/// Runs until the process is stopped. Errors are for the start only: a
/// port in use, a folder that cannot be watched.
pub fn run(options: &Options) -> Result<(), Diagnostics> {
    let root = options.root.clone();
    let shared = Arc::new(Shared {
        site: RwLock::new(Arc::new(Snapshot::default())),
        clients: Mutex::new(Vec::new()),
        generation: AtomicU64::new(0),
    });
    let mut builder = build::Incremental::new(&root);
    let started = Instant::now();
    apply(&root, &shared, builder.full(), started, "built");
    let addr = format!("{}:{}", options.bind, options.port);
    let server = listen(&addr).map_err(|e| {
        let in_use = e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse);
        let d = if in_use {
            Diagnostic::error("serve", format!("port {} on {} is already in use", options.port, options.bind))
                .hint(format!("stop the other server, choose another port (--port {}), or let alsite pick a free one with --port 0", options.port.saturating_add(1)))
        } else {
            Diagnostic::error("serve", format!("cannot listen on {addr}: {e}")).hint("check --bind and --port")
        };
        Diagnostics(vec![d])
    })?;
    let local: SocketAddr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| Diagnostics(vec![Diagnostic::error("serve", "not an IP address")]))?;
    if options.bind == "0.0.0.0" || options.bind == "::" {
        eprintln!("warning: serving on every network interface ({}): anyone who can reach this machine can open the site", options.bind);
    }
    // Watch before saying we are ready, so no early save is missed.
    let sources = Sources::watch(&root)?;
    let url = format!("http://{}/", display_addr(local));
    println!("serving {} at {url}", root.display());
    println!("watching site.yaml, content/, themes/ and i18n/; press Ctrl+C to stop");
    let _ = std::io::stdout().flush();

    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, shared) = (server.clone(), shared.clone());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                handle(&shared, request);
            }
        });
    }
    {
        // Comments keep idle event streams open through proxies and find dead ones.
        let shared = shared.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(15));
            let mut clients = shared.clients.lock().unwrap_or_else(|e| e.into_inner());
            clients.retain_mut(|w| w.write_all(b": ping\n\n").and_then(|()| w.flush()).is_ok());
        });
    }
    if options.open {
        open_browser(&url);
    }
    sources.rebuild_on_change(&shared, builder)
}

/// A tiny_http server on `addr` with Nagle's algorithm off. tiny_http writes
/// a response's head and body separately; with Nagle on, a keep-alive client
/// waits for its delayed ACK (40 ms) on every response. Accepted sockets
/// inherit the option from the listening one.
fn listen(addr: &str) -> Result<Server, Box<dyn std::error::Error + Send + Sync>> {
    let listener = std::net::TcpListener::bind(addr)?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let on: libc::c_int = 1;
        // SAFETY: a valid socket descriptor and a correctly sized option value.
        unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&on as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
    Server::from_listener(listener, None)
}

fn display_addr(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) => a.to_string(),
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
    }
}

fn print_diagnostics(root: &Path, diags: &Diagnostics) {
    if !diags.0.is_empty() {
        eprintln!("{}", diags.render(root));
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
    if std::process::Command::new(cmd).args(args).spawn().is_err() {
        eprintln!("could not open a browser; open {url} yourself");
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and ASCII values")
}

fn handle(shared: &Shared, request: Request) {
    let method = request.method().clone();
    if !matches!(method, Method::Get | Method::Head) {
        let _ = request.respond(
            Response::from_string("only GET and HEAD\n")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD")),
        );
        return;
    }
    let target = request.url().to_string();
    if target.split('?').next() == Some(EVENTS_PATH) {
        return open_event_stream(shared, request);
    }
    let snapshot = shared.snapshot();
    let path = match site_path(&target, |p| snapshot.dirs.contains(p)) {
        Ok(p) => p,
        Err(Refusal::NeedsSlash) => {
            let location = format!("{}/", target.split('?').next().unwrap_or(""));
            let _ = request.respond(
                Response::empty(StatusCode(301)).with_header(header("Location", &location)),
            );
            return;
        }
        Err(Refusal::BadRequest) => {
            let _ = request.respond(Response::from_string("bad request\n").with_status_code(400));
            return;
        }
    };
    let response = match snapshot.files.get(&path) {
        Some(bytes) => {
            let body = if path.ends_with(".html") {
                inject(bytes, snapshot.error.as_deref(), &snapshot.strings)
            } else {
                bytes.to_vec()
            };
            Response::from_data(body).with_header(header("Content-Type", content_type(&path)))
        }
        None => {
            let page = not_found_page(&path, &snapshot.strings);
            let body = inject(
                page.as_bytes(),
                snapshot.error.as_deref(),
                &snapshot.strings,
            );
            Response::from_data(body)
                .with_status_code(404)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// Writes the event-stream headers and hands the connection to the
/// broadcaster, so the worker is free again at once.
fn open_event_stream(shared: &Shared, request: Request) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_ok()
    {
        shared
            .clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(writer);
    }
}

/// The watcher on the site's sources: the root without recursion
/// (site.yaml, and content/ or themes/ appearing or vanishing), and content/
/// and themes/ recursively.
struct Sources {
    watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<Vec<PathBuf>>,
    root: PathBuf,
}

impl Sources {
    fn watch(root: &Path) -> Result<Sources, Diagnostics> {
        let fail = |what: &str, e: notify::Error| {
            Diagnostics(vec![Diagnostic::error(root, format!("{what}: {e}"))])
        };
        let (tx, events) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                // Reading a file is an event too (Access); only writes, creations,
                // removals and renames can change the site.
                if let Ok(event) = event {
                    use notify::event::{EventKind, ModifyKind};
                    if !matches!(
                        event.kind,
                        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
                    ) {
                        let _ = tx.send(event.paths);
                    }
                }
            })
            .map_err(|e| fail("cannot watch files", e))?;
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| fail("cannot watch the site folder", e))?;
        let mut sources = Sources {
            watcher,
            events,
            root,
        };
        sources.rewatch();
        Ok(sources)
    }

    /// (Re)adds the recursive watches; after a folder is deleted and
    /// re-created this is what keeps the loop alive.
    fn rewatch(&mut self) {
        for dir in ["content", "themes", "i18n"] {
            let path = self.root.join(dir);
            if path.is_dir() {
                let _ = self.watcher.unwatch(&path);
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
    }

    /// The rebuild loop: waits for changes that matter, lets a burst
    /// settle, rebuilds and tells the pages. Never returns on a bad edit.
    fn rebuild_on_change(
        mut self,
        shared: &Shared,
        mut builder: build::Incremental,
    ) -> Result<(), Diagnostics> {
        loop {
            let Ok(paths) = self.events.recv() else {
                return Ok(());
            };
            let mut changes: Vec<Change> = paths
                .iter()
                .filter_map(|p| classify(&self.root, p))
                .collect();
            if changes.is_empty() {
                continue;
            }
            let first = Instant::now();
            while let Ok(more) = self.events.recv_timeout(DEBOUNCE) {
                changes.extend(more.iter().filter_map(|p| classify(&self.root, p)));
                if first.elapsed() > Duration::from_millis(500) {
                    break;
                }
            }
            if changes.iter().any(|c| {
                *c == Change::Everything || matches!(c, Change::Content(p) if p == "content")
            }) {
                self.rewatch();
            }
            let result = if changes.contains(&Change::Everything) {
                builder.full()
            } else {
                let mut paths: Vec<PathBuf> = changes
                    .into_iter()
                    .filter_map(|c| match c {
                        Change::Content(p) => Some(PathBuf::from(p)),
                        Change::Everything => None,
                    })
                    .collect();
                paths.sort();
                paths.dedup();
                builder.content_changed(&paths)
            };
            apply(&self.root, shared, result, first, "rebuilt");
        }
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
            let pages = rebuilt
                .changed
                .iter()
                .filter(|o| o.path.ends_with(".html"))
                .count();
            let snapshot = if rebuilt.full {
                Snapshot::new(rebuilt.changed, rebuilt.strings)
            } else {
                let mut files = current.files.clone();
                for o in rebuilt.changed {
                    files.insert(o.path, Arc::new(o.bytes));
                }
                Snapshot {
                    files,
                    dirs: current.dirs.clone(),
                    error: None,
                    strings: rebuilt.strings,
                }
            };
            shared.replace(snapshot);
            shared.broadcast("reload");
            let ms = since.elapsed().as_millis();
            if what == "built" {
                println!("built {pages} pages in {ms} ms");
            } else {
                let scope = if rebuilt.full {
                    "all pages"
                } else {
                    "only the pages that changed"
                };
                println!("{what} {pages} pages ({scope}), reload sent {ms} ms after the save");
            }
        }
        Err(errors) => {
            print_diagnostics(root, &errors);
            let message = errors
                .0
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n");
            shared.replace(Snapshot {
                files: current.files.clone(),
                dirs: current.dirs.clone(),
                error: Some(message),
                strings: current.strings.clone(),
            });
            shared.broadcast("reload");
            eprintln!(
                "{what} with errors; serving the last good site with the errors on every page"
            );
        }
    }
    let _ = std::io::stdout().flush();
}
