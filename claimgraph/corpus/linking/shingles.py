"""Near-duplicate text: word shingles, MinHash signatures and LSH banding, in numpy.

Why not datasketch: it would add scipy (tens of MB) for about forty lines we need, and its LSH index
lives in memory in its own format, while ours must be stored in the corpus tables and rebuilt from them.
Signatures here are stable across processes (crc32 of the shingle, fixed seed), so they can be stored.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np

from claimgraph.contract import Span

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
#: passages: paragraphs; a paragraph longer than this many words is cut into overlapping windows
PASSAGE_MAX_WORDS = 80
WINDOW_WORDS, WINDOW_STEP = 50, 25

_PRIME = (1 << 31) - 1
_rng = np.random.RandomState(20151124)
_A = _rng.randint(1, _PRIME, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, _PRIME, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Lower-cased words with their character offsets."""
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, len(text) if end is None
                                                                              else end)]


def signature(words: list[str]) -> np.ndarray | None:
    """MinHash signature of the word shingles (None when the text is too short to have one)."""
    if len(words) < SHINGLE_WORDS:
        return None
    hashes = {zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")) % _PRIME
              for i in range(len(words) - SHINGLE_WORDS + 1)}
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    return ((np.outer(x, _A) + _B) % _PRIME).min(axis=0)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    return [(i, sig[i * ROWS:(i + 1) * ROWS].tobytes()) for i in range(BANDS)]


@dataclass
class Passage:
    span: Span
    sig: np.ndarray


def passages(text: str) -> list[Passage]:
    """Paragraphs (blank-line separated; long ones in overlapping word windows) with their signatures."""
    out: list[Passage] = []
    for para in re.finditer(r"\S(?:.*?\S)??(?=\n\s*\n|\s*\Z)", text, re.S):
        toks = tokens(text, para.start(), para.end())
        if len(toks) <= PASSAGE_MAX_WORDS:
            windows = [toks]
        else:
            windows = [toks[i:i + WINDOW_WORDS] for i in range(0, len(toks) - WINDOW_STEP, WINDOW_STEP)]
        for w in windows:
            sig = signature([t for t, _, _ in w])
            if sig is not None:
                out.append(Passage((w[0][1], w[-1][2]), sig))
    return out


class LSHIndex:
    """Banded LSH over signatures: candidates share at least one band (never all pairs)."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, bytes], list[Hashable]] = defaultdict(list)
        self._sigs: dict[Hashable, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: Hashable, sig: np.ndarray) -> None:
        self._sigs[key] = sig
        for band in bands(sig):
            self._buckets[band].append(key)

    def query(self, sig: np.ndarray, threshold: float) -> list[tuple[Hashable, float]]:
        seen: set[Hashable] = set()
        out = []
        for band in bands(sig):
            for key in self._buckets.get(band, ()):
                if key in seen:
                    continue
                seen.add(key)
                sim = similarity(sig, self._sigs[key])
                if sim >= threshold:
                    out.append((key, sim))
        return sorted(out, key=lambda kv: -kv[1])

    def keys(self) -> Iterable[Hashable]:
        return self._sigs.keys()
