//! Who may ask: the `Host` names this server answers to (against DNS
//! rebinding), requests a page on another website sent (refused), and the
//! `--bind` address.

use super::request::Head;
use super::response::Response;
use crate::errln;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;

/// Characters of a refused name shown back (in the answer and the terminal).
const SHOWN: usize = 100;

/// The answer to a request this server must not serve: addressed to a host
/// it does not answer to (400), or sent by a page on another website (403).
/// `None`: serve it.
pub fn check(rule: &HostRule, head: &Head, events: bool) -> Option<Response> {
    let host = head.host.as_deref().filter(|h| !h.is_empty());
    let refused = match (host, head.authority.as_deref()) {
        (Some(h), _) if !rule.allows(h) => host,
        (None, _) => None,
        (_, Some(a)) if !rule.allows(a) => Some(a),
        _ if from_another_site(head, events) => {
            return Some(Response::text(
                403,
                "refused: a page on another website asked for this preview\n",
            ))
        }
        _ => return None,
    };
    note_refused(rule.note(refused));
    Some(Response::text(400, rule.refusal(refused)))
}

/// A page on another website sent this request, as its browser says: its
/// `Origin` is not this server as the request names it; or it comes from
/// another site (`Sec-Fetch-Site`) and is not the user following a link to
/// a page. The live-reload stream is for this server's own pages only.
pub fn from_another_site(head: &Head, events: bool) -> bool {
    let own = head.host.as_deref().unwrap_or_default();
    if head.origin.as_deref().is_some_and(|o| !same_origin(o, own)) {
        return true;
    }
    let followed_link = head.fetch_mode.as_deref() == Some("navigate")
        && head.fetch_dest.as_deref().is_none_or(|d| d == "document");
    // Another port of this computer is the same site but another website:
    // a page there may link here, not load or frame these pages.
    match head.fetch_site.as_deref() {
        Some("cross-site" | "same-site") => events || !followed_link,
        _ => false,
    }
}

/// `http://localhost:8000` is the origin of a request addressed to `localhost:8000`.
fn same_origin(origin: &str, host: &str) -> bool {
    let Some(rest) = origin
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("http://"))
        .map(|_| &origin[7..])
    else {
        return false;
    };
    match (split_host(rest), split_host(host)) {
        (Some((a, p)), Some((b, q))) => p == q && normal_name(a) == normal_name(b),
        _ => false,
    }
}

/// Tells the terminal about the first few refused hosts, so a user who
/// opened the site under a name of their own learns about `--host`.
fn note_refused(note: String) {
    static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if seen.len() < 5 && !seen.contains(&note) {
        errln!("{note}");
        seen.push(note);
    }
}

/// `text` cut to `max` characters, with control characters and those that
/// reorder or hide text (bidi overrides, zero-width marks) shown as escapes,
/// so a name sent by anyone cannot garble the terminal.
pub fn printable(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        let hidden = matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}');
        if c.is_control() || hidden {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A name `--host` could take: letters, digits, `-`, `_`, `.`, `:` (IPv6).
fn could_be_host(name: &str) -> bool {
    (1..=253).contains(&name.len())
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// Which `Host` a request may name. A page on another website can reach
/// this server through DNS rebinding (its own name, re-pointed at
/// 127.0.0.1), but the browser then still sends that name as `Host`.
#[derive(Debug, Clone)]
pub struct HostRule {
    bound: SocketAddr,
    names: Vec<String>,
}

impl HostRule {
    /// `names`: the names given with `--host`.
    pub fn new(bound: SocketAddr, names: &[String]) -> HostRule {
        HostRule {
            bound,
            names: names.iter().map(|n| normal_name(n)).collect(),
        }
    }

    /// `localhost`, a loopback address, the bound address, any address of
    /// this machine when bound to all of them (an address typed as numbers
    /// cannot be re-pointed), or a `--host` name; always with the right port.
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        if port != self.bound.port() {
            return false;
        }
        let name = normal_name(name);
        if name == "localhost" || self.names.contains(&name) {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bound.ip() || self.bound.ip().is_unspecified(),
            Err(_) => false,
        }
    }

    /// The terminal's note on a refused host, with the `--host` to add when
    /// that could help (a name, with this server's port).
    pub fn note(&self, host: Option<&str>) -> String {
        let Some(host) = host else {
            return "refused a request that named no host (DNS rebinding guard)".into();
        };
        let note = format!(
            "refused a request addressed to {} (DNS rebinding guard)",
            printable(host, SHOWN)
        );
        match split_host(host) {
            Some((name, port)) if port == self.bound.port() && could_be_host(name) => format!(
                "{note}; if that is your own name for this computer, add --host {}",
                normal_name(name)
            ),
            _ => note,
        }
    }

    /// The plain answer for a refused `Host`.
    pub fn refusal(&self, host: Option<&str>) -> String {
        let port = self.bound.port();
        let mut allowed: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|n| format!("{n}:{port}"))
            .collect();
        let ip = self.bound.ip();
        if ip.is_unspecified() {
            allowed.push(format!("this computer's addresses (port {port})"));
        } else if !ip.is_loopback() {
            allowed.push(host_port(self.bound));
        }
        allowed.extend(self.names.iter().map(|n| format!("{n}:{port}")));
        let last = allowed.pop().unwrap_or_default();
        let asked = match host {
            Some(h) => format!("this request was addressed to {}", printable(h, SHOWN)),
            None => "this request named no host".to_string(),
        };
        format!(
            "This preview server answers only requests addressed to {} or {last} ({asked}).\n\
             A web page may have tried to reach your preview under its own name, so the request was refused.\n\
             If you opened the site through a name of your own, start alsite serve with --host NAME.\n",
            allowed.join(", ")
        )
    }
}

/// `host:port` as a browser writes it (IPv6 in brackets).
pub fn host_port(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) => a.to_string(),
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
    }
}

fn normal_name(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// `example.org:8000` → (`example.org`, 8000); `[::1]:8000` → (`::1`, 8000);
/// no port means 80.
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']')?;
        (
            name,
            after.strip_prefix(':').or(after.is_empty().then_some(""))?,
        )
    } else {
        match host.rsplit_once(':') {
            Some((name, _)) if name.contains(':') => return None,
            Some((name, port)) => (name, port),
            None => (host, ""),
        }
    };
    if name.is_empty() {
        return None;
    }
    let port = if port.is_empty() {
        80
    } else if port.bytes().all(|b| b.is_ascii_digit()) {
        // Digits only: `+8000` is no port (Rust would read it as one).
        port.parse().ok()?
    } else {
        return None;
    };
    Some((name, port))
}

/// What `--bind` takes, as an error about it says.
const BIND_CHOICES: &str = "use 127.0.0.1 (this computer only), 0.0.0.0 (every network interface) or one address of this computer, such as 192.168.1.20";

/// The `--bind` address: an IP address (`127.0.0.1`, `0.0.0.0`, `::1`,
/// `[::1]`) or `localhost`. Shorthands such as `0` or `0x0`, which the
/// system would quietly read as "every interface", are refused.
pub fn parse_bind(text: &str) -> Result<IpAddr, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    let inner = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(t);
    let ip: IpAddr = inner
        .parse()
        .map_err(|_| format!("`{text}` is not an IP address; {BIND_CHOICES}"))?;
    // `::ffff:0.0.0.0` is 0.0.0.0 written as IPv6: the same interfaces, the
    // same names allowed, the same warning.
    let ip = ip.to_canonical();
    let group = match ip {
        IpAddr::V4(v4) => v4.is_multicast() || v4.is_broadcast(),
        IpAddr::V6(v6) => v6.is_multicast(),
    };
    if group {
        return Err(format!("`{text}` is a broadcast or multicast address, which no browser can connect to; {BIND_CHOICES}"));
    }
    Ok(ip)
}

/// A `--host` name as a browser sends it: letters, digits, `-` and `.`
/// (a name with letters past ASCII in its `xn--` form), without a scheme
/// or a port (the server's own port is the one a request must name).
pub fn parse_host(text: &str) -> Result<String, String> {
    let name = text.trim();
    // A name's last dot is dropped as a browser drops it: `.` alone is empty.
    let problem = if name.trim_end_matches('.').is_empty() {
        "is empty"
    } else if name.contains("://") || name.contains('/') {
        "is a web address; give the name alone, such as preview.test"
    } else if !name.is_ascii() {
        "has letters past ASCII, which a browser sends in their `xn--` form; give that form (the address bar shows it once the page is open)"
    } else if split_host(name).is_some_and(|(n, _)| n != name) && !name.starts_with('[') {
        "has a port; give the name alone: a request must name the port this server listens on"
    } else if !could_be_host(name) {
        "is not a host name: use letters, digits, `-` and `.`"
    } else {
        return Ok(name.to_string());
    };
    Err(format!("--host `{text}` {problem}"))
}

/// The warning for an address other machines can reach; none for loopback.
pub fn bind_warning(ip: IpAddr) -> Option<String> {
    // `::ffff:127.0.0.1` is loopback too.
    let ip = ip.to_canonical();
    if ip.is_loopback() {
        None
    } else if ip.is_unspecified() {
        Some(format!("serving on every network interface ({ip}): anyone who can reach this machine can open the site"))
    } else {
        Some(format!("serving on {ip}, which other machines can reach: anyone on that network can open the site"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_check_on_loopback() {
        let rule = HostRule::new("127.0.0.1:8000".parse().unwrap(), &["Preview.Test".into()]);
        for ok in [
            "localhost:8000",
            "LOCALHOST:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "preview.test:8000",
        ] {
            assert!(rule.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "evil.example",
            "localhost",
            "localhost:8001",
            "127.0.0.1:80",
            "localhost.evil.example:8000",
            "192.168.1.20:8000",
            "[::1]",
            "::1:8000",
            ":8000",
            "",
            "localhost:8000:8000",
            "[::1]x:8000",
        ] {
            assert!(!rule.allows(bad), "{bad}");
        }
        let text = rule.refusal(Some("evil.example:8000"));
        assert!(
            text.starts_with("This preview server answers only requests addressed to localhost:8000, 127.0.0.1:8000, [::1]:8000 or preview.test:8000 (this request was addressed to evil.example:8000).\n"),
            "{text}"
        );
        assert!(
            text.contains("localhost:8000")
                && text.contains("evil.example:8000")
                && text.contains("--host NAME"),
            "{text}"
        );
    }

    #[test]
    fn host_check_on_other_addresses() {
        let lan = HostRule::new(
            "192.168.1.20:8000".parse().unwrap(),
            &["trainer-laptop".into()],
        );
        assert!(
            lan.allows("192.168.1.20:8000")
                && lan.allows("trainer-laptop:8000")
                && lan.allows("localhost:8000")
        );
        assert!(!lan.allows("192.168.1.21:8000") && !lan.allows("evil.example:8000"));
        assert!(lan.refusal(None).contains(
            "[::1]:8000, 192.168.1.20:8000 or trainer-laptop:8000 (this request named no host)"
        ));
        let all = HostRule::new("0.0.0.0:80".parse().unwrap(), &[]);
        assert!(all.allows("10.0.0.7") && all.allows("[fe80::1]") && all.allows("localhost"));
        assert!(!all.allows("evil.example") && !all.allows("10.0.0.7:8000"));
    }

    #[test]
    fn a_port_is_digits_only() {
        let rule = HostRule::new("127.0.0.1:8000".parse().unwrap(), &[]);
        assert!(rule.allows("localhost:8000"));
        assert!(rule.allows("localhost:08000"));
        assert!(!rule.allows("localhost:+8000"));
        assert!(!rule.allows("localhost: 8000"));
    }

    #[test]
    fn a_host_name_is_given_as_a_browser_sends_it() {
        assert_eq!(parse_host(" preview.test "), Ok("preview.test".into()));
        assert_eq!(
            parse_host("xn--caf-dma.test"),
            Ok("xn--caf-dma.test".into())
        );
        for (bad, words) in [
            ("", "is empty"),
            (".", "is empty"),
            ("..", "is empty"),
            ("http://x", "web address"),
            ("café.test", "xn--"),
            ("preview.test:9999", "has a port"),
            ("a b", "not a host name"),
        ] {
            let e = parse_host(bad).unwrap_err();
            assert!(e.contains(words), "{bad}: {e}");
        }
        assert_eq!(bind_warning("::ffff:127.0.0.1".parse().unwrap()), None);
    }

    #[test]
    fn bind_is_an_ip_address() {
        assert_eq!(parse_bind("127.0.0.1"), Ok("127.0.0.1".parse().unwrap()));
        assert_eq!(parse_bind("localhost"), Ok("127.0.0.1".parse().unwrap()));
        assert_eq!(parse_bind("[::1]"), Ok("::1".parse().unwrap()));
        assert_eq!(parse_bind("0.0.0.0"), Ok("0.0.0.0".parse().unwrap()));
        for bad in [
            "0",
            "0x0",
            "127.1",
            "0177.0.0.1",
            "example.org",
            "",
            "1.2.3.4:80",
        ] {
            let e = parse_bind(bad).unwrap_err();
            assert!(e.contains("is not an IP address"), "{bad}: {e}");
        }
        assert_eq!(parse_bind("::ffff:0.0.0.0"), Ok("0.0.0.0".parse().unwrap()));
        assert_eq!(
            parse_bind("[::ffff:127.0.0.1]"),
            Ok("127.0.0.1".parse().unwrap())
        );
        for group in ["224.0.0.1", "255.255.255.255", "ff02::1", "[ff05::2]"] {
            let e = parse_bind(group).unwrap_err();
            assert!(e.contains("broadcast or multicast"), "{group}: {e}");
        }
        assert_eq!(bind_warning("127.0.0.1".parse().unwrap()), None);
        assert_eq!(bind_warning("::1".parse().unwrap()), None);
        assert!(bind_warning("0.0.0.0".parse().unwrap())
            .unwrap()
            .contains("every network interface"));
        assert!(bind_warning("::".parse().unwrap())
            .unwrap()
            .contains("every network interface"));
        assert!(bind_warning("192.168.1.20".parse().unwrap())
            .unwrap()
            .contains("anyone on that network"));
    }

    #[test]
    fn a_refused_name_is_shown_escaped_and_cut() {
        let rule = HostRule::new("127.0.0.1:8000".parse().unwrap(), &[]);
        assert_eq!(
            rule.note(Some("Trainer-Laptop.local:8000")),
            "refused a request addressed to Trainer-Laptop.local:8000 (DNS rebinding guard); if that is your own name for this computer, add --host trainer-laptop.local"
        );
        assert_eq!(
            rule.note(None),
            "refused a request that named no host (DNS rebinding guard)"
        );
        for no_advice in [
            ":8000",
            "evil.example:9",
            "a b:8000",
            "-x:8000",
            "\u{1b}[2J:8000",
        ] {
            let note = rule.note(Some(no_advice));
            assert!(!note.contains("--host"), "{note}");
        }
        let garbled = rule.note(Some("\u{1b}[31mred\u{202e}txt.exe\u{7}"));
        assert!(
            garbled.contains("\\u{1b}[31mred\\u{202e}txt.exe\\u{7}")
                && !garbled.contains('\u{1b}')
                && !garbled.contains('\u{202e}'),
            "{garbled}"
        );
        let long = "a".repeat(15_000);
        assert_eq!(printable(&long, SHOWN).chars().count(), SHOWN + 1);
        assert!(rule.note(Some(&long)).len() < 300);
        assert!(rule.refusal(Some(&long)).len() < 800);
    }

    fn asked(lines: &[(&str, &str)]) -> Head {
        let mut head = Head {
            method: "GET".into(),
            target: "/".into(),
            host: Some("127.0.0.1:8000".into()),
            ..Head::default()
        };
        for (name, value) in lines {
            let value = Some(value.to_string());
            match *name {
                "origin" => head.origin = value,
                "site" => head.fetch_site = value,
                "mode" => head.fetch_mode = value,
                "dest" => head.fetch_dest = value,
                _ => unreachable!(),
            }
        }
        head
    }

    #[test]
    fn requests_from_another_website_are_told_apart() {
        let own = [("origin", "http://127.0.0.1:8000"), ("site", "same-origin")];
        assert!(!from_another_site(&asked(&own), true));
        assert!(
            !from_another_site(&asked(&[]), true),
            "no word from the browser"
        );
        assert!(
            !from_another_site(&asked(&[("site", "none")]), true),
            "typed in"
        );
        let link = [
            ("site", "cross-site"),
            ("mode", "navigate"),
            ("dest", "document"),
        ];
        assert!(
            !from_another_site(&asked(&link), false),
            "a link from elsewhere"
        );
        assert!(from_another_site(&asked(&link), true));
        for other in [
            vec![("origin", "http://evil.example")],
            vec![("origin", "http://127.0.0.1:8001")],
            vec![("origin", "http://localhost:8000")],
            vec![("origin", "https://127.0.0.1:8000")],
            vec![("origin", "null")],
            vec![("site", "cross-site"), ("mode", "cors")],
            vec![
                ("site", "cross-site"),
                ("mode", "navigate"),
                ("dest", "iframe"),
            ],
            vec![
                ("site", "cross-site"),
                ("mode", "no-cors"),
                ("dest", "image"),
            ],
        ] {
            assert!(from_another_site(&asked(&other), false), "{other:?}");
        }
        assert!(from_another_site(&asked(&[("site", "same-site")]), true));
        // A script, an image or a frame on another port of this computer.
        assert!(from_another_site(&asked(&[("site", "same-site")]), false));
        let script = [
            ("site", "same-site"),
            ("mode", "no-cors"),
            ("dest", "script"),
        ];
        assert!(from_another_site(&asked(&script), false));
        let frame = [
            ("site", "same-site"),
            ("mode", "navigate"),
            ("dest", "iframe"),
        ];
        assert!(from_another_site(&asked(&frame), false));
        // Following a link from there is fine.
        let link = [
            ("site", "same-site"),
            ("mode", "navigate"),
            ("dest", "document"),
        ];
        assert!(!from_another_site(&asked(&link), false));
        assert!(!from_another_site(
            &asked(&[("origin", "HTTP://127.0.0.1:8000")]),
            true
        ));
    }
}
