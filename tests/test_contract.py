"""The contract: every output validates against the JSON Schema that `claimgraph schema` prints."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import assert_spans_exact

from claimgraph.contract import SCHEMA_ID, Analysis, Document, json_schema
from claimgraph.ingest import prepare


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_sample_validates_and_round_trips(sample_analysis, validator):
    data = json.loads(sample_analysis.to_json())
    validator.validate(data)
    assert data["schema"] == SCHEMA_ID
    assert Analysis.model_validate(data) == sample_analysis
    assert data["document"]["id"] == Document.id_for(data["document"]["text"])


def test_ids_are_unique_and_references_resolve(sample_analysis):
    index = sample_analysis.by_id()
    ids = [item.id for section in ("entities", "sources", "quotes", "quantities", "places", "times",
                                                "events", "claims") for item in getattr(sample_analysis, section)]
    assert len(ids) == len(set(ids))
    for source in sample_analysis.sources:
        assert source.entity is None or source.entity in index
        assert source.via is None or source.via in index
    for quote in sample_analysis.quotes:
        assert quote.speaker is None or quote.speaker in index
    for claim in sample_analysis.claims:
        assert all(ref in index for ref in claim.sources + claim.quotes + claim.quantities + claim.events)
    for flag in sample_analysis.flags:
        assert all(ref in index for ref in flag.refs)


def test_same_text_same_id(analyzer):
    text = "Rebels shelled the town of Idlib on Sunday, residents said."
    first = analyzer.analyze_article(prepare(text))
    second = analyzer.analyze_article(prepare(text))
    assert first.document.id == second.document.id
    assert first.to_dict() == second.to_dict()


def test_invalid_items_are_rejected():
    with pytest.raises(ValueError):
        Analysis.model_validate({"schema": SCHEMA_ID, "document": {"id": "x", "text": "t"},
                                 "entities": [{"id": "e1", "name": "X", "type": "SPACESHIP"}]})


def test_repr_html_is_a_fragment(sample_analysis):
    html = sample_analysis._repr_html_()
    assert "<html" not in html.lower()[:200]
    assert "Kursat Mican" in html


def test_spans_of_sample_exact(sample_analysis):
    assert_spans_exact(sample_analysis)
