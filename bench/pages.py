"""Real web pages: metadata per field against the hand-checked gold, and main-text F1 with the referee's metric.

    python -m bench.pages [--show 10] [--no-record]

Pages: the English pages of ../shared/bench-data/article-extraction-dev (the keys of
tests/fixtures/pages_gold.json, which holds our hand-checked title, outlet, authors and published date
of each page; the pages themselves stay in shared/). Body text is scored with the functions of
../shared/eval/score_body.py (word 4-gram shingles, precision and recall averaged over pages, a leading
copy of the title not counted), so the figure is the referee's. trafilatura's own extract() is scored
the same way on the same pages as the anchor.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import statistics
import unicodedata
from collections.abc import Callable
from types import ModuleType

from bench.common import ROOT, bench_data_dir, eval_dir, record
from claimgraph.ingest import Article, prepare

GOLD = ROOT / "tests" / "fixtures" / "pages_gold.json"
FIELDS = ("title", "outlet", "authors", "published")
GOALS = {"title": 0.95, "published": 0.95, "authors": 0.90, "outlet": 0.90}


def referee() -> ModuleType:
    """../shared/eval/score_body.py as a module: its shingle metric, not a copy of it."""
    path = eval_dir() / "score_body.py"
    spec = importlib.util.spec_from_file_location("score_body", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the referee scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(value: str) -> str:
    """Compare names and titles on their letters and digits: case, quotes, dots and spacing do not count."""
    value = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"[\W_]+", "", value)


def _outlet_norm(value: str) -> str:
    return _norm(re.sub(r"^\s*the\s+", "", value, flags=re.I))


def field_ok(name: str, predicted: object, accepted: list) -> bool:
    """Whether a predicted field matches one of the values the gold accepts for it."""
    if name == "title":
        return bool(predicted) and _norm(str(predicted)) in {_norm(t) for t in accepted}
    if name == "outlet":
        return bool(predicted) and _outlet_norm(str(predicted)) in {_outlet_norm(o) for o in accepted}
    if name == "authors":
        got = sorted(_norm(a) for a in (predicted or []))  # type: ignore[union-attr]
        return any(got == sorted(_norm(a) for a in option) for option in accepted)
    if name == "published":
        return bool(predicted) and str(predicted)[:10] in accepted
    raise ValueError(name)


def body_prf(score_body: ModuleType, gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 exactly as score_body.py computes them (means over pages, then F1)."""
    rows = {k: score_body.tp_fp_fn(gold[k], predicted.get(k, "")) for k in gold}
    ps = [score_body.prec(*x) for x in rows.values() if x[0] + x[1] > 0]
    rs = [score_body.rec(*x) for x in rows.values() if x[0] + x[2] > 0]
    p, r = (statistics.mean(ps) if ps else 0.0), (statistics.mean(rs) if rs else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scored_text(article: Article) -> str:
    """document.text as the referee reads it: without a leading copy of the title."""
    text, title = article.text, (article.meta.title or "").strip()
    if title and text.lstrip().startswith(title):
        text = text.lstrip()[len(title):]
    return text


def run(show: int, progress: Callable[[str], None] = print) -> tuple[dict[str, float], str]:
    data = bench_data_dir() / "article-extraction-dev"
    gold_meta = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    bodies = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    score_body = referee()
    import trafilatura

    ok: dict[str, list[bool]] = {f: [] for f in FIELDS}
    misses: list[str] = []
    ours: dict[str, str] = {}
    anchor: dict[str, str] = {}
    gold_bodies: dict[str, str] = {}
    for key, gold in gold_meta.items():
        html = gzip.open(data / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        gold_bodies[key] = bodies[key].get("articleBody", "")
        anchor[key] = trafilatura.extract(html) or ""
        try:
            article = prepare(html)
        except Exception as exc:  # noqa: BLE001 - a page we cannot read scores as empty, and is listed
            misses.append(f"{key[:12]} failed: {type(exc).__name__}: {exc}")
            for f in FIELDS:
                ok[f].append(False)
            ours[key] = ""
            continue
        ours[key] = scored_text(article)
        meta = article.meta
        got = {"title": meta.title, "outlet": meta.outlet, "authors": meta.authors, "published": meta.published}
        for f in FIELDS:
            good = field_ok(f, got[f], gold[f])
            ok[f].append(good)
            if not good:
                misses.append(f"{key[:12]} {f}: got {got[f]!r}, gold {gold[f]!r}")
    n = len(gold_meta)
    acc = {f: sum(v) / n for f, v in ok.items()}
    p, r, f1 = body_prf(score_body, gold_bodies, ours)
    tp, tr, tf1 = body_prf(score_body, gold_bodies, anchor)
    acc.update({"body_precision": p, "body_recall": r, "body_f1": f1, "trafilatura_f1": tf1})
    lines = [
        f"English pages of article-extraction-dev: {n} (hand-checked metadata in `tests/fixtures/pages_gold.json`; "
        "body scored with the functions of `../shared/eval/score_body.py`).",
        "",
        "| field | accuracy | goal |",
        "|---|---|---|",
        *[f"| {f} | {acc[f]:.3f} | >= {GOALS[f]:.2f} |" for f in FIELDS],
        "",
        "| main text | precision | recall | F1 |",
        "|---|---|---|---|",
        f"| claimgraph (ingest) | {p:.3f} | {r:.3f} | {f1:.3f} |",
        f"| trafilatura.extract() (anchor) | {tp:.3f} | {tr:.3f} | {tf1:.3f} |",
        "",
        f"Fields that differ from the gold ({len(misses)}):" if misses else "Every field matches the gold.",
        *[f"- {m}" for m in misses[:show]],
    ]
    if len(misses) > show:
        lines.append(f"- ... and {len(misses) - show} more (`python -m bench.pages --show 100`)")
    report = "\n".join(lines)
    progress(report)
    return acc, report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=20, help="list at most this many fields that differ from the gold")
    ap.add_argument("--no-record", action="store_true", help="do not rewrite the bench:pages section")
    a = ap.parse_args()
    if not (bench_data_dir() / "article-extraction-dev").exists():
        raise SystemExit(f"no article-extraction-dev under {bench_data_dir()}: set CLAIMGRAPH_BENCH_DATA")
    _, report = run(a.show)
    if not a.no_record:
        record("pages", "Real web pages: metadata and main text", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

