"""`analyze`: ingest -> spaCy pipeline -> assemble the contract. One pass, one direction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.assemble import assemble
from claimgraph.contract import Analysis
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest import Article, prepare
from claimgraph.nlp import build_pipeline, model_name
from claimgraph.nlp.state import DocState, get_state


@dataclass
class Outcome:
    """One article's result in a batch: an analysis, or the error that stopped it (never both)."""

    index: int
    analysis: Analysis | None = None
    error: ClaimgraphError | None = None
    warnings: list[str] = field(default_factory=list)


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
        state = DocState(meta=article.meta)
        if article.header is not None:  # where the body starts, the byline and title spans (ingest.header)
            state.extra["header"] = article.header
        doc._.claimgraph = state
        return doc

    def analyze_article(self, article: Article | str, **metadata: Any) -> Analysis:
        """Analyse one article: an `Article`, or plain text / HTML (prepared here; `metadata` as in `analyze`)."""
        article = _as_article(article, metadata)
        doc = self._doc(article)
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return assemble(doc, get_state(doc))

    def analyze_many(
        self, articles: Iterable[Article | str | ClaimgraphError], batch_size: int = 16
    ) -> Iterator[Outcome]:
        """Analyse a batch, in order; an article that fails yields a failure record instead of stopping it.

        Items may be `Article`s or strings (plain text or HTML, prepared here; one that cannot be read
        yields its error). Articles go through spaCy in batches (`nlp.pipe`), which is faster than one by
        one; if a batch fails as a whole, its articles are redone one by one so only the broken one fails.
        """
        if isinstance(articles, str | Article):
            raise TypeError("analyze_many takes a list (or any iterable) of articles; for one, use analyze_article")
        pending: list[tuple[int, Article | ClaimgraphError]] = []
        for index, item in enumerate(articles, start=1):
            pending.append((index, _coerce(item, index)))
            if sum(not isinstance(a, ClaimgraphError) for _, a in pending) >= batch_size:
                yield from self._run_batch(pending)
                pending = []
        if pending:
            yield from self._run_batch(pending)

    def _run_batch(self, batch: list[tuple[int, Article | ClaimgraphError]]) -> Iterator[Outcome]:
        articles = [(i, a) for i, a in batch if not isinstance(a, ClaimgraphError)]
        done: dict[int, Outcome] = {}
        try:
            docs = self.nlp.pipe([self._doc(a) for _, a in articles], batch_size=len(articles) or 1)
            for (index, article), doc in zip(articles, docs, strict=True):
                done[index] = Outcome(index=index, analysis=assemble(doc, get_state(doc)),
                                      warnings=list(article.warnings))
        except Exception:  # noqa: BLE001 - redo one by one so that only the broken article fails
            done = {index: self._one(index, article) for index, article in articles}
        for index, item in batch:
            yield Outcome(index=index, error=item) if isinstance(item, ClaimgraphError) else done[index]

    def _one(self, index: int, article: Article) -> Outcome:
        warnings = list(article.warnings)
        try:
            return Outcome(index=index, analysis=self.analyze_article(article), warnings=warnings)
        except ClaimgraphError as exc:
            return Outcome(index=index, error=exc, warnings=warnings)
        except Exception as exc:  # noqa: BLE001 - one broken article never kills a batch
            error = ClaimgraphError(f"article {index}: internal error ({type(exc).__name__}: {exc})")
            return Outcome(index=index, error=error, warnings=warnings)


def _as_article(item: Article | str, metadata: dict[str, Any]) -> Article:
    if isinstance(item, Article):
        if metadata:
            raise TypeError("metadata keywords apply to text or HTML; set them on the Article's meta instead")
        return item
    if isinstance(item, str):
        return prepare(item, **metadata)
    raise TypeError(f"expected an Article or a str (plain text or HTML), got {type(item).__name__}")


def _coerce(item: object, index: int) -> Article | ClaimgraphError:
    """A batch item as an Article, or the error that keeps it from being one (reported, not raised)."""
    if isinstance(item, Article | ClaimgraphError):
        return item
    if isinstance(item, str):
        try:
            return prepare(item)
        except ClaimgraphError as exc:
            return type(exc)(f"article {index}: {exc}")
        except Exception as exc:  # noqa: BLE001 - one unreadable article never kills a batch
            return ClaimgraphError(f"article {index}: internal error while reading ({type(exc).__name__}: {exc})")
    return InputError(f"article {index}: expected an Article or a str (plain text or HTML), "
                      f"got {type(item).__name__}")


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
