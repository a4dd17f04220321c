"""Streaming corpus processing: many articles through one pipeline, on every local core.

`process` reads files, directories and `Article` records lazily, runs the
pipeline over them in worker processes and yields the resulting documents,
in input order or as they complete. Only a bounded window of articles is
ever in flight, so memory stays flat however long the corpus is. A failure
is reported as one `ProcessingError` record and the run goes on.

Added in version 0.1.
"""

from __future__ import annotations

import concurrent.futures as cf
import ctypes
import functools
import gc
import multiprocessing
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeAlias

import attrs
from tqdm import tqdm

from diplomev import _json
from diplomev.errors import ConfigError, DiplomevWarning, ExtractionError, InputError
from diplomev.model import Article, Document
from diplomev.pipeline import Pipeline
from diplomev.readers import read_corpus

__all__ = [
    "CorpusRun",
    "ProcessingError",
    "ProcessingStats",
    "ProcessingWarning",
    "process",
    "resume_ids",
]

Item: TypeAlias = "str | os.PathLike[str] | Article | Document"
"""One input of `process`: a path (file or directory), an `Article` or a `Document`."""

ErrorHandler: TypeAlias = "Callable[[ProcessingError], None]"
"""A callback that receives each `ProcessingError` of a run."""


@attrs.frozen(kw_only=True)
class ProcessingError:
    """What went wrong with one input of a corpus run.

    Attributes:
        article_id: The id of the article, or None when the input could not
            be read far enough to have one.
        origin: Where the input came from: ``file``, ``file:line`` or None
            for an `Article` built in memory without an origin.
        step: The pipeline step that failed, ``"read"`` for an input that
            could not be read, or ``"worker"`` for a worker process that died.
        message: What happened, without the location.

    Examples:
        >>> err = ProcessingError(article_id="a1", origin="news.jsonl:3", step="times", message="ValueError: bad")
        >>> str(err)
        'news.jsonl:3 (a1): step times: ValueError: bad'
    """

    article_id: str | None
    origin: str | None
    step: str
    message: str

    def __str__(self) -> str:
        """Show where, which article and which step, then the message."""
        where = self.origin or "<memory>"
        if self.article_id is not None:
            where += f" ({self.article_id})"
        return f"{where}: step {self.step}: {self.message}"


class ProcessingWarning(DiplomevWarning):
    """An input of a corpus run failed and no ``on_error`` handler was given."""


@attrs.define
class ProcessingStats:
    """Running counts of a corpus run (updated while it streams).

    Attributes:
        read: Inputs read (articles and documents), including skipped and failed ones.
        done: Documents yielded.
        dropped: Documents a step dropped with `diplomev.errors.DropDocument`.
        skipped: Articles skipped because their id was in ``skip_ids``.
        failed: Inputs that failed (each reported as a `ProcessingError`).
        words: Whitespace-separated words in the articles that were processed.
    """

    read: int = 0
    done: int = 0
    dropped: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0


# --------------------------------------------------------------------------- worker side

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_KEEP: frozenset[str] | None = None
_WORKER_FROZEN = False
_FIELDS = frozenset(f.name for f in attrs.fields(Document)) - {"article"}
_Outcome: TypeAlias = "Document | ProcessingError | None"


def _init_worker(pipeline: Pipeline, keep: frozenset[str] | None) -> None:
    global _WORKER_PIPELINE, _WORKER_KEEP  # noqa: PLW0603 - one pipeline per worker process, shipped once
    _WORKER_PIPELINE = pipeline
    _WORKER_KEEP = keep


def _slim(doc: Document, keep: frozenset[str]) -> Document:
    cleared: dict[str, Any] = {name: () for name in _FIELDS - keep if getattr(doc, name)}
    if "reference" in cleared:
        cleared["reference"] = None
    return attrs.evolve(doc, **cleared) if cleared else doc


def _run_one(pipeline: Pipeline, item: Article | Document, keep: frozenset[str] | None = None) -> _Outcome:
    try:
        doc = pipeline.run(item)
    except ExtractionError as err:
        cause = err.__cause__
        message = f"{type(cause).__name__}: {cause}" if cause is not None else str(err)
        article = item.article if isinstance(item, Document) else item
        return ProcessingError(article_id=article.id, origin=article.origin, step=err.step, message=message)
    return doc if doc is None or keep is None else _slim(doc, keep)


def _run_chunk(chunk: list[Article | Document]) -> list[_Outcome]:
    global _WORKER_FROZEN  # noqa: PLW0603 - once per worker process
    pipeline = _WORKER_PIPELINE
    if pipeline is None:  # pragma: no cover - the initializer always runs first
        msg = "worker process was started without a pipeline"
        raise RuntimeError(msg)
    if _WORKER_FROZEN or not chunk or not gc.isenabled() or multiprocessing.parent_process() is None:
        return [_run_one(pipeline, item, _WORKER_KEEP) for item in chunk]
    # The worker's first article builds the long-lived tables (knowledge-base trie, event patterns, time
    # grammars): frozen (`gc.freeze`), the cyclic collector never traverses them again. The worker is
    # diplomev's own process and holds nothing else that lives as long.
    _WORKER_FROZEN = True
    gc.disable()  # the pipeline leaves it off until the tables are frozen
    try:
        first = _run_one(pipeline, chunk[0], _WORKER_KEEP)
    finally:
        gc.freeze()
        gc.enable()
    return [first, *(_run_one(pipeline, item, _WORKER_KEEP) for item in chunk[1:])]


# --------------------------------------------------------------------------- main side

_TRIM_EVERY = 1024
"""Articles received from workers between two returns of freed heap memory to the system."""


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """Return glibc's ``malloc_trim``, or None on other platforms and C libraries."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _trim_heap() -> None:
    """Give freed heap memory back to the system.

    The main process of a parallel run receives a stream of large pickled
    results from the workers. glibc keeps the freed buffers in a fragmented
    heap, so without trimming the resident size creeps up with the length
    of the corpus although no Python object is kept.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@attrs.define(eq=False)
class _Slot:
    items: list[Article | Document]
    future: cf.Future[list[_Outcome]]
    pool_id: int


def _article_of(item: Article | Document) -> Article:
    return item.article if isinstance(item, Document) else item


def _default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class CorpusRun(Iterator[Document]):
    """The iterator `process` returns: documents, plus the run's counts in `stats`.

    Iterate over it to drive the run; `stats` is updated as it goes. Closing
    it (or leaving a ``with`` block) stops the worker processes.

    Attributes:
        stats: The counts of the run so far.
    """

    def __init__(
        self,
        items: Item | Iterable[Item],
        *,
        pipeline: Pipeline,
        workers: int,
        ordered: bool,
        chunksize: int,
        on_error: ErrorHandler | None,
        skip_ids: Iterable[str],
        progress: bool | None,
        start_method: str,
        keep: Iterable[str] | None,
    ) -> None:
        """Prepare the run; nothing is read until iteration starts."""
        self.stats = ProcessingStats()
        self._items = items
        self._pipeline = pipeline
        self._workers = workers
        self._ordered = ordered
        self._chunksize = chunksize
        self._on_error = on_error
        self._skip = frozenset(skip_ids)
        self._progress = sys.stderr.isatty() if progress is None else progress
        self._start_method = start_method
        self._keep = None if keep is None else frozenset(keep)
        self._pool: cf.ProcessPoolExecutor | None = None
        self._solo: cf.ProcessPoolExecutor | None = None
        self._since_trim = 0
        self._pool_id = 0
        self._bar: tqdm[Any] | None = None
        self._gen: Generator[Document, None, None] = self._generate()

    # iterator protocol -------------------------------------------------------------

    def __iter__(self) -> CorpusRun:
        return self

    def __next__(self) -> Document:
        return next(self._gen)

    def close(self) -> None:
        """Stop the run: shut the worker processes down and close the progress bar."""
        self._gen.close()

    def __enter__(self) -> CorpusRun:  # noqa: PYI034 - Self needs Python 3.11
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading ------------------------------------------------------------------------

    def _fail(self, error: ProcessingError) -> None:
        self.stats.failed += 1
        self._tick()
        if self._on_error is None:
            warnings.warn(str(error), ProcessingWarning, stacklevel=4)
        else:
            self._on_error(error)

    def _input_error(self, err: InputError) -> None:
        self.stats.read += 1
        origin = err.path if err.line is None or err.path is None else f"{err.path}:{err.line}"
        self._fail(ProcessingError(article_id=None, origin=origin, step="read", message=err.reason))

    def _inputs(self) -> Iterator[Article | Document]:
        single = isinstance(self._items, (str, os.PathLike, Article, Document))
        items: Iterable[Item] = (self._items,) if single else self._items  # type: ignore[assignment]
        for item in items:
            if isinstance(item, (Article, Document)):
                self.stats.read += 1
                yield item
            elif isinstance(item, (str, os.PathLike)):
                for article in read_corpus([Path(item)], on_error=self._input_error):
                    self.stats.read += 1
                    yield article
            else:
                msg = f"process: expected a path, an Article or a Document, got {type(item).__name__}"
                raise TypeError(msg)

    def _wanted(self) -> Iterator[Article | Document]:
        for item in self._inputs():
            article = _article_of(item)
            if article.id in self._skip:
                self.stats.skipped += 1
                self._tick()
                continue
            self.stats.words += len(article.text.split())
            yield item

    # results ------------------------------------------------------------------------

    def _tick(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def _outcomes(self, outcomes: Iterable[_Outcome]) -> Iterator[Document]:
        for outcome in outcomes:
            if isinstance(outcome, ProcessingError):
                self._fail(outcome)
            elif outcome is None:
                self.stats.dropped += 1
                self._tick()
            else:
                self.stats.done += 1
                self._tick()
                yield outcome

    def _generate(self) -> Generator[Document, None, None]:
        if self._progress:
            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
        try:
            if self._workers <= 1:
                for item in self._wanted():
                    yield from self._outcomes([_run_one(self._pipeline, item, self._keep)])
            else:
                yield from self._parallel()
        finally:
            self._shutdown()
            if self._bar is not None:
                self._bar.close()
                self._bar = None

    # parallel -----------------------------------------------------------------------

    def _make_pool(self, workers: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(self._start_method),
            initializer=_init_worker,
            initargs=(self._pipeline, self._keep),
        )

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool_id += 1
        self._pool = self._make_pool(self._workers)
        return self._pool

    def _shutdown(self) -> None:
        for pool in (self._pool, self._solo):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._solo = None

    def _submit(self, items: list[Article | Document]) -> _Slot:
        pool = self._pool or self._new_pool()
        try:
            future = pool.submit(_run_chunk, items)
        except BrokenProcessPool:
            # A worker died since the last submission; the chunks in flight are recovered when collected.
            future = self._new_pool().submit(_run_chunk, items)
        return _Slot(items=items, future=future, pool_id=self._pool_id)

    def _alone(self, items: list[Article | Document]) -> list[_Outcome] | None:
        """Run *items* in a one-worker pool of their own; None if that worker died."""
        if self._solo is None:
            self._solo = self._make_pool(1)
        try:
            return self._solo.submit(_run_chunk, items).result()
        except BrokenProcessPool:
            self._solo.shutdown(wait=False, cancel_futures=True)
            self._solo = None
            return None

    def _collect(self, slot: _Slot) -> list[_Outcome]:
        """Return the outcomes of a slot.

        When a worker process dies, every chunk in flight in its pool fails
        with it. Each of those chunks is then run again on its own in a
        separate one-worker pool, and if it fails there too, article by
        article, so that only the article that kills its worker is reported
        (with step ``"worker"``).
        """
        try:
            return slot.future.result()
        except BrokenProcessPool:
            if slot.pool_id == self._pool_id:
                self._new_pool()
        outcomes = self._alone(slot.items)
        if outcomes is not None:
            return outcomes
        if self._alone([]) is None:
            msg = (
                "worker processes die before processing anything: with the "
                f"{self._start_method!r} start method the main script must be importable and guard "
                "its work with `if __name__ == '__main__':` (it cannot be read from standard input)"
            )
            raise ConfigError(msg)
        result: list[_Outcome] = []
        for item in slot.items:
            alone = self._alone([item])
            if alone is None:
                article = _article_of(item)
                alone = [
                    ProcessingError(
                        article_id=article.id,
                        origin=article.origin,
                        step="worker",
                        message="the worker process died while processing this article",
                    )
                ]
            result.extend(alone)
        return result

    def _chunks(self) -> Iterator[list[Article | Document]]:
        chunk: list[Article | Document] = []
        for item in self._wanted():
            chunk.append(item)
            if len(chunk) >= self._chunksize:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _received(self, slot: _Slot) -> list[_Outcome]:
        outcomes = self._collect(slot)
        self._since_trim += len(outcomes)
        if self._since_trim >= _TRIM_EVERY:
            self._since_trim = 0
            _trim_heap()
        return outcomes

    def _parallel(self) -> Iterator[Document]:
        limit = 2 * self._workers
        if self._ordered:
            pending: deque[_Slot] = deque()

            def finish_first() -> Iterator[Document]:
                yield from self._outcomes(self._received(pending.popleft()))

            for chunk in self._chunks():
                pending.append(self._submit(chunk))
                while len(pending) >= limit:
                    yield from finish_first()
            while pending:
                yield from finish_first()
            return

        inflight: dict[cf.Future[list[_Outcome]], _Slot] = {}

        def finish_some() -> Iterator[Document]:
            done, _ = cf.wait(list(inflight), return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield from self._outcomes(self._received(inflight.pop(future)))

        for chunk in self._chunks():
            slot = self._submit(chunk)
            inflight[slot.future] = slot
            while len(inflight) >= limit:
                yield from finish_some()
        while inflight:
            yield from finish_some()


def process(
    items: Item | Iterable[Item],
    *,
    pipeline: Pipeline | None = None,
    workers: int | None = 1,
    ordered: bool = True,
    chunksize: int = 16,
    on_error: ErrorHandler | None = None,
    skip_ids: Iterable[str] = (),
    progress: bool | None = False,
    start_method: str = "spawn",
    keep: Iterable[str] | None = None,
) -> CorpusRun:
    """Run a pipeline over a corpus, streaming, and yield the documents.

    The input is read lazily and at most about ``2 * workers * chunksize``
    articles are in flight at any time, so memory does not grow with the
    size of the corpus. With ``workers > 1`` the articles are processed in
    that many worker processes (started with *start_method*; the pipeline is
    pickled once per worker, so its steps must be picklable), and on Linux
    the main process regularly returns the memory freed by the results it
    received to the system (glibc's ``malloc_trim``), so that its resident
    size stays flat too.

    A failing input does not stop the run: it becomes a `ProcessingError`
    passed to *on_error* and counted in ``stats.failed``. If *on_error* is
    not given, each failure is issued as a `ProcessingWarning`. A handler
    that raises stops the run (the worker processes are shut down).

    Args:
        items: A path (file or directory; see `diplomev.read_corpus`), an
            `Article`, a `Document`, or an iterable mixing them.
        pipeline: The pipeline to run (default `Pipeline.default`).
        workers: Worker processes; 1 runs in this process, None uses every
            available core.
        ordered: Yield documents in input order (True) or as they complete.
        chunksize: Articles sent to a worker at a time.
        on_error: Called with each `ProcessingError`.
        skip_ids: Ids of articles to skip, e.g. `resume_ids` of an earlier
            run's output.
        progress: Show a progress bar on standard error; None shows one
            only when standard error is a terminal.
        start_method: The `multiprocessing` start method of the workers.
        keep: The `Document` fields to keep, e.g. ``("events",)``; the others
            are emptied (the article is always kept). Sending less back from
            the workers saves time when only some results are needed.

    Returns:
        An iterator of the documents not dropped by a step; its ``stats``
        attribute holds the counts of the run.

    Raises:
        ConfigError: If *workers* or *chunksize* is not positive.

    Examples:
        >>> from diplomev import Article, Pipeline
        >>> def shout(doc):
        ...     return doc
        >>> run = process([Article(id="a1", text="Talks."), Article(id="a2", text="More talks.")],
        ...               pipeline=Pipeline([shout]), skip_ids={"a2"})
        >>> [d.article.id for d in run], run.stats.skipped
        (['a1'], 1)

    Added in version 0.1.
    """
    n = _default_workers() if workers is None else workers
    if n < 1:
        msg = f"process: workers must be >= 1 (or None for every core), got {workers!r}"
        raise ConfigError(msg)
    if chunksize < 1:
        msg = f"process: chunksize must be >= 1, got {chunksize!r}"
        raise ConfigError(msg)
    unknown = sorted(set(keep or ()) - _FIELDS)
    if unknown:
        msg = f"process: keep names unknown Document fields {unknown}; known: {sorted(_FIELDS)}"
        raise ConfigError(msg)
    return CorpusRun(
        items,
        pipeline=pipeline if pipeline is not None else Pipeline.default(),
        workers=n,
        ordered=ordered,
        chunksize=chunksize,
        on_error=on_error,
        skip_ids=skip_ids,
        progress=progress,
        start_method=start_method,
        keep=keep,
    )


def resume_ids(path: str | os.PathLike[str]) -> frozenset[str]:
    r"""Return the ids of the articles already present in an output file of events.

    Reads a JSON Lines file written by ``diplomev extract`` (one event per
    line with an ``article`` key, or merged records with an ``articles``
    list). A missing file gives an empty set; a line that is not complete
    JSON (the last line of an interrupted run) is ignored. Articles that
    produced no event do not appear in the output and are processed again
    on resumption, which is harmless.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "events.jsonl"
        >>> _ = p.write_text('{"article": "a1"}\n{"article": "a2"}\n{"arti', encoding="utf-8")
        >>> sorted(resume_ids(p))
        ['a1', 'a2']

    Added in version 0.1.
    """
    p = Path(path)
    if not p.exists():
        return frozenset()
    ids: set[str] = set()
    with p.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                raw = _json.loads(line)
            except _json.JsonError:  # not JSON, or refused: no article id to take
                continue
            if not isinstance(raw, dict):
                continue
            if isinstance(raw.get("article"), str):
                ids.add(raw["article"])
            articles = raw.get("articles")
            if isinstance(articles, list):
                ids.update(a for a in articles if isinstance(a, str))
    return frozenset(ids)
