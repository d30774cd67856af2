//! The [`Analysis`] as compact JSON, written by hand: how the wasm result crosses into JS (one
//! string, then `JSON.parse`), in place of a serde serializer that builds the object one JS call
//! per field and costs ~25 KB of the shipped module.
//!
//! The output parses to exactly the value `serde_json::to_value(&analysis)` gives (same keys,
//! same order, `None` as `null`; `tests/json_out.rs` checks it on real pages), and in JS to the
//! same plain object serde-wasm-bindgen's `json_compatible` serializer built. The serde derives
//! stay: the CLI's `--format json` uses them.
//!
//! Numbers: integers in decimal; the one float, `Article.confidence` (an `f32`), as its exact
//! decimal expansion, which parses to exactly `confidence as f64`, the number serde-wasm-bindgen
//! gave JS (no shortest-form float printing is linked for it).

use crate::analysis::{Analysis, Clutter, Metadata, OutlineEntry};
use crate::reason::Reason;

/// `analysis` as JSON, appended to `out`.
pub fn analysis(out: &mut String, a: &Analysis) {
    write(out, a, true);
}

/// [`analysis`] with `reader.html` and `reader.text` written as `""`: the wasm adapter sets those
/// two (the largest strings, with the Markdown) on the parsed object, so that they are neither
/// escaped here nor scanned again by `JSON.parse`.
pub fn analysis_without_reader(out: &mut String, a: &Analysis) {
    write(out, a, false);
}

fn write(out: &mut String, a: &Analysis, reader: bool) {
    out.push_str("{\"article\":");
    match &a.article {
        Some(art) => {
            out.push_str("{\"root\":");
            uint(out, art.root);
            out.push_str(",\"confidence\":");
            f32_exact(out, art.confidence);
            out.push_str(",\"reason\":");
            reason(out, &art.reason);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"verdict\":");
    match &a.verdict {
        Some(v) => {
            out.push_str("{\"isArticle\":");
            out.push_str(if v.is_article { "true" } else { "false" });
            out.push_str(",\"reason\":");
            reason(out, &v.reason);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"clutter\":[");
    for (i, c) in a.clutter.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        clutter(out, c);
    }
    out.push_str("],\"outline\":[");
    for (i, e) in a.outline.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        outline_entry(out, e);
    }
    out.push_str("],\"metadata\":");
    metadata(out, &a.metadata);
    if reader {
        out.push_str(",\"reader\":{\"html\":");
        string(out, &a.reader.html);
        out.push_str(",\"text\":");
        string(out, &a.reader.text);
        out.push_str("}}");
    } else {
        out.push_str(",\"reader\":{\"html\":\"\",\"text\":\"\"}}");
    }
}

fn reason(out: &mut String, r: &Reason) {
    out.push_str("{\"code\":");
    string(out, r.code);
    out.push_str(",\"detail\":");
    string(out, &r.detail);
    out.push('}');
}

fn clutter(out: &mut String, c: &Clutter) {
    out.push_str("{\"node\":");
    uint(out, c.node);
    out.push_str(",\"kind\":");
    string(out, c.kind.name());
    out.push_str(",\"reason\":");
    reason(out, &c.reason);
    out.push('}');
}

fn outline_entry(out: &mut String, e: &OutlineEntry) {
    out.push_str("{\"level\":");
    uint(out, u32::from(e.level));
    out.push_str(",\"text\":");
    string(out, &e.text);
    out.push_str(",\"id\":");
    uint(out, e.id);
    out.push('}');
}

fn metadata(out: &mut String, m: &Metadata) {
    // One call per field (a table of keys and fields, iterated, was larger in the wasm).
    opt_field(out, "{\"title\":", &m.title);
    opt_field(out, ",\"byline\":", &m.byline);
    opt_field(out, ",\"published\":", &m.published);
    opt_field(out, ",\"siteName\":", &m.site_name);
    opt_field(out, ",\"lang\":", &m.lang);
    opt_field(out, ",\"dir\":", &m.dir);
    opt_field(out, ",\"leadImage\":", &m.lead_image);
    opt_field(out, ",\"excerpt\":", &m.excerpt);
    out.push_str(",\"wordCount\":");
    uint(out, m.word_count);
    out.push_str(",\"readingMinutes\":");
    uint(out, m.reading_minutes);
    out.push('}');
}

/// `key` (with the separator and colon), then the string or `null`.
fn opt_field(out: &mut String, key: &str, value: &Option<String>) {
    out.push_str(key);
    opt_string(out, value.as_deref());
}

/// A string, or `null`.
pub fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// `s` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, ... or `\u00XX`;
/// everything else as it is (UTF-8).
pub fn string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        // The letter after the backslash (`u`: `\u00XX`).
        let short = match b {
            0..=0x1F => CONTROL_ESCAPES[usize::from(b)],
            b'"' | b'\\' => b,
            _ => continue,
        };
        // Every byte escaped is ASCII, so `start..i - 1` always lies on char boundaries.
        out.push_str(crate::text::sub(s, start, i - 1));
        out.push('\\');
        out.push(char::from(short));
        if short == b'u' {
            // A control character: `00` and two hex digits, the first 0 or 1.
            out.push_str("00");
            out.push(char::from(b'0' + (b >> 4)));
            out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xF)]));
        }
        start = i;
    }
    out.push_str(crate::text::from(s, start));
    out.push('"');
}

/// The escape letter of each control character (U+0000 to U+001F): `b`, `t`, `n`, `f`, `r` for
/// the five with a short escape, `u` for the others.
const CONTROL_ESCAPES: &[u8; 32] = b"uuuuuuuubtnufruuuuuuuuuuuuuuuuuu";

/// `n` in decimal (the digits `text::cat!` writes for integers).
pub fn uint(out: &mut String, n: u32) {
    crate::text::Piece::put(&u64::from(n), out);
}

/// `x`'s exact value in decimal (an `f32` is `m * 2^e`, so its expansion is finite: at most 149
/// fraction digits), without trailing zeros: it parses to exactly `x as f64`. Not finite: `null`
/// (what `serde_json` writes).
pub fn f32_exact(out: &mut String, x: f32) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        out.push('-');
    }
    let exp = ((bits >> 23) & 0xFF) as i32;
    let frac = bits & 0x7F_FFFF;
    // x = m * 2^e exactly.
    let (m, e) = if exp == 0 { (frac, -149) } else { (frac | 0x80_0000, exp - 150) };
    // The decimal digits of m * 2^e (e >= 0) or of m * 5^-e (e < 0, the value times 10^-e),
    // least significant first, in a fixed buffer: m < 2^24, so m * 2^104 has at most 39 digits
    // and m * 5^149 at most 112. The whole buffer is multiplied each time (the carries run into
    // its zeros): no length to track, no index to check, and this runs once per analysis.
    let mut digits = [0u8; 150];
    let mut n = m;
    for d in digits.iter_mut() {
        *d = (n % 10) as u8;
        n /= 10;
    }
    let factor = if e >= 0 { 2 } else { 5 };
    for _ in 0..e.unsigned_abs() {
        let mut carry = 0u8;
        for d in digits.iter_mut() {
            let v = *d * factor + carry;
            *d = v % 10;
            carry = v / 10;
        }
    }
    // Fraction digits: -e of them (digit `point` is the units digit), trailing zeros dropped;
    // leading zeros dropped down to the units digit.
    let point = if e < 0 { e.unsigned_abs() as usize } else { 0 };
    let mut skip = 0;
    for &d in digits.iter() {
        if d != 0 || skip == point {
            break;
        }
        skip += 1;
    }
    let mut started = false;
    for (i, &d) in digits.iter().enumerate().rev() {
        started |= d != 0 || i == point;
        if started && i >= skip {
            if i + 1 == point {
                out.push('.');
            }
            out.push(char::from(b'0' + d));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f32) -> String {
        let mut s = String::new();
        f32_exact(&mut s, x);
        s
    }

    #[test]
    fn floats_are_exact() {
        assert_eq!(f(0.0), "0");
        assert_eq!(f(-0.0), "-0");
        assert_eq!(f(1.0), "1");
        assert_eq!(f(0.5), "0.5");
        assert_eq!(f(0.25), "0.25");
        assert_eq!(f(3.0), "3");
        assert_eq!(f(1.5), "1.5");
        assert_eq!(f(1024.0), "1024");
        assert_eq!(f(0.1), "0.100000001490116119384765625");
        assert_eq!(f(f32::NAN), "null");
        assert_eq!(f(f32::INFINITY), "null");
        // Every exponent, and a spread of mantissas, parse back to exactly the f64 of the f32.
        let mut bits = 1u32;
        while bits < 0x7F80_0000 {
            for b in [bits, bits | 0x8000_0000, bits ^ 0x55_5555] {
                let x = f32::from_bits(b);
                if x.is_finite() {
                    let s = f(x);
                    assert_eq!(s.parse::<f64>().ok(), Some(f64::from(x)), "{b:#x}: {s}");
                    assert!(!s.contains('.') || !s.ends_with('0'), "{s}");
                }
            }
            bits = bits.wrapping_mul(3).wrapping_add(0x1_2345) & 0x7FFF_FFFF;
            if bits < 0x10_0000 {
                break;
            }
        }
        for b in (0..0x7F80_0000u32).step_by(0x3_1337) {
            let x = f32::from_bits(b);
            assert_eq!(f(x).parse::<f64>().ok(), Some(f64::from(x)), "{b:#x}");
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut s = String::new();
        string(&mut s, "a\"b\\c\nd\u{1}e\u{1f}f\u{7f}é\u{2028}😀\t\r\u{8}\u{c}");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001e\\u001ff\u{7f}é\u{2028}😀\\t\\r\\b\\f\"");
        let back: String = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(back, "a\"b\\c\nd\u{1}e\u{1f}f\u{7f}é\u{2028}😀\t\r\u{8}\u{c}");
    }

    #[test]
    fn integers() {
        for n in [0, 1, 9, 10, 99, 100, 12345, u32::MAX] {
            let mut s = String::new();
            uint(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
