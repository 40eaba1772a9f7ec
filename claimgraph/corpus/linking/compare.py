"""Two articles side by side: what they share, what drifted, what they contradict, what only one says.

A claim is *shared* when one of its events is in an incident both articles report, or when it overlaps a
passage the other article repeats (near-duplicate text); *drifted* / *contradicted* when a finding about
the pair rests on a span inside it; *unique* otherwise. Rendered as Markdown, or as HTML in the style of
the analysis report (its CSS, no scripts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from claimgraph.contract import Analysis, Claim
from claimgraph.corpus.linking.linker import Linker
from claimgraph.corpus.linking.models import Finding, Incident


@dataclass
class Comparison:
    a: Analysis
    b: Analysis
    incidents: list[Incident]
    drift: list[Finding]
    contradictions: list[Finding]
    other: list[Finding]  # corroboration, anachronism, recycling about the pair
    claims: dict[str, dict[str, list[Claim]]] = field(default_factory=dict)  # doc -> class -> claims


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def compare(a: Analysis, b: Analysis) -> Comparison:
    """Link two analyses and sort each one's claims into shared, drifted, contradicted and unique."""
    linker = Linker()
    linker.add(a)
    linker.add(b)
    records = linker.records()
    ids = {a.document.id, b.document.id}
    shared = [i for i in records.incidents if ids <= set(i.doc_ids)]
    pair = [f for f in records.findings if f.kind != "outlet_profile" and {r.doc_id for r in f.refs} & ids]
    drift = [f for f in pair if f.kind == "drift"]
    contra = [f for f in pair if f.kind == "contradiction"]
    other = [f for f in pair if f.kind not in ("drift", "contradiction")]
    out = Comparison(a, b, shared, drift, contra, other)
    for doc in (a, b):
        did = doc.document.id
        shared_events = {e.item for inc in shared for r in inc.reports if r.doc_id == did for e in r.events}
        dup_spans = [p.a.span for p in records.passages if p.a.doc_id == did and p.a.span]
        dup_spans += [p.b.span for p in records.passages if p.b.doc_id == did and p.b.span]

        def spans(fs: list[Finding], did: str = did) -> list[tuple[int, int]]:
            return [r.span for f in fs for r in f.refs if r.doc_id == did and r.span]

        classes: dict[str, list[Claim]] = {"contradicted": [], "drifted": [], "shared": [], "unique": []}
        for c in doc.claims:
            if _overlaps(c.span, spans(contra)):
                classes["contradicted"].append(c)
            elif _overlaps(c.span, spans(drift)):
                classes["drifted"].append(c)
            elif set(c.events) & shared_events or _overlaps(c.span, dup_spans):
                classes["shared"].append(c)
            else:
                classes["unique"].append(c)
        out.claims[did] = classes
    return out


def _name(a: Analysis) -> str:
    d = a.document
    return f"{d.outlet or 'unknown outlet'}, {d.published or d.dateline or 'undated'}: {d.title or d.id[:19]}"


def to_markdown(c: Comparison) -> str:
    lines = [f"# Comparison\n\n- **A**: {_name(c.a)}\n- **B**: {_name(c.b)}\n"]
    lines.append(f"## Shared incidents ({len(c.incidents)})\n")
    for inc in c.incidents:
        lines.append(f"- **{inc.subtype}** at {inc.place or '?'}, {inc.date_start or '?'}")
        for r in inc.reports:
            side = "A" if r.doc_id == c.a.document.id else "B"
            figs = "; ".join(f"{f.kind} {f.group}: \"{f.ref.text}\"" for f in r.figures)
            ev = ", ".join(f"\"{e.text}\"" for e in r.events[:3])
            lines.append(f"  - {side}: {ev}" + (f" ({figs})" if figs else ""))
    for title, fs in (("Drifted", c.drift), ("Contradicted", c.contradictions), ("Other findings", c.other)):
        lines.append(f"\n## {title} ({len(fs)})\n")
        lines += [f"- {f.kind}/{f.aspect}: {f.explanation}" for f in fs] or ["- none"]
    for label, doc in (("A", c.a), ("B", c.b)):
        classes = c.claims[doc.document.id]
        lines.append(f"\n## Claims of {label} ({len(doc.claims)})\n")
        for cls in ("shared", "drifted", "contradicted", "unique"):
            lines.append(f"\n### {cls} ({len(classes[cls])})\n")
            lines += [f"- {cl.text}" for cl in classes[cls]] or ["- none"]
    return "\n".join(lines) + "\n"


def _report_css() -> str:
    """The analysis report's stylesheet, read as the data file it is (the corpus layer imports no renderer)."""
    from pathlib import Path

    css = Path(__file__).resolve().parents[2] / "render" / "report.css"
    return css.read_text(encoding="utf-8") if css.exists() else ""


def to_html(c: Comparison) -> str:
    def e(x: object) -> str:
        return escape("" if x is None else str(x), quote=True)

    parts = [f"<h1>Comparison</h1><ul><li><b>A</b>: {e(_name(c.a))}</li><li><b>B</b>: {e(_name(c.b))}</li></ul>"]
    parts.append(f"<h2>Shared incidents ({len(c.incidents)})</h2><div class=\"cg-table-wrap\"><table>"
                 "<tr><th>incident</th><th>A</th><th>B</th></tr>")
    for inc in c.incidents:
        cells = []
        for doc in (c.a, c.b):
            reps = [r for r in inc.reports if r.doc_id == doc.document.id]
            cells.append("<br>".join(e(", ".join(ev.text or "" for ev in r.events[:3])) + "".join(
                f"<br><small>{e(f.kind)} {e(f.group)}: {e(f.ref.text)}</small>" for f in r.figures) for r in reps))
        parts.append(f"<tr><td>{e(inc.subtype)} at {e(inc.place)}, {e(inc.date_start)}</td>"
                     f"<td>{cells[0]}</td><td>{cells[1]}</td></tr>")
    parts.append("</table></div>")
    for title, fs in (("Drifted", c.drift), ("Contradicted", c.contradictions), ("Other findings", c.other)):
        parts.append(f"<h2>{title} ({len(fs)})</h2><ul>" + "".join(
            f"<li><b>{e(f.kind)}/{e(f.aspect)}</b>: {e(f.explanation)}</li>" for f in fs) + "</ul>")
    for label, doc in (("A", c.a), ("B", c.b)):
        classes = c.claims[doc.document.id]
        parts.append(f"<h2>Claims of {label} ({len(doc.claims)})</h2>")
        for cls in ("shared", "drifted", "contradicted", "unique"):
            parts.append(f"<h3>{cls} ({len(classes[cls])})</h3><ul>"
                         + "".join(f"<li>{e(cl.text)}</li>" for cl in classes[cls]) + "</ul>")
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>claimgraph: comparison</title>'
            f"\n<style>\n{_report_css()}\n</style>\n</head>\n<body>\n<main class=\"cg-report\">\n"
            + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")
