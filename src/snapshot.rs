//! INPUT of the core: a flat arena snapshot of one document.
//!
//! Nodes are stored in document (pre-)order, so every subtree is the contiguous id range
//! `id..node.end`: passes iterate subtrees with plain loops, never by recursion (a page 20,000
//! levels deep must not overflow the stack). Aggregates that every pass wants (text length,
//! link-text length, element count, inherited hidden flag) are filled in once by
//! [`SnapshotBuilder::finish`] in a single reverse sweep.
//!
//! Two builders feed this type and nothing else: `html.rs` (native, an HTML5 parser) and the
//! wasm adapter (`web/`, from the snapshot the content script captures in JS). Neither knows
//! anything about the passes.

use crate::error::Error;

pub mod flat;

/// Index of a node in [`Snapshot::nodes`]. Stable for the snapshot's life, shared with the page
/// side (the content script keeps the same numbering to apply decisions).
pub type NodeId = u32;

/// "No node" in the link fields of [`Node`].
pub const NONE: NodeId = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Element,
    Text,
}

/// Tags the passes care about by name; anything else is `Other` (its name is still available
/// through [`Snapshot::tag_name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    A, Abbr, Address, Article, Aside, Audio, B, Blockquote, Body, Br, Button, Canvas, Caption,
    Code, Dd, Del, Details, Dfn, Dialog, Div, Dl, Dt, Em, Embed, Fieldset, Figcaption, Figure,
    Font, Footer, Form, H1, H2, H3, H4, H5, H6, Head, Header, Hr, Html, I, Iframe, Img, Input,
    Ins, Kbd, Label, Legend, Li, Link, Main, Mark, Math, Menu, Meta, Nav, Noscript, Object, Ol,
    Optgroup, Option, Output, P, Picture, Pre, Q, S, Samp, Script, Section, Select, Small,
    Source, Span, Strong, Style, Sub, Summary, Sup, Svg, Table, Tbody, Td, Template, Textarea,
    Tfoot, Th, Thead, Time, Title, Tr, U, Ul, Var, Video, Wbr,
    /// A text node.
    Text,
    Other,
}

impl Tag {
    /// Maps a lower-case tag name, by its position in one packed list (a `match` on the names
    /// compiles to ~2 KB of wasm; a `&[&str]` table costs 8 bytes of pointer and length per
    /// name). The snapshot builder asks once per distinct name, not per element; the
    /// `<noscript>` markup parser once per start tag.
    pub fn from_name(name: &str) -> Tag {
        use Tag::*;
        const NAMES: &[u8] = crate::packed_words![
            "#text", "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body",
            "br", "button", "canvas", "caption", "code", "dd", "del", "details", "dfn", "dialog",
            "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i",
            "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "mark",
            "math", "menu", "meta", "nav", "noscript", "object", "ol", "optgroup", "option",
            "output", "p", "picture", "pre", "q", "s", "samp", "script", "section", "select",
            "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table",
            "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
            "u", "ul", "var", "video", "wbr"
        ];
        const TAGS: [Tag; 97] = [
            Text, A, Abbr, Address, Article, Aside, Audio, B, Blockquote, Body, Br, Button, Canvas,
            Caption, Code, Dd, Del, Details, Dfn, Dialog, Div, Dl, Dt, Em, Embed, Fieldset,
            Figcaption, Figure, Font, Footer, Form, H1, H2, H3, H4, H5, H6, Head, Header, Hr, Html,
            I, Iframe, Img, Input, Ins, Kbd, Label, Legend, Li, Link, Main, Mark, Math, Menu, Meta,
            Nav, Noscript, Object, Ol, Optgroup, Option, Output, P, Picture, Pre, Q, S, Samp,
            Script, Section, Select, Small, Source, Span, Strong, Style, Sub, Summary, Sup, Svg,
            Table, Tbody, Td, Template, Textarea, Tfoot, Th, Thead, Time, Title, Tr, U, Ul, Var,
            Video, Wbr
        ];
        let i = crate::text::packed_iter(NAMES).position(|w| w == name.as_bytes());
        i.and_then(|i| TAGS.get(i).copied()).unwrap_or(Other)
    }

    /// Heading level 1..=6 for `h1`..`h6`.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1), Tag::H2 => Some(2), Tag::H3 => Some(3),
            Tag::H4 => Some(4), Tag::H5 => Some(5), Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// Block-level for text layout purposes (a paragraph break before and after).
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address | Article | Aside | Blockquote | Body | Caption | Dd | Details | Dialog | Div
                | Dl | Dt | Fieldset | Figcaption | Figure | Footer | Form | H1 | H2 | H3 | H4
                | H5 | H6 | Header | Hr | Html | Li | Main | Menu | Nav | Ol | P | Pre | Section
                | Summary | Table | Tbody | Td | Tfoot | Th | Thead | Tr | Ul
        )
    }

    /// Elements whose text is never article text (their text is not even captured).
    pub fn is_non_content(self) -> bool {
        use Tag::*;
        matches!(self, Script | Style | Noscript | Template | Head | Title | Meta | Link | Svg | Math)
    }
}

/// One node of the arena. Link fields use [`NONE`] for "absent".
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub tag: Tag,
    /// Interned lower-case tag name (index into the snapshot's name table).
    pub name: u32,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub next_sibling: NodeId,
    /// One past the last node of this subtree: the subtree is `id..end`.
    pub end: NodeId,
    pub depth: u32,
    /// Attribute range in [`Snapshot::attrs`].
    pub attrs: (u32, u32),
    /// Text range in [`Snapshot::text`] (text nodes only).
    pub text: (u32, u32),
    /// Hidden by itself (hidden attribute, display:none, ...), as the builder saw it.
    pub hidden_self: bool,
    /// Hidden by itself or by an ancestor.
    pub hidden: bool,
    /// Characters of visible text in the subtree, whitespace runs counted as one.
    pub text_len: u32,
    /// The part of `text_len` inside links.
    pub link_text_len: u32,
    /// Element descendants (not counting the node itself).
    pub elements: u32,
}

/// Layout facts a browser may supply for an element (CSS pixels, document coordinates).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// The document as the passes see it. Immutable once built.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub nodes: Vec<Node>,
    /// Attributes: (interned name, value start, value end), the value a range of
    /// [`Snapshot::attr_text`] (one string for all values: no allocation per attribute).
    attrs: Vec<(u32, u32, u32)>,
    /// All attribute values, back to back.
    attr_text: String,
    pub text: String,
    names: Vec<Box<str>>,
    /// Optional layout, when the capturing browser supplied it: (node id, rect) in the order
    /// given; [`Snapshot::rect`] looks one up. (A list, not a map: no pass reads layout yet, and a
    /// map of its own was ~1.4 KB of the wasm.)
    pub rects: Vec<(NodeId, Rect)>,
    /// The document's URL when known (resolves relative links in the reader document).
    pub url: Option<String>,
    /// Interned ids of [`HOT_ATTRS`] (index for index; [`NONE`] when the page has no such
    /// attribute), so [`Snapshot::attr`] compares numbers for the names the passes ask for most.
    hot: [u32; HOT_ATTRS.len()],
}

/// The attribute names the passes read most, resolved to interned ids once per snapshot.
const HOT_ATTRS: [&str; 26] = [
    "href", "id", "class", "role", "type", "name", "src", "itemprop", "aria-label", "itemtype", "style", "title",
    "data-src", "aria-modal", "aria-expanded", "aria-controls", "aria-pressed", "autocomplete", "rel",
    // read by the reader for every kept element or image
    "dir", "lang", "alt", "width", "height", "srcset", "data-srcset",
];

/// A perfect hash of the [`HOT_ATTRS`] names (`HOT_TABLE` checks at compile time that no two
/// share a value), so [`hot_index`] compares one candidate name instead of matching strings.
const fn hot_hash(b: &[u8]) -> usize {
    (2 * b[0] as usize + 6 * b[b.len() - 1] as usize + b.len() + b[b.len() / 2] as usize) % 64
}

/// [`hot_hash`] value -> index in [`HOT_ATTRS`] (`u8::MAX`: none).
const HOT_TABLE: [u8; 64] = {
    let mut t = [u8::MAX; 64];
    let mut i = 0;
    while i < HOT_ATTRS.len() {
        let h = hot_hash(HOT_ATTRS[i].as_bytes());
        assert!(t[h] == u8::MAX, "two hot attribute names share a hot_hash value: change its factors");
        t[h] = i as u8;
        i += 1;
    }
    t
};

/// A node id past the end of the snapshot: a bug in a pass, never the page's doing (decoding
/// checks every id a snapshot holds). One shared call without arguments, where a slice index
/// passes the index, the length and its source location at each of the many inlined accessors.
#[cold]
#[inline(never)]
fn bad_id() -> ! {
    panic!("node id past the end of the snapshot")
}

/// Index of `name` in [`HOT_ATTRS`].
#[inline(always)]
fn hot_index(name: &str) -> Option<usize> {
    let b = name.as_bytes();
    if b.is_empty() {
        return None;
    }
    let i = HOT_TABLE[hot_hash(b)];
    (i != u8::MAX && HOT_ATTRS[usize::from(i)] == name).then_some(usize::from(i))
}

impl Snapshot {
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    // The most called accessor. It indexes a slice (`Vec`'s `Index` is two calls deep in the
    // size-optimised wasm) and is a call itself: inlined at its many call sites it made the
    // analysis ~4% faster in the wasm (A/B, two orders: 0.971 / 0.950) for 1.8 KB, and the module
    // is held to a size budget first (BENCHMARKS.md, "Size"). The tiny accessors below marked
    // `inline(always)` stay inlined: out of line, none made the module more than 60 bytes smaller.
    pub fn node(&self, id: NodeId) -> &Node {
        match self.nodes.as_slice().get(id as usize) {
            Some(n) => n,
            None => bad_id(),
        }
    }
    pub fn tag(&self, id: NodeId) -> Tag {
        self.node(id).tag
    }
    pub fn tag_name(&self, id: NodeId) -> &str {
        &self.names[self.node(id).name as usize]
    }
    /// The `href` of the first `<base>` that has one, as written (each caller resolves and checks
    /// it its own way).
    pub fn base_href(&self) -> Option<&str> {
        for i in 0..self.len() as NodeId {
            if self.tag(i) == Tag::Other && self.tag_name(i) == "base" {
                if let Some(h) = self.attr(i, "href") {
                    return Some(h);
                }
            }
        }
        None
    }
    #[inline(always)]
    pub fn is_element(&self, id: NodeId) -> bool {
        self.node(id).kind == NodeKind::Element
    }
    #[inline(always)]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.node(id).parent;
        (p != NONE).then_some(p)
    }
    /// Direct children, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { snap: self, next: self.node(id).first_child }
    }
    /// The subtree rooted at `id`, `id` included, in document order.
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id..self.node(id).end
    }
    /// Ancestors from the parent up to the root.
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors { snap: self, next: self.node(id).parent }
    }
    /// Is `a` an ancestor of (or equal to) `b`?
    #[inline(always)]
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a <= b && b < self.node(a).end
    }
    /// Raw text of a text node ("" for elements). A call, not inlined: 256 bytes for no time
    /// measurable.
    pub fn own_text(&self, id: NodeId) -> &str {
        let (s, e) = self.node(id).text;
        crate::text::sub(&self.text, s as usize, e as usize)
    }
    /// All attributes of an element.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        let (s, e) = self.node(id).attrs;
        self.attrs[s as usize..e as usize].iter().map(|&(n, vs, ve)| (&*self.names[n as usize], self.attr_value(vs, ve)))
    }
    #[inline(always)]
    fn attr_value(&self, s: u32, e: u32) -> &str {
        self.attr_text.get(s as usize..e as usize).unwrap_or("")
    }
    /// The layout recorded for node `id` (the last one given for it).
    pub fn rect(&self, id: NodeId) -> Option<&Rect> {
        self.rects.iter().rev().find(|r| r.0 == id).map(|r| &r.1)
    }
    /// One attribute by lower-case name.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        let (s, e) = self.node(id).attrs;
        let list = self.attrs.get(s as usize..e as usize).unwrap_or(&[]);
        if list.is_empty() {
            return None;
        }
        if let Some(h) = hot_index(name) {
            let want = self.hot[h];
            return list.iter().find(|a| a.0 == want).map(|a| self.attr_value(a.1, a.2));
        }
        list.iter().find(|a| self.names.get(a.0 as usize).is_some_and(|x| &**x == name)).map(|a| self.attr_value(a.1, a.2))
    }
    /// An element's attributes as (interned name id, value): compare the id with
    /// [`Snapshot::hot_name`] instead of comparing names as strings.
    pub fn attrs_by_id(&self, id: NodeId) -> impl Iterator<Item = (u32, &str)> {
        let (s, e) = self.node(id).attrs;
        self.attrs.get(s as usize..e as usize).unwrap_or(&[]).iter().map(|&(n, vs, ve)| (n, self.attr_value(vs, ve)))
    }
    /// The interned id of one of the frequently read attribute names (`id`, `class`, `role`,
    /// ...); [`NONE`] when the page never uses it or it is not one of them.
    pub fn hot_name(&self, name: &str) -> u32 {
        hot_index(name).map_or(NONE, |h| self.hot[h])
    }
    /// `id` and `class` attribute values joined, for weak name hints.
    pub fn id_class(&self, id: NodeId) -> String {
        let mut s = String::new();
        for (n, v) in self.attrs(id) {
            if n == "id" || n == "class" {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(v);
            }
        }
        s
    }
    /// Visits the nodes of `id`'s subtree that its visible text is made of, in document order:
    /// non-content elements, and hidden ones below `id`, are skipped with their subtrees. `f`
    /// returns false to stop.
    fn walk_visible(&self, id: NodeId, mut f: impl FnMut(NodeId, &Node) -> bool) {
        let mut i = id;
        let end = self.node(id).end;
        while i < end {
            let n = self.node(i);
            if n.kind == NodeKind::Element && (n.tag.is_non_content() || (n.hidden_self && i != id)) {
                i = n.end;
                continue;
            }
            if !f(i, n) {
                return;
            }
            i += 1;
        }
    }
    /// Visible text of a subtree, whitespace collapsed, block boundaries as single spaces.
    /// Skips hidden nodes and non-content elements.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.walk_visible(id, |i, n| {
            if n.kind == NodeKind::Text {
                push_collapsed(&mut out, self.own_text(i));
            } else if (n.tag.is_block() || n.tag == Tag::Br) && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            true
        });
        let t = out.trim_end().len();
        out.truncate(t);
        out
    }
    /// Calls `f` with the raw text of every text node [`Snapshot::text_of`] reads for `id`
    /// (same skipping: non-content elements, and hidden ones below `id`), in document order.
    pub fn for_each_visible_text(&self, id: NodeId, mut f: impl FnMut(&str)) {
        self.walk_visible(id, |i, n| {
            if n.kind == NodeKind::Text {
                f(self.own_text(i));
            }
            true
        });
    }
    /// The first character of [`Snapshot::text_of`] (its first non-whitespace character in the
    /// text nodes it reads), without building the text.
    pub fn first_visible_char(&self, id: NodeId) -> Option<char> {
        let mut first = None;
        self.walk_visible(id, |i, n| {
            if n.kind == NodeKind::Text {
                first = self.own_text(i).chars().find(|c| !c.is_whitespace());
            }
            first.is_none()
        });
        first
    }
    /// The document's `<body>` (or the root if there is none).
    pub fn body(&self) -> NodeId {
        (0..self.nodes.len() as NodeId)
            .find(|&i| self.node(i).tag == Tag::Body)
            .unwrap_or(0)
    }
    /// Deepest nesting in the snapshot.
    pub fn max_depth(&self) -> u32 {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

/// The character at byte `i` of `s` (a char boundary): is it whitespace (`char::is_whitespace`),
/// and its length in bytes. ASCII is answered from the byte alone: these loops run over every
/// text node, and in the size-optimised wasm `Chars::next` is a call per character.
#[inline(always)]
fn ws_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1),
        Some(_) => s.get(i..).and_then(|t| t.chars().next()).map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        None => (false, 1),
    }
}

/// Appends `s` to `out` with whitespace runs collapsed to one space and no leading space.
pub fn push_collapsed(out: &mut String, s: &str) {
    let mut space = out.is_empty() || out.ends_with(' ');
    // Runs of non-whitespace are copied as slices.
    let mut run = 0;
    let mut i = 0;
    while i < s.len() {
        let (ws, len) = ws_at(s, i);
        if ws {
            if run < i {
                out.push_str(s.get(run..i).unwrap_or(""));
            }
            run = i + len;
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            space = false;
        }
        i += len;
    }
    if run < s.len() {
        out.push_str(s.get(run..).unwrap_or(""));
    }
}

/// Characters counted as text length: whitespace runs count as one, leading/trailing as none.
pub fn collapsed_len(s: &str) -> u32 {
    let mut n = 0u32;
    let mut pending_space = false;
    let mut any = false;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let ws = match b[i] {
            // ASCII without a branch per byte (every text node of the page comes through here).
            c if c < 0x80 => {
                i += 1;
                c == b' ' || c.wrapping_sub(b'\t') < 5
            }
            _ => {
                let (ws, len) = ws_at(s, i);
                i += len;
                ws
            }
        };
        // A space counts when text follows it; text counts one per character.
        n += u32::from(!ws) * (1 + u32::from(pending_space));
        pending_space = ws && any;
        any |= !ws;
    }
    n
}

pub struct Children<'a> {
    snap: &'a Snapshot,
    next: NodeId,
}
impl Iterator for Children<'_> {
    type Item = NodeId;
    #[inline(always)]
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.snap.node(id).next_sibling;
        Some(id)
    }
}

pub struct Ancestors<'a> {
    snap: &'a Snapshot,
    next: NodeId,
}
impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    #[inline(always)]
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.snap.node(id).parent;
        Some(id)
    }
}

/// Hashes the interned names (tag and attribute names: short, few, looked up once per element
/// and attribute): FxHash's multiply-rotate, much cheaper than SipHash for such keys, and no
/// untrusted-key concern for a table that lives for one snapshot build.
#[cfg(feature = "native")]
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildNameHasher;
#[cfg(feature = "native")]
impl std::hash::BuildHasher for BuildNameHasher {
    type Hasher = NameHasher;
    fn build_hasher(&self) -> NameHasher {
        NameHasher(0)
    }
}
pub(crate) struct NameHasher(u64);
impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A map from names to values: open addressing over an index table, the entries in insertion
/// order. The builder's and the reader's only hash table (hashbrown's `insert` with its rehash
/// was ~2.5 KB of the wasm); hashed as [`NameHasher`] hashes bytes.
pub struct NameMap<V> {
    /// Per slot: 0 (empty) or an entry's index + 1. A power of two long, at most half full.
    slots: Vec<u32>,
    entries: Vec<(Box<str>, V)>,
}

impl<V> Default for NameMap<V> {
    fn default() -> Self {
        NameMap { slots: Vec::new(), entries: Vec::new() }
    }
}

impl<V> NameMap<V> {
    fn slot_of(&self, k: &str) -> usize {
        let mut h = NameHasher(0);
        std::hash::Hasher::write(&mut h, k.as_bytes());
        // The product's high half is the well-mixed one.
        (h.0 >> 32) as usize & (self.slots.len() - 1)
    }

    /// The slot holding `k`, or the empty slot where it would go. `slots` is not empty.
    fn find(&self, k: &str) -> (usize, Option<usize>) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(k);
        loop {
            match self.slots[i] {
                0 => return (i, None),
                e => {
                    let e = e as usize - 1;
                    if &*self.entries[e].0 == k {
                        return (i, Some(e));
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub fn get(&self, k: &str) -> Option<&V> {
        if self.entries.is_empty() {
            return None;
        }
        self.find(k).1.map(|e| &self.entries[e].1)
    }

    pub fn contains_key(&self, k: &str) -> bool {
        self.get(k).is_some()
    }

    /// Sets `k`'s value (a key already there keeps its place).
    pub fn insert(&mut self, k: Box<str>, v: V) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find(&k) {
            (_, Some(e)) => self.entries[e].1 = v,
            (i, None) => {
                self.entries.push((k, v));
                self.slots[i] = self.entries.len() as u32;
            }
        }
    }

    fn grow(&mut self) {
        self.slots = vec![0; (self.slots.len() * 2).max(16)];
        for e in 0..self.entries.len() {
            let (mut i, mask) = (self.slot_of(&self.entries[e].0), self.slots.len() - 1);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = e as u32 + 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The values, in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

/// Builds a [`Snapshot`] from nodes given in document order.
///
/// Each node names its parent, which must be the root-to-current path's member (pre-order).
/// A node whose parent is not on that path is rejected with [`Error::Malformed`]: the numbering
/// would no longer be contiguous per subtree.
#[derive(Default)]
pub struct SnapshotBuilder {
    snap: Snapshot,
    name_ids: NameMap<u32>,
    /// Per interned name: its [`Tag`] and whether it names an event handler (`on*`), decided
    /// once per distinct name rather than once per element or attribute.
    name_tags: Vec<Tag>,
    name_handler: Vec<bool>,
    /// The interned id of "#text", once a text node was added.
    text_name: Option<u32>,
    /// Open path from the root to the last node added.
    path: Vec<NodeId>,
    last_child: Vec<NodeId>,
}

impl SnapshotBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for about `nodes` nodes, `attrs` attributes and `text` bytes of text (a hint from a
    /// builder that knows its input's size: no regrowing and copying as the arena fills).
    pub fn reserve(&mut self, nodes: usize, attrs: usize, text: usize) {
        self.snap.nodes.reserve(nodes);
        self.last_child.reserve(nodes);
        self.snap.attrs.reserve(attrs);
        self.snap.text.reserve(text);
    }

    pub fn with_url(mut self, url: Option<String>) -> Self {
        self.snap.url = url;
        self
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_ids.get(name) {
            return i;
        }
        let i = self.snap.names.len() as u32;
        self.snap.names.push(name.into());
        self.name_ids.insert(name.into(), i);
        self.name_tags.push(Tag::from_name(name));
        self.name_handler.push(name.starts_with("on"));
        i
    }

    /// Interns a tag or attribute name, lower-cased, for [`SnapshotBuilder::element_interned`].
    pub fn intern_name(&mut self, name: &str) -> u32 {
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.intern(&name.to_ascii_lowercase())
        } else {
            self.intern(name)
        }
    }

    fn link(&mut self, parent: Option<NodeId>) -> Result<(NodeId, u32), Error> {
        let id = self.snap.nodes.len() as NodeId;
        let depth = match parent {
            None => {
                if id != 0 {
                    return Err(Error::Malformed { node: id, why: "a second root node" });
                }
                0
            }
            Some(p) => {
                while let Some(&top) = self.path.last() {
                    if top == p {
                        break;
                    }
                    self.path.pop();
                }
                if self.path.is_empty() {
                    return Err(Error::Malformed { node: id, why: "parent is not an open ancestor" });
                }
                // Slices: a `Vec`'s index is a call in the size-optimised wasm.
                let (nodes, last_child) = (self.snap.nodes.as_mut_slice(), self.last_child.as_mut_slice());
                let prev = last_child[p as usize];
                if prev == NONE {
                    nodes[p as usize].first_child = id;
                } else {
                    nodes[prev as usize].next_sibling = id;
                }
                last_child[p as usize] = id;
                self.path.len() as u32
            }
        };
        self.path.push(id);
        self.last_child.push(NONE);
        Ok((id, depth))
    }

    /// Adds an element. `name` is lower-cased here. Event-handler attributes (`on*`) are dropped.
    pub fn element<'a>(
        &mut self,
        parent: Option<NodeId>,
        name: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        hidden: bool,
    ) -> Result<NodeId, Error> {
        let (id, depth) = self.link(parent)?;
        let name_id = self.intern_name(name);
        let start = self.snap.attrs.len() as u32;
        for (n, v) in attrs {
            let nid = self.intern_name(n);
            if !self.name_handler[nid as usize] {
                self.push_attr(nid, v);
            }
        }
        self.push_element(id, depth, parent, name_id, start, hidden);
        Ok(id)
    }

    /// [`SnapshotBuilder::element`] with names already interned by
    /// [`SnapshotBuilder::intern_name`] (a decoder that holds a table of names interns each once).
    /// Event-handler attributes are dropped; an id that was not interned is `Malformed`.
    pub fn element_interned<'a>(
        &mut self,
        parent: Option<NodeId>,
        name: u32,
        attrs: impl IntoIterator<Item = (u32, &'a str)>,
        hidden: bool,
    ) -> Result<NodeId, Error> {
        let known = self.snap.names.len() as u32;
        if name >= known {
            return Err(Error::Malformed { node: self.snap.nodes.len() as NodeId, why: "unknown name id" });
        }
        let (id, depth) = self.link(parent)?;
        let start = self.snap.attrs.len() as u32;
        for (nid, v) in attrs {
            match self.name_handler.get(nid as usize) {
                Some(false) => self.push_attr(nid, v),
                Some(true) => {}
                None => {
                    // Keep the arena consistent: the node is linked, so push it before failing.
                    self.push_element(id, depth, parent, name, start, false);
                    return Err(Error::Malformed { node: id, why: "unknown name id" });
                }
            }
        }
        self.push_element(id, depth, parent, name, start, hidden);
        Ok(id)
    }

    fn push_attr(&mut self, name: u32, value: &str) {
        let s = self.snap.attr_text.len() as u32;
        self.snap.attr_text.push_str(value);
        self.snap.attrs.push((name, s, self.snap.attr_text.len() as u32));
    }

    fn push_element(&mut self, id: NodeId, depth: u32, parent: Option<NodeId>, name_id: u32, start: u32, hidden: bool) {
        let end_attr = self.snap.attrs.len() as u32;
        let tag = self.name_tags.get(name_id as usize).copied().unwrap_or(Tag::Other);
        self.snap.nodes.push(Node {
            kind: NodeKind::Element,
            tag,
            name: name_id,
            parent: parent.unwrap_or(NONE),
            first_child: NONE,
            next_sibling: NONE,
            end: id + 1,
            depth,
            attrs: (start, end_attr),
            text: (0, 0),
            hidden_self: hidden,
            hidden,
            text_len: 0,
            link_text_len: 0,
            elements: 0,
        });
    }

    /// Adds a text node under `parent`.
    pub fn text(&mut self, parent: NodeId, text: &str) -> Result<NodeId, Error> {
        let (id, depth) = self.link(Some(parent))?;
        let name_id = match self.text_name {
            Some(n) => n,
            None => {
                let n = self.intern("#text");
                self.text_name = Some(n);
                n
            }
        };
        let s = self.snap.text.len() as u32;
        self.snap.text.push_str(text);
        let e = self.snap.text.len() as u32;
        self.snap.nodes.push(Node {
            kind: NodeKind::Text,
            tag: Tag::Text,
            name: name_id,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            end: id + 1,
            depth,
            attrs: (0, 0),
            text: (s, e),
            hidden_self: false,
            hidden: false,
            text_len: collapsed_len(text),
            link_text_len: 0,
            elements: 0,
        });
        Ok(id)
    }

    /// Records layout for an element.
    pub fn rect(&mut self, id: NodeId, rect: Rect) {
        self.snap.rects.push((id, rect));
    }

    /// Fills in subtree ends and aggregates (one reverse sweep, one forward sweep).
    pub fn finish(mut self) -> Snapshot {
        for (slot, name) in self.snap.hot.iter_mut().zip(HOT_ATTRS) {
            *slot = self.name_ids.get(name).copied().unwrap_or(NONE);
        }
        let nodes = self.snap.nodes.as_mut_slice();
        // Forward: inherited hidden flag (parents come before children).
        for i in 0..nodes.len() {
            let p = nodes[i].parent;
            if p != NONE && nodes[p as usize].hidden {
                nodes[i].hidden = true;
            }
        }
        // Links: a text node inside <a> counts as link text. "Inside a link" is carried down in
        // the same forward order (no walk up the ancestors per text node: deep pages stay linear).
        let mut in_link = vec![false; nodes.len()].into_boxed_slice();
        for i in 0..nodes.len() {
            let p = nodes[i].parent;
            let above = p != NONE && in_link.get(p as usize).copied().unwrap_or(false);
            if nodes[i].kind == NodeKind::Text {
                if above {
                    nodes[i].link_text_len = nodes[i].text_len;
                }
            } else {
                in_link[i] = above || nodes[i].tag == Tag::A;
            }
        }
        // Reverse: children before parents. Hidden subtrees and non-content elements contribute
        // no text to their ancestors.
        for i in (1..nodes.len()).rev() {
            let p = nodes[i].parent as usize;
            let (end, tl, ll, el, is_el, silent) = {
                let n = &nodes[i];
                (
                    n.end,
                    n.text_len,
                    n.link_text_len,
                    n.elements,
                    n.kind == NodeKind::Element,
                    n.hidden_self || n.tag.is_non_content(),
                )
            };
            let pn = &mut nodes[p];
            pn.end = pn.end.max(end);
            pn.elements += el + is_el as u32;
            if !silent {
                pn.text_len += tl;
                pn.link_text_len += ll;
            }
        }
        self.snap
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn tag_from_name_finds_every_tag() {
        // Every tag's name is its variant's name lower-cased (the text node's is "#text").
        let all = [
            "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br", "button", "canvas",
            "caption", "code", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset",
            "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
            "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "mark",
            "math", "menu", "meta", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture",
            "pre", "q", "s", "samp", "script", "section", "select", "small", "source", "span", "strong", "style",
            "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
            "time", "title", "tr", "u", "ul", "var", "video", "wbr",
        ];
        for name in all {
            assert_eq!(format!("{:?}", Tag::from_name(name)).to_ascii_lowercase(), name);
        }
        assert_eq!(Tag::from_name("#text"), Tag::Text);
        for other in ["", "A", "Div", "h7", "x", "zzz", "#", "#texts", "spa", "spans", "custom-el"] {
            assert_eq!(Tag::from_name(other), Tag::Other, "{other}");
        }
    }

    use super::*;

    #[test]
    fn name_map_finds_what_was_inserted_across_growth() {
        let mut m = NameMap::default();
        assert!(m.is_empty() && m.get("a").is_none());
        let names: Vec<String> = (0..300).map(|i| format!("name-{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            m.insert(n.as_str().into(), i as u32);
        }
        for (i, n) in names.iter().enumerate() {
            assert_eq!(m.get(n), Some(&(i as u32)), "{n}");
        }
        assert!(!m.contains_key("name-300") && !m.contains_key("") && !m.contains_key("name-1 "));
        // A second insert replaces the value, keeps one entry and its place.
        m.insert("name-7".into(), 1000);
        assert_eq!(m.get("name-7"), Some(&1000));
        assert_eq!(m.values().count(), 300);
        assert_eq!(m.values().nth(7), Some(&1000));
        assert_eq!(m.values().next(), Some(&0));
    }

    #[test]
    fn hot_index_is_the_position_in_hot_attrs() {
        for (i, name) in HOT_ATTRS.iter().enumerate() {
            assert_eq!(hot_index(name), Some(i), "{name}");
        }
        // Names that are not hot: the empty one, near misses, and names sharing a hash value.
        for name in ["", "data-x", "hre", "hrefs", "Href", "aria-labe", "x", "é", "aria-modalé"] {
            assert_eq!(hot_index(name), None, "{name}");
        }
        // Every name of two to four letters: hot exactly when it is one of HOT_ATTRS.
        let letters = || (b'a'..=b'z').map(char::from);
        let mut names: Vec<String> = Vec::new();
        for a in letters() {
            for b in letters() {
                names.push(format!("{a}{b}"));
                for c in letters() {
                    names.push(format!("{a}{b}{c}"));
                    names.extend(letters().map(|d| format!("{a}{b}{c}{d}")));
                }
            }
        }
        for name in &names {
            assert_eq!(hot_index(name), HOT_ATTRS.iter().position(|h| h == name), "{name}");
        }
    }

    #[test]
    fn builds_ranges_and_aggregates() {
        let mut b = SnapshotBuilder::new();
        let html = b.element(None, "HTML", [], false).unwrap();
        let body = b.element(Some(html), "body", [], false).unwrap();
        let p = b.element(Some(body), "p", [("class", "x"), ("onclick", "evil()")], false).unwrap();
        b.text(p, "Hello   world").unwrap();
        let a = b.element(Some(p), "a", [("href", "/x")], false).unwrap();
        b.text(a, "link").unwrap();
        let h = b.element(Some(body), "div", [], true).unwrap();
        b.text(h, "secret").unwrap();
        let s = b.finish();
        assert_eq!(s.subtree(body), 1..8);
        assert_eq!(s.node(p).text_len, 11 + 4);
        assert_eq!(s.node(p).link_text_len, 4);
        assert_eq!(s.node(body).text_len, 15, "hidden text does not count");
        assert_eq!(s.attr(p, "onclick"), None);
        assert_eq!(s.attr(p, "class"), Some("x"));
        assert_eq!(s.attr(p, "href"), None, "a hot name on another element only");
        assert_eq!(s.attr(a, "href"), Some("/x"));
        assert_eq!(s.attr(a, "class"), None);
        assert_eq!(s.attr(p, "id"), None, "a hot name the page never uses");
        assert_eq!(s.attr(p, "title"), None);
        assert_eq!(s.children(body).collect::<Vec<_>>(), vec![p, h]);
        assert!(s.node(h + 1).hidden);
        assert_eq!(s.text_of(p), "Hello worldlink");
        assert_eq!(s.tag_name(html), "html");
    }

    #[test]
    fn collapsing_matches_the_char_by_char_definition() {
        fn push_ref(out: &mut String, s: &str) {
            let mut space = out.is_empty() || out.ends_with(' ');
            for c in s.chars() {
                if c.is_whitespace() {
                    if !space {
                        out.push(' ');
                        space = true;
                    }
                } else {
                    out.push(c);
                    space = false;
                }
            }
        }
        fn len_ref(s: &str) -> u32 {
            let (mut n, mut pending, mut any) = (0, false, false);
            for c in s.chars() {
                if c.is_whitespace() {
                    pending = any;
                } else {
                    n += 1 + u32::from(pending);
                    pending = false;
                    any = true;
                }
            }
            n
        }
        let samples = ["", " ", "a", "  Hello \t\n world  ", "x\u{0B}y\u{0C}z\r", "non\u{A0}breaking\u{85}next",
            "\u{3000}全角\u{3000}空白 ", "emoji 😀😀  end", "Grüße,\u{2028}ĳ", "a\u{200B}b", "\u{1680}\u{2003} x"];
        for prefix in ["", "p", "p "] {
            for s in samples {
                let (mut a, mut b) = (prefix.to_string(), prefix.to_string());
                push_collapsed(&mut a, s);
                push_ref(&mut b, s);
                assert_eq!(a, b, "{prefix:?} + {s:?}");
                assert_eq!(collapsed_len(s), len_ref(s), "{s:?}");
            }
        }
    }

    #[test]
    fn rejects_non_preorder_parent() {
        let mut b = SnapshotBuilder::new();
        let r = b.element(None, "html", [], false).unwrap();
        let x = b.element(Some(r), "div", [], false).unwrap();
        let y = b.element(Some(r), "div", [], false).unwrap();
        assert!(y > x);
        assert!(b.element(Some(x), "p", [], false).is_err());
    }
}
