"""Participle clauses set off by commas after their subject: 'The captain, told that the harbour was mined, turned
back'. The parser often reads such a participle as the sentence's main verb (the captain its subject, 'turned' a
conjunct or complement inside it) or as a clause beside the main verb; the commas give the real shape away.

Kept apart from grammar.py so that both the speaker search there and the clause choice in reported_clauses.py can
read it without importing each other.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import SUBJECT_DEPS, VERB_POS, Context

#: tags of a verb that can be the main verb after a participle clause (the tagger calls some past tenses VBN)
MAIN_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
#: how far up the tree the main verb after a participle looks for the participle it follows
MAX_UP = 3
#: how far up the tree a participle after a relative clause looks for the sentence's main verb
MAX_ROOT = 12


def set_off_participle(cx: Context, verb: Token) -> tuple[Token, int, Token] | None:
    """'The captain, told that the harbour was mined, turned the ship around': a past form set off by commas right
    after a plain subject (no comma inside it), followed after its closing comma by a verb with no subject of its own
    to which it is tied in the parse (its head, or inside its clause), is a participle of that subject, which is the
    later verb's subject. (host, index of the closing comma, the later verb), else None."""
    doc = verb.doc
    if verb.tag_ not in {"VBN", "VBD"} or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    host = next((c for c in cx.children(verb) if c.dep_ == "nsubj" and c.i < verb.i - 1), None)
    if host is None or host.right_edge.i < verb.i - 2 or host.pos_ not in {"NOUN", "PROPN", "PRON"} or any(
            t.text == "," for t in doc[host.left_edge.i:verb.i - 1]):
        return None  # "The mayor, John Smith, told ...", "Police, however, warned ...": a real subject
    first = cx.sents.start(verb.i)
    if host.left_edge.i != first and doc[host.left_edge.i - 1].text != ",":
        return None
    end = cx.sents.ends[verb.i]
    comma = next((j for j in range(verb.i + 1, end) if doc[j].text == ","), None)
    if comma is None or comma + 1 >= end or comma - verb.i < 2:
        return None
    main = doc[comma + 1]
    if main.pos_ not in VERB_POS or main.tag_ not in MAIN_TAGS or any(
            c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in cx.children(main)):
        return None
    tied = main.i == verb.head.i or any(a.i == verb.i for a in itertools.islice(main.ancestors, MAX_UP))
    if not tied or cx.inside_quote(verb.idx):
        return None
    return host, comma, main


def participle_host(cx: Context, verb: Token) -> Token | None:
    """The subject of a verb right after a participle clause set off by commas ('The colonel, asked whether the
    gunmen had crossed, said ...'): the participle's host, which the parser gave to the participle; else None."""
    if verb.i < 3 or verb.doc[verb.i - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in cx.children(verb)):
        return None
    near = [a for a in itertools.islice(verb.ancestors, MAX_UP) if a.i < verb.i]
    near += [c for c in cx.children(verb) if c.i < verb.i and c.dep_ in {"advcl", "parataxis", "ccomp"}]
    for p in near:
        found = set_off_participle(cx, p)
        if found is not None and found[2].i == verb.i:
            return found[0]
    return None


def after_relative(cx: Context, verb: Token) -> Token | None:
    """'The mayor met a widow who said her husband had been shot, promising that ...': a participle after the comma
    that closes a restrictive relative clause (no comma before it) on an object is the main clause's, whichever the
    parser hangs it on: the verb whose subject speaks, the sentence's main verb (not that of a clause reported inside
    it: 'told the audience that we must push policies that ..., saying ...'). A participle that goes on speaking
    (attribution_words.tsv continuing: 'adding') after a cue of the relative clause ('a man who said ..., adding
    ...') is the relative clause's: its verb. None when the participle follows no such clause."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "conj"} or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    last = doc[verb.i - 2]
    rel = next((a for a in itertools.chain([last], itertools.islice(last.ancestors, 6)) if a.dep_ == "relcl"), None)
    if rel is None or rel.i >= verb.i or (rel.left_edge.i > 0 and doc[rel.left_edge.i - 1].text == ","):
        return None
    noun = rel.head
    if noun.dep_ not in {"dobj", "pobj"} or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    cue = cx.cue_of(verb)
    if cue is not None and cue.text in cx.lex.continuing and cx.cue_of(rel) is not None:
        return rel
    root = noun
    for _ in range(MAX_ROOT):  # the sentence's main verb: the object may sit in a clause reported inside it
        if root.head.i == root.i:
            break
        root = root.head
    return root if root.pos_ in VERB_POS and root.i < rel.i else None
