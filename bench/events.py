"""Event typing (CASE 2021 Task 2, dev half), civilian deaths (FA-KES, dev half) and false events on news
that reports none (BBC non-conflict dev), scored like the referees.

    python -m bench.events [--only case|fakes|bbc] [--limit N] [--reuse-parse] [--no-record]

Tuning and check parts: each dev set is split ONCE into two halves by a keyed hash of the item's id
(`part()`, seed SPLIT_SEED; CASE by snippet id, FA-KES by unit_id, BBC by file name). Rules are tuned
on the tuning part only: its confusions and false-positive examples are printed; of the check part only
aggregate figures are printed and recorded, never its texts or errors. A change counts only if the check
part agrees. Both parts are reported every run, and the non-conflict false positives (violent and
ACLED-typed events per 100 BBC stories, computed like ../shared/eval/score_nonconflict.py, which is also
run on each part) are reported beside the recall figures.

Predictions are cached: a set whose JSON files were written by the same code (hash of claimgraph/'s
sources and data files) is not analysed again.

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
import hashlib
import json
import os
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
#: the fixed seed of the tuning/check split (changing it would let tuned rules leak into the check part)
SPLIT_SEED = "claimgraph-events-split-2026-11-30"
PARTS = ("tune", "check")
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
ACLED_TYPES = VIOLENT | {"Protests", "Strategic developments"}


def part(dataset: str, key: str) -> str:
    """'tune' or 'check' for an item, from a keyed hash of its id: stable, documented, about half each."""
    digest = hashlib.sha256(f"{SPLIT_SEED}:{dataset}:{key}".encode()).digest()
    return "check" if digest[0] % 2 else "tune"


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


def bbc_items() -> list[tuple[str, str]]:
    """(file stem, text) of the BBC non-conflict dev stories."""
    folder = bench_data_dir() / "bbc-nonconflict-dev"
    return [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(folder.glob("*.txt"))]


def code_hash() -> str:
    """Hash of everything that decides an analysis: claimgraph's sources and data files, and the model."""
    h = hashlib.sha256(os.environ.get("CLAIMGRAPH_MODEL", "").encode())
    for path in sorted((ROOT / "claimgraph").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


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
    stamp = pred_dir / "_code.txt"
    key = code_hash() + (":events-only" if reuse_parse else "")
    if stamp.exists() and stamp.read_text() == key and all((pred_dir / f"{i}.json").exists() for i, _ in items):
        print(f"{name}: predictions of this code already written (cached)")
        return 0.0
    stamp.unlink(missing_ok=True)
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
    stamp.write_text(key)
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
            "abstain": pred.count("NONE"), "per_class": per_class(gold, pred)}


def per_class(gold: list[str], pred: list[str]) -> list[tuple[str, int, int, int, float]]:
    """(label, tp, fp, fn, F1) per class, worst F1 first: printed for the tune part only (tuning with the check
    part's per-class figures in view makes its macro-F1 a tuned figure, even though they name no snippet)."""
    rows = []
    for lab in sorted((set(gold) | set(pred)) - {"NONE"}):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        rows.append((lab, tp, fp, fn, 2 * tp / (2 * tp + fp + fn) if tp else 0.0))
    return sorted(rows, key=lambda r: (r[4], r[0]))


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


def score_bbc(stems: list[str]) -> dict[str, float]:
    """Events per 100 stories that report none, as ../shared/eval/score_nonconflict.py counts them."""
    n = violent = acled = 0
    for stem in stems:
        a = json.loads((OUT / "bbc" / f"{stem}.json").read_text(encoding="utf-8"))
        n += 1
        types = [e.get("type") for e in a.get("events") or []]
        violent += sum(t in VIOLENT for t in types)
        acled += sum(t in ACLED_TYPES for t in types)
    return {"violent": 100.0 * violent / n if n else 0.0, "acled": 100.0 * acled / n if n else 0.0, "n": n}


def bbc_examples(stems: list[str], limit: int) -> list[str]:
    """Tuning-part false positives to read (never the check part's)."""
    out = []
    for stem in stems:
        a = json.loads((OUT / "bbc" / f"{stem}.json").read_text(encoding="utf-8"))
        text = a["document"]["text"]
        for e in a.get("events") or []:
            if e.get("type") in ACLED_TYPES and len(out) < limit:
                s, t = e["span"]
                ctx = text[max(0, s - 60): t + 40].replace("\n", " ")
                out.append(f"{stem}: {e['subtype']}: ...{ctx}...")
    return out


def referee(task: str, pred_dir: Path, gold: Path | None = None) -> tuple[float | None, str]:
    script = eval_dir() / "score_events.py"
    if not script.exists():
        return None, "referee not found"
    cmd = [sys.executable, str(script), task, "--pred", str(pred_dir)] + (["--gold", str(gold)] if gold else [])
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    last = out.strip().splitlines()[-1] if out.strip() else ""
    m = re.search(r":\s*([0-9.]+)\s*$", last)
    return (float(m.group(1)) if m else None), out


def referee_nonconflict(stems: list[str], name: str) -> float | None:
    """../shared/eval/score_nonconflict.py on one part (a folder of links to that part's predictions)."""
    script = eval_dir() / "score_nonconflict.py"
    if not script.exists():
        return None
    folder = OUT / f"bbc-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for stem in stems:
        (folder / f"{stem}.json").symlink_to(OUT / "bbc" / f"{stem}.json")
    out = subprocess.run([sys.executable, str(script), str(folder), "--show", "0"], capture_output=True, text=True)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None


def _gold_file(task: str, name: str, header: str, lines: list[str]) -> Path:
    """A referee gold file holding one part's rows (under bench/out, never in the repository)."""
    path = OUT / "gold" / f"{task}-{name}.{'tsv' if task == 'case' else 'csv'}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(lines), encoding="utf-8")
    return path


def _case_part_gold(name: str, ids: set[str]) -> Path:
    src = bench_data_dir() / "case2021-events-dev" / "snippets.tsv"
    with open(src, encoding="utf-8") as f:
        header = f.readline()
        keep = [ln for ln in f if ln.split("\t", 1)[0].strip() in ids]
    return _gold_file("case", name, header, keep)


def _fakes_part_gold(name: str, rows: list[dict[str, str]]) -> Path:
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(rows)
    return _gold_file("fakes", name, "", [buf.getvalue()])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("case", "fakes", "bbc"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--reuse-parse", action="store_true")
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="the referee's output on the tuning parts")
    ap.add_argument("--per-class", action="store_true", help="CASE per-class tp/fp/fn and F1 on the tune part")
    args = ap.parse_args(argv)
    lines: list[str] = []
    details: list[str] = []
    ok = True
    if args.only in (None, "bbc"):
        items = bbc_items()[: args.limit or None]
        secs = analyse("bbc", items, args.reuse_parse)
        for name in PARTS:
            stems = [s for s, _ in items if part("bbc", s) == name]
            ours_b = score_bbc(stems)
            ref = None if args.limit else referee_nonconflict(stems, name)
            print(f"BBC non-conflict dev [{name}]: violent {ours_b['violent']:.1f} / 100 stories, ACLED-typed "
                  f"{ours_b['acled']:.1f} / 100 (n={ours_b['n']}); referee violent {ref}; {secs:.1f}s")
            if ref is not None and abs(ref - round(ours_b["violent"], 1)) > 0.051:
                print("  DISAGREEMENT with the referee", file=sys.stderr)
                ok = False
            if name == "tune":
                for ex in bbc_examples(stems, 25 if args.verbose else 8):
                    print("  e.g.", ex)
            lines.append(f"| BBC non-conflict dev, {name} ({ours_b['n']} stories) | violent events / 100 stories "
                         f"(target <= 3) | {ours_b['violent']:.1f} | {ref if ref is not None else 'n/a'} | |")
            lines.append(f"| BBC non-conflict dev, {name} | ACLED-typed events / 100 stories (target <= 15) | "
                         f"{ours_b['acled']:.1f} | | |")
    if args.only in (None, "case"):
        rows = case_rows()[: args.limit or None]
        secs = analyse("case", [(i, t) for i, t, _ in rows], args.reuse_parse)
        for name in PARTS:
            prows = [r for r in rows if part("case", r[0]) == name]
            ours = score_case(prows)
            gold = None if args.limit else _case_part_gold(name, {r[0] for r in prows})
            ref, out = (None, "") if gold is None else referee("case", OUT / "case", gold)
            if args.verbose and name == "tune":
                print(out)
            print(f"CASE 2021 dev [{name}]: ours macro-F1 {ours['macro_f1']:.4f} acc {ours['accuracy']:.4f} "
                  f"(n={ours['n']}, abstain {ours['abstain']}); referee {ref}; {secs:.1f}s")
            if name == "tune":
                print("  confusions:", ours["confusions"])
            if args.per_class and name == "tune":  # the check part stays held out
                print("  per class (label tp/fp/fn F1):", "; ".join(
                    f"{lab} {tp}/{fp}/{fn} {f:.2f}" for lab, tp, fp, fn, f in ours["per_class"]))
            if ref is not None and abs(ref - float(ours["macro_f1"])) > 5e-4:
                print("  DISAGREEMENT with the referee", file=sys.stderr)
                ok = False
            lines.append(f"| CASE 2021 Task 2 dev, {name} ({ours['n']} snippets) | macro-F1 (30 classes) | "
                         f"{ours['macro_f1']:.4f} | {ref if ref is not None else 'n/a'} | |")
            lines.append(f"| CASE 2021 Task 2 dev, {name} | accuracy | {ours['accuracy']:.4f} | | |")
        whole = score_case(rows)
        lines.append(f"| CASE 2021 Task 2 dev, whole ({whole['n']}) | macro-F1 | {whole['macro_f1']:.4f} | | "
                     "keyword baseline 0.679 |")
    if args.only in (None, "fakes"):
        frows = fakes_rows()
        if args.limit:
            frows = frows[: args.limit]
        seen: dict[str, str] = {}
        for r in frows:
            seen.setdefault(r["unit_id"], r["article_title"] + "\n\n" + r["article_content"])
        secs = analyse("fakes", list(seen.items()), args.reuse_parse)
        for name in PARTS:
            prows = [r for r in frows if part("fakes", r["unit_id"]) == name]
            ours_f = score_fakes(prows)
            gold = None if args.limit else _fakes_part_gold(name, prows)
            ref, out = (None, "") if gold is None else referee("fakes", OUT / "fakes", gold)
            if args.verbose and name == "tune":
                print(out)
            print(f"FA-KES dev [{name}]: ours civilians-killed exact {ours_f['exact']:.4f} (lenient +unknown "
                  f"{ours_f['lenient']:.4f}, n={ours_f['n']}); referee {ref}; {secs:.1f}s")
            if ref is not None and abs(ref - float(ours_f["exact"])) > 5e-4:
                print("  DISAGREEMENT with the referee", file=sys.stderr)
                ok = False
            lines.append(f"| FA-KES dev, {name} ({ours_f['n']} articles) | civilians killed, exact | "
                         f"{ours_f['exact']:.4f} | {ref if ref is not None else 'n/a'} | |")
            lines.append(f"| FA-KES dev, {name} | lenient (+ group unknown), not gated | {ours_f['lenient']:.4f} | | |")
            if name == "check":
                details.extend(f"[check] {ln.strip()}" for ln in out.splitlines()
                               if ln.strip().startswith(("civilians killed ", "children killed", "combatants killed",
                                                         "cause_of_death", "location agreement")))
        whole_f = score_fakes(frows)
        lines.append(f"| FA-KES dev, whole ({whole_f['n']}) | civilians killed, exact | {whole_f['exact']:.4f} | | "
                     "regex baseline 0.453 |")
    if not args.no_record and not args.limit and not args.reuse_parse and args.only is None:
        body = ("| set, part | figure | ours | referee | anchor |\n|---|---|---|---|---|\n" + "\n".join(lines)
                + "\n\nReferee detail on the FA-KES check part (`../shared/eval/score_events.py`, same JSON):\n\n"
                "```\n" + "\n".join(details) + "\n```\n\n"
                f"Split: each dev set is cut once into a tuning and a check part by a keyed SHA-256 of the item's "
                f"id (seed `{SPLIT_SEED}`, `bench.events.part`); rules are tuned reading the tuning part's "
                "errors only, and only the check part's aggregate figures are read. The BBC stories report no "
                "political violence, protest or riot: every event there is a false positive (the referee column "
                "is `../shared/eval/score_nonconflict.py` on that part).\n\n"
                "Rules only (claimgraph/data/event_triggers.tsv, events_*.tsv); no trained model is shipped "
                "(a learned re-typer was cross-validated on the CASE tuning part and not shipped: section "
                "`events-retyper`). The trigger and context files were written from the ACLED codebook, then "
                "corrected while reading errors on the dev halves before this split existed: the check parts are "
                "honest only for changes made after it. Changes made after it were decided from tuning-part texts "
                "and codebook sentences (tests/test_events_*.py); this script prints the check part's aggregate "
                "figures on every run, so those were seen after each change, never its texts or errors. Typing "
                "rounds eleven and twelve (b4031ac, 37f7f65) were nonetheless chosen with the check part's "
                "per-class figures and abstention-cause counts in view, so the check part's CASE macro-F1 (0.7663 "
                "as recorded at 9109b28) is less independent than a purely held-out figure; `--per-class` now "
                "prints the tuning part only. Round thirteen (27d0a6f and after) read the tuning part and the "
                "codebook only; the check part's macro-F1 was read once per candidate change as its gate: kept, "
                "territory, protests and background in other words (check unchanged), mass graves and seized "
                "weapons (0.7663 -> 0.7668), failed captures (unchanged); reverted, criminal groups' violence as "
                "organised crime (unchanged, and it broke earlier codebook sentences); rejected, a withdrawal "
                "no one takes over as a change to the group's activity (tune 0.8611 -> 0.8629, check 0.7663 -> "
                "0.7415) and a default event for reports of armed actors with no sufficiently evidenced trigger "
                "(BBC violent events 5.0 / 100 on the check part). Round fourteen (c1ff35f, ac63cec, 3d6a413) "
                "the same way: an event inside a clause describing a noun is background and yields to the main "
                "clause's (check 0.7663 -> 0.7858 for a first, looser version, 0.7853 as kept); actors from what "
                "the text says of that act and claims of responsibility only as the claimant's own phrase "
                "(check unchanged); a first-full-date base for relative days was not landed (FA-KES check "
                "civilians 0.7268 -> 0.7062). Round fifteen (aa3bcc0 to 29d9f6e, one landing each, tuning-part "
                "errors and invented sentences, the check part read once per candidate): a party set aside ('X "
                "warplanes, not Y jets'), no excessive force without a protest met by it, distances in words in "
                "place ties (all unchanged); earlier incidents dated over a week before the news (FA-KES check "
                "0.7165 -> 0.7216); ordinary senses of 'plunder', 'sit in' and 'headquarters' (BBC check ACLED-typed "
                "6.0 -> 5.0 / 100), persuading others to act (unchanged); those 'among' a running total, kin of "
                "fighters, a toll equal to its fighters and women or children (FA-KES tune up, check unchanged), "
                "'forces' counted as combatants (civilians unchanged, lenient check 0.6959 -> 0.7062). "
                "Rejected: a victims' status left open two sentences after the toll (FA-KES check 0.7216 -> "
                "0.7165). Review fixes (e29f3e7, d107180, 69a58b0; invented sentences, the check part read as "
                "aggregates only): looting folds into violence only as one act (one clause or coordinated ones, "
                "one doer, place and day), a counted part beats a vague whole, '25 of them civilians' in every "
                "parse and of the set counted last, a same-group list after its toll is its parts, 'wealth' "
                "patients narrowed to public finance and natural wealth: CASE, FA-KES civilians and BBC as on "
                "main 66028d6 before them; FA-KES check children killed 0.9021 -> 0.8969 (one article whose gold "
                "counts no children, from reading 'N of them <kind>' with the number parsed as the noun's; not "
                "examined, check texts are not read). The FA-KES check figure recorded at 29d9f6e (0.7216) was "
                "already 0.7165 at 9838c10 (one article, cause not found: 518d63d); the cause-of-death (0.7113 -> "
                "0.7062) and location (strict 0.4794 -> 0.4485) lines below moved with the places commits since, "
                "the same on main 1f44528 without the review fixes.\n\n"
                "Generalisation without the dev data: tests/test_events_general.py holds sets of sentences "
                "written from the codebook definitions (not from bench snippets), each written before the "
                "round of general fixes that followed it; the before-fix pass rates are listed in that file.\n\n"
                "Run: `python -m bench.events` (full pipeline as `claimgraph analyze`, then the referees on the "
                "same JSON; `--reuse-parse` re-runs only the events component for iterating, never recorded).")
        record("events", "Events (CASE 2021 Task 2, FA-KES, BBC non-conflict)", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
