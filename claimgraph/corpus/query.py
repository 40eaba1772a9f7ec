"""Filters over a store, as SQL that runs unchanged on DuckDB and PostgreSQL.

A filter first selects documents: a document matches when it satisfies every filter given. Asking for a
section (`what="events"`, "claims", ...) returns that section's items of the matching documents, and the
filters that speak about that section also narrow the items themselves:

- outlet: its outlet is this (case-insensitive).
- source: a source's label contains this (a speaker or a cited source); narrows quotes (their speaker),
  claims (their sources) and sources.
- entity: an entity's name or alias contains this; narrows entities.
- place (+ within_km): a place has this name, or with within_km lies within that distance of it (the
  place's coordinates as stored most often, else the gazetteer's); narrows events (their place), places.
- since, until: its publication date or an event's date overlaps the range (ISO dates at any precision:
  "2017-04" overlaps --since 2017-04-05); narrows events (their own date, else the document's).
- event_type: an event has this type or sub-event type (ACLED spelling, case-insensitive); narrows events.
- flag: it has a flag of this kind; narrows flags.
- text: a claim or a quote contains every word given (case-insensitive); narrows claims and quotes.
- key: one of its input keys is this. doc_id: it is this document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from claimgraph.contract import SECTIONS
from claimgraph.corpus import schema as sch
from claimgraph.corpus.backends import StoreError

if TYPE_CHECKING:
    from claimgraph.corpus.store import Store

WHATS = ("documents", *SECTIONS)
EARTH_KM = 6371.0088
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Filters:
    """Every filter `Store.query`, `claimgraph query` and `claimgraph export` accept; None means no filter."""

    outlet: str | None = None
    source: str | None = None
    entity: str | None = None
    place: str | None = None
    within_km: float | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    flag: str | None = None
    text: str | None = None
    key: str | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        for f in fields(self):  # ingest stores NUL as U+FFFD (PostgreSQL cannot hold it): filters match alike
            value = getattr(self, f.name)
            if isinstance(value, str) and "\x00" in value:
                setattr(self, f.name, value.replace("\x00", "\ufffd"))
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _ISO.fullmatch(value):
                raise StoreError(f"--{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
        if self.within_km is not None and self.place is None:
            raise StoreError("--within needs --place (the distance is measured from that place)")
        if self.within_km is not None and not self.within_km >= 0:  # NaN too: DuckDB ranks it above every distance
            raise StoreError("--within must be a distance in kilometres, 0 or more")

    def active(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


class _Where:
    """Conditions with their parameters, in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


def _contains(col: str) -> str:
    return f"strpos(lower({col}), lower(?)) > 0"


def _aliases(alias: str) -> str:
    return f"array_to_string({alias}.aliases, '|')"


def _date_cond(col: str, f: Filters) -> tuple[str, list[Any]]:
    """`col` (ISO text at any precision) overlaps [since, until]. A week ("2017-W14") counts as its year;
    values that are no calendar date ("--12-03", "T22:41", a century "15") overlap nothing."""
    value = f"(CASE WHEN strpos({col}, 'W') > 0 THEN substr({col}, 1, 4) ELSE {col} END)"
    parts, params = [], []
    if f.since:
        parts.append(f"{value} >= substr(?, 1, length({value}))")
        params.append(f.since)
    if f.until:
        parts.append(f"substr({value}, 1, length(?)) <= ?")
        params += [f.until, f.until]
    return (f"({col} IS NOT NULL AND substr({col}, 1, 1) BETWEEN '0' AND '9' AND length({col}) >= 4 AND "
            f"{' AND '.join(parts)})", params)


def _distance(store: Store, lat_col: str, lon_col: str) -> str:
    """Great-circle distance in km from (?, ?) [lat, lon] to the columns; two parameters: lat0, lon0 (lat0 twice)."""
    return (f"{EARTH_KM} * 2 * asin(least(1.0, sqrt(power(sin(radians({lat_col} - ?) / 2), 2) + "
            f"cos(radians(?)) * cos(radians({lat_col})) * power(sin(radians({lon_col} - ?) / 2), 2))))")


def _array_has(store: Store, array_col: str, value_sql: str) -> str:
    if store.dialect == "duckdb":
        return f"list_contains({array_col}, {value_sql})"
    return f"{value_sql} = ANY({array_col})"


def resolve_place(store: Store, name: str) -> tuple[float, float]:
    """Coordinates of a place name: as stored most often in this corpus, else from the gazetteer."""
    rows = store.execute("SELECT lat, lon, count(*) AS n FROM places WHERE lower(name) = lower(?) AND lat IS NOT NULL"
                         " GROUP BY lat, lon ORDER BY n DESC, lat, lon LIMIT 1", [name])
    if rows:
        return float(rows[0][0]), float(rows[0][1])
    from claimgraph.gazetteer import load_gazetteer

    entries = load_gazetteer().lookup(name)
    if not entries:
        raise StoreError(f"--place {name!r}: no such place in this corpus or in the gazetteer")
    best = max(entries, key=lambda e: e.population)
    return best.lat, best.lon


def _place_cond(store: Store, f: Filters, alias: str, center: tuple[float, float] | None) -> tuple[str, list[Any]]:
    if center is None:
        return f"lower({alias}.name) = lower(?)", [f.place]
    lat0, lon0 = center
    dist = _distance(store, f"{alias}.lat", f"{alias}.lon")
    return f"({alias}.lat IS NOT NULL AND {dist} <= ?)", [lat0, lat0, lon0, f.within_km]


def _document_where(store: Store, f: Filters, center: tuple[float, float] | None) -> _Where:
    w = _Where()
    if f.doc_id is not None:
        w.add("d.doc_id = ?", f.doc_id)
    if f.key is not None:
        w.add("EXISTS (SELECT 1 FROM inputs i WHERE i.doc_id = d.doc_id AND i.key = ?)", f.key)
    if f.outlet is not None:
        w.add("lower(d.outlet) = lower(?)", f.outlet)
    if f.source is not None:
        w.add(f"EXISTS (SELECT 1 FROM sources s WHERE s.doc_id = d.doc_id AND {_contains('s.label')})", f.source)
    if f.entity is not None:
        w.add(f"EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id AND ({_contains('e.name')} OR "
              f"{_contains(_aliases('e'))}))", f.entity, f.entity)
    if f.place is not None:
        cond, params = _place_cond(store, f, "p", center)
        w.add(f"EXISTS (SELECT 1 FROM places p WHERE p.doc_id = d.doc_id AND {cond})", *params)
    if f.since or f.until:
        doc_cond, p1 = _date_cond("d.published", f)
        ev_cond, p2 = _date_cond("t.value", f)
        w.add(f"({doc_cond} OR EXISTS (SELECT 1 FROM events ev JOIN times t ON t.doc_id = ev.doc_id AND "
              f"t.id = ev.time WHERE ev.doc_id = d.doc_id AND {ev_cond}))", *p1, *p2)
    if f.event_type is not None:
        w.add("EXISTS (SELECT 1 FROM events ev WHERE ev.doc_id = d.doc_id AND (lower(ev.type) = lower(?) OR "
              "lower(ev.subtype) = lower(?)))", f.event_type, f.event_type)
    if f.flag is not None:
        w.add("EXISTS (SELECT 1 FROM flags fl WHERE fl.doc_id = d.doc_id AND fl.kind = ?)", f.flag)
    words = (f.text or "").split()
    if words:
        per = " AND ".join(_contains("x2.text") for _ in words)
        w.add(f"(EXISTS (SELECT 1 FROM claims x2 WHERE x2.doc_id = d.doc_id AND {per}) OR "
              f"EXISTS (SELECT 1 FROM quotes x2 WHERE x2.doc_id = d.doc_id AND {per}))", *words, *words)
    return w


#: extra columns joined onto a section's rows: (SELECT expressions, JOIN clauses)
_EXTRAS: dict[str, tuple[str, str]] = {
    "events": ("p.name AS place_name, p.lat AS place_lat, p.lon AS place_lon, p.country AS place_country, "
               "p.admin1 AS place_admin1, p.feature AS place_feature, t.value AS time_value, "
               "t.precision AS time_precision, s.label AS source_label",
               " LEFT JOIN places p ON p.doc_id = x.doc_id AND p.id = x.place"
               " LEFT JOIN times t ON t.doc_id = x.doc_id AND t.id = x.time"
               " LEFT JOIN sources s ON s.doc_id = x.doc_id AND s.id = x.source"),
    "quotes": ("s.label AS speaker_label, v.label AS via_label",
               " LEFT JOIN sources s ON s.doc_id = x.doc_id AND s.id = x.speaker"
               " LEFT JOIN sources v ON v.doc_id = x.doc_id AND v.id = x.via"),
    "sources": ("v.label AS via_label", " LEFT JOIN sources v ON v.doc_id = x.doc_id AND v.id = x.via"),
}


def _item_where(store: Store, what: str, f: Filters, center: tuple[float, float] | None, w: _Where) -> None:
    words = (f.text or "").split()
    if what == "events":
        if f.event_type is not None:
            w.add("(lower(x.type) = lower(?) OR lower(x.subtype) = lower(?))", f.event_type, f.event_type)
        if f.place is not None:
            cond, params = _place_cond(store, f, "p", center)
            w.add(cond, *params)
        if f.since or f.until:
            cond, params = _date_cond("coalesce(t.value, d.published)", f)
            w.add(cond, *params)
    elif what == "places" and f.place is not None:
        cond, params = _place_cond(store, f, "x", center)
        w.add(cond, *params)
    elif what in ("claims", "quotes"):
        for word in words:
            w.add(_contains("x.text"), word)
        if f.source is not None and what == "quotes":
            w.add(_contains("s.label"), f.source)
        if f.source is not None and what == "claims":
            has = _array_has(store, "x.sources", "s2.id")
            w.add(f"EXISTS (SELECT 1 FROM sources s2 WHERE s2.doc_id = x.doc_id AND {has} AND "
                  f"{_contains('s2.label')})", f.source)
    elif what == "sources" and f.source is not None:
        w.add(_contains("x.label"), f.source)
    elif what == "entities" and f.entity is not None:
        w.add(f"({_contains('x.name')} OR {_contains(_aliases('x'))})",
              f.entity, f.entity)
    elif what == "flags" and f.flag is not None:
        w.add("x.kind = ?", f.flag)


_DOC_COLUMNS = ("d.doc_id, (SELECT min(i.key) FROM inputs i WHERE i.doc_id = d.doc_id) AS key, d.published, "
                "d.outlet, d.title, d.url, d.authors, d.dateline, d.language, d.claimgraph_version, d.model, "
                "d.analysed_at, d.run_id, d.encoding")


def build(store: Store, what: str, f: Filters) -> tuple[str, str, list[Any]]:
    """(SELECT ... FROM ... WHERE ..., ORDER BY clause, parameters) for `what` under the filters."""
    if what not in WHATS:
        raise StoreError(f"cannot list {what!r}: choose one of {', '.join(WHATS)}")
    center = resolve_place(store, f.place) if f.place is not None and f.within_km is not None else None
    w = _document_where(store, f, center)
    if what == "documents":
        return (f"SELECT {_DOC_COLUMNS} FROM documents d WHERE {w.sql()}",
                " ORDER BY d.published DESC NULLS LAST, d.doc_id", w.params)
    extra_cols, joins = _EXTRAS.get(what, ("", ""))
    doc_where = w.sql()
    item = _Where()
    _item_where(store, what, f, center, item)
    cols = "x.*, d.published AS doc_published, d.outlet AS doc_outlet, d.title AS doc_title"
    if extra_cols:
        cols += ", " + extra_cols
    sql = (f"SELECT {cols} FROM {what} x JOIN documents d ON d.doc_id = x.doc_id{joins} "
           f"WHERE {doc_where} AND {item.sql()}")
    return sql, " ORDER BY d.published DESC NULLS LAST, x.doc_id, x.ord", w.params + item.params


def _decode(what: str, names: list[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    json_cols = set()
    if what != "documents":
        json_cols = {c.name for c in sch.table(what).columns if c.type == "json"}
    out = []
    for row in rows:
        record = dict(zip(names, row, strict=True))
        for col in json_cols:
            if isinstance(record.get(col), str):
                record[col] = json.loads(record[col])
        out.append(record)
    return out


def run_query(store: Store, what: str, f: Filters, limit: int | None = None,
              offset: int = 0) -> tuple[list[str], list[dict[str, Any]]]:
    """(column names, records) for `what` under the filters, newest publication first."""
    if (limit is not None and int(limit) < 0) or int(offset) < 0:  # found by fuzzing: the database's own error
        raise StoreError(f"limit {limit} / offset {offset}: give 0 or more")
    sql, order, params = build(store, what, f)
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + (f" OFFSET {int(offset)}" if offset else "")
    names, rows = store.backend.query(sql + order + page, params)
    return names, _decode(what, names, rows)


def stream_query(store: Store, what: str, f: Filters, size: int = 2000):  # noqa: ANN201 - iterator
    """(column names, records) chunks for exports: memory stays flat whatever the corpus size."""
    sql, order, params = build(store, what, f)
    for names, rows in store.backend.stream(sql + order, params, size=size):
        yield names, _decode(what, names, rows)


def count_query(store: Store, what: str, f: Filters) -> int:
    sql, _, params = build(store, what, f)
    return int(store.execute(f"SELECT count(*) FROM ({sql}) q", params)[0][0])
