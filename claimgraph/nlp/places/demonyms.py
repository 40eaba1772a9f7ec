"""Demonyms as mentions of their country (`claimgraph_place_demonyms`), added once events are found.

Why: "Syrian forces", "an Egyptian-led summit", "the American military": the adjective names the country as
surely as "Syria's forces" does (a modifier, like "a Moscow court"). A reader counting where an article is
about counts them, and so do the geoparsing corpora that annotate adjectival toponyms (LGL). A demonym that
names people ("an American's laptop", "Palestinians fled") names no place and is left alone. Nor is a people
a place where something happened: "Syrian troops shelled Idlib" happened in Idlib. So the places component
leaves demonyms out of the places that events read (it only links them to a country, `state.extra
["demonyms"]`), and this component, which runs after events, adds each demonym's span to its country's
place in the output (creating the country's place at its gazetteer point if the text names it only so).
The place keeps the name the text gives the country ("Syria"), or the gazetteer's, never the adjective.

Config: `demonyms_as_mentions` (default true); false keeps places as events saw them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.contract import Place
from claimgraph.gazetteer import Gazetteer, load_gazetteer
from claimgraph.nlp.state import DocState, get_state, report_failure

DEMONYM_CONFIDENCE = 0.9  # the country is certain; the mention names its people, not the land


@Language.factory(
    "claimgraph_place_demonyms",
    requires=["doc._.cg_places", "doc._.cg_events"],
    assigns=[],
    default_config={"demonyms_as_mentions": True, "gazetteer_files": []},
)
def make_place_demonyms(nlp: Language, name: str, demonyms_as_mentions: bool,
                        gazetteer_files: list[str]) -> PlaceDemonyms:
    return PlaceDemonyms(demonyms_as_mentions, gazetteer_files)


class PlaceDemonyms:
    """`claimgraph_place_demonyms`: each demonym's span becomes a mention of its country's place."""

    def __init__(self, enabled: bool = True, gazetteer_files: list[str] | None = None) -> None:
        self.enabled = enabled
        self.gazetteer_files = tuple(gazetteer_files or ())

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled:
            return doc
        state = get_state(doc)
        try:
            gaz = load_gazetteer(self.gazetteer_files)
            add_demonyms(state, gaz, lambda s, e: _modifies_a_noun(doc, s, e, gaz))
        except Exception as exc:  # noqa: BLE001 - a component never raises on text; places stand as they are
            report_failure(doc, "claimgraph_place_demonyms", exc)
        return doc


def _modifies_a_noun(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """Is the demonym an adjective or modifier of a noun after it ("Syrian forces", "the US-backed Syrian
    Democratic Forces"), not a noun for people ("an American", "Palestinians")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    if tok.tag_ in ("NNS", "NNPS") or (tok.text.endswith("s") and gaz.demonym(tok.text[:-1])):
        return False  # a people in the plural ("Palestinians", "Syrians")
    if tok.dep_ in ("amod", "compound", "nmod", "npadvmod") and tok.head.i > tok.i:
        return True  # "Syrian forces", "a Cypriot-flagged ship"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.dep_ == "conj" and nxt is not None and nxt.pos_ == "NOUN"  # "the US and Iraqi militaries"


def add_demonyms(state: DocState, gaz: Gazetteer, modifier: Callable[[int, int], bool] = lambda s, e: True) -> None:
    """Append each demonym span (`state.extra["demonyms"]`: start, end, ISO2) that `modifier` accepts to its
    country's place."""
    places: list[Place] = state.items["places"]
    taken = {tuple(m) for p in places for m in p.mentions}
    by_country: dict[str, Place] = {}
    for p in places:
        if p.feature == "country" and p.country and p.country not in by_country:
            by_country[p.country] = p
    touched: set[str] = set()
    for start, end, iso2 in state.extra.get("demonyms", []):
        if (start, end) in taken or not modifier(start, end):
            continue
        place = by_country.get(iso2)
        if place is None:
            entry = gaz.country(iso2)
            if entry is None:
                continue
            place = state.add("places", Place(
                id=state.new_id("places"), name=entry.name, mentions=[], lat=round(entry.lat, 5),
                lon=round(entry.lon, 5), country=entry.country, admin1=entry.admin1, feature="country",
                gazetteer_id=entry.gid, confidence=DEMONYM_CONFIDENCE))
            by_country[iso2] = place
        place.mentions.append((start, end))
        taken.add((start, end))
        touched.add(place.id)
    for p in places:
        if p.id in touched:
            p.mentions.sort()
