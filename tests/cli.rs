//! The `sift` command line: exit codes, formats, standard input, error messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><title>A test story - Example News</title>
<style>body { color: black }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav>
<article>
<h1>A test story</h1>
<p>The first paragraph of the story explains what happened, in enough words to look like real prose.</p>
<h2>Background</h2>
<p>The second paragraph gives the background, again long enough to count as a sentence or two of text.</p>
<p>The third paragraph closes the story with a quote &amp; a "remark" that must survive escaping.</p>
</article>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer>
</body></html>"#;

fn sift() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sift"))
}

fn run(args: &[&str]) -> Output {
    sift().args(args).output().expect("run sift")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = sift()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sift");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait")
}

/// A file under the test's own temporary folder.
fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sift-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write temp file");
    p
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

#[test]
fn read_text_is_the_article_without_navigation() {
    let p = temp_file("story.html", PAGE.as_bytes());
    let o = run(&["read", p.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    assert!(text.contains("The first paragraph of the story"), "{text}");
    assert!(text.contains("closes the story"), "{text}");
    assert!(!text.contains("Contact"), "footer leaked: {text}");
    assert!(!text.contains("World"), "menu leaked: {text}");
}

#[test]
fn read_from_stdin_matches_read_from_file() {
    let p = temp_file("story-stdin.html", PAGE.as_bytes());
    let from_file = run(&["read", p.to_str().unwrap(), "--format", "text"]);
    let from_stdin = run_stdin(&["read", "-", "--format", "text"], PAGE.as_bytes());
    assert!(from_stdin.status.success());
    assert_eq!(stdout(&from_file), stdout(&from_stdin));
}

#[test]
fn read_json_is_the_camel_case_analysis() {
    let o = run_stdin(&["read", "-", "--format", "json", "--url", "https://example.org/story"], PAGE.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    for key in ["article", "verdict", "clutter", "outline", "metadata", "reader"] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    assert!(v["metadata"].get("wordCount").is_some(), "camelCase fields: {}", v["metadata"]);
    let root = v["article"]["root"].as_u64().expect("article root id");
    assert!(root > 0);
    assert!(v["article"]["reason"]["detail"].as_str().unwrap_or("").contains("<article>"), "{}", v["article"]);
}

#[test]
fn read_html_and_markdown_formats_exit_zero() {
    for f in ["html", "markdown"] {
        let o = run_stdin(&["read", "-", "--format", f], PAGE.as_bytes());
        assert!(o.status.success(), "--format {f}: {o:?}");
    }
}

#[test]
fn outline_json_is_a_list_of_entries() {
    let o = run_stdin(&["outline", "-", "--format", "json"], PAGE.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let list = v.as_array().expect("a JSON list");
    for e in list {
        assert!(e["level"].as_u64().is_some_and(|l| l >= 1), "{e}");
        assert!(e["text"].is_string() && e["id"].is_u64(), "{e}");
    }
    let o = run_stdin(&["outline", "-"], PAGE.as_bytes());
    assert!(o.status.success());
}

#[test]
fn explain_names_the_article_choice() {
    let o = run_stdin(&["explain", "-"], PAGE.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let text = stdout(&o);
    let first = text.lines().next().unwrap_or("");
    assert!(first.starts_with("article: node "), "{text}");
    assert!(first.contains("article") && first.contains("paragraph"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("verdict: ")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("clutter: ")), "{text}");
}

#[test]
fn clean_keeps_the_page_and_escapes_attributes() {
    let page = r#"<html><head><style>p{}</style></head><body><p title="a &quot;q&quot; &amp; b">Text &lt;here&gt;</p></body></html>"#;
    let o = run_stdin(&["clean", "-"], page.as_bytes());
    assert!(o.status.success(), "{o:?}");
    let html = stdout(&o);
    assert!(html.contains(r#"title="a &quot;q&quot; &amp; b""#), "{html}");
    assert!(html.contains("Text &lt;here&gt;"), "{html}");
    assert!(html.contains("<style>p{}</style>"), "styles are kept: {html}");
}

#[test]
fn missing_file_fails_with_one_line() {
    let o = run(&["read", "/nonexistent/sift/page.html"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("cannot read"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn binary_and_non_html_input_fail() {
    let o = run_stdin(&["read", "-"], b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not HTML"));
    let p = temp_file("notes.txt", b"just some plain words, no markup at all");
    let o = run(&["read", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = run_stdin(&["read", "-"], br#"{"a": "<b>"}"#);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn empty_and_odd_pages_exit_zero_with_empty_result() {
    for page in ["", "   \n", "<html></html>", "<div><span></span></div>", "<p>"] {
        let o = run_stdin(&["read", "-"], page.as_bytes());
        assert!(o.status.success(), "{page:?}: {o:?}");
        assert!(stdout(&o).trim().is_empty(), "{page:?}: {}", stdout(&o));
        let o = run_stdin(&["outline", "-"], page.as_bytes());
        assert!(o.status.success(), "{page:?}: {o:?}");
        let o = run_stdin(&["explain", "-"], page.as_bytes());
        assert!(o.status.success(), "{page:?}: {o:?}");
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate", "x.html"]).status.code(), Some(2));
    assert_eq!(run(&["read"]).status.code(), Some(2));
    assert_eq!(run(&["read", "-", "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(run(&["outline", "-", "--format", "markdown"]).status.code(), Some(2));
}
