from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile("fuzz", max_examples=20000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("dev" if os.environ.get("DIPLOMEV_FAST") else "ci"),
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(name="seeds_dir")
def fixture_seeds_dir() -> Path:
    """The seed articles beside the project; the test is skipped when they are absent."""
    if not (SEEDS / "gold").is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS
