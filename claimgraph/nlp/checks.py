"""Checks on the figures of one document: hedged or unsourced numbers, and figures that contradict each other.

Why here and not in the report: flags are part of the contract, so a user scripting against the JSON,
the corpus store and the reports all see the same warnings.

- hedged_number: a figure whose clause or claim is hedged ("reportedly", "I think"), or that no source
  backs beyond the document's own outlet (severity warning when hedged, info when only unsourced).
- internal_inconsistency: two figures in different sentences that count the same kind of thing (same
  head noun, or people where one is the generic "people") in the same event (same, specific verb lemma;
  the same agent or patient and no conflicting one; no conflicting place) and whose ranges are disjoint
  by more than `INCONSISTENCY_FACTOR`. Figures that count part of another ("including two women") are
  not compared. The message names both figures and the
  label of each one's source. Hypothetical and negated figures are not compared.
Uses `state.extra["quantity_info"]` left by the quantities component; without it only hedged_number runs.
"""

from __future__ import annotations

import math

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.contract import Flag, Quantity
from claimgraph.nlp.state import DocState, get_state, report_failure

#: how far apart (as a ratio of the nearest ends) two figures' ranges must be to contradict each other;
#: 3 keeps ordinary rounding and vague words ("thousands" vs "about 12,000") from being flagged
INCONSISTENCY_FACTOR = 3.0
#: the spread given to "about N" when comparing (N / 1.5 .. N * 1.5)
ABOUT_SPREAD = 1.5


#: verbs too general to identify an event ("there are 40 ..." / "including 3 ...")
GENERIC_EVENTS = {"be", "have", "include", "say", "tell", "report", "get", "make", "do"}
#: people-nouns that can stand for any more specific group ("12,000 people" vs "500 Turkish citizens")
GENERIC_PEOPLE = {"people", "person", "individual"}


def same_event_args(a: dict[str, str], b: dict[str, str]) -> bool:
    """One event only with positive evidence: a shared role (agent or patient) naming the same thing, and
    no shared role naming different things ("air strikes killed 26" vs "a bomb killed 327": two events)."""
    shared = set(a) & set(b)
    return bool(shared) and all(a[r] == b[r] for r in shared)


def interval(q: Quantity) -> tuple[float, float] | None:
    """The range of values a figure allows, for comparison."""
    if q.approx == "about" and q.value is not None:
        return q.value / ABOUT_SPREAD, q.value * ABOUT_SPREAD
    if q.approx in ("more_than", "at_least") and q.low is not None:
        return q.low, math.inf
    if q.approx in ("less_than", "at_most") and q.high is not None:
        return 0.0, q.high
    if q.low is not None and q.high is not None:
        return q.low, q.high
    if q.value is not None:
        return q.value, q.value
    return None


def disagree(a: Quantity, b: Quantity, factor: float = INCONSISTENCY_FACTOR) -> bool:
    """True when the two figures' ranges are disjoint by more than `factor`."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    lo, hi = (ia, ib) if ia[1] < ib[0] else (ib, ia)
    if lo[1] >= hi[0]:
        return False  # overlapping ranges
    return lo[1] <= 0 or hi[0] / lo[1] > factor


#: a figure is compared with at most this many earlier figures of its event and unit: an article has a handful,
#: and a document of thousands (a table, hostile input) must not cost, or flag, every pair
MAX_PEERS = 32


def _comparable_pairs(qs: list[Quantity], info: dict[str, dict]) -> list[tuple[Quantity, Quantity]]:
    """Pairs (earlier, later) of figures with the same event and unit, in document order of the earlier one."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for j, q in enumerate(qs):
        group = groups.setdefault((info[q.id]["event"], q.unit), [])
        pairs.extend((i, j) for i in group[-MAX_PEERS:])
        group.append(j)
    pairs.sort()
    return [(qs[i], qs[j]) for i, j in pairs]


def _source_label(state: DocState, source_id: str | None) -> str:
    if source_id is None:
        return "no named source"
    src = state.get(source_id)
    return getattr(src, "label", None) or source_id


@Language.factory(
    "claimgraph_checks",
    requires=["doc._.cg_quantities", "doc._.cg_claims", "doc._.cg_sources"],
    assigns=["doc._.cg_flags"],
)
def make_checks(nlp: Language, name: str) -> ChecksComponent:
    return ChecksComponent()


class ChecksComponent:
    """Adds hedged_number and internal_inconsistency flags; never raises on text."""

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._hedged(state)
            self._inconsistent(state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text
            report_failure(doc, "claimgraph_checks", exc)
        return doc

    @staticmethod
    def _hedged(state: DocState) -> None:
        # the document's own outlet is not a source for a figure: the writer asserting it is "no source"
        outlet = (state.extra.get("attribution") or {}).get("outlet_source")
        for q in state.items["quantities"]:
            if q.modality == "negated":
                continue
            what = f'"{q.text}"' + (f" {q.subject}" if q.subject else "")
            if q.hedges:
                src = f", source: {_source_label(state, q.source)}" if q.source else ", no named source"
                state.add("flags", Flag(
                    kind="hedged_number", severity="warning",
                    message=f"{what} is hedged ({', '.join(q.hedges)}{src})",
                    refs=[q.id], spans=[tuple(q.span)],
                ))
            elif q.source is None or q.source == outlet:
                state.add("flags", Flag(
                    kind="hedged_number", severity="info", message=f"{what} has no named source",
                    refs=[q.id], spans=[tuple(q.span)],
                ))

    @staticmethod
    def _inconsistent(state: DocState) -> None:
        info = state.extra.get("quantity_info") or {}
        qs = [q for q in state.items["quantities"]
              if q.id in info and q.modality in ("asserted", "estimated") and info[q.id].get("event")]
        for a, b in _comparable_pairs(qs, info):
            ia, ib = info[a.id], info[b.id]
            if ia["sentence"] == ib["sentence"]:
                continue
            if ia.get("subset") or ib.get("subset") or ia["event"] in GENERIC_EVENTS:
                continue
            heads = {ia["subject_head"], ib["subject_head"]}
            same_thing = (ia["subject_head"] and len(heads) == 1) or (
                ia.get("people") and ib.get("people") and bool(heads & GENERIC_PEOPLE))
            if not same_thing:
                continue
            if ia.get("place") and ib.get("place") and ia["place"] != ib["place"]:
                continue
            if not same_event_args(ia.get("args") or {}, ib.get("args") or {}):
                continue
            if not disagree(a, b):
                continue
            name_a = " ".join(x for x in (a.text, a.subject) if x)
            name_b = " ".join(x for x in (b.text, b.subject) if x)
            state.add("flags", Flag(
                kind="internal_inconsistency", severity="warning",
                message=(f'"{name_a}" (source: {_source_label(state, a.source)}) and "{name_b}" '
                         f'(source: {_source_label(state, b.source)}) disagree on the same event '
                         f'("{ia["event"]}")'),
                refs=[a.id, b.id], spans=[tuple(a.span), tuple(b.span)],
            ))
