"""The "sentences" step: sentence spans of the body text, with offsets.

Sentences are found in the BODY segments only (the title, captions, metadata
and boilerplate are not sentences of the article). Every line is a new
sentence. Inside a line a sentence ends at ``.``, ``!``, ``?``, an ellipsis
or ``…`` (with any closing quotes and brackets) followed by white space,
unless the next word starts with a small letter, or the period belongs to an
abbreviation or initial that does not end a sentence here:

* titles before a name never end one: Mr., Mrs., Ms., Dr., Gen., Lt., Col.,
  Sen., Rep., Gov., Prof., Capt., ... and vs., e.g., i.e.;
* numbers after No., Art., Vol., p., a month or an abbreviation continue it
  ("No. 1", "Nov. 22", "U.S. 7th Fleet");
* initials and other abbreviations (S. Korea, J. Smith, U.S., a.m., p.m.,
  Inc., Corp., Co., Ltd., St., Jr., Oct.) end one only when the next word is
  a usual sentence opener ("... in the U.S. The talks ...").

Decimal numbers and joined forms ("N.Korea", "3.5") never break, since no
space follows their period. A quotation that ends with ``,"`` continues the
sentence (``"...," the ministry said.``). The scan is one pass over the
text: linear time.

Added in version 0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from diplomev.model import Document, Region, Span
from diplomev.registry import registries

__all__ = ["SentenceSplitter", "sentence_bounds", "split_sentences"]

# A run of terminal marks not preceded by one (so the whole run), with any closing quotes and
# brackets, before white space. Written to start with the marks themselves (the look-behind
# checks, after the first mark, that the character before it is not one), so that a search skips
# quickly to the next mark: the same matches as "(?<![.!?\u2026])[.!?\u2026]+..." would have.
_TERMINAL = re.compile(r"[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s)")
_NEXT = re.compile(r"\s*[\"'\u201c\u2018(\[]*([^\s\"'\u201c\u2018(\[]{0,40})")
_ALNUM = re.compile(r"\w")
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters that end a line (those of `str.splitlines`)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEVER_SPLIT = _words(
    """mr mrs ms mx dr gen lt col sen rep gov prof capt maj sgt cpl pvt adm cmdr brig fr rev hon amb
    pres supt insp messrs mme mlle sra srta vs v e.g i.e cf viz approx dept est ca"""
)
"""Abbreviations that never end a sentence (titles before a name, "vs.", "e.g."...)."""

NUMBER_BEFORE = _words(
    """no nos art arts vol vols p pp fig figs ch chap sec para op ed nr tel ext rt hwy route jan feb mar apr
    jun jul aug sep sept oct nov dec"""
)
"""Abbreviations that do not end a sentence before a number ("No. 1", "Nov. 22")."""

AMBIGUOUS = _words(
    """inc corp co ltd llc plc bros st jr sr etc a.m p.m u.s u.n u.k e.u jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft dist univ assn intl natl govt min mins hr hrs"""
)
"""Abbreviations that end a sentence only before a usual sentence opener."""

STARTERS = _words(
    """the a an he she it they we i you this that these those there here his her its their our my your
    but and or so yet however meanwhile also in on at as after before when while if since although though
    during for from with without by to of under over about according earlier later last next some many
    most several both all each no not one two three four five six seven eight nine ten other another such
    what which who why how where mr mrs ms dr still then thus instead now today yesterday tomorrow"""
)
"""Words that usually open a sentence; after an ambiguous abbreviation they mark a sentence end."""

_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")


def _token_before(text: str, end: int, start: int) -> str:
    """Return the word that ends at *end* (without its final period), at most 30 characters back."""
    i = end
    low = max(start, end - 30)
    while i > low and not text[i - 1].isspace():
        i -= 1
    return text[i:end].lstrip("\"'\u201c\u2018([")


def _ends_sentence(text: str, m: re.Match[str], line_end: int, line_start: int) -> bool:
    nxt = _NEXT.match(text, m.end(), line_end)
    word = nxt.group(1) if nxt else ""
    if not word:
        return True
    first = word[0]
    if first.islower():
        return False
    mark = m.group().rstrip("\"'\u201d\u2019)]")
    if mark[-1] in "!?\u2026" or len(mark) > 1:
        return True
    if len(m.group()) > len(mark):  # closing quote or bracket after the period
        return True
    token = _token_before(text, m.start(), line_start)
    low = token.lower()
    if low in NEVER_SPLIT:
        return False
    starter = word.rstrip(".,;:!?\"'\u201d\u2019)").lower() in STARTERS
    if first.isdigit():
        return not (low in NUMBER_BEFORE or "." in low or len(token) == 1 or low in AMBIGUOUS)
    if len(token) == 1 and token.isalpha():
        return starter and len(word.rstrip(".,")) > 1
    if low in AMBIGUOUS or low in _MONTHS or ("." in token and all(len(p) <= 2 for p in low.split("."))):
        return starter
    return True


def _line_sentences(text: str, start: int, end: int, max_length: int, out: list[tuple[int, int]]) -> None:
    """Append the sentences of the line ``text[start:end]`` to *out*."""
    pos = start
    for m in _TERMINAL.finditer(text, start, end):
        # (the marks found are in order and each ends after the last sentence end: m.end() > pos)
        if _ends_sentence(text, m, end, start):
            _emit(text, pos, m.end(), max_length, out)
            pos = m.end()
    _emit(text, pos, end, max_length, out)


def _emit(text: str, start: int, end: int, max_length: int, out: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` without its surrounding white space, cut if too long, unless it has no word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_length:
        cut = start + max_length
        space = text.rfind(" ", start + max_length // 2, cut)
        cut = space if space > start else cut
        if _ALNUM.search(text, start, cut):
            out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and _ALNUM.search(text, start, end):
        out.append((start, end))


def sentence_bounds(text: str, start: int, stop: int, max_length: int = 2000) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of ``text[start:stop]``, in order (see `split_sentences`).

    Examples:
        >>> sentence_bounds("Talks began. They ended.", 0, 24)
        [(0, 12), (13, 24)]
    """
    out: list[tuple[int, int]] = []
    pos = start
    # str.splitlines breaks lines at the characters of _LINE_BREAKS (a line between two breaks in a
    # row is empty and has no sentence), several times faster than a search for them
    for line in text[start:stop].splitlines(keepends=True):
        _line_sentences(text, pos, pos + len(line.rstrip(_LINE_BREAKS)), max_length, out)
        pos += len(line)
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None, *, max_length: int = 2000) -> Iterator[Span]:
    """Yield the sentence spans of ``text[start:end]``, in order; offsets index *text*.

    Args:
        text: The text.
        start: Where the stretch to split starts.
        end: Where it ends (default: the end of the text).
        max_length: Longer sentences are cut at a space (run-on junk).

    Examples:
        >>> t = 'Gen. Kim met Dr. Lee in the U.S. on Nov. 22. "We agreed," he said.'
        >>> [s.slice(t) for s in split_sentences(t)]
        ['Gen. Kim met Dr. Lee in the U.S. on Nov. 22.', '"We agreed," he said.']
    """
    for a, b in sentence_bounds(text, start, len(text) if end is None else end, max_length):
        yield Span(start=a, end=b)


def _regions(value: tuple[Region | str, ...]) -> tuple[Region, ...]:
    return tuple(Region(r) for r in value)


@registries.extractors.register("sentences")
@attrs.frozen(kw_only=True)
class SentenceSplitter:
    """Split the body text of a document into sentences (`Document.sentences`).

    Without segments (the "clean" step did not run) the whole text is read
    as body.

    Attributes:
        max_length: Cut sentences longer than this many characters at a space.
        regions: The segment regions to split (default: the body only).

    Examples:
        >>> from diplomev import Article, Document
        >>> doc = SentenceSplitter()(Document(article=Article(id="a", text="Talks began. They ended.")))
        >>> [s.slice(doc.text) for s in doc.sentences]
        ['Talks began.', 'They ended.']
    """

    name = "sentences"

    max_length: int = 2000
    regions: tuple[Region, ...] = attrs.field(default=(Region.BODY,), converter=_regions)

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its sentences."""
        text = doc.text
        if doc.segments:
            stretches = [(s.span.start, s.span.end) for s in doc.segments if s.region in self.regions]
        else:
            stretches = [(0, len(text))]
        sentences = tuple(
            Span(start=a, end=b) for c, d in stretches for a, b in sentence_bounds(text, c, d, self.max_length)
        )
        return attrs.evolve(doc, sentences=sentences)
