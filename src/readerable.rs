//! Is the page an article worth a reader view? (Stub.)

use crate::analysis::{Article, Clutter, Verdict};
use crate::reason::Reason;
use crate::snapshot::Snapshot;

pub fn judge(_snap: &Snapshot, article: Option<&Article>, _clutter: &[Clutter]) -> Verdict {
    Verdict { is_article: article.is_some(), reason: Reason::new("stub", "") }
}
