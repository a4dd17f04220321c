from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from diplomev.cli import main

TEXT = "SEOUL, March 3 (Yonhap) -- South Korea and Japan held talks in Seoul on Monday."


@pytest.fixture(name="corpus")
def fixture_corpus(tmp_path: Path) -> Path:
    (tmp_path / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"story": TEXT, "key": "b1", "date": "2024-03-05"}) + "\n", encoding="utf-8"
    )
    return tmp_path


class TestCommands:
    def test_extract_writes_contract_keys(self, corpus: Path, capsys) -> None:
        """extract prints one event per line with the event keys; a JSONL file with other keys is skipped loudly."""
        status = main(["extract", str(corpus / "a1.txt")])
        out = capsys.readouterr().out.splitlines()
        assert status == 0
        record = json.loads(out[0])
        assert {"id", "article", "type", "cameo", "source", "target", "date", "evidence"} <= set(record)
        assert record["article"] == "a1"

    def test_fields_option_maps_record_keys(self, corpus: Path, capsys) -> None:
        """--fields reads JSON Lines records whose keys differ from id/text/published."""
        status = main(["articles", str(corpus / "b.jsonl"), "--fields", "text=story,id=key,published=date"])
        [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert status == 0
        assert (record["id"], record["published"]) == ("b1", "2024-03-05")

    def test_bad_fields_option_is_a_usage_error(self, corpus: Path, capsys) -> None:
        """A malformed --fields value exits with status 2 and a message naming the option."""
        assert main(["articles", str(corpus), "--fields", "text"]) == 2
        assert "--fields" in capsys.readouterr().err

    def test_unknown_format_is_a_usage_error(self, corpus: Path, capsys) -> None:
        """An unknown output format exits with status 2 and lists the available ones."""
        assert main(["extract", str(corpus / "a1.txt"), "--format", "yaml"]) == 2
        assert "jsonl" in capsys.readouterr().err

    def test_missing_command_is_status_2(self) -> None:
        """Bad usage exits with status 2."""
        assert main([]) == 2

    def test_version_is_read_when_asked_for(self, capsys) -> None:
        """--version prints the installed version and exits with status 0."""
        from diplomev import __version__

        assert main(["--version"]) == 0
        assert capsys.readouterr().out == f"diplomev {__version__}\n"

    def test_called_from_python_it_leaves_nothing_frozen(self, corpus: Path, capsys) -> None:
        """main(argv) freezes the tables built by the first article for the run only, then unfreezes them."""
        if gc.get_freeze_count():
            pytest.skip("objects were frozen before the test")
        assert main(["extract", str(corpus / "a1.txt")]) == 0
        assert capsys.readouterr().out
        assert gc.get_freeze_count() == 0
        assert gc.isenabled()

    def test_plugins_lists_builtins(self, capsys) -> None:
        """plugins lists the built-in steps and formats."""
        assert main(["plugins"]) == 0
        out = capsys.readouterr().out
        assert "events" in out
        assert "gdelt" in out


class TestCorpusCommands:
    def test_parallel_extract_gives_the_same_events(self, corpus: Path, capsys) -> None:
        """--workers 2 writes the same events as one process."""
        main(["extract", str(corpus / "a1.txt")])
        single = capsys.readouterr().out
        assert main(["extract", str(corpus / "a1.txt"), "--workers", "2"]) == 0
        assert capsys.readouterr().out == single

    def test_dyads_writes_a_csv_series(self, corpus: Path, capsys) -> None:
        """dyads counts a pair's events per period as CSV."""
        dated = corpus / "dated.jsonl"
        dated.write_text(json.dumps({"id": "d1", "text": TEXT, "published": "2024-03-05"}) + "\n", encoding="utf-8")
        assert main(["dyads", str(dated), "--pair", "KOR", "JPN", "--freq", "year"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("period,n,")
        assert any(line.split(",")[1] != "0" for line in lines[1:])

    def test_timeline_lists_merged_events(self, corpus: Path, capsys) -> None:
        """timeline lists the merged events of a pair in date order."""
        assert main(["timeline", str(corpus / "a1.txt"), "--pair", "KOR", "JPN"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith("date_start,")
        assert len(out) >= 2
