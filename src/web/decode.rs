//! Reads the snapshot object (the flat shape documented in `crate::snapshot::flat`) from JS.
//!
//! A few bulk crossings per snapshot, not one per field per node: the numbers arrive through one
//! typed-array copy, all strings but the names as one string. Type errors are `bad-input`,
//! structural ones come from the builder (`malformed`, budgets). Missing optional fields take
//! their defaults.

use super::dto::OptionsDto;
use crate::snapshot::flat::{self, FlatError};
use crate::snapshot::Snapshot;
use crate::Error;
use js_sys::{Array, Float64Array, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

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

/// `o[k]` (`undefined` when reading it throws). The key is made here: one copy of that code.
fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
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
    let reader = get(options, "reader");
    let reader = if absent(&reader) { false } else { reader.as_bool().ok_or("reader: expected a boolean")? };
    Ok(OptionsDto { reader })
}

/// The snapshot format version (`0` when absent).
pub fn version(snapshot: &JsValue) -> Result<u32, DecodeError> {
    if !snapshot.is_object() {
        return Err(bad("expected an object"));
    }
    let v = get(snapshot, "version");
    if absent(&v) {
        return Ok(0);
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0 => Ok(n as u32),
        _ => Err(bad("version: expected a non-negative integer")),
    }
}

/// Builds the core's snapshot from a version-2 (flat) snapshot: `names` one string per entry,
/// `nodes` and `rects` copied in bulk through typed arrays, `text` as one string; then
/// `snapshot::flat::build` (pure, tested natively) reads the records.
pub fn snapshot(snapshot: &JsValue) -> Result<Snapshot, DecodeError> {
    let url = string_field(snapshot, "url", "url: expected a string")?;
    let names = get(snapshot, "names");
    let names: Vec<String> = if absent(&names) {
        Vec::new()
    } else if Array::is_array(&names) {
        let list: &Array = names.unchecked_ref();
        let mut out = Vec::with_capacity(list.length() as usize);
        for i in 0..list.length() {
            out.push(list.get(i).as_string().ok_or_else(|| bad("names: expected strings"))?);
        }
        out
    } else {
        return Err(bad("names: expected an array"));
    };
    let nodes = get(snapshot, "nodes");
    if !Array::is_array(&nodes) {
        return Err(bad(if absent(&nodes) { "missing field `nodes`" } else { "nodes: expected an array" }));
    }
    let nodes = u32s(&nodes).map_err(|_| bad("nodes: expected numbers"))?;
    let text = string_field(snapshot, "text", "text: expected a string")?.unwrap_or_default();
    let rects = get(snapshot, "rects");
    let rects = if absent(&rects) {
        Vec::new()
    } else if Array::is_array(&rects) {
        f64s(&rects).map_err(|_| bad("rects: expected numbers"))?
    } else {
        return Err(bad("rects: expected an array"));
    };
    flat::build(url, &names, &nodes, &text, &rects).map_err(|e| match e {
        FlatError::BadInput(m) => DecodeError::BadInput(m),
        FlatError::Core(e) => DecodeError::Core(e),
    })
}

/// `o[k]` as a string, `None` when absent; `what` is the error otherwise.
fn string_field(o: &JsValue, k: &str, what: &str) -> Result<Option<String>, DecodeError> {
    let v = get(o, k);
    if absent(&v) {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| bad(what))
}

#[wasm_bindgen]
extern "C" {
    /// `Uint32Array`, with a constructor that may throw.
    #[wasm_bindgen(js_name = Uint32Array)]
    type U32ArrayCtor;
    /// `new Uint32Array(array)`: one conversion in JS (ToUint32 of each element), caught so
    /// that an element that cannot become a number (a Symbol, a BigInt) is bad input, not a throw.
    #[wasm_bindgen(constructor, js_class = "Uint32Array", catch)]
    fn new(array: &JsValue) -> Result<U32ArrayCtor, JsValue>;
    /// `Float64Array`, likewise.
    #[wasm_bindgen(js_name = Float64Array)]
    type F64ArrayCtor;
    #[wasm_bindgen(constructor, js_class = "Float64Array", catch)]
    fn new(array: &JsValue) -> Result<F64ArrayCtor, JsValue>;
    /// `Uint32Array.prototype.set.call(dst, src)`: js-sys's `to_vec` without its length
    /// `assert_eq!` (whose `Debug` formatting of two `usize`s the module would carry).
    #[wasm_bindgen(js_namespace = Uint32Array, js_name = "prototype.set.call")]
    fn copy_u32s(dst: &mut [u32], src: &U32ArrayCtor);
    #[wasm_bindgen(js_namespace = Float64Array, js_name = "prototype.set.call")]
    fn copy_f64s(dst: &mut [f64], src: &F64ArrayCtor);
}

/// A JS array of numbers as `u32`s, in one bulk copy.
fn u32s(array: &JsValue) -> Result<Vec<u32>, JsValue> {
    let typed = U32ArrayCtor::new(array)?;
    let mut out = vec![0; typed.unchecked_ref::<Uint32Array>().length() as usize];
    copy_u32s(&mut out, &typed);
    Ok(out)
}

/// A JS array of numbers as `f64`s, in one bulk copy.
fn f64s(array: &JsValue) -> Result<Vec<f64>, JsValue> {
    let typed = F64ArrayCtor::new(array)?;
    let mut out = vec![0.0; typed.unchecked_ref::<Float64Array>().length() as usize];
    copy_f64s(&mut out, &typed);
    Ok(out)
}
