"""The attribution knowledge, read from data files: cue verbs and phrases, hedges, speaker group nouns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.data import read_rows, read_text


@dataclass(frozen=True)
class Cue:
    text: str
    type: str  # verb | phrase | adverb | noun
    meaning: str  # assert | report | claim | believe | estimate | deny | accuse | describe | warn | ...
    content: str  # clause | object
    passive: str = ""  # "listener": its passive's subject is the one told ("were told to"), nothing said is raised


@dataclass
class Lexicon:
    verbs: dict[str, Cue] = field(default_factory=dict)
    phrases: dict[str, Cue] = field(default_factory=dict)
    adverbs: dict[str, Cue] = field(default_factory=dict)
    nouns: dict[str, Cue] = field(default_factory=dict)
    #: (compiled pattern, hedge kind), longest phrases first
    hedges: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    #: attribution_words.tsv: name particles ("al", "bin", "de"), gendered role nouns, manner objects
    particles: set[str] = field(default_factory=set)
    gendered: dict[str, str] = field(default_factory=dict)  # noun -> "m" | "f"
    manner: set[str] = field(default_factory=set)
    speaks_for: set[str] = field(default_factory=set)  # "a spokeswoman for the ministry"
    quantifiers: set[str] = field(default_factory=set)  # "a large number of recruits": the recruits speak
    not_speakers: set[str] = field(default_factory=set)  # "this decision", "the way": nobody who can speak
    rubrics: set[str] = field(default_factory=set)  # "Correction:", "UPDATE:": a page's rubric, never a speaker
    implicative: set[str] = field(default_factory=set)  # "forced the chief to admit": the object did speak
    wishes: set[str] = field(default_factory=set)  # "I hope X says ...": an utterance wished for, not made
    negating: set[str] = field(default_factory=set)  # "refused to call it ...": the cue under it says nothing
    closings: set[str] = field(default_factory=set)  # "Yours sincerely,": the name after it signs the letter
    negating_with: dict[str, str] = field(default_factory=dict)  # "stop" negates only with "short"
    same_words: set[str] = field(default_factory=set)  # "said the same", "said as much", "said so"
    said_object_cues: set[str] = field(default_factory=set)  # "say": an object after it is a misparsed clause
    sentence_openers: set[str] = field(default_factory=set)  # "the", "it": capitalised after a lost full stop
    concessives: set[str] = field(default_factory=set)  # ", although he refused ...": the writer's aside
    adverbial_marks: set[str] = field(default_factory=set)  # "said before he died": a time, not a clause said
    audience_preps: set[str] = field(default_factory=set)  # "writes for the paper": for whom, not what
    statement_preps: set[str] = field(default_factory=set)  # "said in a statement that": the clause is said
    refused_acts: set[str] = field(default_factory=set)  # "declined to comment": a refusal that is a report
    topic_meanings: set[str] = field(default_factory=set)  # cue meanings that with topic_preps name only a topic
    topic_preps: set[str] = field(default_factory=set)  # "commented on", "spoke about": a topic, no statement
    person_nouns: set[str] = field(default_factory=set)  # "the coach": a person a pronoun may stand for
    #: verb cues of two words ("go on"): the verb's lemma -> its particle -> the cue ('"...," she went on')
    particle_verbs: dict[str, dict[str, Cue]] = field(default_factory=dict)
    citing: set[str] = field(default_factory=set)  # "citing officials", "quoting the mayor": whose words are relayed
    portrayals: set[str] = field(default_factory=set)  # "pounding X as a \"con artist\"": a judging verb casts X
    mute_pronouns: set[str] = field(default_factory=set)  # "it", "which": a pronoun for a thing, never a speaker
    continuing: set[str] = field(default_factory=set)  # "a man who said ..., adding ...": goes on speaking
    coordinators: set[str] = field(default_factory=set)  # "A, but B, the official added": joins two statements
    request_cues: set[str] = field(default_factory=set)  # "let us know what ...": asked of the reader, not reported
    stating_documents: set[str] = field(default_factory=set)  # "In the latest survey, ...": the survey states it
    view_adjectives: set[str] = field(default_factory=set)  # "is convinced that ...": the subject's view
    view_adjectives_with: dict[str, str] = field(default_factory=dict)  # "clear" states a view only after "make"
    as_reports: set[str] = field(default_factory=set)  # "..., as X has said": "said" reports; "as X spoke" is time
    stating_documents_anywhere: set[str] = field(default_factory=set)  # "fell in a new poll": no opening needed
    headline_speech_verbs: set[str] = field(default_factory=set)  # "Governor Vows To ...": a headline's report
    headline_particles: set[str] = field(default_factory=set)  # "Called Off", "Blasted By": passive or phrasal
    headline_tail_verbs: set[str] = field(default_factory=set)  # "..., Aid Group Says": a headline's closing frame
    #: attribution_meanings.tsv: role -> the cue meanings (or contents, for object_content) that play it
    meaning_roles: dict[str, set[str]] = field(default_factory=dict)
    #: entity_cues.json `not_person_heads` and attribution_words.tsv organisation_end ("Watch"): a name ending in one
    #: of these is an organisation or a facility, never a person
    not_person_heads: set[str] = field(default_factory=set)
    #: entity_cues.json `headline_verbs`: a headline's title-case speech verbs ("Says", "Vows")
    headline_verbs: set[str] = field(default_factory=set)
    #: attribution_words.tsv honorific_m / honorific_f: "Mr", "Lady" before a name -> "m" | "f"
    honorifics: dict[str, str] = field(default_factory=dict)
    address: set[str] = field(default_factory=set)  # "Mr", "Ms": a name after it is a person's
    issuer_preps: set[str] = field(default_factory=set)  # "a statement from the ministry": its issuer
    ruling_documents: set[str] = field(default_factory=set)  # "citing the treaty": grounds, no words relayed
    holidays: set[str] = field(default_factory=set)  # "citing Ramadan": grounds, never a speaker
    #: attribution_entity_types.tsv: role ("issuer", "cited") -> the entity types that can play it
    entity_roles: dict[str, set[str]] = field(default_factory=dict)

    def names_person(self, lemma: str) -> bool:
        """Whether a common noun names one person by role, title or relation ("the officer", "a witness", "the
        spokeswoman"), never an institution ("the ministry", "the army"): such a noun is "he"/"she", never "it"."""
        return lemma in self.titles or lemma in self.person_nouns or lemma in self.gendered or \
            self.groups.get(lemma) in {"expert", "anonymous", "person"}

    def plays(self, value: str, role: str) -> bool:
        """Whether a cue meaning (or content) plays a role of attribution_meanings.tsv ("assert" is "nested")."""
        return value in self.meaning_roles.get(role, ())


#: attribution_words.tsv classes read into a set of the same purpose
#: attribution_words.tsv kinds that are plain word sets, and the Lexicon attribute each fills
_SETS = {"particle": "particles", "manner": "manner", "speaks_for": "speaks_for", "quantifier": "quantifiers",
         "not_speaker": "not_speakers", "rubric": "rubrics", "implicative": "implicative", "wish": "wishes",
         "negating": "negating", "closing": "closings", "same": "same_words", "said_object_cue": "said_object_cues",
         "sentence_opener": "sentence_openers", "concessive": "concessives", "topic_meaning": "topic_meanings",
         "topic_prep": "topic_preps", "portraying": "portrayals",
         "person_noun": "person_nouns", "citing": "citing", "mute_pronoun": "mute_pronouns",
         "stating_document": "stating_documents", "view_adjective": "view_adjectives", "as_report": "as_reports",
         "stating_document_anywhere": "stating_documents_anywhere", "headline_speech_verb": "headline_speech_verbs",
         "headline_particle": "headline_particles", "headline_tail_verb": "headline_tail_verbs",
         "adverbial_mark": "adverbial_marks",
         "audience_prep": "audience_preps", "refused_act": "refused_acts", "statement_prep": "statement_preps",
         "address": "address", "issuer_prep": "issuer_preps", "ruling_document": "ruling_documents",
         "holiday": "holidays", "request_cue": "request_cues",
         "continuing": "continuing", "coordinator": "coordinators"}
#: attribution_words.tsv honorific classes and the gender each gives
_HONORIFIC = {"honorific_m": "m", "honorific_f": "f"}


def _rows(name: str) -> list[list[str]]:
    return read_rows(name)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _rows("cues.tsv"):
        if len(row) < 4:
            continue
        cue = Cue(row[0].strip().lower(), row[1].strip(), row[2].strip(), row[3].strip(),
                  row[4].strip() if len(row) > 4 else "")
        by_type = {"verb": lex.verbs, "phrase": lex.phrases, "adverb": lex.adverbs, "noun": lex.nouns}
        by_type.get(cue.type, lex.verbs)[cue.text] = cue
        verb, _, particle = cue.text.partition(" ")
        if cue.type == "verb" and particle:
            lex.particle_verbs.setdefault(verb, {})[particle] = cue
    hedges = sorted((r for r in _rows("hedges.tsv") if len(r) >= 2), key=lambda r: -len(r[0]))
    for row in hedges:
        words = r"\s+".join(re.escape(w) for w in row[0].split())
        flags = 0 if row[0].split()[0] == "I" else re.I
        lex.hedges.append((re.compile(rf"(?<![\w'’])(?:{words})(?![\w'’])", flags), row[1].strip()))
    for row in _rows("attribution_groups.tsv"):
        if len(row) >= 2:
            lex.groups[row[0].strip().lower()] = row[1].strip()
    lex.titles = {row[0].strip().lower() for row in read_rows("titles.txt", header=False)}
    org_ends: set[str] = set()
    for row in _rows("attribution_words.tsv"):
        if len(row) < 2:
            continue
        word, kind = row[0].strip().lower(), row[1].strip()
        if kind in {"m", "f"}:
            lex.gendered[word] = kind
        elif kind == "negating_with":
            verb, _, needed = word.partition(" ")
            lex.negating_with[verb] = needed
        elif kind == "view_adjective_with":
            adjective, _, verb = word.partition(" ")
            lex.view_adjectives_with[adjective] = verb
        elif kind in _HONORIFIC:
            lex.honorifics[word] = _HONORIFIC[kind]
        elif kind == "organisation_end":
            org_ends.add(word.title())  # compared with a name's last word as written ("Human Rights Watch")
        elif kind in _SETS:
            getattr(lex, _SETS[kind]).add(word)
    for row in _rows("attribution_meanings.tsv"):
        if len(row) >= 2:
            lex.meaning_roles.setdefault(row[1].strip(), set()).add(row[0].strip())
    entity_cues = json.loads(read_text("entity_cues.json") or "{}")
    lex.not_person_heads = {w for words in entity_cues.get("not_person_heads", {}).values() for w in words} | org_ends
    for row in _rows("attribution_entity_types.tsv"):
        if len(row) >= 2:
            lex.entity_roles.setdefault(row[1].strip(), set()).add(row[0].strip().upper())
    lex.headline_verbs = set(entity_cues.get("headline_verbs", ()))
    return lex
