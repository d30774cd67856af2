//! Word count and reading time, script-aware.

use crate::analysis::Metadata;

/// Adult silent reading speed for alphabetic scripts (Brysbaert 2019 meta-analysis: ~238 wpm
/// non-fiction; we round down to the commonly quoted 230).
pub const DEFAULT_WORDS_PER_MINUTE: u32 = 230;
/// Reading speed for scripts written without spaces (Chinese, Japanese, Korean, Thai), in
/// characters per minute (~500 cpm is the usual figure for Chinese and Japanese readers).
pub const DEFAULT_CJK_CHARS_PER_MINUTE: u32 = 500;

/// Is `c` from a script counted per character (Han, Hiragana, Katakana, Hangul, Thai)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x1100..=0x11FF    // Hangul jamo
        | 0x3130..=0x318F    // Hangul compatibility jamo
        | 0x0E00..=0x0E7F    // Thai
        | 0xFF66..=0xFF9D    // half-width Katakana
        | 0x20000..=0x2FA1F  // CJK extensions B..
    )
}

/// (words, CJK characters) in `text`: a word is a run of non-space, non-CJK characters
/// containing at least one letter or digit; each CJK character counts on its own.
pub fn word_stats(text: &str) -> (u32, u32) {
    let (mut words, mut cjk) = (0u32, 0u32);
    let mut in_word = false;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII from the byte alone (never CJK; whitespace is 9..=13 and the space, as
        // `char::is_whitespace` has it): this runs over the whole article text.
        let (cjk_char, space, alnum, len) = match b[i] {
            x if x < 0x80 => {
                // Branch-free for ASCII: a letter or digit starts a word unless one is open.
                let space = x == b' ' || x.wrapping_sub(9) < 5;
                let alnum = x.is_ascii_alphanumeric();
                words += u32::from(alnum && !in_word);
                in_word = !space && (alnum || in_word);
                i += 1;
                continue;
            }
            _ => match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (is_cjk(c), c.is_whitespace(), c.is_alphanumeric(), c.len_utf8()),
                None => break,
            },
        };
        i += len;
        if cjk_char {
            cjk += 1;
            in_word = false;
        } else if space || !alnum && !in_word {
            in_word = false;
        } else if !in_word && alnum {
            words += 1;
            in_word = true;
        }
    }
    (words, cjk)
}

/// Minutes to read `words` words and `cjk` CJK characters, rounded up; 0 only for no text.
pub fn reading_minutes(words: u32, cjk: u32) -> u32 {
    if words == 0 && cjk == 0 {
        return 0;
    }
    let minutes = words as f64 / DEFAULT_WORDS_PER_MINUTE as f64 + cjk as f64 / DEFAULT_CJK_CHARS_PER_MINUTE as f64;
    (minutes.ceil() as u32).max(1)
}

/// Fills word count (CJK characters count one each) and reading time from the article text.
pub fn count_words(meta: &mut Metadata, text: &str) {
    let (words, cjk) = word_stats(text);
    meta.word_count = words.saturating_add(cjk);
    meta.reading_minutes = reading_minutes(words, cjk);
}
