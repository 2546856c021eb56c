"""Faults injected into real builds of 300 real-size seeds: a cache is never the reason a
build fails, what cannot be survived is one line and a non-zero exit, and nothing a
build starts outlives it.

Builds that do not depend on each other run side by side: a single build keeps the
machine's two cores only partly busy. Faults that need a small disk mount a tmpfs and
are skipped, with the reason, where the tests do not run as root.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import ROOT, Tmpfs, build_env
from real_size_seeds import write_real_size_seeds
from seed_expectations import SEEDS_DIR

from clippings.cache import pipeline_version

pytestmark = [pytest.mark.site]

SEEDS = 300
EPOCH = "1700000000"  # reproducible builds: sitemap dates come from SOURCE_DATE_EPOCH


def _command(site: Path, strict: bool = False) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    return [*command, "--strict"] if strict else command


def _env(seeds: Path, cache: Path | str) -> dict[str, str]:
    return {**build_env(seeds_dir=seeds, cache_dir=cache), "SOURCE_DATE_EPOCH": EPOCH}


def _start(seeds: Path, cache: Path | str, site: Path, strict: bool = False) -> subprocess.Popen:
    return subprocess.Popen(
        _command(site, strict),
        cwd=ROOT,
        env=_env(seeds, cache),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _finish(build: subprocess.Popen) -> tuple[int, str]:
    output, _ = build.communicate(timeout=600)
    return build.returncode, output


def _build(seeds: Path, cache: Path | str, site: Path, strict: bool = False) -> tuple[int, str]:
    return _finish(_start(seeds, cache, site, strict))


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _differences(site: Path, reference: dict[str, bytes]) -> list[str]:
    tree = _tree(site)
    names = sorted(tree.keys() ^ reference.keys())
    return names + sorted(name for name in tree.keys() & reference.keys()
                          if tree[name] != reference[name])  # fmt: skip


def _lines(output: str, level: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(level)]


def _cache_file(cache_root: Path, seeds: Path) -> Path:
    """Where the build keeps the seed cache for this seeds folder (see archive_build)."""
    folder = hashlib.sha1(str(seeds.resolve()).encode()).hexdigest()[:12]
    return cache_root / folder / f"seeds-{pipeline_version()}.sqlite"


def _session(leader: int) -> list[str]:
    """Processes still alive (zombies are not) in the session a build started."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[3]) == leader and fields[0] != "Z":
            alive.append(f"{entry.name} {command[:120]}")
    return alive


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("the project's seeds/ folder is absent")
    return write_real_size_seeds(SEEDS, tmp_path_factory.mktemp("archive") / "seeds")


@pytest.fixture(scope="module")
def small_disks(tmp_path_factory):
    base = tmp_path_factory.mktemp("disks")
    disks = {"cache": Tmpfs(base / "cache", "1m"), "site": Tmpfs(base / "site", "2m")}
    yield disks
    for disk in disks.values():
        disk.unmount()


@pytest.fixture(scope="module")
def cold_builds(seeds, small_disks, tmp_path_factory):
    """Side by side: a clean build without a cache (the reference), a build over a
    damaged cache file, and one with its cache on a 1 MB disk."""
    work = tmp_path_factory.mktemp("cold")
    damaged_cache = work / "damaged-cache"
    damaged = _cache_file(damaged_cache, seeds)
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"half of a copied file, or what a sync tool left" * 100)
    builds = {
        "clean": _start(seeds, "", work / "clean"),
        "damaged": _start(seeds, damaged_cache, work / "damaged"),
    }
    full_cache = small_disks["cache"]
    if not full_cache.skip_reason:
        builds["full cache"] = _start(seeds, full_cache.folder, work / "full-cache")
    results = {name: _finish(build) for name, build in builds.items()}
    assert results["clean"][0] == 0, results["clean"][1]
    return {
        "reference": _tree(work / "clean"),
        "results": results,
        "sites": {"damaged": work / "damaged", "full cache": work / "full-cache"},
        "damaged file": damaged,
        "warm cache": damaged_cache,
    }


def test_a_damaged_cache_file_is_one_warning_moved_aside_and_the_site_is_unchanged(cold_builds):
    status, output = cold_builds["results"]["damaged"]
    assert status == 0, output
    assert "Traceback" not in output
    warnings = _lines(output, "WARNING")
    assert len(warnings) == 1, warnings
    damaged = cold_builds["damaged file"]
    assert str(damaged) in warnings[0] and "file is not a database" in warnings[0]
    assert damaged.with_name(damaged.name + ".damaged").is_file()
    assert _differences(cold_builds["sites"]["damaged"], cold_builds["reference"]) == []


def test_a_cache_on_a_full_1mb_disk_is_one_warning_and_the_site_is_unchanged(
    cold_builds, small_disks
):
    small_disks["cache"].skip_unless_mounted()
    status, output = cold_builds["results"]["full cache"]
    assert status == 0, output
    assert "Traceback" not in output
    warnings = _lines(output, "WARNING")
    assert len(warnings) == 1, warnings
    assert str(small_disks["cache"].folder) in warnings[0]
    assert "full" in warnings[0] or "No space left" in warnings[0]
    assert _differences(cold_builds["sites"]["full cache"], cold_builds["reference"]) == []


def test_a_site_folder_on_a_full_2mb_disk_is_one_line_naming_it_and_a_failed_build(
    seeds, cold_builds, small_disks
):
    disk = small_disks["site"]
    disk.skip_unless_mounted()
    site = disk.folder / "site"
    status, output = _build(seeds, cold_builds["warm cache"], site)
    assert status != 0
    assert "Traceback" not in output
    problems = [line for line in output.splitlines() if line and not line.startswith("INFO")]
    assert len(problems) == 1, output
    assert f"site folder {site}: its disk is full" in problems[0]
    assert "the site needs about" in problems[0]


def _kill_after(build: subprocess.Popen, seconds: float, processes: int) -> list[str]:
    """SIGKILL the build `seconds` in, or later once it runs `processes` processes (on a
    busy machine it may still be starting); the processes it had then."""
    started = time.monotonic()
    time.sleep(seconds)
    while len(running := _session(build.pid)) < processes and time.monotonic() < started + 60:
        time.sleep(0.1)
    os.kill(build.pid, signal.SIGKILL)
    build.communicate()
    return running


def _wait_until_gone(leader: int, seconds: float = 5.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _session(leader)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_a_build_killed_while_converting_leaves_no_process_alive(seeds, tmp_path):
    build = _start(seeds, tmp_path / "cache", tmp_path / "site")
    # Once the build itself, its two conversion workers and the multiprocessing resource
    # tracker run (conversion is over in a few seconds, so as soon as they do).
    processes = _kill_after(build, 0, processes=4)
    assert len(processes) >= 4, processes
    assert _wait_until_gone(build.pid) == []


def test_a_build_killed_while_rendering_leaves_no_process_and_two_next_builds_at_once_are_clean(
    seeds, cold_builds, tmp_path
):
    cache = cold_builds["warm cache"]
    build = _start(seeds, cache, tmp_path / "first")
    # The build itself, the search-index process and the resource tracker.
    processes = _kill_after(build, 4, processes=3)
    assert len(processes) >= 3, processes
    assert _wait_until_gone(build.pid) == []
    # The next build goes into the killed one's folders; another one shares its cache.
    first = _start(seeds, cache, tmp_path / "first")
    second = _start(seeds, cache, tmp_path / "second")
    for started in (first, second):
        status, output = _finish(started)
        assert status == 0, output
        assert _lines(output, "WARNING") == []
    for site in ("first", "second"):
        assert _differences(tmp_path / site, cold_builds["reference"]) == []


# Faults that need no bulk: the five seeds of the project.


@pytest.fixture
def five_seeds(tmp_path) -> Path:
    return write_real_size_seeds(5, tmp_path / "seeds")


def test_under_strict_a_cache_fault_is_said_at_info_level_and_the_build_passes(
    five_seeds, tmp_path
):
    damaged = _cache_file(tmp_path / "cache", five_seeds)
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"garbage" * 100)
    status, output = _build(five_seeds, tmp_path / "cache", tmp_path / "site", strict=True)
    assert status == 0, output
    assert _lines(output, "WARNING") == []
    notes = [line for line in _lines(output, "INFO") if "cache not used" in line]
    assert len(notes) == 1 and str(damaged) in notes[0]


def test_make_build_passes_the_one_line_through_for_a_missing_seeds_folder(tmp_path):
    missing = tmp_path / "nowhere"
    env = _env(missing, "")
    result = subprocess.run(["make", "build"], cwd=ROOT, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"seeds folder {missing} does not exist" in output
    assert "Traceback" not in output


def test_a_read_only_site_folder_is_one_line_and_a_failed_build(five_seeds, tmp_path):
    with Tmpfs(tmp_path / "disk", "1m", read_only=True) as disk:
        status, output = _build(five_seeds, "", disk / "site")
    assert status != 0
    assert "Traceback" not in output
    problems = [line for line in output.splitlines() if line and not line.startswith("INFO")]
    assert problems == [
        f"site folder {disk / 'site'} cannot be written (Read-only file system): "
        "make it writable, or build elsewhere with --site-dir"
    ]
