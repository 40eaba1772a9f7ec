"""Hostile input: each breach the fuzzer found stays fixed, and the guards that keep analysis bounded hold.

Inputs are the ones the fuzz run (bench/fuzz.py, issue 16) reported, on real text where it matters.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import SAMPLE, assert_spans_exact
from pydantic import ValidationError
from typer.testing import CliRunner

import claimgraph
from claimgraph.contract import Analysis, Document, Quantity
from claimgraph.errors import AnalysisTimeoutError, ClaimgraphError, UnsupportedLanguageError
from claimgraph.ingest import decode_bytes, prepare, read_path
from claimgraph.nlp.tokenize import LONG_RUN, PIECE, GuardedTokenizer
from claimgraph.pipeline import Analyzer, windows

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
RUSSIAN = ("Президент России заявил в понедельник, что войска будут выведены из региона к концу месяца, "
           "сообщает агентство. Представитель министерства обороны подтвердил эти сведения журналистам. ") * 3


# -- input normalisation ------------------------------------------------------------------------------------


def test_lone_surrogates_are_replaced_with_a_warning_and_offsets_hold(analyzer):
    text = "Rebels said on Monday\ud800 that 12 soldiers were killed near Idlib.\udfff"
    article = prepare(text)
    assert article.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert any("surrogate" in w for w in article.warnings)
    analysis = analyzer.analyze_article(article)
    assert analysis.document.text == article.text
    assert_spans_exact(analysis)
    assert json.loads(analysis.to_json())["document"]["text"].endswith("Idlib.\ufffd")


def test_a_bare_surrogate_and_a_jsonl_escape_are_harmless(tmp_path):
    assert claimgraph.analyze("a\ud800").document.text == "a\ufffd"
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "Police said \\ud800 two people were hurt in Kano.", "title": "x\\udc00"}\n',
                    encoding="utf-8")
    (article,) = list(read_path(path))
    assert "\ufffd" in article.text and article.meta.title == "x\ufffd"
    assert any("surrogate" in w for w in article.warnings)


def test_an_article_built_by_hand_is_made_encodable_too(analyzer):
    from claimgraph.ingest import Article

    analysis = analyzer.analyze_article(Article(text="Troops\ud83d entered Kherson on Friday."))
    assert analysis.document.text == "Troops\ufffd entered Kherson on Friday."


# -- numbers and strict JSON --------------------------------------------------------------------------------


def test_non_finite_numbers_are_refused_by_the_contract():
    with pytest.raises(ValidationError):
        Quantity(id="n1", text="x", span=(0, 1), value=float("inf"))
    with pytest.raises(ValidationError):
        Quantity(id="n1", text="x", span=(0, 1), low=float("nan"))


def test_to_json_is_strict():
    document = Document(id=Document.id_for("x"), text="x")
    bad = Analysis.model_construct(document=document, quantities=[
        Quantity.model_construct(id="n1", text="x", span=(0, 1), value=float("inf"))])
    with pytest.raises(ValueError):
        bad.to_json()


def test_a_figure_beyond_float_range_is_valid_json():
    analysis = claimgraph.analyze("9" * 309 + " displaced")
    json.loads(analysis.to_json(), parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    assert not [f for f in analysis.flags if f.kind == "component_error"]


# -- components: the whole work inside the failure guard ----------------------------------------------------


@pytest.mark.parametrize("text", ["•,’”)%”45,_\n", "By " + "A " * 44 + "\n| Rulu"])
def test_whitespace_descriptors_do_not_break_entities(analyzer, text):
    assert_spans_exact(analyzer.analyze_article(prepare(text)))


@pytest.mark.parametrize("factory,method", [
    ("claimgraph.nlp.entities:EntitiesComponent", "_emit"),
    ("claimgraph.nlp.entities:EntitiesComponent", "_collect"),
    ("claimgraph.nlp.paragraphs:ParagraphBreaks", "_mark"),
])
def test_a_failing_component_becomes_a_flag(monkeypatch, factory, method):
    import importlib

    module, cls = factory.split(":")
    target = getattr(importlib.import_module(module), cls)

    def boom(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(target, method, boom)
    analysis = Analyzer().analyze_article(prepare(SAMPLE_TEXT))
    flags = [f for f in analysis.flags if f.kind == "component_error"]
    assert flags and "injected" in flags[0].message
    assert analysis.document.text == prepare(SAMPLE_TEXT).text


# -- ingest ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [250, 254, 400])
def test_deeply_nested_html_keeps_its_text(depth):
    body = ("<p>Government forces shelled the town of Maarat al-Numan on Tuesday, killing at least nine "
            "civilians, a monitoring group said.</p>")
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    assert "killing at least nine civilians" in prepare(page).text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_russian_is_decoded_then_refused_as_not_english(codec):
    text, warning = decode_bytes(RUSSIAN.encode(codec))
    assert text == RUSSIAN and "without byte-order mark" in warning
    with pytest.raises(UnsupportedLanguageError, match="Cyrillic"):
        prepare(text)


def test_utf16_without_bom_english_still_decodes():
    text = "The army said on Monday that it had repelled an attack near the border. " * 3
    assert decode_bytes(text.encode("utf-16-le"))[0] == text


def test_bad_json_line_message_reads_well(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "unterminated\n', encoding="utf-8")
    (error,) = list(read_path(path))
    assert isinstance(error, ClaimgraphError)
    assert "at at" not in str(error) and "column" in str(error)


# -- exit codes -------------------------------------------------------------------------------------------


def _invoke(*args: str):
    from claimgraph.cli import app

    return CliRunner().invoke(app, list(args))


def _break_on(monkeypatch, word: str) -> None:
    """Make assembling any article that contains `word` raise, as a bug would."""
    import claimgraph.pipeline

    original = claimgraph.pipeline.assemble

    def assemble(doc, state):
        if word in doc.text:
            raise RuntimeError("injected bug")
        return original(doc, state)

    monkeypatch.setattr(claimgraph.pipeline, "assemble", assemble)


def test_internal_error_exits_1(monkeypatch):
    _break_on(monkeypatch, "Turkmen")
    result = _invoke("analyze", str(SAMPLE))
    assert result.exit_code == 1, result.output
    assert "internal error" in result.output


def test_the_cli_gives_the_process_wide_analyzer_its_budget_back(analyzer):
    # `claimgraph analyze` run in-process (a notebook, a test) sets its --time-budget on the shared analyzer:
    # afterwards that analyzer is as it was, so a later analyze() or ingest in the process has no budget
    assert analyzer.time_budget is None
    result = _invoke("analyze", str(SAMPLE), "--time-budget", "120")
    assert result.exit_code == 0, result.output
    assert analyzer.time_budget is None


def test_bad_input_exits_2_and_a_batch_with_one_internal_failure_exits_3(monkeypatch, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert _invoke("analyze", str(empty)).exit_code == 2
    _break_on(monkeypatch, "Kano")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": "Police said two people were hurt in Kano."}) + "\n"
                     + json.dumps({"text": "Troops entered Kherson on Friday, officials said."}) + "\n",
                     encoding="utf-8")
    for budget in ("0", "60"):  # batched, and one by one under a time budget
        result = _invoke("analyze", str(batch), "--time-budget", budget)
        assert result.exit_code == 3, result.output
        assert '"failed": 1' in result.output and "internal error" in result.output


# -- time budget -----------------------------------------------------------------------------------------


def test_time_budget_turns_an_article_into_a_failure_and_the_batch_goes_on():
    analyzer = Analyzer(time_budget=1e-9)
    outcomes = list(analyzer.analyze_many([prepare(SAMPLE_TEXT), prepare("Troops entered Kherson on Friday.")]))
    assert [o.index for o in outcomes] == [1, 2]
    for outcome in outcomes:
        assert isinstance(outcome.error, AnalysisTimeoutError)
        assert "time budget" in str(outcome.error) and outcome.analysis is None
    analyzer.time_budget = 600.0
    assert [o.error for o in analyzer.analyze_many([prepare(SAMPLE_TEXT)])] == [None]


def test_a_budget_spent_inside_a_component_stops_it_there_as_a_timeout(monkeypatch):
    # the budget runs out while quantities works through its figures: the article fails as a timeout naming
    # the component (not a component_error flag on a half-made analysis), and the batch goes on
    from claimgraph.nlp.quantities.component import QuantitiesComponent
    from claimgraph.nlp.state import get_state

    original = QuantitiesComponent._quantity
    seen: list[int] = []

    def slow(doc, *args, **kwargs):
        seen.append(1)
        get_state(doc).deadline = 0.0  # as if this figure had taken the rest of the budget
        return original(doc, *args, **kwargs)

    monkeypatch.setattr(QuantitiesComponent, "_quantity", staticmethod(slow))
    analyzer = Analyzer(time_budget=600.0)
    outcomes = list(analyzer.analyze_many([prepare(SAMPLE_TEXT), prepare("Troops entered Kherson on Friday.")]))
    assert isinstance(outcomes[0].error, AnalysisTimeoutError)
    assert "in claimgraph_quantities" in str(outcomes[0].error)
    assert len(seen) == 1  # stopped at the next figure, not after all of them
    assert outcomes[1].error is None and outcomes[1].analysis is not None


def test_a_spent_budget_inside_a_component_is_not_swallowed_as_its_failure(analyzer):
    from claimgraph.nlp.state import DocState

    for name in ("claimgraph_entities", "claimgraph_times"):
        doc = analyzer.nlp.make_doc("Troops entered Kherson on Friday, officials said.")
        for step, proc in analyzer.nlp.pipeline:
            if step == name:
                break
            doc = proc(doc)
        doc._.claimgraph = DocState(deadline=0.0)
        with pytest.raises(AnalysisTimeoutError):
            dict(analyzer.nlp.pipeline)[name](doc)
        assert not doc._.claimgraph.items["flags"]


# -- the tokenizer guard ------------------------------------------------------------------------------------


class _Recorder:
    """A tokenizer stand-in that records what spaCy's tokenizer is asked to split."""

    def __init__(self, tokenizer):
        self.tokenizer, self.calls = tokenizer, []
        self.vocab = tokenizer.vocab

    def __call__(self, text):
        self.calls.append(text)
        return self.tokenizer(text)


@pytest.mark.parametrize("run", ['"' * 5000, "(" * 3000 + "x", "'s" * 2000, "é" * 800, "9" * 1200,
                                 "e\u0301" * 400])
def test_long_runs_reach_spacy_in_short_pieces_and_the_text_is_exact(analyzer, run):
    inner = analyzer.nlp.tokenizer.tokenizer
    recorder = _Recorder(inner)
    guarded = GuardedTokenizer(recorder)
    text = f"He said {run} and left.\n\nThen  {run}{run} ended"
    doc = guarded(text)
    assert doc.text == text
    longest = max(len(chunk) for call in recorder.calls for chunk in re.findall(r"\S+", call))
    assert longest <= LONG_RUN
    assert [t.text for t in doc[:2]] == ["He", "said"]


def test_text_without_long_runs_is_tokenized_by_spacy_unchanged(analyzer):
    guarded = analyzer.nlp.tokenizer
    assert isinstance(guarded, GuardedTokenizer)
    assert [t.text for t in guarded(SAMPLE_TEXT)] == [t.text for t in guarded.tokenizer(SAMPLE_TEXT)]


@pytest.mark.parametrize("run", ['"' * 5000, "*" * 3000, "(" * 3000 + "x", "'s" * 2000, "_" * 4000])
def test_long_runs_make_few_tokens(analyzer, run):
    # one token per character made 100,000 `"` cost 4.4x the time of 100,000 characters of prose: the parser,
    # tagger and recogniser pay per token. A run now makes a token per PIECE characters or so.
    text = f"Rebels said {run} that 12 soldiers were killed near Idlib."
    doc = analyzer.nlp.tokenizer(text)
    assert doc.text == text
    assert len(doc) <= len(run) // PIECE + 15
    assert [t.text for t in doc[:2]] == ["Rebels", "said"] and doc[-2].text == "Idlib"


def test_a_punctuation_run_in_a_short_chunk_is_one_token_and_the_rest_is_spacys(analyzer):
    text = 'The army said: """""""""""""""" we won\'t leave Aleppo. ************\nIt didn\'t.'
    doc = analyzer.nlp.tokenizer(text)
    plain = analyzer.nlp.tokenizer.tokenizer
    assert doc.text == text
    assert '""""""""""""""""' in [t.text for t in doc] and "************" in [t.text for t in doc]
    rest = [(t.text, t.norm_) for t in doc if not set(t.text) <= set('"*')]
    assert rest == [(t.text, t.norm_) for t in plain(text.replace('"' * 16, "").replace("*" * 12, ""))
                    if t.text.strip() or t.text == "\n"] or ("n't", "not") in rest
    assert ("n't", "not") in rest  # spaCy's special-case norms survive the rebuilt Doc


# -- windows --------------------------------------------------------------------------------------------


def test_windows_cover_the_text_exactly_at_paragraph_breaks():
    text = "\n\n".join(SAMPLE_TEXT.split("\n\n") * 5)
    spans = windows(text, 2000)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 2000 for s, e in spans)
    assert all(text[:e].endswith("\n\n") for _, e in spans[:-1])
    assert windows("x" * 5000, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]


def test_windows_cut_on_tokens_and_hold_at_most_max_tokens(analyzer):
    text = '" ' * 3000 + "\n\n" + SAMPLE_TEXT + '" ' * 3000
    doc = analyzer.nlp.make_doc(text)
    starts = [t.idx for t in doc]
    spans = windows(text, 4000, starts, max_tokens=500)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(s in set(starts) for s, _ in spans)
    counts = [sum(1 for t in doc if s <= t.idx < e) for s, e in spans]
    assert max(counts) <= 500 and len(spans) >= len(doc) // 500
    assert all(e - s <= 4000 for s, e in spans)


def test_windows_by_tokens_keep_the_analysis():
    article = prepare(SAMPLE_TEXT)
    whole = Analyzer().analyze_article(article)
    windowed = Analyzer(window_tokens=300).analyze_article(article)
    doc = Analyzer().nlp.make_doc(article.text)
    cuts = windows(article.text, 10**6, [t.idx for t in doc], 300)
    assert len(cuts) >= 3 and all(article.text[:e].endswith("\n\n") for _, e in cuts[:-1])
    assert windowed.document.text == whole.document.text
    assert_spans_exact(windowed)
    assert sorted((e.name, len(e.mentions)) for e in windowed.entities) == \
        sorted((e.name, len(e.mentions)) for e in whole.entities)


def test_windowed_analysis_matches_the_whole_one():
    article = prepare(SAMPLE_TEXT)
    whole = Analyzer().analyze_article(article)
    windowed = Analyzer(window_chars=1500).analyze_article(article)
    assert windowed.document.text == whole.document.text
    assert_spans_exact(windowed)
    # entities, aliases, speakers and quotes across windows resolve as in the whole document
    assert sorted((e.name, len(e.mentions)) for e in windowed.entities) == \
        sorted((e.name, len(e.mentions)) for e in whole.entities)
    assert [(q.span, q.speaker) for q in windowed.quotes] == [(q.span, q.speaker) for q in whole.quotes]
    first, last = windows(article.text, 1500)[0], windows(article.text, 1500)[-1]
    assert any(any(s < first[1] for s, _ in e.mentions) and any(s >= last[0] for s, _ in e.mentions)
               for e in windowed.entities)


def test_a_long_windowed_text_keeps_the_entities_of_each_article_in_it(analyzer):
    # a long document is the articles in it: the people, organisations and places each names alone are found in
    # the whole (windowed, claimgraph's components over all of it), not a fraction of them
    from conftest import FIXTURES

    texts = [p.read_text(encoding="utf-8").strip() for p in sorted((FIXTURES / "articles").glob("*.txt"))]
    alone: set[tuple[str, str]] = set()
    for text in texts:
        alone |= {(e.type, e.name) for e in analyzer.analyze_article(prepare(text)).entities
                  if e.type in ("PERSON", "ORG", "GPE")}
    long = Analyzer(window_chars=2_500).analyze_article(prepare("\n\n".join(texts)))
    assert len(windows(long.document.text, 2_500)) >= 4
    assert_spans_exact(long)
    found = {(e.type, a) for e in long.entities for a in e.aliases}
    assert len(alone) >= 20
    assert len(alone & found) >= 0.8 * len(alone), sorted(alone - found)


# -- figures beyond float range ------------------------------------------------------------------------------


def test_a_figure_beyond_float_range_is_kept_as_text_without_bounds(analyzer):
    text = "Officials said 1" + ",000" * 103 + " people fled the town on Monday."
    analysis = analyzer.analyze_article(prepare(text))
    (q,) = [q for q in analysis.quantities if q.text.startswith("1,000,000")]
    assert q.value is None and q.low is None and q.high is None
    assert all(c.low is None or c.low < 1e300 for e in analysis.events for c in e.casualties)
    json.loads(analysis.to_json(), parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    assert_spans_exact(analysis)


# -- indexes that replaced scans give the same answers ---------------------------------------------------------


def test_claim_at_with_its_index_agrees_with_a_scan():
    import random

    from claimgraph.contract import Claim
    from claimgraph.nlp.state import DocState

    rng = random.Random(7)
    state = DocState()
    for k in range(300):
        s = rng.randrange(0, 5000)
        state.add("claims", Claim(id=f"c{k}", text="x", span=(s, s + rng.choice([5, 40, 200, 1500]))))

    def scan(start: int, end: int):
        best = None
        for claim in state.items["claims"]:
            s, e = claim.span
            if s <= start and end <= e and (best is None or e - s < best.span[1] - best.span[0]):
                best = claim
        return best

    for _ in range(2000):
        a = rng.randrange(0, 6000)
        b = a + rng.randrange(0, 30)
        assert state.claim_at(a, b) is scan(a, b)


# -- punctuation runs cost less than prose: counted in tokens, the unit the tagger, parser and recogniser pay per ----
# (the CPU time itself is measured in bench/long.py, BENCHMARKS.md bench:long: no timing is asserted in tests)


def _prose(chars: int) -> str:
    paragraphs = [p.strip() for p in SAMPLE_TEXT.split("\n\n") if len(p.strip()) > 80]
    out, i = [], 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(paragraphs[i % len(paragraphs)])
        i += 1
    return "\n\n".join(out)[:chars]


@pytest.mark.parametrize("pattern", ['"', "(", "'s", "*"])
def test_punctuation_runs_give_the_model_less_work_than_prose(analyzer, pattern):
    # a token per character made a run of `"` cost 4.4x prose (bench:long); bounded tokens make it about 0.1x.
    # The Doc the pipeline parses (Analyzer._doc: the guarded tokenizer) is the work every model stage pays for.
    chars = 8_000
    prose = len(analyzer._doc(prepare(_prose(chars), max_chars=10 * chars)))
    run = len(analyzer._doc(prepare((pattern * chars)[:chars], max_chars=10 * chars)))
    assert prose > chars // 10  # the prose is prose: a token every few characters
    assert run * 5 < prose, (pattern, run, prose)


# time grows with size, not faster: measured, not asserted (a growth assertion flaked on a busy machine, where the
# 60 s budget ran out first); `python -m bench.long` records each hostile pattern's time against real prose of the
# same length and the long article's against nine times the short one's (BENCHMARKS.md, bench:long)


# -- cold start ----------------------------------------------------------------------------------------------


def test_spacy_is_imported_without_its_command_line_which_still_loads_on_use():
    # `import spacy` runs all of spaCy's commands' imports (weasel, httpx, ...) to export spacy.info: claimgraph
    # skips them (0.2 s of every cold start); spacy.cli and spacy.info still work when someone asks for them
    import subprocess
    import sys

    code = ("import sys, claimgraph, spacy\n"
            "assert 'spacy.cli' not in sys.modules and 'weasel' not in sys.modules, 'spacy.cli imported'\n"
            "nlp = claimgraph.Analyzer().nlp\n"
            "assert 'spacy.cli' not in sys.modules, 'loading the model imported spacy.cli'\n"
            "assert callable(spacy.cli.download) and 'spacy.cli' in sys.modules\n"
            "import spacy.cli.info\n"
            "assert isinstance(spacy.info(), dict)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
