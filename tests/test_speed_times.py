"""The times component reads a document's time expressions once: the date printed at the head of a text without a
published date is read from the same expressions as the rest (it was a second full reading), and relative times
are still resolved against it."""

from __future__ import annotations

import claimgraph.nlp.times as times


def test_time_expressions_are_read_once_and_the_head_date_still_anchors(analyzer, monkeypatch) -> None:
    calls = []
    real = times.find_times

    def counted(doc):  # noqa: ANN001, ANN202
        calls.append(len(doc))
        return real(doc)

    monkeypatch.setattr(times, "find_times", counted)
    text = ("Checkpoint attacked near Hama\n\nTue 12 Mar 2019 Gunmen attacked a checkpoint near the town on Sunday, "
            "killing two guards, officials said on Monday. A similar attack last week wounded three people.")
    analysis = analyzer.analyze_article(text)
    assert len(calls) == 1
    values = {t.text: t.value for t in analysis.times}
    assert values["Sunday"] == "2019-03-10" and values["Monday"] == "2019-03-11"
