"""Numbers that count nothing, read from the text around a figure match: scores, codes, ranks, years, ages,
enumeration labels and numbers that are words of a name; and shares written as ratios ("eight of 10").

Why a module of its own: these are the false quantities of news pages (sports results, chart positions, product
names, "Ground Zero"), each a small rule on the words around the number, kept apart from the reading of a
figure's value and bounds in figures.py. The words these rules use are in claimgraph/data/numbers_lexicon.tsv.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimgraph.nlp.shared.numbers_data import alternation, by_kind, read_tsv

if TYPE_CHECKING:
    from claimgraph.nlp.quantities.figures import Figure

_LEX = by_kind("numbers_lexicon.tsv")
_PERSON_NOUNS = {r[0].lower() for r in _LEX.get("person_noun", [])}
_RANK_WORDS = {r[0].lower() for r in _LEX.get("rank_word", [])}
_AGE_BEFORE = [r[0].lower() for r in _LEX.get("age_before", [])]
_NUMBER_WORD = {int(float(r[1])): r[0].lower() for r in read_tsv("number_words.tsv")
                if len(r) >= 3 and r[2] == "unit" and float(r[1]).is_integer()}
_WORD_VALUE = {w: v for v, w in _NUMBER_WORD.items()}

_RANK_RE = re.compile(r"(?:^|\s)(?P<the>the\s+)?(?:" + alternation(_RANK_WORDS) + r")\s+$", re.I) \
    if _RANK_WORDS else None
_AGE_BEFORE_RE = re.compile(r"(?<![\w])(?:" + alternation(set(_AGE_BEFORE)) + r")\s+$", re.I) \
    if _AGE_BEFORE else None
_UNITS = by_kind("numbers_units.tsv")
_GLUED_UNITS = {r[0] for kind in ("measure", "code", "symbol") for r in _UNITS.get(kind, [])}
_PAIR = r"\d{1,3}[-–]\d{1,3}"
_DEGREE_WORDS = {r[0].lower() for r in _LEX.get("degree_word", [])}
_DEGREE_END = {r[0].lower() for r in _LEX.get("degree_end", [])}
_DEGREE_BE = {r[0].lower() for r in _LEX.get("degree_be", [])}
_DEGREE_BE_PRONOUN = {r[0].lower() for r in _LEX.get("degree_be_pronoun", [])}
_DEGREE_PRONOUNS = {r[0].lower() for r in _LEX.get("degree_pronoun", [])}
_PERCENT_WORDS = {r[0].lower() for r in _UNITS.get("percent", [])}
# a share of 'be' before a word of conviction or judgement that ends the predicate: "are 100 percent wrong about it",
# "I'm not 90% sure." (how strongly); before a noun or in a compound it is a share ("5 percent false positives")
_DEGREE_RE = re.compile(
    r"[^\S\n]?(?:" + alternation(_PERCENT_WORDS) + r")[^\S\n]+(?:" + alternation(_DEGREE_WORDS) + r")(?![\w-])"
    r"(?=[^\S\n]*(?:$|\n|[.,;:!?)\]\"”’'—–])" + (r"|[^\S\n]+(?:" + alternation(_DEGREE_END) + r")(?![\w-])"
                                                  if _DEGREE_END else "") + ")",
    re.I) if _DEGREE_WORDS and _PERCENT_WORDS else None
# 'm and 're follow any word; 's is 'is' only after a pronoun ("it's"), after a noun it is possessive ("the dam's")
_DEGREE_BE_RE = re.compile(
    r"(?:(?<![\w'’])(?:" + alternation({w for w in _DEGREE_BE if w[0].isalpha()}) + r")|(?<=\w)(?:"
    + alternation({w for w in _DEGREE_BE if not w[0].isalpha()}) + r")"
    + (r"|(?<![\w'’])(?:" + alternation(_DEGREE_PRONOUNS) + r")(?:" + alternation(_DEGREE_BE_PRONOUN) + r")"
       if _DEGREE_PRONOUNS and _DEGREE_BE_PRONOUN else "")
    + r")(?:n['’]t)?(?:[^\S\n]+[a-z]+){0,2}[^\S\n]+$",
    re.I) if _DEGREE_BE else None
_SENTENCE_OPENERS = ".!?:;\"“”‘’'([—–-•*"
# an upper-case dateline before a sentence's first word: "BEIRUT", "DEIR EZZOR,"
_CAPITALS_LINE_RE = re.compile(r"[^\S\n]*(?:[A-Z][A-Z.'’-]*,?[^\S\n]+)*")


def not_a_count(m: re.Match, text: str) -> bool:
    """Whether a figure match of QUANTITY_RE is a score, code, rank, year, age, label, a word of a name or a
    degree of conviction ("100 percent wrong")."""
    g = m.groupdict()
    fig = g.get("fig") or ""
    core_start = min(m.start(k) for k in ("sym", "vague", "frac", "fig") if g.get(k) is not None)
    before = text[max(0, core_start - 200):core_start]
    after = text[m.end():m.end() + 60]
    bare = not g.get("sym") and not g.get("pre")
    if fig and g.get("fig2") and _score(fig, g.get("sep") or "", g["fig2"], before, after):
        return True
    if re.fullmatch(r"0\d+", fig) or (fig.isdigit() and re.match(r"(?:,\d{3})+[A-Za-z]", after)):
        return True  # "area code 056", "0227 GMT"; the ordinal "the 2,277th", read up to its first comma
    glued = re.match(r"[A-Z][A-Za-z]*", after) if fig.isdigit() and not g.get("fig2") else None
    if glued and glued.group() not in _GLUED_UNITS:
        return True  # "3G networks", "the 4K version": a digit glued to a capital that is no unit names a thing
    word = (g.get("fig") or g.get("vague") or g.get("frac") or "").strip()
    if word[:1].isupper() and word[:1].isalpha() and _inside_a_sentence(text, core_start) \
            and not title_case_line(text, core_start):
        return True  # "Ground Zero", "BBC Four", "League Two", "the Six Nations", "Million Dollar Baby"
    if _DEGREE_RE is not None and _DEGREE_BE_RE is not None and fig and not g.get("fig2") \
            and _DEGREE_RE.match(after) and _DEGREE_BE_RE.search(before[-40:]):
        return True  # "They are 100 percent wrong", "I am 90% sure": a degree of conviction, not a share of anything
    if bare and not g.get("fig2") and fig:
        if _year(fig, after) or _age(fig, before, after) or _enumeration_label(fig, before, after):
            return True
        if _RANK_RE is not None and (rank := _RANK_RE.search(before[-40:])) \
                and not (rank.group("the") and re.match(r"\s+[a-z-]+s\b", after)):
            return True  # "the top five", "seeded three"; "the top 12 films" counts films
    return False


def _score(fig: str, sep: str, fig2: str, before: str, after: str) -> bool:
    """ "won 2-1", "28-17", "6-3 6-1", "7-6 (8-6)": a result, never a range (a range never runs downwards)."""
    if not (fig.isdigit() and fig2.isdigit() and sep in ("-", "–")):
        return False
    if int(fig2) < int(fig):
        return True
    return bool(re.search(_PAIR + r"\)?[^\S\n]*\(?$", before) or re.match(r"\)?[^\S\n]*\(?" + _PAIR + r"\b", after))


def _inside_a_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` follows another word of its sentence (not the text's, a quote's or a line's
    first word)."""
    window = text[max(0, start - 200):start]
    prev = re.search(r"(\S+)(\s*)$", window)
    if prev is None or "\n" in prev.group(2) or prev.group(1)[-1] in _SENTENCE_OPENERS:
        return False
    if prev.group(1)[-1].isdigit():
        return False  # a flattened dateline or time stamp before it: "26 Oct 2016 Twenty-two children were killed"
    line = window[window.rfind("\n") + 1:prev.start()]
    return not (prev.group(1).isupper() and _CAPITALS_LINE_RE.fullmatch(line))  # "BEIRUT Two civilians ..."


def title_case_line(text: str, start: int) -> bool:
    """A headline in title case ("Police Kill Two Protesters"): its capitals are no names."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _year(fig: str, after: str) -> bool:
    """A bare four-digit number 1800-2099 is a year ("the 2000 Olympics", "a 2014 study"), unless it counts
    people ("2000 people"), a share or a measure: counts that large are written with a comma."""
    if not re.fullmatch(r"(?:18|19|20)\d\d", fig):
        return False
    nxt = re.match(r"[^\S\n]*([A-Za-z%]+)", after)
    return not (nxt and (nxt.group(1).lower() in _PERSON_NOUNS or nxt.group(1) == "%"
                         or nxt.group(1).lower() in ("percent", "per")))


def _age(fig: str, before: str, after: str) -> bool:
    """ "15 years old", "a 31 year old Scot", "18- to 24-year-old men", "from the age of seven", "when she was
    eight,", "Staunton, 49, who"."""
    value = _WORD_VALUE.get(fig.lower()) if not fig.isdigit() else int(fig)
    if value is None or value > 120:
        return False
    if re.match(r"[\s-]*years?[\s-]+old\b|[^\S\n]+years?\s+of\s+age\b|-?[^\S\n]+(?:to|and)[^\S\n]+\d{1,3}-years?-old\b",
                after, re.I):
        return True
    if _AGE_BEFORE_RE is not None and _AGE_BEFORE_RE.search(before) \
            and re.match(r"\s*(?:[,.;:!?)]|$|and\b|or\b|when\b|but\b)", after):
        return True
    if fig.isdigit() and re.search(r"\b[A-Z][a-z'’-]+,[^\S\n]*$", before) and re.match(r"[^\S\n]*[,)]", after):
        return True  # "Staunton, 49, who": an age in apposition to a name
    return False


def _enumeration_label(fig: str, before: str, after: str) -> bool:
    """ "one, his temperament, and two, his language": the points of a list, not counts."""
    value = _WORD_VALUE.get(fig.lower())
    if value is None or not 2 <= value <= 10 or not re.match(r"[^\S\n]*,", after) \
            or not re.search(r"(?:[,:;(]|\band|\bthen|\bor)[^\S\n]*$", before, re.I):
        return False  # "killed two, wounded three,": a count after its verb is no label
    previous = _NUMBER_WORD.get(value - 1)
    return bool(previous) and re.search(r"(?:^|[,:;(]|\band|\bthen)[^\S\n]*" + previous + r"[^\S\n]*,",
                                        before, re.I) is not None


def merge_ratios(figures: list[Figure], text: str) -> list[Figure]:
    """ "one in five", "nine out of 10", "eight of 10 voters": one share (20%, 90%, 80%), not two counts."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        f1 = figures[i]
        f2 = figures[i + 1] if i + 1 < len(figures) else None
        ratio = _ratio(f1, f2, text) if f2 is not None else None
        if ratio is None:
            out.append(f1)
            i += 1
            continue
        out.append(ratio)
        i += 2
    return out


def _ratio(f1: Figure, f2: Figure, text: str) -> Figure | None:
    from claimgraph.nlp.quantities.figures import Figure

    gap = text[f1.end:f2.start].lower()
    base = f2.value
    if f1.unit or f2.unit or f2.approx != "exact" or not base or f1.negated or f1.approx in ("vague", "range"):
        return None
    n = f1.value if f1.value is not None else (f1.high if f1.high is not None else f1.low)
    if n is None or n > base:
        return None
    join = re.fullmatch(r"[^\S\n]+(in|out[^\S\n]+of|of)[^\S\n]+", gap)
    if join is None:
        return None
    word = join.group(1).split()[0]
    if word == "in" and not (base in (10, 100, 1000) or n == 1):
        return None
    if word == "of" and base not in (10, 100):
        return None

    def share(v: float | None) -> float | None:
        return None if v is None else round(100 * v / base, 2)

    return Figure(f1.start, f2.end, value=share(f1.value), low=share(f1.low), high=share(f1.high),
                  approx=f1.approx, modality=f1.modality, unit="%", num_end=f2.end, extra={"ratio": True})
