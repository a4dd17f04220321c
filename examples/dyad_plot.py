"""Plot the monthly Goldstein mean of the Japan-South Korea dyad from the example articles.

The example articles follow Japan-South Korea relations from the 2019 export
controls to the 2023 summits. The script extracts their events, merges the
reports of each happening, counts the dyad per month and draws the mean
Goldstein value (conflict below zero, cooperation above) with the number of
events, writing ``docs/assets/dyad_jpn_kor.png`` (or the path given).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")  # no screen needed
import matplotlib.pyplot as plt

import diplomev
from diplomev.corpus import dyad_series

HERE = Path(__file__).resolve().parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "assets" / "dyad_jpn_kor.png"

docs = list(diplomev.Pipeline.default().pipe(diplomev.read_corpus([HERE / "articles"])))
series = dyad_series(docs, "JPN", "KOR", freq="month")
rows = [r for r in series.rows if r.n]
assert rows, "the example articles should give Japan-South Korea events"
for r in rows:
    print(f"{r.period:%Y-%m}  events {r.n:2d}  Goldstein mean {r.goldstein_mean:+.2f}")

labels = [f"{r.period:%Y-%m}" for r in rows]
means = [r.goldstein_mean or 0.0 for r in rows]
fig, ax = plt.subplots(figsize=(8, 3.6))
colours = ["#c0392b" if m < 0 else "#2e86c1" for m in means]
ax.bar(labels, means, color=colours)
for x, (m, r) in enumerate(zip(means, rows, strict=True)):
    ax.annotate(f"n={r.n}", (x, m), ha="center", va="bottom" if m >= 0 else "top", fontsize=8)
ax.axhline(0, color="black", linewidth=0.8)
ax.set_ylabel("mean Goldstein value")
ax.set_title("Japan-South Korea events per month (example articles)")
ax.set_ylim(-10, 10)
fig.tight_layout()
OUT.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(OUT, dpi=110)
print(f"wrote {OUT}")
