// Browser test of the www playground (www/index.html), in Debian's Chromium via playwright-core.
// Context: a plain web page served by a tiny static server on 127.0.0.1 started here; the page runs
// the shipped wasm (www/wasm/, from `bash scripts/build-wasm.sh`) and the extension's capture.js.
// Checks: the reference sample shows an outline, a hidden-block list, an annotated page copy and a
// reader view (screenshot in test-output/www.png); a hostile page (scripts, on* handlers, remote
// loads, meta refresh, javascript: links) runs nothing and loads nothing, whether pasted or opened;
// empty, binary and oversized files get a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wwwDir = path.join(repoRoot, 'www');
const outDir = path.join(repoRoot, 'test-output');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** Serves www/ (symlinks followed, as `python3 -m http.server -d www` does) and records every
 * request. Paths under /probe/ exist only as bait in the hostile page: any hit there is a failure. */
function startServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = decodeURIComponent(url.pathname);
    requests.push(p);
    if (p.startsWith('/probe/')) {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = path.join(wwwDir, path.normalize(p.endsWith('/') ? p + 'index.html' : p));
    if (!file.startsWith(wwwDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    resolve({ origin, requests, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
  }));
}

let server;
let browser;

before(async () => {
  for (const f of ['wasm/sift.js', 'wasm/sift_bg.wasm']) {
    assert.ok(fs.existsSync(path.join(wwwDir, f)), `www/${f} is missing: run \`bash scripts/build-wasm.sh\` first`);
  }
  assert.ok(fs.existsSync(path.join(wwwDir, 'capture.js')), 'www/capture.js (-> extension/content/capture.js) is missing');
  assert.ok(fs.existsSync(path.join(wwwDir, 'samples/reference.html')), 'www/samples/reference.html is missing');
  fs.mkdirSync(outDir, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that records dialogs (alert/confirm/prompt), page errors and console errors. */
async function openPlayground() {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const seen = { dialogs: [], errors: [], console: [] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') seen.console.push(m.text()); });
  await page.goto(server.origin + '/index.html');
  // The page's own start-up fetches (the sample list) are done before a test counts requests.
  await page.locator('#sample option[value="reference.html"]').waitFor({ state: 'attached' });
  return { context, page, seen };
}

/** Polls `check` until it holds (the frames reload their srcdoc asynchronously). */
async function until(check, what, tries = 100) {
  for (let i = 0; i < tries; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}

async function waitForResult(page) {
  await page.locator('#status.status-ok, #status.status-error').waitFor();
  return { ok: await page.locator('#status.status-ok').count() === 1, text: await page.locator('#status').textContent() };
}

test('the reference sample shows its outline, hidden blocks, annotated page and reader view', async () => {
  const { context, page, seen } = await openPlayground();
  try {
    await page.selectOption('#sample', 'reference.html');
    const r = await waitForResult(page);
    assert.ok(r.ok, `analysis failed: ${r.text}`);

    // Everything rendered (the reader frame is the last): the screenshot shows the page as loaded.
    await page.frameLocator('#reader-frame').locator('main').waitFor();
    await page.screenshot({ path: path.join(outDir, 'www.png') });

    // The outline: a tree of headings from the article.
    const tree = page.getByRole('tree', { name: 'Outline' });
    const items = tree.getByRole('treeitem');
    assert.ok(await items.count() >= 3, `outline has ${await items.count()} entries`);
    const outlineText = (await items.allTextContents()).join('\n');
    assert.match(outlineText, /Cyberattack/, 'the outline names the article\'s sections');
    for (const lvl of await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-level'))))) {
      assert.ok(lvl >= 1, 'every tree item has an aria-level');
    }

    // The hidden-block list: each entry has a kind and a reason a person can read.
    const hidden = page.locator('#hidden-list .hidden-item');
    const n = await hidden.count();
    assert.ok(n >= 3, `hidden-block list has ${n} entries`);
    for (let i = 0; i < n; i++) {
      const kind = await hidden.nth(i).getAttribute('data-kind');
      assert.ok(kind && kind.length > 1, 'an entry without a kind');
      const reason = (await hidden.nth(i).locator('.reason').textContent()).trim();
      assert.ok(reason.length > 3, `entry ${i} (${kind}) has no readable reason`);
    }
    const kinds = new Set(await hidden.evaluateAll((els) => els.map((e) => e.dataset.kind)));

    // The annotated copy: sandboxed, strict CSP, the same blocks marked and labelled.
    assert.equal(await page.locator('#page-frame').getAttribute('sandbox'), '');
    const frame = page.frameLocator('#page-frame');
    const marked = frame.locator('[data-sift-hidden]');
    assert.equal(await marked.count(), n, 'every listed block is marked in the page copy');
    assert.match(await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /default-src 'none'/);
    assert.equal(await frame.locator('script').count(), 0);

    // A per-kind toggle: switching a kind off unmarks it in the list.
    const someKind = [...kinds].find((k) => !['navigation', 'breadcrumb', 'footer'].includes(k));
    if (someKind) {
      const sw = page.locator(`#kind-${someKind}`);
      assert.equal(await sw.isChecked(), true);
      await sw.uncheck();
      assert.ok(await page.locator(`#hidden-list .hidden-item.is-kept[data-kind="${someKind}"]`).count() > 0);
      await sw.check();
    }

    // "Cleaned" hides the switched-on kinds as the extension does; site chrome stays.
    await page.getByRole('button', { name: 'Cleaned' }).click();
    await until(async () => /display: none/.test(await frame.locator('style#sift-playground').textContent()), 'the cleaned copy is shown');
    for (let i = 0; i < n; i++) {
      const kind = await hidden.nth(i).getAttribute('data-kind');
      const node = frame.locator(`[data-sift-hidden="${kind}"]`).first();
      const kept = ['navigation', 'breadcrumb', 'footer'].includes(kind);
      assert.equal(await node.isVisible(), kept, `${kind} is ${kept ? 'kept' : 'hidden'} in the cleaned page`);
    }
    assert.ok(await frame.locator('[data-sift-article]').isVisible(), 'the article stays');
    await page.getByRole('button', { name: 'Annotated' }).click();

    // The reader view holds the article text, in a sandboxed frame.
    assert.equal(await page.locator('#reader-frame').getAttribute('sandbox'), '');
    const reader = page.frameLocator('#reader-frame');
    await reader.locator('main').waitFor();
    assert.match(await reader.locator('main').textContent(), /APT31/);

    // An outline entry brings its heading into view in the page copy and in the reader view;
    // a hidden-block entry brings its block into view in the page copy.
    const inView = (loc) => loc.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return scrollY > 0 && r.top >= 0 && r.top < innerHeight;
    });
    const section = items.filter({ hasText: /Denial/ }).first();
    await section.locator('.outline-text').first().click();
    await until(() => inView(frame.locator('[data-sift-focus]')), 'the page copy shows the heading');
    await until(() => inView(reader.locator('[data-sift-focus]')), 'the reader view shows the heading');
    assert.match(await reader.locator('[data-sift-focus]').textContent(), /Denial/);
    const last = hidden.last();
    const lastKind = await last.getAttribute('data-kind');
    await last.locator('button').click();
    await until(() => inView(frame.locator(`[data-sift-focus][data-sift-hidden="${lastKind}"]`)), 'the page copy shows the block');

    // "Copy as Markdown" puts the core's Markdown of the article on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(md, /APT31/);
    assert.match(md, /^#+ .*Denial/m, 'the Markdown keeps the headings');

    // The summary and the metadata: title, byline, date.
    assert.match(await page.locator('#page-title').textContent(), /^Czech Republic Accuses China/);
    const meta = await page.locator('#metadata').textContent();
    assert.match(meta, /Byline\s*Redaksi Tech News/);
    assert.match(meta, /Published\s*2025-07-02/);

    assert.deepEqual(seen.errors, [], 'no page errors');
    const foreign = server.requests.filter((p) => !/^\/(index\.html|app\.js|style\.css|capture\.js|wasm\/sift(_bg\.wasm|\.js)|samples\/[\w.-]+\.(html|json)|favicon\.ico)$/.test(p));
    assert.deepEqual(foreign, [], 'the playground fetches only its own files');
  } finally {
    await context.close();
  }
});

/** A page whose every vector would, if it ran, leave a trace: a dialog, a request to /probe/,
 * or window.__pwned on the playground page. */
const HOSTILE = `<!DOCTYPE html>
<html><head>
<meta http-equiv="refresh" content="0;url=/probe/refresh">
<base href="/probe/base/">
<title>&lt;img src=x onerror="window.__pwned=1;fetch('/probe/title')"&gt; Hostile page</title>
<link rel="stylesheet" href="/probe/sheet.css">
<link rel="prefetch" href="/probe/prefetch">
<style>@import url("/probe/import.css"); body { background: url(/probe/bg.png); }</style>
<script>alert('script'); fetch('/probe/script');</script>
<script src="/probe/external.js"></script>
</head>
<body onload="alert('body onload')">
<main><article>
<h1>&lt;img src=x onerror="window.__pwned=1;alert('outline')"&gt; A hostile headline</h1>
<p>This paragraph is long enough to look like the start of a real article about something, written so the
core may well find an article here and build a reader view of it, with more words and then more words.</p>
<img src="x" onerror="alert('img onerror');fetch('/probe/onerror')">
<img src="/probe/remote.png" alt="remote">
<img srcset="/probe/srcset.png 2x" alt="srcset">
<svg onload="alert('svg onload')"><image href="/probe/svg-image.png"/></svg>
<h2 id="second">Second section</h2>
<p>More text of the article body, so that the page has substance; and more, and more, and more words.</p>
<details open ontoggle="alert('ontoggle')"><summary>s</summary>d</details>
<iframe src="/probe/iframe"></iframe>
<iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<object data="/probe/object"></object>
<embed src="/probe/embed">
<video poster="/probe/poster.png" src="/probe/video.mp4"></video>
<a id="jslink" href="javascript:alert('javascript url')">a javascript: link</a>
<a id="farlink" href="/probe/navigated">a link away</a>
<a id="fraglink" href="#second">a link within the page</a>
<svg width="200" height="30"><a id="svglink"><animate attributeName="href" values="/probe/svg-animate"/><text x="0" y="20">an animated SVG link</text></a></svg>
<form action="/probe/form"><textarea name="c"></textarea><input type="email"><button id="submit">Post</button></form>
<noscript><img src="/probe/noscript.png"></noscript>
<div><template shadowrootmode="open"><a id="shadowlink" href="/probe/shadow">a link in a declarative shadow root</a><img src="/probe/shadow.png" onerror="alert('shadow')"></template></div>
<div style="background-image:url('/probe/inline-bg.png')">styled</div>
</article></main>
</body></html>`;

async function assertNothingRan(page, seen, how) {
  // Let anything that might fire (timers, image errors, refresh) have its chance.
  await page.waitForTimeout(1500);
  assert.deepEqual(seen.dialogs, [], `${how}: no dialog opened`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${how}: nothing ran in the playground page`);
  assert.deepEqual(server.requests.filter((p) => p.startsWith('/probe/')), [], `${how}: nothing was fetched`);
  // The copy's links cannot load anything into its frame, not even this site's own pages.
  assert.deepEqual(server.requests.filter((p) => !/^\/(wasm\/|favicon\.ico$)/.test(p)), [], `${how}: no document was loaded`);
  for (const id of ['#page-frame', '#reader-frame']) {
    const f = await (await page.locator(id).elementHandle()).contentFrame();
    assert.equal(f.url(), 'about:srcdoc', `${how}: ${id} stayed on its own document`);
  }
  assert.deepEqual(seen.errors, [], `${how}: no page errors`);
  assert.equal(page.url(), server.origin + '/index.html', `${how}: the playground did not navigate`);
}

test('a pasted hostile page runs nothing and loads nothing', async () => {
  const { context, page, seen } = await openPlayground();
  try {
    server.requests.length = 0;
    await page.getByRole('button', { name: 'Paste HTML…' }).click();
    await page.locator('#paste-text').fill(HOSTILE);
    await page.getByRole('button', { name: 'Analyse' }).click();
    const r = await waitForResult(page);
    assert.ok(r.ok, `analysis failed: ${r.text}`);
    // Strings from the page are text, never markup, in the playground's own UI.
    assert.equal(await page.locator('#outline img, #page-title img, #metadata img, #hidden-list img').count(), 0);
    assert.match(await page.locator('#page-title').textContent(), /<img src=x onerror=/);
    // Clicking links inside the copy goes nowhere.
    const frame = page.frameLocator('#page-frame');
    await frame.locator('#jslink').click();
    await frame.locator('#farlink').click();
    await frame.locator('#fraglink').click();
    await frame.locator('#svglink').click();
    await frame.locator('#submit').click();
    // A declarative shadow root stays an inert template in the copy: nothing in it to click.
    if (await frame.locator('#shadowlink').count()) await frame.locator('#shadowlink').click();
    assert.equal(await frame.locator('#shadowlink').count(), 0, 'declarative shadow DOM is not revived in the copy');
    await assertNothingRan(page, seen, 'paste');
    assert.equal(await frame.locator('script, iframe, object, embed, link, base, meta[http-equiv="refresh"]').count(), 0);
  } finally {
    await context.close();
  }
});

test('an opened or dropped hostile file runs nothing and loads nothing', async () => {
  const { context, page, seen } = await openPlayground();
  try {
    server.requests.length = 0;
    await page.locator('#file-input').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE) });
    let r = await waitForResult(page);
    assert.ok(r.ok, `analysis failed: ${r.text}`);
    assert.match(r.text, /^hostile\.html:/);
    await assertNothingRan(page, seen, 'file');

    // A drop, as the browser delivers it: a drop event carrying the file.
    await page.evaluate((html) => {
      const dt = new DataTransfer();
      dt.items.add(new File([html], 'dropped.html', { type: 'text/html' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, HOSTILE);
    await page.waitForFunction(() => /^dropped\.html:/.test(document.getElementById('status').textContent));
    r = await waitForResult(page);
    assert.ok(r.ok, `analysis failed: ${r.text}`);
    await assertNothingRan(page, seen, 'drop');
  } finally {
    await context.close();
  }
});

test('empty, binary and oversized files get a clear message', async () => {
  const { context, page } = await openPlayground();
  try {
    const cases = [
      [{ name: 'empty.html', mimeType: 'text/html', buffer: Buffer.alloc(0) }, /empty\.html.* is empty/],
      [{ name: 'blank.html', mimeType: 'text/html', buffer: Buffer.from('  \n\t ') }, /blank\.html is empty/],
      [{ name: 'photo.html', mimeType: 'text/html', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }, /not an HTML page/],
      [{ name: 'huge.html', mimeType: 'text/html', buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) }, /huge\.html.* is 21\.0 MB: the playground takes pages up to 20\.0 MB/],
    ];
    for (const [file, message] of cases) {
      await page.evaluate(() => { const s = document.getElementById('status'); s.className = 'status'; s.textContent = ''; });
      await page.locator('#file-input').setInputFiles(file);
      await page.locator('#status.status-error').waitFor();
      assert.match(await page.locator('#status').textContent(), message, file.name);
    }
  } finally {
    await context.close();
  }
});
