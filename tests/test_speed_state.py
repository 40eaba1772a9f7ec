"""`DocState.entity_at` looks at the mentions that can overlap a span only, and answers as a scan of the 50
mentions before the span's end does: the mention overlapping most (the first of equals), a long one too."""

from __future__ import annotations

import random

from claimgraph.nlp.state import DocState


def scan(state: DocState, start: int, end: int) -> str | None:
    """The look-up as it was: every one of the 50 mentions starting before `end`."""
    starts = [m[0] for m in state.entity_mentions]
    i = sum(s < end for s in starts)
    best, best_overlap = None, 0
    for s, e, ent_id in state.entity_mentions[max(0, i - 50):i]:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = ent_id, overlap
    return best


def test_a_long_mention_far_before_still_counts() -> None:
    state = DocState()
    # a 400-character mention, then short ones inside it: a span near its end overlaps it most
    state.entity_mentions = [(0, 400, "long"), *((10 + 20 * k, 14 + 20 * k, f"short{k}") for k in range(15))]
    assert state.entity_at(380, 399) == "long"
    assert state.entity_at(30, 34) == "long"  # 4 characters each: the first of equals, as the scan gives
    assert state.entity_at(401, 420) is None


def test_the_answer_is_the_scans_on_random_mentions() -> None:
    rng = random.Random(11)
    for _ in range(200):
        state = DocState()
        mentions = []
        for k in range(rng.randint(0, 120)):
            s = rng.randint(0, 3000)
            mentions.append((s, s + rng.choice([1, 3, 8, 20, 60, 250]), f"e{k}"))
        state.entity_mentions = sorted(mentions)
        for _ in range(30):
            start = rng.randint(0, 3100)
            end = start + rng.randint(1, 80)
            assert state.entity_at(start, end) == scan(state, start, end)
