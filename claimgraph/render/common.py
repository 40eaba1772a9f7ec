"""What the HTML and Markdown reports share: following ids, chains, number formatting, speaker colours.

Everything here reads only the contract models and tolerates dangling ids, cycles and odd spans:
a report of a hand-edited or partial analysis must still render.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimgraph.contract import Analysis, Casualty, Quantity, Span

#: Golden-angle hue steps give neighbouring speakers clearly different colours.
_GOLDEN_ANGLE = 137.508
_BASE_HUE = 210.0


def valid_span(span: Span | list[int] | None, length: int) -> bool:
    """A span the report can highlight: inside the text and not empty."""
    if span is None or len(span) != 2:
        return False
    s, e = span
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= length


def span_text(text: str, span: Span | list[int] | None) -> str:
    """The text a span covers, or an empty string when the span does not fit the text."""
    return text[span[0]:span[1]] if valid_span(span, len(text)) else ""


class Index:
    """Items by id, with a human label for any id (an unknown id labels as itself)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.items: dict[str, Any] = {}
        for section in ("entities", "sources", "quotes", "quantities", "places", "times", "events", "claims"):
            for item in getattr(analysis, section):
                if item.id and item.id not in self.items:
                    self.items[item.id] = item

    def get(self, item_id: str | None) -> Any:
        return self.items.get(item_id) if item_id else None

    def label(self, item_id: str | None) -> str:
        """Readable name for an id: entity/place name, source label, time or quantity text."""
        if not item_id:
            return ""
        item = self.items.get(item_id)
        if item is None:
            return item_id
        for attr in ("name", "label"):
            value = getattr(item, attr, None)
            if value:
                return str(value)
        if hasattr(item, "subtype") and hasattr(item, "type"):
            # ACLED subtypes are specific ("Air/drone strike") except the catch-all "Other"
            subtype = item.subtype if item.subtype not in ("", "Other") else None
            return str(subtype or f"{item.type}: {item.subtype}".rstrip(": "))
        value = getattr(item, "value", None)
        text = getattr(item, "text", None)
        if text and hasattr(item, "precision"):
            return f"{text} ({value})" if value else str(text)
        return str(text) if text else item_id

    def labels(self, ids: Iterable[str]) -> list[str]:
        return [self.label(i) for i in ids]

    def ref(self, item_id: str, limit: int = 60) -> str:
        """A flag's reference: the id, plus a short label unless the item is a sentence (claim, quote)."""
        item = self.items.get(item_id)
        if item is None or hasattr(item, "attributed") or hasattr(item, "cue"):
            return item_id
        label = self.label(item_id)
        if len(label) > limit:
            label = label[: limit - 1].rstrip() + "…"
        return f"{item_id} ({label})"

    def via_chain(self, source_id: str | None) -> list[str]:
        """Source ids a source was reported through, outermost first (`via` followed, cycle-safe)."""
        chain: list[str] = []
        seen = {source_id}
        current = self.get(source_id)
        while current is not None and getattr(current, "via", None) and current.via not in seen:
            chain.append(current.via)
            seen.add(current.via)
            current = self.get(current.via)
        chain.reverse()
        return chain


def fmt_num(value: float | None) -> str:
    """12000.0 -> "12,000"; 1.5 -> "1.5"; None -> ""."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


def bounds_summary(q: Quantity) -> str:
    """The figure as claimed, in one phrase: "about 12,000", "250 – 500", "more than 500"."""
    value, low, high = fmt_num(q.value), fmt_num(q.low), fmt_num(q.high)
    approx = q.approx
    if approx == "range" or (approx == "vague" and low and high and low != high):
        core = f"{low or '?'} – {high or '?'}"
    elif approx == "more_than":
        core = f"more than {low or value}"
    elif approx == "at_least":
        core = f"at least {low or value}"
    elif approx == "less_than":
        core = f"less than {high or value}"
    elif approx == "at_most":
        core = f"at most {high or value}"
    elif approx == "about":
        core = f"about {value or low or high}"
    else:
        core = value or (f"{low} – {high}" if low and high and low != high else low or high)
    core = core.strip()
    return f"{core} {q.unit}".strip() if q.unit and core else core


def casualty_summary(c: Casualty, index: Index) -> str:
    """ "killed civilians 10 – 12 (“at least 10”)": one casualty record on one line."""
    low, high = fmt_num(c.low), fmt_num(c.high)
    figure = low if low == high or not high else (f"{low} – {high}" if low else f"up to {high}")
    parts = [c.kind if c.group == "unknown" else f"{c.kind} {c.group}"]
    if figure:
        parts.append(figure)
    if c.quantity:
        q = index.get(c.quantity)
        parts.append(f"(“{q.text}”)" if q is not None and getattr(q, "text", None) else f"({c.quantity})")
    return " ".join(parts)


def speaker_hues(analysis: Analysis) -> dict[str, int]:
    """A hue per source id, stable for a given analysis: sources in contract order, then stray speaker ids."""
    order: list[str] = []
    for source in analysis.sources:
        if source.id not in order:
            order.append(source.id)
    for quote in analysis.quotes:
        if quote.speaker and quote.speaker not in order:
            order.append(quote.speaker)
    return {sid: int((_BASE_HUE + i * _GOLDEN_ANGLE) % 360) for i, sid in enumerate(order)}


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


# --------------------------------------------------------------------------------------------------
# what an analyst reads first: the summary, and which claims need a source


#: how far into the text the headline may start (after a dateline or kicker line)
HEADLINE_WINDOW = 400


def headline_end(analysis: Analysis) -> int:
    """Where the header ends when the headline opens the text (ingest puts a page's title above its body;
    a plain-text article may have a dateline above it): claims before this point are the headline."""
    doc = analysis.document
    title = (doc.title or "").strip()
    if not title:
        return 0
    start = doc.text.find(title, 0, HEADLINE_WINDOW + len(title))
    return start + len(title) if start >= 0 else 0


def needs_source(claim: Any, analysis: Analysis, head_end: int | None = None) -> bool:
    """An unattributed claim worth a source: it states a figure or an event, and it is not the headline."""
    if claim.attributed or not (claim.quantities or claim.events):
        return False
    end = headline_end(analysis) if head_end is None else head_end
    return not (claim.span and claim.span[0] < end)


def flag_matters(flag: Any, analysis: Analysis, index: Index, head_end: int | None = None) -> bool:
    """Whether a flag is worth showing: an "unsourced" flag only on a claim that needs a source."""
    if "unsourced" not in flag.kind:
        return True
    claims = [index.get(r) for r in flag.refs]
    claims = [c for c in claims if c is not None and hasattr(c, "attributed")]
    if claims:
        return any(needs_source(c, analysis, head_end) for c in claims)
    end = headline_end(analysis) if head_end is None else head_end
    return not any(s and s[0] < end for s in flag.spans)


def speakers_summary(analysis: Analysis, index: Index) -> list[tuple[str, str, int, list[str]]]:
    """(source id, label, number of quotes, chain it came through) for each quoted source, most quoted first."""
    counts: dict[str, int] = {}
    for q in analysis.quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    rows = []
    for sid, n in counts.items():
        rows.append((sid, index.label(sid), n, index.labels(index.via_chain(sid))))
    rows.sort(key=lambda r: (-r[2], r[1]))
    return rows


def figures_summary(analysis: Analysis, index: Index) -> list[tuple[Quantity, str]]:
    """Figures with a subject (what was counted), each with who gave it: the numbers an analyst tracks."""
    out = []
    for q in analysis.quantities:
        if q.subject or q.unit:
            out.append((q, index.label(q.source) if q.source else ""))
    return out


def places_summary(analysis: Analysis) -> list[Any]:
    """Places, most mentioned first."""
    return sorted(analysis.places, key=lambda p: (-len(p.mentions), p.name))


def dates_summary(analysis: Analysis) -> list[str]:
    """Distinct resolved dates mentioned in the text, in time order."""
    values = sorted({t.value for t in analysis.times if t.value and t.value[:1].isdigit()})
    return values
