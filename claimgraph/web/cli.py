"""`claimgraph serve`: one command from a store (or from files, ingested first) to a browsable site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

#: seconds an idle keep-alive connection stays open. uvicorn's default (5 s) is shorter than a busy server takes
#: to read a client's next request, so it closed connections under a client's feet (httpx ReadError in 3 of 756
#: requests of bench/web.py's 200-client load test); 75 s is nginx's default
KEEP_ALIVE_S = 75
#: connections waiting to be accepted: room for the load test's 200 clients connecting at once, and more
BACKLOG = 2048


def serve(
    paths: list[str] | None = typer.Argument(
        None, help="Files or folders to ingest first (into --db, or ./claimgraph.duckdb); none: serve the store."),
    db: str | None = typer.Option(None, "--db", help="Store URL: a .duckdb path or postgresql://..."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, help="Port to listen on."),
    write_token: str | None = typer.Option(
        None, "--write-token", envvar="CLAIMGRAPH_WRITE_TOKEN", show_envvar=True,
        help="Enables analyse and ingest from the browser and the API for requests carrying this token."),
    memory: bool = typer.Option(False, "--memory", help="Keep the analyses of PATHS in memory, not in a store."),
) -> None:
    """Serve the corpus as a website and a JSON API (read-only unless a write token is given)."""
    try:
        import uvicorn

        from claimgraph.web.app import create_app
    except ImportError as exc:
        _fail(f"the web UI needs its extra: pip install 'claimgraph[web]' ({exc.name} is missing)")
    from claimgraph.web.store import StoreCorpus, store_class

    if write_token is not None and len(write_token) < 12:
        _fail("the write token must be at least 12 characters")

    Store = store_class()
    if memory or Store is None:
        if not paths:
            _fail("give files to analyse (this claimgraph has no corpus store to serve)")
        corpus = _memory_corpus(paths)
    else:
        if not paths and db is None and not Path("claimgraph.duckdb").exists():
            _fail("no store here: give files to ingest (claimgraph serve examples/) or --db URL")
        try:  # read-only unless something will write: other read-only processes can share a DuckDB file
            store = Store(db, read_only=not paths and not write_token)
        except Exception as exc:  # noqa: BLE001 - one line, no traceback
            _fail(f"cannot open the store: {exc}")
        if paths:
            _ingest(store, paths)
        corpus = StoreCorpus(store)
    app = create_app(corpus, write_token=write_token or "")  # "" disables writes even if the env var is set
    mode = "writable with the token" if write_token else "read-only"
    print(f"claimgraph: serving http://{host}:{port}/ ({mode}); API docs at /docs", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("CLAIMGRAPH_LOG_LEVEL", "warning"),
                timeout_keep_alive=KEEP_ALIVE_S, backlog=BACKLOG)


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _ingest(store, paths: list[str]) -> None:  # noqa: ANN001 - a claimgraph.Store
    """Ingest files into the store first (documents already stored are skipped by their content hash)."""
    from claimgraph.corpus.ingest import ingest
    from claimgraph.corpus.readers import iter_items

    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or folder")
    counts = ingest(store, iter_items(paths), inputs=paths)
    summary = ", ".join(f"{k} {v}" for k, v in counts.as_dict().items())
    print(f"claimgraph: ingested {', '.join(paths)} into {store.url} ({summary})", file=sys.stderr)


def _memory_corpus(paths: list[str]):  # noqa: ANN202
    """Analyse the files into memory: the site works without a store (nothing is kept after exit)."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.ingest import read_path
    from claimgraph.pipeline import default_analyzer
    from claimgraph.web.corpus import MemoryCorpus

    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in {".txt", ".html", ".htm", ".jsonl"}))
        elif p.exists():
            files.append(p)
        else:
            _fail(f"{p}: no such file or folder")
    corpus = MemoryCorpus()
    analyzer = default_analyzer()
    for f in files:
        articles = list(read_path(str(f)))
        for outcome in analyzer.analyze_many(a for a in articles):
            if outcome.analysis is not None:
                corpus.add(outcome.analysis, key=f"{f}:{outcome.index}" if len(articles) > 1 else str(f))
            elif isinstance(outcome.error, ClaimgraphError):
                print(f"warning: {f}: {outcome.error}", file=sys.stderr)
    return corpus
