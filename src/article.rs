//! Main-content scoring and choice.
//!
//! Approach: every piece of visible text belongs to its nearest block element (`p`, `div`,
//! `li`, `td`, ...). Each block gets a value from its own text: prose (long, few links) counts
//! for its length, link text counts against, short fragments count a little or against. A node's
//! score is the sum over the blocks in its subtree, and the chosen root is the node with the
//! highest score: the smallest subtree that holds the most prose net of navigation. Siblings
//! merge by themselves (a parent wins when its other children add more prose than link text).
//! Semantic containers (`<article>`, `<main>`, `role=main`, `itemprop=articleBody`) get a bonus,
//! id/class words a weak nudge (hashed class names simply give none).
//!
//! Clutter subtrees (the page-wide classification) contribute nothing: their text is taken out
//! of the article afterwards anyway, so a root that contains them costs nothing for it.
//!
//! Side tables are `Vec`s indexed by `NodeId`; two linear sweeps, no recursion.
//!
//! Limits: one root per page. Pages whose content is split over distant subtrees (a product
//! title far from its description) get the larger part. Text rendered by scripts is invisible.

use crate::analysis::{Article, Clutter};
use crate::clutter::mask;
use crate::patterns;
use crate::reason::Reason;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// Non-link characters from which a block counts as prose (a sentence or more).
pub const DEFAULT_PROSE_MIN_CHARS: u32 = 80;
/// Non-link characters from which a block counts as a fragment worth keeping (a short line, a
/// list item, a table cell); below it, a block is a label, a button, a date.
pub const DEFAULT_FRAGMENT_MIN_CHARS: u32 = 25;
/// Weight of prose characters.
pub const DEFAULT_PROSE_WEIGHT: f32 = 1.0;
/// Weight of fragment characters: some content pages are mostly short lines (specs, lists).
pub const DEFAULT_FRAGMENT_WEIGHT: f32 = 0.4;
/// Weight of label characters (below [`DEFAULT_FRAGMENT_MIN_CHARS`]): menus, buttons and footers
/// are made of them, so a subtree gains nothing by collecting them.
pub const DEFAULT_LABEL_WEIGHT: f32 = -0.2;
/// Weight of link characters: navigation, teasers and tag clouds are link text.
pub const DEFAULT_LINK_WEIGHT: f32 = -1.0;
/// Headings count like prose (section titles belong to the content they head).
pub const DEFAULT_HEADING_WEIGHT: f32 = 0.5;
/// Score multiplier for `<article>`, `<main>`, `role=main`, `itemprop=articleBody`.
pub const DEFAULT_SEMANTIC_BONUS: f32 = 1.15;
/// Score multiplier for id/class words that name content ("content", "article", "post").
pub const DEFAULT_HINT_BONUS: f32 = 1.05;
/// Score multiplier for id/class words that name clutter ("sidebar", "comment", "footer").
pub const DEFAULT_HINT_PENALTY: f32 = 0.8;
/// A page with less positive text than this has no main content worth naming.
pub const DEFAULT_MIN_SCORE: f32 = 20.0;

/// Per-block tallies of the text that belongs directly to a block (not to nested blocks).
#[derive(Clone, Copy, Default)]
struct Own {
    text: u32,
    link: u32,
}

/// How one scoring pass reads the page. The first pass is the normal one; the others are
/// retries on the same snapshot when it finds nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Policy {
    /// Count text under hidden elements: server-rendered pages that stream their content into
    /// hidden templates (shown by script) have nothing visible without a browser.
    count_hidden: bool,
    /// Weight of link text: negative normally, positive for listings (a page that is nothing
    /// but links to items still has a main list).
    link_weight: f32,
    code: &'static str,
    note: &'static str,
}

/// The passes, in order: the first that finds a root wins.
const POLICIES: [Policy; 3] = [
    Policy { count_hidden: false, link_weight: DEFAULT_LINK_WEIGHT, code: "", note: "" },
    Policy {
        count_hidden: true,
        link_weight: DEFAULT_LINK_WEIGHT,
        code: "hidden-content",
        note: "no visible prose; content found in hidden markup (shown by script)",
    },
    Policy {
        count_hidden: true,
        link_weight: DEFAULT_LISTING_LINK_WEIGHT,
        code: "listing",
        note: "no prose; the largest block of link items",
    },
];

/// Weight of link text when a page has no prose at all (listing fallback).
pub const DEFAULT_LISTING_LINK_WEIGHT: f32 = 0.5;

/// Chooses the node holding the main content (article body, forum thread, product description,
/// listing). `clutter` is the page-wide clutter classification: its subtrees are not content.
pub fn find(snap: &Snapshot, clutter: &[Clutter]) -> Option<Article> {
    if snap.is_empty() {
        return None;
    }
    let masked = mask(snap, clutter);
    POLICIES.iter().find_map(|p| find_with(snap, &masked, p))
}

fn find_with(snap: &Snapshot, masked: &[bool], policy: &Policy) -> Option<Article> {
    let n = snap.len();
    let body = snap.body();
    // Forward sweep: each node's block (nearest block-level element, itself included) and
    // whether it is silent (hidden, non-content, clutter).
    let mut block = vec![0 as NodeId; n];
    let mut silent = vec![false; n];
    let mut own = vec![Own::default(); n];
    for i in 0..n {
        let id = i as NodeId;
        let node = snap.node(id);
        let parent = snap.parent(id);
        let parent_silent = parent.is_some_and(|p| silent[p as usize]);
        silent[i] = parent_silent
            || (node.hidden_self && !policy.count_hidden)
            || masked.get(i).copied().unwrap_or(false)
            || (node.kind == NodeKind::Element && node.tag.is_non_content());
        block[i] = match (node.kind, parent) {
            (NodeKind::Element, _) if node.tag.is_block() => id,
            (_, Some(p)) => block[p as usize],
            (_, None) => id,
        };
        if node.kind == NodeKind::Text && !silent[i] {
            let b = block[i] as usize;
            own[b].text += node.text_len;
            own[b].link += node.link_text_len;
        }
    }
    // Block values, then subtree sums in a reverse sweep (children before parents).
    let mut score = vec![0f32; n];
    let mut paragraphs = vec![0u32; n];
    let mut text = vec![0u32; n];
    let mut links = vec![0u32; n];
    let mut total_positive = 0f32;
    for i in 0..n {
        let v = block_value(snap.tag(i as NodeId), own[i], policy.link_weight);
        score[i] = v;
        if v > 0.0 {
            total_positive += v;
        }
        if own[i].text.saturating_sub(own[i].link) >= DEFAULT_PROSE_MIN_CHARS {
            paragraphs[i] = 1;
        }
        text[i] = own[i].text;
        links[i] = own[i].link;
    }
    for i in (1..n).rev() {
        if let Some(p) = snap.parent(i as NodeId) {
            let p = p as usize;
            score[p] += score[i];
            paragraphs[p] += paragraphs[i];
            text[p] += text[i];
            links[p] += links[i];
        }
    }
    // Choice: the best adjusted score among elements inside <body> (visible ones, unless the
    // policy counts hidden text); on ties the deeper node (later in document order) wins.
    let mut best: Option<(NodeId, f32)> = None;
    for id in snap.subtree(body) {
        let i = id as usize;
        if silent[i] || !snap.is_element(id) || score[i] <= 0.0 {
            continue;
        }
        let adjusted = score[i] * multiplier(snap, id);
        if best.is_none_or(|(_, s)| adjusted >= s) {
            best = Some((id, adjusted));
        }
    }
    let (root, adjusted) = best?;
    if adjusted < DEFAULT_MIN_SCORE {
        return None;
    }
    let r = root as usize;
    let density = if text[r] > 0 { links[r] as f32 / text[r] as f32 } else { 0.0 };
    let mut confidence =
        if total_positive > 0.0 { (score[r] / total_positive).clamp(0.0, 1.0) } else { 0.0 };
    if !policy.note.is_empty() {
        confidence *= DEFAULT_RETRY_CONFIDENCE;
    }
    let mut detail = format!(
        "{} with {} paragraph{}, {} chars, link density {:.2}",
        label(snap, root),
        paragraphs[r],
        if paragraphs[r] == 1 { "" } else { "s" },
        thousands(text[r]),
        density
    );
    if !policy.note.is_empty() {
        detail.push_str(" (");
        detail.push_str(policy.note);
        detail.push(')');
    }
    let code = if policy.code.is_empty() { reason_code(snap, root) } else { policy.code };
    Some(Article { root, confidence, reason: Reason::new(code, detail) })
}

/// Confidence factor for a root found by a retry policy.
pub const DEFAULT_RETRY_CONFIDENCE: f32 = 0.5;

/// Value of the text that belongs directly to one block.
fn block_value(tag: Tag, own: Own, link_weight: f32) -> f32 {
    let plain = own.text.saturating_sub(own.link) as f32;
    // Positive link weights (listings) reward item titles, not menu entries and buttons.
    let link_weight =
        if link_weight > 0.0 && own.link < DEFAULT_FRAGMENT_MIN_CHARS { DEFAULT_LABEL_WEIGHT } else { link_weight };
    let link = own.link as f32 * link_weight;
    if tag.heading_level().is_some() {
        return plain * DEFAULT_HEADING_WEIGHT + link;
    }
    let plain_chars = own.text.saturating_sub(own.link);
    let weight = if plain_chars >= DEFAULT_PROSE_MIN_CHARS {
        DEFAULT_PROSE_WEIGHT
    } else if plain_chars >= DEFAULT_FRAGMENT_MIN_CHARS {
        DEFAULT_FRAGMENT_WEIGHT
    } else {
        DEFAULT_LABEL_WEIGHT
    };
    plain * weight + link
}

/// Is `id` a semantic main-content container?
fn is_semantic(snap: &Snapshot, id: NodeId) -> bool {
    matches!(snap.tag(id), Tag::Article | Tag::Main)
        || snap.attr(id, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        || snap
            .attr(id, "itemprop")
            .is_some_and(|v| v.split_whitespace().any(|t| t.eq_ignore_ascii_case("articlebody")))
}

/// Score multiplier from the node's kind and its id/class words.
fn multiplier(snap: &Snapshot, id: NodeId) -> f32 {
    let mut m = 1.0;
    if is_semantic(snap, id) {
        m *= DEFAULT_SEMANTIC_BONUS;
    }
    let names = snap.id_class(id).to_ascii_lowercase();
    if !names.is_empty() {
        if patterns::has_word(&names, patterns::CONTENT_POSITIVE) {
            m *= DEFAULT_HINT_BONUS;
        }
        if patterns::has_word(&names, patterns::CONTENT_NEGATIVE) {
            m *= DEFAULT_HINT_PENALTY;
        }
    }
    m
}

fn reason_code(snap: &Snapshot, id: NodeId) -> &'static str {
    if is_semantic(snap, id) {
        "semantic-container"
    } else {
        "densest-text"
    }
}

/// `<article>`, `<div role=main>`, `<div>`: how the reason names the chosen node.
fn label(snap: &Snapshot, id: NodeId) -> String {
    let tag = snap.tag_name(id);
    if let Some(role) = snap.attr(id, "role").filter(|r| !r.trim().is_empty()) {
        return format!("<{tag} role={}>", role.trim());
    }
    if let Some(p) = snap.attr(id, "itemprop").filter(|r| !r.trim().is_empty()) {
        return format!("<{tag} itemprop={}>", p.trim());
    }
    format!("<{tag}>")
}

/// 1840 -> "1,840".
fn thousands(v: u32) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(all(test, feature = "native"))]
mod tests {
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
            "<body><article><h1>A title long enough</h1><div>{}</div></article>{}</body>",
            para("Body", 5),
            "<a href=/x>Link</a>".repeat(30)
        );
        let s = parse(&html, None).unwrap();
        let a = find(&s, &[]).unwrap();
        assert_eq!(s.tag(a.root), Tag::Article);
        assert_eq!(a.reason.code, "semantic-container");
        assert!(a.reason.detail.starts_with("<article> with 5 paragraphs"), "{}", a.reason);
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
            kind: crate::analysis::ClutterKind::Comments,
            reason: Reason::new("test", ""),
        };
        assert_eq!(s.attr(find(&s, &[c]).unwrap().root, "id"), Some("a"));
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
    fn thousands_groups_digits() {
        assert_eq!(thousands(1840), "1,840");
        assert_eq!(thousands(12), "12");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
