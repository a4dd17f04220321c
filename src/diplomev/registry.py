"""Registries of plug-ins: extractors and serialisers.

Built-in plug-ins register themselves in code with `Registry.register`;
third-party packages register theirs through the entry-point groups
``diplomev.extractors`` and ``diplomev.serialisers``. Entry points are read
lazily, on the first lookup of a name that is not built in.

Examples:
    >>> from diplomev import registries
    >>> "jsonl" in registries.serialisers.names()
    True

Added in version 0.1.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from diplomev.errors import RegistryError

__all__ = ["Registries", "Registry", "registries"]

T = TypeVar("T", bound=Callable[..., Any])


class Registry(Generic[T]):
    """A named collection of factories of one kind of plug-in.

    Args:
        group: The entry-point group that third-party plug-ins use.
        builtins: Modules to import before the first lookup; importing them
            registers the built-in plug-ins.

    Examples:
        >>> reg = Registry("example.group")
        >>> @reg.register("shout")
        ... def shout(text):
        ...     return text.upper()
        >>> reg.get("shout")("hi")
        'HI'
    """

    def __init__(self, group: str, *, builtins: tuple[str, ...] = ()) -> None:
        """Create an empty registry for entry-point *group*."""
        self.group = group
        self._builtins = builtins
        self._builtins_loaded = False
        self._entries: dict[str, T] = {}
        self._providers: dict[str, str] = {}
        self._entry_points: dict[str, Any] | None = None

    def register(self, name: str, *, provider: str = "diplomev") -> Callable[[T], T]:
        """Return a decorator that registers a factory under *name*.

        Raises:
            RegistryError: If *name* is already registered by someone else.
        """

        def decorator(factory: T) -> T:
            self._add(name, factory, provider)
            return factory

        return decorator

    def _add(self, name: str, factory: T, provider: str) -> None:
        if not callable(factory):
            msg = f"{self.group}: plug-in {name!r} from {provider} is not callable: {factory!r}"
            raise RegistryError(msg, name=name, group=self.group)
        old = self._entries.get(name)
        if old is not None and old is not factory:
            msg = f"{self.group}: name {name!r} is registered twice, by {self._providers[name]} and by {provider}"
            raise RegistryError(msg, name=name, group=self.group)
        self._entries[name] = factory
        self._providers[name] = provider

    def _load_builtins(self) -> None:
        if not self._builtins_loaded:
            self._builtins_loaded = True
            for module in self._builtins:
                importlib.import_module(module)

    def _third_party(self) -> dict[str, Any]:
        if self._entry_points is None:
            from importlib.metadata import entry_points  # noqa: PLC0415 - slow to import, rarely needed

            self._entry_points = {ep.name: ep for ep in entry_points(group=self.group)}
        return self._entry_points

    def get(self, name: str) -> T:
        """Return the factory registered as *name*, loading a plug-in if needed.

        Raises:
            RegistryError: If no plug-in has that name (the message lists the
                available ones), or the plug-in fails to load.
        """
        self._load_builtins()
        if name in self._entries:
            return self._entries[name]
        ep = self._third_party().get(name)
        if ep is None:
            available = self.names()
            msg = f"{self.group}: no plug-in named {name!r}; available: {', '.join(available) or 'none'}"
            raise RegistryError(msg, name=name, group=self.group, available=available)
        dist = getattr(getattr(ep, "dist", None), "name", None) or ep.value
        try:
            factory = ep.load()
        except Exception as err:
            msg = f"{self.group}: plug-in {name!r} from {dist} failed to load: {err}"
            raise RegistryError(msg, name=name, group=self.group) from err
        self._add(name, factory, dist)
        return self._entries[name]

    def names(self) -> tuple[str, ...]:
        """Return the names of all built-in and installed plug-ins, sorted."""
        self._load_builtins()
        return tuple(sorted(set(self._entries) | set(self._third_party())))

    def describe(self) -> list[tuple[str, str, str]]:
        """Return (name, provider, first docstring line) for every plug-in."""
        rows = []
        for name in self.names():
            try:
                factory = self.get(name)
            except RegistryError as err:
                rows.append((name, "?", f"cannot load: {err}"))
                continue
            doc = (factory.__doc__ or "").strip().splitlines()
            rows.append((name, self._providers.get(name, "?"), doc[0] if doc else ""))
        return rows

    def __contains__(self, name: object) -> bool:
        """Return whether *name* is a registered or installed plug-in."""
        return isinstance(name, str) and name in self.names()


@attrs.frozen
class Registries:
    """Every extension point of diplomev in one place.

    Attributes:
        extractors: Pipeline steps, group ``diplomev.extractors``.
        serialisers: Output and input formats, group ``diplomev.serialisers``.
    """

    extractors: Registry[Callable[..., Any]]
    serialisers: Registry[Callable[..., Any]]


registries = Registries(
    extractors=Registry("diplomev.extractors", builtins=("diplomev.extractors",)),
    serialisers=Registry("diplomev.serialisers", builtins=("diplomev.serialisers",)),
)
"""The registries used by `Pipeline` and the serialisers."""
