"""A frame closing a sentence of two clauses joined by 'but' or 'and' ('A, but B, the official added.') reports both,
even where the parser hangs the frame on the first clause's verb with only the second as its complement. Every case
is a sentence written for the test, none copied from a corpus."""

from __future__ import annotations

import pytest
from conftest import quote_rows


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, speaker as written) for every quote, in text order."""
    return [tuple(r[k] for k in ("content", "cue", "written")) for r in quote_rows(text, " ,.")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The army had told residents that the road was safe, but the rebels mined it anyway, the official added.",
     [("The army had told residents that the road was safe, but the rebels mined it anyway", "added", "the official"),
      ("that the road was safe", "told", "The army")]),
    ("Police said the road was open, but the rebels had mined it, the official added.\n\nMore follows.",
     [("Police said the road was open, but the rebels had mined it", "added", "the official"),
      ("the road was open", "said", "Police")]),
    ("The army shelled the town, but residents stayed, witnesses said.",
     [("The army shelled the town, but residents stayed", "said", "witnesses")]),
])
def test_a_closing_frame_reports_both_coordinated_clauses(text: str, expected: list) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # must not change: frames the parser already reads right, and a frame with more after its cue
    ("The convoy was hit and two drivers died, the official said.",
     [("The convoy was hit and two drivers died", "said", "the official")]),
    ("The mayor said the bridge was closed. Trucks waited for hours, the driver added.",
     [("the bridge was closed", "said", "The mayor"), ("Trucks waited for hours", "added", "the driver")]),
])
def test_a_closing_frame_the_parser_reads_right_keeps_its_content(text: str, expected: list) -> None:
    assert speakers(text) == expected
