//! Third-party embeds: comment systems (Facebook, Disqus, ...) and ad slots.

use super::*;

pub(super) fn detect_comment_embed(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let marks = cx.marks(id);
    for (j, m) in pat::COMMENT_EMBED_MARKERS.iter().enumerate() {
        if marks & (1 << (Marks::COMMENT_SHIFT + j as u32)) != 0 {
            return found!(ClutterKind::Comments, "comment-embed", "comment embed mount point `{}`", m);
        }
    }
    if let Some(h) = iframe_host(snap, id, pat::COMMENT_HOSTS) {
        return found!(ClutterKind::Comments, "comment-embed", "iframe of a comment service ({})", h);
    }
    None
}

/// The [`host`] of an iframe's `src` (or `data-src`) when it is one of `hosts` ([`host_in`]).
fn iframe_host(snap: &Snapshot, id: NodeId, hosts: &[u8]) -> Option<String> {
    if snap.tag(id) != Tag::Iframe {
        return None;
    }
    let src = snap.attr(id, "src").or_else(|| snap.attr(id, "data-src"))?;
    if host_in(src, hosts) { Some(host(src)) } else { None }
}

pub(super) fn detect_ad(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let marks = cx.marks(id);
    for (j, m) in pat::AD_MARKERS.iter().enumerate() {
        if marks & (1 << (Marks::AD_SHIFT + j as u32) | 1 << (Marks::AD_ID_SHIFT + j as u32)) != 0 {
            return found!(ClutterKind::Ad, "ad-slot", "ad slot `{}`", m);
        }
    }
    // Every ad attribute is a `data-` one: most elements have none and skip the lookups.
    if snap.attrs(id).any(|(n, _)| n.starts_with("data-")) {
        for a in pat::AD_ATTRS {
            if snap.attr(id, a).is_some() {
                return found!(ClutterKind::Ad, "ad-slot", "ad slot attribute `{}`", a);
            }
        }
    }
    if let Some(h) = iframe_host(snap, id, pat::AD_HOSTS) {
        return found!(ClutterKind::Ad, "ad-frame", "iframe of an ad network ({})", h);
    }
    // A small block whose whole text is an ad label ("Advertisement", "Anzeige", "広告").
    let node = snap.node(id);
    if node.text_len > 0 && node.text_len <= 25 && node.link_text_len == 0 {
        let t = lower(&snap.text_of(id));
        // Trimmed of what is not alphanumeric at both ends: from the first alphanumeric
        // character to the end of the last.
        let (mut start, mut end) = (None, 0);
        for (i, c) in t.char_indices() {
            if c.is_alphanumeric() {
                start = start.or(Some(i));
                end = i + c.len_utf8();
            }
        }
        let t = start.map_or("", |s| crate::text::sub(&t, s, end));
        if crate::text::packed_iter(pat::AD_LABELS).any(|w| w == t.as_bytes()) {
            return found!(ClutterKind::Ad, "ad-label", "block labelled '{}'", snippet(snap, id, 30));
        }
    }
    None
}
