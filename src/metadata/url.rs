//! Minimal URL resolution (RFC 3986 reference resolution for http(s)-like URLs), without the
//! `url` crate: the shipped wasm must stay small.

/// Resolves `rel` against the absolute URL `base`. Absolute references (with a scheme) and
/// unusable bases are returned as given.
pub fn resolve_url(base: &str, rel: &str) -> String {
    let rel = rel.trim();
    // Every reference but a path one is `rel` after a prefix of `base` (nothing when `rel`
    // is absolute or the base unusable): one exit builds it.
    let scheme_end = crate::text::find_str(base, "://");
    let head = match scheme_end {
        _ if has_scheme(rel) => "",
        None => "",
        // A network-path reference: the base's scheme, its ':', then `rel`.
        Some(e) if rel.starts_with("//") => crate::text::to(base, e + 1),
        _ if rel.is_empty() || rel.starts_with('#') => strip_fragment(base),
        Some(e) => {
            let after = crate::text::from(base, e + 3);
            let auth_end = e + 3 + find_any(after, b"/?#");
            // The base without its query and fragment: the origin, then the base's path.
            let origin_path = crate::text::to(base, auth_end + find_any(crate::text::from(base, auth_end), b"?#"));
            if rel.starts_with('?') {
                origin_path
            } else {
                return resolve_path(crate::text::to(base, auth_end), crate::text::from(origin_path, auth_end), rel);
            }
        }
    };
    crate::text::cat!(head, rel)
}

/// `origin` followed by the path reference `rel` resolved against the base's `base_path`.
fn resolve_path(origin: &str, base_path: &str, rel: &str) -> String {
    // The reference's path (with its query and fragment) from the root; it starts with '/':
    // `base_path` is empty or starts with '/'.
    let joined;
    let path = if rel.starts_with('/') {
        rel
    } else {
        let dir = match crate::text::rfind_byte(base_path, b'/') {
            Some(i) => crate::text::to(base_path, i + 1),
            None => "/",
        };
        joined = crate::text::cat!(dir, rel);
        &joined
    };
    let mut out = origin.to_string();
    crate::reader::urls::remove_dots_into(&mut out, path);
    out
}

/// Byte offset of the first of `set` (ASCII bytes) in `s`, else `s.len()`.
fn find_any(s: &str, set: &[u8]) -> usize {
    crate::text::find_any_byte(s, set).unwrap_or(s.len())
}

fn has_scheme(s: &str) -> bool {
    // Bytes: every character accepted is ASCII, and any other fails byte by byte as it does
    // character by character.
    match find_any(s, b":") {
        i if i > 0 && i < s.len() => {
            let scheme = &s.as_bytes()[..i];
            scheme[0].is_ascii_alphabetic() && scheme.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        }
        _ => false,
    }
}

fn strip_fragment(s: &str) -> &str {
    crate::text::to(s, find_any(s, b"#"))
}

