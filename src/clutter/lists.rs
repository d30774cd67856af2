//! Repeated link items: share / follow bars, related / trending lists, tickers, menus, comment
//! threads.

use super::*;

pub(super) fn detect_share(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let c = cx.c(id);
    if c.social_links < DEFAULT_MIN_SOCIAL_LINKS || (c.social_links as f32) < DEFAULT_SOCIAL_LINK_SHARE * c.links as f32 {
        return None;
    }
    let node = snap.node(id);
    // An embedded post (a quoted tweet) links to social hosts too, but it is quoted content.
    if node.tag == Tag::Blockquote || cx.within(id, Within::QUOTE) {
        return None;
    }
    let budget = DEFAULT_SHARE_BASE_CHARS + DEFAULT_SHARE_CHARS_PER_LINK * (c.links + c.buttons);
    if node.text_len > budget || c.paragraphs > 1 && node.text_len > DEFAULT_LABEL_MAX_CHARS {
        return None;
    }
    found!(ClutterKind::Share, "share-links", "{} links to social networks out of {}", c.social_links, c.links)
}

/// Facts about one item of a candidate list.
pub(super) struct Item {
    pub(super) ok: bool,
    pub(super) dated: bool,
    pub(super) thumb: bool,
    pub(super) reply: bool,
    pub(super) link_chars: u32,
    pub(super) fragment: bool,
}

pub(super) fn inspect_item(cx: &Ctx, id: NodeId) -> Item {
    let snap = cx.snap;
    let n = snap.node(id);
    let c = cx.c(id);
    let mut it = Item { ok: false, dated: c.dates > 0, thumb: c.media > 0, reply: false, link_chars: n.link_text_len, fragment: false };
    if n.elements > DEFAULT_MAX_ITEM_ELEMENTS {
        return it;
    }
    // Distinct link targets (the first few kept, all counted) and reply links.
    let mut targets = [""; DEFAULT_MAX_ITEM_TARGETS];
    let mut distinct = 0;
    for i in snap.subtree(id) {
        let t = snap.tag(i);
        // The label (trimmed, lower-cased: as many characters as the text, at least
        // `text_len`) must be 1 to 20 characters: longer or empty text is never a reply link.
        if (t == Tag::A || t == Tag::Button) && (1..=20).contains(&snap.node(i).text_len) {
            let label = lower(&snap.text_of(i));
            let label = label.trim();
            if !label.is_empty() && crate::text::char_count(label) <= 20 && crate::text::packed_iter(pat::REPLY_WORDS).any(|w| label.as_bytes().starts_with(w)) {
                it.reply = true;
            }
        }
        if t == Tag::A {
            if let Some(h) = snap.attr(i, "href") {
                if h.trim_start().starts_with('#') {
                    it.fragment = true;
                }
                let known = targets.get(..distinct).unwrap_or(&targets);
                if !known.contains(&h) {
                    if let Some(slot) = targets.get_mut(distinct) {
                        *slot = h;
                    }
                    distinct += 1;
                }
            }
        }
    }
    if snap.attr(id, "itemtype").is_some_and(|t| crate::text::contains_str(t, "Comment")) {
        it.reply = true;
    }
    let extra = n.text_len.saturating_sub(n.link_text_len);
    it.ok = c.links > 0
        && n.text_len > 0
        && n.text_len <= DEFAULT_MAX_ITEM_CHARS
        && distinct > 0
        && distinct <= DEFAULT_MAX_ITEM_TARGETS
        && c.textareas == 0
        && (n.link_text_len as f32 >= DEFAULT_ITEM_LINK_SHARE * n.text_len as f32 || extra <= DEFAULT_ITEM_EXTRA_CHARS);
    it
}

/// Visible element children with some text or media.
pub(super) fn items_of(cx: &Ctx, id: NodeId) -> Vec<NodeId> {
    let mut items = Vec::new();
    let mut first = true;
    for k in cx.snap.children(id) {
        if !is_item_candidate(cx, k) {
            continue;
        }
        // The list's own title ("Mehr zum Thema" as a heading or bold line, or a short
        // link-less first child) is not an item.
        if !(n_is_title(cx, k) || first && is_plain_label(cx, k)) {
            items.push(k);
        }
        first = false;
    }
    items
}

/// A visible element child with some text or media (before titles are set apart).
fn is_item_candidate(cx: &Ctx, k: NodeId) -> bool {
    let n = cx.snap.node(k);
    n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() && (n.text_len > 0 || cx.c(k).media > 0)
}

/// A heading or bold line without links: a list's title, not one of its items.
pub(super) fn n_is_title(cx: &Ctx, k: NodeId) -> bool {
    let snap = cx.snap;
    let n = snap.node(k);
    n.link_text_len == 0 && (n.tag.heading_level().is_some() || cx.role(k, Role::HEADING) || is_bold_line(snap, k))
}

/// Short text with no links and no media: a label.
pub(super) fn is_plain_label(cx: &Ctx, k: NodeId) -> bool {
    let n = cx.snap.node(k);
    n.link_text_len == 0 && n.text_len <= DEFAULT_HEADING_MAX_CHARS && cx.c(k).media == 0 && cx.c(k).links == 0
}

/// The label of a block: its previous short sibling (heading), and its aria-label.
pub(super) fn label_of(snap: &Snapshot, id: NodeId) -> String {
    let mut s = String::new();
    if let Some(v) = snap.attr(id, "aria-label") {
        crate::text::push_lower(&mut s, v);
    }
    if let Some(p) = prev_element_sibling(snap, id) {
        if snap.node(p).text_len <= DEFAULT_HEADING_MAX_CHARS {
            s.push(' ');
            crate::text::push_lower(&mut s, &snap.text_of(p));
        }
    }
    s
}

pub(super) fn prev_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    // Backwards from `id`: the node before a sibling in document order is inside the previous
    // sibling (or is it), so climbing from there to `parent`'s level finds that sibling without
    // walking the siblings before it (a sidebar of thousands of widgets asked this of each one).
    let parent = snap.parent(id)?;
    let mut k = id;
    while k > parent + 1 {
        let mut p = k - 1;
        while let Some(up) = snap.parent(p).filter(|&up| up != parent) {
            p = up;
        }
        let n = snap.node(p);
        if n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() {
            return Some(p);
        }
        k = p;
    }
    None
}

pub(super) fn next_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    let mut k = snap.node(id).next_sibling;
    while k != crate::snapshot::NONE {
        let n = snap.node(k);
        if n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() {
            return Some(k);
        }
        if n.kind == NodeKind::Text && n.text_len > 0 {
            return Some(k);
        }
        k = n.next_sibling;
    }
    None
}

/// Hint words on the node and up to two ancestors, plus its label.
pub(super) fn list_hints(cx: &Ctx, id: NodeId) -> String {
    let snap = cx.snap;
    let mut s = String::new();
    let mut a = Some(id);
    for step in 0..3 {
        let Some(k) = a else { break };
        if step > 0 {
            s.push(' ');
        }
        s.push_str(cx.hint(k));
        s.push(' ');
        s.push_str(&label_of(snap, k));
        a = snap.parent(k);
    }
    s
}

/// Repeated sibling items that are each mostly one link: related / trending lists, tickers,
/// menus. Also comment threads (repeated dated items with reply links).
pub(super) fn detect_list(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    // Most elements have fewer candidate children than any list needs: answered without
    // collecting them (`items_of` only drops candidates).
    let mut candidates = 0;
    for k in snap.children(id) {
        if is_item_candidate(cx, k) {
            candidates += 1;
            if candidates >= DEFAULT_MIN_COMMENT_ITEMS {
                break;
            }
        }
    }
    if candidates < DEFAULT_MIN_COMMENT_ITEMS {
        return None;
    }
    let items = items_of(cx, id);
    if items.len() < DEFAULT_MIN_COMMENT_ITEMS {
        return None;
    }
    let n = items.len();
    // Comment thread: dated items with reply links (or Comment microdata), or dated items under
    // a comment-worded container. Only dated items are inspected for this (`Item::dated` is
    // the item's date count); all are, further down, for a list of a size that matters.
    // (Dated items with reply links, and dated items with a paragraph.)
    let (mut replies, mut dated_items) = (0usize, 0usize);
    for &k in &items {
        let c = cx.c(k);
        if c.dates > 0 {
            replies += usize::from(inspect_item(cx, k).reply);
            dated_items += usize::from(c.paragraphs > 0);
        }
    }
    if replies >= DEFAULT_MIN_COMMENT_ITEMS && replies * 2 >= n {
        return found!(ClutterKind::Comments, "comment-thread", "{} repeated items, {} with a date and a reply link", n, replies);
    }
    if dated_items >= DEFAULT_MIN_COMMENT_ITEMS && dated_items * 2 >= n && contains_any(cx.hint(id), pat::COMMENT_WORDS) {
        return found!(ClutterKind::Comments, "comment-thread", "{} repeated dated items in a comment container", n);
    }
    // Customer reviews: a review-named container of review-named (or Review microdata) items
    // with text of their own.
    // The container's name first: without it no count of items decides anything.
    if pat::has_word(cx.hint(id), pat::REVIEW_WORDS) {
        let mut reviews = 0usize;
        for &k in &items {
            let t = snap.node(k);
            reviews += usize::from(t.text_len > t.link_text_len && pat::has_word(cx.hint(k), pat::REVIEW_WORDS));
        }
        if reviews >= DEFAULT_MIN_COMMENT_ITEMS && reviews * 2 >= n {
            return found!(ClutterKind::Comments, "review-thread", "{} repeated items, {} named as reviews, in a review container", n, reviews);
        }
    }
    if !(DEFAULT_MIN_LIST_ITEMS..=DEFAULT_MAX_LIST_ITEMS).contains(&n) {
        return None;
    }
    // The items' facts, tallied in one pass.
    let (mut ok, mut fragments, mut dated, mut thumbs, mut link_chars) = (0usize, 0usize, 0usize, 0usize, 0u32);
    // An item that is a paragraph of its own (an excerpt, a description) makes this a card or
    // a teaser, not a list of links.
    let mut paragraph_item = false;
    for &k in &items {
        let f = inspect_item(cx, k);
        if f.ok {
            ok += 1;
            dated += usize::from(f.dated);
            thumbs += usize::from(f.thumb);
        } else {
            let t = snap.node(k);
            paragraph_item |= t.text_len.saturating_sub(t.link_text_len) >= DEFAULT_PARAGRAPH_MIN_CHARS;
        }
        fragments += usize::from(f.fragment);
        link_chars = link_chars.wrapping_add(f.link_chars);
    }
    if (ok as f32) < DEFAULT_LIST_ITEM_SHARE * n as f32 || paragraph_item {
        return None;
    }
    if fragments * 2 > n {
        return None; // a table of contents
    }
    let mean_link = link_chars / n.max(1) as u32;
    let hints = list_hints(cx, id);
    let in_marquee = snap.tag_name(id) == "marquee" || cx.within(id, Within::MARQUEE);
    if in_marquee || contains_any(&hints, pat::TICKER_WORDS) {
        return found!(ClutterKind::Ticker, "ticker", "{} links labelled as breaking news / ticker", n);
    }
    if dated * 2 >= n || thumbs * 2 >= n {
        use crate::text::Piece;
        let mut detail = crate::text::cat!(n, " sibling items, each mostly one link, ");
        if dated > 0 {
            dated.put(&mut detail);
            detail.push_str(" with a date");
        }
        if thumbs > 0 {
            if dated > 0 {
                detail.push_str(", ");
            }
            thumbs.put(&mut detail);
            detail.push_str(" with a thumbnail");
        }
        return found!(ClutterKind::Related, "link-list", "{}", detail);
    }
    if contains_any(&hints, pat::RELATED_WORDS) {
        return found!(ClutterKind::Related, "link-list", "{} sibling items, each mostly one link, under a related / trending label", n);
    }
    // A list of short links under its own heading inside the text ("See also", "Sources") is
    // content; site menus are not headed that way (footer columns are inside the footer).
    let headed = prev_element_sibling(snap, id).is_some_and(|p| snap.tag(p).heading_level().is_some());
    if n >= DEFAULT_MIN_MENU_ITEMS && ok == n && !headed && mean_link <= DEFAULT_MENU_ITEM_CHARS && matches!(node.tag, Tag::Ul | Tag::Ol | Tag::Menu | Tag::Div) {
        return found!(ClutterKind::Navigation, "menu", "list of {} short links, no dates or thumbnails", n);
    }
    None
}
