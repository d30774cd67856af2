// The built extension (target/extension/chrome) in Debian's Chromium, driven like a person would:
// the real toolbar button, the popup's buttons by their accessible names, the page's visible text.
// Contract: extension/CONTRACT.md (popup, in-place clean, reader view). Screenshots: test-output/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, repoRoot } from './lib/server.mjs';
import { launchChromium, until } from './lib/chromium.mjs';
import { ARTICLE_PARAGRAPHS, OUTLINE, TITLE, RTL, WIDGETS, norm, missingParagraphs, visibleWidgetTexts } from './lib/reference.mjs';

const OUT = path.join(repoRoot, 'test-output/chromium');
fs.mkdirSync(OUT, { recursive: true });
const T = { timeout: 90000 };
const SUITE = { timeout: 15 * 60000 };
const COMMENT = 'Komentar uji e2e: teks ini harus tetap ada setelah dibersihkan.';

let server;
let b;

/** The page's markup, exactly. Note: a full-page `page.screenshot` leaves an empty `style=""` on
 * the page's form fields (seen with no extension action at all), so screenshots of a page whose
 * markup is compared are taken after the comparison. */
const markup = (page) => page.evaluate(() => document.documentElement.outerHTML);
const bodyText = (page) => page.evaluate(() => document.body.innerText);
const readerHost = (page) => page.locator('sift-reader-host, #sift-reader-host');
const readerFrame = (page) => page.frames().find((f) => f.url().includes('/reader/reader.html'));

/** The popup for a page's tab: reuse an open one, else press the toolbar button. */
async function popupFor(page, current) {
  if (current && !current.isClosed()) return current;
  return b.clickToolbarButton(page);
}

async function clickPopupButton(page, popup, name) {
  popup = await popupFor(page, popup);
  const button = popup.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'visible', timeout: 15000 });
  await button.click();
  return popup;
}

/** Presses Escape in the page. Reader view closes on keydown and takes its focused frame with it,
 * so Chromium may never acknowledge the keyup: do not wait for it forever. */
async function pressEscape(page) {
  const settle = (p) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
  await settle(page.keyboard.down('Escape'));
  await settle(page.keyboard.up('Escape'));
}

/** Waits until the page's CSS transitions and animations have finished (a screenshot taken
 * mid-transition, e.g. just after a colour-scheme switch, shows colours the user never sees). */
async function settled(p) {
  await until(() => p.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running')), { timeout: 3000, message: 'transitions to finish' }).catch(() => {});
}

/** WCAG 2 contrast ratio of two CSS rgb()/rgba() colours (opaque ones). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text and background colours of the popup's two main buttons. */
const buttonColours = (popup) => popup.evaluate(() => ['Reader view', 'Clean page'].map((name) => {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === name);
  const cs = b ? getComputedStyle(b) : null;
  return { name, color: cs?.color ?? '', background: cs?.backgroundColor ?? '' };
}));

/** Relative luminance (0 dark .. 1 light) of a CSS rgb() colour. */
function luminance(rgb) {
  const [r, g, bl] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * bl) / 255;
}

/** Background luminance of the reader document (the first non-transparent of body, html). */
async function readerBackground(frame) {
  return frame.evaluate(() => {
    for (const el of [document.body, document.documentElement]) {
      const c = getComputedStyle(el).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return 'rgb(255, 255, 255)';
  });
}

/** Picks a reader theme through the reader's own settings controls. */
async function chooseTheme(frame, theme) {
  const re = new RegExp(`^${theme}$`, 'i');
  const candidates = () => [
    frame.getByRole('radio', { name: re }),
    frame.getByRole('button', { name: re }),
    frame.getByRole('option', { name: re }),
  ];
  const findVisible = async () => {
    for (const c of candidates()) if (await c.first().isVisible().catch(() => false)) return c.first();
    const select = frame.getByRole('combobox', { name: /theme|tema/i });
    if (await select.first().isVisible().catch(() => false)) return select.first();
    return null;
  };
  let control = await findVisible();
  if (!control) {
    // Settings may sit behind a button.
    const opener = frame.getByRole('button', { name: /settings|setelan|pengaturan|appearance|display|theme|tema|Aa/i });
    if (await opener.first().isVisible().catch(() => false)) await opener.first().click();
    control = await until(findVisible, { timeout: 5000, message: `a "${theme}" theme control in reader view` });
  }
  if ((await control.getAttribute('role')) === 'combobox' || (await control.evaluate((e) => e.tagName)) === 'SELECT') {
    await control.selectOption({ value: theme }).catch(() => control.selectOption({ label: new RegExp(theme, 'i') }));
  } else {
    await control.click();
  }
}

async function openReader(page, popup, paragraphs = ARTICLE_PARAGRAPHS) {
  await clickPopupButton(page, popup, 'Reader view');
  await readerHost(page).first().waitFor({ state: 'attached', timeout: 15000 });
  const frame = await until(() => readerFrame(page), { message: 'the reader/reader.html frame' });
  await until(async () => { const t = norm(await frame.evaluate(() => document.body.innerText)); return paragraphs.every((p) => t.includes(p)); },
    { timeout: 15000, message: 'reader view to show the article' }).catch(() => {});
  return frame;
}

before(async () => {
  server = await startServer();
  b = await launchChromium();
});

let closed = null;
async function closeBrowser() {
  if (!closed) {
    fs.writeFileSync(path.join(OUT, 'console.log'), b.consoleLog.join('\n') + '\n');
    fs.writeFileSync(path.join(OUT, 'requests.log'), b.requests.map((r) => `${r.who} ${r.url}`).join('\n') + '\n');
    closed = b.close();
  }
  return closed;
}

after(async () => {
  if (b) await closeBrowser();
  await server?.close();
});

describe('Chromium: the extension on the reference page', SUITE, () => {
  test('the toolbar popup shows the title, the article verdict and the 16-entry outline tree', T, async () => {
    const page = await b.openPage(server.url('/reference/'));
    const popup = await b.clickToolbarButton(page);
    const tree = popup.getByRole('tree');
    await until(async () => (await popup.getByRole('treeitem').count()) >= OUTLINE.length, { timeout: 15000, message: 'outline entries' }).catch(() => {});
    // Screenshots first, so there is something to look at even when an assertion fails.
    await settled(popup);
    await popup.screenshot({ path: path.join(OUT, 'popup-light.png') });
    const light = await buttonColours(popup);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await settled(popup);
    await popup.screenshot({ path: path.join(OUT, 'popup-dark.png') });
    const dark = await buttonColours(popup);
    await popup.emulateMedia({ colorScheme: 'light' });
    // WCAG AA for normal text: 4.5:1, in both colour schemes.
    for (const [scheme, colours] of [['light', light], ['dark', dark]]) {
      for (const c of colours) {
        assert.ok(contrast(c.color, c.background) >= 4.5, `${scheme} popup: "${c.name}" text ${c.color} on ${c.background} has contrast ${contrast(c.color, c.background).toFixed(2)} (< 4.5)`);
      }
    }
    assert.ok(await tree.isVisible(), 'the popup shows the outline as a tree (role="tree")');
    const text = norm(await popup.evaluate(() => document.body.innerText));
    assert.ok(text.includes(TITLE), `popup shows the article title; it shows: ${text.slice(0, 300)}`);
    assert.match(text, /\d+\s*min/i, 'popup shows a reading time');
    assert.doesNotMatch(text, /not an article/i, 'the reference page is an article');
    const items = await popup.getByRole('treeitem').evaluateAll((els) => els.map((e) => ({
      level: Number(e.getAttribute('aria-level')),
      // An item's own label: its text without nested items' text.
      text: (() => { const c = e.cloneNode(true); c.querySelectorAll('[role=treeitem],[role=group]').forEach((x) => x.remove()); return c.innerText.replace(/\s+/g, ' ').trim(); })(),
    })));
    assert.deepEqual(items.map((i) => [i.level, i.text]), OUTLINE, 'outline entries (aria-level, text) in order');
    const tabId = await b.tabId(page);
    const badge = await b.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.notEqual(badge, '', 'the toolbar badge marks the article once the user has acted');
    await popup.close();
    await page.close();
  });

  for (const [label, route] of [['reference page', '/reference/'], ['hashed-class variant', '/hashed/'], ['strict-CSP page (analysis in the background)', '/csp/']]) {
    test(`${label}: "Clean page" hides the widgets and keeps every paragraph; a second click restores the page and typed comment text`, T, async () => {
      const page = await b.openPage(server.url(route));
      const htmlBefore = await markup(page);
      const before = await bodyText(page);
      assert.deepEqual(missingParagraphs(before), [], 'all paragraphs visible before cleaning');
      assert.equal(visibleWidgetTexts(before).length, 9, 'all widgets visible before cleaning');
      await page.locator('textarea').first().fill(COMMENT);

      let popup = await clickPopupButton(page, null, 'Clean page');
      await until(async () => visibleWidgetTexts(await bodyText(page)).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
      const cleaned = await bodyText(page);
      assert.deepEqual(missingParagraphs(cleaned), [], 'every article paragraph stays visible after "Clean page"');
      assert.deepEqual(visibleWidgetTexts(cleaned), [], 'no widget text stays visible after "Clean page"');
      assert.ok(norm(cleaned).includes(TITLE), 'the headline stays visible');
      if (popup.isClosed()) popup = await b.clickToolbarButton(page);
      assert.equal(await popup.getByRole('button', { name: 'Clean page', exact: true }).getAttribute('aria-pressed'), 'true', '"Clean page" shows as pressed');

      popup = await clickPopupButton(page, popup, 'Clean page');
      await until(async () => visibleWidgetTexts(await bodyText(page)).length === 9, { timeout: 15000, message: 'the widgets to come back' }).catch(() => {});
      const restored = await bodyText(page);
      assert.equal(visibleWidgetTexts(restored).length, 9, 'every widget is visible again after the second click');
      assert.equal(norm(restored), norm(before), 'the visible text is exactly as before');
      assert.equal(await page.locator('textarea').first().inputValue(), COMMENT, 'the typed comment survives clean + undo');
      assert.equal(await markup(page), htmlBefore, 'the page markup is exactly as before (no leftover attributes, styles or nodes)');
      if (route === '/reference/') {
        // The cleaned page's screenshot, after the markup comparison (see `markup`).
        popup = await clickPopupButton(page, popup, 'Clean page');
        await until(async () => visibleWidgetTexts(await bodyText(page)).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
        await page.screenshot({ path: path.join(OUT, 'cleaned-reference.png'), fullPage: true });
      }
      if (!popup.isClosed()) await popup.close();
      await page.close();
    });
  }

  test('"Show hidden" lists each hidden block with its kind, reason and a "Restore" button that brings it back', T, async () => {
    const page = await b.openPage(server.url('/reference/'));
    let popup = await clickPopupButton(page, null, 'Clean page');
    await until(async () => visibleWidgetTexts(await bodyText(page)).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
    if (popup.isClosed()) popup = await b.clickToolbarButton(page);
    const show = popup.getByRole('button', { name: 'Show hidden', exact: false }).first();
    await show.click();
    const restores = popup.getByRole('button', { name: /^Restore\b/ });
    await until(async () => (await restores.count()) >= WIDGETS.length, { timeout: 5000, message: '"Restore" buttons' }).catch(() => {});
    await settled(popup);
    await popup.screenshot({ path: path.join(OUT, 'popup-show-hidden.png'), fullPage: true });
    assert.equal(await show.getAttribute('aria-expanded'), 'true', '"Show hidden" is expanded');
    const n = await restores.count();
    assert.ok(n >= WIDGETS.length, `at least one "Restore" per hidden widget (${n})`);
    // Each entry says what it is and why: some text besides the button.
    const entries = await restores.evaluateAll((bs) => bs.map((btn) => {
      const item = btn.closest('li, [role=listitem]') ?? btn.parentElement;
      return item.innerText.replace(btn.innerText, '').replace(/\s+/g, ' ').trim();
    }));
    assert.ok(entries.every((e) => e.length >= 8), `every hidden entry shows a kind and a reason: ${JSON.stringify(entries)}`);
    const hiddenBefore = visibleWidgetTexts(await bodyText(page)).length;
    const textBefore = norm(await bodyText(page)).length;
    await restores.first().click();
    await until(async () => norm(await bodyText(page)).length > textBefore, { timeout: 5000, message: 'the restored block to show' }).catch(() => {});
    assert.ok(norm(await bodyText(page)).length > textBefore, 'the first "Restore" shows its block again');
    assert.equal(hiddenBefore, 0);
    assert.deepEqual(missingParagraphs(await bodyText(page)), [], 'the article is still all there');
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });

  test('clicking an outline entry in the popup scrolls the page to that heading', T, async () => {
    const page = await b.openPage(server.url('/reference/'));
    const popup = await b.clickToolbarButton(page);
    const target = 'III. A Pattern of Cyber Intrusions';
    const item = popup.getByRole('treeitem', { name: target, exact: false }).first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'page starts at the top');
    await item.click();
    const heading = page.getByText(target, { exact: true }).first();
    const inView = () => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight * 0.5; });
    await until(inView, { timeout: 5000, message: `"${target}" to scroll into view` }).catch(() => {});
    assert.ok(await inView(), `"${target}" is in the top half of the viewport after the click (scrollY=${await page.evaluate(() => scrollY)})`);
    // Keyboard: Enter on another entry.
    const other = popup.getByRole('treeitem', { name: 'Conclusion', exact: false }).first();
    await other.focus();
    await other.press('Enter');
    const concl = page.getByText('Conclusion', { exact: true }).first();
    const conclInView = () => concl.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight; });
    await until(conclInView, { timeout: 5000, message: '"Conclusion" to scroll into view' }).catch(() => {});
    assert.ok(await conclInView(), 'Enter on "Conclusion" scrolls to it');
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });

  test('reader view shows the article and its outline, keeps the dark theme, and Escape restores the page at the same scroll', T, async (t) => {
    let themeReset = false;
    // Leave the theme as it was for later tests (through the reader's own control), even on failure.
    t.after(async () => {
      if (themeReset) return;
      const p = await b.openPage(server.url('/reference/'));
      const f = await openReader(p, null).catch(() => null);
      if (f) await chooseTheme(f, 'light').catch(() => {});
      await p.close();
    });
    const page = await b.openPage(server.url('/reference/'));
    const before = await bodyText(page);
    await page.evaluate(() => window.scrollTo(0, 1500));
    const scrollBefore = await page.evaluate(() => window.scrollY);
    assert.ok(scrollBefore > 1000, 'page scrolled down before reader view');

    let frame = await openReader(page, null);
    await page.screenshot({ path: path.join(OUT, 'reader-light.png') });
    const readerText = await frame.evaluate(() => document.body.innerText);
    assert.deepEqual(missingParagraphs(readerText), [], 'reader view shows every article paragraph');
    assert.deepEqual(visibleWidgetTexts(readerText), [], 'reader view shows no widget');
    assert.ok(norm(readerText).includes(TITLE), 'reader view shows the title');
    const outlineText = norm(await frame.locator('nav, [role=navigation], [role=tree], aside').allInnerTexts().then((a) => a.join(' ')));
    const missingOutline = OUTLINE.map(([, t]) => t).filter((t) => !outlineText.includes(t));
    assert.deepEqual(missingOutline, [], 'reader view has an outline panel (nav / tree) with every heading');

    const themeError = await chooseTheme(frame, 'dark').then(() => null, (e) => e);
    await until(async () => luminance(await readerBackground(frame)) < 0.35, { timeout: 5000, message: 'a dark background' }).catch(() => {});
    await page.screenshot({ path: path.join(OUT, 'reader-dark.png') });
    assert.equal(themeError?.message, undefined, 'reader view has a "dark" theme control');
    assert.ok(luminance(await readerBackground(frame)) < 0.35, `dark theme gives a dark background (${await readerBackground(frame)})`);

    // The settings panel is still open: Escape may close it first, the next Escape leaves reader view.
    for (let i = 0; i < 2 && (await readerHost(page).count()) > 0; i++) {
      await pressEscape(page);
      await until(async () => (await readerHost(page).count()) === 0, { timeout: 2000, message: 'reader view to close on Escape' }).catch(() => {});
    }
    assert.equal(await readerHost(page).count(), 0, 'Escape (twice at most: once for the open settings panel) removes reader view');
    assert.equal(norm(await bodyText(page)), norm(before), 'the page underneath is untouched');
    const scrollAfter = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(scrollAfter - scrollBefore) <= 2, `scroll position restored (${scrollBefore} -> ${scrollAfter})`);

    // Settings persist: reader view opened again (a new page load) is still dark.
    await page.reload();
    frame = await openReader(page, null);
    await until(async () => luminance(await readerBackground(frame)) < 0.35, { timeout: 5000, message: 'the dark theme after reopening' }).catch(() => {});
    assert.ok(luminance(await readerBackground(frame)) < 0.35, 'the chosen theme persists (storage.sync)');
    const stored = await b.sw.evaluate(() => chrome.storage.sync.get(null));
    assert.match(JSON.stringify(stored), /dark/, `the theme is in storage.sync (${JSON.stringify(stored)})`);
    await chooseTheme(frame, 'light');
    themeReset = true;
    const close = frame.getByRole('button', { name: 'Close reader view', exact: true });
    await close.waitFor({ state: 'visible', timeout: 5000 });
    // The click removes the frame the button lives in: do not wait for Chromium to acknowledge it.
    await Promise.race([close.click({ noWaitAfter: true }).catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
    await until(async () => (await readerHost(page).count()) === 0, { timeout: 5000, message: 'the "Close reader view" button to close it' }).catch(() => {});
    assert.equal(await readerHost(page).count(), 0, '"Close reader view" removes reader view');
    await page.close();
  });

  test('strict-CSP page: reader view works (analysis through the background)', T, async () => {
    const page = await b.openPage(server.url('/csp/'));
    const frame = await openReader(page, null);
    const text = await frame.evaluate(() => document.body.innerText);
    assert.deepEqual(missingParagraphs(text), [], 'reader view shows every paragraph on the strict-CSP page');
    await pressEscape(page);
    await until(async () => (await readerHost(page).count()) === 0, { timeout: 5000, message: 'reader view to close' }).catch(() => {});
    assert.equal(await readerHost(page).count(), 0);
    await page.close();
  });
});

describe('Chromium: other pages', SUITE, () => {
  test('right-to-left page: clean hides the comment form and lists, reader view is right-to-left', T, async () => {
    const page = await b.openPage(server.url('/rtl/'));
    const popup = await clickPopupButton(page, null, 'Clean page');
    const gone = async () => { const t = norm(await bodyText(page)); return RTL.widgets.filter((w) => t.includes(w)); };
    await until(async () => (await gone()).length === 0, { timeout: 15000, message: 'the widgets to disappear' }).catch(() => {});
    const t = norm(await bodyText(page));
    assert.deepEqual(RTL.paragraphs.filter((p) => !t.includes(p)), [], 'every paragraph stays visible');
    assert.deepEqual(await gone(), [], 'comment form, read-more and most-read lists are hidden');
    const outline = norm(await popup.getByRole('tree').innerText());
    assert.deepEqual(RTL.outline.filter((h) => !outline.includes(h)), [], 'the popup outline lists the Arabic headings');
    await clickPopupButton(page, popup, 'Clean page');
    if (!popup.isClosed()) await popup.close();
    const frame = await openReader(page, null, RTL.paragraphs);
    const rt = norm(await frame.evaluate(() => document.body.innerText));
    assert.deepEqual(RTL.paragraphs.filter((p) => !rt.includes(p)), [], 'reader view shows every paragraph');
    await page.screenshot({ path: path.join(OUT, 'reader-rtl.png') });
    const dir = await frame.getByText(RTL.paragraphs[1]).first().evaluate((el) => getComputedStyle(el).direction);
    assert.equal(dir, 'rtl', 'reader view lays the Arabic article out right-to-left');
    await pressEscape(page);
    await page.close();
  });

  test('page with no article: the popup says it is not an article and that there is no outline', T, async () => {
    const page = await b.openPage(server.url('/no-article/'));
    const popup = await b.clickToolbarButton(page);
    await until(async () => /not an article/i.test(await popup.evaluate(() => document.body.innerText)), { timeout: 15000, message: '"not an article"' }).catch(() => {});
    await popup.screenshot({ path: path.join(OUT, 'popup-no-article.png') });
    const text = norm(await popup.evaluate(() => document.body.innerText));
    assert.match(text, /not an article/i, `popup says "not an article"; it shows: ${text.slice(0, 300)}`);
    assert.match(text, /No outline on this page/, 'popup says there is no outline');
    assert.equal(await popup.getByRole('treeitem').count(), 0, 'no outline entries');
    const badge = await b.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), await b.tabId(page));
    assert.equal(badge, '', 'no article badge on a page that is not an article');
    await popup.close();
    await page.close();
  });

  test('no network request beyond the test pages and the extension\'s own files (last: closes the browser)', T, async () => {
    assert.ok(b.requests.some((r) => r.url.startsWith(server.origin)), 'the recorder saw the page loads');
    assert.deepEqual(b.foreignRequests(server.origin), [], 'requests seen by the pages, popup and worker to anything else');
    const netLog = await closeBrowser();
    fs.writeFileSync(path.join(OUT, 'netlog-requests.log'), netLog.map((r) => `${r.initiator} ${r.url}`).join('\n') + '\n');
    assert.ok(netLog.some((r) => r.url.startsWith(server.origin)), 'the net log saw the page loads');
    // Requests the extension or a test page asked for (the test pages have no scripts and only
    // data: images, so a page-initiated request elsewhere comes from the content script).
    const caused = netLog.filter((r) => r.initiator === b.extOrigin || r.initiator === server.origin);
    assert.deepEqual(caused.filter((r) => !r.url.startsWith(server.origin + '/')).map((r) => `${r.initiator} -> ${r.url}`), [],
      'requests in Chromium\'s net log, made by the extension or in a test page, to anything but the test server');
    assert.deepEqual(server.unexpected(), [], 'requests to the test server other than the pages opened');
  });
});
