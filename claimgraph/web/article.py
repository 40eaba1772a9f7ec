"""The article page's model: the text cut into segments, each knowing every item that covers it.

Every boundary of every highlighted span cuts the text; each stretch between two cuts becomes one
segment carrying the kinds (CSS classes) and ids of the items over it. Flat segments never nest, so
crossing spans cost nothing, and the page's script only has to read `data-ids` on a click. Item details
(speaker, chain, bounds, flags) are prepared here as plain data; the template escapes all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.contract import Analysis, Quantity

#: Kinds shown in the article, in the order a click lists them (innermost first) and the legend shows them.
KINDS: tuple[str, ...] = ("quantity", "time", "place", "event", "speaker", "quote", "claim")
KIND_LABELS = {
    "quote": "Quotes (colour = speaker)", "speaker": "Speakers", "quantity": "Numbers", "place": "Places",
    "time": "Times", "event": "Events", "claim": "Claims",
}
_GOLDEN_ANGLE = 137.508


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@lru_cache(maxsize=65536)
def dom_id(item_id: str) -> str:
    """An item id made safe for an HTML id / attribute token whatever the stored id contains."""
    return _UNSAFE.sub("_", item_id)


def fmt_num(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def bounds(q: Quantity) -> str:
    """The figure as claimed in one phrase: "about 12,000", "250 – 500", "more than 500"."""
    value, low, high = fmt_num(q.value), fmt_num(q.low), fmt_num(q.high)
    phrase = {
        "more_than": f"more than {low or value}", "at_least": f"at least {low or value}",
        "less_than": f"less than {high or value}", "at_most": f"at most {high or value}",
        "about": f"about {value or low or high}",
    }.get(q.approx)
    if phrase is None:
        if low and high and low != high:
            phrase = f"{low} – {high}"
        else:
            phrase = value or low or high
    return f"{phrase} {q.unit or ''}".strip()


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    hue: int | None = None  # the speaker colour of the innermost quote over this segment
    cls: str = ""  # its CSS classes, joined once here rather than in the template

@dataclass
class Detail:
    """One item as the side panel shows it: a heading, label/value rows, a source chain and its flags."""

    id: str
    dom: str
    kind: str
    heading: str
    text: str
    rows: list[tuple[str, str]]
    chain: list[str]
    flags: list[tuple[str, str, str]]
    hue: int | None = None


@dataclass
class ArticleView:
    analysis: Analysis
    segments: list[Segment]
    details: list[Detail]
    claims: list[Detail]
    speakers: list[tuple[str, int, int]]  # label, hue, quotes
    counts: dict[str, int]


def speaker_hues(analysis: Analysis) -> dict[str, int]:
    order: list[str] = []
    for q in analysis.quotes:
        if q.speaker and q.speaker not in order:
            order.append(q.speaker)
    return {sid: int((210 + i * _GOLDEN_ANGLE) % 360) for i, sid in enumerate(order)}


def _valid(span: Any, length: int) -> bool:
    return (span is not None and len(span) == 2 and isinstance(span[0], int) and isinstance(span[1], int)
            and 0 <= span[0] < span[1] <= length)


def build(analysis: Analysis) -> ArticleView:
    """Segments and details for one analysis (dangling ids and bad spans are skipped, never fatal)."""
    text = analysis.document.text
    n = len(text)
    sources = {s.id: s for s in analysis.sources}
    entities = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    times = {t.id: t for t in analysis.times}
    hues = speaker_hues(analysis)

    def label(sid: str | None) -> str:
        if not sid:
            return ""
        src = sources.get(sid)
        return src.label if src else sid

    def via_chain(sid: str | None) -> list[str]:
        """Labels from the outermost source a source was reported through down to the source itself."""
        out: list[str] = []
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            out.append(label(sid))
            src = sources.get(sid)
            sid = src.via if src else None
        out.reverse()
        outlet = analysis.document.outlet
        return ([outlet] if outlet and (not out or out[0] != outlet) else []) + out

    flags_by_ref: dict[str, list[tuple[str, str, str]]] = {}
    for flag in analysis.flags:
        for ref in flag.refs:
            flags_by_ref.setdefault(ref, []).append((flag.severity, flag.kind, flag.message))

    spans: list[tuple[int, int, str, str, int | None]] = []  # start, end, kind, id, hue
    details: list[Detail] = []

    def detail(item_id: str, kind: str, heading: str, item_text: str, rows: list[tuple[str, str]],
               chain: list[str], hue: int | None = None) -> Detail:
        d = Detail(item_id, dom_id(item_id), kind, heading, item_text, [(k, v) for k, v in rows if v],
                   chain, flags_by_ref.get(item_id, []), hue)
        details.append(d)
        return d

    for q in analysis.quotes:
        hue = hues.get(q.speaker or "")
        speaker = label(q.speaker) or "unknown speaker"
        src = sources.get(q.speaker or "")
        chain = via_chain(q.via) + [speaker] if q.via else via_chain(q.speaker) if q.speaker else []
        detail(q.id, "quote", f"{q.kind} quote", q.text, [
            ("speaker", speaker), ("speaker kind", src.kind if src else ""), ("role", (src.role or "") if src else ""),
            ("cue", q.cue or ""), ("via", label(q.via)),
        ], chain, hue)
        spans.append((q.span[0], q.span[1], "quote", q.id, hue))
        if _valid(q.speaker_span, n):
            spans.append((q.speaker_span[0], q.speaker_span[1], "speaker", q.id, hue))
    for qt in analysis.quantities:
        detail(qt.id, "quantity", "number", qt.text, [
            ("figure", bounds(qt)), ("approx", qt.approx), ("subject", qt.subject or ""),
            ("source", label(qt.source)), ("hedges", ", ".join(qt.hedges)), ("modality", qt.modality),
        ], via_chain(qt.source) if qt.source else [])
        spans.append((qt.span[0], qt.span[1], "quantity", qt.id, None))
    for t in analysis.times:
        detail(t.id, "time", "time", t.text, [
            ("value", t.value or "unresolved"), ("precision", t.precision or ""), ("anchor", t.anchor),
        ], [])
        spans.append((t.span[0], t.span[1], "time", t.id, None))
    for p in analysis.places:
        coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
        detail(p.id, "place", "place", p.name, [
            ("coordinates", coords), ("country", p.country or ""), ("region", p.admin1 or ""),
            ("feature", p.feature or ""), ("gazetteer", p.gazetteer_id or ""), ("confidence", f"{p.confidence:.2f}"),
            ("mentions", str(len(p.mentions))),
        ], [])
        for s, e in p.mentions:
            spans.append((s, e, "place", p.id, None))
    for ev in analysis.events:
        casualties = "; ".join(
            f"{c.kind} {c.group}: " + (fmt_num(c.low) if c.low == c.high or c.high is None
                                        else f"{fmt_num(c.low)} – {fmt_num(c.high)}")
            for c in ev.casualties)
        detail(ev.id, "event", f"event: {ev.subtype}", ev.text, [
            ("type", ev.type), ("subtype", ev.subtype),
            ("actors", ", ".join(entities[a].name if a in entities else a for a in ev.actors)),
            ("targets", ", ".join(entities[a].name if a in entities else a for a in ev.targets)),
            ("place", places[ev.place].name if ev.place in places else ""),
            ("time", (times[ev.time].value or times[ev.time].text) if ev.time in times else ""),
            ("casualties", casualties), ("source", label(ev.source)), ("hedges", ", ".join(ev.hedges)),
        ], via_chain(ev.source) if ev.source else [])
        spans.append((ev.span[0], ev.span[1], "event", ev.id, None))
    claim_details = []
    for c in analysis.claims:
        d = detail(c.id, "claim", "attributed claim" if c.attributed else "claim (the author's own)", c.text, [
            ("hedges", ", ".join(c.hedges)), ("quotes", str(len(c.quotes)) if c.quotes else ""),
            ("numbers", str(len(c.quantities)) if c.quantities else ""),
            ("events", str(len(c.events)) if c.events else ""),
        ], [label(s) for s in c.sources])
        claim_details.append(d)
        spans.append((c.span[0], c.span[1], "claim", c.id, None))

    segments = _segments(text, [s for s in spans if _valid((s[0], s[1]), n)])
    quote_counts: dict[str, int] = {}
    for q in analysis.quotes:
        if q.speaker:
            quote_counts[q.speaker] = quote_counts.get(q.speaker, 0) + 1
    speakers = [(label(sid), hue, quote_counts.get(sid, 0)) for sid, hue in hues.items()]
    counts = {
        "quote": len(analysis.quotes), "quantity": len(analysis.quantities), "place": len(analysis.places),
        "time": len(analysis.times), "event": len(analysis.events), "claim": len(analysis.claims),
        "speaker": len(hues),
    }
    return ArticleView(analysis, segments, details, claim_details, speakers, counts)


_ORDER = {k: i for i, k in enumerate(KINDS)}


def _segments(text: str, spans: list[tuple[int, int, str, str, int | None]]) -> list[Segment]:
    """Cut the text at every span boundary; each piece lists the covering items, innermost first."""
    cuts = sorted({0, len(text), *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans)})
    starts: dict[int, list[int]] = {}
    for i, (s, _, _, _, _) in enumerate(spans):
        starts.setdefault(s, []).append(i)
    rank = [(_ORDER.get(kind, 99), e - s) for s, e, kind, _, _ in spans]
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = {i for i in active if spans[i][1] > a}
        active.update(starts.get(a, ()))
        if not active:
            out.append(Segment(text[a:b]))
            continue
        cover = sorted(active, key=rank.__getitem__) if len(active) > 1 else active
        kinds: list[str] = []
        ids: list[str] = []
        hue = None
        for i in cover:
            _, _, kind, item_id, h = spans[i]
            if kind not in kinds:
                kinds.append(kind)
            if item_id not in ids:
                ids.append(item_id)
            if hue is None and h is not None and kind in ("quote", "speaker"):
                hue = h
        out.append(Segment(text[a:b], kinds, [dom_id(i) for i in ids], hue,
                           "seg " + " ".join("k-" + k for k in kinds)))
    return out
