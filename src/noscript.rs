//! The `<noscript>` fallback: a page's server-rendered content for clients without scripts.
//!
//! Where scripts run (a browser, and the HTML5 parser the CLI uses), a `<noscript>` holds its
//! markup as one raw text node: it is never rendered and is not content. Some script-built
//! pages (forum software such as Discourse, single-page shops) put the whole page there, and
//! show nothing else until their scripts run. When the visible page has no main content of
//! its own, [`crate::article::find`] looks into the largest `<noscript>`: its markup is read
//! into a small separate [`Snapshot`] ([`parse`]) and the usual passes run on it. The reader
//! view is then built from that snapshot (`reader`), never from the raw text.
//!
//! [`parse`] is a forgiving tokenizer, not an HTML5 tree builder: start tags open elements
//! (void elements do not), an end tag closes up to the nearest open element of its name (and is
//! ignored when none is open), a new block closes an open `<p>`, a new `<li>`/`<dt>`/`<dd>`/
//! `<tr>`/`<td>`/`<th>`/`<option>` closes its open sibling; comments, doctypes and the text of
//! `<script>`, `<style>` and nested `<noscript>` are dropped; character references are decoded.
//! One linear pass, no recursion, no panics: every index is a checked `str` method.

use crate::error::Error;
use crate::snapshot::{NodeId, Snapshot, SnapshotBuilder, Tag};

/// Raw markup (characters) from which a `<noscript>` may hold a page's content: tracking pixels
/// and "please enable JavaScript" notes are far shorter.
pub const DEFAULT_MIN_MARKUP_CHARS: usize = 1_000;

/// Elements that never have children.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose text is dropped up to their end tag (it is code, not content).
const RAW: [&str; 5] = ["script", "style", "noscript", "template", "xmp"];

/// Elements that the markup's own `<html>`/`<head>`/`<body>` tags name: the fallback snapshot
/// has its own root and body, so these are skipped (their children are kept).
const DOCUMENT: [&str; 3] = ["html", "head", "body"];

/// The `<noscript>` element of `snap`'s `<body>` with the most raw markup, when it has at least
/// [`DEFAULT_MIN_MARKUP_CHARS`], and that markup's length (an upper bound on its text).
pub fn candidate(snap: &Snapshot) -> Option<(NodeId, usize)> {
    let body = snap.body();
    let mut best: Option<(NodeId, usize)> = None;
    for id in snap.subtree(body) {
        if snap.tag(id) != Tag::Noscript {
            continue;
        }
        let len = markup(snap, id).len();
        if len >= DEFAULT_MIN_MARKUP_CHARS && best.is_none_or(|(_, b)| len > b) {
            best = Some((id, len));
        }
    }
    best
}

/// The raw markup a `<noscript>` element holds (its text children, as the snapshot recorded
/// them; empty when the snapshot builder dropped them).
pub fn markup(snap: &Snapshot, id: NodeId) -> String {
    let mut s = String::new();
    for c in snap.children(id) {
        if !snap.is_element(c) {
            s.push_str(snap.own_text(c));
        }
    }
    s
}

/// Reads `markup` into a snapshot `<html><body>…</body></html>` (see the module docs).
pub fn parse(markup: &str, url: Option<&str>) -> Result<Snapshot, Error> {
    let mut b = SnapshotBuilder::new().with_url(url.map(str::to_owned));
    // One attribute iterator type for every element (one copy of `element` in the wasm).
    let none: &[(&str, String)] = &[];
    let html = b.element(None, "html", none.iter().map(pair), false)?;
    let body = b.element(Some(html), "body", none.iter().map(pair), false)?;
    // Open elements: (id, tag, name as the markup spells it).
    let mut open: Vec<Open> = Vec::new();
    open.push((body, Tag::Body, "body"));
    let mut rest = markup;
    while !rest.is_empty() {
        let Some(lt) = crate::text::find_byte(rest, b'<') else {
            add_text(&mut b, &open, rest)?;
            break;
        };
        if lt > 0 {
            add_text(&mut b, &open, crate::text::to(rest, lt))?;
            rest = crate::text::from(rest, lt);
        }
        let after = crate::text::from(rest, 1);
        if let Some(c) = after.strip_prefix("!--") {
            rest = crate::text::find_str(c, "-->").map_or("", |e| crate::text::from(c, e + 3));
            continue;
        }
        if matches!(after.as_bytes().first(), Some(b'!' | b'?')) {
            rest = crate::text::past_byte(after, b'>');
            continue;
        }
        if let Some(c) = after.strip_prefix('/') {
            if starts_alphabetic(c) {
                let name = tag_name(c);
                rest = crate::text::past_byte(c, b'>');
                if let Some(pos) = open.iter().rposition(|(_, _, n)| n.eq_ignore_ascii_case(name)) {
                    if pos > 0 {
                        open.truncate(pos);
                    }
                }
                continue;
            }
        }
        if !starts_alphabetic(after) {
            // A lone '<' is text.
            add_text(&mut b, &open, "<")?;
            rest = after;
            continue;
        }
        let raw_name = tag_name(after);
        let name = raw_name.to_ascii_lowercase();
        let (attrs, self_closed, tail) = attributes(crate::text::from(after, raw_name.len()));
        rest = tail;
        if RAW.contains(&name.as_str()) {
            if !self_closed {
                rest = skip_raw(rest, &name);
            }
            continue;
        }
        if DOCUMENT.contains(&name.as_str()) {
            continue;
        }
        let tag = Tag::from_name(&name);
        close_implied(&mut open, tag);
        let parent = open.last().map_or(body, |(id, _, _)| *id);
        let hidden = is_hidden(&attrs);
        let id = b.element(Some(parent), &name, attrs.iter().map(pair), hidden)?;
        if !VOID.contains(&name.as_str()) && !self_closed {
            open.push((id, tag, raw_name));
        }
    }
    Ok(b.finish())
}

/// An attribute as the snapshot builder takes it (it lower-cases the name).
fn pair<'a>((k, v): &'a (&str, String)) -> (&'a str, &'a str) {
    (k, v)
}

/// An open element of [`parse`]: its id, tag and name (as the markup spells it: compared
/// ASCII case aside).
type Open<'a> = (NodeId, Tag, &'a str);

/// Closes what a start tag (of `tag`) implicitly ends: an open `<p>` before a block, an open
/// sibling list item, row or cell before another.
fn close_implied(open: &mut Vec<Open>, tag: Tag) {
    if tag.is_block() {
        // (Only the name "p" has the tag P.)
        if let Some(pos) = open.iter().rposition(|e| e.1 == Tag::P) {
            // Only when nothing but inline elements sits above that <p>.
            if open[pos + 1..].iter().all(|e| !e.1.is_block()) && pos > 0 {
                open.truncate(pos);
            }
        }
    }
    // The sibling start tags: the open elements that bound the search, and the siblings the
    // tag closes.
    // (By tag: each of these names has a tag of its own.)
    let (scope, same): (&[&str], &[&str]) = match tag {
        Tag::Li => (&["ul", "ol", "menu"], &["li"]),
        Tag::Dt | Tag::Dd => (&["dl"], &["dt", "dd"]),
        Tag::Tr => (&["table", "tbody", "thead", "tfoot"], &["tr"]),
        Tag::Td | Tag::Th => (&["tr", "table"], &["td", "th"]),
        Tag::Option => (&["select", "datalist", "optgroup"], &["option"]),
        _ => return,
    };
    for pos in (1..open.len()).rev() {
        let n = open[pos].2;
        if scope.iter().any(|s| n.eq_ignore_ascii_case(s)) {
            break;
        }
        if same.iter().any(|s| n.eq_ignore_ascii_case(s)) {
            open.truncate(pos);
            break;
        }
    }
}

fn add_text(b: &mut SnapshotBuilder, open: &[Open], raw: &str) -> Result<(), Error> {
    if let Some((parent, _, _)) = open.last() {
        b.text(*parent, &decode(raw))?;
    }
    Ok(())
}

/// The tag name at the start of `s` (letters, digits, `-`, `:`).
fn tag_name(s: &str) -> &str {
    // Bytes: a non-ASCII character ends the name at its first byte as it would as a character.
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b':' | b'_')) {
        end += 1;
    }
    crate::text::to(s, end)
}

/// Does `s` start with an ASCII letter? (Bytes: a non-ASCII character's first byte is none.)
fn starts_alphabetic(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
}

/// Attributes after a tag name, up to the closing `>`: (attributes, `/>`?, the rest after `>`).
/// Names as the markup spells them (the first of names equal ASCII case aside is kept), values
/// decoded.
fn attributes(mut s: &str) -> (Vec<(&str, String)>, bool, &str) {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("/>") {
            return (out, true, r);
        }
        if let Some(r) = s.strip_prefix('>') {
            return (out, false, r);
        }
        if let Some(r) = s.strip_prefix('/') {
            s = r;
            continue;
        }
        if s.is_empty() {
            return (out, false, s);
        }
        // (0 only at a '=': whitespace, '>' and '/' were taken above. A '=' is then the name.)
        let end = crate::text::find_char(s, |c| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(s.len()).max(1);
        let name = crate::text::to(s, end);
        s = crate::text::from(s, end).trim_start();
        // The raw value: quoted, or up to whitespace or '>'; none without a '='.
        let mut raw = "";
        if let Some(r) = s.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(&q) = r.as_bytes().first().filter(|&&c| c == b'"' || c == b'\'') {
                let inner = crate::text::from(r, 1);
                let close = crate::text::find_byte(inner, q).unwrap_or(inner.len());
                raw = crate::text::to(inner, close);
                s = inner.get(close + 1..).unwrap_or("");
            } else {
                let close = crate::text::find_char(r, |c| c.is_whitespace() || c == '>').unwrap_or(r.len());
                raw = crate::text::to(r, close);
                s = crate::text::from(r, close);
            }
        }
        if !name.is_empty() && !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            out.push((name, decode(raw)));
        }
    }
}

/// The rest of `s` after the end tag `</name` (case-insensitive), or nothing when unclosed.
fn skip_raw<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|r| crate::text::find_str(r, "</")) {
        let start = from + at + 2;
        let cand = s.get(start..start + name.len()).unwrap_or("");
        if cand.eq_ignore_ascii_case(name) {
            return crate::text::past_byte(crate::text::from(s, start), b'>');
        }
        from = start;
    }
    ""
}

/// What markup alone says is hidden: the `hidden` attribute, an inline `display:none` or
/// `visibility:hidden` (as `html.rs` reads it).
fn is_hidden(attrs: &[(&str, String)]) -> bool {
    attrs.iter().any(|(n, v)| {
        if n.eq_ignore_ascii_case("hidden") {
            !v.trim().eq_ignore_ascii_case("until-found")
        } else if n.eq_ignore_ascii_case("style") {
            let s = crate::text::squeeze_lower(v);
            crate::text::contains_str(&s, "display:none") || crate::text::contains_str(&s, "visibility:hidden")
        } else {
            false
        }
    })
}

/// Character references: see [`crate::text::decode_entities`].
pub fn decode(v: &str) -> String {
    crate::text::decode_entities(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_from_forgiving_markup() {
        let s = parse(
            "<header><a href='/'>Home</a></header><div id=main><h1>Title &amp; more</h1>\
             <p>One<p>Two <b>bold</b><ul><li>a<li>b</ul><!-- c --><script>x<y</script>\
             <img src=x.png><br/></div></span><p style='display: none'>gone",
            Some("https://example.org/t/1"),
        )
        .expect("parse");
        let body = s.body();
        assert_eq!(s.text_of(body), "Home Title & more One Two bold a b");
        let tags: Vec<&str> = s.children(body).map(|c| s.tag_name(c)).collect();
        assert_eq!(tags, ["header", "div", "p"]);
        let div = s.children(body).nth(1).expect("div");
        let inner: Vec<&str> = s.children(div).map(|c| s.tag_name(c)).collect();
        assert_eq!(inner, ["h1", "p", "p", "ul", "img", "br"]);
        assert_eq!(s.attr(div, "id"), Some("main"));
        assert_eq!(s.url.as_deref(), Some("https://example.org/t/1"));
    }

    #[test]
    fn never_panics_on_truncated_markup() {
        for m in ["<", "<a", "<a href=", "<a href='x", "</", "</a", "<!--", "<!x", "&#", "&#x110000;", "<p>é<", "<script>", "<b a=\"é"] {
            assert!(parse(m, None).is_ok(), "{m}");
        }
        assert_eq!(decode("&#x110000;&lt;&foo;"), "\u{fffd}<&foo;");
    }
}
