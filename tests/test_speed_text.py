"""`span_text` / `tokens_text` (claimgraph/nlp/shared/text.py) give spaCy's `Span.text` exactly: for every
sentence, entity, noun chunk and token pair of real articles after the whole pipeline, and for a plain `Doc`."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Doc

from claimgraph.nlp.shared.text import span_text, token_texts, tokens_text
from claimgraph.nlp.tokenize import TextDoc

ROOT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    out = [(ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8")]
    out += [json.loads(line)["text"] for line in (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()]
    return out + ["They didn't say.  \n\n  Ends with spaces  \n"]


def test_span_text_is_spacys_on_analysed_articles(analyzer) -> None:
    checked = 0
    for text in texts():
        doc = analyzer.nlp(text)
        assert isinstance(doc, TextDoc)
        spans = [*doc.sents, *doc.ents, *doc.noun_chunks, doc[0:len(doc)], doc[3:3], doc[len(doc):len(doc)]]
        spans += [doc[i:j] for i in range(0, len(doc), 7) for j in (i, i + 1, i + 2, i + 9) if j <= len(doc)]
        for span in spans:
            assert span_text(span) == span.text
            assert tokens_text(doc, span.start, span.end) == span.text
            checked += 1
    assert checked > 500


def test_a_plain_doc_gets_spacys_join(analyzer) -> None:
    doc = Doc(analyzer.nlp.vocab, words=["Shelling", "hit", "Idlib", "."], spaces=[True, True, False, False])
    assert span_text(doc[1:3]) == tokens_text(doc, 1, 3) == "hit Idlib"
    assert span_text(doc[0:4]) == "Shelling hit Idlib."


def test_token_texts_are_spacys_and_made_once(analyzer) -> None:
    for text in texts():
        doc = analyzer.nlp(text)
        assert token_texts(doc) == [t.text for t in doc] and token_texts(doc) is token_texts(doc)
        assert "".join(t + doc[i].whitespace_ for i, t in enumerate(token_texts(doc))) == text
    plain = Doc(analyzer.nlp.vocab, words=["Shelling", "hit", "Idlib"])
    assert token_texts(plain) == ["Shelling", "hit", "Idlib"]


def test_token_columns_are_spacys(analyzer) -> None:
    from claimgraph.nlp.shared.columns import (
        dep_labels,
        heads,
        lemma_lowers,
        like_nums,
        lower_forms,
        lower_ids,
        lower_strings,
        offsets,
        pos_labels,
    )

    for text in [*texts(), ""]:
        doc = analyzer.nlp(text)
        assert offsets(doc) == ([t.idx for t in doc], [t.idx + len(t) for t in doc])
        assert heads(doc) == [t.head.i for t in doc]
        assert dep_labels(doc) == [t.dep_ for t in doc]
        assert lower_forms(doc) == [t.lower_ for t in doc]
        assert pos_labels(doc) == [t.pos_ for t in doc]
        assert lower_ids(doc) == [t.lower for t in doc]
        assert lemma_lowers(doc) == [t.lemma_.lower() for t in doc]
        assert lower_strings(doc) == [t.lower_ for t in doc] and like_nums(doc) == [t.like_num for t in doc]
    doc = analyzer.nlp(texts()[0])
    assert len(doc) > 100 and any(h < i for i, h in enumerate(heads(doc)))  # heads before their tokens too
    assert isinstance(doc, TextDoc) and lower_ids(doc) is lower_ids(doc)  # a TextDoc keeps its columns
    assert lemma_lowers(doc) is lemma_lowers(doc) and lower_strings(doc) is lower_strings(doc)
    assert like_nums(doc) is like_nums(doc) and any(like_nums(doc))
    assert offsets(doc) is offsets(doc)  # read by several components: made once


def test_capitalised_text_reads_names_and_not_lower_case_starts(analyzer) -> None:
    from claimgraph.nlp.places.recognition import _capitalised
    from claimgraph.nlp.shared.text import capitalised_text

    doc = analyzer.nlp("Troops entered al-Bab and McAllen, the UN said; o'Neill, I, x-Ray and 4th Street saw it.")
    capitalised = [w for w in token_texts(doc) if capitalised_text(w)]
    assert capitalised == ["Troops", "Bab", "McAllen", "UN", "I", "Ray", "Street"]  # "o'Neill": a lower-case start
    assert not capitalised_text("") and not _capitalised(None)
