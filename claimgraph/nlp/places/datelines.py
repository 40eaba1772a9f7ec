"""Datelines: the upper-case town a story or paragraph opens with, before a dash or a colon ("HAMILTON --",
"ST. JOHN'S, N.L. -", "BEIRUT: ..."). Where the report was filed, not where its events happened (issue 17), so
the mentions are flagged (`Mention.dateline`); and the weekday of a dateline's or byline's date ("Mon 12 Oct"),
which is no place. Split from `recognition` (one concern: the dateline slot)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.gazetteer import Gazetteer, key
from claimgraph.nlp.places.forms import title_form
from claimgraph.nlp.places.lexicon import Mention, PlaceLexicon

# a dateline opening a story or a paragraph: an upper-case place, an optional region ("ST. JOHN'S, N.L."),
# an optional wire credit, then a dash ("HAMILTON --", "MOUNT GILEAD (AP) --", "FALLS VILLAGE—The")
_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][\"”’'] )|(?<=[.!?] ))\s*"
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ \-][A-Z][A-Z.'’]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,14})?))?"
    r"(?:\s*\([A-Z][\w&.' ]{0,30}\))?\s*(?:--|[—–\x97-]|(?P<colon>:)(?= ))")
# an upper-case word and a colon opening a line or sentence: a dateline ("BEIRUT: ...") or a speaker's label
_LABEL = re.compile(r"(?:^|(?<=\n)|(?<=[.!?] ))\s*(?P<label>[A-Z][A-Z.'’ -]+):(?= )")
# where a sentence or a line ends: a colon dateline stands among the first few (`OPENING_SENTENCES`)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n\s*")
#: sentences that may come before a colon dateline: a page puts its headline and a summary first
#: ("Man found dead in port . Police had warned of ... BEIRUT: The body of ...")
OPENING_SENTENCES = 3


class Datelines:
    """The dateline step of `PlacesComponent` (`_name_words` is the document's surnames, set per document)."""

    lex: PlaceLexicon
    _name_words: set[str]

    def _datelines(self, doc: Doc, gaz: Gazetteer) -> list[Mention]:
        """Datelines ("HAMILTON --", "ST. JOHN'S, N.L. -"): an upper-case name in that slot is a place the
        gazetteer knows at any size; it says where the story was filed (`Mention.dateline`)."""
        out = []
        for m in _DATELINE.finditer(doc.text):
            s, e = m.span("place")
            name = m.group("place")
            if sum(c.isalpha() for c in name) < 3 or gaz.demonym(name) or not gaz.lookup(name):
                continue
            if m.group("colon"):  # "BEIRUT: ..." opening a story (after its headline and summary at most) is a
                # dateline, the document's one label; "SMITH: ..." a transcript's speaker
                if len(_SENTENCE_END.findall(doc.text, 0, s)) > OPENING_SENTENCES or self._labels(doc.text) > 1 \
                        or title_form(name) in self._name_words or not any(
                        key(c.name) == key(name) and (c.feature in ("country", "admin1") or c.population >= 100000)
                        for c in gaz.lookup(name)):
                    continue
            if (name.rstrip(".") in self.lex.not_places or name.title() in self.lex.not_places) and not any(
                    c.population >= 100000 and key(c.name) == key(name) for c in gaz.lookup(name)):
                continue  # a word that is rarely a place ("MAY --"), unless a city of that name is big
            out.append(Mention(s, e, name, key(name), "dateline", "GPE", dateline=True))
            if m.group("region") and gaz.lookup(m.group("region")):
                rs, re_ = m.span("region")
                out.append(Mention(rs, re_, m.group("region"), key(m.group("region")), "dateline", "GPE"))
        return out

    def _labels(self, text: str) -> int:
        """Upper-case labels before a colon opening a line or sentence, a page's rubrics ("UPDATE:", "EDITOR'S
        NOTE:") not counted: a colon dateline is one such label, a transcript has one per turn."""
        return sum(not any(re.sub(r"['’]S$", "", w).lower() in self.lex.rubrics for w in m.group("label").split())
                   for m in _LABEL.finditer(text))


#: words that join two weekdays into a list or a range ("Sun & Mon", "Mon to Fri", "Tue - Sat")
_WEEKDAY_JOINS = {",", "&", "and", "or", "to", "through", "thru", "-", "–", "—"}
# a clock time after a weekday ("Sat 4PM", "Mon 10:30", "Fri 9am")
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.|p\.m\.)?", re.I)


def date_weekday(span: Span, lex: PlaceLexicon) -> bool:
    """A weekday name or abbreviation ("Mon", "Sat.") that opens a date or a time ("Mon 12 Oct 2015", "Sat, 3
    October", "Tue Oct 6", "Sat 4PM") or stands in a list or range of weekdays ("closed on Sun & Mon", "Mon to
    Fri"): a weekday, though GeoNames holds "Mon" (Myanmar's state) and towns called "Sun" (places_lexicon.json
    `date_weekdays`)."""
    def weekday(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.rstrip(".").title() in lex.date_weekdays

    doc = span.doc
    if len(span) != 1 or not weekday(span.start):
        return False
    if weekday(span.start - 2) and doc[span.start - 1].lower_ in _WEEKDAY_JOINS:
        return True
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ in _WEEKDAY_JOINS and weekday(i + 1):
        return True
    while i < len(doc) and doc[i].text in (",", "."):
        i += 1
    if i >= len(doc):
        return False
    word = doc[i].text.rstrip(".").lower()
    day = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", word)
    return (day.isdigit() and 1 <= int(day) <= 31) or word in lex.months or bool(_CLOCK.fullmatch(doc[i].text))
