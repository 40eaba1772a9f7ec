"""The highlighted article of the HTML report: every span of the analysis as a layer of marks.

Overlapping spans are laid out from a boundary list: each stretch of text between two boundaries is wrapped in
the marks of every span covering it, nesting longer spans outside shorter ones and splitting a mark only where
spans cross. The characters are emitted once each, in order, HTML-escaped, so removing the tags and unescaping
gives back `document.text` exactly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from claimgraph.contract import Analysis, Quote
from claimgraph.render.common import (
    Index,
    bounds_summary,
    casualty_summary,
    flag_matters,
    fmt_num,
    headline_end,
    needs_source,
    span_text,
    valid_span,
)

#: Kinds of highlighted span, outermost first when two start and end together; also the legend order.
KINDS: tuple[str, ...] = (
    "claim", "flag", "quote", "event", "entity", "place", "quantity", "time", "speaker", "cue",
)
KIND_LABELS: dict[str, str] = {
    "entity": "Entities",
    "quote": "Quotes (colour = speaker)",
    "speaker": "Speaker mentions",
    "cue": "Attribution cues",
    "quantity": "Quantities",
    "time": "Times",
    "place": "Places",
    "event": "Events",
    "claim": "Unattributed claims (all claims: hover)",
    "flag": "Flags",
}
LEGEND_ORDER: tuple[str, ...] = (
    "entity", "quote", "speaker", "cue", "quantity", "time", "place", "event", "claim", "flag",
)
#: the switches above the article: one layer shows at a time; each layer shows these kinds of span
LAYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("quote", "Quotes", ("quote", "speaker", "cue")),
    ("quantity", "Figures", ("quantity",)),
    ("event", "Events", ("event",)),
    ("place", "Places", ("place",)),
    ("time", "Dates", ("time",)),
    ("entity", "Names", ("entity",)),
    ("claim", "Sourcing", ("claim", "flag")),
    ("none", "Plain text", ()),
)
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "OUTLET", "GPE", "LOC", "NORP", "FAC", "GROUP", "EVENT")
_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}



def e(value: object) -> str:
    """HTML-escape anything (None -> ""); every string from the analysis goes through here."""
    return "" if value is None else escape(str(value), quote=True)


@lru_cache(maxsize=1)
def report_css() -> str:
    """The stylesheet shipped next to this module (package data)."""
    return (Path(__file__).with_name("report.css")).read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# highlighted article


@dataclass
class Layer:
    """One highlighted span: merged when several items mark the same kind of span at the same place."""

    start: int
    end: int
    kind: str
    classes: list[str]
    titles: list[str] = field(default_factory=list)
    anchor: str | None = None
    opened: bool = False

    def sort_key(self) -> tuple[int, int, int]:
        return (-self.end, _PRIORITY.get(self.kind, 99), self.start)


class _Layers:
    """Collects layers, merging same kind + same span (one mark, titles joined)."""

    def __init__(self, length: int, prefix: str) -> None:
        self.length = length
        self.prefix = prefix
        self.by_key: dict[tuple[str, int, int, str], Layer] = {}
        self.anchors: set[str] = set()
        self.linked: dict[str, str] = {}

    def add(self, kind: str, span: Sequence[int] | None, classes: Iterable[str], title: str,
            anchor_for: str | None = None) -> None:
        if not valid_span(span, self.length):  # type: ignore[arg-type]
            return
        s, t = int(span[0]), int(span[1])  # type: ignore[index]
        cls = ["cg", f"cg-{kind}", *classes]
        key = (kind, s, t, " ".join(cls))
        layer = self.by_key.get(key)
        if layer is None:
            layer = Layer(s, t, kind, cls)
            self.by_key[key] = layer
        if title and title not in layer.titles:
            layer.titles.append(title)
        if anchor_for and layer.anchor is None:
            anchor = anchor_id(self.prefix, anchor_for)
            if anchor not in self.anchors and anchor_for not in self.linked:
                self.anchors.add(anchor)
                self.linked[anchor_for] = anchor
                layer.anchor = anchor

    def layers(self) -> list[Layer]:
        return list(self.by_key.values())


def anchor_id(prefix: str, item_id: str) -> str:
    """An HTML id for an item's first highlighted mention, safe whatever the contract id looks like."""
    return f"{prefix}-at-" + re.sub(r"[^A-Za-z0-9_-]", "_", item_id)


def report_prefix(analysis: Analysis) -> str:
    """Prefix of every HTML id in one report, from the document id: several reports can share a page."""
    digest = re.sub(r"[^0-9a-f]", "", analysis.document.id.split(":")[-1].lower())[:10]
    return f"cg{digest or 'x'}"


def layout(text: str, layers: list[Layer]) -> str:
    """Interleave marks with the escaped text; nesting by span length, splitting only at crossings."""
    starts: dict[int, list[Layer]] = defaultdict(list)
    ends: dict[int, list[Layer]] = defaultdict(list)
    for layer in layers:
        starts[layer.start].append(layer)
        ends[layer.end].append(layer)
    bounds = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    by_ident = {id(layer): layer for layer in layers}
    stack: list[Layer] = []
    out: list[str] = []
    for i, pos in enumerate(bounds[:-1]):
        for layer in ends.get(pos, ()):
            active.discard(id(layer))
        for layer in starts.get(pos, ()):
            active.add(id(layer))
        keep = 0
        while keep < len(stack) and id(stack[keep]) in active:
            keep += 1
        for _ in range(len(stack) - keep):
            out.append("</mark>")
            stack.pop()
        on_stack = {id(layer) for layer in stack}
        for layer in sorted((by_ident[i_] for i_ in active if i_ not in on_stack), key=Layer.sort_key):
            out.append(_open_tag(layer))
            stack.append(layer)
        out.append(escape(text[pos:bounds[i + 1]], quote=True))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open_tag(layer: Layer) -> str:
    classes = list(layer.classes)
    attrs = ""
    if layer.opened:
        classes.append("cg-cont")
    elif layer.anchor:
        attrs += f' id="{e(layer.anchor)}"'
    layer.opened = True
    if layer.titles:
        attrs += f' data-tip="{e(chr(10).join(layer.titles))}" tabindex="0"'
    return f'<mark class="{e(" ".join(classes))}"{attrs}>'


def join_values(values: Iterable[str]) -> str:
    return ", ".join(v for v in values if v)


def detail_lines(*pairs: tuple[str, str]) -> str:
    """A hover title's `label: value` lines; an empty value has no line rather than an empty one."""
    return "".join(f"\n{label}: {value}" for label, value in pairs if value)


def collect_layers(
    analysis: Analysis, index: Index, hues: dict[str, int], prefix: str = "cg"
) -> tuple[list[Layer], dict[str, str]]:
    """Every span of every item in the analysis, as layers with hover titles; and each linked item's anchor."""
    text = analysis.document.text
    col = _Layers(len(text), prefix)
    spk_class = speaker_classes(hues)

    for ent in analysis.entities:
        etype = ent.type if ent.type in ENTITY_TYPES else "other"
        title = f"{ent.type}: {ent.name} [{ent.id}]"
        title += detail_lines(("aliases", join_values(ent.aliases)), ("descriptors", "; ".join(ent.descriptors)))
        for span in ent.mentions:
            col.add("entity", span, [f"cg-ent-{etype}"], title, anchor_for=ent.id)

    for quote in analysis.quotes:
        speaker = index.label(quote.speaker) or "unknown speaker"
        spk = [spk_class[quote.speaker]] if quote.speaker in spk_class else []
        via = quote_via(quote, index)
        title = f"{quote.kind} quote [{quote.id}]\nspeaker: {speaker}{source_kind(index, quote.speaker)}"
        title += detail_lines(("via", " → ".join(via)), ("cue", quote.cue or ""))
        col.add("quote", quote.span, [f"cg-quote-{quote.kind}", *spk], title, anchor_for=quote.id)
        if quote.speaker_span is not None:
            col.add("speaker", quote.speaker_span, spk, f"speaker of {quote.id}: {speaker}")
        if quote.cue_span is not None:
            cue = quote.cue or span_text(text, quote.cue_span)
            col.add("cue", quote.cue_span, [], f"cue of {quote.id}: {cue}")

    for q in analysis.quantities:
        title = f"quantity [{q.id}]: {bounds_summary(q)}"
        value, low, high = (fmt_num(x) or "–" for x in (q.value, q.low, q.high))
        title += f"\nvalue {value}, low {low}, high {high}, {q.approx}, {q.modality}"
        title += detail_lines(("subject", q.subject or ""), ("source", index.label(q.source)),
                              ("hedges", join_values(q.hedges)))
        col.add("quantity", q.span, [], title, anchor_for=q.id)

    for t in analysis.times:
        title = f"time [{t.id}]: {t.value or 'unresolved'}"
        title += f"\nprecision: {t.precision or '–'}, anchor: {t.anchor}"
        col.add("time", t.span, [], title, anchor_for=t.id)

    for place in analysis.places:
        title = f"place [{place.id}]: {place.name}"
        if place.lat is not None and place.lon is not None:
            title += f"\n{place.lat:.4f}, {place.lon:.4f}"
        details = join_values([place.feature or "", place.admin1 or "", place.country or ""])
        if details:
            title += f"\n{details}"
        title += f"\nconfidence {place.confidence:.2f}"
        for span in place.mentions:
            col.add("place", span, [], title, anchor_for=place.id)

    for ev in analysis.events:
        title = f"event [{ev.id}]: {ev.type} / {ev.subtype}"
        title += detail_lines(
            ("actors", join_values(index.labels(ev.actors))), ("targets", join_values(index.labels(ev.targets))),
            ("place", index.label(ev.place)), ("time", index.label(ev.time)),
            ("casualties", "; ".join(casualty_summary(c, index) for c in ev.casualties)),
            ("source", index.label(ev.source)), ("hedges", join_values(ev.hedges)))
        col.add("event", ev.span, [], title, anchor_for=ev.id)

    head_end = headline_end(analysis)
    for claim in analysis.claims:
        # every claim carries its chain on hover; only a factual claim without a source is marked "unsourced"
        state = "attributed" if claim.attributed else "unattributed"
        classes = [f"cg-claim-{state}"]
        if needs_source(claim, analysis, head_end):
            classes.append("cg-claim-unsourced")
            state = "unsourced (a figure or event, no source given)"
        title = f"{state} claim [{claim.id}]"
        title += detail_lines(("chain", " → ".join(index.labels(claim.sources))), ("hedges", join_values(claim.hedges)))
        col.add("claim", claim.span, classes, title, anchor_for=claim.id)

    for flag in analysis.flags:
        if not flag_matters(flag, analysis, index, head_end):
            continue
        title = f"{flag.severity} {flag.kind}: {flag.message}"
        for span in flag.spans:
            col.add("flag", span, [f"cg-flag-{css_token(flag.kind)}"], title)

    return col.layers(), col.linked


def css_token(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "x"


def speaker_classes(hues: dict[str, int]) -> dict[str, str]:
    return {sid: f"cg-spk-{i}" for i, sid in enumerate(hues)}


def speaker_css(hues: dict[str, int]) -> str:
    """One class per speaker carrying its hue (and saturation) as --cg-spk."""
    return "\n".join(
        f".cg-report .cg-spk-{i} {{ --cg-spk: {hue} 70%; }}" for i, hue in enumerate(hues.values())
    )


def source_kind(index: Index, source_id: str | None) -> str:
    src = index.get(source_id)
    kind = getattr(src, "kind", None)
    return f" ({kind})" if kind else ""


def quote_via(quote: Quote, index: Index) -> list[str]:
    """Labels of the chain a quote travelled through, outermost first."""
    if quote.via:
        return index.labels([*index.via_chain(quote.via), quote.via])
    return index.labels(index.via_chain(quote.speaker))


# --------------------------------------------------------------------------------------------------
# tables
