//! Hostile clients and the measures the hostile serve tests take.

use super::serve::{get, Events, Server};
use std::io::{ErrorKind, Read};
use std::net::{SocketAddr, TcpStream};
use std::os::fd::FromRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The figure every test holds.
pub const P99_LIMIT: Duration = Duration::from_millis(100);

/// The hostile tests take turns, so that each latency figure measures its
/// own hostile client, not another test's load on a small machine.
pub static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub fn take_turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// The 99th percentile of `n` GETs of a page, each on a new connection.
/// The server's resident memory, in KiB (Linux).
pub fn rss_kb(server: &Server) -> u64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// CPU time the server has used so far, user and system (Linux).
pub fn cpu_time(server: &Server) -> Duration {
    let stat =
        std::fs::read_to_string(format!("/proc/{}/stat", server.child.id())).unwrap_or_default();
    // After the name in parentheses: state is field 3, utime and stime 14 and 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks: u64 = fields[11..13]
        .iter()
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    // SAFETY: sysconf only reads a configuration value.
    let per_second = u64::try_from(unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).unwrap_or(100);
    Duration::from_millis(ticks * 1000 / per_second.max(1))
}

pub fn p99_get(addr: &str, n: usize) -> Duration {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            let reply = get(addr, "/about.html");
            assert_eq!(reply.status, 200, "{}", reply.body);
            t.elapsed()
        })
        .collect();
    p99(&mut times)
}

pub fn p99(times: &mut [Duration]) -> Duration {
    times.sort();
    times[(times.len() * 99).div_ceil(100) - 1]
}

pub fn assert_fast(what: &str, p99: Duration) {
    eprintln!(
        "{what}: p99 of a normal GET {:.1} ms (limit {} ms)",
        p99.as_secs_f64() * 1000.0,
        P99_LIMIT.as_millis()
    );
    assert!(p99 < P99_LIMIT, "{what}: p99 {p99:?}");
}

/// A connection with the smallest receive buffer the system allows, set
/// before connecting so the window is small from the start.
pub fn connect_small_window(addr: &str) -> TcpStream {
    let addr: SocketAddr = addr.parse().unwrap();
    let SocketAddr::V4(v4) = addr else {
        panic!("the tests bind IPv4")
    };
    // SAFETY: plain socket calls on a descriptor this function owns; the
    // address struct is fully initialised.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0);
        let size: libc::c_int = 1;
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&size as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
        let mut sa: libc::sockaddr_in = std::mem::zeroed();
        sa.sin_family = libc::AF_INET as libc::sa_family_t;
        sa.sin_port = v4.port().to_be();
        sa.sin_addr.s_addr = u32::from(*v4.ip()).to_be();
        let rc = libc::connect(
            fd,
            (&sa as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
        assert_eq!(rc, 0, "connect");
        TcpStream::from_raw_fd(fd)
    }
}

/// Starts connecting without waiting for the handshake, as a script that
/// opens thousands of connections at once does; `None` if the system
/// refuses a socket.
pub fn connect_without_waiting(addr: &str) -> Option<TcpStream> {
    let addr: SocketAddr = addr.parse().unwrap();
    let SocketAddr::V4(v4) = addr else {
        panic!("the tests bind IPv4")
    };
    // SAFETY: plain socket calls on a descriptor this function owns; the
    // address struct is fully initialised.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_NONBLOCK, 0);
        if fd < 0 {
            return None;
        }
        let mut sa: libc::sockaddr_in = std::mem::zeroed();
        sa.sin_family = libc::AF_INET as libc::sa_family_t;
        sa.sin_port = v4.port().to_be();
        sa.sin_addr.s_addr = u32::from(*v4.ip()).to_be();
        libc::connect(
            fd,
            (&sa as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
        Some(TcpStream::from_raw_fd(fd))
    }
}

/// Reads until the server closes the connection; `None` if it is still
/// open after `wait`. Returns the bytes read.
pub fn read_until_closed(mut s: &TcpStream, wait: Duration) -> Option<Vec<u8>> {
    let deadline = Instant::now() + wait;
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 65536];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut chunk) {
            Ok(0) => return Some(bytes),
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe) => {
                return Some(bytes)
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => panic!("{e}"),
        }
    }
}

pub fn count(hay: &[u8], needle: &str) -> usize {
    hay.windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// Waits up to 10 s (a loaded machine) for the server to say `text` on
/// its standard error, which a thread of the test reads.
pub fn wait_for_stderr(server: &Server, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.stderr().contains(text) {
        assert!(
            Instant::now() < deadline,
            "{text:?} not in {}",
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Raises this test process's own open-file limit: the tests hold hundreds of sockets.
pub fn raise_own_fd_limit() {
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        let mut r: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) == 0 && r.rlim_cur < r.rlim_max {
            r.rlim_cur = r.rlim_max.min(65536);
            libc::setrlimit(libc::RLIMIT_NOFILE, &r);
        }
    }
}

/// GETs a page every 5 ms until `stop` is set; returns the times.
pub fn probe_latency(addr: &str, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<Duration>> {
    let addr = addr.to_string();
    std::thread::spawn(move || {
        let mut times = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let t = Instant::now();
            assert_eq!(get(&addr, "/about.html").status, 200);
            times.push(t.elapsed());
            std::thread::sleep(Duration::from_millis(5));
        }
        times
    })
}

/// Watches the site as a tab would: after every reload event, and every few
/// milliseconds besides, fetches `page` and hands its body to `check`.
/// Returns how many times it looked, once `stop` is set.
pub fn watch_pages(
    addr: &str,
    page: &'static str,
    stop: Arc<AtomicBool>,
    check: impl Fn(&str) + Send + 'static,
) -> std::thread::JoinHandle<usize> {
    let addr = addr.to_string();
    let mut events = Events::open(&addr);
    events
        .reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(20)))
        .unwrap();
    std::thread::spawn(move || {
        let mut looked = 0;
        let mut line = String::new();
        while !stop.load(Ordering::Relaxed) {
            line.clear();
            let _ = std::io::BufRead::read_line(&mut events.reader, &mut line);
            check(&get(&addr, page).body);
            looked += 1;
        }
        looked
    })
}
