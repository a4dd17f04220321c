"""Extract the events of one article and of a folder, and write them as JSON Lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

import diplomev

TEXT = (
    "ANKARA, Oct. 4 (Anadolu) -- Turkish Foreign Minister Hakan Fidan held talks with his "
    "Iraqi counterpart Fuad Hussein in Ankara on Tuesday, and the two sides agreed to expand "
    "cooperation on water and energy."
)

events = diplomev.extract(TEXT, id="anadolu-1", published="2023-10-04", publisher="Anadolu")
for e in events:
    source = e.source.name or e.source.country if e.source else None
    target = (e.target.name or e.target.country) if e.target else None
    print(f"{source} -[{e.type.value} {e.cameo}]-> {target}  date={e.date and e.date.start}  mode={e.mode.value}")
assert any(e.type is diplomev.EventType.CONSULT for e in events), "expected the talks to be coded"

pipeline = diplomev.Pipeline.default()
docs = pipeline.pipe(diplomev.read_corpus([Path(__file__).parent / "articles"]))
all_events = [e for doc in docs for e in doc.events]
with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp) / "events.jsonl"
    diplomev.dump(all_events, out)
    back = list(diplomev.load(out))
assert back == all_events
print(f"{len(all_events)} events from the example articles, written and read back unchanged")
