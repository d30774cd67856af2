#!/usr/bin/env bash
# Runs every end-to-end test: the built extension in Debian's Chromium (playwright-core) and in
# Firefox ESR (selenium-webdriver + geckodriver), and every other tests/e2e/*.test.mjs (the www
# playground test among them). Needs `make build` first (target/extension/{chrome,firefox}).
# Screenshots and logs go to test-output/. Output ends with node's test runner summary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

for d in target/extension/chrome target/extension/firefox; do
  if [ ! -f "$d/manifest.json" ]; then
    echo "test-e2e: $d/manifest.json is missing: run 'make build' (or 'make extension') first" >&2
    exit 1
  fi
done
mkdir -p test-output

echo "test-e2e: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), firefox $(/usr/bin/firefox-esr --version 2>/dev/null | awk '{print $3}'), $(geckodriver --version 2>/dev/null | head -n1), node $(node --version)"
echo "test-e2e: screenshots and logs in test-output/"

# One file at a time: the machine has 2 cores and each file starts a browser.
exec node --test --test-concurrency=1 --test-reporter=spec tests/e2e/*.test.mjs
