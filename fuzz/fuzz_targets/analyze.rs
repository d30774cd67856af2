//! Any bytes -> HTML parse -> analyze -> reader markdown: must never panic (budgets are the only
//! errors). Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run analyze` (or `cargo +nightly fuzz run analyze`).
//! The minimised crash-free corpus lives in `tests/fuzz-corpus/` and is replayed by
//! `tests/fuzz_corpus.rs` on every `cargo test`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(snap) = sift::html::parse(&String::from_utf8_lossy(data), None) {
        if let Ok(a) = sift::analyze(&snap, &sift::Config::default()) {
            if let Some(article) = &a.article {
                let _ = sift::reader::markdown(&snap, article.root, &a.clutter, &a.metadata);
            }
        }
    }
});
