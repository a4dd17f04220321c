"""Robustness and safety: nothing lost on broken inputs, untrusted files, one error hierarchy.

* Nothing lost: a corpus where some inputs are broken writes every good
  record, reports every bad input on standard error with its file and line,
  and exits with status 1; records out plus errors reported equal inputs in.
* Untrusted files: user dictionaries, pattern files and gold files are data,
  never code; paths are not followed outside what the user named.
* Errors: every exception diplomev defines derives from `DiplomevError`; the
  source has no bare ``except:`` and no ``print`` outside the command line.
* Hostile files: JSON nested far too deep, wrongly typed gold fields, files
  that are not UTF-8 and exploding pattern phrases give the entry point's own
  error.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import json
import pickle
import pkgutil
import warnings
from pathlib import Path

import pytest

import diplomev
import diplomev.errors
import diplomev.serialisers
from diplomev import registries
from diplomev.cli import main
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


# --------------------------------------------------------------------------- hostile JSON and files

_DEEP = "[" * 100_000 + "]" * 100_000
"""JSON nested far deeper than the interpreter's recursion limit."""
_DIGITS = "[" + "7" * 5000 + "]"
"""JSON holding a number of more digits than Python converts to an int (4300 by default, since 3.11)."""
PATCHES = "/tmp/robustness_patches"  # noqa: S108 - where the patches for src/ wait to be applied


def _pending(bug: str, patch: str) -> pytest.MarkDecorator:
    """Mark a test that shows a bug in src/ fixed by a patch not yet applied."""
    return pytest.mark.xfail(strict=True, reason=f"{bug}; fix in {PATCHES}/{patch}")


def _hostile_entry_points(payload: str, *, digits: bool = False):
    """Every entry point that parses JSON from a file or stream, fed *payload*, with the error it must raise."""

    def ser(name):
        return lambda tmp: list(registries.serialisers.get(name)().load(io.StringIO(payload)))

    def file(fn, suffix=".json"):
        def run(tmp):
            path = tmp / f"hostile{suffix}"
            path.write_text(payload, encoding="utf-8")
            return fn(path)

        return run

    def record(fn):
        def run(tmp):
            path = tmp / "hostile.jsonl"
            path.write_text('{"id": "a1", "text": "Talks.", "x": ' + payload + "}\n", encoding="utf-8")
            return fn(path)

        return run

    def csv_cell(tmp):
        events = diplomev.extract(GOOD["good1"], published="2024-03-04")
        buf = io.StringIO()
        diplomev.dump(events, buf, format="csv")
        text = buf.getvalue()
        cell = text.index("[", text.index("\n"))  # the first JSON array cell of the first row
        text = text[:cell] + payload[:100_001] + text[text.index("]", cell) + 1 :]
        return list(registries.serialisers.get("csv")().load(io.StringIO(text)))

    def gold(tmp):
        (tmp / "gold").mkdir()
        (tmp / "gold" / "a1.json").write_text(payload, encoding="utf-8")
        return load_gold(tmp / "gold")

    def mark(patch):
        return [_pending("a JSON number of too many digits raises a bare ValueError", patch)] if digits else []

    return [
        pytest.param(
            file(lambda p: list(diplomev.read_corpus(p)), ".jsonl"),
            InputError,
            id="read_corpus-jsonl",
            marks=mark("readers_records-2.diff"),
        ),
        pytest.param(
            record(lambda p: list(diplomev.read_corpus(p))),
            InputError,
            id="read_corpus-jsonl-field",
            marks=mark("readers_records-2.diff"),
        ),
        pytest.param(ser("jsonl"), SerialisationError, id="jsonl.load", marks=mark("serialisers-2.diff")),
        pytest.param(ser("json"), SerialisationError, id="json.load", marks=mark("serialisers-2.diff")),
        pytest.param(ser("plover"), SerialisationError, id="plover.load", marks=mark("serialisers-2.diff")),
        pytest.param(csv_cell, SerialisationError, id="csv.load-cell"),
        pytest.param(
            file(load_user_dictionary), ConfigError, id="load_user_dictionary", marks=mark("kb_loader-2.diff")
        ),
        pytest.param(
            file(PatternSet.from_file), ConfigError, id="PatternSet.from_file", marks=mark("extractors_patterns-2.diff")
        ),
        pytest.param(gold, GoldError, id="load_gold", marks=mark("evaluation-2.diff")),
        pytest.param(
            file(read_records, ".jsonl"), SerialisationError, id="read_records", marks=mark("evaluation-2.diff")
        ),
    ]


class TestHostileFiles:
    """Files built to break parsers give the documented error."""

    @pytest.mark.parametrize(("entry", "error"), _hostile_entry_points(_DEEP))
    def test_deeply_nested_json(self, tmp_path, entry, error):
        """JSON nested 100 000 deep is the entry point's own error, not a RecursionError."""
        with pytest.raises(error):
            entry(tmp_path)

    @pytest.mark.parametrize(("entry", "error"), _hostile_entry_points(_DIGITS, digits=True))
    def test_number_of_too_many_digits(self, tmp_path, entry, error):
        """A JSON number of 5000 digits is the entry point's own error, not Python's ValueError about int digits."""
        with pytest.raises(error):
            entry(tmp_path)

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
