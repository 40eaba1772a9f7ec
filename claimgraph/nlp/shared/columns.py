"""A document's token columns as plain lists, from one `Doc.to_array` each instead of a `Token` per token.

The components index the parse by token (offsets for character look-ups, heads and labels for walking the
tree); building those lists with `[t.idx for t in doc]` makes a spaCy `Token` per token per list, which is most
of what they cost. These give the same lists; tests/test_speed_text.py compares them with spaCy's.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LIKE_NUM, LOWER, POS
from spacy.tokens import Doc

from claimgraph.nlp.tokenize import TextDoc


def offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end character (`t.idx`, `t.idx + len(t)`), kept by a `TextDoc` once made (as
    `lower_ids`: several components and the speakers' look-ups ask for them). Callers read them, never change them."""
    if isinstance(doc, TextDoc):
        kept: tuple[list[int], list[int]] | None = doc.__dict__.get("_offsets")
        if kept is None or len(kept[0]) != len(doc):
            kept = doc.__dict__["_offsets"] = _offsets(doc)
        return kept
    return _offsets(doc)


def _offsets(doc: Doc) -> tuple[list[int], list[int]]:
    rows = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
    return rows[:, 0].tolist(), (rows[:, 0] + rows[:, 1]).tolist()


def heads(doc: Doc) -> list[int]:
    """Each token's head index (`t.head.i`; a root is its own head)."""
    offset = doc.to_array(HEAD).astype(numpy.int64)  # HEAD is the head's distance, stored unsigned
    return (offset + numpy.arange(len(doc), dtype=numpy.int64)).tolist()


def dep_labels(doc: Doc) -> list[str]:
    """Each token's dependency label (`t.dep_`)."""
    return _strings(doc, DEP)


def lower_forms(doc: Doc) -> list[str]:
    """Each token's lower-case form (`t.lower_`)."""
    return _strings(doc, LOWER)


def lower_ids(doc: Doc) -> list[int]:
    """Each token's lower-case form as its string id (`t.lower`). A `TextDoc` keeps the list once made (its tokens
    never change after tokenizing), so a sentence's words are a slice of it: `Span.to_array` costs about a
    microsecond per token. Callers read it, never change it."""
    if isinstance(doc, TextDoc):
        ids: list[int] | None = doc.__dict__.get("_lower_ids")
        if ids is None or len(ids) != len(doc):
            ids = doc.__dict__["_lower_ids"] = doc.to_array(LOWER).tolist()
        return ids
    return doc.to_array(LOWER).tolist()


def lemma_lowers(doc: Doc) -> list[str]:
    """Each token's lemma in lower case (`t.lemma_.lower()`), kept by a `TextDoc` once made as `lower_ids` is (the
    lemmatizer, the last spaCy stage, has set them before any claimgraph component reads them). Callers read it,
    never change it."""
    if isinstance(doc, TextDoc):
        lemmas: list[str] | None = doc.__dict__.get("_lemma_lowers")
        if lemmas is None or len(lemmas) != len(doc):
            lemmas = doc.__dict__["_lemma_lowers"] = _strings(doc, LEMMA, _LOWERED)
        return lemmas
    return _strings(doc, LEMMA, _LOWERED)


def lower_strings(doc: Doc) -> list[str]:
    """`lower_forms(doc)`, kept by a `TextDoc` once made (as `lower_ids`). Callers read it, never change it."""
    if isinstance(doc, TextDoc):
        lowers: list[str] | None = doc.__dict__.get("_lower_strings")
        if lowers is None or len(lowers) != len(doc):
            lowers = doc.__dict__["_lower_strings"] = lower_forms(doc)
        return lowers
    return lower_forms(doc)


def like_nums(doc: Doc) -> list[bool]:
    """Each token's `t.like_num`, kept by a `TextDoc` once made. Callers read it, never change it."""
    if isinstance(doc, TextDoc):
        flags: list[bool] | None = doc.__dict__.get("_like_nums")
        if flags is None or len(flags) != len(doc):
            flags = doc.__dict__["_like_nums"] = doc.to_array(LIKE_NUM).astype(bool).tolist()
        return flags
    return doc.to_array(LIKE_NUM).astype(bool).tolist()


def pos_labels(doc: Doc) -> list[str]:
    """Each token's coarse part of speech (`t.pos_`)."""
    return _strings(doc, POS)


#: a string id -> its string, for every id `_strings` has met: the `StringStore` decodes a new `str` on every look-up,
#: and a text's words, labels and lemmas are mostly ones met before (an id is the string's hash: it names the same
#: string in any vocabulary); bounded like the other word caches
_NAMES: dict[int, str] = {}
#: the same, lower-cased (`lemma_lowers`)
_LOWERED: dict[int, str] = {}
_NAMES_MAX = 50_000


def _strings(doc: Doc, attr: int, names: dict[int, str] = _NAMES) -> list[str]:
    """Each token's string value of a string-valued attribute (each distinct one looked up once); lower-cased when
    `names` is `_LOWERED`."""
    ids = doc.to_array(attr).tolist()
    if len(names) > _NAMES_MAX:
        names.clear()
    missing = set(ids).difference(names)
    if missing:
        strings = doc.vocab.strings
        if names is _LOWERED:
            names.update((i, strings[i].lower()) for i in missing)
        else:
            names.update((i, strings[i]) for i in missing)
    return [names[i] for i in ids]
