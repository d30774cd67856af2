// Toolbar popup (extension page). Opened by the toolbar button, which grants activeTab for the
// tab; tests may open popup.html?tab=<id> in a tab instead. It asks the background to inject the
// content scripts into the tab, then talks to the content script directly.
(() => {
  const { api, t, sitePattern } = globalThis.SiftWebext;
  const M = globalThis.SiftMessages;
  const $ = (id) => document.getElementById(id);
  /** How often the popup asks which outline section is in view (ms). */
  const SPY_INTERVAL_MS = 700;

  let tabId = null;
  let page = null; // last PageState

  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.documentElement.lang = api.i18n.getUILanguage?.() || 'en';

  function send(msg) {
    return api.tabs.sendMessage(tabId, msg);
  }

  /** The core's budget errors, and the browser refusing to carry the page's snapshot (Chromium:
   * "Message exceeded maximum allowed size of 64MiB"): both mean "this page is too large". */
  function tooLarge(kind, message) {
    return kind === 'too-many-nodes' || kind === 'too-deep' || /maximum allowed size/i.test(String(message ?? ''));
  }

  function showError(kind, message) {
    $('app').removeAttribute('aria-busy');
    $('status').hidden = true;
    const key = kind === 'inject' ? 'errorUnreachable' : tooLarge(kind, message) ? 'errorTooLarge' : 'errorGeneric';
    $('error').textContent = t(key);
    $('error').hidden = false;
    if (message) console.error('sift:', kind, message);
  }

  function kindLabel(kind) {
    return t('kind_' + String(kind).replace(/-/g, '_'));
  }

  function render(state) {
    if (!state || !state.ok) {
      showError(state?.error?.kind ?? 'internal', state?.error?.message);
      return;
    }
    page = state;
    $('app').removeAttribute('aria-busy');
    $('status').hidden = true;
    $('error').hidden = true;
    $('summary').hidden = false;
    $('outline-section').hidden = false;
    $('footer').hidden = !/^https?:/.test(state.origin || '');
    $('site').textContent = state.siteName || '';
    $('title').textContent = state.title || '';
    $('title').dir = state.dir === 'rtl' ? 'rtl' : 'auto';
    if (state.lang) $('title').lang = state.lang;
    $('reading').textContent = t('readingTime', [String(Math.max(1, state.readingMinutes || 0))]);
    $('reading').hidden = !state.wordCount;
    $('reading').nextElementSibling.hidden = !state.wordCount;
    $('verdict').classList.toggle('yes', state.isArticle);
    // Reader view is the suggested action only where the page reads as an article.
    $('reader').classList.toggle('primary', !!state.isArticle);
    $('verdict-text').textContent = t(state.isArticle ? 'verdictArticle' : 'verdictNotArticle');
    if (state.verdict) $('verdict').title = state.verdict;
    $('clean').setAttribute('aria-pressed', String(!!state.cleaned));
    // Details line: where the analysis ran (content script, or the background on pages that
    // refuse WebAssembly in content scripts); the reason, if any, as its tooltip.
    $('engine').hidden = !state.engine;
    $('engine').dataset.engine = state.engine || '';
    $('engine').textContent = state.engine ? t(state.engine === 'content' ? 'engineContent' : 'engineBackground') : '';
    $('engine').title = state.engineWhy || '';
    renderHidden(state);
    renderOutline(state);
  }

  function renderHidden(state) {
    const list = $('hidden-list');
    list.replaceChildren();
    const active = state.hidden.filter((h) => !h.restored).length;
    $('hidden-count').textContent = state.hidden.length ? String(active) : '';
    $('hidden-hint').textContent = state.hidden.length === 0 ? t('hiddenNone') : state.cleaned ? '' : t('hiddenWhenClean');
    $('hidden-hint').hidden = !$('hidden-hint').textContent;
    list.hidden = state.hidden.length === 0;
    for (const h of state.hidden) {
      const li = document.createElement('li');
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = kindLabel(h.kind);
      const reason = document.createElement('span');
      reason.className = 'reason';
      reason.textContent = h.reason;
      li.append(kind, reason);
      if (h.label) {
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = h.label;
        li.append(label);
      }
      if (h.restored) {
        const tag = document.createElement('span');
        tag.className = 'restored-tag';
        tag.textContent = t('restored');
        li.append(tag);
      } else if (state.cleaned) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn restore';
        b.textContent = t('btnRestore');
        b.setAttribute('aria-label', `${t('btnRestore')}: ${kindLabel(h.kind)}`);
        b.addEventListener('click', async () => render(await send({ type: M.RESTORE, node: h.node })));
        li.append(b);
      }
      list.append(li);
    }
  }

  // ---- outline tree (WAI-ARIA tree pattern, roving tabindex) --------------------------------
  function renderOutline(state) {
    const tree = $('outline');
    tree.replaceChildren();
    const entries = state.outline || [];
    $('outline-empty').hidden = entries.length > 0;
    tree.hidden = entries.length === 0;
    entries.forEach((e, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'treeitem');
      li.setAttribute('aria-level', String(e.level));
      li.tabIndex = i === 0 ? 0 : -1;
      li.dataset.node = String(e.id);
      li.textContent = e.text;
      li.title = e.text;
      li.dir = 'auto';
      li.style.paddingInlineStart = `${8 + (e.level - 1) * 14}px`;
      li.addEventListener('click', () => go(li));
      tree.append(li);
    });
  }

  async function go(item) {
    focusItem(item);
    await send({ type: M.SCROLL_TO, node: Number(item.dataset.node) });
    markCurrent(Number(item.dataset.node));
  }

  function items() {
    return [...$('outline').querySelectorAll('[role="treeitem"]')];
  }

  function focusItem(item) {
    for (const i of items()) i.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  }

  $('outline').addEventListener('keydown', (e) => {
    const all = items();
    const i = all.indexOf(document.activeElement);
    if (i < 0) return;
    const level = (el) => Number(el.getAttribute('aria-level'));
    let next = null;
    switch (e.key) {
      case 'ArrowDown': next = all[i + 1]; break;
      case 'ArrowUp': next = all[i - 1]; break;
      case 'Home': next = all[0]; break;
      case 'End': next = all[all.length - 1]; break;
      case 'ArrowRight': if (all[i + 1] && level(all[i + 1]) > level(all[i])) next = all[i + 1]; break;
      case 'ArrowLeft':
        for (let j = i - 1; j >= 0; j--) if (level(all[j]) < level(all[i])) { next = all[j]; break; }
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        go(all[i]);
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next) focusItem(next);
  });

  function markCurrent(node) {
    for (const i of items()) {
      if (Number(i.dataset.node) === node) i.setAttribute('aria-current', 'true');
      else i.removeAttribute('aria-current');
    }
  }

  async function spy() {
    if (!page || !page.outline?.length) return;
    try {
      const r = await send({ type: M.CURRENT });
      if (r?.ok && r.node != null) markCurrent(r.node);
    } catch { /* tab gone */ }
  }

  // ---- actions ---------------------------------------------------------------------------
  $('clean').addEventListener('click', async () => {
    const on = $('clean').getAttribute('aria-pressed') !== 'true';
    render(await send({ type: M.CLEAN, on }));
  });

  $('show-hidden').addEventListener('click', () => {
    const open = $('show-hidden').getAttribute('aria-expanded') !== 'true';
    $('show-hidden').setAttribute('aria-expanded', String(open));
    $('hidden-panel').hidden = !open;
  });

  $('reader').addEventListener('click', async () => {
    const r = await send({ type: M.READER, open: true });
    if (!r?.ok) {
      showError(r?.error?.kind ?? 'internal', r?.error?.message);
      return;
    }
    // A toolbar popup closes itself so the reader gets the keyboard; a popup opened in a tab
    // (tests) stays.
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });

  $('always').addEventListener('change', async (e) => {
    const box = e.target;
    const origin = page?.origin;
    if (!origin) return;
    $('always-note').textContent = '';
    if (box.checked) {
      // Must run in the click's user gesture: request first, before any other await.
      let granted = false;
      try {
        granted = await api.permissions.request({ origins: [sitePattern(origin)] });
      } catch (err) {
        console.warn('sift: permission request failed', err);
      }
      if (!granted) {
        box.checked = false;
        $('always-note').textContent = t('alwaysCleanDenied');
        return;
      }
      const r = await api.runtime.sendMessage({ type: M.ALWAYS_SET, origin, on: true });
      if (!r?.ok) box.checked = false;
      else if (!page.cleaned) render(await send({ type: M.CLEAN, on: true }));
    } else {
      await api.runtime.sendMessage({ type: M.ALWAYS_SET, origin, on: false });
      try { await api.permissions.remove({ origins: [sitePattern(origin)] }); } catch { /* kept */ }
    }
  });

  // ---- start ------------------------------------------------------------------------------
  async function start() {
    const param = new URLSearchParams(location.search).get('tab');
    if (param) tabId = Number(param);
    else tabId = (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
    if (tabId == null) return showError('inject');
    const ensured = await api.runtime.sendMessage({ type: M.ENSURE, tabId });
    if (!ensured?.ok) return showError('inject', ensured?.error?.message);
    let state;
    try {
      state = await send({ type: M.STATE });
    } catch (err) {
      return showError('inject', String(err?.message ?? err));
    }
    render(state);
    if (state?.ok && /^https?:/.test(state.origin)) {
      const r = await api.runtime.sendMessage({ type: M.ALWAYS_GET, origin: state.origin });
      $('always').checked = !!r?.on;
    }
    spy();
    setInterval(spy, SPY_INTERVAL_MS);
  }
  start().catch((err) => showError('internal', String(err?.stack ?? err)));
})();
