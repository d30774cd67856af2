#!/usr/bin/env bash
# Accuracy on the shared corpora (run by `make eval`, after `cargo build --release`).
#
#   WCXB dev (1,497 pages):   `sift read --format text` per page -> target/eval/wcxb/sift/<id>.txt,
#                             scored with ../shared/eval/score.py --metric wcxb --by-group
#   Readability test pages:   the same -> target/eval/readability/sift/<name>.txt, default metric
#   then scripts/eval_readability.py (title / readerable agreement) when it exists.
#
# Environment: SIFT (binary, default target/release/sift), JOBS (parallel pages, default 2),
# CORPUS (default ../shared/corpus), EVAL_ONLY=wcxb|readability to run one part.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${CORPUS:-../shared/corpus}
SCORE=${SCORE:-../shared/eval/score.py}
SIFT=${SIFT:-target/release/sift}
JOBS=${JOBS:-2}
ONLY=${EVAL_ONLY:-}

if [ ! -d "$CORPUS/wcxb-dev" ] || [ ! -d "$CORPUS/readability-test-pages" ]; then
  echo "eval: corpus not found at $CORPUS (needs wcxb-dev/ and readability-test-pages/; the shared folder sits beside the checkout as ../shared)" >&2
  exit 1
fi
if [ ! -f "$SCORE" ]; then
  echo "eval: scorer not found at $SCORE" >&2
  exit 1
fi
if [ ! -x "$SIFT" ]; then
  echo "eval: $SIFT not built; run 'cargo build --release' (or 'make eval')" >&2
  exit 1
fi
SIFT=$(realpath "$SIFT")
export SIFT

if [ -z "$ONLY" ] || [ "$ONLY" = wcxb ]; then
  out=target/eval/wcxb/sift
  rm -rf "$out" && mkdir -p "$out"
  echo "== WCXB dev: $(ls "$CORPUS"/wcxb-dev/html/*.html.gz | wc -l) pages -> $out"
  failed=$(ls "$CORPUS"/wcxb-dev/html/*.html.gz | OUT=$out xargs -P"$JOBS" -n1 sh -c '
      id=$(basename "$1" .html.gz)
      gunzip -c "$1" | "$SIFT" read --format text - > "$OUT/$id.txt" 2>"$OUT/_err_$id" || echo "$id"
      [ -s "$OUT/_err_$id" ] || rm -f "$OUT/_err_$id"' _ | wc -l)
  [ "$failed" = 0 ] || echo "eval: sift failed on $failed WCXB page(s); messages in $out/_err_*" >&2
  python3 "$SCORE" --dataset "$CORPUS/wcxb-dev" --metric wcxb --by-group \
    --json target/eval/wcxb/scores.json "$out"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = readability ]; then
  out=target/eval/readability/sift
  rm -rf "$out" && mkdir -p "$out"
  echo "== Readability test pages: $(ls -d "$CORPUS"/readability-test-pages/*/ | wc -l) pages -> $out"
  failed=$(ls -d "$CORPUS"/readability-test-pages/*/ | OUT=$out xargs -P"$JOBS" -n1 sh -c '
      name=$(basename "$1")
      "$SIFT" read --format text "$1/source.html" > "$OUT/$name.txt" 2>"$OUT/_err_$name" || echo "$name"
      [ -s "$OUT/_err_$name" ] || rm -f "$OUT/_err_$name"' _ | wc -l)
  [ "$failed" = 0 ] || echo "eval: sift failed on $failed Readability page(s); messages in $out/_err_*" >&2
  python3 "$SCORE" --dataset "$CORPUS/readability-test-pages" \
    --json target/eval/readability/scores.json "$out"
  if [ -f scripts/eval_readability.py ]; then
    python3 scripts/eval_readability.py
  fi
fi
