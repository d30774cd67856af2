//! Leading meta blocks: the category link, byline and date line, or a copy of the title that
//! articles print above their first paragraph. The reader view shows the title, byline and
//! date in its own header (from [`Metadata`]), so these blocks would only repeat it.
//!
//! Only blocks before the article's first real content are looked at (the walker decides where
//! that is), and only short ones with no structure of their own (no heading, list, table,
//! quote, code or figure). A block goes when one of these holds:
//! - byline / date: once the metadata's byline, the text of elements marked as byline or date
//!   (`rel=author`, `itemprop=author|datePublished|...`, `<time>`, `<address>`) and, when the
//!   metadata's publication year is in it, the date's numbers are taken out, almost nothing is
//!   left ("By", "Updated", "WIB"); each kind of text counts only when the metadata carries that
//!   field, so nothing the header does not show is lost;
//! - category link: the block's whole text is one short link marked `rel=category|tag`, or, above
//!   the article's first heading, any such single short link;
//! - title: its text is the metadata's title (a caption repeating it, say).
//!
//! Structure and markup decide; no word list is used (the leftover words are only counted).

use super::sanitize::{normalize_title, Marks};
use crate::analysis::Metadata;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// A leading meta block has at most this much text (a byline with two names, a role, a date
/// and a time, "Updated ..." included, stays below it; a real first paragraph rarely does).
pub const DEFAULT_META_BLOCK_MAX_CHARS: u32 = 160;

/// Letters and digits a byline/date block may keep once its byline and date are taken out
/// ("By", "Updated", a month name, "WIB", "a.m."); a sentence has far more.
pub const DEFAULT_META_RESIDUE_MAX_CHARS: usize = 24;

/// A category link has at most this many characters ...
pub const DEFAULT_CATEGORY_LINK_MAX_CHARS: u32 = 40;

/// ... and at most this many words ("Technology", "World News", "Science & Health").
pub const DEFAULT_CATEGORY_LINK_MAX_WORDS: usize = 4;

/// `itemprop` values that mark a date.
const DATE_ITEMPROPS: &[&str] = &["datepublished", "datemodified", "datecreated", "uploaddate"];

/// `itemprop` values that mark an author.
const AUTHOR_ITEMPROPS: &[&str] = &["author", "creator"];

/// What the reader view's header already shows, prepared for comparison.
pub struct Hints {
    /// Normalized byline (lower case, whitespace collapsed), empty when there is none.
    byline: String,
    /// The metadata has a publication date.
    has_date: bool,
    /// Its four-digit year, when it has one.
    year: Option<String>,
    /// Normalized title, empty when there is none.
    title: String,
}

impl Hints {
    pub fn new(meta: &Metadata) -> Hints {
        let norm = |s: &Option<String>| normalize_title(s.as_deref().unwrap_or(""));
        let published = meta.published.as_deref().unwrap_or("").trim();
        Hints { byline: norm(&meta.byline), has_date: !published.is_empty(), year: year_of(published), title: norm(&meta.title) }
    }

    /// The normalized title (see [`normalize_title`]), unless it is empty.
    pub fn title(&self) -> Option<&str> {
        Some(self.title.as_str()).filter(|t| !t.is_empty())
    }

    fn any(&self) -> bool {
        !self.byline.is_empty() || self.has_date || !self.title.is_empty()
    }
}

/// The first run of ASCII digits in `p` that is a year from 1900 to 2099.
fn year_of(p: &str) -> Option<String> {
    let b = p.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let t = crate::text::sub(p, start, i);
        if t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) {
            return Some(t.to_owned());
        }
        i += 1;
    }
    None
}

/// Is `year` (four ASCII digits, from [`year_of`]) one of the words of `s`, taken as the runs
/// of letters and digits between other characters?
fn has_year(s: &str, year: &str) -> bool {
    let mut from = 0;
    while let Some(k) = crate::text::find_str(crate::text::from(s, from), year) {
        let at = from + k;
        let before = crate::text::to(s, at).chars().next_back();
        let after = crate::text::from(s, at + year.len()).chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        // A later match overlapping this one follows one of its digits: no word either.
        from = at + year.len();
    }
    false
}

/// Is block element `id` (met before the article's first real content, not inside a
/// paragraph; inline elements are never candidates, so a link or date inside a line of text
/// is not cut out of it) a meta block
/// the reader view's header already covers? `before_heading`: no heading seen yet. `skip` holds
/// clutter nodes (their text is not part of the block).
pub fn is_leading_meta(snap: &Snapshot, id: NodeId, hints: &Hints, before_heading: bool, skip: &Marks) -> bool {
    let Some(n) = snap.nodes.get(id as usize) else { return false };
    if n.kind != NodeKind::Element || n.text_len == 0 || n.text_len > DEFAULT_META_BLOCK_MAX_CHARS || !hints.any() {
        return false;
    }
    let Some(scan) = scan(snap, id, hints, skip) else { return false };
    repeats_title(&scan, hints) || is_category_link(snap, &scan, before_heading) || is_byline_or_date(&scan, hints)
}

/// The block's text is the title.
fn repeats_title(scan: &Scan, hints: &Hints) -> bool {
    scan.images == 0 && !hints.title.is_empty() && normalize_title(&scan.all) == hints.title
}

/// Once the byline, marked byline and date text, and a date's numbers are taken out, almost
/// nothing is left of the block's text.
fn is_byline_or_date(scan: &Scan, hints: &Hints) -> bool {
    if hints.byline.is_empty() && !hints.has_date {
        return false;
    }
    let mut residue = normalize_title(&scan.unmarked);
    let mut removed = scan.marked;
    let b = hints.byline.as_str();
    if !b.is_empty() && crate::text::contains_str(&residue, b) {
        residue = crate::text::replace_str(&residue, b, " ");
        removed = true;
    }
    if let Some(y) = hints.year.as_deref() {
        if has_year(&residue, y) {
            residue = crate::text::words_where(&residue, |t| crate::text::find_any_byte(t, b"0123456789").is_none());
            removed = true;
        }
    }
    removed && count_chars(&residue, char::is_alphanumeric) <= DEFAULT_META_RESIDUE_MAX_CHARS
}

/// How many characters of `s` `f` accepts (one loop serves both counts here).
fn count_chars(s: &str, f: fn(char) -> bool) -> usize {
    let mut n = 0;
    for c in s.chars() {
        if f(c) {
            n += 1;
        }
    }
    n
}

/// A single short link and nothing else: a category link when marked so, or when it sits above
/// every heading.
fn is_category_link(snap: &Snapshot, scan: &Scan, before_heading: bool) -> bool {
    if scan.images != 0 || scan.links != 1 || scan.link_chars != scan.chars {
        return false;
    }
    let Some(a) = scan.link else { return false };
    let words = scan.all.split_whitespace().count();
    if scan.link_chars > DEFAULT_CATEGORY_LINK_MAX_CHARS || words == 0 || words > DEFAULT_CATEGORY_LINK_MAX_WORDS {
        return false;
    }
    before_heading || has_token(snap, a, "rel", &["category", "tag"])
}

/// One pass over a candidate block.
struct Scan {
    /// All its visible text.
    all: String,
    /// Its visible text outside byline/date markers the metadata covers.
    unmarked: String,
    /// Some text sat in such a marker.
    marked: bool,
    /// Links with text, the last one, and character counts (whitespace not counted).
    links: usize,
    link: Option<NodeId>,
    link_chars: u32,
    chars: u32,
    /// Images (an author's avatar may sit in a byline; nothing else may hold one).
    images: usize,
}

/// Collects a block's text, or `None` when the block has structure of its own.
fn scan(snap: &Snapshot, id: NodeId, hints: &Hints, skip: &Marks) -> Option<Scan> {
    let mut s = Scan { all: String::new(), unmarked: String::new(), marked: false, links: 0, link: None, link_chars: 0, chars: 0, images: 0 };
    let end = snap.node(id).end.min(snap.len() as NodeId);
    // (end of the marker subtree we are in, end of the link we are in)
    let mut marker_end: NodeId = 0;
    let mut link_end: NodeId = 0;
    let mut i = id;
    while i < end {
        let n = snap.node(i);
        let next = n.end.max(i + 1);
        if n.kind == NodeKind::Text {
            let t = snap.own_text(i);
            let chars = count_chars(t, |c| !c.is_whitespace()) as u32;
            s.all.push_str(t);
            s.chars += chars;
            if i < link_end {
                s.link_chars += chars;
            }
            if i < marker_end {
                s.marked |= chars > 0;
            } else {
                s.unmarked.push_str(t);
            }
            i += 1;
            continue;
        }
        if i != id && (n.hidden_self || n.tag.is_non_content() || skip.is_skipped(i)) {
            i = next;
            continue;
        }
        match n.tag {
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Ul | Tag::Ol | Tag::Dl | Tag::Table
            | Tag::Pre | Tag::Blockquote | Tag::Figure | Tag::Video | Tag::Audio | Tag::Iframe
            | Tag::Picture => return None,
            Tag::Img => s.images += 1,
            Tag::A if n.text_len > 0 && i >= link_end => {
                s.links += 1;
                s.link = Some(i);
                link_end = next;
            }
            _ => {}
        }
        if i >= marker_end && is_marker(snap, i, n.tag, hints) {
            marker_end = next;
        }
        if n.tag.is_block() || n.tag == Tag::Br {
            s.all.push(' ');
            s.unmarked.push(' ');
        }
        i += 1;
    }
    Some(s)
}

/// An element (`id`, its tag `tag`) marked as byline or date whose field the metadata has.
fn is_marker(snap: &Snapshot, id: NodeId, tag: Tag, hints: &Hints) -> bool {
    let date = tag == Tag::Time || has_token(snap, id, "itemprop", DATE_ITEMPROPS);
    let author = tag == Tag::Address
        || has_token(snap, id, "rel", &["author"])
        || has_token(snap, id, "itemprop", AUTHOR_ITEMPROPS);
    (date && hints.has_date) || (author && !hints.byline.is_empty())
}

/// Does attribute `name` of `id` hold one of `list` (ASCII case-insensitively) among its
/// whitespace-separated tokens?
fn has_token(snap: &Snapshot, id: NodeId, name: &str, list: &[&str]) -> bool {
    let Some(v) = snap.attr(id, name) else { return false };
    for t in v.split_whitespace() {
        for l in list {
            if t.eq_ignore_ascii_case(l) {
                return true;
            }
        }
    }
    false
}
