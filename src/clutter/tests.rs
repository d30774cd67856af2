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

#[test]
fn consent_dialog_and_class_only_banner() {
    let k = kinds("<body><div role=dialog aria-modal=true><p>We use cookies to measure traffic.</p>\
                   <button>Accept</button><button>Reject</button></div>\
                   <div class=x><p>Wir verwenden Cookies.</p><button>OK</button></div></body>");
    // The second block is neither a dialog nor named like a banner: only its button is a control.
    assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Consent, ClutterKind::Control], "{k:?}");
}

#[test]
fn ads_by_marker_host_and_label() {
    let k = kinds("<body><ins class=adsbygoogle data-ad-slot=1></ins>\
                   <iframe src='https://securepubads.g.doubleclick.net/x'></iframe>\
                   <div><span>Anzeige</span></div><p>Anzeige: a sentence that merely starts with the word.</p></body>");
    let kinds: Vec<_> = k.iter().map(|k| k.0).collect();
    assert_eq!(kinds, vec![ClutterKind::Ad, ClutterKind::Ad, ClutterKind::Ad], "{k:?}");
}

#[test]
fn ticker_by_label_not_by_class() {
    let k = kinds("<body><div><span>Breaking</span><ul>\
                   <li><a href=/a>Storm closes the harbour for a second day</a></li>\
                   <li><a href=/b>Council approves the new bridge budget</a></li>\
                   <li><a href=/c>Rail strike called off after late-night talks</a></li></ul></div></body>");
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].0, ClutterKind::Ticker);
    assert!(k[0].1.starts_with("Breaking"), "the label goes with it: {k:?}");
}

#[test]
fn comment_thread_with_reply_links() {
    let item = |n: &str| format!("<li><b>{n}</b> <span>3 May 2025 10:00</span><p>I fully agree with the author here.</p><a href=#r>Reply</a></li>");
    let html = format!("<body><ol>{}{}</ol></body>", item("Ann"), item("Bo"));
    let k = kinds(&html);
    assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Comments], "{k:?}");
}

#[test]
fn controls_toggles_but_not_disclosures_or_icons() {
    let k = kinds("<body><button aria-pressed=false>Dark mode</button>\
                   <button aria-expanded=false aria-controls=faq1>How do I choose a kayak?</button>\
                   <button aria-label=Close></button><h3><button>Shipping</button></h3>\
                   <form><button>Send</button><input name=q></form></body>");
    assert_eq!(k.iter().map(|k| (k.0, k.1.as_str())).collect::<Vec<_>>(), vec![(ClutterKind::Control, "Dark mode")]);
}

#[test]
fn footer_tag_inside_article_is_not_the_site_footer() {
    let k = kinds("<body><article><p>Body text of the article, long enough for anyone to call it a paragraph.</p>\
                   <footer>Tags: <a href=/t/a>a</a></footer></article><footer>© 2025 Site <a href=/a>About</a></footer></body>");
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!((k[0].0, k[0].1.as_str()), (ClutterKind::Footer, "© 2025 Site About"));
}

#[test]
fn forum_thread_first_on_the_page_is_content() {
    let item = |n: &str| format!("<div><b>{n}</b> <span>Jan 3, 2024</span><p>Has anyone tried the new firmware on the older model? Mine reboots every hour since the update.</p><a href=#r>Reply</a></div>");
    let html = format!("<body><div id=t>{}{}{}</div></body>", item("a"), item("b"), item("c"));
    let s = crate::html::parse(&html, None).unwrap();
    let c = classify(&s);
    assert_eq!(c.len(), 1);
    // The article pass picks the first post (or the thread): either way the thread stays.
    let first_post = s.children(c[0].node).next().unwrap();
    let art = Article { root: first_post, confidence: 0.5, reason: Reason::new("x", "") };
    assert!(protect(&s, Some(&art), c).is_empty());
}

#[test]
fn deep_and_empty_pages_do_not_panic() {
    let deep = format!("{}<a href=/>Home</a> / <a href=/x>X</a>{}", "<div>".repeat(5000), "</div>".repeat(5000));
    let s = crate::html::parse(&deep, None).unwrap();
    let _ = protect(&s, None, classify(&s));
    let s = crate::html::parse("", None).unwrap();
    assert!(classify(&s).is_empty());
    assert!(classify(&Snapshot::default()).is_empty());
}

#[test]
fn a_long_comment_thread_after_the_article_stays_hidden() {
    let p = "<p>Long paragraph of the article itself, it is surely long enough to count as a real one.</p>";
    let item = |n: usize| format!("<li><b>Reader {n}</b> <span>Jan 3, 2024</span><p>I think this article misses the point entirely, and here is my long reply about why that is so.</p><a href=#r>Reply</a></li>");
    let thread: String = (0..12).map(item).collect();
    let html = format!("<body><div id=post>{p}{p}{p}<ol id=thread>{thread}</ol></div></body>");
    let s = crate::html::parse(&html, None).unwrap();
    let c = classify(&s);
    let thread_id = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("thread")).unwrap();
    assert!(c.iter().any(|d| d.node == thread_id && d.kind == ClutterKind::Comments), "{c:?}");
    let root = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("post")).unwrap();
    let art = Article { root, confidence: 0.9, reason: Reason::new("densest-text", "") };
    let kept = protect(&s, Some(&art), c.clone());
    assert!(kept.iter().any(|d| d.node == thread_id), "the thread outweighs the article but stays comments");
    // Read as a discussion, the same thread is the content.
    let art = Article { root, confidence: 0.9, reason: Reason::new("discussion", "") };
    assert!(!protect(&s, Some(&art), c).iter().any(|d| d.node == thread_id));
}

#[test]
fn customer_reviews_are_the_product_page_comment_thread() {
    let item = |n: usize| format!("<div class=customer-review><b>Buyer {n}</b><span>5 stars</span><p>Works as described, sturdy and easy to assemble, would buy again for the kids room.</p></div>");
    let reviews: String = (0..4).map(item).collect();
    let html = format!("<body><div id=desc><p>The product description, long enough to be a paragraph of its own on the page.</p></div><section class=product-reviews>{reviews}</section></body>");
    let k = kinds(&html);
    assert!(k.iter().any(|(kind, t)| *kind == ClutterKind::Comments && t.contains("Buyer 3")), "{k:?}");
    // The same items without review names are not taken for reviews.
    let plain = html.replace("customer-review", "card").replace("product-reviews", "cards");
    assert!(!kinds(&plain).iter().any(|(kind, _)| *kind == ClutterKind::Comments));
}

#[test]
fn sort_by_node_is_stable() {
    // Pseudo-random nodes with many repeats, against std's stable sort; every length up to 70
    // (the merge sort's partial runs).
    let mut x: u32 = 12345;
    for n in 0..70 {
        let mut v = Vec::new();
        for i in 0..n {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            v.push(Clutter { node: (x >> 16) % 9, kind: ClutterKind::Ad, reason: Reason::new("t", i.to_string()) });
        }
        let mut want = v.clone();
        want.sort_by_key(|c| c.node);
        sort_by_node(&mut v);
        let key = |v: &[Clutter]| v.iter().map(|c| (c.node, c.reason.detail.clone())).collect::<Vec<_>>();
        assert_eq!(key(&v), key(&want), "{n}");
    }
}

#[test]
fn previous_element_sibling_skips_text_hidden_and_script_siblings() {
    let s = crate::html::parse(
        "<body><div id=p><h3 id=a><span>label</span></h3> text <div id=h hidden><p>x</p></div>\
         <script>1</script><ul id=u><li>1</li></ul><p id=q>y</p></div><div id=lone><ul id=first></ul></div></body>",
        None,
    )
    .unwrap();
    let id = |v: &str| (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some(v)).unwrap();
    assert_eq!(lists::prev_element_sibling(&s, id("u")), Some(id("a")));
    assert_eq!(lists::prev_element_sibling(&s, id("q")), Some(id("u")));
    assert_eq!(lists::prev_element_sibling(&s, id("a")), None);
    assert_eq!(lists::prev_element_sibling(&s, id("first")), None);
    assert_eq!(lists::prev_element_sibling(&s, id("lone")), Some(id("p")));
}
