"""Page furniture: what an extracted web page holds that is not the article, dropped before analysis.

trafilatura keeps the main text block, and with it what sites put inside it: newsletter prompts, "Related"
link lists, captions and photo credits, app and social-media calls, contact lines, copyright notices, and
pull-quotes that repeat a sentence of the body. Analysed as article text they give false quotes, numbers
(phone numbers) and unsourced claims, and a pull-quote would be counted twice. Each rule works on whole
paragraphs of the extracted text and only on short ones, so a real paragraph is never cut. The patterns are
data (claimgraph/data/ingest_page.json).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimgraph.ingest.page import cues

#: paragraphs longer than this are article text whatever they start with
MAX_FURNITURE_CHARS = 250
#: a shorter paragraph found word for word inside a longer one is a pull-quote or a repeated standfirst
MAX_REPEAT_CHARS = 400


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    c = cues()
    return {key: [re.compile(p, re.I) for p in c[key]] for key in ("furniture_lines", "caption_lines",
                                                                    "related_headings")}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def is_furniture(paragraph: str) -> bool:
    """A short paragraph that is a site's prompt, credit, caption or notice rather than article text."""
    p = paragraph.strip()
    if not p or len(p) > MAX_FURNITURE_CHARS:
        return False
    pats = _patterns()
    if any(rx.search(p) for rx in pats["furniture_lines"]):
        return True
    # a caption or credit: short, no full stop ending a sentence of reporting, a credit marker
    return len(p) <= 200 and any(rx.search(p) for rx in pats["caption_lines"])


def _is_list_item(paragraph: str) -> bool:
    return bool(re.match(r"^\s*(?:[-–—•*·]|\d+[.)])\s+\S", paragraph)) and len(paragraph) <= MAX_FURNITURE_CHARS


def drop_furniture(text: str, title: str | None = None) -> tuple[str, list[str]]:
    """The text without furniture paragraphs (paragraphs are separated by blank lines); also what was dropped."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    pats = _patterns()
    keep: list[str] = []
    dropped: list[str] = []
    in_related = False
    for p in paragraphs:
        stripped = p.strip()
        if in_related and (_is_list_item(stripped) or len(stripped) <= 120 and not stripped.endswith((".", "”", '"'))):
            dropped.append(p)                             # the links under a "Related" heading
            continue
        in_related = False
        if any(rx.search(stripped) for rx in pats["related_headings"]):
            in_related = True
            dropped.append(p)
            continue
        if is_furniture(stripped):
            dropped.append(p)
            continue
        keep.append(p)
    # the headline repeated as the body's first line (the title is put above the body by ingest)
    if title and keep and _words(keep[0]) == _words(title):
        dropped.append(keep.pop(0))
    # repeated sentences: a pull-quote or a standfirst repeating the body is analysed once, where it runs
    # (only sentences: lists, recipes and tables legitimately repeat short lines)
    words = [_words(p) for p in keep]
    out: list[str] = []
    for i, p in enumerate(keep):
        w = words[i]
        sentence = w.count(" ") >= 7 and p.strip()[-1:] in ".!?”\"’'"
        repeated = sentence and len(p.strip()) <= MAX_REPEAT_CHARS and any(
            j != i and (words[j] == w and j < i or (f" {w} " in f" {words[j]} " and len(words[j]) > len(w)))
            for j in range(len(keep)))
        if repeated:
            dropped.append(p)
        else:
            out.append(p)
    return "\n\n".join(out), dropped
