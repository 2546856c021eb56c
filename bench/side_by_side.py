"""The archive beside stock MkDocs + Material, on the same N seeds, builds alternated.

    python bench/side_by_side.py 1200 --rounds 2

Stock is what publishing the raw text costs: each seed as a plain Markdown page (its
text decoded to UTF-8, nothing else), Material with its default settings, the search
plugin on, the pages out of the nav (`not_in_nav`), no hooks, no Markdown extensions
beyond MkDocs' own. The archive is this project's build (`bench/run.py` builds the same
way). Each round builds both cold (archive: empty cache; stock has none), then both
warm (the same build again; the archive's caches full), the order of the two swapped
every round so that a machine getting faster or slower favours neither. Printed: per
build and round the wall time, ms per seed, the site's bytes per article and the
archive's own phases (its log's summary), then the medians and the archive/stock
ratios the issue's "Done when" asks about.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the shared harness
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # reading seeds
from generate import generate
from harness import build_env, mkdocs_build

from clippings.decoding import decode_seed
from clippings.discovery import discover_seeds

STOCK_CONFIG = """\
site_name: Stock MkDocs + Material
docs_dir: docs
theme:
  name: material
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /articles/
"""
PHASES = re.compile(r"archive: .*\((convert [^)]*?)[,;] peak RSS")


@dataclass
class Build:
    kind: str  # "archive" or "stock"
    state: str  # "cold" or "warm"
    seconds: float
    site_bytes: int
    # The archive's own account of where the time went (its build log's summary).
    phases: str = ""


def _site_bytes(site: Path) -> int:
    return sum(file.stat().st_size for file in site.rglob("*") if file.is_file())


def write_stock_project(seeds: Path, project: Path) -> int:
    """A stock MkDocs project with every seed as a page; returns the number of pages."""
    articles = project / "docs" / "articles"
    articles.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Stock\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    found, _ = discover_seeds(seeds)
    for seed in found:
        text = decode_seed(seed.path.read_bytes()).text
        name = str(seed.relative_path.with_suffix("")).replace("/", "__")
        (articles / f"{name}.md").write_text(text, encoding="utf-8")
    return len(found)


def _archive_build(seeds: Path, work: Path, state: str) -> Build:
    cache, site = work / "archive-cache", work / "archive-site"
    if state == "cold":
        shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    result = mkdocs_build(site, build_env(seeds_dir=seeds, cache_dir=cache))
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"archive build failed:\n{result.stderr}")
    phases = PHASES.search(result.stderr)
    return Build("archive", state, seconds, _site_bytes(site), phases[1] if phases else "")


def _stock_build(project: Path, work: Path, state: str) -> Build:
    site = work / "stock-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    env = build_env()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"stock build failed:\n{result.stderr}")
    return Build("stock", state, seconds, _site_bytes(site))


def compare(count: int, rounds: int, work: Path) -> list[Build]:
    """Every build of every round, printed as it finishes."""
    seeds, project = work / "seeds", work / "stock"
    generate(count, seeds)
    pages = write_stock_project(seeds, project)
    if pages != count:
        raise SystemExit(f"expected {count} seeds, found {pages}")
    kinds = {
        "archive": lambda state: _archive_build(seeds, work, state),
        "stock": lambda state: _stock_build(project, work, state),
    }
    builds = []
    print("| round | build | cold/warm | wall s | ms/seed | KB/article | archive's phases |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for number in range(1, rounds + 1):
        order = ["archive", "stock"] if number % 2 else ["stock", "archive"]
        for state in ("cold", "warm"):
            for kind in order:
                build = kinds[kind](state)
                builds.append(build)
                print(
                    f"| {number} | {kind} | {state} | {build.seconds:.1f} | "
                    f"{build.seconds / count * 1000:.1f} | {build.site_bytes / count / 1e3:.1f} | "
                    f"{build.phases} |",
                    flush=True,
                )
    return builds


def summary(builds: list[Build], count: int) -> list[str]:
    """Medians per build and state, and the archive/stock ratios."""

    def median(kind: str, state: str, value) -> float:
        return statistics.median(value(b) for b in builds if (b.kind, b.state) == (kind, state))

    lines = ["", "| measure | archive | stock | archive/stock |", "| --- | --- | --- | --- |"]
    for state in ("cold", "warm"):
        archive = median("archive", state, lambda b: b.seconds)
        stock = median("stock", state, lambda b: b.seconds)
        lines.append(
            f"| {state} build, median ms/seed | {archive / count * 1000:.1f} | "
            f"{stock / count * 1000:.1f} | {archive / stock:.2f} |"
        )
    archive_kb = median("archive", "cold", lambda b: b.site_bytes) / count / 1e3
    stock_kb = median("stock", "cold", lambda b: b.site_bytes) / count / 1e3
    lines.append(
        f"| site KB per article | {archive_kb:.1f} | {stock_kb:.1f} | {archive_kb / stock_kb:.2f} |"
    )
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int, help="seeds to generate (bench/generate.py)")
    parser.add_argument("--rounds", type=int, default=2, help="alternated rounds (at least 2)")
    arguments = parser.parse_args()
    if arguments.rounds < 2:
        parser.error("at least two rounds: one round cannot tell the machine's drift")
    with tempfile.TemporaryDirectory() as folder:
        results = compare(arguments.count, arguments.rounds, Path(folder))
    print("\n".join(summary(results, arguments.count)))
