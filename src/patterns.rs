//! The only keyword and pattern tables: multilingual, weak hints only.
//!
//! Detection rests on structure; these words only nudge scores. Every table is lower-case and
//! matched against lower-cased id/class/role/aria/itemprop tokens or short visible labels.

// ===== Content hints (owned by article.rs) =====

/// id/class words that name a main-content container (weak hint; any language's sites use
/// these English-derived names in markup).
pub const CONTENT_POSITIVE: &[&str] = &[
    "article", "articlebody", "article-body", "body", "content", "entry", "entry-content",
    "main", "post", "post-body", "post-content", "story", "story-body", "text", "blog",
    "prose", "markdown", "page-content", "inhalt", "contenido", "conteudo", "contenu", "isi",
];

/// id/class words that name something around the content (weak hint).
pub const CONTENT_NEGATIVE: &[&str] = &[
    "sidebar", "side", "aside", "widget", "comment", "comments", "footer", "header", "nav",
    "navbar", "menu", "related", "recommended", "share", "social", "promo", "banner", "ad",
    "ads", "advert", "sponsor", "cookie", "newsletter", "breadcrumb", "pagination",
];

/// Does the lower-cased `names` (id and class values) hold one of `words` as a whole token?
/// Tokens split on anything that is not a letter, digit, `-` or `_`; a word also matches as a
/// `-`/`_`-separated part ("post-content" holds "post" and "content").
pub fn has_word(names: &str, words: &[&str]) -> bool {
    for token in names.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')) {
        if token.is_empty() {
            continue;
        }
        if words.contains(&token) {
            return true;
        }
        if token.contains(['-', '_']) && token.split(['-', '_']).any(|part| words.contains(&part)) {
            return true;
        }
    }
    false
}



// ===== Clutter hints (owned by clutter.rs) =====



// ===== Outline and metadata hints (owned by outline.rs / metadata.rs) =====
