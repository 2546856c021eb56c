"""The benchmark runs end to end on a small archive (a smoke test, not a timing test)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from seed_expectations import ROOT


def _table(output: str, first_column: str) -> list[dict[str, str]]:
    """The rows of the printed Markdown table whose header starts with first_column."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_column} |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


@pytest.mark.bench
@pytest.mark.site
@pytest.mark.browser
def test_benchmark_builds_200_synthetic_seeds():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "200"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    builds = _table(result.stdout, "N | run")
    assert [(row["N"], row["build"]) for row in builds] == [
        ("200", "cold"), ("200", "warm"), ("200", "one new seed")
    ]  # fmt: skip
    # Generous limits: this only shows the benchmark works and nothing has gone quadratic.
    assert float(builds[0]["wall s"]) < 120
    assert all(0 < float(row["peak MB, all processes"]) < 2000 for row in builds)
    (site,) = _table(result.stdout, "N | site KB per article")
    # Search is checked, not timed: every known query finds its article first.
    assert site["right first"] == "60/60"
    assert float(site["first search KB"]) < 1000
    # Opening an article downloads the theme's files and no sitemap.
    kilobytes, files = site["article page view, KB besides HTML (files)"].split()
    assert float(kilobytes) > 0 and files != "(0)"


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
