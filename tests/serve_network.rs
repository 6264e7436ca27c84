//! `alsite serve --bind 0.0.0.0`: besides this computer's own address, the
//! terminal names the addresses other devices on the network (a phone on
//! the same Wi-Fi) can open, each of which serves the site; or it says
//! plainly that none was found.

mod common;

use common::serve::{get, new_site, Server};

/// The addresses the terminal gives for other devices, as `ip:port`.
fn network_addresses(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("on other devices on your network: http://"))
        .map(|rest| rest.trim_end_matches('/').to_string())
        .collect()
}

#[test]
fn serving_on_every_interface_names_the_addresses_other_devices_can_open() {
    let site = new_site("network");
    let server = Server::start_with(&site, &["--bind", "0.0.0.0"], None);
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    let offline = "no network address found (this computer seems to be offline)";
    assert!(
        server
            .wait_for(|s| s.stdout().contains("on other devices") || s.stdout().contains(offline)),
        "{}",
        server.stdout()
    );
    let found = network_addresses(&server.stdout());
    eprintln!("other devices are told: {found:?}");
    for addr in &found {
        assert!(addr.ends_with(&format!(":{port}")), "{addr}");
        assert!(!addr.starts_with("127."), "{addr}");
        let reply = get(addr, "/about.html");
        assert_eq!(reply.status, 200, "{addr}: {}", reply.body);
    }
    assert!(
        server
            .stderr()
            .contains("serving on every network interface"),
        "{}",
        server.stderr()
    );
}

#[test]
fn serving_on_this_computer_alone_names_no_network_address() {
    let site = new_site("loopback");
    let server = Server::start(&site);
    assert_eq!(get(&server.addr, "/about.html").status, 200);
    assert!(
        server.wait_for(|s| s.stdout().contains("watching")),
        "{}",
        server.stdout()
    );
    assert!(
        network_addresses(&server.stdout()).is_empty(),
        "{}",
        server.stdout()
    );
    assert!(!server.stdout().contains("offline"), "{}", server.stdout());
}
