"""The report's date is a date standing alone at the head of the text, never a date of the lead's history, and
a span of days joins two days of the act only (issue 13, review of the head-date and span-of-days rules), written
before the fix. A text without a published date took the first date of its first 300 characters as the report's
date, so "the siege that began on 9 April 2014 ... On Monday, helicopters bombed ..." dated the bombing to the
Monday before 9 April 2014, and a later explicit date was thrown away as "after the report". "from April until
Wednesday, when helicopters bombed ..." dated the bombing from April (and "from 2013 until ..." dropped it as
history). A date after a header label or an agency's capitals ("Updated 6 Nov 2018 Gunmen ...", "ANA Tuesday 2 Feb
2021 ...") was read as the event's own date rather than the report's. Sentences, names, places and dates invented.
Before the fix 0 of 3 history cases, 1 of 3 labelled head dates and 0 of 3 span cases held (`stands_at_head` did
not exist); all 14 after.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import Article, prepare
from claimgraph.meta import DocMeta
from claimgraph.nlp.head_date import stands_at_head


def _value(analysis: Analysis, text: str, words: str) -> str | None:
    """The value of the time of the event said at `words` (None: undated or its time unresolved)."""
    assert_spans_exact(analysis)
    at = text.rindex(words)
    event = next((e for e in analysis.events if any(s <= at < t for s, t in [e.span, *e.mentions])), None)
    assert event is not None, [(e.subtype, e.text, e.span) for e in analysis.events]
    time = {t.id: t for t in analysis.times}.get(event.time or "")
    return time.value if time else None


#: (text with no published date, the event's words, its date): a date inside the lead's clause is history
HISTORY_AT_HEAD = [
    ("The siege that began on 9 April 2014 has displaced more than 30,000 people. On Monday, army helicopters "
     "bombed the village of Kafr Nabl, killing five civilians.", "bombed", None),
    ("Five years after the bombing of 12 October 2002, the police remain on alert. On Tuesday, a car bomb exploded "
     "outside a bank in Quetta, killing six people.", "car bomb", None),
    ("Since the siege began in April 2014, thousands have fled the province. On 3 May 2017, army helicopters bombed "
     "the village of Kafr Nabl, killing five civilians.", "bombed", "2017-05-03"),
]


@pytest.mark.parametrize(("text", "words", "value"), HISTORY_AT_HEAD)
def test_a_date_of_the_leads_history_is_not_the_reports(analyzer, text: str, words: str, value: str | None) -> None:
    assert _value(analyzer.analyze_article(prepare(text)), text, words) == value


#: a date standing alone at the head, after a header label, a weekday or an agency's capitals, is the report's
LABELLED_HEAD = [
    ("Militia shells Salamiyah\n\nPosted: 14 May 2019\nMilitiamen shelled the town of Salamiyah on Sunday, "
     "killing four civilians, a monitor said.", "shelled", "2019-05-12"),
    ("Updated 6 Nov 2018 Gunmen ambushed a bus near the town of Bosaso on Monday, killing nine passengers.",
     "Gunmen", "2018-11-05"),
    ("ANA Tuesday 2 Feb 2021 Shells hit a market in the town of Jisr al-Shughur on Saturday, killing seven "
     "people, medics said.", "Shells hit", "2021-01-30"),
]


@pytest.mark.parametrize(("text", "words", "value"), LABELLED_HEAD)
def test_a_labelled_date_at_the_head_is_the_reports(analyzer, text: str, words: str, value: str) -> None:
    assert _value(analyzer.analyze_article(prepare(text)), text, words) == value


@pytest.mark.parametrize(("text", "date", "alone"), [
    ("Date of publication 7 March 2018 Gunmen attacked a checkpoint.", "7 March 2018", True),
    ("Last updated: 7 March 2018\nGunmen attacked a checkpoint.", "7 March 2018", True),
    ("On 7 March 2018, gunmen attacked a checkpoint.", "7 March 2018", False),
    ("The talks of 7 March 2018 failed.", "7 March 2018", False),
    ("Published in 7 March 2018 papers, the list named dozens.", "7 March 2018", False),
])
def test_which_date_stands_alone_at_the_head(text: str, date: str, alone: bool) -> None:
    at = text.index(date)
    assert stands_at_head(text, at, at + len(date)) is alone


#: (text published Friday 24 June 2016, the event's words, its date): "from A until/to B, when ..." puts the
#: act at B; A is no first day of it
NOT_A_SPAN = [
    ("The lull lasted from April until Wednesday, when helicopters bombed the village of Kafr Nabl, killing five "
     "civilians.", "bombed", "2016-06-22"),
    ("The vote was delayed from Monday to Thursday, when a suicide bomber struck a checkpoint in Hama, killing "
     "seven people.", "suicide bomber", "2016-06-23"),
    ("The truce lasted from 2013 until Tuesday, when gunmen stormed the town of Salamiyah, killing four "
     "villagers.", "gunmen", "2016-06-21"),
]


@pytest.mark.parametrize(("text", "words", "value"), NOT_A_SPAN)
def test_from_until_joins_no_days_of_the_act(analyzer, text: str, words: str, value: str) -> None:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-06-24")))
    assert _value(analysis, text, words) == value
