"""More rules of events' casualty figures (claimgraph/nlp/events/casualties.py `figures`), written against the
mutants that survived tests/test_mutants_casualties.py (bench/mutation.py).

Each case is a news-style sentence run through the whole pipeline; the figures are read straight from
`figures()` (the number as written, the cue that counts it, whom it counts and its bounds), so a rule that
changes which number a cue counts fails here even when the event built from it happens to come out the same.
"""

from __future__ import annotations

import pytest

from claimgraph.ingest import prepare
from claimgraph.nlp.events.casualties import figures
from claimgraph.nlp.events.component import EventsComponent
from claimgraph.nlp.events.lexicon import lexicon, token_forms
from claimgraph.nlp.state import get_state

Row = tuple[str, str, str, float | None, float | None, str]


def sentence_figures(analyzer, text: str) -> list[Row]:
    """(number as written, kind, group, low, high, cue word) for every casualty figure, in text order."""
    doc = analyzer._doc(prepare(text))
    for _, proc in analyzer.nlp.pipeline:
        doc = proc(doc)
    state = get_state(doc)
    component = EventsComponent()
    quantity_at, blocked = component._quantity_index(doc, state), component._time_tokens(doc, state)
    out = []
    for sent in doc.sents:
        for f in figures(sent, token_forms(sent), lexicon(), quantity_at, blocked):
            out.append((doc.text[f.start:f.end], f.kind, f.group, f.low, f.high, doc[f.cue_token].text))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    # two cues, two counts: each number goes to the cue right after it or the one whose argument it is
    ("8 persons killed 58 others injured in the blast.",
     [("8", "killed", "unknown", 8, 8, "killed"), ("58", "injured", "unknown", 58, 58, "injured")]),
    ("The strike killed 7 and wounded 12.",
     [("7", "killed", "unknown", 7, 7, "killed"), ("12", "injured", "unknown", 12, 12, "wounded")]),
    # a number of the same clause that another verb governs is not the cue's ("freed 19 civilians")
    ("Gunmen killed 30 soldiers and freed 19 civilians.", [("30", "killed", "combatants", 30, 30, "killed")]),
    # the head of a multi-word cue counts the number ("death toll rose to 23")
    ("The death toll rose to 23 on Monday.", [("23", "killed", "unknown", 23, 23, "toll")]),
    # bounds: "at least" keeps no upper bound, "nearly" no lower one for a toll, "more than" is open
    ("Nearly 50 people were killed in the attack.", [("50", "killed", "unknown", None, 50, "killed")]),
    ("More than 200 people were injured.", [("200", "injured", "unknown", 200, None, "injured")]),
    # other kinds than deaths
    ("Fighting forced about 10,000 Turkmen to flee.", [("10,000", "displaced", "unknown", 10000, 10000, "flee")]),
    ("Troops detained 40 protesters on Monday.", [("40", "detained", "unknown", 40, 40, "detained")]),
    ("Three people were missing after the flood.", [("Three", "missing", "unknown", 3, 3, "missing")]),
    # "a man": an article before a person noun the cue governs counts one
    ("An explosion killed a man and injured four women.",
     [("a", "killed", "unknown", 1, 1, "killed"), ("four", "injured", "women", 4, 4, "injured")]),
    ("Dozens were killed.", [("Dozens", "killed", "unknown", 12, None, "killed")]),
])
def test_figures_of_a_sentence(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected
