"""Attribution: who said what, through whom, how hedged (sources, quotes, claims, unsourced_claim flags).

Reads the entities component's output from state (types, mentions, descriptors) and the parse; writes
`sources`, `quotes` and `claims`, and an `unsourced_claim` flag for each claim the author makes without
attribution. Order of work, each step owning the words it uses:

1. quoted material (`marks` pairs the marks, whatever their style or balance): direct
   quotes with their cue after, before, inside (split quotes) or on a dash byline, continued across
   sentences and paragraphs; partial quotes governed by a reporting verb or noun;
2. reported speech outside quotes: cue verbs and nouns with their clause or object (cues.tsv, with
   what each means), "according to X", "as X put it", "reportedly"/"it is said" (an unnamed source),
   transcript colons ("PENCE: ...");
3. speakers (`speakers`): names and entity ids, groups and roles (attribution_groups.tsv),
   pronouns resolved against the document's history of who is quoted, and `via` for words that went
   through an outlet ("told MEE", "spoke to Reuters", "Reuters quoted X as saying", "citing");
4. claims: one per sentence or semicolon clause that asserts something, its chain outermost first
   (document outlet -> cited outlet -> speaker), its quotes and hedges (hedges.tsv). A stance cue
   ("wants", "supports") is an attribution but leaves the claim the author's.

It never raises on text: a failure is logged and the document keeps what was found before it.
Leaves `state.extra["attribution"]`: {"quote_sources": {quote id: source id},
"outlet_source": source id | None} for later components.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.contract import Claim, Flag, Quote, Source
from claimgraph.nlp.attribution.lexicon import Cue, lexicon
from claimgraph.nlp.attribution.marks import QuoteSpan, find_quotes, merge_continuations, paragraphs
from claimgraph.nlp.attribution.speakers import (
    ENTITY_KIND,
    PRONOUNS,
    RELATIVE,
    Candidate,
    Sources,
    mention_tokens,
    role_of,
)
from claimgraph.nlp.state import DocState, get_state, report_failure

log = logging.getLogger("claimgraph.nlp.attribution")  # the component's public logger name

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
NOMINATIVE = {"he", "she", "they", "it", "we", "i", "you"}
VERB_POS = {"VERB", "AUX"}
CHANNEL_PREPS = {"to", "for", "with"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# how many naming/verb words may stand between a quote and its cue ('"...," Mican told MEE in ...')
FRAME_REACH = 6
#: prepositions that introduce what a statement was about ("talked about", "warned of", "called for")
TOPIC_PREPS = {"about", "of", "on", "against", "for", "over"}
#: cue meanings that ascribe a position or wish rather than report words (cues.tsv "meaning")
STANCE_MEANINGS = {"stance"}

#: emit the indirect quote of a reported statement even when quoted fragments inside it became
#: partial quotes (True gives both; False gives the partial quotes only, as PolNeAR annotates one
#: attribution per statement)
INDIRECT_WITH_PARTIALS = False


@Language.factory(
    "claimgraph_attribution",
    requires=["doc._.cg_entities", "doc.sents"],
    assigns=["doc._.cg_sources", "doc._.cg_quotes", "doc._.cg_claims", "doc._.cg_flags"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


class AttributionComponent:
    """Finds quotes and reported speech, resolves their speakers and chains, and builds the claims."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            _Extractor(doc).run()
        except Exception as exc:  # a component never raises on text
            report_failure(doc, "claimgraph_attribution", exc)
        return doc


@dataclass
class _Attr:
    """One attribution found in the text, before it becomes a contract Quote."""

    kind: str  # direct | partial | indirect | channel (a speaker's outlet, no words reported)
    start: int
    end: int
    cue: tuple[int, int] | None = None  # character span of the cue words
    verb: Token | None = None
    speaker_head: Token | None = None
    speaker_span: tuple[int, int] | None = None
    source: Source | None = None
    fixed_source: str | None = None  # "anonymous" for "reportedly" / "it is said"
    order: int = 0
    via: Source | None = None
    via_head: Token | None = None  # the outlet that cited the speaker ("Reuters reported, citing ...")
    meaning: str | None = None  # the cue's meaning from cues.tsv (stance cues do not source a claim)


@dataclass
class _Extractor:
    doc: Doc
    state: DocState = field(init=False)
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.state = get_state(self.doc)
        self.text = self.doc.text
        self.lex = lexicon()
        self.sources = Sources(self.state, self.doc)
        self.starts = [t.idx for t in self.doc]
        self.paras = paragraphs(self.text)
        self.attrs: list[_Attr] = []
        self.taken: list[tuple[int, int]] = []  # character spans already inside a quote
        self.taken_tok = bytearray(len(self.doc))
        self.used_verbs: set[int] = set()
        self.outlet_entities = self._outlet_entities()
        self.unnamed_id: str | None = None

    # ------------------------------------------------------------------ helpers

    def tok(self, char: int) -> int:
        """Index of the token containing (or first after) a character offset."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        if self.doc[i].idx + len(self.doc[i]) <= char and i + 1 < len(self.doc):
            return i + 1
        return i

    def tokens(self, s: int, e: int) -> list[Token]:
        i = bisect.bisect_left(self.starts, s)
        out = []
        while i < len(self.doc) and self.doc[i].idx < e:
            out.append(self.doc[i])
            i += 1
        return out

    def para_of(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right([p[0] for p in self.paras], char) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def inside_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and self.doc[i].idx <= char < self.doc[i].idx + len(self.doc[i]):
            return bool(self.taken_tok[i])
        return any(s <= char < e for s, e in self.taken)

    def _take(self, span: tuple[int, int]) -> None:
        """Mark a stretch as owned by an attribution (its tokens are no one else's cue or content)."""
        self.taken.append(span)
        i = bisect.bisect_left(self.starts, span[0])
        while i < len(self.doc) and self.doc[i].idx < span[1]:
            self.taken_tok[i] = 1
            i += 1

    def cue_of(self, tok: Token) -> Cue | None:
        if tok.pos_ not in VERB_POS or tok.tag_ == "MD":
            return None
        return self.lex.verbs.get(tok.lemma_.lower())

    def noun_cue(self, tok: Token) -> Cue | None:
        """A reporting noun with its speaker attached: "Trump's claim that ...", "a warning by the UN"."""
        if tok.pos_ != "NOUN":
            return None
        cue = self.lex.nouns.get(tok.lemma_.lower())
        if cue is None or self._noun_speaker(tok) is None:
            return None
        return cue

    def _noun_speaker(self, noun: Token) -> Token | None:
        for c in noun.children:
            possessor = c.dep_ == "poss" or (c.i < noun.i and any(
                g.dep_ == "case" and g.lower_ in {"'s", "\u2019s", "'", "\u2019"} for g in c.children))
            if possessor:
                return c
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        return None

    def span_chars(self, toks: list[Token]) -> tuple[int, int] | None:
        toks = [t for t in toks if not (t.is_punct or t.is_space)]
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _outlet_entities(self) -> set[str]:
        """Entities typed OUTLET, plus organisations the text shows reporting ("X is reporting")."""
        out = {e.id for e in self.state.items["entities"] if e.type == "OUTLET"}
        for tok in self.doc:
            cue = self.cue_of(tok)
            if cue is None or cue.meaning != "report":
                continue
            for child in tok.children:
                if child.dep_ == "nsubj":
                    ent = self.state.entity_at(child.idx, child.idx + len(child))
                    ent_obj = self.sources.entity(ent)
                    if ent_obj is not None and ent_obj.type in {"ORG", "OUTLET"}:
                        out.add(ent_obj.id)
                        out.update(self._same_entity_aliases(ent_obj))
        return out

    def _same_entity_aliases(self, ent) -> set[str]:
        """Other entities that are this one's acronym ("MEE" for "Middle East Eye"), when not merged upstream."""
        words = [w for w in re.findall(r"[A-Za-z]+", ent.name) if w[0].isupper()]
        acronym = "".join(w[0] for w in words).upper()
        if len(acronym) < 2:
            return set()
        return {e.id for e in self.state.items["entities"] if e.name == acronym}

    # ------------------------------------------------------------------ run

    def run(self) -> None:
        self.sources.learn_gender(self.doc)
        self.outlet_source = self._document_outlet()
        self._quoted()
        self._indirect()
        self._resolve()
        quotes = self._emit_quotes()
        self._claims(quotes)

    def _document_outlet(self) -> Source | None:
        outlet = (self.state.meta.outlet or "").strip()
        if not outlet:
            return None
        ent_id = None
        for ent in self.state.items["entities"]:
            if ent.name == outlet or outlet in ent.aliases:
                ent_id = ent.id
                break
        return self.sources.get(outlet, ent_id, "outlet")

    # ------------------------------------------------------------------ quoted material

    def _quoted(self) -> None:
        groups = merge_continuations(find_quotes(self.text))
        items: list[tuple[QuoteSpan, QuoteSpan, str]] = []
        for group in groups:
            first, last = group[0], group[-1]
            kind = "direct" if len(group) > 1 or self._utterance_like(first) else "partial"
            items.append((first, last, kind))
            # quoted words are never the cue or content of another attribution, found or not
            self._take((first.start, last.end))
        prev: _Attr | None = None
        prev_end = -1  # where the previous direct quote's frame ('..., he said.') ends
        i = 0
        while i < len(items):
            first, last, kind = items[i]
            nxt = items[i + 1] if i + 1 < len(items) else None
            if kind == "partial":
                n_before = len(self.attrs)
                self._partial(first, last)
                # 'because "A," she said. "B."': a fragment closing its sentence with a frame can be
                # continued by the next quote like a direct one
                after = self._frame_after(last, nxt[0] if nxt else None)
                if len(self.attrs) > n_before and after is not None:
                    prev, prev_end = self.attrs[-1], self._frame_end(last, nxt)
                i += 1
                continue
            after = self._frame_after(last, nxt[0] if nxt else None)
            before = None if after is not None else self._frame_before(first, prev_end)
            colon = None if after or before else self._colon_speaker(first.start)
            if after is None and before is None and colon is None and prev is not None and (
                (prev_end >= 0 and not self.text[prev_end:first.start].strip())
                or self._continues_account(prev, first)
            ):
                # the same speaker goes on: '"A," he said. "B."' or the next paragraph '"C."'
                prev.end = last.inner_end
                prev_end = last.end
                i += 1
                continue
            attr = _Attr("direct", first.inner_start, last.inner_end)
            merged = False
            if after is not None:
                attr.verb, attr.speaker_head, attr.cue = after
                frame_end = self._frame_end(last, None)
                # split quote: '"A," he said, "B."' -> one quote from A to B
                if nxt is not None and self._split_continuation(last, nxt[0], after) and (
                    nxt[2] == "direct" or self.text[last.inner_start:last.inner_end].endswith(",")
                ):
                    attr.end = nxt[1].inner_end
                    merged = True
                    frame_end = nxt[1].end
                prev_end = min(frame_end, nxt[0].start) if nxt is not None and not merged else frame_end
            elif before is not None:
                attr.verb, attr.speaker_head, attr.cue = before
                prev_end = last.end
            elif colon is not None:
                attr.speaker_head, attr.cue = colon
                prev_end = last.end
            else:
                gov = self._governing_cue(first)
                if gov is None:
                    i += 1
                    continue  # a quoted title or term with nobody saying it
                attr.verb, attr.speaker_head, attr.cue = gov
                prev_end = last.end
            if attr.verb is not None:
                self.used_verbs.add(attr.verb.i)
            self.attrs.append(attr)
            prev = attr
            i += 2 if merged else 1

    def _frame_end(self, last: QuoteSpan, nxt) -> int:
        """Where the sentence carrying a quote's frame ends ('..." he said.| "Next ...')."""
        _, para_end = self.para_of(last.start)
        end = _sentence_end(self.text, last.end, para_end) or para_end
        return min(end, nxt[0].start) if nxt is not None else end

    def _utterance_like(self, q: QuoteSpan) -> bool:
        """A whole utterance (direct) rather than a fragment woven into the sentence (partial)."""
        para_start, _ = self.para_of(q.start)
        before = self.text[para_start:q.start].rstrip()
        inner = self.text[q.inner_start:q.inner_end]
        words = re.findall(r"\w+", inner)
        if not before:
            return len(words) >= 2
        last = before[-1]
        if last in ":":
            return True
        if last in ".?!\u2014\u2013" or before.endswith("--"):
            return len(words) >= 2
        if last == ",":
            return len(words) >= 2 and (inner[:1].isupper() or self._frame_before(q) is not None)
        # 'X said "We ..."': right after a cue verb, starting like a sentence
        prev_tok = self.doc[self.tok(q.start) - 1] if self.tok(q.start) > 0 else None
        return bool(prev_tok is not None and self.cue_of(prev_tok) and inner[:1].isupper() and len(words) >= 3)

    def _frame_after(self, q: QuoteSpan, nxt: QuoteSpan | None) -> tuple[Token, Token | None, tuple] | None:
        """'"...," he said.' / '"..." said Smith' / '"...," Mican told MEE in ...': the cue after a quote."""
        _, para_end = self.para_of(q.start)
        end = para_end
        if nxt is not None and nxt.start < end:
            end = nxt.start
        m = _sentence_end(self.text, q.end, end)
        if m is not None:
            end = m
        dash = re.compile(r"[^\S\n]*,?[^\S\n]*(\u2015|\u2014|\u2013|--)[^\S\n]*(?=[A-Z])").match(self.text, q.end, end)
        if dash is not None:
            # '"..." \u2015 Jorge Falcon': a byline-style attribution after a dash
            name = []
            for t in self.tokens(dash.end(), end):
                if t.text == "," or (t.is_punct and t.text not in {".", "-"}) or len(name) >= 6:
                    break
                if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha):
                    name.append(t)
                elif t.text != ".":
                    break
            if name and any(t.pos_ == "PROPN" for t in name):
                return None, name[-1], dash.span(1)
        toks = self.tokens(q.end, end)
        first_word = next((x for x in toks if not (x.is_punct or x.is_space)), None)
        words = 0
        for t in toks:
            if t.is_punct or t.is_space:
                continue
            words += 1
            if words > 4 * FRAME_REACH:
                break
            if self.cue_of(t) is None:
                continue
            subj = self._subject(t)
            if subj is None:
                subj = next((x for x in toks if x.pos_ in {"PROPN", "PRON"} and x.dep_ != "dobj"), None)
            if subj is not None and not (q.end <= subj.idx < end):
                continue
            # near the quote, or further on when the frame opens with the speaker and an apposition
            # ('"...," Abu Ahmad, a resident of Tal Rifaat, told Reuters')
            if words > FRAME_REACH and (subj is None or first_word is None or subj.left_edge.i != first_word.i):
                break
            # the verb's own clause complement after it means it reports something else
            if any(c.dep_ == "ccomp" and c.i > t.i and c.left_edge.i - t.i <= 2 and not self.inside_quote(c.idx)
                   for c in t.children):
                continue
            return t, subj, (t.idx, t.idx + len(t))
        return None

    def _frame_before(self, q: QuoteSpan, prev_end: int = -1) -> tuple[Token, Token | None, tuple] | None:
        """'He said: "..."' / 'Therefore, he says, "..."': the cue before a quote, in its sentence."""
        para_start, _ = self.para_of(q.start)
        qi = self.tok(q.start)
        if qi == 0:
            return None
        sent_start = self.doc[qi - 1].sent.start_char
        start = max(para_start, sent_start)
        for _s, e in self.taken:
            if e <= q.start:
                start = max(start, e)
        start = max(start, prev_end)  # the previous quote's own frame is not this one's
        if not self.text[para_start:q.start].strip():
            # 'Caddell continued:' closing the previous paragraph introduces this one
            prev_para = [p for p in self.paras if p[1] <= para_start]
            if not prev_para or not self.text[prev_para[-1][0]:prev_para[-1][1]].rstrip().endswith(":"):
                return None
            p_start, p_end = prev_para[-1]
            last_tok = self.doc[self.tok(p_end - 1)]
            start = max(p_start, last_tok.sent.start_char, prev_end)
            if any(p_start <= e <= p_end for _s, e in self.taken if e > start):
                return None
        toks = self.tokens(start, q.start)
        for j in range(len(toks) - 1, -1, -1):
            t = toks[j]
            if self.cue_of(t) is None:
                continue
            between = [x for x in toks[j + 1:] if not (x.is_punct or x.is_space)]
            if len(between) > 4 or any(x.tag_ in FINITE_TAGS for x in between):
                return None
            if any(x.text in {".", "?", "!"} for x in toks[j + 1:]):
                return None  # '"A," he said. "B."': that cue closed the sentence before
            subj = self._subject(t)
            return t, subj, (t.idx, t.idx + len(t))
        return None

    def _split_continuation(self, a: QuoteSpan, b: QuoteSpan, frame: tuple) -> bool:
        """'"A," he said, "B."': only the cue frame, ending in a comma or colon, stands between two quotes."""
        between = self.text[a.end:b.start]
        if "\n" in between:
            return False
        return between.rstrip().endswith((",", ":"))

    def _colon_speaker(self, char: int) -> tuple[Token, tuple] | None:
        """'PENCE: "..."' or a headline 'Caddell: ...': a short name then a colon opening the paragraph."""
        para_start, _ = self.para_of(char)
        head = self.text[para_start:char]
        m = re.match(r"\s*([A-Z][\w.'’\- ]{0,60}?)\s*:\s*$", head)
        if not m:
            return None
        toks = self.tokens(para_start + m.start(1), para_start + m.end(1))
        if not _speaker_name(toks):
            return None
        colon = self.text.index(":", para_start + m.end(1))
        return toks[-1], (colon, colon + 1)

    def _continues_account(self, prev: _Attr, q: QuoteSpan) -> bool:
        """A paragraph opening with a quote, right after another speaker's quote, continues that account."""
        para_start, _ = self.para_of(q.start)
        if self.text[para_start:q.start].strip():
            return False
        prev_para = self.para_of(max(prev.start, prev.end - 1))
        this_index = next((i for i, p in enumerate(self.paras) if p[0] == para_start), None)
        prev_index = next((i for i, p in enumerate(self.paras) if p == prev_para), None)
        return this_index is not None and prev_index is not None and this_index - prev_index == 1

    def _governing_cue(self, q: QuoteSpan) -> tuple[Token, Token | None, tuple] | None:
        """The nearest reporting verb whose clause holds the quote ('accused Moscow of "..."')."""
        toks = self.tokens(q.inner_start, q.inner_end)
        if not toks:
            return None
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        # the nearest speech verb above the quote ("said"), else the nearest stance verb ("wants")
        found: list[tuple[int, Token]] = []
        for root in roots:
            for depth, anc in enumerate([root, *root.ancestors]):
                if anc.i in inside or (cue := self.cue_of(anc) or self.noun_cue(anc)) is None:
                    continue
                found.append((0 if cue.content == "clause" or cue.meaning in {"accuse", "describe"} else 1,
                              depth, anc))
        if found:
            anc = min(found, key=lambda f: (f[0], f[1]))[2]
            return anc, self._subject(anc), (anc.idx, anc.idx + len(anc))
        # "according to X, ... "quoted" ..." in the same sentence
        acc = self._according_in(toks[0].sent)
        if acc is not None:
            return None if acc[0] is None else (acc[0], acc[1], acc[2])
        return None

    def _title_like(self, q: QuoteSpan) -> bool:
        """'said on "Fox News Sunday"', 'told "Morning Joe"': a quoted Title Case name of a show or work."""
        words = re.findall(r"[\w'’-]+", self.text[q.inner_start:q.inner_end])
        small = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "from"}
        if not words or len(words) > 8 or not all(w[0].isupper() or w[0].isdigit() or w in small for w in words):
            return False
        toks = self.tokens(q.inner_start, q.inner_end)
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside]
        return any(r.dep_ == "pobj" or (r.dep_ in {"dobj", "dative"} and r.head.lemma_ in {"tell", "join"})
                   for r in roots)

    def _partial(self, first: QuoteSpan, last: QuoteSpan) -> None:
        if self._title_like(first):
            return
        gov = self._governing_cue(first)
        if gov is not None:
            # several fragments of one reported statement ('is "a" but "b"') make one partial quote
            for a in reversed(self.attrs):
                if a.kind == "partial" and a.verb is not None and a.verb.i == gov[0].i:
                    between = [t for t in self.tokens(a.end, first.start) if not self.inside_quote(t.idx)]
                    if "\n" not in self.text[a.end:first.start] and not any(
                            t.pos_ == "VERB" for t in between):
                        a.end = last.inner_end
                        return
                    break
        if gov is None:
            acc = self._according_in(self.doc[self.tok(first.inner_start)].sent)
            if acc is None:
                return  # scare quotes: nobody is said to have said it
            verb, subj, cue = acc
            attr = _Attr("partial", first.inner_start, last.inner_end, cue=cue, speaker_head=subj)
        else:
            verb, subj, cue = gov
            attr = _Attr("partial", first.inner_start, last.inner_end, cue=cue, verb=verb, speaker_head=subj)
            self.used_verbs.add(verb.i)
        self.attrs.append(attr)
        self._take((first.start, last.end))

    def _according_in(self, sent) -> tuple[Token, Token | None, tuple] | None:
        """A sentence-level source: "according to X" or "as X put it"."""
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                to = self.doc[t.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                return t, pobj, (t.idx, to.idx + len(to))
            put = self._as_put_it(t)
            if put is not None:
                return put
        return None

    def _as_put_it(self, t: Token) -> tuple[Token, Token | None, tuple] | None:
        """'as a Homeland Security memo put it': the subject of "put it" introduced by "as"."""
        if t.lemma_ != "put" or t.pos_ != "VERB":
            return None
        if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children):
            return None
        if not any(c.lower_ == "as" and c.dep_ in {"mark", "advmod", "prep"} for c in t.children):
            return None
        subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            return None
        it = next(c for c in t.children if c.dep_ == "dobj")
        return t, subj, (t.idx, it.idx + len(it))

    def _subject(self, verb: Token) -> Token | None:
        """The speaker of a cue verb: its subject, or that of the verb it is coordinated with."""
        if verb.pos_ == "NOUN":
            return self._noun_speaker(verb)
        seen = 0
        v = verb
        while v is not None and seen < 4:
            seen += 1
            # a subject inside quoted words belongs to the quote ('"One of ...," said Rep. X')
            verb_quoted = self.inside_quote(verb.idx)
            deps = SUBJECT_DEPS if v.i == verb.i else SUBJECT_DEPS | {"nsubjpass"}  # "After saying X, she was"
            subjects = [c for c in v.children if c.dep_ in deps and c.dep_ != "expl"
                        and (verb_quoted or not self.inside_quote(c.idx))]
            if subjects:
                return min(subjects, key=lambda c: abs(c.i - verb.i))
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            if v.i == verb.i and not verb_quoted and (before is None or before.is_punct or before.is_space):
                # 'Said Ellis:' / '"...," said Smith' parsed with the name as an object
                after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
                if (after is not None and after.pos_ == "PROPN" and not self.inside_quote(after.idx)
                        and after.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}):
                    head = after
                    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
                        head = head.head
                    return head
            if v.dep_ in {"relcl", "acl"} and v.head.pos_ in {"NOUN", "PROPN"}:
                return v.head  # "Smith, who said ...", "a statement saying ..."
            quoting = _quoting_verb(v)
            if quoting is not None:  # "Reuters quoted a commander as saying": the commander speaks
                obj = next((c for c in quoting.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "... by saying", "after calling"
                v = v.head.head
                continue
            if v.dep_ in {"conj", "xcomp", "advcl"} and v.head.i != v.i:
                v = v.head
                continue
            break
        return self._subject_fallback(verb)

    def _subject_fallback(self, verb: Token) -> Token | None:
        """When the parse gives the cue no subject: the name just before it ("Obama and Clinton call"),
        else the nearest subject before it in the sentence, outside quotes."""
        if verb.pos_ not in VERB_POS or self.inside_quote(verb.idx):
            return None
        sent = verb.sent
        j = verb.i - 1
        while j >= sent.start and verb.doc[j].dep_ in {"aux", "neg", "advmod", "auxpass"}:
            j -= 1
        if j >= sent.start:
            prev = verb.doc[j]
            if (prev.pos_ == "PROPN" or prev.lower_ in NOMINATIVE) and not self.inside_quote(prev.idx) \
                    and prev.dep_ not in {"dobj", "pobj", "poss"}:
                return prev
        for k in range(verb.i - 1, sent.start - 1, -1):
            t = verb.doc[k]
            if t.dep_ in {"nsubj", "nsubjpass"} and not self.inside_quote(t.idx) and t.lower_ not in RELATIVE:
                return t
        return None

    # ------------------------------------------------------------------ reported speech

    def _indirect(self) -> None:
        for sent in self.doc.sents:
            for t in sent:
                if t.i in self.used_verbs or self.inside_quote(t.idx):
                    continue
                if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                    self._according(t, sent)
                    continue
                adv = self.lex.adverbs.get(t.lower_)
                if adv is not None and adv.meaning == "report" and t.pos_ == "ADV":
                    self._adverb(t, sent)
                    continue
                put = self._as_put_it(t)
                if put is not None:
                    self._put_it(t, put, sent)
            # reporting verbs, outermost first and speech before stance ("said" before "wants"): a
            # cue inside what someone is already reported to have said is part of that content
            cands = [(t, cue) for t in sent if t.i not in self.used_verbs and not self.inside_quote(t.idx)
                     and (cue := self.cue_of(t)) is not None]
            cands.sort(key=lambda tc: (tc[1].content != "clause", _depth(tc[0]), tc[0].i))
            for t, cue in cands:
                if t.i in self.used_verbs or any(a.start <= t.idx < a.end for a in self.attrs):
                    continue
                self._reported(t, cue, sent)
            for t in sent:
                if t.i in self.used_verbs or self.inside_quote(t.idx) or self.noun_cue(t) is None:
                    continue
                if not any(a.start <= t.idx < a.end for a in self.attrs):
                    self._noun_reported(t)
            self._colon_paragraph(sent)

    def _content_tokens(self, verb: Token, cue: Cue) -> list[Token]:
        comp = [c for c in verb.children if c.dep_ == "ccomp"]
        # one side only: 'A; officials said that B' reports B, not A (nor the cue itself)
        after = [c for c in comp if c.i > verb.i]
        if after:
            comp = after
        else:
            comp = [c for c in comp if not any(t.text == ";" for t in verb.doc[c.right_edge.i:verb.i])]
        toks: list[Token] = []
        if comp:
            for c in comp:
                toks.extend(c.subtree)
        elif verb.dep_ == "parataxis" and verb.head.pos_ in VERB_POS:
            # "Y, X said." / "Y1, X said, Y2" parsed with the cue hanging off Y's verb; a cue in the
            # middle leaves it inside the one span the contract allows
            skip = {x.i for x in verb.subtree}
            toks = [x for x in verb.head.subtree if x.i not in skip]
        elif cue.content == "object":
            for c in verb.children:
                if c.i > verb.i and c.dep_ in {"dobj", "xcomp", "oprd", "attr", "prep", "pcomp"}:
                    if c.dep_ == "prep" and c.lower_ in {"to", "with"}:
                        continue  # the audience ("said to reporters"), not what was said
                    toks.extend(c.subtree)
        elif any(c.dep_ == "xcomp" for c in verb.children) and cue.meaning in {"promise", "warn", "deny"}:
            for c in verb.children:
                if c.dep_ == "xcomp":
                    toks.extend(c.subtree)
        else:
            # what was talked about: "spoke about X", "warned of X", "commented on X", "called for X"
            for c in verb.children:
                if c.i > verb.i and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                    for obj in c.children:
                        if obj.dep_ in {"pobj", "pcomp"}:
                            toks.extend(obj.subtree)
                    break
        toks.sort(key=lambda x: x.i)
        return toks

    def _reported(self, verb: Token, cue: Cue, sent) -> None:
        toks = self._content_tokens(verb, cue)
        words = [t for t in toks if t.is_alpha]
        if len(words) < 2:
            # "Mehmet spoke to the BBC.": no words reported, but later quotes came through the outlet
            subj = self._subject(verb)
            if subj is not None and cue.meaning == "assert" and self._via(verb) is not None:
                self.attrs.append(_Attr("channel", verb.idx, verb.idx, verb=verb, speaker_head=subj,
                                        cue=(verb.idx, verb.idx + len(verb))))
                self.used_verbs.add(verb.i)
            return
        span = self.span_chars(toks)
        if span is None:
            return
        s, e = span
        # quoted material inside: the quote handling owns it
        inner = [(qs, qe) for qs, qe in self.taken if qs < e and s < qe]
        if inner:
            covered = sum(min(e, qe) - max(s, qs) for qs, qe in inner)
            if covered * 2 >= e - s or not INDIRECT_WITH_PARTIALS:
                return
        subj = self._subject(verb)
        fixed = None
        if subj is None:
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and passive.lower_ == "it":
                fixed = "anonymous"
            else:
                return
        elif subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in verb.children):
            fixed = "anonymous"
        attr = _Attr("indirect", s, e, cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                     speaker_head=subj if fixed is None else None, fixed_source=fixed)
        # "Reuters reported, citing two officials, that ...": the officials speak, through Reuters
        citing = next((c for c in sent if c.lemma_ == "cite" and c.tag_ == "VBG"
                       and verb.i in {c.head.i, c.head.head.i}), None)
        cited = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None
        if cited is not None and subj is not None and self._outlet_token(subj):
            attr.speaker_head, attr.via_head = cited, subj
            self.used_verbs.add(citing.i)
            skip = {x.i for x in citing.subtree}
            rest = self.span_chars([t for t in toks if t.i not in skip])
            if rest is not None:
                attr.start, attr.end = rest
        self.attrs.append(attr)
        self.used_verbs.add(verb.i)
        quoting = _quoting_verb(verb)
        if quoting is not None:
            self.used_verbs.add(quoting.i)  # "quoted X as saying": one statement, X's

    def _noun_reported(self, noun: Token) -> None:
        """"Trump's claim that there were thousands of shootings": the clause or topic the noun reports."""
        toks: list[Token] = []
        for c in noun.children:
            if c.i > noun.i and c.dep_ in {"acl", "ccomp", "relcl"} and c.left_edge.lower_ == "that" \
                    and c.left_edge.dep_ == "mark":
                toks.extend(c.subtree)
                break
        if not toks:
            for c in noun.children:
                if c.i > noun.i and c.dep_ == "prep" and c.lower_ in {"about", "of", "on", "against"}:
                    toks.extend(x for o in c.children if o.dep_ in {"pobj", "pcomp"} for x in o.subtree)
                    break
        if sum(t.is_alpha for t in toks) < 2:
            return
        span = self.span_chars(sorted(toks, key=lambda x: x.i))
        if span is None or any(qs < span[1] and span[0] < qe for qs, qe in self.taken):
            return
        self.attrs.append(_Attr("indirect", span[0], span[1], cue=(noun.idx, noun.idx + len(noun)), verb=noun,
                                speaker_head=self._noun_speaker(noun)))
        self.used_verbs.add(noun.i)

    def _according(self, t: Token, sent) -> None:
        to = self.doc[t.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        pp_start = t.i
        pp_end = sent.end
        for x in self.doc[to.i + 1:sent.end]:
            if x.text in {",", ";", "(", "\u2014"} or (x.is_punct and x.i == sent.end - 1):
                pp_end = x.i
                break
        before = [x for x in sent if x.i < pp_start]
        after = [x for x in sent if x.i >= pp_end]
        words_before = [x for x in before if x.is_alpha]
        words_after = [x for x in after if x.is_alpha]
        if len(words_after) >= 3 and len(words_before) <= 1:
            toks = after
        elif len(words_before) >= 3 and len(words_after) <= 1:
            toks = before
        else:
            toks = [x for x in sent if not (pp_start <= x.i < pp_end)]
        span = self.span_chars(toks)
        if span is None:
            return
        if any(qs < span[1] and span[0] < qe for qs, qe in self.taken):
            return
        # the speaker is the whole phrase after "according to", up to a comma or the sentence end
        end_i = pp_end
        sp = self.span_chars(list(self.doc[to.i + 1:end_i]))
        attr = _Attr("indirect", span[0], span[1], cue=(t.idx, to.idx + len(to)), speaker_head=pobj)
        if sp is not None and sp[1] - sp[0] < 200:
            attr.speaker_span = sp
            ents = [x for x in self.doc[to.i + 1:end_i]
                    if (self.sources.entity(self.state.entity_at(x.idx, x.idx + len(x))) or _NoEnt).type == "PERSON"]
            if ents:
                attr.speaker_head = ents[-1]
        self.attrs.append(attr)
        self._take(span)

    def _put_it(self, t: Token, put: tuple, sent) -> None:
        """'X is Y, as the memo put it.': the sentence without the "as ... put it" clause."""
        skip = {x.i for x in t.subtree}
        span = self.span_chars([x for x in sent if x.i not in skip])
        if span is None or any(qs < span[1] and span[0] < qe for qs, qe in self.taken):
            return
        self.attrs.append(_Attr("indirect", span[0], span[1], cue=put[2], verb=t, speaker_head=put[1]))
        self.used_verbs.add(t.i)

    def _adverb(self, t: Token, sent) -> None:
        """'Reportedly, X ...': the sentence is reported speech from an unnamed source."""
        toks = [x for x in sent if x.i != t.i]
        span = self.span_chars(toks)
        if span is None or any(qs < span[1] and span[0] < qe for qs, qe in self.taken):
            return
        self.attrs.append(_Attr("indirect", span[0], span[1], cue=(t.idx, t.idx + len(t)),
                                fixed_source="anonymous"))

    def _colon_paragraph(self, sent) -> None:
        """Transcripts and headlines: 'PENCE: Well, look, ...' / 'Caddell: Voters Worried ...'."""
        if sent.start_char not in {p[0] for p in self.paras}:
            return
        p_start, p_end = self.para_of(sent.start_char)
        m = re.match(r"([A-Z][\w.'’\- ]{0,60}?)\s*:\s+(?=\S)", self.text[p_start:p_end])
        if not m:
            return
        name_toks = self.tokens(p_start, p_start + m.end(1))
        if not _speaker_name(name_toks):
            return
        if any(t.pos_ in VERB_POS for t in name_toks):
            return
        s, e = p_start + m.end(), p_end
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if e <= s or self.inside_quote(s) or any(qs < e and s < qe for qs, qe in self.taken):
            return
        colon = p_start + m.end(1) + self.text[p_start + m.end(1):p_start + m.end()].index(":")
        self.attrs.append(_Attr("indirect", s, e, cue=(colon, colon + 1), speaker_head=name_toks[-1]))
        self._take((s, e))

    # ------------------------------------------------------------------ speakers

    def _resolve(self) -> None:
        def position(a: _Attr) -> int:
            if a.speaker_head is not None:
                return a.speaker_head.idx
            return a.cue[0] if a.cue else a.start

        for n, a in enumerate(self.attrs):
            a.order = n
        self.attrs.sort(key=lambda a: (a.start, a.order))
        for a in sorted(self.attrs, key=position):
            if a.fixed_source == "anonymous":
                a.source = self.sources.get("unnamed source", None, "anonymous")
                self.unnamed_id = a.source.id
                continue
            if a.speaker_head is None:
                continue
            self._speaker(a)
            if a.verb is not None and a.source is not None:
                via = self._outlet_token(a.via_head) if a.via_head is not None else self._via(a.verb)
                if via is not None and via.id != a.source.id:
                    if a.source.via is None:
                        a.source.via = via.id
                    a.via = via

    def _speaker(self, a: _Attr) -> None:
        head = a.speaker_head
        # "Flynn's claim", possessive speakers and compound heads: use the noun itself
        if head.lower_ in RELATIVE and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
            a.speaker_span = (head.idx, head.idx + len(head))
            antecedent = head.head.head
            cand = self._named(antecedent)
            if cand is not None:
                a.source = cand
                self._remember(a.source, antecedent.idx, None, antecedent)
            return
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            a.speaker_span = (head.idx, head.idx + len(head))
            cand = self.sources.resolve_pronoun(head, self.inside_quote)
            if cand is None:
                return  # nobody to resolve to: the span stays on the pronoun, the speaker unknown
            a.source = self.sources.by_key.get(cand.source_key) or self.sources.get(
                cand.label, cand.entity, cand.kind)
            self._remember(a.source, head.idx, head.lower_)
            return
        if a.speaker_span is not None:  # "according to <the whole phrase>"
            span = a.speaker_span
        else:
            s, e = mention_tokens(head)
            span = self.span_chars(list(self.doc[s:e]))
            if span is None:
                return
            a.speaker_span = span
        src = self._named(head, span)
        if src is not None:
            a.source = src
            self._remember(src, span[0], None, head)

    def _named(self, head: Token, span: tuple[int, int] | None = None) -> Source | None:
        """The source a noun phrase names: its entity if one covers the head, else a group or label."""
        s, e = mention_tokens(head)
        if span is None:
            span = self.span_chars(list(self.doc[s:e]))
        if span is None:
            return None
        ent_id = self.state.entity_at(head.idx, head.idx + len(head))
        ent = self.sources.entity(ent_id)
        if ent is not None and ent.type in {"NORP", "GPE"} and head.pos_ == "NOUN":
            ent = None  # "Turkish officials": the nationality describes the speakers
        if ent is None:
            ent = self._named_inside(head, span)
        ent_span = None
        if ent is not None:
            for ms, me in ent.mentions:
                if ms < span[1] and span[0] < me:
                    ent_span = (ms, me)
                    break
        role = ent.descriptors[0] if ent is not None and ent.descriptors else role_of(head, (s, e), ent_span)
        group_kind = self.lex.groups.get(head.lemma_.lower()) if head.pos_ in {"NOUN", "PROPN"} else None
        if ent is not None and ent.type not in {"NORP", "GPE"} or (ent is not None and head.pos_ == "PROPN"):
            kind = ENTITY_KIND.get(ent.type, "unknown")
            if ent.id in self.outlet_entities:
                kind = "outlet"
            role_kind = self._role_kind(role)
            if kind == "person" and role_kind in {"official", "expert"}:
                kind = role_kind
            return self.sources.get(ent.name, ent.id, kind, role)
        # "the minister said" after "the Prime Minister Ahmet Davutoglu": a definite role noun names
        # the earlier source holding that role
        if head.pos_ == "NOUN" and head.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            for src in reversed(self.state.items["sources"]):
                if src.role and src.entity and head.lemma_.lower() in re.findall(r"[a-z]+", src.role.lower()):
                    return src
        label = _strip_det(self.text[span[0]:span[1]])
        kind = group_kind or ("person" if head.pos_ == "PROPN" else "unknown")
        return self.sources.get(label, None, kind, role)

    def _named_inside(self, head: Token, span: tuple[int, int]):
        """A described speaker's name: "One individual, named Mehmet", "the news organization Middle
        East Eye", "vice-chairman of the party Tariq Solu" (a person or outlet inside the mention)."""
        found = []
        for child in head.children:
            if child.dep_ in {"appos", "acl"}:
                for t in child.subtree:
                    cand = self.sources.entity(self.state.entity_at(t.idx, t.idx + len(t)))
                    if cand is not None and cand.type in {"PERSON", "OUTLET", "ORG"}:
                        found.append(cand)
        # a name that ends the mention after its descriptor ("the news organization Middle East Eye");
        # not a possessive or modifier ("Scott's relatives")
        last = self.doc[self.tok(span[1] - 1)]
        cand = self.sources.entity(self.state.entity_at(last.idx, last.idx + len(last)))
        if cand is not None and (cand.type == "PERSON" or cand.id in self.outlet_entities):
            found.append(cand)
        for kind in ("PERSON", "OUTLET", "ORG"):
            for cand in found:
                if cand.type == kind or (kind == "OUTLET" and cand.id in self.outlet_entities):
                    return cand
        return None

    def _role_kind(self, role: str | None) -> str | None:
        if not role:
            return None
        words = re.findall(r"[A-Za-z]+", role.lower())
        for w in words:
            for form in (w, w[:-1] if w.endswith("s") else w):
                k = self.lex.groups.get(form)
                if k in {"official", "expert"}:
                    return k
        return None

    def _remember(self, src: Source, pos: int, pronoun: str | None, head: Token | None = None) -> None:
        """Add a speaker to the document's history, with what a later pronoun needs (gender/number)."""
        if head is not None and head.tag_ in {"NNS", "NNPS"}:
            gender = "p"  # "officials", "residents": they
        elif src.kind in {"person", "expert"} or src.entity and src.kind == "official":
            gender = "?"  # a person: he or she
        elif head is not None and head.lemma_.lower() in self.lex.titles:
            gender = "?"  # "the spokesman"
        elif head is None and src.kind in {"official", "anonymous"}:
            gender = "?"
        else:
            gender = "n"  # "the coalition", "the statement": it
        cand = Candidate(pos, self.sources.key_of(src), src.label, src.entity, src.kind, gender)
        self.sources.remember(cand, pronoun)

    def _outlet_token(self, tok: Token) -> Source | None:
        """The outlet source a token names, or None when it is not an outlet."""
        ent = self.sources.entity(self.state.entity_at(tok.idx, tok.idx + len(tok)))
        if ent is not None and ent.id in self.outlet_entities:
            return self.sources.get(ent.name, ent.id, "outlet")
        return None

    def _via(self, verb: Token) -> Source | None:
        """'X told MEE', 'spoke for MEE', 'in an interview with MEE', 'MEE quoted X as saying': the
        outlet the words went through."""
        objs: list[Token] = []
        quoting = _quoting_verb(verb)
        if quoting is not None:
            objs.extend(c for c in quoting.children if c.dep_ in SUBJECT_DEPS)
        for c in verb.children:
            if c.dep_ in {"dobj", "dative", "iobj"}:
                objs.append(c)
            elif c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS | {"in", "on"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        objs.append(p)
                        for pp in p.children:  # in an interview with X
                            if pp.dep_ == "prep" and pp.lower_ in {"with", "to"}:
                                objs.extend(x for x in pp.children if x.dep_ == "pobj")
        for o in objs:
            outlet = self._outlet_token(o)
            if outlet is not None:
                return outlet
        return None

    # ------------------------------------------------------------------ output

    def _emit_quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        by_quote: dict[str, str] = {}
        self.quote_meaning: dict[str, str | None] = {}
        para_starts = {p[0] for p in self.paras}
        for a in sorted(self.attrs, key=lambda a: a.start):
            s, e = a.start, a.end
            if a.kind == "indirect" and s in para_starts:
                m = _DATELINE_RE.match(self.text, s, e)
                if m:  # "BEIRUT (Reuters) - ..." is where the story was filed, not what was said
                    s = m.end()
            if e <= s or a.kind == "channel":
                continue
            cue = self.text[a.cue[0]:a.cue[1]] if a.cue else None
            src = a.source
            via = a.via.id if a.via is not None else (src.via if src is not None else None)
            q = Quote(id=self.state.new_id("quotes"), kind=a.kind, text=self.text[s:e], span=(s, e),
                      cue=cue, cue_span=a.cue, speaker=src.id if src else None,
                      speaker_span=a.speaker_span, via=via)
            self.state.add("quotes", q)
            quotes.append(q)
            meaning = a.meaning
            if meaning is None and a.verb is not None:
                cue_entry = self.cue_of(a.verb)
                meaning = cue_entry.meaning if cue_entry else None
            self.quote_meaning[q.id] = meaning
            if src is not None:
                by_quote[q.id] = src.id
        self.state.extra["attribution"] = {
            "quote_sources": by_quote,
            "outlet_source": self.outlet_source.id if self.outlet_source else None,
        }
        return quotes

    def _chain(self, src: Source | None) -> list[str]:
        """Source ids outermost first: document outlet -> cited outlet(s) -> speaker."""
        chain: list[str] = []
        seen: set[str] = set()
        s = src
        while s is not None and s.id not in seen:
            seen.add(s.id)
            chain.insert(0, s.id)
            s = self.state.get(s.via) if s.via else None
        if self.outlet_source is not None and self.outlet_source.id not in chain:
            chain.insert(0, self.outlet_source.id)
        return chain

    def _claims(self, quotes: list[Quote]) -> None:
        sources = {s.id: s for s in self.state.items["sources"]}
        for sent in self._clauses():
            s, e = sent.start_char, sent.end_char
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            if e <= s or not any(t.is_alpha for t in sent):
                continue
            text = self.text[s:e]
            inside = [q for q in quotes if q.span[0] < e and s < q.span[1]]
            if not inside and not any(t.tag_ in FINITE_TAGS for t in sent):
                continue  # headlines, bylines, datelines: nothing asserted
            if text.rstrip().endswith("?") and not inside:
                continue
            hedges = self._hedges(sent, s, e)
            # stance cues ("recruits want to go") report a state of mind, not a statement: the claim
            # stays the author's
            speaker = next((sources.get(q.speaker) for q in inside
                            if q.speaker and self.quote_meaning.get(q.id) not in STANCE_MEANINGS), None)
            # "Reportedly ..." names nobody: hedged hearsay stays the author's own claim
            attributed = speaker is not None and speaker.id != self.unnamed_id or any(
                q.speaker is None and q.speaker_span is not None
                and self.quote_meaning.get(q.id) not in STANCE_MEANINGS for q in inside)
            # (a speaker written but not resolved, "he said" with nobody before: attributed, chain unknown)
            chain = self._chain(speaker) if speaker is not None else self._chain(None)
            claim = Claim(id=self.state.new_id("claims"), text=text, span=(s, e), sources=chain,
                          quotes=[q.id for q in inside], hedges=hedges, attributed=attributed)
            self.state.add("claims", claim)
            if not attributed:
                why = " (hedged: " + ", ".join(hedges) + ")" if hedges else ""
                self.state.add("flags", Flag(
                    kind="unsourced_claim", severity="info",
                    message=f"The author asserts this without naming a source{why}.",
                    refs=[claim.id], spans=[(s, e)]))

    def _clauses(self):
        """Sentences, split where two independent clauses are joined: at a semicolon, or at ", and" /
        ", but" before a coordinated verb with its own subject. A split never cuts through quoted
        words or through the content of an attribution."""
        for sent in self.doc.sents:
            cuts: list[int] = []  # token index where the right-hand clause starts
            for t in sent:
                if t.text == ";" and t.i + 1 < sent.end:
                    cuts.append(t.i + 1)
                elif t.dep_ == "cc" and t.i > sent.start and self.doc[t.i - 1].text == "," \
                        and t.head.i == sent.root.i:
                    conj = next((c for c in sent.root.children if c.dep_ == "conj" and c.i > t.i), None)
                    if conj is not None and any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
                        cuts.append(t.i)
            start = sent.start
            for cut in cuts:
                left, right = self.doc[start:cut], self.doc[cut:sent.end]
                char = self.doc[cut].idx
                if self.inside_quote(char) or any(a.start < char < a.end for a in self.attrs):
                    continue
                if any(x.tag_ in FINITE_TAGS for x in left) and any(x.tag_ in FINITE_TAGS for x in right):
                    yield left
                    start = cut
            yield self.doc[start:sent.end]

    def _hedges(self, sent, s: int, e: int) -> list[str]:
        found: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []
        for pattern, kind in self.lex.hedges:
            for m in pattern.finditer(self.text, s, e):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if kind == "modal":
                    t = self.doc[self.tok(m.start())]
                    if t.tag_ != "MD":
                        continue
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.group()))
        return [h for _, h in sorted(found)]


# "BEIRUT (Reuters) - ", "KYIV, Ukraine (AP) — ", "WASHINGTON — " opening a story
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'\- ]+(?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+)*)?[ ]*(?:\([^)\n]{1,40}\))?[ ]*(?:\u2014|\u2013|--|-)[ ]+")
_END_RE = re.compile(r"[.?!](?=[\"\u201d'\u2019]?(?:\s|$))")
_ABBREV_RE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z](?:\.[A-Z])*|\b[a-z])$")


def _quoting_verb(v: Token) -> Token | None:
    """The "quoted"/"cited" of "quoted X as saying ...", when v is that "saying"."""
    if v.dep_ == "pcomp" and v.head.lower_ == "as" and v.head.head.lemma_ in {"quote", "cite"}:
        return v.head.head
    return None


def _speaker_name(toks: list[Token]) -> bool:
    """A short proper name before a colon ("PENCE:", "Pat Caddell:"), not a dateline or a label
    ("WASHINGTON:", "CLARIFICATION:")."""
    if not toks or len(toks) > 6 or not any(t.pos_ == "PROPN" for t in toks):
        return False
    return not all(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "FAC"} for t in toks if t.pos_ == "PROPN")


def _depth(tok: Token) -> int:
    """Distance from the sentence root: reporting verbs nearer the root frame the others."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _sentence_end(text: str, start: int, end: int) -> int | None:
    """End of the first sentence in text[start:end], not fooled by "Mr." or "U.S."."""
    for m in _END_RE.finditer(text, start, end):
        if m.group() == "." and _ABBREV_RE.search(text, max(start, m.start() - 6), m.start()):
            continue
        return m.end()
    return None


class _NoEnt:
    type = None


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text
