"""Which day dates an act, and which only its report (issue 9 via events: dates that kept articles apart when
linking), written before the fix.

- A reporting verb's day dates the statement, not the act, also where the statement is told beside the act with a
  comma missing ("victims showed signs of a nerve agent the ministry said on Thursday": the parser hangs "said"
  on "agent" as a relative clause). The act then keeps its report's day only as an upper bound, and a day the
  text gives the act elsewhere ("the attack hit the town on Tuesday") replaces it.
- A length of time ("a day after", "two years of war") is no date of an act.
- A year long before the report, said near the act but not of it ("the bomber, a veteran of the 1994 war, blew
  himself up on Monday"), does not make the act history the report recalls: the act keeps its own recent day. A
  year said of the trigger itself ("commemorated the 2013 massacre") still dates it.
- Of two reports' days of one incident, the earlier bounds its date (told as reported on Saturday and again on
  Sunday, it happened by Saturday).
- An act dated only by its report, on the day the document was published (the dateline's date, "a monitor said
  on Monday" in Monday's paper), has no date of its own: its `time` is null and readers take the document's
  `published` for it, as the ACLED export and linking do. Pointing at the dateline's time read as a day the text
  gives the act. A report's day before the publication day still bounds it.

Sentences invented, not copied from benchmark texts.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import Article, prepare
from claimgraph.meta import DocMeta


def _analyze(analyzer, text: str, published: str | None = None) -> Analysis:
    article = prepare(text) if published is None else Article(text=text, meta=DocMeta(published=published))
    analysis = analyzer.analyze_article(article)
    assert_spans_exact(analysis)
    return analysis


def _event_at(analysis: Analysis, words: str) -> Event | None:
    """The event one of whose spans (its own or a mention) holds the first character of `words`."""
    at = analysis.document.text.index(words)
    return next((e for e in analysis.events if any(s <= at < t for s, t in [e.span, *e.mentions])), None)


def _time_text(analysis: Analysis, event: Event | None) -> str | None:
    assert event is not None, [(e.subtype, e.text, e.span) for e in analysis.events]
    time = {t.id: t for t in analysis.times}.get(event.time or "")
    return time.text if time else None


#: (why, text, publication day, words inside the act, the day that dates it)
OWN_DAYS = [
    pytest.param(
        ("Victims of a suspected gas attack on the town of Saraqib showed signs of exposure to a nerve agent the "
         "health ministry said on Thursday. The attack hit the town on Tuesday, killing 70 people."),
        "2017-04-07", "nerve agent", "Tuesday", id="a statement told beside the act dates the statement"),
    pytest.param(
        "The rebel group claimed responsibility on Monday for the car bomb that killed nine people in Homs.",
        "2017-04-07", "claimed", "Monday", id="the act of a reporting verb keeps its day"),
    pytest.param(
        ("The bomber, a veteran of the 1994 war, blew himself up at a checkpoint in the city of Homs on Monday, "
         "killing 12 soldiers."),
        "2015-07-07", "blew himself up", "Monday", id="an old year near the act does not make it history"),
    # no comma before the report: the parser takes "Wednesday" into the subject of "reports"
    pytest.param(
        ("Government troops killed a rebel commander in heavy clashes in the province of Idlib on Wednesday the "
         "state news agency reports."),
        "2015-07-30", "clashes", "Wednesday", id="a day inside the reporters name is the acts"),
    pytest.param(
        ("Victims of a gas attack in the town of Saraqib showed signs of a nerve agent the ministry said on "
         "Wednesday. The same agent was used in an attack on the town of Latamneh last year."),
        "2017-04-06", "nerve agent", "Wednesday", id="an act recalled from last year is not the reported one"),
    pytest.param(
        "Air strikes killed 58 civilians in the town of Saraqib on Monday, a monitor said.",
        "2016-06-27", "Air strikes", "Monday", id="a day of the acts own on the publication day stays"),
    pytest.param(
        "Air strikes killed 58 civilians in the town of Saraqib, a monitor said on Sunday.",
        "2016-06-27", "Air strikes", "Sunday", id="a report before the publication day still bounds the act"),
]


@pytest.mark.parametrize(("text", "published", "words", "day"), OWN_DAYS)
def test_the_day_that_dates_the_act(analyzer, text: str, published: str, words: str, day: str) -> None:
    analysis = _analyze(analyzer, text, published=published)
    assert _time_text(analysis, _event_at(analysis, words)) == day


def test_a_length_of_time_dates_no_act(analyzer) -> None:
    text = ("A day after air strikes killed 58 civilians in the town of Saraqib, the United Nations said 25 of them "
            "were children.")
    analysis = _analyze(analyzer, text, published="2016-06-27")
    assert _time_text(analysis, _event_at(analysis, "air strikes")) != "A day"


def test_a_year_said_of_the_act_still_dates_it(analyzer) -> None:
    text = ("Protesters in the city of Homs on Monday commemorated the 2013 massacre in the town of Houla, in which "
            "108 people were killed.")
    analysis = _analyze(analyzer, text, published="2015-07-07")
    assert _event_at(analysis, "massacre") is None  # history the report recalls, not an incident it reports


def test_the_earlier_of_two_reports_days_bounds_the_incident(analyzer) -> None:
    text = ("Monday 27 June 2016 Air strikes killed 58 civilians in the town of Saraqib, a monitor said. The "
            "monitor had said on Saturday that the air strikes on Saraqib killed 58 civilians.")
    analysis = _analyze(analyzer, text)
    event = _event_at(analysis, "Air strikes")
    assert event is not None and event is _event_at(analysis, "air strikes on Saraqib")
    assert _time_text(analysis, event) == "Saturday"


@pytest.mark.parametrize("text,days", [
    ("Three policemen were killed by a car bomb in the town of Hama, the interior ministry said on Tuesday. "
     "Three policemen were killed by a car bomb in the town of Hama, the interior ministry said on February 2.",
     ("Tuesday", "February 2")),
    ("Four civilians died when a mortar shell hit a market in Daraa, the state news agency reported on Sunday. "
     "Four civilians died when a mortar shell hit a market in Daraa, the agency had reported on March 3.",
     ("Sunday", "March 3")),
])
def test_two_reports_of_one_toll_months_apart_are_two_acts(analyzer, text: str, days: tuple[str, str]) -> None:
    # round-ups repeat the same small toll at the same place: reports far apart in time do not make one incident
    analysis = _analyze(analyzer, text, published="2016-05-12")
    second_sentence = text.index(". ") + 2
    first = [e for e in analysis.events if e.span[0] < second_sentence]
    second = [e for e in analysis.events if e.span[0] >= second_sentence]
    assert len(first) == 1 and len(second) == 1, [(e.text, e.span) for e in analysis.events]
    assert (_time_text(analysis, first[0]), _time_text(analysis, second[0])) == days


def test_the_reports_year_printed_before_the_text_dates_no_act(analyzer) -> None:
    text = ("13.03.2017) Rebels shelled a school in the town of Daraa killing three children local media reported "
            "Sunday citing a medical source.")
    analysis = _analyze(analyzer, text, published="2017-03-13")
    assert _time_text(analysis, _event_at(analysis, "shelled")) == "Sunday"


#: the report's day is the publication day: the act has no date of its own (timing.undate_published)
PUBLICATION_DAY = [
    # a dateline's date only
    ("Monday 27 June 2016 Air strikes killed 58 civilians in the town of Saraqib, a monitor said.", None, "Air"),
    # a statement of the publication day
    ("Air strikes killed 58 civilians in the town of Saraqib, a monitor said on Monday.", "2016-06-27", "Air"),
]


def test_an_act_dated_only_by_the_publication_day_is_undated(analyzer) -> None:
    for text, published, words in PUBLICATION_DAY:
        analysis = _analyze(analyzer, text, published=published)
        event = _event_at(analysis, words)
        assert event is not None and event.time is None, (text, event)
        assert analysis.document.published == "2016-06-27"


