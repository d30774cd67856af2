//! The only keyword and pattern tables: multilingual, weak hints only.
//!
//! Detection rests on structure; these words only nudge scores. Every table is lower-case and
//! matched against lower-cased id/class/role/aria/itemprop tokens or short visible labels.

// ===== Content hints (owned by article.rs) =====



// ===== Clutter hints (owned by clutter.rs) =====



// ===== Outline and metadata hints (owned by outline.rs / metadata.rs) =====
