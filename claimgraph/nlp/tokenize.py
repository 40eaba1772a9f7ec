"""spaCy's tokenizer, guarded against long runs without whitespace and long runs of punctuation.

spaCy strips prefixes and suffixes from each whitespace-free chunk one at a time, re-matching its affix
regexes against the rest of the chunk each time, so a chunk of n characters costs O(n^2): 10,000 `"` in a
row took 27 s, 10,000 `(` or `'s` the same. And even in short pieces, such a run is one token per character:
100,000 `"` made 100,000 tokens, five times the tokens of 100,000 characters of prose, and the parser, the
tagger and the recogniser cost per token (4.4x the time of prose, 1.1 GB). So:
- a run of `PUNCT_RUN` or more punctuation marks (no letter, digit or space) is not text: it becomes tokens
  of `PIECE` characters, without asking spaCy;
- a whitespace-free chunk longer than `LONG_RUN` is not a word (a long URL, which no component reads, may be
  split): it is tokenized by spaCy in pieces of `PIECE` characters, and a piece that spaCy cuts into more than
  `PIECE_TOKENS` tokens (one per character or so: `'s's's...`) stays one token.
The Doc is built from the pieces' tokens with their exact whitespace (and spaCy's norms), so its text is the
input, character for character, and every span still indexes it exactly; text without such runs goes
through spaCy's tokenizer unchanged (into a `TextDoc`, which keeps its text: spaCy rebuilds `Doc.text` from the
tokens on every read). Tokens per character are thus bounded by what short chunks allow.
"""

from __future__ import annotations

import copyreg
import re
import unicodedata
from typing import Any

from spacy.attrs import NORM, ORTH, SPACY
from spacy.tokens import Doc
from spacy.tokens.doc import pickle_doc

#: a whitespace-free chunk longer than this is not a word: tokenize it in pieces
LONG_RUN = 100
#: piece length: the quadratic cost stays that of a 50-character word
PIECE = 50
#: this many punctuation marks in a row are not text: tokens of PIECE characters ("**********", 10,000 `"`)
PUNCT_RUN = 10
#: a PIECE-long piece that spaCy splits into more tokens than this is noise: it stays one token
PIECE_TOKENS = 16
_HOSTILE = re.compile(rf"\S{{{LONG_RUN + 1},}}|[^\w\s]{{{PUNCT_RUN},}}")
_PUNCT = re.compile(rf"[^\w\s]{{{PUNCT_RUN},}}")
#: whether `_HOSTILE` finds anything, asked of every text, as searches that open with a character class (which `re`
#: skips to in C): a long run starts the text or follows a space; a punctuation run is `_PUNCT`
_LONG_AFTER_SPACE = re.compile(rf"\s\S{{{LONG_RUN + 1}}}")
_LONG_AT_START = re.compile(rf"\S{{{LONG_RUN + 1}}}")


def _hostile(text: str) -> bool:
    """`_HOSTILE.search(text) is not None`, without trying its long-run branch at every character."""
    return bool(_PUNCT.search(text) or _LONG_AFTER_SPACE.search(text) or _LONG_AT_START.match(text))


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


class TextDoc(Doc):
    """A spaCy `Doc` that keeps its text: `Doc.text` joins every token's text on every read, making a `Token` per
    token (about 0.1 ms for a 400-word article), and the components read it about 15 times per document. The
    text is the tokenizer's input, which spaCy's tokenization reproduces character for character; everything
    else is spaCy's `Doc` (slicing, `as_doc`, `Doc.from_docs` and unpickling give a plain `Doc`)."""

    _text: str

    @property
    def text(self) -> str:
        return self._text

    @property
    def text_with_ws(self) -> str:
        return self._text


copyreg.pickle(TextDoc, pickle_doc)  # as spaCy pickles a Doc (it comes back a plain Doc)


def keeping_text(doc: Doc, text: str) -> Doc:
    """`doc` as a `TextDoc` with the same tokens, whitespace and norms (spaCy's special-case norms, "n't" -> "not"),
    remembering `text`; `doc` itself when `text` is not its text (then nothing is assumed)."""
    if not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        return doc
    rows = doc.to_array([ORTH, SPACY, NORM])
    strings = doc.vocab.strings
    out = TextDoc(doc.vocab, words=[strings[o] for o in rows[:, 0].tolist()], spaces=rows[:, 1].astype(bool).tolist())
    out.from_array([NORM], rows[:, 2:3].copy())
    out._text = text
    return out


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; behaves like it (attributes are delegated) but never goes quadratic and never
    makes a token of every character of a long run."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (unpickling): do not recurse
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        if not _hostile(text):
            return keeping_text(self.tokenizer(text), text)
        words: list[str] = []
        spaces: list[bool] = []
        norms: dict[int, str] = {}  # spaCy's special-case norms ("n't" -> "not"), kept

        def space_first(segment: str) -> str:
            if segment.startswith(" ") and words and not spaces[-1]:
                spaces[-1] = True  # one space after a run belongs to its last token, as spaCy would have it
                return segment[1:]
            return segment

        def add(segment: str, cap: bool = False) -> None:
            segment = space_first(segment)
            if not segment:
                return
            doc = self.tokenizer(segment)
            if cap and len(doc) > PIECE_TOKENS:
                words.append(segment)
                spaces.append(False)
                return
            for token in doc:
                if token.norm != token.lex.norm:
                    norms[len(words)] = token.norm_
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

        def pieces(start: int, end: int, tokenize: bool) -> None:
            cuts = _cut_points(start, end, text)
            for a, b in zip(cuts, cuts[1:], strict=False):
                if tokenize:
                    add(text[a:b], cap=True)
                else:
                    words.append(text[a:b])
                    spaces.append(False)

        pos = 0
        for match in _HOSTILE.finditer(text):
            start, end = match.span()
            add(text[pos:start])
            inner = start
            for run in _PUNCT.finditer(text, start, end):  # punctuation runs inside a long chunk, or the match
                if run.start() > inner:
                    pieces(inner, run.start(), tokenize=True)
                pieces(run.start(), run.end(), tokenize=False)
                inner = run.end()
            if inner < end:
                pieces(inner, end, tokenize=True)
            pos = end
        add(text[pos:])
        doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)  # rare: a plain Doc, its text from its tokens
        for i, norm in norms.items():
            doc[i].norm_ = norm
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)
