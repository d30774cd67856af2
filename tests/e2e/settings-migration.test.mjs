// Unit test (plain node, no browser) of the reader settings schema in extension/lib/settings.js:
// old (unversioned) values are migrated, bad values replaced by defaults with a note, a newer
// version keeps the fields it knows. The module is a classic script: run it in a vm context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { repoRoot } from './lib/server.mjs';

const SRC = fs.readFileSync(path.join(repoRoot, 'extension/lib/settings.js'), 'utf8');

function load() {
  const ctx = { console: { info() {}, warn() {} } };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(SRC, ctx);
  return ctx.SiftSettings;
}
const S = load();
const DEF = { ...S.DEFAULTS };
/** vm objects have another realm's prototypes: compare as plain data. */
const plain = (x) => JSON.parse(JSON.stringify(x));

test('nothing stored: defaults, nothing to write', () => {
  const r = S.migrate(undefined);
  assert.deepEqual(plain(r.settings), DEF);
  assert.deepEqual(plain(r.notes), []);
  assert.equal(r.changed, false);
});

test('schema 1 (unversioned, as Sift 0.1 wrote it) is migrated with every value kept', () => {
  const old = { theme: 'dark', font: 'mono', size: 22, width: 80, lineHeight: 1.9, toc: false };
  const r = S.migrate(old);
  assert.deepEqual(plain(r.settings), old);
  assert.equal(r.changed, true, 'the migrated value is written back with its version');
  assert.deepEqual(plain(r.notes), ['migrated settings from version 1 to 2']);
});

test('schema 1 numbers stored as strings are read, partial settings filled with defaults', () => {
  const r = S.migrate({ size: '22px', width: '70', theme: 'sepia' });
  assert.deepEqual(plain(r.settings), { ...DEF, size: 22, width: 70, theme: 'sepia' });
  assert.ok(r.notes.some((n) => n.startsWith('size: "22px" read as 22')), r.notes.join('; '));
});

test('bad values are replaced by defaults, each with a note', () => {
  const r = S.migrate({ version: 2, theme: 'neon', font: 42, size: 400, width: 'wide', lineHeight: NaN, toc: 'yes', evil: '<script>' });
  assert.deepEqual(plain(r.settings), DEF);
  assert.equal(r.changed, true);
  for (const k of ['theme', 'font', 'size', 'width', 'lineHeight', 'toc', 'evil']) {
    assert.ok(r.notes.some((n) => n.startsWith(`${k}:`)), `a note for ${k}: ${r.notes.join('; ')}`);
  }
});

test('current version with valid values: kept as is, nothing to write', () => {
  const cur = { version: S.VERSION, theme: 'light', font: 'sans', size: 16, width: 60, lineHeight: 1.5, toc: true };
  const r = S.migrate(cur);
  const { version, ...fields } = cur;
  assert.equal(version, 2);
  assert.deepEqual(plain(r.settings), fields);
  assert.deepEqual(plain(r.notes), []);
  assert.equal(r.changed, false);
});

test('garbage instead of an object, or a bad version number: defaults / read as version 1', () => {
  for (const g of ['dark', 42, true, ['dark']]) {
    const r = S.migrate(g);
    assert.deepEqual(plain(r.settings), DEF, JSON.stringify(g));
    assert.equal(r.changed, true);
    assert.equal(r.notes.length, 1);
  }
  const r = S.migrate({ version: 'two', theme: 'dark' });
  assert.equal(r.settings.theme, 'dark');
  assert.ok(r.notes[0].includes('unknown settings version'));
});

test('a newer schema (downgrade) keeps the fields this version knows', () => {
  const r = S.migrate({ version: 9, theme: 'dark', size: 20, columns: 2 });
  assert.deepEqual(plain(r.settings), { ...DEF, theme: 'dark', size: 20 });
  assert.ok(r.notes.some((n) => n.includes('newer')));
  assert.ok(r.notes.some((n) => n.startsWith('columns:')));
});

test('load() migrates what storage holds and writes it back with its version; save() validates', async () => {
  const store = { readerSettings: { theme: 'dark', size: '24' } };
  const api = { storage: { sync: {
    get: async (k) => ({ [k]: store[k] }),
    set: async (o) => Object.assign(store, JSON.parse(JSON.stringify(o))),
  } } };
  const got = await S.load(api);
  assert.deepEqual(plain(got), { ...DEF, theme: 'dark', size: 24 });
  assert.deepEqual(store.readerSettings, { version: 2, ...DEF, theme: 'dark', size: 24 });
  await S.save(api, { ...got, size: 99, font: 'sans' });
  assert.deepEqual(store.readerSettings, { version: 2, ...DEF, theme: 'dark', size: DEF.size, font: 'sans' });
});
