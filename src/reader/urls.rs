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
            let is = |name: &str| scheme.eq_ignore_ascii_case(name);
            let ok = if is("http") || is("https") {
                true
            } else if is("mailto") {
                use_ == Use::Link
            } else if is("data") {
                use_ == Use::Image && is_data_image(&s)
            } else {
                false
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
    let t = trim_url(raw);
    // The usual URL is printable ASCII without spaces: nothing to remove or encode (a char
    // loop is a call per character in the size-optimised wasm).
    if is_printable_ascii(t) {
        return t.to_owned();
    }
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

/// `raw` without leading and trailing C0 controls, spaces and other whitespace: `str::trim`
/// (Unicode whitespace) and the ASCII bytes up to ' ' (C0 controls, space) in turn, until
/// neither removes anything.
fn trim_url(raw: &str) -> &str {
    let mut t = raw;
    loop {
        let s = t.trim();
        let b = s.as_bytes();
        let (mut a, mut e) = (0, b.len());
        while a < e && b[a] <= b' ' {
            a += 1;
        }
        while e > a && b[e - 1] <= b' ' {
            e -= 1;
        }
        if a == 0 && e == b.len() {
            return s;
        }
        t = crate::text::sub(s, a, e);
    }
}

/// No byte outside `!`..=`~` (no space, no control, nothing beyond ASCII).
fn is_printable_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] <= b' ' || b[i] >= 0x7f {
            return false;
        }
        i += 1;
    }
    true
}

/// `None`: no scheme (a relative URL). `Some(Ok(s))`: a valid scheme (any case).
/// `Some(Err(()))`: a ':' before any '/', '?', '#' but not a valid scheme.
fn scheme_of(s: &str) -> Option<Result<&str, ()>> {
    let end = crate::text::find_any_byte(s, b":/?#\\")?;
    if s.as_bytes().get(end) != Some(&b':') {
        return None;
    }
    let cand = crate::text::to(s, end);
    let b = cand.as_bytes();
    let mut valid = b.first().is_some_and(u8::is_ascii_alphabetic);
    let mut i = 1;
    while valid && i < b.len() {
        valid = b[i].is_ascii_alphanumeric() || matches!(b[i], b'+' | b'-' | b'.');
        i += 1;
    }
    Some(if valid { Ok(cand) } else { Err(()) })
}

fn is_data_image(s: &str) -> bool {
    let head = s.get(5..).unwrap_or("");
    let mime_end = crate::text::find_any_byte(head, b";,").unwrap_or(head.len());
    let mime = crate::text::to(head, mime_end).trim();
    DATA_IMAGE_TYPES.iter().any(|t| mime.eq_ignore_ascii_case(t))
}

/// An absolute http(s) URL split into its parts.
struct Parts<'a> {
    scheme: &'a str,
    authority: &'a str,
    path: &'a str,
    query: &'a str,
}

fn parse_base(base: &str) -> Option<Parts<'_>> {
    // The scheme ends at the first ':' (a "://" after an earlier ':' would not follow an
    // http(s) scheme anyway).
    let colon = crate::text::find_any_byte(base, b":")?;
    if !crate::text::from(base, colon).starts_with("://") {
        return None;
    }
    let scheme = crate::text::to(base, colon);
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = crate::text::from(base, colon + 3);
    let a_end = crate::text::find_any_byte(rest, b"/?#").unwrap_or(rest.len());
    let (authority, rest) = crate::text::split_at(rest, a_end);
    let p_end = crate::text::find_any_byte(rest, b"?#").unwrap_or(rest.len());
    let (path, rest) = crate::text::split_at(rest, p_end);
    let q_end = crate::text::find_any_byte(rest, b"#").unwrap_or(rest.len());
    Some(Parts { scheme, authority, path, query: crate::text::to(rest, q_end) })
}

/// Resolves a scheme-less `rel` against `base` (RFC 3986 section 5.2, for http(s) bases).
/// Without a usable base the relative URL is returned as is (it has no scheme, so it is safe).
pub fn resolve(base: Option<&str>, rel: &str) -> String {
    let owned;
    let rel = if rel.as_bytes().contains(&b'\\') {
        owned = crate::text::replace_str(rel, "\\", "/");
        owned.as_str()
    } else {
        rel
    };
    let Some(b) = base.and_then(|b| parse_base(b.trim())) else {
        if let Some(r) = rel.strip_prefix("//") {
            return crate::text::cat!("https://", r);
        }
        return rel.to_owned();
    };
    // The result is written into one buffer: scheme, then "://authority" (or ":" + a
    // network-path reference), then the path part.
    let mut out = String::with_capacity(b.scheme.len() + 3 + b.authority.len() + b.path.len() + rel.len() + 1);
    out.push_str(b.scheme);
    out.make_ascii_lowercase();
    if rel.starts_with("//") {
        out.push(':');
        out.push_str(rel);
        return out;
    }
    out.push_str("://");
    out.push_str(b.authority);
    if rel.starts_with('/') {
        remove_dots_into(&mut out, rel);
        return out;
    }
    if let Some(&c @ (b'?' | b'#')) = rel.as_bytes().first() {
        out.push_str(if b.path.is_empty() { "/" } else { b.path });
        if c == b'#' {
            // A fragment alone keeps the base's query.
            out.push_str(b.query);
        }
        out.push_str(rel);
        return out;
    }
    let dir = match crate::text::rfind_byte(b.path, b'/') {
        Some(i) => crate::text::to(b.path, i + 1),
        None => "/",
    };
    if has_slash_dot(dir) || rel.starts_with('.') || has_slash_dot(rel) {
        remove_dots_into(&mut out, &crate::text::cat!(dir, rel));
    } else {
        // No "." or ".." segment anywhere: the path is kept as it is.
        out.push_str(dir);
        out.push_str(rel);
    }
    out
}

/// Does `s` contain "/." (where a "." or ".." segment would start)? A byte scan: a substring
/// search sets up a searcher per call.
fn has_slash_dot(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'.' && b[i - 1] == b'/' {
            return true;
        }
        i += 1;
    }
    false
}

/// Appends `p` (which starts with '/') with the `.` and `..` segments of its path part removed.
pub(crate) fn remove_dots_into(out: &mut String, p: &str) {
    let cut = crate::text::find_any_byte(p, b"?#").unwrap_or(p.len());
    let (path, rest) = crate::text::split_at(p, cut);
    if path.starts_with('/') && !has_slash_dot(path) {
        // No segment is "." or "..".
        out.push_str(p);
        return;
    }
    // The kept segments, joined by '/', are written after `start`; `n` counts them (an empty
    // segment writes nothing, so the count cannot be read back from the text).
    out.push('/');
    let start = out.len();
    let mut n = 0usize;
    // The segments after each '/' (the one before the leading '/' is empty and skipped).
    let mut slash = crate::text::find_byte(path, b'/');
    while let Some(at) = slash {
        let seg_start = at + 1;
        slash = crate::text::find_byte(crate::text::from(path, seg_start), b'/').map(|i| seg_start + i);
        let seg = crate::text::sub(path, seg_start, slash.unwrap_or(path.len()));
        match seg {
            "." => {}
            ".." => {
                if n == 1 {
                    out.truncate(start);
                } else if n > 1 {
                    let cut = out.get(start..).and_then(|s| crate::text::rfind_byte(s, b'/')).map_or(start, |i| start + i);
                    out.truncate(cut);
                }
                n = n.saturating_sub(1);
            }
            s => {
                if n > 0 {
                    out.push('/');
                }
                out.push_str(s);
                n += 1;
                continue;
            }
        }
        // A last segment "." or ".." leaves the path ending with '/'.
        if slash.is_none() {
            if n > 0 {
                out.push('/');
            }
            n += 1;
        }
    }
    out.push_str(rest);
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
        let mut url = crate::text::sub(srcset, start, i);
        let mut descriptor = "";
        if url.ends_with(',') {
            url = crate::text::trim_end_str(url, ",");
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
            descriptor = crate::text::sub(srcset, d_start, i).trim();
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
    // The first descriptor (`d` is trimmed), its last byte the unit.
    let d = crate::text::to(d, crate::text::find_char(d, char::is_whitespace).unwrap_or(d.len()));
    let Some((&unit, _)) = d.as_bytes().split_last() else { return 0 };
    let number = crate::text::to(d, d.len() - 1);
    match unit {
        b'w' | b'W' => decimal_milli(number) / 1000,
        b'x' | b'X' => decimal_milli(number) * NOMINAL_WIDTH_PER_X / 1000,
        _ => 0,
    }
}

/// "1.5" -> 1500: a non-negative decimal in thousandths (0 when it is not one). Digits with at
/// most one '.', at least one digit; the first 12 integer digits and 3 fraction digits count.
fn decimal_milli(s: &str) -> u64 {
    let b = s.as_bytes();
    let (mut whole, mut milli, mut unit) = (0u64, 0u64, 100u64);
    let (mut int_digits, mut dot) = (0, false);
    for &c in b {
        if c == b'.' && !dot {
            dot = true;
        } else if !c.is_ascii_digit() {
            return 0;
        } else if dot {
            // Worth 100, 10, 1 thousandths, then nothing.
            milli += u64::from(c - b'0') * unit;
            unit /= 10;
        } else if int_digits < 12 {
            whole = whole * 10 + u64::from(c - b'0');
            int_digits += 1;
        }
    }
    if b.len() == usize::from(dot) {
        // "" or ".": no digit at all.
        return 0;
    }
    whole * 1000 + milli
}

/// The lower-cased host of an absolute http(s) URL (no user info, no port).
pub fn host(url: &str) -> Option<String> {
    let b = parse_base(url)?;
    let a = crate::text::rfind_byte(b.authority, b'@').map_or(b.authority, |i| crate::text::from(b.authority, i + 1));
    let h = crate::text::to(a, crate::text::find_byte(a, b':').unwrap_or(a.len()));
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

    /// `remove_dots_into` stated the plain way (split, a stack of segments, join).
    fn remove_dots_reference(p: &str) -> String {
        let cut = p.find(['?', '#']).unwrap_or(p.len());
        let (path, rest) = crate::text::split_at(p, cut);
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

    #[test]
    fn removes_dot_segments_like_the_plain_statement() {
        let parts = ["", "a", "b", ".", "..", "", ".x", "..y", "%2e"];
        let mut paths = vec![String::from("/")];
        for a in parts {
            for b in parts {
                for c in parts {
                    paths.push(format!("/{a}/{b}/{c}"));
                    paths.push(format!("/{a}/{b}/{c}/"));
                    paths.push(format!("/{a}/{b}?q=/../{c}#f"));
                    paths.push(format!("/{a}{b}/{c}#x/./y"));
                }
            }
        }
        for p in &paths {
            let mut out = String::from("https://h");
            remove_dots_into(&mut out, p);
            assert_eq!(out, format!("https://h{}", remove_dots_reference(p)), "{p:?}");
        }
        assert_eq!(resolve(BASE, "a/./b/../../c/.."), "https://example.org/news/2024/");
        assert_eq!(resolve(BASE, "..//x/."), "https://example.org/news//x/");
        assert_eq!(resolve(BASE, "x\\y/../z"), "https://example.org/news/2024/x/z");
        assert_eq!(resolve(Some("HTTP://H.com/a/b"), "c"), "http://H.com/a/c");
        assert_eq!(resolve(Some("x:https://h.com/a"), "c"), "c");
        assert_eq!(resolve(Some("https:/h.com/a"), "c"), "c");
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
