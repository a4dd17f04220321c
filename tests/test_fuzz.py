"""Fuzz tests: arbitrary text and bytes through every public entry point.

Each test asserts only documented outcomes: a result, or an instance of
`diplomev.errors.DiplomevError`, with `DiplomevWarning` warnings allowed
(a `LegacyEncodingWarning` for bytes that are not UTF-8, an
`AmbiguousDateWarning` for a date read one of several ways). Any other
exception, or an `ExtractionError` whose cause is not a `DiplomevError` (a
step that crashed rather than refused), is a bug.

`make test` runs them with the ``ci`` hypothesis profile (60 examples, 20 or
10 for the slow entry points); ``make fuzz`` runs them with the ``fuzz``
profile (20 000 examples, 2000 or 1000 for the slow ones).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import diplomev
import diplomev.extractors  # registers the built-in steps
import diplomev.serialisers  # registers the built-in formats
from diplomev import Article, Document, registries
from diplomev.errors import DiplomevError, DiplomevWarning, ExtractionError
from diplomev.evaluation import load_gold

# The budget of the slow entry points (the whole pipeline, directories of
# files) is a fraction of the profile's: 20 and 10 with ``ci``, 2000 and 1000
# with ``fuzz``.
_BASE = settings.default.max_examples
_SLOW_OK = sorted({*settings.default.suppress_health_check, HealthCheck.too_slow}, key=lambda h: h.value)
HEAVY = settings(settings.default, max_examples=max(20, _BASE // 10), suppress_health_check=_SLOW_OK)
HEAVIEST = settings(settings.default, max_examples=max(10, _BASE // 20), suppress_health_check=_SLOW_OK)

EXTRACTORS = registries.extractors.names()
SERIALISERS = registries.serialisers.names()
SUFFIXES = (".txt", ".html", ".jsonl", ".csv")


# --------------------------------------------------------------------------- outcomes


def _check(err: DiplomevError) -> None:
    """Fail if *err* wraps a crash: a step's internal error is not a documented outcome."""
    if isinstance(err, ExtractionError):
        cause = err.__cause__
        if cause is not None and not isinstance(cause, DiplomevError):
            msg = f"step {err.step!r} crashed on {err.doc_id!r}: {type(cause).__name__}: {cause}"
            raise AssertionError(msg) from cause


@contextlib.contextmanager
def documented() -> Iterator[None]:
    """Let a result, a `DiplomevError` or a `DiplomevWarning` through; anything else fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DiplomevWarning)
        try:
            yield
        except DiplomevError as err:
            _check(err)


# --------------------------------------------------------------------------- strategies

WORDS = (
    "U.S.",
    "U.N.",
    "E.U.",
    "Nov.",
    "Oct.",
    "Gen.",
    "Dr.",
    "Mr.",
    "Ms.",
    "St.",
    "No.",
    "Jan.",
    "Inc.",
    "Co.",
    "South Korea",
    "China",
    "Japan",
    "Russia",
    "Ukraine",
    "Beijing",
    "Moscow",
    "Kyiv",
    "Washington",
    "Seoul",
    "NATO",
    "UN",
    "the European Union",
    "the Security Council",
    "Hamas",
    "the army",
    "protesters",
    "rebels",
    "President",
    "Foreign Minister",
    "Prime Minister",
    "Wang Yi",
    "Joe Biden",
    "Vladimir Putin",
    "the minister",
    "said",
    "says",
    "told",
    "met",
    "meets",
    "held talks",
    "visited",
    "will visit",
    "signed",
    "agreed to",
    "imposed sanctions on",
    "condemned",
    "accused",
    "attacked",
    "expelled",
    "threatened",
    "called for",
    "urged",
    "denied",
    "rejected",
    "welcomed",
    "praised",
    "warned",
    "announced",
    "deployed troops to",
    "arrested",
    "with",
    "against",
    "on",
    "in",
    "at",
    "of",
    "to",
    "by",
    "and",
    "or",
    "but",
    "not",
    "never",
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "its",
    "their",
    "his",
    "her",
    "who",
    "which",
    "that",
    "'s",
    "Monday",
    "on Tuesday",
    "last week",
    "next year",
    "yesterday",
    "in 2019",
    "March 3",
    "3 March 2024",
    "2024-02-29",
    "12/05/2023",
    "14:00 GMT",
    "the weekend",
    "earlier this month",
    "in the 1990s",
    "since 2001",
    "1,000,000",
    "3.5",
    "42",
    "99999999999999999999",
    "0",
    "-7",
    "%",
    "$",
    "€",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "...",
    "…",
    "--",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "/",
    "&",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "BEIJING,",
    "(Reuters)",
    "(AP) —",
    "Xinhua",
    "By Jane Doe",
    "Copyright 2024",
    "Advertisement",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b[0m",
    "\x7f",
    "Москва",
    "北京",
    "서울",
    "القاهرة",
    "Αθήνα",
    "עברית",
    "🙂",
    "e\u0301",
    "ﬁ",
)
SEPARATORS = (" ", " ", " ", "", "\n", ", ", ". ", "  ", "\t")

any_text = st.text(max_size=300)
"""Any characters (control characters and every script; no lone surrogates)."""


@st.composite
def newsy(draw: st.DrawFn, max_words: int = 120) -> str:
    """Text built from news-like tokens, so the extractors' rules are reached."""
    words = draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=max_words))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


@st.composite
def long_runs(draw: st.DrawFn, max_chars: int = 20_000) -> str:
    """One piece repeated many times ("U.S. U.S. ...", long numbers, a huge line)."""
    piece = draw(st.sampled_from(WORDS) | newsy(max_words=8) | st.text(min_size=1, max_size=8))
    piece = piece or "x"
    count = draw(st.integers(min_value=1, max_value=max(1, max_chars // len(piece))))
    tail = draw(newsy(max_words=20))
    return piece * count + tail


texts = st.one_of(any_text, newsy(), long_runs())
"""The texts every text entry point is fed."""

surrogate_text = st.text(st.characters(categories=["Cs", "Ll", "Zs", "Po"]), max_size=40)
"""Text holding lone surrogates, as ``os.fsdecode`` can produce."""

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
"""Any JSON value."""

ARTICLE_KEYS = ("id", "text", "body", "title", "published", "date", "publisher", "url", "dateline", "author")
date_strings = st.sampled_from(
    ["2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "9999-12-31T23:59:59+14:00", "yesterday", "", "  "]
) | st.text(max_size=20)


@st.composite
def article_records(draw: st.DrawFn) -> dict[str, object]:
    """A JSON Lines or CSV record that is often nearly valid: right keys, odd values."""
    record: dict[str, object] = {}
    for key in draw(st.lists(st.sampled_from(ARTICLE_KEYS), unique=True, max_size=6)):
        if key in ("published", "date"):
            record[key] = draw(date_strings | json_scalars)
        elif key in ("text", "body"):
            record[key] = draw(texts | json_values)
        else:
            record[key] = draw(st.text(max_size=30) | json_values)
    return record


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


codecs_ = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis"])


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """Lines of JSON records mixed with junk lines, blank lines and a cut-off last line."""
    lines: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        kind = draw(st.sampled_from(["record", "record", "value", "junk", "blank"]))
        if kind == "record":
            lines.append(json.dumps(draw(article_records()), ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_values)))
        elif kind == "junk":
            lines.append(draw(any_text).replace("\n", " "))
        else:
            lines.append(draw(st.sampled_from(["", " ", "\t", "\r"])))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    if lines and draw(st.booleans()):
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    return _encode(text, draw(codecs_))


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A header and rows of cells with quotes, delimiters and newlines inside."""
    header = draw(st.lists(st.sampled_from(ARTICLE_KEYS) | st.text(max_size=5), max_size=5))
    cell = st.text(max_size=40) | newsy(max_words=12) | st.sampled_from(['"', '""', '"a"b', "a,b", "\n", ""])
    rows = [header, *draw(st.lists(st.lists(cell, max_size=6), max_size=5))]
    quote = draw(st.booleans())
    lines = [",".join(f'"{c}"' if quote else c for c in row) for row in rows]
    return _encode("\n".join(lines), draw(codecs_))


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """A page of nested, unclosed and odd tags around news-like text."""
    tags = ("p", "div", "script", "style", "title", "h1", "br", "article", "meta", "time", "span", "!--", "![CDATA[")
    parts: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        tag = draw(st.sampled_from(tags))
        attr = draw(
            st.sampled_from(
                [
                    "",
                    ' charset="utf-8"',
                    ' charset="windows-1251"',
                    ' name="date" content="2024-01-01"',
                    ' property="og:title" content="x"',
                    ' datetime="2024-13-45"',
                    ' class="byline"',
                ]
            )
        )
        parts.append(f"<{tag}{attr}>" + draw(newsy(max_words=15) | any_text))
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return _encode("".join(parts), draw(codecs_))


any_bytes = st.one_of(
    st.binary(max_size=400),
    texts.flatmap(lambda t: codecs_.map(lambda c: _encode(t, c))),
    jsonl_bytes(),
    csv_bytes(),
    html_bytes(),
)
"""Bytes of every kind: random, encoded text, near-valid JSON Lines, CSV and HTML."""


def _article(text: str) -> Article:
    return Article(id="fuzz", text=text)


# --------------------------------------------------------------------------- readers


class TestReadText:
    """`diplomev.read_text` on any string."""

    @given(text=texts | surrogate_text, published=st.none() | date_strings)
    def test_any_text(self, text, published):
        """Any text gives an article holding it unchanged, or a DiplomevError."""
        with documented():
            fields = {} if published is None else {"published": published}
            article = diplomev.read_text(text, **fields)
            assert article.text == text


class TestRead:
    """`diplomev.read` on files of any bytes, with each suffix."""

    @pytest.mark.parametrize("suffix", SUFFIXES)
    @given(data=any_bytes)
    def test_any_bytes(self, suffix, data):
        """Any bytes in a file give one article or a DiplomevError."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"input{suffix}"
            path.write_bytes(data)
            with documented():
                article = diplomev.read(path)
                assert isinstance(article, Article)
                assert article.text.strip()

    @given(data=any_bytes, fmt=st.sampled_from(["text", "html", "jsonl", "csv"]), encoding=st.none() | codecs_)
    def test_forced_format_and_encoding(self, data, fmt, encoding):
        """Forcing a format or a strict encoding on any bytes gives an article or a DiplomevError."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "input.bin"
            path.write_bytes(data)
            with documented():
                assert isinstance(diplomev.read(path, format=fmt, encoding=encoding), Article)


class TestReadCorpus:
    """`diplomev.read_corpus` on directories of any files."""

    @HEAVY
    @given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), any_bytes), max_size=5))
    def test_directory(self, files):
        """Every file of a directory gives articles or reported InputErrors, never an exception."""
        with tempfile.TemporaryDirectory() as tmp:
            for i, (suffix, data) in enumerate(files):
                (Path(tmp) / f"f{i}{suffix}").write_bytes(data)
            errors: list[DiplomevError] = []
            with documented():
                articles = list(diplomev.read_corpus(tmp, on_error=errors.append))
                assert all(isinstance(a, Article) for a in articles)
                assert all(isinstance(e, diplomev.errors.InputError) and e.path for e in errors)

    @given(data=jsonl_bytes())
    def test_jsonl_raises_first_error(self, data):
        """Without on_error, a JSON Lines file gives articles until the first bad line raises a DiplomevError."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "news.jsonl"
            path.write_bytes(data)
            with documented():
                for article in diplomev.read_corpus(path):
                    assert isinstance(article, Article)

    @given(
        lines=st.lists(
            st.one_of(article_records().map(json.dumps), json_values.map(json.dumps), any_text, st.just("")),
            max_size=8,
        )
    )
    @example(lines=["\x0b"])  # a vertical tab: blank to str.strip, binary to the reader
    def test_jsonl_nothing_lost(self, lines):
        """Each non-blank line of a UTF-8 JSON Lines file gives exactly one outcome: an article or a reported error.

        A line of control characters only (blank to ``str.strip``) may also be
        reported, as binary data: over-reporting junk loses nothing.
        """
        lines = [line.replace("\r", " ").replace("\n", " ") for line in lines]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "news.jsonl"
            path.write_text("\n".join(lines), encoding="utf-8", newline="")
            errors: list[DiplomevError] = []
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DiplomevWarning)
                articles = list(diplomev.read_corpus(path, on_error=errors.append))
        outcomes = [int(a.origin.rsplit(":", 1)[1]) for a in articles] + [e.line for e in errors]
        assert len(outcomes) == len(set(outcomes)), (articles, errors)  # no line gives two outcomes
        assert {n for n, line in enumerate(lines, 1) if line.strip()} <= set(outcomes), (articles, errors)
        assert {n for n, line in enumerate(lines, 1) if line} >= set(outcomes)


# --------------------------------------------------------------------------- extraction


class TestExtract:
    """`diplomev.extract` (the default pipeline) on any text."""

    @HEAVY
    @given(text=texts, published=st.none() | st.dates(min_value=dt.date(1, 1, 1)) | date_strings)
    def test_any_text(self, text, published):
        """Any text gives a list of events or a DiplomevError; no step crashes."""
        with documented():
            fields = {} if published is None else {"published": published}
            events = diplomev.extract(text, **fields)
            assert isinstance(events, list)
            for event in events:
                for evidence in (event.evidence, event.trigger, *event.extra_evidence):
                    if evidence is not None:
                        assert 0 <= evidence.start <= evidence.end <= len(text)
                        assert text[evidence.start : evidence.end] == evidence.text

    @HEAVIEST
    @given(text=surrogate_text)
    def test_lone_surrogates(self, text):
        """Text with lone surrogates gives events or a DiplomevError."""
        with documented():
            assert isinstance(diplomev.extract(text), list)


class TestExtractors:
    """Each registered extractor, alone and in pipeline order."""

    @pytest.mark.parametrize("name", EXTRACTORS)
    @HEAVY
    @given(text=texts)
    def test_alone(self, name, text):
        """Each extractor built without options, run alone on a bare document, returns a Document or a DiplomevError."""
        with documented():
            step = registries.extractors.get(name)()
            doc = step(Document(article=_article(text)))
            assert isinstance(doc, Document)
            assert doc.article.text == text

    @HEAVY
    @given(text=texts)
    def test_in_order(self, text):
        """The default steps called one after the other (not through Pipeline) never raise anything else."""
        with documented():
            doc = Document(article=_article(text))
            for name in diplomev.DEFAULT_STEPS:
                doc = registries.extractors.get(name)()(doc)
                assert isinstance(doc, Document)
            for event in doc.events:
                assert attrs.has(type(event))


# --------------------------------------------------------------------------- serialisers and gold files


class TestSerialiserLoad:
    """Each serialiser's ``load`` on any text."""

    @pytest.mark.parametrize("name", SERIALISERS)
    @given(text=any_text | jsonl_bytes().map(lambda b: b.decode("utf-8", "replace")) | json_values.map(json.dumps))
    def test_any_text(self, name, text):
        """Reading back any text gives records or a DiplomevError (``table`` is write-only and always refuses)."""
        ser = registries.serialisers.get(name)()
        with documented():
            for record in ser.load(io.StringIO(text)):
                assert record is not None

    @pytest.mark.parametrize("name", SERIALISERS)
    @given(records=st.lists(json_values | article_records(), max_size=4))
    def test_json_records(self, name, records):
        """Reading back JSON values that are not events gives records or a DiplomevError."""
        ser = registries.serialisers.get(name)()
        text = json.dumps(records) if name == "json" else "\n".join(json.dumps(r) for r in records)
        with documented():
            list(ser.load(io.StringIO(text)))


class TestLoadGold:
    """`diplomev.evaluation.load_gold` on any JSON file."""

    @HEAVY
    @given(
        value=json_values
        | st.fixed_dictionaries(
            {},
            optional={
                "article": json_values,
                "metadata": json_values,
                "events": json_values
                | st.lists(
                    st.dictionaries(
                        st.sampled_from(["type", "cameo", "mode", "date", "source", "target", "evidence"]), json_values
                    )
                ),
                "times": json_values | st.lists(json_values),
                "notes": json_values,
            },
        ),
        text=st.none() | any_text,
    )
    def test_any_json(self, value, text):
        """Any JSON value in a gold file (with or without its article text) gives gold articles or a DiplomevError."""
        with tempfile.TemporaryDirectory() as tmp:
            gold = Path(tmp) / "gold"
            gold.mkdir()
            (gold / "a1.json").write_text(json.dumps(value), encoding="utf-8")
            if text is not None:
                (Path(tmp) / "a1.txt").write_text(text, encoding="utf-8")
            with documented():
                assert isinstance(load_gold(gold), dict)

    @given(data=st.binary(max_size=200))
    def test_any_bytes(self, data):
        """Any bytes in a gold file give gold articles or a DiplomevError."""
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "a1.json").write_bytes(data)
            with documented():
                load_gold(tmp)
