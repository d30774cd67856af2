#!/usr/bin/env python3
"""Worst WCXB pages of the last `scripts/eval.sh` run, by page type: for studying failures.

usage: python3 scripts/eval_worst.py [TYPE] [N]     (reads target/eval/wcxb/scores.json)
Prints id, precision, recall, F1, and the page's URL.
"""
import json
import sys
from pathlib import Path

corpus = Path("../shared/corpus/wcxb-dev")
scores = json.loads(Path("target/eval/wcxb/scores.json").read_text())["sift"]["per_page"]
urls = json.loads((corpus / "urls.json").read_text()) if (corpus / "urls.json").is_file() else {}
kind = sys.argv[1] if len(sys.argv) > 1 else None
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
rows = []
for pid, s in scores.items():
    gt = json.loads((corpus / "ground-truth" / f"{pid}.json").read_text())
    t = ((gt.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
    if kind and t != kind:
        continue
    rows.append((s["f1"], pid, s["precision"], s["recall"], t))
rows.sort()
for f1, pid, p, r, t in rows[:n]:
    u = urls.get(pid, "") if isinstance(urls, dict) else ""
    print(f"{pid} {t:<13} P={p:.2f} R={r:.2f} F1={f1:.2f} {u}")
