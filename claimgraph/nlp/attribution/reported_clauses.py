"""Reported speech: which clause a cue reports (fronted adverbials, inverted clauses, passive frames,
statement clauses, run-on cuts), kept apart from reported.py so each module stays one readable concern."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import (
    FINITE_TAGS,
    VERB_POS,
    Attr,
    Context,
)
from claimgraph.nlp.attribution.grammar import (
    bare_clause,
    can_speak,
    misread_participle,
    that_clause,
)
from claimgraph.nlp.attribution.lexicon import Cue, lexicon
from claimgraph.nlp.attribution.participles import set_off_participle

#: report a cue inside another attribution's content as its own attribution ("X said that Y told him ...")


def put_to(cx: Context, verb: Token, cue: Cue) -> bool:
    """'Asked about the report, the spokesman said ...', 'The minister, asked whether troops would stay, said ...': a
    cue that names its listener (cues.tsv passive listener: ask, tell) as a participle clause set off before the verb
    or noun it hangs on, with no listener and no agent of its own, is a passive: the one it hangs on was asked or
    told, by nobody named, so what was asked has no speaker (the tagger often calls such a participle a past tense).
    One with an agent ('Residents, told by police that ...') reports what the agent said."""
    if cue.passive != "listener" or verb.tag_ not in {"VBN", "VBD"} or any(
            c.dep_ in {"dobj", "dative", "agent"} for c in cx.children(verb)):
        return False
    if set_off_participle(cx, verb) is not None:
        return True  # 'The captain, told that ..., turned back' read with 'told' as the main verb or beside it
    if verb.dep_ not in {"advcl", "acl"} and misread_participle(cx, verb) is None:
        return False
    doc = verb.doc
    if verb.dep_ == "advcl" and verb.head.i < verb.i:
        return False
    if verb.i != cx.sents.start(verb.i) and doc[verb.i - 1].text != ",":
        return False
    after = verb.right_edge.i + 1
    return after < len(doc) and doc[after].text == ","


def put_content(cx: Context, verb: Token) -> list[Token]:
    """What was asked or told of a cue put_to accepts: the words after it, up to the comma closing its participle
    clause when the parser made it the main verb ('The captain, told that ..., turned back': not 'turned back')."""
    set_off = set_off_participle(cx, verb)
    closing = set_off[1] if set_off is not None else len(cx.doc)
    return [t for c in cx.children(verb) if c.i > verb.i and not c.is_punct and c.dep_ != "agent"
            for t in c.subtree if t.i < closing]


def put_question(cx: Context, verb: Token, cue: Cue) -> bool:
    """'Asked whether he would resign, the minister said ...': a question put to him by nobody named (put_to), or an
    agentless passive like "is expected to" (asked_passive), is an attribution with no speaker: it is added here.
    Whether the cue was one of these (then it reports nothing else)."""
    if not (put_to(cx, verb, cue) or asked_passive(cx, verb, cue)):
        return False
    toks = put_content(cx, verb)
    span = cx.span_chars(sorted(toks, key=lambda t: t.i)) if sum(t.is_alpha for t in toks) >= 2 else None
    if span is not None and not cx.overlaps_taken(*span):
        cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb))
        cx.used_verbs.add(verb.i)
    return True


#: what opens a question reported after "asked": "asked whether/if ...", "asked how/why/what ..."
QUESTION_OPENERS = {"whether", "if", "how", "why", "what", "when", "where", "who", "which"}


def asked_passive(cx: Context, verb: Token, cue: Cue) -> bool:
    """'The general was once asked how the war would end', 'The minister was asked whether troops would stay': an
    agentless passive of a question cue (cues.tsv meaning ask with passive listener) asking a question (a clause opened
    by whether, if or a question word, or "about" something) puts it to its subject, by nobody named: the question is
    an attribution with no speaker, as 'is expected to' is; so is a statement told them in a that-clause ('The
    players were told that the match was off'). An order ('Residents were told to leave') stays nothing."""
    if cue.passive != "listener":
        return False
    kids = cx.children(verb)
    if not any(c.dep_ == "auxpass" for c in kids) or not any(c.dep_ == "nsubjpass" for c in kids) or any(
            c.dep_ == "agent" for c in kids):
        return False
    if cue.meaning != "ask":  # "The players were told that the match was off": a statement made to them
        return any(c.i > verb.i and c.dep_ == "ccomp" and that_clause(cx, c) for c in kids)
    return any(c.i > verb.i and (c.dep_ == "ccomp" and c.left_edge.lower_ in QUESTION_OPENERS
                                 or c.dep_ == "prep" and c.lower_ == "about") for c in kids)


def named_object(cx: Context, verb: Token, cue: Cue, toks: list[Token]) -> bool:
    """'The army denied involvement', 'the minister denied wrongdoing', 'the council condemned violence': a one-word
    content is reported when it is the common-noun direct object of a denial or accusation that reports its object
    (attribution_meanings.tsv bare_object: deny, accuse; cues.tsv content object or either); not a pronoun ('denied
    it'), not a name ('the keeper denied Rooney' blocks a shot); the cue a finite verb or a participle after a comma
    (', denying involvement'), not a participle inside a noun phrase ('fast charging support' charges nobody)."""
    after_comma = verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if not (verb.tag_ in {"VBD", "VBZ", "VBP"} or after_comma):
        return False
    return cue.content in {"object", "either"} and cx.lex.plays(cue.meaning, "bare_object") and len(toks) == 1 and \
        toks[0].dep_ == "dobj" and toks[0].head.i == verb.i and toks[0].pos_ == "NOUN"


def speaks(cx: Context, speaker: Token | None) -> bool:
    """Whether a cue's speaker can hold what its object says: a personal pronoun, or a name, speaker, role or
    document noun (can_speak), not a thing ("the explosion", "the map", "it")."""
    if speaker is None:
        return False
    if speaker.pos_ == "PRON":
        return speaker.lower_ not in cx.lex.mute_pronouns
    return can_speak(cx, speaker)




def fronted_adverbial(cx: Context, comp: Token) -> bool:
    """'While he acknowledged funding was short, the mayor noted several successes' parsed with "funding was short" as
    the complement of "noted" and "While he acknowledged" hung inside it: a clause before a cue that has its own object,
    opening with a conjunction of time, cause or concession that belongs to a clause inside it, is a fronted adverbial,
    not what the cue reports. (Before a cue without one, "Although X, Y, says Mr Dean", the whole is what was said.)"""
    first = comp.left_edge
    return first.dep_ == "mark" and first.head.i != comp.i and first.head.dep_ == "advcl" and (
        first.lower_ in cx.lex.adverbial_marks or first.lower_ in cx.lex.concessives)


def inverted_clause(cx: Context, verb: Token) -> list[Token]:
    """'While he acknowledged funding was short, ...' parsed the other way round, the cue an adverbial of the clause it
    reports: that clause, when the cue is finite with its own subject and the clause's subject follows the cue at once
    (no comma nor conjunction between)."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i <= verb.i or head.pos_ not in VERB_POS or verb.tag_ not in FINITE_TAGS \
            or not any(c.dep_ == "nsubj" for c in cx.children(verb)):
        return []  # a participle ("Writing in the journal X, Y show ...") frames no clause of its own
    subj = next((c for c in cx.children(head) if c.dep_ in {"nsubj", "nsubjpass"} and c.i > verb.i), None)
    if subj is None or subj.left_edge.i != verb.right_edge.i + 1:
        return []
    return [t for t in head.subtree if t.i > verb.right_edge.i and t.i <= head.right_edge.i]


#: cue contents whose passive with an agent reports its subject ("the attack was condemned by the UN"); not "either"
#: cues, whose object is a statement only when the speaker holds it ("the trucks were shown by the guards to the gate")
PASSIVE_CONTENT = {"object", "as"}


def statement_clause(cx: Context, verb: Token) -> list[Token]:
    """'The ministry said in a statement that 40 people had died' parsed with the that-clause hung on "statement":
    the clause is what the verb reports, when the noun is a reporting noun (a statement, an interview, a letter) after
    a preposition of attribution_words.tsv statement_prep."""
    for c in cx.children(verb):
        if c.dep_ != "prep" or c.i < verb.i or c.lower_ not in cx.lex.statement_preps:
            continue
        for o in cx.children(c):
            if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in cx.lex.nouns:
                return [k for k in cx.children(o) if k.dep_ in {"acl", "relcl", "ccomp"} and k.i > o.i
                        and that_clause(cx, k)][:1]
    return []


def passive_subject(cx: Context, verb: Token, agent: Token | None) -> Token | None:
    """The subject of a passive cue with an agent that can speak ("the plan was criticised by the governor" -> the
    plan), when the subject is not the one spoken to ("the players were told by the coach")."""
    if agent is None or not speaks(cx, agent):
        return None
    kids = cx.children(verb)
    if not any(c.dep_ == "auxpass" for c in kids) or not any(
            c.dep_ == "agent" and any(o.i == agent.i for o in cx.children(c)) for c in kids):
        return None
    cue = cx.cue_of(verb)
    if cue is None or cue.passive == "listener":
        return None
    return next((c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i and c.lower_ not in RELATIVE_WORDS), None)


#: relative pronouns: a passive subject that stands for a noun outside the clause
RELATIVE_WORDS = {"who", "whom", "which", "that", "whose"}


def topic_only(cx: Context, cue: Cue, prep: Token) -> bool:
    """A neutral speech cue ("commented on", "spoke about", "wrote of") names only what was talked about: a topic,
    no statement (the contract's quote is words, thoughts or a position); "warned of X", "argued for X" do state
    one. The meanings and prepositions are attribution_words.tsv topic_meaning / topic_prep."""
    return cue.meaning in cx.lex.topic_meanings and prep.lower_ in cx.lex.topic_preps


def said_object(cx: Context, verb: Token) -> Token | None:
    """The object of a clause cue that stands for a statement: a clause the parser read as an object (a long object
    with a finite verb inside: "said many of the examples that critics cite had failed") or a statement taken up again
    ("said the same of X"); not "said goodbye", "said a prayer", "said nothing"."""
    if cx.cue_of(verb).text not in cx.lex.said_object_cues:
        return None  # "added the extra week that ...", "tells so many lies that ...": a real object
    obj = next((c for c in cx.children(verb) if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ == "PRON":
        return None  # "says something about ...", "said nothing that ..."
    if obj.lower_ in cx.lex.same_words and obj.i == verb.i + 1 + (cx.doc[verb.i + 1].lower_ in {"the", "as"}):
        return obj
    sub = list(obj.subtree)
    finite = any(t.tag_ in FINITE_TAGS and t.i != verb.i for t in sub)
    return obj if finite and sum(t.is_alpha for t in sub) >= 5 else None


def proposition(cx: Context, prep: Token) -> bool:
    """Whether what a preposition introduces states something rather than names a topic: a clause with its own
    subject ("spoke about residents being forced out", "talked about how the fight was set back"), not a noun
    ("spoke about the harbour") nor an open question ("talked about whether ..."). A noun that holds a count or a
    clause of its own states something too ("spoke of dozens of bodies lying in the streets", "commented on reports
    of 50 civilians killed"), unlike a bare topic ("commented on the polls")."""
    for c in cx.children(prep):
        if c.dep_ == "pcomp" and any(k.dep_ in {"nsubj", "nsubjpass"} for k in cx.children(c)):
            return not any(k.dep_ == "mark" and k.lower_ in {"whether", "if"} for k in cx.children(c))
        if c.dep_ == "pobj" and any(
            t.dep_ in {"acl", "relcl"}
            or (t.ent_type_ in COUNT_ENTS or t.like_num) and t.ent_type_ not in {"DATE", "TIME"}
            for t in c.subtree
        ):
            return True
    return False


#: entity labels of a count ("dozens", "40", "half"): a topic with a count in it states a figure
COUNT_ENTS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}


def run_on_cut(toks: list[Token]) -> list[Token]:
    """Reported content up to a sentence boundary the text lost ("... of the regional centers The S.E.C. said it
    would ..."): a capitalised sentence opener right after a lower-case word is the next sentence, someone else's."""
    openers = lexicon().sentence_openers  # attribution_words.tsv sentence_opener
    for k in range(1, len(toks)):
        t, prev = toks[k], toks[k - 1]
        if t.text.istitle() and t.lower_ in openers and prev.i == t.i - 1 and prev.is_alpha \
                and prev.text.islower() and prev.pos_ in {"NOUN", "ADJ", "ADV", "NUM"}:
            # (not "the bridge that The Times described": after a verb the capital is a name)
            return toks[:k]
    return toks


def flipped_that_clause(cx: Context, verb: Token) -> list[Token] | None:
    """'The general continues to insist, in an interview, that he wants ...' parsed with the frame as the complement
    of the that-clause's verb ('continues' a ccomp of 'wants'): what the cue (or the verb it is the infinitive of)
    reports is that clause from its "that" on. Its tokens, else None."""
    host = verb.head if verb.dep_ == "xcomp" else verb
    clause = host.head
    if host.dep_ != "ccomp" or clause.i <= verb.i or clause.pos_ not in VERB_POS:
        return None
    mark = next((c for c in cx.children(clause) if c.dep_ == "mark" and c.lower_ == "that"
                 and host.right_edge.i < c.i < clause.i), None)
    if mark is None:
        return None
    return [t for t in clause.subtree if t.i >= mark.i]


def aside_clause(cx: Context, verb: Token) -> list[Token]:
    """'insisted, most recently in an interview, that ...': a that-clause set off by an aside is parsed as an
    adverbial of the cue, or of the verb the cue is the infinitive of ("continues to insist, ..., that"), or as the
    complement of that verb (aside_that_clause); not when what was said stands before the cue ("that was what she
    said when she resigned"). The clause, in a list of at most one."""
    if any(c.dep_ == "dobj" and c.i < verb.i for c in cx.children(verb)):
        return []
    hosts = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    return [c for h in hosts for c in cx.children(h) if (c.dep_ == "advcl" and c.i > verb.i and (
        that_clause(cx, c) or bare_clause(cx, c) is not None))
        or (h.i != verb.i and aside_that_clause(cx, verb, c))][:1]


def aside_that_clause(cx: Context, verb: Token, c: Token) -> bool:
    """'The general keeps saying, to anyone who will listen, that he wants ...': a that-clause after an aside set off
    by commas, parsed as the complement of the verb the cue completes ('keeps'), is what the cue reports, when that
    verb is no cue of its own ('continued to insist, ..., that ...' reports through 'continued' already)."""
    return c.dep_ == "ccomp" and cx.cue_of(c.head) is None and c.left_edge.i > verb.right_edge.i + 1 and (
        cx.doc[c.left_edge.i - 1].text == ",") and c.left_edge.lower_ == "that" and that_clause(cx, c)


def coordinated_frame(cx: Context, verb: Token, comp: Token) -> list[Token] | None:
    """'The army had told residents the road was safe, but rebels mined it, the official added.': a frame closing the
    sentence, parsed as a conjunct of the sentence's first verb with only the last coordinated clause as its
    complement, reports the whole sentence before it. Only when a coordinating word (attribution_words.tsv
    coordinator) of the first verb opens that clause and nothing but the frame's subject stands between the clause
    and the cue. The tokens from the sentence's start to the clause's end, else None."""
    doc = cx.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i >= comp.i or head.pos_ not in VERB_POS or comp.i > verb.i:
        return None
    subj = next((c for c in cx.children(verb) if c.dep_ == "nsubj"), None)
    if subj is None or subj.left_edge.i != comp.right_edge.i + 2 or subj.right_edge.i != verb.i - 1 or (
            doc[comp.right_edge.i + 1].text != ","):
        return None
    opener = doc[comp.left_edge.i - 1] if comp.left_edge.i > 0 else None
    if opener is None or opener.lower_ not in cx.lex.coordinators or opener.head.i != head.i:
        return None
    start = cx.sents.start(head.i)
    if head.left_edge.i != start:
        return None
    end = cx.sents.ends[verb.i]
    if not all(t.is_punct or t.is_space for t in doc[verb.i + 1:end]):
        return None  # ('..., the official added on Sunday.' keeps the nearest clause)
    return [t for t in doc[start:comp.right_edge.i + 1] if not t.is_space]


def framed_by_that(cx: Context, verb: Token) -> bool:
    """Whether a cue opens with its own "that" ('..., that he wants peace'): it is a reported clause, and a clause
    the parser hung before it is the frame reporting it (flipped_that_clause), not what this cue reports."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in cx.children(verb))


def without_aside_relatives(cx: Context, toks: list[Token]) -> list[Token]:
    """'The senator condemned the strike, which the army later called a mistake': a relative clause set off by a comma
    inside an object content, with a subject of its own that is not its relative pronoun, is the writer's aside about
    the object (someone else's act or words), not what the cue reports. The tokens without such clauses and commas."""
    doc = cx.doc
    cut: set[int] = set()
    for t in toks:
        first = t.left_edge
        if t.dep_ != "relcl" or first.i == 0 or doc[first.i - 1].text != "," or first.lower_ not in RELATIVE_WORDS:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < t.i and c.lower_ not in RELATIVE_WORDS
               for c in cx.children(t)):
            cut.update(range(first.i - 1, t.right_edge.i + 1))
    return [t for t in toks if t.i not in cut] if cut else toks
