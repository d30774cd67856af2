use super::*;
use crate::html::parse;
use crate::snapshot::Tag;

/// The reference article's sections: (Roman heading, numbered subsections).
const SECTIONS: &[(&str, &[&str])] = &[
    ("I. The Cyberattack: Details and Accusations", &["1. Czech Foreign Ministry Points to APT31", "2. Strong Condemnation from Czech Officials"]),
    ("II. China’s Denial and International Reactions", &["1. Beijing Denies Involvement", "2. U.S. Joins Czech Republic in Condemnation", "3. NATO and EU Express Solidarity"]),
    ("III. A Pattern of Cyber Intrusions", &["1. Previous Attacks on Czech Officials", "2. Persistent Threats from State-Sponsored Hackers", "3. The Role of Critical Infrastructure in National Security"]),
    ("IV. The Global Response to Cyber Aggression", &["1. Elevating Cybersecurity in Foreign Policy", "2. Legal and Diplomatic Challenges Ahead", "3. The Call for International Cyber Norms"]),
];
const TITLE: &str = "Czech Republic Accuses China of Malicious Cyber Campaign Targeting Its Foreign Ministry";
const PARA: &str = "<p>Officials said the operation began in 2022 and compromised critical government systems, prompting reactions from allies.</p>";

/// The reference page's shape: `section(top, sub)` renders the section headings.
fn reference(section: impl Fn(&str, bool) -> String) -> String {
    let mut body = format!("<article><h1>{TITLE}</h1>{PARA}");
    for (top, subs) in SECTIONS {
        body += &section(top, true);
        for s in *subs {
            body += &section(s, false);
            body += PARA;
        }
    }
    body += &section("Conclusion", true);
    body += PARA;
    body += "</article><aside><h2>Baca Lainnya</h2><h3><a href='/x'>Other story</a></h3></aside>";
    format!("<html><head><title>{TITLE} - Tech News</title></head><body>{body}</body></html>")
}

fn outline_of(html: &str) -> Vec<(u8, String)> {
    let snap = parse(html, None).expect("parse");
    let root = (0..snap.len() as u32).find(|&i| snap.tag(i) == Tag::Article).unwrap_or(snap.body());
    build(&snap, root, &[]).into_iter().map(|e| (e.level, e.text)).collect()
}

fn expected_reference() -> Vec<(u8, String)> {
    let mut v = Vec::new();
    for (top, subs) in SECTIONS {
        v.push((1, top.to_string()));
        v.extend(subs.iter().map(|s| (2, s.to_string())));
    }
    v.push((1, "Conclusion".to_string()));
    v
}

#[test]
fn reference_page_with_real_headings() {
    let html = reference(|t, top| if top { format!("<h2>{t}</h2>") } else { format!("<h3>{t}</h3>") });
    let got = outline_of(&html);
    assert_eq!(got.len(), 16);
    assert_eq!(got, expected_reference());
}

#[test]
fn reference_page_with_bold_paragraph_headings() {
    let html = reference(|t, _| format!("<p><strong>{t}</strong></p>"));
    assert_eq!(outline_of(&html), expected_reference());
}

#[test]
fn reference_page_with_flat_h2_headings_nests_by_numbering() {
    let html = reference(|t, _| format!("<h2>{t}</h2>"));
    let got = outline_of(&html);
    // Numbered h2s nest by numbering; the unnumbered "Conclusion" h2 closes everything.
    assert_eq!(got, expected_reference());
}

#[test]
fn levels_are_repaired() {
    let got = outline_of("<article><h3>Intro</h3><p>x</p><h5>Deep</h5><h2>Top</h2><h4>Child</h4><h4>Child 2</h4><h3>Mid</h3></article>");
    let levels: Vec<u8> = got.iter().map(|e| e.0).collect();
    assert_eq!(levels, vec![1, 2, 1, 2, 2, 2]);
}

#[test]
fn dotted_numbers_nest_under_their_parent_and_letters_below() {
    let got = outline_of(
        "<article><p>1. Scope</p><p>1.1 Terms</p><p>1.2 Limits</p><p><b>A. First case</b></p><p><b>B. Second case</b></p>\
         <p>2. Method</p></article>",
    );
    let levels: Vec<(u8, &str)> = got.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        levels,
        vec![(1, "1. Scope"), (2, "1.1 Terms"), (2, "1.2 Limits"), (3, "A. First case"), (3, "B. Second case"), (1, "2. Method")]
    );
}

#[test]
fn roman_closes_inner_styles() {
    let got = outline_of("<article><p>a. one</p><p>1. two</p><p>I. three</p><p>II. four</p></article>");
    let levels: Vec<u8> = got.iter().map(|e| e.0).collect();
    assert_eq!(levels, vec![1, 1, 1, 1]);
}

#[test]
fn standalone_numbering_paragraph_and_bold_lead_line() {
    let got = outline_of("<article><p>IV.</p><p>Some long paragraph of text that goes on.</p><p><strong>Conclusion</strong><br>The end of it all.</p></article>");
    assert_eq!(got, vec![(1, "IV.".to_string()), (1, "Conclusion".to_string())]);
}

#[test]
fn sentences_emphasis_links_and_hidden_are_not_headings() {
    let got = outline_of(
        "<article><p><strong>This is just an emphasised sentence.</strong></p>\
         <p><strong><a href='/other'>Read also: another story</a></strong></p>\
         <h2 hidden>Hidden</h2><div style='display:none'><h2>Also hidden</h2></div>\
         <ul><li><h3>Teaser</h3></li></ul><p>In 2022 the attack began and spread.</p><h2>Real</h2></article>",
    );
    assert_eq!(got, vec![(1, "Real".to_string())]);
}

#[test]
fn clutter_subtrees_are_skipped() {
    use crate::analysis::{Clutter, ClutterKind};
    use crate::reason::Reason;
    let snap = parse("<body><div><h2>Body</h2><p>t</p></div><div id=r><h2>Trending</h2></div></body>", None).expect("parse");
    let r = (0..snap.len() as u32).find(|&i| snap.attr(i, "id") == Some("r")).expect("r");
    let clutter = [Clutter { node: r, kind: ClutterKind::Related, reason: Reason::new("test", "") }];
    let got: Vec<String> = build(&snap, snap.body(), &clutter).into_iter().map(|e| e.text).collect();
    assert_eq!(got, vec!["Body".to_string()]);
}

#[test]
fn whitespace_is_collapsed_and_ids_point_at_headings() {
    let snap = parse("<article><h2>  Two \n words </h2></article>", None).expect("parse");
    let o = build(&snap, snap.body(), &[]);
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].text, "Two words");
    assert_eq!(snap.tag(o[0].id), Tag::H2);
}

#[test]
fn title_heading_is_dropped_in_any_document_title_form() {
    let html = "<html><head><title>Mozilla - Wikipedia, the free encyclopedia</title></head>\
                <body><article><h1>Mozilla</h1><p>x</p><h2>History</h2></article></body></html>";
    assert_eq!(outline_of(html), vec![(1, "History".to_string())]);
    let html = "<html><head><title>Daily Planet | Mild winter ahead</title></head>\
                <body><article><h1>Mild winter ahead</h1><h2>Details</h2><h1>Mild</h1></article></body></html>";
    assert_eq!(outline_of(html), vec![(1, "Details".to_string()), (1, "Mild".to_string())]);
}
