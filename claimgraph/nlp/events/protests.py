"""The protest family's reading of a sentence: what a protest is about, or what another event anticipates,
is not how it went.

Why a module of its own: the component decides which words are events and re-types them by context; these
helpers answer one question for protests and for the salience of any event, "is this word inside what an
event is about?" ("rallied to denounce the arrest of a journalist", "arrested activists in anticipation of
mass protests", "marched in memory of the protesters shot dead a year ago").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.nlp.events.casualties import Figure, head_of_match
from claimgraph.nlp.events.lexicon import Lexicon, Match, TokForms, lex_reasons


def depth(tok: Token) -> int:
    """How many steps the token is below its sentence's root."""
    steps = 0
    while tok.head.i != tok.i and steps < 20:
        tok, steps = tok.head, steps + 1
    return steps


def main_protest(matches: list[Match], toks: list[TokForms], lex: Lexicon) -> Token | None:
    """The head of the sentence's protest word closest to its root: what the sentence says the protest did."""
    heads = [head_of_match(toks, m) for m in matches
             if lex.types[m.payload[0]].group == "protest"]  # type: ignore[index]
    return min(heads, key=lambda t: (depth(t), t.i)) if heads else None


def drop_protest_reasons(matches: list[Match], toks: list[TokForms], lex: Lexicon) -> list[Match]:
    """A protest named only as what another event is about or anticipates is not an event of the sentence
    ("arrested activists in anticipation of mass protests", "in response to the protests"): the other event
    is what happened."""
    def group(m: Match) -> str:
        return lex.types[m.payload[0]].group  # type: ignore[index]

    heads = {id(m): head_of_match(toks, m) for m in matches}
    others = [heads[id(o)] for o in matches if group(o) != "protest"]
    if not others:
        return matches
    reasons = lex_reasons()
    keep = []
    for m in matches:
        word = reason_word(heads[id(m)], reasons) if group(m) == "protest" else None
        # the reason phrase hangs on the other event's word or on the verb that word completes ("continue to
        # arrest activists ... in anticipation of protests")
        if word is None or not any(o.is_ancestor(word) or (o.dep_ in ("xcomp", "ccomp") and o.head.is_ancestor(word))
                                   for o in others if o.i != heads[id(m)].i):
            keep.append(m)
    return keep


def reason_word(tok: Token, reasons: frozenset[str] | set[str]) -> Token | None:
    """The reason word ("anticipation", "against") the token hangs under, at most eight steps up."""
    steps = 0
    while tok.head.i != tok.i and steps < 8:
        tok, steps = tok.head, steps + 1
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in reasons:
            return None  # a clause of its own: what it is about is no longer the protest's place
        if tok.lower_ in reasons or tok.lemma_.lower() in reasons:
            return tok
    return None


def in_reason(cue: Token, trigger: Token, own: bool = True) -> bool:
    """Is the cue inside what the event is about ("rallied to denounce the arrest of a journalist",
    "protested against the killing")? Then it does not say how the event went. `own=False`: only words of
    a clause of its own count, no preposition ("violence against demonstrators", "tear gas against protesters"
    say whom it hit; "to mark the anniversary of the massacre" is what a march is about)."""
    reasons = lex_reasons()
    if own and cue.i != trigger.i and background_word(cue, reasons):
        return True  # "marched, a day after police shot dead three demonstrators": the shooting came before
    tok, steps = cue, 0
    while tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
        if tok.i == trigger.i:
            return False
        if (tok.lower_ in reasons or tok.lemma_.lower() in reasons) and (own or tok.pos_ != "ADP"):
            return True
        if own and background_word(tok, reasons):
            return True
    return False


def background_word(tok: Token, reasons: frozenset[str] | set[str]) -> bool:
    """Does the token open what came before an event ("undeterred by the killing", "a day after police shot",
    "two weeks after the bombing", "the strike came after shelling killed 30")? "~" words only when a time measures
    them or a verb of order ("+" words: "came after") says so (events_reasons.tsv)."""
    lower = tok.lower_
    if "^" + lower in reasons:
        return True
    if ((tok.dep_ == "prep" and "~" + lower in reasons)  # "the strike came after shelling killed 30 people"
            or (tok.dep_ == "advcl" and any(w.dep_ == "mark" and "~" + w.lower_ in reasons for w in tok.children))) \
            and "+" + tok.head.lemma_.lower() in reasons:
        return True
    # the measure and the "after" open the clause: its first few words, not all of a long clause's children.
    # Those words are the token's left children (`Token.lefts` scans its subtree's left part in C, making a Token
    # for a child only) within six of its left edge; most tokens have no measure among them, asked first
    limit = tok.left_edge.i + 6
    opening = [w for w in tok.lefts if w.i < limit]
    return any(w.dep_ == "npadvmod" for w in opening) and (
        "~" + lower in reasons or any(w.dep_ == "mark" and "~" + w.lower_ in reasons for w in opening))


def in_background(tok: Token, reasons: frozenset[str] | set[str]) -> bool:
    """Is the token (a trigger's head) inside what came before the sentence's news, at most eight steps up?"""
    for _ in range(8):
        if background_word(tok, reasons):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: clauses that describe a noun (spaCy's relative and adnominal clauses)
NOUN_CLAUSES = ("relcl", "acl")
NOMINALS = ("NOUN", "PROPN", "PRON")


def noun_clause(tok: Token, events: set[int] | frozenset[int] = frozenset()) -> Token | None:
    """The verb of the clause describing a noun that the token (a trigger's head or a cue) is inside, if any ("the
    groups it accused of a chlorine attack", "men who had kidnapped a businessman", "villagers executed by the
    militia"). Such a clause says what the noun is known for, not what the sentence reports. Not: a clause of
    purpose ("an assault to capture the town": what an act was for), a present participle ("a teenager wearing a
    suicide vest": how a participant was at the time), a clause on a headline's only noun ("An explosive device
    detonated under a car"), a clause on an event word itself (`events`, token indices of the sentence's triggers
    strong enough for an event on their own: "fires fanned by strong winds" say how the fires went)."""
    for _ in range(8):
        if (tok.dep_ in NOUN_CLAUSES and tok.head.pos_ in NOMINALS and tok.pos_ in ("VERB", "AUX")
                and tok.head.dep_ != "ROOT" and tok.head.i not in events and (tok.dep_ == "relcl" or tok.tag_ == "VBN")
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def describes_noun(tok: Token, events: set[int] | frozenset[int] = frozenset()) -> bool:
    """Is the token inside a clause that describes a noun (`noun_clause`): background to the sentence's news?"""
    return noun_clause(tok, events) is not None


def cue_in_background(cue: Token, head: Token) -> bool:
    """Is the cue inside a clause describing a noun that the trigger is not inside ("struck the groups it accused
    of a chlorine attack": the chlorine is what the groups are accused of, not how the jets struck)?"""
    clause = noun_clause(cue)
    # a relative clause only: a participle tells how the noun was at the time ("arrested a man found with cocaine")
    return clause is not None and clause.dep_ == "relcl" and not clause.is_ancestor(head) and clause.i != head.i


def drop_background(
    retyped: list[tuple[Match, str]], toks: list[TokForms], lex: Lexicon, min_weight: float,
) -> list[tuple[Match, str]]:
    """A trigger said only in what came before ("marched, a day after police shot three demonstrators") is no
    word of the sentence's own event of its kind (by its subtype once re-typed by context), when the main
    clause's words of that kind make an event by themselves (`min_weight`): it would add its weight and its
    context to the main clause's event. An event of another kind said there stays (listed after the news). A
    clause describing a noun is such background too, except for protests (the protesters "who had gathered" are
    whom an intervention met)."""
    reasons = lex_reasons()
    events = {toks[i].token.i for m, _ in retyped if m.payload[1] >= min_weight  # type: ignore[index]
              for i in range(m.start, m.end)}
    back = {id(m) for m, sub in retyped if in_background(head_of_match(toks, m), reasons)
            or (lex.types[sub].group != "protest" and describes_noun(head_of_match(toks, m), events))}
    weight: dict[str, float] = {}
    for m, sub in retyped:
        if id(m) not in back:
            weight[lex.types[sub].group] = weight.get(lex.types[sub].group, 0.0) + m.payload[1]  # type: ignore[index]
    main = {g for g, w in weight.items() if w >= min_weight}
    return [(m, sub) for m, sub in retyped if id(m) not in back or lex.types[sub].group not in main]


def main_figures(figs: list[Figure], heads: list[Token], doc: Doc) -> list[Figure]:
    """A toll said in what came before ("a day after police shot dead three demonstrators") is no toll of the
    sentence's news, unless the sentence's event is itself said there."""
    reasons = lex_reasons()
    if not heads or any(in_background(h, reasons) for h in heads):
        return figs
    return [f for f in figs if not in_background(doc[f.cue_token], reasons)]


def own_act(cue: Token, trigger: Token) -> bool:
    """Is the cue verb something the protesters did themselves: its subject holds the protest word ("hundreds
    of protesters blocked the highway"), or it shares the protest verb's subject ("marched to the capital and
    blocked the roads")? Then it is no intervention against them."""
    if cue.pos_ not in ("VERB", "AUX"):
        return False
    if cue.dep_ == "conj" and cue.head.i == trigger.i:
        return True
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    return any(s.is_ancestor(trigger) or s.i == trigger.i for s in subjects)
