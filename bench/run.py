"""Build the site from N synthetic real-size seeds and print measurements.

    python bench/run.py 1000 10000 --runs 2

For each N, each run builds cold (empty caches, as on a fresh clone), warm (nothing
changed) and with one new seed added (the next seed the generator makes), then takes the
new seed out again. Printed per build: wall seconds, ms per seed, and the peak memory of
all the build's processes together (MkDocs, its conversion and rendering workers, the
search-index process: their resident memory summed, sampled every 0.1 s, so a peak
shorter than that can be missed). Per N, once, on the cold build's site: its bytes per
article, the bytes Chromium downloads for a first search, the share of known queries
(generate.known_queries) whose first result is the right article, and what opening one
article downloads besides HTML pages. Then the medians with their spread (min–max) and
the ratios of the largest N's times to the smallest's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the shared harness
from generate import generate, known_queries
from harness import ROOT, build_env
from page_view import page_view
from search_check import check_search

KINDS = ("cold", "warm", "one new seed")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class TreeMemory:
    """The peak of a process's and its descendants' resident memory, summed."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak

    def _watch(self) -> None:
        while not self._done.wait(self.interval):
            self.peak = max(self.peak, self._resident())

    def _resident(self) -> int:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:  # ended since listed
                    continue
                parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
        tree, grew = {self.pid}, True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= found
            grew = bool(found)
        total = 0
        for pid in tree:
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
            except (OSError, IndexError):
                continue
        return total


@dataclass
class Build:
    count: int
    run: int
    kind: str
    seconds: float
    peak_bytes: int


@dataclass
class Site:
    """What is measured once per N, on the cold build's site."""

    count: int
    bytes: int
    first_search: int
    right: int
    queries: int
    view: dict[str, int] = field(default_factory=dict)


def build(seeds: Path, site: Path, cache: Path) -> tuple[float, int]:
    """`mkdocs build` as `make build` runs it; wall seconds and peak memory of all its
    processes."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    env = build_env(seeds_dir=seeds, cache_dir=cache)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    memory = TreeMemory(process.pid)
    _, log = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{log}")
    return seconds, peak


def _site_bytes(site: Path) -> int:
    return sum(file.stat().st_size for file in site.rglob("*") if file.is_file())


def measure(count: int, runs: int, work: Path) -> tuple[list[Build], Site]:
    seeds, site, cache = work / "seeds", work / "site", work / "cache"
    texts = generate(count + 1, seeds)[:count]
    new_seed = work / "new-seed.txt"
    shutil.move(seeds / f"seed_{count:05d}.txt", new_seed)
    builds, measured = [], None
    for run in range(1, runs + 1):
        shutil.rmtree(cache, ignore_errors=True)
        for kind in KINDS:
            if kind == "one new seed":
                shutil.copy(new_seed, seeds)
            seconds, peak = build(seeds, site, cache)
            builds.append(Build(count, run, kind, seconds, peak))
            print(_build_row(builds[-1]), flush=True)
            if kind == "cold" and measured is None:
                measured = _measure_site(count, texts, site)
        (seeds / new_seed.name).unlink()
    assert measured is not None
    return builds, measured


def _measure_site(count: int, texts: list[str], site: Path) -> Site:
    queries = [(q, f"/articles/seed_{n:05d}/") for q, n in known_queries(texts)]
    first_search, right, wrong = check_search(site, queries)
    for line in wrong:
        print(f"not first: {line}", file=sys.stderr)
    view = page_view(site, f"articles/seed_{count // 2:05d}/")
    return Site(count, _site_bytes(site), first_search, right, len(queries), view)


def _build_row(b: Build) -> str:
    return (
        f"| {b.count} | {b.run} | {b.kind} | {b.seconds:.1f} | "
        f"{b.seconds / b.count * 1000:.1f} | {b.peak_bytes / 2**20:.0f} |"
    )


def _spread(values: list[float], digits: int = 1) -> str:
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.{digits}f}"
    return f"{middle:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def summary(builds: list[Build], sites: list[Site]) -> list[str]:
    lines = [
        "",
        "| N | build | wall s, median (min–max) | ms/seed | peak MB, all processes |",
        "| --- | --- | --- | --- | --- |",
    ]
    medians: dict[tuple[int, str], float] = {}
    for site in sites:
        for kind in KINDS:
            chosen = [b for b in builds if (b.count, b.kind) == (site.count, kind)]
            seconds = [b.seconds for b in chosen]
            medians[site.count, kind] = statistics.median(seconds)
            lines.append(
                f"| {site.count} | {kind} | {_spread(seconds)} | "
                f"{_spread([s / site.count * 1000 for s in seconds])} | "
                f"{_spread([b.peak_bytes / 2**20 for b in chosen], 0)} |"
            )
    lines += [
        "",
        "| N | site KB per article | first search KB | right first | "
        "article page view, KB besides HTML (files) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for site in sites:
        lines.append(
            f"| {site.count} | {site.bytes / site.count / 1e3:.1f} | "
            f"{site.first_search / 1e3:.0f} | {site.right}/{site.queries} | "
            f"{sum(site.view.values()) / 1e3:.1f} ({len(site.view)}) |"
        )
    if len(sites) > 1:
        small, large = sites[0].count, sites[-1].count
        lines.append("")
        for kind in KINDS:
            ratio = medians[large, kind] / medians[small, kind]
            lines.append(f"time({large}) / time({small}), {kind}: {ratio:.1f}")
        same = sorted(sites[0].view) == sorted(sites[-1].view)
        lines.append(f"page view: the same files at {small} and {large}: {same}")
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", type=int, nargs="+", help="archive sizes, smallest first")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (for the spread)")
    arguments = parser.parse_args()
    all_builds, all_sites = [], []
    print("| N | run | build | wall s | ms/seed | peak MB, all processes |")
    print("| --- | --- | --- | --- | --- | --- |")
    for number in sorted(arguments.counts):
        with tempfile.TemporaryDirectory() as folder:
            built, site_measured = measure(number, arguments.runs, Path(folder))
        all_builds += built
        all_sites.append(site_measured)
    print("\n".join(summary(all_builds, all_sites)))
