//! A running `alsite serve` and the clients the serve tests talk to it with.

use super::TempDir;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_alsite");

/// A copy of the base fixture with a secret file beside it, which no request may reach.
pub fn new_site(name: &str) -> TempDir {
    let site = TempDir::new(name);
    super::copy_base(&site.0);
    fs::write(site.path("secret.txt"), "TOP-SECRET-42").unwrap();
    site
}

pub struct Server {
    pub child: Child,
    pub addr: String,
    /// Everything the server wrote to its standard error so far.
    pub stderr: Arc<Mutex<String>>,
    /// Everything it wrote to its standard output since it printed its address.
    pub stdout: Arc<Mutex<String>>,
}

impl Server {
    pub fn start(site: &TempDir) -> Server {
        Server::start_with(site, &[], None)
    }

    /// With more arguments, and under an open-file limit (soft and hard) when given.
    pub fn start_with(site: &TempDir, args: &[&str], fd_limit: Option<u32>) -> Server {
        Server::spawn(site, args, fd_limit, &[])
    }

    /// With `HOME` set to `home`.
    pub fn start_at_home(site: &TempDir, home: &Path) -> Server {
        Server::spawn(site, &[], None, &[("HOME", home)])
    }

    fn spawn(
        site: &TempDir,
        args: &[&str],
        fd_limit: Option<u32>,
        envs: &[(&str, &Path)],
    ) -> Server {
        let mut command = match fd_limit {
            Some(n) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                    .arg(BIN);
                c
            }
            None => Command::new(BIN),
        };
        let mut child = command
            .envs(envs.iter().copied())
            .args(["serve", "--port", "0"])
            .args(args)
            .arg("--root")
            .arg(&site.0)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("alsite serve starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = BufReader::new(child.stderr.take().unwrap());
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in err.lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut addr = String::new();
        let mut line = String::new();
        while addr.is_empty() && out.read_line(&mut line).unwrap() > 0 {
            if let Some(rest) = line.split("http://").nth(1) {
                addr = rest.trim().trim_end_matches('/').to_string();
            }
            line.clear();
        }
        assert!(
            !addr.is_empty(),
            "serve printed its address; stderr: {}",
            stderr.lock().unwrap()
        );
        // Keep reading stdout so the server never blocks on a full pipe.
        let stdout = Arc::new(Mutex::new(String::new()));
        let sink = stdout.clone();
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Server {
            child,
            addr,
            stderr,
            stdout,
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// Waits up to ten seconds for `done` to hold (the server's output is
    /// read by threads of its own, a little after the server writes it).
    pub fn wait_for(&self, done: impl Fn(&Server) -> bool) -> bool {
        let end = Instant::now() + Duration::from_secs(10);
        while !done(self) && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(20));
        }
        done(self)
    }

    /// Still running?
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response as a user agent sees it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

/// Sends raw bytes as a request and reads the whole reply (`Connection: close`).
pub fn raw(addr: &str, request: &[u8]) -> Option<Reply> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    s.write_all(request).ok()?;
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some(Reply {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    })
}

pub fn get(addr: &str, target: &str) -> Reply {
    raw(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .expect("a reply")
}

/// An open event stream.
pub struct Events {
    pub reader: BufReader<TcpStream>,
}

impl Events {
    pub fn open(addr: &str) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(format!("GET /__alsite/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n").as_bytes()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut reader = BufReader::new(s);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line == ": connected\n" {
                break;
            }
        }
        Events { reader }
    }

    /// Waits for the next `reload` event; returns how long it took.
    pub fn next_reload(&mut self) -> Duration {
        let start = Instant::now();
        let mut line = String::new();
        loop {
            line.clear();
            let n = self
                .reader
                .read_line(&mut line)
                .expect("an event before the timeout");
            assert!(n > 0, "event stream closed");
            if line == "event: reload\n" {
                return start.elapsed();
            }
        }
    }

    /// The next event within `wait`: its name and data; `Quiet` when none
    /// came, `Closed` when the server closed the stream.
    pub fn next_within(&mut self, wait: Duration) -> Next {
        let end = Instant::now() + wait;
        let (mut name, mut line) = (String::new(), String::new());
        loop {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Next::Quiet;
            }
            self.reader.get_ref().set_read_timeout(Some(left)).unwrap();
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => return Next::Closed,
                Ok(_) => {}
                Err(_) => return Next::Quiet,
            }
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.trim().to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                return Next::Event(name, data.trim().to_string());
            }
        }
    }
}

/// What an event stream gives next (see [`Events::next_within`]).
#[derive(Debug, PartialEq)]
pub enum Next {
    /// An event: its name and data.
    Event(String, String),
    Quiet,
    Closed,
}

/// Reads one keep-alive response: status and body length.
pub fn read_response(reader: &mut BufReader<TcpStream>) -> Option<(u16, usize)> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let status = line.split_whitespace().nth(1)?.parse().ok()?;
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        if line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((status, length))
}
