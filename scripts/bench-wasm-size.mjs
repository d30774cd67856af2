#!/usr/bin/env node
// Where the wasm's bytes go: sections, then code size per crate and the largest functions, from
// a module that still has its `name` section. scripts/bench.sh feeds it the shipped pipeline's
// output with names kept: wasm-bindgen, then `wasm-opt -Oz -g` (same optimisation, names kept),
// so the code shares match the shipped module (whose name section is stripped).
//
// Usage: node scripts/bench-wasm-size.mjs FILE.wasm [--top 15]
// Prints a Markdown table: crate, functions, code bytes, share; then the largest functions.

import fs from 'node:fs';

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'target/wasm32-unknown-unknown/wasm/sift.wasm';
const topIdx = argv.indexOf('--top');
const TOP = topIdx >= 0 ? Number(argv[topIdx + 1]) : 15;

const buf = fs.readFileSync(file);
let pos = 8; // magic + version

function leb(at) {
  let result = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const b = buf[p++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) break;
  }
  return [result, p];
}
function str(at) {
  const [len, p] = leb(at);
  return [buf.toString('utf8', p, p + len), p + len];
}

let importedFuncs = 0;
const sections = new Map(); // section name -> bytes
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const bodies = []; // code body sizes, by defined-function index
const names = new Map(); // function index -> name
while (pos < buf.length) {
  const id = buf[pos];
  const [size, start] = leb(pos + 1);
  const end = start + size;
  const label = id === 0 ? `custom:${str(start)[0]}` : SECTION_NAMES[id] ?? `section ${id}`;
  sections.set(label, (sections.get(label) ?? 0) + (end - pos));
  if (id === 2) {
    // imports: count functions (kind 0)
    let [n, p] = leb(start);
    for (let i = 0; i < n; i++) {
      [, p] = str(p);
      [, p] = str(p);
      const kind = buf[p++];
      if (kind === 0) {
        importedFuncs++;
        [, p] = leb(p);
      } else if (kind === 1) {
        p++; // reftype
        const flag = buf[p++];
        [, p] = leb(p);
        if (flag & 1) [, p] = leb(p);
      } else if (kind === 2) {
        const flag = buf[p++];
        [, p] = leb(p);
        if (flag & 1) [, p] = leb(p);
      } else if (kind === 3) {
        p += 2;
      } else if (kind === 4) {
        p++;
        [, p] = leb(p);
      }
    }
  } else if (id === 10) {
    let [n, p] = leb(start);
    for (let i = 0; i < n; i++) {
      const [len, q] = leb(p);
      bodies.push(len + (q - p));
      p = q + len;
    }
  } else if (id === 0) {
    const [name, p0] = str(start);
    if (name === 'name') {
      let p = p0;
      while (p < end) {
        const sub = buf[p];
        const [len, q] = leb(p + 1);
        if (sub === 1) {
          let [n, r] = leb(q);
          for (let i = 0; i < n; i++) {
            let idx;
            let nm;
            [idx, r] = leb(r);
            [nm, r] = str(r);
            names.set(idx, nm);
          }
        }
        p = q + len;
      }
    }
  }
  pos = end;
}

if (!names.size) {
  console.error(`bench-wasm-size: ${file} has no name section (use cargo's raw output)`);
  process.exit(1);
}

/** Legacy-mangled path escapes back to Rust syntax. */
function unescapeLegacy(seg) {
  return seg.replace(/^_/, '').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$RF\$/g, '&')
    .replace(/\$BP\$/g, '*').replace(/\$C\$/g, ',').replace(/\$u20\$/g, ' ').replace(/\$u5b\$/g, '[')
    .replace(/\$u5d\$/g, ']').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\.\./g, '::');
}

/** The crate a Rust symbol (legacy `_ZN`, v0 `_R` or demangled) belongs to: for an impl
 * `<A as B>::f`, the crate of A. */
function crateOf(name) {
  if (/^__wbg|^__wbindgen|^__externref|wasm_bindgen/.test(name)) return 'wasm_bindgen';
  const legacy = /^_ZN(\d+)/.exec(name);
  if (legacy) {
    const first = unescapeLegacy(name.slice(3 + legacy[1].length, 3 + legacy[1].length + Number(legacy[1])));
    return first.startsWith('<') ? crateOf(first) : first;
  }
  const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  if (/ shim$/.test(name)) return 'wasm-bindgen shims (the exports, with the adapter and core passes inlined)';
  const n = name.replace(/\[[0-9a-f]{8,}\]/g, '').replace(/^[<&*\s]+/, '').replace(/^(dyn|impl|mut|const)\s+/, '').replace(/^[<&*\s]+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(::|>| as )/.exec(n);
  if (m && /^(str|char|bool|[iuf](8|16|32|64|128|size))$/.test(m[1])) return 'core';
  if (m && m[2] === '::') return m[1];
  if (/^\[/.test(n)) return 'core';
  if (/^(dlmalloc|memcpy|memset|memmove|memcmp|__rust|__rdl|__rg)/.test(n)) return '(runtime: allocator, mem*)';
  return '(other)';
}

const byCrate = new Map();
const funcs = [];
bodies.forEach((size, i) => {
  const name = names.get(importedFuncs + i) ?? `func${importedFuncs + i}`;
  const c = crateOf(name);
  if (process.env.SHOW_OTHER && c === "(other)") console.error(size, name);
  const e = byCrate.get(c) ?? { n: 0, bytes: 0 };
  e.n++;
  e.bytes += size;
  byCrate.set(c, e);
  funcs.push({ name, size });
});
const total = bodies.reduce((a, b) => a + b, 0);
console.log(`${file}: ${(buf.length / 1024).toFixed(1)} KB; ${bodies.length} functions.\n`);
console.log('| section | KB |');
console.log('|---|---:|');
for (const [k, v] of [...sections].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`| ${k} | ${(v / 1024).toFixed(1)} |`);
console.log('');
console.log('| crate | functions | code KB | share |');
console.log('|---|---:|---:|---:|');
for (const [c, e] of [...byCrate].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, TOP)) {
  console.log(`| ${c} | ${e.n} | ${(e.bytes / 1024).toFixed(1)} | ${((100 * e.bytes) / total).toFixed(1)}% |`);
}
console.log('\n| largest functions | bytes |');
console.log('|---|---:|');
for (const f of funcs.sort((a, b) => b.size - a.size).slice(0, TOP)) {
  const name = f.name.length > 110 ? `${f.name.slice(0, 107)}...` : f.name;
  console.log(`| \`${name.replace(/\|/g, '\\|')}\` | ${f.size} |`);
}
