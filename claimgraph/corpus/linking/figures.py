"""Whether two reports' figures count the same subject, before drift or contradiction compares them.

A figure's casualty kind comes from the numbers and events components; what the words around the number
say is checked again here, because a kind read off the wrong cue makes a contradiction out of two true
tolls ("kill 10 civilians injure 16": 10 is killed, not injured). The cue words are the events component's
(events_casualty_cues.tsv, its one-word patterns), read as data, not through that component's code. And a
figure that is not its report's main toll of its kind (the six teachers among 28 dead, the 16 of them in
one town) is a part of a toll, not a version of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimgraph.contract import Analysis, Place, Quantity
from claimgraph.corpus.linking.digest import MIN_SHARED_TOLL
from claimgraph.data import read_rows

#: qualifiers that leave a figure's upper bound open
OPEN_APPROX = frozenset({"at_least", "more_than", "vague", "about"})
#: a cue word may carry this many more letters than its pattern ("kill" -> "killing", "wound" -> "wounded")
SUFFIX_LETTERS = 3
#: characters looked at before a number (its governing verb: "killing at least 26") and after it (its clause)
BEFORE_CHARS = 25
AFTER_CHARS = 80
#: what ends the clause a number's cue is looked for in
_CLAUSE_END = re.compile(r"[.;:!?,]|\b(?:and|while|but|as|after|when)\b")
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def kind_cues() -> dict[str, str]:
    """One-word casualty cues -> contract casualty kind (events_casualty_cues.tsv)."""
    return {row[0].lower(): row[1] for row in read_rows("events_casualty_cues.tsv")
            if len(row) >= 2 and re.fullmatch(r"[a-z]+", row[0].lower())}


def cue_kind(word: str) -> str | None:
    """The casualty kind a word reports ("killing" -> killed), if any."""
    w = word.lower()
    cues = kind_cues()
    if w in cues:
        return cues[w]
    for n in range(1, SUFFIX_LETTERS + 1):
        stem = w[:-n]
        if len(stem) >= 4 and stem in cues:
            return cues[stem]
    return None


def stated_kind(text: str, span: tuple[int, int]) -> str | None:
    """The casualty kind the words around the number at `span` give: the word just before it ("killing 10",
    "wounded 22"), else the first cue word after it in its clause ("16 others were injured"); None when the
    text names no kind there."""
    start, end = span
    before = _WORD.findall(re.split(r"[.;:!?]", text[max(0, start - BEFORE_CHARS):start])[-1])
    if before and (kind := cue_kind(before[-1])):
        return kind
    after = text[end:end + AFTER_CHARS]
    stop = _CLAUSE_END.search(after)
    for word in _WORD.findall(after[:stop.start()] if stop else after):
        if kind := cue_kind(word):
            return kind
    return None


#: "18 of the 31 lorries", "15 of the wounded", "six of them children": the figure counts a part of another
_PART_OF = re.compile(r"\s+of\s+(?:the|them|those|whom|these)\b", re.I)


def is_part(text: str, span: tuple[int, int]) -> bool:
    """Whether the number at `span` counts a part of a larger whole its sentence gives ("15 of the wounded")."""
    return bool(_PART_OF.match(text, span[1]))


#: place features fine enough that a toll given for one of them, inside a report of another, is a part
_FINE_PLACES = frozenset({"city", "district", "facility", "admin2"})


def placed_elsewhere(analysis: Analysis, span: tuple[int, int], report_place: Place | None) -> bool:
    """Whether the sentence of the number at `span`, up to the number, names a town, district or site other
    than its report's (itself one of those) and of another province: the toll of one place of the area the
    report tells ("The highest toll was in Douma ... where raids killed 16", in a report of the strikes near
    Damascus), a part the words do not mark as one. A town of the report place's own province is not taken
    for a part: a report's place is often the province capital standing for the province. The other town must
    come after any mention of the report's own place: a town named before it is where the act came from, not
    where the toll fell."""
    if report_place is None or report_place.feature not in _FINE_PLACES:
        return False
    text = analysis.document.text
    start = max(text.rfind(". ", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    own: list[int] = []  # where the sentence names the report's own place (or a town of its province)
    elsewhere: list[int] = []  # where it names a town of another province
    for p in analysis.places:
        if p.feature not in _FINE_PLACES:
            continue
        mine = (p.id == report_place.id or bool(p.gazetteer_id and p.gazetteer_id == report_place.gazetteer_id)
                # a report placed at a province's capital often means the province ("Idlib" for Ariha)
                or bool(p.admin1 and p.admin1 == report_place.admin1))
        (own if mine else elsewhere).extend(s for s, e in p.mentions if start <= s and e <= span[0])
    # the other town must be the one nearest the number: "jets that took off from Hmeimim struck Aleppo,
    # killing 12" gives Aleppo's toll, not Hmeimim's
    return bool(elsewhere) and max(elsewhere) > max(own, default=-1)


def qualified(analysis: Analysis, q: Quantity, kind: str) -> Quantity:
    """The same number written with its qualifier elsewhere in the document, if the figure's own wording has none:
    a headline's "strikes kill 56" is the body's "at least 56" (both claim the one toll, the headline shortened)."""
    value = q.value if q.value is not None else q.low
    if q.approx != "exact" or value is None or value < MIN_SHARED_TOLL:
        return q
    text = analysis.document.text
    return next((o for o in analysis.quantities if o.id != q.id and o.approx in OPEN_APPROX and o.high is None
                 and (o.value if o.value is not None else o.low) == value and o.unit == q.unit
                 and stated_kind(text, o.span) in (None, kind) and not is_part(text, o.span)
                 and same_counted(q, o)), q)


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns counting people (numbers_lexicon.tsv person_noun rows, read as data)."""
    return frozenset(row[1].lower() for row in read_rows("numbers_lexicon.tsv", header=False)
                     if len(row) >= 2 and row[0] == "person_noun")


def _counted(q: Quantity) -> str | None:
    """The noun a number counts: its subject's last word if that is a people noun or a plural ("schools");
    a subject ending otherwise ("kills 16 outside bakery") is not what is counted."""
    words = _WORD.findall(q.subject or "")
    head = words[-1].lower() if words else ""
    return head if head in _person_nouns() or (len(head) > 3 and head.endswith("s")) else None


def same_counted(a: Quantity, b: Quantity) -> bool:
    """Whether two numbers may count one thing: their counted nouns are one word or both count people (12 people
    and 12 civilians may be one toll, 12 people and 12 schools are not); a number without a counted noun (a
    headline's "strikes kill 56") may count either."""
    x, y = _counted(a), _counted(b)
    if x is None or y is None:
        return True
    people = _person_nouns()
    return x == y or (x in people and y in people)


def same_count(analysis: Analysis, kind: str, group: str, low: float | None) -> set[str]:
    """The quantity ids of a document that give one count of (kind, group) equal to `low`, wherever it writes
    them: numbers its events take as casualties of that kind and group (or of no group named), and numbers no
    event takes whose words state that kind ("the Observatory said at least 17 people were killed"). The same
    number counting something else ("14 shells fell", "14 houses") is not that count."""
    text = analysis.document.text
    casualties = {c.quantity: c for e in analysis.events for c in e.casualties if c.quantity}
    out = set()
    for q in analysis.quantities:
        if q.low != low or low is None:
            continue
        c = casualties.get(q.id)
        if c is None:
            if stated_kind(text, q.span) == kind:
                out.add(q.id)
        elif c.kind == kind and (c.group == group or "unknown" in (c.group, group)):
            out.add(q.id)
    return out
