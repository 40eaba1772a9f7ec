"""Who did an act, from what the text says of that act: a claim of responsibility gives the claimed act its
claimant (issue 13: an actor comes from the act's own sentence, its agent, "by X" or a claim, never from a
group named elsewhere).

Why a module of its own: the component builds events one by one; this pass reads two events of one sentence
together (the claim and the act it claims).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from claimgraph.contract import Event
from claimgraph.data import read_rows
from claimgraph.nlp.state import DocState


@functools.lru_cache(maxsize=1)
def claim_phrases() -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """Claims of responsibility from events_claims.tsv: (verb, object) pairs that claim an act ("claim
    responsibility", "take credit"; object "-": the act itself is the verb's object), and denial verbs."""
    rows = read_rows("events_claims.tsv")
    return (frozenset((r[0].lower(), r[1].lower()) for r in rows if r[2] == "claim"),
            frozenset(r[0].lower() for r in rows if r[2] == "denial"))


def _denied(verb: Token) -> bool:
    """"did not claim", "denied claiming responsibility": the claimant says it did not do it."""
    denials = claim_phrases()[1]
    above = verb.head if verb.dep_ in ("xcomp", "pcomp") else None
    return (any(c.dep_ == "neg" for c in verb.children)
            or (above is not None and above.lemma_.lower() in denials))


def claim_verb(act: Token) -> Token | None:
    """The verb of a claim of responsibility whose phrase has the act as its object ("claimed responsibility
    for the bombing", "took credit for the attack", "claimed the attack"), or None: an act inside a clause
    the verb reports ("claims the bombing killed 30") or another party's attribution is no claim."""
    pairs = claim_phrases()[0]
    while True:
        if act.dep_ in ("dobj", "obj"):
            verb = act.head
            found = (verb.lemma_.lower(), "-") in pairs
            break
        if act.dep_ in ("pobj", "pcomp") and act.head.lower_ == "for":
            above = act.head.head  # "responsibility for X", or "took credit for X" with "for" on the verb
            if above.pos_ in ("VERB", "AUX"):
                verb = above
                objs = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "obj")]
            else:
                verb = above.head
                objs = [above.lemma_.lower()] if above.dep_ in ("dobj", "obj") else []
            found = any((verb.lemma_.lower(), o) in pairs for o in objs)
            break
        # up the act's own noun phrase: "the bombing and the shooting", "an attack on a base that killed 9"
        inside = act.dep_ in ("conj", "relcl", "acl", "pobj", "compound", "appos") or (
            act.dep_ == "prep" and act.head.pos_ in ("NOUN", "PROPN"))
        if not inside or act.head.i == act.i:
            return None
        act = act.head
    return verb if found and not _denied(verb) else None


def give_claimants(items: list[tuple[Event, Token, bool, list[Token] | None]]) -> None:
    """An act a claim of responsibility of its sentence is about ("IS claimed responsibility for the bombing
    that killed 20") was done by the claimant, when the act's own words name no one. `items`: each event with
    its trigger's head, whether a claim or blame of its sentence is about it, and, for an attribution, its
    trigger's words (blame, accusations, a third party's attribution and denials are no claim)."""
    claims = [(event, {head, *words}) for event, head, _, words in items if words is not None and event.actors]
    for event, head, claimed, words in items:
        if not claimed or event.actors or words is not None:
            continue
        verb = claim_verb(head)
        if verb is None:
            continue
        for claim, claim_words in claims:
            if verb in claim_words or any(t.head == verb and t.dep_ in ("dobj", "obj") for t in claim_words):
                event.actors = list(claim.actors)
                break


def places_not_actors(state: DocState, tokens: list[Token]) -> list[Token]:
    """A town, district or province that qualifies the act ("the Azaz car bomb", "an Aleppo air strike") says
    where it happened, not who did it; a country may ("US air strikes") and stays."""
    towns = {(s, e) for p in state.items.get("places", []) if p.feature != "country" for s, e in p.mentions}
    return [t for t in tokens if t.dep_ not in ("compound", "nmod", "amod")
            or not any(s <= t.idx < e for s, e in towns)]
