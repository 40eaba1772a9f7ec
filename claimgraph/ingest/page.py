"""A web page's own metadata: headline, publication, bylines and publication date, from the page's evidence.

Pages say who published them in several places that disagree: JSON-LD (schema.org NewsArticle), OpenGraph
and other <meta> tags, the <title> (which carries the site's name: "Headline - The Site"), the visible
headline (<h1>) and byline. trafilatura reads some of them; here they are read in order of trust, cleaned
(site suffixes, CMS names, roles and credentials in bylines), and cross-checked (the visible <h1> wins
when a structured headline repeats it with a suffix). The published date keeps its source, so a reader
can tell a JSON-LD timestamp from a date guessed from the page's text.

Knowledge (separators, CMS names, byline roles, credentials) lives in claimgraph/data/ingest_page.json.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.data import read_rows, read_text
from claimgraph.ingest.dates import match_date, parse_iso
from claimgraph.ingest.header import generic_author, is_outlet_like


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return json.loads(read_text("ingest_page.json") or "{}")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    c = cues()
    return {k: frozenset(w.lower() for w in c[k])
            for k in ("cms_names", "author_roles", "author_credentials", "months", "article_types",
                      "non_person_words", "non_person_substrings")}


@lru_cache(maxsize=1)
def _known_outlets() -> frozenset[str]:
    """Names and aliases from outlets.tsv, normalised: agencies and papers never count as authors."""
    names: set[str] = set()
    for row in read_rows("outlets.tsv"):
        canonical, aliases = row[0], (row[1] if len(row) > 1 else "")
        for name in [canonical, *aliases.split("|")]:
            if name.strip():
                names.add(norm(name))
    return frozenset(names)


def norm(value: str) -> str:
    """Letters and digits only, case-folded: "The Hill" ~ "TheHill", "Troy L. Smith" ~ "Troy L Smith"."""
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"^the\s+", "", value)
    return re.sub(r"[\W_]+", "", value)


def _clean(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    value = html_lib.unescape(html_lib.unescape(value)).replace("\xa0", " ")
    return " ".join(value.split())


@dataclass
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    #: where `published` was read: "json-ld datePublished", "meta article:published_time", "url", ...
    published_source: str | None = None
    url: str | None = None


# --------------------------------------------------------------------------------------------------
# reading the page


@dataclass
class _Page:
    meta: dict[str, list[str]]
    ld_articles: list[dict[str, Any]]
    ld_pages: list[dict[str, Any]]
    ld_ids: dict[str, dict[str, Any]]
    title_tag: str
    h1s: list[str]
    tree: Any


def _ld_nodes(tree: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = script.text or ""
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                nodes.append(node)
                graph = node.get("@graph")
                if isinstance(graph, list | dict):
                    stack.append(graph)
    ids = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    return nodes, ids


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).lower() for v in values if v}


def _read(tree: Any) -> _Page:
    meta: dict[str, list[str]] = {}
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = _clean(m.get("content"))
        if key and value:
            meta.setdefault(key, []).append(value)
    nodes, ids = _ld_nodes(tree)
    article_types = _sets()["article_types"]
    articles = [n for n in nodes if _types(n) & article_types and _types(n) - {"webpage", "creativework"}
                and any(k in n for k in ("headline", "author", "datePublished"))]
    pages = [n for n in nodes if _types(n) & {"webpage", "creativework"}]
    titles = tree.xpath("//title")
    title_tag = _clean(titles[0].text_content()) if titles else ""
    h1s = [t for t in (_clean(" ".join(h.itertext())) for h in tree.xpath("//body//h1")) if 3 < len(t) < 300]
    return _Page(meta, articles, pages, ids, title_tag, h1s, tree)


def _first_meta(page: _Page, *keys: str) -> tuple[str, str] | None:
    for key in keys:
        for value in page.meta.get(key, []):
            if value:
                return key, value
    return None


def _resolve(page: _Page, value: Any) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in page.ld_ids:
        return page.ld_ids[value["@id"]]
    return value


def _ld_names(page: _Page, value: Any, *, people: bool) -> list[str]:
    """Names in a JSON-LD author/publisher value; with `people`, organisations are left out."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(page, item)
        if isinstance(item, str):
            out.append(_clean(item))
        elif isinstance(item, dict):
            if people and _types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if _clean(name):
                out.append(_clean(name))
    return [n for n in out if n]


# --------------------------------------------------------------------------------------------------
# title and outlet


def _site_names(page: _Page, url: str | None) -> list[str]:
    names: list[str] = []
    for key in ("og:site_name", "application-name", "twitter:site", "twitter:app:name:iphone"):
        for value in page.meta.get(key, []):
            names.append(value.lstrip("@"))
    for node in page.ld_articles + page.ld_pages:
        names.extend(_ld_names(page, node.get("publisher"), people=False))
    host = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", url or "").split("/")[0]
    if host:
        names.append(host)
        names.append(host.split(".")[0])
    return [n for n in names if norm(n)]


def _is_site(segment: str, sites: list[str]) -> bool:
    n = norm(segment)
    if not n:
        return True
    if n in _sets()["cms_names"]:
        return True
    if re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", segment.strip().lower()):
        return True                                   # "SpaceNews.com", "Express.co.uk"
    for site in sites:
        s = norm(site)
        if len(s) >= 2 and (n == s or (len(n) >= 4 and len(s) >= 4 and (s in n or n in s))):
            return True
    return False


def split_site(title: str, sites: list[str]) -> tuple[str, list[str]]:
    """A headline without the site name(s) around it: ("Headline", ["Site"]) from "Headline | Section | Site"."""
    seps = cues()["title_separators"]
    removed: list[str] = []
    changed = True
    while changed and title:
        changed = False
        for sep in seps:
            if sep not in title:
                continue
            head, _, tail = title.rpartition(sep)
            if head.strip() and _is_site(tail, sites):
                title, changed = head.strip(), True
                removed.append(tail.strip())
                break
            lead, _, rest = title.partition(sep)
            if rest.strip() and _is_site(lead, sites) and len(rest) > len(lead):
                title, changed = rest.strip(), True
                removed.append(lead.strip())
                break
    for site in sites:                                # "LinkNaija | Nigeria's news platform: Headline"
        if len(site) >= 4 and title.lower().startswith(site.lower()) and title[len(site):len(site) + 2].strip()[:1] \
                in {":", "|", "-", "–", "—"}:
            removed.append(site)
            title = title[len(site):].lstrip(" :|-–—")
    return title.strip(), removed


def _usable_title(value: str, sites: list[str]) -> bool:
    """A headline: not a CMS or site name, not markup swallowed by an unclosed <title>, not a paragraph."""
    n = norm(value)
    if not n or len(value) > 400 or re.search(r"</?[a-zA-Z][^<>]{0,300}>", value):
        return False
    return n not in _sets()["cms_names"] and not any(norm(s) == n for s in sites)


def _pick_title(page: _Page, fallback: str | None, sites: list[str]) -> tuple[str | None, list[str]]:
    raw: list[str] = []
    for node in page.ld_articles:
        raw.append(_clean(node.get("headline")))
    for key in ("og:title", "twitter:title"):
        raw.extend(page.meta.get(key, []))
    raw.append(page.title_tag)
    raw.append(_clean(fallback))
    raw = [r for r in raw if r and _usable_title(r, [])]
    cleaned: list[str] = []
    suffixes: list[str] = []
    for r in raw:
        t, removed = split_site(r, sites)
        cleaned.append(t)
        suffixes.extend(removed)
    # the visible headline wins when a structured title repeats it (with a suffix, or cut short)
    for h1 in page.h1s:
        h = norm(h1)
        if len(h) < 8 or not _usable_title(h1, sites):
            continue
        for r in raw + cleaned:
            n = norm(r)
            if n == h or (n.startswith(h) and _is_site(r[len(h1):], sites + suffixes)) or \
                    (len(n) >= 20 and h.startswith(n)) or n.startswith(h) and len(h) >= 0.6 * len(n):
                return h1, suffixes
    for t in cleaned:
        if _usable_title(t, sites):
            return t, suffixes
    return (page.h1s[0] if page.h1s else None), suffixes


def _weak_outlet(name: str) -> bool:
    """A handle or slug rather than a publication's printed name ("cleveland", "nj", "detroitnews")."""
    return (name == name.lower() and " " not in name and "." not in name) or norm(name) in _sets()["cms_names"]


def _outlet_candidates(page: _Page, suffixes: list[str], title: str | None, fallback: str | None) -> list[str]:
    seps = cues()["title_separators"]
    out: list[str] = []
    for value in page.meta.get("og:site_name", []):
        value = value.strip().lstrip("@")
        for sep in seps:                          # "LinkNaija | Nigeria's popular news platform"
            if sep in value:
                value = value.split(sep)[0].strip()
        out.append(value)
    out.extend(suffixes)
    for node in page.ld_articles:
        out.extend(_ld_names(page, node.get("publisher"), people=False))
    out.extend(page.meta.get("application-name", []))
    out.extend(_copyright_holders(page))
    if fallback:
        out.append(fallback)
    tnorm = norm(title or "")
    return [o for o in (_clean(x).lstrip("@") for x in out) if norm(o) and norm(o) != tnorm]


def _copyright_holders(page: _Page) -> list[str]:
    """ "© 2019 Ascom" in a footer: the publisher's own name when nothing else gives it."""
    text = " ".join(page.tree.xpath("//footer//text()")[-200:]) or ""
    if not text.strip():
        text = " ".join(page.tree.xpath("//body//text()")[-400:])
    found = []
    for m in re.finditer(r"(?:©|&copy;|\(c\)|Copyright)\s*(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?)?\s*"
                         r"([A-Z][\w&'’.\- ]{1,40}?)(?=[.,|]|\s+All\b|\s*$|\s{2})", text):
        name = m.group(1).strip(" .-")
        if name and not name.lower().startswith(("all rights", "copyright")):
            found.append(name)
    return found[:1]


def _pick_outlet(candidates: list[str], mastheads: list[str]) -> str | None:
    """The first printed name among the candidates; `mastheads` (title suffixes, JSON-LD publisher) may
    replace a domain-like name ("Spokesman.com" -> "The Spokesman-Review")."""
    if not candidates:
        return None
    strong = [c for c in candidates if not _weak_outlet(c)]
    choice = strong[0] if strong else candidates[0]
    # a nicer spelling of the same name: "Live Science" for "livescience.com", "The Hill" for "TheHill"
    base = _letters(re.sub(r"\.[a-z]{2,}(?:\.[a-z]{2})?$", "", choice)) if choice == choice.lower() \
        else _letters(choice)
    for other in candidates:
        if other != choice and _letters(other) == base and " " in other and not _weak_outlet(other):
            return other
    if _domain_like(choice):                      # "Spokesman.com": the masthead's name when the page gives it
        for other in mastheads:
            if not _domain_like(other) and not _weak_outlet(other):
                return other
    return choice


def _letters(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def _domain_like(value: str) -> bool:
    return bool(re.fullmatch(r"[\w-]+(?:\.[A-Za-z]{2,})+", value.strip()))


# --------------------------------------------------------------------------------------------------
# authors

_BYLINE_CLASS = re.compile(r"(?:^|[-_])(?:byline|by-?line|by|authors?|author-?name|article-?author)(?:[-_]|$)", re.I)
_SKIP_ANCESTOR = re.compile(r"comment|related|sidebar|widget|footer|recommend|popular|trending|promo", re.I)


def _byline_texts(page: _Page) -> list[str]:
    """Texts of the page's byline elements (class/itemprop/rel author), in document order, outside comments."""
    out: list[str] = []
    for el in page.tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "img", "noscript"):
            continue
        classes = (el.get("class") or "").split()
        hit = el.get("itemprop") == "author" or el.get("rel") == "author" or any(
            _BYLINE_CLASS.search(c) and "comment" not in c.lower() for c in classes)
        if not hit:
            continue
        if any(_SKIP_ANCESTOR.search((a.get("class") or "") + " " + (a.get("id") or "")) or a.tag in ("footer", "aside")
               for a in el.iterancestors()):
            continue
        text = _clean(" ".join(el.itertext()))
        if 2 < len(text) < 200:
            out.append(text)
        if len(out) >= 8:
            break
    return out


_CUT = re.compile(
    r"\s*(?:[@|•·]|\d|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)|\b(?:published|posted|updated|last updated|"
    r"first published)\b|\s[-–—]\s)", re.I)
_PREFIX = re.compile(r"^\s*(?:\|\s*)?(?:(?:posted|written|reported|words|story|text)\s+)?by\s*:?\s+", re.I)


def person_name(name: str, outlets: list[str]) -> str | None:
    """The name if it reads as a person's, else None (outlets, agencies, roles, placeholders, handles)."""
    sets = _sets()
    name = name.strip(" ,.;:-–—|")
    toks = name.split()
    while toks and toks[-1].lower().strip(".,") in sets["months"] | sets["author_credentials"]:
        toks.pop()                                        # "Carrie Arnold November", "Ilana Muhlstein MS"
    name = " ".join(toks)
    if not name or any(ch.isdigit() for ch in name) or "@" in name or ":" in name or "/" in name:
        return None
    low = name.lower()
    n = norm(name)
    if generic_author(name) or low in sets["author_credentials"] or low in sets["cms_names"]:
        return None
    if any(t.lower().strip(".,") in sets["non_person_words"] for t in toks):
        return None                                       # "Staff Reports", "Detroit News wire services"
    if any(low == r or low.endswith(" " + r) for r in sets["author_roles"]):
        return None                                       # "AP Auto Writer", "Business Columnist"
    if n in _known_outlets() or is_outlet_like(name) or re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", low):
        return None
    if len(toks) == 1 and (toks[0].isupper() or any(w in low for w in sets["non_person_substrings"])):
        return None                                       # "PTI", "KWCHCIK", "jdadmin"
    for outlet in outlets:
        o = norm(outlet)
        if len(o) >= 3 and (n == o or n.startswith(o) or n.endswith(o) or (len(n) >= 4 and n in o)):
            return None                                   # "CNN Business", "Beachbody", "LinkNaija"
    if not all(t[:1].isupper() or t.lower() in {"de", "van", "von", "der", "al", "el", "bin", "la", "le", "da", "di"}
               for t in toks):
        return None                                       # "admin", "jdadmin"
    if len(toks) > 5:
        return None
    if name.isupper():
        name = " ".join(t.capitalize() if len(t) > 2 or "." not in t else t for t in toks)
    return name


def _organisation(name: str, outlets: list[str]) -> bool:
    """An agency or outlet credit in a byline ("PTI", "CNN Business", "Associated Press", "NJ.com")."""
    if not name:
        return False
    n, low = norm(name), name.lower()
    if n in _known_outlets() or is_outlet_like(name) or re.fullmatch(r"[\w-]+(?:\.[a-z]{2,})+", low):
        return True
    if name.isupper() and " " not in name and 2 <= len(name) <= 5 and low not in _sets()["author_credentials"]:
        return True
    return any(len(o) >= 3 and (n == o or n.startswith(o)) for o in (norm(x) for x in outlets))


def parse_byline(text: str, outlets: list[str]) -> list[str]:
    """People named in a byline: "By TOM KRISHER, AP Auto Writer" -> ["Tom Krisher"]."""
    text = _clean(text)
    text = _PREFIX.sub("", text)
    m = _CUT.search(text)
    if m:
        text = text[:m.start()]
    for outlet in sorted(set(outlets) | {"Associated Press"}, key=len, reverse=True):
        if len(outlet) >= 4 and text.lower().endswith(outlet.lower()) and len(text) > len(outlet):
            text = text[: -len(outlet)]                  # "JILL LAWLESS Associated Press"
    text = re.sub(r"(?<=[a-z])\.\s+(?=[A-Z])", ", ", text)  # "Finian Cunningham. Sputnik International"
    parts = re.split(r"\s*(?:,|;|&|\band\b|\s\|\s|/)\s*", text)
    out: list[str] = []
    for part in parts:
        if _organisation(part.strip(" .,"), outlets):
            break                                        # "PTI, Washington": after the agency comes its dateline
        name = person_name(_PREFIX.sub("", part), outlets)
        if name and norm(name) not in {norm(o) for o in out}:
            out.append(name)
    return out


def _pick_authors(page: _Page, outlets: list[str], fallback: str | None) -> list[str]:
    ld: list[str] = []
    for node in page.ld_articles:
        for raw in _ld_names(page, node.get("author"), people=True):
            ld.extend(n for n in parse_byline(raw, outlets) if norm(n) not in {norm(x) for x in ld})
        if ld:
            break
    bylines = [names for names in (parse_byline(t, outlets) for t in _byline_texts(page)) if names]
    if ld:
        have = {norm(n) for n in ld}
        for names in bylines:                            # the visible byline may name more people
            if have < {norm(n) for n in names}:
                return names
        if bylines and not have & {norm(n) for n in bylines[0]} and all(" " in n for n in bylines[0]):
            return bylines[0]                            # the CMS user who posted it is not the byline
        return ld
    if bylines:
        return bylines[0]
    for key in ("author", "article:author", "sailthru.author", "dc.creator", "parsely-author", "byl"):
        for value in page.meta.get(key, []):
            if value.startswith(("http://", "https://")):
                continue
            names = parse_byline(value, outlets)
            if names:
                return names
    return parse_byline(fallback, outlets) if fallback else []


# --------------------------------------------------------------------------------------------------
# published


_DATE_CLASS = re.compile(
    r"(?:^|[-_\s])(?:date|pubdate|published|post-?date|entry-?date|timestamp|dateline)(?:[-_\s]|$)", re.I)
_META_DATES = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
               "publish-date", "parsely-pub-date", "sailthru.date", "dcterms.created", "dc.date.issued",
               "dc.date", "article.published", "date")


def _date_in(value: str) -> str | None:
    """The first date in a metadata value, at day precision when given ("01:38 PM IST Nov 20, 2019" too)."""
    iso = parse_iso(value)
    if iso and len(iso) >= 10 and iso[:4] >= "1990":
        return iso[:10]
    for m in re.finditer(r"\b(?=[A-Za-z0-9])", value):
        found = match_date(value, m.start())
        if found and len(found.iso) >= 10 and found.iso[:4] >= "1990":
            return found.iso
    return None


def _pick_published(page: _Page, url: str | None, fallback: str | None) -> tuple[str | None, str | None]:
    for node in page.ld_articles:
        value = node.get("datePublished") or node.get("dateCreated")
        iso = _date_in(_clean(value)) if isinstance(value, str) else None
        if iso:
            return iso, "json-ld datePublished"
    for key in _META_DATES:
        for value in page.meta.get(key, []):
            iso = _date_in(value)
            if iso:
                return iso, f"meta {key}"
    for el in page.tree.xpath('//*[@itemprop="datePublished"]'):
        iso = _date_in(el.get("datetime") or el.get("content") or _clean(" ".join(el.itertext())))
        if iso:
            return iso, "itemprop datePublished"
    for node in page.ld_pages:
        value = node.get("datePublished")
        iso = _date_in(_clean(value)) if isinstance(value, str) else None
        if iso:
            return iso, "json-ld datePublished"
    for el in page.tree.xpath("//body//time[@datetime]")[:3]:
        if re.search(r"updated|modified", (el.get("class") or "") + " " + _clean(" ".join(el.itertext())), re.I):
            continue
        iso = _date_in(el.get("datetime") or "")
        if iso:
            return iso, "time element"
    for el in page.tree.iter():                         # <span class="post-date">10.06.2013</span>
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "html", "body"):
            continue
        classes = " ".join((el.get("class") or "").split())
        if not _DATE_CLASS.search(classes) or re.search(r"updat|modif|comment", classes, re.I):
            continue
        iso = _date_in(_clean(" ".join(el.itertext()))[:80])
        if iso:
            return iso, "date element"
    text = _clean(" ".join(page.tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")))
    for m in re.finditer(r"\b(?:first published(?: on)?|published(?: on)?|posted(?: on)?)\s*:?\s*", text, re.I):
        window = text[m.end(): m.end() + 60]
        for start in [0, *(w.end() for w in re.finditer(r"\s+", window))]:
            found = match_date(window, start)
            if found and len(found.iso) >= 10:
                return found.iso, "page text"
    m = re.search(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|[-_]|$)", url or "")
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "url"
    iso = parse_iso(fallback) if fallback else None
    return (iso, "htmldate") if iso else (None, None)


def _page_url(page: _Page) -> str | None:
    for node in page.ld_articles:
        for key in ("url", "mainEntityOfPage"):
            value = node.get(key)
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                return value
    found = _first_meta(page, "og:url")
    if found:
        return found[1]
    links = page.tree.xpath('//link[@rel="canonical"]/@href')
    return links[0] if links and str(links[0]).startswith(("http://", "https://")) else None


def read_page_meta(tree: Any, *, url: str | None = None, fallback: dict[str, Any] | None = None) -> PageMeta:
    """Metadata of a parsed page (lxml tree); `fallback` holds trafilatura's guesses (title, author, ...)."""
    fallback = fallback or {}
    page = _read(tree)
    url = url or _page_url(page) or fallback.get("url")
    sites = _site_names(page, url)
    title, suffixes = _pick_title(page, fallback.get("title"), sites)
    publishers = [p for node in page.ld_articles for p in _ld_names(page, node.get("publisher"), people=False)]
    outlet = _pick_outlet(_outlet_candidates(page, suffixes, title, fallback.get("sitename")), suffixes + publishers)
    outlets = [o for o in [outlet, *sites] if o]
    authors = _pick_authors(page, outlets, fallback.get("author"))
    published, source = _pick_published(page, url, fallback.get("date"))
    return PageMeta(title=title, outlet=outlet, authors=authors, published=published, published_source=source,
                    url=url)
