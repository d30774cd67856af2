// Runs in every extension context (background, popup, reader page) and in the content script.
// The only browser branch point: Firefox exposes `browser` (promise-based), Chrome `chrome`
// (promise-based in MV3). Everything else in the extension calls `webext`.
(() => {
  // A page can clobber globals with element ids (<div id="browser">, <div id="SiftWebext">),
  // visible in Chromium's isolated world: accept only a real API object and an own property.
  const isApi = (x) => !!x && typeof x.runtime?.sendMessage === 'function';
  const api = isApi(globalThis.browser) ? globalThis.browser : globalThis.chrome;
  if (Object.hasOwn(globalThis, 'SiftWebext')) return; // injected twice: keep the first

  /**
   * Registers an onMessage handler that returns a promise. Both browsers accept
   * `sendResponse` + `return true`, so we use that form everywhere.
   * `handler(message, sender)` returns a promise, or `undefined` to not answer.
   */
  function listen(handler) {
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      let result;
      try {
        result = handler(message, sender);
      } catch (err) {
        console.error('sift: message handler failed', err);
        sendResponse({ ok: false, error: { kind: 'internal', message: String(err?.message ?? err) } });
        return false;
      }
      if (result === undefined) return false;
      Promise.resolve(result).then(sendResponse, (err) => {
        console.error('sift: message handler failed', err);
        sendResponse({ ok: false, error: { kind: 'internal', message: String(err?.message ?? err) } });
      });
      return true;
    });
  }

  /** Was this message sent by our own extension (content script or extension page)? */
  function fromSelf(sender) {
    return !!sender && sender.id === api.runtime.id;
  }

  /** Was it sent by one of our extension pages (popup, reader), not by a content script? */
  function fromExtensionPage(sender) {
    return fromSelf(sender) && typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  }

  /** Localised string; falls back to the key so a missing message is visible, not blank. */
  function t(key, subs) {
    return api.i18n.getMessage(key, subs) || key;
  }

  /** The match pattern for "this site" (an origin such as "http://127.0.0.1:8080"): scheme and
   * host, no port. Firefox's match patterns never match a pattern that names a port (it compares
   * hosts only), while Chrome's portless pattern matches every port: the portless form works in both. */
  function sitePattern(origin) {
    const u = new URL(origin);
    return `${u.protocol}//${u.hostname}/*`;
  }

  globalThis.webext = api;
  globalThis.SiftWebext = { api, listen, fromSelf, fromExtensionPage, t, sitePattern };
})();
