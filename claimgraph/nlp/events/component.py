"""Events component: ACLED-typed events with actors, targets, place, time, casualties, source and hedges.

Why rules from data files: every trigger, context rule, casualty cue and group word is knowledge a
user can read and extend (claimgraph/data/event_triggers.tsv and events_*.tsv), and the component runs
in well under a millisecond per sentence. Per sentence: triggers are matched; each is re-typed by its
context (who takes a town, how a protest is met, what is shot down); triggers of one merge group are
one incident (ACLED: one event per incident) whose subtype is the one with the most trigger weight.
Casualty figures attach to the event of their kind. Events are ordered by salience, main event first.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.contract import Event
from claimgraph.nlp.events.actors import give_claimants, places_not_actors
from claimgraph.nlp.events.arguments import (
    actor_tokens,
    attribution_of,
    claims_violence,
    dateline_span,
    entities_in,
    home_state,
    inside_name,
    place_of,
    reference_of,
    target_tokens,
    victims_default,
)
from claimgraph.nlp.events.casualties import Figure, figures, head_of_match
from claimgraph.nlp.events.contrast import not_set_aside
from claimgraph.nlp.events.evidence import (
    anchored,
    evidence_classes,
    evidence_matches,
    has_evidence,
    is_strong,
    not_happened,
    patient_instead,
    type_needs_anchor,
    wrong_patient,
)
from claimgraph.nlp.events.furniture import furniture_start
from claimgraph.nlp.events.incidents import Hint, clause_of, drop_recalled, merge_incidents
from claimgraph.nlp.events.lexicon import (
    Lexicon,
    Match,
    TokForms,
    best_matches,
    distinct_weight,
    lex_absorb,
    lexicon,
    token_forms,
)
from claimgraph.nlp.events.protests import (
    cue_in_background,
    describes_noun,
    drop_background,
    drop_protest_reasons,
    in_reason,
    main_figures,
    main_protest,
    own_act,
)
from claimgraph.nlp.events.setting import (
    SETTING_MIN_SENTENCES,
    court_case,
    crime_not_reported,
    head_date,
    in_name,
    is_history,
    person_tokens,
    political_setting,
    tried_not_reported,
)
from claimgraph.nlp.events.timing import act_words, time_of, undate_published
from claimgraph.nlp.events.tolls import casualties_of, describe_tolls
from claimgraph.nlp.events.totals import figure_in_total, in_running_total
from claimgraph.nlp.events.whereabouts import main_place as main_place_of
from claimgraph.nlp.shared.text import sentences_of, span_text
from claimgraph.nlp.state import DocState, get_state, report_failure

log = logging.getLogger("claimgraph.nlp.events")  # the component's public logger name

#: a toll above this is a war's, a prison's or a year's total, never one incident's (ACLED codes incidents; the
#: deadliest single incidents of recent wars, such as the Ghouta chemical attack, count hundreds to low thousands)
MAX_INCIDENT_TOLL = 5_000
#: salience bonus of a trigger at its sentence's root, and how much each level below the root costs
PROMINENCE, PROMINENCE_STEP = 1.5, 0.5
#: salience bonus per further sentence reporting an event of the same subtype (at most three)
TOPIC_BONUS = 0.5
#: a sentence needs this much trigger weight in one merge group before it reports an event
MIN_WEIGHT = 1.5
#: salience cost of an event named only as what another one is about ("summoned the ambassador to protest
#: against the air strikes": the summons is the news)
REASON_PENALTY = 3.0
#: the contract's extra type for claims and denials of responsibility
ATTRIBUTION = "Attribution of responsibility"
#: a protest kept from taking place by the authorities is a protest met with intervention (ACLED)
PEACEFUL, INTERVENTION, EXCESSIVE = (
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters")
RIOT = "Violent demonstration"
#: how many sentences back a sentence without an event of its own may continue an earlier event's report
CONTINUATION = 2
#: casualty kinds that count an incident's toll (ACLED fatalities); running totals are dropped for them
INCIDENT_KINDS = {"killed", "injured"}
KIND_PREFERENCE = {
    "killed": ("violence", "disaster", "protest", "crime"),
    "injured": ("violence", "disaster", "protest", "crime"),
    "displaced": ("displacement", "violence", "disaster"),
    "detained": ("arrests", "violence", "protest", "crime"),
    "missing": ("violence", "disaster"),
}


@dataclass
class _Candidate:
    subtype: str
    group: str
    weight: float
    sent_index: int
    trigger: Match
    toks: list[TokForms]
    sent: Span
    figures: list[Figure] = field(default_factory=list)
    evidence: list[tuple[int, int, str]] = field(default_factory=list)
    #: the event is what a claim or blame of the same sentence is about ("claimed the bombing that killed 20")
    claimed: bool = False
    #: the event is said in a clause describing a noun ("the groups it accused of a chlorine attack"): background
    background: bool = False

    @functools.cached_property
    def head(self) -> Token:  # found once: the trigger and its sentence never change, and it is asked often
        return head_of_match(self.toks, self.trigger)


def _prominence(tok: Token) -> float:
    """Main clause over subordinate ones: the closer a trigger is to its sentence's root, the more the
    sentence is about it ("Rebels captured the town after air strikes" is about the capture)."""
    depth = 0
    while tok.head.i != tok.i and depth < 6:
        tok = tok.head
        depth += 1
    return max(0.0, PROMINENCE - PROMINENCE_STEP * depth)


@Language.factory(
    "claimgraph_events",
    requires=[
        "doc._.cg_entities", "doc._.cg_places", "doc._.cg_times", "doc._.cg_quantities",
        "doc._.cg_claims", "doc._.cg_sources",
    ],
    assigns=["doc._.cg_events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()


class EventsComponent:
    """Finds events clause by clause; never raises on text (an error leaves the events section empty)."""

    def __init__(self) -> None:
        self.lex: Lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # a component never raises on text; the rest of the analysis stands
            report_failure(doc, "claimgraph_events", exc)
        return doc

    # -- pipeline -------------------------------------------------------------------------------
    def _run(self, doc: Doc, state: DocState) -> None:
        if not state.entity_mentions and state.items["entities"]:
            state.index_entity_mentions()
        quantity_at = self._quantity_index(doc, state)
        blocked = self._time_tokens(doc, state)
        candidates: list[_Candidate] = []
        cut = furniture_start(doc)
        persons = person_tokens(doc, state)
        political, sentences = False, 0
        for sent_index, sent in enumerate(sentences_of(doc)):
            if cut is not None and sent.start_char >= cut:
                break  # the page's lists of other stories: not this report
            toks = token_forms(sent if cut is None or sent.end_char <= cut else [t for t in sent if t.idx < cut])
            if not toks:
                continue
            figs = figures(sent, toks, self.lex, quantity_at, blocked)
            trigger_ids = {toks[i].token.i for m in self.lex.triggers.find(toks) for i in range(m.start, m.end)}
            # evidence is read only for the sentence's triggers (`_sentence_events` finds none without one)
            evidence = evidence_matches(toks, trigger_ids) if trigger_ids else []
            sentences += 1
            political = political or political_setting(toks)
            if any(f.kind in INCIDENT_KINDS for f in figs):
                evidence.append((-1, -1, "victim"))  # a toll: people were hit
            sent_candidates = self._sentence_events(sent_index, sent, toks, evidence, persons)
            figs = main_figures(figs, [c.head for c in sent_candidates], doc)
            cumulative = self.lex.cumulative.find(toks) if sent_candidates or figs else []  # it filters those only
            background = False
            if cumulative:
                kept = [c for c in sent_candidates if not in_running_total(c.head, cumulative, toks)]
                background = len(kept) < len(sent_candidates)
                sent_candidates = kept
            if figs:
                if cumulative:
                    # a war's running total is not the toll of an event (displacement is counted over time,
                    # unless the displacement itself is what the total sums up)
                    figs = [f for f in figs if (f.kind not in INCIDENT_KINDS and not background)
                            or not figure_in_total(f, cumulative, toks)]
            figs = [f for f in figs if f.kind not in INCIDENT_KINDS or f.low is None or f.low <= MAX_INCIDENT_TOLL]
            if figs:
                earlier = [c for c in candidates if 0 < sent_index - c.sent_index <= CONTINUATION]
                sent_candidates = self._attach_figures(sent_index, sent, toks, sent_candidates, figs, earlier)
            _mark_claimed(sent_candidates)
            candidates.extend(sent_candidates)
        if candidates and not political and sentences >= SETTING_MIN_SENTENCES:
            candidates = [c for c in candidates if not crime_not_reported(
                self.lex.types[c.subtype].type, c.subtype)]  # common crime in a report with no political setting
        if candidates and court_case(doc):
            candidates = [c for c in candidates if not tried_not_reported(
                self.lex.types[c.subtype].type, evidence_classes(c.toks, c.evidence))]
        if not candidates:
            return
        describe_tolls([c.figures for c in candidates])  # tolls of several kinds, a toll repeated with its people named
        for cand in candidates:
            if cand.subtype in (PEACEFUL, INTERVENTION) and any(f.kind == "killed" for f in cand.figures):
                cand.subtype = EXCESSIVE  # protesters killed: lethal force met the protest (ACLED)
        mentions: dict[str, int] = defaultdict(int)
        for cand in candidates:
            mentions[cand.subtype] += 1
        ranked = sorted(
            candidates,
            key=lambda c: (-self._salience(c, mentions[c.subtype]), c.sent.start, c.trigger.start),
        )
        main_place = self._main_place(state)  # where unplaced reports agree with others when merging
        text = doc.text  # spaCy rebuilds doc.text on every read: once per document, not per event
        hints: dict[str, Hint] = {}
        events = [self._event(doc, text, state, cand, quantity_at, hints) for cand in ranked]
        give_claimants([(e, c.head, c.claimed, [c.toks[i].token for i in range(c.trigger.start, c.trigger.end)]
                         if c.group == "attribution" else None) for e, c in zip(events, ranked, strict=True)])
        places = {p.id: p for p in state.items.get("places", [])}
        times = {t.id: t for t in state.items.get("times", [])}
        told = {e.id: c.sent_index for e, c in zip(events, ranked, strict=True)}  # the sentence each is told in
        said = {e.id: span_text(c.sent) for e, c in zip(events, ranked, strict=True)}  # a slice, no Token per word
        events = [e for e in events if not is_history(e, times, state.meta.published or head_date(state, text))]
        events = drop_recalled(events, told, times, hints, said)
        events = undate_published(merge_incidents(events, places, times, hints, main_place), times, hints, state)
        where = main_place_of(state, doc)  # an event no report of which names a place is where the report mostly is
        state._counters["events"] = 0  # ids in order of the events kept
        for event in events:
            event.id = state.new_id("events")
            if event.place is None:
                event.place = where
        for event in events:  # all or nothing: a failure above leaves no half-filled section
            state.add("events", event)

    def _sentence_events(
        self, sent_index: int, sent: Span, toks: list[TokForms],
        evidence: list[tuple[int, int, str]] | None = None, persons: set[int] | frozenset[int] = frozenset(),
    ) -> list[_Candidate]:
        found = not_set_aside(self.lex.triggers.find(toks), toks, sent)  # "X jets, not Y jets": Y's are no trigger
        matches = [m for m in best_matches(found) if not in_name(toks, m)]
        if not matches:
            return []
        matches = drop_protest_reasons(matches, toks, self.lex)
        context_hits = self._context_hits(toks)
        trigger_tokens = {toks[i].token.i for m in matches for i in range(m.start, m.end)}
        event_words = {toks[i].token.i for m in matches if m.payload[1] >= MIN_WEIGHT  # type: ignore[index]
                       for i in range(m.start, m.end)}
        anchor = main_protest(matches, toks, self.lex)
        by_group: dict[str, dict[str, list[tuple[Match, float]]]] = defaultdict(lambda: defaultdict(list))
        retyped = [(m, self._retype(m.payload[0], m, toks, context_hits, matches, anchor)) for m in matches]
        for m, subtype in drop_background(retyped, toks, self.lex, MIN_WEIGHT):  # what came before: no news
            by_group[self.lex.types[subtype].group][subtype].append((m, m.payload[1]))  # type: ignore[index]
        absorbed = _absorb(by_group, toks)
        out: list[_Candidate] = []
        for group, subtypes in by_group.items():
            scored = sorted(
                subtypes.items(),
                key=lambda kv: (-sum(w for _, w in kv[1]), -max(w for _, w in kv[1]), kv[1][0][0].start),
            )
            subtype, hits = scored[0]
            total = sum(w for _, w in hits)
            if distinct_weight(hits, toks) < MIN_WEIGHT:
                continue  # one weak word said twice ("kept the weapons ... the weapons stayed") is no event
            own = [mw for mw in hits if id(mw[0]) not in absorbed] or hits  # the winner's own words
            trigger = max(own, key=lambda mw: (mw[1], -mw[0].start))[0]
            cand = _Candidate(subtype, group, total, sent_index, trigger, toks, sent, evidence=evidence or [])
            if evidence is not None:
                placed = anchored(sent) or any(s < 0 for s, _, _ in evidence)
                if not any(has_evidence(subtype, w, evidence_classes(toks, evidence, (m.start, m.end), placed),
                                        toks[m.start].token) for m, w in own):
                    continue  # an ordinary sense of the word: no participants of the right kind
            weak = not is_strong(subtype, max(w for _, w in own))
            if (weak and self.lex.types[subtype].type == ATTRIBUTION and evidence is not None
                    and not claims_violence(cand, evidence)):
                continue  # "accused of collaboration": no violence is what is claimed or blamed
            ambiguous = weak and (type_needs_anchor(self.lex.types[subtype].type)
                                  or (subtype == "Diplomatic event" and cand.head.pos_ == "ADJ"))
            why = not_happened(cand.head, sent, trigger_tokens, modifier_check=ambiguous)
            if why == "blocked" and group == "protest":  # "police prevented them from holding a rally"
                why, cand.subtype = None, INTERVENTION
            if why and not (why == "denied" and self.lex.types[subtype].type == ATTRIBUTION) and not (
                    why == "general" and group == "protest"):  # "Protesters chant slogans": a scene, not a rule
                continue  # a plan, threat, condition, denial, question or general statement (denying is attributing)
            if wrong_patient(subtype, cand.head, persons):
                instead = patient_instead(subtype)
                if instead is None:
                    continue  # a person "captured" is no territory, bodies "taken away" no abduction
                cand.subtype, cand.group = instead, self.lex.types[instead].group  # people "intercepted": arrests
            cand.background = cand.group != "protest" and describes_noun(cand.head, event_words)
            out.append(cand)
        return out

    def _context_hits(self, toks: list[TokForms]) -> dict[int, list[Match]]:
        hits: dict[int, list[Match]] = defaultdict(list)
        for m in self.lex.context_index.find(toks):
            hits[int(m.payload)].append(m)  # type: ignore[call-overload]
        return hits

    def _retype(
        self, subtype: str, m: Match, toks: list[TokForms], hits: dict[int, list[Match]], matches: list[Match],
        anchor: Token | None = None,
    ) -> str:
        """First context rule (file order) whose cue occurs in its scope re-types the trigger. A cue that is
        only part of a longer trigger phrase of the same kind of event ("riot" in "riot police", for a
        protest) is not a cue: that phrase already says what it adds. For a protest, a cue inside what the
        sentence's main protest word is about is no cue either ("marched in memory of the protesters shot
        dead a year ago": the shooting is what they remember, not how this march went)."""
        group = self.lex.types[subtype].group
        head = head_of_match(toks, m).i
        for n, rule in enumerate(self.lex.context):
            if rule.source != subtype or n not in hits:
                continue
            for cue in hits[n]:
                if in_name(toks, cue) or _inside_name(toks, cue):
                    continue  # "the New People's Army": a word inside a name is no context ("people" taken)
                if m.start <= cue.start and cue.end <= m.end and any(
                        toks[i].token.i == head for i in range(cue.start, cue.end)):
                    continue  # the trigger's head word is not its own context ("chemical bombs dropped" is)
                if any(o is not m and o.start <= cue.start and cue.end <= o.end
                       and o.end - o.start > cue.end - cue.start
                       and self.lex.types[o.payload[0]].group == group for o in matches):  # type: ignore[index]
                    continue
                if rule.target == INTERVENTION and own_act(toks[cue.start].token, head_of_match(toks, m)):
                    continue  # "protesters blocked the highway": what they did, no intervention against them
                if group != "protest" and rule.scope == "sentence" and cue_in_background(toks[cue.start].token,
                                                                                            head_of_match(toks, m)):
                    continue  # "warplanes struck the groups it accused of a chlorine attack": not how they struck
                if self._in_scope(rule.scope, cue, m, toks, reasons=group == "protest",
                                  own_acts=rule.target == RIOT) and not (
                        group == "protest" and anchor is not None and rule.scope == "sentence"
                        and in_reason(toks[cue.start].token, anchor)):
                    return rule.target
        return subtype

    @staticmethod
    def _in_scope(scope: str, cue: Match, m: Match, toks: list[TokForms], reasons: bool = False,
                  own_acts: bool = False) -> bool:
        """Is the cue in the rule's scope? For a protest (`reasons`), what it is about is out of scope; how the
        protesters protested is out of scope too, unless the rule is about their own acts (`own_acts`:
        "burned tyres to protest" is a violent demonstration, "blocked the road to protest" no intervention)."""
        if scope == "sentence":
            head = head_of_match(toks, m)
            cue_tok = toks[cue.start].token
            if not own_acts and (
                head.dep_ in ("advcl", "xcomp")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
                and head.head.i in {toks[i].token.i for i in range(cue.start, cue.end)}
            ):
                return False  # "residents blocked the road to protest": how the protesters protested
            cue_ids = {toks[i].token.i for i in range(cue.start, cue.end)}
            if not own_acts and head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.i in cue_ids:
                return False  # "farmers blocked the highway in protest": the same
            if in_reason(head, cue_tok, own=False):
                return False  # "marched to mark the anniversary of the massacre": the massacre is what they mark
            return not (reasons and in_reason(cue_tok, head))
        if scope == "active":  # "protesters injured three officers", not "protesters were injured by officers"
            verb = toks[cue.start].token
            return not any(c.dep_ in ("auxpass", "agent") for c in verb.children) and EventsComponent._in_scope(
                "sentence", cue, m, toks, reasons, own_acts)
        if scope == "window":
            return cue.start - m.end <= 6 and m.start - cue.end <= 6
        if scope == "governs":  # the trigger completes the cue: "tried to seize", "an assault to capture"
            cue_tokens, tok = {toks[i].token.i for i in range(cue.start, cue.end)}, head_of_match(toks, m)
            for _ in range(3):
                if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "acl", "advcl", "pcomp", "prep", "pobj"):
                    return False
                tok = tok.head
                if tok.i in cue_tokens:
                    return True
            return False
        if scope == "target":  # near the trigger but not who acted: "soldiers shot dead two villagers" hit no soldiers
            if not (cue.start - m.end <= 6 and m.start - cue.end <= 6):
                return False
            cue_tokens = {toks[i].token.i for i in range(cue.start, cue.end)}
            return not any(t.i in cue_tokens for s in actor_tokens(head_of_match(toks, m)) for t in s.subtree)
        if scope == "subject":
            head = head_of_match(toks, m)
            subjects = actor_tokens(head)
            cue_tokens = {toks[i].token.i for i in range(cue.start, cue.end)}
            return any(t.i in cue_tokens for s in subjects for t in s.subtree)
        return False

    def _attach_figures(
        self, sent_index: int, sent: Span, toks: list[TokForms], cands: list[_Candidate], figs: list[Figure],
        earlier: list[_Candidate] | None = None,
    ) -> list[_Candidate]:
        """Each figure goes to the sentence's event of its kind. A sentence that reports no event of its own
        ("At least 12 soldiers were killed.") continues the report of the sentences just before it, so its
        figures go to their latest event of that kind; only failing that is a new event made of them."""
        own = bool(cands)
        for fig in figs:
            target = None
            for group in KIND_PREFERENCE.get(fig.kind, ()):
                target = next((c for c in cands if c.group == group), None)
                if target is None and not own and earlier:
                    target = next((c for c in reversed(earlier) if c.group == group), None)
                if target is not None:
                    break
            if target is None and fig.kind in ("killed", "injured") and self._violent_setting(toks, sent, fig):
                subtype = "Armed clash" if fig.group == "combatants" else "Attack"
                cue = next((i for i, t in enumerate(toks) if t.token.i == fig.cue_token), 0)
                target = _Candidate(subtype, "violence", 1.0, sent_index, Match(cue, cue + 1, None, 1), toks, sent)
                cands.append(target)
            if target is None and cands:
                target = cands[0]
            if target is not None:
                target.figures.append(fig)
        return cands

    @staticmethod
    def _violent_setting(toks: list[TokForms], sent: Span, fig: Figure) -> bool:
        """A toll with no trigger of its own is an event only among armed actors, weapons or a conflict
        ("17 soldiers were killed", not "the actor died at 50"), and only if it happened."""
        if not evidence_classes(toks) & {"armed", "weapon", "conflict"} and fig.group not in (
            "civilians", "children", "women", "combatants"):
            return False
        return not_happened(sent.doc[fig.cue_token], sent) is None

    def _salience(self, c: _Candidate, mentions: int) -> float:
        """Main event first: stronger triggers, violence over talk, early sentences, main clauses,
        counted victims, and the kind of event the report keeps coming back to."""
        info = self.lex.types[c.subtype]
        position = 2.0 / (1 + c.sent_index)
        toll = 0.5 if any(f.kind == "killed" for f in c.figures) else 0.0
        topic = TOPIC_BONUS * min(mentions - 1, 3)
        about = REASON_PENALTY if (in_reason(c.head, c.sent.root) or c.claimed
                                   or c.background) else 0.0
        return min(c.weight, 6.0) * info.prior + position + toll + _prominence(c.head) + topic - about

    # -- fields -------------------------------------------------------------------------------
    def _event(
        self, doc: Doc, text: str, state: DocState, c: _Candidate,
        quantity_at: dict[int, tuple[str, float | None, float | None]], hints: dict[str, Hint],
    ) -> Event:
        info = self.lex.types[c.subtype]
        first, last = c.toks[c.trigger.start].token, c.toks[c.trigger.end - 1].token
        start, end = first.idx, last.idx + len(last.text)
        head = c.head
        dateline = dateline_span(state)
        # the trigger's own words name no actor ("Chemical attack kills 20": no "Chemical" did it), but
        # what qualifies them may ("Russia's jets struck")
        actor_toks = []
        for t in actor_tokens(head):
            if not first.i <= t.i <= last.i:
                actor_toks.append(t)
            else:
                actor_toks.extend(q for q in t.children if q.dep_ in ("poss", "compound", "amod", "nmod")
                                  and not first.i <= q.i <= last.i)
        actor_toks = places_not_actors(state, actor_toks)  # "the Azaz car bomb": where, not who
        actors = entities_in(state, actor_toks, dateline, home_state(state, dateline))
        target_toks = target_tokens(head)
        targets = [e for e in entities_in(state, target_toks, dateline) if e not in actors]
        exclude = [(t.idx, t.idx + len(t.text)) for t in actor_toks + target_toks]
        # where the actors come from is not where the event happened ("Fighters of the X brigade")
        exclude += [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in actor_toks]
        quantities: list[str] = []
        for tok in (doc[i] for i in range(c.sent.start, c.sent.end) if i in quantity_at):  # a Token for a figure only
            if (tok.head.i == head.i or tok.head.head.i == head.i) and tok.i != head.i:
                qid = quantity_at[tok.i][0]
                if qid not in quantities:
                    quantities.append(qid)
        people = victims_default(c, self.lex, info.people)
        casualties, assumed = casualties_of(c.figures, people)
        for fig in c.figures:
            if fig.quantity and fig.quantity not in quantities:
                quantities.append(fig.quantity)
        source, hedges = attribution_of(state, start, end)
        place, weak_place = place_of(state, c, head, exclude)
        matches = best_matches(found := self.lex.triggers.find(c.toks))
        heads = [head_of_match(c.toks, m) for m in matches
                 if self.lex.types[m.payload[0]].group == c.group]  # type: ignore[index]
        definite, distinct = reference_of(head, heads)
        time, reported = time_of(state, c, start, act_words(c.toks, found, matches))
        event = Event(
            id=state.new_id("events"), type=info.type, subtype=info.subtype, text=text[start:end],
            span=(start, end), actors=actors, targets=targets,
            place=place, time=time,
            quantities=quantities, casualties=casualties, source=source, hedges=hedges,
        )
        hints[event.id] = Hint(weak_place, definite, distinct, reported, tuple(assumed), c.sent_index, clause_of(head))
        return event

    @staticmethod
    def _quantity_index(doc: Doc, state: DocState) -> dict[int, tuple[str, float | None, float | None]]:
        index: dict[int, tuple[str, float | None, float | None]] = {}
        for q in state.items.get("quantities", []):
            try:
                s, e = q.span
                span = doc.char_span(s, e, alignment_mode="expand")
            except (AttributeError, TypeError, ValueError):
                continue
            if span is None:
                continue
            low = q.low if q.low is not None else q.value
            high = q.high if q.high is not None else q.value
            if getattr(q, "modality", "asserted") in ("negated", "hypothetical"):
                continue
            for tok in span:
                if tok.like_num or tok.pos_ == "NUM":
                    index.setdefault(tok.i, (q.id, low, high))
        return index

    @staticmethod
    def _time_tokens(doc: Doc, state: DocState) -> set[int]:
        blocked: set[int] = set()
        for t in state.items.get("times", []):
            try:
                span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            except (AttributeError, TypeError, ValueError):
                continue
            if span is not None:
                blocked.update(tok.i for tok in span)
        return blocked

    @staticmethod
    def _main_place(state: DocState) -> str | None:
        places = state.items.get("places", [])
        if not places:
            return None
        places = [p for p in places if not all(inside_name(state, s, e) for s, e in p.mentions)]
        if not places:
            return None
        best = max(
            places,
            key=lambda p: (len(p.mentions), -(min((s for s, _ in p.mentions), default=10**9))),
        )
        return best.id


def _mark_claimed(cands: list[_Candidate]) -> None:
    """An event inside the phrase of a claim or blame of its sentence ("IS claimed responsibility for the
    bombing that killed 20", "blamed the rebels for the shelling") is what the claim is about: the claim is
    the sentence's news (CASE 2021's attribution; the bombing stays listed, with its toll)."""
    claims = [c.head for c in cands if c.group == "attribution"]
    for cand in cands:
        if cand.group != "attribution" and any(h.is_ancestor(cand.head) for h in claims):
            cand.claimed = True


def _absorb(by_group: dict[str, dict[str, list[tuple[Match, float]]]], toks: list[TokForms]) -> set[int]:
    """Subtypes one sentence reports as one incident (events_absorb.tsv): the loser's trigger weight joins
    the winner's ("rebels seized the town after heavy fighting" is the seizure) when the winner's own words make
    an event ("jets struck ..., killing 8" is no weak labour strike met with lethal force). Returns the ids of the
    matches moved (the event's text stays one of the winner's own words)."""
    moved: set[int] = set()
    present = {sub: group for group, subs in by_group.items() for sub in subs}
    for loser, winner, min_weight in lex_absorb():
        if loser in present and winner in present and loser != winner and max(
            w for _, w in by_group[present[winner]][winner]
        ) >= min_weight and distinct_weight(by_group[present[winner]][winner], toks) >= MIN_WEIGHT:
            hits = by_group[present[loser]].pop(loser)
            moved.update(id(m) for m, _ in hits)
            by_group[present[winner]][winner].extend(hits)
            if not by_group[present[loser]]:
                del by_group[present[loser]]
            present.pop(loser)
    return moved


def _inside_name(toks: list[TokForms], cue: Match) -> bool:
    """Is the cue a word inside an organisation's name but not its head ("People" in "New People's Army"; the
    "Army" of it, or of "the Syrian Army", says what the organisation is)?"""
    last = toks[cue.end - 1].token
    if last.ent_type_ != "ORG":
        return False
    ent = next((e for e in last.doc.ents if e.start <= last.i < e.end), None)
    return ent is not None and last.i != ent.end - 1 and ent[-1].pos_ == "PROPN"
