//! Three ways for the snapshot to enter the wasm, each followed by the same `sift::analyze`
//! (reader document included) and the same result conversion (serde-wasm-bindgen, JSON-compatible
//! plain objects), so that only the transfer differs. See `capture.js` for the producing side.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One node as src/web/dto.rs reads it (same field names).
#[derive(Deserialize)]
struct NodeDto {
    parent: i64,
    tag: String,
    #[serde(default)]
    attrs: Vec<(String, String)>,
    #[serde(default)]
    hidden: bool,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct SnapshotDto {
    #[serde(default)]
    url: Option<String>,
    nodes: Vec<NodeDto>,
}

fn from_nodes(s: SnapshotDto) -> Result<sift::Snapshot, String> {
    let mut b = sift::SnapshotBuilder::new().with_url(s.url);
    for n in &s.nodes {
        let parent = u32::try_from(n.parent).ok();
        let r = if n.tag == "#text" {
            b.text(parent.unwrap_or(0), n.text.as_deref().unwrap_or(""))
        } else {
            b.element(parent, &n.tag, n.attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())), n.hidden)
        };
        r.map_err(|e| e.to_string())?;
    }
    Ok(b.finish())
}

fn finish(snap: Result<sift::Snapshot, String>, reader: bool) -> JsValue {
    let out = snap.and_then(|s| {
        sift::analyze(&s, &sift::Config { reader, ..Default::default() }).map_err(|e| e.to_string())
    });
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    match out {
        Ok(a) => a.serialize(&ser).unwrap_or(JsValue::NULL),
        Err(e) => JsValue::from_str(&e),
    }
}

/// Array of node objects, read field by field across the boundary.
#[wasm_bindgen]
pub fn analyze_objects(snapshot: JsValue, reader: bool) -> JsValue {
    let s = serde_wasm_bindgen::from_value::<SnapshotDto>(snapshot).map_err(|e| e.to_string());
    finish(s.and_then(from_nodes), reader)
}

/// The same objects as one JSON string (copied into wasm memory once, parsed by serde_json).
#[wasm_bindgen]
pub fn analyze_json(json: &str, reader: bool) -> JsValue {
    let s = serde_json::from_str::<SnapshotDto>(json).map_err(|e| e.to_string());
    finish(s.and_then(from_nodes), reader)
}

/// Flat: `meta` holds three numbers per node (parent id + 1 or 0 for the root; flags: 1 = text
/// node, 2 = hidden; attribute count), `strings` the node strings in order, NUL-separated: an
/// element's name then its attribute name/value pairs, a text node's text.
#[wasm_bindgen]
pub fn analyze_flat(meta: &[u32], strings: &str, url: Option<String>, reader: bool) -> JsValue {
    let mut b = sift::SnapshotBuilder::new().with_url(url);
    let mut parts = strings.split('\0');
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut result = Ok(());
    for m in meta.chunks_exact(3) {
        let parent = m[0].checked_sub(1);
        let r = if m[1] & 1 == 1 {
            b.text(parent.unwrap_or(0), parts.next().unwrap_or(""))
        } else {
            let name = parts.next().unwrap_or("");
            attrs.clear();
            for _ in 0..m[2] {
                let k = parts.next().unwrap_or("");
                attrs.push((k, parts.next().unwrap_or("")));
            }
            b.element(parent, name, attrs.iter().copied(), m[1] & 2 == 2)
        };
        if let Err(e) = r {
            result = Err(e.to_string());
            break;
        }
    }
    finish(result.map(|()| b.finish()), reader)
}
