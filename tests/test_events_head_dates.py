"""An event dated by a weekday or "earlier this week" is dated against the report's date printed at the head of
the text when the document has no published date (issue 13, extraction bugs seen by linking), written before
the fix. "Fri Jun 24 2016 ... struck ... on Thursday" is 23 June 2016: the times component resolves such words only
against a published date or a dateline, so the event was left undated though the text gives its day. A text
that prints no date at its head leaves the weekday unresolved: no date is invented. Sentences invented; 0 of 4
dated before the fix (the fifth, no date at the head, passed), 5 of 5 after.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import Article, prepare
from claimgraph.meta import DocMeta

HEAD_DATED = [
    ("Drones strike depot outside Qaryatayn\n\nFri Jun 24 2016 Coalition drones struck a fuel depot outside the "
     "village of Qaryatayn on Thursday, killing 14 fighters, a monitor said.", "struck", "2016-06-23"),
    ("Car bomb hits Homs market\n\nSaturday 10 Aug 2013 A car bomb exploded in a market in the city of Homs earlier "
     "this week, killing eight people, activists said.", "car bomb", "2013-W32"),
    ("Shelling kills three in Daraa\n\n12 March 2016 Government forces shelled the town of Daraa on Monday, killing "
     "three civilians, a monitor said.", "shelled", "2016-03-07"),
    ("Rebels ambush convoy\n\nThursday, 3 November 2016. Rebels ambushed an army convoy on the road to Hama "
     "on Tuesday, killing seven soldiers, state media said.", "ambushed", "2016-11-01"),
]


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _value(analysis: Analysis, text: str, words: str, dated: bool = True) -> str | None:
    """The value of the time of the event said at `words` (`dated`: the event must have a time)."""
    at = text.rindex(words)
    event = next((e for e in analysis.events if any(s <= at < t for s, t in [e.span, *e.mentions])), None)
    assert event is not None, [(e.subtype, e.text, e.span) for e in analysis.events]
    time = {t.id: t for t in analysis.times}.get(event.time or "")
    assert time is not None or not dated, event
    return time.value if time else None


@pytest.mark.parametrize(("text", "words", "value"), HEAD_DATED)
def test_a_weekday_is_dated_against_the_date_at_the_head(analyzer, text: str, words: str, value: str) -> None:
    assert _value(_analyze(analyzer, text), text, words) == value


def test_no_date_at_the_head_invents_none(analyzer) -> None:
    text = ("Shelling kills three in Daraa\n\nGovernment forces shelled the town of Daraa on Monday, killing three "
            "civilians, a monitor said.")
    assert _value(_analyze(analyzer, text), text, "shelled") is None


#: A time later than the report's date dates another act, never one reported as having happened ("diplomats
#: will meet next Wednesday to discuss the bombing"): written before the fix (2 of 3 before, 3 after), when the
#: head date began to resolve such words and the nearest time of the sentence dated the bombing a week ahead.
FUTURE_TIME = [
    ("Diplomats will meet in Geneva next Wednesday to discuss the bombing that killed 12 people in Idlib.",
     "bombing"),
    ("Fri Jun 24 2016 Officials said talks would resume on Monday after the shelling of the town of Douma killed "
     "nine civilians.", "shelling"),
    ("UN inspectors are due to visit the site next week, months after the chemical attack on the town of Khan "
     "Sheikhoun.", "chemical attack"),
]


@pytest.mark.parametrize(("text", "words"), FUTURE_TIME)
def test_a_time_after_the_report_dates_no_past_event(analyzer, text: str, words: str) -> None:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-06-24")))
    assert_spans_exact(analysis)
    value = _value(analysis, text, words, dated=False)
    assert value is None or value <= "2016-06-24", value


#: An incident told over two days ("stormed the town on Thursday and Friday") is dated from its first day, so that a
#: report of its first day ("on Thursday the group mounted a counterattack") can be the same incident: written
#: before the fix (0 of 2 before), when resolved weekdays began to keep such reports apart.
SPAN_OF_DAYS = [
    ("Militiamen stormed the hill town of Qardaha on Thursday and Friday, killing 31 policemen, officials said.",
     "stormed", "2016-06-23"),
    ("On Wednesday and Thursday, rebels shelled the outskirts of the town of Kabani, killing six civilians.",
     "shelled", "2016-06-22"),
]


@pytest.mark.parametrize(("text", "words", "value"), SPAN_OF_DAYS)
def test_an_incident_over_two_days_is_dated_from_the_first(analyzer, text: str, words: str, value: str) -> None:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-06-24")))
    assert_spans_exact(analysis)
    assert _value(analysis, text, words) == value
