"""Properties every serialiser shares: registration, choice by extension, streaming, error lines, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplomev import Actor, Event, Evidence, Location, TimeSpan, dump, load
from diplomev.api import get_serialiser
from diplomev.cli import main
from diplomev.errors import SerialisationError
from diplomev.registry import registries
from diplomev.typing import Serialiser

FORMATS = ("jsonl", "json", "csv", "gdelt", "icews", "plover", "table")
READABLE = tuple(f for f in FORMATS if f != "table")


def _event(i: int) -> Event:
    return Event(
        article=f"article-{i}",
        cameo="042",
        source=Actor(name="Kang Kyung-wha", kind="person", country="KOR", sector="GOV"),
        target=Actor(country="CHN", sector="GOV"),
        date=TimeSpan.day(dt.date(2017, 11, 22)),
        location=Location(name="Beijing", country="CHN"),
        evidence=Evidence(text="The minister arrived in Beijing.", start=0, end=32),
    )


def _corrupt(name: str, text: str) -> tuple[str, int]:
    """Break the second record of *text* in a way natural to the format; return the text and the bad line."""
    lines = text.split("\n")
    first = {"jsonl": 0, "json": 1, "csv": 1, "gdelt": 0, "icews": 1, "plover": 0}[name]
    bad = first + 1
    if name == "csv":
        lines[bad] = lines[bad].replace(",KOR,", ",Korea,", 1)
    elif name in ("gdelt", "icews"):
        lines[bad] = "\t".join(lines[bad].split("\t")[:5])
    else:
        lines[bad] = lines[bad][: len(lines[bad]) // 2] + ("," if name == "json" else "")
    return "\n".join(lines), bad + 1


class TestRegistry:
    @pytest.mark.parametrize("name", FORMATS)
    def test_every_format_is_registered_and_fits_the_protocol(self, name: str) -> None:
        """Each built-in format is found by name and satisfies the Serialiser protocol."""
        ser = get_serialiser(name)
        assert isinstance(ser, Serialiser)
        assert ser.name == name
        assert name in registries.serialisers.names()

    @pytest.mark.parametrize("name", FORMATS)
    def test_extensions_choose_the_format(self, name: str) -> None:
        """Each format's extensions select it, and no two formats share one."""
        for ext in get_serialiser(name).extensions:
            assert get_serialiser(path=f"events{ext.upper()}").name == name
        all_ext = [e for f in FORMATS for e in get_serialiser(f).extensions]
        assert len(all_ext) == len(set(all_ext))

    @pytest.mark.parametrize("name", READABLE)
    def test_files_round_trip_through_dump_and_load(self, name: str, tmp_path: Path) -> None:
        """diplomev.dump and diplomev.load pick the format from the extension of a path."""
        path = tmp_path / f"events{get_serialiser(name).extensions[0]}"
        evs = [_event(i) for i in range(3)]
        dump(evs, path)
        back = list(load(path))
        assert [e.article for e in back] == [e.article for e in evs]
        assert [e.source.country for e in back] == ["KOR"] * 3


class _CountingReader(io.StringIO):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.consumed = 0

    def read(self, size: int | None = -1) -> str:
        out = super().read(size)
        self.consumed += len(out)
        return out

    def readline(self, size: int | None = -1) -> str:
        out = super().readline(size)
        self.consumed += len(out)
        return out

    def __next__(self) -> str:
        out = super().__next__()
        self.consumed += len(out)
        return out


class TestStreaming:
    @pytest.mark.parametrize("name", READABLE)
    def test_readers_do_not_read_the_whole_file_for_the_first_record(self, name: str) -> None:
        """Taking the first record of a large file reads only a small part of it."""
        buf = io.StringIO()
        get_serialiser(name).dump((_event(i) for i in range(3000)), buf)
        stream = _CountingReader(buf.getvalue())
        first = next(iter(get_serialiser(name).load(stream)))
        assert first.article == "article-0"
        assert stream.consumed < len(buf.getvalue()) / 10

    @pytest.mark.parametrize("name", FORMATS)
    def test_writers_write_before_the_input_ends(self, name: str) -> None:
        """Writers emit each record as it comes instead of collecting them first."""
        out = io.StringIO()
        seen: list[int] = []

        def records() -> Iterator[Event]:
            for i in range(3):
                seen.append(len(out.getvalue()))
                yield _event(i)

        get_serialiser(name).dump(records(), out)
        assert seen[1] < seen[2]


class TestErrors:
    @pytest.mark.parametrize("name", READABLE)
    def test_a_malformed_line_is_reported_by_number_and_the_rest_read(self, name: str) -> None:
        """In every reader a bad record names its line and the records around it are still read."""
        ser = get_serialiser(name)
        buf = io.StringIO()
        ser.dump([_event(i) for i in range(3)], buf)
        text, bad_line = _corrupt(name, buf.getvalue())
        errors: list[SerialisationError] = []
        out = list(ser.load(io.StringIO(text), on_error=errors.append, path="events"))  # type: ignore[call-arg]
        assert [e.article for e in out] == ["article-0", "article-2"]
        assert [e.line for e in errors] == [bad_line]
        assert str(errors[0]).startswith(f"events:{bad_line}:")

    @pytest.mark.parametrize("name", READABLE)
    def test_without_a_handler_the_bad_line_raises(self, name: str) -> None:
        """Without on_error the first bad record raises SerialisationError with its line number."""
        ser = get_serialiser(name)
        buf = io.StringIO()
        ser.dump([_event(i) for i in range(3)], buf)
        text, bad_line = _corrupt(name, buf.getvalue())
        with pytest.raises(SerialisationError) as info:
            list(ser.load(io.StringIO(text)))
        assert info.value.line == bad_line


def _load_json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class TestCommandLine:
    @pytest.fixture(name="article")
    def fixture_article(self, tmp_path: Path) -> Path:
        path = tmp_path / "talks.txt"
        path.write_text(
            "Brazil and Argentina signed a trade agreement in Brasilia on Monday, officials said.\n"
            "The Argentine foreign minister later met his Brazilian counterpart.\n",
            encoding="utf-8",
        )
        return path

    @pytest.mark.parametrize("name", FORMATS)
    def test_extract_writes_every_format(self, name: str, article: Path, tmp_path: Path) -> None:
        """`diplomev extract --format X` writes X, with the same events as JSON Lines."""
        reference = tmp_path / "reference.jsonl"
        assert main(["extract", str(article), "-o", str(reference)]) == 0
        expected = _load_json_lines(reference)
        out = tmp_path / f"out.{name}"
        assert main(["extract", str(article), "--format", name, "-o", str(out)]) == 0
        if name == "table":
            assert len(out.read_text(encoding="utf-8").splitlines()) == 2 + len(expected)
        else:
            back = list(load(out, format=name))
            assert [e.cameo for e in back] == [rec["cameo"] for rec in expected]

    def test_extract_chooses_the_format_from_the_output_extension(self, article: Path, tmp_path: Path) -> None:
        """Without --format the extension of --output selects the format."""
        out = tmp_path / "events.csv"
        assert main(["extract", str(article), "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8").startswith("id,article,type,cameo")


DOCS = Path(__file__).resolve().parents[2] / "docs" / "reference" / "formats"


class TestReferencePages:
    @pytest.mark.parametrize("name", [*FORMATS])
    def test_every_format_has_a_page_with_an_example(self, name: str) -> None:
        """Each format is documented on its own page, with an Example section."""
        text = (DOCS / f"{name}.md").read_text(encoding="utf-8")
        assert "## Example" in text
        assert f"`{name}`" in text

    @pytest.mark.parametrize(
        ("page", "columns"),
        [
            ("gdelt", "diplomev.serialisers.gdelt:GDELT_COLUMNS"),
            ("icews", "diplomev.serialisers.icews:ICEWS_COLUMNS"),
            ("csv", "diplomev.serialisers.csv:CSV_COLUMNS"),
        ],
    )
    def test_column_tables_mirror_the_module_tuples(self, page: str, columns: str) -> None:
        """The numbered column table of the page lists the module's tuple, in order."""
        import importlib
        import re

        module, attr = columns.split(":")
        expected = getattr(importlib.import_module(module), attr)
        text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
        documented = re.findall(r"^\| (\d+) \| `([^`]+)` \|", text, flags=re.MULTILINE)
        assert [int(n) for n, _ in documented] == list(range(1, len(expected) + 1))
        assert tuple(c for _, c in documented) == expected


JUNK = {
    "deep nesting": "[" * 100_000 + "\n",
    "open braces": "{" * 100_000,
    "huge cell": "article,cameo\r\n" + "a" * 1_000_000 + ",040\r\nb,040\r\n",
    "unclosed quote": '"' * 100_001,
    "tabs": "\t" * 500_000 + "\n",
    "one long line": "x" * 2_000_000,
    "control characters": "\x00\x1b\x7f\u2028\ufeff" * 100_000,
}


class TestHostileInput:
    @pytest.mark.parametrize("name", READABLE)
    @pytest.mark.parametrize("junk", list(JUNK))
    def test_junk_is_reported_not_crashed_on(self, name: str, junk: str) -> None:
        """Megabytes of junk give SerialisationErrors (never another exception) in linear time."""
        import time

        errors: list[SerialisationError] = []
        start = time.perf_counter()
        list(get_serialiser(name).load(io.StringIO(JUNK[junk]), on_error=errors.append))  # type: ignore[call-arg]
        assert time.perf_counter() - start < 5.0
        assert all(isinstance(e, SerialisationError) and e.line is not None for e in errors)
