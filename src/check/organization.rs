//! `site.yaml`'s `organization`: an e-mail address the "Write to us" button
//! and the offers' e-mail actions can write to, and a website that is a
//! full web address (without `https://`, a browser reads
//! `northbridge.example` as a page of the site); and the site's own `url`,
//! a full web address too.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate_value, Seg};
use crate::model::Site;

/// Errors for `organization.email`, `organization.website` and `url`.
pub fn check_organization(site: &Site) -> Vec<Diagnostic> {
    let text = super::site_yaml(site);
    let org = &site.config.organization;
    let url = site.config.url.as_deref();
    let problems: [(&[Seg], _); 3] = [
        (
            &[Seg::Key("organization"), Seg::Key("email")],
            org.email.as_deref().and_then(email_problem),
        ),
        (
            &[Seg::Key("organization"), Seg::Key("website")],
            org.website
                .as_deref()
                .and_then(|w| website_problem("organization.website", w)),
        ),
        (
            &[Seg::Key("url")],
            url.and_then(|u| website_problem("url", u).or_else(|| url_problem(u))),
        ),
    ];
    problems
        .into_iter()
        .filter_map(|(path, problem)| {
            let (message, hint) = problem?;
            let (line, column) = locate_value(text, path);
            Some(
                Diagnostic::error("site.yaml", message)
                    .at(line, column)
                    .hint(hint),
            )
        })
        .collect()
}

/// What keeps `email` from being an e-mail address, and what to write;
/// nothing for an empty value (`email: ""`), which the site shows as none.
fn email_problem(email: &str) -> Option<(String, String)> {
    if email.is_empty() {
        return None;
    }
    let email = email.trim();
    let scheme = email.get(..7).filter(|s| s.eq_ignore_ascii_case("mailto:"));
    if let Some(address) = scheme.map(|s| &email[s.len()..]) {
        return Some((
            format!("`organization.email` is `{email}`: write the address alone"),
            format!("write `email: {address}`; alsite makes the `mailto:` link"),
        ));
    }
    let (name, domain) = email.split_once('@').unwrap_or(("", ""));
    let fine = !name.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !email.contains(char::is_whitespace);
    (!fine).then(|| {
        (
            format!("`organization.email` is `{email}`, which is not an e-mail address"),
            "write one address, such as `email: hello@northbridge.example`: a name, `@` and the domain, with no spaces".into(),
        )
    })
}

/// What keeps the site's `url` from being where its home folder is: a
/// query or a fragment, which no folder has; no server name, or one with a
/// space; a page's address (`…/al/index.html`, copied from the browser's
/// address bar); or `.` and `..` in its path. Links on the page for missing
/// addresses start from it.
fn url_problem(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let before_query = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = before_query.split_at(before_query.find('/').unwrap_or(before_query.len()));
    if host.is_empty() {
        return Some((
            format!("`url` is `{url}`, which names no server"),
            format!("write the whole address of the site's home folder after `{scheme}://`, such as `url: https://training.example/al/`"),
        ));
    }
    if host.contains(char::is_whitespace) {
        let joined: String = host.split_whitespace().collect::<Vec<_>>().join("-");
        return Some((
            format!("`url` is `{url}`: a server's name has no spaces (`{host}`)"),
            format!("write the server's name as your browser shows it, such as `{joined}`"),
        ));
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return Some((
            format!("`url` is `{url}`, with `.` or `..` in its path"),
            "write the path of the site's home folder as it is, without `./` or `../`".into(),
        ));
    }
    // A page's address (copied from the browser's address bar) names the
    // folder it is in; a query or a fragment goes with it.
    let page = segments.last().filter(|last| {
        last.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty()
                && ["html", "htm", "php", "asp", "aspx", "jsp", "shtml"]
                    .contains(&ext.to_ascii_lowercase().as_str())
        })
    });
    let folder_path = match page {
        Some(last) => {
            let trimmed = path.trim_end_matches('/');
            &trimmed[..trimmed.len() - last.len()]
        }
        None => path,
    };
    let folder = format!("{scheme}://{host}{folder_path}");
    let what = match (page, before_query.len() < rest.len()) {
        (Some(last), _) => {
            format!("the address of a page (`{last}`), not of the site's home folder")
        }
        (None, true) => "not the address of a folder".to_string(),
        (None, false) => return None,
    };
    Some((
        format!("`url` is `{url}`, {what}"),
        format!("write the address of the folder the site is in, with no page, `?` or `#`: `url: {folder}`"),
    ))
}

/// What keeps `field` (`organization.website`, `url`) from being a full web
/// address, and what to write; nothing for an empty value, as for the e-mail.
fn website_problem(field: &str, website: &str) -> Option<(String, String)> {
    if website.is_empty() {
        return None;
    }
    let website = website.trim();
    let lower = website.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return None;
    }
    if lower.starts_with("file:") {
        return Some((
            format!("`{field}` is `{website}`, a file on this computer, not a web address"),
            format!("write the web address it has on the internet or intranet, such as `{key}: https://training.example/al/`", key = field.rsplit('.').next().unwrap_or(field)),
        ));
    }
    // A scheme written wrong (`https//x`, `htps://x`, `https:/x`, `//x`)
    // goes: the hint's address has one `https://`.
    let scheme_like = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
    let host = match website.find(":/") {
        Some(i) if scheme_like(&website[..i]) => website[i + 1..].trim_start_matches('/'),
        _ => match website.find("//") {
            Some(i)
                if website[..i]
                    .trim_end_matches(':')
                    .chars()
                    .all(|c| c.is_ascii_alphabetic()) =>
            {
                &website[i + 2..]
            }
            _ => website.trim_start_matches('/'),
        },
    };
    Some((
        format!("`{field}` is `{website}`, which is not a full web address"),
        format!("write it with `https://` in front, `{key}: https://{host}`: without it, a browser looks for a page of this site called `{host}`", key = field.rsplit('.').next().unwrap_or(field)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_are_not_one_are_named() {
        assert!(email_problem("hello@northbridge.example").is_none());
        assert!(email_problem("hello at northbridge").is_some());
        assert!(email_problem("a@b.pl, c@d.pl").is_some());
        assert!(email_problem("mailto:hello@northbridge.example").is_some());
        assert!(email_problem("Mailto:hello@northbridge.example").is_some());
        assert!(email_problem("biuro@żółw.example").is_none());
        assert!(website_problem("organization.website", "https://northbridge.example").is_none());
        assert!(website_problem("organization.website", "HTTP://northbridge.example").is_none());
        assert!(website_problem("organization.website", "www.northbridge.example").is_some());
        // Left empty (`email: ""`): the site shows none, as without the field.
        assert!(email_problem("").is_none());
        assert!(website_problem("organization.website", "").is_none());
    }

    #[test]
    fn a_url_that_is_no_home_folder_is_named() {
        assert!(url_problem("https://training.example/al/").is_none());
        assert!(url_problem("https://training.example").is_none());
        assert!(url_problem("https://intranet.example/Szkolenia AL/").is_none());
        assert!(url_problem("https://training.example/v1.2/").is_none());
        let (_, hint) = url_problem("https://training.example/al/index.html").unwrap_or_default();
        assert!(
            hint.contains("`url: https://training.example/al/`"),
            "{hint}"
        );
        assert!(url_problem("https://").is_some());
        assert!(url_problem("https://training example/").is_some());
        assert!(url_problem("https://training.example/al/../x/").is_some());
        // A page named in letters past ASCII, with a `/` after it.
        let (_, hint) = url_problem("https://training.example/al/łódź.html/").unwrap_or_default();
        assert!(
            hint.contains("`url: https://training.example/al/`"),
            "{hint}"
        );
        // A page and a query: one fix, to the folder.
        let (_, hint) = url_problem("https://t.example/al/Index.HTML?x=1").unwrap_or_default();
        assert!(hint.contains("`url: https://t.example/al/`"), "{hint}");
        let (_, hint) = url_problem("https://t.example/al/?x=1").unwrap_or_default();
        assert!(hint.contains("`url: https://t.example/al/`"), "{hint}");
        let (message, _) = website_problem("url", "file:///D:/training/").unwrap_or_default();
        assert!(message.contains("a file on this computer"), "{message}");
    }

    #[test]
    fn the_hint_gives_the_address_with_one_scheme() {
        for (written, meant) in [
            ("www.northbridge.example", "https://www.northbridge.example"),
            ("https//northbridge.example", "https://northbridge.example"),
            ("htps://northbridge.example", "https://northbridge.example"),
            (
                "https:/northbridge.example/",
                "https://northbridge.example/",
            ),
            (
                "//northbridge.example/team",
                "https://northbridge.example/team",
            ),
        ] {
            let (_, hint) = website_problem("organization.website", written).unwrap_or_default();
            assert!(
                hint.contains(&format!("`website: {meant}`")),
                "{written}: {hint}"
            );
        }
    }
}
