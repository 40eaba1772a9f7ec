"""Which sentence a token is in, as a look-up.

spaCy's `Token.sent` walks the sentence-start flags from the token to its sentence's edges: one call is O(length of
the sentence), so asking it for each cue of a sentence that is a run of cues ("said said said ...", a list of
short quotes) is quadratic. The index is built once per document in one pass over `doc.sents`.
"""

from __future__ import annotations

from array import array

from spacy.tokens import Doc, Span, Token


class SentenceIndex:
    """For every token, the token range of its sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = array("l", [0]) * len(doc)
        self.ends = array("l", [0]) * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.starts[i] = sent.start
                self.ends[i] = sent.end

    def start(self, i: int) -> int:
        """Token index where token i's sentence starts."""
        return self.starts[i]

    def sent(self, tok: Token) -> Span:
        """The sentence holding `tok` (what `tok.sent` gives, without the walk)."""
        return self.doc[self.starts[tok.i]:self.ends[tok.i]]

    def start_char(self, tok: Token) -> int:
        """Character offset where the sentence holding `tok` starts."""
        return self.doc[self.starts[tok.i]].idx

    def start_before(self, tok: Token, n: int) -> int:
        """Character offset of the start of the sentence n sentences before `tok`'s."""
        return self.doc[self.token_start_before(tok.i, n)].idx

    def token_start_before(self, i: int, n: int) -> int:
        """Token index where the sentence n sentences before token i's starts (the document's first, if fewer)."""
        start = self.starts[i]
        for _ in range(n):
            if start == 0:
                break
            start = self.starts[start - 1]
        return start
