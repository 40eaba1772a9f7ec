"""The tokenizer guard asks every text whether it holds a hostile run (`_HOSTILE`); `_hostile` answers that with
searches `re` can skip through in C, and must answer it exactly: long runs at the start, after a space, a line
break or a no-break space, one character short of long, punctuation runs, real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.nlp.tokenize import _HOSTILE, LONG_RUN, PUNCT_RUN, _hostile

ROOT = Path(__file__).resolve().parents[1]
WORD = "x" * (LONG_RUN + 1)
SHORT = "y" * LONG_RUN


@pytest.mark.parametrize("text", [
    WORD, SHORT, f"{WORD} and more", f"Shelling hit {WORD}.", f"Shelling\n{WORD}", f"a\u00a0{WORD}",
    f"see {SHORT} and {SHORT}", "!" * PUNCT_RUN, "!" * (PUNCT_RUN - 1), f"Rebels said {'?' * 12} then",
    "https://example.org/" + "a/" * 60, "", " ", "Officials said two people were killed.",
])
def test_hostile_answers_as_the_pattern(text: str) -> None:
    assert _hostile(text) == (_HOSTILE.search(text) is not None)


def test_hostile_on_real_articles() -> None:
    texts = [(ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8")]
    lines = (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines]
    for text in texts:
        assert _hostile(text) == (_HOSTILE.search(text) is not None)
        assert _hostile(text + " " + WORD) and not _hostile(SHORT)
