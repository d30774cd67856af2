// Message types and shapes shared by background, content scripts and extension pages.
// Mirrors src/web/dto.rs (the wasm's JS contract); see extension/CONTRACT.md.
// Loaded as a classic script everywhere (importScripts in the Chrome service worker, a
// background script in Firefox, executeScript in tabs, <script> in pages).
(() => {
  // Own property only: a page element with id="SiftMessages" shows up as a (prototype) global in
  // Chromium's isolated world and must not pass for this script (DOM clobbering).
  if (Object.hasOwn(globalThis, 'SiftMessages')) return;
  globalThis.SiftMessages = Object.freeze({
    // popup -> background
    /** {type, tabId} -> {ok} : inject the content scripts into the tab (idempotent). */
    ENSURE: 'sift:ensure',
    /** {type, origin, on} -> {ok} : "Always clean this site" (permission already granted). */
    ALWAYS_SET: 'sift:always-set',
    /** {type, origin} -> {ok, on} */
    ALWAYS_GET: 'sift:always-get',
    // content -> background
    /** {type, snapshot, options: {reader}} -> wasm result {ok, analysis, markdown} | {ok:false, error} */
    ANALYZE: 'sift:analyze',
    /** {type, isArticle} -> {ok} : the verdict of an analysis the content script ran itself,
     * for the toolbar badge (an ANALYZE through the background sets the badge there). */
    VERDICT: 'sift:verdict',
    /** {type, refused?: true, module?: true} -> {ok, refused, module?} : was WebAssembly refused
     * in a content script of the sender's origin this session? With `refused: true`, remember that
     * it was. With `module: true` and the origin not refused, `module` in the answer is the wasm
     * module's bytes as base64 (false if the background cannot read them). The origin is the
     * sender's, never one the message names. */
    ENGINE_HINT: 'sift:engine-hint',
    /** {type, token, payload} -> {ok} : hand the reader view its article. */
    READER_PUT: 'sift:reader-put',
    // reader page -> background
    /** {type, token} -> {ok, payload, tabId} */
    READER_GET: 'sift:reader-get',
    /** {type} -> {ok} : leave reader view in the sender's own tab. The reader page is framed in
     * a content page, where Firefox gives it no `tabs` API: the background closes it, using the
     * tab the message came from (`sender.tab`), never a tab id the page names. */
    READER_CLOSE: 'sift:reader-close',
    // popup / reader page / background -> content (tabs.sendMessage)
    /** {type} -> PageState (analyses on first use) */
    STATE: 'sift:state',
    /** {type, on} -> PageState */
    CLEAN: 'sift:clean',
    /** {type, node} -> PageState : show one hidden item again */
    RESTORE: 'sift:restore',
    /** {type, node} -> {ok} : scroll the page to an outline heading and highlight it */
    SCROLL_TO: 'sift:scroll-to',
    /** {type} -> {ok, node} : the outline entry currently in view (popup scroll-spy) */
    CURRENT: 'sift:current',
    /** {type, open: true|false|"toggle"} -> {ok, open} */
    READER: 'sift:reader',
  });
})();
