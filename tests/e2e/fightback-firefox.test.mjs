// Pages that fight back, in Firefox ESR (whose content scripts see the page through Xray
// wrappers rather than Chromium's isolated world): the overridden-built-ins page and the
// re-rendering page from tests/e2e/pages/fight/. Same expectations as fightback-chromium.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchFirefox, By } from './lib/firefox.mjs';
import { until } from './lib/chromium.mjs';

const T = { timeout: 120000 };
const SUITE = { timeout: 10 * 60000 };
const FIGHT = path.join(repoRoot, 'tests/e2e/pages/fight');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let ff;

before(async () => {
  server = await startServer();
  for (const f of ['rerender', 'overrides']) PAGES[`/fight/${f}/`] = { file: () => path.join(FIGHT, `${f}.html`), headers: {} };
  ff = await launchFirefox();
});

after(async () => {
  await ff?.quit();
  await server?.close();
});

/** What the popup tab shows. */
async function popupView() {
  const d = ff.driver;
  const error = await d.findElement(By.id('error'));
  return {
    error: (await error.isDisplayed()) ? (await error.getText()).trim() : null,
    outline: (await Promise.all((await d.findElements(By.css('[role=tree]'))).map((e) => e.getText()))).join('\n'),
    cleaned: (await d.findElement(By.id('clean')).getAttribute('aria-pressed')) === 'true',
  };
}

async function waitPopup() {
  const d = ff.driver;
  await until(async () => (await d.findElement(By.id('summary')).isDisplayed()) || (await d.findElement(By.id('error')).isDisplayed()),
    { timeout: 20000, message: 'the popup to show a result or a message' });
}

/** Rendered with a size: WebDriver's native rect (selenium's isDisplayed runs an atom in the page's
 * world, which the overrides page breaks on purpose). */
const shown = async (css) => {
  const els = await ff.driver.findElements(By.css(css));
  if (!els.length) return false;
  const r = await els[0].getRect();
  return r.width > 0 && r.height > 0;
};

describe('Firefox: pages that fight back', SUITE, () => {
  test('a page overriding DOM methods, JSON, Array/Object/Map/WeakMap and getComputedStyle in its own world: Sift works and calls none of them', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/fight/overrides/'));
    // Counts from the page's title (read natively): WebDriver's own element commands (visibility
    // checks, getText, getProperty) run code in the page's world and meet the overrides too, so
    // each Sift action is bracketed: read the counts, act from the popup tab, read them again,
    // with no element command on the page in between.
    const calls = async () => { await sleep(150); return JSON.parse((await d.getTitle()).replace(/^calls /, '') || '{}'); };
    const siftCalls = [];
    const bracket = async (label, action) => {
      await d.switchTo().window(page);
      const before = await calls();
      await action();
      await sleep(800);
      await d.switchTo().window(page);
      const after = await calls();
      const diff = Object.fromEntries(Object.entries(after).filter(([k, n]) => n !== (before[k] ?? 0)));
      if (Object.keys(diff).length) siftCalls.push(`${label}: ${JSON.stringify(diff)}`);
    };
    // Control: the page's own code meets its replacements, and they are counted.
    await d.findElement(By.id('probe')).click();
    await sleep(150);
    assert.ok((await calls())['Document.querySelectorAll'] >= 1, 'the page\'s own call is counted');
    await bracket('control', () => d.findElement(By.id('probe')).click());
    assert.equal(siftCalls.length, 1, 'a bracket sees calls made during it');
    siftCalls.length = 0;
    await d.findElement(By.css('textarea')).sendKeys('typed under hostile built-ins');

    let popup;
    let view;
    await bracket('popup (analysis)', async () => {
      popup = await ff.openPopup(page);
      await waitPopup();
      view = await popupView();
    });
    assert.equal(view.error, null);
    assert.match(view.outline, /Fog/);
    await bracket('clean', async () => {
      await d.switchTo().window(popup);
      await (await ff.byRoleName('button', 'Clean page')).click();
    });
    await until(async () => !(await shown('#comments')), { timeout: 15000, message: 'the comment form to be hidden' });
    assert.equal(await shown('aside.related'), false, 'related list hidden');
    assert.equal(await shown('article'), true, 'article kept');

    await bracket('reader view', async () => {
      await d.switchTo().window(popup);
      await (await ff.byRoleName('button', 'Reader view')).click();
    });
    const frame = await until(async () => (await d.findElements(By.css('sift-reader-host iframe')))[0], { timeout: 15000, message: 'the reader iframe' });
    await d.switchTo().frame(frame);
    await until(async () => (await d.findElement(By.id('content')).getText()).includes('Fresnel lens'), { timeout: 15000, message: 'the article in reader view' });
    await d.findElement(By.css('body')).sendKeys('\uE00C'); // Escape
    await d.switchTo().defaultContent();
    await until(async () => (await d.findElements(By.css('sift-reader-host'))).length === 0, { timeout: 10000, message: 'reader view to close' });

    await bracket('undo', async () => {
      await d.switchTo().window(popup);
      await (await ff.byRoleName('button', 'Clean page')).click();
    });
    await until(() => shown('#comments'), { timeout: 15000, message: 'undo' });
    assert.equal(await d.findElement(By.css('textarea')).getProperty('value'), 'typed under hostile built-ins', 'typed text kept');
    assert.equal((await d.findElements(By.css('[data-sift-hidden]'))).length, 0);
    assert.deepEqual(siftCalls, [], 'Sift called none of the page\'s replaced built-ins');
    await d.switchTo().window(popup);
    view = await popupView();
    assert.equal(view.error, null);
    await d.close();
    await d.switchTo().window(page);
  });

  test('re-render: the page replaces its article while and after Sift hides; the next action re-captures; undo restores', T, async () => {
    const d = ff.driver;
    const page = await ff.openPage(server.url('/fight/rerender/'));
    await d.executeScript('window.__storm(true)');
    let popup = await ff.openPopup(page);
    await waitPopup();
    assert.equal((await popupView()).error, null, 'no error while the page re-renders');
    await (await ff.byRoleName('button', 'Clean page')).click();
    await until(async () => (await popupView()).cleaned, { timeout: 15000, message: 'clean on' });
    await d.switchTo().window(page);
    await sleep(300);
    await d.executeScript('window.__storm(false)');
    assert.equal((await d.findElements(By.css('#app [data-sift-hidden]'))).length, 0, 'markers went with the replaced nodes');
    await d.findElement(By.id('counter')).click();
    assert.equal(await d.findElement(By.id('counter')).getText(), 'clicked 1', 'the page stays usable');
    await d.switchTo().window(popup);
    await d.close();

    popup = await ff.openPopup(page);
    await waitPopup();
    const view = await popupView();
    assert.equal(view.error, null);
    assert.equal(view.cleaned, false, 'clean state reset after the re-render');
    assert.match(view.outline, /Stage 3 of the river/);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await d.switchTo().window(page);
    await until(async () => !(await shown('aside.related')), { timeout: 15000, message: 'the new nodes to be hidden' });
    await d.executeScript('window.__rerender()');
    assert.equal((await d.findElements(By.css('#app [data-sift-hidden]'))).length, 0, 'markers vanished with the replaced nodes');
    assert.equal(await shown('aside.related'), true);
    await d.switchTo().window(popup);
    await (await ff.byRoleName('button', 'Clean page')).click();
    await sleep(500);
    assert.equal((await popupView()).error, null);
    await d.switchTo().window(page);
    assert.equal((await d.findElements(By.css('[data-sift-hidden], #sift-style'))).length, 0, 'undo leaves nothing of Sift');
  });
});
