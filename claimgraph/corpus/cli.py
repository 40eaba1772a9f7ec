"""`claimgraph ingest | query | export | store init|info`: the corpus commands, registered on the main app.

Exit codes as for `analyze`: 0 done; 2 bad input or setup (one line on stderr, nothing written);
3 ingest finished but some inputs failed (they are in the store's `failures` table); 1 internal error.
`--db` defaults to ./claimgraph.duckdb, or $CLAIMGRAPH_DB when set.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from claimgraph.console import EXIT_INTERNAL, EXIT_PARTIAL, err
from claimgraph.console import fail as _fail
from claimgraph.errors import ClaimgraphError

out = Console(highlight=False, soft_wrap=False)

DB_HELP = "Store: a .duckdb file (default ./claimgraph.duckdb) or postgresql://user@host/dbname."
store_app = typer.Typer(no_args_is_help=True, help="Create or describe a store.")


def _db_option() -> Any:
    return typer.Option(None, "--db", envvar="CLAIMGRAPH_DB", help=DB_HELP, show_default=False)


def _open(db: str | None, read_only: bool = False):  # noqa: ANN202
    from claimgraph.corpus.store import Store

    if read_only and db is not None and not str(db).startswith(("postgresql://", "postgres://")) \
            and not Path(db).exists():
        _fail(f"{db}: no such store: create one with `claimgraph ingest PATH --db {db}`")
    if read_only and db is None and not Path("claimgraph.duckdb").exists():
        _fail("no store here (./claimgraph.duckdb): run `claimgraph ingest PATH` first, or give --db")
    return Store(db, read_only=read_only)


def _guard(fn):  # noqa: ANN001, ANN202
    """One-line errors, never a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except ClaimgraphError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except BrokenPipeError:  # `claimgraph query ... | head`: the reader has seen enough
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
            _fail(f"internal error ({type(exc).__name__}: {exc}); please report it", EXIT_INTERNAL)
    return wrapper


# -- ingest -----------------------------------------------------------------------------------------

class _Progress:
    """A rich progress bar on a terminal; a plain log line every few seconds otherwise."""

    def __init__(self, total: int | None, quiet: bool, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.total = total
        self.bar = None
        self.last = 0.0
        if not quiet and not verbose and err.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
                TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                TextColumn("[red]{task.fields[failed]} failed"), console=err, transient=False)
            self.task = self.bar.add_task("ingest", total=total, rate="-", failed=0)
            self.bar.start()

    def __call__(self, counts: Any, batch: list) -> None:  # noqa: ANN401
        if self.bar is not None:
            self.bar.update(self.task, completed=counts.seen, rate=f"{counts.rate:.2f}", failed=counts.failed)
        elif self.verbose or (not self.quiet and time.monotonic() - self.last >= 5):
            self.last = time.monotonic()
            total = f"/{self.total}" if self.total else ""
            err.print(f"ingest: {counts.seen}{total} inputs, {counts.added} added, {counts.skipped} already "
                      f"stored, {counts.failed} failed, {counts.rate:.2f} docs/s", markup=False)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@_guard
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - (JSON Lines on stdin)."),
    db: str | None = _db_option(),
    text_col: str = typer.Option("text", "--text-col", help="CSV: the column holding the article text."),
    title_col: str | None = typer.Option(None, "--title-col", help="CSV: the title column (default: title)."),
    outlet_col: str | None = typer.Option(None, "--outlet-col", help="CSV: the outlet column (default: outlet)."),
    date_col: str | None = typer.Option(None, "--date-col", help="CSV: the date column (default: published/date)."),
    url_col: str | None = typer.Option(None, "--url-col", help="CSV: the URL column (default: url)."),
    id_col: str | None = typer.Option(None, "--id-col", help="CSV column / JSON field whose value is the input key."),
    day_first: bool = typer.Option(False, "--day-first", help="Slashed dates are day/month/year (default m/d/y)."),
    reanalyse: bool = typer.Option(False, "--reanalyse", help="Re-analyse documents stored by an older claimgraph."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1,
                                  help="Longest article accepted, in characters; a longer one is stored as a "
                                       "failure (`claimgraph store info --failures`) and the run goes on."),
    time_budget: float = typer.Option(300.0, "--time-budget", metavar="SECONDS",
                                      help="Seconds one article may take in any worker (0: no limit); past it "
                                           "the article is stored as a failure and the run goes on."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents analysed and committed together."),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1, envvar="CLAIMGRAPH_WORKERS",
                                       help="Worker processes (or Dask workers of a LocalCluster) analysing "
                                            "batches; default: the number of cores."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) | dask (a LocalCluster, or "
                                                          "the cluster at --scheduler)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="With --engine dask: a running scheduler, "
                                                                    "tcp://HOST:PORT."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="A log line after every committed batch."),
    no_link: bool = typer.Option(False, "--no-link", help="Do not link the new documents (`claimgraph link`)."),
) -> None:
    """Analyse files, folders or JSON Lines into a store (idempotent: stored documents are skipped)."""
    from claimgraph.corpus.ingest import ingest as run
    from claimgraph.corpus.readers import CsvColumns, check_inputs, count_items, iter_items
    from claimgraph.parallel import ENGINES, cores
    from claimgraph.pipeline import default_analyzer

    columns = CsvColumns(text=text_col, title=title_col, outlet=outlet_col, date=date_col, url=url_col,
                         id=id_col, day_first=day_first)
    if engine not in ENGINES:
        _fail(f"--engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        _fail("--scheduler is for --engine dask")
    workers = workers or cores()
    check_inputs(paths, columns)  # a CSV without its text column: one line, before anything is written
    store = _open(db)
    try:
        analyzer = default_analyzer()
        _ = analyzer.nlp  # a missing model is one clear error before the run starts (workers load their own)
        total = count_items(paths, columns) if (err.is_terminal and not quiet) else None
        progress = _Progress(total, quiet, verbose)
        try:
            counts = run(store, iter_items(paths, columns, max_chars=max_chars), analyzer=analyzer,
                         reanalyse=reanalyse, inputs=list(paths), on_batch=progress, batch_size=batch_size,
                         workers=workers, engine=engine, scheduler=scheduler,
                         time_budget=time_budget if time_budget > 0 else None)
        finally:
            progress.stop()
        failures = store.failures(limit=5) if counts.failed else []
        linked = None if no_link else store.link()  # cross-document linking of the new documents
    finally:
        store.close()
    for warning in counts.warnings[:20]:
        err.print(f"warning: {warning}", markup=False)
    if len(counts.warnings) > 20:
        err.print(f"warning: ... and {len(counts.warnings) - 20} more", markup=False)
    replaced = f", {counts.replaced} re-analysed" if counts.replaced else ""
    # the run's result on stdout (progress and failures went to stderr)
    sys.stdout.write(f"{counts.seen} inputs: {counts.added} documents added{replaced}, {counts.skipped} already "
                     f"stored, {counts.failed} failed ({counts.rate:.2f} inputs/s) -> {db or 'claimgraph.duckdb'}\n")
    if linked is not None and linked.linked:
        sys.stdout.write(f"linked {linked.linked} documents: {linked.incidents} incidents touched, {linked.findings} "
                         "findings (claimgraph incidents, claimgraph findings)\n")
    sys.stdout.flush()
    if counts.failed:
        for f in failures:
            err.print(f"failed: {f['error']}", markup=False)
        err.print("all failures: claimgraph store info --failures", markup=False)
        raise typer.Exit(EXIT_PARTIAL)


# -- query ------------------------------------------------------------------------------------------

#: columns the terminal table shows per `--what` (every column goes to --json/--csv)
TABLE_COLUMNS = {
    "documents": ["key", "published", "outlet", "title"],
    "events": ["doc_published", "doc_outlet", "type", "subtype", "text", "place_name", "time_value"],
    "claims": ["doc_published", "doc_outlet", "text", "attributed"],
    "quotes": ["doc_outlet", "kind", "speaker_label", "text"],
    "entities": ["doc_outlet", "name", "type"],
    "sources": ["doc_outlet", "label", "kind", "via_label"],
    "quantities": ["doc_outlet", "text", "subject", "low", "high", "approx"],
    "places": ["doc_outlet", "name", "country", "lat", "lon", "feature"],
    "times": ["doc_outlet", "text", "value", "precision"],
    "flags": ["doc_outlet", "kind", "severity", "message"],
}


def _jsonable(value: Any) -> Any:  # noqa: ANN401
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return value


def _print_records(records: list[dict[str, Any]], what: str, fmt: str, total: int | None) -> None:
    if fmt == "json":
        for r in records:
            sys.stdout.write(json.dumps({k: _jsonable(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        if not records:
            return
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(list(records[0]))
        for r in records:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else
                             ("" if v is None else _jsonable(v)) for v in r.values()])
        return
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    cols = TABLE_COLUMNS[what]
    for c in cols:
        table.add_column(c, overflow="fold", max_width=60 if c in ("text", "title", "message") else 30)
    for r in records:
        table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
    out.print(table)
    if total is not None:
        err.print(f"{len(records)} of {total} {what}", markup=False)


def _filters(outlet: str | None, source: str | None, entity: str | None, place: str | None,
             within: float | None, since: str | None, until: str | None, event_type: str | None,
             flag: str | None, text: str | None, key: str | None) -> dict[str, Any]:
    return {"outlet": outlet, "source": source, "entity": entity, "place": place, "within_km": within,
            "since": since, "until": until, "event_type": event_type, "flag": flag, "text": text, "key": key}


OUTLET = typer.Option(None, "--outlet", help="Publishing outlet (case-insensitive).")
SOURCE = typer.Option(None, "--source", help="A speaker or cited source whose name contains this.")
ENTITY = typer.Option(None, "--entity", help="An entity whose name or alias contains this.")
PLACE = typer.Option(None, "--place", help="A place of this name.")
WITHIN = typer.Option(None, "--within", help="With --place: any place within this many km of it.")
SINCE = typer.Option(None, "--since", help="Event or publication date on or after (YYYY[-MM[-DD]]).")
UNTIL = typer.Option(None, "--until", help="Event or publication date on or before (YYYY[-MM[-DD]]).")
EVENT_TYPE = typer.Option(None, "--event-type", help="ACLED event type or sub-event type, e.g. 'Air/drone strike'.")
FLAG = typer.Option(None, "--flag", help="A flag kind, e.g. unsourced_claim.")
TEXT = typer.Option(None, "--text", help="Claims or quotes containing every word given.")
KEY = typer.Option(None, "--key", help="The document stored for this input key (path, path:line, id).")


@_guard
def query(
    db: str | None = _db_option(),
    what: str = typer.Option("documents", "--what", "-w",
                             help="documents, or a section: events, claims, quotes, entities, sources, "
                                  "quantities, places, times, flags."),
    outlet: str | None = OUTLET, source: str | None = SOURCE, entity: str | None = ENTITY,
    place: str | None = PLACE, within: float | None = WITHIN, since: str | None = SINCE,
    until: str | None = UNTIL, event_type: str | None = EVENT_TYPE, flag: str | None = FLAG,
    text: str | None = TEXT, key: str | None = KEY,
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, every column."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV, every column."),
    limit: int | None = typer.Option(None, "--limit", help="At most this many rows (table default 50)."),
    offset: int = typer.Option(0, "--offset", help="Skip this many rows first."),
) -> None:
    """List documents (or their events, claims, quotes, ...) matching every filter given."""
    fmt = "json" if as_json else "csv" if as_csv else "table"
    if limit is None and fmt == "table":
        limit = 50
    filters = _filters(outlet, source, entity, place, within, since, until, event_type, flag, text, key)
    store = _open(db, read_only=True)
    try:
        records = store.query(what, limit=limit, offset=offset, **filters)
        total = store.count(what, **filters) if fmt == "table" else None
    finally:
        store.close()
    _print_records(records, what, fmt, total)


# -- export -----------------------------------------------------------------------------------------

@_guard
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="csv | parquet (a folder, one file per table), "
                                                          "jsonl (whole analyses) | acled (events, ACLED columns)."),
    out_path: Path | None = typer.Option(None, "--out", "-o", help="Folder (csv, parquet) or file (jsonl, acled; "
                                                                    "default stdout)."),
    db: str | None = _db_option(),
    outlet: str | None = OUTLET, source: str | None = SOURCE, entity: str | None = ENTITY,
    place: str | None = PLACE, within: float | None = WITHIN, since: str | None = SINCE,
    until: str | None = UNTIL, event_type: str | None = EVENT_TYPE, flag: str | None = FLAG,
    text: str | None = TEXT, key: str | None = KEY,
) -> None:
    """Export the documents matching the filters (all by default)."""
    from claimgraph.corpus import acled
    from claimgraph.corpus.export import FORMATS, export_csv, export_jsonl, export_parquet
    from claimgraph.corpus.query import Filters

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    filters = Filters(**_filters(outlet, source, entity, place, within, since, until, event_type, flag, text, key))
    store = _open(db, read_only=True)
    try:
        if fmt in ("csv", "parquet"):
            folder = out_path or Path(f"claimgraph-{fmt}")
            if folder.exists() and not folder.is_dir():
                _fail(f"{folder}: is a file; --format {fmt} writes a folder (one file per table)")
            counts = (export_csv if fmt == "csv" else export_parquet)(store, filters, folder)
            err.print(f"{counts.get('documents', 0)} documents -> {folder}/ (" +
                      ", ".join(f"{t} {n}" for t, n in counts.items()) + ")", markup=False)
            return
        fh = sys.stdout if out_path is None else out_path.open("w", encoding="utf-8", newline="")
        try:
            if fmt == "jsonl":
                n = export_jsonl(store, filters, fh)
                what = "analyses"
            else:
                n = acled.write_csv(store, filters, fh)
                what = "events"
        finally:
            if out_path is not None:
                fh.close()
        err.print(f"{n} {what}" + (f" -> {out_path}" if out_path else ""), markup=False)
    finally:
        store.close()


# -- store ------------------------------------------------------------------------------------------

@store_app.command("init")
@_guard
def store_init(db: str | None = _db_option()) -> None:
    """Create the store's tables (ingest does this by itself)."""
    store = _open(db)
    try:
        err.print(f"{store.dialect} store ready at {store.url} (schema {store.stored_versions()})", markup=False)
    finally:
        store.close()


@store_app.command("info")
@_guard
def store_info(
    db: str | None = _db_option(),
    as_json: bool = typer.Option(False, "--json", help="Everything as JSON (tables, columns, counts)."),
    failures: bool = typer.Option(False, "--failures", help="List the inputs that failed."),
    columns: bool = typer.Option(False, "--columns", help="Show each table's columns."),
) -> None:
    """Show the store: backend, schema versions, tables with row counts, last runs."""
    store = _open(db, read_only=True)
    try:
        info = store.info()
        info["runs"] = store.runs(limit=5)
        failed = store.failures(limit=None) if failures else []
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(info, default=_jsonable, ensure_ascii=False, indent=2) + "\n")
        return
    if failures:
        for f in failed:
            sys.stdout.write(f"{f['key']}\t{f['error']}\n")
        return
    from rich.table import Table

    out.print(f"{info['backend']} store {info['url']}: schema "
              + ", ".join(f"{c} v{v}" for c, v in info["schema"].items()) + f"; claimgraph {info['claimgraph']}")
    table = Table(header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("columns" if columns else "what", overflow="fold")
    for t in info["tables"]:
        desc = ", ".join(f"{c['name']} {c['type']}" for c in t["columns"]) if columns else t["doc"]
        table.add_row(t["name"], str(t["rows"]), desc)
    out.print(table)
    for r in info["runs"]:
        out.print(f"run {r['run_id']} {r['started_at']:%Y-%m-%d %H:%M} {r['status']}: {r['seen'] or 0} inputs, "
                  f"{r['added'] or 0} added, {r['skipped'] or 0} already stored, {r['failed'] or 0} failed",
                  markup=False)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the main `claimgraph` app."""
    app.command()(ingest)
    app.command()(query)
    app.command()(export)
    app.add_typer(store_app, name="store")
