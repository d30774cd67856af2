// The one capture implementation: DOM -> plain snapshot object (flat format: src/snapshot/flat.rs).
// Runs in the content script (live document: hidden = computed style, but see UA_NONE) and in the www
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
  const SNAPSHOT_VERSION = 2;
  /** Nodes Sift itself adds to a page (see apply.js). */
  const OWN_HOST = 'sift-reader-host';
  const OWN_STYLE = 'sift-style';

  const ELEMENT = 1;
  const TEXT = 3;
  const CDATA = 4;

  /** Body elements the UA stylesheet always hides (src/html.rs `UA_HIDDEN`). */
  const UA_HIDDEN = new Set(['datalist', 'rp', 'template']);
  /**
   * Elements HTML's rendering rules give `display: none` (its "Hidden elements" section): on a
   * live page they are recorded hidden without asking the style system, which for them took
   * checkVisibility() and then getComputedStyle() (scripts in the body are many). Only an
   * author rule that displays one (`script { display: block }`) makes this differ from the
   * computed style, and none of them holds article text.
   */
  const UA_NONE = new Set(['area', 'base', 'basefont', 'datalist', 'head', 'link', 'meta', 'noembed',
    'noframes', 'param', 'rp', 'script', 'style', 'template', 'title']);

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

  /** Record kinds of the flat format (src/snapshot/flat.rs). */
  const KIND_ELEMENT = 0;
  const KIND_HIDDEN = 1;
  const KIND_TEXT = 2;
  /** checkVisibility() options: also false for visibility:hidden/collapse. */
  const VISIBILITY = { visibilityProperty: true };

  /**
   * Is an element hidden by its own computed style (display:none or visibility:hidden)?
   * checkVisibility() answers "visible" without a style object for most elements; only when it
   * says "not visible" (which also covers hidden ancestors, boxless display:contents, closed
   * details...) does getComputedStyle decide, so the answer is exactly the computed style's.
   */
  function hiddenByStyle(view, el) {
    if (typeof el.checkVisibility === 'function' && el.checkVisibility(VISIBILITY)) return false;
    const cs = view.getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden';
  }

  /**
   * capture(doc, opts) -> { snapshot, elements }
   * opts.live: use computed style (default: true when the document has a window)
   * opts.rects: also record layout rects of visible body elements (live only; default false:
   *   no pass reads layout yet, and the first rect forces a layout of the page)
   * opts.url: document URL to record (default doc.URL unless about:blank)
   *
   * The snapshot is the flat format of src/snapshot/flat.rs: `names` (tag and attribute names,
   * each once), `nodes` (numbers: one record per node), `text` (attribute values and text, one
   * string), optional `rects`. Plain arrays and strings: JSON-serialisable for messaging.
   */
  function capture(doc, opts = {}) {
    const view = doc.defaultView;
    const live = opts.live ?? !!view;
    const wantRects = !!(live && view && opts.rects);
    const root = doc.documentElement;
    const names = [];
    const nameIds = new Map();
    /** Attribute name as the DOM gives it -> its name id, or -1 when it is not recorded (each
     * distinct name is lower-cased and tested once per capture). */
    const attrIds = new Map();
    const nums = [];
    const parts = [];
    const elements = [];
    const rects = wantRects ? [] : undefined;
    const url = opts.url ?? (doc.URL && !doc.URL.startsWith('about:') ? doc.URL : null);
    const done = () => {
      const snapshot = { version: SNAPSHOT_VERSION, url, names, nodes: nums, text: parts.join('') };
      if (rects) snapshot.rects = rects;
      return { snapshot, elements };
    };
    if (!root) return done();
    const nameId = (n) => {
      let i = nameIds.get(n);
      if (i === undefined) {
        i = names.length;
        names.push(n);
        nameIds.set(n, i);
      }
      return i;
    };
    const sx = wantRects ? view.scrollX : 0;
    const sy = wantRects ? view.scrollY : 0;

    // Parallel stacks (node, parent id, flags: 1 = in body, 2 = hidden ancestor, 4 = inside
    // <svg> or <math>). Children are
    // pushed in reverse so they pop in document order: ids are pre-order, as the core requires.
    const stackNode = [root];
    const stackParent = [-1];
    const stackFlags = [0];
    while (stackNode.length) {
      const node = stackNode.pop();
      const parent = stackParent.pop();
      const flags = stackFlags.pop();
      const type = node.nodeType;
      if (type === TEXT || type === CDATA) {
        let text = node.data;
        if (!text) continue;
        if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
        nums.push(parent + 1, KIND_TEXT, text.length);
        parts.push(text);
        elements.push(node);
        continue;
      }
      if (type !== ELEMENT) continue;
      const name = node.localName;
      if (name === OWN_HOST || (name === 'style' && node.id === OWN_STYLE)) continue; // Sift's own nodes are not the page
      const inBody = (flags & 1) !== 0 || name === 'body';
      const hiddenAbove = (flags & 2) !== 0;
      let hidden = false;
      if (live) {
        // Inside <svg> and <math> (never article content: the core skips them whole) elements
        // are not asked one by one: icons' paths, <defs> and <symbol> parts had no box, so each
        // one also took a getComputedStyle().
        if (inBody && !hiddenAbove && (flags & 4) === 0 && view) hidden = UA_NONE.has(name) || hiddenByStyle(view, node);
      } else {
        hidden = hiddenByMarkup(node);
      }
      const id = elements.length;
      nums.push(parent + 1, hidden ? KIND_HIDDEN : KIND_ELEMENT, nameId(name), 0);
      const countAt = nums.length - 1;
      const list = node.attributes;
      let count = 0;
      for (let i = 0; i < list.length && count < MAX_ATTRS; i++) {
        const attr = list[i];
        const raw = attr.name;
        let an = attrIds.get(raw);
        if (an === undefined) {
          const lower = raw.toLowerCase();
          // event handlers are never data; data-sift-* are our own markers
          an = lower.startsWith('on') || lower.startsWith('data-sift-') ? -1 : nameId(lower);
          attrIds.set(raw, an);
        }
        if (an < 0) continue;
        let value = attr.value;
        if (value.length > MAX_ATTR_VALUE) value = value.slice(0, MAX_ATTR_VALUE);
        nums.push(an, value.length);
        parts.push(value);
        count++;
      }
      nums[countAt] = count;
      if (wantRects && inBody && !hidden && !hiddenAbove && node.getBoundingClientRect) {
        const r = node.getBoundingClientRect();
        rects.push(id, Math.round(r.left + sx), Math.round(r.top + sy), Math.round(r.width), Math.round(r.height));
      }
      elements.push(node);
      // Without text (script except JSON-LD, style, noscript, template), child elements are
      // still recorded (a <noscript><img> is not content, but keep the shape minimal).
      const withText = keepsText(name, node);
      const childFlags = (inBody ? 1 : 0) | (hiddenAbove || hidden ? 2 : 0)
        | ((flags & 4) !== 0 || name === 'svg' || name === 'math' ? 4 : 0);
      for (let c = node.lastChild; c; c = c.previousSibling) {
        if (withText || c.nodeType === ELEMENT) {
          stackNode.push(c);
          stackParent.push(id);
          stackFlags.push(childFlags);
        }
      }
    }
    return done();
  }

  /**
   * The snapshot as one object per node, `[{parent, tag, attrs?, hidden?, text?}]` (id = index),
   * for tests, tools and debugging; the wasm reads the flat form.
   */
  function expand(snapshot) {
    const { names = [], nodes = [], text = '' } = snapshot;
    const out = [];
    let at = 0;
    const take = (n) => text.slice(at, (at += n));
    for (let i = 0; i < nodes.length;) {
      const parent = nodes[i] - 1;
      const kind = nodes[i + 1];
      if (kind === KIND_TEXT) {
        out.push({ parent, tag: '#text', text: take(nodes[i + 2]) });
        i += 3;
        continue;
      }
      const entry = { parent, tag: names[nodes[i + 2]], attrs: [] };
      const count = nodes[i + 3];
      i += 4;
      for (let k = 0; k < count; k++, i += 2) entry.attrs.push([names[nodes[i]], take(nodes[i + 1])]);
      if (kind === KIND_HIDDEN) entry.hidden = true;
      out.push(entry);
    }
    return out;
  }

  globalThis.SiftCapture = Object.freeze({ capture, expand, hiddenByMarkup, SNAPSHOT_VERSION });
})();
