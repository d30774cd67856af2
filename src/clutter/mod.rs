//! Clutter classification: what around (and inside) the article is not the article.
//!
//! Approach: structure first. One reverse sweep counts, per node, the evidence every detector
//! wants (links, social links, textareas, email inputs, buttons, images, dates, ...); then one
//! forward pass asks each visible element, in a fixed order, "are you a comment form, a comment
//! embed, a consent dialog, an ad slot, a breadcrumb, a menu, a site footer, a share bar, a list of
//! link items, a comment thread, a stray control?" The first detector that answers wins. A
//! decision then *widens* to the wrapper that only adds a label (a `<section>` holding a heading
//! and the list), and a heading right before a widget that it alone labels goes with it.
//!
//! Word lists (`patterns.rs`) are weak hints only: they choose between kinds for a block that
//! structure already singled out ("a list of dated links" is Related, or a Ticker when labelled
//! "Breaking"), they never make a block clutter on their own, except the ad labels
//! ("Advertisement" as a block's whole text) and consent words on dialogs.
//!
//! [`protect`] runs once the article is known and enforces precision over recall: a decision that
//! contains the article root, or would hide a real share of its paragraph text, is dropped
//! (comments after the article's own paragraphs excepted, and page footers' own text never
//! counts as article text).
//!
//! Limits: no layout is used even when the browser supplies it (fixed-position banners are found
//! by role/aria-modal/inline style only); comment threads need reply links, `Comment` microdata or
//! a comment word on the container (customer reviews: review-named items in a review-named
//! container); a "Related" list needs three or more items.

use crate::analysis::{Article, Clutter, ClutterKind};
use crate::patterns as pat;
use crate::reason::Reason;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// `found!(kind, code, "template with {} holes", args...)`: a detector's answer, its detail the
/// template with each `{}` replaced by the next argument (strings and integers, as
/// `crate::text::cat!` puts them), made by one shared function ([`forms::found`]) instead of at
/// every detector's return. (One template string per answer, not a piece per literal: each
/// piece is a pointer pair stored at the call site.)
macro_rules! found {
    ($kind:expr, $code:expr, $template:expr $(, $p:expr)* $(,)?) => {
        found($kind, $code, $template, &[$(&$p as &dyn crate::text::Piece),*])
    };
}

mod chrome;
mod embeds;
mod evidence;
mod forms;
mod lists;
mod widen;
#[cfg(all(test, feature = "native"))]
mod tests;

use chrome::*;
use embeds::*;
use evidence::*;
use forms::*;
use lists::*;
use widen::*;

pub use evidence::is_date_text;

/// Items a repeated list needs before it counts as a related / trending list or a menu.
pub const DEFAULT_MIN_LIST_ITEMS: usize = 3;
/// More items than this is a listing or product grid (the page's content), not a widget.
/// Related / trending widgets on WCXB pages hold 3 to 12; grids there hold 24 to 160.
pub const DEFAULT_MAX_LIST_ITEMS: usize = 20;
/// Items a menu (list of short links with no dates or thumbnails) needs.
pub const DEFAULT_MIN_MENU_ITEMS: usize = 4;
/// Share of a container's item children that must be "mostly one link".
pub const DEFAULT_LIST_ITEM_SHARE: f32 = 0.8;
/// An item is "mostly one link" when link text is at least this share of its text...
pub const DEFAULT_ITEM_LINK_SHARE: f32 = 0.5;
/// ...or when the text outside links is no longer than this (a date, a number, "5 min").
pub const DEFAULT_ITEM_EXTRA_CHARS: u32 = 40;
/// Items longer than this are teasers with excerpts or content, not list entries.
pub const DEFAULT_MAX_ITEM_CHARS: u32 = 300;
/// Items with more elements than this are not inspected link by link (bounded work per item).
pub const DEFAULT_MAX_ITEM_ELEMENTS: u32 = 200;
/// Distinct link targets an item may have (a thumbnail and a title usually share one).
pub const DEFAULT_MAX_ITEM_TARGETS: usize = 2;
/// Mean link text per item at or below which a dateless, imageless link list reads as a menu.
pub const DEFAULT_MENU_ITEM_CHARS: u32 = 30;
/// Social links a share / follow bar needs.
pub const DEFAULT_MIN_SOCIAL_LINKS: u32 = 2;
/// Share of a bar's links that must point to social hosts.
pub const DEFAULT_SOCIAL_LINK_SHARE: f32 = 0.6;
/// Text a share bar may carry per link ("Share on Facebook") beyond a fixed allowance.
pub const DEFAULT_SHARE_CHARS_PER_LINK: u32 = 30;
/// Fixed text allowance of a share bar ("Bagikan:", "Teilen").
pub const DEFAULT_SHARE_BASE_CHARS: u32 = 40;
/// Text a wrapper may add to a widget and still be "just its label" (heading, short blurb).
pub const DEFAULT_LABEL_MAX_CHARS: u32 = 160;
/// A heading that labels a widget is at most this long.
pub const DEFAULT_HEADING_MAX_CHARS: u32 = 80;
/// A control (button) is at most this much text.
pub const DEFAULT_CONTROL_MAX_CHARS: u32 = 40;
/// A site footer found without a `<footer>` tag holds at most this much text...
pub const DEFAULT_FOOTER_MAX_CHARS: u32 = 800;
/// ...and is followed by at most this much text in the document.
pub const DEFAULT_FOOTER_TAIL_CHARS: u32 = 200;
/// A banner's text is scanned for consent words up to this many characters.
pub const DEFAULT_BANNER_SCAN_CHARS: usize = 2000;
/// A consent banner found by id/class words alone is at most this much text.
pub const DEFAULT_CONSENT_MAX_CHARS: u32 = 1500;
/// A breadcrumb trail is at most this much text.
pub const DEFAULT_BREADCRUMB_MAX_CHARS: u32 = 200;
/// Text inputs a newsletter form may have (email, name, maybe a company).
pub const DEFAULT_NEWSLETTER_MAX_INPUTS: u32 = 3;
/// Dated, repeated items a comment-word container needs to count as a comment thread.
pub const DEFAULT_MIN_COMMENT_ITEMS: usize = 2;
/// A paragraph of the article counts for [`protect`] from this length...
pub const DEFAULT_PARAGRAPH_MIN_CHARS: u32 = 80;
/// ...when at most this share of it is link text.
pub const DEFAULT_PARAGRAPH_MAX_LINK_SHARE: f32 = 0.3;
/// [`protect`] drops a decision hiding this share of the article's paragraph text or more.
pub const DEFAULT_PROTECT_MAX_SHARE: f32 = 0.25;
/// [`protect`] drops a non-comment decision hiding this many article paragraphs or more.
pub const DEFAULT_PROTECT_MAX_PARAGRAPHS: usize = 2;

// ---------------------------------------------------------------------------------------------
// Public passes.

/// Page-wide clutter classification, before the article is known.
///
/// Returns decisions in document order; a decision may lie inside another (an inner share bar
/// inside a wider related box) so that [`protect`] can fall back to the inner one when it drops
/// the outer.
pub fn classify(snap: &Snapshot) -> Vec<Clutter> {
    if snap.is_empty() {
        return Vec::new();
    }
    let cx = Ctx::new(snap);
    let body = snap.body();
    let mut out: Vec<Clutter> = Vec::new();
    // The detectors, in order: the first that answers decides.
    static DETECTORS: [fn(&Ctx, NodeId) -> Found; 10] = [
        detect_comment_embed,
        detect_form,
        detect_consent,
        detect_ad,
        detect_breadcrumb,
        detect_nav,
        detect_footer,
        detect_share,
        detect_list,
        detect_control,
    ];
    let mut i = body.saturating_add(1);
    let end = snap.node(body).end;
    while i < end {
        let id = i;
        i += 1;
        let node = snap.node(id);
        if node.kind != NodeKind::Element || node.hidden {
            continue;
        }
        if node.tag.is_non_content() {
            i = node.end;
            continue;
        }
        let Some((kind, reason)) = DETECTORS.iter().find_map(|d| d(&cx, id)) else { continue };
        let target = match kind {
            ClutterKind::Control | ClutterKind::Footer => id,
            _ => widen(&cx, id),
        };
        if !matches!(kind, ClutterKind::Control | ClutterKind::Footer | ClutterKind::Navigation | ClutterKind::Ad | ClutterKind::Breadcrumb) {
            if let Some(h) = labelling_heading(&cx, target) {
                out.push(Clutter {
                    node: h,
                    kind,
                    reason: Reason::new("widget-heading", fill("heading '{}' labels the hidden {}", &[&snippet(snap, h, 40), &kind.name()])),
                });
            }
        }
        out.push(Clutter { node: target, kind, reason });
        if target <= id {
            // Everything inside a decision is decided: skip its subtree.
            i = i.max(snap.node(target).end);
        }
    }
    sort_and_dedup(&mut out);
    merge_siblings(&cx, &mut out);
    out
}

/// [`sort_by_node`], then one decision per node (the first).
fn sort_and_dedup(v: &mut Vec<Clutter>) {
    sort_by_node(v);
    // The first of each run of one node, moved to the front in place (as `protect` keeps).
    let mut kept = 0;
    for i in 0..v.len() {
        if kept == 0 || v[kept - 1].node != v[i].node {
            v.swap(kept, i);
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// Decisions in document order (stable: equal nodes keep their order, which `sort_and_dedup`
/// relies on). Not `sort_by_key`: std's stable sort is ~4 KB of the wasm for this one caller.
/// The keys (node, position) are unique, so a plain merge sort of them gives the stable order;
/// the decisions are then swapped into it. (Not an insertion sort, although the decisions come
/// nearly sorted: `merge_siblings` appends its groups at the end, and on a page of thousands of
/// grouped widgets that was quadratic: 1.4 s natively for 8,000.)
fn sort_by_node(v: &mut [Clutter]) {
    let n = v.len();
    let mut i = 1;
    while i < n && v[i - 1].node <= v[i].node {
        i += 1;
    }
    if i >= n {
        return;
    }
    let mut keys = Vec::with_capacity(n);
    for (i, c) in v.iter().enumerate() {
        keys.push((u64::from(c.node) << 32) | i as u64);
    }
    let mut buf = vec![0u64; n];
    let keys = merge_sort(&mut keys, &mut buf);
    // The low half of `keys[pos]` is where the decision for `pos` is now: each cycle of that
    // permutation is followed once, each swap putting one decision in its place, and each key
    // visited is set to its own position (a cycle done).
    for pos in 0..n {
        let mut j = pos;
        loop {
            let from = keys[j] as u32 as usize;
            keys[j] = j as u64;
            if from == pos {
                break;
            }
            v.swap(j, from);
            j = from;
        }
    }
}

/// Bottom-up merge sort (ascending) of `a`, with `buf` (as long) as scratch: the sorted keys
/// end up in one of the two, the one returned.
fn merge_sort<'a>(mut a: &'a mut [u64], mut buf: &'a mut [u64]) -> &'a mut [u64] {
    let n = a.len();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut l, mut r) = (i, mid);
            for slot in &mut buf[i..hi] {
                if r >= hi || (l < mid && a[l] <= a[r]) {
                    *slot = a[l];
                    l += 1;
                } else {
                    *slot = a[r];
                    r += 1;
                }
            }
            i = hi;
        }
        std::mem::swap(&mut a, &mut buf);
        width *= 2;
    }
    a
}

/// Rounds of [`merge_siblings`] (each can lift a group one level).
pub const DEFAULT_MERGE_ROUNDS: usize = 3;

/// Comments and their reply form are one widget.
fn merge_kind(a: ClutterKind, b: ClutterKind) -> Option<ClutterKind> {
    use ClutterKind::{CommentForm, Comments};
    match (a, b) {
        _ if a == b => Some(a),
        (Comments, CommentForm) | (CommentForm, Comments) => Some(Comments),
        _ => None,
    }
}

/// A wrapper whose children are all hidden widgets of one kind (plus labels) is hidden whole:
/// a comments box holding the thread and the reply form, a sidebar of link lists.
fn merge_siblings(cx: &Ctx, out: &mut Vec<Clutter>) {
    let snap = cx.snap;
    for _ in 0..DEFAULT_MERGE_ROUNDS {
        // Outermost decisions, grouped by parent (they are sorted, so siblings are adjacent
        // once inner decisions are skipped).
        let mut outer: Vec<usize> = Vec::new();
        for (i, c) in out.iter().enumerate() {
            if outer.last().is_some_and(|&l| snap.contains(out[l].node, c.node)) {
                continue;
            }
            outer.push(i);
        }
        let mut added: Vec<Clutter> = Vec::new();
        let mut k = 0;
        while k < outer.len() {
            let parent = snap.parent(out[outer[k]].node);
            let mut j = k + 1;
            while j < outer.len() && snap.parent(out[outer[j]].node) == parent {
                j += 1;
            }
            let group = &outer[k..j];
            k = j;
            let Some(p) = parent else { continue };
            if group.len() < 2 || is_stop(cx, p) {
                continue;
            }
            // One kind for the group (buttons stay single: a row of them is not one widget),
            // and the text its decisions hold.
            let mut kind = Some(out[group[0]].kind);
            let mut decided_text = 0u32;
            for &g in group {
                let c = &out[g];
                if c.kind == ClutterKind::Control {
                    kind = None;
                }
                kind = kind.and_then(|acc| merge_kind(acc, c.kind));
                decided_text += snap.node(c.node).text_len;
            }
            let Some(kind) = kind else { continue };
            if snap.node(p).text_len.saturating_sub(decided_text) > DEFAULT_LABEL_MAX_CHARS {
                continue;
            }
            let decided = |c: NodeId| group.iter().any(|&g| out[g].node == c);
            if !snap.children(p).all(|c| decided(c) || label_like(cx, c)) {
                continue;
            }
            // The kinds' names in order, a run of one kind named once.
            let mut detail = String::from("holds only hidden widgets (");
            let mut last = "";
            for &g in group {
                let name = out[g].kind.name();
                if name != last {
                    if !last.is_empty() {
                        detail.push_str(", ");
                    }
                    detail.push_str(name);
                    last = name;
                }
            }
            detail.push_str(") and their labels");
            let target = widen(cx, p);
            added.push(Clutter { node: target, kind, reason: Reason::new("widget-group", detail) });
        }
        if added.is_empty() {
            break;
        }
        out.append(&mut added);
        sort_and_dedup(out);
    }
}

/// Drops or narrows decisions that would hide article text, once the article is known.
/// Result: outermost nodes only, in document order.
///
/// A decision is dropped when it contains the article root, when it would hide
/// [`DEFAULT_PROTECT_MAX_SHARE`] of the article's paragraph text, or (comments aside) when it
/// would hide [`DEFAULT_PROTECT_MAX_PARAGRAPHS`] real paragraphs of it. Comments that follow
/// the article's own paragraphs stay, however long, unless the article finder read the page
/// as a discussion (then the replies are the content).
pub fn protect(snap: &Snapshot, article: Option<&Article>, mut clutter: Vec<Clutter>) -> Vec<Clutter> {
    // Decisions off the snapshot are dropped (below, before anything reads their node).
    let in_range = |c: &Clutter| (c.node as usize) < snap.len();
    sort_by_node(&mut clutter);
    // The article's real paragraphs in document order, and their total length.
    let mut para_ids: Vec<NodeId> = Vec::new();
    let mut total = 0u64;
    let a = article.filter(|a| (a.root as usize) < snap.len());
    if let Some(a) = a {
        let root = a.root;
        // Page chrome inside the root (a site footer, a consent banner, with the legal pages
        // and modals they carry) holds no article paragraphs: the article finder did not count
        // it, and its own paragraphs must not shield it.
        let mut chrome: Vec<NodeId> = Vec::new();
        for c in &clutter {
            if in_range(c) && matches!(c.kind, ClutterKind::Footer | ClutterKind::Consent) && !snap.contains(c.node, root) {
                chrome.push(c.node);
            }
        }
        let mut i = root;
        let end = snap.node(root).end;
        while i < end {
            let n = snap.node(i);
            if n.kind == NodeKind::Element
                && (n.hidden || n.tag.is_non_content() || chrome.get(count_below(&chrome, i)) == Some(&i))
            {
                i = n.end;
                continue;
            }
            if n.tag == Tag::P
                && n.text_len >= DEFAULT_PARAGRAPH_MIN_CHARS
                && (n.link_text_len as f32) <= DEFAULT_PARAGRAPH_MAX_LINK_SHARE * n.text_len as f32
            {
                para_ids.push(i);
                total += u64::from(n.text_len);
                i = n.end;
                continue;
            }
            i += 1;
        }
    }
    let keep = |c: &Clutter| {
        let Some(a) = a else { return true };
        let root = a.root;
        let root_node = snap.node(root);
        if snap.contains(c.node, root) {
            return false;
        }
        let n = snap.node(c.node);
        // A thread of posts is comments only after an article; first on the page it is
        // the content (a forum thread, a Q&A page).
        if c.reason.code == "comment-thread" && root_node.end > c.node && para_ids.first().is_none_or(|&p| p >= c.node) {
            return false;
        }
        // Comments after the article's own paragraphs, on a page the article finder did not
        // read as a discussion, stay comments however long the thread is.
        if c.kind == ClutterKind::Comments && a.reason.code != "discussion" && para_ids.first().is_some_and(|&p| p < c.node) {
            return true;
        }
        // A list larger than the chosen article is likely the page's content (a product
        // grid, a listing) that the article pass missed.
        if matches!(c.kind, ClutterKind::Related | ClutterKind::Comments | ClutterKind::Widget)
            && n.text_len > root_node.text_len
        {
            return false;
        }
        // The paragraphs inside the decision.
        let from = count_below(&para_ids, c.node);
        let to = count_below(&para_ids, n.end).max(from);
        let mut chars = 0u64;
        for &p in &para_ids[from..to] {
            chars += u64::from(snap.node(p).text_len);
        }
        let comments = matches!(c.kind, ClutterKind::Comments | ClutterKind::CommentForm);
        if total > 0 && chars as f32 >= DEFAULT_PROTECT_MAX_SHARE * total as f32 {
            return false;
        }
        comments || to - from < DEFAULT_PROTECT_MAX_PARAGRAPHS
    };
    // Kept decisions, outermost only, moved to the front in place.
    let mut kept = 0;
    for i in 0..clutter.len() {
        let c = &clutter[i];
        if !in_range(c) || !keep(c) || kept > 0 && snap.contains(clutter[kept - 1].node, c.node) {
            continue;
        }
        clutter.swap(kept, i);
        kept += 1;
    }
    clutter.truncate(kept);
    clutter
}

/// How many of the ascending `ids` are below `x` (the index where `x` is or would go).
fn count_below(ids: &[NodeId], x: NodeId) -> usize {
    let (mut lo, mut hi) = (0, ids.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ids[mid] < x {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// `roots[id]` is true when a decision names node `id` (one flag per node: cheaper to ask per
/// element than a hash set, and no sort in the wasm).
pub fn roots(snap: &Snapshot, clutter: &[Clutter]) -> Vec<bool> {
    let mut r = vec![false; snap.len()];
    for c in clutter {
        if let Some(x) = r.get_mut(c.node as usize) {
            *x = true;
        }
    }
    r
}

/// `mask[id]` is true when node `id` lies inside a clutter subtree (decisions of the kind
/// `except` aside).
pub fn mask(snap: &Snapshot, clutter: &[Clutter], except: Option<ClutterKind>) -> Vec<bool> {
    let mut m = vec![false; snap.len()];
    for c in clutter {
        if (c.node as usize) >= snap.len() || Some(c.kind) == except {
            continue;
        }
        for i in snap.subtree(c.node) {
            if let Some(x) = m.get_mut(i as usize) {
                *x = true;
            }
        }
    }
    m
}
