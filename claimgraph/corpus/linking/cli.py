"""`claimgraph link | compare | incidents | findings`: cross-checking a stored corpus from the shell.

All take `--db` like `ingest`. `link` is incremental (only documents not linked yet); `ingest` runs it at
its end unless `--no-link`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from claimgraph.corpus.cli import _db_option, _fail, _guard, _open


class Kind(StrEnum):
    corroboration = "corroboration"
    drift = "drift"
    contradiction = "contradiction"
    anachronism = "anachronism"
    recycling = "recycling"
    outlet_profile = "outlet_profile"


class CompareFormat(StrEnum):
    md = "md"
    html = "html"


@_guard
def link(
    db: str | None = _db_option(),
    full: bool = typer.Option(False, "--full", help="Forget the linked records and link the whole corpus again."),
) -> None:
    """Link stored documents across the corpus: incidents, canonical entities, near-duplicates, findings."""
    store = _open(db)
    try:
        summary = store.link(full=full)
    finally:
        store.close()
    kinds = ", ".join(f"{v} {k}" for k, v in sorted(summary.counts.items())) or "none"
    sys.stdout.write(f"linked {summary.linked} documents ({summary.loaded} stored ones read back as candidates) in "
                     f"{summary.seconds:.1f}s: {summary.incidents} incidents touched; findings: {kinds}\n")


def _analysis(ref: str, db: str | None) -> Any:  # noqa: ANN401
    """A file is analysed; anything else is a stored document id or input key."""
    if Path(ref).is_file():
        from claimgraph.pipeline import default_analyzer

        return default_analyzer().analyze_article(Path(ref).read_text(encoding="utf-8"))
    store = _open(db, read_only=True)
    try:
        ids = [ref] if ref.startswith("sha256:") else store.find_key(ref)
        analysis = store.get_analysis(ids[0]) if ids else None
    finally:
        store.close()
    if analysis is None:
        _fail(f"{ref}: neither a file nor a stored document id or input key")
    return analysis


@_guard
def compare(
    a: str = typer.Argument(..., help="A file, or a stored document id (sha256:...) or input key."),
    b: str = typer.Argument(..., help="The other one."),
    db: str | None = _db_option(),
    fmt: CompareFormat = typer.Option(CompareFormat.md, "--format", "-f", help="md or html."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of standard output."),
) -> None:
    """Shared, drifted, contradicted and unique claims of two articles."""
    from claimgraph.corpus.linking.compare import compare as run
    from claimgraph.corpus.linking.compare import to_html, to_markdown

    c = run(_analysis(a, db), _analysis(b, db))
    text = to_markdown(c) if fmt is CompareFormat.md else to_html(c)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@_guard
def incidents(
    db: str | None = _db_option(),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    min_documents: int = typer.Option(2, "--min-documents", min=1, help="Only incidents this many documents report."),
    limit: int | None = typer.Option(None, "--limit", min=1),
) -> None:
    """Incidents reported by several documents, with every report (outlet, date, figures, sources, blame)."""
    store = _open(db, read_only=True)
    try:
        found = store.incidents(min_documents=min_documents, limit=limit)
        keys = {r.doc_id: store.keys(r.doc_id) for inc in found for r in inc.reports}
    finally:
        store.close()
    for inc in found:
        if as_json:
            obj = inc.model_dump(mode="json")
            obj["documents"] = [{"id": r.doc_id, "key": (keys[r.doc_id] or [None])[0], "keys": keys[r.doc_id],
                                 "outlet": r.outlet, "published": r.published} for r in inc.reports]
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            continue
        sys.stdout.write(f"{inc.id}  {inc.subtype} at {inc.place or '?'}, {inc.date_start or '?'}"
                         f" ({len(inc.reports)} documents)\n")
        for r in inc.reports:
            figs = "; ".join(f"{f.kind} {f.group} \"{f.ref.text}\"" for f in r.figures)
            blamed = f" blames {', '.join(r.blamed)}" if r.blamed else ""
            key = (keys[r.doc_id] or [r.doc_id[:19]])[0]
            sys.stdout.write(f"  - {r.outlet or '?'} {r.published or '?'} [{key}]: "
                             f"{', '.join(e.text or '' for e in r.events[:2])}{blamed}"
                             + (f" ({figs})" if figs else "") + "\n")


@_guard
def findings(
    db: str | None = _db_option(),
    kind: list[Kind] | None = typer.Option(None, "--kind", "-k", help="Only these kinds (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    limit: int | None = typer.Option(None, "--limit", min=1),
) -> None:
    """Findings: corroboration, drift, contradiction, anachronism, recycling, outlet profiles."""
    store = _open(db, read_only=True)
    try:
        found = store.findings(kinds=[k.value for k in kind or []], limit=limit)
    finally:
        store.close()
    for f in found:
        if as_json:
            sys.stdout.write(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{f.kind}/{f.aspect}: {f.explanation}\n")


def register(app: typer.Typer) -> None:
    """Add the linking commands to the main `claimgraph` app."""
    app.command()(link)
    app.command()(compare)
    app.command()(incidents)
    app.command()(findings)
