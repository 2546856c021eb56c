"""Build the site from N synthetic seeds and print one table row of measurements.

    python bench/run.py 1000

The build runs twice: cold (empty seed cache) and warm (every seed cached). Columns:
seeds; cold wall time; warm wall time; peak RSS of the cold build; ms per seed; the
cold build's phases as the hook logs them (the archive's own conversion with its share of
the build, cold and warm; MkDocs and Material rendering pages; the search index, built in
a process of its own while pages render); the site's size; the
bytes Chromium downloads for a first search; and the share of known queries (phrases
from the seeds, see generate.known_queries) whose first result is the right article.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the shared harness
from generate import generate, known_queries
from harness import build_env, mkdocs_build
from search_check import check_search

SUMMARY = re.compile(
    r"archive: (\d+) seeds, (\d+) pages, .*\(convert ([\d.]+) s, "
    r"render ([\d.]+) s, search index ([\d.]+) s beside it; peak RSS (\d+) MB\)"
)
INDEX_PEAK = re.compile(r"search index: .* peaked at (\d+) MB")
COLUMNS = [
    "N",
    "cold s",
    "warm s",
    "peak RSS MB (build + index)",
    "ms/seed",
    "convert s cold (share)",
    "convert s warm (share)",
    "render s",
    "search index s (beside render)",
    "site MB",
    "first search KB",
    "right first",
]


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def _build(seeds: Path, site: Path, cache: Path) -> tuple[float, re.Match, int]:
    env = build_env(seeds_dir=seeds, cache_dir=cache)
    started = time.perf_counter()
    result = mkdocs_build(site, env)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    summary = SUMMARY.search(result.stderr)
    if summary is None:
        raise SystemExit(f"no summary line in the build log:\n{result.stderr}")
    return wall, summary, int(INDEX_PEAK.search(result.stderr)[1])


def measure(count: int, work: Path) -> tuple[list[str], list[str]]:
    """The table row, and the queries that did not find the right article first."""
    seeds, site, cache = work / "seeds", work / "site", work / "cache"
    texts = generate(count, seeds)
    cold, summary, index_mb = _build(seeds, site, cache)
    peak_mb = int(summary[6])
    if int(summary[1]) != count:
        raise SystemExit(f"expected {count} seeds, the build saw {summary[1]}")
    warm, warm_summary, _ = _build(seeds, site, cache)
    warm_convert = float(warm_summary[3])
    convert, render, search = (float(summary[i]) for i in (3, 4, 5))
    queries = [(q, f"/articles/seed_{n:05d}/") for q, n in known_queries(texts)]
    first_search, right, wrong = check_search(site, queries)
    row = [
        str(count),
        f"{cold:.1f}",
        f"{warm:.1f}",
        f"{peak_mb:.0f} + {index_mb}",
        f"{cold / count * 1000:.1f}",
        f"{convert:.1f} ({convert / cold:.0%})",
        f"{warm_convert:.1f} ({warm_convert / warm:.0%})",
        f"{render:.1f}",
        f"{search:.1f}",
        f"{_size(site) / 1e6:.0f}",
        f"{first_search / 1e3:.0f}",
        f"{right}/{len(queries)} ({right / len(queries):.0%})",
    ]
    return row, wrong


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        row, wrong = measure(arguments.count, Path(work))
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + " --- |" * len(COLUMNS))
    print("| " + " | ".join(row) + " |")
    for line in wrong:
        print(f"not first: {line}", file=sys.stderr)
