"""Real-page metadata and furniture: headline without site name, outlet as a name, people as authors,
the page's own publication date with its source, and what is not the article left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.ingest import prepare
from claimgraph.ingest.page import parse_byline

ROOT = Path(__file__).resolve().parents[1]
BODY = (
    "<p>Police in Basseterre said on Tuesday that two men had been arrested after a shooting near the port "
    "left one person dead and three wounded.</p>"
    "<p>The Commissioner of Police told reporters that the investigation was continuing and that officers "
    "were looking for a third suspect who fled in a grey car.</p>"
    "<p>Residents said the area had been tense for weeks, with several robberies reported since the start "
    "of the month, and called for more patrols at night.</p>"
)


def page(head: str = "", before: str = "", after: str = "", body: str = BODY) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
            f"<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            f"<article>{before}<div class='article-body'>{body}</div>{after}</article>"
            "<footer class='site-footer'><p>Contact us: +1 869 555 0100</p><p>© 2020 Observer Media</p></footer>"
            "</body></html>")


def test_the_title_loses_the_site_name_and_the_h1_wins():
    html = page(
        "<title>Two arrested after port shooting - The St Kitts Nevis Observer</title>"
        "<meta property='og:site_name' content='The St Kitts Nevis Observer'>",
        before="<h1>Two arrested after port shooting</h1>",
    )
    meta = prepare(html).meta
    assert meta.title == "Two arrested after port shooting"
    assert meta.outlet == "The St Kitts Nevis Observer"


def test_a_cms_name_is_never_the_title():
    html = page("<title>escenic</title><meta property='og:title' content='escenic'>",
                before="<h1>Two arrested after port shooting</h1>")
    assert prepare(html).meta.title == "Two arrested after port shooting"


def test_the_outlet_is_the_name_without_tagline_or_handle():
    html = page("<title>Two arrested | LinkNaija</title>"
                "<meta property='og:site_name' content=\"LinkNaija | Nigeria's popular news platform\">")
    assert prepare(html).meta.outlet == "LinkNaija"
    html = page("<title>Two arrested - cleveland.com</title><meta property='og:site_name' content='cleveland'>")
    assert prepare(html).meta.outlet == "cleveland.com"


def test_json_ld_gives_headline_people_and_date_but_not_organisations():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Two arrested after port shooting",
          "author": [{"@type": "Person", "name": "Dana Hill"}, {"@type": "Organization", "name": "Observer"}],
          "publisher": {"@type": "Organization", "name": "The Observer"},
          "datePublished": "2020-02-03T22:15:00-05:00"}
    html = page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
                "<title>Two arrested after port shooting | The Observer</title>")
    article = prepare(html)
    assert article.meta.title == "Two arrested after port shooting"
    assert article.meta.authors == ["Dana Hill"]
    assert article.meta.outlet == "The Observer"
    # the date as the page gives it (its own offset), and where it was read
    assert article.meta.published == "2020-02-03"
    assert article.meta.published_source == "json-ld datePublished"


@pytest.mark.parametrize(
    "byline, people",
    [
        ("By Editorial Staff", []),
        ("CBS News February 3, 2020, 10:15 AM", []),
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("By Sandee LaMotte, CNN 1 day ago", ["Sandee LaMotte"]),
        ("Rachael Link, MS, RD", ["Rachael Link"]),
        ("By Lia Eustachewich and Yaron Steinbuch", ["Lia Eustachewich", "Yaron Steinbuch"]),
        ("by Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read", ["Bryan DeArdo"]),
        ("Staff Reports", []),
        ("PTI, Washington, Nov 20 2019", []),
        ("admin", []),
    ],
)
def test_bylines_give_people_only(byline, people):
    assert parse_byline(byline, ["CBS News"]) == people


def test_a_visible_byline_is_read_and_a_staff_credit_is_not_an_author():
    html = page(before="<h1>Two arrested</h1><p class='byline'>By Editorial Staff</p>")
    assert prepare(html).meta.authors == []
    html = page(before="<h1>Two arrested</h1><div class='article-byline'>By Dana Hill and Omar Said</div>")
    assert prepare(html).meta.authors == ["Dana Hill", "Omar Said"]


def test_the_date_the_page_shows_beats_a_guess_and_keeps_its_source():
    html = page(before="<h1>Two arrested</h1><span class='post-date'>10.06.2013</span>",
                after="<p class='note'>Updated 2019-08-01</p>")
    meta = prepare(html).meta
    assert meta.published == "2013-06-10"
    assert meta.published_source == "date element"
    html = page(before="<h1>Two arrested</h1><p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>")
    meta = prepare(html).meta
    assert (meta.published, meta.published_source) == ("2019-11-18", "page text")


def test_the_published_source_reaches_the_contract():
    import claimgraph

    text = claimgraph.analyze((ROOT / "examples" / "southfront-turkmen-mountain.html").read_text(encoding="utf-8"))
    assert text.document.published == "2015-12-03"
    assert text.document.published_source == "json-ld datePublished"
    given = claimgraph.analyze("Police said two men were arrested.", published="2020-01-02")
    assert given.document.published_source == "caller"


def test_the_gold_file_is_well_formed():
    gold = json.loads((ROOT / "tests" / "fixtures" / "pages_gold.json").read_text(encoding="utf-8"))
    assert len(gold["pages"]) >= 80
    for key, entry in gold["pages"].items():
        assert len(key) == 64
        assert entry["title"] and all(isinstance(t, str) and t for t in entry["title"])
        assert entry["outlet"] and all(isinstance(o, str) and o for o in entry["outlet"])
        assert all(isinstance(option, list) for option in entry["authors"])
        assert all(len(p) == 10 and p[4] == "-" for p in entry["published"])


def test_page_furniture_is_dropped_and_a_pull_quote_analysed_once():
    pull = ("The Commissioner of Police told reporters that the investigation was continuing and that officers "
            "were looking for a third suspect who fled in a grey car.")
    body = (BODY
            + f"<p>“{pull[:60]}”</p><blockquote><p>{pull}</p></blockquote>"
            + "<p>Sign up for our newsletter: the day's top stories in your inbox.</p>"
            + "<p>Photo: A police car near the port. (Observer/File)</p>"
            + "<p>Related:</p><p>- Robberies rise in the capital</p><p>- Port workers call for more patrols</p>"
            + "<p>More:</p><p>Harbour reopens after storm</p>"
            + "<p>Contact us: +1 869 555 0100</p><p>© 2020 Observer Media. All rights reserved.</p>")
    article = prepare(page("<title>Two arrested | The Observer</title>", before="<h1>Two arrested</h1>",
                           body=body))
    text = article.text
    assert "Residents said the area had been tense for weeks" in text
    assert text.count("were looking for a third suspect who fled in a grey car") == 1
    for furniture in ("newsletter", "869 555", "Robberies rise", "All rights reserved", "A police car near",
                      "Harbour reopens"):
        assert furniture not in text, furniture


def test_repeated_list_lines_are_not_taken_for_pull_quotes():
    from claimgraph.ingest.furniture import drop_furniture

    text = ("Monday\n\nDrink within 30 minutes after your workout\n\nTuesday\n\n"
            "Drink within 30 minutes after your workout\n\nThe plan was tested by 40 volunteers over a month, "
            "the company said in a statement on Friday.")
    kept, dropped = drop_furniture(text)
    assert kept.count("Drink within 30 minutes") == 2 and not dropped
