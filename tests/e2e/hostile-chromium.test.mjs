// Hostile pages against the built extension (target/extension/chrome) and the www playground in
// Debian's Chromium. The page tests/hostile/xss-vectors.html carries XSS vectors (script in odd
// places, on* attributes, javascript:/data: URLs in href/src/srcset/SVG, svg/MathML tricks,
// iframe srcdoc, meta refresh, base href, CSS url()/expression, DOM clobbering of Sift's globals,
// mutation-XSS shapes). Each vector, if it runs, posts {pwned} to the top window and requests
// /pwned?v=<name> from the test server. Many fire when the hostile page itself loads (the page is
// the attacker), so each test clears its records after load and then fails on any vector that
// runs, and any /pwned request, while Sift shows the popup, cleans the page, opens reader view
// (the reader document is also checked element by element), or the playground analyses the page.
// A second page posts look-alike Sift messages (window.postMessage, CustomEvent) and must change
// nothing. Uses the e2e suite's server and browser helpers unchanged (test pages are added to the
// exported PAGES table).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchChromium, until } from './lib/chromium.mjs';

const OUT = path.join(repoRoot, 'test-output/hostile');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 15 * 60000 };
/** Time given to anything that might fire late (image errors, lazy loads, timers). */
const SETTLE_MS = 2000;
const VECTORS_SRC = path.join(repoRoot, 'tests/hostile/xss-vectors.html');
const ARTICLE_TEXT = 'measurably cleaner';

let server;
let b;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-hostile-'));

/** The vectors page with every PWN('name') expanded into code that reports from any frame. */
function vectorsPage(origin) {
  return fs.readFileSync(VECTORS_SRC, 'utf8')
    .replace(/PWN\('([\w-]+)'\)/g, (_, n) => `(top.postMessage({pwned:'${n}'},'*'),fetch('${origin}/pwned?v=${n}'))`)
    .replaceAll('PWN_ORIGIN', origin);
}

/** A plain article page whose script posts look-alike Sift messages when asked to. */
const MESSAGES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messages</title></head><body>
<nav><a href="/a">Home</a> <a href="/b">World</a> <a href="/c">Sport</a></nav>
<main><article><h1>A plain article about bridges</h1>
${Array.from({ length: 8 }, (_, i) => `<h2>Part ${i + 1}</h2><p>Bridges carry roads and railways over rivers and valleys; this paragraph ${i + 1} explains how engineers choose between arches, beams and cables, and why the choice depends on span, ground and budget.</p>`).join('\n')}
</article></main>
<aside class="related"><h3>Related</h3><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/r${i}">Related story number ${i}</a></li>`).join('')}</ul></aside>
<section id="comments"><h3>Leave a comment</h3><form><textarea name="comment"></textarea><input type="email" name="email"><button>Post</button></form></section>
<script>
  window.__spoof = () => {
    const shapes = [
      { type: 'sift:clean', on: false }, { type: 'sift:clean', on: true }, { type: 'sift:restore', node: 0 },
      { type: 'sift:reader', open: true }, { type: 'sift:reader', open: 'toggle' }, { type: 'sift:scroll-to', node: 1 },
      { type: 'sift:analyze', snapshot: { version: 1, nodes: [] } }, { type: 'sift:reader-put', token: 'x', payload: { html: '<img src=x onerror=alert(1)>' } },
      { type: 'sift:always-set', origin: location.origin, on: true }, { type: 'sift:ensure', tabId: 1 }, { type: 'sift:state' },
    ];
    for (const m of shapes) {
      window.postMessage(m, '*');
      window.postMessage(JSON.stringify(m), '*');
      for (const target of [window, document, document.documentElement]) {
        target.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
        target.dispatchEvent(new CustomEvent('sift', { detail: m, bubbles: true }));
      }
      try { chrome.runtime.sendMessage(m); } catch (e) { window.__sendErr = String(e); }
    }
    return shapes.length;
  };
</script>
</body></html>`;

/** Requests (from the test server's own log) to /pwned since `mark`. */
const pwnedSince = (mark) => server.requests.slice(mark).filter((r) => r.path === '/pwned').map((r) => r.search);

/** Chromium-level record of every request to /pwned (from any context, the reader frame included). */
const browserPwnedSince = (mark) => b.requests.slice(mark).filter((r) => new URL(r.url, 'http://x').pathname === '/pwned').map((r) => r.url);

/** Loads a page, lets its own vectors fire, then clears what they left. Returns the marks. */
async function openQuiet(route) {
  const page = await b.openPage(server.url(route));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(() => { if (window.__pwnedMsgs) window.__pwnedMsgs.length = 0; });
  return { page, dialogs, serverMark: server.requests.length, browserMark: b.requests.length };
}

async function assertNothingRan(ctx, how) {
  await ctx.page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(await ctx.page.evaluate(() => window.__pwnedMsgs ?? []), [], `${how}: no vector posted to the page`);
  assert.deepEqual(pwnedSince(ctx.serverMark), [], `${how}: no vector reached the test server`);
  assert.deepEqual(browserPwnedSince(ctx.browserMark), [], `${how}: the browser made no /pwned request`);
  assert.deepEqual(ctx.dialogs, [], `${how}: no dialog opened`);
}

async function clickPopupButton(page, popup, name) {
  if (!popup || popup.isClosed()) popup = await b.clickToolbarButton(page);
  const button = popup.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'visible', timeout: 15000 });
  await button.click();
  return popup;
}

const readerFrame = (page) => page.frames().find((f) => f.url().includes('/reader/reader.html'));

/** Every element and attribute of the reader's #content that could run or load something. */
async function activeContent(frame) {
  return frame.evaluate(() => {
    const bad = [];
    const BAD_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form',
      'button', 'input', 'textarea', 'noscript', 'template', 'foreignobject', 'animate', 'set', 'handler', 'applet']);
    const URL_ATTRS = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'background', 'ping', 'cite']);
    const root = document.getElementById('content');
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (BAD_TAGS.has(el.localName.toLowerCase())) bad.push(`<${el.localName}>`);
      for (const a of el.attributes) {
        const n = a.name.toLowerCase();
        const v = a.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
        if (n.startsWith('on') || n === 'srcdoc' || n === 'style') bad.push(`<${el.localName} ${n}>`);
        if (URL_ATTRS.has(n) && (/(^|,)(javascript|vbscript):/.test(v) || (v.startsWith('data:') && !v.startsWith('data:image/')))) bad.push(`<${el.localName} ${n}=${a.value}>`);
      }
    }
    return bad;
  });
}

before(async () => {
  server = await startServer();
  fs.writeFileSync(path.join(tmp, 'xss.html'), vectorsPage(server.origin));
  fs.writeFileSync(path.join(tmp, 'messages.html'), MESSAGES_PAGE);
  PAGES['/hostile/xss/'] = { file: () => path.join(tmp, 'xss.html'), headers: {} };
  PAGES['/hostile/messages/'] = { file: () => path.join(tmp, 'messages.html'), headers: {} };
  // The www playground through the same server (Content-Type per file).
  const www = path.join(repoRoot, 'www');
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };
  for (const f of ['index.html', 'app.js', 'style.css', 'capture.js', 'wasm/sift.js', 'wasm/sift_bg.wasm']) {
    PAGES[`/www/${f}`] = { file: () => path.join(www, f), headers: { 'Content-Type': TYPES[path.extname(f)] } };
  }
  b = await launchChromium();
});

after(async () => {
  if (b) {
    fs.writeFileSync(path.join(OUT, 'console.log'), b.consoleLog.join('\n') + '\n');
    await b.close();
  }
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Chromium: hostile pages', SUITE, () => {
  test('XSS vectors: the popup, "Clean page" and reader view run none of them and load nothing', T, async () => {
    const ctx = await openQuiet('/hostile/xss/');
    const { page } = ctx;
    // The page's own load did fire vectors (otherwise this test proves nothing).
    assert.ok(server.requests.some((r) => r.path === '/pwned'), 'the vectors page fires its vectors when it loads');

    let popup = await b.clickToolbarButton(page);
    await until(async () => (await popup.getByRole('treeitem').count()) > 0, { timeout: 20000, message: 'the outline in the popup' });
    assert.equal(await popup.locator('#error').evaluate((e) => e.hidden || !e.textContent.trim()).catch(() => true), true, 'the popup shows no error');
    // Strings from the page are text in the popup: no element from the page becomes markup.
    assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('img, iframe, object, embed, math, script:not([src]), [role=tree] svg, #title svg, *')]
      .filter((e) => !e.matches('img.logo') && e.matches('img, iframe, object, embed, math, script:not([src]), [role=tree] svg') || [...e.attributes].some((a) => /^on/i.test(a.name)))
      .map((e) => e.outerHTML.slice(0, 80))), [], 'no page markup in the popup');
    assert.match(await popup.evaluate(() => document.body.innerText), /<svg onload=/, 'markup in page strings is shown as text');
    await assertNothingRan(ctx, 'popup');

    popup = await clickPopupButton(page, popup, 'Clean page');
    await until(() => page.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length > 0), { timeout: 15000, message: 'the page to be cleaned' });
    assert.ok((await page.evaluate(() => document.body.innerText)).includes(ARTICLE_TEXT), 'the article stays visible');
    await assertNothingRan(ctx, 'clean page');
    popup = await clickPopupButton(page, popup, 'Clean page');
    await until(() => page.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length === 0), { timeout: 15000, message: 'the page to be restored' });

    await clickPopupButton(page, popup, 'Reader view');
    const frame = await until(() => readerFrame(page), { timeout: 15000, message: 'the reader frame' });
    await until(async () => (await frame.evaluate(() => document.getElementById('content')?.innerText ?? '')).includes(ARTICLE_TEXT),
      { timeout: 15000, message: 'reader view to show the article' });
    await page.screenshot({ path: path.join(OUT, 'xss-reader.png') });
    // Hover and click what the reader shows: a handler that survived would fire now.
    for (const el of await frame.locator('#content a, #content img, #content span, #content details summary').all()) {
      await el.hover({ timeout: 1000 }).catch(() => {});
    }
    for (const a of await frame.locator('#content a[href]').all()) {
      const href = (await a.getAttribute('href')) ?? '';
      if (/^\s*(javascript|vbscript|data):/i.test(href)) assert.fail(`reader link with active URL: ${href}`);
    }
    assert.deepEqual(await activeContent(frame), [], 'the reader document holds no active content');
    // Control: the check above does see active content when there is some.
    await frame.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'sift-test-probe';
      probe.innerHTML = '<a href=" JavaScript:void 0">x</a><img data-x="1" onerror="void 0"><iframe></iframe>';
      document.getElementById('content').append(probe);
    });
    assert.equal((await activeContent(frame)).length, 3, 'the active-content check finds planted content');
    await frame.evaluate(() => document.getElementById('sift-test-probe').remove());
    const html = await frame.evaluate(() => document.getElementById('content').innerHTML);
    fs.writeFileSync(path.join(OUT, 'xss-reader-content.html'), html);
    // Text that was escaped markup in the page stays text.
    assert.equal(await frame.locator('#content img[src="x"], #content img:not([src])').count(), 0, 'no <img src=x> from escaped or stripped markup');
    await assertNothingRan(ctx, 'reader view');
    assert.equal(page.url().startsWith(server.origin + '/hostile/xss/'), true, 'the page did not navigate');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('XSS vectors: the www playground analyses the page without running any vector', T, async () => {
    const page = await b.ctx.newPage();
    const errors = [];
    const dialogs = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    await page.goto(server.url('/www/index.html'));
    await page.evaluate(() => { window.__pwnedMsgs = []; addEventListener('message', (e) => { if (e.data && e.data.pwned) window.__pwnedMsgs.push(String(e.data.pwned)); }); });
    const serverMark = server.requests.length;
    const browserMark = b.requests.length;
    await page.locator('#file-input').setInputFiles({ name: 'xss.html', mimeType: 'text/html', buffer: Buffer.from(vectorsPage(server.origin)) });
    await page.locator('#status.status-ok, #status.status-error').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#status.status-ok').count(), 1, `analysis: ${await page.locator('#status').textContent()}`);
    await page.frameLocator('#reader-frame').locator('main').waitFor();
    assert.match(await page.frameLocator('#reader-frame').locator('main').textContent(), new RegExp(ARTICLE_TEXT));
    await page.getByRole('button', { name: 'Cleaned' }).click().catch(() => {});
    await page.waitForTimeout(SETTLE_MS);
    await page.screenshot({ path: path.join(OUT, 'xss-playground.png') });
    assert.deepEqual(await page.evaluate(() => window.__pwnedMsgs), [], 'no vector posted to the playground');
    assert.deepEqual(pwnedSince(serverMark), [], 'no vector reached the test server');
    assert.deepEqual(browserPwnedSince(browserMark), [], 'the browser made no /pwned request');
    assert.deepEqual(dialogs, [], 'no dialog');
    assert.deepEqual(errors, [], 'no page error');
    await page.close();
  });

  test('look-alike messages from the page (postMessage, CustomEvent, runtime.sendMessage) change nothing', T, async () => {
    const ctx = await openQuiet('/hostile/messages/');
    const { page } = ctx;
    const snapshot = () => page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      hidden: document.querySelectorAll('[data-sift-hidden]').length,
      reader: !!document.getElementById('sift-reader-host'),
    }));
    // Before Sift was ever used on the page: no content script, nothing to fool.
    const initial = await snapshot();
    assert.equal(await page.evaluate(() => window.__spoof()), 11);
    await page.waitForTimeout(SETTLE_MS);
    assert.deepEqual(await snapshot(), initial, 'spoofed messages before Sift ran changed the page');

    // After the user cleaned the page (the content script is listening now).
    await page.locator('textarea').fill('typed before the spoofing');
    const popup = await clickPopupButton(page, null, 'Clean page');
    await until(() => page.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length > 0), { timeout: 15000, message: 'the page to be cleaned' });
    const cleaned = await snapshot();
    assert.equal(cleaned.reader, false);
    await page.evaluate(() => window.__spoof());
    await page.waitForTimeout(SETTLE_MS);
    assert.deepEqual(await snapshot(), cleaned, 'spoofed messages after cleaning changed the page (undo, restore or reader view)');
    assert.equal(await page.locator('textarea').inputValue(), 'typed before the spoofing');
    // The page cannot reach the extension's runtime at all.
    assert.match(await page.evaluate(() => window.__sendErr ?? ''), /chrome is not defined|Cannot read|sendMessage|undefined/, 'runtime.sendMessage is not available to the page');
    // The real popup still works after the spoofing: undo restores everything.
    await clickPopupButton(page, popup, 'Clean page');
    await until(() => page.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length === 0), { timeout: 15000, message: 'undo' });
    assert.equal(await page.locator('textarea').inputValue(), 'typed before the spoofing');
    assert.equal(await b.sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length), 0, 'no "always clean" registration from a spoofed message');
    await page.close();
  });
});
