// No network, in Firefox ESR: every request Firefox makes, from any context (pages, frames, the
// extension's background and pages), goes through a recording HTTP proxy (the prefs below, with
// localhost traffic proxied too). The proxy forwards requests for the test server and refuses
// everything else. While Sift shows the popup, cleans, opens reader view (the page's
// images shown again), changes a reader setting and closes it, the test fails on any request
// that is neither the page's own already-loaded resources nor (moz-extension:, never on the
// wire) Sift's packaged files. Firefox's own service traffic (Mozilla hosts) is listed, not
// counted. A control request from the extension's background proves the proxy sees it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchFirefox, By } from './lib/firefox.mjs';
import { until } from './lib/chromium.mjs';

const OUT = path.join(repoRoot, 'test-output/no-network');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 10 * 60000 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** Firefox's own services (not caused by an extension): recorded, not counted. */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)$/;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-no-network-ff-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let proxy;
let ff;
/** Every request that reached the proxy: { method, host, url }. */
const seen = [];

/** A recording proxy: plain-HTTP requests to 127.0.0.1 are forwarded, anything else refused. */
async function startProxy() {
  const p = http.createServer((req, res) => {
    let u;
    try { u = new URL(req.url); } catch { res.writeHead(400).end(); return; }
    seen.push({ method: req.method, host: u.hostname, url: u.href });
    if (u.hostname !== '127.0.0.1') { res.writeHead(403).end(); return; }
    const fwd = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    fwd.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
    req.pipe(fwd);
  });
  // https and websockets arrive as CONNECT host:port: recorded and refused.
  p.on('connect', (req, socket) => {
    const host = req.url.replace(/:\d+$/, '');
    seen.push({ method: 'CONNECT', host, url: req.url });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((r) => p.listen(0, '127.0.0.1', r));
  return p;
}

before(async () => {
  server = await startServer();
  fs.writeFileSync(path.join(tmp, 'photo.png'), PNG);
  fs.writeFileSync(path.join(tmp, 'page.css'), 'body{font:18px/1.5 Georgia,serif;max-width:44em;margin:auto}');
  PAGES['/net/'] = { file: () => path.join(repoRoot, 'tests/e2e/pages/network.html'), headers: {} };
  PAGES['/net/photo-1.png'] = { file: () => path.join(tmp, 'photo.png'), headers: { 'Content-Type': 'image/png' } };
  PAGES['/net/photo-2.png'] = { file: () => path.join(tmp, 'photo.png'), headers: { 'Content-Type': 'image/png' } };
  PAGES['/net/page.css'] = { file: () => path.join(tmp, 'page.css'), headers: { 'Content-Type': 'text/css' } };
  PAGES['/sift-control-background'] = { file: () => path.join(tmp, 'page.css'), headers: { 'Content-Type': 'text/css' } };
  proxy = await startProxy();
  const port = proxy.address().port;
  ff = await launchFirefox({ prefs: {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.share_proxy_settings': false,
  } });
});

after(async () => {
  fs.writeFileSync(path.join(OUT, 'firefox-proxy.log'), seen.map((r) => `${r.method} ${r.url}`).join('\n') + '\n');
  await ff?.quit();
  await server?.close();
  proxy?.closeAllConnections?.();
  await new Promise((r) => (proxy ? proxy.close(r) : r()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Firefox: no network', SUITE, () => {
  test('popup, clean, reader view (images, a setting) and undo request only the page\'s own loaded resources (recording proxy)', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/net/'));
    await sleep(1000);
    const pageOwn = new Set(seen.filter((r) => r.host === '127.0.0.1').map((r) => new URL(r.url).pathname));
    assert.deepEqual([...pageOwn].filter((p) => p.startsWith('/net/')).sort(), ['/net/', '/net/page.css', '/net/photo-1.png', '/net/photo-2.png'], 'the proxy saw the page load its own resources');
    const mark = seen.length;
    await d.executeScript('document.querySelector("textarea").value = arguments[0]', 'typed in Firefox');

    let popup = await ff.openPopup(page);
    await until(async () => (await d.findElements(By.css('[role=treeitem]'))).length >= 3, { timeout: 20000, message: 'the outline' });
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(() => d.executeScript('return document.querySelectorAll("[data-sift-hidden]").length > 0'), { timeout: 15000, message: 'the page to be cleaned' });
    await d.switchTo().window(popup);
    await d.close();

    popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Reader view')).click();
    await d.switchTo().window(popup).then(() => d.close()).catch(() => {});
    await d.switchTo().window(page);
    const frame = await until(() => d.executeScript(`const h = document.querySelector('sift-reader-host');
      return h && h.querySelector('iframe');`), { timeout: 15000, message: 'the reader iframe' });
    await d.switchTo().frame(frame);
    await until(async () => (await ff.bodyText()).includes('quiet zones'), { timeout: 15000, message: 'the article in reader view' });
    await until(() => d.executeScript('return [...document.querySelectorAll("#content img")].some((i) => i.complete && i.naturalWidth > 0)'), { timeout: 10000, message: 'the reader\'s first image' });
    // A reader setting, as a reader changes it.
    await d.findElement(By.id('settings-btn')).click();
    await d.findElement(By.css('input[name="theme"][value="dark"]')).click();
    await until(() => d.executeScript('return document.body.dataset.theme === "dark"'), { timeout: 5000, message: 'the dark theme' });
    await d.findElement(By.css('body')).sendKeys('\uE00C'); // Escape
    await d.switchTo().defaultContent();
    await until(() => d.executeScript('return !document.querySelector("sift-reader-host")'), { timeout: 10000, message: 'reader view to close' });
    popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(() => d.executeScript('return document.querySelectorAll("[data-sift-hidden]").length === 0'), { timeout: 15000, message: 'undo' });
    assert.equal(await d.executeScript('return document.querySelector("textarea").value'), 'typed in Firefox', 'typed text kept');
    await sleep(1500);

    const after = seen.slice(mark);
    const own = after.filter((r) => FIREFOX_OWN.test(r.host));
    if (own.length) console.log(`  Firefox's own service requests (not counted): ${own.map((r) => r.url).join(', ')}`);
    const caused = after.filter((r) => !FIREFOX_OWN.test(r.host))
      .filter((r) => !(r.host === '127.0.0.1' && new URL(r.url).port === String(server.port) && pageOwn.has(new URL(r.url).pathname)));
    assert.deepEqual(caused.map((r) => `${r.method} ${r.url}`), [], 'requests after the page loaded, beyond the page\'s own resources');
    assert.ok(after.some((r) => r.url.endsWith('/net/photo-1.png')), 'the proxy saw reader view show the page\'s image (from the reader frame)');

    // Control: a request from the extension's background page goes through the proxy too.
    await d.switchTo().window(popup);
    await d.executeAsyncScript(`const done = arguments[arguments.length - 1];
      browser.runtime.getBackgroundPage().then((bg) => bg.fetch(arguments[0])).then(() => done(true), (e) => done(String(e)));`, server.url('/sift-control-background'));
    await until(() => seen.some((r) => r.url.endsWith('/sift-control-background')), { timeout: 5000, message: 'the proxy to see the background\'s control request' });
  });
});
