"""The Store on DuckDB: exact read-back of every section, idempotence, replacement, extension tables,
and every query filter checked against the same filter computed in Python over the analyses."""

from __future__ import annotations

import math

import pytest
from corpus_helpers import corpus_analyses, orphans, section_counts, table_counts

from claimgraph.contract import SECTIONS, Analysis
from claimgraph.corpus import Store, StoreError
from claimgraph.corpus import schema as sch


@pytest.fixture(scope="module")
def analyses() -> list[tuple[str, Analysis]]:
    return corpus_analyses()


@pytest.fixture
def store(tmp_path, analyses) -> Store:
    s = Store(tmp_path / "corpus.duckdb")
    s.write_analyses([(a, k) for k, a in analyses])
    yield s
    s.close()


def test_every_section_reads_back_equal(store, analyses):
    totals = dict.fromkeys(SECTIONS, 0)
    for key, analysis in analyses:
        back = store.get_analysis(analysis.document.id)
        assert back is not None
        assert back.to_dict() == analysis.to_dict()
        assert store.keys(analysis.document.id) == [key]
        for section, n in section_counts(analysis).items():
            totals[section] += n
    # the corpus exercises every section, so equality above covered each one
    assert all(n > 0 for n in totals.values()), totals
    batch = list(store.iter_analyses([a.document.id for _, a in analyses]))
    assert [a.to_dict() for a in batch] == [a.to_dict() for _, a in analyses]


def test_writing_again_adds_no_row_and_keys_join(store, analyses):
    before = table_counts(store)
    outcomes = store.write_analyses([(a, k) for k, a in analyses])
    assert set(outcomes) == {"exists"}
    assert table_counts(store) == before
    key, analysis = analyses[0]
    assert store.find_key(key) == [analysis.document.id]
    # the same text under another key: one document, two keys
    assert store.write_analysis(analysis, key="elsewhere/copy.txt") == "exists"
    assert store.find_key("elsewhere/copy.txt") == [analysis.document.id]
    assert table_counts(store)["documents"] == before["documents"]
    assert table_counts(store)["inputs"] == before["inputs"] + 1


def test_replace_rewrites_a_document_whole(store, analyses):
    _, analysis = analyses[0]
    doc_id = analysis.document.id
    store.execute("UPDATE documents SET claimgraph_version = '0.0.1' WHERE doc_id = ?", [doc_id])
    smaller = analysis.model_copy(update={"events": analysis.events[:1], "flags": []})
    assert store.write_analysis(smaller, replace=True) == "replaced"
    back = store.get_analysis(doc_id)
    assert back.to_dict() == smaller.to_dict()
    assert store.rows("SELECT claimgraph_version FROM documents WHERE doc_id = ?", [doc_id])[0][
        "claimgraph_version"] != "0.0.1"
    assert store.keys(doc_id)  # keys survive a replacement
    assert not any(orphans(store).values())


def test_delete_and_failures(store, analyses):
    _, analysis = analyses[1]
    assert store.delete_document(analysis.document.id)
    assert store.get_analysis(analysis.document.id) is None
    assert not any(orphans(store).values())
    store.record_failure("bad.jsonl:3", "bad.jsonl:3: not valid JSON")
    store.record_failure("bad.jsonl:3", "bad.jsonl:3: still not valid JSON")
    assert [(f["key"], f["error"]) for f in store.failures()] == [("bad.jsonl:3", "bad.jsonl:3: still not valid JSON")]
    store.add_key("bad.jsonl:3", analyses[0][1].document.id)  # the key now succeeded
    assert store.failures() == []


def test_schema_fingerprint_is_versioned():
    # the core tables changed (e.g. the contract gained a field): bump SCHEMA_VERSION and update the print
    assert sch.fingerprint() == sch.CORE_FINGERPRINT, sch.fingerprint()


def test_schema_covers_every_contract_field():
    for section, table in sch.SECTION_TABLES.items():
        names = set(table.column_names)
        for field in table.model.model_fields:
            assert field in names or f"{field}_start" in names, (section, field)


def test_extension_tables_and_parameterised_sql(tmp_path, analyses):
    ext = sch.Table(
        name="test_incidents",
        columns=(sch.Column("doc_id", "text", False), sch.Column("incident", "text", False),
                 sch.Column("members", "text[]"), sch.Column("detail", "json"), sch.Column("score", "float")),
        primary_key=("doc_id", "incident"), doc_scoped=True)
    sch.register("test_ext", 1, [ext])
    try:
        with Store(tmp_path / "ext.duckdb") as s:
            s.write_analyses([(a, k) for k, a in analyses[:2]])
            doc_id = analyses[0][1].document.id
            with s.transaction():
                s.insert("test_incidents", [{"doc_id": doc_id, "incident": "i1", "members": ["v1", "v2"],
                                             "detail": {"why": "same place"}, "score": 0.5}])
            rows = [s.decode("test_incidents", r) for r in
                    s.rows("SELECT * FROM test_incidents WHERE doc_id = ? AND score > ?", [doc_id, 0.1])]
            assert rows == [{"doc_id": doc_id, "incident": "i1", "members": ["v1", "v2"],
                             "detail": {"why": "same place"}, "score": 0.5}]
            assert s.stored_versions() == {**sch.components(), "core": sch.SCHEMA_VERSION, "test_ext": 1}
            # a transaction that fails leaves nothing behind
            with pytest.raises(StoreError), s.transaction():
                s.insert("test_incidents", [{"doc_id": doc_id, "incident": "i2"}])
                raise StoreError("abort")
            assert s.execute("SELECT count(*) FROM test_incidents")[0][0] == 1
            s.delete_document(doc_id)  # extension rows follow their document
            assert s.execute("SELECT count(*) FROM test_incidents")[0][0] == 0
    finally:
        sch._REGISTRY.pop("test_ext", None)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as s:
        s.execute("UPDATE meta SET value = '99' WHERE name = 'schema:core'")
    with pytest.raises(StoreError, match="newer claimgraph"):
        Store(path)


# -- filters against a Python reference ------------------------------------------------------------

def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _overlaps(value: str | None, since: str | None, until: str | None) -> bool:
    if value is None or not value[:1].isdigit() or len(value) < 4:
        return False
    if "W" in value:  # an ISO week counts as its year
        value = value[:4]
    if since and value < since[:len(value)]:
        return False
    return not (until and value[:len(until)] > until)


def reference(analyses: list[tuple[str, Analysis]], **f) -> set[str]:
    """The documents a filter must select, computed over the analyses in Python."""
    out = set()
    for _, a in analyses:
        ok = True
        if "outlet" in f:
            ok &= (a.document.outlet or "").lower() == f["outlet"].lower()
        if "source" in f:
            ok &= any(f["source"].lower() in s.label.lower() for s in a.sources)
        if "entity" in f:
            ok &= any(f["entity"].lower() in e.name.lower() or any(f["entity"].lower() in x.lower()
                      for x in e.aliases) for e in a.entities)
        if "event_type" in f:
            ok &= any(f["event_type"].lower() in (e.type.lower(), e.subtype.lower()) for e in a.events)
        if "flag" in f:
            ok &= any(fl.kind == f["flag"] for fl in a.flags)
        if "text" in f:
            words = f["text"].lower().split()
            ok &= any(all(w in x.text.lower() for w in words) for x in [*a.claims, *a.quotes])
        if "place" in f and "within_km" not in f:
            ok &= any(p.name.lower() == f["place"].lower() for p in a.places)
        if "within_km" in f:
            lat0, lon0 = f["center"]
            ok &= any(p.lat is not None and _km(lat0, lon0, p.lat, p.lon) <= f["within_km"] for p in a.places)
        if "since" in f or "until" in f:
            times = {t.id: t.value for t in a.times}
            dates = [a.document.published] + [times.get(e.time) for e in a.events if e.time]
            ok &= any(_overlaps(d, f.get("since"), f.get("until")) for d in dates)
        if ok:
            out.add(a.document.id)
    return out


FILTERS = [
    {"outlet": "reuters"},
    {"source": "observatory"},
    {"entity": "turk"},
    {"event_type": "Air/drone strike"},
    {"event_type": "Battles"},
    {"flag": "hedged_number"},
    {"text": "killed people"},
    {"text": "AIR strikes"},
    {"place": "Idlib"},
    {"since": "2017-04", "until": "2017-12-31"},
    {"until": "2015-12"},
    {"outlet": "Reuters", "event_type": "Chemical weapon"},
]


@pytest.mark.parametrize("f", FILTERS, ids=[str(f) for f in FILTERS])
def test_filters_match_the_python_reference(store, analyses, f):
    expected = reference(analyses, **f)
    got = {r["doc_id"] for r in store.query(**f)}
    assert got == expected
    assert store.count(**f) == len(expected)
    assert expected, "a filter that selects nothing tests little"


def test_place_within_km(store, analyses):
    from claimgraph.corpus.query import resolve_place

    center = resolve_place(store, "Idlib")
    near = reference(analyses, place="Idlib", within_km=80, center=center)
    got = {r["doc_id"] for r in store.query(place="Idlib", within_km=80)}
    assert got == near
    assert reference(analyses, place="Idlib") <= got  # a place called Idlib is within 80 km of Idlib
    wide = {r["doc_id"] for r in store.query(place="Idlib", within_km=2000)}
    assert got < wide  # Moscow, Geneva and Brussels stay out of a 2,000 km radius only in part


def test_item_queries_are_narrowed(store, analyses):
    events = store.query("events", event_type="Air/drone strike")
    assert events and {e["subtype"] for e in events} == {"Air/drone strike"}
    expected = sum(e.subtype == "Air/drone strike" for _, a in analyses for e in a.events)
    assert len(events) == expected == store.count("events", event_type="Air/drone strike")
    claims = store.query("claims", text="killed")
    assert claims and all("killed" in c["text"].lower() for c in claims)
    quotes = store.query("quotes", source="turkish")
    assert quotes and all("turkish" in (q["speaker_label"] or "").lower() for q in quotes)
    flags = store.query("flags", flag="unsourced_claim")
    assert flags and {f["kind"] for f in flags} == {"unsourced_claim"}


def test_pagination_and_frames(store, analyses):
    everything = store.query()
    assert len(everything) == len({a.document.id for _, a in analyses}) == store.count()
    pages = store.documents(limit=5, offset=0) + store.documents(limit=5, offset=5) + store.query(offset=10)
    assert [r["doc_id"] for r in pages] == [r["doc_id"] for r in everything]
    published = [r["published"] for r in everything if r["published"]]
    assert published == sorted(published, reverse=True)  # newest first, unknown dates last
    frame = store.query("events", frame=True)
    assert len(frame) == sum(len(a.events) for _, a in analyses)
    assert {"doc_id", "type", "subtype", "place_name", "time_value"} <= set(frame.columns)
    empty = store.query("events", outlet="no such outlet", frame=True)
    assert len(empty) == 0 and "subtype" in empty.columns


def test_bad_filters_are_one_line_errors(store):
    with pytest.raises(StoreError, match="YYYY"):
        store.query(since="last week")
    with pytest.raises(StoreError, match="--place"):
        store.query(within_km=10)
    with pytest.raises(StoreError, match="no such place"):
        store.query(place="Xqzzyville", within_km=10)
    with pytest.raises(StoreError, match="cannot list"):
        store.query("paragraphs")


def test_weeks_and_non_dates_in_date_filters(tmp_path, analyses):
    _, base = next((k, a) for k, a in analyses if any(e.time for e in a.events))
    timed = {e.time for e in base.events if e.time}

    def variant(value: str) -> Analysis:
        times = [t.model_copy(update={"value": value if t.id in timed else None}) for t in base.times]
        doc = base.document.model_copy(update={"published": None})
        return base.model_copy(update={"times": times, "document": doc})

    for value, inside, outside in [("2017-W14", ("2017-04-01", "2017-04-30"), ("2018", None)),
                                   ("2017-04", ("2017-04-05", "2017-04-05"), ("2017-05", None)),
                                   ("T22:41", None, ("1900", "2100")), ("--12-03", None, ("1900", "2100"))]:
        with Store(tmp_path / f"{value.replace(':', '')}.duckdb") as s:
            s.write_analysis(variant(value))
            if inside:
                assert s.count(since=inside[0], until=inside[1]) == 1, value
            assert s.count(since=outside[0], until=outside[1]) == 0, value
