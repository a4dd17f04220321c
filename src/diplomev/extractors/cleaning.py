"""The "clean" step: the layout of an article and the metadata it states.

The step never rewrites the text. It computes `Document.segments`: stretches
of the original text, in order and without overlap, each with its role
(`Region`). The characters between segments are white space only;
consecutive stretches of the same role are merged into one segment.

* TITLE: the headline, a short first line without a final period that is
  followed by body text (a first line that is a full sentence is a lede,
  and the article has no title);
* BODY: the article's paragraphs;
* CAPTION: photo captions ("This photo, taken on ..., shows ...", lines
  with "(Photo: ...)", "- ảnh 1", "(L)"/"(R)" descriptions);
* METADATA: date lines, bylines, agency credits, the dateline at the start
  of the first paragraph ("BEIJING, Nov. 22 (Yonhap) --", so that the first
  sentence starts after it) and closing wire credits ("(Yonhap)");
* BOILERPLATE: menus ("Send to", "Related News"), IDs, share buttons, lone
  symbols, "(END)", copyright and footer lines, and a site teaser that
  repeats later sentences word for word.

It then fills the `Source` fields that were not given explicitly (given
fields always win) from what the text states, and records how each was
found in `Source.inferred`:

* ``title``: the headline;
* ``published``: a date line ("Thu, 11/23/2017 - 01:57",
  "Updated: 26-11-2020 14:22 IST | Created: ...", "Oct. 31, 2017 - 11:04 By
  Yonhap"; "created"/"published" dates before unlabelled ones before
  "updated" ones), or else a dateline's date when the year is known (written
  in the dateline, in a full date of the same day elsewhere in the text, or
  in a dated address). Never from a date in the body prose. A time with a
  zone gives an aware datetime; a time without one keeps just the date;
* ``publisher``: the outlet or agency credited by a metadata line or byline,
  a dateline, a leading "(VOVWORLD) -" credit, a page's title bar ("Talks
  end | World | DW"), a closing "(Yonhap)" or "(AFP, Reuters)" credit or a
  "With inputs from PTI" line, a last line naming an outlet, or a copyright
  line, in that order of preference, with its canonical name ("VOV World";
  the first known agency of a list);
* ``dateline``: the place of the dateline, in title case ("Beijing",
  "Port-au-Prince"); the dateline opens the first body paragraph, or the
  second or third after an unrecognised caption;
* ``author``: a person named in a byline.

When the publication date is known (given or inferred), `Document.reference`
is set to it; otherwise it is left for the times step to infer.

Added in version 0.1.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from diplomev._data import load_json
from diplomev.extractors.sentences import sentence_bounds
from diplomev.model import Document, Provenance, Reference, Region, Segment, Source, Span
from diplomev.readers._dates import MONTH, DateMatch, find_dates, may_hold_date, month_number
from diplomev.readers._publishers import canonical_publisher, credited, looks_like_outlet
from diplomev.registry import registries

__all__ = ["Cleaner"]

# --------------------------------------------------------------------------- patterns

_WEEKDAY = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
)
_WEEKDAY_RE = re.compile(_WEEKDAY + r"\.?", re.IGNORECASE)
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters that end a line (those of `str.splitlines`)."""
_LETTER = re.compile(r"[^\W\d_]")


def _phrases(text: str, sep: str | None = None) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(sep) if p.strip())


MENU_PHRASES = _phrases(
    """send to|left menu|right menu|main menu|menu|related news|related articles|related stories|related|
    more news|more stories|latest news|top news|top stories|most read|most viewed|most popular|popular|
    trending|recommended|you may also like|read more|read also|also read|see also|more|feedback|others|
    other news|share|share this|share this article|share this story|share on facebook|share on twitter|
    print|print this|print this article|email|e-mail|tweet|facebook|twitter|linkedin|whatsapp|telegram|
    reddit|copy link|link copied|subscribe|advertisement|advertising|sponsored|sponsored content|
    skip to content|skip to main content|search|log in|login|sign in|sign up|register|comments|comment|
    leave a comment|post a comment|close|next|previous|prev|back|back to top|top|home|homepage|font size|
    text size|listen|listen to this article|photo news|video|videos|photos|gallery|newsletter|view all|
    show more|load more|list|go to top|scroll to top|a a|a+ a-|aa|more from|latest|breaking news|
    our standards: the thomson reuters trust principles.|save|bookmark|gift this article|follow""",
    "|",
)
"""Whole lines that are navigation, sharing or footer furniture (compared case-insensitively)."""
_LONGEST_MENU_PHRASE = max(map(len, MENU_PHRASES))

_READ_TIME = re.compile(r"\d{1,2}\s?-?\s?min(?:ute)?s?\.?(?:\s+read|\s+listen)?", re.IGNORECASE)
_END_TAG = re.compile(r"\(?\s*(?:END|ENDS|FIN|ENDITEM)\s*\)?|-+\s*(?:END|30)\s*-+|#{3}", re.IGNORECASE)
_MENU_SEP = re.compile(r"\s*[|\u00b7\u2022\u203a\u00bb]\s*|\s+>\s+")
_MENU_SEP_CHAR = re.compile(r"[|\u00b7\u2022\u203a\u00bb>]")
_COPYRIGHT = re.compile(
    r"^(?:\u00a9|\(c\)|copyright\b)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?P<name>[^.\n]{0,60}?)"
    r"(?:\s*[.,]?\s*(?:all rights reserved\.?)?$|\s*[.,]?\s*all rights reserved\b)",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
_LABEL_LINE = re.compile(
    r"^(?P<label>ID|No|Auther|Author|Authors|Writer|Writers|Reporter|Reporters|Editor|Editors|Source|Sources|"
    r"Tags?|Keywords?|Topics?|Category|Categories|Section|Views?|Hits|Words?|Photo|Photos|Credit|Credits|"
    r"Image|Images|Reading time)\s*[:\uff1a]\s*(?P<rest>.{0,120})$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"^\(?\s*(?:Reporting|Writing|Editing|Additional reporting|Compiled|Produced|Translated)\b.{0,300}\bby\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:Written|Reported|Words|Text|Story)\s+)?(?:By|by|BY)\s*:?\s+(?P<names>[A-Z][^\n]{1,100}?)"
    r"(?:\s+in\s+(?P<place>[A-Z][\w'\u2019.-]+(?:\s[A-Z][\w'\u2019.-]+){0,2}))?$"
)
_BYLINE_CUT = re.compile(r"\s*[\u2022\u00b7]\s*")
_ROLE_TAIL = re.compile(
    r"\s+(?:Staff(?:\s+(?:Writers?|Reporters?))?|(?:(?:Senior|Chief|Foreign|Special|Diplomatic|Political)\s+)?"
    r"(?:Correspondents?|Reporters?|Writers?|Editors?)|(?:News\s+|Web\s+)?Desk|Team|Bureau|Newsroom)$",
    re.IGNORECASE,
)
"""A role after the name in a byline ("Al Jazeera Staff", "Anna Berg Staff Writer")."""
_NAME_CREDIT = re.compile(
    r"^(?P<name>[A-Z][^,|/\n]{3,40}?)\s*(?:,|\||/|\s[-\u2013\u2014])\s*(?P<outlet>[A-Z][^,|/\n]{1,40})$"
)
_PART_SEP = re.compile(r"\s*\|\s*|\s+/\s+|\s*[\u2022\u00b7]\s*")
"""What separates the parts of a date line ("Xinhua | 2025-02-03", "Feb 3, 2025 / 10:32 AM / CBS/AP")."""
_BY_IN = re.compile(r"\bBy\s+(?P<names>[A-Z][\w.'\u2019 -]{1,60}?)\s*(?=$|\|)")
_CREDIT_LINE = re.compile(
    r"^(?:\((?P<paren>[A-Za-z][\w .,&'/-]{0,40})\)|={2,}\s*(?P<eq>[A-Za-z][\w .&'-]{0,40})"
    r"|[-\u2013\u2014]{1,2}\s*(?P<dash>[A-Za-z][\w .&'-]{0,40})|/(?P<slash>[A-Za-z-]{2,15})/?)$"
)
_CLOSING = re.compile(
    r"(?<=[.!?\"'\u201d\u2019)\]])[ \t\u00a0]*(?:\((?P<paren>[A-Za-z][\w .,&'/-]{0,30})\)"
    r"|={2,}\s?(?P<eq>[A-Za-z][\w.&'-]{0,30})|/(?P<slash>[A-Z][A-Za-z-]{1,14})/?"
    r"|(?<=[.!?])[ \t\u00a0]+(?P<bare>[A-Z][A-Za-z-]{1,14}))[ \t\u00a0]*$"
)
_REPORTING_BY = re.compile(r"\bby\s+(?P<who>[^;()\n]{2,40}?)\s*[.;)]?$", re.IGNORECASE)
_AGENCIES = re.compile(r"\b(?:agencies|agency reports|wires|news services)\b", re.IGNORECASE)
_CONTRIBUTION = re.compile(
    r"^[(\s\u2013\u2014-]*(?:(?P<with>with)\s+(?:(?:inputs?|files|reporting)\s+from\s+)?|(?:inputs?|files)\s+from\s+"
    r"|additional\s+reporting\s+by\s+|compiled\s+(?:by|from)\s+)(?P<who>[^()\n]{2,60}?)\s*\)?\.?$"
    r"|^[(\s\u2013\u2014-]*(?P<who2>[^()\n]{2,60}?)\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting\b"
    r"[^()\n]{0,40})\.?\)?$"
    r"|^(?:[a-z]{1,4}(?:/[a-z]{1,4})+\s*)?\((?P<list>[^()\n]{2,60})\)$",
    re.IGNORECASE,
)
"""A line crediting contributors: "(With inputs from PTI)", "The AP contributed to this report.", "kb/msh (AP, dpa)"."""
_AGENCIES_SUFFIX = re.compile(
    r"\s*(?:,|and|with|/|&)\s*(?:other\s+)?(?:news\s+|wire\s+)?(?:agencies|agency|wires|services)\.?$", re.IGNORECASE
)
_RELEASE_LINE = re.compile(
    r"^(?P<org>[A-Z][^|\n]{1,80}?)\s+[-\u2013\u2014|:]\s+(?:press|news|media)\s+(?:release|statement)$", re.IGNORECASE
)
_RELEASE_END = re.compile(r"(?:release|statement)$", re.IGNORECASE)
"""How a `_RELEASE_LINE` ends: tried on the last nine characters before the whole pattern."""
_PLACE_ONLY = re.compile(r"[A-Z][A-Z'\u2019.-]+(?:[ /][A-Z][A-Z'\u2019.-]+){0,2}")
_PLACE_BEFORE_DATE = re.compile(r"^\s*(?P<place>[A-Z][\w'\u2019.-]+(?:\s[A-Z][\w'\u2019.-]+){0,2})\s*,\s*$")
_LEAD_CREDIT = re.compile(r"\((?P<agency>[A-Za-z][\w .&'/-]{0,30})\)\s*(?:--|[-\u2013\u2014:])\s*")
_NAME = re.compile(
    r"[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z'\u2019]+)?(?:\s+(?:[A-Z]\.|[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z'\u2019]+)?)){1,3}"
)
_NOT_PERSON = re.compile(
    r"\b(?:Staff|Writers?|Reporters?|Correspondents?|Team|Desk|Editors?|Editorial|Agenc(?:y|ies)|Wires?|"
    r"News|Service|Bureau|Board|Online|Newsroom)\b"
)
_AGO = r"\d{1,3}\s?(?:years?|months?|weeks?|days?|hours?|hrs?|h|minutes?|mins?|m|d)\s+ago"
_DATE_NOISE = re.compile(
    rf"\b(?:{_WEEKDAY}|created|published|posted|issued|dated?|updated?|last|modified|edited|first|on|at|time|"
    r"local|am|pm|a\.m\.|p\.m\.|by|source|editor|admin|administrator|staff|guest)\b\.?"
    rf"|\b{_AGO}\b"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\b|\b(?:[A-Z]{1,4}T|GMT|UTC|Z)\b(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?"
    r"|[+-]\d{2}:?\d{2}|[|:,;()\[\]/\u2022\u00b7\-\u2013\u2014=]+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\||/)\s*")
_SMALL_WORDS = frozenset({"and", "of", "the", "de", "van", "von", "bin", "al", "el", "la", "du", "da"})
_LABEL_BEFORE = re.compile(
    rf"\b(?P<label>created|published|posted|issued|released|dated?|updated|modified|edited)\b\s*[:\uff1a\u2013\u2014-]?\s*"
    rf"(?:on\s+)?"
    rf"(?:{_WEEKDAY}\.?,?\s*)?$",
    re.IGNORECASE,
)
_PUBLISHED_LABELS = frozenset({"created", "published", "posted", "issued", "released"})
_RELATIVE_LINE = re.compile(
    rf"(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)\s*:?\s*(?:on\s+)?)?(?:{_AGO}|just now|yesterday)",
    re.IGNORECASE,
)
"""A date line that gives no date ("Updated 3 hours ago")."""
_UPDATED_LABELS = frozenset({"updated", "modified", "edited"})

# The strong signs of a caption, in four patterns so that a line is searched quickly (one pattern
# with all of them is tried at every offset of every line): the signs at the start of the line,
# the bracketed credits (a line without "(" has none), the Vietnamese "- anh 1" (needs the letter
# "\u1ea3" in either case) and a credit in the text. The case-insensitive match of "Getty Images",
# "photo courtesy" or "photo credit" holds "getty" or "photo" in lower case, since no character but
# the ASCII ones folds to these letters (only "i", "k" and "s" have other forms).
_CAPTION_START = re.compile(
    r"\[(?:photo|file photo|photos|image|picture|video|graphic)s?\]"
    r"|(?:file\s+)?photo\s*(?:[:|]|\s-\s)"
    r"|(?:in\s+)?this\s+(?:(?:file|handout|undated|combination|aerial|recent|AP|AFP|Reuters|Yonhap|Xinhua|EPA)\s+)*"
    r"(?:photo(?:graph)?|picture|image|screenshot|screen\s?grab|video\s+grab|still)\b"
    r"|(?:an?\s+)?(?:file|handout|undated)\s+(?:photo(?:graph)?|picture|image)\b",
    re.IGNORECASE,
)
_CAPTION_BRACKETS = re.compile(
    r"\((?:(?:photos?|images?|pictures?)\s*(?::|by\b|credit\b|courtesy\b)[^)\n]{0,80}\)"
    r"|[^()\n]{0,30}\b(?:photo|photos|images)\)"
    r"|(?:AP|AFP|Reuters|Yonhap|Xinhua|EPA(?:-EFE)?|Kyodo|VNA|KCNA|Getty)\s*(?:photo)?\s*/"
    r"(?!\s*(?:AP|AFP|Reuters|dpa|EFE|ANI|PTI|UPI|Xinhua|Yonhap|Kyodo|TASS|Anadolu)\s*\))[^()\n]{1,40}\))",
    re.IGNORECASE,
)
_CAPTION_ANH = re.compile(r"\s[-\u2013]\s*\u1ea3nh\s*\d+", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"\bGetty Images\b|\bphoto courtesy\b|\bphoto credit\b|\bpurchase licensing rights\b", re.IGNORECASE
)
_CAPTION_AGENCY_SLASH = re.compile(
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA|YONHAP|ANADOLU|KYODO)/(?!(?:Reuters|Xinhua|Yonhap|Kyodo|Anadolu)\b)[A-Z][a-z]"
)
"""A photographer's credit after the agency in capitals ("REUTERS/Anna Berg")."""
_CAPTION_WEAK = re.compile(
    r"\((?:\d(?:st|nd|rd|th)\s+)?(?:from\s+)?(?:L|R|C|left|right|center|centre|front|back)\)", re.IGNORECASE
)
_QUOTE = re.compile(r"[\"\u201c\u201d]")

# How a line begins that one of the patterns tried at its start may match: an end tag, a copyright,
# a label, a credit, a byline, a "Reporting by" line or a caption sign (`_END_TAG`, `_COPYRIGHT`,
# `_LABEL_LINE`, `_CREDIT_LINE`, `_BYLINE`, `_REPORTING`, `_CAPTION_START`) begins with one of these
# marks or words (a whole word, matched as they match it); most lines of prose do not.
_SPECIAL_START = re.compile(
    r"[(\u00a9=/#\[\u2013\u2014-]"
    r"|(?:end|ends|fin|enditem|copyright|id|no|auther|author|authors|writer|writers|reporter|reporters|editor"
    r"|editors|source|sources|tags?|keywords?|topics?|category|categories|section|views?|hits|words?|photos?"
    r"|written|reported|text|story"
    r"|credits?|images?|reading|reporting|writing|editing|additional|compiled|produced|translated|by|file|in"
    r"|this|an?|handout|undated)\b",
    re.IGNORECASE,
)

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_PLACE_CAPS = rf"[{_UPPER}][{_UPPER}'\u2019.-]*[{_UPPER}.](?:\s[{_UPPER}][{_UPPER}'\u2019.-]*){{0,3}}"
_PLACE_TITLE = (
    rf"[{_UPPER}][{_LOWER}'\u2019.-]+"
    rf"(?:\s(?:[{_UPPER}][{_LOWER}'\u2019.-]+|de|da|do|dos|das|del|des|du|al|el|es|la|le|au|sur)){{0,3}}"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATELINE = re.compile(
    rf"(?P<place>(?:{_PLACE_CAPS})(?:/(?:{_PLACE_CAPS}))*|(?:{_PLACE_TITLE})(?:/(?:{_PLACE_TITLE}))*)"
    r"(?:\s\([A-Z][^()\n]{1,30}\)(?=\s?\[|,))?"
    r"(?:\s?\[[^\]\n]{1,30}\])?"
    r"(?:,\s(?P<region>[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15})?))?"
    rf"(?:[,.]?\s(?:(?P<month>{MONTH})\.?\s(?P<day>{_DAY})|(?P<day2>{_DAY})\s(?P<month2>{MONTH})\.?)"
    r"(?:,?\s(?P<year>\d{4}))?)?"
    r"(?:\s?\((?P<agency>[^\W\d_][\w .&'/-]{0,40})\)\.?|,\s(?P<bare>[A-Z][A-Za-z]{1,15}))?"
    r"(?:\.?\s?/(?P<slash>[A-Za-z][A-Za-z-]{1,15})/\.?)?"
    r"(?:\s?(?P<sep>--|[-\u2013\u2014:])|(?<=/)|(?<=/\.)|(?<=\))|(?<=\)\.))[ \t\u00a0]*"
)
_NOT_PLACE = _phrases(
    """update updated note editor's editors breaking watch exclusive analysis opinion editorial photos photo
    video live correction corrected factbox explainer interview review commentary urgent flash advisory
    summary background"""
)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing|Shanghai|Xinhua|Taiwan|Taipei|Hong Kong|Macau)\b")
_CAPS_WORD = re.compile(rf"\b[{_UPPER}][{_UPPER}'\u2019.]+\b")
_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "des", "du", "es", "au", "aux", "sur", "upon", "of"})
"""Small words that stay in lower case inside a place name ("Rio de Janeiro", "Port-au-Prince")."""
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>0[1-9]|1[0-2])(?:[/-]?(?:0[1-9]|[12]\d|3[01]))?(?=[/_-])")
_TITLE_BAR_SEP = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*\|\s*")
_HEADLINE_END = re.compile(r"(?:[,;:]|(?<!\.\.)\.|[.!?][\"'\u201d\u2019)]+)$")
"""How a line ends that is no headline: a period (not an ellipsis, "riots..."), a comma, a quote after a stop."""


# --------------------------------------------------------------------------- findings


@attrs.define
class _Findings:
    """What the layout analysis found about the article's metadata."""

    dates: list[tuple[int, int, dt.date | dt.datetime, str]] = attrs.field(factory=list)
    publishers: list[tuple[int, int, str, str, str]] = attrs.field(factory=list)
    datelines: list[tuple[int, str, str, str]] = attrs.field(factory=list)
    dateline_day: tuple[int, int, int | None, str] | None = None
    authors: list[tuple[int, str, str]] = attrs.field(factory=list)
    title: str | None = None

    def publisher(self, priority: int, order: int, name: str, method: str, text: str) -> None:
        clean = name.strip(" .,;:-")
        if not clean or len(clean) > 60:
            return
        self.publishers.append((priority, order, credited(clean) or clean, method, text.strip()))


_DATELINE_RANK = {"dateline": 0, "date line": 1, "metadata line": 2}

# publisher priorities: lower wins
_P_META, _P_DATELINE, _P_LEAD, _P_PAGE, _P_CLOSING, _P_BARE, _P_COPYRIGHT = range(7)


def _title_case(place: str) -> str:
    """Return an upper-case place name in title case ("NEW DELHI" -> "New Delhi", "XI'AN" -> "Xi'an").

    >>> _title_case("PORT-AU-PRINCE"), _title_case("RIO DE JANEIRO"), _title_case("BOGOT\u00c1")
    ('Port-au-Prince', 'Rio de Janeiro', 'Bogot\u00e1')
    """

    def word(m: re.Match[str]) -> str:
        low = m.group().lower()
        return low if m.start() > 0 and low in _PARTICLES else m.group()[0] + low[1:]

    return _CAPS_WORD.sub(word, place)


def _person(name: str) -> str | None:
    name = name.strip(" ,.;:")
    if _NOT_PERSON.search(name) or canonical_publisher(name) is not None:
        return None
    m = _NAME.fullmatch(name)
    return m.group() if m else None


def _name_credit(s: str, order: int, found: _Findings) -> bool:
    """Record a byline without "By": a person's name and a known outlet ("Anna Berg, Reuters")."""
    m = _NAME_CREDIT.match(s)
    if m is None or canonical_publisher(m.group("outlet")) is None:
        return False
    name = m.group("name")
    if _person(_title_case(name) if name.isupper() else name) is None:
        return False
    _byline(s, order, found, s)
    return True


def _split_outlet(part: str) -> tuple[str, str | None]:
    """Split a trailing outlet off a byline part ("Anna Berg Associated Press" -> "Anna Berg", "AP")."""
    words = part.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        tail = words[-n:]
        if n == 1 and not (tail[0].isupper() and not words[0].isupper()):
            continue  # a one-word outlet only when it stands out ("Jane Doe AP", not "Anna Ria")
        outlet = canonical_publisher(" ".join(tail))
        if outlet is not None:
            return " ".join(words[:-n]), outlet
    return part, None


def _byline(names: str, order: int, found: _Findings, text: str) -> None:
    """Record the people and outlets a byline names ("Kim Soo-yeon, Yonhap", "JANE DOE Associated Press")."""
    for raw in _BYLINE_SPLIT.split(names.strip()):
        if not raw:
            continue
        piece = _ROLE_TAIL.sub("", raw)
        part, outlet = _split_outlet(piece)
        if outlet is None and (canonical_publisher(piece) or looks_like_outlet(piece)):
            found.publisher(_P_META, order, piece, "byline", text)
            continue
        if outlet is not None:
            found.publisher(_P_META, order, outlet, "byline", text)
        person = _person(_title_case(part) if part.isupper() else part)
        if person is not None:
            found.authors.append((order, person, text.strip()))


# --------------------------------------------------------------------------- lines


@attrs.define
class _Line:
    start: int
    end: int
    text: str
    kind: Region | None = None
    """None for a line of prose still to be placed (title or body)."""
    pieces: list[tuple[int, int, Region]] = attrs.field(factory=list)
    _words: int = attrs.field(default=-1, init=False)

    @property
    def words(self) -> int:
        """The number of words of the line (counted once)."""
        if self._words < 0:
            self._words = len(self.text.split())
        return self._words


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    # (str.splitlines is a quicker search for runs of other characters than _LINE_BREAKS)
    for line in text.splitlines(keepends=True):
        raw = line.rstrip(_LINE_BREAKS)
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            yield _Line(start=start, end=start + len(stripped), text=stripped)
        pos += len(line)


def _is_menu(s: str) -> bool:
    core = s.strip(" :>\u00bb\u203a|")
    # (casefolding neither shortens a text nor makes or unmakes these marks: a core longer than
    # the longest phrase is no phrase)
    if len(core) <= _LONGEST_MENU_PHRASE and (core.casefold() in MENU_PHRASES or _READ_TIME.fullmatch(core)):
        return True
    if _MENU_SEP_CHAR.search(s) is None:
        return False  # one part only
    parts = [p for p in _MENU_SEP.split(s) if p]
    if len(parts) < 2 or any(len(p.split()) > 3 or any(c.isdigit() for c in p) for p in parts):
        return False
    if all(p.casefold() in MENU_PHRASES for p in parts):
        return True
    if all(p.isupper() for p in parts):
        return True  # section labels ("POLITICS | GERMANY")
    return len(parts) >= 3 and all(p[:1].isupper() and not p.endswith((".", "?", "!")) for p in parts)


def _menu_suffix(s: str) -> int:
    """Return where a trailing menu phrase starts in *s* (as in "date 2020-11-26 Left Menu"), or len(s)."""
    words = s.split()
    for n in (3, 2):
        if len(words) > n:
            tail = " ".join(words[-n:])
            if tail.casefold() in MENU_PHRASES and " " in tail:
                return s.rfind(words[-n])
    return len(s)


def _date_line(line: _Line, order: int, found: _Findings, *, dayfirst: bool | None, china: bool, base: int) -> bool:
    """Classify a date line ("Oct. 31, 2017 - 11:04 By Yonhap"); record its dates, credits and place."""
    s = line.text
    if not may_hold_date(s):
        return False  # no date in the line, so none before its trailing menu
    cut = _menu_suffix(s)
    body = s[:cut]
    dates = list(find_dates(body, dayfirst=dayfirst, china=china))
    if not dates:
        return False
    rest = []
    pos = 0
    for d in dates:
        rest.append(body[pos : d.start])
        pos = d.end
    rest.append(body[pos:])
    residual = _DATE_NOISE.sub(" ", " ".join(rest))
    words = _WORD.findall(residual)
    stripped = body.rstrip()
    if len(words) > 8 or (stripped.endswith((".", "?", "!")) and dates[-1].end < len(stripped) - 1):
        return False
    for w in words:
        if w[0].isdigit() or (w[0].islower() and w.lower() not in _SMALL_WORDS):
            return False
    # dates, ranked by their label: created/published first, then unlabelled, then updated
    prev = 0
    for d in dates:
        label = _LABEL_BEFORE.search(body, max(prev, d.start - 40), d.start)
        word = label.group("label").lower() if label else ""
        rank = 0 if word in _PUBLISHED_LABELS else 2 if word in _UPDATED_LABELS else 1
        found.dates.append((rank, order, d.value, body[d.start : d.end]))
        prev = d.end
    _credits_in_date_line(body, dates, order, found)
    lead = _PLACE_BEFORE_DATE.match(body, 0, dates[0].start)
    if lead is not None and _is_place(lead.group("place")) and not _WEEKDAY_RE.fullmatch(lead.group("place")):
        found.datelines.append((order, _title_case(lead.group("place")), "date line", body))
    line.kind = Region.METADATA
    if cut < len(s):
        line.pieces = [
            (base, base + len(body.rstrip()), Region.METADATA),
            (base + cut, base + len(s), Region.BOILERPLATE),
        ]
    return True


def _credits_in_date_line(body: str, dates: list[DateMatch], order: int, found: _Findings) -> None:
    cuts = [(m.start(), m.end()) for m in _PART_SEP.finditer(body)]
    if cuts:
        bounds = [0] + [c for cut in cuts for c in cut] + [len(body)]
        offsets = list(zip(bounds[::2], bounds[1::2], strict=True))
        parts = [body[a:b].strip() for a, b in offsets]
        after_publisher = False
        for (a, b), part in zip(offsets, parts, strict=True):
            has_date = any(a <= d.start < b for d in dates)
            if has_date or not part:
                after_publisher = False
                continue
            label = _LABEL_LINE.match(part)
            if label and label.group("label").lower() in ("source", "sources"):
                found.publisher(_P_META, order, label.group("rest"), "metadata line", body)
                after_publisher = True
                continue
            if label:
                after_publisher = False
                continue
            by = _BYLINE.match(part)
            if by:
                _byline(by.group("names"), order, found, body)
                continue
            if credited(part) or canonical_publisher(_ROLE_TAIL.sub("", part)):
                found.publisher(_P_META, order, _ROLE_TAIL.sub("", part), "metadata line", body)
                after_publisher = True
                continue
            if after_publisher and re.fullmatch(r"[A-Z][A-Za-z'\u2019.-]+(?:\s[A-Z][A-Za-z'\u2019.-]+){0,2}", part):
                found.datelines.append((order, _title_case(part), "metadata line", body))
            after_publisher = False
        return
    by = _BY_IN.search(body)
    if by:
        _byline(by.group("names"), order, found, body)


def _label_line(line: _Line, order: int, found: _Findings, *, special: bool) -> bool:
    m = _LABEL_LINE.match(line.text) if special else None
    if m is None:
        return False
    label, rest = m.group("label").lower(), m.group("rest").strip()
    if len(rest.split()) > 8:
        return False
    if label in ("auther", "author", "authors", "writer", "writers", "reporter", "reporters") and rest:
        _byline(rest, order, found, line.text)
        line.kind = Region.METADATA
    elif label in ("source", "sources") and rest and (canonical_publisher(rest) or looks_like_outlet(rest)):
        found.publisher(_P_META, order, rest, "metadata line", line.text)
        line.kind = Region.METADATA
    elif label in ("photo", "photos", "image", "images", "credit", "credits"):
        line.kind = Region.CAPTION
    else:
        line.kind = Region.BOILERPLATE
    return True


def _credit_line(line: _Line, order: int, found: _Findings, *, special: bool) -> bool:
    m = _CREDIT_LINE.match(line.text) if special else None
    if m is None:
        outlet = _ROLE_TAIL.sub("", line.text) if len(line.text) <= 60 else ""
        if outlet and canonical_publisher(outlet):  # "KYODO" or "Al Jazeera Staff" on a line of its own
            found.publisher(_P_LEAD, order, outlet, "credit", line.text)
            line.kind = Region.METADATA
            return True
        return False
    name = next(g for g in m.groups() if g is not None).strip()
    if _END_TAG.fullmatch(name):
        line.kind = Region.BOILERPLATE
        return True
    if credited(name) or (m.group("paren") and name.isupper() and len(name) >= 2):
        found.publisher(_P_CLOSING, order, name, "credit", line.text)
        line.kind = Region.METADATA
        return True
    if (m.group("eq") or m.group("slash")) and looks_like_outlet(name):
        found.publisher(_P_CLOSING, order, name, "credit", line.text)
        line.kind = Region.METADATA
        return True
    return False


def _copyright(line: _Line, order: int, found: _Findings, *, special: bool) -> bool:
    s = line.text
    m = _COPYRIGHT.match(s) if special else None
    if m is None and not ("rved" in s.lower() and _RIGHTS.search(s)):  # no other letters fold to r, v, e, d
        return False
    if m is not None and m.group("name") and looks_like_outlet(m.group("name")):
        found.publisher(_P_COPYRIGHT, order, m.group("name"), "copyright", s)
    line.kind = Region.BOILERPLATE
    return True


def _contribution(s: str, order: int, found: _Findings) -> bool:
    """Read a line crediting contributors ("With inputs from PTI", "AFP contributed to this report.", "dr/rt (AFP)")."""
    if not (s.endswith((")", ".")) or s[:1] in "(-\u2013\u2014" or s[:4].lower() in ("with", "inpu", "addi")):
        return False
    m = _CONTRIBUTION.match(s)
    if m is None:
        return False
    who = (m.group("who") or m.group("who2") or m.group("list")).strip()
    outlet = credited(who)
    if (m.group("with") or m.group("list")) and outlet is None and not _AGENCIES.search(who):
        return False  # "With the talks over, ..." or "(L to R) ...": no credit
    if outlet is not None:
        found.publisher(_P_CLOSING, order, who, "credit", s)
    return True


def _bare_credit(s: str) -> str | None:
    """Return the outlet a last line credits ("Anadolu Agency", "Al Jazeera and news agencies"), or None."""
    if len(s) > 80:
        return None
    name = _AGENCIES_SUFFIX.sub("", s).strip(" .")
    if not name or len(name.split()) > 6:
        return None
    return name if credited(name) or looks_like_outlet(name) else None


def _strong_caption(s: str, *, special: bool = True) -> bool:
    """Whether line *s* has a strong sign of a caption (a "photo" label, a photo credit...).

    *special* is False when the line does not begin as `_SPECIAL_START` says a caption sign may.
    """
    if (special and _CAPTION_START.match(s)) or ("(" in s and _CAPTION_BRACKETS.search(s)):
        return True
    if ("\u1ea3" in s or "\u1ea2" in s) and _CAPTION_ANH.search(s):
        return True
    if "/" in s and _CAPTION_AGENCY_SLASH.search(s):
        return True
    low = s.lower()
    return ("getty" in low or "photo" in low or "licensing" in low) and _CAPTION_CREDIT.search(s) is not None


def _is_caption(s: str, *, special: bool) -> bool:
    if _strong_caption(s, special=special):
        return True
    return bool(_CAPTION_WEAK.search(s)) and len(s.split()) <= 60 and not _QUOTE.search(s)


def _classify(line: _Line, order: int, found: _Findings, *, dayfirst: bool | None, china: bool) -> None:
    """Give *line* its region, or leave it None for prose (title or body)."""
    s = line.text
    short = len(s) <= 300
    letters = len(_LETTER.findall(s)) if len(s) <= 40 else 99
    special = _SPECIAL_START.match(s) is not None  # if not, none of the patterns tried at the start matches
    if short and letters == 0:
        is_date = _date_line(line, order, found, dayfirst=dayfirst, china=china, base=line.start)
        if not is_date:
            line.kind = Region.BOILERPLATE
        return
    if short and (
        (letters <= 2 and len(s) <= 6 and canonical_publisher(s) is None)
        or _is_menu(s)
        or (special and _END_TAG.fullmatch(s))
        or _copyright(line, order, found, special=special)
    ):
        line.kind = line.kind or Region.BOILERPLATE
        return
    if short and (
        _date_line(line, order, found, dayfirst=dayfirst, china=china, base=line.start)
        or _label_line(line, order, found, special=special)
        or _credit_line(line, order, found, special=special)
    ):
        return
    if len(s) <= 40 and _RELATIVE_LINE.fullmatch(s):
        line.kind = Region.METADATA
        return
    release = _RELEASE_LINE.match(s) if short and _RELEASE_END.search(s, len(s) - 9) else None
    if release is not None:
        found.publisher(_P_META, order, release.group("org"), "metadata line", s)
        line.kind = Region.METADATA
        return
    if short and special and _REPORTING.match(s):
        by = _REPORTING_BY.search(s)
        if by is not None and credited(by.group("who")):
            found.publisher(_P_CLOSING, order, by.group("who"), "credit", s)  # "Additional reporting by Reuters"
        line.kind = Region.METADATA
        return
    if len(s) <= 120 and _contribution(s, order, found):
        line.kind = Region.METADATA
        return
    if len(s) <= 120:
        by = _BYLINE.match(s) if special else None
        if by and len(s.split()) <= 10:
            names = _BYLINE_CUT.split(by.group("names"), maxsplit=1)[0]  # "Anna Berg \u2022 3h \u2022 2 min read"
            if all(w[0].isupper() or w.lower() in _SMALL_WORDS or w in ("|", "-", "/", "&") for w in names.split()):
                _byline(names, order, found, s)
                line.kind = Region.METADATA
                return
    if len(s) <= 60 and _name_credit(s, order, found):
        line.kind = Region.METADATA
        return
    if len(s) <= 1500 and _is_caption(s, special=special):
        line.kind = Region.CAPTION


def _agency_ok(name: str) -> bool:
    """Whether the bracketed name of a dateline reads as a news agency ("Yonhap", "VNA", "Asia Business Wire")."""
    if credited(name):
        return True
    return name[:1].isupper() and (name.isupper() or looks_like_outlet(name) or len(name.split()) <= 3)


def _dateline(line: _Line, order: int, found: _Findings, *, strict: bool = False) -> int:
    """Find a dateline (or a leading agency credit) at the start of *line*; return where the body starts.

    *strict* (for a line after the first of the body) accepts only a dateline with a place in capitals
    or an agency's credit.
    """
    s = line.text
    lead = _LEAD_CREDIT.match(s)
    if lead is not None:
        agency = lead.group("agency").strip()
        if canonical_publisher(agency) or agency.isupper() or looks_like_outlet(agency):
            found.publisher(_P_LEAD, order, agency, "credit", lead.group())
            return line.start + lead.end()
        return line.start
    if len(s) <= 40 and s.isupper() and _PLACE_ONLY.fullmatch(s) and _is_place(s) and _known_place(s):
        found.datelines.append((order, _title_case(s), "dateline", s))  # "VILNIUS" on a line of its own
        return line.end
    m = _DATELINE.match(s, 0, min(len(s), 200))
    if m is None:
        return line.start
    place = _strip_period(m.group("place"))
    caps = place.replace("/", " ").isupper()
    month = m.group("month") or m.group("month2")
    region, bare = m.group("region"), m.group("bare")
    if bare is None and region is not None and month is None and canonical_publisher(region):
        bare = region  # "Tehran, IRNA --"
    if bare is not None and canonical_publisher(bare) is None:
        return line.start  # "Paris, Feb 3, Smith -": only a known agency follows the date unbracketed
    agency = m.group("agency") or m.group("slash") or bare
    name = agency.strip() if agency else None
    sep = m.group("sep")
    if name is not None and not _agency_ok(name):
        return line.start
    if sep is None and not m.group("slash") and not (name and (month or canonical_publisher(name))):
        return line.start
    if not caps and not (month or agency or (sep in ("--", "\u2014", "\u2013") and _is_country(region))):
        return line.start  # "Kyiv, Ukraine \u2014" is a dateline, "Meanwhile \u2014" is not
    if sep == ":" and (month or agency or not caps) and not (name and (canonical_publisher(name) or name.isupper())):
        return line.start  # "SRINAGAR, Feb 26 (ANI):" is a dateline, "Seoul, Nov. 3: ..." is not
    if not _is_place(place) or (strict and not (caps or name)):
        return line.start
    if m.end() < len(s) and s[m.end()].islower():
        return line.start  # "NATO - the alliance ...": a body goes on with a capital
    if name is not None:
        found.publisher(_P_DATELINE, order, name, "dateline", m.group())
    found.datelines.append((order, _title_case(place), "dateline", m.group().strip()))
    if month is not None and found.dateline_day is None:
        number = month_number(month)
        day = int((m.group("day") or m.group("day2")).rstrip("stndrh"))
        year = int(m.group("year")) if m.group("year") else None
        if number is not None:
            found.dateline_day = (number, day, year, m.group().strip())
    return line.start + m.end()


@functools.cache
def _country_names() -> frozenset[str]:
    names: set[str] = set()
    for entry in load_json("countries.json")["countries"]:
        names.update(entry.get("names", ()))
        names.update(entry.get("cities", ()))
        for region in entry.get("regions", ()):  # a name, or a record with its name and other names
            names.update([region] if isinstance(region, str) else [region["name"], *region.get("names", ())])
    return frozenset(names)


def _known_place(name: str) -> bool:
    """Whether a line in capitals is a place: one word ("VILNIUS"), or a country, region or city we know."""
    return " " not in name or _title_case(name) in _country_names()


def _is_country(name: str | None) -> bool:
    """Whether *name* is a country or one of its regions ("Ukraine", "Texas"), as a dateline may add."""
    return name is not None and name in _country_names()


def _strip_period(place: str) -> str:
    """Drop the period that ends a place before its date ("MOSCOW. Feb 3"), not that of an abbreviation ("ST.")."""
    last = place.rsplit(None, 1)[-1]
    if last.endswith(".") and last.count(".") == 1 and len(last) > 4:
        return place[:-1]
    return place


def _is_place(name: str) -> bool:
    letters = sum(c.isalpha() for c in name)
    return letters >= 3 and name.lower().strip(".") not in _NOT_PLACE and canonical_publisher(name) is None


def _page_title(line: _Line, order: int, found: _Findings) -> str | None:
    """Read a page's title bar ("Talks end | World | Daily Planet", "Talks end - BBC News | 03.02.2025").

    Return the headline it begins with, and record the outlet and the date it names, when every part
    after the headline is short and one of them is an outlet or a date; otherwise return None.
    """
    s = line.text
    if _TITLE_BAR_SEP.search(s) is None:
        return None
    parts = _TITLE_BAR_SEP.split(s)
    head, tail = parts[0], parts[1:]
    if len(head.split()) < 3 or any(len(p.split()) > 5 or not (p[:1].isupper() or p[:1].isdigit()) for p in tail):
        return None
    outlets = [p for p in tail if canonical_publisher(p)] or [p for p in tail if looks_like_outlet(p)]
    dates = [d for p in tail for d in find_dates(p)]
    if not outlets and not dates:
        return None
    if outlets:
        found.publisher(_P_PAGE, order, outlets[-1], "title bar", s)
    for d in dates:
        found.dates.append((1, order, d.value, s))
    return head


def _headline(line: _Line) -> bool:
    s = line.text
    return (
        2 <= line.words <= 30
        and len(s) <= 250
        and not s[0].islower()
        and _HEADLINE_END.search(s) is None
        and not s.endswith(("--", "-", "\u2014", "\u2013"))
    )


def _short_headline(line: _Line, following: list[_Line]) -> bool:
    """Whether a two-word line ("Talks collapse") is a headline: metadata or prose follows it."""
    if line.words != 2 or not following or not _headline(line):
        return False
    nxt = following[0]
    if nxt.kind is None and nxt.words < 15 and _headline(nxt):
        return False  # a section label ("Middle East") above the headline ("Will the truce hold?")
    return nxt.kind is Region.METADATA or (nxt.kind is None and _prose(nxt))


def _prose(line: _Line) -> bool:
    s = line.text.rstrip()
    m = _CLOSING.search(s, max(0, len(s) - 60))
    if m is not None:
        s = s[: m.start()].rstrip()
    return line.words >= 15 or s.endswith((".", "!", "?", "\u2026", '"', "\u201d", "'", "\u2019", ")"))


def _repeated_later(text: str, line: _Line) -> bool:
    """Whether every sentence of *line* appears verbatim later in the text (a site teaser)."""
    if len(line.text) > 3000:
        return False
    bounds = sentence_bounds(text, line.start, line.end)
    if not bounds:
        return False
    for a, b in bounds:
        sentence = text[a:b]
        if len(sentence) < 20 or text.find(sentence, line.end) < 0:
            return False
    return True


@attrs.frozen
class _Layout:
    segments: tuple[Segment, ...]
    found: _Findings


def _analyse(text: str, *, dayfirst: bool | None) -> _Layout:
    found = _Findings()
    china = "CST" in text and _CHINA.search(text) is not None
    lines = list(_lines(text))
    for order, line in enumerate(lines):
        _classify(line, order, found, dayfirst=dayfirst, china=china)
    prose = [i for i, line in enumerate(lines) if line.kind is None]

    # header: short lines before the headline are menus
    # whether prose follows the n-th candidate is whether the last prose line comes after it (found once:
    # searching the rest of the lines again for each short line was quadratic in the number of lines)
    last_prose_at = next((k for k in range(len(prose) - 1, 0, -1) if _prose(lines[prose[k]])), 0)
    later_prose = last_prose_at >= 1
    for n, i in enumerate(prose):
        line = lines[i]
        if line.words < 3 and not _prose(line) and not _short_headline(line, lines[i + 1 : i + 2]):
            line.kind = Region.BOILERPLATE
            later_prose = last_prose_at >= n + 1
            continue
        if _headline(line) and later_prose:
            page = _page_title(line, i, found)
            if page is not None and any(lines[j].text == page for j in range(i + 1, min(i + 6, len(lines)))):
                line.kind = Region.METADATA  # the page's title bar; the headline itself follows
                later_prose = last_prose_at >= n + 1
                continue
            line.kind = Region.TITLE
            found.title = line.text
            if page is not None:
                found.title = page
                line.pieces = [
                    (line.start, line.start + len(page), Region.TITLE),
                    (line.start + len(page), line.end, Region.METADATA),
                ]
        break

    # a teaser before the last metadata line of the header that repeats later text
    header_meta = [i for i, line in enumerate(lines[:15]) if line.kind is Region.METADATA]
    if header_meta:
        for i in range(header_meta[-1]):
            line = lines[i]
            if line.kind is None and _repeated_later(text, line):
                line.kind = Region.BOILERPLATE

    # footer: short lines after the last line of prose
    body = [i for i, line in enumerate(lines) if line.kind is None]
    last_prose = next((i for i in reversed(body) if _prose(lines[i])), None)
    if last_prose is not None:
        tail = [i for i in body if i > last_prose]
        for i in tail:
            line = lines[i]
            credit = _bare_credit(line.text) if i == tail[-1] else None
            if credit is not None:
                found.publisher(_P_BARE, i, credit, "credit", line.text)
                line.kind = Region.METADATA
            elif line.words < 15:
                line.kind = Region.BOILERPLATE
    body = [i for i, line in enumerate(lines) if line.kind is None]

    for i in body:
        lines[i].kind = Region.BODY
    # the dateline opens the first paragraph, or one of the next two after a caption or a line of
    # furniture that was not recognised as such ("A crowd in Tacloban. Photo: AFP", "RFE/RL's Service")
    for k, i in enumerate(body[:3]):
        first = lines[i]
        start = _dateline(first, i, found, strict=k > 0)
        if start >= first.end:  # a line that is only a dateline
            first.kind = Region.METADATA
            body.remove(i)
            break
        if start > first.start:
            first.pieces = [(first.start, start, Region.METADATA), (start, first.end, Region.BODY)]
            break
        if first.words >= 40:
            break  # the lead paragraph: a dateline is not further down
    if body:
        last = lines[body[-1]]
        m = _CLOSING.search(text, max(last.start, last.end - 60), last.end)
        if m is not None and m.start() > (last.pieces[-1][0] if last.pieces else last.start):
            name = next(g for g in m.groupdict().values() if g is not None).strip()
            region = None
            if m.group("bare") and not canonical_publisher(name):
                region = None
            elif _END_TAG.fullmatch(name):
                region = Region.BOILERPLATE
            elif credited(name) or (m.group("paren") and name.isupper() and len(name) >= 2):
                found.publisher(_P_CLOSING, body[-1], name, "credit", m.group().strip())
                region = Region.METADATA
            if region is not None:
                head = last.pieces[:-1] if last.pieces else []
                body_start = last.pieces[-1][0] if last.pieces else last.start
                last.pieces = [*head, (body_start, m.start(), Region.BODY), (m.start(), last.end, region)]

    segments: list[tuple[int, int, Region]] = []
    for line in lines:
        pieces = line.pieces or [(line.start, line.end, line.kind or Region.BODY)]
        for a, b, region in pieces:
            a2, b2 = _trim(text, a, b)
            if b2 <= a2:
                continue
            if segments and segments[-1][2] is region:
                segments[-1] = (segments[-1][0], b2, region)
            else:
                segments.append((a2, b2, region))
    return _Layout(
        segments=tuple(Segment(span=Span(start=a, end=b), region=r) for a, b, r in segments),
        found=found,
    )


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --------------------------------------------------------------------------- metadata


def _year_from_text(text: str, month: int, day: int, *, dayfirst: bool | None) -> int | None:
    for d in find_dates(text, dayfirst=dayfirst):
        value = d.value
        if value.month == month and value.day == day:
            return value.year
    return None


def _year_from_url(url: str, month: int) -> int | None:
    """Return the year of a dated address ("/2017/11/22/...") whose month agrees with *month*."""
    for m in _URL_DATE.finditer(url[:500]):
        if int(m.group("m")) == month:
            return int(m.group("y"))
    return None


def _published(
    found: _Findings, text: str, *, dayfirst: bool | None, url: str | None = None
) -> tuple[dt.date | dt.datetime, Provenance] | None:
    if found.dates:
        rank, _, value, raw = min(found.dates, key=lambda d: (d[0], d[1]))
        method = "date line (updated)" if rank == 2 else "date line"
        return value, Provenance(field="published", method=method, text=raw)
    if found.dateline_day is not None:
        month, day, year, raw = found.dateline_day
        method = "dateline"
        if year is None:
            year = _year_from_text(text, month, day, dayfirst=dayfirst)
            method = "dateline, year from a full date of the same day"
        if year is None and url:
            year = _year_from_url(url, month)
            method = "dateline, year from the address"
        if year is None:
            return None
        try:
            return dt.date(year, month, day), Provenance(field="published", method=method, text=raw)
        except ValueError:
            return None
    return None


def _fill(source: Source, found: _Findings, text: str, *, dayfirst: bool | None) -> Source:
    changes: dict[str, Any] = {}
    provenance = list(source.inferred)
    if source.title is None and found.title is not None:
        changes["title"] = found.title
        provenance.append(Provenance(field="title", method="headline", text=found.title))
    if source.published is None:
        published = _published(found, text, dayfirst=dayfirst, url=source.url)
        if published is not None:
            changes["published"] = published[0]
            provenance.append(published[1])
    if source.publisher is None and found.publishers:
        _, _, name, method, raw = min(found.publishers, key=lambda p: (p[0], p[1]))
        changes["publisher"] = name
        provenance.append(Provenance(field="publisher", method=method, text=raw))
    if source.dateline is None and found.datelines:
        _, place, method, raw = min(found.datelines, key=lambda d: (_DATELINE_RANK[d[2]], d[0]))
        changes["dateline"] = place
        provenance.append(Provenance(field="dateline", method=method, text=raw))
    if source.author is None and found.authors:
        _, name, raw = found.authors[0]
        changes["author"] = name
        provenance.append(Provenance(field="author", method="byline", text=raw))
    if not changes:
        return source
    return attrs.evolve(source, **changes, inferred=tuple(provenance))


# --------------------------------------------------------------------------- the step


@registries.extractors.register("clean")
@attrs.frozen(kw_only=True)
class Cleaner:
    r"""Separate body text from title, captions, metadata and boilerplate; infer the article's metadata.

    Attributes:
        infer_metadata: Fill the `Source` fields not given explicitly from the text.
        dayfirst: Force the reading of numeric dates ("05/06/2019"); by
            default the separator decides (slash: month first, as in
            "11/23/2017"; hyphen or dot: day first, as in "26-11-2020").

    Examples:
        >>> from diplomev import Article, Document
        >>> text = ("Leaders meet in Hanoi\n"
        ...         "HANOI, March 3 (VNA) -- The two leaders met on Monday.\n(END)")
        >>> doc = Cleaner()(Document(article=Article(id="a", text=text)))
        >>> for s in doc.segments:
        ...     print(s.region.value, repr(s.span.slice(text)))
        title 'Leaders meet in Hanoi'
        metadata 'HANOI, March 3 (VNA) --'
        body 'The two leaders met on Monday.'
        boilerplate '(END)'
        >>> src = doc.article.source
        >>> src.title, src.publisher, src.dateline
        ('Leaders meet in Hanoi', 'VNA', 'Hanoi')
    """

    name = "clean"

    infer_metadata: bool = True
    dayfirst: bool | None = None

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its segments, its inferred metadata and its reference date."""
        text = doc.text
        layout = _analyse(text, dayfirst=self.dayfirst)
        article = doc.article
        if self.infer_metadata:
            source = _fill(article.source, layout.found, text, dayfirst=self.dayfirst)
            if source is not article.source:
                article = attrs.evolve(article, source=source)
        reference = doc.reference
        published = article.source.published_date
        if published is not None and reference is None:
            reference = Reference(date=published, method="published")
        return attrs.evolve(doc, article=article, segments=layout.segments, reference=reference)
