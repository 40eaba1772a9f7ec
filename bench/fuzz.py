"""Fuzzing claimgraph as an attacker or an unlucky user would: does the contract hold on any input?

    python -m bench.fuzz [--inputs 10000] [--seed 0] [--max-chars 4000] [--record]

Inputs come from two generators, interleaved: hypothesis strategies (random Unicode including lone
surrogates and control characters, runs of punctuation, numbers beyond float range, quote soup, HTML
fragments and deep nesting, bylines of odd tokens) and mutations of real articles (the test fixtures and
the bundled example, read at run time): cuts, splices, repeated pieces, inserted hostile tokens, case and
whitespace changes, wrapping in HTML. Each input goes through `claimgraph.ingest.prepare` and one shared
`Analyzer`, and is checked against the contract:

- escapes: any exception that is not a `ClaimgraphError` (a deliberate refusal is fine);
- schema failures: the output does not validate against `claimgraph schema`;
- span mismatches: some item's span does not index `document.text` as the item says;
- non-finite numbers: NaN or infinity anywhere in the output, or `to_json()` that strict JSON parsers reject;
- component errors: a component failed and flagged it (the contract holds, but something is wrong);
- the slowest inputs per size band (characters), to find time that grows faster than size.

`--record` writes the counts and the duration to the `fuzz` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import ROOT, record

SIZE_BANDS = (1_000, 10_000, 100_000)

HOSTILE = [
    "\ud800", "\udfff", "\x00", "\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\ufffe", "\uffff", "\U0010ffff",
    "\u0301" * 20, "🙂" * 5, "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "—", "–", "…", "\r", "\r\n", "\t",
    "\u00a0", "\u2028", "\u2029", "\f", "\v", "\n\n\n", "9" * 400, "1e309", "-0", "NaN", "Infinity",
    "between 5 and ", "“said ", "said ", "according to ", "By ", "| Reuters", "(Reuters) -", "<div>", "</div>",
    "<script>alert(1)</script>", "&amp;", "&#0;", "&#xD800;", "0.", ".5", "1,000,000,000,000,000,000,000",
    "at least ", "dozens of ", "%", "$", "€", "km", "–5", "1/0", "½", "١٢٣", "IV", "killed", "wounded",
    "•", ",", ")", "_", "A ", "the ", "President ", "Mr. ", "said: ", "told AFP.", "on Monday", "in 2017",
]
PUNCT_RUNS = ["\"", "“", "”", "'", "’", "-", ".", ",", "(", ")", "!", "?", "*", "#", "|", "/", "\\", " ", "\n"]


@dataclass
class Finding:
    kind: str
    detail: str
    sample: str


@dataclass
class Report:
    inputs: int = 0
    analysed: int = 0
    refused: int = 0
    escapes: list[Finding] = field(default_factory=list)
    schema_failures: list[Finding] = field(default_factory=list)
    span_mismatches: list[Finding] = field(default_factory=list)
    non_finite: list[Finding] = field(default_factory=list)
    component_errors: list[Finding] = field(default_factory=list)
    #: size band -> the slowest (seconds, length, origin, sample) seen
    slowest: dict[str, list[tuple[float, int, str, str]]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def breaches(self) -> int:
        return len(self.escapes) + len(self.schema_failures) + len(self.span_mismatches) + len(self.non_finite)


def real_articles() -> list[str]:
    """The fixtures and the bundled example (plain text, and the HTML pages as HTML)."""
    paths = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.html"))
    paths.append(ROOT / "examples" / "southfront-turkmen-mountain.txt")
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


# -- mutation of real articles --------------------------------------------------------------------


def _cut(rng: random.Random, text: str) -> str:
    a = rng.randrange(len(text) + 1)
    b = rng.randrange(a, min(len(text), a + rng.choice([50, 300, 2000, 10_000])) + 1)
    return text[a:b]


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + piece + text[i:]


def mutate(rng: random.Random, articles: list[str], max_chars: int) -> tuple[str, str]:
    """One mutated article and a name for the mutation."""
    text = rng.choice(articles)
    ops: list[str] = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["cut", "splice", "insert", "insert", "repeat", "punct_run", "case", "spaces", "html",
                         "nest", "lines", "delete"])
        ops.append(op)
        if not text:
            text = rng.choice(articles)
        if op == "cut":
            text = _cut(rng, text)
        elif op == "splice":
            other = rng.choice(articles)
            text = _cut(rng, text) + rng.choice(["", " ", "\n", "\n\n"]) + _cut(rng, other)
        elif op == "insert":
            text = _insert(rng, text, rng.choice(HOSTILE))
        elif op == "repeat":
            piece = _cut(rng, text)[:rng.choice([3, 8, 20, 80])] or rng.choice(HOSTILE)
            text = _insert(rng, text, piece * rng.randint(2, max(2, min(400, max_chars // (len(piece) + 1)))))
        elif op == "punct_run":
            text = _insert(rng, text, rng.choice(PUNCT_RUNS) * rng.randint(2, 600))
        elif op == "case":
            text = rng.choice([str.upper, str.lower, str.swapcase, str.title])(text)
        elif op == "spaces":
            text = text.replace(" ", rng.choice(["  ", "\t", "\u00a0", "\n", ""]))
        elif op == "html":
            text = f"<html><head><title>{_cut(rng, text)[:80]}</title></head><body><p>{text}</p></body></html>"
        elif op == "nest":
            depth = rng.choice([10, 100, 253, 254, 300, 1000])
            text = "<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth + "</body></html>"
        elif op == "lines":
            text = "\n".join(w for w in text.split(" "))
        elif op == "delete":
            a = rng.randrange(len(text) + 1)
            text = text[:a] + text[a + rng.randint(1, 200):]
    return text[:max_chars], "mutate:" + "+".join(ops)


# -- hypothesis strategies --------------------------------------------------------------------------


def hypothesis_inputs(n: int, seed: int, max_chars: int, articles: list[str]) -> list[tuple[str, str]]:
    """`n` inputs drawn from hypothesis strategies (run under `@given`, collected, never failing)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from hypothesis import strategies as st

    words = sorted({w for a in articles for w in a.split() if len(w) < 30})
    pieces = st.one_of(
        st.sampled_from(HOSTILE), st.sampled_from(words),
        st.text(min_size=1, max_size=30),  # any code points, surrogates included
        st.builds(lambda c, k: c * k, st.sampled_from(PUNCT_RUNS + HOSTILE[:20]), st.integers(1, 500)),
        st.builds(lambda d: "9" * d, st.integers(1, 700)),
        st.builds(lambda x: repr(x), st.floats(allow_nan=True, allow_infinity=True)),
        st.sampled_from([" ", " ", " ", "\n", "\n\n"]),
    )
    documents = st.one_of(
        st.builds("".join, st.lists(pieces, min_size=1, max_size=120)),
        st.builds(" ".join, st.lists(st.sampled_from(words), min_size=1, max_size=400)),
        st.text(max_size=400),
    )
    out: list[tuple[str, str]] = []

    @hseed(seed)
    @settings(max_examples=n, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(documents)
    def collect(text: str) -> None:
        out.append((text[:max_chars], "hypothesis"))

    collect()
    return out[:n]


# -- checks -----------------------------------------------------------------------------------------


def _non_finite(value: Any, path: str = "") -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"{path} = {value}"
    if isinstance(value, dict):
        for k, v in value.items():
            found = _non_finite(v, f"{path}.{k}")
            if found:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _non_finite(v, f"{path}[{i}]")
            if found:
                return found
    return None


def span_mismatches(analysis: Any) -> list[str]:
    """Every way an item's span fails to index document.text as the item says (empty when all are exact)."""
    text = analysis.document.text
    n = len(text)
    bad: list[str] = []

    def inside(span: Any, what: str) -> bool:
        ok = span is not None and 0 <= span[0] < span[1] <= n
        if not ok:
            bad.append(f"{what}: span {span} outside [0, {n}]")
        return ok

    for ent in analysis.entities:
        for span in ent.mentions:
            if inside(span, f"entity {ent.id}") and text[span[0]:span[1]] not in (*ent.aliases, ent.name):
                bad.append(f"entity {ent.id}: {text[span[0]:span[1]]!r} not among its names")
    for section in ("quotes", "quantities", "times", "events", "claims"):
        for item in getattr(analysis, section):
            if inside(item.span, f"{section} {item.id}") and text[item.span[0]:item.span[1]] != item.text:
                bad.append(f"{section} {item.id}: {text[item.span[0]:item.span[1]]!r} != {item.text!r}")
    for quote in analysis.quotes:
        for span, said in ((quote.cue_span, quote.cue), (quote.speaker_span, None)):
            if span is not None and inside(span, f"quote {quote.id} cue/speaker") and said is not None \
                    and text[span[0]:span[1]] != said:
                bad.append(f"quote {quote.id}: cue {text[span[0]:span[1]]!r} != {said!r}")
    for q in analysis.quantities:
        if q.subject_span is not None and inside(q.subject_span, f"quantity {q.id} subject") \
                and text[q.subject_span[0]:q.subject_span[1]] != q.subject:
            bad.append(f"quantity {q.id}: subject {text[q.subject_span[0]:q.subject_span[1]]!r} != {q.subject!r}")
    for place in analysis.places:
        for span in place.mentions:
            inside(span, f"place {place.id}")
    for flag in analysis.flags:
        for span in flag.spans:
            inside(span, f"flag {flag.kind}")
    return bad


def _strict_json(s: str) -> Any:
    def refuse(constant: str) -> Any:
        raise ValueError(f"non-standard JSON constant {constant}")

    return json.loads(s, parse_constant=refuse)


class Checker:
    """Runs one input through ingest and the analyzer and records what breaks the contract."""

    def __init__(self) -> None:
        import jsonschema

        from claimgraph.contract import json_schema
        from claimgraph.pipeline import Analyzer

        self.analyzer = Analyzer()
        # warm up (model, gazetteer, lexicons) so that the first input's time is its own
        self.analyzer.analyze_article("Rebels said on Monday that 12 soldiers were killed near Idlib, in Syria.")
        self.validator = jsonschema.Draft202012Validator(json_schema())

    def check(self, text: str, origin: str, report: Report) -> float:
        from claimgraph.errors import ClaimgraphError
        from claimgraph.ingest import prepare

        sample = text if len(text) <= 300 else text[:150] + f"...[{len(text)} chars]..." + text[-150:]
        report.inputs += 1
        t0 = time.perf_counter()
        try:
            analysis = self.analyzer.analyze_article(prepare(text))
        except ClaimgraphError:
            report.refused += 1
            return time.perf_counter() - t0
        except Exception as exc:  # noqa: BLE001 - exactly what the fuzzer is looking for
            where = traceback.extract_tb(exc.__traceback__)[-1]
            report.escapes.append(Finding(origin, f"{type(exc).__name__}: {exc} at {where.filename}:{where.lineno}",
                                          repr(sample)))
            return time.perf_counter() - t0
        seconds = time.perf_counter() - t0
        report.analysed += 1
        data = analysis.to_dict()
        errors = sorted(self.validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            report.schema_failures.append(Finding(origin, f"{list(errors[0].path)}: {errors[0].message[:200]}",
                                                  repr(sample)))
        bad_number = _non_finite(data)
        try:
            _strict_json(analysis.to_json())
        except ValueError as exc:
            bad_number = bad_number or f"to_json: {exc}"
        if bad_number:
            report.non_finite.append(Finding(origin, bad_number, repr(sample)))
        mismatches = span_mismatches(analysis)
        if mismatches:
            report.span_mismatches.append(Finding(origin, "; ".join(mismatches[:3]), repr(sample)))
        for flag in analysis.flags:
            if flag.kind == "component_error":
                report.component_errors.append(Finding(origin, flag.message[:300], repr(sample)))
                break
        return seconds


def _band(n: int) -> str:
    for limit in SIZE_BANDS:
        if n < limit:
            return f"< {limit:,}"
    return f">= {SIZE_BANDS[-1]:,}"


def inputs(n: int, seed: int, max_chars: int) -> Iterator[tuple[str, str]]:
    """`n` inputs: half from hypothesis, half mutated articles, interleaved."""
    articles = real_articles()
    rng = random.Random(seed)
    drawn = hypothesis_inputs(n // 2, seed, max_chars, articles) if n >= 2 else []
    for i in range(n):
        if i % 2 == 0 and drawn:
            yield drawn.pop()
        else:
            yield mutate(rng, articles, max_chars)


def _check_all(items: list[tuple[str, str]], progress: Callable[[Report], None] | None = None,
               keep_slowest: int = 3) -> Report:
    report = Report()
    checker = Checker()
    for text, origin in items:
        seconds = checker.check(text, origin, report)
        band = report.slowest.setdefault(_band(len(text)), [])
        band.append((seconds, len(text), origin, repr(text[:120])))
        band.sort(reverse=True)
        del band[keep_slowest:]
        if progress is not None and report.inputs % 500 == 0:
            progress(report)
    return report


def _merge(reports: list[Report], keep_slowest: int = 3) -> Report:
    out = Report()
    for r in reports:
        out.inputs += r.inputs
        out.analysed += r.analysed
        out.refused += r.refused
        for name in ("escapes", "schema_failures", "span_mismatches", "non_finite", "component_errors"):
            getattr(out, name).extend(getattr(r, name))
        for band, items in r.slowest.items():
            merged = sorted(out.slowest.get(band, []) + items, reverse=True)[:keep_slowest]
            out.slowest[band] = merged
    return out


def run(n: int, seed: int = 0, max_chars: int = 4000, progress: Callable[[Report], None] | None = None,
        jobs: int = 1) -> Report:
    """Generate `n` inputs and check them, in `jobs` processes (each loads its own model)."""
    t0 = time.perf_counter()
    items = list(inputs(n, seed, max_chars))
    if jobs <= 1:
        report = _check_all(items, progress)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            report = _merge(list(pool.map(_check_all, [items[k::jobs] for k in range(jobs)])))
    report.seconds = time.perf_counter() - t0
    return report


def summary(report: Report, seed: int, max_chars: int, jobs: int = 1) -> str:
    lines = [
        f"{report.inputs:,} inputs (seed {seed}, up to {max_chars:,} characters; half hypothesis strategies, half "
        f"mutated fixture articles) in {report.seconds:,.0f} s wall time ({jobs} process{'es' if jobs > 1 else ''} "
        f"on a shared 2-core machine): {report.analysed:,} analysed, {report.refused:,} "
        "refused with a `ClaimgraphError` (empty, binary, non-English, ...).",
        "",
        "| check | count |",
        "|---|---|",
        f"| exceptions other than `ClaimgraphError` | {len(report.escapes)} |",
        f"| schema failures | {len(report.schema_failures)} |",
        f"| span mismatches | {len(report.span_mismatches)} |",
        f"| non-finite numbers (or non-strict JSON) | {len(report.non_finite)} |",
        f"| `component_error` flags (contract held, a component failed) | {len(report.component_errors)} |",
        "",
        "Slowest input per size band: "
        + "; ".join(f"{band} chars: {items[0][0]:.2f} s ({items[0][1]:,} chars, {items[0][2]})"
                    for band, items in sorted(report.slowest.items()) if items) + ".",
    ]
    for name in ("escapes", "schema_failures", "span_mismatches", "non_finite", "component_errors"):
        findings: list[Finding] = getattr(report, name)
        for f in findings[:5]:
            lines.append(f"- {name}: {f.detail} ({f.kind}) on {f.sample[:200]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-chars", type=int, default=4000, help="longest input generated")
    parser.add_argument("--record", action="store_true", help="write the result to BENCHMARKS.md")
    parser.add_argument("--dump", type=Path, help="write every finding as JSON here")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each loads the model)")
    args = parser.parse_args()

    import logging

    logging.getLogger("claimgraph").setLevel(logging.CRITICAL)  # component errors are counted, not printed

    def progress(r: Report) -> None:
        print(f"{r.inputs:,} inputs, {r.seconds or 0:.0f} s: {len(r.escapes)} escapes, {len(r.schema_failures)} "
              f"schema, {len(r.span_mismatches)} spans, {len(r.non_finite)} non-finite, "
              f"{len(r.component_errors)} component errors", flush=True)

    report = run(args.inputs, args.seed, args.max_chars, progress, jobs=args.jobs)
    text = summary(report, args.seed, args.max_chars, args.jobs)
    print(text)
    if args.dump:
        args.dump.write_text(json.dumps({
            name: [f.__dict__ for f in getattr(report, name)]
            for name in ("escapes", "schema_failures", "span_mismatches", "non_finite", "component_errors")
        } | {"slowest": report.slowest}, indent=1, ensure_ascii=True), encoding="utf-8")
    if args.record:
        record("fuzz", "Fuzzing: the contract on hostile input (bench/fuzz.py)", text)


if __name__ == "__main__":
    main()
