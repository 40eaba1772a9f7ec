"""spaCy's tokenizer, guarded against long runs without whitespace.

spaCy strips prefixes and suffixes from each whitespace-free chunk one at a time, re-matching its affix
regexes against the rest of the chunk each time, so a chunk of n characters costs O(n^2): 10,000 `"` in a
row took 27 s, 10,000 `(` or `'s` the same. No word is that long (a long URL, which no component reads,
may be split), so a chunk longer than `LONG_RUN` is tokenized in pieces of `PIECE` characters. The Doc is built
from the pieces' tokens with their exact whitespace, so its text is the input, character for character, and
every span still indexes it exactly; text without such chunks goes through spaCy's tokenizer unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from spacy.tokens import Doc

#: a whitespace-free chunk longer than this is not a word: tokenize it in pieces
LONG_RUN = 100
#: piece length: the quadratic cost stays that of a 50-character word
PIECE = 50
_LONG = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _cut_points(start: int, end: int, text: str) -> list[int]:
    """Offsets cutting [start, end) into pieces of about PIECE characters, never before a combining mark."""
    cuts = [start]
    i = start + PIECE
    while i < end:
        while i < end and (unicodedata.combining(text[i]) or text[i] in "\u200d\ufe0e\ufe0f"):
            i += 1
        if i < end:
            cuts.append(i)
        i += PIECE
    cuts.append(end)
    return cuts


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; behaves like it (attributes are delegated) but never goes quadratic."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (unpickling): do not recurse
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in _LONG.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []

        def add(segment: str) -> None:
            if segment.startswith(" ") and words and not spaces[-1]:
                spaces[-1] = True  # one space after a run belongs to its last token, as spaCy would have it
                segment = segment[1:]
            if segment:
                for token in self.tokenizer(segment):
                    words.append(token.text)
                    spaces.append(bool(token.whitespace_))

        pos = 0
        for start, end in runs:
            add(text[pos:start])
            cuts = _cut_points(start, end, text)
            for a, b in zip(cuts, cuts[1:], strict=False):
                add(text[a:b])
            pos = end
        add(text[pos:])
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)
