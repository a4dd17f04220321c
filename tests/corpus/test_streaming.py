from __future__ import annotations

import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from diplomev import Article, Document, Pipeline
from diplomev.corpus import ProcessingError, ProcessingWarning, process, resume_ids
from diplomev.errors import ConfigError

from ._steps import Marker, ToyCoder, Trouble

PIPE = Pipeline([Trouble(), ToyCoder()])


def articles(n: int, *, prefix: str = "a") -> list[Article]:
    return [
        Article(id=f"{prefix}{i:05d}", text=f"JPN met KOR on 2023-03-{i % 28 + 1:02d}. Item {i}.") for i in range(n)
    ]


class TestProcess:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_yields_documents_in_input_order(self, workers):
        """Documents come back in input order, with the pipeline's events, single-process or in workers."""
        docs = list(process(articles(40), pipeline=PIPE, workers=workers, chunksize=3))
        assert [d.article.id for d in docs] == [a.id for a in articles(40)]
        assert all(isinstance(d, Document) and len(d.events) == 1 for d in docs)

    def test_parallel_result_equals_serial_result(self):
        """Two workers give exactly the documents one process gives."""
        serial = list(process(articles(30), pipeline=PIPE))
        parallel = list(process(articles(30), pipeline=PIPE, workers=2, chunksize=4))
        assert parallel == serial

    def test_as_completed_yields_fast_articles_before_a_slow_one(self):
        """With ordered=False a slow first article does not hold back the others."""
        items = [Article(id="slow", text="SLOW JPN met KOR."), *articles(12)]
        docs = list(process(items, pipeline=PIPE, workers=2, chunksize=1, ordered=False))
        ids = [d.article.id for d in docs]
        assert sorted(ids) == sorted(a.id for a in items)
        assert ids[0] != "slow"
        assert ids.index("slow") > 0

    @pytest.mark.parametrize("workers", [1, 2])
    def test_failures_become_error_records_and_the_rest_goes_on(self, workers):
        """A failing article is reported once, with its id, origin and step, and the others are still yielded."""
        items = articles(6)
        items[2] = Article(id="bad", text="FAIL here", origin="news.jsonl:3")
        errors: list[ProcessingError] = []
        run = process(items, pipeline=PIPE, workers=workers, chunksize=2, on_error=errors.append)
        ids = [d.article.id for d in run]
        assert "bad" not in ids
        assert len(ids) == 5
        assert errors == [
            ProcessingError(
                article_id="bad", origin="news.jsonl:3", step="trouble", message="ValueError: asked to fail"
            )
        ]
        assert run.stats.failed == 1
        assert run.stats.done == 5

    def test_dropped_documents_are_counted_not_yielded(self):
        """A document a step drops is counted in stats.dropped."""
        run = process([Article(id="d", text="DROP"), *articles(2)], pipeline=PIPE)
        assert [d.article.id for d in run] == ["a00000", "a00001"]
        assert run.stats.dropped == 1

    def test_without_a_handler_failures_are_warnings(self):
        """With no on_error, each failure is issued as a ProcessingWarning and the run continues."""
        with pytest.warns(ProcessingWarning, match="asked to fail"):
            docs = list(process([Article(id="bad", text="FAIL"), *articles(2)], pipeline=PIPE))
        assert len(docs) == 2

    def test_a_raising_handler_stops_the_run(self):
        """A handler that raises stops the run, and the exception reaches the caller."""

        def stop(err: ProcessingError) -> None:
            raise RuntimeError(err.article_id)

        with pytest.raises(RuntimeError, match="bad"):
            list(
                process(
                    [*articles(5), Article(id="bad", text="FAIL"), *articles(5, prefix="b")],
                    pipeline=PIPE,
                    workers=2,
                    chunksize=1,
                    on_error=stop,
                )
            )

    def test_skip_ids_are_not_processed(self):
        """Articles whose ids are in skip_ids are skipped and counted."""
        run = process(articles(5), pipeline=PIPE, skip_ids={"a00001", "a00003"})
        assert [d.article.id for d in run] == ["a00000", "a00002", "a00004"]
        assert run.stats.skipped == 2
        assert run.stats.read == 5

    def test_reads_files_and_directories_and_reports_bad_lines(self, tmp_path):
        """Paths are read lazily; a bad JSON Lines row becomes a read error with file and line."""
        (tmp_path / "one.txt").write_text("JPN met KOR on 2023-03-16.", encoding="utf-8")
        rows = [
            json.dumps({"id": "j1", "text": "KOR praised JPN."}),
            "{not json",
            json.dumps({"id": "j2", "text": "x"}),
        ]
        (tmp_path / "more.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        errors: list[ProcessingError] = []
        docs = list(process(tmp_path, pipeline=PIPE, on_error=errors.append))
        assert sorted(d.article.id for d in docs) == ["j1", "j2", "one"]
        assert len(errors) == 1
        assert errors[0].step == "read"
        assert errors[0].origin == f"{tmp_path / 'more.jsonl'}:2"
        assert errors[0].article_id is None

    def test_missing_file_is_a_read_error(self, tmp_path):
        """A path that does not exist is reported, not raised."""
        errors: list[ProcessingError] = []
        assert list(process([tmp_path / "nope.txt"], pipeline=PIPE, on_error=errors.append)) == []
        assert [e.step for e in errors] == ["read"]

    def test_mixed_items(self, tmp_path):
        """Paths, articles and documents can be mixed in one input."""
        (tmp_path / "f.txt").write_text("JPN met KOR.", encoding="utf-8")
        items = [
            Article(id="x", text="KOR met JPN."),
            str(tmp_path / "f.txt"),
            Document(article=Article(id="y", text="")),
        ]
        assert [d.article.id for d in process(items, pipeline=PIPE)] == ["x", "f", "y"]

    def test_worker_death_is_reported_for_that_article_only(self, monkeypatch):
        """An article that kills its worker process is reported with step 'worker'; the others survive."""
        monkeypatch.setenv("DIPLOMEV_TEST_PARENT", str(os.getpid()))
        for crash_at, chunksize, ordered in [(3, 2, True), (1, 1, False)]:
            items = articles(16)
            items[crash_at] = Article(id="boom", text="CRASH")
            errors: list[ProcessingError] = []
            run = process(items, pipeline=PIPE, workers=2, chunksize=chunksize, ordered=ordered, on_error=errors.append)
            ids = [d.article.id for d in run]
            expected = [a.id for a in items if a.id != "boom"]
            assert ids == expected if ordered else sorted(ids) == expected
            assert [(e.article_id, e.step) for e in errors] == [("boom", "worker")]

    @pytest.mark.parametrize(("option", "value"), [("workers", 0), ("chunksize", 0)])
    def test_bad_options(self, option, value):
        """Non-positive workers or chunksize is a ConfigError."""
        with pytest.raises(ConfigError, match=option):
            process([], pipeline=PIPE, **{option: value})

    def test_input_is_consumed_lazily(self):
        """Only a bounded window of the input is read ahead of the consumer."""
        pulled = 0

        def source():
            nonlocal pulled
            for a in articles(10_000):
                pulled += 1
                yield a

        run = process(source(), pipeline=PIPE, workers=2, chunksize=4)
        first = next(run)
        run.close()
        assert first.article.id == "a00000"
        assert pulled <= 2 * 2 * 4 + 4

    def test_memory_does_not_grow_with_the_corpus(self):
        """Peak traced memory of a streaming run is flat in the number of articles."""

        def peak(n: int) -> int:
            tracemalloc.start()
            lazy = (Article(id=f"a{i}", text=f"JPN met KOR on 2023-03-{i % 28 + 1:02d}.") for i in range(n))
            for _ in process(lazy, pipeline=PIPE):
                pass
            _, top = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            return top

        small, large = peak(500), peak(5000)
        assert large < small * 1.5 + 100_000

    @pytest.mark.parametrize("workers", [1, 2])
    def test_keep_empties_the_other_fields(self, workers):
        """keep=("events",) returns documents with their article and events only."""
        full = list(process(articles(4), pipeline=Pipeline([Marker(), ToyCoder()])))
        slim = list(process(articles(4), pipeline=Pipeline([Marker(), ToyCoder()]), workers=workers, keep=["events"]))
        assert [d.events for d in slim] == [d.events for d in full]
        assert all(d.sentences for d in full)
        assert not any(d.sentences or d.reference for d in slim)
        assert [d.article for d in slim] == [d.article for d in full]

    def test_keep_rejects_unknown_fields(self):
        """A field name that Document does not have is a ConfigError."""
        with pytest.raises(ConfigError, match="eventz"):
            process([], pipeline=PIPE, keep=["eventz"])

    def test_main_process_heap_is_trimmed_regularly(self, monkeypatch):
        """A parallel run returns freed heap memory to the system every so many articles."""
        from diplomev.corpus import streaming

        calls = []
        monkeypatch.setattr(streaming, "_TRIM_EVERY", 4)
        monkeypatch.setattr(streaming, "_trim_heap", lambda: calls.append(1))
        assert len(list(process(articles(20), pipeline=PIPE, workers=2, chunksize=2))) == 20
        assert len(calls) == 5

    def test_trim_heap_is_safe_to_call(self):
        """Trimming works on glibc and is a no-op elsewhere."""
        from diplomev.corpus import streaming

        streaming._trim_heap()
        if sys.platform.startswith("linux"):
            assert streaming._malloc_trim() is not None

    def test_progress_bar_goes_to_stderr(self, capsys):
        """progress=True draws a bar on standard error and nothing on standard output."""
        list(process(articles(3), pipeline=PIPE, progress=True))
        out, err = capsys.readouterr()
        assert out == ""
        assert "3" in err


class TestProcessingError:
    def test_str_names_origin_article_and_step(self):
        """The message shows the origin, the id and the step."""
        err = ProcessingError(article_id="a", origin="f.txt", step="times", message="boom")
        assert str(err) == "f.txt (a): step times: boom"

    def test_str_without_origin_or_id(self):
        """An in-memory input without an id still reads well."""
        assert str(ProcessingError(article_id=None, origin=None, step="read", message="m")) == "<memory>: step read: m"


class TestResumeIds:
    def test_reads_event_and_merged_records(self, tmp_path):
        """Article ids come from 'article' keys and 'articles' lists; broken lines are ignored."""
        p = tmp_path / "out.jsonl"
        p.write_text('{"article": "a"}\n{"articles": ["b", "c"]}\n[1]\n{"article": "d', encoding="utf-8")
        assert resume_ids(p) == {"a", "b", "c"}

    def test_missing_file_is_empty(self, tmp_path):
        """No output yet means nothing to skip."""
        assert resume_ids(tmp_path / "none.jsonl") == frozenset()


def test_documents_can_be_written_incrementally(tmp_path: Path):
    """A run can be consumed one document at a time (the stream is not materialised)."""
    run = process(articles(3), pipeline=PIPE)
    assert next(run).article.id == "a00000"
    assert run.stats.done == 1
    run.close()


def test_a_worker_freezes_what_its_first_article_built() -> None:
    """A worker process runs its first article with the collector off, then freezes the tables it built."""
    import concurrent.futures as cf
    import gc

    from diplomev.corpus.streaming import _init_worker, _run_chunk, _run_one

    pipeline = Pipeline.default()
    article = Article(id="w1", text="South Korea and Japan held talks in Seoul on Monday.")
    with cf.ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(pipeline, None)) as pool:
        assert pool.submit(gc.get_freeze_count).result() == 0
        [outcome] = pool.submit(_run_chunk, [article]).result()
        assert pool.submit(gc.get_freeze_count).result() > 0
        assert pool.submit(gc.isenabled).result()
        assert pool.submit(_run_chunk, [article]).result() == [outcome]
    assert outcome == _run_one(pipeline, article)
    assert gc.get_freeze_count() == 0  # the main process is left alone
