"""Evidence before an event: is this trigger word an event of its kind that took place?

ACLED codes political violence, demonstrations and strategic developments that happened. A trigger word
alone proves neither: "battle", "blast", "attack", "strike", "shot", "fire", "clash", "walk out",
"demonstration" and "chemical" all have ordinary senses ("an uphill battle", "had been a blast", "legal
attacks on file sharing"), and news also names violence that did not happen (plans, threats, conditions,
denials, questions, general statements). Two checks, both from data files:

- participants of the right kind (events_needs.tsv, events_evidence.tsv): each subtype names the classes
  of evidence (armed actors, weapons, victims, crowds, states, a conflict setting) one of which must
  occur in the trigger's sentence; an unambiguous trigger (weight at or above the subtype's `strong`) is
  its own evidence;
- modality (events_modality.tsv): the trigger, or the verb it hangs on, under a modal ("could launch"),
  a negation ("never carried out"), a condition ("if ..."), a non-specific determiner ("any attack"), a
  verb of planning, threat, denial or fear above it ("vowed to attack", "denied that its jets had
  bombed"), a question, or a general statement (a bare plural in the present tense with no place, time
  or figure: "air strikes kill civilians").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.data import read_rows
from claimgraph.nlp.events.contrast import opens_contrast
from claimgraph.nlp.events.lexicon import PatternIndex, TokForms, lexicon, parse_pattern, token_forms
from claimgraph.nlp.shared.text import span_text

#: how far above the trigger a verb of planning, threat or denial still governs it
GOVERNOR_DEPTH = 4
#: nouns through which a denial is about something else than the event ("denied responsibility for the attack")
ABOUT_OTHER = {"responsibility", "involvement", "role", "part", "link", "links", "blame", "claim"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_ANCHOR_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"}
_PLACE_TIME = {"GPE", "LOC", "FAC", "DATE", "TIME"}
#: nouns a trigger may modify and still name the event ("air strike victims", "the bombing site")
EVENT_NOUNS = {"victim", "survivor", "casualty", "toll", "death", "site", "aftermath", "area", "scene", "wave",
               "vest", "belt", "car", "truck", "vehicle", "bomber", "attacker", "campaign", "raid", "agent", "gas",
               "tie", "relation"}


@dataclass(frozen=True)
class Need:
    classes: frozenset[str]
    strong: float


@functools.lru_cache(maxsize=1)
def evidence_index() -> PatternIndex:
    """Evidence patterns -> class, with every armed group of armed_groups.tsv as `armed`."""
    index = PatternIndex()
    for pattern, cls in read_rows("events_evidence.tsv"):
        index.add(parse_pattern(pattern), cls)
    for row in read_rows("armed_groups.tsv"):
        names = [row[0]] + [a for a in (row[1].split("|") if len(row) > 1 else []) if a.strip()]
        for name in names:
            if len(name) > 2:  # "IS" is also a verb
                words = name.lower().replace("-", " ").split()
                index.add(parse_pattern(" ".join("=" + w for w in words)), "armed")
    return index


@functools.lru_cache(maxsize=1)
def needs() -> dict[str, Need]:
    return {row[0]: Need(frozenset(row[1].split("|")), float(row[2])) for row in read_rows("events_needs.tsv")}


@functools.lru_cache(maxsize=1)
def modality_words() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_rows("events_modality.tsv")}


#: classes a trigger word cannot give itself: a "fighting" is no evidence of a fight, a "bombing" none of a
#: bombing; but "protesters", "gunmen" or "rockets" are the participants or weapons they name
NOT_SELF_EVIDENT = {"conflict", "violence", "site"}


#: nouns a participant word may qualify and still name participants ("a militant group", "army positions")
PARTICIPANT_HEADS = {
    "group", "organisation", "organization", "movement", "faction", "cell", "network", "leader", "member",
    "unit", "man", "force", "official", "chief", "spokesman", "spokesperson", "commander", "convoy", "patrol",
    "camp", "base", "post", "station", "headquarters", "position", "stronghold", "outpost", "checkpoint",
    "officer", "source", "operation", "offensive", "fighter", "militant", "soldier", "personnel", "agent",
    "expert", "squad", "team", "hideout", "target", "site", "area", "territory", "village", "town", "city",
}


def evidence_matches(toks: list[TokForms], triggers: set[int] | frozenset[int] = frozenset(),
                     ) -> list[tuple[int, int, str]]:
    """(start, end, class) of every piece of evidence in a sentence (indexes into `toks`). A word that
    only qualifies a noun which is neither evidence nor a trigger is no participant: the "army" of a
    "Swiss army knife", the "war" of a "war film", the "police" of a "police drama". `triggers` holds
    the token indexes (doc.i) of the sentence's trigger words."""
    found = [(m.start, m.end, str(m.payload)) for m in evidence_index().find(toks)]
    covered = {toks[i].token.i for s, e, _ in found for i in range(s, e)} | set(triggers)
    out = []
    for s, e, cls in found:
        inside = {toks[i].token.i for i in range(s, e)}
        last = toks[e - 1].token
        head = last.head
        if (last.dep_ in ("compound", "amod", "nmod") and last.pos_ in ("NOUN", "PROPN", "ADJ")
                and head.i not in inside and head.i not in covered
                and head.dep_ != "ROOT"
                and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in EVENT_NOUNS | PARTICIPANT_HEADS):
            continue
        out.append((s, e, cls))
    return out


#: classes the trigger's own words give without a further anchor (the people who act say it happened)
SELF_SUFFICIENT = {"crowd", "rioters"}


def evidence_classes(toks: list[TokForms], matches: list[tuple[int, int, str]] | None = None,
                     trigger: tuple[int, int] | None = None, anchored: bool = True) -> set[str]:
    """The classes of evidence in a sentence. The trigger's own words count as the participants or
    weapons they name ("gunmen", "protesters", "rockets"), never as a conflict setting (the "fighting" of
    "fighting broke out" is no evidence of a fight), and, but for people who demonstrate, only when the
    sentence anchors the event in the world (a place, a time, a toll, or any other evidence beside the
    trigger: "a car bomb exploded outside a market"); "Rocket Baby Dolls" and "struck by a missile" (a
    coin thrown at a footballer) are not. A site ("a bus station") is evidence only so anchored."""
    found = evidence_matches(toks) if matches is None else matches
    outside = [(s, e, cls) for s, e, cls in found if trigger is None or e <= trigger[0] or s >= trigger[1]]
    placed = anchored or any(cls != "site" for _, _, cls in outside)
    out = {cls for _, _, cls in outside if cls != "site" or placed}
    anchored = anchored or bool(outside)
    if trigger is not None:
        out.update(cls for s, e, cls in found if not (e <= trigger[0] or s >= trigger[1])
                   and cls not in NOT_SELF_EVIDENT and (anchored or cls in SELF_SUFFICIENT))
    return out


def anchored(sent: Span) -> bool:
    """Does the sentence name a place or a time?"""
    return any(t.ent_type_ in _PLACE_TIME for t in sent)


#: subtypes whose `state` evidence a country named as the actor also gives: diplomacy is between states, and
#: "Beijing lodged a protest with Tokyo" names no ministry (a club or a firm that lodges a protest is no state)
STATE_ACTOR_TYPES = {"Diplomatic event"}
#: ... but only for a verb within this much of the subtype's `strong` ("lodged a protest"): a country as evidence
#: for every word of diplomacy ("Iran and Saudi Arabia held talks") lowered CASE both parts (round eleven)
STATE_ACTOR_MARGIN = 0.5


def has_evidence(subtype: str, weight: float, classes: set[str], trigger: Token | None = None) -> bool:
    """Does the sentence hold evidence the subtype needs? `trigger`: the trigger's first token; when it is a
    near-unambiguous verb of a STATE_ACTOR_TYPES subtype whose subject is a country, that country is the state."""
    need = needs().get(subtype)
    if need is None:
        return True
    if weight >= need.strong or need.classes & classes:
        return True
    return (trigger is not None and subtype in STATE_ACTOR_TYPES and "state" in need.classes
            and trigger.pos_ == "VERB" and weight >= need.strong - STATE_ACTOR_MARGIN and state_subject(trigger))


def state_subject(tok: Token) -> bool:
    """Is the subject of the verb `tok` hangs on a country ("Pakistan lodged ...", "Pakistan's foreign office ...")?"""
    verb = _verb_of(tok)
    for subj in (c for c in verb.children if c.dep_ in SUBJECTS):
        if subj.ent_type_ == "GPE" or any(g.dep_ == "poss" and g.ent_type_ == "GPE" for g in subj.children):
            return True
    return False


#: ACLED types whose trigger words are often ordinary words used as modifiers ("protest songs")
MODIFIER_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}


def type_needs_anchor(event_type: str) -> bool:
    """Is a trigger of this ACLED type that only qualifies another noun no event?"""
    return event_type in MODIFIER_TYPES


def is_strong(subtype: str, weight: float) -> bool:
    """Is the trigger unambiguous for its subtype (its weight at or above the subtype's `strong`)?"""
    need = needs().get(subtype)
    return need is not None and weight >= need.strong


def _verb_of(tok: Token) -> Token:
    """The trigger itself when it is a verb, else the verb it hangs on (at most three steps up)."""
    cur = tok
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def not_happened(head: Token, sent: Span, triggers: set[int] | frozenset[int] = frozenset(),
                 modifier_check: bool = True) -> str | None:
    """Why the trigger at `head` names no event that took place, or None when it reports one. `triggers`
    holds the token indexes of every trigger word of the sentence ("mortar" in "mortar shells" modifies
    another trigger: that is one event, named twice). `modifier_check`: is a trigger that only qualifies
    another noun ("protest songs", "bomb tests", "an offensive weapon") no event? (The caller asks it
    only of ambiguous words of violence and protest: "a recruitment drive", "diplomatic ties" are events.)"""
    words = modality_words()
    if span_text(sent).rstrip().endswith("?"):
        return "question"
    for c in head.children:
        if c.dep_ in ("det", "neg") and words.get(c.lower_) in ("negation", "determiner") and not opens_contrast(c):
            return "negated" if words.get(c.lower_) == "negation" else "non-specific"
    for noun in (head, *(c for c in head.children if c.dep_ in ("dobj", "obj") and c.i in triggers)):
        if any(c.dep_ == "amod" and words.get(c.lower_) == "recalled" for c in noun.children):
            return "recalled"  # "claimed previous bombings": other incidents, recalled in general
    if _in_work(head):
        return "fiction"  # "the film opens with a shootout", "rebels in the film kidnap ..."
    if _epithet(head):
        return "epithet"  # "a howitzer of a penalty", "a hell of a fight": a figure of speech
    if _not_yet(head):
        return "not yet"  # "the battles that are yet to be fought"
    if head.dep_ == "compound" and head.head.ent_type_ == "PERSON":
        return "title"  # "Foreign Minister Ana Silva", "Defence Secretary X": a person's title, no event
    while head.dep_ == "compound" and head.head.i in triggers:
        head = head.head  # "mortar shells", "protest march", "IED blast": the head word names the event
    if modifier_check and head.head.lemma_.lower() not in EVENT_NOUNS and (
            (head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"))
            or (head.pos_ == "ADJ" and head.dep_ == "amod")):
        return "modifier"  # "protest songs", "bomb tests", "a clam shell device", "an offensive weapon"
    verb = _verb_of(head)
    if _presupposed(head, words):
        return None  # "the toll is expected to rise after the bombing": what the toll counts took place
    for c in verb.children:
        kind = words.get(c.lower_) or words.get(c.lemma_.lower())
        if c.dep_ in ("aux", "auxpass") and kind == "modal":
            return "modal"
        if c.dep_ == "neg" and kind == "negation" and not opens_contrast(c):
            return "negated"  # not "X warplanes, not Y jets, struck": that "not" sets Y aside
        if c.dep_ == "mark" and kind == "condition":
            return "condition"
        if c.dep_ in SUBJECTS and kind == "nobody" and c.i != head.i:
            return "negated"  # "nobody claimed the attack"
    if verb.dep_ in ("advcl",) and any(c.dep_ == "mark" and words.get(c.lower_) == "condition" for c in verb.children):
        return "condition"
    cur, depth = head, 0
    while cur.head.i != cur.i and depth < GOVERNOR_DEPTH + 2:
        cur = cur.head
        depth += 1
        if cur.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and words.get(c.lower_) == "condition" for c in cur.children):
            return "condition"  # "if allegations that the government was responsible prove true"
    cur, depth = head, 0
    while cur.head.i != cur.i and depth < GOVERNOR_DEPTH:
        if cur.lower_ in ABOUT_OTHER or cur.lemma_.lower() in ABOUT_OTHER or cur.dep_ in SUBJECTS:
            break  # "denied responsibility for the attack", "the kidnappers demanded": not what is denied
        cur = cur.head
        depth += 1
        kind = words.get(cur.lemma_.lower()) or words.get(cur.lower_)
        if kind in ("governor", "denial", "blocked"):
            return {"denial": "denied", "blocked": "blocked"}.get(kind, "governed")
    if _general(head, verb, sent):
        return "general"
    return None


def _presupposed(head: Token, words: dict[str, str]) -> bool:
    """Is the trigger noun what a clause takes as given, whatever that clause's modality: the object of a
    temporal preposition ("feared dead after the bombing", "could rise during the offensive"), or the
    incident a toll rises in ("fatalities expected to increase in suicide blast")?"""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj":
        return False
    prep = head.head
    kind = words.get(prep.lower_)
    if kind == "presupposing":
        return True
    return prep.lower_ == "in" and words.get(prep.head.lemma_.lower()) == "toll"


@functools.lru_cache(maxsize=1)
def work_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_rows("events_works.tsv"))


def _is_work(tok: Token) -> bool:
    return tok.lemma_.lower() in work_nouns() or tok.ent_type_ == "WORK_OF_ART" or any(
        c.dep_ == "compound" and c.lemma_.lower() in work_nouns() for c in tok.children)


def _in_work(head: Token) -> bool:
    """Does a work tell the violence ("the film opens with a shootout", "in the film, rebels kidnap",
    "Hotel Rwanda follows a manager who sheltered refugees from the massacre")? The subject of the trigger's
    clause or of a clause above it is a work, or a clause on the way up is "in the <work>"."""
    tok, steps = head, 0
    while steps < 8:
        for c in tok.children:
            if c.dep_ in SUBJECTS and _is_work(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and _is_work(g) for g in c.children):
                return True
        if tok.head.i == tok.i:
            return False
        tok, steps = tok.head, steps + 1
    return False


def _epithet(head: Token) -> bool:
    """"A howitzer of a penalty", "a bomb of a shot": a weapon noun followed by "of a(n) N" qualifies that N
    (an act's noun so followed names what it hit: "the explosion of a parcel")."""
    if head.pos_ != "NOUN" or not any(
            str(m.payload) == "weapon" for m in evidence_index().find(token_forms([head]))):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children)
            for g in c.children)
        for c in head.children)


def _not_yet(head: Token) -> bool:
    """"Are yet to be fought", "has yet to attack": the act is still to come. The trigger verb, or the
    verb of a clause that qualifies the trigger noun, is an infinitive under "yet"."""
    verbs = [_verb_of(head)] + [c for c in head.children if c.dep_ == "relcl"]
    for verb in verbs:
        for tok in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]):
            up = tok.head if tok.head.i != tok.i else tok
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
                    c.lower_ == "yet" for c in (*up.children, *tok.children)):
                return True
    return False


def _bare_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _general(head: Token, verb: Token, sent: Span) -> bool:
    """A general statement: a bare plural (no determiner, owner or number) subject of a present-tense
    verb that says what such things are or do to a kind ("Air strikes kill civilians", "Car bombs are a
    common tactic"), with no place, time or figure in the sentence. A headline names its own victims
    ("Gunmen kill teacher")."""
    if head.pos_ not in ("NOUN", "PROPN") or not _bare_plural(head):
        return False
    root = sent.root
    present = {"VBP", "VBZ"}
    if verb.tag_ == "VBN" and verb.lemma_ != "be" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False  # "have sparked demonstrations", "have staged sit-ins": the perfect reports what happened
    if not (verb.tag_ in present or root.tag_ in present or any(
            c.tag_ in present for c in (*verb.children, *root.children) if c.dep_ in ("aux", "auxpass"))):
        return False
    if head.dep_ in SUBJECTS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp")]
        if verb.lemma_ != "be" and not any(_bare_plural(o) for o in objects):
            return False
    return not any(t.ent_type_ in _ANCHOR_ENTS or t.like_num for t in sent)


#: personal pronouns that name a person taken or held ("he was captured")
PERSON_PRONOUNS = {"he", "she", "him", "her", "himself", "herself"}
PEOPLE_GROUPS = {"civilians", "combatants", "children", "women", "unknown"}


@functools.lru_cache(maxsize=1)
def _patient_rules() -> tuple[dict[str, str], dict[str, frozenset[str]], dict[str, str]]:
    """(subtype -> banned kinds, kind -> its nouns, subtype -> the subtype instead) of events_patients.tsv: a row
    whose first column is a lower-case kind ("thing", "wealth") lists a noun of that kind."""
    rules: dict[str, str] = {}
    instead: dict[str, str] = {}
    nouns: dict[str, set[str]] = {}
    for row in read_rows("events_patients.tsv"):
        if row[0].islower():
            nouns.setdefault(row[0], set()).add(row[1].lower())
        else:
            rules[row[0]] = row[1]
            if len(row) > 2 and row[2].strip():
                instead[row[0]] = row[2].strip()
    return rules, {k: frozenset(v) for k, v in nouns.items()}, instead


def patient_instead(subtype: str) -> str | None:
    """The subtype an act with a patient of the banned kind is instead ("intercepted 15 members": Arrests)."""
    return _patient_rules()[2].get(subtype)


def patients(head: Token) -> list[Token]:
    """Whom or what the act falls on: the object or passive subject of the trigger verb; for a passive
    participle without one ("After being captured, the general was ..."), the subject of the clause it
    qualifies, or the noun it qualifies ("the commander captured by troops"); for a noun, its "of" object."""
    if head.pos_ in ("NOUN", "PROPN"):
        return [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]
    out = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if out or head.tag_ != "VBN" or (head.dep_ != "acl" and not any(c.dep_ == "auxpass" for c in head.children)):
        return out
    if head.dep_ == "acl":
        return [head.head]
    tok = head
    for _ in range(3):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def wrong_patient(subtype: str, head: Token, persons: set[int] | frozenset[int] = frozenset()) -> bool:
    """Does the act fall on what rules the subtype out (events_patients.tsv): a person "captured" is no
    territory taken, "bodies taken away" are no abduction? `persons`: token indexes of named people."""
    rules, nouns, _ = _patient_rules()
    banned = set(rules.get(subtype, "").split("|")) - {""}
    if not banned:
        return False
    if "person" in banned and any(c.lower_ in ("out", "from", "away") for c in head.children):
        banned.discard("person")  # "pushed the militants out of the district": who was driven out, not taken
    groups = lexicon().groups
    for tok in patients(head):
        lemma = tok.lemma_.lower()
        people = (tok.lower_ in PERSON_PRONOUNS or tok.ent_type_ == "PERSON" or tok.i in persons
                  or groups.get(lemma) in PEOPLE_GROUPS or groups.get(tok.lower_) in PEOPLE_GROUPS)
        forms = {lemma, tok.lower_}  # with a modifier too: "public funds", "natural resources" (a row of two words)
        forms |= {f"{m.lower_} {f}" for m in tok.children if m.dep_ in ("amod", "compound")
                  for f in (lemma, tok.lower_)}
        if any(forms & nouns.get(k, frozenset()) for k in banned - {"person"}):
            return True
        if "person" in banned and people:
            return True
    return False
