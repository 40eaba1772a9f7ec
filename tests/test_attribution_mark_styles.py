"""A quote reopened in the next paragraph continues the one left open only with a mark of the same family: a passage
pasted from another text and opened with a straight mark is followed by the article's own curly-quoted speech,
whose speaker is named in its own frame, not the pasted passage's."""

from __future__ import annotations

from conftest import quote_rows

from claimgraph.nlp.attribution.marks import find_quotes, merge_continuations


def test_a_paragraph_reopened_with_the_same_mark_continues_the_quote() -> None:
    for text in ('"The first part.\n\n"The second part," he said.',
                 "\u201cThe first part.\n\n\u201cThe second part,\u201d he said."):
        groups = merge_continuations(find_quotes(text))
        assert [len(g) for g in groups] == [2]


def test_a_paragraph_opened_with_another_family_of_marks_starts_a_quote_of_its_own() -> None:
    text = '"The first part.\n\n\u201cThe second part,\u201d he said.'
    groups = merge_continuations(find_quotes(text))
    assert [len(g) for g in groups] == [1, 1]


def test_the_speaker_of_a_quote_after_a_pasted_passage_is_named_in_its_own_frame() -> None:
    text = ("The magazine printed her letter in full:\n\n"
            '"I have lived in this valley for forty years.\n\n'
            "\u201cNobody asked us,\u201d her neighbour, Tom Reed, told the council.")
    rows = quote_rows(text, strip=' ,."')
    nobody = [r for r in rows if r["content"] == "Nobody asked us"]
    assert len(nobody) == 1 and nobody[0]["label"] == "Tom Reed"
    assert not any("forty years" in (r["content"] or "") and r["label"] == "Tom Reed" for r in rows)


def test_a_pasted_passage_no_longer_runs_into_the_next_speakers_words() -> None:
    text = ("The newspaper described the evening at length:\n\n"
            '"The farmer had not slept for two days.\n\n'
            "\u201cThe rain is coming,\u201d Maria Costa said.")
    rows = quote_rows(text, strip=' ,."')
    costa = [r["content"] for r in rows if r["label"] == "Maria Costa"]
    assert costa == ["The rain is coming"]
