"""Linear time: processing time of adversarial texts of 10 KB, 100 KB and 1 MB through the default pipeline.

Each kind of text is built to hurt a rule-based extractor: repeated
abbreviations ("U.S. U.S. ..."), titles and month abbreviations, runs of
capitalised words, long numbers and one huge digit run, nested and
unbalanced quotes, text without any punctuation, a long list of actor
names, one huge line and a text of newlines. Each is cut to exactly 10 KB,
100 KB and 1 MB (ASCII, so bytes and characters agree) and run as one
article through the steps of the default pipeline (what `diplomev.extract`
runs), in a fresh child process (so that one
slow case cannot hold up the others, and caches do not carry over), after a
warm-up, with a publication date (so that dates resolve and the rules that
use them run). Times are the CPU time of the process (less disturbed by other
work on a shared machine than wall-clock time), the best of three runs for
each pipeline step; the time of each step is reported, so a super-linear case
names its step.

Time that grows linearly gives a 1 MB / 100 KB ratio near 10; the benchmark
fails (exit status 1) for a kind whose ratio is above 12, or whose 1 MB run
takes more than 30 seconds (a 1 MB run under a second passes whatever its
ratio: such times are mostly noise). ``--profile KIND`` runs cProfile on the text of
one kind (1 MB, or ``--profile-size`` characters) and prints the functions
with the most time, to find the super-linear one.

Usage::

    .venv/bin/python benchmarks/bench_linear.py [--kinds abbreviations,quotes] [--output benchmarks/results/linear.md]
    .venv/bin/python benchmarks/bench_linear.py --profile realistic --profile-size 200000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}
MAX_RATIO = 12.0
MAX_SECONDS_1MB = 30.0
REPEAT_BUDGET = 60.0
NOISE_SECONDS = 1.0
PUBLISHED = dt.date(2024, 3, 6)
"""Every text is published on this day, so that its dates resolve and the date rules run too."""
WORDS = ("talks", "minister", "government", "officials", "border", "trade", "security", "agreement", "summit")
NAMES = ("Alder", "Brook", "Cedar", "Fenwick", "Garland", "Holt", "Jasper", "Kendall", "Marlow", "Norcross")
REALISTIC = (
    "SEOUL, March 3 (Wire) -- South Korean Foreign Minister Park Jin met his Japanese counterpart in "
    'Tokyo on Tuesday, and the two sides agreed to resume talks, the ministry said. "We will work '
    'together," he told reporters. China and Russia condemned the U.S. sanctions last week.\n\n'
)


def _repeat(piece: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return (piece * (size // len(piece) + 1))[:size]

    return build


def _seeded(make: Callable[[random.Random], str]) -> Callable[[int], str]:
    def build(size: int) -> str:
        rng = random.Random(size)
        parts: list[str] = []
        length = 0
        while length < size:
            part = make(rng)
            parts.append(part)
            length += len(part)
        return "".join(parts)[:size]

    return build


KINDS: dict[str, tuple[str, Callable[[int], str]]] = {
    "realistic": ("news-like sentences and paragraphs (the baseline)", _repeat(REALISTIC)),
    "abbreviations": ('"U.S. " repeated', _repeat("U.S. ")),
    "titles": ('"Nov. Oct. Gen. Dr. " repeated', _repeat("Nov. Oct. Gen. Dr. ")),
    "capitalised": ("runs of capitalised words, no punctuation", _seeded(lambda r: r.choice(NAMES) + " ")),
    "numbers": (
        "long numbers, dates and amounts",
        _seeded(lambda r: f"{r.randrange(10**12):,}.{r.randrange(100)} {r.randrange(1, 29)}/3/2019 "),
    ),
    "digits": ("one run of digits", _repeat("1234567890")),
    "quotes": ("nested and unbalanced quotes", _repeat("He said \"she said 'they said “we said ‘")),
    "no-punctuation": ("lower-case words and spaces only", _seeded(lambda r: r.choice(WORDS) + " ")),
    "actors": (
        '"South Korea and China held talks with Japan and " repeated',
        _repeat("South Korea and China held talks with Japan and "),
    ),
    "single-line": ("sentences on one line, no newline at all", _repeat(REALISTIC.replace("\n", " "))),
    "newlines": ('"word\\n" lines and blank lines', _repeat("Talks\n\n")),
}
"""Each kind of adversarial text: a description and a builder of a text of a given length."""


def _steps():
    import diplomev.extractors  # noqa: F401 - registers the steps
    from diplomev import DEFAULT_STEPS, registries

    return [(name, registries.extractors.get(name)()) for name in DEFAULT_STEPS]


def measure(kind: str, size: int, repeat: int) -> dict[str, object]:
    """Time the default steps on one text, in this process: the best of *repeat* runs for each step.

    Runs stop repeating once they have taken `REPEAT_BUDGET` seconds in all, so a slow case runs once.
    """
    from diplomev import Article, Document, Source
    from diplomev.pipeline import collector_paused

    steps = _steps()
    warm = Document(article=Article(id="warm", text=REALISTIC, source=Source(published=PUBLISHED)))
    for _, step in steps:
        warm = step(warm)
    text = KINDS[kind][1](size)
    best: dict[str, float] = {}
    events = 0
    spent = 0.0
    runs = 0
    while runs < repeat and (runs == 0 or spent < REPEAT_BUDGET):
        fresh = text[:1] + text[1:]  # a new string: the steps' cache of the last document must not help
        doc = Document(article=Article(id=kind, text=fresh, source=Source(published=PUBLISHED)))
        for name, step in steps:
            start = time.process_time()
            with collector_paused():  # as `Pipeline.run` runs the steps
                doc = step(doc)
            took = time.process_time() - start
            spent += took
            best[name] = min(best.get(name, took), took)
        events = len(doc.events)
        runs += 1
        del doc
    return {"kind": kind, "size": size, "seconds": sum(best.values()), "steps": best, "events": events, "runs": runs}


def run_child(kind: str, size: int, repeat: int, timeout: float) -> dict[str, object]:
    """Measure in a fresh process; a run over *timeout* seconds is reported as such."""
    cmd = [sys.executable, __file__, "--child", kind, str(size), str(repeat)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "size": size, "seconds": None, "steps": {}, "events": None, "timeout": timeout}
    except subprocess.CalledProcessError as err:
        return {"kind": kind, "size": size, "seconds": None, "steps": {}, "events": None, "error": err.stderr[-500:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def profile(kind: str, size: int) -> None:
    """Run cProfile on one text and print the 25 functions with the most cumulative and own time."""
    import cProfile
    import pstats

    from diplomev import Article, Document, Source

    steps = _steps()
    text = KINDS[kind][1](size)
    doc = Document(article=Article(id=kind, text=text, source=Source(published=PUBLISHED)))
    profiler = cProfile.Profile()
    profiler.enable()
    for _, step in steps:
        doc = step(doc)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)


def _fmt(seconds: object) -> str:
    return "—" if seconds is None else f"{seconds:.2f}"


def report(results: dict[str, dict[str, dict[str, object]]], command: str) -> tuple[str, list[str]]:
    """Return the Markdown report and the kinds that fail the linear-time bound."""
    lines = [
        "# Linear time: adversarial texts through the default pipeline",
        "",
        (
            f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC with `{command}` on "
            f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} CPUs (shared with other work; CPU time of the process, best of 3 runs per step, "
            f"or of fewer when the runs take over {REPEAT_BUDGET:g} s)."
        ),
        "",
        (
            "Each text is one article of exactly the given size, published on "
            f"{PUBLISHED.isoformat()}, run through the default pipeline's steps in a fresh process after a "
            "warm-up. Linear growth gives a 1 MB / 100 KB ratio near 10; the bound is "
            f"{MAX_RATIO:g}x, and a 1 MB article within {MAX_SECONDS_1MB:g} s (a 1 MB run under "
            f"{NOISE_SECONDS:g} s passes whatever its ratio)."
        ),
        "",
        "<!-- --8<-- [start:table] -->",
        (
            "| kind | text | 10 KB (s) | 100 KB (s) | 1 MB (s) | 1 MB / 100 KB | slowest step at 1 MB | events at 1 MB "
            "| verdict |"
        ),
        "|---|---|---:|---:|---:|---:|---|---:|---|",
    ]
    failing = []
    for kind, by_size in results.items():
        small, mid, large = (by_size.get(label, {}) for label in SIZES)
        s_mid, s_large = mid.get("seconds"), large.get("seconds")
        ratio = s_large / s_mid if isinstance(s_mid, float) and isinstance(s_large, float) and s_mid > 0 else None
        steps = large.get("steps") or {}
        slowest = max(steps.items(), key=lambda kv: kv[1]) if steps else None
        ok = isinstance(s_large, float) and (
            s_large <= NOISE_SECONDS or (ratio is not None and ratio <= MAX_RATIO and s_large <= MAX_SECONDS_1MB)
        )
        if not ok:
            failing.append(kind)
        why = "" if ok else (" (timed out)" if "timeout" in large else (" (error)" if "error" in large else ""))
        lines.append(
            f"| {kind} | {KINDS[kind][0]} | {_fmt(small.get('seconds'))} | {_fmt(s_mid)} | {_fmt(s_large)} | "
            f"{'—' if ratio is None else f'{ratio:.1f}x'} | "
            f"{'—' if slowest is None else f'{slowest[0]} ({slowest[1]:.2f} s)'} | "
            f"{'—' if large.get('events') is None else large['events']} | {'ok' if ok else 'FAIL' + why} |"
        )
    lines += ["<!-- --8<-- [end:table] -->", "", "Seconds per step at 1 MB, and the 1 MB / 100 KB ratio of each:", ""]
    names = [name for name, _ in _step_names()]
    lines.append("| kind | " + " | ".join(names) + " |")
    lines.append("|---|" + "---:|" * len(names))
    for kind, by_size in results.items():
        large_steps = by_size.get("1 MB", {}).get("steps") or {}
        mid_steps = by_size.get("100 KB", {}).get("steps") or {}
        cells = []
        for n in names:
            big, mid = large_steps.get(n), mid_steps.get(n)
            ratio = f" ({big / mid:.0f}x)" if isinstance(big, float) and isinstance(mid, float) and mid > 0.005 else ""
            cells.append(_fmt(big) + ratio)
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n", failing


def _step_names() -> list[tuple[str, None]]:
    from diplomev import DEFAULT_STEPS

    return [(name, None) for name in DEFAULT_STEPS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    parser.add_argument("--output", default=None, help="write the Markdown report here")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one run")
    parser.add_argument("--profile", metavar="KIND", help="profile the text of KIND and stop")
    parser.add_argument("--profile-size", type=int, default=SIZES["1 MB"], help="characters of the profiled text")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "SIZE", "REPEAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, size, repeat = args.child
        print(json.dumps(measure(kind, int(size), int(repeat))))
        return 0
    if args.profile:
        profile(args.profile, args.profile_size)
        return 0
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kinds {unknown}; known: {', '.join(KINDS)}")
    results: dict[str, dict[str, dict[str, object]]] = {}
    for kind in kinds:
        results[kind] = {}
        for label, size in SIZES.items():
            result = run_child(kind, size, 3, args.timeout)
            results[kind][label] = result
            print(f"{kind:15} {label:>6}: {_fmt(result.get('seconds'))} s", file=sys.stderr, flush=True)
    command = "python benchmarks/bench_linear.py" + (f" --kinds {args.kinds}" if args.kinds != ",".join(KINDS) else "")
    text, failing = report(results, command)
    print(text)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    if failing:
        print(f"super-linear or too slow: {', '.join(failing)}", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
