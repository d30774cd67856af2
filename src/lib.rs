//! Sift's core: finds the article in a document snapshot, classifies clutter around and inside
//! it, builds its outline, metadata and a sanitized reader document.
//!
//! The core is DOM-agnostic and pure: [`analyze`] reads a [`Snapshot`] and a [`Config`], does no
//! I/O, reads no clock, uses no randomness, and fails only on budgets. Browser code lives in
//! `web/` (wasm32 only); the HTML5 parser lives in `html.rs` (feature `native`).

pub mod analysis;
pub mod article;
pub mod clutter;
pub mod error;
pub mod json;
pub mod metadata;
pub mod noscript;
pub mod outline;
pub mod patterns;
pub mod reader;
pub mod readerable;
pub mod reason;
pub mod snapshot;
pub mod text;

#[cfg(feature = "native")]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use analysis::{Analysis, Article, Clutter, ClutterKind, Metadata, OutlineEntry, ReaderDoc, Verdict};
pub use error::Error;
pub use reason::Reason;
pub use snapshot::{NodeId, Snapshot, SnapshotBuilder};

/// Budgets and switches for one analysis.
#[derive(Clone, Debug)]
pub struct Config {
    /// Largest snapshot analysed; larger ones get [`Error::TooManyNodes`].
    pub max_nodes: usize,
    /// Deepest nesting analysed; deeper ones get [`Error::TooDeep`].
    pub max_depth: u32,
    /// Build the reader document (the in-place clean does not need it).
    pub reader: bool,
}

/// Default node budget: ten times a heavy real page (the largest corpus pages have ~100k nodes).
pub const DEFAULT_MAX_NODES: usize = 2_000_000;
/// Default depth budget: real pages stay under a few hundred levels; hostile ones go deeper.
pub const DEFAULT_MAX_DEPTH: u32 = 100_000;

impl Default for Config {
    fn default() -> Self {
        Config { max_nodes: DEFAULT_MAX_NODES, max_depth: DEFAULT_MAX_DEPTH, reader: true }
    }
}

/// Runs every pass over `snap`.
pub fn analyze(snap: &Snapshot, cfg: &Config) -> Result<Analysis, Error> {
    if snap.len() > cfg.max_nodes {
        return Err(Error::TooManyNodes { found: snap.len(), max: cfg.max_nodes });
    }
    let depth = snap.max_depth();
    if depth > cfg.max_depth {
        return Err(Error::TooDeep { found: depth, max: cfg.max_depth });
    }
    let mut analysis = Analysis::default();
    if snap.is_empty() {
        return Ok(analysis);
    }
    let page_clutter = clutter::classify(snap);
    let article = article::find(snap, &page_clutter);
    analysis.clutter = clutter::protect(snap, article.as_ref(), page_clutter);
    let verdict = readerable::judge(snap, article.as_ref(), &analysis.clutter);
    analysis.metadata = metadata::extract(snap, article.as_ref());
    if let Some(a) = &article {
        analysis.outline = outline::build(snap, a.root, &analysis.clutter);
        if cfg.reader {
            analysis.reader = reader::build(snap, a.root, &analysis.clutter, &analysis.metadata);
        }
        let text = if cfg.reader { analysis.reader.text.clone() } else { String::new() };
        metadata::count_words(&mut analysis.metadata, &text);
    }
    analysis.article = article;
    analysis.verdict = Some(verdict);
    Ok(analysis)
}
