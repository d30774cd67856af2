//! The reader document's own small tree: only allow-listed elements with already-sanitized
//! attribute values. The sanitizer builds it, `normalize` tidies it, the renderers print it.
//! Nothing outside this allow-list can be represented, so no renderer can emit it.

/// Allow-listed output elements (fieldless: a tag name is one table lookup, see [`El::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum El {
    H1, H2, H3, H4, H5, H6, P, Br, Hr, Ul, Ol, Li, Dl, Dt, Dd, Blockquote, Pre, Code,
    Table, Caption, Thead, Tbody, Tfoot, Tr, Th, Td, Figure, Figcaption, Img, A,
    Em, Strong, B, I, U, S, Del, Ins, Sub, Sup, Mark, Small, Abbr, Cite, Q, Kbd, Samp, Var, Dfn,
    Time, Ruby, Rt, Rp,
    /// Only as an anchor (`id="sift-N"`) for an unwrapped fragment target.
    Span,
}

/// [`El`]'s tag names, in declaration order, each followed by a space (one string and a table
/// of offsets: a table of 54 `&str` would be 432 bytes of the wasm's data).
const EL_NAMES: &str = "h1 h2 h3 h4 h5 h6 p br hr ul ol li dl dt dd blockquote pre code table caption thead tbody \
    tfoot tr th td figure figcaption img a em strong b i u s del ins sub sup mark small abbr cite q kbd samp var dfn \
    time ruby rt rp span ";

/// Where each of [`EL_NAMES`]' names starts, then its length.
const EL_STARTS: [u8; El::Span as usize + 2] = word_starts(EL_NAMES, El::Span as usize + 1);

/// Where each of the `count` space-separated words of `words` starts, then one past the end of
/// the last word plus one (a trailing space is allowed): word `k` is
/// `words[s[k]..s[k + 1] - 1]`. Checked when compiled: exactly `count` words, room for them in
/// `N`, and offsets that fit a byte.
const fn word_starts<const N: usize>(words: &str, count: usize) -> [u8; N] {
    let b = words.as_bytes();
    assert!(b.len() < 255 && count < N);
    let mut out = [0u8; N];
    let (mut n, mut i) = (1, 0);
    while i < b.len() {
        if b[i] == b' ' || i + 1 == b.len() {
            assert!(n <= count, "more words than expected");
            // After a space the next word starts; at a last byte that is no space, the end.
            out[n] = i as u8 + if b[i] == b' ' { 1 } else { 2 };
            n += 1;
        }
        i += 1;
    }
    assert!(n == count + 1, "fewer words than expected");
    out
}

impl El {
    pub fn name(self) -> &'static str {
        let i = self as usize;
        crate::text::sub(EL_NAMES, usize::from(EL_STARTS[i]), usize::from(EL_STARTS[i + 1]) - 1)
    }

    /// The heading element of `level` (1 to 6; anything above 6 is `<h6>`).
    pub fn heading(level: u8) -> El {
        match level {
            1 => El::H1,
            2 => El::H2,
            3 => El::H3,
            4 => El::H4,
            5 => El::H5,
            _ => El::H6,
        }
    }

    /// `<h1>` to `<h6>`: 1 to 6.
    pub fn heading_level(self) -> Option<u8> {
        self.is_heading().then(|| self as u8 - El::H1 as u8 + 1)
    }

    pub fn is_heading(self) -> bool {
        matches!(self, El::H1 | El::H2 | El::H3 | El::H4 | El::H5 | El::H6)
    }

    /// Elements without content or end tag.
    pub fn is_void(self) -> bool {
        matches!(self, El::Br | El::Hr | El::Img)
    }

    /// Block-level: starts a new block in every renderer. (Not inlined in the wasm, as
    /// [`El::is_phrasing_block`]: asked in many places, a call is smaller.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn is_block(self) -> bool {
        use El::*;
        matches!(
            self,
            H1 | H2 | H3 | H4 | H5 | H6 | P | Hr | Ul | Ol | Li | Dl | Dt | Dd | Blockquote | Pre | Table | Caption
                | Thead | Tbody | Tfoot | Tr | Th | Td | Figure | Figcaption
        )
    }

    /// Blocks that hold phrasing content only (text and inline elements).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn is_phrasing_block(self) -> bool {
        self.is_heading() || matches!(self, El::P | El::Dt | El::Caption | El::Figcaption)
    }

    /// Blocks that may hold either inline content or further blocks.
    pub fn is_flow(self) -> bool {
        matches!(self, El::Blockquote | El::Li | El::Dd | El::Td | El::Th)
    }

    /// Containers whose direct children are structural only (whitespace between them is noise).
    pub fn is_structural(self) -> bool {
        use El::*;
        matches!(self, Ul | Ol | Dl | Table | Thead | Tbody | Tfoot | Tr)
    }
}

/// What a node of the reader tree is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The document (the article root's content).
    Root,
    /// An allow-listed element with sanitized attributes (values are escaped when rendered).
    El(El, Vec<(&'static str, String)>),
    /// Text, whitespace already collapsed outside `<pre>`.
    Text(String),
    /// A block boundary left by an unwrapped block (div, section, ...) or a run of `<br>`s;
    /// `normalize` turns it into paragraph structure and removes it.
    Break,
    /// An allow-listed embed shown as a link paragraph: label ("Video") and a safe URL.
    Embed(&'static str, String),
}

#[derive(Clone, Debug)]
pub struct ONode {
    pub kind: Kind,
    pub children: Vec<u32>,
}

/// Arena of reader nodes; index 0 is the root.
#[derive(Clone, Debug)]
pub struct Doc {
    pub nodes: Vec<ONode>,
}

impl Default for Doc {
    fn default() -> Self {
        Doc { nodes: vec![ONode { kind: Kind::Root, children: Vec::new() }] }
    }
}

/// One step of a depth-first walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Enter(u32),
    Exit(u32),
}

impl Doc {
    /// Adds a node as the last child of `parent` and returns its index.
    pub fn push(&mut self, parent: u32, kind: Kind) -> u32 {
        let id = self.alloc(kind);
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.children.push(id);
        }
        id
    }

    /// Adds a detached node (for nodes that normalization inserts itself).
    pub fn alloc(&mut self, kind: Kind) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(ONode { kind, children: Vec::new() });
        id
    }

    /// Appends text under `parent`, merging with a preceding text child. Outside `<pre>` the
    /// caller has collapsed whitespace already; a space is not doubled across the seam.
    pub fn push_text(&mut self, parent: u32, text: &str, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(t) = self.last_text(parent) {
            if !verbatim && t.ends_with(' ') && text.starts_with(' ') {
                t.push_str(crate::text::from(text, 1));
            } else {
                t.push_str(text);
            }
            return;
        }
        self.push(parent, Kind::Text(text.to_owned()));
    }

    /// The text of `parent`'s last child, when that is a text node.
    fn last_text(&mut self, parent: u32) -> Option<&mut String> {
        let last = *self.nodes.get(parent as usize)?.children.last()?;
        match self.nodes.get_mut(last as usize) {
            Some(ONode { kind: Kind::Text(t), .. }) => Some(t),
            _ => None,
        }
    }

    /// Appends `raw` under `parent` with runs of HTML whitespace collapsed to one space, as
    /// [`Doc::push_text`] would append the collapsed copy (a space is not doubled across the
    /// seam with a preceding text child), without building that copy first.
    pub fn push_collapsed(&mut self, parent: u32, raw: &str) {
        if raw.is_empty() {
            return;
        }
        if let Some(t) = self.last_text(parent) {
            let space = t.ends_with(' ');
            collapse_into(t, raw, space);
            return;
        }
        let mut t = String::with_capacity(raw.len());
        collapse_into(&mut t, raw, false);
        self.push(parent, Kind::Text(t));
    }

    /// (Not inlined in the wasm: asked at most of the printers' and normalizer's steps, inlined
    /// it was about 800 bytes of the module.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn kind(&self, id: u32) -> &Kind {
        self.nodes.get(id as usize).map_or(&Kind::Root, |n| &n.kind)
    }

    pub fn el(&self, id: u32) -> Option<El> {
        match self.kind(id) {
            Kind::El(e, _) => Some(*e),
            _ => None,
        }
    }

    pub fn children(&self, id: u32) -> &[u32] {
        self.nodes.get(id as usize).map_or(&[], |n| &n.children)
    }

    /// Depth-first walk from `from` (included) with an explicit stack: no recursion, so a
    /// 20,000-deep article cannot overflow the stack.
    pub fn walk(&self, from: u32) -> Walk<'_> {
        Walk { doc: self, stack: vec![(from, usize::MAX)] }
    }

    /// Text under `id` (all descendants), as stored.
    pub fn text_under(&self, id: u32) -> String {
        let mut s = String::new();
        for step in self.walk(id) {
            if let Step::Enter(n) = step {
                match self.kind(n) {
                    Kind::Text(t) => s.push_str(t),
                    Kind::El(El::Br, _) => s.push('\n'),
                    _ => {}
                }
            }
        }
        s
    }
}

/// The value of attribute `name` in a kept element's attribute list.
pub fn attr<'a>(attrs: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
}

/// Is `t` empty or all whitespace (`t.trim().is_empty()`)? Text usually starts with a letter:
/// answered from the first byte then, without decoding characters.
pub fn is_blank(t: &str) -> bool {
    match t.as_bytes().first() {
        None => true,
        // ASCII and not one of `char::is_whitespace`'s ASCII characters.
        Some(&b) if b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') => false,
        Some(_) => t.trim().is_empty(),
    }
}

/// ASCII bytes that a printer replaces (HTML's escapes, Markdown's, a link target's
/// percent-encoding) and what each becomes: one copy of the printing loop serves them all.
pub struct Escapes {
    /// Bit `b % 64` of word `b / 64` set: byte `b` (below 128) is replaced.
    mask: [u64; 2],
    /// The replaced bytes (at most 9), in the order of `reps`.
    bytes: &'static [u8],
    /// Their replacements, separated by spaces (one string: a table of `&str` would be 8 bytes
    /// of the wasm's data per entry).
    reps: &'static str,
    /// Where each replacement starts in `reps`, then one past the end of `reps` plus one: the
    /// k-th is `reps[starts[k]..starts[k + 1] - 1]` (no search of `reps` per replaced byte).
    starts: [u8; 10],
}

impl Escapes {
    pub const fn new(bytes: &'static [u8], reps: &'static str) -> Escapes {
        let mut mask = [0u64; 2];
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            assert!(b < 128);
            mask[(b >> 6) as usize] |= 1 << (b & 63);
            i += 1;
        }
        let starts = word_starts(reps, bytes.len());
        Escapes { mask, bytes, reps, starts }
    }

    /// Appends `s` to `out` with the bytes replaced. The runs between them are copied as
    /// slices; an indexed loop (in the size-optimised wasm an iterator adapter is a call per
    /// byte).
    pub fn push(&self, out: &mut String, s: &str) {
        let b = s.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            i += 1;
            if c >= 128 || (self.mask[usize::from(c >> 6)] >> (c & 63)) & 1 == 0 {
                continue;
            }
            out.push_str(crate::text::sub(s, run, i - 1));
            // The replacement: the k-th of `reps` (`c` is one of `bytes`, its bit is set).
            let mut k = 0;
            while k < self.bytes.len() && self.bytes[k] != c {
                k += 1;
            }
            if let Some(&[start, end]) = self.starts.get(k..k + 2) {
                out.push_str(crate::text::sub(self.reps, usize::from(start), usize::from(end) - 1));
            }
            run = i;
        }
        out.push_str(crate::text::from(s, run));
    }
}

/// Removes the spaces at the end of `s` (`trim_end_matches(' ')` in place, byte by byte).
pub fn trim_trailing_spaces(s: &mut String) {
    let b = s.as_bytes();
    let mut l = b.len();
    while l > 0 && b[l - 1] == b' ' {
        l -= 1;
    }
    s.truncate(l);
}

/// `s.split('\n')`: the printers' line loops share this one small iterator.
pub fn lines(s: &str) -> Lines<'_> {
    Lines { rest: Some(s) }
}

/// See [`lines`].
pub struct Lines<'a> {
    /// What is left after the lines given so far (`None` after the last).
    rest: Option<&'a str>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest.take()?;
        match crate::text::find_byte(s, b'\n') {
            Some(i) => {
                self.rest = Some(crate::text::from(s, i + 1));
                Some(crate::text::to(s, i))
            }
            None => Some(s),
        }
    }
}

/// `s.trim_start_matches(['\n', '\r'])` (blank lines at the start of preformatted text).
pub fn trim_start_newlines(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b'\n' | b'\r') {
        i += 1;
    }
    crate::text::from(s, i)
}

/// HTML's whitespace (U+00A0 is content, not whitespace). Always inlined: it is asked per byte,
/// and the size-optimised wasm would otherwise call it.
#[inline(always)]
pub fn is_html_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Appends `raw` to `out` with each run of HTML whitespace as one space; `space`: `out` already
/// ends with one (a leading run then adds nothing).
fn collapse_into(out: &mut String, raw: &str, space: bool) {
    collapse_runs(out, raw, space, true);
}

/// Appends `s` to `out` with each run of whitespace (space, tab, newline, carriage return and,
/// when `form_feed`, form feed: HTML's whitespace) as one `' '`; `space`: `out` already ends with
/// one (a leading run then adds nothing). Text between the runs that must change is copied as
/// slices: an already single-spaced text is one copy. A flag, not a predicate: one copy of the
/// loop serves the sanitizer and the plain text.
pub fn collapse_runs(out: &mut String, s: &str, mut space: bool, form_feed: bool) {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r') || (form_feed && c == b'\x0c');
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !is_space(c) {
            space = false;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if c == b' ' && j == i + 1 && !space {
            // A lone space after text: kept as it is, in the run being copied.
            space = true;
            i = j;
            continue;
        }
        out.push_str(s.get(run..i).unwrap_or(""));
        if !space {
            out.push(' ');
            space = true;
        }
        run = j;
        i = j;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

pub struct Walk<'a> {
    doc: &'a Doc,
    /// (node, next child index; usize::MAX = not entered yet)
    stack: Vec<(u32, usize)>,
}

impl Iterator for Walk<'_> {
    type Item = Step;
    fn next(&mut self) -> Option<Step> {
        let top = self.stack.last_mut()?;
        let (id, next) = *top;
        if next == usize::MAX {
            top.1 = 0;
            return Some(Step::Enter(id));
        }
        match self.doc.children(id).get(next) {
            Some(&c) => {
                top.1 += 1;
                self.stack.push((c, 0));
                Some(Step::Enter(c))
            }
            None => {
                self.stack.pop();
                Some(Step::Exit(id))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `collapse_runs` stated char by char.
    fn collapse_reference(out: &mut String, s: &str, mut space: bool, is_space: impl Fn(u8) -> bool) {
        for c in s.chars() {
            if c.is_ascii() && is_space(c as u8) {
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

    #[test]
    fn element_names_follow_the_declaration_order() {
        assert_eq!(El::H1.name(), "h1");
        assert_eq!(El::Blockquote.name(), "blockquote");
        assert_eq!(El::Tfoot.name(), "tfoot");
        assert_eq!(El::Time.name(), "time");
        assert_eq!(El::Span.name(), "span");
    }

    #[test]
    fn escapes_replace_each_listed_byte() {
        const E: Escapes = Escapes::new(b"&< ", "&amp; &lt; %20");
        let mut out = String::from(">");
        E.push(&mut out, "a&b<c d\u{e9}&");
        assert_eq!(out, ">a&amp;b&lt;c%20d\u{e9}&amp;");
    }

    #[test]
    fn blank_is_trim_empty() {
        for t in ["", " ", "\u{b}", "\u{c}\r\n", "\u{a0}", "\u{3000}x", "x ", " x", "\u{85}", "é", "\u{1}"] {
            assert_eq!(is_blank(t), t.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn collapses_whitespace_runs_like_a_char_loop() {
        let parts = ["", " ", "  ", "\n", " \t ", "a", "b c", "\u{a0}", "é", "\x0c", "x\r\ny"];
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = format!("{a}{b}{c}");
                    for space in [false, true] {
                        for prefix in ["", "p"] {
                            let (mut got, mut want) = (prefix.to_owned(), prefix.to_owned());
                            collapse_runs(&mut got, &s, space, true);
                            collapse_reference(&mut want, &s, space, is_html_space_byte);
                            assert_eq!(got, want, "{s:?} {space}");
                            let (mut got, mut want) = (prefix.to_owned(), prefix.to_owned());
                            collapse_runs(&mut got, &s, space, false);
                            collapse_reference(&mut want, &s, space, |b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
                            assert_eq!(got, want, "{s:?} {space} without form feed");
                        }
                    }
                }
            }
        }
    }
}
