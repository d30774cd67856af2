//! Images, pictures, embeds and media: which URL to show, or nothing.
//!
//! Lazy-loading pages leave a placeholder in `src` (a tiny `data:` GIF, an empty string) and
//! the real image in `data-src` / `data-lazy-src` / `data-original` / `(data-)srcset`; when a
//! lazy attribute holds a usable URL it wins, because lazy loaders copy it into `src` later.
//! Embeds are shown as a link paragraph ("Video: https://...") and only for an allow-list of
//! hosts; no frame of any kind reaches the reader document.

use super::sanitize::push_attr;
use super::urls::{self, Use};
use crate::snapshot::{NodeId, Snapshot, Tag};

/// Attributes lazy loaders keep the real image in, most common first, each with whether it is
/// `srcset`-style (`true`) or holds a single URL: the single-URL ones are looked at first.
const LAZY_ATTRS: &[(&str, bool)] = &[
    ("data-src", false),
    ("data-lazy-src", false),
    ("data-original", false),
    ("data-lazy", false),
    ("data-hi-res-src", false),
    ("data-full-src", false),
    ("data-srcset", true),
    ("data-lazy-srcset", true),
];

/// An image's own source attributes: `src`, then `srcset`.
const SRC_ATTRS: &[(&str, bool)] = &[("src", false), ("srcset", true)];

/// A `<picture>`'s `<source>` attributes, in the order they are tried.
const SOURCE_ATTRS: &[(&str, bool)] = &[("srcset", true), ("data-srcset", true), ("src", false)];

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
    let mut img = None;
    for i in range.clone() {
        if snap.tag(i) == Tag::Img {
            img = Some(i);
            break;
        }
    }
    let mut src = img.and_then(|i| image_src(snap, i, base));
    for s in range {
        if src.is_some() {
            break;
        }
        if snap.tag(s) != Tag::Source {
            continue;
        }
        let ty = snap.attr(s, "type").unwrap_or("").as_bytes();
        if ty.windows(3).any(|w| w.eq_ignore_ascii_case(b"svg")) {
            continue;
        }
        src = first_usable(snap, s, SOURCE_ATTRS, base);
    }
    let src = src?;
    Some(match img {
        Some(i) => image_attrs(snap, i, src),
        None => vec![("src", src)],
    })
}

fn image_attrs(snap: &Snapshot, id: NodeId, src: String) -> Vec<(&'static str, String)> {
    let values = [snap.attr(id, "alt"), snap.attr(id, "title"), snap.attr(id, "width"), snap.attr(id, "height")];
    img_attrs(values, src, false).unwrap_or_default()
}

/// `src`, then the `alt`, `title`, `width` and `height` values given (an element's attributes or
/// the attributes of a `<noscript>`'s `<img>` tag). A placeholder's 1x1 size must not shrink the
/// real image a lazy source gave us: an element's size is kept only when neither side is a
/// pixel's. `noscript`: a pixel-sized `<img>` tag is no image (`None`), any other keeps its size.
fn img_attrs(values: [Option<&str>; 4], src: String, noscript: bool) -> Option<Vec<(&'static str, String)>> {
    let [alt, title, width, height] = values;
    let w = dimension(width);
    let h = dimension(height);
    let pixel = |d: Option<u32>| d.is_some_and(|d| d <= DEFAULT_PIXEL_MAX_SIDE);
    if noscript && pixel(w) && pixel(h) {
        return None;
    }
    let mut attrs = Vec::with_capacity(5);
    attrs.push(("src", src));
    push_attr(&mut attrs, "alt", alt.unwrap_or("").trim());
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        push_attr(&mut attrs, "title", t);
    }
    if noscript || !(pixel(w) || pixel(h)) {
        if let Some(w) = w {
            attrs.push(("width", crate::text::cat!(w)));
        }
        if let Some(h) = h {
            attrs.push(("height", crate::text::cat!(h)));
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
    let lazy = first_usable(snap, id, LAZY_ATTRS, base);
    if lazy.is_some() {
        return lazy;
    }
    let w = dimension(snap.attr(id, "width"));
    let h = dimension(snap.attr(id, "height"));
    if w.is_some_and(|w| w <= DEFAULT_PIXEL_MAX_SIDE) && h.is_some_and(|h| h <= DEFAULT_PIXEL_MAX_SIDE) {
        return None;
    }
    first_usable(snap, id, SRC_ATTRS, base)
}

/// The first of element `id`'s `attrs` (name, `srcset`-style?) that gives a usable image URL.
fn first_usable(snap: &Snapshot, id: NodeId, attrs: &[(&str, bool)], base: Option<&str>) -> Option<String> {
    for &(a, srcset) in attrs {
        let u = usable_value(snap.attr(id, a), srcset, base);
        if u.is_some() {
            return u;
        }
    }
    None
}

/// An attribute value as a usable image URL: the value itself, or the best candidate of a
/// `srcset`-style value.
fn usable_value(value: Option<&str>, srcset: bool, base: Option<&str>) -> Option<String> {
    let v = value?;
    usable(if srcset { urls::pick_srcset(v)? } else { v }, base)
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
    let starts = |prefix: &[u8]| u.as_bytes().get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    starts(b"data:") && (starts(b"data:image/gif") || u.len() < DEFAULT_PLACEHOLDER_DATA_URL_MAX_LEN)
}

/// An `<iframe>`, `<embed>` or `<object>` from an allow-listed host, as (label, page URL).
pub fn embed(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<(&'static str, String)> {
    let mut raw = None;
    for &a in &["src", "data-src", "data", "data-lazy-src"] {
        raw = snap.attr(id, a);
        if raw.is_some() {
            break;
        }
    }
    let url = urls::clean(raw?, base, Use::Media)?;
    let host = urls::host(&url)?;
    for &(h, label, path) in EMBED_HOSTS {
        if host == h || host.strip_suffix(h).is_some_and(|r| r.ends_with('.')) {
            let at = crate::text::find_str(&url, path)?;
            return Some((label, canonical(h, url, at + path.len())));
        }
    }
    None
}

/// The watch page instead of the player URL where that is a simple rewrite: on the hosts
/// rewritten, the video id follows the path fragment [`EMBED_HOSTS`] requires (at `id_at`).
fn canonical(host: &str, url: String, id_at: usize) -> String {
    let watch = match host {
        "youtube.com" | "youtube-nocookie.com" => "https://www.youtube.com/watch?v=",
        "vimeo.com" => "https://vimeo.com/",
        _ => return url,
    };
    let rest = crate::text::from(&url, id_at);
    let b = rest.as_bytes();
    let mut n = 0;
    while n < b.len() && (b[n].is_ascii_alphanumeric() || b[n] == b'-' || b[n] == b'_') {
        n += 1;
    }
    if n == 0 {
        return url;
    }
    crate::text::cat!(watch, crate::text::to(rest, n))
}

/// `<video>` / `<audio>`: their http(s) source as (label, URL).
pub fn media(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<(&'static str, String)> {
    let label = if snap.tag(id) == Tag::Audio { "Audio" } else { "Video" };
    // The element's own `src`, then its `<source>`s' (the subtree starts with the element).
    for s in snap.subtree(id) {
        if s == id || snap.tag(s) == Tag::Source {
            if let Some(url) = snap.attr(s, "src").and_then(|s| urls::clean(s, base, Use::Media)) {
                return Some((label, url));
            }
        }
    }
    None
}

/// Longest `<noscript>` text scanned for an image (an `<img>` tag with a long `srcset` is a
/// few kilobytes; anything longer is not a lazy-loading fallback).
pub const DEFAULT_NOSCRIPT_SCAN_MAX_CHARS: usize = 16 * 1024;

/// The image a `<noscript>` holds as raw text (lazy loaders put a placeholder `<img>` in the
/// page and the real one in `<noscript>`), when no sibling image already shows one. The first
/// `<img` tag's attributes are read by a small scanner; its URL passes the same checks as any
/// image's, and only src/srcset/alt/title/width/height are looked at.
pub fn noscript_image(snap: &Snapshot, id: NodeId, base: Option<&str>) -> Option<Vec<(&'static str, String)>> {
    let raw = crate::noscript::markup(snap, id);
    if raw.is_empty() || raw.len() > DEFAULT_NOSCRIPT_SCAN_MAX_CHARS {
        return None;
    }
    if let Some(p) = snap.parent(id) {
        for c in snap.children(p) {
            let shows = match snap.tag(c) {
                Tag::Img => image_src(snap, c, base).is_some(),
                Tag::Picture => picture(snap, c, base).is_some(),
                _ => false,
            };
            if shows {
                return None;
            }
        }
    }
    let tag = img_tag_attrs(&raw)?;
    let src = match usable_value(tag.get(0), false, base) {
        Some(src) => src,
        None => usable_value(tag.get(1), true, base)?,
    };
    img_attrs([tag.get(2), tag.get(3), tag.get(4), tag.get(5)], src, true)
}

/// The attributes [`img_tag_attrs`] reads, in the order of [`ImgTag::spans`].
const NOSCRIPT_IMG_ATTRS: [&str; 6] = ["src", "srcset", "alt", "title", "width", "height"];

/// The [`NOSCRIPT_IMG_ATTRS`] of an `<img>` tag: their entity-decoded values one after the
/// other in `text`, and where each one is.
#[derive(Default)]
struct ImgTag {
    text: String,
    spans: [Option<(usize, usize)>; 6],
}

impl ImgTag {
    /// The value of attribute `k` of [`NOSCRIPT_IMG_ATTRS`], if the tag has it.
    fn get(&self, k: usize) -> Option<&str> {
        let (a, b) = (*self.spans.get(k)?)?;
        Some(crate::text::sub(&self.text, a, b))
    }
}

/// The [`NOSCRIPT_IMG_ATTRS`] (names in any case, the first of each name) of the first `<img`
/// tag in `html`; `None` without such a tag or when a quoted value is not closed.
fn img_tag_attrs(html: &str) -> Option<ImgTag> {
    let b = html.as_bytes();
    // "<img" in any case, and it must end the tag name ("<imgx" is another element).
    let mut i = 0;
    loop {
        let tag = b.get(i..i + 4)?;
        let after = b.get(i + 4).copied();
        if tag.eq_ignore_ascii_case(b"<img") && after.is_none_or(|c| c.is_ascii_whitespace() || c == b'/' || c == b'>') {
            i += 4;
            break;
        }
        i += 1;
    }
    let mut out = ImgTag::default();
    loop {
        i = skip(b, i, |c| c.is_ascii_whitespace() || c == b'/');
        if i >= b.len() || b[i] == b'>' {
            return Some(out);
        }
        let name_start = i;
        i = skip(b, i, |c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'));
        let name = crate::text::sub(html, name_start, i);
        let slot = NOSCRIPT_IMG_ATTRS.iter().position(|a| a.eq_ignore_ascii_case(name));
        i = skip(b, i, |c| c.is_ascii_whitespace());
        let (mut v_start, mut v_end) = (i, i);
        if i < b.len() && b[i] == b'=' {
            i = skip(b, i + 1, |c| c.is_ascii_whitespace());
            (v_start, v_end) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let s = i + 1;
                    let e = s + crate::text::find_byte(crate::text::from(html, s), q)?;
                    i = e + 1;
                    (s, e)
                }
                _ => {
                    let s = i;
                    i = skip(b, i, |c| !c.is_ascii_whitespace() && c != b'>');
                    (s, i)
                }
            };
        }
        if let Some(span) = slot.and_then(|k| out.spans.get_mut(k)) {
            if span.is_none() {
                let start = out.text.len();
                out.text.push_str(&decode_entities(crate::text::sub(html, v_start, v_end)));
                *span = Some((start, out.text.len()));
            }
        }
    }
}

/// The index of the first byte from `i` on that `while_` does not accept (`b.len()` if none).
/// A function pointer: one loop serves every step of the tag scanner.
fn skip(b: &[u8], mut i: usize, while_: fn(u8) -> bool) -> usize {
    while i < b.len() && while_(b[i]) {
        i += 1;
    }
    i
}

/// Character references in a raw attribute value (decoding first lets the URL check see the
/// scheme a browser would see).
fn decode_entities(v: &str) -> String {
    crate::text::decode_entities(v)
}
