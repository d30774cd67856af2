//! `sift`: the command-line tool on the core.
//!
//! ```text
//! sift read PAGE.html [--format text|html|markdown|json] [--url URL]
//! sift clean PAGE.html [--url URL]
//! sift outline PAGE.html [--format text|json] [--url URL]
//! sift explain PAGE.html [--url URL]
//! ```
//! `-` reads standard input. A missing or unreadable file, or one that is not HTML, exits 1 with
//! one line on stderr; usage errors exit 2; an empty or odd page exits 0 with an empty result.

use sift::snapshot::{NodeKind, Snapshot};
use sift::{Analysis, Config, NodeId};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: sift read|clean|outline|explain PAGE.html|- [--format FORMAT] [--url URL]";

/// Bytes looked at to tell binary files from text.
const SNIFF_BYTES: usize = 8192;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Command {
    Read,
    Clean,
    Outline,
    Explain,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Text,
    Html,
    Markdown,
    Json,
}

struct Args {
    command: Command,
    input: String,
    format: Format,
    url: Option<String>,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        Some("read") => Command::Read,
        Some("clean") => Command::Clean,
        Some("outline") => Command::Outline,
        Some("explain") => Command::Explain,
        Some("-h" | "--help" | "help") | None => return Err(USAGE.to_owned()),
        Some(other) => return Err(format!("unknown command '{other}'; {USAGE}")),
    };
    let mut input = None;
    let mut format = None;
    let mut url = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let v = it.next().ok_or("--format needs a value")?;
                format = Some(match v.as_str() {
                    "text" => Format::Text,
                    "html" => Format::Html,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format '{other}' (text, html, markdown, json)")),
                });
            }
            "--url" => url = Some(it.next().ok_or("--url needs a value")?.clone()),
            s if s.starts_with("--format=") => {
                return parse_args(&rewrite_eq(argv));
            }
            s if s.starts_with("--url=") => url = Some(s["--url=".len()..].to_owned()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'; {USAGE}")),
            s => {
                if input.replace(s.to_owned()).is_some() {
                    return Err(format!("one page at a time; {USAGE}"));
                }
            }
        }
    }
    let input = input.ok_or_else(|| format!("no page given; {USAGE}"))?;
    let format = format.unwrap_or(Format::Text);
    let allowed = match command {
        Command::Read => true,
        Command::Outline => matches!(format, Format::Text | Format::Json),
        Command::Clean => format == Format::Html || format == Format::Text,
        Command::Explain => matches!(format, Format::Text | Format::Json),
    };
    if !allowed {
        return Err(format!("format {format:?} is not available for this command"));
    }
    Ok(Args { command, input, format, url })
}

/// `--format=x` -> `--format x`.
fn rewrite_eq(argv: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in argv {
        match a.strip_prefix("--format=") {
            Some(v) => {
                out.push("--format".to_owned());
                out.push(v.to_owned());
            }
            None => out.push(a.clone()),
        }
    }
    out
}

/// Reads the page; `Err` is the one-line message for a missing, unreadable or non-HTML input.
fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut v = Vec::new();
        std::io::stdin().read_to_end(&mut v).map_err(|e| format!("cannot read standard input: {e}"))?;
        v
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let name = if path == "-" { "standard input" } else { path };
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(format!("{name} is not HTML (binary data)"));
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    let trimmed = text.trim_start();
    if !trimmed.is_empty() && !trimmed.contains('<') {
        return Err(format!("{name} is not HTML (no markup)"));
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Err(format!("{name} is not HTML (looks like JSON)"));
    }
    Ok(text)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("sift: {msg}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`sift read x | head`) is not an error worth a message.
            let _ = stdout.write_all(out.as_bytes());
            if !out.is_empty() && !out.ends_with('\n') {
                let _ = stdout.write_all(b"\n");
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("sift: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<String, String> {
    let html = read_input(&args.input)?;
    let snap = sift::html::parse(&html, args.url.as_deref()).map_err(|e| e.to_string())?;
    let analysis = sift::analyze(&snap, &Config::default()).map_err(|e| e.to_string())?;
    Ok(match args.command {
        Command::Read => match args.format {
            Format::Text => analysis.reader.text.clone(),
            Format::Html => analysis.reader.html.clone(),
            Format::Markdown => match &analysis.article {
                Some(a) => sift::reader::markdown(&snap, a.root, &analysis.clutter, &analysis.metadata),
                None => String::new(),
            },
            Format::Json => to_json(&analysis)?,
        },
        Command::Clean => clean(&html, &snap, &analysis),
        Command::Outline => match args.format {
            Format::Json => to_json(&analysis.outline)?,
            _ => outline_text(&analysis),
        },
        Command::Explain => match args.format {
            Format::Json => to_json(&serde_json::json!({
                "article": analysis.article,
                "verdict": analysis.verdict,
                "clutter": analysis.clutter,
            }))?,
            _ => explain(&snap, &analysis),
        },
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| format!("cannot serialize: {e}"))
}

fn outline_text(a: &Analysis) -> String {
    let mut out = String::new();
    for e in &a.outline {
        for _ in 1..e.level {
            out.push_str("  ");
        }
        out.push_str(&e.text);
        out.push('\n');
    }
    out
}

/// `div#main.post.entry` (the first two classes), for people reading decisions.
fn describe(snap: &Snapshot, id: NodeId) -> String {
    if id as usize >= snap.len() {
        return format!("#{id}?");
    }
    let mut s = snap.tag_name(id).to_owned();
    if let Some(v) = snap.attr(id, "id").filter(|v| !v.trim().is_empty()) {
        s.push('#');
        s.push_str(v.trim());
    }
    if let Some(c) = snap.attr(id, "class") {
        for cls in c.split_whitespace().take(2) {
            s.push('.');
            s.push_str(cls);
        }
    }
    s
}

fn explain(snap: &Snapshot, a: &Analysis) -> String {
    let mut out = String::new();
    match &a.article {
        Some(art) => out.push_str(&format!(
            "article: node {} {} (confidence {:.2}) - {}\n",
            art.root,
            describe(snap, art.root),
            art.confidence,
            art.reason
        )),
        None => out.push_str("article: none\n"),
    }
    if let Some(v) = &a.verdict {
        out.push_str(&format!(
            "verdict: {} - {}\n",
            if v.is_article { "article" } else { "not an article" },
            v.reason
        ));
    }
    out.push_str(&format!("clutter: {} decision(s)\n", a.clutter.len()));
    for c in &a.clutter {
        out.push_str(&format!(
            "  node {} {} [{}] - {}\n",
            c.node,
            describe(snap, c.node),
            c.kind.name(),
            c.reason
        ));
    }
    out
}

/// The input page with every clutter subtree removed, re-serialized by the HTML5 parser (so
/// scripts, styles and comments outside clutter stay, and attributes are escaped properly).
///
/// The snapshot numbers elements and kept text nodes in the order `html::parse` walks them; this
/// walk replays that numbering and checks each element's name against the snapshot. If they ever
/// disagree, it falls back to serializing the snapshot itself.
fn clean(html: &str, snap: &Snapshot, a: &Analysis) -> String {
    if snap.is_empty() {
        return String::new();
    }
    match clean_reparse(html, snap, a) {
        Some(s) => s,
        None => clean_from_snapshot(snap, a),
    }
}

fn clean_reparse(html: &str, snap: &Snapshot, a: &Analysis) -> Option<String> {
    use ego_tree::iter::Edge;
    use scraper::node::Node as PNode;
    let mut doc = scraper::Html::parse_document(html);
    let drop: std::collections::HashSet<NodeId> = a.clutter.iter().map(|c| c.node).collect();
    let mut to_detach = Vec::new();
    let mut next: NodeId = 0;
    // Mirrors html::parse: (keeps text?) per open element; None = not numbered.
    let mut stack: Vec<Option<bool>> = Vec::new();
    let mut root_seen = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                PNode::Element(el) => {
                    let name = el.name();
                    let parent = stack.last().copied().flatten();
                    if parent.is_none() && (root_seen || !stack.is_empty()) {
                        stack.push(None);
                        continue;
                    }
                    root_seen = true;
                    let id = next;
                    next += 1;
                    if id as usize >= snap.len() || !snap.tag_name(id).eq_ignore_ascii_case(name) {
                        return None;
                    }
                    if drop.contains(&id) {
                        to_detach.push(node.id());
                    }
                    if sift::html::keeps_children(name) {
                        stack.push(Some(sift::html::keeps_text(name, el.attr("type"))));
                    } else {
                        stack.push(None);
                    }
                }
                PNode::Text(_) => {
                    if let Some(Some(true)) = stack.last() {
                        if next as usize >= snap.len() || snap.node(next).kind != NodeKind::Text {
                            return None;
                        }
                        if drop.contains(&next) {
                            to_detach.push(node.id());
                        }
                        next += 1;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if matches!(node.value(), PNode::Element(_)) {
                    stack.pop();
                }
            }
        }
    }
    if next as usize != snap.len() {
        return None;
    }
    for id in to_detach {
        if let Some(mut n) = doc.tree.get_mut(id) {
            n.detach();
        }
    }
    Some(doc.html())
}

/// Fallback: the snapshot as HTML (script and style text is not in the snapshot).
fn clean_from_snapshot(snap: &Snapshot, a: &Analysis) -> String {
    let mut masked = vec![false; snap.len()];
    for c in &a.clutter {
        if (c.node as usize) < snap.len() {
            for i in snap.subtree(c.node) {
                masked[i as usize] = true;
            }
        }
    }
    let mut out = String::from("<!DOCTYPE html>");
    // Explicit stack of elements to close: (id, end).
    let mut open: Vec<NodeId> = Vec::new();
    let mut i: NodeId = 0;
    let n = snap.len() as NodeId;
    while i < n {
        while let Some(&top) = open.last() {
            if i >= snap.node(top).end {
                out.push_str("</");
                out.push_str(snap.tag_name(top));
                out.push('>');
                open.pop();
            } else {
                break;
            }
        }
        if masked[i as usize] {
            i = snap.node(i).end;
            continue;
        }
        let node = snap.node(i);
        if node.kind == NodeKind::Text {
            escape_into(&mut out, snap.own_text(i), false);
        } else {
            out.push('<');
            out.push_str(snap.tag_name(i));
            for (k, v) in snap.attrs(i) {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(&mut out, v, true);
                out.push('"');
            }
            out.push('>');
            if !is_void(snap.tag_name(i)) {
                open.push(i);
            }
        }
        i += 1;
    }
    while let Some(top) = open.pop() {
        out.push_str("</");
        out.push_str(snap.tag_name(top));
        out.push('>');
    }
    out
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "source" | "track" | "wbr"
    )
}

fn escape_into(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}
