//! `sift::json` (how the wasm result crosses into JS) writes the same JSON value as serde's
//! derive (`serde_json::to_value`, what the CLI's `--format json` prints), on real pages: the
//! fixture pages, the www samples and the hostile page, with and without a reader document.
//!
//! The text is serde_json's byte for byte (same key order, same escapes) but for the one float.
//! Numbers are compared as f64; the article's confidence (an f32) exactly: its text must parse
//! (Rust's correctly rounded `str::parse`) to `confidence as f64`, the number JS used to get.

use serde_json::Value;
use sift::{analyze, html, Analysis, Config};
use std::path::{Path, PathBuf};

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "www/samples", "tests/hostile"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.join("page.html").is_file() {
                out.push(p.join("page.html"));
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn written(a: &Analysis) -> String {
    let mut s = String::new();
    sift::json::analysis(&mut s, a);
    s
}

/// Same value, numbers compared as f64 (serde_json's default float parsing is not always
/// correctly rounded: the confidence is checked exactly on its own).
fn same(a: &Value, b: &Value, at: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            if (x - y).abs() <= 1e-12 * x.abs().max(1.0) {
                Ok(())
            } else {
                Err(format!("{at}: {x} != {y}"))
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Err(format!("{at}: {} items != {}", x.len(), y.len()));
            }
            x.iter().zip(y).enumerate().try_for_each(|(i, (x, y))| same(x, y, &format!("{at}[{i}]")))
        }
        (Value::Object(x), Value::Object(y)) => {
            let kx: Vec<&String> = x.keys().collect();
            let ky: Vec<&String> = y.keys().collect();
            if kx != ky {
                return Err(format!("{at}: keys {kx:?} != {ky:?}"));
            }
            x.iter().try_for_each(|(k, v)| same(v, &y[k], &format!("{at}.{k}")))
        }
        _ if a == b => Ok(()),
        _ => Err(format!("{at}: {a} != {b}")),
    }
}

/// `json` with the confidence's text replaced by `C`.
fn without_confidence(json: &str) -> String {
    match confidence_text(json) {
        Some(c) => json.replacen(&format!("\"confidence\":{c},"), "\"confidence\":C,", 1),
        None => json.to_owned(),
    }
}

/// The raw text of `"confidence":` in the written JSON.
fn confidence_text(json: &str) -> Option<&str> {
    let at = json.find("\"confidence\":")? + "\"confidence\":".len();
    let rest = &json[at..];
    Some(&rest[..rest.find(',')?])
}

#[test]
fn written_json_is_serdes_value_on_real_pages() {
    let pages = pages();
    assert!(pages.len() >= 10, "found {} pages", pages.len());
    let mut with_article = 0;
    for page in &pages {
        let html_text = std::fs::read_to_string(page).expect("read page");
        let snap = html::parse(&html_text, Some("https://example.test/dir/page.html")).expect("parse");
        for reader in [true, false] {
            let a = analyze(&snap, &Config { reader, ..Config::default() }).expect("analyze");
            let json = written(&a);
            let mine: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: invalid JSON: {e}\n{json}", page.display()));
            let theirs = serde_json::to_value(&a).expect("serde_json");
            if let Err(e) = same(&mine, &theirs, "analysis") {
                panic!("{} (reader: {reader}): {e}", page.display());
            }
            // Byte for byte serde_json's text too (so the keys come in the same order), but for
            // the confidence, which serde_json writes in its shortest f32 form.
            let text = serde_json::to_string(&a).expect("serde_json");
            assert_eq!(without_confidence(&json), without_confidence(&text), "{}", page.display());
            // What the wasm adapter writes: the same but for the reader's strings, set apart.
            let mut apart = String::new();
            sift::json::analysis_without_reader(&mut apart, &a);
            let mut emptied = a.clone();
            emptied.reader = sift::ReaderDoc::default();
            assert_eq!(apart, written(&emptied), "{}", page.display());
            match &a.article {
                Some(art) => {
                    with_article += 1;
                    let text = confidence_text(&json).expect("confidence written");
                    assert_eq!(text.parse::<f64>().ok(), Some(f64::from(art.confidence)), "{}: {text}", page.display());
                }
                None => assert!(json.starts_with("{\"article\":null,"), "{}", page.display()),
            }
        }
    }
    assert!(with_article >= 10, "pages with an article: {with_article}");
}

#[test]
fn every_field_is_written_including_awkward_text() {
    let mut a = Analysis {
        article: Some(sift::Article { root: 7, confidence: 0.1, reason: sift::Reason::new("code", "d\"e\\t\u{1}") }),
        verdict: Some(sift::Verdict { is_article: true, reason: sift::Reason::new("v", "") }),
        clutter: vec![
            sift::Clutter { node: 3, kind: sift::ClutterKind::CommentForm, reason: sift::Reason::new("c", "x\ny") },
            sift::Clutter { node: u32::MAX, kind: sift::ClutterKind::Ad, reason: sift::Reason::new("a", "é😀\u{2028}") },
        ],
        outline: vec![sift::OutlineEntry { level: 2, text: "<h2> & \"q\"".into(), id: 9 }],
        metadata: sift::Metadata {
            title: Some("T\t".into()),
            byline: None,
            published: Some("2024".into()),
            site_name: Some("S".into()),
            lang: None,
            dir: Some("rtl".into()),
            lead_image: Some("https://x/y.png?a=1&b=2".into()),
            excerpt: Some("\u{7f}\u{0}".into()),
            word_count: 12345,
            reading_minutes: 1,
        },
        reader: sift::ReaderDoc { html: "<p>\"</p>\r\n".into(), text: "\u{1f}".into() },
    };
    for kind in sift::ClutterKind::ALL {
        a.clutter.push(sift::Clutter { node: 1, kind, reason: sift::Reason::new("k", "") });
    }
    let json = written(&a);
    let mine: Value = serde_json::from_str(&json).expect("valid JSON");
    same(&mine, &serde_json::to_value(&a).expect("serde_json"), "analysis").expect("same value");
    assert_eq!(confidence_text(&json), Some("0.100000001490116119384765625"));
    let text = serde_json::to_string(&a).expect("serde_json");
    assert_eq!(without_confidence(&json), without_confidence(&text));
    let empty = Analysis::default();
    let mine: Value = serde_json::from_str(&written(&empty)).expect("valid JSON");
    assert_eq!(mine, serde_json::to_value(&empty).expect("serde_json"));
}
