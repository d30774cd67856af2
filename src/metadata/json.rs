//! A small JSON reader for JSON-LD: just enough to walk objects, arrays and strings.
//!
//! Replaces serde_json in the shipped wasm (its `Value`, `BTreeMap` and float parsing cost
//! ~20 KB there). Strict like `serde_json::from_str` on structure (one value, trailing text
//! refused); lenient on what JSON-LD never needs: numbers are checked for their characters only
//! and not converted, an unpaired `\u` surrogate becomes U+FFFD. Iterative (explicit stack),
//! with a nesting limit like serde_json's, so hostile input cannot exhaust the stack (nor can
//! dropping the result).

/// Deepest nesting accepted (serde_json's default recursion limit).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Numbers keep no value: JSON-LD fields read here are strings.
#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in source order.
#[derive(Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// The member named `key`; the last one when a key repeats (as serde_json keeps it).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses `s` as one JSON value; `None` when it is not valid JSON (or nests too deep).
pub fn parse(s: &str) -> Option<Value> {
    let b = s.as_bytes();
    let mut i = 0;
    // The containers being read, innermost last: an `Array` of the items so far, or an `Object`
    // whose last member is the one being read (its value `Null` until read).
    let mut stack: Vec<Value> = Vec::new();
    loop {
        skip_ws(b, &mut i);
        let mut v = match *b.get(i)? {
            b'{' => {
                i += 1;
                skip_ws(b, &mut i);
                if matches!(b.get(i), Some(b'}')) {
                    i += 1;
                    Value::Object(Map::default())
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return None;
                    }
                    let first = (key(s, &mut i)?, Value::Null);
                    stack.push(Value::Object(Map(vec![first])));
                    continue;
                }
            }
            b'[' => {
                i += 1;
                skip_ws(b, &mut i);
                if matches!(b.get(i), Some(b']')) {
                    i += 1;
                    Value::Array(Vec::new())
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return None;
                    }
                    stack.push(Value::Array(Vec::new()));
                    continue;
                }
            }
            b'"' => Value::String(string(s, &mut i)?),
            c @ (b't' | b'f' | b'n') => {
                let (word, v) = match c {
                    b't' => ("true", Value::Bool(true)),
                    b'f' => ("false", Value::Bool(false)),
                    _ => ("null", Value::Null),
                };
                literal(b, &mut i, word).then_some(v)?
            }
            b'-' | b'0'..=b'9' => {
                while b.get(i).is_some_and(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
                    i += 1;
                }
                // The scan took at least the first byte: a number ends with a digit.
                if !b.get(i - 1).is_some_and(u8::is_ascii_digit) {
                    return None;
                }
                Value::Number
            }
            _ => return None,
        };
        // Attach the value to its container; close containers that end here.
        loop {
            skip_ws(b, &mut i);
            let Some(top) = stack.last_mut() else { return (i == b.len()).then_some(v) };
            let close = match top {
                Value::Array(items) => {
                    items.push(v);
                    b']'
                }
                Value::Object(Map(members)) => {
                    if let Some(member) = members.last_mut() {
                        member.1 = v;
                    }
                    b'}'
                }
                // Only containers are stacked.
                _ => return None,
            };
            match *b.get(i)? {
                b',' => {
                    i += 1;
                    if let Value::Object(Map(members)) = top {
                        skip_ws(b, &mut i);
                        members.push((key(s, &mut i)?, Value::Null));
                    }
                    break;
                }
                c if c == close => {
                    i += 1;
                    v = stack.pop()?;
                }
                _ => return None,
            }
        }
    }
}

fn skip_ws(b: &[u8], i: &mut usize) {
    while b.get(*i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        *i += 1;
    }
}

/// Is `word` at `i`? Moves past it when it is.
fn literal(b: &[u8], i: &mut usize, word: &str) -> bool {
    let found = b.get(*i..).is_some_and(|rest| rest.starts_with(word.as_bytes()));
    if found {
        *i += word.len();
    }
    found
}

/// `"key" :` (whitespace already skipped before it).
fn key(s: &str, i: &mut usize) -> Option<String> {
    let b = s.as_bytes();
    if !matches!(b.get(*i), Some(b'"')) {
        return None;
    }
    let k = string(s, i)?;
    skip_ws(b, i);
    if !matches!(b.get(*i), Some(b':')) {
        return None;
    }
    *i += 1;
    Some(k)
}

/// A string starting at the opening quote; leaves `i` after the closing one.
fn string(s: &str, i: &mut usize) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::new();
    *i += 1;
    loop {
        let start = *i;
        while b.get(*i).is_some_and(|&c| c != b'"' && c != b'\\' && c >= 0x20) {
            *i += 1;
        }
        // Both ends are at ASCII bytes (or the end): character boundaries of `s`.
        out.push_str(s.get(start..*i)?);
        match *b.get(*i)? {
            b'"' => {
                *i += 1;
                return Some(out);
            }
            b'\\' => {
                let e = *b.get(*i + 1)?;
                *i += 2;
                let c = match e {
                    b'u' => {
                        let hi = hex4(s, i)?;
                        let code = if (0xD800..0xDC00).contains(&hi) && b.get(*i..).is_some_and(|rest| rest.starts_with(b"\\u")) {
                            let save = *i;
                            *i += 2;
                            match hex4(s, i)? {
                                lo @ 0xDC00..=0xDFFF => 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                _ => {
                                    *i = save;
                                    hi
                                }
                            }
                        } else {
                            hi
                        };
                        char::from_u32(code).unwrap_or('\u{FFFD}')
                    }
                    _ => {
                        // The one-letter escapes, each followed by the character it stands for.
                        const ESCAPES: &[u8] = b"\"\"\\\\//b\x08f\x0cn\nr\rt\t";
                        let mut k = 0;
                        while *ESCAPES.get(k)? != e {
                            k += 2;
                        }
                        char::from(ESCAPES[k + 1])
                    }
                };
                out.push(c);
            }
            _ => return None, // a control character
        }
    }
}

/// The four hex digits at `i` (no sign, which `parse_uint` would take); moves past them.
fn hex4(s: &str, i: &mut usize) -> Option<u32> {
    let h = s.get(*i..*i + 4)?;
    *i += 4;
    if h.starts_with('+') {
        return None;
    }
    crate::text::parse_uint(h, 16).map(|n| n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::String(x.to_owned())
    }

    #[test]
    fn parses_json_ld_shapes() {
        let v = parse(r#" {"@type": ["NewsArticle"], "a": {"b": [1, -2.5e3, true, false, null, {}], "c": []}, "n": "x"} "#).unwrap();
        let Value::Object(m) = &v else { panic!("{v:?}") };
        assert_eq!(m.get("@type"), Some(&Value::Array(vec![s("NewsArticle")])));
        assert_eq!(m.get("n"), Some(&s("x")));
        let Some(Value::Object(a)) = m.get("a") else { panic!() };
        assert_eq!(
            a.get("b"),
            Some(&Value::Array(vec![Value::Number, Value::Number, Value::Bool(true), Value::Bool(false), Value::Null, Value::Object(Map::default())]))
        );
        assert_eq!(a.get("c"), Some(&Value::Array(vec![])));
        assert_eq!(parse("[]"), Some(Value::Array(vec![])));
        assert_eq!(parse("\"x\""), Some(s("x")));
    }

    #[test]
    fn decodes_escapes_and_keeps_utf8() {
        assert_eq!(parse(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00 ü 記事""#), Some(s("a\"b\\c/d\né😀 ü 記事")));
        assert_eq!(parse(r#""\ud800x""#), Some(s("\u{FFFD}x")));
        assert_eq!(parse(r#"{"k": 1, "k": "last"}"#).and_then(|v| match v { Value::Object(m) => m.get("k").and_then(Value::as_str).map(str::to_owned), _ => None }), Some("last".to_owned()));
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for bad in [
            "", "{", "[1,]", "{\"a\" 1}", "{\"a\": }", "{,}", "[1 2]", "{} x", "tru", "\"open", "\"a\u{1}\"", "\"\\x\"", "-", "1.",
            "{\"a\": 1,}", "{1: 2}", "[\"a\"]]", "\"\\u+123\"", "\"\\u12\"",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_some());
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), None);
        let deep_obj = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep_obj), None);
    }
}
