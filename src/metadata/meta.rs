//! `<meta>` tags as (key, value) pairs, keys normalised.

use super::{non_empty, normalize};
use crate::snapshot::{NodeId, Snapshot, Tag};

/// All `<meta content>` values by key. A meta tag contributes one key per `property` token
/// (`property="og:title twitter:title"`), plus its `name` and `itemprop`. Keys are lower-cased
/// with whitespace removed and `.` read as `:` ("DC.title" and "dc:title" are one key).
pub struct MetaTags {
    pairs: Vec<(String, String)>,
}

impl MetaTags {
    pub fn collect(snap: &Snapshot) -> MetaTags {
        let mut pairs = Vec::new();
        for id in 0..snap.len() as NodeId {
            if snap.tag(id) != Tag::Meta {
                continue;
            }
            let Some(content) = snap.attr(id, "content").and_then(|c| non_empty(normalize(c))) else {
                continue;
            };
            if let Some(p) = snap.attr(id, "property") {
                for tok in p.split_whitespace() {
                    pairs.push((key(tok), content.clone()));
                }
            }
            for a in ["name", "itemprop"].iter() {
                if let Some(n) = snap.attr(id, a) {
                    pairs.push((key(n), content.clone()));
                }
            }
        }
        MetaTags { pairs }
    }

    /// The value for `k` (a normalised key); when a page repeats a key, the last one wins
    /// (pages put the authoritative `property` form after legacy `name` forms).
    pub fn get(&self, k: &str) -> Option<&str> {
        self.pairs.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }

    /// The value of the first key of `keys` (in the table's order) that the page has.
    pub fn first(&self, keys: crate::patterns::Packed) -> Option<String> {
        keys.iter().find_map(|k| self.get(&key(k))).map(str::to_owned)
    }
}

/// Normalised meta key.
fn key(raw: &str) -> String {
    crate::text::replace_str(&crate::text::squeeze_lower(raw), ".", ":")
}
