"""The pipeline: extractors run in order over a document.

Added in version 0.1.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from typing import Any

from diplomev.errors import DiplomevError, DropDocument, ExtractionError
from diplomev.model import Article, Document
from diplomev.registry import registries
from diplomev.typing import Extractor

__all__ = ["DEFAULT_STEPS", "Pipeline", "collector_paused"]

DEFAULT_STEPS: tuple[str, ...] = (
    "clean",
    "sentences",
    "times",
    "places",
    "actors",
    "coreference",
    "quotes",
    "events",
)
"""The names of the steps of `Pipeline.default`, in order."""


def step_name(step: object) -> str:
    """Return the display name of a pipeline step."""
    name = getattr(step, "name", None) or getattr(step, "__name__", None)
    return str(name) if name else type(step).__name__


class Pipeline:
    """Runs extractors over a document, in order.

    A pipeline is picklable as long as its steps are (the built-in ones are),
    so it can be shipped to worker processes.

    Args:
        steps: Extractors, or names of registered extractors.

    Examples:
        >>> from diplomev import Article, Pipeline
        >>> doc = Pipeline.default().run(Article(id="n1",
        ...     text="South Korea and Japan held talks in Tokyo on Monday."))
        >>> [e.type.value for e in doc.events]
        ['CONSULT', 'CONSULT']
    """

    def __init__(self, steps: Iterable[Extractor | str]) -> None:
        """Build a pipeline from extractors or registered names."""
        self.steps: tuple[Extractor, ...] = tuple(
            registries.extractors.get(s)() if isinstance(s, str) else s for s in steps
        )
        for step in self.steps:
            if not callable(step):
                msg = f"pipeline step {step!r} is not callable"
                raise TypeError(msg)

    @classmethod
    def default(cls, **options: Any) -> Pipeline:
        """Return the standard pipeline of `DEFAULT_STEPS`.

        Args:
            **options: Per-step keyword options, keyed by step name, e.g.
                ``Pipeline.default(times={"dayfirst": True})``.
        """
        steps = [registries.extractors.get(name)(**options.get(name, {})) for name in DEFAULT_STEPS]
        return cls(steps)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the steps, in order."""
        return tuple(step_name(s) for s in self.steps)

    def run(self, item: Article | Document | str) -> Document | None:
        """Run every step over *item* and return the document, or None if a step dropped it.

        Raises:
            ExtractionError: If a step raises; the original error is its cause.
        """
        doc = _as_document(item)
        with collector_paused():
            for step in self.steps:
                try:
                    doc = step(doc)
                except DropDocument:
                    return None
                except ExtractionError:
                    raise
                except (DiplomevError, Exception) as err:
                    raise ExtractionError(str(err), step=step_name(step), doc_id=doc.article.id) from err
        return doc

    __call__ = run

    def pipe(self, items: Iterable[Article | Document | str]) -> Iterator[Document]:
        """Run the pipeline over many items, yielding the documents that were not dropped."""
        for item in items:
            doc = self.run(item)
            if doc is not None:
                yield doc

    def __repr__(self) -> str:
        """Show the step names."""
        return f"Pipeline({list(self.names)!r})"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one document is processed.

    The steps build many small objects that reference counting frees; the
    cyclic collector would traverse every live object of a large document
    again and again, which makes a 1 MB article take super-linear time. It is
    switched back on afterwards (and left alone if the caller had switched it
    off), so any cyclic garbage is collected at the next collection.

    Examples:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _as_document(item: Article | Document | str) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Article):
        return Document(article=item)
    if isinstance(item, str):
        return Document(article=Article(id="text", text=item))
    msg = f"expected an Article, a Document or a str, got {type(item).__name__}"
    raise TypeError(msg)
