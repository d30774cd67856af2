//! Native speed benchmark: Sift versus dom_smoothie, page by page, in one process and one run.
//!
//! What is timed, per page:
//! - **sift**: `sift::html::parse` (HTML5 parse + snapshot) then `sift::analyze` with the default
//!   config (reader document included): exactly what `sift read` does, minus printing.
//!   The two halves are also reported apart (`sift parse`, `sift analyze`).
//! - **dom_smoothie**: `Readability::new(html, url, None)?.parse()` (its own HTML parse included).
//!
//! Clock: the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`) by default, not wall time: the
//! machine is shared, and under load a sub-millisecond run is often descheduled for a whole
//! time slice (~4 ms), which wall time would charge to whichever engine was running. CPU time
//! still counts everything the engine does itself, page faults included. `--clock wall` switches.
//!
//! Method: every page is loaded into memory first (wcxb pages are gunzipped up front). Then
//! `iters` rounds; in each round every page runs through both engines back to back, and the
//! engine that goes first alternates by round, so a noisy moment on the shared machine hits both
//! engines alike. A page's time per engine is the median of its rounds; the tables report the
//! median / p90 / max of those per-page medians, the per-page ratio Sift / dom_smoothie (median
//! of ratios), and throughput (total bytes / sum of per-page medians). One warm-up round first.
//!
//! Subcommands (all print Markdown):
//!   compare  --corpus DIR [--every N] [--iters K] [--csv FILE]
//!   scaling  [--iters K]                     generated pages of ~1k, 10k, 100k nodes
//!   once     --engine sift|smoothie|none FILE   one run, for `/usr/bin/time -v` (peak RSS)
//!   largest  --corpus DIR [--every N]        the path of the largest page in the sample

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Measure wall time instead of thread CPU time (`--clock wall`).
static WALL_CLOCK: AtomicBool = AtomicBool::new(false);

/// The benchmark's clock: thread CPU time, or wall time with `--clock wall`.
fn clock() -> Duration {
    if WALL_CLOCK.load(Ordering::Relaxed) {
        static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        return START.get_or_init(Instant::now).elapsed();
    }
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// URL given to both engines for readability-test-pages (the URL Readability's own tests use).
const FAKE_URL: &str = "http://fakehost/test/page.html";
/// Default: every 5th wcxb-dev page (about 300 of 1,497).
const DEFAULT_EVERY: usize = 5;
/// Default timed rounds per page (plus one warm-up).
const DEFAULT_ITERS: usize = 5;

struct Page {
    name: String,
    url: String,
    html: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("");
    let opt = |name: &str| -> Option<String> {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
    };
    let num = |name: &str, default: usize| -> usize {
        opt(name).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    if opt("--clock").as_deref() == Some("wall") {
        WALL_CLOCK.store(true, Ordering::Relaxed);
    }
    let result = match cmd {
        "compare" => {
            let corpus = opt("--corpus").unwrap_or_else(|| "../shared/corpus".into());
            let only = opt("--only");
            compare(Path::new(&corpus), num("--every", DEFAULT_EVERY), num("--iters", DEFAULT_ITERS), opt("--csv"), only)
        }
        "scaling" => scaling(num("--iters", 0)),
        #[cfg(feature = "passes")]
        "passes" => {
            let corpus = opt("--corpus").unwrap_or_else(|| "../shared/corpus".into());
            load(Path::new(&corpus), num("--every", DEFAULT_EVERY)).and_then(|p| passes::run(&p, num("--iters", 3)))
        }
        "once" => match (opt("--engine"), args.last()) {
            (Some(engine), Some(file)) => once(&engine, Path::new(file)),
            _ => Err("usage: once --engine sift|smoothie|none FILE".into()),
        },
        "largest" => {
            let corpus = opt("--corpus").unwrap_or_else(|| "../shared/corpus".into());
            largest(Path::new(&corpus), num("--every", DEFAULT_EVERY))
        }
        _ => Err("usage: bench-native compare|scaling|once|largest [options] (see src/main.rs)".into()),
    };
    if let Err(e) = result {
        eprintln!("bench-native: {e}");
        std::process::exit(1);
    }
}

type Res = Result<(), String>;

// ---------------------------------------------------------------------------------------------
// Corpus loading

fn read_page(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        bytes
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Page paths: every readability-test-pages source, and every `every`-th wcxb-dev page.
fn corpus_paths(corpus: &Path, every: usize) -> Result<Vec<(String, PathBuf, String)>, String> {
    let rtp = corpus.join("readability-test-pages");
    let wcxb = corpus.join("wcxb-dev");
    if !rtp.is_dir() || !wcxb.is_dir() {
        return Err(format!("corpus not found under {} (need readability-test-pages/ and wcxb-dev/)", corpus.display()));
    }
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&rtp)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = format!("rtp/{}", d.file_name().unwrap_or_default().to_string_lossy());
        out.push((name, d.join("source.html"), FAKE_URL.to_string()));
    }
    let urls: serde_json::Value = std::fs::read_to_string(wcxb.join("urls.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);
    let mut files: Vec<PathBuf> = std::fs::read_dir(wcxb.join("html"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    for (i, f) in files.into_iter().enumerate() {
        if i % every.max(1) != 0 {
            continue;
        }
        let id = f.file_name().unwrap_or_default().to_string_lossy().trim_end_matches(".html.gz").to_string();
        // Both engines resolve links against it; a missing or relative one becomes the fake URL.
        let url = urls[&id]["url"]
            .as_str()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .filter(|u| !u.contains(' '))
            .unwrap_or(FAKE_URL)
            .to_string();
        out.push((format!("wcxb/{id}"), f, url));
    }
    Ok(out)
}

fn load(corpus: &Path, every: usize) -> Result<Vec<Page>, String> {
    corpus_paths(corpus, every)?
        .into_iter()
        .map(|(name, path, url)| Ok(Page { html: read_page(&path)?, name, url }))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Engines

/// Sift as `sift read` runs it. Returns (parse time, analysis time, snapshot nodes).
fn run_sift(html: &str, url: &str) -> Result<(Duration, Duration, usize), String> {
    let t0 = clock();
    let snap = sift::html::parse(html, Some(url)).map_err(|e| e.to_string())?;
    let t1 = clock();
    let analysis = sift::analyze(&snap, &sift::Config::default()).map_err(|e| e.to_string())?;
    let t2 = clock();
    std::hint::black_box(&analysis);
    let n = snap.len();
    drop(analysis);
    drop(snap);
    Ok((t1 - t0, t2 - t1, n))
}

/// dom_smoothie with its defaults. Returns the total time (its parse is inside).
fn run_smoothie(html: &str, url: &str) -> Result<Duration, String> {
    let t0 = clock();
    let mut r = dom_smoothie::Readability::new(html, Some(url), None).map_err(|e| e.to_string())?;
    let out = r.parse();
    let t1 = clock();
    // A page it finds nothing on is still a measured run: that is its answer.
    std::hint::black_box(&out);
    drop(out);
    drop(r);
    Ok(t1 - t0)
}

// ---------------------------------------------------------------------------------------------
// Statistics

fn clock_name() -> &'static str {
    if WALL_CLOCK.load(Ordering::Relaxed) { "wall time" } else { "thread CPU time" }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(v: &mut [f64]) -> f64 {
    quantile(v, 0.5)
}

/// Nearest-rank-with-interpolation quantile; sorts `v`.
fn quantile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let pos = q * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NAN, f64::max)
}

// ---------------------------------------------------------------------------------------------
// compare

struct PageResult {
    sift_parse: f64,
    sift_analyze: f64,
    sift: f64,
    smoothie: f64,
    nodes: usize,
}

fn compare(corpus: &Path, every: usize, iters: usize, csv: Option<String>, only: Option<String>) -> Res {
    let mut pages = load(corpus, every)?;
    if let Some(only) = &only {
        pages.retain(|p| p.name.contains(only.as_str()));
    }
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    eprintln!("compare: {} pages, {:.1} MB, {} rounds + 1 warm-up", pages.len(), bytes as f64 / 1e6, iters);
    let iters = iters.max(1);
    // samples[page] = (parse, analyze, total, smoothie) per round
    let mut samples: Vec<[Vec<f64>; 4]> = pages.iter().map(|_| Default::default()).collect();
    let mut nodes = vec![0usize; pages.len()];
    let mut failures: Vec<String> = Vec::new();
    for round in 0..=iters {
        for (i, p) in pages.iter().enumerate() {
            let sift_first = round % 2 == 0;
            let mut s = None;
            let mut d = None;
            for turn in 0..2 {
                if (turn == 0) == sift_first {
                    s = Some(run_sift(&p.html, &p.url));
                } else {
                    d = Some(run_smoothie(&p.html, &p.url));
                }
            }
            if round == 0 {
                // Warm-up: record failures once, keep nothing.
                if let Some(Err(e)) = &s {
                    failures.push(format!("{} sift: {e}", p.name));
                }
                if let Some(Err(e)) = &d {
                    failures.push(format!("{} dom_smoothie: {e}", p.name));
                }
                continue;
            }
            if let (Some(Ok((pt, at, n))), Some(Ok(dt))) = (s, d) {
                let smp = &mut samples[i];
                smp[0].push(ms(pt));
                smp[1].push(ms(at));
                smp[2].push(ms(pt + at));
                smp[3].push(ms(dt));
                nodes[i] = n;
            }
        }
        if round > 0 {
            eprintln!("  round {round}/{iters} done");
        }
    }
    let mut results: Vec<(usize, PageResult)> = Vec::new();
    for (i, smp) in samples.iter_mut().enumerate() {
        if smp[2].is_empty() {
            continue;
        }
        results.push((
            i,
            PageResult {
                sift_parse: median(&mut smp[0]),
                sift_analyze: median(&mut smp[1]),
                sift: median(&mut smp[2]),
                smoothie: median(&mut smp[3]),
                nodes: nodes[i],
            },
        ));
    }
    if let Some(path) = csv {
        let mut s = String::from("page,bytes,nodes,sift_parse_ms,sift_analyze_ms,sift_ms,dom_smoothie_ms\n");
        for (i, r) in &results {
            s.push_str(&format!(
                "{},{},{},{:.4},{:.4},{:.4},{:.4}\n",
                pages[*i].name, pages[*i].html.len(), r.nodes, r.sift_parse, r.sift_analyze, r.sift, r.smoothie
            ));
        }
        std::fs::write(&path, s).map_err(|e| format!("{path}: {e}"))?;
    }

    let n = results.len();
    let total_bytes: usize = results.iter().map(|(i, _)| pages[*i].html.len()).sum();
    let total_nodes: usize = results.iter().map(|(_, r)| r.nodes).sum();
    println!(
        "{} pages ({} readability-test-pages + every {}th wcxb-dev page), {:.1} MB of HTML, {} snapshot nodes; \
         per-page median of {} rounds, engines interleaved; clock: {}.\n",
        n,
        results.iter().filter(|(i, _)| pages[*i].name.starts_with("rtp/")).count(),
        every,
        total_bytes as f64 / 1e6,
        total_nodes,
        iters,
        clock_name()
    );
    println!("| engine | median ms | p90 ms | max ms | total s | MB/s | ns per node (median) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let cols: [(&str, fn(&PageResult) -> f64); 4] = [
        ("sift (parse + analyze)", |r| r.sift),
        ("  sift parse only (html5ever + snapshot)", |r| r.sift_parse),
        ("  sift analyze only (all passes + reader)", |r| r.sift_analyze),
        ("dom_smoothie (parse + readability)", |r| r.smoothie),
    ];
    for (label, f) in cols {
        let mut v: Vec<f64> = results.iter().map(|(_, r)| f(r)).collect();
        let total: f64 = v.iter().sum();
        let mut per_node: Vec<f64> = results
            .iter()
            .filter(|(_, r)| r.nodes > 0)
            .map(|(_, r)| f(r) * 1e3 / (r.nodes as f64 / 1e3))
            .collect();
        println!(
            "| {} | {:.2} | {:.2} | {:.1} | {:.2} | {:.1} | {:.1} |",
            label,
            quantile(&mut v, 0.5),
            quantile(&mut v, 0.9),
            max(&v),
            total / 1e3,
            total_bytes as f64 / 1e6 / (total / 1e3),
            median(&mut per_node)
        );
    }
    let mut ratios: Vec<f64> = results.iter().map(|(_, r)| r.sift / r.smoothie).collect();
    let faster = ratios.iter().filter(|&&r| r < 1.0).count();
    let mut parse_share: Vec<f64> = results.iter().map(|(_, r)| r.sift_parse / r.sift).collect();
    println!();
    println!("| per-page ratio sift / dom_smoothie | value |");
    println!("|---|---:|");
    println!("| median | {:.2} |", quantile(&mut ratios, 0.5));
    println!("| p10 | {:.2} |", quantile(&mut ratios, 0.1));
    println!("| p90 | {:.2} |", quantile(&mut ratios, 0.9));
    println!("| max | {:.2} |", max(&ratios));
    println!("| pages where sift is faster | {faster} of {n} |");
    println!("| parse share of sift's time (median) | {:.0}% |", median(&mut parse_share) * 100.0);
    // The slowest pages for Sift relative to dom_smoothie: where to look first.
    let mut worst: Vec<&(usize, PageResult)> = results.iter().collect();
    worst.sort_by(|a, b| {
        (b.1.sift / b.1.smoothie).partial_cmp(&(a.1.sift / a.1.smoothie)).unwrap_or(std::cmp::Ordering::Equal)
    });
    println!();
    println!("Worst pages by ratio (sift / dom_smoothie):\n");
    println!("| page | KB | nodes | sift parse ms | sift analyze ms | dom_smoothie ms | ratio |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (i, r) in worst.iter().take(5) {
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            pages[*i].name,
            pages[*i].html.len() / 1024,
            r.nodes,
            r.sift_parse,
            r.sift_analyze,
            r.smoothie,
            r.sift / r.smoothie
        );
    }
    if !failures.is_empty() {
        println!("\nFailures ({}), excluded from the tables:\n", failures.len());
        for f in failures.iter().take(20) {
            println!("- {f}");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// scaling

/// A generated article page: header + nav, `blocks` article sections (heading, paragraphs with
/// inline links and emphasis, a list, a figure), then a related list, a share bar, a comment
/// thread and form, and a footer. Shallow like real pages; grows linearly with `blocks`.
fn generated_page(blocks: usize) -> String {
    let mut s = String::with_capacity(blocks * 1200 + 4096);
    s.push_str("<!doctype html><html lang=en><head><meta charset=utf-8><title>Generated article</title>");
    s.push_str("<meta property=og:title content='Generated article'></head><body>");
    s.push_str("<header class=site-header><a href=/ class=logo>Site</a><nav><ul>");
    for i in 0..8 {
        s.push_str(&format!("<li><a href=/section/{i}>Section {i}</a></li>"));
    }
    s.push_str("</ul></nav></header><main><article><h1>A generated article for scaling</h1>");
    s.push_str("<p class=byline>By <a href=/author>A. Writer</a> <time datetime=2024-05-01>May 1, 2024</time></p>");
    for b in 0..blocks {
        s.push_str(&format!("<section><h2>Part {b}: on measuring growth</h2>"));
        for p in 0..3 {
            s.push_str(&format!(
                "<p>Paragraph {p} of part {b} says something about the topic at some length, with \
                 <a href=/ref/{b}/{p}>a reference</a>, some <em>emphasis</em> and <strong>weight</strong>, \
                 so that the text density looks like prose and not like a menu of links.</p>"
            ));
        }
        s.push_str("<ul><li>One point</li><li>Another point</li><li>A <a href=#x>linked</a> point</li></ul>");
        s.push_str(&format!(
            "<figure><img src=/img/{b}.jpg alt='Figure {b}'><figcaption>Figure {b}.</figcaption></figure></section>"
        ));
    }
    s.push_str("</article><aside class=related><h3>Related</h3><ul>");
    for i in 0..6 {
        s.push_str(&format!("<li><a href=/story/{i}>Another story {i}</a> <time>2 hours ago</time></li>"));
    }
    s.push_str("</ul></aside><div class=share><a href=#fb>Share</a><a href=#tw>Post</a><a href=#mail>Mail</a></div>");
    s.push_str("<section id=comments><h3>Comments</h3><ol>");
    for i in 0..3 {
        s.push_str(&format!("<li><b>Reader {i}</b> <time>1 day ago</time><p>A comment {i}.</p><a href=#r>Reply</a></li>"));
    }
    s.push_str("</ol><form action=/comment method=post><textarea name=comment></textarea>");
    s.push_str("<input type=email name=email><button>Post comment</button></form></section></main>");
    s.push_str("<footer><p>© Site</p><a href=/privacy>Privacy</a></footer></body></html>");
    s
}

fn nodes_of(html: &str) -> Result<usize, String> {
    Ok(sift::html::parse(html, Some(FAKE_URL)).map_err(|e| e.to_string())?.len())
}

fn scaling(iters: usize) -> Res {
    println!("Generated article pages (sections of headings, paragraphs with links, lists, figures; \
              plus nav, related list, share bar, comments, form). Median of several runs, engines interleaved; clock: {}.\n", clock_name());
    println!("| target nodes | snapshot nodes | KB | sift parse ms | sift analyze ms | sift total ms | sift ns/node | analyze ns/node | dom_smoothie ms | dom_smoothie ns/node |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for target in [1_000usize, 10_000, 100_000] {
        let html = generated_of(target)?;
        let n = nodes_of(&html)?;
        let rounds = if iters > 0 { iters } else { (200_000 / target).clamp(5, 100) };
        let (mut pv, mut av, mut tv, mut dv) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for r in 0..=rounds {
            let (s, d) = if r % 2 == 0 {
                let s = run_sift(&html, FAKE_URL)?;
                (s, run_smoothie(&html, FAKE_URL)?)
            } else {
                let d = run_smoothie(&html, FAKE_URL)?;
                (run_sift(&html, FAKE_URL)?, d)
            };
            if r == 0 {
                continue;
            }
            pv.push(ms(s.0));
            av.push(ms(s.1));
            tv.push(ms(s.0 + s.1));
            dv.push(ms(d));
        }
        let (p, a, t, d) = (median(&mut pv), median(&mut av), median(&mut tv), median(&mut dv));
        let per = |x: f64| x * 1e6 / n as f64;
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.0} | {:.0} | {:.2} | {:.0} |",
            target,
            n,
            html.len() / 1024,
            p,
            a,
            t,
            per(t),
            per(a),
            d,
            per(d)
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// once / largest

/// A generated page of about `target` nodes (see [`generated_page`]).
fn generated_of(target: usize) -> Result<String, String> {
    let base = nodes_of(&generated_page(0))?;
    let per_block = (nodes_of(&generated_page(10))? - base) / 10;
    Ok(generated_page(target.saturating_sub(base) / per_block.max(1)))
}

/// `file` is a page path, or `gen:N` for a generated page of about N nodes.
fn once(engine: &str, file: &Path) -> Res {
    let spec = file.to_string_lossy();
    let html = match spec.strip_prefix("gen:") {
        Some(n) => generated_of(n.parse().map_err(|_| format!("bad node count in {spec}"))?)?,
        None => read_page(file)?,
    };
    match engine {
        "sift" => {
            let (p, a, n) = run_sift(&html, FAKE_URL)?;
            eprintln!("sift: {} nodes, parse {:.1} ms, analyze {:.1} ms", n, ms(p), ms(a));
        }
        "smoothie" => {
            let d = run_smoothie(&html, FAKE_URL)?;
            eprintln!("dom_smoothie: {:.1} ms", ms(d));
        }
        "none" => {
            std::hint::black_box(&html);
        }
        other => return Err(format!("unknown engine {other}")),
    }
    // Peak resident set size of this process (what `/usr/bin/time -f %M` reports), in KB.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills one rusage struct through a valid pointer.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    println!("{}", ru.ru_maxrss);
    Ok(())
}

fn largest(corpus: &Path, every: usize) -> Res {
    let mut best: Option<(usize, PathBuf)> = None;
    for (_, path, _) in corpus_paths(corpus, every)? {
        let len = read_page(&path)?.len();
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, path));
        }
    }
    match best {
        Some((len, path)) => {
            println!("{}\t{}", path.display(), len);
            Ok(())
        }
        None => Err("no pages".into()),
    }
}

// ---------------------------------------------------------------------------------------------
// passes: where the analysis time goes

#[cfg(feature = "passes")]
mod passes {
    use super::{clock, ms, quantile, Page, Res};
    use sift::{article, clutter, metadata, outline, reader, readerable};

    /// Pass names, in `sift::analyze`'s order.
    const NAMES: [&str; 8] = [
        "clutter::classify", "article::find", "clutter::protect", "readerable::judge",
        "metadata::extract", "outline::build", "reader::build", "metadata::count_words",
    ];

    /// Mirrors `sift::analyze` (src/lib.rs) with a clock read between passes.
    fn timed(snap: &sift::Snapshot) -> [f64; 8] {
        let mut t = [0.0; 8];
        let mut last = clock();
        let mut lap = |i: usize, t: &mut [f64; 8]| {
            let now = clock();
            t[i] += ms(now - last);
            last = now;
        };
        let page_clutter = clutter::classify(snap);
        lap(0, &mut t);
        let art = article::find(snap, &page_clutter);
        lap(1, &mut t);
        let cl = clutter::protect(snap, art.as_ref(), page_clutter);
        lap(2, &mut t);
        let verdict = readerable::judge(snap, art.as_ref(), &cl);
        lap(3, &mut t);
        let mut meta = metadata::extract(snap, art.as_ref());
        lap(4, &mut t);
        if let Some(a) = &art {
            let o = outline::build(snap, a.root, &cl);
            lap(5, &mut t);
            let doc = reader::build(snap, a.root, &cl, &meta);
            lap(6, &mut t);
            metadata::count_words(&mut meta, &doc.text);
            lap(7, &mut t);
            std::hint::black_box((o, doc));
        }
        std::hint::black_box((verdict, meta, cl));
        t
    }

    pub fn run(pages: &[Page], iters: usize) -> Res {
        let snaps: Vec<sift::Snapshot> = pages
            .iter()
            .filter_map(|p| sift::html::parse(&p.html, Some(&p.url)).ok())
            .collect();
        let mut per_page: Vec<[Vec<f64>; 8]> = snaps.iter().map(|_| Default::default()).collect();
        for _ in 0..iters.max(1) {
            for (i, s) in snaps.iter().enumerate() {
                let t = timed(s);
                for k in 0..8 {
                    per_page[i][k].push(t[k]);
                }
            }
        }
        let med: Vec<[f64; 8]> = per_page
            .iter_mut()
            .map(|v| {
                let mut m = [0.0; 8];
                for k in 0..8 {
                    m[k] = quantile(&mut v[k], 0.5);
                }
                m
            })
            .collect();
        let total: f64 = med.iter().flat_map(|m| m.iter()).sum();
        println!("{} pages, per-page median of {} runs; clock: {}.\n", snaps.len(), iters, super::clock_name());
        println!("| pass | median ms | p90 ms | max ms | share of all analysis time |");
        println!("|---|---:|---:|---:|---:|");
        for k in 0..8 {
            let mut v: Vec<f64> = med.iter().map(|m| m[k]).collect();
            let sum: f64 = v.iter().sum();
            println!(
                "| {} | {:.3} | {:.3} | {:.2} | {:.0}% |",
                NAMES[k],
                quantile(&mut v, 0.5),
                quantile(&mut v, 0.9),
                super::max(&v),
                100.0 * sum / total
            );
        }
        Ok(())
    }
}
