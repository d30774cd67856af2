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
    let scheme = crate::text::to(base, scheme_end);
    let after = crate::text::from(base, scheme_end + 3);
    let auth_end = find_any(after, b"/?#");
    let origin = crate::text::to(base, scheme_end + 3 + auth_end);
    let path_q = crate::text::from(after, auth_end);
    if let Some(r) = rel.strip_prefix("//") {
        return crate::text::cat!(scheme, "://", r);
    }
    if rel.is_empty() {
        return strip_fragment(base).to_string();
    }
    if rel.starts_with('#') {
        return crate::text::cat!(strip_fragment(base), rel);
    }
    let base_path = crate::text::to(path_q, find_any(path_q, b"?#"));
    if rel.starts_with('?') {
        return crate::text::cat!(origin, base_path, rel);
    }
    let joined = if rel.starts_with('/') {
        rel.to_string()
    } else {
        let dir = match crate::text::rfind_byte(base_path, b'/') {
            Some(i) => crate::text::to(base_path, i + 1),
            None => "/",
        };
        crate::text::cat!(dir, rel)
    };
    crate::text::cat!(origin, remove_dot_segments(&joined))
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

/// Removes "." and ".." path segments; the query and fragment are left alone.
fn remove_dot_segments(path_and_rest: &str) -> String {
    let (path, rest) = crate::text::split_at(path_and_rest, find_any(path_and_rest, b"?#"));
    let mut out: Vec<&str> = Vec::new();
    let last = path.bytes().filter(|&b| b == b'/').count();
    for (i, seg) in path.split('/').enumerate() {
        let last = i == last;
        match seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut p = crate::text::join(&out, "/");
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    p + rest
}
