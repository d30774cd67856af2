// Transfer-format experiment, page side: one capture walk, three output shapes, chosen by
// globalThis.__siftTransferFormat ('objects' | 'json' | 'flat'), set by the glue suffix that
// build.sh appends. Reads what src/web/dto.rs reads: tag, attributes (no on*), computed
// visibility (element.checkVisibility(), skipped under a hidden ancestor), text (no script/style
// text except JSON-LD). Iterative, no recursion. Defines globalThis.SiftCapture like
// extension/content/capture.js, so scripts/bench-browser.mjs can drive it unchanged.
globalThis.SiftCapture = {
  capture(doc) {
    const format = globalThis.__siftTransferFormat || 'objects';
    const flat = format === 'flat';
    const nodes = [];
    const meta = [];
    const parts = [];
    const elements = [];
    const stack = [doc.documentElement];
    const parents = [-1];
    const hiddenAbove = [false];
    while (stack.length) {
      const n = stack.pop();
      const parent = parents.pop();
      const above = hiddenAbove.pop();
      const id = elements.length;
      elements.push(n);
      if (n.nodeType === 1) {
        const tag = n.localName;
        const list = n.attributes;
        const attrs = flat ? null : [];
        let count = 0;
        if (flat) parts.push(tag);
        for (let i = 0; i < list.length; i++) {
          const a = list[i];
          const name = a.name;
          if (name.charCodeAt(0) === 111 && name.charCodeAt(1) === 110) continue; // on*
          if (flat) parts.push(name, a.value);
          else attrs.push([name, a.value]);
          count++;
        }
        const hidden = !above && !n.checkVisibility();
        if (flat) meta.push(parent + 1, hidden ? 2 : 0, count);
        else nodes.push({ parent, tag, attrs, hidden });
        const noText = (tag === 'script' && n.type !== 'application/ld+json') ||
          tag === 'style' || tag === 'noscript' || tag === 'template';
        for (let c = n.lastChild; c; c = c.previousSibling) {
          const k = c.nodeType;
          if (k === 1 || (k === 3 && !noText)) {
            stack.push(c);
            parents.push(id);
            hiddenAbove.push(above || hidden);
          }
        }
      } else {
        if (flat) {
          parts.push(n.data);
          meta.push(parent + 1, 1, 0);
        } else {
          nodes.push({ parent, tag: '#text', text: n.data });
        }
      }
    }
    let snapshot;
    if (flat) snapshot = { url: doc.URL, meta, strings: parts.join('\0') };
    else if (format === 'json') snapshot = JSON.stringify({ url: doc.URL, nodes });
    else snapshot = { url: doc.URL, nodes };
    return { snapshot, elements };
  },
};
