//! Reads the snapshot object (the shape documented in `dto.rs`) straight from JS.
//!
//! A hand-written reader over `js_sys` instead of serde-wasm-bindgen's generic deserializer:
//! that one (with serde's error texts, which format floats and debug-quote strings) cost about
//! 30 KB of the shipped wasm. Same contract: type errors are `bad-input`, structural ones come
//! from the builder (`malformed`, budgets). Missing optional fields take their defaults.

use super::dto::OptionsDto;
use crate::snapshot::{Rect, Snapshot, SnapshotBuilder};
use crate::Error;
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

/// Why a snapshot could not be read.
pub enum DecodeError {
    /// Not the documented shape: the message names the field.
    BadInput(String),
    /// The shape is right but the tree is not (or is over a budget).
    Core(Error),
}

impl From<Error> for DecodeError {
    fn from(e: Error) -> Self {
        DecodeError::Core(e)
    }
}

fn bad(what: &str) -> DecodeError {
    DecodeError::BadInput(what.to_owned())
}

/// Property names, made JS strings once per call rather than once per node.
struct Keys {
    parent: JsValue,
    tag: JsValue,
    attrs: JsValue,
    hidden: JsValue,
    text: JsValue,
    rect: JsValue,
}

fn get(o: &JsValue, k: &JsValue) -> JsValue {
    Reflect::get(o, k).unwrap_or(JsValue::UNDEFINED)
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// `analyze`'s options: absent or null means the defaults.
pub fn options(options: &JsValue) -> Result<OptionsDto, String> {
    if absent(options) {
        return Ok(OptionsDto::default());
    }
    if !options.is_object() {
        return Err("expected an object".to_owned());
    }
    let reader = get(options, &JsValue::from_str("reader"));
    let reader = if absent(&reader) { false } else { reader.as_bool().ok_or("reader: expected a boolean")? };
    Ok(OptionsDto { reader })
}

/// The snapshot format version (`0` when absent).
pub fn version(snapshot: &JsValue) -> Result<u32, DecodeError> {
    if !snapshot.is_object() {
        return Err(bad("expected an object"));
    }
    let v = get(snapshot, &JsValue::from_str("version"));
    if absent(&v) {
        return Ok(0);
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0 => Ok(n as u32),
        _ => Err(bad("version: expected a non-negative integer")),
    }
}

/// Builds the core's snapshot; node ids are the indexes in `nodes` (the builder numbers nodes in the order given and refuses any parent that is not an open ancestor).
pub fn snapshot(snapshot: &JsValue) -> Result<Snapshot, DecodeError> {
    let url = get(snapshot, &JsValue::from_str("url"));
    let url = if absent(&url) { None } else { Some(url.as_string().ok_or_else(|| bad("url: expected a string"))?) };
    let nodes = get(snapshot, &JsValue::from_str("nodes"));
    if !Array::is_array(&nodes) {
        return Err(bad(if absent(&nodes) { "missing field `nodes`" } else { "nodes: expected an array" }));
    }
    let nodes = Array::from(&nodes);
    let k = Keys {
        parent: JsValue::from_str("parent"),
        tag: JsValue::from_str("tag"),
        attrs: JsValue::from_str("attrs"),
        hidden: JsValue::from_str("hidden"),
        text: JsValue::from_str("text"),
        rect: JsValue::from_str("rect"),
    };
    let mut b = SnapshotBuilder::new().with_url(url);
    for i in 0..nodes.length() {
        let n = nodes.get(i);
        if !n.is_object() {
            return Err(bad("nodes: expected objects"));
        }
        let node = i;
        let parent = get(&n, &k.parent).as_f64().ok_or_else(|| bad("node parent: expected a number"))?;
        let parent = if parent < 0.0 {
            None
        } else if parent.fract() == 0.0 && parent < f64::from(node) {
            Some(parent as u32)
        } else {
            return Err(Error::Malformed { node, why: "parent id is not an earlier node" }.into());
        };
        let tag = get(&n, &k.tag).as_string().ok_or_else(|| bad("node tag: expected a string"))?;
        let id = if tag == "#text" {
            let Some(p) = parent else {
                return Err(Error::Malformed { node, why: "a text node as the root" }.into());
            };
            let text = get(&n, &k.text);
            let text = if absent(&text) { String::new() } else { text.as_string().ok_or_else(|| bad("node text: expected a string"))? };
            b.text(p, &text)?
        } else {
            let attrs = attrs(&get(&n, &k.attrs))?;
            let hidden = get(&n, &k.hidden);
            let hidden = if absent(&hidden) { false } else { hidden.as_bool().ok_or_else(|| bad("node hidden: expected a boolean"))? };
            b.element(parent, &tag, attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())), hidden)?
        };
        let rect = get(&n, &k.rect);
        if !absent(&rect) {
            b.rect(id, self::rect(&rect)?);
        }
    }
    Ok(b.finish())
}

/// `[[name, value], ...]` (absent: none).
fn attrs(v: &JsValue) -> Result<Vec<(String, String)>, DecodeError> {
    if absent(v) {
        return Ok(Vec::new());
    }
    if !Array::is_array(v) {
        return Err(bad("node attrs: expected an array"));
    }
    let list = Array::from(v);
    let mut out = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let pair = list.get(i);
        let (name, value) = if Array::is_array(&pair) {
            let pair = Array::from(&pair);
            (pair.get(0).as_string(), pair.get(1).as_string())
        } else {
            (None, None)
        };
        match (name, value) {
            (Some(n), Some(v)) => out.push((n, v)),
            _ => return Err(bad("node attrs: expected [name, value] string pairs")),
        }
    }
    Ok(out)
}

/// `[x, y, width, height]`.
fn rect(v: &JsValue) -> Result<Rect, DecodeError> {
    let list = if Array::is_array(v) { Some(Array::from(v)) } else { None };
    let n = |i| list.as_ref().and_then(|l| l.get(i).as_f64()).map(|f| f as f32);
    match (list.as_ref().map(Array::length), n(0), n(1), n(2), n(3)) {
        (Some(4), Some(x), Some(y), Some(w), Some(h)) => Ok(Rect { x, y, w, h }),
        _ => Err(bad("node rect: expected [x, y, width, height] numbers")),
    }
}
