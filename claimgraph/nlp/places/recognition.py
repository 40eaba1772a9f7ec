"""Recognition: place mentions from entities and from a gazetteer scan, and containment hints between them.

"northern Latakia" -> Latakia; "Latakia province" keeps its division word as a hint; "Istanbul chairman" ->
Istanbul from the scan; "Alexandria, La." / "Syria's Latakia" / "X in Y": the second holds the first.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.attrs import IS_LOWER
from spacy.tokens import Doc, Span

from claimgraph.gazetteer import Entry, Gazetteer, key
from claimgraph.nlp.places.context import PlaceContext
from claimgraph.nlp.places.datelines import Datelines, date_weekday
from claimgraph.nlp.places.forms import lookup_forms, name_occurrences, names_listed_before, partial_name, quoted_title
from claimgraph.nlp.places.lexicon import (
    BLOCKING_LABELS,
    PLACE_LABELS,
    SCAN_MIN_POP,
    Group,
    Mention,
    PlaceLexicon,
)
from claimgraph.nlp.places.persons import PersonNames, _listed_outlet
from claimgraph.nlp.places.resolution import _prior
from claimgraph.nlp.shared.columns import lower_strings
from claimgraph.nlp.shared.entity_lexicon import load_lexicon as entity_lexicon
from claimgraph.nlp.shared.text import capitalised_text

#: labels under which a capitalised demonym is no modifier of a noun: a person's name, a language, a work, a date
_NOT_DEMONYM_LABELS = {"PERSON", "LANGUAGE", "WORK_OF_ART", "LAW", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}

MAX_LISTED = 30  # `_division_lists`: names looked at before one plural division word

WEAK = 2  # `_scan_accept`: a candidate that needs support (`Mention.weak`)


class Recognition(Datelines, PlaceContext, PersonNames):
    """The recognition steps of `PlacesComponent` (per-document scratch lives on the instance)."""

    lex: PlaceLexicon

    def _demonyms(self, doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, str]]:
        """NORP entities that are a demonym, and demonyms the model ran into a longer name or a hyphenated pair:
        opening an organisation's or an event's name ("the Georgian Interior Ministry", "the Palestinian
        Authority") but not a firm's or team's ("American Airlines"), or joined by hyphens ("Egyptian-Israeli
        talks", "inter-Palestinian", "Cypriot-flagged")."""
        out, seen = [], set()
        for ent in self._doc_ents(doc):
            if ent.label_ == "NORP":
                iso2 = gaz.demonym(ent.text)
                if iso2:
                    out.append((ent.start_char, ent.end_char, iso2))
                    seen.update(range(ent.start, ent.end))
        for tok in doc:
            if tok.i in seen or not tok.is_title or tok.ent_type_ in _NOT_DEMONYM_LABELS:
                continue
            iso2 = gaz.demonym(tok.text)
            if not iso2 or (tok.i > 1 and self._hyphen[tok.i - 1] and doc[tok.i - 2].lower_ == "non"):
                continue  # "non-English speakers" are not of that people: no country named
            if tok.ent_type_:
                ent = doc[self._ent_bounds(doc, tok.i)[0]:self._ent_bounds(doc, tok.i)[1]]
                if any(_capitalised(t) for t in doc[ent.start:tok.i]) \
                        or any(t.text.rstrip(".") in self.lex.named_after for t in ent[1:]):
                    continue  # inside a longer name ("Royal Canadian Mint") or a firm's or team's
            out.append((tok.idx, tok.idx + len(tok.text), iso2))
        out.sort()
        return out

    @staticmethod
    def _ent_bounds(doc: Doc, i: int) -> tuple[int, int]:
        """Token bounds of the entity holding token i (its IOB tags, without walking `doc.ents`)."""
        s = i
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        e = i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        return s, e

    def _entity_mentions(self, doc: Doc, gaz: Gazetteer) -> list[Mention]:
        out = []
        covered = 0
        for ent in self._doc_ents(doc):
            if ent.start < covered:
                continue  # inside a longer name taken from the previous entity ("San Cristobal de las Casas")
            if ent.label_ not in PLACE_LABELS and not self._norp_place(doc, ent, gaz):
                continue
            span = self._trim(doc, ent)
            if span is None:
                continue
            s, e = span.start, span.end
            if s > 1 and doc[s - 1].text == "-" and not doc[s - 2].whitespace_ and not doc[s - 1].whitespace_ \
                    and doc[s - 2:e].text in gaz:
                s -= 2  # "KwaZulu-Natal" when the model only took "Natal"
            while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ \
                    and not doc[e].whitespace_ and doc[s:e + 2].text in gaz:
                e += 2  # "Guinea-Bissau"
            if s > 0 and _capitalised(doc[s - 1]) and not doc[s - 1].is_sent_start and not doc[s - 1].is_stop \
                    and (doc[s - 1].ent_iob_ == "O" or doc[s - 1].ent_type_ == "NORP") and doc[s - 1:e].text in gaz:
                s -= 1  # "Goz Beida" when the model only took "Beida" ("French Guiana": "French" was a NORP)
            e = self._longer_name(doc, s, e, gaz)
            covered = e
            if e < len(doc) and doc[e].text == "." and not doc[e - 1].whitespace_ \
                    and not gaz.lookup(doc[s:e].text) and gaz.lookup(doc[s:e].text + "."):
                e += 1  # "W.Va." split as "W.Va" + "."
            span = doc[s:e]
            if span.text in self.lex.not_place_phrases or (len(span) == 1 and span.text.lower() in self.lex.directions):
                continue  # a bare direction ("the South's hubs") is a region of the text's own country, not a
                # province of another that happens to be called so
            if self._calendar(span) or self._compound_part(doc, s, e, gaz) or quoted_title(doc, s, e):
                continue  # "during Ramadan"; "Lago" of "Mar-a-Lago"; "USA" of a show's "Trending Today USA"
            if e < len(doc) and doc[e].text == ":" and span.text.isupper():
                continue  # a transcript's speaker label ("SMITH: ..."), not a place
            if e < len(doc) and doc[e].lower_ in self.lex.named_after_lower and not any(
                    c.feature in ("country", "admin1") for c in gaz.lookup(span.text)):
                continue  # "Marburg virus", "Minsk agreement" (but "United States flu season" is a place)
            if self._lone_surname(doc, s, e, gaz.lookup(span.text)):
                continue  # a surname of someone the article names in full ("Nelson said"; not "in Nelson")
            if self._person_like(doc, s, e, gaz) or self._team_like(doc, e) or self._article_person(doc, s, e):
                continue
            admin_hint = span[-1].lower_ in self.lex.admin_words
            nxt = doc[e] if e < len(doc) else None
            if nxt is not None and nxt.lower_ in self.lex.admin_words and not nxt.is_upper:
                e += 1
                admin_hint = True
            admin_hint = admin_hint or self._possessive_division(doc, e)  # "Aleppo's northern countryside"
            span = doc[s:e]
            if gaz.demonym(span.text) and span.text not in gaz:
                continue
            if e < len(doc) and doc[e].like_num and self.site_feature(doc[s:e + 1].text) is not None:
                e += 1  # "County Road" + "35"
                span = doc[s:e]
            if ent.label_ == "FAC" and not gaz.lookup(span.text) and self.site_feature(span.text) is None:
                continue  # buildings we cannot place are not worth a mention (named sites: `sites`)
            unlisted = False
            if not self._known(span.text, gaz) and self.site_feature(span.text) is None:
                if not (ent.label_ in ("GPE", "LOC") and self.named_settlement(doc, s, e, gaz)):
                    continue  # a name no gazetteer knows ("Fargo City", "the Boone County Jail"): its tokens are
                    # left to the scan, which finds the place that opens it, as in an organisation's name
                unlisted = True  # "the village of X", "X village": a settlement all the same (`sites` places it)
            weak = partial_name(span.text, gaz, self.lex.admin_words)
            out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "ent",
                               ent.label_, admin_hint=admin_hint, weak=weak, unlisted=unlisted))
        return out

    def _known(self, text: str, gaz: Gazetteer) -> bool:
        """Whether resolution has candidates for the name (the lookups of `Resolution._candidates`): the name or
        its base before a division word ("Latakia province"), as written or in another form of its Arabic article
        ("Deir Ezzor" -> "Deir ez-Zor", "al-Raqqa" -> "Raqqa": `forms.article_variants`)."""
        if lookup_forms(gaz, text, self.lex.name_articles)[1]:
            return True
        words = text.split()
        return len(words) > 1 and words[-1].lower() in self.lex.admin_words \
            and bool(lookup_forms(gaz, " ".join(words[:-1]), self.lex.name_articles)[1])

    def _division_lists(self, doc: Doc, gaz: Gazetteer, taken: list[bool], found: list[Mention]) -> list[Mention]:
        """Names listed before a plural division word are divisions each ("Barrow, Jackson and Madison
        counties"): every name of the list, the last one too, which the model may tag as a person."""
        out: list[Mention] = []
        found_at = {(m.start, m.end): m for m in found}
        for i, lower in enumerate(lower_strings(doc)):  # no Token per word (the document's kept list)
            singular = self.lex.division_plurals.get(lower)
            if singular is None or i == 0:
                continue
            names = names_listed_before(doc, i, _capitalised, MAX_LISTED)  # bounded: never hundreds
            if len(names) < 2:
                continue
            for s, e in names:  # the last name too: the model often tags it a person ("Jackson and Madison")
                span = doc[s:e]
                if not any(c.feature in ("admin1", "admin2") for c in gaz.lookup(f"{span.text} {singular}")):
                    continue
                if any(taken[k] for k in range(s, e)):
                    if (m := found_at.get((span.start_char, span.end_char))) is not None:
                        m.admin_hint = True  # the entity step found it: a division all the same
                    continue
                out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "list", "GPE",
                                   admin_hint=True))
                for k in range(s, e):
                    taken[k] = True
        return out

    def _joined(self, doc: Doc, span: Span, gaz: Gazetteer) -> bool:
        """The second of two names joined by a hyphen, after a place ("Fargo-Moorhead", "Wisconsin-Milwaukee")
        or a party's letter ("D-Charleston": a legislator and the town they represent)."""
        i = span.start
        if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
            return False
        before = doc[i - 2].text
        return before in self.lex.party_letters or (_capitalised(doc[i - 2]) and bool(gaz.lookup(before)))

    def _calendar(self, span: Span) -> bool:
        """A month or a religious or civic period ("during Ramadan", "before Easter"), or a weekday opening a date
        ("Mon 12 Oct 2015": `datelines.date_weekday`): a time, not a place."""
        return len(span) == 1 and (span.text in self.lex.calendar_names
                                   or span.text.title() in self.lex.calendar_names or date_weekday(span, self.lex))

    def _compound_part(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
        """A name that is only part of a hyphenated compound name: the tail of a chain of three or more words
        ("Mar-a-Lago") or the head before a capitalised word that is not a place ("Ben-Gurion University").
        Not after the Arabic article ("al-Raqqa"), a prefix ("anti-Israel"), a place, a people or a party's
        letter ("Fargo-Moorhead", "Egyptian-US", "D-Charleston"), nor before another place ("the Israel-Gaza
        war") or a lower-case word ("US-led", "Damascus-based": an adjective made of the place names it)."""
        if s >= 4 and self._hyphen[s - 1] and not self._spaced[s - 2] and doc[s - 2].is_lower \
                and doc[s - 2].lower_ not in self.lex.name_articles and self._hyphen[s - 3] \
                and not self._spaced[s - 4]:
            return True
        if e + 1 < len(doc) and self._hyphen[e] and not self._spaced[e - 1] and _capitalised(doc[e + 1]) \
                and not doc[e + 1].is_upper:
            return not gaz.lookup(doc[e + 1].text)
        return False

    def _person_like(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> bool:
        """A lone name that speaks ("Nelson said", '..." Nelson added') or opens a firm's name ("Stevens &
        Wilkinson") is a person or a firm, unless it is a country, a state or a city big enough for metonymy."""
        if e - s != 1:
            return False
        nxt = doc[e] if e < len(doc) else None
        if nxt is not None and nxt.text in ("'", "’", "”", '"') and e + 1 < len(doc):
            nxt = doc[e + 1]
        if nxt is None or not ((nxt.lower_ in self.lex.speech_verbs and doc[s].dep_.startswith("nsubj"))
                               or nxt.text == "&"):
            return False
        if doc[s].text in self._name_words:
            return True  # the surname of someone the article names in full speaks, even if a country's too
        return not any(self._major(c, doc[s:e].text) for c in gaz.lookup(doc[s:e].text))

    def _article_person(self, doc: Doc, s: int, e: int, text: str | None = None) -> bool:
        """A name with the Arabic article ("Al-Faris", "X al-Y") names people as often as places: it is a person's
        when it is the family name of someone the article names in full, follows a title or role ("official",
        "Dr"), or comes before ", a spokesman", "who" or a verb of saying, unless a preposition puts it somewhere."""
        words = key(doc[s:e].text if text is None else text).split()  # `text`: the caller's doc[s:e].text
        if not self.lex.name_articles.intersection(words):
            return False
        if " ".join(w for w in words if w not in self.lex.name_articles) in getattr(self, "_family_names", ()):
            return True
        if s > 0 and (doc[s - 1].lower_ in self.lex.locative_preps or doc[s - 1].lower_ == "of"):
            return False  # "in Jisr al-Shughur, said activists"
        if s > 0 and _is_title(doc[s - 1]):
            return True
        nxt = [t.lower_ for t in doc[e:e + 3]]
        return bool(nxt) and (nxt[0] in self.lex.speech_verbs or nxt[:2] == [",", "who"]
                              or (nxt[:1] == [","] and len(nxt) == 3 and nxt[1] in ("a", "an", "the")
                                  and _is_title(doc[e + 2])))

    def _team_like(self, doc: Doc, e: int) -> bool:
        """A place name before a capitalised plural that is not a division, office or site word names a team
        or a company ("Carolina Panthers", "Dallas Cowboys"), not the place."""
        nxt = doc[e] if e < len(doc) else None
        if nxt is None or self._headline[e]:
            return False  # a headline capitalises its verbs too ("Georgia Arrests Opposition Members")
        return nxt.tag_ == "NNPS" and nxt.text.endswith("s") and _capitalised(nxt) \
            and nxt.text not in self.lex.jurisdiction_titles and nxt.text not in self.lex.institutions \
            and nxt.lower_ not in self.lex.admin_words and nxt.lower_ not in self.lex.place_followers

    def _major(self, c: Entry, text: str) -> bool:
        """A country, continent, or a state or city called `text` big enough to stand for its people
        ("Georgia said", "Moscow said"): a lone name reading so is a place even where a person's would fit."""
        return c.feature in ("country", "region") or (
            c.feature in ("admin1", "city") and c.population >= self.lex.metonymy_min_pop and key(c.name) == key(text))

    def _norp_place(self, doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
        """A NORP the tagger took for a people but that is a place: followed by a division word
        ("in Michoacan state") or a settlement noun ("Binnish village"), or the object of a locative
        preposition and a sizeable town ("seen in Adigrat"), or a sizeable town modifying a common noun after
        an article ("the Homs offensive"). A real demonym ("Kurdish region", "in Turkish") stays a NORP."""
        if ent.label_ != "NORP" or gaz.demonym(ent.text) or not ent.text[:1].isupper():
            return False
        cands = gaz.lookup(ent.text)
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and not nxt.is_upper and nxt.lower_ in self.lex.admin_words:
            return any(c.feature in ("admin1", "admin2") for c in cands)
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if nxt is not None and nxt.text in self.lex.settlement_nouns:
            # "Binnish village", "X town": a settlement by that name ("an Arab village", "a mostly Christian
            # town" are a people's or a faith's: an article, maybe over adverbs, or a word that is no place)
            det = ent.start - 1
            while det >= 0 and doc[det].pos_ == "ADV":
                det -= 1
            if ent.text in self.lex.not_places or (det >= 0 and doc[det].pos_ == "DET"):
                return False
            return any(c.feature == "city" and _small_known(c) for c in cands)
        if self._held_by_next(doc, ent.end, cands):
            return True  # "from X, Central Java": a town of the division named after it
        modifier = (prev is not None and prev.lower_ in ("the", "a", "an") and nxt is not None
                    and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.lower_ not in self.lex.named_after_lower)
        if prev is not None and prev.lower_ == "of" and ent.start > 1 \
                and doc[ent.start - 2].lower_ in self.lex.place_nouns:
            return any(c.feature in ("admin1", "admin2", "city") and c.population >= 500 for c in cands)
        if not modifier and (prev is None or prev.lower_ not in self.lex.locative_preps):
            return False  # modifier: "the Aleppo offensive", "a Homs court" name the place too (issue 17)
        return any(c.feature in ("admin1", "city") and c.population >= self.lex.norp_town_min_pop
                   for c in cands)

    def _longer_name(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> int:
        """Grow an entity over the next few tokens when the longer text is a gazetteer name and the
        entity alone is not: the tagger splits names with lower-case particles ("San Cristobal de" +
        "las Casas")."""
        if e < len(doc) and doc[e].is_lower and doc[e].is_alpha and len(doc[e]) <= 3:
            for k in range(min(len(doc), e + 3), e + 1, -1):  # "Rio Grande" + "do Sul": a particle and a name
                if _capitalised(doc[k - 1]) and doc[s:k].text in gaz:
                    return k
        if doc[s:e].text in gaz:
            return e
        for k in range(min(len(doc), e + 3), e, -1):
            if doc[k - 1].is_punct or not doc[k - 1].text[:1].isupper():
                continue
            if doc[s:k].text in gaz:
                return k
        return e

    def _trim(self, doc: Doc, ent: Span) -> Span | None:
        s, e = ent.start, ent.end
        while s < e and (doc[s].is_space or doc[s].lower_ in ("the", "a", "an")
                         or (doc[s].is_lower and doc[s].lower_ in self.lex.directions)):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s", "'")):
            e -= 1
        if s >= e:
            return None
        gaz = self.gaz
        if e - s > 1 and doc[s].lower_.rstrip(".") in self.lex.directions and doc[s:e].text not in gaz \
                and _capitalised(doc[s + 1]) and doc[s + 1:e].text not in self.lex.not_places \
                and doc[s + 1].lower_ not in self._lower_words and doc[s + 1:e].text in gaz:
            s += 1  # "North Texas", "Southern California": the region of a known place is that place
        return doc[s:e]

    def _scan(self, doc: Doc, gaz: Gazetteer, taken: list[bool], lower_words: set[str]) -> list[Mention]:
        """Capitalised runs that no place entity covers, matched against the gazetteer."""
        ent_label = [""] * len(doc)
        self._ent_start = list(range(len(doc)))
        self._ent_end = list(range(1, len(doc) + 1))
        for ent in self._doc_ents(doc):
            for i in range(ent.start, ent.end):
                ent_label[i] = ent.label_
                self._ent_start[i] = ent.start
                self._ent_end[i] = ent.end
        for i in getattr(self, "_person_tokens", ()):
            ent_label[i] = "PERSON"  # a person's name the model typed an organisation ("Brent" of "Brent Holt")
        out: list[Mention] = []
        self._taken = taken
        i, n = 0, len(doc)
        caps, hyphen, spaced = self._caps, self._hyphen, self._spaced
        # the Arabic article inside a name, lower case and hyphened to the next word ("Jisr al-Shughur")
        lowered = zip(lower_strings(doc), doc.to_array(IS_LOWER).tolist(), strict=True)  # columns: no Token per token
        art = [bool(low) and w in self.lex.name_articles for w, low in lowered]
        run_start = 0
        while i < n:
            if taken[i] or not caps[i] or doc[i].lower_ == "the":
                i += 1
                continue
            if i == 0 or not caps[i - 1] or taken[i - 1] or doc[i - 1].lower_ == "the" or doc[i - 1].is_upper:
                run_start = i  # a run starts after a lower-case word, "the" or an acronym ("CDC Atlanta")
            matched = False
            for size in range(min(4, n - i), 0, -1):
                j = i + size
                if any(taken[k] or not (caps[k] or (hyphen[k] and i < k < j - 1 and caps[k + 1]
                                                    and not spaced[k - 1])
                                            or (art[k] and i < k < j - 2 and hyphen[k + 1] and not spaced[k]))
                       for k in range(i, j)):
                    continue
                span = doc[i:j]
                hit = self._scan_accept(doc, span, gaz, ent_label, lower_words, i > run_start)
                if hit:
                    e = j
                    longer = self._longer_name(doc, i, j, gaz)  # "Rio Grande" + "do Sul"
                    if longer > j and not any(taken[k] for k in range(j, longer)):
                        e = longer
                    admin_hint = False
                    if e < n and doc[e].lower_ in self.lex.admin_words and not doc[e].is_title:
                        e += 1
                        admin_hint = True
                    admin_hint = admin_hint or self._possessive_division(doc, e)
                    span = doc[i:e]
                    out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "scan",
                                       "GPE", admin_hint=admin_hint, weak=hit == WEAK))
                    for k in range(i, e):
                        taken[k] = True
                    i = e
                    matched = True
                    break
            if not matched:
                i += 1
        return out

    def _scan_accept(self, doc: Doc, span: Span, gaz: Gazetteer, ent_label: list[str],
                     lower_words: set[str], mid_run: bool = False) -> int:
        """0: not a place; 1: a place; WEAK: a place only if other places of the document lie near it."""
        text = span.text
        labels = {ent_label[k] for k in range(span.start, span.end)} - {""}
        multi = len(span) > 1
        if text in self.lex.named_after or text in self.lex.institutions or text in self.lex.not_place_phrases:
            return False
        if multi and gaz.demonym(span[0].text) and any(
                c.feature in ("country", "admin1") and key(c.name) == key(text) for c in gaz.lookup(text)):
            return 1  # "French Guiana", "British Columbia": a land named with a people's adjective
        if not multi and (text in self.lex.not_places or (span[0].is_stop and not text.isupper())
                          or span[0].lower_ in lower_words
                          or (len(text) < 3 and not (text.isupper() and _country_name(gaz, text)
                                                     and not _in_upper_line(doc, span.start)))):
            return False  # a two-letter name only as a country's abbreviation ("the US Army", "UK officials";
            # not "TELL US WHAT YOU THINK")
        if gaz.demonym(text) or self._person_like(doc, span.start, span.end, gaz) or self._team_like(doc, span.end) \
                or self._article_person(doc, span.start, span.end, text):
            return False
        if span.end < len(doc) and doc[span.end].text == ":" and text.isupper():
            return False  # a transcript's speaker label ("SMITH: ...")
        if self._calendar(span) or self._compound_part(doc, span.start, span.end, gaz) \
                or quoted_title(doc, span.start, span.end):
            return False
        nxt0 = doc[span.end] if span.end < len(doc) else None
        if labels == {"EVENT"} and span.start == self._ent_start[span.start] and nxt0 is not None \
                and nxt0.is_lower and _country_name(gaz, text):
            return 1  # "the Vietnam war", "the Iraq conflict": the country is named (a literal modifier)
        if labels & BLOCKING_LABELS - {"PERSON"} and not (
                span.start > 1 and doc[span.start - 1].lower_ == "of"
                and doc[span.start - 2].lower_ in self.lex.directions) and not (
                labels == {"NORP"} and self._after_place_comma(doc, span.start)
                and any(c.feature in ("admin1", "city") and c.population >= self.lex.norp_town_min_pop
                        for c in gaz.lookup(text))):
            return False  # but "west of X" names a place, whatever the model took X for (a people, a language),
            # and so does a sizeable town or province after a place and a comma ("Mare city, Aleppo")
        # a name that is only the first word of a place's name ("Gold" of Gold Coast) is no evidence for it
        found_as, entries = lookup_forms(gaz, text, self.lex.name_articles)
        entries = [c for c in entries if not key(c.name).startswith(found_as + " ")]
        if not entries:
            return False
        best = max(entries, key=_prior)
        strong = best.source != "geonames" or best.feature in ("country", "admin1", "region", "landform", "water")
        if not multi and not labels and not strong and span[0].is_sent_start and span[0].pos_ != "PROPN" and not (
                self._place_context(doc, span.start, span.end) and any(key(c.name) == found_as for c in entries)):
            return False  # a lone capitalised word opening a sentence: only if it is a proper noun or a place's own
            # name in a place's context ("X city alone has ...", "X residents said"; not "Area woman", Mundelein's)
        if mid_run and not strong and not labels:
            return False  # the tail of a longer capitalised name ("West Side Taco Bell")
        if self._lone_surname(doc, span.start, span.end, entries):
            return False  # a surname of someone the article names in full ("Brown", "Moore"; not "in Brown")
        if not multi and text.isupper() and len(text) <= 5 and not strong:
            return False  # an acronym ("FDA", "IRS"), not a town that happens to be spelt so
        nxt = doc[span.end] if span.end < len(doc) else None
        nxt_text = nxt.text if nxt is not None else ""
        if nxt_text in self.lex.named_after or (nxt is not None and nxt.lower_ in self.lex.named_after_lower):
            return False  # "Sakarya University", "Paris High School", "Marburg virus"
        # a site or institution named for the place it is in ("Aleppo University", "Hamilton Municipal Court"):
        # the place is mentioned, embedded in the name (issue 17); a team or company named after it is not
        inst = nxt_text in self.lex.institutions and not mid_run
        if best.feature in ("country", "admin1") and labels <= {"ORG"} and (inst or nxt_text not in self.lex.schools):
            # "U.S. Geological Survey", "Texas Department of Health": the place is named
            return WEAK if inst and nxt_text in self.lex.schools else 1
        inside = bool(labels)
        # the name opens its entity (after "the"/"a": "the Gainesville Public Utilities")
        # the name opens its entity, or follows "of" ("the Gainesville Public Utilities", "High Sheriff
        # of Cambridgeshire", "University of Hartford"), not "and" ("Food and Drug Administration")
        starts_ent = inside and (span.start == self._ent_start[span.start]
                                 or doc[span.start - 1].lower_ in ("the", "of") or self._joined(doc, span, gaz))
        if inside:
            # a name inside an ORG/PERSON span counts when it heads an office, body or local paper named
            # for the place it serves ("Laurel County Clerk", "Gainesville Public Utilities"), or when the
            # model took a lone place name for a person ("Alexandria woman charged")
            if "PERSON" in labels:
                whole = span.start == 0 or ent_label[span.start - 1] != "PERSON"
                whole = whole and (span.end == len(doc) or ent_label[span.end] != "PERSON")
                if whole and span.start > 0 and _is_title(doc[span.start - 1]):
                    return False  # "Secretary Kerry", "President Jackson": a person with a title
                if whole:  # the model took a lone place name for a person ("Alexandria woman"): it needs
                    # support (nearby places) or a place's context ("in X"), as the name is one too
                    if not (best.population >= 10000 or strong
                            or (_small_known(best) and self._place_context(doc, span.start, span.end))):
                        return 0  # a small town's name is a person's unless the words around make it a place
                    return 1 if multi or any(self._major(c, text) for c in entries) else WEAK
                if span.start == self._ent_start[span.start] and not _capitalised(nxt) \
                        and _country_name(gaz, text):
                    return 1  # the model ran a country into the words after it ("X - roughly 70")
                site = inst and span.start == self._ent_start[span.start] and nxt_text not in self.lex.schools
                if not (starts_ent and (nxt_text in self.lex.jurisdiction_titles or site)):
                    return False  # but a site named for the place it is at ("X Racecourse", "X Hospital") is no person
            elif "OUTLET" in labels:
                whole = self._ent_start[span.start] == span.start and self._ent_end[span.start] == span.end
                if whole and _country_name(gaz, text):
                    return 1  # "Vatican spokesman": a country, not the outlet of that name
                if _listed_outlet(doc[self._ent_start[span.start]:self._ent_end[span.start]].text):
                    return False  # "The New York Times" is a paper, not the city
                if not (starts_ent and nxt_text in self.lex.jurisdiction_titles):
                    return False  # "Gainesville Times" is local news from Gainesville; "Middle East Eye" no
            elif not (starts_ent and (nxt_text in self.lex.jurisdiction_titles or not _capitalised(nxt) or inst
                                      or strong or any(c.population >= 100000 for c in entries
                                                       if key(c.name) == key(text)))):
                # "Vancouver Coastal Health Authority" names Vancouver; "Ripley Scout" no; nor does "Ben Gurion
                # Airport" name Bern, whose other spelling "Ben" is (a big city by another name opens no name)
                return False
            if not (strong or best.population >= 800 or best.feature == "admin2"
                    or (best.population == 0 and self._place_context(doc, span.start, span.end))):
                return 0  # a hamlet's name opening an organisation's is the organisation's ("Ripley Scout")
            whole = self._ent_start[span.start] == span.start and self._ent_end[span.start] == span.end
            if whole and not multi and not strong and not any(c.population >= 100000 for c in entries
                                                              if key(c.name) == key(text)):
                return WEAK  # a lone small town's name the model took for an organisation ("according to
                # Forbes"): a magazine, a firm or a club unless it stands in a place's context or near others
            return WEAK if inst and nxt_text not in self.lex.jurisdiction_titles else 1
        if nxt is not None and _capitalised(nxt) and ent_label[nxt.i] not in ("", "GPE", "LOC") and not inst:
            return False
        if inst:
            return WEAK if strong or best.population >= 800 or best.feature == "admin2" else 0
        if not (strong or best.population >= SCAN_MIN_POP):
            # a small place no entity covers, located from a known one ("X west of Aleppo"); without its
            # population, GeoNames knows many villages of the war reports only by name and point
            return WEAK if _small_known(best) and self._direction_of(doc, span.end) else 0
        return 1 if multi or strong or any(self._major(c, text) for c in entries) else WEAK

    def _propagate(self, doc: Doc, groups: list[Group]) -> None:
        """One sense per name, for finding too: once a name is a place in the document, its other
        occurrences are that place where the model missed them (a headline's "Glen Ellyn fire", "Hamilton
        women"), unless they belong to a longer name ("John Hamilton", "Hamilton Beach"), a team or firm's
        name, or a speaker's ("Hamilton said")."""
        label = {}
        for ent in self._doc_ents(doc):
            for i in range(ent.start, ent.end):
                label[i] = ent
        taken = {(m.start, m.end) for g in groups for m in g.mentions}
        spans = sorted(taken)
        text = doc.text  # `Doc.text` joins every token anew on each access
        for gi, form, s, e in name_occurrences(text, groups, self._lower_words):
            g = groups[gi]
            if any(a < e and s < b for a, b in spans[max(0, bisect_left(spans, (s, s)) - 2):
                                                  bisect_left(spans, (e, e)) + 1]):
                continue
            span = doc.char_span(s, e)
            if span is None or self._belongs_elsewhere(doc, span, label):
                continue
            g.mentions.append(Mention(s, e, form, g.key, "again", "GPE"))
            insort(spans, (s, e))

    def _belongs_elsewhere(self, doc: Doc, span: Span, label: dict) -> bool:
        i, e = span.start, span.end
        ent = label.get(i)
        if ent is not None and ent.label_ in ("PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "NORP") \
                and len(ent) > e - i:
            return True  # inside a longer name of a person or a work
        if i > 0 and _capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start and doc[i - 1].text not in "\"“‘'(":
            return True  # the tail of a longer capitalised name
        nxt = doc[e] if e < len(doc) else None
        if nxt is not None and (nxt.text in self.lex.named_after or nxt.lower_ in self.lex.named_after_lower):
            return True
        if self._team_like(doc, e):
            return True
        if nxt is not None and _capitalised(nxt) and nxt.ent_type_ in ("PERSON", "ORG", "PRODUCT") \
                and nxt.text not in self.lex.jurisdiction_titles \
                and nxt.text not in self.lex.institutions and nxt.lower_ not in self.lex.admin_words:
            return True  # the head of a longer name ("Amelia Crolley", "Titan Operating")
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 2].text == ",":
            return True  # a person's age in apposition ("Fisher, 26,")
        if self._lone_surname(doc, i, e, self.gaz.lookup(span.text)):
            return True  # the surname of someone named in full ("accused Holt"), though "in Holt" is the town
        return self._person_like(doc, i, e, self.gaz)

    @staticmethod
    def _group(mentions: list[Mention]) -> list[Group]:
        groups: dict[str, Group] = {}
        for m in mentions:
            if not m.key:
                continue
            groups.setdefault(m.key, Group(m.key)).mentions.append(m)
        return list(groups.values())


def _capitalised(tok) -> bool:
    return tok is not None and capitalised_text(tok.text)  # None: past the end of the document


def _in_upper_line(doc: Doc, i: int) -> bool:
    """Is token i next to another upper-case word (a headline or banner in capitals)?"""
    return any(0 <= j < len(doc) and doc[j].is_upper and len(doc[j]) > 1 for j in (i - 1, i + 1))


def _country_name(gaz: Gazetteer, text: str) -> bool:
    """Is the text a name or abbreviation of a country ("US", "Sri Lanka", "Vatican")?"""
    return any(c.feature == "country" for c in gaz.lookup(text))


def _small_known(e: Entry) -> bool:
    """A town of at least 500 people, or one whose population the gazetteer does not know (0: many villages of
    the war reports, which GeoNames holds by name and point alone)."""
    return e.population >= 500 or e.population == 0


def _tokens_of(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _is_title(token) -> bool:
    return _is_title_word(token.text)


def _is_title_word(word: str) -> bool:
    titles = entity_lexicon().titles
    return word.lower().rstrip(".") in titles or word.lower() in titles
