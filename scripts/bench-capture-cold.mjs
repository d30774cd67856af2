#!/usr/bin/env node
// A/B of two capture.js versions on the capture a user gets: the first one on a freshly loaded
// page (the DOM's per-element objects, such as attribute maps, not created yet; the capture's JS
// not compiled yet in that document). Per page, four loads in one headless Chromium tab (A, B,
// A, B or B, A, B, A, alternating by page), one capture after each; per page and version the
// better of its two loads, then the median of the per-page ratios B / A. Run it in both orders:
// on this shared machine a few percent either way is noise. The warm, repeated capture and the
// snapshots' identity are bench-capture-ab.mjs's job.
//
// Usage: node scripts/bench-capture-cold.mjs [--corpus ../shared/corpus] [--every 40] A.js B.js
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
  if (argv[i].startsWith('--')) flags[argv[i].slice(2)] = argv[++i];
  else files.push(path.resolve(argv[i]));
}
const CORPUS = path.resolve(ROOT, flags.corpus ?? '../shared/corpus');
const EVERY = Number(flags.every ?? 40);
if (files.length !== 2) {
  console.error('usage: node scripts/bench-capture-cold.mjs [--corpus DIR] [--every N] A.js B.js');
  process.exit(2);
}
const rtp = path.join(CORPUS, 'readability-test-pages');
const wcxb = path.join(CORPUS, 'wcxb-dev', 'html');
if (!fs.existsSync(rtp) || !fs.existsSync(wcxb)) {
  console.error(`bench-capture-cold: the corpus is missing under ${CORPUS} (--corpus DIR)`);
  process.exit(2);
}
const pages = fs.readdirSync(rtp).sort().map((d) => path.join(rtp, d, 'source.html')).filter((f) => fs.existsSync(f));
fs.readdirSync(wcxb).sort().forEach((f, i) => { if (i % EVERY === 0) pages.push(path.join(wcxb, f)); });

const server = http.createServer((req, res) => {
  const file = pages[Number(req.url.split('/')[1])];
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
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic'],
});
const ctx = await browser.newContext();
await ctx.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
const page = await ctx.newPage();
page.on('dialog', (d) => d.dismiss().catch(() => {}));
const src = { A: fs.readFileSync(files[0], 'utf8'), B: fs.readFileSync(files[1], 'utf8') };
const rows = [];
for (let i = 0; i < pages.length; i++) {
  const t = { A: [], B: [] };
  try {
    for (const k of (i % 2 ? ['A', 'B', 'A', 'B'] : ['B', 'A', 'B', 'A'])) {
      // A query string of its own per load: no cache of any kind answers for the page.
      await page.goto(`${origin}/${i}/${k}?${Math.random()}`, { waitUntil: 'load', timeout: 20000 });
      await page.evaluate((s) => { (0, eval)(s); }, src[k]);
      t[k].push(await page.evaluate(() => {
        const t0 = performance.now();
        const x = globalThis.SiftCapture.capture(document);
        globalThis.__keep = x.snapshot.text.charCodeAt(x.snapshot.text.length >> 1); // flattened, as the glue needs it
        return performance.now() - t0;
      }));
    }
  } catch (err) {
    console.error(`skipped ${path.relative(CORPUS, pages[i])}: ${String(err.message ?? err).split('\n')[0]}`);
    continue;
  }
  rows.push({ a: Math.min(...t.A), b: Math.min(...t.B) });
}
await browser.close();
server.close();
const med = (v) => { const x = [...v].sort((p, q) => p - q); return x[x.length >> 1]; };
console.log(`${rows.length} pages; first capture on a fresh load (better of 2 loads each): median A ${med(rows.map((r) => r.a)).toFixed(3)} ms, ` +
  `B ${med(rows.map((r) => r.b)).toFixed(3)} ms; median per-page ratio B / A ${med(rows.map((r) => r.b / r.a)).toFixed(3)}`);
