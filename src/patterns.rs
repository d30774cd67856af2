//! The only keyword and pattern tables: multilingual, weak hints only.
//!
//! Detection rests on structure; these words only nudge scores. Every table is lower-case and
//! matched against lower-cased id/class/role/aria/itemprop tokens or short visible labels.

// ===== Content hints (owned by article.rs) =====



// ===== Clutter hints (owned by clutter.rs) =====



// ===== Outline and metadata hints (owned by outline.rs / metadata.rs) =====

/// Separators that split a `<title>` into title and site parts (" - Site", " | Site").
/// Matched with a space on each side. (Readability's set, with the en and em dash.)
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// Separators allowed before a known site name when removing it from a declared title
/// ("Story · Site", "Story — Site"): wider than [`TITLE_SEPARATORS`] because the site name
/// itself confirms the cut.
pub const SITE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»', '·', '•', ':'];

/// Separators that mark a path ("Home > Section > Title") rather than a site suffix.
pub const TITLE_HIERARCHY_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

/// Meta keys (lower-cased `property` / `name` / `itemprop`) that carry the article title, best
/// first. They usually omit the site name that `<title>` appends.
pub const META_TITLE_KEYS: &[&str] = &[
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title",
];

/// Meta keys for the author, best first.
pub const META_AUTHOR_KEYS: &[&str] = &[
    "dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "byl",
    "sailthru.author",
];

/// Meta keys for the publication date, best first.
pub const META_DATE_KEYS: &[&str] = &[
    "article:published_time", "dcterms.available", "dcterms.created", "dc.date.issued",
    "og:published_time", "parsely-pub-date", "datepublished", "date", "pubdate",
    "publish-date", "sailthru.date",
];

/// Meta keys for the site name.
pub const META_SITE_KEYS: &[&str] = &["og:site_name", "application-name", "twitter:site"];

/// Meta keys for a short description, best first.
pub const META_EXCERPT_KEYS: &[&str] = &[
    "dc:description", "dcterm:description", "og:description", "weibo:article:description",
    "weibo:webpage:description", "description", "twitter:description",
];

/// Meta keys for the lead image, best first.
pub const META_IMAGE_KEYS: &[&str] = &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail"];

/// schema.org types whose JSON-LD object describes the article itself.
pub const JSONLD_ARTICLE_TYPES: &[&str] = &[
    "article", "advertisercontentarticle", "newsarticle", "analysisnewsarticle",
    "askpublicnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "reportagenewsarticle",
    "reviewnewsarticle", "report", "satiricalarticle", "scholarlyarticle", "medicalscholarlyarticle",
    "socialmediaposting", "blogposting", "liveblogposting", "discussionforumposting",
    "techarticle", "apireference",
];

/// Primary language subtags written right to left (used when no `dir` attribute says).
pub const RTL_LANGS: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "ha", "he", "iw", "khw", "ks", "ku", "ps", "sd", "ur", "yi",
];

/// Byline lead-ins ("By Jane Doe"), lower-case, with the trailing space. Weak hint: only used on
/// short lines near the top of the article.
pub const BYLINE_PREFIXES: &[&str] = &[
    "by ", "par ", "von ", "por ", "di ", "door ", "av ", "af ", "przez ", "от ", "автор: ",
    "tác giả: ", "oleh ", "yazar: ", "kirjoittaja: ",
];

/// id/class/rel/itemprop tokens that mark a byline (weak hint, any language-neutral naming).
pub const BYLINE_TOKENS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// id/class tokens of blocks that are not article text, used by the readerable check to skip
/// blocks (Readability's "unlikely candidates"); a weak hint next to the clutter pass.
pub const READERABLE_UNLIKELY: &[&str] = &[
    "-ad-", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
    "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote",
];

/// id/class tokens that override [`READERABLE_UNLIKELY`] ("article-header", "main-content").
pub const READERABLE_MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow"];
