"""Named sites and features that no gazetteer holds, known by their head word: rivers, lakes, valleys, parks,
streets and numbered roads ("Neches River", "Lake Opechee", "Villanova Drive", "Highway 19").

Why: local news names them more often than towns, and readers want them on the map, yet the bundled
gazetteer has only populated places and divisions. The head word makes such a name a place by form alone
(`places_lexicon.json` "site_heads"); where it lies is taken from the text: the place it is put in ("X Road,
Y", "X Street in Y"), else the town or county the document is mostly about (for a mountain only when the
document names it more than once: one named in passing may lie anywhere). With neither (a document
that names only countries or states) the site is not emitted: a point a state's width away is no answer.
Such a place carries no gazetteer id and a low confidence (SITE_CONFIDENCE).
Villages no gazetteer holds are placed the same way when a settlement noun names them ("the village of X",
"X village"): war and outbreak reports name hamlets that no list of populated places has.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from claimgraph.gazetteer import Entry, Gazetteer, key
from claimgraph.nlp.places.forms import names_listed_before
from claimgraph.nlp.places.lexicon import Group, Mention, PlaceLexicon
from claimgraph.nlp.shared.columns import lower_strings
from claimgraph.nlp.shared.text import token_texts

SITE_CONFIDENCE = 0.3
LOCAL = ("city", "admin2", "district")
#: labels under which a name with a site head is something else ("Coronation Street" the series, a person)
NOT_SITE_LABELS = {"PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "DATE", "TIME", "MONEY",
                   "PERCENT", "QUANTITY", "LANGUAGE", "OUTLET", "GROUP"}
_NUMBER = re.compile(r"^\d{1,4}[A-Z]?$")
#: a word of a would-be village's name that alone names a town this big is that town, not part of a village's name
VILLAGE_WORD_MAX_POP = 200_000
#: labels under which a capitalised word after "the village of" is no settlement's name: a time, a number, a work
_NOT_SETTLEMENT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART",
                          "EVENT", "LAW", "LANGUAGE", "PRODUCT"}


class Sites:
    """The site steps of `PlacesComponent`: recognise by head word, then place at the anchor."""

    lex: PlaceLexicon

    def site_feature(self, text: str) -> str | None:
        """The feature a name's head word gives it ("Neches River" -> water), or None."""
        words = text.split()
        if len(words) < 2 or text in self.lex.not_place_phrases:
            return None
        heads = self.lex.site_heads
        if words[-2] in heads.get("numbered", {}) and _NUMBER.match(words[-1]):
            return heads["numbered"][words[-2]]  # "Highway 19", "County Road 35"
        if words[-1] in heads.get("suffix", {}) and words[0] not in heads.get("suffix", {}):
            return heads["suffix"][words[-1]]
        if words[0] in heads.get("prefix", {}) and words[-1][:1].isupper():
            return heads["prefix"][words[0]]
        return None

    def _site_scan(self, doc: Doc, taken: list[bool]) -> list[Mention]:
        """Untagged or mistyped names with a site head: up to three capitalised words before a suffix head
        ("Villanova Drive"), a capitalised name after a prefix head ("Lake Opechee"), a road and its number."""
        heads = self.lex.site_heads
        suffix, prefix, numbered = heads.get("suffix", {}), heads.get("prefix", {}), heads.get("numbered", {})
        out: list[Mention] = self._site_lists(doc, taken)
        n = len(doc)
        texts = token_texts(doc)  # a Token only for a site head (a word of `numbered`, `suffix` or `prefix`)
        for i in range(n):
            if taken[i]:
                continue
            text = texts[i]
            if text not in numbered and text not in suffix and text not in prefix:
                continue
            span = None
            if text in numbered and i + 1 < n and _NUMBER.match(doc[i + 1].text) and not taken[i + 1]:
                span = doc[i:i + 2]
            elif text in suffix and i > 0 and (i + 1 >= n or not _cap(doc[i + 1])):
                j = i
                while j > 0 and i - j < 3 and _cap(doc[j - 1]) and not taken[j - 1] and not doc[j - 1].is_stop \
                        and doc[j - 1].text not in suffix \
                        and (not doc[j - 1].is_sent_start or doc[j - 1].pos_ == "PROPN"):  # "Ruth Drive is closed"
                    j -= 1
                if j < i:
                    span = doc[j:i + 1]
            elif text in prefix and i + 1 < n and _cap(doc[i + 1]) and not taken[i + 1]:
                k = i + 1
                while k < n and k - i <= 2 and _cap(doc[k]) and not taken[k]:
                    k += 1
                if k >= n or not _cap(doc[k]):
                    span = doc[i:k]
            if span is None or any(t.ent_type_ in NOT_SITE_LABELS and not (
                    t.ent_type_ == "PERSON" and (span[-1].text in self.lex.site_heads_over_person
                                                 or self._on_a_street(doc, span.start))) for t in span):
                continue
            if self.site_feature(span.text) is None or any(taken[k] for k in range(span.start, span.end)):
                continue
            out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "site", "FAC"))
            for k in range(span.start, span.end):
                taken[k] = True
        return out

    def _settlement_scan(self, doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
        """Capitalised names after "the village of", "a town called" that no step found and no gazetteer lists
        (the model tags small places as persons, or not at all): settlements by their context, placed at their
        container (`sites`). Up to three words; a name the gazetteer knows is the scan's."""
        out: list[Mention] = []
        n = len(doc)
        texts = token_texts(doc)
        for i, low in enumerate(lower_strings(doc)):  # the columns: no Token for the words that are not "of"
            if low not in ("of", "called", "named") or i == 0 or i + 1 >= n \
                    or texts[i - 1] not in self.lex.settlement_nouns:  # lower case: not "our 'City of Seekers'"
                continue
            k = i + 1
            while k < n and k - i <= 3 and _cap(doc[k]) and not taken[k] and not doc[k].is_stop \
                    and doc[k].ent_type_ not in _NOT_SETTLEMENT_LABELS and (k == i + 1 or doc[k].ent_iob_ != "B"):
                k += 1
            if k == i + 1 or (k < n and _cap(doc[k])):
                continue  # nothing, or a run into another name ("X Amnesty International said"): not only a village's
            span = doc[i + 1:k]
            if self._known(span.text, gaz) or span.text in self.lex.not_places or self._calendar(span) \
                    or not self.village_like(span, gaz):
                continue
            out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "scan", "GPE",
                               unlisted=True, locative=True))
            for t in range(span.start, span.end):
                taken[t] = True
        return out + self._settlement_lists(doc, gaz, taken) + self._described_settlements(doc, gaz, taken)

    def _described_settlements(self, doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
        """Capitalised names no step found that the text describes as a settlement right after them ("X is a rural
        township in Y", "X, a village near Y"; the model tags such names as persons, or not at all)."""
        out: list[Mention] = []
        n = len(doc)
        caps = [_cap_text(t) for t in token_texts(doc)]  # a Token only for the capitalised words
        i = 0
        while i < n:
            if taken[i] or not caps[i]:
                i += 1
                continue
            tok = doc[i]
            if tok.is_stop or i > 0 and caps[i - 1] and not taken[i - 1] and not tok.is_sent_start:  # a name's tail
                i += 1
                continue
            e = i
            while e < n and e - i < 3 and caps[e] and not taken[e] \
                    and doc[e].ent_type_ not in _NOT_SETTLEMENT_LABELS:
                e += 1
            span = doc[i:e]
            if e > i and self.described_settlement(doc, e) and not self._known(span.text, gaz) \
                    and span.text not in self.lex.not_places and not self._calendar(span) \
                    and self.village_like(span, gaz):
                out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "scan", "GPE",
                                   unlisted=True, locative=True))
                for t in range(i, e):
                    taken[t] = True
            i = max(e, i + 1)
        return out

    def _settlement_lists(self, doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Mention]:
        """Names listed after a plural settlement noun and a colon or "of" ("four villages: A, B, C and D", "the
        villages of A and B") are settlements each, found and placed as "the village of X" is."""
        out: list[Mention] = []
        n = len(doc)
        lows = lower_strings(doc)
        for i, low in enumerate(lows):
            if i + 2 >= n or lows[i + 1] not in (":", "of") \
                    or not (low[:-1] in self.lex.settlement_nouns or low[:-3] + "y" in self.lex.settlement_nouns) \
                    or not doc[i].is_lower:
                continue
            k = i + 2
            names: list[tuple[int, int]] = []
            while k < n:
                e = k
                while e < n and e - k < 3 and _cap(doc[e]) and not taken[e] and not doc[e].is_stop \
                        and doc[e].ent_type_ not in _NOT_SETTLEMENT_LABELS:
                    e += 1
                if e == k:
                    break
                names.append((k, e))
                if e + 1 < n and doc[e].text == "," and doc[e + 1].lower_ == "and":
                    k = e + 2
                elif e < n and (doc[e].text == "," or doc[e].lower_ == "and"):
                    k = e + 1
                else:
                    break
            if len(names) < 2:
                continue  # one name after "villages:" is no list
            for s, e in names:
                span = doc[s:e]
                if self._known(span.text, gaz) or span.text in self.lex.not_places or self._calendar(span) \
                        or not self.village_like(span, gaz):
                    continue
                out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "scan", "GPE",
                                   unlisted=True, locative=True))
                for t in range(s, e):
                    taken[t] = True
        return out

    def village_like(self, span, gaz: Gazetteer) -> bool:
        """Can the words be one village's name? Capitalised words (or the Arabic article), none of them a direction
        and none a country, state or sizeable town on its own: "X Syria", "Palmyra Daesh", "X western Idlib" are a
        name run into its container or into the next sentence of a text stripped of its punctuation."""
        for tok in span:
            low = tok.lower_
            if low in self.lex.name_articles:
                continue
            if not _cap(tok) or low in self.lex.directions:
                return False
            if any(c.feature in ("country", "admin1", "region") or c.population >= VILLAGE_WORD_MAX_POP
                   for c in gaz.lookup(tok.text)):
                return False
        return True

    def named_settlement(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
        """A settlement noun names the place tokens [s, e) are: "the village of X", "a town called X", "X village"
        (`settlement_nouns`): a village no gazetteer lists is still a place, with a point from its container."""
        if not self.village_like(doc[s:e - 1] if e - s > 1 and doc[e - 1].lower_ in self.lex.admin_words
                                 else doc[s:e], gaz):
            return False
        if e < len(doc) and doc[e].text in self.lex.settlement_nouns:
            return True
        if s > 1 and doc[s - 1].lower_ in ("of", "called", "named") and doc[s - 2].text in self.lex.settlement_nouns:
            return True
        if s > 2 and doc[s - 1].lower_ == "of" and doc[s - 2].is_lower \
                and doc[s - 3].lower_ in self.lex.settlement_nouns:
            return True
        return self.described_settlement(doc, e) or self.held_by_known(doc, s, e, gaz)

    def described_settlement(self, doc: Doc, e: int) -> bool:
        """A name described as a settlement right after it: "X, a village in Y", "X is a rural township in Y"."""
        k = e
        if k < len(doc) and doc[k].text == ",":
            k += 1
        elif k < len(doc) and doc[k].lower_ in ("is", "was"):
            k += 1
        else:
            return False
        if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
            k += 1
        for _ in range(2):  # "a small", "a rural farming"
            if k < len(doc) and doc[k].is_lower and doc[k].pos_ == "ADJ":
                k += 1
        return k + 1 < len(doc) and doc[k].lower_ in self.lex.settlement_nouns \
            and doc[k + 1].lower_ in ("in", "of", "near", "outside")

    def held_by_known(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
        """A name the model took for a place, after a locative preposition and held by a place the gazetteer knows:
        "a market in X, Quezon City", "in the X district of Uttar Pradesh", "clinics in X in Nyanza province"."""
        i = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
        if i == 0 or doc[i - 1].lower_ not in self.lex.locative_preps or e + 1 >= len(doc):
            return False
        if doc[e - 1].lower_ in self.lex.admin_words:  # "the X district of Y"
            if e - 1 == s or doc[e].lower_ != "of":
                return False
        elif doc[e].text != "," and doc[e].lower_ != "in":
            return False
        for k in range(min(len(doc), e + 4), e + 1, -1):
            if all(_cap(t) or t.lower_ in self.lex.admin_words for t in doc[e + 1:k]) \
                    and self._known(doc[e + 1:k].text, gaz):
                # "at X, Y and Z schools", "X, Y, Z" are lists of names, not X in Y ("in X, Y, on Monday" is)
                nxt = doc[k] if k < len(doc) else None
                return nxt is None or not (nxt.lower_ in ("and", "or", "&") or (
                    nxt.text == "," and k + 1 < len(doc) and _cap(doc[k + 1])))
        return False

    def _site_lists(self, doc: Doc, taken: list[bool]) -> list[Mention]:
        """Names listed before a plural site head are sites of that kind each ("the corner of Elm and Oak
        streets": Elm Street, Oak Street), whatever the model took them for; the mention is the name, its key
        and text the site's full name."""
        out: list[Mention] = []
        for i, text in enumerate(token_texts(doc)):  # no Token per word
            singular = self.lex.site_plurals.get(text)
            if singular is None or i == 0:
                continue
            names = names_listed_before(doc, i, _cap, 10)
            if len(names) < 2:
                continue
            for s, e in names:
                span = doc[s:e]
                full = f"{span.text} {singular}"
                if any(taken[k] for k in range(s, e)):  # a town of that name found already stays one: it
                    # anchors the document's other places (its streets among them)
                    continue
                out.append(Mention(span.start_char, span.end_char, full, key(full), "site", "FAC"))
                for k in range(s, e):
                    taken[k] = True
        return out

    def _on_a_street(self, doc: Doc, i: int) -> bool:
        """A name after a preposition that puts things on a street ("on X Lane", "off X Lane", "the 500 block of
        X Lane"): a street, even where its head word ends people's names too and the model took it for one."""
        prev = doc[i - 1].lower_ if i > 0 else ""
        return prev in self.lex.street_preps or (prev == "of" and i > 1 and doc[i - 2].lower_ == "block")

    def _place_sites(self, groups: list[Group], focus: list[tuple[str, float]]) -> None:
        """Give each site without a gazetteer reading the point of its container, else of the document's
        main town or county (in its main country; the one named most, first named on a tie)."""
        top = focus[0][0] if focus else None
        local = [g for g in groups if g.best is not None and g.best.feature in LOCAL and g.confidence >= 0.3
                 and g.best.source != "site" and (top is None or g.best.country == top)]
        counts = Counter({g.key: len(g.mentions) for g in local})
        order = {g.key: min(m.start for m in g.mentions) for g in local}
        main = max(local, key=lambda g: (counts[g.key], -order[g.key]), default=None)
        # a story that names no town of its country but one of its provinces: its villages lie there
        provinces = [g for g in groups if g.best is not None and g.best.feature == "admin1" and g.confidence >= 0.5
                     and g.best.country == top]
        province = max(provinces, key=lambda g: (len(g.mentions), -min(m.start for m in g.mentions)), default=None)
        by_key = {g.key: g for g in groups}
        for g in groups:
            if g.candidates or g.best is not None:
                continue
            feature = self.site_feature(g.mentions[0].text) or (
                "city" if any(m.unlisted for m in g.mentions) else None)
            if feature is None:
                continue
            anchor = None
            for m in g.mentions:
                c = by_key.get(m.container.key) if m.container is not None else None
                # a village no gazetteer lists takes the point of its province too ("X in Nyanza province")
                if c is not None and c.best is not None and (c.best.feature in LOCAL or (
                        m.unlisted and c.best.feature in ("admin1", "region") and c.best.country)):
                    anchor = c
                    break
            if anchor is None and len(g.mentions) < 2 and g.mentions[0].text.split()[0] in ("Mount", "Mt."):
                continue  # a mountain named once may lie anywhere ("to climb Mt. Everest")
            anchor = anchor or main or (province if any(m.unlisted for m in g.mentions) else None)
            if anchor is None or anchor.best is None:
                continue
            a = anchor.best
            g.best = Entry(gid=f"site:{g.key}", name=g.mentions[0].text, lat=a.lat, lon=a.lon, country=a.country,
                           admin1=a.admin1, feature=feature, population=0, source="site")
            g.confidence = SITE_CONFIDENCE


def _cap(tok) -> bool:
    return _cap_text(tok.text)


def _cap_text(t: str) -> bool:
    """`_cap` of a token's text, read from the document's kept texts (`token_texts`)."""
    return bool(t) and t[0].isupper() and not t.isupper() or (t.isupper() and len(t) > 1 and t.isalpha()) \
        or t in ("St.", "Mt.", "N.", "S.", "E.", "W.")
