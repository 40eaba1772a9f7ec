"""Quoted material: direct quotes with their frame, split and continued quotes, partial quotes.

The marks are paired by `marks`; here each quote finds its cue and speaker, one function per construction.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from claimgraph.nlp.attribution.context import (
    CLAUSE_CONTENT,
    FINITE_TAGS,
    FRAME_REACH,
    VERB_POS,
    Attr,
    Context,
    sentence_end,
    speaker_name,
)
from claimgraph.nlp.attribution.grammar import (
    according_in,
    colon_label,
    governing_cue,
    negated_by,
    other_reports,
    subject,
    wished,
)
from claimgraph.nlp.attribution.marks import QuoteSpan, find_quotes, merge_continuations

#: a quoted fragment that is a small part of the clause a speech cue reports becomes that whole statement
FRAGMENT_CLAUSE = True
#: a transcript's turn label: a name in capitals and a colon at the start of a paragraph ('WALLACE: ')
TURN_LABEL = re.compile(r"[A-Z][A-Z.'’\- ]{1,40}:\s")
#: a short name then a colon, all that stands before a quote in its paragraph ('PENCE: "..."')
COLON_NAME = re.compile(r"\s*([A-Z][\w.'’\- ]{0,60}?)\s*:\s*$")


def quoted_material(cx: Context) -> None:
    """Every quotation, paired by `marks`, becomes a direct or partial quote with its frame.

    Direct, cue after: '"We will not retreat," the commander said.' Cue before: 'He said: "We will stay."'
    Split: '"We stay," he said, "and we fight."' Continued: '"A," he said. "B."' (one quote, A to B).
    A quote with no frame, cue or governing verb is a quoted title or term, not a statement.
    """
    # a transcript that opens every turn with an unclosed quote mark ('"PENCE: Well, ...'): the turns
    # are the speakers' words, each for `transcripts.transcript_colon`, not one long quote without a frame
    groups = [g for g in merge_continuations(find_quotes(cx.text))
              if g[0].closed or not TURN_LABEL.match(cx.text, g[0].inner_start)]
    items: list[tuple[QuoteSpan, QuoteSpan, str]] = []
    for group in groups:
        first, last = group[0], group[-1]
        kind = "direct" if len(group) > 1 or utterance_like(cx, first) else "partial"
        items.append((first, last, kind))
        # quoted words are never the cue or content of another attribution, found or not
        cx.take((first.start, last.end))
    prev: Attr | None = None
    prev_end = -1  # where the previous direct quote's frame ('..., he said.') ends
    i = 0
    while i < len(items):
        first, last, kind = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if kind == "partial":
            n_before = len(cx.attrs)
            partial_quote(cx, first, last)
            # 'because "A," she said. "B."': a fragment closing its sentence with a frame can be
            # continued by the next quote like a direct one
            after = frame_after(cx, last, nxt[0] if nxt else None)
            if len(cx.attrs) > n_before and after is not None:
                prev, prev_end = cx.attrs[-1], end_of_frame(cx, last, nxt)
            i += 1
            continue
        after = frame_after(cx, last, nxt[0] if nxt else None)
        before = None if after is not None else frame_before(cx, first, prev_end)
        colon = None if after or before else colon_speaker(cx, first.start)
        if after is None and before is None and colon is None and prev is not None and (
            (prev_end >= 0 and not cx.text[prev_end:first.start].strip())
            or continues_account(cx, prev, first)
        ) and not framed_later(cx, last, nxt[0] if nxt else None):
            # the same speaker goes on: '"A," he said. "B."' or the next paragraph '"C."'
            prev.end = last.inner_end
            prev_end = last.end
            i += 1
            continue
        attr = Attr("direct", first.inner_start, last.inner_end)
        merged = False
        if after is not None:
            attr.verb, attr.speaker_head, attr.cue = after
            frame_end = end_of_frame(cx, last, None, nxt[0].start if nxt is not None else None)
            # split quote: '"A," he said, "B."' -> one quote from A to B
            if nxt is not None and split_continuation(cx, last, nxt[0], after) and (
                nxt[2] == "direct" or cx.text[last.inner_start:last.inner_end].endswith(",")
            ):
                attr.end = nxt[1].inner_end
                merged = True
                frame_end = nxt[1].end
            prev_end = min(frame_end, nxt[0].start) if nxt is not None and not merged else frame_end
        elif before is not None:
            attr.verb, attr.speaker_head, attr.cue = before
            prev_end = last.end
        elif colon is not None:
            attr.speaker_head, attr.cue = colon
            prev_end = last.end
        else:
            gov = governing_cue(cx, first)
            if gov is None:
                i += 1
                continue  # a quoted title or term with nobody saying it
            attr.verb, attr.speaker_head, attr.cue = gov
            prev_end = last.end
        if attr.verb is not None:
            cx.used_verbs.add(attr.verb.i)
            wish = wished(cx, attr.verb)
            if wish is not None:  # 'I hope the voters say, "..."': the wisher's words, nobody said them
                attr.verb, attr.speaker_head, attr.cue = wish
                cx.used_verbs.add(attr.verb.i)
        cx.attrs.append(attr)
        prev = attr
        i += 2 if merged else 1


def framed_later(cx: Context, last: QuoteSpan, nxt: QuoteSpan | None) -> bool:
    """'"A," the mayor said. "B" to save a few dollars, she said.': a quote whose own sentence goes on to a cue with a
    subject of its own after the writer's words is framed again, a report of its own, not the last speaker going on.
    A quote whose words end in a full stop, "?" or "!" ended its sentence: what follows is another sentence."""
    if cx.text[last.inner_start:last.inner_end].rstrip().endswith((".", "?", "!")):
        return False
    _, para_end = cx.para_of(last.start)
    limit = min(para_end, nxt.start) if nxt is not None else para_end
    end = sentence_end(cx.text, last.end, limit) or limit
    return any(t.pos_ in VERB_POS and cx.cue_of(t) is not None and not cx.inside_quote(t.idx)
               and any(c.dep_ == "nsubj" for c in cx.children(t)) for t in cx.tokens(last.end, end))


def end_of_frame(cx: Context, last: QuoteSpan, nxt, bound: int | None = None) -> int:
    """Where the sentence carrying a quote's frame ends ('..." he said.| "Next ...').

    Read no further than the next quote (`nxt`, or `bound`): many quotes in one paragraph without a full
    stop would otherwise each be read to the paragraph's end (O(n^2))."""
    _, para_end = cx.para_of(last.start)
    limit = min(para_end, nxt[0].start) if nxt is not None else para_end
    if bound is not None:
        limit = min(limit, max(bound, last.end))
    end = sentence_end(cx.text, last.end, limit) or para_end
    return min(end, nxt[0].start) if nxt is not None else end


def before_in_para(cx: Context, para_start: int, pos: int) -> int:
    """Index of the last non-space character of the paragraph before `pos`, or -1 when there is none.

    Walks back over the spaces only, so asking it for every quote of a long paragraph stays linear."""
    i = pos - 1
    while i >= para_start and cx.text[i].isspace():
        i -= 1
    return i if i >= para_start else -1


def utterance_like(cx: Context, q: QuoteSpan) -> bool:
    """A whole utterance (direct) rather than a fragment woven into the sentence (partial)."""
    para_start, _ = cx.para_of(q.start)
    at = before_in_para(cx, para_start, q.start)
    inner = cx.text[q.inner_start:q.inner_end]
    words = re.findall(r"\w+", inner)
    if at < 0:
        return len(words) >= 2
    last = cx.text[at]
    if last in ":":
        return True
    if last in ".?!\u2014\u2013" or cx.text[max(para_start, at - 1):at + 1] == "--":
        return len(words) >= 2
    if last == ",":
        return len(words) >= 2 and (inner[:1].isupper() or frame_before(cx, q) is not None)
    # 'X said "We ..."': right after a cue verb, starting like a sentence
    prev_tok = cx.doc[cx.tok(q.start) - 1] if cx.tok(q.start) > 0 else None
    return bool(prev_tok is not None and cx.cue_of(prev_tok) and inner[:1].isupper() and len(words) >= 3)


def frame_after(cx: Context, q: QuoteSpan, nxt: QuoteSpan | None) -> tuple[Token, Token | None, tuple] | None:
    """'"...," he said.' / '"..." said Smith' / '"...," Mican told MEE in ...': the cue after a quote."""
    _, para_end = cx.para_of(q.start)
    end = para_end
    if nxt is not None and nxt.start < end:
        end = nxt.start
    m = sentence_end(cx.text, q.end, end)
    if m is not None:
        end = m
    inner = cx.text[q.inner_start:q.inner_end].rstrip()
    after_mark = cx.text[q.end:q.end + 2].lstrip()[:1]
    if inner.endswith(".") and after_mark.isupper():
        return None  # '"... smart." Trump was ...': the quote closed its sentence; the next one is no frame
    dash = re.compile(r"[^\S\n]*,?[^\S\n]*(\u2015|\u2014|\u2013|--)[^\S\n]*(?=[A-Z])").match(cx.text, q.end, end)
    if dash is not None:
        # '"..." \u2015 Jorge Falcon': a byline-style attribution after a dash
        name = []
        for t in cx.tokens(dash.end(), end):
            if t.text == "," or (t.is_punct and t.text not in {".", "-"}) or len(name) >= 6:
                break
            if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha):
                name.append(t)
            elif t.text != ".":
                break
        if name and any(t.pos_ == "PROPN" for t in name):
            return None, name[-1], dash.span(1)
    toks = cx.tokens(q.end, end)
    first_word = next((x for x in toks if not (x.is_punct or x.is_space)), None)
    words = 0
    for t in toks:
        if t.is_punct or t.is_space:
            continue
        words += 1
        if words > 4 * FRAME_REACH:
            break
        if cx.cue_of(t) is None:
            continue
        subj = subject(cx, t)
        if subj is None:
            subj = next((x for x in toks if x.pos_ in {"PROPN", "PRON"} and x.dep_ != "dobj"), None)
        if subj is not None and not (q.end <= subj.idx < end):
            continue
        # near the quote, or further on when the frame opens with the speaker and an apposition
        # ('"...," Abu Ahmad, a resident of Tal Rifaat, told Reuters')
        if words > FRAME_REACH and (subj is None or first_word is None or subj.left_edge.i != first_word.i):
            break
        # the verb's own clause complement after it means it reports something else
        if any(c.dep_ == "ccomp" and c.i > t.i and c.left_edge.i - t.i <= 2 and not cx.inside_quote(c.idx)
               for c in cx.children(t)):
            continue
        return t, subj, (t.idx, t.idx + len(t))
    return None


def frame_before(cx: Context, q: QuoteSpan, prev_end: int = -1) -> tuple[Token, Token | None, tuple] | None:
    """'He said: "..."' / 'Therefore, he says, "..."': the cue before a quote, in its sentence."""
    para_start, _ = cx.para_of(q.start)
    qi = cx.tok(q.start)
    if qi == 0:
        return None
    sent_start = cx.sents.start_char(cx.doc[qi - 1])
    start = max(para_start, sent_start)
    # after the last stretch owned before the quote (quotes are disjoint: the last owned character before
    # it ends the latest of them), read back from the quote, not over every quote of the document
    owned = cx.taken_chars.rfind(1, start, q.start)
    if owned >= 0:
        start = owned + 1
    start = max(start, prev_end)  # the previous quote's own frame is not this one's
    if before_in_para(cx, para_start, q.start) < 0:
        # 'Caddell continued:' closing the previous paragraph introduces this one
        k = bisect.bisect_right(cx.para_starts, para_start) - 2  # the paragraph before this one
        if k < 0 or cx.paras[k][1] > para_start:
            return None
        p_start, p_end = cx.paras[k]
        at = before_in_para(cx, p_start, p_end)
        if at < 0 or cx.text[at] != ":":
            return None
        last_tok = cx.doc[cx.tok(p_end - 1)]
        start = max(p_start, cx.sents.start_char(last_tok), prev_end)
        if start < p_end and cx.overlaps_taken(start, p_end):
            return None
    toks = cx.tokens(start, q.start)
    for j in range(len(toks) - 1, -1, -1):
        t = toks[j]
        if cx.cue_of(t) is None:
            continue
        between = [x for x in toks[j + 1:] if not (x.is_punct or x.is_space)]
        if len(between) > 4 or any(x.tag_ in FINITE_TAGS for x in between):
            return None
        if any(x.text in {".", "?", "!"} for x in toks[j + 1:]):
            return None  # '"A," he said. "B."': that cue closed the sentence before
        subj = subject(cx, t)
        return t, subj, (t.idx, t.idx + len(t))
    return None


def split_continuation(cx: Context, a: QuoteSpan, b: QuoteSpan, frame: tuple) -> bool:
    """'"A," he said, "B."': only the cue frame, ending in a comma or colon, stands between two quotes."""
    between = cx.text[a.end:b.start]
    if "\n" in between:
        return False
    return between.rstrip().endswith((",", ":"))


def colon_speaker(cx: Context, char: int) -> tuple[Token, tuple] | None:
    """'PENCE: "..."' or a headline 'Caddell: ...': a short name then a colon opening the paragraph."""
    para_start, _ = cx.para_of(char)
    if char - para_start > 200:  # a name and a colon only: never read a long paragraph for one
        return None
    m = COLON_NAME.match(cx.text, para_start, char)
    if not m:
        return None
    toks = cx.tokens(m.start(1), m.end(1))
    _, para_end = cx.para_of(char)
    line_end = cx.text.find("\n", char, para_end)
    if not speaker_name(toks, cx.tokens(char, para_end if line_end < 0 else line_end)) or not colon_label(cx, toks):
        return None
    colon = cx.text.index(":", m.end(1))
    return toks[-1], (colon, colon + 1)


def continues_account(cx: Context, prev: Attr, q: QuoteSpan) -> bool:
    """A paragraph opening with a quote, right after another speaker's quote, continues that account."""
    para_start, _ = cx.para_of(q.start)
    if before_in_para(cx, para_start, q.start) >= 0:
        return False
    prev_para = cx.para_of(max(prev.start, prev.end - 1))
    this_index = bisect.bisect_left(cx.para_starts, para_start)  # paragraphs by start: look-ups, not scans
    prev_index = bisect.bisect_left(cx.para_starts, prev_para[0])
    if this_index >= len(cx.paras) or cx.paras[this_index][0] != para_start:
        return False
    if prev_index >= len(cx.paras) or cx.paras[prev_index] != prev_para:
        return False
    return this_index - prev_index == 1


def title_like(cx: Context, q: QuoteSpan) -> bool:
    """'said on "Fox News Sunday"', 'told "Morning Joe"': a quoted Title Case name of a show or work."""
    words = re.findall(r"[\w'’-]+", cx.text[q.inner_start:q.inner_end])
    small = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "from"}
    if not words or len(words) > 8 or not all(w[0].isupper() or w[0].isdigit() or w in small for w in words):
        return False
    toks = cx.tokens(q.inner_start, q.inner_end)
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]
    # 'said on "Fox News Sunday"', 'told "Morning Joe"', 'during a "Town Hall" forum' (a name modifying a noun)
    return any(r.dep_ == "pobj" or (r.dep_ in {"dobj", "dative"} and r.head.lemma_ in {"tell", "join"})
               or (r.dep_ in {"compound", "nmod", "amod"} and r.head.pos_ == "NOUN" and r.head.i > r.i)
               for r in roots)


def partial_quote(cx: Context, first: QuoteSpan, last: QuoteSpan) -> None:
    """A quoted fragment inside the writer's sentence, governed by a cue or an "according to".

    'Lavrov accused Ankara of "a planned provocation".' Fragments of one statement make one quote:
    'He called it "a stab in the back" and "a crime".' Scare quotes with nobody saying them are skipped.
    """
    if title_like(cx, first):
        return
    gov = governing_cue(cx, first)
    para_start, _ = cx.para_of(first.start)
    if gov is not None:
        # several fragments of one reported statement ('is "a" but "b"') make one partial quote
        for a in reversed(cx.attrs):
            if a.end < para_start:
                break  # attributions are in text order: none before the paragraph is a fragment of this one
            if a.kind == "indirect" and a.verb is not None and a.verb.i == gov[0].i and a.start <= first.start < a.end:
                return  # a fragment of the statement reported whole just before
            if a.kind == "partial" and a.verb is not None and a.verb.i == gov[0].i:
                between = [t for t in cx.tokens(a.end, first.start) if not cx.inside_quote(t.idx)]
                # the cue itself may stand between ('"a," X said, and "b"'); any other verb opens another clause
                if "\n" not in cx.text[a.end:first.start] and not any(
                        t.pos_ == "VERB" and t.i != gov[0].i for t in between):
                    a.end = last.inner_end
                    return
                break
    if gov is not None and negated_by(cx, gov[0]) is not None:
        return  # 'refused to call it "a massacre"': the words are not his
    if gov is None:
        acc = according_in(cx, cx.sents.sent(cx.doc[cx.tok(first.inner_start)]))
        if acc is None:
            return  # scare quotes: nobody is said to have said it
        verb, subj, cue = acc
        attr = Attr("partial", first.inner_start, last.inner_end, cue=cue, speaker_head=subj)
    else:
        verb, subj, cue = gov
        if subj is None:
            return  # a cue with nobody to say it ('been called a charlatan for promoting "quack" cures')
        attr = Attr("partial", first.inner_start, last.inner_end, cue=cue, verb=verb, speaker_head=subj)
        cx.used_verbs.add(verb.i)
        whole = statement_of(cx, verb, first, last)
        if whole is not None:
            # 'Roberts said the videos were "inconclusive"': the statement is the clause, quoted words and all
            attr.kind, (attr.start, attr.end) = "indirect", whole
    cx.attrs.append(attr)
    cx.take((first.start, last.end))


def statement_of(cx: Context, verb: Token, first: QuoteSpan, last: QuoteSpan) -> tuple[int, int] | None:
    """The clause a speech cue reports when a quoted fragment is a small part of it (under half its words),
    as a character span: the whole reported statement rather than the fragment."""
    cue = cx.cue_of(verb)
    if not FRAGMENT_CLAUSE or cue is None or cue.content not in CLAUSE_CONTENT:
        return None
    tok = cx.doc[cx.tok(first.inner_start)]
    node = tok
    for _ in range(50):
        if node.head.i == verb.i or node.head.i == node.i:
            break
        node = node.head
    if node.head.i != verb.i or node.dep_ != "ccomp" or node.i < verb.i:
        return None
    cut = other_reports(cx, [node])  # "said it was "opposed" to the test and warned ...": the next report is its own
    toks = [t for t in node.subtree if t.i not in cut]
    span = cx.span_chars(toks)
    if span is None or span[0] > first.start or span[1] < last.end - 1:
        return None
    words = sum(t.is_alpha for t in toks)
    quoted = len(re.findall(r"\w+", cx.text[first.inner_start:last.inner_end]))
    if words > 60 or 2 * quoted >= words:
        return None
    return span[0], max(span[1], last.inner_end)
