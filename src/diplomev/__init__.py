"""diplomev: turn news articles into structured political event records.

Read articles, run them through a `Pipeline` of extractors (cleaning,
sentences, times, places, actors, coreference, quotes, event coding) and get
`Event` records of who did what to whom, when and where, in CAMEO and PLOVER
terms, with the evidence for each.

Examples:
    >>> import diplomev
    >>> events = diplomev.extract(
    ...     "BEIJING, March 3 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks "
    ...     "with his Russian counterpart Sergei Lavrov on Tuesday.",
    ...     published="2015-03-03")
    >>> [(e.source.name, e.type.value, e.target.name) for e in events][:1]
    [('Wang Yi', 'CONSULT', 'Sergei Lavrov')]

Exception *types*, CLI flags and exit codes are public API; message texts are not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from diplomev.api import dump, extract, load
from diplomev.model import (
    Actor,
    ActorKind,
    Article,
    Document,
    Event,
    EventType,
    Evidence,
    Granularity,
    Location,
    Mention,
    MentionKind,
    Mode,
    Place,
    Provenance,
    Quote,
    Reference,
    Region,
    Segment,
    Source,
    Span,
    TimeExpression,
    TimeKind,
    TimeSpan,
)
from diplomev.pipeline import DEFAULT_STEPS, Pipeline
from diplomev.readers import read, read_corpus, read_text
from diplomev.registry import registries

if TYPE_CHECKING:
    from diplomev.corpus import process

__all__ = [
    "DEFAULT_STEPS",
    "Actor",
    "ActorKind",
    "Article",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "Granularity",
    "Location",
    "Mention",
    "MentionKind",
    "Mode",
    "Pipeline",
    "Place",
    "Provenance",
    "Quote",
    "Reference",
    "Region",
    "Segment",
    "Source",
    "Span",
    "TimeExpression",
    "TimeKind",
    "TimeSpan",
    "dump",
    "extract",
    "load",
    "process",
    "read",
    "read_corpus",
    "read_text",
    "registries",
]


_SUBPACKAGES = ("corpus", "serialisers")


def __dir__() -> list[str]:
    """List the module's names, `process` and the subpackages loaded on first use included."""
    return sorted({*globals(), *__all__, *_SUBPACKAGES})


def __getattr__(name: str) -> Any:
    """Return ``__version__`` from the installed package metadata, and `process`, both loaded on first use.

    `diplomev.corpus` (worker pools, progress bars, merging) is imported only
    when `process` is asked for: ``diplomev extract`` starts without it.
    """
    if name == "process":
        from diplomev.corpus import process  # noqa: PLC0415 - loaded on first use

        return process
    if name in _SUBPACKAGES:  # imported along with `process` before it was loaded on first use
        return importlib.import_module(f"diplomev.{name}")
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only needed on demand

        return version("diplomev")
    msg = f"module 'diplomev' has no attribute {name!r}"
    raise AttributeError(msg)
