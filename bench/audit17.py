"""Sample for the issue-17 hand audit (bench/AUDIT_17.md): one quote, place and quantity in each of 20 PolNeAR
dev tuning-part articles, printed with context for judging by hand.

Usage: python -m bench.audit17 [PRED_DIR]   (default: bench/out/quotes/claimgraph, written by bench.quotes)
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from bench.common import ROOT, part
from bench.quotes import SPLIT_SEED


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    pred = Path(args[0]) if args else ROOT / "bench" / "out" / "quotes" / "claimgraph"
    names = sorted(p.stem for p in pred.glob("*.json") if part(SPLIT_SEED, "polnear", p.stem) == "tune")
    names.sort(key=lambda n: hashlib.sha256(f"audit17:{n}".encode()).hexdigest())
    for name in names[:20]:
        d = json.loads((pred / f"{name}.json").read_text(encoding="utf-8"))
        text = d["document"]["text"]
        rnd = random.Random(name)
        sources = {s["id"]: s for s in d["sources"]}

        def ctx(s: int, e: int, text: str = text) -> str:
            return (text[max(0, s - 80):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]).replace("\n", " ")

        print("=====", name)
        if d["quotes"]:
            q = rnd.choice(d["quotes"])
            speaker = (sources.get(q.get("speaker")) or {}).get("label")
            print("QUOTE", q["kind"], "| speaker:", speaker, "|", ctx(*q["span"])[:400])
        if d["places"]:
            p = rnd.choice(d["places"])
            print("PLACE", p["name"], p["country"], p["lat"], p["lon"], "|", ctx(*rnd.choice(p["mentions"])))
        if d["quantities"]:
            q = rnd.choice(d["quantities"])
            print("QTY", q.get("value"), q.get("unit"), "|", ctx(*q["span"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
