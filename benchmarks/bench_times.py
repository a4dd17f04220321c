"""Benchmark the ``times`` step against ``dateparser.search_dates``: speed and accuracy.

Speed: both run over the example articles (``examples/articles/*.txt``, or a
built-in sample when absent), repeated to a few megabytes, one article at a
time; the script prints expressions per second and megabytes per second.

Accuracy: both run over the hand-written table of ``tests/extractors/time_cases.py``
(each expression in a sentence, with a reference date and the expected span).
diplomev counts a case correct when it emits the expression (same text,
ignoring case and a leading preposition) resolved to exactly the expected
start and end (a duration: emitted as a duration; a non-time: nothing emitted
over it). dateparser returns points, not spans, so it is judged leniently: a
date case is correct when a date it finds over the expression equals the
expected day (day granularity) or falls inside the expected span (month,
year, range...); a duration or non-time case is correct when it finds no date
over the phrase. dateparser runs with ``RELATIVE_BASE`` = the reference date
and ``PREFER_DATES_FROM = "past"``.

Usage (dateparser is in the ``bench`` extra)::

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/bench_times.py [--mb 2] [--skip-dateparser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import time
import warnings
from pathlib import Path

from diplomev import Article, Document
from diplomev.extractors.times import TimeRecogniser, find_times

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
CASES_PATH = ROOT / "tests" / "extractors" / "time_cases.py"
PREPOSITIONS = {"on", "in", "at", "by", "since", "from", "during", "of", "until", "before", "after"}

SAMPLE = """SEOUL, March 3 (Wire) -- The foreign ministers of the two countries met on Tuesday in Seoul
and agreed to hold a summit next month, the ministry said Wednesday. The talks came after months of
tension over trade curbs imposed in July 2019. A first round of working-level talks was held
from Feb. 12-14, and officials will meet again in late March. Relations have been strained for
more than a year, since the 2018 court rulings. The leaders last met in December, on the sidelines
of a regional forum held between Dec. 23 and 25. Both sides plan to review progress by the end of
the year, and a joint statement is expected early next week.
"""


def load_cases() -> tuple[list, str, str]:
    spec = importlib.util.spec_from_file_location("time_cases", CASES_PATH)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {CASES_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CASES), module.DURATION, module.NOT_A_TIME


def load_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return texts or [SAMPLE]


def norm(text: str) -> str:
    words = text.casefold().replace(",", " ").split()
    while words and words[0] in PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


def corpus(texts: list[str], megabytes: float) -> list[str]:
    size = sum(len(t) for t in texts)
    repeats = max(1, round(megabytes * 1_000_000 / size))
    return texts * repeats


def bench_diplomev(docs: list[str], reference: dt.date) -> tuple[int, float]:
    from diplomev import Reference

    step = TimeRecogniser()
    ref = Reference(date=reference, method="benchmark")
    start = time.perf_counter()
    found = 0
    for i, text in enumerate(docs):
        doc = step(Document(article=Article(id=str(i), text=text), reference=ref))
        found += len(doc.times)
    return found, time.perf_counter() - start


def dateparser_settings(reference: dt.date) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
    }


def bench_dateparser(docs: list[str], reference: dt.date) -> tuple[int, float]:
    from dateparser.search import search_dates

    settings = dateparser_settings(reference)
    search_dates("warm-up on Monday", languages=["en"], settings=settings)
    start = time.perf_counter()
    found = 0
    for text in docs:
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    return found, time.perf_counter() - start


def diplomev_correct(case, duration: str, not_a_time: str) -> bool:
    times = find_times(case.sentence, reference=case.reference)
    if case.expected == not_a_time:
        at = case.sentence.index(case.text)
        return not any(t.span.start < at + len(case.text) and at < t.span.end for t in times)
    for t in times:
        if norm(t.text) != norm(case.text):
            continue
        if case.expected == duration:
            return t.kind.value == "duration"
        if t.resolved is None:
            return False
        start, end, _ = case.expected
        return (t.resolved.start.isoformat(), t.resolved.end.isoformat()) == (start, end)
    return False


def dateparser_correct(case, duration: str, not_a_time: str) -> bool:
    from dateparser.search import search_dates

    results = search_dates(case.sentence, languages=["en"], settings=dateparser_settings(case.reference)) or []
    at = case.sentence.index(case.text)
    hits = []
    for substring, when in results:
        pos = case.sentence.find(substring)
        if pos >= 0 and pos < at + len(case.text) and at < pos + len(substring):
            hits.append(when.date())
    if case.expected in (duration, not_a_time):
        return not hits
    start, end, granularity = case.expected
    lo, hi = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if granularity == "day":
        return any(h == lo for h in hits)
    return any(lo <= h <= hi for h in hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the speed corpus in megabytes")
    parser.add_argument("--skip-dateparser", action="store_true", help="measure diplomev only")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    reference = dt.date(2023, 6, 30)
    docs = corpus(load_texts(), args.mb)
    chars = sum(len(d) for d in docs)
    cases, duration, not_a_time = load_cases()
    print(f"speed corpus: {len(docs)} articles, {chars / 1e6:.2f} MB; accuracy table: {len(cases)} expressions")

    found, ours_secs = bench_diplomev(docs, reference)
    secs = ours_secs
    ours_rate = found / secs
    ours_acc = sum(diplomev_correct(c, duration, not_a_time) for c in cases) / len(cases)
    print(
        f"diplomev   : {found:8d} expressions in {secs:6.2f} s = {ours_rate:9.0f} expr/s,"
        f" {chars / secs / 1e6:5.2f} MB/s; table accuracy {ours_acc:.1%}",
    )
    if args.skip_dateparser:
        return 0
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser is not installed: pip install -e '.[bench]'")
        return 1
    found, secs = bench_dateparser(docs, reference)
    theirs_rate = found / secs
    theirs_acc = sum(dateparser_correct(c, duration, not_a_time) for c in cases) / len(cases)
    print(
        f"dateparser : {found:8d} expressions in {secs:6.2f} s = {theirs_rate:9.0f} expr/s,"
        f" {chars / secs / 1e6:5.2f} MB/s; table accuracy {theirs_acc:.1%} (lenient)",
    )
    print(f"speed-up   : {ours_rate / theirs_rate:.1f}x in expressions/s, {secs / ours_secs:.1f}x in MB/s")
    print(f"accuracy   : {ours_acc:.1%} vs {theirs_acc:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
