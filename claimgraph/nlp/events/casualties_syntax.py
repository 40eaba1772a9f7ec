"""Syntax of casualty figures: how a count relates to the toll and to the other acts of its sentence.

Split from casualties.py (one concern: the dependency-tree tests the figure reader asks, "is this count a part
of a toll already counted?", "is its cue another clause's?", "is it a date's digits?"), so that the reader
itself stays readable and under the module size limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from claimgraph.data import read_rows

_PEOPLE_WORDS = read_rows("events_people_words.tsv")
#: words that make a count a part of a toll already counted ("70 people, including 12 children")
PART_WORDS = tuple(w for k, w in _PEOPLE_WORDS if k == "part_word")
#: the words that name civilians as such (a medic or a journalist is a civilian of a kind the text names instead)
CIVILIAN_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "civilian_word")
#: nouns after "a"/"one" that count one person with no group of their own ("a man was killed")
ONE_PERSON_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "one_person")
#: nouns of kin: "the families of five rebels" are not the rebels, and the five count whose families they are
KIN_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "kin_word")
#: nouns of several people each ("six families were executed": six families, not six people)
HOUSEHOLD_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "household_word")
#: determiners of a set already named ("three of the civilians", "two of these victims")
SET_DETERMINERS = frozenset(w for k, w in _PEOPLE_WORDS if k == "set_determiner")
#: pronouns standing for a set just counted ("30 people, 25 of them civilians", "25 of whom were civilians")
SET_PRONOUNS = frozenset(w for k, w in _PEOPLE_WORDS if k == "set_pronoun")
#: groups a part of a toll may name that say who the rest were not: fighters, or civilians named as such
NAMING_GROUPS = frozenset(w for k, w in _PEOPLE_WORDS if k == "naming_group")
#: words saying a counted set was mostly or partly of one kind ("47 people, most of them civilians")
MIXED_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "mixed_word")
#: words that may stand between such a word and the kind it names ("many of whom were civilians")
MIXED_LINKS = frozenset(w for k, w in _PEOPLE_WORDS if k == "mixed_link")
#: casualty kinds that tell violence against people (looting in the same clause is part of that violence)
HARM_KINDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "harm_kind")


def kin_of(tok: Token) -> bool:
    """Is the token the object of "of" after a kin noun ("families of rebel fighters", "the wives of two
    soldiers")? Then it names whose kin were hit, not who was ("a family of five": the five are the family)."""
    return (not tok.like_num and tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in KIN_WORDS)


#: nouns counting people as part of what follows their "of" ("members of the militia")
MEMBER_WORDS = frozenset(w for k, w in _PEOPLE_WORDS if k == "member_word")
#: what names an armed group after "members of": the `armed` words of events_evidence.tsv with no gap ("the
#: militia", "the security forces"), lower-cased, and the groups of armed_groups.tsv by name and alias, as written
#: ("the Taliban"; names of two letters left out: "IS" is also a verb)
ARMED_WORDS = frozenset(
    p.split("@")[0] for p, cls in read_rows("events_evidence.tsv")
    if cls == "armed" and "*" not in p and "|" not in p)
ARMED_GROUP_NAMES = frozenset(
    n for row in read_rows("armed_groups.tsv")
    for n in [row[0], *(row[1].split("|") if len(row) > 1 else [])] if len(n.strip()) > 2)


def names_armed_group(phrase: Span) -> bool:
    """Does the phrase name an armed group ("the armed group", "the security forces", "Hamas")?"""
    words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
    text = phrase.text
    return (any(w in words for w in ARMED_WORDS if " " not in w)
            or any(re.search(rf"\b{re.escape(w)}\b", text.lower()) for w in ARMED_WORDS if " " in w)
            or any(re.search(rf"\b{re.escape(n)}\b", text) for n in ARMED_GROUP_NAMES))


def part_of_toll(num: Token, run: list[Token], sent: Span) -> bool:
    """Is the count a part of a toll just counted ("including 12 children", "including at least 12 women and
    children", "among them dozens of women")? The look-back starts before the number's own bound words."""
    left = run[0].i
    for child in num.lefts:  # "at least", "about", "nearly": the number's own modifiers before it
        if child.dep_ in ("advmod", "quantmod", "amod") and run[0].i - 3 <= child.left_edge.i < left:
            left = child.left_edge.i
    if left > sent.start and sent.doc[left - 1].lower_ == "among":
        return False  # "were among 22 people killed": the 22 are the whole the subject is a part of
    return any(t.lower_ in PART_WORDS for t in sent.doc[max(sent.start, left - 2):left])


def after_set_pronoun(num: Token, run: list[Token], sent: Span) -> bool:
    """Does the count follow a part word and a pronoun for the set just counted ("among them 13 police officers",
    "including those 12 children" not: "those" must stand alone)? Then it is some of that set, whatever the parse
    hangs it on (scraped text without the comma before "among them")."""
    left = run[0].i
    for child in num.lefts:  # "among them at least 13": the number's own modifiers before it
        if child.dep_ in ("advmod", "quantmod") and run[0].i - 3 <= child.left_edge.i < left:
            left = child.left_edge.i
    doc = sent.doc
    return (left - 2 >= sent.start and doc[left - 1].lower_ in SET_PRONOUNS and doc[left - 1].lower_ != "those"
            and doc[left - 2].lower_ in PART_WORDS)


def own_clause(cue: Token, verb: Token) -> bool:
    """Is the cue in a clause of its own below the verb ("The 2 commanders told reporters that the strikes
    killed 5": "killed" has its own subject), so that the verb's subject is no argument of the cue?"""
    tok = cue
    for _ in range(8):
        if tok.i == verb.i:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def under_another_verb(cue: Token, verb: Token) -> bool:
    """Is the cue outside what the verb governs: not in its subtree, or in it only through a coordinated verb
    ("freed 19 civilians and wounded 5 soldiers": "wounded" is a verb of its own, not a part of "freed")?"""
    tok = cue
    for _ in range(12):
        if tok.head.i == verb.i and tok.i != verb.i:
            return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def among_of(noun: Token) -> Token | None:
    """The set a count is said to be among ("Six civilians were among at least 22 people killed" -> people;
    "2 medics among 31 dead" -> dead), else None."""
    heads = [noun]  # "2 medics among 31 dead" (a headline)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() == "be":
        heads.append(noun.head)
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "among":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def combined(cue: Token, cues: list[tuple[Token, str]]) -> bool:
    """Is the cue joined by "or"/"and" to a cue of another kind ("dead or wounded", "killed and injured")? Then
    the count is of both kinds together, no toll of either (ACLED counts fatalities only)."""
    kind_at = {c.i: k for c, k in cues}
    doc = cue.doc
    for step in (1, -1):
        cc, other = cue.i + step, cue.i + 2 * step
        if 0 <= min(cc, other) and max(cc, other) < len(doc) and doc[cc].lower_ in ("or", "and") and (
                other in kind_at and kind_at[other] != kind_at.get(cue.i)):
            return True
    return False


def whole_of(noun: Token) -> Token | None:
    """The toll a part is part of ("14 people including three children" -> people), else None."""
    if noun.dep_ == "pobj" and noun.head.lower_ in PART_WORDS and noun.head.head.i != noun.head.i:
        return noun.head.head
    return None


def listed_whole(noun: Token) -> Token | None:
    """The counted toll a list set off after it breaks down by kind ("killing 20 people: 8 civilians and 3 children",
    "killed 18 people, 17 militants and a child" -> people), else None."""
    if noun.dep_ == "appos" and noun.head.i != noun.i and any(c.dep_ == "nummod" for c in noun.head.children):
        return noun.head
    return None


def said_to_be(num: Token) -> Token | None:
    """The noun a count of a set just counted is said to be ("25 of them civilians": civilians, "25 of whom were
    civilians": civilians), else None. The count may be parsed as the noun's subject or as its number ("25" nummod
    of "civilians", as often when the clause ends the sentence), the noun as an apposition or an adverbial; the
    caller has seen its "of them"."""
    if num.dep_ == "nummod" and num.head.i != num.i and num.head.pos_ in ("NOUN", "PROPN"):
        return num.head
    if num.dep_ == "nsubj" and num.head.pos_ in ("NOUN", "PROPN") and num.head.i > num.i:
        return num.head  # appos, or npadvmod when set off after a place
    if num.dep_ == "nsubj" and num.head.lemma_ == "be":
        return next((c for c in num.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    # the noun right after "of them" (or "of whom were"), whatever the parse made of a clause that lost its commas
    # ("21 civilians eight of them children"); "4 of them critically" names no one
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pron = next((o for o in of.children if o.dep_ == "pobj" and o.lower_ in SET_PRONOUNS), None) if of else None
    if pron is None:
        return None
    nxt = pron.i + 1
    while nxt < len(num.doc) - 1 and num.doc[nxt].lemma_ == "be":
        nxt += 1
    return num.doc[nxt] if nxt < len(num.doc) and num.doc[nxt].pos_ == "NOUN" else None


def fronted_set(num: Token) -> Token | None:
    """The noun a count is said to be when a set already counted is put first ("Of the dead, six were children",
    "Of those killed, 12 were civilians": children, civilians), else None. The count is the subject of "be"; the
    set is the object of an "of" before it, a set pronoun or a noun with a set determiner ("the dead")."""
    verb = num.head
    if num.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < num.i:
            if any(o.dep_ == "pobj" and (o.lower_ in SET_PRONOUNS or any(
                    d.dep_ == "det" and d.lower_ in SET_DETERMINERS for d in o.children)) for o in prep.children):
                return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return None


def date_part(tok: Token) -> bool:
    """Is the number the last part of a date written with hyphens or slashes ("13-01-2016", "01/05/2016")?"""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "/") and doc[tok.i - 2].text[-1:].isdigit()


def mixed_descriptions(sent: Span, group: Callable[[Token], str | None]) -> list[tuple[Token, bool]]:
    """Phrases saying a counted set was mostly or partly of one kind of people ("47 people, most of them civilians",
    "about 40 people, mostly civilians", "200 people, many of whom were civilians", "17 people, most members of
    rebel groups"): each as (its first word, whether a pronoun refers it to the set counted just before it). The
    kind must be one that says who the rest were not (civilians or fighters, NAMING_GROUPS): "mostly women and
    children" says nothing of the others' status. `group` gives a noun's casualty group."""
    doc = sent.doc
    out: list[tuple[Token, bool]] = []
    for tok in sent:
        if tok.lower_ not in MIXED_WORDS:
            continue
        pronoun = False
        for t in doc[tok.i + 1:min(sent.end, tok.i + 8)]:
            if t.lower_ in SET_PRONOUNS:
                pronoun = True
                continue
            if t.lower_ in MIXED_LINKS:
                continue
            head = t
            while head.dep_ in ("amod", "compound", "nmod") and head.head.i > head.i and head.head.i < sent.end:
                head = head.head  # "most of them opposition fighters": the kind is the head noun's
            if head.pos_ in ("NOUN", "PROPN") and group(head) in NAMING_GROUPS:
                out.append((tok, pronoun))
            break
    return out
