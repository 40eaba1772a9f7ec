"""Data files of the events component, loaded once, and the word-pattern matcher they share.

Patterns are space-separated elements; an element matches a token whose lemma or lower-cased form is
one of its `|`-separated alternatives ("=word": the written form only; "word@verb": that word as the given
part of speech, so "storm@noun" is weather and "storm@verb" an assault), `*` is a gap of up to 3 tokens.
Hyphen tokens are skipped when matching, so "air strike", "air-strike" and "air strikes" are one pattern.
Why our own matcher and not spaCy's PhraseMatcher: one tiny index serves triggers, casualty cues and context
cues, and it runs over a sentence in a few microseconds per token (events must add little to analysis time).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from claimgraph.data import read_rows

GAP = "*"
LEMMA = "~"  # lemma forms are kept apart from written forms, so "=word" can ask for the written one
MAX_GAP = 3
SKIP_TOKENS = {"-", "–", "—", "‐"}

#: coarse parts of speech a pattern may ask for ("word@noun"; "word@propn" for capitalised words, as
#: in headlines, and month names such as "March")
_POS = {"NOUN": "noun", "PROPN": "propn", "VERB": "verb", "AUX": "verb", "ADJ": "adj"}

Element = frozenset[str] | str  # a set of alternatives, or GAP
Pattern = tuple[Element, ...]


def _rows(name: str) -> list[list[str]]:
    return read_rows(name)


def parse_pattern(text: str) -> Pattern:
    elements: list[Element] = []
    for part in text.lower().split():
        if part == GAP:
            elements.append(GAP)
            continue
        alts: set[str] = set()
        for alt in part.split("|"):
            word = alt.replace("-", "")
            if "@" in word:  # "plant@noun": lemma or written form, with that part of speech
                base, pos = word.split("@", 1)
                alts.update((f"{base}@{pos}", f"{LEMMA}{base}@{pos}"))
                continue
            if word.startswith("="):  # "=according": the written form only, never a lemma
                alts.add(word[1:])
            else:
                alts.update((word, LEMMA + word))
        elements.append(frozenset(alts))
    return tuple(elements)


def parse_cue(text: str) -> list[Pattern]:
    """A context cue: one pattern when it has a gap, else `|`-separated alternative patterns."""
    if GAP in text.split():
        return [parse_pattern(text)]
    return [parse_pattern(alt) for alt in text.split("|") if alt.strip()]


@dataclass
class PatternIndex:
    """Patterns indexed by the alternatives of their first element; each pattern carries a payload."""

    by_first: dict[str, list[tuple[Pattern, object]]] = field(default_factory=dict)
    #: a token's forms -> the patterns its forms start, in the order `find` tries them (one look-up per token)
    _starts: dict[tuple[str, ...], tuple[tuple[Pattern, object], ...]] = field(
        default_factory=dict, repr=False, compare=False)
    _version: int = field(default=0, repr=False, compare=False)  # patterns added so far: a sentence's kept matches

    def add(self, pattern: Pattern, payload: object) -> None:
        if not pattern or pattern[0] == GAP:
            return
        self._starts.clear()
        self._version += 1
        for alt in pattern[0]:  # type: ignore[union-attr]
            self.by_first.setdefault(alt, []).append((pattern, payload))

    def _started_by(self, forms: tuple[str, ...]) -> tuple[tuple[Pattern, object], ...]:
        """The patterns whose first element one of `forms` meets, each once, in the forms' order."""
        seen: set[int] = set()
        out: list[tuple[Pattern, object]] = []
        for form in forms:
            for pattern, payload in self.by_first.get(form, ()):
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    out.append((pattern, payload))
        return tuple(out)

    def find(self, toks: Sequence[TokForms]) -> list[Match]:
        """Every match in `toks` (one sentence), as token-index ranges into `toks`.

        A sentence from `token_forms` keeps each index's matches: it is asked about several times.
        """
        cache = toks.found if isinstance(toks, Forms) else None
        key = (id(self), self._version)
        if cache is not None and key in cache and cache[key][0] is self:
            return list(cache[key][1])
        starts = self._starts
        if len(starts) > _STARTS_MAX:
            starts.clear()
        found: list[Match] = []
        size = len(toks)
        get = starts.get
        new = tuple.__new__  # what `Match(...)` does, without its Python-level `__new__`
        for i, tok in enumerate(toks):
            forms = tok[1]  # TokForms.forms
            patterns = get(forms)
            if patterns is None:
                patterns = starts[forms] = self._started_by(forms)
            if not patterns:
                continue  # most words start no pattern
            for pattern, payload in patterns:
                if len(pattern) == 1:  # a one-word pattern: matched already (what `_match_from` would say)
                    found.append(new(Match, (i, i + 1, payload, 1)))
                    continue
                second = pattern[1]
                if second != GAP and (i + 1 >= size or second.isdisjoint(toks[i + 1].forms)):  # type: ignore[union-attr]
                    continue  # the second word is not there (no call to find it out)
                end = _match_from(pattern, 1, toks, i + 1)
                if end is not None:
                    found.append(new(Match, (i, end, payload, len(pattern))))
        if cache is not None:
            cache[key] = (self, tuple(found))
        return found


_STARTS_MAX = 20_000  # distinct words remembered per index (~1 MB): a stream of any size stays flat


class TokForms(NamedTuple):
    """A sentence token as the matcher sees it: its forms and the spaCy token (a tuple: made for every token
    of every sentence, and a frozen dataclass costs three times as much to make)."""

    token: Token
    forms: tuple[str, ...]


class Match(NamedTuple):
    """A pattern's match in a sentence (a tuple: `find` makes tens of thousands per pass over a corpus, and a frozen
    dataclass costs several times as much to make)."""

    start: int  # index into the TokForms list
    end: int  # exclusive
    payload: object
    size: int  # number of pattern elements (longer patterns are more specific)


def _match_from(pattern: Pattern, k: int, toks: Sequence[TokForms], i: int) -> int | None:
    """Where `pattern[k:]` matching from token `i` ends (the first way found, shortest gaps first), or None.

    Elements are frozensets: a token meets one when their forms are not disjoint (one C call, not a loop).
    """
    n, size = len(pattern), len(toks)
    while k < n:
        element = pattern[k]
        if element == GAP:
            for skip in range(0, MAX_GAP + 1):
                end = _match_from(pattern, k + 1, toks, i + skip)
                if end is not None:
                    return end
            return None
        if i >= size or element.isdisjoint(toks[i].forms):  # type: ignore[union-attr]
            return None
        k, i = k + 1, i + 1
    return i


class Forms(list):  # type: ignore[type-arg]
    """A sentence's `TokForms` (what `token_forms` returns): a list that also keeps each pattern index's
    matches in it (`found`). Not to be changed once matched."""

    @functools.cached_property
    def found(self) -> dict[tuple[int, int], tuple[PatternIndex, tuple[Match, ...]]]:
        return {}


#: (lower, lemma, part of speech) -> the token's forms (none: a space or a hyphen, skipped): a word's forms are
#: worked out once per process
_FORMS: dict[tuple[int, int, int], tuple[str, ...]] = {}
_FORMS_MAX = 20_000  # distinct words (a few MB): a stream of any size stays flat


def _forms(lower: str, lemma: str, pos: str) -> tuple[str, ...]:
    lower = lower.replace("-", "")
    lemma = lemma.lower().replace("-", "")
    pos = "@" + _POS.get(pos, "x")
    forms: tuple[str, ...] = (lower, LEMMA + lemma, lower + pos, LEMMA + lemma + pos)
    if lower.endswith("s") and len(lower) > 3 and lemma != lower[:-1]:
        forms = (*forms, LEMMA + lower[:-1], LEMMA + lower[:-1] + pos)  # lemmatizer misses ("bases")
    return forms


def token_forms(sent: Span | Iterable[Token]) -> Forms:
    """The sentence's tokens with their forms, less spaces and hyphens (a word's forms are looked up once)."""
    out = Forms()
    append = out.append
    cache = _FORMS
    new = tuple.__new__  # what `TokForms(tok, forms)` does, without its Python-level `__new__` (one per token)
    for tok in sent:
        key = (tok.lower, tok.lemma, tok.pos)
        forms = cache.get(key)
        if forms is None:
            if len(cache) >= _FORMS_MAX:
                cache.clear()
            lower = tok.lower_  # a space or a hyphen is one whatever its case: the lower-case form tells
            skip = lower.isspace() or lower in SKIP_TOKENS
            forms = cache[key] = () if skip else _forms(lower, tok.lemma_, tok.pos_)
        if forms:
            append(new(TokForms, (tok, forms)))
    return out


@dataclass(frozen=True)
class TypeInfo:
    subtype: str
    type: str
    group: str
    prior: float
    people: str  # casualty group of victims the report does not describe


@dataclass(frozen=True)
class ContextRule:
    source: str
    cues: tuple[Pattern, ...]
    target: str
    scope: str


@dataclass
class Lexicon:
    types: dict[str, TypeInfo]
    triggers: PatternIndex
    casualty_cues: PatternIndex
    context: list[ContextRule]
    context_index: PatternIndex
    groups: dict[str, str]
    numbers: dict[str, float]
    number_phrases: PatternIndex
    cumulative: PatternIndex


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All event knowledge from claimgraph/data, parsed once per process."""
    types = {
        row[0]: TypeInfo(row[0], row[1], row[2], float(row[3]), row[4]) for row in _rows("events_types.tsv")
    }
    triggers = PatternIndex()
    for pattern, subtype, weight in _rows("event_triggers.tsv"):
        if subtype not in types:
            raise ValueError(f"event_triggers.tsv: unknown subtype {subtype!r}")
        triggers.add(parse_pattern(pattern), (subtype, float(weight)))
    cues = PatternIndex()
    for pattern, kind in _rows("events_casualty_cues.tsv"):
        cues.add(parse_pattern(pattern), kind)
    context: list[ContextRule] = []
    context_index = PatternIndex()
    for n, (source, cue, target, scope) in enumerate(_rows("events_context.tsv")):
        rule = ContextRule(source, tuple(parse_cue(cue)), target, scope)
        context.append(rule)
        for pattern in rule.cues:
            context_index.add(pattern, n)
    groups = {row[0].lower(): row[1] for row in _rows("events_groups.tsv")}
    numbers: dict[str, float] = {}
    phrases = PatternIndex()
    for word, value in _rows("events_numbers.tsv"):
        if " " in word:
            phrases.add(parse_pattern(word), float(value))
        else:
            numbers[word.lower()] = float(value)
    cumulative = PatternIndex()
    for (pattern,) in _rows("events_cumulative.tsv"):
        cumulative.add(parse_pattern(pattern), True)
    return Lexicon(types, triggers, cues, context, context_index, groups, numbers, phrases, cumulative)


def best_matches(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longer (more specific) patterns first, then heavier ones."""

    def weight(m: Match) -> float:
        payload = m.payload
        return payload[1] if isinstance(payload, tuple) else 0.0

    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -m.size, -weight(m), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


@functools.lru_cache(maxsize=1)
def lex_place_nouns() -> frozenset[str]:
    """Nouns a place name can qualify and still say where ("Latakia province", "the Idlib countryside")."""
    return frozenset(row[0].lower() for row in _rows("events_place_nouns.tsv"))


@functools.lru_cache(maxsize=1)
def lex_absorb() -> tuple[tuple[str, str, float], ...]:
    """(loser, winner, winner's minimum trigger weight), in file order, for subtypes one sentence reports
    as one incident."""
    return tuple((row[1], row[0], float(row[2])) for row in _rows("events_absorb.tsv"))


@functools.lru_cache(maxsize=1)
def lex_reasons() -> frozenset[str]:
    """Words whose complement says what an event is about ("to denounce the arrest of ...")."""
    return frozenset(row[0].lower() for row in _rows("events_reasons.tsv"))


def distinct_weight(hits: list[tuple[Match, float]], toks: list[TokForms]) -> float:
    """Trigger weight of a sentence with each trigger word counted once (by its lemmas)."""
    best: dict[tuple[str, ...], float] = {}
    for m, w in hits:
        key = tuple(toks[i].token.lemma_.lower() for i in range(m.start, m.end))
        best[key] = max(w, best.get(key, 0.0))
    return sum(best.values())


#: a word's forms (`TokForms.forms`) -> whether one names fighters or a military site, for the groups table in
#: `_FIGHTER_GROUPS` (the lexicon's: one per process); bounded like the forms cache
_FIGHTER_FORMS: dict[tuple[str, ...], bool] = {}
_FIGHTER_GROUPS: list[dict[str, str]] = []


def names_fighter(forms: tuple[str, ...], groups: dict[str, str]) -> bool:
    """Does one of a word's forms name fighters or a military site (events_groups.tsv `combatants`,
    `military-site`)? Worked out once per distinct word."""
    if not _FIGHTER_GROUPS or _FIGHTER_GROUPS[0] is not groups:
        _FIGHTER_GROUPS[:] = [groups]
        _FIGHTER_FORMS.clear()
    hit = _FIGHTER_FORMS.get(forms)
    if hit is None:
        if len(_FIGHTER_FORMS) >= 20_000:
            _FIGHTER_FORMS.clear()
        hit = _FIGHTER_FORMS[forms] = any(groups.get(form.lstrip(LEMMA)) in ("combatants", "military-site")
                                          for form in forms)
    return hit
