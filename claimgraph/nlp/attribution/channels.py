"""Outlets the words went through: which entities report, and `via` ("told MEE", "Reuters quoted X").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimgraph.contract import Source
from claimgraph.nlp.attribution.context import CHANNEL_PREPS, SUBJECT_DEPS, VERB_POS, Context, quoting_verb


def outlet_entities(cx: Context) -> set[str]:
    """Entities typed OUTLET, plus organisations the text shows reporting ("X is reporting")."""
    out = {e.id for e in cx.state.items["entities"] if e.type == "OUTLET"}
    by_name: dict[str, set[str]] = {}  # entity name -> ids, so an acronym is a look-up, not a scan
    for e in cx.state.items["entities"]:
        by_name.setdefault(e.name, set()).add(e.id)
    for i, pos in enumerate(cx.pos):
        if pos not in VERB_POS:
            continue  # no cue (`cue_of`): no Token made
        tok = cx.doc[i]
        cue = cx.cue_of(tok)
        if cue is None or cue.meaning != "report":
            continue
        for child in cx.children(tok):
            if child.dep_ == "nsubj":
                ent = cx.state.entity_at(child.idx, child.idx + len(child))
                ent_obj = cx.sources.entity(ent)
                if ent_obj is not None and ent_obj.type in {"ORG", "OUTLET"}:
                    out.add(ent_obj.id)
                    out.update(same_entity_aliases(cx, ent_obj, by_name))
    return out


def same_entity_aliases(cx: Context, ent, by_name: dict[str, set[str]] | None = None) -> set[str]:
    """Other entities that are this one's acronym ("MEE" for "Middle East Eye"), when not merged upstream."""
    words = [w for w in re.findall(r"[A-Za-z]+", ent.name) if w[0].isupper()]
    acronym = "".join(w[0] for w in words).upper()
    if len(acronym) < 2:
        return set()
    if by_name is not None:
        return set(by_name.get(acronym, ()))
    return {e.id for e in cx.state.items["entities"] if e.name == acronym}


def document_outlet(cx: Context) -> Source | None:
    """The source standing for the document's own outlet (its metadata), first in every chain."""
    outlet = (cx.state.meta.outlet or "").strip()
    if not outlet:
        return None
    ent_id = None
    for ent in cx.state.items["entities"]:
        if ent.name == outlet or outlet in ent.aliases:
            ent_id = ent.id
            break
    return cx.sources.get(outlet, ent_id, "outlet")


def outlet_token(cx: Context, tok: Token) -> Source | None:
    """The outlet source a token names, or None when it is not an outlet."""
    ent = cx.sources.entity(cx.state.entity_at(tok.idx, tok.idx + len(tok)))
    if ent is not None and ent.id in cx.outlet_entities:
        return cx.sources.get(ent.name, ent.id, "outlet")
    return None


def via_outlet(cx: Context, verb: Token) -> Source | None:
    """'X told MEE', 'spoke for MEE', 'in an interview with MEE', 'MEE quoted X as saying': the
    outlet the words went through."""
    objs: list[Token] = []
    quoting = quoting_verb(verb)
    if quoting is not None:
        objs.extend(c for c in cx.children(quoting) if c.dep_ in SUBJECT_DEPS)
    for c in cx.children(verb):
        if c.dep_ in {"dobj", "dative", "iobj"}:
            objs.append(c)
        elif c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS | {"in", "on"}:
            for p in cx.children(c):
                if p.dep_ == "pobj":
                    objs.append(p)
                    for pp in cx.children(p):  # in an interview with X
                        if pp.dep_ == "prep" and pp.lower_ in {"with", "to"}:
                            objs.extend(x for x in cx.children(pp) if x.dep_ == "pobj")
    for o in objs:
        outlet = outlet_token(cx, o)
        if outlet is not None:
            return outlet
    return None
