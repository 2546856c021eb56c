"""The per-seed conversion cache: unchanged seeds are not converted again."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from harness import Tmpfs
from PIL import Image
from worker_pools import count_pools

from clippings import build_archive
from clippings import cache as cache_module
from clippings import pipeline as pipeline_module
from clippings.cache import SeedCache, pipeline_version
from clippings.media.manifest import ImageRecord
from clippings.media.site_media import _thumbnail, make_thumbnail
from clippings.progress import progress_reporter

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_second_build_reads_every_seed_from_the_cache_and_gives_the_same_archive(
    seeds, tmp_path, monkeypatch
):
    uncached = build_archive(seeds)
    first = SeedCache(tmp_path / "cache")
    build_archive(seeds, cache=first)
    first.close()
    assert (first.hits, first.misses) == (0, 5)

    calls = []
    monkeypatch.setattr(pipeline_module, "read_seed", lambda *a: calls.append(a))
    second = SeedCache(tmp_path / "cache")
    cached = build_archive(seeds, cache=second)
    second.close()
    assert (second.hits, second.misses) == (5, 0)
    assert calls == []
    assert cached.pages == uncached.pages
    assert cached.problems == uncached.problems


def test_an_edited_seed_is_converted_again(seeds, tmp_path):
    warm = SeedCache(tmp_path / "cache")
    build_archive(seeds, cache=warm)
    warm.close()
    seed = next(seeds.glob("002_*.txt"))
    seed.write_text(seed.read_text("utf-8").replace("预训练", "预先训练", 1), "utf-8")
    cache = SeedCache(tmp_path / "cache")
    archive = build_archive(seeds, cache=cache)
    cache.close()
    assert (cache.hits, cache.misses) == (4, 1)
    page = next(p for p in archive.pages if p.article.seed_path == seed.name)
    assert "预先训练" in page.markdown


def test_another_pipeline_version_starts_afresh_and_removes_the_old_file(tmp_path):
    SeedCache(tmp_path, pipeline="old").close()
    SeedCache(tmp_path, pipeline="new").close()
    assert [p.name for p in tmp_path.iterdir()] == ["seeds-new.sqlite"]


def test_entries_no_build_asked_for_are_dropped(tmp_path):
    cache = SeedCache(tmp_path, pipeline="v")
    cache.put("a", 1)
    cache.put("b", 2)
    cache.close()
    cache = SeedCache(tmp_path, pipeline="v")
    assert cache.get("a") == 1
    cache.close()
    cache = SeedCache(tmp_path, pipeline="v")
    assert cache.get("b") is None
    cache.close()


def test_the_pipeline_version_follows_the_package_source(tmp_path, monkeypatch):
    package = tmp_path / "clippings"
    shutil.copytree(Path(cache_module.__file__).parent, package)
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    before = pipeline_version()
    assert pipeline_version() == before
    cleaning = package / "cleaning" / "whitespace.py"
    cleaning.write_text(cleaning.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert pipeline_version() != before


def test_progress_is_reported_for_every_seed(seeds):
    seen = []
    build_archive(seeds, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]


def test_progress_lines_come_every_tenth_and_at_the_end():
    lines: list[str] = []
    progress = progress_reporter(lines.append, "converting seeds")
    for done in range(1, 10_001):
        progress(done, 10_000)
    assert lines[0] == "converting seeds: 1000/10000"
    assert len(lines) == 10 and lines[-1] == "converting seeds: 10000/10000"


def test_many_seeds_are_converted_on_every_core_with_the_same_result(seeds, monkeypatch):
    serial = build_archive(seeds)
    pools = count_pools(monkeypatch, pipeline_module)
    seen = []
    parallel = build_archive(seeds, progress=lambda done, total: seen.append(done))
    assert parallel.pages == serial.pages
    assert parallel.problems == serial.problems
    assert seen == [1, 2, 3, 4, 5]
    assert pools == [2]


# Faults: the cache only saves time, so none of them stops a build.


def test_a_damaged_file_is_moved_aside_and_the_cache_filled_again(tmp_path):
    cache = SeedCache(tmp_path, pipeline="v")
    cache.put("a", 1)
    cache.close()
    cache.path.write_bytes(b"not a database, whatever it was" * 64)
    cache = SeedCache(tmp_path, pipeline="v")
    assert cache.get("a") is None
    cache.put("a", 2)
    cache.close()
    assert "file is not a database; moved aside to seeds-v.sqlite.damaged" in cache.trouble
    assert (tmp_path / "seeds-v.sqlite.damaged").is_file()
    again = SeedCache(tmp_path, pipeline="v")
    assert again.get("a") == 2 and again.trouble is None
    again.close()


def test_a_file_damaged_while_a_build_reads_it_is_replaced_and_the_build_goes_on(tmp_path):
    cache = SeedCache(tmp_path, pipeline="v")
    cache.put("a", 1)
    cache._commit()
    cache.path.write_bytes(b"\0garbage" * 4096)
    assert cache.get("a") is None
    cache.put("b", 2)
    cache.close()
    assert cache.trouble is not None and str(cache.path) in cache.trouble
    again = SeedCache(tmp_path, pipeline="v")
    assert again.get("b") == 2
    again.close()


def test_an_entry_that_does_not_unpickle_is_converted_again(seeds, tmp_path):
    cache = SeedCache(tmp_path, pipeline="v")
    build_archive(seeds, cache=cache)
    cache.close()
    cache = SeedCache(tmp_path, pipeline="v")
    cache._db.execute("UPDATE seeds SET value = ?", (b"\x80\x05not a pickle",))
    archive = build_archive(seeds, cache=cache)
    cache.close()
    assert (cache.hits, cache.misses) == (0, 5)
    assert "an entry does not unpickle" in cache.trouble
    assert archive.pages == build_archive(seeds).pages


def test_a_cache_locked_beyond_the_timeout_is_not_used(seeds, tmp_path, monkeypatch):
    SeedCache(tmp_path, pipeline="v").close()
    holder = sqlite3.connect(tmp_path / "seeds-v.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(SeedCache, "LOCK_TIMEOUT", 0.1)
    try:
        cache = SeedCache(tmp_path, pipeline="v")
        archive = build_archive(seeds, cache=cache)
        cache.close()
    finally:
        holder.close()
    assert "database is locked" in cache.trouble
    assert len(archive.pages) == 5


def test_a_cache_on_a_read_only_disk_is_only_read(tmp_path):
    with Tmpfs(tmp_path / "disk", "1m") as disk:
        cache = SeedCache(disk, pipeline="v")
        cache.put("a", 1)
        cache.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        cache = SeedCache(disk, pipeline="v")
        assert cache.get("a") == 1
        cache.put("b", 2)
        cache.close()
        assert "readonly" in cache.trouble or "read-only" in cache.trouble


def test_a_cache_on_a_full_disk_is_only_read_and_says_so(tmp_path):
    with Tmpfs(tmp_path / "disk", "256k") as disk:
        cache = SeedCache(disk, pipeline="v")
        for number in range(100):
            cache.put(str(number), os.urandom(16_000))
        cache.close()
        assert "database or disk is full" in cache.trouble


def test_a_cache_folder_that_cannot_be_made_is_not_used(tmp_path):
    (tmp_path / "file").write_text("x")
    cache = SeedCache(tmp_path / "file" / "cache", pipeline="v")
    assert cache.get("a") is None
    cache.put("a", 1)
    cache.close()
    assert "this build goes on without it" in cache.trouble


def test_a_thumbnail_cache_that_cannot_be_written_is_reported_and_the_thumbnail_made(tmp_path):
    source = tmp_path / "cover.png"
    Image.new("RGB", (300, 200), "red").save(source)
    record = ImageRecord("https://example.org/c.png", ("a.md",), "2024-01-01T00:00:00Z",
                         file="c.png", sha256="ab" * 32)  # fmt: skip
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    troubles: list[str] = []
    thumbnail = _thumbnail(source, record, tmp_path / "cache", troubles.append)
    assert thumbnail == make_thumbnail(source)
    assert len(troubles) == 1 and troubles[0].startswith(f"thumbnail cache {tmp_path / 'cache'}")
