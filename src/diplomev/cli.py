"""The ``diplomev`` command line: a thin layer over the library.

Exit status: 0 on success, 1 when some inputs failed (the rest were still
processed and written), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from diplomev.api import get_serialiser
from diplomev.errors import ConfigError, DiplomevError
from diplomev.evaluation import evaluate
from diplomev.model import Article, Document
from diplomev.pipeline import DEFAULT_STEPS, Pipeline
from diplomev.readers import DEFAULT_MAX_SIZE, read_corpus
from diplomev.registry import registries
from diplomev.serialisers._converter import converter

__all__ = ["get_parser", "main"]


class _Version(argparse.Action):
    """``--version``: the version is read from the package metadata only when asked for (a slow import)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show program's version number and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from diplomev import __version__  # noqa: PLC0415 - only on demand

        sys.stdout.write(f"diplomev {__version__}\n")
        parser.exit()


def get_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``diplomev`` command."""
    parser = argparse.ArgumentParser(prog="diplomev", description="Turn news articles into political event records.")
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories of articles")
        p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
        p.add_argument(
            "--max-size",
            type=int,
            default=DEFAULT_MAX_SIZE,
            metavar="BYTES",
            help=f"reject larger articles (default {DEFAULT_MAX_SIZE})",
        )
        p.add_argument(
            "--max-line-length",
            type=int,
            default=None,
            metavar="BYTES",
            help="reject longer JSON Lines and CSV lines (default twice --max-size)",
        )
        p.add_argument(
            "--input-format",
            choices=["text", "html", "jsonl", "csv"],
            default=None,
            help="read every file as this format (default: by suffix)",
        )
        p.add_argument("--encoding", default=None, help="decode input strictly with this encoding")
        p.add_argument(
            "--fields",
            default=None,
            metavar="KEY=NAME,...",
            help="record keys of JSON Lines and CSV inputs, e.g. text=body,published=date",
        )

    p = sub.add_parser("extract", help="extract events")
    inputs(p)
    p.add_argument("--format", "-f", default=None, help="output format (default jsonl)")
    p.add_argument("--workers", "-w", type=int, default=1, help="worker processes (0: every core)")
    p.add_argument("--resume", action="store_true", help="append to --output, skipping the articles already in it")
    p.add_argument("--merge", action="store_true", help="merge the events across articles (GDELT-style counts)")
    p = sub.add_parser("timeline", help="the merged events of an actor or a pair, in date order")
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles, or event files (JSON Lines)")
    p.add_argument("--actor", help="an ISO3 code or a name")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="two actors")
    p.add_argument("--directed", action="store_true", help="with --pair, only events from A to B")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--format", "-f", default="csv", choices=["csv", "jsonl"])
    p.add_argument("--workers", "-w", type=int, default=1)
    p = sub.add_parser("dyads", help="counts and Goldstein values of a pair of actors per period")
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles, or event files (JSON Lines)")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), required=True, help="two actors")
    p.add_argument("--freq", default="month", choices=["day", "week", "month", "year"])
    p.add_argument("--directed", action="store_true", help="only events from A to B")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--format", "-f", default="csv", choices=["csv", "jsonl"])
    p.add_argument("--workers", "-w", type=int, default=1)
    p = sub.add_parser("articles", help="one record per article: id, title, published, publisher, dateline, url")
    inputs(p)
    p.add_argument("--format", "-f", default="jsonl", choices=["jsonl"])
    p = sub.add_parser("times", help="one record per temporal expression")
    inputs(p)
    p.add_argument("--format", "-f", default="jsonl", choices=["jsonl"])
    p = sub.add_parser("evaluate", help="score events against gold annotation files")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("events", metavar="EVENTS.jsonl")
    p.add_argument("--articles", metavar="A.jsonl", help="article records to score metadata")
    p.add_argument("--times", metavar="T.jsonl", help="time expression records to score times")
    p.add_argument("--only", metavar="IDS", help="comma-separated article ids")
    p.add_argument("--show-errors", action="store_true", help="list missed and spurious events")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    sub.add_parser("plugins", help="list the installed extractors and serialisers")
    return parser


def _until(step: str) -> Pipeline:
    names = DEFAULT_STEPS[: DEFAULT_STEPS.index(step) + 1]
    return Pipeline(names)


def _documents(args: argparse.Namespace, pipeline: Pipeline, errors: list[str]) -> Iterator[Document]:
    def report(err: DiplomevError) -> None:
        errors.append(str(err))
        print(f"diplomev: error: {err}", file=sys.stderr)

    articles = read_corpus(
        args.paths,
        on_error=report,
        max_size=args.max_size,
        max_line_length=args.max_line_length,
        format=args.input_format,
        encoding=args.encoding,
        fields=_fields(args.fields),
    )
    first = True
    for article in articles:
        try:
            if first:
                first = False
                doc = _run_first(pipeline, article)
            else:
                doc = pipeline.run(article)
        except DiplomevError as err:
            report(err)
            continue
        if doc is not None:
            yield doc


def _run_first(pipeline: Pipeline, article: Article) -> Document | None:
    """Run the pipeline over the first article, then freeze what the process holds (`gc.freeze`).

    The first article builds the long-lived tables (the knowledge base's trie,
    the event patterns, the time grammars): some 100,000 objects that the
    cyclic collector would traverse once more at each of its older-generation
    collections, the first of them (40 ms) as soon as the pipeline switches it
    back on. Frozen, it never looks at them again until `main` returns.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        return pipeline.run(article)  # the collector is someone else's business
    gc.disable()  # the pipeline leaves it off until the tables are frozen
    try:
        return pipeline.run(article)
    finally:
        gc.freeze()
        gc.enable()


def _fields(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    pairs = [item.split("=", 1) for item in spec.split(",") if item.strip()]
    if any(len(pair) != 2 for pair in pairs):
        msg = f"--fields: expected KEY=NAME pairs separated by commas, got {spec!r}"
        raise ConfigError(msg)
    return {key.strip(): name.strip() for key, name in pairs}


def _article_record(doc: Document) -> dict[str, Any]:
    src = doc.article.source
    return {
        "id": doc.article.id,
        "title": src.title,
        "published": None if src.published is None else src.published.isoformat(),
        "publisher": src.publisher,
        "dateline": src.dateline,
        "url": src.url,
        "author": src.author,
        "reference": None if doc.reference is None else converter.unstructure(doc.reference),
        "inferred": converter.unstructure(src.inferred),
    }


def _time_records(doc: Document) -> Iterator[dict[str, Any]]:
    for t in doc.times:
        yield {
            "article": doc.article.id,
            "text": t.text,
            "start": t.span.start,
            "end": t.span.end,
            "kind": t.kind.value,
            "region": t.region.value,
            "resolved": None if t.resolved is None else converter.unstructure(t.resolved),
            "confidence": t.confidence,
        }


def _write_lines(records: Iterator[dict[str, Any]], out: TextIO) -> None:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
    else:
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            yield fh


def _run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    commands: dict[str, Callable[[TextIO], None]] = {}

    def extract(out: TextIO) -> None:
        ser = get_serialiser(args.format, path=args.output if args.format is None and args.output else None)
        docs = _documents(args, Pipeline.default(), errors)
        ser.dump((e for d in docs for e in d.events), out)

    def articles(out: TextIO) -> None:
        _write_lines((_article_record(d) for d in _documents(args, _until("clean"), errors)), out)

    def times(out: TextIO) -> None:
        docs = _documents(args, _until("times"), errors)
        _write_lines((r for d in docs for r in _time_records(d)), out)

    commands.update(extract=extract, articles=articles, times=times)
    with _output(args.output) as out:
        commands[args.command](out)
    return 1 if errors else 0


def _evaluate(args: argparse.Namespace) -> int:
    try:
        score = evaluate(
            args.gold_dir,
            args.events,
            articles=args.articles,
            times=args.times,
            only=args.only.split(",") if args.only else None,
            show_errors=args.show_errors,
        )
    except (DiplomevError, OSError) as err:
        print(f"diplomev: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(score.as_dict(), indent=2))
    else:
        print(score.format())
    return 0


def _closed_stdout() -> int:
    """The reader of standard output went away (``diplomev extract ... | head``): stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def _corpus_command(args: argparse.Namespace) -> int:
    """The commands of `diplomev.corpus`: parallel, resumable or merged extraction, timelines, dyads."""
    from diplomev.corpus import run_dyads, run_extract, run_timeline  # noqa: PLC0415 - loaded only when used

    workers = None if args.workers == 0 else args.workers
    if args.command == "extract":
        return run_extract(
            args.paths,
            output=args.output,
            format=args.format,
            workers=workers,
            resume=args.resume,
            merge=args.merge,
        )
    if args.command == "timeline":
        return run_timeline(
            args.paths,
            actor=args.actor,
            pair=tuple(args.pair) if args.pair else None,
            directed=args.directed,
            output=args.output,
            format=args.format,
            workers=workers,
        )
    a, b = args.pair
    return run_dyads(
        args.paths,
        a,
        b,
        freq=args.freq,
        directed=args.directed,
        output=args.output,
        format=args.format,
        workers=workers,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``) and return the exit status.

    Run as the program (no *argv*: the ``diplomev`` command, ``python -m diplomev``), it leaves every
    object frozen (`gc.freeze`) when it returns: the process ends with the command, and the
    interpreter's last collection then has nothing to traverse (it took 0.1 s of a one-article run).
    Called with *argv* from Python, it unfreezes what it froze (see `_run_first`).
    """
    frozen_before = gc.get_freeze_count()
    try:
        return _main(argv)
    finally:
        if argv is None:
            gc.freeze()
        elif not frozen_before and gc.get_freeze_count():
            gc.unfreeze()


def _main(argv: Sequence[str] | None) -> int:
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "plugins":
        for kind in ("extractors", "serialisers"):
            print(f"{kind}:")
            for name, provider, doc in getattr(registries, kind).describe():
                print(f"  {name:14} {provider:20} {doc}")
        return 0
    corpus = args.command in ("timeline", "dyads") or (
        args.command == "extract" and (args.workers != 1 or args.resume or args.merge)
    )
    try:
        return _corpus_command(args) if corpus else _run(args)
    except DiplomevError as err:
        print(f"diplomev: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _closed_stdout()
