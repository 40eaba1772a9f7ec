"""Page furniture after a report: the lists of other stories ("Related", "Read also", "Tags") that a page
prints after its article, left in plain text by copy and paste or by an extractor. The headlines listed
there ("Rebels shell army positions near Hama") are other articles, not reports of this one: no event is
read from such a marker on (claimgraph/data/events_furniture.tsv)."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from claimgraph.data import read_rows
from claimgraph.nlp.shared.text import token_texts

#: a marker counts only in the second half of a text (furniture follows the article)
FROM_FRACTION = 0.5


@functools.lru_cache(maxsize=1)
def markers() -> tuple[tuple[str, ...], ...]:
    """The markers as token sequences, longest first."""
    rows = [tuple(row[0].split()) for row in read_rows("events_furniture.tsv") if row and row[0].strip()]
    return tuple(sorted(rows, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The markers by their first token, each list in `markers()`'s order (longest first): a token is compared
    only with the markers it can open, not with every marker."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for marker in markers():
        out.setdefault(marker[0], []).append(marker)
    return {first: tuple(found) for first, found in out.items()}


def furniture_start(doc: Doc) -> int | None:
    """Character offset where the page's furniture begins, or None when the text has none."""
    if len(doc) < 20:
        return None
    first = int(len(doc) * FROM_FRACTION)
    texts = token_texts(doc)[first:]  # texts[k] is token first + k (the document's kept list: no Token per word)
    by_first = _by_first()
    for k, text in enumerate(texts):
        for marker in by_first.get(text, ()):
            n = len(marker)
            i = first + k
            if tuple(texts[k:k + n]) != marker or i + n >= len(doc):
                continue
            nxt = doc[i + n]
            if nxt.text[:1].isupper() or nxt.text[:1].isdigit():
                return doc[i].idx
    return None
