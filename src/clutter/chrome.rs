//! Site chrome: breadcrumbs, navigation, footers, and stray controls (toggles, "enlarge").

use super::*;

pub(super) fn detect_breadcrumb(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let c = cx.c(id);
    if c.links == 0 || node.text_len > DEFAULT_BREADCRUMB_MAX_CHARS {
        return None;
    }
    let hints = cx.hint(id);
    if contains_any(hints, pat::BREADCRUMB_WORDS) || crate::text::contains_str(hints, "breadcrumblist") {
        return found!(ClutterKind::Breadcrumb, "breadcrumb", "trail of {} link(s) marked as a breadcrumb", c.links);
    }
    // Structure: 2+ links, separators between them, the first link goes to the site root.
    if c.links < 2 || !matches!(node.tag, Tag::Ol | Tag::Ul | Tag::Div | Tag::P | Tag::Nav | Tag::Span) {
        return None;
    }
    // The first (visible) link goes to this site's home page ("/", or the page's own host):
    // tested first, since it is cheap and rarely true; then the separators between the links.
    let first_href = snap.subtree(id).find_map(|i| {
        let n = snap.node(i);
        if !n.hidden && n.tag == Tag::A { snap.attr(i, "href") } else { None }
    });
    let root_link = first_href.is_some_and(|h| {
        let h = h.trim();
        h == "/" || h == "./" || {
            // (`hs` is lower-case: equal to the page's host lower-cased.)
            let hs = host(h);
            !hs.is_empty()
                && hs.eq_ignore_ascii_case(snap.url.as_deref().map_or("", host_slice))
                && h.trim_end_matches('/').ends_with(&hs)
        }
    });
    if !root_link {
        return None;
    }
    let mut sep = false;
    let mut other_chars = 0u32;
    for i in snap.subtree(id) {
        let n = snap.node(i);
        if n.hidden || n.kind != NodeKind::Text || n.link_text_len != 0 {
            continue;
        }
        for ch in snap.own_text(i).chars() {
            if pat::BREADCRUMB_SEPARATORS.contains(&ch) {
                sep = true;
            } else if !ch.is_whitespace() {
                other_chars += 1;
            }
        }
        if other_chars > DEFAULT_HEADING_MAX_CHARS {
            return None;
        }
    }
    if sep {
        return found!(ClutterKind::Breadcrumb, "breadcrumb", "{} links from the site root, separated by arrows or slashes", c.links);
    }
    None
}

pub(super) fn detect_nav(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    if snap.tag(id) == Tag::Nav || cx.role(id, Role::NAVIGATION | Role::MENUBAR) {
        if cx.c(id).links == 0 || all_links_fragments(snap, id) {
            return None; // an in-page table of contents is not site navigation
        }
        let template = if snap.tag(id) == Tag::Nav { "<nav> element with {} link(s)" } else { "role=navigation with {} link(s)" };
        return found!(ClutterKind::Navigation, "navigation", template, cx.c(id).links);
    }
    None
}

pub(super) fn all_links_fragments(snap: &Snapshot, id: NodeId) -> bool {
    let mut any = false;
    for i in snap.subtree(id) {
        if snap.tag(i) == Tag::A {
            if let Some(h) = snap.attr(i, "href") {
                any = true;
                if !h.trim_start().starts_with('#') {
                    return false;
                }
            }
        }
    }
    any
}

pub(super) fn detect_footer(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let tagged = node.tag == Tag::Footer || cx.role(id, Role::CONTENTINFO);
    if tagged {
        let inside_content = cx.within(id, Within::CONTENT);
        if !inside_content && cx.text_after(id) <= DEFAULT_FOOTER_TAIL_CHARS * 5 {
            return found!(ClutterKind::Footer, "site-footer", "page footer outside any article");
        }
        return None;
    }
    // Without the tag: the outermost small block at the very end of the page with a © notice.
    let c = cx.c(id);
    if c.copyright == 0 || c.links < 2 || node.text_len > DEFAULT_FOOTER_MAX_CHARS || cx.text_after(id) > DEFAULT_FOOTER_TAIL_CHARS {
        return None;
    }
    let parent_bigger = snap.parent(id).is_none_or(|p| {
        let pn = snap.node(p);
        pn.text_len > DEFAULT_FOOTER_MAX_CHARS || matches!(pn.tag, Tag::Body | Tag::Html)
    });
    if parent_bigger && !matches!(node.tag, Tag::Body | Tag::Html) {
        return found!(ClutterKind::Footer, "site-footer", "last block of the page, a copyright notice and {} links", c.links);
    }
    None
}

pub(super) fn detect_control(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let is_button = match node.tag {
        Tag::Button => true,
        Tag::Input => snap.attr(id, "type").is_some_and(|t| t.eq_ignore_ascii_case("button")),
        Tag::A | Tag::Div | Tag::Span => cx.role(id, Role::BUTTON | Role::SWITCH),
        _ => false,
    };
    if !is_button || node.text_len > DEFAULT_CONTROL_MAX_CHARS || cx.c(id).media > 0 {
        return None;
    }
    // Inside a form it is the form's; inside a heading it is an accordion's title (the ARIA
    // accordion pattern), content.
    if cx.within(id, Within::FORM | Within::HEADING) {
        return None;
    }
    let toggle = snap.attr(id, "aria-pressed").is_some() || cx.role(id, Role::SWITCH);
    // A disclosure button opens content ("Read more", an FAQ question, a menu): hiding it could
    // lock content away. Icon-only buttons show nothing worth hiding and only add noise.
    if !toggle && (snap.attr(id, "aria-expanded").is_some() || snap.attr(id, "aria-controls").is_some() || node.text_len == 0) {
        return None;
    }
    if let Some(p) = snap.parent(id) {
        // Player controls stay with their player.
        if cx.c(p).players > 0 {
            return None;
        }
    }
    // Its text, or else its aria-label or title.
    let text = snippet(snap, id, 30);
    let label = if text.is_empty() { snap.attr(id, "aria-label").or(snap.attr(id, "title")).unwrap_or("") } else { &text };
    let template = if toggle { "toggle button '{}', not content" } else { "button '{}' outside any form, not content" };
    found!(ClutterKind::Control, "control", template, label)
}
