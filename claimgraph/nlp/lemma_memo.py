"""The model's lemmatizer with a memo per word form: the same lemmas, without a spaCy `Token` per token.

spaCy's `Lemmatizer.__call__` makes a `Token` for every token of every document and asks the rules (or the
look-up table) for its lemma: about 7 us per token, 5% of the model's CPU time. A lemma is a function of the
token's text, part of speech and morphology only (the rule lemmatizer reads nothing else, its own cache is
keyed by the same triple, and the look-up lemmatizer reads the text alone), so `memoize_lemmatizer` makes the
component read those three columns with `Doc.to_array`, ask spaCy's own `lemmatize` once per distinct triple,
and write the lemmas back in one `Doc.from_array`. Tokens that already have a lemma (the attribute ruler's
exceptions) keep it, as spaCy's component does unless `overwrite` is set. tests/test_speed_lemmas.py compares
the lemmas token for token with spaCy's on real articles.

A word met for the first time still costs spaCy's `rule_lemmatize`, which asks `form in index` of its lemma
index, a list (57,528 nouns in the English tables): a scan of the list for every rule that fits the word's
ending, about 0.4 ms per new word, so most of a cold process's first articles. `memoize_lemmatizer` gives those
lists a set look-up for `in` (`_Members`: the same list, the same items; only membership is asked of it).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

#: distinct (text, part of speech, morphology) triples remembered, then started afresh (a few MB at most)
MEMO = 50_000
_CLASSES: dict[type, type] = {}


def _memo_call(self: Any, doc: Doc) -> Doc:
    """`Lemmatizer.__call__`, one `lemmatize` per distinct (text, POS, morphology) instead of one per token."""
    if not self._validated:
        self._validate_tables(Errors.E1004)
    if not len(doc):
        return doc
    try:
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_claimgraph_memo", {})
        if len(memo) > MEMO:
            memo.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings, overwrite = self.vocab.strings, self.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc
    except Exception as exc:  # noqa: BLE001 - spaCy's own handling, as its __call__ does
        self.get_error_handler()(self.name, self, [doc], exc)
        return doc


class _Members(list):  # type: ignore[type-arg]
    """A lemma index list whose `in` is a set look-up (`rule_lemmatize` only asks membership of it); still the
    list spaCy loaded, item for item, so it serialises as one. Never changed after it is made."""

    __slots__ = ("_set",)

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self._set = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _index_sets(proc: Lemmatizer) -> None:
    """The rule lemmatizer's `lemma_index` lists as `_Members` (in place; done once)."""
    if proc.mode != "rule" or not proc.lookups.has_table("lemma_index"):
        return
    table = proc.lookups.get_table("lemma_index")
    for key, value in list(table.items()):
        if type(value) is list:
            table[key] = _Members(value)


def memoize_lemmatizer(nlp: Language) -> None:
    """Give each rule or look-up `Lemmatizer` of the pipeline the memoised `__call__` (in place), and its lemma
    index set look-ups."""
    for _, proc in nlp.pipeline:
        if not isinstance(proc, Lemmatizer) or proc.mode not in ("rule", "lookup"):
            continue
        _index_sets(proc)
        base = type(proc)
        if base in _CLASSES.values():
            continue  # done already
        if base not in _CLASSES:
            _CLASSES[base] = type(f"Memo{base.__name__}", (base,), {"__call__": _memo_call,
                                                                   "__module__": __name__})
        proc.__class__ = _CLASSES[base]
