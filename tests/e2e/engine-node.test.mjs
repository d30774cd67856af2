// content/engine.js in Node, with a stand-in glue: the paths a real browser cannot be made to take
// on purpose (the core must not panic on any page, so a trap is simulated here). The real wasm
// paths (content script / background) are covered in engine-chromium and engine-firefox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { repoRoot } from './lib/server.mjs';

const ENGINE = fs.readFileSync(path.join(repoRoot, 'extension/content/engine.js'), 'utf8');
const MESSAGES = fs.readFileSync(path.join(repoRoot, 'extension/lib/messages.js'), 'utf8');
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Loads engine.js in a fresh context. `glue(n)` makes the n-th glue; `wasmAllowed` false makes
 * every compile throw a CompileError, as Chromium does on a strict-CSP page. The stand-in
 * background answers the hint as background.js does: with `module: true` and the origin not
 * refused, the answer carries the module's bytes as base64 (`delivered` counts those). */
function load({ glue, wasmAllowed = true, refusedBefore = false, deliver = true }) {
  const sent = [];
  let delivered = 0;
  let made = 0;
  const FakeWasm = wasmAllowed ? WebAssembly : {
    ...WebAssembly,
    CompileError: WebAssembly.CompileError,
    Module: function Module() { throw new WebAssembly.CompileError('WebAssembly.Module(): refused by CSP'); },
    compile: () => Promise.reject(new WebAssembly.CompileError('refused by CSP')),
  };
  const api = {
    runtime: {
      getURL: (p) => `chrome-extension://dynamic/${p}`,
      sendMessage: async (msg) => {
        sent.push(msg);
        if (msg.type === 'sift:engine-hint') {
          const refused = refusedBefore || !!msg.refused;
          if (refused || !msg.module) return { ok: true, refused };
          if (!deliver) return { ok: true, refused, module: false };
          delivered++;
          return { ok: true, refused, module: Buffer.from(EMPTY_MODULE).toString('base64') };
        }
        if (msg.type === 'sift:analyze') return { ok: true, analysis: { verdict: { isArticle: true } }, from: 'background' };
        return { ok: true };
      },
    },
  };
  const ctx = {
    console: { info() {}, warn() {}, error() {}, log() {} },
    atob: globalThis.atob,
    performance: globalThis.performance,
    Uint8Array,
    WebAssembly: FakeWasm,
    SiftWebext: { api },
    SiftGlue: Object.freeze({ fresh: () => glue(++made) }),
  };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(MESSAGES, ctx);
  vm.runInContext(ENGINE, ctx);
  return { engine: ctx.SiftEngine, sent, delivered: () => delivered, made: () => made };
}

/** A stand-in glue whose analyze returns `answer(call)` or throws what it returns if an Error. */
function fakeGlue(answer) {
  let calls = 0;
  const g = async () => {};
  g.analyze = () => {
    const r = answer(++calls);
    if (r instanceof Error) throw r;
    return r;
  };
  return g;
}

test('a trap in the content-script instance: a short "panic" error, then a fresh instance next time', async () => {
  const { engine, made, delivered } = load({
    glue: (n) => fakeGlue(() => (n === 1 ? new WebAssembly.RuntimeError('unreachable') : { ok: true, analysis: { verdict: { isArticle: false } } })),
  });
  const first = await engine.analyze({ version: 1, nodes: [] }, { reader: true });
  assert.equal(first.ok, false);
  assert.equal(first.error.kind, 'panic');
  assert.equal(first.engine, 'content');
  assert.equal(made(), 1);
  const second = await engine.analyze({ version: 1, nodes: [] }, { reader: true });
  assert.equal(second.ok, true, 'the next analysis succeeds');
  assert.equal(second.engine, 'content', 'still in the content script');
  assert.equal(made(), 2, 'on a new glue instance');
  assert.equal(delivered(), 1, 'the module was delivered (and compiled) once');
  const third = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(third.ok, true);
  assert.equal(made(), 2, 'a healthy instance is kept');
});

test('WebAssembly refused (strict CSP in Chromium): the background runs it, the origin is reported once, the module is not compiled', async () => {
  const { engine, sent, delivered, made } = load({ wasmAllowed: false, glue: () => fakeGlue(() => ({ ok: true })) });
  const r1 = await engine.analyze({ version: 1, nodes: [] }, { reader: true });
  assert.equal(r1.engine, 'background');
  assert.equal(r1.from, 'background');
  assert.match(engine.unavailable(), /CompileError/);
  const r2 = await engine.analyze({ version: 1, nodes: [] }, { reader: true });
  assert.equal(r2.engine, 'background');
  assert.equal(delivered(), 1, 'delivered once (the origin was not known to refuse), then dropped');
  assert.equal(made(), 0, 'no glue started');
  assert.deepEqual(sent.filter((m) => m.type === 'sift:engine-hint').map((m) => !!m.refused), [false, true], 'one hint query, one refusal report, per page');
  assert.equal(sent.filter((m) => m.type === 'sift:analyze').length, 2);
});

test('an origin refused before this session: no compile attempt at all', async () => {
  const { engine, delivered } = load({ refusedBefore: true, glue: () => fakeGlue(() => ({ ok: true })) });
  const r = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(r.engine, 'background');
  assert.match(engine.unavailable(), /refused in a content script on this site before/);
  assert.equal(delivered(), 0, 'no module delivered');
});

test('a content-script analysis tells the background its verdict (for the badge)', async () => {
  const { engine, sent } = load({ glue: () => fakeGlue(() => ({ ok: true, analysis: { verdict: { isArticle: true } } })) });
  const r = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(r.engine, 'content');
  await new Promise((res) => setImmediate(res));
  assert.deepEqual(sent.filter((m) => m.type === 'sift:verdict').map((m) => m.isArticle), [true]);
});

test('prepare() before the capture starts the engine once: analyze then uses that instance', async () => {
  const { engine, delivered, made, sent } = load({ glue: () => fakeGlue(() => ({ ok: true, analysis: { verdict: { isArticle: false } } })) });
  engine.prepare();
  engine.prepare(); // a second call while starting joins the first
  const r = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(r.engine, 'content');
  assert.equal(made(), 1, 'one glue started');
  assert.equal(delivered(), 1, 'the module delivered once');
  assert.ok(engine.startup() && engine.startup().compile >= 0, 'the start-up steps are timed');
  assert.equal(sent.filter((m) => m.type === 'sift:engine-hint').length, 1, 'one hint query');
});

test('prepare() on a page that refuses WebAssembly compiles nothing; analyze goes to the background', async () => {
  const { engine, made } = load({ wasmAllowed: false, glue: () => fakeGlue(() => ({ ok: true })) });
  engine.prepare();
  const r = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(r.engine, 'background');
  assert.equal(made(), 0);
});

test('the module not delivered (the background could not read it): the background runs the analysis, with the reason', async () => {
  const { engine, made } = load({ deliver: false, glue: () => fakeGlue(() => ({ ok: true })) });
  const r = await engine.analyze({ version: 1, nodes: [] }, {});
  assert.equal(r.engine, 'background');
  assert.match(engine.unavailable(), /not delivered/);
  assert.equal(made(), 0);
});

// ---- the background's side of the delivery (extension/background.js in a vm) ----------------

const BACKGROUND = ['extension/lib/webext.js', 'extension/lib/messages.js', 'extension/background.js']
  .map((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8'));
const WASM_FILE = path.join(repoRoot, 'extension/wasm/sift_bg.wasm');

/** Loads background.js with a stand-in `chrome` whose `fetch` reads the extension's own files
 * (`readable` false: the read fails). Node 20 has no `Uint8Array.prototype.toBase64`, so this
 * runs the encoder's fallback, the path of Chrome 120-139. Returns `ask(msg)`: the message's
 * answer, as a content script of http://127.0.0.1:1 gets it. */
function loadBackground({ readable = true } = {}) {
  let handler = null;
  const session = {};
  const chrome = {
    runtime: {
      id: 'sift-test',
      sendMessage: async () => undefined,
      getURL: (p) => `chrome-extension://sift-test/${p}`,
      onMessage: { addListener: (h) => { handler = h; } },
    },
    storage: {
      session: { get: async (k) => ({ [k]: session[k] }), set: async (o) => Object.assign(session, o) },
      sync: { get: async () => ({}), set: async () => {} },
    },
    commands: { onCommand: { addListener() {} } },
    permissions: { contains: async () => false },
    scripting: { getRegisteredContentScripts: async () => [] },
  };
  const fetch = async (url) => {
    const rel = url.replace('chrome-extension://sift-test/', '');
    if (!readable) throw new TypeError('Failed to fetch');
    const bytes = fs.readFileSync(path.join(repoRoot, 'extension', rel));
    return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
  };
  const ctx = { console: { info() {}, warn() {}, error() {}, log() {} }, chrome, fetch, btoa, URL, Uint8Array, String, Promise };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  for (const src of BACKGROUND) vm.runInContext(src, ctx);
  const sender = { id: 'sift-test', tab: { id: 1 }, frameId: 0, origin: 'http://127.0.0.1:1', url: 'http://127.0.0.1:1/a' };
  return (msg) => new Promise((resolve) => {
    if (!handler(msg, sender, resolve)) resolve(undefined);
  });
}

test('the background answers the engine hint with the module, base64, read from its package', { skip: !fs.existsSync(WASM_FILE) && 'extension/wasm/sift_bg.wasm is not built' }, async () => {
  const ask = loadBackground();
  const hint = await ask({ type: 'sift:engine-hint', module: true });
  assert.equal(hint.ok, true);
  assert.equal(hint.refused, false);
  assert.equal(typeof hint.module, 'string');
  assert.equal(hint.module, fs.readFileSync(WASM_FILE).toString('base64'), 'the exact bytes of wasm/sift_bg.wasm');
  assert.equal((await ask({ type: 'sift:engine-hint', module: false })).module, undefined, 'no bytes when not asked for');
  await ask({ type: 'sift:engine-hint', refused: true });
  const after = await ask({ type: 'sift:engine-hint', module: true });
  assert.equal(after.refused, true);
  assert.equal(after.module, undefined, 'no bytes for an origin known to refuse WebAssembly');
});

test('the background cannot read the module: the answer says false', async () => {
  const ask = loadBackground({ readable: false });
  const hint = await ask({ type: 'sift:engine-hint', module: true });
  assert.equal(hint.refused, false);
  assert.equal(hint.module, false);
});
