"""The indexed attribute_ruler (per-row memo of the rules a token starts; attributes set without a Span per
match) gives every token what spaCy's AttributeRuler gives it, and fails where spaCy's fails."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from claimgraph.nlp import model_name
from claimgraph.nlp.attribute_index import DirectAnnotations, IndexedMatch, index_attribute_ruler

ROOT = Path(__file__).resolve().parents[1]


def test_every_token_gets_what_spacys_ruler_gives_it_twice_over() -> None:
    plain, indexed = spacy.load(model_name()), spacy.load(model_name())
    assert index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, IndexedMatch) and isinstance(ruler.set_annotations, DirectAnnotations)
    text = (ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8")
    texts = [text, "Y'all ain't seen nothin' yet, it's what I'd've said.\n\n  They do have that, don't they?"] * 2
    seen = 0
    for a, b in zip(plain.pipe(texts), indexed.pipe(texts), strict=True):  # the second copy: from the memo
        for x, y in zip(a, b, strict=True):
            seen += 1
            assert (x.tag_, x.pos_, str(x.morph), x.lemma_, x.dep_, x.head.i) == \
                (y.tag_, y.pos_, str(y.morph), y.lemma_, y.dep_, y.head.i), x.text
    assert seen > 1_000


def test_a_rule_whose_index_falls_outside_its_match_fails_as_in_spacy() -> None:
    plain, indexed = spacy.blank("en"), spacy.blank("en")
    for nlp in (plain, indexed):
        nlp.add_pipe("attribute_ruler").add([[{"LOWER": "war"}]], {"LEMMA": "conflict"}, index=1)
    assert index_attribute_ruler(indexed)
    for nlp in (plain, indexed):
        with pytest.raises(ValueError, match="E1001"):
            nlp("The war ended.")
    assert indexed("Peace came.")[0].lemma_ == plain("Peace came.")[0].lemma_
