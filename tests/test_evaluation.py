from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplomev.errors import GoldError
from diplomev.evaluation import GoldArticle, evaluate, load_gold, validate_gold

from .conftest import SHARED

EV = {
    "source": {"country": "KOR", "name": None},
    "target": {"country": "JPN", "name": None},
    "type": "CONSULT",
    "cameo": "040",
    "date": {"start": "2023-03-16", "end": "2023-03-16", "granularity": "day"},
    "location": "Tokyo",
    "mode": "asserted",
    "evidence": "x",
}


def pred(**changes):
    ev = {"article": "a", **EV, "location": {"name": "Tokyo", "country": "JPN"}}
    ev.update(changes)
    return ev


class TestEvaluate:
    def test_perfect_match(self) -> None:
        """A prediction equal to the gold event scores 1.0 everywhere."""
        score = evaluate({"a": GoldArticle(article="a", events=(EV,))}, [pred()])
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
        assert score.fields["date"] == score.fields["location"] == 1.0

    def test_repeated_mention_is_neither_for_nor_against(self) -> None:
        """An extra prediction with the same key and start date is not a false positive."""
        score = evaluate({"a": GoldArticle(article="a", events=(EV,))}, [pred(), pred(mode="planned")])
        assert score.predicted_events == 1
        assert score.precision == 1.0

    def test_wrong_type_is_spurious_and_missed(self) -> None:
        """A different type does not match: one spurious, one missed."""
        score = evaluate({"a": GoldArticle(article="a", events=(EV,))}, [pred(type="AGREE")], show_errors=True)
        assert score.matched == 0
        assert sorted(e["kind"] for e in score.errors) == ["missed", "spurious"]

    def test_actor_key_falls_back_to_the_name(self) -> None:
        """Organisations (no country) are matched by name, ignoring case."""
        gold = dict(EV, source={"country": None, "name": "NATO"})
        score = evaluate({"a": GoldArticle(article="a", events=(gold,))}, [pred(source={"name": "nato"})])
        assert score.matched == 1


class TestGold:
    def test_validation_names_the_problem(self) -> None:
        """Invalid types, codes, dates and evidence are reported with their field."""
        bad = dict(EV, cameo="999", date={"start": "2023-03-17", "end": "2023-03-16", "granularity": "day"})
        problems = validate_gold(GoldArticle(article="a", events=(bad,)), text="nothing here")
        assert any("'cameo'" in p for p in problems)
        assert any("'date'" in p for p in problems)
        assert any("'evidence'" in p for p in problems)

    def test_malformed_gold_file_raises(self, tmp_path: Path) -> None:
        """A gold file that is not JSON raises GoldError naming it."""
        (tmp_path / "x.json").write_text("{oops", encoding="utf-8")
        with pytest.raises(GoldError, match="x.json"):
            load_gold(tmp_path)


def test_equals_the_reference_scorer_on_the_seeds(seeds_dir: Path, tmp_path: Path) -> None:
    """On the seed articles, diplomev evaluate gives exactly the reference scorer's numbers."""
    from diplomev.cli import main

    events = tmp_path / "ev.jsonl"
    articles = tmp_path / "a.jsonl"
    times = tmp_path / "t.jsonl"
    assert main(["extract", str(seeds_dir), "--output", str(events)]) in (0, 1)
    assert main(["articles", str(seeds_dir), "--output", str(articles)]) in (0, 1)
    assert main(["times", str(seeds_dir), "--output", str(times)]) in (0, 1)
    ours = evaluate(seeds_dir / "gold", events, articles=articles, times=times).as_dict()
    scorer = SHARED / "tools" / "score.py"
    out = subprocess.run(
        [
            sys.executable,
            str(scorer),
            str(seeds_dir / "gold"),
            str(events),
            "--articles",
            str(articles),
            "--times",
            str(times),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # (the reference tool's --show-errors cannot print Contract-2 evidence objects, so errors are not compared)
    assert ours == json.loads(out.stdout)
