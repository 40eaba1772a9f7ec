"""Reports: the HTML page and the Markdown summary, rendered from the contract alone.

Checked on real analyses (the sample, and a real-structure article with markup characters) and on
hand-built contracts whose spans overlap, nest and cross in every combination of kinds.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import assert_spans_exact
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.contract import (
    Analysis,
    Casualty,
    Claim,
    Document,
    Entity,
    Event,
    Flag,
    Place,
    Quantity,
    Quote,
    Source,
    Time,
)
from claimgraph.render import render_html, render_markdown
from claimgraph.render.html import Layer, layout

# --------------------------------------------------------------------------------------------------
# helpers


class ReportParser(HTMLParser):
    """Checks that tags balance and collects the article's text and every mark inside it."""

    VOID = {"meta", "input", "br", "img", "link", "hr", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.article_depth: int | None = None
        self.article_text: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.scripts = 0
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts += 1
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        if tag == "div" and "cg-article" in a.get("class", "").split():
            self.article_depth = len(self.stack)
        if tag == "mark" and self.article_depth is not None:
            self.marks.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {[t for t, _ in self.stack[-3:]]})")
            return
        if self.article_depth == len(self.stack):
            self.article_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.article_depth is not None:
            self.article_text.append(data)


def parse(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors[:3]
    assert not parser.stack, [t for t, _ in parser.stack]
    return parser


def article_html(html: str) -> str:
    match = re.search(r'<div class="cg-article">(.*?)</div>', html, re.S)
    assert match
    return match.group(1)


def stripped(html: str) -> str:
    """The article as text: tags removed and entities unescaped."""
    return unescape(re.sub(r"<[^>]*>", "", article_html(html)))


def section(html: str, key: str) -> str:
    match = re.search(rf'<section id="cg\w+-{key}" class="cg-section cg-sec-{key}">(.*?)</section>', html, re.S)
    assert match, key
    return match.group(1)


def section_text(html: str, key: str) -> str:
    """A section's visible text: tags dropped, entities unescaped."""
    return unescape(re.sub(r"<[^>]*>", "", section(html, key)))


def md_section(md: str, name: str) -> str:
    match = re.search(rf"^## {name} \(\d+\)\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    assert match, name
    return match.group(1)


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def assert_tables_regular(md: str) -> None:
    """Every row of every Markdown table has as many cells as its header (pipes in cells are escaped)."""
    header_pipes = None
    for line in md.splitlines():
        if line.startswith("|"):
            if header_pipes is None:
                header_pipes = unescaped_pipes(line)
            assert unescaped_pipes(line) == header_pipes, line
        else:
            header_pipes = None


def at(text: str, fragment: str, start: int = 0) -> tuple[int, int]:
    s = text.index(fragment, start)
    return (s, s + len(fragment))


# --------------------------------------------------------------------------------------------------
# a hand-built contract with overlapping spans of every kind

TEXT = (
    "DAMASCUS, 3 December 2015\n\n"
    "Kursat Mican, the chairman of <Alperen & \"Sons\">, told Middle East Eye: "
    "“About 12,000 people joined since November 24th in Latakia, <script>alert('x')</script>,” he said.\n\n"
    "Reportedly 250 – 500 fighters | Turkish citizens stayed in Latakia.\n"
    "According to Tariq Solu, “only 3 villages remain.”"
)


def build_analysis() -> Analysis:
    t = TEXT
    mican = at(t, "Kursat Mican")
    org = at(t, '<Alperen & "Sons">')
    mee = at(t, "Middle East Eye")
    latakia1 = at(t, "Latakia")
    latakia2 = at(t, "Latakia", latakia1[1])
    solu = at(t, "Tariq Solu")
    q1 = at(t, "“About 12,000 people joined since November 24th in Latakia, <script>alert('x')</script>,”")
    he = at(t, "he", q1[1])
    said = at(t, "said", q1[1])
    told = at(t, "told")
    qty1 = at(t, "About 12,000 people")
    qty2 = at(t, "250 – 500 fighters")
    subj2 = at(t, "fighters")
    qty3 = at(t, "3 villages")
    nov = at(t, "November 24th")
    dateline = at(t, "3 December 2015")
    # crosses the quote's closing mark: starts inside the quote, ends after "he said"
    ev1 = (at(t, "joined")[0], said[1])
    sentence1 = (mican[0], said[1] + 1)
    sentence2 = at(t, "Reportedly 250 – 500 fighters | Turkish citizens stayed in Latakia.")
    q2 = at(t, "250 – 500 fighters | Turkish citizens stayed in Latakia")
    q3 = at(t, "“only 3 villages remain.”")
    according = at(t, "According to")
    return Analysis(
        document=Document(
            id=Document.id_for(t),
            title='Fighters <b>cross</b> & "flee"',
            outlet="SouthFront",
            authors=["Mario Andrijasevic"],
            url="https://example.org/a?x=1&y=<2>",
            dateline="DAMASCUS, 3 December 2015",
            published="2015-12-03",
            text=t,
        ),
        entities=[
            Entity(id="e1", name="Kursat Mican", type="PERSON", aliases=["Kursat Mican"], mentions=[mican],
                   descriptors=["chairman of <Alperen & \"Sons\">"]),
            Entity(id="e2", name='<Alperen & "Sons">', type="ORG", aliases=['<Alperen & "Sons">'], mentions=[org]),
            Entity(id="e3", name="Middle East Eye", type="OUTLET", aliases=["Middle East Eye", "MEE"], mentions=[mee]),
            Entity(id="e4", name="Latakia", type="GPE", mentions=[latakia1, latakia2]),
            Entity(id="e5", name="Tariq Solu", type="PERSON", mentions=[solu]),
            Entity(id="e6", name="SouthFront", type="OUTLET"),
        ],
        sources=[
            Source(id="s1", label="SouthFront", entity="e6", kind="outlet"),
            Source(id="s2", label="Middle East Eye", entity="e3", kind="outlet", via="s1"),
            Source(id="s3", label="Kursat Mican", entity="e1", kind="person", role="chairman", via="s2"),
            Source(id="s4", label="unnamed (reportedly)", kind="anonymous"),
            Source(id="s5", label="Tariq Solu", entity="e5", kind="person"),
        ],
        quotes=[
            Quote(id="q1", kind="direct", text=t[q1[0]:q1[1]], span=q1, cue="said", cue_span=said,
                  speaker="s3", speaker_span=he, via="s2"),
            Quote(id="q2", kind="indirect", text=t[q2[0]:q2[1]], span=q2, speaker="s4"),
            Quote(id="q3", kind="direct", text=t[q3[0]:q3[1]], span=q3, cue="According to", cue_span=according,
                  speaker="s5", speaker_span=solu),
            Quote(id="q4", kind="indirect", text="told Middle East Eye", span=(told[0], mee[1]), cue="told",
                  cue_span=told, speaker="s3", speaker_span=mican, via="s2"),
        ],
        quantities=[
            Quantity(id="n1", text=t[qty1[0]:qty1[1]], span=qty1, value=12000, approx="about", subject="people",
                     subject_span=(qty1[1] - 6, qty1[1]), source="s3", modality="estimated"),
            Quantity(id="n2", text=t[qty2[0]:qty2[1]], span=qty2, low=250, high=500, approx="range",
                     subject="fighters", subject_span=subj2, hedges=["reportedly"], source="s4"),
            Quantity(id="n3", text=t[qty3[0]:qty3[1]], span=qty3, value=3, low=3, high=3, subject="villages",
                     source="s5"),
        ],
        times=[
            Time(id="t1", text="November 24th", span=nov, value="2015-11-24", precision="day", anchor="dateline"),
            Time(id="t2", text="3 December 2015", span=dateline, value="2015-12-03", precision="day",
                 anchor="explicit"),
        ],
        places=[
            Place(id="p1", name="Latakia", mentions=[latakia1, latakia2], lat=35.5196, lon=35.7814, country="SY",
                  admin1="Latakia", feature="city", gazetteer_id="geonames:173579", confidence=0.9),
        ],
        events=[
            Event(id="v1", type="Strategic developments", subtype="Other", text=t[ev1[0]:ev1[1]], span=ev1,
                  actors=["e1"], place="p1", time="t1", quantities=["n1"],
                  casualties=[Casualty(kind="killed", group="civilians", low=10, high=12, quantity="n1")],
                  source="s3", hedges=["I think"]),
        ],
        claims=[
            Claim(id="c1", text=t[sentence1[0]:sentence1[1]], span=sentence1, sources=["s1", "s2", "s3"],
                  quotes=["q1"], quantities=["n1"], events=["v1"], attributed=True),
            Claim(id="c2", text=t[sentence2[0]:sentence2[1]], span=sentence2, sources=["s1"],
                  quantities=["n2"], hedges=["reportedly"], attributed=False),
        ],
        flags=[
            Flag(kind="hedged_number", severity="warning", message='figure "250 – 500" is hedged & <unsourced>',
                 refs=["n2"], spans=[qty2]),
            Flag(kind="unsourced_claim", severity="info", message="the author asserts this", refs=["c2"],
                 spans=[sentence2]),
        ],
    )


@pytest.fixture(scope="module")
def built() -> Analysis:
    analysis = build_analysis()
    assert_spans_exact(analysis)
    return analysis


@pytest.fixture(scope="module")
def built_html(built: Analysis) -> str:
    return render_html(built)


# --------------------------------------------------------------------------------------------------
# HTML: text fidelity and nesting


def test_stripping_tags_gives_back_the_text(built: Analysis, built_html: str) -> None:
    assert stripped(built_html) == built.document.text
    parser = parse(built_html)
    assert "".join(parser.article_text) == built.document.text


def test_every_kind_of_span_is_highlighted(built_html: str) -> None:
    marks = parse(built_html).marks
    kinds = {c for m in marks for c in m["class"].split() if c.startswith("cg-")}
    for kind in ("entity", "quote", "speaker", "cue", "quantity", "time", "place", "event", "claim", "flag"):
        assert f"cg-{kind}" in kinds, kind
    for etype in ("PERSON", "ORG", "OUTLET", "GPE"):
        assert f"cg-ent-{etype}" in kinds


def test_crossing_spans_split_and_continue(built: Analysis, built_html: str) -> None:
    """The event starts inside the quote and ends after it: it continues as a second mark, text intact."""
    marks = parse(built_html).marks
    events = [m for m in marks if "cg-event" in m["class"].split()]
    assert len(events) >= 2
    assert sum("cg-cont" not in m["class"].split() for m in events) == 1
    assert all("data-tip" in m and "Strategic developments" in m["data-tip"] for m in events)


def test_nested_same_span_marks_keep_both(built_html: str) -> None:
    """Latakia is an entity mention and a place mention on the same characters: two marks, one text."""
    html = article_html(built_html)
    assert re.search(r'<mark class="cg cg-entity cg-ent-GPE"[^>]*><mark class="cg cg-place"[^>]*>Latakia</mark>'
                     r"</mark>", html)


def test_hover_titles_carry_details(built_html: str) -> None:
    """Each highlight carries its details (shown on hover or click, by CSS) and can take keyboard focus."""
    marks = parse(built_html).marks
    assert all(m.get("tabindex") == "0" for m in marks if m.get("data-tip"))

    def title_of(kind: str, ident: str = "") -> str:
        return next(m["data-tip"] for m in marks if f"cg-{kind}" in m["class"].split() and ident in m["data-tip"])

    assert "subject: people" in title_of("quantity")
    assert "source: Kursat Mican" in title_of("quantity")
    assert "2015-11-24" in title_of("time", "[t1]") and "anchor: dateline" in title_of("time", "[t1]")
    assert "35.5196" in title_of("place") and "SY" in title_of("place")
    assert "via: SouthFront → Middle East Eye" in title_of("quote", "[q1]")
    assert "250 – 500" in title_of("flag", "hedged_number")
    assert "chain: SouthFront → Middle East Eye → Kursat Mican" in title_of("claim", "[c1]")
    assert "cg-claim-attributed" in next(m["class"] for m in marks if "[c1]" in m.get("data-tip", ""))


def test_two_speakers_get_two_colours(built: Analysis, built_html: str) -> None:
    marks = parse(built_html).marks
    by_quote: dict[str, str] = {}
    for m in marks:
        classes = m["class"].split()
        if "cg-quote" in classes and "cg-cont" not in classes:
            spk = [c for c in classes if c.startswith("cg-spk-")]
            assert len(spk) == 1
            by_quote[m["data-tip"].split("[")[1].split("]")[0]] = spk[0]
    assert by_quote["q1"] == by_quote["q4"]  # same speaker, same colour
    assert by_quote["q1"] != by_quote["q3"] != by_quote["q2"]
    css = {m.group(1): m.group(2) for m in re.finditer(r"\.(cg-spk-\d+) \{ --cg-spk: (\d+) 70%; \}", built_html)}
    assert css[by_quote["q1"]] != css[by_quote["q3"]]


def test_everything_is_escaped(built: Analysis, built_html: str) -> None:
    parser = parse(built_html)
    assert parser.scripts == 0
    assert "<script>" not in built_html and "<Alperen" not in built_html and "<b>cross" not in built_html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in built_html
    assert "&lt;Alperen &amp; &quot;Sons&quot;&gt;" in section(built_html, "entities")
    assert "<title>Fighters &lt;b&gt;cross&lt;/b&gt; &amp; &quot;flee&quot; · claimgraph</title>" in built_html
    assert "hedged &amp; &lt;unsourced&gt;" in section(built_html, "flags")


def legend(html: str) -> str:
    match = re.search(r'<div class="cg-legend">(.*?)<p class="cg-hint">', html, re.S)
    assert match
    return match.group(1)


def test_legend_switches_one_layer_at_a_time(built_html: str) -> None:
    """One radio switch per layer, all in one group so one layer shows at a time; quotes first."""
    radios = re.findall(r'<input type="radio" name="([^"]+)" class="cg-toggle cg-toggle-(\w+)"[^>]*>', built_html)
    assert {name for name, _ in radios} == {radios[0][0]}
    assert [kind for _, kind in radios] == ["quote", "quantity", "event", "place", "time", "entity", "claim", "none"]
    checked = re.findall(r'class="cg-toggle cg-toggle-(\w+)"[^>]* checked', built_html)
    assert checked == ["quote"]
    key = legend(built_html)
    for kind in ("quote", "quantity", "event", "place", "time", "entity", "claim", "none"):
        assert f"cg-switch cg-lg-{kind}" in key
    for etype in ("PERSON", "ORG", "OUTLET", "GPE"):
        assert f">{etype}<" in key
    for speaker in ("Kursat Mican", "Tariq Solu", "unnamed (reportedly)"):
        assert speaker in key
    # each layer's CSS lights up only its own kinds of mark
    css = re.search(r"<style>(.*?)</style>", built_html, re.S).group(1)
    assert ".cg-toggle-quantity:checked ~ .cg-article .cg-quantity" in css
    assert ".cg-toggle-quote:checked ~ .cg-article .cg-quote" in css


def test_summary_comes_first_and_says_who_what_where_when(built_html: str) -> None:
    assert built_html.index("cg-sec-summary") < built_html.index("cg-sec-article") < built_html.index(
        "cg-sec-entities")
    summary = section_text(built_html, "summary")
    assert "Kursat Mican" in summary and "2 quotes" in summary          # who is quoted, how often
    assert "about 12,000" in summary and "people" in summary             # figures with their subject
    assert "Strategic developments" in summary and "Latakia" in summary  # events, where
    assert "2015-12-03" in summary and "2015-11-24" in summary          # when
    # the tables are folded away below the article
    assert "<details><summary>" in section(built_html, "quantities")


def test_unsourced_is_marked_only_on_factual_claims_outside_the_headline() -> None:
    head = "Turkey says 40 villages taken"
    body = ("About 3,000 people fled the town. The town is old. "
            "Officials said 12 soldiers died. The army attacked the village at dawn.")
    text = f"{head}\n\n{body}"
    def span(s: str) -> list[int]:
        i = text.index(s)
        return [i, i + len(s)]
    hq, fled, old, died, attack = (span(x) for x in (head, "About 3,000 people fled the town.", "The town is old.",
                                                     "Officials said 12 soldiers died.", "The army attacked"))
    analysis = Analysis(
        document=Document(id=Document.id_for(text), title=head, text=text),
        quantities=[Quantity(id="n1", text="40", span=[text.index("40"), text.index("40") + 2], value=40, low=40,
                             high=40, approx="exact", modality="asserted"),
                    Quantity(id="n2", text="About 3,000", span=span("About 3,000"), value=3000, approx="about",
                             modality="estimated")],
        events=[Event(id="v1", type="Battles", subtype="Armed clash", text="attacked", span=span("attacked"))],
        claims=[
            Claim(id="c1", text=head, span=hq, quantities=["n1"], attributed=False),
            Claim(id="c2", text=text[fled[0]:fled[1]], span=fled, quantities=["n2"], attributed=False),
            Claim(id="c3", text=text[old[0]:old[1]], span=old, attributed=False),
            Claim(id="c4", text=text[died[0]:died[1]], span=died, sources=["s1"], attributed=True),
            Claim(id="c5", text=text[attack[0]:], span=[attack[0], len(text)], events=["v1"], attributed=False),
        ],
        flags=[Flag(kind="unsourced_claim", severity="info", message="no source", refs=[c], spans=[s])
               for c, s in (("c1", hq), ("c2", fled), ("c3", old))],
    )
    html = render_html(analysis)
    marks = parse(html).marks
    unsourced = {re.search(r"\[(c\d)\]", m["data-tip"]).group(1) for m in marks
                 if "cg-claim-unsourced" in m["class"].split()}
    assert unsourced == {"c2", "c5"}                  # a figure, an event; not the headline, not "old"
    flags = section_text(html, "flags")
    assert "c2" in flags and "c1" not in flags and "c3" not in flags
    assert "figures or events stated without a source: 2" in section_text(html, "summary")


def test_flag_text_does_not_double_quote_marks() -> None:
    text = '“We will not leave,” the mayor said. The siege went on.'
    analysis = Analysis(
        document=Document(id=Document.id_for(text), text=text),
        flags=[Flag(kind="loaded_language", severity="info", message="check", spans=[[0, 20]])],
    )
    flags = section_text(render_html(analysis), "flags")
    assert "“We will not leave,”" in flags and "““" not in flags and "””" not in flags


def test_tables_show_each_section(built_html: str) -> None:
    doc = section(built_html, "document")
    assert "SouthFront" in doc and "Mario Andrijasevic" in doc and "2015-12-03" in doc
    assert 'href="https://example.org/a?x=1&amp;y=&lt;2&gt;"' in doc
    entities = section(built_html, "entities")
    assert "MEE" in entities and "chairman of" in entities
    sources = section(built_html, "sources")
    assert "SouthFront → Middle East Eye" in section_text(built_html, "sources") and "anonymous" in sources
    quotes = section(built_html, "quotes")
    assert "(“he”)" in quotes and "According to" in quotes and "partial" not in quotes
    claims = section(built_html, "claims")
    assert "SouthFront → Middle East Eye → Kursat Mican" in section_text(built_html, "claims")
    assert "reportedly" in claims and ">no<" in claims and ">yes<" in claims
    quantities = section(built_html, "quantities")
    assert "about 12,000" in quantities and "250 – 500" in quantities and ">range<" in quantities
    assert "estimated" in quantities and "unnamed (reportedly)" in quantities
    times = section(built_html, "times")
    assert "2015-11-24" in times and "dateline" in times and ">day<" in times
    places = section(built_html, "places")
    assert "35.5196" in places and "35.7814" in places and ">SY<" in places and ">city<" in places
    assert "0.90" in places
    events = section(built_html, "events")
    assert "Strategic developments" in events and "Kursat Mican" in events and "Latakia" in events
    assert "November 24th (2015-11-24)" in events and "killed civilians 10 – 12" in events and "I think" in events
    flags = section(built_html, "flags")
    assert "hedged_number" in flags and "unsourced_claim" in flags and "“250 – 500 fighters”" in flags
    assert "<td>n2 (250 – 500 fighters)</td>" in flags and "<td>c2</td>" in flags  # sentences by id only


def test_table_ids_link_to_first_mention(built: Analysis, built_html: str) -> None:
    prefix = "cg" + built.document.id.removeprefix("sha256:")[:10]
    assert f'href="#{prefix}-at-e1"' in built_html and f'id="{prefix}-at-e1"' in built_html
    assert len(re.findall(rf'id="{prefix}-at-p1"', built_html)) == 1
    # SouthFront has no mention: its id is not a dead link
    assert "-at-e6" not in built_html


def test_reports_of_several_articles_share_a_page(built: Analysis) -> None:
    """Ids are prefixed per document, so links and toggles of two reports on one page do not collide."""
    other = Analysis.model_validate({**built.to_dict(), "document": {**built.document.model_dump(),
                                     "id": Document.id_for("another text")}})
    page = render_html(built, standalone=False) + render_html(other, standalone=False)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) > 20
    for target in re.findall(r'(?:href|for)="#?([^"]+)"', page):
        if not target.startswith("http"):
            assert target in ids, target


def test_fragment_for_notebooks(built: Analysis) -> None:
    fragment = built._repr_html_()
    assert fragment.startswith('<div class="cg-report">') and "<html" not in fragment
    assert "<style>" in fragment
    assert stripped(fragment) == built.document.text
    page = built.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<link" not in page and "<script" not in page
    assert "src=" not in page and "@import" not in page


def test_empty_sections_say_none_found() -> None:
    text = "Nothing & nobody <here>."
    analysis = Analysis(document=Document(id=Document.id_for(text), text=text))
    html = render_html(analysis)
    parse(html)
    assert stripped(html) == text
    for name in ("entities", "sources", "quotes", "claims", "quantities", "times", "places", "events", "flags"):
        assert f"No {name} found." in section(html, name)
    md = render_markdown(analysis)
    for name in ("Entities", "Sources", "Quotes", "Claims", "Quantities", "Times", "Places", "Events", "Flags"):
        assert f"_No {name.lower()} found._" in md_section(md, name)
    assert md.startswith("# Untitled article\n")


def test_odd_spans_and_dangling_ids_do_not_break_the_report() -> None:
    """Hand-edited JSON: spans outside the text or empty, ids that point nowhere, via cycles."""
    text = "Officials said 5 people died."
    analysis = Analysis.model_validate({
        "document": {"id": "x", "text": text},
        "entities": [{"id": "e1", "name": "Officials", "type": "ORG", "mentions": [[0, 9], [5, 5], [20, 99]]}],
        "sources": [{"id": "s1", "label": "A", "via": "s2"}, {"id": "s2", "label": "B", "via": "s1"}],
        "quotes": [{"id": "q1", "kind": "indirect", "text": "x", "span": [40, 50], "speaker": "s404"}],
        "quantities": [{"id": "n1", "text": "5 people", "span": [15, 23], "source": "s404", "value": 5}],
        "claims": [{"id": "c1", "text": text, "span": [0, len(text)], "sources": ["s1", "nowhere"]}],
        "events": [{"id": "v1", "type": "Violence against civilians", "subtype": "Attack", "text": "died",
                    "span": [24, 28], "place": "p404", "casualties": [{"kind": "killed", "low": 5}]}],
    })
    html = render_html(analysis)
    parse(html)
    assert stripped(html) == text
    assert "A → nowhere" in section_text(html, "claims")  # dangling id shown as itself
    assert "p404" in section(html, "events") and "killed 5" in section(html, "events")
    md = render_markdown(analysis)
    assert_tables_regular(md)


# --------------------------------------------------------------------------------------------------
# the layout algorithm, on arbitrary spans

_KINDS = ["claim", "flag", "quote", "event", "entity", "place", "quantity", "time", "speaker", "cue"]


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n“”–é")), min_size=1, max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(_KINDS)), max_size=12),
)
def test_layout_property(text: str, raw: list[tuple[int, int, str]]) -> None:
    """Any set of overlapping spans: balanced marks, every character once, each span covered exactly."""
    layers = [Layer(min(s, e), max(s, e), k, ["cg", f"cg-{k}"], [f"{k}{i}"])
              for i, (s, e, k) in enumerate(raw) if min(s, e) < max(s, e) <= len(text)]
    html = f'<div class="cg-article">{layout(text, layers)}</div>'
    parser = parse(html)
    assert "".join(parser.article_text) == text
    assert stripped(html) == text
    # each layer's characters are exactly the characters inside its marks
    covered: dict[str, list[int]] = {layer.titles[0]: [] for layer in layers}
    pos, open_titles = 0, []
    for token in re.split(r"(<[^>]+>)", html.removeprefix('<div class="cg-article">').removesuffix("</div>")):
        if token.startswith("<mark"):
            open_titles.append(unescape(re.search(r'data-tip="([^"]*)"', token).group(1)))
        elif token == "</mark>":
            open_titles.pop()
        else:
            n = len(unescape(token))
            for title in open_titles:
                covered[title].extend(range(pos, pos + n))
            pos += n
    for layer in layers:
        assert covered[layer.titles[0]] == list(range(layer.start, layer.end)), layer


# --------------------------------------------------------------------------------------------------
# Markdown


def test_markdown_sections_and_escaping(built: Analysis) -> None:
    md = render_markdown(built)
    assert md.startswith("# Fighters \\<b\\>cross\\</b\\> \\& \"flee\"\n")
    assert re.search(r"(?<!\\)<", md) is None  # every angle bracket is escaped: no live HTML
    assert "\\<script\\>" in md and "\\<Alperen \\& \"Sons\"\\>" in md
    assert_tables_regular(md)
    assert "fighters \\| Turkish citizens" in md_section(md, "Quotes")
    assert "**Outlet:** SouthFront" in md and "**Published:** 2015-12-03" in md
    claims = md_section(md, "Claims")
    assert "SouthFront → Middle East Eye → Kursat Mican" in claims
    quantities = md_section(md, "Quantities")
    assert "| about 12,000 | 12,000 |" in quantities and "| 250 – 500 |   | 250 | 500 | range |" in quantities
    assert "Kursat Mican" in md_section(md, "Events") and "killed civilians 10 – 12" in md_section(md, "Events")
    assert "35.5196" in md_section(md, "Places")
    assert "2015-11-24" in md_section(md, "Times")
    assert "hedged\\_number" in md_section(md, "Flags")
    assert "(“he”)" in md_section(md, "Quotes")
    assert "| s3 | Kursat Mican | person | chairman | Kursat Mican | SouthFront → Middle East Eye | 2 |" in md
    assert "MEE" in md_section(md, "Entities")


def test_reports_render_from_contract_json(built: Analysis) -> None:
    """Any contract JSON renders the same report as the model it came from."""
    again = Analysis.model_validate(json.loads(built.to_json()))
    assert render_html(again) == render_html(built)
    assert render_markdown(again) == render_markdown(built)


# --------------------------------------------------------------------------------------------------
# real analyses (whatever components exist at the time)


def test_sample_report(sample_analysis: Analysis) -> None:
    html = render_html(sample_analysis)
    parser = parse(html)
    assert "".join(parser.article_text) == sample_analysis.document.text
    assert stripped(html) == sample_analysis.document.text
    key = legend(html)
    for ent in sample_analysis.entities:
        assert f">{ent.type}<" in key
    mentions = {tuple(m) for ent in sample_analysis.entities for m in ent.mentions}
    entity_marks = [m for m in parser.marks if "cg-entity" in m["class"].split() and "cg-cont" not in m["class"]]
    assert len(entity_marks) == len(mentions)
    speakers = {q.speaker for q in sample_analysis.quotes if q.speaker}
    quote_colours = {c for m in parser.marks for c in m["class"].split() if c.startswith("cg-spk-")
                     and "cg-quote" in m["class"].split()}
    assert len(quote_colours) == len(speakers)
    md = render_markdown(sample_analysis)
    assert_tables_regular(md)
    for section_name in ("Entities", "Sources", "Quotes", "Claims", "Quantities", "Times", "Places", "Events",
                         "Flags"):
        assert f"## {section_name} (" in md


def test_real_article_with_markup_characters(analyzer) -> None:
    """A wire-style article whose text and names carry <, & and quotes: escaped everywhere, text intact."""
    from claimgraph.ingest import Article
    from claimgraph.meta import DocMeta

    text = (
        "BEIRUT (Reuters) - Fighters from the \"Army of <Islam>\" & allied groups said on Tuesday they had "
        "captured two villages near Aleppo, while the Syrian Observatory for Human Rights said at least 14 "
        "people were killed.\n\n"
        "“We will not <script>retreat</script>,” a commander told Reuters by phone. "
        "O'Neill & Partners, a consultancy, said about 300 families fled toward Turkey."
    )
    meta = DocMeta(title="Rebels <b>seize</b> & \"hold\" villages", outlet="Reuters", authors=["Jane O'Neill"])
    analysis = analyzer.analyze_article(Article(text=text, meta=meta))
    html = render_html(analysis)
    parser = parse(html)
    assert parser.scripts == 0 and "<script>" not in html and "<Islam>" not in html
    assert "".join(parser.article_text) == analysis.document.text == text
    assert "&lt;b&gt;seize&lt;/b&gt;" in html
    md = render_markdown(analysis)
    assert re.search(r"(?<!\\)<", md) is None
    assert_tables_regular(md)


ARTICLES = sorted(
    p for p in (Path(__file__).parent / "fixtures" / "articles").glob("*") if p.suffix in (".txt", ".html")
)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_reports_of_real_articles(path: Path) -> None:
    """Real article structures (wire, Guardian-style, HTML pages): text intact, one mark per distinct span."""
    import claimgraph

    analysis = claimgraph.analyze(path.read_text(encoding="utf-8"))
    html = render_html(analysis)
    parser = parse(html)
    assert "".join(parser.article_text) == analysis.document.text
    n = len(analysis.document.text)
    expected = {
        "entity": {tuple(m) for ent in analysis.entities for m in ent.mentions if 0 <= m[0] < m[1] <= n},
        "quote": {tuple(q.span) for q in analysis.quotes},
        "quantity": {tuple(q.span) for q in analysis.quantities},
        "time": {tuple(t.span) for t in analysis.times},
        "place": {tuple(m) for p in analysis.places for m in p.mentions if 0 <= m[0] < m[1] <= n},
        "event": {tuple(v.span) for v in analysis.events},
    }
    for kind, spans in expected.items():
        starts = [m for m in parser.marks if f"cg-{kind}" in m["class"].split() and "cg-cont" not in m["class"]]
        assert len(starts) >= len(spans), kind
    md = render_markdown(analysis)
    assert_tables_regular(md)
    assert re.search(r"(?<!\\)<", md) is None
