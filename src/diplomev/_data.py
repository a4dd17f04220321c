"""Loading of the JSON data files shipped in ``diplomev/data``."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from diplomev.errors import ConfigError


def load_json(name: str) -> Any:
    """Return the parsed content of the packaged data file *name*.

    Raises:
        ConfigError: If the file is missing or is not valid JSON.
    """
    try:
        text = resources.files("diplomev").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        msg = f"packaged data file diplomev/data/{name} is missing"
        raise ConfigError(msg) from err
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"diplomev/data/{name}:{err.lineno}: invalid JSON: {err.msg}"
        raise ConfigError(msg) from err
