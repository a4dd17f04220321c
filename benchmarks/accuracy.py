"""Accuracy of the default pipeline on the seeds (when ../shared is present), the development and held-out sets.

Writes ``benchmarks/results/accuracy.md``.

    .venv/bin/python benchmarks/accuracy.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from diplomev.cli import main as cli
from diplomev.evaluation import evaluate

HEADER = (
    "| set | articles | gold events | P | R | F1 | date | location | mode | CAMEO | names | metadata (min) "
    "| times found | times resolved |"
)
ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seed articles (../shared/corpus/seeds)": ROOT.parent / "shared" / "corpus" / "seeds",
    "development set (tests/devset)": ROOT / "tests" / "devset",
    "held-out set 1 (tests/heldout)": ROOT / "tests" / "heldout",
    "held-out set 2 (tests/heldout2)": ROOT / "tests" / "heldout2",
    "held-out set 3 (tests/heldout3)": ROOT / "tests" / "heldout3",
    "held-out set 4 (tests/heldout4)": ROOT / "tests" / "heldout4",
}


def score(folder: Path, tmp: Path) -> dict:
    out = {}
    for name in ("extract", "articles", "times"):
        path = tmp / f"{folder.name}-{name}.jsonl"
        cli([name, str(folder), "--output", str(path)])
        out[name] = path
    return evaluate(folder / "gold", out["extract"], articles=out["articles"], times=out["times"]).as_dict()


def row(name: str, s: dict) -> str:
    f = s["fields"]
    meta = s.get("metadata") or {}
    times = s.get("times") or {}

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}"

    return (
        f"| {name} | {s['articles']} | {s['gold_events']} | {pct(s['precision'])} | {pct(s['recall'])} | "
        f"**{pct(s['f1'])}** | {pct(f['date'])} | {pct(f['location'])} | {pct(f['mode'])} | {pct(f['cameo'])} | "
        f"{pct(f['names'])} | {pct(min(meta.values()) if meta else None)} | {pct(times.get('found'))} | "
        f"{pct(times.get('resolved_correctly'))} |"
    )


def main() -> None:
    lines = [
        HEADER,
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in SETS.items():
            if (folder / "gold").is_dir():
                s = score(folder, Path(tmp))
                lines.append(row(name, s))
                print(json.dumps({"set": name, "f1": s["f1"], "fields": s["fields"]}))
    text = "\n".join(lines) + "\n"
    out = ROOT / "benchmarks" / "results" / "accuracy.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
