//! Main-content scoring and choice. (Stub: picks <body>; to be replaced.)

use crate::analysis::{Article, Clutter};
use crate::reason::Reason;
use crate::snapshot::Snapshot;

/// Chooses the node holding the main content (article body, forum thread, product description,
/// listing). `clutter` is the page-wide clutter classification: its subtrees are not content.
pub fn find(snap: &Snapshot, _clutter: &[Clutter]) -> Option<Article> {
    let body = snap.body();
    Some(Article { root: body, confidence: 0.0, reason: Reason::new("body", "stub") })
}
