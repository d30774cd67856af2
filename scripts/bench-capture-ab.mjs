#!/usr/bin/env node
// A/B of two capture.js versions in one headless Chromium tab, page by page: are their snapshots
// identical (JSON and the element list), and how long does each take (median of --iters runs,
// alternating, gc() before each)? For judging one change to extension/content/capture.js.
//
// --cold times instead the capture a user gets: the first one on a freshly loaded page (the DOM's
// per-element objects, such as attribute maps, not made yet; the capture's code not compiled yet
// in that document). Per page four loads (A, B, A, B or B, A, B, A, alternating by page), one
// capture after each; per page and version the better of its two loads. Run it in both orders:
// on this shared machine a few percent either way is noise.
//
// Usage: node scripts/bench-capture-ab.mjs [--corpus ../shared/corpus] [--every 40] [--iters 7] [--cold] A.js B.js
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flags = {};
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--cold') flags.cold = true;
  else if (argv[i].startsWith('--')) flags[argv[i].slice(2)] = argv[++i];
  else files.push(path.resolve(argv[i]));
}
const COLD = flags.cold === true;
const CORPUS = path.resolve(ROOT, flags.corpus ?? '../shared/corpus');
const EVERY = Number(flags.every ?? 40);
const ITERS = Number(flags.iters ?? 7);
if (files.length !== 2) {
  console.error('usage: node scripts/bench-capture-ab.mjs [--corpus DIR] [--every N] [--iters N] [--cold] A.js B.js');
  process.exit(2);
}
const rtp = path.join(CORPUS, 'readability-test-pages');
const wcxb = path.join(CORPUS, 'wcxb-dev', 'html');
if (!fs.existsSync(rtp) || !fs.existsSync(wcxb)) {
  console.error(`bench-capture-ab: the corpus is missing under ${CORPUS} (--corpus DIR)`);
  process.exit(2);
}
const pages = fs.readdirSync(rtp).sort().map((d) => path.join(rtp, d, 'source.html')).filter((f) => fs.existsSync(f));
fs.readdirSync(wcxb).sort().forEach((f, i) => { if (i % EVERY === 0) pages.push(path.join(wcxb, f)); });

const server = http.createServer((req, res) => {
  const file = pages[Number(req.url.split(/[/?]/)[1])]; // /N, or /N?anything (--cold: a fresh load)
  if (!file) { res.writeHead(404); res.end(); return; }
  const raw = fs.readFileSync(file);
  res.writeHead(200, {
    'Content-Type': file.endsWith('.gz') ? 'text/html; charset=utf-8' : 'text/html',
    'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', // 5 µs timers
  });
  res.end(file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
// Each version is loaded under its own name (capture.js keeps the first SiftCapture it sees).
const load = (file, key) => `(() => { delete globalThis.SiftCapture; ${fs.readFileSync(file, 'utf8')};
  globalThis.__capture${key} = globalThis.SiftCapture; delete globalThis.SiftCapture; })();`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'],
});
const ctx = await browser.newContext();
await ctx.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
const page = await ctx.newPage();
page.on('dialog', (d) => d.dismiss().catch(() => {}));
await page.addInitScript(load(files[0], 'A') + load(files[1], 'B'));
const rows = [];
/** --cold: one capture right after each of four fresh loads of page i; the better load per version. */
async function coldRow(i) {
  const t = { A: [], B: [] };
  for (const k of (i % 2 ? ['A', 'B', 'A', 'B'] : ['B', 'A', 'B', 'A'])) {
    await page.goto(`${origin}/${i}?${k}${t[k].length}`, { waitUntil: 'load', timeout: 20000 });
    t[k].push(await page.evaluate((key) => {
      const t0 = performance.now();
      const x = globalThis[`__capture${key}`].capture(document);
      globalThis.__keep = x.snapshot.text.charCodeAt(x.snapshot.text.length >> 1); // flattened, as the glue needs it
      return performance.now() - t0;
    }, k));
  }
  return { same: true, a: Math.min(...t.A), b: Math.min(...t.B) };
}
for (let i = 0; i < pages.length; i++) {
  try {
    if (COLD) {
      rows.push(await coldRow(i));
      continue;
    }
    await page.goto(`${origin}/${i}`, { waitUntil: 'load', timeout: 20000 });
    rows.push(await page.evaluate((iters) => {
      const a = globalThis.__captureA;
      const b = globalThis.__captureB;
      const sa = a.capture(document);
      const sb = b.capture(document);
      const same = JSON.stringify(sa.snapshot) === JSON.stringify(sb.snapshot)
        && sa.elements.length === sb.elements.length && sa.elements.every((e, k) => e === sb.elements[k]);
      const ta = [];
      const tb = [];
      for (let k = 0; k < iters; k++) {
        for (const [f, t] of (k % 2 ? [[a, ta], [b, tb]] : [[b, tb], [a, ta]])) {
          gc();
          const t0 = performance.now();
          const x = f.capture(document);
          const text = x.snapshot.text; // flattened, as the wasm glue will need it
          globalThis.__keep = text.charCodeAt(text.length >> 1);
          t.push(performance.now() - t0);
        }
      }
      const med = (v) => v.sort((x, y) => x - y)[v.length >> 1];
      return { same, a: med(ta), b: med(tb) };
    }, ITERS));
    if (!rows.at(-1).same) console.log(`different snapshots: ${path.relative(CORPUS, pages[i])}`);
  } catch (err) {
    console.error(`skipped ${path.relative(CORPUS, pages[i])}: ${String(err.message ?? err).split('\n')[0]}`);
  }
}
await browser.close();
server.close();
const med = (v) => { const x = [...v].sort((p, q) => p - q); return x[x.length >> 1]; };
if (COLD) console.log(`\n${rows.length} pages; first capture on a fresh load, the better of 2 loads each (snapshots not compared)`);
else console.log(`\n${rows.length} pages, identical snapshots on ${rows.filter((r) => r.same).length}`);
console.log(`median capture ms: A ${med(rows.map((r) => r.a)).toFixed(3)}, B ${med(rows.map((r) => r.b)).toFixed(3)}; ` +
  `median per-page ratio B / A ${med(rows.map((r) => r.b / r.a)).toFixed(3)}`);
