//! Small text helpers shared by the passes.
//!
//! [`lower`] replaces `str::to_lowercase` in the core: the standard one carries Unicode's full
//! case-mapping tables (~15 KB of the shipped wasm), while the core only lower-cases text to
//! match hints and compare titles. It covers the cased scripts those hints and titles come in
//! (Latin with its extensions and Vietnamese, Greek, Cyrillic, Armenian, full-width Latin) by
//! arithmetic; any other character is kept as it is (a caseless script, or a rare cased one: a
//! weak hint then misses, nothing breaks).

/// `needles.iter().any(|n| hay.contains(n))` in one scan of `hay`, the needles [`pack`]ed: at
/// each byte some needle starts with (the packed list's head says which), those needles are
/// compared in place (instead of one substring search per needle). Linear: each position costs
/// at most the needles' total length. (Bytes are enough: a UTF-8 needle can only match at a
/// character boundary.)
pub fn contains_any_str(hay: &str, needles: &[u8]) -> bool {
    let Some((head, words)) = needles.split_first_chunk::<32>() else { return false };
    let h = hay.as_bytes();
    let mut i = 0;
    while i < h.len() {
        let b = h[i];
        if head[usize::from(b >> 3)] & (1 << (b & 7)) != 0 {
            let rest = &h[i..];
            let mut p = 0;
            while let Some(&len) = words.get(p) {
                let (len, at) = (usize::from(len), p + 1);
                p = at + len;
                if words[at] == b && rest.len() >= len && rest[..len] == words[at..p] {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}

/// The length of [`pack`]'s output for `words`.
pub const fn packed_len(words: &[&str]) -> usize {
    let (mut n, mut i) = (32, 0);
    while i < words.len() {
        n += 1 + words[i].len();
        i += 1;
    }
    n
}

/// A word list as one byte string: a 32-byte head, the set of the words' first bytes (bit
/// `b & 7` of byte `b >> 3`), then each word after its length byte (words of 1 to 255 bytes).
/// One byte per word instead of a pointer and a length (8 bytes in wasm), and no set to build
/// per call. Evaluated at compile time through [`packed_words!`](crate::packed_words).
pub const fn pack<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut p, mut i) = (32, 0);
    while i < words.len() {
        let w = words[i].as_bytes();
        assert!(!w.is_empty() && w.len() < 256);
        out[(w[0] >> 3) as usize] |= 1 << (w[0] & 7);
        out[p] = w.len() as u8;
        p += 1;
        let mut j = 0;
        while j < w.len() {
            out[p] = w[j];
            p += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(p == N);
    out
}

/// `packed_words!["a", "bc"]`: the word list packed at compile time ([`pack`]), as `&'static [u8]`.
#[macro_export]
macro_rules! packed_words {
    ($($w:literal),+ $(,)?) => {{
        const WORDS: &[&str] = &[$($w),+];
        const PACKED: [u8; $crate::text::packed_len(WORDS)] = $crate::text::pack(WORDS);
        &PACKED
    }};
}

/// The words of a [`pack`]ed list, in order, as bytes.
pub fn packed_iter(packed: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = packed.get(32..).unwrap_or(&[]);
    std::iter::from_fn(move || {
        let (&len, tail) = rest.split_first()?;
        let (w, next) = tail.split_at_checked(usize::from(len))?;
        rest = next;
        Some(w)
    })
}

/// The rest of `s` after the first `b` (an ASCII byte), or nothing when there is none.
pub fn past_byte(s: &str, b: u8) -> &str {
    find_byte(s, b).map_or("", |e| from(s, e + 1))
}

/// `hay.contains(needle)`, without the substring searcher's set-up on short haystacks (the hint
/// texts the clutter detectors test against word lists, once per word): a first-byte scan, then a
/// compare. See [`find_str`].
pub fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// `hay.find(needle)`: a first-byte scan, then a compare (bytes are enough: a UTF-8 needle can
/// only match at a character boundary). Natively, haystacks longer than 256 bytes go to
/// `str::find` (its two-way searcher stays linear, with a SIMD first-byte scan); the wasm build
/// uses the scan alone everywhere, so it links no two-way searcher (~3 KB). Every needle the core
/// searches for is a short constant or a short hint word, so the scan's worst case (`hay.len()`
/// times `needle.len()`) stays small.
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    if hay.len() > 256 {
        return hay.find(needle);
    }
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return Some(0) };
    if n.len() > h.len() {
        return None;
    }
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        if h[i] == first && h.get(i + 1..i + n.len()) == Some(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// One piece of a [`cat!`] text.
pub trait Piece {
    fn put(&self, out: &mut String);
    /// A new string holding just this piece: where [`cat!`] starts (one call, where a
    /// `String::new()` and a `put` would be set up at each of the macro's call sites).
    fn to_new(&self) -> String {
        let mut s = String::new();
        self.put(&mut s);
        s
    }
}
impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}
impl Piece for u64 {
    /// In decimal, as `{}` writes it.
    fn put(&self, out: &mut String) {
        let mut buf = [0u8; 20];
        let (mut n, mut i) = (*self, buf.len());
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in buf.get(i..).unwrap_or(&[]) {
            out.push(char::from(d));
        }
    }
}
impl Piece for u32 {
    fn put(&self, out: &mut String) {
        u64::from(*self).put(out);
    }
}
impl Piece for usize {
    fn put(&self, out: &mut String) {
        (*self as u64).put(out);
    }
}
impl Piece for i64 {
    fn put(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        self.unsigned_abs().put(out);
    }
}

/// `format!` for messages made of strings and integers (`{}` only), without `core::fmt`:
/// `cat!("list of ", n, " links")`. `format!` links the formatting machinery and integer
/// `Display` impls into the wasm and sets up its arguments at every call site.
macro_rules! cat {
    ($only:expr $(,)?) => {
        $crate::text::Piece::to_new(&$only)
    };
    ($first:expr $(, $p:expr)* $(,)?) => {{
        let mut s = $crate::text::Piece::to_new(&$first);
        $( $crate::text::Piece::put(&$p, &mut s); )*
        s
    }};
}
pub(crate) use cat;

/// `s.split_whitespace().collect::<Vec<_>>().join(" ")`, without the vector.
pub fn words(s: &str) -> String {
    words_where(s, |_| true)
}

/// [`words`] of the words `keep` accepts.
pub fn words_where(s: &str, keep: fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace().filter(|w| keep(w)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `s` without its whitespace (as `char::is_whitespace` has it), ASCII lower-cased: inline
/// styles (`font-weight: Bold`) and meta keys are compared this way.
pub fn squeeze_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// `s.find(f)` for a character predicate: every caller shares one copy of the searcher (a
/// closure is a type of its own, and each would get one).
pub fn find_char(s: &str, f: fn(char) -> bool) -> Option<usize> {
    s.find(f)
}

/// `s.find(b)` for an ASCII byte `b` (no char searcher).
pub fn find_byte(s: &str, b: u8) -> Option<usize> {
    s.bytes().position(|x| x == b)
}

/// `s.rfind(b)` for an ASCII byte `b` (std's reverse char searcher is ~600 bytes of wasm).
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    s.bytes().rposition(|x| x == b)
}

/// Byte offset of the first of `set` (ASCII bytes) in `s`. Indexed loops: in the size-optimised
/// wasm iterator adapters are a call per byte.
pub fn find_any_byte(s: &str, set: &[u8]) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mut k = 0;
        while k < set.len() {
            if b[i] == set[k] {
                return Some(i);
            }
            k += 1;
        }
        i += 1;
    }
    None
}

/// `u64::from_str_radix(s, radix)` (what `parse` does in base 10): an optional '+', then one
/// or more digits, `None` on overflow. One function for every integer type the core parses;
/// std's `FromStr` is a copy per type in the wasm.
pub fn parse_uint(s: &str, radix: u32) -> Option<u64> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for b in digits.bytes() {
        let d = char::from(b).to_digit(radix)?;
        n = n.checked_mul(u64::from(radix))?.checked_add(u64::from(d))?;
    }
    Some(n)
}

/// `s.parse::<u32>()` as an option, see [`parse_uint`].
pub fn parse_u32(s: &str) -> Option<u32> {
    parse_uint(s, 10).and_then(|n| u32::try_from(n).ok())
}

/// `s.parse::<i64>()` as an option: an optional sign, then one or more digits.
pub fn parse_i64(s: &str) -> Option<i64> {
    match s.strip_prefix('-') {
        Some(d) if !d.starts_with('+') => match parse_uint(d, 10)? {
            m if m <= 1 << 63 => Some((m as i64).wrapping_neg()),
            _ => None,
        },
        Some(_) => None,
        None => parse_uint(s, 10).and_then(|m| i64::try_from(m).ok()),
    }
}

/// `s.repeat(n)` (std's is a generic slice routine, ~300 bytes of wasm).
pub fn repeat(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(s.len() * n);
    for _ in 0..n {
        out.push_str(s);
    }
    out
}

/// `s.chars().count()`: the bytes that start a character (core's word-at-a-time counter is
/// ~1 KB of wasm; the callers count short labels and titles).
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xc0 != 0x80).count()
}

/// The first `n` characters of `s` (`s.chars().take(n).collect::<String>()` without a copy).
pub fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| to(s, i))
}

/// `&s[a..b]` without its panic path (the panic's formatting of the bad range and character is
/// ~4 KB of the wasm): "" when the range is out of bounds or off a character boundary, which the
/// callers' indices (from searches in `s` itself) never are.
pub fn sub(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

/// `&s[..b]`, see [`sub`].
pub fn to(s: &str, b: usize) -> &str {
    s.get(..b).unwrap_or("")
}

/// `&s[a..]`, see [`sub`].
pub fn from(s: &str, a: usize) -> &str {
    s.get(a..).unwrap_or("")
}

/// `s.split_at(i)`, see [`sub`] (`(s, "")` for a bad `i`).
pub fn split_at(s: &str, i: usize) -> (&str, &str) {
    s.split_at_checked(i).unwrap_or((s, ""))
}

/// `s.trim_end_matches(suffix)` for a string suffix (see [`find_str`] on why not std's).
pub fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return s;
    }
    while let Some(r) = s.strip_suffix(suffix) {
        s = r;
    }
    s
}

/// `s.replace(from, to)` for a string `from` (see [`find_str`] on why not std's).
pub fn replace_str(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if from.is_empty() {
        // std's rule: `to` before every character and at the end.
        for c in s.chars() {
            out.push_str(to);
            out.push(c);
        }
        out.push_str(to);
        return out;
    }
    let mut rest = s;
    while let Some(i) = find_str(rest, from) {
        out.push_str(rest.get(..i).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(i + from.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Lower-cases `s` (see the module docs for the scripts covered).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

/// Appends `s` lower-cased to `out`: `out.push_str(&lower(s))` without the intermediate String.
/// Runs of ASCII are copied and lower-cased as slices; only the other characters go through
/// [`lower_char`] one by one (most non-English text is still mostly ASCII spaces and digits).
pub fn push_lower(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        push_ascii_lower(out, s.get(run..i).unwrap_or(""));
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else { break };
        out.push(lower_char(c));
        i += c.len_utf8();
        run = i;
    }
    push_ascii_lower(out, s.get(run..).unwrap_or(""));
}

/// Appends ASCII `s` lower-cased.
fn push_ascii_lower(out: &mut String, s: &str) {
    if s.is_empty() {
        return;
    }
    let start = out.len();
    out.push_str(s);
    if let Some(tail) = out.get_mut(start..) {
        tail.make_ascii_lowercase();
    }
}

/// The lower-case form of one character (itself when it has none, or is outside the scripts
/// covered).
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let even_upper = |lo: u32, hi: u32| (lo..=hi).contains(&u) && u % 2 == 0;
    let odd_upper = |lo: u32, hi: u32| (lo..=hi).contains(&u) && u % 2 == 1;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        // Latin Extended-A: İ loses its dot (matching wants "i"), Ÿ maps back into Latin-1.
        0x130 => 0x69,
        0x178 => 0xFF,
        // Capital sharp s.
        0x1E9E => 0xDF,
        _ if even_upper(0x100, 0x12F) || even_upper(0x132, 0x137) || even_upper(0x14A, 0x177) => u + 1,
        _ if odd_upper(0x139, 0x148) || odd_upper(0x179, 0x17E) => u + 1,
        // Greek: accented capitals, then the plain ones (U+03A2 is unassigned).
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        // Cyrillic: Ѐ-Џ, А-Я, then the paired letters of the extended blocks.
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x4C0 => 0x4CF,
        _ if even_upper(0x460, 0x481) || even_upper(0x48A, 0x4BF) || even_upper(0x4D0, 0x52F) => u + 1,
        _ if odd_upper(0x4C1, 0x4CE) => u + 1,
        // Armenian.
        0x531..=0x556 => u + 0x30,
        // Latin Extended Additional (Vietnamese among others).
        _ if even_upper(0x1E00, 0x1E95) || even_upper(0x1EA0, 0x1EFF) => u + 1,
        // Full-width Latin.
        0xFF21..=0xFF3A => u + 0x20,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `num / den` written with two decimals ("0.12"), rounding half up, in integer arithmetic:
/// float formatting would bring ~10 KB of `core::fmt` float code into the wasm. `0/0` is "0.00".
pub fn ratio_2dp(num: u32, den: u32) -> String {
    let hundredths = if den == 0 { 0 } else { (u64::from(num) * 200 + u64::from(den)) / (2 * u64::from(den)) };
    let frac = hundredths % 100;
    cat!(hundredths / 100, ".", if frac < 10 { "0" } else { "" }, frac)
}

/// `format!("{x:.0}")` (round half to even, "-0" for small negatives, "NaN", "inf"), without
/// the float formatting that would bring ~18 KB of `core::fmt` float code into the wasm: the
/// rounded value is an integer, printed exactly.
pub fn fixed0(x: f32) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let mut s = String::new();
    crate::json::f32_exact(&mut s, x.round_ties_even());
    s
}

/// Character references in raw markup: numeric ones and the common named ones (names matched
/// without regard to case, as in attribute values a browser decodes: `&colon;` and `&Tab;` matter to
/// URL scheme checks); unknown names stay as written. Shared by the `<noscript>` reader and the
/// reader's `<noscript>` image recovery.
pub fn decode_entities(v: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'), ("quot", '"'), ("apos", '\''), ("lt", '<'), ("gt", '>'), ("nbsp", '\u{a0}'),
        ("mdash", '—'), ("ndash", '–'), ("hellip", '…'), ("rsquo", '’'), ("lsquo", '‘'),
        ("rdquo", '”'), ("ldquo", '“'), ("copy", '©'), ("reg", '®'), ("middot", '·'),
        ("laquo", '«'), ("raquo", '»'), ("bull", '•'), ("times", '×'), ("euro", '€'), ("colon", ':'), ("tab", '\t'), ("newline", '\n'),
    ];
    if !v.as_bytes().contains(&b'&') {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(at) = rest.find('&') {
        out.push_str(to(rest, at));
        let body = from(rest, at + 1);
        let end = find_char(body, |c| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(body.len());
        let name = to(body, end);
        let ch = if let Some(num) = name.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => parse_uint(hex, 16).and_then(|n| u32::try_from(n).ok()),
                None => parse_u32(num),
            };
            n.map(|n| char::from_u32(n).unwrap_or('\u{fffd}'))
        } else {
            NAMED.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, c)| *c)
        };
        match ch {
            Some(c) => {
                out.push(c);
                let semi = from(body, end).starts_with(';') as usize;
                rest = from(body, end + semi);
            }
            None => {
                out.push('&');
                rest = body;
            }
        }
    }
    out.push_str(rest);
    out
}


/// 3200 -> "3,200": figures in reasons.
pub fn thousands(n: u64) -> String {
    let s = cat!(n);
    let digits = s.as_bytes();
    let mut out = String::new();
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_integers_as_std_does() {
        let cases = [
            "", "0", "7", "+7", "-7", "-0", "+", "-", "+-1", "-+1", "--1", "++1", " 1", "1 ", "1_0", "0x10", "1e3",
            "00012", "255", "256", "-128", "-129", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
            "18446744073709551616", "١٢", "ff", "FF", "fG", "12px", "٣",
        ];
        for c in cases {
            assert_eq!(parse_uint(c, 10), c.parse::<u64>().ok(), "{c:?}");
            assert_eq!(parse_u32(c), c.parse::<u32>().ok(), "{c:?}");
            assert_eq!(parse_i64(c), c.parse::<i64>().ok(), "{c:?}");
            assert_eq!(parse_uint(c, 10).and_then(|n| u8::try_from(n).ok()), c.parse::<u8>().ok(), "{c:?}");
            assert_eq!(parse_uint(c, 16).and_then(|n| u32::try_from(n).ok()), u32::from_str_radix(c, 16).ok(), "{c:?}");
        }
    }

    #[test]
    fn cat_writes_what_format_does() {
        for n in [0u64, 1, 9, 10, 99, 100, 12345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(cat!(n), format!("{n}"));
            assert_eq!(cat!("a", n as u32, "b"), format!("a{}b", n as u32));
            assert_eq!(cat!(n as usize), format!("{}", n as usize));
            let i = n as i64;
            assert_eq!(cat!(i, " ", -i, " ", i64::MIN), format!("{i} {} {}", -i, i64::MIN));
        }
        assert_eq!(cat!("x", String::from("y"), &"z"), "xyz");
        assert_eq!(ratio_2dp(1, 3), "0.33");
        assert_eq!(ratio_2dp(7, 100), "0.07");
        assert_eq!(ratio_2dp(5, 1), "5.00");
        assert_eq!(thousands(1234567), "1,234,567");
        for (t, n) in [("", 0), ("", 3), ("abc", 0), ("abc", 2), ("abc", 3), ("abc", 9), ("日本語x", 2), ("日本語x", 4)] {
            assert_eq!(first_chars(t, n), t.chars().take(n).collect::<String>(), "{t:?} {n}");
            assert_eq!(repeat(t, n), t.repeat(n), "{t:?} {n}");
        }
        for t in ["", "/", "a/b/c", "日本/語/", "no slash", "a@b@c"] {
            assert_eq!(rfind_byte(t, b'/'), t.rfind('/'), "{t:?}");
            assert_eq!(rfind_byte(t, b'@'), t.rfind('@'), "{t:?}");
            assert_eq!(rfind_byte(t, b'@').map_or(t, |i| from(t, i + 1)), t.rsplit('@').next().unwrap_or(""), "{t:?}");
            assert_eq!(find_any_byte(t, b"/@"), t.find(['/', '@']), "{t:?}");
            assert_eq!(find_any_byte(t, b""), None, "{t:?}");
        }
    }

    #[test]
    fn words_are_std_s() {
        for t in ["", " ", "a", " a  b\tc\n", "x\u{a0}y  z ", "日本 語"] {
            let v: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(words(t), v.join(" "), "{t:?}");
            let keep = |w: &str| !w.bytes().any(|c| c.is_ascii_digit());
            assert_eq!(words_where(t, keep), v.iter().copied().filter(|w| keep(w)).collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn contains_str_and_find_str_are_std_s() {
        // Every substring of a few texts (ASCII, repeats, non-ASCII), near misses, and haystacks
        // on both sides of the short/long threshold.
        let long = "ab".repeat(200) + "abc";
        let texts = ["", "a", "aaab", "sidebar-widget related-posts", "ñandú café 日本語 abc", "ababab", long.as_str()];
        let mut needles: Vec<String> = vec!["".into(), "x".into(), "abc".into(), "aab".into(), "é ".into(), "日本".into(), "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz".into()];
        for t in texts {
            let cs: Vec<(usize, char)> = t.char_indices().collect();
            for a in 0..cs.len().min(40) {
                for b in a..cs.len().min(a + 8) {
                    let end = cs.get(b + 1).map_or(t.len(), |c| c.0);
                    let sub = &t[cs[a].0..end];
                    needles.push(sub.to_string());
                    needles.push(format!("{sub}x"));
                    needles.push(format!("a{sub}"));
                }
            }
        }
        for t in texts {
            for n in &needles {
                assert_eq!(contains_str(t, n), t.contains(n.as_str()), "{t:?} / {n:?}");
                assert_eq!(find_str(t, n), t.find(n.as_str()), "{t:?} / {n:?}");
                assert_eq!(replace_str(t, n, "<>"), t.replace(n.as_str(), "<>"), "{t:?} / {n:?}");
                assert_eq!(trim_end_str(t, n), t.trim_end_matches(n.as_str()), "{t:?} / {n:?}");
            }
            // The same needles, two and three at a time.
            for w in needles.windows(3) {
                let ws: Vec<&str> = w.iter().map(String::as_str).collect();
                // (A packed list has no empty word: `pack` refuses one at compile time.)
                for set in [&ws[..2], &ws[1..], &ws[..]].into_iter().filter(|set| !set.contains(&"")) {
                    assert_eq!(contains_any_str(t, &pack_vec(set)), set.iter().any(|n| t.contains(n)), "{t:?} / {set:?}");
                }
            }
        }
        assert!(!contains_any_str("abc", &pack_vec(&[])));
    }

    /// [`pack`] at run time, for lists made in the tests.
    fn pack_vec(words: &[&str]) -> Vec<u8> {
        let mut out = vec![0u8; 32];
        for w in words {
            let b = w.as_bytes()[0];
            out[usize::from(b >> 3)] |= 1 << (b & 7);
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        out
    }

    #[test]
    fn pack_puts_each_word_after_its_length() {
        const P: &[u8] = crate::packed_words!["ab", "c", "ü"];
        assert_eq!(P[32..], *b"\x02ab\x01c\x02\xc3\xbc");
        let mut head = [0u8; 32];
        head[usize::from(b'a' >> 3)] |= 1 << (b'a' & 7);
        head[usize::from(b'c' >> 3)] |= 1 << (b'c' & 7);
        head[0xc3 >> 3] |= 1 << (0xc3 & 7);
        assert_eq!(P[..32], head);
        assert_eq!(P, &pack_vec(&["ab", "c", "ü"])[..]);
        assert!(contains_any_str("xxüyy", P) && contains_any_str("zc", P) && !contains_any_str("a b", P));
        assert_eq!(packed_iter(P).collect::<Vec<_>>(), [&b"ab"[..], b"c", "ü".as_bytes()]);
        assert_eq!(packed_iter(crate::packed_words!["x"]).count(), 1);
    }

    #[test]
    fn fixed0_is_format_0dp() {
        let special = [0.0f32, -0.0, 0.5, 1.5, 2.5, -0.3, -0.5, -1.5, 1e-45, 3.4e38, -3.4e38, 16_777_217.0, 8_388_608.5];
        for x in special.into_iter().chain([f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MAX, f32::MIN]) {
            assert_eq!(fixed0(x), format!("{x:.0}"), "{x:?}");
        }
        for b in (0..=u32::MAX).step_by(0x1_0001) {
            let x = f32::from_bits(b);
            assert_eq!(fixed0(x), format!("{x:.0}"), "{b:#x}");
        }
        for i in 0..100_000u32 {
            let x = i as f32 * 0.25 - 1000.0;
            assert_eq!(fixed0(x), format!("{x:.0}"), "{x:?}");
        }
    }

    #[test]
    fn lowers_the_covered_scripts_like_the_standard_library() {
        let ranges = [0x20..0x250, 0x370..0x530, 0x531..0x557, 0x1E00..0x1F00, 0xFF00..0xFF60];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: String = c.to_lowercase().collect();
            let std_one = { let mut it = c.to_lowercase(); (it.next(), it.next()) };
            let ours = lower_char(c);
            match (c as u32, std_one) {
                // İ: the standard mapping is "i" + combining dot; ours is the plain "i".
                (0x130, _) => assert_eq!(ours, 'i'),
                // Outside what is covered (Latin Extended-B and a few Greek / Cyrillic oddities):
                // ours keeps the character, never invents a mapping.
                (0x180..=0x24F, _) | (0x370..=0x385, _) | (0x3CF..=0x3FF, _) => {
                    assert!(ours == c || std == ours.to_string(), "{c:?}");
                }
                (_, (Some(l), None)) => assert_eq!(ours, l, "{c:?} U+{:04X}", c as u32),
                _ => assert_eq!(ours, c),
            }
        }
    }

    #[test]
    fn lowers_words() {
        assert_eq!(lower("Комментарии"), "комментарии");
        assert_eq!(lower("ΣΧΌΛΙΑ"), "σχόλια");
        assert_eq!(lower("Ähnliche Artikel"), "ähnliche artikel");
        assert_eq!(lower("BÌNH LUẬN"), "bình luận");
        assert_eq!(lower("関連記事 ABC"), "関連記事 abc");
        assert_eq!(lower("Related"), "related");
        let mut out = String::from("x ");
        push_lower(&mut out, "ÄB");
        push_lower(&mut out, "Cd");
        assert_eq!(out, "x äbcd");
    }

    #[test]
    fn writes_ratios_with_two_decimals() {
        assert_eq!(ratio_2dp(0, 0), "0.00");
        assert_eq!(ratio_2dp(0, 7), "0.00");
        assert_eq!(ratio_2dp(1, 3), "0.33");
        assert_eq!(ratio_2dp(2, 3), "0.67");
        assert_eq!(ratio_2dp(1, 8), "0.13");
        assert_eq!(ratio_2dp(5, 5), "1.00");
        assert_eq!(ratio_2dp(u32::MAX, 1), format!("{}.00", u32::MAX));
    }
}

