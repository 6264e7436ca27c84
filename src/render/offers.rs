//! The offers page, the offer cards and hero of the home page, and the
//! contact details every page's footer and the contact block show.

use super::markdown::{inline_html, to_html, Ids};
use super::safe;
use super::url::{has_scheme, relative_url};
use crate::config::Organization;
use crate::model::{Action, Hero, Offer, Offers, Site};
use minijinja::{context, Value};

pub const PATH: &str = "offers.html";

pub fn page_context(site: &Site, offers: &Offers, path: &str, ids: &mut Ids) -> Value {
    context! {
        intro => offers.intro.as_deref().map(|i| safe(to_html(i, path, ids))),
        offers => cards(site, path, ids),
    }
}

/// Every offer as a card: on the offers page and the home page.
pub fn cards(site: &Site, path: &str, ids: &mut Ids) -> Vec<Value> {
    let Some(doc) = &site.offers else {
        return Vec::new();
    };
    doc.data
        .offers
        .iter()
        .map(|o| card(site, o, path, ids))
        .collect()
}

fn card(site: &Site, o: &Offer, path: &str, ids: &mut Ids) -> Value {
    let id = match o.id.as_deref() {
        Some(given) => ids.given(given),
        None => ids.unique(&super::markdown::slugify(&o.title)),
    };
    context! {
        id => &id,
        href => relative_url(path, &format!("{PATH}#{id}")),
        title => &o.title,
        summary => o.summary.as_deref().map(|s| safe(inline_html(s, path, ids))),
        audience => &o.audience,
        format => &o.format,
        length => &o.length,
        includes => &o.includes,
        price => &o.price,
        action => context! {
            label => &o.action.label,
            href => action_href(&o.action, &site.config.organization, path),
        },
    }
}

/// A page of the site made relative, a full address as it is, or an e-mail
/// to the organization with the subject filled in.
fn action_href(action: &Action, org: &Organization, path: &str) -> String {
    match (&action.link, &action.email_subject) {
        (Some(link), _) => link_href(link, path),
        (None, Some(subject)) => format!(
            "mailto:{}?subject={}",
            org.email.as_deref().unwrap_or_default(),
            query_encode(subject)
        ),
        (None, None) => String::new(),
    }
}

/// A link written in content: a path from the site root, or a full address.
pub fn link_href(link: &str, path: &str) -> String {
    if has_scheme(link) || link.starts_with("//") || link.starts_with('#') {
        link.to_string()
    } else {
        relative_url(path, link.trim_start_matches('/'))
    }
}

/// Percent-encodes a mailto query value (spaces as %20, which every mail program reads).
fn query_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn hero(hero: &Hero, path: &str, ids: &Ids) -> Value {
    context! {
        headline => &hero.headline,
        lede => hero.lede.as_deref().map(|l| safe(inline_html(l, path, ids))),
        buttons => hero.buttons.iter().map(|b| context! {
            label => &b.label, href => link_href(&b.link, path),
        }).collect::<Vec<_>>(),
    }
}

/// The organization's contact details for the footer and the contact block.
pub fn contact(org: &Organization) -> Value {
    let website_label = org.website.as_deref().map(|w| {
        w.trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string()
    });
    context! {
        name => &org.name,
        email => &org.email,
        phone => &org.phone,
        phone_href => org.phone.as_deref().map(|p| {
            format!("tel:{}", p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
        }),
        website => &org.website,
        website_label => website_label,
        address => org.address.as_deref().map(|a| {
            a.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_subjects_are_encoded() {
        assert_eq!(
            query_encode("Demo session & dates"),
            "Demo%20session%20%26%20dates"
        );
    }

    #[test]
    fn links_are_relative_unless_full_addresses() {
        assert_eq!(
            link_href("/offers.html", "workshops/x/index.html"),
            "../../offers.html"
        );
        assert_eq!(
            link_href("https://x.example/", "index.html"),
            "https://x.example/"
        );
    }
}
