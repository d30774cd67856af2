// Background: Chrome's service worker / Firefox's background scripts (see the manifest overlays).
// The wasm core runs in the content script where the page allows it (content/engine.js); it runs
// here, on the snapshot the content script captured and sent, where it does not: Chromium refuses
// to compile WebAssembly inside a content script on pages whose CSP lacks 'wasm-unsafe-eval', and
// here it works on every page without weakening the page's CSP. The glue is a small script loaded
// with the worker; the module itself is fetched and compiled on the first analysis sent here.
if (typeof importScripts === 'function') {
  // Chrome service worker. Firefox lists the same files in background.scripts.
  importScripts('lib/webext.js', 'lib/messages.js', 'wasm/sift.js');
}

(() => {
  const { api, listen, fromSelf, fromExtensionPage, sitePattern } = globalThis.SiftWebext;
  const M = globalThis.SiftMessages;

  /** Content files, in order; injecting them again is harmless (each guards itself). */
  const CONTENT_FILES = ['lib/webext.js', 'lib/messages.js', 'wasm/sift-content.js', 'content/capture.js', 'content/apply.js',
    'content/engine.js', 'content/content.js'];
  const ALWAYS_KEY = 'alwaysClean';
  const BADGE_COLOUR = '#2f6b4f';
  /** Reader payloads wait here until the reader page asks for them (keyed by a random token). */
  const readerPayloads = new Map();
  /** Payloads not collected within this time are dropped. */
  const READER_PAYLOAD_TTL_MS = 60000;

  /** The no-modules glue declares `let wasm_bindgen` at top level: a global binding, not a property.
   * `sift_wasm_glue()` (added by scripts/build-wasm.sh) makes a fresh, independent copy. */
  // eslint-disable-next-line no-undef
  let glue = typeof wasm_bindgen === 'function' ? wasm_bindgen : globalThis.wasm_bindgen;
  // eslint-disable-next-line no-undef
  const freshGlue = () => (typeof sift_wasm_glue === 'function' ? sift_wasm_glue() : globalThis.sift_wasm_glue?.());

  let wasmReady = null;
  function loadWasm() {
    wasmReady ??= glue({ module_or_path: api.runtime.getURL('wasm/sift_bg.wasm') }).catch((err) => {
      wasmReady = null;
      throw err;
    });
    return wasmReady;
  }

  /** After a trap the instance's memory and globals are in an unknown state (a panic can stop
   * half-way through an allocation or a borrow): drop it, so the next analysis starts on a new
   * instance of the module. */
  function discardInstance() {
    const next = freshGlue();
    if (typeof next !== 'function') {
      console.error('sift: cannot re-instantiate the wasm core (no sift_wasm_glue factory)');
      return;
    }
    glue = next;
    wasmReady = null;
  }

  async function analyze(snapshot, options) {
    try {
      await loadWasm();
    } catch (err) {
      console.error('sift: cannot load the wasm core', err);
      return { ok: false, error: { kind: 'load', message: 'The analysis engine could not start.' } };
    }
    try {
      const result = glue.analyze(snapshot, options ?? { reader: false });
      if (!result || typeof result.ok !== 'boolean') {
        return { ok: false, error: { kind: 'internal', message: 'The analysis returned nothing.' } };
      }
      if (!result.ok) console.error('sift: analysis refused the page:', result.error?.kind, result.error?.message);
      return result;
    } catch (err) {
      // A panic in the core traps; the panic hook has already logged its message.
      console.error('sift: the core panicked', err);
      discardInstance();
      return { ok: false, error: { kind: 'panic', message: 'The analysis failed on this page.' } };
    }
  }

  async function ensureInjected(tabId) {
    await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
  }

  async function setBadge(tabId, result) {
    if (tabId == null) return;
    const isArticle = !!(result?.ok && result.analysis?.verdict?.isArticle);
    try {
      await api.action.setBadgeText({ tabId, text: isArticle ? '✓' : '' });
      if (isArticle) await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
      await api.action.setTitle({ tabId, title: api.i18n.getMessage(isArticle ? 'badgeArticle' : 'extName') });
    } catch (err) {
      console.warn('sift: badge', err);
    }
  }

  // ---- origins whose CSP refused WebAssembly in a content script (content/engine.js) ----------
  /** Kept for the browser session only (storage.session; in memory where that is missing). */
  const REFUSED_KEY = 'wasmRefusedOrigins';
  const refusedMemory = new Set();

  function senderOrigin(sender) {
    if (typeof sender.origin === 'string' && sender.origin !== 'null') return sender.origin;
    try {
      return new URL(sender.url).origin;
    } catch {
      return null;
    }
  }

  async function refusedOrigins() {
    if (!api.storage.session) return refusedMemory;
    const got = await api.storage.session.get(REFUSED_KEY);
    return new Set(Array.isArray(got[REFUSED_KEY]) ? got[REFUSED_KEY] : []);
  }

  async function engineHint(origin, refused) {
    const set = await refusedOrigins();
    if (refused && !set.has(origin)) {
      set.add(origin);
      if (api.storage.session) await api.storage.session.set({ [REFUSED_KEY]: [...set] });
    }
    return { ok: true, refused: set.has(origin) };
  }

  /** Promise of the module's bytes as base64, read from the package once per background life. */
  let moduleBase64 = null;

  /** The module's bytes for a content script (content/engine.js), as base64 in the hint's answer:
   * only the asking content script sees a message's answer (the tab is one the user acted on, or
   * an always-clean site). An answer needs no round trip into the page: injecting a script with
   * the bytes waited for the page's main thread (busy with the capture) and then for the
   * injection's own answer, and the package carried the module twice. `false` if it cannot be read. */
  async function deliverModule() {
    moduleBase64 ??= fetch(api.runtime.getURL('wasm/sift_bg.wasm'))
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((buf) => base64(new Uint8Array(buf)));
    try {
      return await moduleBase64;
    } catch (err) {
      moduleBase64 = null;
      console.warn('sift: cannot hand the wasm module to the content script', err);
      return false;
    }
  }

  function base64(bytes) {
    if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }

  // ---- "Always clean this site" ----------------------------------------------------------
  function scriptId(origin) {
    return 'sift-always-' + origin.replace(/[^a-z0-9]/gi, '_');
  }

  async function alwaysList() {
    const got = await api.storage.sync.get(ALWAYS_KEY);
    return Array.isArray(got[ALWAYS_KEY]) ? got[ALWAYS_KEY] : [];
  }

  async function register(origin) {
    const id = scriptId(origin);
    const existing = await api.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length) return;
    await api.scripting.registerContentScripts([{
      id,
      matches: [sitePattern(origin)],
      js: [...CONTENT_FILES, 'content/auto.js'],
      runAt: 'document_idle',
      persistAcrossSessions: false,
    }]);
  }

  async function setAlways(origin, on) {
    const list = new Set(await alwaysList());
    if (on) {
      const granted = await api.permissions.contains({ origins: [sitePattern(origin)] });
      if (!granted) return { ok: false, error: { kind: 'permission', message: 'Permission not granted.' } };
      await register(origin);
      list.add(origin);
    } else {
      try {
        await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
      } catch { /* not registered */ }
      list.delete(origin);
    }
    await api.storage.sync.set({ [ALWAYS_KEY]: [...list] });
    return { ok: true, on };
  }

  /** Registrations do not persist across sessions: restore them from storage at start-up. */
  async function reconcile() {
    for (const origin of await alwaysList()) {
      try {
        if (await api.permissions.contains({ origins: [sitePattern(origin)] })) await register(origin);
      } catch (err) {
        console.warn('sift: cannot restore always-clean for', origin, err);
      }
    }
  }
  reconcile();

  // ---- messages ----------------------------------------------------------------------------
  function validOrigin(o) {
    return typeof o === 'string' && /^https?:\/\/[^/]+$/.test(o);
  }

  listen((msg, sender) => {
    if (!fromSelf(sender) || !msg || typeof msg.type !== 'string') return undefined;
    switch (msg.type) {
      case M.ANALYZE: {
        if (!sender.tab) return undefined; // only content scripts send snapshots
        return analyze(msg.snapshot, msg.options).then((result) => {
          setBadge(sender.tab.id, result);
          return result;
        });
      }
      case M.ENGINE_HINT: {
        const origin = sender.tab ? senderOrigin(sender) : null;
        if (!origin || !/^https?:/.test(origin)) return undefined;
        return engineHint(origin, msg.refused === true).then(async (hint) =>
          (hint.refused || msg.module !== true ? hint : { ...hint, module: await deliverModule() }));
      }
      case M.VERDICT: {
        if (!sender.tab || typeof msg.isArticle !== 'boolean') return undefined;
        return setBadge(sender.tab.id, { ok: true, analysis: { verdict: { isArticle: msg.isArticle } } }).then(() => ({ ok: true }));
      }
      case M.READER_PUT: {
        if (!sender.tab || typeof msg.token !== 'string') return undefined;
        readerPayloads.set(msg.token, { payload: msg.payload, tabId: sender.tab.id });
        setTimeout(() => readerPayloads.delete(msg.token), READER_PAYLOAD_TTL_MS);
        return Promise.resolve({ ok: true });
      }
      case M.READER_GET: {
        if (!fromExtensionPage(sender) || typeof msg.token !== 'string') return undefined;
        const entry = readerPayloads.get(msg.token);
        return Promise.resolve(entry ? { ok: true, ...entry } : { ok: false });
      }
      case M.READER_CLOSE: {
        // Only our reader page, framed in a tab, closes reader view, and only in that tab.
        if (!fromExtensionPage(sender) || typeof sender.tab?.id !== 'number') return undefined;
        return api.tabs.sendMessage(sender.tab.id, { type: M.READER, open: false }, { frameId: 0 }).then(
          (r) => ({ ok: !!r?.ok }),
          (err) => {
            console.warn('sift: cannot close reader view', err);
            return { ok: false, error: { kind: 'internal', message: String(err?.message ?? err) } };
          },
        );
      }
      case M.ENSURE: {
        if (!fromExtensionPage(sender) || typeof msg.tabId !== 'number') return undefined;
        return ensureInjected(msg.tabId).then(
          () => ({ ok: true }),
          (err) => {
            console.warn('sift: cannot reach this tab', err);
            return { ok: false, error: { kind: 'inject', message: String(err?.message ?? err) } };
          },
        );
      }
      case M.ALWAYS_SET:
        if (!fromExtensionPage(sender) || !validOrigin(msg.origin)) return undefined;
        return setAlways(msg.origin, !!msg.on);
      case M.ALWAYS_GET:
        if (!fromExtensionPage(sender) || !validOrigin(msg.origin)) return undefined;
        return alwaysList().then((l) => ({ ok: true, on: l.includes(msg.origin) }));
      default:
        return undefined; // unknown message: ignored
    }
  });

  /** The keyboard command (default Alt+Shift+R). Returns the content script's answer, for tests. */
  async function onCommand(command, tab) {
    if (command !== 'toggle-reader') return undefined;
    const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
    if (!target?.id) return undefined;
    try {
      await ensureInjected(target.id);
      return await api.tabs.sendMessage(target.id, { type: M.READER, open: 'toggle' }, { frameId: 0 });
    } catch (err) {
      console.warn('sift: reader view unavailable on this tab', err);
      return { ok: false, error: { kind: 'inject', message: String(err?.message ?? err) } };
    }
  }
  api.commands.onCommand.addListener(onCommand);
  // The e2e tests call the command handler from the worker (a key chord cannot reach extension
  // commands from Playwright). Reachable only from the extension's own contexts.
  globalThis.SiftBackground = Object.freeze({ onCommand });
})();
