"""End to end in headless Chromium (Debian's, through Playwright's Python package): the sample's article
page shows its highlights, and clicking a quote shows its speaker and source chain. Screenshots go to
$CLAIMGRAPH_SHOTS when set (docs/web uses them), else to pytest's temporary folder."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from claimgraph.contract import Analysis

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed (dev extra)")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CLAIMGRAPH_CHROMIUM)",
                allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from claimgraph.web import MemoryCorpus, create_app  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_analysis: Analysis):
    port = _free_port()
    config = uvicorn.Config(create_app(MemoryCorpus([sample_analysis]), write_token=""), host="127.0.0.1",
                            port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    out = Path(os.environ["CLAIMGRAPH_SHOTS"]) if os.environ.get("CLAIMGRAPH_SHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_article_page_highlights_and_quote_chain(server: str, browser, sample_analysis: Analysis,
                                                  shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/documents/{sample_analysis.document.id}", wait_until="networkidle")
    text = sample_analysis.document.text

    # highlights: each kind present, and what each mark covers is text the analysis found for that kind
    mentions = {text[s:e] for p in sample_analysis.places for s, e in p.mentions}
    numbers = {q.text for q in sample_analysis.quantities}
    assert page.locator(".seg.k-quote").count() > 0
    assert page.locator(".seg.k-event").count() > 0
    assert page.locator(".seg.k-time").count() > 0
    for seg in page.locator(".seg.k-place").all_inner_texts():
        assert any(seg in m for m in mentions), seg
    for seg in page.locator(".seg.k-quantity").all_inner_texts():
        assert any(seg in n for n in numbers), seg
    assert page.locator("#text").inner_text().replace("\n", "") == text.replace("\n", "")

    # a click on a quote: the panel shows that quote with its speaker and the chain it came through
    labels = {s.id: s.label for s in sample_analysis.sources}
    quote = next(q for q in sample_analysis.quotes if q.speaker and q.via)
    seg = page.locator(f'.seg.k-quote[data-ids~="{quote.id}"]').first
    seg.click()
    card = page.locator(f'#shown .detail[data-item="{quote.id}"]')
    card.wait_for()
    assert card.is_visible()
    shown = card.inner_text()
    assert labels[quote.speaker] in shown
    assert labels[quote.via] in card.locator(".chain").inner_text()
    assert "source chain" in shown
    assert page.locator(".seg.sel").count() > 0
    page.screenshot(path=str(shots / "document-quote-clicked.png"))

    # the side panel's claim list selects claims in the text
    page.locator(".claimref").first.click()
    assert page.locator("#shown .detail.kind-claim").count() == 1

    # legend toggles hide a kind
    page.locator('.legend input[data-kind="quote"]').uncheck()
    assert "hide-quote" in page.locator("body").get_attribute("class")
    page.screenshot(path=str(shots / "document.png"))
    assert all(r.startswith(server) for r in requests), [r for r in requests if not r.startswith(server)]
    page.close()


def test_every_page_loads_without_errors(server: str, browser, sample_analysis: Analysis, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in ("/", "/claims", "/sources", "/timeline", "/map", "/outlets", "/incidents", "/findings",
                 f"/compare?a={sample_analysis.document.id}", "/analyze", "/docs"):
        page.goto(server + path, wait_until="networkidle")
        assert page.locator("h1, .swagger-ui").first.is_visible(), path
    page.goto(server + "/docs", wait_until="networkidle")
    page.locator(".opblock").first.wait_for()  # Swagger UI rendered the spec from this server
    assert not errors, errors
    page.close()
