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
    let auth_end = after.find(['/', '?', '#']).unwrap_or(after.len());
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
    let base_path = path_q.split(['?', '#']).next().unwrap_or("");
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

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = crate::text::to(s, i);
            scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

fn strip_fragment(s: &str) -> &str {
    s.split('#').next().unwrap_or(s)
}

/// Removes "." and ".." path segments; the query and fragment are left alone.
fn remove_dot_segments(path_and_rest: &str) -> String {
    let split = path_and_rest.find(['?', '#']).unwrap_or(path_and_rest.len());
    let (path, rest) = crate::text::split_at(path_and_rest, split);
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        match *seg {
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
