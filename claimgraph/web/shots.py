"""Screenshots of every page of a running `claimgraph serve`, for docs/web and for looking at the UI.

    python -m claimgraph.web.shots http://127.0.0.1:8000 docs/web

Uses Playwright's Python package with Debian's Chromium (/usr/bin/chromium; $CLAIMGRAPH_CHROMIUM overrides):
Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
PAGES = ("/", "/claims", "/incidents", "/findings", "/outlets", "/sources", "/timeline", "/map", "/compare",
         "/analyze", "/docs")


def launch(playwright):  # noqa: ANN001, ANN201 - playwright objects
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])


def shoot(base: str, out: Path, doc_id: str | None = None, compare: tuple[str, str] | None = None,
          width: int = 1400, height: int = 1000) -> list[Path]:
    """One full-page PNG per page (the article page of `doc_id` too, and with a quote clicked)."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": width, "height": height})
        targets = [(path, path.strip("/").replace("/", "-") or "home") for path in PAGES]
        if compare:
            targets = [(f"/compare?a={compare[0]}&b={compare[1]}", "compare") if name == "compare" else (t, name)
                       for t, name in targets]
        if doc_id:
            targets.insert(1, (f"/documents/{doc_id}", "document"))
        for path, name in targets:
            page.goto(base.rstrip("/") + path, wait_until="networkidle")
            if name == "docs":  # Swagger UI renders after fetching /openapi.json
                page.wait_for_selector(".opblock", timeout=60_000)
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
            if name == "incidents" and page.locator('a[href^="/incidents/"]').count():
                page.locator('a[href^="/incidents/"]').first.click()
                page.wait_for_load_state("networkidle")
                target = out / "incident.png"
                page.screenshot(path=str(target))
                written.append(target)
            if name == "document":
                # the first quote that travelled through an intermediary (a chain of three or more)
                index = page.evaluate("""() => [...document.querySelectorAll('.seg.k-quote')].findIndex(el => {
                    const card = document.getElementById('d-' + el.dataset.ids.split(' ')[0]);
                    return card && card.querySelectorAll('.chain .link').length >= 3; })""")
                page.locator(".seg.k-quote").nth(max(index, 0)).click()
                page.wait_for_selector("#shown .detail")
                target = out / "document-quote-clicked.png"
                page.screenshot(path=str(target))
                written.append(target)
        browser.close()
    return written


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit("usage: python -m claimgraph.web.shots BASE_URL OUT_DIR [DOC_ID [DOC_A DOC_B]]")
    doc = args[2] if len(args) > 2 else None
    pair = (args[3], args[4]) if len(args) > 4 else None
    for path in shoot(args[0], Path(args[1]), doc, pair):
        print(path)
