//! The only keyword and pattern tables: multilingual, weak hints only.
//!
//! Detection rests on structure; these words only nudge scores. Every table is lower-case and
//! matched against lower-cased id/class/role/aria/itemprop tokens or short visible labels.

/// A word list read once per page, packed as one string with the words separated by `\n`: one
/// byte per word instead of a pointer and a length (8 bytes in wasm). The lists matched per node
/// are `&[u8]` from `packed_words!` instead (each word after its length byte: read as fast as a
/// slice of words, no splitting), or stay `&[&str]` where an API takes `&str` words.
#[derive(Clone, Copy)]
pub struct Packed(&'static str);

impl Packed {
    /// The words, in order.
    pub fn iter(self) -> std::str::Split<'static, char> {
        self.0.split('\n')
    }

    pub fn contains(self, w: &str) -> bool {
        self.iter().any(|x| x == w)
    }
}

/// `packed!["a", "b"]`: the [`Packed`] list `a`, `b`.
macro_rules! packed {
    ($first:literal $(, $w:literal)* $(,)?) => {
        Packed(concat!($first $(, "\n", $w)*))
    };
}

// ===== Content hints (owned by article.rs) =====

/// id/class words that name a main-content container (weak hint; any language's sites use
/// these English-derived names in markup).
pub const CONTENT_POSITIVE: &[u8] = crate::packed_words![
    "article", "articlebody", "article-body", "body", "content", "entry", "entry-content",
    "main", "post", "post-body", "post-content", "story", "story-body", "text", "blog",
    "prose", "markdown", "page-content", "inhalt", "contenido", "conteudo", "contenu", "isi",
];

/// id/class words that name something around the content (weak hint).
pub const CONTENT_NEGATIVE: &[u8] = crate::packed_words![
    "sidebar", "side", "aside", "widget", "comment", "comments", "footer", "header", "nav",
    "navbar", "menu", "related", "recommended", "share", "social", "promo", "banner", "ad",
    "ads", "advert", "sponsor", "cookie", "newsletter", "breadcrumb", "pagination",
];

/// Does the lower-cased `names` (id and class values) hold one of `words` (a
/// [`packed_words!`](crate::packed_words) list) as a whole token? Tokens split on anything that
/// is not a letter, digit, `-` or `_`; a word also matches as a `-`/`_`-separated part
/// ("post-content" holds "post" and "content").
pub fn has_word(names: &str, words: &[u8]) -> bool {
    // Filtered by the first bytes the words come in (the packed list's head): most tokens are
    // no word without comparing them with each.
    let known = |t: &[u8]| match t.first() {
        Some(&f) => {
            words.get(usize::from(f >> 3)).is_some_and(|h| h & (1 << (f & 7)) != 0)
                && crate::text::packed_iter(words).any(|w| w == t)
        }
        // (A packed list holds no empty word.)
        None => false,
    };
    // Tokens: maximal runs of alphanumeric characters, `-` and `_` (ASCII judged from the byte).
    let b = names.as_bytes();
    let (mut start, mut i, mut parts) = (0, 0, false);
    loop {
        let (in_token, len) = match b.get(i) {
            None => (false, 0),
            Some(&x) if x < 0x80 => (x.is_ascii_alphanumeric() || x == b'-' || x == b'_', 1),
            Some(_) => match names.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => (false, 0),
            },
        };
        if in_token {
            parts |= b[i] == b'-' || b[i] == b'_';
            i += len;
            continue;
        }
        if start < i && (known(&b[start..i]) || parts && any_part(&b[start..i], known)) {
            return true;
        }
        if len == 0 {
            return false;
        }
        start = i + len;
        parts = false;
        i += len;
    }
}

/// Is one of the `-`/`_`-separated parts of `token` `known`?
fn any_part(token: &[u8], known: impl Fn(&[u8]) -> bool) -> bool {
    let (mut from, mut j) = (0, 0);
    while j <= token.len() {
        if j == token.len() || token[j] == b'-' || token[j] == b'_' {
            if known(&token[from..j]) {
                return true;
            }
            from = j + 1;
        }
        j += 1;
    }
    false
}

// ===== Clutter hints (owned by clutter.rs) =====
//
// Two sorts of table live here. Markers and hosts (`COMMENT_EMBED_*`, `SOCIAL_HOSTS`, `AD_*`)
// are what third-party embeds require of the page (the Facebook SDK finds `.fb-comments`, Disqus
// `#disqus_thread`); they are evidence about the embed, not about one site. The word lists are
// weak hints: they only pick a kind for, or label, a block that structure already singled out.

/// Class or id tokens that comment SDKs require on their mount point.
pub const COMMENT_EMBED_MARKERS: &[&str] = &["fb-comments", "disqus_thread", "giscus", "utterances"];

/// Hosts (and path prefixes) of comment-system iframes and scripts.
pub const COMMENT_HOSTS: &[u8] = crate::packed_words![
    "disqus.com", "facebook.com/plugins/comments", "utteranc.es", "giscus.app", "commento.io",
    "hyvor.com", "remark42", "cusdis.com", "livefyre.com", "viafoura.co", "openweb.com",
];

/// Hosts of social networks and share endpoints (matched on the link's host, suffix-wise).
pub const SOCIAL_HOSTS: &[u8] = crate::packed_words![
    "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com", "wa.me", "whatsapp.com", "t.me",
    "telegram.me", "linkedin.com", "pinterest.com", "reddit.com", "tumblr.com", "vk.com", "ok.ru",
    "weibo.com", "line.me", "lin.ee", "b.hatena.ne.jp", "getpocket.com", "bsky.app",
    "threads.net", "instagram.com", "youtube.com", "tiktok.com", "xing.com", "flipboard.com",
    "mix.com", "qzone.qq.com", "social-plugins.line.me", "news.ycombinator.com", "mastodon.social",
];

/// Ad-network hosts (iframes, links, scripts).
pub const AD_HOSTS: &[u8] = crate::packed_words![
    "doubleclick.net", "googlesyndication.com", "googleadservices.com", "adnxs.com",
    "amazon-adsystem.com", "criteo.com", "criteo.net", "taboola.com", "outbrain.com", "adform.net",
    "pubmatic.com", "rubiconproject.com", "smartadserver.com", "adsrvr.org", "yieldmo.com",
    "media.net", "revcontent.com", "mgid.com",
];

/// Class tokens and attribute names ad scripts require on their slots.
pub const AD_MARKERS: &[&str] = &["adsbygoogle", "div-gpt-ad"];
pub const AD_ATTRS: &[&str] = &["data-ad-client", "data-ad-slot", "data-ad-unit", "data-google-query-id"];

/// A block whose whole text is one of these is an ad label.
pub const AD_LABELS: &[u8] = crate::packed_words![
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted",
    "iklan", "advertorial", "anzeige", "werbung", "publicité", "publicite", "publicidad",
    "publicidade", "pubblicità", "advertentie", "reclame", "広告", "スポンサーリンク", "广告",
    "廣告", "赞助", "إعلان", "اعلان", "реклама", "reklama", "reklam",
];

/// Words of cookie and consent banners (text or id/class).
pub const CONSENT_WORDS: &[u8] = crate::packed_words![
    "cookie", "consent", "gdpr", "privacy", "datenschutz", "einwilligung", "zustimmen",
    "confidentialité", "consentement", "privacidad", "privacidade", "riservatezza", "toestemming",
    "persetujuan", "privasi", "クッキー", "同意", "隐私", "ملفات تعريف الارتباط", "الخصوصية",
    "конфиденциальности", "файлы cookie",
];

/// Labels and id/class words of breaking-news tickers.
pub const TICKER_WORDS: &[u8] = crate::packed_words![
    "breaking", "ticker", "marquee", "news-flash", "newsflash", "just in", "terkini", "eilmeldung",
    "liveticker", "newsticker", "dernière minute", "derniere-minute", "última hora", "ultima hora",
    "ultim'ora", "laatste nieuws", "速報", "突发", "快讯", "عاجل", "срочно", "молния",
];

/// Headings and id/class words of related / read-more / trending / most-read lists.
pub const RELATED_WORDS: &[u8] = crate::packed_words![
    "related", "read more", "read also", "read next", "more stories", "more news",
    "recommended", "you may also like", "you might also like", "popular", "trending", "most read",
    "most-read", "terkait", "baca juga", "baca lainnya", "berita lainnya", "terpopuler", "populer",
    "mehr zum thema", "lesen sie auch", "auch interessant", "meistgelesen", "das könnte sie",
    "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "relacionad", "te puede interesar",
    "lo más leído", "más leídas", "leia também", "mais lidas", "leggi anche", "più letti",
    "lees ook", "meest gelezen", "関連記事", "関連", "おすすめ", "ランキング", "人気", "相关",
    "推荐", "热门", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "ذات صلة", "الأكثر قراءة",
    "читайте также", "популярное", "похожие",
];

/// Link and button labels that answer a comment.
pub const REPLY_WORDS: &[u8] = crate::packed_words![
    "reply", "antworten", "répondre", "responder", "rispondi", "beantwoorden", "balas",
    "返信", "回复", "回覆", "رد", "الرد", "ответить", "odpowiedz", "yanıtla",
];

/// id/class words of comment threads (weak: only with repeated dated items).
pub const COMMENT_WORDS: &[u8] = crate::packed_words![
    "comment", "kommentar", "komentar", "commentaire", "comentario", "comentário", "commento",
    "reactie", "コメント", "评论", "評論", "تعليق", "التعليقات", "коммент",
];

/// id/class/itemtype tokens (whole words, see [`has_word`]) of customer reviews: a container
/// and its repeated items both named so are a product page's comment thread.
pub const REVIEW_WORDS: &[u8] = crate::packed_words![
    "review", "reviews", "rezension", "rezensionen", "bewertung", "bewertungen", "avis",
    "reseña", "reseñas", "recensione", "recensioni", "recensie", "recensies", "beoordeling",
    "beoordelingen", "opinie", "opinies", "avaliacao", "avaliacoes", "avaliações", "レビュー",
    "口コミ", "评价", "評價", "отзыв", "отзывы", "مراجعات", "تقييمات",
];

/// id/class/aria words of breadcrumbs.
pub const BREADCRUMB_WORDS: &[u8] = crate::packed_words![
    "breadcrumb", "brotkrumen", "fil d'ariane", "migas", "パンくず", "面包屑", "مسار التنقل",
    "хлебн",
];

/// Characters that separate breadcrumb links.
pub const BREADCRUMB_SEPARATORS: &[char] = &['›', '»', '>', '/', '|', '→', '·', '‹', '«', '<'];

/// Copyright markers of site footers.
pub const COPYRIGHT_MARKERS: &[u8] = crate::packed_words!["©", "(c) 19", "(c) 20", "copyright", "hak cipta", "版权", "著作権", "حقوق", "все права"];

/// Relative-date words ("3 hours ago"), counted as a date in link lists.
pub const RELATIVE_DATE_WORDS: &[u8] = crate::packed_words![
    "ago", "yang lalu", "vor ", "il y a", "hace ", "há ", "fa ", "geleden", "前", "منذ", "назад",
];

/// Month names and abbreviations (lower-case) used to recognise written dates.
pub const MONTH_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mei", "agu", "okt", "des", "juli", "juni", "märz", "mai", "dez", "janv", "févr", "avr",
    "juil", "août", "déc", "ene", "abr", "ago", "dic", "fev", "out", "set", "gen", "giu", "lug",
    "mrt", "年", "月", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "янв", "фев", "апр", "июн", "июл", "авг", "сен",
    "окт", "ноя", "дек",
];


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
pub const META_TITLE_KEYS: Packed = packed![
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title",
];

/// Meta keys for the author, best first.
pub const META_AUTHOR_KEYS: Packed = packed![
    "dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "byl",
    "sailthru.author",
];

/// Meta keys for the publication date, best first.
pub const META_DATE_KEYS: Packed = packed![
    "article:published_time", "dcterms.available", "dcterms.created", "dc.date.issued",
    "og:published_time", "parsely-pub-date", "datepublished", "date", "pubdate",
    "publish-date", "sailthru.date",
];

/// Meta keys for the site name.
pub const META_SITE_KEYS: Packed = packed!["og:site_name", "application-name", "twitter:site"];

/// Meta keys for a short description, best first.
pub const META_EXCERPT_KEYS: Packed = packed![
    "dc:description", "dcterm:description", "og:description", "weibo:article:description",
    "weibo:webpage:description", "description", "twitter:description",
];

/// Meta keys for the lead image, best first.
pub const META_IMAGE_KEYS: Packed = packed!["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnail"];

/// schema.org types whose JSON-LD object describes the article itself.
pub const JSONLD_ARTICLE_TYPES: Packed = packed![
    "article", "advertisercontentarticle", "newsarticle", "analysisnewsarticle",
    "askpublicnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "reportagenewsarticle",
    "reviewnewsarticle", "report", "satiricalarticle", "scholarlyarticle", "medicalscholarlyarticle",
    "socialmediaposting", "blogposting", "liveblogposting", "discussionforumposting",
    "techarticle", "apireference",
];

/// Primary language subtags written right to left (used when no `dir` attribute says).
pub const RTL_LANGS: Packed = packed![
    "ar", "arc", "ckb", "dv", "fa", "ha", "he", "iw", "khw", "ks", "ku", "ps", "sd", "ur", "yi",
];

/// Byline lead-ins ("By Jane Doe"), lower-case, with the trailing space. Weak hint: only used on
/// short lines near the top of the article.
pub const BYLINE_PREFIXES: &[&str] = &[
    "by ", "par ", "von ", "por ", "di ", "door ", "av ", "af ", "przez ", "от ", "автор: ",
    "tác giả: ", "oleh ", "yazar: ", "kirjoittaja: ",
];

/// URL path segments of author pages ("/author/jane-doe/"): a link there is a byline. Weak hint,
/// multilingual.
pub const AUTHOR_PATH_SEGMENTS: &[&str] = &[
    "author", "authors", "autor", "autores", "auteur", "auteurs", "autore", "autori", "penulis",
    "yazar", "avtor", "writer", "writers", "journalist", "journalists", "columnist",
];

/// id/class/rel/itemprop tokens that mark a byline (weak hint, any language-neutral naming).
pub const BYLINE_TOKENS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// id/class tokens of blocks that are not article text, used by the readerable check to skip
/// blocks (Readability's "unlikely candidates"); a weak hint next to the clutter pass.
pub const READERABLE_UNLIKELY: &[u8] = crate::packed_words![
    "-ad-", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
    "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote",
];

/// id/class tokens that override [`READERABLE_UNLIKELY`] ("article-header", "main-content").
pub const READERABLE_MAYBE: &[u8] = crate::packed_words!["and", "article", "body", "column", "content", "main", "shadow"];

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition `has_word` must keep answering.
    fn has_word_ref(names: &str, words: &[&str]) -> bool {
        names.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).filter(|t| !t.is_empty()).any(|token| {
            words.contains(&token) || token.contains(['-', '_']) && token.split(['-', '_']).any(|part| words.contains(&part))
        })
    }

    #[test]
    fn has_word_matches_its_definition() {
        let names = [
            "", " ", "post-content", "main_wrapper x", "mw-content-text", "sidebar--left", "-", "__", "a--b",
            "Content", "contenu isi", "ẞtory story", "über-post", "post·body", "日本 article", "x\u{A0}post",
            "widget_area", "promo1 ads", "navbar-expand-lg", "related-posts", "😀post", "post😀", "a-b-c-comment",
        ];
        for n in names {
            for packed in [CONTENT_POSITIVE, CONTENT_NEGATIVE, READERABLE_MAYBE, REVIEW_WORDS, crate::packed_words!["a"]] {
                let words: Vec<&str> = crate::text::packed_iter(packed).filter_map(|w| std::str::from_utf8(w).ok()).collect();
                assert_eq!(has_word(n, packed), has_word_ref(n, &words), "{n:?}");
            }
        }
    }
}
