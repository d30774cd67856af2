//! The wasm adapter: the only code that names wasm_bindgen / js_sys / web_sys.
//!
//! Runs wherever the extension loads the wasm (the background service worker in Chromium, the
//! background page in Firefox, the www playground). One exported function takes the plain
//! (flat, `crate::snapshot::flat`) snapshot object that `extension/content/capture.js` builds and returns a plain result
//! object; it never throws for bad input. A panic in the core is reported by the panic hook to
//! the console (with its cause) and surfaces in JS as a trap, which the caller's try/catch
//! turns into `{ok: false, error: {kind: "panic"}}` (see `extension/background.js`).

#![deny(clippy::unwrap_used)]

mod decode;
pub mod dto;

use decode::DecodeError;
use dto::ResultDto;
use wasm_bindgen::prelude::*;

/// The allocator: talc, grown by `memory.grow`. Std's default here, dlmalloc, is about 6.8 KB more
/// of the module for the same linear memory on the corpus and the same analysis time
/// (BENCHMARKS.md, "Size").
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook when the module starts (once per instance: `set_once`'s `Once`
/// guard would add nothing but its own code).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}

/// `analyze(snapshot, options)` -> `{ok: true, analysis, markdown?}` or
/// `{ok: false, error: {kind, message}}`.
#[wasm_bindgen]
pub fn analyze(snapshot: JsValue, options: JsValue) -> JsValue {
    to_js(&run(snapshot, options))
}

/// The version of the snapshot format this module reads.
#[wasm_bindgen(js_name = snapshotVersion)]
pub fn snapshot_version() -> u32 {
    dto::SNAPSHOT_VERSION
}

fn run(snapshot: JsValue, options: JsValue) -> ResultDto {
    let version = match decode::version(&snapshot) {
        Ok(v) => v,
        Err(e) => return decode_error(e),
    };
    // Version 1 (one object per node) is not read any more: its `nodes` would pass for numbers.
    if version != 0 && version != dto::SNAPSHOT_VERSION {
        let than = if version > dto::SNAPSHOT_VERSION { " is newer than " } else { " is older than " };
        return ResultDto::err("bad-input", crate::text::cat!("snapshot version ", version, than, dto::SNAPSHOT_VERSION));
    }
    let opts = match decode::options(&options) {
        Ok(o) => o,
        Err(m) => return ResultDto::err("bad-input", crate::text::cat!("options: ", m)),
    };
    let snapshot = match decode::snapshot(&snapshot) {
        Ok(s) => s,
        Err(e) => return decode_error(e),
    };
    // The core builds no reader document here: when the caller wants one, the reader HTML and
    // its Markdown come from one sanitizing walk (`reader::build_with_markdown`), then the word
    // count is taken from the reader text exactly as `crate::analyze` does with `reader: true`.
    let cfg = crate::Config { reader: false, ..crate::Config::default() };
    match crate::analyze(&snapshot, &cfg) {
        Ok(mut analysis) => {
            let markdown = match (&analysis.article, opts.reader) {
                (Some(a), true) => {
                    let (doc, md) =
                        crate::reader::build_with_markdown(&snapshot, a.root, &analysis.clutter, &analysis.metadata);
                    crate::metadata::count_words(&mut analysis.metadata, &doc.text);
                    analysis.reader = doc;
                    Some(md)
                }
                _ => None,
            };
            ResultDto::ok(analysis, markdown)
        }
        Err(e) => error_result(&e),
    }
}

fn decode_error(e: DecodeError) -> ResultDto {
    match e {
        DecodeError::BadInput(m) => ResultDto::err("bad-input", crate::text::cat!("snapshot: ", m)),
        DecodeError::Core(e) => error_result(&e),
    }
}

fn error_result(e: &crate::Error) -> ResultDto {
    let d = dto::ErrorDto::from(e);
    ResultDto { ok: false, analysis: None, markdown: None, error: Some(d) }
}

/// A plain JS object (no Maps, no classes) so the result can be posted between extension
/// contexts: its JSON without the large strings (`ResultDto::to_json_without_large_strings`)
/// through `JSON.parse`, then the reader HTML, text and Markdown set as strings of their own.
/// Same keys in the same order as serde's derive of `ResultDto` (`markdown` comes after
/// `analysis` and there is no `error` when it is set).
fn to_js(r: &ResultDto) -> JsValue {
    let js = match js_sys::JSON::parse(&r.to_json_without_large_strings()) {
        Ok(js) => js,
        Err(e) => {
            web_sys::console::error_2(&JsValue::from_str("sift: cannot parse the result"), &e);
            return JsValue::NULL;
        }
    };
    let set = |o: &JsValue, k: &str, v: &str| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    if let Some(a) = &r.analysis {
        let reader = js_sys::Reflect::get(&js, &JsValue::from_str("analysis"))
            .and_then(|an| js_sys::Reflect::get(&an, &JsValue::from_str("reader")));
        if let Ok(reader) = reader {
            set(&reader, "html", &a.reader.html);
            set(&reader, "text", &a.reader.text);
        }
    }
    if let Some(md) = &r.markdown {
        set(&js, "markdown", md);
    }
    js
}

/// Decodes a snapshot and drops it: the node count, or -1 when it cannot be read. For the
/// benchmarks (`scripts/bench-wasm.mjs` times the boundary crossing and decode alone); the
/// extension does not call it.
#[wasm_bindgen(js_name = decodeSnapshot)]
pub fn decode_snapshot(snapshot: JsValue) -> i32 {
    decode::snapshot(&snapshot).map_or(-1, |s| i32::try_from(s.len()).unwrap_or(i32::MAX))
}
