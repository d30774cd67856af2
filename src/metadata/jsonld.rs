//! schema.org JSON-LD (`<script type="application/ld+json">`): the article object's fields.
//!
//! Total on garbage: unparsable scripts, unexpected shapes and missing fields are skipped.
//! `@graph` containers and top-level arrays are searched; the first object whose `@type` is an
//! article type wins over page-level types (`WebPage`, `CreativeWork`).

use super::normalize;
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
            if let Some(obj) = typed_objects(&value).into_iter().find(|o| article_type(o).is_some()) {
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
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.strip_suffix(close).unwrap_or(rest).trim();
        }
    }
    super::json::parse(t)
}

/// Objects in document order: the value itself, array members and `@graph` members (nested
/// containers followed with an explicit stack).
fn typed_objects(root: &Value) -> Vec<&Map> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        if out.len() >= MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                out.push(map);
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    out
}

/// The object's lower-cased `@type` if it is an article or page type.
fn article_type(obj: &Map) -> Option<String> {
    let types: Vec<String> = match obj.get("@type")? {
        Value::String(s) => vec![s.to_ascii_lowercase()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => return None,
    };
    types.into_iter().find(|t| JSONLD_ARTICLE_TYPES.contains(t))
}

fn from_object(obj: &Map) -> JsonLd {
    JsonLd {
        headline: obj.get("headline").and_then(text),
        name: obj.get("name").and_then(text),
        author: obj.get("author").and_then(names),
        date_published: obj.get("datePublished").and_then(text),
        publisher: obj.get("publisher").and_then(names),
        image: obj.get("image").and_then(url),
        description: obj.get("description").and_then(text),
    }
}

/// A non-empty string value, whitespace collapsed.
fn text(v: &Value) -> Option<String> {
    v.as_str().map(normalize).filter(|s| !s.is_empty())
}

/// A person or organisation: a string, an object with `name`, or an array of those (joined).
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::Object(m) => m.get("name").and_then(text),
        other => text(other),
    };
    let all: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    (!all.is_empty()).then(|| crate::text::join(&all, ", "))
}

/// An image: a URL string, an `ImageObject` with `url`/`contentUrl`, or the first of an array.
fn url(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => items.iter().find_map(url),
        Value::Object(m) => m.get("url").or_else(|| m.get("contentUrl")).and_then(text),
        other => text(other),
    }
}
