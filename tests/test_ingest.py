"""Ingest: header metadata of real article structures, exact text, encodings and bad input."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedLanguageError,
)
from claimgraph.ingest import Article, BadRecordError, decode_bytes, prepare, read_path
from claimgraph.ingest.dates import match_date, parse_iso
from claimgraph.ingest.header import footer_authors, parse_byline, parse_header

ARTICLES = FIXTURES / "articles"
CASES = sorted(p for p in ARTICLES.iterdir() if p.suffix in {".txt", ".html"})
META_KEYS = ("title", "outlet", "authors", "dateline", "published", "url")

ENGLISH = (
    "Government forces shelled the rebel-held town on Sunday, killing at least three people and wounding "
    "a dozen others, a monitoring group said. Residents said the bombardment had continued through the night "
    "and that many families had fled towards the border."
)


def one(path: str | Path, **kw) -> Article | InputError:
    items = list(read_path(path, **kw))
    assert len(items) == 1
    return items[0]


def assert_one_line(exc: BaseException) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg
    assert ":" in msg               # what went wrong: what to do
    return msg


# --- metadata of every fixture -------------------------------------------------------------------------

@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_metadata(path: Path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article = one(path)
    assert isinstance(article, Article), article
    got = {k: getattr(article.meta, k) for k in META_KEYS}
    assert got == {k: expected.get(k) for k in META_KEYS}
    assert article.meta.language == "en"


@pytest.mark.parametrize("path", [p for p in CASES if p.suffix == ".txt"], ids=lambda p: p.name)
def test_plain_text_is_kept_exactly_and_header_spans_index_it(path: Path):
    raw = path.read_text(encoding="utf-8")
    article = one(path)
    assert article.text == unicodedata.normalize("NFC", raw)
    h = article.header
    assert h is not None
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    # the header finds a title and a dateline exactly when the fixture has them, at spans that index the text
    found = (h.title is not None, h.dateline is not None)
    assert found == (bool(expected.get("title")), bool(expected.get("dateline")))
    assert h.title is None or article.text[slice(*h.title_span)] == h.title
    assert h.dateline is None or article.text[slice(*h.dateline_span)] == h.dateline
    byline = article.text[slice(*h.byline_span)] if h.byline_span is not None else ""
    assert all(a in byline for a in h.authors)
    assert 0 <= h.body_start < len(article.text)


def test_seed_article_acceptance():
    article = one(SAMPLE)
    meta = article.meta
    assert meta.outlet == "SouthFront"
    assert meta.authors == ["Mario Andrijasevic"]
    assert meta.dateline == "JUNE 2023"
    assert meta.published == "2023-06"
    first_lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert meta.title == first_lines[1]
    assert article.header.standfirst == first_lines[2]
    assert article.text.startswith("JUNE 2023")          # header lines stay in the text
    assert article.text[article.header.body_start:].startswith("The independent news organization")


def test_html_title_is_analysed_with_the_body():
    article = one(ARTICLES / "html-opengraph.html")
    assert article.text.startswith(article.meta.title + "\n\n")
    assert "window.dataLayer" not in article.text and "All rights reserved" not in article.text
    assert "“Families are sleeping in the open" in article.text


# --- header rules on lines of real structure ----------------------------------------------------------

@pytest.mark.parametrize(
    "line, authors, outlet",
    [
        ("By Tom Pelling, Ellen Farrow", ["Tom Pelling", "Ellen Farrow"], None),
        ("By Hwaida Saad and Rick Gladstone", ["Hwaida Saad", "Rick Gladstone"], None),
        ("Written by Mario Andrijasevic exclusively for SouthFront", ["Mario Andrijasevic"], "SouthFront"),
        ("Suleiman al-Rawi | Reuters", ["Suleiman al-Rawi"], "Reuters"),
        ("By Ahmed Tolba | Reuters", ["Ahmed Tolba"], "Reuters"),
        ("By ZEINA KHOURY, Associated Press", ["ZEINA KHOURY"], "Associated Press"),
        ("By Anne Whitlock, The New York Times", ["Anne Whitlock"], "The New York Times"),
        ("Kareem Sharif in Istanbul", ["Kareem Sharif"], None),
        ("by Youssef Diab in Beirut", ["Youssef Diab"], None),
        ("By AFP", [], "AFP"),
    ],
)
def test_bylines(line, authors, outlet):
    assert parse_byline(line) == (authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the week, the army had retaken the town.",
        "By Tuesday",
        "Rebels in Aleppo",                    # "X in Y" but X is no name
        "The army said it was advancing in Idlib",
        "Middle East Eye | Reuters and AFP contributed",
    ],
)
def test_sentences_are_not_bylines(line):
    assert parse_byline(line) is None


def test_bare_names_are_a_byline_only_under_a_headline():
    assert parse_byline("Tom Miles, Stephanie Nebehay") is None
    assert parse_byline("Tom Miles, Stephanie Nebehay", after_title=True) == (["Tom Miles", "Stephanie Nebehay"], None)
    assert parse_byline("Middle East Eye", after_title=True) is None


@pytest.mark.parametrize(
    "text, printed, iso",
    [
        ("JUNE 2023", "JUNE 2023", "2023-06"),
        ("Wed 19 Apr 2017 13.47 BST", "Wed 19 Apr 2017", "2017-04-19"),
        ("3 December 2015", "3 December 2015", "2015-12-03"),
        ("Wednesday 07 December 2016 135 Civilians Killed", "Wednesday 07 December 2016", "2016-12-07"),
        ("April 5, 2017 / 10:12 AM / 7 years ago", "April 5, 2017", "2017-04-05"),
        ("Fri Sep 27 2013 Bomb blast kills 60", "Fri Sep 27 2013", "2013-09-27"),
        ("24.08.2013 Syrian state media", "24.08.2013", "2013-08-24"),
        ("2018-02-08T14:05:00Z", "2018-02-08T14:05:00Z", "2018-02-08"),
    ],
)
def test_printed_dates(text, printed, iso):
    d = match_date(text)
    assert d is not None and d.text == printed and d.iso == iso


@pytest.mark.parametrize("text", ["31 February 2017", "Apr 232017", "2017 112 people", "June", "12/07/2016"])
def test_not_dates(text):
    assert match_date(text) is None


def test_parse_iso_keeps_precision():
    assert parse_iso("2023-06") == "2023-06"
    assert parse_iso("2017") == "2017"
    assert parse_iso("2019-12-18T08:30:00+00:00") == "2019-12-18"
    assert parse_iso("April 5, 2017") == "2017-04-05"
    assert parse_iso("sometime") is None


@pytest.mark.parametrize(
    "first, dateline, outlet, published",
    [
        ("LONDON (Reuters) - Britain said on Monday", "LONDON (Reuters)", "Reuters", None),
        ("BEIRUT (AP) — Syrian troops advanced", "BEIRUT (AP)", "AP", None),
        ("WASHINGTON, April 5 (Reuters) - The United States said", "WASHINGTON, April 5 (Reuters)", "Reuters", None),
        ("GENEVA, Jan 12, 2016 (AFP) - Talks resumed", "GENEVA, Jan 12, 2016 (AFP)", "AFP", "2016-01-12"),
        ("Beirut (AFP) - Air strikes killed", "Beirut (AFP)", "AFP", None),
        ("NEWPORT NEWS, Va. - In a tradition he has kept", "NEWPORT NEWS, Va.", None, None),
    ],
)
def test_wire_datelines(first, dateline, outlet, published):
    h = parse_header(f"Headline of the story\n\n{first} for years, officials said.\n\nMore text follows here.")
    assert (h.dateline, h.outlet, h.published) == (dateline, outlet, published)
    assert h.title == "Headline of the story"


def test_a_short_lead_paragraph_is_not_a_headline():
    lead = "Rebels shelled the town on Sunday, killing three people, a monitoring group said."
    h = parse_header(f"{lead}\n\n{ENGLISH}")
    assert h.title is None and h.body_start == 0
    long_lead = ENGLISH.split(". ")[0] + "."
    assert parse_header(f"{long_lead}\n\n{ENGLISH}").title is None
    h = parse_header(f"Virginian could make history. Again.\n\n{ENGLISH}")
    assert h.title == "Virginian could make history. Again."


def test_standfirst_between_headline_and_wire_dateline():
    h = parse_header("Strikes hit Idlib market\n\nRescuers dig through rubble as toll rises.\n\n"
                     f"BEIRUT (AP) — {ENGLISH}")
    assert h.title == "Strikes hit Idlib market"
    assert h.standfirst == "Rescuers dig through rubble as toll rises."
    assert (h.dateline, h.outlet, h.place) == ("BEIRUT (AP)", "AP", "BEIRUT")


def test_body_sentence_with_a_dash_is_no_dateline():
    h = parse_header("Syria - the war that never ends\n\nIt began in 2011 with protests in Deraa.")
    assert h.dateline is None and h.outlet is None


def test_wire_footer_authors_exclude_editors_and_additional_reporting():
    text = ENGLISH + "\n\n(Reporting by Marta Oyelaran; Additional reporting by Piet Vandersloot; Editing by Ruth Cole)"
    assert footer_authors(text) == ["Marta Oyelaran"]
    assert footer_authors(ENGLISH + " The figures were reported by state media in Damascus.") == []


def test_kicker_above_headline_is_skipped():
    h = parse_header((ARTICLES / "guardian-style.txt").read_text(encoding="utf-8"))
    assert h.title.startswith("Evacuation of besieged")
    assert h.standfirst.startswith("Buses carrying thousands")
    assert h.updated is None or h.updated == "2017-04-19"


def test_overrides_win():
    article = prepare(SAMPLE.read_text(encoding="utf-8"), title="T", outlet="O", authors=["A B"],
                      url="https://x.example/a", published="2015-12-03")
    m = article.meta
    assert (m.title, m.outlet, m.authors, m.url, m.published) == ("T", "O", ["A B"], "https://x.example/a",
                                                                   "2015-12-03")
    assert m.dateline == "JUNE 2023"          # not overridden: kept as printed
    with pytest.raises(InputError) as exc:
        prepare(ENGLISH, published="last Tuesday")
    assert_one_line(exc.value)


def test_text_is_nfc_and_otherwise_untouched():
    decomposed = ("Ozdemir said the cafe\u0301 in So\u0308ke was hit \u2014 \u201cagain\u201d \u2013 "
                  "on 90\u00b4s-era maps.\r\n")
    article = prepare(decomposed + ENGLISH)
    assert article.text == unicodedata.normalize("NFC", decomposed + ENGLISH)
    assert "café" in article.text and "Söke" in article.text
    assert "\u2014 \u201cagain\u201d \u2013" in article.text and "\r\n" in article.text


# --- encodings -------------------------------------------------------------------------------------------

SAMPLE_TEXT = "Kürşat said the café — “near Göktürk” — was shelled; naïve façade."


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_unicode_encodings(codec):
    text, warning = decode_bytes(SAMPLE_TEXT.encode(codec))
    assert text == SAMPLE_TEXT
    assert warning is None if codec.startswith("utf-8") else "UTF-" in warning


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_decode_legacy_western_encodings(codec):
    english = "Rebels said the café and the naïve façade of the old souk were hit again; “nobody” was safe."
    if codec == "latin-1":
        english = english.replace("“", '"').replace("”", '"')
    text, warning = decode_bytes(english.encode(codec))
    assert text == english
    assert warning and "not UTF-8" in warning


def test_short_latin1_paragraph_is_not_taken_for_a_baltic_or_mac_encoding():
    # charset-normalizer alone guesses cp775 for this paragraph
    text = ("Syrian troops entered the café district of Aleppo on Monday, residents said, and the naïve "
            "façade of the old souk was hit again by shelling that lasted through the night.")
    assert decode_bytes(text.encode("latin-1"))[0] == text


def test_html_declared_charset_is_honoured_when_bytes_are_not_utf8():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
            "<body><p>Правительство заявило во вторник</p></body></html>")
    text, warning = decode_bytes(page.encode("cp1251"))
    assert text == page and "windows-1251" in warning


def test_cyrillic_legacy_encoding_is_decoded_then_refused_as_non_english():
    text = "Правительство заявило во вторник, что силы безопасности были развернуты в регионе " * 3
    decoded, warning = decode_bytes(text.encode("cp1251"))
    assert decoded == text and "cp1251" in warning
    with pytest.raises(UnsupportedLanguageError):
        prepare(decoded)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"PK\x03\x04\x14\x00\x06\x00", b"\x89PNG\r\n\x1a\n\x00\x00",
     bytes(range(256)) * 8, b"\x00\x01\x02\x03\xff\xfe\xfd" * 100],
)
def test_binary_is_refused(data):
    with pytest.raises(BinaryInputError) as exc:
        decode_bytes(data)
    assert_one_line(exc.value)


def test_random_bytes_are_binary():
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(20000))
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


# --- bad input through read_path (files generated here, never committed) -------------------------------

def test_empty_and_blank_files(tmp_path):
    for name, payload in [("empty.txt", b""), ("blank.txt", b" \n\t\n"), ("bom.txt", b"\xef\xbb\xbf")]:
        p = tmp_path / name
        p.write_bytes(payload)
        result = one(p)
        assert isinstance(result, EmptyInputError), result
        assert str(p) in assert_one_line(result)


def test_binary_file(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 10)
    result = one(p)
    assert isinstance(result, BinaryInputError)
    assert "pdftotext" in assert_one_line(result)


def test_50_mb_file_fails_fast_on_size(tmp_path):
    p = tmp_path / "huge.txt"
    line = (ENGLISH + "\n").encode()
    with p.open("wb") as fh:
        fh.seek(50 * 1024 * 1024 - len(line))   # sparse: 50 MB without writing 50 MB
        fh.write(line)
    result = one(p)  # how fast it refuses is measured by bench/load_times.py
    assert isinstance(result, InputTooLargeError)
    assert "max_chars" in assert_one_line(result)


def test_max_chars_is_a_characters_limit_and_overridable(tmp_path):
    text = (ENGLISH + "\n\n") * 20
    with pytest.raises(InputTooLargeError):
        prepare(text, max_chars=1000)
    assert prepare(text, max_chars=len(text)).text == text
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    assert isinstance(one(p, max_chars=1000), InputTooLargeError)
    assert isinstance(one(p), Article)


def test_latin1_file_is_read_with_a_warning(tmp_path):
    text = "Syrian troops entered the café district of Aleppo, residents said. " + ENGLISH
    p = tmp_path / "latin1.txt"
    p.write_bytes(text.encode("latin-1"))
    article = one(p)
    assert isinstance(article, Article)
    assert article.text == text
    assert article.warnings and "not UTF-8" in article.warnings[0]


def test_utf16_file_is_read(tmp_path):
    text = "JUNE 2023\n\nTurkmen fighters say they face “constant” air strikes\n\n" + ENGLISH
    for codec in ("utf-16", "utf-16-le"):
        p = tmp_path / f"{codec}.txt"
        p.write_bytes(text.encode(codec))
        article = one(p)
        assert isinstance(article, Article), article
        assert article.text == text
        assert article.meta.published == "2023-06"
        assert article.warnings


@pytest.mark.parametrize(
    "text, language",
    [
        ("Le gouvernement a annoncé mardi que les forces de sécurité ont été déployées dans la région pour "
         "protéger les habitants et les infrastructures de la ville contre les attaques des groupes armés qui "
         "sont actifs depuis plusieurs mois.", "French"),
        ("Die Regierung hat am Montag angekündigt, dass die Truppen in der Region bleiben werden, weil die "
         "Angriffe der bewaffneten Gruppen in den letzten Wochen stark zugenommen haben und die Lage für die "
         "Bevölkerung sehr schwierig ist.", "German"),
        ("El gobierno anunció el martes que las fuerzas de seguridad fueron desplegadas en la región para "
         "proteger a los habitantes de la ciudad contra los ataques de los grupos armados que están activos "
         "desde hace varios meses en la zona.", "Spanish"),
        ("أعلنت الحكومة السورية يوم الثلاثاء أن قوات الأمن انتشرت في المنطقة لحماية السكان والبنية التحتية "
         "للمدينة من هجمات الجماعات المسلحة التي تنشط منذ عدة أشهر في المنطقة الشمالية من البلاد", "Arabic"),
        ("Правительство заявило во вторник, что силы безопасности были развернуты в регионе для защиты "
         "жителей города от нападений вооруженных группировок, которые действуют там уже несколько месяцев.",
         "Cyrillic"),
    ],
)
def test_non_english_is_refused(tmp_path, text, language):
    with pytest.raises(UnsupportedLanguageError) as exc:
        prepare(text)
    assert language in assert_one_line(exc.value)
    p = tmp_path / "foreign.txt"
    p.write_text(text, encoding="utf-8")
    assert isinstance(one(p), UnsupportedLanguageError)


@pytest.mark.parametrize(
    "text",
    [
        # scraped without punctuation, as in FA-KES; full of Arabic names
        "Sun 16 Apr 2017 The death toll from a bomb blast on a crowded bus convoy outside Aleppo reached at "
        "least 112 people the Syrian Observatory for Human Rights said on Sunday Rescue workers said they "
        "had carted away bodies from the site in al-Rashidin",
        # an English report quoting a French official at length
        "French Foreign Minister Jean-Marc Ayrault said on Tuesday: \"La France ne restera pas les bras croisés "
        "face à ces crimes.\" He told reporters in Paris that his government would push for a new resolution "
        "at the United Nations Security Council, and that the evidence pointed to the Syrian government.",
        # a short headline-only text: too short to judge, let through
        "Assad forces retake Palmyra",
    ],
)
def test_english_with_noise_and_foreign_quotes_passes(text):
    assert prepare(text).meta.language == "en"


def test_malformed_html_gives_text_or_a_clear_error(tmp_path):
    # an unclosed <title> swallows the page in a strict parser
    broken = ("<html><head><title>Shelling hits market\n<body><p>Shelling hit a crowded market in Douma on "
              "Monday, killing at least nine civilians, rescue workers said.<p>The Syrian Civil Defence said its "
              "teams pulled several people alive from the rubble.</html>")
    article = prepare(broken)
    assert "Shelling hit a crowded market in Douma" in article.text
    assert "<p>" not in article.text and "<body>" not in article.text
    # a page that holds no text at all
    p = tmp_path / "shell.html"
    p.write_text("<html><head><script>var app = 1;</script></head><body><div id='root'></div></body></html>")
    result = one(p)
    assert isinstance(result, EmptyInputError)
    assert_one_line(result)
    # truncated mid-tag
    article = prepare("<html><body><p>" + ENGLISH + "</p><p>Residents said the sh")
    assert "monitoring group said" in article.text


def test_html_detection_does_not_fire_on_prose_mentioning_tags():
    text = ENGLISH + " Activists posted a <b> tag-laden page online."
    assert prepare(text).text == text


def test_jsonl_batch_with_bad_lines_goes_on(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": ENGLISH, "title": "Shelling", "outlet": "SANA", "authors": ["Hazem Sabbagh"],
                    "published": "2016-11-08"}),
        '{"text": "unterminated',
        "",
        json.dumps({"html": "<html><body><p>" + ENGLISH + "</p></body></html>", "url": "https://x.example/2"}),
        json.dumps({"title": "no text here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": ""}),
        json.dumps({"text": "JUNE 2023\n\nHeadline of a dated story\n\n" + ENGLISH}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(p, outlet="Batch Outlet"))
    assert len(results) == 7                   # the blank line is skipped, every other line reported
    ok = [r for r in results if isinstance(r, Article)]
    bad = [r for r in results if isinstance(r, InputError)]
    assert len(ok) == 3 and len(bad) == 4
    assert ok[0].meta.title == "Shelling" and ok[0].meta.authors == ["Hazem Sabbagh"]
    assert ok[0].meta.published == "2016-11-08"
    assert all(a.meta.outlet == "Batch Outlet" for a in ok)      # the caller's override wins
    assert ok[1].meta.url == "https://x.example/2"
    assert ok[2].meta.published == "2023-06" and ok[0].origin == f"{p}:1"
    for r, line_no in zip(bad, (2, 5, 6, 7), strict=True):
        assert f"line {line_no}:" in assert_one_line(r)
    assert isinstance(bad[0], BadRecordError) and isinstance(bad[3], EmptyInputError)


def test_jsonl_line_too_long_is_skipped_not_loaded(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"text": "x " * 3000}) + "\n" + json.dumps({"text": ENGLISH}) + "\n")
    results = list(read_path(p, max_chars=1000))
    assert isinstance(results[0], InputTooLargeError | BadRecordError)
    assert isinstance(results[1], Article)


def test_json_file_with_one_record_or_a_list(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"text": ENGLISH, "outlet": "SANA"}), encoding="utf-8")
    assert one(p).meta.outlet == "SANA"
    p = tmp_path / "list.json"
    p.write_text(json.dumps([{"text": ENGLISH}, {"txt": ENGLISH}]), encoding="utf-8")
    results = list(read_path(p))
    assert isinstance(results[0], Article)
    assert "item 2:" in assert_one_line(results[1])
    p = tmp_path / "broken.json"
    p.write_text('{"text": ', encoding="utf-8")
    assert "JSON" in assert_one_line(one(p))


def test_stdin(monkeypatch):
    data = ("LONDON (Reuters) - " + ENGLISH).encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = one("-")
    assert isinstance(article, Article)
    assert article.meta.outlet == "Reuters" and article.text.startswith("LONDON (Reuters) - ")


def test_missing_path_and_directory(tmp_path):
    assert "no such file" in assert_one_line(one(tmp_path / "nope.txt"))
    assert "directory" in assert_one_line(one(tmp_path))


# --- never crash; spans always index the text ---------------------------------------------------------

_header_lines = st.sampled_from([
    "JUNE 2023", "Wed 19 Apr 2017 13.47 BST", "By Tom Pelling, Ellen Farrow", "Kareem Sharif in Istanbul",
    "Written by Ana Silva exclusively for Levant Observer", "Syria", "3 Min Read", "Suleiman al-Rawi | Reuters",
    "Rebels retake town near Hama", "LONDON (Reuters) - Britain said", "Published July 5 2015 Air strikes hit",
    "", "—", "By", "(Reuters)", "April 5, 2017 / 10:12 AM",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_header_lines, st.text(max_size=60)), min_size=1, max_size=8))
def test_header_parser_never_crashes_and_spans_are_exact(parts):
    text = "\n".join(parts) + "\n" + ENGLISH
    h = parse_header(text)
    for value, span in ((h.title, h.title_span), (h.dateline, h.dateline_span)):
        assert value is None or text[span[0]:span[1]] == value
    assert 0 <= h.body_start <= len(text)
    try:
        prepare(text)
    except InputError as exc:
        assert_one_line(exc)


def test_the_language_check_reads_stop_words_without_loading_other_languages() -> None:
    """Importing spacy.lang.fr (and ten others) compiles their tokenizer exceptions: ~2 s of CPU that the first
    non-English-looking document (a table, a list of names, hostile input) used to pay."""
    import subprocess
    import sys

    code = ("import sys\nfrom claimgraph.errors import UnsupportedLanguageError\n"
            "from claimgraph.ingest.language import check_english\n"
            "try:\n    check_english('Le gouvernement a annoncé que les forces de sécurité avaient été déployées "
            "dans la ville après les manifestations de la semaine dernière, selon le ministre de la défense.')\n"
            "except UnsupportedLanguageError as e:\n    print('refused:', e)\n"
            "from claimgraph.ingest.language import _OTHERS\n"
            "print(sorted(m for m in sys.modules if m.startswith('spacy.lang.') and m.split('.')[2] in _OTHERS))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "refused: the text looks like French" in out
    assert out.strip().endswith("[]"), out
