"""Transcripts: turns under a speaker's label ('PENCE: Well, look, ...'), headline labels ('Poll: ...'), and
headlines whose title-case speech verb the tagger read as a name ('Governor Vows To Rebuild The Bridge').
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from claimgraph.nlp.attribution.context import VERB_POS, Attr, Context, speaker_name
from claimgraph.nlp.attribution.grammar import colon_label


def transcript_colon(cx: Context, sent) -> None:
    """Transcripts and headlines: 'PENCE: Well, look, ...' / 'Caddell: Voters Worried ...'."""
    if sent.start_char not in cx.para_start_set:
        return
    p_start, p_end = cx.para_of(sent.start_char)
    # a transcript may open every turn with a quote mark that is never closed ('"PENCE: Well, ...')
    m = re.match(r"[\"“]?([A-Z][\w.'’\- ]{0,60}?)\s*:\s+(?=\S)", cx.text[p_start:p_end])
    if not m:
        return
    name_toks = cx.tokens(p_start + m.start(1), p_start + m.end(1))
    line_end = cx.text.find("\n", p_start + m.end(), p_end)
    content = cx.tokens(p_start + m.end(), p_end if line_end < 0 else line_end)
    if not speaker_name(name_toks, content) or not colon_label(cx, name_toks):
        return
    if any(t.pos_ in VERB_POS for t in name_toks):
        return
    s, e = p_start + m.end(), p_end
    while e > s and cx.text[e - 1].isspace():
        e -= 1
    if e <= s or cx.inside_quote(s) or cx.overlaps_taken(s, e):
        return
    if cx.text[p_start] in "\"“":
        e = turn_continued(cx, p_end, e)
    colon = p_start + m.end(1) + cx.text[p_start + m.end(1):p_start + m.end()].index(":")
    # the label as written is the speaker's span: a parse that runs the label into a headline's words after the colon
    # ("Survey: Young Farmers Leave ...") would otherwise make them the speaker's name
    cx.attrs.append(Attr("indirect", s, e, cue=(colon, colon + 1), speaker_head=name_toks[-1],
                         speaker_span=cx.span_chars(name_toks)))
    cx.take((s, e))


#: how many paragraphs a transcript turn may run on for
TURN_PARAGRAPHS = 12


def turn_continued(cx: Context, p_end: int, e: int) -> int:
    """'"PENCE: Well, ...' / '"But the truth is ...': a turn opened by a quote mark never closed runs on over the
    next paragraphs opened the same way (the block-quote convention) up to the next label, a stage direction
    ("(CROSSTALK.)") or a paragraph whose opening quote closes in it ('"We are ready," the coach said.'). Where the
    turn ends."""
    k = bisect.bisect_right(cx.para_starts, p_end - 1)
    for _ in range(TURN_PARAGRAPHS):
        if k >= len(cx.paras):
            break
        ps, pe = cx.paras[k]
        body = cx.text[ps:pe].rstrip()
        if len(body) < 2 or body[0] not in "\"“" or body[1] == "(" or re.match(
                r"[\"“]?[A-Z][\w.'’\- ]{0,60}?\s*:\s", body) or cx.overlaps_taken(ps, ps + len(body)) \
                or quote_closed(body):
            break
        e = ps + len(body)
        k += 1
    return e


def quote_closed(body: str) -> bool:
    """Whether the quote mark opening a paragraph closes inside it: a quote of its own, not a turn running on."""
    if body[0] == "“":
        marks = re.findall(r"[“”]", body[1:])
        return bool(marks) and marks[0] == "”"
    return body.count('"') % 2 == 0


#: the tags of a headline's speech verb: read as part of a name or as the head noun of one ("Sanders Vows To ..."),
#: or as the present-tense verb it is
HEADLINE_VERB_TAGS = {"NNP", "NNPS", "NNS", "VBZ"}
#: the most words a headline's speaker runs to before its verb ("Senate Minority Leader Harry Reid Vows ...")
HEADLINE_SPEAKER_WORDS = 6


def title_case_line(words: list[str]) -> bool:
    """A headline's line: three or more longer words, most of them capitalised ("Governor Vows To Rebuild ...")."""
    long = [w for w in words if len(w) > 3 and w.isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _line_words(cx: Context, start: int, end: int) -> list[str]:
    """The texts of the tokens `cx.tokens(start, end)` gives, less spaces, as slices of the text (a token's text
    is its slice; spaCy's is_space is `str.isspace`)."""
    text, starts, ends = cx.text, cx.starts, cx.ends
    i = bisect.bisect_left(starts, start)
    words = []
    while i < len(starts) and starts[i] < end:
        word = text[starts[i]:ends[i]]
        if not word.isspace():
            words.append(word)
        i += 1
    return words


def headline_tail(cx: Context, toks: list[Token]) -> bool:
    """'Rebels Shelled Hospital In Idlib, Aid Group Says.' / '..., Officials Say': a title-case headline closing with
    a comma, a capitalised speaker of at most HEADLINE_SPEAKER_WORDS words and a speech verb (attribution_words.tsv
    headline_tail_verb) reports the words before the comma, said by that speaker, however the parser read the line.
    Whether it did."""
    words = [t for t in toks if not t.is_punct]
    if len(words) < 4 or words[-1].lower_ not in cx.lex.headline_tail_verbs or words[-1].i in cx.used_verbs:
        return False
    verb = words[-1]
    comma = next((j for j in range(len(toks) - 1, -1, -1) if toks[j].text == ","), None)
    if comma is None:
        return False
    speaker = [t for t in toks[comma + 1:] if t.i < verb.i]
    content = toks[:comma]
    if not speaker or len(speaker) > HEADLINE_SPEAKER_WORDS or not all(
            t.text[0].isupper() or t.tag_ == "POS" for t in speaker) or sum(t.is_alpha for t in content) < 2:
        return False
    span, written = cx.span_chars(content), cx.span_chars(speaker)
    if span is None or written is None:
        return False
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                         speaker_head=speaker[-1], speaker_span=written))
    cx.used_verbs.add(verb.i)
    return True


def headline_report(cx: Context, sent: Span) -> None:
    """'Governor Vows To Rebuild The Flooded Bridge' / 'Minister Denies Role In Fuel Deal': a title-case line whose
    present-tense speech verb (attribution_words.tsv headline_speech_verb), tagged as part of a name or a noun or as
    a present-tense verb, reports what follows it, said by the capitalised words before it, when no cue of the line was
    found by the parse already. Not "Arsenal Hammers Spurs" (no speech verb), "Rebels Blasted By Jets" (a past form is
    a headline's passive) nor "Game Called Off" (a particle after the verb: headline_particle)."""
    if sent.start_char not in cx.para_start_set or cx.inside_quote(sent.start_char):
        return
    p_start, p_end = cx.para_of(sent.start_char)
    line_end = cx.text.find("\n", p_start, p_end)
    line_end = p_end if line_end < 0 else line_end
    if not title_case_line(_line_words(cx, p_start, line_end)):
        return  # most lines: told from the text's token offsets, without a Token per token
    toks = [t for t in cx.tokens(p_start, line_end) if not t.is_space]
    if not title_case_line([t.text for t in toks]) or any(
            a.start < line_end and p_start < a.end for a in cx.attrs) or cx.overlaps_taken(p_start, line_end):
        return
    if headline_tail(cx, toks):
        return
    verbs = cx.lex.headline_speech_verbs
    k = next((k for k, t in enumerate(toks[:HEADLINE_SPEAKER_WORDS + 1]) if t.lower_ in verbs), None)
    if not k or toks[k].tag_ not in HEADLINE_VERB_TAGS or k + 1 < len(toks) and \
            toks[k + 1].lower_ in cx.lex.headline_particles:
        return
    if not all(t.text[0].isupper() or t.is_punct or t.tag_ == "POS" for t in toks[:k]):
        return
    if any(t.text == ":" for t in toks[:k]) and toks[0].lower_ in cx.lex.rubrics:
        return  # "Interview: The Mayor Explains Her Budget": a page's rubric over a feature, nobody's statement
    content = toks[k + 1:]
    while content and content[-1].is_punct:
        content.pop()
    if sum(t.is_alpha for t in content) < 2 or toks[k].i in cx.used_verbs:
        return
    # the speaker after a lead-in set off by a comma ("Railing Against The Plan, Governor Vows ...")
    first = max((j + 1 for j in range(k) if toks[j].text in {",", ";", ":"}), default=0)
    span, written = cx.span_chars(content), cx.span_chars(toks[first:k])
    if span is None or written is None:
        return
    verb = toks[k]
    cx.attrs.append(Attr("indirect", span[0], span[1], cue=(verb.idx, verb.idx + len(verb)), verb=verb,
                         speaker_head=toks[k - 1], speaker_span=written))
    cx.used_verbs.add(verb.i)
