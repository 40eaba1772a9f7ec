"""Places component: find place mentions and put them on the map, offline.

Recognition (why beyond spaCy): the small model misses places inside longer names and after
direction words, and mislabels some (a lone town name is often tagged PERSON). Every mention of a
place name counts, whatever its role (issue 17): metonyms ("Moscow accused"), modifiers ("the Aleppo
offensive"), names embedded in longer ones ("Aleppo University" -> Aleppo). So mentions come from
  1. entities labelled GPE / LOC / FAC, trimmed of a leading direction word ("northern Latakia",
     "North Texas" -> Texas when the gazetteer knows the rest and not the whole), extended over a
     following division word ("Latakia province"), a hyphenated or preceding name part the model cut
     off ("KwaZulu-Natal", "Goz Beida") and an abbreviation's dot ("W.Va.");
  2. datelines ("HAMILTON --", "MOUNT GILEAD (AP) --"): where the story was filed, flagged as such;
  3. names listed before a plural division word ("Barrow, Jackson and Madison counties");
  4. a gazetteer scan of capitalised token runs that no place entity covers, longest match first
     ("Istanbul chairman" -> Istanbul, "Turkmen Mountain"). Inside an organisation or person span a
     place counts when it heads an office, body or paper named for the place it serves ("Laurel County
     Clerk"), or a school, court or site named for the place it is in ("Sakarya University"), or
     follows a hyphen after a place or a party's letter ("Fargo-Moorhead", "D-Charleston"); not in a
     team's or firm's name ("Carolina Panthers", "Stevens & Wilkinson"), as a speaker ("Nelson said"),
     as a surname of someone named in full, or as a word the document also writes in lower case;
  5. named sites no gazetteer holds, by their head word (`sites`: "Neches River", "Highway 19"), and villages no
     gazetteer holds, by a settlement noun ("the village of X", "X village"), placed at their container like sites;
  6. the other occurrences of a name already found to be a place (one sense per name, for finding too).
Evidence for a weak candidate (a lone name the model took for a person, a name embedded in a school's):
a place's context ("in X", "the village of X", "X, Y", "X residents") or places named nearby
(`resolution._drop_unsupported`); without either it is dropped. Demonyms (NORP "Turkish") are linked
to a country here, not made places events could read as where something happened; `demonyms` adds them to
their country's place after events. Other names no gazetteer knows are dropped.
The steps: `recognition`, `sites`.

Resolution in context: candidates from `claimgraph.gazetteer` scored by feature and population
priors; the document's country focus (other names' readings, demonyms; a name never votes for
itself) and first-level-division focus; containment hints both ways ("Alexandria, La.", "Syria's
Latakia province", "X in Y"; a list "Texas, New Mexico and Ohio" is not containment); spatial
support (towns named together lie together: other names with a reading in the same or a
neighbouring 1-degree cell, or inside a candidate state or country); closeness to the places
already settled. Nearness alone is capped for a town a hundred times smaller than a famous reading of its
name (a country, a state, a big city of the document's country): "Egypt", "Florida", "Denver" named beside
the story's towns stay the country, the state, the city, unless a container says otherwise. One sense per
name per document; confidence is the winner's softmax share.
The steps: `resolution`.

User gazetteers (CSV: name, aliases, lat, lon, country, feature) come from $CLAIMGRAPH_GAZETTEER
or the component config: `nlp.add_pipe("claimgraph_places", config={"gazetteer_files": [path]})`.

Leaves in `state.extra` for later components (the events component uses them):
  * "place_spans": sorted list of (start, end, place id), one per mention;
  * "dateline_places": (start, end, place id) of the mentions that are a story's dateline ("HAMILTON --"):
    where the report was filed, which is not evidence of where its events happened;
  * "place_at": function (start, end) -> id of the place whose mention overlaps [start, end) most,
    or None;
  * "places_in": function (start, end) -> ids of places with a mention inside [start, end), in
    text order (e.g. the places of one sentence or clause);
  * "demonyms": list of (start, end, ISO2) for NORP mentions that name a nationality, and
    "demonym_country": function (start, end) -> ISO2 or None;
  * "country_focus": list of (ISO2, weight) for the document, strongest first.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.attrs import IS_LOWER, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.contract import Place
from claimgraph.gazetteer import Entry, Gazetteer, key, load_gazetteer
from claimgraph.nlp.places.forms import elided_names, headline_flags
from claimgraph.nlp.places.lexicon import (
    Group,
    Mention,
    load_lexicon,
)
from claimgraph.nlp.places.recognition import Recognition, _is_title_word, _tokens_of
from claimgraph.nlp.places.resolution import Resolution
from claimgraph.nlp.places.sites import Sites
from claimgraph.nlp.shared.columns import lower_strings
from claimgraph.nlp.shared.text import capitalised_text, token_texts
from claimgraph.nlp.state import DocState, get_state, report_failure


@Language.factory(
    "claimgraph_places",
    requires=["doc._.cg_entities", "doc.ents"],
    assigns=["doc._.cg_places"],
    default_config={"gazetteer_files": []},
)
def make_places(nlp: Language, name: str, gazetteer_files: list[str]) -> PlacesComponent:
    return PlacesComponent(gazetteer_files)


class PlacesComponent(Recognition, Resolution, Sites):
    """`claimgraph_places`: recognise, resolve and emit places; see the module docstring."""

    def __init__(self, gazetteer_files: list[str] | None = None) -> None:
        self.gazetteer_files = tuple(gazetteer_files or ())
        self.lex = load_lexicon()
        self._gaz: Gazetteer | None = None

    @property
    def gaz(self) -> Gazetteer:
        """The gazetteer of the document being analysed, looked up once per document in `_run` (the look-up reads
        $CLAIMGRAPH_GAZETTEER, so per mention it was a hot path); the process-wide one outside a run."""
        return self._gaz if self._gaz is not None else load_gazetteer(self.gazetteer_files)

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text; places are optional
            report_failure(doc, "claimgraph_places", exc)
            if "place_at" not in state.extra:
                self._emit(state, "", [], [], [])  # empty lookups, so later components can rely on them
        finally:
            self._ents_of = None  # the document's entities are read once per run (`_doc_ents`); not kept after
        return doc

    def _run(self, doc: Doc, state: DocState) -> None:
        gaz = self._gaz = load_gazetteer(self.gazetteer_files)  # cached per process
        # the token columns (no Token per token): texts, whether a space follows, lower-case forms
        texts, spaced = token_texts(doc), doc.to_array(SPACY).astype(bool).tolist()
        self._caps = [capitalised_text(t) for t in texts]
        self._hyphen = [t == "-" and not sp for t, sp in zip(texts, spaced, strict=True)]
        self._spaced = spaced
        self._headline = headline_flags(doc)
        lower_words = {w for w, low in zip(lower_strings(doc), doc.to_array(IS_LOWER).tolist(), strict=True) if low}
        self._lower_words = lower_words
        # words of people's full names: a lone "Brown" or "Moore" later is that person, not a county
        # (not from a headline the model read as one long name: "Mayor Joins Race In Springfield")
        self._name_words = {words[-1] for ent in state.items["entities"] if ent.type == "PERSON"
                            for n in [ent.name, *ent.aliases] if 1 < len(words := _untitled(n.split())) <= 3}
        self._name_words |= {ent[-1].text for ent in self._doc_ents(doc) if ent.label_ == "PERSON"
                             and 1 < len(_untitled([t.text for t in ent if not t.is_punct])) <= 3}
        # a person's name the model typed an organisation ("the moderator, Lester Holt"): its surname too, and its
        # words are no place embedded in an organisation's name
        self._person_tokens: set[int] = set()
        for span in self._mistyped_persons(doc, gaz):
            self._name_words.add(span[-1].text)
            self._person_tokens.update(range(span.start, span.end))
        # family names with the Arabic article of people named in full ("Leys al-Faris"): a later "Al-Faris"
        # is that person, not a place of that name
        self._family_names = _family_names([n for ent in state.items["entities"] if ent.type == "PERSON"
                                            for n in [ent.name, *ent.aliases]]
                                           + [ent.text for ent in self._doc_ents(doc) if ent.label_ == "PERSON"],
                                           self.lex.name_articles)
        demonyms = self._demonyms(doc, gaz)
        datelines = self._datelines(doc, gaz)
        mentions = [m for m in self._entity_mentions(doc, gaz)
                    if not any(m.start < d.end and d.start < m.end for d in datelines)] + datelines
        taken = [False] * len(doc)
        for m in mentions:
            for t in _tokens_of(doc, m.start, m.end):
                taken[t] = True
        mentions += self._division_lists(doc, gaz, taken, mentions)
        mentions += self._scan(doc, gaz, taken, lower_words)
        mentions += self._settlement_scan(doc, gaz, taken)
        mentions += self._site_scan(doc, taken)
        mentions += elided_names(doc, mentions, gaz, self.lex.directions, self._doc_ents(doc))
        # a place's name is capitalised: in normally cased text a lower-case word the model tagged ("cheddar cheese")
        # names none; text written all in lower case ("fire in texas") keeps its places
        if any(not any(ch.isupper() for ch in m.text) for m in mentions) \
                and _normally_cased(doc, self._doc_ents(doc)):  # (only asked when some mention lacks a capital)
            mentions = [m for m in mentions if any(ch.isupper() for ch in m.text)]
        mentions.sort(key=lambda m: m.start)
        self._containers(doc, mentions)
        self._mark_locative(doc, mentions)
        # "aliens invading Earth", "analysts at Jupiter": a planet names a town only in a place's context
        mentions = [m for m in mentions if m.locative or m.text.removeprefix("the ") not in self.lex.celestial_bodies]
        self._inner: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.container is not None and not m.container_near:  # "X west of Y" says nothing of what Y is
                self._inner.setdefault(m.container.key, []).append(m)
        groups = self._group(mentions)
        # an ethnic group's name ("Turkmen rebels" in Syria) votes for no country and names its namesake
        # state only when the document names a place there ("Turkmen officials in Ashgabat")
        ethnic = [d for d in demonyms if doc.text[d[0]:d[1]].lower() in self.lex.ethnic_demonyms]
        demonyms = [d for d in demonyms if d not in ethnic]
        focus = self._resolve(groups, demonyms, gaz, state)
        named = {g.best.country for g in groups if g.best is not None}
        demonyms = sorted(demonyms + [d for d in ethnic if d[2] in named])
        self._site_in_focus(groups, demonyms)
        self._drop_unsupported(groups)
        if self._drop_strays(groups):
            focus = self._focus(groups, demonyms)  # sites take the main town of the country the story is about
        self._place_sites(groups, focus)
        self._propagate(doc, groups)
        spans = sorted((m.start, m.end) for g in groups if g.best is not None for m in g.mentions)
        demonyms = [d for d in demonyms if not _overlaps(spans, d[0], d[1])]  # "French" of "French Guiana"
        self._emit(state, doc.text, groups, demonyms, focus)

    def _emit(self, state: DocState, text: str, groups: list[Group], demonyms: list[tuple[int, int, str]],
              focus: list[tuple[str, float]]) -> None:
        by_place: dict[str, Place] = {}
        spans: list[tuple[int, int, str]] = []
        datelines: list[tuple[int, int, str]] = []
        for g in sorted(groups, key=lambda g: g.mentions[0].start):
            b = g.best
            if b is None:
                continue  # a name no gazetteer knows: usually not a place ("United Way"); no point on a map
            place = by_place.get(b.gid)
            if place is None:
                place = Place(
                    id=state.new_id("places"), name="", mentions=[],
                    lat=round(b.lat, 5), lon=round(b.lon, 5), country=b.country, admin1=b.admin1,
                    feature=_feature(b, g), gazetteer_id=None if b.source == "site" else b.gid,
                    confidence=g.confidence,
                )
                by_place[b.gid] = state.add("places", place)
            for m in g.mentions:
                place.mentions.append((m.start, m.end))
                spans.append((m.start, m.end, place.id))
                if m.dateline:
                    datelines.append((m.start, m.end, place.id))
        for place in by_place.values():
            place.mentions.sort()
            place.name = _display_name([text[s:e] for s, e in place.mentions])
        spans.sort()
        state.extra["place_spans"] = spans
        state.extra["dateline_places"] = datelines
        state.extra["place_at"] = _place_at(spans)
        state.extra["places_in"] = _places_in(spans)
        state.extra["demonyms"] = demonyms
        state.extra["demonym_country"] = _demonym_at(demonyms)
        state.extra["country_focus"] = focus


#: entity labels of names, whose first word normally cased text capitalises
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def _normally_cased(doc: Doc, ents: tuple[Span, ...]) -> bool:
    """Does the text capitalise as English prose does? Most of its sentence starts and names open with a capital
    letter; a post, transcript or feed written in lower case does not, and its places are lower-case too."""
    sents = doc.sents if doc.has_annotation("SENT_START") else ()  # a user's pipeline may have no parser
    firsts = [next((t.text for t in sent if t.is_alpha), "") for sent in sents]
    firsts += [ent[0].text for ent in ents if ent.label_ in NAME_LABELS]
    words = [w for w in firsts if w[:1].isalpha()]
    return not words or 2 * sum(w[0].isupper() for w in words) > len(words)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, non-nested `spans`?"""
    i = bisect.bisect_left(spans, (start, start))
    return any(s < end and start < e for s, e in spans[max(0, i - 1):i + 1])


def _family_names(names: list[str], articles: frozenset[str]) -> set[str]:
    """The family names, without their article, of names with a given name before the Arabic article ("Leys
    al-Faris", "Dr Samir al-Hassan" -> "faris", "hassan")."""
    out = set()
    for n in names:
        words = key(" ".join(_untitled(n.split()))).split()
        k = next((i for i, w in enumerate(words) if w in articles), 0)
        if 0 < k < len(words) - 1 and len(words) <= 4:
            out.add(" ".join(w for w in words[k:] if w not in articles))
    return out


def _untitled(words: list[str]) -> list[str]:
    """A name's words without the titles in front ("Patrolman John Smith" -> John Smith)."""
    i = 0
    while i < len(words) - 1 and _is_title_word(words[i]):
        i += 1
    return words[i:]


def _feature(b: Entry, g: Group) -> str:
    return b.feature if b.feature != "region" or b.source != "geonames" else "region"


def _place_at(spans: list[tuple[int, int, str]]) -> Callable[[int, int], str | None]:
    starts = [s for s, _e, _p in spans]

    def place_at(start: int, end: int) -> str | None:
        best, best_ov = None, 0
        i = bisect.bisect_left(starts, end)
        for s, e, pid in spans[max(0, i - 20):i]:
            ov = min(e, end) - max(s, start)
            if ov > best_ov:
                best, best_ov = pid, ov
        return best

    return place_at


def _places_in(spans: list[tuple[int, int, str]]) -> Callable[[int, int], list[str]]:
    starts = [s for s, _e, _p in spans]

    def places_in(start: int, end: int) -> list[str]:
        out: dict[str, None] = {}  # ordered, and a look-up per mention, not a scan of those found
        for _s, e, pid in spans[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]:
            if e <= end:
                out.setdefault(pid)
        return list(out)

    return places_in


def _demonym_at(demonyms: list[tuple[int, int, str]]) -> Callable[[int, int], str | None]:
    ends = [e for _s, e, _c in demonyms]  # entities: in text order and disjoint, so their ends rise too

    def demonym_country(start: int, end: int) -> str | None:
        i = bisect.bisect_right(ends, start)  # the first that ends after `start`
        if i < len(demonyms) and demonyms[i][0] < end and end > start:
            return demonyms[i][2]
        return None

    return demonym_country


def _display_name(mentions: list[str]) -> str:
    """The name as the article writes it most: "North Korea" over one "N. Korea", "Flint" over "FLINT"."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m] = counts.get(m, 0) + 1
    return max(counts, key=lambda t: (not t.isupper() or len(t) <= 3, "." not in t, counts[t], len(t)))
