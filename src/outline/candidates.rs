//! Finding heading candidates in the article subtree (one forward walk, no recursion).

use super::numbering::Numbering;
use super::Open;
use crate::analysis::{Clutter, OutlineEntry};
use crate::metadata;
use crate::patterns::SITE_SEPARATORS;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// Longest real heading kept (chars): longer `h*` elements are styled paragraphs.
pub const DEFAULT_MAX_HEADING_CHARS: u32 = 250;
/// Longest all-bold paragraph read as a pseudo-heading (chars).
pub const DEFAULT_MAX_BOLD_HEADING_CHARS: u32 = 150;
/// Longest plain numbered paragraph ("1.2 Scope") read as a pseudo-heading (chars).
pub const DEFAULT_MAX_NUMBERED_LINE_CHARS: u32 = 120;
/// Characters of a paragraph allowed outside its bold part (a stray colon or space) for the
/// paragraph to count as all bold.
pub const DEFAULT_BOLD_SLACK: u32 = 2;

/// Where a candidate comes from: a real heading (with its tag level) or a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Heading(u8),
    Pseudo,
}

#[derive(Clone, Debug)]
pub struct Candidate {
    pub id: NodeId,
    pub text: String,
    pub source: Source,
    pub num: Option<Numbering>,
}

/// What the walk does at one element.
enum Step {
    Entry(Candidate),
    /// Not an entry and nothing inside can be one.
    Skip,
    Descend,
}

/// Candidates under `root` in document order, outside clutter and hidden subtrees: their
/// entries (levels not set yet) and their kinds.
pub fn collect(snap: &Snapshot, root: NodeId, clutter: &[Clutter]) -> (Vec<OutlineEntry>, Vec<Open>) {
    let clutter_ids = crate::clutter::roots(snap, clutter);
    let titles = Titles::new(snap);
    let mut out = Vec::new();
    let mut kinds = Vec::new();
    let mut i = root;
    let end = snap.node(root).end;
    while i < end {
        let n = snap.node(i);
        if n.kind != NodeKind::Element {
            i += 1;
            continue;
        }
        if n.hidden || n.tag.is_non_content() || clutter_ids.get(i as usize).copied().unwrap_or(false) || (i != root && is_excluded_container(snap, i)) {
            i = n.end;
            continue;
        }
        match classify(snap, i, &titles) {
            Step::Entry(c) => {
                out.push(OutlineEntry { level: 0, text: c.text, id: c.id });
                kinds.push(Open { source: c.source, num: c.num });
                i = n.end;
            }
            Step::Skip => i = n.end,
            Step::Descend => i += 1,
        }
    }
    (out, kinds)
}

/// Containers whose headings are not the article's: navigation, asides, forms, figures,
/// quotes, tables and lists (teaser lists put a heading in every item).
fn is_excluded_container(snap: &Snapshot, id: NodeId) -> bool {
    use Tag::*;
    if matches!(snap.tag(id), Nav | Aside | Form | Footer | Figure | Blockquote | Table | Ul | Ol | Menu | Button | Dialog) {
        return true;
    }
    snap.attr(id, "role").is_some_and(|r| {
        let r = r.trim();
        ["navigation", "complementary", "contentinfo", "dialog", "alertdialog", "menu"].iter().any(|x| r.eq_ignore_ascii_case(x))
    })
}

fn classify(snap: &Snapshot, id: NodeId, titles: &Titles) -> Step {
    let tag = snap.tag(id);
    if let Some(level) = tag.heading_level() {
        return real_heading(snap, id, level, titles);
    }
    let leaf_div = matches!(tag, Tag::Div | Tag::Section) && !has_block_child(snap, id);
    if tag != Tag::P && !leaf_div {
        return Step::Descend;
    }
    match pseudo_heading(snap, id) {
        Some(c) => Step::Entry(c),
        None => Step::Skip,
    }
}

fn real_heading(snap: &Snapshot, id: NodeId, level: u8, titles: &Titles) -> Step {
    let n = snap.node(id);
    if n.text_len == 0 || n.text_len > DEFAULT_MAX_HEADING_CHARS || is_teaser_link(snap, id) {
        return Step::Skip;
    }
    let text = snap.text_of(id);
    if level <= 2 && titles.is_title(&text) {
        return Step::Skip;
    }
    let num = Numbering::parse(&text);
    Step::Entry(Candidate { id, text, source: Source::Heading(level), num })
}

/// A heading that is mostly a link to another page: a teaser title, not a section.
fn is_teaser_link(snap: &Snapshot, id: NodeId) -> bool {
    let n = snap.node(id);
    if n.link_text_len * 2 <= n.text_len {
        return false;
    }
    snap.subtree(id).any(|a| crate::readerable::is_page_link(snap, a))
}

fn has_block_child(snap: &Snapshot, id: NodeId) -> bool {
    snap.children(id).any(|c| snap.tag(c).is_block())
}

/// An all-bold short paragraph, a bold first line ended by `<br>`, or a short numbered line.
fn pseudo_heading(snap: &Snapshot, id: NodeId) -> Option<Candidate> {
    let n = snap.node(id);
    if n.text_len == 0 || n.link_text_len * 2 > n.text_len {
        return None;
    }
    let text_len = n.text_len;
    let bold = bold_len(snap, id);
    if text_len <= DEFAULT_MAX_BOLD_HEADING_CHARS && bold > 0 && bold + DEFAULT_BOLD_SLACK >= text_len {
        return heading_like(snap.text_of(id), id, true);
    }
    if let Some(lead) = bold_lead_line(snap, id) {
        return heading_like(snap.text_of(lead), lead, true);
    }
    if text_len <= DEFAULT_MAX_NUMBERED_LINE_CHARS {
        return heading_like(snap.text_of(id), id, false).filter(|c| c.num.is_some());
    }
    None
}

/// A pseudo-heading from `text` unless it reads like a sentence (ends with ".", ",", ";");
/// numbered bold text may end with a period ("1. Introduction.").
fn heading_like(text: String, id: NodeId, bold: bool) -> Option<Candidate> {
    let num = Numbering::parse(&text);
    let last = text.chars().last()?;
    let sentence_end = matches!(last, '.' | ',' | ';' | '。' | '،');
    let only_number = num.is_some() && crate::text::find_char(text.trim(), char::is_whitespace).is_none();
    if sentence_end && !(bold && num.is_some()) && !only_number {
        return None;
    }
    Some(Candidate { id, text, source: Source::Pseudo, num })
}

/// Characters of `id`'s text inside bold elements (`b`, `strong`, inline `font-weight` bold).
fn bold_len(snap: &Snapshot, id: NodeId) -> u32 {
    let mut total = 0;
    let mut i = id + 1;
    let end = snap.node(id).end;
    while i < end {
        let n = snap.node(i);
        if n.kind == NodeKind::Element && (n.hidden_self || n.tag.is_non_content()) {
            i = n.end;
        } else if is_bold(snap, i) {
            total += n.text_len;
            i = n.end;
        } else {
            i += 1;
        }
    }
    total
}

fn is_bold(snap: &Snapshot, id: NodeId) -> bool {
    match snap.tag(id) {
        Tag::B | Tag::Strong => true,
        Tag::Span => snap.attr(id, "style").is_some_and(|s| {
            let s = crate::text::squeeze_lower(s);
            crate::text::contains_any_str(&s, crate::packed_words!["font-weight:bold", "font-weight:700", "font-weight:800"])
        }),
        _ => false,
    }
}

/// `<p><strong>Conclusion</strong><br>Text...</p>`: the bold element opening the paragraph
/// when a line break follows it.
fn bold_lead_line(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    // The first two children, empty text nodes aside.
    let (mut first, mut second) = (None, None);
    for c in snap.children(id) {
        let k = snap.node(c);
        if k.kind == NodeKind::Text && k.text_len == 0 {
            continue;
        }
        if first.is_some() {
            second = Some(c);
            break;
        }
        first = Some(c);
    }
    let (first, second) = (first?, second?);
    let n = snap.node(first);
    (is_bold(snap, first) && snap.tag(second) == Tag::Br && n.text_len > 0 && n.text_len <= DEFAULT_MAX_BOLD_HEADING_CHARS)
        .then_some(first)
}

/// The page title in its forms, to drop the h1 that repeats it.
struct Titles {
    declared: Option<String>,
    document: Option<String>,
}

impl Titles {
    fn new(snap: &Snapshot) -> Titles {
        let low = |s: String| crate::text::lower(&s);
        Titles { declared: metadata::page_title(snap).map(low), document: metadata::document_title(snap).map(low) }
    }

    /// Is `text` the page title, or the title part of the document title ("Title - Site",
    /// "Site | Title")?
    fn is_title(&self, text: &str) -> bool {
        let t = crate::text::lower(&metadata::normalize(text));
        if t.is_empty() {
            return false;
        }
        if self.declared.as_deref().is_some_and(|d| d == t) {
            return true;
        }
        let Some(d) = self.document.as_deref() else { return false };
        // " X " (X a separator) as the first three characters of what follows the title, or
        // the last three of what precedes it.
        let separated = |a: Option<char>, x: Option<char>, b: Option<char>| {
            a == Some(' ') && b == Some(' ') && x.is_some_and(|x| SITE_SEPARATORS.contains(&x))
        };
        d == t
            || d.strip_prefix(t.as_str()).is_some_and(|rest| {
                let mut c = rest.chars();
                separated(c.next(), c.next(), c.next())
            })
            || d.strip_suffix(t.as_str()).is_some_and(|head| {
                let mut c = head.chars();
                separated(c.next_back(), c.next_back(), c.next_back())
            })
    }
}
