"""bench/events.py keeps the check part held out: `--per-class` prints per-class tp/fp/fn for the tuning part only
(per-class figures of the check part in view while tuning make its macro-F1 a tuned figure). Invented rows; the
analysis and scoring are stubbed, so no bench data is read."""

from __future__ import annotations

import pytest

import bench.events as bench_events


def test_per_class_printed_for_the_tune_part_only(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ids = [f"invented-{i}" for i in range(40)]
    parts = {bench_events.part("case", i) for i in ids}
    assert parts == {"tune", "check"}  # the invented ids fall in both parts
    rows = [(i, "Invented text.", "ARMED_CLASH") for i in ids]
    monkeypatch.setattr(bench_events, "case_rows", lambda: rows)
    monkeypatch.setattr(bench_events, "analyse", lambda name, items, reuse: 0.0)

    def score(prows: list[tuple[str, str, str]]) -> dict[str, object]:
        label = "TUNE_CLASS" if all(bench_events.part("case", r[0]) == "tune" for r in prows) else "CHECK_CLASS"
        return {"macro_f1": 0.5, "accuracy": 0.5, "n": len(prows), "confusions": [], "abstain": 0,
                "per_class": [(label, 1, 0, 0, 1.0)]}

    monkeypatch.setattr(bench_events, "score_case", score)
    bench_events.main(["--only", "case", "--per-class", "--limit", "40", "--no-record"])
    out = capsys.readouterr().out
    assert "TUNE_CLASS 1/0/0" in out
    assert "CHECK_CLASS" not in out
