//! Reader document: the article subtree as clean, sanitized HTML, plain text and Markdown.
//!
//! Approach: one iterative walk over the article's contiguous id range (`sanitize`) builds a
//! small tree that can only hold allow-listed elements with rebuilt, checked attributes
//! (`tree`); clutter subtrees, hidden nodes and non-content elements are skipped on the way.
//! `normalize` turns `<br>` runs and unwrapped `<div>`s into paragraphs and drops empty
//! containers. Three printers (`render::html`, `render::text`, `markdown`) read that tree, so
//! the HTML, the text the corpus evaluation scores, and "Copy as Markdown" never disagree.
//!
//! Safety rests on construction, not on filtering the output: no element outside the
//! allow-list and no attribute outside each element's short list can be represented; every URL
//! passes `urls::clean` (scheme allow-list after stripping control characters); every text and
//! attribute value is escaped when printed. Headings (and paragraphs that may be
//! pseudo-headings) carry `id="sift-N"`, N being the snapshot node id, for outline links.
//!
//! Limits: without a browser's computed style, hidden content is what the snapshot marks
//! hidden; images only in `<noscript>` are not recovered (the snapshot drops noscript text);
//! a `<table>` is judged layout or data by its shape alone.

mod markdown;
mod media;
mod normalize;
mod render;
mod sanitize;
mod tree;
mod urls;

#[cfg(all(test, feature = "native"))]
mod tests;

use crate::analysis::{Clutter, Metadata, ReaderDoc};
use crate::snapshot::{NodeId, Snapshot};

pub use sanitize::DEFAULT_ANCHOR_MAX_CHARS;

fn doc(snap: &Snapshot, root: NodeId, clutter: &[Clutter], meta: &Metadata) -> tree::Doc {
    let mut d = sanitize::sanitize(snap, root, clutter, meta.title.as_deref());
    normalize::normalize(&mut d);
    d
}

/// The reader document of the article at `root`, without `clutter` (the first heading is left
/// out when it repeats `meta.title`: the reader view shows the title itself).
pub fn build(snap: &Snapshot, root: NodeId, clutter: &[Clutter], meta: &Metadata) -> ReaderDoc {
    let d = doc(snap, root, clutter, meta);
    ReaderDoc { html: render::html(&d), text: render::text(&d) }
}

/// The article as Markdown (CLI `--format markdown`, the extension's "Copy as Markdown"),
/// starting with the title as a `#` heading when the metadata has one.
pub fn markdown(snap: &Snapshot, root: NodeId, clutter: &[Clutter], meta: &Metadata) -> String {
    let d = doc(snap, root, clutter, meta);
    markdown::markdown(&d, meta.title.as_deref())
}
