"""The folded tables of the HTML report: one per contract section, wrapping within the page."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from claimgraph.contract import Analysis
from claimgraph.render.common import (
    Index,
    bounds_summary,
    casualty_summary,
    flag_matters,
    fmt_num,
    span_text,
    yes_no,
)
from claimgraph.render.highlights import (
    ENTITY_TYPES,
    css_token,
    e,
    join_values,
    quote_via,
)


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


def section(prefix: str, key: str, title: str, count: int | None, body: str) -> str:
    """A folded section of the details: its table shows on click (the page stays short)."""
    n = f' <span class="cg-count">({count})</span>' if count is not None else ""
    return (f'<section id="{prefix}-{key}" class="cg-section cg-sec-{key}"><details><summary>'
            f'<span class="cg-h">{e(title)}{n}</span></summary>{body}</details></section>')


def none_note(what: str) -> str:
    return f'<p class="cg-none">No {e(what)} found.</p>'


def document_table(analysis: Analysis) -> str:
    doc = analysis.document
    url = e(doc.url)
    if doc.url and re.match(r"^https?://", doc.url, re.IGNORECASE):
        url = f'<a href="{e(doc.url)}" rel="noopener noreferrer">{e(doc.url)}</a>'
    rows = [
        ("Title", e(doc.title)),
        ("Outlet", e(doc.outlet)),
        ("Authors", e(join_values(doc.authors))),
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


def entities_table(analysis: Analysis, linked: dict[str, str]) -> str:
    rows = []
    for ent in analysis.entities:
        etype = ent.type if ent.type in ENTITY_TYPES else "other"
        rows.append([
            _id_cell(ent.id, linked),
            e(ent.name),
            f'<span class="cg-swatch cg-ent-{etype}">{e(ent.type)}</span>',
            e(join_values(ent.aliases)),
            e("; ".join(ent.descriptors)),
            _num(str(len(ent.mentions))),
        ])
    return _table(["id", "name", "type", "aliases", "descriptors", "mentions"], rows)


def speaker_swatch(source_id: str | None, label: str, spk_class: dict[str, str]) -> str:
    if source_id in spk_class:
        return f'<span class="cg-swatch cg-quote {spk_class[source_id]}">{e(label)}</span>'
    return e(label)


def sources_table(analysis: Analysis, index: Index, spk_class: dict[str, str]) -> str:
    quotes_by_speaker: dict[str, int] = defaultdict(int)
    for quote in analysis.quotes:
        if quote.speaker:
            quotes_by_speaker[quote.speaker] += 1
    rows = []
    for src in analysis.sources:
        rows.append([
            _id_cell(src.id, {}),
            speaker_swatch(src.id, src.label, spk_class),
            e(src.kind),
            e(src.role),
            e(index.label(src.entity)),
            _chain(index.labels(index.via_chain(src.id))),
            _num(str(quotes_by_speaker.get(src.id, 0))),
        ])
    return _table(["id", "label", "kind", "role", "entity", "via (outermost first)", "quotes"], rows)


def quotes_table(analysis: Analysis, index: Index, spk_class: dict[str, str], linked: dict[str, str]) -> str:
    text = analysis.document.text
    rows = []
    for quote in analysis.quotes:
        speaker = index.label(quote.speaker)
        written = span_text(text, quote.speaker_span)
        speaker_cell = speaker_swatch(quote.speaker, speaker, spk_class) if quote.speaker else ""
        if written and written != speaker:
            speaker_cell += f' <span class="cg-written">(“{e(written)}”)</span>'
        rows.append([
            _id_cell(quote.id, linked),
            e(quote.kind),
            _Wide(e(quote.text)),
            speaker_cell,
            _chain(quote_via(quote, index)),
            e(quote.cue),
        ])
    return _table(["id", "kind", "text", "speaker (as written)", "via", "cue"], rows)


def claims_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
    rows = []
    for claim in analysis.claims:
        rows.append([
            _id_cell(claim.id, linked),
            _Wide(e(claim.text)),
            _chain(index.labels(claim.sources)),
            e(join_values(claim.hedges)),
            e(yes_no(claim.attributed)),
            e(join_values(claim.quotes)),
            e(join_values(index.labels(claim.quantities))),
            e(join_values(index.labels(claim.events))),
        ])
    return _table(
        ["id", "text", "chain (outermost first)", "hedges", "attributed", "quotes", "quantities", "events"],
        rows,
    )


def quantities_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
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
            e(join_values(q.hedges)),
            e(q.modality),
        ])
    return _table(
        ["id", "text", "bounds", "value", "low", "high", "approx", "unit", "subject", "source", "hedges",
         "modality"],
        rows,
    )


def times_table(analysis: Analysis, linked: dict[str, str]) -> str:
    rows = [
        [_id_cell(t.id, linked), e(t.text), e(t.value), e(t.precision), e(t.anchor)]
        for t in analysis.times
    ]
    return _table(["id", "text", "value", "precision", "anchor"], rows)


def places_table(analysis: Analysis, linked: dict[str, str]) -> str:
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


def events_table(analysis: Analysis, index: Index, linked: dict[str, str]) -> str:
    rows = []
    for ev in analysis.events:
        rows.append([
            _id_cell(ev.id, linked),
            e(ev.type if ev.subtype in (ev.type, "", None) else f"{ev.type}: {ev.subtype}"),
            e(ev.text),
            e(join_values(index.labels(ev.actors))),
            e(join_values(index.labels(ev.targets))),
            e(index.label(ev.place)),
            e(index.label(ev.time)),
            e("; ".join(casualty_summary(c, index) for c in ev.casualties)),
            e(join_values(index.labels(ev.quantities))),
            e(index.label(ev.source)),
            e(join_values(ev.hedges)),
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


def flags_table(analysis: Analysis, index: Index) -> str:
    text = analysis.document.text
    rows = []
    for flag in analysis.flags:
        if not flag_matters(flag, analysis, index):
            continue
        spans = [span_text(text, s) for s in flag.spans]
        rows.append([
            e(flag.kind),
            f'<span class="cg-sev-{css_token(flag.severity)}">{e(flag.severity)}</span>',
            _Wide(e(flag.message)),
            e(join_values(index.ref(r) for r in flag.refs)),
            _Wide(e(" / ".join(_quoted(s) for s in spans if s))),
        ])
    return _table(["kind", "severity", "message", "refers to", "text"], rows)


# --------------------------------------------------------------------------------------------------
# legend and page


