//! Reader document. (Stub.)

use crate::analysis::{Clutter, Metadata, ReaderDoc};
use crate::snapshot::{NodeId, Snapshot};

pub fn build(snap: &Snapshot, root: NodeId, _clutter: &[Clutter], _meta: &Metadata) -> ReaderDoc {
    ReaderDoc { html: String::new(), text: snap.text_of(root) }
}

/// The article as Markdown (CLI `--format markdown`, the extension's "Copy as Markdown").
pub fn markdown(snap: &Snapshot, root: NodeId, _clutter: &[Clutter], _meta: &Metadata) -> String {
    snap.text_of(root)
}
