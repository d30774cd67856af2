//! Section numbering at the start of a heading: "IV.", "1.", "1.2", "A.", "a)".

/// A numbering style. Styles nest in a fixed order (see [`Numbering::rank`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// "I.", "IV." (upper-case Roman numerals).
    Roman,
    /// "1.", "2)" (depth 1) or "1.2", "3.1.4" (depth = number of components).
    Arabic(u8),
    /// "A.", "B)".
    Upper,
    /// "a.", "b)".
    Lower,
}

/// Most digits in one Arabic component: "2024." is a year, not a section number.
const MAX_ARABIC_DIGITS: usize = 2;
/// Most components in a dotted number ("1.2.3.4").
const MAX_ARABIC_DEPTH: u8 = 4;
/// Longest Roman numeral accepted ("XXXVIII" = 38).
const MAX_ROMAN_CHARS: usize = 7;

impl Numbering {
    /// Nesting order: lower ranks are outer.
    pub fn rank(self) -> u8 {
        match self {
            Numbering::Roman => 0,
            Numbering::Arabic(d) => d,
            Numbering::Upper => MAX_ARABIC_DEPTH + 1,
            Numbering::Lower => MAX_ARABIC_DEPTH + 2,
        }
    }

    /// The numbering `text` starts with, if any. The number must be followed by "." or ")"
    /// (a dotted "1.2" may omit it) and then a space or the end of the text.
    pub fn parse(text: &str) -> Option<Numbering> {
        let t = text.trim_start();
        let token_end = crate::text::find_char(t, char::is_whitespace).unwrap_or(t.len());
        let token = crate::text::to(t, token_end);
        let (body, closed) = match token.as_bytes().last() {
            Some(b'.' | b')') => (crate::text::to(token, token.len() - 1), true),
            _ => (token, false),
        };
        if body.is_empty() {
            return None;
        }
        if let Some(depth) = arabic_depth(body) {
            return (closed || depth > 1).then_some(Numbering::Arabic(depth));
        }
        if !closed {
            return None;
        }
        if is_roman(body) {
            return Some(Numbering::Roman);
        }
        match body.as_bytes() {
            [c] if c.is_ascii_uppercase() => Some(Numbering::Upper),
            [c] if c.is_ascii_lowercase() => Some(Numbering::Lower),
            _ => None,
        }
    }
}

/// "1", "1.2", "3.1.4" -> number of components.
fn arabic_depth(s: &str) -> Option<u8> {
    let (mut depth, mut digits) = (0u8, 0usize);
    // Each component is closed by the '.' after it, the last one by the end of `s`.
    let mut i = 0;
    while i <= s.len() {
        let b = s.as_bytes().get(i).copied().unwrap_or(b'.');
        i += 1;
        if b.is_ascii_digit() {
            digits += 1;
            continue;
        }
        if b != b'.' || digits == 0 || digits > MAX_ARABIC_DIGITS || depth == MAX_ARABIC_DEPTH {
            return None;
        }
        depth += 1;
        digits = 0;
    }
    Some(depth)
}

/// Upper-case Roman numeral. Single letters that are more often list letters ("C.", "D.",
/// "L.", "M.") are not Roman.
fn is_roman(s: &str) -> bool {
    if s.len() > MAX_ROMAN_CHARS || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M')) {
        return false;
    }
    if s.len() == 1 {
        return matches!(s, "I" | "V" | "X");
    }
    // Reject impossible sequences like "IIII" or "VV" cheaply.
    !crate::text::contains_any_str(s, crate::packed_words!["IIII", "VV", "XXXX", "LL", "DD"])
}

#[cfg(test)]
mod tests {
    use super::Numbering::*;
    use super::*;

    #[test]
    fn parses_styles() {
        assert_eq!(Numbering::parse("I. The Cyberattack"), Some(Roman));
        assert_eq!(Numbering::parse("IV. Response"), Some(Roman));
        assert_eq!(Numbering::parse("1. Czech Foreign Ministry"), Some(Arabic(1)));
        assert_eq!(Numbering::parse("2) Second"), Some(Arabic(1)));
        assert_eq!(Numbering::parse("1.2 Details"), Some(Arabic(2)));
        assert_eq!(Numbering::parse("1.2."), Some(Arabic(2)));
        assert_eq!(Numbering::parse("A."), Some(Upper));
        assert_eq!(Numbering::parse("b) sub"), Some(Lower));
        assert_eq!(Numbering::parse("2024. A year"), None);
        assert_eq!(Numbering::parse("In 2022 hackers"), None);
        assert_eq!(Numbering::parse("I think so"), None);
        assert_eq!(Numbering::parse("12 monkeys"), None);
        assert!(Roman.rank() < Arabic(1).rank() && Arabic(1).rank() < Arabic(2).rank());
        assert!(Arabic(2).rank() < Upper.rank());
    }
}
