"""The model's attribute_ruler, matched through an index: the same matches, about 8x cheaper.

spaCy's `AttributeRuler` (tag -> POS and morphology, plus exceptions) finds its matches with a `Matcher`
that tries every pattern at every token: en_core_web_sm's 179 patterns cost about 18 us per token, 12% of
the whole model's CPU time, more than the tagger and the lemmatizer together. Its patterns are one or two
tokens of tests on LOWER, TAG, DEP and IS_SPACE (a value, IN, NOT_IN, REGEX), so indexing the rules by a
value their first token must have leaves a handful of candidates per token. `index_attribute_ruler` swaps
only the ruler's `match` for an indexed one returning the same (rule, match id, start, end) matches in the
same order (the rules a token starts are worked out once per distinct token row), and applies them with
spaCy's own `set_token_attrs`, without a `Span` per match, so every token gets exactly the attributes it got
before (tests/test_pipeline.py compares both on real articles). A pattern of any other shape (an `OP`,
another attribute) leaves the ruler as spaCy made it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: the token attributes a pattern may test, in the column order of `Doc.to_array`
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_COLUMNS = [LOWER, TAG, DEP, IS_SPACE]


#: (rule index, match id, per token: its tests as (column, kind, values)), kind "eq"/"in", "not_in" or "regex"
Rule = tuple[int, int, list[tuple[tuple[int, str, Any], ...]]]
#: distinct token rows remembered with the rules they start: bounded, then started afresh
MEMO = 20_000


class IndexedMatch:
    """`AttributeRuler.match` through an index on a value the first token must have (LOWER, else TAG, ...)."""

    def __init__(self, ruler: AttributeRuler, rules: list[Rule]) -> None:
        self.strings = ruler.vocab.strings
        #: per column (LOWER, TAG, DEP, IS_SPACE): value -> the rules whose first token wants it there
        index: list[dict[int, list[Rule]]] = [defaultdict(list) for _ in _ATTRS]
        self.rest: list[Rule] = []  # no value to index on (a regex): tried on every distinct row
        for rule in rules:
            first = rule[2][0]
            column = next((c for c, kind, _ in first if kind == "in"), None)
            if column is None:
                self.rest.append(rule)
                continue
            for value in next(v for c, _, v in first if c == column):
                index[column][value].append(rule)
        self.index = [dict(by_value) for by_value in index]
        #: a token's row -> what `_starting` finds for it: the same for every token with that row
        self._by_row: dict[tuple[int, ...], tuple[list[tuple[int, int]], list[Rule]]] = {}
        self._searched: dict[tuple[int, int], bool] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(_COLUMNS).tolist()] if len(doc) else []
        n = len(rows)
        fits, by_row = self._fits, self._by_row
        matches = []
        for i, row in enumerate(rows):
            found = by_row.get(row)
            if found is None:
                if len(by_row) > MEMO:
                    by_row.clear()
                    self._searched.clear()
                found = by_row[row] = self._starting(row)
            singles, longer = found
            for attr_id, match_id in singles:
                matches.append((attr_id, match_id, i, i + 1))
            for attr_id, match_id, tests in longer:
                size = len(tests)
                if i + size <= n and all(fits(rows[i + k], tests[k]) for k in range(1, size)):
                    matches.append((attr_id, match_id, i, i + size))
        matches.sort()
        return matches

    def _starting(self, row: tuple[int, ...]) -> tuple[list[tuple[int, int]], list[Rule]]:
        """For a token's (LOWER, TAG, DEP, IS_SPACE): the one-token rules it matches, as (rule, match id), and the
        longer rules whose first token it fits (their other tokens are checked where it occurs)."""
        fits = self._fits
        rules = [rule for column, by_value in enumerate(self.index) for rule in by_value.get(row[column], ())]
        rules += self.rest
        singles = [(a, m) for a, m, tests in rules if len(tests) == 1 and fits(row, tests[0])]
        longer = [rule for rule in rules if len(rule[2]) > 1 and fits(row, rule[2][0])]
        return singles, longer

    def _fits(self, row: tuple[int, ...], tests: tuple[tuple[int, str, Any], ...]) -> bool:
        for column, kind, value in tests:
            have = row[column]
            if kind == "in":
                if have not in value:
                    return False
            elif kind == "not_in":
                if have in value:
                    return False
            else:  # "regex", as the Matcher: a search on the value's string (remembered per value)
                found = self._searched.get((id(value), have))
                if found is None:
                    found = self._searched[(id(value), have)] = bool(value.search(self.strings[have]))
                if not found:
                    return False
        return True


class DirectAnnotations:
    """`AttributeRuler.set_annotations` without a `Span` per match: the same token (`span[index]`, a negative
    index from the span's end) gets the same attributes by spaCy's own `set_token_attrs`, in the same order; a
    match whose index falls outside it goes to spaCy's method, which raises its error."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for match in matches:
            attr_id, _match_id, start, end = match
            index = indices[attr_id]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                AttributeRuler.set_annotations(self.ruler, doc, [match])
                continue
            set_token_attrs(doc[at], attrs[attr_id])


def _test(name: str, value: Any, strings: Any) -> tuple[str, Any] | None | bool:
    """One attribute's test as (kind, values), None for no test, or False when it is not of a known shape."""
    def key(v: Any) -> int | None:
        if name == "IS_SPACE":
            return int(v) if isinstance(v, bool) else None
        return strings.add(v) if isinstance(v, str) else None

    if value is None:
        return None
    if not isinstance(value, dict):
        k = key(value)
        return False if k is None else ("in", frozenset([k]))
    if len(value) != 1:
        return False
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        keys = [key(v) for v in arg]
        if any(k is None for k in keys):
            return False
        return ("in" if op == "IN" else "not_in", frozenset(keys))
    if op == "REGEX" and isinstance(arg, str) and name != "IS_SPACE":
        return ("regex", re.compile(arg))
    return False


def _compile(ruler: AttributeRuler) -> list[Rule] | None:
    """Each rule's patterns as per-token tuples of tests on (LOWER, TAG, DEP, IS_SPACE) (None: any value),
    or None when a pattern is not of a shape handled here."""
    strings = ruler.vocab.strings
    rules = []
    for attr_id, entry in enumerate(ruler.patterns):
        match_id = strings[str(attr_id)]
        for pattern in entry["patterns"]:
            if not pattern:
                return None
            tests = []
            for spec in pattern:
                if set(spec) - set(_ATTRS):
                    return None
                test = [_test(name, spec.get(name), strings) for name in _ATTRS]
                if any(t is False for t in test):
                    return None
                tests.append(tuple((c, t[0], t[1]) for c, t in enumerate(test) if t))
            rules.append((attr_id, match_id, tests))
    return rules


def index_attribute_ruler(nlp: Language) -> bool:
    """Give the pipeline's attribute_ruler an indexed `match` when its patterns allow; True if it did."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or isinstance(getattr(ruler, "match", None), IndexedMatch):
        return False
    rules = _compile(ruler)
    if rules is None:
        return False
    ruler.match = IndexedMatch(ruler, rules)  # type: ignore[method-assign]
    ruler.set_annotations = DirectAnnotations(ruler)  # type: ignore[method-assign]
    return True
