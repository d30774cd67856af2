// The shipped wasm outside the browser (Node's V8, the engine Chromium uses): how long the
// snapshot takes to cross into the wasm and decode, against the whole analysis, per page.
//
// Snapshots come from the native builder in the flat format the content script sends
// (examples/snapshot_flat.rs: the same shape `SiftCapture.capture` produces), one per
// readability-test-pages page; every engine call runs --iters times per page, interleaved,
// and a page's time is the median of its runs. Reports median / p90 / max over pages.
//
// Usage: node scripts/bench-wasm.mjs [--corpus ../shared/corpus] [--iters 7] [--every 1]
//          [--wasm-dir extension/wasm]
// Needs `cargo build --release --example snapshot_flat` and a built wasm (scripts/build-wasm.sh).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const CORPUS = path.resolve(ROOT, opt('--corpus', '../shared/corpus'));
const ITERS = Number(opt('--iters', 7));
const EVERY = Number(opt('--every', 1));
const WASM_DIR = path.resolve(ROOT, opt('--wasm-dir', 'extension/wasm'));
const SNAPSHOT_FLAT = path.join(ROOT, 'target/release/examples/snapshot_flat');

for (const f of [SNAPSHOT_FLAT, path.join(WASM_DIR, 'sift.js'), path.join(WASM_DIR, 'sift_bg.wasm')]) {
  if (!fs.existsSync(f)) {
    console.error(`bench-wasm: ${f} is missing (cargo build --release --example snapshot_flat; bash scripts/build-wasm.sh)`);
    process.exit(2);
  }
}
const glue = new Function(fs.readFileSync(path.join(WASM_DIR, 'sift.js'), 'utf8') + '\n;return wasm_bindgen;')();
glue.initSync({ module: fs.readFileSync(path.join(WASM_DIR, 'sift_bg.wasm')) });
if (typeof glue.decodeSnapshot !== 'function') {
  console.error('bench-wasm: this wasm has no decodeSnapshot export (built before it was added)');
  process.exit(2);
}

const rtp = path.join(CORPUS, 'readability-test-pages');
const pages = fs.readdirSync(rtp).sort().filter((_, i) => i % EVERY === 0)
  .map((name) => path.join(rtp, name, 'source.html')).filter((f) => fs.existsSync(f));
const snaps = pages.map((file) => {
  const json = execFileSync(SNAPSHOT_FLAT, [file, 'http://fakehost/test/page.html'], { maxBuffer: 1 << 28 }).toString();
  return { file, snapshot: JSON.parse(json) };
});

const engines = {
  'decode only (cross the boundary + build the snapshot)': (s) => {
    if (glue.decodeSnapshot(s) < 0) throw new Error('decode failed');
  },
  'analyze (decode + all passes + reader + result object)': (s) => {
    const r = glue.analyze(s, { reader: true });
    if (!r || !r.ok) throw new Error('analyze failed: ' + JSON.stringify(r && r.error));
  },
  'JSON round trip of the snapshot (what a message costs at least)': (s) => JSON.parse(JSON.stringify(s)),
  'analyze without the reader document (`{reader: false}`)': (s) => {
    const r = glue.analyze(s, { reader: false });
    if (!r || !r.ok) throw new Error('analyze failed: ' + JSON.stringify(r && r.error));
  },
};
const names = Object.keys(engines);
const times = Object.fromEntries(names.map((n) => [n, snaps.map(() => [])]));
for (let it = 0; it < ITERS + 1; it++) {
  snaps.forEach(({ snapshot }, p) => {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + it + p) % names.length];
      const t0 = performance.now();
      engines[name](snapshot);
      const t1 = performance.now();
      if (it > 0) times[name][p].push(t1 - t0); // the first round warms up
    }
  });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const med = (xs) => { const v = sorted(xs); return v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };
const q = (xs, p) => { const v = sorted(xs); const i = p * (v.length - 1), lo = Math.floor(i), hi = Math.ceil(i); return v[lo] + (v[hi] - v[lo]) * (i - lo); };
const f = (x) => x.toFixed(2);
const nodes = snaps.map(({ snapshot }) => glue.decodeSnapshot(snapshot));
console.log(`Node ${process.version}, ${snaps.length} readability-test-pages (median ${med(nodes)} nodes), ${ITERS} runs per call per page after one warm-up, calls interleaved; wasm: ${path.relative(ROOT, WASM_DIR) || '.'} (${fs.statSync(path.join(WASM_DIR, 'sift_bg.wasm')).size} bytes).`);
console.log('');
console.log('| call | median ms | p90 ms | max ms | ns per node (median) |');
console.log('|---|---:|---:|---:|---:|');
const perPage = {};
for (const name of names) {
  const m = times[name].map(med);
  perPage[name] = m;
  const nsNode = med(m.map((t, i) => (t * 1e6) / Math.max(1, nodes[i])));
  console.log(`| ${name} | ${f(q(m, 0.5))} | ${f(q(m, 0.9))} | ${f(Math.max(...m))} | ${nsNode.toFixed(0)} |`);
}
const [dec, an, , noReader] = names;
const share = perPage[dec].map((d, i) => d / perPage[an][i]);
const reader = perPage[noReader].map((d, i) => 1 - d / perPage[an][i]);
console.log('');
console.log(`Decode share of analyze, per page: median ${(100 * q(share, 0.5)).toFixed(0)}%, p90 ${(100 * q(share, 0.9)).toFixed(0)}%.`);
console.log(`The reader document's share of analyze (1 - without / with), per page: median ${(100 * q(reader, 0.5)).toFixed(0)}%, p90 ${(100 * q(reader, 0.9)).toFixed(0)}%.`);
