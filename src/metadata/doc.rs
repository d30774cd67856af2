//! Metadata read from the document itself (not from declarations).

use super::{first_tag, non_empty, normalize};
use crate::patterns::{AUTHOR_PATH_SEGMENTS, BYLINE_PREFIXES, BYLINE_TOKENS};
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// Longest byline kept (chars): longer "bylines" are author bios or whole paragraphs.
pub const DEFAULT_MAX_BYLINE_CHARS: usize = 100;
/// Shortest paragraph (chars) used as the fallback excerpt.
pub const DEFAULT_MIN_EXCERPT_CHARS: u32 = 40;
/// Smallest declared width or height (px) of a "big" image; smaller ones are icons and avatars.
pub const DEFAULT_MIN_LEAD_IMAGE_PX: u32 = 200;

/// The first `<title>` outside `<svg>`, whitespace collapsed.
pub fn document_title(snap: &Snapshot) -> Option<String> {
    let id = (0..snap.len() as NodeId)
        .find(|&i| snap.tag(i) == Tag::Title && !snap.ancestors(i).any(|a| snap.tag(a) == Tag::Svg))?;
    let mut raw = String::new();
    for c in snap.subtree(id) {
        if snap.node(c).kind == NodeKind::Text {
            raw.push_str(snap.own_text(c));
        }
    }
    non_empty(normalize(&raw))
}

/// `lang` of `<html>` (else `<body>`).
pub fn language(snap: &Snapshot) -> Option<String> {
    let lang = |id| snap.attr(id, "lang").map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    first_tag(snap, Tag::Html).and_then(lang).or_else(|| lang(snap.body()))
}

/// The nearest explicit `dir` ("rtl"/"ltr") on the article root or its ancestors.
pub fn direction(snap: &Snapshot, scope: NodeId) -> Option<String> {
    let mut at = Some(scope);
    while let Some(id) = at {
        if let Some(d) = snap.attr(id, "dir").map(str::trim) {
            for v in ["rtl", "ltr"].iter() {
                if d.eq_ignore_ascii_case(v) {
                    return Some(v.to_string());
                }
            }
        }
        at = snap.parent(id);
    }
    None
}

/// `datetime` of the first visible `<time>` in `scope` (else its text).
pub fn first_time(snap: &Snapshot, scope: NodeId) -> Option<String> {
    for i in snap.subtree(scope) {
        if snap.tag(i) == Tag::Time && !snap.node(i).hidden {
            let t = match snap.attr(i, "datetime") {
                Some(d) => normalize(d),
                None => snap.text_of(i),
            };
            if !t.is_empty() {
                return Some(t);
            }
        }
    }
    None
}

/// A byline element in `scope`: `rel=author`, `itemprop=author`, a byline/author class, or a
/// short line starting with "By ...".
pub fn byline_in(snap: &Snapshot, scope: NodeId) -> Option<String> {
    let mut i = scope;
    let end = snap.node(scope).end;
    while i < end {
        let n = snap.node(i);
        if n.kind != NodeKind::Element || n.hidden || n.text_len == 0 {
            i += 1;
            continue;
        }
        if is_byline_element(snap, i) || starts_with_byline_prefix(snap, i) {
            let text = strip_prefix(&snap.text_of(i));
            if !text.is_empty() && crate::text::char_count(&text) <= DEFAULT_MAX_BYLINE_CHARS {
                return Some(text);
            }
            i = n.end;
            continue;
        }
        i += 1;
    }
    None
}

fn is_byline_element(snap: &Snapshot, id: NodeId) -> bool {
    for a in ["rel", "itemprop"].iter() {
        if snap.attr(id, a).is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("author"))) {
            return true;
        }
    }
    if snap.tag(id) == Tag::A && snap.attr(id, "href").is_some_and(is_author_url) {
        return true;
    }
    // An id/class token equal to a byline token, or ending in "-token" / "_token", ASCII case
    // ignored: compared in place (this runs for every element of the scope; no String per token).
    let is_token = |tok: &str| {
        BYLINE_TOKENS.iter().any(|b| {
            // The token's tail of `b`'s length ("" off a character boundary: never `b`).
            let Some(head) = tok.len().checked_sub(b.len()) else { return false };
            crate::text::from(tok, head).eq_ignore_ascii_case(b) && (head == 0 || matches!(tok.as_bytes().get(head - 1), Some(b'-' | b'_')))
        })
    };
    let (id_name, class_name) = (snap.hot_name("id"), snap.hot_name("class"));
    snap.attrs_by_id(id)
        .filter(|&(n, _)| n != crate::snapshot::NONE && (n == id_name || n == class_name))
        .any(|(_, v)| v.split_whitespace().any(is_token))
}

/// Does the URL's path have an author-page segment ("/author/jane/")?
fn is_author_url(href: &str) -> bool {
    let path = crate::text::to(href, crate::text::find_any_byte(href, b"?#").unwrap_or(href.len()));
    // After "scheme://host/" when the URL is absolute ("" when it has no path).
    let path = match crate::text::find_str(path, "://") {
        Some(i) => {
            crate::text::past_byte(crate::text::from(path, i + 3), b'/')
        }
        None => path,
    };
    // The segments are lower-case ASCII: comparing without case is comparing the lower-cased
    // segment (no String per segment of every link).
    path.split('/').any(|seg| AUTHOR_PATH_SEGMENTS.iter().any(|s| seg.eq_ignore_ascii_case(s)))
}

/// A short paragraph-like block whose text starts with "By " (or its translations).
fn starts_with_byline_prefix(snap: &Snapshot, id: NodeId) -> bool {
    if !matches!(snap.tag(id), Tag::P | Tag::Div | Tag::Span | Tag::Address) {
        return false;
    }
    let n = snap.node(id);
    if n.text_len as usize > DEFAULT_MAX_BYLINE_CHARS || n.elements > 6 {
        return false;
    }
    // The text starts with its first visible non-space character: when no prefix starts with
    // that character lower-cased, none can match (and the text is not built).
    let Some(first) = snap.first_visible_char(id) else { return false };
    let first = crate::text::lower_char(first);
    if !BYLINE_PREFIXES.iter().any(|p| p.starts_with(first)) {
        return false;
    }
    let text = crate::text::lower(&snap.text_of(id));
    BYLINE_PREFIXES.iter().any(|p| text.starts_with(p))
}

/// Removes a "By " lead-in.
fn strip_prefix(text: &str) -> String {
    let lower = crate::text::lower(text);
    for p in BYLINE_PREFIXES {
        if lower.starts_with(p) && text.is_char_boundary(p.len()) && lower.len() == text.len() {
            return normalize(crate::text::from(text, p.len()));
        }
    }
    normalize(text)
}

/// The first visible paragraph of at least [`DEFAULT_MIN_EXCERPT_CHARS`] characters.
pub fn first_paragraph(snap: &Snapshot, scope: NodeId) -> Option<String> {
    let p = snap.subtree(scope).find(|&i| snap.tag(i) == Tag::P && !snap.node(i).hidden && snap.node(i).text_len >= DEFAULT_MIN_EXCERPT_CHARS)?;
    Some(snap.text_of(p))
}

/// `src` of the first visible image in `scope` that is not declared small and is not inline data.
pub fn first_big_image(snap: &Snapshot, scope: NodeId) -> Option<String> {
    let declared_small = |v: Option<&str>| {
        v.and_then(|v| crate::text::parse_u32(crate::text::trim_end_str(v.trim(), "px"))).is_some_and(|px| px < DEFAULT_MIN_LEAD_IMAGE_PX)
    };
    for i in snap.subtree(scope) {
        if snap.tag(i) != Tag::Img || snap.node(i).hidden || declared_small(snap.attr(i, "width")) || declared_small(snap.attr(i, "height")) {
            continue;
        }
        let src = snap.attr(i, "src").map_or("", str::trim);
        if !src.is_empty() && !src.starts_with("data:") {
            return Some(src.to_string());
        }
    }
    None
}

/// The URL relative links resolve against: `<base href>` (itself resolved), else the snapshot's.
pub fn base_url(snap: &Snapshot) -> Option<String> {
    match (snap.url.as_deref(), snap.base_href().map(str::trim)) {
        (Some(u), Some(h)) => Some(super::resolve_url(u, h)),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(h)) if crate::text::contains_str(h, "://") => Some(h.to_string()),
        _ => None,
    }
}
