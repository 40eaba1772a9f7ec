"""Speaker resolution's rules (claimgraph/nlp/attribution/speakers.py `Sources`), written against the mutants
that survived tests/test_speaker_resolution.py and tests/test_attribution.py (bench/mutation.py).

The registry is read on news-style sentences parsed up to (not including) the attribution component, as in
tests/test_speaker_resolution.py: which mentions are candidates, their gender and number, which one a pronoun
takes. Whole articles are tested in tests/test_speaker_resolution.py.
"""

from __future__ import annotations

import pytest


def registry(analyzer, text: str):
    """(doc, Sources) for a text parsed up to the attribution component, genders learnt."""
    from claimgraph.ingest import prepare
    from claimgraph.nlp.attribution.lexicon import lexicon
    from claimgraph.nlp.attribution.speakers import Sources

    doc = analyzer._doc(prepare(text))
    for name, proc in analyzer.nlp.pipeline:
        if name == "claimgraph_attribution":
            break
        doc = proc(doc)
    sources = Sources(doc._.claimgraph, doc, not_person=frozenset(lexicon().not_person_heads))
    sources.learn_gender(doc, lexicon().gendered)
    return doc, sources


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def by_label(sources) -> dict:
    return {c.label: c for c in sources.person_mentions()}


def test_an_honorific_gender_is_not_overwritten_by_a_later_pronoun(analyzer):
    _, sources = registry(analyzer, "Mr. Omar Saleh met the governor in Aleppo on Monday.")
    saleh = by_label(sources)["Omar Saleh"]
    sources.remember(saleh, "she")  # a wrong resolution later on does not unlearn what the honorific said
    assert sources._gender_of(saleh) == "m"


@pytest.mark.parametrize("pronoun", ["he", "his", "him"])
def test_each_male_pronoun_teaches_the_gender(analyzer, pronoun):
    _, sources = registry(analyzer, "Omar Saleh met the governor in Aleppo on Monday.")
    saleh = by_label(sources)["Omar Saleh"]
    sources.remember(saleh, pronoun)
    assert sources._gender_of(saleh) == "m"
