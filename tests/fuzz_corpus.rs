//! Replays the fuzzing corpus (`tests/fuzz-corpus/`, minimised with `cargo fuzz cmin` from the
//! `fuzz/` target `analyze`, see SECURITY.md) through parse -> analyze -> reader markdown, exactly
//! as the fuzz target does. Every file must go through without a panic; budgets are the only
//! errors the core may return, and the default budgets are far above any corpus file.

use std::path::Path;

#[test]
fn every_fuzz_corpus_input_goes_through_parse_analyze_and_markdown() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "the corpus has only {} files", files.len());
    let mut articles = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let page = String::from_utf8_lossy(&bytes);
        let snap = sift::html::parse(&page, None).unwrap_or_else(|e| panic!("{}: parse: {e}", path.display()));
        let a = sift::analyze(&snap, &sift::Config::default()).unwrap_or_else(|e| panic!("{}: analyze: {e}", path.display()));
        if let Some(art) = &a.article {
            articles += 1;
            let _ = sift::reader::markdown(&snap, art.root, &a.clutter, &a.metadata);
        }
    }
    // The corpus exercises the article passes, not only the parser.
    assert!(articles > 0, "no corpus file has an article");
}
