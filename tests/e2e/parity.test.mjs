// Builder parity: every tests/fixtures/*/page.html through both snapshot builders, one named test
// per fixture (GUIDE "Tests": the same fixtures run through the native HTML parser and the live
// DOM in a real browser, as Readability runs each page through two DOM implementations).
//
//   native   `target/release/sift read --format json PAGE --url URL` (src/html.rs, html5ever:
//            hidden = markup only)
//   browser  the same page served from 127.0.0.1 (tests/e2e/lib/server.mjs) in Debian's Chromium;
//            extension/content/capture.js and the shipped wasm (extension/wasm/sift.js no-modules
//            glue + sift_bg.wasm) are evaluated in the page, then
//            wasm_bindgen.analyze(SiftCapture.capture(document).snapshot, {reader: true})
//            (hidden = computed style; the flat format of src/snapshot/flat.rs, decoded by
//            src/web/decode.rs).
//
// Compared, by content (node ids may differ between builders): the outline (levels + texts), the
// clutter decisions (kind + the first words of each hidden block's text), the article verdict and
// the chosen article's first words, metadata title/lang/dir, and the reader text (whitespace
// normalised); and the snapshots themselves, node by node (tag, parent, exact text, attributes in
// any order; not the hidden flags or layout, which the browser computes from style). Node ids of the native decisions are turned into text with the native snapshot
// itself (examples/snapshot_json.rs prints it one object per node, the shape SiftCapture.expand gives); on a failure the message
// also shows where the two snapshots first differ, which usually names the builder bug.
//
// A difference with a legitimate cause (the browser sees the stylesheet, the parser does not) is
// listed in KNOWN_DIFFERENCES with that cause; it must still differ, so the entry is removed when
// the builders come to agree (ruffle's known_failure).
//
// Needs `make build` (target/release/sift, extension/wasm/). Builds the snapshot_json example
// itself (incremental cargo build). Pages' own requests to any host but the test server are
// aborted: no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const FIXTURES_DIR = path.join(repoRoot, 'tests/fixtures');
const SIFT = path.join(repoRoot, 'target/release/sift');
const SNAPSHOT_JSON = path.join(repoRoot, 'target/release/examples/snapshot_json');
const WASM_DIR = path.join(repoRoot, 'extension/wasm');
const CAPTURE = path.join(repoRoot, 'extension/content/capture.js');

/** Words of a hidden block's text that identify it. */
const BLOCK_WORDS = 8;
/** ...and at most this many characters of them (CJK text has no spaces between words). */
const BLOCK_CHARS = 60;

/**
 * Legitimate differences: fixture -> field -> why. The field must differ (else the entry is stale
 * and the test fails, so it gets removed). Fields: outline, clutter, article, verdict, title,
 * lang, dir, readerText, snapshot (the two snapshots' nodes: tags, parents, text, attributes).
 */
const KNOWN_DIFFERENCES = {
  'edge/css-hidden': {
    readerText: 'a page stylesheet hides a promo box and a note: the browser computes it, the parser reads markup only',
  },
};

/** Every fixture's page, then the builder edge-case pages in tests/e2e/pages/parity/ (markup
 * where the two builders are most likely to part: template, noscript, SVG, dialog, ...). */
const EDGE_DIR = path.join(repoRoot, 'tests/e2e/pages/parity');
const pages = [
  ...fs.readdirSync(FIXTURES_DIR)
    .filter((d) => fs.existsSync(path.join(FIXTURES_DIR, d, 'page.html')))
    .sort()
    .map((d) => ({ name: d, file: path.join(FIXTURES_DIR, d, 'page.html') })),
  ...(fs.existsSync(EDGE_DIR) ? fs.readdirSync(EDGE_DIR) : [])
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: `edge/${f.replace(/\.html$/, '')}`, file: path.join(EDGE_DIR, f) })),
];

// The shared test server serves the pages in PAGES (looked up per request): add ours.
for (const p of pages) {
  PAGES[`/parity/${p.name}/`] = { file: () => p.file, headers: {} };
}

let server;
let browser;
let siftSource;
let wasmBase64;

before(async () => {
  for (const f of [SIFT, path.join(WASM_DIR, 'sift.js'), path.join(WASM_DIR, 'sift_bg.wasm'), CAPTURE]) {
    assert.ok(fs.existsSync(f), `${path.relative(repoRoot, f)} is missing: run \`make build\` first`);
  }
  // The native snapshot printer (incremental: a no-op when it is fresh).
  execFileSync('cargo', ['build', '--release', '--quiet', '--example', 'snapshot_json'], { cwd: repoRoot, stdio: 'inherit' });
  siftSource = `${fs.readFileSync(path.join(WASM_DIR, 'sift.js'), 'utf8')}\n;globalThis.wasm_bindgen = wasm_bindgen;\n`
    + fs.readFileSync(CAPTURE, 'utf8');
  wasmBase64 = fs.readFileSync(path.join(WASM_DIR, 'sift_bg.wasm')).toString('base64');
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Text of node `id`'s subtree in a snapshot DTO (its #text descendants, in order). */
function subtreeText(nodes, id) {
  // Pre-order with parent links: the subtree is id..end where every node's parent is >= id.
  const inside = new Set([id]);
  let out = '';
  for (let i = id + 1; i < nodes.length; i++) {
    if (!inside.has(nodes[i].parent)) break;
    inside.add(i);
    if (nodes[i].tag === '#text') out += nodes[i].text;
  }
  return norm(out);
}

/** `tag#id.class` of an element node, for blocks without text. */
function describe(node) {
  const attr = (n) => node.attrs?.find(([k]) => k === n)?.[1];
  let s = node.tag;
  if (attr('id')) s += `#${attr('id').trim()}`;
  for (const c of (attr('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2)) s += `.${c}`;
  return s;
}

/** The first words of a block: what identifies it across builders. */
function firstWords(nodes, id) {
  if (!nodes[id]) return `(node ${id} is not in the snapshot)`;
  const text = subtreeText(nodes, id);
  if (!text) return `(no text) <${describe(nodes[id])}>`;
  return text.split(' ').slice(0, BLOCK_WORDS).join(' ').slice(0, BLOCK_CHARS);
}

/** What the comparison looks at, from one analysis and the snapshot its ids refer to. */
function essentials(analysis, nodes) {
  return {
    outline: analysis.outline.map((e) => `${e.level} ${norm(e.text)}`),
    clutter: analysis.clutter.map((c) => `${c.kind}: ${firstWords(nodes, c.node)}`).sort(),
    article: analysis.article ? `<${nodes[analysis.article.root]?.tag}> ${firstWords(nodes, analysis.article.root)}` : null,
    verdict: analysis.verdict ? analysis.verdict.isArticle : null,
    title: analysis.metadata.title ?? null,
    lang: analysis.metadata.lang ?? null,
    dir: analysis.metadata.dir ?? null,
    readerText: norm(analysis.reader?.text),
  };
}

/** An element's attributes, order aside (html5ever keeps them sorted, the DOM in source order). */
const attrKey = (n) => JSON.stringify([...(n.attrs ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Where two snapshots first differ (tag, parent, exact text, attributes in any order), or null
 * when they have the same nodes. Hidden flags and layout are not compared: the browser computes
 * them from style, the parser reads markup. */
function firstSnapshotDifference(a, b) {
  const show = (n) => (n ? (n.tag === '#text' ? JSON.stringify(n.text.slice(0, 60)) : `<${n.tag}${(n.attrs ?? []).map(([k, v]) => ` ${k}="${v.slice(0, 30)}"`).join('')}>`) : '(end)');
  const len = Math.max(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i];
    const y = b[i];
    // Tag names compared lower-cased, as the core stores them (the DOM says clipPath, html5ever clippath).
    const same = x && y && x.tag.toLowerCase() === y.tag.toLowerCase() && x.parent === y.parent
      && (x.tag === '#text' ? x.text === y.text : attrKey(x) === attrKey(y));
    if (!same) {
      const path = (nodes, j) => {
        const names = [];
        for (let k = nodes[j]?.parent; k !== undefined && k >= 0; k = nodes[k].parent) names.unshift(nodes[k].tag);
        return names.join(' > ');
      };
      return `snapshots first differ at node ${i} (${a.length} native vs ${b.length} browser nodes):\n`
        + `  native:  ${path(a, i)} > ${show(x)} (parent ${x?.parent})\n`
        + `  browser: ${path(b, i)} > ${show(y)} (parent ${y?.parent})`;
    }
  }
  return null;
}

/** Nodes hidden by themselves in one snapshot and not the other (same-shaped snapshots only). */
function hiddenDifferences(a, b) {
  if (a.length !== b.length) return '';
  const out = [];
  for (let i = 0; i < a.length; i++) {
    if (!!a[i].hidden !== !!b[i].hidden) out.push(`  node ${i} <${describe(a[i])}>: ${a[i].hidden ? 'native' : 'browser'} only`);
  }
  return out.length ? `hidden by itself in one builder only:\n${out.join('\n')}` : '';
}

/** Runs the native CLI and the native snapshot printer on a fixture. */
function native(page, url) {
  const run = (bin, args) => execFileSync(bin, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const analysis = JSON.parse(run(SIFT, ['read', '--format', 'json', page, '--url', url]));
  const snapshot = JSON.parse(run(SNAPSHOT_JSON, [page, url]));
  return { analysis, nodes: snapshot.nodes };
}

/** Loads the fixture in Chromium and runs capture.js + the wasm on the live document. */
async function inBrowser(url) {
  // bypassCSP: a page's own CSP (e.g. a <meta> one) must not stop the injected code and wasm.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const errors = [];
  try {
    // No network: anything but the test server is aborted (fixtures name remote images etc.).
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin + '/') ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    // Evaluated, not added as <script> elements: the captured document stays the page's own.
    await page.evaluate((src) => { (0, eval)(src); }, siftSource);
    const res = await page.evaluate(async (b64) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      await globalThis.wasm_bindgen({ module_or_path: bytes });
      const { snapshot } = globalThis.SiftCapture.capture(document);
      // The flat snapshot, expanded to one object per node for the comparison below.
      return { snapshot: { nodes: globalThis.SiftCapture.expand(snapshot) }, result: globalThis.wasm_bindgen.analyze(snapshot, { reader: true }) };
    }, wasmBase64);
    return { ...res, errors };
  } finally {
    await context.close();
  }
}

for (const { name: slug, file } of pages) {
  test(`parity: ${slug}`, async () => {
    const url = server.url(`/parity/${slug}/`);
    const nat = native(file, url);
    const web = await inBrowser(url);
    assert.equal(web.result?.ok, true, `wasm analyze failed: ${JSON.stringify(web.result?.error)}`);

    // The snapshots themselves: same nodes in the same order (so node ids agree too).
    const snapshotDiff = firstSnapshotDifference(nat.nodes, web.snapshot.nodes);
    const want = { ...essentials(nat.analysis, nat.nodes), snapshot: null };
    const got = { ...essentials(web.result.analysis, web.snapshot.nodes), snapshot: snapshotDiff };
    const known = KNOWN_DIFFERENCES[slug] ?? {};
    const hint = () => [snapshotDiff === null ? `the snapshots have the same ${nat.nodes.length} nodes` : known.snapshot ? snapshotDiff : '',
      hiddenDifferences(nat.nodes, web.snapshot.nodes)].filter(Boolean).join('\n');
    const problems = [];
    for (const field of Object.keys(want)) {
      let same = true;
      try {
        assert.deepEqual(got[field], want[field]);
      } catch {
        same = false;
      }
      if (known[field]) {
        if (same) problems.push(`${field}: the builders now agree; remove the KNOWN_DIFFERENCES entry ("${known[field]}")`);
      } else if (!same && field === 'snapshot') {
        problems.push(snapshotDiff);
      } else if (!same) {
        problems.push(`${field} differs (native vs browser):\n  native:  ${JSON.stringify(want[field], null, 1)}\n  browser: ${JSON.stringify(got[field], null, 1)}`);
      }
    }
    // The page's own script errors are not Sift's; they can explain a difference (a script that
    // ran, or failed half-way, changed the live document).
    const errors = web.errors.length ? `page errors: ${web.errors.join('; ')}` : '';
    if (problems.length) assert.fail([`${slug}:`, ...problems, hint(), errors].filter(Boolean).join('\n'));
  });
}
