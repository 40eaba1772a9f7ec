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
def claim_words() -> dict[str, str]:
    """Words that make an attribution a claim of responsibility by its own actors, or undo it (a denial), from
    events_claims.tsv: word -> "claim" or "denial"."""
    return {row[0].lower(): row[1] for row in read_rows("events_claims.tsv")}


def _claims(words: list[Token]) -> bool:
    kinds = {claim_words().get(w) for t in words for w in (t.lower_, t.lemma_.lower())}
    return "claim" in kinds and "denial" not in kinds


def give_claimants(items: list[tuple[Event, Token, bool, list[Token] | None]]) -> None:
    """An act a claim of responsibility of its sentence is about ("IS claimed responsibility for the bombing
    that killed 20") was done by the claimant, when the act's own words name no one. `items`: each event with
    its trigger's head, whether a claim or blame of its sentence is about it, and, for an attribution, its
    trigger's words (a claim only if they claim: blame, accusations and denials are another party's word)."""
    claimants = [(event, head) for event, head, _, words in items if words is not None and event.actors
                 and _claims(words)]
    for event, head, claimed, words in items:
        if not claimed or event.actors or words is not None:
            continue
        for claim, claim_head in claimants:
            if claim_head.sent == head.sent and claim_head.is_ancestor(head):
                event.actors = list(claim.actors)
                break


def places_not_actors(state: DocState, tokens: list[Token]) -> list[Token]:
    """A town, district or province that qualifies the act ("the Azaz car bomb", "an Aleppo air strike") says
    where it happened, not who did it; a country may ("US air strikes") and stays."""
    towns = {(s, e) for p in state.items.get("places", []) if p.feature != "country" for s, e in p.mentions}
    return [t for t in tokens if t.dep_ not in ("compound", "nmod")
            or not any(s <= t.idx < e for s, e in towns)]
