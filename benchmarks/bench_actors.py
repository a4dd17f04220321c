"""Benchmark the ``actors`` step: tokens per second with the full knowledge base and with ten times as many entries.

The text is the example articles (``examples/articles/*.txt``) and the
development set (``tests/devset/*.txt``), or a built-in sample when absent,
repeated to about ``--mb`` megabytes and processed one article at a time
(tokenising, trie matching and the noun-phrase grammar; the document
analysis cache is defeated by giving every run fresh documents).

The larger knowledge base adds generated entries to the packaged one until
its phrase trie holds ten times as many phrases: invented people (with dated
foreign-minister roles, so surnames are looked up in time), organisations
with aliases, and cities. Matching walks the trie token by token, so its
speed must not depend on the number of phrases: the script fails (exit
status 1) when the larger base is more than 1.5 times slower with default
garbage collection. It also reports both after ``gc.freeze()``: what slows
the larger base down is Python's full collections walking its objects, not
the matching.

Usage::

    .venv/bin/python benchmarks/bench_actors.py [--mb 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

from diplomev import Article, Document
from diplomev.extractors.actors import ActorRecogniser
from diplomev.kb import KnowledgeBase, tokenise

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "articles", ROOT / "tests" / "devset"]
SAMPLE = """SEOUL, March 3 (Wire) -- South Korean Foreign Minister Park Jin met his Japanese counterpart
Yoshimasa Hayashi in Tokyo on Tuesday, and the two sides agreed to resume talks, Seoul's foreign ministry
said. Chinese officials and South Korean firms welcomed the move, while NATO and the United Nations
stayed silent. Nam Ji-ho, a director of the presidential National Security Office, said President Yoon
would visit Washington next month.
"""
SYLLABLES = ["ka", "lo", "mi", "ren", "su", "ta", "vi", "zor", "pel", "dan", "ior", "que", "bra", "nix", "tol"]


def texts(mb: float) -> list[str]:
    found = [p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    base = found or [SAMPLE]
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        for t in base:
            out.append(t)
            size += len(t)
    return out


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def generated_entries(target: int, seed: int = 7) -> dict[str, list[dict[str, object]]]:
    """Invented people, organisations and cities: about *target* phrases."""
    rng = random.Random(seed)
    countries = [c.iso3 for c in KnowledgeBase.default().countries]
    people, orgs, cities = [], [], {}
    n = 0
    while n < target:
        given, family = word(rng, 2), word(rng, rng.randint(1, 2))
        year = rng.randint(1990, 2024)
        people.append(
            {
                "name": f"{given} {family}",
                "surname": family,
                "aliases": [f"{family} {given}", f"{given[0]}. {family}"],
                "country": rng.choice(countries),
                "roles": [{"role": "foreign_minister", "start": f"{year}-01-01", "end": f"{year + 2}-12-31"}],
            }
        )
        name = f"{word(rng, 2)} {rng.choice(['Council', 'Union', 'Alliance', 'Organisation', 'Forum'])}"
        orgs.append({"name": name, "code": f"G{len(orgs)}", "aliases": ["the " + name], "sector": "IGO"})
        iso3 = rng.choice(countries)
        cities.setdefault(iso3, []).append(word(rng, 3))
        n += 5
    return {
        "people": people,
        "organisations": orgs,
        "countries": [{"iso3": c, "merge": True, "cities": names} for c, names in cities.items()],
    }


def measure(step: ActorRecogniser, docs: list[str], repeat: int) -> tuple[float, int, int]:
    """Best time over *repeat* runs, tokens per run, mentions per run."""
    tokens = sum(len(tokenise(t)[0]) for t in docs)
    best = float("inf")
    mentions = 0
    for _ in range(repeat):
        batch = [Document(article=Article(id=str(i), text=t)) for i, t in enumerate(docs)]
        start = time.perf_counter()
        mentions = sum(len(step.mentions(d)) for d in batch)
        best = min(best, time.perf_counter() - start)
    return best, tokens, mentions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per knowledge base (best is kept)")
    args = parser.parse_args(argv)

    docs = texts(args.mb)
    full = KnowledgeBase.default()
    size = full.lexicon().size
    target = 9 * size
    big = full.with_entries(generated_entries(target))
    while big.lexicon().size < 10 * size:
        target = int(target * 10 * size / big.lexicon().size) + 100
        big = full.with_entries(generated_entries(target))
    print(f"text: {len(docs)} articles, {sum(map(len, docs)) / 1e6:.2f} MB")
    steps = {"full": ActorRecogniser(kb=full), "10x": ActorRecogniser(kb=big)}
    for step in steps.values():
        step.mentions(Document(article=Article(id="warm", text=SAMPLE)))
    ratio = 0.0
    for frozen in (False, True):
        if frozen:
            # The knowledge bases are long-lived: moving them out of the collector's sight
            # stops every full collection from walking the larger one's trie.
            gc.collect()
            gc.freeze()
        results = dict.fromkeys(steps, float("inf"))
        counts: dict[str, tuple[int, int]] = {}
        for _ in range(args.repeat):  # interleaved, so that load on the machine hits both alike
            for label, step in steps.items():
                seconds, tokens, mentions = measure(step, docs, 1)
                results[label] = min(results[label], seconds)
                counts[label] = (tokens, mentions)
        print("after gc.freeze():" if frozen else "default garbage collection:")
        for label, step in steps.items():
            tokens, mentions = counts[label]
            seconds = results[label]
            print(
                f"  {label:>4}: {step.kb.lexicon().size:>7} phrases  {tokens / seconds:>10,.0f} tokens/s  "
                f"{sum(map(len, docs)) / 1e6 / seconds:6.2f} MB/s  {mentions} mentions"
            )
        print(f"  10x / full time: {results['10x'] / results['full']:.2f} (limit 1.5)")
        if not frozen:
            ratio = results["10x"] / results["full"]
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
