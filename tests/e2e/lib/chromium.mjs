// Launches Debian's Chromium with the built extension and gives the tests what a user has: tabs, the
// real toolbar button (CDP Extensions.triggerAction, which grants activeTab like a click), and the
// popup it opens. Records every network request any context makes (pages, popup, service worker).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './server.mjs';

export const CHROME_EXT_DIR = path.join(repoRoot, 'target/extension/chrome');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value (or throws the last error after `timeout` ms). */
export async function until(fn, { timeout = 10000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    const left = Math.max(end - Date.now(), 50);
    let timer;
    try {
      // A call that never settles (e.g. evaluate in a frame being torn down) must not hang the test.
      const v = await Promise.race([fn(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('call did not settle')), left); })]);
      if (v) return v;
    } catch (e) { last = e; } finally { clearTimeout(timer); }
    if (Date.now() > end) throw new Error(`timed out waiting for ${message}${last ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

export async function launchChromium({ extDir = CHROME_EXT_DIR } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-e2e-chromium-'));
  // Chromium's own record of every network request, from every context (pages, popup, worker).
  const netLog = `${userDataDir}.netlog.json`;
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      // Chromium's own background traffic (autofill field-type queries, sign-in account checks,
      // component / default-app updates, safe-browsing and metrics pings): off, so the net log
      // holds what the pages and the extension asked for. The test still attributes requests by
      // initiator, since a new Chromium may add a service these do not cover.
      '--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationHintsFetching,MediaRouter,'
        + 'Translate,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater,DialMediaRouteProvider',
      '--disable-default-apps', '--no-default-browser-check', '--disable-client-side-phishing-detection',
      '--disable-domain-reliability', '--metrics-recording-only', '--disable-component-extensions-with-background-pages',
      '--allow-browser-signin=false', '--disable-breakpad', '--password-store=basic', '--use-mock-keychain',
      // Lets CDP press the extension's toolbar button (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging', '--remote-debugging-port=0',
      `--log-net-log=${netLog}`,
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(sw.url()).host;

  // A second, CDP-level connection to the same browser: it sees the real popup (which the
  // persistent context does not list) and can send browser-level commands.
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  await until(() => fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').includes('\n'), { message: 'DevToolsActivePort' });
  const port = fs.readFileSync(portFile, 'utf8').split('\n')[0];
  const cdpEndpoint = `http://127.0.0.1:${port}`;
  const cdpBrowser = await chromium.connectOverCDP(cdpEndpoint);
  const connections = [];
  const browserSession = await cdpBrowser.newBrowserCDPSession();

  // Every request from every context, as URLs. The popup lives in cdpBrowser's context.
  const requests = [];
  // `worker`: made by a service worker (the extension's background), not by a page or frame.
  const record = (who) => (req) => requests.push({ who, url: req.url(), worker: !!req.serviceWorker?.() });
  ctx.on('request', record('context'));
  for (const c of cdpBrowser.contexts()) c.on('request', record('cdp'));
  const consoleLog = [];
  const watchConsole = (p, who) => p.on('console', (m) => consoleLog.push(`[${who}] ${m.type()}: ${m.text()}`));
  ctx.on('page', (p) => watchConsole(p, 'page'));
  for (const p of ctx.pages()) watchConsole(p, 'page');

  let seq = 0;
  const h = {
    ctx, sw, extensionId, cdpBrowser, browserSession, requests, consoleLog,
    extOrigin: `chrome-extension://${extensionId}`,

    /** Opens a test page in a new tab (unique URL so its tab can be found). */
    /** `timeout`: for the page's own load (ms; Playwright's default 30 s when absent). */
    async openPage(url, { timeout } = {}) {
      const page = await ctx.newPage();
      const u = new URL(url);
      u.searchParams.set('e2e', String(++seq));
      await page.goto(u.href, { waitUntil: 'load', ...(timeout ? { timeout } : {}) });
      await page.bringToFront();
      return page;
    },

    /** The extension's tab id for a page. */
    async tabId(page) {
      const url = page.url();
      const tabs = await sw.evaluate(() => chrome.tabs.query({}));
      const t = tabs.find((x) => x.url === url);
      if (!t) throw new Error(`no tab for ${url}`);
      return t.id;
    },

    /** Presses the toolbar button for `page`'s tab and returns the real popup (a Playwright page). */
    async clickToolbarButton(page) {
      await page.bringToFront();
      const url = page.url();
      const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{}] });
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}`);
      const isPopup = (u) => u.startsWith(`${h.extOrigin}/popup/`);
      const before = new Set((await browserSession.send('Target.getTargets')).targetInfos.filter((t) => isPopup(t.url)).map((t) => t.targetId));
      await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      await until(async () => (await browserSession.send('Target.getTargets')).targetInfos.some((t) => t.type === 'page' && isPopup(t.url) && !before.has(t.targetId)),
        { message: 'the toolbar popup to open' });
      // A CDP connection lists only the pages that existed when it was made: connect again.
      const conn = await chromium.connectOverCDP(cdpEndpoint);
      connections.push(conn);
      const popup = await until(() => conn.contexts().flatMap((c) => c.pages()).find((p) => isPopup(p.url())),
        { message: 'the popup page' });
      popup.on('request', record('popup'));
      watchConsole(popup, 'popup');
      await popup.waitForLoadState('load');
      return popup;
    },

    /** Opens popup/popup.html?tab=N in a tab (the contract's testing entry point). */
    async openPopupInTab(page) {
      const id = await h.tabId(page);
      const popup = await ctx.newPage();
      await popup.goto(`${h.extOrigin}/popup/popup.html?tab=${id}`);
      return popup;
    },

    /** Requests that were neither the test server's pages nor the extension's own packaged files
     * (at its fixed origin, or at a per-session dynamic origin, a GUID, as Chrome gives
     * `use_dynamic_url` web-accessible resources; only this extension is loaded). */
    foreignRequests(serverOrigin) {
      const ownDynamic = (url) => {
        const m = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/([^?#]+)$/.exec(url);
        return !!m && fs.existsSync(path.join(extDir, m[1]));
      };
      return requests.filter(({ url }) => !(url.startsWith(serverOrigin + '/') || url.startsWith(h.extOrigin + '/') || ownDynamic(url)
        || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' || url.startsWith('about:srcdoc')));
    },

    /** Closes the browser; returns the requests in Chromium's net log as { url, initiator }.
     * `initiator` is the origin that asked (a page, the extension) or "not an origin" for the
     * browser's own traffic (update checks and the like, not caused by the extension). */
    async close() {
      for (const c of connections) await c.close().catch(() => {});
      await cdpBrowser.close().catch(() => {});
      await ctx.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
      const out = [];
      if (fs.existsSync(netLog)) {
        let text = fs.readFileSync(netLog, 'utf8').trimEnd();
        if (process.env.SIFT_E2E_KEEP_NETLOG) fs.copyFileSync(netLog, process.env.SIFT_E2E_KEEP_NETLOG);
        fs.rmSync(netLog, { force: true });
        // A log cut short (browser killed) lacks its closing brackets.
        if (!text.endsWith('}')) text = text.replace(/,?\s*$/, '') + ']}';
        const log = JSON.parse(text);
        const START = log.constants.logEventTypes.URL_REQUEST_START_JOB;
        for (const e of log.events) {
          if (e.type === START && e.params?.url) out.push({ url: e.params.url, initiator: e.params.initiator ?? 'not an origin' });
        }
      }
      return out;
    },
  };
  return h;
}
