"""What is known about a document before it is parsed: the one type that ingest produces and nlp reads.

It lives here, below both, so reading an article (claimgraph.ingest) never depends on parsing (claimgraph.nlp).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DocMeta:
    """What is known about the document before parsing (from ingest or the caller)."""

    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_source: str | None = None   # where `published` was read (see contract.Document)
    language: str = "en"
