// The one capture implementation: DOM -> plain snapshot object (see src/web/dto.rs).
// Runs in the content script (live document: hidden = computed style) and in the www
// playground on DOMParser documents (no layout: hidden = markup, as src/html.rs does).
// The snapshot is JSON-serialisable so it can be posted to the background, where the wasm
// runs (Chromium cannot compile wasm in content scripts on strict-CSP pages).
// Iterative walk (no recursion: very deep pages must not overflow the stack).
(() => {
  // Own property only: a page element with id="SiftCapture" shows up as a (prototype) global in
  // Chromium's isolated world and must not pass for this script (DOM clobbering).
  if (Object.hasOwn(globalThis, 'SiftCapture')) return;

  /** Longest attribute value kept (long data: URLs and inline JSON carry no signal). */
  const MAX_ATTR_VALUE = 2048;
  /** Most attributes kept per element. */
  const MAX_ATTRS = 48;
  /** Longest text node kept. */
  const MAX_TEXT = 100000;
  const SNAPSHOT_VERSION = 1;
  /** Nodes Sift itself adds to a page (see apply.js). */
  const OWN_HOST = 'sift-reader-host';
  const OWN_STYLE = 'sift-style';

  const ELEMENT = 1;
  const TEXT = 3;
  const CDATA = 4;

  /** Body elements the UA stylesheet always hides (src/html.rs `UA_HIDDEN`). */
  const UA_HIDDEN = new Set(['datalist', 'rp', 'template']);

  /** Hidden by markup alone: the same rule as src/html.rs `is_hidden`. */
  function hiddenByMarkup(el) {
    // hidden="until-found" keeps display (content-visibility only): findable content, not hidden.
    if (el.hasAttribute('hidden') && el.getAttribute('hidden').trim().toLowerCase() !== 'until-found') return true;
    if (el.localName === 'input' && (el.getAttribute('type') || '').toLowerCase() === 'hidden') return true;
    // The UA stylesheet hides a dialog until it is opened, and these always.
    if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
    if (UA_HIDDEN.has(el.localName)) return true;
    const style = el.getAttribute('style');
    if (style) {
      const s = style.replace(/\s+/g, '').toLowerCase();
      if (s.includes('display:none') || s.includes('visibility:hidden')) return true;
    }
    return false;
  }

  /** Does the element keep its text children? (script only for JSON-LD; no style/template; a
   * noscript keeps its raw markup text, as `src/html.rs` does.) */
  function keepsText(name, el) {
    switch (name) {
      case 'script':
        return (el.getAttribute('type') || '').trim().toLowerCase() === 'application/ld+json';
      case 'style':
      case 'template':
        return false;
      default:
        return true;
    }
  }

  function attrsOf(el) {
    const out = [];
    const list = el.attributes;
    for (let i = 0; i < list.length && out.length < MAX_ATTRS; i++) {
      const name = list[i].name.toLowerCase();
      if (name.startsWith('on')) continue; // event handlers are never data
      if (name.startsWith('data-sift-')) continue; // our own markers
      let value = list[i].value;
      if (value.length > MAX_ATTR_VALUE) value = value.slice(0, MAX_ATTR_VALUE);
      out.push([name, value]);
    }
    return out;
  }

  /**
   * capture(doc, opts) -> { snapshot, elements }
   * opts.live: use computed style and layout (default: true when the document has a window)
   * opts.url: document URL to record (default doc.URL unless about:blank)
   */
  function capture(doc, opts = {}) {
    const view = doc.defaultView;
    const live = opts.live ?? !!view;
    const root = doc.documentElement;
    const nodes = [];
    const elements = [];
    const url = opts.url ?? (doc.URL && !doc.URL.startsWith('about:') ? doc.URL : null);
    if (!root) return { snapshot: { version: SNAPSHOT_VERSION, url, nodes }, elements };
    const sx = live && view ? view.scrollX : 0;
    const sy = live && view ? view.scrollY : 0;

    // Stack entries: [domNode, parentId, inBody, ancestorHidden]. Children are pushed in
    // reverse so they pop in document order: ids are pre-order, as the core requires.
    const stack = [[root, -1, false, false]];
    while (stack.length) {
      const [node, parent, inBodyAbove, hiddenAbove] = stack.pop();
      const type = node.nodeType;
      if (type === TEXT || type === CDATA) {
        let text = node.data;
        if (!text) continue;
        if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
        nodes.push({ parent, tag: '#text', text });
        elements.push(node);
        continue;
      }
      if (type !== ELEMENT) continue;
      const name = node.localName;
      if (name === OWN_HOST || node.id === OWN_STYLE) continue; // Sift's own nodes are not the page
      const inBody = inBodyAbove || name === 'body';
      let hidden = false;
      if (live && inBody && !hiddenAbove && view) {
        const cs = view.getComputedStyle(node);
        hidden = cs.display === 'none' || cs.visibility === 'hidden';
      } else if (!live) {
        hidden = hiddenByMarkup(node);
      }
      const id = nodes.length;
      const entry = { parent, tag: name, attrs: attrsOf(node) };
      if (hidden) entry.hidden = true;
      if (live && inBody && !hidden && !hiddenAbove && node.getBoundingClientRect) {
        const r = node.getBoundingClientRect();
        entry.rect = [Math.round(r.left + sx), Math.round(r.top + sy), Math.round(r.width), Math.round(r.height)];
      }
      nodes.push(entry);
      elements.push(node);
      if (!keepsText(name, node)) {
        // Still record child elements (a <noscript><img> is not content, but keep the shape
        // minimal): skip the subtree's text only. Elements inside script/style never exist.
        for (let c = node.lastChild; c; c = c.previousSibling) {
          if (c.nodeType === ELEMENT) stack.push([c, id, inBody, hiddenAbove || hidden]);
        }
        continue;
      }
      for (let c = node.lastChild; c; c = c.previousSibling) {
        stack.push([c, id, inBody, hiddenAbove || hidden]);
      }
    }
    return { snapshot: { version: SNAPSHOT_VERSION, url, nodes }, elements };
  }

  globalThis.SiftCapture = Object.freeze({ capture, hiddenByMarkup, SNAPSHOT_VERSION });
})();
