"""Run every example script in this folder; fail if any of them fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name != "run_all.py")
    failed = []
    for script in scripts:
        print(f"== {script.name}")
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)  # noqa: S603 - our own scripts
        if result.returncode != 0:
            failed.append(script.name)
    print(f"{len(scripts) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
