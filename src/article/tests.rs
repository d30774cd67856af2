//! Unit tests of the article pass on small parsed pages.
use super::*;
use crate::html::parse;

fn para(words: &str, n: usize) -> String {
    (0..n).map(|i| format!("<p>{words} sentence number {i}, which goes on for quite a while, long enough to read like real prose.</p>")).collect()
}

#[test]
fn picks_the_prose_over_navigation_and_sidebar() {
    let html = format!(
        "<body><div class=x1><ul>{}</ul></div><div class=x2><h1>Title</h1>{}</div>\
         <div class=x3>{}</div></body>",
        "<li><a href=/a>Menu entry</a></li>".repeat(20),
        para("Main", 8),
        "<div><a href=/r>A related story headline that is long</a></div>".repeat(10),
    );
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).expect("an article");
    assert_eq!(s.attr(a.root, "class"), Some("x2"));
    assert!(a.reason.detail.contains("8 paragraphs"), "{}", a.reason);
    assert!(a.confidence > 0.5);
}

#[test]
fn siblings_merge_under_their_parent() {
    let html = format!(
        "<body><nav>{}</nav><div id=p><div>{}</div><div>{}</div></div></body>",
        "<a href=/x>Home</a>".repeat(10),
        para("First", 3),
        para("Second", 3)
    );
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("p"));
}

#[test]
fn semantic_article_wins_over_its_inner_div() {
    let html = format!(
        "<body><article><h1>A title long enough</h1>{}<div>{}</div></article>{}</body>",
        para("Lead", 2),
        para("Body", 3),
        "<a href=/x>Link</a>".repeat(30)
    );
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.tag(a.root), Tag::Article);
    assert_eq!(a.reason.code, "semantic-container");
    assert!(a.reason.detail.starts_with("<article> with 5 paragraphs"), "{}", a.reason);
}

#[test]
fn a_child_holding_nearly_all_prose_is_chosen_over_its_frame() {
    let html = format!(
        "<body><div id=frame><h1>The title of the story</h1><p>By someone, 2 May</p>\
         <div id=body>{}</div><p>Share</p></div></body>",
        para("Body", 6)
    );
    let s = parse(&html, None).unwrap();
    assert_eq!(s.attr(find(&s, &[]).unwrap().root, "id"), Some("body"));
}

#[test]
fn clutter_text_does_not_count() {
    let html = format!(
        "<body><div id=a>{}</div><div id=b>{}</div></body>",
        para("Short", 2),
        para("Comment", 6)
    );
    let s = parse(&html, None).unwrap();
    let b = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("b")).unwrap();
    assert_eq!(find(&s, &[]).unwrap().root, s.body(), "both blocks are prose: they merge");
    let c = Clutter {
        node: b,
        kind: ClutterKind::Widget,
        reason: Reason::new("test", ""),
    };
    assert_eq!(s.attr(find(&s, &[c]).unwrap().root, "id"), Some("a"));
}

#[test]
fn a_thread_whose_replies_are_marked_comments_is_a_discussion() {
    let html = format!(
        "<body><div id=thread><div id=q><p>A short question?</p></div><div id=replies>{}</div></div></body>",
        para("Answer", 8)
    );
    let s = parse(&html, None).unwrap();
    let r = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("replies")).unwrap();
    let c = Clutter { node: r, kind: ClutterKind::Comments, reason: Reason::new("test", "") };
    let a = find(&s, &[c]).unwrap();
    assert_eq!(a.reason.code, "discussion", "{}", a.reason);
    assert!(s.contains(a.root, r));
}

#[test]
fn an_article_keeps_its_comments_out() {
    let html = format!(
        "<body><div id=story>{}</div><div id=replies>{}</div></body>",
        para("Story", 8),
        para("Reply", 8)
    );
    let s = parse(&html, None).unwrap();
    let r = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("replies")).unwrap();
    let c = Clutter { node: r, kind: ClutterKind::Comments, reason: Reason::new("test", "") };
    assert_eq!(s.attr(find(&s, &[c]).unwrap().root, "id"), Some("story"));
}

#[test]
fn empty_and_link_only_pages_have_no_article() {
    let s = parse("<body></body>", None).unwrap();
    assert!(find(&s, &[]).is_none());
    let s = parse("<body><div><a href=/x>x</a></div></body>", None).unwrap();
    assert!(find(&s, &[]).is_none());
}

#[test]
fn hidden_text_does_not_count() {
    let html = format!(
        "<body><div id=a>{}</div><div id=b hidden>{}</div></body>",
        para("Shown", 2),
        para("Hidden", 6)
    );
    let s = parse(&html, None).unwrap();
    assert_eq!(s.attr(find(&s, &[]).unwrap().root, "id"), Some("a"));
}

#[test]
fn link_lists_fall_back_to_the_listing() {
    let html = format!(
        "<body><div id=menu><a href=/>Home</a></div><ol id=list>{}</ol></body>",
        "<li><a href=/x>An item title of some length</a> (example.org)</li>".repeat(30)
    );
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("list"));
    assert_eq!(a.reason.code, "listing");
}

#[test]
fn hidden_streamed_content_is_used_when_nothing_is_visible() {
    let html = format!("<body><div id=shell>Loading</div><div id=s hidden>{}</div></body>", para("Late", 4));
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("s"));
    assert_eq!(a.reason.code, "hidden-content");
}

#[test]
fn a_script_built_page_is_read_from_its_noscript_fallback() {
    // Nothing visible but a splash; the server-rendered thread sits in a <noscript>.
    let inner = format!(
        "<header><a href=/>Forum home</a></header><div id=main role=main><h1>Topic</h1>{}</div>\
         <footer><nav><ul>{}</ul></nav></footer>",
        para("Post", 6),
        "<li><a href=/x>Footer link</a></li>".repeat(8)
    );
    let html = format!("<body><div id=splash>Loading…</div><noscript data-path=/t/1>{inner}</noscript></body>");
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).expect("the fallback");
    assert_eq!(s.tag(a.root), Tag::Noscript);
    assert_eq!(a.reason.code, "noscript-fallback");
    let doc = crate::reader::build(&s, a.root, &[], &crate::analysis::Metadata::default());
    assert!(doc.text.contains("Post sentence number 5"), "{}", doc.text);
    assert!(!doc.text.contains('<') && !doc.text.contains("Footer link"), "{}", doc.text);
}

#[test]
fn a_visible_article_wins_over_a_noscript_copy() {
    let body = para("Visible", 6);
    let html = format!("<body><article id=a>{body}</article><noscript>{body}</noscript></body>");
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("a"));
}

#[test]
fn a_grid_of_link_items_outweighs_a_short_blurb() {
    let cards: String = (0..24)
        .map(|i| format!("<li><a href=/p/{i}>Product number {i} with a long descriptive name</a><span>$ {i}.99</span></li>"))
        .collect();
    let html = format!(
        "<body><div id=intro><p>Our collection of products, hand-picked for you this season and shipped worldwide.</p></div>\
         <ul id=grid>{cards}</ul></body>"
    );
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("grid"), "{}", a.reason);
    assert_eq!(a.reason.code, "listing");
}

#[test]
fn a_short_article_of_real_paragraphs_is_not_read_as_a_listing() {
    let links: String = (0..40).map(|i| format!("<li><a href=/s/{i}>Another story headline number {i} to read</a></li>")).collect();
    let html = format!("<body><div id=a>{}</div><div><ul>{links}</ul></div></body>", para("Short", 3));
    let s = parse(&html, None).unwrap();
    let a = find(&s, &[]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("a"), "{}", a.reason);
}

#[test]
fn an_article_of_a_few_paragraphs_is_not_outweighed_by_a_long_comment_thread() {
    let html = format!(
        "<body><div id=story>{}</div><div id=replies>{}</div></body>",
        para("Story", 4),
        para("Reply", 40)
    );
    let s = parse(&html, None).unwrap();
    let r = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("replies")).unwrap();
    let c = Clutter { node: r, kind: ClutterKind::Comments, reason: Reason::new("test", "") };
    let a = find(&s, &[c]).unwrap();
    assert_eq!(s.attr(a.root, "id"), Some("story"), "{}", a.reason);
}
