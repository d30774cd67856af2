//! Images, pictures, embeds and media: which URL to show, or nothing.
//!
//! Lazy-loading pages leave a placeholder in `src` (a tiny `data:` GIF, an empty string) and
//! the real image in `data-src` / `data-lazy-src` / `data-original` / `(data-)srcset`; when a
//! lazy attribute holds a usable URL it wins, because lazy loaders copy it into `src` later.
//! Embeds are shown as a link paragraph ("Video: https://...") and only for an allow-list of
//! hosts; no frame of any kind reaches the reader document.

use super::urls::{self, Use};
use crate::snapshot::{NodeId, Snapshot, Tag};

/// Single-URL attributes lazy loaders keep the real image in, most common first.
const LAZY_SRC_ATTRS: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "data-lazy", "data-hi-res-src", "data-full-src"];

/// `srcset`-style attributes lazy loaders use.
const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset"];

/// A `data:` image URL shorter than this is a placeholder (a 1x1 PNG/GIF is ~100 characters;
/// a real inline image is thousands).
pub const DEFAULT_PLACEHOLDER_DATA_URL_MAX_LEN: usize = 512;

/// Images at most this many pixels wide and high (by their attributes) are tracking pixels or
/// spacers, and are dropped when no lazy source says otherwise.
pub const DEFAULT_PIXEL_MAX_SIDE: u32 = 2;

/// Embed hosts (the host or any subdomain of it), the label shown before the link, and a path
/// fragment the embed URL must contain (empty: any path). Share buttons and comment plugins
/// served from the same hosts are not on the list.
const EMBED_HOSTS: &[(&str, &str, &str)] = &[
    ("youtube.com", "Video", "/embed/"),
    ("youtube-nocookie.com", "Video", "/embed/"),
    ("youtu.be", "Video", ""),
    ("vimeo.com", "Video", "/video/"),
    ("dailymotion.com", "Video", "/embed/"),
    ("dai.ly", "Video", ""),
    ("tiktok.com", "Video", "/embed"),
    ("twitch.tv", "Video", ""),
    ("ted.com", "Video", "/talks/"),
    ("twitter.com", "Post", "/embed"),
    ("x.com", "Post", "/embed"),
    ("instagram.com", "Post", "/embed"),
    ("soundcloud.com", "Audio", "/player"),
    ("spotify.com", "Audio", "/embed"),
    ("bandcamp.com", "Audio", "/EmbeddedPlayer"),
    ("codepen.io", "Code", "/embed/"),
    ("gist.github.com", "Code", ""),
];

/// Sanitized attributes for `<img>` element `id`, or `None` to drop it.
pub fn image(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<Vec<(&'static str, String)>> {
    let src = image_src(snap, id, base)?;
    Some(image_attrs(snap, id, src))
}

/// A `<picture>` collapsed to one image: its `<img>` if that has a usable source, else the
/// best `<source>` candidate; alt and size come from the `<img>`.
pub fn picture(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<Vec<(&'static str, String)>> {
    let range = snap.subtree(id);
    let img = range.clone().find(|&i| snap.tag(i) == Tag::Img);
    if let Some(src) = img.and_then(|i| image_src(snap, i, base)) {
        return Some(image_attrs(snap, img.unwrap_or(id), src));
    }
    let src = range.filter(|&i| snap.tag(i) == Tag::Source).find_map(|s| {
        let ty = snap.attr(s, "type").unwrap_or("").to_ascii_lowercase();
        if crate::text::contains_str(&ty, "svg") {
            return None;
        }
        ["srcset", "data-srcset", "src"].iter().find_map(|a| {
            let v = snap.attr(s, a)?;
            let u = if *a == "src" { v } else { urls::pick_srcset(v)? };
            usable(u, base)
        })
    })?;
    Some(match img {
        Some(i) => image_attrs(snap, i, src),
        None => vec![("src", src)],
    })
}

fn image_attrs(snap: &Snapshot, id: NodeId, src: String) -> Vec<(&'static str, String)> {
    let get = |a| snap.attr(id, a);
    img_attrs([get("alt"), get("title"), get("width"), get("height")], src, false).unwrap_or_default()
}

/// `src`, then the `alt`, `title`, `width` and `height` values given (an element's attributes or
/// the attributes of a `<noscript>`'s `<img>` tag). A placeholder's 1x1 size must not shrink the
/// real image a lazy source gave us: an element's size is kept only when neither side is a
/// pixel's. `noscript`: a pixel-sized `<img>` tag is no image (`None`), any other keeps its size.
fn img_attrs(values: [Option<&str>; 4], src: String, noscript: bool) -> Option<Vec<(&'static str, String)>> {
    let [alt, title, width, height] = values;
    let mut attrs = vec![("src", src), ("alt", alt.unwrap_or("").trim().to_owned())];
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        attrs.push(("title", t.to_owned()));
    }
    let w = dimension(width);
    let h = dimension(height);
    let pixel = |d: Option<u32>| d.is_some_and(|d| d <= DEFAULT_PIXEL_MAX_SIDE);
    if noscript && pixel(w) && pixel(h) {
        return None;
    }
    if noscript || !(pixel(w) || pixel(h)) {
        for (a, v) in [("width", w), ("height", h)] {
            if let Some(v) = v {
                attrs.push((a, crate::text::cat!(v)));
            }
        }
    }
    Some(attrs)
}

/// A plain pixel count ("640", "640px"); anything else ("100%", "auto") is not kept.
fn dimension(v: Option<&str>) -> Option<u32> {
    let v = v?.trim();
    crate::text::parse_u32(v.strip_suffix("px").unwrap_or(v))
}

/// The URL to show for `<img>` `id`: a lazy source first, then `src`, then `srcset`.
fn image_src(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<String> {
    let lazy = LAZY_SRC_ATTRS
        .iter()
        .find_map(|a| usable(snap.attr(id, a)?, base))
        .or_else(|| {
            LAZY_SRCSET_ATTRS
                .iter()
                .find_map(|a| usable(urls::pick_srcset(snap.attr(id, a)?)?, base))
        });
    if lazy.is_some() {
        return lazy;
    }
    let w = dimension(snap.attr(id, "width"));
    let h = dimension(snap.attr(id, "height"));
    if w.is_some_and(|w| w <= DEFAULT_PIXEL_MAX_SIDE) && h.is_some_and(|h| h <= DEFAULT_PIXEL_MAX_SIDE) {
        return None;
    }
    snap.attr(id, "src")
        .and_then(|s| usable(s, base))
        .or_else(|| usable(urls::pick_srcset(snap.attr(id, "srcset")?)?, base))
}

/// A cleaned image URL unless it is unsafe or a placeholder.
fn usable(raw: &str, base: Option<&str>) -> Option<String> {
    let u = urls::clean(raw, base, Use::Image)?;
    if is_placeholder(&u) {
        return None;
    }
    Some(u)
}

fn is_placeholder(u: &str) -> bool {
    let lower = u.get(..16).unwrap_or(u).to_ascii_lowercase();
    lower.starts_with("data:")
        && (lower.starts_with("data:image/gif") || u.len() < DEFAULT_PLACEHOLDER_DATA_URL_MAX_LEN)
}

/// An `<iframe>`, `<embed>` or `<object>` from an allow-listed host, as (label, page URL).
pub fn embed(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<(&'static str, String)> {
    let raw = ["src", "data-src", "data", "data-lazy-src"].iter().find_map(|a| snap.attr(id, a))?;
    let url = urls::clean(raw, base, Use::Media)?;
    let host = urls::host(&url)?;
    let &(h, label, path) = EMBED_HOSTS
        .iter()
        .find(|(h, _, _)| host == *h || host.strip_suffix(*h).is_some_and(|r| r.ends_with('.')))?;
    if !path.is_empty() && !crate::text::contains_str(&url, path) {
        return None;
    }
    Some((label, canonical(h, &url)))
}

/// The watch page instead of the player URL where that is a simple rewrite.
fn canonical(host: &str, url: &str) -> String {
    let video_id = |marker: &str| {
        let rest = url.get(crate::text::find_str(url, marker)? + marker.len()..)?;
        let n = rest.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_').count();
        Some(crate::text::to(rest, n)).filter(|id| !id.is_empty())
    };
    match host {
        "youtube.com" | "youtube-nocookie.com" => video_id("/embed/")
            .map(|v| crate::text::cat!("https://www.youtube.com/watch?v=", v))
            .unwrap_or_else(|| url.to_owned()),
        "vimeo.com" => video_id("/video/")
            .map(|v| crate::text::cat!("https://vimeo.com/", v))
            .unwrap_or_else(|| url.to_owned()),
        _ => url.to_owned(),
    }
}

/// `<video>` / `<audio>`: their http(s) source as (label, URL).
pub fn media(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<(&'static str, String)> {
    let label = if snap.tag(id) == Tag::Audio { "Audio" } else { "Video" };
    let own = snap.attr(id, "src").and_then(|s| urls::clean(s, base, Use::Media));
    let url = own.or_else(|| {
        snap.subtree(id)
            .filter(|&i| snap.tag(i) == Tag::Source)
            .find_map(|s| urls::clean(snap.attr(s, "src")?, base, Use::Media))
    })?;
    Some((label, url))
}

/// Longest `<noscript>` text scanned for an image (an `<img>` tag with a long `srcset` is a
/// few kilobytes; anything longer is not a lazy-loading fallback).
pub const DEFAULT_NOSCRIPT_SCAN_MAX_CHARS: usize = 16 * 1024;

/// The image a `<noscript>` holds as raw text (lazy loaders put a placeholder `<img>` in the
/// page and the real one in `<noscript>`), when no sibling image already shows one. The first
/// `<img` tag's attributes are read by a small scanner; its URL passes the same checks as any
/// image's, and only src/srcset/alt/title/width/height are looked at.
pub fn noscript_image(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<Vec<(&'static str, String)>> {
    let mut raw = String::new();
    for c in snap.children(id) {
        if snap.node(c).kind == crate::snapshot::NodeKind::Text {
            raw.push_str(snap.own_text(c));
        }
    }
    if raw.is_empty() || raw.len() > DEFAULT_NOSCRIPT_SCAN_MAX_CHARS {
        return None;
    }
    if let Some(p) = snap.parent(id) {
        let sibling_shows = snap.children(p).any(|c| match snap.tag(c) {
            Tag::Img => image_src(snap, c, base).is_some(),
            Tag::Picture => picture(snap, c, base).is_some(),
            _ => false,
        });
        if sibling_shows {
            return None;
        }
    }
    let attrs = img_tag_attrs(&raw)?;
    let get = |name: &str| attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let src = get("src")
        .and_then(|s| usable(s, base))
        .or_else(|| usable(urls::pick_srcset(get("srcset")?)?, base))?;
    img_attrs([get("alt"), get("title"), get("width"), get("height")], src, true)
}

/// Attributes (lower-case names, entity-decoded values) of the first `<img` tag in `html`.
fn img_tag_attrs(html: &str) -> Option<Vec<(String, String)>> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    let start = loop {
        let at = from + crate::text::find_str(lower.get(from..)?, "<img")?;
        // "<img" must end the tag name ("<imgx" is another element).
        let after = lower.as_bytes().get(at + 4).copied();
        if after.is_none_or(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>') {
            break at + 4;
        }
        from = at + 4;
    };
    let b = html.as_bytes();
    let mut i = start;
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return Some(out);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html.get(name_start..i)?.to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v_start, v_end) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let s = i + 1;
                    let e = s + html.get(s..)?.bytes().position(|c| c == q)?;
                    i = e + 1;
                    (s, e)
                }
                _ => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    (s, i)
                }
            };
            value = decode_entities(html.get(v_start..v_end)?);
        }
        if !name.is_empty() && !out.iter().any(|(k, _)| *k == name) {
            out.push((name, value));
        }
    }
}

/// Character references in a raw attribute value (decoding first lets the URL check see the
/// scheme a browser would see).
fn decode_entities(v: &str) -> String {
    crate::text::decode_entities(v)
}
