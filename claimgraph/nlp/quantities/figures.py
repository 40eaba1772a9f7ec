"""Figures in plain text, before any parse: the patterns built from the data files and their reading.

"more than 500" -> low 500; "between 250 and 500" -> a range; "$4 million" -> 4e6 USD; "dozens" -> a
vague count. Years, dates, clock times, ordinals, identifiers, phone and list numbers are not figures.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from claimgraph.nlp.quantities.labels import merge_ratios, not_a_count, title_case_line
from claimgraph.nlp.shared.numbers_data import alternation, by_kind, hedge_phrases, no_blank_lines, read_tsv
from claimgraph.nlp.shared.scan import MultiScanner

# ---------------------------------------------------------------- lexicons
_NW = [r for r in read_tsv("number_words.tsv") if len(r) >= 3]
UNIT_WORDS = {w: float(v) for w, v, k in _NW if k == "unit"}
SCALE_WORDS = {w: float(v) for w, v, k in _NW if k == "scale"}
ABBREV_SCALES = {w: float(v) for w, v, k in _NW if k == "abbrev"}
FRACTIONS = {w: float(v) for w, v, k in _NW if k == "fraction"}
VAGUE = {r[0].lower(): (float(r[1]), float(r[2])) for r in read_tsv("vague_numbers.tsv") if len(r) >= 3}
_MODS = [r for r in read_tsv("numbers_modifiers.tsv") if len(r) >= 4]
PRE_MODS = {p.lower(): (a, m) for pos, p, a, m in _MODS if pos == "pre"}
POST_MODS = {p.lower(): (a, m) for pos, p, a, m in _MODS if pos == "post"}
_UNITS = by_kind("numbers_units.tsv")
SYMBOLS = {s: u for s, u in _UNITS.get("symbol", [])}
CURRENCIES = {s.lower(): u for s, u in _UNITS.get("currency", [])}
CODES = {s: u for s, u in _UNITS.get("code", [])}
PERCENT = {s.lower(): u for s, u in _UNITS.get("percent", [])}
MEASURES = {s: u for s, u in _UNITS.get("measure", [])}
_LEX = by_kind("numbers_lexicon.tsv")
ID_PREFIXES = {r[0].lower() for r in _LEX.get("id_prefix", [])}
NEGATIONS = {r[0].lower() for r in _LEX.get("negation", [])}
HYPOTHETICAL = {r[0].lower() for r in _LEX.get("hypothetical", [])}
PARTITIVE_DETS = {r[0].lower() for r in _LEX.get("partitive_det", [])}
PERSON_NOUNS = {r[0].lower() for r in _LEX.get("person_noun", [])}
ADDRESS_WORDS = {r[0].lower() for r in _LEX.get("address_word", [])}
EMERGENCY_NUMBERS = {r[0] for r in _LEX.get("emergency_number", [])}
EMERGENCY_CONTEXT = {r[0].lower() for r in _LEX.get("emergency_context", [])}
_ADDRESS_RE = re.compile(r"^(?:\s+[A-Z0-9][\w.]*){1,3}\s+(?:" + alternation(ADDRESS_WORDS) + r")(?![\w])", re.I)

# ---------------------------------------------------------------- patterns
_WORD = alternation(set(UNIT_WORDS) | set(SCALE_WORDS))
#: digits, with commas or single spaces (also no-break and thin ones) between thousands groups ("10,000", "10 000")
_THOUSANDS_SPACE = "[ \u00a0\u2009\u202f]"
_DIGITS = (rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|[1-9]\d{{0,2}}(?:{_THOUSANDS_SPACE}\d{{3}})+(?![\d,])(?:\.\d+)?"
           r"|\d+(?:\.\d+)?")
_SPACED_THOUSANDS = re.compile(rf"[1-9]\d{{0,2}}(?:{_THOUSANDS_SPACE}\d{{3}})+")
#: a month name right before a digit group makes that group a day ("May 22 300 migrants": day 22, then 300)
_MONTHS = {r[0].lower() for r in by_kind("times_lexicon.tsv").get("month", [])}
_MONTH_BEFORE_RE = re.compile(r"(?<![\w])(?:" + alternation(_MONTHS) + r")\.?\s+$", re.I)
_SCALE = alternation(set(SCALE_WORDS) - {"dozen"})
# one figure: digits with an optional scale word, or a run of number words ("two hundred and fifty")
_FIG = (
    rf"(?:{_DIGITS})(?:\s*(?:{_SCALE})s?\b|(?:{alternation(set(ABBREV_SCALES))})\b)?"
    rf"|(?:a|an|one)\s+(?:{_SCALE}|dozen)\b(?:\s+(?:and\s+)?(?:{_WORD})\b)*"
    rf"|half\s+a\s+(?:{_SCALE})\b"
    rf"|(?:{_WORD})\b(?:(?:\s+|-)(?:and\s+)?(?:{_WORD})\b)*"
)
_VAGUE = alternation(set(VAGUE))
# "and" joins a range only after "between" ("between 250 and 500"; "5 and 10 others" are two figures)
_RANGE_SEP = r"(?(btw)(?:\s*[-–—]\s*|\s+to\s+|\s+and\s+)|(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+))"
_PRE = alternation(set(PRE_MODS))
_POST = alternation(set(POST_MODS) - {"-plus", "+"})
_SYM = alternation(set(SYMBOLS))
_FRAC = rf"(?:a|one|two|three|four|five|nine)[\s-]+(?:{alternation(set(FRACTIONS) - {'half'})})|half(?!\s+an?\s)"

#: where a figure can start: not inside a word, a number or a hyphened compound
_QUANTITY_LEAD = r"(?<![\w.,$£€¥₹₽₺-])(?<![\w][-–])"
QUANTITY_RE = re.compile(no_blank_lines(
    _QUANTITY_LEAD +
    r"(?P<pre>(?:(?:somewhere|anywhere)\s+)?(?P<btw>between|from)\s+|(?:" + _PRE + r")\s+)?"
    r"(?P<sym>(?:" + _SYM + r")\s?)?"
    r"(?:(?P<vague>" + _VAGUE + r")|(?P<frac>" + _FRAC + r")"
    r"|(?P<fig>" + _FIG + r")(?:(?P<sep>" + _RANGE_SEP + r")(?:" + _SYM + r")?\s?(?P<fig2>" + _FIG + r"))?)"
    r"(?P<plus>-plus|\+)?"
    r"(?:(?![\w])|(?=(?:" + alternation(set(MEASURES) | {"%"}) + r")(?![\w])))"),
    re.I,
)
NEGATION_RE = re.compile(r"(?<![\w])(?:" + alternation(NEGATIONS) + r")(?![\w])", re.I)
_POST_RE = re.compile(r"^\s+(?:" + _POST + r")(?![\w])", re.I) if _POST else None
_PERCENT_RE = re.compile(r"^\s?(?:" + alternation(set(PERCENT)) + r")(?![\w])", re.I)
_CURRENCY_RE = re.compile(r"^\s?(?:" + alternation(set(CURRENCIES)) + r")(?![\w])", re.I)
_CODE_RE = re.compile(r"^\s?(?:" + alternation(set(CODES)) + r")(?![\w])")
_MEASURE_RE = re.compile(r"^\s?(?:" + alternation(set(MEASURES)) + r")(?![\w])")
_ORDINAL_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,}")
_LIST_NUM_RE = re.compile(r"(?m)^\s*\(?\d{1,3}[.)](?=\s)")
_HEDGE_RE = re.compile(r"(?<![\w])(?:" + alternation(set(hedge_phrases())) + r")(?![\w])", re.I) \
    if hedge_phrases() else None
#: the same matches as the patterns' own `search` and `finditer`, the patterns tried only where their first four
#: characters can start (claimgraph.nlp.shared.scan): `re` tries these case-insensitive alternations at every word
#: start, the scanners at one word start in ten or so; over 150 FA-KES dev articles the figure search's CPU fell
#: from 0.10 to 0.04 s, the hedges' from 0.05 to 0.03 s, the phone numbers' from 0.025 to 0.01 s
_QUANTITY_SCAN = MultiScanner([QUANTITY_RE], lead=_QUANTITY_LEAD, width=4)
_PHONE_SCAN = MultiScanner([_PHONE_RE], width=4)
HEDGE_SCAN = MultiScanner([_HEDGE_RE], lead=r"(?<![\w])", width=4) if _HEDGE_RE is not None else None


@dataclass
class Figure:
    """A figure found in the text, with its reading."""

    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: str = "exact"
    modality: str = "asserted"
    unit: str | None = None
    negated: bool = False
    num_end: int = 0  # where the figure proper ends (before a unit), for the subject search
    extra: dict = field(default_factory=dict)


def parse_figure(text: str) -> float | None:
    """The value of one figure: "12,000" -> 12000, "1.5 million" -> 1.5e6, "two hundred and fifty" -> 250."""
    t = text.strip().lower().replace("\u00a0", " ")
    t = re.sub(rf"(?<=\d){_THOUSANDS_SPACE}(?=\d{{3}}(?!\d))", "", t)  # "10 000": one number, its groups spaced
    m = re.match(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([a-z]*)", t)
    if m:
        num = float(m.group(1).replace(",", ""))
        word = m.group(2)
        if word:
            word = word[:-1] if word.endswith("s") and word[:-1] in SCALE_WORDS else word
            num *= SCALE_WORDS.get(word, ABBREV_SCALES.get(word, 1.0))
        return num
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if words[:2] == ["half", "a"] and len(words) == 3:
        return 0.5 * SCALE_WORDS.get(words[2], 1.0)
    total, current = 0.0, 0.0
    for w in words:
        if w in ("a", "an"):
            current = max(current, 1.0)
        elif w in UNIT_WORDS:
            current += UNIT_WORDS[w]
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            current = max(current, 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
    return total + current


class _Spans:
    """(start, end, kind) spans indexed by start, so an overlap test looks at nearby spans only, not all."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def overlaps(self, s: int, e: int, kinds: tuple[str, ...]) -> bool:
        lo = bisect.bisect_left(self.starts, s - self.longest)
        hi = bisect.bisect_left(self.starts, e)
        return any(s < te and k in kinds for _, te, k in self.spans[lo:hi])


def _overlaps(s: int, e: int, spans: _Spans, kinds: tuple[str, ...]) -> bool:
    return spans.overlaps(s, e, kinds)


def find_figures(text: str, time_spans: list[tuple[int, int, str]]) -> list[Figure]:
    """Figures in the text, minus years, dates, clock times, ordinals, identifiers, phone numbers, list numbers."""
    phones = [(m.start(), m.end(), "phone") for m in _PHONE_SCAN.find(text)[0]
              if len(re.sub(r"\D", "", m.group())) >= 8 and not _SPACED_THOUSANDS.fullmatch(m.group())]
    blocked = _Spans(phones + [(m.start(), m.end(), "list") for m in _LIST_NUM_RE.finditer(text)])
    times = _Spans(time_spans)
    out: list[Figure] = []
    pos = 0
    search = _QUANTITY_SCAN.searcher(text)  # QUANTITY_RE.search(text, pos)
    while (m := search(pos)) is not None:
        pos = m.end()
        day_end = _day_joined(m, text, times)
        if day_end is not None:
            pos = day_end  # the first group is a day of a date: read the figure after it on its own
            continue
        if not_a_count(m, text):
            continue
        fig = _read_match(m, text, times, blocked)
        if fig is not None:
            out.append(fig)
    out = merge_ratios(out, text)
    found = _Spans([(f.start, f.end, "figure") for f in out])
    for m in NEGATION_RE.finditer(text):
        if found.overlaps(m.start(), m.end(), ("figure",)):
            continue
        end = m.start() + len(re.sub(r"\s+of$", "", m.group(), flags=re.I))
        out.append(Figure(m.start(), end, value=0.0, low=0.0, high=0.0, modality="negated", negated=True,
                          num_end=end))
    out.sort(key=lambda f: f.start)
    return out


def _day_joined(m: re.Match, text: str, times: _Spans) -> int | None:
    """Where the first group ends when spaced thousands join a date's day to the count after it.

    "On May 22 300 migrants drowned" is day 22 and 300 migrants, not 22,300: digit groups are never joined when
    the first follows a month name or lies in a time span.
    """
    fig = m.group("fig")
    if not fig or m.group("sym") or m.group("pre"):
        return None
    joined = _SPACED_THOUSANDS.match(fig)
    if joined is None:
        return None
    start = m.start("fig")
    first_end = start + re.match(r"\d+", fig).end()
    if _MONTH_BEFORE_RE.search(text[max(0, start - 12):start]) or \
            times.overlaps(start, first_end, ("point", "duration")):
        return first_end
    return None


def _emergency_call(before: str, after: str) -> bool:
    """An emergency number's context: a call word right after it or a dialling word right before it."""
    nxt = re.match(r"[\s-]*([A-Za-z]+)", after)
    prev = re.search(r"([A-Za-z]+)\W*$", before)
    return bool((nxt and nxt.group(1).lower() in EMERGENCY_CONTEXT)
                or (prev and prev.group(1).lower() in EMERGENCY_CONTEXT))


def _read_match(m: re.Match, text: str, time_spans, blocked) -> Figure | None:  # noqa: C901 - one reading per construction
    g = m.groupdict()
    core_start = min(m.start(k) for k in ("sym", "vague", "frac", "fig") if g.get(k) is not None)
    start, end = m.start(), m.end()
    if g.get("fig") and g.get("sep") and not g.get("fig2"):
        return None
    before = text[max(0, core_start - 30):core_start]
    after = text[end:end + 40]
    # numbers inside times (years, dates, clock times, durations) are not quantities; a match running into a
    # date ("3 to 5 May") is dropped whole: figures are never taken from dates
    if _overlaps(core_start, end, time_spans, ("point", "duration")) or \
            _overlaps(core_start, end, blocked, ("phone", "list")):
        return None
    if re.match(r"^(?:[:/.]\d|-\d|-year-old|['’]\d)", after) or _ORDINAL_RE.match(after):
        return None
    if re.match(r"^-(?!plus\b|strong\b)[A-Za-z]", after):
        return None  # compound modifiers ("a two-front war", "a one-term president") count nothing
    if _ADDRESS_RE.match(after):
        return None
    if re.fullmatch(r"\d{1,3}", g.get("fig") or "") and not g.get("sym") and not g.get("pre") \
            and re.search(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+,\s*$", before) \
            and re.match(r"\s*[,)]", text[end:end + 3]):
        return None  # "Keith Smith, 43, was ...": an age in apposition to a full name, not a count
    if g.get("fig") in EMERGENCY_NUMBERS and not g.get("sym") and _emergency_call(before, after):
        return None  # "a 911 caller", "dialled 999": a number to call, not a count
    if re.fullmatch(r"\d{7,}", g.get("fig") or "") or re.search(r"\d['’]$", before):
        return None  # identifiers ("tweet 783499116076687360") and heights (6'3")
    if re.search(r"[:/@#\[°′]$", before) or re.search(r"\b[A-Za-z]+[-–]$", before):
        return None  # "Su-24", "[1]" citation marks, parts of coordinates
    if re.match(r"^\s*[°′″\]]", text[end:end + 3]) or (g.get("fig2") and re.match(r"^\s*°", after)):
        return None
    if re.search(r"\b[A-Z]{2,}\)\s*$", before) or re.fullmatch(r"\d+\.\d{3,}", g.get("fig") or ""):
        return None  # "(CTF) 50"; "33.783": coordinates and codes, not counts
    label = re.search(r"(?:^|[^.!?\n\s]\s|[(\[])([A-Z][A-Za-z]*)\s+$", before)
    if label and not g.get("pre") and not g.get("sym") and label.group(1).lower() not in PRE_MODS \
            and not re.match(r"^[\s-]*[a-z]", after) and not title_case_line(text, core_start):
        return None  # a capitalised name before a figure that counts nothing labels it: "CTF 50", "Radio 4's"
    prev_word = re.search(r"([A-Za-z][A-Za-z.]*)\s*$", before)
    if prev_word and prev_word.group(1).lower() in ID_PREFIXES and not g.get("pre") and not g.get("sym"):
        return None
    fig = Figure(start, end)
    pre = (g.get("pre") or "").strip().lower()
    pre_key = re.sub(r"\s+", " ", pre)
    if g.get("vague"):
        word = re.sub(r"\s+", " ", g["vague"].lower())
        fig.low, fig.high = VAGUE[word]
        fig.approx = "vague"
        if word in ("a couple", "couple of", "a couple of", "few", "a few", "several", "a handful of") \
                and not _counts_something(after):
            return None
        if word == "few" and not re.search(r"\b(?:a|the|only|just)\s*$", before, re.I):
            return None
    elif g.get("frac"):
        frac = g["frac"].lower()
        if not re.match(r"^\s+(?:of|the)\b", after, re.I):
            return None
        parts = re.split(r"[\s-]+", frac)
        n = 1.0 if parts[0] in ("a", "one", "half") else parse_figure(parts[0]) or 1.0
        fig.value = fig.low = fig.high = round(n * FRACTIONS.get(parts[-1], 0.5) * 100, 2)
        fig.unit = "%"
    else:
        first = g["fig"]
        if not _plausible_figure(first, m.start("fig"), text, bool(g.get("sym"))):
            return None
        if not g.get("sym") and re.fullmatch(r"[\d.,]+m", first.lower()):
            # "300m" without a currency sign is metres, not millions
            first = first[:-1]
            end = m.start("fig") + len(first)
            if g.get("fig2") or g.get("plus"):
                return None
        v1 = parse_figure(first)
        if v1 is None:
            return None
        if g.get("fig2"):
            v2 = parse_figure(g["fig2"])
            sep = g["sep"].strip().lower()
            if v2 is not None and v2 == v1 and sep not in ("and", "to", "or"):
                return None  # "a 5-5 ruling": a score, not a range
            if v2 is None or (sep == "and" and not pre_key.endswith("between")) \
                    or (sep == "to" and not (pre_key.endswith("from") or v2 > v1)) \
                    or (sep == "or" and not v2 > v1) or v2 < v1:
                # not a range: keep the first figure alone
                end = m.end("fig")
                fig.end = end
                g = dict(g, fig2=None, plus=None)
                if pre_key.endswith(("between", "from")):
                    start = m.start("sym") if g.get("sym") else m.start("fig")
                    fig.start = start
                    pre_key = ""
            else:
                # "3 to 5" may scale the first by the second's word: "two to three million"
                if v1 < v2 and re.search(r"[a-z]$", g["fig2"].lower()) and not re.search(r"[a-z]$", first.lower()):
                    scale = v2 / (parse_figure(re.sub(r"\s*[a-z]+$", "", g["fig2"].lower())) or v2)
                    if scale > 1 and v1 * scale <= v2:
                        v1 *= scale
                fig.low, fig.high, fig.approx = v1, v2, "range"
        if fig.approx != "range":
            fig.value = fig.low = fig.high = v1
    if pre_key and pre_key not in ("between", "from") and not pre_key.endswith(("between", "from")):
        approx, modality = PRE_MODS.get(pre_key, ("exact", "asserted"))
        _apply_bound(fig, approx)
        fig.modality = modality
    elif pre_key in ("between", "from") or pre_key.endswith(("between", "from")):
        if fig.approx != "range":
            start = m.start("sym") if g.get("sym") else core_start
            fig.start = start
        if pre_key.startswith(("somewhere", "anywhere")):
            fig.modality = "estimated"
    if g.get("plus"):
        _apply_bound(fig, "at_least")
    fig.end = end
    if g.get("sym"):
        fig.unit = SYMBOLS.get(g["sym"].strip(), None)
    fig.num_end = fig.end
    tail = text[fig.end:fig.end + 40]
    if _POST_RE is not None and (pm := _POST_RE.match(tail)):
        approx, modality = POST_MODS.get(re.sub(r"\s+", " ", pm.group().strip().lower()), ("exact", "asserted"))
        if fig.approx in ("exact",):
            _apply_bound(fig, approx)
            fig.modality = modality
            fig.end += pm.end()
            fig.num_end = fig.end
            tail = text[fig.end:fig.end + 40]
    if re.match(r"^-strong\b", tail, re.I):  # "a 5,000-strong force"
        fig.end += len("-strong")
        fig.num_end = fig.end
        tail = text[fig.end:fig.end + 40]
    if fig.unit is None:
        for rx, table, lower in ((_PERCENT_RE, PERCENT, True), (_CURRENCY_RE, CURRENCIES, True),
                                 (_CODE_RE, CODES, False), (_MEASURE_RE, MEASURES, False)):
            um = rx.match(tail)
            if um:
                key = re.sub(r"\s+", " ", um.group().strip())
                fig.unit = table.get(key.lower() if lower else key)
                fig.end += um.end()
                break
    if any(v is not None and not math.isfinite(v) for v in (fig.value, fig.low, fig.high)):
        # beyond float range ("9" x 309): the figure stays, as text, with no bounds; JSON has no Infinity
        fig.value = fig.low = fig.high = None
        fig.extra["beyond_range"] = True
    elif fig.value is None and fig.low is None and fig.high is None:
        return None
    if fig.approx in ("about",) or fig.modality == "estimated":
        fig.modality = "estimated"
    return fig


def _apply_bound(fig: Figure, approx: str) -> None:
    """Turn an exact figure into a bound: "more than 500" keeps 500 as low, "up to 10" as high."""
    if fig.approx not in ("exact",):
        if fig.approx == "vague" and approx in ("about",):
            return
        if fig.approx == "range":
            return
    n = fig.value if fig.value is not None else (fig.low if approx in ("more_than", "at_least") else fig.high)
    if approx == "about":
        fig.value, fig.low, fig.high = n, None, None
    elif approx in ("more_than", "at_least"):
        fig.value, fig.low, fig.high = None, n if fig.approx != "vague" else fig.low, None
    elif approx in ("less_than", "at_most"):
        fig.value, fig.low, fig.high = None, None, n if fig.approx != "vague" else fig.high
    else:
        return
    fig.approx = approx


def _counts_something(after: str) -> bool:
    """Vague determiners ("several", "a few") are counts only before a noun phrase, not as pronouns."""
    return bool(re.match(r"^\s+(?:of\s+)?[A-Za-z]", after)) and not re.match(
        r"^\s+(?:times|more|less|other|others|such|to|of\s+(?:the|them|us|you|those|these))\b", after, re.I)


def _plausible_figure(fig_text: str, start: int, text: str, has_symbol: bool) -> bool:
    """Drop number words that are not counts here: "one of the", "no one", "the one", pronoun "one"."""
    low = fig_text.lower()
    after = text[start + len(fig_text):start + len(fig_text) + 30]
    before = text[max(0, start - 20):start]
    if re.fullmatch(r"(?:a|an)\s+\w+", low) and not re.search(_SCALE + "|dozen", low):
        return False
    if low == "one" or low.startswith("one "):
        if re.match(r"^\s+(?:of|another|after|by|or\s+two\s+of|and\s+the\s+same)\b", after, re.I):
            return False
        if re.search(r"\b(?:no|any|the|every|each|this|that|which|some|someone|anyone)\s*$", before, re.I):
            return False
        if re.match(r"^\s*(?:[.,;:!?)]|$)", after):
            return False
    if low in ("zero",) and not re.match(r"^\s+[a-z]", after):
        return False
    return True
