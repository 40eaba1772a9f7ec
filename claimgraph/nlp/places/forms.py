"""Forms of names in the text, found in one pass: a resolved name's other occurrences, headline sentences, and
names the gazetteer knows only as part of a longer name. Split from `recognition` (one concern: text scans
that must stay linear in the document's length, issue 16)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimgraph.gazetteer import Entry, Gazetteer, key
from claimgraph.nlp.places.lexicon import Group, Mention, load_lexicon

_WORD = re.compile(r"(?<![\w.-])\w+")
_WORD_GOES_ON = re.compile(r"[\w-]")
_SENTENCE_OPENS = re.compile(r"(?:^|[\n.!?][\"”’')]*)\s*$")  # the text before a word that opens a sentence


#: how many of a name's mentions found by form alone must stand in a place's context before its other occurrences
#: count as that place (`name_occurrences`)
WEAK_CONFIRMATIONS = 2


def name_occurrences(text: str, groups: list[Group],
                     lower_words: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, str, int, int]]:
    """Where each resolved name's forms occur in `text` as whole words: (group index, form, start, end), in
    the order of the groups, a group's longer forms first, then by position. One pass over the text, each
    word looked up among the forms that begin with it: a search of the whole text per form costs the
    number of names times the length (issue 16). A dateline's name in title case ("Mobile" of "MOBILE") is
    not taken where it opens a sentence or where the text uses it as a lower-case word (`lower_words`):
    there it is as likely the word ("Mobile phone networks", "Reading the report")."""
    by_word: dict[str, list[tuple[int, int, str]]] = {}
    odd: list[tuple[int, int, str]] = []
    titled: set[tuple[int, str]] = set()  # (group, form): a title form added from an upper-case name
    for gi, g in enumerate(groups):
        if g.best is None:
            continue
        # a name found by form alone ("X" the model did not tag) spreads once two places' contexts confirm it ("the
        # area of X", "near X"); one context can be a person's or a firm's ("property stolen from X")
        confirmed = sum(m.locative for m in g.mentions if m.weak) >= WEAK_CONFIRMATIONS
        forms = {m.text for m in g.mentions if not m.weak or (confirmed and m.locative)}
        added = {title_form(f) for f in forms if f.isupper() and len(f) > 3} - forms  # "GLEN ELLYN" -> "Glen Ellyn"
        titled |= {(gi, f) for f in added}
        for fi, form in enumerate(sorted(forms | added, key=lambda f: (-len(f), f))):
            first = re.match(r"\w+", form)
            (by_word.setdefault(first.group(), []) if first else odd).append((gi, fi, form))
    hits: list[tuple[int, int, int, int, str]] = []
    for w in _WORD.finditer(text) if by_word else ():
        for gi, fi, form in by_word.get(w.group(), ()):
            s = w.start()
            e = s + len(form)
            if not text.startswith(form, s) or _WORD_GOES_ON.match(text, e):
                continue
            if (gi, form) in titled and (_SENTENCE_OPENS.search(text, max(0, s - 4), s)
                                         or all(x in lower_words for x in form.lower().split())):
                continue
            hits.append((gi, fi, s, e, form))
    for gi, fi, form in odd:  # a form that does not open with a letter ("'Amran"): rare, searched alone
        for hit in re.finditer(rf"(?<![\w.-]){re.escape(form)}(?![\w-])", text):
            hits.append((gi, fi, *hit.span(), form))
    hits.sort()
    return [(gi, form, s, e) for gi, _fi, s, e, form in hits]


def title_form(name: str) -> str:
    """The running-text form of an upper-case name: each word's first letter kept, the rest lower case, also
    after a hyphen ("WINSTON-SALEM" -> "Winston-Salem"), not after an apostrophe ("ST. JOHN'S" -> "St. John's")."""
    return re.sub(r"(?<![\w'’])(\w)([\w'’]*)", lambda m: m.group(1) + m.group(2).lower(), name)


#: a word that opens with the Arabic article run into its name, the sun letter doubled ("Ezzor" = "ez-Zor")
_JOINED_ARTICLE = re.compile(r"^([ae])([tdrzsnl])\2(\w{2,})$")
_SUN_LETTERS = "tdrzsn"


def article_variants(name: str, articles: frozenset[str]) -> list[str]:
    """Other spellings of an Arabic place name that differ only in its article, as match keys, most likely first:
    the article split off a word it was run into ("Deir Ezzor" -> "deir ez zor"), its assimilated or plain form
    ("Al-Tamanah" -> "at tamanah"; "Ar-Raqqa" -> "al raqqa") and the name without it ("Al-Dana" -> "dana").
    News transliterates the article in all these ways and a gazetteer holds one or two of them; they are tried
    only for a name the gazetteer does not know as written."""
    words = key(name).split()
    out: list[str] = []

    def add(ws: list[str]) -> None:
        k = " ".join(ws)
        if k and k != key(name) and k not in out:
            out.append(k)

    for i, w in enumerate(words):
        m = _JOINED_ARTICLE.match(w)
        if m and i > 0:  # the second word of a name ("Deir Ezzor", "Ras Alayn"), never a lone word
            add(words[:i] + [m.group(1) + m.group(2), m.group(2) + m.group(3)] + words[i + 1:])
    for i, w in enumerate(words[:-1]):
        if w not in articles:
            continue
        nxt = words[i + 1]
        sun = nxt[:2] if nxt[:2] in ("sh", "th", "dh") else nxt[0]
        for form in ("a" + sun if nxt[0] in _SUN_LETTERS or sun in ("sh", "th") else "al", "al", "el"):
            add(words[:i] + [form] + words[i + 1:])
        add(words[:i] + words[i + 1:])
    return out


#: `lookup_forms` tries other romanisations only for names of at least this many letters (a short word with other
#: vowels is too often another word: "Jet" -> Jit, "Hoth" -> Huth)
ROMANISED_MIN_LETTERS = 6


def romanised_variants(k: str, articles: frozenset[str]) -> list[str]:
    """Other romanisations of an Arabic name's vowels, as match keys ("khan shaikhoun" -> "khan shaykhun",
    "atareb" -> "atarib"): the news spellings of places_lexicon `romanised_arabic` mapped to the gazetteer's forms,
    first the vowel pairs only ("ou" -> "u", "ei" -> "ay"), then the single vowels too ("e" -> "i", "o" -> "u").
    The article is left as written (`article_variants` varies it)."""
    lex = load_lexicon()
    out: list[str] = []
    for pairs in (lex.romanised_digraphs, lex.romanised_digraphs + lex.romanised_vowels):
        words = []
        for w in k.split():
            if w not in articles:
                for a, b in pairs:
                    w = w.replace(a, b)
            words.append(w)
        v = " ".join(words)
        if v != k and v not in out:
            out.append(v)
    return out


def lookup_forms(gaz: Gazetteer, name: str, articles: frozenset[str]) -> tuple[str, list[Entry]]:
    """The gazetteer's entries for a name, or for the first of its article variants it knows (`article_variants`),
    or of its vowels' romanisations (`romanised_variants`, kept for places in Arabic-speaking countries only), with
    the key that found them."""
    found = gaz.lookup(name)
    k0 = key(name)
    if found:
        return k0, found
    forms = [k0]
    if articles.intersection(k0.split()) or any(_JOINED_ARTICLE.match(w) for w in k0.split()[1:]):
        for k in article_variants(name, articles):
            found = gaz.lookup(k)
            if found:
                return k, found
            forms.append(k)
    if len(k0.replace(" ", "")) < ROMANISED_MIN_LETTERS or not k0[0].isalpha():
        return k0, []  # a short word's vowels changed make another word ("Jet" -> "Jit", "Hoth" -> "Huth")
    countries = load_lexicon().romanised_countries
    for form in forms[:3]:
        for k in romanised_variants(form, articles):
            found = [e for e in gaz.lookup(k) if e.country in countries]
            if found:
                return k, found
    return k0, []


def partial_name(text: str, gaz: Gazetteer, admin_words: frozenset[str]) -> bool:
    """A name of several words that the gazetteer knows only as the tail or the head of a longer place name
    ("Smart City" of "Vinhomes Smart City"): as often a common phrase ("a Smart City project") as that place,
    so it needs a place's context or places named near it (`Mention.weak`). A division's name without its
    division word ("Red River" of "Red River Parish") is its name."""
    k = key(text)
    if " " not in k:
        return False

    def partial(name: str) -> bool:
        if name == k:
            return False
        if name.startswith(k + " "):
            return name[len(k) + 1:] not in admin_words
        return name.endswith(" " + k)

    entries = gaz.lookup(text)
    return bool(entries) and all(partial(key(c.name)) for c in entries)


def headline_flags(doc: Doc) -> list[bool]:
    """Per token: does it lie in a title-case sentence (a headline)? Judged once per sentence for the
    document: `Token.sent` walks its whole sentence, so asking it per mention is quadratic in one long
    sentence (issue 16: "Beirut " repeated). Without sentence boundaries every token counts as a headline's."""
    flags = [True] * len(doc)
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            if not _title_case(sent):
                flags[sent.start:sent.end] = [False] * (sent.end - sent.start)
    return flags


def _title_case(sent: Span) -> bool:
    """Most words capitalised: a headline."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def names_listed_before(doc: Doc, head: int, is_name: Callable[[Token], bool], limit: int) -> list[tuple[int, int]]:
    """Token ranges of the names listed right before a plural head word ("Elm, Oak, and Maple streets",
    "Barrow, Jackson and Madison counties"), last name first: each name up to three capitalised words, joined
    by commas, "and", "or", "&" (an Oxford comma too); at most `limit` names, so a long run of capitalised
    words costs bounded work."""
    i, names = head, []
    while i > 0 and len(names) < limit:
        j = i
        while j > 0 and i - j < 3 and is_name(doc[j - 1]) and not doc[j - 1].is_sent_start:
            j -= 1
        if j == i:
            break
        names.append((j, i))
        sep = doc[j - 1].lower_ if j > 0 else ""
        if sep not in (",", "and", "or", "&"):
            break
        i = j - 1
        if i > 0 and doc[i].text == "," and doc[i - 1].lower_ in ("and", "or"):
            i -= 1
        if i > 0 and doc[i - 1].text == "," and doc[i].lower_ in ("and", "or"):
            i -= 1
    return names


#: "Central and South America", "North, South and East Africa": a direction word whose place name is shared with the
#: next one's (the text before a mention "South America": the elided word and its joiner)
_ELIDED = re.compile(r"\b([A-Z][a-z]+)(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$")
_JOINED = re.compile(r"^([A-Z][a-z]+)(,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)([A-Z][a-z]+ .+)$")


def elided_names(doc: Doc, mentions: list[Mention], gaz: Gazetteer, directions: frozenset[str],
                 ents: tuple[Span, ...] | None = None) -> list[Mention]:
    """Direction words whose place name the text gives once for two ("Central and South America": Central America;
    "North and South Korea": North Korea): each such word is a mention of its own place, found only when the
    gazetteer knows the whole name ("East and West Africa"), and its span is the word alone. The model tags such a
    pair as one entity or the first word alone; either way the word is read as the whole name. `ents`: `doc.ents`,
    when the caller has read them already."""
    text = doc.text
    out: list[Mention] = []
    # "Central and South America" as one entity: its second name is a mention of its own
    for ent in doc.ents if ents is None else ents:
        m = _JOINED.match(ent.text) if ent.label_ in ("GPE", "LOC") else None
        if m is not None and m.group(1).lower() in directions and gaz.lookup(m.group(3)) \
                and not gaz.lookup(ent.text):
            s = ent.start_char + m.start(3)
            out.append(Mention(s, ent.end_char, m.group(3), key(m.group(3)), "elided", ent.label_))
    spans = {(m.start, m.end): m for m in mentions}
    todo = sorted(mentions + out, key=lambda m: m.start)
    while todo:
        m = todo.pop(0)
        first, _, rest = m.text.partition(" ")
        if not rest or first.lower() not in directions:
            continue
        hit = _ELIDED.search(text, max(0, m.start - 30), m.start)
        if hit is None or hit.group(1).lower() not in directions:
            continue
        s, e = hit.start(1), hit.end(1)
        name = f"{hit.group(1)} {rest}"
        if not gaz.lookup(name):
            continue
        if (s, e) in spans:  # the model tagged the word alone ("East" of "East and West Africa")
            spans[(s, e)].text, spans[(s, e)].key = name, key(name)
            continue
        if any(a < e and s < b for a, b in spans):
            continue
        new = Mention(s, e, name, key(name), "elided", "LOC")
        out.append(new)
        spans[(s, e)] = new
        todo.insert(0, new)  # "North, Central and South America"
    return out


#: double quotation marks that open and close a title ('the show "Trending Today USA"')
_OPEN_QUOTES = frozenset({'"', "“"})
_CLOSE_QUOTES = frozenset({'"', "”"})
#: the most words a quoted title runs on either side of a name in it (a longer run is no show's or book's title)
TITLE_MAX_TOKENS = 12


def quoted_title(doc: Doc, s: int, e: int) -> bool:
    """Are tokens [s, e) part of a title in double quotes, after a capitalised word of it: the quotes enclose a
    title-case run longer than the name ('the show "Trending Today USA"', '"Good Morning America"')? Such a name is
    the title's, not a place the text speaks of. A quoted sentence ('"We love America," he said') is not title case,
    a quoted place name alone ('"Gaza"') is the place, and so is one after a preposition, where a slogan or greeting
    names it ('a "Welcome to Leeds" banner')."""
    def title_word(t: Token, inner: bool) -> bool:
        return (t.is_alpha and t.text[:1].isupper()) or (inner and t.is_lower and t.is_stop and len(t.text) <= 3)

    i = s
    while i > 0 and s - i <= TITLE_MAX_TOKENS and title_word(doc[i - 1], True):
        i -= 1
    j = e
    while j < len(doc) and j - e <= TITLE_MAX_TOKENS and title_word(doc[j], True):
        j += 1
    if s - i > TITLE_MAX_TOKENS or j - e > TITLE_MAX_TOKENS:
        return False  # a run of capitalised words longer than any title ("Beirut Beirut ..."): bounded, linear work
    while i < s and not title_word(doc[i], False):  # a title opens and closes with a capitalised word
        i += 1
    while j > e and not title_word(doc[j - 1], False):
        j -= 1
    if j - i < 2 or s <= i or not title_word(doc[s - 1], False) or i == 0 or j >= len(doc):
        return False
    return doc[i - 1].text in _OPEN_QUOTES and doc[j].text in _CLOSE_QUOTES
