// The Sift playground (www/index.html). Runs in an ordinary web page served from www/, with no
// extension APIs: it loads the very same wasm core the extension ships (wasm/sift.js, the
// `wasm_bindgen` global) and the extension's own capture (capture.js -> extension/content/capture.js,
// the `SiftCapture` global), so what you see here is what the extension decides.
//
// Pages come from three places (a bundled sample, a dropped/opened file, pasted text) and are all
// treated as untrusted:
//   - parsed with DOMParser: an inert document, scripts never run, nothing is fetched;
//   - captured with SiftCapture.capture(doc) (no layout: hidden = markup), analysed by the wasm;
//   - shown only inside <iframe sandbox=""> (no allow-scripts, no allow-same-origin) via srcdoc,
//     with a CSP meta `default-src 'none'; img-src data:; style-src 'unsafe-inline'` first in <head>.
//     On top of that the copy is scrubbed (scripts, frames, on* handlers, meta refresh, remote
//     src/href) so a click cannot navigate away and nothing remote is even attempted.
// Every string that came from the page (reasons, headings, metadata) reaches this page's DOM via
// textContent only, never innerHTML.
'use strict';

(() => {
  /** Largest page accepted: beyond this, parsing and the copy in two frames get slow. */
  const MAX_PAGE_BYTES = 20 * 1024 * 1024;
  /** Characters of a hidden block's text shown as its preview in the list. */
  const SNIPPET_CHARS = 110;
  /** The CSP of every frame showing page content. */
  const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  /** Stands in for images that would load from the network. */
  const IMAGE_PLACEHOLDER = 'data:image/svg+xml,' + encodeURIComponent(
    "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='90' viewBox='0 0 160 90'>" +
    "<rect width='160' height='90' fill='#e6e9ee'/><path d='M52 64l20-22 14 15 10-9 16 16z' fill='#c3c9d3'/>" +
    "<circle cx='104' cy='34' r='7' fill='#c3c9d3'/></svg>");

  /** The clutter kinds (names as the core serializes them), with a label and a colour. `chrome`
   * mirrors ClutterKind::is_site_chrome: kept by default, as the extension does. */
  const KINDS = {
    'comments': { label: 'Comments', color: '#7c3aed' },
    'comment-form': { label: 'Comment form', color: '#a21caf' },
    'related': { label: 'Related & trending', color: '#0e7490' },
    'share': { label: 'Share bar', color: '#0f766e' },
    'newsletter': { label: 'Newsletter', color: '#a16207' },
    'ad': { label: 'Ad', color: '#dc2626' },
    'consent': { label: 'Consent banner', color: '#c2410c' },
    'navigation': { label: 'Navigation', color: '#2563eb', chrome: true },
    'ticker': { label: 'Ticker', color: '#db2777' },
    'breadcrumb': { label: 'Breadcrumb', color: '#4f46e5', chrome: true },
    'footer': { label: 'Footer', color: '#475569', chrome: true },
    'control': { label: 'Page control', color: '#4d7c0f' },
    'widget': { label: 'Widget', color: '#0369a1' },
  };
  const ARTICLE_COLOR = '#16a34a';

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'), workspace: $('workspace'), sample: $('sample'), emptySamples: $('empty-samples'),
    fileInput: $('file-input'), openFile: $('open-file'), pasteOpen: $('paste-open'),
    pasteDialog: $('paste-dialog'), pasteText: $('paste-text'), dropOverlay: $('drop-overlay'),
    verdict: $('verdict'), pageTitle: $('page-title'), pageFacts: $('page-facts'), verdictWhy: $('verdict-why'),
    kinds: $('kinds'), hiddenList: $('hidden-list'), hiddenCount: $('hidden-count'),
    outline: $('outline'), metadata: $('metadata'), pageFrame: $('page-frame'), readerFrame: $('reader-frame'),
    readerNote: $('reader-note'), copyMd: $('copy-md'), modeAnnotated: $('mode-annotated'), modeClean: $('mode-clean'),
  };

  const state = {
    /** The scrubbed, annotated copy of the page (a DOMParser document), or null. */
    pageDoc: null,
    analysis: null,
    /** Clutter items with the preview text of their block. */
    items: [],
    /** kind -> hidden by Sift (the per-kind toggles). */
    hide: new Map(),
    mode: 'annotated',
    /** captured.elements: snapshot id -> node of pageDoc. */
    elements: [],
    /** The reader document (scrubbed), or null. */
    readerDoc: null,
    /** The article as Markdown (from the core), or ''. */
    markdown: '',
    /** Bumped per load, so a slow earlier load never overwrites a later one. */
    generation: 0,
  };

  // ---------------------------------------------------------------- wasm

  let wasmReady = null;
  function loadCore() {
    if (!wasmReady) {
      if (typeof wasm_bindgen !== 'function') {
        wasmReady = Promise.reject(new Error('wasm/sift.js is missing: build it with `bash scripts/build-wasm.sh`'));
      } else {
        wasmReady = wasm_bindgen({ module_or_path: 'wasm/sift_bg.wasm' }).catch((e) => {
          throw new Error(`the WebAssembly core did not load (${e && e.message ? e.message : e}); build it with \`bash scripts/build-wasm.sh\``);
        });
      }
    }
    return wasmReady;
  }

  /** Runs the core; returns {ok, analysis} or {ok: false, error}. Never throws. */
  function analyze(snapshot) {
    try {
      const r = wasm_bindgen.analyze(snapshot, { reader: true });
      if (r && typeof r === 'object') return r;
      return { ok: false, error: { kind: 'panic', message: 'the core returned no result' } };
    } catch (e) {
      // A panic in the core traps; the panic hook has logged its cause to the console.
      return { ok: false, error: { kind: 'panic', message: String(e && e.message ? e.message : e) } };
    }
  }

  // ---------------------------------------------------------------- status

  function setStatus(text, kind = 'info') {
    ui.status.hidden = !text;
    ui.status.textContent = text || '';
    ui.status.className = 'status status-' + kind;
  }

  function fmtBytes(n) {
    if (n >= 1024 * 1024) return (n / (1024 * 1024)).toFixed(1) + ' MB';
    if (n >= 1024) return Math.round(n / 1024) + ' KB';
    return n + ' bytes';
  }

  // ---------------------------------------------------------------- input

  /** Decodes file bytes: the BOM or a <meta charset> in the first 1024 bytes, else UTF-8. */
  function decode(bytes) {
    let label = 'utf-8';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
    else {
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
      if (m) label = m[1];
    }
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }

  /** Binary data (images, archives, PDFs) has NUL bytes early on; HTML text never does. */
  function looksBinary(bytes) {
    const n = Math.min(bytes.length, 4096);
    if (bytes[0] === 0xfe && bytes[1] === 0xff || bytes[0] === 0xff && bytes[1] === 0xfe) return false;
    for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
    return false;
  }

  async function loadFile(file) {
    if (!file) return;
    if (file.size > MAX_PAGE_BYTES) {
      fail(`"${file.name}" is ${fmtBytes(file.size)}: the playground takes pages up to ${fmtBytes(MAX_PAGE_BYTES)}.`);
      return;
    }
    if (file.size === 0) {
      fail(`"${file.name}" is empty: there is no page to analyse.`);
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      fail(`"${file.name}" could not be read (${e && e.message ? e.message : e}).`);
      return;
    }
    if (looksBinary(bytes)) {
      fail(`"${file.name}" is not an HTML page (it holds binary data). Save the page as "Web page, HTML only" and try again.`);
      return;
    }
    await loadHtml(decode(bytes), file.name, null);
  }

  async function loadSample(file) {
    if (!file) return;
    history.replaceState(null, '', '#sample=' + encodeURIComponent(file));
    const url = new URL('samples/' + file, location.href);
    setStatus(`Loading ${file}…`);
    let text;
    try {
      const res = await fetch(url, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } catch (e) {
      fail(`The sample "${file}" could not be loaded (${e && e.message ? e.message : e}).`);
      return;
    }
    await loadHtml(text, file, url.href);
  }

  /** The one path every page takes: checks, parse, capture, analyse, render. */
  async function loadHtml(text, name, url) {
    const gen = ++state.generation;
    if (!url && location.hash) history.replaceState(null, '', location.pathname); // not a sample
    const size = new Blob([text]).size;
    if (size > MAX_PAGE_BYTES) {
      fail(`${name} is ${fmtBytes(size)}: the playground takes pages up to ${fmtBytes(MAX_PAGE_BYTES)}.`);
      return;
    }
    if (!text.trim()) {
      fail(`${name} is empty: there is no page to analyse.`);
      return;
    }
    setStatus(`Analysing ${name}…`);
    try {
      await loadCore();
    } catch (e) {
      fail(`Sift cannot run here: ${e.message}.`);
      return;
    }
    // Let the status paint before the (synchronous) parse and analysis of a big page.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (gen !== state.generation) return;

    const t0 = performance.now();
    // Inert document: no scripts run, no subresources load, no layout. (Chromium still checks
    // each on* attribute against this page's CSP while parsing and logs a refusal per handler in
    // the console: noise, and the CSP doing its job.)
    const doc = new DOMParser().parseFromString(text, 'text/html');
    if (!doc.body || doc.body.getElementsByTagName('*').length === 0 && !doc.body.textContent.trim()) {
      fail(`${name} has no page content: nothing inside <body>.`);
      return;
    }
    let captured;
    try {
      captured = SiftCapture.capture(doc, { live: false, url: url || undefined });
    } catch (e) {
      fail(`${name} could not be captured (${e && e.message ? e.message : e}).`);
      return;
    }
    const result = analyze(captured.snapshot);
    const ms = performance.now() - t0;
    if (!result.ok) {
      const err = result.error || {};
      fail(`Sift could not analyse ${name}: ${err.message || 'unknown error'}${err.kind ? ` (${err.kind})` : ''}.`);
      return;
    }
    const analysis = result.analysis;
    const items = annotate(doc, captured.elements, analysis);
    scrub(doc);

    state.pageDoc = doc;
    state.analysis = analysis;
    state.items = items;
    state.elements = captured.elements;
    state.markdown = typeof result.markdown === 'string' ? result.markdown : '';
    state.hide = new Map(Object.keys(KINDS).map((k) => [k, !KINDS[k].chrome]));
    renderAll();
    const n = captured.elements.length;
    setStatus(`${name}: ${n.toLocaleString('en')} nodes, ${items.length} clutter block${items.length === 1 ? '' : 's'} found in ${Math.max(1, Math.round(ms))} ms.`, 'ok');
  }

  function fail(message) {
    state.generation++;
    setStatus(message, 'error');
  }

  // ---------------------------------------------------------------- the page copy

  function textPreview(node) {
    const t = (node && node.textContent || '').replace(/\s+/g, ' ').trim();
    return t.length > SNIPPET_CHARS ? t.slice(0, SNIPPET_CHARS - 1) + '…' : t;
  }

  function reasonText(reason) {
    if (!reason) return '';
    return reason.detail ? reason.detail : String(reason.code || '');
  }

  /** Marks the blocks the core decided on (in the parsed copy only) and returns the list items. */
  function annotate(doc, elements, analysis) {
    const items = [];
    for (const c of analysis.clutter || []) {
      const el = Number.isInteger(c.node) ? elements[c.node] : undefined;
      const item = { node: c.node, kind: c.kind, reason: c.reason, preview: '', tag: '' };
      if (el && el.nodeType === 1) {
        item.preview = textPreview(el);
        item.tag = el.localName;
        el.setAttribute('data-sift-hidden', c.kind);
        el.setAttribute('data-sift-label', `${(KINDS[c.kind] || { label: c.kind }).label} · ${reasonText(c.reason)}`);
      }
      items.push(item);
    }
    const a = analysis.article;
    const root = a && Number.isInteger(a.root) ? elements[a.root] : undefined;
    if (root && root.nodeType === 1 && root !== doc.body && root !== doc.documentElement) {
      root.setAttribute('data-sift-article', '');
      root.setAttribute('data-sift-label', `Article · ${reasonText(a.reason)}`);
    }
    return items;
  }

  /** Elements that never belong in the shown copy: they run code, embed other documents,
   * navigate, or (noscript) only show when scripting is off, which it always is in the frame. */
  const DROP = 'script, noscript, iframe, frame, frameset, object, embed, applet, portal, base, link, meta[http-equiv], fencedframe';
  /** Attributes that name a resource to fetch. */
  const RESOURCE_ATTRS = ['src', 'srcset', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'ping', 'imagesrcset', 'action', 'formaction', 'manifest', 'codebase', 'archive', 'longdesc', 'usemap'];

  /** Makes the parsed copy inert and offline (defence in depth under the sandbox and CSP). */
  function scrub(doc) {
    for (const el of Array.from(doc.querySelectorAll(DROP))) el.remove();
    // DOMParser leaves declarative shadow roots as templates, whose content the walk below never
    // sees; the frame's parser would turn them into live shadow trees. Keep them inert templates.
    for (const t of Array.from(doc.getElementsByTagName('template'))) {
      for (const a of ['shadowrootmode', 'shadowroot']) t.removeAttribute(a);
    }
    // SVG animation can give a link an href after the scrub below: drop any that targets one.
    for (const el of Array.from(doc.querySelectorAll('animate, set'))) {
      if (/href/i.test(el.getAttribute('attributeName') || '')) el.remove();
    }
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) {
          el.removeAttribute(attr.name);
        } else if (name === 'href' || name === 'xlink:href') {
          // No link in the copy may navigate: a srcdoc document resolves even "#x" against this
          // page's URL, so following it would load a new document into the frame. Links keep
          // their target as data (and a link look, see LINK_CSS); other elements keep only
          // same-document references (SVG <use href="#icon">).
          const v = attr.value.trim();
          if (el.localName === 'a' || el.localName === 'area') {
            el.setAttribute('data-sift-href', v.slice(0, 2048));
            el.removeAttribute(attr.name);
          } else if (!v.startsWith('#') || /^(image|feimage)$/i.test(el.localName)) {
            el.removeAttribute(attr.name);
          }
        } else if (RESOURCE_ATTRS.includes(name)) {
          const v = attr.value.trim().toLowerCase();
          if (name === 'src' && v.startsWith('data:') && !v.startsWith('data:text')) continue;
          el.removeAttribute(attr.name);
          if (name === 'src' && (el.localName === 'img' || el.localName === 'input')) {
            el.setAttribute('src', IMAGE_PLACEHOLDER);
          }
        }
      }
      if (el.localName === 'img' && !el.hasAttribute('src')) el.setAttribute('src', IMAGE_PLACEHOLDER);
      if (el.hasAttribute('style')) el.setAttribute('style', offlineCss(el.getAttribute('style')));
    }
    for (const st of Array.from(doc.getElementsByTagName('style'))) st.textContent = offlineCss(st.textContent);
    ensureHead(doc);
  }

  /** CSS without remote references: @import rules go, url(...) other than data: becomes none. */
  function offlineCss(css) {
    return css
      .replace(/@import[^;]*;?/gi, '')
      .replace(/url\(\s*(?!['"]?\s*data:)[^)]*\)/gi, 'none');
  }

  function ensureHead(doc) {
    let head = doc.head;
    if (!head) {
      head = doc.createElement('head');
      doc.documentElement.insertBefore(head, doc.documentElement.firstChild);
    }
    const csp = doc.createElement('meta');
    csp.setAttribute('http-equiv', 'Content-Security-Policy');
    csp.setAttribute('content', FRAME_CSP);
    head.insertBefore(csp, head.firstChild);
    const style = doc.createElement('style');
    style.id = 'sift-playground';
    head.appendChild(style);
    return head;
  }

  function serialize(doc) {
    return '<!DOCTYPE html>\n' + doc.documentElement.outerHTML;
  }

  /** The stylesheet put into the page copy: labels and outlines (annotated) or hiding (cleaned). */
  function pageCss() {
    const rules = [];
    const label = (color) => `content: attr(data-sift-label); display: block; width: fit-content; max-width: 100%;
      box-sizing: border-box; margin: 0 0 6px; padding: 3px 8px; border-radius: 0 0 6px 0;
      font: 600 11.5px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; letter-spacing: 0;
      text-transform: none; text-align: left; white-space: normal; color: #fff; background: ${color};
      float: none; position: static; opacity: 1; visibility: visible; text-shadow: none;`;
    if (state.mode === 'annotated') {
      rules.push(`[data-sift-article] { outline: 2px dashed ${ARTICLE_COLOR} !important; outline-offset: 3px; }`);
      rules.push(`[data-sift-article]::before { ${label(ARTICLE_COLOR)} }`);
    }
    for (const [kind, info] of Object.entries(KINDS)) {
      const sel = `[data-sift-hidden="${kind}"]`;
      if (!state.hide.get(kind)) continue;
      if (state.mode === 'clean') {
        rules.push(`${sel} { display: none !important; }`);
      } else {
        rules.push(`${sel} { outline: 3px solid ${info.color} !important; outline-offset: -3px;
          box-shadow: inset 0 0 0 100vmax ${info.color}14 !important; }`);
        rules.push(`${sel}::before { ${label(info.color)} }`);
      }
    }
    return rules.join('\n');
  }

  /** Links lost their href (see scrub): give them back a link look, at zero specificity so the
   * page's own link styles still win. */
  const LINK_CSS = ':where(a[data-sift-href]) { color: LinkText; text-decoration: underline; cursor: pointer; }';

  /** Scrolling a frame we cannot script: it is re-rendered with the target as the only scroll-snap
   * point, mandatory for a moment (the viewport snaps to it as it lays out), then released. */
  const FOCUS_CSS = `html { animation: sift-snap 1s step-end forwards; }
    @keyframes sift-snap { from { scroll-snap-type: y mandatory; } to { scroll-snap-type: none; } }
    [data-sift-focus] { scroll-snap-align: start; scroll-margin-top: 24px;
      outline: 4px solid #facc15 !important; outline-offset: 2px !important; }`;

  /** Re-renders the page copy; with `focus` (a snapshot id) scrolled to that node. */
  function renderPage(focus) {
    const doc = state.pageDoc;
    if (!doc) return;
    for (const old of Array.from(doc.querySelectorAll('[data-sift-focus]'))) old.removeAttribute('data-sift-focus');
    const target = Number.isInteger(focus) ? state.elements[focus] : null;
    const focused = !!(target && target.nodeType === 1 && target.isConnected);
    if (focused) target.setAttribute('data-sift-focus', '');
    doc.getElementById('sift-playground').textContent = LINK_CSS + '\n' + pageCss() + (focused ? '\n' + FOCUS_CSS : '');
    ui.pageFrame.srcdoc = serialize(doc);
  }

  /** Shows the reader document; with `focus` (a snapshot id) scrolled to that heading. */
  function showReader(focus) {
    const doc = state.readerDoc;
    if (!doc) return;
    for (const old of Array.from(doc.querySelectorAll('[data-sift-focus]'))) old.removeAttribute('data-sift-focus');
    const target = Number.isInteger(focus) ? doc.getElementById('sift-' + focus) : null;
    if (target) target.setAttribute('data-sift-focus', '');
    doc.getElementById('sift-playground').textContent = LINK_CSS + '\n' + READER_CSS + (target ? '\n' + FOCUS_CSS : '');
    ui.readerFrame.srcdoc = serialize(doc);
  }

  /** Brings a node into view: in the page copy (annotated, so hidden blocks show) and, for a
   * heading, in the reader view. */
  function focusNode(id, inReader) {
    if (state.mode !== 'annotated') {
      state.mode = 'annotated';
      renderMode();
    }
    renderPage(id);
    if (inReader) showReader(id);
  }

  // ---------------------------------------------------------------- the reader view

  const READER_CSS = `
    :root { color-scheme: light; --fg: #1d2230; --muted: #5b6373; --rule: #e4e2dc; --accent: #1f6f5c; }
    html { background: #fbfaf7; }
    body { margin: 0; padding: 32px 28px 64px; color: var(--fg);
      font: 18px/1.65 Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, serif; }
    main { max-width: 38em; margin: 0 auto; }
    .site { font: 600 12px/1.4 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); margin: 0 0 10px; }
    h1.title { font-size: 1.75em; line-height: 1.2; margin: 0 0 12px; }
    .byline { font: 14px/1.5 system-ui, sans-serif; color: var(--muted); margin: 0 0 28px; padding-bottom: 20px; border-bottom: 1px solid var(--rule); }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 .5em; }
    h2 { font-size: 1.35em; } h3 { font-size: 1.15em; } h4, h5, h6 { font-size: 1em; }
    p, ul, ol, blockquote, figure, pre, table { margin: 0 0 1em; }
    img, video, svg { max-width: 100%; height: auto; }
    figure { margin-left: 0; margin-right: 0; } figcaption { font: 14px/1.45 system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
    blockquote { border-left: 3px solid var(--accent); margin-left: 0; padding-left: 1em; color: #384050; }
    a { color: var(--accent); }
    pre, code { font: 14px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; } pre { overflow: auto; background: #f1efe9; padding: 12px; }
    table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: 4px 8px; }
    .none { font: 15px/1.5 system-ui, sans-serif; color: var(--muted); text-align: center; margin-top: 30vh; }`;

  function renderReader() {
    const a = state.analysis;
    const md = a.metadata || {};
    const html = (a.reader && a.reader.html) || '';
    // The reader HTML is sanitized by the core; parse it inertly and scrub it again anyway.
    const doc = new DOMParser().parseFromString('<!DOCTYPE html><html><head></head><body><main></main></body></html>', 'text/html');
    if (md.lang) doc.documentElement.setAttribute('lang', md.lang);
    if (md.dir === 'rtl' || md.dir === 'ltr') doc.documentElement.setAttribute('dir', md.dir);
    const main = doc.querySelector('main');
    if (html.trim()) {
      if (md.siteName) main.appendChild(textEl(doc, 'p', md.siteName, 'site'));
      if (md.title) main.appendChild(textEl(doc, 'h1', md.title, 'title'));
      // Each fact isolated (<bdi>): an English "5 min read" keeps its order on a right-to-left page.
      const facts = [md.byline, fmtDate(md.published), md.readingMinutes ? `${md.readingMinutes} min read` : ''].filter(Boolean);
      if (facts.length) {
        const p = textEl(doc, 'p', '', 'byline');
        facts.forEach((f, i) => {
          if (i) p.append(' · ');
          p.append(textEl(doc, 'bdi', f));
        });
        main.appendChild(p);
      }
      const body = new DOMParser().parseFromString('<!DOCTYPE html><body>' + html, 'text/html').body;
      // A heading that repeats the title right at the start is dropped (it is shown above).
      const first = body.firstElementChild;
      if (first && /^h1$/i.test(first.localName) && md.title && first.textContent.trim() === md.title.trim()) first.remove();
      for (const n of Array.from(body.childNodes)) main.appendChild(doc.importNode(n, true));
      ui.readerNote.textContent = md.wordCount ? `${md.wordCount.toLocaleString('en')} words` : '';
    } else {
      main.appendChild(textEl(doc, 'p', a.article ? 'The reader view is empty for this page.' : 'No article on this page, so there is no reader view.', 'none'));
      ui.readerNote.textContent = '';
    }
    scrub(doc);
    state.readerDoc = doc;
    showReader();
  }

  function textEl(doc, tag, text, cls) {
    const el = doc.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  function fmtDate(s) {
    if (!s) return '';
    const d = /^\d{4}-\d{2}-\d{2}/.test(s) ? new Date(s) : null;
    if (!d || Number.isNaN(d.getTime())) return s;
    return d.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }

  // ---------------------------------------------------------------- the analysis cards

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'style') e.style.cssText = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function renderSummary() {
    const a = state.analysis;
    const md = a.metadata || {};
    const v = a.verdict;
    const isArticle = v ? v.isArticle : !!a.article;
    ui.verdict.replaceChildren(el('span', { class: 'badge ' + (isArticle ? 'badge-yes' : 'badge-no'), text: isArticle ? 'Article' : 'Not an article' }));
    if (a.article && typeof a.article.confidence === 'number') {
      ui.verdict.append(el('span', { class: 'confidence', text: `found with ${Math.round(a.article.confidence * 100)}% confidence` }));
    }
    ui.pageTitle.textContent = md.title || '(no title)';
    const facts = [];
    if (md.readingMinutes) facts.push(`${md.readingMinutes} min read`);
    if (md.wordCount) facts.push(`${md.wordCount.toLocaleString('en')} words`);
    if (a.outline && a.outline.length) facts.push(`${a.outline.length} headings`);
    ui.pageFacts.textContent = facts.join(' · ');
    const why = [v && reasonText(v.reason), a.article && reasonText(a.article.reason)].filter(Boolean);
    ui.verdictWhy.textContent = why.join('. ');
  }

  /** One switch per kind found on the page; the kinds not found are named in one line. */
  function renderKinds() {
    const counts = new Map();
    for (const it of state.items) counts.set(it.kind, (counts.get(it.kind) || 0) + 1);
    const rows = [];
    const absent = [];
    for (const [kind, info] of Object.entries(KINDS)) {
      const n = counts.get(kind) || 0;
      if (!n) {
        absent.push(info.label);
        continue;
      }
      const id = 'kind-' + kind;
      const input = el('input', { type: 'checkbox', id, role: 'switch', 'data-kind': kind });
      input.checked = !!state.hide.get(kind);
      input.addEventListener('change', () => {
        state.hide.set(kind, input.checked);
        renderPage();
        renderHiddenList();
      });
      rows.push(el('li', { class: 'kind' },
        el('label', { for: id },
          el('span', { class: 'swatch', style: `--k: ${info.color}` }),
          el('span', { class: 'kind-name', text: info.label }),
          el('span', { class: 'kind-count', text: String(n) })),
        input));
    }
    // Kinds the core names that this page does not know yet still get listed, without a switch.
    for (const kind of counts.keys()) if (!KINDS[kind]) rows.push(el('li', { class: 'kind', text: `${kind} (${counts.get(kind)})` }));
    if (!rows.length) rows.push(el('li', { class: 'empty-note', text: 'No clutter found.' }));
    if (absent.length) rows.push(el('li', { class: 'kinds-absent', text: 'Not on this page: ' + absent.join(', ') + '.' }));
    ui.kinds.replaceChildren(...rows);
  }

  function renderHiddenList() {
    const rows = state.items.map((it) => {
      const info = KINDS[it.kind] || { label: it.kind, color: '#64748b' };
      const kept = !state.hide.get(it.kind);
      const li = el('li', { class: 'hidden-item' + (kept ? ' is-kept' : ''), style: `--k: ${info.color}`, 'data-kind': it.kind, 'data-node': String(it.node) });
      const show = el('button', { type: 'button', class: 'hidden-show', title: 'Show this block in the page' },
        el('span', { class: 'hidden-head' },
          el('span', { class: 'chip', style: `--k: ${info.color}`, text: info.label }),
          kept ? el('span', { class: 'kept', text: 'kept' }) : null,
          it.tag ? el('code', { class: 'tag', text: `<${it.tag}>` }) : null),
        el('span', { class: 'reason', dir: 'auto', text: reasonText(it.reason) }),
        it.preview ? el('span', { class: 'preview', dir: 'auto', text: it.preview }) : null);
      show.addEventListener('click', () => focusNode(it.node, false));
      li.append(show);
      return li;
    });
    const hidden = state.items.filter((it) => state.hide.get(it.kind)).length;
    ui.hiddenCount.textContent = state.items.length ? `${hidden} of ${state.items.length}` : '0';
    if (!rows.length) rows.push(el('li', { class: 'empty-note', text: 'Nothing to hide on this page.' }));
    ui.hiddenList.replaceChildren(...rows);
  }

  /** The outline as a tree (role=tree, nested groups, aria-level = outline level). */
  function renderOutline() {
    const entries = state.analysis.outline || [];
    if (!entries.length) {
      ui.outline.replaceChildren(el('li', { class: 'empty-note', role: 'none', text: 'No outline on this page' }));
      return;
    }
    const top = [];
    const stack = []; // [level, groupElement]
    let first = true;
    for (const e of entries) {
      const level = Math.max(1, Math.min(9, e.level | 0));
      const item = el('li', { role: 'treeitem', 'aria-level': String(level), tabindex: first ? '0' : '-1', 'data-node': String(e.id) },
        el('span', { class: 'outline-text', dir: 'auto', text: e.text }));
      first = false;
      while (stack.length && stack[stack.length - 1][0] >= level) stack.pop();
      if (stack.length) {
        const parentItem = stack[stack.length - 1][1];
        let group = parentItem.querySelector(':scope > ul');
        if (!group) {
          group = el('ul', { role: 'group' });
          parentItem.append(group);
          parentItem.setAttribute('aria-expanded', 'true');
        }
        group.append(item);
      } else {
        top.push(item);
      }
      stack.push([level, item]);
    }
    ui.outline.replaceChildren(...top);
  }

  /** Clicking a heading (or Enter on it) shows it in the page copy and in the reader view. */
  function outlineActivate(item) {
    const id = Number(item.getAttribute('data-node'));
    if (Number.isInteger(id)) focusNode(id, true);
  }
  ui.outline.addEventListener('click', (ev) => {
    const item = ev.target.closest('[role="treeitem"]');
    if (!item) return;
    ev.stopPropagation();
    for (const other of ui.outline.querySelectorAll('[role="treeitem"]')) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
    outlineActivate(item);
  });

  /** Arrow keys move through the visible tree items (the roving tabindex of a tree). */
  ui.outline.addEventListener('keydown', (ev) => {
    const items = Array.from(ui.outline.querySelectorAll('[role="treeitem"]'));
    const i = items.indexOf(document.activeElement);
    if (i < 0) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      outlineActivate(items[i]);
      return;
    }
    let j = i;
    if (ev.key === 'ArrowDown') j = Math.min(items.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = items.length - 1;
    else return;
    ev.preventDefault();
    items[i].tabIndex = -1;
    items[j].tabIndex = 0;
    items[j].focus();
  });

  function renderMetadata() {
    const md = state.analysis.metadata || {};
    // Title, words and reading time are in the summary just above.
    const rows = [
      ['Byline', md.byline], ['Published', md.published], ['Site', md.siteName],
      ['Language', [md.lang, md.dir].filter(Boolean).join(', ')], ['Lead image', md.leadImage], ['Excerpt', md.excerpt],
    ];
    const out = [];
    for (const [k, v] of rows) {
      out.push(el('dt', { text: k }), el('dd', { class: v ? '' : 'missing', dir: v ? 'auto' : 'ltr', text: v || 'not found' }));
    }
    ui.metadata.replaceChildren(...out);
  }

  function renderMode() {
    ui.modeAnnotated.setAttribute('aria-pressed', String(state.mode === 'annotated'));
    ui.modeClean.setAttribute('aria-pressed', String(state.mode === 'clean'));
  }

  function renderAll() {
    ui.workspace.classList.remove('is-empty');
    renderSummary();
    renderKinds();
    renderHiddenList();
    renderOutline();
    renderMetadata();
    renderMode();
    renderPage();
    renderReader();
    ui.copyMd.disabled = !state.markdown;
  }

  // ---------------------------------------------------------------- wiring

  async function loadSampleList() {
    let list = [];
    try {
      const res = await fetch('samples/index.json', { cache: 'no-cache' });
      if (res.ok) list = await res.json();
    } catch { /* no list: the picker stays empty, files still work */ }
    if (!Array.isArray(list)) list = [];
    for (const s of list) {
      if (!s || typeof s.file !== 'string' || !/^[\w.-]+\.html?$/.test(s.file)) continue;
      const title = typeof s.title === 'string' ? s.title : s.file;
      ui.sample.append(el('option', { value: s.file, text: title }));
      const b = el('button', { type: 'button', class: 'sample-card', 'data-file': s.file },
        el('strong', { text: title }),
        s.description ? el('span', { text: String(s.description) }) : null);
      b.addEventListener('click', () => { ui.sample.value = s.file; loadSample(s.file); });
      ui.emptySamples.append(b);
    }
    return list;
  }

  ui.sample.addEventListener('change', () => loadSample(ui.sample.value));
  ui.openFile.addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', () => {
    const f = ui.fileInput.files && ui.fileInput.files[0];
    ui.fileInput.value = '';
    ui.sample.value = '';
    loadFile(f);
  });

  ui.pasteOpen.addEventListener('click', () => {
    ui.pasteText.value = '';
    ui.pasteDialog.showModal();
    ui.pasteText.focus();
  });
  ui.pasteDialog.addEventListener('close', () => {
    if (ui.pasteDialog.returnValue !== 'analyse') return;
    ui.sample.value = '';
    loadHtml(ui.pasteText.value, 'Pasted HTML', null);
  });

  // Pasting anywhere outside a text field loads the pasted page.
  document.addEventListener('paste', (ev) => {
    const t = ev.target;
    if (t && (t.closest && t.closest('textarea, input, [contenteditable]'))) return;
    const dt = ev.clipboardData;
    if (!dt) return;
    const text = dt.getData('text/html') || dt.getData('text/plain');
    if (!text) return;
    ev.preventDefault();
    ui.sample.value = '';
    loadHtml(text, 'Pasted HTML', null);
  });

  // Drag and drop of a file (or of HTML dragged from another page).
  let dragDepth = 0;
  const isDrag = (ev) => ev.dataTransfer && Array.from(ev.dataTransfer.types || []).some((t) => t === 'Files' || t === 'text/html');
  window.addEventListener('dragenter', (ev) => {
    if (!isDrag(ev)) return;
    dragDepth++;
    ui.dropOverlay.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) ui.dropOverlay.hidden = true;
  });
  window.addEventListener('dragover', (ev) => {
    if (!isDrag(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (ev) => {
    ev.preventDefault();
    dragDepth = 0;
    ui.dropOverlay.hidden = true;
    const dt = ev.dataTransfer;
    if (!dt) return;
    ui.sample.value = '';
    if (dt.files && dt.files.length) loadFile(dt.files[0]);
    else {
      const html = dt.getData('text/html');
      if (html) loadHtml(html, 'Dropped HTML', null);
    }
  });

  ui.copyMd.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(state.markdown);
      setStatus('The article is on the clipboard as Markdown.', 'ok');
    } catch (e) {
      setStatus(`The clipboard refused the Markdown (${e && e.message ? e.message : e}).`, 'error');
    }
  });

  ui.modeAnnotated.addEventListener('click', () => { state.mode = 'annotated'; renderMode(); renderPage(); });
  ui.modeClean.addEventListener('click', () => { state.mode = 'clean'; renderMode(); renderPage(); });

  // Start compiling the core while the user picks a page; a #sample=<file> link opens that sample.
  loadCore().catch((e) => setStatus(`Sift cannot run here: ${e.message}.`, 'error'));
  loadSampleList().then(() => {
    const m = /^#sample=([\w.-]+)$/.exec(location.hash);
    if (m) {
      ui.sample.value = m[1];
      loadSample(m[1]);
    }
  });
})();
