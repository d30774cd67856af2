//! Is the page an article worth a reader view? (Readability's "readerable" question.)
//!
//! Approach: count the page's substantial text blocks outside clutter, the way a reader would
//! see them: paragraphs (`p`, `pre`, and `div`/`td` that hold text directly, as pages built with
//! `<br>` do) of at least [`DEFAULT_MIN_BLOCK_CHARS`] characters that are not mostly links. Each
//! block adds `sqrt(chars - DEFAULT_MIN_BLOCK_CHARS)` to a score, so one long block counts more
//! than many short ones but several paragraphs beat one; the page is an article when the score
//! passes [`DEFAULT_MIN_SCORE`]. Home pages, listings, search results and forum indexes are made
//! of short, link-heavy teasers; long teasers, which sit in repeated small items beside a title
//! link, do not count. Error pages have one or two short blocks.
//!
//! Blocks inside clutter (as classified by the clutter pass), hidden nodes, navigation, asides,
//! footers and forms do not count; id/class names are only a weak extra hint
//! ([`READERABLE_UNLIKELY`]).
//!
//! Limit: a forum thread with long posts reads as an article (it is readable), and a product page
//! with a long description may too.

use crate::analysis::{Article, Clutter, Verdict};
use crate::patterns::{READERABLE_MAYBE, READERABLE_UNLIKELY};
use crate::reason::Reason;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};
use crate::text::Piece;

/// Shortest text block (chars) that counts as article text; shorter blocks are captions,
/// teasers, labels.
pub const DEFAULT_MIN_BLOCK_CHARS: u32 = 140;
/// Score (sum over blocks of `sqrt(chars - min)`) above which the page is an article. 20 is,
/// e.g., two paragraphs of 240 chars, or one of 540.
pub const DEFAULT_MIN_SCORE: f64 = 20.0;
/// A block whose link text exceeds this share of its text is a teaser or a link list.
pub const DEFAULT_MAX_LINK_DENSITY: f64 = 0.5;
/// Ancestors of a text block searched for the item it may be a teaser in.
pub const DEFAULT_ITEM_LEVELS: usize = 3;
/// Largest item (element count) searched for a teaser title: listing items are small, and the
/// bound keeps the check linear on big pages.
pub const DEFAULT_MAX_ITEM_ELEMENTS: u32 = 60;

/// Most long paragraphs in one teaser card (its summary).
pub const DEFAULT_MAX_ITEM_BLOCKS: usize = 1;
/// Alike siblings that make a list of items (cards, results, teasers).
pub const DEFAULT_MIN_REPEATED_ITEMS: usize = 3;
/// Siblings looked at when deciding whether an item repeats: keeps the check linear on pages
/// with huge flat containers.
pub const DEFAULT_MAX_SIBLINGS_SCANNED: usize = 64;
/// Shortest link text (chars) that reads as an item's title.
pub const DEFAULT_MIN_TITLE_LINK_CHARS: u32 = 25;

/// Text blocks scored together.
#[derive(Default, Debug, Clone, Copy)]
struct Group {
    blocks: u32,
    chars: u64,
    score: f64,
}

/// What the walk found.
#[derive(Default, Debug)]
struct Tally {
    /// Blocks read as article text.
    article: Group,
    /// Long blocks that are teasers: one per repeated item, beside the item's title link.
    teasers: Group,
    longest: u32,
}

/// Judges whether the page is an article, with the evidence as the reason.
pub fn judge(snap: &Snapshot, _article: Option<&Article>, clutter: &[Clutter]) -> Verdict {
    if snap.is_empty() {
        return Verdict { is_article: false, reason: Reason::new("empty", "the page has no content") };
    }
    let t = tally(snap, snap.body(), clutter);
    let is_article = t.article.score > DEFAULT_MIN_SCORE;
    if !is_article && t.article.blocks == 0 && t.teasers.blocks == 0 {
        let detail = crate::text::cat!("no text block reaches ", DEFAULT_MIN_BLOCK_CHARS, " chars; longest text block is ", t.longest, " chars");
        return Verdict { is_article, reason: Reason::new("no-article-text", detail) };
    }
    // "N paragraphs, C chars of article text" (with "only" and the longest block when too
    // little), then the teasers left out.
    let mut detail = String::new();
    if !is_article {
        detail.push_str("only ");
    }
    t.article.blocks.put(&mut detail);
    detail.push_str(if is_article { " paragraphs, " } else { " paragraph(s), " });
    detail.push_str(&crate::text::thousands(t.article.chars));
    detail.push_str(" chars of article text");
    if t.teasers.blocks > 0 {
        detail.push_str("; ");
        t.teasers.blocks.put(&mut detail);
        detail.push_str(" teaser paragraph(s) in repeated linked items not counted");
    }
    let code = if is_article {
        "article-text"
    } else {
        detail.push_str("; longest text block is ");
        t.longest.put(&mut detail);
        detail.push_str(" chars");
        "too-little-text"
    };
    let reason = Reason::new(code, detail);
    Verdict { is_article, reason }
}

/// Walks `root`, scoring text blocks outside clutter and hidden or excluded subtrees.
fn tally(snap: &Snapshot, root: NodeId, clutter: &[Clutter]) -> Tally {
    let clutter_ids = crate::clutter::roots(snap, clutter);
    let mut t = Tally::default();
    let mut i = root;
    let end = snap.node(root).end;
    while i < end {
        let n = snap.node(i);
        if n.kind != NodeKind::Element {
            i += 1;
            continue;
        }
        if n.hidden || n.tag.is_non_content() || clutter_ids.get(i as usize).copied().unwrap_or(false) || (i != root && excluded(snap, i)) {
            i = n.end;
            continue;
        }
        let Some((len, links, whole)) = text_block(snap, i) else {
            i += 1;
            continue;
        };
        if unlikely_name(snap, i) {
            i = n.end;
            continue;
        }
        let len = weighted_len(snap, i, len);
        t.longest = t.longest.max(len);
        let link_dense = links as f64 > len as f64 * DEFAULT_MAX_LINK_DENSITY;
        if len >= DEFAULT_MIN_BLOCK_CHARS && !link_dense {
            let score = ((len - DEFAULT_MIN_BLOCK_CHARS) as f64).sqrt();
            let group = if is_teaser(snap, i) { &mut t.teasers } else { &mut t.article };
            add(group, len, score);
        }
        // A whole block is done; a container with its own text still has blocks inside.
        i = if whole { n.end } else { i + 1 };
    }
    t
}

/// Weight of one CJK (Han, Kana, Hangul, Thai) character in block lengths: such scripts carry
/// about a word in 1.5-2 characters where Latin text needs about 6.
pub const DEFAULT_CJK_CHAR_WEIGHT: u32 = 3;

/// `len` with CJK characters counted [`DEFAULT_CJK_CHAR_WEIGHT`] times, so a 60-character
/// Chinese paragraph weighs like a 180-character English one.
fn weighted_len(snap: &Snapshot, block: NodeId, len: u32) -> u32 {
    if len * DEFAULT_CJK_CHAR_WEIGHT < DEFAULT_MIN_BLOCK_CHARS {
        return len;
    }
    // CJK characters are never whitespace: `text_of` keeps each of them, so counting them in
    // the text nodes it reads answers the same without building the text.
    let mut cjk = 0u32;
    snap.for_each_visible_text(block, |t| {
        if !t.is_ascii() {
            for c in t.chars() {
                if crate::metadata::is_cjk(c) {
                    cjk = cjk.saturating_add(1);
                }
            }
        }
    });
    len.saturating_add(cjk.saturating_mul(DEFAULT_CJK_CHAR_WEIGHT - 1))
}

/// Is the block a teaser? It sits in a small item (a few levels up) that is one of several
/// alike siblings (same tag and class), holds no other long paragraph, and also holds a title
/// link outside the block, as listing, search-result and home-page cards do. Article paragraphs wrapped one by one in
/// `<div>`s have no title link beside them.
fn is_teaser(snap: &Snapshot, block: NodeId) -> bool {
    let mut item = block;
    for _ in 0..DEFAULT_ITEM_LEVELS {
        let Some(parent) = snap.parent(item) else { break };
        item = parent;
        if snap.node(item).elements > DEFAULT_MAX_ITEM_ELEMENTS || matches!(snap.tag(item), Tag::Body | Tag::Main) {
            return false;
        }
        if repeated(snap, item) && has_title_link(snap, item, block) && single_block(snap, item) {
            return true;
        }
    }
    false
}

/// Does `item` have at least [`DEFAULT_MIN_REPEATED_ITEMS`] alike siblings (itself included)?
fn repeated(snap: &Snapshot, item: NodeId) -> bool {
    let Some(parent) = snap.parent(item) else { return false };
    let (name, class) = (snap.tag_name(item), snap.attr(item, "class").unwrap_or(""));
    let mut alike = 0;
    for (scanned, c) in snap.children(parent).enumerate() {
        if scanned == DEFAULT_MAX_SIBLINGS_SCANNED {
            break;
        }
        if snap.is_element(c) && snap.tag_name(c) == name && snap.attr(c, "class").unwrap_or("") == class {
            alike += 1;
            if alike >= DEFAULT_MIN_REPEATED_ITEMS {
                return true;
            }
        }
    }
    false
}

/// A teaser card holds at most [`DEFAULT_MAX_ITEM_BLOCKS`] long paragraphs (its summary); an
/// article body wrapped in repeated `<div>`s holds more.
fn single_block(snap: &Snapshot, item: NodeId) -> bool {
    let mut blocks = 0;
    for b in snap.subtree(item) {
        if matches!(snap.tag(b), Tag::P | Tag::Pre) && snap.node(b).text_len >= DEFAULT_MIN_BLOCK_CHARS {
            blocks += 1;
            if blocks > DEFAULT_MAX_ITEM_BLOCKS {
                return false;
            }
        }
    }
    true
}

/// A link to another page with a title's worth of text in `item`, outside `block`.
fn has_title_link(snap: &Snapshot, item: NodeId, block: NodeId) -> bool {
    snap.subtree(item).any(|a| is_page_link(snap, a) && !snap.contains(block, a) && snap.node(a).text_len >= DEFAULT_MIN_TITLE_LINK_CHARS)
}

/// Is `id` a link to another page (an `<a href>` that is not a `#fragment`)?
pub(crate) fn is_page_link(snap: &Snapshot, id: NodeId) -> bool {
    snap.tag(id) == Tag::A && snap.attr(id, "href").is_some_and(|x| !x.trim_start().starts_with('#'))
}

fn add(g: &mut Group, len: u32, score: f64) {
    g.blocks += 1;
    g.chars += len as u64;
    g.score += score;
}

/// Subtrees that never hold article text: navigation, asides, footers, forms, dialogs.
fn excluded(snap: &Snapshot, id: NodeId) -> bool {
    use Tag::*;
    if matches!(snap.tag(id), Nav | Aside | Footer | Form | Dialog | Button | Select | Textarea) {
        return true;
    }
    if snap.attr(id, "aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if snap.attr(id, "role").is_some_and(|r| matches!(r.trim(), "navigation" | "complementary" | "contentinfo" | "dialog")) {
        return true;
    }
    false
}

/// A text block whose own id/class names say it is not article text ("comment", "sidebar"),
/// unless they also say content ("article-body"). A weak hint: applied to the block itself
/// only, never to a whole wrapper (sites name page wrappers "header-wrapper" and the like).
fn unlikely_name(snap: &Snapshot, id: NodeId) -> bool {
    let names = snap.id_class(id).to_ascii_lowercase();
    crate::text::contains_any_str(&names, READERABLE_UNLIKELY) && !crate::text::contains_any_str(&names, READERABLE_MAYBE)
}

/// A paragraph-like block and its (text chars, link chars, whole subtree?): `p` and `pre`
/// whole; a `div`/`td`/`section`/`article` holding text directly (pages that separate
/// paragraphs with `<br>`) counts only the text outside its block-level children.
fn text_block(snap: &Snapshot, id: NodeId) -> Option<(u32, u32, bool)> {
    let n = snap.node(id);
    match snap.tag(id) {
        Tag::P | Tag::Pre => Some((n.text_len, n.link_text_len, true)),
        Tag::Div | Tag::Td | Tag::Section | Tag::Article => {
            // One pass over the children: is there text directly in `id`, and what of its text
            // and link text is in block children.
            let mut has_direct = false;
            let (mut len, mut links) = (n.text_len, n.link_text_len);
            for c in snap.children(id) {
                let k = snap.node(c);
                has_direct |= (k.kind == NodeKind::Text && k.text_len > 0) || k.tag == Tag::Br;
                // Hidden and non-content children never added to `n`'s text in the first place.
                if k.kind == NodeKind::Element && k.tag.is_block() && !k.hidden_self && !k.tag.is_non_content() {
                    len = len.saturating_sub(k.text_len);
                    links = links.saturating_sub(k.link_text_len);
                }
            }
            has_direct.then_some((len, links, false))
        }
        _ => None,
    }
}


#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::html::parse;

    fn judge_html(html: &str) -> Verdict {
        let snap = parse(html, None).expect("parse");
        judge(&snap, None, &[])
    }

    fn para(n: usize) -> String {
        format!("<p>{}</p>", "The ministry said the attack began in 2022 and hit its systems. ".repeat(n))
    }

    #[test]
    fn article_with_paragraphs_is_readerable() {
        let v = judge_html(&format!("<body><article><h1>T</h1>{}{}{}</article></body>", para(5), para(4), para(6)));
        assert!(v.is_article, "{}", v.reason);
        assert_eq!(v.reason.code, "article-text");
        assert!(v.reason.detail.starts_with("3 paragraphs, 957 chars of article text"), "{}", v.reason.detail);
    }

    #[test]
    fn listing_of_link_teasers_is_not() {
        let item = "<li><a href='/story'><h3>A headline that is long enough to look like a real teaser for a story on the home page of a news site yes</h3></a></li>";
        let v = judge_html(&format!("<body><ul>{}</ul></body>", item.repeat(30)));
        assert!(!v.is_article);
        let teaser = "<div><a href='/s'>A headline that is long enough to look like a real teaser for a story on the home page of a news site, and then a bit more text.</a></div>";
        let v = judge_html(&format!("<body>{}</body>", teaser.repeat(30)));
        assert!(!v.is_article, "{}", v.reason);
    }

    #[test]
    fn long_teasers_in_repeated_cards_do_not_count() {
        let summary = "The ministry said the attack began in 2022 and hit its systems; officials added details later in the week about who was behind the operation and why.";
        let card = format!("<div class=card><h3><a href='/story'>A story headline for the card</a></h3><p>{summary}</p></div>");
        let v = judge_html(&format!("<body><div class=list>{}</div></body>", card.repeat(12)));
        assert!(!v.is_article, "{}", v.reason);
        assert!(v.reason.detail.contains("12 teaser paragraph(s)"), "{}", v.reason.detail);
        // The same paragraphs as one article body are an article.
        let body = format!("<p>{summary}</p>").repeat(12);
        assert!(judge_html(&format!("<body><article><h1>T</h1>{body}</article></body>")).is_article);
    }

    #[test]
    fn error_page_is_not_and_says_why() {
        let v = judge_html("<body><h1>404</h1><p>Sorry, the page you are looking for does not exist.</p></body>");
        assert!(!v.is_article);
        assert_eq!(v.reason.code, "no-article-text");
        assert!(v.reason.detail.contains("longest text block is 51 chars"), "{}", v.reason.detail);
    }

    #[test]
    fn text_in_clutter_and_hidden_nodes_does_not_count() {
        let html = format!("<body><div id=c>{}{}</div><div hidden>{}</div><aside>{}</aside></body>", para(5), para(5), para(9), para(9));
        let snap = parse(&html, None).expect("parse");
        let c = (0..snap.len() as u32).find(|&i| snap.attr(i, "id") == Some("c")).expect("c");
        let clutter = [Clutter { node: c, kind: crate::analysis::ClutterKind::Comments, reason: Reason::new("t", "") }];
        assert!(!judge(&snap, None, &clutter).is_article);
        assert!(judge(&snap, None, &[]).is_article);
    }

    #[test]
    fn br_separated_text_counts() {
        let line = "The ministry said the attack began in 2022 and hit its systems, officials confirmed on Monday, adding more detail later on.";
        let v = judge_html(&format!("<body><div>{line}<br><br>{line}<br><br>{line}{line}<br>{line}{line}</div></body>"));
        assert!(v.is_article, "{}", v.reason);
    }

    #[test]
    fn cjk_paragraphs_weigh_more_per_character() {
        let zh = "<p>捷克外交部表示，这次网络攻击始于二零二二年，目标是该国关键的通信系统，官员已经部署了新的安全通信系统。外交部长召见了中国大使，提出正式抗议。</p>";
        assert!(judge_html(&format!("<body><article>{}</article></body>", zh.repeat(6))).is_article);
        let en = "<p>The ministry said the attack began in 2022.</p>";
        assert!(!judge_html(&format!("<body><article>{}</article></body>", en.repeat(6))).is_article);
    }

    #[test]
    fn thousands_separator() {
        assert_eq!(crate::text::thousands(3200), "3,200");
        assert_eq!(crate::text::thousands(999), "999");
        assert_eq!(crate::text::thousands(1234567), "1,234,567");
    }
}
