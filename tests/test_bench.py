"""The benchmark runs end to end on a small archive (a smoke test, not a timing test)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from seed_expectations import ROOT


@pytest.mark.bench
@pytest.mark.site
@pytest.mark.browser
def test_benchmark_builds_200_synthetic_seeds():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "200"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    header, _, row = result.stdout.strip().splitlines()
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    measured = dict(zip(columns, cells, strict=True))
    assert measured["N"] == "200"
    # Generous limits: this only shows the benchmark works and nothing has gone quadratic.
    assert float(measured["cold s"]) < 120
    build_mb, index_mb = measured["peak RSS MB (build + index)"].split(" + ")
    assert float(build_mb) + float(index_mb) < 2000
    # Search is checked, not timed: every known query finds its article first.
    assert measured["right first"] == "60/60 (100%)"
    assert float(measured["first search KB"]) < 1000


def test_generated_seeds_cover_the_three_formats(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from clippings import build_archive

    generate(30, tmp_path)
    archive = build_archive(tmp_path)
    assert archive.problems == []
    assert {page.article.format for page in archive.pages} == {"wechat", "feed", "front-matter"}
    assert len({page.article.source_url for page in archive.pages}) == 30


@pytest.mark.bench
def test_html_benchmark_converts_saved_pages_of_real_size():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "html_pages.py"), "4"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    header, _, row = result.stdout.strip().splitlines()
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    measured = dict(zip(columns, [c.strip() for c in row.strip("|").split("|")], strict=True))
    low, high = measured["KB (min–max, median)"].split(",")[0].split("–")
    assert 50 <= int(low) <= int(high) <= 300
    # Every page's article came through: its phrase and title, none of the boilerplate.
    assert measured["text right"] == "4/4"
