// Launches Firefox ESR through geckodriver (selenium-webdriver) with the built extension installed as
// a temporary add-on under a fixed uuid. The toolbar button is pressed the way Firefox itself does
// for a click or a shortcut (the browser action's triggerAction, from the privileged chrome context),
// which grants activeTab; the popup's logic is then driven in a tab (popup/popup.html?tab=N).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { repoRoot } from './server.mjs';
import { until } from './chromium.mjs';

export const FIREFOX_EXT_DIR = path.join(repoRoot, 'target/extension/firefox');
export const EXT_UUID = '5f1e7a2c-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
export { By, Key };

function geckodriverPath() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const cargo = path.join(process.env.HOME ?? '/root', '.cargo/bin/geckodriver');
  if (fs.existsSync(cargo)) return cargo;
  return execFileSync('sh', ['-c', 'command -v geckodriver'], { encoding: 'utf8' }).trim();
}

/** `prefs`: extra Firefox preferences (e.g. a recording proxy for the no-network test). */
export async function launchFirefox({ extDir = FIREFOX_EXT_DIR, prefs = {} } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('target/extension/firefox/manifest.json has no browser_specific_settings.gecko.id');
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr')
    .addArguments('-headless', '--width=1280', '--height=900')
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [geckoId]: EXT_UUID }))
    // No background traffic of Firefox's own.
    .setPreference('app.update.enabled', false)
    .setPreference('browser.shell.checkDefaultBrowser', false);
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  // --allow-system-access: lets the tests use the chrome context to press the toolbar button.
  const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  await driver.installAddon(extDir, true);
  const extOrigin = `moz-extension://${EXT_UUID}`;

  const f = {
    driver, geckoId, extOrigin,
    bodyText: () => driver.executeScript('return document.body.innerText'),

    /** Opens a URL in a new tab and returns its window handle. */
    async openPage(url) {
      await driver.switchTo().newWindow('tab');
      await driver.get(url);
      return driver.getWindowHandle();
    },

    /** Presses the toolbar button for the selected tab, as a click would (grants activeTab).
     * Returns the extension's id for that tab. */
    async pressToolbarButton() {
      await driver.setContext('chrome');
      try {
        return await driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          (async () => {
            const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
            const ext = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension;
            const win = Services.wm.getMostRecentWindow('navigator:browser');
            const tabId = ExtensionParent.apiManager.global.tabTracker.getId(win.gBrowser.selectedTab);
            await ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(win);
            // The real popup opened in its panel; close it: the tests drive the popup in a tab.
            await new Promise((r) => setTimeout(r, 300));
            win.document.querySelectorAll('panel[viewId], #customizationui-widget-panel').forEach((p) => p.hidePopup?.());
            return tabId;
          })().then(done, (e) => done('ERROR ' + e));`);
      } finally {
        await driver.setContext('content');
      }
    },

    /** Presses the toolbar button for the page in `handle`, then opens popup/popup.html?tab=N in a
     * new tab. Returns the popup's window handle. */
    async openPopup(handle) {
      await driver.switchTo().window(handle);
      const tabId = await f.pressToolbarButton();
      if (typeof tabId !== 'number') throw new Error(`pressing the toolbar button failed: ${tabId}`);
      await driver.switchTo().newWindow('tab');
      await driver.get(`${extOrigin}/popup/popup.html?tab=${tabId}`);
      return driver.getWindowHandle();
    },

    /** The visible element with role `role` whose accessible name is exactly `name`. */
    async byRoleName(role, name, { timeout = 15000 } = {}) {
      return until(async () => {
        const css = role === 'button' ? 'button, [role=button], input[type=button]' : `[role=${role}]`;
        for (const el of await driver.findElements(By.css(css))) {
          if ((await el.getAccessibleName().catch(() => '')).trim() === name && await el.isDisplayed()) return el;
        }
        return null;
      }, { timeout, message: `a ${role} named "${name}"` });
    },

    async screenshot(file) {
      fs.writeFileSync(file, await driver.takeScreenshot(), 'base64');
    },

    /** Closes every window but `keep` and switches to it. */
    async closeOtherTabs(keep) {
      for (const h of await driver.getAllWindowHandles()) {
        if (h !== keep) { await driver.switchTo().window(h); await driver.close(); }
      }
      await driver.switchTo().window(keep);
    },
    async quit() { await driver.quit().catch(() => {}); },
  };
  return f;
}
