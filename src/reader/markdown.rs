//! The reader tree as GitHub-flavoured Markdown (CLI `--format markdown`, "Copy as Markdown").
//!
//! Blocks are written line by line under a stack of container prefixes (`> ` for quotes, list
//! markers and their continuation indent), so nesting needs no recursion; inline content of one
//! block is rendered with its own explicit stack. Tables become GFM pipe tables (first row as
//! header), `<pre>` a fenced block longer than any backtick run inside it.

use super::tree::{attr, Doc, El, Escapes, Kind};

/// One open container: what its lines start with.
struct Frame {
    /// The marker of its first line ("- ", "1. ", "> ", ": ").
    first: String,
    rest: String,
    /// The marker line has not been written yet.
    pending: bool,
    is_item: bool,
}

struct Md {
    out: String,
    frames: Vec<Frame>,
    /// The last block was the inline text of a list item (the next item follows tightly).
    after_item_text: bool,
    /// A line of the current block has been written.
    in_block: bool,
}

impl Md {
    /// Writes one line of the current block under the open containers' prefixes; the first
    /// line of a block is preceded by the blank line that separates it from the previous one.
    fn line(&mut self, line: &str) {
        self.start_line();
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// [`Md::line`] up to the line's own text.
    fn start_line(&mut self) {
        if !self.in_block && !self.out.is_empty() {
            let tight = self.after_item_text && self.frames.last().is_some_and(|f| f.is_item && f.pending);
            if !tight {
                // The open containers' continuation prefixes (ASCII: spaces and "> "), without
                // trailing spaces; `out` ends with a newline, so trimming stops there.
                for f in &self.frames {
                    if !f.pending {
                        self.out.push_str(&f.rest);
                    }
                }
                super::tree::trim_trailing_spaces(&mut self.out);
                self.out.push('\n');
            }
        }
        self.in_block = true;
        for f in self.frames.iter_mut() {
            self.out.push_str(if f.pending { &f.first } else { &f.rest });
            f.pending = false;
        }
    }

    /// Ends the current block, if it has a line; `item_text`: it is a list item's inline text.
    fn end(&mut self, item_text: bool) {
        if self.in_block {
            self.after_item_text = item_text;
            self.in_block = false;
        }
    }

    /// A block of one line.
    fn block(&mut self, line: &str) {
        self.line(line);
        self.end(false);
    }

    /// Ends a block of one line written into `out` after [`Md::start_line`] (no `String` for
    /// the line itself).
    fn end_line_block(&mut self) {
        self.out.push('\n');
        self.end(false);
    }

    /// A block of inline Markdown, split into lines (hard breaks end lines). Empty lines and
    /// lone hard breaks are dropped; the last line ends without a hard break.
    fn text(&mut self, s: &str, item_text: bool) {
        // Each kept line (with where it needs a guard, see `guard_at`) is written when the next
        // one is found: the last one loses its hard break.
        let mut held = None;
        for l in super::tree::lines(s) {
            let l = l.trim();
            if !l.is_empty() && l != "\\" {
                if let Some((h, at)) = held {
                    self.guarded_line(h, at);
                }
                held = Some((l, guard_at(l)));
            }
        }
        if let Some((last, at)) = held {
            // Without a final backslash (`last` is trimmed: `trim_end` changes it only then).
            let bare = crate::text::to(last, last.len() - usize::from(last.ends_with('\\'))).trim_end();
            // A guard is never at the end (it goes before a "#", "." and so on).
            if !bare.is_empty() && bare != "\\" {
                self.guarded_line(bare, at);
            }
        }
        self.end(item_text);
    }

    /// A line with a backslash inserted at `at`, if any.
    fn guarded_line(&mut self, l: &str, at: Option<usize>) {
        self.start_line();
        let (head, tail) = crate::text::split_at(l, at.unwrap_or(0));
        self.out.push_str(head);
        if at.is_some() {
            self.out.push('\\');
        }
        self.out.push_str(tail);
        self.out.push('\n');
    }

    /// A fenced code block; the text is kept verbatim.
    fn fenced(&mut self, code: &str) {
        let code = super::tree::trim_start_newlines(code.trim_end());
        let fence = crate::text::repeat("`", longest_run(code, b'`').max(2) + 1);
        self.line(&fence);
        for l in super::tree::lines(code) {
            self.line(l.trim_end_matches('\r'));
        }
        self.block(&fence);
    }
}

/// Lists being written: ordered?, next number.
type ListState = (bool, i64);

pub fn markdown(doc: &Doc, title: Option<&str>) -> String {
    let mut md = Md { out: String::new(), frames: Vec::new(), after_item_text: false, in_block: false };
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        md.start_line();
        md.out.push_str("# ");
        escape_into(&mut md.out, &crate::text::words(t));
        md.end_line_block();
    }
    let mut lists: Vec<ListState> = Vec::new();
    // (container, next child index)
    let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
    while let Some(&(node, idx)) = stack.last() {
        let kids = doc.children(node);
        if idx >= kids.len() {
            // A container pushed a frame (item, quote, definition) or a list when entered.
            stack.pop();
            match doc.el(node) {
                Some(El::Li | El::Blockquote | El::Dd) => {
                    md.frames.pop();
                }
                Some(El::Ul | El::Ol) => {
                    lists.pop();
                }
                _ => {}
            }
            continue;
        }
        let child = kids[idx];
        if is_inline(doc, child) {
            // The whole run of inline siblings is one block.
            let mut end = idx;
            while end < kids.len() && is_inline(doc, kids[end]) {
                end += 1;
            }
            if let Some(top) = stack.last_mut() {
                top.1 = end;
            }
            let in_item = doc.el(node) == Some(El::Li);
            md.text(&inline(doc, kids.get(idx..end).unwrap_or(&[]), false), in_item);
            continue;
        }
        if let Some(top) = stack.last_mut() {
            top.1 += 1;
        }
        match doc.kind(child) {
            Kind::Embed(label, url) => {
                md.start_line();
                embed_into(&mut md.out, label, url);
                md.end_line_block();
            }
            &Kind::El(e, ref attrs) => match e {
                El::H1 | El::H2 | El::H3 | El::H4 | El::H5 | El::H6 => {
                    let level = e.heading_level().unwrap_or(6);
                    let text = inline(doc, doc.children(child), false);
                    let text = crate::text::replace_str(&text, "\n", " ");
                    md.start_line();
                    md.out.push_str(crate::text::to("######", level as usize));
                    md.out.push(' ');
                    md.out.push_str(text.trim_end_matches('\\').trim());
                    md.end_line_block();
                }
                El::P | El::Dt | El::Caption | El::Figcaption => {
                    let mut text = inline(doc, doc.children(child), false);
                    if e == El::Dt {
                        text = crate::text::cat!("**", text.trim(), "**");
                    }
                    md.text(&text, false);
                }
                El::Hr => md.block("---"),
                El::Pre => md.fenced(&doc.text_under(child)),
                El::Table => table(&mut md, doc, child),
                // A container: its children are visited next.
                _ => {
                    match e {
                        El::Ul | El::Ol => {
                            let start = attr_i64(attrs, "start").unwrap_or(1);
                            lists.push((e == El::Ol, start));
                        }
                        El::Li => {
                            let (ordered, n) = lists.last().copied().unwrap_or((false, 1));
                            let n = attr_i64(attrs, "value").unwrap_or(n);
                            if let Some(l) = lists.last_mut() {
                                l.1 = n + 1;
                            }
                            let first = if ordered { crate::text::cat!(n, ". ") } else { "- ".to_owned() };
                            let rest = crate::text::repeat(" ", first.len());
                            md.frames.push(Frame { first, rest, pending: true, is_item: true });
                        }
                        El::Blockquote | El::Dd => {
                            let (first, rest) = if e == El::Dd { (": ", "  ") } else { ("> ", "> ") };
                            md.frames.push(Frame { first: first.into(), rest: rest.into(), pending: true, is_item: false });
                        }
                        _ => {}
                    }
                    stack.push((child, 0));
                }
            },
            _ => {}
        }
    }
    md.out
}

/// An integer attribute (a list's `start`, an item's `value`).
fn attr_i64(attrs: &[(&'static str, String)], name: &str) -> Option<i64> {
    attr(attrs, name).and_then(crate::text::parse_i64)
}

/// Text and inline elements (images and line breaks included) belong to a paragraph run.
fn is_inline(doc: &Doc, id: u32) -> bool {
    match doc.kind(id) {
        Kind::Text(_) => true,
        Kind::El(e, _) => !e.is_block(),
        _ => false,
    }
}

/// Where a line needs a backslash so that it does not start a heading, quote or list: before
/// a "#" or "=", "- " or "+ ", a lone "-", or the "." or ")" after the digits of "1. ", "1)".
fn guard_at(l: &str) -> Option<usize> {
    let b = l.as_bytes();
    let mut digits = 0;
    while digits < b.len() && b[digits].is_ascii_digit() {
        digits += 1;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    // The byte after the digits (if any) and the one after it.
    let (c, next) = (at(digits), at(digits + 1));
    let space_or_end = next == b' ' || b.len() == digits + 1;
    let marker = if digits > 0 {
        matches!(c, b'.' | b')') && space_or_end
    } else {
        // "-" alone or before a space, "+" before a space.
        matches!(c, b'#' | b'=') || (c == b'-' && space_or_end) || (c == b'+' && next == b' ')
    };
    marker.then_some(digits)
}

/// Escapes Markdown punctuation in text, appended to `out`.
fn escape_into(out: &mut String, s: &str) {
    const MARKDOWN: Escapes = Escapes::new(b"\\*_`[]<>|", "\\\\ \\* \\_ \\` \\[ \\] \\< \\> \\|");
    MARKDOWN.push(out, s);
}

/// An embed as a link: `label: [url](url)`, appended to `out`.
fn embed_into(out: &mut String, label: &str, url: &str) {
    out.push_str(label);
    out.push_str(": [");
    escape_into(out, url);
    close_link_into(out, url);
}

/// The end of a link or image after its label: `](target)`, appended to `out`.
fn close_link_into(out: &mut String, target: &str) {
    out.push_str("](");
    link_target_into(out, target);
    out.push(')');
}

/// A link destination, appended to `out`: characters that end or confuse one are percent-encoded.
fn link_target_into(out: &mut String, url: &str) {
    const LINK: Escapes = Escapes::new(b" ()<>", "%20 %28 %29 %3C %3E");
    LINK.push(out, url);
}

/// Inline Markdown of `nodes` and their subtrees. `cell`: inside a table cell (no line breaks).
fn inline(doc: &Doc, nodes: &[u32], cell: bool) -> String {
    let mut s = String::new();
    // Open elements per mark ("*", "**", "~~"): a mark inside the same mark is not repeated.
    let mut open_marks = [0u32; 3];
    // (node, next child, buffer position when entered)
    let mut stack: Vec<(u32, usize, usize)> = Vec::new();
    for &top in nodes.iter().rev() {
        stack.push((top, usize::MAX, 0));
    }
    // Top-level nodes are processed in order: the stack holds them reversed.
    while let Some(&(n, idx, pos)) = stack.last() {
        if idx == usize::MAX {
            if let Some(top) = stack.last_mut() {
                *top = (n, 0, s.len());
            }
            let descend = enter(doc, n, &mut s, cell);
            if !descend {
                stack.pop();
            } else if let Some(m) = mark_of(doc, n) {
                open_marks[m] += 1;
            }
            continue;
        }
        if let Some(&c) = doc.children(n).get(idx) {
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            stack.push((c, usize::MAX, 0));
            continue;
        }
        stack.pop();
        // Entered ancestors (not pending siblings) with the same mark make this one redundant.
        let mut mark = None;
        if let Some(m) = mark_of(doc, n) {
            let slot = &mut open_marks[m];
            *slot = slot.saturating_sub(1);
            if *slot == 0 {
                mark = Some(MARKS[m]);
            }
        }
        exit(doc, n, &mut s, pos, mark);
    }
    s
}

/// Writes what comes before `n`'s children; false when its children must not be visited.
fn enter(doc: &Doc, n: u32, s: &mut String, cell: bool) -> bool {
    match doc.kind(n) {
        Kind::Text(t) => {
            escape_into(s, t);
            false
        }
        Kind::Embed(label, url) => {
            s.push(' ');
            embed_into(s, label, url);
            s.push(' ');
            false
        }
        Kind::El(e, attrs) => match e {
            El::Br => {
                s.push_str(if cell { " " } else { "\\\n" });
                false
            }
            El::Img => {
                let get = |k: &str| attr(attrs, k).unwrap_or("");
                s.push_str("![");
                escape_into(s, get("alt"));
                close_link_into(s, get("src"));
                false
            }
            El::Code | El::Kbd | El::Samp => {
                code_span_into(s, &doc.text_under(n));
                false
            }
            El::Rt | El::Rp => false,
            e if e.is_block() => {
                s.push(' ');
                true
            }
            _ => true,
        },
        _ => true,
    }
}

/// The emphasis marks, by slot (see [`mark_of`]).
const MARKS: [&str; 3] = ["*", "**", "~~"];

/// The emphasis mark of an inline element, if it has one: its slot in [`MARKS`].
fn mark_of(doc: &Doc, n: u32) -> Option<usize> {
    match doc.el(n)? {
        El::Em | El::I | El::Cite | El::Dfn | El::Var => Some(0),
        El::Strong | El::B => Some(1),
        El::S | El::Del => Some(2),
        _ => None,
    }
}

/// Wraps what `n`'s children wrote (from `pos`) in its markup; `mark`: its emphasis mark,
/// unless an entered ancestor has the same one.
fn exit(doc: &Doc, n: u32, s: &mut String, pos: usize, mark: Option<&str>) {
    let Kind::El(e, attrs) = doc.kind(n) else { return };
    if e.is_block() {
        s.push(' ');
        return;
    }
    if *e != El::A && mark.is_none() {
        return;
    }
    // In place, outside the leading and trailing whitespace of what the children wrote.
    let (start, end) = trimmed(s, pos);
    if *e == El::A {
        // "[label](target)".
        if start < end {
            let href = attr(attrs, "href").unwrap_or("");
            // The label moves back over the whitespace before it, behind a "[".
            let tail = rewrap(s, pos, start, "[");
            s.push_str(crate::text::to(&tail, end - start));
            close_link_into(s, href);
        }
    } else if let Some(mark) = mark {
        // The mark around it, unless it spans lines.
        if start >= end || crate::text::find_byte(crate::text::sub(s, start, end), b'\n').is_some() {
            return;
        }
        let tail = rewrap(s, start, start, mark);
        let (core, after) = crate::text::split_at(&tail, end - start);
        s.push_str(core);
        s.push_str(mark);
        s.push_str(after);
    }
}

/// Cuts `s` back to `cut` and appends `open`; returns what followed `start` (`cut <= start`).
fn rewrap(s: &mut String, cut: usize, start: usize, open: &str) -> String {
    let tail = crate::text::from(s, start).to_owned();
    s.truncate(cut);
    s.push_str(open);
    tail
}

/// The byte range of `s[pos..]` without its leading and trailing whitespace (empty when all
/// of it is whitespace: then `start >= end`).
fn trimmed(s: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(s.len());
    let tail = s.get(pos..).unwrap_or("");
    let start = pos + (tail.len() - tail.trim_start().len());
    let end = pos + tail.trim_end().len();
    (start, end)
}

/// An inline code span fenced with more backticks than it contains, appended to `out`.
fn code_span_into(out: &mut String, text: &str) {
    let t = crate::text::words(text);
    if t.is_empty() {
        return;
    }
    let fence = crate::text::repeat("`", longest_run(&t, b'`') + 1);
    let pad = if t.starts_with('`') || t.ends_with('`') { " " } else { "" };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(&t);
    out.push_str(pad);
    out.push_str(&fence);
}

/// The longest run of the ASCII byte `ch` in `s`.
fn longest_run(s: &str, ch: u8) -> usize {
    let b = s.as_bytes();
    let (mut best, mut cur, mut i) = (0, 0, 0);
    while i < b.len() {
        cur = if b[i] == ch { cur + 1 } else { 0 };
        best = best.max(cur);
        i += 1;
    }
    best
}

/// A GFM pipe table; the first row is the header. A caption becomes a line above it.
fn table(md: &mut Md, doc: &Doc, t: u32) {
    let mut caption = String::new();
    // Each row as its line so far ("| a | b |") and its cell count.
    let mut rows: Vec<(String, usize)> = Vec::new();
    // The widest row's cell count.
    let mut cols = 0;
    let mut stack = vec![t];
    while let Some(n) = stack.pop() {
        match doc.kind(n) {
            // Trimmed when written.
            Kind::El(El::Caption, _) => caption = inline(doc, doc.children(n), true),
            Kind::El(El::Tr, _) => {
                let mut line = String::from("|");
                let mut count = 0;
                for &c in doc.children(n) {
                    if let Kind::El(El::Td | El::Th, attrs) = doc.kind(c) {
                        line.push(' ');
                        line.push_str(&crate::text::words(&inline(doc, doc.children(c), true)));
                        line.push_str(" |");
                        let span = attr(attrs, "colspan").and_then(|v| crate::text::parse_uint(v, 10)).and_then(|n| usize::try_from(n).ok())
                            .unwrap_or(1);
                        // A spanning cell is followed by empty ones. Bounded: a hostile colspan
                        // must not blow up the output.
                        let span = span.clamp(1, MAX_MD_COLSPAN);
                        for _ in 1..span {
                            line.push_str(EMPTY_CELL);
                        }
                        count += span;
                    }
                }
                if count > 0 {
                    rows.push((line, count));
                    cols = cols.max(count);
                }
            }
            _ => {}
        }
        for &c in doc.children(n).iter().rev() {
            if matches!(doc.el(c), Some(El::Thead | El::Tbody | El::Tfoot | El::Tr | El::Caption)) {
                stack.push(c);
            }
        }
    }
    let caption = caption.trim();
    if !caption.is_empty() {
        md.line(caption);
        md.line("");
    }
    for (k, (line, count)) in rows.iter_mut().enumerate() {
        // Short rows are padded with empty cells.
        for _ in *count..cols {
            line.push_str(EMPTY_CELL);
        }
        md.line(line);
        if k == 0 {
            // The header's separator row, "| --- | --- |".
            md.start_line();
            md.out.push('|');
            for _ in 0..cols {
                md.out.push_str(" --- |");
            }
            md.out.push('\n');
        }
    }
    md.end(false);
}

/// An empty cell after the ones before it in a row's line.
const EMPTY_CELL: &str = "  |";

/// Widest colspan expanded into empty Markdown cells.
const MAX_MD_COLSPAN: usize = 50;
