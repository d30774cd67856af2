//! Native only: HTML text -> [`Snapshot`] with an HTML5 parser (scraper / html5ever).
//!
//! One iterative walk over the parsed tree (no recursion: 20,000-deep pages are fine). Without a
//! browser there is no computed style, so "hidden" is what markup says: the `hidden` attribute,
//! inline `display:none` / `visibility:hidden`, and `<input type=hidden>`. Script and style text
//! is dropped except JSON-LD, which metadata reads.

use crate::error::Error;
use crate::snapshot::{NodeId, Snapshot, SnapshotBuilder};
use scraper::node::Node as PNode;

/// Parses `html` and builds its snapshot. `url` resolves relative links later.
pub fn parse(html: &str, url: Option<&str>) -> Result<Snapshot, Error> {
    let doc = scraper::Html::parse_document(html);
    let mut b = SnapshotBuilder::new().with_url(url.map(str::to_owned));
    // Stack of (our id, keep text?) for open elements; None for skipped subtrees.
    let mut stack: Vec<Option<(NodeId, bool)>> = Vec::new();
    let mut root_seen = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree_edge::Open(node) => match node.value() {
                PNode::Element(el) => {
                    let name = el.name();
                    let parent = stack.last().copied().flatten();
                    if parent.is_none() && (root_seen || !stack.is_empty()) {
                        stack.push(None);
                        continue;
                    }
                    let hidden = is_hidden(name, |n| el.attr(n));
                    let id = b.element(parent.map(|p| p.0), name, el.attrs(), hidden)?;
                    root_seen = true;
                    let keep_text = match name {
                        "script" => el
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")),
                        "style" | "noscript" | "template" | "title" => name == "title",
                        _ => true,
                    };
                    stack.push(Some((id, keep_text)));
                }
                PNode::Text(t) => {
                    if let Some(Some((p, true))) = stack.last() {
                        b.text(*p, &t)?;
                    }
                }
                _ => {}
            },
            ego_tree_edge::Close(node) => {
                if matches!(node.value(), PNode::Element(_)) {
                    stack.pop();
                }
            }
        }
    }
    Ok(b.finish())
}

use ego_tree::iter::Edge as ego_tree_edge;

/// Hidden by markup alone (no computed style available natively).
pub fn is_hidden<'a>(name: &str, attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    if attr("hidden").is_some() {
        return true;
    }
    if name == "input" && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) {
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
    fn deep_nesting_does_not_overflow() {
        let depth = 20_000;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let s = parse(&html, None).unwrap();
        assert!(s.max_depth() as usize >= depth);
        assert_eq!(s.text_of(s.body()), "text");
    }
}
