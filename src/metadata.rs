//! Metadata: title, byline, published date, site name, language and direction, lead image,
//! excerpt, word count and reading time.
//!
//! Approach: the page's own declarations first (JSON-LD, then `<meta>` tags, which sites fill
//! for search engines and social cards and which are the most reliable), then the document
//! (`<title>` with its site suffix removed, bylines and `<time>` elements in the article). Every
//! field is optional: a page that declares nothing gets `None`, never a guess from unrelated
//! text. Only weak, multilingual hints come from `patterns.rs`.
//!
//! Limits: no computed style natively (a byline hidden by CSS may be picked), and dates are
//! returned as the page wrote them (no date parsing in the core: no clock, no chrono).

mod doc;
mod json;
mod jsonld;
mod meta;
mod title;
mod url;
mod words;

use crate::analysis::{Article, Metadata};
use crate::patterns::{META_AUTHOR_KEYS, META_DATE_KEYS, META_EXCERPT_KEYS, META_IMAGE_KEYS, RTL_LANGS};
use crate::snapshot::{NodeId, Snapshot, Tag};

pub use title::clean_document_title;
pub use url::resolve_url;
pub use words::{count_words, is_cjk, reading_minutes, word_stats, DEFAULT_CJK_CHARS_PER_MINUTE, DEFAULT_WORDS_PER_MINUTE};

/// Extracts the page's metadata. `article` narrows where bylines, dates, images and the
/// fallback excerpt are looked for; without it the whole body is searched.
pub fn extract(snap: &Snapshot, article: Option<&Article>) -> Metadata {
    if snap.is_empty() {
        return Metadata::default();
    }
    let metas = meta::MetaTags::collect(snap);
    let ld = jsonld::JsonLd::collect(snap);
    let doc_title = doc::document_title(snap);
    let scope = article.map(|a| a.root).filter(|&r| (r as usize) < snap.len()).unwrap_or_else(|| snap.body());
    let declared_site = ld_or_meta_site(&ld, &metas);
    let title = title::choose(snap, &ld, &metas, doc_title.as_deref(), declared_site.as_deref());
    let site_name = declared_site.or_else(|| title::site_from_document_title(doc_title.as_deref()?, title.as_deref()?));
    let lang = doc::language(snap);
    let dir = doc::direction(snap, scope).or_else(|| lang.as_deref().map(dir_from_lang));
    Metadata {
        title,
        byline: byline(snap, &ld, &metas, scope),
        published: ld.date_published.clone().or_else(|| metas.first(META_DATE_KEYS)).or_else(|| doc::first_time(snap, scope)),
        site_name,
        lang,
        dir,
        lead_image: lead_image(snap, &ld, &metas, scope),
        excerpt: metas.first(META_EXCERPT_KEYS).or_else(|| ld.description.clone()).or_else(|| doc::first_paragraph(snap, scope)),
        word_count: 0,
        reading_minutes: 0,
    }
}

/// The page title as the page declares it (JSON-LD headline, meta title tags, then `<title>`
/// cleaned of its site suffix), for passes that need to recognise the title heading.
pub fn page_title(snap: &Snapshot) -> Option<String> {
    let metas = meta::MetaTags::collect(snap);
    let ld = jsonld::JsonLd::collect(snap);
    let doc_title = doc::document_title(snap);
    let site = ld_or_meta_site(&ld, &metas);
    title::choose(snap, &ld, &metas, doc_title.as_deref(), site.as_deref())
}

/// The raw `<title>` text, whitespace collapsed.
pub fn document_title(snap: &Snapshot) -> Option<String> {
    doc::document_title(snap)
}

fn ld_or_meta_site(ld: &jsonld::JsonLd, metas: &meta::MetaTags) -> Option<String> {
    metas.first(crate::patterns::META_SITE_KEYS).filter(|s| !s.starts_with('@')).or_else(|| ld.publisher.clone())
}

/// "rtl" for languages written right to left, else "ltr".
fn dir_from_lang(lang: &str) -> String {
    let primary = crate::text::to(lang, crate::text::find_any_byte(lang, b"-_").unwrap_or(lang.len())).to_ascii_lowercase();
    String::from(if RTL_LANGS.contains(&primary) { "rtl" } else { "ltr" })
}

/// JSON-LD author, then author meta tags (not profile URLs), then a byline in the document.
fn byline(snap: &Snapshot, ld: &jsonld::JsonLd, metas: &meta::MetaTags, scope: NodeId) -> Option<String> {
    if ld.author.is_some() {
        return ld.author.clone();
    }
    for k in META_AUTHOR_KEYS.iter() {
        if let Some(v) = metas.get(k).filter(|v| !v.starts_with("http://") && !v.starts_with("https://")) {
            return Some(v.to_owned());
        }
    }
    doc::byline_in(snap, scope).or_else(|| doc::byline_in(snap, snap.body()))
}

/// Declared image (og:image, JSON-LD), else the first large image in the article; resolved
/// against the document URL (or `<base href>`) when one is known.
fn lead_image(snap: &Snapshot, ld: &jsonld::JsonLd, metas: &meta::MetaTags, scope: NodeId) -> Option<String> {
    let found = metas.first(META_IMAGE_KEYS).or_else(|| ld.image.clone()).or_else(|| doc::first_big_image(snap, scope))?;
    match doc::base_url(snap) {
        Some(base) => Some(resolve_url(&base, &found)),
        None => Some(found),
    }
}

/// Collapses whitespace runs to one space and trims.
pub(crate) fn normalize(s: &str) -> String {
    crate::text::words(s)
}

/// `s` unless it is empty.
pub(crate) fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    Some(s)
}

/// First element with `tag` in the snapshot.
pub(crate) fn first_tag(snap: &Snapshot, tag: Tag) -> Option<NodeId> {
    (0..snap.len() as NodeId).find(|&i| snap.tag(i) == tag)
}

#[cfg(all(test, feature = "native"))]
mod tests;
