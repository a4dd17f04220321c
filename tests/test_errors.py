from __future__ import annotations

import pickle

import pytest

from diplomev.errors import (
    ArticleTooLargeError,
    DateResolutionError,
    DiplomevError,
    ExtractionError,
    InputError,
    RegistryError,
    SerialisationError,
    ValidationError,
)

ERRORS = [
    ExtractionError("boom", step="times", doc_id="a1"),
    DateResolutionError("bad date", step="times", doc_id="a1"),
    ValidationError("Span.end: bad", field="Span.end", value=-1),
    RegistryError("no plug-in", name="x", group="diplomev.extractors", available=("a", "b")),
    InputError("not JSON", path="news.jsonl", line=3, field="text"),
    ArticleTooLargeError("too large", path="big.txt"),
    SerialisationError("bad line", path="ev.jsonl", line=7),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_survive_pickling(error: DiplomevError) -> None:
    """Errors cross process boundaries unchanged: same type, message and attributes."""
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert vars(back) == vars(error)
