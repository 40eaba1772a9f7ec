"""Lexicons and gazetteer data, each file with its provenance in a header or README.md.

`read_rows` is the one reader of the tab-separated lexicons, so every component parses them alike.
"""

from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str | None:
    """A data file's text, or None when the file is absent (a user's trimmed install)."""
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


def read_rows(name: str, *, header: bool = True) -> list[list[str]]:
    """Tab-separated rows of a data file without `#` comments and blank lines; `header` drops the first row."""
    text = read_text(name)
    if text is None:
        return []
    rows = [line.rstrip("\r").split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:] if header else rows
