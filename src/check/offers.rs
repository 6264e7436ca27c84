//! Offers and the home page's hero: each call to action leads somewhere
//! (a page, or an e-mail the organization can receive), and a hero has at
//! most two buttons. The pages they link to are checked with every link.

use crate::diagnostic::Diagnostic;
use crate::load::yaml::{locate, Seg};
use crate::model::Site;

pub fn check_offers(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some(doc) = &site.offers {
        let text = site.texts.get(&doc.source).map_or("", String::as_str);
        for (i, offer) in doc.data.offers.iter().enumerate() {
            let a = &offer.action;
            const EITHER: &str = "give an action either `link: about.html` (a page of the site, or a web address) or `email_subject: \"…\"` (an e-mail to organization.email)";
            let problem = match (&a.link, &a.email_subject) {
                (Some(_), Some(_)) => Some(("has both `link` and `email_subject`", EITHER)),
                (None, None) => Some(("has neither `link` nor `email_subject`", EITHER)),
                (None, Some(_)) if site.config.organization.email.is_none() => Some((
                    "asks for an e-mail, but site.yaml gives no `organization.email`",
                    "add the address to site.yaml, under `organization:`: `  email: hello@example.com`; or give the action a `link:` instead of `email_subject:`",
                )),
                _ => None,
            };
            if let Some((problem, hint)) = problem {
                let (line, column) = locate(
                    text,
                    &[Seg::Key("offers"), Seg::Index(i), Seg::Key("action")],
                );
                diags.push(
                    Diagnostic::error(
                        &doc.source,
                        format!("the call to action of `{}` {problem}", offer.title),
                    )
                    .at(line, column)
                    .hint(hint),
                );
            }
        }
    }
    if let Some(home) = &site.home {
        if let Some(hero) = &home.front.hero {
            if hero.buttons.len() > 2 {
                let text = site.texts.get(&home.source).map_or("", String::as_str);
                let (line, column) = locate(
                    text,
                    &[Seg::Key("hero"), Seg::Key("buttons"), Seg::Index(2)],
                );
                diags.push(
                    Diagnostic::error(&home.source, format!("the hero has {} buttons; it may have one or two", hero.buttons.len()))
                        .at(line, column)
                        .hint("keep the main call to action and one other; put more links in the page text"),
                );
            }
        }
    }
    diags
}
