//! Main-content scoring and choice. (Stub: picks <body>; to be replaced.)

use crate::analysis::{Article, Clutter, Verdict};
use crate::reason::Reason;
use crate::snapshot::Snapshot;

/// Chooses the node holding the article body and says whether the page is an article.
/// `clutter` is the page-wide clutter classification: its subtrees are not content.
pub fn find(snap: &Snapshot, _clutter: &[Clutter]) -> (Option<Article>, Verdict) {
    let body = snap.body();
    (
        Some(Article { root: body, confidence: 0.0, reason: Reason::new("body", "stub") }),
        Verdict { is_article: false, reason: Reason::new("stub", "") },
    )
}
