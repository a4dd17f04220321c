"""Robustness and safety: nothing lost on broken inputs, untrusted files, one error hierarchy.

* Nothing lost: a corpus where some inputs are broken writes every good
  record, reports every bad input on standard error with its file and line,
  and exits with status 1; records out plus errors reported equal inputs in.
* Untrusted files: user dictionaries, pattern files and gold files are data,
  never code; paths are not followed outside what the user named.
* Errors: every exception diplomev defines derives from `DiplomevError`; the
  source has no bare ``except:`` and no ``print`` outside the command line.
* Hostile JSON: nested far too deep, a number of too many digits, NaN and
  Infinity, a lone surrogate, a number too large for a float, a truncated
  document, a byte order mark, a value that is not the object expected: at
  every entry point that parses JSON, the entry point's own error naming the
  file and line, and in a stream of records only the bad record is lost.
* Hostile files: wrongly typed gold fields, files that are not UTF-8 and
  exploding pattern phrases give the entry point's own error.
"""

from __future__ import annotations

import ast
import csv
import importlib
import inspect
import io
import json
import pickle
import pkgutil
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

import diplomev
import diplomev.errors
import diplomev.serialisers
from diplomev import registries
from diplomev.cli import main
from diplomev.corpus import prepare_resume, resume_ids, run_timeline
from diplomev.errors import (
    ArticleTooLargeError,
    ConfigError,
    DiplomevError,
    DiplomevWarning,
    DropDocument,
    GoldError,
    InputError,
    LegacyEncodingWarning,
    SerialisationError,
)
from diplomev.evaluation import load_gold, read_records
from diplomev.extractors._patterns import PatternSet
from diplomev.kb import KnowledgeBase, load_user_dictionary
from diplomev.readers import DEFAULT_MAX_SIZE

SRC = Path(diplomev.__file__).resolve().parent
COMMAND_LINE = frozenset({"cli.py", "__main__.py", "corpus/_commands.py"})
"""The modules of the command-line layer: "the work behind the commands" may print reports there."""


# --------------------------------------------------------------------------- a corpus with broken inputs

GOOD = {
    "good1": "South Korea and Japan held talks in Tokyo on Monday.",
    "legacy": "Japan and India signed a trade agreement in Tokyo on Monday. Café owners cheered.",
    "page": "Brazil and Argentina held talks in Brasília on Tuesday.",
    "j1": "China and Russia held talks in Moscow on Tuesday.",
    "j3": "France and Germany signed an agreement in Paris on Friday.",
    "c1": "Kenya and Ethiopia held talks in Nairobi on Wednesday.",
    "r1": "Turkey and Greece held talks in Ankara on Thursday.",
    "r3": "Canada and Mexico signed a trade agreement in Ottawa on Monday.",
}
"""The good articles of the broken corpus, by id; each has events."""

BAD = (
    ("binary.txt", None),  # bytes that are no text at all (NUL bytes)
    ("big.txt", None),  # over the default maximum article size
    ("news.jsonl", 2),  # a malformed JSON line among good ones
    ("cut.jsonl", 2),  # a truncated file: no final newline, cut inside a record
    ("rows.csv", 3),  # a CSV row without its text cell
)
"""The bad inputs of the broken corpus: file and line (None for a whole file)."""


def _write_broken_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good1.txt").write_text(GOOD["good1"] + "\n", encoding="utf-8")
    # Not UTF-8: read as Windows-1252 with a LegacyEncodingWarning naming the file (recovered, not lost).
    (folder / "legacy.txt").write_bytes((GOOD["legacy"] + "\n").encode("cp1252"))
    (folder / "page.html").write_text(
        f"<html><head><title>Talks</title></head><body><p>{GOOD['page']}</p></body></html>", encoding="utf-8"
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03junk\xff\xfe\x00")
    with (folder / "big.txt").open("wb") as fh:
        fh.truncate(DEFAULT_MAX_SIZE + 1)  # a sparse file: costs nothing, rejected by its size before reading
    records = [
        json.dumps({"id": "j1", "text": GOOD["j1"]}),
        '{"id": "j2", "text": "Peru and Chile held talks',
        "",
        json.dumps({"id": "j3", "text": GOOD["j3"]}),
    ]
    (folder / "news.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "cut.jsonl").write_text(
        json.dumps({"id": "c1", "text": GOOD["c1"]}) + '\n{"id": "c2", "text": "Egypt and Israel he', encoding="utf-8"
    )
    (folder / "rows.csv").write_text(f"id,text\nr1,{GOOD['r1']}\nr2\nr3,{GOOD['r3']}\n", encoding="utf-8")
    return folder


def _count_inputs(folder: Path) -> int:
    """Count the inputs of a folder: one per text or HTML file, one per non-blank record line."""
    total = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".txt", ".html"):
            total += 1
        elif path.suffix in (".jsonl", ".csv"):
            lines = [line for line in path.read_bytes().split(b"\n") if line.strip()]
            total += len(lines) - (path.suffix == ".csv")  # the CSV header is no input
    return total


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("diplomev: error:")]


def _names(error: str, folder: Path, name: str, line: int | None) -> bool:
    """Return whether an error message names the file (and the line, if given)."""
    where = f"{folder / name}:{line}" if line else str(folder / name)
    return f"{where}:" in error or f"{where}," in error


@pytest.fixture(name="broken_corpus", scope="module")
def fixture_broken_corpus(tmp_path_factory) -> Path:
    """A folder of good articles and broken inputs of every kind."""
    return _write_broken_corpus(tmp_path_factory.mktemp("broken") / "corpus")


class TestNothingLost:
    """A corpus run with broken inputs writes every good record and reports every bad input."""

    def test_fixture_counts(self, broken_corpus):
        """The broken corpus holds 13 inputs: 8 good articles and 5 bad inputs."""
        assert _count_inputs(broken_corpus) == len(GOOD) + len(BAD) == 13

    def test_articles_command(self, broken_corpus, tmp_path, capsys):
        """``diplomev articles``: records out plus errors reported equal the inputs, and the status is 1."""
        out = tmp_path / "articles.jsonl"
        with pytest.warns(LegacyEncodingWarning, match="legacy.txt"):
            status = main(["articles", str(broken_corpus), "--output", str(out)])
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        errors = _errors(capsys.readouterr().err)
        assert status == 1
        assert sorted(r["id"] for r in records) == sorted(GOOD)
        assert len(records) + len(errors) == _count_inputs(broken_corpus)
        for name, line in BAD:
            assert sum(_names(e, broken_corpus, name, line) for e in errors) == 1, (name, line, errors)

    def test_extract_command(self, broken_corpus, tmp_path, capsys):
        """``diplomev extract``: every good article's events are written, every bad input is reported, status 1."""
        out = tmp_path / "events.jsonl"
        with pytest.warns(LegacyEncodingWarning, match="legacy.txt"):
            status = main(["extract", str(broken_corpus), "--output", str(out)])
        events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        errors = _errors(capsys.readouterr().err)
        assert status == 1
        by_article: dict[str, int] = {}
        for event in events:
            by_article[event["article"]] = by_article.get(event["article"], 0) + 1
        expected = {ident: len(diplomev.extract(diplomev.Article(id=ident, text=text))) for ident, text in GOOD.items()}
        assert by_article == expected
        assert len(errors) == len(BAD)
        for name, line in BAD:
            assert any(_names(e, broken_corpus, name, line) for e in errors), (name, line, errors)

    def test_size_error_names_the_limit(self, broken_corpus, tmp_path, capsys):
        """An article over the size limit is reported as too large, naming its size and the limit."""
        with pytest.warns(LegacyEncodingWarning):
            main(["articles", str(broken_corpus), "--output", str(tmp_path / "a.jsonl")])
        (error,) = [e for e in _errors(capsys.readouterr().err) if "big.txt" in e]
        assert str(DEFAULT_MAX_SIZE + 1) in error
        assert str(DEFAULT_MAX_SIZE) in error

    def test_all_good_exits_zero(self, tmp_path, capsys):
        """A corpus without broken inputs exits with status 0 and reports nothing."""
        (tmp_path / "a.txt").write_text(GOOD["good1"], encoding="utf-8")
        status = main(["articles", str(tmp_path), "--output", str(tmp_path / "out.jsonl")])
        assert status == 0
        assert not _errors(capsys.readouterr().err)

    def test_bad_usage_exits_two(self, tmp_path, capsys):
        """An unknown output format is bad usage: status 2."""
        (tmp_path / "a.txt").write_text(GOOD["good1"], encoding="utf-8")
        assert main(["extract", str(tmp_path), "--format", "no-such-format"]) == 2
        assert "no-such-format" in capsys.readouterr().err

    def test_library_limits(self, tmp_path):
        """With read_corpus, max_size and max_line_length reject single records and reading goes on."""
        path = tmp_path / "news.jsonl"
        lines = [
            json.dumps({"id": "a", "text": GOOD["j1"]}),
            json.dumps({"id": "b", "text": "x" * 500}),
            json.dumps({"id": "c", "text": GOOD["j3"], "pad": "y" * 5000}),
            json.dumps({"id": "d", "text": GOOD["r1"]}),
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        errors: list[InputError] = []
        articles = list(diplomev.read_corpus(path, on_error=errors.append, max_size=200, max_line_length=1000))
        assert [a.id for a in articles] == ["a", "d"]
        assert [(type(e), e.line) for e in errors] == [(ArticleTooLargeError, 2), (ArticleTooLargeError, 3)]

    def test_unclosed_csv_quote(self, tmp_path):
        """A CSV row whose quote never closes is reported, and the rows after it are still read."""
        path = tmp_path / "rows.csv"
        path.write_text(
            f'id,text\nq1,"{GOOD["j1"]}\nq2,{GOOD["j3"]}\nq3,{GOOD["r1"]}\n',
            encoding="utf-8",
        )
        errors: list[InputError] = []
        articles = list(diplomev.read_corpus(path, on_error=errors.append))
        assert [a.id for a in articles] == ["q2", "q3"]
        assert [e.line for e in errors] == [2]
        assert len(articles) + len(errors) == _count_inputs(tmp_path)

    def test_cli_max_size(self, tmp_path, capsys):
        """``--max-size`` rejects articles larger than it, naming the file."""
        (tmp_path / "small.txt").write_text(GOOD["good1"], encoding="utf-8")
        (tmp_path / "long.txt").write_text(GOOD["j1"] * 10, encoding="utf-8")
        status = main(["articles", str(tmp_path), "--max-size", "200", "--output", str(tmp_path / "a.jsonl")])
        errors = _errors(capsys.readouterr().err)
        assert status == 1
        assert len(errors) == 1
        assert "long.txt" in errors[0]


# --------------------------------------------------------------------------- untrusted files

_MARKER = "diplomev-executed-marker"


class _Payload:
    """A pickle that creates a file when unpickled: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def _payloads(folder: Path) -> dict[str, bytes]:
    marker = folder / _MARKER
    return {
        "pickle": pickle.dumps(_Payload(marker)),
        "yaml": f"!!python/object/apply:builtins.open [{str(marker)!r}, w]\n".encode(),
        "yaml-mapping": f"people: !!python/object/apply:os.system ['touch {marker}']\n".encode(),
        "python": f"open({str(marker)!r}, 'w')\n".encode(),
        "json-with-code": json.dumps(
            {"__reduce__": ["open", [str(marker), "w"]], "people": "__import__('os')"}
        ).encode(),
        "toml": f'people = "!!python/object/apply:builtins.open"\nmarker = "{marker}"\n'.encode(),
    }


PAYLOADS = ("pickle", "yaml", "yaml-mapping", "python", "json-with-code", "toml")
DICTIONARY_SUFFIXES = (".json", ".toml", ".yaml", ".pkl")


class TestUntrustedFiles:
    """Dictionaries, pattern files and gold files are parsed as data, never run."""

    @pytest.mark.parametrize("suffix", DICTIONARY_SUFFIXES)
    @pytest.mark.parametrize("kind", PAYLOADS)
    def test_user_dictionary(self, tmp_path, kind, suffix):
        """A user dictionary holding a code payload is a ConfigError naming the file, and nothing runs."""
        path = tmp_path / f"dictionary{suffix}"
        path.write_bytes(_payloads(tmp_path)[kind])
        with pytest.raises(ConfigError, match="dictionary"):
            load_user_dictionary(path)
        with pytest.raises(ConfigError):
            KnowledgeBase.default().with_entries(path)
        assert not (tmp_path / _MARKER).exists()

    @pytest.mark.parametrize("kind", PAYLOADS)
    def test_patterns_file(self, tmp_path, kind):
        """An event patterns file holding a code payload is a ConfigError, and nothing runs."""
        path = tmp_path / "patterns.json"
        path.write_bytes(_payloads(tmp_path)[kind])
        with pytest.raises(ConfigError, match="patterns"):
            PatternSet.from_file(path)
        assert not (tmp_path / _MARKER).exists()

    @pytest.mark.parametrize("kind", PAYLOADS)
    def test_gold_file(self, tmp_path, kind):
        """A gold file holding a code payload is a GoldError naming the file (or, if valid JSON, mere data); nothing runs."""
        gold = tmp_path / "gold"
        gold.mkdir()
        (gold / "a1.json").write_bytes(_payloads(tmp_path)[kind])
        if kind == "json-with-code":
            assert load_gold(gold)["a1"].events == ()  # unknown keys are ignored: strings stay strings
        else:
            with pytest.raises(GoldError, match="a1.json"):
                load_gold(gold)
        assert not (tmp_path / _MARKER).exists()

    def test_no_code_loading_in_src(self):
        """No module of diplomev calls eval, exec, pickle, marshal, shelve or a YAML loader."""
        banned_calls = {"eval", "exec", "__import__"}
        banned_modules = {"pickle", "marshal", "shelve", "yaml", "dill", "cloudpickle", "jsonpickle"}
        found = []
        for path in sorted(SRC.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in banned_calls:
                    found.append(f"{path.name}:{node.lineno}: {node.func.id}()")
                elif isinstance(node, ast.Import):
                    found.extend(
                        f"{path.name}:{node.lineno}: import {a.name}"
                        for a in node.names
                        if a.name.split(".")[0] in banned_modules
                    )
                elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in banned_modules:
                    found.append(f"{path.name}:{node.lineno}: from {node.module} import")
        assert found == []

    def test_directory_symlinked_folder_not_followed(self, tmp_path):
        """A symbolic link to a folder outside the named directory is not descended into."""
        corpus, outside = tmp_path / "corpus", tmp_path / "outside"
        corpus.mkdir()
        (outside / "private").mkdir(parents=True)
        (outside / "private" / "inner.txt").write_text("Private text outside the corpus.", encoding="utf-8")
        (corpus / "good.txt").write_text(GOOD["good1"], encoding="utf-8")
        (corpus / "linked").symlink_to(outside / "private", target_is_directory=True)
        errors: list[InputError] = []
        articles = list(diplomev.read_corpus(corpus, on_error=errors.append))
        assert [a.id for a in articles] == ["good"]

    def test_directory_symlinked_file_not_followed(self, tmp_path):
        """A symbolic link inside the named directory to a file outside it is reported, not read."""
        corpus, outside = tmp_path / "corpus", tmp_path / "outside"
        corpus.mkdir()
        outside.mkdir()
        (outside / "secret.txt").write_text("Private text outside the corpus.", encoding="utf-8")
        (corpus / "good.txt").write_text(GOOD["good1"], encoding="utf-8")
        (corpus / "link.txt").symlink_to(outside / "secret.txt")
        errors: list[InputError] = []
        articles = list(diplomev.read_corpus(corpus, on_error=errors.append))
        assert [a.id for a in articles] == ["good"]
        assert len(errors) == 1
        assert errors[0].path == str(corpus / "link.txt")
        assert "symbolic link" in errors[0].reason

    def test_directory_symlink_inside_is_read(self, tmp_path):
        """A symbolic link to a file inside the named directory is read like the file."""
        corpus = tmp_path / "corpus"
        (corpus / "real").mkdir(parents=True)
        (corpus / "real" / "a.txt").write_text(GOOD["good1"], encoding="utf-8")
        (corpus / "alias.txt").symlink_to(corpus / "real" / "a.txt")
        errors: list[InputError] = []
        ids = sorted(a.id for a in diplomev.read_corpus(corpus, on_error=errors.append))
        assert ids == ["a", "alias"]
        assert errors == []

    def test_named_symlink_is_read(self, tmp_path):
        """A symbolic link the user names explicitly is what the user named: it is read."""
        (tmp_path / "real.txt").write_text(GOOD["good1"], encoding="utf-8")
        (tmp_path / "named.txt").symlink_to(tmp_path / "real.txt")
        assert diplomev.read(tmp_path / "named.txt").text == GOOD["good1"]

    @pytest.mark.parametrize("ident", ["../outside/secret", "/etc/hostname", "a/../../b"])
    def test_gold_article_text_by_file_name(self, tmp_path, ident):
        """The article text checked against a gold file is found by the file's own name, never a path in its content."""
        gold = tmp_path / "corpus" / "gold"
        gold.mkdir(parents=True)
        (tmp_path / "outside").mkdir()
        (tmp_path / "outside" / "secret.txt").write_text("Nothing to see.", encoding="utf-8")
        event = {"type": "CONSULT", "evidence": "held talks"}
        (gold / "a1.json").write_text(json.dumps({"article": ident, "events": [event]}), encoding="utf-8")
        assert list(load_gold(gold)) == [ident]  # no text beside: the outside file was not consulted
        (tmp_path / "corpus" / "a1.txt").write_text("Nothing held here.", encoding="utf-8")
        with pytest.raises(GoldError, match="evidence"):
            load_gold(gold)


# --------------------------------------------------------------------------- hostile JSON

_DEEP = "[" * 50_000 + "]" * 50_000
"""A JSON value nested far deeper than the interpreter's recursion limit (short enough for a CSV cell)."""


def _insert(doc: str, value: str) -> str:
    """Return the JSON object or array *doc* with *value* put first into it (as key ``"x"`` of an object)."""
    rest = doc[1:]
    sep = "" if rest.lstrip().startswith(("]", "}")) else ", "
    return ("{" + '"x": ' if doc.startswith("{") else "[") + value + sep + rest


def _cut(doc: str) -> str:
    """Return *doc* cut in the middle, as a truncated file or an interrupted write leaves it."""
    return doc[: len(doc) // 2]


def _wrap(doc: str) -> str:
    """Return *doc* inside an array (an object inside an object): not the JSON value expected."""
    return "[" + doc + "]" if doc.startswith("{") else '{"x": ' + doc + "}"


HOSTILE = {
    "deep": (lambda doc: _insert(doc, _DEEP), "nested too deeply"),
    "digits": (lambda doc: _insert(doc, "7" * 5000), "5000 digits"),
    "nan": (lambda doc: _insert(doc, "NaN"), "NaN"),
    "infinity": (lambda doc: _insert(doc, "-Infinity"), "-Infinity"),
    "lone-surrogate": (lambda doc: _insert(doc, '"\\ud800"'), "lone surrogate"),
    "huge-float": (lambda doc: _insert(doc, "1e400"), "1e400"),
    "truncated": (_cut, "JSON"),
    "bom": (lambda doc: "\ufeff" + doc, "byte order mark"),
    "not-object": (_wrap, ""),
}
"""Hostile payloads: how each turns a good JSON document into a bad one, and what the error message says."""


def _events(n: int = 3) -> list[diplomev.Event]:
    return [
        diplomev.Event(
            article=f"a{i}",
            cameo="040",
            source=diplomev.Actor(country="KOR", aliases=("Seoul",)),
            target=diplomev.Actor(country="JPN"),
        )
        for i in range(1, n + 1)
    ]


def _dumped(fmt: str) -> str:
    buf = io.StringIO()
    diplomev.dump(_events(), buf, format=fmt)
    return buf.getvalue()


def _lines_with_bad(lines: list[str], number: int, make) -> str:
    """Return *lines* joined, line *number* (1-based) made bad by *make*."""
    lines = list(lines)
    lines[number - 1] = make(lines[number - 1])
    return "\n".join(lines) + "\n"


def _array_with_bad(make) -> str:
    """The json format (records on lines 2-4 between ``[`` and ``]``), the record of line 3 made bad."""
    lines = _dumped("json").splitlines()
    record = lines[2].rstrip(",")
    lines[2] = make(record) + ","
    return "\n".join(lines) + "\n"


def _csv_with_bad(make) -> str:
    """The csv format, the JSON cell ``source.aliases`` of the row on line 3 made bad."""
    rows = list(csv.reader(io.StringIO(_dumped("csv"))))
    column = rows[0].index("source.aliases")
    rows[2][column] = make(rows[2][column])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _read_corpus(tmp, make, on_error):
    path = tmp / "news.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": GOOD["good1"]}) for i in (1, 2, 3)]
    path.write_text(_lines_with_bad(lines, 2, make), encoding="utf-8")
    return path, [a.id for a in diplomev.read_corpus(path, on_error=on_error)]


def _serialiser(fmt, text_with_bad):
    def run(tmp, make, on_error):
        ser = registries.serialisers.get(fmt)()
        records = ser.load(io.StringIO(text_with_bad(make)), on_error=on_error, path="events.data")
        return "events.data", [e.article for e in records]

    return run


def _jsonl_text(fmt):
    return lambda make: _lines_with_bad(_dumped(fmt).splitlines(), 2, make)


def _resume_ids(tmp, make, on_error):
    path = tmp / "events.jsonl"
    path.write_text(_jsonl_text("jsonl")(make), encoding="utf-8")
    return path, sorted(resume_ids(path))


_BOM_DROPPED = frozenset({"bom"})
"""A byte order mark these readers drop: the article reader decodes each line on its own (files joined
together each keep their own mark), and the json format skips it like white space between records."""


class Stream(NamedTuple):
    """An entry point that reads a stream of records."""

    run: Callable[..., tuple[object, list[str]]]
    """run(tmp, make, on_error) -> (the path named in errors, the article ids of the records read)."""
    error: type[DiplomevError]
    line: int
    """The line of the bad record."""
    accepted: frozenset[str] = frozenset()
    """The payloads that are no error there."""


STREAMS = [
    pytest.param(Stream(_read_corpus, InputError, 2, _BOM_DROPPED), id="read_corpus"),
    pytest.param(Stream(_serialiser("jsonl", _jsonl_text("jsonl")), SerialisationError, 2), id="jsonl.load"),
    pytest.param(Stream(_serialiser("plover", _jsonl_text("plover")), SerialisationError, 2), id="plover.load"),
    pytest.param(Stream(_serialiser("json", _array_with_bad), SerialisationError, 3, _BOM_DROPPED), id="json.load"),
    pytest.param(Stream(_serialiser("csv", _csv_with_bad), SerialisationError, 3), id="csv.load"),
]
"""Entry points that read a stream of records: a bad record is reported and the others are read."""


def _gold(tmp, make):
    (tmp / "gold").mkdir()
    path = tmp / "gold" / "a1.json"
    path.write_text(make(json.dumps({"article": "a1", "events": []})), encoding="utf-8")
    return path, lambda: load_gold(tmp / "gold")


def _dictionary(tmp, make):
    path = tmp / "dictionary.json"
    path.write_text(make(json.dumps({"modifiers": ["former"]})), encoding="utf-8")
    return path, lambda: load_user_dictionary(path)


def _patterns(tmp, make):
    path = tmp / "patterns.json"
    pattern = {"id": "x", "cameo": "040", "phrases": ["held talks"]}
    path.write_text(make(json.dumps({"patterns": [pattern]})), encoding="utf-8")
    return path, lambda: PatternSet.from_file(path)


def _records(tmp, make):
    path = tmp / "events.jsonl"
    path.write_text(_jsonl_text("jsonl")(make), encoding="utf-8")
    return path, lambda: read_records(path)


DOCUMENTS = [
    # id, write(tmp, make) -> (path, load), error type, line of the bad record (None: the line of the file)
    pytest.param(_gold, GoldError, None, id="load_gold"),
    pytest.param(_dictionary, ConfigError, None, id="load_user_dictionary"),
    pytest.param(_patterns, ConfigError, None, id="PatternSet.from_file"),
    pytest.param(_records, SerialisationError, 2, id="read_records"),
]
"""Entry points that read one JSON document (or stop at the first bad line): the error names the file and line."""


class TestHostileJson:
    """Hostile JSON at every entry point is the entry point's own error, naming the file and line; nothing else is lost."""

    @pytest.mark.parametrize("payload", HOSTILE)
    @pytest.mark.parametrize("stream", STREAMS)
    def test_stream(self, tmp_path, stream, payload):
        """The bad record is reported with its file, line and reason; the records around it are read."""
        run, error, line, accepted = stream
        make, says = HOSTILE[payload]
        errors: list[DiplomevError] = []
        path, ids = run(tmp_path, make, errors.append)
        if payload in accepted:
            assert (ids, errors) == (["a1", "a2", "a3"], [])
            return
        assert ids == ["a1", "a3"]
        assert len(errors) == 1, errors
        (err,) = errors
        assert type(err) is error
        assert err.line == line
        assert f"{path}:{line}: " in str(err)
        assert says in str(err)
        again = tmp_path / "again"  # without on_error, the bad record raises
        again.mkdir()
        with pytest.raises(error) as info:
            run(again, make, None)
        assert info.value.line == line
        assert Path(info.value.path).name == Path(path).name
        assert str(info.value).startswith(f"{info.value.path}:{line}: ")

    @pytest.mark.parametrize("payload", HOSTILE)
    @pytest.mark.parametrize(("write", "error", "line"), DOCUMENTS)
    def test_document(self, tmp_path, write, error, line, payload):
        """The document is refused with the entry point's own error, naming the file, the line where known, and why."""
        make, says = HOSTILE[payload]
        path, load = write(tmp_path, make)
        with pytest.raises(error) as info:
            load()
        message = str(info.value)
        assert says in message
        if line is not None:
            assert message.startswith(f"{path}:{line}: ")
        elif payload in ("not-object", "deep"):  # no line: the value is not what is expected, or too deep to parse
            assert message.startswith(f"{path}: ")
        else:
            assert re.match(rf"{re.escape(str(path))}:1:\d+: ", message), message

    @pytest.mark.parametrize("payload", HOSTILE)
    def test_articles_command(self, tmp_path, capsys, payload):
        """``diplomev articles`` writes the good records of a JSON Lines file, reports the bad line, exits 1."""
        make, says = HOSTILE[payload]
        folder = tmp_path / "in"
        folder.mkdir()
        path, _ = _read_corpus(folder, make, lambda err: None)
        out = tmp_path / "articles.jsonl"
        status = main(["articles", str(folder), "--output", str(out)])
        if payload in _BOM_DROPPED:
            assert status == 0
            return
        assert status == 1
        assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a1", "a3"]
        (error,) = _errors(capsys.readouterr().err)
        assert f"{path}:2: " in error
        assert says in error

    def test_extract_command_lone_surrogate_in_text(self, tmp_path, capsys):
        """An article text holding a lone surrogate escape is reported; it once crashed the writing of all events."""
        folder = tmp_path / "in"
        folder.mkdir()
        text = json.dumps({"id": "a2", "text": GOOD["j1"]}).replace(" in ", " \\ud800 in ")
        good = [json.dumps({"id": i, "text": GOOD[i]}) for i in ("j1", "j3")]
        (folder / "news.jsonl").write_text("\n".join([good[0], text, good[1]]) + "\n", encoding="utf-8")
        out = tmp_path / "events.jsonl"
        assert main(["extract", str(folder), "--output", str(out)]) == 1
        articles = {json.loads(x)["article"] for x in out.read_text(encoding="utf-8").splitlines()}
        assert articles == {"j1", "j3"}
        (error,) = _errors(capsys.readouterr().err)
        assert f"{folder / 'news.jsonl'}:2: " in error
        assert "lone surrogate" in error

    @pytest.mark.parametrize("payload", HOSTILE)
    def test_timeline_command(self, tmp_path, payload):
        """``diplomev timeline`` on an event file reads the good events, reports the bad line, exits 1."""
        make, says = HOSTILE[payload]
        path = tmp_path / "events.jsonl"
        path.write_text(_jsonl_text("jsonl")(make), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        assert run_timeline([path], format="jsonl", stdout=out, stderr=err, progress=False) == 1
        articles = sorted(a for x in out.getvalue().splitlines() for a in json.loads(x)["articles"])
        assert articles == ["a1", "a3"]
        (error,) = _errors(err.getvalue())
        assert f"{path}:2: " in error
        assert says in error

    @pytest.mark.parametrize("payload", HOSTILE)
    def test_resume(self, tmp_path, payload):
        """Resuming from an event file skips a bad line: the articles of the good lines are done."""
        make, _ = HOSTILE[payload]
        path = tmp_path / "events.jsonl"
        path.write_text(_jsonl_text("jsonl")(make), encoding="utf-8")
        assert resume_ids(path) == {"a1", "a3"}
        assert prepare_resume(path) == {"a1"}  # a3, the last article, may be incomplete: it is done again

    @pytest.mark.parametrize("payload", HOSTILE)
    def test_dask_item(self, payload):
        """A bag item holding refused JSON is an InputError; one that is not a JSON object is an article's text."""
        pytest.importorskip("dask.bag")
        from diplomev.corpus.dask import to_article

        make, says = HOSTILE[payload]
        item = make(json.dumps({"id": "a2", "text": GOOD["good1"]}))
        if payload in ("truncated", "bom", "not-object"):
            assert to_article(item).text == item
        else:
            with pytest.raises(InputError, match=re.escape(says)):
                to_article(item)

    @pytest.mark.parametrize("payload", [p for p in HOSTILE if p != "not-object"])  # JSON-LD may be an array
    def test_html_json_ld(self, tmp_path, payload):
        """Refused JSON-LD in a page is ignored: the page is read with its text, as without the JSON-LD."""
        make, _ = HOSTILE[payload]
        script = make(json.dumps({"@type": "NewsArticle", "headline": "Ignored"}))
        path = tmp_path / "page.html"
        path.write_text(
            f'<html><head><script type="application/ld+json">{script}</script></head>'
            f"<body><p>{GOOD['page']}</p></body></html>",
            encoding="utf-8",
        )
        article = diplomev.read(path)
        assert article.text == GOOD["page"]
        assert article.source.title != "Ignored"


class TestHostileFiles:
    """Files built to break parsers give the documented error."""

    def test_pattern_phrase_explosion(self, tmp_path):
        """A phrase whose alternatives multiply into millions of sequences is a ConfigError, at once."""
        phrase = " ".join(["a|b|c|d|e"] * 7)  # 78 125 sequences: bounded here, refused once the limit is in
        path = tmp_path / "patterns.json"
        path.write_text(json.dumps({"patterns": [{"id": "x", "cameo": "040", "phrases": [phrase]}]}), encoding="utf-8")
        with pytest.raises(ConfigError, match="sequences"):
            PatternSet.from_file(path)

    @pytest.mark.parametrize(
        "content",
        [
            {"events": True},
            {"events": "0"},
            {"events": [[]]},
            {"times": 5},
            {"times": ["t"]},
            {"metadata": []},
            {"events": [{"mode": []}]},
            {"events": [{"date": {"start": "2024-01-01", "end": "2024-01-01", "granularity": []}}]},
        ],
    )
    def test_gold_field_types(self, tmp_path, content):
        """A gold field of the wrong type is a GoldError naming the file."""
        (tmp_path / "a1.json").write_text(json.dumps(content), encoding="utf-8")
        with pytest.raises(GoldError, match="a1.json"):
            load_gold(tmp_path)

    def test_gold_article_text_not_utf8(self, tmp_path):
        """An article text beside the gold folder that is not UTF-8 is a GoldError."""
        (tmp_path / "gold").mkdir()
        (tmp_path / "gold" / "a1.json").write_text(json.dumps({"article": "a1", "events": []}), encoding="utf-8")
        (tmp_path / "a1.txt").write_bytes(b"caf\xe9")
        with pytest.raises(GoldError):
            load_gold(tmp_path / "gold")

    def test_records_not_utf8(self, tmp_path):
        """evaluation.read_records on a file that is not UTF-8 is a SerialisationError naming the line."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(b'{"article": "a1"}\n{"article": "caf\xe9"}\n')
        with pytest.raises(SerialisationError) as info:
            read_records(path)
        assert info.value.line == 2

    def test_load_not_utf8(self, tmp_path):
        """diplomev.load on a file that is not UTF-8 is a SerialisationError naming the file."""
        path = tmp_path / "events.jsonl"
        path.write_bytes(b'{"id": "caf\xe9"}\n')
        with pytest.raises(SerialisationError, match="events.jsonl"):
            list(diplomev.load(path))


# --------------------------------------------------------------------------- the error hierarchy


def _modules():
    for info in pkgutil.walk_packages([str(SRC)], "diplomev."):
        yield importlib.import_module(info.name)


class TestErrorHierarchy:
    """One base class for every error; warnings and control flow apart."""

    def test_errors_module(self):
        """Every exception class of diplomev.errors derives from DiplomevError, but DropDocument and warnings."""
        classes = [c for _, c in inspect.getmembers(diplomev.errors, inspect.isclass) if issubclass(c, BaseException)]
        assert len(classes) >= 10
        for cls in classes:
            if cls is DropDocument:
                assert not issubclass(cls, Exception)
            elif issubclass(cls, Warning):
                assert issubclass(cls, DiplomevWarning)
            else:
                assert issubclass(cls, DiplomevError), cls

    def test_every_module(self):
        """Every exception or warning class defined anywhere in diplomev derives from DiplomevError or DiplomevWarning."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            modules = list(_modules())
        assert len(modules) > 20
        for module in modules:
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__ or not issubclass(cls, BaseException) or cls is DropDocument:
                    continue
                assert issubclass(cls, DiplomevWarning if issubclass(cls, Warning) else DiplomevError), cls

    def test_located_errors(self):
        """InputError and SerialisationError name the file and line; ExtractionError the step and article."""
        err = InputError("not JSON", path="news.jsonl", line=3, field="text")
        assert (err.path, err.line, err.field) == ("news.jsonl", 3, "text")
        assert str(err).startswith("news.jsonl:3")
        ser = SerialisationError("bad", path="e.csv", line=7)
        assert str(ser).startswith("e.csv:7")
        ext = diplomev.errors.ExtractionError("boom", step="events", doc_id="a1")
        assert "a1" in str(ext)
        assert "events" in str(ext)

    @staticmethod
    def _sources():
        return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(SRC.rglob("*.py"))]

    def test_no_bare_except(self):
        """No module of diplomev has a bare ``except:``."""
        found = [
            f"{path.relative_to(SRC)}:{node.lineno}"
            for path, tree in self._sources()
            for node in ast.walk(tree)
            if isinstance(node, ast.ExceptHandler) and node.type is None
        ]
        assert found == []

    def test_no_swallowed_broad_except(self):
        """No ``except Exception`` (or BaseException) clause of diplomev just passes."""
        found = []
        for path, tree in self._sources():
            for node in ast.walk(tree):
                if not isinstance(node, ast.ExceptHandler) or node.type is None:
                    continue
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                if names & {"Exception", "BaseException"} and all(isinstance(s, ast.Pass) for s in node.body):
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}")
        assert found == []

    def test_no_print_outside_cli(self):
        """Only the command-line layer prints; the library reports through exceptions, `warnings` or `logging`."""
        found = [
            f"{path.relative_to(SRC)}:{node.lineno}"
            for path, tree in self._sources()
            if path.relative_to(SRC).as_posix() not in COMMAND_LINE
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
        ]
        assert found == []
