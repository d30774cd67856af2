//! Clutter classification: what around (and inside) the article is not the article.
//!
//! Approach: structure first. One reverse sweep counts, per node, the evidence every detector
//! wants (links, social links, textareas, email inputs, buttons, images, dates, ...); then one
//! forward pass asks each visible element, in a fixed order, "are you a comment form, a comment
//! embed, a consent dialog, an ad slot, a breadcrumb, a menu, a site footer, a share bar, a list of
//! link items, a comment thread, a stray control?" The first detector that answers wins. A
//! decision then *widens* to the wrapper that only adds a label (a `<section>` holding a heading
//! and the list), and a heading right before a widget that it alone labels goes with it.
//!
//! Word lists (`patterns.rs`) are weak hints only: they choose between kinds for a block that
//! structure already singled out ("a list of dated links" is Related, or a Ticker when labelled
//! "Breaking"), they never make a block clutter on their own, except the ad labels
//! ("Advertisement" as a block's whole text) and consent words on dialogs.
//!
//! [`protect`] runs once the article is known and enforces precision over recall: a decision that
//! contains the article root, or would hide a real share of its paragraph text, is dropped.
//!
//! Limits: no layout is used even when the browser supplies it (fixed-position banners are found
//! by role/aria-modal/inline style only); comment threads need reply links, `Comment` microdata or
//! a comment word on the container; a "Related" list needs three or more items.

use crate::analysis::{Article, Clutter, ClutterKind};
use crate::patterns as pat;
use crate::reason::Reason;
use crate::snapshot::{NodeId, NodeKind, Snapshot, Tag};

/// Items a repeated list needs before it counts as a related / trending list or a menu.
pub const DEFAULT_MIN_LIST_ITEMS: usize = 3;
/// Items a menu (list of short links with no dates or thumbnails) needs.
pub const DEFAULT_MIN_MENU_ITEMS: usize = 4;
/// Share of a container's item children that must be "mostly one link".
pub const DEFAULT_LIST_ITEM_SHARE: f32 = 0.8;
/// An item is "mostly one link" when link text is at least this share of its text...
pub const DEFAULT_ITEM_LINK_SHARE: f32 = 0.5;
/// ...or when the text outside links is no longer than this (a date, a number, "5 min").
pub const DEFAULT_ITEM_EXTRA_CHARS: u32 = 40;
/// Items longer than this are teasers with excerpts or content, not list entries.
pub const DEFAULT_MAX_ITEM_CHARS: u32 = 300;
/// Items with more elements than this are not inspected link by link (bounded work per item).
pub const DEFAULT_MAX_ITEM_ELEMENTS: u32 = 200;
/// Distinct link targets an item may have (a thumbnail and a title usually share one).
pub const DEFAULT_MAX_ITEM_TARGETS: usize = 2;
/// Mean link text per item at or below which a dateless, imageless link list reads as a menu.
pub const DEFAULT_MENU_ITEM_CHARS: u32 = 30;
/// Social links a share / follow bar needs.
pub const DEFAULT_MIN_SOCIAL_LINKS: u32 = 2;
/// Share of a bar's links that must point to social hosts.
pub const DEFAULT_SOCIAL_LINK_SHARE: f32 = 0.6;
/// Text a share bar may carry per link ("Share on Facebook") beyond a fixed allowance.
pub const DEFAULT_SHARE_CHARS_PER_LINK: u32 = 30;
/// Fixed text allowance of a share bar ("Bagikan:", "Teilen").
pub const DEFAULT_SHARE_BASE_CHARS: u32 = 40;
/// Text a wrapper may add to a widget and still be "just its label" (heading, short blurb).
pub const DEFAULT_LABEL_MAX_CHARS: u32 = 160;
/// A heading that labels a widget is at most this long.
pub const DEFAULT_HEADING_MAX_CHARS: u32 = 80;
/// A control (button) is at most this much text.
pub const DEFAULT_CONTROL_MAX_CHARS: u32 = 40;
/// A site footer found without a `<footer>` tag holds at most this much text...
pub const DEFAULT_FOOTER_MAX_CHARS: u32 = 800;
/// ...and is followed by at most this much text in the document.
pub const DEFAULT_FOOTER_TAIL_CHARS: u32 = 200;
/// A banner's text is scanned for consent words up to this many characters.
pub const DEFAULT_BANNER_SCAN_CHARS: usize = 2000;
/// A consent banner found by id/class words alone is at most this much text.
pub const DEFAULT_CONSENT_MAX_CHARS: u32 = 1500;
/// A breadcrumb trail is at most this much text.
pub const DEFAULT_BREADCRUMB_MAX_CHARS: u32 = 200;
/// Text inputs a newsletter form may have (email, name, maybe a company).
pub const DEFAULT_NEWSLETTER_MAX_INPUTS: u32 = 3;
/// Dated, repeated items a comment-word container needs to count as a comment thread.
pub const DEFAULT_MIN_COMMENT_ITEMS: usize = 2;
/// A paragraph of the article counts for [`protect`] from this length...
pub const DEFAULT_PARAGRAPH_MIN_CHARS: u32 = 80;
/// ...when at most this share of it is link text.
pub const DEFAULT_PARAGRAPH_MAX_LINK_SHARE: f32 = 0.3;
/// [`protect`] drops a decision hiding this share of the article's paragraph text or more.
pub const DEFAULT_PROTECT_MAX_SHARE: f32 = 0.25;
/// [`protect`] drops a non-comment decision hiding this many article paragraphs or more.
pub const DEFAULT_PROTECT_MAX_PARAGRAPHS: usize = 2;

/// Evidence counted once per subtree (the node included).
#[derive(Clone, Copy, Default, Debug)]
struct Counts {
    links: u32,
    social_links: u32,
    textareas: u32,
    email_inputs: u32,
    text_inputs: u32,
    password_inputs: u32,
    search_inputs: u32,
    buttons: u32,
    media: u32,
    iframes: u32,
    dates: u32,
    copyright: u32,
    paragraphs: u32,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.links += o.links;
        self.social_links += o.social_links;
        self.textareas += o.textareas;
        self.email_inputs += o.email_inputs;
        self.text_inputs += o.text_inputs;
        self.password_inputs += o.password_inputs;
        self.search_inputs += o.search_inputs;
        self.buttons += o.buttons;
        self.media += o.media;
        self.iframes += o.iframes;
        self.dates += o.dates;
        self.copyright += o.copyright;
        self.paragraphs += o.paragraphs;
    }
}

/// Per-node facts shared by the detectors.
struct Ctx<'a> {
    snap: &'a Snapshot,
    counts: Vec<Counts>,
    /// Visible text characters in text nodes before each node id (document order).
    text_before: Vec<u32>,
    total_text: u32,
}

impl<'a> Ctx<'a> {
    fn new(snap: &'a Snapshot) -> Self {
        let n = snap.len();
        let mut counts = vec![Counts::default(); n];
        let mut text_before = vec![0u32; n + 1];
        let mut acc = 0u32;
        for i in 0..n {
            text_before[i] = acc;
            let id = i as NodeId;
            let node = snap.node(id);
            if node.kind == NodeKind::Text {
                if !node.hidden && !parent_silent(snap, id) {
                    acc = acc.saturating_add(node.text_len);
                    let t = snap.own_text(id);
                    if is_date_text(t) {
                        counts[i].dates = 1;
                    }
                    if has_copyright(t) {
                        counts[i].copyright = 1;
                    }
                }
                continue;
            }
            if node.hidden {
                continue;
            }
            counts[i] = own_counts(snap, id);
        }
        text_before[n] = acc;
        // Children before parents; hidden subtrees add nothing.
        for i in (1..n).rev() {
            let node = snap.node(i as NodeId);
            if node.hidden || (node.kind == NodeKind::Element && node.tag.is_non_content()) {
                continue;
            }
            let p = node.parent as usize;
            if p < n {
                let c = counts[i];
                counts[p].add(&c);
            }
        }
        Ctx { snap, counts, text_before, total_text: acc }
    }

    fn c(&self, id: NodeId) -> &Counts {
        &self.counts[id as usize]
    }

    /// Visible text after the subtree of `id`, to the end of the document.
    fn text_after(&self, id: NodeId) -> u32 {
        let end = (self.snap.node(id).end as usize).min(self.text_before.len() - 1);
        self.total_text.saturating_sub(self.text_before[end])
    }
}

fn parent_silent(snap: &Snapshot, id: NodeId) -> bool {
    snap.parent(id).is_some_and(|p| snap.tag(p).is_non_content())
}

/// What one element contributes by itself.
fn own_counts(snap: &Snapshot, id: NodeId) -> Counts {
    let mut c = Counts::default();
    match snap.tag(id) {
        Tag::A => {
            if let Some(href) = snap.attr(id, "href") {
                c.links = 1;
                if host_in(href, pat::SOCIAL_HOSTS) {
                    c.social_links = 1;
                }
            }
            if role_is(snap, id, "button") {
                c.buttons = 1;
            }
        }
        Tag::Textarea => c.textareas = 1,
        Tag::Input => {
            let t = snap.attr(id, "type").unwrap_or("text").to_ascii_lowercase();
            match t.as_str() {
                "email" => {
                    c.email_inputs = 1;
                    c.text_inputs = 1;
                }
                "text" | "tel" | "url" | "" => {
                    c.text_inputs = 1;
                    let name = snap.attr(id, "name").unwrap_or("").to_ascii_lowercase();
                    let auto = snap.attr(id, "autocomplete").unwrap_or("").to_ascii_lowercase();
                    if name.contains("email") || name.contains("mail") || auto == "email" {
                        c.email_inputs = 1;
                    }
                }
                "password" => c.password_inputs = 1,
                "search" => c.search_inputs = 1,
                "submit" | "button" | "reset" | "image" => c.buttons = 1,
                _ => {}
            }
        }
        Tag::Button => c.buttons = 1,
        Tag::Img | Tag::Picture | Tag::Video | Tag::Audio | Tag::Canvas | Tag::Object | Tag::Embed => {
            c.media = 1
        }
        Tag::Iframe => {
            c.iframes = 1;
            c.media = 1;
        }
        Tag::Time => c.dates = 1,
        Tag::P => c.paragraphs = 1,
        _ => {
            if role_is(snap, id, "button") {
                c.buttons = 1;
            }
        }
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Small text helpers (no regex in the core).

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn contains_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

fn role_is(snap: &Snapshot, id: NodeId, role: &str) -> bool {
    snap.attr(id, "role").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(role)))
}

/// id, class, role, aria-label, itemtype and name of an element, lower-cased: the weak-hint haystack.
fn hint_text(snap: &Snapshot, id: NodeId) -> String {
    let mut s = lower(&snap.id_class(id));
    for a in ["role", "aria-label", "itemtype", "name"] {
        if let Some(v) = snap.attr(id, a) {
            s.push(' ');
            s.push_str(&lower(v));
        }
    }
    s
}

/// Has the class (or id) token `tok` exactly?
fn has_token(snap: &Snapshot, id: NodeId, tok: &str) -> bool {
    let in_attr = |a: &str| snap.attr(id, a).is_some_and(|v| v.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(tok)));
    in_attr("class") || in_attr("id")
}

/// Host of a URL ("" for relative links), lower-case, without "www.".
fn host(url: &str) -> String {
    let u = url.trim();
    let rest = match u.find("//") {
        Some(i) if u[..i].chars().all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '+' || c == '.' || c == '-') => &u[i + 2..],
        _ => return String::new(),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let mut h = rest[..end].to_ascii_lowercase();
    if let Some(at) = h.rfind('@') {
        h = h[at + 1..].to_string();
    }
    if let Some(colon) = h.find(':') {
        h.truncate(colon);
    }
    h.strip_prefix("www.").map(str::to_string).unwrap_or(h)
}

/// Is the URL's host one of `hosts` (or a subdomain)? Entries with a '/' match host+path prefixes.
fn host_in(url: &str, hosts: &[&str]) -> bool {
    let h = host(url);
    if h.is_empty() {
        return false;
    }
    let lower_url = url.to_ascii_lowercase();
    hosts.iter().any(|e| {
        if e.contains('/') {
            lower_url.contains(e)
        } else {
            h == *e || (h.len() > e.len() && h.ends_with(e) && h.as_bytes()[h.len() - e.len() - 1] == b'.')
        }
    })
}

/// Does this text read as a date or time ("2 Juli 2025 - 00:38 WIB", "2025-07-02", "3 hours ago")?
pub fn is_date_text(t: &str) -> bool {
    let l = t.to_lowercase();
    let digits: Vec<char> = l.chars().collect();
    // A plausible year (1990..=2099) as a standalone 4-digit run, or a clock time hh:mm.
    let mut i = 0;
    let mut has_year = false;
    let mut has_clock = false;
    let mut has_num = false;
    while i < digits.len() {
        if digits[i].is_ascii_digit() {
            let s = i;
            while i < digits.len() && digits[i].is_ascii_digit() {
                i += 1;
            }
            let run: String = digits[s..i].iter().collect();
            has_num = true;
            if run.len() == 4 && (run.starts_with("19") && run.as_str() >= "1990" || run.starts_with("20")) {
                has_year = true;
            }
            if run.len() <= 2 && i + 2 < digits.len() + 1 && digits.get(i) == Some(&':')
                && digits.get(i + 1).is_some_and(|c| c.is_ascii_digit())
                && digits.get(i + 2).is_some_and(|c| c.is_ascii_digit())
            {
                has_clock = true;
            }
        } else {
            i += 1;
        }
    }
    if has_year || has_clock {
        return true;
    }
    has_num && (contains_any(&l, pat::RELATIVE_DATE_WORDS) && l.chars().count() <= 40)
}

fn has_copyright(t: &str) -> bool {
    t.contains('©') || {
        let l = t.to_lowercase();
        contains_any(&l, pat::COPYRIGHT_MARKERS)
    }
}

/// Short visible text of a node, for reasons ("'Baca Lainnya'").
fn snippet(snap: &Snapshot, id: NodeId, max: usize) -> String {
    let t = snap.text_of(id);
    let mut s: String = t.chars().take(max).collect();
    if t.chars().count() > max {
        s.push('…');
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Detectors. Each looks at one element and answers with a kind and a reason.

type Found = Option<(ClutterKind, Reason)>;

fn detect_form(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    if snap.tag(id) != Tag::Form {
        return None;
    }
    let c = cx.c(id);
    if c.textareas > 0 && c.password_inputs == 0 {
        let detail = if c.email_inputs > 0 {
            "form with a textarea and an email field".to_string()
        } else if c.text_inputs >= 1 {
            format!("form with a textarea and {} text field(s)", c.text_inputs)
        } else {
            "form with a textarea and a submit button".to_string()
        };
        if c.email_inputs > 0 || c.text_inputs >= 1 || c.buttons > 0 {
            return Some((ClutterKind::CommentForm, Reason::new("comment-form", detail)));
        }
    }
    if c.textareas == 0
        && c.email_inputs > 0
        && c.password_inputs == 0
        && c.search_inputs == 0
        && c.text_inputs <= DEFAULT_NEWSLETTER_MAX_INPUTS
    {
        return Some((
            ClutterKind::Newsletter,
            Reason::new("newsletter-form", format!("form with an email field, no textarea, {} field(s)", c.text_inputs)),
        ));
    }
    None
}

fn detect_comment_embed(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    for m in pat::COMMENT_EMBED_MARKERS {
        if has_token(snap, id, m) {
            return Some((ClutterKind::Comments, Reason::new("comment-embed", format!("comment embed mount point `{m}`"))));
        }
    }
    if snap.tag(id) == Tag::Iframe {
        if let Some(src) = snap.attr(id, "src").or_else(|| snap.attr(id, "data-src")) {
            if host_in(src, pat::COMMENT_HOSTS) {
                return Some((ClutterKind::Comments, Reason::new("comment-embed", format!("iframe of a comment service ({})", host(src)))));
            }
        }
    }
    None
}

fn detect_ad(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    for m in pat::AD_MARKERS {
        if has_token(snap, id, m) || snap.attr(id, "id").is_some_and(|v| v.starts_with(m)) {
            return Some((ClutterKind::Ad, Reason::new("ad-slot", format!("ad slot `{m}`"))));
        }
    }
    for a in pat::AD_ATTRS {
        if snap.attr(id, a).is_some() {
            return Some((ClutterKind::Ad, Reason::new("ad-slot", format!("ad slot attribute `{a}`"))));
        }
    }
    if snap.tag(id) == Tag::Iframe {
        if let Some(src) = snap.attr(id, "src").or_else(|| snap.attr(id, "data-src")) {
            if host_in(src, pat::AD_HOSTS) {
                return Some((ClutterKind::Ad, Reason::new("ad-frame", format!("iframe of an ad network ({})", host(src)))));
            }
        }
    }
    // A small block whose whole text is an ad label ("Advertisement", "Anzeige", "広告").
    let node = snap.node(id);
    if node.text_len > 0 && node.text_len <= 25 && node.link_text_len == 0 {
        let t = lower(&snap.text_of(id));
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        if pat::AD_LABELS.contains(&t) {
            return Some((ClutterKind::Ad, Reason::new("ad-label", format!("block labelled '{}'", snippet(snap, id, 30)))));
        }
    }
    None
}

fn detect_consent(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let c = cx.c(id);
    if c.buttons == 0 && c.links == 0 {
        return None;
    }
    let style = snap.attr(id, "style").map(|s| s.replace(' ', "").to_ascii_lowercase()).unwrap_or_default();
    let dialog = snap.tag(id) == Tag::Dialog
        || role_is(snap, id, "dialog")
        || role_is(snap, id, "alertdialog")
        || snap.attr(id, "aria-modal").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || style.contains("position:fixed")
        || style.contains("position:sticky");
    let hints = hint_text(snap, id);
    let hinted = contains_any(&hints, &["cookie", "consent", "gdpr", "cmp-", "privacy-banner"]);
    if !dialog && !hinted {
        return None;
    }
    if c.buttons == 0 {
        return None;
    }
    let text: String = lower(&snap.text_of(id)).chars().take(DEFAULT_BANNER_SCAN_CHARS).collect();
    let worded = contains_any(&text, pat::CONSENT_WORDS);
    if dialog && (worded || hinted) {
        return Some((
            ClutterKind::Consent,
            Reason::new("consent-dialog", format!("dialog with {} button(s) about cookies or consent", c.buttons)),
        ));
    }
    if hinted && worded && snap.node(id).text_len <= DEFAULT_CONSENT_MAX_CHARS {
        return Some((
            ClutterKind::Consent,
            Reason::new("consent-banner", format!("banner with {} button(s) about cookies or consent", c.buttons)),
        ));
    }
    None
}

fn detect_breadcrumb(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let c = cx.c(id);
    if c.links == 0 || node.text_len > DEFAULT_BREADCRUMB_MAX_CHARS {
        return None;
    }
    let hints = hint_text(snap, id);
    if contains_any(&hints, pat::BREADCRUMB_WORDS) || hints.contains("breadcrumblist") {
        return Some((ClutterKind::Breadcrumb, Reason::new("breadcrumb", format!("trail of {} link(s) marked as a breadcrumb", c.links))));
    }
    // Structure: 2+ links, separators between them, the first link goes to the site root.
    if c.links < 2 || !matches!(node.tag, Tag::Ol | Tag::Ul | Tag::Div | Tag::P | Tag::Nav | Tag::Span) {
        return None;
    }
    let mut first_href: Option<&str> = None;
    let mut sep = false;
    let mut other_chars = 0u32;
    for i in snap.subtree(id) {
        let n = snap.node(i);
        if n.hidden {
            continue;
        }
        if n.tag == Tag::A && first_href.is_none() {
            first_href = snap.attr(i, "href");
        }
        if n.kind == NodeKind::Text && n.link_text_len == 0 {
            for ch in snap.own_text(i).chars() {
                if pat::BREADCRUMB_SEPARATORS.contains(&ch) {
                    sep = true;
                } else if !ch.is_whitespace() {
                    other_chars += 1;
                }
            }
        }
    }
    let root_link = first_href.is_some_and(|h| {
        let h = h.trim();
        h == "/" || h == "./" || {
            let hs = host(h);
            !hs.is_empty() && h.trim_end_matches('/').ends_with(&hs)
        }
    });
    if sep && root_link && other_chars <= DEFAULT_HEADING_MAX_CHARS {
        return Some((ClutterKind::Breadcrumb, Reason::new("breadcrumb", format!("{} links from the site root, separated by arrows or slashes", c.links))));
    }
    None
}

fn detect_nav(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    if snap.tag(id) == Tag::Nav || role_is(snap, id, "navigation") || role_is(snap, id, "menubar") {
        if cx.c(id).links == 0 || all_links_fragments(snap, id) {
            return None; // an in-page table of contents is not site navigation
        }
        let what = if snap.tag(id) == Tag::Nav { "<nav> element" } else { "role=navigation" };
        return Some((ClutterKind::Navigation, Reason::new("navigation", format!("{what} with {} link(s)", cx.c(id).links))));
    }
    None
}

fn all_links_fragments(snap: &Snapshot, id: NodeId) -> bool {
    let mut any = false;
    for i in snap.subtree(id) {
        if snap.tag(i) == Tag::A {
            if let Some(h) = snap.attr(i, "href") {
                any = true;
                if !h.trim_start().starts_with('#') {
                    return false;
                }
            }
        }
    }
    any
}

fn detect_footer(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let tagged = snap.tag(id) == Tag::Footer || role_is(snap, id, "contentinfo");
    if tagged {
        let inside_content = snap
            .ancestors(id)
            .any(|a| matches!(snap.tag(a), Tag::Article | Tag::Main | Tag::Section | Tag::Aside | Tag::Blockquote | Tag::Figure));
        if !inside_content && cx.text_after(id) <= DEFAULT_FOOTER_TAIL_CHARS * 5 {
            return Some((ClutterKind::Footer, Reason::new("site-footer", "page footer outside any article")));
        }
        return None;
    }
    // Without the tag: the outermost small block at the very end of the page with a © notice.
    let c = cx.c(id);
    let node = snap.node(id);
    if c.copyright == 0 || c.links < 2 || node.text_len > DEFAULT_FOOTER_MAX_CHARS || cx.text_after(id) > DEFAULT_FOOTER_TAIL_CHARS {
        return None;
    }
    let parent_bigger = snap.parent(id).is_none_or(|p| {
        snap.node(p).text_len > DEFAULT_FOOTER_MAX_CHARS || matches!(snap.tag(p), Tag::Body | Tag::Html)
    });
    if parent_bigger && !matches!(node.tag, Tag::Body | Tag::Html) {
        return Some((ClutterKind::Footer, Reason::new("site-footer", format!("last block of the page, a copyright notice and {} links", c.links))));
    }
    None
}

fn detect_share(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let c = cx.c(id);
    if c.social_links < DEFAULT_MIN_SOCIAL_LINKS || (c.social_links as f32) < DEFAULT_SOCIAL_LINK_SHARE * c.links as f32 {
        return None;
    }
    let node = snap.node(id);
    let budget = DEFAULT_SHARE_BASE_CHARS + DEFAULT_SHARE_CHARS_PER_LINK * (c.links + c.buttons);
    if node.text_len > budget || c.paragraphs > 1 && node.text_len > DEFAULT_LABEL_MAX_CHARS {
        return None;
    }
    Some((ClutterKind::Share, Reason::new("share-links", format!("{} links to social networks out of {}", c.social_links, c.links))))
}

/// Facts about one item of a candidate list.
struct Item {
    ok: bool,
    dated: bool,
    thumb: bool,
    reply: bool,
    link_chars: u32,
    fragment: bool,
}

fn inspect_item(cx: &Ctx, id: NodeId) -> Item {
    let snap = cx.snap;
    let n = snap.node(id);
    let c = cx.c(id);
    let mut it = Item { ok: false, dated: c.dates > 0, thumb: c.media > 0, reply: false, link_chars: n.link_text_len, fragment: false };
    if n.elements > DEFAULT_MAX_ITEM_ELEMENTS {
        return it;
    }
    // Distinct link targets and reply links.
    let mut targets: Vec<&str> = Vec::new();
    for i in snap.subtree(id) {
        let t = snap.tag(i);
        if t == Tag::A || t == Tag::Button {
            let label = lower(&snap.text_of(i));
            let label = label.trim();
            if !label.is_empty() && label.chars().count() <= 20 && pat::REPLY_WORDS.iter().any(|w| label == *w || label.starts_with(w)) {
                it.reply = true;
            }
        }
        if t == Tag::A {
            if let Some(h) = snap.attr(i, "href") {
                if h.trim_start().starts_with('#') {
                    it.fragment = true;
                }
                if !targets.contains(&h) {
                    targets.push(h);
                }
            }
        }
    }
    if snap.attr(id, "itemtype").is_some_and(|t| t.contains("Comment")) {
        it.reply = true;
    }
    let extra = n.text_len.saturating_sub(n.link_text_len);
    it.ok = c.links > 0
        && n.text_len > 0
        && n.text_len <= DEFAULT_MAX_ITEM_CHARS
        && !targets.is_empty()
        && targets.len() <= DEFAULT_MAX_ITEM_TARGETS
        && c.textareas == 0
        && (n.link_text_len as f32 >= DEFAULT_ITEM_LINK_SHARE * n.text_len as f32 || extra <= DEFAULT_ITEM_EXTRA_CHARS);
    it
}

/// Visible element children with some text or media.
fn items_of(cx: &Ctx, id: NodeId) -> Vec<NodeId> {
    let snap = cx.snap;
    snap.children(id)
        .filter(|&k| {
            let n = snap.node(k);
            n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() && (n.text_len > 0 || cx.c(k).media > 0)
        })
        // The list's own title ("Mehr zum Thema" as a heading or bold line, or a short
        // link-less first child) is not an item.
        .enumerate()
        .filter(|&(i, k)| !(n_is_title(snap, k) || i == 0 && is_plain_label(cx, k)))
        .map(|(_, k)| k)
        .collect()
}

/// A heading or bold line without links: a list's title, not one of its items.
fn n_is_title(snap: &Snapshot, k: NodeId) -> bool {
    let n = snap.node(k);
    n.link_text_len == 0 && (n.tag.heading_level().is_some() || role_is(snap, k, "heading") || is_bold_line(snap, k))
}

/// Short text with no links and no media: a label.
fn is_plain_label(cx: &Ctx, k: NodeId) -> bool {
    let n = cx.snap.node(k);
    n.link_text_len == 0 && n.text_len <= DEFAULT_HEADING_MAX_CHARS && cx.c(k).media == 0 && cx.c(k).links == 0
}

/// The label of a block: its previous short sibling (heading), and its aria-label.
fn label_of(snap: &Snapshot, id: NodeId) -> String {
    let mut s = String::new();
    if let Some(v) = snap.attr(id, "aria-label") {
        s.push_str(&lower(v));
    }
    if let Some(p) = prev_element_sibling(snap, id) {
        if snap.node(p).text_len <= DEFAULT_HEADING_MAX_CHARS {
            s.push(' ');
            s.push_str(&lower(&snap.text_of(p)));
        }
    }
    s
}

fn prev_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    let parent = snap.parent(id)?;
    let mut prev = None;
    for k in snap.children(parent) {
        if k == id {
            return prev;
        }
        let n = snap.node(k);
        if n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() {
            prev = Some(k);
        }
    }
    None
}

fn next_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    let mut k = snap.node(id).next_sibling;
    while k != crate::snapshot::NONE {
        let n = snap.node(k);
        if n.kind == NodeKind::Element && !n.hidden && !n.tag.is_non_content() {
            return Some(k);
        }
        if n.kind == NodeKind::Text && n.text_len > 0 {
            return Some(k);
        }
        k = n.next_sibling;
    }
    None
}

/// Hint words on the node and up to two ancestors, plus its label.
fn list_hints(snap: &Snapshot, id: NodeId) -> String {
    let mut s = hint_text(snap, id);
    s.push(' ');
    s.push_str(&label_of(snap, id));
    for a in snap.ancestors(id).take(2) {
        s.push(' ');
        s.push_str(&hint_text(snap, a));
        s.push(' ');
        s.push_str(&label_of(snap, a));
    }
    s
}

/// Repeated sibling items that are each mostly one link: related / trending lists, tickers,
/// menus. Also comment threads (repeated dated items with reply links).
fn detect_list(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let items = items_of(cx, id);
    if items.len() < DEFAULT_MIN_COMMENT_ITEMS {
        return None;
    }
    let facts: Vec<Item> = items.iter().map(|&k| inspect_item(cx, k)).collect();
    let n = facts.len();
    // Comment thread: dated items with reply links (or Comment microdata), or dated items under
    // a comment-worded container.
    let replies = facts.iter().filter(|f| f.reply && f.dated).count();
    if replies >= DEFAULT_MIN_COMMENT_ITEMS && replies * 2 >= n {
        return Some((ClutterKind::Comments, Reason::new("comment-thread", format!("{n} repeated items, {replies} with a date and a reply link"))));
    }
    let dated_items = items.iter().filter(|&&k| cx.c(k).dates > 0 && cx.c(k).paragraphs > 0).count();
    if dated_items >= DEFAULT_MIN_COMMENT_ITEMS && dated_items * 2 >= n && contains_any(&hint_text(snap, id), pat::COMMENT_WORDS) {
        return Some((ClutterKind::Comments, Reason::new("comment-thread", format!("{n} repeated dated items in a comment container"))));
    }
    if n < DEFAULT_MIN_LIST_ITEMS {
        return None;
    }
    let ok = facts.iter().filter(|f| f.ok).count();
    if (ok as f32) < DEFAULT_LIST_ITEM_SHARE * n as f32 {
        return None;
    }
    if facts.iter().filter(|f| f.fragment).count() * 2 > n {
        return None; // a table of contents
    }
    let dated = facts.iter().filter(|f| f.ok && f.dated).count();
    let thumbs = facts.iter().filter(|f| f.ok && f.thumb).count();
    let mean_link = facts.iter().map(|f| f.link_chars).sum::<u32>() / n.max(1) as u32;
    let hints = list_hints(snap, id);
    let in_marquee = snap.tag_name(id) == "marquee" || snap.ancestors(id).any(|a| snap.tag_name(a) == "marquee");
    if in_marquee || contains_any(&hints, pat::TICKER_WORDS) {
        return Some((ClutterKind::Ticker, Reason::new("ticker", format!("{n} links labelled as breaking news / ticker"))));
    }
    if dated * 2 >= n || thumbs * 2 >= n {
        let mut extras = Vec::new();
        if dated > 0 {
            extras.push(format!("{dated} with a date"));
        }
        if thumbs > 0 {
            extras.push(format!("{thumbs} with a thumbnail"));
        }
        return Some((ClutterKind::Related, Reason::new("link-list", format!("{n} sibling items, each mostly one link, {}", extras.join(", ")))));
    }
    if contains_any(&hints, pat::RELATED_WORDS) {
        return Some((ClutterKind::Related, Reason::new("link-list", format!("{n} sibling items, each mostly one link, under a related / trending label"))));
    }
    if n >= DEFAULT_MIN_MENU_ITEMS && mean_link <= DEFAULT_MENU_ITEM_CHARS && matches!(node.tag, Tag::Ul | Tag::Ol | Tag::Menu | Tag::Div) {
        return Some((ClutterKind::Navigation, Reason::new("menu", format!("list of {n} short links, no dates or thumbnails"))));
    }
    None
}

fn detect_control(cx: &Ctx, id: NodeId) -> Found {
    let snap = cx.snap;
    let node = snap.node(id);
    let is_button = match node.tag {
        Tag::Button => true,
        Tag::Input => matches!(snap.attr(id, "type").map(|t| t.to_ascii_lowercase()).as_deref(), Some("button")),
        Tag::A | Tag::Div | Tag::Span => role_is(snap, id, "button") || role_is(snap, id, "switch"),
        _ => false,
    };
    if !is_button || node.text_len > DEFAULT_CONTROL_MAX_CHARS || cx.c(id).media > 0 {
        return None;
    }
    if snap.ancestors(id).any(|a| matches!(snap.tag(a), Tag::Form | Tag::Button)) {
        return None;
    }
    if let Some(p) = snap.parent(id) {
        // Player controls stay with their player.
        let pc = cx.c(p);
        if snap.subtree(p).any(|i| matches!(snap.tag(i), Tag::Video | Tag::Audio)) && pc.media > 0 {
            return None;
        }
    }
    let label = {
        let t = snippet(snap, id, 30);
        if t.is_empty() { snap.attr(id, "aria-label").or(snap.attr(id, "title")).unwrap_or("").to_string() } else { t }
    };
    let detail = if snap.attr(id, "aria-pressed").is_some() || role_is(snap, id, "switch") {
        format!("toggle button '{label}', not content")
    } else {
        format!("button '{label}' outside any form, not content")
    };
    Some((ClutterKind::Control, Reason::new("control", detail)))
}

// ---------------------------------------------------------------------------------------------
// Widening: a wrapper that only adds a label belongs to its widget.

fn is_stop(snap: &Snapshot, id: NodeId) -> bool {
    matches!(snap.tag(id), Tag::Body | Tag::Html | Tag::Main | Tag::Article) || role_is(snap, id, "main")
}

/// Is `k` only a label (heading, short blurb, "see all" link)?
fn label_like(cx: &Ctx, k: NodeId) -> bool {
    let snap = cx.snap;
    let n = snap.node(k);
    if n.hidden {
        return true;
    }
    if n.kind == NodeKind::Text {
        return true; // counted by the caller's text budget
    }
    if n.tag.is_non_content() {
        return true;
    }
    let c = cx.c(k);
    c.buttons == 0 && c.media == 0 && c.text_inputs == 0 && c.textareas == 0 && c.paragraphs <= 1
        && (n.link_text_len * 2 <= n.text_len || n.text_len <= 20)
}

fn widen(cx: &Ctx, mut id: NodeId) -> NodeId {
    let snap = cx.snap;
    while let Some(p) = snap.parent(id) {
        if is_stop(snap, p) {
            break;
        }
        let extra = snap.node(p).text_len.saturating_sub(snap.node(id).text_len);
        if extra > DEFAULT_LABEL_MAX_CHARS {
            break;
        }
        if !snap.children(p).filter(|&k| k != id).all(|k| label_like(cx, k)) {
            break;
        }
        id = p;
    }
    id
}

/// A heading (or bold pseudo-heading) right before `id` that labels only it.
fn labelling_heading(cx: &Ctx, id: NodeId) -> Option<NodeId> {
    let snap = cx.snap;
    let h = prev_element_sibling(snap, id)?;
    let n = snap.node(h);
    if n.text_len == 0 || n.text_len > DEFAULT_HEADING_MAX_CHARS || !label_like(cx, h) {
        return None;
    }
    let heading = n.tag.heading_level().is_some() || role_is(snap, h, "heading") || is_bold_line(snap, h);
    if !heading {
        return None;
    }
    // The widget must be the last thing the heading could label.
    match next_element_sibling(snap, id) {
        None => Some(h),
        Some(k) if snap.tag(k).heading_level().is_some() || is_bold_line(snap, k) => Some(h),
        _ => None,
    }
}

/// A block whose visible text is all inside `<strong>`/`<b>` (a pseudo-heading).
fn is_bold_line(snap: &Snapshot, id: NodeId) -> bool {
    let n = snap.node(id);
    if n.text_len == 0 || n.text_len > DEFAULT_HEADING_MAX_CHARS {
        return false;
    }
    let mut bold = 0u32;
    for i in snap.subtree(id) {
        if matches!(snap.tag(i), Tag::Strong | Tag::B) && !snap.node(i).hidden {
            bold += snap.node(i).text_len;
        }
    }
    bold >= n.text_len
}

// ---------------------------------------------------------------------------------------------
// Public passes.

/// Page-wide clutter classification, before the article is known.
///
/// Returns decisions in document order; a decision may lie inside another (an inner share bar
/// inside a wider related box) so that [`protect`] can fall back to the inner one when it drops
/// the outer.
pub fn classify(snap: &Snapshot) -> Vec<Clutter> {
    if snap.is_empty() {
        return Vec::new();
    }
    let cx = Ctx::new(snap);
    let body = snap.body();
    let mut out: Vec<Clutter> = Vec::new();
    let detectors: [fn(&Ctx, NodeId) -> Found; 10] = [
        detect_comment_embed,
        detect_form,
        detect_consent,
        detect_ad,
        detect_breadcrumb,
        detect_nav,
        detect_footer,
        detect_share,
        detect_list,
        detect_control,
    ];
    let mut i = body.saturating_add(1);
    let end = snap.node(body).end;
    while i < end {
        let id = i;
        i += 1;
        let node = snap.node(id);
        if node.kind != NodeKind::Element || node.hidden {
            continue;
        }
        if node.tag.is_non_content() {
            i = node.end;
            continue;
        }
        let Some((kind, reason)) = detectors.iter().find_map(|d| d(&cx, id)) else { continue };
        let target = match kind {
            ClutterKind::Control | ClutterKind::Footer => id,
            _ => widen(&cx, id),
        };
        if !matches!(kind, ClutterKind::Control | ClutterKind::Footer | ClutterKind::Navigation | ClutterKind::Ad | ClutterKind::Breadcrumb) {
            if let Some(h) = labelling_heading(&cx, target) {
                out.push(Clutter {
                    node: h,
                    kind,
                    reason: Reason::new("widget-heading", format!("heading '{}' labels the hidden {}", snippet(snap, h, 40), kind.name())),
                });
            }
        }
        out.push(Clutter { node: target, kind, reason });
        if target <= id {
            // Everything inside a decision is decided: skip its subtree.
            i = i.max(snap.node(target).end);
        }
    }
    out.sort_by_key(|c| c.node);
    out.dedup_by_key(|c| c.node);
    merge_siblings(&cx, &mut out);
    out
}

/// Rounds of [`merge_siblings`] (each can lift a group one level).
pub const DEFAULT_MERGE_ROUNDS: usize = 3;

/// Comments and their reply form are one widget.
fn merge_kind(a: ClutterKind, b: ClutterKind) -> Option<ClutterKind> {
    use ClutterKind::{CommentForm, Comments};
    match (a, b) {
        _ if a == b => Some(a),
        (Comments, CommentForm) | (CommentForm, Comments) => Some(Comments),
        _ => None,
    }
}

/// A wrapper whose children are all hidden widgets of one kind (plus labels) is hidden whole:
/// a comments box holding the thread and the reply form, a sidebar of link lists.
fn merge_siblings(cx: &Ctx, out: &mut Vec<Clutter>) {
    let snap = cx.snap;
    for _ in 0..DEFAULT_MERGE_ROUNDS {
        // Outermost decisions, grouped by parent (they are sorted, so siblings are adjacent
        // once inner decisions are skipped).
        let mut outer: Vec<usize> = Vec::new();
        for (i, c) in out.iter().enumerate() {
            if outer.last().is_some_and(|&l| snap.contains(out[l].node, c.node)) {
                continue;
            }
            outer.push(i);
        }
        let mut added: Vec<Clutter> = Vec::new();
        let mut k = 0;
        while k < outer.len() {
            let parent = snap.parent(out[outer[k]].node);
            let mut j = k + 1;
            while j < outer.len() && snap.parent(out[outer[j]].node) == parent {
                j += 1;
            }
            let group = &outer[k..j];
            k = j;
            let Some(p) = parent else { continue };
            if group.len() < 2 || is_stop(snap, p) {
                continue;
            }
            let Some(kind) = group.iter().skip(1).try_fold(out[group[0]].kind, |acc, &g| merge_kind(acc, out[g].kind)) else {
                continue;
            };
            let decided: Vec<NodeId> = group.iter().map(|&g| out[g].node).collect();
            let decided_text: u32 = decided.iter().map(|&d| snap.node(d).text_len).sum();
            if snap.node(p).text_len.saturating_sub(decided_text) > DEFAULT_LABEL_MAX_CHARS {
                continue;
            }
            if !snap.children(p).filter(|c| !decided.contains(c)).all(|c| label_like(cx, c)) {
                continue;
            }
            let mut names: Vec<&str> = group.iter().map(|&g| out[g].kind.name()).collect();
            names.dedup();
            let target = widen(cx, p);
            added.push(Clutter {
                node: target,
                kind,
                reason: Reason::new("widget-group", format!("holds only hidden widgets ({}) and their labels", names.join(", "))),
            });
        }
        if added.is_empty() {
            break;
        }
        out.extend(added);
        out.sort_by_key(|c| c.node);
        out.dedup_by_key(|c| c.node);
    }
}

/// Drops or narrows decisions that would hide article text, once the article is known.
/// Result: outermost nodes only, in document order.
///
/// A decision is dropped when it contains the article root, when it would hide
/// [`DEFAULT_PROTECT_MAX_SHARE`] of the article's paragraph text, or (comments aside) when it
/// would hide [`DEFAULT_PROTECT_MAX_PARAGRAPHS`] real paragraphs of it.
pub fn protect(snap: &Snapshot, article: Option<&Article>, mut clutter: Vec<Clutter>) -> Vec<Clutter> {
    clutter.retain(|c| (c.node as usize) < snap.len());
    clutter.sort_by_key(|c| c.node);
    if let Some(a) = article.filter(|a| (a.root as usize) < snap.len()) {
        let root = a.root;
        // The article's real paragraphs: (id, length), in document order.
        let mut paras: Vec<(NodeId, u32)> = Vec::new();
        let mut i = root;
        let end = snap.node(root).end;
        while i < end {
            let n = snap.node(i);
            if n.kind == NodeKind::Element && (n.hidden || n.tag.is_non_content()) {
                i = n.end;
                continue;
            }
            if n.tag == Tag::P
                && n.text_len >= DEFAULT_PARAGRAPH_MIN_CHARS
                && (n.link_text_len as f32) <= DEFAULT_PARAGRAPH_MAX_LINK_SHARE * n.text_len as f32
            {
                paras.push((i, n.text_len));
                i = n.end;
                continue;
            }
            i += 1;
        }
        let total: u64 = paras.iter().map(|p| p.1 as u64).sum();
        clutter.retain(|c| {
            if snap.contains(c.node, root) {
                return false;
            }
            let cend = snap.node(c.node).end;
            let from = paras.partition_point(|p| p.0 < c.node);
            let to = paras.partition_point(|p| p.0 < cend);
            let hidden = &paras[from..to.max(from)];
            let chars: u64 = hidden.iter().map(|p| p.1 as u64).sum();
            let comments = matches!(c.kind, ClutterKind::Comments | ClutterKind::CommentForm);
            if total > 0 && chars as f32 >= DEFAULT_PROTECT_MAX_SHARE * total as f32 {
                return false;
            }
            comments || hidden.len() < DEFAULT_PROTECT_MAX_PARAGRAPHS
        });
    }
    let mut out: Vec<Clutter> = Vec::with_capacity(clutter.len());
    for c in clutter {
        if out.last().is_some_and(|l| snap.contains(l.node, c.node)) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `mask[id]` is true when node `id` lies inside a clutter subtree.
pub fn mask(snap: &Snapshot, clutter: &[Clutter]) -> Vec<bool> {
    let mut m = vec![false; snap.len()];
    for c in clutter {
        if (c.node as usize) >= snap.len() {
            continue;
        }
        for i in snap.subtree(c.node) {
            if let Some(x) = m.get_mut(i as usize) {
                *x = true;
            }
        }
    }
    m
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<(ClutterKind, String)> {
        let s = crate::html::parse(html, None).unwrap();
        let c = protect(&s, None, classify(&s));
        c.iter().map(|c| (c.kind, s.text_of(c.node))).collect()
    }

    #[test]
    fn comment_form_with_heading() {
        let k = kinds(
            "<body><article><p>Text of the article that is long enough to be a paragraph for sure, yes.</p></article>\
             <div><h3>Leave a reply</h3><form><textarea></textarea><input name=author><input type=email name=email>\
             <input type=submit value=Post></form></div></body>",
        );
        assert_eq!(k.len(), 1, "{k:?}");
        assert_eq!(k[0].0, ClutterKind::CommentForm);
        assert!(k[0].1.starts_with("Leave a reply"));
    }

    #[test]
    fn newsletter_and_search_forms() {
        let k = kinds("<body><form><input type=email name=e><button>Subscribe</button></form>\
                       <form role=search><input type=search name=q><button>Go</button></form></body>");
        assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Newsletter]);
    }

    #[test]
    fn related_list_needs_dates_or_thumbs_or_label() {
        let item = |i: u32| format!("<li><a href=/a{i}>A fairly long headline number {i} about things</a> <span>2 July 2025</span></li>");
        let html = format!("<body><h2>More</h2><ul>{}</ul></body>", (0..4).map(item).collect::<String>());
        let k = kinds(&html);
        assert_eq!(k.len(), 2, "the list and the heading labelling it: {k:?}");
        assert_eq!((k[0].0, k[0].1.as_str()), (ClutterKind::Related, "More"));
        assert_eq!(k[1].0, ClutterKind::Related);
        let plain = "<body><ul><li><a href=/a>A fairly long headline about things one</a></li>\
                     <li><a href=/b>A fairly long headline about things two</a></li>\
                     <li><a href=/c>A fairly long headline about things three</a></li></ul></body>";
        assert!(kinds(plain).is_empty());
    }

    #[test]
    fn share_bar_and_menu_and_toc() {
        let k = kinds("<body><div><a href='https://www.facebook.com/sharer.php?u=x'>Facebook</a>\
                       <a href='https://twitter.com/intent/tweet'>Twitter</a></div>\
                       <ul><li><a href=/>Home</a><li><a href=/a>News</a><li><a href=/b>Sport</a><li><a href=/c>Tech</a></ul>\
                       <ul><li><a href=#a>One</a><li><a href=#b>Two</a><li><a href=#c>Three</a><li><a href=#d>Four</a></ul></body>");
        assert_eq!(k.iter().map(|k| k.0).collect::<Vec<_>>(), vec![ClutterKind::Share, ClutterKind::Navigation]);
    }

    #[test]
    fn protect_drops_decisions_over_the_article() {
        let s = crate::html::parse(
            "<body><div class=comments><article><p>Long paragraph number one of this article, it is surely long enough to count as one.</p>\
             <p>Long paragraph number two of this article, it is surely long enough to count as one.</p></article></div></body>",
            None,
        )
        .unwrap();
        let root = (0..s.len() as NodeId).find(|&i| s.tag(i) == Tag::Article).unwrap();
        let div = s.parent(root).unwrap();
        let fake = vec![Clutter { node: div, kind: ClutterKind::Related, reason: Reason::new("x", "") }];
        let art = Article { root, confidence: 1.0, reason: Reason::new("x", "") };
        assert!(protect(&s, Some(&art), fake.clone()).is_empty());
        let inner = vec![Clutter { node: root + 1, kind: ClutterKind::Related, reason: Reason::new("x", "") }];
        assert!(protect(&s, Some(&art), inner).is_empty(), "half the paragraph text");
    }

    #[test]
    fn dates() {
        assert!(is_date_text("2 Juli 2025 - 00:38 WIB"));
        assert!(is_date_text("2025年7月2日"));
        assert!(is_date_text("3 hours ago"));
        assert!(!is_date_text("Top 10 tips"));
        assert!(!is_date_text("Room 1234"));
    }

    #[test]
    fn hosts() {
        assert_eq!(host("https://www.Facebook.com/sharer"), "facebook.com");
        assert!(host_in("https://x.com/i", pat::SOCIAL_HOSTS));
        assert!(!host_in("https://box.com/i", pat::SOCIAL_HOSTS));
        assert!(!host_in("/relative/x.com", pat::SOCIAL_HOSTS));
    }
}
