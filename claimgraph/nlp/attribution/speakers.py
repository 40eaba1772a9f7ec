"""Speakers: the written mention, its resolution (names, pronouns, groups) and the sources registry.

Why a document-level model: in news a pronoun speaker ("he added") almost always refers to the person
being quoted or the most recently named person, so the resolver walks back through earlier speakers
and person mentions, checking gender learnt from honorifics and from earlier pronoun resolutions.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.contract import Source
from claimgraph.nlp.attribution.lexicon import lexicon
from claimgraph.nlp.attribution.sentences import SentenceIndex
from claimgraph.nlp.shared.columns import offsets
from claimgraph.nlp.shared.entity_lexicon import load_lexicon
from claimgraph.nlp.shared.names import leading_date
from claimgraph.nlp.state import DocState

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": "p", "them": "p", "their": "p", "it": "n", "its": "n", "we": "p", "i": "s", "you": "s",
}
RELATIVE = {"who", "which", "that", "whom", "whose"}
#: how many earlier mentions or speakers a pronoun reads back at most: news refers back a few sentences,
#: and a document of thousands of pronouns must not read its whole history for each (O(n^2))
LOOKBACK = 200
# dependents that are not part of the naming words of a mention
NOT_NAMING = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "prep"}
ENTITY_KIND = {
    "PERSON": "person", "ORG": "organization", "OUTLET": "outlet", "GPE": "official", "NORP": "anonymous",
    "GROUP": "organization", "FAC": "organization", "LOC": "unknown", "EVENT": "unknown",
}


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """Token range [s, e) without punctuation or spaces at its edges, as character offsets."""
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    if e <= s:
        return None
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1])


def mention_tokens(head: Token) -> tuple[int, int]:
    """Token range of the words naming `head`: its subtree minus appositions, clauses and preps."""
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in NOT_NAMING:
            continue
        sub = list(child.subtree)
        if child.i < head.i:
            left = min(left, sub[0].i)
        else:
            right = max(right, sub[-1].i)
    # keep "of"-phrases inside titles ("vice-chairman of the party Tariq Solu") when a name follows, and the
    # institution a spokesperson speaks for ("a spokeswoman for the Defence Ministry")
    for child in head.children:
        if child.dep_ == "prep" and child.i > head.i and head.pos_ != "PROPN":
            sub = list(child.subtree)
            if any(t.pos_ == "PROPN" for t in sub) and (
                    child.lower_ == "of" or (child.lower_ == "for" and head.lower_ in lexicon().speaks_for)):
                right = max(right, sub[-1].i)
    doc = head.doc
    # cut at a comma inside (a list or apposition the parser attached loosely)
    for i in range(head.i + 1, right + 1):
        if doc[i].text in {",", "(", "\u2014", "\u2013"}:
            right = i - 1
            break
    for i in range(head.i - 1, left - 1, -1):
        if doc[i].text in {",", ")", "\u2014", "\u2013"}:
            left = i + 1
            break
    # a dateline run into the first sentence ("13 Jun 2016 Syrian Observatory ... said"): a speaker never opens
    # with a date
    left += leading_date(doc[left:head.i], load_lexicon().calendar_words)
    return left, right + 1


def role_of(head: Token, span_tokens: tuple[int, int], entity_span: tuple[int, int] | None) -> str | None:
    """A role from an apposition ("X, a researcher at Y") or title words before the name."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "appos":
            s, e = child.left_edge.i, child.i + 1
            for grand in child.children:
                if grand.dep_ in {"relcl", "acl", "punct"} or grand.i < child.i:
                    continue
                e = max(e, grand.right_edge.i + 1)
            for grand in child.children:
                if grand.dep_ in {"relcl", "acl"}:
                    e = min(e, grand.left_edge.i)
            words = doc[s:e]
            text = words.text.strip(" ,")
            if text and not any(t.pos_ == "PRON" for t in words[:1]):
                return _strip_det(text)
    if entity_span is not None:
        s, e = span_tokens
        before = [t for t in doc[s:e] if t.idx < entity_span[0] and not t.is_punct]
        if before and any(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in before):
            return _strip_det(doc[before[0].i:before[-1].i + 1].text)
    return None


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


@dataclass
class Candidate:
    """A person or group the document has mentioned, for pronoun resolution."""

    pos: int  # character offset of the mention
    source_key: str
    label: str
    entity: str | None
    kind: str
    gender: str  # m | f | p | n | ? (unknown)
    speaker: bool = False
    subject: bool = False  # the mention is a clause subject (more likely to be talked about next)


@dataclass
class Sources:
    """The document's sources, deduplicated by entity or label, plus what pronoun resolution needs."""

    state: DocState
    doc: Doc
    by_key: dict[str, Source] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    history: list[Candidate] = field(default_factory=list)  # speakers so far, in text order
    _mentions: list[Candidate] | None = None
    _positions: list[int] = field(default_factory=list)  # the mentions' offsets, for bisect
    _entities: dict[str, object] = field(default_factory=dict)
    _indexed: int = -1  # how many entities `_entities` indexes
    #: last words that make a name an organisation or facility ("... Hospital"), never a person
    not_person: frozenset[str] = frozenset()
    #: the last pronoun resolution chose among several people of unknown gender ("X described Y as ... after she
    #: attacked ..."): it says nothing of the gender of the one chosen
    guessed: bool = False
    _sents: SentenceIndex | None = None
    _addressed_ids: set[str] | None = None

    @property
    def sents(self) -> SentenceIndex:
        """The document's sentence index (built on first use, once)."""
        if self._sents is None:
            self._sents = SentenceIndex(self.doc)
        return self._sents

    # ---------------------------------------------------------------- registry

    def entity(self, ent_id: str | None):
        """The entity with this id (an index, rebuilt when the entity list grows: never a scan per call)."""
        if ent_id is None:
            return None
        ents = self.state.items["entities"]
        if self._indexed != len(ents):
            self._entities = {}
            for ent in ents:
                self._entities.setdefault(ent.id, ent)
            self._indexed = len(ents)
        return self._entities.get(ent_id)

    def get(self, label: str, entity: str | None, kind: str, role: str | None = None) -> Source:
        key = entity or ("label:" + label.lower())
        src = self.by_key.get(key)
        if src is None:
            src = Source(id=self.state.new_id("sources"), label=label, entity=entity, kind=kind, role=role)
            self.state.add("sources", src)
            self.by_key[key] = src
        else:
            if src.role is None and role:
                src.role = role
            if src.kind in {"unknown", "person", "organization"} and kind in {"official", "expert", "outlet"}:
                src.kind = kind
        return src

    def key_of(self, src: Source) -> str:
        return src.entity or ("label:" + src.label.lower())

    # ---------------------------------------------------------------- mentions

    def person_mentions(self) -> list[Candidate]:
        """PERSON/ORG/OUTLET/GROUP entity mentions in text order (cached)."""
        if self._mentions is None:
            out = []
            for ent in self.state.items["entities"]:
                if ent.type not in {"PERSON", "ORG", "OUTLET", "GROUP", "GPE", "NORP"}:
                    continue
                for s, e in ent.mentions:
                    kind = self.kind_of(ent)
                    gender = "?" if kind == "person" else ("p" if ent.type in {"GROUP", "NORP"} else "n")
                    span = self.doc.char_span(s, e, alignment_mode="expand")
                    if span is not None and span.root.dep_ in {"amod", "compound"}:
                        continue  # "Democratic senators", "Turkish officials": a modifier, not a referent
                    subject = span is not None and any(t.dep_ in {"nsubj", "nsubjpass"} for t in span)
                    out.append(Candidate(s, ent.id, ent.name, ent.id, kind, gender, subject=subject))
            out.sort(key=lambda c: c.pos)
            self._mentions = out
            self._positions = [c.pos for c in out]
        return self._mentions

    def kind_of(self, ent) -> str:
        """The source kind an entity's type implies; a PERSON whose name ends in an organisation's or a
        facility's head word ("... Hospital", "... University") is an organisation, whatever the tagger said; a
        name written after Mr, Mrs or Ms ("Mr Salem", typed a place) is a person."""
        kind = ENTITY_KIND.get(ent.type, "unknown")
        words = ent.name.split()
        if kind == "person" and words and words[-1] in self.not_person:
            return "organization"
        if kind != "person" and ent.type in {"ORG", "GPE", "LOC", "FAC"} and ent.id in self._addressed():
            return "person"
        return kind

    def _addressed(self) -> set[str]:
        """Ids of the entities not typed PERSON that a mention shows addressed as a person: Mr, Mrs or Ms right before
        it or as its first word (once per document)."""
        if self._addressed_ids is None:
            starts = offsets(self.doc)[0]
            address = lexicon().address  # attribution_words.tsv: "Mr", "Ms", never "King" of a place
            self._addressed_ids = set()
            for ent in self.state.items["entities"]:
                if ent.type not in {"ORG", "GPE", "LOC", "FAC"}:
                    continue
                for s, _ in ent.mentions:
                    i = _token_at(starts, s)
                    if i is not None and (self.doc[i].lower_ in address or i > 0 and self.doc[i - 1].lower_ in address):
                        self._addressed_ids.add(ent.id)
                        break
        return self._addressed_ids

    def _gender_of(self, cand: Candidate) -> str:
        if cand.gender in {"p", "n"}:
            return cand.gender
        return self.gender.get(cand.source_key, "?")

    def learn_gender(self, doc: Doc, gendered: dict[str, str] | None = None,
                     people: set[str] | frozenset[str] = frozenset()) -> None:
        """Honorifics before person mentions give their gender ("Mr. Clarke" -> m), and so do gendered role
        nouns describing them ("her brother, Daniel Smith", "the spokeswoman, Ana Ruiz" in `gendered`)."""
        starts = offsets(doc)[0]
        titled = gendered or {}
        honorifics = lexicon().honorifics  # attribution_words.tsv honorific_m / honorific_f
        for cand in self.person_mentions():
            if cand.gender != "?":
                continue
            i = _token_at(starts, cand.pos)
            if i is None:
                continue
            # the honorific or gendered title before the mention, or its first word when the tagger took it in ("Ms
            # Ruiz", "Sheikh Ahmed")
            first = doc[i].lower_
            prev = first if first in honorifics or first in titled else doc[i - 1].lower_ if i > 0 else ""
            if honorifics.get(prev) == "m" or titled.get(prev) == "m":
                self.gender.setdefault(cand.source_key, "m")
            elif honorifics.get(prev) == "f" or titled.get(prev) == "f":
                self.gender.setdefault(cand.source_key, "f")
        for ent in self.state.items["entities"] if gendered else ():
            if ent.type != "PERSON":
                continue
            for desc in ent.descriptors:
                words = [w for w in desc.lower().replace(",", " ").split() if w in gendered]
                if words:
                    self.gender.setdefault(ent.id, gendered[words[-1]])
                    break
        self._learn_from_pronouns(doc, gendered or {}, people)

    def _learn_from_pronouns(self, doc: Doc, gendered: dict[str, str],
                             people: set[str] | frozenset[str] = frozenset()) -> None:
        """'Senator Ana Ruiz said she would not run.': a sentence naming one person and nobody else a gendered
        pronoun could stand for (no quote marks, no second name, no "his wife" or "the king", no person noun of
        `people` such as "the coach" before the pronoun), whose pronouns after the name are all of one gender,
        gives that person's gender."""
        mentions = [c for c in self.person_mentions() if c.kind == "person"]
        if not mentions:
            return
        positions = [c.pos for c in mentions]
        for sent in doc.sents:
            lo = bisect.bisect_left(positions, sent.start_char)
            hi = bisect.bisect_left(positions, sent.end_char)
            keys = {c.source_key for c in mentions[lo:hi]}
            if len(keys) != 1 or any(t.is_quote or t.lower_ in gendered for t in sent):
                continue
            first = mentions[lo].pos
            prons = [t for t in sent if t.idx > first and t.pos_ == "PRON" and PRONOUNS.get(t.lower_) in {"m", "f"}]
            own = _describing(doc, first)
            if prons and any(t.pos_ == "NOUN" and t.lemma_.lower() in people and t.i not in own
                             for t in sent if t.i < prons[-1].i):
                continue  # "praised the coach, saying he had done well": "he" may be the coach
            genders = {PRONOUNS[t.lower_] for t in prons}
            if len(genders) == 1:
                self.gender.setdefault(keys.pop(), genders.pop())

    def resolve_pronoun(self, pron: Token, exclude=None) -> Candidate | None:
        """The antecedent of a pronoun speaker: recent speakers first, then recent named mentions.

        `exclude(char)` tells which mentions cannot be antecedents (those inside quotes)."""
        g = PRONOUNS.get(pron.lower_)
        if g is None or g == "s":
            return None
        found = self._antecedent(pron, exclude, lambda c: self._agrees(c, g))
        if found is None and g == "p":
            # singular "they": an unnamed source whose gender the text never gives ("a source close to the talks said
            # ... they added"), only when no group or plural is there to take it
            found = self._antecedent(pron, exclude, lambda c: c.entity is None and c.kind in {
                "official", "anonymous", "expert"} and self._gender_of(c) == "?")
        return found

    def _agrees(self, c: Candidate, g: str) -> bool:
        """Whether a candidate can be what a pronoun of gender/number `g` stands for."""
        cg = self._gender_of(c)
        if g in {"m", "f"}:
            # a source of unknown kind that was remembered as one person ("the coach", "a driver": a role noun of
            # attribution_words.tsv person_noun, gender "?") is he or she too
            person = c.kind in {"person", "expert", "official"} or (c.kind == "unknown" and c.gender == "?")
            return person and cg in {g, "?"} and c.gender not in {"p", "n"}
        if g == "p":  # "they": groups and organisations, not places (a country is "it") nor one person
            return (cg == "p" or c.kind in {"organization", "official", "anonymous"} and cg == "n") and not (
                c.entity and c.kind == "official" and c.gender == "n")
        # "it": one organisation, country, outlet or document, never a person ("the officer") nor a group of many
        return cg == "n"

    def _antecedent(self, pron: Token, exclude, compatible) -> Candidate | None:
        """The latest `compatible` candidate a pronoun takes up: in its own sentence, the speaker being quoted, the
        latest subject, the latest mention (`resolve_pronoun`)."""
        pos = pron.idx
        sent_start = self.sents.start_char(pron)
        # window: this sentence before the pronoun and the preceding few sentences
        horizon = self.sents.start_before(pron, 4)

        # names inside quoted words are what the speaker talks about, not the speaker; the look-ups are
        # bisections over the mentions in text order, each reading at most LOOKBACK of them back
        mentions = self.person_mentions()
        end = bisect.bisect_left(self._positions, pos)

        def before(since: int) -> list[Candidate]:
            lo = max(bisect.bisect_left(self._positions, since), end - LOOKBACK)
            return [c for c in mentions[lo:end] if not (exclude and exclude(c.pos)) and compatible(c)]

        # 1. the same sentence: a subject named before the pronoun ("Mican says that ... he ...")
        same = before(sent_start)
        # several people of unknown gender to choose from: the choice is a guess, and teaches no gender
        self.guessed = len({c.source_key for c in same if self._gender_of(c) == "?"}) > 1
        if same:
            return ([c for c in same if c.subject] or same)[-1]
        # 2. the last speaker, when quoted recently and no other subject has come up since
        recent = before(horizon)
        last_speaker = next((c for c in itertools.islice(reversed(self.history), LOOKBACK)
                             if c.pos < pos and compatible(c)), None)
        if last_speaker is not None and last_speaker.pos >= horizon:
            newer = [c for c in recent if c.pos > last_speaker.pos and c.subject
                     and c.source_key != last_speaker.source_key]
            return newer[-1] if newer else last_speaker
        # 3. the most recent subject, else the most recent mention
        if recent:
            return ([c for c in recent if c.subject] or recent)[-1]
        if last_speaker is not None:
            return last_speaker
        return next((mentions[i] for i in range(end - 1, max(-1, end - 1 - LOOKBACK), -1)
                     if not (exclude and exclude(mentions[i].pos)) and compatible(mentions[i])), None)

    def remember(self, cand: Candidate, pronoun: str | None = None) -> None:
        cand.speaker = True
        self.history.append(cand)
        g = PRONOUNS.get(pronoun or "")
        if g in {"m", "f"} and cand.gender == "?":
            self.gender.setdefault(cand.source_key, g)


def plural_name(span: Span) -> bool:
    """'the Houthis', 'the Kurds': a name after "the" ending in a plural "-s" names many ("Hamas" has no "the"; the
    tagger often says NNP for such a plural)."""
    root, first = span.root, span[0]
    det = first if first.lower_ == "the" else (span.doc[first.i - 1] if first.i > 0 else None)
    return det is not None and det.lower_ == "the" and root.lower_.endswith("s") and not root.lower_.endswith("ss")


def _describing(doc: Doc, char: int) -> set[int]:
    """The nouns that describe the person named at `char` in the same phrase ("Her colleague, James Reed" or "James
    Reed, a nurse": the colleague and the nurse are James Reed, not another person a pronoun could stand for)."""
    i = _token_at(offsets(doc)[0], char)
    if i is None:
        return set()
    t, own = doc[i], {i}
    while t.dep_ in {"compound", "flat", "appos"} and t.head.i != t.i and len(own) < 8:
        t = t.head
        own.add(t.i)
    for top in list(own):
        own.update(c.i for c in doc[top].children if c.dep_ == "appos")
    return own


def _token_at(starts: list[int], char: int) -> int | None:
    i = bisect.bisect_right(starts, char) - 1
    return i if i >= 0 else None
