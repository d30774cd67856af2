//! Outline: heading tree with repaired levels. (Stub.)

use crate::analysis::{Clutter, OutlineEntry};
use crate::snapshot::{NodeId, Snapshot};

pub fn build(_snap: &Snapshot, _root: NodeId, _clutter: &[Clutter]) -> Vec<OutlineEntry> {
    Vec::new()
}
