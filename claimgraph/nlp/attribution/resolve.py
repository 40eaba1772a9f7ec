"""Speakers: from the cue's subject to a source (entity, group, role, pronoun) and its outlet.
"""

from __future__ import annotations

import bisect
import itertools
import re

from spacy.tokens import Token

from claimgraph.contract import Entity, Source
from claimgraph.nlp.attribution.channels import outlet_token, via_outlet
from claimgraph.nlp.attribution.context import SUBJECT_DEPS, Attr, Context, strip_det
from claimgraph.nlp.attribution.issuers import issuer_of
from claimgraph.nlp.attribution.speakers import (
    PRONOUNS,
    RELATIVE,
    Candidate,
    mention_tokens,
    plural_name,
    role_of,
)

#: how many of the latest sources "the minister" is matched against
SOURCE_LOOKBACK = 100


def resolve_speakers(cx: Context) -> None:
    """Give every attribution its source, in the order the speakers appear, and its outlet.

    "Reuters quoted a commander as saying ...": the commander speaks, via Reuters; "he" is resolved after
    every earlier speaker is known.
    """
    def position(a: Attr) -> int:
        if a.speaker_head is not None:
            return a.speaker_head.idx
        return a.cue[0] if a.cue else a.start

    for n, a in enumerate(cx.attrs):
        a.order = n
    cx.attrs.sort(key=lambda a: (a.start, a.order))
    for a in sorted(cx.attrs, key=position):
        if a.fixed_source == "anonymous":
            a.source = cx.sources.get("unnamed source", None, "anonymous")
            cx.unnamed_id = a.source.id
            continue
        if a.speaker_head is None:
            continue
        speaker_of(cx, a)
        if a.verb is not None and a.source is not None:
            via = relay_source(cx, a.via_head) if a.via_head is not None else via_outlet(cx, a.verb)
            if via is not None and via.id != a.source.id:
                if a.source.via is None:
                    a.source.via = via.id
                a.via = via
    # a cue whose subject cannot speak frames no speech ("This decision shows ...", "Many cases report ..."):
    # reported words go; quoted words stay, with no speaker
    cx.attrs = [a for a in cx.attrs if not (a.void and a.kind != "direct")]


def relay_source(cx: Context, head: Token) -> Source | None:
    """The source whose report relays a cited speaker ("Reuters reported, citing ...", "the ministry said, quoting
    ..."): an outlet, a pronoun's antecedent ("It reported, citing ..."), else whoever the phrase names."""
    outlet = outlet_token(cx, head)
    if outlet is not None:
        return outlet
    if head.pos_ == "PRON":
        cand = cx.sources.resolve_pronoun(head, cx.inside_quote) if head.lower_ in PRONOUNS else None
        return None if cand is None else cx.sources.by_key.get(cand.source_key) or cx.sources.get(
            cand.label, cand.entity, cand.kind)
    return named_source(cx, head)


def speaking_head(cx: Context, head: Token) -> Token | None:
    """The word naming who speaks, from the cue's subject: the speakers a quantity counts ("a large number of
    recruits" -> recruits, "63 percent of voters" -> voters); the speaker an abstract noun belongs to ("this
    decision by the FBI" -> the FBI); None for an abstract noun that names nobody ("the way", "many cases").
    Names, entities, pronouns and nouns that can speak are their own speakers."""
    for _ in range(4):
        if head.pos_ == "PROPN" or cx.state.entity_at(head.idx, head.idx + len(head)) is not None:
            return head
        lemma, low = head.lemma_.lower(), head.lower_
        # "two of the guards" speak for the guards; "one of the guards" is one person, named by the count
        quantity = lemma in cx.lex.quantifiers or low in cx.lex.quantifiers or (head.like_num and low != "one")
        abstract = head.pos_ == "NOUN" and (lemma in cx.lex.not_speakers or low in cx.lex.not_speakers)
        if not (quantity or abstract):
            return head
        kids = cx.children(head)
        # "his best response", "the court's decision": the possessor; "a decision by the court": the agent
        obj = None if quantity else next((c for c in kids if c.dep_ == "poss"), None)
        preps = {"of"} if quantity else {"of", "by", "from"}
        obj = obj or next((o for c in kids if c.dep_ == "prep" and c.lower_ in preps and c.i > head.i
                           for o in cx.children(c) if o.dep_ == "pobj"), None)
        if obj is None:
            return head if quantity else None
        if obj.lower_ in RELATIVE:  # "refugees, many of whom said ...": the refugees the relative clause hangs on
            rel = next((r for r in itertools.islice(obj.ancestors, 4) if r.dep_ == "relcl"), None)
            obj = rel.head if rel is not None else obj
        head = obj
    return head


def speaker_of(cx: Context, a: Attr) -> None:
    """The source of one attribution from its speaker's head word.

    'Smith, who said ...' (a relative pronoun: Smith), '"...," he said.' (a pronoun, resolved against the
    history), 'the minister said' (a named source or label).
    """
    head = a.speaker_head
    # "Flynn's claim", possessive speakers and compound heads: use the noun itself
    if head.lower_ in RELATIVE and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
        a.speaker_span = (head.idx, head.idx + len(head))
        antecedent = speaking_head(cx, head.head.head)
        if antecedent is None and head.lower_ in {"who", "whom"}:
            # "who" names a person: the parse hung the clause on a thing ("a focal point for protesters, who ...")
            antecedent = next((t for t in reversed(cx.doc[max(0, head.i - 6):head.i])
                               if t.pos_ in {"NOUN", "PROPN"} and speaking_head(cx, t) is t), None)
        if antecedent is None:  # "political correctness, which encourages ...": nobody speaks
            a.void, a.speaker_span = True, None
            return
        cand = named_source(cx, antecedent)
        if cand is not None:
            a.source = cand
            remember(cx, a.source, antecedent.idx, None, antecedent)
        return
    if head.lower_ in PRONOUNS and head.pos_ == "PRON":
        a.speaker_span = (head.idx, head.idx + len(head))
        ante = clause_subject(cx, head)
        src = named_source(cx, ante) if ante is not None else None
        if src is not None:  # "Proponents have urged ..., although they say ...": the clause's own subject
            a.source = src
            remember(cx, src, head.idx, head.lower_, ante)
            return
        ante = fronted_subject(cx, head)
        src = named_source(cx, ante) if ante is not None else None
        if src is not None:  # "While she admitted the plan was costly, the minister defended it": the minister
            a.source = src
            remember(cx, src, head.idx, head.lower_, ante)
            return
        cand = cx.sources.resolve_pronoun(head, cx.inside_quote)
        if cand is None and head.lower_ == "i" and not cx.inside_quote(head.idx):
            signer = signature(cx, head.idx)
            if signer is not None:  # a letter's "I": the name signing it (not remembered: no later "he" is him)
                a.source = cx.sources.get(signer.name, signer.id, cx.sources.kind_of(signer))
            return
        late = fronted_subject(cx, head, strict=False) if cand is None else None
        src = named_source(cx, late) if late is not None else None
        if src is not None:  # "Although she admitted ..., Maria Lopez defended it", nobody named before
            a.source = src
            remember(cx, src, head.idx, None, late)
            return
        if cand is None:
            body = speaker_subject_before(cx, head)
            # "it" takes up no person: a name typed by nothing it stands for is an organisation's from the start
            src = named_source(cx, body, institution=head.lower_ == "it") if body is not None else None
            if src is not None:  # "The water company raised its prices. It said ...": the company
                a.source = src
                remember(cx, src, head.idx, head.lower_, body)
            return  # else nobody to resolve to: the span stays on the pronoun, the speaker unknown
        a.source = cx.sources.by_key.get(cand.source_key) or cx.sources.get(
            cand.label, cand.entity, cand.kind)
        issuer = cx.issuers.get(a.source.id) if head.lower_ == "it" else None
        if issuer is not None:  # "The ministry's statement said ... It added ...": the ministry
            a.source = issuer
            remember(cx, issuer, head.idx, None, gender="n")
            return
        remember(cx, a.source, head.idx, None if cx.sources.guessed else head.lower_, gender=cand.gender)
        return
    speaker = speaking_head(cx, head)
    if speaker is None:
        a.void, a.speaker_span = True, None
        return
    if speaker.i != head.i:
        head, a.speaker_span = speaker, None
    if a.speaker_span is not None:  # "according to <the whole phrase>"
        span = a.speaker_span
    else:
        s, e = mention_tokens(head)
        span = cx.span_chars(list(cx.doc[s:e]))
        if span is None:
            return
        a.speaker_span = span
    src = named_source(cx, head, span)
    if src is not None:
        a.source = src
        remember(cx, src, span[0], None, head)
        issuer = issuer_of(cx, head) if src.kind == "document" and src.id not in cx.issuers else None
        issued = named_source(cx, issuer) if issuer is not None else None
        if issued is not None and issued.id != src.id:
            cx.issuers[src.id] = issued


#: how many sentences back an unresolved pronoun looks for a subject named by a common noun
SUBJECT_REACH = 2
#: source kinds of a group noun (attribution_groups.tsv) that speak as one body through "it" or "they"
INSTITUTION_KINDS = {"organization", "official", "outlet"}


def speaker_subject_before(cx: Context, pron: Token) -> Token | None:
    """'The local water company raised its prices. It said ...': an "it" or "they" speaker that no named entity or
    earlier speaker resolves takes up the latest institution named by a common noun (a group noun of an
    organisation, an official body or an outlet) as the subject of a sentence just before, or of its own sentence
    before the pronoun: "it" a singular noun (a document's issuer when the text names it, else the document: "the
    statement"), passing over people ("the pilot" is no "it"), "they" a plural one; a "he" or "she" takes up a person
    noun of that gender or none ("The general spoke to reporters. ... he said"). None when the latest subject is none
    of these."""
    g = PRONOUNS.get(pron.lower_)
    if pron.lower_ not in {"it", "they", "he", "she"} or pron.dep_ not in SUBJECT_DEPS:
        return None  # ("we" is the writer's or the speaker's own side, never an institution named before)
    start = cx.sents.token_start_before(pron.i, SUBJECT_REACH)
    for t in reversed(cx.doc[start:pron.i]):
        # (a lower-case noun the tagger took for a name, "the ministry of defence", is a common noun)
        if t.dep_ not in {"nsubj", "nsubjpass"} or cx.inside_quote(t.idx):
            continue
        if g == "n" and t.pos_ == "PROPN" and t.text in cx.lex.not_person_heads and \
                cx.state.entity_at(t.idx, t.idx + len(t)) is None:
            return t  # "Human Rights Watch said ... It called for ...": an organisation's name no entity holds
        if not (t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.islower()):
            continue
        if g in {"m", "f"}:
            return t if person_for(cx, t, g, strict=True) else None  # "The general spoke ... "...," he said."
        if g == "n" and cx.lex.names_person(t.lemma_.lower()):
            continue  # "A pilot waited on the quay. It said ...": a person is no "it"; an institution before may be
        kind = group_kind_of(cx, t)
        if g == "n" and t.tag_ in {"NN", "NNP"} and kind == "document":
            # "The ministry's statement was short. "...," it said.": the ministry, the statement if nobody issued it
            return issuer_of(cx, t) or t
        if (t.tag_ in {"NN", "NNP"}) != (g == "n") or kind not in INSTITUTION_KINDS:
            return None  # the latest subject is something else: "it" is more likely that
        return t
    return None


#: how many paragraphs after a letter's "I" its signature may come (a letter of a few paragraphs)
SIGNATURE_REACH = 4


def signature(cx: Context, char: int) -> Entity | None:
    """The person signing the text an "I" of the writer's own words stands in (letters to the editor, statements):
    the first of the next few paragraphs that is only a person's name ("Jane Doe." on its own line) and signs:
    the document's last paragraph, or one right after a letter's closing ("Yours sincerely,"). A name paragraph
    elsewhere is a heading or a caption, not a signature, except on a letters page (letters_page): there each
    letter is signed by the first name paragraph after it, not by the page's last name."""
    k = bisect.bisect_right(cx.para_starts, char) - 1
    filled = [i for i, (s, e) in enumerate(cx.paras) if cx.text[s:e].strip()]
    last = filled[-1] if filled else -1
    page = letters_page(cx, filled)
    for j in range(k + 1, min(k + 1 + SIGNATURE_REACH, len(cx.paras))):
        ent = name_paragraph(cx, j)
        if ent is None:
            continue
        if page:
            return ent
        prev = next((cx.text[s:e].strip() for s, e in reversed(cx.paras[:j]) if cx.text[s:e].strip()), "")
        words = re.findall(r"[^\W\d_]+", prev.lower())
        if j != last and not (0 < len(words) <= 4 and (words[0] in cx.lex.closings or words[-1] in cx.lex.closings)):
            continue
        return ent
    return None


def name_paragraph(cx: Context, j: int) -> Entity | None:
    """The person whose name is all of paragraph j ("Jane Doe." on its own line), or None."""
    p_start, p_end = cx.paras[j]
    line = cx.text[p_start:p_end].strip().rstrip(".")
    if not line or len(line) > 60:
        return None
    for t in cx.tokens(p_start, p_end):
        ent = cx.sources.entity(cx.state.entity_at(t.idx, t.idx + len(t)))
        if ent is not None and ent.type == "PERSON" and any(
                cx.text[s:e] == line for s, e in ent.mentions if p_start <= s < p_end):
            return ent
        break
    return None


def letters_page(cx: Context, filled: list[int]) -> bool:
    """A page of letters, each signed by a name on its own line: two or more name paragraphs, the last paragraph
    one of them (read once per document)."""
    if cx.letters is None:
        names = [j for j in filled if name_paragraph(cx, j) is not None]
        cx.letters = len(names) >= 2 and bool(filled) and names[-1] == filled[-1]
    return cx.letters


def clause_subject(cx: Context, pron: Token) -> Token | None:
    """The subject of the sentence a pronoun speaker's clause hangs from, when it is a noun the pronoun can take
    up: "Proponents, including the mayors, have urged Congress to act, although they say ..." (they = the
    proponents, not the last organisation named), "The spokesman said he ..." (he = the spokesman). Names are
    left to the document's history (resolve_pronoun), which knows their gender."""
    g = PRONOUNS.get(pron.lower_)
    if g not in {"p", "m", "f"} or pron.dep_ not in SUBJECT_DEPS:
        return None
    v = pron.head
    for _ in range(3):
        if v.dep_ not in {"advcl", "conj", "ccomp"} or v.head.i == v.i:
            break
        v = v.head
    if v.i == pron.head.i:
        return None  # the pronoun's own clause is the sentence: nothing above it
    subj = next((c for c in cx.children(v) if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pron.i), None)
    if subj is not None and g == "p" and subj.pos_ == "PROPN" and not cx.inside_quote(subj.idx):
        # "The watchdog PolitiFact ruled ..., but they pointed out ...": an organisation is "they" in its own
        # sentence; so is a name no entity holds, or a one-word name the model typed PERSON (a person named in full
        # has a first name)
        ent = cx.sources.entity(cx.state.entity_at(subj.idx, subj.idx + len(subj)))
        return subj if ent is None and subj.ent_type_ != "PERSON" or ent is not None and (
            ent.type in {"ORG", "OUTLET", "GROUP"} or ent.type == "PERSON" and " " not in ent.name.strip()) else None
    if subj is None or subj.pos_ != "NOUN" or cx.inside_quote(subj.idx) or speaking_head(cx, subj) is not subj:
        return None
    lemma = subj.lemma_.lower()
    if g == "p":
        return subj if subj.tag_ == "NNS" else None
    gendered = cx.lex.gendered.get(lemma)
    person = lemma in cx.lex.titles or gendered is not None or cx.lex.groups.get(lemma) in {"official", "expert"}
    return subj if subj.tag_ == "NN" and person and gendered in {None, g} else None


def fronted_subject(cx: Context, pron: Token, strict: bool = True) -> Token | None:
    """'While she admitted the plan was costly, the minister defended it': a pronoun subject of a clause that opens the
    sentence with a conjunction of time, cause or concession (attribution_words.tsv adverbial_mark, concessive) stands
    for the subject of the clause it leads into, named after it (person_for): a name of a gender not yet known only
    when not `strict` (no earlier person could be meant). None when the sentence has no such subject."""
    g = PRONOUNS.get(pron.lower_)
    if g not in {"m", "f"} or pron.dep_ not in SUBJECT_DEPS or cx.inside_quote(pron.idx):
        return None
    v = pron.head
    start = cx.sents.start(pron.i)
    mark = next((c for c in cx.children(v) if c.dep_ == "mark" and c.i < pron.i), None)
    if v.dep_ != "advcl" or mark is None or mark.i != start or not (
            mark.lower_ in cx.lex.adverbial_marks or mark.lower_ in cx.lex.concessives):
        return None
    main = v.head
    for _ in range(3):
        # (the parser may hang the fronted clause inside the next one: "While he acknowledged [funding was short]")
        subj = next((c for c in cx.children(main) if c.dep_ in {"nsubj", "nsubjpass"} and c.i > v.right_edge.i), None)
        if subj is not None and person_for(cx, subj, g, strict):
            return subj
        if main.head.i == main.i:
            return None
        main = main.head
    return None


def person_for(cx: Context, subj: Token, g: str, strict: bool) -> bool:
    """Whether a subject can be the person a "he"/"she" (g) stands for: a PERSON name of that gender (strict) or of a
    gender not known (not strict), or a singular person noun of that gender or none ("the minister")."""
    if subj.pos_ == "PROPN":
        ent = cx.sources.entity(cx.state.entity_at(subj.idx, subj.idx + len(subj)))
        known = cx.sources.gender.get(ent.id) if ent is not None else None
        return ent is not None and ent.type == "PERSON" and (known == g or known is None and not strict)
    lemma = subj.lemma_.lower()
    gendered = cx.lex.gendered.get(lemma)
    person = lemma in cx.lex.titles or lemma in cx.lex.person_nouns or gendered is not None or \
        cx.lex.groups.get(lemma) in {"official", "expert"}
    return subj.pos_ == "NOUN" and subj.tag_ == "NN" and person and gendered in {None, g}


def named_source(cx: Context, head: Token, span: tuple[int, int] | None = None,
                 institution: bool = False) -> Source | None:
    """The source a noun phrase names: its entity if one covers the head, else a group or label (of kind
    "organization" when `institution` says the phrase names no person, else `name_kind`'s)."""
    s, e = mention_tokens(head)
    if span is None:
        span = cx.span_chars(list(cx.doc[s:e]))
    if span is None:
        return None
    ent_id = cx.state.entity_at(head.idx, head.idx + len(head))
    ent = cx.sources.entity(ent_id)
    if ent is not None and ent.type in {"NORP", "GPE"} and head.pos_ == "NOUN":
        ent = None  # "Turkish officials": the nationality describes the speakers
    if ent is None:
        ent = named_inside(cx, head, span)
    whole = with_particle(cx, span, ent)
    if whole is not None:  # "Al-Haddad said" after "Omar Al-Haddad": one person, not "Haddad" with role "Al"
        ent = whole
    ent_span = None
    if ent is not None:
        for ms, me in ent.mentions:
            if ms < span[1] and span[0] < me:
                ent_span = (ms, me)
                break
    role = ent.descriptors[0] if ent is not None and ent.descriptors else (
        None if whole is not None else role_of(head, (s, e), ent_span))
    group_kind = group_kind_of(cx, head) if head.pos_ in {"NOUN", "PROPN"} else None
    if ent is not None and ent.type not in {"NORP", "GPE"} or (ent is not None and head.pos_ == "PROPN"):
        kind = cx.sources.kind_of(ent)
        if ent.id in cx.outlet_entities:
            kind = "outlet"
        role_kind = role_kind_of(cx, role)
        if kind == "person" and role_kind in {"official", "expert"}:
            kind = role_kind
        return cx.sources.get(ent.name, ent.id, kind, role)
    # "the minister said" after "the Prime Minister Ahmet Davutoglu": a definite role noun names
    # the earlier source holding that role
    if head.pos_ == "NOUN" and head.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in cx.children(head)):
        # the latest sources only: a look-back window, not every source for every role noun
        for src in itertools.islice(reversed(cx.state.items["sources"]), SOURCE_LOOKBACK):
            if src.role and src.entity and head.lemma_.lower() in re.findall(r"[a-z]+", src.role.lower()) and \
                    role_fits(cx, head, src.role):
                return src
            # "the ministry said" after "the country's foreign ministry denied ...": the latest institution
            # of that name speaks again
            words = re.findall(r"[a-z]+", src.label.lower())
            if src.kind in {"organization", "official"} and words and words[-1] == head.lower_ and len(words) > 1:
                return src
            # "the group said", "the monitor also said" after "the Syrian Observatory ... said": the latest named
            # organisation that spoke is the one a definite organisation noun takes up again
            if group_kind == "organization" and src.entity and src.kind == "organization":
                return src
        # a person introduced with the role but not yet a source ("X, a spokesman for the ministry, declined ...")
        holder = role_holder(cx, head) if group_kind in {"official", "expert"} else None
        if holder is not None:
            kind = cx.sources.kind_of(holder)
            role_kind = role_kind_of(cx, holder.descriptors[0])
            return cx.sources.get(holder.name, holder.id, role_kind if kind == "person" and role_kind in {
                "official", "expert"} else kind, holder.descriptors[0])
    label = strip_det(cx.text[span[0]:span[1]], possessor=head.dep_ == "poss")
    kind = group_kind or ("organization" if institution and head.pos_ == "PROPN" else name_kind(cx, head))
    return cx.sources.get(label, None, kind, role)


def name_kind(cx: Context, head: Token) -> str:
    """The kind of a source named by words no entity or group noun types: a name is a person's unless its last word
    is an organisation's ("Human Rights Watch", "the Kamal Adwan Hospital": entity_cues.json not_person_heads,
    attribution_words.tsv organisation_end), decided here once, so that every quote of that source has one kind."""
    if head.pos_ != "PROPN":
        return "unknown"
    return "organization" if head.text in cx.lex.not_person_heads else "person"


def group_kind_of(cx: Context, head: Token) -> str | None:
    """The source kind a group noun implies (attribution_groups.tsv), a compound before the head first: "the
    official news agency" is an outlet, "the health agency" an official body."""
    lemma = head.lemma_.lower()
    prev = cx.doc[head.i - 1] if head.i > 0 else None
    if prev is not None and prev.dep_ == "compound" and prev.head.i == head.i:
        kind = cx.lex.groups.get(f"{prev.lower_} {lemma}")
        if kind is not None:
            return kind
    return cx.lex.groups.get(lemma) or cx.lex.groups.get(head.lower_)  # "media", lemmatised "medium"


def role_holder(cx: Context, head: Token) -> Entity | None:
    """'Omar Haddad, a spokesman for the ministry, ... the spokesman said': the latest person named before with
    this role noun among his descriptors, the one "the spokesman" takes up again (None if none was)."""
    lemma = head.lemma_.lower()
    best, best_pos = None, -1
    for ent in cx.state.items["entities"]:
        if ent.type != "PERSON" or not any(lemma in re.findall(r"[a-z]+", d.lower()) and role_fits(cx, head, d)
                                           for d in ent.descriptors):
            continue
        pos = max((s for s, _ in ent.mentions if s < head.idx), default=-1)
        if pos > best_pos:
            best, best_pos = ent, pos
    return best


def role_fits(cx: Context, head: Token, role: str) -> bool:
    """Whether a person's role ("a spokesman for the health ministry") can be the one a role noun takes up again:
    whatever says whose the noun is ("the army spokesman", "the spokesman for the army", "the army's spokesman")
    must be in that role too."""
    words = set(re.findall(r"[a-z]+", role.lower()))
    whose = [t for c in cx.children(head) if c.i != head.i and (
        c.dep_ in {"compound", "poss", "amod"} and c.i < head.i or c.dep_ == "prep" and c.lower_ in {"for", "of"})
        for t in c.subtree]
    return all(t.lower_ in words or t.lemma_.lower() in words for t in whose
               if t.is_alpha and t.pos_ in {"NOUN", "PROPN"})


def with_particle(cx: Context, span: tuple[int, int], ent):
    """The person a surname with its particle names ("Al-Haddad", "bin Salem", "de Souza"): the PERSON
    entity whose full name ends with those words, when the tagger split the particle off or missed them."""
    text = cx.text[span[0]:span[1]]
    words = text.split()
    if not words or words[0].split("-")[0].lower() not in cx.lex.particles and words[0].lower() not in cx.lex.particles:
        return None
    if ent is not None and ent.type == "PERSON" and ent.name.lower().endswith(text.lower()):
        return None  # the entity already holds the whole name
    if cx.surnames is None:
        cx.surnames = {}
        for e in cx.state.items["entities"]:
            if e.type != "PERSON":
                continue
            names = e.name.split()
            for j in range(1, len(names)):
                cx.surnames.setdefault(" ".join(names[j:]).lower(), e)
    return cx.surnames.get(" ".join(words).lower())


def named_inside(cx: Context, head: Token, span: tuple[int, int]):
    """A described speaker's name: "One individual, named Mehmet", "the news organization Middle
    East Eye", "vice-chairman of the party Tariq Solu" (a person or outlet inside the mention)."""
    found = []
    for child in cx.children(head):
        if child.dep_ in {"appos", "acl"}:
            for t in child.subtree:
                cand = cx.sources.entity(cx.state.entity_at(t.idx, t.idx + len(t)))
                if cand is not None and cand.type in {"PERSON", "OUTLET", "ORG"}:
                    found.append(cand)
    # a name that ends the mention after its descriptor ("the news organization Middle East Eye");
    # not a possessive or modifier ("Scott's relatives")
    last = cx.doc[cx.tok(span[1] - 1)]
    cand = cx.sources.entity(cx.state.entity_at(last.idx, last.idx + len(last)))
    if cand is not None and (cand.type == "PERSON" or cand.id in cx.outlet_entities) and not coordinated(last, head):
        found.append(cand)
    for kind in ("PERSON", "OUTLET", "ORG"):
        for cand in found:
            if cand.type == kind or (kind == "OUTLET" and cand.id in cx.outlet_entities):
                return cand
    return None


def coordinated(t: Token, head: Token) -> bool:
    """Whether a token hangs from a speaker's head through a coordination ("the star of Rain Man and Tootsie"): one
    of several things the head is described by, not a name that ends the mention."""
    for _ in range(12):
        if t.i == head.i or t.head.i == t.i:
            return False
        if t.dep_ == "conj":
            return True
        t = t.head
    return False


def role_kind_of(cx: Context, role: str | None) -> str | None:
    """"official" or "expert" when a role says so ("a senior defence official", "analysts")."""
    if not role:
        return None
    words = re.findall(r"[A-Za-z]+", role.lower())
    for w in words:
        for form in (w, w[:-1] if w.endswith("s") else w):
            k = cx.lex.groups.get(form)
            if k in {"official", "expert"}:
                return k
    return None


def remember(cx: Context, src: Source, pos: int, pronoun: str | None, head: Token | None = None,
             gender: str | None = None) -> None:
    """Add a speaker to the document's history, with what a later pronoun needs (gender/number): `gender` when the
    caller knows it (a pronoun's antecedent keeps its own), else from the words naming the speaker."""
    lemma = head.lemma_.lower() if head is not None else ""
    ent = cx.sources.entity(src.entity)
    if gender is not None:
        pass
    elif head is not None and (head.tag_ in {"NNS", "NNPS"} or ent is not None and ent.type == "GROUP" and
                               plural_name(cx.doc[head.i:head.i + 1])):
        gender = "p"  # "officials", "residents", "the Houthis": they
    elif ent is not None and cx.sources.kind_of(ent) != "person":
        gender = "p" if ent.type == "NORP" else "n"  # "Russia said ...", "Hamas said ...": it, never he or she
    elif src.kind in {"person", "expert"} or src.entity and src.kind == "official":
        gender = "?"  # a person: he or she
    elif head is not None and head.pos_ != "PROPN" and cx.lex.names_person(lemma):
        gender = "?"  # "the spokesman", "a witness": he or she, never "it"
    elif head is None and src.kind in {"official", "anonymous"}:
        gender = "?"
    else:
        gender = "n"  # "the coalition", "the statement": it
    if gender == "?" and head is not None and head.pos_ == "NOUN" and lemma in cx.lex.gendered:
        cx.sources.gender.setdefault(cx.sources.key_of(src), cx.lex.gendered[lemma])  # "the spokeswoman": she
    cand = Candidate(pos, cx.sources.key_of(src), src.label, src.entity, src.kind, gender)
    cx.sources.remember(cand, pronoun)
