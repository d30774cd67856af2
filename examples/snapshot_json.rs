//! Prints the snapshot that the native builder (`src/html.rs`) makes of a page, as JSON with one
//! object per node (`{version, url, nodes: [{parent, tag, attrs, hidden?, text?}]}`), the shape
//! `SiftCapture.expand` (extension/content/capture.js) turns a captured flat snapshot into.
//!
//! Used by `tests/e2e/parity.test.mjs` to compare the two snapshot builders on the same page:
//! the CLI's decisions name node ids, and this is how the test reads the text of the nodes they
//! name (and shows where the two snapshots first differ when a comparison fails).
//!
//! `cargo run --release --example snapshot_json -- PAGE.html [URL]`

use serde_json::{json, Value};
use sift::snapshot::NodeKind;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: snapshot_json PAGE.html [URL]");
        return std::process::ExitCode::from(2);
    };
    let url = args.next();
    let html = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("snapshot_json: cannot read {path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let snap = match sift::html::parse(&html, url.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("snapshot_json: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let mut nodes = Vec::with_capacity(snap.len());
    for (i, n) in snap.nodes.iter().enumerate() {
        let id = i as u32;
        let parent = snap.parent(id).map_or(-1, i64::from);
        let node = if n.kind == NodeKind::Text {
            json!({ "parent": parent, "tag": "#text", "text": snap.own_text(id) })
        } else {
            let attrs: Vec<Value> = snap.attrs(id).map(|(k, v)| json!([k, v])).collect();
            let mut o = json!({ "parent": parent, "tag": snap.tag_name(id), "attrs": attrs });
            if n.hidden_self {
                o["hidden"] = Value::Bool(true);
            }
            o
        };
        nodes.push(node);
    }
    let out = json!({ "url": snap.url, "nodes": nodes });
    println!("{out}");
    std::process::ExitCode::SUCCESS
}
