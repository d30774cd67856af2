//! schema.org JSON-LD (`<script type="application/ld+json">`): the article object's fields.
//!
//! Total on garbage: unparsable scripts, unexpected shapes and missing fields are skipped.
//! `@graph` containers and top-level arrays are searched; the first object whose `@type` is an
//! article type wins over page-level types (`WebPage`, `CreativeWork`).

use super::{non_empty, normalize};
use crate::patterns::JSONLD_ARTICLE_TYPES;
use crate::snapshot::{NodeId, Snapshot, Tag};
use super::json::{Map, Value};

/// Most objects examined per script: bounds work on hostile input.
const MAX_OBJECTS: usize = 10_000;

#[derive(Default, Debug)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub author: Option<String>,
    pub date_published: Option<String>,
    pub publisher: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
}

impl JsonLd {
    pub fn collect(snap: &Snapshot) -> JsonLd {
        for id in 0..snap.len() as NodeId {
            if snap.tag(id) != Tag::Script || !snap.attr(id, "type").is_some_and(|t| crate::text::contains_str(&t.to_ascii_lowercase(), "ld+json")) {
                continue;
            }
            let Some(value) = parse_script(snap, id) else { continue };
            if let Some(obj) = first_article(&value) {
                return from_object(obj);
            }
        }
        JsonLd::default()
    }
}

/// The script's text parsed as JSON, with a CDATA wrapper or HTML comment removed.
fn parse_script(snap: &Snapshot, id: NodeId) -> Option<Value> {
    let mut text = String::new();
    for c in snap.children(id) {
        text.push_str(snap.own_text(c));
    }
    let mut t = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")].iter() {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.strip_suffix(close).unwrap_or(rest).trim();
        }
    }
    super::json::parse(t)
}

/// The first object of an article or page type, in document order: the value itself, array
/// members and `@graph` members (nested containers followed with an explicit stack), at most
/// [`MAX_OBJECTS`] objects examined.
fn first_article(root: &Value) -> Option<&Map> {
    let mut seen = 0;
    let mut stack = Vec::new();
    stack.push(root);
    while let Some(v) = stack.pop() {
        if seen >= MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => {
                // Members in document order: pushed last to first.
                for item in items.iter().rev() {
                    stack.push(item);
                }
            }
            Value::Object(map) => {
                if is_article_type(map) {
                    return Some(map);
                }
                seen += 1;
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    None
}

/// Is the object's `@type` (any of them, ASCII case aside) an article or page type?
fn is_article_type(obj: &Map) -> bool {
    let is = |v: &Value| v.as_str().is_some_and(|t| JSONLD_ARTICLE_TYPES.contains(&t.to_ascii_lowercase()));
    match obj.get("@type") {
        Some(Value::Array(a)) => a.iter().any(is),
        Some(v) => is(v),
        None => false,
    }
}

fn from_object(obj: &Map) -> JsonLd {
    JsonLd {
        headline: field(obj, "headline", text),
        name: field(obj, "name", text),
        author: field(obj, "author", names),
        date_published: field(obj, "datePublished", text),
        publisher: field(obj, "publisher", names),
        image: field(obj, "image", url),
        description: field(obj, "description", text),
    }
}

/// The member `key` read with `read` (one function for every field: a reader is a plain `fn`).
fn field(obj: &Map, key: &str, read: fn(&Value) -> Option<String>) -> Option<String> {
    read(obj.get(key)?)
}

/// A non-empty string value, whitespace collapsed.
fn text(v: &Value) -> Option<String> {
    non_empty(normalize(v.as_str()?))
}

/// A person or organisation: a string, an object with `name`, or an array of those (joined).
fn names(v: &Value) -> Option<String> {
    let items = match v {
        Value::Array(items) => items.as_slice(),
        other => std::slice::from_ref(other),
    };
    let mut out = String::new();
    for item in items {
        let name = match item {
            Value::Object(m) => field(m, "name", text),
            other => text(other),
        };
        // Every name is non-empty: `out` is empty before the first only.
        if let Some(n) = name {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(&n);
        }
    }
    non_empty(out)
}

/// An image: a URL string, an `ImageObject` with `url`/`contentUrl`, or the first of an array.
fn url(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => items.iter().find_map(url),
        Value::Object(m) => text(m.get("url").or_else(|| m.get("contentUrl"))?),
        other => text(other),
    }
}
