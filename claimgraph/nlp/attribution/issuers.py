"""Who issued a document and whose words a cue relays: the source behind "the statement" and "citing X".

Why: "The ministry issued a statement. ... It said ..." is the ministry speaking, not a piece of paper; and
"State television reported, quoting the mayor, that ..." is the mayor's statement through the broadcaster, not a
report whose content is "quoting the mayor". Both read only the parse and the lexicon (attribution_groups.tsv,
attribution_words.tsv `citing`, `issuer_prep`, `ruling_document`, attribution_entity_types.tsv).
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import Context
from claimgraph.nlp.attribution.grammar import near_children

#: how many sentences back "the statement" looks for where it was issued ("The ministry issued a statement.")
ISSUER_REACH = 3


def can_issue(cx: Context, t: Token) -> bool:
    """Whether a noun names someone who can issue a document: an organisation, a country, a person, an outlet or an
    institution noun ("the ministry"), a person noun ("the officer"); not a pronoun nor another document."""
    if t.pos_ == "PRON":
        return False
    ent = cx.sources.entity(cx.state.entity_at(t.idx, t.idx + len(t)))
    if ent is not None:  # attribution_entity_types.tsv issuer: "the UN report", "a statement from Hamas"
        return ent.type in cx.lex.entity_roles.get("issuer", ())
    if t.pos_ == "PROPN":
        return True  # a name the tagger left without a type ("Human Rights Watch")
    lemma = t.lemma_.lower()
    kind = cx.lex.groups.get(lemma)
    return t.pos_ in {"NOUN", "PROPN"} and kind is not None and kind != "document" or cx.lex.names_person(lemma)


def can_be_cited(cx: Context, t: Token) -> bool:
    """Whether the object of "citing"/"quoting" is someone or something whose words are relayed, a possible speaker: a
    name of a person, an organisation, an outlet, a country or a people (attribution_entity_types.tsv `cited`), a
    speaker or document noun of the lexicon ("citing two officials", "quoting a report"). Not the grounds of the
    statement, which leave the cue's subject the speaker: a reason ("citing security concerns"), a law, a treaty or a
    holiday ("citing the Geneva Conventions", "citing Article 5", "citing Ramadan"), a ruling document ("citing the
    treaty")."""
    if t.lower_ in cx.lex.holidays:
        return False  # "citing Easter", typed a person or not: a reason
    cited = cx.lex.entity_roles.get("cited", set())
    ent = cx.sources.entity(cx.state.entity_at(t.idx, t.idx + len(t)))
    if ent is not None:
        return ent.type in cited
    if t.ent_type_:  # a name claimgraph keeps no entity of: the tagger's type ("the Geneva Conventions": LAW)
        return t.ent_type_ in cited
    if t.pos_ == "PROPN" and not t.text.islower():
        return _speaker_name(cx, t)
    lemma = t.lemma_.lower()
    if t.pos_ not in {"NOUN", "PROPN"} or lemma in cx.lex.not_speakers or lemma in cx.lex.ruling_documents:
        return False
    if any(c.dep_ == "nummod" and c.i > t.i for c in cx.children(t)):
        return False  # "citing Article 5", "citing paragraph 4": a numbered provision ("two officials" speak)
    return lemma in cx.lex.groups or lemma in cx.lex.titles or lemma in cx.lex.gendered or lemma in cx.lex.person_nouns


def _speaker_name(cx: Context, t: Token) -> bool:
    """Whether a name no tagger typed is a speaker's: a person's with a title or an honorific in it ("quoting General
    Haftar", "citing Mr Salem") or an organisation's by its last word ("citing Human Rights Watch"); an untyped name
    otherwise is more often a thing, a season or an event ("citing Ramadan", "citing Brexit") than a voice."""
    if t.text in cx.lex.not_person_heads:
        return True
    words = [c for c in cx.children(t) if c.dep_ in {"compound", "flat"} and c.i < t.i]
    return any(w.lower_.rstrip(".") in cx.lex.titles or w.lower_ in cx.lex.honorifics for w in words)


def own_issuer(cx: Context, noun: Token) -> Token | None:
    """The issuer a document's own phrase names: "the ministry's statement", "a report by Amnesty", "the UN report",
    "a statement issued by the army"; with a passive, its agent ("A statement was released by the ministry")."""
    for c in cx.children(noun):
        if c.dep_ == "poss" and can_issue(cx, c):
            return c
        if c.dep_ == "compound" and c.i < noun.i and cx.state.entity_at(c.idx, c.idx + len(c)) is not None \
                and can_issue(cx, c):
            return c
        if c.dep_ == "prep" and c.lower_ in cx.lex.issuer_preps and c.i > noun.i:
            obj = next((o for o in cx.children(c) if o.dep_ == "pobj"), None)
            if obj is not None and can_issue(cx, obj):
                return obj
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "a statement issued by the army", "signed by the minister"
            agent = _agent(cx, c)
            if agent is not None:
                return agent
    return _agent(cx, noun.head) if noun.dep_ == "nsubjpass" else None


def _agent(cx: Context, verb: Token) -> Token | None:
    """The "by" agent of a passive verb, when it can issue a document."""
    return next((o for c in cx.children(verb) if c.dep_ == "agent" for o in cx.children(c)
                 if o.dep_ == "pobj" and can_issue(cx, o)), None)


def issuer_of(cx: Context, noun: Token) -> Token | None:
    """Who issued the document a noun names, as "it" may stand for: an organisation, a country or an outlet (a person
    who signed it is no "it"), named in its own phrase, else, for "the statement", where that document was last
    mentioned a few sentences back as the object of someone ("The ministry issued a statement on Tuesday. The
    statement was read on television."). None when the text does not say."""
    found = _issuer(cx, noun)
    return None if found is None or _person(cx, found) else found


def _person(cx: Context, t: Token) -> bool:
    """Whether a token names a person: a PERSON entity or a person noun ("the minister", "a spokesman")."""
    ent = cx.sources.entity(cx.state.entity_at(t.idx, t.idx + len(t)))
    if ent is not None:
        return cx.sources.kind_of(ent) == "person"
    return t.pos_ == "NOUN" and cx.lex.names_person(t.lemma_.lower())


def _issuer(cx: Context, noun: Token) -> Token | None:
    """issuer_of, people included."""
    if cx.lex.groups.get(noun.lemma_.lower()) != "document":
        return None
    own = own_issuer(cx, noun)
    if own is not None or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in cx.children(noun)):
        return own
    start = cx.sents.token_start_before(noun.i, ISSUER_REACH)
    for t in reversed(cx.doc[start:noun.i]):
        if t.lemma_ != noun.lemma_ or t.pos_ != "NOUN" or cx.inside_quote(t.idx):
            continue
        own = own_issuer(cx, t)
        if own is None and t.dep_ == "dobj":
            own = next((c for c in cx.children(t.head) if c.dep_ == "nsubj" and can_issue(cx, c)), None)
        return own  # the latest mention of that document decides
    return None


def cited_by(cx: Context, verb: Token, subj: Token | None) -> tuple[Token, Token] | None:
    """'Reuters reported, citing two officials, that ...', 'The channel, quoting security sources, said ...', 'Citing
    the ministry, the paper said ...': the participle of a citing verb on the cue (or its clause, or its subject)
    and the one it cites, when that one can speak ("citing security concerns" cites nobody). None when the cue
    relays nobody's words."""
    if subj is None:
        return None
    if verb.tag_ == "VBG" and verb.lemma_ in cx.lex.citing and verb.dep_ in {"advcl", "acl"}:
        # "The paper said, quoting an official, that ...", the clause parsed on "quoting": the participle is the cue
        cited = next((o for o in cx.children(verb) if o.dep_ == "dobj"), None)
        return (verb, cited) if cited is not None and cited.i != subj.i and can_be_cited(cx, cited) else None
    # a child or grandchild of the verb, read near it (a run of cues is O(n^2) otherwise), or the subject's participle
    near = [g for c in near_children(cx, verb) for g in (c, *near_children(cx, c))]
    near += [c for c in near_children(cx, subj) if c.dep_ == "acl"]
    for g in near:
        if g.tag_ != "VBG" or g.lemma_ not in cx.lex.citing:
            continue
        if g.dep_ == "amod" and g.head.i == g.i + 1 and g.head.head.i == verb.i and can_be_cited(cx, g.head):
            return g, g.head  # "Quoting witnesses, the broadcaster said ...", parsed as an adjective on "witnesses"
        if g.dep_ not in {"advcl", "acl", "xcomp", "conj"}:
            continue
        cited = next((o for o in cx.children(g) if o.dep_ == "dobj"), None)
        if cited is not None and cited.i != subj.i and can_be_cited(cx, cited):
            return g, cited
    return None


def grounds(cx: Context, toks: list[Token]) -> tuple[Token, set[int]] | None:
    """'The ministry said, citing the treaty, that the border was closed', '..., citing security concerns.': a "citing"
    participle that cites no speaker and whose phrase opens or closes a statement's words (punctuation aside), with
    the indices of that phrase: the grounds the speaker gives, not what was said. None when there is none."""
    words = [t for t in toks if not (t.is_punct or t.is_space)]
    inside = {t.i for t in toks}
    for g in words:
        if g.tag_ != "VBG" or g.lemma_ not in cx.lex.citing or g.dep_ not in {"advcl", "acl", "xcomp", "conj"}:
            continue
        phrase = {t.i for t in g.subtree if t.i in inside}
        if words[0].i in phrase or words[-1].i in phrase:
            return g, phrase
    return None
