"""The memoised lemmatizer (claimgraph/nlp/lemma_memo.py) gives every token the lemma spaCy's own
`Lemmatizer.__call__` gives it, on real articles parsed by claimgraph's pipeline."""

from __future__ import annotations

from pathlib import Path

from claimgraph.nlp.lemma_memo import memoize_lemmatizer

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))]
TEXTS.append((ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text(encoding="utf-8"))


def test_memoised_lemmas_are_spacys_token_for_token(analyzer) -> None:
    nlp = analyzer.nlp
    names = [name for name, _ in nlp.pipeline]
    lemmatizer = nlp.get_pipe("lemmatizer")
    spacy_call = type(lemmatizer).__mro__[1].__call__  # the class spaCy made it, before memoize_lemmatizer
    assert type(lemmatizer).__module__ == "claimgraph.nlp.lemma_memo" and spacy_call is not type(lemmatizer).__call__
    checked = changed = 0
    for text in TEXTS * 2:  # the second round reads the memo only
        doc = nlp.make_doc(text)
        for _name, proc in nlp.pipeline[:names.index("lemmatizer")]:
            doc = proc(doc)
        theirs = spacy_call(lemmatizer, doc.copy())
        before = [t.lemma for t in doc]
        ours = lemmatizer(doc)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        checked += len(doc)
        changed += sum(a != t.lemma for a, t in zip(before, ours, strict=True))
    assert checked > 4_000 and changed > checked // 2  # most tokens got their lemma here, not before
    memoize_lemmatizer(nlp)  # a second call changes nothing
    assert type(nlp.get_pipe("lemmatizer")).__mro__[1].__call__ is spacy_call
