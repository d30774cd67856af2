// The built extension (target/extension/firefox) in Firefox ESR via geckodriver: clean + undo and
// reader view on the reference page, and the popup's outline. Screenshots: test-output/firefox/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, repoRoot } from './lib/server.mjs';
import { launchFirefox, By, Key } from './lib/firefox.mjs';
import { until } from './lib/chromium.mjs';
import { OUTLINE, TITLE, norm, missingParagraphs, visibleWidgetTexts } from './lib/reference.mjs';

const OUT = path.join(repoRoot, 'test-output/firefox');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 120000 };
const SUITE = { timeout: 15 * 60000 };
const COMMENT = 'Komentar uji e2e di Firefox: harus tetap ada.';

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

describe('Firefox: the extension on the reference page', SUITE, () => {
  test('the popup lists the 16-entry outline as a tree', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/reference/'));
    const popup = await ff.openPopup(page);
    await until(async () => (await d.findElements(By.css('[role=treeitem]'))).length >= OUTLINE.length, { timeout: 15000, message: 'outline entries' }).catch(() => {});
    const items = await d.executeScript(`return [...document.querySelectorAll('[role=treeitem]')].map((e) => {
      const c = e.cloneNode(true); c.querySelectorAll('[role=treeitem],[role=group]').forEach((x) => x.remove());
      return [Number(e.getAttribute('aria-level')), c.textContent.replace(/\\s+/g, ' ').trim()]; })`);
    assert.ok(await d.findElement(By.css('[role=tree]')), 'the popup has a tree');
    assert.deepEqual(items, OUTLINE, 'outline entries (aria-level, text) in order');
    assert.ok(norm(await ff.bodyText()).includes(TITLE), 'the popup shows the title');
    await ff.screenshot(path.join(OUT, 'popup-in-tab.png'));
    await d.switchTo().window(popup);
    await ff.closeOtherTabs(page);
  });

  test('"Clean page" hides the widgets and keeps every paragraph; a second click restores the page and typed text', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/reference/?clean'));
    const before = await ff.bodyText();
    const htmlBefore = await d.executeScript('return document.documentElement.outerHTML');
    await d.findElement(By.css('textarea')).sendKeys(COMMENT);
    const popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(async () => visibleWidgetTexts(await ff.bodyText()).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
    const cleaned = await ff.bodyText();
    assert.deepEqual(missingParagraphs(cleaned), [], 'every article paragraph stays visible');
    assert.deepEqual(visibleWidgetTexts(cleaned), [], 'no widget text stays visible');
    await ff.screenshot(path.join(OUT, 'cleaned-reference.png'));

    await d.switchTo().window(popup);
    const button = await ff.byRoleName('button', 'Clean page');
    assert.equal(await button.getAttribute('aria-pressed'), 'true', '"Clean page" shows as pressed');
    await button.click();
    await d.switchTo().window(page);
    await until(async () => visibleWidgetTexts(await ff.bodyText()).length === 9, { timeout: 15000, message: 'the widgets to come back' }).catch(() => {});
    const restored = await ff.bodyText();
    assert.equal(norm(restored), norm(before), 'the visible text is exactly as before');
    assert.equal(await d.findElement(By.css('textarea')).getAttribute('value'), COMMENT, 'the typed comment survives clean + undo');
    assert.equal(await d.executeScript('return document.documentElement.outerHTML'), htmlBefore, 'the page markup is exactly as before');
    await ff.closeOtherTabs(page);
  });

  test('reader view shows the article; Escape leaves it and restores the page at the same scroll', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/reference/?reader'));
    const before = await ff.bodyText();
    await d.executeScript('window.scrollTo(0, 1500)');
    const scrollBefore = await d.executeScript('return window.scrollY');
    const popup = await ff.openPopup(page);
    await (await ff.byRoleName('button', 'Reader view')).click();
    await d.switchTo().window(popup).then(() => d.close()).catch(() => {});
    await d.switchTo().window(page);
    const host = await until(async () => (await d.findElements(By.css('sift-reader-host, #sift-reader-host')))[0], { timeout: 15000, message: 'the reader host element' });
    assert.ok(host, 'reader view is shown');
    // Into the reader's iframe (inside a shadow root or directly in the host).
    const frame = await until(() => d.executeScript(`const h = document.querySelector('sift-reader-host, #sift-reader-host');
      return (h.shadowRoot ?? h).querySelector('iframe');`), { message: 'the reader iframe' });
    await d.switchTo().frame(frame);
    await until(async () => missingParagraphs(await ff.bodyText()).length === 0, { timeout: 15000, message: 'the article in reader view' }).catch(() => {});
    const text = await ff.bodyText();
    assert.deepEqual(missingParagraphs(text), [], 'reader view shows every paragraph');
    assert.deepEqual(visibleWidgetTexts(text), [], 'reader view shows no widget');
    assert.match(await d.executeScript('return location.href'), /\/reader\/reader\.html/, 'reader view is the extension page reader/reader.html');
    await d.switchTo().defaultContent();
    await ff.screenshot(path.join(OUT, 'reader.png'));
    // Reader view takes the focus (its frame), as it does for a person: Escape goes there.
    await d.switchTo().frame(frame);
    await d.actions().sendKeys(Key.ESCAPE).perform().catch(() => {});
    await d.switchTo().defaultContent();
    await until(async () => (await d.findElements(By.css('sift-reader-host, #sift-reader-host'))).length === 0, { timeout: 5000, message: 'reader view to close' }).catch(() => {});
    assert.equal((await d.findElements(By.css('sift-reader-host, #sift-reader-host'))).length, 0, 'Escape removes reader view');
    assert.equal(norm(await ff.bodyText()), norm(before), 'the page underneath is untouched');
    const scrollAfter = await d.executeScript('return window.scrollY');
    assert.ok(Math.abs(scrollAfter - scrollBefore) <= 2, `scroll restored (${scrollBefore} -> ${scrollAfter})`);
    await ff.closeOtherTabs(page);
  });

  test('no request to the test server beyond the pages opened', T, async () => {
    assert.deepEqual(server.unexpected(), []);
  });
});
