"""Build the contract from a processed Doc: the one place where component output becomes an Analysis."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from claimgraph.contract import SECTIONS, Analysis, Document
from claimgraph.nlp.state import DocState


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _link_claims(state: DocState) -> None:
    """Claims list the quotes, quantities and events inside their span (unless a component already did).

    Items are indexed by start once per section, so each claim looks only at the items that start inside it.
    """
    for section, attr in (("quotes", "quotes"), ("quantities", "quantities"), ("events", "events")):
        items = state.items[section]
        order = sorted(range(len(items)), key=lambda k: (items[k].span[0], k))
        starts = [items[k].span[0] for k in order]
        for claim in state.items["claims"]:
            if getattr(claim, attr):
                continue
            cs, ce = claim.span
            inside = order[bisect.bisect_left(starts, cs):bisect.bisect_right(starts, ce)]
            linked = [items[k].id for k in sorted(inside) if _within(tuple(items[k].span), tuple(claim.span))]
            setattr(claim, attr, linked)


def assemble(doc: Doc, state: DocState) -> Analysis:
    meta = state.meta
    text = doc.text  # built from the tokens on every read: once
    document = Document(
        id=Document.id_for(text),
        title=meta.title, outlet=meta.outlet, authors=list(meta.authors), url=meta.url,
        dateline=meta.dateline, published=meta.published,
        published_source=meta.published_source if meta.published else None, language=meta.language, text=text,
    )
    _link_claims(state)
    sections = {section: list(state.items[section]) for section in SECTIONS}
    return Analysis(document=document, **sections)
