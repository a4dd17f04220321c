"""Events to and from pandas DataFrames, with the flat dotted columns of the CSV format.

pandas is optional (``pip install "diplomev[pandas]"``); it is imported only
when these functions are called.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from diplomev.errors import ConfigError, SerialisationError
from diplomev.model import Event
from diplomev.serialisers._common import ErrorHandler, deliver
from diplomev.serialisers._flat import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, Value, flatten, unflatten

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["from_pandas", "to_pandas"]


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - an optional dependency, imported on use
    except ImportError as err:
        msg = 'to_pandas and from_pandas need pandas: pip install "diplomev[pandas]"'
        raise ConfigError(msg) from err
    return pd


def to_pandas(events: Iterable[Event]) -> pd.DataFrame:
    """Return a DataFrame with one row per event and the columns of `diplomev.serialisers.csv.CSV_COLUMNS`.

    Integer columns use pandas' nullable ``Int64`` type, float columns
    ``float64`` (NaN for a missing value) and the others hold text (pandas
    chooses the text dtype; a missing value is NA); aliases and
    ``extra_evidence`` are JSON text as in the CSV format.

    Raises:
        ConfigError: If pandas is not installed.

    Examples:
        >>> from diplomev import Actor, Event
        >>> df = to_pandas([Event(article="a1", cameo="040", source=Actor(country="KOR"))])
        >>> df.loc[0, "source.country"], int(df.loc[0, "quad_class"])
        ('KOR', 1)
    """
    pd = _pandas()
    columns: dict[str, list[Value]] = {c: [] for c in COLUMNS}
    for event in events:
        for column, value in flatten(event).items():
            columns[column].append(value)
    data = {}
    for column, values in columns.items():
        if column in INT_COLUMNS:
            data[column] = pd.array(values, dtype="Int64")
        elif column in FLOAT_COLUMNS:
            data[column] = pd.array([math.nan if v is None else v for v in values], dtype="float64")
        else:
            data[column] = pd.array(values, dtype=object)
    return pd.DataFrame(data, columns=list(COLUMNS))


def _plain(value: Any, isna: Callable[[Any], bool]) -> Value:
    if value is None:
        return None
    if not isinstance(value, str) and isna(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int, float)):
        return value
    msg = f"unsupported cell value {value!r}"
    raise ValueError(msg)


def from_pandas(df: pd.DataFrame, *, on_error: ErrorHandler | None = None) -> list[Event]:
    """Return the events of a DataFrame with the columns of `to_pandas` (or a subset of them).

    Columns are found by name; unknown columns are ignored and missing ones
    take the record's defaults (``article`` and ``cameo`` are required).

    Args:
        df: The frame to read.
        on_error: Called with the error for a bad row (its ``line`` is the
            row's position, counting from 1), after which reading goes on;
            without it the first bad row raises.

    Raises:
        SerialisationError: For a bad row when *on_error* is not given.
        ConfigError: If pandas is not installed.

    Examples:
        >>> from diplomev import Event
        >>> e = Event(article="a1", cameo="040")
        >>> from_pandas(to_pandas([e])) == [e]
        True
    """
    pd = _pandas()
    names = [c for c in df.columns if c in COLUMNS]
    out: list[Event] = []
    for position, values in enumerate(df[names].itertuples(index=False, name=None), 1):
        try:
            row = {name: _plain(value, pd.isna) for name, value in zip(names, values, strict=True)}
            out.append(unflatten(row))
        except ValueError as err:
            deliver(SerialisationError(f"row {position}: {err}", line=position), on_error)
    return out
