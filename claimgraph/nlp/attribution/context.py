"""The document context every attribution construction reads and writes, and the helpers they share.

`Context` holds one document's parse, its state, the attributions found so far (`attrs`) and which words
are already owned by one (`taken`, `used_verbs`): the constructions in `quoted`, `reported`, `resolve` and
`claims` are functions of it, run in the order `component` gives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.contract import Source
from claimgraph.nlp.attribution.lexicon import Cue, lexicon
from claimgraph.nlp.attribution.marks import paragraphs
from claimgraph.nlp.attribution.speakers import Sources
from claimgraph.nlp.shared.columns import dep_labels, heads, lower_strings, offsets, pos_labels
from claimgraph.nlp.state import DocState, get_state

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
NOMINATIVE = {"he", "she", "they", "it", "we", "i", "you"}
VERB_POS = {"VERB", "AUX"}
CHANNEL_PREPS = {"to", "for", "with"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# how many naming/verb words may stand between a quote and its cue ('"...," Mican told MEE in ...')
FRAME_REACH = 6
#: prepositions that introduce what a statement was about ("talked about", "warned of", "called for")
#: cue contents that report a clause ("said that ..."): "either" reports a clause when there is one, else an object
CLAUSE_CONTENT = {"clause", "either", "finding"}
TOPIC_PREPS = {"about", "of", "on", "against", "for", "over"}
#: cue meanings that ascribe a position or wish rather than report words (cues.tsv "meaning")
STANCE_MEANINGS = {"stance"}

#: emit the indirect quote of a reported statement even when quoted fragments inside it became
#: partial quotes (True gives both; False gives the partial quotes only, as PolNeAR annotates one
#: attribution per statement)
INDIRECT_WITH_PARTIALS = False


@dataclass
class Attr:
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
    void: bool = False  # its speaker cannot speak ("this decision", "many cases"): no attribution after all



@dataclass
class Context:
    """One document's attribution work: the parse, the state, and what the constructions found so far."""

    doc: Doc
    state: DocState = field(init=False)
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.state = get_state(self.doc)
        self.text = self.doc.text
        self.lex = lexicon()
        self.sources = Sources(self.state, self.doc, not_person=frozenset(self.lex.not_person_heads))
        self.sents = self.sources.sents
        self.starts, self.ends = offsets(self.doc)  # inside_quote is asked per character: no Token per call
        # the parse as plain lists, read by the scans that look around a cue (no Token made per step)
        self.heads = heads(self.doc)
        self.deps = dep_labels(self.doc)
        # the words and parts of speech the per-sentence scans test first: a Token only for a word that passes
        self.lowers = lower_strings(self.doc)  # the document's list, kept (read, never changed)
        self.pos = pos_labels(self.doc)
        self._depths: list[int] = [-1] * len(self.doc)
        # each token's children in text order: spaCy's `Token.children` walks the token's whole subtree span
        self.kids: list[list[int]] = [[] for _ in self.heads]
        for i, h in enumerate(self.heads):
            if h != i:
                self.kids[h].append(i)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.para_start_set = set(self.para_starts)
        self.attrs: list[Attr] = []
        self.taken: list[tuple[int, int]] = []  # character spans already inside a quote
        self.taken_tok = bytearray(len(self.doc))
        self.taken_chars = bytearray(len(self.text))
        self.used_verbs: set[int] = set()
        # characters inside the content of an attribution found so far (`mark_attrs`): a look-up, not a scan
        self.attr_chars = bytearray(len(self.text))
        self.marked = 0  # how many of `attrs` are marked in `attr_chars`
        self.outlet_entities: set[str] = set()  # filled by channels.outlet_entities before any construction
        self.unnamed_id: str | None = None
        self.outlet_source: Source | None = None
        self.quote_meaning: dict[str, str | None] = {}
        self.according_cache: dict[int, tuple | None] = {}  # sentence start -> grammar.according_in
        self.letters: bool | None = None  # resolve.letters_page: a page of signed letters, once read
        # characters of the datelines opening paragraphs ("WASHINGTON -- "): where a story was filed, never a speaker
        self.dateline_chars = bytearray(len(self.text))
        for p_start, p_end in self.paras:
            m = DATELINE_RE.match(self.text, p_start, p_end)
            if m:
                self.dateline_chars[p_start:m.end()] = b"\x01" * (m.end() - p_start)
        self.surnames: dict | None = None  # "al-haddad" -> the PERSON entity "Omar Al-Haddad" (resolve.with_particle)
        #: document source id -> the source that issued it ("the ministry's statement" -> the ministry), for an "it"
        #: that takes the document up again (issuers.issuer_of)
        self.issuers: dict[str, Source] = {}

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
        i = bisect.bisect_right(self.para_starts, char) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def inside_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.ends[i]:  # starts[i] <= char: bisect says so
            return bool(self.taken_tok[i])
        return 0 <= char < len(self.taken_chars) and bool(self.taken_chars[char])

    def take(self, span: tuple[int, int]) -> None:
        """Mark a stretch as owned by an attribution (its tokens are no one else's cue or content)."""
        self.taken.append(span)
        lo, hi = max(0, span[0]), min(len(self.taken_chars), span[1])
        if hi > lo:  # every character of it, so a question about one is a look-up, not a scan of all spans
            self.taken_chars[lo:hi] = b"\x01" * (hi - lo)
        i = bisect.bisect_left(self.starts, span[0])
        while i < len(self.doc) and self.doc[i].idx < span[1]:
            self.taken_tok[i] = 1
            i += 1

    def overlaps_taken(self, s: int, e: int) -> bool:
        """Whether any character of [s, e) is already owned by an attribution (a quote, a colon turn)."""
        return self.taken_chars.find(1, max(0, s), max(0, e)) >= 0

    def in_dateline(self, char: int) -> bool:
        return 0 <= char < len(self.dateline_chars) and bool(self.dateline_chars[char])

    def mark_attrs(self) -> None:
        """Mark the content of the attributions added since the last call (each is marked once)."""
        for a in self.attrs[self.marked:]:
            lo, hi = max(0, a.start), min(len(self.attr_chars), a.end)
            if hi > lo:
                self.attr_chars[lo:hi] = b"\x01" * (hi - lo)
        self.marked = len(self.attrs)

    def in_attr(self, char: int) -> bool:
        """Whether a character lies in the content of an attribution marked so far."""
        self.mark_attrs()
        return 0 <= char < len(self.attr_chars) and bool(self.attr_chars[char])

    def depth(self, tok: Token) -> int:
        """Distance from the sentence root, at most MAX_TREE_DEPTH (reporting verbs nearer the root frame the
        others), remembered for every token on the way up: each token's is found once, not once per cue below it
        (a run of cues parsed as a chain would otherwise cost O(n) per cue)."""
        path = []
        i = tok.i
        while self._depths[i] < 0 and self.heads[i] != i and len(path) <= len(self.heads):
            path.append(i)
            i = self.heads[i]
        if self._depths[i] < 0:
            self._depths[i] = 0 if self.heads[i] == i else MAX_TREE_DEPTH
        d = self._depths[i]
        for j in reversed(path):
            d = min(d + 1, MAX_TREE_DEPTH)
            self._depths[j] = d
        return self._depths[tok.i]

    def children(self, tok: Token) -> list[Token]:
        """`tok.children` as a look-up (spaCy's walks the span of the token's subtree: O(n) for a cue that heads
        a run of clauses)."""
        doc = self.doc
        return [doc[i] for i in self.kids[tok.i]]

    def cue_of(self, tok: Token) -> Cue | None:
        if tok.pos_ not in VERB_POS or tok.tag_ == "MD":
            return None
        lemma = tok.lemma_.lower()
        cue = self.lex.verbs.get(lemma)
        if cue is None and lemma + "e" in self.lex.verbs and tok.lower_ in {
                lemma + "ed", lemma + "es", lemma + "ing", lemma + "e"}:
            # the lemmatizer's lost "e": "hoped"/"hoping" -> "hop", "lambasted" -> "lambast"
            cue = self.lex.verbs[lemma + "e"]
        particles = self.lex.particle_verbs.get(lemma) if cue is None else None
        if particles:  # "she went on": a verb that reports only with its particle
            cue = next((particles[c.lower_] for c in tok.children if c.dep_ == "prt" and c.lower_ in particles), None)
        return cue

    def span_chars(self, toks: list[Token]) -> tuple[int, int] | None:
        toks = [t for t in toks if not (t.is_punct or t.is_space)]
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1])


# "BEIRUT (Reuters) - ", "KYIV, Ukraine (AP) — ", "WASHINGTON — " opening a story
DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'\- ]+(?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+)*)?[ ]*(?:\([^)\n]{1,40}\))?[ ]*(?:\u2014|\u2013|--|-)[ ]+")
_END_RE = re.compile(r"[.?!](?=[\"\u201d'\u2019]?(?:\s|$))")
_ABBREV_RE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z](?:\.[A-Z])*|\b[a-z])$")


def quoting_verb(v: Token) -> Token | None:
    """The "quoted"/"cited" of "quoted X as saying ...", when v is that "saying"."""
    if v.dep_ == "pcomp" and v.head.lower_ == "as" and v.head.head.lemma_ in lexicon().citing:
        return v.head.head
    return None


#: Penn tags of a finite verb: a headline's claim ("Poll: Voters Want Change") has one, a credit line does not
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def headline_verb(t: Token) -> bool:
    """A finite verb, or a headline's participle with its subject and the auxiliary dropped ("Voters Worried")."""
    return t.tag_ in FINITE_TAGS or "Fin" in t.morph.get("VerbForm") or (
        t.tag_ in {"VBN", "VBG"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children))


def finding_label(toks: list[Token], content: list[Token]) -> bool:
    """'Poll: Wealthy Voters Abandon The Party': a survey's label (attribution_words.tsv stating_document) before a
    headline's finding, whose title-case verb the tagger may read as a name: the finding needs no finite verb found,
    only three words. A rubric ("Analysis:") is none."""
    lemma = toks[-1].lemma_.lower()
    lex = lexicon()
    return (lemma in lex.stating_documents or toks[-1].lower_ in lex.stating_documents) \
        and toks[-1].lower_ not in lex.rubrics and sum(t.is_alpha for t in content) >= 3


def speaker_name(toks: list[Token], content: list[Token] | None = None) -> bool:
    """A short proper name before a colon ("PENCE:", "Pat Caddell:"), or a headline's capitalised label that the
    tagger took for a common noun ("Poll:", "Politifact:"; whether it can speak is colon_label's question), not a
    dateline or a label ("WASHINGTON:", "CLARIFICATION:"). The common-noun label speaks only on one line whose
    `content` after the colon has a finite verb: "Source: Office for National Statistics." credits, says nothing."""
    if not toks or len(toks) > 6:
        return False
    if not any(t.pos_ == "PROPN" for t in toks) and not (
            len(toks) <= 3 and all(t.is_alpha and t.text[0].isupper() for t in toks) and content is not None
            and not any("\n" in t.text for t in content)
            and (any(headline_verb(t) for t in content) or finding_label(toks, content))):
        return False
    return not all(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "FAC"} for t in toks if t.pos_ == "PROPN") \
        or not any(t.pos_ == "PROPN" for t in toks)


#: how far up the tree a depth is counted (a chain-shaped parse of a run of cues is O(n) deep)
MAX_TREE_DEPTH = 50


def sentence_end(text: str, start: int, end: int) -> int | None:
    """End of the first sentence in text[start:end], not fooled by "Mr." or "U.S."."""
    for m in _END_RE.finditer(text, start, end):
        if m.group() == "." and _ABBREV_RE.search(text, max(start, m.start() - 6), m.start()):
            continue
        return m.end()
    return None


class NoEntity:
    type = None


def strip_det(text: str, possessor: bool = False) -> str:
    """A source label without its article, and without its possessive ending when the label is built from a
    possessor ("the union's concern" -> "union"); a name that ends in "'s" keeps it ("Moody's", "McDonald's")."""
    for det in ("the ", "The "):
        if text.startswith(det):
            text = text[len(det):]
            break
    if not possessor:
        return text
    for pos in ("'s", "\u2019s"):
        if text.endswith(pos) and len(text) > len(pos):
            return text[:-len(pos)]
    return text
