"""The optional linear re-typer of the main event: TF-IDF over lemmas plus the rules' own output.

Why: rules find events and their parts well, but choosing the one fine-grained ACLED subtype of a
report's main event is where word statistics add most. The model is a plain multinomial logistic
regression stored as JSON (claimgraph/data/events_model.json: vocabulary with idf, per-class weights),
scored here with plain Python; it never sees or stores texts, only lemma n-grams seen in at least
two training documents. Features are shared with bench/train_events.py through `features()`, so
training and run time cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Iterable
from importlib import resources

from spacy.tokens import Span, Token

MODEL_FILE = "events_model.json"
#: how many leading words of the document the model reads (the main event is reported early)
MAX_WORDS = 80


def text_terms(tokens: Iterable[Token]) -> list[str]:
    """Lemma unigrams and bigrams of the leading words (numbers and punctuation dropped)."""
    words: list[str] = []
    for tok in tokens:
        if tok.is_punct or tok.is_space or tok.like_num:
            continue
        words.append(tok.lemma_.lower())
        if len(words) >= MAX_WORDS:
            break
    terms = list(words)
    terms.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return terms


def rule_terms(subtypes: list[str]) -> list[str]:
    """The rules' verdict as features: the main event's subtype, and every subtype found."""
    out = []
    if subtypes:
        out.append(f"RULE1={subtypes[0]}")
    out.extend(f"RULE={s}" for s in dict.fromkeys(subtypes))
    return out


def features(tokens: Iterable[Token], subtypes: list[str]) -> Counter[str]:
    return Counter(text_terms(tokens)) + Counter(rule_terms(subtypes))


class LinearModel:
    def __init__(self, data: dict) -> None:
        self.classes: list[str] = data["classes"]
        self.vocab: dict[str, tuple[int, float]] = {t: (i, idf) for t, (i, idf) in data["vocab"].items()}
        self.weights: dict[int, list[tuple[int, float]]] = {
            int(k): [(int(c), float(w)) for c, w in v] for k, v in data["weights"].items()
        }
        self.intercept: list[float] = data["intercept"]
        self.sublinear: bool = data.get("sublinear_tf", True)

    def scores(self, feats: Counter[str]) -> list[float]:
        vec: dict[int, float] = {}
        for term, count in feats.items():
            hit = self.vocab.get(term)
            if hit is None:
                continue
            idx, idf = hit
            tf = 1.0 + math.log(count) if self.sublinear else float(count)
            vec[idx] = tf * idf
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out = list(self.intercept)
        for idx, val in vec.items():
            for cls, w in self.weights.get(idx, ()):
                out[cls] += w * val / norm
        return out

    def predict(self, feats: Counter[str]) -> tuple[str, float]:
        """Best class and its probability."""
        s = self.scores(feats)
        top = max(s)
        exp = [math.exp(v - top) for v in s]
        best = max(range(len(s)), key=s.__getitem__)
        return self.classes[best], exp[best] / sum(exp)


@functools.lru_cache(maxsize=1)
def load_model() -> LinearModel | None:
    """The shipped model, or None when the data file is absent (the rules then decide alone)."""
    try:
        text = resources.files("claimgraph.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return LinearModel(json.loads(text))


def doc_tokens(sent_spans: list[Span]) -> list[Token]:
    return [tok for sent in sent_spans for tok in sent]
