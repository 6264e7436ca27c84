//! The addresses other devices can open the preview at, when it listens on
//! every network interface (`--bind 0.0.0.0`): a trainer opens it on a
//! phone on the same Wi-Fi. The system lists its interfaces' addresses
//! (`getifaddrs`); where it cannot, the address it would send from to the
//! internet is asked for (connecting a UDP socket sends nothing).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

/// Addresses of this computer that other devices could reach a server
/// bound to `bound` (an unspecified address) at, IPv4 first; empty when
/// there is none (offline).
pub fn addresses(bound: IpAddr) -> Vec<IpAddr> {
    let mut all = interface_addresses();
    if all.is_empty() {
        all.extend(outbound_address(bound));
    }
    reachable(bound, all)
}

/// Of `found`, those a device on the network can use for a server bound
/// to `bound`: no loopback or link-local address (the latter needs an
/// interface name in the URL), IPv4 for 0.0.0.0, IPv6 (and IPv4, where
/// the system lets one socket take both) for `::`; sorted, no repeats.
pub fn reachable(bound: IpAddr, found: Vec<IpAddr>) -> Vec<IpAddr> {
    let both = cfg!(any(
        target_os = "linux",
        target_os = "macos",
        target_os = "android"
    ));
    let mut out: Vec<IpAddr> = found
        .into_iter()
        .map(|ip| ip.to_canonical())
        .filter(|ip| match (bound, ip) {
            (IpAddr::V4(_), IpAddr::V4(v4)) => usable_v4(v4),
            (IpAddr::V6(_), IpAddr::V4(v4)) => both && usable_v4(v4),
            (IpAddr::V6(_), IpAddr::V6(v6)) => usable_v6(v6),
            (IpAddr::V4(_), IpAddr::V6(_)) => false,
        })
        .collect();
    out.sort_by_key(|ip| (ip.is_ipv6(), *ip));
    out.dedup();
    out
}

fn usable_v4(ip: &Ipv4Addr) -> bool {
    !(ip.is_loopback() || ip.is_link_local() || ip.is_unspecified() || ip.is_broadcast())
}

fn usable_v6(ip: &Ipv6Addr) -> bool {
    let link_local = (ip.segments()[0] & 0xffc0) == 0xfe80;
    !(ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() || link_local)
}

/// The address this computer would send from to a documentation address
/// (TEST-NET-1, or 2001:db8::): connecting a UDP socket picks the route and
/// sends no packet. `None` with no route (offline).
fn outbound_address(bound: IpAddr) -> Option<IpAddr> {
    let (local, remote): (SocketAddr, SocketAddr) = match bound {
        IpAddr::V4(_) => (
            (Ipv4Addr::UNSPECIFIED, 0).into(),
            (Ipv4Addr::new(192, 0, 2, 1), 9).into(),
        ),
        IpAddr::V6(_) => (
            (Ipv6Addr::UNSPECIFIED, 0).into(),
            (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), 9).into(),
        ),
    };
    let socket = UdpSocket::bind(local).ok()?;
    socket.connect(remote).ok()?;
    Some(socket.local_addr().ok()?.ip())
}

/// Every address of the interfaces that are up.
#[cfg(unix)]
fn interface_addresses() -> Vec<IpAddr> {
    let mut out = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `list` with a linked list this function
    // reads (each address by its family's struct) and frees once.
    unsafe {
        if libc::getifaddrs(&mut list) != 0 {
            return out;
        }
        let mut at = list;
        while let Some(ifa) = at.as_ref() {
            at = ifa.ifa_next;
            let up = ifa.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
            let Some(addr) = ifa.ifa_addr.as_ref().filter(|_| up) else {
                continue;
            };
            match i32::from(addr.sa_family) {
                libc::AF_INET => {
                    let sin = &*(ifa.ifa_addr as *const libc::sockaddr_in);
                    out.push(IpAddr::V4(Ipv4Addr::from(u32::from_be(
                        sin.sin_addr.s_addr,
                    ))));
                }
                libc::AF_INET6 => {
                    let sin6 = &*(ifa.ifa_addr as *const libc::sockaddr_in6);
                    out.push(IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.s6_addr)));
                }
                _ => {}
            }
        }
        libc::freeifaddrs(list);
    }
    out
}

#[cfg(not(unix))]
fn interface_addresses() -> Vec<IpAddr> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn only_addresses_another_device_can_use_are_shown() {
        let found = ips(&[
            "127.0.0.1",
            "192.168.1.20",
            "169.254.3.4",
            "10.0.0.7",
            "192.168.1.20",
            "::1",
            "fe80::1",
            "2001:db8::5",
            "fd00::9",
        ]);
        assert_eq!(
            reachable("0.0.0.0".parse().unwrap(), found.clone()),
            ips(&["10.0.0.7", "192.168.1.20"])
        );
        let v6 = reachable("::".parse().unwrap(), found);
        assert!(v6.ends_with(&ips(&["2001:db8::5", "fd00::9"])), "{v6:?}");
        assert!(reachable("0.0.0.0".parse().unwrap(), ips(&["127.0.0.1"])).is_empty());
    }

    /// This computer's own list (what it is depends on the machine): never
    /// a loopback address.
    #[test]
    fn this_computers_addresses_are_not_loopback() {
        for ip in addresses("0.0.0.0".parse().unwrap()) {
            assert!(ip.is_ipv4() && !ip.is_loopback(), "{ip}");
        }
    }
}
