"""`_in_all_caps_line` reads a line's letters with C-level loops (`filter`/`map`) and counts them only for an upper-case
line: it must answer as the letter-by-letter reading does, on banner lines, ordinary lines, lines with letters that
have no case (Arabic) and a short acronym's own line."""

from __future__ import annotations

import pytest

from claimgraph.nlp.entities import _in_all_caps_line

LINES = [
    "BREAKING: IS FIGHTERS SEIZE TOWN NEAR RAQQA\nOfficials said IS fighters entered the town.",
    "The UN said IS fighters entered the town on Monday.",
    "US AND UK ENVOYS MEET IN GENEVA \u0633\u0644\u0627\u0645\nThe US envoy spoke.",
    "IS\nThe group retreated.",
    "ÉTATS-UNIS ET UE: ACCORD SUR L'AIDE\nThe EU agreed.",
]


def _by_letters(span, text: str) -> bool:
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    letters = [c for c in text[start:end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) > len(span.text) + 3 and all(c.isupper() for c in letters)


@pytest.mark.parametrize("text", LINES)
def test_all_caps_line_answers_as_a_letter_reading(analyzer, text: str) -> None:
    doc = analyzer.nlp(text)
    lines: dict[int, tuple[int, bool]] = {}
    for tok in (t for t in doc if t.is_alpha):  # words, as the entities component asks (short upper-case names)
        span = doc[tok.i:tok.i + 1]
        want = _by_letters(span, text)
        assert _in_all_caps_line(span, text) == want
        assert _in_all_caps_line(span, text, lines) == want  # and from the line memo, asked again
        assert _in_all_caps_line(span, text, lines) == want


def test_a_banner_is_upper_and_the_sentence_under_it_is_not(analyzer) -> None:
    text = LINES[0]
    doc = analyzer.nlp(text)
    first, later = (doc[t.i:t.i + 1] for t in doc if t.text == "IS")
    assert _in_all_caps_line(first, text) and not _in_all_caps_line(later, text)
