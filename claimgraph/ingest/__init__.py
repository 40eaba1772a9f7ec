"""Readers: turn text, HTML, JSONL (and later WARC) into Articles with metadata.

Interface (stable; the rest of claimgraph relies on it):
- `Article(text, meta)`: NFC-normalised text and DocMeta.
- `prepare(source, **overrides) -> Article`: plain text or HTML (detected), metadata overrides win.
- `read_path(path) -> Iterator[Article | InputError]`: .txt, .html, .jsonl or "-" (stdin).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from claimgraph.errors import EmptyInputError
from claimgraph.nlp.state import DocMeta


@dataclass
class Article:
    text: str
    meta: DocMeta = field(default_factory=DocMeta)


def prepare(
    source: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    authors: list[str] | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    text = unicodedata.normalize("NFC", source)
    if not text.strip():
        raise EmptyInputError("the input is empty: give an article as plain text or HTML")
    meta = DocMeta(title=title, outlet=outlet, authors=list(authors or []), url=url, published=published)
    return Article(text=text, meta=meta)
