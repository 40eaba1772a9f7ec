"""Who a noun after a cue is: a speaker who can speak (can_speak), and the speaker of a cue set after the clause it
reports when the parser made that speaker the cue's object ('The levee could give way, warned the engineer').

Kept apart from grammar.py so that the speaker search there stays under the module size the layers test allows.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import CLAUSE_CONTENT, FINITE_TAGS, SUBJECT_DEPS, VERB_POS, Context

#: what closes the clause an inverted cue follows: a comma, or a closing quote mark (after the comma inside it)
CLOSERS = {",", "\u201d", "\"", "''"}
#: entity labels of an object that cannot be a speaker ("..., said Monday" misparsed)
NOT_SPEAKING_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
#: a cue's children after its object that make the object its listener ("warned residents to stay indoors")
LISTENER_TAIL = {"ccomp", "xcomp", "dative", "oprd", "dobj"}


def can_speak(cx: Context, noun: Token) -> bool:
    """Whether a noun a participle hangs off names someone who can speak: a name or entity, or a speaker, role,
    document or reporting noun of the lexicon ("a statement saying", "officials warning"); not a thing the
    parser attached the participle to ("his time on the stand attacking ...")."""
    if noun.pos_ == "PROPN" or cx.state.entity_at(noun.idx, noun.idx + len(noun)) is not None:
        return True
    lemma = noun.lemma_.lower()
    return lemma not in cx.lex.not_speakers and (
        lemma in cx.lex.groups or lemma in cx.lex.titles or lemma in cx.lex.gendered or lemma in cx.lex.nouns
        or lemma in cx.lex.person_nouns)


def next_report(cx: Context, part: Token) -> bool:
    """'..., admitted the envoy, adding that he would return': a participle after a comma whose cue goes on
    speaking (attribution_meanings.tsv next_report, attribution_words.tsv continuing) is the speaker's next report,
    so it still closes an inverted frame; any other participle ('..., admitted the envoy, fearing ...') does not."""
    cue = cx.cue_of(part)
    return part.tag_ == "VBG" and part.dep_ == "advcl" and part.doc[part.i - 1].text == "," and cue is not None and (
        cue.text in cx.lex.continuing or cx.lex.plays(cue.meaning, "next_report"))


def inverted_speaker(cx: Context, verb: Token) -> Token | None:
    """'The levee could give way within hours, warned the engineer, who has inspected it': a finite cue right after
    the comma or quote mark closing the clause it reports, without a subject of its own, whose object (a name or
    noun) comes right after it and is followed by nothing told to it, is an inverted frame of a clause cue: the object
    is the speaker.
    The clause is the cue's complement before it, or (the cue parsed as a conjunct of the clause) the clause whose
    verb has a subject, the frame closing the sentence. The speaker, else None."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i < 2 or doc[verb.i - 1].text not in CLOSERS or cx.inside_quote(verb.idx):
        return None
    cue = cx.cue_of(verb)
    kids = cx.children(verb)
    if cue is None or cue.content not in CLAUSE_CONTENT or any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in kids):
        return None  # (only a cue that reports a clause: "..., praised the firefighters" is a list of acts)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    if obj is None or obj.pos_ not in {"PROPN", "NOUN"} or obj.ent_type_ in NOT_SPEAKING_ENTS or (
            obj.lemma_.lower() in cx.lex.not_speakers):
        return None  # (any role noun in this frame: "warned the engineer", not only those the lexicon knows)
    if any(c.i > obj.i and c.dep_ in LISTENER_TAIL for c in kids):
        return None  # "warned residents to stay indoors", "told reporters that ...": the one told
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in kids):
        return obj
    head = verb.head
    end = cx.sents.ends[verb.i]
    tail = {t.i for c in kids if c.i > obj.i and c.dep_ in {"prep", "npadvmod", "advmod"} for t in c.subtree}
    tail |= {t.i for c in kids if c.i > obj.i and next_report(cx, c) for t in c.subtree}  # "..., adding that ..."
    closes = all(t.is_punct or t.i in tail for t in doc[obj.right_edge.i + 1:end])  # "... in a statement on Sunday."
    if verb.dep_ in {"conj", "dep", "parataxis"} and head.i < verb.i and head.pos_ in VERB_POS and closes and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in cx.children(head)) and not any(
            t.text == "," for t in doc[verb.i + 1:obj.i]) and (can_speak(cx, obj) or any(
            c.dep_ == "relcl" and c.left_edge.lower_ in {"who", "whom", "whose"} for c in cx.children(obj))):
        return obj  # (one who can speak: "The army shelled the town, admitted the mistake" is a list of acts)
    return None



def mid_inverted(cx: Context, verb: Token) -> tuple[Token, list[Token]] | None:
    """'The bridge, said the mayor, who took office in May, will reopen on Monday': an inverted frame set off by
    commas between a subject and its predicate, parsed with the subject before it as the cue's subject and the noun
    after it as a second subject (of the cue or of the predicate). The noun after the cue is the speaker; what was
    said is the sentence around the frame (the frame inside the one span the contract allows). (speaker, the
    sentence's tokens without its closing punctuation), else None."""
    doc = cx.doc
    if verb.tag_ not in FINITE_TAGS or verb.i < 2 or doc[verb.i - 1].text != "," or cx.inside_quote(verb.idx):
        return None
    cue = cx.cue_of(verb)
    kids = cx.children(verb)
    first = next((c for c in kids if c.dep_ == "nsubj" and c.i < verb.i), None)
    if cue is None or cue.content not in CLAUSE_CONTENT or first is None or first.right_edge.i < verb.i - 2:
        return None
    heads = [verb] + [c for c in kids if c.dep_ == "ccomp" and c.i > verb.i]
    said_by = next((c for h in heads for c in cx.children(h) if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1),
                   None)
    if said_by is None or said_by.pos_ not in {"NOUN", "PROPN"} or not can_speak(cx, said_by):
        return None
    comma, end = said_by.right_edge.i, cx.sents.ends[verb.i]
    comma += doc[comma].text != ","  # (the parser may give the closing comma to the speaker's relative clause)
    while end > comma and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if comma >= end or doc[comma].text != "," or not any(t.pos_ in VERB_POS for t in doc[comma + 1:end]):
        return None  # ("The bridge, said the mayor." is no such frame)
    return said_by, list(doc[first.left_edge.i:end])
