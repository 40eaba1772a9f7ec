"""Quantities component: every figure with its bounds, counted subject, source, hedges and modality.

Why rules over a library: quantulum3 and spaCy's CARDINAL give a value (at best a unit) but no subject,
no source and no bounds, and fail on ranges and vague counts. Figures are found here with patterns built
from data files (number_words.tsv, vague_numbers.tsv, numbers_modifiers.tsv, numbers_units.tsv,
numbers_lexicon.tsv); the parse supplies the counted noun phrase, the clause (for hedges and modality);
the attribution component's claims supply the source. Numbers inside the times the times component found
are never read as quantities (a year is not a count; "24 hours" is a duration, kept in `times`).

Each quantity's span covers the figure as claimed: its bound words, the number and its unit or currency
("more than 500", "between 250 and 500", "$4 million", "30km"), not the subject. For the checks
component it leaves `state.extra["quantity_info"]`: {quantity id: {"subject_head", "people", "event",
"place", "sentence", "args", "subset"}} (lemma of the subject's head noun, whether it counts people, lemma
of the verb whose clause the figure counts, a place phrase attached to that verb, the sentence start
offset, the verb's other arguments {"agent"/"patient": lemma}, and whether the figure counts part of
another one: "including two women").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.contract import Quantity
from claimgraph.nlp.shared.numbers_data import alternation, by_kind, hedge_phrases, no_blank_lines, read_tsv
from claimgraph.nlp.state import get_state, report_failure

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
_ADDRESS_RE = re.compile(r"^(?:\s+[A-Z0-9][\w.]*){1,3}\s+(?:" + alternation(ADDRESS_WORDS) + r")(?![\w])", re.I)

# ---------------------------------------------------------------- patterns
_WORD = alternation(set(UNIT_WORDS) | set(SCALE_WORDS))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
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

QUANTITY_RE = re.compile(no_blank_lines(
    r"(?<![\w.,$£€¥₹₽₺-])(?<![\w][-–])"
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


def _overlaps(s: int, e: int, spans: list[tuple[int, int, str]], kinds: tuple[str, ...]) -> bool:
    return any(s < te and ts < e for ts, te, k in spans if k in kinds)


def find_figures(text: str, time_spans: list[tuple[int, int, str]]) -> list[Figure]:
    """Figures in the text, minus years, dates, clock times, ordinals, identifiers, phone numbers, list numbers."""
    blocked = [(m.start(), m.end(), "phone") for m in _PHONE_RE.finditer(text)
               if len(re.sub(r"\D", "", m.group())) >= 8]
    blocked += [(m.start(), m.end(), "list") for m in _LIST_NUM_RE.finditer(text)]
    out: list[Figure] = []
    for m in QUANTITY_RE.finditer(text):
        fig = _read_match(m, text, time_spans, blocked)
        if fig is not None:
            out.append(fig)
    for m in NEGATION_RE.finditer(text):
        if any(m.start() < f.end and f.start < m.end() for f in out):
            continue
        end = m.start() + len(re.sub(r"\s+of$", "", m.group(), flags=re.I))
        out.append(Figure(m.start(), end, value=0.0, low=0.0, high=0.0, modality="negated", negated=True,
                          num_end=end))
    out.sort(key=lambda f: f.start)
    return out


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
            and not re.match(r"^[\s-]*[a-z]", after):
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
    if fig.value is None and fig.low is None and fig.high is None:
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


# ---------------------------------------------------------------- parse-based attributes

def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _head_number_token(span: Span) -> Token:
    """The token that carries the figure in the parse (the last numeric-ish token)."""
    for tok in reversed(span):
        if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in VAGUE or tok.lower_.rstrip("s") in SCALE_WORDS:
            return tok
    return span[-1]


def _subject(doc: Doc, fig: Figure) -> tuple[int, int] | None:
    """The counted noun phrase after the figure: "500 air strikes", "hundreds of Turks"."""
    if fig.unit and fig.unit != "%":
        return None  # money and measures count no noun phrase
    tok = _next_token(doc, fig.end)
    if tok is None:
        return None
    if tok.lower_ == "of":
        nxt = _next_token(doc, tok.idx + len(tok.text))
        if nxt is None:
            return None
        while nxt is not None and nxt.lower_ in PARTITIVE_DETS:
            nxt = _next_token(doc, nxt.idx + len(nxt.text))
        if nxt is None:
            return None
        if nxt.pos_ == "PRON":
            return None
        for chunk in doc.noun_chunks:
            if chunk.start <= nxt.i < chunk.end and chunk.root.i >= nxt.i:
                if any(t.like_num or t.lower_ in ("more", "less", "fewer", "over", "about", "some")
                       for t in doc[nxt.i:chunk.root.i]):
                    return None  # "3 of more than 40 villages": the second figure's subject, set later
                return nxt.idx, chunk.root.idx + len(chunk.root.text)
        return _noun_run(doc, nxt)
    if fig.unit == "%":
        return None
    return _noun_run(doc, tok)


def _next_token(doc: Doc, char: int) -> Token | None:
    for tok in doc[_token_index_at(doc, char):]:
        if tok.idx >= char and not tok.is_space:
            return tok
    return None


def _token_index_at(doc: Doc, char: int) -> int:
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _noun_run(doc: Doc, first: Token) -> tuple[int, int] | None:
    """Adjectives and nouns from `first` up to the head noun of their phrase."""
    toks: list[Token] = []
    i = first.i
    while i < len(doc) and len(toks) < 8:
        tok = doc[i]
        is_hyphen = tok.text in ("-", "‑") and toks and i + 1 < len(doc) and not doc[i + 1].is_space
        if not (tok.pos_ in ("ADJ", "NOUN", "PROPN") or is_hyphen or (tok.pos_ == "VERB" and tok.dep_ == "amod")
                or (tok.tag_ == "VBN" and toks and doc[i - 1].text == "-")):
            break
        if tok.lower_ in ("of", "than") or tok.like_num:
            break
        toks.append(tok)
        hyphen_next = not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in ("-", "‑")
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "nmod") and not is_hyphen \
                and not hyphen_next:
            break
        i += 1
    while toks and toks[-1].pos_ not in ("NOUN", "PROPN"):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _subject_verb(doc: Doc, subj: tuple[int, int] | None, num_tok: Token) -> Token | None:
    """The event verb a count belongs to: a relative clause on its subject ("people who joined"), else its verb."""
    head: Token | None = None
    if subj is not None:
        span = _tokens(doc, *subj)
        if span is not None:
            head = span.root
            for child in head.children:
                if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
                    return child
    return _governing_verb(head if head is not None else num_tok)


def _event_args(verb: Token | None, counted: Token) -> dict[str, str]:
    """Who did it and to what, by head lemma, minus the counted noun itself and pronouns:
    {"agent": ..., "patient": ...}. Two figures belong to one event only when these agree."""
    if verb is None:
        return {}
    args: dict[str, str] = {}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        target = child
        role = None
        if child.dep_ == "nsubj":
            role = "agent"
        elif child.dep_ == "nsubjpass" or (child.dep_ in ("dobj", "attr") and not passive):
            role = "patient"
        elif child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            target, role = (objs[0], "agent") if objs else (child, None)
        if role is None or target.i == counted.i or target.pos_ == "PRON" or target.like_num:
            continue
        if counted in list(target.subtree):
            continue
        args[role] = target.lemma_.lower()
    return args


def _in_subset(num_tok: Token) -> bool:
    """A figure introduced by "including"/"among" counts part of another figure, never a rival to it."""
    for tok in [num_tok, *list(num_tok.ancestors)[:3]]:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among"):
            return True
        if tok.lower_ in ("including", "among"):
            return True
    return False


def _place_of(verb: Token | None) -> str | None:
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "inside"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and not objs[0].like_num and objs[0].ent_type_ not in ("DATE", "TIME"):
                return " ".join(t.lemma_.lower() for t in objs[0].subtree if not t.is_punct)
    return None


def _modality(fig: Figure, num_tok: Token, verb: Token | None, sent: Span) -> str:
    if fig.negated:
        return "negated"
    if verb is not None:
        chain = [verb] + [a for a in list(verb.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
        counted = num_tok.head if num_tok.dep_ == "nummod" else num_tok
        if counted.head == verb and counted.dep_ in ("dobj", "attr", "oprd") \
                and any(c.dep_ == "neg" for c in verb.children):
            return "negated"  # "did not kill 50 people"; a negated predicate of a counted subject is not
        for v in chain:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL for c in v.children) \
                    or v.lower_ in HYPOTHETICAL:
                return "hypothetical"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children):
                return "hypothetical"
        if verb.lemma_.lower() == "estimate":
            return "estimated"
    return fig.modality


def _hedges(doc: Doc, sent: Span, num_tok: Token) -> list[str]:
    """Hedge phrases of the figure's clause: a hedge applies when the figure lies in its scope."""
    if _HEDGE_RE is None:
        return []
    found: list[str] = []
    for m in _HEDGE_RE.finditer(sent.text):
        hs, he = sent.start_char + m.start(), sent.start_char + m.end()
        span = _tokens(doc, hs, he)
        if span is None:
            continue
        anchor = span.root
        scope = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
        if scope.left_edge.i <= num_tok.i <= scope.right_edge.i and num_tok in list(scope.subtree):
            if m.group() not in found:
                found.append(m.group())
    return found


@Language.factory(
    "claimgraph_quantities",
    requires=["doc._.cg_times", "doc._.cg_claims", "doc._.cg_sources", "doc._.cg_entities"],
    assigns=["doc._.cg_quantities"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()


class QuantitiesComponent:
    """Finds figures and ties each to its subject, claim source, hedges and modality; never raises on text."""

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text
            report_failure(doc, "claimgraph_quantities", exc)
        return doc

    def _run(self, doc: Doc, state) -> None:
        text = doc.text
        time_spans = state.extra.get("time_spans")
        if time_spans is None:  # times component absent: use the times in state, all as points
            time_spans = [(t.span[0], t.span[1], "point") for t in state.items.get("times", [])]
        figures = find_figures(text, time_spans)
        info: dict[str, dict] = state.extra.setdefault("quantity_info", {})
        made: list[tuple[Figure, Quantity]] = []
        has_sents = doc.has_annotation("SENT_START")
        for fig in figures:
            try:
                item = self._quantity(doc, text, has_sents, state, fig, info)
            except Exception as exc:  # noqa: BLE001 - one odd figure must not cost the document its other figures
                report_failure(doc, f"claimgraph_quantities on [{fig.start}, {fig.end})", exc)
                continue
            if item is not None:
                made.append((fig, item))
        self._partitives(text, made)
        for _, q in made:
            state.add("quantities", q)

    @staticmethod
    def _quantity(doc: Doc, text: str, has_sents: bool, state, fig: Figure, info: dict[str, dict]) -> Quantity | None:
        """The contract item for one figure (None when the parse shows it is no count)."""
        span = _tokens(doc, fig.start, fig.end)
        if span is None or len(span) == 0:
            return None
        num_tok = _head_number_token(span)
        if fig.start == span.start_char and span.text.lower() == "one" and num_tok.dep_ != "nummod":
            return None  # "one" as a pronoun ("the best one", "one among millions")
        sent = num_tok.sent if has_sents else doc[:]
        subj = _subject(doc, fig)
        subj_span = _tokens(doc, *subj) if subj else None
        verb = _subject_verb(doc, subj, num_tok)
        claim = state.claim_at(fig.start, fig.end)
        hedges = list(claim.hedges) if claim is not None else []
        for h in _hedges(doc, sent, num_tok):
            if h.lower() not in {x.lower() for x in hedges}:
                hedges.append(h)
        source = claim.sources[-1] if claim is not None and claim.sources else None
        subj_head, people = None, False
        if subj is not None and subj_span is not None:
            subj_head = subj_span.root.lemma_.lower()
            ent_id = state.entity_at(*subj) if state.entity_mentions else None
            ent = state.get(ent_id) if ent_id else None
            people = (subj_span.root.lower_ in PERSON_NOUNS or subj_head in PERSON_NOUNS
                      or subj_span.root.ent_type_ == "NORP" or (ent is not None and ent.type in ("NORP", "GROUP")))
        facts = {
            "subject_head": subj_head, "people": people,
            "event": verb.lemma_.lower() if verb is not None else None,
            "place": _place_of(verb), "sentence": sent.start_char,
            "args": _event_args(verb, subj_span.root if subj_span is not None else num_tok),
            "subset": _in_subset(num_tok),
        }
        modality = _modality(fig, num_tok, verb, sent)
        q = Quantity(
            id=state.new_id("quantities"), text=text[fig.start:fig.end], span=(fig.start, fig.end),
            value=fig.value, low=fig.low, high=fig.high, approx=fig.approx,
            subject=text[subj[0]:subj[1]] if subj else None, subject_span=subj, unit=fig.unit, source=source,
            hedges=hedges, modality=modality,
        )
        info[q.id] = facts
        return q

    @staticmethod
    def _partitives(text: str, made: list[tuple[Figure, Quantity]]) -> None:
        """ "3 of more than 40 villages": the first figure counts the subject of the second."""
        for (_, q1), (_, q2) in zip(made, made[1:], strict=False):
            if q1.subject is None and q2.subject is not None:
                gap = text[q1.span[1]:q2.span[0]].strip().lower().split()
                if gap and gap[0] == "of" and all(w in PARTITIVE_DETS for w in gap[1:]):
                    q1.subject, q1.subject_span = q2.subject, q2.subject_span
