"""What the places component knows and works on: its lexicon (places_lexicon.json), mentions and name groups."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.data import read_rows, read_text
from claimgraph.gazetteer import Entry

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
    institutions: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    place_followers: frozenset[str] = frozenset()
    settlement_nouns: frozenset[str] = frozenset()  # "Mare city", "X village": a settlement's name before them
    site_nouns: frozenset[str] = frozenset()  # "the X mine", "X refugee camps": a site at the place named before
    place_site_nouns: frozenset[str] = frozenset()  # "X refugee camps": site nouns only places name
    party_letters: frozenset[str] = frozenset()
    site_heads: dict[str, dict[str, str]] = field(default_factory=dict)
    site_heads_over_person: frozenset[str] = frozenset()
    street_preps: frozenset[str] = frozenset()
    site_plurals: dict[str, str] = field(default_factory=dict)  # "streets" -> "Street": "Elm and Oak streets"
    division_plurals: dict[str, str] = field(default_factory=dict)
    metonymy_min_pop: int = 500000
    locative_preps: frozenset[str] = frozenset()
    norp_town_min_pop: int = 50000
    calendar_names: frozenset[str] = frozenset()
    date_weekdays: frozenset[str] = frozenset()  # "Mon 12 Oct": a weekday before a date is no place ("Mon" State)
    months: frozenset[str] = frozenset()  # month names and abbreviations, lower case (times_lexicon.tsv)
    name_articles: frozenset[str] = frozenset()
    rubrics: frozenset[str] = frozenset()  # "UPDATE:", "CORRECTION:": a page's rubric, never a colon dateline
    ethnic_demonyms: frozenset[str] = frozenset()  # "Turkmen", "Kurdish": a people across borders (lower case)
    #: news spellings of Arabic vowels and their gazetteer forms ("ou" -> "u", "ei" -> "ay"; then "e" -> "i"), and
    #: the countries whose place names they are tried for (`forms.romanised_variants`)
    romanised_digraphs: tuple[tuple[str, str], ...] = ()
    romanised_vowels: tuple[tuple[str, str], ...] = ()
    romanised_countries: frozenset[str] = frozenset()
    employer_roles: frozenset[str] = frozenset()  # "a manager at X": X the model took for a firm is an employer
    celestial_bodies: frozenset[str] = frozenset()  # "Earth", "Jupiter": a town of the name only in a place's context
    person_roles: frozenset[str] = frozenset()  # "the anchor, X Y": a name beside one is a person's, whatever its type
    place_marking_preps: frozenset[str] = frozenset()  # "in X": a place even where X is someone's surname too
    complement_in_heads: frozenset[str] = frozenset()  # "trust in X": 'in' brings the word's complement, no place
    #: one-word event triggers (event_triggers.tsv, read as data): a town that is their object ("shelled X", "X was
    #: bombed") is where something happened, kept whatever else the document names (`Resolution._drop_strays`)
    event_words: frozenset[str] = frozenset()


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
        institutions=frozenset(data.get("institutions", [])),
        speech_verbs=frozenset(data.get("speech_verbs", [])),
        place_nouns=frozenset(data.get("place_nouns", [])),
        place_followers=frozenset(data.get("place_followers", [])),
        settlement_nouns=frozenset(data.get("settlement_nouns", [])),
        site_nouns=frozenset(data.get("site_nouns", [])),
        place_site_nouns=frozenset(data.get("place_site_nouns", [])),
        party_letters=frozenset(data.get("party_letters", [])),
        site_heads={k: dict(v) for k, v in data.get("site_heads", {}).items()},
        site_heads_over_person=frozenset(data.get("site_heads_over_person", [])),
        street_preps=frozenset(data.get("street_preps", [])),
        site_plurals=dict(data.get("site_plurals", {})),
        division_plurals=dict(data.get("division_plurals", {})),
        metonymy_min_pop=int(data.get("metonymy_min_pop", 500000)),
        locative_preps=frozenset(w.lower() for w in data.get("locative_preps", [])),
        norp_town_min_pop=int(data.get("norp_town_min_pop", 50000)),
        calendar_names=frozenset(data.get("calendar_names", [])),
        date_weekdays=frozenset(data.get("date_weekdays", [])),
        # the months the times component knows (one list for both: a date is neither a time nor a place twice)
        months=frozenset(r[1].strip().lower() for r in read_rows("times_lexicon.tsv", header=False)
                         if len(r) > 1 and r[0].strip() == "month"),
        name_articles=frozenset(w.lower() for w in data.get("name_articles", [])),
        ethnic_demonyms=frozenset(w.lower() for w in data.get("ethnic_demonyms", [])),
        romanised_digraphs=tuple(data.get("romanised_arabic", {}).get("digraphs", {}).items()),
        romanised_vowels=tuple(data.get("romanised_arabic", {}).get("vowels", {}).items()),
        romanised_countries=frozenset(data.get("romanised_arabic", {}).get("countries", [])),
        employer_roles=frozenset(w.lower() for w in data.get("employer_roles", [])),
        celestial_bodies=frozenset(data.get("celestial_bodies", [])),
        person_roles=frozenset(w.lower() for w in data.get("person_roles", [])),
        place_marking_preps=frozenset(w.lower() for w in data.get("place_marking_preps", [])),
        complement_in_heads=frozenset(w.lower() for w in data.get("complement_in_heads", [])),
        # the rubric words attribution reads (one list for both: a rubric is neither a speaker nor a dateline)
        rubrics=frozenset(r[0].strip().lower() for r in read_rows("attribution_words.tsv")
                          if len(r) > 1 and r[1].strip() == "rubric"),
        event_words=_event_words(),
    )


def _event_words() -> frozenset[str]:
    """The one-word patterns of event_triggers.tsv ("shell", "bomb|bombard", "=overran"), as lemmas or forms."""
    out: set[str] = set()
    for row in read_rows("event_triggers.tsv"):
        pattern = row[0].strip()
        if " " not in pattern and "*" not in pattern:
            out.update(w.lstrip("=").split("@")[0].lower() for w in pattern.split("|"))
    return frozenset(out)


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
    container_near: bool = False  # the container is a place it lies near ("X west of Y"), not a division holding it
    peers: list[Mention] = field(default_factory=list)  # its neighbours in a list "X, Y and Z"
    dateline: bool = False  # opens a story as its dateline ("HAMILTON --"): where it was filed
    weak: bool = False  # found by form alone (a name embedded in a longer one): kept only with support nearby
    locative: bool = False  # in a place's context: "in X", "the village of X", "X, Y", a dateline
    settlement: bool = False  # followed by a settlement noun ("Idlib city", "X village"): the town, not a division
    unlisted: bool = False  # no gazetteer entry, a settlement by its context ("the village of X"): placed like a site
    site_context: bool = False  # before a site noun people name sites too ("the X mine"): a place's context only
    # when the document's focus holds its reading (`PlaceContext._site_in_focus`)
    struck: bool = False  # the object of an event trigger ("shelled X", "X was bombed"): where something happened
    modifier: bool = False  # modifies a noun after it ("U.S. forces", "Pakistan's army"): an actor's country
    clause: int = -1  # token index of the verb (or sentence root) heading its clause (`resolution._state_frames`)


@dataclass
class Group:
    """All mentions of one name in the document: resolved once (one sense per name)."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Entry] = field(default_factory=list)
    best: Entry | None = None
    confidence: float = 0.0
