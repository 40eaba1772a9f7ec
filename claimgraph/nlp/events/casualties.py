"""Casualty figures of a sentence: which number counts whom killed, injured, displaced, detained, missing.

A figure is a number (or a number word, or "a"/"an" before a group noun) whose noun is close in the
dependency tree to a casualty cue ("killing 6 civilians", "6 civilians were killed", "70 dead",
"forced about 10,000 Turkmen to flee"). The figure's value comes from the quantities component when
one of its quantities covers the number (so the event links that quantity), else from our own small
parser; ACLED's rule of the lowest reported figure picks the `low` bound.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.events.casualties_syntax import (
    CIVILIAN_WORDS,
    HOUSEHOLD_WORDS,
    MEMBER_WORDS,
    ONE_PERSON_WORDS,
    SET_DETERMINERS,
    SET_PRONOUNS,
    after_set_pronoun,
    among_of,
    combined,
    date_part,
    fronted_set,
    kin_of,
    listed_whole,
    mixed_descriptions,
    names_armed_group,
    own_clause,
    part_of_toll,
    said_to_be,
    under_another_verb,
    whole_of,
)
from claimgraph.nlp.events.lexicon import Lexicon, Match, TokForms, best_matches
from claimgraph.nlp.shared.columns import like_nums, lower_strings

MAX_TREE_DISTANCE = 3
ARGUMENT_DEPS = {"dobj", "nsubjpass", "nsubj", "pobj", "attr", "obj"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_SKIP_ENT = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}


@dataclass
class Figure:
    kind: str
    group: str
    low: float | None
    high: float | None
    start: int  # char span of the number as written
    end: int
    quantity: str | None
    cue_token: int  # doc index of the cue
    conj_root: int = -1  # doc index of the first noun of a coordination ("14 militants and 2 soldiers")
    part: bool = False  # a part of a toll ("including 8 civilians", "among the dead"): who some of its people were
    noun: int = -1  # doc index of the noun the number counts
    several_kinds: bool = False  # its people are said to be of several kinds ("47 people, most of them civilians")


#: hyphens a tokenizer may leave inside a number word ("Twenty\u2010six" with U+2010 or U+2011)
_HYPHENS = re.compile("[-\u2010\u2011]")


def word_parts(text: str, lex: Lexicon) -> list[str]:
    """The number words of one token ("twenty\u2010six" -> twenty, six); [] when it is no number word."""
    if text in lex.numbers:
        return [text]
    parts = _HYPHENS.split(text)
    return parts if len(parts) > 1 and all(p in lex.numbers for p in parts) else []


def parse_number(tokens: list[Token], lex: Lexicon) -> float | None:
    """Value of a number written with digits or words ("10,000", "1.5 million", "six", "dozens",
    "two hundred and fifty", "three thousand two hundred", "10 000" with a space between its thousands):
    "hundred" multiplies the group before it, "thousand" and "million" close a group into the total."""
    total: float | None = None
    group: float | None = None
    previous_digits = False
    for tok in tokens:
        text = tok.lower_.replace("\u2009", "")
        if _DIGITS.match(text):
            num = float(text.replace(",", ""))
            if previous_digits and len(text) == 3 and text.isdigit() and group is not None:
                group = group * 1000 + num  # "10 000": a thousands group set off by a space
            else:
                group = num if group is None else group + num
            previous_digits = True
            continue
        previous_digits = False
        parts = word_parts(text, lex)
        if len(parts) > 1:
            for part in parts:
                group = lex.numbers[part] if group is None else group + lex.numbers[part]
        elif text in lex.numbers:
            word = lex.numbers[text]
            if text == "hundred" and group is not None:
                group *= word
            elif text in ("thousand", "million") and group is not None:
                total = (total or 0.0) + group * word
                group = None
            else:
                group = word if group is None else group + word
        elif text in ("and", "of"):
            continue
        else:
            break
    if total is None and group is None:
        return None
    value = (total or 0.0) + (group or 0.0)
    if not math.isfinite(value):
        return None  # beyond float range ("9" x 309): no count a casualty could carry, and JSON has no Infinity
    return value


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence through their lowest common ancestor."""
    up_a = {a.i: 0}
    depth, tok = 0, a
    while tok.head.i != tok.i and depth < 12:
        depth += 1
        tok = tok.head
        up_a[tok.i] = depth
    depth, tok = 0, b
    while True:
        if tok.i in up_a:
            return depth + up_a[tok.i]
        if tok.head.i == tok.i or depth >= 12:
            return 99
        depth += 1
        tok = tok.head


def _noun_of(num: Token) -> Token:
    """The noun a number counts ("6" in "6 civilians" -> civilians; "17 IS group fighters" ->
    fighters), else the number itself."""
    tok = num
    for _ in range(2):
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "det") and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                for _ in range(3):  # a compound modifier counts its head ("group" in "IS group fighters")
                    if tok.dep_ != "compound" or tok.head.i == tok.i:
                        break
                    tok = tok.head
                return tok
        else:
            break
    return tok


def group_of(noun: Token, lex: Lexicon) -> str | None:
    """Casualty group of a noun; None when the noun is not a count of people ("years", "km")."""
    lower = noun.lower_
    forms = (lower, noun.lemma_.lower(), lower[:-1] if lower.endswith("s") else lower)  # "Terrorists"
    for form in forms:
        if form in lex.groups:
            group = lex.groups[form]
            if group == "military-site":
                return None
            return None if group == "-" else group
    return "unknown"


def _member_group(noun: Token, group: str, lex: Lexicon) -> str:
    """"Members of X" are the people X names: of a family, civilians; of a tribe, anyone (unknown); of an armed
    group or the security forces, fighters; of anything else ("members of a charity"), unknown. With no "of",
    the word's own group."""
    if noun.lemma_.lower() not in MEMBER_WORDS:
        return group
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for tok in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))):
                    named = [lex.groups[f] for f in (tok.lower_, tok.lemma_.lower()) if f in lex.groups]
                    if named and named[0] not in ("-", "military-site"):
                        return named[0]
                # "the armed group", "the Islamic State group", "Hamas"; anything else ("a charity") no fighters
                return "combatants" if names_armed_group(obj.doc[prep.i + 1:obj.i + 1]) else "unknown"
    return group


def _is_age(run: list[Token]) -> bool:
    """A bare number set off by commas after a name or a person noun ("Ziad, 13,"; "his son, 7,") or in
    apposition is an age."""
    first, last = run[0], run[-1]
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if last.dep_ == "appos":  # but "21 civilians eight of them children" counts some of the 21
        return not (after is not None and after.lower_ == "of" and after.i + 1 < len(doc)
                    and doc[after.i + 1].lower_ in SET_PRONOUNS)
    if before is None or before.text != "," or after is None or after.text not in (",", ")", "and"):
        return False
    prev = doc[before.i - 1] if before.i > 0 else None
    return prev is not None and (prev.pos_ == "PROPN" or prev.lemma_.lower() in PERSON_NOUNS)


#: words joining the two bounds of a range of digits ("20 to 30", "20-30")
RANGE_WORDS = {"to", "-", "\u2013"}
CIVILIAN_GROUPS = {"civilians", "women", "children"}


def _people_of(num: Token, lex: Lexicon) -> bool:
    """Is "one of the X" one of a group of people ("one of the soldiers"), X a word of the groups list?"""
    for prep in num.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(f in lex.groups and lex.groups[f] not in ("-", "military-site")
                                              for f in (obj.lower_, obj.lemma_.lower())):
                    return True
    return False


#: nouns of one person an age may follow ("his son, 7,")
PERSON_NOUNS = {"son", "daughter", "boy", "girl", "child", "brother", "sister", "father", "mother", "man", "woman",
                "wife", "husband", "baby", "cousin", "nephew", "niece", "uncle", "aunt", "grandson", "granddaughter"}


def head_of_match(toks: list[TokForms], m: Match) -> Token:
    """The syntactic head of a multi-word cue ("toll" in "death toll", "lost" in "lost their lives"): the
    number it counts hangs off the head ("the death toll rose to 23"), not off the first word."""
    if m.end - m.start == 1:
        return toks[m.start].token  # one word (most cues and triggers) is its own head: no look at the parse
    inside = {toks[i].token.i for i in range(m.start, m.end)}
    outside = [toks[i].token for i in range(m.start, m.end)
               if toks[i].token.head.i not in inside or toks[i].token.head.i == toks[i].token.i]
    if len(outside) > 1:  # a flat parse ("poisonous gas" both hanging on "attack"): the noun, not its modifier
        nouns = [t for t in outside if t.dep_ != "amod" and t.pos_ != "ADJ"]
        return (nouns or outside)[0]
    return outside[0] if outside else toks[m.start].token


def figures(
    sent: Span,
    toks: list[TokForms],
    lex: Lexicon,
    quantity_at: dict[int, tuple[str, float | None, float | None]],
    blocked: set[int],
) -> list[Figure]:
    """Casualty figures in one sentence. `quantity_at` maps a token index to (quantity id, low, high);
    `blocked` holds token indexes inside times/dates (never counts)."""
    cue_matches: list[Match] = best_matches(lex.casualty_cues.find(toks))
    if not cue_matches:
        return []
    cues = [(head_of_match(toks, m), str(m.payload)) for m in cue_matches]
    cue_heads = {c.i for c, _ in cues}
    # a number inside a cue's gap is counted by it ("claimed 17 lives"), so it is not part of the cue
    cue_tokens = {
        toks[i].token.i for m in cue_matches for i in range(m.start, m.end) if not toks[i].token.like_num
    }
    out: list[Figure] = []
    kinds_of_civilians: list[Figure] = []  # parts of a toll naming no one or a kind of civilians
    parts: list[Figure] = []  # every part of a toll ("including 25 children")
    used: set[int] = set()
    doc = sent.doc
    lowers, numeric, numbers = lower_strings(doc), like_nums(doc), lex.numbers
    for i in range(sent.start, sent.end):
        lower = lowers[i]
        if not (numeric[i] or lower[:1].isdigit() or lower in numbers or "-" in lower or "\u2010" in lower
                or "\u2011" in lower):
            continue  # what the check below needs (a digit first, a number word or a hyphen), looked at without a regex
        if not (numeric[i] or _DIGITS.match(lower) or word_parts(lower, lex)):
            continue  # no number (every check below would say so): no Token made
        tok = doc[i]
        if tok.i in used or tok.i in blocked or tok.i in cue_tokens or tok.ent_type_ in _SKIP_ENT and not (
                tok.ent_type_ == "DATE" and tok.i in quantity_at):  # "Between 20 and 30 people" tagged a date
            continue
        is_digit = bool(_DIGITS.match(tok.lower_))
        if is_digit and (len(tok.text) > 1 and tok.text[0] == "0" and tok.text[1].isdigit() or date_part(tok)):
            continue  # "05-04-2016", "07", "13-01-2016": a date's or a code's digits, never a count of people
        word = bool(word_parts(tok.lower_, lex))
        if not (is_digit or word or tok.like_num):
            continue
        if tok.lower_ in ("a", "an") and tok.dep_ != "det":
            continue
        # the whole number as written: consecutive number tokens ("1.5 million", "twenty five")
        run = [tok]
        split = 0  # "20 to 30": where the upper bound of a range starts in the run
        nxt = tok.i + 1
        while nxt < sent.end:
            nt = sent.doc[nxt]
            if (not split and nt.lower_ in RANGE_WORDS and nxt + 1 < sent.end and _DIGITS.match(run[-1].lower_)
                    and _DIGITS.match(sent.doc[nxt + 1].lower_)):
                run.extend([nt, sent.doc[nxt + 1]])  # "20 to 30 people": one figure, a range
                split = len(run) - 1
                nxt += 2
                continue
            if nt.text in ("-", "‐") and nxt + 1 < sent.end and sent.doc[nxt + 1].lower_ in lex.numbers:
                nxt += 1  # "twenty-six"
                continue
            if (nt.lower_ == "and" and run[-1].lower_ in ("hundred", "thousand", "million") and nxt + 1 < sent.end
                    and sent.doc[nxt + 1].lower_ in lex.numbers and sent.doc[nxt + 1].lower_ not in ("a", "an")):
                run.append(nt)  # "two hundred and fifty": one number
                nxt += 1
                continue
            if not (_DIGITS.match(nt.lower_) or nt.lower_ in lex.numbers) or nt.lower_ in ("a", "an") or (
                    run[0].lower_ in ("a", "an") and _DIGITS.match(nt.lower_)):
                break  # "a 10-year-old boy": the "a" counts one; "a hundred" is one number
            if _DIGITS.match(run[-1].lower_) and _DIGITS.match(nt.lower_) and not (
                    len(nt.text) == 3 and nt.text.isdigit() and len(run[-1].text) <= 3):
                break  # "2016 8": two numbers side by side; only "10 000" (a thousands group) is one
            run.append(nt)
            nxt += 1
        # the number's own head word ("hundred" in "two hundred and fifty fighters") says what it counts
        num = next((t for t in run if not run[0].i <= t.head.i <= run[-1].i), run[-1])
        noun = _noun_of(num)
        after_num = sent.doc[run[-1].i + 1] if run[-1].i + 1 < sent.end else None
        if (noun is not num and noun.i < run[0].i and after_num is not None and after_num.pos_ in ("NOUN", "PROPN")
                and num.dep_ == "nummod"):
            noun = after_num  # a title-case headline misparsed ("Commander Son 11 Soldiers"): it counts what follows
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head
        if tok.lower_ in ("a", "an", "one") and noun is num and not (tok.lower_ == "one" and _people_of(num, lex)):
            continue  # "one of the first", "one of the most important roads": no count of people
        group = group_of(noun, lex) if noun is not num else "unknown"
        if group is None:
            continue
        group = _member_group(noun, group, lex)
        if group == "unknown" and noun.i in cue_tokens:  # "49 civilian deaths": the cue noun's modifier names them
            group = next((g for g in (group_of(c, lex) for c in noun.children if c.dep_ in ("amod", "compound"))
                          if g not in (None, "unknown")), group)
        wholes = [f for f in out if not any(f is p for p in parts)]  # "others" are more of a toll, not of its part
        if group == "unknown" and noun.lemma_.lower() == "other" and wholes and wholes[-1].group != "unknown":
            group = wholes[-1].group  # "killing 4 civilians, injuring 10 others": more of the same people
        # a conjoined number ("9 civilians injured and 3 killed") counts on its own, no second kind of people
        bare = [c for c in noun.conjuncts if not c.like_num and not any(
            g.dep_ in ("nummod", "det") for g in c.children)]
        mixed = {group_of(c, lex) for c in bare} - {group, None}
        if group in ("women", "children") and mixed and not part_of_toll(num, run, sent):
            group = "civilians"  # "120, mostly women and children" counts both ("four women and a child" does not)
        elif mixed and not mixed | {group} <= CIVILIAN_GROUPS:
            group = "unknown"  # "12 soldiers and civilians": one count of two kinds of people, of no one group
        if (tok.lower_ in ("a", "an", "one") and len(run) == 1 and noun is not num and group == "unknown"
                and noun.lower_ not in ONE_PERSON_WORDS and noun.ent_type_ != "NORP"):
            continue  # "a horse", "according to one report": no person counted ("one Syrian" is one)
        if tok.lower_ in ("a", "an") and noun is num:
            continue
        if tok.lower_ in ("a", "an") and any(t.like_num and t.dep_ == "nummod" and t.head.i == noun.i
                                             for t in sent.doc[tok.i + 1:noun.i]):
            continue  # "an estimated 300 civilians", "an additional 20 people": the number counts them, not "an"
        if tok.lower_ in ("a", "an") and any(  # "a family of five": the number after "of" counts them
            c.dep_ == "prep" and c.lower_ == "of" and any(g.like_num for g in c.children) for c in noun.children
        ):
            continue
        if noun.lower_ in ("of",) or kin_of(noun):
            continue  # "executed the families of five rebels": the five are whose families were killed
        if (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i not in cue_tokens
                and any(g.dep_ == "nummod" for g in noun.head.head.children)
                and group_of(noun.head.head, lex) not in (None, "unknown")):
            continue  # "three members of one family": the family is no count of the dead, the three are
        if noun is num and _is_age(run):
            continue  # "Ahmed, 45, and his son, 7, were killed": ages, not counts
        # "dozens of civilians": the number word's noun is the pobj of "of"
        partitive: Token | None = None
        of_set = False  # "30 people, 25 of them civilians": a part of the set just counted, of the kind named
        if noun is num:
            of = [c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"]
            if of:
                objs = [c for c in of[0].children if c.dep_ == "pobj"]
                named = said_to_be(num) if objs and objs[0].lower_ in SET_PRONOUNS else None
                if named is not None and group_of(named, lex) not in (None, "unknown"):
                    group, noun, of_set, objs = group_of(named, lex) or group, named, True, []
                if objs:
                    g = group_of(objs[0], lex)
                    if g is None:
                        continue
                    others = {group_of(c, lex) for c in objs[0].conjuncts} - {None, g}
                    if others:  # "dozens of women and children": a count of both, so of civilians
                        if part_of_toll(num, run, sent):
                            continue  # "70 people including dozens of women and children": a part of the toll
                        g = "civilians" if others | {g} <= {"women", "children", "civilians"} else "unknown"
                    group, noun, partitive = g, objs[0], objs[0]
        if noun is num and not of_set and (named := fronted_set(num)) is not None and group_of(named, lex) not in (
                None, "unknown"):  # "Of the dead, six were children": some of a set already counted, of that kind
            group, noun, of_set = group_of(named, lex) or group, named, True
        elif num.dep_ == "nummod" and any(  # the same with "25" parsed as the number of "civilians"
                o.dep_ == "pobj" and o.lower_ in SET_PRONOUNS for c in num.children
                if c.dep_ == "prep" and c.lower_ == "of" for o in c.children):
            of_set = said_to_be(num) is not None and group_of(noun, lex) not in (None, "unknown")
        if not of_set and noun is not num and after_set_pronoun(num, run, sent) and group not in ("unknown", None):
            of_set = True  # "killed 17 people among them 13 police officers": some of the set counted last
        # "dozens more", "40 others": an additional set, counted by a cue after it, never one before
        after_run = sent.doc[run[-1].i + 1] if run[-1].i + 1 < sent.end else None
        if (not of_set and after_run is not None and after_run.lower_ == "of" and run[-1].i + 2 < sent.end
                and sent.doc[run[-1].i + 2].lower_ in SET_PRONOUNS):
            continue  # "injuring 10 others, 4 of them critically": a part of a set already counted
        additional = noun.lemma_.lower() == "other" or (after_run is not None and after_run.lower_ in (
            "more", "others", "other"))
        # "17 lives, including those of six children": the pronoun stands in for the counted noun
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "killed 17 militants and a child": the child is the cue's object too
        # "including 25 children and 15 women": the women are of the part too
        in_part = (part_of_toll(num, run, sent) or (first is not noun and whole_of(first) is not None) or of_set
                   or listed_whole(first) is not None)  # "killing 20 people: 8 civilians and 3 children"
        reach = first if first is not noun and in_part else noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("those", "that"):
            reach = noun.head.head
        among = among_of(noun)
        if among is not None:
            reach = among  # "Six civilians were among 22 people killed": they are of those the cue counts
        best: tuple[int, int, int, Token, str] | None = None
        whole = whole_of(first) if in_part else None  # "14 people including three children"
        lead = min([run[0].i] + [c.left_edge.i for c in num.lefts if c.dep_ in ("advmod", "quantmod")
                                 and run[0].i - 3 <= c.left_edge.i])  # "injured at least 90"
        other_cue_governs = noun.dep_ in ARGUMENT_DEPS and noun.head.i in cue_heads
        # "killing 7 people, wounding 15 others, 3 of them children": "them" is the set counted last, and its cue
        # says what befell the part ("wounding"), whatever the parse hangs the part on
        of_cue = next((f.cue_token for f in reversed(out) if f.end <= run[0].idx), None) if of_set else None
        for cue_tok, kind in cues:
            if of_cue is not None and cue_tok.i != of_cue:
                continue
            if whole is not None and any(c.i == whole.head.i for c, _ in cues) and cue_tok.i != whole.head.i:
                continue  # a part of a toll is counted by the toll's cue ("killed 14 people including 3 children
                #           fleeing": not by "fleeing")
            if partitive is not None and cue_tok.i == partitive.i:
                continue  # "killed 7 of the 12 hostages", "two of the wounded died": the set, not what befell them
            if additional and cue_tok.i < run[0].i and not (
                    cue_tok.i == noun.head.i and noun.dep_ in ARGUMENT_DEPS):
                continue  # "killed 12 and 40 more were injured"; but "wounded 40 others" counts its own object
            d = min(_tree_distance(reach, cue_tok), _tree_distance(num, cue_tok))
            adjacent = 0 < cue_tok.i - run[-1].i <= 2 or 0 < run[0].i - cue_tok.i <= 3
            if d > MAX_TREE_DISTANCE and not adjacent and of_cue is None:
                continue  # the set counted last counts its part whatever the parse ("21 people eight of them children")
            # the cue whose argument the counted noun is ("killed 30 people injured 90"), else a cue right
            # after the number ("8 persons killed 58 others injured": "others" are counted anew)
            right_after = 0 < cue_tok.i - run[-1].i <= 3
            governs = cue_tok.i == noun.head.i and noun.dep_ in ARGUMENT_DEPS
            nxt_tok = cue_tok.nbor(1) if cue_tok.i + 1 < len(cue_tok.doc) else None
            owns_next = nxt_tok is not None and nxt_tok.like_num  # "injured 90": that cue counts 90
            if cue_tok.i == max(noun.i, run[-1].i) + 1 and noun.i >= run[-1].i and not owns_next:
                after = -1  # "6 killed", "9 civilians injured": the cue right after the count
            elif cue_tok.i == lead - 1 and cue_tok.pos_ == "VERB" and not other_cue_governs:
                d, after = 0, -1  # "killed 30 people injured 90": a verb right before the count counts it
            elif noun.lemma_.lower() == "other":
                after = 0 if right_after else 1
            else:
                after = 0 if governs or right_after else 1
            rank = (min(d, 2 if adjacent else d), after, abs(cue_tok.i - tok.i))
            if best is None or rank < best[:3]:
                best = (rank[0], rank[1], rank[2], cue_tok, kind)
        if best is None or (best[4] in ("killed", "injured") and noun.lemma_.lower() in HOUSEHOLD_WORDS):
            continue  # "executed six families": no count of the dead ("2 500 families fled" counts who fled)
        arg = num if partitive is not None else noun  # "18 of the 31 lorries were destroyed": the 18 is the argument
        verb = arg.head
        if (arg.dep_ in ("dobj", "obj", "nsubjpass") and verb.pos_ in ("VERB", "ADJ") and verb.i != best[3].i
                and under_another_verb(best[3], verb) and verb.lemma_.lower() not in ("be", "include")):
            continue  # "kill 30 terrorists, free 19 civilians (and wound 5)": the 19 were freed, not killed
        if (arg.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i != best[3].i and verb.i not in cue_heads
                and verb.lemma_.lower() not in ("be", "include")
                and (own_clause(best[3], verb) or under_another_verb(best[3], verb) or any(
                    c.dep_ in ("dobj", "obj") and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
                    for c in best[3].children))):
            continue  # "The 2 commanders told reporters that the strikes killed 5", "a school where 300 students were
            #           studying, killing 11", "30 militants attacked the base and killed 12": they acted, no one hit
        if combined(best[3], cues):
            continue  # "100 people were killed or wounded": a toll of both kinds together is a toll of neither
        if tok.lower_ in ("a", "an") and (first.head.i != best[3].i or first.dep_ in ("nsubj", "csubj")):
            continue  # "a child was killed" counts one; "a suicide bomber killed 30 people" does not
        part = ((group == "unknown" or group == "civilians" and noun.lemma_.lower() not in CIVILIAN_WORDS)
                and (in_part or among_of(noun) is not None))
        q = None
        low: float | None = None
        high: float | None = None
        for t in run:
            if t.i in quantity_at:
                q, low, high = quantity_at[t.i]
                break
        if len(run) > 1 and all(_DIGITS.match(t.lower_) for t in run) and not split and q is not None and (
                parse_number(run, lex) not in (low, high)):
            q, low, high = None, None, None  # "10 000": a quantity that read only its first group is not the figure
        if q is not None and low is None and high is not None and best[4] not in ("killed", "injured"):
            # "nearly 50,000 displaced": the one figure reported; a toll keeps the quantity's bounds (ACLED
            # takes a conservative figure, and "nearly 50 killed" gives no lower bound)
            low = high
        if q is not None and low is None and high is None:
            continue  # the quantity has neither value nor bounds (a figure beyond float range): no count
        if split and q is None:
            low, high = parse_number(run[:split - 1], lex), parse_number(run[split:], lex)
            if low is None or (high is not None and high < low):
                used.update(t.i for t in run)  # "5-4": a score or a date, no range of a count (nor its "4")
                continue
        elif q is None:
            value = parse_number(run, lex)
            if value is None:
                continue
            low = high = value if low is None and high is None else low
            if tok.lower_ in lex.numbers and not is_digit and tok.lower_.endswith("s"):
                high = None  # "dozens": a lowest figure only
        used.update(t.i for t in run)
        if q is not None:  # "Between 20 and 30": the other bound is of this figure, no count of its own
            used.update(i for i in range(sent.start, sent.end) if i in quantity_at and quantity_at[i][0] == q)
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        root = noun
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        conj_root = root.i if root.i != noun.i or any(c.dep_ == "conj" for c in noun.children) else -1
        out.append(Figure(best[4], group, low, high, start, end, q, best[3].i, conj_root, noun=noun.i))
        if part:
            kinds_of_civilians.append(out[-1])
        if in_part or among_of(noun) is not None:
            out[-1].part = True
            parts.append(out[-1])
        elif partitive is not None and any(c.dep_ == "det" and c.lower_ in SET_DETERMINERS for c in partitive.children):
            out[-1].part = True  # "three of the dead civilians were children": some of a set already counted
    # "killed 31 people including two medics", "2 medics among 31 dead", "killed 31 civilians including 10 on a
    # bus": who some of a toll were, no toll of its own that the lowest-figure rule would take (ACLED counts 31)
    # "killed 10 fighters, including two commanders (or 2 supervisors)": a part of the toll's own kind of people, or
    # of no kind, is who some of them were, no toll of its own (the lowest-figure rule would take 2 for the 10)
    _mark_several_kinds(sent, out, lex)
    for f in listed_parts(out, doc):  # "killed 15 militants, 10 Taliban fighters and 5 foreign fighters"
        f.part = True
        parts.append(f)
    wholes = [o for o in out if not any(o is p for p in parts)]
    return [f for f in out if (not any(f is p for p in kinds_of_civilians) or not any(
        o.kind == f.kind and o.group in ("unknown", "civilians") and o is not f for o in out)) and not (
        any(f is p for p in parts) and any(o.kind == f.kind and f.group in (o.group, "unknown") for o in wholes))]


def _mark_several_kinds(sent: Span, figs: list[Figure], lex: Lexicon) -> None:
    """Mark the figures whose people the sentence says were of several kinds: "killed 47 people, most of them
    civilians" (the pronoun's set is the one counted just before), "about 40 people, mostly civilians" (right after
    the count's noun). Their victims are described, so no default group is theirs (tolls.casualties_of)."""
    if not figs:
        return
    doc = sent.doc
    for word, pronoun in mixed_descriptions(sent, lambda t: _member_group(t, g, lex) if (g := group_of(t, lex))
                                            else None):
        if pronoun:
            target = max((f for f in figs if f.end <= word.idx), key=lambda f: f.end, default=None)
        else:
            i = word.i - 1
            while i >= sent.start and (doc[i].is_punct or doc[i].lower_ == "the"):
                i -= 1
            target = next((f for f in figs if f.noun == i), None)
        if target is not None:
            target.several_kinds = True


def listed_parts(figs: list[Figure], doc: Doc) -> list[Figure]:
    """The items of a list set off by a comma after a count of their own group that add up to it ("killed 15
    militants, 10 Taliban fighters and 5 foreign fighters": the 10 and the 5 are who the 15 were, not 15 more).
    The parse makes them one coordination, which sum_coordinated would add up; only when the items name one kind
    of person told apart by a modifier (Taliban / foreign fighters) and their sum is the first count: "killed 12
    rebels, 7 soldiers and 5 policemen" (other kinds of people) and "2 soldiers, a policeman and a militiaman" are
    a list of the dead."""
    lists: dict[tuple[str, int], list[Figure]] = {}
    for f in figs:
        if f.conj_root >= 0 and f.noun >= 0 and not f.part:
            lists.setdefault((f.kind, f.conj_root), []).append(f)
    found: list[Figure] = []
    for (_, root), items in lists.items():
        items.sort(key=lambda f: f.start)
        whole, rest = items[0], items[1:]
        if len(rest) < 2 or whole.noun != root or whole.noun + 1 >= len(doc) or doc[whole.noun + 1].text != ",":
            continue
        nouns = [doc[f.noun] for f in rest]
        if (whole.low is None or any(f.low is None or f.group != whole.group for f in rest)
                or sum(f.low or 0.0 for f in rest) != whole.low
                or len({n.lemma_.lower() for n in nouns}) != 1
                or not all(any(c.dep_ in ("compound", "amod") for c in n.children) for n in nouns)):
            continue
        found.extend(rest)
    return found


def same_count_same_people(figs: list[Figure]) -> None:
    """A count of unknown people repeated elsewhere in the report with its people named ("70 killed in air
    strikes on a training camp" in the headline, "70 ISIS terrorists killed" in the body) counts those
    people: one incident's toll reported twice. Only when the document gives that count one group alone. A count
    said elsewhere to be of several kinds ("17 people, most of them fighters") is of several kinds wherever it is
    repeated with its people undescribed ("Car bomb kills 17")."""
    named: dict[tuple[str, float], set[str]] = {}
    several: set[tuple[str, float]] = set()
    for f in figs:
        value = f.low if f.low is not None else f.high
        if f.group != "unknown" and value is not None:
            named.setdefault((f.kind, value), set()).add(f.group)
        elif f.several_kinds and value is not None:
            several.add((f.kind, value))
    for f in figs:
        value = f.low if f.low is not None else f.high
        groups = named.get((f.kind, value)) if f.group == "unknown" and value is not None else None
        if groups and len(groups) == 1:
            f.group = next(iter(groups))
        elif f.group == "unknown" and (f.kind, value) in several:
            f.several_kinds = True
