"""Per-document state shared by the claimgraph components, stored on `Doc._.claimgraph`.

Each component appends contract items (claimgraph.contract) to the section it assigns and may add
look-up indexes for later components. No module-level state: everything lives on the Doc, so a
pipeline can run in many processes and a user can add our components to their own pipeline.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from claimgraph.contract import SECTIONS, Flag
from claimgraph.errors import AnalysisTimeoutError
from claimgraph.meta import DocMeta

log = logging.getLogger("claimgraph")

ID_PREFIXES = {
    "entities": "e", "sources": "s", "quotes": "q", "quantities": "n", "places": "p",
    "times": "t", "events": "v", "claims": "c",
}


#: claims looked at, nearest start first, when finding the one around a span (see DocState.claim_at)
CLAIM_SCAN = 512


@dataclass
class DocState:
    meta: DocMeta = field(default_factory=DocMeta)
    items: dict[str, list[Any]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    #: (start_char, end_char, entity_id) for every entity mention, sorted by start
    entity_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    #: free-form indexes components leave for later ones (documented by the component that writes them)
    extra: dict[str, Any] = field(default_factory=dict)
    #: `time.perf_counter()` past which the analysis stops (the Analyzer's time budget); None: no limit
    deadline: float | None = None
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _mention_starts: list[int] = field(default_factory=list)
    _mention_longest: int = 0  # the longest mention's length, in characters (`entity_at` skips what ends before)
    _by_id: dict[str, Any] = field(default_factory=dict)
    _claim_key: tuple[int, int] = (0, -1)
    _claim_order: list[int] = field(default_factory=list)
    _claim_starts: list[int] = field(default_factory=list)
    _claim_longest: int = 0

    def check_time(self) -> None:
        """Raise `AnalysisTimeoutError` once the deadline is past: components call it in their long loops (and
        the look-ups below call it), so one document stops within one loop step of its budget, not one
        component later. A clock read: cheap enough for every sentence or item."""
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise AnalysisTimeoutError("the time budget for one article ran out inside a component")

    def new_id(self, section: str) -> str:
        self._counters[section] += 1
        return f"{ID_PREFIXES[section]}{self._counters[section]}"

    def add(self, section: str, item: Any) -> Any:
        self.items[section].append(item)
        item_id = getattr(item, "id", None)
        if item_id:
            self._by_id[item_id] = item
        return item

    def get(self, item_id: str) -> Any | None:
        """The item with this id, whichever section holds it."""
        return self._by_id.get(item_id)

    def claim_at(self, start: int, end: int) -> Any | None:
        """The innermost claim whose span contains [start, end): its chain is the source of what is inside.

        Claims are indexed by start (rebuilt when claims are added), and only those that start within the
        longest claim's length before `end` are looked at, at most CLAIM_SCAN of them: a document of 10,000
        claims costs a look-up per question, not a scan of every claim.
        """
        self.check_time()
        claims = self.items["claims"]
        if self._claim_key != (id(claims), len(claims)):
            order = sorted(range(len(claims)), key=lambda k: (claims[k].span[0], k))
            self._claim_order = order
            self._claim_starts = [claims[k].span[0] for k in order]
            self._claim_longest = max((c.span[1] - c.span[0] for c in claims), default=0)
            self._claim_key = (id(claims), len(claims))
        best, best_key = None, None
        i = bisect.bisect_right(self._claim_starts, start)
        floor = end - self._claim_longest
        for j in range(i - 1, max(-1, i - 1 - CLAIM_SCAN), -1):
            if self._claim_starts[j] < floor:
                break
            k = self._claim_order[j]
            s, e = claims[k].span
            if s <= start and end <= e and (best_key is None or (e - s, k) < best_key):
                best, best_key = claims[k], (e - s, k)
        return best

    def index_entity_mentions(self) -> None:
        self.entity_mentions = sorted(
            (s, e, ent.id) for ent in self.items["entities"] for s, e in ent.mentions
        )
        self._mention_starts = [m[0] for m in self.entity_mentions]
        self._mention_longest = max((e - s for s, e, _ in self.entity_mentions), default=0)

    def entity_at(self, start: int, end: int) -> str | None:
        """Id of the entity whose mention overlaps [start, end) most, or None."""
        self.check_time()
        best, best_overlap = None, 0
        if len(self._mention_starts) != len(self.entity_mentions):  # mentions set without the index
            self._mention_starts = [m[0] for m in self.entity_mentions]
            self._mention_longest = max((e - s for s, e, _ in self.entity_mentions), default=0)
        i = bisect.bisect_left(self._mention_starts, end)
        # of the 50 mentions starting before `end`, those starting at or before `start - longest` end at or before
        # `start`: they overlap nothing, so they are not looked at
        lo = bisect.bisect_right(self._mention_starts, start - self._mention_longest, max(0, i - 50), i)
        for s, e, ent_id in self.entity_mentions[lo:i]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = ent_id, overlap
        return best


def report_failure(doc: Doc, component: str, exc: BaseException) -> None:
    """A component failed on this document: log it with its traceback and flag it, but never raise.

    The rest of the analysis stands; the flag tells the user (and the tests) that a section may be
    incomplete, so a crash is never silent. The one exception: a spent time budget (`DocState.check_time`)
    is not a failure of the component but the end of the analysis, so it goes on up to the Analyzer.
    """
    if isinstance(exc, AnalysisTimeoutError):
        raise exc
    log.error("%s failed on a document of %d tokens", component, len(doc), exc_info=exc)
    get_state(doc).add("flags", Flag(
        kind="component_error", severity="error",
        message=f"{component} failed on this document ({type(exc).__name__}: {exc}); its output may be incomplete",
    ))


def get_state(doc: Doc) -> DocState:
    """The document's state, created on first use (so components also work in a user's own pipeline)."""
    state = doc._.claimgraph
    if state is None:
        state = DocState()
        doc._.claimgraph = state
    return state


def _section_getter(section: str):
    def getter(doc: Doc) -> list[Any]:
        return get_state(doc).items[section]

    return getter


if not Doc.has_extension("claimgraph"):
    Doc.set_extension("claimgraph", default=None)
    # one read-only view per contract section, so components can declare requires/assigns precisely
    for _section in SECTIONS:
        Doc.set_extension(f"cg_{_section}", getter=_section_getter(_section))
