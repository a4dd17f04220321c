"""Reading a news page in HTML with the standard library's parser.

The page's headline, publication date, publisher, author, address and
language come from its ``<title>``, ``<meta>`` tags, ``<time pubdate>`` and
JSON-LD; the article text is the page's text without navigation, headers,
footers, asides, scripts, styles, forms and figures, with paragraphs
separated by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Any

from diplomev import _json
from diplomev.errors import InputError
from diplomev.model import Article, Provenance, Source
from diplomev.readers._dates import parse_value
from diplomev.readers._options import html_provenance

__all__ = ["article_from_html", "parse_html"]

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "math",
        "iframe",
        "button",
        "select",
        "textarea",
        "figure",
        "figcaption",
        "menu",
        "dialog",
        "object",
        "canvas",
        "video",
        "audio",
        "map",
        "head",
    }
)
_ALWAYS_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "object", "canvas"})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
_JUNK_CLASS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "share",
        "sharing",
        "social",
        "related",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "cookie",
        "cookies",
        "newsletter",
        "comments",
        "comment",
        "footer",
        "sidebar",
        "subscribe",
        "promo",
        "popup",
        "modal",
        "caption",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "pre",
        "address",
        "hr",
        "body",
        "center",
        "details",
        "summary",
        "caption",
    }
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0-9]+")

PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
)
"""``<meta>`` names and properties read as the publication date, in order of preference."""
PUBLISHER_KEYS = ("og:site_name", "publisher", "dc.publisher", "dcterms.publisher", "article:publisher")
"""``<meta>`` names and properties read as the publisher, in order of preference."""
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author")
"""``<meta>`` names and properties read as the author, in order of preference."""
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
"""``<meta>`` names and properties read as the headline, in order of preference."""


class _Page(HTMLParser):
    """Collects a page's metadata and its article text."""

    def __init__(self, *, skip_layout: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_layout = skip_layout
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.canonical: str | None = None
        self.time_published: str | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.jsonld: list[str] = []
        self.paragraphs: list[str] = []
        self._lines: list[str] = []
        self._words: list[str] = []
        self._skip: list[list[Any]] = []
        self._in_title = False
        self._in_h1 = False
        self._in_jsonld = False
        self._svg = 0

    # -- text assembly

    def _end_line(self) -> None:
        line = _SPACE.sub(" ", "".join(self._words)).strip()
        self._words = []
        if line:
            self._lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self._lines:
            self.paragraphs.append("\n".join(self._lines))
            self._lines = []

    # -- parser callbacks

    def _skips(self, tag: str, attrs: Mapping[str, str | None]) -> bool:
        if tag in _ALWAYS_SKIP:
            return True
        if not self.skip_layout:
            return False
        if tag in _SKIP or "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        if (attrs.get("role") or "").lower() in _SKIP_ROLES:
            return True
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        return any(t in _JUNK_CLASS for t in _TOKEN.findall(names[:300]))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v for k, v in attrs}
        if tag == "meta":
            self._meta(a)
        elif tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            self.canonical = self.canonical or a["href"]
        elif tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        elif tag == "time" and self.time_published is None and a.get("datetime"):
            if "pubdate" in a or (a.get("itemprop") or "").lower() == "datepublished":
                self.time_published = a["datetime"]
        elif tag == "title" and not self._svg and not self.title_parts:
            self._in_title = True
        if tag in ("svg", "math"):
            self._svg += 1
        elif tag == "script" and "ld+json" in (a.get("type") or "").lower():
            self._in_jsonld = True
        if tag == "body":
            self._skip = [entry for entry in self._skip if entry[0] != "head"]
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._end_line()
            elif tag == "hr" and not self._skip:
                self._end_paragraph()
            return
        if self._skip:
            top = self._skip[-1]
            if top[0] == tag:
                top[1] += 1
            return
        if self._skips(tag, a):
            self._end_paragraph()
            self._skip.append([tag, 1])
            return
        if tag in _BLOCK:
            self._end_paragraph()
        if tag == "h1":
            self._in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_jsonld = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag in ("svg", "math"):
            self._svg = max(0, self._svg - 1)
        if self._skip:
            for i in range(len(self._skip) - 1, -1, -1):
                if self._skip[i][0] == tag:
                    self._skip[i][1] -= 1
                    if self._skip[i][1] == 0:
                        del self._skip[i:]
                    break
            return
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._in_jsonld:
            self.jsonld.append(data)
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self._words.append(data)

    def _meta(self, a: Mapping[str, str | None]) -> None:
        content = a.get("content")
        if content is None:
            return
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (a.get(attr) or "").strip().lower()
            if key and key not in self.meta:
                self.meta[key] = content.strip()

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _jsonld_objects(scripts: list[str]) -> Iterator[Mapping[str, Any]]:
    for script in scripts:
        if len(script) > 1_000_000:
            continue
        try:
            data = _json.loads(script)
        except _json.JsonError:  # refused JSON-LD (malformed or hostile) is ignored: the page is read without it
            continue
        stack: list[tuple[Any, int]] = [(data, 0)]
        while stack:
            item, depth = stack.pop(0)
            if isinstance(item, list) and depth < 4:
                stack.extend((x, depth + 1) for x in item[:50])
            elif isinstance(item, dict):
                yield item
                if depth < 4 and isinstance(item.get("@graph"), list):
                    stack.extend((x, depth + 1) for x in item["@graph"][:50])


def _name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) and value.strip() else None


def parse_html(html: str) -> tuple[str, dict[str, Any], list[Provenance]]:
    r"""Return a page's article text, its `Source` fields and where each came from.

    Examples:
        >>> text, fields, _ = parse_html(
        ...     '<html><head><title>Talks held</title></head><body><nav>Home</nav>'
        ...     '<p>Seoul and Tokyo held talks.</p><p>They agreed.</p></body></html>')
        >>> text
        'Seoul and Tokyo held talks.\n\nThey agreed.'
        >>> fields["title"]
        'Talks held'
    """
    page = _Page()
    page.feed(html)
    page.close()
    text = page.text
    if not text.strip():
        fallback = _Page(skip_layout=False)
        fallback.feed(html)
        fallback.close()
        text = fallback.text
    fields: dict[str, Any] = {}
    provenance: list[Provenance] = []
    ld = list(_jsonld_objects(page.jsonld))

    def first_meta(keys: tuple[str, ...]) -> tuple[str, str] | None:
        for key in keys:
            value = page.meta.get(key)
            if value and not (key.startswith("article:") and value.startswith(("http://", "https://"))):
                return key, _clean(value)
        return None

    def first_ld(key: str) -> str | None:
        for obj in ld:
            value = _name(obj.get(key)) if key in ("publisher", "author") else obj.get(key)
            if isinstance(value, str) and value.strip():
                return _clean(value)
        return None

    site = first_meta(PUBLISHER_KEYS)
    publisher = site[1] if site else first_ld("publisher")
    if publisher:
        fields["publisher"] = publisher
        provenance.append(html_provenance("publisher", site[0] if site else "JSON-LD publisher", publisher))

    title = first_meta(TITLE_KEYS)
    headline = title[1] if title else first_ld("headline")
    key = title[0] if title else "JSON-LD headline"
    if not headline:
        headline, key = _clean("".join(page.title_parts)), "<title>"
        if headline and publisher:
            for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
                head, _, tail = headline.rpartition(sep)
                if head and tail.strip().casefold() == publisher.casefold():
                    headline = head.strip()
                    break
    if not headline:
        headline, key = _clean("".join(page.h1_parts)), "<h1>"
    if headline:
        fields["title"] = headline[:1000]
        provenance.append(html_provenance("title", key, headline))

    for key, value in _published_candidates(page, ld):
        try:
            fields["published"] = parse_value(value)
        except ValueError:
            continue
        provenance.append(html_provenance("published", key, value))
        break

    author = first_meta(AUTHOR_KEYS)
    author_name = author[1] if author else first_ld("author")
    if author_name:
        fields["author"] = author_name
        provenance.append(html_provenance("author", author[0] if author else "JSON-LD author", author_name))

    url = page.canonical or page.meta.get("og:url")
    if url:
        fields["url"] = url.strip()
    if page.lang:
        lang = page.lang.strip().split("-")[0].split("_")[0].lower()
        if 2 <= len(lang) <= 3 and lang.isalpha():
            fields["language"] = lang
    return text, fields, provenance


def _published_candidates(page: _Page, ld: list[Mapping[str, Any]]) -> Iterator[tuple[str, str]]:
    for key in PUBLISHED_KEYS:
        value = page.meta.get(key)
        if value:
            yield key, value
    if page.time_published:
        yield "<time pubdate>", page.time_published
    for obj in ld:
        value = obj.get("datePublished")
        if isinstance(value, str) and value:
            yield "JSON-LD datePublished", value


def article_from_html(
    html: str,
    *,
    id: str,  # noqa: A002 - the record's field name
    origin: str | None,
    source: Mapping[str, Any],
    path: str | None = None,
) -> Article:
    """Return the article of an HTML page; fields in *source* win over the page's own.

    Raises:
        InputError: If the page has no text.
    """
    text, fields, provenance = parse_html(html)
    if not text.strip():
        raise InputError("the page has no text", path=path)
    given = dict(source)
    inferred = [p for p in provenance if p.field not in given] + list(given.pop("inferred", ()))
    fields.update(given)
    return Article(id=id, text=text, source=Source(**fields, inferred=tuple(inferred)), origin=origin)
