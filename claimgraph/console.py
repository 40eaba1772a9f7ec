"""What every claimgraph command shares for talking to the terminal: the stderr console, the exit codes the
README promises, and the one-line error that ends a command (never a traceback)."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_INTERNAL, EXIT_INPUT, EXIT_PARTIAL = 1, 2, 3


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print `error: message` on stderr and end the command with `code`."""
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)
