//! `sift`: the command-line tool on the core. (Stub.)
fn main() {
    let path = std::env::args().nth(1).expect("usage: sift FILE");
    let html = std::fs::read_to_string(&path).expect("read");
    let snap = sift::html::parse(&html, None).expect("parse");
    let a = sift::analyze(&snap, &sift::Config::default()).expect("analyze");
    println!("{}", a.reader.text);
}
