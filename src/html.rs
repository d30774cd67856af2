//! Native only: HTML text -> [`Snapshot`] with an HTML5 parser (html5ever, building into the
//! flat arena of `html/sink.rs`; the tree is scraper's node for node, which `sift clean` still uses).
//!
//! One iterative walk over the parsed tree (no recursion: 20,000-deep pages are fine). Without a
//! browser there is no computed style, so "hidden" is what markup says: the `hidden` attribute,
//! inline `display:none` / `visibility:hidden`, `<input type=hidden>`, a `<dialog>` without
//! `open`, `<datalist>`, `<rp>` and `<template>` (the UA stylesheet hides them); `hidden="until-found"` content is not hidden (a browser
//! renders it findable, with `display` untouched). Script and style text is dropped except JSON-LD,
//! which metadata reads. A `<template>`'s content is not walked: in a browser it lives in a
//! separate document fragment, not among the element's children, so `capture.js` never sees it.
//! These rules are `extension/content/capture.js`'s too (`tests/e2e/parity.test.mjs` checks).

use crate::error::Error;
use crate::snapshot::{NodeId, Snapshot, SnapshotBuilder};
use crate::snapshot::BuildNameHasher;
use html5ever::tendril::TendrilSink;
use html5ever::{LocalName, QualName};
use std::collections::HashMap;

mod sink;
use sink::{Data, NIL};

/// Parses `html` and builds its snapshot. `url` resolves relative links later.
pub fn parse(html: &str, url: Option<&str>) -> Result<Snapshot, Error> {
    // html5ever builds into a flat arena (`sink.rs`); about one node per 40 bytes of markup.
    let nodes = html5ever::parse_document(sink::Sink::new(html.len() / 40 + 16), Default::default()).one(html);
    let mut b = SnapshotBuilder::new().with_url(url.map(str::to_owned));
    // The arena bounds what the snapshot will hold (skipped subtrees only make it less).
    let (mut attrs_total, mut text_total) = (0, 0);
    for n in &nodes {
        match &n.data {
            Data::Element { attrs, .. } => attrs_total += attrs.len(),
            // The sink kept no script or style text the walk drops: all of it is text to hold.
            Data::Text(t) => text_total += t.len(),
            _ => {}
        }
    }
    b.reserve(nodes.len(), attrs_total, text_total);
    // Stack of (our id, keep text?) for open elements; None for skipped subtrees.
    let mut stack: Vec<Option<(NodeId, bool)>> = Vec::new();
    let mut root_seen = false;
    // One buffer for every element's attributes (no Vec per element).
    let mut list: Vec<(u32, &str)> = Vec::new();
    let mut names = Names::default();
    // Pre-order walk over the arena's links (no recursion: 20,000-deep pages are fine). A
    // skipped subtree is not entered: nothing under it reaches the snapshot.
    let mut cur = nodes.first().map_or(NIL, |d| d.first);
    while cur != NIL {
        let node = &nodes[cur];
        let mut enter = false;
        match &node.data {
            Data::Element { name: q, attrs: all } => {
                let name: &str = q.local.as_ref();
                let parent = stack.last().copied().flatten();
                if parent.is_none() && (root_seen || !stack.is_empty()) {
                    stack.push(None);
                } else {
                    // Interned in the order `SnapshotBuilder::element` would: the tag, then
                    // the attributes (the name table comes out the same).
                    let tag = names.tag(&mut b, &q.local);
                    let found = names.attrs(&mut b, all, &mut list);
                    let hidden = is_hidden(name, |n| found.get(n));
                    let id = b.element_interned(parent.map(|p| p.0), tag, list.iter().copied(), hidden)?;
                    root_seen = true;
                    if keeps_children(name) {
                        stack.push(Some((id, keeps_text(name, found.get("type")))));
                        enter = true;
                    } else {
                        stack.push(None);
                    }
                }
            }
            Data::Text(t) => {
                if let Some(Some((p, true))) = stack.last() {
                    b.text(*p, t)?;
                }
            }
            Data::Document | Data::Other => {}
        }
        // Next in pre-order: the first child, or the next sibling of this node or of the
        // nearest ancestor that has one (closing the elements left on the way).
        if enter && node.first != NIL {
            cur = node.first;
            continue;
        }
        let mut at = cur;
        loop {
            if matches!(nodes[at].data, Data::Element { .. }) {
                stack.pop();
            }
            if nodes[at].next != NIL {
                cur = nodes[at].next;
                break;
            }
            at = nodes[at].parent;
            if at == NIL || at == 0 {
                cur = NIL;
                break;
            }
        }
    }
    Ok(b.finish())
}

/// What a parsed name stands for in the snapshot, decided once per distinct name (html5ever's
/// names are atoms: hashing and comparing them is cheap, unlike hashing the text).
#[derive(Default)]
struct Names {
    tags: HashMap<LocalName, u32, BuildNameHasher>,
    attrs: HashMap<QualName, AttrName, BuildNameHasher>,
}

#[derive(Clone, Copy)]
struct AttrName {
    /// Interned snapshot name; `None` for Sift's own markers (left out).
    id: Option<u32>,
    /// Which [`Markup`] field it fills (0: none).
    slot: u8,
}

impl Names {
    fn tag(&mut self, b: &mut SnapshotBuilder, local: &LocalName) -> u32 {
        if let Some(&id) = self.tags.get(local) {
            return id;
        }
        let id = b.intern_name(local);
        self.tags.insert(local.clone(), id);
        id
    }

    /// An element's attributes named as the DOM names them: with their prefix (`xlink:href`,
    /// `xml:lang`), so an SVG `<use xlink:href>` does not pass for an `href`. Sift's own markers
    /// are left out. Fills `out` (cleared first) with interned names and, in the same pass,
    /// picks the attributes [`is_hidden`] and [`keeps_text`] read.
    fn attrs<'a>(&mut self, b: &mut SnapshotBuilder, all: &'a [html5ever::Attribute], out: &mut Vec<(u32, &'a str)>) -> Markup<'a> {
        out.clear();
        let mut found = Markup::default();
        for a in all {
            let name = match self.attrs.get(&a.name) {
                Some(&n) => n,
                None => {
                    let n = attr_name(b, &a.name);
                    self.attrs.insert(a.name.clone(), n);
                    n
                }
            };
            let v: &'a str = a.value.as_ref();
            let slot = match name.slot {
                1 => &mut found.hidden,
                2 => &mut found.type_,
                3 => &mut found.open,
                4 => &mut found.style,
                _ => &mut None,
            };
            if slot.is_none() {
                *slot = Some(v);
            }
            if let Some(id) = name.id {
                out.push((id, v));
            }
        }
        found
    }
}

fn attr_name(b: &mut SnapshotBuilder, q: &QualName) -> AttrName {
    let local: &str = q.local.as_ref();
    // What scraper's `Element::attr(name)` answered: no prefix, no namespace (every attribute
    // of an HTML element), the whole local name.
    let slot = if q.prefix.is_none() && q.ns.is_empty() {
        match local {
            "hidden" => 1,
            "type" => 2,
            "open" => 3,
            "style" => 4,
            _ => 0,
        }
    } else {
        0
    };
    if local.as_bytes().get(..OWN_ATTR_PREFIX.len()).is_some_and(|p| p.eq_ignore_ascii_case(OWN_ATTR_PREFIX.as_bytes())) {
        return AttrName { id: None, slot };
    }
    // html5ever gives `xmlns` on foreign elements an empty prefix: no colon then.
    let id = match &q.prefix {
        Some(p) if !p.is_empty() => b.intern_name(&format!("{}:{}", p, q.local)),
        _ => b.intern_name(local),
    };
    AttrName { id: Some(id), slot }
}

/// The attributes the walk itself reads.
#[derive(Default)]
struct Markup<'a> {
    hidden: Option<&'a str>,
    type_: Option<&'a str>,
    open: Option<&'a str>,
    style: Option<&'a str>,
}

impl<'a> Markup<'a> {
    fn get(&self, name: &str) -> Option<&'a str> {
        match name {
            "hidden" => self.hidden,
            "type" => self.type_,
            "open" => self.open,
            "style" => self.style,
            _ => None,
        }
    }
}

/// Does an element keep its text children? Script text only for JSON-LD (`type` compared
/// without surrounding whitespace or case, as browsers match MIME types); no style or template
/// text. A `<noscript>` keeps its raw markup text (scripting is on, as in a browser): it is not
/// content, but the article finder's fallback and the reader's noscript images read it.
/// Shared with the CLI's `clean`, which replays this numbering.
pub fn keeps_text(name: &str, type_attr: Option<&str>) -> bool {
    match name {
        "script" => type_attr.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")),
        "style" | "template" => false,
        _ => true,
    }
}

/// Are an element's children part of the snapshot? Not a `<template>`'s: its content is inert
/// and, in a browser, not among its children at all.
pub fn keeps_children(name: &str) -> bool {
    name != "template"
}

/// Body elements the UA stylesheet always hides (`display: none`), as a browser's computed style
/// reports them: a datalist's options, ruby fallback parentheses, inert templates.
const UA_HIDDEN: [&str; 3] = ["datalist", "rp", "template"];

/// Prefix of the marker attributes the extension sets on a live page (`apply.js`): Sift's own, not
/// the page's, so a saved copy of a cleaned page reads as the page did (as `capture.js` does).
const OWN_ATTR_PREFIX: &str = "data-sift-";

/// Hidden by markup alone (no computed style available natively).
pub fn is_hidden<'a>(name: &str, attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    if attr("hidden").is_some_and(|v| !v.trim().eq_ignore_ascii_case("until-found")) {
        return true;
    }
    if name == "input" && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) {
        return true;
    }
    if name == "dialog" && attr("open").is_none() {
        return true;
    }
    if UA_HIDDEN.contains(&name) {
        return true;
    }
    if let Some(style) = attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Tag;

    #[test]
    fn parses_and_drops_script_text() {
        let s = parse(
            "<html><body><p>Hi <b>there</b></p><script>var x=1</script>\
             <script type=application/ld+json>{\"a\":1}</script><div hidden>no</div></body></html>",
            None,
        )
        .unwrap();
        assert_eq!(s.tag(0), Tag::Html);
        let body = s.body();
        assert_eq!(s.text_of(body), "Hi there");
        assert!(s.text.contains("{\"a\":1}"));
        assert!(!s.text.contains("var x"));
    }

    #[test]
    fn follows_the_browser_on_odd_markup() {
        let s = parse(
            "<html><body><script type=' Application/LD+JSON '>{\"b\":2}</script>\
             <template><p>inert</p></template><dialog><p>closed</p></dialog>\
             <dialog open><p>open</p></dialog><div hidden=until-found><p>findable</p></div></body></html>",
            None,
        )
        .unwrap();
        assert!(s.text.contains("{\"b\":2}"), "JSON-LD with a padded, upper-case type is kept");
        assert!(!s.text.contains("inert"), "template content is not walked");
        let dialogs: Vec<_> = (0..s.len() as NodeId).filter(|&i| s.tag_name(i) == "dialog").collect();
        assert_eq!(dialogs.len(), 2);
        assert!(s.node(dialogs[0]).hidden_self, "a dialog without open is hidden");
        assert!(!s.node(dialogs[1]).hidden_self, "an open dialog is not");
        assert_eq!(s.text_of(s.body()), "open findable");
        let s = parse("<svg xmlns='http://www.w3.org/2000/svg'><use xlink:href='#i'/><a href='/x' data-sift-hidden=ad>x</a></svg>", None).unwrap();
        let names: Vec<_> = (0..s.len() as NodeId).flat_map(|i| s.attrs(i).map(|(k, _)| k.to_owned())).collect();
        assert_eq!(names, ["xmlns", "xlink:href", "href"], "prefixed attributes keep their prefix; Sift's markers go");
        let s = parse("<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>", None).unwrap();
        assert_eq!(s.text_of(s.body()), "漢kan", "ruby fallback parentheses are hidden, as in a browser");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 20_000;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let s = parse(&html, None).unwrap();
        assert!(s.max_depth() as usize >= depth);
        assert_eq!(s.text_of(s.body()), "text");
    }
}
