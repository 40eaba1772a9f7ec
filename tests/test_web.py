"""The web app over real analyses: JSON API shapes and filters, the write token, the article page's text,
and escaping of everything stored (article text, titles, outlets, URLs) and of query parameters."""

from __future__ import annotations

import csv
import html
import io
import re

import markupsafe
import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient  # noqa: E402

import claimgraph  # noqa: E402
from claimgraph.contract import Analysis  # noqa: E402
from claimgraph.web import MemoryCorpus, create_app  # noqa: E402

TOKEN = "correct-horse-battery-staple"

HOSTILE_TEXT = (
    "Officials in Aleppo said on Monday that <script>alert('text')</script> at least 12 civilians were killed "
    "in an air strike. \"We saw \" onmouseover=\"alert('quote') the planes,\" a resident told Reuters. "
    "See <a href=\"javascript:alert('link')\">the report</a> for details."
)
PAYLOADS = ("<script>alert(", "onmouseover=\"alert(", "href=\"javascript:", "src=\"javascript:")


@pytest.fixture(scope="module")
def hostile() -> Analysis:
    return claimgraph.analyze(
        HOSTILE_TEXT,
        title="<script>alert('title')</script> Strike \" onmouseover=\"alert('t')",
        outlet="Evil\" onmouseover=\"alert('outlet') <script>alert('o')</script>",
        url="javascript:alert('url')",
        published="2016-02-01",
    )


@pytest.fixture(scope="module")
def corpus(sample_analysis: Analysis, hostile: Analysis) -> MemoryCorpus:
    return MemoryCorpus([sample_analysis, hostile])


@pytest.fixture(scope="module")
def client(corpus: MemoryCorpus) -> TestClient:
    return TestClient(create_app(corpus, write_token=""))


# two reports of one happening (the Aleppo bus-convoy bombing of 15 April 2017) with different tolls
REPORT_A = ("BEIRUT (Reuters) - A car bomb killed at least 112 people near buses carrying evacuees west of Aleppo "
            "on Saturday, the Syrian Observatory for Human Rights said.")
REPORT_B = ("ALEPPO, Syria (AFP) - A car bomb killed at least 126 people near buses carrying evacuees west of Aleppo "
            "on Saturday, the Syrian Observatory for Human Rights said on Sunday.")


@pytest.fixture(scope="module")
def linked() -> TestClient:
    a = claimgraph.analyze(REPORT_A, outlet="Reuters", published="2017-04-15", title="<b>Car bomb</b> near Aleppo")
    b = claimgraph.analyze(REPORT_B, outlet="AFP", published="2017-04-16", title="Aleppo toll rises")
    return TestClient(create_app(MemoryCorpus([a, b]), write_token=""))


@pytest.fixture()
def writable(sample_analysis: Analysis) -> TestClient:
    return TestClient(create_app(MemoryCorpus([sample_analysis]), write_token=TOKEN))


PAGES = ("/", "/claims", "/incidents", "/findings", "/outlets", "/sources", "/timeline", "/map", "/map?world=1",
         "/compare", "/analyze")


def page_paths(*analyses: Analysis) -> list[str]:
    ids = [a.document.id for a in analyses]
    return [*PAGES, *(f"/documents/{i}" for i in ids), f"/compare?a={ids[0]}&b={ids[-1]}"]


# ----------------------------------------------------------------------------------------------- API


def test_documents_api_lists_and_returns_the_contract(client: TestClient, sample_analysis: Analysis) -> None:
    listing = client.get("/api/documents").json()
    assert listing["total"] == 2
    assert {d["id"] for d in listing["items"]} >= {sample_analysis.document.id}
    one = client.get(f"/api/documents/{sample_analysis.document.id}")
    assert one.status_code == 200
    assert Analysis.model_validate(one.json()) == sample_analysis
    assert client.get("/api/documents/sha256:nothing").status_code == 404


def test_claims_api_filters_sorts_and_pages(client: TestClient, sample_analysis: Analysis) -> None:
    everything = client.get("/api/claims", params={"limit": 1000}).json()
    n_claims = len(sample_analysis.claims)
    assert everything["total"] >= n_claims
    outlet = sample_analysis.document.outlet
    mine = client.get("/api/claims", params={"outlet": outlet, "limit": 1000}).json()
    assert mine["total"] == n_claims and all(r["outlet"] == outlet for r in mine["items"])

    word = "turkmen"
    found = client.get("/api/claims", params={"q": word, "limit": 1000}).json()
    assert 0 < found["total"] < everything["total"]
    for r in found["items"]:
        haystack = " ".join([r["text"], r["outlet"] or "", *(link["label"] for link in r["chain"])]).lower()
        assert word in haystack

    by_text = client.get("/api/claims", params={"sort": "text", "limit": 1000}).json()["items"]
    keys = [r["text"].casefold() for r in by_text]
    assert keys == sorted(keys)

    first = client.get("/api/claims", params={"limit": 5, "offset": 0, "sort": "text"}).json()["items"]
    second = client.get("/api/claims", params={"limit": 5, "offset": 5, "sort": "text"}).json()["items"]
    assert len(first) == len(second) == 5
    assert not {r["claim_id"] + r["doc_id"] for r in first} & {r["claim_id"] + r["doc_id"] for r in second}

    # facets count the filtered set; a facet value used as a filter gives exactly that count
    kind, count = next((f["value"], f["count"]) for f in mine["facets"]["source_kind"])
    narrowed = client.get("/api/claims", params={"outlet": outlet, "source_kind": kind}).json()
    assert narrowed["total"] == count


def test_claim_rows_carry_the_source_chain(client: TestClient, sample_analysis: Analysis) -> None:
    rows = client.get("/api/claims", params={"outlet": sample_analysis.document.outlet, "limit": 1000}).json()["items"]
    by_id = {c.id: c for c in sample_analysis.claims}
    sources = {s.id: s.label for s in sample_analysis.sources}
    for row in rows:
        claim = by_id[row["claim_id"]]
        assert row["text"] == claim.text == sample_analysis.document.text[row["span"][0]:row["span"][1]]
        assert [link["label"] for link in row["chain"]] == [sources[s] for s in claim.sources]


def test_claims_csv_holds_the_current_filter(client: TestClient, sample_analysis: Analysis) -> None:
    outlet = sample_analysis.document.outlet
    api = client.get("/api/claims", params={"outlet": outlet, "q": "said"}).json()
    response = client.get("/claims.csv", params={"outlet": outlet, "q": "said"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == api["total"] > 0
    assert all(r["outlet"] == outlet for r in rows)


def test_events_api_filters_by_type(client: TestClient, sample_analysis: Analysis, hostile: Analysis) -> None:
    all_events = client.get("/api/events", params={"limit": 5000}).json()
    assert all_events["total"] == len(sample_analysis.events) + len(hostile.events)
    etype = sample_analysis.events[0].type
    typed = client.get("/api/events", params={"type": etype}).json()
    assert typed["total"] > 0 and all(etype in (r["type"], r["subtype"]) for r in typed["items"])
    placed = [r for r in all_events["items"] if r["place"]]
    assert placed and all(r["lat"] is not None for r in placed if r["place"] == "Turkmen Mountain")


def test_sources_graph_follows_chains(client: TestClient, sample_analysis: Analysis) -> None:
    graph = client.get("/api/sources/graph").json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert all(link["source"] in nodes and link["target"] in nodes for link in graph["links"])
    # every chain outlet -> cited outlet -> speaker in the sample shows as outlet (col 0) -> cited (col 1)
    outlet = sample_analysis.document.outlet
    by_id = {s.id: s for s in sample_analysis.sources}
    cited = {by_id[c.sources[1]].label for c in sample_analysis.claims
             if len(c.sources) > 2 and by_id[c.sources[0]].label == outlet}
    assert cited, "the sample reports claims through another outlet"
    edges = {(nodes[link["source"]]["label"], nodes[link["source"]]["column"], nodes[link["target"]]["label"])
             for link in graph["links"]}
    for label in cited:
        assert (outlet, 0, label) in edges
    for node in graph["nodes"]:  # a node is as large as the claims entering it (or leaving an outlet)
        incoming = sum(link["claims"] for link in graph["links"] if link["target"] == node["id"])
        outgoing = sum(link["claims"] for link in graph["links"] if link["source"] == node["id"])
        assert node["claims"] == (outgoing if node["column"] == 0 else incoming)


def test_linking_pages_say_when_there_is_nothing_yet(sample_analysis: Analysis) -> None:
    unlinked = TestClient(create_app(MemoryCorpus([sample_analysis], link=False), write_token=""))
    assert unlinked.get("/api/incidents").json() == {"available": False, "items": []}
    assert "no incidents yet" in unlinked.get("/incidents").text
    assert "no findings yet" in unlinked.get("/findings").text
    assert unlinked.get("/incidents/i1").status_code == 404


def test_incident_pages_show_every_report_side_by_side(linked: TestClient) -> None:
    incidents = linked.get("/api/incidents").json()["items"]
    assert incidents, "two reports of one bombing make an incident"
    listing = linked.get("/incidents").text
    for incident in incidents:
        assert f'href="/incidents/{incident["id"]}"' in listing
        page = linked.get(f"/incidents/{incident['id']}").text
        assert page.count('class="report"') == len(incident["reports"]) >= 2
        for report in incident["reports"]:
            assert f'href="/documents/{report["doc_id"]}"' in page
            for figure in report["figures"]:
                assert f"{figure['low']:,.0f}" in page
        assert "<svg class=\"map\"" in page or incident["lat"] is None


def test_findings_link_to_the_spans_they_rest_on(linked: TestClient) -> None:
    findings = linked.get("/api/findings").json()["items"]
    kinds = {f["kind"] for f in findings}
    assert "drift" in kinds
    page = linked.get("/findings").text
    for f in findings:
        if f["kind"] == "outlet_profile":
            continue
        assert str(markupsafe.escape(f["explanation"])) in page
        for ref in f["refs"][:6]:
            assert f'href="/documents/{ref["doc_id"]}' in page
    assert "<b>Car bomb</b>" not in page and "&lt;b&gt;Car bomb&lt;/b&gt;" in page  # stored titles are escaped
    drift = linked.get("/findings", params={"kind": "drift"}).text
    assert drift.count('class="flag"') == sum(f["kind"] == "drift" for f in findings)
    outlets = linked.get("/outlets").text
    assert "corroborated" in outlets and "highest / lowest" in outlets


# ------------------------------------------------------------------------------------------- pages


def test_every_page_renders_offline(client: TestClient, sample_analysis: Analysis, hostile: Analysis) -> None:
    for path in page_paths(sample_analysis, hostile):
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.text
        # everything the page loads comes from this server
        for attr in re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]*)"', body):
            assert attr.startswith("/"), (path, attr)
        assert "script-src 'self'" in response.headers["content-security-policy"]


def test_api_docs_work_offline(client: TestClient) -> None:
    docs = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', docs)
    assert assets and all(a.startswith("/static/") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/claims", "/api/events",
            "/api/sources/graph"} <= set(spec["paths"])


def _article_text(page: str) -> str:
    """The article as the page shows it: the #text block with its tags removed and entities decoded."""
    block = re.search(r'<div class="text" id="text">(.*?)</div>\s*<aside', page, re.S)
    assert block is not None
    return html.unescape(re.sub(r"<[^>]+>", "", block.group(1)))


def test_article_page_shows_the_text_exactly_and_every_item(client: TestClient, sample_analysis: Analysis) -> None:
    page = client.get(f"/documents/{sample_analysis.document.id}").text
    assert _article_text(page) == sample_analysis.document.text
    for quote in sample_analysis.quotes:
        assert f'id="d-{quote.id}"' in page
    for kind in ("quote", "quantity", "place", "time", "event"):
        assert f"k-{kind}" in page
    # a speaker's quotes carry its colour, and each quote's card names its speaker
    labels = {s.id: s.label for s in sample_analysis.sources}
    spoken = [quote for quote in sample_analysis.quotes if quote.speaker]
    assert len(spoken) >= 3, "the sample's quotes have speakers, so the cards below are checked"
    for quote in spoken:
        card = re.search(rf'id="d-{quote.id}".*?</div>', page, re.S).group(0)
        assert html.escape(labels[quote.speaker], quote=True) in card


def test_claims_page_facets_and_pagination(client: TestClient, sample_analysis: Analysis) -> None:
    outlet = sample_analysis.document.outlet
    page = client.get("/claims", params={"outlet": outlet, "per_page": 10}).text
    assert f"page 1 of {-(-len(sample_analysis.claims) // 10)}" in page
    assert page.count('<tr>') - 1 == 10
    assert "Download CSV" in page and "outlet=" in page


# ------------------------------------------------------------------------------------------- escaping


def test_stored_text_title_outlet_and_url_are_escaped(client: TestClient, hostile: Analysis,
                                                      sample_analysis: Analysis) -> None:
    assert "<script>" in hostile.document.text and "onmouseover" in (hostile.document.outlet or "")
    for path in page_paths(hostile, sample_analysis):
        body = client.get(path).text
        for payload in PAYLOADS:
            assert payload not in body, (path, payload)
    page = client.get(f"/documents/{hostile.document.id}").text
    assert "&lt;script&gt;alert(" in page  # shown as text, not run
    assert _article_text(page) == hostile.document.text
    assert 'href="javascript' not in page.lower()


def test_query_parameters_are_escaped(client: TestClient) -> None:
    evil = "<script>alert('q')</script>\" onmouseover=\"alert('q')"
    for path in ("/", "/claims", "/compare"):
        params = {"q": evil, "outlet": evil, "speaker": evil, "a": evil}
        body = client.get(path, params=params).text
        for payload in PAYLOADS:
            assert payload not in body, (path, payload)
    body = client.get("/claims", params={"q": evil}).text
    assert "&lt;script&gt;alert(" in body


def test_csv_cells_never_start_a_formula(writable: TestClient) -> None:
    text = "=HYPERLINK(\"http://x\") Officials said 3 people were killed in Homs on Tuesday."
    stored = writable.post("/api/analyze", json={"text": text, "store": True}, headers={"X-Claimgraph-Token": TOKEN})
    assert stored.status_code == 200
    rows = list(csv.reader(io.StringIO(writable.get("/claims.csv").text)))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows[1:] for cell in row)


# ------------------------------------------------------------------------------------------- write token


def test_read_only_by_default(client: TestClient) -> None:
    assert client.post("/api/analyze", json={"text": "Officials said two people died."}).status_code == 403
    assert client.post("/api/documents", json={}).status_code == 403
    assert "read-only" in client.get("/analyze").text


def test_write_token_enables_analyse_and_ingest(writable: TestClient) -> None:
    text = "Rebels said on Friday that 40 fighters were killed in clashes near Homs, the Syrian city."
    assert writable.post("/api/analyze", json={"text": text}).status_code == 401
    bad = writable.post("/api/analyze", json={"text": text}, headers={"X-Claimgraph-Token": TOKEN + "x"})
    assert bad.status_code == 401
    before = writable.get("/api/documents").json()["total"]
    ok = writable.post("/api/analyze", json={"text": text, "store": True},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    analysis = Analysis.model_validate(ok.json())
    assert writable.get("/api/documents").json()["total"] == before + 1
    assert writable.get(f"/api/documents/{analysis.document.id}").status_code == 200
    again = writable.post("/api/documents", json=analysis.to_dict(), headers={"X-Claimgraph-Token": TOKEN})
    assert again.json() == {"id": analysis.document.id, "added": False}


def test_analyse_form_shows_the_article_page(writable: TestClient) -> None:
    text = "A spokesman said 7 soldiers were wounded in Idlib on Sunday, the ministry told reporters."
    refused = writable.post("/analyze", data={"text": text, "token": "wrong-token-123"})
    assert refused.status_code == 401
    page = writable.post("/analyze", data={"text": text, "token": TOKEN})
    assert page.status_code == 200
    assert _article_text(page.text) == text
    assert "not stored" in page.text
    upload = writable.post("/analyze", data={"token": TOKEN, "store": "true"},
                           files={"file": ("a.txt", text.encode(), "text/plain")}, follow_redirects=False)
    assert upload.status_code == 303 and upload.headers["location"].startswith("/documents/sha256:")


# ------------------------------------------------------------------------------------------- the command


def test_serve_refuses_bad_arguments_with_one_line(tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from claimgraph.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["serve", "--memory", str(tmp_path / "nothing.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    short = runner.invoke(app, ["serve", "--memory", "--write-token", "abc", str(tmp_path)])
    assert short.exit_code == 2 and "at least 12 characters" in short.output


# ------------------------------------------------------------------------------------------- the store


def test_store_corpus_reads_through_the_store(tmp_path, sample_analysis: Analysis) -> None:  # noqa: ANN001
    from claimgraph.corpus import Store
    from claimgraph.web.store import StoreCorpus

    a = claimgraph.analyze(REPORT_A, outlet="Reuters", published="2017-04-15")
    b = claimgraph.analyze(REPORT_B, outlet="AFP", published="2017-04-16")
    store = Store(tmp_path / "web.duckdb")
    for analysis, key in ((sample_analysis, "sample.txt"), (a, "a.txt"), (b, "b.txt")):
        store.write_analysis(analysis, key=key)
    client = TestClient(create_app(StoreCorpus(store), write_token=""))
    listing = client.get("/api/documents").json()
    assert listing["total"] == 3
    assert {d["key"] for d in listing["items"]} == {"sample.txt", "a.txt", "b.txt"}
    stored = client.get(f"/api/documents/{a.document.id}").json()
    assert Analysis.model_validate(stored) == a
    # before `claimgraph link` the store holds no incident; after it, the two reports are one
    assert client.get("/api/incidents").json()["items"] == []
    assert "no incidents yet" in client.get("/incidents").text
    store.link()
    incidents = client.get("/api/incidents").json()["items"]
    assert any({r["doc_id"] for r in i["reports"]} == {a.document.id, b.document.id} for i in incidents)
    page = client.get(f"/incidents/{incidents[0]['id']}").text
    assert "Reuters" in page and "AFP" in page and "ent:" not in page
    assert "drift" in {f["kind"] for f in client.get("/api/findings").json()["items"]}



def test_store_corpus_keys_in_one_query_and_recent_analyses_kept(tmp_path, sample_analysis: Analysis) -> None:
    """Every article page asks for the documents' keys and one analysis: before, that was one query per stored
    document (1.2 s a page over FA-KES dev's 400) and ten more per page; now one query, kept until the store
    changes, and the last analyses read are kept until the view is rebuilt."""
    from claimgraph.corpus import Store
    from claimgraph.web.store import StoreCorpus

    a = claimgraph.analyze(REPORT_A, outlet="Reuters", published="2017-04-15")
    store = Store(tmp_path / "web.duckdb")
    store.write_analysis(sample_analysis, key="z-sample.txt")
    store.write_analysis(sample_analysis, key="b-sample.txt")  # the same text: one document, two keys
    corpus = StoreCorpus(store)
    assert list(corpus.analyses()) and corpus.keys() == {sample_analysis.document.id: "b-sample.txt"}
    calls = []
    real = store.get_analysis
    store.get_analysis = lambda doc_id: calls.append(doc_id) or real(doc_id)  # type: ignore[method-assign]
    assert corpus.get(sample_analysis.document.id) == sample_analysis
    assert corpus.get(sample_analysis.document.id) == sample_analysis
    assert calls == [sample_analysis.document.id]  # read from the store once
    assert corpus.add(a, key="a.txt")
    assert list(corpus.analyses()) and corpus.keys()[a.document.id] == "a.txt"
    assert corpus.get(sample_analysis.document.id) == sample_analysis and len(calls) == 2  # rebuilt: read again
    # another writer adds a document: once the view notices, its key is read afresh with it
    b = claimgraph.analyze(REPORT_B, outlet="AFP", published="2017-04-16")
    store.write_analysis(b, key="b.txt")
    assert corpus.changed(every=0)
    assert list(corpus.analyses()) and corpus.keys()[b.document.id] == "b.txt"
    client = TestClient(create_app(corpus, write_token=""))
    assert {d["key"] for d in client.get("/api/documents").json()["items"]} == {"b-sample.txt", "a.txt", "b.txt"}
    claims = client.get("/api/claims?limit=1").json()
    assert claims["facets"] == client.get("/api/claims?limit=2&sort=text").json()["facets"]  # counts reused


def test_map_puts_a_place_and_its_events_on_one_marker() -> None:
    from claimgraph.web import plots

    places = [{"name": "Latakia", "lat": 35.5167, "lon": 35.7833, "mentions": 4, "doc_id": "a", "feature": "city"},
              {"name": "Latakia", "lat": 35.5167, "lon": 35.7833, "mentions": 2, "doc_id": "b", "feature": "city"},
              {"name": "Syria", "lat": 35.0, "lon": 38.0, "mentions": 9, "doc_id": "a", "feature": "country"},
              {"name": "Nowhere", "lat": None, "lon": None, "mentions": 5, "doc_id": "a", "feature": None}]
    events = [{"place": "Latakia", "lat": 35.5167, "lon": 35.7833, "type": "Battles", "feature": "city"},
              {"place": "Latakia", "lat": 35.51671, "lon": 35.78331, "type": "Battles", "feature": "city"},
              {"place": "Latakia", "lat": 35.5167, "lon": 35.7833, "type": "Protests", "feature": "city"},
              {"place": "Idlib", "lat": 35.93, "lon": 36.63, "type": "Explosions/Remote violence", "feature": "city"}]
    points = {p["name"]: p for p in plots.map_points(events, places, world=True)["points"]}
    assert set(points) == {"Latakia", "Syria", "Idlib"}          # no marker for a place without coordinates
    latakia = points["Latakia"]
    assert (latakia["mentions"], latakia["documents"], latakia["events"]) == (6, 2, 3)
    assert latakia["top_type"] == "Battles" and not latakia["country_level"]
    assert points["Syria"]["country_level"] and points["Syria"]["events"] == 0
    assert points["Idlib"]["mentions"] == 0 and points["Idlib"]["events"] == 1
