use super::*;
use crate::html::parse;

fn meta_of(html: &str) -> Metadata {
    let snap = parse(html, None).expect("parse");
    extract(&snap, None)
}

#[test]
fn title_suffix_is_stripped_from_document_title() {
    let m = meta_of("<html><head><title>Czech Republic Accuses China of Cyber Campaign - Tech News</title></head><body><p>x</p></body></html>");
    assert_eq!(m.title.as_deref(), Some("Czech Republic Accuses China of Cyber Campaign"));
    let m = meta_of("<title>The Long Road Home Tonight | The Daily Example</title>");
    assert_eq!(m.title.as_deref(), Some("The Long Road Home Tonight"));
}

#[test]
fn short_title_keeps_its_site_part() {
    let m = meta_of("<title>Home | Example Site</title>");
    assert_eq!(m.title.as_deref(), Some("Home | Example Site"));
}

#[test]
fn site_prefix_is_removed_when_the_rest_is_short_otherwise() {
    let m = meta_of("<title>Example - Why the sky is blue at noon</title>");
    assert_eq!(m.title.as_deref(), Some("Why the sky is blue at noon"));
}

#[test]
fn og_title_is_preferred_and_site_name_suffix_removed() {
    let m = meta_of(
        "<head><title>Old title - Site</title><meta property='og:title' content='Real Title of the Story | Daily Planet'>\
         <meta property='og:site_name' content='Daily Planet'></head>",
    );
    assert_eq!(m.title.as_deref(), Some("Real Title of the Story"));
    assert_eq!(m.site_name.as_deref(), Some("Daily Planet"));
}

#[test]
fn json_ld_graph_and_arrays() {
    let m = meta_of(
        r#"<head><title>x - y</title><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":"Headline From LD","datePublished":"2024-05-01T10:00:00Z",
           "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],
           "publisher":{"@type":"Organization","name":"The Paper"},
           "image":[{"@type":"ImageObject","url":"https://cdn.example/a.jpg"}]}]}
        </script></head><body></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Headline From LD"));
    assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Chen"));
    assert_eq!(m.published.as_deref(), Some("2024-05-01T10:00:00Z"));
    assert_eq!(m.site_name.as_deref(), Some("The Paper"));
    assert_eq!(m.lead_image.as_deref(), Some("https://cdn.example/a.jpg"));
}

#[test]
fn json_ld_garbage_is_ignored() {
    let m = meta_of(
        r#"<head><title>A Perfectly Normal Title Here</title>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
        <script type="application/ld+json">[1, "x", null, {"@type": 5}]</script></head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("A Perfectly Normal Title Here"));
    assert_eq!(m.byline, None);
}

#[test]
fn byline_from_meta_and_document() {
    let m = meta_of("<head><meta name='author' content='Jane Roe'></head><body><p>x</p></body>");
    assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
    let m = meta_of("<body><article><p class='byline'>By John Smith</p><p>Text text text.</p></article></body>");
    assert_eq!(m.byline.as_deref(), Some("John Smith"));
    let m = meta_of("<body><article><a rel='author' href='/u/1'>Mia Wong</a><p>Text.</p></article></body>");
    assert_eq!(m.byline.as_deref(), Some("Mia Wong"));
}

#[test]
fn published_from_time_element() {
    let m = meta_of("<body><article><time datetime='2025-07-02T08:15:00+07:00'>2 Juli</time><p>x</p></article></body>");
    assert_eq!(m.published.as_deref(), Some("2025-07-02T08:15:00+07:00"));
}

#[test]
fn rtl_from_lang_and_dir_attribute() {
    let m = meta_of("<html lang='ar-EG'><body><p>مرحبا</p></body></html>");
    assert_eq!(m.lang.as_deref(), Some("ar-EG"));
    assert_eq!(m.dir.as_deref(), Some("rtl"));
    let m = meta_of("<html lang='en'><body dir='rtl'><p>x</p></body></html>");
    assert_eq!(m.dir.as_deref(), Some("rtl"));
    let m = meta_of("<html lang='fr'><body><p>x</p></body></html>");
    assert_eq!(m.dir.as_deref(), Some("ltr"));
}

#[test]
fn lead_image_resolves_relative_to_the_page() {
    let snap = parse(
        "<head><meta property='og:image' content='../img/lead.jpg?w=800'></head><body></body>",
        Some("https://news.example/2024/05/story.html"),
    )
    .expect("parse");
    let m = extract(&snap, None);
    assert_eq!(m.lead_image.as_deref(), Some("https://news.example/2024/img/lead.jpg?w=800"));
    let snap = parse("<body><article><img src='tiny.png' width='16'><img src='/big.jpg'></article></body>", Some("http://a.example/x/y"))
        .expect("parse");
    assert_eq!(extract(&snap, None).lead_image.as_deref(), Some("http://a.example/big.jpg"));
}

#[test]
fn excerpt_from_description_or_first_paragraph() {
    let m = meta_of("<head><meta name='description' content='Short summary.'></head>");
    assert_eq!(m.excerpt.as_deref(), Some("Short summary."));
    let m = meta_of("<body><p>Hi</p><p>This is the first real paragraph of the article body.</p></body>");
    assert_eq!(m.excerpt.as_deref(), Some("This is the first real paragraph of the article body."));
}

#[test]
fn cjk_words_count_per_character() {
    let mut m = Metadata::default();
    count_words(&mut m, "日本語の文章です hello world");
    assert_eq!(m.word_count, 8 + 2);
    assert_eq!(m.reading_minutes, 1);
    count_words(&mut m, "한국어 텍스트");
    assert_eq!(m.word_count, 6);
    count_words(&mut m, "");
    assert_eq!((m.word_count, m.reading_minutes), (0, 0));
}

#[test]
fn reading_time_rates() {
    assert_eq!(reading_minutes(230, 0), 1);
    assert_eq!(reading_minutes(231, 0), 2);
    assert_eq!(reading_minutes(0, 1000), 2);
    assert_eq!(reading_minutes(1, 0), 1);
}

#[test]
fn url_resolution() {
    assert_eq!(resolve_url("https://a.example/b/c?q#f", "d"), "https://a.example/b/d");
    assert_eq!(resolve_url("https://a.example/b/c", "//cdn.example/x"), "https://cdn.example/x");
    assert_eq!(resolve_url("https://a.example", "x.png"), "https://a.example/x.png");
    assert_eq!(resolve_url("https://a.example/b/c", "http://z.example/"), "http://z.example/");
    assert_eq!(resolve_url("https://a.example/b/c/", "../../../x"), "https://a.example/x");
}

#[test]
fn site_name_from_title_suffix_and_byline_from_author_link() {
    let m = meta_of(
        "<head><title>Czech Republic Accuses China of Cyber Campaign - Tech News</title></head>\
         <body><article><h1>Czech Republic Accuses China of Cyber Campaign</h1>\
         <div><a href='/author/redaksi/'>Redaksi Tech News</a></div><p>Text.</p></article></body>",
    );
    assert_eq!(m.site_name.as_deref(), Some("Tech News"));
    assert_eq!(m.byline.as_deref(), Some("Redaksi Tech News"));
    let m = meta_of("<body><article><a href='https://x.example/authors'>Everyone</a><a href='/2024/author-interview'>Talk</a></article></body>");
    assert_eq!(m.byline.as_deref(), Some("Everyone"));
    let m = meta_of("<body><article><a href='/2024/author-interview'>Talk</a></article></body>");
    assert_eq!(m.byline, None);
}
