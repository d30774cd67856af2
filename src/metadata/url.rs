//! Minimal URL resolution (RFC 3986 reference resolution for http(s)-like URLs), without the
//! `url` crate: the shipped wasm must stay small.

/// Resolves `rel` against the absolute URL `base`. Absolute references (with a scheme) and
/// unusable bases are returned as given.
pub fn resolve_url(base: &str, rel: &str) -> String {
    let rel = rel.trim();
    if has_scheme(rel) {
        return rel.to_string();
    }
    let Some(scheme_end) = crate::text::find_str(base, "://") else { return rel.to_string() };
    let after = crate::text::from(base, scheme_end + 3);
    let auth_end = find_any(after, b"/?#");
    let origin = crate::text::to(base, scheme_end + 3 + auth_end);
    let path_q = crate::text::from(after, auth_end);
    if rel.starts_with("//") {
        // A network-path reference: the base's scheme, its ':', then `rel`.
        return crate::text::cat!(crate::text::to(base, scheme_end + 1), rel);
    }
    if rel.is_empty() || rel.starts_with('#') {
        return crate::text::cat!(strip_fragment(base), rel);
    }
    let base_path = crate::text::to(path_q, find_any(path_q, b"?#"));
    if rel.starts_with('?') {
        return crate::text::cat!(origin, base_path, rel);
    }
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

