//! Evidence counted once per subtree, and the small text helpers every detector uses
//! (hosts, dates, hint words). No regex in the core.

use super::*;

/// Evidence counted once per subtree (the node included).
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Counts {
    pub(super) links: u32,
    pub(super) social_links: u32,
    pub(super) textareas: u32,
    pub(super) email_inputs: u32,
    pub(super) text_inputs: u32,
    pub(super) password_inputs: u32,
    pub(super) search_inputs: u32,
    pub(super) buttons: u32,
    pub(super) media: u32,
    /// `<video>` and `<audio>` elements.
    pub(super) players: u32,
    pub(super) dates: u32,
    pub(super) copyright: u32,
    pub(super) paragraphs: u32,
}

impl Counts {
    pub(super) fn add(&mut self, o: &Counts) {
        self.links += o.links;
        self.social_links += o.social_links;
        self.textareas += o.textareas;
        self.email_inputs += o.email_inputs;
        self.text_inputs += o.text_inputs;
        self.password_inputs += o.password_inputs;
        self.search_inputs += o.search_inputs;
        self.buttons += o.buttons;
        self.media += o.media;
        self.players += o.players;
        self.dates += o.dates;
        self.copyright += o.copyright;
        self.paragraphs += o.paragraphs;
    }
}

/// Per-node facts shared by the detectors: one row per node. (A boxed slice, not a `Vec`: a
/// `Vec`'s index is a call in the size-optimised wasm, a slice's a bounds check in place.)
pub(super) struct Ctx<'a> {
    pub(super) snap: &'a Snapshot,
    facts: Box<[Facts]>,
    /// Visible text characters in text nodes of the whole page.
    pub(super) total_text: u32,
}

/// What [`Ctx`] knows of one node.
#[derive(Default)]
struct Facts {
    counts: Counts,
    /// Visible text characters in text nodes before the node (document order).
    text_before: u32,
    /// The [`Within`] flags of its strict ancestors (one forward pass, so detectors never walk
    /// up a 20,000-deep chain per node).
    within: u8,
    /// Of an element: the [`Role`] tokens of its `role` attribute (read once, not once per
    /// detector that asks).
    roles: u16,
    /// Of an element: its [`Marks`] (embed and ad markers among its class / id tokens), with
    /// [`Marks::KNOWN`] set once read (two detectors ask; only visited elements are read).
    marks: std::cell::Cell<u16>,
    /// [`hint_text`], made on first use (several detectors ask for the same node's).
    hint: std::cell::OnceCell<String>,
}

/// `role` tokens the detectors ask about: bit `j` of a node's roles (`Facts::roles`, asked
/// through [`Ctx::role`]) is `Role::NAMES[j]`.
pub(super) struct Role;
impl Role {
    pub(super) const NAMES: [&'static str; 9] =
        ["button", "navigation", "menubar", "contentinfo", "dialog", "alertdialog", "switch", "heading", "main"];
    pub(super) const BUTTON: u16 = 1;
    pub(super) const NAVIGATION: u16 = 2;
    pub(super) const MENUBAR: u16 = 4;
    pub(super) const CONTENTINFO: u16 = 8;
    pub(super) const DIALOG: u16 = 16;
    pub(super) const ALERTDIALOG: u16 = 32;
    pub(super) const SWITCH: u16 = 64;
    pub(super) const HEADING: u16 = 128;
    pub(super) const MAIN: u16 = 256;

    /// [`role_is`] for every name of [`Role::NAMES`] at once.
    fn of(snap: &Snapshot, id: NodeId) -> u16 {
        snap.attr(id, "role").map_or(0, |r| token_bits(r, &Self::NAMES) as u16)
    }
}

/// Class / id marker facts kept in [`Ctx::marks`]: bits 0-3 for the
/// `pat::COMMENT_EMBED_MARKERS` tokens, 4-5 for the `pat::AD_MARKERS` tokens, 6-7 for an id
/// starting with an ad marker.
pub(super) struct Marks;
impl Marks {
    pub(super) const COMMENT_SHIFT: u32 = 0;
    pub(super) const AD_SHIFT: u32 = 4;
    pub(super) const AD_ID_SHIFT: u32 = 6;
    const KNOWN: u16 = 1 << 15;

    fn of(snap: &Snapshot, id: NodeId) -> u8 {
        const _: () = assert!(pat::COMMENT_EMBED_MARKERS.len() <= 4 && pat::AD_MARKERS.len() <= 2);
        let names = IdClass::of(snap, id);
        if names.is_empty() {
            return 0;
        }
        let mut bits = (names.token_mask(pat::COMMENT_EMBED_MARKERS) << Self::COMMENT_SHIFT) as u8;
        bits |= (names.token_mask(pat::AD_MARKERS) << Self::AD_SHIFT) as u8;
        for (j, m) in pat::AD_MARKERS.iter().enumerate() {
            if names.id.is_some_and(|v| v.starts_with(m)) {
                bits |= 1 << (Self::AD_ID_SHIFT + j as u32);
            }
        }
        bits
    }
}

/// Ancestor flags kept in [`Ctx::within`].
pub(super) struct Within;
impl Within {
    /// Inside a `<form>` or a `<button>`.
    pub(super) const FORM: u8 = 1;
    /// Inside a heading (`h1`..`h6`).
    pub(super) const HEADING: u8 = 2;
    /// Inside `article`, `main`, `section`, `aside`, `figure` (content sectioning).
    pub(super) const CONTENT: u8 = 4;
    /// Inside a `<blockquote>` (quoted, embedded posts).
    pub(super) const QUOTE: u8 = 8;
    /// Inside a `<marquee>`.
    pub(super) const MARQUEE: u8 = 16;

    fn of(snap: &Snapshot, id: NodeId) -> u8 {
        let t = snap.tag(id);
        let mut f = 0;
        if matches!(t, Tag::Form | Tag::Button) {
            f |= Self::FORM;
        }
        if t.heading_level().is_some() {
            f |= Self::HEADING;
        }
        if matches!(t, Tag::Article | Tag::Main | Tag::Section | Tag::Aside | Tag::Blockquote | Tag::Figure) {
            f |= Self::CONTENT;
        }
        if t == Tag::Blockquote {
            f |= Self::QUOTE;
        }
        if t == Tag::Other && snap.tag_name(id) == "marquee" {
            f |= Self::MARQUEE;
        }
        f
    }
}

impl<'a> Ctx<'a> {
    pub(super) fn new(snap: &'a Snapshot) -> Self {
        let n = snap.len();
        // Rows pushed one by one (not `vec![Facts::default(); n]`, which clones a row per node).
        let mut rows: Vec<Facts> = Vec::with_capacity(n);
        let mut acc = 0u32;
        let mut scratch = String::new();
        for i in 0..n {
            let id = i as NodeId;
            let node = snap.node(id);
            let mut f = Facts { text_before: acc, ..Facts::default() };
            if node.kind == NodeKind::Text {
                if !node.hidden && !parent_silent(snap, id) {
                    acc = acc.saturating_add(node.text_len);
                    let t = snap.own_text(id);
                    if is_date_text(t) {
                        f.counts.dates = 1;
                    }
                    if has_copyright(t, &mut scratch) {
                        f.counts.copyright = 1;
                    }
                }
            } else {
                f.roles = Role::of(snap, id);
                if !node.hidden {
                    f.counts = own_counts(snap, id, f.roles);
                }
                // Parents come before children: the parent's row is there, its flags final.
                if let Some(p) = snap.parent(id) {
                    if let Some(pf) = rows.get(p as usize) {
                        f.within = pf.within | Within::of(snap, p);
                    }
                }
            }
            rows.push(f);
        }
        let mut facts = rows.into_boxed_slice();
        // Children before parents; hidden subtrees add nothing.
        for i in (1..n).rev() {
            let node = snap.node(i as NodeId);
            if node.hidden || (node.kind == NodeKind::Element && node.tag.is_non_content()) {
                continue;
            }
            // (The parent comes before the child: its row is in the part before `i`.)
            let (before, from_i) = facts.split_at_mut(i);
            if let (Some(pf), Some(f)) = (before.get_mut(node.parent as usize), from_i.first()) {
                pf.counts.add(&f.counts);
            }
        }
        Ctx { snap, facts, total_text: acc }
    }

    /// Does the element's `role` hold the token `role` (a [`Role`] bit; with several bits, any
    /// of them)? As [`role_is`].
    // Not inlined: asked at a dozen places, measured 113 bytes smaller in the wasm.
    #[inline(never)]
    pub(super) fn role(&self, id: NodeId, role: u16) -> bool {
        self.facts.get(id as usize).is_some_and(|f| f.roles & role != 0)
    }

    /// The element's [`Marks`].
    pub(super) fn marks(&self, id: NodeId) -> u8 {
        let Some(f) = self.facts.get(id as usize) else { return 0 };
        let m = f.marks.get();
        if m & Marks::KNOWN != 0 {
            return m as u8;
        }
        let m = Marks::of(self.snap, id);
        f.marks.set(u16::from(m) | Marks::KNOWN);
        m
    }

    /// [`hint_text`] of `id`, computed once per node.
    pub(super) fn hint(&self, id: NodeId) -> &str {
        let Some(f) = self.facts.get(id as usize) else { return "" };
        // (Not `get_or_init`: its re-entrance panic is code and text in the wasm.)
        if f.hint.get().is_none() {
            let _ = f.hint.set(hint_text(self.snap, id));
        }
        f.hint.get().map_or("", String::as_str)
    }

    /// Does any strict ancestor of `id` carry `flag`?
    // Not inlined: measured 44 bytes smaller in the wasm.
    #[inline(never)]
    pub(super) fn within(&self, id: NodeId, flag: u8) -> bool {
        self.facts.get(id as usize).is_some_and(|f| f.within & flag != 0)
    }

    pub(super) fn c(&self, id: NodeId) -> &Counts {
        &self.facts[id as usize].counts
    }

    /// Visible text after the subtree of `id`, to the end of the document.
    pub(super) fn text_after(&self, id: NodeId) -> u32 {
        // The subtree's end is at most the node count: the rest of the text is then none.
        let before = self.facts.get(self.snap.node(id).end as usize).map_or(self.total_text, |f| f.text_before);
        self.total_text.saturating_sub(before)
    }
}

pub(super) fn parent_silent(snap: &Snapshot, id: NodeId) -> bool {
    snap.parent(id).is_some_and(|p| snap.tag(p).is_non_content())
}

/// What one element contributes by itself.
// Not inlined into `Ctx::new`: measured 159 bytes smaller in the wasm.
#[inline(never)]
pub(super) fn own_counts(snap: &Snapshot, id: NodeId, roles: u16) -> Counts {
    let mut c = Counts::default();
    match snap.tag(id) {
        Tag::A => {
            if let Some(href) = snap.attr(id, "href") {
                c.links = 1;
                const PATHS: bool = has_path(pat::SOCIAL_HOSTS);
                if host_in_list(href, pat::SOCIAL_HOSTS, PATHS) {
                    c.social_links = 1;
                }
            }
            if roles & Role::BUTTON != 0 {
                c.buttons = 1;
            }
        }
        Tag::Textarea => c.textareas = 1,
        Tag::Input => {
            // The type's index in INPUT_TYPES, ASCII case aside (no lower-cased copy).
            const INPUT_TYPES: [&str; 11] =
                ["email", "text", "tel", "url", "", "password", "search", "submit", "button", "reset", "image"];
            let t = snap.attr(id, "type").unwrap_or("text");
            let mut k = 0;
            while k < INPUT_TYPES.len() && !t.eq_ignore_ascii_case(INPUT_TYPES[k]) {
                k += 1;
            }
            match k {
                0 => {
                    c.email_inputs = 1;
                    c.text_inputs = 1;
                }
                1..=4 => {
                    c.text_inputs = 1;
                    // ("mail" also finds "email".)
                    let name = snap.attr(id, "name").unwrap_or("").as_bytes();
                    if name.windows(4).any(|w| w.eq_ignore_ascii_case(b"mail")) || snap.attr(id, "autocomplete").is_some_and(|a| a.eq_ignore_ascii_case("email")) {
                        c.email_inputs = 1;
                    }
                }
                5 => c.password_inputs = 1,
                6 => c.search_inputs = 1,
                7..=10 => c.buttons = 1,
                _ => {}
            }
        }
        Tag::Button => c.buttons = 1,
        Tag::Video | Tag::Audio => {
            c.media = 1;
            c.players = 1;
        }
        Tag::Img | Tag::Picture | Tag::Canvas | Tag::Object | Tag::Embed | Tag::Iframe => c.media = 1,
        Tag::Time => c.dates = 1,
        Tag::P => c.paragraphs = 1,
        _ => {
            if roles & Role::BUTTON != 0 {
                c.buttons = 1;
            }
        }
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Small text helpers (no regex in the core).

pub(super) fn lower(s: &str) -> String {
    crate::text::lower(s)
}

pub(super) fn contains_any(hay: &str, words: &[u8]) -> bool {
    crate::text::contains_any_str(hay, words)
}

/// The plain definition the [`Role`] bits answer (kept for the test that checks them).
#[cfg(test)]
pub(super) fn role_is(snap: &Snapshot, id: NodeId, role: &str) -> bool {
    snap.attr(id, "role").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(role)))
}

/// id, class, role, aria-label, itemtype and name of an element, lower-cased: the weak-hint haystack.
pub(super) fn hint_text(snap: &Snapshot, id: NodeId) -> String {
    // `lower(&snap.id_class(id))`, built in place (called for most elements by several detectors).
    let mut s = String::new();
    let (id_name, class_name) = (snap.hot_name("id"), snap.hot_name("class"));
    for (n, v) in snap.attrs_by_id(id) {
        if n != crate::snapshot::NONE && (n == id_name || n == class_name) {
            if !s.is_empty() {
                s.push(' ');
            }
            crate::text::push_lower(&mut s, v);
        }
    }
    for a in ["role", "aria-label", "itemtype", "name"] {
        if let Some(v) = snap.attr(id, a) {
            s.push(' ');
            crate::text::push_lower(&mut s, v);
        }
    }
    s
}

/// An element's `class` and `id` values, read once for several [`IdClass::has_token`] checks.
pub(super) struct IdClass<'a> {
    pub(super) class: Option<&'a str>,
    pub(super) id: Option<&'a str>,
}

impl<'a> IdClass<'a> {
    pub(super) fn of(snap: &'a Snapshot, id: NodeId) -> Self {
        IdClass { class: snap.attr(id, "class"), id: snap.attr(id, "id") }
    }
    pub(super) fn is_empty(&self) -> bool {
        self.class.is_none() && self.id.is_none()
    }
    /// Which of `markers` (at most 32) are a class or id token, ASCII case aside: bit `j` for
    /// `markers[j]`. One pass over the tokens for a whole marker list.
    pub(super) fn token_mask(&self, markers: &[&str]) -> u32 {
        token_bits(self.class.unwrap_or(""), markers) | token_bits(self.id.unwrap_or(""), markers)
    }
}

/// Which of `names` (at most 32) are an ASCII-whitespace-separated token of `v`, ASCII case
/// aside: bit `j` for `names[j]`.
fn token_bits(v: &str, names: &[&str]) -> u32 {
    let mut bits = 0;
    for t in v.split_ascii_whitespace() {
        for (j, m) in names.iter().enumerate() {
            if j < 32 && t.len() == m.len() && t.eq_ignore_ascii_case(m) {
                bits |= 1 << j;
            }
        }
    }
    bits
}

/// Host of a URL ("" for relative links), lower-case, without "www.".
pub(super) fn host(url: &str) -> String {
    host_slice(url).to_ascii_lowercase()
}

/// [`host`] as a slice of `url`, not lower-cased: compare it with `eq_ignore_ascii_case`.
/// Byte scans: every character looked for is ASCII, and a non-ASCII character fails the
/// scheme test byte by byte as it does character by character.
pub(super) fn host_slice(url: &str) -> &str {
    let u = url.trim();
    let b = u.as_bytes();
    // The first "//", after scheme characters only (a '/' is none: a lone one fails too).
    let mut i = 0;
    loop {
        match (b.get(i), b.get(i + 1)) {
            (Some(b'/'), Some(b'/')) => break,
            (Some(&c), _) if c.is_ascii_alphanumeric() || matches!(c, b':' | b'+' | b'.' | b'-') => i += 1,
            _ => return "",
        }
    }
    // The authority: up to '/', '?' or '#'; the host: after any user info, before any port.
    let (mut start, mut end) = (i + 2, i + 2);
    while end < b.len() && !matches!(b[end], b'/' | b'?' | b'#') {
        if b[end] == b'@' {
            start = end + 1;
        }
        end += 1;
    }
    let mut k = start;
    while k < end && b[k] != b':' {
        k += 1;
    }
    let h = crate::text::sub(u, start, k);
    match h.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("www.") => crate::text::from(h, 4),
        _ => h,
    }
}

/// Is the URL's host one of `hosts` (or a subdomain)? Entries with a '/' match host+path prefixes.
/// `hosts` is a [`packed_words!`](crate::packed_words) list of lower-case entries.
pub(super) fn host_in(url: &str, hosts: &[u8]) -> bool {
    host_in_list(url, hosts, has_path(hosts))
}

/// Does any entry of the packed `hosts` hold a '/' (a host+path entry)?
pub(super) const fn has_path(hosts: &[u8]) -> bool {
    // Each entry after its length byte, past the packed list's 32-byte head.
    let mut p = 32;
    while p < hosts.len() {
        let end = p + 1 + hosts[p] as usize;
        let mut j = p + 1;
        while j < end && j < hosts.len() {
            if hosts[j] == b'/' {
                return true;
            }
            j += 1;
        }
        p = end;
    }
    false
}

/// [`host_in`] with [`has_path`]`(hosts)` known (a constant for the lists the passes use).
pub(super) fn host_in_list(url: &str, hosts: &[u8], paths: bool) -> bool {
    // `host(url)` without its String (this runs for every link of the page): lower-casing is
    // ASCII only, so comparing the raw slice ASCII-case-insensitively answers the same.
    let h = host_slice(url).as_bytes();
    if h.is_empty() {
        return false;
    }
    for eb in crate::text::packed_iter(hosts) {
        // The host holds no '/': a host entry can match it, a host+path entry only the URL
        // (ASCII case aside, as in the URL lower-cased).
        // Lengths and the '.' before a suffix are compared before any bytes.
        let hit = if h.len() == eb.len() {
            h.eq_ignore_ascii_case(eb)
        } else {
            h.len() > eb.len() && h[h.len() - eb.len() - 1] == b'.' && h[h.len() - eb.len()..].eq_ignore_ascii_case(eb)
        };
        if hit || paths && eb.contains(&b'/') && contains_ignore_case(url.as_bytes(), eb) {
            return true;
        }
    }
    false
}

/// Does `hay` hold `needle` (lower-case), ASCII case aside?
fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return true;
        }
        i += 1;
    }
    false
}

/// Does this text read as a date or time ("2 Juli 2025 - 00:38 WIB", "2025-07-02", "3 hours ago")?
///
/// Called on every visible text node: a byte scan with no allocation (digits and ':' are ASCII,
/// and lower-casing changes neither, nor the character count); the text is lower-cased only for
/// the relative-date words, when there is a number and no year or clock time.
pub fn is_date_text(t: &str) -> bool {
    let b = t.as_bytes();
    // A plausible year (1990..=2099) as a standalone 4-digit run, or a clock time hh:mm.
    let mut i = 0;
    let mut has_num = false;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let run = &b[s..i];
            has_num = true;
            if run.len() == 4 && (run.starts_with(b"19") && run >= &b"1990"[..] || run.starts_with(b"20")) {
                return true;
            }
            if run.len() <= 2
                && b.get(i) == Some(&b':')
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && b.get(i + 2).is_some_and(u8::is_ascii_digit)
            {
                return true;
            }
        } else {
            i += 1;
        }
    }
    has_num && crate::text::char_count(t) <= 40 && contains_any(&crate::text::lower(t), pat::RELATIVE_DATE_WORDS)
}

/// Copyright markers in `t`; `buf` is scratch space for its lower-cased copy (reused across
/// the text nodes of a page instead of one new String each).
pub(super) fn has_copyright(t: &str, buf: &mut String) -> bool {
    if crate::text::contains_str(t, "©") {
        return true;
    }
    // Which byte values the lower-cased text holds: a marker with a byte the text lacks cannot be
    // in it. ASCII lower-cases byte by byte, so for ASCII text the set is known before the copy is
    // made, and most text nodes lack some byte of every marker: no copy, no search.
    if t.is_ascii() {
        let present = ByteSet::of_lower(t.as_bytes());
        if !crate::text::packed_iter(pat::COPYRIGHT_MARKERS).any(|m| present.has_all(m)) {
            return false;
        }
    }
    buf.clear();
    crate::text::push_lower(buf, t);
    crate::text::contains_any_str(buf, pat::COPYRIGHT_MARKERS)
}

/// A set of byte values.
struct ByteSet([u64; 4]);
impl ByteSet {
    /// The bytes of `s`, ASCII-lower-cased. (An indexed loop: in the
    /// size-optimised wasm an iterator step or a helper per byte is a call per byte.)
    fn of_lower(s: &[u8]) -> ByteSet {
        let mut set = [0u64; 4];
        let mut i = 0;
        while i < s.len() {
            let b = s[i].to_ascii_lowercase();
            set[usize::from(b >> 6)] |= 1 << (b & 63);
            i += 1;
        }
        ByteSet(set)
    }
    fn has_all(&self, s: &[u8]) -> bool {
        s.iter().all(|&b| self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }
}

/// Short visible text of a node, for reasons ("'Baca Lainnya'").
pub(super) fn snippet(snap: &Snapshot, id: NodeId, max: usize) -> String {
    let t = snap.text_of(id);
    let mut s = crate::text::first_chars(&t, max).to_owned();
    if crate::text::char_count(&t) > max {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod speed_tests {
    use super::*;

    #[test]
    fn copyright_markers_in_any_script() {
        let has_copyright = |t: &str| has_copyright(t, &mut String::from("stale"));
        assert!(has_copyright("© 2024 Example"));
        assert!(has_copyright("Copyright Example Inc."));
        assert!(has_copyright("(C) 2019 Example"));
        assert!(has_copyright("Hak Cipta Dilindungi"));
        assert!(has_copyright("ВСЕ ПРАВА защищены"));
        assert!(has_copyright("COPYRİGHT Ünïcode"), "İ lower-cases to i, as crate::text::lower does");
        assert!(!has_copyright("Copy right here"));
        assert!(!has_copyright("Überall (c) 18"));
    }

    #[test]
    fn role_bits_and_marks_answer_as_the_attributes_do() {
        let mut b = crate::snapshot::SnapshotBuilder::new();
        let root = b.element(None, "html", [], false).unwrap();
        let samples: [&[(&str, &str)]; 8] = [
            &[],
            &[("role", "button")],
            &[("role", " Navigation  menubar ")],
            &[("role", "dialogue"), ("class", "fb-comments")],
            &[("role", "alertdialog MAIN"), ("id", "div-gpt-ad-123")],
            &[("class", "x ADSBYGOOGLE"), ("id", "adsbygoogle")],
            &[("role", "switch\theading"), ("class", "giscus utterances")],
            &[("role", "contentinfo"), ("id", "disqus_thread"), ("class", "div-gpt-ad")],
        ];
        let ids: Vec<NodeId> = samples.iter().map(|a| b.element(Some(root), "div", a.iter().copied(), false).unwrap()).collect();
        let snap = b.finish();
        let cx = Ctx::new(&snap);
        for id in ids {
            for (j, name) in Role::NAMES.iter().enumerate() {
                assert_eq!(cx.role(id, 1 << j), role_is(&snap, id, name), "{id} {name}");
            }
            let names = IdClass::of(&snap, id);
            let has = |tok: &str| [names.class, names.id].into_iter().flatten().any(|v| v.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(tok)));
            for (j, m) in pat::COMMENT_EMBED_MARKERS.iter().enumerate() {
                assert_eq!(cx.marks(id) & (1 << (Marks::COMMENT_SHIFT + j as u32)) != 0, has(m), "{id} {m}");
            }
            for (j, m) in pat::AD_MARKERS.iter().enumerate() {
                assert_eq!(cx.marks(id) & (1 << (Marks::AD_SHIFT + j as u32)) != 0, has(m), "{id} {m}");
                assert_eq!(cx.marks(id) & (1 << (Marks::AD_ID_SHIFT + j as u32)) != 0, names.id.is_some_and(|v| v.starts_with(m)), "{id} {m}");
            }
        }
    }

    #[test]
    fn dates_by_year_clock_or_relative_words() {
        assert!(is_date_text("vor 3 Stunden"));
        assert!(is_date_text("Posted 12:05"));
        assert!(is_date_text("1999"));
        assert!(!is_date_text("1989"));
        assert!(!is_date_text("12:5"));
        assert!(!is_date_text("3 hours ago, and then a long text that goes on past forty characters"));
        assert!(is_date_text("3 НАЗАД"));
    }
}
