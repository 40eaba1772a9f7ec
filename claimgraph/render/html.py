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

from collections import defaultdict

from claimgraph.contract import Analysis
from claimgraph.render.common import (
    Index,
    bounds_summary,
    casualty_summary,
    dates_summary,
    figures_summary,
    flag_matters,
    needs_source,
    places_summary,
    speaker_hues,
    speakers_summary,
)
from claimgraph.render.highlights import (
    ENTITY_TYPES,
    LAYERS,
    Layer,
    collect_layers,
    e,
    join_values,
    layout,
    report_css,
    report_prefix,
    speaker_classes,
    speaker_css,
)
from claimgraph.render.tables import (
    claims_table,
    document_table,
    entities_table,
    events_table,
    flags_table,
    none_note,
    places_table,
    quantities_table,
    quotes_table,
    section,
    sources_table,
    speaker_swatch,
    times_table,
)


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
    spk_class = speaker_classes(hues)
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
        line = speaker_swatch(sid, label, spk_class)
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
    spk_class = speaker_classes(hues)
    doc = analysis.document
    prefix = report_prefix(analysis)
    layers, linked_ids = collect_layers(analysis, index, hues, prefix)

    title = doc.title or "Untitled article"
    published = doc.published or ""
    sub = [doc.outlet or "", join_values(doc.authors), published, doc.dateline if doc.dateline != published else ""]
    header = f"<header><h1>{e(title)}</h1>"
    if any(sub):
        header += f'<p class="cg-sub">{" · ".join(e(s) for s in sub if s)}</p>'
    header += "</header>"

    sections: list[tuple[str, str, list[object], str]] = [
        ("document", "Document", [], document_table(analysis)),
        ("entities", "Entities", analysis.entities, entities_table(analysis, linked_ids)),
        ("sources", "Sources", analysis.sources, sources_table(analysis, index, spk_class)),
        ("quotes", "Quotes", analysis.quotes, quotes_table(analysis, index, spk_class, linked_ids)),
        ("claims", "Claims", analysis.claims, claims_table(analysis, index, linked_ids)),
        ("quantities", "Quantities", analysis.quantities, quantities_table(analysis, index, linked_ids)),
        ("times", "Times", analysis.times, times_table(analysis, linked_ids)),
        ("places", "Places", analysis.places, places_table(analysis, linked_ids)),
        ("events", "Events", analysis.events, events_table(analysis, index, linked_ids)),
        ("flags", "Flags", analysis.flags, flags_table(analysis, index)),
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
        f"<style>{report_css()}\n{speaker_css(hues)}</style>",
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
        parts.append(section(prefix, key, name, count, none_note(name.lower()) if empty else table))
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
