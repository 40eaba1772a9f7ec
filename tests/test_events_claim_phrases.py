"""A claim of responsibility gives the claimed act its claimant only when the claimant itself claims the act as the
object of its phrase ("claimed responsibility for the bombing", "took credit for the attack", "claimed the
attack"); "claims" meaning "says" over a clause, a third party's attribution of responsibility and a passive
light verb that says something else of the act ("was made public by X", "was used by X") do not make X the doer
(issue 13 review). Sentences invented for the rules; the negative cases failed before the fix.
"""

from __future__ import annotations

import pytest
from test_events_actor_sources import _analyze, _event, _names

from claimgraph.contract import Analysis, Event


def _act(analysis: Analysis, text: str, words: str) -> Event:
    """The act the words name (not the claim, whose words may include the act's)."""
    return _event(analysis, text, words, skip_type="Attribution of responsibility")

#: (text, words of the act, a name that must not be among its actors)
NOT_THE_DOER = [
    # "claims"/"claimed that" = says: the act is inside the clause it reports
    ("Hezbollah claims the bombing of the market killed 30 civilians.", "killed", "Hezbollah"),
    ("The YPG claimed that the attack on the village killed 20 civilians.", "killed", "YPG"),
    ("Al-Shabaab claimed that the raid on the base killed 40 soldiers.", "killed", "Shabaab"),
    # a third party's attribution is blame, not a claim
    ("Amnesty International said the Nusra Front bore responsibility for the bombing of the market.", "bombing",
     "Nusra"),
    # a passive light verb that is not the doing of the act
    ("The air strike on the hospital in Idlib was made public by the Syrian Observatory for Human Rights.",
     "air strike", "Observatory"),
    ("The bombing of the market in Kabul was used by the Taliban government as a reason to close the border.",
     "bombing", "Taliban"),
    ("The suicide bombing in Mogadishu was taken by the Somali government as a sign of weakness.", "bombing",
     "Somali"),
]

#: (text, words of the act, the name that must be among its actors)
THE_DOER = [
    ("The Taliban took credit for the attack on the checkpoint.", "attack", "Taliban"),
    ("Boko Haram claimed responsibility for the raid on the village that killed 15 people.", "killed", "Boko Haram"),
    ("The Islamic State group assumed responsibility for the bombing of the church in the city.", "bombing",
     "Islamic State"),
    ("The attack on the convoy was carried out by the Islamic State group.", "attack", "Islamic State"),
    ("The bombing of the market was claimed by the Islamic State group.", "bombing", "Islamic State"),
]


@pytest.mark.parametrize(("text", "words", "name"), NOT_THE_DOER)
def test_said_or_blamed_is_not_claimed(analyzer, text: str, words: str, name: str) -> None:
    analysis = _analyze(analyzer, text)
    event = _act(analysis, text, words)
    named = _names(analysis, event.actors)
    assert not any(name in n for n in named), (event.subtype, named)


@pytest.mark.parametrize(("text", "words", "name"), THE_DOER)
def test_claimed_or_done_by(analyzer, text: str, words: str, name: str) -> None:
    analysis = _analyze(analyzer, text)
    event = _act(analysis, text, words)
    named = _names(analysis, event.actors)
    assert any(name in n for n in named), (event.subtype, named)
