//! Tidies the sanitized tree into paragraphs: runs of `<br>` and unwrapped blocks become
//! paragraph breaks, loose inline content in block containers is wrapped in `<p>`, and
//! elements left empty (a `<p>` whose only content was an ad, a `<div>` of scripts) are removed.
//!
//! Each step looks only at one node's direct children, so it is a plain loop over the arena
//! (no recursion); the final prune uses one explicit-stack post-order walk.

use super::tree::{is_blank, Doc, El, Kind, Step};

/// Runs every step in order.
pub fn normalize(doc: &mut Doc) {
    for id in 0..doc.nodes.len() as u32 {
        br_runs_and_breaks(doc, id);
    }
    let before = doc.nodes.len() as u32;
    for id in 0..before {
        split_paragraphs(doc, id);
    }
    for id in 0..doc.nodes.len() as u32 {
        wrap_loose_inline(doc, id);
    }
    prune_empty(doc);
}

/// How a parent treats block boundaries among its children.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Root, blockquote, list item, ...: keeps breaks (they become paragraphs).
    Flow,
    /// `<p>`: keeps breaks (the paragraph is split there).
    Para,
    /// Headings, captions, `<dt>`: a break becomes a line break.
    Phrasing,
    /// Lists, tables, figures: breaks mean nothing.
    Structural,
    /// `<pre>`: a break is a newline.
    Pre,
    /// Inline elements: a break is a space.
    Inline,
}

fn ctx(doc: &Doc, id: u32) -> Ctx {
    match doc.kind(id) {
        Kind::Root => Ctx::Flow,
        Kind::El(e, _) => match e {
            El::P => Ctx::Para,
            El::Pre => Ctx::Pre,
            El::Figure => Ctx::Structural,
            e if e.is_flow() => Ctx::Flow,
            e if e.is_structural() => Ctx::Structural,
            e if e.is_phrasing_block() => Ctx::Phrasing,
            _ => Ctx::Inline,
        },
        _ => Ctx::Inline,
    }
}

fn is_br(doc: &Doc, id: u32) -> bool {
    doc.el(id) == Some(El::Br)
}

fn is_break(doc: &Doc, id: u32) -> bool {
    matches!(doc.kind(id), Kind::Break)
}

fn is_blank_text(doc: &Doc, id: u32) -> bool {
    matches!(doc.kind(id), Kind::Text(t) if is_blank(t))
}

/// A line break, a break or blank text: what a paragraph's edges drop.
fn is_edge(doc: &Doc, id: u32) -> bool {
    match doc.kind(id) {
        Kind::El(El::Br, _) | Kind::Break => true,
        Kind::Text(t) => is_blank(t),
        _ => false,
    }
}

/// Two or more `<br>` in a row (whitespace between) become one break; then each break is
/// turned into what it means in this parent.
fn br_runs_and_breaks(doc: &mut Doc, id: u32) {
    let c = ctx(doc, id);
    let trim = matches!(c, Ctx::Para | Ctx::Phrasing);
    // Nothing to turn into breaks (and, in `<pre>`, brs are kept): the children stay, but for a
    // paragraph's edges, trimmed below.
    if !trim && !doc.children(id).iter().any(|&k| (c != Ctx::Pre && is_br(doc, k)) || is_break(doc, k)) {
        return;
    }
    let kids = take_children(doc, id);
    let mut out: Vec<u32> = Vec::with_capacity(kids.len());
    let mut k = 0;
    while k < kids.len() {
        let n = kids[k];
        k += 1;
        let mut brk = is_break(doc, n);
        if c != Ctx::Pre && is_br(doc, n) {
            // The run: brs with only blank text between them. Two or more are one break, which
            // ends after the run's last br.
            let mut j = k;
            while let Some(&x) = kids.get(j) {
                if is_br(doc, x) {
                    brk = true;
                    k = j + 1;
                } else if !is_blank_text(doc, x) {
                    break;
                }
                j += 1;
            }
        }
        if !brk {
            out.push(n);
        } else if let Some(b) = break_for(doc, c) {
            out.push(b);
        }
    }
    if trim {
        trim_brs(doc, &mut out);
    }
    set_children(doc, id, out);
}

/// Moves `id`'s children out (to be filtered and put back with [`set_children`]).
fn take_children(doc: &mut Doc, id: u32) -> Vec<u32> {
    doc.nodes.get_mut(id as usize).map(|n| std::mem::take(&mut n.children)).unwrap_or_default()
}

fn set_children(doc: &mut Doc, id: u32, kids: Vec<u32>) {
    if let Some(node) = doc.nodes.get_mut(id as usize) {
        node.children = kids;
    }
}

/// The node a block break becomes under a parent of context `c` (none in a structural one).
fn break_for(doc: &mut Doc, c: Ctx) -> Option<u32> {
    let kind = match c {
        Ctx::Flow | Ctx::Para => Kind::Break,
        Ctx::Phrasing => Kind::El(El::Br, Vec::new()),
        Ctx::Structural => return None,
        Ctx::Pre => Kind::Text("\n".into()),
        Ctx::Inline => Kind::Text(" ".into()),
    };
    Some(doc.alloc(kind))
}

/// The range of `kids` without the line breaks, breaks and blank text at its start and end.
fn inner(doc: &Doc, kids: &[u32]) -> (usize, usize) {
    let (mut a, mut b) = (0, kids.len());
    while b > a && is_edge(doc, kids[b - 1]) {
        b -= 1;
    }
    while a < b && is_edge(doc, kids[a]) {
        a += 1;
    }
    (a, b)
}

/// Drops line breaks (and breaks) at the start and end of a paragraph's children.
fn trim_brs(doc: &Doc, kids: &mut Vec<u32>) {
    let (a, b) = inner(doc, kids);
    if a > 0 {
        let mut i = a;
        while i < b {
            kids[i - a] = kids[i];
            i += 1;
        }
    }
    kids.truncate(b - a);
}

/// In block containers, blank text at the edges or next to a block is layout whitespace from
/// the source, not content (blank text between two inline elements is kept: it is a space).
fn drop_blank_between_blocks(doc: &Doc, kids: &mut Vec<u32>) {
    if !kids.iter().any(|&k| is_blank_text(doc, k)) {
        return;
    }
    // Blank text goes when the nearest non-blank sibling before or after it is a block (or the
    // edge). `next` is the index of the nearest non-blank sibling after the current position.
    let mut out = Vec::with_capacity(kids.len());
    let (mut prev_block, mut next_block, mut next) = (true, true, 0);
    for k in 0..kids.len() {
        let n = kids[k];
        if !is_blank_text(doc, n) {
            prev_block = is_blockish(doc, n);
            out.push(n);
            continue;
        }
        if prev_block {
            continue;
        }
        if next <= k {
            next = k + 1;
            while next < kids.len() && is_blank_text(doc, kids[next]) {
                next += 1;
            }
            next_block = next == kids.len() || is_blockish(doc, kids[next]);
        }
        if !next_block {
            out.push(n);
        }
    }
    *kids = out;
}

/// A `<p>` holding breaks becomes several paragraphs; the first keeps its anchor.
fn split_paragraphs(doc: &mut Doc, id: u32) {
    let is_split = |doc: &Doc, c: u32| doc.el(c) == Some(El::P) && doc.children(c).iter().any(|&g| is_break(doc, g));
    if !doc.children(id).iter().any(|&c| is_split(doc, c)) {
        return;
    }
    let kids = take_children(doc, id);
    let mut out = Vec::with_capacity(kids.len() + 2);
    for &c in &kids {
        if !is_split(doc, c) {
            out.push(c);
            continue;
        }
        // Each segment between breaks (trimmed) fills `target`: `c`, then a new `<p>` per break.
        let grand = take_children(doc, c);
        let mut target = c;
        let mut seg = Vec::new();
        for k in 0..grand.len() + 1 {
            match grand.get(k) {
                Some(&g) if !is_break(doc, g) => seg.push(g),
                next => {
                    trim_brs(doc, &mut seg);
                    set_children(doc, target, std::mem::take(&mut seg));
                    out.push(target);
                    if next.is_some() {
                        target = doc.alloc(Kind::El(El::P, Vec::new()));
                    }
                }
            }
        }
    }
    set_children(doc, id, out);
}

fn is_blockish(doc: &Doc, id: u32) -> bool {
    match doc.kind(id) {
        Kind::Break | Kind::Embed(..) => true,
        Kind::El(e, _) => e.is_block(),
        _ => false,
    }
}

/// Does the inline run hold content (anything but blank text and line breaks; a run holds no
/// breaks, they are blockish)?
fn meaningful(doc: &Doc, run: &[u32]) -> bool {
    run.iter().any(|&n| !is_edge(doc, n))
}

/// In flow containers, inline runs next to blocks are wrapped in `<p>`. At the top and in
/// blockquotes every inline run is wrapped; in list items and cells only when breaks split
/// the content into several runs (a plain `<li>text</li>` stays as it is).
fn wrap_loose_inline(doc: &mut Doc, id: u32) {
    let always = match doc.kind(id) {
        Kind::Root => true,
        Kind::El(El::Blockquote, _) => true,
        Kind::El(e, _) if e.is_flow() => false,
        _ => return,
    };
    if !always && !doc.children(id).iter().any(|&k| is_blockish(doc, k)) {
        return;
    }
    let kids = take_children(doc, id);
    // The inline runs are the stretches between blockish children.
    let mut wrap = always;
    if !wrap {
        let (mut runs, mut start) = (0, 0);
        for k in 0..kids.len() + 1 {
            if k == kids.len() || is_blockish(doc, kids[k]) {
                runs += usize::from(meaningful(doc, kids.get(start..k).unwrap_or(&[])));
                start = k + 1;
            }
        }
        wrap = runs >= 2;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..kids.len() + 1 {
        let block = kids.get(k).copied().filter(|&b| is_blockish(doc, b));
        if k < kids.len() && block.is_none() {
            continue;
        }
        let run = kids.get(start..k).unwrap_or(&[]);
        if meaningful(doc, run) {
            if wrap {
                let (a, b) = inner(doc, run);
                let mut inside = Vec::new();
                inside.extend_from_slice(run.get(a..b).unwrap_or(&[]));
                let p = doc.alloc(Kind::El(El::P, Vec::new()));
                set_children(doc, p, inside);
                out.push(p);
            } else {
                out.extend_from_slice(run);
            }
        }
        if let Some(b) = block.filter(|&b| !is_break(doc, b)) {
            out.push(b);
        }
        start = k + 1;
    }
    set_children(doc, id, out);
}

/// Removes elements with no content (text, image, rule or embed) anywhere inside. Line breaks,
/// blank text and table cells are kept when their parent stays (cells hold a table's shape).
fn prune_empty(doc: &mut Doc) {
    let mut order: Vec<u32> = Vec::new();
    for step in doc.walk(0) {
        if let Step::Exit(n) = step {
            order.push(n);
        }
    }
    let mut content = vec![false; doc.nodes.len()];
    for &n in &order {
        let has = match doc.kind(n) {
            Kind::Text(t) => !is_blank(t),
            Kind::Embed(..) => true,
            Kind::El(El::Img | El::Hr, _) => true,
            Kind::Break => false,
            Kind::El(..) | Kind::Root => doc.children(n).iter().any(|&c| content.get(c as usize) == Some(&true)),
        };
        if let Some(slot) = content.get_mut(n as usize) {
            *slot = has;
        }
        let phrasing = matches!(doc.el(n), Some(e) if e.is_phrasing_block());
        let kids = take_children(doc, n);
        let mut keep = Vec::with_capacity(kids.len());
        for &c in &kids {
            if content.get(c as usize) == Some(&true)
                || matches!(doc.kind(c), Kind::Text(_) | Kind::El(El::Br | El::Td | El::Th | El::Span, _))
            {
                keep.push(c);
            }
        }
        if phrasing {
            trim_brs(doc, &mut keep);
        } else if matches!(ctx(doc, n), Ctx::Flow | Ctx::Structural) {
            drop_blank_between_blocks(doc, &mut keep);
        }
        set_children(doc, n, keep);
    }
}
