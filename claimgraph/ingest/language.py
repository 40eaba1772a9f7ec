"""A cheap offline check that a text is English before spending a parse on it.

The English model parses any text without complaint and returns confident nonsense for French or Arabic,
so non-English input is refused with a clear message. The check counts function words (spaCy's stop-word
lists, already installed) and the script of the letters; it only refuses text that is clearly something
else, so English with foreign names, quotes or a noisy scrape passes.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache
from pathlib import Path

import spacy.lang

from claimgraph.errors import UnsupportedLanguageError

# languages whose function words we compare against English's (spaCy ships their stop-word lists)
_OTHERS = {
    "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "tr": "Turkish", "id": "Indonesian", "sv": "Swedish", "pl": "Polish", "ro": "Romanian", "da": "Danish",
}
MIN_WORDS = 20             # below this a guess is noise: let short texts through
MAX_SAMPLE_WORDS = 2000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_BEYOND_LATIN = re.compile("[\u0250-\U0010ffff]")  # beyond Latin Extended-B: a letter there has a script to name


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang`, read from its stop_words.py alone: importing the module the usual way
    runs the language package's __init__, which compiles its tokenizer exceptions (about 2 s of CPU for the
    twelve languages, paid by the first document that is not plainly English)."""
    path = Path(spacy.lang.__path__[0]) / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"claimgraph._stop_words_{lang}", path)
    if spec is None or spec.loader is None or not path.is_file():
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def check_english(text: str) -> None:
    """Raise UnsupportedLanguageError when `text` is clearly not English."""
    sample = text[:20000]
    beyond = _BEYOND_LATIN.findall(sample)  # most news is Latin script: then no letter is asked its script
    letters = sum(map(str.isalpha, sample)) if beyond else 0
    if letters >= 100:
        scripts: dict[str, int] = {}
        for ch in beyond:
            if ch.isalpha():
                s = _script(ch)
                scripts[s] = scripts.get(s, 0) + 1
        if scripts:
            script, n = max(scripts.items(), key=lambda kv: kv[1])
            if n / letters > 0.5:
                raise UnsupportedLanguageError(
                    f"the text is mostly in {script.title()} script, not English: claimgraph analyses English "
                    "news; pass an English text or translation")
    # the words lower-cased in one call (a word holds no space, so joining and splitting gives them back)
    words = " ".join(_WORD.findall(sample)[:MAX_SAMPLE_WORDS]).lower().replace("’", "'").split(" ")
    if len(words) < MIN_WORDS:  # (no word: [""], one entry, below the minimum too)
        return
    en = _stop_words("en")
    en_ratio = sum(map(en.__contains__, words)) / len(words)
    if en_ratio >= 0.2:
        return
    best_lang, best_ratio = None, 0.0
    for lang in _OTHERS:
        sw = _stop_words(lang)
        if not sw:
            continue
        ratio = sum(w in sw and w not in en for w in words) / len(words)
        if ratio > best_ratio:
            best_lang, best_ratio = lang, ratio
    if best_lang is not None and best_ratio > max(en_ratio, 0.1):
        raise UnsupportedLanguageError(
            f"the text looks like {_OTHERS[best_lang]}, not English ({en_ratio:.0%} English function words): "
            "claimgraph analyses English news; pass an English text or translation")
