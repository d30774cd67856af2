// Static test server for the e2e tests (Node `http`, 127.0.0.1, a random free port).
// Serves the test pages with chosen headers and records every request it receives, so a test can
// fail on any request that is not one of the pages it opened (the extension must fetch nothing).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

/** Finds a fixture page: the repo's tests/fixtures, else $SIFT_FIXTURES_DIR (while a fixture is
 * still on another branch). */
export function fixturePath(name) {
  const candidates = [path.join(repoRoot, 'tests/fixtures', name, 'page.html')];
  if (process.env.SIFT_FIXTURES_DIR) {
    candidates.push(path.join(process.env.SIFT_FIXTURES_DIR, name, 'page.html'));
  }
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`fixture ${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}

const STRICT_CSP = "script-src 'self'";

/** The test pages: URL path -> file and extra response headers. */
export const PAGES = {
  '/reference/': { file: () => fixturePath('reference-wordpress'), headers: {} },
  '/hashed/': { file: () => fixturePath('reference-hashed'), headers: {} },
  // Same page, with a CSP that stops Chromium from compiling wasm in content scripts.
  '/csp/': { file: () => fixturePath('reference-wordpress'), headers: { 'Content-Security-Policy': STRICT_CSP } },
  '/rtl/': { file: () => path.join(here, '../pages/rtl.html'), headers: {} },
  '/no-article/': { file: () => path.join(here, '../pages/no-article.html'), headers: {} },
};

/** Paths a browser asks for on its own (not caused by the extension). */
const BROWSER_OWN = new Set(['/favicon.ico']);

export async function startServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname, search: url.search, referer: req.headers.referer ?? null });
    const page = PAGES[url.pathname];
    if (page) {
      let body;
      try {
        body = fs.readFileSync(page.file());
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(e.message));
        console.error(`test server: ${e.message}`);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers });
      res.end(body);
    } else if (BROWSER_OWN.has(url.pathname)) {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p) => origin + p,
    requests,
    /** Requests that are neither a test page nor the browser's own favicon look-up. */
    unexpected: () => requests.filter((r) => !(r.path in PAGES) && !BROWSER_OWN.has(r.path)),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// `node tests/e2e/lib/server.mjs` serves the pages by hand and prints their URLs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startServer();
  for (const p of Object.keys(PAGES)) console.log(s.url(p));
}
