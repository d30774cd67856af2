// Runs the wasm core where it can: in this content script when the page allows it, else in the
// background (issue 3). Loaded with the other content files, i.e. only when the user acts or on a
// site the user chose to always clean; nothing here runs until content.js calls prepare() (once
// injected, and before each capture) or analyze().
//
// - Chromium refuses to compile WebAssembly in a content script when the page's CSP `script-src`
//   lacks 'wasm-unsafe-eval' (a bare CompileError). A one-off compile of an empty 8-byte module
//   detects that before the module is compiled; the answer is kept for the life of this page, and
//   every analysis on such a page goes to the background (the same wasm, fed the snapshot by
//   message). The page's CSP is never changed. Firefox ESR compiles here even on strict-CSP pages.
//   A refused compile is also a CSP violation the page can see (a `securitypolicyviolation`
//   event, and a report if the site asks for reports), so the background remembers the origin for
//   the browser session (storage.session) and later pages of that origin skip the attempt.
// - The module's bytes come in the background's answer to the hint (`module`: the module as
//   base64), where the origin is not known to refuse wasm. No fetch here: a content script's fetch
//   of an extension file took longer than compiling the module and could not start before the
//   capture ended; the answer waits for no one in the page, so it is here when the capture ends.
//   Compiled once per page; the glue is `wasm/sift-content.js` (`SiftGlue.fresh()`, a new glue
//   each call).
// - A trap (a panic in the core) leaves an instance in an unknown state: it is dropped and the
//   next analysis runs on a fresh instance of the same compiled module, as in the background.
// Every result says where it ran: `engine: "content" | "background"`.
(() => {
  if (Object.hasOwn(globalThis, 'SiftEngine')) return; // injected twice: keep the first
  const { api } = globalThis.SiftWebext;
  const M = globalThis.SiftMessages;

  /** The smallest valid module (magic + version): compiling it tells whether this page lets the
   * content script compile WebAssembly at all, without compiling the real module. */
  const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  /** Why the content script cannot run the core on this page (null: not known to be refused). */
  let unavailable = null;
  /** Promise of the compiled module (compiled once per page). */
  let compiled = null;
  /** The current glue and its started instance (dropped after a trap). */
  let instance = null;
  /** Promise of the instance while it is being started (one start at a time). */
  let starting = null;
  /** How long the last start's steps took, ms (for the benchmarks; null until a start ends). */
  let startup = null;

  function glueFactory() {
    const g = Object.hasOwn(globalThis, 'SiftGlue') ? globalThis.SiftGlue : null;
    return g && typeof g.fresh === 'function' ? g.fresh : null;
  }

  /** Does this page let the content script compile WebAssembly? Asks the background first
   * whether a content script of this origin was refused before (no new violation then). False
   * when it does not; else the background's answer, whose `module` is the module's bytes (base64)
   * when they were asked for. */
  async function compileAllowed() {
    if (typeof WebAssembly !== 'object') {
      unavailable = 'no WebAssembly in the content script';
      return false;
    }
    // The bytes are asked for only until the module is compiled (a restart after a trap reuses it).
    const hint = await api.runtime.sendMessage({ type: M.ENGINE_HINT, module: !compiled }).catch(() => null);
    if (hint?.refused) {
      unavailable = 'WebAssembly was refused in a content script on this site before (its CSP)';
      return false;
    }
    try {
      new WebAssembly.Module(EMPTY_MODULE);
      return hint ?? {};
    } catch (err) {
      unavailable = `WebAssembly refused here (${err?.name ?? 'error'}: ${err?.message ?? err})`;
      if (err instanceof WebAssembly.CompileError) {
        api.runtime.sendMessage({ type: M.ENGINE_HINT, refused: true }).catch(() => {});
      }
      return false;
    }
  }

  /** The module's bytes, decoded from the hint's answer's base64. */
  function moduleBytes(b64) {
    if (typeof b64 !== 'string' || !b64) throw new Error('the module was not delivered to this frame');
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  /** The started glue, or null when the content script cannot run the core on this page. */
  function local() {
    if (unavailable) return Promise.resolve(null);
    if (instance) return Promise.resolve(instance);
    starting ??= start().finally(() => { starting = null; });
    return starting;
  }

  async function start() {
    const fresh = glueFactory();
    if (!fresh) {
      unavailable = 'no wasm glue in the content script';
      return null;
    }
    const t = [performance.now()];
    // The bytes come with the hint's answer (none for an origin known to refuse WebAssembly).
    const allowed = await compileAllowed();
    if (!allowed) return null;
    t.push(performance.now());
    try {
      if (!compiled) {
        const bytes = moduleBytes(allowed.module);
        t.push(performance.now());
        compiled = WebAssembly.compile(bytes);
      }
      const module = await compiled;
      t.push(performance.now());
      const glue = fresh();
      await glue({ module_or_path: module });
      t.push(performance.now());
      instance = glue;
      // Steps: asking the background (whose answer has the module's bytes) and probing, decoding the
      // bytes, compiling, instantiating (a restart after a trap reuses the compiled module).
      const ms = (i) => (t.length === 5 ? t[i + 1] - t[i] : 0);
      startup = Object.freeze({ allowed: t[1] - t[0], decode: ms(1), compile: ms(2), instantiate: t[t.length - 1] - t[t.length - 2] });
      return instance;
    } catch (err) {
      compiled = null;
      unavailable = `cannot start the core here (${err?.name ?? 'error'}: ${err?.message ?? err})`;
      return null;
    }
  }

  async function viaBackground(snapshot, options) {
    let result;
    try {
      result = await api.runtime.sendMessage({ type: M.ANALYZE, snapshot, options });
    } catch (err) {
      result = { ok: false, error: { kind: 'internal', message: String(err?.message ?? err) } };
    }
    if (!result || typeof result.ok !== 'boolean') {
      result = { ok: false, error: { kind: 'internal', message: 'no answer from the background' } };
    }
    return { ...result, engine: 'background' };
  }

  /** Analyses a snapshot: `{ok, analysis, markdown?, engine}` or `{ok: false, error, engine}`. */
  async function analyze(snapshot, options) {
    const glue = await local();
    if (!glue) {
      console.info('sift: analysing in the background:', unavailable);
      return viaBackground(snapshot, options);
    }
    let result;
    try {
      result = glue.analyze(snapshot, options);
    } catch (err) {
      // A panic in the core traps; the panic hook has already logged its message.
      console.error('sift: the core panicked', err);
      instance = null; // the next analysis starts a fresh instance of the compiled module
      return { ok: false, error: { kind: 'panic', message: 'The analysis failed on this page.' }, engine: 'content' };
    }
    if (!result || typeof result.ok !== 'boolean') {
      return { ok: false, error: { kind: 'internal', message: 'The analysis returned nothing.' }, engine: 'content' };
    }
    if (!result.ok) console.error('sift: analysis refused the page:', result.error?.kind, result.error?.message);
    // The badge is the background's: tell it the verdict (the background path sets it itself).
    api.runtime.sendMessage({ type: M.VERDICT, isArticle: !!(result.ok && result.analysis?.verdict?.isArticle) })
      .catch((err) => console.warn('sift: badge', err));
    return { ...result, engine: 'content' };
  }

  /** Starts the engine without waiting: the hint query to the background (and, where the page
   * allows wasm, the module's delivery and compile that follow) overlap the caller's work. */
  function prepare() {
    local().catch(() => {});
  }

  globalThis.SiftEngine = Object.freeze({
    analyze,
    prepare,
    /** Why analyses go to the background on this page (null if they run here, or not tried yet). */
    unavailable: () => unavailable,
    /** The last start's step times in ms, `{allowed, decode, compile, instantiate}` (null before). */
    startup: () => startup,
  });
})();
