"""Event typing (CASE 2021 Task 2, dev half) and civilian deaths (FA-KES, dev half), scored like the referee.

    python -m bench.events [--only case|fakes] [--limit N] [--reuse-parse] [--no-record]

Each text goes through claimgraph exactly as `claimgraph analyze` would (ingest `prepare`, the full
pipeline, `assemble`), and one analysis JSON per text is written under bench/out/events/<set>/, the
layout the referee (`../shared/eval/score_events.py`) reads. Our own scoring below re-implements the
referee's rules (first event listed -> CASE code; civilians killed = per event max `low` over
killed x civilians/children/women, per article the largest event, none -> 0) and the referee is then
run on the same folder; both figures are printed and recorded, and a disagreement is an error.

--reuse-parse keeps the parsed documents and the upstream components' output (bench/out/events/cache)
and re-runs only the events component: for iterating on event rules, never for recorded figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench.common import ROOT, bench_data_dir, eval_dir, record

OUT = ROOT / "bench" / "out" / "events"
CIVILIAN_GROUPS = {"civilians", "children", "women"}


# -- data -------------------------------------------------------------------------------------------
def case_rows() -> list[tuple[str, str, str]]:
    path = bench_data_dir() / "case2021-events-dev" / "snippets.tsv"
    rows = []
    with open(path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                rows.append((parts[0].strip(), parts[1], parts[2].strip()))
    return rows


def fakes_rows() -> list[dict[str, str]]:
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return list(csv.DictReader(f))


# -- running claimgraph -----------------------------------------------------------------------------
def analyse(name: str, items: list[tuple[str, str]], reuse_parse: bool) -> float:
    """Write bench/out/events/<name>/<id>.json for every (id, text); returns seconds spent."""
    from spacy.tokens import Doc

    from claimgraph.assemble import assemble
    from claimgraph.ingest import prepare
    from claimgraph.nlp.state import DocState
    from claimgraph.pipeline import Analyzer

    pred_dir = OUT / name
    pred_dir.mkdir(parents=True, exist_ok=True)
    cache_dir = OUT / "cache" / name
    cache_dir.mkdir(parents=True, exist_ok=True)
    analyzer = Analyzer()
    nlp = analyzer.nlp
    procs = [(n, p) for n, p in nlp.pipeline]
    upstream = [(n, p) for n, p in procs if n != "claimgraph_events"]
    events = dict(procs).get("claimgraph_events")
    t0 = time.perf_counter()
    for doc_id, text in items:
        article = prepare(text)
        cached = cache_dir / f"{doc_id}.pkl"
        doc = None
        if reuse_parse and cached.exists():
            try:
                blob = pickle.loads(cached.read_bytes())
                doc = Doc(nlp.vocab).from_bytes(blob["doc"], exclude=["user_data"])
                doc._.claimgraph = blob["state"]
            except Exception:  # stale cache: parse again
                doc = None
        if doc is None:
            doc = nlp.make_doc(article.text)
            doc._.claimgraph = DocState(meta=article.meta)
            for _, proc in upstream:
                doc = proc(doc)
            state = doc._.claimgraph
            extra = state.extra
            state.extra = {k: v for k, v in extra.items() if _picklable(v)}
            cached.write_bytes(pickle.dumps({"doc": doc.to_bytes(exclude=["user_data"]), "state": state}))
            doc._.claimgraph = pickle.loads(pickle.dumps(state))
            doc._.claimgraph.extra = extra
        state = doc._.claimgraph
        state.items["events"] = []
        state._counters["events"] = 0
        if events is not None:
            doc = events(doc)
        analysis = assemble(doc, state)
        (pred_dir / f"{doc_id}.json").write_text(analysis.to_json(indent=None), encoding="utf-8")
    return time.perf_counter() - t0


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
        return True
    except Exception:
        return False


# -- our scoring (the referee's rules, re-implemented) ------------------------------------------------
def _norm_key(s: object) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(s or "").lower())


def case_code_map() -> dict[str, str]:
    """ACLED subtype / extra type -> CASE code, the mapping documented in ACLED-TYPES.md."""
    table = {
        "Air/drone strike": "AIR_STRIKE", "Armed clash": "ARMED_CLASH", "Peaceful protest": "PEACE_PROTEST",
        "Protest with intervention": "PROTEST_WITH_INTER",
        "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
        "Violent demonstration": "VIOL_DEMONSTR", "Mob violence": "MOB_VIOL", "Attack": "ATTACK",
        "Abduction/forced disappearance": "ABDUCT_DISSAP", "Sexual violence": "SEX_VIOL",
        "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Remote explosive/landmine/IED": "REM_EXPLOS",
        "Suicide bomb": "SUIC_BOMB", "Grenade": "GRENADE", "Chemical weapon": "CHEM_WEAP",
        "Government regains territory": "GOV_REGAINS_TERIT",
        "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
        "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
        "Headquarters or base established": "HQ_ESTABLISHED", "Change to group/activity": "CHANGE_TO_GROUP_ACT",
        "Agreement": "AGREEMENT", "Arrests": "ARREST", "Looting/property destruction": "PROPERTY_DISTRUCT",
        "Disrupted weapons use": "DISR_WEAP", "Other": "OTHER", "Recruitment": "CHANGE_TO_GROUP_ACT",
        "Displacement": "OTHER", "Organized crime": "ORG_CRIME", "Natural disaster": "NATURAL_DISASTER",
        "Man-made disaster": "MAN_MADE_DISASTER", "Diplomatic event": "DIPLO",
        "Attribution of responsibility": "ATTRIB",
    }
    return {_norm_key(k): v for k, v in table.items()}


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """(macro-F1, accuracy) over the labels in gold or predictions (abstentions excluded), like sklearn."""
    labels = sorted((set(gold) | set(pred)) - {"NONE"})
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    return (sum(f1s) / len(f1s) if f1s else 0.0), acc


def score_case(rows: list[tuple[str, str, str]]) -> dict[str, object]:
    codes = case_code_map()
    gold, pred = [], []
    for doc_id, _, g in rows:
        a = json.loads((OUT / "case" / f"{doc_id}.json").read_text(encoding="utf-8"))
        evs = a.get("events") or []
        label = "NONE"
        if evs:
            label = codes.get(_norm_key(evs[0].get("subtype")), codes.get(_norm_key(evs[0].get("type")), "NONE"))
        gold.append(g)
        pred.append(label)
    f1, acc = macro_f1(gold, pred)
    conf = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {"macro_f1": f1, "accuracy": acc, "n": len(gold), "confusions": conf.most_common(12),
            "abstain": pred.count("NONE")}


def _num(x: object) -> float | None:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    try:
        return float(str(x).replace(",", ""))
    except ValueError:
        return None


def civilians_killed(a: dict, groups: set[str]) -> float:
    qs = {q.get("id"): q for q in a.get("quantities") or []}
    best = None
    for e in a.get("events") or []:
        for c in e.get("casualties") or []:
            if c.get("kind") != "killed" or c.get("group") not in groups:
                continue
            v = _num(c.get("low"))
            if v is None:
                q = qs.get(c.get("quantity")) or {}
                v = _num(q.get("low"))
                if v is None:
                    v = _num(q.get("value"))
            if v is not None and (best is None or v > best):
                best = v
    return best if best is not None else 0.0


def score_fakes(rows: list[dict[str, str]]) -> dict[str, object]:
    n = exact = lenient = 0
    for r in rows:
        g = _num(r.get("nb_civilians"))
        if g is None:
            continue
        n += 1
        p = OUT / "fakes" / f"{r['unit_id']}.json"
        if not p.exists():
            continue
        a = json.loads(p.read_text(encoding="utf-8"))
        exact += civilians_killed(a, CIVILIAN_GROUPS) == g
        lenient += civilians_killed(a, CIVILIAN_GROUPS | {"unknown"}) == g
    return {"exact": exact / n if n else 0.0, "lenient": lenient / n if n else 0.0, "n": n}


def referee(task: str, pred_dir: Path) -> tuple[float | None, str]:
    script = eval_dir() / "score_events.py"
    if not script.exists():
        return None, "referee not found"
    out = subprocess.run([sys.executable, str(script), task, "--pred", str(pred_dir)],
                         capture_output=True, text=True).stdout
    last = out.strip().splitlines()[-1] if out.strip() else ""
    m = re.search(r":\s*([0-9.]+)\s*$", last)
    return (float(m.group(1)) if m else None), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("case", "fakes"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--reuse-parse", action="store_true")
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    lines: list[str] = []
    details: list[str] = []
    ok = True
    if args.only in (None, "case"):
        rows = case_rows()[: args.limit or None]
        secs = analyse("case", [(i, t) for i, t, _ in rows], args.reuse_parse)
        ours = score_case(rows)
        ref, out = (None, "") if args.limit else referee("case", OUT / "case")
        if args.verbose:
            print(out)
        print(f"CASE 2021 dev: ours macro-F1 {ours['macro_f1']:.4f} acc {ours['accuracy']:.4f} "
              f"(n={ours['n']}, abstain {ours['abstain']}); referee {ref}; {secs:.1f}s")
        print("  confusions:", ours["confusions"])
        if ref is not None and abs(ref - float(ours["macro_f1"])) > 5e-4:
            print("  DISAGREEMENT with the referee", file=sys.stderr)
            ok = False
        lines.append(f"| CASE 2021 Task 2 dev ({ours['n']} snippets) | macro-F1 (30 classes) | "
                     f"{ours['macro_f1']:.4f} | {ref if ref is not None else 'n/a'} | keyword baseline 0.679 |")
        lines.append(f"| CASE 2021 Task 2 dev | accuracy | {ours['accuracy']:.4f} | | |")
        details.extend(ln for ln in out.splitlines() if ln[:1].isdigit() or ln.startswith(("subtask", "label source")))
    if args.only in (None, "fakes"):
        frows = fakes_rows()
        if args.limit:
            frows = frows[: args.limit]
        seen: dict[str, str] = {}
        for r in frows:
            seen.setdefault(r["unit_id"], r["article_title"] + "\n\n" + r["article_content"])
        secs = analyse("fakes", list(seen.items()), args.reuse_parse)
        ours_f = score_fakes(frows)
        ref, out = (None, "") if args.limit else referee("fakes", OUT / "fakes")
        if args.verbose:
            print(out)
        print(f"FA-KES dev: ours civilians-killed exact {ours_f['exact']:.4f} (lenient +unknown "
              f"{ours_f['lenient']:.4f}, n={ours_f['n']}); referee {ref}; {secs:.1f}s")
        if ref is not None and abs(ref - float(ours_f["exact"])) > 5e-4:
            print("  DISAGREEMENT with the referee", file=sys.stderr)
            ok = False
        lines.append(f"| FA-KES dev ({ours_f['n']} articles) | civilians killed, exact | {ours_f['exact']:.4f} | "
                     f"{ref if ref is not None else 'n/a'} | regex baseline 0.453 |")
        lines.append(f"| FA-KES dev | lenient (+ group unknown), not gated | {ours_f['lenient']:.4f} | | |")
        details.extend(ln.strip() for ln in out.splitlines()
                       if ln.strip().startswith(("civilians killed ", "children killed", "combatants killed",
                                                 "cause_of_death", "location agreement")))
    if not args.no_record and not args.limit and not args.reuse_parse and args.only is None:
        body = ("| set | figure | ours | referee | anchor |\n|---|---|---|---|---|\n" + "\n".join(lines)
                + "\n\nReferee detail (`../shared/eval/score_events.py`, same JSON):\n\n```\n"
                + "\n".join(details) + "\n```\n\n"
                "Rules only (claimgraph/data/event_triggers.tsv, events_*.tsv); no trained model is shipped "
                "(a TF-IDF + logistic-regression re-typer of the main event gained only +0.003 macro-F1 in "
                "5-fold CV on this half, so it was dropped). The trigger and context files were written from "
                "the ACLED codebook, then corrected while reading errors on these dev halves: read the dev "
                "figures as optimistic; the held-out halves are the honest measure.\n\n"
                "Generalisation without the dev data: tests/test_events_general.py holds 6 sets of sentences "
                "and a set of short wire reports written from the codebook definitions (not from bench "
                "snippets), each written before the round of general fixes that followed it; before those "
                "fixes the main event's subtype was right for 140/165, 99/117, 58/75, 56/64, 46/56, 11/12 "
                "(reports) and 32/36 (85%, 85%, 77%, 88%, 82%, 92%, 89%), the better guess of held-out "
                "behaviour than the dev figures above.\n\n"
                "Run: `python -m bench.events` (full pipeline as `claimgraph analyze`, then the referee on the "
                "same JSON; `--reuse-parse` re-runs only the events component for iterating, never recorded).")
        record("events", "Events (CASE 2021 Task 2, FA-KES)", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
