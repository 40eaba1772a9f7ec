"""Build the contract from a processed Doc: the one place where component output becomes an Analysis."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.contract import SECTIONS, Analysis, Document
from claimgraph.nlp.state import DocState


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _link_claims(state: DocState) -> None:
    """Claims list the quotes, quantities and events inside their span (unless a component already did)."""
    for claim in state.items["claims"]:
        for section, attr in (("quotes", "quotes"), ("quantities", "quantities"), ("events", "events")):
            if getattr(claim, attr):
                continue
            linked = [item.id for item in state.items[section] if _within(tuple(item.span), tuple(claim.span))]
            setattr(claim, attr, linked)


def assemble(doc: Doc, state: DocState) -> Analysis:
    meta = state.meta
    document = Document(
        id=Document.id_for(doc.text),
        title=meta.title, outlet=meta.outlet, authors=list(meta.authors), url=meta.url,
        dateline=meta.dateline, published=meta.published,
        published_source=meta.published_source if meta.published else None, language=meta.language, text=doc.text,
    )
    _link_claims(state)
    sections = {section: list(state.items[section]) for section in SECTIONS}
    return Analysis(document=document, **sections)
