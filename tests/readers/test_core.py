from __future__ import annotations

import datetime as dt
import io
import json
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev.errors import ArticleTooLargeError, ConfigError, InputError, LegacyEncodingWarning
from diplomev.model import Article
from diplomev.readers import read, read_corpus, read_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "readers"


def _collect(paths, **options):
    errors: list[InputError] = []
    articles = list(read_corpus(paths, on_error=errors.append, **options))
    return articles, errors


class TestReadText:
    def test_explicit_fields(self):
        """Source fields given by the caller are set on the article."""
        article = read_text("Seoul and Tokyo held talks.", id="n1", publisher="Yonhap", title="Talks")
        assert (article.id, article.source.publisher, article.source.title) == ("n1", "Yonhap", "Talks")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2017-11-23", dt.date(2017, 11, 23)),
            ("2017-11-23T01:57:00", dt.date(2017, 11, 23)),
            ("2017-11-23T01:57:00+09:00", dt.datetime(2017, 11, 23, 1, 57, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
            ("Nov. 23, 2017", dt.date(2017, 11, 23)),
            (dt.date(2017, 11, 23), dt.date(2017, 11, 23)),
            (dt.datetime(2017, 11, 23, 1, 57), dt.date(2017, 11, 23)),
        ],
    )
    def test_published_forms(self, value, expected):
        """A published value may be ISO text, a written date, a date or a datetime (naive ones keep the date)."""
        assert read_text("Talks.", published=value).source.published == expected

    def test_bad_published(self):
        """A published value that is no date is an InputError naming the field."""
        with pytest.raises(InputError) as info:
            read_text("Talks.", published="yesterday-ish")
        assert info.value.field == "published"

    def test_unknown_field(self):
        """A keyword that is not a Source field is a ConfigError listing the valid ones."""
        with pytest.raises(ConfigError, match="publisher"):
            read_text("Talks.", publication="Yonhap")

    def test_too_large(self):
        """A text longer than max_size is an ArticleTooLargeError."""
        with pytest.raises(ArticleTooLargeError):
            read_text("x" * 11, max_size=10)

    @given(st.text(max_size=300))
    def test_any_string(self, text):
        """Any string gives an Article with exactly that text."""
        assert read_text(text).text == text


class TestRead:
    def test_text_file(self):
        """A text file gives one article whose id is the file's stem."""
        article = read(FIXTURES / "wire.txt")
        assert article.id == "wire"
        assert article.origin == str(FIXTURES / "wire.txt")
        assert article.text.startswith("ID :\n918273\n")

    def test_html_file(self):
        """An HTML page gives its metadata and its text without navigation, scripts or figures."""
        article = read(FIXTURES / "nested" / "page.html")
        src = article.source
        assert src.title == "Norway and Sweden sign Arctic research pact"
        assert src.publisher == "Nordic Wire"
        assert src.published == dt.datetime(2022, 5, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        assert src.author == "Ingrid Olsen"
        assert src.url == "https://example.org/2022/05/03/arctic-pact"
        assert "Home" not in article.text
        assert "tracking" not in article.text
        assert "Ministers sign the pact" not in article.text
        assert "Share this article" not in article.text
        assert "cut costs & speed up climate studies.\nIt runs for ten years." in article.text
        assert {p.field for p in src.inferred} == {"title", "publisher", "published", "author"}

    def test_caller_wins_over_page(self):
        """Fields given by the caller win over the page's own metadata."""
        article = read(FIXTURES / "nested" / "page.html", publisher="Somebody Else", id="p1")
        assert (article.id, article.source.publisher) == ("p1", "Somebody Else")
        assert "publisher" not in {p.field for p in article.source.inferred}

    def test_crlf_normalised(self, tmp_path):
        """Windows and old Mac line ends in a text file become newlines."""
        path = tmp_path / "a.txt"
        path.write_bytes(b"Title here now\r\nBody one.\rBody two.\r\n")
        assert read(path).text == "Title here now\nBody one.\nBody two.\n"

    def test_missing_file(self, tmp_path):
        """A missing file is an InputError naming it."""
        with pytest.raises(InputError) as info:
            read(tmp_path / "nope.txt")
        assert info.value.path == str(tmp_path / "nope.txt")

    def test_empty_file(self, tmp_path):
        """A file of white space is an InputError, not an empty article."""
        path = tmp_path / "blank.txt"
        path.write_text("  \n\n", encoding="utf-8")
        with pytest.raises(InputError, match="empty"):
            read(path)

    def test_too_large(self, tmp_path):
        """A file larger than max_size is an ArticleTooLargeError naming the file."""
        path = tmp_path / "big.txt"
        path.write_text("word " * 100, encoding="utf-8")
        with pytest.raises(ArticleTooLargeError) as info:
            read(path, max_size=100)
        assert info.value.path == str(path)

    def test_one_record_jsonl(self, tmp_path):
        """A JSON Lines file with one record reads as that article."""
        path = tmp_path / "one.jsonl"
        path.write_text(json.dumps({"id": "a", "text": "Talks."}) + "\n", encoding="utf-8")
        assert read(path).id == "a"

    def test_many_records(self):
        """A file of many records is an InputError pointing to read_corpus."""
        with pytest.raises(InputError, match="read_corpus"):
            read(FIXTURES / "nested" / "deeper" / "records.csv", fields={"text": "story"})

    def test_format_option(self, tmp_path):
        """format= reads a file whatever its suffix."""
        path = tmp_path / "page.data"
        path.write_text("<html><body><p>Talks began.</p></body></html>", encoding="utf-8")
        assert read(path, format="html").text == "Talks began."
        assert read(path).text.startswith("<html>")

    def test_stdin_text(self, monkeypatch):
        """The path - reads standard input."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Talks began in Hanoi.\n"), encoding="utf-8"))
        article = read("-")
        assert (article.id, article.text) == ("stdin", "Talks began in Hanoi.\n")

    def test_stdin_html(self, monkeypatch):
        """HTML on standard input is recognised by its first bytes."""
        page = b"<!DOCTYPE html><html><head><title>Talks in Hanoi</title></head><body><p>Talks began.</p></body></html>"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
        article = read("-")
        assert (article.text, article.source.title) == ("Talks began.", "Talks in Hanoi")

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"format": "pdf"}, "format"),
            ({"max_size": 0}, "positive"),
            ({"fields": {"body": "text"}}, "fields"),
            ({"delimiter": ";;"}, "delimiter"),
        ],
    )
    def test_bad_options(self, options, message):
        """Bad reader options are ConfigErrors."""
        with pytest.raises(ConfigError, match=message):
            read(FIXTURES / "wire.txt", **options)


class TestReadCorpus:
    def test_directory_is_recursive(self):
        """A directory is searched recursively for every format, in sorted order, skipping hidden and other files."""
        articles, errors = _collect([FIXTURES])
        ids = [a.id for a in articles]
        assert ids[:5] == ["byline", "credit", "lede", "portal", "wire"]
        assert "page" in ids
        assert {"j1", "j2", "6"} <= set(ids)
        assert "secret" not in ids
        assert all(not (a.origin or "").endswith(".md") for a in articles)
        assert errors

    def test_jsonl_errors_name_file_line_and_field(self):
        """Every bad JSON Lines record is reported with its file, line and field, and the rest are read."""
        path = FIXTURES / "nested" / "records.jsonl"
        articles, errors = _collect([path])
        assert [a.id for a in articles] == ["j1", "j2", "6"]
        assert all(e.path == str(path) for e in errors)
        assert [(e.line, e.field) for e in errors] == [(3, None), (5, "text"), (6, "published"), (7, None)]

    def test_jsonl_fields(self):
        """JSON Lines metadata is taken as given, with common key aliases (body, date)."""
        articles, _ = _collect([FIXTURES / "nested" / "records.jsonl"])
        first, second, third = articles
        assert first.source.title == "Brazil, Argentina study common currency"
        assert first.source.published == dt.date(2023, 1, 23)
        assert (first.source.publisher, first.source.dateline) == ("AP", "Buenos Aires")
        assert second.text.startswith("Kenya and Uganda")
        assert second.source.published == dt.datetime(2023, 2, 7, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))
        assert third.id == "6"
        assert third.source.url == "https://example.org/6"
        assert second.origin == f"{FIXTURES / 'nested' / 'records.jsonl'}:2"

    def test_csv_field_names(self):
        """CSV columns are mapped to article fields by name; a multi-line quoted text is one record."""
        path = FIXTURES / "nested" / "deeper" / "records.csv"
        articles, errors = _collect([path], fields={"text": "story", "publisher": "outlet"})
        assert [a.id for a in articles] == ["c1", "c2"]
        c1, c2 = articles
        assert c1.text == "Spain and Portugal agreed on Monday to link their power grids.\nThe link opens next year."
        assert (c1.source.title, c1.source.publisher) == ("Spain and Portugal share power grid", "EFE")
        assert c2.source.published == dt.date(2022, 6, 13)
        assert c2.source.title is None
        assert [(e.line, e.field) for e in errors] == [(5, "story")]

    def test_caller_defaults(self):
        """Caller fields apply to every article, but a record's own values win."""
        articles, _ = _collect([FIXTURES / "nested" / "records.jsonl"], publisher="Default Wire")
        assert [a.source.publisher for a in articles] == ["AP", "Default Wire", "Default Wire"]

    def test_bad_inputs_reported_and_skipped(self, tmp_path):
        """One undecodable file and one malformed line are reported with file and line; every other article is read."""
        (tmp_path / "a.txt").write_text("Talks began in Hanoi on Monday.", encoding="utf-8")
        (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
        (tmp_path / "c.jsonl").write_text(
            '{"id": "c1", "text": "Talks ended."}\n{"id": "c2", "text": \n{"id": "c3", "text": "They agreed."}\n',
            encoding="utf-8",
        )
        (tmp_path / "d.txt").write_text("Both sides agreed to meet again.", encoding="utf-8")
        articles, errors = _collect([tmp_path])
        assert [a.id for a in articles] == ["a", "c1", "c3", "d"]
        assert [(Path(e.path).name, e.line) for e in errors] == [("b.txt", None), ("c.jsonl", 2)]
        assert "binary" in errors[0].reason

    def test_without_handler_first_error_raises(self, tmp_path):
        """Without on_error the first bad input raises its InputError."""
        (tmp_path / "a.jsonl").write_text("not json\n", encoding="utf-8")
        with pytest.raises(InputError) as info:
            list(read_corpus([tmp_path]))
        assert info.value.line == 1

    def test_missing_path_reported(self, tmp_path):
        """A path that does not exist is reported and reading goes on."""
        (tmp_path / "a.txt").write_text("Talks began.", encoding="utf-8")
        articles, errors = _collect([tmp_path / "gone.txt", tmp_path / "a.txt"])
        assert [a.id for a in articles] == ["a"]
        assert errors[0].path == str(tmp_path / "gone.txt")

    def test_streams(self, tmp_path):
        """Articles are yielded one at a time: the paths are consumed lazily."""
        (tmp_path / "a.txt").write_text("Talks began.", encoding="utf-8")
        consumed = []

        def paths():
            for p in (tmp_path / "a.txt", tmp_path / "b.txt"):
                consumed.append(p)
                yield p

        corpus = read_corpus(paths())
        assert next(corpus).id == "a"
        assert consumed == [tmp_path / "a.txt"]

    def test_single_path_string(self, tmp_path):
        """A single path given as a string is one path, not a sequence of characters."""
        (tmp_path / "a.txt").write_text("Talks began.", encoding="utf-8")
        assert [a.id for a in read_corpus(str(tmp_path))] == ["a"]

    def test_long_line_skipped(self, tmp_path):
        """A JSON Lines line longer than max_line_length is reported and the next line is read."""
        path = tmp_path / "a.jsonl"
        long = json.dumps({"id": "big", "text": "x" * 5000})
        path.write_text(f"{long}\n" + json.dumps({"id": "ok", "text": "Talks."}) + "\n", encoding="utf-8")
        articles, errors = _collect([path], max_line_length=1000)
        assert [a.id for a in articles] == ["ok"]
        assert isinstance(errors[0], ArticleTooLargeError)
        assert errors[0].line == 1

    def test_long_csv_line_skipped(self, tmp_path):
        """A CSV line longer than max_line_length drops its record only."""
        path = tmp_path / "a.csv"
        path.write_text(f"id,text\nbig,{'x' * 5000}\nok,Talks began.\n", encoding="utf-8")
        articles, errors = _collect([path], max_line_length=1000)
        assert [a.id for a in articles] == ["ok"]
        assert [e.line for e in errors] == [2]

    def test_text_field_too_large(self, tmp_path):
        """A record whose text is larger than max_size is an ArticleTooLargeError for that line."""
        path = tmp_path / "a.jsonl"
        path.write_text(json.dumps({"id": "a", "text": "x" * 200}) + "\n", encoding="utf-8")
        _, errors = _collect([path], max_size=100)
        assert isinstance(errors[0], ArticleTooLargeError)
        assert errors[0].line == 1

    def test_missing_id_generated(self, tmp_path):
        """A record without an id gets one from the file's stem and line."""
        path = tmp_path / "wire.jsonl"
        path.write_text('{"text": "Talks."}\n', encoding="utf-8")
        assert [a.id for a in read_corpus([path])] == ["wire-1"]

    def test_tsv(self, tmp_path):
        """A .tsv file is CSV with tabs."""
        path = tmp_path / "a.tsv"
        path.write_text("id\ttext\nt1\tTalks began, officials said.\n", encoding="utf-8")
        assert [a.text for a in read_corpus([path])] == ["Talks began, officials said."]

    def test_legacy_jsonl_warns_once(self, tmp_path):
        """A JSON Lines file in Windows-1252 is read with one LegacyEncodingWarning."""
        path = tmp_path / "a.jsonl"
        lines = [
            json.dumps({"id": f"r{i}", "text": "Caf\u00e9 talks \u2013 day"}, ensure_ascii=False) for i in range(3)
        ]
        path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
        with pytest.warns(LegacyEncodingWarning) as record:
            articles = list(read_corpus([path]))
        assert [a.text for a in articles] == ["Caf\u00e9 talks \u2013 day"] * 3
        assert len(record) == 1

    def test_utf16_jsonl(self, tmp_path):
        """A JSON Lines file in UTF-16 with a byte-order mark is read."""
        path = tmp_path / "a.jsonl"
        path.write_bytes('{"id": "u", "text": "Talks."}\n{"id": "v", "text": "More."}\n'.encode("utf-16"))
        assert [a.id for a in read_corpus([path])] == ["u", "v"]

    def test_stdin_jsonl(self, monkeypatch):
        """JSON Lines on standard input is read record by record."""
        data = b'{"id": "s1", "text": "Talks."}\n{"id": "s2", "text": "More talks."}\n'
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        assert [a.id for a in read_corpus(["-"])] == ["s1", "s2"]


_SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".dat"])


class TestAnyBytes:
    @given(data=st.binary(max_size=400), suffix=_SUFFIXES)
    def test_file_reader_never_crashes(self, tmp_path_factory, data, suffix):
        """Any bytes in any kind of file give articles or InputErrors, never another exception."""
        path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
        path.write_bytes(data)
        errors: list[InputError] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LegacyEncodingWarning)
            articles = list(read_corpus([path], on_error=errors.append))
        assert all(isinstance(a, Article) for a in articles)
        assert all(isinstance(e, InputError) for e in errors)

    @given(text=st.text(max_size=300), suffix=_SUFFIXES)
    def test_text_files_never_crash(self, tmp_path_factory, text, suffix):
        """Any text written as UTF-8 gives articles or InputErrors."""
        path = tmp_path_factory.mktemp("text") / f"input{suffix}"
        path.write_text(text, encoding="utf-8")
        errors: list[InputError] = []
        articles = list(read_corpus([path], on_error=errors.append))
        assert all(isinstance(a, Article) for a in articles)
