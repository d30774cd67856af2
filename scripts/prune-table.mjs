#!/usr/bin/env node
// Points the indirect-call table entries no code can call at one trapping stub per signature, so
// that wasm-opt can drop the functions behind them. Run on wasm-bindgen's output (it needs the
// name section), before wasm-opt.
//
// Why: the linker puts every function whose address is taken into the table, and the table is a
// root for every later dead-code pass. wasm-bindgen then deletes what made some of them reachable
// (js-sys's JSPI task-poll export, in a module without JSPI exports; the closure descriptors) but
// leaves their table entries, and with them ~0.5 KB of code that can never run.
//
// An entry is pruned when (a) no `call_indirect` in the module has its signature (a call through
// the table with another signature traps anyway), or (b) it is js-sys's JSPI task machinery and
// the module exports no `__wbg_jspi_task_poll` (the only way a JSPI task is ever made).
// The table is not exported and holds no other reference the JS glue could reach: checked below,
// and the script changes nothing (and says so) when any assumption does not hold.
//
// Usage: node scripts/prune-table.mjs IN.wasm OUT.wasm
import fs from 'node:fs';

const [inFile, outFile] = process.argv.slice(2);
const buf = fs.readFileSync(inFile);
const bail = (why) => { console.error(`prune-table: left as it is (${why})`); fs.writeFileSync(outFile, buf); process.exit(0); };

// --- LEB128 ---
let p = 0;
const u32 = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const leb = (n) => { const o = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; o.push(b); } while (n); return o; };

// --- sections ---
if (buf.readUInt32LE(0) !== 0x6d736100) bail('not a wasm module');
p = 8;
const sections = [];
while (p < buf.length) {
  const head = p; const id = buf[p++]; const len = u32(); const start = p;
  let name = null;
  if (id === 0) { const l = u32(); name = buf.subarray(p, p + l).toString(); }
  sections.push({ id, head, start, end: start + len, name });
  p = start + len;
}
const sec = (id, name) => sections.find((s) => s.id === id && (name === undefined || s.name === name));

// types: index -> signature string
const types = [];
{ const s = sec(1); if (!s) bail('no type section'); p = s.start; const n = u32();
  for (let i = 0; i < n; i++) {
    if (buf[p++] !== 0x60) bail('a non-function type');
    const np = u32(); const ps = [...buf.subarray(p, p + np)]; p += np;
    const nr = u32(); const rs = [...buf.subarray(p, p + nr)]; p += nr;
    types.push(ps.join(',') + '>' + rs.join(','));
  } }
// imported functions come first in the function index space
let nImportFuncs = 0; const funcType = [];
{ const s = sec(2); if (s) { p = s.start; const n = u32();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 2; k++) { const l = u32(); p += l; }
    const kind = buf[p++];
    if (kind === 0) { funcType.push(u32()); nImportFuncs++; }
    else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); }
    else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
    else if (kind === 3) { p += 2; }
    else if (kind === 4) { p++; u32(); }
    else bail('an unknown import kind');
  } } }
const funcSec = sec(3); if (!funcSec) bail('no function section');
p = funcSec.start; const nDefined = u32();
for (let i = 0; i < nDefined; i++) funcType.push(u32());
// exports: the function table must not be exported
{ const s = sec(7); p = s.start; const n = u32();
  for (let i = 0; i < n; i++) {
    const l = u32(); const name = buf.subarray(p, p + l).toString(); p += l; const kind = buf[p++]; const idx = u32();
    if (kind === 1 && idx === 0) bail('the table is exported');
    if (name === '__wbg_jspi_task_poll') var jspiExported = true;
  } }
// names
const names = new Map();
{ const s = sec(0, 'name'); if (!s) bail('no name section (run before wasm-opt)');
  p = s.start; { const l = u32(); p += l; } // the section's own name
  while (p < s.end) { const sid = buf[p++]; const sl = u32(); const ss = p;
    if (sid === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); const l = u32(); names.set(idx, buf.subarray(p, p + l).toString()); p += l; } }
    p = ss + sl; } }
// code: the signatures call_indirect uses, and no ref.func/table.get/table.set of table 0
const called = new Set();
const codeSec = sec(10);
{ // A full decoder is not needed: call_indirect is opcode 0x11 followed by a type index and a
  // table index (0). Scanning bytes finds every real one and may find false ones inside other
  // immediates; false ones only make the set larger (fewer entries pruned), never smaller.
  for (let i = codeSec.start; i < codeSec.end - 2; i++) {
    if (buf[i] === 0x11) { p = i + 1; const t = u32(); if (t < types.length && buf[p] === 0x00) called.add(types[t]); }
  } }
// elem: one active segment for table 0 in the MVP form (flags 0: offset expression, function indices)
const elemSec = sec(9); if (!elemSec) bail('no element section');
p = elemSec.start; const nSeg = u32(); if (nSeg !== 1) bail(`${nSeg} element segments`);
const flags = u32(); if (flags !== 0) bail(`element segment flags ${flags}`);
const exprStart = p; while (buf[p] !== 0x0b) p++; p++; const exprEnd = p;
const nEntries = u32(); const entries = []; for (let i = 0; i < nEntries; i++) entries.push(u32());
if (p !== elemSec.end) bail('trailing bytes in the element section');

const jspi = (n) => n.startsWith('js_sys::futures::jspi::');
const stubOf = new Map(); // type index -> new stub function index
let nextFunc = funcType.length; let pruned = 0;
const out = entries.map((f) => {
  const t = funcType[f]; const name = names.get(f) ?? '';
  const dead = !called.has(types[t]) || (!jspiExported && jspi(name));
  if (!dead) return f;
  pruned++;
  if (process.env.PRUNE_VERBOSE) console.error(`  pruned: ${name || "#" + f} (${types[t]})`);
  if (!stubOf.has(t)) stubOf.set(t, nextFunc++);
  return stubOf.get(t);
});
if (!pruned) bail('nothing to prune');

// --- rewrite: element section, function section (+ stub types), code section (+ stub bodies) ---
const stubs = [...stubOf.keys()];
const section = (id, body) => Buffer.from([id, ...leb(body.length), ...body]);
const newElem = [...leb(1), ...leb(0), ...buf.subarray(exprStart, exprEnd), ...leb(out.length), ...out.flatMap(leb)];
p = funcSec.start; u32(); const funcRest = buf.subarray(p, funcSec.end);
const newFunc = [...leb(nDefined + stubs.length), ...funcRest, ...stubs.flatMap(leb)];
p = codeSec.start; const nBodies = u32(); const codeRest = buf.subarray(p, codeSec.end);
const stubBody = [3, 0x00, 0x00, 0x0b]; // size 3: no locals, unreachable, end
const newCode = [...leb(nBodies + stubs.length), ...codeRest, ...stubs.flatMap(() => stubBody)];
const parts = [buf.subarray(0, 8)];
for (const s of sections) {
  if (s.id === 9) parts.push(section(9, newElem));
  else if (s.id === 3) parts.push(section(3, newFunc));
  else if (s.id === 10) parts.push(section(10, newCode));
  else parts.push(buf.subarray(s.head, s.end));
}
fs.writeFileSync(outFile, Buffer.concat(parts));
console.error(`prune-table: ${pruned} of ${entries.length} table entries point at ${stubs.length} trapping stub(s) now`);
