#!/usr/bin/env node
// Assembles the unpacked extensions from one source tree:
//   target/extension/chrome/   base extension/manifest.json + manifest.chrome.json
//   target/extension/firefox/  base extension/manifest.json + manifest.firefox.json
// With --dist also writes target/dist/sift-chrome.zip and target/dist/sift-firefox.xpi
// (deterministic archives: sorted entries, fixed timestamps; no external zip tool needed).
// Browser differences live in the overlays only (see GUIDE.md, boundary 5).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'extension');
const BROWSERS = ['chrome', 'firefox'];
/** Source files that are not part of the shipped extension. */
const EXCLUDE = new Set(['manifest.json', 'manifest.chrome.json', 'manifest.firefox.json', 'CONTRACT.md', join('icons', 'make-icons.mjs')]);
const REQUIRED = [join('wasm', 'sift.js'), join('wasm', 'sift_bg.wasm')];

function fail(msg) {
  console.error(`build-extension: ${msg}`);
  process.exit(1);
}

for (const f of REQUIRED) {
  if (!existsSync(join(src, f))) fail(`missing extension/${f}: run bash scripts/build-wasm.sh first`);
}

/** Deep merge: objects merge key by key, anything else in the overlay replaces the base. */
function merge(base, over) {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  if (typeof over !== 'object' || over === null || Array.isArray(over)) return over;
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

function files(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else out.push(relative(dir, p));
    }
  }
  return out.sort();
}

const base = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
const built = {};
for (const browser of BROWSERS) {
  const out = join(root, 'target', 'extension', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of files(src)) {
    if (EXCLUDE.has(f) || f.endsWith('.md')) continue;
    mkdirSync(dirname(join(out, f)), { recursive: true });
    cpSync(join(src, f), join(out, f));
  }
  const overlay = JSON.parse(readFileSync(join(src, `manifest.${browser}.json`), 'utf8'));
  const manifest = merge(base, overlay);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  built[browser] = out;
  console.log(`build-extension: ${relative(root, out)}`);
}

// ---- --dist: minimal deterministic zip writer -------------------------------------------------
function crc32(buf) {
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    let c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function zip(dir, dest) {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (2020 - 1980) << 9 | 1 << 5 | 1; // 2020-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files(dir)) {
    const name = Buffer.from(f.split(sep).join('/'));
    const data = readFileSync(join(dir, f));
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = centrals.length / 2;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(dest, Buffer.concat([...locals, cd, end]));
  console.log(`build-extension: ${relative(root, dest)} (${statSync(dest).size} bytes)`);
}

if (process.argv.includes('--dist')) {
  const dist = join(root, 'target', 'dist');
  mkdirSync(dist, { recursive: true });
  zip(built.chrome, join(dist, 'sift-chrome.zip'));
  zip(built.firefox, join(dist, 'sift-firefox.xpi'));
}
