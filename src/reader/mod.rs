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
//! Links resolve against the page's `<base href>` (when it is http(s)) or the page URL; links
//! to a fragment inside the article (footnotes) point at that element's `sift-N` anchor.
//! Content some sites put inside controls is kept: a `<form>` wrapping prose (ASP.NET pages,
//! forum threads) is unwrapped, an accordion button with a real label (an FAQ question) is text.
//!
//! Before the article's first real content, short meta blocks that the reader view's header
//! already shows (byline and date line, a lone category link, a caption repeating the title)
//! are left out (`meta`).
//!
//! A `<noscript>` root (the article finder's fallback for script-built pages) is read through
//! [`crate::noscript`]: the content found in its markup is sanitized like any other subtree.
//!
//! Limits: without a browser's computed style, hidden content is what the snapshot marks
//! hidden; images only in `<noscript>` are read from the noscript's raw text (`media`); a `<table>` is
//! judged layout or data by its shape alone. `build` and `markdown` each run the
//! (linear) sanitizing walk; [`build_with_markdown`] gives both from one walk.

mod markdown;
mod media;
mod meta;
mod normalize;
mod render;
mod sanitize;
mod tree;
pub(crate) mod urls;

#[cfg(all(test, feature = "native"))]
mod tests;

use crate::analysis::{Clutter, Metadata, ReaderDoc};
use crate::snapshot::{NodeId, Snapshot, Tag};

pub use sanitize::DEFAULT_ANCHOR_MAX_CHARS;

fn doc(snap: &Snapshot, root: NodeId, clutter: &[Clutter], meta: &Metadata) -> tree::Doc {
    // A `<noscript>` root (the article finder's fallback for script-built pages): the content
    // found in its markup, read into its own snapshot; never its raw text.
    if (root as usize) < snap.len() && snap.tag(root) == Tag::Noscript {
        let mut d = match crate::article::noscript_content(snap, root) {
            Some((sub, a, _)) => {
                let clutter = crate::clutter::classify(&sub);
                let clutter = crate::clutter::protect(&sub, Some(&a), clutter);
                sanitize::sanitize(&sub, a.root, &clutter, meta)
            }
            None => tree::Doc::default(),
        };
        normalize::normalize(&mut d);
        return d;
    }
    let mut d = sanitize::sanitize(snap, root, clutter, meta);
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

/// [`build`] and [`markdown`] from one sanitizing walk (the extension wants both).
pub fn build_with_markdown(
    snap: &Snapshot,
    root: NodeId,
    clutter: &[Clutter],
    meta: &Metadata,
) -> (ReaderDoc, String) {
    let d = doc(snap, root, clutter, meta);
    let md = markdown::markdown(&d, meta.title.as_deref());
    (ReaderDoc { html: render::html(&d), text: render::text(&d) }, md)
}
