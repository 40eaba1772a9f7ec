"""The Markdown report: document metadata, then one table per contract section.

Rendered from the contract alone. Every string from the analysis is escaped for Markdown (pipes,
emphasis and link characters, angle brackets so raw HTML in an article cannot become live markup)
and kept on one line, so tables never break whatever the article says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from claimgraph.contract import Analysis, Quote
from claimgraph.render.common import (
    Index,
    bounds_summary,
    casualty_summary,
    dates_summary,
    figures_summary,
    flag_matters,
    fmt_num,
    needs_source,
    places_summary,
    span_text,
    speakers_summary,
    yes_no,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_SPACE = re.compile(r"\s+")


def md(value: object) -> str:
    """One-line, Markdown-escaped text (None -> "")."""
    if value is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).strip())


def _join(values: Iterable[str], sep: str = ", ") -> str:
    return sep.join(v for v in values if v)


def _chain(labels: list[str]) -> str:
    return " → ".join(md(x) for x in labels)


def _table(headers: Sequence[str], rows: list[list[str]]) -> str:
    """Cells arrive already escaped; an empty cell is written as a blank."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _quote_via(quote: Quote, index: Index) -> list[str]:
    if quote.via:
        return index.labels([*index.via_chain(quote.via), quote.via])
    return index.labels(index.via_chain(quote.speaker))


def _metadata(analysis: Analysis) -> str:
    doc = analysis.document
    rows = [
        ("Outlet", md(doc.outlet)),
        ("Authors", md(_join(doc.authors))),
        ("Dateline", md(doc.dateline)),
        ("Published", md(doc.published) + (f" ({md(doc.published_source)})" if doc.published_source else "")),
        ("URL", md(doc.url)),
        ("Language", md(doc.language)),
        ("Length", f"{len(doc.text):,} characters"),
        ("Document id", f"`{doc.id}`" if "`" not in doc.id else md(doc.id)),
    ]
    return "\n".join(f"- **{k}:** {v or '–'}" for k, v in rows)


def _entities(analysis: Analysis, index: Index) -> str:
    rows = [
        [md(x.id), md(x.name), md(x.type), md(_join(x.aliases)), md(_join(x.descriptors, "; ")), str(len(x.mentions))]
        for x in analysis.entities
    ]
    return _table(["id", "name", "type", "aliases", "descriptors", "mentions"], rows)


def _sources(analysis: Analysis, index: Index) -> str:
    quotes = Counter(q.speaker for q in analysis.quotes if q.speaker)
    rows = [
        [md(s.id), md(s.label), md(s.kind), md(s.role), md(index.label(s.entity)),
         _chain(index.labels(index.via_chain(s.id))), str(quotes.get(s.id, 0))]
        for s in analysis.sources
    ]
    return _table(["id", "label", "kind", "role", "entity", "via (outermost first)", "quotes"], rows)


def _quotes(analysis: Analysis, index: Index) -> str:
    text = analysis.document.text
    rows = []
    for q in analysis.quotes:
        speaker = md(index.label(q.speaker))
        written = span_text(text, q.speaker_span)
        if written and written != index.label(q.speaker):
            speaker += f" (“{md(written)}”)"
        rows.append([md(q.id), md(q.kind), md(q.text), speaker, _chain(_quote_via(q, index)), md(q.cue)])
    return _table(["id", "kind", "text", "speaker (as written)", "via", "cue"], rows)


def _claims(analysis: Analysis, index: Index) -> str:
    rows = [
        [md(c.id), md(c.text), _chain(index.labels(c.sources)), md(_join(c.hedges)), yes_no(c.attributed),
         md(_join(c.quotes)), md(_join(index.labels(c.quantities))), md(_join(index.labels(c.events)))]
        for c in analysis.claims
    ]
    return _table(["id", "text", "chain (outermost first)", "hedges", "attributed", "quotes", "quantities",
                   "events"], rows)


def _quantities(analysis: Analysis, index: Index) -> str:
    rows = [
        [md(q.id), md(q.text), md(bounds_summary(q)), fmt_num(q.value), fmt_num(q.low), fmt_num(q.high),
         md(q.approx), md(q.unit), md(q.subject), md(index.label(q.source)), md(_join(q.hedges)), md(q.modality)]
        for q in analysis.quantities
    ]
    return _table(["id", "text", "bounds", "value", "low", "high", "approx", "unit", "subject", "source",
                   "hedges", "modality"], rows)


def _times(analysis: Analysis, index: Index) -> str:
    rows = [[md(t.id), md(t.text), md(t.value), md(t.precision), md(t.anchor)] for t in analysis.times]
    return _table(["id", "text", "value", "precision", "anchor"], rows)


def _places(analysis: Analysis, index: Index) -> str:
    rows = [
        [md(p.id), md(p.name), str(len(p.mentions)), f"{p.lat:.4f}" if p.lat is not None else "",
         f"{p.lon:.4f}" if p.lon is not None else "", md(p.country), md(p.admin1), md(p.feature),
         md(p.gazetteer_id), f"{p.confidence:.2f}"]
        for p in analysis.places
    ]
    return _table(["id", "name", "mentions", "lat", "lon", "country", "admin1", "feature", "gazetteer",
                   "confidence"], rows)


def _events(analysis: Analysis, index: Index) -> str:
    rows = [
        [md(v.id), md(v.type), md(v.subtype), md(v.text), md(_join(index.labels(v.actors))),
         md(_join(index.labels(v.targets))), md(index.label(v.place)), md(index.label(v.time)),
         md(_join((casualty_summary(c, index) for c in v.casualties), "; ")),
         md(_join(index.labels(v.quantities))), md(index.label(v.source)), md(_join(v.hedges))]
        for v in analysis.events
    ]
    return _table(["id", "type", "subtype", "text", "actors", "targets", "place", "time", "casualties",
                   "quantities", "source", "hedges"], rows)


_QUOTES = "\"'“”‘’«»„"


def _summary(analysis: Analysis, index: Index) -> str:
    """Who is quoted, which figures, which events, where, when: the lines an analyst reads first."""
    doc = analysis.document
    who = [f"{md(label)} ({n} quote{'s' if n != 1 else ''}{', via ' + _chain(chain) if chain else ''})"
           for _, label, n, chain in speakers_summary(analysis, index)]
    figures = [f"{md(bounds_summary(q) or q.text)} {md(q.subject or '')}".strip() + (f" ({md(src)})" if src else "")
               for q, src in figures_summary(analysis, index)]
    events = []
    for ev in analysis.events:
        where_when = _join([index.label(ev.place) if ev.place else "", index.label(ev.time) if ev.time else ""])
        cas = "; ".join(casualty_summary(c, index) for c in ev.casualties)
        events.append(md(_join([index.label(ev.id), where_when, cas], " · ")))
    where = [md(p.name) for p in places_summary(analysis)]
    when = _join([f"published {doc.published}" if doc.published else "", *dates_summary(analysis)[:8]])
    unsourced = sum(needs_source(c, analysis) for c in analysis.claims)
    lines = [
        f"- **Who is quoted:** {'; '.join(who[:8]) or 'nobody'}",
        f"- **Figures:** {'; '.join(figures[:8]) or 'none'}",
        f"- **Events:** {'; '.join(events[:6]) or 'none'}",
        f"- **Where:** {', '.join(where[:10]) or 'nowhere named'}",
        f"- **When:** {md(when) or 'no date'}",
        f"- **Figures or events stated without a source:** {unsourced}",
    ]
    return "\n".join(lines)


def _flags(analysis: Analysis, index: Index) -> str:
    text = analysis.document.text
    rows = []
    for f in analysis.flags:
        if not flag_matters(f, analysis, index):
            continue
        refs = _join(index.ref(r) for r in f.refs)
        spans = " / ".join(f"“{s.strip().strip(_QUOTES).strip()}”" for s in (span_text(text, sp) for sp in f.spans)
                           if s)
        rows.append([md(f.kind), md(f.severity), md(f.message), md(refs), md(spans)])
    return _table(["kind", "severity", "message", "refers to", "text"], rows)


def render_markdown(analysis: Analysis) -> str:
    """A readable summary of the analysis: metadata, then sections as Markdown tables."""
    index = Index(analysis)
    doc = analysis.document
    sections = [
        ("Entities", analysis.entities, _entities),
        ("Sources", analysis.sources, _sources),
        ("Quotes", analysis.quotes, _quotes),
        ("Claims", analysis.claims, _claims),
        ("Quantities", analysis.quantities, _quantities),
        ("Times", analysis.times, _times),
        ("Places", analysis.places, _places),
        ("Events", analysis.events, _events),
        ("Flags", analysis.flags, _flags),
    ]
    out = [f"# {md(doc.title) or 'Untitled article'}", "", _metadata(analysis), "", "## Summary", "",
           _summary(analysis, index), ""]
    out.append("**Found:** " + " · ".join(f"{len(items)} {name.lower()}" for name, items, _ in sections))
    for name, items, build in sections:
        out += ["", f"## {name} ({len(items)})", ""]
        out.append(build(analysis, index) if items else f"_No {name.lower()} found._")
    return "\n".join(out) + "\n"
