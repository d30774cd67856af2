//! The walk: article subtree in, allow-listed [`Doc`] out.
//!
//! One pass over the contiguous id range of the article root, with an explicit stack of open
//! elements (no recursion). Each element is kept as an allow-listed element with rebuilt
//! attributes, unwrapped (spans, divs, sections: their content stays, a block leaves a
//! [`Kind::Break`]), turned into a link paragraph (allow-listed embeds), or dropped with its
//! subtree (scripts, styles, forms and controls, frames, SVG/MathML, hidden nodes, clutter;
//! a form that wraps prose and an accordion button with a real label are unwrapped instead).
//! Attributes are never copied: each kept element gets only the attributes named here, with
//! values checked (URLs through `urls::clean`, numbers parsed), so `on*`, `style`, `class`,
//! `id`, `srcdoc`, `xlink:href` and friends cannot reach the output.

use super::media;
use super::meta::{self, Hints};
use super::tree::{is_blank, is_html_space_byte, Doc, El, Kind};
use super::urls::{self, Use};
use crate::analysis::{Clutter, Metadata};
use crate::snapshot::{Node, NodeId, NodeKind, Snapshot, Tag};

/// The snapshot builder's own map type (name -> id): one copy of the table code serves the
/// builder and the reader.
type Map = crate::snapshot::NameMap<NodeId>;

/// Paragraphs with at most this much text get an `id="sift-N"` anchor too: numbered lines
/// ("1.2", "IV. ...") that the outline may list as pseudo-headings are short.
pub const DEFAULT_ANCHOR_MAX_CHARS: u32 = 200;

/// A paragraph with at least this much text is prose (for [`DEFAULT_FORM_PROSE_PARAGRAPHS`]).
pub const DEFAULT_PROSE_PARAGRAPH_CHARS: u32 = 80;

/// A `<form>` holding this many prose paragraphs wraps content, not a form to fill in.
pub const DEFAULT_FORM_PROSE_PARAGRAPHS: usize = 2;

/// A disclosure button (`aria-expanded`/`aria-controls`) with at least this much text is an
/// accordion title (an FAQ question), kept as text; shorter ones ("Menu", "More") are controls.
pub const DEFAULT_DISCLOSURE_MIN_CHARS: u32 = 20;

/// A `<form>` with this much text outside its controls and links wraps content (a forum
/// thread inside a moderation form); comment and sign-up forms have a few hundred at most.
pub const DEFAULT_FORM_PROSE_CHARS: u32 = 600;

/// Largest `colspan` / `rowspan` kept (browsers clamp at 1000 / 65534 anyway).
const MAX_SPAN: u32 = 1000;

/// What to do with one input element.
enum Action {
    /// Drop the element and its subtree.
    Drop,
    /// Keep the content, lose the element; nothing marks its boundary.
    Inline,
    /// Keep the content, lose the element; its boundaries are block breaks.
    Block,
    /// Emit this element with these attributes.
    Keep(El, Vec<(&'static str, String)>),
    /// Emit this void element (its subtree is skipped).
    Void(El, Vec<(&'static str, String)>),
    /// Emit a link paragraph for an embed (its subtree is skipped).
    Embed(&'static str, String),
    /// A table used for layout: unwrapped like a block, its cells too.
    LayoutTable,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pop {
    Nothing,
    Break,
    Pre,
    Table,
    LayoutTable,
}

#[derive(Clone, Copy)]
struct Frame {
    end: NodeId,
    out: u32,
    pop: Pop,
}

struct Walker<'a> {
    snap: &'a Snapshot,
    /// What relative URLs resolve against (see [`effective_base`]).
    base: Option<String>,
    /// In-article fragment targets: `href="#x"` links point at node `x` as `#sift-N` (see
    /// [`fragment_targets`]; [`NO_TARGET`] for a fragment without one).
    targets: Map,
    /// Clutter to skip and fragment targets, per article node.
    marks: Marks,
    seen_heading: bool,
    doc: Doc,
    pre_depth: u32,
    /// One entry per open `<table>`: is it a layout table (unwrapped)?
    tables: Vec<bool>,
    /// Before the article's first real content: meta blocks (byline, date, category link) that
    /// the reader view's header already shows are dropped here (see `meta`).
    leading: bool,
    /// What the header shows; the first heading equal to its title is the page title, not
    /// content.
    hints: Hints,
    /// The last image emitted: (reader node, snapshot node).
    last_img: Option<(u32, NodeId)>,
}

/// One flag byte per node of the article's id range (`root..end`).
pub struct Marks {
    root: NodeId,
    flags: Vec<u8>,
}

impl Marks {
    /// Clutter strictly inside the article: skipped with its subtree.
    const SKIP: u8 = 1;
    /// The target of an in-article fragment link: gets a `sift-N` anchor.
    const TARGET: u8 = 2;

    fn get(&self, i: NodeId) -> u8 {
        i.checked_sub(self.root).and_then(|k| self.flags.get(k as usize)).copied().unwrap_or(0)
    }

    fn set(&mut self, i: NodeId, flag: u8) {
        if let Some(f) = i.checked_sub(self.root).and_then(|k| self.flags.get_mut(k as usize)) {
            *f |= flag;
        }
    }

    /// Is `i` a clutter node inside the article?
    pub fn is_skipped(&self, i: NodeId) -> bool {
        self.get(i) & Marks::SKIP != 0
    }
}

/// Builds the reader tree for the article at `root`. `meta` is what the reader view's header
/// shows: a first heading repeating its title and leading meta blocks are left out.
pub fn sanitize(snap: &Snapshot, root: NodeId, clutter: &[Clutter], meta: &Metadata) -> Doc {
    let Some(root_node) = snap.nodes.get(root as usize) else {
        return Doc::default();
    };
    let end = root_node.end.min(snap.len() as NodeId);
    let targets = fragment_targets(snap, root, end);
    let mut marks = Marks { root, flags: vec![0; end.saturating_sub(root) as usize] };
    // Clutter strictly inside the article; a decision covering the root itself is ignored.
    for c in clutter {
        if c.node > root && c.node < end {
            marks.set(c.node, Marks::SKIP);
        }
    }
    for &t in targets.values() {
        // (`NO_TARGET` is outside the article: no flag is set for it.)
        marks.set(t, Marks::TARGET);
    }
    let mut w = Walker {
        snap,
        base: effective_base(snap),
        targets,
        marks,
        seen_heading: false,
        doc: Doc::default(),
        pre_depth: 0,
        tables: Vec::new(),
        leading: true,
        hints: Hints::new(meta),
        last_img: None,
    };
    let mut stack: Vec<Frame> = Vec::new();
    stack.push(Frame { end, out: 0, pop: Pop::Nothing });
    let mut i = root;
    while i < end {
        w.unwind(&mut stack, i);
        let out = stack.last().map_or(0, |f| f.out);
        let Some(n) = snap.nodes.get(i as usize) else { break };
        let next = n.end.max(i + 1);
        if n.kind == NodeKind::Text {
            w.text(out, snap.own_text(i));
            i += 1;
            continue;
        }
        // A `<noscript>` is display:none wherever scripts run; its image fallback is still read.
        if i != root && ((n.hidden_self && n.tag != Tag::Noscript) || w.marks.is_skipped(i)) {
            i = next;
            continue;
        }
        if w.leading
            && i != root
            && n.tag.is_block()
            && !w.in_phrasing(out)
            && meta::is_leading_meta(snap, i, &w.hints, !w.seen_heading, &w.marks)
        {
            i = next;
            continue;
        }
        let mut action = w.action(i, n, out);
        if w.leading && ends_leading(n, &action) {
            w.leading = false;
        }
        if i == root && matches!(action, Action::Drop) {
            // The article itself is never dropped (pages wrapped whole in a <form>, say).
            action = Action::Block;
        }
        if let Action::Keep(_, attrs) = &mut action {
            push_lang_dir(attrs, snap, i);
        }
        if w.marks.get(i) & Marks::TARGET != 0 {
            add_target_anchor(&mut action, i, &mut w.doc, out);
        }
        // What the element's content goes into (and what closing it does), when it has some.
        let open = match action {
            Action::Drop => None,
            Action::Inline => Some((out, Pop::Nothing)),
            Action::Block => {
                w.doc.push(out, Kind::Break);
                Some((out, Pop::Break))
            }
            Action::LayoutTable => {
                w.doc.push(out, Kind::Break);
                Some((out, Pop::LayoutTable))
            }
            Action::Keep(el, attrs) => {
                let id = w.doc.push(out, Kind::El(el, attrs));
                let pop = match el {
                    El::Pre => {
                        w.pre_depth += 1;
                        Pop::Pre
                    }
                    El::Table => Pop::Table,
                    _ => Pop::Nothing,
                };
                Some((id, pop))
            }
            Action::Void(el, attrs) => {
                let kept = if n.tag == Tag::Noscript { w.replace_preview(out, i, attrs) } else { Some(attrs) };
                if let Some(attrs) = kept {
                    let o = w.doc.push(out, Kind::El(el, attrs));
                    if el == El::Img {
                        w.last_img = Some((o, i));
                    }
                }
                None
            }
            Action::Embed(label, url) => {
                w.doc.push(out, Kind::Embed(label, url));
                None
            }
        };
        match open {
            Some((out, pop)) => {
                stack.push(Frame { end: next, out, pop });
                i += 1;
            }
            None => i = next,
        }
    }
    w.unwind(&mut stack, NodeId::MAX);
    w.doc
}

/// Lower-case, whitespace-collapsed text for comparing a heading with the title.
pub fn normalize_title(s: &str) -> String {
    crate::text::lower(&crate::text::words(s))
}

/// Separators between a title and a site name ("Title - Site", "Site | Title").
const TITLE_SEPARATORS: &[char] = &['-', '|', '\u{2013}', '\u{2014}', ':', '\u{00b7}', '\u{00bb}', '/'];

/// Is `heading` the page title, alone or with a site name before or after a separator? Both
/// are normalized ([`normalize_title`]): their only whitespace is single spaces between words.
fn same_title(heading: &str, title: &str) -> bool {
    if heading.is_empty() {
        return false;
    }
    if heading == title {
        return true;
    }
    let is_sep = |c: char| TITLE_SEPARATORS.contains(&c);
    // "Heading - Site": the title goes on with a space and a separator.
    let sep_after = title.strip_prefix(heading).and_then(|r| r.strip_prefix(" ")).and_then(|r| r.chars().next());
    if matches!(sep_after, Some(c) if is_sep(c)) {
        return true;
    }
    // "Site | Heading": a separator and a space come before it.
    let sep_before = title.strip_suffix(heading).and_then(|r| r.strip_suffix(" ")).and_then(|r| r.chars().next_back());
    matches!(sep_before, Some(c) if is_sep(c))
}

/// Does emitting `action` for element `n` end the article's leading part (where meta blocks
/// are looked for)? A prose paragraph, a kept heading, a list, table, quote or code block do.
fn ends_leading(n: &Node, action: &Action) -> bool {
    match action {
        Action::Keep(El::P, _) => n.text_len >= DEFAULT_PROSE_PARAGRAPH_CHARS,
        Action::Keep(el, _) => {
            el.is_heading() || matches!(el, El::Ul | El::Ol | El::Dl | El::Table | El::Pre | El::Blockquote)
        }
        _ => false,
    }
}

impl Walker<'_> {
    /// Closes the open elements that end at or before `upto`, innermost first (for
    /// `NodeId::MAX`, all of them but the article's own frame).
    fn unwind(&mut self, stack: &mut Vec<Frame>, upto: NodeId) {
        while let [.., parent, f] = stack.as_slice() {
            if f.end > upto {
                break;
            }
            let (f, parent_out) = (*f, parent.out);
            stack.pop();
            self.close(&f, parent_out);
        }
    }

    fn close(&mut self, f: &Frame, parent_out: u32) {
        match f.pop {
            Pop::Nothing => {}
            Pop::Break => {
                self.doc.push(parent_out, Kind::Break);
            }
            Pop::Pre => self.pre_depth = self.pre_depth.saturating_sub(1),
            Pop::Table => {
                self.tables.pop();
            }
            Pop::LayoutTable => {
                self.tables.pop();
                self.doc.push(parent_out, Kind::Break);
            }
        }
    }

    fn text(&mut self, out: u32, raw: &str) {
        if self.pre_depth > 0 {
            self.doc.push_text(out, raw, true);
            return;
        }
        if raw.is_empty() {
            return;
        }
        // Whitespace only: collapsed, it is one space (layout between structural children).
        if self.doc.el(out).is_some_and(El::is_structural) && raw.bytes().all(is_html_space_byte) {
            return;
        }
        if self.leading {
            // Characters other than whitespace (UTF-8 continuation bytes do not start one).
            let (b, mut i, mut chars) = (raw.as_bytes(), 0, 0);
            while i < b.len() {
                if !is_html_space_byte(b[i]) && b[i] & 0xc0 != 0x80 {
                    chars += 1;
                    if chars >= DEFAULT_PROSE_PARAGRAPH_CHARS {
                        self.leading = false;
                        break;
                    }
                }
                i += 1;
            }
        }
        self.doc.push_collapsed(out, raw);
    }

    /// A `<noscript>` image (snapshot node `ns`) takes the place of the low-resolution preview
    /// shown just before it (Medium-style: a blurred thumbnail, then the real image in
    /// `<noscript>`): the last content under `out` is an image from the noscript's close
    /// neighbourhood (its grandparent's subtree). Gives `attrs` back when it did not.
    fn replace_preview(
        &mut self,
        out: u32,
        ns: NodeId,
        attrs: Vec<(&'static str, String)>,
    ) -> Option<Vec<(&'static str, String)>> {
        let Some((img, src)) = self.last_img else { return Some(attrs) };
        let children = self.doc.children(out);
        let mut last = None;
        for &c in children.iter().rev() {
            let content = match self.doc.kind(c) {
                Kind::Break => false,
                Kind::Text(t) => !is_blank(t),
                _ => true,
            };
            if content {
                last = Some(c);
                break;
            }
        }
        let near = self.snap.parent(ns).and_then(|p| self.snap.parent(p)).is_some_and(|g| self.snap.contains(g, src));
        if last != Some(img) || !near {
            return Some(attrs);
        }
        match self.doc.nodes.get_mut(img as usize) {
            Some(node) => {
                node.kind = Kind::El(El::Img, attrs);
                None
            }
            None => Some(attrs),
        }
    }

    /// Inside a paragraph-like block or an inline element (an unknown element there is inline).
    fn in_phrasing(&self, out: u32) -> bool {
        self.doc.el(out).is_some_and(|e| !e.is_block() || e.is_phrasing_block())
    }

    /// Some sites wrap whole articles in a `<form>` (ASP.NET pages, product pages): such a form is
    /// unwrapped (its controls are still dropped one by one) instead of dropped with its prose.
    fn form_holds_prose(&self, id: NodeId, node: &Node) -> bool {
        let snap = self.snap;
        let mut paragraphs = 0;
        // Text inside the controls (labels, options and buttons are the form's own words),
        // each control counted once: `control_end` ends the one we are in.
        let mut control_text = 0u32;
        let mut control_end = 0;
        for i in snap.subtree(id) {
            let n = snap.node(i);
            if n.tag == Tag::P && n.text_len >= DEFAULT_PROSE_PARAGRAPH_CHARS {
                paragraphs += 1;
                if paragraphs >= DEFAULT_FORM_PROSE_PARAGRAPHS {
                    return true;
                }
            }
            let control = matches!(n.tag, Tag::Select | Tag::Textarea | Tag::Button | Tag::Label | Tag::Option | Tag::Legend);
            if control && i >= control_end {
                control_text = control_text.saturating_add(n.text_len);
                control_end = n.end;
            }
        }
        let prose = node.text_len.saturating_sub(control_text).saturating_sub(node.link_text_len);
        prose >= DEFAULT_FORM_PROSE_CHARS
    }

    /// Buttons are controls, except accordion/disclosure toggles whose label is the content
    /// (FAQ questions) and buttons inside headings.
    fn button_holds_content(&self, id: NodeId, node: &Node, out: u32) -> bool {
        let snap = self.snap;
        let in_heading = self.doc.el(out).is_some_and(El::is_heading);
        let toggle = snap.attr(id, "aria-expanded").is_some() || snap.attr(id, "aria-controls").is_some();
        in_heading || (toggle && node.text_len >= DEFAULT_DISCLOSURE_MIN_CHARS)
    }

    /// The in-article node a `href="#x"` link points at.
    fn in_article_fragment(&self, id: NodeId) -> Option<NodeId> {
        if self.targets.is_empty() {
            return None;
        }
        let frag = fragment(self.snap, id)?;
        self.targets.get(frag).copied().filter(|&t| t != NO_TARGET)
    }

    fn in_layout_table(&self) -> bool {
        self.tables.last().copied().unwrap_or(false)
    }

    /// What becomes of element `id` (its node `n`): the arms that keep it give its attributes,
    /// the element kept is [`plain_el`]'s for its tag (one `Action::Keep` built for all of them).
    fn action(&mut self, id: NodeId, n: &Node, out: u32) -> Action {
        use Tag::*;
        let snap = self.snap;
        let tag = n.tag;
        if matches!(tag, P | Div) && !self.in_phrasing(out) {
            if let Some(level) = aria_heading_level(snap, id) {
                return self.heading(id, level);
            }
        }
        let attrs = match tag {
            Form if self.form_holds_prose(id, n) => return Action::Block,
            Button if self.button_holds_content(id, n, out) => return Action::Inline,
            Noscript | Img | Picture => {
                let base = self.base.as_deref();
                let attrs = match tag {
                    Noscript => media::noscript_image(snap, id, base),
                    Img => media::image(snap, id, base),
                    _ => media::picture(snap, id, base),
                };
                return match attrs {
                    Some(a) => Action::Void(El::Img, a),
                    None => Action::Drop,
                };
            }
            Script | Style | Template | Head | Title | Meta | Link | Svg | Math | Form
            | Input | Textarea | Select | Option | Optgroup | Button | Fieldset | Legend | Label
            | Output | Canvas | Dialog | Source | Wbr => return Action::Drop,
            Iframe | Embed | Object | Video | Audio => {
                let base = self.base.as_deref();
                let shown = match tag {
                    Video | Audio => media::media(snap, id, base),
                    _ => media::embed(snap, id, base),
                };
                return match shown {
                    Some((label, url)) => Action::Embed(label, url),
                    None => Action::Drop,
                };
            }
            Br | Hr => return Action::Void(plain_el(tag), Vec::new()),
            H1 | H2 | H3 | H4 | H5 | H6 => return self.heading(id, tag.heading_level().unwrap_or(6)),
            P => self.anchor_for_p(id, n),
            A => match self.in_article_fragment(id) {
                Some(t) => sift_attr("href", "#sift-", t),
                None => match snap.attr(id, "href").and_then(|h| urls::clean(h, self.base.as_deref(), Use::Link)) {
                    Some(href) => {
                        let mut attrs = Vec::with_capacity(2);
                        attrs.push(("href", href));
                        push_text_attr(&mut attrs, snap, id, "title");
                        attrs
                    }
                    None => return Action::Inline,
                },
            },
            Ol => {
                let mut attrs = Vec::new();
                push_int_attr(&mut attrs, snap, id, "start");
                if let Some(t) = attr_trim(snap, id, "type") {
                    if matches!(t.as_bytes(), [b'1' | b'a' | b'A' | b'i' | b'I']) {
                        push_attr(&mut attrs, "type", t);
                    }
                }
                if snap.attr(id, "reversed").is_some() {
                    push_attr(&mut attrs, "reversed", "");
                }
                attrs
            }
            Li => {
                let mut attrs = Vec::new();
                push_int_attr(&mut attrs, snap, id, "value");
                attrs
            }
            Table => {
                let layout = is_layout_table(snap, id);
                self.tables.push(layout);
                if layout {
                    return Action::LayoutTable;
                }
                Vec::new()
            }
            Caption | Thead | Tbody | Tfoot | Tr | Td | Th if self.in_layout_table() => return Action::Block,
            Td | Th => {
                let mut attrs = Vec::new();
                for &a in &["colspan", "rowspan"] {
                    if let Some(v) = attr_trim(snap, id, a).and_then(crate::text::parse_u32) {
                        if v > 1 {
                            attrs.push((a, crate::text::cat!(v.min(MAX_SPAN))));
                        }
                    }
                }
                if tag == Th {
                    if let Some(s) = keyword(snap, id, "scope", &["row", "col", "rowgroup", "colgroup"]) {
                        push_attr(&mut attrs, "scope", s);
                    }
                }
                attrs
            }
            Strong | B => self.anchor_for_bold(id),
            Abbr => text_attr(snap, id, "title"),
            Time => text_attr(snap, id, "datetime"),
            // Kept without attributes (after the layout-table arms above).
            Ul | Menu | Dl | Dt | Dd | Blockquote | Pre | Code | Caption | Thead | Tbody | Tfoot | Tr | Figure
            | Figcaption | Em | I | U | S | Del | Ins | Sub | Sup | Mark | Small | Q | Kbd | Samp | Var | Dfn => {
                Vec::new()
            }
            Span | Font => return Action::Inline,
            Div if self.is_pseudo_heading(id) => return Action::Keep(El::P, anchor(id)),
            Address | Article | Aside | Body | Details | Div | Footer | Header | Html | Main | Nav
            | Section | Summary => return Action::Block,
            Text => return Action::Inline,
            Other => return self.other(id, out),
        };
        Action::Keep(plain_el(tag), attrs)
    }

    /// Elements the snapshot does not name: by tag name ([`OTHER_TAGS`]).
    fn other(&self, id: NodeId, out: u32) -> Action {
        let name = self.snap.tag_name(id).as_bytes();
        let known = crate::text::packed_iter(OTHER_TAGS).position(|w| w == name);
        match known.and_then(|k| OTHER_ACTIONS.get(k)) {
            Some(Other::Drop) => Action::Drop,
            Some(Other::Inline) => Action::Inline,
            Some(Other::Block) => Action::Block,
            Some(&Other::Keep(el)) => {
                Action::Keep(el, if el == El::Abbr { text_attr(self.snap, id, "title") } else { Vec::new() })
            }
            // Custom and unknown elements: inline inside a paragraph, a block elsewhere.
            None if self.in_phrasing(out) => Action::Inline,
            None => Action::Block,
        }
    }

    fn heading(&mut self, id: NodeId, level: u8) -> Action {
        let first = !self.seen_heading;
        self.seen_heading = true;
        if first {
            if let Some(t) = self.hints.title() {
                if same_title(&normalize_title(&self.snap.text_of(id)), t) {
                    return Action::Drop;
                }
            }
        }
        Action::Keep(El::heading(level), anchor(id))
    }

    fn anchor_for_p(&self, id: NodeId, n: &Node) -> Vec<(&'static str, String)> {
        let short = n.text_len <= DEFAULT_ANCHOR_MAX_CHARS;
        if short || self.is_pseudo_heading(id) {
            anchor(id)
        } else {
            Vec::new()
        }
    }

    /// The bold element of a pseudo-heading carries its own anchor too: an outline may point at
    /// the paragraph or at the bold run inside it.
    fn anchor_for_bold(&self, id: NodeId) -> Vec<(&'static str, String)> {
        let snap = self.snap;
        // Up through inline wrappers to the first paragraph or div whose bold run this is.
        for a in snap.ancestors(id) {
            match snap.tag(a) {
                Tag::P | Tag::Div if self.bold_of(a) == Some(id) => return anchor(id),
                Tag::Span | Tag::Font | Tag::Other | Tag::A | Tag::P | Tag::Div => {}
                _ => break,
            }
        }
        Vec::new()
    }

    /// A block whose whole visible text is one `<strong>`/`<b>` (a section title written as a
    /// bold paragraph).
    fn is_pseudo_heading(&self, id: NodeId) -> bool {
        self.bold_of(id).is_some()
    }

    /// The single `<strong>`/`<b>` holding all of `id`'s text, looking through wrappers.
    fn bold_of(&self, id: NodeId) -> Option<NodeId> {
        let snap = self.snap;
        if snap.node(id).text_len == 0 {
            return None;
        }
        let mut cur = id;
        loop {
            // The one child with content, and its tag.
            let mut only: Option<(NodeId, Tag)> = None;
            for c in snap.children(cur) {
                let n = snap.node(c);
                let silent = n.hidden_self || (n.kind == NodeKind::Element && n.tag.is_non_content());
                if silent || (n.kind == NodeKind::Element && n.tag == Tag::Br) {
                    continue;
                }
                if n.kind == NodeKind::Text {
                    if snap.own_text(c).bytes().all(is_html_space_byte) {
                        continue;
                    }
                    return None;
                }
                if only.is_some() {
                    return None;
                }
                only = Some((c, n.tag));
            }
            let (c, tag) = only?;
            match tag {
                Tag::Strong | Tag::B => return Some(c),
                Tag::Span | Tag::Font | Tag::A | Tag::Other => cur = c,
                _ => return None,
            }
        }
    }
}

/// The element kept for a tag that `Walker::action` keeps (one table, not one `Action` built
/// per arm).
fn plain_el(tag: Tag) -> El {
    PLAIN_ELS.iter().find(|(t, _)| *t == tag).map_or(El::Span, |&(_, el)| el)
}

/// [`plain_el`]'s table, the usual tags first: a few bytes per pair, where a `match` compiles
/// to a jump table with code per arm.
const PLAIN_ELS: [(Tag, El); 43] = [
    (Tag::P, El::P),
    (Tag::A, El::A),
    (Tag::Li, El::Li),
    (Tag::Td, El::Td),
    (Tag::Strong, El::Strong),
    (Tag::B, El::B),
    (Tag::Br, El::Br),
    (Tag::Th, El::Th),
    (Tag::Ol, El::Ol),
    (Tag::Table, El::Table),
    (Tag::Hr, El::Hr),
    (Tag::Em, El::Em),
    (Tag::I, El::I),
    (Tag::Ul, El::Ul),
    (Tag::Tr, El::Tr),
    (Tag::Tbody, El::Tbody),
    (Tag::Code, El::Code),
    (Tag::Sup, El::Sup),
    (Tag::Figure, El::Figure),
    (Tag::Figcaption, El::Figcaption),
    (Tag::Blockquote, El::Blockquote),
    (Tag::Small, El::Small),
    (Tag::Pre, El::Pre),
    (Tag::Thead, El::Thead),
    (Tag::Dl, El::Dl),
    (Tag::Dt, El::Dt),
    (Tag::Dd, El::Dd),
    (Tag::U, El::U),
    (Tag::S, El::S),
    (Tag::Sub, El::Sub),
    (Tag::Del, El::Del),
    (Tag::Ins, El::Ins),
    (Tag::Mark, El::Mark),
    (Tag::Q, El::Q),
    (Tag::Kbd, El::Kbd),
    (Tag::Samp, El::Samp),
    (Tag::Var, El::Var),
    (Tag::Dfn, El::Dfn),
    (Tag::Caption, El::Caption),
    (Tag::Tfoot, El::Tfoot),
    (Tag::Menu, El::Ul),
    (Tag::Abbr, El::Abbr),
    (Tag::Time, El::Time),
];

/// What becomes of an element the snapshot does not name (see [`OTHER_TAGS`]).
enum Other {
    Drop,
    Inline,
    Block,
    /// Kept as this element (`<acronym>` as `<abbr>` with its title).
    Keep(El),
}

/// Tag names `Walker::other` knows, one list for one lookup; [`OTHER_ACTIONS`] says what
/// becomes of each, in the same order.
const OTHER_TAGS: &[u8] = crate::packed_words![
    "base", "frame", "frameset", "applet", "param", "datalist", "keygen", "portal", "noembed",
    "noframes", "xmp", "plaintext", "listing", "selectedcontent", "search-input", "fencedframe",
    "cite", "tt", "strike", "acronym", "ruby", "rt", "rp",
    "big", "nobr", "bdi", "bdo", "data", "slot",
    "center", "hgroup", "search", "marquee",
];

const OTHER_ACTIONS: [Other; 33] = {
    use Other::*;
    [
        Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop, Drop,
        Drop, Drop, Drop, Drop, Drop, Drop, Drop,
        Keep(El::Cite), Keep(El::Code), Keep(El::S), Keep(El::Abbr), Keep(El::Ruby), Keep(El::Rt), Keep(El::Rp),
        Inline, Inline, Inline, Inline, Inline, Inline,
        Block, Block, Block, Block,
    ]
};

/// Gives a fragment target an anchor: kept elements get `id="sift-N"` (unless they have one),
/// unwrapped ones an empty `<span id>` where they start.
fn add_target_anchor(action: &mut Action, id: NodeId, doc: &mut Doc, out: u32) {
    if let Action::Keep(_, attrs) | Action::Void(El::Img, attrs) = action {
        if super::tree::attr(attrs, "id").is_none() {
            attrs.push(("id", sift_id("sift-", id)));
        }
        return;
    }
    match action {
        Action::Inline => *action = Action::Keep(El::Span, anchor(id)),
        Action::Block => {
            doc.push(out, Kind::Break);
            doc.push(out, Kind::El(El::Span, anchor(id)));
            *action = Action::Inline;
        }
        _ => {}
    }
}

/// The page's base for relative URLs: the first `<base href>` (itself resolved against the page
/// URL) when that is an http(s) URL, else the page URL. A `javascript:` base is just ignored.
fn effective_base(snap: &Snapshot) -> Option<String> {
    let page = snap.url.as_deref();
    match snap.base_href().and_then(|h| urls::clean(h, page, Use::Media)) {
        Some(b) if b.starts_with("http://") || b.starts_with("https://") => Some(b),
        _ => page.map(str::to_owned),
    }
}

/// A fragment linked to whose target is not in the article.
const NO_TARGET: NodeId = NodeId::MAX;

/// Fragment links (`href="#x"`) in the article whose target (`id="x"`, or `<a name="x">`) is in
/// the article too: they keep working in the reader document as `#sift-N` (footnotes). Each
/// fragment linked to, with its target (the first element with that id or name), or
/// [`NO_TARGET`].
fn fragment_targets(snap: &Snapshot, root: NodeId, end: NodeId) -> Map {
    let mut targets = Map::default();
    for i in root..end {
        if snap.tag(i) == Tag::A {
            if let Some(f) = fragment(snap, i).filter(|f| !f.is_empty()) {
                targets.insert(f.into(), NO_TARGET);
            }
        }
    }
    if targets.is_empty() {
        return targets;
    }
    for i in root..end {
        let Some(n) = snap.nodes.get(i as usize).filter(|n| n.attrs.0 != n.attrs.1) else { continue };
        let name = if n.tag == Tag::A { snap.attr(i, "name") } else { None };
        for &key in &[snap.attr(i, "id"), name] {
            let Some(key) = key else { continue };
            if targets.get(key) == Some(&NO_TARGET) {
                targets.insert(key.into(), i);
            }
        }
    }
    targets
}

/// The fragment of a `href="#x"` link `id` ("x").
fn fragment(snap: &Snapshot, id: NodeId) -> Option<&str> {
    attr_trim(snap, id, "href")?.strip_prefix("#")
}

fn anchor(id: NodeId) -> Vec<(&'static str, String)> {
    sift_attr("id", "sift-", id)
}

/// Just attribute `name`, `prefix` followed by `id` (an anchor, or a link to one).
fn sift_attr(name: &'static str, prefix: &str, id: NodeId) -> Vec<(&'static str, String)> {
    vec![(name, sift_id(prefix, id))]
}

/// `prefix` followed by `id` in decimal (what `format!` would write, without its machinery).
fn sift_id(prefix: &str, id: NodeId) -> String {
    let mut s = String::with_capacity(prefix.len() + 10);
    s.push_str(prefix);
    crate::json::uint(&mut s, id);
    s
}

/// `dir` (ltr, rtl, auto) and `lang` (a language tag) keep mixed-direction and mixed-language
/// passages readable; both values are checked, not copied.
fn push_lang_dir(attrs: &mut Vec<(&'static str, String)>, snap: &Snapshot, id: NodeId) {
    if let Some(d) = keyword(snap, id, "dir", &["ltr", "rtl", "auto"]) {
        push_attr(attrs, "dir", d);
    }
    if let Some(l) = attr_trim(snap, id, "lang") {
        let b = l.as_bytes();
        let mut ok = !b.is_empty() && b.len() <= MAX_LANG_LEN;
        let mut i = 0;
        while ok && i < b.len() {
            ok = b[i].is_ascii_alphanumeric() || b[i] == b'-';
            i += 1;
        }
        if ok {
            push_attr(attrs, "lang", l);
        }
    }
}

/// The keyword of `list` (lower case) that attribute `name` of `id`, trimmed, is in any ASCII
/// case.
fn keyword(snap: &Snapshot, id: NodeId, name: &str, list: &[&'static str]) -> Option<&'static str> {
    let v = attr_trim(snap, id, name)?;
    let mut k = 0;
    while k < list.len() {
        if v.eq_ignore_ascii_case(list[k]) {
            return Some(list[k]);
        }
        k += 1;
    }
    None
}

/// Attribute `name` of `id`, trimmed (one copy of the lookup and trim for every caller).
fn attr_trim<'a>(snap: &'a Snapshot, id: NodeId, name: &str) -> Option<&'a str> {
    Some(snap.attr(id, name)?.trim())
}

/// Longest `lang` value kept (BCP 47 tags are short).
const MAX_LANG_LEN: usize = 35;

/// `role="heading"` with its `aria-level` (1..=6, default 2).
fn aria_heading_level(snap: &Snapshot, id: NodeId) -> Option<u8> {
    if !attr_trim(snap, id, "role")?.eq_ignore_ascii_case("heading") {
        return None;
    }
    let level = attr_trim(snap, id, "aria-level").and_then(|l| crate::text::parse_uint(l, 10)).and_then(|n| u8::try_from(n).ok()).unwrap_or(2);
    Some(level.clamp(1, 6))
}

/// An integer attribute (`<ol start>`, `<li value>`), written back as parsed.
fn push_int_attr(attrs: &mut Vec<(&'static str, String)>, snap: &Snapshot, id: NodeId, name: &'static str) {
    if let Some(v) = attr_trim(snap, id, name).and_then(crate::text::parse_i64) {
        attrs.push((name, crate::text::cat!(v)));
    }
}

/// Appends attribute `name` with a copy of `value` (one copy of the push for every caller).
pub(super) fn push_attr(attrs: &mut Vec<(&'static str, String)>, name: &'static str, value: &str) {
    attrs.push((name, value.to_owned()));
}

/// Just the text attribute `name` (see [`push_text_attr`]).
fn text_attr(snap: &Snapshot, id: NodeId, name: &'static str) -> Vec<(&'static str, String)> {
    let mut attrs = Vec::new();
    push_text_attr(&mut attrs, snap, id, name);
    attrs
}

fn push_text_attr(attrs: &mut Vec<(&'static str, String)>, snap: &Snapshot, id: NodeId, name: &'static str) {
    if let Some(v) = attr_trim(snap, id, name).filter(|v| !v.is_empty()) {
        push_attr(attrs, name, v);
    }
}

/// Tables used for page layout rather than data are unwrapped: `role=presentation`, a nested
/// table, or no row with two cells. A caption, header cells or a `<thead>` mark a data table.
fn is_layout_table(snap: &Snapshot, id: NodeId) -> bool {
    if keyword(snap, id, "role", &["presentation", "none"]).is_some() {
        return true;
    }
    let mut header = false;
    let mut wide_row = false;
    let range = snap.subtree(id);
    for i in range.start + 1..range.end {
        match snap.tag(i) {
            Tag::Table => return true,
            Tag::Caption | Tag::Thead | Tag::Th => header = true,
            Tag::Tr => {
                let mut cells = 0;
                for c in snap.children(i) {
                    if matches!(snap.tag(c), Tag::Td | Tag::Th) {
                        cells += 1;
                    }
                }
                wide_row |= cells >= 2;
            }
            _ => {}
        }
    }
    !(header || wide_row)
}
