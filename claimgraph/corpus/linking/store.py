"""Linked records in the corpus store: their tables, incremental linking, and reading them back.

`link(store)` links the documents not linked yet against the stored ones, in batches: for a batch it asks
the store only for the incidents near its reports (same kind group, one-degree cells around their places,
dates within the linking slack, or the same month and day for a yearless date: equality joins against a
JSON list of probes, so a query reads only those cells and months) and for documents sharing a MinHash
band with them; those documents are read back and put into a Linker with the incidents they were given,
the new ones are linked, and everything the new documents changed is written in one transaction. The
corpus is never redone (`full=True` redoes it on purpose).

Tables (component "linking"): link_docs, link_reports, link_incidents, link_bands, link_duplicates,
link_passages, link_entities, link_entity_members, link_findings. Rows tied to one document are deleted
with it (`--reanalyse`, `delete_document`); incidents and findings are recomputed when a run touches them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.corpus import schema as sch
from claimgraph.corpus.linking import findings as F
from claimgraph.corpus.linking.digest import Report, report_reach_days
from claimgraph.corpus.linking.entities import canonical_id, entity_key
from claimgraph.corpus.linking.incidents import CELL_DEG, cells, day_list, reach_days, shared_toll_days
from claimgraph.corpus.linking.linker import Linker, prepare
from claimgraph.corpus.linking.models import CanonicalEntity, Finding, Incident, ItemRef
from claimgraph.corpus.linking.models import Report as ReportRecord
from claimgraph.corpus.linking.shingles import bands

#: bump when the linking tables change or linking changes what it stores
LINK_VERSION = 1
C = sch.Column

LINK_TABLES = [
    sch.Table("link_docs", (C("doc_id", "text", False), C("linked_at", "timestamp", False),
                            C("version", "int", False)),
              ("doc_id",), doc="documents linked, and by which linking version", doc_scoped=True),
    sch.Table("link_reports", (
        C("doc_id", "text", False), C("idx", "int", False), C("incident_id", "text", False),
        C("grp", "text", doc="events_types.tsv group"), C("type", "text"), C("subtype", "text"),
        C("date_start", "text", doc="ISO day"), C("date_end", "text"),
        C("month_day", "text", doc="MM-DD of its first day"),
        C("year_free", "bool", doc="joined its incident on month and day only"), C("lat", "float"), C("lon", "float"),
        C("cell_lat", "int"), C("cell_lon", "int"), C("lead", "bool"),
        C("record", "json", doc="the report (docs/linked-records.md Report)")),
        ("doc_id", "idx"),
        indexes=(("grp", "cell_lat", "cell_lon"), ("incident_id",), ("month_day",), ("grp", "date_start")),
        doc="one document's account of one incident", doc_scoped=True),
    sch.Table("link_incidents", (
        C("incident_id", "text", False), C("type", "text"), C("subtype", "text"), C("date_start", "text"),
        C("date_end", "text"), C("place", "text"), C("lat", "float"), C("lon", "float"),
        C("documents", "int")), ("incident_id",), doc="incidents (their reports: link_reports)"),
    sch.Table("link_bands", (C("band", "text", False), C("doc_id", "text", False), C("passage", "int", False)),
              ("band", "doc_id", "passage"), indexes=(("doc_id",),),
              doc="MinHash LSH bands of documents (passage -1) and passages", doc_scoped=True),
    sch.Table("link_duplicates", (C("doc_id", "text", False), C("other", "text", False),
                                  C("similarity", "float", False)),
              ("doc_id", "other"), indexes=(("other",),), doc="near-duplicate documents (doc_id the later one linked)",
              doc_scoped=True),
    sch.Table("link_passages", (
        C("doc_id", "text", False), C("span_start", "int", False), C("span_end", "int", False),
        C("other", "text", False), C("other_start", "int", False), C("other_end", "int", False),
        C("similarity", "float", False)), ("doc_id", "span_start", "other", "other_start"),
        doc="near-duplicate passages", doc_scoped=True),
    sch.Table("link_entities", (
        C("key", "text", False), C("root", "text", False), C("canonical_id", "text", False), C("name", "text"),
        C("type", "text"), C("aliases", "text[]")), ("key",), indexes=(("canonical_id",),),
        doc="entity keys and the canonical entity each belongs to"),
    sch.Table("link_entity_members", (
        C("doc_id", "text", False), C("entity_id", "text", False), C("key", "text", False),
        C("canonical_id", "text", False)), ("doc_id", "entity_id"), indexes=(("canonical_id",), ("key",)),
        doc="each document's entities -> canonical entity", doc_scoped=True),
    sch.Table("link_findings", (
        C("finding_id", "text", False), C("kind", "text", False), C("aspect", "text"), C("incident_id", "text"),
        C("explanation", "text"), C("refs", "json"), C("data", "json"), C("doc_ids", "text[]"),
        C("found_at", "timestamp")), ("finding_id",), indexes=(("kind",), ("incident_id",)),
        doc="findings (docs/linked-records.md Finding)"),
]
sch.register("linking", LINK_VERSION, LINK_TABLES)


@dataclass
class LinkSummary:
    linked: int = 0
    incidents: int = 0
    findings: int = 0
    seconds: float = 0.0
    loaded: int = 0  # stored documents read back as candidates
    counts: dict[str, int] = field(default_factory=dict)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _band_keys(sig: Any) -> list[str]:
    return [f"{i}:{hashlib.blake2b(b, digest_size=8).hexdigest()}" for i, b in bands(sig)]


def _months(lo: dt.date, hi: dt.date) -> list[str]:
    out, day = [], lo.replace(day=1)
    while day <= hi:
        out.append(day.isoformat()[:7])
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


def _probe_table(store: Any, columns: dict[str, str]) -> str:
    """A FROM item reading rows passed as one JSON parameter (a list of objects with `columns`): one statement
    however many probes, where a VALUES list of thousands of rows takes longer to parse than to run."""
    if store.dialect == "postgresql":
        cols = ", ".join(f"{c} {'int' if t == 'int' else 'text'}" for c, t in columns.items())
        return f"json_to_recordset(CAST(? AS json)) AS p({cols})"
    struct = json.dumps({c: "INTEGER" if t == "int" else "VARCHAR" for c, t in columns.items()})
    return f"(SELECT unnest(from_json(CAST(? AS JSON), '[{struct}]'), recursive := true)) AS p"


def _month_day_probes(rep: Report) -> list[str]:
    """The stored month-days (MM-DD) a report whose year is not stated looks for: its own month and day, and those
    report_reach_days around it. In memory a report's day (a bound) is found on every day it holds and any other
    day-precision date on its first day (incidents.IncidentIndex._index); the store keeps one month-day per report,
    its first day's (`_report_row`; its last day's in stores linked before the fix), so a bound holding the day
    starts (or ends) within report_reach_days of it. The extra candidates this finds cost a read: the Linker blocks
    again in memory among what is read back."""
    d = rep.date
    if d is None or d.month_day is None:
        return []
    day = next((x for x in day_list(d) or [d.start] if (x.month, x.day) == d.month_day), None)
    if day is None:
        return [f"{d.month_day[0]:02d}-{d.month_day[1]:02d}"]
    near = [day + dt.timedelta(days=i) for i in range(-report_reach_days(), report_reach_days() + 1)]
    return [f"{x.month:02d}-{x.day:02d}" for x in near]


def _candidates(store: Any, reps: list[Report]) -> set[str]:
    """Stored incidents near the new reports: the blocking of incidents.py in SQL, two queries in all. Each
    probe is (kind group, grid cell, calendar month) and joins link_reports on equality, so a query reads
    only the reports of those cells and months however large the store; year-free matches (the same month
    and day in any year) are a second equality join on the month-day; a report with a main toll also joins
    the day-precision reports of its kind group on its day, wherever they are (incidents.SHARED_TOLL)."""
    by_date: set[tuple] = set()
    by_day: set[tuple] = set()
    by_toll_day: set[tuple] = set()
    slack = dt.timedelta(days=reach_days())
    back = dt.timedelta(days=report_reach_days())
    for rep in reps:
        if rep.place is None or rep.place.lat is None or rep.place.lon is None or rep.date is None:
            continue
        lo, hi = rep.date.start - slack, rep.date.end + slack
        by_toll_day |= {(rep.group, day.isoformat(), (day - back).isoformat()) for day in shared_toll_days(rep)}
        for ci, cj in cells(rep.place):
            for month in _months(lo, hi):
                by_date.add((rep.group, ci, cj, month, lo.isoformat(), hi.isoformat()))
            by_day |= {(rep.group, ci, cj, md) for md in _month_day_probes(rep)}
    out: set[str] = set()
    if by_date:
        cols = {"grp": "text", "ci": "int", "cj": "int", "mon": "text", "lo": "text", "hi": "text"}
        payload = json.dumps([dict(zip(cols, probe, strict=True)) for probe in sorted(by_date)])
        out |= {r[0] for r in store.execute(
            f"SELECT DISTINCT r.incident_id FROM link_reports r JOIN {_probe_table(store, cols)} ON r.grp = p.grp "
            "AND r.cell_lat = p.ci AND r.cell_lon = p.cj AND substr(r.date_start, 1, 7) = p.mon "
            "WHERE r.date_start <= p.hi AND r.date_end >= p.lo", [payload])}
    if by_day:
        cols = {"grp": "text", "ci": "int", "cj": "int", "md": "text"}
        payload = json.dumps([dict(zip(cols, probe, strict=True)) for probe in sorted(by_day)])
        out |= {r[0] for r in store.execute(
            f"SELECT DISTINCT r.incident_id FROM link_reports r JOIN {_probe_table(store, cols)} ON r.grp = p.grp "
            "AND r.cell_lat = p.ci AND r.cell_lon = p.cj AND r.month_day = p.md", [payload])}
    # a stored report's day (a bound) starts up to report_reach_days before the days it holds; this also reads a
    # stored span of a few days that is no bound, which memory's day index leaves out (a read, not a link)
    if by_toll_day:
        cols = {"grp": "text", "day": "text", "lo": "text"}
        payload = json.dumps([dict(zip(cols, probe, strict=True)) for probe in sorted(by_toll_day)])
        out |= {r[0] for r in store.execute(
            f"SELECT DISTINCT r.incident_id FROM link_reports r JOIN {_probe_table(store, cols)} ON r.grp = p.grp "
            "AND r.date_start >= p.lo AND r.date_start <= p.day AND r.date_end >= p.day", [payload])}
    return out


def _report_row(rep: Report, inc_id: str, year_free: bool, record: ReportRecord | None) -> dict[str, Any]:
    assert rep.place is not None and rep.place.lat is not None and rep.place.lon is not None
    ci, cj = _cell(rep.place.lat, rep.place.lon)
    day = rep.date.precision == "day" if rep.date else False
    return {"doc_id": rep.doc_id, "idx": rep.index, "incident_id": inc_id, "grp": rep.group, "type": rep.type,
            "subtype": rep.subtype, "date_start": rep.date.start.isoformat() if rep.date else None,
            "date_end": rep.date.end.isoformat() if rep.date else None,
            "month_day": f"{rep.date.start.month:02d}-{rep.date.start.day:02d}" if rep.date and day else None,
            "year_free": year_free, "lat": rep.place.lat, "lon": rep.place.lon, "cell_lat": ci, "cell_lon": cj,
            "lead": rep.lead, "record": record.model_dump(mode="json") if record else None}


def unlinked(store: Any) -> list[str]:
    rows = store.execute("SELECT d.doc_id FROM documents d LEFT JOIN link_docs l ON l.doc_id = d.doc_id "
                         "WHERE l.doc_id IS NULL ORDER BY d.published NULLS LAST, d.doc_id")
    return [r[0] for r in rows]


def clear(store: Any) -> None:
    """Forget every linked record (what `link --full` does first)."""
    with store.transaction():
        for t in LINK_TABLES:
            store.execute(f"DELETE FROM {t.name}")


def link(store: Any, *, full: bool = False, batch: int = 500) -> LinkSummary:
    """Link the documents not linked yet (all of them with `full`) against the stored ones; returns counts."""
    t0 = time.perf_counter()
    store.init()
    if full:
        clear(store)
    summary = LinkSummary()
    ids = unlinked(store)
    for i in range(0, len(ids), batch):
        _link_batch(store, ids[i:i + batch], summary)
    if ids:
        _write_profiles(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def _link_batch(store: Any, new_ids: list[str], summary: LinkSummary) -> None:
    new = list(store.iter_analyses(new_ids))
    new.sort(key=lambda a: (a.document.published or "9999", a.document.id))
    new_set = {a.document.id for a in new}
    # candidates: incidents near the new reports, and documents sharing a MinHash band
    incident_ids: set[str] = set()
    band_keys: dict[str, list[str]] = {}
    prepared = {a.document.id: prepare(a) for a in new}  # digest and shingles, computed once per document
    incident_ids |= _candidates(store, [rep for pre in prepared.values() for rep in pre.digest.reports])
    for a in new:
        pre = prepared[a.document.id]
        keys: list[str] = []
        if pre.sig is not None:
            keys += _band_keys(pre.sig)
        for p in pre.passages:
            keys += _band_keys(p.sig)
        band_keys[a.document.id] = keys
    cand_docs: set[str] = set()
    all_keys = sorted({k for ks in band_keys.values() for k in ks})
    if all_keys:
        cols = {"band": "text"}
        cand_docs = {r[0] for r in store.execute(
            f"SELECT DISTINCT b.doc_id FROM link_bands b JOIN {_probe_table(store, cols)} ON b.band = p.band",
            [json.dumps([{"band": k} for k in all_keys])])}
    docs_list = sorted(cand_docs)
    for j in range(0, len(docs_list), 500):  # a near-duplicate's incidents are candidates whatever their dates
        part = docs_list[j:j + 500]
        incident_ids |= {r[0] for r in store.execute(
            f"SELECT DISTINCT incident_id FROM link_reports WHERE doc_id IN ({_marks(len(part))})", part)}
    assign: dict[str, dict[int, str]] = {}
    year_free: dict[str, set[int]] = {}
    inc_list = sorted(incident_ids)
    for j in range(0, len(inc_list), 500):
        part = inc_list[j:j + 500]
        for doc_id, idx, inc, yf in store.execute(
                f"SELECT doc_id, idx, incident_id, year_free FROM link_reports WHERE incident_id IN "
                f"({_marks(len(part))})", part):
            assign.setdefault(doc_id, {})[idx] = inc
            if yf:
                year_free.setdefault(doc_id, set()).add(idx)
    seed_ids = (set(assign) | cand_docs) - new_set
    linker = Linker()
    linker.entities.seed([(r[0], r[1], r[2], r[3], list(r[4] or [])) for r in store.execute(
        "SELECT key, root, name, type, aliases FROM link_entities")])
    stored_roots = linker.entities.roots()
    seed_list = sorted(seed_ids)
    dups: dict[str, dict[str, float]] = {}
    for j in range(0, len(seed_list), 500):
        part = seed_list[j:j + 500]
        for d, o, s in store.execute(f"SELECT doc_id, other, similarity FROM link_duplicates WHERE doc_id IN "
                                     f"({_marks(len(part))}) OR other IN ({_marks(len(part))})", part + part):
            dups.setdefault(d, {})[o] = s
    for a in store.iter_analyses(seed_list):
        linker.seed(a, assign.get(a.document.id, {}), year_free.get(a.document.id, set()), dups.get(a.document.id),
                    shingles=a.document.id in cand_docs)
    linker.touched = set()
    linker._pairs_done = len(linker.passage_pairs)
    summary.loaded += len(seed_list)
    for a in new:
        linker.add(a, prepared[a.document.id])
    records = linker.records(touched_only=True)
    _write(store, linker, records.incidents, records.findings, records.passages, new, stored_roots, band_keys)
    summary.linked += len(new)
    summary.incidents += len(records.incidents)
    summary.findings += len(records.findings)
    for f in records.findings:
        summary.counts[f.kind] = summary.counts.get(f.kind, 0) + 1


def _write(store: Any, linker: Linker, incidents: list[Incident], findings: list[Finding], passages_: list,
           new: list, stored_roots: dict[str, str], band_keys: dict[str, list[str]]) -> None:
    from claimgraph.corpus.store import now

    stamp = now()
    new_ids = [a.document.id for a in new]
    records_of: dict[tuple[str, str], ReportRecord] = {}
    for inc in incidents:
        for r in inc.reports:
            records_of[(inc.id, r.doc_id)] = r
    with store.transaction():
        store.insert("link_docs", [{"doc_id": d, "linked_at": stamp, "version": LINK_VERSION} for d in new_ids],
                     on_conflict="ignore")
        rows = []
        for d in new_ids:
            for rep in linker.digests[d].reports:
                inc_id = linker.incidents.of_report[rep.key]
                yf = rep.key in linker.incidents.incidents[inc_id].year_free
                rows.append(_report_row(rep, inc_id, yf, records_of.get((inc_id, d))))
        store.insert("link_reports", rows, on_conflict="ignore")
        # reports of stored documents in touched incidents: their records changed (new sources, figures)
        for inc in incidents:
            for r in inc.reports:
                if r.doc_id not in new_ids:
                    store.execute("UPDATE link_reports SET record = ? WHERE doc_id = ? AND incident_id = ?",
                                  [json.dumps(r.model_dump(mode="json"), ensure_ascii=False), r.doc_id, inc.id])
        touched = [inc.id for inc in incidents]
        for j in range(0, len(touched), 500):
            part = touched[j:j + 500]
            store.execute(f"DELETE FROM link_incidents WHERE incident_id IN ({_marks(len(part))})", part)
            store.execute(f"DELETE FROM link_findings WHERE incident_id IN ({_marks(len(part))})", part)
        store.insert("link_incidents", [{
            "incident_id": inc.id, "type": inc.type, "subtype": inc.subtype, "date_start": inc.date_start,
            "date_end": inc.date_end, "place": inc.place, "lat": inc.lat, "lon": inc.lon,
            "documents": len({r.doc_id for r in inc.reports})} for inc in incidents])
        store.insert("link_findings", [_finding_row(f, stamp) for f in findings if f.kind != "outlet_profile"],
                     on_conflict="ignore")
        store.insert("link_bands", [{"band": k, "doc_id": d, "passage": 0} for d, ks in band_keys.items()
                                    for k in dict.fromkeys(ks)], on_conflict="ignore")
        dup_rows = [{"doc_id": d, "other": o, "similarity": s} for d in new_ids
                    for o, s in linker.duplicates.get(d, {}).items() if o not in new_ids or o < d]
        store.insert("link_duplicates", dup_rows, on_conflict="ignore")
        store.insert("link_passages", [{
            "doc_id": p.b.doc_id, "span_start": p.b.span[0], "span_end": p.b.span[1], "other": p.a.doc_id,
            "other_start": p.a.span[0], "other_end": p.a.span[1], "similarity": p.similarity}
            for p in passages_ if p.a.span and p.b.span], on_conflict="ignore")
        # canonical entities: new keys, keys whose canonical entity changed, and the new documents' members
        roots = linker.entities.roots()
        changed = [k for k, r in roots.items() if stored_roots.get(k) != r]
        for j in range(0, len(changed), 500):
            part = changed[j:j + 500]
            store.execute(f"DELETE FROM link_entities WHERE key IN ({_marks(len(part))})", part)
        ent_rows = []
        for k in changed:
            rec = linker.entities.records.get(roots[k])
            ent_rows.append({"key": k, "root": roots[k], "canonical_id": canonical_id(roots[k]),
                             "name": rec.name if rec else None, "type": rec.type if rec else None,
                             "aliases": rec.aliases if rec else []})
        store.insert("link_entities", ent_rows)
        for k in changed:
            if k in stored_roots:
                store.execute("UPDATE link_entity_members SET canonical_id = ? WHERE key = ?",
                              [canonical_id(roots[k]), k])
        members = []
        for a in new:
            for e in a.entities:
                key = entity_key(e)
                if key is not None:
                    members.append({"doc_id": a.document.id, "entity_id": e.id, "key": key,
                                    "canonical_id": canonical_id(roots.get(key, key))})
        store.insert("link_entity_members", members, on_conflict="ignore")


def _finding_row(f: Finding, stamp: Any) -> dict[str, Any]:
    return {"finding_id": f.id, "kind": f.kind, "aspect": f.aspect, "incident_id": f.incident,
            "explanation": f.explanation, "refs": [r.model_dump(mode="json") for r in f.refs], "data": f.data,
            "doc_ids": sorted({r.doc_id for r in f.refs}), "found_at": stamp}


def _write_profiles(store: Any) -> None:
    """Outlet profiles from what is stored (every incident counts, not only those a run touched). Reports of
    incidents only one document tells are counted in SQL; only the reports of incidents two or more documents
    tell (the ones that can be corroborated or compared) are read back, so an incremental run does not parse
    the whole store."""
    from claimgraph.corpus.store import now

    docs = {r[0]: r[1] for r in store.execute("SELECT doc_id, outlet FROM documents")}
    claims = {r[0]: (r[1], r[2]) for r in store.execute(
        "SELECT doc_id, count(*), sum(CASE WHEN attributed THEN 1 ELSE 0 END) FROM claims GROUP BY doc_id")}
    counts: dict[str | None, int] = {}
    for outlet, n in store.execute("SELECT d.outlet, count(*) FROM link_reports r JOIN documents d ON "
                                   "d.doc_id = r.doc_id WHERE r.record IS NOT NULL GROUP BY d.outlet"):
        counts[outlet] = counts.get(outlet, 0) + n
    reports: dict[str, list[ReportRecord]] = {}
    for inc_id, rec in store.execute(
            "SELECT r.incident_id, r.record FROM link_reports r JOIN link_incidents i ON i.incident_id = "
            "r.incident_id WHERE i.documents >= 2 AND r.record IS NOT NULL"):
        reports.setdefault(inc_id, []).append(ReportRecord.model_validate(json.loads(rec) if isinstance(rec, str)
                                                                          else rec))
    independent = {r[0]: json.loads(r[1]).get("independent", 1) if isinstance(r[1], str) else r[1]["independent"]
                   for r in store.execute("SELECT incident_id, data FROM link_findings WHERE kind = 'corroboration'")}
    contradictions = [r[0] for r in store.execute("SELECT doc_ids FROM link_findings WHERE kind = 'contradiction'")]
    profiles = F.outlet_profiles_from_records(docs, claims, reports, independent, contradictions, counts)
    stamp = now()
    with store.transaction():
        store.execute("DELETE FROM link_findings WHERE kind = 'outlet_profile'")
        store.insert("link_findings", [_finding_row(f, stamp) for f in profiles])


# -- reading ------------------------------------------------------------------------------------------

def incidents(store: Any, *, min_documents: int = 2, limit: int | None = None) -> list[Incident]:
    """Stored incidents reported by at least `min_documents` documents, most reported first."""
    sql = ("SELECT * FROM link_incidents WHERE documents >= ? ORDER BY documents DESC, date_start, incident_id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    out = []
    for row in store.rows(sql, [min_documents]):
        reps = [ReportRecord.model_validate(json.loads(r[0]) if isinstance(r[0], str) else r[0])
                for r in store.execute("SELECT record FROM link_reports WHERE incident_id = ? AND record IS NOT NULL "
                                       "ORDER BY date_start, doc_id, idx", [row["incident_id"]])]
        seen: set[str] = set()
        reps = [r for r in reps if not (r.doc_id in seen or seen.add(r.doc_id))]  # type: ignore[func-returns-value]
        out.append(Incident(id=row["incident_id"], type=row["type"], subtype=row["subtype"],
                            date_start=row["date_start"], date_end=row["date_end"], place=row["place"],
                            lat=row["lat"], lon=row["lon"], reports=reps))
    return out


def findings(store: Any, *, kinds: Iterable[str] | None = None, limit: int | None = None) -> list[Finding]:
    """Stored findings, optionally of some kinds only."""
    kinds = list(kinds or [])
    where = f" WHERE kind IN ({_marks(len(kinds))})" if kinds else ""
    rows = store.rows("SELECT * FROM link_findings" + where + " ORDER BY kind, incident_id, finding_id"
                      + (f" LIMIT {int(limit)}" if limit else ""), kinds)
    out = []
    for r in rows:
        r = store.decode("link_findings", r)
        out.append(Finding(id=r["finding_id"], kind=r["kind"], aspect=r["aspect"], explanation=r["explanation"],
                           incident=r["incident_id"], refs=[ItemRef.model_validate(x) for x in r["refs"] or []],
                           data=r["data"] or {}))
    return out


def canonical_entities(store: Any, *, min_documents: int = 1) -> list[CanonicalEntity]:
    """Canonical entities with their members across documents."""
    names = {r[0]: (r[1], r[2], list(r[3] or [])) for r in store.execute(
        "SELECT canonical_id, name, type, aliases FROM link_entities WHERE key = root")}
    members: dict[str, list[ItemRef]] = {}
    for doc_id, entity_id, cid in store.execute(
            "SELECT doc_id, entity_id, canonical_id FROM link_entity_members ORDER BY canonical_id, doc_id"):
        members.setdefault(cid, []).append(ItemRef(doc_id=doc_id, item=entity_id))
    out = []
    for cid, (name, type_, aliases) in sorted(names.items()):
        m = members.get(cid, [])
        if len({x.doc_id for x in m}) >= min_documents:
            out.append(CanonicalEntity(id=cid, name=name or "", type=type_, aliases=aliases, members=m))
    return out
