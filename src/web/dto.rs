//! The JS contract: camelCase serde types that cross the wasm boundary.
//!
//! `extension/lib/messages.js` mirrors these shapes; `extension/content/capture.js` produces
//! the snapshot shape documented below. Plain data only: JS owns events and lifetimes.
//!
//! A snapshot is a flat list of node records in document (pre-)order (the format is
//! documented and decoded in `crate::snapshot::flat`). A node's id is its record's index; its
//! parent is an earlier node. This is exactly the order `SnapshotBuilder` wants, so the ids the
//! content script holds are the ids the core's decisions name.

use crate::{json, Analysis, Error};
use serde::Serialize;

/// The snapshot shape, as `SiftCapture.capture(doc).snapshot` produces it and `decode.rs` reads it
/// (a few bulk copies across the boundary, then `crate::snapshot::flat::build`):
///
/// ```text
/// { version: 2, url?: string,
///   names: [string, ...],   // tag and attribute names, lower-case, each once
///   nodes: [number, ...],   // per node, in document pre-order (node id = record index):
///                           //   element:   parent+1, 0 | 1 (hidden), name, n, n x (attr name, value length)
///                           //   text node: parent+1, 2, text length
///                           //   (parent+1 is 0 only for the root)
///   text: string,           // attribute values and texts concatenated in record order;
///                           //   lengths in UTF-16 code units (JS .length)
///   rects?: [number, ...] } // 5 per element: id, x, y, width, height (CSS px, live only)
/// ```
///
/// `hidden`: computed style in a live document, markup in a parsed one. Version of that format;
/// bumped on any incompatible change (1 was one object per node).
pub const SNAPSHOT_VERSION: u32 = 2;

/// `analyze`'s options: `{reader?: bool}` (read by `decode::options`).
#[derive(Debug, Default)]
pub struct OptionsDto {
    /// Build the reader document (and its Markdown).
    pub reader: bool,
}

/// `analyze`'s result: `{ok: true, analysis, markdown}` or `{ok: false, error: {kind, message}}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultDto {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
    /// The article as Markdown ("Copy as Markdown"), when `options.reader` and an article exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDto>,
}

/// A failure the popup shows in one short line; `kind` is stable for code.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDto {
    /// `"bad-input"`, `"too-many-nodes"`, `"too-deep"`, `"malformed"` or `"panic"`.
    pub kind: &'static str,
    pub message: String,
}

impl ResultDto {
    pub fn ok(analysis: Analysis, markdown: Option<String>) -> Self {
        ResultDto { ok: true, analysis: Some(analysis), markdown, error: None }
    }
    pub fn err(kind: &'static str, message: impl Into<String>) -> Self {
        ResultDto { ok: false, analysis: None, markdown: None, error: Some(ErrorDto { kind, message: message.into() }) }
    }
}

impl ResultDto {
    /// The JSON of this result, the value serde's derive above describes (`None` fields left
    /// out), but for the three largest strings, written as `""` (`analysis.reader.html`,
    /// `analysis.reader.text`) or left out (`markdown`): `super::to_js` sets them on the parsed
    /// object, in the same places.
    pub fn to_json_without_large_strings(&self) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str(if self.ok { "{\"ok\":true" } else { "{\"ok\":false" });
        if let Some(a) = &self.analysis {
            out.push_str(",\"analysis\":");
            json::analysis_without_reader(&mut out, a);
        }
        if let Some(e) = &self.error {
            out.push_str(",\"error\":{\"kind\":");
            json::string(&mut out, e.kind);
            out.push_str(",\"message\":");
            json::string(&mut out, &e.message);
            out.push('}');
        }
        out.push('}');
        out
    }
}

impl From<&Error> for ErrorDto {
    fn from(e: &Error) -> Self {
        let kind = match e {
            Error::TooManyNodes { .. } => "too-many-nodes",
            Error::TooDeep { .. } => "too-deep",
            Error::Malformed { .. } => "malformed",
        };
        ErrorDto { kind, message: e.message() }
    }
}
