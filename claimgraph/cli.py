"""The `claimgraph` command: a thin typer app over the library.

Exit codes: 0 all articles analysed; 1 unexpected internal error; 2 bad input or setup (one-line
message on stderr); 3 a batch where some articles failed (each failure reported on stderr as a
JSON failure record, the others analysed and written).
"""

from __future__ import annotations

import itertools
import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from claimgraph.contract import Analysis, json_schema
from claimgraph.errors import ClaimgraphError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn conflict and crisis news into a sourced, checkable record.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_INTERNAL, EXIT_INPUT, EXIT_PARTIAL = 1, 2, 3


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


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


@app.command()
def analyze(
    path: str = typer.Argument(..., help="A .txt, .html or .jsonl file, or - for standard input."),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="json (the contract), md or html."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of standard output."),
    title: str | None = typer.Option(None, help="Override the title found in the article."),
    outlet: str | None = typer.Option(None, help="Override the publishing outlet."),
    author: list[str] | None = typer.Option(None, "--author", help="Override the authors (repeatable)."),
    url: str | None = typer.Option(None, help="The article's URL."),
    published: str | None = typer.Option(None, help="Publication date, ISO 8601 (2015-12-03 or 2023-06)."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Longest article accepted, in characters."),
) -> None:
    """Analyse articles into the claimgraph contract (one analysis per article)."""
    if path != "-" and not Path(path).exists():
        _fail(f"{path}: no such file; give a .txt, .html or .jsonl file, or - for standard input")
    overrides = {"title": title, "outlet": outlet, "authors": author or None, "url": url, "published": published}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    analyses: list[Analysis] = []
    failures: list[tuple[int, str]] = []
    try:
        from claimgraph.ingest import read_path
        from claimgraph.pipeline import default_analyzer

        articles = iter(read_path(path, max_chars=max_chars, **overrides))
        first = next(articles, None)
        if isinstance(first, ClaimgraphError) and Path(path).suffix.lower() not in {".jsonl", ".ndjson", ".json"}:
            _fail(str(first))  # one bad article: say so before spending seconds loading the model
        analyzer = default_analyzer()
        _ = analyzer.nlp  # load the model now so a missing model is one clear error
        batch = itertools.chain([first] if first is not None else [], articles)
        for outcome in analyzer.analyze_many(batch):
            for warning in outcome.warnings:
                err.print(f"warning: {warning}", markup=False)
            if outcome.error is not None:
                failures.append((outcome.index, str(outcome.error)))
            elif outcome.analysis is not None:
                analyses.append(outcome.analysis)
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
        _fail(failures[0][1] if len(failures) == 1 else f"none of the {len(failures)} articles could be analysed")
    rendered = _render(analyses, fmt)
    if out is None:
        sys.stdout.write(rendered)
    else:
        out.write_text(rendered, encoding="utf-8")
    if failures:
        err.print(f"{len(failures)} of {len(failures) + len(analyses)} articles failed; the others were written",
                  markup=False)
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def schema() -> None:
    """Print the analysis contract's JSON Schema."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


@app.command()
def version() -> None:
    """Print the claimgraph version and the spaCy model in use."""
    from claimgraph import __version__
    from claimgraph.nlp import model_name

    sys.stdout.write(f"claimgraph {__version__} (model {model_name()})\n")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # python -m claimgraph.cli
    app()
