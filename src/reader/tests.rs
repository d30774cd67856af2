//! Reader document tests: sanitizer safety against XSS vectors, then output quality.

use super::*;
use crate::analysis::ClutterKind;
use crate::html::parse;
use crate::reason::Reason;
use crate::{analyze, Config};

const URL: &str = "https://example.org/news/story.html";

fn snap(html: &str) -> Snapshot {
    parse(html, Some(URL)).expect("test HTML parses")
}

/// Reader document of `<body>`.
fn read(html: &str) -> ReaderDoc {
    let s = snap(html);
    build(&s, s.body(), &[], &Metadata::default())
}

/// `html` without our anchor ids (their numbers depend on the parser's text nodes).
fn strip_ids(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"sift-") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 10..];
        let end = after.find('"').map_or(after.len(), |e| e + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn md(html: &str) -> String {
    let s = snap(html);
    markdown(&s, s.body(), &[], &Metadata::default())
}

// ---------------------------------------------------------------- security

/// Decodes the character references our printer writes (and numeric ones, to be thorough).
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Attributes any element of the reader document may carry.
const ALLOWED_ATTRS: &[&str] = &[
    "id", "href", "src", "alt", "title", "width", "height", "start", "type", "reversed", "value",
    "colspan", "rowspan", "scope", "datetime", "dir", "lang",
];

/// Problems found in reader HTML: executable constructs of any kind.
fn unsafe_constructs(html: &str) -> Vec<String> {
    let mut bad = Vec::new();
    // Text '<' is always escaped, so every raw '<' starts a tag we wrote.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let mut parts = tag.split_whitespace();
        let name = parts.next().unwrap_or("").trim_start_matches('/').to_ascii_lowercase();
        for forbidden in ["script", "iframe", "object", "embed", "form", "base", "meta", "link", "style",
            "svg", "math", "input", "button", "textarea", "frame", "template", "noscript", "param"] {
            if name == forbidden {
                bad.push(format!("<{name}> element"));
            }
        }
        // Attribute names: everything before '=' in each name="value" pair.
        let mut rest = tag[tag.find(char::is_whitespace).unwrap_or(tag.len())..].trim();
        while !rest.is_empty() {
            let eq = rest.find('=').unwrap_or(rest.len());
            let attr = rest[..eq].trim().to_ascii_lowercase();
            if !ALLOWED_ATTRS.contains(&attr.as_str()) {
                bad.push(format!("attribute {attr:?} on <{name}>"));
            }
            let after = rest.get(eq + 1..).unwrap_or("");
            let Some(v) = after.strip_prefix('"') else { break };
            let close = v.find('"').unwrap_or(v.len());
            let value: String = decode(&v[..close])
                .chars()
                .filter(|c| !c.is_control() && !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if value.contains("javascript:") || value.contains("vbscript:") || value.contains("expression(") {
                bad.push(format!("script URL in {attr}={value:?}"));
            }
            if value.starts_with("data:") && !(name == "img" && attr == "src" && value.starts_with("data:image/")
                && !value.starts_with("data:image/svg"))
            {
                bad.push(format!("data URL in {attr}={value:?}"));
            }
            rest = v.get(close + 1..).unwrap_or("").trim();
        }
    }
    let flat: String = decode(html)
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    for needle in ["javascript:", "vbscript:"] {
        if flat.contains(needle) {
            bad.push(format!("{needle} somewhere in the output"));
        }
    }
    for raw in ["<script", "<iframe", "<object", "<embed", "<form", "<base", "<meta", "<svg", "<math"] {
        if html.to_ascii_lowercase().contains(raw) {
            bad.push(format!("raw {raw}"));
        }
    }
    bad
}

const XSS_VECTORS: &[&str] = &[
    "<script>alert(1)</script><p>text</p>",
    "<p>x<script>alert(1)</script>y</p>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT><p>t</p>",
    "<p>a<scr<script>ipt>alert(1)</script>b</p>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert(1)\">",
    "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"javascript:alert(1)\">",
    "<img srcset=\"javascript:alert(1) 1x, javascript:alert(2) 2x\">",
    "<img data-srcset=\"javascript:alert(1) 800w\">",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<img src=\"data:text/html,<script>alert(1)</script>\">",
    "<img src=x:alert(1) onerror=eval(src)>",
    "<picture><source srcset=\"javascript:alert(1)\"><img src=\"\"></picture>",
    "<a href=\"javascript:alert(1)\">a</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">a</a>",
    "<a href=\"jav&#x61;script:alert(1)\">a</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">a</a>",
    "<a href=\"javascript&colon;alert(1)\">a</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">a</a>",
    "<a href=\"java&#10;script:alert(1)\">a</a>",
    "<a href=\"java\tscript:alert(1)\">a</a>",
    "<a href=\"&#x01;javascript:alert(1)\">a</a>",
    "<a href=\" &#14;  javascript:alert(1)\">a</a>",
    "<a href=\"java&#0;script:alert(1)\">a</a>",
    "<a href=\"&#0;javascript:alert(1)\">a</a>",
    "<a href=\"vbscript:msgbox(1)\">a</a>",
    "<a href=\"VBScript:msgbox(1)\">a</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">a</a>",
    "<a href=\"https://ok.example/\" onclick=\"alert(1)\" onmouseover=alert(1) ONFOCUS=x>ok</a>",
    "<a href=\"https://ok.example/\" style=\"x:expression(alert(1))\" target=_top>ok</a>",
    "<svg><script>alert(1)</script></svg><p>t</p>",
    "<svg onload=alert(1)><p>t</p>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>click</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>t</p>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=\"https://www.youtube.com/embed/abc123\" onload=alert(1)></iframe>",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>t</p>",
    "<base href=\"javascript:alert(1)//\"><a href=\"x\">rel</a>",
    "<link rel=stylesheet href=\"javascript:alert(1)\"><p>t</p>",
    "<style>@import 'javascript:alert(1)';</style><p>t</p>",
    "<div style=\"background:url(javascript:alert(1))\">styled</div>",
    "<p style=\"width:expression(alert(1))\">styled</p>",
    "<object data=\"javascript:alert(1)\"></object><p>t</p>",
    "<object><param name=src value=javascript:alert(1)></object><p>t</p>",
    "<embed src=\"javascript:alert(1)\"><p>t</p>",
    "<form action=\"javascript:alert(1)\"><input type=submit formaction=javascript:alert(1)><button onclick=alert(1)>go</button><textarea>hi</textarea></form>",
    "<isindex action=javascript:alert(1) type=image><p>t</p>",
    "<body onload=alert(1)><p>t</p></body>",
    "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template><p>t</p>",
    "<table background=\"javascript:alert(1)\"><tr><td onclick=x>a</td><td>b</td></tr></table>",
    "<video src=x onerror=alert(1)><source src=\"javascript:alert(1)\"></video><p>t</p>",
    "<audio src=\"javascript:alert(1)\"></audio><p>t</p>",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
    "<abbr title='\"><script>alert(1)</script>'>x</abbr>",
    "<time datetime='\" onmouseover=\"alert(1)'>now</time>",
    "<xmp><script>alert(1)</script></xmp><p>t</p>",
    "<p id=\"x\" class=\"y\" data-x=\"1\" aria-label=\"z\" lang=\"en\">attrs</p>",
    "<a href=\"https://ok.example/\" id=\"sift-1\">spoofed id</a>",
    "<!-- <script>alert(1)</script> --><p>t</p>",
    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    "<img src=\"/\\evil.example/x.png\">",
    "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
    "<div><custom-el onclick=alert(1) href=\"javascript:alert(1)\">custom</custom-el></div>",
];

#[test]
fn xss_vectors_leave_nothing_executable() {
    let mut failures = Vec::new();
    for v in XSS_VECTORS {
        let page = format!("<html><head><title>T</title></head><body>{v}</body></html>");
        let s = snap(&page);
        let direct = build(&s, s.body(), &[], &Metadata::default());
        let analysed = analyze(&s, &Config::default()).expect("analysis within budget");
        let m = markdown(&s, s.body(), &[], &Metadata::default());
        for (what, out) in [("build", &direct.html), ("analyze", &analysed.reader.html)] {
            for problem in unsafe_constructs(out) {
                failures.push(format!("{v}\n  {what}: {problem}\n  output: {out}"));
            }
        }
        let flat: String = m.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if flat.contains("javascript:") || flat.contains("vbscript:") || flat.contains("data:text") {
            failures.push(format!("{v}\n  markdown: script URL\n  output: {m}"));
        }
    }
    assert!(failures.is_empty(), "{} unsafe outputs:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_checker_catches_what_it_must() {
    // The checker itself must be able to fail.
    assert!(!unsafe_constructs("<p onclick=\"x\">a</p>").is_empty());
    assert!(!unsafe_constructs("<a href=\"jav&#x61;script:x\">a</a>").is_empty());
    assert!(!unsafe_constructs("<a href=\"java&#9;script:x\">a</a>").is_empty());
    assert!(!unsafe_constructs("<script>x</script>").is_empty());
    assert!(!unsafe_constructs("<img src=\"data:image/svg+xml,x\">").is_empty());
    assert!(unsafe_constructs("<p id=\"sift-2\">&lt;script&gt;</p>").is_empty());
}

#[test]
fn escapes_text_and_attribute_values() {
    let r = read("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\" 'single'</p>\
        <p><abbr title='a\"b&lt;c'>x</abbr></p>");
    assert!(r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;"), "{}", r.html);
    assert!(r.html.contains("<abbr title=\"a&quot;b&lt;c\">x</abbr>"), "{}", r.html);
    assert!(r.text.contains("<script>alert(1)</script> & \"quotes\" 'single'"), "{}", r.text);
}

#[test]
fn drops_forms_controls_and_non_content() {
    let r = read("<p>Keep me.</p><form><label>Name</label><input value=v><textarea>typed</textarea>\
        <select><option>opt</option></select><button>Send</button></form>\
        <style>.a{}</style><noscript>enable js</noscript><template><p>tpl</p></template>\
        <svg><text>svg text</text></svg><math><mi>x</mi></math><canvas>cv</canvas>");
    assert_eq!(r.text, "Keep me.");
    assert_eq!(r.html.trim(), "<p id=\"sift-3\">Keep me.</p>");
}

// ---------------------------------------------------------------- quality

#[test]
fn accordion_questions_and_aria_headings_are_content() {
    let r = read("<div class=faq><p role=\"heading\" aria-level=\"3\"><button aria-expanded=\"false\">\
        <span>7. Will the sessions be viewable on demand?</span></button></p><div>Yes, recorded.</div>\
        <button aria-expanded=\"false\">Menu</button><button>Share this article on social media</button></div>");
    assert_eq!(r.text, "7. Will the sessions be viewable on demand?\n\nYes, recorded.");
    assert!(strip_ids(&r.html).starts_with("<h3>7. Will the sessions"), "{}", r.html);
}

#[test]
fn a_form_wrapping_the_article_is_unwrapped_but_its_controls_dropped() {
    let para = "This paragraph is long enough to count as prose in an article, well over eighty characters.";
    let page = format!("<body><form id=\"aspnetForm\"><input type=hidden name=__VIEWSTATE value=x>\
        <p>{para}</p><p>{para}</p><input type=text value=typed><button>Go</button></form>\
        <form><label>Comment</label><textarea></textarea><p>Short notice.</p></form></body>");
    let s = snap(&page);
    let r = build(&s, s.body(), &[], &Metadata::default());
    assert_eq!(r.text, format!("{para}\n\n{para}"));
    // The article root itself is never dropped, whatever its tag.
    let form = (0..s.len() as NodeId).find(|&i| s.tag(i) == crate::snapshot::Tag::Form).unwrap();
    assert_eq!(build(&s, form, &[], &Metadata::default()).text, format!("{para}\n\n{para}"));
    let last_form = (0..s.len() as NodeId).rev().find(|&i| s.tag(i) == crate::snapshot::Tag::Form).unwrap();
    assert_eq!(build(&s, last_form, &[], &Metadata::default()).text, "Short notice.");
}

#[test]
fn headings_keep_levels_and_get_anchors() {
    let s = snap("<body><h1>Title</h1><h3>Deep</h3><p>Body text.</p><h2>Next</h2></body>");
    let r = build(&s, s.body(), &[], &Metadata::default());
    let ids: Vec<NodeId> = (0..s.len() as NodeId).filter(|&i| s.tag(i).heading_level().is_some()).collect();
    assert_eq!(ids.len(), 3);
    assert!(r.html.contains(&format!("<h1 id=\"sift-{}\">Title</h1>", ids[0])), "{}", r.html);
    assert!(r.html.contains(&format!("<h3 id=\"sift-{}\">Deep</h3>", ids[1])), "{}", r.html);
    assert!(r.html.contains(&format!("<h2 id=\"sift-{}\">Next</h2>", ids[2])), "{}", r.html);
    assert_eq!(r.text, "Title\n\nDeep\n\nBody text.\n\nNext");
}

#[test]
fn title_heading_is_left_out_when_it_repeats_the_title() {
    let s = snap("<body><h1>  The  Title </h1><p>Body.</p><h2>The Title</h2></body>");
    let meta = Metadata { title: Some("The title".into()), ..Metadata::default() };
    let r = build(&s, s.body(), &[], &meta);
    assert_eq!(r.text, "Body.\n\nThe Title", "only the first heading is the title");
    let m = markdown(&s, s.body(), &[], &meta);
    assert!(m.starts_with("# The title\n\nBody.\n\n## The Title"), "{m}");
    for (title, dropped) in [("Mozilla - Wikipedia", true), ("News | Mozilla", true), ("Mozilla Firefox", false), ("Mozilla-Firefox", false)] {
        let s = snap("<body><h1>Mozilla</h1><p>Body.</p></body>");
        let meta = Metadata { title: Some(title.into()), ..Metadata::default() };
        let text = build(&s, s.body(), &[], &meta).text;
        assert_eq!(!text.contains("Mozilla"), dropped, "title {title:?}: {text:?}");
    }
}

#[test]
fn pseudo_headings_stay_paragraphs_with_anchors() {
    let s = snap("<body><p><strong>I. The Cyberattack: Details</strong></p>\
        <p>A long paragraph of body text that goes on for a while and has <b>bold</b> inside it, \
        so it is not a heading at all and should carry no anchor because it is well over two \
        hundred characters long when all is said and done, which this sentence now is.</p>\
        <div><b>1. Numbered in a div</b></div></body>");
    let r = build(&s, s.body(), &[], &Metadata::default());
    let p = (0..s.len() as NodeId).find(|&i| s.tag(i) == crate::snapshot::Tag::P).unwrap();
    let strong = p + 1;
    assert!(r.html.contains(&format!("<p id=\"sift-{p}\"><strong id=\"sift-{strong}\">I. The Cyberattack: Details</strong></p>")), "{}", r.html);
    assert!(r.html.contains("<p>A long paragraph"), "long paragraphs carry no anchor: {}", r.html);
    assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
    let div = (0..s.len() as NodeId).find(|&i| s.tag(i) == crate::snapshot::Tag::Div).unwrap();
    assert!(r.html.contains(&format!("<p id=\"sift-{div}\"><b id=\"sift-{}\">1. Numbered in a div</b></p>", div + 1)), "{}", r.html);
}

#[test]
fn lazy_images_are_resolved() {
    let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    let r = read(&format!(
        "<p><img src=\"{gif}\" data-src=\"/img/a.jpg\" alt=\"A &amp; B\" width=\"640\" height=\"360\" class=\"lazy\"></p>\
         <p><img data-lazy-src=\"b.jpg\" alt=\"\"></p>\
         <p><img src=\"\" data-srcset=\"c-300.jpg 300w, c-1200.jpg 1200w\"></p>\
         <p><img srcset=\"d1.jpg 1x, d2.jpg 2x\"></p>\
         <p><img data-original=\"//cdn.example.net/e.png\"></p>\
         <picture><source type=\"image/webp\" srcset=\"f.webp 1x, f2.webp 2x\"><img src=\"{gif}\" alt=\"pic\"></picture>\
         <p><img src=\"https://t.example/pixel.gif\" width=\"1\" height=\"1\">tracking</p>\
         <p><img src=\"{gif}\">placeholder only</p>\
         <p><img src=\"{gif}\" width=\"1\" height=\"1\" data-src=\"/real.jpg\" alt=\"real\"></p>"
    ));
    let h = &r.html;
    assert!(h.contains("<img src=\"https://example.org/img/a.jpg\" alt=\"A &amp; B\" width=\"640\" height=\"360\">"), "{h}");
    assert!(h.contains("<img src=\"https://example.org/news/b.jpg\" alt=\"\">"), "{h}");
    assert!(h.contains("src=\"https://example.org/news/c-1200.jpg\""), "{h}");
    assert!(h.contains("src=\"https://example.org/news/d2.jpg\""), "{h}");
    assert!(h.contains("src=\"https://cdn.example.net/e.png\""), "{h}");
    assert!(h.contains("<img src=\"https://example.org/news/f2.webp\" alt=\"pic\">"), "{h}");
    assert!(!h.contains("pixel.gif") && !h.contains("data:image/gif"), "{h}");
    assert!(!h.contains("<source") && !h.contains("<picture") && !h.contains("class="), "{h}");
    assert!(h.contains("<img src=\"https://example.org/real.jpg\" alt=\"real\">"), "{h}");
    assert_eq!(h.matches("<img").count(), 7, "{h}");
}

#[test]
fn code_blocks_keep_their_text_verbatim() {
    let code = "fn main() {\n    let x = a < b && c > d;\n\n\tprintln!(\"{x}\");\n}";
    let escaped = code.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let page = "<p>Before.</p><pre class=\"lang-rust\"><code><span class=k>fn</span> main() {\n    let x = a &lt; b &amp;&amp; c &gt; d;\n\n\tprintln!(\"{x}\");\n}</code></pre><p>Inline <code>a  &lt;b&gt;</code>.</p>";
    let r = read(page);
    let html_code = escaped.replace('"', "&quot;");
    assert!(r.html.contains(&format!("<pre><code>{html_code}</code></pre>")), "{}", r.html);
    assert!(r.text.contains(&format!("\n\n{code}\n\n")), "{:?}", r.text);
    assert!(r.text.ends_with("Inline a <b>."), "{:?}", r.text);
    let m = md(page);
    assert!(m.contains(&format!("```\n{code}\n```")), "{m}");
    assert!(m.contains("Inline `a <b>`."), "{m}");
}

#[test]
fn tables_keep_structure() {
    let page = "<table><caption>Results</caption><thead><tr><th>Name</th><th>Score</th></tr></thead>\
        <tbody><tr><td colspan=\"2\" rowspan=\"1\" style=\"x\">Span | all</td></tr>\
        <tr><td>Ann</td><td><b>9</b></td></tr></tbody></table>";
    let r = read(page);
    assert!(r.html.contains("<table>\n<caption>Results</caption>\n<thead>\n<tr>\n<th>Name</th>\n<th>Score</th>\n</tr>"), "{}", r.html);
    assert!(r.html.contains("<td colspan=\"2\">Span | all</td>"), "{}", r.html);
    assert_eq!(r.text, "Results\n\nName | Score\n\nSpan | all\n\nAnn | 9");
    let m = md(page);
    assert!(m.contains("Results\n\n| Name | Score |\n| --- | --- |\n| Span \\| all |  |\n| Ann | **9** |"), "{m}");
}

#[test]
fn layout_tables_are_unwrapped() {
    let r = read("<table><tr><td><p>First paragraph.</p><p>Second.</p></td></tr></table>\
        <table role=presentation><tr><td>Left</td><td>Right</td></tr></table>");
    assert!(!r.html.contains("<table") && !r.html.contains("<td"), "{}", r.html);
    assert_eq!(r.text, "First paragraph.\n\nSecond.\n\nLeft\n\nRight");
}

#[test]
fn figures_keep_captions() {
    let r = read("<figure class=\"wp-block-image\"><a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"Ministry\"></a>\
        <figcaption>The ministry <em>in Prague</em>.</figcaption></figure>");
    assert!(r.html.contains("<figure>\n<a href=\"https://example.org/big.jpg\"><img src=\"https://example.org/small.jpg\" alt=\"Ministry\"></a><figcaption>The ministry <em>in Prague</em>.</figcaption>\n</figure>"), "{}", r.html);
    assert_eq!(r.text, "The ministry in Prague.");
}

#[test]
fn relative_links_resolve_against_the_page_url() {
    let r = read("<p><a href=\"../about\">about</a> <a href=\"/x?y=1#z\">root</a> <a href=\"#fn1\">1</a> \
        <a href=\"mailto:a@b.c\">mail</a> <a href=\"ftp://f.example/\">ftp</a> <a>bare</a></p>");
    let h = &r.html;
    assert!(h.contains("<a href=\"https://example.org/about\">about</a>"), "{h}");
    assert!(h.contains("<a href=\"https://example.org/x?y=1#z\">root</a>"), "{h}");
    assert!(h.contains("<a href=\"https://example.org/news/story.html#fn1\">1</a>"), "{h}");
    assert!(h.contains("<a href=\"mailto:a@b.c\">mail</a>"), "{h}");
    assert!(h.contains(" ftp ") && h.contains(" bare"), "unsafe or missing hrefs unwrap to text: {h}");
    let m = md("<p>See <a href=\"/a (1)\">the <em>docs</em></a>.</p>");
    assert_eq!(m.trim(), "See [the *docs*](https://example.org/a%20%281%29).");
}

#[test]
fn br_runs_become_paragraphs() {
    let r = read("<div>First line<br>same paragraph<br><br>Second paragraph<br> <br>\n<br>Third</div>\
        <p><br>Lead br dropped<br></p><p>In a p<br><br>split here</p>");
    assert_eq!(
        strip_ids(r.html.trim()),
        "<p>First line<br>same paragraph</p>\n<p>Second paragraph</p>\n<p>Third</p>\n\
         <p>Lead br dropped</p>\n<p>In a p</p>\n<p>split here</p>"
    );
    assert!(r.html.contains("<p id=\"sift-"), "short paragraphs keep their anchor: {}", r.html);
    assert_eq!(r.text, "First line\nsame paragraph\n\nSecond paragraph\n\nThird\n\nLead br dropped\n\nIn a p\n\nsplit here");
}

#[test]
fn direction_and_language_are_kept_when_valid() {
    let r = read("<p dir=\"RTL\" lang=\"ar\">مرحبا</p><p dir=\"sideways\" lang=\"en&quot; onclick=&quot;x\">x</p>\
        <blockquote dir=\"ltr\" lang=\"en-GB\">q</blockquote>");
    let h = strip_ids(&r.html);
    assert!(h.contains("<p dir=\"rtl\" lang=\"ar\">مرحبا</p>"), "{h}");
    assert!(h.contains("<p>x</p>"), "invalid values are dropped: {h}");
    assert!(h.contains("<blockquote dir=\"ltr\" lang=\"en-GB\">"), "{h}");
}

#[test]
fn lists_keep_numbering_and_nesting() {
    let page = "<ol start=\"3\"><li>Three</li><li>Four<ul><li>sub</li></ul></li></ol><dl><dt>Term</dt><dd>Def</dd></dl>";
    let r = read(page);
    assert!(r.html.contains("<ol start=\"3\">\n<li>Three</li>\n<li>Four<ul>\n<li>sub</li>\n</ul>\n</li>\n</ol>"), "{}", r.html);
    assert_eq!(r.text, "Three\n\nFour\n\nsub\n\nTerm\n\nDef");
    assert_eq!(md(page), "3. Three\n4. Four\n   - sub\n\n**Term**\n\n: Def\n");
}

#[test]
fn embeds_become_link_paragraphs() {
    let r = read("<p>Watch:</p><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0\"></iframe>\
        <iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>\
        <iframe src=\"https://ads.example/banner\"></iframe>\
        <iframe src=\"https://www.facebook.com/plugins/comments.php?href=x\"></iframe>\
        <video><source src=\"/clip.mp4\"></video>");
    assert!(r.html.contains("<p>Video: <a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>"), "{}", r.html);
    assert!(r.html.contains("<p>Video: <a href=\"https://vimeo.com/76979871\">"), "{}", r.html);
    assert!(r.html.contains("<p>Video: <a href=\"https://example.org/clip.mp4\">"), "{}", r.html);
    assert!(!r.html.contains("ads.example") && !r.html.contains("facebook"), "{}", r.html);
    assert_eq!(r.text, "Watch:", "embeds are links, not article text");
}

#[test]
fn clutter_hidden_and_empty_nodes_are_skipped() {
    let s = snap("<body><div id=\"art\"><p>Kept paragraph.</p><div class=\"share\"><a href=\"/s\">Share</a></div>\
        <p hidden>Hidden text.</p><p style=\"display: none\">Also hidden.</p>\
        <div><span> </span><p>  </p><div><br></div></div><p>End.</p></div></body>");
    let share = (0..s.len() as NodeId).find(|&i| s.attr(i, "class") == Some("share")).unwrap();
    let clutter = [Clutter { node: share, kind: ClutterKind::Share, reason: Reason::new("share", "test") }];
    let art = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("art")).unwrap();
    let r = build(&s, art, &clutter, &Metadata::default());
    assert_eq!(r.text, "Kept paragraph.\n\nEnd.");
    assert_eq!(r.html.matches("<p").count(), 2, "{}", r.html);
    // Clutter containing the root itself is ignored rather than blanking the article.
    let around = [Clutter { node: s.body(), kind: ClutterKind::Widget, reason: Reason::new("w", "test") }];
    assert!(build(&s, art, &around, &Metadata::default()).text.contains("Kept paragraph."));
}

#[test]
fn blockquotes_and_inline_markup() {
    let page = "<blockquote><p>Quoted <em>text</em></p><p>more</p></blockquote>\
        <p>H<sub>2</sub>O and x<sup>2</sup>, <mark>marked</mark>, <s>old</s>, <kbd>Ctrl</kbd>, \
        <q>quote</q>, <time datetime=\"2024-05-01\">May 1</time>, <span class=x>plain</span></p>";
    let r = read(page);
    assert!(strip_ids(&r.html).contains("<blockquote>\n<p>Quoted <em>text</em></p>\n<p>more</p>\n</blockquote>"), "{}", r.html);
    assert!(r.html.contains("H<sub>2</sub>O and x<sup>2</sup>, <mark>marked</mark>, <s>old</s>, <kbd>Ctrl</kbd>, <q>quote</q>, <time datetime=\"2024-05-01\">May 1</time>, plain"), "{}", r.html);
    assert_eq!(md("<p><b>x <b>nested</b></b> <b><strong>twice</strong></b></p>").trim(), "**x nested** **twice**");
    let m = md(page);
    assert!(m.starts_with("> Quoted *text*\n>\n> more\n\nH2O"), "{m}");
    assert!(m.contains("~~old~~, `Ctrl`"), "{m}");
}

#[test]
fn loose_text_and_unknown_elements_are_wrapped_in_paragraphs() {
    let r = read("Loose text<section><h2>S</h2>inner text<article-body>custom block</article-body></section>");
    assert_eq!(r.text, "Loose text\n\nS\n\ninner text\n\ncustom block");
    assert!(r.html.starts_with("<p>Loose text</p>\n<h2"), "{}", r.html);
}

#[test]
fn deep_nesting_does_not_overflow() {
    // Built directly (the HTML parser is slow on hostile depth; this tests our walk).
    let depth = 20_000;
    let mut b = crate::snapshot::SnapshotBuilder::new();
    let html = b.element(None, "html", [], false).unwrap();
    let body = b.element(Some(html), "body", [], false).unwrap();
    let mut parent = body;
    for k in 0..depth {
        parent = b.element(Some(parent), if k % 2 == 0 { "blockquote" } else { "div" }, [], false).unwrap();
    }
    let em = b.element(Some(parent), "em", [], false).unwrap();
    b.text(em, "deep text").unwrap();
    let s = b.finish();
    let r = build(&s, body, &[], &Metadata::default());
    assert_eq!(r.text, "deep text");
    assert_eq!(r.html.matches("<blockquote>").count(), depth / 2);
    assert!(markdown(&s, body, &[], &Metadata::default()).contains("*deep text*"));

    // Deep inline nesting: one mark, not 20,000.
    let mut b = crate::snapshot::SnapshotBuilder::new();
    let html = b.element(None, "html", [], false).unwrap();
    let body = b.element(Some(html), "body", [], false).unwrap();
    let p = b.element(Some(body), "p", [], false).unwrap();
    let mut parent = p;
    for _ in 0..depth {
        parent = b.element(Some(parent), "b", [], false).unwrap();
    }
    b.text(parent, "bold").unwrap();
    let s = b.finish();
    assert_eq!(markdown(&s, body, &[], &Metadata::default()).trim(), "**bold**");
    assert_eq!(build(&s, body, &[], &Metadata::default()).text, "bold");
}

#[test]
fn out_of_range_root_gives_an_empty_document() {
    let s = snap("<p>x</p>");
    let r = build(&s, s.len() as NodeId + 5, &[], &Metadata::default());
    assert!(r.html.is_empty() && r.text.is_empty());
}

#[test]
fn base_element_sets_the_base_and_a_script_base_is_ignored() {
    let r = read("<html><head><base href=\"/docs/\"></head><body><p><a href=\"guide.html\">g</a></p></body></html>");
    assert!(r.html.contains("<a href=\"https://example.org/docs/guide.html\">g</a>"), "{}", r.html);
    let r = read("<html><head><base href=\"javascript:alert(1)//\"></head><body><p><a href=\"x.html\">x</a></p></body></html>");
    assert!(r.html.contains("<a href=\"https://example.org/news/x.html\">x</a>"), "{}", r.html);
}

#[test]
fn footnote_links_point_inside_the_reader_document() {
    let s = snap("<body><p>Claim<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup> and <a href=\"#elsewhere\">out</a>.</p>\
        <ol><li id=\"fn1\">Source. <a href=\"#ref1\">back</a></li></ol>\
        <p><a href=\"#old\">old style</a></p><p><a name=\"old\"></a>Target text of the old style anchor.</p></body>");
    let r = build(&s, s.body(), &[], &Metadata::default());
    let id_of = |v: &str| (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some(v) || s.attr(i, "name") == Some(v)).unwrap();
    let (fn1, ref1, old) = (id_of("fn1"), id_of("ref1"), id_of("old"));
    assert!(r.html.contains(&format!("<a href=\"#sift-{fn1}\" id=\"sift-{ref1}\">1</a>")), "{}", r.html);
    assert!(r.html.contains(&format!("<li id=\"sift-{fn1}\">Source. <a href=\"#sift-{ref1}\">back</a></li>")), "{}", r.html);
    assert!(r.html.contains("<a href=\"https://example.org/news/story.html#elsewhere\">out</a>"), "{}", r.html);
    assert!(r.html.contains(&format!("<a href=\"#sift-{old}\">old style</a>")), "{}", r.html);
    assert!(r.html.contains(&format!("<span id=\"sift-{old}\"></span>Target text")), "{}", r.html);
}

#[test]
fn one_walk_gives_the_same_outputs() {
    let s = snap("<body><h1>T</h1><p>Para <a href=\"/x\">link</a>.</p><ul><li>a</li></ul></body>");
    let meta = Metadata { title: Some("Other".into()), ..Metadata::default() };
    let (doc, md) = build_with_markdown(&s, s.body(), &[], &meta);
    let alone = build(&s, s.body(), &[], &meta);
    assert_eq!((doc.html, doc.text), (alone.html, alone.text));
    assert_eq!(md, markdown(&s, s.body(), &[], &meta));
    assert!(md.starts_with("# Other\n\n# T\n\nPara [link](https://example.org/x).\n\n- a"), "{md}");
}

// ---------------------------------------------------------------- leading meta blocks

const PROSE: &str = "The first paragraph of the story is long enough to count as prose, well over eighty characters of it.";

fn meta_full() -> Metadata {
    Metadata {
        title: Some("Ministry Accused of Cyber Campaign".into()),
        byline: Some("Jane Roe".into()),
        published: Some("2025-07-02T08:15:00+07:00".into()),
        ..Metadata::default()
    }
}

fn text_with(body: &str, meta: &Metadata) -> String {
    let s = snap(&format!("<body>{body}</body>"));
    build(&s, s.body(), &[], meta).text
}

#[test]
fn leading_byline_date_and_category_blocks_are_left_out() {
    let body = format!(
        "<header><div class=cat><a href=/c/tech/>Technology</a></div><h1>Ministry Accused of Cyber Campaign</h1>\
         <div class=meta><span class=author><a href=/u/jr>Jane Roe</a></span> <span>&#10003;</span> \
         <time datetime=2025-07-02>2 Juli 2025 - 08:15 WIB</time></div></header>\
         <figure><img src=/a.jpg alt=x><figcaption>Ministry Accused of Cyber Campaign</figcaption></figure>\
         <p>{PROSE}</p>"
    );
    let text = text_with(&body, &meta_full());
    assert_eq!(text, PROSE, "category link, byline/date line and the caption repeating the title go");
    let s = snap(&format!("<body>{body}</body>"));
    assert!(build(&s, s.body(), &[], &meta_full()).html.contains("<img src=\"https://example.org/a.jpg\""), "the image stays");
}

#[test]
fn meta_blocks_go_by_markup_or_by_metadata_text() {
    let m = meta_full();
    // Marked: rel=author, itemprop, <address>; "By" / "Updated" are left over and allowed.
    for block in [
        "<p>By <a rel=author href=/x>J. Roe</a></p>",
        "<div>Von <span itemprop=author>J. R.</span>, <span itemprop=datePublished>02.07.2025</span></div>",
        "<address>Jane Roe, Prague</address>",
        "<p>Updated <time>yesterday</time></p>",
        // Unmarked, but the metadata's byline and the date's year are in it.
        "<p>BY JANE ROE | July 2, 2025, 8:15 a.m.</p>",
    ] {
        let text = text_with(&format!("{block}<p>{PROSE}</p>"), &m);
        assert_eq!(text, PROSE, "{block}");
    }
}

#[test]
fn meta_blocks_stay_when_the_header_would_not_show_them_or_they_are_content() {
    let cases: [(&str, Metadata); 6] = [
        // No byline / date in the metadata: the header would not show them.
        ("<p>By <a rel=author href=/x>Jane Roe</a></p>", Metadata { title: Some("T".into()), ..Metadata::default() }),
        ("<p><time>2 July 2025</time></p>", Metadata { byline: Some("Jane Roe".into()), ..Metadata::default() }),
        // A short sentence that merely mentions the year.
        ("<p>In 2025 the ministry changed its whole network.</p>", meta_full()),
        // A single link below the title heading that is not marked as a category.
        ("<h2>Background</h2><p><a href=/report>Read the full report</a></p>", meta_full()),
        // A list of links is structure, not a meta line.
        ("<ul><li><a href=/a>Jane Roe</a></li></ul>", meta_full()),
        // A byline-like line after the first paragraph is not leading.
        ("", meta_full()),
    ];
    for (block, meta) in cases {
        let body = format!("{block}<p>{PROSE}</p><p>By <a rel=author href=/x>Jane Roe</a></p>");
        let text = text_with(&body, &meta);
        let kept_block = text_with(block, &Metadata::default());
        assert!(text.starts_with(&kept_block), "{block}: {text}");
        assert!(text.ends_with("By Jane Roe"), "{block}: {text}");
    }
}

#[test]
fn a_marked_category_link_goes_below_the_title_too() {
    let body = format!("<h1>Ministry Accused of Cyber Campaign</h1><div><a href=/tag/x rel=tag>Cyber security</a></div><p>{PROSE}</p>");
    assert_eq!(text_with(&body, &meta_full()), PROSE);
    // Unmarked, it stays: below the title a lone link may be content.
    let body = body.replace(" rel=tag", "");
    assert_eq!(text_with(&body, &meta_full()), format!("Cyber security\n\n{PROSE}"));
}

// ---------------------------------------------------------------- noscript images

/// A body with a placeholder `<img>` (attributes given) and a `<noscript>` holding `raw` as text
/// (as a snapshot builder that keeps noscript text would record it), then a paragraph.
fn noscript_snap(img: &[(&str, &str)], raw: &str, noscript_hidden: bool) -> Snapshot {
    use crate::snapshot::SnapshotBuilder;
    let mut b = SnapshotBuilder::new().with_url(Some(URL.into()));
    let html = b.element(None, "html", [], false).expect("element");
    let body = b.element(Some(html), "body", [], false).expect("element");
    let fig = b.element(Some(body), "figure", [], false).expect("element");
    b.element(Some(fig), "img", img.iter().copied(), false).expect("element");
    let ns = b.element(Some(fig), "noscript", [], noscript_hidden).expect("element");
    b.text(ns, raw).expect("text");
    let p = b.element(Some(body), "p", [], false).expect("element");
    b.text(p, "Body.").expect("text");
    b.finish()
}

fn noscript_html(img: &[(&str, &str)], raw: &str) -> String {
    let s = noscript_snap(img, raw, true);
    build(&s, s.body(), &[], &Metadata::default()).html
}

#[test]
fn noscript_images_are_recovered_when_no_sibling_shows_one() {
    let placeholder = [("src", "data:image/gif;base64,R0lGODlhAQABAAAAACw="), ("width", "1"), ("height", "1")];
    let h = noscript_html(&placeholder, r#"<IMG class="x" alt='A "cat"' src="/i/cat.jpg?w=800&amp;q=80" width=800 height="600" onerror="alert(1)">"#);
    assert!(
        h.contains(r#"<img src="https://example.org/i/cat.jpg?w=800&amp;q=80" alt="A &quot;cat&quot;" width="800" height="600">"#),
        "{h}"
    );
    assert!(!h.contains("onerror") && !h.contains("class"), "{h}");
    // srcset only
    let h = noscript_html(&[], r#"<img srcset="/s.jpg 400w, /l.jpg 1200w" alt="">"#);
    assert!(h.contains("/l.jpg") || h.contains("/s.jpg"), "{h}");
    // The sibling already shows the image: no duplicate.
    let h = noscript_html(&[("data-src", "/real.jpg")], r#"<img src="/real.jpg">"#);
    assert_eq!(h.matches("<img").count(), 1, "{h}");
}

#[test]
fn noscript_content_that_is_not_a_safe_image_is_dropped() {
    for raw in [
        r#"<img src="javascript:alert(1)">"#,
        r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#,
        r#"<img src=" jav&#x61;script:alert(1)">"#,
        r#"<img src="https://t.example/px" width="1" height="1">"#,
        r#"<iframe src="https://www.googletagmanager.com/ns.html"></iframe>"#,
        r#"<imgx src="/a.jpg">"#,
        "Please enable JavaScript.",
        r#"<img src="/a.jpg"#,
    ] {
        let h = noscript_html(&[], raw);
        assert!(!h.contains("<img"), "{raw}: {h}");
        assert!(unsafe_constructs(&h).is_empty(), "{raw}: {h}");
    }
}

#[test]
fn a_noscript_image_replaces_the_preview_just_before_it() {
    use crate::snapshot::SnapshotBuilder;
    // <figure><div><div><img src=thumb></div><img><noscript>real</noscript></div></figure>
    let mut b = SnapshotBuilder::new().with_url(Some(URL.into()));
    let html = b.element(None, "html", [], false).expect("element");
    let body = b.element(Some(html), "body", [], false).expect("element");
    let fig = b.element(Some(body), "figure", [], false).expect("element");
    let wrap = b.element(Some(fig), "div", [], false).expect("element");
    let thumb = b.element(Some(wrap), "div", [], false).expect("element");
    b.element(Some(thumb), "img", [("src", "/max/60/a.png?q=20")], false).expect("element");
    b.element(Some(wrap), "img", [("width", "900")], false).expect("element");
    let ns = b.element(Some(wrap), "noscript", [], true).expect("element");
    b.text(ns, r#"<img src="/max/1800/a.png" width="900" height="400">"#).expect("text");
    let s = b.finish();
    let h = build(&s, s.body(), &[], &Metadata::default()).html;
    assert_eq!(h.matches("<img").count(), 1, "{h}");
    assert!(h.contains(r#"src="https://example.org/max/1800/a.png""#), "{h}");
}
