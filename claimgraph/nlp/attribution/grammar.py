"""Grammar the constructions share: who a cue verb or noun has as speaker, and the sentence-level cues.

Every function reads the parse through the document context; none emits an attribution.
"""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import (
    CLAUSE_CONTENT,
    FINITE_TAGS,
    NOMINATIVE,
    SUBJECT_DEPS,
    VERB_POS,
    Context,
    quoting_verb,
)
from claimgraph.nlp.attribution.inverted import can_speak, inverted_speaker, mid_inverted, next_report
from claimgraph.nlp.attribution.lexicon import Cue
from claimgraph.nlp.attribution.marks import QuoteSpan
from claimgraph.nlp.attribution.participles import after_relative, participle_host
from claimgraph.nlp.attribution.speakers import RELATIVE


def noun_cue(cx: Context, tok: Token) -> Cue | None:
    """A reporting noun with its speaker attached: "Trump's claim that ...", "a warning by the UN"."""
    if tok.pos_ != "NOUN":
        return None
    cue = cx.lex.nouns.get(tok.lemma_.lower())
    if cue is None or noun_speaker(cx, tok) is None:
        return None
    return cue


def noun_speaker(cx: Context, noun: Token) -> Token | None:
    """The speaker of a reporting noun: "Trump's claim", "a warning by the UN", "a statement from the army"."""
    for c in cx.children(noun):
        possessor = c.dep_ == "poss" or (c.i < noun.i and any(
            g.dep_ == "case" and g.lower_ in {"'s", "\u2019s", "'", "\u2019"} for g in cx.children(c)))
        if possessor:
            return c
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            obj = next((o for o in cx.children(c) if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


#: a verb with more children than this (a run of "said", a flat parse of a list) is searched for its subject only
#: among the children within this many tokens of it: reading thousands of children for every cue is O(n^2)
NEAR_CHILDREN = 64
#: how far up the tree a quoted fragment looks for the cue governing it (a chain-shaped parse is O(n) deep)
MAX_DEPTH = 50


def near_children(cx: Context, v: Token) -> list[Token]:
    """`v`'s children, or for a verb with very many, those within NEAR_CHILDREN tokens of it."""
    kids = cx.kids[v.i]
    if len(kids) > NEAR_CHILDREN:
        kids = kids[bisect.bisect_left(kids, v.i - NEAR_CHILDREN):bisect.bisect_right(kids, v.i + NEAR_CHILDREN)]
    doc = v.doc
    return [doc[i] for i in kids]


def wished(cx: Context, verb: Token) -> tuple[Token, Token | None, tuple] | None:
    """'I hope in 2017 the voters say, "..."': a cue in the clause of a verb of wishing or imagining (`wishes`)
    reports words nobody said; they are the wisher's. The wish verb, its subject and its span as the frame."""
    wish = verb.head
    # "I hope next year the voters say, ..." is often parsed as a parataxis after the wish
    if verb.dep_ not in {"ccomp", "xcomp", "parataxis"} or wish.i == verb.i or (
            verb.dep_ == "parataxis" and wish.i > verb.i) or wish.pos_ not in {"VERB", "AUX"}:
        return None
    cue = cx.cue_of(wish)  # knows the lemmatizer's lost "e" ("hopes" -> "hop")
    if (cue.text if cue is not None else wish.lemma_.lower()) not in cx.lex.wishes:
        return None
    return wish, subject(cx, wish), (wish.idx, wish.idx + len(wish))


def negated_by(cx: Context, verb: Token) -> Token | None:
    """'stopped short of calling the shooting a crime', 'refused to call it a crime', 'declined to say whether':
    the verb (`negating`) that says a cue under it was not done, so nothing was said; None when there is none."""
    if verb.dep_ not in {"xcomp", "pcomp"}:
        return None
    head = verb.head
    for _ in range(3):  # through "of" and "short" up to the verb
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    cue = cx.cue_of(head)
    lemma = cue.text if cue is not None else head.lemma_.lower()
    if lemma not in cx.lex.negating or head.pos_ not in {"VERB", "AUX"}:
        return None
    needed = cx.lex.negating_with.get(lemma)
    if needed and not any(c.lower_ == needed for c in cx.children(head)):
        return None  # "stopped calling him a liar" says he had been calling him one
    return head


def misread_participle(cx: Context, verb: Token) -> Token | None:
    """'The minister, asked whether troops would stay, said ...' parsed as 'The minister asked whether ...' with that
    clause the object of 'said': a subject set off from its verb by a single comma, the verb's clause closed by a
    comma before the verb it hangs on, is a participle's host, not the verb's subject. The host, else None."""
    if verb.dep_ != "ccomp" or verb.head.i <= verb.i or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    host = next((c for c in cx.children(verb) if c.dep_ == "nsubj" and c.i < verb.i - 1), None)
    if host is None or host.right_edge.i < verb.i - 2 or any(
            t.text == "," for t in verb.doc[host.i + 1:verb.i - 1]):
        return None
    after = verb.right_edge.i + 1
    if after >= len(verb.doc) or verb.doc[after].text != "," or after >= verb.head.i:
        return None
    return host


def subject(cx: Context, verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or that of the verb it is coordinated with."""
    if verb.pos_ == "NOUN":
        return noun_speaker(cx, verb)
    if (mid := mid_inverted(cx, verb)) is not None:
        return mid[0]  # "The bridge, said the mayor, will reopen": the mayor, not the bridge
    if verb.text in cx.lex.request_cues and verb.head.i != verb.i and verb.head.lemma_.lower() == "let":
        # "He let us know that the deal was off": the one who lets them know tells it, not the ones told (an
        # imperative "let us know what ..." has no such subject: the page's request, reported.py drops it)
        informer = next((c for c in near_children(cx, verb.head) if c.dep_ == "nsubj" and c.i < verb.head.i), None)
        if informer is not None:
            return informer
    turn = after_relative(cx, verb)
    if turn is not None:
        return subject(cx, turn)  # "met a widow who said ..., promising": the mayor; "a man who said ..., adding": him
    hosted = next((h for c in near_children(cx, verb) if c.i < verb.i and c.dep_ == "ccomp"
                   and (h := misread_participle(cx, c)) is not None), None)
    if hosted is not None and not any(c.dep_ in SUBJECT_DEPS for c in cx.children(verb)):
        return hosted
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in near_children(cx, verb)):
        return None  # "in what is being criticised as ...": a passive cue without its agent names nobody
    if verb.dep_ == "advcl":  # "Told by the army that the road would close, families left": the agent told it
        agent = next((o for c in near_children(cx, verb) if c.dep_ == "agent"
                      for o in cx.children(c) if o.dep_ == "pobj"), None)
        if agent is not None:
            return agent
    second = second_party(cx, verb)
    if second is not None:
        return second
    outer = next_reports_cue(cx, verb)
    if outer is not None:  # "The mayor said the bridge would reopen, insisting ...": the mayor, not the bridge
        return subject(cx, outer)
    seen = 0
    v = verb
    while v is not None and seen < 4:
        seen += 1
        # a subject inside quoted words belongs to the quote ('"One of ...," said Rep. X')
        verb_quoted = cx.inside_quote(verb.idx)
        deps = SUBJECT_DEPS if v.i == verb.i else SUBJECT_DEPS | {"nsubjpass"}  # "After saying X, she was"
        subjects = [undated(cx, c) for c in near_children(cx, v) if c.dep_ in deps and c.dep_ != "expl"
                    and (verb_quoted or not cx.inside_quote(c.idx))]
        subjects = [c for c in subjects if c is not None]
        if subjects:
            nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
            return abutting_name(cx, nearest, v) or nearest
        host = participle_host(cx, v) or (inverted_speaker(cx, v) if v.i == verb.i or next_report(cx, verb) else None)
        if host is not None:  # "The colonel, asked whether ..., said ...", "..., warned the engineer": the one named
            return host
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if v.i == verb.i and not verb_quoted and verb.tag_ in FINITE_TAGS and (
                before is None or before.is_punct or before.is_space):
            # 'Said Ellis:' / '"...," said Smith' parsed with the name as an object
            after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            if (after is not None and after.pos_ == "PROPN" and not cx.inside_quote(after.idx)
                    and after.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}):
                head = after
                while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
                    head = head.head
                return head
        if v.dep_ == "relcl" and v.head.pos_ in {"NOUN", "PROPN"}:
            return v.head  # "Smith, who said ..."
        if v.dep_ == "acl" and v.head.pos_ in {"NOUN", "PROPN"}:
            lemma = v.head.lemma_.lower()
            if v.tag_ != "VBN" and lemma not in cx.lex.not_speakers and lemma not in cx.lex.quantifiers:
                # "a statement saying ...", "officials warning ..."; "queries seeking ...", "the stand attacking ...":
                # a thing that cannot speak, so no speaker (an earlier subject would be a guess); an abstract
                # head ("in many cases reporting ...") leaves the subject to the sentence (subject_fallback)
                return v.head if can_speak(cx, v.head) else None
            if v.i == verb.i and v.tag_ == "VBN" and v.head.i < v.i <= v.head.i + 8 and (not any(
                    t.is_punct for t in verb.doc[v.head.i + 1:v.i]) or verb.doc[v.i - 1].text == "," and any(
                    c.dep_ == "agent" for c in near_children(cx, v))):
                # "cameras dubbed 'Smart City'", "a plan described as ...": a passive participle; its agent, if any;
                # set off by a comma only with its agent ("The report, described by officials as alarming, ..."): a
                # participle after a comma without one may be a mistagged past tense ("X, the mayor's rival, called")
                return next((o for c in near_children(cx, v) if c.dep_ == "agent"
                             for o in cx.children(c) if o.dep_ == "pobj"), None)
        quoting = quoting_verb(v)
        if quoting is not None:  # "Reuters quoted a commander as saying": the commander speaks
            obj = next((c for c in cx.children(quoting) if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "... by saying", "after calling"
            v = v.head.head
            continue
        if v.dep_ == "xcomp" and v.head.i != v.i:
            # "forced the chief executive to admit that ...": the object speaks; "asked the minister to explain",
            # "ordered the company to disclose": a request, nobody has spoken yet
            obj = next((c for c in near_children(cx, v.head) if c.dep_ == "dobj" and c.i < v.i
                        and not cx.inside_quote(c.idx)), None)
            if obj is not None:
                return obj if v.head.lemma_.lower() in cx.lex.implicative else None
        if v.dep_ in {"conj", "xcomp", "advcl"} and v.head.i != v.i:
            v = v.head
            continue
        break
    return subject_fallback(cx, verb)


def abutting_name(cx: Context, subj: Token, verb: Token) -> Token | None:
    """'To understand the real Thomas Paine, Professor Ellen Hart said, one should ...': the parser makes the name
    ending a fronted phrase the subject and the speaker's name its apposition. An apposition set off by a comma
    before it but not after it, running up to the verb, is the subject itself (a true apposition closes with a
    comma: 'The mayor, John Smith, said'). Only after a name: a role noun before a name ('The mayor, John Smith said')
    is the apposition it looks like. The name, or None."""
    if subj.pos_ != "PROPN":
        return None
    for c in cx.children(subj):
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < subj.i or verb.i < c.i or any(
                k.dep_ in {"conj", "cc"} for k in cx.children(c)):
            continue  # (a list the parser hangs on the first name: 'John Smith, Ellen Hart and Tom Reed said')
        edge = c.right_edge.i
        between = verb.doc[edge + 1:verb.i]
        if any(t.dep_ not in {"aux", "neg", "advmod"} or t.is_punct for t in between):
            continue
        if not any(t.text == "," for t in verb.doc[subj.i + 1:c.left_edge.i]) or cx.inside_quote(c.idx):
            continue
        return c
    return None


def second_party(cx: Context, verb: Token) -> Token | None:
    """"... mishandled the budget and residents accused the mayor": a cue without a subject right after a
    noun the parser made a conjunct of the clause before ("the budget and residents") has that noun as its
    speaker, not the earlier clause's subject."""
    if verb.pos_ not in VERB_POS or any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in near_children(cx, verb)):
        return None
    j = verb.i - 1
    first = cx.sents.start(verb.i)
    while j > first and cx.deps[j] in {"aux", "neg", "advmod"}:
        j -= 1
    if j - 1 <= first:
        return None
    prev, conj = verb.doc[j], verb.doc[j - 1]
    if prev.dep_ == "conj" and prev.pos_ in {"PROPN", "NOUN"} and prev.head.i < prev.i \
            and conj.lower_ in {"and", "but", "while", "whereas"} and can_speak(cx, prev) \
            and not cx.inside_quote(prev.idx):
        return prev
    return None


def verbal_target(cx: Context, verb: Token, kids: list[Token]) -> bool:
    """Whether a cue that can also be a physical attack ("attacked") attacks in words: its object is cast "as"
    something or attacked "over"/"for" something ("attacked the plan as a giveaway", "attacked the minister over
    the budget"), or is someone who speaks or something said ("attacked the senator", "attacked her remarks",
    "attacked Clinton's record"); not a convoy, a town or a ship."""
    if any(c.dep_ == "prep" and c.i > verb.i and (c.lower_ == "as" or c.lower_ in {"over", "for"} and any(
            g.dep_ == "pobj" and not any(t.ent_type_ in {"DATE", "TIME"} or t.like_num for t in g.subtree)
            for g in c.children)) for c in kids):
        return True  # grounds; not "over the weekend", "for three hours" (nor a "for" left without its object)
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ not in cx.lex.mute_pronouns
    if any(c.dep_ == "poss" and (c.pos_ in {"PRON", "PROPN"} or can_speak(cx, c)) for c in cx.children(obj)):
        return True  # "attacked Clinton's record", "attacked his plan"
    if obj.ent_type_ in {"PERSON", "NORP", "ORG"} or cx.lex.nouns.get(obj.lemma_.lower()) is not None:
        return True
    return obj.pos_ == "NOUN" and can_speak(cx, obj) and cx.lex.groups.get(obj.lemma_.lower()) != "document"


def undated(cx: Context, subj: Token) -> Token | None:
    """A subject outside the dateline: "KABUL -- The governor of the province, ..., said" is parsed with the
    dateline as subject and the governor in apposition; the dateline itself is never a speaker."""
    if not cx.in_dateline(subj.idx):
        return subj
    return next((c for c in cx.children(subj) if c.dep_ == "appos" and not cx.in_dateline(c.idx)), None)


def subject_fallback(cx: Context, verb: Token) -> Token | None:
    """When the parse gives the cue no subject: the name just before it ("Obama and Clinton call"),
    else the nearest subject before it in the sentence, outside quotes."""
    if verb.pos_ not in VERB_POS or cx.inside_quote(verb.idx):
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in near_children(cx, verb)):
        return None  # "is being criticized as ...": a passive without its agent names nobody
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in VERB_POS:
        # "..., Smith and Jones call them X and describe Y as Z": the second cue has the first one's speakers,
        # not the subject of a clause before both
        first_speaker = subject_fallback(cx, verb.head)
        if first_speaker is not None:
            return first_speaker
    # look back at most NEAR_CHILDREN tokens: a sentence that is a run of cues would make this O(n^2)
    first = max(cx.sents.start(verb.i), verb.i - NEAR_CHILDREN)
    j = verb.i - 1
    while j >= first and cx.deps[j] in {"aux", "neg", "advmod", "auxpass"}:
        j -= 1
    if j >= first:
        prev = verb.doc[j]
        if (prev.pos_ == "PROPN" or prev.lower_ in NOMINATIVE) and not cx.inside_quote(prev.idx) \
                and prev.dep_ not in {"dobj", "pobj", "poss"} and not cx.in_dateline(prev.idx):
            return prev
    for c in near_children(cx, verb):
        # "The minister, asked whether troops would stay, said ...": the parser gives the subject to a participle clause
        # set off before the verb; the subject before its comma is the verb's, not one inside the clause ("troops")
        if c.dep_ in {"advcl", "acl"} and first <= c.i < verb.i:
            k = next((k for k in cx.children(c) if k.dep_ == "nsubj" and k.i < c.i), None)
            between = verb.doc[k.i + 1:c.i] if k is not None else []
            if k is not None and between and between[-1].text == "," and all(
                    t.is_punct or k.left_edge.i <= t.i <= k.right_edge.i for t in between) \
                    and not cx.inside_quote(k.idx) and not cx.in_dateline(k.idx):
                return k
    deps = cx.deps
    for k in range(verb.i - 1, first - 1, -1):
        if deps[k] not in {"nsubj", "nsubjpass"}:
            continue
        t = verb.doc[k]
        if not cx.inside_quote(t.idx) and t.lower_ not in RELATIVE and not cx.in_dateline(t.idx):
            return t
    return None


def according_in(cx: Context, sent) -> tuple[Token, Token | None, tuple] | None:
    """A sentence-level source: "according to X" or "as X put it" (once per sentence: many quotes in one
    sentence would otherwise each read it whole)."""
    cache = cx.according_cache
    if sent.start not in cache:
        cache[sent.start] = _according_in(cx, sent)
    return cache[sent.start]


def _according_in(cx: Context, sent) -> tuple[Token, Token | None, tuple] | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(cx.doc) and cx.doc[t.i + 1].lower_ == "to":
            to = cx.doc[t.i + 1]
            pobj = next((c for c in cx.children(to) if c.dep_ == "pobj"), None)
            return t, pobj, (t.idx, to.idx + len(to))
        put = as_put_it(cx, t)
        if put is not None:
            return put
    return None


def as_put_it(cx: Context, t: Token) -> tuple[Token, Token | None, tuple] | None:
    """'as a Homeland Security memo put it': the subject of "put it" introduced by "as"."""
    if t.lemma_ != "put" or t.pos_ != "VERB":
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in cx.children(t)):
        return None
    if not any(c.lower_ == "as" and c.dep_ in {"mark", "advmod", "prep"} for c in cx.children(t)):
        return None
    subj = next((c for c in cx.children(t) if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return None
    it = next(c for c in cx.children(t) if c.dep_ == "dobj")
    return t, subj, (t.idx, it.idx + len(it))


def governing_cue(cx: Context, q: QuoteSpan) -> tuple[Token, Token | None, tuple] | None:
    """The nearest reporting verb whose clause holds the quote ('accused Moscow of "..."')."""
    toks = cx.tokens(q.inner_start, q.inner_end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    # the nearest speech verb above the quote ("said"), else the nearest stance verb ("wants")
    found: list[tuple[int, Token]] = []
    for root in roots:
        for depth, anc in enumerate(itertools.islice(itertools.chain([root], root.ancestors), MAX_DEPTH)):
            if anc.i in inside or (cue := cx.cue_of(anc) or noun_cue(cx, anc)) is None:
                continue
            found.append((0 if cue.content in CLAUSE_CONTENT or cx.lex.plays(cue.meaning, "portraying") else 1,
                          depth, anc))
    if found:
        anc = min(found, key=lambda f: (f[0], f[1]))[2]
        return anc, subject(cx, anc), (anc.idx, anc.idx + len(anc))
    portrayal = portraying_verb(cx, roots)
    if portrayal is not None:
        return portrayal
    # "according to X, ... "quoted" ..." in the same sentence
    acc = according_in(cx, cx.sents.sent(toks[0]))
    if acc is not None:
        return None if acc[0] is None else (acc[0], acc[1], acc[2])
    return None


def portraying_verb(cx: Context, roots: list[Token]) -> tuple[Token, Token | None, tuple] | None:
    """'The senator has been pounding the developer as a "con artist"', 'dismissed the plan as a "stunt"': a verb of
    judging or depicting (attribution_words.tsv portraying, or a cue of a portraying meaning: attribution_meanings.tsv)
    that casts its object as the quoted words portrays it, as "described it as" would; its subject, when it can speak,
    says so. 'Joined the firm as a "junior analyst"' casts nobody."""
    for root in roots:
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        verb = prep.head
        cue = cx.lex.verbs.get(verb.lemma_.lower())
        if verb.lemma_.lower() not in cx.lex.portrayals and (
                cue is None or not cx.lex.plays(cue.meaning, "portraying")):
            continue
        if verb.pos_ not in VERB_POS or not any(c.i < prep.i and (c.dep_ == "dobj" or c.dep_ == "prep" and any(
                o.dep_ == "pobj" for o in c.children)) for c in verb.children if c.i > verb.i):
            continue  # "pounding the developer as", "went after the developer as": someone cast as something
        subj = subject(cx, verb)
        if subj is not None and (subj.pos_ == "PRON" and subj.lower_ not in cx.lex.mute_pronouns
                                 or can_speak(cx, subj)):
            return verb, subj, (verb.idx, verb.idx + len(verb))
    return None


#: entity types that can speak under a colon label ("Caddell: ...", "Reuters: ...", "Hamas: ...")
LABEL_TYPES = {"PERSON", "ORG", "OUTLET", "GROUP", "NORP"}


def colon_label(cx: Context, toks: list[Token]) -> bool:
    """Whether the name before a paragraph's colon is a speaker: a transcript's capitalised turn label
    ("PENCE:"), a person, organisation or outlet the entities component found ("Caddell:"), or a speaker
    noun ("Poll:", "Officials:"). A headline's topic or rubric ("Flooding:", "Today:", "Correction:",
    "Editor's note:") is none of these and says nothing."""
    words = [t for t in toks if t.is_alpha]
    if not words or words[0].lower_ in cx.lex.rubrics:  # "Correction:", "Editor's note:" (not "Human Rights Watch:")
        return False
    if len(words[-1].text) > 1 and all(t.text.isupper() for t in words):
        return True
    last = words[-1]
    ent = cx.sources.entity(cx.state.entity_at(last.idx, last.idx + len(last)))
    if ent is None:
        # the tagger misses a name in a headline's capitals ("Politifact:"): the entity the article names so
        label = " ".join(t.text for t in words).lower()
        ent = next((e for e in cx.state.items["entities"]
                    if label in {e.name.lower(), *(a.lower() for a in e.aliases)}), None)
    if ent is not None and ent.type in LABEL_TYPES:
        return cx.sources.kind_of(ent) != "organization" or ent.type != "PERSON"
    return last.lemma_.lower() in cx.lex.groups and cx.lex.groups[last.lemma_.lower()] != "organization"


def other_reports(cx: Context, comp: list[Token]) -> set[int]:
    """Token indexes of clauses coordinated with a reported clause that are another speaker's report ("Officials
    said the road was closed and residents complained that ..."; "Republicans said ... and Democrats accused ..."):
    the parser hangs them on the cue or on the reported clause, but they are the writer's next report, an
    attribution of their own, not the first speaker's words. A report that opens the clause ("said residents
    complained that ...") stays inside: it is what the speaker said."""
    cut: set[int] = set()
    doc = cx.doc
    first = min(c.i for c in comp)
    for c in comp:
        for t in c.subtree:
            if t.i in cut or t.i == first:
                continue
            cue = cx.cue_of(t)
            if cue is None or refused_act(cx, t, cue):
                continue  # "... and the rebels refused to let trucks pass": an act, part of what was said
            own = same_speakers_report(cx, t, cue)
            if own is not None:
                cut.update(own)
                continue
            if t.dep_ not in {"conj", "ccomp"}:
                continue
            subj = next((k for k in cx.children(t) if k.dep_ == "nsubj"), None)
            if subj is None:
                # "... mishandled the investigation and Democrats accused the GOP": the parser makes the second
                # party a conjunct of the first clause's object and leaves the cue without a subject
                j = t.i - 1
                while j > first and cx.deps[j] in {"aux", "neg", "advmod"}:
                    j -= 1
                prev, conj = doc[j], doc[j - 1] if j > first else None
                if prev.dep_ == "conj" and prev.pos_ in {"PROPN", "NOUN"} and conj is not None \
                        and conj.lower_ in {"and", "but", "while", "whereas"} and can_speak(cx, prev) \
                        and not any(k.dep_ in {"nsubj", "nsubjpass"} for k in cx.children(t)):
                    cut.update(x.i for x in t.subtree)
                    cut.update(range(conj.i, t.i))
                continue
            if subj.pos_ not in {"PROPN", "NOUN"} or subj.i < first:
                continue
            if t.left_edge.dep_ == "mark" and t.left_edge.lower_ == "that":
                continue  # "said the videos were inconclusive and that the footage did not show ...": still said
            before = doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
            if before is None or before.lower_ not in {"and", "but", "while", "whereas"}:
                continue
            cut.update(x.i for x in t.subtree)
            cut.add(before.i)
    return cut


def refused_act(cx: Context, verb: Token, cue: Cue) -> bool:
    """Whether a refusal cue refuses an act, not words: 'refused the request', 'refused to let trucks pass' (only
    'declined to comment', 'refused to say' and the like, attribution_words.tsv refused_act, or a cue, refuse words)."""
    if not cx.lex.plays(cue.meaning, "refusal"):
        return False
    xcomp = [c for c in cx.children(verb) if c.dep_ == "xcomp" and c.i > verb.i]
    return not xcomp or not all(c.lemma_.lower() in cx.lex.refused_acts or cx.cue_of(c) is not None for c in xcomp)


def next_reports_cue(cx: Context, verb: Token) -> Token | None:
    """The outer cue whose reported clause a same-speaker report was cut from ("said" in "X said the bridge would
    reopen, insisting that ..."): that report's speaker is the outer cue's, not the reported clause's subject."""
    cue = cx.cue_of(verb)
    if cue is None or verb.head.i == verb.i:
        return None
    outer = verb.head.head
    if outer.i == verb.head.i or cx.cue_of(outer) is None or same_speakers_report(cx, verb, cue) is None:
        return None
    return outer


def same_speakers_report(cx: Context, t: Token, cue: Cue) -> set[int] | None:
    """The tokens of a report the same speaker makes next to the reported clause, to cut from it: "X said the
    bridge would reopen, arguing that ..." (a participle after a comma) and "X said it opposed the blockade and
    warned the rebels to ..." (a cue coordinated inside the clause, without a subject of its own). Each is an
    attribution of its own with the same speaker (subject() climbs from it to the clause's subject). The cue meanings
    that do are attribution_meanings.tsv next_report."""
    if not cx.lex.plays(cue.meaning, "next_report") or any(
            k.dep_ in {"nsubj", "nsubjpass", "auxpass"} for k in cx.children(t)):
        return None
    doc = cx.doc
    before = doc[t.i - 1] if t.i > 0 else None
    if before is None or t.head.dep_ != "ccomp":
        return None  # hung on the reported clause itself, not on a relative clause inside it ("that ... and demands")
    if t.tag_ == "VBG" and t.dep_ in {"advcl", "xcomp", "conj"} and before.text == ",":
        return {before.i} | {x.i for x in t.subtree if x.i >= t.i}
    if t.dep_ == "conj" and t.tag_ in {"VBD", "VBZ", "VBP"} and t.head.tag_ in {"VBD", "VBZ", "VBP"} \
            and before.lower_ == "and" and t.left_edge.i == t.i:
        return {before.i} | {x.i for x in t.subtree if x.i >= t.i} | (
            {t.i - 2} if t.i > 1 and doc[t.i - 2].text == "," else set())
    return None


def that_clause(cx: Context, c: Token) -> bool:
    """A clause the parser made an adverbial that is a reported clause: opened by "that" (not "because ...")."""
    marks = [k for k in cx.children(c) if k.dep_ == "mark" and k.i < c.i]
    return bool(marks) and marks[0].lower_ == "that"


def asides(cx: Context, comp: list[Token]) -> set[int]:
    """'He claimed that paying no tax was smart, although he refused to ...': a concessive clause after a comma at
    the end of the reported clause (attribution_words.tsv concessive) is the writer's aside: its token indexes."""
    cut: set[int] = set()
    for c in comp:
        for t in c.subtree:
            if t.dep_ != "advcl" or t.i <= c.i:
                continue
            mark = next((k for k in cx.children(t) if k.dep_ == "mark" and k.i < t.i), None)
            if mark is None or mark.lower_ not in cx.lex.concessives or mark.i == 0 \
                    or cx.doc[mark.i - 1].text != "," or t.right_edge.i < c.right_edge.i:
                continue
            cut.update(range(mark.i - 1, t.right_edge.i + 1))
    return cut


def adverbial_clause(cx: Context, c: Token) -> bool:
    """A clause the parser made the cue's complement though a conjunction of time or cause opens it ("said before
    he died", "spoke after the vote was held"; attribution_words.tsv adverbial_mark): when, not what, was said."""
    mark = next((k for k in cx.children(c) if k.dep_ in {"mark", "advmod"} and k.i < c.i), None)
    return mark is not None and mark.i == c.left_edge.i and mark.lower_ in cx.lex.adverbial_marks


def bare_clause(cx: Context, c: Token) -> Token | None:
    """A finite clause the parser made an adverbial though nothing subordinates it, its subject after a phrase
    of time or place the parser hung on it ("said after the final he would not ..."): a reported clause
    without "that". Its subject, or None ("left after the players had gone" has its conjunction)."""
    kids = cx.children(c)
    if any(k.dep_ == "mark" for k in kids):
        return None
    subj = next((k for k in kids if k.dep_ == "nsubj" and k.i < c.i), None)
    if subj is None or not (c.tag_ in FINITE_TAGS or any(k.dep_ == "aux" and k.tag_ == "MD" for k in kids)):
        return None
    return subj
