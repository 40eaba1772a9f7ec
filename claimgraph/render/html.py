"""The HTML report, laid out as an analyst reads: a summary first (who is quoted, which figures, which events,
where, when, what needs checking), then the article with one layer of highlights at a time (a switch per
kind: quotes, figures, events, places, dates, names, sourcing), details of each highlight on hover or
click, and the full tables folded away below.

Self-contained (CSS inlined from report.css, no scripts, no external assets) and rendered from the
contract alone. Overlapping spans are laid out from a boundary list: each stretch of text between two
boundaries is wrapped in the marks of every span covering it, nesting longer spans outside shorter ones
and splitting a mark only where spans cross. The article's characters are emitted once each, in order,
HTML-escaped, so removing the tags and unescaping gives back `document.text` exactly.
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
    dates_summary,
    figures_summary,
    flag_matters,
    fmt_num,
    headline_end,
    needs_source,
    places_summary,
    span_text,
    speaker_hues,
    speakers_summary,
    valid_span,
    yes_no,
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


def _join(values: Iterable[str]) -> str:
    return ", ".join(v for v in values if v)


def collect_layers(
    analysis: Analysis, index: Index, hues: dict[str, int], prefix: str = "cg"
) -> tuple[list[Layer], dict[str, str]]:
    """Every span of every item in the analysis, as layers with hover titles; and each linked item's anchor."""
    text = analysis.document.text
    col = _Layers(len(text), prefix)
    spk_class = _speaker_classes(hues)

    for ent in analysis.entities:
        etype = ent.type if ent.type in ENTITY_TYPES else "other"
        title = f"{ent.type}: {ent.name} [{ent.id}]"
        if ent.aliases:
            title += f"\naliases: {_join(ent.aliases)}"
        if ent.descriptors:
            title += f"\ndescriptors: {'; '.join(ent.descriptors)}"
        for span in ent.mentions:
            col.add("entity", span, [f"cg-ent-{etype}"], title, anchor_for=ent.id)

    for quote in analysis.quotes:
        speaker = index.label(quote.speaker) or "unknown speaker"
        spk = [spk_class[quote.speaker]] if quote.speaker in spk_class else []
        via = _quote_via(quote, index)
        title = f"{quote.kind} quote [{quote.id}]\nspeaker: {speaker}{_source_kind(index, quote.speaker)}"
        if via:
            title += f"\nvia: {' → '.join(via)}"
        if quote.cue:
            title += f"\ncue: {quote.cue}"
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
        if q.subject:
            title += f"\nsubject: {q.subject}"
        if q.source:
            title += f"\nsource: {index.label(q.source)}"
        if q.hedges:
            title += f"\nhedges: {_join(q.hedges)}"
        col.add("quantity", q.span, [], title, anchor_for=q.id)

    for t in analysis.times:
        title = f"time [{t.id}]: {t.value or 'unresolved'}"
        title += f"\nprecision: {t.precision or '–'}, anchor: {t.anchor}"
        col.add("time", t.span, [], title, anchor_for=t.id)

    for place in analysis.places:
        title = f"place [{place.id}]: {place.name}"
        if place.lat is not None and place.lon is not None:
            title += f"\n{place.lat:.4f}, {place.lon:.4f}"
        details = _join([place.feature or "", place.admin1 or "", place.country or ""])
        if details:
            title += f"\n{details}"
        title += f"\nconfidence {place.confidence:.2f}"
        for span in place.mentions:
            col.add("place", span, [], title, anchor_for=place.id)

    for ev in analysis.events:
        title = f"event [{ev.id}]: {ev.type} / {ev.subtype}"
        if ev.actors:
            title += f"\nactors: {_join(index.labels(ev.actors))}"
        if ev.targets:
            title += f"\ntargets: {_join(index.labels(ev.targets))}"
        if ev.place:
            title += f"\nplace: {index.label(ev.place)}"
        if ev.time:
            title += f"\ntime: {index.label(ev.time)}"
        if ev.casualties:
            title += f"\ncasualties: {'; '.join(casualty_summary(c, index) for c in ev.casualties)}"
        if ev.source:
            title += f"\nsource: {index.label(ev.source)}"
        if ev.hedges:
            title += f"\nhedges: {_join(ev.hedges)}"
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
        if claim.sources:
            title += f"\nchain: {' → '.join(index.labels(claim.sources))}"
        if claim.hedges:
            title += f"\nhedges: {_join(claim.hedges)}"
        col.add("claim", claim.span, classes, title, anchor_for=claim.id)

    for flag in analysis.flags:
        if not flag_matters(flag, analysis, index, head_end):
            continue
        title = f"{flag.severity} {flag.kind}: {flag.message}"
        for span in flag.spans:
            col.add("flag", span, [f"cg-flag-{_css_token(flag.kind)}"], title)

    return col.layers(), col.linked


def _css_token(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "x"


def _speaker_classes(hues: dict[str, int]) -> dict[str, str]:
    return {sid: f"cg-spk-{i}" for i, sid in enumerate(hues)}


def _speaker_css(hues: dict[str, int]) -> str:
    """One class per speaker carrying its hue (and saturation) as --cg-spk."""
    return "\n".join(
        f".cg-report .cg-spk-{i} {{ --cg-spk: {hue} 70%; }}" for i, hue in enumerate(hues.values())
    )


def _source_kind(index: Index, source_id: str | None) -> str:
    src = index.get(source_id)
    kind = getattr(src, "kind", None)
    return f" ({kind})" if kind else ""


def _quote_via(quote: Quote, index: Index) -> list[str]:
    """Labels of the chain a quote travelled through, outermost first."""
    if quote.via:
        return index.labels([*index.via_chain(quote.via), quote.via])
    return index.labels(index.via_chain(quote.speaker))


# --------------------------------------------------------------------------------------------------
# tables


def _table(headers: Sequence[str], rows: list[list[str]], css: str = "") -> str:
    """Cells arrive already escaped (built with `e`); headers are escaped here."""
    first = rows[0] if rows else []
    def th(i: int, h: str) -> str:
        cls = "cg-idcol" if h == "id" else ("cg-widecol" if i < len(first) and isinstance(first[i], _Wide)
                                            else _COLUMN_CLASS.get(h, ""))
        return f'<th class="{cls}">{e(h)}</th>' if cls else f"<th>{e(h)}</th>"

    head = "".join(th(i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(rows_cell(c) for c in row) + "</tr>" for row in rows)
    cls = f' class="{e(css)}"' if css else ""
    table = f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="cg-table-wrap">{table}</div>'


#: columns whose words are long ("Explosions/Remote violence: Air/drone strike", "geonames:173579")
_COLUMN_CLASS = {"type: subtype": "cg-col-l", "gazetteer": "cg-col-m", "via (outermost first)": "cg-col-m",
                 "chain (outermost first)": "cg-col-m", "casualties": "cg-col-m", "kind": "cg-col-s"}


class _Num(str):
    """An escaped cell to right-align (figures)."""


class _Wide(str):
    """An escaped cell holding a sentence: kept readable however many columns the table has."""


def rows_cell(cell: str) -> str:
    if isinstance(cell, _Num):
        return f'<td class="cg-num">{cell}</td>'
    if isinstance(cell, _Wide):
        return f'<td class="cg-wide">{cell}</td>'
    return f"<td>{cell}</td>"


def _num(value: float | str | None) -> _Num:
    return _Num(e(value if isinstance(value, str) else fmt_num(value)))


def _id_cell(item_id: str, anchors: dict[str, str]) -> str:
    if item_id in anchors:
        href = e(anchors[item_id])
        return f'<a class="cg-id" href="#{href}" title="show in the article">{e(item_id)}</a>'
    return f'<span class="cg-id">{e(item_id)}</span>'


def _chain(labels: list[str]) -> str:
    """Links of a chain each kept on one line; the arrows may wrap."""
    return " → ".join(f'<span class="cg-link">{e(x)}</span>' for x in labels)


def _section(prefix: str, key: str, title: str, count: int | None, body: str) -> str:
    """A folded section of the details: its table shows on click (the page stays short)."""
    n = f' <span class="cg-count">({count})</span>' if count is not None else ""
    return (f'<section id="{prefix}-{key}" class="cg-section cg-sec-{key}"><details><summary>'
            f'<span class="cg-h">{e(title)}{n}</span></summary>{body}</details></section>')


def _none(what: str) -> str:
    return f'<p class="cg-none">No {e(what)} found.</p>'


def _document_table(analysis: Analysis) -> str:
    doc = analysis.document
    url = e(doc.url)
    if doc.url and re.match(r"^https?://", doc.url, re.IGNORECASE):
        url = f'<a href="{e(doc.url)}" rel="noopener noreferrer">{e(doc.url)}</a>'
    rows = [
        ("Title", e(doc.title)),
        ("Outlet", e(doc.outlet)),
        ("Authors", e(_join(doc.authors))),
        ("Dateline", e(doc.dateline)),
        ("Published", e(doc.published)),
        ("URL", url),
        ("Language", e(doc.language)),
        ("Length", e(f"{len(doc.text):,} characters")),
        ("Document id", f'<span class="cg-id">{e(doc.id)}</span>'),
        ("Schema", e(analysis.schema_)),
    ]
    body = "".join(f"<tr><th>{e(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<div class="cg-table-wrap"><table class="cg-meta"><tbody>{body}</tbody></table></div>'


def _entities_table(analysis: Analysis, linked: dict[str, str]) -> str:
    rows = []
    for ent in analysis.entities:
        etype = ent.type if ent.type in ENTITY_TYPES else "other"
        rows.append([
            _id_cell(ent.id, linked),
            e(ent.name),
            f'<span class="cg-swatch cg-ent-{etype}">{e(ent.type)}</span>',
            e(_join(ent.aliases)),
            e("; ".join(ent.descriptors)),
            _num(str(len(ent.mentions))),
        ])
    return _table(["id", "name", "type", "aliases", "descriptors", "mentions"], rows)


def _speaker_swatch(source_id: str | None, label: str, spk_class: dict[str, str]) -> str:
    if source_id in spk_class:
        return f'<span class="cg-swatch cg-quote {spk_class[source_id]}">{e(label)}</span>'
    return e(label)


def _sources_table(analysis: Analysis, index: Index, spk_class: dict[str, str]) -> str:
    quotes_by_speaker: dict[str, int] = defaultdict(int)
    for quote in analysis.quotes:
        if quote.speaker:
            quotes_by_speaker[quote.speaker] += 1
    rows = []
    for src in analysis.sources:
        rows.append([
            _id_cell(src.id, {}),
            _speaker_swatch(src.id, src.label, spk_class),
            e(src.kind),
            e(src.role),
            e(index.label(src.entity)),
            _chain(index.labels(index.via_chain(src.id))),
            _num(str(quotes_by_speaker.get(src.id, 0))),
        ])
    return _table(["id", "label", "kind", "role", "entity", "via (outermost first)", "quotes"], rows)


def _quotes_table(analysis: Analysis, index: Index, spk_class: dict[str, str], linked: dict[str, str]) -> str:
    text = analysis.document.text
    rows = []
    for quote in analysis.quotes:
        speaker = index.label(quote.speaker)
        written = span_text(text, quote.speaker_span)
        speaker_cell = _speaker_swatch(quote.speaker, speaker, spk_class) if quote.speaker else ""
        if written and written != speaker:
            speaker_cell += f' <span class="cg-written">(“{e(written)}”)</span>'
        rows.append([
            _id_cell(quote.id, linked),
            e(quote.kind),
            _Wide(e(quote.text)),
            speaker_cell,
            _chain(_quote_via(quote, index)),
            e(quote.cue),
        ])
    return _table(["id", "kind", "text", "speaker (as written)", "via", "cue"], rows)


def _claims_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
    rows = []
    for claim in analysis.claims:
        rows.append([
            _id_cell(claim.id, linked),
            _Wide(e(claim.text)),
            _chain(index.labels(claim.sources)),
            e(_join(claim.hedges)),
            e(yes_no(claim.attributed)),
            e(_join(claim.quotes)),
            e(_join(index.labels(claim.quantities))),
            e(_join(index.labels(claim.events))),
        ])
    return _table(
        ["id", "text", "chain (outermost first)", "hedges", "attributed", "quotes", "quantities", "events"],
        rows,
    )


def _quantities_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
    rows = []
    for q in analysis.quantities:
        rows.append([
            _id_cell(q.id, linked),
            e(q.text),
            e(bounds_summary(q)),
            _num(q.value),
            _num(q.low),
            _num(q.high),
            e(q.approx),
            e(q.unit),
            e(q.subject),
            e(index.label(q.source)),
            e(_join(q.hedges)),
            e(q.modality),
        ])
    return _table(
        ["id", "text", "bounds", "value", "low", "high", "approx", "unit", "subject", "source", "hedges",
         "modality"],
        rows,
    )


def _times_table(analysis: Analysis, linked: dict[str, str]) -> str:
    rows = [
        [_id_cell(t.id, linked), e(t.text), e(t.value), e(t.precision), e(t.anchor)]
        for t in analysis.times
    ]
    return _table(["id", "text", "value", "precision", "anchor"], rows)


def _places_table(analysis: Analysis, linked: dict[str, str]) -> str:
    rows = []
    for p in analysis.places:
        rows.append([
            _id_cell(p.id, linked),
            e(p.name),
            _num(str(len(p.mentions))),
            _num(f"{p.lat:.4f}" if p.lat is not None else ""),
            _num(f"{p.lon:.4f}" if p.lon is not None else ""),
            e(p.country),
            e(p.admin1),
            e(p.feature),
            f'<span class="cg-id">{e(p.gazetteer_id)}</span>' if p.gazetteer_id else "",
            _num(f"{p.confidence:.2f}"),
        ])
    return _table(
        ["id", "name", "mentions", "lat", "lon", "country", "admin1", "feature", "gazetteer", "confidence"],
        rows,
    )


def _events_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
    rows = []
    for ev in analysis.events:
        rows.append([
            _id_cell(ev.id, linked),
            e(ev.type if ev.subtype in (ev.type, "", None) else f"{ev.type}: {ev.subtype}"),
            e(ev.text),
            e(_join(index.labels(ev.actors))),
            e(_join(index.labels(ev.targets))),
            e(index.label(ev.place)),
            e(index.label(ev.time)),
            e("; ".join(casualty_summary(c, index) for c in ev.casualties)),
            e(_join(index.labels(ev.quantities))),
            e(index.label(ev.source)),
            e(_join(ev.hedges)),
        ])
    return _table(
        ["id", "type: subtype", "text", "actors", "targets", "place", "time", "casualties", "quantities",
         "source", "hedges"],
        rows,
    )


def _quoted(value: str) -> str:
    """ “value” with curly quotes, without doubling the quote marks the text already has."""
    return f"“{value.strip().strip(QUOTE_MARKS).strip()}”"


QUOTE_MARKS = "\"'“”‘’«»„"


def _flags_table(analysis: Analysis, index: Index) -> str:
    text = analysis.document.text
    rows = []
    for flag in analysis.flags:
        if not flag_matters(flag, analysis, index):
            continue
        spans = [span_text(text, s) for s in flag.spans]
        rows.append([
            e(flag.kind),
            f'<span class="cg-sev-{_css_token(flag.severity)}">{e(flag.severity)}</span>',
            _Wide(e(flag.message)),
            e(_join(index.ref(r) for r in flag.refs)),
            _Wide(e(" / ".join(_quoted(s) for s in spans if s))),
        ])
    return _table(["kind", "severity", "message", "refers to", "text"], rows)


# --------------------------------------------------------------------------------------------------
# legend and page


def _layer_counts(layers: list[Layer]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for layer in layers:
        if layer.opened and "cg-cont" in layer.classes:
            continue
        if layer.kind == "claim" and "cg-claim-unsourced" not in layer.classes:
            continue
        counts[layer.kind] += 1
    return counts


def _legend(analysis: Analysis, layers: list[Layer], index: Index, hues: dict[str, int], prefix: str) -> str:
    """One switch per layer (radio buttons: one layer at a time), and what the shown layer's colours mean."""
    counts = _layer_counts(layers)
    spk_class = _speaker_classes(hues)
    parts: list[str] = []
    for key, label, kinds in LAYERS:
        n = sum(counts.get(k, 0) for k in kinds if k not in ("speaker", "cue"))
        badge = f' <span class="cg-n">{n}</span>' if kinds else ""
        parts.append(f'<label class="cg-switch cg-lg-{key}" for="{prefix}-t-{key}">{e(label)}{badge}</label>')
    switches = f'<div class="cg-switches" role="radiogroup" aria-label="highlight layer">{"".join(parts)}</div>'

    keys: list[str] = []
    speakers = [sid for sid in hues if any(q.speaker == sid for q in analysis.quotes)]
    quote_key = " ".join(
        f'<span class="cg-swatch cg-quote {spk_class[sid]}">{e(index.label(sid))}</span>' for sid in speakers)
    if any(q.speaker is None for q in analysis.quotes):
        quote_key += ' <span class="cg-swatch cg-quote">unknown speaker</span>'
    quote_key += (' <span class="cg-key-note">colour = speaker; <b>bold</b> = the speaker as named; '
                  '<i>italic</i> = the reporting verb; dashed = reported speech</span>')
    keys.append(f'<div class="cg-key cg-lg-quote cg-lg-speaker cg-lg-cue">{quote_key.strip()}</div>')
    present = sorted({ent.type for ent in analysis.entities}, key=_entity_order)
    ent_key = " ".join(
        f'<span class="cg-swatch cg-ent-{t if t in ENTITY_TYPES else "other"}">{e(t)}</span>' for t in present
    ) or '<span class="cg-none">none</span>'
    keys.append(f'<div class="cg-key cg-lg-entity">{ent_key}</div>')
    simple = {
        "quantity": "figures, with their bounds, subject and source on hover",
        "event": "events, with type, actors, place, time and casualties on hover",
        "place": "places, with coordinates on hover",
        "time": "dates and times, resolved on hover",
        "claim": ('<span class="cg-swatch cg-claim-unsourced">unsourced</span> a figure or event stated without '
                  'a source (the headline excepted); <span class="cg-swatch cg-flag">check</span> a flagged span'),
    }
    for kind, text in simple.items():
        swatch = f'<span class="cg-swatch cg cg-{kind}">{counts.get(kind, 0)}</span> '
        body = text if kind == "claim" else swatch + e(text)
        keys.append(f'<div class="cg-key cg-lg-{kind}">{body}</div>')
    hint = '<p class="cg-hint">Hover or click a highlight for its details.</p>'
    return f'<div class="cg-legend">{switches}{"".join(keys)}{hint}</div>'


def _entity_order(t: str) -> int:
    return ENTITY_TYPES.index(t) if t in ENTITY_TYPES else len(ENTITY_TYPES)


def _more(items: list[str], limit: int, what: str) -> str:
    shown = "".join(f"<li>{item}</li>" for item in items[:limit])
    if len(items) > limit:
        shown += f'<li class="cg-more">and {len(items) - limit} more {e(what)} (see below)</li>'
    return f"<ul>{shown}</ul>" if shown else '<p class="cg-none">none found</p>'


def _summary(analysis: Analysis, index: Index, spk_class: dict[str, str], linked: dict[str, str]) -> str:
    """The top of the report: who is quoted, figures, events, where, when, what to check."""
    doc = analysis.document

    def jump(item_id: str, label: str) -> str:
        if item_id in linked:
            return f'<a href="#{e(linked[item_id])}">{label}</a>'
        return label

    who = []
    for sid, label, n, chain in speakers_summary(analysis, index):
        src = index.get(sid)
        kind = getattr(src, "kind", "") or ""
        role = getattr(src, "role", "") or ""
        line = _speaker_swatch(sid, label, spk_class)
        detail = ", ".join(x for x in (role, kind if kind not in ("unknown",) else "") if x)
        if detail:
            line += f' <span class="cg-muted">{e(detail)}</span>'
        line += f' · {n} quote{"s" if n != 1 else ""}'
        if chain:
            line += f' <span class="cg-muted">via {e(" → ".join(chain))}</span>'
        who.append(line)
    unknown = sum(1 for q in analysis.quotes if not q.speaker)
    if unknown:
        who.append(f'<span class="cg-muted">{unknown} quote{"s" if unknown != 1 else ""} without a speaker</span>')

    figures = []
    for q, source in figures_summary(analysis, index):
        line = jump(q.id, f"<b>{e(bounds_summary(q) or q.text)}</b>")
        if q.subject:
            line += f" {e(q.subject)}"
        extra = [x for x in (source and f"source: {source}", ", ".join(q.hedges) and f"hedged: {', '.join(q.hedges)}",
                             q.modality if q.modality not in ("asserted",) else "") if x]
        if extra:
            line += f' <span class="cg-muted">({e("; ".join(extra))})</span>'
        figures.append(line)

    events = []
    for ev in analysis.events:
        name = index.label(ev.id)
        line = jump(ev.id, f"<b>{e(name)}</b>")
        where_when = [index.label(ev.place) if ev.place else "", index.label(ev.time) if ev.time else ""]
        if any(where_when):
            line += " " + e(", ".join(x for x in where_when if x))
        if ev.casualties:
            line += f' <span class="cg-cas">{e("; ".join(casualty_summary(c, index) for c in ev.casualties))}</span>'
        if ev.source:
            line += f' <span class="cg-muted">(source: {e(index.label(ev.source))})</span>'
        events.append(line)

    where = []
    for p in places_summary(analysis):
        line = jump(p.id, e(p.name))
        info = [x for x in (p.country or "", f"{len(p.mentions)}×" if len(p.mentions) > 1 else "") if x]
        if info:
            line += f' <span class="cg-muted">{e(" ".join(info))}</span>'
        where.append(line)

    when = []
    if doc.published:
        src = getattr(doc, "published_source", None)
        note = f' <span class="cg-muted">({e(src)})</span>' if src else ""
        when.append(f"published <b>{e(doc.published)}</b>{note}")
    if doc.dateline and doc.dateline != doc.published:
        when.append(f"dateline <b>{e(doc.dateline)}</b>")
    dates = dates_summary(analysis)
    if dates:
        when.append("dates in the text: " + e(", ".join(dates[:12])) + (" …" if len(dates) > 12 else ""))

    checks: dict[str, int] = defaultdict(int)
    for flag in analysis.flags:
        if flag_matters(flag, analysis, index):
            checks[flag.kind] += 1
    unsourced = sum(needs_source(c, analysis) for c in analysis.claims)
    check_items = [f"{e(kind.replace('_', ' '))}: {n}" for kind, n in sorted(checks.items())]
    if unsourced:
        check_items.insert(0, f"figures or events stated without a source: {unsourced}")

    cards = [
        ("Who is quoted", _more(who, 8, "speakers")),
        ("Figures", _more(figures, 8, "figures")),
        ("Events", _more(events, 6, "events")),
        ("Where", _more(where, 10, "places")),
        ("When", _more(when, 4, "")),
        ("To check", _more(check_items, 6, "kinds of check")),
    ]
    body = "".join(f'<div class="cg-card"><h3>{e(title)}</h3>{inner}</div>' for title, inner in cards)
    return f'<div class="cg-summary">{body}</div>'


def render_body(analysis: Analysis) -> str:
    """The report's content, without <html>/<head>: a .cg-report div with its own <style>."""
    index = Index(analysis)
    hues = speaker_hues(analysis)
    spk_class = _speaker_classes(hues)
    doc = analysis.document
    prefix = report_prefix(analysis)
    layers, linked_ids = collect_layers(analysis, index, hues, prefix)

    title = doc.title or "Untitled article"
    published = doc.published or ""
    sub = [doc.outlet or "", _join(doc.authors), published, doc.dateline if doc.dateline != published else ""]
    header = f"<header><h1>{e(title)}</h1>"
    if any(sub):
        header += f'<p class="cg-sub">{" · ".join(e(s) for s in sub if s)}</p>'
    header += "</header>"

    sections: list[tuple[str, str, list[object], str]] = [
        ("document", "Document", [], _document_table(analysis)),
        ("entities", "Entities", analysis.entities, _entities_table(analysis, linked_ids)),
        ("sources", "Sources", analysis.sources, _sources_table(analysis, index, spk_class)),
        ("quotes", "Quotes", analysis.quotes, _quotes_table(analysis, index, spk_class, linked_ids)),
        ("claims", "Claims", analysis.claims, _claims_table(analysis, index, linked_ids)),
        ("quantities", "Quantities", analysis.quantities, _quantities_table(analysis, index, linked_ids)),
        ("times", "Times", analysis.times, _times_table(analysis, linked_ids)),
        ("places", "Places", analysis.places, _places_table(analysis, linked_ids)),
        ("events", "Events", analysis.events, _events_table(analysis, index, linked_ids)),
        ("flags", "Flags", analysis.flags, _flags_table(analysis, index)),
    ]
    links = "".join(f'<a href="#{prefix}-{key}">{e(key)}{f" ({len(items)})" if key != "document" else ""}</a>'
                    for key, _, items, _ in sections)
    nav = (f'<nav class="cg-nav"><a href="#{prefix}-summary">summary</a><a href="#{prefix}-article">article</a>'
           f"{links}</nav>")

    toggles = "".join(
        f'<input type="radio" name="{prefix}-layer" class="cg-toggle cg-toggle-{key}" id="{prefix}-t-{key}"'
        f'{" checked" if key == "quote" else ""} aria-label="show {e(label.lower())}">'
        for key, label, _ in LAYERS
    )
    article = (
        f'{toggles}{_legend(analysis, layers, index, hues, prefix)}'
        f'<div class="cg-article">{layout(doc.text, layers)}</div>'
    )
    parts = [
        f"<style>{report_css()}\n{_speaker_css(hues)}</style>",
        header,
        nav,
        f'<section id="{prefix}-summary" class="cg-section cg-sec-summary"><h2>Summary</h2>'
        f"{_summary(analysis, index, spk_class, linked_ids)}</section>",
        f'<section id="{prefix}-article" class="cg-section cg-sec-article"><h2>Article</h2>{article}</section>',
        '<h2 class="cg-details-head">Details</h2>',
    ]
    for key, name, items, table in sections:
        count = None if key == "document" else len(items)
        empty = key != "document" and not items
        parts.append(_section(prefix, key, name, count, _none(name.lower()) if empty else table))
    return '<div class="cg-report">' + "".join(parts) + "</div>"


def render_html(analysis: Analysis, standalone: bool = True) -> str:
    """The report as a full HTML page, or (standalone=False) as a fragment for notebooks."""
    body = render_body(analysis)
    if not standalone:
        return body
    title = analysis.document.title or "claimgraph report"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"claimgraph\">\n"
        f"<title>{e(title)} · claimgraph</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
