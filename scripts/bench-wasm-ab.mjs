#!/usr/bin/env node
// A/B of two or more builds of the wasm in one Node process: per page the median `analyze` time of
// each build (calls interleaved, the order rotating), then the median over pages and the median
// per-page ratio against the first build. For judging one change to the core in the wasm.
//
// Usage: node scripts/bench-wasm-ab.mjs [--corpus ../shared/corpus] [--every 2] [--iters 7] DIR_A DIR_B...
//   each DIR holds a sift.js + sift_bg.wasm as scripts/build-wasm.sh writes them to extension/wasm.
// Needs `cargo build --release --example snapshot_flat` (the flat snapshots of the
// readability-test-pages, as the content script would send them).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flags = {};
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) flags[argv[i].slice(2)] = argv[++i];
  else dirs.push(path.resolve(argv[i]));
}
const CORPUS = path.resolve(ROOT, flags.corpus ?? '../shared/corpus');
const EVERY = Number(flags.every ?? 2);
const ITERS = Number(flags.iters ?? 7);
const SNAPSHOT_FLAT = path.join(ROOT, 'target/release/examples/snapshot_flat');
const rtp = path.join(CORPUS, 'readability-test-pages');
if (dirs.length < 2) {
  console.error('usage: node scripts/bench-wasm-ab.mjs [--corpus DIR] [--every N] [--iters N] DIR_A DIR_B...');
  process.exit(2);
}
if (!fs.existsSync(rtp)) {
  console.error(`bench-wasm-ab: ${rtp} is missing (the shared corpus; --corpus DIR)`);
  process.exit(2);
}
if (!fs.existsSync(SNAPSHOT_FLAT)) {
  console.error(`bench-wasm-ab: ${SNAPSHOT_FLAT} is missing (cargo build --release --example snapshot_flat)`);
  process.exit(2);
}
const snaps = fs.readdirSync(rtp).sort().filter((_, i) => i % EVERY === 0)
  .map((n) => path.join(rtp, n, 'source.html')).filter((f) => fs.existsSync(f))
  .map((f) => JSON.parse(execFileSync(SNAPSHOT_FLAT, [f, 'http://fakehost/test/page.html'], { maxBuffer: 1 << 28 }).toString()));
const glues = dirs.map((d) => {
  const g = new Function(fs.readFileSync(path.join(d, 'sift.js'), 'utf8') + '\n;return wasm_bindgen;')();
  g.initSync({ module: fs.readFileSync(path.join(d, 'sift_bg.wasm')) });
  return g;
});
const times = glues.map(() => snaps.map(() => []));
for (let it = 0; it <= ITERS; it++) {
  snaps.forEach((s, p) => {
    for (let k0 = 0; k0 < glues.length; k0++) {
      const k = (k0 + it + p) % glues.length;
      const t0 = performance.now();
      const r = glues[k].analyze(s, { reader: true });
      const t1 = performance.now();
      if (!r || !r.ok) throw new Error(`${dirs[k]}: analyze failed: ${JSON.stringify(r && r.error)}`);
      if (it > 0) times[k][p].push(t1 - t0); // the first round warms up
    }
  });
}
const med = (v) => { const x = [...v].sort((a, b) => a - b); return x.length % 2 ? x[x.length >> 1] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2; };
const per = times.map((t) => t.map(med));
console.log(`Node ${process.version}, ${snaps.length} readability-test-pages, ${ITERS} runs per build per page after a warm-up, interleaved.\n`);
console.log('| build | bytes | median analyze ms | median per-page ratio vs the first |');
console.log('|---|---:|---:|---:|');
dirs.forEach((d, k) => console.log(`| ${path.relative(ROOT, d) || d} | ${fs.statSync(path.join(d, 'sift_bg.wasm')).size} | ${med(per[k]).toFixed(3)} | ${med(per[k].map((v, p) => v / per[0][p])).toFixed(3)} |`));
