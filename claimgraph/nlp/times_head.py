"""The report's date printed at the head of a text that has no published date or dateline (issue 13).

Many texts open with their date in running text ("Fri Jun 24 2016 Turkish jets kill 20 militants ...", "AFP
Saturday 10 Aug 2013 Air strikes ..."): ingest finds no header line to read it from, so the times component
had no base and left "on Thursday" or "earlier this week" unresolved, and events undated though the text gives
their day. The first date given to the day with its year in the text's first characters is that base; times
resolved against it are anchored "context" (a date the text gives, not the document's metadata). A text with
no such date keeps its relative times unresolved: no date is invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from claimgraph.nlp.times import Base

#: how far into the text a date still counts as printed at its head
HEAD_CHARS = 300


def head_base(doc: Doc) -> Base | None:
    """The first explicit date given to the day with its year in the text's first `HEAD_CHARS` characters, as
    the base relative times are resolved against."""
    from claimgraph.nlp.times import find_times, parse_base, resolve  # the times component's own reading of dates

    text = doc.text
    for f in find_times(doc):
        if f.start >= HEAD_CHARS:
            break
        value, precision, anchor = resolve(f, text, None)
        if value and anchor == "explicit" and precision == "day" and len(value) == 10:
            return parse_base(value, None)
    return None
