"""The work behind the corpus commands of the command line: extract, timeline, dyads.

Each function takes the parsed options, writes its output and returns the
exit status (0, or 1 when some inputs failed); bad usage raises
`diplomev.errors.ConfigError`, which the command line turns into status 2.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from diplomev import _json
from diplomev.api import get_serialiser
from diplomev.corpus.merge import EventMerger, MergedEvent
from diplomev.corpus.streaming import ProcessingError, process
from diplomev.corpus.timelines import Freq, Timeline, dyad_record, dyad_series, timeline, to_csv
from diplomev.errors import ConfigError, SerialisationError
from diplomev.model import Document, Event
from diplomev.pipeline import Pipeline
from diplomev.serialisers._converter import converter
from diplomev.serialisers.jsonl import structure

__all__ = ["prepare_resume", "run_dyads", "run_extract", "run_timeline"]

PathLike = str | Path


class _Reporter:
    """Prints each failure on standard error and counts them."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.failed = 0

    def __call__(self, err: ProcessingError | SerialisationError) -> None:
        self.failed += 1
        print(f"diplomev: error: {err}", file=self.stream or sys.stderr)


@contextlib.contextmanager
def _opened(path: PathLike | None, stdout: TextIO | None, *, append: bool = False) -> Iterator[TextIO]:
    if path is None:
        yield stdout or sys.stdout
    else:
        with Path(path).open("a" if append else "w", encoding="utf-8", newline="") as fh:
            yield fh


def prepare_resume(path: PathLike) -> frozenset[str]:
    """Make an interrupted JSON Lines output of events safe to append to; return the finished article ids.

    The events of one article are written together, so only the last
    article of an interrupted run may be incomplete. Its lines (and any
    incomplete last line) are cut off, and its id is left out of the
    result so that it is processed again.

    Args:
        path: The output file of the earlier run (it may not exist).

    Returns:
        The ids of the articles whose events are complete in the file.
    """
    p = Path(path)
    if not p.exists():
        return frozenset()
    ids: set[str] = set()
    last: str | None = None
    block_start = 0
    offset = 0
    with p.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                raw = _json.loads(line.decode("utf-8"))
            except (_json.JsonError, UnicodeDecodeError):
                raw = None
            article = raw.get("article") if isinstance(raw, dict) else None
            if isinstance(article, str) and article != last:
                if last is not None:
                    ids.add(last)
                last, block_start = article, offset
            offset += len(line)
    cut = block_start if last is not None else offset
    with p.open("r+b") as fh:
        fh.truncate(cut)
    return frozenset(ids)


def _documents(
    paths: Iterable[PathLike],
    *,
    pipeline: Pipeline | None,
    workers: int | None,
    progress: bool | None,
    report: _Reporter,
    skip_ids: Iterable[str] = (),
) -> Iterator[Document]:
    yield from process(
        list(paths),
        pipeline=pipeline,
        workers=workers,
        on_error=report,
        skip_ids=skip_ids,
        progress=progress,
        keep=("events",),
    )


def run_extract(
    paths: Sequence[PathLike],
    *,
    output: PathLike | None = None,
    format: str | None = None,  # noqa: A002 - the CLI option's name
    workers: int | None = 1,
    resume: bool = False,
    merge: bool = False,
    progress: bool | None = None,
    pipeline: Pipeline | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Extract the events of a corpus and write them (``diplomev extract``).

    Args:
        paths: Files or directories of articles.
        output: The output file (default standard output).
        format: The output format (default from the output's extension,
            else JSON Lines). With *merge*: ``jsonl`` or ``csv``.
        workers: Worker processes (None: every core).
        resume: Append to *output*, skipping the articles already in it
            (JSON Lines only; the last, possibly incomplete article is redone).
        merge: Merge the events across articles and write merged records.
        progress: Show a progress bar on standard error (None: only on a terminal).
        pipeline: The pipeline (default `diplomev.Pipeline.default`).
        stdout: Where output goes without *output*.
        stderr: Where errors go.

    Returns:
        0, or 1 if some inputs failed (the others were still written).

    Raises:
        ConfigError: For options that do not go together.
    """
    report = _Reporter(stderr)
    skip: frozenset[str] = frozenset()
    if resume:
        if output is None:
            msg = "--resume needs --output FILE (the output of the run to resume)"
            raise ConfigError(msg)
        if merge:
            msg = "--resume cannot be combined with --merge (merging needs every event at once)"
            raise ConfigError(msg)
        if get_serialiser(format, path=output).name != "jsonl":
            msg = "--resume needs JSON Lines output"
            raise ConfigError(msg)
    if merge:
        fmt = format or ("csv" if output is not None and Path(output).suffix.lower() == ".csv" else "jsonl")
        if fmt not in ("jsonl", "csv"):
            msg = f"--merge writes jsonl or csv, not {fmt!r}"
            raise ConfigError(msg)
        merger = EventMerger()
        for doc in _documents(paths, pipeline=pipeline, workers=workers, progress=progress, report=report):
            merger.add_document(doc)
        merged = merger.merged()
        with _opened(output, stdout) as out:
            if fmt == "csv":
                to_csv(Timeline(events=tuple(merged)), out)
            else:
                _write_lines((converter.unstructure(m) for m in merged), out)
        return 1 if report.failed else 0
    ser = get_serialiser(format, path=output if format is None and output is not None else None)
    if resume and output is not None:
        skip = prepare_resume(output)
    docs = _documents(paths, pipeline=pipeline, workers=workers, progress=progress, report=report, skip_ids=skip)
    with _opened(output, stdout, append=resume) as out:
        ser.dump((e for d in docs for e in d.events), out)
    return 1 if report.failed else 0


def _write_lines(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")


def _is_event_file(path: Path) -> bool:
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                try:
                    raw = _json.loads(line)
                except _json.JsonError:
                    return False
                return isinstance(raw, dict) and "cameo" in raw and "article" in raw
    return False


def _load_events(path: Path, report: _Reporter) -> Iterator[Event | MergedEvent]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                try:
                    raw = _json.loads(line)
                except _json.JsonError as err:
                    msg = f"not JSON: {err.describe(lines=False)}"
                    raise SerialisationError(msg, path=str(path), line=number) from err
                kind = MergedEvent if isinstance(raw, dict) and "reports" in raw else Event
                yield structure(raw, kind, line=number, path=str(path))
            except SerialisationError as err:
                report(err)


def _inputs(
    paths: Sequence[PathLike],
    *,
    pipeline: Pipeline | None,
    workers: int | None,
    progress: bool | None,
    report: _Reporter,
) -> Iterator[Event | MergedEvent | Document]:
    """Yield events from event files and documents from article files."""
    articles: list[PathLike] = []
    for path in paths:
        p = Path(path)
        if _is_event_file(p):
            yield from _load_events(p, report)
        else:
            articles.append(path)
    if articles:
        yield from _documents(articles, pipeline=pipeline, workers=workers, progress=progress, report=report)


def run_timeline(
    paths: Sequence[PathLike],
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    directed: bool = False,
    output: PathLike | None = None,
    format: str = "csv",  # noqa: A002 - the CLI option's name
    workers: int | None = 1,
    progress: bool | None = None,
    pipeline: Pipeline | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the timeline of merged events of an actor or a pair (``diplomev timeline``).

    Args:
        paths: Event files (JSON Lines written by ``diplomev extract``, merged
            or not) and files or directories of articles, which are extracted first.
        actor: Keep the events of this actor.
        pair: Keep the events between these two actors.
        directed: With *pair*, only the events from the first to the second.
        output: The output file (default standard output).
        format: ``csv`` (one row per merged event) or ``jsonl`` (merged records).
        workers: Worker processes for article inputs.
        progress: Show a progress bar for article inputs (None: only on a terminal).
        pipeline: The pipeline for article inputs.
        stdout: Where output goes without *output*.
        stderr: Where errors go.

    Returns:
        0, or 1 if some inputs failed.

    Raises:
        ConfigError: For an unknown format.
    """
    if format not in ("csv", "jsonl"):
        msg = f"timeline writes csv or jsonl, not {format!r}"
        raise ConfigError(msg)
    report = _Reporter(stderr)
    items = _inputs(paths, pipeline=pipeline, workers=workers, progress=progress, report=report)
    table = timeline(items, actor=actor, pair=pair, directed=directed)
    with _opened(output, stdout) as out:
        if format == "csv":
            to_csv(table, out)
        else:
            _write_lines((converter.unstructure(m) for m in table), out)
    return 1 if report.failed else 0


def run_dyads(
    paths: Sequence[PathLike],
    a: str,
    b: str,
    *,
    freq: Freq = "month",
    directed: bool = False,
    output: PathLike | None = None,
    format: str = "csv",  # noqa: A002 - the CLI option's name
    workers: int | None = 1,
    progress: bool | None = None,
    pipeline: Pipeline | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the dyad series of two actors (``diplomev dyads``).

    Args:
        paths: Event files and/or article files or directories (as for `run_timeline`).
        a: The first actor.
        b: The second actor.
        freq: ``day``, ``week``, ``month`` or ``year``.
        directed: Count only the events from *a* to *b*.
        output: The output file (default standard output).
        format: ``csv`` or ``jsonl`` (one object per period).
        workers: Worker processes for article inputs.
        progress: Show a progress bar for article inputs (None: only on a terminal).
        pipeline: The pipeline for article inputs.
        stdout: Where output goes without *output*.
        stderr: Where errors go.

    Returns:
        0, or 1 if some inputs failed.

    Raises:
        ConfigError: For an unknown format or frequency.
    """
    if format not in ("csv", "jsonl"):
        msg = f"dyads writes csv or jsonl, not {format!r}"
        raise ConfigError(msg)
    report = _Reporter(stderr)
    items = _inputs(paths, pipeline=pipeline, workers=workers, progress=progress, report=report)
    series = dyad_series(items, a, b, freq=freq, directed=directed)
    with _opened(output, stdout) as out:
        if format == "csv":
            to_csv(series, out)
        else:
            _write_lines((dyad_record(r) for r in series), out)
    return 1 if report.failed else 0
