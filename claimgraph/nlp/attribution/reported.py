"""Reported speech outside quotation marks, one function per construction.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as UPOS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attribution.adverbial import (
    as_said,
    in_document,
    parenthetical,
    passive_as,
    passive_charge,
    view_adjective,
)
from claimgraph.nlp.attribution.channels import outlet_token, via_outlet
from claimgraph.nlp.attribution.context import (
    CLAUSE_CONTENT,
    INDIRECT_WITH_PARTIALS,
    TOPIC_PREPS,
    VERB_POS,
    Attr,
    Context,
    NoEntity,
    quoting_verb,
)
from claimgraph.nlp.attribution.grammar import (
    adverbial_clause,
    as_put_it,
    asides,
    bare_clause,
    can_speak,
    near_children,
    negated_by,
    noun_cue,
    noun_speaker,
    other_reports,
    subject,
    that_clause,
    verbal_target,
    wished,
)
from claimgraph.nlp.attribution.inverted import inverted_speaker, mid_inverted
from claimgraph.nlp.attribution.issuers import cited_by, grounds
from claimgraph.nlp.attribution.lexicon import Cue, lexicon
from claimgraph.nlp.attribution.reported_clauses import (
    PASSIVE_CONTENT,
    aside_clause,
    coordinated_frame,
    flipped_that_clause,
    framed_by_that,
    fronted_adverbial,
    inverted_clause,
    named_object,
    passive_subject,
    proposition,
    put_question,
    run_on_cut,
    said_object,
    speaks,
    statement_clause,
    topic_only,
    without_aside_relatives,
)
from claimgraph.nlp.attribution.transcripts import headline_report, transcript_colon

#: report a cue inside another attribution's content as its own attribution ("X said that Y told him ...")
NESTED = True


def reported_speech(cx: Context) -> None:
    """Reported speech outside quotes, sentence by sentence, each construction owning its words.

    'According to the ministry, 12 people died.' / 'Reportedly, the convoy was hit.' / 'as the memo put it'
    / 'Officials said that the town had fallen.' / 'Trump's claim that ...' / 'PENCE: Well, look, ...'.
    Cue verbs go outermost first and speech before stance, so a cue inside reported content stays content.
    """
    firsts, verbs, nouns = _scanned(cx)
    doc = cx.doc
    for sent in doc.sents:
        # a transcript turn first: its words are the labelled speaker's, and an "I think" or "I want" inside
        # them is part of what that speaker said, not a report of its own
        transcript_colon(cx, sent)
        hearsay = False  # one "reportedly" per sentence: each reads the whole sentence
        for t in _within(doc, firsts, sent):
            if t.i in cx.used_verbs or cx.inside_quote(t.idx):
                continue
            if t.lower_ == "according" and t.i + 1 < len(cx.doc) and cx.doc[t.i + 1].lower_ == "to":
                according_to(cx, t, sent)
                continue
            adv = cx.lex.adverbs.get(t.lower_)
            if adv is not None and adv.meaning == "report" and t.pos_ == "ADV":
                if not hearsay:
                    reportedly(cx, t, sent)
                hearsay = True
                continue
            put = as_put_it(cx, t)
            if put is not None:
                as_x_put_it(cx, t, put, sent)
        # reporting verbs, outermost first and speech before stance ("said" before "wants"): a
        # cue inside what someone is already reported to have said is part of that content
        cands = [(t, cue) for t in _within(doc, verbs, sent) if t.i not in cx.used_verbs
                 and not cx.inside_quote(t.idx) and (cue := cx.cue_of(t)) is not None]
        cands.sort(key=lambda tc: (tc[1].content not in CLAUSE_CONTENT, cx.depth(tc[0]), tc[0].i))
        for t, cue in cands:
            if t.i in cx.used_verbs or (cx.in_attr(t.idx) and not nested_report(cx, t, cue)):
                continue
            reported_verb(cx, t, cue, sent)
        for t in _within(doc, nouns, sent):
            if t.i in cx.used_verbs or cx.inside_quote(t.idx) or noun_cue(cx, t) is None:
                continue
            if not cx.in_attr(t.idx):
                reporting_noun(cx, t)
        in_document(cx, sent)
        view_adjective(cx, sent)
        headline_report(cx, sent)


def _scanned(cx: Context) -> tuple[list[int], list[int], list[int]]:
    """The tokens each of reported_speech's three scans can act on, found from the parse's columns (one
    `Doc.to_array`, no `Token` per token): "according", a cue adverb or "put" as a verb (the first scan);
    verbs that are no modal (`Context.cue_of` says None for the rest); nouns (`noun_cue` says None for the
    rest). Every other token the scans skipped without a side effect. Words compare by their string ids."""
    doc = cx.doc
    if not len(doc):
        return [], [], []
    cols = doc.to_array([LOWER, LEMMA, POS, TAG])
    lower, lemma, pos, tag = cols[:, 0], cols[:, 1], cols[:, 2], cols[:, 3]
    words = numpy.fromiter((get_string_id(w) for w in ("according", *cx.lex.adverbs)), dtype=numpy.uint64)
    firsts = numpy.isin(lower, words) | ((lemma == numpy.uint64(get_string_id("put"))) & (pos == UPOS["VERB"]))
    verbs = numpy.isin(pos, numpy.array([UPOS[p] for p in VERB_POS], dtype=numpy.uint64)) \
        & (tag != numpy.uint64(get_string_id("MD")))
    nouns = pos == UPOS["NOUN"]
    return (numpy.flatnonzero(firsts).tolist(), numpy.flatnonzero(verbs).tolist(),
            numpy.flatnonzero(nouns).tolist())


def _within(doc: Doc, indexes: list[int], sent: Span) -> list[Token]:
    """The tokens at `indexes` (sorted) inside the sentence, in order."""
    lo = bisect.bisect_left(indexes, sent.start)
    hi = bisect.bisect_left(indexes, sent.end, lo)
    return [doc[i] for i in indexes[lo:hi]]


def nested_report(cx: Context, verb: Token, cue: Cue) -> bool:
    """'The mayor said that a police officer told him the bridge was down': a report inside a reported
    statement is an attribution of its own when its speaker is named inside it too (the officer's words,
    as the mayor gave them). A stance or a cue without its own speaker stays part of the outer content."""
    if not NESTED or not cx.lex.plays(cue.meaning, "nested") or cue.content not in CLAUSE_CONTENT:
        return False
    if wished(cx, verb) is not None:
        return False  # "I hope the voters say that ...": a wish, nobody said it; the wish reports it whole
    subj = subject(cx, verb)
    if subj is None or not cx.in_attr(subj.idx):
        return False
    # a person or group named inside the report ("a police officer", "Ahmed Haddad"), not a pronoun (most
    # often the outer speaker again) nor a thing ("the videos show")
    lemma = subj.lemma_.lower()
    return subj.pos_ == "PROPN" or subj.pos_ == "NOUN" and (
        cx.lex.groups.get(lemma, "document") != "document" or lemma in cx.lex.titles or lemma in cx.lex.gendered
        or lemma in cx.lex.person_nouns)


def audience(cx: Context, noun: Token) -> bool:
    """Whether the object of "for" after a speech cue is whom one speaks or writes for (a person, organisation or
    outlet: "writes for the local paper", "spoke for the ministry"), not a cause ("spoke for an end to the war")."""
    return noun.pos_ in {"PROPN", "PRON"} or can_speak(cx, noun) or outlet_token(cx, noun) is not None


def content_tokens(cx: Context, verb: Token, cue: Cue, speaker: Token | None = None) -> list[Token]:
    """What a cue verb reports: its clause, its object, or the topic it was about.

    'Officials said that the town had fallen.' (clause) / 'He denied the charges.' (object) /
    'She warned of a new offensive.' (topic) / '"Y," X said.' (the cue hangs off Y's verb). An "either" cue
    reports its object only when its speaker can speak ("the senator claimed vast support", not "the explosion
    claimed the lives of 20 people"); an "as" cue only with its "as" complement ("painted him as a traitor")."""
    if (mid := mid_inverted(cx, verb)) is not None:  # "The bridge, said the mayor, will reopen": the sentence
        return mid[1]
    comp = [c for c in cx.children(verb) if c.dep_ == "ccomp" and not adverbial_clause(cx, c)
            and not (c.i < verb.i and framed_by_that(cx, verb))]  # "X continues to insist, ..., that he wants"
    quoting = quoting_verb(verb)
    if not comp and quoting is not None:
        # "The convoy was hit, the governor was quoted as saying.": the clause hangs on "quoted", not on "saying"
        comp = [c for c in cx.children(quoting) if c.dep_ == "ccomp" and not adverbial_clause(cx, c)]
    if not comp and cue.content in CLAUSE_CONTENT:
        comp = statement_clause(cx, verb)
    listener = next((c for c in cx.children(verb) if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    if not comp and listener is not None and cue.passive == "listener" and (
            listener.pos_ in {"PRON", "PROPN"} or can_speak(cx, listener)):
        # "assured residents that the water was safe" with the clause hung on the listener ("tells so many lies
        # that ..." tells no one anything)
        comp = [c for c in cx.children(listener) if c.dep_ == "acl" and that_clause(cx, c)][:1]
    xcomp = [c for c in cx.children(verb) if c.dep_ == "xcomp" and c.i > verb.i]
    # "told his men to hold the bridge": an order reported with its listener ("asked X to explain" asks only)
    told = listener is not None and cue.passive == "listener" and not cx.lex.plays(cue.meaning, "xcomp")
    if not comp and not told and cue.text not in cx.lex.negating and any(cx.cue_of(c) is not None for c in xcomp):
        # (a refusal is not aspect: "declined to comment", "refused to say whether ..." report the refusal)
        return []  # "continues to insist that ...", "went on to say": the cue after it reports, this one is aspect
    if not comp and cue.content in CLAUSE_CONTENT:
        comp = aside_clause(cx, verb)  # "insisted, most recently in an interview, that ..."
    if not comp and cue.content in CLAUSE_CONTENT and (flipped := flipped_that_clause(cx, verb)) is not None:
        return flipped  # "continues to insist, in an interview, that he wants ..." parsed the other way round
    # one side only: 'A; officials said that B' reports B, not A (nor the cue itself)
    after = [c for c in comp if c.i > verb.i]
    if after:
        comp = after
    else:
        # (a cue with its own object after it reports that: "..., the mayor noted several successes")
        own = any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.i > verb.i for c in cx.children(verb))
        comp = [c for c in comp if not any(t.text == ";" for t in verb.doc[c.right_edge.i:verb.i])
                and not (own and fronted_adverbial(cx, c))]
    toks: list[Token] = []
    if comp:
        for c in comp:
            bare = bare_clause(cx, c) if c.dep_ == "advcl" else None
            # a bare clause starts at its subject: the phrase before it is the cue's ("said after the final")
            toks.extend(t for t in c.subtree if bare is None or t.i >= bare.left_edge.i)
        cut = other_reports(cx, comp) | asides(cx, comp)
        if cut:
            toks = [t for t in toks if t.i not in cut]
        if len(comp) == 1 and (whole := coordinated_frame(cx, verb, comp[0])) is not None:
            toks = whole  # "A, but B, the official added": both clauses
    elif ((frame := verb if quoting is None else quoting).dep_ == "parataxis" or frame.head.i < frame.i and (
            inverted_speaker(cx, frame) is not None)) and frame.head.pos_ in VERB_POS:
        # "Y, X said." / "Y1, X said, Y2" parsed with the cue hanging off Y's verb; a cue in the
        # middle leaves it inside the one span the contract allows
        skip = {x.i for x in frame.subtree}
        toks = [x for x in frame.head.subtree if x.i not in skip]
    elif cue.content in PASSIVE_CONTENT and (passive := passive_subject(cx, verb, speaker)) is not None:
        # "The attack was condemned by the United Nations": what an object cue reports is its passive subject
        toks = [x for c in (passive, *(c for c in cx.children(verb) if c.i > verb.i and c.dep_ in {"oprd", "xcomp"}
                                       or c.dep_ == "prep" and c.i > verb.i and c.lower_ in {"as", "of"}))
                for x in c.subtree]
    elif cx.lex.plays(cue.content, "object_content"):
        # cue contents that report through a direct object as well (attribution_meanings.tsv object_content)
        kids = cx.children(verb)
        if any(c.dep_ == "prt" and c.lower_ in {"up", "off"} or c.dep_ == "auxpass" for c in kids):
            return []  # "showed up at the debate", "called off the talks"; "is shown in ...": no object reported
        deps = {"dobj", "xcomp", "oprd", "attr", "prep", "pcomp"}
        if cue.content == "as" and not any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in kids):
            return []  # "volunteers painted the school", "the hotel welcomed 200 guests": no view reported
        if cue.content == "either" and not speaks(cx, speaker):
            return []  # "the explosion claimed the lives of ...", "the map shows the crossings": no one spoke
        if cue.content == "target" and not verbal_target(cx, verb, kids):
            return []  # "rebels attacked the convoy", "attacked the USS Cole": a raid, nothing said
        if cue.content == "finding" and not (speaker is not None and speaker.pos_ == "NOUN"
                                             and cx.lex.groups.get(speaker.lemma_.lower()) == "document"):
            return []  # "police found the bodies of three men": a thing found, not a finding stated
        if cue.content in {"either", "finding"}:
            # "claimed vast wealth", "polls show Clinton ahead by three points", "the video shows him with his hands
            # up": the object and what follows it, not an adverbial before it ("admitted under questioning")
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
            deps = {"xcomp"} if obj is None else deps | {"advmod", "acomp", "npadvmod"}
            kids = [c for c in kids if c.dep_ == "xcomp" or obj is not None and c.i >= obj.i]
        for c in kids:
            if c.i > verb.i and c.dep_ in deps:
                if c.dep_ == "prep" and c.lower_ in {"to", "with"}:
                    continue  # the audience ("said to reporters"), not what was said
                toks.extend(c.subtree)
        toks = without_aside_relatives(cx, toks)  # "condemned the strike, which the army called ...": an aside
    elif cue.content in CLAUSE_CONTENT and (obj := said_object(cx, verb)) is not None:
        # "said many of the examples that critics cite had failed" (a clause parsed as an object), "said the same of
        # Trump" (the statement taken up again)
        toks.extend(obj.subtree)
        if obj.lower_ in cx.lex.same_words:
            toks.extend(x for c in cx.children(verb) if c.dep_ == "prep" and c.i > obj.i for x in c.subtree)
    elif xcomp and (cx.lex.plays(cue.meaning, "xcomp") or told):
        # "vowed to fight on", "hopes to offset", "asked to see the files"; "told his men to hold the bridge"
        if told and not speaks(cx, speaker):
            return []  # "the sign told drivers to slow down": nobody spoke
        if cx.lex.plays(cue.meaning, "refusal") and not (speaks(cx, speaker) and all(
                c.lemma_.lower() in cx.lex.refused_acts or cx.cue_of(c) is not None for c in xcomp)):
            return []  # "the engine refused to start", "Liverpool refused to give up": no refusal to speak
        toks.extend(listener.subtree if told else ())
        for c in xcomp:
            toks.extend(c.subtree)
    else:
        # what was talked about: "warned of X", "called for X" state a position; "spoke about X", "commented on
        # X" name only a topic, nobody's statement (attribution_words.tsv topic_meaning, topic_prep)
        for c in cx.children(verb):
            if c.i > verb.i and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                if topic_only(cx, cue, c) and not proposition(cx, c):
                    break
                if cue.meaning in cx.lex.topic_meanings and c.lower_ in cx.lex.audience_preps and any(
                        audience(cx, o) for o in cx.children(c) if o.dep_ == "pobj"):
                    continue  # "writes for the local paper", "spoke for the ministry": for whom, not what
                if any(o.dep_ == "pobj" and o.lemma_.lower() in cx.lex.manner for o in cx.children(c)):
                    continue  # "speaking on condition of anonymity": how they spoke, not what about
                if any(o.dep_ == "pobj" and o.ent_type_ in {"TIME", "DATE"} for o in cx.children(c)):
                    continue  # "spoke for an hour", "wrote for three years": how long, not what about
                for obj in cx.children(c):
                    if obj.dep_ in {"pobj", "pcomp"}:
                        toks.extend(obj.subtree)
                break
    if not toks and cue.content in CLAUSE_CONTENT:
        toks = inverted_clause(cx, verb)
    toks.sort(key=lambda x: x.i)
    return toks



def reported_verb(cx: Context, verb: Token, cue: Cue, sent) -> None:
    """Indirect speech from a cue verb: "Officials said the town had fallen."

    "It is said that ..." has an unnamed source; "Reuters reported, citing two officials, that ..." makes the
    officials the speakers, through Reuters; "Mehmet spoke to the BBC." reports no words but records the
    outlet later quotes came through (a channel).
    """
    # the speaker first: it is found near the verb, while the content may be the rest of the document
    # (a run of cues nests each one's clause in the one before: reading each would be O(n^2))
    near = near_children(cx, verb)
    if verb.tag_ == "VBG" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in near) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in near) and (
            verb.i == cx.sents.start(verb.i) or cx.doc[verb.i - 1].is_punct):
        return  # "Speaking of the debate, ...": the writer turning to a topic, not someone's words
    if verb.dep_ == "acl" and passive_as(cx, verb, cue, near):
        return  # "a blockade, described as collective punishment, ...": the judgement of nobody named
    if verb.dep_ == "acl" and any(c.dep_ == "neg" for c in near):
        return  # "the decision by the agency to not recommend charges": nothing was recommended, nothing said
    if negated_by(cx, verb) is not None:
        return  # "stopped short of calling the shooting a crime", "refused to call it a crime": nothing said
    if put_question(cx, verb, cue):
        return  # "Asked whether he would resign, the minister said ...": the question, with no speaker
    subj = subject(cx, verb)
    if subj is not None and subj.lower_ in {"you", "'s", "\u2019s"} and subj.pos_ == "PRON":
        return  # "Do you know where ...?", "let's focus on understanding ...": the writer and the reader, no report
    if subj is not None and subj.lower_ in {"us", "me"} and cue.text in cx.lex.request_cues and verb.head.i != verb.i \
            and verb.head.lemma_.lower() == "let" and not any(c.dep_ == "nsubj" for c in cx.children(verb.head)):
        return  # "let us know what your favourite phone is": the page asks the reader to tell, nobody's thought
    if subj is not None and subj.lower_ == "it" and verb.dep_ == "xcomp" and subj.head.i == verb.head.i and any(
            c.dep_ == "acomp" for c in cx.children(verb.head)):
        return  # "it is necessary to show that ...", "it is hard to say": "it" stands for the clause, nobody speaks
    fixed = None
    if subj is None:
        # "It was announced by the army that ...", "The strike was condemned by the ministry, which ...":
        # a passive cue's agent is its speaker; "it is said that ..." without one has an unnamed source
        subj = agent_of(verb, near)
        passive = next((c for c in near if c.dep_ == "nsubjpass"), None)
        if raised_passive(cx, verb, cue, near, subj) or subj is None and (
                passive_as(cx, verb, cue, near) or passive_charge(cx, verb, cue, near)):
            return
        if subj is None:
            if passive is None or passive.lower_ != "it":
                return
            fixed = holder_of(cue)
    elif subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in near):
        subj = agent_of(verb, near)
        fixed = None if subj is not None else holder_of(cue)
    if fixed is None and (as_said(cx, verb, cue, subj) or parenthetical(cx, verb, cue, subj)):
        return  # "..., as the engineers have said": the main clause is theirs
    toks = run_on_cut(content_tokens(cx, verb, cue, subj))
    words = [t for t in toks if t.is_alpha]
    block = colon_block(cx, verb, sent) if len(words) < 2 and cue.content in CLAUSE_CONTENT else None
    if block is not None and (subj is not None or fixed is not None):
        cx.attrs.append(Attr("direct", block[0], block[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                             speaker_head=subj if fixed is None else None, fixed_source=fixed))
        cx.used_verbs.add(verb.i)
        cx.take(block)
        return
    if len(words) < 2 and not named_object(cx, verb, cue, toks):
        # "Mehmet spoke to the BBC.": no words reported, but later quotes came through the outlet
        if subj is not None and cue.meaning == "assert" and via_outlet(cx, verb) is not None:
            cx.attrs.append(Attr("channel", verb.idx, verb.idx, verb=verb, speaker_head=subj,
                                    cue=(verb.idx, verb.idx + len(verb))))
            cx.used_verbs.add(verb.i)
        return
    span = cx.span_chars(toks)
    if span is None:
        return
    s, e = span
    # quoted material inside: the quote handling owns it
    if cx.overlaps_taken(s, e):
        covered = cx.taken_chars.count(1, s, e)
        # the quoted words inside are this statement's attribution when they have one; a quoted term or
        # fragment nobody was found saying ('Farmers, he said, can "grow anything"') leaves the statement
        # reported here, its only attribution
        # a fragment that another cue inside this statement governs is part of this statement: "told CBS that the
        # campaign expects Holt to call out Trump for his "lies"" is the campaign manager's, "lies" and all
        inner = [a for a in cx.attrs if a.kind == "partial" and a.start < e and s < a.end
                 and a.verb is not None and a.verb.i != verb.i and s <= a.verb.idx < e]
        quoted_attr = any(a.kind in {"direct", "partial"} and a.start < e and s < a.end and not any(
            a is b for b in inner) for a in cx.attrs)
        if covered * 2 >= e - s or quoted_attr and not INDIRECT_WITH_PARTIALS:
            return
        # the fragment is this speaker's own ("condemned what he called a "brazen breach""): one attribution; a
        # fragment of someone else named inside ("said that the minister, who called it "a disaster", ...") stays his
        inner = [a for a in inner if a.speaker_head is None or a.speaker_head.pos_ == "PRON" and a.speaker_head.lower_
                 not in {"who", "whom", "which", "that"} or subj is not None and a.speaker_head.lower_ == subj.lower_]
        if inner:
            cx.marked -= sum(any(a is b for b in inner) for a in cx.attrs[:cx.marked])  # mark_attrs counts by index
            cx.attrs = [a for a in cx.attrs if not any(a is b for b in inner)]
    attr = Attr("indirect", s, e, cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                 speaker_head=subj if fixed is None else None, fixed_source=fixed)
    # "Reuters reported, citing two officials, that ...", "State television said, quoting the mayor, ...": the cited
    # speak, through the cue's subject; the citing words are the chain, not what was said
    cites = cited_by(cx, verb, subj) if fixed is None else None
    if cites is not None:
        citing, cited = cites
        attr.speaker_head, attr.via_head = cited, subj
        cx.used_verbs.add(citing.i)
        skip = {x.i for x in cited.subtree} | ({citing.i} if citing.i == verb.i else {x.i for x in citing.subtree})
        if citing.head.i == cited.i:  # "Quoting witnesses, ...": the participle is no part of who speaks
            attr.speaker_span = cx.span_chars([x for x in cited.subtree if x.i != citing.i])
        rest = cx.span_chars([t for t in toks if t.i not in skip])
        if rest is None:  # "The paper ran the story, quoting two officials.": whose words, but no words
            cx.used_verbs.add(verb.i)
            return
        attr.start, attr.end = rest
    elif fixed is None:  # "said, citing the treaty, that ...": the grounds given are no part of what was said
        reason = grounds(cx, toks)
        rest = cx.span_chars([t for t in toks if t.i not in reason[1]]) if reason is not None else None
        if rest is not None:  # (and "citing" reports nothing of its own: the treaty said nothing)
            attr.start, attr.end = rest
            cx.used_verbs.add(reason[0].i)
    cx.attrs.append(attr)
    cx.used_verbs.add(verb.i)
    quoting = quoting_verb(verb)
    if quoting is not None:
        cx.used_verbs.add(quoting.i)  # "quoted X as saying": one statement, X's


def holder_of(cue: Cue) -> str | None:
    """The fixed source of an agentless passive cue: none for a belief or expectation, an unnamed one for
    hearsay (the fixed_source of Attr; a None here and no speaker make a speakerless attribution). The meanings are
    attribution_meanings.tsv holderless."""
    return None if lexicon().plays(cue.meaning, "holderless") else "anonymous"


def raised_passive(cx: Context, verb: Token, cue: Cue, near: list[Token], agent: Token | None) -> bool:
    """'The convoy is expected to arrive on Monday.' / 'The town is considered a stronghold.': an agentless
    passive cue with an infinitive or a predicate noun reports its whole clause, subject included; its agent
    speaks ("is expected by the engineers to"); with no holder named, a belief or expectation has no speaker
    and hearsay an unnamed source. A cue whose passive subject is its listener ("the players were told to stay home",
    cues.tsv passive) raises nothing. Whether it was made."""
    if not cx.lex.plays(cue.meaning, "raising") or cue.passive == "listener" or not any(
            c.dep_ == "auxpass" for c in near):
        return False
    subjects = [c for c in near if c.dep_ == "nsubjpass" and c.i < verb.i]
    comp = next((c for c in near if c.i > verb.i and (
        c.dep_ == "oprd" or c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children))),
        None)
    if not subjects or comp is None or any(c.dep_ in {"ccomp", "dobj"} for c in near):
        return False
    first = min(s.left_edge.i for s in subjects)
    last = max(t.i for t in comp.subtree)
    toks = list(cx.doc[first:last + 1])
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    if sum(t.is_alpha for t in toks) < 4:
        return False
    span = cx.span_chars(toks)
    if span is None or cx.overlaps_taken(*span):
        return False
    fixed = holder_of(cue) if agent is None else None
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                         speaker_head=agent, fixed_source=fixed))
    cx.used_verbs.add(verb.i)
    return True


def colon_block(cx: Context, verb: Token, sent) -> tuple[int, int] | None:
    """'The governor added:' closing its paragraph, the next paragraph his words set off without quote marks
    (a block quote): that paragraph, unless quote marks or another attribution already own it."""
    last = sent[-1]
    while last.i > verb.i and last.is_space:
        last = cx.doc[last.i - 1]
    if last.text != ":" or last.i <= verb.i or any(t.pos_ in VERB_POS for t in cx.doc[verb.i + 1:last.i]):
        return None
    p_start, p_end = cx.para_of(last.idx)
    if cx.text[last.idx + 1:p_end].strip():
        return None  # the colon does not close its paragraph: what follows on the line is handled as a sentence
    nxt = bisect.bisect_right(cx.para_starts, last.idx)
    if nxt >= len(cx.paras):
        return None
    s, e = cx.paras[nxt]
    while e > s and cx.text[e - 1].isspace():
        e -= 1
    if e - s < 2 or cx.overlaps_taken(s, e) or cx.text[s] in "\"“”‘'":
        return None
    return s, e


def agent_of(verb: Token, near: list[Token]) -> Token | None:
    """The agent of a passive cue: "was announced by the army" -> army."""
    for c in near:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def reporting_noun(cx: Context, noun: Token) -> None:
    """"Trump's claim that there were thousands of shootings": the clause or topic the noun reports."""
    toks: list[Token] = []
    for c in cx.children(noun):
        if c.i > noun.i and c.dep_ in {"acl", "ccomp", "relcl"} and c.left_edge.lower_ == "that" \
                and c.left_edge.dep_ == "mark":
            toks.extend(c.subtree)
            break
    cue = noun_cue(cx, noun)
    if not toks and cue is not None and cx.lex.plays(cue.meaning, "xcomp"):
        # "the governor's promise to rebuild the bridge", "the army's warning to leave the valley": the infinitive
        toks = next((list(c.subtree) for c in cx.children(noun) if c.i > noun.i and c.dep_ in {"acl", "relcl"}
                     and any(k.dep_ == "aux" and k.tag_ == "TO" and k.i < c.i for k in cx.children(c))), [])
    if not toks:
        for c in cx.children(noun):
            if c.i > noun.i and c.dep_ == "prep" and c.lower_ in {"about", "of", "on", "against"}:
                cue = noun_cue(cx, noun)
                if cue is not None and topic_only(cx, cue, c) \
                        and not proposition(cx, c):
                    break  # "his comments on the ruling", "a statement about the talks": a topic, no statement
                toks.extend(x for o in cx.children(c) if o.dep_ in {"pobj", "pcomp"} for x in o.subtree)
                break
    if sum(t.is_alpha for t in toks) < 2:
        return
    span = cx.span_chars(sorted(toks, key=lambda x: x.i))
    if span is None or cx.overlaps_taken(*span):
        return
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(noun.idx, noun.idx + len(noun)), verb=noun,
                            speaker_head=noun_speaker(cx, noun)))
    cx.used_verbs.add(noun.i)


def according_to(cx: Context, t: Token, sent) -> None:
    """"According to the ministry, 12 people died.": the rest of the sentence, said by the ministry.

    The speaker is the whole phrase after "according to" up to a comma, its last person if it names one.
    """
    to = cx.doc[t.i + 1]
    pobj = next((c for c in cx.children(to) if c.dep_ == "pobj"), None)
    if pobj is None:
        return
    pp_start = t.i
    pp_end = sent.end
    for x in cx.doc[to.i + 1:sent.end]:
        if x.text in {",", ";", "(", "\u2014"} or (x.is_punct and x.i == sent.end - 1):
            pp_end = x.i
            break
    # "..., according to the mayor, who said two schools were hit": the source's own clause is a report of its own
    own = {x.i for c in pobj.subtree if c.dep_ == "relcl" and c.i > pobj.i for x in c.subtree}
    if own:
        own.update(x.i for x in cx.doc[pp_end:min(own)] if x.is_punct)
    before = [x for x in sent if x.i < pp_start]
    after = [x for x in sent if x.i >= pp_end and x.i not in own]
    words_before = [x for x in before if x.is_alpha]
    words_after = [x for x in after if x.is_alpha]
    if len(words_after) >= 3 and len(words_before) <= 1:
        toks = after
    elif len(words_before) >= 3 and len(words_after) <= 1:
        toks = before
    else:
        toks = [x for x in sent if not (pp_start <= x.i < pp_end) and x.i not in own]
    while toks and toks[-1].is_punct and toks[-1].i in own | {sent.end - 1}:
        toks.pop()
    span = cx.span_chars(toks)
    if span is None:
        return
    if cx.overlaps_taken(*span):
        return
    # the speaker is the whole phrase after "according to", up to a comma or the sentence end
    end_i = pp_end
    sp = cx.span_chars(list(cx.doc[to.i + 1:end_i]))
    attr = Attr("indirect", span[0], span[1], cue=(t.idx, to.idx + len(to)), speaker_head=pobj)
    if sp is not None and sp[1] - sp[0] < 200:
        attr.speaker_span = sp
        ents = [x for x in cx.doc[to.i + 1:end_i]
                if (cx.sources.entity(cx.state.entity_at(x.idx, x.idx + len(x))) or NoEntity).type == "PERSON"]
        if ents:
            attr.speaker_head = ents[-1]
    cx.attrs.append(attr)
    # not taken as quoted words are: a report inside it is nested in it ("According to the mayor, a police officer
    # told him the bridge was closed": the officer's words, as the mayor gave them), any other cue stays its content;
    # a verb inside the source's phrase describes the source ("according to people I spoke to"), it reports nothing
    cx.used_verbs.update(x.i for x in cx.doc[to.i + 1:end_i] if x.pos_ in VERB_POS)


def as_x_put_it(cx: Context, t: Token, put: tuple, sent) -> None:
    """'X is Y, as the memo put it.': the sentence without the "as ... put it" clause."""
    skip = {x.i for x in t.subtree}
    span = cx.span_chars([x for x in sent if x.i not in skip])
    if span is None or cx.overlaps_taken(*span):
        return
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=put[2], verb=t, speaker_head=put[1]))
    cx.used_verbs.add(t.i)


def reportedly(cx: Context, t: Token, sent) -> None:
    """'Reportedly, X ...': the sentence is reported speech from an unnamed source."""
    toks = [x for x in sent if x.i != t.i]
    span = cx.span_chars(toks)
    if span is None or cx.overlaps_taken(*span):
        return
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(t.idx, t.idx + len(t)),
                            fixed_source="anonymous"))
