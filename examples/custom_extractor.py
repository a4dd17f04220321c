"""Register a custom extractor and run it after the default steps."""

from __future__ import annotations

import attrs

import diplomev
from diplomev import Document, Pipeline, registries


@registries.extractors.register("material-only")
class MaterialOnly:
    """Keep only material events (quad classes 2 and 4): aid, sanctions, force."""

    name = "material-only"

    def __call__(self, doc: Document) -> Document:
        return attrs.evolve(doc, events=tuple(e for e in doc.events if e.quad_class in (2, 4)))


TEXT = (
    "Canada imposed new sanctions on Iran on Monday. The Canadian foreign minister also "
    "praised Germany for its support."
)

full = Pipeline.default().run(diplomev.Article(id="ca-1", text=TEXT))
filtered = Pipeline([*diplomev.DEFAULT_STEPS, "material-only"]).run(diplomev.Article(id="ca-1", text=TEXT))
assert full is not None
assert filtered is not None
print("all events:     ", [(e.type.value, e.quad_class) for e in full.events])
print("material events:", [(e.type.value, e.quad_class) for e in filtered.events])
assert all(e.quad_class in (2, 4) for e in filtered.events)
assert "material-only" in registries.extractors.names()
