//! The flat snapshot format (version 2): how a snapshot crosses from JS into the core.
//!
//! One object per node, read field by field across the JS/wasm boundary, cost more than the
//! analysis itself; this format crosses in a handful of bulk copies instead and stays plain
//! JSON (Chrome's extension messaging JSON-serializes what it posts: no typed arrays):
//!
//! ```text
//! { version: 2, url?: string,
//!   names: [string, ...],   // tag and attribute names, lower-case, each once
//!   nodes: [number, ...],   // one record per node, in document pre-order (node id = record index):
//!                           //   element:   parent+1, KIND_ELEMENT | KIND_HIDDEN, name, n,
//!                           //              then n times: attribute name, value length
//!                           //   text node: parent+1, KIND_TEXT, text length
//!                           //   (parent+1 is 0 only for the root, the first record)
//!   text: string,           // every attribute value and text node's text, concatenated in
//!                           //   record order; lengths count UTF-16 code units (JS `.length`)
//!   rects?: [number, ...] } // optional layout, 5 numbers per element: id, x, y, width, height
//! ```
//!
//! `name` indexes `names`. [`build`] reads the decoded arrays (pure: the wasm adapter does the
//! bulk copies) and feeds [`SnapshotBuilder`], so every structural rule of the builder holds.

use super::{Rect, Snapshot, SnapshotBuilder};
use crate::error::Error;

/// Record kind: a visible element.
pub const KIND_ELEMENT: u32 = 0;
/// Record kind: an element hidden by itself (computed style in a live document, markup otherwise).
pub const KIND_HIDDEN: u32 = 1;
/// Record kind: a text node.
pub const KIND_TEXT: u32 = 2;
/// Numbers per entry of `rects`.
pub const RECT_STRIDE: usize = 5;

/// Why a flat snapshot could not be built.
#[derive(Debug, PartialEq)]
pub enum FlatError {
    /// Not the documented shape: the message names what is wrong.
    BadInput(String),
    /// The shape is right but the tree is not (or is over a budget).
    Core(Error),
}

impl From<Error> for FlatError {
    fn from(e: Error) -> Self {
        FlatError::Core(e)
    }
}

fn bad(node: u32, what: &str) -> FlatError {
    FlatError::BadInput(crate::text::cat!("node ", node, ": ", what))
}

/// Reads consecutive pieces of the `text` string by UTF-16 length.
struct Pieces<'a> {
    s: &'a str,
    pos: usize,
    /// UTF-16 units already taken by the previous piece: a piece ending in a lone high surrogate
    /// followed by one starting with a lone low surrogate join into one character once the
    /// string is concatenated; the earlier piece keeps that character.
    carry: u32,
}

impl<'a> Pieces<'a> {
    fn take(&mut self, units: u32) -> Option<&'a str> {
        let skip = self.carry.min(units);
        self.carry -= skip;
        let mut need = (units - skip) as usize;
        let bytes = self.s.as_bytes();
        let start = self.pos;
        // Fast path: an all-ASCII piece has as many bytes as UTF-16 units.
        if let Some(chunk) = bytes.get(start..start + need) {
            if chunk.is_ascii() {
                self.pos = start + need;
                return self.s.get(start..self.pos);
            }
        }
        let mut p = start;
        while need > 0 {
            let c = *bytes.get(p)?;
            let (len, units) = match c {
                0x00..=0x7f => (1, 1),
                0xc0..=0xdf => (2, 1),
                0xe0..=0xef => (3, 1),
                _ => (4, 2),
            };
            p += len;
            if units > need {
                self.carry = (units - need) as u32;
                need = 0;
            } else {
                need -= units;
            }
        }
        self.pos = p;
        self.s.get(start..p)
    }
}

/// Builds the core's snapshot from the decoded parts of a version-2 snapshot.
pub fn build<S: AsRef<str>>(
    url: Option<String>,
    names: &[S],
    nodes: &[u32],
    text: &str,
    rects: &[f64],
) -> Result<Snapshot, FlatError> {
    let mut b = SnapshotBuilder::new().with_url(url);
    reserve_for(&mut b, nodes, text.len());
    let mut pieces = Pieces { s: text, pos: 0, carry: 0 };
    // Each name of the table is lower-cased and interned once, not once per use.
    let mut ids: Vec<u32> = Vec::with_capacity(names.len());
    for n in names {
        ids.push(b.intern_name(n.as_ref()));
    }
    let mut attrs: Vec<(u32, &str)> = Vec::new();
    let mut i = 0usize;
    let mut node = 0u32;
    let name = |n: u32, k: u32| ids.get(k as usize).copied().ok_or_else(|| bad(n, "name index out of range"));
    while i < nodes.len() {
        let (Some(&parent1), Some(&kind)) = (nodes.get(i), nodes.get(i + 1)) else {
            return Err(bad(node, "truncated record"));
        };
        let parent = parent1.checked_sub(1);
        if let Some(p) = parent {
            if p >= node {
                return Err(Error::Malformed { node, why: "parent id is not an earlier node" }.into());
            }
        }
        if kind == KIND_TEXT {
            let Some(&len) = nodes.get(i + 2) else { return Err(bad(node, "truncated record")) };
            let Some(p) = parent else {
                return Err(Error::Malformed { node, why: "a text node as the root" }.into());
            };
            let t = pieces.take(len).ok_or_else(|| bad(node, "text runs past the end of `text`"))?;
            b.text(p, t)?;
            i += 3;
        } else if kind == KIND_ELEMENT || kind == KIND_HIDDEN {
            let (Some(&tag), Some(&count)) = (nodes.get(i + 2), nodes.get(i + 3)) else {
                return Err(bad(node, "truncated record"));
            };
            let tag = name(node, tag)?;
            i += 4;
            attrs.clear();
            for _ in 0..count {
                let (Some(&k), Some(&len)) = (nodes.get(i), nodes.get(i + 1)) else {
                    return Err(bad(node, "truncated record"));
                };
                let v = pieces.take(len).ok_or_else(|| bad(node, "attribute value runs past the end of `text`"))?;
                attrs.push((name(node, k)?, v));
                i += 2;
            }
            b.element_interned(parent, tag, attrs.iter().copied(), kind == KIND_HIDDEN)?;
        } else {
            return Err(bad(node, "unknown record kind"));
        }
        node += 1;
    }
    if rects.len() % RECT_STRIDE != 0 {
        return Err(FlatError::BadInput("rects: expected 5 numbers per entry".to_owned()));
    }
    for r in rects.chunks_exact(RECT_STRIDE) {
        let id = r[0];
        if !(id >= 0.0 && id < f64::from(node) && id.fract() == 0.0) {
            return Err(FlatError::BadInput("rects: node id out of range".to_owned()));
        }
        b.rect(id as u32, Rect { x: r[1] as f32, y: r[2] as f32, w: r[3] as f32, h: r[4] as f32 });
    }
    Ok(b.finish())
}

/// Reserves room in `b` for what the records say, counted in one pass over the numbers (no
/// regrowing and copying as the arena fills). Bounded by the input's own size: a hostile count
/// reserves nothing the input cannot hold.
fn reserve_for(b: &mut SnapshotBuilder, nodes: &[u32], text_bytes: usize) {
    let (mut n, mut attrs, mut text) = (0usize, 0usize, 0usize);
    let mut i = 0usize;
    while i + 2 < nodes.len() {
        n += 1;
        if nodes[i + 1] == KIND_TEXT {
            text = text.saturating_add(nodes[i + 2] as usize);
            i += 3;
        } else {
            let count = (nodes.get(i + 3).copied().unwrap_or(0) as usize).min((nodes.len() - i) / 2);
            attrs += count;
            i += 4 + 2 * count;
        }
    }
    // Text lengths are UTF-16 units: as many bytes for ASCII text (other text grows once more).
    b.reserve(n, attrs, text.min(text_bytes));
}

/// The reverse of [`build`]: a snapshot as the flat format's parts `(names, nodes, text)`, with
/// `text` lengths in UTF-16 units. Used by tests and the native benches to feed [`build`] the
/// same input the browser does.
pub fn encode(snap: &Snapshot) -> (Vec<String>, Vec<u32>, String) {
    let mut names: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut intern = |s: &str, names: &mut Vec<String>| -> u32 {
        if let Some(&i) = index.get(s) {
            return i;
        }
        let i = names.len() as u32;
        names.push(s.to_owned());
        index.insert(s.to_owned(), i);
        i
    };
    let units = |s: &str| s.encode_utf16().count() as u32;
    let mut nodes = Vec::new();
    let mut text = String::new();
    for (i, n) in snap.nodes.iter().enumerate() {
        let id = i as u32;
        nodes.push(snap.parent(id).map_or(0, |p| p + 1));
        if n.kind == super::NodeKind::Text {
            let t = snap.own_text(id);
            nodes.extend([KIND_TEXT, units(t)]);
            text.push_str(t);
        } else {
            let kind = if n.hidden_self { KIND_HIDDEN } else { KIND_ELEMENT };
            let tag = intern(snap.tag_name(id), &mut names);
            let attrs: Vec<(&str, &str)> = snap.attrs(id).collect();
            nodes.extend([kind, tag, attrs.len() as u32]);
            for (k, v) in attrs {
                let k = intern(k, &mut names);
                nodes.extend([k, units(v)]);
                text.push_str(v);
            }
        }
    }
    (names, nodes, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        let mut b = SnapshotBuilder::new().with_url(Some("https://example.test/".into()));
        let html = b.element(None, "html", [("lang", "fr")], false).unwrap();
        let body = b.element(Some(html), "body", [], false).unwrap();
        let p = b.element(Some(body), "p", [("class", "x ü"), ("title", "😀 smile")], false).unwrap();
        b.text(p, "Grüße, 世界 😀 and ascii").unwrap();
        let h = b.element(Some(body), "div", [("hidden", "")], true).unwrap();
        b.text(h, "secret").unwrap();
        b.finish()
    }

    #[test]
    fn round_trips_through_encode() {
        let s = sample();
        let (names, nodes, text) = encode(&s);
        let t = build(s.url.clone(), &names, &nodes, &text, &[]).unwrap();
        assert_eq!(t.len(), s.len());
        for i in 0..s.len() as u32 {
            assert_eq!(t.tag_name(i), s.tag_name(i));
            assert_eq!(t.parent(i), s.parent(i));
            assert_eq!(t.own_text(i), s.own_text(i));
            assert_eq!(t.attrs(i).collect::<Vec<_>>(), s.attrs(i).collect::<Vec<_>>());
            assert_eq!(t.node(i).hidden, s.node(i).hidden);
            assert_eq!(t.node(i).text_len, s.node(i).text_len);
        }
        assert_eq!(t.url.as_deref(), Some("https://example.test/"));
    }

    #[test]
    fn lengths_are_utf16_units() {
        // "😀" is two UTF-16 units, "é" one, four and two UTF-8 bytes.
        let names = ["html", "body", "title"];
        let nodes = [0, KIND_ELEMENT, 0, 0, 1, KIND_ELEMENT, 1, 1, 2, 3, 2, KIND_TEXT, 4];
        let s = build(None, &names, &nodes, "a😀éb😀", &[]).unwrap();
        assert_eq!(s.attr(1, "title"), Some("a😀"));
        assert_eq!(s.own_text(2), "éb😀");
    }

    #[test]
    fn a_surrogate_pair_split_between_pieces_does_not_panic() {
        // Two text nodes whose JS strings were a lone high and a lone low surrogate: once joined
        // they are one character; the first node keeps it, the second is empty.
        let names = ["html"];
        let nodes = [0, KIND_ELEMENT, 0, 0, 1, KIND_TEXT, 1, 1, KIND_TEXT, 2];
        let s = build(None, &names, &nodes, "😀x", &[]).unwrap();
        assert_eq!(s.own_text(1), "😀");
        assert_eq!(s.own_text(2), "x");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let names = ["html", "p"];
        let cases: [(&[u32], &str); 9] = [
            (&[0, KIND_ELEMENT, 0], "truncated"),
            // Counts and lengths far beyond the input: an error, and nothing reserved for them.
            (&[0, KIND_ELEMENT, 0, u32::MAX, 0, 1], "truncated"),
            (&[0, KIND_ELEMENT, 0, 0, 1, KIND_TEXT, u32::MAX, 1, KIND_TEXT, u32::MAX], "past the end"),
            (&[0, KIND_ELEMENT, 9, 0], "name index"),
            (&[0, KIND_ELEMENT, 0, 1, 1], "truncated"),
            (&[0, KIND_ELEMENT, 0, 0, 1, KIND_TEXT, 99], "past the end"),
            (&[0, 7, 0, 0], "unknown record kind"),
            (&[0, KIND_TEXT, 0], "text node as the root"),
            (&[0, KIND_ELEMENT, 0, 0, 5, KIND_ELEMENT, 1, 0], "not an earlier node"),
        ];
        for (nodes, want) in cases {
            let e = build(None, &names, nodes, "ab", &[]).unwrap_err();
            let msg = match e {
                FlatError::BadInput(m) => m,
                FlatError::Core(e) => e.to_string(),
            };
            assert!(msg.contains(want), "{nodes:?}: {msg}");
        }
        // A parent that is earlier but not an open ancestor: the builder's rule.
        let nodes = [0, KIND_ELEMENT, 0, 0, 1, KIND_ELEMENT, 1, 0, 1, KIND_ELEMENT, 1, 0, 2, KIND_ELEMENT, 1, 0];
        assert!(matches!(build(None, &names, &nodes, "", &[]), Err(FlatError::Core(Error::Malformed { .. }))));
        assert!(build(None, &names, &[0, KIND_ELEMENT, 0, 0], "", &[0.0, 1.0]).is_err());
        assert!(build(None, &names, &[0, KIND_ELEMENT, 0, 0], "", &[3.0, 1.0, 1.0, 1.0, 1.0]).is_err());
    }

    #[test]
    fn rects_attach_to_their_nodes() {
        let names = ["html"];
        let s = build(None, &names, &[0, KIND_ELEMENT, 0, 0], "", &[0.0, 1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!(s.rect(0), Some(&Rect { x: 1.0, y: 2.0, w: 3.0, h: 4.0 }));
        // A node given twice keeps the last rect (as the map this replaced did); none: None.
        let two = [0.0, 1.0, 2.0, 3.0, 4.0, 0.0, 5.0, 6.0, 7.0, 8.0];
        let s = build(None, &names, &[0, KIND_ELEMENT, 0, 0], "", &two).unwrap();
        assert_eq!(s.rect(0), Some(&Rect { x: 5.0, y: 6.0, w: 7.0, h: 8.0 }));
        assert_eq!(s.rect(1), None);
    }

    #[test]
    fn names_are_lower_cased_and_event_handlers_dropped() {
        let names = ["HTML", "onClick", "Class"];
        let s = build(None, &names, &[0, KIND_ELEMENT, 0, 2, 1, 8, 2, 1], "alert(1)x", &[]).unwrap();
        assert_eq!(s.tag_name(0), "html");
        assert_eq!(s.tag(0), crate::snapshot::Tag::Html);
        assert_eq!(s.attrs(0).collect::<Vec<_>>(), vec![("class", "x")]);
        let mut b = SnapshotBuilder::new();
        assert!(b.element_interned(None, 7, [], false).is_err(), "a name id that was never interned");
        let html = b.intern_name("html");
        assert!(b.element_interned(None, html, [(99, "v")], false).is_err());
    }

    #[test]
    fn the_empty_snapshot_builds() {
        let names: [&str; 0] = [];
        assert!(build(None, &names, &[], "", &[]).unwrap().is_empty());
    }
}
