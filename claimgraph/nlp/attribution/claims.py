"""Output: the contract quotes, and one claim per asserted clause with its chain and hedges.
"""

from __future__ import annotations

import bisect

from claimgraph.contract import Claim, Flag, Quote, Source
from claimgraph.nlp.attribution.context import DATELINE_RE, FINITE_TAGS, STANCE_MEANINGS, Context
from claimgraph.nlp.shared.scan import MultiScanner


def emit_quotes(cx: Context) -> list[Quote]:
    """The attributions as contract quotes, in text order, and the quote -> source index for later components.

    'BEIRUT (Reuters) - Rebels said ...': the dateline is where the story was filed, not what was said.
    """
    quotes: list[Quote] = []
    by_quote: dict[str, str] = {}
    cx.quote_meaning: dict[str, str | None] = {}
    para_starts = {p[0] for p in cx.paras}
    for a in sorted(cx.attrs, key=lambda a: a.start):
        s, e = a.start, a.end
        if a.kind == "indirect" and s in para_starts:
            m = DATELINE_RE.match(cx.text, s, e)
            if m:  # "BEIRUT (Reuters) - ..." is where the story was filed, not what was said
                s = m.end()
        if e <= s or a.kind == "channel":
            continue
        cue = cx.text[a.cue[0]:a.cue[1]] if a.cue else None
        src = a.source
        via = a.via.id if a.via is not None else (src.via if src is not None else None)
        q = Quote(id=cx.state.new_id("quotes"), kind=a.kind, text=cx.text[s:e], span=(s, e),
                  cue=cue, cue_span=a.cue, speaker=src.id if src else None,
                  speaker_span=a.speaker_span, via=via)
        cx.state.add("quotes", q)
        quotes.append(q)
        meaning = a.meaning
        if meaning is None and a.verb is not None:
            cue_entry = cx.cue_of(a.verb)
            meaning = cue_entry.meaning if cue_entry else None
        cx.quote_meaning[q.id] = meaning
        if src is not None:
            by_quote[q.id] = src.id
    cx.state.extra["attribution"] = {
        "quote_sources": by_quote,
        "outlet_source": cx.outlet_source.id if cx.outlet_source else None,
    }
    return quotes


def chain_of(cx: Context, src: Source | None) -> list[str]:
    """Source ids outermost first: document outlet -> cited outlet(s) -> speaker."""
    chain: list[str] = []
    seen: set[str] = set()
    s = src
    while s is not None and s.id not in seen:
        seen.add(s.id)
        chain.insert(0, s.id)
        s = cx.state.get(s.via) if s.via else None
    if cx.outlet_source is not None and cx.outlet_source.id not in chain:
        chain.insert(0, cx.outlet_source.id)
    return chain


def claims(cx: Context, quotes: list[Quote]) -> None:
    """One claim per asserted sentence or clause, with its chain, its quotes and its hedges.

    '"We took the hill," the commander said.' is the commander's claim through the outlet; 'The town fell on
    Monday.' is the author's own (flagged unsourced_claim); 'Recruits want to go home.' stays the author's,
    since a stance cue reports a state of mind, not a statement.
    """
    sources = {s.id: s for s in cx.state.items["sources"]}
    # the quotes overlapping each clause, by a sweep over both in text order (not every quote per clause)
    order = {id(q): n for n, q in enumerate(quotes)}
    by_start = sorted(quotes, key=lambda q: q.span[0])
    nxt = 0
    active: list[Quote] = []
    for sent in clauses(cx):
        s, e = sent.start_char, sent.end_char
        while s < e and cx.text[s].isspace():
            s += 1
        while e > s and cx.text[e - 1].isspace():
            e -= 1
        if e <= s or not any(t.is_alpha for t in sent):
            continue
        text = cx.text[s:e]
        while nxt < len(by_start) and by_start[nxt].span[0] < e:
            active.append(by_start[nxt])
            nxt += 1
        active = [q for q in active if q.span[1] > s]
        inside = sorted((q for q in active if q.span[0] < e), key=lambda q: order[id(q)])
        if not inside and not any(t.tag_ in FINITE_TAGS for t in sent):
            continue  # headlines, bylines, datelines: nothing asserted
        if text.rstrip().endswith("?") and not inside:
            continue
        hedges = hedges_in(cx, sent, s, e)
        # stance cues ("recruits want to go") report a state of mind, not a statement: the claim
        # stays the author's
        speaker = next((sources.get(q.speaker) for q in inside
                        if q.speaker and cx.quote_meaning.get(q.id) not in STANCE_MEANINGS), None)
        # "Reportedly ..." names nobody: hedged hearsay stays the author's own claim
        attributed = speaker is not None and speaker.id != cx.unnamed_id or any(
            q.speaker is None and q.speaker_span is not None
            and cx.quote_meaning.get(q.id) not in STANCE_MEANINGS for q in inside)
        # (a speaker written but not resolved, "he said" with nobody before: attributed, chain unknown)
        chain = chain_of(cx, speaker) if speaker is not None else chain_of(cx, None)
        claim = Claim(id=cx.state.new_id("claims"), text=text, span=(s, e), sources=chain,
                      quotes=[q.id for q in inside], hedges=hedges, attributed=attributed)
        cx.state.add("claims", claim)
        if not attributed:
            why = " (hedged: " + ", ".join(hedges) + ")" if hedges else ""
            cx.state.add("flags", Flag(
                kind="unsourced_claim", severity="info",
                message=f"The author asserts this without naming a source{why}.",
                refs=[claim.id], spans=[(s, e)]))


def clauses(cx: Context):
    """Sentences, split where two independent clauses are joined: at a semicolon, or at ", and" /
    ", but" before a coordinated verb with its own subject. A split never cuts through quoted
    words or through the content of an attribution."""
    # characters strictly inside an attribution's content (a look-up per cut, not a scan of all attributions)
    interior = bytearray(len(cx.text))
    for a in cx.attrs:
        lo, hi = max(0, a.start + 1), min(len(interior), a.end)
        if hi > lo:
            interior[lo:hi] = b"\x01" * (hi - lo)
    for sent in cx.doc.sents:
        cuts: list[int] = []  # token index where the right-hand clause starts
        root = sent.root
        conjs = [c.i for c in cx.children(root) if c.dep_ == "conj"]  # in order
        lowers, deps, heads = cx.lowers, cx.deps, cx.heads  # columns: no Token per word (";" and "," are their lower)
        for i in range(sent.start, sent.end):
            if lowers[i] == ";" and i + 1 < sent.end:
                cuts.append(i + 1)
            elif deps[i] == "cc" and i > sent.start and lowers[i - 1] == "," and heads[i] == root.i:
                t = cx.doc[i]
                k = bisect.bisect_right(conjs, t.i)
                conj = cx.doc[conjs[k]] if k < len(conjs) else None
                if conj is not None and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cx.children(conj)):
                    cuts.append(t.i)
        if not cuts:
            yield cx.doc[sent.start:sent.end]
            continue
        # finite verbs before each token of the sentence: "a finite verb on each side" is two look-ups
        finite = [0]
        for x in sent:
            finite.append(finite[-1] + (x.tag_ in FINITE_TAGS))
        start = sent.start
        for cut in cuts:
            char = cx.doc[cut].idx
            if cx.inside_quote(char) or interior[char]:
                continue
            base = sent.start
            if finite[cut - base] > finite[start - base] and finite[sent.end - base] > finite[cut - base]:
                yield cx.doc[start:cut]
                start = cut
        yield cx.doc[start:sent.end]


#: hedges.tsv's patterns as a scanner, per lexicon (a few at most: one per process, a test's own)
_HEDGE_SCANNERS: dict[int, tuple[list, MultiScanner]] = {}
HEDGE_LEAD = r"(?<![\w'’])"  # how lexicon.py opens every hedge pattern


def hedges_in(cx: Context, sent, s: int, e: int) -> list[str]:
    """The hedge words of a claim in text order (hedges.tsv): "reportedly", "allegedly", a modal "may"."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    hedges = cx.lex.hedges
    scanner = _HEDGE_SCANNERS.get(id(hedges))
    if scanner is None or scanner[0] is not hedges or len(scanner[1].patterns) != len(hedges):
        if len(_HEDGE_SCANNERS) > 8:
            _HEDGE_SCANNERS.clear()  # the matches of each finditer, tried only where it can start
        scanner = _HEDGE_SCANNERS[id(hedges)] = (hedges, MultiScanner([p for p, _ in hedges], lead=HEDGE_LEAD))
    for (_pattern, kind), matches in zip(hedges, scanner[1].find(cx.text, s, e), strict=True):
        for m in matches:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "modal":
                t = cx.doc[cx.tok(m.start())]
                if t.tag_ != "MD":
                    continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.group()))
    return [h for _, h in sorted(found)]
