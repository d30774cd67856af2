use super::*;
use crate::html::parse;

fn read(html: &str) -> ReaderDoc {
    let s = parse(html, Some("https://example.org/a/b.html")).unwrap();
    build(&s, s.body(), &[], &Metadata::default())
}

#[test]
fn smoke() {
    let r = read("<p>Hello <b>world</b></p><div>loose <i>text</i><br><br>second</div>");
    println!("{}\n---\n{}", r.html, r.text);
}
