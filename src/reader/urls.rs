//! URL hygiene for the reader document, without the `url` crate (wasm size matters).
//!
//! Every URL that reaches the output goes through [`clean`]: control characters and
//! whitespace are stripped the way browsers strip them before reading a scheme (so
//! `java\tscript:` and `\u{1}javascript:` are seen for what they are), the scheme is checked
//! against an allow-list for the URL's use, and relative URLs are resolved against the page
//! URL with a small RFC 3986 resolver. Entity decoding already happened in the HTML parser
//! (attribute values in a snapshot are decoded), so `jav&#x61;script:` arrives as `javascript:`.

/// What the URL will be used for; decides which schemes pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// `<a href>`: http, https, mailto.
    Link,
    /// `<img src>`: http, https, and `data:image/*` raster types (never SVG: it can script).
    Image,
    /// Embeds and media shown as links: http and https only.
    Media,
}

/// Raster image types accepted in `data:` URLs. SVG is excluded on purpose.
const DATA_IMAGE_TYPES: &[&str] =
    &["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif", "image/bmp"];

/// A safe, absolute-when-possible URL for `use_`, or `None` when it must not be emitted.
pub fn clean(raw: &str, base: Option<&str>, use_: Use) -> Option<String> {
    let s = strip(raw);
    if s.is_empty() {
        return None;
    }
    match scheme_of(&s) {
        Some(Ok(scheme)) => {
            let ok = match scheme.as_str() {
                "http" | "https" => true,
                "mailto" => use_ == Use::Link,
                "data" => use_ == Use::Image && is_data_image(&s),
                _ => false,
            };
            ok.then_some(s)
        }
        // Something before a ':' that is not a valid scheme: never guess, drop it.
        Some(Err(())) => None,
        None => Some(resolve(base, &s)),
    }
}

/// Strips what browsers strip before parsing: leading/trailing C0 controls and spaces, and
/// tabs/newlines anywhere; other control characters are removed too (they never belong in a
/// URL we emit) and inner spaces are percent-encoded.
fn strip(raw: &str) -> String {
    let t = raw.trim_matches(|c: char| c <= ' ' || c.is_whitespace());
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_control() {
            continue;
        }
        if c == ' ' {
            out.push_str("%20");
        } else {
            out.push(c);
        }
    }
    out
}

/// `None`: no scheme (a relative URL). `Some(Ok(s))`: a valid lower-cased scheme.
/// `Some(Err(()))`: a ':' before any '/', '?', '#' but not a valid scheme.
fn scheme_of(s: &str) -> Option<Result<String, ()>> {
    let end = s.find([':', '/', '?', '#', '\\'])?;
    if s.as_bytes().get(end) != Some(&b':') {
        return None;
    }
    let cand = &s[..end];
    let mut chars = cand.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    Some(if valid { Ok(cand.to_ascii_lowercase()) } else { Err(()) })
}

fn is_data_image(s: &str) -> bool {
    let head = s.get(5..).unwrap_or("");
    let mime_end = head.find([';', ',']).unwrap_or(head.len());
    let mime = head[..mime_end].trim().to_ascii_lowercase();
    DATA_IMAGE_TYPES.contains(&mime.as_str())
}

/// An absolute http(s) URL split into its parts.
struct Parts<'a> {
    scheme: &'a str,
    authority: &'a str,
    path: &'a str,
    query: &'a str,
}

fn parse_base(base: &str) -> Option<Parts<'_>> {
    let colon = base.find("://")?;
    let scheme = &base[..colon];
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = &base[colon + 3..];
    let a_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(a_end);
    let p_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, rest) = rest.split_at(p_end);
    let q_end = rest.find('#').unwrap_or(rest.len());
    Some(Parts { scheme, authority, path, query: &rest[..q_end] })
}

/// Resolves a scheme-less `rel` against `base` (RFC 3986 section 5.2, for http(s) bases).
/// Without a usable base the relative URL is returned as is (it has no scheme, so it is safe).
pub fn resolve(base: Option<&str>, rel: &str) -> String {
    let rel = rel.replace('\\', "/");
    let Some(b) = base.and_then(|b| parse_base(b.trim())) else {
        if let Some(r) = rel.strip_prefix("//") {
            return format!("https://{r}");
        }
        return rel;
    };
    let scheme = b.scheme.to_ascii_lowercase();
    if rel.starts_with("//") {
        return format!("{scheme}:{rel}");
    }
    let origin = format!("{scheme}://{}", b.authority);
    if rel.starts_with('/') {
        return format!("{origin}{}", remove_dots(&rel));
    }
    if rel.starts_with('?') {
        return format!("{origin}{}{rel}", if b.path.is_empty() { "/" } else { b.path });
    }
    if rel.starts_with('#') {
        let path = if b.path.is_empty() { "/" } else { b.path };
        return format!("{origin}{path}{}{rel}", b.query);
    }
    let dir = match b.path.rfind('/') {
        Some(i) => &b.path[..=i],
        None => "/",
    };
    format!("{origin}{}", remove_dots(&format!("{dir}{rel}")))
}

/// Removes `.` and `..` segments from the path part of `p` (which starts with '/').
fn remove_dots(p: &str) -> String {
    let cut = p.find(['?', '#']).unwrap_or(p.len());
    let (path, rest) = p.split_at(cut);
    let segs: Vec<&str> = path.split('/').collect();
    let mut out: Vec<&str> = Vec::new();
    let last = segs.len().saturating_sub(1);
    for (k, seg) in segs.iter().enumerate().skip(1) {
        match *seg {
            "." => {}
            ".." => {
                out.pop();
            }
            s => {
                out.push(s);
                continue;
            }
        }
        if k == last {
            out.push("");
        }
    }
    format!("/{}{rest}", out.join("/"))
}

/// The best candidate of a `srcset`: the widest `w`, else the densest `x`, else the first.
/// Follows the HTML parsing rules closely enough for real pages: URLs may contain commas
/// (CDN transforms), descriptors follow whitespace, candidates end at a comma.
pub fn pick_srcset(srcset: &str) -> Option<&str> {
    let mut best: Option<(&str, u64)> = None;
    let bytes = srcset.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut url = &srcset[start..i];
        let mut descriptor = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d_start = i;
            let mut depth = 0i32;
            while i < bytes.len() && !(bytes[i] == b',' && depth == 0) {
                match bytes[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            descriptor = srcset[d_start..i].trim();
        }
        if url.is_empty() {
            continue;
        }
        let weight = descriptor_weight(descriptor);
        if best.is_none_or(|(_, w)| weight > w) {
            best = Some((url, weight));
        }
    }
    best.map(|(u, _)| u)
}

/// Orders candidates: widths count as they are, densities as a nominal 1000px per 1x, none as 0.
/// Parsed by hand: pulling in the float parser would cost the wasm ~6 KB for an ordering.
fn descriptor_weight(d: &str) -> u64 {
    /// A density descriptor "2x" is ranked like a width of 2 * this (only the order matters).
    const NOMINAL_WIDTH_PER_X: u64 = 1000;
    let d = d.split_whitespace().next().unwrap_or("");
    if let Some(w) = d.strip_suffix(['w', 'W']) {
        return decimal_milli(w) / 1000;
    }
    if let Some(x) = d.strip_suffix(['x', 'X']) {
        return decimal_milli(x) * NOMINAL_WIDTH_PER_X / 1000;
    }
    0
}

/// "1.5" -> 1500: a non-negative decimal in thousandths (0 when it is not one).
fn decimal_milli(s: &str) -> u64 {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return 0;
    }
    let whole = int.get(..int.len().min(12)).unwrap_or("").parse::<u64>().unwrap_or(0);
    let mut milli = 0;
    for (k, c) in frac.chars().take(3).enumerate() {
        milli += u64::from(c.to_digit(10).unwrap_or(0)) * 10u64.pow(2 - k as u32);
    }
    whole * 1000 + milli
}

/// The lower-cased host of an absolute http(s) URL (no user info, no port).
pub fn host(url: &str) -> Option<String> {
    let b = parse_base(url)?;
    let a = b.authority.rsplit('@').next().unwrap_or("");
    let h = a.split(':').next().unwrap_or("");
    (!h.is_empty()).then(|| h.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://example.org/news/2024/story.html?x=1#top");

    #[test]
    fn resolves_relative_urls() {
        assert_eq!(resolve(BASE, "img/a.png"), "https://example.org/news/2024/img/a.png");
        assert_eq!(resolve(BASE, "../a.png"), "https://example.org/news/a.png");
        assert_eq!(resolve(BASE, "../../../../a.png"), "https://example.org/a.png");
        assert_eq!(resolve(BASE, "/root/./x/../y"), "https://example.org/root/y");
        assert_eq!(resolve(BASE, "//cdn.example.net/p.jpg"), "https://cdn.example.net/p.jpg");
        assert_eq!(resolve(BASE, "?page=2"), "https://example.org/news/2024/story.html?page=2");
        assert_eq!(resolve(BASE, "#fn1"), "https://example.org/news/2024/story.html?x=1#fn1");
        assert_eq!(resolve(BASE, "./"), "https://example.org/news/2024/");
        assert_eq!(resolve(Some("http://h.com"), "a?b=../c"), "http://h.com/a?b=../c");
        assert_eq!(resolve(None, "a/b.png"), "a/b.png");
    }

    #[test]
    fn allows_only_safe_schemes() {
        let link = |u: &str| clean(u, BASE, Use::Link);
        assert_eq!(link("https://a.b/c").as_deref(), Some("https://a.b/c"));
        assert_eq!(link("mailto:x@y.z").as_deref(), Some("mailto:x@y.z"));
        for bad in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:x", "vbscript:msgbox(1)",
            "data:text/html,<script>x</script>", "\u{fffd}javascript:x", "jav ascript:x",
        ] {
            assert_eq!(link(bad), None, "{bad:?}");
        }
        let img = |u: &str| clean(u, BASE, Use::Image);
        assert!(img("data:image/png;base64,AAAA").is_some());
        assert_eq!(img("data:image/svg+xml,<svg onload=alert(1)>"), None);
        assert_eq!(link("data:image/png;base64,AAAA"), None);
        assert_eq!(img("a b.png").as_deref(), Some("https://example.org/news/2024/a%20b.png"));
    }

    #[test]
    fn picks_the_largest_srcset_candidate() {
        assert_eq!(pick_srcset("a.jpg 300w, b.jpg 1200w, c.jpg 800w"), Some("b.jpg"));
        assert_eq!(pick_srcset("a.jpg, b.jpg 2x"), Some("b.jpg"));
        assert_eq!(pick_srcset("https://c.d/x,w_300/p.jpg 300w, https://c.d/x,w_900/p.jpg 900w"),
            Some("https://c.d/x,w_900/p.jpg"));
        assert_eq!(pick_srcset("  "), None);
        assert_eq!(pick_srcset("a.jpg 1.5x, b.jpg 1.25x, c.jpg .5x"), Some("a.jpg"));
        assert_eq!(decimal_milli("2.75"), 2750);
        assert_eq!(decimal_milli("x"), 0);
        assert_eq!(host("https://User@www.YouTube.com:443/embed/x").as_deref(), Some("www.youtube.com"));
    }
}
