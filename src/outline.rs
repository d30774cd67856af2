//! Outline: the article's headings as a flat list in document order with repaired levels.
//!
//! Candidates are real headings (`h1`..`h6`) and pseudo-headings that sites write as
//! paragraphs: a short paragraph that is entirely bold (`<p><strong>I. The Cyberattack</strong>`),
//! a bold first line ended by `<br>`, or a short paragraph starting with a numbering ("IV.",
//! "1.", "1.2", "A."). Headings inside clutter, hidden nodes, navigation, asides, forms and
//! figures are skipped, as are headings that are links to other pages (teaser titles) and the
//! h1 that repeats the page title.
//!
//! Levels come from a stack of open sections, never from the raw tag numbers alone, so the
//! first entry is level 1 and a child is at most one below its parent (skipped levels close
//! up). A numbered entry is a sibling of the open entry with the same numbering style, else a
//! child of the nearest entry with an outer style (Roman > Arabic > "1.2" > letters); an
//! unnumbered real heading sits below the nearest real heading of a higher rank; an unnumbered
//! pseudo-heading is a sibling of the open pseudo-heading (a closing "Conclusion" after numbered
//! sections joins the outermost of them).
//!
//! Limit: styles are guessed from text and tags only; sites that mark pseudo-headings with CSS
//! classes alone (no bold element, no numbering) are not seen without layout facts.

mod candidates;
mod numbering;

use crate::analysis::{Clutter, OutlineEntry};
use crate::snapshot::{NodeId, Snapshot};
use candidates::Source;
use numbering::Numbering;

/// Deepest outline level; deeper entries become siblings at this level.
pub const DEFAULT_MAX_LEVEL: usize = 6;

/// Builds the outline of the article rooted at `root`, skipping clutter subtrees.
pub fn build(snap: &Snapshot, root: NodeId, clutter: &[Clutter]) -> Vec<OutlineEntry> {
    if (root as usize) >= snap.len() {
        return Vec::new();
    }
    let (mut entries, kinds) = candidates::collect(snap, root, clutter);
    assign_levels(&mut entries, &kinds);
    entries
}

/// What kind of entry a candidate is; on the level stack, an open section.
#[derive(Clone, Copy)]
struct Open {
    source: Source,
    num: Option<Numbering>,
}

/// Sets the levels of `entries` (of the kinds `kinds`) with the stack of open sections (see the
/// module docs).
fn assign_levels(entries: &mut [OutlineEntry], kinds: &[Open]) {
    let mut stack: Vec<Open> = Vec::new();
    for (e, &open) in entries.iter_mut().zip(kinds) {
        let mut pos = position(&stack, open).min(stack.len());
        if pos >= DEFAULT_MAX_LEVEL {
            pos = DEFAULT_MAX_LEVEL - 1;
        }
        stack.truncate(pos);
        stack.push(open);
        e.level = stack.len() as u8;
    }
}

/// Index in `stack` where `new` goes (entries from there on are closed).
fn position(stack: &[Open], new: Open) -> usize {
    // One pass over the open entries: the last of the same numbering style, the last of an
    // outer style, the first of an inner style, the last plain pseudo-heading, the first
    // numbered one, and the last heading of a higher level.
    let (mut same, mut outer, mut inner) = (None, None, None);
    let (mut plain, mut numbered, mut above) = (None, None, None);
    for (i, e) in stack.iter().enumerate() {
        if let (Some(n), Some(m)) = (new.num, e.num) {
            if m == n {
                same = Some(i);
            }
            if m.rank() < n.rank() {
                outer = Some(i);
            }
            if m.rank() > n.rank() && inner.is_none() {
                inner = Some(i);
            }
        }
        match (e.source, new.source) {
            (Source::Pseudo, _) if e.num.is_none() => plain = Some(i),
            (Source::Pseudo, _) => numbered = numbered.or(Some(i)),
            (Source::Heading(j), Source::Heading(k)) if j < k => above = Some(i),
            _ => {}
        }
    }
    if new.num.is_some() {
        // Same numbering style: a sibling. An outer style is open: a child of the nearest one.
        // Only inner styles are open: close them all.
        if let Some(i) = same.or(outer.map(|i| i + 1)).or(inner) {
            return i;
        }
    }
    match new.source {
        Source::Heading(_) => above.map_or(0, |i| i + 1),
        Source::Pseudo if new.num.is_some() => stack.len(),
        Source::Pseudo => plain.or(numbered).unwrap_or(stack.len()),
    }
}

#[cfg(all(test, feature = "native"))]
mod tests;
