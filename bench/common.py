"""Shared bits of the benchmarks: where the data is, and recording results in BENCHMARKS.md.

Each benchmark owns one section of BENCHMARKS.md between `<!-- bench:NAME -->` markers and rewrites
only that section, stamped with the commit and date, so benchmarks can run in any order.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"


def bench_data_dir() -> Path:
    """`$CLAIMGRAPH_BENCH_DATA`, else ../shared/bench-data next to the checkout."""
    env = os.environ.get("CLAIMGRAPH_BENCH_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "bench-data"


def eval_dir() -> Path:
    env = os.environ.get("CLAIMGRAPH_EVAL")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        # BENCHMARKS.md itself is rewritten section by section; its own edits do not make the code dirty
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--",
                                ".", ":!BENCHMARKS.md"], capture_output=True, text=True).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def record(name: str, title: str, body: str) -> None:
    """Replace (or append) the section `name` of BENCHMARKS.md with `body`, stamped with commit and date."""
    stamp = f"_commit {commit()}, {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}_"
    section = f"<!-- bench:{name} -->\n## {title}\n\n{stamp}\n\n{body.strip()}\n<!-- /bench:{name} -->"
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else (
        "# Benchmarks\n\nWritten by the scripts in `bench/`; each section is rewritten by its script.\n"
    )
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    BENCHMARKS_MD.write_text(text, encoding="utf-8")


def part(seed: str, dataset: str, key: str) -> str:
    """'tune' or 'check' for an item, from a SHA-256 of `seed:dataset:key` (the document id): stable,
    documented, about half each. Rules are tuned reading only the tuning part's errors; the check part
    is read only as aggregates, so a change counts only if the check part agrees (bench/events.py's rule)."""
    import hashlib

    digest = hashlib.sha256(f"{seed}:{dataset}:{key}".encode()).digest()
    return "check" if digest[0] % 2 else "tune"
