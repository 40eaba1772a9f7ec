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


def test_lemma_index_answers_membership_as_its_list_and_lemmas_stay_spacys(analyzer) -> None:
    """The rule lemmatizer's index lists answer `in` through a set (a new word cost a scan of 57,528 nouns per
    rule): the same answer as the list for every item and for other forms, and a freshly loaded spaCy
    pipeline, untouched, gives every token of real articles the same lemma."""
    import spacy

    from claimgraph.nlp import model_name

    table = analyzer.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert len(table) >= 4
    for members in table.values():
        assert type(members).__name__ == "_Members" and len(members) > 1_000
        plain = list(members)
        for word in plain[::97] + ["xyzzy", "", "runs", "ran", "bombs", "bases", plain[0].upper()]:
            assert (word in members) is (word in plain)
    fresh = spacy.load(model_name())
    assert all(type(v) is list for v in fresh.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    for text in TEXTS:
        assert [t.lemma_ for t in analyzer.nlp(text)] == [t.lemma_ for t in fresh(text)]
