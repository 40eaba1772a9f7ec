"""`analyze`: ingest -> spaCy pipeline -> assemble the contract. One pass, one direction."""

from __future__ import annotations

import bisect
import gc
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.assemble import assemble
from claimgraph.contract import Analysis
from claimgraph.errors import AnalysisTimeoutError, ClaimgraphError, InputError, InternalAnalysisError
from claimgraph.ingest import Article, prepare, replace_unencodable
from claimgraph.nlp import PREFIX, build_pipeline, model_name
from claimgraph.nlp.lemma_memo import memoize_lemmatizer
from claimgraph.nlp.state import DocState, get_state


@dataclass
class Outcome:
    """One article's result in a batch: an analysis, or the error that stopped it (never both)."""

    index: int
    analysis: Analysis | None = None
    error: ClaimgraphError | None = None
    warnings: list[str] = field(default_factory=list)


#: texts longer than this are parsed in windows of about this many characters, cut at paragraph breaks
WINDOW_CHARS = 50_000
#: ... and of at most this many tokens (50,000 characters of news prose are about 10,000 tokens), so that a text
#: of many short tokens (`" " " ...`) does not make a window's parse, and its memory, several times larger
WINDOW_TOKENS = 12_000


def windows(text: str, size: int = WINDOW_CHARS, starts: Sequence[int] | None = None,
            max_tokens: int | None = None) -> list[tuple[int, int]]:
    """[start, end) offsets covering `text` in order, each at most `size` characters where a break allows.

    A window ends after a paragraph break if there is one in its second half, else after a line break, a
    sentence end or a space, and only as a last resort mid-word; the windows concatenate to the text exactly.
    Given `starts` (the tokens' start offsets, sorted), every cut falls on a token start and no window holds
    more than `max_tokens` tokens (when that is set).
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    first = 0  # index in `starts` of the window's first token
    while True:
        limit = start + size
        if starts is not None and max_tokens is not None and first + max_tokens < len(starts):
            limit = min(limit, starts[first + max_tokens])
        if limit >= n:
            break
        end = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, start + (limit - start) // 2, limit)
            if i >= 0:
                end = i + len(sep)
                break
        end = end if end > start else limit
        if starts is not None:  # on a token start: the one at or before `end`, else the next one
            k = bisect.bisect_right(starts, end, lo=first) - 1
            if k > first:
                end = starts[k]
            else:
                k = first + 1
                end = starts[k] if k < len(starts) else n
            first = k
        if end >= n:
            break
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


_FROZEN: list[bool] = []


def _freeze_once() -> None:
    """Exempt what is alive once the first model is loaded (the model, spaCy, the modules: ~100,000 objects
    that live as long as the process) from the cyclic garbage collector's passes: otherwise each of its full
    passes walks them all, about 2% of an analysis's CPU. Once per process, so that models loaded and dropped
    later (tests, other languages) stay collectable."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.freeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Run a batch without the cyclic garbage collector's passes, then let its next pass see the batch once.

    spaCy's Docs, Tokens and Spans and claimgraph's items are many container objects, most freed by reference
    counting as soon as they are done with; with the collector on, a pass starts every 700 allocations (about 40
    per batch of 16 articles, a full one every few batches), each walking what is alive at that moment. Paused,
    the first allocation after the batch starts one pass over what survived it, which frees any cycle the batch
    left, so memory stays flat from batch to batch (bench.scale: RSS after 10,000 documents vs 1,000); the
    collector's CPU over 150 FA-KES dev articles falls from about 0.2 s to 0.05 s. Left alone when the collector
    is already off (the caller's choice)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass
class Analyzer:
    """Holds one loaded pipeline; create one per process and reuse it (loading takes about a second).

    `time_budget` (seconds, None: no limit) bounds each article: past it, the article becomes a failure
    (`AnalysisTimeoutError`) and a batch goes on. It is checked between components and between windows, and
    inside claimgraph's components (in their loops over sentences and items, and on every entity or claim
    look-up: `DocState.check_time`), so an article stops within one loop step, or one spaCy component on one
    window, of its budget; no component takes more than O(n log n) of the document's length.
    `window_chars`, `window_tokens`: longer texts are parsed by spaCy in windows of at most that many
    characters and tokens, cut at paragraph breaks, so memory depends on the window, not the document;
    claimgraph's own components then see the whole document (entities, aliases and quotes across windows).
    """

    model: str | None = None
    exclude: tuple[str, ...] = ()
    time_budget: float | None = None
    window_chars: int = WINDOW_CHARS
    window_tokens: int = WINDOW_TOKENS
    _nlp: Language | None = field(default=None, repr=False)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(self.model, self.exclude)
            memoize_lemmatizer(self._nlp)  # the same lemmas, one look-up per distinct word form
            _freeze_once()
        return self._nlp

    def _stages(self) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """(spaCy's stage, claimgraph's stage): the components up to spaCy's last one, and the rest.

        The first stage only needs local context (windows of a long text); the second sees the whole document.
        """
        pipeline = list(self.nlp.pipeline)
        last = max((i for i, (name, _) in enumerate(pipeline) if not name.startswith(PREFIX)), default=-1)
        return pipeline[:last + 1], pipeline[last + 1:]

    def _state(self, article: Article) -> DocState:
        state = DocState(meta=article.meta)
        if article.header is not None:  # where the body starts, the byline and title spans (ingest.header)
            state.extra["header"] = article.header
        return state

    @staticmethod
    def _text(article: Article) -> str:
        text, _warning = replace_unencodable(article.text)  # an Article built by hand skipped prepare()
        return text

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(self._text(article))
        doc._.claimgraph = self._state(article)
        return doc

    def _timeout(self, text_len: int, where: str) -> AnalysisTimeoutError:
        return AnalysisTimeoutError(
            f"the analysis took longer than the time budget of {self.time_budget:g} s for one article "
            f"(stopped {where}, {text_len:,} characters): raise the budget (--time-budget) or split the article")

    def _check(self, deadline: float | None, text_len: int, where: str) -> None:
        if deadline is not None and time.perf_counter() > deadline:
            raise self._timeout(text_len, f"after {where}")

    def _run(self, name: str, proc: Any, doc: Doc, deadline: float | None) -> Doc:
        """One component on `doc`; a budget spent inside it (DocState.check_time) says which one."""
        try:
            doc = proc(doc)
        except AnalysisTimeoutError as exc:
            raise self._timeout(len(doc.text), f"in {name}") from exc
        self._check(deadline, len(doc.text), name)
        return doc

    def _parsed(self, article: Article, deadline: float | None) -> Doc:
        """The article through spaCy's stage, in windows when it is long; then one Doc over the whole text.

        The whole text is tokenized once (the guarded tokenizer is linear), then cut into windows on token
        boundaries, at most `window_chars` characters and `window_tokens` tokens each.
        """
        text = self._text(article)
        first, _ = self._stages()
        state = self._state(article)  # shared by the windows, so a failure flagged in one is kept
        state.deadline = deadline
        whole = self.nlp.make_doc(text)
        self._check(deadline, len(text), "tokenizing")
        if len(text) <= self.window_chars and len(whole) <= self.window_tokens:
            cuts = [(0, len(whole))]
        else:
            starts = [t.idx for t in whole]
            spans = windows(text, self.window_chars, starts, self.window_tokens)
            cuts = [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in spans]
        parts: list[Doc] = []
        for a, b in cuts:
            part = whole if len(cuts) == 1 else whole[a:b].as_doc()
            part._.claimgraph = state
            for name, proc in first:
                part = self._run(name, proc, part, deadline)
            if len(cuts) > 1:
                part.tensor = numpy.empty((0,), dtype="float32")  # nothing downstream reads it: free it now
            parts.append(part)
        del whole
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False,
                                                             exclude=["tensor", "user_data"])
        doc._.claimgraph = state
        return doc

    def analyze_article(self, article: Article | str, **metadata: Any) -> Analysis:
        """Analyse one article: an `Article`, or plain text / HTML (prepared here; `metadata` as in `analyze`)."""
        article = _as_article(article, metadata)
        deadline = None if self.time_budget is None else time.perf_counter() + self.time_budget
        doc = self._parsed(article, deadline)
        _, second = self._stages()
        for name, proc in second:
            doc = self._run(name, proc, doc, deadline)
        state = get_state(doc)
        state.deadline = None  # the contract is built whatever the time: it is linear and cheap
        return assemble(doc, state)

    def analyze_many(
        self, articles: Iterable[Article | str | ClaimgraphError], batch_size: int = 16, start: int = 1
    ) -> Iterator[Outcome]:
        """Analyse a batch, in order; an article that fails yields a failure record instead of stopping it.

        Items may be `Article`s or strings (plain text or HTML, prepared here; one that cannot be read
        yields its error). Articles go through spaCy in batches (`nlp.pipe`), which is faster than one by
        one; if a batch fails as a whole, its articles are redone one by one so only the broken one fails.
        Long articles (windowed) and, with a time budget, every article go one by one, so that each is timed
        on its own.
        `start` numbers the first item (a worker analysing a slice of a longer input says where it is).
        """
        if isinstance(articles, str | Article):
            raise TypeError("analyze_many takes a list (or any iterable) of articles; for one, use analyze_article")
        pending: list[tuple[int, Article | ClaimgraphError]] = []
        for index, item in enumerate(articles, start=start):
            pending.append((index, _coerce(item, index)))
            if sum(not isinstance(a, ClaimgraphError) for _, a in pending) >= batch_size:
                yield from self._run_batch(pending)
                pending = []
        if pending:
            yield from self._run_batch(pending)

    def _run_batch(self, batch: list[tuple[int, Article | ClaimgraphError]]) -> Iterator[Outcome]:
        alone = self.time_budget is not None
        articles = [(i, a) for i, a in batch
                    if not isinstance(a, ClaimgraphError) and not alone and len(a.text) <= self.window_chars]
        done: dict[int, Outcome] = {}
        with _collector_paused():
            try:
                docs = self.nlp.pipe([self._doc(a) for _, a in articles], batch_size=len(articles) or 1)
                for (index, article), doc in zip(articles, docs, strict=True):
                    done[index] = Outcome(index=index, analysis=assemble(doc, get_state(doc)),
                                          warnings=list(article.warnings))
            except Exception:  # noqa: BLE001 - redo one by one so that only the broken article fails
                done = {index: self._one(index, article) for index, article in articles}
        for index, item in batch:
            if isinstance(item, ClaimgraphError):
                yield Outcome(index=index, error=item)
            else:
                yield done[index] if index in done else self._one(index, item)

    def _one(self, index: int, article: Article) -> Outcome:
        warnings = list(article.warnings)
        try:
            return Outcome(index=index, analysis=self.analyze_article(article), warnings=warnings)
        except ClaimgraphError as exc:
            return Outcome(index=index, error=exc, warnings=warnings)
        except Exception as exc:  # noqa: BLE001 - one broken article never kills a batch
            error = InternalAnalysisError(f"article {index}: internal error ({type(exc).__name__}: {exc})")
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
            return InternalAnalysisError(f"article {index}: internal error while reading ({type(exc).__name__}: "
                                         f"{exc})")
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
