"""The side-by-side benchmark runs end to end on a few seeds (a smoke test, not timing)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from seed_expectations import ROOT


@pytest.mark.bench
@pytest.mark.site
def test_side_by_side_alternates_both_builds_and_prints_the_ratios():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "side_by_side.py"), "8", "--rounds", "2"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [line.strip("|").split("|") for line in result.stdout.splitlines() if line]
    builds = [[cell.strip() for cell in row] for row in rows if row[0].strip() in ("1", "2")]
    assert [(b[0], b[1], b[2]) for b in builds] == [
        ("1", "archive", "cold"), ("1", "stock", "cold"),
        ("1", "archive", "warm"), ("1", "stock", "warm"),
        ("2", "stock", "cold"), ("2", "archive", "cold"),
        ("2", "stock", "warm"), ("2", "archive", "warm"),
    ]  # fmt: skip
    assert all(float(b[3]) > 0 and float(b[5]) > 0 for b in builds)
    assert all(b[6].startswith("convert ") for b in builds if b[1] == "archive"), builds
    measures = {row[0].strip(): row for row in rows if row[0].strip().endswith(("seed", "article"))}
    assert set(measures) == {
        "cold build, median ms/seed",
        "warm build, median ms/seed",
        "site KB per article",
    }
