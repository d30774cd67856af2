//! Hostile and broken pages through the core (no browser): parse + analyze + reader markdown must
//! never panic, budgets must come back as typed errors, and the reader document built from a page
//! of XSS vectors must carry no active content. See SECURITY.md for what each test proves.
//!
//! The pages are generated here (20,000 levels, 200,000 nodes, ...) or read from
//! `tests/hostile/*.html`.

use sift::{analyze, html, Analysis, Config, Error, SnapshotBuilder};

/// Parse + analyze + markdown, as the CLI and the extension do; panics only if the core panics.
fn run(page: &str) -> Result<Analysis, Error> {
    let snap = html::parse(page, Some("https://example.org/a/b.html"))?;
    let a = analyze(&snap, &Config::default())?;
    if let Some(art) = &a.article {
        let _ = sift::reader::markdown(&snap, art.root, &a.clutter, &a.metadata);
    }
    Ok(a)
}

const PARA: &str = "The river that runs through the old town has become measurably cleaner over the last \
    ten years, according to the regional water authority, which published its results this week.";

fn article_paras(n: usize) -> String {
    (0..n).map(|i| format!("<p>{i}. {PARA}</p>\n")).collect()
}

#[test]
fn nesting_20000_levels_of_divs_is_analysed() {
    let depth = 20_000;
    let page = format!(
        "<!doctype html><html><body>{}<article><h1>Deep</h1>{}</article>{}</body></html>",
        "<div>".repeat(depth),
        article_paras(6),
        "</div>".repeat(depth)
    );
    let snap = html::parse(&page, None).expect("parse");
    assert!(snap.max_depth() >= depth as u32, "the parser kept the nesting ({} levels)", snap.max_depth());
    let a = analyze(&snap, &Config::default()).expect("within the default depth budget");
    assert!(a.reader.text.contains("measurably cleaner"), "the article at the bottom is found");
}

#[test]
fn nesting_20000_levels_of_mixed_inline_and_formatting_tags() {
    // Formatting elements trigger html5ever's adoption agency; unclosed ones are re-opened.
    let page = format!("<body><p>{}{PARA}", "<b><i><span><a href=x>".repeat(5_000));
    assert!(run(&page).is_ok());
    let page = format!("<body>{}{PARA}", "<font><em>".repeat(10_000));
    assert!(run(&page).is_ok());
}

#[test]
fn deeply_nested_tables_and_lists() {
    let tables = format!(
        "<body>{}<p>{PARA}</p>{}",
        "<table><tr><td>".repeat(3_000),
        "</td></tr></table>".repeat(3_000)
    );
    assert!(run(&tables).is_ok());
    let lists = format!("<body><article>{}<p>{PARA}</p>{}</article>", "<ul><li>".repeat(10_000), "</li></ul>".repeat(10_000));
    assert!(run(&lists).is_ok());
    let ols = format!("<body>{}", "<ol><li><dl><dd><blockquote>".repeat(5_000));
    assert!(run(&ols).is_ok());
}

#[test]
fn a_200000_node_page_is_analysed_and_its_article_found() {
    // 2 nodes per paragraph (p, text) and 3 per link-list item (li, a, text): 200,000+ nodes.
    let mut page = String::from("<!doctype html><html><head><title>Big</title></head><body><main><article><h1>Big page</h1>");
    for i in 0..40_000 {
        page.push_str(&format!("<p>{i} {PARA}</p>"));
    }
    page.push_str("</article></main><aside><ul>");
    for i in 0..40_000 {
        page.push_str(&format!("<li><a href=\"/s{i}\">Story {i}</a></li>"));
    }
    page.push_str("</ul></aside></body></html>");
    let snap = html::parse(&page, None).expect("parse");
    assert!(snap.len() >= 200_000, "generated {} nodes", snap.len());
    let a = analyze(&snap, &Config::default()).expect("within the default node budget");
    let root = a.article.as_ref().expect("an article").root;
    assert_eq!(snap.tag_name(root), "article", "the <article> is the article");
    assert!(a.reader.text.contains("39999 The river"), "the last paragraph reaches the reader text");
    assert!(!a.reader.text.contains("Story 39999"), "the link list stays out of the reader text");
}

#[test]
fn every_element_hidden() {
    let page = format!(
        "<html hidden><body hidden><article hidden><h1 hidden>Gone</h1>{}</article></body></html>",
        article_paras(10).replace("<p>", "<p style=\"display:none\">")
    );
    let a = run(&page).expect("analysed");
    assert!(!a.reader.text.contains("measurably cleaner"), "hidden text does not reach the reader: {:?}", a.reader.text);
    assert!(a.verdict.map(|v| !v.is_article).unwrap_or(true), "an all-hidden page is not called an article");
    // Everything hidden but the article: it is found and nothing inside it is clutter.
    let page = format!(
        "<body><nav hidden>{}</nav><div style='display:none'>{}</div><article><h1>Seen</h1>{}</article></body>",
        "<a href=/x>x</a>".repeat(100),
        article_paras(20),
        article_paras(5)
    );
    let a = run(&page).expect("analysed");
    assert!(a.reader.text.contains("4. The river"));
    assert!(!a.reader.text.contains("19. The river"), "the hidden copy is not read");
}

#[test]
fn empty_and_whitespace_pages() {
    for page in ["", " ", "\n\t", "<html></html>", "<!doctype html>", "<body></body>", "<html><head></head><body>   </body></html>"] {
        let a = run(page).unwrap_or_else(|e| panic!("{page:?}: {e}"));
        assert!(a.article.is_none(), "{page:?}: no article in an empty page");
        assert!(a.outline.is_empty());
    }
    // The empty snapshot (the extension may send one for about:blank).
    let a = analyze(&SnapshotBuilder::new().finish(), &Config::default()).expect("empty snapshot");
    assert!(a.article.is_none() && a.clutter.is_empty());
}

#[test]
fn binary_garbage_and_broken_utf8() {
    // A fixed linear congruential generator: the same bytes on every run.
    let mut x: u64 = 0x5eed_5eed;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) as u8
    };
    for round in 0..40 {
        let len = 1 << (round % 17);
        let bytes: Vec<u8> = (0..len).map(|_| next()).collect();
        let page = String::from_utf8_lossy(&bytes);
        assert!(run(&page).is_ok(), "round {round}");
        // Garbage inside an otherwise normal article.
        let page = format!("<article><h1>T</h1><p>{PARA}{page}</p><p>{PARA}</p></article>");
        assert!(run(&page).is_ok(), "round {round} in an article");
    }
    let nuls = format!("<p>{}</p>\u{0}<p\u{0}>{PARA}\u{FFFD}\u{FEFF}\u{202E}</p>", "\u{0}".repeat(10_000));
    assert!(run(&nuls).is_ok());
}

#[test]
fn huge_attribute_values_and_many_attributes() {
    let big = "a".repeat(4 << 20); // 4 MiB
    let page = format!(
        "<body><article class=\"{big}\" id=\"{big}\"><h1 title=\"{big}\">Title</h1>\
         <p data-x=\"{big}\">{PARA}</p><p><a href=\"https://example.org/{big}\">link</a> \
         <img src=\"/{big}.png\" srcset=\"/{big}.png 1x, /b.png 2x\" alt=\"{big}\"> {PARA}</p>{}</article></body>",
        article_paras(5)
    );
    let a = run(&page).expect("analysed");
    assert!(a.reader.text.contains("4. The river"));
    let many: String = (0..5_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    let page = format!("<body><article{many}><h1{many}>T</h1><p{many}>{PARA}</p>{}</article></body>", article_paras(5));
    assert!(run(&page).is_ok());
    // Attribute names that look like event handlers never reach the snapshot.
    let snap = html::parse(&format!("<p onclick=x OnMouseOver=y ONLOAD=z title=t>{PARA}</p>"), None).unwrap();
    for id in 0..snap.len() as u32 {
        for (n, _) in snap.attrs(id) {
            assert!(!n.starts_with("on"), "event handler attribute {n} kept");
        }
    }
}

#[test]
fn many_headings_and_links_do_not_break_outline_or_clutter() {
    let headings: String = (0..20_000).map(|i| format!("<h{}>Heading {i}</h{}><p>{PARA}</p>", 1 + i % 6, 1 + i % 6)).collect();
    let a = run(&format!("<body><article>{headings}</article></body>")).expect("analysed");
    assert!(!a.outline.is_empty());
    let links: String = (0..50_000).map(|i| format!("<a href=/{i}>{i}</a>")).collect();
    assert!(run(&format!("<body><div>{links}</div><article><p>{PARA}</p></article></body>")).is_ok());
}

#[test]
fn budgets_exceeded_come_back_as_typed_errors() {
    let page = format!("<body><article>{}</article></body>", article_paras(50));
    let snap = html::parse(&page, None).unwrap();
    let cfg = Config { max_nodes: 10, ..Config::default() };
    match analyze(&snap, &cfg) {
        Err(Error::TooManyNodes { found, max }) => {
            assert_eq!(max, 10);
            assert_eq!(found, snap.len());
        }
        other => panic!("expected TooManyNodes, got {other:?}"),
    }
    let deep = html::parse(&format!("<body>{}<p>x</p>", "<div>".repeat(50)), None).unwrap();
    let cfg = Config { max_depth: 20, ..Config::default() };
    match analyze(&deep, &cfg) {
        Err(Error::TooDeep { found, max }) => {
            assert_eq!(max, 20);
            assert!(found > 50);
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }
    // The messages are for people.
    assert!(Error::TooManyNodes { found: 11, max: 10 }.to_string().contains("too large"));
    // Exactly at the budget is fine.
    let cfg = Config { max_nodes: snap.len(), ..Config::default() };
    assert!(analyze(&snap, &cfg).is_ok());
}

#[test]
fn builder_refuses_out_of_order_nodes() {
    let mut b = SnapshotBuilder::new();
    let html = b.element(None, "html", [], false).unwrap();
    let body = b.element(Some(html), "body", [], false).unwrap();
    let _p = b.element(Some(body), "p", [], false).unwrap();
    // A parent that is not on the open path, or does not exist, is a typed error, not a panic.
    assert!(matches!(b.element(Some(999), "p", [], false), Err(Error::Malformed { .. })));
    assert!(matches!(b.text(12345, "x"), Err(Error::Malformed { .. })));
}

// ---- XSS vectors: the reader document carries no active content --------------------------

fn xss_vectors() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/xss-vectors.html");
    std::fs::read_to_string(path).expect("tests/hostile/xss-vectors.html").replace("PWN_ORIGIN", "http://127.0.0.1:9")
}

/// Lower-cased, entity-decoded enough to catch `&#106;avascript:` style spellings.
fn squash(s: &str) -> String {
    s.to_ascii_lowercase()
        .replace("&#106;", "j")
        .replace("&#x6a;", "j")
        .replace("&#x09;", "")
        .replace("&#9;", "")
        .replace("&tab;", "")
        .replace(['\t', '\n', '\r', ' '], "")
}

#[test]
fn xss_vectors_page_reader_document_has_no_active_content() {
    let page = xss_vectors();
    let snap = html::parse(&page, Some("http://127.0.0.1:9/hostile/xss/")).unwrap();
    let a = analyze(&snap, &Config::default()).expect("analysed");
    assert!(a.article.is_some(), "the vectors page has an article");
    assert!(a.reader.text.contains("measurably cleaner"), "the article text survives");
    let art = a.article.as_ref().unwrap();
    let md = sift::reader::markdown(&snap, art.root, &a.clutter, &a.metadata);
    let html = &a.reader.html;
    let flat = squash(html);
    for bad in [
        "<script", "<iframe", "<object", "<embed", "<base", "<meta", "<link", "<style", "<form", "<button",
        "<input", "<textarea", "<foreignobject", "<animate", "<set", "<noscript", "<template", "<frame",
        "<svg", "<math", "<xmp", "<listing", "javascript:", "vbscript:", "data:text", "srcdoc", "expression(",
        "style=", "formaction", "xlink:href", "ping=",
    ] {
        assert!(!flat.contains(bad), "reader html contains {bad:?}:\n{html}");
    }
    // No attribute named on*: look at every `<tag ... name=` in the output.
    for (i, _) in html.match_indices('<') {
        let tag_end = html[i..].find('>').map(|e| i + e).unwrap_or(html.len());
        let tag = &html[i..tag_end];
        for part in tag.split_whitespace().skip(1) {
            let name = part.split('=').next().unwrap_or("").to_ascii_lowercase();
            assert!(!name.starts_with("on"), "event handler {name:?} in {tag:?}");
        }
    }
    // Markup that was text in the page (escaped) stays text: the reader shows "<img ...>", the
    // HTML carries "&lt;img".
    assert!(!flat.contains("<imgsrc=x"), "escaped markup became markup:\n{html}");
    // Strings from the page in metadata/outline are plain text for the UI to show with textContent;
    // the markdown escapes nothing into HTML either, but must not carry javascript: links.
    assert!(!squash(&md).contains("javascript:"), "markdown has a javascript: link:\n{md}");
    assert!(!squash(&md).contains("data:text"), "markdown has a data: link:\n{md}");
}

#[test]
fn every_hostile_page_in_the_folder_is_analysed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let page = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            run(&page).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            n += 1;
        }
    }
    assert!(n >= 1);
}
