//! The article title: declared titles first, else `<title>` without its site part.

use super::jsonld::JsonLd;
use super::meta::MetaTags;
use super::{non_empty, normalize};
use crate::patterns::{META_TITLE_KEYS, SITE_SEPARATORS, TITLE_HIERARCHY_SEPARATORS, TITLE_SEPARATORS};
use crate::snapshot::{NodeId, Snapshot, Tag};

/// Fewest words a title keeps after its site part is cut; shorter and the cut was wrong.
pub const DEFAULT_MIN_TITLE_WORDS: usize = 3;
/// A title with at most this many words after cleaning falls back to the full `<title>`
/// (unless a hierarchical separator explains the cut).
pub const DEFAULT_SHORT_TITLE_WORDS: usize = 4;
/// Words before a colon beyond which the colon is part of the title, not a "Site: Title" prefix.
pub const DEFAULT_MAX_COLON_PREFIX_WORDS: usize = 5;
/// `<title>` lengths outside this range (chars) are suspicious: a lone `<h1>` is preferred.
pub const DEFAULT_TITLE_LEN_RANGE: (usize, usize) = (15, 150);

/// Chooses the title: JSON-LD headline/name, meta title tags, then the cleaned `<title>`; a
/// trailing or leading " - Site Name" naming the site is removed from whichever wins.
pub fn choose(snap: &Snapshot, ld: &JsonLd, metas: &MetaTags, doc_title: Option<&str>, site: Option<&str>) -> Option<String> {
    let cleaned = doc_title.map(|d| clean_document_title(d, &headings(snap)));
    let declared = ld_title(ld, cleaned.as_deref()).or_else(|| metas.first(META_TITLE_KEYS));
    let title = match declared {
        Some(t) => t,
        None => cleaned?,
    };
    let title = match site {
        Some(site) => strip_site(&title, site).to_string(),
        None => title,
    };
    non_empty(title)
}

/// Similarity above which a JSON-LD `headline` or `name` "is" the document title.
pub const DEFAULT_TITLE_SIMILARITY: f64 = 0.75;

/// JSON-LD title. When `headline` and `name` differ, `headline` wins only if it resembles the
/// cleaned `<title>` and `name` does not (`name` is often the site's, `headline` sometimes a
/// kicker); otherwise `name` (schema.org's primary label).
fn ld_title(ld: &JsonLd, cleaned: Option<&str>) -> Option<String> {
    let chosen = match (&ld.headline, &ld.name) {
        (Some(h), Some(n)) if h != n => {
            let like = |t: &str| cleaned.is_some_and(|d| similarity(t, d) > DEFAULT_TITLE_SIMILARITY);
            if like(h) && !like(n) { h } else { n }
        }
        (Some(h), _) => h,
        (None, Some(n)) => n,
        (None, None) => return None,
    };
    Some(chosen.clone())
}

/// Share of `b`'s word characters also found as words of `a` (1.0 = `b` uses only `a`'s words).
pub fn similarity(a: &str, b: &str) -> f64 {
    // No vectors of words: `a`'s words are read again for each word of `b` (two titles, twice
    // per page).
    let (la, lb) = (crate::text::lower(a), crate::text::lower(b));
    if next_word(&la, 0).is_none() {
        return 0.0;
    }
    let (mut total, mut unique) = (0usize, 0usize);
    let mut at = 0;
    while let Some((start, end)) = next_word(&lb, at) {
        at = end;
        let w = crate::text::sub(&lb, start, end);
        let n = crate::text::char_count(w) + 1;
        total += n;
        if !has_word(&la, w) {
            unique += n;
        }
    }
    if total == 0 {
        return 0.0;
    }
    1.0 - unique as f64 / total as f64
}

/// The byte range of the first word of [`similarity`] (a run of letters and digits) at or
/// after byte `from` of `s`.
fn next_word(s: &str, from: usize) -> Option<(usize, usize)> {
    let mut start = None;
    for (i, c) in crate::text::from(s, from).char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(from + i),
            (false, Some(a)) => return Some((a, from + i)),
            _ => {}
        }
    }
    start.map(|a| (a, s.len()))
}

/// Is `w` one of the words of `s` (see [`next_word`])?
fn has_word(s: &str, w: &str) -> bool {
    let mut at = 0;
    while let Some((start, end)) = next_word(s, at) {
        if crate::text::sub(s, start, end) == w {
            return true;
        }
        at = end;
    }
    false
}

/// Text of the page's h1 and h2 elements.
fn headings(snap: &Snapshot) -> Vec<(Tag, String)> {
    let mut out = Vec::new();
    for i in 0..snap.len() as NodeId {
        let t = snap.tag(i);
        if matches!(t, Tag::H1 | Tag::H2) {
            out.push((t, snap.text_of(i)));
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Byte offsets of " X " separators (X in [`TITLE_SEPARATORS`]): (offset of the space before, X).
fn separators(s: &str) -> Vec<(usize, char)> {
    separators_in(s, TITLE_SEPARATORS)
}

/// Byte offsets of " X " separators with X in `set`.
fn separators_in(s: &str, set: &[char]) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    // The two characters before the current one, with their offsets ('\0' before the start).
    let (mut a, mut b) = ((0, '\0'), (0, '\0'));
    for (i, c) in s.char_indices() {
        if a.1 == ' ' && c == ' ' && set.contains(&b.1) {
            out.push((a.0, b.1));
        }
        (a, b) = (b, (i, c));
    }
    out
}

/// Removes the site part of a `<title>` ("Title - Site", "Site | Title", "Site: Title").
/// Keeps the full title when the cut would leave too few words. `headings` are the page's
/// h1/h2 texts (a heading equal to the full title proves a colon belongs to the title).
pub fn clean_document_title(orig: &str, headings: &[(Tag, String)]) -> String {
    let orig = normalize(orig);
    let seps = separators(&orig);
    let hierarchical = seps.iter().any(|(_, c)| TITLE_HIERARCHY_SEPARATORS.contains(c));
    // The title part: a slice of `orig` or a heading.
    let mut cur: &str = &orig;
    if let Some(&(last, _)) = seps.last() {
        cur = crate::text::to(&orig, last);
        if word_count(cur) < DEFAULT_MIN_TITLE_WORDS {
            cur = after_first_separator(&orig);
        }
    } else if crate::text::contains_str(&orig, ": ") {
        if !headings.iter().any(|(_, h)| h.trim() == orig) {
            cur = after(&orig, crate::text::rfind_byte(&orig, b':'));
            let first_colon = crate::text::find_byte(&orig, b':');
            if word_count(cur) < DEFAULT_MIN_TITLE_WORDS {
                cur = after(&orig, first_colon);
            } else if first_colon.is_some_and(|i| word_count(crate::text::to(&orig, i)) > DEFAULT_MAX_COLON_PREFIX_WORDS) {
                cur = &orig;
            }
        }
    } else {
        let n = crate::text::char_count(&orig);
        if n < DEFAULT_TITLE_LEN_RANGE.0 || n > DEFAULT_TITLE_LEN_RANGE.1 {
            // The page's only h1, if it has exactly one.
            let (mut h1, mut h1s) = (None, 0);
            for (t, h) in headings {
                if *t == Tag::H1 {
                    h1 = Some(h);
                    h1s += 1;
                }
            }
            if let (Some(h), 1) = (h1, h1s) {
                cur = h;
            }
        }
    }
    let cur = normalize(cur);
    let words = word_count(&cur);
    // The words of `orig` once its separators are removed (no separator is whitespace, so a
    // word only goes when it is all separators).
    let words_without_seps = || {
        let mut n = 0;
        for w in orig.split_whitespace() {
            if crate::text::find_char(w, |c| !TITLE_SEPARATORS.contains(&c)).is_some() {
                n += 1;
            }
        }
        n
    };
    if words <= DEFAULT_SHORT_TITLE_WORDS && (!hierarchical || words + 1 != words_without_seps()) {
        return orig;
    }
    cur
}

/// The text after byte `i` (one past the ASCII char there), or all of `s`.
fn after(s: &str, i: Option<usize>) -> &str {
    match i {
        Some(i) => crate::text::from(s, i + 1),
        None => s,
    }
}

/// The text after the first separator character (spaced or not).
fn after_first_separator(s: &str) -> &str {
    match crate::text::find_char(s, |c| TITLE_SEPARATORS.contains(&c)) {
        Some(i) => {
            let mut rest = crate::text::from(s, i).chars();
            rest.next();
            rest.as_str()
        }
        None => s,
    }
}

/// Removes " <sep> site" at the end or "site <sep> " at the start when `site` is the site name.
pub fn strip_site<'a>(title: &'a str, site: &str) -> &'a str {
    let site = normalize(site);
    if site.is_empty() || normalize(title).eq_ignore_ascii_case(&site) {
        return title;
    }
    let seps = separators_in(title, SITE_SEPARATORS);
    for &sep in seps.iter().rev() {
        let (head, tail) = around(title, sep);
        if tail.eq_ignore_ascii_case(&site) && !head.is_empty() {
            return head;
        }
    }
    if let Some(&sep) = seps.first() {
        let (head, rest) = around(title, sep);
        if head.eq_ignore_ascii_case(&site) && !rest.is_empty() {
            return rest;
        }
    }
    title
}

/// The text before and after the " X " separator of [`separators_in`] at `at`, trimmed.
fn around(s: &str, (at, c): (usize, char)) -> (&str, &str) {
    (crate::text::to(s, at).trim(), crate::text::from(s, at + 2 + c.len_utf8()).trim())
}

/// Most words in a site name read off a `<title>` suffix.
pub const DEFAULT_MAX_SITE_NAME_WORDS: usize = 5;

/// The site name a page only states in its `<title>`: the short part after the last separator
/// when the part before it is exactly the chosen `title` ("Story - Tech News" -> "Tech News").
pub fn site_from_document_title(doc_title: &str, title: &str) -> Option<String> {
    let doc = normalize(doc_title);
    let (head, tail) = around(&doc, *separators(&doc).last()?);
    let short = !tail.is_empty() && word_count(tail) <= DEFAULT_MAX_SITE_NAME_WORDS;
    (short && head == normalize(title)).then(|| tail.to_string())
}
