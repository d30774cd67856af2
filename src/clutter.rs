//! Clutter classification. (Stub.)

use crate::analysis::{Article, Clutter};
use crate::snapshot::Snapshot;

/// Page-wide clutter classification, before the article is known.
pub fn classify(_snap: &Snapshot) -> Vec<Clutter> {
    Vec::new()
}

/// Drops or narrows decisions that would hide article text, once the article is known.
/// Result: outermost nodes only, in document order.
pub fn protect(_snap: &Snapshot, _article: Option<&Article>, clutter: Vec<Clutter>) -> Vec<Clutter> {
    clutter
}

/// `mask[id]` is true when node `id` lies inside a clutter subtree.
pub fn mask(snap: &Snapshot, clutter: &[Clutter]) -> Vec<bool> {
    let mut m = vec![false; snap.len()];
    for c in clutter {
        for i in snap.subtree(c.node) {
            m[i as usize] = true;
        }
    }
    m
}
