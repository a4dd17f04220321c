from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import diplomev

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_complete() -> None:
    """__all__ lists every public name once (ruff RUF022 keeps it sorted), and each one exists."""
    assert len(set(diplomev.__all__)) == len(diplomev.__all__)
    for name in diplomev.__all__:
        assert hasattr(diplomev, name), name


def test_every_public_name_has_a_reference_page() -> None:
    """Each public name is documented on the API reference pages."""
    reference = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "reference").glob("*.md"))
    for name in diplomev.__all__:
        assert f"diplomev.{name}" in reference or f"::: diplomev.{name}" in reference, name


def test_version_comes_from_metadata() -> None:
    """__version__ is read from the installed distribution."""
    assert diplomev.__version__.count(".") >= 2


def test_every_public_name_has_a_docstring() -> None:
    """Public classes and functions are documented."""
    for name in diplomev.__all__:
        obj = getattr(diplomev, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), name


def test_corpus_is_loaded_on_first_use() -> None:
    """'import diplomev' leaves out the corpus tools (a tenth of the start-up); process and the subpackages load on use."""
    code = (
        "import sys, diplomev\n"
        "assert 'diplomev.corpus' not in sys.modules\n"
        "from diplomev.corpus import process\n"
        "assert diplomev.process is process\n"
        "assert diplomev.serialisers.JsonLines.name == 'jsonl'\n"
        "assert {'process', 'corpus', 'serialisers'} <= set(dir(diplomev))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
