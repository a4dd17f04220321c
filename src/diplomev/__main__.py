"""Run the command line with ``python -m diplomev``."""

from __future__ import annotations

import sys

from diplomev.cli import main

if __name__ == "__main__":
    sys.exit(main())
