#!/usr/bin/env node
// Browser speed benchmark: Sift versus Readability.js versus a plain JS walk (the floor), page by
// page, in one headless Chromium tab, one run.
//
// Runs in Node (playwright-core drives Debian's /usr/bin/chromium; never a downloaded browser).
// Corpus pages are served from 127.0.0.1 with COOP/COEP headers, so the page is cross-origin
// isolated and performance.now() has 5 µs resolution instead of 100 µs; every request to any other
// host is aborted (no network). The pages' own inline scripts run, as they would for a user.
//
// Per page, in the same tab, after `load`:
//   cold   fetch + compile + instantiate the wasm (wasm-bindgen's `wasm_bindgen(...)` init), split
//   sift   SiftCapture.capture(document) (extension/content/capture.js) + wasm_bindgen.analyze(
//          snapshot, {reader: true}) (extension/wasm/sift.js + sift_bg.wasm): the path the
//          extension's content script takes, reader document included. Also the cost of the
//          strict-CSP path's hand-off (JSON round trip of the snapshot, as extension messaging does).
//   rdb    new Readability(document.cloneNode(true)).parse()  (@mozilla/readability, as Firefox)
//   rdbl   isProbablyReaderable(document)
//   floor  one iterative walk over every node reading what a snapshot needs: tag, attributes, text
//          ("floor"), and the same plus element.checkVisibility() ("floor+style").
//   ext    the same through the unpacked Chrome extension, the way it really runs: capture in the
//          content script's world, then SiftEngine.analyze (extension/content/engine.js): the wasm
//          in the content script where the page's CSP allows it (its first run on a page follows
//          the injection at once and includes the module's delivery and compile, unless they are
//          done by then), else chrome.runtime.sendMessage of the snapshot
//          to the background service worker, wasm analyze there, result back (--csp pages).
//          A copy of the extension gets host permission for 127.0.0.1 so the benchmark can inject
//          without a click; nothing else changes.
// Each engine runs `iters` times per page, engines interleaved in a rotating order, gc() (exposed
// with --js-flags=--expose-gc) before every timed run and never inside one. A page's time per engine
// is the median of its runs; the first run of each engine on each page (cold JIT/Liftoff code, the
// run a user actually waits for) is reported separately. Ratios are computed page by page.
//
// Usage: node scripts/bench-browser.mjs [--corpus ../shared/corpus] [--every 10] [--iters 5]
//          [--wasm-dir extension/wasm] [--capture extension/content/capture.js]
//          [--json target/bench/browser.json] [--limit N] [--stride N] [--only NAME] [--extension DIR|none] [--csp]
//          [--js-flags "V8 FLAGS"]
// --js-flags adds V8 flags to Chromium's (e.g. --liftoff-only: every wasm function stays in V8's
// baseline tier, as in a renderer process that has not yet optimised the module).
// Without the wasm or capture.js, Sift is skipped (the report says so) and the rest still runs.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const CORPUS = path.resolve(ROOT, opt('--corpus', '../shared/corpus'));
const EVERY = Number(opt('--every', 10));
const ITERS = Number(opt('--iters', 5));
const LIMIT = Number(opt('--limit', 0));
/// Keep every STRIDE-th page of the whole list (a quick, still mixed sample).
const STRIDE = Number(opt('--stride', 1));
/// Only pages whose name contains this (profiling one page).
const ONLY = opt('--only', '');
const WASM_DIR = path.resolve(ROOT, opt('--wasm-dir', 'extension/wasm'));
const CAPTURE = path.resolve(ROOT, opt('--capture', 'extension/content/capture.js'));
const JSON_OUT = path.resolve(ROOT, opt('--json', 'target/bench/browser.json'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/// The unpacked Chrome extension to measure through (the real path: capture in the content
/// script, snapshot posted to the background service worker, wasm there). Default: the built
/// target/extension/chrome, else extension/ with manifest.chrome.json merged in. 'none' skips it.
const EXT_SRC = opt('--extension', '');
/// Serve every page with a strict CSP (no 'wasm-unsafe-eval'): the in-page wasm cannot compile
/// there, so only the extension path measures Sift (the path Chromium users get on such sites).
const STRICT_CSP = argv.includes('--csp');
/// Extra V8 flags for the browser (after --expose-gc, which the runs need).
const JS_FLAGS = opt('--js-flags', '');
/// Per-page navigation budget; a page that does not load in time is reported and skipped.
const NAV_TIMEOUT_MS = 20_000;
/** Longest wait for any one step on a page (an evaluation in the page or the extension's worker,
 * closing its tab); a page that takes longer is reported and skipped instead of stalling the
 * whole benchmark (wcxb/0121 navigates itself away late, and a call into it may never answer). */
const STEP_TIMEOUT_MS = 60_000;
function within(promise, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Corpus: every readability-test-pages source, and every EVERY-th wcxb-dev page (sorted by name).

function corpusPages() {
  const rtp = path.join(CORPUS, 'readability-test-pages');
  const wcxb = path.join(CORPUS, 'wcxb-dev', 'html');
  if (!fs.existsSync(rtp) || !fs.existsSync(wcxb)) {
    throw new Error(`corpus not found under ${CORPUS} (need readability-test-pages/ and wcxb-dev/)`);
  }
  const pages = [];
  for (const d of fs.readdirSync(rtp).sort()) {
    const f = path.join(rtp, d, 'source.html');
    if (fs.existsSync(f)) pages.push({ name: `rtp/${d}`, file: f, utf8: false });
  }
  const files = fs.readdirSync(wcxb).filter((f) => f.endsWith('.html.gz')).sort();
  files.forEach((f, i) => {
    if (i % Math.max(1, EVERY) === 0) {
      pages.push({ name: `wcxb/${f.replace('.html.gz', '')}`, file: path.join(wcxb, f), utf8: true });
    }
  });
  const strided = pages.filter((p, i) => i % Math.max(1, STRIDE) === 0 && p.name.includes(ONLY));
  return LIMIT > 0 ? strided.slice(0, LIMIT) : strided;
}

function pageBytes(p) {
  const raw = fs.readFileSync(p.file);
  return p.file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw;
}

// ---------------------------------------------------------------------------------------------
// Harness code injected into every page before its own scripts (an init script: no DOM change).

function readIf(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

const rdbDir = path.join(ROOT, 'node_modules', '@mozilla', 'readability');
const readabilitySrc = fs.readFileSync(path.join(rdbDir, 'Readability.js'), 'utf8');
const readerableSrc = fs.readFileSync(path.join(rdbDir, 'Readability-readerable.js'), 'utf8');
const glueSrc = readIf(path.join(WASM_DIR, 'sift.js'));
const wasmBytes = fs.existsSync(path.join(WASM_DIR, 'sift_bg.wasm'))
  ? fs.readFileSync(path.join(WASM_DIR, 'sift_bg.wasm'))
  : null;
const captureSrc = readIf(CAPTURE);
const HAVE_SIFT = Boolean(glueSrc && wasmBytes && captureSrc);

// Everything the benchmark defines lives under one global, set before the page's scripts run.
const harnessSrc = `
(() => {
  const B = (globalThis.__siftBench = {});
  // Pages may replace fetch or WebAssembly; keep the browser's own.
  B.fetch = globalThis.fetch.bind(globalThis);
  B.compile = WebAssembly.compile.bind(WebAssembly);
  ${readabilitySrc}
  ${readerableSrc}
  B.Readability = Readability;
  B.isProbablyReaderable = isProbablyReaderable;
  ${HAVE_SIFT ? `${glueSrc}\n  B.wasm_bindgen = wasm_bindgen;\n  ${captureSrc}\n  B.capture = globalThis.SiftCapture;` : ''}
})();
`;

// In-page functions (serialised by Playwright; they only use B and the DOM).
async function coldStart() {
  const B = globalThis.__siftBench;
  const t0 = performance.now();
  const bytes = await (await B.fetch('/bench/sift_bg.wasm')).arrayBuffer();
  const t1 = performance.now();
  const module = await B.compile(bytes);
  const t2 = performance.now();
  const exports = await B.wasm_bindgen({ module_or_path: module });
  const t3 = performance.now();
  B.exports = exports;
  return { fetch: t1 - t0, compile: t2 - t1, instantiate: t3 - t2, total: t3 - t0 };
}

function runRound([order, wantMemory]) {
  const B = globalThis.__siftBench;
  const now = () => performance.now();
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : NaN);
  const collect = () => { if (typeof gc === 'function') gc(); };
  const engines = {
    sift() {
      const t0 = now();
      const cap = B.capture.capture(document);
      const t1 = now();
      const res = B.wasm_bindgen.analyze(cap.snapshot, { reader: true });
      const t2 = now();
      if (!res || res.ok === false) throw new Error(`sift: ${JSON.stringify(res && res.error)}`);
      // The strict-CSP path posts the snapshot to the background: extension messaging
      // serialises it as JSON on one side and parses it on the other.
      const t3 = now();
      const copy = JSON.parse(JSON.stringify(cap.snapshot));
      const t4 = now();
      B.keep = [cap, res, copy];
      return { total: t2 - t0, capture: t1 - t0, analyze: t2 - t1, handoff: t4 - t3,
        nodes: (cap.elements && cap.elements.length) || 0 };
    },
    rdb() {
      const t0 = now();
      const art = new B.Readability(document.cloneNode(true)).parse();
      const t1 = now();
      B.keep = art;
      return { total: t1 - t0 };
    },
    rdbl() {
      const t0 = now();
      const r = B.isProbablyReaderable(document);
      const t1 = now();
      B.keep = r;
      return { total: t1 - t0 };
    },
    floor() { return walk(false); },
    floorStyle() { return walk(true); },
  };
  // One iterative walk reading every field a snapshot needs.
  function walk(style) {
    const t0 = now();
    const stack = [document.documentElement];
    let nodes = 0;
    let acc = 0;
    while (stack.length) {
      const n = stack.pop();
      nodes++;
      if (n.nodeType === 1) {
        acc += n.localName.length;
        const attrs = n.attributes;
        for (let i = 0; i < attrs.length; i++) acc += attrs[i].name.length + attrs[i].value.length;
        if (style && !n.checkVisibility()) acc++;
        for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
      } else if (n.nodeType === 3) {
        acc += n.data.length;
      }
    }
    const t1 = now();
    B.keep = acc;
    return { total: t1 - t0, nodes };
  }
  const out = {};
  for (const name of order) {
    collect();
    const h0 = heap();
    const m0 = wantMemory && B.exports ? B.exports.memory.buffer.byteLength : 0;
    try {
      out[name] = engines[name]();
    } catch (err) {
      // One engine failing on a page (a page CSP that forbids wasm, a document Readability
      // refuses) leaves the others measured; that page drops out of this engine's numbers.
      out[name] = { total: NaN, error: String(err && err.message || err).slice(0, 200) };
      continue;
    }
    if (wantMemory) {
      out[name].heapGrowth = heap() - h0;
      if (name === 'sift' && B.exports) out[name].wasmMemory = B.exports.memory.buffer.byteLength;
      if (name === 'sift') out[name].wasmMemoryBefore = m0;
    }
    B.keep = null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The extension, copied to a temp dir with host permission for the benchmark's server.

/** Files the background injects (extension/background.js CONTENT_FILES, up to the engine). */
const EXT_CONTENT_FILES = ['lib/webext.js', 'lib/messages.js', 'wasm/sift-content.js', 'content/capture.js',
  'content/engine.js'];

function prepareExtension() {
  if (EXT_SRC === 'none') return null;
  const built = path.join(ROOT, 'target', 'extension', 'chrome');
  const src = EXT_SRC ? path.resolve(ROOT, EXT_SRC) : fs.existsSync(built) ? built : path.join(ROOT, 'extension');
  if (!fs.existsSync(path.join(src, 'manifest.json')) || !fs.existsSync(path.join(src, 'wasm', 'sift_bg.wasm')) ||
      !fs.existsSync(path.join(src, 'background.js'))) {
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-bench-ext-'));
  fs.cpSync(src, dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const overlay = path.join(dir, 'manifest.chrome.json');
  if (fs.existsSync(overlay)) Object.assign(manifest, JSON.parse(fs.readFileSync(overlay, 'utf8')));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  // An unfinished tree may name icons it does not have yet; Chromium then refuses to load it.
  const missing = (icons) => Object.values(icons ?? {}).some((f) => !fs.existsSync(path.join(dir, f)));
  if (missing(manifest.icons)) delete manifest.icons;
  if (manifest.action && missing(manifest.action.default_icon)) delete manifest.action.default_icon;
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return { dir, src };
}

/** In the service worker: inject the content files into the tab at `url`; its tab id and how
 * long the injection took (ms: the part of a user's first click that no timed run includes). */
async function extPrepare([url, files]) {
  // Every corpus page stands for a site of its own, but all share the server's origin: forget
  // the origins whose CSP refused wasm in a content script (background.js keeps them for the
  // session), or one page with a CSP <meta> would send every later page to the background.
  await chrome.storage.session.remove('wasmRefusedOrigins');
  const [tab] = await chrome.tabs.query({ url });
  if (!tab) throw new Error(`no tab for ${url}`);
  const t0 = performance.now();
  await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
  const inject = performance.now() - t0;
  // As content.js does once injected: start the engine (the first timed run follows at once, as
  // the popup's first message does).
  await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.SiftEngine.prepare() });
  return { tabId: tab.id, inject };
}

/** In the service worker: one timed run in the tab's content-script world. */
async function extRound(tabId) {
  const [res] = await chrome.scripting.executeScript({
    target: { tabId },
    func: async () => {
      const t0 = performance.now();
      globalThis.SiftEngine.prepare(); // as content.js does: the wasm loads during the capture
      const { snapshot } = globalThis.SiftCapture.capture(document);
      const t1 = performance.now();
      const r = await globalThis.SiftEngine.analyze(snapshot, { reader: true });
      const t2 = performance.now();
      return { total: t2 - t0, capture: t1 - t0, message: t2 - t1, engine: r && r.engine, ok: Boolean(r && r.ok),
        error: r && r.error, startup: globalThis.SiftEngine.startup?.() ?? null };
    },
  });
  return res.result;
}

// ---------------------------------------------------------------------------------------------
// Statistics

const quantile = (xs, q) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
};
const median = (xs) => quantile(xs, 0.5);
const max = (xs) => Math.max(...xs.filter(Number.isFinite));
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

// ---------------------------------------------------------------------------------------------

async function main() {
  const pages = corpusPages();
  const server = http.createServer((req, res) => {
    const isolate = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const m = /^\/page\/(\d+)$/.exec(req.url);
    if (m && pages[Number(m[1])]) {
      const p = pages[Number(m[1])];
      // wcxb pages are UTF-8; readability-test-pages declare their charset in the markup.
      const csp = STRICT_CSP ? { 'Content-Security-Policy': "script-src 'self' 'unsafe-inline'; object-src 'none'" } : {};
      res.writeHead(200, { ...isolate, ...csp, 'Content-Type': p.utf8 ? 'text/html; charset=utf-8' : 'text/html' });
      res.end(pageBytes(p));
    } else if (req.url === '/bench/sift_bg.wasm' && wasmBytes) {
      res.writeHead(200, { ...isolate, 'Content-Type': 'application/wasm' });
      res.end(wasmBytes);
    } else {
      res.writeHead(404, isolate);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-bench-'));
  const ext = prepareExtension();
  const extArgs = ext ? [`--disable-extensions-except=${ext.dir}`, `--load-extension=${ext.dir}`] : [];
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...extArgs,
      '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      `--js-flags=--expose-gc${JS_FLAGS ? ' ' + JS_FLAGS : ''}`, '--enable-precise-memory-info',
    ],
  });
  // No network: any http(s) request to another host fails at once (extension URLs pass).
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || !/^(https?|wss?):/.test(url) ? route.continue() : route.abort();
  });
  await ctx.addInitScript({ content: harnessSrc });
  // One tab for every page, as a user's tab goes from page to page: all pages share the bench
  // server's origin, so they share one renderer process, and with it V8's cache of compiled
  // wasm (with a tab per page, the in-page analysis ran in a fresh process each time: about
  // 1.5x slower, see BENCHMARKS.md). When a page fails, the tab is replaced and the page tried once
  // more (wcxb/0121 navigates itself away late: in the 10:15 run that interrupted the loads of
  // the 23 pages after it in the same tab).
  let page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  const freshTab = async () => {
    const old = page;
    page = await ctx.newPage();
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    await within(old.close(), 'closing the tab').catch(() => {});
  };
  const sw = ext ? (ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 10_000 }))) : null;
  if (process.env.DEBUG_SW) ctx.on('console', (m) => console.error('console:', m.text()));

  const inPageSift = HAVE_SIFT && !STRICT_CSP;
  const engines = [...(inPageSift ? ['sift'] : []), 'rdb', 'rdbl', 'floor', 'floorStyle'];
  const allEngines = [...engines, ...(sw ? ['ext'] : [])];
  const results = [];
  const failures = [];
  let isolated = null;
  const largest = pages.reduce((best, p, i) => {
    const size = pageBytes(p).length;
    return size > best.size ? { i, size } : best;
  }, { i: -1, size: 0 });
  const started = Date.now();
  let retried = -1;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i];
    try {
      await page.goto(`${origin}/page/${i}`, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      if (isolated === null) isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
      const ok = await within(page.evaluate(() => Boolean(globalThis.__siftBench && globalThis.__siftBench.Readability)), 'harness check');
      if (!ok) throw new Error('harness not present in the page');
      const r = { name: p.name, bytes: pageBytes(p).length, runs: {} };
      let pageEngines = engines;
      if (inPageSift) {
        try {
          r.cold = await within(page.evaluate(coldStart), 'cold start');
        } catch (err) {
          // e.g. the page's own CSP (a <meta> one) forbids wasm here: the extension path remains.
          r.cold = null;
          r.errors = [`sift in page: ${String(err.message ?? err).split('\n')[0].slice(0, 160)}`];
          pageEngines = engines.filter((e) => e !== 'sift');
        }
      }
      for (const e of allEngines) r.runs[e] = [];
      const injected = sw ? await within(sw.evaluate(extPrepare, [`${origin}/page/${i}`, EXT_CONTENT_FILES]), 'injection') : null;
      const tabId = injected?.tabId;
      if (injected) r.inject = injected.inject;
      for (let it = 0; it < ITERS; it++) {
        const order = pageEngines.map((_, k) => pageEngines[(k + it) % pageEngines.length]);
        const extRun = async () => {
          // No gc() round trip before the first run: it follows the injection as closely as the
          // popup's first message follows it for a user.
          if (r.runs.ext.length) await within(page.evaluate(() => { if (typeof gc === 'function') gc(); }), 'gc');
          const x = await within(sw.evaluate(extRound, tabId), 'extension run');
          if (!x.ok) throw new Error(`extension: ${JSON.stringify(x.error)} (DEBUG_SW=1 shows the worker's console)`);
          r.runs.ext.push(x);
        };
        // The extension's first run on a page comes right after the injection (before the
        // in-page engines keep the page's thread busy and the engine's start-up would be done).
        if (sw && it % 2 === 0) await extRun();
        const out = await within(page.evaluate(runRound, [order, it === 0 && i === largest.i]), 'in-page round');
        for (const e of engines) r.runs[e].push(out[e] ?? { total: NaN });
        if (sw && it % 2 === 1) await extRun();
      }
      results.push(r);
    } catch (err) {
      await freshTab();
      if (retried !== i) {
        retried = i;
        i--; // once more, in the new tab
        continue;
      }
      failures.push(`${p.name}: ${String(err.message ?? err).split('\n')[0]}`);
    }
    if ((i + 1) % 25 === 0) {
      process.stderr.write(`  ${i + 1}/${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  }
  const version = ctx.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  await ctx.close();
  server.close();
  fs.rmSync(userDir, { recursive: true, force: true });
  if (ext) fs.rmSync(ext.dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  fs.writeFileSync(JSON_OUT, JSON.stringify({ version, isolated, results, failures }, null, 1));
  report({ version, isolated, results, failures, engines: allEngines, largest: pages[largest.i], ext, inPageSift });
}

/** Where the extension's engine ran, over all its runs: "content script: N, background: M". */
function engineWhere(results) {
  const n = { content: 0, background: 0, other: 0 };
  for (const r of results) for (const x of r.runs.ext ?? []) n[x.engine in n ? x.engine : 'other']++;
  return [n.content && `wasm in the content script: ${n.content} runs`, n.background && `background: ${n.background} runs`,
    n.other && `unknown: ${n.other}`].filter(Boolean).join(', ');
}

function report({ version, isolated, results, failures, engines, largest, ext, inPageSift }) {
  const label = {
    sift: 'Sift in page: capture + analyze + reader doc',
    rdb: 'Readability.js: clone + parse',
    rdbl: 'Readability.js: isProbablyReaderable',
    floor: 'floor: JS walk (tag, attributes, text)',
    floorStyle: 'floor+style: same + checkVisibility()',
    ext: 'Sift via the extension: capture + SiftEngine.analyze',
  };
  const per = (e, field = 'total') => results.map((r) => median(r.runs[e].map((x) => x[field])));
  const first = (e, field = 'total') => results.map((r) => (r.runs[e][0] ? r.runs[e][0][field] : NaN));
  console.log(`Chromium ${version} headless, ${results.length} pages (${results.filter((r) => r.name.startsWith('rtp/')).length} readability-test-pages + ${EVERY > 1 ? `every ${EVERY}th` : 'all'} wcxb-dev page${ONLY ? `, only names with "${ONLY}"` : ''}${STRIDE > 1 ? `, then every ${STRIDE}th page` : ''}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ` +
    `${ITERS} runs per engine per page, engines interleaved; cross-origin isolated timers: ${isolated}${JS_FLAGS ? `; V8 flags: ${JS_FLAGS}` : ''}.\n`);
  console.log(ext ? `Extension measured from ${ext.src.startsWith(ROOT) ? path.relative(ROOT, ext.src) : ext.src}${STRICT_CSP ? '; every page served with a strict CSP (no wasm-unsafe-eval), so in-page Sift is not measured' : ''}.\n` : 'Extension path not measured (no built extension with wasm found).\n');
  if (!HAVE_SIFT) {
    console.log(`**Sift not measured**: missing ${[!glueSrc && 'extension/wasm/sift.js', !wasmBytes && 'extension/wasm/sift_bg.wasm', !captureSrc && 'extension/content/capture.js'].filter(Boolean).join(', ')}.\n`);
  }
  console.log('| engine | median ms | p90 ms | max ms | first run on page: median ms | p90 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const rows = [];
  for (const e of engines) {
    rows.push([label[e], per(e), first(e)]);
    if (e === 'sift') {
      rows.push(['  Sift capture (JS walk -> snapshot)', per(e, 'capture'), first(e, 'capture')]);
      rows.push(['  Sift analyze (wasm, all passes + reader)', per(e, 'analyze'), first(e, 'analyze')]);
      rows.push(['  snapshot JSON round trip (what a message costs at least)', per(e, 'handoff'), first(e, 'handoff')]);
    }
    if (e === 'ext') {
      rows.push(['  capture in the content script', per(e, 'capture'), first(e, 'capture')]);
      rows.push([`  analyze (${engineWhere(results)})`, per(e, 'message'), first(e, 'message')]);
    }
  }
  for (const [name, v, f] of rows) {
    console.log(`| ${name} | ${f2(median(v))} | ${f2(quantile(v, 0.9))} | ${f1(max(v))} | ${f2(median(f))} | ${f2(quantile(f, 0.9))} |`);
  }
  const ratio = (a, b, pick = per) => {
    const x = pick(a);
    const y = pick(b);
    return x.map((v, k) => v / y[k]);
  };
  const siftEngines = engines.filter((e) => e === 'sift' || e === 'ext');
  if (siftEngines.length) {
    console.log('\n| per-page ratio | median | p90 | max | target |');
    console.log('|---|---:|---:|---:|---|');
    for (const e of siftEngines) {
      const who = e === 'sift' ? 'Sift in page' : 'Sift via extension';
      const line = (name, v, target = '') =>
        console.log(`| ${name} | ${f2(median(v))} | ${f2(quantile(v, 0.9))} | ${f2(max(v))} | ${target} |`);
      line(`${who} / Readability.js`, ratio(e, 'rdb'), '<= 0.20');
      // Its two parts against the same Readability.js time: neither alone fits in the 1/5.
      line(`  ${e === 'sift' ? 'capture' : 'capture in the content script'} alone / Readability.js`, ratio(e, 'rdb', (x) => per(x, x === e ? 'capture' : 'total')));
      line(`  ${e === 'sift' ? 'analyze' : 'analyze (SiftEngine.analyze)'} alone / Readability.js`, ratio(e, 'rdb', (x) => per(x, x === e ? (e === 'sift' ? 'analyze' : 'message') : 'total')));
      line(`${who} / Readability.js, first run on page`, ratio(e, 'rdb', first));
      line(`${who} / floor`, ratio(e, 'floor'), '<= 3');
      line(`${who} / floor+style`, ratio(e, 'floorStyle'));
    }
    // What any capture that reads every element's visibility costs at least, against the target.
    if (engines.includes('floorStyle')) {
      console.log(`| floor+style / Readability.js (the walk with visibility alone) | ${f2(median(ratio('floorStyle', 'rdb')))} | ` +
        `${f2(quantile(ratio('floorStyle', 'rdb'), 0.9))} | ${f2(max(ratio('floorStyle', 'rdb')))} |  |`);
    }
  }
  if (inPageSift) {
    const cold = results.map((r) => r.cold).filter(Boolean);
    console.log('\nCold start in the page, per page (new document each time; the first page is the only truly cold compile):\n');
    console.log('| wasm start-up | first page ms | median ms | p90 ms |');
    console.log('|---|---:|---:|---:|');
    for (const k of ['fetch', 'compile', 'instantiate', 'total']) {
      const v = cold.map((c) => c[k]);
      console.log(`| ${k} | ${f2(v[0])} | ${f2(median(v))} | ${f2(quantile(v, 0.9))} |`);
    }
  }
  if (engines.includes('ext') && results.length) {
    const x = results[0].runs.ext;
    const warm = median(x.slice(1).map((r) => r.message));
    const where = x[0].engine === 'background' ? 'in the background (after the service worker started)' : 'in the content script';
    const startSteps = x[0].engine === 'background' ? 'compiling and instantiating the module in the service worker'
      : 'the module\'s delivery, compile and instantiation where not done by then';
    console.log(`\nCold start of the extension's engine on the first page, ${where}: the first analysis (${startSteps}, ` +
      `then analyze) took ${f2(x[0].message)} ms on ${results[0].name}, ` +
      `against ${f2(warm)} ms for the next runs on the same page.` + (x[0].engine === 'background' ? '' :
      ` On every later page the content script compiles the module again (a new page is a new content-script ` +
      `world): that is in the "first run on page" column.`));
  }
  const big = results.find((r) => r.name === largest?.name);
  if (big) {
    const m = (e) => big.runs[e][0];
    console.log(`\nMemory on the largest page (${big.name}, ${(big.bytes / 1e6).toFixed(2)} MB of HTML), first run, no GC inside a run:\n`);
    console.log('| engine | JS heap growth during the run, MB | wasm linear memory after, MB |');
    console.log('|---|---:|---:|');
    for (const e of engines.filter((k) => k !== 'ext')) {
      const x = m(e);
      if (!x || x.heapGrowth === undefined) continue;
      const wasm = e === 'sift' ? `${f2(x.wasmMemory / 1e6)} (before: ${f2(x.wasmMemoryBefore / 1e6)})` : '';
      console.log(`| ${label[e]} | ${f2(x.heapGrowth / 1e6)} | ${wasm} |`);
    }
  }
  // After the memory table (the tables' numbering in BENCHMARKS.md markers stays put).
  if (engines.includes('ext') && results.length) {
    // The first run on each page, step by step (SiftEngine.startup(): the engine's own clock), and
    // the injection of the content files before it (outside every timed run).
    const firsts = results.map((r) => r.runs.ext[0]).filter((f) => f && f.startup);
    if (firsts.length) {
      const steps = [
        ['injecting the content files (before the run; not in its time)', results.map((r) => r.inject)],
        ['capture (first on the page: cold JS)', firsts.map((f) => f.capture)],
        ['engine, from its start at the injection: the background\'s answer (with the module\'s bytes) and the WebAssembly probe', firsts.map((f) => f.startup.allowed)],
        ['engine: decode the bytes', firsts.map((f) => f.startup.decode)],
        ['engine: compile', firsts.map((f) => f.startup.compile)],
        ['engine: instantiate', firsts.map((f) => f.startup.instantiate)],
        ['capture + analyze, first run (the "first run on page" column)', firsts.map((f) => f.total)],
        ['capture + analyze, later runs', results.map((r) => median(r.runs.ext.slice(1).map((q) => q.total)))],
      ];
      console.log(`\nThe first run on a page through the extension, step by step (${firsts.length} pages where the engine ran in the content script):\n`);
      console.log('| step | median ms | p90 ms |');
      console.log('|---|---:|---:|');
      for (const [name, v] of steps) console.log(`| ${name} | ${f2(median(v))} | ${f2(quantile(v, 0.9))} |`);
    }
  }
  const engineErrors = [];
  for (const r of results) {
    for (const e of r.errors ?? []) engineErrors.push(`${r.name}: ${e}`);
    for (const [e, runs] of Object.entries(r.runs)) {
      const bad = runs.find((x) => x && x.error);
      if (bad) engineErrors.push(`${r.name}: ${e}: ${bad.error}`);
    }
  }
  if (engineErrors.length) {
    console.log(`\nEngine failures on otherwise measured pages (${engineErrors.length}; that page drops out of that engine's numbers):\n`);
    for (const f of engineErrors.slice(0, 20)) console.log(`- ${f}`);
  }
  if (failures.length) {
    console.log(`\nPages that failed (${failures.length}), excluded:\n`);
    for (const f of failures.slice(0, 20)) console.log(`- ${f}`);
  }
}

main().catch((e) => {
  console.error(`bench-browser: ${e.stack ?? e}`);
  process.exit(1);
});
