"""Entities component: who and what the article names, with aliases and descriptors.

Starts from spaCy's NER and corrects its systematic misses with general rules and data lists:
- OUTLET (news organisations) from `data/outlets.tsv` and cues ("news organization X", "X is reporting",
  names ending in News/Times/Post/..., the document's own outlet), GROUP (armed and political groups)
  from `data/armed_groups.tsv`; list matches win over spaCy's label (spaCy tags outlets LOC, "Daesh" GPE).
- A proper name in front of a facility noun ("the group's Uskudar office") is a place, not an ORG.
- In-document aliases: surnames ("Mican" -> "Kursat Mican"), acronyms ("MEE" <-> "Middle East Eye"),
  data-listed aliases ("Daesh" -> "ISIS").
- Descriptors from appositions and titles ("Kursat Mican, the Istanbul chairman of Alperen Ocaklari";
  "the Prime Minister Ahmet Davutoglu").

It rewrites `doc.ents` with the corrected spans (contract labels; DATE, CARDINAL, ... kept) so later
components see the same entities, and fills `state.entity_mentions` for `state.entity_at`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.contract import Entity
from claimgraph.data import read_text
from claimgraph.nlp.shared.entity_lexicon import Lexicon, load_lexicon
from claimgraph.nlp.shared.names import leading_date
from claimgraph.nlp.shared.text import token_texts, tokens_text
from claimgraph.nlp.state import get_state, report_failure

CONTRACT_TYPES = ("PERSON", "ORG", "OUTLET", "GPE", "LOC", "NORP", "FAC", "GROUP", "EVENT")
#: labels that list matches and cues may relabel (spaCy puts outlets and groups in any of these)
RELABELABLE = {"ORG", "GPE", "LOC", "FAC", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
DESCRIBED_TYPES = {"PERSON", "ORG", "OUTLET", "GROUP"}
#: spaCy labels of a firm or venue whose name may end in "'s" ("Moody's", "McDonald's", "Sotheby's")
ORG_LIKE = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"}
TIME_NOUNS = {"year", "years", "week", "weeks", "month", "months", "day", "days", "time", "night", "morning"}
ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "de", "al", "el", "&"}
#: a descriptor phrase longer than this (relative clauses included) is a clause, not a title or apposition
MAX_PHRASE_TOKENS = 150
#: the longest title read before a name, in tokens ("the vice-chairman of the Syrian National Coalition" is
#: 8); bounds the walk back so that a run of thousands of names costs each name a few steps, not the whole run
MAX_TITLE_TOKENS = 16


@dataclass
class Candidate:
    """One entity mention before grouping: token span, contract label, canonical name if known."""

    start: int
    end: int
    label: str
    canonical: str | None = None
    from_list: bool = False

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class _Group:
    key: str
    label_votes: Counter = field(default_factory=Counter)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    canonical: str | None = None
    descriptors: list[str] = field(default_factory=list)


@Language.factory(
    "claimgraph_entities",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc.ents", "doc._.cg_entities"],
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, load_lexicon())


class EntitiesComponent:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._place_cues = frozenset(lexicon.place_cues)  # looked up, not scanned, for every candidate
        self._cue_lengths = sorted({len(cue) for cue in lexicon.place_cues})
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, table in (("OUTLET", lexicon.outlets), ("GROUP", lexicon.groups)):
            for form, canonical in table.items():
                self.matcher.add(f"{label}\t{canonical}", [nlp.make_doc(form)])

    # -- candidates -------------------------------------------------------------------------------
    def _spacy_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in CONTRACT_TYPES and ent.label_ not in RELABELABLE:
                continue
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in DETERMINERS:
                start += 1
            while end > start and doc[end - 1].tag_ == "POS":
                end -= 1
            if start < end:
                out.append(Candidate(start, end, ent.label_))
        named = _names_ending_in_s(doc, out)
        for cand in out:
            if cand.end < len(doc) and doc[cand.end].tag_ == "POS" and doc[cand.start:cand.end].text in named:
                cand.end += 1  # "Moody's analysts": the name and its possessive written as one "'s"
        return out

    def _list_candidates(self, doc: Doc) -> list[Candidate]:
        out = []
        text = doc.text
        lines: dict[int, tuple[int, bool]] = {}  # line start -> (letters, all upper): each line read once
        for match_id, start, end in self.matcher(doc):
            label, canonical = doc.vocab.strings[match_id].split("\t", 1)
            span = doc[start:end]
            if len(span.text) <= 3 and span.text.isupper() and _in_all_caps_line(span, text, lines):
                continue  # "IS" or "AP" inside a shouted headline is not the group or the agency
            out.append(Candidate(start, end, label, canonical, from_list=True))
        return filter_candidates(out)

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._emit(doc, self._collect(doc, state.meta.outlet), state)
        except Exception as exc:  # noqa: BLE001 - never lose an article to an entity rule: spaCy's entities instead
            report_failure(doc, "claimgraph_entities", exc)
            self._fallback(doc, state)
        return doc

    def _fallback(self, doc: Doc, state) -> None:
        """spaCy's own entities, without our corrections, after a failure (or none if even that fails)."""
        state.items["entities"].clear()
        try:
            candidates = [c for c in self._spacy_candidates(doc) if c.label in CONTRACT_TYPES]
            self._emit(doc, candidates, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text
            report_failure(doc, "claimgraph_entities (fallback)", exc)
            state.items["entities"].clear()
            state.index_entity_mentions()

    def _collect(self, doc: Doc, document_outlet: str | None) -> list[Candidate]:
        spacy_cands = self._spacy_candidates(doc)
        list_cands = self._list_candidates(doc)
        merged = list(list_cands)
        listed_at = _token_owners_all(list_cands)  # token -> list candidates on it: no scan per candidate
        removed: set[int] = set()
        for cand in spacy_cands:
            clash = list({id(lc): lc for i in range(cand.start, cand.end) for lc in listed_at.get(i, ())}.values())
            if not clash:
                merged.append(cand)
            elif cand.label == "PERSON" and all(cand.start < lc.start or lc.end < cand.end for lc in clash):
                # a person whose name contains a listed word ("Liam Fox") stays a person
                removed.update(id(lc) for lc in clash)
                merged.append(cand)
        merged = [m for m in merged if id(m) not in removed]
        check_time = get_state(doc).check_time
        for cand in merged:
            check_time()
            if not cand.from_list:
                self._correct(doc, cand, document_outlet)
        merged = [c for c in merged if c.label in CONTRACT_TYPES]
        merged = self._add_surnames(doc, merged)
        merged = self._add_acronyms(doc, merged)
        return filter_candidates(merged)

    def _correct(self, doc: Doc, cand: Candidate, document_outlet: str | None) -> None:
        """General fixes for spaCy's systematic label errors, in place."""
        lex = self.lexicon
        span = doc[cand.start:cand.end]
        before = doc[cand.start - 1] if cand.start > 0 else None
        after = doc[cand.end] if cand.end < len(doc) else None
        if document_outlet and span.text == document_outlet:
            cand.label, cand.canonical = "OUTLET", document_outlet
        elif before is not None and before.lemma_.lower() in lex.outlet_descriptor_nouns and cand.label != "NORP":
            cand.label = "OUTLET"  # "the independent news organization Middle East Eye"
        elif cand.label == "ORG" and doc[cand.end - 1].text in lex.outlet_name_words and len(span) > 1:
            cand.label = "OUTLET"  # "The Washington Post", "Kyiv Independent"
        elif cand.label in {"LOC", "FAC", "WORK_OF_ART", "PRODUCT"} and _is_subject_of(span, lex.report_verbs):
            cand.label = "OUTLET"  # "X is reporting": places do not report
        elif (
            cand.label in {"ORG", "NORP"} and after is not None and after.text in lex.facility_nouns
            and len(span) <= 2 and all(t.pos_ == "PROPN" and not t.is_upper for t in span)
        ):
            cand.label = "GPE"  # "the Uskudar office": a place name in front of a facility noun
        elif cand.label in {"GPE", "LOC"} and any(t.text in lex.org_head_words for t in span[1:]):
            cand.label = "ORG"  # "Syrian Observatory for Human Rights" is not a place
        elif cand.label == "PERSON" and len(span) > 1 and span[-1].text in lex.not_person_heads:
            cand.label = lex.not_person_heads[span[-1].text]  # "the Kamal Adwan Hospital" is no person
        elif cand.label in {"ORG", "PERSON"} and self._place_context(doc, cand):
            cand.label = "GPE"  # "the town of Foua", "near Hama", "GAZIANTEP, Turkey"
        elif cand.label in {"PRODUCT", "WORK_OF_ART"}:
            cand.label = "DROP"
        verb = next((t.i for t in span[1:] if t.text in headline_verbs()), None) \
            if cand.label in {"ORG", "PERSON"} and _in_title_case_line(doc, span) else None
        if verb is not None:
            cand.end = verb  # "Merkel Says European Union Will ...": a headline's verb ends the name before it
            span = doc[cand.start:cand.end]
        if cand.label in {"ORG", "PERSON", "GPE", "LOC", "FAC"}:
            lead = leading_date(span, lex.calendar_words)
            if lead and lead < len(span) and any(t.tag_ == "NNP" for t in span[lead:]):
                cand.start += lead  # "13 Jun 2016 Syrian Observatory ...": a dateline run into the first sentence
                span = doc[cand.start:cand.end]
        if cand.label in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and any(
            t.like_num or (t.text in lex.calendar_words and cand.label != "PERSON") for t in span
        ):  # (Theresa May stays a person)
            cand.label = "DROP"  # "Sun 05 Jul" at the head of a dateline is a date, not an organisation

    def _place_context(self, doc: Doc, cand: Candidate) -> bool:
        """A short name right after a place cue, or followed by ", <country or region>", is a place."""
        span = doc[cand.start:cand.end]
        if len(span) > 3 or any(t.text in self.lexicon.org_head_words for t in span):
            return False
        cues = self._place_cues
        for n in self._cue_lengths:  # one look-up per cue length, not one slice per cue
            if cand.start >= n and tuple(doc[i].lower_ for i in range(cand.start - n, cand.start)) in cues:
                return True
        if cand.end + 1 < len(doc) and doc[cand.end].text == "," and doc[cand.end + 1].ent_type_ == "GPE":
            nxt = doc[cand.end + 1]
            return nxt.i + 1 >= len(doc) or not nxt.nbor().is_alpha or nxt.nbor().text in {",", "-", "—", "–", "("}
        return False

    def _add_surnames(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """A lone surname or given name of a person named in full elsewhere is that person."""
        parts: dict[str, str] = {}
        for cand in cands:
            span = doc[cand.start:cand.end]
            if cand.label == "PERSON" and len(span) >= 2:
                for token in (span[-1], span[0]):
                    if token.text[:1].isupper() and name_part(token.text):
                        parts.setdefault(_part_key(token.text), span.text)
        if not parts:
            return cands
        at = _token_owners(cands)
        dropped: set[int] = set()
        added: list[Candidate] = []
        check_time = get_state(doc).check_time
        for i, text in enumerate(token_texts(doc)):
            if not i & 1023:
                check_time()
            if text[:1].isupper() and _part_key(text) in parts:
                clash = at.get(i)
                if clash is not None and (
                    (clash.label == "PERSON" and clash.end - clash.start > 1) or clash.from_list
                ):
                    continue  # part of a full mention already, or a listed outlet or group
                if clash is not None:
                    dropped.add(id(clash))
                added.append(Candidate(i, i + 1, "PERSON"))
        return [c for c in cands if id(c) not in dropped] + added

    def _add_acronyms(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Acronyms of multi-word names written elsewhere in the text ("MEE" for "Middle East Eye")."""
        acronyms: dict[str, Candidate] = {}
        for cand in cands:
            if cand.label in {"ORG", "OUTLET", "GROUP", "FAC"} and cand.end - cand.start >= 2:
                acronym = _acronym(doc[cand.start:cand.end])
                if acronym:
                    acronyms.setdefault(acronym, cand)
        if not acronyms:
            return cands
        at = _token_owners(cands)
        dropped: set[int] = set()
        added: list[Candidate] = []
        for i, text in enumerate(token_texts(doc)):
            full = acronyms.get(text)
            if full is None or full.start <= i < full.end:
                continue
            clash = at.get(i)
            if clash is not None and clash.from_list and clash.label != full.label:
                continue
            if clash is not None:
                dropped.add(id(clash))
            added.append(Candidate(i, i + 1, full.label, full.canonical or doc[full.start:full.end].text))
        return [c for c in cands if id(c) not in dropped] + added

    # -- grouping and output --------------------------------------------------------------------------
    def _emit(self, doc: Doc, cands: list[Candidate], state) -> None:
        groups: dict[str, _Group] = {}
        order: list[str] = []
        name_parts = _name_part_owners(doc, cands)
        suffixes = _person_suffixes(name_parts)
        for cand in sorted(cands, key=lambda c: c.start):
            state.check_time()
            span = doc[cand.start:cand.end]
            if len(span) == 1 and cand.label == "ORG" and ("OUTLET", _fold(span.text)) in name_parts:
                cand.label = "OUTLET"  # "the Post" after "The New York Post"
            key = self._key(span, cand, name_parts, suffixes)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(key=key, canonical=cand.canonical)
                order.append(key)
            group.label_votes[cand.label] += 3 if cand.from_list else 1
            group.mentions.append((cand.start, cand.end))
            described = self._descriptors(span, cand.label) if cand.label in DESCRIBED_TYPES else []
            for descriptor in described:
                if descriptor not in group.descriptors:
                    group.descriptors.append(descriptor)
        spans = []
        for key in order:
            group = groups[key]
            label = _vote(group.label_votes)
            surface = [tokens_text(doc, s, e) for s, e in group.mentions]
            # the fullest form, preferring "Damascus" over a dateline's "DAMASCUS"
            name = group.canonical or max(surface, key=lambda t: (len(t.split()), not t.isupper(), len(t)))
            aliases = list(dict.fromkeys([name, *surface]))
            mentions = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in group.mentions]
            entity = Entity(
                id=state.new_id("entities"), name=name, type=label, aliases=aliases,
                mentions=mentions, descriptors=group.descriptors,
            )
            state.add("entities", entity)
            spans.extend(Span(doc, s, e, label=label) for s, e in group.mentions)
        others = [ent for ent in doc.ents if ent.label_ not in CONTRACT_TYPES and ent.label_ not in RELABELABLE]
        doc.ents = filter_spans(spans + others)
        state.index_entity_mentions()

    def _key(self, span: Span, cand: Candidate, name_parts: dict[tuple[str, str], str],
             suffixes: dict[str, str]) -> str:
        if cand.canonical:
            return cand.canonical
        folded = _fold(span.text)
        if len(span) == 1 and (cand.label, folded) in name_parts and (len(span.text) != 2 or span.text.istitle()):
            return name_parts[(cand.label, folded)]
        if cand.label == "PERSON":
            # "De Blasio" after "Bill de Blasio", "O'Neill" after "James O’Neill"
            return suffixes.get(folded, folded)
        return span.text if span.text.isupper() and len(span.text) <= 5 else _fold(span.text)

    def _descriptors(self, span: Span, label: str) -> list[str]:
        """Appositions ("X, the chairman of Y, ...") and titles written before the name."""
        out = []
        root = span.root
        for child in root.children:
            if (
                child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and child.i >= span.end
                and not child.ent_type_
                and any(t.text == "," for t in span.doc[span.end:child.i])
            ):
                text = _phrase_without_clauses(child)
                if text:
                    out.append(text)
        left = self._left_title(span)
        if left:
            out.append(left)
        if (root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start
                and label != "GROUP"):
            text = _phrase_without_clauses(root.head, stop_at=span.start)
            if text and text not in out:
                out.append(text)
        # a descriptor of only spaces or punctuation-turned-space is no descriptor
        return [d for d in out if d.split() and d.split()[-1].lower() not in TIME_NOUNS]

    def _left_title(self, span: Span) -> str | None:
        """Tokens right before the name that form its title ("the Prime Minister", "vice-chairman of X")."""
        doc = span.doc
        i = span.start - 1
        allowed_pos = {"NOUN", "PROPN", "ADJ", "DET", "PART"}
        # within the name's sentence: walked back token by token (`span.sent` walks the whole sentence each time)
        while i >= 0 and not doc[i + 1].is_sent_start:
            if span.start - i > MAX_TITLE_TOKENS:
                return None  # a run this long of names and nouns is a list or a heading, not one title
            token = doc[i]
            if (token.pos_ in allowed_pos or token.text in {"-", "of"}) and token.tag_ != "POS":
                if token.ent_type_ == "PERSON" or (token.pos_ == "DET" and token.lower_ not in DETERMINERS):
                    break
                i -= 1
                continue
            break
        start = i + 1
        while start < span.start and (doc[start].lower_ in DETERMINERS or doc[start].text in {"-", "of"}):
            start += 1
        if start >= span.start:
            return None
        words = doc[start:span.start]
        if words[-1].text == "of" or words[-1].tag_ == "POS" or words[-1].pos_ == "DET":
            return None
        if not any(t.lower_ in self.lexicon.titles or (t.pos_ == "NOUN" and t.is_lower) for t in words):
            return None
        return words.text


#: how many characters a headline line runs at most on either side of a name
HEADLINE_REACH = 200


def _in_title_case_line(doc: Doc, span: Span) -> bool:
    """A headline verb only ends a name in a title-case line ("Merkel Says Union Will ..."), never in running prose
    ("Mohamed Said, a resident of Homs, told ..."): most of the line's longer words are capitalised."""
    text, reach = doc.text, HEADLINE_REACH  # a headline is short: never scan a long paragraph (linear work)
    lo, hi = max(0, span.start_char - reach), min(len(text), span.end_char + reach)
    start, end = text.rfind("\n", lo, span.start_char), text.find("\n", span.end_char, hi)
    if (start < 0 and lo > 0) or (end < 0 and hi < len(text)):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text[start + 1:end if end >= 0 else hi]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _part_key(text: str) -> str:
    """How a lone name part is matched: a two-letter part in its exact case ("Xi", "Oz"; "UN" is not the "Un" of
    "Kim Jong Un"), a longer one case-folded."""
    return text if len(text) == 2 else _fold(text)


@lru_cache(maxsize=1)
def short_name_stop() -> frozenset[str]:
    """entity_cues.json `short_name_stop`: two-letter title, suffix and particle words ("Dr", "Jr", "Al")."""
    return frozenset(json.loads(read_text("entity_cues.json") or "{}").get("short_name_stop", ()))


def name_part(text: str) -> bool:
    """Whether a first or last word of a full name names the person alone: three letters or more, or two
    letters that are no title, suffix or particle ("Xi" of "Xi Jinping", "Oz" of "Mehmet Oz"; not "Jr")."""
    return len(text) > 2 or len(text) == 2 and text.isalpha() and _fold(text) not in short_name_stop()


@lru_cache(maxsize=1)
def headline_verbs() -> frozenset[str]:
    """entity_cues.json `headline_verbs`: a headline's title-case speech verbs ("Says", "Warns")."""
    return frozenset(json.loads(read_text("entity_cues.json") or "{}").get("headline_verbs", ()))


def _names_ending_in_s(doc: Doc, cands: list[Candidate]) -> set[str]:
    """Organisation names whose "'s" is part of the name ("Moody's", "McDonald's", "Sotheby's"): written with an
    "'s" somewhere that possesses nothing ("Moody's downgraded the debt", "sold at Sotheby's."), where a
    possessive ("Trump's campaign") makes the name before it a possessor."""
    out = set()
    for cand in cands:
        if cand.label not in ORG_LIKE or cand.end >= len(doc) or doc[cand.end].tag_ != "POS":
            continue
        last = doc[cand.end - 1]
        if last.dep_ != "poss" and doc[cand.end].head.i == last.i:
            out.add(doc[cand.start:cand.end].text)
    return out


def _token_owners(cands: list[Candidate]) -> dict[int, Candidate]:
    """Token index -> the candidate covering it (candidates may overlap; the longest wins)."""
    owners: dict[int, Candidate] = {}
    for cand in sorted(cands, key=lambda c: c.end - c.start):
        for i in range(cand.start, cand.end):
            owners[i] = cand
    return owners


def filter_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, preferring list matches, then longer spans, then earlier ones."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (not c.from_list, -(c.end - c.start), c.start)):
        tokens = range(cand.start, cand.end)
        if not taken.intersection(tokens):
            chosen.append(cand)
            taken.update(tokens)
    return sorted(chosen, key=lambda c: c.start)


def _name_part_owners(doc: Doc, cands: list[Candidate]) -> dict[tuple[str, str], str]:
    """Which full name a lone surname or given name stands for ("Clinton" -> "Hillary Clinton").

    With several candidates ("Hillary Clinton", "Chelsea Clinton") the one named most often wins, then
    the one named first: news writing shortens the name of its main subject. Outlets shorten too
    ("the Post" for "The New York Post").
    """
    counts: Counter = Counter()
    first_seen: dict[str, int] = {}
    for cand in cands:
        if cand.label in {"PERSON", "OUTLET"} and cand.end - cand.start >= 2:
            name = _fold(doc[cand.start:cand.end].text)
            counts[(cand.label, name)] += 1
            first_seen.setdefault(name, cand.start)
    owners: dict[tuple[str, str], str] = {}
    ranked = sorted(counts, key=lambda k: (-counts[k], first_seen[k[1]]))
    for label, name in ranked:
        tokens = name.split()
        parts = (tokens[-1], tokens[0]) if label == "PERSON" else (tokens[-1],)
        for part in parts:
            if name_part(part):
                owners.setdefault((label, part), name)
    return owners


def _token_owners_all(cands: list[Candidate]) -> dict[int, list[Candidate]]:
    """Token index -> every candidate covering it (candidates may overlap)."""
    owners: dict[int, list[Candidate]] = {}
    for cand in cands:
        for i in range(cand.start, cand.end):
            owners.setdefault(i, []).append(cand)
    return owners


def _person_suffixes(name_parts: dict[tuple[str, str], str]) -> dict[str, str]:
    """Every trailing part of a full name ("de blasio" of "bill de blasio") -> the first full name ending so.

    Built once per document, so naming a person costs a look-up, not a scan of every name in the document.
    """
    suffixes: dict[str, str] = {}
    for (label, _part), owner in name_parts.items():
        if label == "PERSON":
            for i, ch in enumerate(owner):
                if ch == " ":
                    suffixes.setdefault(owner[i + 1:], owner)
    return suffixes


def _fold(text: str) -> str:
    """Comparison form of a name: typographic apostrophes straightened, case folded."""
    return text.replace("’", "'").replace("‘", "'").lower()


def _vote(votes: Counter) -> str:
    for strong in ("OUTLET", "GROUP"):
        if votes[strong] >= 3 or (votes[strong] and votes[strong] >= max(votes.values())):
            return strong
    return votes.most_common(1)[0][0]


def _acronym(span: Span) -> str | None:
    letters = [t.text[0] for t in span if t.text[:1].isupper() and t.lower_ not in ACRONYM_SKIP]
    return "".join(letters) if len(letters) >= 2 else None


def _in_all_caps_line(span: Span, text: str, lines: dict[int, tuple[int, bool]] | None = None) -> bool:
    """`text` is the doc's text, read once by the caller: spaCy rebuilds doc.text on every read. `lines` caches
    each line's (letter count, all upper): a one-line document naming "IS" a thousand times reads it once."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    known = lines.get(line_start) if lines is not None else None
    if known is None:
        line_end = text.find("\n", span.end_char)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        upper = all(map(str.isupper, filter(str.isalpha, line)))  # C-level loops: stops at the first lower letter
        known = (sum(map(str.isalpha, line)) if upper else 0, upper)  # the count matters only for an upper line
        if lines is not None:
            lines[line_start] = known
    return known[0] > len(span.text) + 3 and known[1]


def _is_subject_of(span: Span, verbs: frozenset[str]) -> bool:
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in verbs


def _phrase_without_clauses(head: Token, stop_at: int | None = None) -> str | None:
    """The phrase under `head` without determiners at its edge, relative clauses or trailing punctuation."""
    if head.right_edge.i - head.left_edge.i > MAX_PHRASE_TOKENS:
        return None  # a whole clause, not a descriptor; and scanning it for every name would cost O(n^2)
    drop: set[int] = set()
    for token in head.subtree:
        if token.dep_ in {"relcl", "acl", "punct", "appos"} and token is not head:
            drop.update(t.i for t in token.subtree)
    tokens = [t for t in head.subtree if t.i not in drop and (stop_at is None or t.i < stop_at)]
    if not tokens:
        return None
    # keep a contiguous run starting at the phrase's first token
    run = [tokens[0]]
    for token in tokens[1:]:
        if token.i != run[-1].i + 1:
            break
        run.append(token)
    while run and (run[0].lower_ in DETERMINERS or run[0].is_punct):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].lower_ in {"of", "and", "who", "which"}):
        run = run[:-1]
    if not run:
        return None
    return head.doc[run[0].i: run[-1].i + 1].text  # a span's text, not doc.text (rebuilt on every read)
