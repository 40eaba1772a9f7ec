"""The arguments of an event: who acted (actor1), on whom (actor2), where, when, with which toll and on whose
word, read from the trigger's clause and its neighbours. Used by the events component only."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimgraph.data import read_rows
from claimgraph.nlp.events.casualties_syntax import CIVILIAN_WORDS, kin_of
from claimgraph.nlp.events.contrast import drop_set_aside
from claimgraph.nlp.events.lexicon import (
    Lexicon,
    TokForms,
    lex_place_nouns,
    names_fighter,
)
from claimgraph.nlp.events.ties import town_tied_to
from claimgraph.nlp.shared.columns import lemma_lowers
from claimgraph.nlp.state import DocState

log = logging.getLogger("claimgraph.nlp.events")  # the component's public logger name

if TYPE_CHECKING:
    from claimgraph.nlp.events.component import _Candidate


#: light verbs whose subject is the actor of their object's event ("Russia conducted air strikes")
LIGHT_VERBS = {
    "conduct", "carry", "launch", "stage", "mount", "hold", "make", "perform", "organise", "organize",
    "claim", "unleash", "commit", "execute", "order", "begin", "start", "continue", "intensify", "step",
    "drop", "fire", "throw", "hurl", "plant", "detonate", "use", "lob", "lead", "wage",
    # who takes, gains or imposes control of a place is who took it ("troops took full control of the town")
    "take", "gain", "establish", "impose", "extend", "assume",
}
ACTOR_DEPS = {"nsubj", "agent", "csubj"}
TARGET_DEPS = {"dobj", "nsubjpass", "obj"}
TARGET_PREPS = {"on", "against", "at", "targeting"}
#: links between verbs of one act (a place said with one of them is where the act happened)
SAME_ACT = {"advcl", "xcomp", "conj", "pcomp", "acl", "prep", "pobj"}
#: distance penalty of a place named outside the trigger's clause (it loses to any place inside it)
OUTSIDE_CLAUSE = 200


@functools.lru_cache(maxsize=1)
def passive_doers() -> frozenset[str]:
    """Verbs whose passive "by" agent did the act that is their subject (events_doers.tsv)."""
    return frozenset(row[0].lower() for row in read_rows("events_doers.tsv"))


def actor_tokens(head: Token) -> list[Token]:
    """Tokens naming who acted: the verb's subject or "by" agent, a noun trigger's owner ("Russian
    air strikes", "Russia's strikes", "strikes by Russia") or the subject of its light verb."""
    out: list[Token] = []
    if head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and (child.ent_type_ or child.pos_ == "PROPN"):
                out.append(child)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                out.extend(g for g in child.children if g.dep_ == "pobj")
            if child.dep_ == "acl" and child.lemma_.lower() in passive_doers():
                # "a car bomb claimed by the Islamic State group", "strikes carried out by Russian jets"; not a
                # report's source ("warplanes confirmed by US officials", "shelling reported by the Observatory")
                out.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
            if child.dep_ in ("amod", "compound"):  # "US-led air strikes", "US-led coalition air strikes"
                for led in (child, *child.children):
                    if led.lemma_.lower() == "lead" and led.tag_ == "VBN":
                        out.extend(g for g in led.children if g.dep_ in ("npadvmod", "compound", "nsubj"))
            if child.dep_ == "prep" and child.lower_ == "between":
                for g in child.children:
                    if g.dep_ == "pobj":
                        out.append(g)
                        out.extend(g.conjuncts)
        verb = head.head
        # "carried out an attack"; in the passive only a verb of doing the act gives its doer ("the attack was
        # carried out by X", not "the strike was made public by X")
        if (head.dep_ in ("dobj", "obj", "attr") and verb.lemma_.lower() in LIGHT_VERBS) or (
                head.dep_ == "nsubjpass" and verb.lemma_.lower() in passive_doers()):
            out.extend(c for c in verb.children if c.dep_ in ACTOR_DEPS)
            out.extend(g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
        if head.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ in ("AUX", "VERB"):
            out.extend(c for c in verb.head.children if c.dep_ == "nsubj")  # "troops are in control of the town"
    else:
        verb = head
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                out.append(child)
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and verb.tag_ == "VBG"):
                out.extend(g for g in child.children if g.dep_ == "pobj")  # "shelling by the army"
        if not out and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
            out.extend(c for c in verb.head.children if c.dep_ in ("nsubj",))
        if not out and verb.dep_ == "pcomp" and verb.head.lower_ == "by":  # "scored a win by capturing X"
            above = verb.head.head
            above = above.head if above.pos_ in ("NOUN", "PROPN") and above.dep_ in ("dobj", "obj") else above
            out.extend(c for c in above.children if c.dep_ == "nsubj")
    expanded: list[Token] = []
    for tok in out:
        expanded.append(tok)
        expanded.extend(t for t in tok.conjuncts if t not in expanded)
    return drop_set_aside(expanded)  # "X warplanes, not Y jets, struck": Y did not act


def target_tokens(head: Token) -> list[Token]:
    """Tokens naming whom the event hit: the object, the passive subject, "on/against X"."""
    out: list[Token] = []
    verb = head if head.pos_ not in ("NOUN", "PROPN") else None
    if verb is not None:
        out.extend(c for c in verb.children if c.dep_ in TARGET_DEPS)
    preps = TARGET_PREPS if verb is None else TARGET_PREPS - {"on", "at"}  # "on Tuesday", "at dawn"
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    expanded: list[Token] = []
    for tok in out:
        expanded.append(tok)
        expanded.extend(tok.conjuncts)
        # "a Russian jet": the owner of the object is the target entity
        expanded.extend(c for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.ent_type_)
    return drop_set_aside(expanded)  # "struck the market, not the hospital": the hospital was not hit


def dateline_span(state: DocState) -> tuple[int, int] | None:
    """The wire dateline ("KABUL, Afghanistan (AP) —") from the ingest header: where the report was filed,
    never who acted, though a parser may hang it on the first sentence's verb."""
    header = state.extra.get("header")
    span = getattr(header, "dateline_span", None)
    try:
        return (int(span[0]), int(span[1])) if span else None
    except (TypeError, ValueError, IndexError):
        return None


def entities_in(state: DocState, tokens: list[Token], skip: tuple[int, int] | None = None,
                home: str | None = None) -> list[str]:
    """The entities the tokens name: the token's own entity, or one that qualifies it ("the Syrian army"),
    and the one it comes from or is led by ("fighters from Jaish al-Islam", "militants led by X"); for a
    force named only by its kind ("the army", "the regime"), the entity that qualified that kind earlier in
    the text ("the Syrian army ... shelling by the army"), else, for a kind only a state has, `home`: the
    entity of the state the report is about."""
    out: list[str] = []
    for tok in tokens:
        if skip is not None and skip[0] <= tok.idx < skip[1]:
            continue
        found = [_entity_of(state, tok)] + [_entity_of(state, sub) for sub in _members_of(tok)]
        kind = force_nouns().get(tok.lemma_.lower())
        if not any(found) and kind is not None:
            found.append(_earlier_owner(state, tok))
            if not any(found) and kind == "state" and not _qualified(tok):
                found.append(home)
        out.extend(e for e in found if e and e not in out)
    return out


def _qualified(tok: Token) -> bool:
    """Does the noun say whose it is ("the rebels' army", "a foreign military", "its army")?"""
    return any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in tok.children)


def _entity_of(state: DocState, tok: Token) -> str | None:
    """The entity of the token, or of a word that qualifies it ("the Syrian army", "Turkish officials")."""
    if not state.entity_mentions:
        return None
    ent = state.entity_at(tok.idx, tok.idx + len(tok.text))
    if ent is None:
        for sub in tok.children:
            if sub.dep_ in ("compound", "amod", "poss"):
                ent = state.entity_at(sub.idx, sub.idx + len(sub.text))
                if ent:
                    break
    return ent


def _members_of(tok: Token) -> list[Token]:
    """Whose fighters these are: "fighters from/of X", "militants led by X"."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "back", "affiliate"):
            out.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
    return out


@functools.lru_cache(maxsize=1)
def force_nouns() -> dict[str, str]:
    """Nouns naming a state's or a group's forces by kind -> "state" or "any" (events_forces.tsv)."""
    return {row[0].lower(): row[1] for row in read_rows("events_forces.tsv")}


def home_state(state: DocState, dateline: tuple[int, int] | None = None) -> str | None:
    """The entity of the country the report names most (a GPE entity of that name), if any; never one the
    dateline names (where the report was filed is not who acted)."""
    counts = [(len(p.mentions), p.name) for p in state.items.get("places", []) if p.feature == "country"]
    if not counts:
        return None
    name = max(counts)[1].lower()
    for e in state.items.get("entities", []):
        if e.type == "GPE" and e.name.lower() == name:
            if dateline is not None and any(dateline[0] <= s < dateline[1] for s, _ in e.mentions):
                return None
            return e.id
    return None


def _earlier_owner(state: DocState, tok: Token) -> str | None:
    """The entity that qualified the same kind of force earlier in the text ("the Syrian army" before
    "the army"), the nearest before it."""
    lemma = tok.lemma_.lower()
    for prev in reversed(tok.doc[max(0, tok.i - 400):tok.i]):
        if prev.lemma_.lower() == lemma and prev.pos_ in ("NOUN", "PROPN"):
            ent = _entity_of(state, prev)
            if ent:
                return ent
    return None


def names_fighters(toks: list[TokForms], lex: Lexicon) -> bool:
    """Does the sentence count fighters, soldiers or police among those hit? Then victims it does not
    describe ("17 people were killed, among them 13 police officers") may be any of them. A fighter
    who acts ("terrorists fired rockets", "a suicide bomber killed 30 people") or a word that only
    qualifies another ("a police station", "terrorist attacks") does not count; a military site hit
    ("a blast at an army outpost") does."""
    groups = lex.groups
    for t in toks:
        if not names_fighter(t.forms, groups):  # the word first (one look-up per distinct word), then its role
            continue
        tok = t.token
        if tok.dep_ in ("nsubj", "compound", "amod", "poss", "nmod", "npadvmod"):  # "rebel-held"
            continue
        if (tok.dep_ == "pobj" and tok.head.lower_ == "by") or kin_of(tok):
            continue  # "shelling by rebels", "executed six families of rebel fighters": no fighter hit
        return True
    return False



_OPEN_ROWS = read_rows("events_people_words.tsv")
#: verbs that, negated, leave open who the victims were ("did not specify whether the dead were civilians")
OPEN_VERBS = frozenset(w for k, w in _OPEN_ROWS if k == "open_verb")
#: words that say so by themselves ("it was unclear whether they were civilians")
OPEN_WORDS = frozenset(w for k, w in _OPEN_ROWS if k == "open_word")
#: what opens the clause left open ("whether", "if")
OPEN_MARKS = frozenset(w for k, w in _OPEN_ROWS if k == "open_mark")
#: words naming the victims as that clause's subject ("the dead", "they", "those killed")
OPEN_SUBJECTS = frozenset(w for k, w in _OPEN_ROWS if k == "open_subject")


def victims_default(c: _Candidate, lex: Lexicon, people: str) -> str:
    """Who victims the report does not describe were: the event type's `people` (an air strike's victims are
    civilians), unless fighters are counted among them or the source says it does not know whether they were
    civilians (ACLED: civilians only where the text says or clearly implies them)."""
    if names_fighters(c.toks, lex):
        return "unknown"
    doc = c.sent.doc
    sents = [c.sent] + ([doc[c.sent.end].sent] if c.sent.end < len(doc) else [])
    return "unknown" if any(status_left_open(s, lex) for s in sents) else people


def status_left_open(sent: Span, lex: Lexicon) -> bool:
    """Does the sentence say its source leaves open whether people were civilians or fighters ("did not specify
    whether the dead were civilians", "without saying whether they were fighters", "it was unclear whether
    they were civilians")? A doubt about anything else ("unclear whether the jets were Russian") is not this."""
    doc = sent.doc
    lemmas = lemma_lowers(doc)  # a Token only for an open word or verb
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        if lemma not in OPEN_WORDS and lemma not in OPEN_VERBS:
            continue
        tok = doc[i]
        if lemma in OPEN_WORDS:
            scope = tok.head if tok.dep_ in ("acomp", "attr") else tok
        elif lemma in OPEN_VERBS and (any(ch.dep_ == "neg" for ch in tok.children) or (
                tok.dep_ == "pcomp" and tok.head.lower_ == "without")):
            scope = tok
        else:
            continue
        if any(_asks_who_victims_were(v, lex) for v in scope.subtree if v.i != tok.i):
            return True
    return False


def _asks_who_victims_were(verb: Token, lex: Lexicon) -> bool:
    """Is `verb` the head of a whether/if clause (or a "how many of them" one) whose subject is the victims and
    whose predicate is a civilian or fighter word ("whether the dead were civilians")? Such a word elsewhere in
    what is left open ("did not say which army carried out the raid") asks nothing about the victims."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    toks = list(subj.subtree) if subj is not None else []
    if not (any(c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in verb.children)
            or any(w.tag_ in ("WDT", "WP", "WRB") for w in toks)):
        return False
    return any(w.lemma_.lower() in OPEN_SUBJECTS or w.lower_ in OPEN_SUBJECTS for w in toks) and any(
        w.lemma_.lower() in CIVILIAN_WORDS or w.lower_ in CIVILIAN_WORDS
        or lex.groups.get(w.lemma_.lower()) == "combatants" for w in verb.subtree if w not in toks)


def attribution_of(state: DocState, start: int, end: int) -> tuple[str | None, list[str]]:
    """Source and hedges of the innermost claim around the event (Claim.sources: innermost is last)."""
    best = state.claim_at(start, end)
    if best is not None:
        return (best.sources[-1] if best.sources else None), list(best.hedges)
    for quote in state.items.get("quotes", []):
        s, e = quote.span
        if s <= start and end <= e and quote.speaker:
            return quote.speaker, []
    return None, []


def place_of(state: DocState, c: _Candidate, head: Token, exclude: list[tuple[int, int]]) -> tuple[str | None, bool]:
    """The place mention of the event's clause nearest its trigger, else of its sentence (a mention
    that names the actor or target, "Moscow accused", is not where the event happened), and whether it
    is only of the sentence (said outside the trigger's clause: weaker evidence of where)."""
    s0, s1 = c.sent.start_char, c.sent.end_char
    own_verb = _governing_verb(head)
    acts = {head.i} | {c.toks[i].token.i for i in range(c.trigger.start, c.trigger.end)}
    best: tuple[float, str, bool] | None = None
    found: list[tuple[float, str, bool, int, int, object]] = []
    named: list[tuple[float, str, bool, int, int, object]] = []  # also the target's ("an air strike on X")
    for place in state.items.get("places", []):
        for ms, me in place.mentions:
            if not (s0 <= ms and me <= s1):
                continue
            if inside_name(state, ms, me, c.sent.doc):
                continue
            if any(ms < xe and xs < me for xs, xe in exclude):
                named.append((0.0, place.id, False, ms, me, place))  # the target may still be the town
                continue
            if elsewhere(c.sent.doc, ms, me) or dateline_like(c.sent.doc, ms, me):
                continue
            if qualifies_non_place(c.sent.doc, ms, me, lex_place_nouns()) and not qualifies_act(
                    c.sent.doc, ms, me, place.feature, acts):
                continue
            dist = min(abs(ms - head.idx), abs(me - head.idx))
            outside = not _in_clause(c.sent.doc, ms, me, head, own_verb)
            if outside:
                dist += OUTSIDE_CLAUSE
            if place.feature == "country":
                dist += 60  # a town or region in the sentence says more than its country
            found.append((dist, place.id, outside, ms, me, place))
            if best is None or dist < best[0]:
                best = (dist, place.id, outside)
    if best is None:
        return None, False
    town = town_tied_to(c.sent.doc.text, next(f for f in found if f[:3] == best), found + named)
    return (town, best[2]) if town is not None else (best[1], best[2])


def claims_violence(c: _Candidate, evidence: list[tuple[int, int, str]]) -> bool:
    """Is an act of violence what the claim, denial or blame is about (in the trigger's own phrase:
    "blamed separatists for the explosion"), not merely elsewhere in the sentence?"""
    inside = {t.i for t in c.head.subtree}
    return any(cls == "violence" and any(c.toks[i].token.i in inside for i in range(s, e))
               for s, e, cls in evidence if s >= 0)


@functools.lru_cache(maxsize=1)
def _elsewhere_words() -> dict[str, frozenset[str]]:
    """kind -> words of events_place_elsewhere.tsv (head: what the place hangs from; modifier: what qualifies it)."""
    out: dict[str, set[str]] = {}
    for word, kind in read_rows("events_place_elsewhere.tsv"):
        out.setdefault(kind, set()).add(word.lower())
    return {k: frozenset(v) for k, v in out.items()}


def elsewhere(doc: Doc, start: int, end: int) -> bool:
    """A place named as where someone is based, as the far side of a border, as the neighbour of where the report
    is or as who leads a coalition is not where the event happened ("a monitor based in the UK", "near the Turkish
    border", "on the border with Iraq", "in neighbouring Iraq", "US-led air strikes"; events_place_elsewhere.tsv)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = _elsewhere_words()
    tok = span.root
    if any(c.dep_ == "amod" and c.lower_ in words.get("modifier", ()) for c in tok.children):
        return True
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in words.get("head", ()):
            return True
        if tok.lemma_.lower() in ("lead", "back") and tok.tag_ == "VBN" and tok.i > 0 and doc[tok.i - 1].text == "-":
            return True  # "US-led", "Russian-backed": who leads or backs, not where
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in ("base", "headquarter"):
            return False
    return False


def dateline_like(doc: Doc, start: int, end: int) -> bool:
    """Is the mention a dateline the ingest header did not catch: a town in capitals before a sentence in ordinary
    case ("BEIRUT Syrian warplanes struck ...")? It says where the report was filed, not where the act was; a
    headline all in capitals ("BOMB HITS BEIRUT MARKET") is no dateline."""
    text = doc.text[start:end] if end - start < 64 else ""
    if len(text) < 4 or not text.isupper():
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text[:1].isupper() and not nxt.text.isupper()


def inside_name(state: DocState, start: int, end: int, doc: Doc | None = None) -> bool:
    """Is the place mention a word inside a longer name of an organisation, group, outlet or person
    ("Lions" of the "Lions of Islam" brigade, "Jordan" of the "Jordan Times")? It names no place then. With the
    `doc`, a name longer only by white space is no longer name."""
    for ent in state.items.get("entities", []):
        if ent.type in ("ORG", "GROUP", "OUTLET", "PERSON", "EVENT", "FAC"):
            for s, e in ent.mentions:
                if s <= start and end <= e and e - s > end - start and (doc is None or _more_than_space(
                        doc, s, e, start, end)):
                    return True
    return False


def _more_than_space(doc: Doc, s: int, e: int, start: int, end: int) -> bool:
    """Does the name s:e hold more than the place start:end and white space? A headline's "Raqqa" read as a name
    together with the blank line after it is no longer name."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return True
    return any(not t.is_space and not (start <= t.idx < end) for t in span)


def qualifies_non_place(doc: Doc, start: int, end: int, place_nouns: frozenset[str]) -> bool:
    """A place name used as a modifier of something that is not a place ("the Istanbul chairman",
    "Sakarya University") names where someone is from, not where the event happened."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod", "poss") or root.head.i in range(span.start, span.end):
        return False
    head = root.head
    return head.lemma_.lower() not in place_nouns and not head.ent_type_


def qualifies_act(doc: Doc, start: int, end: int, feature: str | None, acts: set[int]) -> bool:
    """Is the place a town, district or province that qualifies the act's own words ("the Azaz car bomb", "an
    Aleppo air strike")? It says where the act happened (a country may say who did it: "US air strikes")."""
    if feature == "country":
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i in acts and not (
        span.start <= root.head.i < span.end)


def _governing_verb(tok: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself when it is one), or the root."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _in_clause(doc: Doc, start: int, end: int, head: Token, own_verb: Token) -> bool:
    """Is the place mention said in the trigger's own clause ("shelled the town of X", "the attack on X"),
    not in another clause of the sentence ("the attack, which officials in X blamed on ...")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(12):
        if tok.i in (head.i, own_verb.i):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    else:
        return False
    # the place's verb governs the trigger's through a chain of the same act ("attacked villages in X
    # with chemical weapons, killing 70"), not through a report ("officials in X said ...")
    verb = own_verb
    for _ in range(3):
        if verb.dep_ not in SAME_ACT or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.i == tok.i:
            return True
    return False


@functools.lru_cache(maxsize=1)
def reference_words() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_rows("events_reference.tsv")}


def reference_of(head: Token, heads: list[Token]) -> tuple[bool, bool]:
    """(definite, distinct): does the sentence name its incident as one already told, by a definite
    generic name of violence ("the attack", "the bombing", among its trigger words of this kind `heads`),
    or as a new one ("another attack", "another report of a strike", "elsewhere, a strike killed")?"""
    words = reference_words()
    definite = any(words.get(t.lemma_.lower()) == "generic" and t.pos_ in ("NOUN", "PROPN")
                   and any(words.get(c.lower_) == "definite" and c.dep_ == "det" for c in t.children)
                   for t in {head, *heads})
    distinct = False
    tok = head
    for _ in range(4):
        if any(words.get(c.lower_) == "distinct" and c.dep_ in ("det", "amod", "advmod", "nummod")
               for c in tok.children):
            distinct = True
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return definite and not distinct, distinct
