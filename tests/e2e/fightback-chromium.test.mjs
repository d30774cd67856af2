// Pages that fight back, against the built extension (target/extension/chrome) in Debian's
// Chromium. Each page lives in tests/e2e/pages/fight/ (the 50 MB page is generated at start):
//   rerender.html   a framework-like script replaces the article subtree while and after Sift
//                   hides; another mode strips Sift's attributes as they appear;
//   spa.html        a single-page app: pushState route change replaces the article;
//   shadow.html     widgets in an open shadow root and a same-origin iframe; the article itself
//                   in a shadow root (?mode=article-in-shadow);
//   overrides.html  the page replaces DOM methods, JSON, Array/Object/Map/WeakMap, getComputedStyle
//                   ... in its own world, and pre-sets Sift's globals;
//   deep.html       20,000 nested <div>s (built with the DOM API: the parser stops at 512);
//   all-hidden.html every element hidden;
//   a generated 50 MB article page.
// For each: no exception escapes (no page error, no error in the console, the popup shows a
// result or a short message), the page stays usable, undo restores it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, PAGES, repoRoot } from './lib/server.mjs';
import { launchChromium, until } from './lib/chromium.mjs';

const OUT = path.join(repoRoot, 'test-output/fightback');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 180000 };
const SUITE = { timeout: 20 * 60000 };
const FIGHT = path.join(repoRoot, 'tests/e2e/pages/fight');
/** Size of the generated big page. */
const BIG_BYTES = 50 * 1024 * 1024;
/** How long the popup may take to show a result or a message on the big pages. */
const BIG_PAGE_MS = 120000;
/** How long Chromium may take to load the 50 MB page itself. */
const BIG_LOAD_MS = 240000;

let server;
let b;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-fightback-'));

/** A plain article of about `bytes` bytes: many paragraphs, a heading every 500, a comment form. */
function bigPage(bytes) {
  const para = (i) => `<p>Paragraph ${i}. Tides rise and fall twice a day because the moon and the sun pull on the oceans; harbours publish tables so that ships know when the water is deep enough, and the tables have been computed by hand, by machines of brass gears and now by computers, from the same few hundred harmonic constituents measured over many years at every port of the coast, which is why they are so reliable.</p>\n`;
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fifty megabytes of tides</title></head><body>',
    '<nav><a href="/a">Home</a> <a href="/b">Sea</a></nav><main><article><h1>Fifty megabytes of tides</h1>\n'];
  let size = parts.join('').length;
  let i = 0;
  while (size < bytes) {
    if (i % 500 === 0) { const h = `<h2>Chapter ${i / 500 + 1}</h2>\n`; parts.push(h); size += h.length; }
    const p = para(i++);
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></main><aside class="related"><h3>Related</h3><ul>'
    + [0, 1, 2, 3, 4, 5].map((k) => `<li><a href="/r${k}">Related tide story ${k}</a></li>`).join('')
    + '</ul></aside><section id="comments"><h3>Leave a comment</h3><form><textarea name="comment"></textarea><input type="email" name="email"><button type="button">Post</button></form></section></body></html>');
  return { html: parts.join(''), paragraphs: i };
}

/** Each opened page's problem list (the popup's page errors are added to it too). */
const problemsOf = new WeakMap();

/** Opens a page and records what goes wrong in it (page errors, console errors from any world). */
async function open(route, opts) {
  const page = await b.openPage(server.url(route), opts);
  const problems = [];
  problemsOf.set(page, problems);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  return { page, problems };
}

/** Opens the toolbar popup and waits until it shows a result (summary) or a message (#error). */
async function popupOf(page, timeout = 20000) {
  const popup = await b.clickToolbarButton(page);
  const problems = problemsOf.get(page);
  popup.on('pageerror', (e) => problems?.push(`popup pageerror: ${e.message}`));
  await until(() => popup.evaluate(() => !document.getElementById('summary').hidden || !document.getElementById('error').hidden),
    { timeout, message: 'the popup to show a result or a message' });
  return popup;
}

/** What the popup shows: error text (or null), outline entries, clean state. */
async function popupView(popup) {
  return popup.evaluate(() => ({
    error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent.trim(),
    outline: [...document.querySelectorAll('[role=treeitem]')].map((e) => e.querySelector('a, span, button')?.textContent.trim() ?? e.textContent.trim()),
    outlineText: [...document.querySelectorAll('[role=tree]')].map((e) => e.innerText).join('\n'),
    cleaned: document.getElementById('clean').getAttribute('aria-pressed') === 'true',
    verdict: document.getElementById('verdict-text').textContent.trim(),
  }));
}

async function press(popup, name) {
  const button = popup.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'visible', timeout: 15000 });
  await button.click();
}

const hiddenCount = (page) => page.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length);
const siftLeftovers = (page) => page.evaluate(() => document.querySelectorAll('[data-sift-hidden], #sift-style, sift-reader-host, [data-sift-reader]').length);
const visible = (page, sel) => page.locator(sel).first().isVisible();

/** Cleans with the popup's button and waits until the page shows it. */
async function cleanWith(popup, page, want) {
  await press(popup, 'Clean page');
  await until(async () => (await popupView(popup)).cleaned === want, { timeout: 15000, message: `clean = ${want}` });
}

before(async () => {
  server = await startServer();
  for (const f of ['rerender', 'spa', 'shadow', 'overrides', 'deep', 'all-hidden', 'many-nodes']) {
    PAGES[`/fight/${f}/`] = { file: () => path.join(FIGHT, `${f}.html`), headers: {} };
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

describe('Chromium: pages that fight back', SUITE, () => {
  test('re-render: the page replaces its article while and after Sift hides; markers vanish with the nodes, the next action re-captures, undo restores', T, async () => {
    const { page, problems } = await open('/fight/rerender/');
    // Re-render every 20 ms while the popup analyses and while "Clean page" is applied.
    await page.evaluate(() => window.__storm(true));
    let popup = await popupOf(page);
    assert.equal((await popupView(popup)).error, null, 'the popup shows no error while the page re-renders');
    await cleanWith(popup, page, true);
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__storm(false));
    // Whatever Sift marked was replaced by the page: its markers went with the old nodes.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#app [data-sift-hidden]')].map((e) => e.outerHTML.slice(0, 120))), [],
      'no marker survives a re-render (they lived on removed nodes)');
    assert.ok(Number(await page.evaluate(() => document.body.dataset.renders)) > 5, 'the page did re-render during the test');
    await page.locator('#counter').click();
    assert.equal(await page.locator('#counter').textContent(), 'clicked 1', 'the page stays usable');
    popup.close().catch(() => {});

    // Calm page now: the next popup re-captures (old element ids are stale) and cleaning works.
    popup = await popupOf(page);
    let view = await popupView(popup);
    assert.equal(view.error, null);
    assert.equal(view.cleaned, false, 'after the re-render the clean state starts again (reset), not a stale "cleaned"');
    assert.ok(view.outlineText.includes('Stage 3 of the river'), `outline of the re-rendered article: ${view.outlineText}`);
    await cleanWith(popup, page, true);
    assert.ok(await hiddenCount(page) > 0, 'the new nodes are hidden');
    assert.equal(await visible(page, 'aside.related'), false, 'the related list is hidden');
    assert.equal(await visible(page, 'article'), true, 'the article stays');

    // A re-render after Sift hid: markers vanish with the removed nodes, the page is the page's.
    await page.evaluate(() => window.__rerender());
    assert.equal(await page.locator('#app [data-sift-hidden]').count(), 0, 'markers vanished with the replaced nodes');
    assert.equal(await visible(page, 'aside.related'), true, 'the page shows its freshly rendered widgets');
    // Undo from the still-open popup (its state says "cleaned"): restores, no exception.
    await press(popup, 'Clean page');
    await page.waitForTimeout(500);
    assert.equal(await siftLeftovers(page), 0, 'nothing of Sift is left in the page');
    assert.equal((await popupView(popup)).error, null);
    popup.close().catch(() => {});

    // A reconciler that strips Sift's attributes as they appear: Sift does not loop or fail.
    await page.evaluate(() => window.__strip(true));
    popup = await popupOf(page);
    await press(popup, 'Clean page');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#app [data-sift-hidden]').count(), 0, 'the page removed the markers (its right)');
    assert.equal((await popupView(popup)).error, null, 'the popup shows no error');
    await press(popup, 'Clean page');
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__strip(false));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    assert.equal(await siftLeftovers(page), 0, 'undo leaves nothing of Sift');
    await page.locator('#counter').click();
    assert.equal(await page.locator('#counter').textContent(), 'clicked 2');
    // Reader view on the calm page still works and closes (the toolbar popup closed when the
    // page took the focus: open it again).
    popup = await popupOf(page);
    await press(popup, 'Reader view');
    await until(() => page.frames().find((f) => f.url().includes('/reader/reader.html')), { timeout: 15000, message: 'reader view' });
    await page.keyboard.press('Escape');
    await until(async () => (await siftLeftovers(page)) === 0, { timeout: 5000, message: 'reader view to close' });
    assert.deepEqual(problems, [], 'no exception escaped');
    popup.close().catch(() => {});
    await page.close();
  });

  test('single-page app: after a pushState route change the outline and clean state follow the new article; Back does too', T, async () => {
    const { page, problems } = await open('/fight/spa/');
    let popup = await popupOf(page);
    let view = await popupView(popup);
    assert.ok(view.outlineText.includes('Magma chambers'), `first article's outline: ${view.outlineText}`);
    await cleanWith(popup, page, true);
    assert.equal(await visible(page, 'aside.related'), false, 'first route cleaned');
    popup.close().catch(() => {});

    // The app changes route: new URL, new article.
    await page.getByRole('link', { name: 'Glaciers' }).click();
    await until(() => page.url().includes('route=glacier'), { message: 'the route change' });
    assert.equal(await visible(page, 'aside.related'), true, 'the new route renders its own widgets (the old markers went with the old nodes)');
    popup = await popupOf(page);
    view = await popupView(popup);
    assert.equal(view.error, null);
    assert.ok(view.outlineText.includes('Sliding on water') && !view.outlineText.includes('Magma chambers'), `outline follows the new article: ${view.outlineText}`);
    assert.equal(view.cleaned, false, 'clean state reset for the new article');
    await cleanWith(popup, page, true);
    assert.equal(await visible(page, 'aside.related'), false, 'new route cleaned');
    assert.equal(await visible(page, 'section.comments'), false, 'its comment form hidden');
    assert.ok((await page.locator('article').innerText()).includes('Crevasses'), 'its article kept');
    // The outline links scroll to the new article's headings (no stale element ids).
    await popup.getByRole('treeitem', { name: 'Retreat', exact: false }).first().click();
    await until(() => page.evaluate(() => document.querySelector('[data-sift-flash]')?.textContent === 'Retreat'),
      { timeout: 5000, message: 'the new article\'s heading to be highlighted' });
    await cleanWith(popup, page, false);
    await until(async () => (await siftLeftovers(page)) === 0, { timeout: 5000, message: 'undo on the new route to leave nothing (the highlight fades)' });
    popup.close().catch(() => {});

    // Back: popstate renders the first article again.
    await page.goBack();
    await until(() => !page.url().includes('route=glacier'), { message: 'Back' });
    popup = await popupOf(page);
    view = await popupView(popup);
    assert.ok(view.outlineText.includes('Magma chambers') && !view.outlineText.includes('Crevasses'), `outline after Back: ${view.outlineText}`);
    await press(popup, 'Reader view');
    const frame = await until(() => page.frames().find((f) => f.url().includes('/reader/reader.html')), { timeout: 15000, message: 'reader view' });
    await until(async () => (await frame.evaluate(() => document.getElementById('content')?.innerText ?? '')).includes('Warning signs'), { timeout: 15000, message: 'reader shows the current article' });
    assert.doesNotMatch(await frame.evaluate(() => document.getElementById('content').innerText), /Crevasses/, 'not the previous route\'s article');
    await page.keyboard.press('Escape');
    await until(async () => (await siftLeftovers(page)) === 0, { timeout: 5000, message: 'reader view to close' });
    assert.deepEqual(problems, [], 'no exception escaped');
    popup.close().catch(() => {});
    await page.close();
  });

  test('open shadow roots and same-origin iframes are not captured: Sift ignores them and does not break them', T, async () => {
    const { page, problems } = await open('/fight/shadow/');
    const inShadow = (sel) => page.evaluate((s) => { const el = document.getElementById('widget-host').shadowRoot.querySelector(s); return !!el && el.checkVisibility() && !el.closest('[data-sift-hidden]'); }, sel);
    const frame = page.frame({ url: /about:srcdoc/ }) ?? page.frames()[1];
    await page.evaluate(() => { document.getElementById('widget-host').shadowRoot.querySelector('textarea').value = 'typed in the shadow'; });
    await frame.locator('textarea').fill('typed in the frame');
    let popup = await popupOf(page);
    let view = await popupView(popup);
    assert.equal(view.error, null);
    assert.ok(view.outlineText.includes('Light section 3'), `outline of the light-DOM article: ${view.outlineText}`);
    assert.doesNotMatch(view.outlineText, /Shadow heading|Frame heading/, 'headings inside the shadow root / the frame are not in the outline');
    await cleanWith(popup, page, true);
    assert.equal(await visible(page, '#comments'), false, 'the light-DOM comment form is hidden');
    assert.equal(await inShadow('form'), true, 'the shadow-root form is left alone');
    assert.equal(await inShadow('aside'), true, 'the shadow-root list is left alone');
    assert.equal(await frame.locator('form').isVisible(), true, 'the iframe\'s form is left alone');
    assert.equal(await frame.evaluate(() => document.querySelectorAll('[data-sift-hidden]').length), 0, 'nothing marked inside the frame');
    await press(popup, 'Reader view');
    const reader = await until(() => page.frames().find((f) => f.url().includes('/reader/reader.html')), { timeout: 15000, message: 'reader view' });
    await until(async () => (await reader.evaluate(() => document.getElementById('content')?.innerText ?? '')).includes('Light section 5'), { timeout: 15000, message: 'reader shows the article' });
    assert.doesNotMatch(await reader.evaluate(() => document.getElementById('content').innerText), /Shadow|Frame story/);
    await page.keyboard.press('Escape');
    await until(() => page.evaluate(() => !document.querySelector('sift-reader-host')), { timeout: 5000, message: 'reader view to close' });
    popup.close().catch(() => {});
    popup = await popupOf(page);
    await cleanWith(popup, page, false);
    assert.equal(await siftLeftovers(page), 0, 'undo leaves nothing');
    assert.equal(await page.evaluate(() => document.getElementById('widget-host').shadowRoot.querySelector('textarea').value), 'typed in the shadow');
    assert.equal(await frame.locator('textarea').inputValue(), 'typed in the frame');
    popup.close().catch(() => {});
    await page.close();

    // The article itself inside a shadow root: Sift sees only the light DOM (navigation): a
    // verdict, no outline, no error, and clean/undo leave the shadow content alone.
    const other = await open('/fight/shadow/?mode=article-in-shadow');
    popup = await popupOf(other.page);
    view = await popupView(popup);
    assert.equal(view.error, null, 'a verdict, not an error');
    assert.match(view.verdict, /not an article/i, 'the light DOM holds no article');
    assert.doesNotMatch(view.outlineText, /Light section/);
    await press(popup, 'Clean page');
    await other.page.waitForTimeout(300);
    assert.equal(await other.page.evaluate(() => document.getElementById('widget-host').shadowRoot.querySelector('article').checkVisibility()), true, 'the shadow article stays visible');
    await press(popup, 'Clean page');
    await other.page.waitForTimeout(300);
    assert.equal(await siftLeftovers(other.page), 0);
    assert.deepEqual([...problems, ...other.problems], [], 'no exception escaped');
    popup.close().catch(() => {});
    await other.page.close();
  });

  test('a page overriding DOM methods, JSON, Array/Object/Map/WeakMap and getComputedStyle in its own world: Sift works and calls none of them', T, async () => {
    const { page, problems } = await open('/fight/overrides/');
    const calls = async () => { await page.waitForTimeout(120); return JSON.parse((await page.locator('#calls').textContent()) || '{}'); };
    // Control: in the page's world the overrides are in force and counted. (The probe runs in
    // the main world through a CDP evaluation that returns a primitive.)
    // Playwright's own evaluate uses the page's Map: go through CDP, which returns by value natively.
    const cdp = await b.ctx.newCDPSession(page);
    const mainWorld = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    const probe = await mainWorld('String(document.querySelectorAll("p").length) + " " + JSON.stringify({a: 1}) + " " + [1, 2].map((x) => x).length');
    assert.equal(probe, '0 "pwned" 0', 'the page\'s own built-ins are replaced');
    assert.ok((await calls())['Document.querySelectorAll'] >= 1, 'calls are counted');
    await mainWorld('window.__resetCalls()');
    assert.deepEqual(await calls(), {});

    let popup = await popupOf(page);
    const view = await popupView(popup);
    assert.equal(view.error, null);
    assert.ok(view.outlineText.includes('Fog') && view.outlineText.includes('Today'), `outline: ${view.outlineText}`);
    await page.locator('textarea').fill('typed under hostile built-ins');
    await cleanWith(popup, page, true);
    assert.equal(await page.locator('#comments').isVisible(), false, 'comment form hidden');
    assert.equal(await page.locator('aside.related').isVisible(), false, 'related list hidden');
    assert.equal(await page.locator('article').isVisible(), true, 'article kept');
    await popup.getByRole('treeitem', { name: 'Today', exact: false }).first().click();
    await press(popup, 'Reader view');
    const reader = await until(() => page.frames().find((f) => f.url().includes('/reader/reader.html')), { timeout: 15000, message: 'reader view' });
    await until(async () => (await reader.evaluate(() => document.getElementById('content')?.innerText ?? '')).includes('Fresnel lens'), { timeout: 15000, message: 'reader shows the article' });
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('sift-reader-host').count()) === 0, { timeout: 5000, message: 'reader view to close' });
    popup = await popupOf(page); // the toolbar popup closed itself when reader view opened
    await cleanWith(popup, page, false);
    assert.equal(await page.locator('#comments').isVisible(), true, 'undo restores');
    assert.equal(await page.locator('textarea').inputValue(), 'typed under hostile built-ins');
    await until(async () => (await page.locator('[data-sift-hidden], [data-sift-flash], #sift-style').count()) === 0, { timeout: 5000, message: 'nothing of Sift left (the highlight fades)' });
    assert.deepEqual(await calls(), {}, 'Sift called none of the page\'s replaced built-ins');
    assert.deepEqual(problems, [], 'no exception escaped');
    await cdp.detach().catch(() => {});
    popup.close().catch(() => {});
    await page.close();
  });

  test('every element hidden: a verdict and no outline, clean and undo change nothing, no error', T, async () => {
    const { page, problems } = await open('/fight/all-hidden/');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await popupOf(page);
    const view = await popupView(popup);
    assert.equal(view.error, null);
    assert.match(view.verdict, /not an article/i);
    assert.equal(view.outline.length, 0, 'no outline from hidden headings');
    await press(popup, 'Clean page');
    await page.waitForTimeout(300);
    await press(popup, 'Clean page');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'page unchanged');
    assert.deepEqual(problems, []);
    popup.close().catch(() => {});
    await page.close();
  });

  test('20,000 nesting levels in the markup (the parser keeps 512): the article at the bottom is found, cleaned, restored', T, async () => {
    const nested = '<div>'.repeat(20000) + '<article><h1>At the bottom of the markup</h1>'
      + [1, 2, 3].map((i) => `<h2>Layer ${i}</h2><p>Sediment settles in layers, one a year; layer ${i} is counted under a microscope, and the count dates the lake, its floods and its droughts, back through thousands of winters.</p>`).join('')
      + '</article><section class="comments"><h3>Comments</h3><form><textarea name="c"></textarea><input type="email" name="e"><button type="button">Post</button></form></section>' + '</div>'.repeat(20000);
    fs.writeFileSync(path.join(tmp, 'deep-markup.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deep markup</title></head><body><nav><a href="/a">Home</a></nav>${nested}</body></html>`);
    PAGES['/fight/deep-markup/'] = { file: () => path.join(tmp, 'deep-markup.html'), headers: {} };
    const { page, problems } = await open('/fight/deep-markup/');
    const popup = await popupOf(page, BIG_PAGE_MS);
    const view = await popupView(popup);
    assert.equal(view.error, null, 'a result, not an error');
    assert.ok(view.outlineText.includes('Layer 3'), `outline: ${view.outlineText}`);
    await page.locator('textarea').fill('deep text');
    const bodyBefore = await page.evaluate(() => document.body.innerText);
    await cleanWith(popup, page, true);
    // Past 512 levels the parser makes later elements siblings, so the form's fields are no
    // longer inside its <form>: only what the core still recognises is hidden. The text stays.
    assert.equal(await page.getByText('layer 3 is counted', { exact: false }).isVisible(), true, 'the article text stays visible');
    await cleanWith(popup, page, false);
    assert.equal(await page.evaluate(() => document.body.innerText), bodyBefore, 'undo gives back the page as it was');
    assert.equal(await page.locator('textarea').inputValue(), 'deep text');
    assert.deepEqual(problems, []);
    popup.close().catch(() => {});
    await page.close();
  });

  test('2,000 nesting levels built with the DOM API (Chromium\'s renderer itself crashes near 3,000): found, cleaned, restored', T, async () => {
    const { page, problems } = await open('/fight/deep/');
    assert.equal(await page.evaluate(() => document.body.dataset.depth), '2000');
    const started = Date.now();
    const popup = await popupOf(page, BIG_PAGE_MS);
    const view = await popupView(popup);
    console.log(`  2,000 DOM levels: popup answered in ${Date.now() - started} ms: ${view.error ?? view.verdict}`);
    assert.equal(view.error, null, 'a result, not an error');
    assert.ok(view.outlineText.includes('Depth note 4'), `outline: ${view.outlineText}`);
    await page.locator('textarea').fill('deep text');
    await cleanWith(popup, page, true);
    const hiddenWhat = await page.evaluate(() => [...document.querySelectorAll('[data-sift-hidden]')].map((e) => `${e.localName}:${e.dataset.siftHidden}:${e.children.length}:${e.textContent.trim().slice(0, 40)}`).slice(0, 10));
    assert.equal(await page.locator('section.comments').isVisible(), false, `comments hidden; hidden: ${hiddenWhat.join(' | ')}`);
    assert.equal(await page.locator('article').isVisible(), true, `article kept; hidden: ${hiddenWhat.join(' | ')}`);
    await cleanWith(popup, page, false);
    assert.equal(await page.locator('section.comments').isVisible(), true);
    assert.equal(await page.locator('textarea').inputValue(), 'deep text');
    assert.deepEqual(problems, []);
    popup.close().catch(() => {});
    await page.close();
  });

  test('2,100,000 elements (over the core\'s 2,000,000-node budget): the popup says "too large" in one line, page intact', T, async () => {
    const { page, problems } = await open('/fight/many-nodes/');
    assert.ok(Number(await page.evaluate(() => document.body.dataset.nodes)) > 2100000, 'the page built its nodes');
    const started = Date.now();
    const popup = await popupOf(page, BIG_PAGE_MS);
    const view = await popupView(popup);
    const ms = Date.now() - started;
    console.log(`  2,100,000 elements: popup answered in ${ms} ms: ${view.error ?? view.verdict}`);
    // Either the core's budget error (too-many-nodes) or, before it, the browser's 64 MiB message
    // limit: the popup shows both as "too large".
    assert.match(view.error ?? '', /too large/i, `the popup says the page is too large: ${JSON.stringify(view)}`);
    assert.ok(view.error.length < 120, 'one short line');
    assert.equal(await page.locator('[data-sift-hidden]').count(), 0, 'page left as it was');
    assert.ok((await page.locator('article').innerText()).includes('Only a few words'), 'page intact');
    assert.deepEqual(problems.filter((p) => !/^console: sift:/.test(p)), [], 'no exception escaped (Sift\'s own error line aside)');
    popup.close().catch(() => {});
    await page.close();
  });

  test('a 50 MB page: a result (or a short message) in reasonable time, page intact, undo works', { timeout: BIG_LOAD_MS + T.timeout }, async () => {
    const { html, paragraphs } = bigPage(BIG_BYTES);
    fs.writeFileSync(path.join(tmp, 'big.html'), html);
    PAGES['/fight/big/'] = { file: () => path.join(tmp, 'big.html'), headers: {} };
    // Chromium's own load of 50 MB of markup, before Sift is involved: 100 s on some machines of
    // the CI's kind (10 MB in 12 s, 25 MB in 33 s there), under 30 s on others.
    const { page, problems } = await open('/fight/big/', { timeout: BIG_LOAD_MS });
    assert.equal(await page.locator('article p').count(), paragraphs, 'the whole page loaded');
    const started = Date.now();
    const popup = await popupOf(page, BIG_PAGE_MS);
    const view = await popupView(popup);
    const ms = Date.now() - started;
    console.log(`  50 MB page (${paragraphs} paragraphs): popup answered in ${ms} ms: ${view.error ?? `${view.verdict}, ${view.outline.length} outline entries`}`);
    fs.writeFileSync(path.join(OUT, 'big-page.txt'), `${paragraphs} paragraphs, ${html.length} bytes, popup answered in ${ms} ms\n${JSON.stringify(view, null, 1).slice(0, 2000)}\n`);
    if (view.error) {
      // Chromium carries at most 64 MiB per message: the snapshot of this page is bigger.
      assert.match(view.error, /too large/i, `the popup says the page is too large: ${view.error}`);
      assert.ok(view.error.length < 120, `a short message: ${view.error}`);
    } else {
      assert.ok(view.outlineText.includes('Chapter 2'), 'outline from the big article');
      await cleanWith(popup, page, true);
      assert.equal(await page.locator('#comments').isVisible(), false, 'comment form hidden');
      await cleanWith(popup, page, false);
    }
    assert.equal(await page.locator('#comments').isVisible(), true);
    assert.equal(await page.locator('[data-sift-hidden]').count(), 0, 'page as it was');
    assert.equal(await page.locator('article p').count(), paragraphs, 'page intact');
    assert.deepEqual(problems.filter((p) => !/^console: sift:/.test(p) || !view.error), [], 'no exception escaped');
    popup.close().catch(() => {});
    await page.close();
  });
});
