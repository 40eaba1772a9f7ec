"""A place's context: the words around a name that make it a place ("in X", "the village of X", "X residents",
"X west of Y") and the containment hints between mentions ("X, Y", "Y's X", "X in Y", "X north of Y"). Split from
`recognition` (one concern: evidence from the words around a mention)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.gazetteer import Gazetteer
from claimgraph.nlp.places.lexicon import Group, Mention, PlaceLexicon

#: "X west of Y", "X, 20 km north-east of Y", "X, some five miles to the south of the city of Y": a direction
#: from a named place (`PlaceContext._direction_of`); `place` is the capitalised name after "of"
_DIRECTION_OF = re.compile(
    r",?\s*(?:(?:about|some|around|nearly|roughly|just|only)\s+)?(?:(?:[\d.,]+|[a-z]+)\s*(?:-\s*)?"
    r"(?:km|kilometers|kilometres|miles|mi)\s+)?(?:to\s+the\s+)?(?P<dir>[A-Za-z]+(?:-[a-z]+)?)\s+of\s+"
    r"(?:the\s+(?:\w+\s+of\s+)?)?(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})")


#: how far up the parse a mention looks for the verb heading its clause (a clause's nouns sit a few heads below it)
CLAUSE_HOPS = 12


class PlaceContext:
    """The context steps of `PlacesComponent` (`_taken` marks the tokens of the places found so far)."""

    lex: PlaceLexicon
    _taken: list[bool]
    gaz: Gazetteer
    #: (the document, its `doc.ents`) while `PlacesComponent` runs on it: spaCy builds every entity's Span anew on
    #: each read of `doc.ents` (about 50 microseconds for an article), which the steps read eight times
    _ents_of: tuple[Doc, tuple[Span, ...]] | None = None

    def _doc_ents(self, doc: Doc) -> tuple[Span, ...]:
        """`doc.ents`, read once per document."""
        if self._ents_of is None or self._ents_of[0] is not doc:
            self._ents_of = (doc, doc.ents)
        return self._ents_of[1]

    def _place_context(self, doc: Doc, s: int, e: int) -> bool:
        """Words around tokens [s, e) that make a name a place: a locative preposition before it ("in X"), "of"
        after a place noun or a person's name ("the village of X", "Jane Doe of X,"), a noun for its people or
        bodies after it ("X residents"), or a place found before or after it in a pair or list ("Y and X")."""
        prev = doc[s - 1].lower_ if s > 0 else ""
        if prev in self.lex.locative_preps or (e < len(doc) and doc[e].lower_ in self.lex.place_followers):
            return True
        if e < len(doc) and (doc[e].text in self.lex.settlement_nouns or doc[e].text in self.lex.place_site_nouns):
            return True  # "Mare city", "X village": a settlement named so; "X refugee camps": a site there (a
            # "mine" or "airport" is named for people and things too: "the Diamond mine", "the Porter airport")
        if prev == "of" and s > 1 and (doc[s - 2].lower_ in self.lex.place_nouns or doc[s - 2].ent_type_ == "PERSON"):
            return True
        taken = getattr(self, "_taken", None) or []
        if prev in ("and", "or", ",") and s > 1 and s - 2 < len(taken) and taken[s - 2]:
            return True
        if e + 1 < len(taken) and doc[e].lower_ in ("and", "or", ",") and taken[e + 1]:
            return True
        return self._direction_of(doc, e) or self._in_division(doc, e)

    def _in_division(self, doc: Doc, e: int) -> bool:
        """A found place named as a division follows after "in", "near" or "outside" ("X in the Aleppo
        countryside", "X in Idlib province", "X in Aleppo's northern countryside", "X near northern Hama
        province"): war reports place a town by the governorate it lies in, so X is a place."""
        if e >= len(doc) or doc[e].lower_ not in ("in", "near", "outside"):
            return False
        taken = getattr(self, "_taken", None) or []
        k = e + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        while k < len(doc) and doc[k].lower_ in self.lex.directions:
            k += 1
        j = k
        while j < len(doc) and j < len(taken) and taken[j]:
            j += 1
        if j == k:
            return False
        return any(t.lower_ in self.lex.admin_words for t in doc[k:j]) or self._possessive_division(doc, j)

    def _held_by_next(self, doc: Doc, e: int, cands: list) -> bool:
        """Does ", Y" follow token e, Y a country or first-level division that holds a town reading of the name
        before ("from X, Central Java", "X, Kenya")? A known container next to it makes a name the model took for
        a people a place."""
        if e + 1 >= len(doc) or doc[e].text != ",":
            return False
        k = e + 1
        while k < len(doc) and k - e <= 3 and doc[k].text[:1].isupper():
            k += 1
        for j in range(k, e + 1, -1):
            for y in self.gaz.lookup(doc[e + 1:j].text):
                if y.feature in ("country", "admin1") and any(
                        c.feature == "city" and c.country == y.country
                        and (y.feature == "country" or c.admin1 == y.name) for c in cands):
                    return True
        return False

    def _possessive_division(self, doc: Doc, e: int) -> bool:
        """Does "'s", maybe directions, and a division word follow token e ("Aleppo's northern countryside",
        "Idlib's southern province")? The name before is then the division, not its capital."""
        if e >= len(doc) or doc[e].lower_ not in ("'s", "’s"):
            return False
        k = e + 1
        while k < len(doc) and doc[k].lower_ in self.lex.directions:
            k += 1
        return k < len(doc) and doc[k].is_lower and doc[k].lower_ in self.lex.admin_words

    def _after_place_comma(self, doc: Doc, s: int) -> bool:
        """Does a name at token s follow a place found just before and a comma ("Mare city, Aleppo",
        "Binnish, Idlib")? It is then the division or city holding that place, whatever the model tagged it."""
        taken = getattr(self, "_taken", None) or []
        if s < 2 or doc[s - 1].text != "," or s - 2 >= len(taken):
            return False
        if taken[s - 2]:
            return True
        return doc[s - 2].text in self.lex.settlement_nouns and s > 2 and taken[s - 3]

    def _direction_of(self, doc: Doc, e: int) -> bool:
        """A direction from a known place follows ("X west of Aleppo", "X, 20 km north of Y", "X to the south of
        Y"): a small place located from a bigger one, as war and disaster reports place villages."""
        m = _DIRECTION_OF.match(doc.text, doc[e].idx if e < len(doc) else len(doc.text))
        if m is None or m.group("dir").lower().replace("-", "") not in self.lex.directions:
            return False
        place = m.group("place")
        return bool(self.gaz.lookup(place)) and not self.gaz.demonym(place)

    def _containers(self, doc: Doc, mentions: list[Mention]) -> None:
        """'X, Y' and 'X in Y' make Y a container hint of X; "Y's X" too."""
        text = doc.text

        def listed(x: Mention, y: Mention) -> bool:  # "Texas, New Mexico and Ohio": a list, not "X, Y"
            return text[x.end:y.start].strip() in (",", "and", ", and", "or", ", or", "&")

        for a, b in zip(mentions, mentions[1:], strict=False):
            if listed(a, b):
                a.peers.append(b)
                b.peers.append(a)
        for i, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
            between = text[a.end:b.start]
            in_list = (i > 0 and listed(mentions[i - 1], a)) or (i + 2 < len(mentions) and listed(b, mentions[i + 2]))
            if between.strip() == "," and "\n" not in between and not in_list:
                a.container, a.container_strength = b, 4.0
            elif _possessive_container(between, self.lex.directions):
                b.container, b.container_strength = a, 4.0
            elif (words := between.strip().lower().split()) and words[0] in ("in", "near", "outside", "of") \
                    and all(w in self.lex.directions for w in words[1 + (words[1:2] == ["the"]):]) \
                    and "\n" not in between:
                a.container, a.container_strength = b, 2.0  # "X in Y", "X in northern Y", "X in the Y countryside"
            elif (m := _DIRECTION_OF.match(between + b.text)) and m.start("place") == len(between) \
                    and m.group("dir").lower().replace("-", "") in self.lex.directions:
                a.container, a.container_strength, a.container_near = b, 2.0, True  # "X west of Y": near Y

    def _employer(self, doc: Doc, i: int, e: int) -> bool:
        """A lone name the model took for an organisation after a person's role and "at" ("a senior manager at
        X", "head of market development at X", "X analyst at Y"): the employer, so "at" says nothing of a place."""
        if i < 2 or doc[i - 1].lower_ != "at" or e - i != 1 or doc[i].ent_type_ != "ORG":
            return False
        for k in range(i - 2, max(-1, i - 8), -1):
            t = doc[k]
            if t.lower_ in self.lex.employer_roles:
                return True
            if t.is_punct or t.pos_ in ("VERB", "AUX") or t.lower_ in self.lex.locative_preps:
                return False
        return False

    def _mark_locative(self, doc: Doc, mentions: list[Mention]) -> None:
        """Mentions in a place's context: after a locative preposition ("in X", "near X"), after a place
        noun or a direction and "of" ("the village of X", "west of X"), before a noun for its people
        ("X residents"), holding a container ("X, Y", "X in Y") or a dateline."""
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            i, e = span.start, span.end
            self._mark_role(m, span)
            prev = doc[i - 1].lower_ if i > 0 else ""
            nxt = doc[e].lower_ if e < len(doc) else ""
            settlement = e < len(doc) and doc[e].text in self.lex.settlement_nouns  # "Mare city", "X village"
            m.settlement = settlement
            if prev == "of" and i > 1 and doc[i - 2].is_lower and doc[i - 2].text in self.lex.admin_words:
                m.admin_hint = True  # "the state of X", "the province of X": the division, as "X province" is
            of_noun = prev == "of" and i > 1 and (doc[i - 2].lower_ in self.lex.place_nouns
                                                  or doc[i - 2].lower_ in self.lex.directions
                                                  or doc[i - 2].ent_type_ == "PERSON")  # "Jane Doe of X"
            if e < len(doc) and doc[e].text in self.lex.institutions:
                continue  # "at X University": the preposition is the institution's, not evidence for X
            site = e < len(doc) and doc[e].text in self.lex.site_nouns
            m.site_context = site and doc[e].text not in self.lex.place_site_nouns  # "the X mine": see below
            locative_prep = prev in self.lex.locative_preps and not (m.weak and self._employer(doc, i, e))
            m.locative = m.dateline or m.container is not None or m.admin_hint or of_noun \
                or locative_prep or nxt in self.lex.place_followers or settlement \
                or (site and not m.site_context) \
                or any(not p.weak and self.site_feature(p.text) is None for p in m.peers)  # listed with a
            # place, not a street ("Y and X"; "Elm Street and Martin Court" puts no town there)

    def _mark_role(self, m: Mention, span: Span) -> None:
        """The mention's role in its clause: the object of an event trigger ("shelled X", "X was bombed"), a
        modifier of a noun after it ("U.S. forces"), and the clause it stands in (the verb heading it)."""
        root = span.root
        head = root.head
        m.struck = root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" \
            and (head.lemma_.lower() in self.lex.event_words or head.lower_ in self.lex.event_words)
        m.modifier = root.dep_ in ("compound", "poss", "nmod", "amod") and head.i >= span.end \
            and head.pos_ in ("NOUN", "PROPN")
        tok = root
        for _ in range(CLAUSE_HOPS):  # bounded: a run-on "X, Y, Z, ..." is a chain of heads as long as the sentence
            if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head  # (a Token is made anew per read)
        m.clause = tok.i

    @staticmethod
    def _site_in_focus(groups: list[Group], demonyms: list[tuple[int, int, str]]) -> None:
        """A name before a site noun that people and things name sites too ("the X mine", "X airport"; "the
        Diamond mine", "the Porter airport") is in a place's context only when the document's other places or
        demonyms name the country of its reading ("the Musselburgh racecourse" in a story of Scottish police)."""
        for g in groups:
            if g.best is None or not any(m.site_context for m in g.mentions):
                continue
            others = {o.best.country for o in groups if o is not g and o.best is not None
                      and not all(m.site_context for m in o.mentions)} | {d[2] for d in demonyms}
            if g.best.country in others:
                for m in g.mentions:
                    m.locative = m.locative or m.site_context


def _possessive_container(between: str, directions) -> bool:
    """"Syria's Latakia", "Syria's northern Latakia": the first place contains the second."""
    words = between.strip().replace("’", "'").split()
    if not words or words[0] != "'s":
        return between in ("'s ", "’s ")
    return all(w.lower() in directions for w in words[1:])
