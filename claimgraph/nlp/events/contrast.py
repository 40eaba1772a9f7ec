"""Parties a sentence sets aside: "Russian warplanes, not Syrian jets, struck ...", "government helicopters
rather than rebel artillery shelled ...", "shelled by Russian aircraft, not by the Syrian army". The noun phrase
after such a word (events_contrast.tsv) says who or what did NOT act, so it gives no actor, target or event word
(issue 13: actors from what the text says of the act).

Why a module of its own: the trigger finder, the actor reader and the target reader all need the same answer,
and it is read from the words around a noun phrase rather than from any one argument's syntax.
"""

from __future__ import annotations

import functools

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from claimgraph.data import read_rows
from claimgraph.nlp.events.lexicon import Match, TokForms
from claimgraph.nlp.shared.columns import lower_ids

#: parts of speech that open the noun phrase after a marker ("not the army", "not Syrian jets", "not 'the rebels'")
_NOMINAL = ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON")


@functools.lru_cache(maxsize=1)
def _words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """(markers as word tuples, longest first; exception words) from events_contrast.tsv."""
    rows = read_rows("events_contrast.tsv")
    markers = sorted((tuple(r[0].lower().split()) for r in rows if r[1] == "marker"), key=len, reverse=True)
    return tuple(markers), frozenset(r[0].lower() for r in rows if r[1] == "exception")


@functools.lru_cache(maxsize=1)
def _word_ids() -> tuple[dict[int, tuple[tuple[int, ...], ...]], tuple[tuple[int, ...], ...], frozenset[int]]:
    """`_words()` as spaCy string ids (a token's `LOWER`): the markers by their first word (in `_words()`'s order,
    longest first), a marker of no words if the file has one (it would match anywhere, after all the others), and
    the exception words."""
    markers, exceptions = _words()
    by_first: dict[int, list[tuple[int, ...]]] = {}
    for m in markers:
        if m:
            by_first.setdefault(get_string_id(m[0]), []).append(tuple(get_string_id(w) for w in m))
    empty = ((),) if () in markers else ()
    return {k: tuple(v) for k, v in by_first.items()}, empty, frozenset(get_string_id(w) for w in exceptions)


def set_aside(sent: Span) -> frozenset[int]:
    """Token indices (doc positions) of the noun phrases the sentence sets aside with a contrast marker. A marker
    before a verb or an adverb ("did not shell", "rather than retreat") negates an act, not a party: nothing.
    The words are read as string ids from the document's column (`lower_ids`) and a marker is tried only where its
    first word stands (a sentence is read for every trigger match and event argument: no Token per word, no tuple
    per marker)."""
    by_first, empty, exceptions = _word_ids()
    doc, base = sent.doc, sent.start
    words = lower_ids(doc)[base:sent.end]
    size = len(words)
    out: set[int] = set()
    k = 0
    while k < size:
        firsts = by_first.get(words[k])
        if firsts is None and not empty:  # most words open no marker: no generator made for them
            k += 1
            continue
        marker = next((m for m in (firsts or ()) + empty if tuple(words[k:k + len(m)]) == m), None)
        if marker is None:
            k += 1
            continue
        j = k + len(marker)
        while j < size and doc[base + j].pos_ == "ADP":  # "not by the army", "rather than from the air"
            j += 1
        if j < size and words[j] not in exceptions and doc[base + j].pos_ in _NOMINAL:
            out.update(_phrase(doc[base + j], sent))
        k = j if j > k else k + 1
    return frozenset(out)


def _phrase(first: Token, sent: Span) -> set[int]:
    """The noun phrase that starts at `first`: the nearest noun it hangs on (itself, or "jets" from "Syrian"), and
    that noun's words from `first` on, up to the first comma (an aside is closed by one)."""
    noun = first
    while noun.pos_ not in ("NOUN", "PROPN", "PRON") and noun.head.i != noun.i and noun.head.i > noun.i \
            and noun.dep_ in ("amod", "compound", "det", "nummod", "poss", "nmod", "quantmod", "punct"):
        noun = noun.head
    out: set[int] = set()
    for t in noun.subtree:
        if t.i < first.i or t.i >= sent.end:
            continue
        if t.text == "," and t.i > noun.i:
            break
        out.add(t.i)
    out.add(noun.i)
    return out


def drop_set_aside(tokens: list[Token]) -> list[Token]:
    """The tokens that name no party the sentence sets aside."""
    if not tokens:
        return tokens
    aside = set_aside(tokens[0].sent)
    return [t for t in tokens if t.i not in aside] if aside else tokens


def opens_contrast(tok: Token) -> bool:
    """Is the token the first word of a contrast marker that sets a noun phrase aside ("warplanes, not jets,
    struck": the parser may hang this "not" on "warplanes")? Then it negates that phrase, not the word it hangs on."""
    markers, exceptions = _words()
    doc = tok.doc
    for marker in markers:
        end = tok.i + len(marker)
        if end > len(doc) or tuple(t.lower_ for t in doc[tok.i:end]) != marker:
            continue
        while end < len(doc) and doc[end].pos_ == "ADP":
            end += 1
        return end < len(doc) and doc[end].lower_ not in exceptions and doc[end].pos_ in _NOMINAL
    return False


def not_set_aside(matches: list[Match], toks: list[TokForms], sent: Span) -> list[Match]:
    """The trigger matches with no word in a phrase the sentence sets aside ("rather than rebel artillery")."""
    aside = set_aside(sent)
    if not aside:
        return matches
    return [m for m in matches if not any(toks[i].token.i in aside for i in range(m.start, m.end))]
