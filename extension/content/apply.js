// Runs in the content script (and the www playground). Applies the core's decisions to the
// page reversibly: a marker attribute per hidden element plus one stylesheet. No inline style
// edits and no node removal, so undo is exact (typed form text survives: nodes only hide).
(() => {
  if (globalThis.SiftApply) return;

  const STYLE_ID = 'sift-style';
  const HIDDEN_ATTR = 'data-sift-hidden';
  const READER_ATTR = 'data-sift-reader';
  const FLASH_ATTR = 'data-sift-flash';
  const HOST_TAG = 'sift-reader-host';

  const CSS = `
[${HIDDEN_ATTR}]{display:none!important}
html[${READER_ATTR}],html[${READER_ATTR}] body{overflow:hidden!important}
[${FLASH_ATTR}]{outline:3px solid rgba(217,145,38,.9)!important;outline-offset:6px!important;border-radius:2px!important;transition:outline-color .6s ease!important}
${HOST_TAG}{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483647!important;display:block!important;background:transparent!important}
${HOST_TAG}[data-sift-closing]{opacity:0!important;transition:opacity .15s ease!important;pointer-events:none!important}
${HOST_TAG}>iframe{all:initial!important;display:block!important;width:100%!important;height:100%!important;border:0!important;color-scheme:normal!important}
`;

  function ensureStyle(doc) {
    let style = doc.getElementById(STYLE_ID);
    if (style) return style;
    style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    (doc.head || doc.documentElement).appendChild(style);
    return style;
  }

  /** Removes the stylesheet once nothing in the page needs it. */
  function dropStyleIfUnused(doc) {
    const used = doc.querySelector(`[${HIDDEN_ATTR}],[${READER_ATTR}],[${FLASH_ATTR}],${HOST_TAG}`);
    if (!used) doc.getElementById(STYLE_ID)?.remove();
  }

  /**
   * Hides each clutter decision's element. `elements[id]` comes from SiftCapture.capture.
   * `skip(c)` lets the caller keep some (restored items, site chrome). Returns the ids hidden.
   */
  function hide(doc, elements, clutter, skip = () => false) {
    const done = [];
    const targets = [];
    for (const c of clutter) {
      const el = elements[c.node];
      if (!el || el.nodeType !== 1 || skip(c)) continue;
      targets.push([el, c]);
    }
    if (targets.length) ensureStyle(doc);
    for (const [el, c] of targets) { // one batch of attribute writes
      el.setAttribute(HIDDEN_ATTR, c.kind);
      done.push(c.node);
    }
    return done;
  }

  /** Shows one element again. */
  function show(doc, el) {
    if (el && el.nodeType === 1) el.removeAttribute(HIDDEN_ATTR);
    dropStyleIfUnused(doc);
  }

  /** Undoes every hide in the document. */
  function undo(doc) {
    for (const el of doc.querySelectorAll(`[${HIDDEN_ATTR}]`)) el.removeAttribute(HIDDEN_ATTR);
    dropStyleIfUnused(doc);
  }

  /** Briefly outlines an element (outline navigation). */
  function flash(doc, el, ms = 1600) {
    if (!el || el.nodeType !== 1) return;
    ensureStyle(doc);
    el.setAttribute(FLASH_ATTR, '');
    setTimeout(() => {
      el.removeAttribute(FLASH_ATTR);
      dropStyleIfUnused(doc);
    }, ms);
  }

  globalThis.SiftApply = Object.freeze({
    ensureStyle, dropStyleIfUnused, hide, show, undo, flash,
    STYLE_ID, HIDDEN_ATTR, READER_ATTR, FLASH_ATTR, HOST_TAG,
  });
})();
