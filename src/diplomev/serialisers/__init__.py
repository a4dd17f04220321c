"""Serialisers: write records to files and read them back.

Each format is one class behind the `diplomev.typing.Serialiser` protocol,
registered by name; `dump` and `load` pick one by name or by file extension.

| name     | class        | extensions        | reads back | lossless for events |
|----------|--------------|-------------------|------------|---------------------|
| `jsonl`  | `JsonLines`  | .jsonl .ndjson    | yes        | yes                 |
| `json`   | `JsonArray`  | .json             | yes        | yes                 |
| `csv`    | `Csv`        | .csv              | yes        | yes                 |
| `gdelt`  | `Gdelt`      | .gdelt .tsv       | yes        | no: GDELT's columns |
| `icews`  | `Icews`      | .tab .icews       | yes        | no: ICEWS's columns |
| `plover` | `Plover`     | .plover           | yes        | no: PLOVER's fields |
| `table`  | `TextTable`  | .table .txt       | no         | no: for people      |

`to_pandas` and `from_pandas` convert events to and from DataFrames when
pandas is installed.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.serialisers.csv import Csv
from diplomev.serialisers.dataframe import from_pandas, to_pandas
from diplomev.serialisers.gdelt import Gdelt
from diplomev.serialisers.icews import Icews
from diplomev.serialisers.json import JsonArray
from diplomev.serialisers.jsonl import JsonLines
from diplomev.serialisers.plover import Plover
from diplomev.serialisers.table import TextTable

__all__ = ["Csv", "Gdelt", "Icews", "JsonArray", "JsonLines", "Plover", "TextTable", "from_pandas", "to_pandas"]
