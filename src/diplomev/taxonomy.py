"""The CAMEO event codebook, Goldstein values, quad classes and PLOVER types.

The table is loaded lazily from ``diplomev/data/cameo.json`` the first time
it is needed.

Examples:
    >>> from diplomev import taxonomy
    >>> entry = taxonomy.lookup("042")
    >>> entry.name, entry.goldstein, entry.quad_class, entry.plover
    ('Make a visit', 1.9, 1, 'CONSULT')

Added in version 0.1.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from diplomev._data import load_json
from diplomev.errors import ConfigError

__all__ = ["PLOVER_TYPES", "QUAD_CLASSES", "CameoCode", "codes", "is_code", "lookup", "plover_type"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The sixteen PLOVER event types, cooperative first."""

QUAD_CLASSES: Mapping[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
"""The four quad classes by number."""


@attrs.frozen(kw_only=True)
class CameoCode:
    """One entry of the CAMEO codebook.

    Attributes:
        code: The code, as a string with leading zeros ("042", "1041").
        name: The codebook's short name.
        goldstein: The Goldstein conflict-cooperation value.
        quad_class: 1 to 4, see `QUAD_CLASSES`.
        plover: The PLOVER type the code maps to, or None for codes with none (statements).
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None

    @property
    def root(self) -> str:
        """The two-digit root code ("04" for "042")."""
        return self.code[:2]


@functools.cache
def _table() -> dict[str, CameoCode]:
    raw = load_json("cameo.json")
    table: dict[str, CameoCode] = {}
    for row in raw["codes"]:
        entry = CameoCode(
            code=str(row["code"]),
            name=str(row["name"]),
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row.get("plover"),
        )
        if entry.plover is not None and entry.plover not in PLOVER_TYPES:
            msg = f"cameo.json: code {entry.code}: unknown PLOVER type {entry.plover!r}"
            raise ConfigError(msg)
        table[entry.code] = entry
    return table


def codes() -> tuple[CameoCode, ...]:
    """Return every code of the codebook, in code order.

    Examples:
        >>> len(codes()) > 250
        True
    """
    return tuple(_table()[k] for k in sorted(_table()))


def is_code(code: object) -> bool:
    """Return whether *code* is a CAMEO event code.

    Examples:
        >>> is_code("040"), is_code("999"), is_code(40)
        (True, False, False)
    """
    return isinstance(code, str) and code in _table()


def lookup(code: str) -> CameoCode:
    """Return the codebook entry of *code*.

    Raises:
        ConfigError: If *code* is not a CAMEO code.

    Examples:
        >>> lookup("163").plover
        'SANCTION'
    """
    try:
        return _table()[code]
    except KeyError:
        msg = f"unknown CAMEO code {code!r}; codes look like '040' or '1041'"
        raise ConfigError(msg) from None


def plover_type(code: str) -> str | None:
    """Return the PLOVER type of a CAMEO code, or None when it has none.

    Examples:
        >>> plover_type("057"), plover_type("010")
        ('AGREE', None)
    """
    return lookup(code).plover
