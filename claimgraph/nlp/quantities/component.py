"""Quantities component: every figure with its bounds, counted subject, source, hedges and modality.

Why rules over a library: quantulum3 and spaCy's CARDINAL give a value (at best a unit) but no subject,
no source and no bounds, and fail on ranges and vague counts. Figures are found here with patterns built
from data files (number_words.tsv, vague_numbers.tsv, numbers_modifiers.tsv, numbers_units.tsv,
numbers_lexicon.tsv); the parse supplies the counted noun phrase, the clause (for hedges and modality);
the attribution component's claims supply the source. Numbers inside the times the times component found
are never read as quantities (a year is not a count; "24 hours" is a duration, kept in `times`).

Each quantity's span covers the figure as claimed: its bound words, the number and its unit or currency
("more than 500", "between 250 and 500", "$4 million", "30km"), not the subject. For the checks
component it leaves `state.extra["quantity_info"]`: {quantity id: {"subject_head", "people", "event",
"place", "sentence", "args", "subset"}} (lemma of the subject's head noun, whether it counts people, lemma
of the verb whose clause the figure counts, a place phrase attached to that verb, the sentence start
offset, the verb's other arguments {"agent"/"patient": lemma}, and whether the figure counts part of
another one: "including two women").
"""

from __future__ import annotations

import bisect
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.contract import Quantity
from claimgraph.nlp.quantities.figures import (
    _HEDGE_RE,
    HEDGE_SCAN,
    HYPOTHETICAL,
    PARTITIVE_DETS,
    PERSON_NOUNS,
    SCALE_WORDS,
    VAGUE,
    Figure,
    find_figures,
)
from claimgraph.nlp.state import get_state, report_failure

# ---------------------------------------------------------------- parse-based attributes

def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _head_number_token(span: Span) -> Token:
    """The token that carries the figure in the parse (the last numeric-ish token)."""
    for tok in reversed(span):
        if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in VAGUE or tok.lower_.rstrip("s") in SCALE_WORDS:
            return tok
    return span[-1]


class _Chunks:
    """What every figure looks up, read once per document: a figure costs look-ups, not scans of the document.

    Noun chunks by token; sentences by token (spaCy's `token.sent` walks the sentence each time); hedge
    phrases by character offset (one pass of the hedge pattern over the text).
    """

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = text
        self._at: dict[int, Span] | None = None
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        self._hedges: list[tuple[int, int, str]] | None = None
        self._hedge_starts: list[int] = []

    def at(self, i: int) -> Span | None:
        if self._at is None:
            self._at = {t: chunk for chunk in self.doc.noun_chunks for t in range(chunk.start, chunk.end)}
        return self._at.get(i)

    def sent(self, tok: Token) -> Span:
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents[bisect.bisect_right(self._sent_starts, tok.i) - 1]

    def hedges(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Hedge matches starting and ending within [start, end)."""
        if self._hedges is None:
            text = self.text if self.text is not None else self.doc.text
            self._hedges = [(m.start(), m.end(), m.group()) for m in HEDGE_SCAN.find(text)[0]] if HEDGE_SCAN else []
            self._hedge_starts = [h[0] for h in self._hedges]
        lo = bisect.bisect_left(self._hedge_starts, start)
        hi = bisect.bisect_left(self._hedge_starts, end)
        return [h for h in self._hedges[lo:hi] if h[1] <= end]


def _word_of_a_name(fig: Figure, num_tok: Token) -> bool:
    """A bare number that the parse hangs off a capitalised word before it, or that follows a name modifying the
    same noun, is part of that name: "Maroon 5", "Half-Life 2", "BBC News 24", "Channel 4 viewers" (a count comes
    before what it counts, and before the names that qualify it)."""
    if num_tok.dep_ != "nummod" or fig.unit is not None or fig.approx != "exact" or not num_tok.text[:1].isdigit():
        return False
    head = num_tok.head
    if head.i < num_tok.i and head.text[:1].isupper():
        return True
    # "Channel 4 viewers", "Fortune 500 companies": the name before the number modifies the same noun
    prev = num_tok.doc[num_tok.i - 1] if num_tok.i > 0 else None
    return (prev is not None and prev.pos_ == "PROPN" and prev.dep_ in ("compound", "nmod") and prev.head == head
            and head.i > num_tok.i and num_tok.text.isdigit())  # "HuffPollster 4.3 points" is a figure of a source


def _subject(doc: Doc, fig: Figure, chunks: _Chunks | None = None) -> tuple[int, int] | None:
    """The counted noun phrase after the figure: "500 air strikes", "hundreds of Turks"."""
    if fig.unit and fig.unit != "%":
        return None  # money and measures count no noun phrase
    tok = _next_token(doc, fig.end)
    if tok is None:
        return None
    if tok.lower_ == "of":
        nxt = _next_token(doc, tok.idx + len(tok.text))
        if nxt is None:
            return None
        while nxt is not None and nxt.lower_ in PARTITIVE_DETS:
            nxt = _next_token(doc, nxt.idx + len(nxt.text))
        if nxt is None:
            return None
        if nxt.pos_ == "PRON":
            return None
        chunk = (chunks or _Chunks(doc)).at(nxt.i)
        if chunk is not None:
            if chunk.root.i >= nxt.i:
                if any(t.like_num or t.lower_ in ("more", "less", "fewer", "over", "about", "some")
                       for t in doc[nxt.i:chunk.root.i]):
                    return None  # "3 of more than 40 villages": the second figure's subject, set later
                return nxt.idx, chunk.root.idx + len(chunk.root.text)
        return _noun_run(doc, nxt)
    if fig.unit == "%" and not fig.extra.get("ratio"):
        return None  # "40 percent voted"; a ratio counts the noun after it ("eight of 10 voters")
    return _noun_run(doc, tok)


def _next_token(doc: Doc, char: int) -> Token | None:
    for tok in doc[_token_index_at(doc, char):]:
        if tok.idx >= char and not tok.is_space:
            return tok
    return None


def _token_index_at(doc: Doc, char: int) -> int:
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _noun_run(doc: Doc, first: Token) -> tuple[int, int] | None:
    """Adjectives and nouns from `first` up to the head noun of their phrase."""
    toks: list[Token] = []
    i = first.i
    while i < len(doc) and len(toks) < 8:
        tok = doc[i]
        is_hyphen = tok.text in ("-", "‑") and toks and i + 1 < len(doc) and not doc[i + 1].is_space
        if not (tok.pos_ in ("ADJ", "NOUN", "PROPN") or is_hyphen or (tok.pos_ == "VERB" and tok.dep_ == "amod")
                or (tok.tag_ == "VBN" and toks and doc[i - 1].text == "-")):
            break
        if tok.lower_ in ("of", "than") or tok.like_num:
            break
        toks.append(tok)
        hyphen_next = not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in ("-", "‑")
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "nmod") and not is_hyphen \
                and not hyphen_next:
            break
        i += 1
    while toks and toks[-1].pos_ not in ("NOUN", "PROPN"):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _subject_verb(doc: Doc, subj: tuple[int, int] | None, num_tok: Token) -> Token | None:
    """The event verb a count belongs to: a relative clause on its subject ("people who joined"), else its verb."""
    head: Token | None = None
    if subj is not None:
        span = _tokens(doc, *subj)
        if span is not None:
            head = span.root
            for child in head.children:
                if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
                    return child
    return _governing_verb(head if head is not None else num_tok)


def _event_args(verb: Token | None, counted: Token) -> dict[str, str]:
    """Who did it and to what, by head lemma, minus the counted noun itself and pronouns:
    {"agent": ..., "patient": ...}. Two figures belong to one event only when these agree."""
    if verb is None:
        return {}
    args: dict[str, str] = {}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        target = child
        role = None
        if child.dep_ == "nsubj":
            role = "agent"
        elif child.dep_ == "nsubjpass" or (child.dep_ in ("dobj", "attr") and not passive):
            role = "patient"
        elif child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            target, role = (objs[0], "agent") if objs else (child, None)
        if role is None or target.i == counted.i or target.pos_ == "PRON" or target.like_num:
            continue
        if _in_subtree(counted, target):
            continue
        args[role] = target.lemma_.lower()
    return args


def _in_subtree(tok: Token, top: Token) -> bool:
    """`tok` is `top` or below it: its edges, then its heads (never a walk of the whole subtree)."""
    if not top.left_edge.i <= tok.i <= top.right_edge.i:
        return False
    return tok.i == top.i or top.is_ancestor(tok)


def _in_subset(num_tok: Token) -> bool:
    """A figure introduced by "including"/"among" counts part of another figure, never a rival to it."""
    for tok in [num_tok, *islice(num_tok.ancestors, 3)]:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among"):
            return True
        if tok.lower_ in ("including", "among"):
            return True
    return False


def _place_of(verb: Token | None) -> str | None:
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "inside"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and not objs[0].like_num and objs[0].ent_type_ not in ("DATE", "TIME"):
                return " ".join(t.lemma_.lower() for t in objs[0].subtree if not t.is_punct)
    return None


def _modality(fig: Figure, num_tok: Token, verb: Token | None, sent: Span) -> str:
    if fig.negated:
        return "negated"
    if verb is not None:
        chain = [verb] + [a for a in islice(verb.ancestors, 2) if a.pos_ in ("VERB", "AUX")]
        counted = num_tok.head if num_tok.dep_ == "nummod" else num_tok
        if counted.head == verb and counted.dep_ in ("dobj", "attr", "oprd") \
                and any(c.dep_ == "neg" for c in verb.children):
            return "negated"  # "did not kill 50 people"; a negated predicate of a counted subject is not
        for v in chain:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL for c in v.children) \
                    or v.lower_ in HYPOTHETICAL:
                return "hypothetical"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children):
                return "hypothetical"
        if verb.lemma_.lower() == "estimate":
            return "estimated"
    return fig.modality


#: hedges are looked for this many tokens either side of a figure within its sentence: a clause is shorter, and
#: a "sentence" of 100,000 characters (a list, a table, hostile input) must not be read again for each figure
HEDGE_WINDOW = 120


def _hedges(doc: Doc, sent: Span, num_tok: Token, index: _Chunks) -> list[str]:
    """Hedge phrases of the figure's clause: a hedge applies when the figure lies in its scope."""
    if _HEDGE_RE is None:
        return []
    found: list[str] = []
    first = doc[max(sent.start, num_tok.i - HEDGE_WINDOW)]
    last = doc[min(sent.end, num_tok.i + HEDGE_WINDOW + 1) - 1]
    for start, end, phrase in index.hedges(first.idx, last.idx + len(last.text)):
        span = _tokens(doc, start, end)
        if span is None:
            continue
        anchor = span.root
        scope = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
        if _in_subtree(num_tok, scope):
            if phrase not in found:
                found.append(phrase)
    return found


@Language.factory(
    "claimgraph_quantities",
    requires=["doc._.cg_times", "doc._.cg_claims", "doc._.cg_sources", "doc._.cg_entities"],
    assigns=["doc._.cg_quantities"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()


class QuantitiesComponent:
    """Finds figures and ties each to its subject, claim source, hedges and modality; never raises on text."""

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text
            report_failure(doc, "claimgraph_quantities", exc)
        return doc

    def _run(self, doc: Doc, state) -> None:
        text = doc.text
        time_spans = state.extra.get("time_spans")
        if time_spans is None:  # times component absent: use the times in state, all as points
            time_spans = [(t.span[0], t.span[1], "point") for t in state.items.get("times", [])]
        figures = find_figures(text, time_spans)
        chunks = _Chunks(doc, text)
        info: dict[str, dict] = state.extra.setdefault("quantity_info", {})
        made: list[tuple[Figure, Quantity]] = []
        has_sents = doc.has_annotation("SENT_START")
        for fig in figures:
            state.check_time()
            try:
                item = self._quantity(doc, text, has_sents, state, fig, info, chunks)
            except Exception as exc:  # noqa: BLE001 - one odd figure must not cost the document its other figures
                report_failure(doc, f"claimgraph_quantities on [{fig.start}, {fig.end})", exc)
                continue
            if item is not None:
                made.append((fig, item))
        self._partitives(text, made)
        for _, q in made:
            state.add("quantities", q)

    @staticmethod
    def _quantity(doc: Doc, text: str, has_sents: bool, state, fig: Figure, info: dict[str, dict],
                  chunks: _Chunks | None = None) -> Quantity | None:
        """The contract item for one figure (None when the parse shows it is no count)."""
        span = _tokens(doc, fig.start, fig.end)
        if span is None or len(span) == 0:
            return None
        num_tok = _head_number_token(span)
        if fig.start == span.start_char and span.text.lower() == "one" and num_tok.dep_ != "nummod":
            return None  # "one" as a pronoun ("the best one", "one among millions")
        if _word_of_a_name(fig, num_tok):
            return None
        chunks = chunks or _Chunks(doc, text)
        sent = chunks.sent(num_tok) if has_sents else doc[:]
        subj = _subject(doc, fig, chunks)
        subj_span = _tokens(doc, *subj) if subj else None
        verb = _subject_verb(doc, subj, num_tok)
        claim = state.claim_at(fig.start, fig.end)
        hedges = list(claim.hedges) if claim is not None else []
        for h in _hedges(doc, sent, num_tok, chunks):
            if h.lower() not in {x.lower() for x in hedges}:
                hedges.append(h)
        source = claim.sources[-1] if claim is not None and claim.sources else None
        subj_head, people = None, False
        if subj is not None and subj_span is not None:
            subj_head = subj_span.root.lemma_.lower()
            ent_id = state.entity_at(*subj) if state.entity_mentions else None
            ent = state.get(ent_id) if ent_id else None
            people = (subj_span.root.lower_ in PERSON_NOUNS or subj_head in PERSON_NOUNS
                      or subj_span.root.ent_type_ == "NORP" or (ent is not None and ent.type in ("NORP", "GROUP")))
        facts = {
            "subject_head": subj_head, "people": people,
            "event": verb.lemma_.lower() if verb is not None else None,
            "place": _place_of(verb), "sentence": sent.start_char,
            "args": _event_args(verb, subj_span.root if subj_span is not None else num_tok),
            "subset": _in_subset(num_tok),
        }
        if fig.negated and verb is not None and any(c.tag_ == "MD" for c in verb.children):
            return None  # "no one can be held as a slave", "nobody will use it": a rule or a guess, not a count
        modality = _modality(fig, num_tok, verb, sent)
        q = Quantity(
            id=state.new_id("quantities"), text=text[fig.start:fig.end], span=(fig.start, fig.end),
            value=fig.value, low=fig.low, high=fig.high, approx=fig.approx,
            subject=text[subj[0]:subj[1]] if subj else None, subject_span=subj, unit=fig.unit, source=source,
            hedges=hedges, modality=modality,
        )
        info[q.id] = facts
        return q

    @staticmethod
    def _partitives(text: str, made: list[tuple[Figure, Quantity]]) -> None:
        """ "3 of more than 40 villages": the first figure counts the subject of the second."""
        for (_, q1), (_, q2) in zip(made, made[1:], strict=False):
            if q1.subject is None and q2.subject is not None:
                gap = text[q1.span[1]:q2.span[0]].strip().lower().split()
                if gap and gap[0] == "of" and all(w in PARTITIVE_DETS for w in gap[1:]):
                    q1.subject, q1.subject_span = q2.subject, q2.subject_span
