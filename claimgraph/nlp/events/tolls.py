"""One incident's toll from the casualty figures its reports give: one casualty per kind and group, totals and
their parts, and who the victims the text does not describe were. Used by the events component only (split from
arguments.py, which keeps the other arguments of an event, so that both stay under the module size limit).

Totals and parts (ACLED: fatalities are the incident's total; civilians only where the text says so). A toll may
be given as a total with some of its people named by kind: "Twelve people were killed, including eight
civilians", "killed 20 people: 14 civilians and 6 fighters", or a headline's "Strike kills 18" over the lead's
"killed 17 militants and a child". Then

- every part keeps the kind the text gives it: eight civilians are civilians, six fighters combatants, a child a
  child; a count the text calls civilians is never relabelled;
- the total counts people of several kinds, and what its parts leave over are people of no kind the text names:
  the total is a figure of group "unknown" (casualty groups overlap, as in the contract: the ACLED export takes
  the largest lower bound as the fatalities);
- only victims the text does not describe at all take the event type's default group (`people` of
  events_types.tsv: an air strike's victims are civilians, "Air strike kills 18"), and not when the text names
  fighters among them or names civilians as such as a part of them (then it has said who the civilians were).
  Across the reports of one incident the same holds where the sum shows it: a headline's toll of undescribed
  victims that equals the fighters and the women and children the incident's other reports count is their total,
  of no one group;
- a part is never a lower report of its own group's toll (ACLED's lowest-figure rule is between reports of one
  toll): "killed eight civilians ... three of the dead civilians were children" is eight civilians; but a count
  still wins over a vague word's reading, so a part loses only to a whole that is itself a count ("dozens of
  civilians were killed ... eighteen of the civilians died" is 18).

casualties.py marks a figure a part (`Figure.part`) when the text says so: "including", "among", "25 of them
civilians" / "25 of whom were civilians", a list set off after the toll ("20 people: 8 civilians and 3
children"), and "three of the (these, those) civilians".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimgraph.contract import Casualty, Event
from claimgraph.nlp.events.casualties import Figure, same_count_same_people
from claimgraph.nlp.events.casualties_syntax import NAMING_GROUPS


def casualties_of(figs: list[Figure], people: str) -> tuple[list[Casualty], list[Casualty]]:
    """One casualty per kind and group, with ACLED's lowest reported figure (a count over a vague word's
    reading: "dozens killed, at least 18 of them..." is 18), and those of them whose group is only the event
    type's default. Victims the report does not describe take the event type's `people` group
    (events_types.tsv), unless fighters are counted among them or a part of them is named civilians ("12 people,
    including eight civilians": the 12 are of several kinds, so "unknown"; the eight stay civilians)."""
    named = {f.kind for f in figs if f.group == "combatants" or (f.part and f.group in NAMING_GROUPS)}
    assumed: list[Figure] = []
    for fig in figs:  # "47 people, most of them civilians": described, of several kinds, so no default is theirs
        if fig.group == "unknown" and fig.kind not in named and not fig.several_kinds:
            fig.group = people
            if people != "unknown":
                assumed.append(fig)
    figs = sum_coordinated(figs, assumed)
    best: dict[tuple[str, str], Figure] = {}
    for fig in figs:  # a part is who some of a toll were, never a lower report of it ("three of the civilians"),
        key = (fig.kind, fig.group)  # but only a whole that is itself a count beats it: "dozens of civilians were
        cur = best.get(key)  # killed ... eighteen of the civilians died" is 18, not the vague word's 12
        if cur is None or (_vague(cur), cur.part, cur.low is None) > (_vague(fig), fig.part, fig.low is None) or (
                (_vague(cur), cur.part) == (_vague(fig), fig.part) and fig.low is not None
                and (cur.low is None or fig.low < cur.low)):
            best[key] = fig
    out: list[Casualty] = []
    defaults: list[Casualty] = []
    for f in sorted(best.values(), key=lambda f: f.start):
        out.append(Casualty(kind=f.kind, group=f.group, low=f.low, high=f.high,  # type: ignore[arg-type]
                            quantity=f.quantity))
        if any(f is a for a in assumed):
            defaults.append(out[-1])
    return out, defaults


def describe_tolls(reports: Sequence[list[Figure]]) -> None:
    """A report (one event's figures) that names fighters among its dead, or civilians as a part of them ("20 people,
    including 10 civilians"; "six of those killed were rebel fighters"), has said its victims were of several kinds:
    its counts of unknown people of that kind are `several_kinds`, and so the same count repeated with no
    description ("Air raids kill 20" in the headline) is too: no default group is theirs. Then a count repeated
    with its people named takes them (casualties.same_count_same_people)."""
    for figs in reports:
        named = {f.kind for f in figs if f.group == "combatants" or (f.part and f.group in NAMING_GROUPS)}
        for fig in figs:
            if fig.group == "unknown" and fig.kind in named:
                fig.several_kinds = True
    same_count_same_people([f for figs in reports for f in figs])


def _vague(fig: Figure | Casualty) -> bool:
    """Is the figure a vague word's conservative reading ("dozens" as 12, "scores" as 20), not a count? Our own
    parser gives those no upper bound and no quantity."""
    return fig.quantity is None and fig.high is None


def vague(c: Casualty) -> bool:
    """A casualty figure read from a vague word: ACLED takes such a word only when no count is reported."""
    return _vague(c)


def sum_coordinated(figs: list[Figure], assumed: list[Figure] | None = None) -> list[Figure]:
    """Counts of one group joined by "and" are parts of one toll ("14 militants and two soldiers died"
    is 16 combatants), not alternative reports of it; the lowest-figure rule applies after the sum. A sum of
    counts whose group is only the default (`assumed`) is such a count too."""
    out: list[Figure] = []
    sums: dict[tuple[str, str, int], Figure] = {}
    for fig in figs:
        if fig.conj_root < 0:
            out.append(fig)
            continue
        key = (fig.kind, fig.group, fig.conj_root)
        cur = sums.get(key)
        if cur is None:
            sums[key] = replace(fig)
            out.append(sums[key])
            if assumed is not None and any(fig is a for a in assumed):
                assumed.append(sums[key])
            continue
        cur.low = None if cur.low is None or fig.low is None else cur.low + fig.low
        cur.high = None if cur.high is None or fig.high is None else cur.high + fig.high
        cur.quantity = None  # the sum is no single quantity of the text
    return out


def total_of_parts(event: Event, assumed: Sequence[Casualty]) -> None:
    """Across the merged reports of one incident: a civilian count that is only the event type's default reading
    of undescribed victims (`assumed`, by identity) and equals the fighters and the women and children the
    incident counts ("Strike kills 18" over "killed 17 militants and a child") is their total, not a count of
    civilians: its people are unknown, the parts keep their kinds. A default toll merely larger than the fighters
    ("Bombing kills 30" over "two of the attackers died") stays: the fighters may be no part of it (a bench-checked
    choice: FA-KES tune lost two right answers to the wider rule). A count the text calls civilians always stays
    ("killed nine civilians and six soldiers ... three women were among the dead")."""
    for kind in {c.kind for c in event.casualties}:
        mine = [c for c in event.casualties if c.kind == kind]
        low = {c.group: c.low or 0.0 for c in mine}
        total = next((c for c in mine if c.group == "civilians" and any(c is a for a in assumed)), None)
        if total is None or total.low is None or not low.get("combatants"):
            continue
        others = low.get("children", 0.0) + low.get("women", 0.0)
        if not others or total.low != low["combatants"] + others:
            continue  # not the sum of the fighters and the women and children: a report of another toll
        if "unknown" in low:  # the total is told of no one group already: this is another report of it
            event.casualties = [c for c in event.casualties if c is not total]
        else:
            event.casualties = [c.model_copy(update={"group": "unknown"}) if c is total else c
                                for c in event.casualties]
