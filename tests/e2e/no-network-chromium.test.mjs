// No network, nothing lost: the built extension (target/extension/chrome) in Debian's Chromium.
// One browser session does what a user does with Sift on a page with its own stylesheet and
// images (tests/e2e/pages/network.html): popup + outline, outline click, "Clean page", "Show
// hidden" + "Restore", reader view (images shown again), reader settings changed (theme, size,
// outline), Escape, undo, typed comment text kept throughout, and a pre-seeded old-schema
// setting migrated when the reader opens. Every request is recorded three ways: Playwright's
// request events on every page, frame, popup and (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS)
// the service worker; the test server's own log; Chromium's net log (every context, with the
// origin that asked). The last test fails on any request made after the page loaded that is
// neither one of Sift's packaged files (checked on disk) nor a resource the page had already
// loaded itself. Controls prove each recorder sees a request from the extension's contexts.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchChromium, until, CHROME_EXT_DIR } from './lib/chromium.mjs';

const OUT = path.join(repoRoot, 'test-output/no-network');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 10 * 60000 };
const COMMENT = 'Typed before Sift: ça reste, 保存されます, نص محفوظ.';
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** Control requests made on purpose from the extension's contexts (must be seen, then excluded). */
const CONTROL = '/sift-control-';

let server;
let b;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-no-network-'));
/** Server paths the page loaded by itself before Sift was used (its own resources). */
const pageOwn = new Set();
let serverMark = 0;
let playwrightMark = 0;
let page;
let popup;

before(async () => {
  server = await startServer();
  fs.writeFileSync(path.join(tmp, 'photo.png'), PNG);
  fs.writeFileSync(path.join(tmp, 'page.css'), 'body{font:18px/1.5 Georgia,serif;max-width:44em;margin:auto}');
  PAGES['/net/'] = { file: () => path.join(repoRoot, 'tests/e2e/pages/network.html'), headers: {} };
  PAGES['/net/photo-1.png'] = { file: () => path.join(tmp, 'photo.png'), headers: { 'Content-Type': 'image/png' } };
  PAGES['/net/photo-2.png'] = { file: () => path.join(tmp, 'photo.png'), headers: { 'Content-Type': 'image/png' } };
  PAGES['/net/page.css'] = { file: () => path.join(tmp, 'page.css'), headers: { 'Content-Type': 'text/css' } };
  PAGES[`${CONTROL}worker`] = { file: () => path.join(tmp, 'page.css'), headers: { 'Content-Type': 'text/css' } };
  PAGES[`${CONTROL}reader`] = { file: () => path.join(tmp, 'photo.png'), headers: { 'Content-Type': 'image/png' } };
  // Service-worker requests in Playwright's context 'request' events.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  b = await launchChromium();
});

let closed = null;
const closeBrowser = () => (closed ??= b.close());

after(async () => {
  if (b) {
    fs.writeFileSync(path.join(OUT, 'console.log'), b.consoleLog.join('\n') + '\n');
    fs.writeFileSync(path.join(OUT, 'requests.log'), b.requests.map((r) => `${r.who} ${r.url}`).join('\n') + '\n');
    await closeBrowser();
  }
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function press(p, name) {
  const button = p.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'visible', timeout: 15000 });
  await button.click();
}

async function openPopup() {
  popup = await b.clickToolbarButton(page);
  await until(() => popup.evaluate(() => !document.getElementById('summary').hidden || !document.getElementById('error').hidden),
    { timeout: 20000, message: 'the popup to show its result' });
  return popup;
}

const readerFrame = () => page.frames().find((f) => f.url().includes('/reader/reader.html'));
const visible = (sel) => page.locator(sel).first().isVisible();

/** Is `u` one of Sift's own packaged files (a file under target/extension/chrome), at its fixed
 * origin or at a per-session dynamic origin (a GUID, as Chrome gives `use_dynamic_url`
 * web-accessible resources; Sift is the only extension loaded)? */
function packaged(u) {
  const dynamic = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//.test(u);
  if (!u.startsWith(b.extOrigin + '/') && !dynamic) return false; // (URL.origin is "null" for chrome-extension:)
  const url = new URL(u);
  const file = path.join(CHROME_EXT_DIR, decodeURIComponent(url.pathname));
  return file.startsWith(CHROME_EXT_DIR + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
}

/** Why a request after the page loaded is not allowed, or null if it is. */
function disallowed(u) {
  if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank' || u.startsWith('about:srcdoc')) return null;
  if (u.startsWith('chrome-extension://')) return packaged(u) ? null : 'not a packaged file of Sift';
  if (u.startsWith(server.origin + '/')) {
    const p = new URL(u).pathname;
    return pageOwn.has(p) || p.startsWith(CONTROL) ? null : 'a test-server URL the page had not loaded itself';
  }
  return 'another host';
}

describe('Chromium: no network, nothing lost', SUITE, () => {
  test('the page loads its own resources; then a schema-1 reader setting is pre-seeded', T, async () => {
    page = await b.openPage(server.url('/net/'));
    await page.waitForLoadState('networkidle');
    for (const r of server.requests) pageOwn.add(r.path);
    assert.deepEqual([...pageOwn].filter((p) => p.startsWith('/net/')).sort(), ['/net/', '/net/page.css', '/net/photo-1.png', '/net/photo-2.png']);
    // An old (unversioned, schema 1) value as Sift 0.1 stored it, with one bad field.
    await b.sw.evaluate(() => chrome.storage.sync.set({ readerSettings: { theme: 'sepia', size: '22px', font: 'comic-sans', toc: true } }));
    serverMark = server.requests.length;
    playwrightMark = b.requests.length;
  });

  test('nothing lost: typed comment text survives clean, reader view (open, settings, close), restore and undo', T, async () => {
    await page.locator('textarea').fill(COMMENT);
    await page.locator('input[type=email]').fill('reader@example.org');
    await openPopup();
    assert.ok((await popup.getByRole('treeitem').count()) >= 3, 'the outline is shown');
    await popup.getByRole('treeitem', { name: 'What comes next', exact: false }).first().click();
    await press(popup, 'Clean page');
    await until(() => visible('#comments').then((v) => !v), { timeout: 15000, message: 'the comment form to be hidden' });
    assert.equal(await visible('aside.related'), false);
    // "Show hidden" + "Restore" the related list, then hide everything again.
    await popup.getByRole('button', { name: 'Show hidden', exact: false }).first().click();
    await popup.getByRole('button', { name: /^Restore\b/ }).first().click();
    await page.waitForTimeout(200);
    await press(popup, 'Reader view');
    const frame = await until(readerFrame, { timeout: 15000, message: 'reader view' });
    await until(async () => (await frame.evaluate(() => document.getElementById('content')?.innerText ?? '')).includes('quiet zones'), { timeout: 15000, message: 'the reader to show the article' });
    // The article's images are shown again, from the page's own URLs.
    // (The reader marks images loading="lazy": the first one, in view, loads.)
    await until(() => frame.evaluate(() => [...document.querySelectorAll('#content img')].some((i) => i.complete && i.naturalWidth > 0)), { timeout: 10000, message: 'the reader\'s first image to load' });
    assert.deepEqual(await frame.evaluate(() => [...document.querySelectorAll('#content img')].map((i) => new URL(i.src).pathname)), ['/net/photo-1.png', '/net/photo-2.png']);

    // Settings: the schema-1 value was migrated when the reader opened; the bad font replaced.
    assert.equal(await frame.evaluate(() => document.body.dataset.theme), 'sepia', 'old theme kept');
    assert.equal(await frame.evaluate(() => document.body.style.getPropertyValue('--size')), '22px', 'old size "22px" read as 22');
    assert.equal(await frame.evaluate(() => document.body.dataset.font), 'serif', 'bad font replaced by the default');
    const stored = await until(async () => { const s = (await b.sw.evaluate(() => chrome.storage.sync.get('readerSettings'))).readerSettings; return s?.version === 2 && s; },
      { timeout: 5000, message: 'the migrated settings to be stored with version 2' });
    assert.deepEqual(stored, { version: 2, theme: 'sepia', font: 'serif', size: 22, width: 68, lineHeight: 1.65, toc: true });
    assert.ok(b.consoleLog.some((l) => l.includes('sift: settings:') && l.includes('"comic-sans" is not one of')), 'a console note names the replaced value');
    // Change settings the way a reader does.
    await frame.getByRole('button', { name: /settings|Aa/i }).first().click();
    await frame.locator('input[name="theme"][value="dark"]').check();
    await frame.locator('#size').fill('24');
    await frame.locator('#toggle-toc').click().catch(() => {});
    await until(async () => (await b.sw.evaluate(() => chrome.storage.sync.get('readerSettings'))).readerSettings?.theme === 'dark', { timeout: 5000, message: 'the new theme to be stored' });
    assert.equal((await b.sw.evaluate(() => chrome.storage.sync.get('readerSettings'))).readerSettings.version, 2);
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('sift-reader-host').count()) === 0, { timeout: 5000, message: 'reader view to close' });
    assert.equal(await page.locator('textarea').inputValue(), COMMENT, 'typed text kept through reader view');

    // Undo: everything back, the typed text and email still there.
    await openPopup();
    await press(popup, 'Clean page');
    await until(() => visible('#comments'), { timeout: 15000, message: 'undo' });
    assert.equal(await page.locator('textarea').inputValue(), COMMENT, 'typed comment kept through clean, reader view and undo');
    assert.equal(await page.locator('input[type=email]').inputValue(), 'reader@example.org');
    await until(async () => (await page.locator('[data-sift-hidden], [data-sift-flash], #sift-style, sift-reader-host').count()) === 0, { timeout: 5000, message: 'nothing of Sift left' });

    // Reader view once more: the stored (new) settings apply.
    await press(popup, 'Reader view');
    const again = await until(readerFrame, { timeout: 15000, message: 'reader view again' });
    await until(() => again.evaluate(() => document.body.dataset.theme === 'dark' && document.body.style.getPropertyValue('--size') === '24px'), { timeout: 5000, message: 'settings kept' });
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('sift-reader-host').count()) === 0, { timeout: 5000, message: 'reader view to close' });
    assert.equal(await page.locator('textarea').inputValue(), COMMENT);
  });

  test('no network: since the page loaded, Sift requested only its packaged files and the page\'s own loaded resources (Playwright + server log)', T, async () => {
    const seen = b.requests.slice(playwrightMark);
    fs.writeFileSync(path.join(OUT, 'requests-after-load.log'), seen.map((r) => `${r.who} ${r.url}`).join('\n') + '\n');
    assert.ok(seen.some((r) => r.url.startsWith(b.extOrigin + '/reader/')), 'the recorder saw the reader frame load');
    assert.deepEqual(seen.map((r) => [r.url, disallowed(r.url)]).filter(([, why]) => why).map(([u, why]) => `${u}: ${why}`), [],
      'requests from the page, its frames, the popup and the service worker');
    const serverSeen = server.requests.slice(serverMark).filter((r) => r.path !== '/favicon.ico');
    assert.deepEqual(serverSeen.filter((r) => !pageOwn.has(r.path)).map((r) => r.path + r.search), [], 'test-server requests beyond the page\'s own resources');
    assert.ok(serverSeen.some((r) => r.path === '/net/photo-1.png'), 'the server log saw reader view show the page\'s image');
  });

  test('controls: a request made on purpose from the reader frame and from the service worker is seen by every recorder; then the net log check (closes the browser)', T, async () => {
    await openPopup();
    await press(popup, 'Reader view');
    const reader = await until(readerFrame, { timeout: 15000, message: 'reader view' });
    const mark = b.requests.length;
    await reader.evaluate((u) => { const i = new Image(); i.src = u; }, server.url(`${CONTROL}reader`));
    await b.sw.evaluate((u) => fetch(u).then((r) => r.status, (e) => String(e)), server.url(`${CONTROL}worker`));
    await until(() => server.requests.some((r) => r.path === `${CONTROL}reader`) && server.requests.some((r) => r.path === `${CONTROL}worker`), { timeout: 5000, message: 'the server to see both controls' });
    const after = b.requests.slice(mark).map((r) => r.url);
    assert.ok(after.some((u) => u.endsWith(`${CONTROL}reader`)), 'Playwright saw the reader frame\'s control request');
    assert.ok(after.some((u) => u.endsWith(`${CONTROL}worker`)), 'Playwright saw the service worker\'s control request');
    assert.equal(disallowed(server.url('/net/unloaded.png')), 'a test-server URL the page had not loaded itself', 'the rule refuses a same-origin resource the page never loaded');
    assert.equal(disallowed('https://example.com/x.png'), 'another host');
    assert.equal(disallowed(`${b.extOrigin}/not-packaged.js`), 'not a packaged file of Sift');

    const netLog = await closeBrowser();
    fs.writeFileSync(path.join(OUT, 'netlog-requests.log'), netLog.map((r) => `${r.initiator} ${r.url}`).join('\n') + '\n');
    const ext = netLog.filter((r) => r.initiator === b.extOrigin);
    assert.ok(ext.some((r) => r.url.endsWith(`${CONTROL}reader`)) && ext.some((r) => r.url.endsWith(`${CONTROL}worker`)), 'the net log attributes both controls to the extension');
    // Everything the extension's contexts or the page asked for, after the page's own load.
    const caused = netLog.filter((r) => r.initiator === b.extOrigin || r.initiator === server.origin);
    const bad = caused.filter((r) => !(r.url === server.url('/net/') || pageOwn.has(new URL(r.url).pathname) && r.url.startsWith(server.origin)) && disallowed(r.url));
    assert.deepEqual(bad.map((r) => `${r.initiator} -> ${r.url}: ${disallowed(r.url)}`), [], 'requests in Chromium\'s net log caused by Sift or in the page');
    // Nothing at all to another host, whoever asked (except Chromium's own traffic, which has no origin).
    assert.deepEqual(netLog.filter((r) => r.initiator !== 'not an origin' && !/^(http:\/\/127\.0\.0\.1|chrome-extension:|data:|blob:)/.test(r.url)).map((r) => `${r.initiator} -> ${r.url}`), []);
  });
});
