//! Prints the snapshot that the native builder (`src/html.rs`) makes of a page in the flat
//! format the wasm reads (`src/snapshot/flat.rs`, what `SiftCapture.capture` produces), as JSON:
//! input for benchmarking `wasm_bindgen.analyze` outside a browser (Node).
//!
//! `cargo run --release --example snapshot_flat -- PAGE.html [URL]`

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: snapshot_flat PAGE.html [URL]");
        return std::process::ExitCode::from(2);
    };
    let url = args.next();
    let html = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("snapshot_flat: cannot read {path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let snap = match sift::html::parse(&html, url.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("snapshot_flat: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let (names, nodes, text) = sift::snapshot::flat::encode(&snap);
    let out = serde_json::json!({ "version": 2, "url": snap.url, "names": names, "nodes": nodes, "text": text });
    println!("{out}");
    std::process::ExitCode::SUCCESS
}
