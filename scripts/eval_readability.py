#!/usr/bin/env python3
"""Metadata and readerable agreement with Mozilla Readability's test pages.

For every ../shared/corpus/readability-test-pages/<name>/ this runs
`target/release/sift read --format json <name>/source.html`, reads the serialized Analysis
(camelCase: metadata.title, verdict.isArticle) and compares it with expected-metadata.json:

  title       equal after whitespace normalisation (Readability's own output is the reference,
              so this measures agreement with Readability, not truth)
  readerable  verdict.isArticle == readerable

Prints the agreement percentages and every disagreeing page. Exit status 1 when the corpus is
missing or a target is missed (--check). Usage:

  python3 scripts/eval_readability.py [--corpus DIR] [--sift CMD] [--check] [--quiet]

--sift is the command prefix (default: "target/release/sift read --format json"); the page path
is appended. Build first: cargo build --release.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "readability-test-pages")
DEFAULT_SIFT = os.path.join(ROOT, "target", "release", "sift") + " read --format json"
TITLE_TARGET = 95.0
READERABLE_TARGET = 90.0


def norm(s):
    return " ".join((s or "").split())


SUFFIX_SEPARATORS = "|-\u2013\u2014\u00b7\u2022:/\\>\u00bb"


def suffix_only(expected, got):
    """Readability kept a " <sep> Site" suffix that sift removed: `expected` is `got` plus it."""
    if not got or not expected.startswith(got):
        return False
    rest = expected[len(got):]
    return rest[:1] == " " and rest[1:2] in SUFFIX_SEPARATORS and rest[2:3] == " " and rest[3:].strip() != ""


def run(cmd, page):
    try:
        out = subprocess.run(cmd + [page], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if out.returncode != 0:
        return None, (out.stderr.strip().splitlines() or ["exit %d" % out.returncode])[-1]
    try:
        return json.loads(out.stdout), None
    except json.JSONDecodeError:
        return None, "output is not JSON (is `sift read --format json` implemented?)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--sift", default=DEFAULT_SIFT, help="command prefix; the page path is appended")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args()

    corpus = os.path.normpath(args.corpus)
    if not os.path.isdir(corpus):
        print(f"CORPUS MISSING: {corpus} does not exist; nothing was evaluated.", file=sys.stderr)
        return 1
    pages = sorted(
        d for d in os.listdir(corpus)
        if os.path.isfile(os.path.join(corpus, d, "source.html"))
        and os.path.isfile(os.path.join(corpus, d, "expected-metadata.json"))
    )
    if not pages:
        print(f"CORPUS MISSING: no <page>/source.html + expected-metadata.json under {corpus}.", file=sys.stderr)
        return 1
    cmd = shlex.split(args.sift)
    if not os.path.exists(cmd[0]):
        print(f"sift binary not found: {cmd[0]} (run `cargo build --release`)", file=sys.stderr)
        return 1

    # Other fields, informational only: (expected key, Analysis metadata key).
    extra = [("byline", "byline"), ("siteName", "siteName"), ("lang", "lang"), ("dir", "dir"),
             ("publishedTime", "published"), ("excerpt", "excerpt")]
    extra_ok = {k: [0, 0] for k, _ in extra}
    title_ok = read_ok = 0
    title_bad, read_bad, errors = [], [], []
    for name in pages:
        with open(os.path.join(corpus, name, "expected-metadata.json"), encoding="utf-8") as f:
            expected = json.load(f)
        got, err = run(cmd, os.path.join(corpus, name, "source.html"))
        if got is None:
            errors.append((name, err))
            got = {}
        meta = got.get("metadata") or {}
        verdict = got.get("verdict") or {}
        want_title, have_title = norm(expected.get("title")), norm(meta.get("title"))
        if want_title == have_title:
            title_ok += 1
        else:
            title_bad.append((name, want_title, have_title))
        for k, mk in extra:
            if expected.get(k):
                extra_ok[k][1] += 1
                extra_ok[k][0] += norm(expected.get(k)) == norm(meta.get(mk))
        want_r = bool(expected.get("readerable"))
        have_r = bool(verdict.get("isArticle"))
        if want_r == have_r:
            read_ok += 1
        else:
            reason = verdict.get("reason") or {}
            read_bad.append((name, want_r, have_r, f"{reason.get('code', '')}: {reason.get('detail', '')}"))

    n = len(pages)
    tp, rp = 100.0 * title_ok / n, 100.0 * read_ok / n
    if not args.quiet:
        for name, err in errors:
            print(f"ERROR   {name}: {err}")
        for name, want, have in title_bad:
            print(f"TITLE   {name}\n  expected: {want!r}\n  sift:     {have!r}")
        for name, want, have, why in read_bad:
            print(f"READABLE {name}: expected {want}, sift {have} ({why})")
    print(f"pages: {n} (corpus {corpus})")
    print(f"title equal:         {title_ok}/{n} = {tp:.1f}% (target >= {TITLE_TARGET:.0f}%)")
    suffix = sum(1 for _, want, have in title_bad if suffix_only(want, have))
    if suffix:
        print(f"  of the {len(title_bad)} unequal titles, {suffix} differ only by a ' <sep> Site' suffix that "
              f"Readability keeps and sift removes; counting those: {title_ok + suffix}/{n} = "
              f"{100.0 * (title_ok + suffix) / n:.1f}%")
    print(f"readerable agreeing: {read_ok}/{n} = {rp:.1f}% (target >= {READERABLE_TARGET:.0f}%)")
    info = ", ".join(f"{k} {ok}/{n_}" for k, (ok, n_) in extra_ok.items())
    print(f"other fields equal where Readability has a value (informational): {info}")
    if errors:
        print(f"errors: {len(errors)} page(s) produced no analysis")
    if args.check and (tp < TITLE_TARGET or rp < READERABLE_TARGET or errors):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
