//! The JS contract: camelCase serde types that cross the wasm boundary.
//!
//! `extension/lib/messages.js` mirrors these shapes; `extension/content/capture.js` produces
//! [`SnapshotDto`]. Plain data only: JS owns events and lifetimes.
//!
//! A snapshot is a flat list of nodes in document (pre-)order. A node's id is its index in
//! `nodes`; `parent` is the id of an earlier node (`-1` only for the first, the root). This is
//! exactly the order [`SnapshotBuilder`] wants, so the ids the content script holds are the ids
//! the core's decisions name.

use crate::snapshot::{Rect, Snapshot, SnapshotBuilder};
use crate::{Analysis, Error};
use serde::{Deserialize, Serialize};

/// Version of the snapshot format; bumped on any incompatible change.
pub const SNAPSHOT_VERSION: u32 = 1;

/// What `SiftCapture.capture(doc).snapshot` returns.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotDto {
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub url: Option<String>,
    pub nodes: Vec<NodeDto>,
}

/// One node. Elements have `tag` = lower-case name; text nodes have `tag` = `"#text"` and `text`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeDto {
    /// Id of the parent node; `-1` for the root.
    pub parent: i64,
    pub tag: String,
    /// `[name, value]` pairs (elements only).
    #[serde(default)]
    pub attrs: Vec<(String, String)>,
    /// Hidden by itself (computed style in a live document, markup in a parsed one).
    #[serde(default)]
    pub hidden: bool,
    /// Text of a text node.
    #[serde(default)]
    pub text: Option<String>,
    /// `[x, y, width, height]` in CSS pixels, document coordinates (live documents only).
    #[serde(default)]
    pub rect: Option<[f32; 4]>,
}

/// `analyze`'s options.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionsDto {
    /// Build the reader document (and its Markdown).
    #[serde(default)]
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

impl From<&Error> for ErrorDto {
    fn from(e: &Error) -> Self {
        let kind = match e {
            Error::TooManyNodes { .. } => "too-many-nodes",
            Error::TooDeep { .. } => "too-deep",
            Error::Malformed { .. } => "malformed",
        };
        ErrorDto { kind, message: e.to_string() }
    }
}

/// Builds the core's snapshot. Node ids stay the DTO's indexes: the builder numbers nodes in
/// the order given, and refuses (typed error) any parent that is not an open ancestor.
pub fn to_snapshot(dto: SnapshotDto) -> Result<Snapshot, Error> {
    let mut b = SnapshotBuilder::new().with_url(dto.url);
    for (i, n) in dto.nodes.into_iter().enumerate() {
        let node = u32::try_from(i).unwrap_or(u32::MAX);
        let parent = if n.parent < 0 {
            None
        } else {
            match u32::try_from(n.parent) {
                Ok(p) if p < node => Some(p),
                _ => return Err(Error::Malformed { node, why: "parent id is not an earlier node" }),
            }
        };
        let id = if n.tag == "#text" {
            let Some(p) = parent else {
                return Err(Error::Malformed { node, why: "a text node as the root" });
            };
            b.text(p, n.text.as_deref().unwrap_or(""))?
        } else {
            let attrs = n.attrs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
            b.element(parent, &n.tag, attrs, n.hidden)?
        };
        if let Some([x, y, w, h]) = n.rect {
            b.rect(id, Rect { x, y, w, h });
        }
    }
    Ok(b.finish())
}
