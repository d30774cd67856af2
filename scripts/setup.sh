#!/usr/bin/env bash
# Sets up everything `make` and `make test` need, on a fresh Debian 12 machine (as root, as CI runs)
# or on a developer's machine. Idempotent: each step checks first and is skipped when its result is
# already there, so a second run takes seconds. One line of output per step.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
# Runs a command quietly; on failure prints its output and stops.
quiet() {
  local log; log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; echo "setup: failed: $*" >&2; exit 1; fi
  rm -f "$log"
}

export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must be the exact version of the `wasm-bindgen = "=X"` pin in Cargo.toml:
# the generated glue and the crate's runtime must agree.
WB_VERSION="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
if [ -z "$WB_VERSION" ]; then
  echo "setup: cannot find the wasm-bindgen = \"=X\" pin in Cargo.toml" >&2
  exit 1
fi

# 1. Rust target for the shipped WebAssembly.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rust target wasm32-unknown-unknown: installing"
  quiet rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI at the pinned version (no --locked: its lockfile pins a crate this registry lacks).
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; then
  say "wasm-bindgen-cli $WB_VERSION: present"
else
  say "wasm-bindgen-cli $WB_VERSION: installing with cargo (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force --quiet
fi

# 3. Browsers, drivers, a virtual display and fonts for readable screenshots (Debian packages).
APT_PACKAGES=(chromium chromium-driver firefox-esr xvfb xauth fonts-noto-core fonts-noto-cjk fonts-dejavu-core)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt packages (${APT_PACKAGES[*]}): present"
else
  say "apt packages: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  quiet $SUDO apt-get update
  quiet $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# 4. geckodriver (Debian 12 has no package for it).
GECKO_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | head -n1 | awk '{print $2}')" = "$GECKO_VERSION" ]; then
  say "geckodriver $GECKO_VERSION: present"
else
  say "geckodriver $GECKO_VERSION: installing with cargo (a few minutes)"
  cargo install geckodriver --version "$GECKO_VERSION" --locked --force --quiet
fi

# 5. npm tooling (playwright-core, selenium-webdriver, binaryen's wasm-opt, web-ext, readability).
#    Re-run `npm ci` only when package-lock.json changed since the last install.
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm packages: present"
else
  say "npm packages: npm ci"
  quiet npm ci --no-audit --no-fund
fi

say "done"
