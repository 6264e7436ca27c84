//! Memory per response: a file is served from the site's one copy, so
//! clients that never read hold no copies of it.

use super::common::hostile::*;
use super::common::serve::{new_site, Server};

use std::fs;
use std::io::Write;
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

#[test]
fn m1_100_clients_that_never_read_an_8_mb_file_hold_no_copies_of_it() {
    let _turn = take_turn();
    raise_own_fd_limit();
    let site = new_site("big-file");
    fs::create_dir_all(site.path("content/images")).unwrap();
    let big: Vec<u8> = (0..8u32 << 20)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    fs::write(site.path("content/images/big.png"), &big).unwrap();
    let server = Server::start(&site);
    let addr = server.addr.clone();
    std::thread::sleep(Duration::from_millis(300));
    let before = rss_kb(&server);
    // Each asks for the file (and a page, twice) and never reads.
    let requests = format!(
        "GET /images/big.png HTTP/1.1\r\nHost: {addr}\r\n\r\nGET /about.html HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .repeat(2);
    let clients: Vec<Arc<TcpStream>> = (0..100)
        .map(|_| {
            let s = Arc::new(connect_small_window(&addr));
            s.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
            let _ = (&*s).write_all(requests.as_bytes());
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    let p = p99_get(&addr, 100);
    let grew_mb = rss_kb(&server).saturating_sub(before) / 1024;
    eprintln!("100 clients not reading an 8 MB file: the server grew by {grew_mb} MB");
    // A copy each would be 800 MB; what grows is the connections' threads.
    assert!(grew_mb < 128, "{grew_mb} MB");
    assert_fast("100 clients not reading an 8 MB file", p);
    drop(clients);
}
