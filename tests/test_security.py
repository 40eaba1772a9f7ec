"""The attack suite (docs/security.md lists each attack and its result): stored and reflected XSS through a real
`claimgraph.Store`, SQL injection through every Store filter and every HTTP filter parameter, path traversal,
oversize bodies, cross-site form posts, security headers, and the write token compared in constant time."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient  # noqa: E402

import claimgraph  # noqa: E402
from claimgraph.contract import Analysis  # noqa: E402
from claimgraph.corpus import Store  # noqa: E402
from claimgraph.corpus.query import Filters  # noqa: E402
from claimgraph.errors import ClaimgraphError  # noqa: E402
from claimgraph.web import app as web_app  # noqa: E402
from claimgraph.web import create_app  # noqa: E402
from claimgraph.web.store import StoreCorpus  # noqa: E402

TOKEN = "s3cret-write-token"
XSS = "<script>alert(1)</script>"
ATTR = "\" onmouseover=\"alert(2)"
IMG = "<img src=x onerror=alert(3)>"
SQLI = ("' OR 1=1 --", "x'; DROP TABLE documents; --", "\" OR \"\"=\"",
        "%' UNION SELECT doc_id, text FROM documents --", "1); DELETE FROM claims; --", "\\'; SELECT 1; --")
TEXT = ("Officials in Aleppo said on Monday that at least 12 civilians were killed in an air strike. "
        f"\"We saw the planes {XSS} and ran,\" Ahmed Hassan, a resident, told Reuters. {IMG} The ministry said "
        f"the convoy {ATTR} was hit near Idlib.")
UNESCAPED = (re.compile(r"<script>alert"), re.compile(r"<img src=x onerror"), re.compile(r"\" onmouseover=\"alert"))


def hostile_analysis() -> Analysis:
    analysis = claimgraph.analyze(TEXT, title=f"{XSS} Strike {ATTR}", outlet=f"Evil {IMG} {ATTR}",
                                  url="javascript:alert(4)", published="2016-02-01")
    assert analysis.sources, "the hostile article must name a source for the speaker-name attack"
    # speaker names as a hostile page could make them: every source label carries a payload
    sources = [s.model_copy(update={"label": f"{s.label} {XSS}{IMG}"}) for s in analysis.sources]
    return analysis.model_copy(update={"sources": sources})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("security") / "hostile.duckdb"
    s = Store(str(path))
    s.write_analysis(hostile_analysis(), key="hostile.txt")
    return s


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(StoreCorpus(store), write_token=TOKEN))


def pages(client: TestClient) -> list[str]:
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    return ["/", f"/documents/{doc_id}", "/claims", "/claims.csv", "/incidents", "/findings", "/outlets", "/sources",
            "/timeline", "/map", f"/compare?a={doc_id}", "/analyze", "/docs"]


def test_stored_xss_text_titles_outlets_speakers_is_escaped(client: TestClient, store: Store) -> None:
    stored = store.query("documents")[0]
    assert XSS in stored["title"] and IMG in stored["outlet"]  # the payloads really are in the store
    for url in pages(client):
        r = client.get(url)
        assert r.status_code == 200, url
        if url.startswith("/claims.csv"):
            continue  # text/csv, served as an attachment: never rendered as HTML
        for pattern in UNESCAPED:
            assert not pattern.search(r.text), (url, pattern.pattern)
    doc = client.get(pages(client)[1]).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc  # shown, as text
    assert "javascript:alert(4)" in doc and 'href="javascript:' not in doc  # the stored URL is shown, not linked


@pytest.mark.parametrize("param", ["q", "outlet", "speaker", "source_kind", "event_type", "place", "date", "flag",
                                   "sort", "kind", "a", "b"])
def test_reflected_xss_in_query_parameters_is_escaped(client: TestClient, param: str) -> None:
    for url in ("/", "/claims", "/compare", "/findings"):
        r = client.get(url, params={param: f"{XSS}{ATTR}{IMG}"})
        assert r.status_code == 200, (url, param)
        for pattern in UNESCAPED:
            assert not pattern.search(r.text), (url, param, pattern.pattern)


@pytest.mark.parametrize("field", [f.name for f in Filters.__dataclass_fields__.values()
                                   if f.name not in ("since", "until", "within_km")])
def test_sql_injection_through_every_store_filter(store: Store, field: str) -> None:
    before = store.count("documents"), store.count("claims")
    for payload in SQLI:
        for what in ("documents", "claims", "events", "quotes"):
            assert store.query(what, **{field: payload}) == []  # matched literally: nothing has these values
    assert (store.count("documents"), store.count("claims")) == before


def test_sql_injection_through_date_and_distance_filters_is_refused(store: Store) -> None:
    for payload in SQLI:
        with pytest.raises(ClaimgraphError):
            store.query("documents", since=payload)
        with pytest.raises(ClaimgraphError):
            store.query("documents", until=payload)
    with pytest.raises(ClaimgraphError):
        store.query("documents; DROP TABLE documents")
    assert store.count("documents") == 1


def test_store_filters_are_parameters_not_sql(store: Store) -> None:
    from claimgraph.corpus import query

    for field in ("outlet", "source", "entity", "place", "event_type", "flag", "text", "key", "doc_id"):
        for payload in SQLI:
            sql, order, params = query.build(store, "claims", Filters(**{field: payload}))
            for token in ("1=1", "DROP", "UNION", "DELETE", "\\'"):
                assert token not in sql + order, (field, payload)
            assert any(str(p).strip("%").lower() in payload.lower() for p in params if isinstance(p, str)), field


# each endpoint's filter parameters (a filter matched literally finds nothing in the hostile corpus)
HTTP_FILTERS = {
    "/api/claims": ["q", "outlet", "speaker", "source_kind", "event_type", "place", "date", "flag"],
    "/api/documents": ["q", "outlet"], "/api/events": ["type", "place"], "/api/findings": ["kind"],
    "/claims": ["q", "outlet", "speaker", "source_kind", "event_type", "place", "date", "flag"], "/": ["q", "outlet"],
}
OTHER_PARAMS = ["sort", "since", "until", "desc", "page", "offset", "limit"]


@pytest.mark.parametrize("path", list(HTTP_FILTERS))
def test_sql_injection_through_http_filters(client: TestClient, path: str) -> None:
    for payload in SQLI:
        for name in HTTP_FILTERS[path]:
            r = client.get(path, params={name: payload})
            assert r.status_code == 200, (path, name, r.status_code)
            if path.startswith("/api/"):
                assert r.json()["items"] == [], (path, name)
        for name in OTHER_PARAMS:
            assert client.get(path, params={name: payload}).status_code in (200, 422), (path, name)
    assert client.get("/api/documents").json()["total"] == 1
    assert client.get("/api/claims").json()["total"] > 0


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/%2e%2e%2f%2e%2e%2fcli.py", "/static//etc/passwd", "/static/....//app.py",
                                  "/static/swagger/../../app.py", "/documents/../../../etc/passwd",
                                  "/api/documents/..%2f..%2fetc%2fpasswd"])
def test_path_traversal_serves_no_file_outside_static(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 400), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_oversize_bodies_get_413(client: TestClient) -> None:
    big = b"a" * (web_app.MAX_REQUEST + 1)
    r = client.post("/api/analyze", content=big, headers={"Content-Type": "application/json",
                                                           "X-Claimgraph-Token": TOKEN})
    assert r.status_code == 413 and "request body over" in r.json()["detail"]

    def chunks():  # no Content-Length: read up to the limit, then refused
        for _ in range(web_app.MAX_REQUEST // 65536 + 2):
            yield b"b" * 65536

    r = client.post("/api/documents", content=chunks(), headers={"X-Claimgraph-Token": TOKEN})
    assert r.status_code == 413
    assert r.headers["x-content-type-options"] == "nosniff"
    r = client.post("/analyze", data={"token": TOKEN},
                    files={"file": ("big.txt", b"x" * (web_app.MAX_UPLOAD + 1), "text/plain")})
    assert r.status_code == 413 and "larger than 5 MB" in r.text


def test_cross_site_form_post_is_refused(client: TestClient) -> None:
    form = {"text": "Officials said on Monday that 3 people died.", "token": TOKEN}
    r = client.post("/analyze", data=form, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    r = client.post("/analyze", data=form, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = client.post("/analyze", data=form, headers={"Origin": "http://testserver"})
    assert r.status_code == 200  # the same site, with the token: allowed
    r = client.post("/analyze", data={"text": form["text"], "token": "wrong"}, headers={"Origin": "http://testserver"})
    assert r.status_code == 401


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in [*pages(client), "/api/claims", "/static/app.css", "/nope", "/openapi.json"]:
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp, url
        assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer", url
        assert h["x-frame-options"] == "DENY", url


def test_docs_inline_script_allowed_by_its_hash_only(client: TestClient) -> None:
    r = client.get("/docs")
    scripts = web_app._INLINE_SCRIPT.findall(r.text)
    assert scripts, "Swagger UI's page boots with an inline script"
    csp = r.headers["content-security-policy"]
    assert all(h in csp for h in web_app._script_hashes(r.text)) and "'sha256-" in csp


def test_templates_have_no_inline_scripts_styles_or_handlers() -> None:
    templates = Path(web_app.HERE / "templates")
    for path in templates.glob("*.html"):
        source = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), path.name
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", source), path.name


def test_hue_classes_cover_every_speaker_hue() -> None:
    css = (web_app.HERE / "static" / "hues.css").read_text()
    assert {int(h) for h in re.findall(r"\.h(\d+) \{ --h: \1; \}", css)} == set(range(360))


def test_write_token_compared_in_constant_time() -> None:
    """Code inspection: the token is compared with hmac.compare_digest and never with == or startswith."""
    tree = ast.parse(inspect.getsource(web_app.create_app))
    authorised = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "authorised")
    calls = [ast.unparse(n.func) for n in ast.walk(authorised) if isinstance(n, ast.Call)]
    assert "hmac.compare_digest" in calls
    compares = [n for n in ast.walk(authorised) if isinstance(n, ast.Compare)]
    assert all("token" not in ast.unparse(c) or ast.unparse(c) == "token is None" for c in compares)


def test_write_token_required(client: TestClient) -> None:
    body = {"text": "Officials said on Monday that 3 people died."}
    assert client.post("/api/analyze", json=body).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"X-Claimgraph-Token": TOKEN[:-1]}).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}x"}).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
