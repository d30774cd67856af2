#!/usr/bin/env bash
# Builds the transfer-format experiment into target/bench/transfer/{objects,json,flat}/, each a
# drop-in for extension/wasm (sift.js + sift_bg.wasm, wasm-opt -Oz) whose `wasm_bindgen.analyze`
# takes that format; bench/transfer/capture.js produces it. Then, for each format:
#   node scripts/bench-browser.mjs --wasm-dir target/bench/transfer/FORMAT --capture bench/transfer/capture.js
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR=$PWD/target/bench/transfer-build
cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path bench/transfer/Cargo.toml
raw=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/sift_bench_transfer.wasm
for format in objects json flat; do
  out=target/bench/transfer/$format
  mkdir -p "$out"
  wasm-bindgen --target no-modules --no-typescript --out-dir "$out" --out-name sift "$raw"
  ./node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/sift_bg.wasm" -o "$out/sift_bg.wasm"
  cat >> "$out/sift.js" <<JS
// bench/transfer/build.sh: analyze(snapshot, options) in the '$format' format.
globalThis.__siftTransferFormat = '$format';
wasm_bindgen.analyze = (s, o) => {
  const reader = Boolean(o && o.reader);
  const r = '$format' === 'flat' ? wasm_bindgen.analyze_flat(new Uint32Array(s.meta), s.strings, s.url, reader)
    : '$format' === 'json' ? wasm_bindgen.analyze_json(s, reader) : wasm_bindgen.analyze_objects(s, reader);
  return typeof r === 'string' ? { ok: false, error: { kind: 'error', message: r } } : { ok: true, analysis: r };
};
JS
done
echo "transfer: built target/bench/transfer/{objects,json,flat}" >&2
