"""Reports framed without a reporting clause: by an adverbial ("..., as the engineers have said", "In the latest
survey, ...": the main clause is the source's statement) or by an adjective of a view ("The minister is convinced
that ..."). The frame itself is no content."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.nlp.attribution.context import STANCE_MEANINGS, TOPIC_PREPS, VERB_POS, Attr, Context
from claimgraph.nlp.attribution.grammar import subject
from claimgraph.nlp.attribution.lexicon import Cue

#: dependencies of a cue's own complement: "as she said she would" reports its clause, not the main one
OWN_CONTENT = {"ccomp", "dobj", "xcomp", "oprd", "attr", "csubj"}


def _clause_without(cx: Context, head: Token, skip: set[int]) -> tuple[int, int] | None:
    """The character span of a clause without the frame's tokens, edges trimmed of punctuation."""
    toks = [x for x in head.subtree if x.i not in skip]
    subj = next((c for c in cx.children(head) if c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i < head.i), None)
    if subj is not None and any(x.text == "," and x.i < subj.left_edge.i for x in toks):
        # "Despite the forecasts, the mayor leads in the survey": the writer's lead-in set off by a comma is not
        # what the survey found; the clause runs from its subject
        toks = [x for x in toks if x.i >= subj.left_edge.i]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks.pop(0)
    if sum(t.is_alpha for t in toks) < 3:
        return None
    return cx.span_chars(toks)


def _free(cx: Context, span: tuple[int, int]) -> bool:
    """Whether no quote, turn or attribution found so far holds any of the span (one report per clause)."""
    return not cx.overlaps_taken(*span) and not any(a.start < span[1] and span[0] < a.end for a in cx.attrs)


def _report_clause(cx: Context, verb: Token, speaker: Token, span: tuple[int, int] | None) -> bool:
    """Record the clause a frame reports as the speaker's indirect statement, unless it is missing or already
    held by another report (one report per clause). Whether it was recorded."""
    if span is None or not _free(cx, span):
        return False
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                         speaker_head=speaker))
    cx.used_verbs.add(verb.i)
    return True


def as_said(cx: Context, verb: Token, cue: Cue, speaker: Token | None) -> bool:
    """'The bridge will not reopen before spring, as the county engineers have said.' / 'As the harbour master
    reported on Monday, two trawlers sank.': a cue in a clause opened by "as", with a subject and no complement of
    its own, reports the clause it hangs on. Not "as expected" (nobody named), "as she said she would" (its own
    clause), a stance ("as he wanted"), nor "as" of time ("booed as the chairman spoke": only a cue of
    attribution_words.tsv as_report reports). Whether it was reported."""
    if speaker is None or verb.dep_ != "advcl" or verb.head.pos_ not in VERB_POS or cue.meaning in STANCE_MEANINGS \
            or verb.lemma_.lower() not in cx.lex.as_reports:
        return False
    kids = cx.children(verb)
    mark = next((k for k in kids if k.dep_ == "mark" and k.i < verb.i), None)
    if mark is None or mark.lower_ != "as" or any(k.dep_ in OWN_CONTENT for k in kids):
        return False
    if speaker.head.i != verb.i or speaker.dep_ != "nsubj":
        return False  # "as expected": the subject would be the main clause's, nobody who said it
    if any(k.dep_ == "prep" and k.i > verb.i and k.lower_ in TOPIC_PREPS and not any(
            o.ent_type_ in {"DATE", "TIME"} for o in cx.children(k)) for k in kids):
        return False  # "was emotional as she called for reform": "as" of time, the cue reports its own object
    if cx.in_attr(verb.idx):
        return False  # inside what someone else is reported to have said: that report holds it
    return _report_clause(cx, verb, speaker, _clause_without(cx, verb.head, {x.i for x in verb.subtree}))


def parenthetical(cx: Context, verb: Token, cue: Cue, speaker: Token | None) -> bool:
    """'The problem now, he told me on Friday, is that the harbour has no money.' / 'The difference, she told
    reporters, is that ...': a cue set off by commas inside its sentence, with its own subject and nothing it reports
    itself, that the parser hung on a noun (the sentence's subject) reports the sentence around it. Whether it did."""
    if speaker is None or verb.head.pos_ not in {"NOUN", "PROPN"} or verb.dep_ not in {"parataxis", "relcl", "acl"}:
        return False
    if any(x.tag_ in {"WP", "WDT", "WP$"} for x in verb.subtree if x.i < verb.i):
        return False  # "The referee, who spoke to reporters, was suspended": a relative clause says who, no frame
    kids = cx.children(verb)
    if cue.meaning in STANCE_MEANINGS or speaker.head.i != verb.i or speaker.dep_ != "nsubj" or speaker.i > verb.i:
        return False
    if any(k.dep_ in OWN_CONTENT - {"dobj"} for k in kids) or any(
            k.dep_ == "dobj" and cue.passive != "listener" for k in kids):
        return False  # "..., she told reporters, ...": the listener is no content; "..., he denied the charge, ..."
    doc = cx.doc
    inner = [t for t in verb.subtree if not t.is_punct]  # the commas around it are its children too
    lo, hi = inner[0].i, inner[-1].i
    if lo == 0 or hi + 1 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return False
    if cx.in_attr(verb.idx) or cx.inside_quote(verb.idx):
        return False
    sent = cx.sents.sent(verb)
    root = sent.root
    if lo <= root.i <= hi:
        return False
    return _report_clause(cx, verb, speaker, _clause_without(cx, root, set(range(lo - 1, hi + 2))))


def stating_document(cx: Context, noun: Token) -> Token | None:
    """The document a noun after "in" names when it states findings ("the latest survey", "one of the first polls":
    attribution_words.tsv stating_document), or None ("the old harbour", "the morning")."""
    if noun.lemma_.lower() in cx.lex.quantifiers or noun.lower_ == "one":
        noun = next((o for p in cx.children(noun) if p.dep_ == "prep" and p.lower_ == "of"
                     for o in cx.children(p) if o.dep_ == "pobj"), noun)
    return noun if noun.lemma_.lower() in cx.lex.stating_documents else None


def _set_off(cx: Context, t: Token) -> bool:
    """Whether a comma follows the phrase a token heads ("In the latest report, ...")."""
    nxt = t.right_edge.i + 1
    return nxt < len(cx.doc) and cx.doc[nxt].text == ","


def in_document(cx: Context, sent: Span) -> None:
    """'In the latest survey, the mayor leads by six points.' / 'Her approval fell in a new poll.': a poll, survey or
    study after "in" on the sentence's main verb states the main clause, when no cue of the sentence reports it
    already ("In a statement, the ministry said ..." is the ministry's, through its cue). Only a poll, survey or
    census does so anywhere (attribution_words.tsv stating_document_anywhere); a report or study only opening the
    sentence, set off by a comma ("made mistakes in its annual report" is no source)."""
    opening = next((x for x in sent if not (x.is_punct or x.is_space)), None)
    lowers, deps = cx.lowers, cx.deps
    for i in range(sent.start, sent.end):
        if lowers[i] != "in" or deps[i] != "prep":
            continue  # the word and its label from the columns: a Token only for an "in"
        t = cx.doc[i]
        if t.head.dep_ != "ROOT" or t.head.pos_ not in VERB_POS:
            continue
        pobj = next((c for c in cx.children(t) if c.dep_ == "pobj"), None)
        doc_noun = stating_document(cx, pobj) if pobj is not None else None
        if doc_noun is not None and doc_noun.lemma_.lower() not in cx.lex.stating_documents_anywhere and not (
                opening is not None and t.i == opening.i and _set_off(cx, t)
                and any(c.dep_ in {"det", "poss"} for c in cx.children(pobj))):
            continue  # "Several typos appeared in the final report": a report only as "In the report, ..."
        if doc_noun is None or cx.in_attr(t.idx) or cx.inside_quote(t.idx) or any(
                x.pos_ in VERB_POS and cx.cue_of(x) is not None for x in sent if not cx.inside_quote(x.idx)):
            continue  # "..., the agency said in its annual report": the cue reports, the report is its channel
        pp = {x.i for x in t.subtree}
        span = _clause_without(cx, t.head, pp)
        written = cx.span_chars(list(pobj.subtree))
        if span is None or written is None or not _free(cx, span):
            continue
        cx.attrs.append(Attr("indirect", span[0], span[1], cue=(t.idx, t.idx + len(t)), speaker_head=doc_noun,
                             speaker_span=written))
        return


def view_adjective(cx: Context, sent: Span) -> None:
    """'The minister is convinced that the harbour will reopen.' / 'Officials remain confident the talks will resume.'
    / 'The mayor made it clear that ...': an adjective of a view or feeling (attribution_words.tsv view_adjective) as
    the complement of its subject's verb, with a clause after it, is that subject's view of the clause ("clear" only
    after "make": attribution_words.tsv view_adjective_with). Not inside another report ("said she was confident
    that ...": what she said), not "it is clear"."""
    with_verb = cx.lex.view_adjectives_with
    lowers = cx.lowers
    for i in range(sent.start, sent.end):
        if lowers[i] not in cx.lex.view_adjectives and lowers[i] not in with_verb:
            continue  # the word from the columns: a Token only for a view adjective
        t = cx.doc[i]
        if t.pos_ not in {"ADJ", "VERB"} or t.head.pos_ not in VERB_POS:
            continue
        if t.lower_ in with_verb:
            if t.dep_ not in {"ccomp", "oprd", "acomp"} or t.head.lemma_ != with_verb[t.lower_]:
                continue
        elif t.dep_ != "acomp":
            continue
        comp = next((c for c in cx.children(t) if c.i > t.i and (
            c.dep_ == "ccomp" or c.dep_ == "advcl" and any(k.dep_ == "nsubj" for k in cx.children(c)) and not any(
                k.dep_ == "mark" and k.lower_ != "that" for k in cx.children(c)))), None)
        if comp is None or cx.in_attr(t.idx) or cx.inside_quote(t.idx):
            continue
        speaker = subject(cx, t.head)
        if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ in cx.lex.mute_pronouns:
            continue
        span = cx.span_chars(list(comp.subtree))
        if span is None or not _free(cx, span):
            continue
        cx.attrs.append(Attr("indirect", span[0], span[1], cue=(t.idx, t.idx + len(t)), speaker_head=speaker))


def passive_charge(cx: Context, verb: Token, cue: Cue, near: list[Token]) -> bool:
    """'Mr. Haddad was accused of using public funds', 'The rebels have been blamed for the attack': an agentless
    passive of an accusing cue (attribution_meanings.tsv agentless_charge) with what it charges ("of", "for", "over")
    is an accusation the text ascribes to nobody named: its subject and the charge, reported without a speaker (as
    passive_as does for "described as"). Whether it was reported."""
    if not cx.lex.plays(cue.meaning, "agentless_charge") or any(c.dep_ == "agent" for c in near) or not any(
            c.dep_ == "auxpass" for c in near):
        return False
    subj = next((c for c in near if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    prep = next((c for c in near if c.dep_ == "prep" and c.lower_ in {"of", "for", "over"} and c.i > verb.i
                 and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)), None)  # not "for years"
    if subj is None or prep is None or subj.pos_ not in {"NOUN", "PROPN"} or cx.inside_quote(subj.idx):
        return False
    toks = [t for t in subj.subtree] + [t for t in prep.subtree]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    span = cx.span_chars(toks) if sum(t.is_alpha for t in prep.subtree) >= 2 else None
    if span is None or any(a.start < span[1] and span[0] < a.end for a in cx.attrs) or cx.overlaps_taken(*span):
        return False  # (quoted words in the charge are someone's own: "ridiculed for its prediction that "...")
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb))
    cx.used_verbs.add(verb.i)
    return True


def passive_as(cx: Context, verb: Token, cue: Cue, near: list[Token]) -> bool:
    """'in what is being criticised as "a land grab"', 'the plan has been described as a blockade': an agentless
    passive of a judging cue (attribution_meanings.tsv portraying) casts its subject as what follows "as": a
    judgement the text ascribes to nobody named, reported without a speaker. Whether it was reported."""
    if not cx.lex.plays(cue.meaning, "portraying") or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in near):
        return False
    if not any(c.dep_ == "auxpass" for c in near) and verb.dep_ != "acl":
        return False
    prep = next((c for c in near if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    obj = next((c for c in cx.children(prep) if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return False
    toks = list(obj.subtree)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    span = cx.span_chars(toks) if sum(t.is_alpha for t in toks) >= 2 else None
    if span is None or any(a.start < span[1] and span[0] < a.end for a in cx.attrs):
        return False  # quoted words inside are not a report of their own: they are what it is cast as
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb))
    cx.used_verbs.add(verb.i)
    return True
