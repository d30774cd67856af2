// Issue 3 user paths in Firefox ESR that firefox.test.mjs does not cover: the wasm runs in the
// content script on the reference page and on the strict-CSP page too (Firefox allows content-script
// WebAssembly there), with outline, clean + undo and reader view working on both; the keyboard
// command toggle-reader; and `web-ext lint` on the Firefox build. Screenshots: test-output/engine-firefox/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, repoRoot } from './lib/server.mjs';
import { launchFirefox, By, Key, FIREFOX_EXT_DIR } from './lib/firefox.mjs';
import { until } from './lib/chromium.mjs';
import { OUTLINE, norm, missingParagraphs, visibleWidgetTexts } from './lib/reference.mjs';

const OUT = path.join(repoRoot, 'test-output/engine-firefox');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 15 * 60000 };
const COMMENT = 'Komentar uji mesin di Firefox.';
const WIDGET_COUNT = 9;
const HOST = 'sift-reader-host, #sift-reader-host';

let server;
let ff;

before(async () => {
  server = await startServer();
  ff = await launchFirefox();
});

after(async () => {
  await ff?.quit();
  await server?.close();
});

/** The reader frame's visible text, once it shows the article. */
async function readerText() {
  const d = ff.driver;
  const frame = await until(() => d.executeScript(`const h = document.querySelector('${HOST}');
    return h && (h.shadowRoot ?? h).querySelector('iframe');`), { timeout: 15000, message: 'the reader iframe' });
  await d.switchTo().frame(frame);
  await until(async () => missingParagraphs(await ff.bodyText()).length === 0, { timeout: 15000, message: 'the article in reader view' }).catch(() => {});
  const text = await ff.bodyText();
  return { frame, text };
}

async function leaveReaderWithEscape(frame) {
  const d = ff.driver;
  await d.switchTo().frame(frame);
  await d.actions().sendKeys(Key.ESCAPE).perform().catch(() => {});
  await d.switchTo().defaultContent();
  await until(async () => (await d.findElements(By.css(HOST))).length === 0, { timeout: 5000, message: 'reader view to close' }).catch(() => {});
  return (await d.findElements(By.css(HOST))).length === 0;
}

describe('Firefox: where the wasm runs, and the keyboard command', SUITE, () => {
  for (const route of ['/reference/', '/csp/']) {
    test(`${route}: the analysis runs in the content script, and outline, clean + undo and reader view all work`, T, async () => {
      const d = ff.driver;
      const page = await ff.openPage(server.url(route));
      const before = await ff.bodyText();
      await d.findElement(By.css('textarea')).sendKeys(COMMENT);
      const popup = await ff.openPopup(page);
      const line = await d.findElement(By.id('engine'));
      await until(async () => (await line.getAttribute('data-engine')) || null, { timeout: 20000, message: 'the popup\'s engine line' }).catch(() => {});
      await ff.screenshot(path.join(OUT, `popup${route.replace(/\/$/, '').replace(/\//g, '-')}.png`));
      assert.equal(await line.getAttribute('data-engine'), 'content', `the analysis ran in the content script (reason given otherwise: "${await line.getAttribute('title')}")`);
      assert.match(norm(await line.getAttribute('textContent')), /in this tab/, 'the details line says so');
      const items = await d.executeScript(`return [...document.querySelectorAll('[role=treeitem]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim())`);
      assert.deepEqual(items, OUTLINE.map(([, t]) => t), 'the popup lists the outline');

      // Clean, then undo.
      await (await ff.byRoleName('button', 'Clean page')).click();
      await d.switchTo().window(page);
      await until(async () => visibleWidgetTexts(await ff.bodyText()).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
      const cleaned = await ff.bodyText();
      assert.deepEqual(visibleWidgetTexts(cleaned), [], 'no widget visible after "Clean page"');
      assert.deepEqual(missingParagraphs(cleaned), [], 'every paragraph visible after "Clean page"');
      await d.switchTo().window(popup);
      await (await ff.byRoleName('button', 'Clean page')).click();
      await d.switchTo().window(page);
      await until(async () => visibleWidgetTexts(await ff.bodyText()).length === WIDGET_COUNT, { timeout: 15000, message: 'the widgets to return' }).catch(() => {});
      assert.equal(norm(await ff.bodyText()), norm(before), 'the second click gives the page back');
      assert.equal(await d.findElement(By.css('textarea')).getAttribute('value'), COMMENT, 'typed comment text survives');

      // Reader view.
      await d.switchTo().window(popup);
      await (await ff.byRoleName('button', 'Reader view')).click();
      await d.switchTo().window(page);
      const { frame, text } = await readerText();
      assert.deepEqual(missingParagraphs(text), [], 'reader view shows every paragraph');
      assert.deepEqual(visibleWidgetTexts(text), [], 'reader view shows no widget');
      await d.switchTo().defaultContent();
      assert.ok(await leaveReaderWithEscape(frame), 'Escape leaves reader view');
      if (route === '/csp/') {
        // The page's CSP is untouched: an inline script added to the page still does not run.
        const ran = await d.executeScript(`const s = document.createElement('script');
          s.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
          document.head.append(s); s.remove();
          const r = document.documentElement.dataset.inlineRan || 'no'; return r;`);
        assert.equal(ran, 'no', 'the strict CSP still blocks inline script in the page');
      }
      await ff.closeOtherTabs(page);
    });
  }

  test('keyboard command "toggle-reader" (Alt+Shift+R) opens reader view and closes it', T, async () => {
    // The command's own <key> element, which Firefox creates in the browser window's key set for
    // the add-on's shortcut (its one command), is fired from the chrome context (`doCommand`, what
    // the key press does). WebDriver key actions go to the page, not to the browser's key set.
    const d = ff.driver;
    const page = await ff.openPage(server.url('/reference/?command'));
    const keysetWidget = ff.geckoId.replace(/[^a-z0-9_-]/gi, '_').toLowerCase();
    const fire = async () => {
      await d.setContext('chrome');
      try {
        return await d.executeScript(`
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          // Firefox's keyset for the add-on: id "ext-keyset-id-" + the add-on id made a widget id.
          const keyset = win.document.getElementById('ext-keyset-id-' + ${JSON.stringify(keysetWidget)});
          const keys = keyset ? [...keyset.querySelectorAll('key')] : [];
          if (keys.length !== 1) return 'keys: ' + keys.length;
          const k = keys[0];
          const chord = [k.getAttribute('modifiers'), k.getAttribute('key')].join(' ');
          k.doCommand();
          return chord;`);
      } finally {
        await d.setContext('content');
      }
    };
    const chord = await fire();
    assert.match(String(chord), /alt/i, `the shortcut's key element exists with Alt (${chord})`);
    assert.match(String(chord), /shift/i, 'and Shift');
    assert.match(String(chord), /\bR$/i, 'and R');
    await d.switchTo().window(page);
    await until(async () => (await d.findElements(By.css(HOST))).length === 1, { timeout: 15000, message: 'reader view to open' }).catch(() => {});
    assert.equal((await d.findElements(By.css(HOST))).length, 1, 'the command opens reader view');
    const { text } = await readerText();
    await d.switchTo().defaultContent();
    assert.deepEqual(missingParagraphs(text), [], 'reader view shows the article');
    await ff.screenshot(path.join(OUT, 'reader-by-command.png'));
    await fire();
    await d.switchTo().window(page);
    await until(async () => (await d.findElements(By.css(HOST))).length === 0, { timeout: 5000, message: 'reader view to close' }).catch(() => {});
    assert.equal((await d.findElements(By.css(HOST))).length, 0, 'the same command closes it');
    await ff.closeOtherTabs(page);
  });

  test('"Always clean this site": ticking it cleans the site on later loads; it persists; unticking stops it', T, async () => {
    // Firefox's permission prompt cannot be answered headless: the optional host permission is
    // granted from the chrome context (ExtensionPermissions.add, what "Allow" in the prompt
    // records), so the popup's permissions.request then resolves at once.
    const d = ff.driver;
    await d.setContext('chrome');
    try {
      const r = await d.executeAsyncScript(`const done = arguments[arguments.length - 1];
        (async () => {
          const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          const ext = WebExtensionPolicy.getByID(${JSON.stringify(ff.geckoId)}).extension;
          await ExtensionPermissions.add(ext.id, { permissions: [], origins: ['http://127.0.0.1/*'] }, ext);
          return 'ok';
        })().then(done, (e) => done('ERROR ' + e));`);
      assert.equal(r, 'ok', 'host permission granted for the test');
    } finally {
      await d.setContext('content');
    }
    const widgetsGone = async () => visibleWidgetTexts(await ff.bodyText()).length === 0;
    const page = await ff.openPage(server.url('/reference/?always'));
    let popup = await ff.openPopup(page);
    const box = await d.findElement(By.id('always'));
    await until(async () => (await d.findElement(By.id('engine')).getAttribute('data-engine')) || null, { timeout: 20000, message: 'the popup state' }).catch(() => {});
    assert.equal(await box.isSelected(), false, 'not ticked at first');
    await d.findElement(By.css('label.check')).click();
    await until(async () => JSON.stringify(await d.executeAsyncScript(`const done = arguments[arguments.length - 1];
      browser.storage.sync.get('alwaysClean').then(done, (e) => done(String(e)));`)).includes(server.origin), { timeout: 10000, message: 'the origin in storage.sync' }).catch(() => {});
    const stored = await d.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage.sync.get('alwaysClean').then(done);`);
    const note = await d.findElement(By.id('always-note')).getAttribute('textContent');
    assert.deepEqual(stored.alwaysClean, [server.origin], `the site is remembered in storage.sync (box ${await box.isSelected()}, note "${note}")`);
    await d.close();
    await d.switchTo().window(page);
    assert.ok(await widgetsGone(), 'ticking the box cleaned the page at once');

    await d.navigate().refresh();
    await until(widgetsGone, { timeout: 15000, message: 'the reloaded page to be cleaned' }).catch(() => {});
    const reloaded = await ff.bodyText();
    assert.deepEqual(visibleWidgetTexts(reloaded), [], 'the reloaded page is cleaned with no click');
    assert.deepEqual(missingParagraphs(reloaded), [], 'and keeps every paragraph');
    await ff.screenshot(path.join(OUT, 'always-clean-on-load.png'));

    popup = await ff.openPopup(page);
    await until(() => d.findElement(By.id('always')).isSelected(), { timeout: 10000, message: 'the box to show ticked' }).catch(() => {});
    assert.equal(await d.findElement(By.id('always')).isSelected(), true, 'the popup shows the setting ticked');
    await d.findElement(By.css('label.check')).click();
    await until(async () => !JSON.stringify(await d.executeAsyncScript(`const done = arguments[arguments.length - 1];
      browser.storage.sync.get('alwaysClean').then(done, (e) => done(String(e)));`)).includes(server.origin), { timeout: 10000, message: 'the origin to leave storage.sync' }).catch(() => {});
    const after = await d.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage.sync.get('alwaysClean').then(done);`);
    assert.deepEqual(after.alwaysClean, [], 'unticking forgets the site');
    await d.switchTo().window(page);
    await d.navigate().refresh();
    await new Promise((r) => setTimeout(r, 1500)); // what an auto-clean would have needed, and more
    assert.equal(visibleWidgetTexts(await ff.bodyText()).length, WIDGET_COUNT, 'after unticking, a reload leaves the page as it is');
    await ff.closeOtherTabs(page);
  });

  test('npx web-ext lint: no errors in the Firefox build', T, () => {
    let out;
    try {
      out = execFileSync(path.join(repoRoot, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_EXT_DIR, '--output', 'json', '--no-config-discovery'],
        { encoding: 'utf8', cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = e.stdout; // exits non-zero when it finds errors
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`), [], 'web-ext lint errors');
    assert.equal(report.summary.errors, 0);
  });
});
