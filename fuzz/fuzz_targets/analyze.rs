//! Any bytes -> HTML parse -> analyze: must never panic (budgets are the only errors).
//! Run: `cargo +nightly fuzz run analyze` (or `RUSTC_BOOTSTRAP=1 cargo fuzz run analyze` on stable).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(snap) = sift::html::parse(&String::from_utf8_lossy(data), None) {
        let _ = sift::analyze(&snap, &sift::Config::default());
    }
});
