// The capture (extension/content/capture.js) on a live page in Debian's Chromium:
// - its hidden flags are exactly the computed style's (display:none or visibility:hidden on the
//   element itself, not looked at under a hidden ancestor), although it asks checkVisibility()
//   first and getComputedStyle only when that says "not visible": the cases where the two differ
//   (display:contents, a closed <details>, visibility:collapse, content-visibility:hidden,
//   opacity:0) are on the page; the two exceptions, on purpose: elements HTML's rendering
//   rules hide (script, style, ...) are hidden even when an author rule shows one, and nothing
//   inside <svg> or <math> is looked at;
// - the flat snapshot carries every text and attribute value exactly (non-ASCII, astral
//   characters, a lone surrogate, NUL), as SiftCapture.expand reads it back, with lengths in
//   UTF-16 units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './lib/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const CAPTURE = fs.readFileSync(path.join(repoRoot, 'extension/content/capture.js'), 'utf8');

const PAGE = `<!doctype html><html lang="en"><head><title>t</title>
<style>.gone{display:none}.ghost{visibility:hidden}.contents{display:contents}
.collapse{visibility:collapse}.cv{content-visibility:hidden}.faded{opacity:0}
.back{visibility:visible}</style></head><body>
<p>visible <b>bold</b></p>
<div class="gone"><p>inside display none</p></div>
<div class="ghost"><p class="back">visible again inside a hidden parent</p></div>
<div class="contents"><p>in display contents</p></div>
<details><summary>Sum</summary><p>closed details body</p></details>
<table><tr class="collapse"><td>collapsed row</td></tr></table>
<div class="cv"><p>content-visibility hidden child</p></div>
<p class="faded">transparent</p>
<div hidden>hidden attribute</div>
<input type="hidden" name="h" value="x">
<dialog><p>closed dialog</p></dialog>
<p style="display:none">inline none</p>
<p title="Grüße 😀 end" data-x="a&quot;b">Grüße, 世界 😀 and ascii</p>
<p id="odd"></p>
<script>/* in the body */</script><style class="shown">.shown{display:block}</style>
<svg width="10" height="10"><g style="display:none"><text>svg part</text></g><defs><path d="M0 0"/></defs></svg>
</body></html>`;

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

async function captured() {
  const page = await browser.newPage();
  await page.setContent(PAGE);
  await page.evaluate((src) => { (0, eval)(src); }, CAPTURE);
  // A lone surrogate and a NUL in a text node and an attribute (only script can put them there).
  await page.evaluate(() => {
    const odd = document.getElementById('odd');
    odd.setAttribute('data-odd', 'x\uD83D\u0000y');
    odd.append('\uDE00tail\u0000');
  });
  const out = await page.evaluate((UA_NONE) => {
    const { snapshot, elements } = globalThis.SiftCapture.capture(document);
    const nodes = globalThis.SiftCapture.expand(snapshot);
    // The reference: computed style on every body element not under a hidden one.
    const want = [];
    const hiddenAt = new Set();
    elements.forEach((el, i) => {
      if (el.nodeType !== 1) return want.push(null);
      const parentId = nodes[i].parent;
      const inBody = el.closest('body') !== null;
      const underHidden = parentId >= 0 && (hiddenAt.has(parentId) || want[parentId] === 'under');
      if (!inBody) return want.push(false);
      if (underHidden) return want.push('under');
      // The two exceptions (see capture.js): inside <svg>/<math> nothing is asked; the elements
      // HTML's rendering rules hide are hidden whatever the author's CSS says.
      if (el.parentElement.closest('svg, math')) return want.push(false);
      if (UA_NONE.includes(el.localName)) return want.push(true);
      const cs = getComputedStyle(el);
      const h = cs.display === 'none' || cs.visibility === 'hidden';
      if (h) hiddenAt.add(i);
      return want.push(h);
    });
    const got = nodes.map((n, i) => (elements[i].nodeType !== 1 ? null : want[i] === 'under' ? 'under' : !!n.hidden));
    // Under a hidden ancestor the capture records no flag of its own.
    const underFlags = nodes.filter((n, i) => want[i] === 'under' && n.hidden).length;
    const texts = nodes.map((n, i) => (n.tag === '#text' ? [n.text, elements[i].data] : null)).filter(Boolean);
    const attrs = nodes.map((n, i) => (n.attrs ? [n.attrs, [...elements[i].attributes].map((a) => [a.name, a.value])] : null)).filter(Boolean);
    const labelled = nodes.map((n, i) => ({ tag: n.tag, text: elements[i].textContent.trim().slice(0, 40), hidden: got[i] }));
    const shownStyle = getComputedStyle(document.querySelector('style.shown')).display;
    return { want, got, underFlags, texts, attrs, labelled, shownStyle, version: snapshot.version, textIsString: typeof snapshot.text };
  }, ['area', 'base', 'basefont', 'datalist', 'head', 'link', 'meta', 'noembed', 'noframes', 'param', 'rp',
    'script', 'style', 'template', 'title']);
  await page.close();
  return out;
}

test('live hidden flags equal the computed style, element by element', async () => {
  const r = await captured();
  assert.equal(r.version, 2);
  assert.equal(r.textIsString, 'string');
  assert.deepEqual(r.got, r.want.map((w) => (w === null ? null : w)));
  assert.equal(r.underFlags, 0);
  const hiddenTexts = r.labelled.filter((l) => l.hidden === true).map((l) => l.text).sort();
  // The cases checkVisibility() calls "not visible" while the computed style does not hide them:
  for (const shown of ['in display contents', 'closed details body', 'collapsed row', 'content-visibility hidden child', 'transparent']) {
    assert.ok(!hiddenTexts.includes(shown), `${shown} must not be hidden`);
  }
  // The author's rule does show that <style> (so the exception is exercised), and the
  // display:none group inside the <svg> is recorded as not hidden (not looked at).
  assert.equal(r.shownStyle, 'block');
  assert.ok(r.labelled.some((l) => l.tag === 'g' && l.hidden === false), 'the <svg> group is not looked at');
  for (const gone of ['inside display none', 'visible again inside a hidden parent', 'hidden attribute', 'closed dialog', 'inline none']) {
    assert.ok(hiddenTexts.includes(gone), `${gone} must be hidden (got ${JSON.stringify(hiddenTexts)})`);
  }
});

test('texts and attribute values come back exactly from the flat snapshot', async () => {
  const r = await captured();
  for (const [got, want] of r.texts) assert.equal(got, want);
  for (const [got, want] of r.attrs) assert.deepEqual(got, want);
  assert.ok(r.texts.some(([t]) => t.includes('😀')), 'the astral text is there');
  assert.ok(r.attrs.some(([a]) => a.some(([k, v]) => k === 'data-odd' && v === 'x\uD83D\u0000y')), 'the lone surrogate and NUL survive');
});
