// Content-script controller. Injected by the background only when the user acts (toolbar
// popup, keyboard command) or on a site the user chose to always clean; never on every page.
// It captures the page, runs the wasm on the snapshot where it can (content/engine.js: here when
// the page's CSP allows it, else in the background), keeps the decisions, and applies them on
// request.
// Injecting twice is harmless: the first instance stays and the second returns at once.
(() => {
  // Own property only: a page element with id="SiftContent" shows up as a (prototype) global in
  // Chromium's isolated world and must not pass for this script (DOM clobbering).
  if (Object.hasOwn(globalThis, 'SiftContent')) return;
  const { api, listen, fromSelf } = globalThis.SiftWebext;
  const M = globalThis.SiftMessages;
  const A = globalThis.SiftApply;

  /** Kinds that are the site's own chrome: kept by the in-place clean (see ClutterKind::is_site_chrome). */
  const SITE_CHROME = new Set(['navigation', 'breadcrumb', 'footer']);
  /** Longest label shown for a hidden item in the popup. */
  const LABEL_CHARS = 80;
  /** A heading counts as "current" once its top is above this line (px from the viewport top). */
  const CURRENT_LINE = 140;
  /** Reader view fade-out before its frame is removed (ms); matches apply.js CSS. */
  const CLOSE_FADE_MS = 160;

  let data = null; // { url, elements, result }
  let pending = null;
  let cleaned = false;
  const restored = new Set();
  let reader = null; // { host, scrollX, scrollY, focus, onKey }

  /**
   * Are the kept decisions about a page that is no longer there? A single-page app changes the
   * URL (history.pushState) and a framework re-render replaces the article or its clutter with
   * new nodes: element ids would then point at detached nodes. Checked on every user action
   * (popup, keyboard), never by watching the page; a stale page is undone and captured again,
   * so the outline and the clean state follow the new article (clean starts off again).
   */
  function stale(d) {
    if (d.url !== location.href) return true;
    const a = d.result.analysis;
    const article = a.article?.root;
    if (typeof article === 'number' && d.elements[article] && !d.elements[article].isConnected) return true;
    return (a.clutter ?? []).some((c) => d.elements[c.node] && !d.elements[c.node].isConnected);
  }

  async function analyzed() {
    if (data && !stale(data)) return data;
    if (pending) return pending;
    pending = (async () => {
      if (cleaned) setClean(false);
      globalThis.SiftEngine.prepare(); // the wasm loads while the page is captured
      const { snapshot, elements } = globalThis.SiftCapture.capture(document);
      const result = await globalThis.SiftEngine.analyze(snapshot, { reader: true });
      if (!result.ok) {
        const error = result.error ?? { kind: 'internal', message: 'no answer from the engine' };
        console.error(`sift: analysis failed (${result.engine}):`, error.kind, error.message);
        data = null;
        return { error, engine: result.engine };
      }
      data = { url: location.href, elements, result };
      restored.clear();
      return data;
    })();
    try {
      return await pending;
    } finally {
      pending = null;
    }
  }

  function labelOf(el) {
    const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1) + '…' : text;
  }

  function reasonText(r) {
    if (!r) return '';
    return r.detail || r.code || '';
  }

  function cleanable(c) {
    return !SITE_CHROME.has(c.kind);
  }

  function state(d) {
    if (d.error) return { ok: false, error: d.error, engine: d.engine };
    const a = d.result.analysis;
    const m = a.metadata ?? {};
    return {
      ok: true,
      url: location.href,
      origin: location.origin,
      title: m.title || document.title || '',
      siteName: m.siteName || location.hostname,
      readingMinutes: m.readingMinutes || 0,
      wordCount: m.wordCount || 0,
      hasArticle: !!a.article,
      isArticle: !!a.verdict?.isArticle,
      verdict: reasonText(a.verdict?.reason),
      dir: m.dir || document.documentElement.dir || 'ltr',
      lang: m.lang || document.documentElement.lang || '',
      outline: a.outline ?? [],
      cleaned,
      hidden: (a.clutter ?? []).filter(cleanable).map((c) => ({
        node: c.node,
        kind: c.kind,
        reason: reasonText(c.reason),
        label: labelOf(d.elements[c.node]),
        restored: restored.has(c.node),
      })),
      reader: !!reader,
      /** Where the wasm ran: "content" (this content script) or "background". */
      engine: d.result.engine,
      /** Why it ran in the background (e.g. the page's CSP refused WebAssembly here), or "". */
      engineWhy: globalThis.SiftEngine.unavailable() ?? '',
    };
  }

  function setClean(on) {
    if (on && data) {
      A.hide(document, data.elements, data.result.analysis.clutter ?? [], (c) => !cleanable(c) || restored.has(c.node));
      cleaned = true;
    } else {
      A.undo(document);
      cleaned = false;
      restored.clear();
    }
  }

  function scrollTo(node) {
    const el = data?.elements[node];
    if (!el || el.nodeType !== 1) return false;
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    A.flash(document, el);
    return true;
  }

  function current() {
    const outline = data?.result.analysis.outline ?? [];
    let node = outline.length ? outline[0].id : null;
    for (const e of outline) {
      const el = data.elements[e.id];
      if (!el || el.nodeType !== 1) continue;
      if (el.getBoundingClientRect().top <= CURRENT_LINE) node = e.id;
      else break;
    }
    return node;
  }

  async function openReader() {
    if (reader) return true;
    const d = await analyzed();
    if (d.error) return false;
    const a = d.result.analysis;
    const m = a.metadata ?? {};
    const token = crypto.randomUUID();
    const payload = {
      url: location.href,
      title: m.title || document.title || '',
      byline: m.byline || '',
      published: m.published || '',
      siteName: m.siteName || location.hostname,
      lang: m.lang || document.documentElement.lang || '',
      dir: m.dir || document.documentElement.dir || 'ltr',
      readingMinutes: m.readingMinutes || 0,
      html: a.reader?.html ?? '',
      text: a.reader?.text ?? '',
      markdown: d.result.markdown ?? '',
      outline: a.outline ?? [],
      isArticle: !!a.verdict?.isArticle,
    };
    await api.runtime.sendMessage({ type: M.READER_PUT, token, payload });
    const host = document.createElement(A.HOST_TAG);
    host.id = 'sift-reader-host';
    const frame = document.createElement('iframe');
    frame.src = api.runtime.getURL('reader/reader.html') + '#' + token;
    frame.title = SiftWebext.t('readerFrameTitle');
    frame.allow = 'clipboard-write'; // "Copy as Markdown" from inside the frame
    host.appendChild(frame);
    A.ensureStyle(document);
    reader = { host, scrollX: window.scrollX, scrollY: window.scrollY, focus: document.activeElement };
    reader.onKey = (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeReader();
      }
    };
    window.addEventListener('keydown', reader.onKey, true);
    document.documentElement.setAttribute(A.READER_ATTR, '');
    document.documentElement.appendChild(host);
    frame.addEventListener('load', () => frame.focus(), { once: true });
    return true;
  }

  function closeReader() {
    if (!reader) return false;
    const r = reader;
    reader = null;
    window.removeEventListener('keydown', r.onKey, true);
    document.documentElement.removeAttribute(A.READER_ATTR);
    window.scrollTo({ left: r.scrollX, top: r.scrollY, behavior: 'instant' });
    // The overlay fades out, then goes. Removing the frame while it is still handling the click
    // or key that closed it loses the rest of that input (and hangs automation waiting for it).
    r.host.setAttribute('data-sift-closing', '');
    setTimeout(() => {
      r.host.remove();
      A.dropStyleIfUnused(document);
    }, CLOSE_FADE_MS);
    if (r.focus && typeof r.focus.focus === 'function') r.focus.focus({ preventScroll: true });
    return true;
  }

  async function handle(msg) {
    switch (msg.type) {
      case M.STATE:
        return state(await analyzed());
      case M.CLEAN: {
        const d = await analyzed();
        if (!d.error) setClean(msg.on === 'toggle' ? !cleaned : !!msg.on);
        return state(d);
      }
      case M.RESTORE: {
        const d = await analyzed();
        if (!d.error && typeof msg.node === 'number') {
          restored.add(msg.node);
          A.show(document, d.elements[msg.node]);
        }
        return state(d);
      }
      case M.SCROLL_TO:
        if (!data || typeof msg.node !== 'number') return { ok: false };
        if (reader) closeReader();
        return { ok: scrollTo(msg.node) };
      case M.CURRENT:
        return { ok: true, node: data ? current() : null };
      case M.READER: {
        const want = msg.open === 'toggle' ? !reader : !!msg.open;
        const ok = want ? await openReader() : (closeReader(), true);
        if (!ok && want) {
          const d = await analyzed();
          return { ok: false, open: false, error: d.error };
        }
        return { ok: true, open: !!reader };
      }
      default:
        return undefined; // not ours: no answer
    }
  }

  listen((msg, sender) => {
    if (!fromSelf(sender) || !msg || typeof msg.type !== 'string') return undefined;
    return handle(msg);
  });
  // Injected because the user acted (or on an always-clean site): an analysis follows. Starting
  // the engine now lets the module's delivery and compile overlap the caller's next message.
  globalThis.SiftEngine.prepare();

  globalThis.SiftContent = Object.freeze({
    /** Always-clean sites: analyse and clean on load. The registration matches the host on every
     * port (see SiftWebext.sitePattern); the setting is per origin, so check it is this one. */
    autoClean: async () => {
      const got = await api.storage.sync.get('alwaysClean').catch(() => ({}));
      if (!Array.isArray(got.alwaysClean) || !got.alwaysClean.includes(location.origin)) return;
      const d = await analyzed();
      if (!d.error) setClean(true);
    },
  });
})();
