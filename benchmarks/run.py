"""Run every benchmark and write one markdown report: ``benchmarks/results/REPORT.md``.

    .venv/bin/python benchmarks/run.py            # the full runs (tens of minutes)
    .venv/bin/python benchmarks/run.py --quick    # smaller corpora, for a smoke test

The report records the machine it was measured on; the documentation's
"Accuracy and speed" page includes it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def run(title: str, args: list[str]) -> str:
    print(f"== {title}: {' '.join(args)}", flush=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], cwd=HERE.parent, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    output = (proc.stdout + ("\n" + proc.stderr if proc.returncode else "")).strip()
    print(output[-3000:], flush=True)
    status = "" if proc.returncode == 0 else f" (exit status {proc.returncode})"
    return f"## {title}{status}\n\nCommand: `python {' '.join(args)}` ({took:.0f} s)\n\n```text\n{output}\n```\n"


def machine() -> str:
    try:
        with Path("/proc/meminfo").open(encoding="utf-8") as fh:
            mem_kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown"
    return (
        f"Measured on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC: {platform.platform()}, "
        f"{os.cpu_count()} cores, {memory} of memory, Python {platform.python_version()}."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs, for a smoke test")
    args = parser.parse_args()
    corpus = ["--quick"] if args.quick else []
    sections = [
        run("Accuracy", ["benchmarks/accuracy.py"]),
        run("Time expressions vs dateparser", ["benchmarks/bench_times.py", "--mb", "1" if args.quick else "3"]),
        run(
            "Actor recognition and knowledge-base size",
            ["benchmarks/bench_actors.py", "--mb", "1" if args.quick else "2"],
        ),
        run("Linear time on adversarial input", ["benchmarks/bench_linear.py"]),
        run("Corpus throughput, memory and the spaCy baseline", ["benchmarks/bench_corpus.py", *corpus]),
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = "# Benchmark report\n\n" + machine() + "\n\n" + "\n".join(sections)
    (RESULTS / "REPORT.md").write_text(report, encoding="utf-8")
    print(f"wrote {RESULTS / 'REPORT.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
