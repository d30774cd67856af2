// Reader view (extension page, shown in an <iframe> inside <sift-reader-host> on the article's
// page). The page's scripts cannot reach into it (different origin), and the extension-page CSP
// blocks any script in the article markup; the markup is also re-sanitised here as a second
// line of defence. The article arrives through the background, keyed by a one-time token in
// the URL fragment, never from the page itself.
(() => {
  const { api, t } = globalThis.SiftWebext;
  const M = globalThis.SiftMessages;
  const $ = (id) => document.getElementById(id);

  const S = globalThis.SiftSettings; // versioned settings schema (lib/settings.js)
  /** Elements never rendered from article markup. */
  const DROP = new Set(['script', 'style', 'link', 'meta', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'base', 'noscript', 'template']);
  /** Attributes that may carry a URL. */
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'xlink:href', 'cite', 'background']);

  let payload = null;
  let settings = { ...S.DEFAULTS };

  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  }

  // ---- settings (storage.sync) ----------------------------------------------------------
  function applySettings() {
    const b = document.body;
    b.dataset.theme = settings.theme;
    b.dataset.font = settings.font;
    b.style.setProperty('--size', `${settings.size}px`);
    b.style.setProperty('--width', `${settings.width}ch`);
    b.style.setProperty('--lh', String(settings.lineHeight));
    b.classList.toggle('no-toc', !settings.toc || !(payload?.outline?.length));
    $('toggle-toc').setAttribute('aria-expanded', String(!!settings.toc));
    $('toggle-toc').hidden = !(payload?.outline?.length);
    for (const r of document.querySelectorAll('input[name="theme"]')) r.checked = r.value === settings.theme;
    for (const r of document.querySelectorAll('input[name="font"]')) r.checked = r.value === settings.font;
    $('size').value = String(settings.size);
    $('width').value = String(settings.width);
    $('line-height').value = String(settings.lineHeight);
  }

  async function loadSettings() {
    try {
      settings = await S.load(api); // migrates old versions, replaces bad values (console note)
    } catch (err) {
      console.warn('sift: settings unavailable', err);
    }
    applySettings();
  }

  function save(patch) {
    settings = { ...settings, ...patch };
    applySettings();
    S.save(api, settings).catch((err) => console.warn('sift: cannot save settings', err));
  }

  for (const r of document.querySelectorAll('input[name="theme"]')) r.addEventListener('change', () => save({ theme: r.value }));
  for (const r of document.querySelectorAll('input[name="font"]')) r.addEventListener('change', () => save({ font: r.value }));
  $('size').addEventListener('input', (e) => save({ size: Number(e.target.value) }));
  $('width').addEventListener('input', (e) => save({ width: Number(e.target.value) }));
  $('line-height').addEventListener('input', (e) => save({ lineHeight: Number(e.target.value) }));

  function toggleSettings(open) {
    const btn = $('settings-btn');
    const want = open ?? btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', String(want));
    $('settings').hidden = !want;
    if (want) $('settings').querySelector('input:checked, input')?.focus();
  }
  $('settings-btn').addEventListener('click', () => toggleSettings());
  document.addEventListener('click', (e) => {
    if ($('settings').hidden) return;
    if (!$('settings').contains(e.target) && !$('settings-btn').contains(e.target)) toggleSettings(false);
  });
  $('toggle-toc').addEventListener('click', () => save({ toc: !settings.toc }));

  // ---- close / copy / print ---------------------------------------------------------------
  // Closing goes through the background, which answers to the tab this frame is in: the reader
  // page is framed in a content page, and there Firefox gives it no `tabs` API.
  function close() {
    Promise.resolve(api.runtime.sendMessage({ type: M.READER_CLOSE }))
      .then((r) => { if (!r?.ok) console.warn('sift: close reader view:', r?.error?.message ?? 'no answer'); })
      .catch((err) => console.warn('sift: close reader view', err));
  }
  $('close').addEventListener('click', close);
  // Escape always leaves reader view (the contract), settings panel open or not.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  $('print').addEventListener('click', () => window.print());

  function toast(text) {
    const el = $('toast');
    el.textContent = text;
    el.classList.add('show');
    setTimeout(() => el.classList.remove('show'), 1600);
  }

  $('copy-md').addEventListener('click', async () => {
    const md = payload?.markdown || payload?.text || '';
    try {
      await navigator.clipboard.writeText(md);
    } catch {
      const ta = document.createElement('textarea');
      ta.value = md;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    toast(t('readerCopied'));
  });

  // ---- rendering --------------------------------------------------------------------------
  function safeUrl(value) {
    const v = value.trim().toLowerCase();
    return !(v.startsWith('javascript:') || v.startsWith('vbscript:') || (v.startsWith('data:') && !v.startsWith('data:image/')));
  }

  /** Second-line sanitiser over the core's already-sanitised HTML. Iterative, no recursion. */
  function sanitize(html, baseUrl) {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
    const stack = [doc.body];
    while (stack.length) {
      const node = stack.pop();
      for (const child of [...node.children]) {
        const name = child.localName;
        if (DROP.has(name)) {
          child.remove();
          continue;
        }
        for (const attr of [...child.attributes]) {
          const n = attr.name.toLowerCase();
          if (n.startsWith('on') || n === 'style' || n === 'srcdoc') child.removeAttribute(attr.name);
          else if (URL_ATTRS.has(n) && !safeUrl(attr.value)) child.removeAttribute(attr.name);
        }
        if (name === 'a') {
          const href = child.getAttribute('href');
          if (href && !href.startsWith('#')) {
            try {
              child.setAttribute('href', new URL(href, baseUrl).href);
            } catch { child.removeAttribute('href'); }
            child.target = '_blank';
            child.rel = 'noopener noreferrer';
          }
        }
        if (name === 'img' || name === 'source' || name === 'video' || name === 'audio') {
          for (const a of ['src', 'poster']) {
            const v = child.getAttribute(a);
            if (v) try { child.setAttribute(a, new URL(v, baseUrl).href); } catch { child.removeAttribute(a); }
          }
          child.setAttribute('loading', 'lazy');
        }
        stack.push(child);
      }
    }
    return [...doc.body.childNodes].map((n) => document.importNode(n, true));
  }

  function textBlocks(text) {
    return text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean).map((s) => {
      const p = document.createElement('p');
      p.textContent = s;
      return p;
    });
  }

  function formatDate(s, lang) {
    if (!s) return '';
    const d = new Date(s);
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(s)) return s;
    try {
      return new Intl.DateTimeFormat(lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' }).format(d);
    } catch { return s; }
  }

  function render(p) {
    payload = p;
    const root = document.documentElement;
    if (p.lang) root.lang = p.lang;
    root.dir = p.dir === 'rtl' ? 'rtl' : 'ltr';
    document.title = p.title || 'Sift';
    $('bar-site').textContent = p.siteName || '';
    $('site').textContent = p.siteName || '';
    $('title').textContent = p.title || '';
    const bits = [p.byline, formatDate(p.published, p.lang), p.readingMinutes ? t('readingTime', [String(p.readingMinutes)]) : ''].filter(Boolean);
    // Each piece is isolated in a <bdi> ("1 min read" and a date keep their own order inside an
    // RTL article); the separators sit between the isolates, in the article's direction.
    $('byline').replaceChildren(...bits.flatMap((b, i) => {
      const piece = Object.assign(document.createElement('bdi'), { textContent: b });
      if (i === 0) return [piece];
      return [Object.assign(document.createElement('span'), { className: 'sep', textContent: '·' }), piece];
    }));
    $('article').lang = p.lang || '';
    const content = $('content');
    let nodes = p.html ? sanitize(p.html, p.url) : [];
    if (!nodes.length && p.text) nodes = textBlocks(p.text);
    if (nodes.length) content.replaceChildren(...nodes);
    else content.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty-note', textContent: t('readerEmpty') }));
    // The title is shown in the header: drop a leading copy of it from the body.
    const first = content.firstElementChild;
    if (first && /^h1$/i.test(first.localName) && first.textContent.trim() === (p.title || '').trim()) first.remove();
    renderToc(p.outline || []);
    applySettings();
    // Focus the article (not a button) so arrow keys and Space scroll it at once.
    $('page').focus({ preventScroll: true });
  }

  function renderToc(outline) {
    const list = $('toc-list');
    list.replaceChildren();
    const targets = [];
    for (const e of outline) {
      const target = document.getElementById(`sift-${e.id}`);
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#sift-${e.id}`;
      a.textContent = e.text;
      a.dir = 'auto';
      a.style.paddingInlineStart = `${12 + (Math.max(1, e.level) - 1) * 14}px`;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        document.getElementById(`sift-${e.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
      li.append(a);
      list.append(li);
      if (target) targets.push([target, a]);
    }
    spy(targets);
  }

  /** Scroll-spy: the last heading above the top third of the viewport is current. */
  function spy(targets) {
    if (!targets.length) return;
    const update = () => {
      const line = window.innerHeight / 3;
      let current = targets[0][1];
      for (const [el, a] of targets) {
        if (el.getBoundingClientRect().top <= line) current = a;
        else break;
      }
      for (const [, a] of targets) {
        if (a === current) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
    };
    let queued = false;
    window.addEventListener('scroll', () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; update(); });
    }, { passive: true });
    update();
  }

  // In-article fragment links scroll inside the reader instead of navigating the frame.
  $('content').addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href^="#"]');
    if (!a) return;
    e.preventDefault();
    document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)))?.scrollIntoView({ behavior: 'smooth' });
  });

  async function start() {
    await loadSettings();
    const token = location.hash.slice(1);
    const r = token ? await api.runtime.sendMessage({ type: M.READER_GET, token }) : null;
    if (!r?.ok) {
      $('content').replaceChildren(Object.assign(document.createElement('p'), { className: 'empty-note', textContent: t('readerExpired') }));
      return;
    }
    render(r.payload);
  }
  start().catch((err) => console.error('sift: reader view failed', err));
})();
