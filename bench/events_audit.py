"""A hand-judged precision audit of events, repeatable: 20 dev articles, every event and casualty judged.

    python -m bench.events_audit show            # list the sample's events, judged or not, for reading
    python -m bench.events_audit score [--as before|after] [--no-record]

The sample is fixed (`sample()`): 10 FA-KES dev articles from the tuning part of bench.events' split and
10 from the other dev sets (4 re3d documents, 3 PolNeAR dev articles, 3 CASE 2021 dev snippets of the
tuning part), each chosen by a keyed hash of its id (seed bench.events.SPLIT_SEED). Each output item is
keyed by its article, the event's start offset and subtype (and a casualty's kind, group and figure);
judgments are kept in bench/events_audit.tsv (ids, offsets and verdicts only, no text of the data), so a
rerun after a change needs judging only for the items that changed; `score` refuses to record while any
item is unjudged. The judging rules are in bench/EVENTS_AUDIT.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile

from bench.common import ROOT, bench_data_dir, commit, record
from bench.events import SPLIT_SEED, VIOLENT, case_rows, fakes_rows, part

JUDGED = ROOT / "bench" / "events_audit.tsv"
OUT = ROOT / "bench" / "out" / "events" / "audit"
STATE = ROOT / "bench" / "events_audit_before.json"
#: figures of earlier recorded `after` runs (commit, figures), shown as rows between before and now
HISTORY = ROOT / "bench" / "events_audit_history.json"
HEADER = "article\titem\tverdict\tactor\tplace\tnote\tseen\n"
EVENT_VERDICTS = {"ok", "subtype", "wrong", "dup"}
ACTOR_VERDICTS = {"ok", "wrong", "missing", "na", ""}
PLACE_VERDICTS = {"ok", "wrong", "vague", "none", ""}


def _rank(key: str) -> str:
    return hashlib.sha256(f"{SPLIT_SEED}:audit:{key}".encode()).hexdigest()


def sample() -> list[tuple[str, str]]:
    """[(article id, text)]: the 20 audited articles, always the same."""
    fakes: dict[str, str] = {}
    for r in fakes_rows():
        if part("fakes", r["unit_id"]) == "tune":
            fakes.setdefault(r["unit_id"], r["article_title"] + "\n\n" + r["article_content"])
    picked = [(f"fakes:{k}", fakes[k]) for k in sorted(fakes, key=_rank)[:10]]
    re3d: dict[str, str] = {}
    with tarfile.open(bench_data_dir() / "re3d" / "re3d_all.tar.gz") as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.endswith("documents.json"):
                for line in tar.extractfile(m).read().decode("utf-8-sig").splitlines():  # type: ignore[union-attr]
                    if line.strip():
                        obj = json.loads(line)
                        re3d[obj["_id"]] = obj["text"]
    picked += [(f"re3d:{k}", re3d[k]) for k in sorted(re3d, key=_rank)[:4]]
    polnear: dict[str, str] = {}
    with tarfile.open(bench_data_dir() / "polnear-dev" / "polnear_dev_text_attributions.tar.gz") as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.split("/")[-2:-1] == ["text"] and m.name.endswith(".txt"):
                polnear[m.name.split("/")[-1][:-4]] = tar.extractfile(m).read().decode("utf-8")  # type: ignore
    picked += [(f"polnear:{k}", polnear[k]) for k in sorted(polnear, key=_rank)[:3]]
    case = {i: t for i, t, _ in case_rows() if part("case", i) == "tune"}
    picked += [(f"case:{k}", case[k]) for k in sorted(case, key=_rank)[:3]]
    return picked


def seen_of(it: dict) -> str:
    """What an event's actor and place verdicts judged: its actors' and place's names as listed."""
    return "|".join(it["actors"]) + "@" + it["place"]


def items_of(analysis: dict) -> list[dict]:
    """The judged items of one analysis: events, and each event's casualties."""
    ents = {e["id"]: e["name"] for e in analysis.get("entities") or []}
    places = {p["id"]: p["name"] for p in analysis.get("places") or []}
    text = analysis["document"]["text"]
    out = []
    for e in analysis.get("events") or []:
        s, t = e["span"]
        key = f"E {s} {e['subtype']}"
        out.append({
            "item": key, "event": e, "type": e["type"], "text": text[s:t],
            "context": text[max(0, s - 160): t + 160].replace("\n", " "),
            "actors": [ents.get(a, a) for a in e.get("actors") or []],
            "targets": [ents.get(a, a) for a in e.get("targets") or []],
            "place": places.get(e.get("place") or "", ""),
            "mentions": len(e.get("mentions") or []),
        })
        for c in e.get("casualties") or []:
            out.append({"item": f"C {s} {e['subtype']} {c['kind']} {c['group']} {c.get('low')}", "casualty": c})
    return out


def analyse_sample() -> dict[str, dict]:
    import claimgraph
    from claimgraph.ingest import prepare

    analyzer = claimgraph.Analyzer()
    OUT.mkdir(parents=True, exist_ok=True)
    result = {}
    for art, text in sample():
        analysis = json.loads(analyzer.analyze_article(prepare(text)).to_json(indent=None))
        result[art] = analysis
    return result


def load_judged() -> dict[tuple[str, str], list[str]]:
    judged: dict[tuple[str, str], list[str]] = {}
    if not JUDGED.exists():
        return judged
    for line in JUDGED.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        judged[(cols[0], cols[1])] = cols[2:]
    return judged


def show(analyses: dict[str, dict], judged: dict[tuple[str, str], list[str]]) -> None:
    """Write the listing to bench/out/events/audit/listing.md (outside the repository) for reading."""
    lines = []
    for art, analysis in analyses.items():
        lines.append(f"\n## {art}  ({len(analysis['document']['text'])} chars)\n")
        for it in items_of(analysis):
            verdict = judged.get((art, it["item"]), ["?"])
            mark = "|".join(verdict[:3])
            if "event" in it and verdict[0] in ("ok", "subtype") and (verdict + [""] * 5)[4] != seen_of(it):
                mark += " (re-judge actor/place: " + seen_of(it) + ")"
            if "event" in it:
                lines.append(f"- [{mark}] `{art}\t{it['item']}` **{it['text']}** ({it['type']}) "
                             f"actors={it['actors']} targets={it['targets']} place={it['place']!r} "
                             f"mentions={it['mentions']}\n  > ...{it['context']}...")
            else:
                c = it["casualty"]
                lines.append(f"  - [{mark}] `{art}\t{it['item']}` casualty {c['kind']} {c['group']} low={c.get('low')}")
    path = OUT / "listing.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"listing written to {path}")


def score(analyses: dict[str, dict], judged: dict[tuple[str, str], list[str]]) -> tuple[dict, list[str]]:
    """Figures over the judged items; the unjudged items are returned (a record needs none)."""
    n_ev = right = subtype_right = dups = 0
    n_cas = cas_right = 0
    actor_need = actor_ok = 0
    place_n = place_ok = 0
    missing: list[str] = []
    for art, analysis in analyses.items():
        for it in items_of(analysis):
            verdict = judged.get((art, it["item"]))
            if verdict is None:
                missing.append(f"{art}\t{it['item']}")
                continue
            v, actor, place = verdict[0], verdict[1], verdict[2]
            if "event" in it and v in ("ok", "subtype") and verdict[4] != seen_of(it):
                missing.append(f"{art}\t{it['item']}\t(actors or place changed: {seen_of(it)})")
                continue
            if "event" in it:
                if v not in EVENT_VERDICTS or actor not in ACTOR_VERDICTS or place not in PLACE_VERDICTS:
                    raise ValueError(f"bad judgment {art} {it['item']}: {verdict}")
                n_ev += 1
                right += v in ("ok", "subtype")
                subtype_right += v == "ok"
                dups += v == "dup"
                if v in ("ok", "subtype") and it["type"] in VIOLENT and actor in ("ok", "wrong", "missing"):
                    actor_need += 1
                    actor_ok += actor == "ok"
                if v in ("ok", "subtype"):
                    place_n += 1
                    place_ok += place == "ok"
            else:
                if v not in ("ok", "wrong"):
                    raise ValueError(f"bad casualty judgment {art} {it['item']}: {verdict}")
                n_cas += 1
                cas_right += v == "ok"
    figures = {
        "events": n_ev, "event_precision": right / n_ev if n_ev else 0.0,
        "subtype_precision": subtype_right / n_ev if n_ev else 0.0, "incidents_listed_twice": dups,
        "casualties": n_cas, "casualty_precision": cas_right / n_cas if n_cas else 0.0,
        "actor_on_violent_naming_one": actor_ok / actor_need if actor_need else 0.0, "violent_naming_one": actor_need,
        "place_right": place_ok / place_n if place_n else 0.0,
    }
    return figures, missing


def _row(label: str, f: dict) -> str:
    return (f"| {label} | {f['events']} | {f['event_precision']:.2f} | {f['subtype_precision']:.2f} | "
            f"{f['incidents_listed_twice']} | {f['casualties']} | {f['casualty_precision']:.2f} | "
            f"{f['actor_on_violent_naming_one']:.2f} ({f['violent_naming_one']}) | {f['place_right']:.2f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("show", "score"))
    ap.add_argument("--as", dest="label", choices=("before", "after"), default="after")
    ap.add_argument("--no-record", action="store_true")
    args = ap.parse_args(argv)
    analyses = analyse_sample()
    judged = load_judged()
    if args.cmd == "show":
        show(analyses, judged)
        return 0
    figures, missing = score(analyses, judged)
    print(json.dumps(figures, indent=1))
    if missing:
        print(f"{len(missing)} items unjudged (judge them in {JUDGED.name}):", file=sys.stderr)
        for m in missing:
            print("  " + m, file=sys.stderr)
        return 1
    before = json.loads(STATE.read_text(encoding="utf-8")) if STATE.exists() else None
    if args.label == "before":
        figures["commit"] = commit()
        STATE.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        before = figures
    if args.no_record:
        return 0
    rows = [_row("before (" + (before or {}).get("commit", "first audit") + ")", before)] if before else []
    history = json.loads(HISTORY.read_text(encoding="utf-8")) if HISTORY.exists() else []
    if args.label == "after":
        rows.extend(_row(f"earlier ({h['commit']})", h) for h in history if h.get("commit") != commit())
        rows.append(_row(f"after ({commit()})", figures))
    body = ("| run | events | event precision | subtype right | incidents listed twice | casualties | "
            "casualty precision | actor on violent events naming one | place right |\n"
            "|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
            "Sample: 10 FA-KES dev articles (tuning part) + 4 re3d documents + 3 PolNeAR dev articles + 3 CASE "
            "2021 dev snippets (tuning part), fixed by a keyed hash (`bench/events_audit.py`). Every event and "
            "casualty judged by reading the article, with the rules in `bench/EVENTS_AUDIT.md`; verdicts in "
            "`bench/events_audit.tsv` (an event's actor and place verdicts hold only for the actors and place "
            "they judged, column `seen`). Targets: event precision >= 0.80, casualty precision >= 0.85, no "
            "incident listed twice, an actor on >= 70% of violent events whose text names one.\n\n"
            "Run: `python -m bench.events_audit show` (listing to judge), `python -m bench.events_audit score`.")
    record("events-audit", "Events: hand-judged precision audit (20 dev articles)", body)
    if args.label == "after":  # kept for the next run's rows, after the stamp (so it does not read as dirty)
        figures["commit"] = commit()
        HISTORY.write_text(json.dumps([h for h in history if h.get("commit") != figures["commit"]] + [figures],
                                      indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
