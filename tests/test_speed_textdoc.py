"""The tokenizer's `TextDoc` (a Doc that keeps its text, read ~15 times per analysis) is spaCy's Doc token for
token: the same text as spaCy joins it, the same tokens, whitespace, offsets and special-case norms, the same
parse, and it pickles as a Doc."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from spacy.tokens import Doc

from claimgraph.nlp.tokenize import TextDoc

ROOT = Path(__file__).resolve().parents[1]


def articles() -> list[str]:
    out = [(ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8")]
    out += [json.loads(line)["text"] for line in (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()]
    return out + ["They didn't say. We can't go, isn't it?  \n\n  Ends with spaces  ", "x"]


def tokens(doc: Doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.idx, t.norm_, t.lex_id) for t in doc]


def test_textdoc_is_spacys_doc_token_for_token(analyzer) -> None:
    guarded = analyzer.nlp.tokenizer
    for text in articles():
        doc, plain = guarded(text), guarded.tokenizer(text)
        assert isinstance(doc, TextDoc) and type(plain) is Doc
        assert doc.text == Doc.text.__get__(doc) == plain.text == text  # spaCy's join of the tokens
        assert tokens(doc) == tokens(plain)
    assert [t.norm_ for t in guarded("didn't")] == ["do", "not"]  # spaCy's special-case norms kept


def test_textdoc_parses_as_spacys_doc_and_pickles_as_one(analyzer) -> None:
    nlp = analyzer.nlp
    spacy_stage = [name for name in nlp.pipe_names if not name.startswith("claimgraph_")]
    text = articles()[0]
    with nlp.select_pipes(enable=spacy_stage):
        ours = nlp(nlp.tokenizer(text))
        theirs = nlp(nlp.tokenizer.tokenizer(text))
    assert isinstance(ours, TextDoc)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in ours] == \
        [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in theirs]
    back = pickle.loads(pickle.dumps(ours))
    assert type(back) is Doc and back.text == text and tokens(back) == tokens(ours)


def test_a_hostile_text_gives_a_plain_doc_whose_tokens_make_the_text(analyzer) -> None:
    text = 'He said ' + '"' * 300 + " and left."
    doc = analyzer.nlp.tokenizer(text)
    assert type(doc) is Doc and doc.text == text
