//! The reader tree printed as HTML and as plain text.
//!
//! HTML: every text and attribute value is escaped (`& < > " '`); elements come only from the
//! allow-list in `tree.rs`, so nothing here can produce a script, a frame or a handler.
//! Text: blocks (paragraphs, headings, list items, table rows, captions, pre) separated by
//! blank lines, whitespace collapsed except inside `<pre>`. Embeds are links, not article
//! text, so the text leaves them out.

use super::tree::{collapse_runs, trim_trailing_spaces, Doc, El, Escapes, Kind, Step};

/// Escapes text and attribute values alike.
pub fn escape_into(out: &mut String, s: &str) {
    const HTML: Escapes = Escapes::new(b"&<>\"'", "&amp; &lt; &gt; &quot; &#39;");
    HTML.push(out, s);
}

/// Elements after whose start tag a newline reads well (their content is blocks).
fn breaks_after_open(e: El) -> bool {
    matches!(
        e,
        El::Ul | El::Ol | El::Dl | El::Blockquote | El::Table | El::Thead | El::Tbody | El::Tfoot
            | El::Tr | El::Figure
    )
}

pub fn html(doc: &Doc) -> String {
    let mut out = String::new();
    let mut pre = 0u32;
    // Open elements that hold phrasing content only; an embed there is written inline.
    let mut phrasing = 0u32;
    // At the start of a block or line: leading spaces of text are layout, not content.
    let mut at_start = true;
    for step in doc.walk(0) {
        match step {
            Step::Enter(n) => match doc.kind(n) {
                Kind::Text(t) if pre > 0 => escape_into(&mut out, t),
                Kind::Text(t) => {
                    let t = if at_start { t.trim_start() } else { t };
                    if !t.is_empty() {
                        escape_into(&mut out, t);
                        at_start = false;
                    }
                }
                Kind::El(e, attrs) => {
                    if pre == 0 && (e.is_block() || *e == El::Br) {
                        // Spaces just before a block boundary are source layout.
                        trim_trailing_spaces(&mut out);
                    }
                    out.push('<');
                    out.push_str(e.name());
                    for (k, v) in attrs {
                        out.push(' ');
                        out.push_str(k);
                        out.push_str("=\"");
                        escape_into(&mut out, v);
                        out.push('"');
                    }
                    out.push('>');
                    at_start = e.is_block() || *e == El::Br || (at_start && *e != El::Img);
                    if e.is_void() {
                        if pre == 0 && *e == El::Hr {
                            out.push('\n');
                        }
                        continue;
                    }
                    if *e == El::Pre {
                        pre += 1;
                    }
                    if !e.is_block() || e.is_phrasing_block() {
                        phrasing += 1;
                    }
                    if pre == 0 && breaks_after_open(*e) {
                        out.push('\n');
                    }
                }
                Kind::Embed(label, url) => {
                    if phrasing > 0 {
                        if !at_start && !out.ends_with(' ') {
                            out.push(' ');
                        }
                    } else {
                        out.push_str("<p>");
                    }
                    out.push_str(label);
                    out.push_str(": <a href=\"");
                    escape_into(&mut out, url);
                    out.push_str("\">");
                    escape_into(&mut out, url);
                    out.push_str("</a>");
                    if phrasing == 0 {
                        out.push_str("</p>\n");
                    }
                    at_start = phrasing == 0;
                }
                Kind::Root | Kind::Break => {}
            },
            Step::Exit(n) => {
                if let Kind::El(e, _) = doc.kind(n) {
                    if e.is_void() {
                        continue;
                    }
                    if pre == 0 && e.is_block() {
                        trim_trailing_spaces(&mut out);
                        at_start = true;
                    }
                    out.push_str("</");
                    out.push_str(e.name());
                    out.push('>');
                    if *e == El::Pre {
                        pre = pre.saturating_sub(1);
                    }
                    if !e.is_block() || e.is_phrasing_block() {
                        phrasing = phrasing.saturating_sub(1);
                    }
                    if pre == 0 && e.is_block() {
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// Separator between cells of a table row in the plain text.
const CELL_SEPARATOR: &str = " | ";

/// Plain-text accumulator: the finished blocks (already joined by blank lines) plus the block
/// being filled.
#[derive(Default)]
struct TextOut {
    out: String,
    cur: String,
}

impl TextOut {
    /// Appends inline text with whitespace collapsed (no space after a line start).
    fn push(&mut self, s: &str) {
        let space = matches!(self.cur.as_bytes().last(), None | Some(b' ' | b'\n'));
        // Space, tab, newline and carriage return (not form feed: HTML's other whitespace).
        collapse_runs(&mut self.cur, s, space, false);
    }

    fn newline(&mut self) {
        trim_trailing_spaces(&mut self.cur);
        self.cur.push('\n');
    }

    /// Ends the current block: lines trimmed, empty lines dropped.
    fn flush(&mut self) {
        let mut first = true;
        for l in super::tree::lines(&self.cur) {
            let l = l.trim();
            if l.is_empty() {
                continue;
            }
            if first {
                separate(&mut self.out);
                first = false;
            } else {
                self.out.push('\n');
            }
            self.out.push_str(l);
        }
        self.cur.clear();
    }

    /// Ends a preformatted block: kept verbatim but for blank lines at its edges.
    fn flush_pre(&mut self) {
        let body = super::tree::trim_start_newlines(self.cur.trim_end());
        if !body.trim().is_empty() {
            separate(&mut self.out);
            self.out.push_str(body);
        }
        self.cur.clear();
    }
}

/// The blank line before a block, unless it is the first.
fn separate(out: &mut String) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

pub fn text(doc: &Doc) -> String {
    let mut t = TextOut::default();
    let mut pre = 0u32;
    let mut row = 0u32;
    let mut skip = 0u32;
    for step in doc.walk(0) {
        // Entering and leaving an element share the block arms at the end.
        let (n, enter) = match step {
            Step::Enter(n) => (n, true),
            Step::Exit(n) => (n, false),
        };
        match doc.kind(n) {
            Kind::Text(s) if enter && skip == 0 => {
                if pre > 0 {
                    t.cur.push_str(s);
                } else {
                    t.push(s);
                }
            }
            Kind::El(e, _) => match (*e, enter) {
                (El::Rt | El::Rp, true) => skip += 1,
                (El::Rt | El::Rp, false) => skip = skip.saturating_sub(1),
                (El::Br, true) if pre > 0 => t.cur.push('\n'),
                (El::Br, true) => t.newline(),
                (El::Tr, true) => {
                    t.flush();
                    row += 1;
                }
                (El::Tr, false) => {
                    row = row.saturating_sub(1);
                    let l = crate::text::trim_end_str(&t.cur, CELL_SEPARATOR).trim_end().len();
                    t.cur.truncate(l);
                    t.flush();
                }
                (El::Td | El::Th, false) if row > 0 => {
                    let l = t.cur.trim_end().len();
                    t.cur.truncate(l);
                    t.cur.push_str(CELL_SEPARATOR);
                }
                (El::Pre, true) if row == 0 => {
                    t.flush();
                    pre += 1;
                }
                (El::Pre, false) if row == 0 && pre > 0 => {
                    pre -= 1;
                    t.flush_pre();
                }
                (e, _) if e.is_block() && row > 0 => t.push(" "),
                (e, _) if e.is_block() => t.flush(),
                _ => {}
            },
            _ => {}
        }
    }
    if pre > 0 {
        t.flush_pre();
    } else {
        t.flush();
    }
    t.out
}
