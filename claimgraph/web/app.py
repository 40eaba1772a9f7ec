"""The FastAPI app: server-rendered pages over a corpus, and a JSON API mirroring the contract.

Read-only unless a write token is configured: then `/analyze` and the POST endpoints accept requests
carrying that token (form field `token`, header `X-Claimgraph-Token` or `Authorization: Bearer ...`),
compared in constant time. Every page is Jinja2 with autoescaping on; scripts come only from /static
(a Content-Security-Policy forbids inline and foreign scripts and inline styles), and nothing is fetched from elsewhere.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
import math
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Form, HTTPException, Query, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from claimgraph.contract import Analysis
from claimgraph.web import article as article_view
from claimgraph.web import plots
from claimgraph.web.corpus import CLAIM_FACETS, CLAIM_SORTS, Corpus, CorpusView

HERE = Path(__file__).parent
TOKEN_ENV = "CLAIMGRAPH_WRITE_TOKEN"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_UPLOAD = 5_000_000
#: a request body larger than this is refused with 413 before it is read (an upload plus the form around it)
MAX_REQUEST = MAX_UPLOAD + 64_000
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def safe_url(url: str | None) -> str | None:
    """A stored URL usable as a link: http(s) only (never `javascript:` or `data:`)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="Plain text or HTML of one article.")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="ISO 8601 publication date.")
    url: str | None = None
    store: bool = Field(False, description="Also add the analysis to the corpus.")


def create_app(corpus: Corpus, write_token: str | None = None, title: str = "claimgraph") -> FastAPI:
    """An app over `corpus`; `write_token` (or $CLAIMGRAPH_WRITE_TOKEN) enables analyse and ingest."""
    token = (write_token if write_token is not None else os.environ.get(TOKEN_ENV)) or None
    view = CorpusView(corpus)
    app = FastAPI(
        title=f"{title} API",
        description="The corpus as JSON: documents (the analysis contract), claims, events, the citation graph.",
        docs_url=None, redoc_url=None,
    )
    app.state.view = view
    app.state.corpus = corpus
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(site_title=title, safe_url=safe_url, type_colour=plots.type_colour,
                       kind_labels=article_view.KIND_LABELS, writable=token is not None,
                       url_with=url_with)
    env.filters["num"] = article_view.fmt_num
    env.filters["short"] = lambda s, n=90: s if not s or len(s) <= n else s[: n - 1].rstrip() + "…"

    try:  # Swagger UI's files from a PyPI package, served from here: /docs works offline
        from swagger_ui_bundle import swagger_ui_path
        app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
        has_swagger = True
    except ImportError:  # the docs page then lists the endpoints from /openapi.json itself
        has_swagger = False
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(BodyLimit, limit=MAX_REQUEST)  # inside security_headers: a 413 gets the headers too

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if request.method not in _SAFE_METHODS and cross_site(request):
            response: Response = JSONResponse({"detail": "cross-site request refused"}, status_code=403)
        else:
            response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)  # /docs sets its own, with script hashes
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"nav": name.split(".")[0], **context})

    def authorised(request: Request, form_token: str | None = None) -> bool:
        if token is None:
            return False
        given = form_token or request.headers.get("x-claimgraph-token") or ""
        auth = request.headers.get("authorization", "")
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:]
        return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))

    def require_write(request: Request, form_token: str | None = None) -> None:
        if token is None:
            raise HTTPException(403, "this server is read-only: start it with --write-token to allow this")
        if not authorised(request, form_token):
            raise HTTPException(401, "a valid write token is required")

    def get_analysis(doc_id: str) -> Analysis:
        analysis = corpus.get(doc_id)
        if analysis is None:
            raise HTTPException(404, f"no document {doc_id!r} in this corpus")
        return analysis

    def claim_filters(request: Request) -> dict[str, str]:
        return {k: v for k, v in request.query_params.items() if k in CLAIM_FACETS and v}

    # ------------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str | None = None, outlet: str | None = None, page: int = Query(1, ge=1)):
        limit = 50
        docs = view.documents(q=q, outlet=outlet, offset=(page - 1) * limit, limit=limit)
        return render(request, "home.html", totals=view.totals(), docs=docs, q=q or "", outlet=outlet,
                      page=page, pages=max(1, math.ceil(docs.total / limit)))

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        analysis = get_analysis(doc_id)
        return render(request, "document.html", view=article_view.build(analysis), doc=analysis.document,
                      key=corpus.keys().get(doc_id))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, q: str | None = None, sort: str = "date", desc: bool = True,
                    page: int = Query(1, ge=1), per_page: int = Query(50, ge=10, le=500)):
        filters = claim_filters(request)
        result = view.claim_page(q, filters, sort, desc, (page - 1) * per_page, per_page)
        params = {k: v for k, v in request.query_params.items() if k != "page"}
        return render(request, "claims.html", result=result, q=q or "", filters=filters, sort=sort, desc=desc,
                      page=page, pages=max(1, math.ceil(result.total / per_page)), params=params,
                      sorts=CLAIM_SORTS, facet_names=CLAIM_FACETS)

    @app.get("/claims.csv", include_in_schema=False)
    def claims_csv(request: Request, q: str | None = None):
        rows = view.filter_claims(q, claim_filters(request))
        buf = io.StringIO()
        cols = ["doc_id", "claim_id", "date", "outlet", "speaker", "source_kind", "chain", "attributed", "text",
                "hedges", "event_types", "places", "flags", "title", "published"]
        writer = csv.writer(buf)
        writer.writerow(cols)
        for r in rows:
            values = {**r, "chain": " > ".join(link["label"] for link in r["chain"])}
            writer.writerow([_csv_cell(values.get(c)) for c in cols])
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="claims.csv"'})

    def doc_labels() -> dict[str, str]:
        view.documents(limit=0)  # builds the view if needed
        return {d.id: f"{d.outlet or '?'}, {d.published or 'undated'}: {d.title or '(untitled)'}" for d in view.docs}

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(request: Request):
        return render(request, "incidents.html", incidents=corpus.incidents())

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        incident = next((i for i in corpus.incidents() or [] if str(i.get("id")) == incident_id), None)
        if incident is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        findings = [f for f in corpus.findings() or [] if f.get("incident") == incident_id]
        mini = None
        if incident.get("lat") is not None and incident.get("lon") is not None:
            frame = plots.fit([(incident["lon"], incident["lat"])], min_span=7)
            x, y = frame.xy(incident["lon"], incident["lat"])
            mini = {"frame": frame, "basemap": plots.basemap(frame), "x": round(x, 1), "y": round(y, 1)}
        names = corpus.entity_names() if hasattr(corpus, "entity_names") else {}

        def canon(ref: str) -> str:
            """A canonical id as a name: `label:x` -> x, `ent:...` -> the entity's name."""
            if ref in names:
                return names[ref]
            prefix, _, rest = ref.partition(":")
            return rest if rest and prefix in ("label", "outlet") else ref

        reports = []
        for r in incident.get("reports") or []:
            named = {**r, "sources": list(dict.fromkeys(canon(x) for x in r.get("sources") or [])),
                     "blamed": list(dict.fromkeys(canon(x) for x in r.get("blamed") or [])),
                     "figures": [{**f, "source": canon(f["source"]) if f.get("source") else None}
                                 for f in r.get("figures") or []],
                     "events": list({e.get("text"): e for e in r.get("events") or [] if e.get("text")}.values())}
            reports.append(named)
        return render(request, "incident.html", incident={**incident, "reports": reports}, findings=findings,
                      docs=doc_labels(), mini=mini)

    @app.get("/findings", response_class=HTMLResponse, include_in_schema=False)
    def findings_page(request: Request, kind: str | None = None, limit: int = Query(500, ge=1, le=10_000)):
        findings = corpus.findings()
        kinds: list[tuple[str, int]] = []
        shown = None
        if findings is not None:
            counts: dict[str, int] = {}
            for f in findings:
                counts[f.get("kind", "")] = counts.get(f.get("kind", ""), 0) + 1
            kinds = sorted(counts.items(), key=lambda kv: -kv[1])
            # outlet profiles have their own page (/outlets); listed here only when asked for
            shown = [f for f in findings if (f.get("kind") == kind if kind else f.get("kind") != "outlet_profile")]
            shown = shown[:limit]
        return render(request, "findings.html", findings=shown, kind=kind, kinds=kinds, docs=doc_labels())

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_page(request: Request):
        linked = {}
        for f in corpus.findings() or []:
            if f.get("kind") == "outlet_profile":
                data = f.get("data") or {}
                linked[str(data.get("name") or "").casefold()] = data
        profiles = view.outlet_profiles()
        for p in profiles:
            p["linked"] = linked.get(p["outlet"].casefold())
        return render(request, "outlets.html", profiles=profiles, has_linked=bool(linked))

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, nodes: int = Query(25, ge=5, le=200)):
        graph = view.source_graph(max_nodes=nodes)
        return render(request, "sources.html", layout=plots.graph_layout(graph), graph=graph, nodes=nodes)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, whole: bool = False):
        return render(request, "timeline.html", plot=plots.timeline(view.event_list(), whole=whole))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, world: bool = False):
        data = plots.map_points(view.event_list(), view.places, world=world)
        return render(request, "map.html", m=data, colours=plots.TYPE_COLOURS)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, a: str | None = None, b: str | None = None):
        docs = view.documents(limit=10_000).items
        analyses = [corpus.get(doc_id) if doc_id else None for doc_id in (a, b)]
        sides = [article_view.build(x) if x is not None else None for x in analyses]
        shared: list[dict[str, Any]] = []
        pair: list[dict[str, Any]] = []
        classes: list[dict[str, str]] = [{}, {}]
        if all(x is not None for x in analyses) and a != b:
            ids = {a, b}
            shared = [i for i in corpus.incidents() or [] if ids <= {r["doc_id"] for r in i.get("reports") or []}]
            pair = [f for f in corpus.findings() or [] if f.get("kind") in ("drift", "contradiction", "recycling")
                    and ids <= {r["doc_id"] for r in f.get("refs") or []}]
            for k, analysis in enumerate(analyses):
                classes[k] = _claim_classes(analysis, shared, pair)
        return render(request, "compare.html", docs=docs, a=a, b=b, sides=sides, shared=shared, pair=pair,
                      classes=classes, labels=doc_labels())

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request):
        return render(request, "analyze.html", error=None)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_submit(request: Request, text: str = Form(""), token_: str = Form("", alias="token"),
                             title: str = Form(""), outlet: str = Form(""), published: str = Form(""),
                             store: bool = Form(False), file: UploadFile | None = None):
        require_write(request, token_)
        source = text
        if file is not None and file.filename:
            raw = await file.read(MAX_UPLOAD + 1)
            if len(raw) > MAX_UPLOAD:
                page = render(request, "analyze.html", error="the file is larger than 5 MB")
                page.status_code = 413
                return page
            source = raw.decode("utf-8", errors="replace")
        try:
            analysis = _analyze(source, title=title, outlet=outlet, published=published)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            return render(request, "analyze.html", error=str(exc))
        if store:
            corpus.add(analysis, key=(file.filename if file is not None and file.filename else "web:analyze"))
            view.refresh()
            return RedirectResponse(f"/documents/{analysis.document.id}", status_code=303)
        return render(request, "document.html", view=article_view.build(analysis), doc=analysis.document,
                      key=None, transient=True)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        if has_swagger:
            page = get_swagger_ui_html(openapi_url="/openapi.json", title=f"{title} API",
                                       swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                       swagger_css_url="/static/swagger/swagger-ui.css",
                                       swagger_favicon_url="/static/favicon.svg")
            # Swagger UI boots with one inline script: allowed by its hash, never by 'unsafe-inline'
            page.headers["Content-Security-Policy"] = CSP.replace(
                "script-src 'self'", "script-src 'self' " + " ".join(_script_hashes(page.body.decode())))
            return page
        return render(request, "apidocs.html", schema=app.openapi())

    # ------------------------------------------------------------------ API

    @app.get("/api/documents", tags=["documents"])
    def api_documents(q: str | None = None, outlet: str | None = None, offset: int = Query(0, ge=0),
                      limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
        """Stored documents (metadata and counts), newest first."""
        page = view.documents(q=q, outlet=outlet, offset=offset, limit=limit)
        return {"total": page.total, "offset": offset, "limit": limit, "items": page.items}

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def api_document(doc_id: str) -> JSONResponse:
        """One document's whole analysis: the contract (`claimgraph schema`)."""
        return JSONResponse(get_analysis(doc_id).to_dict())

    @app.get("/api/claims", tags=["claims"])
    def api_claims(request: Request, q: str | None = Query(None, description="Free text over claims and sources."),
                   outlet: str | None = None, speaker: str | None = None, source_kind: str | None = None,
                   event_type: str | None = None, place: str | None = None,
                   date: str | None = Query(None, description="YYYY, YYYY-MM"), flag: str | None = None,
                   sort: str = Query("date", description="date, outlet, speaker, flags or text"), desc: bool = False,
                   offset: int = Query(0, ge=0), limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
        """Claims across the corpus, one flat row each, with facet counts of the filtered set."""
        page = view.claim_page(q, claim_filters(request), sort, desc, offset, limit)
        return {"total": page.total, "offset": offset, "limit": limit, "items": page.items,
                "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in page.facets.items()}}

    @app.get("/api/events", tags=["events"])
    def api_events(type: str | None = Query(None, description="ACLED event type or sub-event type"),
                   place: str | None = None, since: str | None = None, until: str | None = None,
                   offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=5000)) -> dict[str, Any]:
        """Events with place coordinates and a date (the event's own when resolved, else publication)."""
        rows = view.event_list(type, place, since, until)
        return {"total": len(rows), "offset": offset, "limit": limit, "items": rows[offset:offset + limit]}

    @app.get("/api/sources/graph", tags=["sources"])
    def api_graph(nodes: int = Query(30, ge=1, le=1000)) -> dict[str, Any]:
        """Citation graph: publishing outlet -> cited sources -> speaker, weighted by claims."""
        return view.source_graph(max_nodes=nodes)

    @app.get("/api/outlets", tags=["outlets"])
    def api_outlets() -> list[dict[str, Any]]:
        """Per-outlet profile: documents, claims, share attributed, flags, top speakers."""
        return view.outlet_profiles()

    @app.get("/api/incidents", tags=["linking"])
    def api_incidents() -> dict[str, Any]:
        """Incidents from cross-document linking (`claimgraph link`); `available` is false before linking exists."""
        incidents = corpus.incidents()
        return {"available": incidents is not None, "items": incidents or []}

    @app.get("/api/findings", tags=["linking"])
    def api_findings(kind: str | None = None) -> dict[str, Any]:
        """Findings (corroboration, drift, contradiction, anachronism, recycling) from linking."""
        findings = corpus.findings()
        items = [f for f in findings or [] if not kind or f.get("kind") == kind]
        return {"available": findings is not None, "items": items}

    @app.post("/api/analyze", tags=["write"])
    def api_analyze(request: Request, body: AnalyzeRequest) -> JSONResponse:
        """Analyse one article (needs the write token); with `store`, add it to the corpus too."""
        require_write(request)
        try:
            analysis = _analyze(body.text, title=body.title, outlet=body.outlet, published=body.published,
                                url=body.url)
        except Exception as exc:  # noqa: BLE001
            raise HTTPException(400, str(exc)) from exc
        if body.store:
            corpus.add(analysis, key="api:analyze")
            view.refresh()
        return JSONResponse(analysis.to_dict())

    @app.post("/api/documents", tags=["write"])
    def api_ingest(request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """Store an analysis already made (the contract as JSON; needs the write token)."""
        require_write(request)
        try:
            analysis = Analysis.model_validate(body)
        except Exception as exc:  # noqa: BLE001
            raise HTTPException(422, f"not an analysis: {exc}") from exc
        added = corpus.add(analysis, key="api:documents")
        view.refresh()
        return {"id": analysis.document.id, "added": added}

    return app


def cross_site(request: Request) -> bool:
    """A state-changing request a browser sent from another site (CSRF): its Origin names another host, or
    its Sec-Fetch-Site says cross-site. Clients that send neither (curl, scripts) are not browsers."""
    if request.headers.get("sec-fetch-site", "") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    try:
        host = urlsplit(origin).netloc
    except ValueError:
        return True
    return host.lower() != request.headers.get("host", "").lower()


def _script_hashes(page: str) -> list[str]:
    """CSP source expressions ('sha256-...') for every inline script of a page."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
            for body in _INLINE_SCRIPT.findall(page)]


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413: a declared Content-Length is checked before reading;
    a body without one (chunked) is read up to the limit and then replayed to the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await _reply(scope, receive, send, 400, "Content-Length is not a number")
            elif int(length) > self.limit:
                await _reply(scope, receive, send, 413, f"request body over {self.limit:,} bytes")
            else:
                await self.app(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await _reply(scope, receive, send, 413, f"request body over {self.limit:,} bytes")
                return
            if not message.get("more_body"):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _reply(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)


def _claim_classes(analysis: Analysis, shared: list[dict[str, Any]], pair: list[dict[str, Any]]) -> dict[str, str]:
    """claim id -> contradicted | drifted | shared | unique, for one side of a comparison: a claim is
    contradicted or drifted when a finding about the pair rests on a span inside it, shared when one of
    its events is in an incident both report (the rule `claimgraph compare` follows)."""
    doc_id = analysis.document.id

    def spans(kinds: tuple[str, ...]) -> list[tuple[int, int]]:
        return [tuple(r["span"]) for f in pair if f["kind"] in kinds for r in f.get("refs") or []
                if r["doc_id"] == doc_id and r.get("span")]

    contra, drift = spans(("contradiction",)), spans(("drift", "recycling"))
    events = {e.get("item") for i in shared for r in i["reports"] if r["doc_id"] == doc_id
              for e in r.get("events") or []}

    def overlaps(span: tuple[int, int], among: list[tuple[int, int]]) -> bool:
        return any(s < span[1] and span[0] < e for s, e in among)

    out = {}
    for c in analysis.claims:
        span = (c.span[0], c.span[1])
        out[c.id] = ("contradicted" if overlaps(span, contra) else "drifted" if overlaps(span, drift)
                     else "shared" if set(c.events) & events else "unique")
    return out


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    # a cell starting with = + - @ is a formula in spreadsheets: keep it text
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _analyze(source: str, **meta: str | None) -> Analysis:
    from claimgraph.pipeline import analyze

    meta = {k: v for k, v in meta.items() if v}
    return analyze(source, **meta)


def url_with(params: dict[str, str], **changes: Any) -> str:
    """A query string: current parameters with some changed (None removes one)."""
    merged = {**params}
    for k, v in changes.items():
        if v is None or v == "":
            merged.pop(k, None)
        else:
            merged[k] = str(v)
    return "?" + urlencode(merged) if merged else "?"
