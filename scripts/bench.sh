#!/usr/bin/env bash
# Speed and size benchmarks (`make bench`). Prints Markdown tables, each under the command that
# produced it, and keeps a copy in target/bench/report.md (BENCHMARKS.md quotes such a run).
#
#   1. native   Sift (`sift read`: parse + analyze) vs dom_smoothie, per page  (bench/native)
#   2. scaling  generated pages of 1k / 10k / 100k nodes: time per node
#   3. memory   peak RSS natively (getrusage) on the largest corpus page and a 100k-node page
#   4. size     the shipped .wasm after wasm-opt -Oz, gzip size, no HTML parser inside
#   5. browser  Sift vs Readability.js vs a plain JS walk in headless Chromium  (scripts/bench-browser.mjs)
#      wasm     the shipped wasm in Node: snapshot decode alone vs the whole analysis  (scripts/bench-wasm.mjs)
#   6. transfer how the snapshot should cross into the wasm: objects vs JSON vs flat arrays
#               (bench/transfer; only with BENCH_ONLY=transfer or BENCH_TRANSFER=1)
#
# Needs ../shared/corpus (exits 2 with a message if it is missing). Knobs (environment):
#   SIFT_CORPUS (../shared/corpus), BENCH_ITERS (5), BENCH_EVERY (5, wcxb-dev sample natively),
#   BENCH_BROWSER_EVERY (20), BENCH_BROWSER_ITERS (3), BENCH_ONLY (space-separated subset of: native scaling memory size wasm browser transfer)
# The machine is shared: timings are noisy, ratios measured in one run are what to quote.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${SIFT_CORPUS:-../shared/corpus}
ITERS=${BENCH_ITERS:-5}
EVERY=${BENCH_EVERY:-5}
BROWSER_EVERY=${BENCH_BROWSER_EVERY:-20}
BROWSER_ITERS=${BENCH_BROWSER_ITERS:-3}
ONLY=${BENCH_ONLY:-native scaling memory size wasm browser}
OUT=target/bench
REPORT=$OUT/report.md

if [ ! -d "$CORPUS/readability-test-pages" ] || [ ! -d "$CORPUS/wcxb-dev/html" ]; then
  echo "bench: the corpus is missing: expected $CORPUS/readability-test-pages and $CORPUS/wcxb-dev/html" >&2
  echo "bench: put the shared folder beside the checkout (../shared) or set SIFT_CORPUS" >&2
  exit 2
fi
mkdir -p "$OUT"
: > "$REPORT"
want() { [[ " $ONLY " == *" $1 "* ]]; }
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
section() { say ""; say "### $1"; say ""; }
cmdline() { say "\`$*\`"; say ""; }

say "# Sift benchmark run: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

NATIVE=$OUT/release/bench-native
if want native || want scaling || want memory; then
  echo "bench: building the native harness (target/bench)" >&2
  CARGO_TARGET_DIR=$OUT cargo build --release --quiet --manifest-path bench/native/Cargo.toml
fi

if want native; then
  section "Native: Sift vs dom_smoothie, per page"
  cmdline "$NATIVE compare --corpus $CORPUS --every $EVERY --iters $ITERS --csv $OUT/native.csv"
  "$NATIVE" compare --corpus "$CORPUS" --every "$EVERY" --iters "$ITERS" --csv "$OUT/native.csv" | tee -a "$REPORT"
fi

if want native; then
  section "Native: where the analysis time goes, pass by pass"
  cmdline "$NATIVE-passes passes --corpus $CORPUS --every $EVERY --iters 3   (cargo feature \`passes\`)"
  # Mirrors sift::analyze; a pass signature change breaks only this step.
  if CARGO_TARGET_DIR=$OUT/passes cargo build --release --quiet --features passes --manifest-path bench/native/Cargo.toml 2>/dev/null; then
    cp "$OUT/passes/release/bench-native" "$NATIVE-passes"
    "$NATIVE-passes" passes --corpus "$CORPUS" --every "$EVERY" --iters 3 | tee -a "$REPORT"
  else
    say "(not measured: the pass-by-pass build failed; a pass signature changed in src/lib.rs)"
  fi
fi

if want scaling; then
  section "Native: scaling with page size (generated pages)"
  cmdline "$NATIVE scaling"
  "$NATIVE" scaling | tee -a "$REPORT"
fi

if want memory; then
  section "Native: peak memory (max RSS of one process running one engine once)"
  read -r BIG BIGLEN < <("$NATIVE" largest --corpus "$CORPUS" --every 1)
  cmdline "$NATIVE once --engine sift|smoothie|none FILE   (prints getrusage's peak RSS, as /usr/bin/time -f %M does)"
  say "| page | engine | max RSS MB | minus baseline (file read, no engine) MB |"
  say "|---|---|---:|---:|"
  for target in "$BIG" gen:100000; do
    base=""
    for engine in none sift smoothie; do
      kb=$("$NATIVE" once --engine "$engine" "$target" 2>/dev/null | tail -n1)
      [ "$engine" = none ] && base=$kb
      label=$target
      [ "$target" = "$BIG" ] && label="largest corpus page $(basename "$BIG") ($((BIGLEN / 1024)) KB)"
      [ "$target" = gen:100000 ] && label="generated, 100k nodes"
      say "| $label | ${engine/smoothie/dom_smoothie} | $(awk -v k="$kb" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$kb" -v b="$base" 'BEGIN{printf "%.1f", (k-b)/1024}') |"
    done
  done
fi

if want size; then
  section "Size of the shipped wasm"
  WASM=extension/wasm/sift_bg.wasm
  if [ ! -f "$WASM" ] && [ -f scripts/build-wasm.sh ]; then
    echo "bench: building the wasm (scripts/build-wasm.sh)" >&2
    bash scripts/build-wasm.sh >&2
  fi
  if [ -f "$WASM" ]; then
    PARSER_RE='html5ever|markup5ever|tendril|ego.tree|scraper[-/]|selectors[-/]'
    cmdline "wc -c $WASM; gzip -9 -c $WASM | wc -c; grep -c -a -i -E '$PARSER_RE' $WASM"
    bytes=$(wc -c < "$WASM")
    gz=$(gzip -9 -c "$WASM" | wc -c)
    glue=$(wc -c < extension/wasm/sift.js)
    parser_hits=$(grep -c -a -i -E "$PARSER_RE" "$WASM" || true)
    say "| file | bytes | KB | gzip -9 KB | target |"
    say "|---|---:|---:|---:|---|"
    say "| $WASM (after wasm-opt -Oz) | $bytes | $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1024}') | $(awk -v b="$gz" 'BEGIN{printf "%.1f", b/1024}') | <= 150 KB: $([ "$bytes" -le $((150 * 1024)) ] && echo met || echo NOT met) |"
    say "| extension/wasm/sift.js (glue) | $glue | $(awk -v b="$glue" 'BEGIN{printf "%.1f", b/1024}') | $(awk -v b="$(gzip -9 -c extension/wasm/sift.js | wc -c)" 'BEGIN{printf "%.1f", b/1024}') | |"
    say ""
    say "HTML parser traces (crate names/paths: $PARSER_RE) in the shipped wasm: $parser_hits."
    say "(The bare word 'scraper' occurs $(grep -o -a -i scraper "$WASM" | wc -l) time(s): pattern-table words such as the ad size 'skyscraper', not the crate.)"
    if command -v cargo >/dev/null; then
      deps=$(cargo tree --quiet --target wasm32-unknown-unknown --no-default-features -e normal --prefix none 2>/dev/null \
        | grep -c -i -E '^(scraper|html5ever|markup5ever|ego-tree|selectors) ' || true)
      say "Parser crates in \`cargo tree --target wasm32-unknown-unknown --no-default-features -e normal\`: $deps."
    fi
    RAW=target/wasm32-unknown-unknown/wasm/sift.wasm
    if [ -f "$RAW" ]; then
      # The shipped pipeline again, names kept (-g changes no optimisation), to see where bytes go.
      rm -rf "$OUT/wasm-names" && mkdir -p "$OUT/wasm-names"
      wasm-bindgen --target no-modules --no-typescript --out-dir "$OUT/wasm-names" --out-name sift "$RAW"
      node scripts/prune-table.mjs "$OUT/wasm-names/sift_bg.wasm" "$OUT/wasm-names/sift_bg.wasm"
      . scripts/wasm-opt-args.sh
      ./node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" -g "$OUT/wasm-names/sift_bg.wasm" -o "$OUT/wasm-names/named.wasm"
      say ""
      say "Where the bytes go (same pipeline with the name section kept):"
      say ""
      cmdline "node scripts/bench-wasm-size.mjs $OUT/wasm-names/named.wasm --top 12"
      node scripts/bench-wasm-size.mjs "$OUT/wasm-names/named.wasm" --top 12 | tee -a "$REPORT"
    fi
  else
    say "**Not measured**: $WASM is missing and scripts/build-wasm.sh is not there to build it."
  fi
fi

if want wasm; then
  section "wasm in Node: snapshot decode alone vs the whole analysis, per page"
  cargo build --release --quiet --example snapshot_flat
  cmdline "node scripts/bench-wasm.mjs --corpus $CORPUS --iters 7"
  node scripts/bench-wasm.mjs --corpus "$CORPUS" --iters 7 | tee -a "$REPORT"
fi

if want browser; then
  section "Browser: Sift vs Readability.js vs the JS floor, per page, headless Chromium"
  cmdline "node scripts/bench-browser.mjs --corpus $CORPUS --every $BROWSER_EVERY --iters $BROWSER_ITERS --json $OUT/browser.json"
  node scripts/bench-browser.mjs --corpus "$CORPUS" --every "$BROWSER_EVERY" --iters "$BROWSER_ITERS" --json "$OUT/browser.json" | tee -a "$REPORT"
  section "Browser: the same pages served with a strict CSP (no 'wasm-unsafe-eval'): extension path only"
  cmdline "node scripts/bench-browser.mjs --csp --corpus $CORPUS --every 50 --stride 4 --iters $BROWSER_ITERS --json $OUT/browser-csp.json"
  node scripts/bench-browser.mjs --csp --corpus "$CORPUS" --every 50 --stride 4 --iters "$BROWSER_ITERS" --json "$OUT/browser-csp.json" | tee -a "$REPORT"
  # The largest corpus page (the one the native memory row uses), alone: its memory in the browser.
  if [ -x "$NATIVE" ]; then
    read -r BIG _ < <("$NATIVE" largest --corpus "$CORPUS" --every 1)
    case "$BIG" in
      */readability-test-pages/*) BIGNAME="rtp/$(basename "$(dirname "$BIG")")" ;;
      *) BIGNAME="wcxb/$(basename "$BIG" .html.gz)" ;;
    esac
    section "Browser: the largest corpus page alone ($BIGNAME)"
    cmdline "node scripts/bench-browser.mjs --corpus $CORPUS --every 1 --only $BIGNAME --iters $BROWSER_ITERS --json $OUT/browser-largest.json"
    node scripts/bench-browser.mjs --corpus "$CORPUS" --every 1 --only "$BIGNAME" --iters "$BROWSER_ITERS" --json "$OUT/browser-largest.json" | tee -a "$REPORT"
  fi
fi

if want transfer || [ "${BENCH_TRANSFER:-0}" = 1 ]; then
  section "Browser: snapshot transfer formats (same core, same capture walk, three shapes)"
  bash bench/transfer/build.sh
  say "| format | capture median ms | analyze median ms (transfer + build + passes + result) | total median ms | total p90 ms | JSON hand-off median ms |"
  say "|---|---:|---:|---:|---:|---:|"
  for format in objects json flat; do
    node scripts/bench-browser.mjs --corpus "$CORPUS" --every 50 --stride 4 --iters "$BROWSER_ITERS" --extension none \
      --wasm-dir "target/bench/transfer/$format" --capture bench/transfer/capture.js \
      --json "$OUT/transfer-$format.json" > "$OUT/transfer-$format.md"
    node -e '
      const r = require(process.argv[1]).results;
      const q = (xs, p) => { const v = xs.filter(Number.isFinite).sort((a, b) => a - b); const i = p * (v.length - 1), lo = Math.floor(i), hi = Math.ceil(i); return v[lo] + (v[hi] - v[lo]) * (i - lo); };
      const med = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[v.length >> 1]; };
      const per = (f) => r.map((p) => med(p.runs.sift.map((x) => x[f])));
      const f = (x) => x.toFixed(2);
      console.log(`| ${process.argv[2]} | ${f(q(per("capture"), .5))} | ${f(q(per("analyze"), .5))} | ${f(q(per("total"), .5))} | ${f(q(per("total"), .9))} | ${f(q(per("handoff"), .5))} |`);
    ' "$PWD/$OUT/transfer-$format.json" "$format" | tee -a "$REPORT"
  done
  say ""
  say "Command per format: \`bash bench/transfer/build.sh && node scripts/bench-browser.mjs --every 50 --stride 4 --iters $BROWSER_ITERS --extension none --wasm-dir target/bench/transfer/FORMAT --capture bench/transfer/capture.js\`"
fi

echo "bench: report written to $REPORT (copy its tables into BENCHMARKS.md: node scripts/bench-update-md.mjs)" >&2
