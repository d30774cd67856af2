//! Why a node was kept, hidden or skipped: a stable code for machines and a sentence for people.
//!
//! Codes are kebab-case and stable (tests and the extension's "Show hidden" list use them);
//! details carry the evidence, e.g. "6 sibling items, each one link plus a date".

use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub detail: String,
}

impl Reason {
    pub fn new(code: &'static str, detail: impl Into<String>) -> Self {
        Reason { code, detail: detail.into() }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.detail.is_empty() {
            f.write_str(self.code)
        } else {
            write!(f, "{}: {}", self.code, self.detail)
        }
    }
}
