"""Build the site from N synthetic seeds and print one table row of measurements.

    python bench/run.py 1000

Columns: seeds, wall time, peak RSS of the build, ms per seed, the archive's own
conversion time and its share of the build, the built site's size, and the bytes a
browser downloads for a first search (Material's engine: the whole search index).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
CONVERTED = re.compile(r"converted (\d+) seeds in ([\d.]+) s")
HEADER = "| N | wall s | peak RSS MB | ms/seed | conversion s (share) | site MB | first search MB |"


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def measure(count: int, work: Path) -> str:
    seeds, site = work / "seeds", work / "site"
    generate(count, seeds)
    env = {**os.environ, "ARCHIVE_SEEDS_DIR": str(seeds), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    converted = CONVERTED.search(result.stderr)
    if converted is None or int(converted[1]) != count:
        raise SystemExit(f"expected {count} converted seeds:\n{result.stderr}")
    conversion = float(converted[2])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    search_mb = (site / "search" / "search_index.json").stat().st_size / 1e6
    return (
        f"| {count} | {wall:.1f} | {peak_mb:.0f} | {wall / count * 1000:.1f} | "
        f"{conversion:.1f} ({conversion / wall:.0%}) | {_size(site) / 1e6:.0f} | {search_mb:.1f} |"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        print(HEADER)
        print("| --- | --- | --- | --- | --- | --- | --- |")
        print(measure(arguments.count, Path(work)))
