//! Widening: a wrapper that only adds a label belongs to its widget; a heading right before
//! a widget it alone labels goes with it.

use super::*;

// ---------------------------------------------------------------------------------------------
// Widening: a wrapper that only adds a label belongs to its widget.

pub(super) fn is_stop(cx: &Ctx, id: NodeId) -> bool {
    matches!(cx.snap.tag(id), Tag::Body | Tag::Html | Tag::Main | Tag::Article) || cx.role(id, Role::MAIN)
}

/// Is `k` only a label (heading, short blurb, "see all" link)?
pub(super) fn label_like(cx: &Ctx, k: NodeId) -> bool {
    let snap = cx.snap;
    let n = snap.node(k);
    if n.hidden {
        return true;
    }
    if n.kind == NodeKind::Text {
        return true; // counted by the caller's text budget
    }
    if n.tag.is_non_content() {
        return true;
    }
    let c = cx.c(k);
    c.buttons == 0 && c.media == 0 && c.text_inputs == 0 && c.textareas == 0 && c.paragraphs <= 1
        && n.text_len <= DEFAULT_HEADING_MAX_CHARS
        && (n.link_text_len * 2 <= n.text_len || n.text_len <= 20)
}

pub(super) fn widen(cx: &Ctx, mut id: NodeId) -> NodeId {
    let snap = cx.snap;
    while let Some(p) = snap.parent(id) {
        if is_stop(cx, p) {
            break;
        }
        let extra = snap.node(p).text_len.saturating_sub(snap.node(id).text_len);
        if extra > DEFAULT_LABEL_MAX_CHARS {
            break;
        }
        if !snap.children(p).filter(|&k| k != id).all(|k| label_like(cx, k)) {
            break;
        }
        id = p;
    }
    id
}

/// A heading (or bold pseudo-heading) right before `id` that labels only it.
pub(super) fn labelling_heading(cx: &Ctx, id: NodeId) -> Option<NodeId> {
    let snap = cx.snap;
    let h = prev_element_sibling(snap, id)?;
    let n = snap.node(h);
    if n.text_len == 0 || n.text_len > DEFAULT_HEADING_MAX_CHARS || !label_like(cx, h) {
        return None;
    }
    let heading = n.tag.heading_level().is_some() || cx.role(h, Role::HEADING) || is_bold_line(snap, h);
    if !heading {
        return None;
    }
    // The widget must be the last thing the heading could label.
    match next_element_sibling(snap, id) {
        None => Some(h),
        Some(k) if snap.tag(k).heading_level().is_some() || is_bold_line(snap, k) => Some(h),
        _ => None,
    }
}

/// A block whose visible text is all inside `<strong>`/`<b>` (a pseudo-heading).
pub(super) fn is_bold_line(snap: &Snapshot, id: NodeId) -> bool {
    let n = snap.node(id);
    if n.text_len == 0 || n.text_len > DEFAULT_HEADING_MAX_CHARS {
        return false;
    }
    let mut bold = 0u32;
    for i in snap.subtree(id) {
        if matches!(snap.tag(i), Tag::Strong | Tag::B) && !snap.node(i).hidden {
            bold += snap.node(i).text_len;
        }
    }
    bold >= n.text_len
}
