"""Events as an ACLED-style sheet: ACLED's own column names and precision codes (data/acled_export.json).

One row per stored event whose type ACLED records (its six types, and the claimgraph types the data file
maps onto them). What each column holds:

- event_date (YYYY-MM-DD), year, time_precision: the event's own date when it has one (day -> 1; an ISO
  week -> 2, at its Thursday; month, year or vaguer -> 3, at the period's middle), else the report's
  publication date (2 when known to the day: news reports events within about a week).
- event_type, sub_event_type: ACLED's spelling. actor1: the event's first actor; actor2: its first target,
  or "Civilians (country)" for violence against civilians with no named target.
- country (name), admin1, admin2, location, latitude, longitude, geo_precision: from the event's place
  (admin2 only when the place is itself a second-level division); geo_precision by the place's feature.
- source: the publishing outlet, then any outlet the event's source was reported through; source_scale is
  left blank (claimgraph does not know an outlet's reach). notes: the sentence the event is in, then
  its source chain. fatalities: the lowest reported number killed (the largest such lower bound when
  several casualty groups are given, as they overlap), 0 when none is reported.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from claimgraph.corpus.query import Filters, stream_query
from claimgraph.corpus.store import Store
from claimgraph.data import read_rows, read_text


@functools.lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    return json.loads(read_text("acled_export.json") or "{}")


def columns() -> list[str]:
    return list(config()["columns"])


@functools.lru_cache(maxsize=1)
def _acled_types() -> dict[str, tuple[str, str]]:
    """subtype -> (ACLED event_type, sub_event_type) for everything ACLED records."""
    out = {sub: (typ, sub) for sub, typ, *_ in read_rows("events_types.tsv") if sub != typ}
    out.update({k: (v[0], v[1]) for k, v in config()["types"].items()})
    return out


@functools.lru_cache(maxsize=512)
def _country_name(iso2: str | None) -> str:
    if not iso2:
        return ""
    from claimgraph.gazetteer import load_gazetteer

    entry = load_gazetteer().country(iso2)
    return entry.name if entry is not None else iso2


def _date(value: str | None, precision: str | None) -> tuple[str, int] | None:
    """(YYYY-MM-DD, ACLED time_precision) for an ISO value at a claimgraph precision."""
    codes = config()["time_precision"]
    if not value:
        return None
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:  # the middle of an ISO week (Monday to Sunday) is its Thursday
        try:
            middle = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        except ValueError:
            return None
        return middle.isoformat(), codes.get("week", 2)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m is None:  # "199X" and the like: no year to code
        return None
    year, month, day = m.groups()
    if day:
        return f"{year}-{month}-{day}", codes.get(precision or "day", 1)
    if month:
        return f"{year}-{month}-15", codes.get("month", 3)
    return f"{year}-07-01", codes.get("year", 3)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span: from after the previous sentence end to the next one."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start),
               text.rfind("! ", 0, start))
    s = left + 1 if left >= 0 else 0
    ends = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end), text.find("! ", end))
            if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return " ".join(text[s:e].split())


class _DocCache:
    """Entities, sources, claims and text of the document whose events are being written."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.doc_id: str | None = None

    def load(self, doc_id: str) -> None:
        if doc_id == self.doc_id:
            return
        self.doc_id = doc_id
        s = self.store
        self.entities = {r["id"]: r["name"] for r in s.rows("SELECT id, name FROM entities WHERE doc_id = ?",
                                                             [doc_id])}
        self.sources = {r["id"]: r for r in s.rows("SELECT id, label, kind, via FROM sources WHERE doc_id = ?",
                                                   [doc_id])}
        self.claims = s.rows("SELECT text, events FROM claims WHERE doc_id = ? ORDER BY ord", [doc_id])
        self.text = s.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id])[0][0]

    def chain(self, source_id: str | None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while source_id and source_id in self.sources and len(out) < 10:
            src = self.sources[source_id]
            out.append(src)
            source_id = src["via"]
        return out

    def sentence(self, event: dict[str, Any]) -> str:
        for claim in self.claims:
            if event["id"] in (claim["events"] or []):
                return " ".join(claim["text"].split())
        return _sentence(self.text, event["span_start"], event["span_end"])


def _fatalities(casualties: list[dict[str, Any]]) -> int:
    lows = [c.get("low") if c.get("low") is not None else c.get("high")
            for c in casualties if c.get("kind") == "killed"]
    lows = [v for v in lows if v is not None]
    return int(max(lows)) if lows else 0


def rows(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """ACLED rows for the events the filters select (as `store.query("events", ...)` does)."""
    cfg = config()
    types = _acled_types()
    cache = _DocCache(store)
    for _, records in stream_query(store, "events", filters):
        for ev in records:
            mapped = types.get(ev["subtype"]) or types.get(ev["type"])
            if mapped is None:
                continue
            cache.load(ev["doc_id"])
            dated = _date(ev["time_value"], ev["time_precision"])
            if dated is None:  # the report's date: within about a week of the event when known to the day
                published = _date(ev["doc_published"], None)
                if published is None:
                    dated = ("", "")
                elif published[1] == cfg["time_precision"]["day"]:
                    dated = (published[0], cfg["time_precision"]["published"])
                else:
                    dated = published
            country = _country_name(ev["place_country"])
            actor1 = next((cache.entities[a] for a in ev["actors"] if a in cache.entities), "")
            actor2 = next((cache.entities[t] for t in ev["targets"] if t in cache.entities), "")
            if not actor2 and mapped[0] == "Violence against civilians" and country:
                actor2 = cfg["civilians_actor"].format(country=country)
            feature = ev["place_feature"]
            has_point = ev["place_lat"] is not None and ev["place_lon"] is not None
            chain = cache.chain(ev["source"])
            outlets = [ev["doc_outlet"]] if ev["doc_outlet"] else []
            outlets += [s["label"] for s in chain if s["kind"] == "outlet" and s["label"] not in outlets]
            notes = cache.sentence(ev)
            cited = [s["label"] for s in chain if s["label"] != ev["doc_outlet"]]
            if cited:
                notes += " [according to " + " via ".join(cited) + "]"
            if ev["doc_outlet"]:
                notes += f" [reported by {ev['doc_outlet']}]"
            location = ev["place_name"] or ""
            if feature == "country" and country:
                location = country
            yield {
                "event_date": dated[0], "year": dated[0][:4] if dated[0] else "", "time_precision": dated[1],
                "event_type": mapped[0], "sub_event_type": mapped[1], "actor1": actor1, "actor2": actor2,
                "country": country, "admin1": ev["place_admin1"] or "",
                "admin2": (ev["place_name"] or "") if feature == "admin2" else "",
                "location": location,
                "latitude": ev["place_lat"] if has_point else "", "longitude": ev["place_lon"] if has_point else "",
                "geo_precision": cfg["geo_precision"].get(feature or "", "") if has_point else "",
                "source": "; ".join(outlets), "source_scale": "", "notes": notes,
                "fatalities": _fatalities(ev["casualties"] or []),
            }


def write_csv(store: Store, filters: Filters, out: IO[str]) -> int:
    """Write the ACLED sheet; returns the number of events written."""
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows(store, filters):
        writer.writerow(row)
        n += 1
    return n
