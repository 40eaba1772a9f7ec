"""Transcripts: turns under a speaker's label ('PENCE: Well, look, ...'), and headline labels ('Poll: ...').
"""

from __future__ import annotations

import bisect
import re

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
    cx.attrs.append(Attr("indirect", s, e, cue=(colon, colon + 1), speaker_head=name_toks[-1]))
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
