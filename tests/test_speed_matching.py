"""The events matcher's speed-ups change no match: per-word memo of the patterns a token starts, and a
sentence (`Forms`) that keeps each index's matches across the several questions asked about it."""

from __future__ import annotations

from claimgraph.nlp.events.lexicon import Forms, PatternIndex, lexicon, parse_pattern, token_forms

SENTENCE = ("Syrian government warplanes carried out dozens of air-strikes on Kafr Nabl on Tuesday, killing "
            "at least 12 civilians, including three children, the Syrian Observatory for Human Rights said.")


def spans(matches) -> list[tuple[int, int, object]]:
    return [(m.start, m.end, m.payload) for m in matches]


def test_sentence_matches_are_the_same_from_a_plain_list_and_on_every_question(analyzer) -> None:
    toks = token_forms(analyzer.nlp(SENTENCE))
    assert isinstance(toks, Forms)
    lex = lexicon()
    for index in (lex.triggers, lex.casualty_cues, lex.context_index, lex.cumulative, lex.number_phrases):
        first = index.find(toks)
        assert spans(index.find(list(toks))) == spans(first)  # a plain list: no memo of the sentence
        again = index.find(toks)
        assert spans(again) == spans(first)
        again.clear()  # the caller's list is its own: the kept matches are untouched
        assert spans(index.find(toks)) == spans(first)
    words = {toks[m.start].token.lower_ for m in lex.triggers.find(toks)}
    assert "air" in words  # "air-strikes" through the hyphen-free form
    cue_words = {toks[m.start].token.lower_ for m in lex.casualty_cues.find(toks)}
    assert "killing" in cue_words


def test_a_pattern_added_after_a_search_is_found_by_the_next_one(analyzer) -> None:
    index = PatternIndex()
    index.add(parse_pattern("carry out"), "carry")
    toks = token_forms(analyzer.nlp(SENTENCE))
    assert spans(index.find(list(toks))) == [(3, 5, "carry")]
    index.add(parse_pattern("warplane"), "plane")  # the per-word memo is rebuilt
    assert spans(index.find(list(toks))) == [(2, 3, "plane"), (3, 5, "carry")]
    fresh = token_forms(analyzer.nlp(SENTENCE))
    assert spans(index.find(fresh)) == [(2, 3, "plane"), (3, 5, "carry")]
    index.add(parse_pattern("dozen"), "dozen")  # and so are the matches the sentence kept
    assert spans(index.find(fresh)) == [(2, 3, "plane"), (3, 5, "carry"), (5, 6, "dozen")]
