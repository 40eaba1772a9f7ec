"""The `claimgraph` command: a thin typer app over the library.

Exit codes: 0 all articles analysed; 1 unexpected internal error; 2 bad input or setup (one-line
message on stderr); 3 a batch where some articles failed (each failure reported on stderr as a
JSON failure record, the others analysed and written).
"""

from __future__ import annotations

import glob
import itertools
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import click
import typer
from typer.core import TyperCommand

from claimgraph.console import EXIT_INPUT, EXIT_INTERNAL, EXIT_PARTIAL, err
from claimgraph.console import fail as _fail
from claimgraph.contract import Analysis, json_schema
from claimgraph.errors import ClaimgraphError, InternalAnalysisError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn conflict and crisis news into a sourced, checkable record.",
)



class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _render(analyses: list[Analysis], fmt: Format) -> str:
    if fmt is Format.json:
        if len(analyses) == 1:
            return analyses[0].to_json() + "\n"
        return "".join(a.to_json(indent=None) + "\n" for a in analyses)  # JSON Lines
    if fmt is Format.md:
        return "\n\n---\n\n".join(a.to_markdown() for a in analyses) + "\n"
    from claimgraph.render.html import render_html

    if len(analyses) == 1:
        return render_html(analyses[0])
    # several articles: one page holding each article's self-contained report fragment
    fragments = "\n<hr>\n".join(render_html(a, standalone=False) for a in analyses)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>claimgraph: {len(analyses)} articles</title>\n</head>\n<body>\n{fragments}\n</body>\n</html>\n"
    )


INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".jsonl", ".ndjson", ".json")
_GLOB_CHARS = set("*?[")


class PlainHelp(TyperCommand):
    """A command whose --help shows plain metavars (FILE, NAME, DATE) rather than Python types (<list[str]>).

    Recent typer versions print each parameter's Python type next to it; users of a CLI need the metavar.
    """

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        for param in params:
            argument = param.param_type_name == "argument"
            plain = None if argument or getattr(param, "is_flag", False) else param.metavar
            param.display_type_rich = lambda ctx, plain=plain: plain  # type: ignore[method-assign]
            if argument and param.metavar:
                usage = f"{param.metavar}..." if param.nargs != 1 else param.metavar
                param.get_usage_pieces = lambda ctx, usage=usage: [usage]  # type: ignore[method-assign]
        return params


def expand_inputs(paths: list[str]) -> list[str]:
    """Files to read from the command line's paths: files as given, a folder's article files, a glob's matches.

    Raise ClaimgraphError (one line) for a path that names nothing, or a folder or glob without articles.
    """
    files: list[str] = []
    for path in paths:
        p = Path(path)
        if path == "-" or p.is_file():
            files.append(path)
        elif p.is_dir():
            found = sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise ClaimgraphError(f"{path}: the folder holds no article files ({', '.join(INPUT_SUFFIXES)})")
            files.extend(found)
        elif _GLOB_CHARS & set(path):
            found = sorted(f for f in glob.glob(path, recursive=True) if Path(f).is_file())
            if not found:
                raise ClaimgraphError(f"{path}: no file matches the pattern")
            files.extend(found)
        elif p.exists():
            raise ClaimgraphError(f"{path}: not a regular file; give a .txt, .html or .jsonl file, a folder, "
                                  "or - for standard input")
        else:
            raise ClaimgraphError(f"{path}: no such file; give a .txt, .html or .jsonl file, a folder, a glob "
                                  "such as 'pages/*.html', or - for standard input")
    if files.count("-") > 1:
        raise ClaimgraphError("standard input (-) can be read only once")
    return files


def _prepare_out(out: Path) -> None:
    """Create the folders `out` needs, or fail with one line saying why it cannot be written."""
    if out.is_dir():
        _fail(f"--out {out}: is a folder; give a file name (or use --out-dir for one report per article)")
    blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        _fail(f"--out {out}: {blocker} is a file, not a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"--out {out}: cannot create the folder {out.parent} ({exc.strerror or exc})")


def _prepare_out_dir(out_dir: Path) -> None:
    blocker = next((p for p in (out_dir, *out_dir.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        _fail(f"--out-dir {out_dir}: {blocker} is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"--out-dir {out_dir}: cannot create it ({exc.strerror or exc})")


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror or exc})")


def _report_name(path: str, number: int, fmt: Format, used: set[str]) -> str:
    """One report file name per article: `page.html` -> `page.json`; records of `a.jsonl` -> `a-1.json`, ..."""
    p = Path(path)
    stem = "stdin" if path == "-" else p.stem
    if p.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
        stem = f"{stem}-{number}"
    name = f"{stem}.{fmt.value}"
    if name in used:  # page.txt and page.html in one folder
        name = f"{stem}{p.suffix}.{fmt.value}"
    k = 2
    while name in used:
        name, k = f"{stem}-{k}.{fmt.value}", k + 1
    used.add(name)
    return name


@app.command(cls=PlainHelp)
def analyze(
    paths: list[str] = typer.Argument(
        ..., metavar="FILE", show_default=False,
        help="Articles: .txt, .html or .jsonl files, folders (their article files), quoted globs "
             "('pages/*.html'), or - for standard input."),
    fmt: Format = typer.Option(Format.json, "--format", "-f", metavar="[json|md|html]",
                               help="json (the contract; JSON Lines for several articles), md or html."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="FILE",
                                    help="Write here instead of standard output (missing folders are created)."),
    out_dir: Path | None = typer.Option(None, "--out-dir", metavar="DIR",
                                        help="Write one report per article into this folder (created if missing)."),
    title: str | None = typer.Option(None, metavar="TEXT", help="Override the title found in the article."),
    outlet: str | None = typer.Option(None, metavar="NAME", help="Override the publishing outlet."),
    author: list[str] | None = typer.Option(None, "--author", metavar="NAME",
                                            help="Override the authors (repeatable)."),
    url: str | None = typer.Option(None, metavar="URL", help="The article's URL."),
    published: str | None = typer.Option(None, metavar="DATE",
                                         help="Publication date, ISO 8601 (2015-12-03 or 2023-06)."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", metavar="N",
                                  help="Longest article accepted, in characters."),
    time_budget: float = typer.Option(300.0, "--time-budget", metavar="SECONDS",
                                      help="Seconds one article may take (0: no limit); past it the article is "
                                           "reported as failed and the batch goes on."),
) -> None:
    """Analyse articles into the claimgraph contract (one analysis per article)."""
    if out is not None and out_dir is not None:
        _fail("give --out (one file) or --out-dir (one report per article), not both")
    try:
        files = expand_inputs(paths)
    except ClaimgraphError as exc:
        _fail(str(exc))
    if out is not None:
        _prepare_out(out)
    if out_dir is not None:
        _prepare_out_dir(out_dir)
    overrides = {"title": title, "outlet": outlet, "authors": author or None, "url": url, "published": published}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    analyses: list[tuple[int, Analysis]] = []
    failures: list[tuple[int, str]] = []
    internal = False  # an article failed on a bug, not on its input: exit code 1 when nothing else was written
    origins: list[tuple[str, int]] = []  # (input path, article number within it) per batch index
    try:
        from claimgraph.ingest import read_path
        from claimgraph.pipeline import default_analyzer

        def articles() -> Iterator[object]:
            for path in files:
                for number, item in enumerate(read_path(path, max_chars=max_chars, **overrides), start=1):
                    origins.append((path, number))
                    yield item

        stream = articles()
        first = next(stream, None)
        single = len(files) == 1 and Path(files[0]).suffix.lower() not in {".jsonl", ".ndjson", ".json"}
        if isinstance(first, ClaimgraphError) and single:
            _fail(str(first))  # one bad article: say so before spending seconds loading the model
        analyzer = default_analyzer()
        saved_budget = analyzer.time_budget  # the process-wide analyzer (a caller's, in-process): given back
        analyzer.time_budget = time_budget if time_budget > 0 else None
        try:
            _ = analyzer.nlp  # load the model now so a missing model is one clear error
            batch = itertools.chain([first] if first is not None else [], stream)
            for outcome in analyzer.analyze_many(batch):  # type: ignore[arg-type]
                for warning in outcome.warnings:
                    err.print(f"warning: {warning}", markup=False)
                if outcome.error is not None:
                    failures.append((outcome.index, str(outcome.error)))
                    internal = internal or isinstance(outcome.error, InternalAnalysisError)
                elif outcome.analysis is not None:
                    analyses.append((outcome.index, outcome.analysis))
        finally:
            analyzer.time_budget = saved_budget
    except typer.Exit:
        raise
    except ClaimgraphError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it with the input", EXIT_INTERNAL)

    if len(failures) + len(analyses) > 1:  # a batch: one failure record per failed article
        for index, message in failures:
            err.print(json.dumps({"failed": index, "error": message}, ensure_ascii=False), markup=False)
    if not analyses:
        _fail(failures[0][1] if len(failures) == 1 else f"none of the {len(failures)} articles could be analysed",
              EXIT_INTERNAL if internal else EXIT_INPUT)
    if out_dir is not None:
        used: set[str] = set()
        for index, analysis in analyses:
            path, number = origins[index - 1]
            _write(out_dir / _report_name(path, number, fmt, used), _render([analysis], fmt))
    else:
        rendered = _render([a for _, a in analyses], fmt)
        if out is None:
            sys.stdout.write(rendered)
        else:
            _write(out, rendered)
    if failures:
        err.print(f"{len(failures)} of {len(failures) + len(analyses)} articles failed; the others were written",
                  markup=False)
        raise typer.Exit(EXIT_PARTIAL)


@app.command(cls=PlainHelp)
def schema() -> None:
    """Print the analysis contract's JSON Schema."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


@app.command(cls=PlainHelp)
def version() -> None:
    """Print the claimgraph version and the spaCy model in use."""
    from claimgraph import __version__
    from claimgraph.nlp import model_name

    sys.stdout.write(f"claimgraph {__version__} (model {model_name()})\n")


from claimgraph.corpus.cli import register as _register_corpus  # noqa: E402 - ingest, query, export, store

_register_corpus(app)
from claimgraph.corpus.linking.cli import register as _register_linking  # noqa: E402 - link, compare, ...

_register_linking(app)

from claimgraph.web.cli import serve  # noqa: E402 - the web UI's command lives with the web package

app.command()(serve)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # python -m claimgraph.cli
    app()
