from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from diplomev import Article, Pipeline
from diplomev.corpus import process
from diplomev.errors import ConfigError, InputError
from diplomev.serialisers._converter import converter

from . import _steps
from ._steps import ToyCoder

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from diplomev.corpus.dask import extract_bag, to_article  # noqa: E402 - needs dask

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

PIPE = Pipeline([ToyCoder()])
VERBS = ["met", "accused", "praised", "threatened", "aided"]
PAIRS = [("JPN", "KOR"), ("KOR", "JPN"), ("USA", "CHN"), ("DEU", "RUS")]


def rows(n: int) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        text = f"{a} {VERBS[i % 5]} {b} on 2023-0{i % 9 + 1}-1{i % 10}. Later {b} met {a}."
        out.append({"id": f"n{i:03d}", "text": text, "publisher": "Wire", "published": "2023-10-01"})
    return out


def single_process(records: list[dict[str, str]], pipeline: Pipeline = PIPE) -> list[dict]:
    articles = [to_article(r) for r in records]
    events = [converter.unstructure(e) for d in process(articles, pipeline=pipeline) for e in d.events]
    return sorted(events, key=lambda e: (e["article"], e["id"]))


def example_records() -> list[dict[str, str]]:
    """The example articles as JSON Lines records (text files get their stem as id)."""
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLES.glob("*.txt"))]
    lines = (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return records + [json.loads(line) for line in lines if line.strip()]


class TestToArticle:
    def test_mapping(self):
        """A mapping gives its id, text and source fields."""
        a = to_article({"id": 7, "text": "T", "title": "H", "published": "2023-03-16", "url": "u"})
        assert (a.id, a.text, a.source.title, a.source.published.isoformat(), a.source.url) == (
            "7",
            "T",
            "H",
            "2023-03-16",
            "u",
        )

    def test_custom_keys(self):
        """Other key names can be given for the text and the id."""
        a = to_article({"key": "k1", "body": "B"}, text_key="body", id_key="key")
        assert (a.id, a.text) == ("k1", "B")

    def test_json_line_and_plain_text(self):
        """A string holding a JSON object is a record; any other string is a text with a hashed id."""
        assert to_article('{"id": "x", "text": "T"}\n').id == "x"
        a = to_article("{ not json\n")
        assert a.text == "{ not json"
        assert a.id.startswith("text-")

    def test_articles_pass_through(self):
        """Articles are taken as they are."""
        a = Article(id="a", text="t")
        assert to_article(a) is a

    @pytest.mark.parametrize("item", [{"id": "x"}, {"text": "t", "published": "yesterday"}, 42])
    def test_bad_items(self, item):
        """A record without text, with a bad date, or of another type is an InputError."""
        with pytest.raises(InputError):
            to_article(item)


class TestExtractBag:
    def test_local_bag_equals_single_process(self):
        """On the local scheduler the bag's events equal the single-process events."""
        records = rows(12)
        bag = db.from_sequence(records, npartitions=3)
        result = sorted(
            extract_bag(bag, pipeline=PIPE).compute(scheduler="sync"), key=lambda e: (e["article"], e["id"])
        )
        assert result == single_process(records)
        assert set(result[0]) >= {"id", "article", "type", "cameo", "source", "target", "date", "evidence"}

    def test_read_text_of_json_lines(self, tmp_path):
        """Lines read with dask.bag.read_text are parsed as article records."""
        records = rows(6)
        path = tmp_path / "news.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        bag = db.read_text(str(path), blocksize=None)
        result = extract_bag(bag, pipeline=PIPE).compute(scheduler="sync")
        assert sorted(result, key=lambda e: (e["article"], e["id"])) == single_process(records)

    def test_errors_skip_or_raise(self):
        """A bad item fails the computation, or is left out with errors='skip'."""
        bag = db.from_sequence([{"id": "bad"}, *rows(2)], npartitions=1)
        assert len(extract_bag(bag, pipeline=PIPE, errors="skip").compute(scheduler="sync")) == 4
        with pytest.raises(RuntimeError, match="text"):
            extract_bag(bag, pipeline=PIPE).compute(scheduler="sync")
        with pytest.raises(ConfigError):
            extract_bag(bag, pipeline=PIPE, errors="ignore")  # type: ignore[arg-type]

    @pytest.mark.slow
    def test_local_cluster_with_two_worker_processes(self):
        """On a LocalCluster with two worker processes the toy and the default pipelines give the single-process result."""
        cloudpickle = pytest.importorskip("cloudpickle")
        cloudpickle.register_pickle_by_value(_steps)
        records = rows(40)
        examples = example_records()
        default = Pipeline.default()
        try:
            with (
                distributed.LocalCluster(
                    n_workers=2,
                    processes=True,
                    threads_per_worker=1,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                bag = db.from_sequence(records, npartitions=4)
                result = client.compute(extract_bag(bag, pipeline=PIPE)).result(timeout=60)
                real = extract_bag(db.from_sequence(examples, npartitions=4), pipeline=default)
                real_result = client.compute(real).result(timeout=60)
                workers = client.run(lambda: __import__("os").getpid())
        finally:
            cloudpickle.unregister_pickle_by_value(_steps)
        assert len(workers) == 2
        assert sorted(result, key=lambda e: (e["article"], e["id"])) == single_process(records)
        expected = single_process(examples, default)
        assert len(expected) > 0
        assert sorted(real_result, key=lambda e: (e["article"], e["id"])) == expected
