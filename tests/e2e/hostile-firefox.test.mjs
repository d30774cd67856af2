// The XSS vectors page (tests/hostile/xss-vectors.html) against the built extension in Firefox ESR:
// "Clean page" and reader view run no vector (no postMessage to the page, no /pwned request to the
// test server) and the reader document holds no active content. Vectors that fire while the page
// itself loads are the page's own doing: their records are cleared before Sift is used.
// Same approach as hostile-chromium.test.mjs; uses the suite's server and Firefox helpers.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchFirefox, By } from './lib/firefox.mjs';
import { until } from './lib/chromium.mjs';

const OUT = path.join(repoRoot, 'test-output/hostile');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 10 * 60000 };
const SETTLE_MS = 2000;
const ARTICLE_TEXT = 'measurably cleaner';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-hostile-ff-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let ff;

function vectorsPage(origin) {
  return fs.readFileSync(path.join(repoRoot, 'tests/hostile/xss-vectors.html'), 'utf8')
    .replace(/PWN\('([\w-]+)'\)/g, (_, n) => `(top.postMessage({pwned:'${n}'},'*'),fetch('${origin}/pwned?v=${n}'))`)
    .replaceAll('PWN_ORIGIN', origin);
}

before(async () => {
  server = await startServer();
  fs.writeFileSync(path.join(tmp, 'xss.html'), vectorsPage(server.origin));
  PAGES['/hostile/xss/'] = { file: () => path.join(tmp, 'xss.html'), headers: {} };
  ff = await launchFirefox();
});

after(async () => {
  await ff?.quit();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pwnedSince = (mark) => server.requests.slice(mark).filter((r) => r.path === '/pwned').map((r) => r.search);

/** Active content in the reader's #content (run inside the reader frame). */
const ACTIVE_CONTENT = `
  const bad = [];
  const BAD_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form',
    'button', 'input', 'textarea', 'noscript', 'template', 'foreignobject', 'animate', 'set', 'handler', 'applet']);
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'background', 'ping', 'cite']);
  const root = document.getElementById('content');
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (BAD_TAGS.has(el.localName.toLowerCase())) bad.push('<' + el.localName + '>');
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      const v = a.value.replace(/[\\s\\u0000-\\u001f]+/g, '').toLowerCase();
      if (n.startsWith('on') || n === 'srcdoc' || n === 'style') bad.push('<' + el.localName + ' ' + n + '>');
      if (URL_ATTRS.has(n) && (/(^|,)(javascript|vbscript):/.test(v) || (v.startsWith('data:') && !v.startsWith('data:image/')))) bad.push('<' + el.localName + ' ' + n + '=' + a.value + '>');
    }
  }
  return bad;`;

describe('Firefox: hostile pages', SUITE, () => {
  test('XSS vectors: "Clean page" and reader view run none of them', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/hostile/xss/'));
    await sleep(SETTLE_MS);
    assert.ok(server.requests.some((r) => r.path === '/pwned'), 'the vectors page fires its vectors when it loads');
    await d.executeScript('window.__pwnedMsgs.length = 0');
    const mark = server.requests.length;
    const check = async (how) => {
      await sleep(SETTLE_MS);
      await d.switchTo().window(page);
      await d.switchTo().defaultContent();
      assert.deepEqual(await d.executeScript('return window.__pwnedMsgs'), [], `${how}: no vector posted to the page`);
      assert.deepEqual(pwnedSince(mark), [], `${how}: no vector reached the test server`);
    };

    let popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(() => d.executeScript('return document.querySelectorAll("[data-sift-hidden]").length > 0'), { timeout: 15000, message: 'the page to be cleaned' });
    assert.ok((await ff.bodyText()).includes(ARTICLE_TEXT), 'the article stays visible');
    await check('clean page');
    await d.switchTo().window(popup);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(() => d.executeScript('return document.querySelectorAll("[data-sift-hidden]").length === 0'), { timeout: 15000, message: 'undo' });
    await d.switchTo().window(popup);
    await d.close();

    popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Reader view')).click();
    await d.switchTo().window(popup).then(() => d.close()).catch(() => {});
    await d.switchTo().window(page);
    const frame = await until(() => d.executeScript(`const h = document.querySelector('sift-reader-host, #sift-reader-host');
      return h && (h.shadowRoot ?? h).querySelector('iframe');`), { timeout: 15000, message: 'the reader iframe' });
    await d.switchTo().frame(frame);
    await until(async () => (await ff.bodyText()).includes(ARTICLE_TEXT), { timeout: 15000, message: 'the article in reader view' });
    // Move over everything the reader shows: a surviving handler would fire now.
    for (const el of await d.findElements(By.css('#content a, #content img, #content span'))) {
      await d.actions().move({ origin: el }).perform().catch(() => {});
    }
    assert.deepEqual(await d.executeScript(ACTIVE_CONTENT), [], 'the reader document holds no active content');
    await d.switchTo().defaultContent();
    await ff.screenshot(path.join(OUT, 'firefox-xss-reader.png'));
    await check('reader view');
    assert.ok((await d.getCurrentUrl()).startsWith(server.origin + '/hostile/xss/'), 'the page did not navigate');
  });
});
