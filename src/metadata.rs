//! Metadata. (Stub.)

use crate::analysis::{Article, Metadata};
use crate::snapshot::Snapshot;

pub fn extract(_snap: &Snapshot, _article: Option<&Article>) -> Metadata {
    Metadata::default()
}

/// Fills word count and reading time from the article's plain text.
pub fn count_words(meta: &mut Metadata, text: &str) {
    meta.word_count = text.split_whitespace().count() as u32;
    meta.reading_minutes = meta.word_count.div_ceil(230);
}
