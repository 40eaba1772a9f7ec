"""Loading the TSV lexicons of the numbers and times components (claimgraph/data/numbers_*, times_*).

Kept apart so quantities, times and checks read one copy of each file, parsed once per process.
"""

from __future__ import annotations

import re
from functools import cache

from claimgraph.data import read_rows


@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file, cells stripped, skipping comments and blank lines (a missing file reads as empty)."""
    return tuple(tuple(cell.strip() for cell in row) for row in read_rows(name, header=False))


def by_kind(name: str) -> dict[str, list[tuple[str, ...]]]:
    """Rows grouped by their first column (files whose first column is a kind)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in read_tsv(name):
        out.setdefault(row[0], []).append(row[1:])
    return out


def alternation(phrases: list[str] | set[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of blanks."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_WS_PLUS = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_WS_STAR = r"(?:[^\S\n]*\n?[^\S\n]*)"


def no_blank_lines(pattern: str) -> str:
    """Let a pattern's whitespace cross at most one line break: figures and dates never span paragraphs."""
    return pattern.replace(r"\s+", _WS_PLUS).replace(r"\s*", _WS_STAR).replace(r"\s?", r"[^\S\n]?")


@cache
def hedge_phrases() -> tuple[str, ...]:
    """The project's hedge lexicon (claimgraph/data/hedges.tsv, shared with attribution), minus modal verbs,
    which set a quantity's modality instead."""
    out = []
    for row in read_tsv("hedges.tsv"):
        if len(row) >= 2 and row[0] != "hedge" and row[1] != "modal":
            out.append(row[0])
    return tuple(out)
