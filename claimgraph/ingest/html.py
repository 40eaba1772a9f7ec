"""HTML pages -> main text and metadata, through trafilatura (with a plain lxml fallback).

trafilatura finds the article body and reads title, author, date and site name from <meta>, OpenGraph and
JSON-LD. Pages it cannot make sense of (broken markup, very short bodies) fall back to lxml's text of the
<body>, so malformed HTML still gives text or a clear error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from claimgraph.errors import EmptyInputError
from claimgraph.ingest.furniture import drop_furniture
from claimgraph.ingest.page import PageMeta, read_page_meta

_HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<meta\s|<p[\s>]|<div[\s>]|<title>"
    r"|<h[1-6][\s>]|<br\s*/?>|<span[\s>]|<a\s+href",
    re.I,
)


def looks_like_html(source: str) -> bool:
    """True when the text is markup rather than prose (a pasted page, not an article quoting a tag)."""
    head = source[:5000]
    stripped = head.lstrip()
    if stripped[:15].lower().startswith(("<!doctype", "<html", "<?xml")):
        return True
    hits = len(_HTML_HINT.findall(head))
    return hits >= 3 or (hits >= 1 and stripped.startswith("<"))


@dataclass
class HtmlResult:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: where `published` was read ("json-ld datePublished", "meta article:published_time", "url", ...)
    published_source: str | None = None
    warnings: list[str] = field(default_factory=list)


def _split_authors(value: str | None) -> list[str]:
    """Names from a page's author field, without placeholders ("Staff reporter", "Agencies")."""
    if not value:
        return []
    from claimgraph.ingest.header import generic_author

    parts = re.split(r"\s*;\s*|\s*,\s*|\s+and\s+", value)
    return [p.strip() for p in parts if p.strip() and not generic_author(p)]


def _jsonld(source: str, key: str) -> str | None:
    """A field of the page's JSON-LD (datePublished, url, ...), which trafilatura may rank below others."""
    for m in re.finditer(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", source, re.S | re.I):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                value = node.get(key)
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str) and value.strip():
                    return value.strip()
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return None


def _meta_published(source: str) -> str | None:
    m = re.search(
        r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|pubdate|"
        r"publish-date|date|DC\.date\.issued|sailthru\.date|og:published_time)[\"'][^>]*>",
        source, re.I)
    if m:
        c = re.search(r"content=[\"']([^\"']+)[\"']", m.group(0), re.I)
        if c:
            return c.group(1)
    return _jsonld(source, "datePublished")


def _parser():
    import lxml.html

    # huge_tree lifts libxml2's nesting limit of 255 elements, past which the default parser silently drops the
    # rest of the page (an article inside 254 nested <div>s came out empty); the other options are trafilatura's
    return lxml.html.HTMLParser(huge_tree=True, collect_ids=False, default_doctype=False, remove_comments=True,
                                remove_pis=True)


def _parse(source: str):
    """The page's lxml tree (None when lxml cannot parse it), without libxml2's depth limit."""
    import lxml.etree
    import lxml.html

    try:
        try:
            return lxml.html.fromstring(source, parser=_parser())
        except ValueError:  # "Unicode strings with encoding declaration are not supported"
            return lxml.html.fromstring(source.encode("utf-8", "surrogatepass"), parser=_parser())
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None


#: characters XML cannot hold (C0 controls but tab, newline, carriage return): lxml parses them but raises
#: ValueError when moving text that holds one (drop_tree of a <script> before "\x1f", found by the ingest fuzz)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _fallback_text(source: str) -> str:
    source = _NOT_XML.sub(" ", source)
    tree = _parse(source)
    if tree is None:
        return re.sub(r"<[^>]*>", " ", source)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        try:
            bad.drop_tree()
        except ValueError:  # text lxml will not move: fall back to the markup-stripped page
            return re.sub(r"<[^>]*>", " ", source)
    body = tree.find(".//body")
    node = body if body is not None else tree
    blocks = []
    for el in node.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    text = "\n\n".join(blocks) if blocks else "\n".join(
        line.strip() for line in node.text_content().splitlines() if line.strip())
    if len(_TAG.findall(text)) >= 3:
        # markup swallowed as text (an unclosed <title> or <script>): strip the tags instead
        return _strip_tags(source)
    return text


_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")


def _strip_tags(source: str) -> str:
    import html as html_lib

    source = re.sub(r"<(script|style|noscript)\b[^>]*>.*?(</\1\s*>|$)", " ", source, flags=re.S | re.I)
    source = re.sub(r"<head\b[^>]*>.*?</head\s*>", " ", source, flags=re.S | re.I)
    source = re.sub(r"<title\b[^>]*>[^<\n]*", " ", source, flags=re.I)
    source = re.sub(r"</?(?:p|div|br|li|h[1-6]|tr|table|article|section|blockquote)\b[^>]*>", "\n", source,
                    flags=re.I)
    text = html_lib.unescape(_TAG.sub("", source))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def extract_html(source: str, *, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page. Raise EmptyInputError when it holds no text at all."""
    import trafilatura
    from trafilatura.settings import use_config

    warnings: list[str] = []
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")      # no signals: safe in threads and workers
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    doc = None
    tree = _parse(source)
    page = tree if tree is not None and len(tree) else source
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_recall=True, config=config,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted errors on broken markup
        warnings.append(f"HTML extraction failed ({type(exc).__name__}); used the page's plain text")
    data: dict = {}
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        text = _fallback_text(source).strip()
        if text and not warnings:
            warnings.append("no article body found in the HTML; used all of the page's text")
    if not text:
        raise EmptyInputError("the HTML page holds no readable text: check it is the article page, not a "
                              "script-only shell (save the rendered page) or pass the article as text")
    # one blank line between paragraphs, as in plain-text articles, so a headline or paragraph without final
    # punctuation does not run into the next sentence
    text = re.sub(r"[ \t]*\n\s*", "\n\n", text)
    meta = _page_meta(source, url, data)
    body, _dropped = drop_furniture(text, meta.title if meta is not None else data.get("title"))
    if body.strip():
        text = body
    if meta is not None:
        return HtmlResult(text=text, title=meta.title, authors=meta.authors, published=meta.published,
                          outlet=meta.outlet, url=meta.url, published_source=meta.published_source,
                          warnings=warnings)
    published = _meta_published(source) or data.get("date")
    return HtmlResult(
        text=text,
        title=(data.get("title") or None),
        authors=_split_authors(data.get("author")),
        published=published,
        outlet=(data.get("sitename") or None),
        url=(url or data.get("url") or _jsonld(source, "url") or _jsonld(source, "mainEntityOfPage") or None),
        published_source="page metadata" if published else None,
        warnings=warnings,
    )


def _page_meta(source: str, url: str | None, data: dict) -> PageMeta | None:
    """The page's own metadata (JSON-LD, OpenGraph, <title>, <h1>, byline), trafilatura's as the fallback."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(source)
    except (ValueError, lxml.etree.ParserError):
        return None
    return read_page_meta(tree, url=url, fallback=data)
