"""Span text without spaCy's token-by-token join: a per-document read of the text the tokenizer kept.

spaCy's `Span.text` joins the text of every token of the span (a `Token` made per token) on every read; the
components read sentence and mention texts thousands of times per document. A `TextDoc` (claimgraph's tokenizer
output) keeps its text, which its tokens reproduce character for character, so a span's text is one slice of
it, from the span's character offsets (C fields, no `Token`). Any other `Doc` (built by hand, or from a hostile
text) gets spaCy's own `Span.text`. tests/test_speed_text.py compares both on real articles.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.nlp.shared.columns import offsets
from claimgraph.nlp.tokenize import TextDoc


def span_text(span: Span) -> str:
    """`span.text`, sliced from a `TextDoc`'s kept text."""
    doc = span.doc
    if isinstance(doc, TextDoc) and span.end > span.start:
        return doc.text[span.start_char:span.end_char]
    return span.text


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (token indexes), without making the span when the doc keeps its text."""
    if isinstance(doc, TextDoc) and 0 <= start < end <= len(doc):
        last = doc[end - 1]
        return doc.text[doc[start].idx:last.idx + len(last)]
    return doc[start:end].text


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, in order (`[t.text for t in doc]`), without a `Token` per token. A `TextDoc` keeps
    the list once made (its tokens never change after tokenizing): callers read it, never change it."""
    if isinstance(doc, TextDoc):
        texts: list[str] | None = doc.__dict__.get("_token_texts")
        if texts is None or len(texts) != len(doc):
            starts, ends = offsets(doc)  # kept by the doc too; the slices are made in C (`map`)
            texts = list(map(doc.text.__getitem__, map(slice, starts, ends)))
            doc.__dict__["_token_texts"] = texts
        return texts
    return [t.text for t in doc]


def capitalised_text(t: str) -> bool:
    """Is a token's text a capitalised word ("Aleppo", "McCain", "al-Bab" opening with a capital, "UN")? The places
    component asks it of every token, from the document's kept texts (`token_texts`): no Token per token."""
    return bool(t) and t[0].isupper() and (t[1:].islower() or len(t) == 1 or t.isupper() and len(t) > 1
                                           or "-" in t or "'" in t or any(c.islower() for c in t[1:]))


def sentences_of(doc: Doc) -> list[Span]:
    """The document's sentences, or the whole text as one when no parser or sentencizer set them (so a component
    still runs on a blank pipeline)."""
    try:
        return list(doc.sents)
    except ValueError:
        return [doc[:]]
