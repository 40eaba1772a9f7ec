"""The pipeline's shape: components ordered by what they require, failures flagged and logged, not raised."""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language

from claimgraph.ingest import prepare
from claimgraph.nlp import component_names, model_name, order_by_requirements
from claimgraph.nlp.quantities import QuantitiesComponent

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_components_run_after_what_they_require():
    names = component_names()
    position = {name: i for i, name in enumerate(names)}
    pairs = [(other, name) for name in names for other in names
             if other != name and set(Language.get_factory_meta(name).requires)
             & set(Language.get_factory_meta(other).assigns)]
    assert len(pairs) >= len(names) // 2, pairs  # the components do depend on one another: there is an order
    for other, name in pairs:
        assert position[other] < position[name], (other, name)


def test_a_new_component_is_ordered_by_what_it_requires():
    """Adding a component is one module: its requires/assigns alone decide where it runs."""
    needs = {
        name: (set(Language.get_factory_meta(name).requires), set(Language.get_factory_meta(name).assigns))
        for name in component_names()
    }
    needs["claimgraph_aaa_counter"] = ({"doc._.cg_quantities"}, {"doc._.cg_flags"})
    order = order_by_requirements(needs)
    assert order.index("claimgraph_aaa_counter") > order.index("claimgraph_quantities")
    assert order.index("claimgraph_quantities") > order.index("claimgraph_attribution")


def test_a_failing_component_is_flagged_and_logged_not_raised(analyzer, monkeypatch, caplog):
    def boom(self, doc, state):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(QuantitiesComponent, "_run", boom)
    text = "Rebels said on Monday that 40 soldiers were killed near Idlib, a spokesman told Reuters."
    with caplog.at_level(logging.ERROR, logger="claimgraph"):
        analysis = analyzer.analyze_article(prepare(text))
    flags = [f for f in analysis.flags if f.kind == "component_error"]
    assert len(flags) == 1 and "claimgraph_quantities" in flags[0].message
    assert analysis.quantities == []
    assert analysis.entities and analysis.quotes  # the rest of the analysis stands
    assert any("claimgraph_quantities failed" in r.getMessage() for r in caplog.records)


def test_batches_match_single_analyses_and_keep_order(analyzer, monkeypatch):
    """analyze_many (spaCy in batches) gives what analyze_article gives, in input order, failures in place."""
    import claimgraph.pipeline as pipeline
    from claimgraph.errors import EmptyInputError

    texts = [
        "Rebels shelled the town of Idlib on Sunday, killing three civilians, a monitoring group said.",
        "“We will not leave,” said Amina Yusuf, 41, who fled Mosul in 2016.",
        "BROKEN on purpose: police in Nairobi arrested 12 protesters on Tuesday.",
        "The ministry said about 2,000 families had been displaced since March.",
    ]
    singles = [analyzer.analyze_article(prepare(t)).to_dict() for t in texts]

    real_assemble = pipeline.assemble

    def fragile_assemble(doc, state):
        if doc.text.startswith("BROKEN"):
            raise RuntimeError("simulated")
        return real_assemble(doc, state)

    monkeypatch.setattr(pipeline, "assemble", fragile_assemble)
    items = [prepare(texts[0]), EmptyInputError("line 2 is empty"), *[prepare(t) for t in texts[1:]]]
    outcomes = list(analyzer.analyze_many(items, batch_size=3))
    assert [o.index for o in outcomes] == [1, 2, 3, 4, 5]
    assert isinstance(outcomes[1].error, EmptyInputError)
    assert outcomes[3].error is not None and "simulated" in str(outcomes[3].error)
    good = [o.analysis.to_dict() for o in outcomes if o.analysis is not None]
    assert good == [singles[0], singles[1], singles[3]]


def test_analyzer_takes_strings_as_well_as_articles():
    import claimgraph

    analyzer = claimgraph.Analyzer()
    text = "Rebels shelled the town of Idlib on Sunday, killing three people, a monitoring group said."
    analysis = analyzer.analyze_article(text, outlet="Example Wire")
    assert analysis.document.outlet == "Example Wire"
    assert analysis.document.text == text
    article = claimgraph.prepare(text)
    assert isinstance(article, claimgraph.Article)
    assert analyzer.analyze_article(article).document.text == text
    outcomes = list(analyzer.analyze_many([text, "", "Police said two men were arrested.", 42]))
    assert [o.index for o in outcomes] == [1, 2, 3, 4]
    assert [o.analysis is not None for o in outcomes] == [True, False, True, False]
    assert "empty" in str(outcomes[1].error) and "int" in str(outcomes[3].error)


def test_the_indexed_attribute_ruler_gives_every_token_what_spacy_gives_it(analyzer):
    """The model's attribute_ruler matched through an index (claimgraph.nlp.attribute_index) sets the same
    tags, parts of speech, morphology and lemmas as spaCy's own Matcher, token for token, on real articles
    (including contractions the ruler's regex and two-token rules are for)."""
    import spacy

    from claimgraph.nlp.attribute_index import IndexedMatch, index_attribute_ruler

    assert isinstance(analyzer.nlp.get_pipe("attribute_ruler").match, IndexedMatch)
    plain = spacy.load(model_name())
    assert not isinstance(plain.get_pipe("attribute_ruler").match, IndexedMatch)
    indexed = spacy.load(model_name())
    assert index_attribute_ruler(indexed)
    texts = [p.read_text(encoding="utf-8") for p in [*sorted(ARTICLES.glob("*.txt")), *sorted(EXAMPLES.glob("*.txt"))]]
    texts.append("Y'all ain't seen nothin' yet, it's what I'd've said. There are some who doubt it; we gave it "
                 "to him.\n\n  They do have that, don't they?")
    differing = []
    tokens = 0
    for a, b in zip(plain.pipe(texts), indexed.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            if (x.tag_, x.pos_, str(x.morph), x.lemma_) != (y.tag_, y.pos_, str(y.morph), y.lemma_):
                differing.append((x.text, x.pos_, y.pos_, str(x.morph), str(y.morph), x.lemma_, y.lemma_))
    assert tokens > 2_000
    assert differing == []
