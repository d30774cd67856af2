//! Unit tests of the clutter detectors on small pages.

use super::*;
use super::evidence::{host, host_in};

fn kinds(html: &str) -> Vec<(ClutterKind, String)> {
    let s = crate::html::parse(html, None).unwrap();
    let c = protect(&s, None, classify(&s));
    c.iter().map(|c| (c.kind, s.text_of(c.node))).collect()
}

#[test]
fn comment_form_with_heading() {
    let k = kinds(
        "<body><article><p>Text of the article that is long enough to be a paragraph for sure, yes.</p></article>\
         <div><h3>Leave a reply</h3><form><textarea></textarea><input name=author><input type=email name=email>\
         <input type=submit value=Post></form></div></body>",
    );
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].0, ClutterKind::CommentForm);
    assert!(k[0].1.starts_with("Leave a reply"));
}

#[test]
fn newsletter_and_search_forms() {
    let k = kinds("<body><form><input type=email name=e><button>Subscribe</button></form>\
                   <form role=search><input type=search name=q><button>Go</button></form></body>");
    assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Newsletter]);
}

#[test]
fn related_list_needs_dates_or_thumbs_or_label() {
    let item = |i: u32| format!("<li><a href=/a{i}>A fairly long headline number {i} about things</a> <span>2 July 2025</span></li>");
    let html = format!("<body><h2>More</h2><ul>{}</ul></body>", (0..4).map(item).collect::<String>());
    let k = kinds(&html);
    assert_eq!(k.len(), 2, "the list and the heading labelling it: {k:?}");
    assert_eq!((k[0].0, k[0].1.as_str()), (ClutterKind::Related, "More"));
    assert_eq!(k[1].0, ClutterKind::Related);
    let plain = "<body><ul><li><a href=/a>A fairly long headline about things one</a></li>\
                 <li><a href=/b>A fairly long headline about things two</a></li>\
                 <li><a href=/c>A fairly long headline about things three</a></li></ul></body>";
    assert!(kinds(plain).is_empty());
}

#[test]
fn share_bar_and_menu_and_toc() {
    let k = kinds("<body><div><a href='https://www.facebook.com/sharer.php?u=x'>Facebook</a>\
                   <a href='https://twitter.com/intent/tweet'>Twitter</a></div>\
                   <ul><li><a href=/>Home</a><li><a href=/a>News</a><li><a href=/b>Sport</a><li><a href=/c>Tech</a></ul>\
                   <ul><li><a href=#a>One</a><li><a href=#b>Two</a><li><a href=#c>Three</a><li><a href=#d>Four</a></ul></body>");
    assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Share, ClutterKind::Navigation]);
}

#[test]
fn protect_drops_decisions_over_the_article() {
    let s = crate::html::parse(
        "<body><div class=comments><article><p>Long paragraph number one of this article, it is surely long enough to count as one.</p>\
         <p>Long paragraph number two of this article, it is surely long enough to count as one.</p></article></div></body>",
        None,
    )
    .unwrap();
    let root = (0..s.len() as NodeId).find(|&i| s.tag(i) == Tag::Article).unwrap();
    let div = s.parent(root).unwrap();
    let fake = vec![Clutter { node: div, kind: ClutterKind::Related, reason: Reason::new("x", "") }];
    let art = Article { root, confidence: 1.0, reason: Reason::new("x", "") };
    assert!(protect(&s, Some(&art), fake.clone()).is_empty());
    let inner = vec![Clutter { node: root + 1, kind: ClutterKind::Related, reason: Reason::new("x", "") }];
    assert!(protect(&s, Some(&art), inner).is_empty(), "half the paragraph text");
}

#[test]
fn dates() {
    assert!(is_date_text("2 Juli 2025 - 00:38 WIB"));
    assert!(is_date_text("2025年7月2日"));
    assert!(is_date_text("3 hours ago"));
    assert!(!is_date_text("Top 10 tips"));
    assert!(!is_date_text("Room 1234"));
}

#[test]
fn hosts() {
    assert_eq!(host("https://www.Facebook.com/sharer"), "facebook.com");
    assert!(host_in("https://x.com/i", pat::SOCIAL_HOSTS));
    assert!(!host_in("https://box.com/i", pat::SOCIAL_HOSTS));
    assert!(!host_in("/relative/x.com", pat::SOCIAL_HOSTS));
}
