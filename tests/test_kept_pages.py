"""Article pages kept from the last build: a warm build publishes them without the
theme's templates, and the site is the one a cold build makes, byte for byte, whatever
changed in between (a neighbour's title, the site's address)."""

from __future__ import annotations

import functools
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import build_env, mkdocs_build
from seed_expectations import SEEDS_DIR

from clippings.finished_pages import FinishedPages, digest, stable_text

KEPT = re.compile(r"article pages: (\d+) as kept from the last build, (\d+) kept")


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _differences(site: Path, other: Path) -> list[str]:
    ours, theirs = _tree(site), _tree(other)
    only_one = sorted(ours.keys() ^ theirs.keys())
    return only_one + sorted(name for name in ours.keys() & theirs.keys()
                             if ours[name] != theirs[name])  # fmt: skip


def _build(seeds: Path, cache: Path, site: Path, site_url: str | None = None) -> tuple[int, int]:
    """Build; the pages published as kept and the pages kept for the next build."""
    result = mkdocs_build(site, build_env(seeds, cache, site_url), "--strict")
    assert result.returncode == 0, result.stderr
    counts = KEPT.search(result.stderr)
    assert counts is not None, result.stderr
    return int(counts[1]), int(counts[2])


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kept-seeds")
    for seed in SEEDS_DIR.glob("*.txt"):
        shutil.copy(seed, folder)
    return folder


@pytest.mark.site
def test_a_warm_build_publishes_kept_pages_and_the_cold_builds_site(seeds, tmp_path):
    cache = tmp_path / "cache"
    assert _build(seeds, cache, tmp_path / "cold") == (0, 5)
    assert _build(seeds, cache, tmp_path / "warm") == (5, 0)
    assert _differences(tmp_path / "warm", tmp_path / "cold") == []


@pytest.mark.site
def test_pages_beside_a_changed_one_are_templated_again(seeds, tmp_path):
    """002's title changes: 002, the oldest, is its one neighbour's footer link, so
    those two pages are made again, the other three are kept, and the site equals a
    cold build's."""
    cache = tmp_path / "cache"
    _build(seeds, cache, tmp_path / "before")
    seed = next(seeds.glob("002_*.txt"))
    original = seed.read_bytes()
    try:
        seed.write_bytes(original.replace(b"# OpenAI CEO", b"# OpenAI CEO Sam Altman", 1))
        reused, kept = _build(seeds, cache, tmp_path / "warm")
        _build(seeds, tmp_path / "no-cache", tmp_path / "cold")
    finally:
        seed.write_bytes(original)
    assert (reused, kept) == (3, 2)
    assert _differences(tmp_path / "warm", tmp_path / "cold") == []


@pytest.mark.site
def test_another_site_address_templates_every_page_again(seeds, tmp_path):
    cache = tmp_path / "cache"
    _build(seeds, cache, tmp_path / "first")
    assert _build(seeds, cache, tmp_path / "moved", "https://archive.example/") == (0, 5)
    _build(seeds, tmp_path / "no-cache", tmp_path / "cold", "https://archive.example/")
    assert _differences(tmp_path / "moved", tmp_path / "cold") == []


@pytest.mark.site
def test_an_unreadable_kept_page_is_templated_as_if_none_were_kept(seeds, tmp_path):
    cache = tmp_path / "cache"
    _build(seeds, cache, tmp_path / "cold")
    (store,) = cache.rglob("finisheds-*.sqlite")
    with sqlite3.connect(store) as db:
        db.execute("UPDATE seeds SET value = ?", (b"\x80\x04\x95 not a pickle",))
    reused, _ = _build(seeds, cache, tmp_path / "warm")
    assert reused == 0
    assert _differences(tmp_path / "warm", tmp_path / "cold") == []


@dataclass
class _Record:
    names: set[str]


def test_a_stable_text_is_the_same_for_equal_values_in_any_order():
    assert stable_text({"b": 1, "a": {3, 1, 2}}) == stable_text({"a": {2, 3, 1}, "b": 1})
    assert stable_text(_Record({"x", "y"})) == "_Record{'names': {'x', 'y'}}"
    assert stable_text(functools.partial(sorted, key=len)) == (
        "partial[builtins.sorted, [], {'key': builtins.len}]"
    )


def test_a_function_is_named_not_addressed():
    def local():
        pass

    assert "0x" not in stable_text([local, str.lower, len])


def test_parts_are_told_apart():
    assert digest(["ab", "c"]) != digest(["a", "bc"])


def test_a_kept_page_comes_back_as_kept(tmp_path):
    pages = FinishedPages(tmp_path, "v1")
    pages.keep("k", "<html>页面</html>")
    pages.close()
    again = FinishedPages(tmp_path, "v1")
    assert again.take("k") == "<html>页面</html>"
    assert again.take("other") is None
    assert FinishedPages(tmp_path, "v2").take("k") is None
