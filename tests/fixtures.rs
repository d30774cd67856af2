//! Fixture harness: one named test per folder under `tests/fixtures/<slug>/`.
//!
//! Each folder holds
//! - `page.html`: the page;
//! - `expected.txt`: a readable golden of what the core decided (article, outline, hidden blocks
//!   with kind + reason + first words, the kept paragraphs' first words). Regenerate on purpose
//!   with `UPDATE_EXPECT=1 cargo test --test fixtures`, then read the diff;
//! - `checks.txt`: hard requirements that must hold whatever the golden says, one per line:
//!   - `keep: TEXT`: TEXT is in the reader text, and the page text holding it is in no clutter node
//!   - `show: TEXT`: the page text holding TEXT is in no clutter node (reader text not required)
//!   - `hide: TEXT`: the page text holding TEXT is inside a clutter node
//!   - `hide-as: KIND TEXT`: ...inside a clutter node of that kind (`comment-form`, `related`, ...)
//!   - `outline-count: N`: the outline has N entries
//!   - `outline: LEVEL TEXT`: an entry at LEVEL starting with TEXT, after the previous `outline:` match
//!   - `is-article: true|false`: the readerable verdict
//!   - `article: none`: no article root chosen
//!   - `clutter-count: N`: exactly N clutter decisions
//!   - `known-failure: REASON`: the *next* check is expected to fail (another pass has not landed,
//!     a known weakness). When it starts passing the test fails, so the marker gets removed.
//!
//! Blank lines and lines starting with `#` are ignored.
//!
//! `page.html` is the only required file; a folder without `checks.txt` only has its golden.

use libtest_mimic::{Arguments, Failed, Trial};
use sift::analysis::{Analysis, ClutterKind};
use sift::snapshot::{NodeKind, Snapshot};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Characters of each paragraph / hidden block shown in the golden.
const GOLDEN_WORDS: usize = 60;

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("page.html").is_file()).collect())
        .unwrap_or_default();
    dirs.sort();
    let trials = dirs
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Trial::test(name, move || run(&dir))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run(dir: &Path) -> Result<(), Failed> {
    let html = std::fs::read_to_string(dir.join("page.html")).map_err(|e| format!("page.html: {e}"))?;
    let snap = sift::html::parse(&html, Some("https://example.test/page")).map_err(|e| format!("parse: {e}"))?;
    let analysis = sift::analyze(&snap, &sift::Config::default()).map_err(|e| format!("analyze: {e}"))?;
    let mut problems = Vec::new();

    // Hard checks first: they say what matters when both fail.
    if let Ok(checks) = std::fs::read_to_string(dir.join("checks.txt")) {
        problems.extend(run_checks(&snap, &analysis, &checks));
    }

    let golden = render(&snap, &analysis);
    let path = dir.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &golden).map_err(|e| format!("writing expected.txt: {e}"))?;
    } else {
        match std::fs::read_to_string(&path) {
            Ok(want) if want == golden => {}
            Ok(want) => problems.push(format!(
                "expected.txt differs (UPDATE_EXPECT=1 cargo test --test fixtures to accept):\n{}",
                diff(&want, &golden)
            )),
            Err(_) => problems.push("no expected.txt (UPDATE_EXPECT=1 cargo test --test fixtures to write it)".into()),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

// ---------------------------------------------------------------------------------------------
// Checks.

/// Is text node `i` inside a clutter node? (`mask` from the core.)
fn text_nodes_with<'a>(snap: &'a Snapshot, needle: &'a str) -> impl Iterator<Item = u32> + 'a {
    let needle = collapse(needle);
    (0..snap.len() as u32).filter(move |&i| {
        let n = snap.node(i);
        n.kind == NodeKind::Text && !n.hidden && collapse(snap.own_text(i)).contains(&needle)
    })
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    sift::snapshot::push_collapsed(&mut out, s);
    out.trim_end().to_string()
}

fn kind_by_name(name: &str) -> Option<ClutterKind> {
    ClutterKind::ALL.into_iter().find(|k| k.name() == name)
}

/// The clutter decision (if any) covering node `i`.
fn covering<'a>(snap: &Snapshot, a: &'a Analysis, i: u32) -> Option<&'a sift::Clutter> {
    a.clutter.iter().find(|c| snap.contains(c.node, i))
}

/// One check: Ok(()) when it holds, Err(why) otherwise.
fn check(snap: &Snapshot, a: &Analysis, line: &str, outline_pos: &mut usize) -> Result<(), String> {
    let (key, val) = line.split_once(':').ok_or_else(|| format!("malformed check `{line}`"))?;
    let val = val.trim();
    match key.trim() {
        "keep" | "show" => {
            let nodes: Vec<u32> = text_nodes_with(snap, val).collect();
            if nodes.is_empty() {
                return Err(format!("`{val}` is not in the page at all (fixture typo?)"));
            }
            if let Some(c) = nodes.iter().find_map(|&i| covering(snap, a, i)) {
                return Err(format!("`{val}` is hidden as {} ({})", c.kind.name(), c.reason));
            }
            if key.trim() == "keep" && !collapse(&a.reader.text).contains(&collapse(val)) {
                return Err(format!("`{val}` is not in the reader text"));
            }
            Ok(())
        }
        "hide" | "hide-as" => {
            let (kind, text) = if key.trim() == "hide-as" {
                let (k, t) = val.split_once(' ').ok_or_else(|| format!("malformed `{line}`"))?;
                (Some(kind_by_name(k).ok_or_else(|| format!("unknown kind `{k}`"))?), t.trim())
            } else {
                (None, val)
            };
            let nodes: Vec<u32> = text_nodes_with(snap, text).collect();
            if nodes.is_empty() {
                return Err(format!("`{text}` is not in the page at all (fixture typo?)"));
            }
            for &i in &nodes {
                match covering(snap, a, i) {
                    None => return Err(format!("`{text}` is not hidden")),
                    Some(c) if kind.is_some_and(|k| k != c.kind) => {
                        return Err(format!("`{text}` is hidden as {} ({}), wanted {}", c.kind.name(), c.reason, kind.map(|k| k.name()).unwrap_or("")))
                    }
                    Some(_) => {}
                }
            }
            Ok(())
        }
        "outline-count" => {
            let want: usize = val.parse().map_err(|_| format!("bad number in `{line}`"))?;
            if a.outline.len() == want {
                Ok(())
            } else {
                Err(format!("outline has {} entries, wanted {want}", a.outline.len()))
            }
        }
        "outline" => {
            let (lvl, text) = val.split_once(' ').ok_or_else(|| format!("malformed `{line}`"))?;
            let lvl: u8 = lvl.parse().map_err(|_| format!("bad level in `{line}`"))?;
            let text = text.trim();
            match a.outline.iter().enumerate().skip(*outline_pos).find(|(_, e)| e.text.starts_with(text)) {
                Some((i, e)) if e.level == lvl => {
                    *outline_pos = i + 1;
                    Ok(())
                }
                Some((i, e)) => {
                    *outline_pos = i + 1;
                    Err(format!("outline entry `{text}` is at level {}, wanted {lvl}", e.level))
                }
                None => Err(format!("no outline entry starting `{text}` (after entry {})", *outline_pos)),
            }
        }
        "is-article" => {
            let want = val == "true";
            match &a.verdict {
                Some(v) if v.is_article == want => Ok(()),
                Some(v) => Err(format!("verdict is_article={} ({}), wanted {want}", v.is_article, v.reason)),
                None => Err("no verdict".into()),
            }
        }
        "article" if val == "none" => match &a.article {
            None => Ok(()),
            Some(art) => Err(format!("an article root was chosen: <{}> ({})", snap.tag_name(art.root), art.reason)),
        },
        "clutter-count" => {
            let want: usize = val.parse().map_err(|_| format!("bad number in `{line}`"))?;
            if a.clutter.len() == want {
                Ok(())
            } else {
                Err(format!("{} clutter decisions, wanted {want}", a.clutter.len()))
            }
        }
        other => Err(format!("unknown check `{other}`")),
    }
}

fn run_checks(snap: &Snapshot, a: &Analysis, checks: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut known: Option<String> = None;
    let mut outline_pos = 0usize;
    for (no, raw) in checks.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(r) = line.strip_prefix("known-failure:") {
            known = Some(r.trim().to_string());
            continue;
        }
        let res = check(snap, a, line, &mut outline_pos);
        match (res, known.take()) {
            (Ok(()), None) | (Err(_), Some(_)) => {}
            (Err(why), None) => problems.push(format!("checks.txt:{}: {line}\n    {why}", no + 1)),
            (Ok(()), Some(reason)) => problems.push(format!(
                "checks.txt:{}: {line}\n    passes now but is marked known-failure ({reason}): remove the marker",
                no + 1
            )),
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// Golden.

fn first_words(s: &str) -> String {
    let s = collapse(s);
    let mut out: String = s.chars().take(GOLDEN_WORDS).collect();
    if s.chars().count() > GOLDEN_WORDS {
        out.push('…');
    }
    out
}

fn render(snap: &Snapshot, a: &Analysis) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# article");
    match &a.article {
        Some(art) => {
            let cls = snap.attr(art.root, "class").unwrap_or("");
            let _ = writeln!(o, "root: <{}> class=\"{}\" ({})", snap.tag_name(art.root), first_words(cls), art.reason.code);
        }
        None => {
            let _ = writeln!(o, "root: none");
        }
    }
    if let Some(v) = &a.verdict {
        let _ = writeln!(o, "is-article: {} ({})", v.is_article, v.reason.code);
    }
    let _ = writeln!(o, "\n# outline ({})", a.outline.len());
    for e in &a.outline {
        let indent = "  ".repeat(e.level.saturating_sub(1) as usize);
        let _ = writeln!(o, "{indent}{} {}", e.level, first_words(&e.text));
    }
    let _ = writeln!(o, "\n# hidden ({})", a.clutter.len());
    for c in &a.clutter {
        let _ = writeln!(o, "{} <{}> {}\n    {}", c.kind.name(), snap.tag_name(c.node), c.reason, first_words(&snap.text_of(c.node)));
    }
    let paras: Vec<&str> = a.reader.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let _ = writeln!(o, "\n# reader text blocks ({})", paras.len());
    for p in paras {
        let _ = writeln!(o, "- {}", first_words(p));
    }
    o
}

/// A small line diff: lines only in `want` (-) and only in `got` (+), in order.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    // Longest common subsequence table (goldens are small).
    let mut t = vec![vec![0u32; g.len() + 1]; w.len() + 1];
    for i in (0..w.len()).rev() {
        for j in (0..g.len()).rev() {
            t[i][j] = if w[i] == g[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < w.len() || j < g.len() {
        if i < w.len() && j < g.len() && w[i] == g[j] {
            i += 1;
            j += 1;
        } else if j < g.len() && (i == w.len() || t[i][j + 1] >= t[i + 1][j]) {
            let _ = writeln!(out, "  + {}", g[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "  - {}", w[i]);
            i += 1;
        }
    }
    out
}
