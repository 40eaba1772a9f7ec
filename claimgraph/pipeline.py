"""`analyze`: ingest -> spaCy pipeline -> assemble the contract. One pass, one direction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.assemble import assemble
from claimgraph.contract import Analysis
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Article, prepare
from claimgraph.nlp import build_pipeline, model_name
from claimgraph.nlp.state import DocState, get_state


@dataclass
class Analyzer:
    """Holds one loaded pipeline; create one per process and reuse it (loading takes about a second)."""

    model: str | None = None
    exclude: tuple[str, ...] = ()
    _nlp: Language | None = field(default=None, repr=False)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(self.model, self.exclude)
        return self._nlp

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.claimgraph = DocState(meta=article.meta)
        return doc

    def analyze_article(self, article: Article) -> Analysis:
        doc = self._doc(article)
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return assemble(doc, get_state(doc))

    def analyze_many(self, articles: Iterable[Article | ClaimgraphError]) -> Iterator[Analysis | ClaimgraphError]:
        """Analyse a batch; an article that fails yields its error instead of stopping the batch."""
        for article in articles:
            if isinstance(article, ClaimgraphError):
                yield article
                continue
            try:
                yield self.analyze_article(article)
            except ClaimgraphError as exc:
                yield exc


_DEFAULT: dict[str, Analyzer] = {}


def default_analyzer() -> Analyzer:
    """One analyzer per process and model, loaded on first use."""
    name = model_name()
    if name not in _DEFAULT:
        _DEFAULT[name] = Analyzer(model=name)
    return _DEFAULT[name]


def analyze(
    source: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    authors: list[str] | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML (detected); metadata arguments override ingest."""
    article = prepare(source, title=title, outlet=outlet, authors=authors, url=url, published=published)
    return default_analyzer().analyze_article(article)
