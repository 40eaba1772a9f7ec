"""Findings: what the linked corpus says about its claims, each resting on items and exact spans.

- corroboration: per incident, how many independent sources report it. Reports count once per upstream
  (upstreams.py): reports resting on the same cited source (two articles citing one wire report), one
  outlet's uncited reports, or near-duplicate text are one source.
- drift: the same figure (killed civilians, injured, displaced ...) changing between reports of one
  incident, with both versions, outlets and dates; a toll written as an update ("rose to") is marked so.
  A quote whose words changed between two reports is drift too.
- contradiction: incompatible figures for one incident published on the same day (neither an update) by
  reports citing no upstream in common, neither a town's toll against its area's, and incompatible blame
  (the reports hold different belligerents responsible).
- anachronism: a report whose document presents an incident as current (its date for it comes from the
  dateline, not from a year the text writes) while the other reports date it far from that dateline.
- recycling: near-duplicate text published under dates far apart.
- outlet_profile: per outlet, claims stored, share sourced, share of reports corroborated, contradictions,
  and how often its figures are the highest or lowest for shared incidents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.contract import Analysis, Casualty, Event, Place, Quote
from claimgraph.corpus.linking import blame
from claimgraph.corpus.linking.blame import blamed
from claimgraph.corpus.linking.digest import DateSpan, Digest, Report
from claimgraph.corpus.linking.entities import (
    EntityIndex,
    entity_key,
    fold,
    linking_data,
    outlet_key,
    upstream_of,
)
from claimgraph.corpus.linking.figures import OPEN_APPROX, is_part, placed_elsewhere, qualified, same_count, stated_kind
from claimgraph.corpus.linking.models import Figure, Finding, ItemRef
from claimgraph.corpus.linking.models import Report as ReportRecord
from claimgraph.corpus.linking.upstreams import independent_groups, primary_source, unnamed

#: a document dated this many days away from the date other reports give its incident is anachronistic
ANACHRONISM_DAYS = 180
#: near-duplicate texts published this many days apart are a republication
RECYCLING_DAYS = 30
#: quotes whose word sets overlap this much (but differ) are one quote that changed
QUOTE_DRIFT = 0.5
#: two quotes one run of letters of which covers this share of the shorter are one quote cut elsewhere
QUOTE_CUT = 0.9
#: a quote holding every word of the other and more than this many others is the same quote cut elsewhere
QUOTE_EXTENSION_WORDS = 3
#: a quote compared for drift lies this close (characters) to one of its document's events of the incident
QUOTE_REACH = 600
#: how far before a figure an update cue ("rose to") may be, and how far after it (in its sentence)
UPDATE_WINDOW = 60
UPDATE_WINDOW_AFTER = 100
_WORDS = re.compile(r"\w+")
#: a figure this far (characters) from its event and every mention of it is not compared (its sentence and
#: the next, at news lengths)
FIGURE_REACH = 300
#: casualty groups compared with the same group only, whatever a report's whole toll (children, women)
SUBGROUPS = frozenset({"children", "women"})


def ref(analysis: Analysis, item: str | None, span: tuple[int, int] | None) -> ItemRef:
    text = analysis.document.text
    return ItemRef(doc_id=analysis.document.id, item=item, span=span,
                   text=text[span[0]:span[1]] if span else None)


def _fid(*parts: str) -> str:
    return "find:" + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _is_update(analysis: Analysis, span: tuple[int, int] | None) -> bool:
    """An update cue ("rose to", "has raised the death toll") shortly before the figure, or shortly after it in
    its sentence ("22 killed ... state TV has raised the death toll")."""
    if span is None:
        return False
    text = analysis.document.text
    after = text[span[1]:span[1] + UPDATE_WINDOW_AFTER]
    window = (text[max(0, span[0] - UPDATE_WINDOW):span[0]] + " " + re.split(r"(?<=[.!?])\s", after)[0]).lower()
    return any(cue in window for cue in linking_data().get("update_cues", []))


@dataclass
class DocReport:
    """Everything one document says about one incident (merged over its reports in it)."""

    digest: Digest
    reports: list[Report]
    record: ReportRecord
    cited: tuple[str, ...] = ()  # the upstreams (linking.json upstream_aliases) its document cites anywhere
    # (kind, figure) -> every body its text credits it to
    credits: dict[tuple[str, float], frozenset[str]] = field(default_factory=dict)

    @property
    def analysis(self) -> Analysis:
        return self.digest.analysis


def _sources_of(analysis: Analysis, events: list[Event], entities: EntityIndex) -> list[str]:
    """Canonical upstream sources cited for these events (the chain, minus the publishing outlet)."""
    ids: list[str] = []
    event_ids = {e.id for e in events}
    quantity_ids = {c.quantity for e in events for c in e.casualties if c.quantity}
    ids += [e.source for e in events if e.source]
    for c in analysis.claims:
        if event_ids & set(c.events):
            ids += c.sources
    ids += [q.source for q in analysis.quantities if q.id in quantity_ids and q.source]
    return _source_keys(analysis, ids, entities)


def _figure_source(analysis: Analysis, quantity: str, entities: EntityIndex) -> str | None:
    """The upstream a figure itself is attributed to (its quantity's source, or a source of the claim holding
    it), canonical as `_sources_of` gives it; None when the text attributes the number to no one."""
    ids = [q.source for q in analysis.quantities if q.id == quantity and q.source]
    ids += [sid for c in analysis.claims if quantity in c.quantities for sid in c.sources]
    keys = _source_keys(analysis, ids, entities)
    return next((k for k in keys if k.startswith("upstream:")), keys[0] if keys else None)


def _credited(analysis: Analysis, figure: Figure, entities: EntityIndex) -> frozenset[str]:
    """Every body (upstream or named source) the text credits a figure to, wherever it writes it: a lead's "IS
    claims the bombing ... killing at least 17" and a later "the Observatory said at least 17 people were
    killed" credit one 17 to both; a 14 counting shells credits no one with 14 killed civilians."""
    same = same_count(analysis, figure.kind, figure.group, figure.low)
    ids = [q.source for q in analysis.quantities if q.id in same and q.source]
    ids += [sid for c in analysis.claims if same & set(c.quantities) for sid in c.sources]
    return frozenset(k for k in _source_keys(analysis, ids, entities) if k.startswith(("upstream:", "outlet:")))


def _credits(analysis: Analysis, figures: list[Figure],
             entities: EntityIndex) -> dict[tuple[str, float], frozenset[str]]:
    """(kind, value) of each figure -> the bodies its text credits it to (over the figure's groups)."""
    out: dict[tuple[str, float], frozenset[str]] = {}
    for f in figures:
        if f.low is not None:
            out[(f.kind, f.low)] = out.get((f.kind, f.low), frozenset()) | _credited(analysis, f, entities)
    return out


def _source_keys(analysis: Analysis, ids: list[str], entities: EntityIndex) -> list[str]:
    """Canonical upstream keys of these source ids, in order, following each one's `via` chain."""
    by_id = {s.id: s for s in analysis.sources}
    own = outlet_key(analysis.document.outlet)
    out: list[str] = []
    seen: set[str] = set()
    stack = list(ids)
    while stack:
        sid = stack.pop(0)
        s = by_id.get(sid)
        if s is None or sid in seen:
            continue
        seen.add(sid)
        if s.via:
            stack.append(s.via)
        canon = entities.canonical(analysis.document.id, s.entity) if s.entity else None
        upstream = upstream_of(s.label) or (upstream_of(canon.name) if canon is not None else None)
        if upstream is not None:
            key = "upstream:" + upstream  # "a monitor", "the Observatory", "SOHR": one source
        elif s.kind == "outlet" or (
                canon is not None and (s.kind == "organization" or canon.type in ("OUTLET", "ORG"))):
            # one name: what one text calls an outlet another calls an organisation ("UNICEF")
            key = "outlet:" + (outlet_key(canon.name if canon else s.label) or fold(s.label))
            if own and key == "outlet:" + own:
                continue
        elif canon is not None:
            key = canon.id
        elif s.kind in ("anonymous", "unknown") or (s.kind == "organization" and s.label.islower()) or (
                s.kind == "document" and unnamed(s.label)):
            continue  # "sources said", "terrorist groups" (an actor taken for a source), "media reports": no one
        else:
            key = "label:" + fold(s.label)
        if key not in out:
            out.append(key)
    return out


def _near(span: tuple[int, int], ev: Event) -> bool:
    """Whether a figure lies within FIGURE_REACH characters of its event or one of the event's mentions."""
    return any(s - FIGURE_REACH <= span[0] <= e + FIGURE_REACH for s, e in [ev.span, *ev.mentions])


def _figures(analysis: Analysis, events: list[Event], sources: list[str], place: Place | None,
             entities: EntityIndex) -> list[Figure]:
    quantities = {q.id: q for q in analysis.quantities}
    best: dict[tuple[str, str], tuple[Casualty, Event]] = {}
    for ev in events:
        for c in ev.casualties:
            if c.low is None and c.high is None:
                continue
            k = (c.kind, c.group)
            if k not in best or (c.low or 0) > (best[k][0].low or 0):
                best[k] = (c, ev)
    out = []
    for (kind, group), (c, ev) in sorted(best.items()):
        q = quantities.get(c.quantity) if c.quantity else None
        span = q.span if q else ev.span
        if q is None:
            continue  # a figure with no number written for it (a casualty kind without its quantity) is not compared
        if stated_kind(analysis.document.text, span) not in (None, kind) or is_part(analysis.document.text, span):
            continue  # the words around the number report another kind ("kill 10 civilians injure 16") or a part
        if not _near(span, ev):
            continue  # a number far from every mention of its event is the numbers' guess, not the event's toll
        if placed_elsewhere(analysis, span, place):
            continue  # the toll of one town of the area the report tells ("the highest toll was in Douma")
        if (w := qualified(analysis, q, kind)) is not q:
            q, span = w, w.span
        out.append(Figure(kind=kind, group=group, low=c.low, high=None if q.approx in OPEN_APPROX else c.high,
                          approx=q.approx, ref=ref(analysis, q.id, span),
                          source=_figure_source(analysis, q.id, entities) or (sources[0] if sources else None),
                          update=_is_update(analysis, span)))
    return out


def doc_reports(incident_reports: list[Report], digests: dict[str, Digest],
                entities: EntityIndex) -> list[DocReport]:
    """One DocReport per document of an incident, in publication order."""
    by_doc: dict[str, list[Report]] = defaultdict(list)
    for r in incident_reports:
        by_doc[r.doc_id].append(r)
    out = []
    for doc_id, reps in by_doc.items():
        d = digests[doc_id]
        a = d.analysis
        events = [e for r in reps for e in r.events]
        sources = _sources_of(a, events, entities)
        main = reps[0]
        rec = ReportRecord(
            doc_id=doc_id, outlet=a.document.outlet, published=a.document.published or (
                d.published.iso if d.published else None),
            date=main.date.iso if main.date else None, date_stated=bool(main.date and main.date.year_stated),
            place=main.place.name if main.place else None,
            events=[ref(a, e.id, e.span) for e in events], figures=_figures(a, events, sources, main.place, entities),
            sources=sources, blamed=blamed(a, events), lead=any(r.lead for r in reps))
        cited = tuple(k for k in _source_keys(a, [s.id for s in a.sources], entities) if k.startswith("upstream:"))
        out.append(DocReport(d, reps, rec, cited, _credits(a, rec.figures, entities)))
    return sorted(out, key=lambda dr: (dr.digest.published.start if dr.digest.published else dt.date.max,
                                       dr.record.doc_id))


def _bounds(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else 0.0
    high = f.high if f.high is not None else float("inf")
    if f.approx in OPEN_APPROX and f.high is None:
        high = float("inf")
    return low, high


def _figure_value(f: Figure) -> float:
    return f.low if f.low is not None else (f.high or 0.0)


def _label(r: DocReport) -> str:
    return f"{r.record.outlet or 'unknown outlet'} ({r.record.published or 'undated'})"


def _date(d: DateSpan | None) -> str:
    return d.iso if d else "undated"



def corroboration(inc_id: str, reports: list[DocReport], duplicates: dict[str, dict[str, float]]) -> Finding | None:
    if len(reports) < 2:
        return None
    groups = independent_groups(reports, duplicates)
    outlets = sorted({r.record.outlet or "?" for r in reports})
    shared = [g for g in groups if len(g) > 1]
    why = "; ".join(", ".join(_label(r) for r in g) + " share an upstream" for g in shared)
    expl = (f"{len(reports)} reports from {len(outlets)} outlets, {len(groups)} independent source"
            f"{'s' if len(groups) != 1 else ''}" + (f" ({why})" if why else ""))
    refs = [r.record.events[0] for r in reports if r.record.events]
    return Finding(id=_fid("corroboration", inc_id), kind="corroboration", aspect="incident", explanation=expl,
                   incident=inc_id, refs=refs,
                   data={"reports": len(reports), "outlets": outlets, "independent": len(groups),
                         "groups": [[r.record.doc_id for r in g] for g in groups]})


def _same_act(a: DocReport, b: DocReport) -> bool:
    """Whether two documents' reports in one incident tell the same kind of act: the same subtype, or two
    of one family (linking.json subtype_families: a 'bombing' and a 'suicide blast')."""
    from claimgraph.corpus.linking.incidents import families

    fam = families()
    return any(x.subtype == y.subtype or fam.get(x.subtype, set()) & fam.get(y.subtype, set())
               for x in a.reports for y in b.reports)


def _apart(ra: DocReport, fa: Figure, rb: DocReport, fb: Figure) -> bool:
    """Whether two incompatible same-day figures are two sources' claims, not one source's count changing
    during the day (both given by one upstream: the Observatory's toll rising; SANA's report and one quoting
    SANA). A figure's source is who the text attributes the number to, else what its report rests on
    (upstreams.primary_source): a report that first cites a political body's statement and then the
    Observatory's toll gives the Observatory's toll."""
    return (fa.source or primary_source(ra)) != (fb.source or primary_source(rb))


def figure_findings(inc_id: str, reports: list[DocReport]) -> list[Finding]:
    """Drift between versions of one figure, and contradictions between same-day incompatible ones."""
    out: list[Finding] = []
    by_subject: dict[tuple[str, str], list[tuple[DocReport, Figure]]] = defaultdict(list)
    for r in reports:
        for f in r.record.figures:
            by_subject[(f.kind, f.group)].append((r, f))
    main: dict[tuple[str, str], float] = {}  # (document, kind) -> its largest figure of that kind, any group
    for r in reports:
        for f in r.record.figures:
            key = (r.record.doc_id, f.kind)
            main[key] = max(main.get(key, 0.0), _figure_value(f))
    for (kind, group), versions in sorted(by_subject.items()):
        subject = f"{kind} ({group})"
        if group not in SUBGROUPS:  # a part of a toll (six teachers of 28 dead) is no version of another toll
            versions = [(r, f) for r, f in versions if _figure_value(f) >= main[(r.record.doc_id, kind)]]
        # within one publication day a figure written as an update ("rose to") comes after the ones it updates,
        # whatever order the documents' ids give (stable: otherwise publication order)
        versions.sort(key=lambda v: (v[0].digest.published.start if v[0].digest.published else dt.date.max,
                                     bool(v[1].update)))
        for (ra, fa), (rb, fb) in zip(versions, versions[1:], strict=False):
            if _figure_value(fa) == _figure_value(fb) and fa.high == fb.high:
                continue
            if not _same_act(ra, rb):
                continue  # one incident's shelling and air strike tolls are two acts' tolls, not one changing
            da, db = ra.digest.published, rb.digest.published
            same_day = (da is not None and db is not None and da.precision == db.precision == "day"
                        and da.start == db.start)
            la, ha = _bounds(fa)
            lb, hb = _bounds(fb)
            incompatible = ha < lb or hb < la
            refs = [fa.ref, fb.ref]
            data = {"subject": subject, "from": {"doc_id": ra.record.doc_id, "outlet": ra.record.outlet,
                                                 "published": ra.record.published, "text": fa.ref.text,
                                                 "low": fa.low, "high": fa.high},
                    "to": {"doc_id": rb.record.doc_id, "outlet": rb.record.outlet, "published": rb.record.published,
                           "text": fb.ref.text, "low": fb.low, "high": fb.high}, "update": fb.update or fa.update}
            if same_day and incompatible and not (fa.update or fb.update) and _apart(ra, fa, rb, fb):
                out.append(Finding(
                    id=_fid("contradiction", "figure", inc_id, kind, group, ra.record.doc_id, rb.record.doc_id),
                    kind="contradiction", aspect="figure", incident=inc_id, refs=refs, data=data,
                    explanation=f"{subject}: {_label(ra)} says \"{fa.ref.text}\", {_label(rb)} says "
                                f"\"{fb.ref.text}\" on the same day"))
            else:
                how = "updated to" if fb.update and _figure_value(fb) >= _figure_value(fa) else "became"
                out.append(Finding(
                    id=_fid("drift", "figure", inc_id, kind, group, ra.record.doc_id, rb.record.doc_id),
                    kind="drift", aspect="figure", incident=inc_id, refs=refs, data=data,
                    explanation=f"{subject}: \"{fa.ref.text}\" in {_label(ra)} {how} \"{fb.ref.text}\" "
                                f"in {_label(rb)}"))
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORDS.findall(text)}


def _speaker(analysis: Analysis, speaker: str | None) -> tuple[str | None, str]:
    """(entity key, folded label) of a quote's speaker; anonymous and unknown speakers have neither."""
    by_id = {s.id: s for s in analysis.sources}
    src = by_id.get(speaker or "")
    if src is None or src.kind == "anonymous":
        return None, ""
    ents = {e.id: e for e in analysis.entities}
    ent = ents.get(src.entity or "")
    return (entity_key(ent) if ent else None), fold(src.label)


def same_speaker(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
    """The same entity, or one label inside the other ("Abdel Rahman" in "Rami Abdel Rahman head of the
    Syrian Observatory"): a quote can only drift between two reports of what one speaker said."""
    if a[0] and b[0]:
        return a[0] == b[0]
    if not a[1] or not b[1]:
        return False
    x, y = f" {a[1]} ", f" {b[1]} "
    return x in y or y in x


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _near_events(quote_span: tuple[int, int], report: DocReport) -> bool:
    """Whether a quote lies within QUOTE_REACH characters of one of the document's events of this incident
    (the background paragraphs at the foot of wire stories are quotes about the war, not about it)."""
    return any(e.span is not None and quote_span[0] - QUOTE_REACH <= e.span[0] <= quote_span[1] + QUOTE_REACH
               for e in report.record.events)


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of letters the two squashed quotes share."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _names_speaker(analysis: Analysis, quote: Quote) -> bool:
    """Whether a quote's words name its own speaker: words about the speaker ("protests calling for the ouster
    of President Bashar al-Assad"), which attribution tied to the wrong source."""
    src = next((s for s in analysis.sources if s.id == quote.speaker), None)
    if src is None or not src.label:
        return False
    return f" {fold(src.label)} " in f" {fold(quote.text)} "


def quote_findings(inc_id: str, reports: list[DocReport]) -> list[Finding]:
    """A quote whose words changed between two reports of one incident: the same speaker's, near the
    incident's events in both, and not the same words cut at other boundaries (one, letters only, inside
    the other: "(TRT World and Agencies) Syrian and Russian warplanes ..." is not a change)."""
    out = []
    for i, ra in enumerate(reports):
        quotes_a = [q for q in ra.analysis.quotes if _near_events(q.span, ra) and not _names_speaker(ra.analysis, q)]
        speakers_a = {q.id: _speaker(ra.analysis, q.speaker) for q in quotes_a}
        for rb in reports[i + 1:]:
            quotes_b = [q for q in rb.analysis.quotes if _near_events(q.span, rb)
                        and not _names_speaker(rb.analysis, q)]
            speakers_b = {q.id: _speaker(rb.analysis, q.speaker) for q in quotes_b}
            for qa in quotes_a:
                wa, sa = _words(qa.text), _squash(qa.text)
                for qb in quotes_b:
                    wb, sb = _words(qb.text), _squash(qb.text)
                    if not wa or not wb or sa in sb or sb in sa or not same_speaker(speakers_a[qa.id],
                                                                                    speakers_b[qb.id]):
                        continue
                    if (wa <= wb or wb <= wa) and len(wa ^ wb) > QUOTE_EXTENSION_WORDS:
                        continue
                    if _common_run(sa, sb) >= QUOTE_CUT * min(len(sa), len(sb)):
                        continue  # one run of letters holds nearly all of the shorter: cut elsewhere ("BEIRUT ...")
                    sim = len(wa & wb) / len(wa | wb)
                    if sim >= QUOTE_DRIFT and min(len(wa), len(wb)) >= 4:
                        out.append(Finding(  # the id leaves the incident out: one change, however many incidents
                            id=_fid("drift", "quote", ra.record.doc_id, qa.id, rb.record.doc_id, qb.id),
                            kind="drift", aspect="quote", incident=inc_id,
                            refs=[ref(ra.analysis, qa.id, qa.span), ref(rb.analysis, qb.id, qb.span)],
                            data={"similarity": round(sim, 3)},
                            explanation=f"quote changed: \"{qa.text}\" ({_label(ra)}) vs \"{qb.text}\" ({_label(rb)})"))
    return out


def blame_findings(inc_id: str, reports: list[DocReport]) -> list[Finding]:
    """Two reports holding different, known belligerents responsible for the same incident (blame.py)."""
    return blame.blame_findings(inc_id, reports, _fid, _label)


def _dateline_ref(analysis: Analysis) -> ItemRef:
    """The dateline as written (a time item at the top of the text), else the document itself."""
    dl = analysis.document.dateline
    for t in sorted(analysis.times, key=lambda t: t.span[0]):
        if dl and t.text in dl or (dl and dl in t.text):
            return ref(analysis, t.id, t.span)
    if dl:
        at = analysis.document.text.find(dl)
        if at >= 0:
            return ref(analysis, None, (at, at + len(dl)))
    return ItemRef(doc_id=analysis.document.id)


def anachronism_findings(inc_id: str, reports: list[DocReport], year_free: set[tuple[str, int]]) -> list[Finding]:
    """A document presenting an incident as current while the others date it far from its dateline."""
    out = []
    for r in reports:
        pub = r.digest.published
        if pub is None or not any(rep.key in year_free for rep in r.reports):
            continue  # only a report that joined on a yearless date (or as a copy) can be under a wrong dateline
        own_stated = any(rep.date is not None and rep.date.year_stated and rep.key not in year_free
                         and rep.date.iso != pub.iso for rep in r.reports)
        if own_stated:
            continue  # the document itself dates the incident: background, not an anachronism
        others = [(o, rep) for o in reports if o is not r for rep in o.reports
                  if rep.date is not None and rep.key not in year_free]
        others = [(o, rep) for o, rep in others if rep.date is not None and rep.date.days_from(pub) > ANACHRONISM_DAYS]
        if not others:
            continue
        o, rep = min(others, key=lambda x: x[1].date.start if x[1].date else dt.date.max)
        assert rep.date is not None
        dateline = r.analysis.document.dateline or pub.iso
        ev = rep.events[0]
        out.append(Finding(
            id=_fid("anachronism", inc_id, r.record.doc_id), kind="anachronism", aspect="dateline", incident=inc_id,
            refs=[_dateline_ref(r.analysis), *r.record.events[:1], ref(o.analysis, ev.id, ev.span)],
            data={"dateline": dateline, "published": pub.iso, "incident_date": rep.date.iso,
                  "days": rep.date.days_from(pub), "dated_by": o.record.doc_id},
            explanation=f"dated {dateline} ({pub.iso}) but reports an incident that {_label(o)} dates "
                        f"{rep.date.iso}, {rep.date.days_from(pub)} days earlier" if rep.date.start < pub.start else
                        f"dated {dateline} ({pub.iso}) but reports an incident that {_label(o)} dates {rep.date.iso}"))
    return out


def recycling_findings(digests: dict[str, Digest], duplicates: dict[str, dict[str, float]],
                       passages: dict[tuple[str, str], list[tuple[tuple[int, int], tuple[int, int]]]]) -> list[Finding]:
    """Near-duplicate texts published far apart: the later one is the old text under a new date."""
    out = []
    done = set()
    for a, others in duplicates.items():
        for b, sim in others.items():
            pair = tuple(sorted((a, b)))
            if pair in done or a not in digests or b not in digests:
                continue
            done.add(pair)
            da, db = digests[a], digests[b]
            if da.published is None or db.published is None:
                continue
            days = da.published.days_from(db.published)
            if days <= RECYCLING_DAYS:
                continue
            old, new = (da, db) if da.published.start <= db.published.start else (db, da)
            spans = passages.get((old.doc_id, new.doc_id), [])
            refs = [_dateline_ref(new.analysis), _dateline_ref(old.analysis)]
            if spans:
                refs += [ref(old.analysis, None, spans[0][0]), ref(new.analysis, None, spans[0][1])]
            out.append(Finding(
                id=_fid("recycling", old.doc_id, new.doc_id), kind="recycling", aspect="text",
                refs=refs, data={"original": old.doc_id, "republished": new.doc_id, "similarity": round(sim, 3),
                                 "days": days, "original_date": old.published.iso if old.published else None,
                                 "new_date": new.published.iso if new.published else None},
                explanation=f"text {sim:.0%} identical to {old.analysis.document.outlet or 'a document'} of "
                            f"{_date(old.published)}, republished under {_date(new.published)} ({days} days later)"))
    return out


def outlet_profiles(digests: dict[str, Digest], incident_reports: dict[str, list[DocReport]],
                    findings: list[Finding], duplicates: dict[str, dict[str, float]]) -> list[Finding]:
    """Outlet profiles of an in-memory corpus (see outlet_profiles_from_records)."""
    docs = {d: g.analysis.document.outlet for d, g in digests.items()}
    claims = {d: (len(g.analysis.claims), sum(1 for c in g.analysis.claims if c.attributed))
              for d, g in digests.items()}
    reports = {i: [r.record for r in rs] for i, rs in incident_reports.items()}
    lead = {i: [r for r in rs if r.record.lead] for i, rs in incident_reports.items()}
    independent = {i: len(independent_groups(rs, duplicates)) if len(rs) > 1 else 1  # as corroboration counts
                   for i, rs in lead.items()}
    contradictions = [sorted({r.doc_id for r in f.refs}) for f in findings if f.kind == "contradiction"]
    return outlet_profiles_from_records(docs, claims, reports, independent, contradictions)


def outlet_profiles_from_records(docs: dict[str, str | None], claims: dict[str, tuple[int, int]],
                                 reports: dict[str, list[ReportRecord]], independent: dict[str, int],
                                 contradictions: list[list[str]],
                                 report_counts: dict[str | None, int] | None = None) -> list[Finding]:
    """Per outlet: claims, sourced share, corroborated share, contradictions, highest/lowest figures.

    docs: doc_id -> outlet; claims: doc_id -> (claims, attributed claims); reports: incident -> its reports;
    independent: incident -> independent sources; contradictions: the documents of each contradiction;
    report_counts: outlet as written -> its incident reports, when `reports` holds only the incidents
    several documents tell (the only ones that can be corroborated or compared).
    """
    stats: dict[str, dict] = defaultdict(lambda: {"documents": 0, "claims": 0, "sourced": 0, "reports": 0,
                                                  "corroborated": 0, "contradicted": 0, "highest": 0, "lowest": 0,
                                                  "compared": 0, "name": None})
    for doc_id, outlet in docs.items():
        s = stats[outlet_key(outlet) or "unknown"]
        s["name"] = s["name"] or outlet
        s["documents"] += 1
        n, sourced = claims.get(doc_id, (0, 0))
        s["claims"] += n or 0
        s["sourced"] += sourced or 0
    for outlet, n in (report_counts or {}).items():
        stats[outlet_key(outlet) or "unknown"]["reports"] += n
    for inc_id, recs in reports.items():
        for r in recs:
            s = stats[outlet_key(r.outlet) or "unknown"]
            s["reports"] += report_counts is None
            s["corroborated"] += independent.get(inc_id, 1) > 1
        figs: dict[tuple[str, str], list[tuple[float, ReportRecord]]] = defaultdict(list)
        for r in recs:
            for f in r.figures:
                figs[(f.kind, f.group)].append((_figure_value(f), r))
        for versions in figs.values():
            if len({outlet_key(r.outlet) for _, r in versions}) < 2:
                continue
            hi, lo = max(v for v, _ in versions), min(v for v, _ in versions)
            if hi == lo:
                continue
            for v, r in versions:
                s = stats[outlet_key(r.outlet) or "unknown"]
                s["compared"] += 1
                s["highest"] += v == hi
                s["lowest"] += v == lo
    for doc_ids in contradictions:
        for k in {outlet_key(docs.get(d)) or "unknown" for d in doc_ids if d in docs}:
            stats[k]["contradicted"] += 1
    out = []
    for key, s in sorted(stats.items()):
        sourced = s["sourced"] / s["claims"] if s["claims"] else 0.0
        corroborated = s["corroborated"] / s["reports"] if s["reports"] else 0.0
        data = {**s, "share_sourced": round(sourced, 3), "share_corroborated": round(corroborated, 3)}
        out.append(Finding(
            id=_fid("outlet_profile", key), kind="outlet_profile", aspect="outlet", data=data,
            explanation=f"{s['name'] or key}: {s['documents']} documents, {s['claims']} claims "
                        f"({sourced:.0%} sourced), {s['reports']} incident reports ({corroborated:.0%} "
                        f"corroborated), {s['contradicted']} contradictions; highest figure {s['highest']} / "
                        f"lowest {s['lowest']} of {s['compared']} compared"))
    return out
