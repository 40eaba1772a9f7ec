"""Places component: find place mentions and put them on the map, offline.

Recognition (why beyond spaCy): the small model misses places inside longer names and after
direction words, and mislabels some (a lone town name is often tagged PERSON). So mentions come from
  1. entities labelled GPE / LOC / FAC (metonyms included: "Moscow accused" is still a place
     mention), trimmed of a leading lower-case direction word ("northern Latakia" -> "Latakia"),
     extended over a following division word ("Latakia province"), a hyphenated or preceding name
     part the model cut off ("KwaZulu-Natal", "Goz Beida") and an abbreviation's dot ("W.Va.");
  2. a gazetteer scan of capitalised token runs that no place entity covers, longest match first
     ("Istanbul chairman" -> Istanbul, "Uskudar office" -> Uskudar, "Turkmen Mountain"). Inside an
     organisation or person span a place counts when it heads an office, body or local paper named
     for the place it serves ("Laurel County Clerk", "Gainesville Public Utilities"), and not when the
     name is an institution named after it ("Sakarya University", "Paris High School"); a lone
     surname of someone the article names in full ("Moore") is not a place; neither are words the
     document also writes in lower case.
Demonyms (NORP "Turkish") are linked to a country but never emitted as places. Names no gazetteer
knows are dropped (a place without coordinates cannot go on a map).

Resolution in context: candidates from `claimgraph.gazetteer` scored by feature and population
priors; the document's country focus (other names' readings, demonyms; a name never votes for
itself) and first-level-division focus; containment hints both ways ("Alexandria, La.", "Syria's
Latakia province", "X in Y"; a list "Texas, New Mexico and Ohio" is not containment); spatial
support (towns named together lie together: other names with a reading in the same or a
neighbouring 1-degree cell, or inside a candidate state or country); closeness to the places
already settled. One sense per name per document; confidence is the winner's softmax share.

User gazetteers (CSV: name, aliases, lat, lon, country, feature) come from $CLAIMGRAPH_GAZETTEER
or the component config: `nlp.add_pipe("claimgraph_places", config={"gazetteer_files": [path]})`.

Leaves in `state.extra` for later components (the events component uses them):
  * "place_spans": sorted list of (start, end, place id), one per mention;
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
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.contract import Place
from claimgraph.data import read_text
from claimgraph.gazetteer import Entry, Gazetteer, key, load_gazetteer
from claimgraph.nlp.shared.entity_lexicon import load_lexicon as entity_lexicon
from claimgraph.nlp.state import DocState, get_state, report_failure

PLACE_LABELS = {"GPE", "LOC", "FAC"}
BLOCKING_LABELS = {"PERSON", "NORP", "GROUP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                   "ORDINAL", "QUANTITY", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
ADMIN_FEATURES = {"admin1", "admin2"}
MAX_CANDIDATES = 60
SCAN_MIN_POP = 20000  # a capitalised word no entity covers must be a sizeable place to count


@dataclass(frozen=True)
class PlaceLexicon:
    admin_words: frozenset[str]
    directions: frozenset[str]
    named_after: frozenset[str]
    named_after_lower: frozenset[str]
    jurisdiction_titles: frozenset[str]
    not_places: frozenset[str]
    not_place_phrases: frozenset[str]
    schools: frozenset[str]
    locative_preps: frozenset[str] = frozenset()
    norp_town_min_pop: int = 50000


@lru_cache(maxsize=1)
def load_lexicon() -> PlaceLexicon:
    data = json.loads(read_text("places_lexicon.json") or "{}")
    return PlaceLexicon(
        admin_words=frozenset(w.lower() for w in data["admin_words"]),
        directions=frozenset(w.lower() for w in data["directions"]),
        named_after=frozenset(data["named_after"]),
        named_after_lower=frozenset(data["named_after_lower"]),
        jurisdiction_titles=frozenset(data["jurisdiction_titles"]),
        not_places=frozenset(data["not_places"]),
        not_place_phrases=frozenset(data["not_place_phrases"]),
        schools=frozenset(data["schools"]),
        locative_preps=frozenset(w.lower() for w in data.get("locative_preps", [])),
        norp_town_min_pop=int(data.get("norp_town_min_pop", 50000)),
    )


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    source: str  # "ent" | "scan"
    label: str
    admin_hint: bool = False  # followed by / ends with a division word
    container: Mention | None = None  # "X, Y" / "Y's X" / "X in Y"
    container_strength: float = 0.0
    peers: list[Mention] = field(default_factory=list)  # its neighbours in a list "X, Y and Z"


@dataclass
class Group:
    """All mentions of one name in the document: resolved once (one sense per name)."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Entry] = field(default_factory=list)
    best: Entry | None = None
    confidence: float = 0.0


@Language.factory(
    "claimgraph_places",
    requires=["doc._.cg_entities", "doc.ents"],
    assigns=["doc._.cg_places"],
    default_config={"gazetteer_files": []},
)
def make_places(nlp: Language, name: str, gazetteer_files: list[str]) -> PlacesComponent:
    return PlacesComponent(gazetteer_files)


class PlacesComponent:
    """`claimgraph_places`: recognise, resolve and emit places; see the module docstring."""

    def __init__(self, gazetteer_files: list[str] | None = None) -> None:
        self.gazetteer_files = tuple(gazetteer_files or ())
        self.lex = load_lexicon()

    @property
    def gaz(self) -> Gazetteer:
        return load_gazetteer(self.gazetteer_files)  # cached per process

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text; places are optional
            report_failure(doc, "claimgraph_places", exc)
            if "place_at" not in state.extra:
                self._emit(state, "", [], [], [])  # empty lookups, so later components can rely on them
        return doc

    # -- recognition ------------------------------------------------------------------------------
    def _run(self, doc: Doc, state: DocState) -> None:
        gaz = self.gaz
        toks = list(doc)  # one pass: spaCy builds a Token object on every access
        self._caps = [_capitalised(t) for t in toks]
        self._hyphen = [t.text == "-" and not t.whitespace_ for t in toks]
        self._spaced = [bool(t.whitespace_) for t in toks]
        lower_words = {t.lower_ for t in toks if t.is_lower}
        # words of people's full names: a lone "Brown" or "Moore" later is that person, not a county
        self._name_words = {n.split()[-1] for ent in state.items["entities"] if ent.type == "PERSON"
                            for n in [ent.name, *ent.aliases] if len(n.split()) > 1}
        self._name_words |= {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        demonyms = self._demonyms(doc, gaz)
        mentions = self._entity_mentions(doc, gaz)
        taken = [False] * len(doc)
        for m in mentions:
            for t in _tokens_of(doc, m.start, m.end):
                taken[t] = True
        mentions += self._scan(doc, gaz, taken, lower_words)
        mentions.sort(key=lambda m: m.start)
        self._containers(doc, mentions)
        self._inner: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.container is not None:
                self._inner.setdefault(m.container.key, []).append(m)
        groups = self._group(mentions)
        focus = self._resolve(groups, demonyms, gaz, state)
        self._emit(state, doc.text, groups, demonyms, focus)

    def _demonyms(self, doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, str]]:
        out = []
        for ent in doc.ents:
            if ent.label_ == "NORP":
                iso2 = gaz.demonym(ent.text)
                if iso2:
                    out.append((ent.start_char, ent.end_char, iso2))
        return out

    def _entity_mentions(self, doc: Doc, gaz: Gazetteer) -> list[Mention]:
        out = []
        covered = 0
        for ent in doc.ents:
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
                    and doc[s - 1].ent_iob_ == "O" and doc[s - 1:e].text in gaz:
                s -= 1  # "Goz Beida" when the model only took "Beida"
            e = self._longer_name(doc, s, e, gaz)
            covered = e
            if e < len(doc) and doc[e].text == "." and not doc[e - 1].whitespace_ \
                    and not gaz.lookup(doc[s:e].text) and gaz.lookup(doc[s:e].text + "."):
                e += 1  # "W.Va." split as "W.Va" + "."
            span = doc[s:e]
            if span.text in self.lex.not_place_phrases:
                continue
            if e < len(doc) and doc[e].lower_ in self.lex.named_after_lower and not any(
                    c.feature in ("country", "admin1") for c in gaz.lookup(span.text)):
                continue  # "Marburg virus", "Minsk agreement" (but "United States flu season" is a place)
            if len(span) == 1 and span.text in self._name_words and not any(
                    c.feature in ("country", "admin1") or c.source != "geonames" for c in gaz.lookup(span.text)):
                continue  # a surname of someone the article names in full ("Nelson said")
            admin_hint = span[-1].lower_ in self.lex.admin_words
            nxt = doc[e] if e < len(doc) else None
            if nxt is not None and nxt.lower_ in self.lex.admin_words and not nxt.is_upper:
                e += 1
                admin_hint = True
            span = doc[s:e]
            if gaz.demonym(span.text) and span.text not in gaz:
                continue
            if ent.label_ == "FAC" and not gaz.lookup(span.text):
                continue  # buildings and roads we cannot place are not worth a mention
            out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "ent",
                               ent.label_, admin_hint=admin_hint))
        return out

    def _norp_place(self, doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
        """A NORP the tagger took for a people but that is a place: followed by a division word
        ("in Michoacan state") or the object of a locative preposition and a sizeable town
        ("seen in Adigrat"). A real demonym ("Kurdish region", "in Turkish") stays a NORP."""
        if ent.label_ != "NORP" or gaz.demonym(ent.text) or not ent.text[:1].isupper():
            return False
        cands = gaz.lookup(ent.text)
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and not nxt.is_upper and nxt.lower_ in self.lex.admin_words:
            return any(c.feature in ("admin1", "admin2") for c in cands)
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is None or prev.lower_ not in self.lex.locative_preps:
            return False
        return any(c.feature in ("admin1", "city") and c.population >= self.lex.norp_town_min_pop
                   for c in cands)

    def _longer_name(self, doc: Doc, s: int, e: int, gaz: Gazetteer) -> int:
        """Grow an entity over the next few tokens when the longer text is a gazetteer name and the
        entity alone is not: the tagger splits names with lower-case particles ("San Cristobal de" +
        "las Casas")."""
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
        while s < e and (doc[s].lower_ in ("the", "a", "an")
                         or (doc[s].is_lower and doc[s].lower_ in self.lex.directions)):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s", "'")):
            e -= 1
        if s >= e:
            return None
        return doc[s:e]

    def _scan(self, doc: Doc, gaz: Gazetteer, taken: list[bool], lower_words: set[str]) -> list[Mention]:
        """Capitalised runs that no place entity covers, matched against the gazetteer."""
        ent_label = [""] * len(doc)
        self._ent_start = list(range(len(doc)))
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_label[i] = ent.label_
                self._ent_start[i] = ent.start
        out: list[Mention] = []
        i, n = 0, len(doc)
        caps, hyphen, spaced = self._caps, self._hyphen, self._spaced
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
                                                    and not spaced[k - 1]))
                       for k in range(i, j)):
                    continue
                span = doc[i:j]
                hit = self._scan_accept(doc, span, gaz, ent_label, lower_words, i > run_start)
                if hit:
                    e = j
                    admin_hint = False
                    if e < n and doc[e].lower_ in self.lex.admin_words and not doc[e].is_title:
                        e += 1
                        admin_hint = True
                    span = doc[i:e]
                    out.append(Mention(span.start_char, span.end_char, span.text, key(span.text), "scan",
                                       "GPE", admin_hint=admin_hint))
                    for k in range(i, e):
                        taken[k] = True
                    i = e
                    matched = True
                    break
            if not matched:
                i += 1
        return out

    def _scan_accept(self, doc: Doc, span: Span, gaz: Gazetteer, ent_label: list[str],
                     lower_words: set[str], mid_run: bool = False) -> bool:
        text = span.text
        labels = {ent_label[k] for k in range(span.start, span.end)} - {""}
        multi = len(span) > 1
        if text in self.lex.named_after or text in self.lex.not_place_phrases:
            return False
        if not multi and (text in self.lex.not_places or (span[0].is_stop and not text.isupper())
                          or span[0].lower_ in lower_words
                          or len(text) < 3):
            return False
        if gaz.demonym(text):
            return False
        if labels & BLOCKING_LABELS - {"PERSON"}:
            return False
        entries = gaz.lookup(text)
        if not entries:
            return False
        best = max(entries, key=_prior)
        strong = best.source != "geonames" or best.feature in ("country", "admin1", "region", "landform", "water")
        if not multi and not labels and not strong and span[0].is_sent_start and span[0].pos_ != "PROPN":
            return False  # a lone capitalised word opening a sentence: only if it is a proper noun
        if mid_run and not strong and not labels:
            return False  # the tail of a longer capitalised name ("West Side Taco Bell")
        if not multi and text in self._name_words and not strong:
            return False  # a surname of someone the article names in full ("Brown", "Moore")
        if not multi and text.isupper() and len(text) <= 5 and not strong:
            return False  # an acronym ("FDA", "IRS"), not a town that happens to be spelt so
        nxt = doc[span.end] if span.end < len(doc) else None
        nxt_text = nxt.text if nxt is not None else ""
        if nxt_text in self.lex.named_after or (nxt is not None and nxt.lower_ in self.lex.named_after_lower):
            return False  # "Sakarya University", "Paris High School", "Marburg virus"
        if (best.feature in ("country", "admin1") and labels <= {"ORG"}
                and nxt_text not in self.lex.schools):
            return True  # "U.S. Geological Survey", "Texas Department of Health": the place is named
        inside = bool(labels)
        # the name opens its entity (after "the"/"a": "the Gainesville Public Utilities")
        # the name opens its entity, or follows "of" ("the Gainesville Public Utilities", "High Sheriff
        # of Cambridgeshire", "University of Hartford"), not "and" ("Food and Drug Administration")
        starts_ent = inside and (span.start == self._ent_start[span.start]
                                 or doc[span.start - 1].lower_ in ("the", "of"))
        if inside:
            # a name inside an ORG/PERSON span counts when it heads an office, body or local paper named
            # for the place it serves ("Laurel County Clerk", "Gainesville Public Utilities"), or when the
            # model took a lone place name for a person ("Alexandria woman charged")
            if "PERSON" in labels:
                whole = span.start == 0 or ent_label[span.start - 1] != "PERSON"
                whole = whole and (span.end == len(doc) or ent_label[span.end] != "PERSON")
                if whole and span.start > 0 and _is_title(doc[span.start - 1]):
                    return False  # "Secretary Kerry", "President Jackson": a person with a title
                if whole:  # the model took a lone place name for a person ("Alexandria woman")
                    return best.population >= 10000 or strong
                if not (starts_ent and nxt_text in self.lex.jurisdiction_titles):
                    return False
            elif "OUTLET" in labels:
                if _listed_outlet(doc, span.start):
                    return False  # "The New York Times" is a paper, not the city
                if not (starts_ent and nxt_text in self.lex.jurisdiction_titles):
                    return False  # "Gainesville Times" is local news from Gainesville; "Middle East Eye" no
            elif not (starts_ent and (nxt_text in self.lex.jurisdiction_titles or not _capitalised(nxt)
                                      or strong or best.population >= 100000)):
                return False  # "Vancouver Coastal Health Authority" names Vancouver; "Ripley Scout" no
            return strong or best.population >= 800 or best.feature == "admin2"
        if nxt is not None and _capitalised(nxt) and ent_label[nxt.i] not in ("", "GPE", "LOC"):
            return False
        return strong or best.population >= SCAN_MIN_POP

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
            elif between.strip().lower() in ("in", "near", "outside", "of"):
                a.container, a.container_strength = b, 2.0

    @staticmethod
    def _group(mentions: list[Mention]) -> list[Group]:
        groups: dict[str, Group] = {}
        for m in mentions:
            if not m.key:
                continue
            groups.setdefault(m.key, Group(m.key)).mentions.append(m)
        return list(groups.values())

    # -- resolution -------------------------------------------------------------------------------
    def _candidates(self, g: Group, gaz: Gazetteer) -> list[Entry]:
        text = g.mentions[0].text
        # a bare "Brown" is not Brown County: second-order divisions only under their own name
        cands = gaz.lookup(text)
        words = text.split()
        if len(words) > 1 and words[-1].lower() in self.lex.admin_words:
            base = " ".join(words[:-1])
            admins = [e for e in gaz.lookup(base) if e.feature in ADMIN_FEATURES | {"region", "landform"}]
            if not cands:
                cands = admins or gaz.lookup(base)
        if len(cands) > MAX_CANDIDATES:
            cands = sorted(cands, key=_prior, reverse=True)[:MAX_CANDIDATES]
        return cands

    def _resolve(self, groups: list[Group], demonyms: list[tuple[int, int, str]], gaz: Gazetteer,
                 state: DocState) -> list[tuple[str, float]]:
        for g in groups:
            g.candidates = self._candidates(g, gaz)
        # pass 1: priors only, to find the document's focus
        self._support: dict[tuple[str, str], int] = {}
        self._by_key: dict[str, Group] = {}
        for g in groups:
            self._pick(g, {}, {}, [])
        admin_focus: Counter[tuple[str, str]] = Counter()
        for g in groups:
            if g.best is not None and g.best.feature == "admin1" and g.confidence >= 0.5:
                admin_focus[(g.best.country or "", g.best.name)] += len(g.mentions)
        # pass 2: focus + containment; pass 3: + closeness to the other places
        for g in groups:
            self._pick(g, dict(self._focus(groups, demonyms, skip=g)), admin_focus, [])
        self._support = _support(groups)
        self._by_key = {g.key: g for g in groups}
        anchors = [(g.key, g.best) for g in groups if g.best is not None and g.confidence >= 0.6
                   and g.best.feature in ("city", "admin2", "district")]
        for g in groups:
            self._pick(g, dict(self._focus(groups, demonyms, skip=g)), admin_focus,
                       [b for k, b in anchors if k != g.key])
        return self._focus(groups, demonyms)

    @staticmethod
    def _focus(groups: list[Group], demonyms: list[tuple[int, int, str]],
               skip: Group | None = None) -> list[tuple[str, float]]:
        """Share of the document's place evidence per country (without `skip`'s own votes)."""
        votes: Counter[str] = Counter()
        for g in groups:
            if g is not skip and g.best is not None and g.best.country:
                w = 1.0 if g.best.feature == "country" else 0.7 * g.confidence
                votes[g.best.country] += w * len(g.mentions)
        for _s, _e, iso2 in demonyms:
            votes[iso2] += 0.5
        total = sum(votes.values()) or 1.0
        return [(c, v / total) for c, v in votes.most_common()]

    def _pick(self, g: Group, focus: dict[str, float], admin_focus: Counter, anchors: list[Entry]) -> None:
        if not g.candidates:
            g.best, g.confidence = None, 0.0
            return
        admin_hint = any(m.admin_hint for m in g.mentions)
        containers = [(m.container, m.container_strength) for m in g.mentions if m.container is not None]
        contained = [(m, m.container_strength) for m in self._inner.get(g.key, [])]
        admin_pop = {(c.country, key(c.name)): c.population for c in g.candidates if c.feature == "admin1"}
        # items of one list are of one kind: "Texas, Nebraska and Oregon" are all states
        kinds = Counter(p.best.feature for m in g.mentions for q in m.peers
                        if (p := self._by_key.get(q.key)) is not None and p is not g and p.best is not None
                        and p.confidence >= 0.6)
        list_kind = kinds.most_common(1)[0][0] if kinds else None
        scores = []
        for c in g.candidates:
            s = _prior(c)
            if key(c.name) == g.key:
                s += 1.0  # called by its own name, not an old or foreign one ("Berea" is not Aleppo)
            if c.feature == "city" and c.population * 10 >= admin_pop.get((c.country, key(c.name)), 10**12):
                s += 0.8  # "Istanbul", "Moscow": the city rather than its same-name province
            s += 1.2 * min(self._support.get((g.key, c.gid), 0), 3)
            if list_kind is not None and c.feature == list_kind:
                s += 2.0
            if admin_hint and c.feature in ADMIN_FEATURES:
                s += 3.0
            if c.country and focus:
                s += 5.0 * focus.get(c.country, 0.0) ** 0.5
            if c.admin1 and admin_focus and c.feature != "admin1":
                if admin_focus.get((c.country or "", c.admin1)):
                    s += 2.0
            for cont, strength in containers:
                s += strength * _contained(c, cont, self)
            for inner, strength in contained:  # "Atlanta, Georgia": Georgia is the one holding an Atlanta
                s += 0.75 * strength * _holds(c, inner, self)
            if anchors:
                if c.feature == "country":  # "Mexico" among Mexican towns is the country, not the capital
                    s += 2.0 if any(a.country == c.country for a in anchors) else 0.0
                elif c.feature == "admin1" and any(a.country == c.country and a.admin1 == c.name for a in anchors):
                    s += 2.0
                else:
                    d = min(_km(c.lat, c.lon, a.lat, a.lon) for a in anchors)
                    s += 2.0 if d <= 80 else 1.0 if d <= 250 else 0.0
            scores.append(s)
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        i = scores.index(top)
        g.best, g.confidence = g.candidates[i], round(max(0.05, min(0.99, 1.0 / z)), 3)

    # -- output -----------------------------------------------------------------------------------
    def _emit(self, state: DocState, text: str, groups: list[Group], demonyms: list[tuple[int, int, str]],
              focus: list[tuple[str, float]]) -> None:
        by_place: dict[str, Place] = {}
        spans: list[tuple[int, int, str]] = []
        for g in sorted(groups, key=lambda g: g.mentions[0].start):
            b = g.best
            if b is None:
                continue  # a name no gazetteer knows: usually not a place ("United Way"); no point on a map
            place = by_place.get(b.gid)
            if place is None:
                place = Place(
                    id=state.new_id("places"), name="", mentions=[],
                    lat=round(b.lat, 5), lon=round(b.lon, 5), country=b.country, admin1=b.admin1,
                    feature=_feature(b, g), gazetteer_id=b.gid, confidence=g.confidence,
                )
                by_place[b.gid] = state.add("places", place)
            for m in g.mentions:
                place.mentions.append((m.start, m.end))
                spans.append((m.start, m.end, place.id))
        for place in by_place.values():
            place.mentions.sort()
            place.name = _display_name([text[s:e] for s, e in place.mentions])
        spans.sort()
        state.extra["place_spans"] = spans
        state.extra["place_at"] = _place_at(spans)
        state.extra["places_in"] = _places_in(spans)
        state.extra["demonyms"] = demonyms
        state.extra["demonym_country"] = _demonym_at(demonyms)
        state.extra["country_focus"] = focus


# -- helpers --------------------------------------------------------------------------------------
def _capitalised(tok) -> bool:
    if tok is None:  # past the end of the document
        return False
    t = tok.text
    return bool(t) and t[0].isupper() and (t[1:].islower() or len(t) == 1 or t.isupper() and len(t) > 1
                                           or "-" in t or "'" in t or any(c.islower() for c in t[1:]))


def _tokens_of(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _prior(e: Entry) -> float:
    pop = math.log10(e.population + 1)
    if e.feature == "country":
        return 2.5 + max(pop, 5.0)
    if e.source != "geonames" and not (e.feature == "city" and e.population > 0):
        # curated places win; a supplement town given with its population competes like any town
        return 10.0 if e.feature in ("region", "landform", "water") else 3.0 + max(pop, 4.0)
    if e.feature == "region":  # continents
        return 10.5
    if e.feature == "admin1":
        return pop + 0.3
    if e.feature == "admin2":
        return pop - 1.5
    return pop


def _contained(c: Entry, cont: Mention, comp: PlacesComponent) -> float:
    """1 when candidate c lies in the container's best reading (country, division or nearby)."""
    entries = comp.gaz.lookup(cont.text)
    if not entries:
        return 0.0
    best = 0.0
    for y in entries:
        if y.feature == "country" and c.country == y.country:
            best = max(best, 1.0)
        elif y.feature == "admin1" and c.country == y.country and c.admin1 == y.name:
            best = max(best, 1.0)
        elif _km(c.lat, c.lon, y.lat, y.lon) <= 60 and c.gid != y.gid:
            best = max(best, 0.7)
    return best


SUPPORT_TOP = 25
LOCAL_FEATURES = ("city", "admin2", "district", "landform", "water", "facility")


def _cells(e: Entry) -> tuple[int, int]:
    return (math.floor(e.lat), math.floor(e.lon))


def _support(groups: list[Group]) -> dict[tuple[str, str], int]:
    """For each local candidate, how many other names in the document have a local reading in the
    same or a neighbouring 1-degree cell: towns named together lie together ("Paris" next to
    "Henry County" is Paris, Tennessee)."""
    cell_groups: dict[tuple[int, int], set[str]] = {}
    tops: dict[str, list[Entry]] = {}  # the readings each name lends as support
    for g in groups:
        local = [c for c in g.candidates if c.feature in LOCAL_FEATURES]
        tops[g.key] = sorted(local, key=_prior, reverse=True)[:SUPPORT_TOP]
    lends: dict[str, list[Entry]] = {}
    for g in groups:
        if g.best is not None and (g.confidence >= 0.6 or g.best.feature not in LOCAL_FEATURES):
            lends[g.key] = [g.best]  # a settled name lends only its reading ("Missouri" the state)
        else:
            lends[g.key] = tops[g.key]
        for c in lends[g.key]:
            if c.feature in LOCAL_FEATURES:
                cell_groups.setdefault(_cells(c), set()).add(g.key)
    in_admin: dict[tuple[str | None, str | None], set[str]] = {}
    in_country: dict[str | None, set[str]] = {}
    for gk, cands in lends.items():
        for c in cands:
            in_admin.setdefault((c.country, c.admin1), set()).add(gk)
            in_country.setdefault(c.country, set()).add(gk)
    out: dict[tuple[str, str], int] = {}
    for g in groups:  # a state or country is supported by the names that can lie inside it
        for c in g.candidates:
            if c.feature == "admin1":
                n = len(in_admin.get((c.country, c.name), set()) - {g.key})
            elif c.feature == "country":
                n = len(in_country.get(c.country, set()) - {g.key})
            else:
                continue
            if n:
                out[(g.key, c.gid)] = n
    for gk, cands in tops.items():
        for c in cands:
            la, lo = _cells(c)
            near: set[str] = set()
            for dla in (-1, 0, 1):
                for dlo in (-1, 0, 1):
                    near |= cell_groups.get((la + dla, lo + dlo), set())
            near.discard(gk)
            if near:
                out[(gk, c.gid)] = len(near)
    return out


def _holds(y: Entry, inner: Mention, comp: PlacesComponent) -> float:
    """1 when some reading of the inner mention lies in candidate container y."""
    if y.feature not in ("country", "admin1", "admin2"):
        return 0.0
    for c in comp.gaz.lookup(inner.text)[:MAX_CANDIDATES]:
        if c.gid == y.gid:
            continue
        if y.feature == "country" and c.country == y.country:
            return 1.0
        if y.feature == "admin1" and c.country == y.country and c.admin1 == y.name:
            return 1.0
        if y.feature == "admin2" and _km(c.lat, c.lon, y.lat, y.lon) <= 60:
            return 0.7
    return 0.0


def _feature(b: Entry, g: Group) -> str:
    return b.feature if b.feature != "region" or b.source != "geonames" else "region"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


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
    def places_in(start: int, end: int) -> list[str]:
        out: list[str] = []
        for s, e, pid in spans:
            if start <= s and e <= end and pid not in out:
                out.append(pid)
        return out

    return places_in


def _demonym_at(demonyms: list[tuple[int, int, str]]) -> Callable[[int, int], str | None]:
    def demonym_country(start: int, end: int) -> str | None:
        for s, e, iso2 in demonyms:
            if min(e, end) > max(s, start):
                return iso2
        return None

    return demonym_country


__all__ = ["PlacesComponent", "make_places", "load_lexicon"]


def _possessive_container(between: str, directions) -> bool:
    """"Syria's Latakia", "Syria's northern Latakia": the first place contains the second."""
    words = between.strip().replace("’", "'").split()
    if not words or words[0] != "'s":
        return between in ("'s ", "’s ")
    return all(w.lower() in directions for w in words[1:])


def _is_title(token) -> bool:
    return token.lower_.rstrip(".") in entity_lexicon().titles or token.lower_ in entity_lexicon().titles


def _listed_outlet(doc: Doc, i: int) -> bool:
    """Whether token i lies in an entity that the outlet list names (data/outlets.tsv)."""
    outlets = entity_lexicon().outlets
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            text = ent.text
            return text in outlets or text.removeprefix("The ").removeprefix("the ") in outlets
    return False


def _display_name(mentions: list[str]) -> str:
    """The name as the article writes it most: "North Korea" over one "N. Korea", "Flint" over "FLINT"."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m] = counts.get(m, 0) + 1
    return max(counts, key=lambda t: (not t.isupper() or len(t) <= 3, "." not in t, counts[t], len(t)))
