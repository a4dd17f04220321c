"""The common base of the steps that read the knowledge base (places, actors, coreference)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from diplomev.kb import KnowledgeBase

__all__ = ["KnowledgeBaseStep"]


class KnowledgeBaseStep:
    """A pipeline step that uses the packaged knowledge base plus the user's dictionaries.

    The knowledge base is built on first use and cached; a step pickles as its
    options, and the cached knowledge base is rebuilt in a worker process.
    """

    def __init__(self, *, dictionaries: Sequence[str | os.PathLike[str]] = (), kb: KnowledgeBase | None = None) -> None:
        """Configure the step with user dictionaries, or a whole knowledge base."""
        self._kb = kb
        self._dictionaries = tuple(str(p) for p in dictionaries)

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base in use."""
        if self._kb is None:
            kb = KnowledgeBase.default()
            for path in self._dictionaries:
                kb = kb.with_entries(path)
            self._kb = kb
        return self._kb
