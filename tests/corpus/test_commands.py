from __future__ import annotations

import csv
import io
import json

import pytest

from diplomev import Pipeline
from diplomev.corpus import prepare_resume, run_dyads, run_extract, run_timeline
from diplomev.errors import ConfigError

from ._steps import ToyCoder, Trouble

PIPE = Pipeline([Trouble(), ToyCoder()])

TEXTS = {
    "a1": "JPN accused KOR on 2019-07-02. KOR accused JPN on 2019-07-03.",
    "a2": "JPN met KOR on 2023-03-16.",
    "a3": "KOR met JPN on 2023-03-16.",
    "a4": "JPN met KOR on 2023-03-16. USA praised JPN on 2023-03-17.",
}


@pytest.fixture(name="corpus")
def fixture_corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [{"id": k, "text": v, "publisher": f"P{k[-1]}"} for k, v in TEXTS.items()]
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


class TestRunExtract:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_writes_events(self, corpus, tmp_path, workers):
        """Events of every article are written as JSON Lines; exit status 0."""
        out = tmp_path / "events.jsonl"
        assert run_extract([corpus], output=out, pipeline=PIPE, workers=workers, progress=False) == 0
        assert [e["article"] for e in lines(out)] == ["a1", "a1", "a2", "a3", "a4", "a4"]

    def test_stdout_and_failures(self, tmp_path):
        """Without --output events go to stdout; a failing article gives status 1 and a message on stderr."""
        (tmp_path / "ok.txt").write_text("JPN met KOR.", encoding="utf-8")
        (tmp_path / "bad.txt").write_text("FAIL", encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        assert run_extract([tmp_path], pipeline=PIPE, stdout=out, stderr=err, progress=False) == 1
        assert json.loads(out.getvalue())["article"] == "ok"
        assert "bad" in err.getvalue()
        assert "ValueError: asked to fail" in err.getvalue()

    def test_resume_skips_finished_articles_and_redoes_the_last(self, corpus, tmp_path):
        """A resumed run appends only what is missing, redoing a possibly incomplete last article."""
        out = tmp_path / "events.jsonl"
        run_extract([corpus], output=out, pipeline=PIPE, progress=False)
        full = out.read_text(encoding="utf-8")
        # Interrupt in the middle of a4's events: one complete line and half of the next.
        cut = full.index('"article": "a4"')
        cut = full.index("\n", cut) + 1 + 20
        out.write_text(full[:cut], encoding="utf-8")
        assert run_extract([corpus], output=out, pipeline=PIPE, resume=True, progress=False) == 0
        assert out.read_text(encoding="utf-8") == full

    def test_merge_writes_merged_records(self, corpus, tmp_path):
        """--merge writes one record per happening with the counts of reports."""
        out = tmp_path / "merged.jsonl"
        assert run_extract([corpus], output=out, pipeline=PIPE, merge=True, progress=False) == 0
        records = lines(out)
        meeting = next(r for r in records if r["type"] == "CONSULT" and r["source"]["country"] == "JPN")
        assert meeting["articles"] == ["a2", "a4"]
        assert (meeting["num_articles"], meeting["num_sources"], meeting["num_mentions"]) == (2, 2, 2)
        assert meeting["publishers"] == ["P2", "P4"]

    def test_merge_as_csv(self, corpus, tmp_path):
        """--merge with a .csv output writes the timeline table."""
        out = tmp_path / "merged.csv"
        assert run_extract([corpus], output=out, pipeline=PIPE, merge=True, progress=False) == 0
        with out.open(encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == 5

    @pytest.mark.parametrize(
        "options",
        [
            {"resume": True},
            {"resume": True, "merge": True, "output": "x.jsonl"},
            {"merge": True, "format": "gdelt"},
        ],
    )
    def test_bad_combinations(self, corpus, options):
        """Options that do not go together are a ConfigError (exit status 2 in the CLI)."""
        with pytest.raises(ConfigError):
            run_extract([corpus], pipeline=PIPE, progress=False, **options)


class TestPrepareResume:
    def test_missing_file(self, tmp_path):
        """Nothing to resume from means nothing to skip."""
        assert prepare_resume(tmp_path / "none.jsonl") == frozenset()

    def test_truncates_the_last_article_block(self, tmp_path):
        """The last article's lines and a broken line are cut; earlier articles are done."""
        p = tmp_path / "o.jsonl"
        p.write_text('{"article": "a"}\n{"article": "b"}\n{"article": "b"}\n{"arti', encoding="utf-8")
        assert prepare_resume(p) == {"a"}
        assert p.read_text(encoding="utf-8") == '{"article": "a"}\n'


class TestRunTimeline:
    def test_from_articles(self, corpus):
        """Article inputs are extracted, merged and written as a CSV timeline."""
        out = io.StringIO()
        assert run_timeline([corpus], pair=("JPN", "KOR"), pipeline=PIPE, stdout=out, progress=False) == 0
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert [(r["date_start"], r["type"], r["source"]) for r in rows] == [
            ("2019-07-02", "ACCUSE", "JPN"),
            ("2019-07-03", "ACCUSE", "KOR"),
            ("2023-03-16", "CONSULT", "JPN"),
            ("2023-03-16", "CONSULT", "KOR"),
        ]

    def test_from_event_files_plain_and_merged(self, corpus, tmp_path):
        """Event files written by extract (plain or merged) are read back instead of re-extracted."""
        plain, merged = tmp_path / "e.jsonl", tmp_path / "m.jsonl"
        run_extract([corpus], output=plain, pipeline=PIPE, progress=False)
        run_extract([corpus], output=merged, pipeline=PIPE, merge=True, progress=False)
        for path in (plain, merged):
            out = io.StringIO()
            assert run_timeline([path], actor="USA", format="jsonl", stdout=out, progress=False) == 0
            [record] = [json.loads(x) for x in out.getvalue().splitlines()]
            assert record["articles"] == ["a4"]

    def test_bad_event_line(self, tmp_path):
        """A malformed line in an event file is reported and gives status 1."""
        p = tmp_path / "e.jsonl"
        p.write_text('{"article": "a", "cameo": "040"}\n{"article": "b", "cameo": "999"}\n', encoding="utf-8")
        err = io.StringIO()
        assert run_timeline([p], stdout=io.StringIO(), stderr=err) == 1
        assert err.getvalue().count("diplomev: error:") == 1

    def test_bad_format(self, corpus):
        """Only csv and jsonl are written."""
        with pytest.raises(ConfigError):
            run_timeline([corpus], format="xml")


class TestRunDyads:
    def test_monthly_csv(self, corpus, tmp_path):
        """The dyad series of a pair is written per month from an event file."""
        events = tmp_path / "e.jsonl"
        run_extract([corpus], output=events, pipeline=PIPE, progress=False)
        out = tmp_path / "d.csv"
        assert run_dyads([events], "JPN", "KOR", freq="year", output=out) == 0
        with out.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert [(r["period"], r["n"]) for r in rows] == [
            ("2019-01-01", "2"),
            ("2020-01-01", "0"),
            ("2021-01-01", "0"),
            ("2022-01-01", "0"),
            ("2023-01-01", "2"),
        ]
        assert float(rows[0]["goldstein_mean"]) < 0 < float(rows[-1]["goldstein_mean"])

    def test_jsonl(self, corpus):
        """JSON Lines output has one object per period."""
        out = io.StringIO()
        assert run_dyads([corpus], "JPN", "KOR", freq="month", format="jsonl", pipeline=PIPE, stdout=out) == 0
        assert len(out.getvalue().splitlines()) == 45

    def test_bad_format(self, corpus):
        """Only csv and jsonl are written."""
        with pytest.raises(ConfigError):
            run_dyads([corpus], "A", "B", format="xml")
