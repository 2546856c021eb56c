"""Live preview at scale: how long after an edit to one seed the browser shows it.

    python bench/live_preview.py 1000

Starts `mkdocs serve --dirty` (as `make serve` does) on N synthetic seeds, opens one
article in Chromium, then three times appends a new sentence to that article's seed
and measures the time until the page, reloaded by MkDocs' live reload, shows it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the shared harness
from generate import generate
from harness import ROOT, build_env, chromium, free_port


def _wait_for(url: str, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.25)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def measure(count: int, work: Path, edits: int = 3) -> tuple[float, list[float]]:
    """Seconds until the first build was served, and the seconds each edit took to show."""
    seeds = work / "seeds"
    generate(count, seeds)
    port = free_port()
    env = build_env(seeds_dir=seeds, cache_dir=work / "cache")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    number = count // 2
    url = f"http://127.0.0.1:{port}/articles/seed_{number:05d}/"
    seed = seeds / f"seed_{number:05d}.txt"
    latencies = []
    try:
        first_build = _wait_for(url, timeout=600)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            for edit in range(edits):
                marker = f"实时预览第{edit}次修改"
                time.sleep(1)  # let the watcher settle after the previous build
                started = time.perf_counter()
                seed.write_text(seed.read_text("utf-8") + f"\n\n{marker}。\n", "utf-8")
                page.wait_for_function(
                    "marker => document.body && document.body.textContent.includes(marker)",
                    arg=marker,
                    timeout=120_000,
                )
                latencies.append(time.perf_counter() - started)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return first_build, latencies


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        first, latencies = measure(arguments.count, Path(work))
    print("| N | first build served s | edit shown s (median of 3) | each edit s |")
    print("| --- | --- | --- | --- |")
    each = ", ".join(f"{latency:.1f}" for latency in latencies)
    print(f"| {arguments.count} | {first:.1f} | {statistics.median(latencies):.1f} | {each} |")
