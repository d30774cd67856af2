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
//! Then the root is tightened: while one child holds [`DEFAULT_DESCEND_SHARE`] of its score, the
//! child is the content (the parent only adds a frame: title block, byline, tags, author box).
//!
//! Retries on the same snapshot when nothing is found: counting hidden markup (server-rendered
//! pages that stream content into hidden templates), then counting long link items (listings).
//! Discussion pages: when comment sections (as classified by the clutter pass) hold far more
//! prose than the rest of the page, and that rest is not an article of a few paragraphs, they
//! are the content (forum threads, Q&A) and count. A weak root (little prose, under three
//! paragraphs) gives way to the largest block of link items when that clearly outweighs it
//! (product grids, front pages). Last, a page whose visible content is small next to the markup
//! of one of its `<noscript>`s (script-built pages) gets that `<noscript>` as its root (see
//! [`crate::noscript`]).
//!
//! Side tables are `Vec`s indexed by `NodeId`; linear sweeps, no recursion.
//!
//! Limits: one root per page. Pages whose content is split over distant subtrees (a product
//! title far from its description) get the larger part. Text rendered by scripts is invisible
//! (unless the page's `<noscript>` carries it).

use crate::analysis::{Article, Clutter, ClutterKind};
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
/// Share of its parent's score from which a single child is taken as the content instead.
pub const DEFAULT_DESCEND_SHARE: f32 = 0.8;
/// A page with less positive text than this has no main content worth naming.
pub const DEFAULT_MIN_SCORE: f32 = 20.0;

/// Per-block tallies of the text that belongs directly to a block (not to nested blocks).
#[derive(Clone, Copy, Default)]
struct Own {
    text: u32,
    link: u32,
}

/// What one scoring pass knows of one node.
#[derive(Clone, Copy, Default)]
struct Row {
    /// The node's block: the nearest block-level element, itself included.
    block: NodeId,
    /// Hidden, non-content or clutter (itself or an ancestor).
    silent: bool,
    /// The block's own text, then (after the reverse sweep) its subtree's.
    own: Own,
    /// Sum of the block values in the subtree.
    score: f32,
    /// Prose blocks in the subtree.
    paragraphs: u32,
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

/// The listing reading of a page with little prose (see [`DEFAULT_WEAK_ROOT_SCORE`]).
const LISTING: Policy = Policy {
    count_hidden: false,
    link_weight: DEFAULT_LISTING_LINK_WEIGHT,
    code: "listing",
    note: "little prose; the largest block of link items",
};

/// A root scoring less than this (about a short paragraph's worth of prose) is weak: the page
/// is read as a listing too, and the listing root wins when it scores over
/// [`DEFAULT_LISTING_WIN`] times as much.
pub const DEFAULT_WEAK_ROOT_SCORE: f32 = 1500.0;
/// See [`DEFAULT_WEAK_ROOT_SCORE`].
pub const DEFAULT_LISTING_WIN: f32 = 2.0;

/// Weight of link text when a page has no prose at all (listing fallback).
pub const DEFAULT_LISTING_LINK_WEIGHT: f32 = 0.5;

/// Chooses the node holding the main content (article body, forum thread, product description,
/// listing). `clutter` is the page-wide clutter classification: its subtrees are not content.
///
/// When the visible page has little or no main content and a `<noscript>` holds a page's worth
/// of markup (script-built pages), that `<noscript>` is the root when its content scores over
/// [`DEFAULT_NOSCRIPT_WIN`] times the visible page's: the reader view is built from its markup
/// (see [`crate::noscript`]).
pub fn find(snap: &Snapshot, clutter: &[Clutter]) -> Option<Article> {
    let found = find_scored(snap, clutter);
    let page_score = found.as_ref().map_or(0.0, |f| f.1);
    // Not even read when its markup, all of it text, could not outscore the visible page.
    let ns = crate::noscript::candidate(snap)
        .filter(|&(_, len)| len as f32 * DEFAULT_SEMANTIC_BONUS * DEFAULT_HINT_BONUS > DEFAULT_NOSCRIPT_WIN * page_score);
    if let Some((ns, _)) = ns {
        if let Some((sub, inner, sub_score)) = noscript_content(snap, ns) {
            if sub_score > DEFAULT_NOSCRIPT_WIN * page_score {
                let detail = crate::text::cat!(
                    "<noscript> whose markup holds the content: ",
                    inner.reason.detail,
                    " (the visible page scores ",
                    crate::text::fixed0(page_score),
                    ", the fallback ",
                    crate::text::fixed0(sub_score),
                    ")"
                );
                drop(sub);
                return Some(Article {
                    root: ns,
                    confidence: inner.confidence * DEFAULT_RETRY_CONFIDENCE,
                    reason: Reason::new("noscript-fallback", detail),
                });
            }
        }
    }
    found.map(|f| f.0)
}

/// How much more the content of a `<noscript>` must score than the visible page's to be taken.
pub const DEFAULT_NOSCRIPT_WIN: f32 = 2.0;

/// The snapshot read from a `<noscript>`'s markup, the main content found in it (not counting
/// its own `<noscript>`s), and that content's score.
pub fn noscript_content(snap: &Snapshot, ns: NodeId) -> Option<(Snapshot, Article, f32)> {
    let sub = crate::noscript::parse(&crate::noscript::markup(snap, ns), snap.url.as_deref()).ok()?;
    let clutter = crate::clutter::classify(&sub);
    let (a, score) = find_scored(&sub, &clutter)?;
    Some((sub, a, score))
}

fn find_scored(snap: &Snapshot, clutter: &[Clutter]) -> Option<(Article, f32)> {
    if snap.is_empty() {
        return None;
    }
    let masked = mask(snap, clutter, None);
    let found = POLICIES.iter().find_map(|p| find_with(snap, &masked, p));
    let (a, score, paragraphs) = with_discussion(snap, clutter, found)?;
    // Little prose (a product grid, a news front page, a search result list): the largest
    // block of link items is the content when it clearly outweighs that prose. A root of a few
    // real paragraphs is an article however many links surround it.
    if score < DEFAULT_WEAK_ROOT_SCORE && paragraphs < DEFAULT_ARTICLE_MIN_PARAGRAPHS {
        if let Some((l, ls, _)) = find_with(snap, &masked, &LISTING) {
            if ls > DEFAULT_LISTING_WIN * score {
                return Some((l, ls));
            }
        }
    }
    Some((a, score))
}

/// Real paragraphs (prose blocks) from which a weak root is still an article, not a listing.
pub const DEFAULT_ARTICLE_MIN_PARAGRAPHS: u32 = 3;

/// Discussion pages (forum threads, Q&A): the replies are the content. When the page's prose
/// outside comment sections is small next to the prose inside them, and is not an article of
/// [`DEFAULT_ARTICLE_MIN_PARAGRAPHS`] or more paragraphs, count the comments.
fn with_discussion(snap: &Snapshot, clutter: &[Clutter], found: Option<Found>) -> Option<Found> {
    if !clutter.iter().any(|c| c.kind == ClutterKind::Comments) {
        return found;
    }
    let open = mask(snap, clutter, Some(ClutterKind::Comments));
    let with_comments = find_with(snap, &open, &POLICIES[0]);
    match (found, with_comments) {
        (Some((_, sa, pa)), Some((b, sb, pb)))
            if sa < DEFAULT_DISCUSSION_SHARE * sb && pa < DEFAULT_ARTICLE_MIN_PARAGRAPHS =>
        {
            Some((discussion(b), sb, pb))
        }
        (None, Some((b, sb, pb))) => Some((discussion(b), sb, pb)),
        (found, _) => found,
    }
}

/// A root found by one scoring pass: the article, its adjusted score, its prose blocks.
type Found = (Article, f32, u32);

/// Below this share of the score found when comment sections count, the page is a discussion.
pub const DEFAULT_DISCUSSION_SHARE: f32 = 0.25;

fn discussion(mut a: Article) -> Article {
    a.reason.code = "discussion";
    a.reason.detail.push_str(" (a discussion: its replies are the content)");
    a
}

fn find_with(snap: &Snapshot, masked: &[bool], policy: &Policy) -> Option<Found> {
    let n = snap.len();
    let body = snap.body();
    // Forward sweep: each node's block (nearest block-level element, itself included) and
    // whether it is silent (hidden, non-content, clutter), and the text that belongs directly
    // to each block. (One boxed slice of rows: a `Vec`'s index is a call in the size-optimised
    // wasm, a slice's is a bounds check in place.)
    let mut rows = vec![Row::default(); n].into_boxed_slice();
    for i in 0..n {
        let id = i as NodeId;
        let node = snap.node(id);
        let parent = snap.parent(id);
        let parent_silent = parent.is_some_and(|p| rows[p as usize].silent);
        let silent = parent_silent
            || (node.hidden_self && !policy.count_hidden)
            || masked.get(i).copied().unwrap_or(false)
            || (node.kind == NodeKind::Element && (node.tag.is_non_content() || is_control(node.tag)));
        rows[i].silent = silent;
        let block = match (node.kind, parent) {
            (NodeKind::Element, _) if node.tag.is_block() => id,
            (_, Some(p)) => rows[p as usize].block,
            (_, None) => id,
        };
        rows[i].block = block;
        if node.kind == NodeKind::Text && !silent {
            let b = &mut rows[block as usize].own;
            b.text += node.text_len;
            b.link += node.link_text_len;
        }
    }
    // Block values, then subtree sums in a reverse sweep (children before parents): `own`
    // becomes the subtree's text and link text.
    let mut total_positive = 0f32;
    for (i, r) in rows.iter_mut().enumerate() {
        let v = block_value(snap.tag(i as NodeId), r.own, policy.link_weight);
        r.score = v;
        if v > 0.0 {
            total_positive += v;
        }
        if r.own.text.saturating_sub(r.own.link) >= DEFAULT_PROSE_MIN_CHARS {
            r.paragraphs = 1;
        }
    }
    for i in (1..n).rev() {
        if let Some(p) = snap.parent(i as NodeId) {
            let c = rows[i];
            let p = &mut rows[p as usize];
            p.score += c.score;
            p.paragraphs += c.paragraphs;
            p.own.text += c.own.text;
            p.own.link += c.own.link;
        }
    }
    let score = |i: NodeId| rows[i as usize].score;
    // Choice: the best adjusted score among elements inside <body> (visible ones, unless the
    // policy counts hidden text); on ties the deeper node (later in document order) wins.
    let mut best: Option<(NodeId, f32)> = None;
    for id in snap.subtree(body) {
        let r = &rows[id as usize];
        if r.silent || !snap.is_element(id) || r.score <= 0.0 {
            continue;
        }
        // No multiplier exceeds MAX_MULTIPLIER (float products round monotonically), so a
        // score that loses even with it is not worth reading the node's names for.
        if best.is_some_and(|(_, s)| r.score * MAX_MULTIPLIER < s) {
            continue;
        }
        let adjusted = r.score * multiplier(snap, id);
        if best.is_none_or(|(_, s)| adjusted >= s) {
            best = Some((id, adjusted));
        }
    }
    let (mut root, adjusted) = best?;
    if adjusted < DEFAULT_MIN_SCORE {
        return None;
    }
    // Tighten: a child holding nearly all of the score is the content; what the parent adds is
    // its frame (title block, byline, author box, post footer).
    loop {
        let whole = score(root);
        let inner = snap
            .children(root)
            .find(|&c| !rows[c as usize].silent && snap.is_element(c) && score(c) >= DEFAULT_DESCEND_SHARE * whole);
        match inner {
            Some(c) => root = c,
            None => break,
        }
    }
    let r = rows[root as usize];
    let mut confidence =
        if total_positive > 0.0 { (r.score / total_positive).clamp(0.0, 1.0) } else { 0.0 };
    if !policy.note.is_empty() {
        confidence *= DEFAULT_RETRY_CONFIDENCE;
    }
    let mut detail = crate::text::cat!(
        label(snap, root),
        " with ",
        r.paragraphs,
        " paragraph",
        if r.paragraphs == 1 { "" } else { "s" },
        ", ",
        crate::text::thousands(u64::from(r.own.text)),
        " chars, link density ",
        crate::text::ratio_2dp(r.own.link, r.own.text)
    );
    if !policy.note.is_empty() {
        detail.push_str(" (");
        detail.push_str(policy.note);
        detail.push(')');
    }
    let code = if policy.code.is_empty() { reason_code(snap, root) } else { policy.code };
    Some((Article { root, confidence, reason: Reason::new(code, detail) }, adjusted, r.paragraphs))
}

/// Form controls whose text is choices or input, never content: a `<select>`'s options (a
/// country list, a forum's "jump to" menu) can outweigh a page's prose, and the reader view
/// drops them anyway.
fn is_control(tag: Tag) -> bool {
    matches!(tag, Tag::Select | Tag::Option | Tag::Optgroup | Tag::Textarea)
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

/// An upper bound of [`multiplier`]: its factors taken as at least 1, multiplied in its order.
const MAX_MULTIPLIER: f32 = 1.0 * max1(DEFAULT_SEMANTIC_BONUS) * max1(DEFAULT_HINT_BONUS) * max1(DEFAULT_HINT_PENALTY);

const fn max1(f: f32) -> f32 {
    if f > 1.0 { f } else { 1.0 }
}

/// Score multiplier from the node's kind and its id/class words.
fn multiplier(snap: &Snapshot, id: NodeId) -> f32 {
    let mut m = 1.0;
    if is_semantic(snap, id) {
        m *= DEFAULT_SEMANTIC_BONUS;
    }
    let mut names = snap.id_class(id);
    names.make_ascii_lowercase();
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
    let mut s = crate::text::cat!("<", snap.tag_name(id));
    if let Some((name, v)) =
        ["role", "itemprop"].into_iter().find_map(|a| snap.attr(id, a).map(str::trim).filter(|v| !v.is_empty()).map(|v| (a, v)))
    {
        s.push(' ');
        s.push_str(name);
        s.push('=');
        s.push_str(v);
    }
    s.push('>');
    s
}


#[cfg(all(test, feature = "native"))]
mod tests;
