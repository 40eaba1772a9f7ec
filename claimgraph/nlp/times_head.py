"""The report's date printed at the head of a text that has no published date or dateline (issue 13).

Many texts open with their date standing alone, on its own line or before the lead's first clause ("Sat 9 Apr 2022
Militia fighters seized ...", "Posted: 14 May 2019", "ANA Tuesday 2 Feb 2021 Shells hit ..."): ingest finds no
header line to read it from, so the times component had no base and left "on Thursday" or "earlier this week"
unresolved, and events undated though the text gives their day. Such a date, given to the day with its year, is
that base; times resolved against it are anchored "context" (a date the text gives, not the document's metadata).
A date said inside a sentence's clause ("the war that began on 15 March 2011 has killed ...", "ten years after the
attacks of 11 September 2001") is history the lead recalls, not the report's date. A text with no standing date
keeps its relative times unresolved: no date is invented. `head_date.head_date` is the one rule; the times
component (here) and the events component (over the times it emitted) both read the report's date through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimgraph.nlp.head_date import HEAD_CHARS, head_date

if TYPE_CHECKING:
    from claimgraph.nlp.times import Base, Found


def head_base(doc: Doc, found: list[Found] | None = None) -> Base | None:
    """The report's date printed at the head (`head_date`) of explicit dates, as the base relative times are
    resolved against. `found`: the document's `find_times`, when the caller has them (read once per document)."""
    from claimgraph.nlp.times import find_times, parse_base, resolve  # the times component's own reading of dates

    text = doc.text
    dated = []
    for f in find_times(doc) if found is None else found:
        if f.start >= HEAD_CHARS:
            break
        value, _precision, anchor = resolve(f, text, None)
        dated.append((f.start, f.end, value if anchor == "explicit" else None))
    value = head_date(text, dated)
    return parse_base(value, None) if value else None
